"""Why a figure has its province and period: the nearest place in the text that states them.

The figures table keeps the number's offsets, not the reasoning, so the review app looks the
figure's province and period up again — in its sentence, then its paragraph, then the title,
then the manifest fields, then anywhere before the number — and shows the auditor where.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.periods import find_periods
from pipeline.provinces import find_places
from pipeline.segments import Segment, paragraphs, sentences


@dataclass(frozen=True)
class Reason:
    """`source` is sentence, paragraph, title, manifest, publication date, document or none;
    `start`/`end` locate `text` in the document when it comes from there."""

    source: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class Why:
    sentence: Segment | None
    province: Reason
    period: Reason


def _around(segments: list[Segment], at: int) -> Segment | None:
    return next((s for s in segments if s.start <= at < s.end), None)


def _nearest(spans: list[tuple[int, int]], text: str, at: int, sentence: Segment | None,
             paragraph: Segment | None, title: Segment | None) -> Reason | None:
    """The mention closest to `at` in the sentence, the paragraph, the title, else before it."""
    def reason(source: str, start: int, end: int) -> Reason:
        return Reason(source, text[start:end], start, end, text.count("\n", 0, start) + 1)

    for source, segment in (("sentence", sentence), ("paragraph", paragraph), ("title", title)):
        if segment is None:
            continue
        inside = [s for s in spans if segment.start <= s[0] and s[1] <= segment.end]
        if inside:
            start, end = min(inside, key=lambda s: (abs(s[0] - at), s[0]))
            return reason(source, start, end)
    before = [s for s in spans if s[1] <= at]
    if before:
        return reason("document", *before[-1])
    return None


def explain(text: str, at: int, *, province: str | None, period: tuple[date, date] | None,
            published: date | None, title: str | None, manifest_province: str | None) -> Why:
    """Where the text states the figure's province and period, for the number at `at`."""
    sentence = _around(sentences(text), at)
    paras = paragraphs(text)
    paragraph = _around(paras, at)
    heading = paras[0] if paras and paras[0] is not paragraph else None

    place = Reason("none")
    if province is not None:
        spans = [(m.start, m.end) for m in find_places(text) if m.province.name == province
                 and m.kind == "province"]
        place = _nearest(spans, text, at, sentence, paragraph, heading) or place
        if place.source in ("none", "document") and manifest_province == province:
            place = Reason("manifest", f"province: {manifest_province}")
        elif place.source == "none" and title and province in title:
            place = Reason("title", title)

    when = Reason("none")
    if period is not None:
        spans = [(m.start, m.end) for m in find_periods(text, published)
                 if (m.period.start, m.period.end) == period]
        when = _nearest(spans, text, at, sentence, paragraph, heading) or when
        if when.source == "none" and published is not None and period[0] <= published <= period[1]:
            when = Reason("publication date", f"published {published.isoformat()}")
    return Why(sentence, place, when)
