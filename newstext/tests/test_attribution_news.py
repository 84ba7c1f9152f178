"""Attribution and speakers on real German news sentences (GermEval 2014), one at a time.

The labelled set is `data/attribution_news.json` (see `data/README.md`): in the first
round every fourth sentence is held out, in the second and third (labelled later, before
the rules were run on them) every second one; held-out sentences are not looked at while the rules
are changed, so only the tuning parts' failures are printed. Each sentence is read alone,
with the mentions the seed gazetteer's recogniser finds in it.
"""

import json
import re
from pathlib import Path

import pytest

from newstext.entities import find_mentions, seed_matcher
from newstext.suggestions import Speaker, SuggestionKind, suggest_claims
from newstext.tests.support import AttributionScore

DATA = Path(__file__).parent / "data" / "attribution_news.json"
FLOOR = 0.90
# The second round, measured on 2026-12-07 after the rules were changed on its tuning
# part: P 0.970 R 0.800 speakers 0.906 (tuning), P 0.839 R 0.743 speakers 0.923
# (held-out; before the change: P 0.824 R 0.400 speakers 0.857). Its floors, about one
# sentence under those figures, guard against regressions; the rules do not reach FLOOR.
SECOND_ROUND_FLOORS = {"tuning": (0.93, 0.77, 0.85), "held-out": (0.80, 0.70, 0.85)}
# The third round, first run on 2026-12-07: P 0.909 R 0.769 speakers 0.600 (tuning),
# P 0.769 R 0.385 speakers 0.800 (held-out). After the rules were changed on its tuning
# part: P 1.000 R 0.923 speakers 0.875 (tuning: 24 of 26 found, 24 offered, 21 speakers
# right), P 0.812 R 0.500 speakers 0.846 (held-out: 13 of 26, 16 offered, 11 right).
# The second round rose with them to P 0.971 R 0.825 speakers 0.909 (tuning) and
# P 0.867 R 0.743 speakers 0.923 (held-out); the first stayed as it was.
THIRD_ROUND_FLOORS = {"tuning": (0.96, 0.88, 0.83), "held-out": (0.76, 0.46, 0.76)}
LATER_ROUND_FLOORS = {2: SECOND_ROUND_FLOORS, 3: THIRD_ROUND_FLOORS}
PRONOUNS = {"er", "sie"}
# Words a speaker's name may have or lack without naming someone else.
IGNORED = {"der", "die", "das", "des", "den", "dem", "ein", "eine", "einer", "eines", "von"}


def stems(name: str) -> set[str]:
    """Content words without inflection endings ("Presseberichten" ~ "Presseberichte")."""
    words = re.findall(r"[\w&][\w.&'-]*", name.lower())
    return {re.sub(r"(e|en|er|es|s|n)$", "", w.rstrip(".")) for w in words if w not in IGNORED}


def _same_word(a: str, b: str) -> bool:
    """One word, inflected or not ("polizeisprech" ~ "polizeisprecher")."""
    return a == b or ((a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2)


def speaker_right(found: Speaker | None, expected: list[str]) -> bool:
    """The found name is one of the expected ones, give or take one word ("Landrat X")."""
    if found is None:
        return False
    for name in expected:
        if name in PRONOUNS:
            if found.name.lower() == name:
                return True
            continue
        gold, got = stems(name), stems(found.name)
        matched = {g for g in gold if any(_same_word(g, w) for w in got)}
        extra = {w for w in got if not any(_same_word(g, w) for g in gold)}
        if matched == gold and len(extra) <= 1:
            return True
    return False


def score(part: str | None, round_: int = 1) -> AttributionScore:
    entries = json.loads(DATA.read_text(encoding="utf-8"))["sentences"]
    matcher = seed_matcher()
    result = AttributionScore()
    for entry in entries:
        if part is not None and entry["part"] != part:
            continue
        if entry.get("round", 1) != round_:
            continue
        text = entry["sentence"]
        found = [
            s
            for s in suggest_claims(text, mentions=find_mentions(text, matcher=matcher))
            if s.kind == SuggestionKind.ATTRIBUTION
        ]
        expected = entry["speaker"]
        result.gold += expected is not None
        result.predicted += bool(found)
        if found and expected is None:
            result.wrong.append(f"extra {entry['id']}: {text}")
        elif expected is not None and not found:
            result.wrong.append(f"missed {entry['id']}: {text}")
        elif found and expected is not None:
            result.true_positives += 1
            speaker = found[0].speaker
            if speaker_right(speaker, expected):
                result.speakers_right += 1
            else:
                got = speaker.name if speaker else None
                result.wrong.append(f"speaker {entry['id']}: {got!r} not {expected}: {text}")
    return result


def test_the_set_is_large_enough_and_partly_held_out() -> None:
    entries = json.loads(DATA.read_text(encoding="utf-8"))["sentences"]
    attributions = [e for e in entries if e["speaker"] is not None]
    assert len(attributions) >= 150
    assert len(entries) > len(attributions)  # and sentences that are not attributions
    assert {e["part"] for e in entries} == {"tuning", "held-out"}
    assert len({e["id"] for e in entries}) == len(entries)
    second = [e for e in entries if e.get("round") == 2]
    assert {e["part"] for e in second} == {"tuning", "held-out"}
    assert sum(e["speaker"] is not None for e in second) >= 60


def report(result: AttributionScore, label: str, part: str | None) -> list[str]:
    """Print the figures, and the failures of a tuning part only; what an assertion shows."""
    print()
    print(result.line(label))
    if part != "tuning":
        return []
    print("\n".join(result.wrong))
    return result.wrong


@pytest.mark.parametrize("part", [None, "tuning", "held-out"])
def test_attribution_and_speakers_beat_the_floor(part: str | None) -> None:
    result = score(part)
    shown = report(result, f"round 1 {part or 'all'}", part)
    assert result.precision >= FLOOR, shown
    assert result.recall >= FLOOR, shown
    assert result.speaker_accuracy >= FLOOR, shown


@pytest.mark.parametrize("part", ["tuning", "held-out"])
@pytest.mark.parametrize("round_", sorted(LATER_ROUND_FLOORS))
def test_the_later_rounds_beat_their_floors(round_: int, part: str) -> None:
    result = score(part, round_=round_)
    shown = report(result, f"round {round_} {part}", part)
    precision, recall, speakers = LATER_ROUND_FLOORS[round_][part]
    assert result.precision >= precision, shown
    assert result.recall >= recall, shown
    assert result.speaker_accuracy >= speakers, shown


def test_speaker_comparison() -> None:
    assert speaker_right(
        Speaker("Landrat Heinz Seiffert", "Landrat Heinz Seiffert"), ["Heinz Seiffert"]
    )
    assert not speaker_right(
        Speaker("der Vizepräsident des IOC", "Vizepräsident des IOC"), ["Thomas Bach"]
    )
    assert not speaker_right(
        Speaker("x", "Polizeichef von Kandahar, Sajed Agha Sakeb"), ["Sajed Agha Sakeb"]
    )
    assert speaker_right(Speaker("er", "er"), ["er"])
    assert not speaker_right(Speaker("Putin", "Putin"), ["er"])
    assert speaker_right(Speaker("x", "Presseberichten"), ["Presseberichte"])
