"""Attributions from the dependency parse: source, cue and content, for direct, indirect and mixed quotes.

PolNeAR's scheme (Newell et al. 2018): each attribution has a cue (``said``, ``told``, ``according to``, ``:``), an
optional source (who said it, as written: ``he``, ``the Afghan politician``) and a content (what was said). Rules:

* **Cue verbs** outside quote marks, kept when the learned cue model (:mod:`.cues`) is sure enough. How the verb
  carries content (:func:`verb_frame`) decides the content: the direct quote next to the verb's clause
  (``“…,” he said`` / ``he said: “…”``), its clausal complement (``ccomp``, with its ``that``), the clause it is
  tucked after (``X is ready, the leader … told TASS``), the object of a preposition (``referring to …``), an open
  complement, a direct object or, for a passive verb without them, its subject (``The meeting was reported by …``);
  a cue in the middle of its sentence (``The goal, he said, is …``) takes the whole sentence. The source is the
  verb's subject (whole phrase, ``, who …`` included; for a passive verb its ``by`` phrase), or the subject of
  the verb a participle hangs from (``…, saying that``). Raising verbs (``Trump appears to …``) take the whole
  clause as content and no source. A speech verb heading an ``as`` clause (``As Reuters reported, …``) reports
  the clause it hangs from.
* Elsewhere: cues that are not verbs (:mod:`.phrase_cues`: ``according to X``, colons, dashes, headlines), noun
  cues and polls (:mod:`.nouns`), transcript lines (:mod:`.transcript`).
* **Split quotes**: ``“A,” he said. “B”`` gives one attribution whose content has two parts, A and B.
* Spans never cross a line break (the parser sometimes runs a clause over one).
* **Nesting**: PolNeAR gives each word one role, so of two attributions where one's cue lies in the other's content
  only one is kept: the surer, or the outer one when both are sure (``X reported that Y said Z`` keeps X's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from storyline.extract.quotes.cues import SPEECH_VERBS, cue_score, is_according_to, nearest_subject
from storyline.extract.quotes.direct import QuotedSpan
from storyline.extract.quotes.spans import (
    CONTENT_PREPOSITIONS,
    cue_through_modifiers,
    fronted_start,
    is_object,
    lead_in_start,
    light_verb_object,
    passive_subject,
    second_clause_end,
    to_quote_end,
    trailing_modifiers_end,
    without_which_clause,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp"})
EDGE_PUNCTUATION = " \t\n\xa0\u2009\u200b\u202f,.;:!?—–-…\"'“”‘’«»()[]•·▪"
MAX_SPLIT_GAP = 200
MAX_SPLIT_PHRASE = 60
MODEL_THRESHOLD = 0.45
SURE = 0.8


@dataclass(frozen=True)
class Attribution:
    """Character spans of one attribution; ``content`` may have several parts (a quote split around its cue)."""

    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    direct: bool
    kind: str  # "verb", "according", "colon", "dash", "continued"
    score: float = 1.0  # how sure the cue is (the cue model's probability for verbs)

    @property
    def content_start(self) -> int:
        return self.content[0][0]

    @property
    def content_end(self) -> int:
        return self.content[-1][1]


_DANGLING_WORD = re.compile(r"[\s,;]+(?:and|but|or|while|who|which|because|when)$", re.IGNORECASE)


def _without_dangling_word(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A content that the parse cut after a conjunction or relative pronoun (``…, and``) ends before it."""
    match = _DANGLING_WORD.search(text, span[0], span[1])
    return span if match is None or match.start() <= span[0] else trim(text, span[0], match.start())


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without spaces and punctuation (quote marks included) at either edge; a closing bracket
    stays when it closes one inside the span."""
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        closing = text[end - 1]
        if closing in ")]" and ("(" if closing == ")" else "[") in text[start : end - 1]:
            break  # "Harry Reid (D)", "when you do [disagree]": the bracket closes one inside the span
        end -= 1
    return start, end


def _subtree_span(token: Token, exclude: Token | None = None) -> tuple[int, int]:
    """Character span of ``token``'s subtree (left edge to right edge), cut before ``exclude`` when it lies inside."""
    left, right = token.left_edge.i, token.right_edge.i
    doc = token.doc
    if exclude is not None and left <= exclude.i <= right:
        if exclude.i > token.i:
            right = exclude.i - 1
        else:
            left = exclude.i + 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def quote_at(quotes: Sequence[QuotedSpan], position: int) -> QuotedSpan | None:
    for quote in quotes:
        if quote.outer_start <= position < quote.outer_end:
            return quote
    return None


def _gap_is_punctuation(text: str, start: int, end: int, allow: str = "") -> bool:
    if end < start or "\n" in text[start:end]:
        return False
    return all(ch in EDGE_PUNCTUATION or ch in allow for ch in text[start:end])


MAX_CATENATIVE_GAP = 3
CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _gap_is_clause_joint(text: str, start: int, end: int) -> bool:
    """Only spaces, commas, colons or dashes between a quote and its cue clause (one sentence, one line)."""
    return start <= end and all(ch in " \t,:–—-" for ch in text[start:end])


def cue_span(token: Token) -> tuple[int, int]:
    """The cue's characters: the verb with the auxiliaries, negation and adverbs right before it (``has said``,
    ``is not expected``, ``also said``) and its particle (``pointed out``)."""
    doc = token.doc
    first = token.i
    while first - 1 >= 0 and doc[first - 1].head.i == token.i and doc[first - 1].dep_ in CUE_LEFT_DEPS:
        if doc[first - 1].tag_ == "WRB":
            break  # "when asked": the cue is "asked"
        first -= 1
    start = doc[first].idx
    infinitive = token.dep_ == "advcl" and token.i > 0 and doc[token.i - 1].lower_ == "to"
    if (token.dep_ == "xcomp" or infinitive) and 0 < token.i - token.head.i <= MAX_CATENATIVE_GAP:
        start = min(start, cue_span(token.head)[0])  # "continued to say", "went on to argue"
    end = token.idx + len(token)
    for child in token.rights:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child)
    return start, end


def _adjacent_quote(
    text: str, quotes: Sequence[QuotedSpan], clause_start: int, clause_end: int, used: set[int], block: bool = False
) -> QuotedSpan | None:
    """A quote right before (``“…,” he said``) or right after (``he said: “…”``) the cue clause; with ``block``
    (a speech verb), also one that opens the paragraph after a clause ending its own with a colon."""
    for index, quote in enumerate(quotes):
        if index in used:
            continue
        if quote.outer_end <= clause_start and _gap_is_clause_joint(text, quote.outer_end, clause_start):
            if text[quote.end - 1] == ".":
                continue  # “… soon.” Officials said …: the quote closed its sentence
            return quote
        if quote.outer_start >= clause_end and (
            _gap_is_clause_joint(text, clause_end, quote.outer_start)
            or (block and BLOCK_COLON.fullmatch(text, clause_end, quote.outer_start) is not None)
        ):
            return quote  # "he said: “…”", or the quote in the paragraph after "He said:"
    return None


# "The governor added:" ending its paragraph: what was said is the next paragraph (a block quote)
BLOCK_COLON = re.compile(r"[ \t]*:[ \t]*\n\s*")
BLOCK_CUE_VERBS = SPEECH_VERBS | {"continue", "report", "write", "ask"}


def _block_after(text: str, clause_end: int) -> tuple[int, int] | None:
    """The paragraph after a cue clause that ends its own with a colon, or None."""
    colon = BLOCK_COLON.match(text, clause_end)
    if colon is None or colon.end() >= len(text):
        return None
    end = text.find("\n", colon.end())
    start, end = trim(text, colon.end(), len(text) if end < 0 else end)
    return (start, end) if end > start else None


def _clause_extent(verb: Token, source: tuple[int, int] | None, text: str) -> tuple[int, int]:
    """Characters from the source (or the verb) to the end of the verb's own small clause (no complements)."""
    start = verb.idx if source is None else min(source[0], verb.idx)
    end = verb.idx + len(verb)
    for child in verb.rights:
        if child.dep_ in ("nsubj", "nsubjpass", "prt", "dobj", "dative", "npadvmod", "advmod", "prep"):
            end = max(end, child.right_edge.idx + len(child.right_edge))
    if source is not None:
        end = max(end, source[1])
    left = verb
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg", "advmod"):
            left = min(left, child, key=lambda t: t.i)
    line_start, line_end = paragraph_of(text, verb.idx)
    return max(line_start, min(start, left.idx)), min(line_end, end)


def is_direct(quotes: Sequence[QuotedSpan], parts: Sequence[tuple[int, int]]) -> bool:
    length = sum(end - start for start, end in parts)
    quoted = 0
    for start, end in parts:
        for quote in quotes:
            quoted += max(0, min(end, quote.end) - max(start, quote.start))
    return length > 0 and quoted * 2 >= length


RAISING_VERBS = frozenset({"appear", "seem", "expect", "likely"})
HOST_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj", "dep"})


AS_CUE_VERBS = SPEECH_VERBS | {"report", "put", "point"}
# frames whose verbs are cues by rule: the cue model neither scores nor learns them
RULE_FRAMES = frozenset({"as", "block"})


def _is_as_clause(token: Token) -> bool:
    """``As reported by Reuters, …``, ``As Reuters reported, …``, ``…, as the minister put it``: a speech verb
    heading an ``as`` clause of another verb, with no complement of its own, reports that verb's clause."""
    if (
        token.dep_ != "advcl"
        or token.head.i == token.i
        or token.lemma_.lower() not in AS_CUE_VERBS
        or not any(child.dep_ == "mark" and child.lower_ == "as" and child.i < token.i for child in token.children)
    ):
        return False
    name = _by_less(token)
    return not any(  # "as she explained how tough it is": the clause's own complement is what was said
        child.dep_ in ("ccomp", "xcomp", "dobj", "dative", "pcomp") and child.lower_ != "it" and child != name
        for child in token.rights
    )


def _by_less(token: Token) -> Token | None:
    """The name after a participle with no subject, its ``by`` left out (``As reported Satellite Tajikistan, …``, in
    machine-translated news), or None."""
    if token.tag_ not in ("VBN", "VBD") or any(child.dep_ in SUBJECT_DEPS for child in token.children):
        return None
    return next((c for c in token.rights if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)


def _as_clause_content(token: Token, text: str) -> tuple[int, int]:
    """The clause an ``as`` clause reports: its head's words on the far side of the ``as`` clause."""
    head = token.head
    if token.i < head.i:
        return trim(text, token.right_edge.idx + len(token.right_edge), head.right_edge.idx + len(head.right_edge))
    return trim(text, head.left_edge.idx, token.left_edge.idx)


def _as_clause_source(token: Token) -> tuple[int, int] | None:
    """Who an ``as`` clause names: its subject (``As Reuters reported``) or its ``by`` phrase (``As reported by
    Reuters``); never the subject of the clause it reports."""
    subjects = [child for child in token.children if child.dep_ in SUBJECT_DEPS]
    if subjects and subjects[0].lower_ not in ("it", "this"):
        return _subtree_span(subjects[0], exclude=token)
    name = _by_less(token)
    return _agent_span(token) if name is None else _subtree_span(name)


def verb_frame(
    token: Token, quotes: Sequence[QuotedSpan], used: set[int], text: str
) -> tuple[str, Token | QuotedSpan | None]:
    """How a verb carries content: ``as`` (``As Reuters reported, …``: the clause the verb's ``as`` clause hangs
    from), ``quote`` (a quote next to its clause), ``ccomp``, ``host`` (the verb is tucked
    after the clause it reports: ``X is ready, Y told TASS``), ``prep:about`` (the object of a preposition), ``xcomp``,
    ``dobj``, ``subjpass`` (a passive verb's subject: ``The meeting was first reported by Politico``) or ``none``;
    with the token (or quote) heading the content (``text`` is ``token.doc.text``, passed in because spaCy rebuilds
    it on each access)."""
    if _is_as_clause(token):
        return "as", token.head
    subject = nearest_subject(token)
    source = _subtree_span(subject, exclude=token) if subject is not None else None
    clause_start, clause_end = _clause_extent(token, source, text)
    block = token.lemma_.lower() in BLOCK_CUE_VERBS
    quote = _adjacent_quote(text, quotes, clause_start, clause_end, used, block)
    clauses = [child for child in token.children if child.dep_ in CLAUSE_DEPS]
    if quote is not None and not (clauses and _covers(clauses[0], quote)):
        return "quote", quote
    if block and _block_after(text, clause_end) is not None:
        return "block", token
    after = [child for child in clauses if child.i > token.i]
    if after:  # a clause the parser hung on the verb from the sentence before loses to one after it
        return "ccomp", after[0]
    if clauses and (token.lemma_.lower() in SPEECH_VERBS or not any(is_object(child) for child in token.rights)):
        return "ccomp", clauses[0]  # "A, he told AFP"; an object after another verb wins ("cites a memo")
    if (
        token.dep_ in HOST_DEPS
        and token.lemma_.lower() in SPEECH_VERBS
        and token.head.lemma_.lower() not in SPEECH_VERBS
        and token.head.i < token.i
        and clause_start > token.head.left_edge.idx
    ):
        before = text[:clause_start].rstrip()
        if before.endswith((",", "—", "–")):
            return "host", token.head
    if (
        token.dep_ in HOST_DEPS
        and token.lemma_.lower() in SPEECH_VERBS
        and token.head.i > token.i
        and text[:clause_start].rstrip().endswith(",")
        and text[clause_end:].lstrip().startswith(",")
    ):
        return "mid", token.head  # "The goal, he said, is to …"
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS:
            objects = [grandchild for grandchild in child.children if grandchild.dep_ in ("pobj", "pcomp")]
            if objects:
                return f"prep:{child.lower_}", child
    for dep in ("xcomp", "dobj"):
        for child in token.rights:
            if child.dep_ == dep:
                return dep, child
    subject = passive_subject(token)
    return ("subjpass", subject) if subject is not None else ("none", None)


def verb_attributions(doc: Doc, quotes: Sequence[QuotedSpan], used: set[int]) -> list[Attribution]:
    found: list[Attribution] = []
    text = doc.text
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or quote_at(quotes, token.idx) is not None or is_according_to(token):
            continue
        frame, head = verb_frame(token, quotes, used, text)
        if head is None:
            continue
        if frame == "dobj" and token.lemma_.lower() == "quote" and isinstance(head, Token) and head.pos_ == "PROPN":
            continue  # "France 24 quoted Financial Times as …": the object is who is quoted, not what
        score = 1.0 if frame in RULE_FRAMES else cue_score(token, frame)
        if score < MODEL_THRESHOLD:
            continue
        source = _as_clause_source(token) if frame == "as" else source_span(token)
        cue = cue_span(token)
        parts: tuple[tuple[int, int], ...]
        if frame == "block":
            subject = nearest_subject(token)
            clause_end = _clause_extent(token, None if subject is None else _subtree_span(subject, token), text)[1]
            block = _block_after(text, clause_end)
            if block is None:
                continue
            parts = (block,)
        elif frame == "as":
            parts = (_as_clause_content(token, text),)
            if parts[0][1] <= parts[0][0]:
                continue
            it = next((c for c in token.rights if c.dep_ == "dobj" and c.lower_ == "it"), None)
            cue = cue if it is None else (cue[0], it.idx + len(it))  # "as the minister put it"
        elif isinstance(head, QuotedSpan):
            used.add(quotes.index(head))
            parts = ((head.start, head.end),)
            objects = [
                c
                for c in token.rights
                if c.dep_ in ("dobj", "dative")
                and c.idx + len(c) <= head.outer_start
                and not text[c.right_edge.idx + len(c.right_edge) : head.outer_start].strip()
            ]
            if objects:  # "called the new law “much, much better”": the object is part of what was said
                parts = ((objects[0].left_edge.idx, head.end),)
            lead = lead_in_start(token, head, text)
            parts = parts if lead is None else ((lead, head.end),)
        elif frame.startswith("prep:"):
            objects = [child for child in head.children if child.dep_ in ("pobj", "pcomp")]
            parts = (_subtree_span(objects[0]),)
            before = [child for child in token.children if child.dep_ in ("dobj", "dative") and child.i < head.i]
            if before:  # "compared abortion to the Holocaust": the object and the phrase; the cue is the verb
                parts = ((before[0].left_edge.idx, parts[0][1]),)
            else:
                cue = (cue[0], head.idx + len(head))  # "referring to"
        elif frame == "subjpass":
            parts = (_subtree_span(head),)
        elif frame == "mid":
            sentence = token.sent
            parts = ((sentence.start_char, sentence.end_char),)
        elif frame == "host":
            source = source or _apposition_before(token)
            clause_start, clause_end = _clause_extent(token, source, text)
            parts = ((head.left_edge.idx, clause_start),)
            last = head.right_edge
            if last.idx > clause_end and text[clause_end:].lstrip(" ").startswith(","):
                parts = ((head.left_edge.idx, last.idx + len(last)),)  # "A, he said, B": both sides
        elif frame == "xcomp" and token.lemma_.lower() in RAISING_VERBS and source is not None:
            parts = ((source[0], head.right_edge.idx + len(head.right_edge)),)  # "Trump appears to have won"
            source = None
        elif frame == "xcomp" and any(c.dep_ == "dobj" and c.i < head.i for c in token.children):
            first = min((c for c in token.children if c.dep_ == "dobj"), key=lambda t: t.i)
            parts = ((first.left_edge.idx, head.right_edge.idx + len(head.right_edge)),)
        elif frame == "dobj":
            last = max([head, *(c for c in token.rights if c.dep_ in ("oprd", "xcomp", "ccomp"))], key=lambda t: t.i)
            parts = ((head.left_edge.idx, last.right_edge.idx + len(last.right_edge)),)
            cue, parts = light_verb_object(token, cue, head, parts)  # "expressed concern that …"
        else:
            parts = (_subtree_span(head, exclude=token),)
            if frame == "ccomp":
                parts = ((parts[0][0], max(parts[0][1], second_clause_end(token, head))),)
        if frame.startswith("prep:") or frame == "dobj":
            parts = (*parts[:-1], (parts[-1][0], max(parts[-1][1], trailing_modifiers_end(token, parts[-1][1], text))))
        if frame != "quote":
            parts = (*parts[:-1], to_quote_end(quotes, without_which_clause(doc, parts[-1])))
            paragraph = paragraph_of(text, token.idx)
            content_paragraph = paragraph_of(text, parts[0][0]) if frame == "block" else paragraph
            parts = tuple(clipped for part in parts if (clipped := clip_to(text, part, content_paragraph)) is not None)
            if not parts:
                continue
            if source is not None:
                source = clip_to(text, source, paragraph)
            for index, other in enumerate(quotes):
                if parts[0][0] <= other.start and other.end <= parts[0][1]:
                    used.add(index)
        if source is not None:
            source = _without_dateline(text, source)
        parts = (_without_dateline(text, parts[0]), *parts[1:])
        parts = (*parts[:-1], _without_dangling_word(text, parts[-1]))
        if source is not None and any(child.dep_ == "nsubjpass" for child in token.children):
            source = _agent_span(token)  # "he was asked": the subject is not who said it
        cue = cue_through_modifiers(token, cue, parts, source)
        front = fronted_start(token, parts)
        if front is not None:
            parts = ((front, parts[0][1]), *parts[1:])
        found.append(Attribution(parts, cue, source, is_direct(quotes, parts), "verb", score))
    return found


TRIMMED_SOURCE_DEPS = frozenset({"acl"})
INHERIT_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp"})
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z. ]+)? [-—–] ")


def _without_dateline(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span without the dateline the article opens with (``CHARLESTON, S.C. - Hillary Clinton``)."""
    match = DATELINE.match(text, span[0], span[1])
    return (match.end(), span[1]) if match is not None and match.end() < span[1] else span


def _agent_span(verb: Token) -> tuple[int, int] | None:
    """The ``by`` phrase of a passive verb (``was reported by the Post``), or ``None``."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return _subtree_span(grandchild)
    return None


def source_span(verb: Token) -> tuple[int, int] | None:
    """The verb's subject phrase without a trailing ``, …`` participle clause; a participle or infinitive without a
    subject (``…, saying that``; ``…, and added``) takes the subject of the verb it hangs from, a participle
    modifying a noun (``groups supporting …``) the noun phrase."""
    current = verb
    for _ in range(3):
        subject = nearest_subject(current)
        if subject is not None:
            start, end = _subtree_span(subject, exclude=verb)
            for child in subject.rights:
                if child.dep_ in TRIMMED_SOURCE_DEPS and child.left_edge.i > subject.i:
                    before = child.left_edge.i - 1
                    if before > subject.i and subject.doc[before].text == ",":
                        end = min(end, subject.doc[before].idx)
            return (start, end) if end > start else None
        if (
            current.dep_ == "acl"
            and current.tag_ != "VBN"
            and current.head.pos_ in ("NOUN", "PROPN")
            and current.head.i < current.left_edge.i
        ):
            doc = current.doc  # "placards supporting …", "a Mexican troupe satirizing …": the noun ("known as": none)
            last = doc[current.left_edge.i - 1]
            start, end = trim(doc.text, current.head.left_edge.idx, last.idx + len(last))
            return (start, end) if end > start else None
        if current.dep_ not in INHERIT_SUBJECT_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _apposition_before(verb: Token) -> tuple[int, int] | None:
    """The source of a tucked-in cue the parser left without a subject: the apposition just before it
    (``…, the leader of the party X, who …, told TASS``)."""
    doc = verb.doc
    index = verb.i - 1
    while index >= 0 and doc[index].is_punct:
        index -= 1
    if index < 0:
        return None
    token = doc[index]
    for _ in range(8):
        if token.dep_ == "appos":
            start, end = _subtree_span(token, exclude=verb)
            return (start, end) if end > start else None
        if token.head.i == token.i or token.head.i >= verb.i:
            return None
        token = token.head
    return None


def paragraph_of(text: str, position: int) -> tuple[int, int]:
    """The line holding ``position`` (the parse sometimes runs a clause over a paragraph break)."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


def clip_to(text: str, span: tuple[int, int], bounds: tuple[int, int]) -> tuple[int, int] | None:
    """``span`` cut to ``bounds`` and trimmed; ``None`` when nothing is left."""
    start, end = trim(text, max(span[0], bounds[0]), min(span[1], bounds[1]))
    return (start, end) if end > start else None


def _covers(clause: Token, quote: QuotedSpan) -> bool:
    start, end = _subtree_span(clause)
    return start <= quote.start and quote.end <= end and (end - start) > (quote.end - quote.start) * 1.5


def merge_split_quotes(
    text: str, attributions: list[Attribution], quotes: Sequence[QuotedSpan], used: set[int]
) -> None:
    """``“A,” he said. “B”``: B (no cue of its own, right after the cue clause) joins A's attribution."""
    for position, attribution in enumerate(attributions):
        if attribution.kind != "verb" or attribution.cue is None or not attribution.direct:
            continue
        if attribution.content_end > attribution.cue[0]:
            continue  # the quote comes after its cue
        tail = attribution.cue[1] if attribution.source is None else max(attribution.cue[1], attribution.source[1])
        for index, quote in enumerate(quotes):
            if quote.outer_start < tail:
                continue
            gap = text[tail : quote.outer_start]
            joined = len(gap) <= 3 and _gap_is_punctuation(text, tail, quote.outer_start)
            phrase_between = len(gap) <= MAX_SPLIT_PHRASE and gap.rstrip().endswith(",")  # he said of X, “B”
            sentence_after = len(gap) <= MAX_SPLIT_GAP and gap.rstrip().endswith(".")
            next_paragraph = gap.strip() == "."  # the cue closes its paragraph, the next one opens with a quote
            if (
                index not in used
                and ("\n" not in gap or next_paragraph)
                and (joined or phrase_between or sentence_after)
            ):
                used.add(index)
                parts = (*attribution.content, (quote.start, quote.end))
                attributions[position] = replace(attribution, content=parts)
            break


_CHAIN_JOINT = re.compile(r"[\s,;]*(?:\b(?:and|but|while|then)\b[\s,]*)*$")


def split_chained(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """``X said A, and warned B`` / ``X said A, arguing that B``: a second cue of the same source that the parser
    hung inside the first's content ends that content (PolNeAR gives each its own attribution), instead of being
    dropped as nested in it."""
    cut: dict[int, int] = {}
    for index, outer in enumerate(attributions):
        if outer.kind != "verb" or outer.direct or outer.source is None or len(outer.content) != 1:
            continue
        for inner in attributions:
            if inner is outer or inner.kind != "verb" or inner.cue is None or inner.source != outer.source:
                continue
            if not outer.content_start < inner.cue[0] < outer.content_end or inner.content_start < inner.cue[0]:
                continue
            if inner.content_end < outer.content_end - 2:
                continue  # the second cue's content does not run to the end of the first's
            end = _CHAIN_JOINT.search(text, outer.content_start, inner.cue[0])
            if end is not None and end.start() > outer.content_start:
                cut[index] = min(cut.get(index, outer.content_end), end.start())
    return [
        replace(a, content=(trim(text, a.content_start, cut[i]),)) if i in cut else a
        for i, a in enumerate(attributions)
    ]


def outermost_attributions(attributions: list[Attribution]) -> list[Attribution]:
    """Of two attributions where one's cue lies in the other's content, keep the surer; among sure ones (score at
    least :data:`SURE`) the outer: ``X reported that Y said Z`` keeps X's, as PolNeAR annotates it."""
    kept: list[Attribution] = []
    ranked = sorted(attributions, key=lambda a: (-min(a.score, SURE), a.content_start - a.content_end))
    for attribution in ranked:
        clash = False
        for other in kept:
            if other.cue is not None and attribution.content_start <= other.cue[0] < attribution.content_end:
                clash = True
            if attribution.cue is not None and other.content_start <= attribution.cue[0] < other.content_end:
                clash = True
        if not clash:
            kept.append(attribution)
    return kept
