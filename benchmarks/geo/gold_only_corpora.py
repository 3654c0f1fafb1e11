"""Resolution on GeoVirus and WikToR gold toponyms (no article text here), a check on data the weights never saw.

    python benchmarks/geo/gold_only_corpora.py

``../shared/bench/geo/{geovirus,wiki}_gold.txt`` hold, one article a line, ``name,,phrase,,lat,,lon,,start,,end``
items separated by ``||`` (Gritta et al.'s format), but not the articles' texts. Each article's text is
rebuilt with its toponym phrases at their offsets and spaces elsewhere, so the resolver sees the same names
and context of other names, but no commas or words ("Paris, Texas" cues cannot fire). Prints accuracy@161 km,
AUC and mean error per corpus as one JSON line.
"""

from __future__ import annotations

import json
from pathlib import Path

from storyline.eval.geo import MAX_ERROR_KM, GeoScore
from storyline.extract.geo import distance_km, geocoder
from storyline.extract.ner import EntityMention

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench" / "geo"


def score_gold_file(path: Path) -> GeoScore:
    coder = geocoder()
    score = GeoScore()
    for line in path.read_text(encoding="utf-8").splitlines():
        items = [item.split(",,") for item in line.split("||") if item.strip()]
        toponyms = [(phrase, float(lat), float(lon), int(start), int(end)) for _, phrase, lat, lon, start, end in items]
        if not toponyms:
            continue
        score.articles += 1
        text = [" "] * max(end for *_, end in toponyms)
        for phrase, _, _, start, end in toponyms:
            text[start:end] = list(phrase[: end - start].ljust(end - start))
        article = "".join(text)
        mentions = [EntityMention(start, end, article[start:end], "LOC", "GPE") for _, _, _, start, end in toponyms]
        resolved = {(m.start, m.end): m.place for m in coder.resolve(article, mentions)}
        for _, lat, lon, start, end in toponyms:
            score.gold += 1
            place = resolved.get((start, end))
            if place is None:
                score.unresolved += 1
                score.errors_km.append(MAX_ERROR_KM)
            else:
                score.errors_km.append(distance_km(place.lat, place.lon, lat, lon))
    return score


def main() -> None:
    result = {}
    for name in ("geovirus", "wiki"):
        score = score_gold_file(BENCH / f"{name}_gold.txt")
        result[name] = {
            "articles": score.articles,
            "toponyms": score.gold,
            "accuracy_161km": round(score.accuracy_161, 4),
            "auc": round(score.auc, 4),
            "mean_error_km": round(score.mean_error_km),
            "unresolved": score.unresolved,
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
