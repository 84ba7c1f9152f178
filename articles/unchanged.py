"""The parts of an article's text that a new revision left as they were.

Re-anchoring (annotations, entity mentions) looks every quote up in the new text by its
words and context (`newstext.anchoring.locate`), which weighs every occurrence of the
quote: for a name that occurs hundreds of times, and is mentioned hundreds of times,
that is quadratic (110 s for a 270,000-character article with 2,871 mentions). A quote
in a line the revision did not touch is where it was, moved by the text inserted or
removed before it: `UnchangedText` says where, and leaves only the quotes in changed
lines to be looked up.
"""

from bisect import bisect_right
from difflib import SequenceMatcher


class UnchangedText:
    """Where a range of the old body is in the new one, if the revision left it alone."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        same_start = _common_prefix(old, new)
        same_end = _common_suffix(old[same_start:], new[same_start:])
        old_end, new_end = len(old) - same_end, len(new) - same_end
        # (old start, old end, shift) of each unchanged stretch, in text order: the text
        # before the first change, unchanged lines between, the text after the last one.
        self.blocks: list[tuple[int, int, int]] = [(0, same_start, 0)]
        old_lines = old[same_start:old_end].splitlines(keepends=True)
        new_lines = new[same_start:new_end].splitlines(keepends=True)
        old_starts, new_starts = _starts(old_lines, same_start), _starts(new_lines, same_start)
        # Lines found in more than 1% of a long text (blank ones) are not matched alone.
        matcher = SequenceMatcher(None, old_lines, new_lines)
        for old_line, new_line, size in matcher.get_matching_blocks():
            if size:
                start, end = old_starts[old_line], old_starts[old_line + size]
                self.blocks.append((start, end, new_starts[new_line] - start))
        self.blocks.append((old_end, len(old), new_end - old_end))
        self.block_starts = [start for start, _end, _shift in self.blocks]

    def moved(self, start: int, end: int) -> tuple[int, int] | None:
        """Where old[start:end] is in the new body, if it lies in unchanged lines (and
        its text is there), else None: then it must be looked up."""
        index = bisect_right(self.block_starts, start) - 1
        if index < 0 or start >= end:
            return None
        block_start, block_end, shift = self.blocks[index]
        if not (block_start <= start and end <= block_end):
            return None
        if self.new[start + shift : end + shift] != self.old[start:end]:
            return None
        return start + shift, end + shift


def _starts(lines: list[str], first: int) -> list[int]:
    """The offset of each line (the first at `first`), and the end of the last one."""
    starts = [first]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _common_prefix(one: str, other: str) -> int:
    """How many characters the two texts share at their start (slices compared in C)."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        middle = (low + high + 1) // 2
        if one[:middle] == other[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(one: str, other: str) -> int:
    """How many characters the two texts share at their end."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        middle = (low + high + 1) // 2
        if one[len(one) - middle :] == other[len(other) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low
