"""Which period a figure is about: one precedence, from the number outwards.

1. **sentence** — the period named nearest before the number in its sentence, else the first
   one after it in the same clause (or anywhere after it when nothing else is in force); `lũy kế` with no period of its own runs from 1 January to the end of the
   period in force (`tháng 9/2018 … đạt 3.548 tỷ, lũy kế 35.696 tỷ` → January–September);
   `từ đầu năm đến nay` after a named month ends with that month; `cùng kỳ năm ngoái` as the
   subject of a clause is the period in force a year earlier;
2. **target** — a planned figure with no period of its own takes the term the text speaks of;
3. **paragraph** — the last period stated before it in its paragraph;
4. **document** — the last period stated before it in the text;
5. **frame** — the period the title or the lead reports on (`Quý I/2023, thu ngân sách …`);
6. **later** — a lead that states its period only further down, the year preferred;
7. **year** — the year the document reports on, inferred from its comparisons and years, when
   the paragraph compares with a whole year (`so với năm 2021`); `so với cùng kỳ` may be any
   part of a year, so it dates nothing by itself.

An average over years (`bình quân 8,9%/năm`) takes the span its paragraph names (`giai đoạn
2011 – 2015`). Stocks (members, organisations) are counted on a day: the period's end, or the publication
date for `hiện có`. Each answer says which step gave it, for the auditor.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date

import regex

from pipeline.frame import Frame
from pipeline.periods import Period, PeriodMatch, find_periods

_I = regex.IGNORECASE | regex.V1
_COMPARED_WITH_YEAR = regex.compile(r"so (?:với )?(?:cùng kỳ )?năm (\d{4})", _I)
_TERM = regex.compile(r"nhiệm kỳ", _I)
_STOCK_NOW = regex.compile(r"hiện có|hiện nay", _I)
# `lũy kế hơn 35.696 tỷ đồng`, `lũy kế đạt …`: the year so far, to the end of the period in force
_CUMULATIVE = regex.compile(r"(?:lũy|luỹ) kế(?: từ đầu năm)?(?: (?:đạt|được|là|thu))?(?: (?:hơn|trên|gần|khoảng))?\s*$", _I)
_SINCE_NEW_YEAR = regex.compile(r"từ đầu năm", _I)
# `cùng kỳ năm ngoái tăng trưởng … đạt 6,6%` — the subject, not a basis (`so với cùng kỳ …`)
_SAME_PERIOD_LAST_YEAR = regex.compile(
    r"(?<!(?:so|với|hơn|bằng|như)\s+)(?<!\()cùng kỳ (?:năm (?:ngoái|trước)|năm \d{4})(?![^,;.]{0,12}\))[^,;.\d]{0,60}$", _I)
_AS_OF_DAY = regex.compile(r"(?:tính )?đến (?:hết )?(?:ngày )?$", _I)
_TARGET_OF = regex.compile(r"chỉ tiêu (?:đề ra |được giao )?(?:trong |của )?$", _I)
# `Quy hoạch tỉnh giai đoạn 2021 - 2030`: a span inside a document's name is not a report period
_TITLE_OF = regex.compile(r"(?:quy hoạch|chiến lược|nghị quyết|đề án|chương trình)[^,.;()]{0,40}$", _I)
_MID_MONTH = regex.compile(r"đến giữa (?:tháng )?$", _I)
# `tăng 18,4% so với năm 2021`: a whole year compared with a whole year (not `cùng kỳ`)
_WHOLE_YEAR_BASIS = regex.compile(r"so (?:với )?năm (?:\d{4}|trước|ngoái)", _I)
# `từ cuối quý III/2023 đến nay`: a time since which something holds, not a period reported on
_SINCE_BEFORE = regex.compile(r"(?<!\w)từ (?:cuối |đầu |giữa )?$", _I)
_UNTIL_NOW_AFTER = regex.compile(r"\s*(?:đến|tới) (?:nay|hiện nay|bây giờ)(?!\w)", _I)
# a period after the number speaks of it from the same clause (`đạt 5.004 tỷ đồng tính đến
# ngày 25/3`), not across a comma (`…, cao hơn mục tiêu đến năm 2025`) when one is in force
_CLAUSE_BREAK = regex.compile(r"[,;(]\s+(?!(?:tính )?(?:đến|trong|vào)\b)", _I)
_ESTIMATE_BASIS = regex.compile(r"\d\s*%\s*(?:so với\s+)?(?:dự toán|kế hoạch)[^,;.\d%]{0,25}$", _I)
# an average over years: `tăng trưởng bình quân 8,9%/năm`, `bình quân hằng năm … đạt 9,69%`
_AVERAGE_BEFORE = regex.compile(r"bình quân(?: (?:hằng|hàng|mỗi) năm)?[^.;,\d]{0,30}$", _I)
_PER_YEAR_AFTER = regex.compile(r"[\d.,]*\s*%\s*/\s*năm", _I)
_REACH = 2000  # how far a figure's period looks back or ahead in its sentence or paragraph
_ASIDE_REACH = 200
_CLAUSE = regex.compile(r"[;]|,\s+(?=(?:trong khi|còn|nhưng)\b)", _I)


@dataclass(frozen=True, slots=True)
class Dated:
    period: Period | None
    source: str | None  # the precedence step that gave it


@dataclass(frozen=True, slots=True)
class Periods:
    """A document's period wordings in text order, with their starts for bisecting, and the
    first Party term it names (a target's period when the sentence names none)."""

    matches: list[PeriodMatch]
    starts: list[int]
    term: PeriodMatch | None = None

    @classmethod
    def of(cls, matches: list[PeriodMatch], text: str = "") -> "Periods":
        term = next((m for m in matches if text.startswith(("n", "N"), m.start) and _TERM.match(text, m.start)),
                    None) if text else None
        return cls(matches, [m.start for m in matches], term)


def document_periods(text: str, reference: date | None) -> Periods:
    """The report periods of a text: its wordings, `tính đến ngày …` read as the year so far,
    and the text's own definitions applied."""
    found = (_as_of(text, m) for m in find_periods(text, reference))
    return Periods.of(_apply_definitions([m for m in found if m is not None]), text)


def _apply_definitions(periods: list[PeriodMatch]) -> list[PeriodMatch]:
    """`tháng 5/2019 (từ 21/4 đến 20/5/2019)`: the text's own definition wins, there and at
    every later mention of the same period."""
    defined: dict[Period, Period] = {}
    out = []
    for match in periods:
        if match.definition and out:
            defined[out[-1].period] = match.period
            out[-1] = replace(out[-1], period=match.period)
            continue
        if match.period in defined:
            match = replace(match, period=defined[match.period])
        out.append(match)
    return out


def _as_of(text: str, match: PeriodMatch) -> PeriodMatch | None:
    """`tính đến ngày 15/12/2023` is the year to that day; `đến giữa tháng 12/2022` the year to
    the 15th. Other single dates (document dates, bylines) are not report periods."""
    lead = text[max(0, match.start - 30):match.start]
    period = match.period
    if "từ" in lead.lower() and _SINCE_BEFORE.search(lead) and _UNTIL_NOW_AFTER.match(text, match.end):
        return None
    if "%" in lead and _ESTIMATE_BASIS.search(lead):
        return None  # `bằng 92,5% dự toán năm 2022`: the estimate's year, a basis
    if _TARGET_OF.search(lead) or (period.grain == "span" and _TITLE_OF.search(lead)):
        return None
    if _MID_MONTH.search(lead) and period.grain == "month":
        end = period.start.replace(day=15)
    elif period.grain == "day" and _AS_OF_DAY.search(lead):
        end = period.end
    elif period.grain == "day":
        return None
    else:
        return match
    return replace(match, period=Period(date(end.year, 1, 1), end, "range"))



def figure_period(text: str, periods: Periods, frame: Frame, *, at: int, sentence: tuple[int, int],
                  paragraph: tuple[int, int], planned: bool = False, stock: bool = False) -> Dated:
    """The period of the number at `at`; see the module docstring for the order."""
    if ("bình quân" in text[max(sentence[0], at - 60):at].lower() and _AVERAGE_BEFORE.search(text, max(sentence[0], at - 60), at)
            or _PER_YEAR_AFTER.match(text, at)):
        span = _last_span(periods, at, paragraph)
        if span is not None:  # `giai đoạn 2011 – 2015 … tăng trưởng bình quân 8,9%/năm`
            return Dated(span, "span")
    dated = _period(text, periods, frame, at, sentence, paragraph, planned)
    if stock:
        day = frame.published if dated.period is None or _STOCK_NOW.search(text, sentence[0], sentence[1]) else dated.period.end
        return Dated(Period(day, day, "day"), dated.source if dated.period else "published") if day else Dated(None, None)
    return dated


def _period(text: str, periods: Periods, frame: Frame, at: int, sentence: tuple[int, int],
            paragraph: tuple[int, int], planned: bool) -> Dated:
    matches, starts = periods.matches, periods.starts
    i = bisect_right(starts, at)
    lo = bisect_left(starts, sentence[0])
    in_sentence = matches[lo:i]
    lead_start = max(sentence[0], at - _REACH)  # a bounded look back keeps a huge one-line text linear
    lead = text[lead_start:at]
    cumulative = "kế" in lead.lower() and _CUMULATIVE.search(lead) is not None
    if in_sentence:
        chosen = in_sentence[-1]
        if chosen.yearless and chosen.period.grain == "year":
            compared = _COMPARED_WITH_YEAR.search(text, lead_start, min(sentence[1], at + _REACH))
            if compared:  # `năm nay … tăng 8,89% so với năm 2021`: the comparison dates the year
                year = int(compared.group(1)) + 1
                return Dated(Period(date(year, 1, 1), date(year, 12, 31), "year"), "sentence")
        if (len(in_sentence) > 1 and chosen.period.grain == "range" and in_sentence[-2].period.grain == "year"
                and in_sentence[-2].period.end.year == chosen.period.end.year - 1):
            return Dated(in_sentence[-2].period, "sentence")  # `năm 2023 tính đến ngày 4/1/2024`: the year closed late
        if len(in_sentence) > 1 and _SINCE_NEW_YEAR.match(text, chosen.start) and chosen.yearless:
            named = in_sentence[-2].period  # `tính đến hết tháng 4, … từ đầu năm đến nay`
            return Dated(Period(date(named.end.year, 1, 1), named.end, "range"), "sentence")
        period = _defined(periods, lo + len(in_sentence) - 1).period
        return Dated(_year_so_far(_shifted(period, lead, max(0, chosen.end - lead_start)), cumulative), "sentence")
    first_after = i if i < len(matches) and matches[i].start < sentence[1] else None
    in_force = _in_force(text, periods, frame, at, paragraph)
    if cumulative and in_force.period is not None and first_after is None:
        return Dated(_year_so_far(in_force.period, True), "sentence")
    if first_after is not None and (in_force.period is None
                                    or not _CLAUSE_BREAK.search(text, at, matches[first_after].start)):
        return Dated(_defined(periods, first_after).period, "sentence")
    if planned and periods.term is not None:
        return Dated(periods.term.period, "target")
    if in_force.period is not None:
        return Dated(_shifted(in_force.period, lead, 0), in_force.source)
    later = _later(matches, i)
    if later is not None:
        return Dated(_defined(periods, later).period, "later")
    if (frame.reference is not None and frame.reference_from in ("title", "text")
            and _WHOLE_YEAR_BASIS.search(text, max(paragraph[0], at - _REACH), min(paragraph[1], at + _REACH))):
        year = frame.reference.year
        return Dated(Period(date(year, 1, 1), date(year, 12, 31), "year"), "year")
    return Dated(None, None)


def _later(matches: list[PeriodMatch], i: int) -> int | None:
    """A lead that states its period only further down: of the next three periods named (not
    spans), the first year, else the first of any grain."""
    seen = []
    for j in range(i, len(matches)):
        if matches[j].period.grain != "span":
            seen.append(j)
            if len(seen) == 3:
                break
    years = [j for j in seen if matches[j].period.grain == "year"]
    return (years or seen or [None])[0]


def _last_span(periods: Periods, at: int, paragraph: tuple[int, int]) -> Period | None:
    """The last span (`giai đoạn 2016 - 2020`, `nhiệm kỳ …`) named in the paragraph before `at`."""
    lo = bisect_left(periods.starts, paragraph[0])
    for j in range(bisect_right(periods.starts, at) - 1, lo - 1, -1):
        if periods.matches[j].period.grain == "span":
            return periods.matches[j].period
    return None


def _aside(text: str, start: int, at: int) -> bool:
    """A wording inside brackets that closed soon after it, before `at`."""
    opened = text.rfind("(", max(0, start - 120), start)
    if opened < 0 or text.find(")", opened, start) >= 0:
        return False
    return text.find(")", start, min(at, start + _ASIDE_REACH)) >= 0


def _in_force(text: str, periods: Periods, frame: Frame, at: int, paragraph: tuple[int, int]) -> Dated:
    """The period stated before `at` outside its sentence: the paragraph's, the text's, the frame's.
    An aside in brackets (`tăng 10,55% (6 tháng …, quý III tăng 9,09%)`) does not stay in force."""
    for j in range(bisect_right(periods.starts, at) - 1, -1, -1):
        m = periods.matches[j]
        if m.period.grain != "span" and not _aside(text, m.start, at):
            last = _defined(periods, j)
            return Dated(last.period, "paragraph" if last.start >= paragraph[0] else "document")
    if frame.period is not None:
        return Dated(frame.period, frame.period_from)
    return Dated(None, None)


def _defined(periods: Periods, j: int) -> PeriodMatch:
    """`tháng 5/2019 (từ 21/4 đến 20/5/2019)`: a definition right after a period wins."""
    chosen = periods.matches[j]
    if j + 1 < len(periods.matches):
        nxt = periods.matches[j + 1]
        if nxt.definition and nxt.start - chosen.end < 40:
            return nxt
    return chosen


def _year_so_far(period: Period, cumulative: bool) -> Period:
    if not cumulative or (period.start.month, period.start.day) == (1, 1):
        return period
    return Period(date(period.end.year, 1, 1), period.end, "range")


def _shifted(period: Period, lead: str, since: int) -> Period:
    """`…, trong khi cùng kỳ năm ngoái tăng trưởng … mới đạt 6,6%`: the period in force a year back."""
    if "cùng kỳ" not in lead.lower():
        return period
    clause_start = max((m.end() for m in _CLAUSE.finditer(lead)), default=0)
    if _SAME_PERIOD_LAST_YEAR.search(lead, max(clause_start, since)) is None:
        return period
    try:
        return Period(period.start.replace(year=period.start.year - 1),
                      period.end.replace(year=period.end.year - 1, day=min(period.end.day, 28) if period.end.month == 2 else period.end.day),
                      period.grain)
    except ValueError:
        return period


# (text with the number marked «…», published, title, (start, end) or None, step)
EXAMPLES = [
    # 1. the sentence names it
    ("Năm 2021, tỉnh Quảng Nam thu ngân sách đạt «23.773» tỷ đồng.", None, None, ("2021-01-01", "2021-12-31"), "sentence"),
    ("Tính chung 11 tháng năm 2022, tổng thu ngân sách ước đạt «28.267» tỷ đồng.", None, None, ("2022-01-01", "2022-11-30"), "sentence"),
    ("Thu ngân sách đạt «5.004» tỷ đồng, tính đến ngày 25/3/2024.", None, None, ("2024-01-01", "2024-03-25"), "sentence"),
    ("Năm 2023 Quảng Ninh hết hộ nghèo. Thu nhập bình quân đạt «73,348» triệu đồng, cao hơn mục tiêu đến năm 2025.", None, None,
     ("2023-01-01", "2023-12-31"), "paragraph"),
    ("Trong tháng 9/2018, thu ngân sách đạt hơn 3.548 tỷ đồng, lũy kế hơn «35.696» tỷ đồng.", None, None, ("2018-01-01", "2018-09-30"), "sentence"),
    ("Tháng 10/2021, Cà Mau thu 300 tỷ đồng, lũy kế «3.100» tỷ đồng.", None, None, ("2021-01-01", "2021-10-31"), "sentence"),
    ("Tính đến hết tháng 4, tổng thu từ đầu năm đến nay ước đạt «27,2» ngàn tỷ đồng.", None, "Thu ngân sách tháng 4-2021", ("2021-01-01", "2021-04-30"), "sentence"),
    ("Quý I/2024, GRDP tăng 14,2%, trong khi cùng kỳ năm ngoái tăng trưởng mới đạt «6,6»%.", None, None, ("2023-01-01", "2023-03-31"), "sentence"),
    ("Hết tháng 11/2023, Nghệ An thu ngân sách «18.000» tỷ đồng.", None, None, ("2023-01-01", "2023-11-30"), "sentence"),
    ("Thu ngân sách năm 2023 tính đến ngày 4/1/2024 đạt «21.275» tỷ đồng.", None, None, ("2023-01-01", "2023-12-31"), "sentence"),
    # 3-4. the paragraph, then the text before it
    ("6 tháng đầu năm 2023, thu ngân sách đạt 9.000 tỷ đồng. Thu nội địa đạt «7.000» tỷ đồng.", None, None, ("2023-01-01", "2023-06-30"), "paragraph"),
    ("Quý III/2020 kinh tế phục hồi.\n\nThu nội địa đạt «2.000» tỷ đồng.", None, None, ("2020-07-01", "2020-09-30"), "document"),
    ("9 tháng năm 2024, GRDP tăng 10,55% (quý III tăng 9,09%). Thu ngân sách đạt «4.100» tỷ đồng.", None, None,
     ("2024-01-01", "2024-09-30"), "paragraph"),
    # 5. the frame: the title's period, when the text has none before the number
    ("Thu nội địa ước đạt «11.270» tỷ đồng.", None, "Quảng Ninh: Quý I/2023, thu nội địa ước đạt 11.270 tỷ đồng", ("2023-01-01", "2023-03-31"), "title"),
    ("Thu ngân sách đạt «4.100» tỷ đồng, tăng 12%.", None, "Hà Tĩnh: 6 tháng đầu năm, thu ngân sách tăng 12%", None, None),
    ("Thu ngân sách đạt «4.100» tỷ đồng, tăng 12% so với cùng kỳ năm 2019.", None, "Hà Tĩnh: 6 tháng đầu năm, thu ngân sách tăng 12%", ("2020-01-01", "2020-06-30"), "title"),
    # 7. only the year the text points to: `cùng kỳ năm 2023` → the report is on 2024
    ("Thu ngân sách đạt «9.500» tỷ đồng, tăng 8% so với năm 2023.", None, None, ("2024-01-01", "2024-12-31"), "year"),
    ("Thu ngân sách huyện ước đạt «285» tỷ đồng, tăng 18,4% so với năm trước. Năm 2021 huyện thu 240 tỷ đồng.", None, None, ("2021-01-01", "2021-12-31"), "lead"),
    ("Thu nhập bình quân ước đạt «55,3» triệu đồng.\n\nSo với năm 2021, các chỉ tiêu đều tăng.", None, None, None, None),
    ("Thu ngân sách đạt «9.500» tỷ đồng, tăng 8% so với cùng kỳ năm 2023.", None, None, None, None),
    # an average over years takes the span
    ("Giai đoạn 2011 – 2015, tăng trưởng GRDP của tỉnh đạt bình quân «8,9»%/năm, tầm nhìn đến năm 2030.", None, None,
     ("2011-01-01", "2015-12-31"), "span"),
    ("Trong nhiệm kỳ 2015 - 2020, thu ngân sách tăng bình quân «14,2»%/năm.", None, None, ("2015-01-01", "2020-12-31"), "span"),
    # nothing at all: no period rather than a guess
    ("Thu ngân sách đạt «9.500» tỷ đồng.", None, None, None, None),
]
