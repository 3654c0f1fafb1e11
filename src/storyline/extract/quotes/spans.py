"""Span boundaries of an attribution found from the parse, as PolNeAR draws them (each convention measured on
PolNeAR's training split): how far a content runs, which words next to the cue verb belong to the cue."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from storyline.extract.quotes.direct import QuotedSpan

TRAILING_SKIP_DEPS = frozenset({"punct", "cc", "conj", "advcl", "npadvmod"})
CUE_MODIFIER_DEPS = frozenset({"advmod"})
# after an object content: "made his remarks during the breakfast", "… in a tweet" (PolNeAR leaves these out; the
# other modifiers, "by name", "in the 2008 race", mostly run with the content: measured on the training split)
ADJUNCT_PREPOSITIONS = frozenset({"during", "before", "after"})
MEDIUM_NOUNS = frozenset(
    {"tweet", "interview", "statement", "email", "e-mail", "letter", "op-ed", "print", "appearance", "speech"}
    | {"remark", "address", "hearing", "post", "video", "column", "essay", "memo", "release", "conversation"}
    | {"call", "conference", "briefing", "debate", "public", "message", "editorial", "broadcast", "blog"}
)
CONTENT_PREPOSITIONS = frozenset({"about", "for", "on", "to", "of", "against", "with", "at", "over", "into", "as"})


TIME_WORDS = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week"),
        *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
        *("november", "december", "month", "year", "day", "night", "morning", "afternoon", "evening", "today"),
        *("yesterday", "tonight", "time", "occasion", "moment"),
    }
)


def is_time_phrase(token: Token) -> bool:
    """A preposition whose object is a time (``on Thursday``, ``in 2010``, ``after a meeting Thursday`` is not)."""
    if token.dep_ != "prep":
        return False
    objects = [child for child in token.children if child.dep_ == "pobj"]
    return bool(objects) and (objects[0].lemma_.lower() in TIME_WORDS or objects[0].like_num)


def is_adjunct_phrase(token: Token) -> bool:
    """A prepositional phrase that tells when or where something was said, not what: ``during the breakfast``,
    ``after the attack``, ``in a Sunday tweet``, ``in statements`` (:data:`ADJUNCT_PREPOSITIONS`,
    :data:`MEDIUM_NOUNS`)."""
    if token.dep_ != "prep":
        return False
    if token.lower_ in ADJUNCT_PREPOSITIONS:
        return True
    objects = [child for child in token.children if child.dep_ == "pobj"]
    return token.lower_ == "in" and bool(objects) and objects[0].lemma_.lower() in MEDIUM_NOUNS


def trailing_modifiers_end(verb: Token, end: int, text: str) -> int:
    """The end of an object content with the verb's modifiers after it (``refers to the governor as “Chris”``,
    ``did not mention any of his opponents by name``, ``is seeking millions from a legislature``): PolNeAR's
    contents run over them; conjuncts, adverbial clauses, time phrases (``Sunday``, ``on Sunday``, ``in 2010``) and
    the phrases of :func:`is_adjunct_phrase` (``during the debate``, ``in a tweet``) stay out (``text`` is
    ``verb.doc.text``, passed in because spaCy rebuilds it on each access)."""
    last = end
    for child in verb.rights:
        if child.idx < end or child.dep_ in TRAILING_SKIP_DEPS or is_time_phrase(child):
            continue
        if is_adjunct_phrase(child):
            continue
        if "\n" in text[end : child.idx]:
            break
        last = max(last, child.right_edge.idx + len(child.right_edge))
    return last


def _in_a_statement(token: Token) -> bool:
    """``said in a statement``: PolNeAR's cue takes the phrase along (train: 60 times in, 38 out; ``in an
    interview`` stays out, 33 in and 60 out)."""
    if token.dep_ != "prep" or token.lower_ != "in":
        return False
    objects = [child for child in token.children if child.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() == "statement"


def cue_through_modifiers(
    verb: Token, cue: tuple[int, int], parts: tuple[tuple[int, int], ...], source: tuple[int, int] | None
) -> tuple[int, int]:
    """``said repeatedly that …``, ``argued again that …``: the verb's adverbs between the cue and a content after
    it join the cue (the other modifiers there, ``said on Sunday``, ``said in an interview``, mostly do not, but
    ``in a statement`` does), and so does an adverb right after the cue of a content before it (``“…,” he said
    later``)."""
    doc = verb.doc
    content_start = parts[0][0]
    end = cue[1]
    if parts[-1][1] <= cue[0]:
        after = next((c for c in verb.rights if c.idx >= end), None)
        next_to_cue = after is not None and doc[after.i - 1].idx < end  # nothing between them, not even a comma
        if next_to_cue and after is not None and after.dep_ in CUE_MODIFIER_DEPS and after.left_edge.i == after.i:
            return (cue[0], after.idx + len(after))
        if next_to_cue and after is not None and _in_a_statement(after):
            return (cue[0], after.right_edge.idx + len(after.right_edge))
        return cue
    if content_start < end:
        return cue
    index = verb.i + 1
    while index < len(doc) and doc[index].idx < content_start:
        token = doc[index]
        if token.idx < cue[1] or token.is_punct:
            index += 1
            continue
        child = next((c for c in verb.rights if c.left_edge.i <= token.i <= c.right_edge.i), None)
        if child is None or child.right_edge.idx >= content_start:
            return cue
        if child.dep_ not in CUE_MODIFIER_DEPS and not _in_a_statement(child):
            return cue
        if source is not None and child.right_edge.idx >= source[0] and child.left_edge.idx < source[1]:
            return cue
        end = child.right_edge.idx + len(child.right_edge)
        index = child.right_edge.i + 1
    return (cue[0], end)


def to_quote_end(quotes: Sequence[QuotedSpan], part: tuple[int, int]) -> tuple[int, int]:
    """A content that opens a quote runs to the quote's end (``that he’ll “need help. So we’ll see”``)."""
    for quote in quotes:
        if part[0] <= quote.start < part[1] < quote.end:
            return part[0], quote.end
    return part


def second_clause_end(verb: Token, clause: Token) -> int:
    """The end of a second ``that`` clause the parser hung on the verb (``said that A, and that B``), or 0."""
    end = 0
    for child in verb.rights:
        if (
            child.dep_ == "conj"
            and child.i > clause.i
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            end = child.right_edge.idx + len(child.right_edge)
    return end


# ", which would …", ", who was his chief of staff at the time": the writer's words tacked on at a content's end (on
# train, other comma-tacked phrases at the end stay in the content more often than not: appositions, adverbial and
# participle clauses)
TACKED_RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})


def without_which_clause(doc: Doc, part: tuple[int, int]) -> tuple[int, int]:
    """A content without the writer's comment tacked on at its end (``…, which would …``, ``…, who was …``)."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand") if part[0] < part[1] else None
    if span is None:
        return part
    for token in span:
        first = token.left_edge
        if token.dep_ != "relcl" or first.lower_ not in TACKED_RELATIVES or token.right_edge.i < span.end - 1:
            continue
        if first.i - 1 > span.start and doc[first.i - 1].text == ",":
            return part[0], doc[first.i - 1].idx
    return part


CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "parataxis", "conj", "advcl"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
ADDRESSEE_VERBS = frozenset({"ask", "tell", "assure", "inform", "remind", "urge", "warn", "advise"})


def fronted_start(verb: Token, parts: tuple[tuple[int, int], ...]) -> int | None:
    """Where a content starts whose first words stand before its cue: the relative pronoun of ``which officials
    said would cost …`` or ``what he called “…”``, the subject of a passive cue (``Obama is remembered as …``,
    ``Roof is accused of …``; not of ``was asked`` or ``was told that``), the noun a past participle cue modifies
    (``many of them known as …``): PolNeAR's content is those words and the words after the cue; ``None`` when
    nothing stands in front."""
    if parts[0][0] <= verb.idx:
        return None
    lefts = list(verb.lefts)
    for child in lefts:
        if child.tag_ not in RELATIVE_TAGS or child.dep_ not in ("nsubj", "dobj", "nsubjpass"):
            continue
        if any(other.i > child.i and other.dep_ in ("nsubj", "nsubjpass") for other in lefts):
            return child.idx  # "which officials said", "what he called": a subject of its own follows the pronoun
    for child in verb.rights:
        first = child.left_edge
        if child.dep_ == "ccomp" and first.i < verb.i and first.tag_ in RELATIVE_TAGS:
            return first.idx  # the parser hung the pronoun on the clause: "which officials said will go"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
        return verb.head.left_edge.idx  # who is "known as" it is the content's subject, not its source
    if verb.lemma_.lower() in ADDRESSEE_VERBS or any(child.dep_ in ("ccomp", "dative") for child in verb.rights):
        return None  # "he was told that …", "was asked whether …": the subject is who was told
    for child in lefts:
        if child.dep_ == "nsubjpass":
            return child.left_edge.idx
    return None


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb, before it (``The meeting was first reported by Politico``), or ``None``."""
    return next((child for child in verb.lefts if child.dep_ == "nsubjpass"), None)


def is_object(token: Token) -> bool:
    """A direct object, open complement or content preposition with its object (``talked about …``)."""
    if token.dep_ in ("dobj", "xcomp"):
        return True
    return (
        token.dep_ == "prep"
        and token.lower_ in CONTENT_PREPOSITIONS
        and any(child.dep_ in ("pobj", "pcomp") for child in token.children)
    )


def lead_in_start(verb: Token, quote: QuotedSpan, text: str) -> int | None:
    """``The new plans “will fail,” he said``: the words of the quote's sentence before its opening mark belong to
    the content (a mixed quote); ``None`` when the quote opens its sentence or follows its cue."""
    if quote.outer_end > verb.idx:
        return None
    doc = verb.doc
    span = doc.char_span(quote.outer_start, quote.outer_end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span[0].sent
    start = max(sentence.start_char, text.rfind("\n", 0, quote.outer_start) + 1)
    lead = text[start : quote.outer_start]
    if not lead.strip() or any(mark in lead for mark in "\"“”'‘’"):
        return None
    words = doc.char_span(start, quote.outer_start, alignment_mode="contract")
    if words is None or any(token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSE_HEADS for token in words):
        return None  # "He said he was “…”, she added": the lead has a clause of its own
    return start


LIGHT_VERBS = frozenset(
    {"make", "express", "voice", "raise", "have", "give", "take", "draw", "deliver", "issue", "level", "lodge"}
    | {"lend", "pose", "share"}
)
NOUN_PREPOSITIONS = frozenset({"of", "on", "for", "about", "to", "against", "over"})


def subtree_span(token: Token) -> tuple[int, int]:
    """Characters from ``token``'s left edge to its right edge."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def that_clause(noun: Token) -> Token | None:
    """The ``that`` clause a noun carries (``the claim that …``; spaCy labels it ``acl`` or ``ccomp``)."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child
    return None


def noun_complement(noun: Token) -> tuple[Token, Token] | None:
    """What a noun reports and the last word of its cue: a that-clause or to-infinitive (the noun ends the cue) or
    a preposition's object (``support for X``: the preposition ends the cue)."""
    clause = that_clause(noun)
    if clause is not None:
        return noun, clause
    for child in noun.rights:
        if (
            child.dep_ == "acl"
            and child.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return noun, child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return child, objects[0]
    return None


def light_verb_object(
    verb: Token, cue: tuple[int, int], noun: Token, parts: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], tuple[tuple[int, int], ...]]:
    """``expressed concern that …``, ``voiced support for …``: the cue of a light verb runs over its object noun when
    the noun carries a complement, and the content starts at the complement; else ``cue`` and ``parts`` as given."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return cue, parts
    found = noun_complement(noun)
    if found is None:
        return cue, parts
    last, head = found
    start, end = subtree_span(head)
    return (cue[0], last.idx + len(last)), ((start, max(end, parts[-1][1])),)
