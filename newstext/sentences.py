"""Splitting German news text into sentences, as ranges of the text (no Django imports).

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
followed by white space and a capital letter, an opening quote or a digit, unless the
full stop belongs to an abbreviation ("z. B.", "Dr.", "u. a."), an initial ("A."), or an
ordinal or day number ("Am 20. September", "1. FC"). Block ends (paragraphs,
subheadings) always end a sentence.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Lower-cased, without the final full stop.
_ABBREVIATION_LIST = """
    abs adj akad allg art bd bspw bzgl bzw ca chr co dgl dipl dr ebd etc evtl exkl
    fa ff fr frl gebr gegr geb ggf gr hr hrsg inkl ing jh jhd jr kap kfz kl lt max mag
    min mio mind mrd mrs mr ms nr o.ä od orig pkt pol prof rd reg rer s sen sog spez
    st std str tel tsd u.a u.ä u.u usw v.a v.chr verh vgl vs z.b z.t zb zzt zit ziff
    d.h o.g s.o s.u u.v.m vorm nachm
"""
ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
_CANDIDATE_END = re.compile(r"[.!?…]+[«»“”\"'’)\]]*(?=\s+[„«»\"'‚(\[A-ZÄÖÜ0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end], white space around them left out."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    position = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        full_stop = match.group().startswith(".") and not match.group().startswith("..")
        if full_stop and not _ends_sentence(text, position, match.start()):
            continue
        _append(sentences, text, position, match.end())
        position = match.end()
    _append(sentences, text, position, end)
    return sentences


def split_blocks(text: str, blocks: Iterable[tuple[int, int]]) -> list[Sentence]:
    """The sentences of every block (start, end) of the text, in order."""
    return [sentence for lo, hi in blocks for sentence in split_sentences(text, lo, hi)]


def _ends_sentence(text: str, sentence_start: int, dot: int) -> bool:
    """Whether the full stop at `dot` ends a sentence rather than a word or number."""
    # The word before the dot, read backwards: a search from the sentence's start would
    # cost the whole sentence at every full stop in it (quadratic on "Dr. Prof. Dr. …").
    word_start = dot
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    if word_start == dot:
        return True
    token = text[word_start:dot].lstrip("(„«»\"'")
    if token.isdigit():
        return len(token) > 2  # "20. September" and "1. FC" go on; "2024." may end
    word = token.lower()
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return False
    # An initial ("A. Merkel") or a dotted abbreviation ("u.a.", "z.B.").
    return not (len(word) == 1 and word.isalpha()) and "." not in word


def _append(sentences: list[Sentence], text: str, lo: int, hi: int) -> None:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if lo < hi:
        sentences.append(Sentence(lo, hi))
