"""The copy index: answers "which indexed articles might this new article copy?" incrementally, at scale.

Design (for 1,000,000 articles in under 2 GB, a few milliseconds a query, on two cores):

- **Sketches.** Two MinHash-like signatures per article, one-permutation hashing in numpy (one pass over the
  items, not one per hash function): one over word 3-grams (exact and near copies, spinning that leaves runs of
  words) and one over pairs of consecutive *anchors*, the numbers and capitalised names that spinning and
  rewording keep. Values are 32-bit; the index keeps their low 16 bits (``uint16``) to estimate Jaccard
  similarity when it ranks candidates.
- **Banded LSH buckets in sorted arrays.** Each band of ``rows`` hash values becomes one 64-bit key
  ``band << 40 | hash40``; keys and article rows live in sorted numpy arrays (log-structured: a small dict of
  recent inserts, then sorted runs merged as they grow, like an LSM tree), so a lookup is a handful of
  ``searchsorted`` calls and memory is 12 bytes per band per article, with no Python object per entry.
- **Semantic window.** Unit document vectors (multilingual sentence embeddings) of the most recent
  ``semantic_window`` articles, searched by brute-force dot product: translations and rewrites share no words,
  and they appear within days of the original, so a window of recent articles is where to look.
- **Groups.** Every article belongs to one copy group; ``origin`` is the group's earliest article (publication
  date, else ingest order). ``link`` puts a new article in its match's group; when the newcomer was published
  earlier than the group's origin, it becomes the origin and the index records a ``Reassignment`` for every
  stored member (the old origin included), for the store to apply.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storyline.copies.evidence import CopyEvidence
from storyline.copies.text import anchor_key, fast_tokens, shingle_hashes

U64 = npt.NDArray[np.uint64]
KIND_CODES: dict[str | None, int] = {None: 0, "exact": 1, "near": 2, "spun": 3, "translated": 4, "rewrite": 5}
KIND_NAMES: dict[int, str | None] = {code: name for name, code in KIND_CODES.items()}
_PRIME = np.uint64((1 << 61) - 1)
VECTOR_ROWS_FIRST = 256  # rows of the first vector buffer; it doubles as the semantic window fills


@dataclass(frozen=True)
class IndexConfig:
    """Sizes of the sketches and bands. Defaults: 3-gram signature 84 values in 28 bands of 3; anchor signature
    36 values in 18 bands of 2. A pair with 3-gram Jaccard 0.5 shares a band with probability 0.97; with 0.1,
    0.03; an anchor-pair Jaccard of 0.4 gives 0.95."""

    shingle_perm: int = 84
    shingle_rows: int = 3
    anchor_perm: int = 36
    anchor_rows: int = 2
    shingle_size: int = 3
    fresh_limit: int = 4096  # inserts kept in a dict before they are sorted into an array run
    semantic_window: int = 50_000
    seed: int = 20211006

    @property
    def bands(self) -> int:
        return self.shingle_perm // self.shingle_rows + self.anchor_perm // self.anchor_rows


@dataclass(frozen=True)
class Sketch:
    shingles: npt.NDArray[np.uint32]
    anchors: npt.NDArray[np.uint32]


@dataclass(frozen=True)
class Candidate:
    row: int
    article_id: str
    similarity: float  # estimated Jaccard (the larger of the two signatures) or cosine for semantic candidates
    source: str  # "lsh" or "semantic"


@dataclass(frozen=True)
class Reassignment:
    """A stored article whose copy group got an earlier origin: set its ``copy_of`` (and kind, and evidence
    when given) to these."""

    article_id: str
    copy_of: str
    copy_kind: str | None
    evidence: CopyEvidence | None = None


def _mix64(values: U64, seed: np.uint64) -> U64:
    """A 64-bit finaliser (xor-shift-multiply) keyed by ``seed``: independent hash families from one set of hashes."""
    with np.errstate(over="ignore"):
        x = values ^ seed
        x ^= x >> np.uint64(33)
        x *= np.uint64(0xFF51AFD7ED558CCD)
        x ^= x >> np.uint64(33)
        x *= np.uint64(0xC4CEB9FE1A85EC53)
        x ^= x >> np.uint64(33)
    return x


EMPTY = np.uint32(0xFFFFFFFF)


def one_permutation_sketch(values: U64, size: int, seed: np.uint64) -> npt.NDArray[np.uint32]:
    """A MinHash-like signature in one pass (one-permutation hashing with rotation densification).

    Each hashed item falls into one of ``size`` bins (its high bits) and keeps the minimum of its low 32 bits per
    bin; an empty bin borrows the value of the next non-empty bin to its right, shifted by the distance, so two
    sets agree on a bin with probability about their Jaccard similarity. O(n) instead of O(n * size).
    """
    signature = np.full(size, EMPTY, dtype=np.uint32)
    if len(values) == 0:
        return signature
    mixed = _mix64(values, seed)
    bins = ((mixed >> np.uint64(32)) % np.uint64(size)).astype(np.intp)
    low = (mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    np.minimum.at(signature, bins, low)
    empty = signature == EMPTY
    if empty.any():
        filled = np.flatnonzero(~empty)
        positions = np.flatnonzero(empty)
        nxt = np.searchsorted(filled, positions) % len(filled)
        distance = (filled[nxt] - positions) % size
        borrowed = signature[filled[nxt]].astype(np.uint64) + distance.astype(np.uint64) * np.uint64(0x9E3779B1)
        signature[positions] = (borrowed & np.uint64(0xFFFFFFFE)).astype(np.uint32)
    return signature


class _Buckets:
    """Band keys -> rows: a dict of recent inserts plus sorted array runs, merged when sizes are alike."""

    def __init__(self, fresh_limit: int) -> None:
        self.fresh: dict[int, list[int]] = {}
        self.fresh_keys: list[int] = []
        self.fresh_rows: list[int] = []
        self.fresh_count = 0
        self.fresh_limit = fresh_limit
        self.runs: list[tuple[U64, npt.NDArray[np.int32]]] = []

    def add(self, keys: U64, row: int) -> None:
        key_list = keys.tolist()
        for key in key_list:
            self.fresh.setdefault(key, []).append(row)
        self.fresh_keys.extend(key_list)
        self.fresh_rows.extend([row] * len(key_list))
        self.fresh_count += 1
        if self.fresh_count >= self.fresh_limit:
            self.flush()

    def flush(self) -> None:
        if not self.fresh_keys:
            return
        keys = np.array(self.fresh_keys, dtype=np.uint64)
        rows = np.array(self.fresh_rows, dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        self.runs.append((keys[order], rows[order]))
        self.fresh.clear()
        self.fresh_keys, self.fresh_rows, self.fresh_count = [], [], 0
        while len(self.runs) >= 2 and len(self.runs[-2][0]) <= 2 * len(self.runs[-1][0]):
            (k1, r1), (k2, r2) = self.runs[-2], self.runs[-1]
            keys = np.concatenate([k1, k2])
            rows = np.concatenate([r1, r2])
            order = np.argsort(keys, kind="stable")
            self.runs[-2:] = [(keys[order], rows[order])]

    def lookup(self, keys: U64) -> npt.NDArray[np.int32]:
        found: list[npt.NDArray[np.int32]] = []
        for key in keys.tolist():
            members = self.fresh.get(key)
            if members:
                found.append(np.asarray(members, dtype=np.int32))
        for run_keys, run_rows in self.runs:
            left = np.searchsorted(run_keys, keys, side="left")
            right = np.searchsorted(run_keys, keys, side="right")
            for lo, hi in zip(left.tolist(), right.tolist(), strict=True):
                if hi > lo:
                    found.append(run_rows[lo:hi])
        if not found:
            return np.zeros(0, dtype=np.int32)
        return np.concatenate(found)

    @property
    def nbytes(self) -> int:
        return sum(k.nbytes + r.nbytes for k, r in self.runs) + 120 * len(self.fresh_keys)


def _grow(array: npt.NDArray[np.generic], size: int) -> npt.NDArray[np.generic]:
    if size <= len(array):
        return array
    new_shape = (max(size, 2 * len(array), 1024), *array.shape[1:])
    bigger = np.zeros(new_shape, dtype=array.dtype)
    bigger[: len(array)] = array
    return bigger


@dataclass
class CopyIndex:
    config: IndexConfig = field(default_factory=IndexConfig)

    def __post_init__(self) -> None:
        rng = np.random.default_rng(self.config.seed)
        self._shingle_seed, self._anchor_seed = (np.uint64(v) for v in rng.integers(1, 2**63, size=2, dtype=np.uint64))
        self._buckets = _Buckets(self.config.fresh_limit)
        self._token_hashes: dict[str, int] = {}
        self._anchor_cache: dict[str, int] = {}
        self.size = 0
        self.ids: list[str] = []
        self.row_of: dict[str, int] = {}
        self.shingle_sigs = np.zeros((0, self.config.shingle_perm), dtype=np.uint16)
        self.anchor_sigs = np.zeros((0, self.config.anchor_perm), dtype=np.uint16)
        self.origin = np.zeros(0, dtype=np.int32)
        self.kind = np.zeros(0, dtype=np.int8)
        self.published: list[str | None] = []
        self.members: dict[int, list[int]] = {}
        self.reassignments: list[Reassignment] = []
        window = self.config.semantic_window
        self._vectors = np.zeros((window, 0), dtype=np.float32)
        self._vector_rows = np.full(window, -1, dtype=np.int64)
        self._vector_next = 0
        self._slot_of_row = np.full(0, -1, dtype=np.int32)

    # --- sketches and candidates -------------------------------------------------------------------------

    def sketch(self, text: str) -> Sketch:
        forms, anchor_words = fast_tokens(text)
        token_hashes = self._hash(forms)
        shingles = shingle_hashes(token_hashes, self.config.shingle_size)
        anchor_hashes = self._anchor_hashes(anchor_words)
        anchor_pairs = shingle_hashes(anchor_hashes, 2)
        return Sketch(
            one_permutation_sketch(shingles, self.config.shingle_perm, self._shingle_seed),
            one_permutation_sketch(anchor_pairs, self.config.anchor_perm, self._anchor_seed),
        )

    def _hash(self, tokens: list[str]) -> U64:
        """CRC32 of each token through a bounded cache (news vocabulary is Zipfian: most tokens repeat)."""
        cache = self._token_hashes
        try:
            return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
        except KeyError:
            if len(cache) > 2_000_000:
                cache.clear()
            for token in set(tokens).difference(cache):
                cache[token] = zlib.crc32(token.encode("utf-8", "surrogatepass"))
            return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))

    def _anchor_hashes(self, raw: list[str]) -> U64:
        """Hashes of the anchor keys of raw anchor words (-1 marks a word that is no anchor), through a cache."""
        cache = self._anchor_cache
        if len(cache) > 1_000_000:
            cache.clear()
        for word in set(raw).difference(cache):
            key = anchor_key(word)
            cache[word] = -1 if key is None else zlib.crc32(key.encode("utf-8", "surrogatepass"))
        values = np.fromiter(map(cache.__getitem__, raw), dtype=np.int64, count=len(raw))
        return values[values >= 0].astype(np.uint64)

    def band_keys(self, sketch: Sketch) -> U64:
        keys: list[U64] = []
        offset = 0
        for signature, rows in ((sketch.shingles, self.config.shingle_rows), (sketch.anchors, self.config.anchor_rows)):
            bands = len(signature) // rows
            block = signature[: bands * rows].astype(np.uint64).reshape(bands, rows)
            mixed = np.zeros(bands, dtype=np.uint64)
            with np.errstate(over="ignore"):
                for r in range(rows):
                    mixed = (mixed * np.uint64(0x100000001B3) + block[:, r] + np.uint64(r + 1)) % _PRIME
            band_ids = np.arange(offset, offset + bands, dtype=np.uint64)
            keys.append((band_ids << np.uint64(40)) | (mixed & np.uint64((1 << 40) - 1)))
            offset += bands
        return np.concatenate(keys)

    def candidates(self, sketch: Sketch, limit: int = 8, min_similarity: float = 0.05) -> list[Candidate]:
        """Indexed articles sharing a band with the sketch, best estimated Jaccard first."""
        if self.size == 0:
            return []
        rows = np.unique(self._buckets.lookup(self.band_keys(sketch)))
        if len(rows) == 0:
            return []
        low_s = (sketch.shingles & 0xFFFF).astype(np.uint16)
        low_a = (sketch.anchors & 0xFFFF).astype(np.uint16)
        shingle_sim = (self.shingle_sigs[rows] == low_s).mean(axis=1)
        anchor_sim = (self.anchor_sigs[rows] == low_a).mean(axis=1)
        empty_anchor = bool((sketch.anchors == EMPTY).all())
        similarity = shingle_sim if empty_anchor else np.maximum(shingle_sim, anchor_sim)
        order = np.argsort(-similarity, kind="stable")[:limit]
        return [
            Candidate(int(rows[i]), self.ids[int(rows[i])], float(similarity[i]), "lsh")
            for i in order
            if similarity[i] >= min_similarity
        ]

    def semantic_candidates(
        self, vector: npt.NDArray[np.float32], limit: int = 3, min_cosine: float = 0.6
    ) -> list[Candidate]:
        if self._vectors.shape[1] == 0:
            return []
        used = self._vector_rows[: len(self._vectors)]
        filled = used >= 0
        if not filled.any():
            return []
        cosines = (self._vectors if filled.all() else self._vectors[filled]) @ vector
        rows = used if filled.all() else used[filled]
        top = np.argsort(-cosines)[:limit]
        return [
            Candidate(int(rows[i]), self.ids[int(rows[i])], float(cosines[i]), "semantic")
            for i in top
            if cosines[i] >= min_cosine
        ]

    # --- adding and grouping --------------------------------------------------------------------------------

    def add(
        self, article_id: str, sketch: Sketch, published: str | None, vector: npt.NDArray[np.float32] | None
    ) -> int:
        row = self.size
        self.size += 1
        self.ids.append(article_id)
        self.row_of[article_id] = row
        self.published.append(published)
        self.shingle_sigs = _grow(self.shingle_sigs, self.size)  # type: ignore[assignment]
        self.anchor_sigs = _grow(self.anchor_sigs, self.size)  # type: ignore[assignment]
        self.origin = _grow(self.origin, self.size)  # type: ignore[assignment]
        self.kind = _grow(self.kind, self.size)  # type: ignore[assignment]
        self.shingle_sigs[row] = sketch.shingles & 0xFFFF
        self.anchor_sigs[row] = sketch.anchors & 0xFFFF
        self.origin[row] = row
        self._slot_of_row = _grow(self._slot_of_row, self.size)  # type: ignore[assignment]
        self._slot_of_row[row] = -1
        self._buckets.add(self.band_keys(sketch), row)
        if vector is not None:
            slot = self._vector_next % self.config.semantic_window
            if self._vectors.shape[1] == 0 or slot >= len(self._vectors):
                self._vectors = self._grown_vectors(slot + 1, len(vector))
            self._vectors[slot] = vector
            self._vector_rows[slot] = row
            self._slot_of_row[row] = slot
            self._vector_next += 1
        return row

    def add_many(
        self, ids: list[str], texts: list[str], published: list[str | None], workers: int = 1, chunk: int = 500
    ) -> list[int]:
        """Sketch and add many articles (no document vectors): a bulk build, sketching in ``workers`` processes.

        Sketches depend only on the config, so worker processes compute the same ones as ``sketch``."""
        if workers <= 1 or len(texts) < 2 * chunk:
            return [self.add(i, self.sketch(t), p, None) for i, t, p in zip(ids, texts, published, strict=True)]
        pieces = [texts[k : k + chunk] for k in range(0, len(texts), chunk)]
        rows: list[int] = []
        # spawn: forking a process that runs threads (a server's, a library's) can deadlock the child
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            done = 0
            for shingles, anchors in pool.map(_sketch_chunk, [self.config] * len(pieces), pieces):
                for k in range(len(shingles)):
                    rows.append(self.add(ids[done + k], Sketch(shingles[k], anchors[k]), published[done + k], None))
                done += len(shingles)
        return rows

    def _grown_vectors(self, rows: int, dimensions: int) -> npt.NDArray[np.float32]:
        """The vector buffer with room for at least ``rows`` rows: doubled as the window fills (never beyond
        ``semantic_window``), so a small corpus holds, and saves, only what it uses."""
        held = len(self._vectors) if self._vectors.shape[1] == dimensions else 0
        size = min(self.config.semantic_window, max(rows, 2 * held, VECTOR_ROWS_FIRST))
        grown = np.zeros((size, dimensions), dtype=np.float32)
        if held:
            grown[:held] = self._vectors
        return grown

    def _used_vectors(self) -> npt.NDArray[np.float32]:
        """The rows of the vector buffer filled so far (all of it once the window has wrapped)."""
        return self._vectors[: min(self._vector_next, len(self._vectors))]

    def vector_of(self, row: int) -> npt.NDArray[np.float32] | None:
        """The document vector of ``row`` while it is inside the semantic window."""
        slot = int(self._slot_of_row[row]) if row < len(self._slot_of_row) else -1
        if slot < 0 or int(self._vector_rows[slot]) != row:
            return None
        vector: npt.NDArray[np.float32] = self._vectors[slot]
        return vector

    def origin_id(self, row: int) -> str:
        return self.ids[int(self.origin[row])]

    def kind_of(self, row: int) -> str | None:
        return KIND_NAMES[int(self.kind[row])]

    def earlier(self, row_a: int, row_b: int) -> bool:
        """Whether article ``row_a`` came before ``row_b``: by publication date, else by ingest order."""
        date_a, date_b = self.published[row_a], self.published[row_b]
        if date_a and date_b and not (date_a.startswith(date_b) or date_b.startswith(date_a)):
            return date_a < date_b
        return row_a < row_b

    def becomes_origin(self, row: int, matched_row: int) -> bool:
        """Whether ``row``, linked to ``matched_row``, would displace the origin of that copy group."""
        return self.earlier(row, int(self.origin[matched_row]))

    def link(
        self,
        row: int,
        matched_row: int,
        kind: str,
        evidence: CopyEvidence | None = None,
        origin_match: tuple[str, CopyEvidence | None] | None = None,
    ) -> str | None:
        """Put ``row`` (just added) into ``matched_row``'s copy group; return its ``copy_of`` (None: it is the origin).

        When ``row`` was published before the group's origin, it becomes the origin and every member gets a
        ``Reassignment`` with the new ``copy_of``. The old origin, which had no kind, takes ``kind`` and the
        mirrored evidence when it is the matched member, else ``origin_match`` (its kind and evidence against
        ``row``, when the caller compared them), else the matched member's kind. Every other member keeps its kind
        and evidence: they describe the copy it was found to be when it arrived, the most direct evidence there is.
        """
        origin = int(self.origin[matched_row])
        if not self.earlier(row, origin):
            self.origin[row] = origin
            self.kind[row] = KIND_CODES[kind]
            self.members.setdefault(origin, []).append(row)
            return self.ids[origin]
        group = self.members.pop(origin, [])
        self.members[row] = [origin, *group]
        for member in (origin, *group):
            self.origin[member] = row
            member_evidence = None
            if member == origin == matched_row:
                self.kind[member] = KIND_CODES[kind]
                member_evidence = _mirror(evidence, self.ids[row]) if evidence is not None else None
            elif member == origin:
                origin_kind, member_evidence = origin_match or (self.kind_of(matched_row) or kind, None)
                self.kind[member] = KIND_CODES[origin_kind]
            self.reassignments.append(
                Reassignment(self.ids[member], self.ids[row], self.kind_of(member), member_evidence)
            )
        return None

    def attach(self, row: int, origin_id: str, kind: str | None) -> None:
        """Put ``row`` into the group of ``origin_id`` as already decided (restoring stored articles)."""
        origin = self.row_of.get(origin_id)
        if origin is None or origin == row:
            return
        origin = int(self.origin[origin])
        self.origin[row] = origin
        self.kind[row] = KIND_CODES.get(kind, 0)
        self.members.setdefault(origin, []).append(row)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the token caches (they refill on use) and without the vector buffer's empty rows."""
        state = dict(self.__dict__)
        state["_token_hashes"] = {}
        state["_anchor_cache"] = {}
        state["_vectors"] = self._used_vectors()
        return state

    def drain_reassignments(self) -> list[Reassignment]:
        out, self.reassignments = self.reassignments, []
        return out

    def save(self, path: Path) -> None:
        """Write the index to one ``.npz`` file (no pickles): the store keeps it between runs."""
        self._buckets.flush()
        keys = np.concatenate([k for k, _ in self._buckets.runs]) if self._buckets.runs else np.zeros(0, np.uint64)
        rows = np.concatenate([r for _, r in self._buckets.runs]) if self._buckets.runs else np.zeros(0, np.int32)
        order = np.argsort(keys, kind="stable")
        n = self.size
        config = json.dumps(dataclasses.asdict(self.config))
        with path.open("wb") as handle:
            np.savez(
                handle,
                config=np.array(config),
                ids=np.array(self.ids, dtype=str),
                published=np.array([p or "" for p in self.published], dtype=str),
                shingle_sigs=self.shingle_sigs[:n],
                anchor_sigs=self.anchor_sigs[:n],
                origin=self.origin[:n],
                kind=self.kind[:n],
                bucket_keys=keys[order],
                bucket_rows=rows[order],
                vectors=self._used_vectors(),
                vector_rows=self._vector_rows,
                vector_next=np.array(self._vector_next),
                slot_of_row=self._slot_of_row[:n],
            )

    @classmethod
    def load(cls, path: Path) -> CopyIndex:
        with np.load(path, allow_pickle=False) as data:
            index = cls(IndexConfig(**json.loads(str(data["config"]))))
            index.ids = [str(i) for i in data["ids"]]
            index.size = len(index.ids)
            index.row_of = {article_id: row for row, article_id in enumerate(index.ids)}
            index.published = [str(p) or None for p in data["published"]]
            index.shingle_sigs = data["shingle_sigs"].copy()
            index.anchor_sigs = data["anchor_sigs"].copy()
            index.origin = data["origin"].copy()
            index.kind = data["kind"].copy()
            index._buckets.runs = [(data["bucket_keys"].copy(), data["bucket_rows"].copy())]
            index._vectors = data["vectors"].copy()
            index._vector_rows = data["vector_rows"].copy()
            index._vector_next = int(data["vector_next"])
            index._slot_of_row = data["slot_of_row"].copy()
        for row in range(index.size):
            origin = int(index.origin[row])
            if origin != row:
                index.members.setdefault(origin, []).append(row)
        return index

    @property
    def nbytes(self) -> int:
        """Bytes held in numpy arrays and buckets (ids, dict and list overhead not included)."""
        arrays = (
            self.shingle_sigs,
            self.anchor_sigs,
            self.origin,
            self.kind,
            self._vectors,
            self._vector_rows,
            self._slot_of_row,
        )
        return sum(a.nbytes for a in arrays) + self._buckets.nbytes


def _sketch_chunk(config: IndexConfig, texts: list[str]) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """Worker for ``add_many``: the two signatures of each text, stacked."""
    sketcher = CopyIndex(config)
    sketches = [sketcher.sketch(text) for text in texts]
    return np.stack([s.shingles for s in sketches]), np.stack([s.anchors for s in sketches])


def _mirror(evidence: CopyEvidence, matched_id: str) -> CopyEvidence:
    from storyline.copies.evidence import AlignedPassage

    passages = tuple(
        AlignedPassage(p.other_start, p.other_end, p.start, p.end, p.similarity, p.how) for p in evidence.passages
    )
    return CopyEvidence(matched_id, evidence.kind, evidence.score, passages, evidence.also)
