"""From a document's text to grounded figures: the rules' output given its place and time.

Numbers are linked to rules sentence by sentence (pipeline.linking); this module adds what
a figure needs beyond its indicator — province and scope, period, planned or actual,
estimate — from the sentence first, then its paragraph, then the document.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

import regex

from pipeline.checks import check
from pipeline.cues import Spots, document_spots
from pipeline.dating import Periods, document_periods, figure_period
from pipeline.frame import Frame, document_frame
from pipeline.documents import Document
from pipeline.figures import Figure
from pipeline.indicators import indicator, indicator_unit, is_part_of_total, is_stock, ranked
from pipeline.linking import Link, last_topic, link, may_link
from pipeline.numbers import Quantity, find_quantities, has_digits, parse_number, parse_quantity
from pipeline.metadata import find_dateline
from pipeline.periods import Period
from pipeline.provinces import (District, PlaceMatch, Province, find_places, lookup_district, lookup_province, place_key,
                                provinces, unit_at)
from pipeline.segments import LineIndex, Segment, paragraphs, sentences
from pipeline.subjects import clause_subject, continued_list, subjects
from pipeline.tables import find_rows
from pipeline import wordings as w  # the named wordings, each with its examples
from pipeline.rules import TOPICS
from pipeline.ruleset import rules_version  # noqa: F401  (re-exported: read by the load)

_I = regex.IGNORECASE | regex.V1
_UNIT_IN_LABEL = regex.compile(r"\((?:%|[^()]{0,20}(?:đồng|USD|usd))\)")
_TAIL = regex.compile(r"[^\d;,.()]{0,25}")  # the noun after a list's first number: `150 đảng viên mới;`
_CLAUSE_BREAK = regex.compile(r"[,;:]|\svà\s")
_DENOMINATOR = regex.compile(r"/\s*(\d[\d.,]*)")
_STATED_LATER = regex.compile(r"[^.]*thuộc thẩm quyền", _I)
_ROUNDUP_TOPICS = {t.id: t.roundup for t in TOPICS}


@dataclass(frozen=True, slots=True)
class _Context:
    """What the whole document tells every figure in it."""

    text: str
    document: str | None
    province: Province | None
    home_known: bool  # from the manifest or the dateline: the text is that province's paper
    frame: Frame
    home_district: District | None  # the district the title is about (`Đức Trọng: Thu ngân sách tăng 11%`)
    places: list[PlaceMatch]
    place_starts: list[int]
    periods: Periods
    lines: LineIndex
    spots: Spots | None  # the cue literals of the whole text, found in one pass


def extract(text: str | Document, *, published: date | None = None, province: str | None = None,
            document: str | None = None, title: str | None = None, url: str | None = None) -> list[Figure]:
    """Every catalogue figure in `text` (a string or a `Document`), grounded to its offsets,
    line and sentence.

    `published` anchors yearless periods and dates stocks; `province` names the province
    the source covers, used where the text names none; `title` and `url` are evidence of
    the document's frame (its period, its date).

    >>> [(f.indicator, str(f.value)) for f in extract("Năm 2021, tỉnh Quảng Nam thu ngân sách đạt 23.773 tỷ đồng.")]
    [('budget_revenue_total', '23773000000000')]
    """
    if isinstance(text, Document):
        doc = text
        ctx = _context(doc.text, doc.frame, doc.province, doc.path)
    else:
        ctx = _context(text, document_frame(text, title=title, url=url, published=published), province, document)
    text = ctx.text
    paras = paragraphs(text)
    para_starts = [p.start for p in paras]
    figures: list[Figure] = []
    carried_topic: tuple[int, str | None] = (-1, None)  # (paragraph, topic) a round-up's list continues
    roundup_paragraphs: dict[int, bool] = {}
    last_figure: tuple[int, str] | None = None  # (sentence, topic) of the sentence before, when it had figures
    for sentence in sentences(text):
        spots = ctx.spots.at(sentence.start) if ctx.spots is not None else None
        paragraph = paras[bisect_right(para_starts, sentence.start) - 1]
        named = _provinces_in(ctx, sentence.start, sentence.end)
        if paragraph.start not in roundup_paragraphs:
            roundup_paragraphs[paragraph.start] = _is_roundup(ctx, paragraph)
        roundup = roundup_paragraphs[paragraph.start] or len({p[2].name for p in named}) >= 2
        opened = carried_topic[1] if roundup and carried_topic[0] == paragraph.start else None
        if opened is None and last_figure is not None and w.ANAPHOR.match(sentence.text):
            opened = last_figure[1]  # `… đạt 13.547 tỷ đồng. Kết quả này bằng 100% dự toán …`
        # a sentence with no topic open before it and no cue of a topic that reads figures yields
        # none: its numbers are not parsed
        linkable = opened is not None or spots is None or may_link(spots.possible(0, len(sentence.text)), roundup)
        quantities = find_quantities(sentence.text) if linkable and has_digits(sentence.text) else []
        if not quantities and "thứ" not in sentence.text:
            if roundup:
                carried_topic = (paragraph.start, last_topic(sentence.text, True, spots) or carried_topic[1])
            last_figure = None
            continue  # ranks (`xếp thứ nhất`) are the only figures written without digits
        links = link(sentence.text, quantities, roundup=roundup, opened=opened, spots=spots)
        attached = subjects(sentence.text, named, [(q.num_start, q.num_end, q.quantity.unit) for q in quantities]
                            + [(f.match.num_start, f.match.num_end, "rank") for f in links if f.match.quantity.unit == "rank"]
                            ) if named and links else {}
        previous: Figure | None = None
        declared = _declared_modality(sentence.text, links[0].match.start, roundup) if links else None
        national: str | None = None  # the topic of a national figure: what follows it is national too
        parent = figures[-1] if figures and figures[-1].start >= paragraph.start else None
        for found in links:
            if found.carried and found.rule.topic == national and found.match.quantity.unit != "rank":
                continue
            if (previous is not None and previous.indicator == found.rule.indicator
                    and found.match.quantity.unit == "percent" and w.RATE_CHANGE.match(found.window)):
                continue  # `đạt 6,81% (tăng 1% so với cùng kỳ)`: how much the rate itself moved
            if w.SHARE_AFTER.match(sentence.text, found.match.end) and _whole_count(found.rule.indicator):
                continue  # `đặc khu Phú Quốc có 3.845 hồ sơ (chiếm 65,9%)`: a share of a total, not the total
            subject = attached.get(found.match.num_start)
            if subject is None and roundup:
                subject = clause_subject(sentence.text, named, found.match.num_start)
            if subject is None and _ROUNDUP_TOPICS.get(found.rule.topic):
                continue  # a round-up's value written with no province: the nation's or a region's
            figure = _figure(ctx, paragraph, sentence, found, previous, parent, subject, declared, figures)
            if figure is None:
                national = found.rule.topic
            else:
                figures.append(figure)
                figures.extend(_listed(ctx, sentence, found, figures, {f.match.num_start for f in links}))
                previous, national = figure, None
                if total := _stated_total(figure, found, sentence, figures, paragraph):
                    figures.append(total)
        if roundup:
            carried_topic = (paragraph.start, last_topic(sentence.text, True, spots) or carried_topic[1])
        last_figure = (sentence.start, links[-1].rule.topic) if links else None
    taken = {f.start for f in figures}
    figures += [f for f in _table_figures(ctx) if f.start not in taken]
    figures.sort(key=lambda f: f.start)
    # a figure of no province (a national survey, a region) is nobody's: never emitted
    return check(_without_repeated_headline([f for f in figures if f.province is not None], paras))


def _listed(ctx: _Context, sentence: Segment, found: Link, figures: list[Figure], linked: set[int]) -> list[Figure]:
    """`Đảng bộ TP.Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới; Hội An 110; Điện Bàn 150 …`:
    each unit of the list after a figure gets the figure's reading, its own value and place."""
    if not figures or figures[-1].start != sentence.start + found.match.num_start:
        return []
    model = figures[-1]
    tail = _TAIL.match(sentence.text, found.match.end)
    listed = []
    for name, start, end, written, fall in continued_list(sentence.text, tail.end()):
        if start in linked:
            continue  # read as a figure of its own
        if model.unit in ("count", "visits"):
            value = parse_number(sentence.text[start:end])
        else:
            quantity = parse_quantity(written)
            if quantity is None or not model.unit.startswith(quantity.unit):
                continue
            value = -quantity.value if fall and found.rule.reading == "change" else quantity.value
        province, scope, locality = _listed_place(ctx, name)
        listed.append(replace(model, value=value, start=sentence.start + start, end=sentence.start + end,
                              line=ctx.lines.line(sentence.start + start), rule=f"{model.rule}.list",
                              province=province.name if province else model.province, scope=scope,
                              locality=locality, of_total=None, bound=None))
    return listed


def _listed_place(ctx: _Context, name: str) -> tuple[Province | None, str, str | None]:
    """A list's item names a province, a district of the home province, or else a body."""
    if (province := lookup_province(name, ctx.frame.published)) is not None and place_key(name) == place_key(province.name):
        return province, "province", None
    if ctx.province is not None and (district := lookup_district(name, ctx.province)) is not None:
        return ctx.province, "district", district.name
    return ctx.province, "organization", name


_SCALE = {"%": ("percent", 1), "tỷ đồng": ("VND", 10**9), "tỉ đồng": ("VND", 10**9), "nghìn tỷ đồng": ("VND", 10**12),
          "triệu đồng": ("VND", 10**6), "đồng": ("VND", 1), "usd": ("USD", 1), "triệu usd": ("USD", 10**6)}


def _table_figures(ctx: _Context) -> list[Figure]:
    """Figures of the report tables (pipeline.tables): the row's label is read by the rules
    as a cue, the column gives the year and whether the value is a target or an estimate."""
    figures = []
    for row in find_rows(ctx.text):
        label = _UNIT_IN_LABEL.sub("", row.label).strip()
        for cell in row.cells:
            cell_text = ctx.text[cell.start:cell.end]
            shift = len(label) + 1
            sentence = f"{label} {cell_text}"
            quantities = [replace(q, start=q.start + shift, end=q.end + shift, num_start=q.num_start + shift,
                                  num_end=q.num_end + shift, quantity=_in_unit(q.quantity, row.unit))
                          for q in find_quantities(cell_text)]
            year = cell.column.year
            unit = ctx.province and unit_at(ctx.places, ctx.province, cell.start, starts=ctx.place_starts,
                                            published=ctx.frame.published,
                                            period_end=date(year, 12, 31))
            for found in link(sentence, quantities):
                start = cell.start + found.match.num_start - shift
                figures.append(Figure(
                    indicator=found.rule.indicator, value=found.value,
                    unit=indicator_unit(found.rule.indicator, found.match.quantity.unit),
                    start=start, end=start + found.match.num_end - found.match.num_start,
                    line=ctx.lines.line(start), quote=ctx.text[row.label_start:cell.end], rule=f"{found.rule.id}.table",
                    province=unit.name if unit else None, province_code=unit.code if unit else None,
                    province_era=unit.era if unit else None,
                    period_start=date(year, 1, 1), period_end=date(year, 12, 31), period_grain="year",
                    status="planned" if cell.column.planned else "actual", estimate=cell.column.estimate,
                    basis=found.basis, document=ctx.document))
    return figures


def _in_unit(quantity: Quantity, unit: str | None) -> Quantity:
    """A bare number in a row whose label says `(Tỷ đồng)` is that many billion đồng."""
    if quantity.unit != "number" or unit not in _SCALE:
        return quantity
    written, scale = _SCALE[unit]
    return replace(quantity, value=quantity.value * scale, unit=written)


def _whole_count(code: str) -> bool:
    """A count that is a total of its own (dossiers received, letters, members), not a part."""
    item = indicator(code)
    return item.kind in ("count", "stock") and item.part_of is None and not item.of_total


def _provinces_in(ctx: _Context, start: int, end: int) -> list[tuple[int, int, Province]]:
    """The provinces a stretch of text names, offsets relative to `start`."""
    lo, hi = bisect_left(ctx.place_starts, start), bisect_left(ctx.place_starts, end)
    return [(p.start - start, p.end - start, p.province) for p in ctx.places[lo:hi] if p.kind == "province"]


def _is_roundup(ctx: _Context, paragraph: Segment) -> bool:
    """A round-up of provinces: three named in a paragraph (or two in one sentence)."""
    return len({p[2].name for p in _provinces_in(ctx, paragraph.start, paragraph.end)}) >= 3


def _stated_total(figure: Figure, found: Link, sentence: Segment, figures: list[Figure],
                  paragraph: Segment) -> Figure | None:
    """`đã giải quyết được 238/316 vụ việc`: the 316 is the total's own figure when the
    paragraph states that total nowhere else."""
    if found.rule.total is None or figure.of_total is None:
        return None
    for f in reversed(figures):
        if f.start < paragraph.start:
            break
        if f.indicator == found.rule.total:
            return None
    q = found.match
    stated_later = _STATED_LATER.search(sentence.text, q.end) and not w.QUALIFIED.match(sentence.text, q.end)
    if stated_later or not (m := _DENOMINATOR.search(sentence.text, q.num_end, q.end)):
        return None
    start = sentence.start + m.start(1)
    return replace(figure, indicator=found.rule.total, value=figure.of_total, unit=indicator_unit(found.rule.total),
                   start=start, end=start + len(m.group(1)), of_total=None, rule=f"{found.rule.id}.total")


def _without_repeated_headline(figures: list[Figure], paras: list[Segment]) -> list[Figure]:
    """A headline repeats the figure its body states: keep the body's, which has context."""
    if not paras or paras[0].text.endswith((".", ";")) or len(paras[0].text) > 250:
        return figures
    end = paras[0].end
    body = {(f.indicator, f.value) for f in figures if f.start >= end}
    return [f for f in figures if f.start >= end or (f.indicator, f.value) not in body]


def extract_document(doc: Document) -> list[Figure]:
    return extract(doc)


def _context(text: str, frame: Frame, province: str | None, document: str | None) -> _Context:
    home = (lookup_province(province, frame.published) if province else None) or _dateline_province(text)
    places = find_places(text, prefer=home)
    doc_province = home or _main_province(places)
    periods = document_periods(text, frame.reference)
    district = _title_district(frame.title, doc_province) if frame.title and doc_province else None
    return _Context(text, document, doc_province, home is not None, frame, district, places,
                    [p.start for p in places], periods, LineIndex(text), document_spots(text))


def _title_district(title: str, province: Province) -> District | None:
    """The district a title opens with (`Duy Xuyên đạt tổng thu …`, `Huyện Vĩnh Linh: …`,
    `TP.HCM: Trong 3 năm, Q.1 …`): the document then reports on that district."""
    head = w.TITLE_HEAD.match(title)
    if head is None:
        return None
    name = head.group("name")
    if head.group("ward"):
        name = f"Quận {head.group('ward')}"
    words = name.split()
    for n in range(len(words), 0, -1):
        district = lookup_district(" ".join(words[:n]), province)
        if district is not None:  # `Tây Ninh: …` names the province, not its city
            return None if lookup_province(district.name) is not None and not head.group("prefix") else district
    return None


def _dateline_province(text: str) -> Province | None:
    """The province of the paper whose dateline opens the lead (`ĐBP - …` is Điện Biên's)."""
    source = find_dateline(text)
    if source is None:
        return None
    district = lookup_district(source)
    if district is not None and place_key(source) in {place_key(a) for a in district.aliases}:
        return next((p for p in provinces("2008") if p.code == district.province_code), None)
    return lookup_province(source)


def _main_province(places: list[PlaceMatch]) -> Province | None:
    """The province a text is about: the one it names most, first named on a tie."""
    counts = Counter(place.province for place in places)  # first named first: max keeps it on a tie
    return max(counts, key=counts.__getitem__) if counts else None


def _own_clause(window: str, first: bool) -> str:
    """The part of the window that speaks of this number: what precedes the first comma
    after an earlier number is that number's tail (`50% chỉ tiêu được giao, bao gồm: …`)."""
    if first:
        return window
    cut = _CLAUSE_BREAK.search(window)
    return window[cut.end():] if cut else window


def _figure(ctx: _Context, paragraph: Segment, sentence: Segment, found: Link, previous: Figure | None,
            parent: Figure | None, subject: Province | None = None,
            declared: tuple[int, int, bool, bool] | None = None, earlier: list[Figure] | None = None) -> Figure | None:
    """`earlier`: the figures found so far in the document, in order."""
    q = found.match
    start, end = sentence.start + q.num_start, sentence.start + q.num_end
    clause = _own_clause(found.window, first=len(found.window) == q.start)
    if subject is None and q.quantity.unit != "rank" and _is_national(ctx, clause, start):
        return None
    if subject is not None:
        province, scope, locality = subject, "province", None
    else:
        province, scope, locality = _place(ctx, paragraph, sentence, start)
    planned, estimate = _modality(ctx, sentence, found, clause, start, previous, parent, declared)
    period = figure_period(ctx.text, ctx.periods, ctx.frame, at=start, sentence=(sentence.start, sentence.end),
                           paragraph=(paragraph.start, paragraph.end), planned=planned,
                           stock=is_stock(found.rule.indicator)).period
    own = previous is not None and _new_frame(ctx, previous.end, start)  # `…, quý III tăng 9,09%`
    if not own and (basis := _basis_figure(ctx.text, found, previous, earlier, paragraph.start)) is not None:
        period = basis.period if basis.period is not None else period
        if w.EQUIVALENT.search(found.window) or ranked(found.rule.indicator):
            planned, estimate = basis.status == "planned", basis.estimate  # the same figure, or its rank
    unit = province and unit_at(ctx.places, province, start, starts=ctx.place_starts, published=ctx.frame.published,
                                period_end=period.end if period else None)
    code, era = (unit.code, unit.era) if unit else (None, None)
    return Figure(
        indicator=found.rule.indicator,
        value=found.value,
        unit=indicator_unit(found.rule.indicator, q.quantity.unit),
        start=start,
        end=end,
        line=ctx.lines.line(start),
        quote=sentence.text,
        rule=found.rule.id,
        province=province.name if province else None,
        province_code=code,
        province_era=era,
        scope=scope,
        locality=locality,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_grain=period.grain if period else None,
        status="planned" if planned else "actual",
        estimate=estimate,
        basis=found.basis,
        # the catalogue says when a slash is a part over its total (`149/158 đơn`), not visits
        # over persons (`866 lượt/964 lượt người`) or achieved over target (`8.793/6.500`)
        of_total=q.quantity.of_total if is_part_of_total(found.rule.indicator) else None,
        bound=q.quantity.bound,
        document=ctx.document,
    )


@dataclass(frozen=True, slots=True)
class _Basis:
    period: Period | None
    status: str
    estimate: bool


def _basis_figure(text: str, found: Link, previous: Figure | None,
                  earlier: list[Figure] | None, since: int) -> _Basis | None:
    """The figure this one is read against, whose period it shares: the amount a rate against
    a basis follows (`… 3.548 tỷ, lũy kế 35.696 tỷ, bằng 68,2% dự toán, tăng 11,2% so với cùng kỳ`), the same amount in another unit
    (`92 triệu đồng (tương đương 3.850 USD)`), the growth a rank ranks — the last one outside
    brackets, in its paragraph (`tăng 10,55% (6 tháng tăng 11,29%, quý III …), xếp thứ 3/14`)."""
    q = found.match
    if previous is not None and found.carried and (
            w.EQUIVALENT.search(found.window) or (q.quantity.unit == "percent" and found.basis is not None)):
        return _Basis(_period_of(previous), previous.status, previous.estimate)
    ranked_on = ranked(found.rule.indicator)
    if ranked_on and earlier:
        for f in reversed(earlier):
            if f.start < since:
                break
            if f.indicator == ranked_on and not _bracketed(text, f.start):
                return _Basis(_period_of(f), f.status, f.estimate)
    return None


def _period_of(figure: Figure) -> Period | None:
    if figure.period_start is None or figure.period_end is None:
        return None
    return Period(figure.period_start, figure.period_end, figure.period_grain or "range")


def _bracketed(text: str, at: int) -> bool:
    """Inside a bracket opened in its own sentence."""
    since = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    before = text[since + 1:at]
    return before.rfind("(") > before.rfind(")")


def _declared_modality(sentence: str, first: int, roundup: bool = False) -> tuple[int, int, bool, bool] | None:
    """What a sentence declares before its first number — a target (`Phấn đấu năm 2021, …`) or
    an estimate (`ước`, `dự báo`) — covers the figures after it, parentheses included, up to a
    `;` (a round-up's list goes on past it) or a new time frame: (from, to, planned, estimate)."""
    lead = sentence[:first]
    planned, estimate = bool(w.PLANNED_LEAD.match(lead)), bool(w.ESTIMATE_LEAD.search(lead))
    if not (planned or estimate):
        return None
    end = len(sentence) if roundup else (sentence.find(";", first) % (len(sentence) + 1))
    return first, end, planned, estimate


def _new_frame(ctx: _Context, since: int, at: int) -> bool:
    """A report period stated between `since` and `at`: a new time frame."""
    return bisect_right(ctx.periods.starts, at) > bisect_right(ctx.periods.starts, since)


def _other_year(ctx: _Context, since: int, at: int) -> bool:
    """A period of another year stated between `since` and `at` (the parts of a declared
    period — `9 tháng … (6 tháng …, quý III …)` — stay inside its frame)."""
    starts, matches = ctx.periods.starts, ctx.periods.matches
    i, j = bisect_right(starts, since), bisect_right(starts, at)
    if i == j:
        return False
    frame = matches[i - 1].period.end.year if i else matches[i].period.end.year
    return any(m.period.end.year != frame for m in matches[i:j])


def _modality(ctx: _Context, sentence: Segment, found: Link, clause: str, start: int,
              previous: Figure | None, parent: Figure | None,
              declared: tuple[int, int, bool, bool] | None = None) -> tuple[bool, bool]:
    """Planned? Estimate? From the number's own clause, else from what its sentence declares
    up front, else from the figure it continues — not past a new time frame or into a
    parenthesis — or the figure it breaks down or ranks."""
    q = found.match
    planned = bool(w.PLANNED_BEFORE.search(clause) or w.PLANNED_RIGHT_BEFORE.search(found.window)
                   or w.PLANNED_AFTER.search(sentence.text, q.end, q.end + 12)
                   or "trở lên" in sentence.text[q.start:q.end])
    estimate = bool(w.ESTIMATE.search(clause))
    since = previous.end if previous is not None else sentence.start
    own_period = _new_frame(ctx, since, start)
    if found.carried and previous is not None and "(" not in found.window and not own_period:
        planned = planned or previous.status == "planned"
        if ";" not in found.window or q.quantity.unit == "percent":  # `… 235 tỷ đồng; đạt 24% dự toán`
            estimate = estimate or previous.estimate
    if (declared is not None and start - sentence.start < declared[1]
            and not _other_year(ctx, sentence.start + declared[0], start)):
        planned = planned or declared[2]  # `Phấn đấu năm 2021, GRDP tăng 8,5%, …, thu ngân sách đạt …`
        estimate = estimate or declared[3]  # `Ước 9 tháng, GRDP đạt …, tăng 10,55% (6 tháng tăng …)`
    if parent is not None and w.BREAKDOWN.match(sentence.text):
        estimate = estimate or parent.estimate  # `Trong đó, …`: the parts of an estimate are estimates
    ranked_on = ranked(found.rule.indicator)
    basis_figure = previous or parent
    if ranked_on and basis_figure is not None and (basis_figure.indicator == ranked_on
                                                   or ranked(basis_figure.indicator) == ranked_on):
        estimate = estimate or basis_figure.estimate  # a rank of an estimated growth is estimated
    return planned, estimate


def _is_national(ctx: _Context, window: str, at: int) -> bool:
    """A national figure in a provincial text, unless a province is named after the
    national wording (`top đầu cả nước có: Hậu Giang tăng 12,67%`)."""
    marks = list(w.NATIONAL.finditer(window))
    if not marks:
        return False
    national_at = at - len(window) + marks[-1].end()
    i = bisect_right(ctx.place_starts, at)
    return not any(p.kind == "province" and p.start >= national_at for p in ctx.places[max(0, i - 3):i])


def _agency(text: str, start: int, at: int) -> regex.Match | None:
    """The last agency standing as a subject before `at` in the sentence, unless the
    province takes the floor after it."""
    found = None
    for match in w.AGENCY.finditer(text, start, at + 1):  # +1: the lookahead sees the number
        if match.start() < at:
            found = match
    if found is None or w.PROVINCE_MARK.search(text, found.end(), at):
        return None
    return found


def _level(text: str, start: int, at: int) -> str | None:
    """A total over one level of government (`cấp huyện tiếp 979 lượt`, `91 xã, phường, thị trấn
    … tiếp nhận 904.497 hồ sơ`): the last level named before `at`, unless the province takes the
    floor after it (`toàn tỉnh`)."""
    found = None
    for m in w.LEVEL.finditer(text, start, at):
        found = m
    if found is None or w.PROVINCE_MARK.search(text, found.end(), at):
        return None
    level = (found.group("level") or "").lower()
    return "cấp " + (level if level in ("tỉnh", "huyện", "xã") else ("xã" if found.group("communes") else "huyện"))


def _place(ctx: _Context, paragraph: Segment, sentence: Segment, at: int) -> tuple[Province | None, str, str | None]:
    """A district named earlier in the paragraph makes a district figure, unless the province
    takes the floor again (`Tỉnh ủy`, `toàn tỉnh`) after it; a different province named in
    the sentence makes the figure that province's. An agency that is the subject of the
    sentence (`Sở Tư pháp 2,12 ngàn HS`) makes an organisation's figure. A text with no home
    province (no manifest province, no dateline) speaks of the province its paragraph named
    last, else of the one it names most."""
    i = bisect_right(ctx.place_starts, at)
    recent = [p for p in ctx.places[bisect_left(ctx.place_starts, paragraph.start):i] if p.end <= at]
    agency = _agency(ctx.text, sentence.start, at)
    if agency is not None and not (recent and recent[-1].start > agency.start()):
        province = recent[-1].province if recent and recent[-1].kind == "province" else ctx.province
        return province, "organization", agency.group("agency")
    level = _level(ctx.text, max(sentence.start, recent[-1].end if recent else 0), at)
    if level is not None:
        province = recent[-1].province if recent and recent[-1].kind == "province" else ctx.province
        return province, "level", level
    if recent:
        last = recent[-1]
        if last.kind == "district" and w.PROVINCE_MARK.search(ctx.text, last.end, at) is None:
            return last.province, "district", last.district.name
        if last.kind == "province" and last.start >= sentence.start:
            return last.province, "province", None
    if not ctx.home_known:
        # a text with no home speaks of the province its paragraph names last, else of the one it names most
        named = [p for p in recent if p.kind == "province"]
        if named:
            return named[-1].province, "province", None
    if ctx.home_district is not None and not w.PROVINCE_MARK.search(ctx.text, paragraph.start, at):
        return ctx.province, "district", ctx.home_district.name  # a district's own report
    return ctx.province, "province", None
