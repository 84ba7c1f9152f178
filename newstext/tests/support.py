"""Helpers the newstext tests share (test modules do not import each other)."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from newstext.parsing import BlockKind, ParsedArticle


def differences(item: object, expected: Mapping[str, object]) -> dict[str, tuple[object, object]]:
    """The attributes of `item` that are not as `expected`: name → (actual, expected).

    `assert differences(article, {...}) == {}` checks many fields at once and names every
    field that is off, not only the first.
    """
    actual = {name: getattr(item, name) for name in expected}
    return {
        name: (actual[name], value) for name, value in expected.items() if actual[name] != value
    }


@dataclass
class AttributionScore:
    """Attribution suggestions against a labelled set: how many were right, and their speakers."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    speakers_right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.true_positives if self.true_positives else 1.0

    def line(self, label: str) -> str:
        return (
            f"{label}: attribution P {self.precision:.3f} R {self.recall:.3f} "
            f"({self.true_positives} of {self.gold} found, {self.predicted} offered); "
            f"speaker right {self.speakers_right} of {self.true_positives} "
            f"({self.speaker_accuracy:.3f})"
        )


def paragraphs(parsed: ParsedArticle) -> list[str]:
    """The texts of a parsed article's paragraphs."""
    return [parsed.body[b.start : b.end] for b in parsed.blocks if b.kind is BlockKind.PARAGRAPH]


def headings(parsed: ParsedArticle) -> list[str]:
    """The texts of a parsed article's subheadings."""
    return [parsed.body[b.start : b.end] for b in parsed.blocks if b.kind is BlockKind.HEADING]
