"""Dependency patterns over spaCy's parse: where an event word is, and who, whom and where its arguments are.

Trigger patterns, tried on every token of a sentence:

* ``verb``: a verb in :data:`~storyline.extract.events.lexicon.VERBS` ("rejected", "attacked");
* ``phrasal``: a verb with its particle, preposition or fixed object ("turned down", "called for", "opened fire");
* ``object-sense``: a verb whose object makes its sense specific ("lifted the curfew", "halted aid");
* ``light-verb``: an event noun as the object of a light verb ("held talks", "staged a protest", "engaged in
  fighting") or as the subject of a passive one ("talks were held");
* ``noun-participants``: an event noun whose participants are named ("a meeting between X and Y", "talks with X").

Arguments: the source is the clause's subject (found up through open complements and conjunctions; the ``by``
agent of a passive), the target the direct object when it names an actor, else the actor inside a proposal noun
("the Taliban offer", "an Indian proposal") or the object of a participant preposition (with, against, to, on,
from …); the location the proper name after in/at/near.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from storyline.extract.entities.lexicon import KIN_WORDS
from storyline.extract.events.lexicon import (
    ACTOR_NOUNS,
    LIGHT_VERBS,
    NOT_EVENTS,
    NOUNS,
    OBJECT_SENSES,
    PHRASAL_VERBS,
    PROPOSAL_NOUNS,
    REPORTING_VERBS,
    VERBS,
    LexiconEntry,
)
from storyline.extract.events.modality import in_parentheses, is_question
from storyline.extract.events.sense_words import TIME_WORDS
from storyline.extract.events.senses import event_sense

TARGET_PREPOSITIONS: tuple[str, ...] = (
    "with", "against", "to", "on", "upon", "toward", "towards", "into", "from", "at", "for", "over", "of", "in",
)  # fmt: skip
LOCATION_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "near", "inside", "outside", "across", "around"})
_NOUN_CLAUSE_PREPOSITIONS: frozenset[str] = frozenset({"in", "into", "on"})
TEMPORAL_PREPOSITIONS = frozenset({"during", "after", "before", "since", "until", "throughout", "amid", "following"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


_KNOWN_VERBS = frozenset(VERBS) | LIGHT_VERBS | {verb for verb, _ in PHRASAL_VERBS} | {v for v, _ in OBJECT_SENSES}


@dataclass(frozen=True)
class Trigger:
    """Where an event word was found: its lexicon entry, the words that carry it, and the clause it heads."""

    entry: LexiconEntry
    key: str  # the lexicon key that matched ("reject", "turn down", "hold + talk")
    words: tuple[Token, ...]  # the trigger's tokens, in text order
    clause: Token  # the token whose clause the event is (a verb; the noun itself for noun-participants)
    noun: Token | None  # the event noun, for noun triggers
    pattern: str


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_keys(token: Token) -> list[str]:
    """Lexicon keys to try for a verb: its lemma, then stems of its inflected form (the lemmatiser's misses,
    e.g. "staged" lemmatised as "stag")."""
    keys = [lemma(token)]
    word = token.lower_
    if token.tag_ in {"VBD", "VBN"} and word.endswith("ed"):  # a doubled consonant: "planned", not "banked"
        keys += [word[:-1], word[:-2]] + [word[:-3]] * (len(word) > 4 and word[-3] == word[-4])
    elif token.tag_ == "VBG" and word.endswith("ing"):  # "planning", not "banking" as "ban"
        keys += [word[:-3] + "e", word[:-3]] + [word[:-4]] * (len(word) > 5 and word[-4] == word[-5])
    elif token.tag_ == "VBZ" and word.endswith("s"):
        keys += [word[:-1], word[:-2]]
    return keys


def verb_lemma(token: Token, table: Collection[str]) -> str:
    """The first of :func:`verb_keys` found in ``table``, else the plain lemma."""
    return next((key for key in verb_keys(token) if key in table), lemma(token))


def is_time_word(token: Token) -> bool:
    return token.lower_ in TIME_WORDS or token.like_num


def is_actor(token: Token) -> bool:
    """Whether a noun-phrase head names an actor: a name, a people word, an actor noun, or a personal pronoun."""
    if is_time_word(token):
        return False
    if token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON":
        return token.lower_ in {"he", "she", "they", "we", "i", "him", "her", "them", "us", "you", "who"}
    if token.pos_ in {"NOUN", "PROPN"} and (lemma(token) in ACTOR_NOUNS or token.lower_ in ACTOR_NOUNS):
        return True
    if token.pos_ == "NOUN" and lemma(token) in KIN_WORDS and any(c.dep_ == "poss" for c in token.children):
        return True  # "Massoud's father": a person, not Massoud
    if token.pos_ in {"NOUN", "ADJ"} and token.text[:1].isupper() and token.i > token.sent.start:
        return True  # "Palestinians", "Indian"
    if token.pos_ != "NOUN" or lemma(token) in PROPOSAL_NOUNS:
        return False
    # "Russian civilian advisers", "Danish Web sites", "UN peacekeepers": a common noun named by a people or a name
    return any(
        child.dep_ in {"compound", "amod", "nmod"}
        and child.i < token.i
        and (child.pos_ == "PROPN" or (child.text[:1].isupper() and child.i > token.sent.start))
        for child in token.children
    )


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _children(token: Token, *deps: str) -> Iterator[Token]:
    return (child for child in token.children if child.dep_ in deps)


def find_triggers(sentence: Span) -> list[Trigger]:
    """Every trigger in a sentence, in text order; one per clause token (the most specific pattern wins)."""
    found: dict[int, Trigger] = {}
    if is_question(sentence):
        return []
    aside = in_parentheses(sentence)
    for token in sentence:
        if token.i in aside or _background(token):
            continue
        trigger = _verb_trigger(token) if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT" else None
        if trigger is None and token.pos_ in {"NOUN", "PROPN", "ADJ"}:
            trigger = _noun_trigger(token)
        if trigger is None and token.pos_ in {"VERB", "AUX"}:
            trigger = _obligation_trigger(token)
        if trigger is not None and (trigger.noun or trigger.clause).i not in found:
            found[(trigger.noun or trigger.clause).i] = trigger
    # A light verb that carries a noun's event is not an event of its own.
    light = {t.clause.i for t in found.values() if t.pattern == "light-verb"}
    return sorted((t for i, t in found.items() if not (t.noun is None and i in light)), key=lambda t: t.words[0].i)


def _background(token: Token) -> bool:
    """Words that do not report an event of their own: a reduced passive relative ("the Taliban (outlawed in
    Russia)", "weapons seized last year"), a sentence-initial participle ("Given …", "Speaking on condition …"), an
    imperative ("press Ctrl + Enter to send …"), a participle used as an adjective ("declining deficits", "the
    consulting firm", "a rallying cry"). Asides in parentheses are left out by :func:`find_triggers`."""
    if (token.dep_ == "acl" and token.tag_ == "VBN") or token.dep_ == "amod":
        return True
    if token.tag_ in {"VBN", "VBG"} and token.dep_ != "ROOT" and _starts_line(token):
        return True
    return token.dep_ == "ROOT" and token.tag_ == "VB" and not any(c.dep_.startswith("nsubj") for c in token.children)


def _starts_line(token: Token) -> bool:
    """Whether the token opens its sentence or a line."""
    return token.i == 0 or bool(token.is_sent_start) or "\n" in token.doc[token.i - 1].text_with_ws


_MEASURE_NOUNS = frozenset(
    {"day", "week", "month", "hour", "series", "wave", "round", "spate", "number", "string", "campaign", "effort"}
)


def _lasts(prep: Token) -> bool:
    return any(lemma(p) in TIME_WORDS for p in prep.children)


def _objects(verb: Token) -> list[Token]:
    objects = list(_children(verb, "dobj", "attr", "oprd"))
    for prep in _children(verb, "prep"):
        if prep.lower_ in _NOUN_CLAUSE_PREPOSITIONS:
            objects.extend(_children(prep, "pobj"))
    for obj in list(objects):  # "launched 10 days of war games", "exploded a series of bombs"
        if lemma(obj) in _MEASURE_NOUNS:
            for prep in _children(obj, "prep"):
                if prep.lower_ == "of":
                    objects.extend(_children(prep, "pobj"))
    return objects


def _noun_entry(noun: Token) -> tuple[str, LexiconEntry] | None:
    if lemma(noun) == "deal" and any(c.lower_ in {"great", "good"} for c in noun.children):
        return None  # "will carry a great deal of weight": an amount
    for modifier in _children(noun, "compound", "amod"):
        key = f"{modifier.lower_} {lemma(noun)}"
        if key in NOUNS:
            return key, NOUNS[key]
    for key in (lemma(noun), noun.lower_):
        if key in NOUNS:
            return key, NOUNS[key]
    return None


def _verb_trigger(verb: Token) -> Trigger | None:
    base = verb_lemma(verb, _KNOWN_VERBS)
    # Phrasal verbs: particle, preposition, or fixed object.
    for child in verb.children:
        if child.dep_ in {"prt", "prep", "dobj", "npadvmod", "advmod"}:
            key = (base, lemma(child))
            if key in PHRASAL_VERBS:
                return Trigger(PHRASAL_VERBS[key], " ".join(key), (verb, child), verb, None, "phrasal")
    if any((base, c.lower_) in NOT_EVENTS and not _lasts(c) for c in verb.children if c.dep_ in {"prep", "prt"}):
        return None  # "talk about", "fight for liberties"; not "fought for two days"
    if base == "talk" and not any(c.lower_ in {"with", "to"} for c in verb.children):
        return None  # talks are with someone
    if base in {"seek", "try", "attempt"} and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "sought to organise …" is an attempt, coded through its complement if at all
    objects = _objects(verb)
    for obj in objects:
        if (base, lemma(obj)) in OBJECT_SENSES:
            return Trigger(
                OBJECT_SENSES[(base, lemma(obj))], f"{base} {lemma(obj)}", (verb, obj), verb, None, "object-sense"
            )
    if base in LIGHT_VERBS:
        for obj in objects:
            # "signed into law in March"; not "his pitch holds obvious appeal" (NOT_EVENTS)
            noun = None if is_time_word(obj) or (base, lemma(obj)) in NOT_EVENTS else _noun_entry(obj)
            if noun is not None:
                return Trigger(noun[1], f"{base} + {noun[0]}", (verb, obj), verb, obj, "light-verb")
        if verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children):
            for subject in _children(verb, "nsubjpass"):
                noun = _noun_entry(subject)
                if noun is not None:
                    return Trigger(noun[1], f"{noun[0]} + {base}", (subject, verb), verb, subject, "light-verb")
    if base in VERBS and verb.pos_ == "VERB":
        entry = event_sense(base, verb, VERBS[base], lambda clause: subject_of(clause)[0])
        return None if entry is None else Trigger(entry, base, (verb,), verb, None, "verb")
    return None


_OBLIGATION = LexiconEntry("REQUEST", "100")
_STATE_VERBS = frozenset({"be", "become", "remain", "seem", "stay"})
_CONFLICT_NOUNS = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "ACCUSE"})


def _obligation_trigger(verb: Token) -> Trigger | None:
    """A reported obligation ("Russia said Sudan must return …") is a request even when the verb is not in the
    lexicon; the reporting verb's subject is the requester."""
    if verb.dep_ != "ccomp" or lemma(verb.head) not in REPORTING_VERBS or lemma(verb) in _STATE_VERBS:
        return None  # "Trump claims that he should be the exception": a state, not a demand
    asked = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    reporter = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    named = reporter is not None and reporter.pos_ == "PROPN"  # "Ethiopia indicated it should have acted"
    if asked is not None and (asked.lower_ in {"this", "that"} or not (is_actor(asked) or asked.lower_ == "it")):
        return None  # "These results should cause us to rethink …": no one is asked
    if asked is not None and asked.lower_ == "it" and not named:
        return None  # "I don't think it should be done behind closed doors"
    base = verb_lemma(verb, _KNOWN_VERBS)
    if base in VERBS and event_sense(base, verb, VERBS[base], lambda clause: subject_of(clause)[0]) is None:
        return None  # "they should beat her at the polls": the act asked for is no event
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in {"must", "should"}:
            return Trigger(_OBLIGATION, child.lower_, (child, verb), verb, None, "obligation")
    return None


def _noun_trigger(noun: Token) -> Trigger | None:
    """An event noun whose participants are named; not one that is the object of another act ("ruled out
    negotiations with X"), a purpose ("set off for negotiations with X") or ruled out itself ("no talks")."""
    found = _noun_entry(noun)
    if found is None or (noun.head.lemma_.lower() in LIGHT_VERBS and noun.dep_ in {"dobj", "nsubjpass"}):
        return None
    if noun.dep_ in {"dobj", "conj"} or (noun.dep_ == "pobj" and noun.head.lower_ in {"for", "to", "of", "on"}):
        return None
    if any(c.lower_ in {"no", "any"} for c in noun.children if c.dep_ == "det"):
        return None
    allowed = {"between", "with"} | ({"against", "on"} if found[1].plover in _CONFLICT_NOUNS else set())
    participants = [p for p in _children(noun, "prep") if p.lower_ in allowed]
    if not any(is_actor(o) for p in participants for o in _children(p, "pobj")):
        return None
    return Trigger(found[1], found[0], (noun,), noun, noun, "noun-participants")


def subject_of(clause: Token) -> tuple[Token | None, str]:
    """The subject (the one who acts) of a clause and how it was found.

    Through open complements, conjunctions and purpose infinitives; the ``by`` agent of a passive; the noun a
    relative clause modifies ("the resistance, which is fighting …"); the object of an accusation verb for its
    gerund ("accused X of refusing …": X refuses); the owner of a noun an infinitive hangs from ("Russia's offer to
    mediate"; for "their readiness to negotiate", the subject of the verb whose object it is).
    """
    current = clause
    for _ in range(6):
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in current.children)
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"}:
                if child.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    return current.head, "relcl"
                return child, "nsubj"
            if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in _children(child, "pobj"):
                    return pobj, "agent"
        if current.lemma_ in {"engage", "involve"}:  # "were engaged in fighting": the passive subject acts
            for child in _children(current, "nsubjpass"):
                return child, "nsubjpass(engage)"
        if passive:
            return None, "none"
        if _infinitival(current):  # "X began a strike to protest …": X protests
            current = current.head.head if current.head.dep_ in {"dobj", "pobj", "attr"} else current.head
            continue
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head, "relcl"
        if current.dep_ == "acl" and current.head.pos_ == "NOUN" and any(c.lower_ == "to" for c in current.children):
            noun = current.head  # "announced their readiness to negotiate", "Russia's offer to mediate"
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None and owner.lower_ not in _POSSESSIVE_PRONOUNS:
                return owner, "poss"
            if owner is not None and noun.dep_ in {"dobj", "attr"}:
                current = noun.head  # whose readiness: the subject of the verb that has it
                continue
        if current.dep_ in {"xcomp", "acomp", "conj", "advcl"} and current.head != current:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":  # "resorted to throwing stones"
            verb = current.head.head
            for obj in _children(verb, "dobj"):  # "accused X of refusing"
                if is_actor(obj):
                    return obj, "object-of-accusation"
            current = verb
            continue
        if current.dep_ in {"dobj", "attr"} and current.pos_ == "NOUN":  # "stressed the need for …"
            current = current.head
            continue
        break
    return None, "none"


def passive_subject(clause: Token) -> Token | None:
    for child in clause.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


def actor_inside(noun: Token) -> Token | None:
    """The actor inside a non-actor noun phrase: "the Taliban offer", "Saddam's proposal", "a call by Annan"; never
    the one a relative is named through ("Massoud's father" is not Massoud)."""
    if lemma(noun) in KIN_WORDS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and not is_time_word(child) and child.lower_ not in _POSSESSIVE_PRONOUNS:
            return child
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"} and is_actor(child) and child.i < noun.i:
            return child
    for prep in _children(noun, "prep"):
        if prep.lower_ in {"from", "by", "of", "to", "against", "for", "on", "with"}:
            for pobj in _children(prep, "pobj"):
                if is_actor(pobj):
                    return pobj
    return None


_RECIPIENT_VERBS = frozenset(
    {
        "give", "offer", "send", "provide", "contribute", "deliver", "supply", "grant", "hand", "return", "sell",
        "extend", "donate", "promise", "pledge", "transfer", "ship", "lend",
    }
)  # fmt: skip


def target_of(trigger: Trigger, source: Token | None) -> tuple[Token | None, str]:
    """The target actor of a trigger and how it was found; never the source itself.

    Order: the second party of "between X and Y"; the recipient of a giving verb (dative or "to X"); an object
    that names an actor; the actor inside a proposal-like object ("the Taliban offer"); an actor after a
    participant preposition; an actor deeper in the object; a place the act is applied to ("lifted the curfew
    in X"); an actor in the purpose clause ("… to protest X's decision").
    """
    heads = [trigger.clause] if trigger.noun is None else [trigger.noun, trigger.clause]
    if trigger.noun is not None:
        for prep in _children(trigger.noun, "prep"):
            if prep.lower_ == "between":
                for pobj in _children(prep, "pobj"):
                    for conj in pobj.subtree:  # "between delegations from X and Y": Y may hang anywhere below
                        if conj.dep_ == "conj" and any(c.dep_ == "cc" for c in conj.head.children):
                            return conj, "between-and"
    if lemma(trigger.clause) in _RECIPIENT_VERBS:
        for child in trigger.clause.children:
            if child.dep_ == "dative" and child.lower_ != "to" and child != source:
                return child, "dative"
            if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
                for pobj in _children(child, "pobj"):
                    if pobj != source and (is_actor(pobj) or actor_inside(pobj) is None):
                        return pobj, "recipient"
    carriers = {word.i for word in trigger.words}  # "opened fire": the fire is part of the trigger
    objects = [c for h in heads for c in _children(h, "dative", "dobj", "nsubjpass") if c.i not in carriers]
    for child in objects:
        if child != source and is_actor(child) and lemma(child) not in PROPOSAL_NOUNS:
            return child, child.dep_
    force = trigger.entry.plover in {"ASSAULT", "COERCE"}
    for child in objects:
        inner = actor_inside(child)
        if force and inner is not None and inner.dep_ == "compound" and inner.text.islower():
            return child, f"{child.dep_}(thing)"  # "attacked a police station": the station, not the police
        if inner is not None and inner != source:
            return inner, f"{child.dep_}>{inner.dep_}"
    for head in heads:
        for name in TARGET_PREPOSITIONS:
            for prep in _children(head, "prep"):
                if prep.lower_ != name:
                    continue
                for pobj in _children(prep, "pobj"):
                    if pobj == source:
                        continue
                    if is_actor(pobj) and not (name in LOCATION_PREPOSITIONS and _is_place_name(pobj)):
                        return pobj, f"prep:{name}"
                    inner = actor_inside(pobj)
                    if (
                        inner is not None
                        and inner != source
                        and not (name in LOCATION_PREPOSITIONS and _is_place_name(inner))
                    ):
                        return inner, f"prep:{name}>{inner.dep_}"
    for child in objects:
        deep = _actor_below(child, source)
        if deep is not None:
            return deep, f"{child.dep_}>deep"
    for head in heads:  # the purpose clause ("staged a strike to protest X's decision")
        for clause in (c for c in head.children if c.dep_ in {"advcl", "xcomp", "acl"} or _infinitival(c)):
            for child in _children(clause, "dobj"):
                found = child if is_actor(child) else _actor_below(child, source)
                if found is not None and found != source:
                    return found, f"{clause.dep_}>dobj"
            for prep in _children(clause, "prep"):
                for pobj in _children(prep, "pobj"):
                    found = pobj if is_actor(pobj) and not _is_place_name(pobj) else _actor_below(pobj, source)
                    if found is not None and found != source:
                        return found, f"{clause.dep_}>prep:{prep.lower_}"
    for head in heads:  # any other party in the event's clause ("refused to allow UN planes to land")
        found = _actor_in_clause(head, source, trigger.noun)
        if found is not None:
            return found, "clause"
    for head in heads:  # a place the act is applied to ("lifted the curfew in X")
        for prep in _children(head, "prep"):
            if prep.lower_ in LOCATION_PREPOSITIONS:
                for pobj in _children(prep, "pobj"):
                    if pobj != source and _is_place_name(pobj):
                        return pobj, f"prep:{prep.lower_}(place)"
    if force:  # what is attacked or seized may be a thing
        for child in objects:
            if child.dep_ == "dobj" and child != source and lemma(child) not in PROPOSAL_NOUNS | _MEASURE_NOUNS:
                return child, "dobj(thing)"
    return None, "none"


def _actor_in_clause(head: Token, source: Token | None, noun: Token | None, depth: int = 6) -> Token | None:
    """The nearest named actor in a clause, breadth first, skipping the subject, places and relative clauses."""
    skip = set() if source is None else {t.i for t in source.subtree}
    frontier = [head]
    for _ in range(depth):
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in skip or child.dep_ in {"punct", "cc", "det"}:
                    continue
                if child.dep_ == "relcl" and not _infinitival(child):
                    continue
                if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPOSITIONS:
                    continue
                if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
                    continue
                if token.dep_ == "prep" and token.lower_ in LOCATION_PREPOSITIONS and _is_place_name(child):
                    continue
                if child != noun and child.pos_ in {"PROPN", "NOUN"} and is_actor(child) and not _in_name(child):
                    return child
                following.append(child)
        frontier = following
    return None


def _infinitival(clause: Token) -> bool:
    """A "to"-infinitive clause ("a hunger strike to protest …", parsed as a relative clause)."""
    return clause.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _in_name(token: Token) -> bool:
    """A compound part of a larger name or noun phrase ("United" in "United Nations planes")."""
    return token.dep_ == "compound" and token.head.pos_ in {"PROPN", "NOUN"} and is_actor(token.head)


def _actor_below(noun: Token, source: Token | None, depth: int = 3) -> Token | None:
    """The nearest actor below a non-actor noun, through prepositions, possessives and participles
    ("the return of property seized by X", "rallies by the X group")."""
    frontier = [noun]
    for _ in range(depth):
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.dep_ in {"relcl", "punct", "cc", "det"}:
                    continue
                if (
                    child.dep_ in {"pobj", "poss", "agent", "dobj", "conj", "appos", "compound"}
                    and child != source
                    and child.pos_ != "PRON"
                    and is_actor(child)
                ):
                    return child
                following.append(child)
        frontier = following
    return None


def _is_place_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and lemma(token) not in ACTOR_NOUNS


def location_of(trigger: Trigger) -> Token | None:
    """The head of a place name after in/at/near on the trigger's clause or noun ("in Tehran", "in the city of X")."""
    heads = list(dict.fromkeys([trigger.clause, *trigger.words]))
    for head in heads:
        for prep in _children(head, "prep"):
            if prep.lower_ not in LOCATION_PREPOSITIONS:
                continue
            for pobj in _children(prep, "pobj"):
                if is_time_word(pobj):
                    continue
                if pobj.pos_ == "PROPN":
                    return pobj
                for inner_prep in _children(pobj, "prep"):
                    if inner_prep.lower_ == "of":
                        for name in _children(inner_prep, "pobj"):
                            if name.pos_ == "PROPN":
                                return name
                if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.children):
                    return pobj
    return None
