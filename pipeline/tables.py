"""Report tables: a row's label says what its numbers are, a column's header says when.

Government reports end with a table of targets and results, and a web page or a PDF flattens
it into text either one cell a line or one row a line with `|` between cells:

    Chỉ tiêu chủ yếu | TH năm 2018 | KH năm 2019 | Ước TH năm 2019
    Thu ngân sách Nhà nước (Tỷ đồng) | 7.788 | 7.213,5 | 7.787

A header is a run of at least two column cells that each name a year, with what the column
holds: a result (`TH`, `Thực hiện`, `Năm 2018`), a target (`KH`, `Kế hoạch`, `Mục tiêu`) or an
estimate (`Ước`, `ƯTH`, `Ước TH`). Each later row whose label is followed by one value per
column becomes cells; the label's bracketed unit (`(%)`, `(Tỷ đồng)`, `(USD)`) is the unit of
its bare numbers. What the row is about is left to the rules, which read the label as a cue.
Pure functions over text; offsets index the text given.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_I = regex.IGNORECASE | regex.V1
_COLUMN = regex.compile(
    r"\s*(?P<kind>(?:ước|ư)(?:\s*(?:tính|thực hiện|th))?|ưth|dự ước|th|thực hiện|kh|kế hoạch|mục tiêu|chỉ tiêu|dự kiến)?"
    r"\s*(?:năm\s*)?(?P<year>(?:19|20)\d{2})\s*", _I)
_PLANNED = ("kh", "kế hoạch", "mục tiêu", "chỉ tiêu", "dự kiến")
# a value cell: a number, a plan range, a percentage, with at most a bracketed aside
_VALUE = regex.compile(r"\s*[<>≤≥]?\s*[-–]?\d[\d.,]*\s*(?:[-–]\s*\d[\d.,]*)?\s*%?\s*(?:\([^()\n]{0,30}\))?\s*")
_UNIT = regex.compile(r"\((?P<unit>%|tỷ đồng|tỉ đồng|triệu đồng|nghìn tỷ đồng|usd|triệu usd|đồng|người|lượt|hồ sơ|đơn)\)", _I)
# a year that ends a cell: prose ends its lines with a full stop, a header cell with the year
_YEAR_ENDS_CELL = regex.compile(r"(?:19|20)\d\d[^\S\n]*(?=\n|\||\Z)")


@dataclass(frozen=True, slots=True)
class Column:
    year: int
    planned: bool
    estimate: bool


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a row: `text[start:end]` is the cell as written."""

    start: int
    end: int
    column: Column


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    label_start: int
    unit: str | None  # the label's bracketed unit, lower-cased: `%`, `tỷ đồng`, `usd`
    cells: tuple[Cell, ...]


def find_rows(text: str) -> list[Row]:
    """The rows of every table in `text` whose header names a year in each column."""
    if not _has_header_cell(text):
        return []  # most texts hold no table: a quick scan says so
    cells = _cells(text)
    rows: list[Row] = []
    i = 0
    while i < len(cells):
        columns, j = _header(text, cells, i)
        if not columns:
            i += 1
            continue
        i = j
        while i < len(cells):
            row, nxt = _row(text, cells, i, columns)
            if row is not None:
                rows.append(row)
                i = nxt
            elif _header(text, cells, i)[0]:
                break  # another table
            else:
                i += 1
    return rows


def _has_header_cell(text: str) -> bool:
    for m in _YEAR_ENDS_CELL.finditer(text):
        start = max(text.rfind("\n", 0, m.start()), text.rfind("|", 0, m.start())) + 1
        if _COLUMN.fullmatch(text, start, m.end()):
            return True
    return False


def _cells(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, and `|`-separated parts of a line, as (start, end) without spaces."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        parts = [(m.start(), m.end()) for m in regex.finditer(r"[^|]+", line)] if "|" in line else [(0, len(line))]
        for s, e in parts:
            chunk = line[s:e]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                out.append((pos + s + lead, pos + s + lead + len(stripped)))
        pos += len(line) + 1
    return _with_asides(text, out)


def _with_asides(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A cell that is only a bracketed aside (`(còn 4,33%)`) belongs to the cell before it."""
    merged: list[tuple[int, int]] = []
    for s, e in cells:
        if merged and text[s] == "(" and text[e - 1] == ")" and e - s <= 32:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _header(text: str, cells: list[tuple[int, int]], i: int) -> tuple[list[Column], int]:
    columns: list[Column] = []
    j = i
    while j < len(cells) and (m := _COLUMN.fullmatch(text, *cells[j])) is not None:
        kind = (m.group("kind") or "").lower()
        columns.append(Column(int(m.group("year")), kind.startswith(_PLANNED), kind.startswith(("ư", "dự ước"))))
        j += 1
    return (columns, j) if len(columns) >= 2 else ([], i)


def _row(text: str, cells: list[tuple[int, int]], i: int, columns: list[Column]) -> tuple[Row | None, int]:
    label = text[cells[i][0]:cells[i][1]]
    values = cells[i + 1:i + 1 + len(columns)]
    if (_VALUE.fullmatch(label) or len(values) < len(columns)
            or not all(_VALUE.fullmatch(text, s, e) for s, e in values)):
        return None, i + 1
    units = [m.group("unit").lower() for m in _UNIT.finditer(label)]  # `tăng (%) (tỷ đồng)`: the last is the values'
    return Row(label, cells[i][0], units[-1] if units else None,
               tuple(Cell(s, e, c) for (s, e), c in zip(values, columns))), i + 1 + len(columns)


# (table as text, [(label start, unit, [(cell, year, planned, estimate)]) …])
EXAMPLES = [
    ("Chỉ tiêu chủ yếu\n\nTH năm 2018\n\nKH năm 2019\n\nƯớc TH năm 2019\n\nGhi chú\n\n"
     "Tốc độ tăng tổng sản phẩm trong tỉnh (GRDP) (%)\n\n6,61\n\n7,5-8,0\n\n7,18\n\nKhông đạt\n\n"
     "Thu ngân sách Nhà nước (Tỷ đồng)\n\n7.788\n\n7.213,5\n\n7.787\n\nVượt",
     [("Tốc độ tăng", "%", [("6,61", 2018, False, False), ("7,5-8,0", 2019, True, False), ("7,18", 2019, False, True)]),
      ("Thu ngân sách", "tỷ đồng", [("7.788", 2018, False, False), ("7.213,5", 2019, True, False), ("7.787", 2019, False, True)])]),
    ("Chỉ tiêu | Thực hiện 2022 | Kế hoạch 2023 | Ước thực hiện 2023\n"
     "Thu nhập bình quân đầu người (triệu đồng) | 48,5 | 52 | 53,1\n"
     "Tỷ lệ hộ nghèo (%) | 3,2 | 2,5 | 2,4",
     [("Thu nhập", "triệu đồng", [("48,5", 2022, False, False), ("52", 2023, True, False), ("53,1", 2023, False, True)]),
      ("Tỷ lệ hộ", "%", [("3,2", 2022, False, False), ("2,5", 2023, True, False), ("2,4", 2023, False, True)])]),
    ("Chỉ tiêu\n\nTH 2018\n\nKH 2019\n\nƯTH 2019\n\nTỷ lệ hộ nghèo giảm (%)\n\n1,06\n\n0,7%\n\n(còn 4,33%)\n\n0,86%\n\n(còn 4,17%)",
     [("Tỷ lệ hộ", "%", [("1,06", 2018, False, False), ("0,7%\n\n(còn 4,33%)", 2019, True, False),
                         ("0,86%\n\n(còn 4,17%)", 2019, False, True)])]),
    ("Chỉ tiêu | 2011 | 2012\nThu ngân sách Nhà nước tăng (%) (tỷ đồng) | 3.523 | 5.861,4",
     [("Thu ngân sách", "tỷ đồng", [("3.523", 2011, False, False), ("5.861,4", 2012, False, False)])]),
    ("STT | Chỉ tiêu | Năm 2020 | Năm 2021\n1 | Tổng thu ngân sách (tỷ đồng) | 10.250 | 11.300\n"
     "2 | Số hồ sơ tiếp nhận | 45.000 | 52.100",
     [("Tổng thu", "tỷ đồng", [("10.250", 2020, False, False), ("11.300", 2021, False, False)]),
      ("Số hồ sơ", None, [("45.000", 2020, False, False), ("52.100", 2021, False, False)])]),
]

# text with years and numbers that is not a table of results
COUNTER_EXAMPLES = [
    "Năm 2020 thu 10.250 tỷ đồng.\nNăm 2021 thu 11.300 tỷ đồng.",
    "Giai đoạn 2016 - 2020\n\nTăng trưởng bình quân 7,2%",
]
