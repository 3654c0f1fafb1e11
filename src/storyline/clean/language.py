"""Offline language identification: which language an article is in, and how sure we are.

The model is py3langid's (installed with the package; nothing is downloaded). Its normalised mode gives a
probability over its 140-odd languages, calibrated so that a short text gets a spread-out answer; that
probability is the evidence. It is then weighed against a prior: a news stream is not uniform over languages
(English is far more common than Nigerian Pidgin, with which a short English line is easily confused), so each
language gets a prior weight by how common it is in international news: :data:`PRIOR_WEIGHT`. Every language
stays possible, nothing is restricted: on an article of a few paragraphs the evidence outweighs any prior,
while on one short line the prior settles a near-tie between English and its English-based neighbours.

The answer is a code as py3langid gives it: ISO 639-1 ("en", "ru") where the language has one, ISO 639-3
otherwise ("pcm"). No code (``None``) comes back for a text without letters, for py3langid's "no linguistic
content" label, or when the best posterior is below the caller's minimum.
"""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from storyline.settings import Options

DEFAULT_MIN_SCORE: float = Options().language_min_score

# Only the first characters are read: enough for a sure answer, and the model walks text one byte at a time.
MAX_CHARS_READ = 2_000

_NO_LANGUAGE = "zxx"
_MAJOR_NEWS_LANGUAGES = frozenset(
    {"ru", "fr", "de", "es", "pt", "it", "ar", "zh", "ja", "ko", "tr", "fa", "uk", "pl", "nl", "hi", "id"}
)
_NATIONAL_PRESS_LANGUAGES = frozenset(
    {"sv", "no", "nn", "da", "fi", "cs", "sk", "hu", "ro", "bg", "el", "he", "vi", "th", "ur", "bn", "ms", "hr", "sr",
     "bs", "sl", "lt", "lv", "et", "ka", "hy", "az", "kk", "uz", "tg", "ps", "ta", "te", "ml", "mr", "ne", "si", "sw",
     "tl", "ca", "eu", "gl", "sq", "mk", "be", "is", "ga", "cy", "af", "am", "km", "my", "lo", "mn", "ky", "ku"}
)  # fmt: skip


def prior_weight(language: str) -> float:
    """Prior odds of a language in a news stream, relative to a rare language (weight 1)."""
    if language == "en":
        return 30.0
    if language in _MAJOR_NEWS_LANGUAGES:
        return 10.0
    if language in _NATIONAL_PRESS_LANGUAGES:
        return 3.0
    return 1.0


@functools.cache
def _identifier() -> LanguageIdentifier:
    """The py3langid model in normalised-probability mode, loaded once (about half a second) and never changed."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def rank_languages(text: str) -> list[tuple[str, float]]:
    """Every language with its posterior probability (model evidence times prior, normalised), best first."""
    sample = text[:MAX_CHARS_READ]
    weighted = [
        (language, probability * prior_weight(language)) for language, probability in _identifier().rank(sample)
    ]
    total = sum(weight for _, weight in weighted)
    if total <= 0.0:
        return []
    ranked = [(language, weight / total) for language, weight in weighted]
    ranked.sort(key=lambda pair: pair[1], reverse=True)
    return ranked


def identify_language(text: str, min_score: float = DEFAULT_MIN_SCORE) -> tuple[str | None, float]:
    """The language of ``text`` and its posterior probability; the language is None below ``min_score``.

    The score is returned even when the language is not, so a caller can see how close it came.
    """
    if not any(character.isalpha() for character in text):
        return None, 0.0
    ranked = rank_languages(text)
    if not ranked:
        return None, 0.0
    language, score = ranked[0]
    score = round(score, 4)
    if language == _NO_LANGUAGE or score < min_score:
        return None, score
    return language, score
