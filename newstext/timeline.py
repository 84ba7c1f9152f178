"""Laying out a story's articles on a time axis for an SVG picture (no Django imports).

Each dated article gets its own row: a day-precision date is a dot at its day, a
month-precision date a bar over its whole month, so that "September 2023" is drawn as
the month it is and sorts by the month's first day.
"""

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 760
LEFT = 20
RIGHT = 20
ROW_HEIGHT = 28
TOP = 34  # room for the year ticks
LABEL_CHARS = 60


@dataclass(frozen=True)
class DatedItem:
    key: int
    label: str
    start: datetime.date
    month_precision: bool

    @property
    def end(self) -> datetime.date:
        """The last day the date may stand for."""
        if not self.month_precision:
            return self.start
        last = calendar.monthrange(self.start.year, self.start.month)[1]
        return self.start.replace(day=last)


@dataclass(frozen=True)
class Row:
    item: DatedItem
    y: int
    x_start: float
    x_end: float
    label: str
    label_x: float
    label_anchor: str  # "start" or "end": labels near the right edge run leftwards

    @property
    def width(self) -> float:
        return round(self.x_end - self.x_start, 1)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    axis_y: int
    rows: list[Row]
    ticks: list[Tick]


def timeline_order(items: Sequence[DatedItem]) -> list[DatedItem]:
    """Earliest first; within a day, a month-precision item before the day's items."""
    return sorted(items, key=lambda item: (item.start, not item.month_precision, item.key))


def layout(items: Sequence[DatedItem]) -> Layout:
    ordered = timeline_order(items)
    height = TOP + ROW_HEIGHT * max(len(ordered), 1) + 10
    if not ordered:
        return Layout(WIDTH, height, TOP - 12, [], [])
    first = min(item.start for item in ordered).replace(month=1, day=1)
    last = max(item.end for item in ordered).replace(month=12, day=31)
    span = (last - first).days + 1

    def x(day: datetime.date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, 1)

    rows = []
    for index, item in enumerate(ordered):
        x_start, x_end = x(item.start), x(item.end + datetime.timedelta(days=1))
        at_right = x_start > WIDTH / 2
        label = (
            item.label if len(item.label) <= LABEL_CHARS else item.label[: LABEL_CHARS - 1] + "…"
        )
        rows.append(
            Row(
                item=item,
                y=TOP + ROW_HEIGHT * index + ROW_HEIGHT // 2,
                x_start=x_start,
                x_end=max(x_end, x_start + 2),
                label=label,
                label_x=x_start - 8 if at_right else x_end + 8,
                label_anchor="end" if at_right else "start",
            )
        )
    ticks = [
        Tick(x(datetime.date(year, 1, 1)), str(year)) for year in range(first.year, last.year + 1)
    ]
    return Layout(WIDTH, height, TOP - 12, rows, ticks)
