"""Paragraphs and sentences as exact code-point spans of the stored document text.

News text here has one paragraph a line, so a paragraph is a non-empty line. A sentence
ends at `.`, `!`, `?` or `…` (plus closing quotes/brackets) followed by a space and a
capital, an opening quote or a digit; `;` never ends one. Abbreviations (`TP.`, `ThS.`),
initials (`N. Đ.`), list numbers (`1.`, `II.`) and numbers (`20.792`, `8.2022`, `5,04`)
do not, the last because no space follows their dot.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

_ABBREVIATIONS = (
    "TP", "Tp", "tp", "TX", "Tx", "TT", "TS", "ThS", "Th.S", "PGS", "GS", "BS",
    "CN", "KS", "Ths", "NSND", "NSƯT", "Mr", "Mrs", "Dr", "St", "v.v", "tr", "Tr", "Nxb", "NXB",
)
# Any other single capital is an initial; I, V and X are left out because a sentence
# can end on a Roman numeral (`quý I.`).
_INITIAL = r"(?<![\p{L}\p{N}])(?:[\p{Lu}--[IVX]]|" + "|".join(
    regex.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True)
) + r")\."
_LIST_NUMBER = r"^[^\S\n]*(?:\d{1,2}|[IVXLC]{1,5}|\p{Ll})\."
_BREAK = regex.compile(
    rf"""\n
    |[.!?…](?<!{_INITIAL})(?<!{_LIST_NUMBER})[\"”’»)\]]*
     (?P<gap>[^\S\n]+)(?=[\"“‘«(\[]?[\p{{Lu}}\p{{N}}])""",
    regex.VERBOSE | regex.MULTILINE | regex.VERSION1,
)


@dataclass(frozen=True, slots=True)
class Segment:
    """`text[start:end] == text`, stripped of surrounding whitespace; `line` is 1-based."""

    start: int
    end: int
    line: int
    text: str


def _segment(text: str, start: int, end: int, line: int) -> Segment | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return Segment(start, start + len(stripped), line, stripped)


def _split(text: str, breaks: regex.Pattern[str]) -> list[Segment]:
    segments: list[Segment] = []
    start, line = 0, 1
    for match in breaks.finditer(text):
        is_newline = match.group() == "\n"
        cut = match.start() if is_newline else match.start("gap")
        if segment := _segment(text, start, cut, line):
            segments.append(segment)
        start = match.end()
        line += is_newline
    if segment := _segment(text, start, len(text), line):
        segments.append(segment)
    return segments


def paragraphs(text: str) -> list[Segment]:
    """Each non-empty line, stripped."""
    segments: list[Segment] = []
    start = 0
    for line, piece in enumerate(text.split("\n"), 1):  # the same cuts as _split at `\n`, without a regex
        if segment := _segment(text, start, start + len(piece), line):
            segments.append(segment)
        start += len(piece) + 1
    return segments


def sentences(text: str) -> list[Segment]:
    """Sentences inside paragraphs; a sentence never spans a line break."""
    return _split(text, _BREAK)


def line_of(text: str, offset: int) -> int:
    """1-based line of `offset`; for many look-ups in one text use LineIndex."""
    return text.count("\n", 0, offset) + 1


class LineIndex:
    """Line numbers for many offsets of one text, by bisecting its newline offsets."""

    __slots__ = ("_newlines",)

    def __init__(self, text: str):
        self._newlines = newlines = []
        at = text.find("\n")
        while at >= 0:
            newlines.append(at)
            at = text.find("\n", at + 1)

    def line(self, offset: int) -> int:
        return bisect_left(self._newlines, offset) + 1
