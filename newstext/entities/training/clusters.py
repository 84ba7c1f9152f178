"""Word clusters for the entity model, computed from the committed German text, labels ignored.

    .venv/bin/python -m newstext.entities.training.clusters   (part of `make entity-model`)

Every word seen at least `MIN_COUNT` times in the training text (GermEval's training
sentences and the German LER court decisions; never the validation sentences) gets a
context vector: how often each of the `CONTEXTS` most frequent lower-cased words stands
one and two places to its left and right. The counts are weighted by positive pointwise
mutual information, reduced to `DIMENSIONS` dimensions (a seeded randomised SVD) and
grouped by spherical k-means at three granularities (`SIZES`); a word's clusters are
model features ("Merkel", "Steinbrück" and "Schäuble" land together, as do "Bochum",
"Gießen" and "Kassel"), so a name the labelled data never showed still looks like the
names it did.

Deterministic: fixed seeds, one BLAS thread, words in a fixed order; the output
(`newstext/entities/data/word_clusters.tsv.gz`, word and its three cluster numbers per
line) is committed and read by `features.py`.
"""

import gzip
import os

# One BLAS thread: the same input gives the same floating point sums, so the same file.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from newstext.entities.training.corpus import LER_FILES, read_ler, splits

CLUSTER_FILE = Path(__file__).parents[1] / "data" / "word_clusters.tsv.gz"
MIN_COUNT = 3
CONTEXTS = 1000
WINDOW = (-2, -1, 1, 2)
DIMENSIONS = 100
SIZES = (50, 200, 800)
ITERATIONS = 25
SEED = 20140


def sentences() -> list[list[str]]:
    """The unlabelled text: every training sentence's words (no validation sentence)."""
    training, _ = splits()
    text = [s.words for s in training]
    for path in LER_FILES:
        text += [s.words for s in read_ler(path)]
    return text


def context_matrix(text: Sequence[Sequence[str]], words: Sequence[str]) -> sparse.csr_matrix:
    """PPMI-weighted counts of the frequent lower-cased words around each word."""
    row_of = {w: i for i, w in enumerate(words)}
    lowered = Counter(w.lower() for sentence in text for w in sentence)
    frequent = sorted(lowered, key=lambda w: (-lowered[w], w))[:CONTEXTS]
    column_of = {w: i for i, w in enumerate(frequent)}
    counts: Counter[tuple[int, int]] = Counter()
    for sentence in text:
        lower = [w.lower() for w in sentence]
        for i, word in enumerate(sentence):
            row = row_of.get(word)
            if row is None:
                continue
            for k, offset in enumerate(WINDOW):
                j = i + offset
                context = lower[j] if 0 <= j < len(sentence) else "<s>"
                column = column_of.get(context)
                if column is not None:
                    counts[(row, k * CONTEXTS + column)] += 1
    keys = sorted(counts)
    rows = np.array([r for r, _ in keys])
    columns = np.array([c for _, c in keys])
    values = np.array([counts[k] for k in keys], dtype=np.float64)
    matrix = sparse.csr_matrix(
        (values, (rows, columns)), shape=(len(words), len(WINDOW) * CONTEXTS)
    )
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    column_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context smoothing
    column_sums *= total / column_sums.sum()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * column_sums[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape
    ).astype(np.float64)


Vectors = npt.NDArray[np.float64]


def reduced(matrix: sparse.csr_matrix, dimensions: int, rng: np.random.Generator) -> Vectors:
    """Rows of a randomised SVD (two power iterations), scaled to unit length."""
    probe = rng.standard_normal((matrix.shape[1], dimensions + 20))
    basis, _ = np.linalg.qr(matrix @ probe)
    for _ in range(2):
        basis, _ = np.linalg.qr(matrix @ (matrix.T @ basis))
    small = (matrix.T @ basis).T
    left, singular, _ = np.linalg.svd(small, full_matrices=False)
    vectors = (basis @ left[:, :dimensions]) * np.sqrt(singular[:dimensions])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: Vectors = vectors / np.where(norms == 0, 1, norms)
    return unit


def kmeans(vectors: Vectors, k: int, rng: np.random.Generator) -> npt.NDArray[np.int64]:
    """Spherical k-means (cosine), k-means++ start; the cluster number of every row."""
    n = len(vectors)
    centres = [vectors[rng.integers(n)]]
    distance = 1 - vectors @ centres[0]
    for _ in range(1, k):
        weights = np.maximum(distance, 0) ** 2
        pick = rng.choice(n, p=weights / weights.sum())
        centres.append(vectors[pick])
        distance = np.minimum(distance, 1 - vectors @ vectors[pick])
    centre = np.array(centres)
    assignment = np.zeros(n, dtype=np.int64)
    for _ in range(ITERATIONS):
        assignment = np.argmax(vectors @ centre.T, axis=1)
        for c in range(k):
            members = vectors[assignment == c]
            if len(members):
                mean = members.sum(axis=0)
                centre[c] = mean / (np.linalg.norm(mean) or 1)
    return assignment


def clusters(
    text: Iterable[Sequence[str]],
    *,
    min_count: int = MIN_COUNT,
    sizes: Sequence[int] = SIZES,
    dimensions: int = DIMENSIONS,
) -> dict[str, tuple[int, ...]]:
    """Every frequent enough word's cluster number at each of `sizes`."""
    text = list(text)
    counts = Counter(w for sentence in text for w in sentence)
    words = sorted(w for w, n in counts.items() if n >= min_count)
    rng = np.random.default_rng(SEED)
    vectors = reduced(context_matrix(text, words), dimensions, rng)
    numbers = [kmeans(vectors, k, rng) for k in sizes]
    return {w: tuple(int(n[i]) for n in numbers) for i, w in enumerate(words)}


def write(found: dict[str, tuple[int, ...]], output: Path) -> None:
    lines = "".join(f"{w}\t{' '.join(map(str, c))}\n" for w, c in sorted(found.items()))
    with open(output, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as packed:
        packed.write(lines.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Recompute the entity model's word clusters.")
    parser.add_argument("--output", type=Path, default=CLUSTER_FILE)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    options = parser.parse_args(argv)
    found = clusters(
        sentences(),
        min_count=options.min_count,
        sizes=options.sizes,
        dimensions=options.dimensions,
    )
    write(found, options.output)
    print(f"wrote {options.output}: {len(found):,} words in {options.sizes} clusters")


if __name__ == "__main__":
    main()
