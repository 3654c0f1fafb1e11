"""LGL geoparsing benchmark: reader, prediction writer, recognition and resolution scores.

The LGL corpus (Lieberman et al. 2010, in the XML of Gritta et al.'s "Pragmatic Guide to Geoparsing
Evaluation") holds local US news articles; each ``<article docid=…>`` has a ``<text>`` and ``<toponym>``
elements with ``start``/``end`` (code-point offsets into the text), the ``phrase``, and, where the annotators
found one, a ``<gaztag geonameid=…>`` with ``lat``/``lon``.

:func:`evaluate_geo` measures two things, as the literature does:

* **Recognition**: the toponyms the system finds (the recogniser's place mentions and country demonyms, which
  LGL annotates, that :meth:`Geocoder.resolve` places in the gazetteer; a mention it cannot place, such as
  "Dublin Road", is not counted as a toponym) against every gold toponym span, with or without coordinates.
  *Exact*: same start and end. *Overlap*: a predicted span overlapping a gold span counts once for each side
  (each gold span matched at most once).
* **Resolution** over the gold toponyms that have coordinates: the gold spans of each article are given to
  the resolver (as ``GPE`` mentions, together, so each is resolved in the context of the others), and each
  chosen place's great-circle error to the gold position is scored: accuracy@161 km (share of errors within
  100 miles), mean and median error in km, and AUC of the error curve as Gritta et al. (2018) define it:
  the errors sorted, each as ``log(1 + km)``, integrated with the trapezoid rule over their index, divided by
  ``(n - 1) * log(20039)`` (the largest possible error): 0 is perfect, 1 the worst. A toponym the resolver
  cannot place counts as the largest error (20,039 km).

The predictions file (JSON lines) has one line for each toponym the system found:
``{"article", "start", "end", "text", "lat", "lon", "geonames_id"}`` (``geonames_id`` is ``null`` for a place
no shipped data gives an id: provinces outside the US, counties). With ``recognise=False`` the file holds the
resolved gold spans instead (``lat``/``lon`` ``null`` where no place was found).

*End to end* (printed when the recogniser ran): the gold toponyms with coordinates that a predicted toponym
overlaps, scored with the place the system gave its own span in the context of its own mentions.
"""

from __future__ import annotations

import itertools
import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import StorylineError
from storyline.extract.geo import Geocoder, PlaceMention, distance_km, geocoder
from storyline.extract.ner import EntityMention

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible great-circle error
ACCURACY_KM = 161.0  # 100 miles


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonames_id: int | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GeoArticle:
    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(element: ET.Element | None) -> float | None:
    return float(element.text) if element is not None and element.text else None


def read_lgl(path: Path) -> list[GeoArticle]:
    """The articles of an LGL-style XML file, with their gold toponyms."""
    if not path.is_file():
        raise StorylineError("E610", f"no geoparsing data at {path}", "give the LGL XML file (lgl.xml)")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise StorylineError("E611", f"{path} is not well-formed XML: {error}", "give the LGL XML file") from error
    articles: list[GeoArticle] = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for toponym in article.iter("toponym"):
            start, end = int(toponym.findtext("start") or 0), int(toponym.findtext("end") or 0)
            tag = toponym.find("gaztag")
            ident = tag.get("geonameid") if tag is not None else None
            toponyms.append(
                GoldToponym(
                    start=start,
                    end=end,
                    phrase=toponym.findtext("phrase") or text[start:end],
                    geonames_id=int(ident) if ident else None,
                    lat=_float(tag.find("lat")) if tag is not None else None,
                    lon=_float(tag.find("lon")) if tag is not None else None,
                )
            )
        articles.append(GeoArticle(article.get("docid", str(len(articles))), text, tuple(toponyms)))
    return articles


def auc_of_errors(errors_km: Sequence[float]) -> float:
    """Gritta et al.'s AUC: area under the sorted log-error curve, normalised to 0 (perfect) … 1 (worst)."""
    if len(errors_km) < 2:
        return math.log1p(errors_km[0]) / math.log(MAX_ERROR_KM) if errors_km else 0.0
    logs = [math.log1p(error) for error in sorted(errors_km)]
    area = sum((left + right) / 2 for left, right in itertools.pairwise(logs))
    return area / ((len(logs) - 1) * math.log(MAX_ERROR_KM))


@dataclass
class GeoScore:
    """Recognition counts and resolution errors over a corpus."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_gold: int = 0  # gold spans overlapped by a prediction
    overlap_predicted: int = 0  # predictions overlapping a gold span
    errors_km: list[float] = field(default_factory=list)  # one per gold toponym with coordinates
    unresolved: int = 0  # gold toponyms the resolver found no place for
    ids_correct: int = 0  # resolved to the gold GeoNames id
    end_to_end_errors_km: list[float] = field(default_factory=list)  # recognised gold toponyms, system's own spans

    @staticmethod
    def _prf(hits_predicted: int, hits_gold: int, predicted: int, gold: int) -> tuple[float, float, float]:
        precision = hits_predicted / predicted if predicted else 0.0
        recall = hits_gold / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def exact_prf(self) -> tuple[float, float, float]:
        return self._prf(self.exact, self.exact, self.predicted, self.gold)

    @property
    def overlap_prf(self) -> tuple[float, float, float]:
        return self._prf(self.overlap_predicted, self.overlap_gold, self.predicted, self.gold)

    @property
    def accuracy_161(self) -> float:
        return sum(error <= ACCURACY_KM for error in self.errors_km) / len(self.errors_km) if self.errors_km else 0.0

    @property
    def auc(self) -> float:
        return auc_of_errors(self.errors_km)

    @property
    def mean_error_km(self) -> float:
        return statistics.fmean(self.errors_km) if self.errors_km else 0.0

    @property
    def median_error_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def lines(self) -> list[str]:
        """The scores as printed lines."""
        out = [f"articles {self.articles}, gold toponyms {self.gold}, predicted toponyms {self.predicted}"]
        if self.predicted:
            for label, (p, r, f) in (("exact", self.exact_prf), ("overlap", self.overlap_prf)):
                out.append(f"recognition {label:<8} P {p:.4f}  R {r:.4f}  F1 {f:.4f}")
        n = len(self.errors_km)
        out.append(f"resolution of the {n} gold toponyms with coordinates (gold spans given to the resolver):")
        out.append(f"  accuracy@161km {self.accuracy_161:.4f}  AUC {self.auc:.4f}")
        out.append(f"  mean error {self.mean_error_km:.0f} km  median error {self.median_error_km:.1f} km")
        out.append(f"  GeoNames id equal {self.ids_correct / n if n else 0.0:.4f}  unresolved {self.unresolved}")
        if self.end_to_end_errors_km:
            found = self.end_to_end_errors_km
            within = sum(error <= ACCURACY_KM for error in found) / len(found)
            out.append(f"end to end: {len(found)} gold toponyms with coordinates recognised (overlap); of these,")
            out.append(
                f"  accuracy@161km {within:.4f}  AUC {auc_of_errors(found):.4f}  (resolved in the system's context)"
            )
        return out


def _recognition(score: GeoScore, gold: Sequence[GoldToponym], found: Sequence[PlaceMention]) -> None:
    spans = {(toponym.start, toponym.end) for toponym in gold}
    score.predicted += len(found)
    score.exact += sum((mention.start, mention.end) in spans for mention in found)
    used: set[int] = set()
    for mention in found:
        hits = [i for i, toponym in enumerate(gold) if toponym.start < mention.end and mention.start < toponym.end]
        if hits:
            score.overlap_predicted += 1
            free = [i for i in hits if i not in used]
            if free:
                used.add(free[0])
                _end_to_end(score, gold[free[0]], mention)
    score.overlap_gold += len(used)


def _end_to_end(score: GeoScore, toponym: GoldToponym, mention: PlaceMention) -> None:
    if toponym.lat is not None and toponym.lon is not None and mention.place is not None:
        error = distance_km(mention.place.lat, mention.place.lon, toponym.lat, toponym.lon)
        score.end_to_end_errors_km.append(error)


def _resolution(score: GeoScore, article: GeoArticle, coder: Geocoder) -> None:
    located = [toponym for toponym in article.toponyms if toponym.lat is not None and toponym.lon is not None]
    mentions = [
        EntityMention(toponym.start, toponym.end, article.text[toponym.start : toponym.end], "LOC", "GPE", "gold")
        for toponym in located
    ]
    resolved = {(mention.start, mention.end): mention.place for mention in coder.resolve(article.text, mentions)}
    for toponym in located:
        place = resolved.get((toponym.start, toponym.end))
        if place is None or toponym.lat is None or toponym.lon is None:
            score.unresolved += 1
            score.errors_km.append(MAX_ERROR_KM)
            continue
        score.errors_km.append(distance_km(place.lat, place.lon, toponym.lat, toponym.lon))
        score.ids_correct += place.geonames_id is not None and place.geonames_id == toponym.geonames_id


def _prediction_line(docid: str, mention: PlaceMention) -> str:
    place = mention.place
    record = {
        "article": docid,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonames_id": place.geonames_id if place else None,
    }
    return json.dumps(record, ensure_ascii=False)


def evaluate_geo(data: Path, predictions: Path, *, limit: int | None = None, recognise: bool = True) -> GeoScore:
    """Geoparse the LGL articles in ``data``, write the toponyms found to ``predictions`` (JSON lines), score.

    ``limit`` keeps the first articles only; ``recognise=False`` skips the recogniser (resolution scores only,
    and the predictions file then holds the resolved gold spans).
    """
    from storyline.extract.ner import recognise as recognise_entities

    articles = read_lgl(data)[:limit]
    coder = geocoder()
    score = GeoScore(articles=len(articles))
    found_lists: list[list[PlaceMention]] = []
    if recognise:
        mentions = recognise_entities([article.text for article in articles])
        found_lists = [
            [place for place in coder.resolve(article.text, found, demonyms=True) if place.place is not None]
            for article, found in zip(articles, mentions, strict=True)
        ]
    predictions.parent.mkdir(parents=True, exist_ok=True)
    with predictions.open("w", encoding="utf-8") as handle:
        for index, article in enumerate(articles):
            score.gold += len(article.toponyms)
            _resolution(score, article, coder)
            if recognise:
                _recognition(score, article.toponyms, found_lists[index])
                found = found_lists[index]
            else:
                gold = [
                    EntityMention(t.start, t.end, article.text[t.start : t.end], "LOC", "GPE", "gold")
                    for t in article.toponyms
                ]
                found = coder.resolve(article.text, gold)
            for mention in found:
                handle.write(_prediction_line(article.docid, mention) + "\n")
    return score
