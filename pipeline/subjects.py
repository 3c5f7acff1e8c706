"""Whose figure is it: the province each number of a sentence speaks of.

Round-ups of many provinces write a value beside each name, and the province of a figure is
then the name it is written with, not the document's:

- **respective lists** pair names and values in order: `Thanh Hóa, Khánh Hòa và Hà Nam … lần
  lượt ở mức 13,2%, 12,4% và 11%`, `Hải Phòng và Nam Định đứng thứ 7 và 8 … tương ứng 10,48% và
  9,72%`;
- **attached values**: `Bắc Giang (13,82%)`, `Đà Nẵng 3,74%`, `Bắc Ninh giảm 12,59%`,
  `Hà Nội được dự báo tăng 5,97%`, `Quảng Ngãi: -1,07%`;
- **lists of units continuing a figure**: `Đảng bộ TP.Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới;
  Hội An 110; Điện Bàn 150; …` — each name with the value written after it, read as the
  figure it continues;
- otherwise the **subject of the clause**: the last province named before the number in its
  clause (`;` ends a clause), with no value of another province between
  (`Trà Vinh là địa phương có tăng trưởng GRDP cao thứ 2 cả nước với mức tăng 13,9%`).

Pure functions over one sentence; offsets are relative to it.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

_I = regex.IGNORECASE | regex.V1
_RESPECTIVELY = regex.compile(r"\b(?:lần lượt|tương ứng)\b", _I)
# what may stand between the names of a list: `, `, ` và `, `, tỉnh `, `thành phố `
_LIST_GLUE = regex.compile(r"^\s*(?:,|;|\bvà\b|\bcùng\b|&)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?$", _I)
# what may stand between a name and its value: `Bắc Giang (`, `Đà Nẵng `, `Bắc Ninh giảm `
_ATTACHED = regex.compile(
    r"^\s*(?:\(\s*|:\s*|[-–]\s*)?(?:(?:được\s+)?(?:dự báo|ước(?: tính)?|ước đạt)\s+)?"
    r"(?:(?:tăng(?: trưởng)?|giảm|đạt|với|là)\s+)?(?:(?:gần|hơn|trên|khoảng|mức)\s+)?[-–]?$", _I)
_CLAUSE_END = regex.compile(r";")


def subjects(sentence: str, places: Sequence[tuple[int, int, object]],
             numbers: Sequence[tuple[int, int, str]]) -> dict[int, object]:
    """The province each number speaks of, where the sentence says it: number start → place.

    `places` are (start, end, place) of the provinces named in the sentence, in order;
    `numbers` (start, end, unit) of its numbers, in order.
    """
    found: dict[int, object] = {}
    found.update(_respective(sentence, places, numbers))
    for start, _, _ in numbers:
        if start in found:
            continue
        before = [p for p in places if p[1] <= start]
        if before and _ATTACHED.match(sentence[before[-1][1]:start]):
            found[start] = before[-1][2]
    return found


def clause_subject(sentence: str, places: Sequence[tuple[int, int, object]], at: int) -> object | None:
    """The last province named before `at` in its clause."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    before = [p for p in places if clause_start <= p[0] and p[1] <= at]
    return before[-1][2] if before else None


_LIST_ITEM = regex.compile(
    r"\G(?:\s*(?P<sep>[;,])\s*(?:và\s+)?|\s+và\s+)(?:(?:huyện|thị xã|thành phố|TP\.?|quận|Đảng bộ)\s*)?"
    r"(?P<name>\p{Lu}[\p{L}.]*(?:\s+(?!(?:là|đạt|có|thu|được|tăng|giảm)\b)\p{L}+){0,3}?)\s+(?:(?P<verb>là|đạt|có|thu|được|tăng|giảm)\s+)?"
    r"(?P<number>\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?P<unit>\s*(?:%|tỷ đồng|triệu đồng|nghìn tỷ đồng|ngàn tỷ đồng))?"
    r"(?=\s*(?:[;,.)]|và\b|$))", regex.V1)


def continued_list(sentence: str, after: int) -> list[tuple[str, int, int, str, bool]]:
    """`…; Hội An 110; Điện Bàn 150 và …` right after a figure that ends at `after`: each
    item as (name, number start, number end, the number with its unit as written, whether it
    is written as a fall: `giảm 12,59%`). Items are
    joined by the separator the list opened with; the list ends at the first other stretch."""
    items: list[tuple[str, int, int, str, bool]] = []
    sep = None
    pos = after
    while (m := _LIST_ITEM.match(sentence, pos)) is not None:
        last = m.group("sep") is None  # `… và Hoàng Mai 2.100`: the last item
        if not last and sep is not None and m.group("sep") != sep:
            break
        sep = sep or m.group("sep")
        items.append((m.group("name"), m.start("number"), m.end("number"), m.group("number") + (m.group("unit") or ""),
                      m.group("verb") == "giảm"))
        if last:
            break
        pos = m.end()
    return items if len(items) >= 2 else []


def _respective(sentence: str, places: Sequence[tuple[int, int, object]],
                numbers: Sequence[tuple[int, int, str]]) -> dict[int, object]:
    """`A, B và C … lần lượt (là) x, y và z`: the i-th name with the i-th value of a unit."""
    out: dict[int, object] = {}
    for marker in _RESPECTIVELY.finditer(sentence):
        names = _name_list([p for p in places if p[1] <= marker.start()], sentence)
        if len(names) < 2:
            continue
        after = [n for n in numbers if n[0] >= marker.end()]
        for unit in dict.fromkeys(n[2] for n in after):
            values = [n for n in after if n[2] == unit][:len(names)]
            if len(values) == len(names):
                out.update({v[0]: name[2] for v, name in zip(values, names)})
    return out


def _name_list(places: list[tuple[int, int, object]], sentence: str) -> list[tuple[int, int, object]]:
    """The run of names joined by commas and `và` that ends last before the marker."""
    if not places:
        return []
    run = [places[-1]]
    for place in reversed(places[:-1]):
        if not _LIST_GLUE.match(sentence[place[1]:run[0][0]]):
            break
        run.insert(0, place)
    return run


# (sentence, {number as written: province}) — the province each value is written with
EXAMPLES = [
    ("Theo sau là Thanh Hóa, Khánh Hòa và Hà Nam, với tăng trưởng GRDP lần lượt ở mức 13,2%, 12,4% và 11%.",
     {"13,2": "Thanh Hóa", "12,4": "Khánh Hòa", "11": "Hà Nam"}),
    ("Hai vị trí tiếp theo thuộc về Bắc Giang và thành phố Hải Phòng với mức tăng trưởng dự báo ước đạt lần lượt là 10,94% và 9,94%.",
     {"10,94": "Bắc Giang", "9,94": "Hải Phòng"}),
    ("Gia Lai, Ninh Thuận và Thanh Hóa có mức tăng trưởng lần lượt đạt 9,03%, 9% và 8,85%.",
     {"9,03": "Gia Lai", "9": "Ninh Thuận", "8,85": "Thanh Hóa"}),
    ("Hải Phòng và Nam Định đứng thứ 7 và 8 cả nước, tương ứng 10,48% và 9,72%.",
     {"10,48": "Hải Phòng", "9,72": "Nam Định"}),
    ("5 địa phương dẫn đầu là Bắc Giang (13,82%), Hòa Bình (12,76%), Nam Định (11,86%), Đà Nẵng (11,36%) và Lai Châu (11,32%).",
     {"13,82": "Bắc Giang", "12,76": "Hòa Bình", "11,86": "Nam Định", "11,36": "Đà Nẵng", "11,32": "Lai Châu"}),
    ("Hà Nội được dự báo tăng 5,97%, xếp thứ 30; Đà Nẵng 3,74%, xếp thứ 46.",
     {"5,97": "Hà Nội", "3,74": "Đà Nẵng"}),
    ("10 địa phương thấp nhất là Bắc Ninh giảm 12,59%; Quảng Nam giảm 9,16%; Quảng Ngãi (-1,07%).",
     {"12,59": "Bắc Ninh", "9,16": "Quảng Nam", "1,07": "Quảng Ngãi"}),
]

# (sentence, the figure's number, [names continuing it])
LIST_EXAMPLES = [
    ("Cụ thể: Đảng bộ TP.Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới; Hội An 110; Điện Bàn 150; Công an 12 và Đảng bộ Khối 155 đảng viên.",
     "150", ["Hội An", "Điện Bàn", "Công an"]),
    ("Thành phố Vinh tiếp nhận 12.500 hồ sơ; Cửa Lò 3.200; Thái Hòa 2.950 và Hoàng Mai 2.100.",
     "12.500", ["Cửa Lò", "Thái Hòa", "Hoàng Mai"]),
    ("Huyện Bảo Lâm thu 320 tỷ đồng, Đức Trọng 470 tỷ đồng, Di Linh 210 tỷ đồng.", "320", ["Đức Trọng", "Di Linh"]),
    ("Đảng bộ huyện Ninh Phước kết nạp 52 đảng viên; Ninh Sơn 13; Thuận Bắc 20.", "52", ["Ninh Sơn", "Thuận Bắc"]),
    ("Bắc Ninh giảm 12,59%; Quảng Nam giảm 9,16%; Lai Châu tăng 6,32%.", "12,59", ["Quảng Nam", "Lai Châu"]),
    # one item is no list; a stretch of other words ends it
    ("Huyện Bảo Lâm thu 320 tỷ đồng, Đức Trọng 470 tỷ đồng.", "320", []),
    ("Tỉnh thu 9.000 tỷ đồng, tăng 12%, trong đó thu nội địa 7.000 tỷ đồng.", "9.000", []),
]

# sentences where no number is written with a province: the document's province stands
COUNTER_EXAMPLES = [
    "Tỉnh Sơn La có 12 huyện, tổng thu ngân sách đạt 5.000 tỷ đồng.",
    "Cao hơn mức tăng 8,02% của cả nước và đứng thứ 3 vùng.",
]
