"""The entities section shows find_mentions with the model and the rules alone side by side."""

from collections import Counter

from benchmarks.entity_speed import side_by_side
from newstext.entities.evaluation import Score


def test_model_and_rules_figures_stand_in_one_row_per_type() -> None:
    model = Score(
        true_positives=Counter(PER=3, LOC=4, ORG=1),
        predicted=Counter(PER=4, LOC=5, ORG=2),
        expected=Counter(PER=4, LOC=8, ORG=2),
    )
    rules = Score(
        true_positives=Counter(PER=2, LOC=2),
        predicted=Counter(PER=4, LOC=2, ORG=1),
        expected=Counter(PER=4, LOC=8, ORG=2),
    )

    lines = side_by_side(model, rules)

    assert lines[0].startswith("| type | model P | model R | model F1 | rules P |")
    assert lines[2] == "| PER | 0.750 | 0.750 | 0.750 | 0.500 | 0.500 | 0.500 | 4 |"
    assert lines[4] == "| ORG | 0.500 | 0.500 | 0.500 | 0.000 | 0.000 | 0.000 | 2 |"
    assert lines[5].startswith("| all | 0.727 | 0.571 | 0.640 | 0.571 | 0.286 | 0.381 |")
