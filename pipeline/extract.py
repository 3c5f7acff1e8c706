"""From a document's text to grounded figures: the rules' output given its place and time.

Numbers are linked to rules sentence by sentence (pipeline.linking); this module adds what
a figure needs beyond its indicator — province and scope, period, planned or actual,
estimate — from the sentence first, then its paragraph, then the document.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import regex

from pipeline.checks import check
from pipeline.documents import Document
from pipeline.figures import Figure
from pipeline.indicators import indicator_unit
from pipeline.linking import Link, link
from pipeline.numbers import find_quantities
from pipeline.periods import Period, PeriodMatch, find_periods
from pipeline.provinces import PlaceMatch, Province, find_places, lookup_province
from pipeline.segments import LineIndex, Segment, paragraphs, sentences

_I = regex.IGNORECASE | regex.V1
_PLANNED_BEFORE = regex.compile(
    r"\bsẽ\b|phấn đấu|dự kiến|mục tiêu|chỉ tiêu|kế hoạch năm|hướng tới|"
    r"giao (?:thu|chỉ tiêu|dự toán)|được [^,.;]{0,30}giao|nghiên cứu xây dựng|xây dựng, ban hành", _I)
_PLANNED_AFTER = regex.compile(r"^\s*(?:%\s*)?trở lên", _I)
_ESTIMATE = regex.compile(r"(?<!\w)(?:dự ước|ước tính|ước đạt|ước)(?!\w)", _I)
_NATIONAL = regex.compile(r"cả nước|toàn quốc|\bGDP\b", _I)
_PROVINCE_MARK = regex.compile(r"Tỉnh ủy|Tỉnh uỷ|toàn tỉnh|cấp tỉnh|(?:UBND|HĐND|Đảng bộ|Ban Chấp hành Đảng bộ) tỉnh|của tỉnh", _I)
_AS_OF_DAY = regex.compile(r"(?:tính )?đến (?:hết )?(?:ngày )?$|tính đến giữa tháng [^,]*$", _I)
_STOCKS = frozenset({"party_members", "party_organizations"})
_ERA_CHANGE = date(2025, 7, 1)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the whole document tells every figure in it."""

    text: str
    document: str | None
    published: date | None
    province: Province | None
    places: list[PlaceMatch]
    place_starts: list[int]
    periods: list[PeriodMatch]
    period_starts: list[int]
    lines: LineIndex


def extract(text: str, *, published: date | None = None, province: str | None = None,
            document: str | None = None) -> list[Figure]:
    """Every catalogue figure in `text`, grounded to its offsets, line and sentence.

    `published` anchors yearless periods and dates stocks; `province` names the province
    the source covers, used where the text names none.

    >>> [(f.indicator, str(f.value)) for f in extract("Năm 2021, tỉnh Quảng Nam thu ngân sách đạt 23.773 tỷ đồng.")]
    [('budget_revenue_total', '23773000000000')]
    """
    ctx = _context(text, published, province, document)
    paras = paragraphs(text)
    para_starts = [p.start for p in paras]
    figures: list[Figure] = []
    for sentence in sentences(text):
        quantities = find_quantities(sentence.text)
        if not quantities:
            continue
        paragraph = paras[bisect_right(para_starts, sentence.start) - 1]
        previous: Figure | None = None
        for found in link(sentence.text, quantities):
            figure = _figure(ctx, paragraph, sentence, found, previous)
            if figure is not None:
                figures.append(figure)
                previous = figure
    return check(figures)


def extract_document(doc: Document) -> list[Figure]:
    return extract(doc.text, published=doc.published, province=doc.province, document=doc.path)


@cache
def rules_version() -> str:
    """Changes whenever a rule, a parser or the reference data changes: reloads key on it."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    sources = sorted(root.glob("rules/*.py")) + [root / f for f in (
        "linking.py", "extract.py", "numbers.py", "periods.py", "provinces.py", "segments.py", "checks.py")]
    sources += sorted((root.parent / "seeds").glob("*.csv"))
    for path in sources:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _context(text: str, published: date | None, province: str | None, document: str | None) -> _Context:
    places = find_places(text)
    doc_province = lookup_province(province, published) if province else _main_province(places)
    periods = find_periods(text, published)
    if published is None:
        years = [p.period.end.year for p in periods if not p.yearless and p.period.grain != "day"]
        if years:
            periods = find_periods(text, date(max(years), 12, 31))
    periods = [p for p in periods if p.period.grain != "day" or _AS_OF_DAY.search(text[max(0, p.start - 30):p.start])]
    return _Context(text, document, published, doc_province, places, [p.start for p in places],
                    periods, [p.start for p in periods], LineIndex(text))


def _main_province(places: list[PlaceMatch]) -> Province | None:
    """The province a text is about: the one it names most, first named on a tie."""
    counts: dict[str, int] = {}
    first: dict[str, Province] = {}
    for place in places:
        name = place.province.name
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, place.province)
    if not counts:
        return None
    return first[max(counts, key=lambda n: (counts[n], -list(first).index(n)))]


def _figure(ctx: _Context, paragraph: Segment, sentence: Segment, found: Link, previous: Figure | None) -> Figure | None:
    q = found.match
    if q.quantity.unit != "rank" and _NATIONAL.search(found.window):
        return None
    start, end = sentence.start + q.num_start, sentence.start + q.num_end
    period = _period(ctx, paragraph, sentence, start, found.rule.indicator)
    province, scope, locality = _place(ctx, paragraph, sentence, start)
    planned = bool(_PLANNED_BEFORE.search(found.window) or _PLANNED_AFTER.match(sentence.text[q.end:]))
    estimate = bool(_ESTIMATE.search(found.window))
    if found.carried and previous is not None:
        planned = planned or previous.status == "planned"
        if not found.window.lstrip().startswith("("):
            estimate = estimate or previous.estimate
    on = period.end if period else ctx.published
    code = None
    if province is not None:
        in_era = lookup_province(province.name, on) if on else province
        code = (in_era or province).code
    return Figure(
        indicator=found.rule.indicator,
        value=q.quantity.value,
        unit=indicator_unit(found.rule.indicator),
        start=start,
        end=end,
        line=ctx.lines.line_of(start),
        quote=sentence.text,
        rule=found.rule.id,
        province=province.name if province else None,
        province_code=code,
        scope=scope,
        locality=locality,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_grain=period.grain if period else None,
        status="planned" if planned else "actual",
        estimate=estimate,
        basis=found.basis,
        of_total=q.quantity.of_total,
        bound=q.quantity.bound,
        document=ctx.document,
    )


def _period(ctx: _Context, paragraph: Segment, sentence: Segment, at: int, indicator: str) -> Period | None:
    """The sentence's period nearest before the number, else after it, else the paragraph's."""
    i = bisect_right(ctx.period_starts, at)
    before = [p for p in ctx.periods[:i] if p.start >= paragraph.start]
    in_sentence = [p for p in before if p.start >= sentence.start]
    chosen = in_sentence[-1] if in_sentence else None
    if chosen is None:
        after = [p for p in ctx.periods[i:] if p.start < sentence.end]
        chosen = after[0] if after else (before[-1] if before else None)
    if chosen is not None:
        nxt = ctx.periods.index(chosen) + 1
        if nxt < len(ctx.periods) and ctx.periods[nxt].definition and ctx.periods[nxt].start - chosen.end < 40:
            chosen = ctx.periods[nxt]
    if indicator in _STOCKS and (chosen is None or chosen.period.grain != "day"):
        day = ctx.published
        return Period(day, day, "day") if day else None
    return chosen.period if chosen else None


def _place(ctx: _Context, paragraph: Segment, sentence: Segment, at: int) -> tuple[Province | None, str, str | None]:
    """A district named earlier in the paragraph makes a district figure, unless the province
    takes the floor again (`Tỉnh ủy`, `toàn tỉnh`) after it; a different province named in
    the sentence makes the figure that province's."""
    i = bisect_right(ctx.place_starts, at)
    recent = [p for p in ctx.places[:i] if p.start >= paragraph.start and p.end <= at]
    if recent:
        last = recent[-1]
        marks = [m.start() for m in _PROVINCE_MARK.finditer(ctx.text, last.end, at)]
        if last.kind == "district" and not marks:
            return last.province, "district", last.district.name
        if last.kind == "province" and last.start >= sentence.start:
            return last.province, "province", None
    return ctx.province, "province", None
