"""From triggers and frames to coded events: category, mode, CAMEO code, arguments, date, flags, explanation.

How a frame changes the code (PLOVER 2.0 semantics):

* an act of agreeing that governs another event ("agreed to resign", "offered to hand over") is AGREE when the
  embedded act is cooperative and THREATEN when it is conflictual ("vowed to fight"); the agreement happened;
* a stated intent or a future ("ready to hold talks", "plans to impose", "will withdraw") is coded the same way
  but with ``mode="intent"``: an intent, not the act; ``intended`` keeps the category of the act itself;
* ``threaten/warn to …`` is THREATEN; ``urge/ask/call on X to …`` and a reported ``X must …`` are REQUEST;
  ``refuse/decline/fail to …`` is REJECT; ``allow/permit X to …`` is CONCEDE;
* negation ("did not meet", "never ruled out", "no talks"), a condition ("if", "unless") or a possibility modal
  ("could", "may") set ``negated`` / ``hypothetical``; a denial ("deny that …") sets ``negated``; a reporting
  verb or "according to" gives ``reported_by``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from storyline.extract.events.bounds import name_bounds, phrase_bounds
from storyline.extract.events.cameo import INTENT_CAMEO
from storyline.extract.events.lexicon import COOPERATIVE
from storyline.extract.events.modality import Frame, Governor, is_negated, read_frame, same_block
from storyline.extract.events.patterns import (
    TEMPORAL_PREPOSITIONS,
    Trigger,
    find_triggers,
    is_actor,
    location_of,
    passive_subject,
    subject_of,
    target_of,
)
from storyline.extract.events.senses import (
    VERBAL_ATTACK,
    attack_in_words,
    attack_on_a_candidate,
    campaign_news,
    person_like,
)
from storyline.extract.quotes.direct import find_quoted_spans
from storyline.extract.quotes.indirect import quote_at

# Governor kinds that take over the embedded event's code (the governor is not an event of its own then).
EPISTEMIC_VERBS = frozenset({"fear", "worry", "doubt", "believe", "think", "suggest", "expect", "hope", "feel"})
_FORCE = frozenset({"ASSAULT", "COERCE"})  # "an explosion killed …": a weapon or blast may be the subject
WRAPPING_KINDS: frozenset[str] = frozenset(
    {"agree", "intent", "future", "threat", "request", "refusal", "permission", "aspect", "obligation"}
)


@dataclass(frozen=True)
class CodedEvent:
    """One event found in a sentence, with token positions (the public API turns them into text spans)."""

    plover: str
    mode: str | None
    cameo: str
    intended: str | None
    trigger_tokens: tuple[Token, ...]
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    location: tuple[int, int] | None
    sentence: Span
    chain: tuple[Token, ...]
    depth: int
    negated: bool
    hypothetical: bool
    reporter: tuple[int, int] | None
    confidence: float
    explanation: str


_QUOTED = "storyline.quoted_spans"  # Doc.user_data key: the document's direct quotes, found once


def _in_direct_quote(token: Token) -> bool:
    """Whether the token stands between quote marks: there ``they`` is someone the speaker talks about, ``we`` the
    speaker's side (``“The Russians … are going to assist us,” Pedram said``)."""
    doc = token.doc
    quotes = doc.user_data.get(_QUOTED)
    if quotes is None:
        quotes = doc.user_data[_QUOTED] = find_quoted_spans(doc.text)
    return quote_at(quotes, token.idx) is not None


def code_sentence(sentence: Span) -> list[CodedEvent]:
    """Every event of one sentence, in text order of the trigger."""
    triggers = find_triggers(sentence)
    frames = {id(t): read_frame(t.clause) for t in triggers}
    # A lexicon verb that frames another trigger's event ("threatened to stop …") is coded through that event.
    wrapped = {
        g.token.i for t in triggers for g in frames[id(t)].governors if g.kind in WRAPPING_KINDS and g.token != t.clause
    }
    events = []
    for trigger in triggers:
        if trigger.noun is None and trigger.clause.i in wrapped:
            continue
        event = _code(trigger, frames[id(trigger)])
        if event is not None:
            events.append(event)
    return events


def _depth(token: Token) -> int:
    """Tree depth of a token, not counting reporting verbs or conjunction links (for ranking the main event)."""
    depth = 0
    current = token
    while current.head != current and depth < 40:
        if current.dep_ not in {"conj", "ccomp"}:
            depth += 1
        current = current.head
    return depth


def _code(trigger: Trigger, frame: Frame) -> CodedEvent | None:
    """Code one trigger in its frame; ``None`` where its subject cannot act ("the meeting yielded no results")."""
    entry = trigger.entry
    if trigger.pattern == "light-verb" and entry.plover == "ASSAULT" and attack_in_words(trigger.clause):
        entry = VERBAL_ATTACK  # "launched a pre-emptive attack against Obama, calling him …"
    if entry.plover == "ASSAULT" and trigger.noun is not None and attack_on_a_candidate(trigger.noun):
        entry = VERBAL_ATTACK  # "sharp and relentless attacks on Clinton and the Democratic Party"
    if _generic(trigger) or _state_called(trigger) or _campaign_rally(trigger, entry.plover):
        return None
    plover, cameo, mode = entry.plover, entry.cameo, entry.mode
    intended: str | None = None
    notes: list[str] = []
    requester: Token | None = None
    asked: Token | None = None
    epistemic = frame.report_verb is not None and frame.report_verb.lemma_.lower() in EPISTEMIC_VERBS
    for governor in frame.governors:
        if governor.kind == "possible" and epistemic:  # "officials fear X could attack": a fear, not a threat
            continue
        plover, cameo, mode, intended, note = _apply(governor, plover, cameo, mode, intended)
        if note:
            notes.append(note)
        if governor.kind in {"request", "permission"}:
            requester = subject_of(governor.token)[0]
            asked = next((c for c in governor.token.children if c.dep_ in {"dobj", "dative"}), None)
            below = [t for t in frame.chain if t.head == governor.token and t.dep_ == "ccomp"]
            if asked is None and below:  # "demanded that X cancel …"
                asked = next((c for c in below[0].children if c.dep_ == "nsubj"), None)
        if governor.kind == "obligation" and frame.reporter is not None and governor.token.dep_ == "ccomp":
            requester = frame.reporter
            asked = subject_of(governor.token)[0]
    outer = frame.top or trigger.clause
    source: Token | None
    target: Token | None
    if requester is not None:
        source, source_how = requester, "requester"
    else:
        source, source_how = subject_of(outer if outer.pos_ in {"VERB", "AUX", "ADJ"} else trigger.clause)
        if source is None and trigger.clause != outer:
            source, source_how = subject_of(trigger.clause)
    if trigger.noun is not None and (trigger.pattern == "noun-participants" or _between(trigger.noun)):
        source, source_how = _noun_source(trigger.noun)
    if source is not None and trigger.noun is not None and source == trigger.noun:
        source, source_how = None, "none"
    if source is not None and source_how == "nsubj" and source.dep_ == "nsubjpass":
        source = None
    if source is not None and source.pos_ == "PRON" and frame.reporter is not None and frame.reporter.pos_ != "PRON":
        quoted = _in_direct_quote(source)
        if source.lower_ in ({"i", "we"} if quoted else {"it", "they", "he", "she"}):
            source, source_how = frame.reporter, "pronoun->reporter"
        elif quoted and source.lower_ in {"it", "they", "he", "she"}:
            source, source_how = None, "third person in a quote"  # "they are going to assist us," Pedram said
    if (
        source_how in {"nsubj", "relcl"}
        and not acts(source)
        and not person_like(source)
        and trigger.noun is None
        and plover not in _FORCE
    ):
        return None  # "the meeting yielded no results"; "a visa program that allows foreigners to ..."
    target, target_how = target_of(trigger, source)
    if asked is not None and asked != source and (target is None or is_actor(asked)):
        target, target_how = asked, "asked"
    if target is None and trigger.noun is None:
        passive = passive_subject(trigger.clause)
        if passive is not None and passive != source:
            target, target_how = passive, "nsubjpass"
    if source is not None and source_how == "agent" and target is None:
        passive = passive_subject(trigger.clause)
        target, target_how = (passive, "nsubjpass") if passive is not None else (None, "none")
    hypothetical = frame.hypothetical or (any(g.kind == "possible" for g in frame.governors) and plover != "THREATEN")
    if target is not None and target.lower_ in {"who", "which", "that", "whom"} and target.head.dep_ == "relcl":
        target, target_how = target.head.head, "relcl-head"
    if target is not None and (target == trigger.noun or not same_block(target, trigger.clause)):
        target, target_how = None, "none"
    if source is not None and not same_block(source, trigger.clause):
        source, source_how = None, "none"
    gerund = trigger.pattern == "verb" and trigger.clause.tag_ == "VBG"
    if source is None and target is None and gerund and plover not in _FORCE:
        return None  # "the only candidate self-funding his campaign": no one acts ("shooting occurred" is kept)
    obliged = trigger.pattern == "obligation" or any(g.kind == "obligation" for g in frame.governors)
    unsaid = obliged and frame.report_verb is not None and is_negated(frame.report_verb)
    negated = frame.negated or unsaid  # "he had never suggested the U.S. should use a database": nothing asked
    place = location_of(trigger)
    confidence = {"verb": 0.8, "phrasal": 0.85, "object-sense": 0.85, "light-verb": 0.8}.get(trigger.pattern, 0.6)
    confidence -= 0.1 * (source is None) + 0.05 * (target is None) + 0.1 * hypothetical
    words = " ".join(t.text for t in trigger.words)
    explanation = (
        f"{trigger.pattern} {entry.plover}/'{trigger.key}' (CAMEO {entry.cameo}) on '{words}'"
        + "".join(f"; {note}" for note in notes)
        + f"; {source_how}->source, {target_how}->target"
        + ("; negated" if negated else "")
        + ("; hypothetical" if hypothetical else "")
    )
    source_bounds = _actor_bounds(source, conjuncts=source_how != "between")
    target_bounds = _actor_bounds(target)
    if source_bounds and target_bounds and source_bounds[0] < target_bounds[0] < source_bounds[1]:
        end = target_bounds[0]  # "between X and Y": the source stops before Y
        while end > source_bounds[0] + 1 and (
            trigger.clause.doc[end - 1].dep_ == "cc" or trigger.clause.doc[end - 1].is_punct
        ):
            end -= 1
        source_bounds = (source_bounds[0], end)
    return CodedEvent(
        plover=plover,
        mode=mode,
        cameo=cameo,
        intended=intended,
        trigger_tokens=_trigger_tokens(trigger, frame),
        source=source_bounds,
        target=target_bounds,
        location=None if place is None else name_bounds(place),
        sentence=trigger.clause.sent,
        chain=tuple(dict.fromkeys([*trigger.words, *frame.chain])),
        depth=_depth(outer),
        negated=negated,
        hypothetical=hypothetical,
        reporter=_actor_bounds(frame.reporter),
        confidence=round(max(0.1, min(0.95, confidence)), 2),
        explanation=explanation,
    )


def _apply(
    governor: Governor, plover: str, cameo: str, mode: str | None, intended: str | None
) -> tuple[str, str, str | None, str | None, str]:
    kind = governor.kind
    word = governor.token.text
    act = intended or plover
    cooperative = act in COOPERATIVE
    if kind == "aspect":
        return plover, cameo, mode, intended, ""
    if kind == "possible":
        if act in COOPERATIVE or plover in {"REQUEST", "REJECT", "THREATEN"}:
            return plover, cameo, mode, intended, ""
        return "THREATEN", INTENT_CAMEO[act], "intent", act, f"'{word}' (possible conflictual act) -> THREATEN"
    if kind == "ultimatum" and plover not in {"REQUEST", "THREATEN"}:
        return "THREATEN", "139", None, act, f"'{word}' (condition 'unless') -> THREATEN"
    if kind == "threat":
        return "THREATEN", INTENT_CAMEO[act] if not cooperative else "130", None, act, f"'{word}' (threat) -> THREATEN"
    if kind == "agree" and plover not in {"AGREE", "THREATEN", "REQUEST", "REJECT"}:
        new = "AGREE" if cooperative else "THREATEN"
        return new, INTENT_CAMEO[act], None, act, f"'{word}' (commitment) -> {new}"
    if kind in {"intent", "future"} and mode != "intent" and plover not in {"THREATEN", "REQUEST", "REJECT"}:
        new = "AGREE" if cooperative else "THREATEN"
        return new, INTENT_CAMEO[act], "intent", act, f"'{word}' ({kind}) -> {new}, mode intent"
    if kind in {"request", "obligation"} and plover != "REQUEST":
        return "REQUEST", "100", "assist" if cooperative else None, act, f"'{word}' ({kind}) -> REQUEST"
    if kind == "refusal" and plover != "REJECT":
        return "REJECT", "120", None, act, f"'{word}' (refusal) -> REJECT"
    if kind == "permission" and plover not in {"CONCEDE", "REJECT"}:
        return "CONCEDE", "080", None, act, f"'{word}' (permission) -> CONCEDE"
    return plover, cameo, mode, intended, ""


# Anyone at all: "Anyone who endorses violence … is not welcome", "someone who has demonstrated …".
_GENERIC_PEOPLE = frozenset(
    {"anyone", "anybody", "someone", "somebody", "whoever", "everyone", "everybody", "nobody", "whomever"}
)


def _generic(trigger: Trigger) -> bool:
    """An act of anyone at all, or a lifetime's experience: a relative clause on "anyone", "someone", "whoever"
    ("Anyone who endorses violence …"), or with "ever" ("the most beautiful soul I've ever met"); a clause whose
    subject is "anyone" or "nobody" ("Anyone can endorse him"; not "Someone attacked the station")."""
    clause = trigger.clause
    if clause.dep_ not in {"relcl", "acl"}:
        return any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"anyone", "anybody", "whoever", "nobody"}
            for c in clause.children
        )
    if any(c.dep_ == "det" and c.lower_ in {"every", "any"} for c in clause.head.children):
        return True  # "every last person threatening the peace on our streets"
    return clause.head.lower_ in _GENERIC_PEOPLE or (
        clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "ever" for c in clause.children)
    )


_PROTEST_WORDS = frozenset({"protest", "protesters", "protestors", "against", "demand", "demanding", "opposition"})


def _campaign_rally(trigger: Trigger, plover: str) -> bool:
    """A campaign rally in election news ("a plumbing contractor who attended the rally with Mr. Moody"): no
    protest, unless its sentence says what it is against."""
    noun = trigger.noun
    if plover != "PROTEST" or noun is None or noun.lemma_.lower() != "rally" or not campaign_news(noun.doc):
        return False
    return not any(t.lower_ in _PROTEST_WORDS for t in noun.sent)


def _state_called(trigger: Trigger) -> bool:
    """A state called for a candidate on election night ("when Texas was called for Ted Cruz"): no request."""
    if trigger.key != "call for":
        return False
    from storyline.extract.ner import place_gazetteer

    subjects = [c for c in trigger.clause.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(c.pos_ == "PROPN" and place_gazetteer().kind(c.text) for c in subjects)


def _noun_source(noun: Token) -> tuple[Token | None, str]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, "between"
    for child in noun.children:
        if child.dep_ == "poss" and not child.like_num and child.lower_ not in {"sunday", "monday"}:
            return child, "poss"
    head = noun.head
    if head.dep_ == "prep" and head.lower_ in TEMPORAL_PREPOSITIONS:
        return None, "none"  # "Trump tweeted Sunday after an attack on …": the clause's subject did not attack
    while head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    if head.pos_ in {"VERB", "AUX"}:
        return subject_of(head)[0], "clause-subject"
    return None, "none"


def _trigger_tokens(trigger: Trigger, frame: Frame) -> tuple[Token, ...]:
    """The words that carry the event, kept within a short stretch (a far governor or light verb is left out)."""
    anchor = trigger.noun if trigger.noun is not None else trigger.clause
    words = [w for w in trigger.words if abs(w.i - anchor.i) <= 4]
    for governor in frame.governors:
        kinds = {"agree", "intent", "threat", "request", "refusal", "permission"}
        if governor.kind in kinds and abs(governor.token.i - anchor.i) <= 4:
            words.append(governor.token)
    return tuple(sorted({w.i: w for w in words}.values(), key=lambda t: t.i))


def _actor_bounds(token: Token | None, conjuncts: bool = True) -> tuple[int, int] | None:
    if token is None:
        return None
    if token.pos_ == "PROPN" and token.dep_ == "compound":
        return name_bounds(token)
    return phrase_bounds(token, conjuncts)


def _between(noun: Token) -> bool:
    return any(child.dep_ == "prep" and child.lower_ == "between" for child in noun.children)


_QUANTITY_HEADS = frozenset(
    {
        "thousand", "hundred", "dozen", "million", "score", "group", "number", "crowd", "member", "some", "many",
        "all", "half", "third", "quarter", "three-quarters", "two-thirds",
    }
)  # fmt: skip


def acts(token: Token | None) -> bool:
    """Whether a subject can be the source of an event: an actor ("thousands of Kurds" counts), a pronoun, or
    unknown (None); not an abstract thing ("the meeting yielded no results")."""
    if token is not None and token.lower_ == "which":
        return False  # "Medicare, which would allow ...": "which" stands for a thing
    if token is not None and token.lower_ in {"this", "that"} and token.dep_ in {"nsubj", "nsubjpass"}:
        return False  # "That will help even the energy some."
    if token is None or token.pos_ == "PRON" or is_actor(token):
        return True
    if token.lemma_.lower() in _QUANTITY_HEADS or token.like_num:
        return any(
            is_actor(pobj) or person_like(pobj)  # "thousands of teachers"
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )
    return False


def main_of(events: Sequence[CodedEvent]) -> CodedEvent | None:
    """The main event among a sentence's events: highest in the tree, then not negated, then first."""
    if not events:
        return None
    return min(events, key=lambda e: (e.depth, e.negated, e.trigger_tokens[0].i))
