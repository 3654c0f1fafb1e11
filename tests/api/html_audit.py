"""A structural audit of rendered HTML: what could run script, found by parsing rather than by string search."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "img", "base", "meta-refresh", "frame", "frameset", "applet", "form-x"}


@dataclass
class Audit:
    scripts: list[str | None] = field(default_factory=list)
    handlers: list[tuple[str, str]] = field(default_factory=list)
    script_urls: list[tuple[str, str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def text_content(self) -> str:
        return "".join(self.text)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.audit = Audit()

    def handle_data(self, data: str) -> None:
        self.audit.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.audit.tags.append(tag)
        values = dict(attrs)
        if tag == "script":
            self.audit.scripts.append(values.get("src"))
        if tag in FORBIDDEN_TAGS:
            self.audit.forbidden.append(tag)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.audit.forbidden.append("meta refresh")
        for name, value in attrs:
            if name.startswith("on"):
                self.audit.handlers.append((tag, name))
            if name == "style":
                self.audit.style_attributes.append(tag)
            if name in URL_ATTRIBUTES and value is not None:
                compact = "".join(value.split()).lower()
                if compact.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.audit.script_urls.append((tag, value))


def audit_html(text: str) -> Audit:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.audit


def assert_no_script_but_ours(text: str) -> Audit:
    audit = audit_html(text)
    assert audit.scripts == ["/static/app.js"], audit.scripts
    assert audit.handlers == [], audit.handlers
    assert audit.script_urls == [], audit.script_urls
    assert audit.forbidden == [], audit.forbidden
    assert audit.style_attributes == [], audit.style_attributes
    return audit
