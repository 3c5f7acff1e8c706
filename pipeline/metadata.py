"""Publication date, dateline and title read from the head of a document's text.

Only bylines count: a line near the top that is nothing but date furniture
(`14:54, 01/03/2021 [GMT+7]`, `Thứ Sáu, 03/03/2023 | 16:42`, `Cập nhật: 10/05/2021`).
Body sentences mention dates all the time (`Kế hoạch số 33-KH/TU ngày 14/9/2021`), and
dateparser happily reads `92,5%` as a date, so a compiled regex first isolates the byline.
The date it isolates is all digits, read here in dateparser's own way (day first, month and
day swapped when only that is a date); dateparser, slow to import and ~2 ms a call, is asked
only about what that reading refuses, and a test holds the two readings equal.
"""
from __future__ import annotations

import calendar
from datetime import date
from urllib.parse import urlsplit

import regex

HEAD_LINES = 40
HEAD_CHARS = 3000

_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
_WEEKDAY = r"(?:Thứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|\d)|Chủ\s+[Nn]hật|CN|T[2-7])"
_ZONE = r"[\[(]?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}\s*[\])]?"
_LABEL = (
    r"(?:(?:Ngày\s+)?(?:[Cc]ập\s+nhật|[Đđ]ăng|[Xx]uất\s+bản|[Pp]hát\s+hành)(?:\s+(?:lúc|ngày|vào))?"
    r"|Ngày(?:\s+đăng)?|Thời\s+gian(?:\s+đăng)?)"
)
_SEPARATOR = r"[^\S\n]*[,|\-–—]?[^\S\n]*"
# The dates a byline writes: day, month, year (`14/9/2021`, `14.09.2021`) or ISO.
_DATE_WRITTEN = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}"
_DATE_SEEN = regex.compile(_DATE_WRITTEN)
_BYLINE = regex.compile(
    rf"""^[^\S\n]*(?:{_LABEL}[^\S\n]*:?{_SEPARATOR})?
    (?:(?:{_TIME}|{_WEEKDAY}){_SEPARATOR})*
    (?P<date>{_DATE_WRITTEN})
    (?={_SEPARATOR}(?:{_TIME}|{_ZONE}|Lượt|In\s+bài|\||$))""",
    regex.VERBOSE | regex.MULTILINE,
)
# A scraper's `date 2022-09` header: a month, read as its first day.
_MONTH_HEADER = regex.compile(
    r"^[^\S\n]*date[^\S\n]+(?P<year>\d{4})-(?P<month>\d{2})(?!-?\d)", regex.MULTILINE
)
_TITLE_MAX = 200
# A lead's dateline names the paper's home: `ĐBP - Những năm qua…`, `(Báo Quảng Ngãi)- Thay vì…`.
_DATELINE = regex.compile(
    r"^[^\S\n]*\(?(?P<source>(?:Báo|TTXVN)?[^\S\n]*[\p{Lu}][\p{L}.]*(?:[^\S\n]+[\p{Lu}][\p{L}.]*){0,3})\)?[^\S\n]*[-–—]+[^\S\n]",
    regex.MULTILINE,
)

# `/202304/`, `/2023/04/05/`, `/2023-04-05/`, `-20230405123456…`, `_20230405.htm`
_URL_DATE = regex.compile(
    r"(?<![\d])(?P<y>20[0-3]\d)(?:(?P<sep>[/\-_])(?P<m>0[1-9]|1[0-2])(?:(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]))?(?=[/\-_.]|$)"
    r"|(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])?(?=[/\-_.]|\d{4,}|$))")
_NUMERIC_DATE = regex.compile(
    r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})|(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}


def _head(text: str) -> str:
    cut = text[:HEAD_CHARS]
    return "\n".join(cut.split("\n", HEAD_LINES)[:HEAD_LINES])


def find_published(text: str) -> date | None:
    """The first byline date in the head of `text`; a `date YYYY-MM` header gives the 1st."""
    head = _head(text)
    line_start = -1
    for candidate in _DATE_SEEN.finditer(head):  # a byline is a line holding a date
        start = head.rfind("\n", 0, candidate.start()) + 1
        if start == line_start:
            continue
        line_start = start
        match = _BYLINE.match(head, start)
        parsed = byline_date(match.group("date")) if match else None
        if parsed is not None:
            return parsed
    header = _MONTH_HEADER.search(head)
    if header and 1 <= int(header.group("month")) <= 12:
        return date(int(header.group("year")), int(header.group("month")), 1)
    return None


def byline_date(written: str) -> date | None:
    """A byline's date, `14/9/2021`, `14.09.2021` or `2021-09-14`: the day first, unless only
    month-first is a date (`5/13/2021`), as dateparser reads it."""
    match = _NUMERIC_DATE.fullmatch(written)
    if match:
        y, first, second = int(match["y"]), int(match["d"]), int(match["m"])
        for day, month in ((first, second), (second, first)):
            try:
                return date(y, month, day)
            except ValueError:
                continue
    return _dateparser(written)


def _dateparser(written: str) -> date | None:
    from dateparser.date import DateDataParser

    parsed = DateDataParser(languages=["vi"], settings=_DATEPARSER_SETTINGS).get_date_data(
        written).date_obj
    return parsed.date() if parsed is not None else None


def find_dateline(text: str) -> str | None:
    """The source a lead opens with (`ĐBP`, `Báo Quảng Ngãi`), as written; None without one."""
    match = _DATELINE.search(_head(text))
    return match.group("source").strip() if match else None


def find_title(text: str) -> str | None:
    """The first non-empty line, when it reads like a headline: short, no closing full stop."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            dated = _BYLINE.match(line) or _MONTH_HEADER.match(line)
            headline = len(line) <= _TITLE_MAX and not line.endswith(".") and not dated
            return line if headline else None
    return None


def url_date(url: str | None) -> date | None:
    """The publication date a URL's path spells, to the day or the month (then its last day)."""
    if not url:
        return None
    path = urlsplit(url).path
    for m in _URL_DATE.finditer(path):
        y, mo = int(m["y"]), int(m["m"])
        if not 2000 <= y <= date.today().year:
            continue
        day = int(m["d"]) if m["d"] else calendar.monthrange(y, mo)[1]
        try:
            return date(y, mo, day)
        except ValueError:
            continue
    return None
