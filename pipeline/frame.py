"""The document's frame: what the whole text tells every figure in it, resolved once.

Most real pages show no publication date, so a missing `published` is the normal case. The
frame gathers the evidence a figure falls back on when its own sentence is silent:

- **published**: the manifest or a byline, else a date in the URL (`/kinh-te/202304/…`,
  `…-20230405…`, `/2023/04/05/`; `metadata.url_date`, which reading also applies);
- **reference**: the date yearless wordings (`6 tháng đầu năm`, `quý I`) anchor to — the
  publication date, else the end of the reporting frame, else 31 December of the year the text
  reports on: the title's year, else the year its comparisons point to (`cùng kỳ năm 2023` → the
  report is about 2024) and the years it names, the latest winning a tie;
- **period**: the reporting frame — the period the title names, else the latest one the lead
  names;
- **outlet**: the URL's host, for the record.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import regex

from pipeline.metadata import url_date
from pipeline.periods import Period, find_periods

_I = regex.IGNORECASE | regex.V1
# `so với cùng kỳ năm 2023`, `so với năm 2021`: the report is about the year after
_COMPARED_YEAR = regex.compile(r"(?:cùng kỳ|so (?:với )?)\s*(?:năm\s+)?((?:19|20)\d{2})(?!\d)", _I)
_LEAD_CHARS = 400


@dataclass(frozen=True, slots=True)
class Frame:
    """Evidence for every figure of one document, each with where it came from."""

    published: date | None = None
    published_from: str | None = None  # 'document' (manifest or byline) or 'url'
    reference: date | None = None
    reference_from: str | None = None  # 'published', 'frame', 'title', 'text'
    period: Period | None = None
    period_from: str | None = None  # 'title' or 'lead'
    outlet: str | None = None
    title: str | None = None


def document_frame(text: str, *, title: str | None = None, url: str | None = None,
                   published: date | None = None) -> Frame:
    """The frame of one document; see the module docstring for the order of evidence."""
    published_from = "document" if published else None
    if published is None and (published := url_date(url)) is not None:
        published_from = "url"
    outlet = urlsplit(url).hostname if url else None
    year, year_from = _reported_year(text, title) if published is None else (None, None)
    anchor = published or (date(year, 12, 31) if year else None)
    period, period_from = _reporting_period(text, title, anchor)
    if published is not None:
        reference, reference_from = published, "published"
    elif period is not None:
        reference, reference_from = period.end, "frame"
    elif year is not None:
        reference, reference_from = date(year, 12, 31), year_from
    else:
        reference, reference_from = None, None
    return Frame(published, published_from, reference, reference_from, period, period_from, outlet, title)


def _reported_year(text: str, title: str | None) -> tuple[int | None, str | None]:
    """The year an undated text reports on: its title's, else the one its periods and
    comparisons point to most (`cùng kỳ năm 2023` votes for 2024), the latest on a tie."""
    if title:
        years = [p.period.end.year for p in find_periods(title, None) if p.period.grain not in ("span", "day")]
        if years:
            return max(years), "title"
    votes = Counter(p.period.end.year for p in find_periods(text, None) if p.period.grain not in ("span", "day"))
    votes.update(int(y) + 1 for y in _COMPARED_YEAR.findall(text))
    if not votes:
        return None, None
    top = max(votes.values())
    return max(y for y, n in votes.items() if n == top), "text"


def _reporting_period(text: str, title: str | None, anchor: date | None) -> tuple[Period | None, str | None]:
    """The period the title names, else the first one the lead names (not a span or a day)."""
    for source, part in (("title", title), ("lead", _lead(text, title))):
        if not part:
            continue
        found = [p.period for p in find_periods(part, anchor) if p.period.grain not in ("span", "day")]
        if found:  # a title names one period; a lead that names several reports on the latest
            return (found[0] if source == "title" else max(found, key=lambda p: p.end)), source
    return None, None


def _lead(text: str, title: str | None) -> str:
    """The first paragraph that is not the title."""
    for para in text.split("\n"):
        para = para.strip()
        if para and para != (title or "").strip():
            return para[:_LEAD_CHARS]
    return ""
