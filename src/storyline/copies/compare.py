"""Compare two articles: align them, decide whether one copies the other, and how.

Three alignments, cheapest first:

1. **Verbatim runs**: maximal runs of the same words (after NFKC and case folding) in both texts.
   ``exact`` when the word sequences are equal; ``near`` when verbatim runs cover most of the shorter text and
   most of its sentences (syndication edits: headline, boilerplate, truncation or extension, a few changed words).
2. **Substituted runs**: short verbatim runs that follow each other in both texts with a few words (up to
   ``MAX_SWAP``) swapped in between: the positional skeleton that synonym spinning leaves. ``spun`` when that
   skeleton covers most of both texts, sentence after sentence, and many words were swapped (checked first: a
   lightly spun text also has long verbatim runs).
3. **Semantic sentence pairs**: multilingual sentence embeddings (Universal Sentence Encoder), paired one to
   one, best first. ``translated`` when the languages differ (or the scripts do) and most sentences pair up;
   ``rewrite`` when enough sentences pair up with high similarity and the pair shares names or numbers
   (anchors) or verbatim quotes: another outlet's rewording of the same material, not another report of the
   same kind of event.

The thresholds are calibrated on the ECB+ copy benchmark's train topics (``benchmarks/copies/README.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from storyline.copies.evidence import AlignedPassage, CopyEvidence
from storyline.copies.text import Words, anchors, sentences, words

FloatArray = npt.NDArray[np.float32]
Encode = Callable[[list[str]], FloatArray]

NEAR_MIN_COVERAGE = 0.6  # verbatim (runs of 4+ words) share of the shorter text
NEAR_MIN_SENTENCES = 0.6  # share of the shorter text's sentences that are (80 %) verbatim
SPUN_MIN_SKELETON = 0.55  # share of either text inside the substituted-run skeleton
SPUN_MIN_SENTENCES = 0.8  # share of either text's sentences (half) aligned: spinning keeps every sentence
SPUN_MIN_SUBSTITUTION = 0.06  # swapped words / skeleton words
SPUN_MIN_SWAPS = 6  # places with swapped words; a syndicated copy has a handful of small edits at most
SPUN_MIN_SWAP_RATE = 0.04  # per word of the shorter text
SEMANTIC_PAIR_MIN = 0.72  # cosine for two sentences to count as the same sentence reworded or translated
REWRITE_MIN_PAIRS = 3
REWRITE_MIN_SHARE = 0.3  # share of the shorter article's sentences that pair up
REWRITE_MIN_ANCHOR_SHARE = 0.6  # shared names and numbers, as a share of the article with fewer
# A short article may pair only two sentences: then half its sentences must pair and most names be shared.
REWRITE_SHORT_PAIRS, REWRITE_SHORT_SHARE, REWRITE_SHORT_ANCHORS = 2, 0.4, 0.6
# A rewrite that carries the same quotes: a verbatim run this long plus a few sentence pairs is shared material
# even when the rest of both articles differs (another outlet's write-up of the same interview).
REWRITE_QUOTE_RUN = 10
REWRITE_QUOTE_ANCHORS = 0.3
TRANSLATED_MIN_SHARE = 0.5
MAX_SWAP = 5  # words swapped between two verbatim runs (a synonym may be a short phrase)
MAX_SENTENCES = 80  # sentences embedded per article: enough for any news article, bounded for huge inputs


@dataclass
class Prepared:
    """An article ready to compare: its words, sentence spans, anchors and (lazily) sentence embeddings."""

    id: str
    text: str
    language: str | None
    words: Words
    sentence_spans: list[tuple[int, int]]
    anchors: frozenset[str]
    script: str
    embeddings: FloatArray | None = field(default=None, repr=False)

    def sentence_embeddings(self, encode: Encode) -> FloatArray:
        if self.embeddings is None:
            texts = embedded_sentences(self.text, self.sentence_spans)
            self.embeddings = encode(texts) if texts else np.zeros((0, 512), dtype=np.float32)
        return self.embeddings


def embedded_sentences(text: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    """The sentences of an article that are embedded, in one encoder call: the first :data:`MAX_SENTENCES`."""
    return [text[s:e] for s, e in (sentences(text) if spans is None else spans)[:MAX_SENTENCES]]


def prepare(article_id: str, text: str, language: str | None) -> Prepared:
    return Prepared(article_id, text, language, words(text), sentences(text), frozenset(anchors(text)), _script(text))


@dataclass(frozen=True)
class Run:
    """``length`` words equal in both texts, from word ``a`` of the first and word ``b`` of the second."""

    a: int
    b: int
    length: int


def verbatim_runs(a: tuple[str, ...], b: tuple[str, ...], min_len: int) -> list[Run]:
    """Maximal runs of at least ``min_len`` equal words, found greedily left to right in ``a``."""
    if len(a) < min_len or len(b) < min_len:
        return []
    positions = _ngram_positions(b, min_len)
    runs: list[Run] = []
    i = 0
    while i <= len(a) - min_len:
        starts = positions.get(a[i : i + min_len])
        if not starts:
            i += 1
            continue
        best_j, best_len = starts[0], 0
        for j in starts[:32]:
            length = min_len
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            if length > best_len:
                best_j, best_len = j, length
        runs.append(Run(i, best_j, best_len))
        i += best_len
    return runs


@lru_cache(maxsize=256)
def _ngram_positions(words: tuple[str, ...], size: int) -> dict[tuple[str, ...], list[int]]:
    """Where each run of ``size`` words starts in ``words`` (remembered: an article is compared with several).
    Read only."""
    positions: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(words) - size + 1):
        positions.setdefault(words[j : j + size], []).append(j)
    return positions


@dataclass(frozen=True)
class LexicalAlignment:
    verbatim_a: float  # share of a's words in verbatim runs of 4+ words
    verbatim_b: float
    skeleton_a: float  # share of a's words in the substituted-run skeleton (kept and swapped words)
    skeleton_b: float
    substitution: float  # swapped words / skeleton words, on a's side
    swaps: int  # places where one to three words were swapped between two verbatim runs
    verbatim_words_a: npt.NDArray[np.bool_]  # per word of a: inside a verbatim run of 4+ words
    verbatim_words_b: npt.NDArray[np.bool_]
    aligned_words_a: npt.NDArray[np.bool_]  # per word of a: verbatim or inside the substituted skeleton
    aligned_words_b: npt.NDArray[np.bool_]
    runs: tuple[Run, ...]
    substituted: tuple[tuple[Run, Run], ...]  # consecutive runs with a few swapped words between them


def lexical_alignment(a: Words, b: Words) -> LexicalAlignment:
    runs = verbatim_runs(a.forms, b.forms, 2)
    covered_a = np.zeros(len(a) + 1, dtype=bool)
    covered_b = np.zeros(len(b) + 1, dtype=bool)
    for r in runs:
        if r.length >= 4:
            covered_a[r.a : r.a + r.length] = True
            covered_b[r.b : r.b + r.length] = True
    verbatim_a = float(covered_a.sum()) / max(len(a), 1)
    verbatim_b = float(covered_b.sum()) / max(len(b), 1)
    ordered = sorted(runs, key=lambda r: r.a)
    skeleton_a = np.zeros(len(a) + 1, dtype=bool)
    skeleton_b = np.zeros(len(b) + 1, dtype=bool)
    kept_a = np.zeros(len(a) + 1, dtype=bool)
    swaps = 0
    pairs: list[tuple[Run, Run]] = []
    for k in range(len(ordered) - 1):
        first, second = ordered[k], ordered[k + 1]
        gap_a = second.a - (first.a + first.length)
        gap_b = second.b - (first.b + first.length)
        if 0 <= gap_a <= MAX_SWAP and 0 <= gap_b <= MAX_SWAP and gap_a + gap_b > 0 and abs(gap_a - gap_b) <= 3:
            skeleton_a[first.a : second.a + second.length] = True
            skeleton_b[first.b : second.b + second.length] = True
            kept_a[first.a : first.a + first.length] = True
            kept_a[second.a : second.a + second.length] = True
            swaps += 1
            pairs.append((first, second))
    in_skeleton_a = int(skeleton_a.sum())
    substitution = (in_skeleton_a - int(kept_a.sum())) / max(in_skeleton_a, 1)
    return LexicalAlignment(
        verbatim_a,
        verbatim_b,
        float(in_skeleton_a) / max(len(a), 1),
        float(skeleton_b.sum()) / max(len(b), 1),
        substitution,
        swaps,
        covered_a[: len(a)],
        covered_b[: len(b)],
        (covered_a | skeleton_a)[: len(a)],
        (covered_b | skeleton_b)[: len(b)],
        tuple(runs),
        tuple(pairs),
    )


def sentence_share(article: Prepared, flags: npt.NDArray[np.bool_], min_share: float) -> float:
    """Share of the article's sentences with at least ``min_share`` of their words flagged."""
    if not article.sentence_spans or len(flags) == 0:
        return 0.0
    starts = np.asarray(article.words.starts)
    spans = np.asarray(article.sentence_spans)
    first = np.minimum(np.searchsorted(starts, spans[:, 0]), len(flags))  # each sentence's words: [first, last)
    last = np.minimum(np.searchsorted(starts, spans[:, 1]), len(flags))
    flagged = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
    counts = last - first
    present = counts > 0
    shares = (flagged[last] - flagged[first])[present] / counts[present]  # what flags[first:last].mean() gives
    return int(np.count_nonzero(shares >= min_share)) / len(article.sentence_spans)


@dataclass(frozen=True)
class SemanticAlignment:
    pairs: tuple[tuple[int, int, float], ...]  # (sentence of a, sentence of b, cosine), one to one
    share: float  # paired sentences / sentences of the shorter article
    anchor_share: float  # shared anchors / anchors of the article with fewer

    @property
    def count(self) -> int:
        return len(self.pairs)


def semantic_alignment(a: Prepared, b: Prepared, encode: Encode) -> SemanticAlignment:
    ea, eb = a.sentence_embeddings(encode), b.sentence_embeddings(encode)
    fewer = min(len(a.anchors), len(b.anchors))
    anchor_share = len(a.anchors & b.anchors) / fewer if fewer else 0.0
    if len(ea) == 0 or len(eb) == 0:
        return SemanticAlignment((), 0.0, anchor_share)
    similarity = ea @ eb.T
    order = np.argsort(similarity, axis=None)[::-1]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for flat in order:
        i, j = divmod(int(flat), similarity.shape[1])
        value = float(similarity[i, j])
        if value < SEMANTIC_PAIR_MIN:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, value))
    share = len(pairs) / min(len(ea), len(eb))
    return SemanticAlignment(tuple(sorted(pairs)), share, anchor_share)


@dataclass(frozen=True)
class Match:
    """The verdict on a pair: the kind of copy (or None), a score in [0, 1] and the evidence passages."""

    kind: str | None
    score: float
    passages: tuple[AlignedPassage, ...]
    features: dict[str, float]

    def evidence(self, matched_id: str, also: tuple[tuple[str, str], ...] = ()) -> CopyEvidence | None:
        if self.kind is None:
            return None
        return CopyEvidence(matched_id, self.kind, round(self.score, 4), self.passages, also)


def _script(text: str) -> str:
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    if not letters:
        return "none"
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return "latin" if latin >= len(letters) / 2 else "other"


def other_language(a: Prepared, b: Prepared) -> bool:
    if a.language and b.language and a.language != b.language:
        return True
    return a.script != b.script


def compare(a: Prepared, b: Prepared, encode: Encode | None) -> Match:
    """Decide whether ``a`` and ``b`` are copies of one another, and of which kind.

    The verdict does not depend on the order: the shorter article (then the smaller id) is aligned against the
    longer, and the passages are given as (``a``'s span, ``b``'s span).
    """
    if (len(a.words), a.id) <= (len(b.words), b.id):
        return _compare(a, b, encode)
    match = _compare(b, a, encode)
    mirrored = tuple(
        AlignedPassage(p.other_start, p.other_end, p.start, p.end, p.similarity, p.how) for p in match.passages
    )
    return Match(match.kind, match.score, mirrored, match.features)


def _compare(a: Prepared, b: Prepared, encode: Encode | None) -> Match:
    if a.words.forms and a.words.forms == b.words.forms:
        span = AlignedPassage(0, len(a.text), 0, len(b.text), 1.0, "verbatim")
        return Match("exact", 1.0, (span,), {"verbatim": 1.0})
    lexical = lexical_alignment(a.words, b.words)
    a_shorter = len(a.words) <= len(b.words)
    verbatim_short = lexical.verbatim_a if a_shorter else lexical.verbatim_b
    skeleton_short = lexical.skeleton_a if a_shorter else lexical.skeleton_b
    features = {
        "verbatim_short": verbatim_short,
        "verbatim_long": lexical.verbatim_b if a_shorter else lexical.verbatim_a,
        "skeleton_short": skeleton_short,
        "skeleton_long": lexical.skeleton_b if a_shorter else lexical.skeleton_a,
        "substitution": lexical.substitution,
        "swaps": float(lexical.swaps),
    }
    shortest = min(len(a.words), len(b.words))
    many_swaps = lexical.swaps >= max(SPUN_MIN_SWAPS, SPUN_MIN_SWAP_RATE * shortest)
    short, long_ = (a, b) if a_shorter else (b, a)
    flags = (lexical.verbatim_words_a, lexical.verbatim_words_b)
    aligned = (lexical.aligned_words_a, lexical.aligned_words_b)
    short_i, long_i = (0, 1) if a_shorter else (1, 0)
    features["verbatim_sentences_short"] = sentence_share(short, flags[short_i], 0.8)
    features["aligned_sentences_short"] = sentence_share(short, aligned[short_i], 0.5)
    features["aligned_sentences_long"] = sentence_share(long_, aligned[long_i], 0.5)
    skeleton_long = features["skeleton_long"]
    spun_shape = (
        skeleton_short >= SPUN_MIN_SKELETON
        and skeleton_long >= SPUN_MIN_SKELETON
        and min(features["aligned_sentences_short"], features["aligned_sentences_long"]) >= SPUN_MIN_SENTENCES
        and many_swaps
        and lexical.substitution >= SPUN_MIN_SUBSTITUTION
    )
    if spun_shape:
        return Match("spun", skeleton_short, _substituted_passages(a, b, lexical), features)
    if verbatim_short >= NEAR_MIN_COVERAGE and features["verbatim_sentences_short"] >= NEAR_MIN_SENTENCES:
        return Match("near", verbatim_short, _verbatim_passages(a, b, lexical), features)
    if encode is None:
        return Match(None, 0.0, (), features)
    semantic = semantic_alignment(a, b, encode)
    longest_run = max((r.length for r in lexical.runs), default=0)
    features.update(
        {
            "semantic_pairs": float(semantic.count),
            "semantic_share": semantic.share,
            "anchor_share": semantic.anchor_share,
            "longest_run": float(longest_run),
        }
    )
    passages = _semantic_passages(a, b, semantic) + _verbatim_passages(a, b, lexical)
    if other_language(a, b):
        if semantic.share >= TRANSLATED_MIN_SHARE and semantic.count >= REWRITE_MIN_PAIRS:
            return Match("translated", semantic.share, passages, features)
        if semantic.count >= REWRITE_MIN_PAIRS and semantic.share >= REWRITE_MIN_SHARE:
            return Match("rewrite", semantic.share, passages, features)
        return Match(None, semantic.share, (), features)
    shared_material = semantic.anchor_share >= REWRITE_MIN_ANCHOR_SHARE or lexical.verbatim_a + lexical.verbatim_b > 0.1
    enough = semantic.count >= REWRITE_MIN_PAIRS and semantic.share >= REWRITE_MIN_SHARE and shared_material
    short_enough = (
        semantic.count >= REWRITE_SHORT_PAIRS
        and semantic.share >= REWRITE_SHORT_SHARE
        and semantic.anchor_share >= REWRITE_SHORT_ANCHORS
    )
    quoted = (
        semantic.count >= REWRITE_MIN_PAIRS
        and longest_run >= REWRITE_QUOTE_RUN
        and semantic.anchor_share >= REWRITE_QUOTE_ANCHORS
    )
    if enough or short_enough or quoted:
        return Match("rewrite", semantic.share, passages, features)
    return Match(None, semantic.share, (), features)


def _span(w: Words, first: int, count: int) -> tuple[int, int]:
    return w.starts[first], w.ends[first + count - 1]


def _verbatim_passages(a: Prepared, b: Prepared, lexical: LexicalAlignment) -> tuple[AlignedPassage, ...]:
    out = []
    for run in lexical.runs:
        if run.length < 4:
            continue
        sa, ea = _span(a.words, run.a, run.length)
        sb, eb = _span(b.words, run.b, run.length)
        out.append(AlignedPassage(sa, ea, sb, eb, 1.0, "verbatim"))
    return tuple(out)


def _substituted_passages(a: Prepared, b: Prepared, lexical: LexicalAlignment) -> tuple[AlignedPassage, ...]:
    """Merge chains of runs linked by short swaps into passages; similarity is the share of kept words."""
    out: list[AlignedPassage] = []
    chain: list[Run] = []

    def flush() -> None:
        if not chain:
            return
        first, last = chain[0], chain[-1]
        a_words = last.a + last.length - first.a
        kept = sum(r.length for r in chain)
        sa, ea = a.words.starts[first.a], a.words.ends[last.a + last.length - 1]
        sb, eb = b.words.starts[first.b], b.words.ends[last.b + last.length - 1]
        out.append(AlignedPassage(sa, ea, sb, eb, round(kept / max(a_words, 1), 4), "substituted"))

    for first, second in lexical.substituted:
        if chain and chain[-1] == first:
            chain.append(second)
        else:
            flush()
            chain = [first, second]
    flush()
    return tuple(out)


def _semantic_passages(a: Prepared, b: Prepared, semantic: SemanticAlignment) -> tuple[AlignedPassage, ...]:
    out = []
    for i, j, value in semantic.pairs:
        sa, ea = a.sentence_spans[i]
        sb, eb = b.sentence_spans[j]
        out.append(AlignedPassage(sa, ea, sb, eb, round(value, 4), "semantic"))
    return tuple(out)
