"""Cue words: the verbs and phrases that introduce what someone said, thought or wrote.

A verb is a cue according to its lemma, its *frame* (how it carries content, :func:`.indirect.verb_frame`: a quote
next to its clause, a clausal complement, a host clause it is tucked after, the object of a preposition, an open
complement or a direct object) and its context (subject, dependency, tense, quote marks in its sentence):
:func:`cue_features`. A logistic model learned from PolNeAR's training split (``cue_model.json``, written by
``benchmarks/quotes/train_cues.py``) turns the features into a probability. Nouns with a complement (``the claim
that …``, ``opposition to …``) are scored by the same model under features of their own (:mod:`.nouns`). Speech
verbs of wider news English (:data:`SPEECH_VERBS`) are always cues when they introduce a quote or a clause, whatever
the model says: the election coverage PolNeAR samples uses some of them rarely (``stressed``, ``mentioned``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from storyline.errors import StorylineError

MODEL_PATH = Path(__file__).with_name("cue_model.json")
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "state",
        "stress",
        "emphasise",
        "emphasize",
        "underline",
        "reiterate",
        "assure",
        "inform",
        "comment",
        "clarify",
        "recount",
        "mention",
        "add",
        "note",
        "declare",
        "announce",
        "explain",
        "insist",
        "warn",
        "write",
        "confirm",
        "reveal",
        "claim",
        "argue",
        "caution",
        "remark",
        "reply",
        "respond",
    }
)
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
SPEECH_FRAMES = frozenset({"quote", "ccomp", "host", "mid"})


@dataclass(frozen=True)
class CueModel:
    bias: float
    weights: dict[str, float]


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The learned cue model, read once per process."""
    try:
        payload = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        return CueModel(float(payload["bias"]), {str(k): float(v) for k, v in payload["weights"].items()})
    except (OSError, ValueError, KeyError) as error:
        raise StorylineError(
            "E707",
            f"cannot read the cue model {MODEL_PATH}: {error}",
            "reinstall storyline, or rebuild it with benchmarks/quotes/train_cues.py",
        ) from None


def cue_score(token: Token, frame: str) -> float:
    """Probability that the verb ``token`` with this frame is an attribution cue."""
    if frame in SPEECH_FRAMES and token.lemma_.lower() in SPEECH_VERBS:
        return 1.0
    model = cue_model()
    return cue_probability(cue_features(token, frame), model.weights, model.bias)


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (``“… in panic mode,” said Leslie Wimes``, where the parser takes a word of the
    quote for a second subject), the one nearest the verb with no quote mark between them (``"… a great tax," said
    Douglas Holtz-Eakin``: ``tax`` is as near, but inside the quote)."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    doc = verb.doc
    outside = [s for s in subjects if not any(t.is_quote for t in doc[min(s.i, verb.i) + 1 : max(s.i, verb.i)])]
    return min(outside or subjects, key=lambda child: abs(child.i - verb.i))


def cue_features(token: Token, frame: str) -> list[str]:
    """Features of a verb with a content frame, for the learned cue model."""
    lemma = token.lemma_.lower()
    subject = nearest_subject(token)
    if subject is not None:
        kind = subject.lower_ if subject.pos_ == "PRON" else subject.pos_
        if subject.ent_type_:
            kind = subject.ent_type_
    else:
        kind = "none"
    negated = any(child.dep_ == "neg" for child in token.children)
    quoted = _in_quoted_sentence(token)  # attributions gather around quotes
    return [
        f"sq={quoted}",
        f"lq={lemma}|{quoted}",
        f"lemma={lemma}",
        f"frame={frame}",
        f"lf={lemma}|{frame}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
        f"ld={lemma}|{token.dep_}",
        f"lt={lemma}|{token.tag_}",
        f"subj={kind}",
        f"ls={lemma}|{'subj' if subject is not None else 'nosubj'}",
        f"fs={frame}|{kind}",
        f"neg={negated}",
        f"fd={frame}|{token.dep_}",
        f"head={token.head.lemma_.lower() if token.head.i != token.i else 'ROOT'}",
    ]


_QUOTED_SENTENCES = "storyline.quoted_sentences"  # Doc.user_data key: the starts of sentences with a quote mark


def _in_quoted_sentence(token: Token) -> bool:
    """Whether the token's sentence holds a quote mark (worked out once per document, for all its verbs)."""
    doc = token.doc
    starts = doc.user_data.get(_QUOTED_SENTENCES)
    if starts is None:
        starts = doc.user_data[_QUOTED_SENTENCES] = frozenset(t.sent.start for t in doc if t.text in QUOTE_MARKS)
    return token.sent.start in starts


def cue_probability(features: list[str], weights: dict[str, float], bias: float) -> float:
    """Logistic score of a verb being an attribution cue."""
    total = bias + sum(weights.get(feature, 0.0) for feature in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def is_according_to(token: Token) -> bool:
    """``according`` followed by ``to``: the cue of ``according to X, ...``."""
    doc = token.doc
    return token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
