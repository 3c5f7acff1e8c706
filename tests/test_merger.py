"""The 1 July 2025 merger, end to end: every merged group's old and new units named in
sentences before and after it, each figure filed under the unit the text means, on both
databases, and the roll-up to the new units."""
from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from pipeline import extract
from pipeline.db.load import load
from pipeline.documents import Document
from pipeline.extraction import extract_document
from pipeline.provinces import NEW, OLD, Province, find_places, place_key, provinces, resolve_unit, successor

BEFORE = date(2025, 1, 15)   # a 2024 report
AFTER = date(2025, 10, 10)   # a nine-month 2025 report
JULY = date(2025, 7, 20)     # a first-half 2025 report, published after the merger
AMOUNT = "1.234"


def _groups() -> list[tuple[Province, list[Province]]]:
    """Each era-2025 unit formed from more than one era-2008 unit, with those units."""
    olds = provinces("2008")
    groups = [(new, [p for p in olds if successor(p) == new]) for new in provinces("2025")]
    return [(new, parts) for new, parts in groups if len(parts) > 1]


GROUPS = _groups()


def _as_written(unit: Province, marker: str = "") -> str:
    return f"{unit.kind} {unit.name}{marker}"


def _budget(period: str, unit: str) -> str:
    return f"{period}, tổng thu ngân sách nhà nước trên địa bàn {unit} đạt {AMOUNT} tỷ đồng."


def _sentences(new: Province, parts: list[Province]) -> list[tuple[str, date, Province, tuple[date, date]]]:
    """(text, published, the unit it means, its period) for one merged group."""
    year_2024 = (date(2024, 1, 1), date(2024, 12, 31))
    nine_months = (date(2025, 1, 1), date(2025, 9, 30))
    first_half = (date(2025, 1, 1), date(2025, 6, 30))
    cases = []
    for old in parts:
        cases.append((_budget("Năm 2024", _as_written(old)), BEFORE, old, year_2024))
        # after the merger an old unit whose name the new one took must say so: "(cũ)"
        marker = " (cũ)" if old.name == new.name else ""
        cases.append((_budget("9 tháng đầu năm 2025", _as_written(old, marker)), AFTER, old, nine_months))
    cases.append((_budget("9 tháng đầu năm 2025", _as_written(new)), AFTER, new, nine_months))
    cases.append((_budget("6 tháng đầu năm 2025", _as_written(new, " (mới)")), JULY, new, first_half))
    return cases


def test_there_are_23_merged_groups_of_the_63_units():
    assert len(GROUPS) == 23
    assert sum(len(parts) for _, parts in GROUPS) == 63 - (34 - 23)


@pytest.mark.parametrize(("new", "parts"), GROUPS, ids=[new.name for new, _ in GROUPS])
def test_every_unit_of_a_merged_group_is_filed_under_itself(new, parts):
    for text, published, unit, (start, end) in _sentences(new, parts):
        (figure,) = extract(text, published=published)
        assert (figure.province_code, figure.province_era) == (unit.code, unit.era), text
        assert (figure.period_start, figure.period_end) == (start, end), text
        if unit.era == "2008":
            assert successor(unit) == new  # an old unit after the merger keeps its successor


@pytest.mark.parametrize(("written", "marker", "era"), [
    ("tỉnh Phú Thọ (mới)", NEW, "2025"),
    ("tỉnh Phú Thọ ( mới )", NEW, "2025"),
    ("tỉnh Phú Thọ mới,", NEW, "2025"),
    ("tỉnh Phú Thọ sau sáp nhập", NEW, "2025"),
    ("tỉnh Phú Thọ (sau sáp nhập)", NEW, "2025"),
    ("tỉnh Phú Thọ sau hợp nhất", NEW, "2025"),
    ("tỉnh Phú Thọ (cũ)", OLD, "2008"),
    ("tỉnh Phú Thọ cũ", OLD, "2008"),
    ("tỉnh Phú Thọ trước sáp nhập", OLD, "2008"),
    ("Phú Thọ mới đạt 40% dự toán", None, "2008"),   # "mới" is "only" here
    ("Phú Thọ cũng tăng", None, "2008"),
    ("tỉnh Vĩnh Phúc (mới)", NEW, "2008"),            # no new Vĩnh Phúc: the old unit
    ("tỉnh Yên Bái sau sáp nhập", NEW, "2008"),
])
def test_find_places_reads_the_marker_after_a_name(written, marker, era):
    (match,) = find_places(written)
    assert (match.marker, match.province.era) == (marker, era)


@pytest.mark.parametrize(("written", "expected"), [
    ("các tỉnh Lâm Đồng, Đắk Nông và Bình Thuận (cũ)", [(OLD, "2008")] * 3),
    ("tỉnh Lào Cai và tỉnh Yên Bái (cũ)", [(OLD, "2008")] * 2),
    ("Lâm Đồng tăng, Bình Thuận (cũ) giảm", [(None, "2008"), (OLD, "2008")]),
    ("Lào Cai, Phú Thọ (mới)", [(NEW, "2025")] * 2),
])
def test_a_marker_after_a_list_holds_for_every_name_of_it(written, expected):
    assert [(m.marker, m.province.era) for m in find_places(written)] == expected


@pytest.mark.parametrize(("name", "marker", "published", "period_end", "code", "era"), [
    ("Yên Bái", None, AFTER, date(2025, 9, 30), "15", "2008"),      # 2008 only: never Lào Cai
    ("Bắc Giang", None, AFTER, date(2025, 12, 31), "24", "2008"),   # never Bắc Ninh
    ("Bắc Giang", NEW, AFTER, None, "24", "2008"),
    ("Lào Cai", None, AFTER, date(2025, 9, 30), "15", "2025"),
    ("Lào Cai", None, BEFORE, date(2024, 12, 31), "10", "2008"),
    ("Lào Cai", OLD, AFTER, date(2025, 9, 30), "10", "2008"),
    ("Phú Thọ", NEW, JULY, date(2025, 6, 30), "25", "2025"),        # stated as the new unit
    ("Phú Thọ", None, JULY, date(2025, 6, 30), "25", "2008"),       # a half-year before it
    ("Phú Thọ", None, date(2024, 12, 1), date(2025, 12, 31), "25", "2008"),  # a 2025 plan of 2024
    ("Phú Thọ", None, None, None, "25", "2008"),
    ("Phú Thọ", None, None, date(2025, 12, 31), "25", "2025"),
    ("Đồng Tháp", None, AFTER, None, "82", "2025"),
    ("Tiền Giang", None, AFTER, None, "82", "2008"),
    ("Huế", None, AFTER, None, "46", "2025"),
    ("Thừa Thiên Huế", OLD, AFTER, None, "46", "2008"),
    ("Tỉnh ủy Gia Lai", None, AFTER, None, "52", "2025"),
])
def test_resolve_unit(name, marker, published, period_end, code, era):
    unit = resolve_unit(name, marker=marker, published=published, period_end=period_end)
    assert (unit.code, unit.era) == (code, era)


_CONTEXTS = [(marker, published, end) for marker in (None, NEW, OLD)
             for published, end in ((None, None), (BEFORE, date(2024, 12, 31)), (AFTER, date(2025, 9, 30)),
                                    (JULY, date(2025, 6, 30)))]


def _spellings(unit: Province) -> set[str]:
    return {place_key(n) for n in (unit.name, *unit.aliases)}


@pytest.mark.parametrize("named", provinces(), ids=lambda p: f"{p.era}-{p.name}")
def test_no_code_resolves_to_a_unit_of_another_name(named):
    """Whatever the marker and the dates, a name resolves to a unit of that name, and the
    figure's (code, era) is that unit's: Yên Bái is never filed under Lào Cai's 15."""
    by_key = {(p.code, p.era): p for p in provinces()}
    for marker, published, period_end in _CONTEXTS:
        unit = resolve_unit(named.name, marker=marker, published=published, period_end=period_end)
        assert place_key(named.name) in _spellings(unit)
        assert by_key[(unit.code, unit.era)] == unit
    text = _budget("9 tháng đầu năm 2025", _as_written(named))
    for published in (BEFORE, AFTER):
        (figure,) = extract(text, published=published)
        assert place_key(named.name) in _spellings(by_key[(figure.province_code, figure.province_era)])


def test_extract_prints_the_era():
    (figure,) = extract(_budget("Năm 2025", "tỉnh Gia Lai"), published=date(2026, 1, 20))
    assert figure.to_json()["province_era"] == "2025"
    assert (figure.province_code, figure.province_era) == ("52", "2025")


# --- on both databases -----------------------------------------------------------------

def _corpus() -> list[Document]:
    docs = []
    for new, parts in GROUPS:
        for n, (text, published, _, _) in enumerate(_sentences(new, parts)):
            docs.append(Document(f"{new.code}-{n:02d}.txt", text, published=published))
    return docs


def test_every_figure_is_stored_under_its_unit(db_engine):
    docs = _corpus()
    load(db_engine, docs, extract=extract_document, rules_version="test")
    expected = {}
    for new, parts in GROUPS:
        for n, (_, _, unit, _) in enumerate(_sentences(new, parts)):
            expected[f"{new.code}-{n:02d}.txt"] = (unit.code, unit.era, unit.name)
    with db_engine.connect() as conn:
        stored = {row.path: (row.province_code, row.province_era, row.name) for row in conn.execute(sa.text(
            "SELECT d.path, f.province_code, f.province_era, p.name FROM figures f "
            "JOIN documents d ON d.id = f.document_id "
            "JOIN provinces p ON p.code = f.province_code AND p.era = f.province_era"))}
    assert stored == expected


def test_the_roll_up_sums_every_old_unit_of_a_group(db_engine):
    load(db_engine, _corpus(), extract=extract_document, rules_version="test")
    with db_engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT province_code, period_end, value, complete, source, parts_count, predecessors_count "
            "FROM province_2025_values WHERE indicator = 'budget_revenue_total'")).all()
    amount = 1234 * 10**9
    got = {(r.province_code, date.fromisoformat(str(r.period_end))):  # SQLite returns text
           (float(r.value), bool(r.complete), r.source, r.parts_count) for r in rows}
    for new, parts in GROUPS:
        whole = (float(amount * len(parts)), True, "sum", len(parts))
        assert got[(new.code, date(2024, 12, 31))] == whole, new.name
        # the nine months: the new unit reported its own figure, which beats the sum
        assert got[(new.code, date(2025, 9, 30))] == (float(amount), True, "reported", 1), new.name
        assert got[(new.code, date(2025, 6, 30))] == (float(amount), True, "reported", 1), new.name
    assert len(rows) == 3 * len(GROUPS)
