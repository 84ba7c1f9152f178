import pytest

from stories.shingles import band_keys, is_near_duplicate, minhash, overlap, shingles


def test_shingles_are_lower_cased_word_triples_of_nfc_text():
    decomposed = "Kiew meldet Ma\u0308rz. Kiew meldet"
    assert shingles(decomposed) == {"kiew meldet märz", "meldet märz kiew", "märz kiew meldet"}
    assert shingles("Zwei Worte") == {"zwei worte"}
    assert shingles("") == set()


def test_overlap_is_exact_both_ways():
    a = {"a", "b", "c", "d"}
    b = {"c", "d"}
    scores = overlap(a, b)
    assert scores.jaccard == pytest.approx(0.5)
    assert scores.a_in_b == pytest.approx(0.5)
    assert scores.b_in_a == pytest.approx(1.0)
    assert scores.containment == pytest.approx(1.0)
    assert is_near_duplicate(scores, containment=0.8, jaccard=0.9)
    assert not is_near_duplicate(overlap(a, {"x"}), containment=0.8, jaccard=0.5)


def test_band_keys_are_equal_for_equal_texts_and_differ_between_bands():
    text = "Der russische Präsident räumte das erste Mal direkt ein, dass die Maschine abstürzte."
    keys = band_keys(minhash(shingles(text)), bands=32, rows=4)
    assert keys == band_keys(minhash(shingles(text)), bands=32, rows=4)
    assert len(set(keys)) == 32
    assert all(-(2**63) <= key < 2**63 for key in keys)
    with pytest.raises(ValueError, match="exceed"):
        band_keys(minhash(shingles(text)), bands=33, rows=4)
