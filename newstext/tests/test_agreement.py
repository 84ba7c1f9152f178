"""Agreement figures on a small example computed by hand (see each test's working)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstext.agreement import (
    NO_SPAN,
    PairScore,
    Span,
    agreement,
    align_units,
    cohen_kappa,
    krippendorff_alpha,
    match_spans,
    pair_score,
)

# Two annotators on one article.
ANNA = [Span(0, 10, "Claim"), Span(20, 30, "Quote"), Span(40, 50, "Claim")]
BERT = [Span(0, 10, "Claim"), Span(22, 30, "Quote"), Span(40, 50, "Quote"), Span(60, 70, "Claim")]


def test_exact_match():
    # Only [0, 10) Claim has the same range and label: P = 1/4, R = 1/3, F1 = 2·1/(3+4).
    score = pair_score(ANNA, BERT, mode="exact")
    assert score == PairScore(1, 3, 4)
    assert score.precision == pytest.approx(1 / 4)
    assert score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(2 / 7)


def test_overlap_match():
    # [20,30) and [22,30) Quote overlap; [40,50) differs in label: 2 matches, F1 = 4/7.
    score = pair_score(ANNA, BERT, mode="overlap")
    assert score == PairScore(2, 3, 4)
    assert score.f1 == pytest.approx(4 / 7)
    assert pair_score(BERT, ANNA, mode="overlap").precision == pytest.approx(score.recall)


def test_units():
    units = align_units({"anna": ANNA, "bert": BERT})
    assert [u.labels() for u in units] == [
        {"anna": "Claim", "bert": "Claim"},
        {"anna": "Quote", "bert": "Quote"},
        {"anna": "Claim", "bert": "Quote"},
        {"anna": NO_SPAN, "bert": "Claim"},
    ]


def test_cohen_kappa_by_hand():
    # po = 2/4. Anna: C 2/4, Q 1/4, ∅ 1/4; Bert: C 2/4, Q 2/4.
    # pe = .5·.5 + .25·.5 + .25·0 = .375; kappa = (.5 − .375)/(1 − .375) = 0.2.
    result = agreement([{"anna": ANNA, "bert": BERT}])
    assert result.kappa == pytest.approx(0.2)
    assert [u.labels()["bert"] for u in result.disagreements] == ["Quote", "Claim"]


def test_krippendorff_alpha_by_hand():
    # Coincidences: CC 2, QQ 2, CQ 1, QC 1, ∅C 1, C∅ 1 → n_C 4, n_Q 3, n_∅ 1, n = 8.
    # alpha = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k = 1 − 7·4/38 = 10/38.
    result = agreement([{"anna": ANNA, "bert": BERT}])
    assert result.alpha == pytest.approx(10 / 38)


def test_alpha_with_three_annotators_and_missing_values():
    # Krippendorff's textbook-style check: perfect agreement where values exist is 1.
    assert krippendorff_alpha([["a", "a", None], ["b", "b", "b"], [None, "a", "a"]]) == 1
    # Units with one value are not pairable; all identical values leave alpha undefined.
    assert krippendorff_alpha([["a", None], ["a", "a"]]) is None


def test_kappa_edge_cases():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1


def test_set_pools_articles():
    second = {"anna": [Span(5, 9, "Claim")], "bert": [Span(5, 9, "Claim")]}
    result = agreement([{"anna": ANNA, "bert": BERT}, second])
    assert result.pairs["anna", "bert"]["exact"] == PairScore(2, 4, 5)
    assert len(result.units) == 5
    # po = 3/5; Anna C 3/5, Q 1/5, ∅ 1/5; Bert C 3/5, Q 2/5: pe = .36 + .08 = .44.
    assert result.kappa == pytest.approx((0.6 - 0.44) / 0.56)


def test_three_annotators_get_alpha_not_kappa():
    carl = [Span(0, 10, "Claim")]
    result = agreement([{"anna": ANNA, "bert": BERT, "carl": carl}])
    assert result.kappa is None
    assert result.alpha is not None
    assert set(result.pairs) == {("anna", "bert"), ("anna", "carl"), ("bert", "carl")}


def test_empty_annotators_score_one():
    assert PairScore(0, 0, 0).f1 == 1
    assert PairScore(0, 0, 2).precision == 0


# Where spans are looked up by position, the rules read as plainly as possible, over every
# pair, are the reference: the indexed code must give the same units and matches.
def plain_units(spans_by_annotator: dict[str, list[Span]]) -> list[list[tuple[str, Span]]]:
    units: list[dict[str, Span]] = []
    for name in sorted(spans_by_annotator):
        for span in sorted(spans_by_annotator[name]):
            free = [u for u in units if name not in u]
            overlap = {id(u): _overlap(next(iter(u.values())), span) for u in free}
            best = max(free, key=lambda u: overlap[id(u)], default=None)  # earliest on a tie
            if best is None or overlap[id(best)] == 0:
                best = {}
                units.append(best)
            best[name] = span
    return sorted(sorted(u.items()) for u in units)


def plain_matches(reference: list[Span], candidate: list[Span], mode: str) -> list[tuple]:
    def rank(pair: tuple[int, int]) -> tuple[float, int, int]:
        a, b = reference[pair[0]], candidate[pair[1]]
        exact = (a.start, a.end) == (b.start, b.end)
        return (0 if exact else 1 - _overlap(a, b) / max(a.end, b.end), *pair)

    pairs = [
        (i, j)
        for i, a in enumerate(reference)
        for j, b in enumerate(candidate)
        if a.label == b.label
        and (
            (a.start, a.end) == (b.start, b.end)
            or (mode == "overlap" and a.start < b.end and b.start < a.end)
        )
    ]
    matched: list[tuple] = []
    for i, j in sorted(pairs, key=rank):
        if all(i != m[0] and j != m[1] for m in matched):
            matched.append((i, j))
    return [(reference[i], candidate[j]) for i, j in matched]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


SPANS = st.lists(
    st.builds(
        lambda start, length, label: Span(start, start + length, label),
        st.integers(0, 60),
        st.sampled_from([0, 1, 3, 10, 40]),
        st.sampled_from(["Claim", "Quote"]),
    ),
    max_size=8,
)


@given(st.dictionaries(st.sampled_from(["anna", "bert", "cem"]), SPANS, min_size=1))
def test_units_are_those_of_the_plain_rule(spans_by_annotator):
    units = [
        sorted((name, span) for name, span in unit.spans.items() if span)
        for unit in align_units(spans_by_annotator)
    ]
    assert sorted(units) == plain_units(spans_by_annotator)


@given(SPANS, SPANS, st.sampled_from(["exact", "overlap"]))
def test_matches_are_those_of_the_plain_rule(reference, candidate, mode):
    found = match_spans(reference, candidate, mode=mode)
    assert found == plain_matches(reference, candidate, mode)
