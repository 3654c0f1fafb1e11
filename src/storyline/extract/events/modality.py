"""What frames an event: the words that govern its clause (intent, request, refusal, threat, permission, denial,
reporting) and the clause's own negation, modality and condition.

:func:`read_frame` walks up the dependency tree from the token that heads an event's clause, through open and
clausal complements (``xcomp``, ``ccomp``), conjunctions and a few noun complements ("readiness to negotiate"),
and records each governing word it passes, innermost first. It stops at relative and adverbial clauses (their
events are not framed by the main clause) and at the sentence root.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from storyline.extract.events.lexicon import (
    ASPECT_WORDS,
    DENIAL_WORDS,
    INTENT_WORDS,
    PERMISSION_WORDS,
    REFUSAL_WORDS,
    REPORTING_VERBS,
    REQUEST_WORDS,
    THREAT_WORDS,
)

# Governors that are themselves acts of agreeing: the agreement happened (PLOVER AGREE), it is not a mere intent.
AGREEMENT_WORDS: frozenset[str] = frozenset(
    {"agree", "offer", "promise", "pledge", "accept", "commit", "undertake", "guarantee", "consent", "vow", "swear"}
)
FUTURE_AUX: frozenset[str] = frozenset({"will", "'ll", "shall", "wo"})
CONDITIONAL_AUX: frozenset[str] = frozenset({"would", "could", "may", "might", "can", "ca"})
OBLIGATION_AUX: frozenset[str] = frozenset({"must", "should", "ought"})
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless", "whether", "lest"})
NEGATORS: frozenset[str] = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
_MAX_STEPS = 8


@dataclass(frozen=True)
class Governor:
    """A word that frames an embedded event: its kind and the token."""

    kind: str  # agree, intent, future, possible, ultimatum, request, refusal, threat, permission, aspect, obligation
    token: Token


@dataclass
class Frame:
    """Everything :func:`read_frame` found above an event's clause."""

    governors: list[Governor] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    reporter: Token | None = None  # the head of who reports the event (subject of "said", object of "according to")
    report_verb: Token | None = None  # the reporting verb ("said", "fear")
    top: Token | None = None  # the outermost token of the event's own chain (below any reporting verb)
    chain: list[Token] = field(default_factory=list)  # clause heads from the event up to its outermost governor


def same_block(first: Token, second: Token) -> bool:
    """Whether two tokens lie in the same block of text (no blank line between them: a headline is not the
    sentence under it, even where the parser runs them together)."""
    low, high = sorted((first.i, second.i))
    return not any("\n\n" in token.text_with_ws or token.text.count("\n") > 1 for token in first.doc[low:high])


def is_negated(token: Token) -> bool:
    """A ``neg`` child, or ``no``/``never`` modifying the token ("did not meet", "no talks", "never ruled out"); a
    clause opened by "nor" ("Nor have they warned Mr. Hannity …"), or a subject "neither X nor Y"."""
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.lower_ in {"no", "never", "not", "n't", "n’t"} and child.dep_ in {"det", "advmod", "neg"}:
            return True
        if child.lower_ == "nor" and child.i < token.i and child.dep_ in {"cc", "advmod", "dep", "preconj"}:
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and any(
            c.lower_ == "neither" and c.dep_ in {"preconj", "det"} for c in child.children
        ):
            return True
    return False


def clause_modals(token: Token) -> set[str]:
    """The lower-cased auxiliaries of a clause head ("will", "could", "must", …), with "going to" as "will"."""
    found = {child.lower_ for child in token.children if child.dep_ in {"aux", "auxpass"}}
    if token.dep_ == "xcomp" and token.head.lemma_ == "go" and token.head.tag_ == "VBG":
        found.add("will")
    return found


def _has_condition(token: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKS for child in token.children)


def _kind_of(governor: Token, dep: str) -> str | None:
    lemma = governor.lemma_.lower()
    word = governor.lower_
    if lemma in THREAT_WORDS:
        return "threat"
    if lemma in DENIAL_WORDS and dep == "ccomp":
        return "denial"
    if lemma in AGREEMENT_WORDS:
        return "agree"
    if lemma in REFUSAL_WORDS or word in REFUSAL_WORDS:
        return "refusal"
    if lemma in PERMISSION_WORDS:
        return "permission"
    if lemma in REQUEST_WORDS:
        return "request"
    if lemma in ASPECT_WORDS:
        return "aspect"
    if lemma in {"able", "capable"}:  # "free agents, able to support Cruz, …": a capacity, no intent
        done = governor.head.tag_ == "VBD" or any(c.tag_ == "VBD" for c in governor.children)
        return "aspect" if done else "possible"  # "they were able to free them": done
    if lemma in INTENT_WORDS or word in INTENT_WORDS:
        return "intent"
    if lemma in REPORTING_VERBS and dep == "ccomp":
        return "report"
    return None


# Verbs whose "against …" / "from …" complement is an act kept from happening.
_PREVENTING_VERBS = frozenset(
    {"warn", "caution", "prevent", "stop", "deter", "ban", "bar", "prohibit", "keep", "discourage", "dissuade",
     "block", "restrain", "forbid", "advise"}
)  # fmt: skip


def _future_time_clause(clause: Token, head: Token) -> bool:
    """A time clause of a future main clause ("… will enter into force when countries ratify it", "after he steps
    down, he will look for ways …"): what it says has not happened yet."""
    marks = {"when", "once", "after", "until", "before"}  # "when" is parsed as a mark or an adverb
    marked = any(c.dep_ in {"mark", "advmod"} and c.lower_ in marks and c.i < clause.i for c in clause.children)
    return marked and bool(clause_modals(head) & FUTURE_AUX) and not clause_modals(clause) - FUTURE_AUX


def _infinitive(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def _reporter_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def according_to(sentence_root: Token) -> Token | None:
    """The head of X in "according to X" anywhere in the sentence, else ``None``."""
    sentence = sentence_root.sent
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor(1).lower_ == "to":
            for child in token.nbor(1).children:
                if child.dep_ == "pobj":
                    return child
    return None


def read_frame(clause: Token) -> Frame:
    """Walk up from ``clause`` (the head of the event's clause) and collect what frames the event."""
    frame = Frame(chain=[clause], top=clause)
    current = clause
    frame.negated = is_negated(clause)
    frame.hypothetical = _has_condition(clause)
    _read_modals(frame, clause)
    for _ in range(_MAX_STEPS):
        head = current.head
        dep = current.dep_
        if head == current or not same_block(head, current):
            break
        if dep == "advcl" and current.tag_ == "VBG" and head.lemma_ in REPORTING_VERBS:
            frame.hypothetical = True  # "X stressed the need for …, declaring a ceasefire": part of what was said
            break
        if dep == "conj":
            if is_negated(head) and any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in head.children):
                frame.negated = True  # "he hasn't endorsed her or conceded his bid": the negation spans both
            current = head
            continue
        if dep in {"csubj", "csubjpass"} and _infinitive(current):
            frame.hypothetical = True  # "To publicly endorse the crimes of the Nazi regime can be punished …"
            break
        if dep == "advcl" and _future_time_clause(current, head):
            frame.hypothetical = True  # "The agreement will enter into force when 55 countries ratify it"
            break
        if dep == "xcomp" and head.lemma_ in {"avoid", "refrain", "shun"}:
            frame.negated = True  # "Ms. Hughes avoids discussing the election with her mother"
            break
        if dep in {"xcomp", "ccomp", "acomp"} or (dep == "acl" and current.tag_ == "VBG"):
            kind = _kind_of(head, dep)
            wants = head.lemma_ in {"want", "wish", "like", "prefer"}
            if kind == "intent" and wants and any(c.dep_ == "nsubj" for c in current.children):
                kind = "request"  # "want X to help us": a request to X, not an intent of one's own
            if kind is None and head.lemma_ == "be" and dep == "xcomp":  # "the delegates are to talk …"
                kind = "future"
            if kind is None and head.lemma_ == "be":  # "are ready to …" is parsed ready ← be; keep walking
                _read_modals(frame, head)
                frame.negated = frame.negated or is_negated(head)
                current = head
                continue
            if kind == "report":
                frame.reporter = frame.reporter or _reporter_of(head)
                frame.report_verb = head
                break
            if kind is None:  # an unknown governor ("resorted to …", "to finance …"): the event is subordinate
                break
            frame.governors.append(Governor(kind, head))
            frame.chain.append(head)
            frame.top = head
            frame.negated = frame.negated or (is_negated(head) and kind not in {"refusal", "denial"})
            frame.hypothetical = frame.hypothetical or _has_condition(head)
            _read_modals(frame, head)
            current = head
            continue
        if dep == "pcomp" and head.lower_ in {"against", "from"} and head.head.lemma_ in _PREVENTING_VERBS:
            frame.hypothetical = True  # "warned the United States against deploying missiles", "stopped X from …"
            break
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"NOUN", "ADJ"}:
            # "the need for ending …", "readiness for talks": the noun frames the act; else a purpose
            noun = head.head
            kind = _kind_of(noun, "xcomp")
            if kind in {"request", "intent", "refusal", "threat"}:
                frame.governors.append(Governor(kind, noun))
                frame.chain.append(noun)
                frame.top = noun
                current = noun
                continue
            frame.hypothetical = True
            break
        if dep in {"relcl", "acl", "advcl"} and _infinitive(current):
            # a purpose ("a base to fight the Taliban", "to send the information"): not an act reported as done
            kind = _kind_of(head, "xcomp") if dep != "advcl" else None
            if kind in {"intent", "request", "refusal"}:  # "readiness to negotiate", "the need to …"
                frame.governors.append(Governor(kind, head))
                frame.chain.append(head)
                frame.top = head
            else:
                frame.hypothetical = True
            break
        break
    if not frame.hypothetical and any(
        child.dep_ == "mark" and child.lower_ in {"if", "lest"}
        for above in clause.ancestors
        for child in above.children
    ):
        frame.hypothetical = True  # "If you want somebody who is going to beat Trump, …": inside a condition
        # ("whether" is left out: "It was not clear whether he had his back to the police when they opened fire")
    if frame.reporter is None:
        frame.reporter = according_to(clause.sent.root)
    return frame


def _read_modals(frame: Frame, token: Token) -> None:
    modals = clause_modals(token)
    if modals & FUTURE_AUX:
        frame.governors.append(Governor("future", token))
    if modals & OBLIGATION_AUX:
        frame.governors.append(Governor("obligation", token))
    if modals & CONDITIONAL_AUX:
        if "would" in modals and not _has_condition(token):
            frame.governors.append(Governor("future", token))
        else:
            frame.governors.append(Governor("possible", token))
    for child in token.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children):
            frame.governors.append(Governor("ultimatum", token))
            break


def is_question(sentence: Span) -> bool:
    """Whether a sentence asks rather than tells ("How many shares will be around in 1995?"): it reports nothing."""
    for token in reversed(sentence):
        if token.is_space or token.is_quote or token.text in {")", "]"}:
            continue
        return token.text.endswith("?")
    return False


def in_parentheses(sentence: Span) -> set[int]:
    """The tokens of a sentence inside a closed parenthesis: an aside ("the Taliban (the organization is banned in
    the Russian Federation)", "(the party supports the Afghan resistance)") says what stands, not what happened."""
    inside: set[int] = set()
    opened: list[int] = []
    for word in sentence:
        if word.text == "(":
            opened.append(word.i)
        elif word.text == ")" and opened:
            inside.update(range(opened.pop() + 1, word.i))
    return inside
