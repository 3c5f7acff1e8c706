"""The wordings extraction reads beyond the rules: modality, place and the shape of a figure.

Each is named, says why it exists, and carries the text it must find and the text it must
not (`tests/test_wordings.py` runs them), in the style of the rule families. `use` says how
extraction applies it: `search` anywhere in the text given, `match` at its start (the text
right after a number, or a sentence's lead).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

_I = regex.IGNORECASE | regex.V1


@dataclass(frozen=True, slots=True)
class Wording:
    name: str
    pattern: regex.Pattern
    use: str  # "search" or "match"
    why: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    literals: tuple[str, ...] = ()  # lower case; one of them is in every match: a cheap test first

    def finds(self, text: str) -> bool:
        return bool(self.search(text) if self.use == "search" else self.pattern.match(text))

    def _may_occur(self, text: str, pos: int, endpos: int | None) -> bool:
        if not self.literals:
            return True
        lowered = _lowered(text) if len(text) >= _LONG else None  # a document, asked again and again
        if lowered is not None:
            return any(lowered.find(literal, pos, endpos) >= 0 for literal in self.literals)
        part = text[pos:endpos].lower()
        return any(literal in part for literal in self.literals)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._may_occur(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._may_occur(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._may_occur(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)


_LONG = 1000  # a text this long is lowered once and searched in place


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """`text` lower-cased, when each stretch of the result is that stretch of the text lowered
    (no letter whose lower case is longer, no context-bound final sigma), else None."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "Σ" not in text else None


def _w(name, pattern, use, why, examples, counter_examples=(), flags=_I, literals=()) -> Wording:
    return Wording(name, regex.compile(pattern, flags), use, why, tuple(examples), tuple(counter_examples), tuple(literals))


# --- modality ----------------------------------------------------------------------------------

PLANNED_BEFORE = _w(
    "planned_before",
    r"\bsẽ\b|phấn đấu|dự kiến|mục tiêu|chỉ tiêu|kế hoạch năm|hướng tới|"
    r"giao (?:thu|chỉ tiêu|dự toán|nhiệm vụ)|nghiên cứu xây dựng|xây dựng, ban hành|(?<!\w)(?:dự toán|kế hoạch) (?:thu|chi)",
    "search", "a target in the number's own clause",
    ["năm 2025 phấn đấu thu ", "tỉnh sẽ ban hành ", "dự toán thu ngân sách năm 2024 là "],
    ["thu ngân sách đạt ", "đã ban hành "])
PLANNED_RIGHT_BEFORE = _w(
    "planned_right_before", r"(?:kế hoạch|chỉ tiêu)(?: (?:đề ra|được giao|năm))?(?: là)?\s*\(?\s*$",
    "search", "`vượt kế hoạch đề ra (7,5%)`, `(kế hoạch 7-7,5%)`: the number right after names the plan",
    ["vượt kế hoạch đề ra (", "chỉ tiêu được giao là "], ["đạt 95% kế hoạch, tăng "])
PLANNED_AFTER = _w(
    "planned_after", r"\G\s*(?:%\s*)?trở lên", "match", "`tăng từ 10% trở lên`: a floor set as a target",
    ["% trở lên", " trở lên"], [" so với cùng kỳ"])
PLANNED_LEAD = _w(
    "planned_lead", r"[^\d]{0,80}?(?<!(?:đạt|vượt|bằng|so với|hoàn thành)\s+)(?:phấn đấu|mục tiêu|dự kiến|định hướng)",
    "match", "a sentence that opens with its target covers its list: `Phấn đấu năm 2021, GRDP tăng …, thu …`",
    ["Tỉnh Bình Phước phấn đấu trong năm 2021, GRDP tăng ", "Mục tiêu đến năm 2025, thu ngân sách "],
    ["Có 4 đảng bộ đạt trên 50% chỉ tiêu được giao, bao gồm: Đảng bộ huyện kết nạp ", "Tỉnh đã vượt mục tiêu đề ra, thu "],
    literals=("phấn đấu", "mục tiêu", "dự kiến", "định hướng"))
ESTIMATE = _w(
    "estimate", r"(?<!\w)(?:dự ước|ước tính|ước đạt|ước|dự báo)(?!\w)",
    "search", "an estimate in the number's clause; a forecast of a period that is closing is one too",
    ["tổng thu ước đạt ", "Hà Nội được dự báo tăng ", "dự ước GRDP tăng "], ["thu ngân sách đạt ", "khu vực "],
    literals=("ước", "dự báo"))
ESTIMATE_LEAD = _w(
    "estimate_lead",
    r"(?<!\w)(?:(?:dự ước|ước tính|ước)(?: thực hiện)?\s+(?:cả |trong )?(?:\d{1,2}\s+tháng|năm|quý|tháng|sáu|chín)|(?:theo |được )?dự báo)(?!\w)",
    "search", "an estimate declared for a period before a sentence's first number covers its brackets and list",
    ["GRDP ước 9 tháng đầu năm 2024 đạt ", "Theo dự báo của Tổng cục Thống kê, ", "Ước tính cả năm, thu "],
    ["Bình quân đầu người năm 2022 ước đạt "], literals=("ước", "dự báo"))
ANAPHOR = _w(
    "anaphor", r"\W*(?:(?:kết quả|con số|số thu|mức|số liệu|số)(?: thu)? (?:này|trên|đó)|như vậy|với kết quả (?:này|trên))\b",
    "match", "a sentence that speaks of the figure before it continues its topic",
    ["Kết quả này bằng 100% dự toán", "Con số này tăng 12%", "Với kết quả này, tỉnh xếp thứ 12"],
    ["Kết quả thu ngân sách năm 2023 đạt", "Số đơn thuộc thẩm quyền là 31"])
EQUIVALENT = _w(
    "equivalent", r"tương đương\s*(?:với\s*)?(?:khoảng\s*|gần\s*|hơn\s*)?$", "search",
    "the same amount in another unit shares the figure's period and modality: `70,2 triệu đồng (tương đương 2.873 USD)`",
    [" triệu đồng (tương đương ", " triệu đồng/năm, tương đương khoảng "], [" triệu đồng, tăng "])
RATE_CHANGE = _w(
    "rate_change", r"\s*%?\s*\(\s*(?:tăng|giảm|cao hơn|thấp hơn)\s*(?:thêm\s*)?$", "match",
    "`đạt 6,81% (tăng 1% so với cùng kỳ)`: how much a rate itself moved, not a second rate",
    ["% (tăng ", "% (cao hơn "], ["%, tăng ", "% và "])
BREAKDOWN = _w(
    "breakdown", r"trong đó\b", "match", "`Trong đó, …` lists the parts of the figure before: they share its estimate",
    ["Trong đó, thu nội địa", "trong đó: chi đầu tư"], ["Đến nay, trong đó"])
SHARE_AFTER = _w(
    "share_after", r"\s*(?:\(\s*chiếm\b|,\s*chiếm[^,;.()]{0,20}?(?:trong )?tổng)", "match",
    "a count written as a share of a total is a part, not a total: `3.845 hồ sơ (chiếm 65,9%)`",
    [" (chiếm 65,9%)", ", chiếm 40% tổng số đơn"], [", chiếm tỷ lệ khoảng 3,9% dân số", ", tăng 5%"])

# --- place ---------------------------------------------------------------------------------------

NATIONAL = _w(
    "national",
    r"(?<!(?:dẫn đầu|đứng đầu|nhất|thứ \w+|so với|hơn|trong)\s+)(?:cả nước|toàn quốc|(?:của|cả|toàn) (?:vùng|khu vực)(?! (?:nông thôn|thành thị)))"
    r"|(?<!(?:dẫn đầu|đứng đầu|nhất|thứ \w+|so với|hơn|trong|các tỉnh|tỉnh)\s+(?:(?:các tỉnh )?(?:vùng|khu vực) )?)"
    r"(?:vùng )?(?:Đông Nam Bộ|Tây Nguyên|Đồng bằng sông (?:Cửu Long|Hồng)|Bắc Trung Bộ|(?:Duyên hải )?Nam Trung Bộ"
    r"|[Tt]rung du và miền núi phía Bắc)(?= (?:tăng|đạt|ước|có|giảm|thu))"
    r"|\bGDP\b|tổng sản phẩm trong nước",
    "search", "the nation or a region as a subject: its figure is nobody's province's",
    ["Tăng trưởng GRDP của cả nước đạt ", "GDP quý I tăng ", "Tốc độ tăng GRDP của vùng đạt ",
     "Năm 2023, vùng Đông Nam Bộ thu ngân sách ", "GRDP của Tây Nguyên tăng ", "Đồng bằng sông Cửu Long đạt "],
    ["Bắc Giang vươn lên dẫn đầu cả nước với ", "xếp thứ 2 cả nước", "cao hơn so với cả nước",
     "thu nhập khu vực nông thôn", "cao nhất vùng Đông Nam Bộ tăng ", "đứng thứ 2 trong các tỉnh Tây Nguyên tăng ",
     "là một trong 5 tỉnh vùng Đồng bằng sông Hồng có "],
    literals=("cả nước", "toàn quốc", "vùng", "khu vực", "gdp", "trong nước", "nam bộ", "tây nguyên", "sông", "trung bộ",
              "trung du"))
PROVINCE_MARK = _w(
    "province_mark", r"Tỉnh ủy|Tỉnh uỷ|toàn tỉnh|cấp tỉnh|(?:UBND|HĐND|Đảng bộ|Ban Chấp hành Đảng bộ) tỉnh|của tỉnh",
    "search", "the province takes the floor again after a district or a level was named",
    ["; toàn tỉnh tiếp ", "Ban Thường vụ Tỉnh ủy", "UBND tỉnh đã"], ["UBND huyện", "trên địa bàn huyện"])
LEVEL = _w(
    "level",
    r"(?<![\p{L}])(?:(?<!(?:Ban|Trụ sở|Hội đồng|Sở|Trung tâm)[^,;.]{0,30})cấp (?P<level>tỉnh|huyện|xã)(?!\s*(?:ủy|uỷ|trưởng|phó))"
    r"|(?P<communes>(?:\d+|các|tất cả các) xã, phường(?:, thị trấn)?)"
    r"|(?P<districts>(?:\d+|các|tất cả các) huyện, (?:thị xã, )?thành phố))",
    "search", "a total over one level of government is neither the province's nor one district's",
    ["cấp huyện tiếp 979 lượt", "91 xã, phường, thị trấn trên địa bàn tỉnh", "các huyện, thị xã, thành phố tiếp",
     "UBND cấp xã tiếp nhận"],
    ["Ban Tiếp công dân cấp tỉnh tiếp nhận", "cấp ủy các cấp", "huyện Duy Xuyên"], flags=regex.V1,
    literals=("cấp ", "xã, phường", "huyện, "))
TITLE_HEAD = _w(
    "title_head",
    r"\s*(?:[^:\-–]{2,20}:\s*(?:[^,]{0,20},\s*)?(?=(?:Q\.|[Hh]uyện|[Qq]uận|[Tt]hị xã)))?"
    r"(?P<prefix>(?:[Hh]uyện|[Tt]hị xã|[Qq]uận)\s+)?(?:Q\.\s?(?P<ward>\d{1,2})\b|(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2}))",
    "match", "the subject a title opens with: a district there makes the document that district's report",
    ["Duy Xuyên đạt tổng thu ngân sách", "Huyện Vĩnh Linh: Nhiều chỉ tiêu", "TP.HCM: Trong 3 năm, Q.1 chỉ có"],
    ["thu ngân sách tăng mạnh", "6 tháng đầu năm"], flags=regex.V1)
AGENCY = _w(
    "agency",
    r"(?:^|(?<=[,;:(]\s*)|(?<=\b(?:riêng|trong đó|bao gồm|gồm|là):?\s+))(?P<agency>"
    r"Trung tâm (?:Phục vụ )?[Hh]ành chính công(?: tỉnh)?"
    r"|Sở \p{Lu}\p{L}*(?: (?!cho|toàn|đã|theo|báo)\p{L}+){0,6}?(?=\s+(?:\d|đã|tiếp nhận|kết|giải quyết|có|với))"
    r"|(?:Đảng bộ )?(?:Công an|Quân sự|Bộ đội Biên phòng|Bộ Chỉ huy Quân sự) (?:tỉnh|thành phố)"
    r"|Đảng (?:bộ|ủy|uỷ) (?:Khối|Các Khu|Quân sự|Công an)(?: \p{L}+){0,6}? (?:tỉnh|thành phố)"
    r"|Ban Tiếp công dân(?: tỉnh)?)",
    "search", "an agency as the subject of its clause makes an organisation's figure; a source (`Theo Sở …`) does not",
    ["Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận", "…, Sở Tư pháp 2,12 ngàn HS",
     "; Đảng bộ Khối Cơ quan Dân Chính Đảng thành phố kết nạp"],
    ["Theo Sở Tài chính cho biết", "UBND tỉnh đã tiếp nhận"], flags=regex.V1,
    literals=("trung tâm", "sở ", "công an", "quân sự", "biên phòng", "đảng", "ban tiếp"))
QUALIFIED = _w(
    "qualified", r"[^\d;.()]{0,40}thuộc thẩm quyền", "match",
    "`đã giải quyết 10/16 vụ việc KNTC thuộc thẩm quyền`: the denominator itself is the count in jurisdiction",
    [" vụ việc KNTC thuộc thẩm quyền", " vụ việc khiếu nại, tố cáo thuộc thẩm quyền"],
    [" đơn; số đơn thuộc thẩm quyền", " vụ việc. Các vụ việc thuộc thẩm quyền"])

WORDINGS: tuple[Wording, ...] = tuple(v for v in globals().values() if isinstance(v, Wording))
