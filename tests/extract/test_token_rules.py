"""The parser's attribute ruler and lemmatizer, run from arrays, give byte-identical parses to spaCy's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from storyline.extract.nlp import PARAGRAPH_BREAKS, base_pipeline_path, load_parser
from storyline.extract.token_rules import AttributeRules, UnsupportedPattern, install

# Every kind of pattern the ruler has: the tag map, word exceptions (pronouns, "n't", modals), two-token
# patterns ("gonna", "gotta", "let's", "y'all", "ain't"), patterns with REGEX, IN and NOT_IN, dependency tests.
TRICKY = (
    "I told 'em we're gonna win, y'all. Let's go! It ain't over, he said; we gotta keep doin' it.\n"
    "She'd have said nothin' if you hadn't asked me. Those who can, do; there is no one else. "
    "Something has to give, and that's that: what does it matter whether they'll come? C'mon.\n\n"
    "The Taliban said it had been ready to hold talks, but the offer was rejected by Massoud's aides."
)


def _spacy_parser() -> spacy.language.Language:
    """The same pipeline as load_parser, with spaCy's own attribute ruler and lemmatizer."""
    nlp = spacy.load(base_pipeline_path(), exclude=["ner"])
    load_parser()  # registers the paragraph-break component
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


@pytest.fixture(scope="module")
def spacy_parser() -> spacy.language.Language:
    return _spacy_parser()


def test_the_parser_runs_the_stand_ins_under_the_original_names() -> None:
    nlp = load_parser()
    assert nlp.pipe_names[-2:] == ["attribute_ruler", "lemmatizer"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRules)


def test_parses_are_byte_identical_on_the_seeds_and_tricky_text(
    spacy_parser: spacy.language.Language, seed_paths: list[Path]
) -> None:
    texts = [TRICKY, *(path.read_text(encoding="utf-8") for path in seed_paths), "", "   "]
    ours = load_parser()
    for text in texts * 2:  # the second round is answered from what the stand-ins remember
        expected = spacy_parser(text)
        found = ours(text)
        assert found.to_bytes(exclude=["tensor", "user_data"]) == expected.to_bytes(exclude=["tensor", "user_data"])
    tricky = ours(TRICKY)
    assert [t.lemma_ for t in tricky[:10]] == [t.lemma_ for t in spacy_parser(TRICKY)[:10]]
    assert {t.lower_: t.lemma_ for t in tricky}["gon"] == "go"


def test_a_pattern_it_does_not_understand_leaves_spacys_component(spacy_parser: spacy.language.Language) -> None:
    nlp = _spacy_parser()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">": 40}}]], {"POS": "X"})  # LENGTH is not read by the stand-in
    with pytest.raises(UnsupportedPattern):
        AttributeRules(ruler)
    assert install(nlp) == ["lemmatizer"]
    assert nlp.get_pipe("attribute_ruler") is ruler
