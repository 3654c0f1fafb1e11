"""The whole pipeline over the sample corpus, stored and exported: what each extraction stage leaves behind.

One run of every stage over the five seeds (module fixture), then checks on the stored view and the export:
entities merged and geocoded, quotes with named speakers and linked across the rewrite, events with their
actors, and the same export whether the seeds come in one run or two (every stage's state saved and restored).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from storyline.corpus import ingest
from storyline.export.records import iter_records
from storyline.settings import Options
from storyline.store import open_store

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "afghan-resistance").glob("*.txt"))


def _export(db: Path, batches: list[list[Path]]) -> list[dict[str, Any]]:
    with open_store(db) as repo:
        for paths in batches:
            ingest([str(p) for p in paths], repo, Options(batch_size=2))
        return list(iter_records(repo))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "one.db"
    _export(db, [SEEDS])
    return db


@pytest.fixture(scope="module")
def records(store: Path) -> list[dict[str, Any]]:
    with open_store(store) as repo:
        return list(iter_records(repo))


def _of(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r for r in records if r["type"] == kind]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_entities_are_merged_across_articles_and_places_geocoded(records: list[dict[str, Any]]) -> None:
    entities = {e["name"]: e for e in _of(records, "entity")}
    pedram = entities["Abdul Latif Pedram"]
    assert "Pedram" in pedram["aliases"] and pedram["country"] == "AFG"
    assert len({m["article_id"] for m in pedram["mentions"]}) == 3
    assert entities["Ahmad Massoud"]["id"] != entities["Ahmad Shah Massoud"]["id"]
    assert "NRF" in entities["National Resistance Front"]["aliases"]
    # Dushanbe within 50 km of the city, Panjshir within 100 km of the province's centre (reference points by hand).
    for name, (lat, lon), within in (("Dushanbe", (38.56, 68.77), 50), ("Panjshir", (35.5, 69.9), 100)):
        geo = entities[name]["geo"]
        assert geo is not None and _km(geo["lat"], geo["lon"], lat, lon) <= within, name


def test_quotes_have_named_speakers_and_the_rewrite_shares_its_quotes(
    records: list[dict[str, Any]], store: Path
) -> None:
    names = {e["id"]: e["name"] for e in _of(records, "entity")}
    said = {q["text"].strip(' .“”"'): names.get(q["speaker_id"]) for q in _of(records, "quote")}
    assert said["We did not go to them. They came to us"] == "Ali Maisam Nazary"
    with open_store(store) as repo:
        by_prefix = {Path(doc.uri).name[:3]: doc for doc in repo.iter_articles()}
    origin, rewrite = by_prefix["000"], by_prefix["001"]
    pedram = [q for q in rewrite.quotations if q.speaker == "Abdul Latif Pedram"]
    assert len(pedram) >= 3
    # The rewrite (machine-translated, reworded) carries the interview's quotes: linked to the origin's.
    origin_ids = {q.quote_id(origin.id) for q in origin.quotations}
    linked = [q for q in rewrite.quotations if q.same_as is not None]
    assert linked and all(q.same_as in origin_ids for q in linked)


def test_events_carry_their_actors_and_evidence(records: list[dict[str, Any]]) -> None:
    names = {e["id"]: e["name"] for e in _of(records, "entity")}
    events = _of(records, "event")
    coded = {(e["plover"], *(names[i] for i in e["source_ids"]), *(names[i] for i in e["target_ids"])) for e in events}
    assert ("REJECT", "Ahmad Massoud", "Taliban") in coded
    assert ("CONSULT", "National Resistance Front", "Taliban") in coded
    # "the Afghan politician asked Tajikistan ...": the source the quotes stage resolved to a name.
    assert ("REQUEST", "Abdul Latif Pedram", "Tajikistan") in coded
    assert ("CONSULT", "Amir Khan Muttaqi", "Ahmad Massoud") in coded
    articles = {a["id"]: a["text"] for a in _of(records, "article")}
    for event in events:
        assert event["independent_sources"] >= 1 and 0 < event["confidence"] <= 1
        for evidence in event["evidence"]:
            assert 0 <= evidence["start"] < evidence["end"] <= len(articles[evidence["article_id"]])


@pytest.mark.slow
def test_two_runs_give_what_one_run_gives(records: list[dict[str, Any]], tmp_path: Path) -> None:
    """Each stage's state is saved at the end of a run and restored at the start of the next."""
    assert _export(tmp_path / "two.db", [SEEDS[:2], SEEDS[2:]]) == records
