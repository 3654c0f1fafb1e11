"""Language identification: English news (long or one line) comes out "en"; other languages as themselves."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from storyline.clean import identify_language
from storyline.clean.language import DEFAULT_MIN_SCORE, prior_weight, rank_languages
from storyline.settings import Options

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT / "examples" / "afghan-resistance"
ECBPLUS = ROOT.parent / "shared" / "bench" / "stories" / "ecbplus"

SHORT_ENGLISH = [
    "Pedram said.",
    "He denied it.",
    "The talks failed.",
    "Leave a Reply",
    "Afghan resistance asks for assistance from Tajikistan",
    "Border guards fired warning shots.",
    "Talks between the Taliban and the resistance ended on Sunday.",
    "Aid reaches Panjshir valley",
    "Tajikistan closes border",
]

# Written for this test: the same two sentences of news in several languages.
OTHER_LANGUAGES = {
    "ru": "Представители Фронта национального сопротивления заявили, что готовы к переговорам с талибами. "
    "Встреча может пройти в Душанбе уже в следующем месяце.",
    "fr": "Les représentants du Front national de résistance se disent prêts à négocier avec les talibans. "
    "La rencontre pourrait avoir lieu à Douchanbé le mois prochain.",
    "de": "Vertreter der Nationalen Widerstandsfront erklärten, sie seien zu Gesprächen mit den Taliban bereit. "
    "Das Treffen könnte schon im nächsten Monat in Duschanbe stattfinden.",
    "es": "Los representantes del Frente de Resistencia Nacional dijeron que están dispuestos a negociar con los "
    "talibanes. La reunión podría celebrarse en Dusambé el mes próximo.",
    "uk": "Представники Фронту національного опору заявили, що готові до переговорів з талібами. "
    "Зустріч може відбутися в Душанбе вже наступного місяця.",
    "fa": "نمایندگان جبهه مقاومت ملی گفتند که آماده گفتگو با طالبان هستند. "
    "این دیدار ممکن است ماه آینده در دوشنبه برگزار شود.",
    "tg": "Намояндагони Ҷабҳаи муқовимати миллӣ гуфтанд, ки барои гуфтушунид бо Толибон омодаанд. "
    "Мулоқот метавонад моҳи оянда дар Душанбе баргузор шавад.",
    "uz": "Milliy qarshilik fronti vakillari Tolibon bilan muzokaralarga tayyor ekanliklarini aytishdi. "
    "Uchrashuv kelgusi oyda Dushanbeda bo'lib o'tishi mumkin.",
}


@pytest.mark.parametrize("path", sorted(SEEDS_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_seed_articles_are_english(path: Path) -> None:
    language, score = identify_language(path.read_text(encoding="utf-8"))
    assert (language, score) == ("en", 1.0)


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_is_english(text: str) -> None:
    language, score = identify_language(text)
    assert language == "en"
    assert DEFAULT_MIN_SCORE <= score < 1.0


@pytest.mark.parametrize(("expected", "text"), OTHER_LANGUAGES.items())
def test_other_languages_are_themselves(expected: str, text: str) -> None:
    language, score = identify_language(text)
    assert language == expected
    assert score > 0.95


def test_no_letters_no_language() -> None:
    assert identify_language("") == (None, 0.0)
    assert identify_language("12 0 0 — 2021/10/06") == (None, 0.0)


def test_low_confidence_gives_none_but_keeps_the_score() -> None:
    language, score = identify_language("Pedram said.", min_score=0.99)
    assert language is None
    assert 0.0 < score < 0.99
    assert identify_language("Pedram said.", min_score=0.0)[0] == "en"


def test_ranking_is_a_probability_distribution_over_all_languages() -> None:
    ranked = rank_languages("Die Gespräche wurden am Sonntag in Teheran fortgesetzt.")
    assert ranked[0][0] == "de"
    assert len(ranked) > 100  # nothing restricted
    assert math.isclose(sum(score for _, score in ranked), 1.0, rel_tol=1e-6)
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)


def test_prior_favours_common_news_languages_without_excluding_any() -> None:
    assert prior_weight("en") > prior_weight("ru") > prior_weight("tg") > prior_weight("pcm") > 0


def test_default_threshold_is_the_setting() -> None:
    assert Options().language_min_score == DEFAULT_MIN_SCORE


@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="../shared/bench/stories/ecbplus is not here")
def test_single_sentences_of_real_english_news() -> None:
    """Every prose sentence (8+ tokens, ending with a full stop) of 60 ECB+ news documents comes out English."""
    sentences = []
    for path in sorted(ECBPLUS.glob("*/*.xml"))[::13]:
        tokens: dict[int, list[str]] = defaultdict(list)
        for token in ET.parse(path).getroot().iter("token"):
            tokens[int(token.get("sentence", "0"))].append(token.text or "")
        sentences += [" ".join(words) for words in tokens.values() if len(words) >= 8 and words[-1] == "."]
    assert len(sentences) > 300
    wrong = [(s, identify_language(s)) for s in sentences if identify_language(s)[0] != "en"]
    assert len(wrong) <= len(sentences) // 200, wrong[:5]
