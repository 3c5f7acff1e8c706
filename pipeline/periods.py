"""Report periods: the Vietnamese wordings that date a figure (`năm 2021`, `quý I/2021`, …).

Reports speak of the past, so a wording without a year (`quý IV`, `tháng 8`, `6 tháng đầu
năm`) is anchored to the reference date (usually the publication date) with a PAST bias:

- day and month wordings take the latest occurrence that has started on or before the
  reference (`tháng 8` on 2023-03-03 → August 2022; `tháng 3` → March 2023);
- quarter, half and N-month wordings take the latest occurrence that ends no later than
  31 days after the reference, because reports come out shortly after a period closes and
  sometimes just before, as estimates (`6 tháng đầu năm` on 2023-03-03 → H1 2022, on
  2023-06-20 or 2023-07-10 → H1 2023; `quý I` on 2023-03-03 → Q1 2023, `quý II` → Q2 2022);
- explicit deictics keep their meaning: `năm nay`, `quý trước`, `tháng tới`, `năm sau`.
  `năm qua` is the reference year from October on (year-end reviews), else the year before.

Comparison bases (`so với cùng kỳ năm 2019`, `so với năm trước`, `giá so sánh năm 2010`)
are not the period of a figure and are never returned.
"""
from __future__ import annotations

import calendar
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import regex

_GRAINS = frozenset({"day", "month", "quarter", "half", "year", "months", "span", "range"})

# How far past the reference a quarter/half/N-month period may end and still be "this year's".
_ESTIMATE_GRACE = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive date interval, with the grain the text named it by."""

    start: date
    end: date  # inclusive
    grain: str

    def __post_init__(self) -> None:
        if self.start > self.end or self.grain not in _GRAINS:
            raise ValueError(f"bad period {self.start}…{self.end} {self.grain!r}")


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A period wording found in running text; `text[start:end]` is the wording.

    `yearless`: the wording named no year, so (part of) its dates came from the reference
    (`quý 3`, `năm nay`, `từ năm 2015 đến nay`) or, for a yearless definition
    `(từ 21/4 đến 20/5)`, from the period it defines.
    `definition`: an explicit range (`tính từ …`, or in parentheses right after another
    period) that says what the preceding period really covers; it wins over that period.
    """

    start: int
    end: int
    period: Period
    yearless: bool
    definition: bool = False


# --- building blocks ----------------------------------------------------------------------

_F = regex.VERBOSE

_YEAR = r"(?:19|20)\d{2}(?!\d|[.,/]\d)"
_SEP = r"(?:/|\.|\s?[-–—]\s?)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])(?!\d)"
# Spelled numbers never include "năm" (it also means "year").
_MONTH_WORD = r"(?:mười\s+một|mười\s+hai|mười|một|hai|ba|bốn|tư|sáu|bảy|bẩy|tám|chín)(?!\w)"
_COUNT_WORD = r"(?:mười\s+một|mười\s+hai|mười|một|hai|ba|bốn|sáu|bảy|bẩy|tám|chín)(?!\w)"
_QUARTER_NUM = r"(?:iv|iii|ii|i|[1-4]|một|hai|ba|bốn|tư)(?![\w])"
_REL_WORDS = r"(?:nay|này|trước|ngoái|tới|sau)(?!\w)"
# `tháng 8 năm 2022`, `quý I/2021`, `quý 4 của năm 2018`, `tháng 10 năm nay`, or nothing.
_YEAR_TAIL_ALTS = rf"""
    {_SEP}(?P<y>{_YEAR})
  | \s+(?:của\s+)?năm\s+(?P<y>{_YEAR})
  | \s+(?:của\s+)?năm\s+(?P<rel>{_REL_WORDS})(?!\s+đó)"""
_YEAR_TAIL = rf"(?:{_YEAR_TAIL_ALTS})?"
# Words that make a following `năm trước`/`tháng qua` a count, not a deictic (`hai năm qua`).
_QUANT = (r"(?:những|các|nhiều|mấy|vài|hàng|hằng|mỗi|từng|mọi|\d+|hai|ba|bốn|năm|sáu|bảy|"
          r"tám|chín|mười)\s+")
# `tháng 2 lần` (twice a month), `mỗi tháng 2 lần`: a count, not a month.
_NOT_MONTH_AFTER = (r"(?!\s+(?:lần|đợt|buổi|lượt|cuộc|k[ỳì]|ngày|tuần|người|hộ|lớp|cái|con|"
                    r"chiếc|tỷ|tỉ|triệu|nghìn|ngàn|trăm)(?!\w))")

_SPELLED = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "sáu": 6, "bảy": 7, "bẩy": 7,
            "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
            "i": 1, "ii": 2, "iii": 3, "iv": 4}
_REL_STEP = {"nay": 0, "này": 0, "hiện tại": 0, "trước": -1, "ngoái": -1,
             "tới": 1, "sau": 1, "tiếp": 1, "tiếp theo": 1, "kế tiếp": 1}


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _SPELLED[_norm(word)]


# --- period makers --------------------------------------------------------------------------

def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), "year")


def _month(y: int, m: int) -> Period:
    return Period(date(y, m, 1), _last_day(y, m), "month")


def _quarter(y: int, q: int) -> Period:
    return Period(date(y, 3 * q - 2, 1), _last_day(y, 3 * q), "quarter")


def _first_months(y: int, n: int) -> Period:
    return Period(date(y, 1, 1), _last_day(y, n), "half" if n == 6 else "months")


def _last_months(y: int, n: int) -> Period:
    grain = {6: "half", 3: "quarter"}.get(n, "range")
    return Period(date(y, 13 - n, 1), date(y, 12, 31), grain)


def _shift_month(y: int, m: int, step: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + step
    return k // 12, k % 12 + 1


# --- anchoring yearless wordings ------------------------------------------------------------

def _latest_started(make: Callable[[int], Period], ref: date) -> Period | None:
    """Latest occurrence that has begun by `ref` (a few years back, for 29 February)."""
    for y in range(ref.year, ref.year - 8, -1):
        try:
            p = make(y)
        except ValueError:
            continue
        if p.start <= ref:
            return p
    return None


def _latest_closed(make: Callable[[int], Period], ref: date) -> Period:
    """Latest occurrence ending within the estimate grace after `ref`."""
    p = make(ref.year)
    return p if p.end <= ref + _ESTIMATE_GRACE else make(ref.year - 1)


def _next_started(make: Callable[[int], Period], ref: date) -> Period:
    p = make(ref.year)
    return p if p.start > ref else make(ref.year + 1)


_Hit = tuple[Period | None, bool]  # (period, or None when a reference is needed; yearless)


def _tailed(m, ref: date | None, make: Callable[[int], Period],
            anchor: Callable[[Callable[[int], Period], date], Period | None]) -> _Hit | None:
    """A wording with an optional year tail: explicit year, relative year, or anchored."""
    if m["y"]:
        return make(int(m["y"])), False
    if ref is None:
        return None, True
    if m["rel"]:
        return make(ref.year + _REL_STEP[_norm(m["rel"])]), True
    p = anchor(make, ref)
    return (p, True) if p else None


# --- handlers: match → hit ------------------------------------------------------------------

def _h_year(m, ref):
    return _year(int(m["y"])), False


def _h_rel_year(m, ref):
    if ref is None:
        return None, True
    word = _norm(m["rel"])
    if word.endswith("qua"):
        return _year(ref.year if ref.month >= 10 else ref.year - 1), True
    return _year(ref.year + _REL_STEP[word]), True


def _h_month(m, ref):
    month = _num(m["m"])
    if m["next"]:
        return (None, True) if ref is None else (_next_started(lambda y: _month(y, month), ref), True)
    return _tailed(m, ref, lambda y: _month(y, month), _latest_started)


def _h_rel_month(m, ref):
    if ref is None:
        return None, True
    return _month(*_shift_month(ref.year, ref.month, _REL_STEP[_norm(m["rel"])])), True


def _h_iso(m, ref):
    y, mo = int(m["y"]), int(m["m"])
    if m["d"]:
        d = date(y, mo, int(m["d"]))
        return Period(d, d, "day"), False
    return _month(y, mo), False


def _h_quarter(m, ref):
    q = _num(m["q"])
    return _tailed(m, ref, lambda y: _quarter(y, q), _latest_closed)


def _h_rel_quarter(m, ref):
    if ref is None:
        return None, True
    y, mo = _shift_month(ref.year, ref.month, 3 * _REL_STEP[_norm(m["rel"])])
    return _quarter(y, (mo - 1) // 3 + 1), True


def _h_half(m, ref):
    make = _first_months if _norm(m["h"]) == "đầu" else _last_months
    return _tailed(m, ref, lambda y: make(y, 6), _latest_closed)


def _h_n_months(m, ref):
    n = _num(m["n"])
    if not 1 <= n <= 12:
        return None
    make = _last_months if m["pos"] and _norm(m["pos"]) == "cuối" else _first_months
    return _tailed(m, ref, lambda y: make(y, n), _latest_closed)


def _h_up_to_month(m, ref):
    n = _num(m["m"])
    return _tailed(m, ref, lambda y: _first_months(y, n), _latest_closed)


def _h_day(m, ref):
    d, mo = int(m["d"]), _num(m["m"])
    if m["y"]:
        day = date(int(m["y"]), mo, d)
        return Period(day, day, "day"), False
    if not m["pre"]:
        return None  # `12 tháng 10` without ngày or a year is not reliably a date
    if ref is None:
        return None, True
    p = _latest_started(lambda y: Period(date(y, mo, d), date(y, mo, d), "day"), ref)
    return (p, True) if p else None


def _range_ending(d1: int, m1: int, d2: int, m2: int, end_year: int) -> Period:
    start_year = end_year if (m1, d1) <= (m2, d2) else end_year - 1
    return Period(date(start_year, m1, d1), date(end_year, m2, d2), "range")


def _h_range(m, ref):
    d1, m1, d2, m2 = int(m["d1"]), int(m["m1"]), int(m["d2"]), int(m["m2"])
    if m["y2"]:
        y2 = int(m["y2"])
        if m["y1"]:
            return Period(date(int(m["y1"]), m1, d1), date(y2, m2, d2), "range"), False
        return _range_ending(d1, m1, d2, m2, y2), False
    if m["y1"]:
        y1 = int(m["y1"])
        y2 = y1 if (m1, d1) <= (m2, d2) else y1 + 1
        return Period(date(y1, m1, d1), date(y2, m2, d2), "range"), False
    if ref is None:
        return None, True
    p = _latest_started(lambda y: _range_ending(d1, m1, d2, m2, y), ref)
    return (p, True) if p else None


def _h_month_range(m, ref):
    """`từ tháng 1.2014 đến tháng 12.2016`, `từ tháng 10 đến tháng 12 năm 2023`: whole months."""
    m1, m2 = int(m["m1"]), int(m["m2"])
    if m["y2"]:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        yearless = False
    elif ref is None:
        return None, True
    else:
        end = _latest_started(lambda y: _month(y, m2), ref)
        if end is None:
            return None
        y2 = end.start.year
        y1, yearless = (y2 if m1 <= m2 else y2 - 1), True
    start, end = date(y1, m1, 1), _last_day(y2, m2)
    return (Period(start, end, "range"), yearless) if start <= end else None


def _h_span(m, ref):
    a, b = int(m["a"]), int(m["b"])
    if not a < b <= a + 30:
        return None
    return Period(date(a, 1, 1), date(b, 12, 31), "span"), False


def _h_since_year(m, ref):
    if ref is None:
        return None, True
    a = int(m["a"])
    return (Period(date(a, 1, 1), ref, "span"), True) if a < ref.year else None


def _h_year_to_date(m, ref):
    if ref is None:
        return None, True
    y = int(m["y"]) if m["y"] else ref.year
    return (Period(date(y, 1, 1), ref, "range"), True) if date(y, 1, 1) <= ref else None


# --- patterns -------------------------------------------------------------------------------

# Patterns start with a literal keyword wherever possible: the regex engine then jumps from
# one keyword to the next instead of trying every position, which keeps a 5 KB article
# well under a millisecond. A wording that starts before its keyword (`8 tháng …`,
# `tính từ …`) captures that lead in a lookbehind group named `lead`.
_MONTH = rf"(?P<m>{_MONTH_NUM}|{_MONTH_WORD})"
_DATE1 = rf"(?P<d1>\d{{1,2}})[/.](?P<m1>\d{{1,2}})(?:[/.](?P<y1>{_YEAR}))?"
_DATE2 = rf"(?P<d2>\d{{1,2}})[/.](?P<m2>\d{{1,2}})(?:[/.](?P<y2>{_YEAR}))?(?![\d/])"
_SPAN_BODY = (rf"\s+(?:từ\s+)?(?:năm\s+)?(?P<a>{_YEAR})\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?"
              rf"(?P<b>{_YEAR})")
_NOT_AFTER_COUNT = r"(?!\s+(?:đó|nữa))(?!\s+\w+\s+hơn)"  # `năm sau đó`, `năm sau cao hơn năm trước`

_PATTERNS: tuple[tuple[regex.Pattern, Callable], ...] = tuple(
    (regex.compile(p, _F), h) for p, h in (
        (rf"(?<!\w)năm\s+(?P<y>{_YEAR})", _h_year),
        (rf"(?<!\w)(?<!{_QUANT})năm\s+(?P<rel>nay|trước|ngoái|qua|vừa\s+qua|tới|sau|tiếp\s+theo|"
         rf"kế\s+tiếp)(?!\w){_NOT_AFTER_COUNT}", _h_rel_year),
        (rf"(?<!\w)(?<!(?:mỗi|hằng|hàng|một|\d)\s+)tháng\s+{_MONTH}"
         rf"(?:{_YEAR_TAIL_ALTS}|\s+(?P<next>tới)(?!\w))?{_NOT_MONTH_AFTER}", _h_month),
        (rf"(?<!\w)(?<!{_QUANT})tháng\s+(?P<rel>này|trước|tới|sau|tiếp\s+theo|kế\s+tiếp)(?!\w)"
         rf"{_NOT_AFTER_COUNT}", _h_rel_month),
        (r"(?<![\w/.\-–])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])"
         r"(?:-(?P<d>0[1-9]|[12]\d|3[01]))?(?![\w/\-–]|[.,]\d)", _h_iso),
        (rf"(?<!\w)qu[ýí]\s+(?P<q>{_QUARTER_NUM}){_YEAR_TAIL}", _h_quarter),
        (r"(?<!\w)qu[ýí]\s+(?P<rel>này|nay|hiện\s+tại|trước|tới|sau|tiếp\s+theo|tiếp|kế\s+tiếp)(?!\w)",
         _h_rel_quarter),
        (rf"(?<!\w)nửa\s+(?P<h>đầu|cuối|sau)\s+năm(?:\s+(?P<y>{_YEAR})|\s+(?P<rel>{_REL_WORDS}))?",
         _h_half),
        (rf"""(?<=(?<![\w.,/])(?P<lead>(?:(?:(?:lũy|luỹ)\s+kế|(?:tính\s+)?chung|cộng\s+dồn)\s+(?P<lk>)
                                         |(?<=(?:^|[.;:(\n])\s*)(?P<cs>))?
                                      (?P<n>\d{{1,2}}|{_COUNT_WORD})\s+))
            tháng
            (?: \s+(?P<pos>đầu|cuối)\s+năm(?:\s+(?P<y>{_YEAR})|\s+(?P<rel>nay|trước|ngoái)(?!\w))?
              | \s+(?:của\s+)?năm\s+(?P<y>{_YEAR})
              | \s+năm\s+(?P<rel>nay|trước|ngoái)(?!\w)
              | \s+(?P<y>{_YEAR})
              | \s+(?:vừa\s+)?qua(?!\w) | \s+vừa\s+rồi(?!\w)
              | \s+năm(?=\s+(?:là|đạt|ước|thu|tăng|giảm)(?!\w)|\s*,)
              | (?=\s+của\s+(?:tỉnh|thành\s+phố|toàn\s+tỉnh|huyện|thị\s+xã)(?!\w))
              | (?(lk)|(?!))
              | (?(cs)(?=\s*,|\s+(?:ước\s+)?(?:tăng|giảm|đạt|thu|chi)(?!\w))|(?!)) )""", _h_n_months),
        (rf"(?<=(?<!\w)(?P<lead>(?:tính|lũy\s+kế|luỹ\s+kế)\s+đến\s+(?:hết\s+|cuối\s+)?"
         rf"|(?:đến\s+|tính\s+)?(?:hết|cuối)\s+))tháng\s+{_MONTH}{_YEAR_TAIL}", _h_up_to_month),
        (rf"(?<![\w/.,])(?P<d>\d{{1,2}})(?P<s>[/.\-])(?P<m>\d{{1,2}})(?P=s)(?P<y>{_YEAR})(?![/\-]\d)",
         _h_day),
        (rf"(?<!\w)(?P<pre>ngày)\s+(?:(?:mồng|mùng)\s+)?(?P<d>\d{{1,2}})(?P<s>[/.\-])(?P<m>\d{{1,2}})"
         rf"(?:(?P=s)(?P<y>{_YEAR}))?(?![\d/\-]|[.,]\d)", _h_day),
        (rf"(?<=(?<![\w/.,])(?P<lead>(?:(?P<pre>ngày|mồng|mùng)\s+(?:(?:mồng|mùng)\s+)?)?(?P<d>\d{{1,2}})\s+))"
         rf"tháng\s+{_MONTH}(?:\s+năm\s+(?P<y>{_YEAR}))?", _h_day),
        (rf"(?<=(?<!\w)(?P<lead>(?P<tinh>tính\s+)?))từ\s+(?:ngày\s+)?{_DATE1}\s*(?:đến|tới|[-–—])\s*"
         rf"(?:hết\s+)?(?:ngày\s+)?{_DATE2}", _h_range),
        *((rf"(?<!\w){kw}{_SPAN_BODY}", _h_span)
          for kw in (r"nhiệm\s+k[ỳì]", r"giai\s+đoạn", r"thời\s+k[ỳì]", r"5\s+năm", r"năm\s+năm")),
        (rf"(?<!\w)từ\s+năm\s+(?P<a>{_YEAR})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<b>{_YEAR})", _h_span),
        (rf"(?<!\w)từ\s+tháng\s+(?P<m1>{_MONTH_NUM})(?:{_SEP}(?P<y1>{_YEAR}))?\s*(?:đến|tới|[-–—])\s*(?:hết\s+)?"
         rf"tháng\s+(?P<m2>{_MONTH_NUM})(?:{_SEP}(?P<y2>{_YEAR})|\s+năm\s+(?P<y2>{_YEAR}))?", _h_month_range),
        (rf"(?<!\w)từ\s+(?:năm\s+)?(?P<a>{_YEAR})\s+(?:đến|tới)\s+nay(?!\w)", _h_since_year),
        (rf"(?<=(?<!\w)(?P<lead>(?:tính\s+)?))từ\s+đầu\s+năm(?:\s+(?P<y>{_YEAR})|\s+nay)?\s+"
         r"(?:đến|tới)\s+nay(?!\w)", _h_year_to_date),
    )
)
_LEADS = tuple("lead" in pat.groupindex for pat, _ in _PATTERNS)

# A period right after these is what a figure is compared with, not the figure's own.
_BASIS_BEFORE = regex.compile(
    r"""(?:(?<!\w)so(?:\s+với)?(?:\s+(?:cùng\s+k[ỳì]|cùng\s+thời\s+(?:điểm|k[ỳì])|(?:thời\s+điểm\s+)?(?:cuối|đầu)))?
          | (?<!\w)cùng\s+(?:k[ỳì]|thời\s+(?:điểm|k[ỳì]))
          | (?<!\w)so\s+sánh
          | (?<!\w)(?:cao|thấp|nhiều|ít|lớn|nhỏ|tốt|hơn)\s+hơn
       )(?:\s+(?:của|trong))?\s*$""", _F)
_OPEN_PAREN_BEFORE = regex.compile(r"\(\s*$")
_ONLY_SPACE = regex.compile(r"\s*")
_TRIM = regex.compile(r"^[\s\-–—,.;:()]*(?:(?:trong|vào|của|cả|suốt)\s+)*|[\s\-–—,.;:()]+$",
                      regex.IGNORECASE)
_BASIS_WINDOW = 40


# --- scanning -------------------------------------------------------------------------------

def _fold(text: str) -> str:
    """Lower case with offsets kept: patterns are written in lower case, which is several
    times faster than case-insensitive matching."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=8)
def _select(text: str) -> tuple[str, list[tuple[int, int, Callable, regex.Match]]]:
    """The folded text, and its longest non-overlapping candidate wordings in text order.
    Cached for the last few texts: a document's frame (its title, lead and text) and its
    figures scan the same ones."""
    folded = _fold(text)
    found = [(m.start("lead") if lead else m.start(), m.end(), i, h, m)
             for i, ((pat, h), lead) in enumerate(zip(_PATTERNS, _LEADS))
             for m in pat.finditer(folded)]
    found.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    chosen: list[tuple[int, int, Callable, regex.Match]] = []
    starts: list[int] = []  # of `chosen`, kept in text order: a bisect finds the neighbours
    for s, e, _, h, m in found:
        k = bisect_left(starts, s)
        if (k and chosen[k - 1][1] > s) or (k < len(chosen) and chosen[k][0] < e):
            continue  # overlaps a longer wording already chosen
        starts.insert(k, s)
        chosen.insert(k, (s, e, h, m))
    return folded, chosen


def _is_basis(text: str, start: int) -> bool:
    return _BASIS_BEFORE.search(text, max(0, start - _BASIS_WINDOW), start) is not None


def find_periods(text: str, reference: date | None) -> list[PeriodMatch]:
    """All period wordings in running text, in order, non-overlapping, longest match wins.

    Without a reference, wordings whose dates would come from it are left out. Explicit
    date ranges without years are kept only as definitions (else `từ 1/3 đến 1/2` may be
    fractions); a yearless definition takes its year from the period it defines.
    """
    out: list[PeriodMatch] = []
    folded, chosen = _select(text)
    for s, e, handler, m in chosen:
        if _is_basis(folded, s):
            continue
        try:
            hit = handler(m, reference)
        except ValueError:  # 31/2/2021 and the like
            continue
        if hit is None:
            continue
        period, yearless = hit
        definition = False
        if handler is _h_range:
            prev = out[-1] if out else None
            after_prev = prev is not None and _follows_in_parens(folded, prev.end, s)
            definition = bool(m["tinh"]) or after_prev
            if yearless:
                if not definition:
                    continue
                if after_prev:
                    try:
                        period = _range_ending(int(m["d1"]), int(m["m1"]), int(m["d2"]),
                                               int(m["m2"]), prev.period.end.year)
                    except ValueError:
                        continue
        if period is not None:
            out.append(PeriodMatch(s, e, period, yearless, definition))
    return out


def _follows_in_parens(text: str, prev_end: int, start: int) -> bool:
    paren = _OPEN_PAREN_BEFORE.search(text, prev_end, start)
    return paren is not None and _ONLY_SPACE.fullmatch(text, prev_end, paren.start()) is not None


def parse_period(text: str, reference: date) -> Period | None:
    """The period of one whole wording; yearless wordings anchor to `reference`, past-biased.

    Surrounding spaces, punctuation, brackets and a leading `trong`/`vào`/`cả` are ignored.
    See the module docstring for how a year is chosen when the wording names none.

    >>> r = date(2023, 3, 3)
    >>> parse_period("8 tháng đầu năm 2022", r)
    Period(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 8, 31), grain='months')
    >>> parse_period("quý I/2021", r)
    Period(start=datetime.date(2021, 1, 1), end=datetime.date(2021, 3, 31), grain='quarter')
    >>> parse_period("nhiệm kỳ 2020 – 2025", r).end
    datetime.date(2025, 12, 31)
    >>> parse_period("quý IV", r).start, parse_period("quý I", r).start
    (datetime.date(2022, 10, 1), datetime.date(2023, 1, 1))
    >>> parse_period("6 tháng đầu năm", r).start, parse_period("6 tháng đầu năm", date(2023, 7, 10)).start
    (datetime.date(2022, 1, 1), datetime.date(2023, 1, 1))
    >>> parse_period("tháng 8", r).start
    datetime.date(2022, 8, 1)
    >>> parse_period("so với cùng kỳ năm 2019", r) is None
    True
    """
    core = _TRIM.sub("", text)
    _, chosen = _select(core)
    if len(chosen) != 1 or chosen[0][0] != 0 or chosen[0][1] != len(core):
        return None
    _, _, handler, m = chosen[0]
    try:
        hit = handler(m, reference)
    except ValueError:
        return None
    return hit[0] if hit else None
