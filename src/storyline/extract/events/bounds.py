"""Token ranges of the phrases an event names: an actor's noun phrase (without its relative clauses, times and
edge punctuation) and a proper name with its compounds."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.events.patterns import is_time_word


def phrase_bounds(head: Token, conjuncts: bool = True) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without relative clauses and edge punctuation.

    Conjuncts stay in ("Israel and the Palestinians"); a parenthesis stays only when it closes inside the phrase.
    """
    keep: list[Token] = []

    def visit(token: Token) -> None:
        keep.append(token)
        for child in token.children:
            if child.dep_ in {"relcl", "acl", "advcl"}:
                continue
            if token == head and (child.dep_ == "case" or (not conjuncts and child.dep_ in {"conj", "cc"})):
                continue
            if child.dep_ == "npadvmod" and is_time_word(child):
                continue
            if child.dep_ == "prep" and any(is_time_word(p) for p in child.children if p.dep_ == "pobj"):
                continue
            visit(child)

    visit(head)
    indices = sorted(t.i for t in keep)
    start, end = indices[0], indices[-1] + 1
    doc = head.doc
    # Contiguous stretch around the head only (a skipped clause must not be bridged).
    kept = set(indices)
    left = head.i
    while left - 1 >= start and left - 1 in kept:
        left -= 1
    right = head.i + 1
    while right < end and right in kept:
        right += 1
    for i in range(head.i - 1, left - 1, -1):  # a phrase never runs across a line break
        if "\n" in doc[i].text_with_ws:
            left = i + 1
            break
    for i in range(head.i, right):
        if "\n" in doc[i].text_with_ws:
            right = i + 1
            break
    while left < right - 1 and (doc[left].is_punct or doc[left].dep_ in {"cc", "prep"}):
        left += 1
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].dep_ in {"cc", "case", "prep"}):
        right -= 1
    opened = sum(1 for t in doc[left:right] if t.text == "(") - sum(1 for t in doc[left:right] if t.text == ")")
    if opened > 0:
        for i in range(left, right):
            if doc[i].text == "(" and i > head.i:
                right = i
                break
    return left, right


def name_bounds(head: Token) -> tuple[int, int]:
    """Token range of a proper name: the head and its adjacent compound/flat modifiers ("Amir Khan Muttaqi")."""
    left = head.i
    right = head.i + 1
    parts = {c.i for c in head.children if c.dep_ in {"compound", "flat"}}
    while left - 1 in parts:
        left -= 1
    while right in parts:
        right += 1
    return left, right
