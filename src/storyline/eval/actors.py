"""Actor country / sector benchmark: NGEC's actor-resolution expectations, scored with our actor lexicon.

``../shared/bench/events/actor_resolution_expectations.jsonl`` holds one expectation per line, extracted from
NGEC's ``tests/test_actor_resolution.py``: the method called (``agent_to_code``, ``search_nat``,
``short_text_to_agent``, ``trf_agent_match``, ``query_wiki``), its arguments and the asserts on the result.

:func:`score_actor_expectations` runs :func:`storyline.extract.entities.actors.actor_profile` on the text of
each expectation (the second argument or ``known_country`` as context) and checks the asserts that concern
country and sector:

* ``country`` / ``country_code``: our ISO alpha-3 country, or the group code of an international body (``IGO``,
  ``UNO``, ``EUR``); ``""`` means no country;
* ``code_1`` / ``code_2``: the NGEC code (:data:`SECTOR_CODES`) of our first / second sector; ``""`` means none;
* ``residual_text`` (``search_nat``) and ``pattern`` (the role word that decided the sector);
* ``is None`` / falsy: we find nothing at all.

Asserts on Wikipedia (``wiki``, ``title``, ``intro_para``, ``actor_wiki_job``) are not applicable: they are
counted and left out, and an expectation with nothing else to check (every ``query_wiki``) is counted as not
applicable. An expectation is correct when all of its applicable asserts hold. NGEC marks some expectations as
expected failures (``xfail``); they are scored and also reported apart.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError
from storyline.extract.entities.actors import ActorProfile, actor_profile
from storyline.extract.entities.lexicon import SECTOR_CODES

WIKI_FIELDS = frozenset({"wiki", "title", "intro_para", "actor_wiki_job"})
CHECKED_FIELDS = frozenset({"country", "country_code", "code_1", "code_2", "residual_text", "pattern", None})


@dataclass(frozen=True)
class ActorOutcome:
    """One scored expectation: what was asked, what we answered and whether every applicable assert held."""

    test: str
    method: str
    text: str
    answer: dict[str, Any]
    correct: bool
    xfail: bool
    failed: tuple[str, ...]


@dataclass
class ActorScore:
    """Counts over the expectations file, by method."""

    total: int = 0
    not_applicable: int = 0
    wiki_asserts_skipped: int = 0
    outcomes: list[ActorOutcome] = field(default_factory=list)

    @property
    def applicable(self) -> int:
        return len(self.outcomes)

    @property
    def correct(self) -> int:
        return sum(outcome.correct for outcome in self.outcomes)

    @property
    def share(self) -> float:
        return self.correct / self.applicable if self.applicable else 0.0

    def share_without_xfail(self) -> float:
        kept = [outcome for outcome in self.outcomes if not outcome.xfail]
        return sum(outcome.correct for outcome in kept) / len(kept) if kept else 0.0

    def lines(self) -> list[str]:
        """The score as the CLI prints it."""
        out = [
            f"expectations {self.total}   applicable {self.applicable}   not applicable (Wikipedia) "
            f"{self.not_applicable}   Wikipedia asserts left out {self.wiki_asserts_skipped}",
            f"resolved correctly {self.correct}/{self.applicable} = {self.share:.3f}   "
            f"without NGEC's expected failures {self.share_without_xfail():.3f}",
        ]
        unknown = sum(1 for outcome in self.outcomes if not outcome.correct and outcome.answer["none"])
        out.append(
            f"wrong answers {self.applicable - self.correct}, of which {unknown} are phrases the lexicon knows "
            "nothing about (mostly people's names: they need a knowledge base such as Wikipedia)"
        )
        by_method: Counter[str] = Counter(outcome.method for outcome in self.outcomes)
        right: Counter[str] = Counter(outcome.method for outcome in self.outcomes if outcome.correct)
        for method in sorted(by_method):
            out.append(
                f"  {method:22}{right[method]:4}/{by_method[method]:<4} = {right[method] / by_method[method]:.3f}"
            )
        return out


def _answer(profile: ActorProfile | None) -> dict[str, Any]:
    if profile is None:
        return {"none": True, "country": "", "code_1": "", "code_2": "", "residual_text": None, "pattern": None}
    sectors = [SECTOR_CODES[sector] for sector in profile.sectors]
    return {
        "none": False,
        "country": profile.group or profile.country or "",
        "code_1": sectors[0] if sectors else "",
        "code_2": sectors[1] if len(sectors) > 1 else "",
        "residual_text": profile.residual,
        "pattern": profile.pattern,
    }


def _holds(answer: dict[str, Any], check: dict[str, Any]) -> bool:
    op, name = check["op"], check["field"]
    if name is None:  # an assert on the whole result: "is None", falsy, "== None"
        return bool(answer["none"]) if op in ("is", "falsy") or (op == "==" and check.get("value") is None) else False
    got = answer["country"] if name == "country_code" else answer.get(name)
    if name == "residual_text" and got is None:
        got = ""
    value = check.get("value")
    if op == "==":
        return bool(got == value)
    if op == "!=":
        return bool(got != value)
    if op == "in":
        return isinstance(value, list) and got in value
    return False


def score_actor_expectations(path: Path) -> ActorScore:
    """Score the actor lexicon on NGEC's expectations file (see the module docstring)."""
    if not path.is_file():
        raise StorylineError(
            "E520",
            f"actor expectations file not found: {path}",
            "pass ../shared/bench/events/actor_resolution_expectations.jsonl",
        )
    score = ActorScore()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            method, args, kwargs, asserts = item["method"], item["args"], item["kwargs"], item["asserts"]
        except (json.JSONDecodeError, KeyError) as error:
            raise StorylineError("E521", f"{path}:{number}: not an expectation record ({error})") from error
        score.total += 1
        checks = [check for check in asserts if check["field"] in CHECKED_FIELDS and check["field"] not in WIKI_FIELDS]
        score.wiki_asserts_skipped += sum(check["field"] in WIKI_FIELDS for check in asserts)
        if method == "query_wiki" or not checks:
            score.not_applicable += 1
            continue
        text = str(args[0]) if args else ""
        context = str(args[1]) if len(args) > 1 and args[1] else str(kwargs.get("known_country", "") or "")
        answer = _answer(actor_profile(text, context))
        failed = tuple(
            f"{check['field']} {check['op']} {check.get('value')!r}" for check in checks if not _holds(answer, check)
        )
        score.outcomes.append(
            ActorOutcome(item["test"], method, text, answer, not failed, bool(item.get("xfail")), failed)
        )
    return score
