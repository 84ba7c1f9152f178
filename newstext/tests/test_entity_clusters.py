"""The entity model's word clusters: computed from unlabelled text, deterministically."""

import gzip
from pathlib import Path

from newstext.entities.features import own_features, word_clusters
from newstext.entities.training import clusters
from newstext.entities.training.corpus import splits


def test_the_committed_clusters_cover_frequent_words_at_three_granularities() -> None:
    found = word_clusters()
    assert len(found) > 10_000
    assert all(len(numbers) == len(clusters.SIZES) for numbers in found.values())
    for coarse, middle, fine in found.values():
        assert int(coarse) < clusters.SIZES[0]
        assert int(middle) < clusters.SIZES[1]
        assert int(fine) < clusters.SIZES[2]


def test_a_word_s_clusters_are_features_of_its_own() -> None:
    coarse, middle, fine = word_clusters()["Berlin"]
    assert {f"cl0={coarse}", f"cl1={middle}", f"cl2={fine}"} <= set(own_features("Berlin"))
    assert not any(a.startswith("cl") for a in own_features("Xqzzyvinsk"))


def test_no_validation_sentence_is_in_the_clustered_text() -> None:
    _, validation = splits()
    text = {tuple(s) for s in clusters.sentences()}
    assert sum(tuple(s.words) in text for s in validation) < 5  # repeated sentences only


def test_clustering_is_deterministic(tmp_path: Path) -> None:
    text = [
        ["Der", w, "sagte", "am", "Montag", "in", city, "."]
        for w in ("Minister", "Kanzler", "Sprecher", "Präsident")
        for city in ("Berlin", "Paris", "Rom", "Wien")
    ] * 3
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    for output in (first, second):
        clusters.write(clusters.clusters(text, min_count=3, sizes=(2, 3), dimensions=4), output)
    assert first.read_bytes() == second.read_bytes()
    words = [
        line.split("\t")[0] for line in gzip.decompress(first.read_bytes()).decode().splitlines()
    ]
    assert "Berlin" in words
    assert "Minister" in words
