import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.provinces import (
    District,
    Province,
    find_places,
    lookup_district,
    lookup_province,
    place_key,
    provinces,
    districts,
    successor,
)

AFTER = date(2025, 8, 1)


def _province(name: str, era: str = "2008") -> Province:
    (found,) = [p for p in provinces(era) if p.name == name]
    return found


# --- reference data --------------------------------------------------------------------

def test_counts():
    assert len(provinces("2008")) == 63
    assert len(provinces("2025")) == 34
    assert len(provinces()) == 97
    assert 650 <= len(districts()) <= 750


def test_keys_are_code_and_era():
    assert len({(p.code, p.era) for p in provinces()}) == len(provinces())
    assert len({d.code for d in districts()}) == len(districts())


def test_code_82_was_reused():
    assert lookup_province("Tiền Giang", date(2024, 1, 1)).code == "82"
    assert [p.name for p in provinces("2025") if p.code == "82"] == ["Đồng Tháp"]
    assert successor(lookup_province("Tiền Giang")).name == "Đồng Tháp"


@pytest.mark.parametrize("province", provinces("2008"), ids=lambda p: p.name)
def test_every_2008_province_has_a_2025_successor(province):
    merged_into = successor(province)
    assert merged_into is not None and merged_into.era == "2025"


def test_every_2025_province_succeeds_some_2008_province():
    assert {successor(p).code for p in provinces("2008")} == {p.code for p in provinces("2025")}
    assert all(p.successor_code is None and successor(p) is None for p in provinces("2025"))


def test_partial_successors_are_other_2025_units():
    """A unit split across the merger lists the other units that received part of it; the
    package records no split at province level, so every old unit went whole into one."""
    codes = {p.code for p in provinces("2025")}
    for province in provinces("2008"):
        assert set(province.partial_successor_codes) <= codes - {province.successor_code}
    assert all(p.partial_successor_codes == () for p in provinces())


def test_every_district_lies_in_a_2008_province():
    codes = {p.code for p in provinces("2008")}
    assert all(d.province_code in codes for d in districts())
    assert {d.kind for d in districts()} == {"huyện", "quận", "thị xã", "thành phố"}


def test_names_are_nfc_without_unit_prefix():
    for unit in (*provinces(), *districts()):
        for name in (unit.name, *unit.aliases):
            assert name == unicodedata.normalize("NFC", name)
    for p in provinces():
        assert not p.name.startswith(("Tỉnh", "Thành phố")) and p.kind in ("tỉnh", "thành phố")


@pytest.mark.parametrize("era", ["2008", "2025"])
def test_no_name_denotes_two_provinces_of_one_era(era):
    keys = [key for p in provinces(era) for key in {place_key(n) for n in (p.name, *p.aliases)}]
    assert len(keys) == len(set(keys))


# --- lookups ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "on", "name", "era"),
    [
        ("Lạng Sơn", None, "Lạng Sơn", "2008"),
        ("Lang Son", None, "Lạng Sơn", "2008"),
        ("LẠNG SƠN", None, "Lạng Sơn", "2008"),
        ("tỉnh Lạng Sơn", None, "Lạng Sơn", "2008"),
        ("Tỉnh  Lạng   Sơn", None, "Lạng Sơn", "2008"),
        ("Quang Nam", None, "Quảng Nam", "2008"),
        ("Khánh Hoà", None, "Khánh Hòa", "2008"),
        ("Khánh Hòa", None, "Khánh Hòa", "2008"),
        ("Thanh Hoá", None, "Thanh Hóa", "2008"),
        ("Hoà Bình", None, "Hòa Bình", "2008"),
        ("\u00d0iện Biên", None, "Điện Biên", "2008"),
        ("\u00d0ồng Nai", None, "Đồng Nai", "2008"),
        ("Bà Rịa–Vũng Tàu", None, "Bà Rịa - Vũng Tàu", "2008"),
        ("Bà Rịa-Vũng Tàu", None, "Bà Rịa - Vũng Tàu", "2008"),
        ("Bà Rịa Vũng Tàu", None, "Bà Rịa - Vũng Tàu", "2008"),
        ("BR-VT", None, "Bà Rịa - Vũng Tàu", "2008"),
        ("TP.HCM", None, "Hồ Chí Minh", "2008"),
        ("TP. HCM", None, "Hồ Chí Minh", "2008"),
        ("TPHCM", None, "Hồ Chí Minh", "2008"),
        ("TP Hồ Chí Minh", None, "Hồ Chí Minh", "2008"),
        ("Thành phố Hồ Chí Minh", None, "Hồ Chí Minh", "2008"),
        ("thành phố Hồ Chí Minh", None, "Hồ Chí Minh", "2008"),
        ("Sài Gòn", None, "Hồ Chí Minh", "2008"),
        ("TP. Cần Thơ", None, "Cần Thơ", "2008"),
        ("Thừa Thiên Huế", None, "Thừa Thiên Huế", "2008"),
        ("Huế", None, "Thừa Thiên Huế", "2008"),
        ("Huế", AFTER, "Huế", "2025"),
        ("Thừa Thiên Huế", AFTER, "Huế", "2025"),
        ("Đăk Lăk", None, "Đắk Lắk", "2008"),
        ("Báo Quảng Ngãi", None, "Quảng Ngãi", "2008"),
        ("báo Lạng Sơn", None, "Lạng Sơn", "2008"),
        ("UBND tỉnh Quảng Nam", None, "Quảng Nam", "2008"),
        ("Tỉnh ủy Quảng Nam", None, "Quảng Nam", "2008"),
        ("Tiền Giang", date(2024, 1, 1), "Tiền Giang", "2008"),
        ("Tiền Giang", AFTER, "Tiền Giang", "2008"),  # gone after the merger: the old unit
        ("Đồng Tháp", date(2025, 6, 30), "Đồng Tháp", "2008"),
        ("Đồng Tháp", date(2025, 7, 1), "Đồng Tháp", "2025"),
        ("Hà Nội", AFTER, "Hà Nội", "2025"),
    ],
)
def test_lookup_province(written, on, name, era):
    found = lookup_province(written, on)
    assert (found.name, found.era) == (name, era)
    assert found == _province(name, era)


@pytest.mark.parametrize(
    "written", ["Quảng", "Nam", "", "   ", "Việt Nam", "Trung ương", "tỉnh", "Thành phố",
                "Điện Biên Phủ", "Quận 1", "Hồ Chí", "Lạng Sơn Lạng Sơn"],
)
def test_lookup_province_rejects(written):
    assert lookup_province(written) is None


@pytest.mark.parametrize(
    ("written", "province", "name", "province_code"),
    [
        ("ĐBP", None, "Điện Biên Phủ", "11"),
        ("thành phố Điện Biên Phủ", None, "Điện Biên Phủ", "11"),
        ("TP. Điện Biên Phủ", None, "Điện Biên Phủ", "11"),
        ("Dien Bien Phu", None, "Điện Biên Phủ", "11"),
        ("huyện Tuần Giáo", None, "Tuần Giáo", "11"),
        ("thị xã Mường Lay", None, "Mường Lay", "11"),
        ("Thị xã Mường Lay", None, "Mường Lay", "11"),
        ("Quận 1", None, "Quận 1", "79"),
        ("quận 1", None, "Quận 1", "79"),
        ("Quận 9", None, "Thủ Đức", "79"),
        ("thị xã Cửa Lò", None, "Vinh", "40"),
        ("thành phố Lạng Sơn", None, "Lạng Sơn", "20"),
        ("Kỳ Sơn", ("Nghệ An", "2008"), "Kỳ Sơn", "40"),
        ("Châu Thành", ("Tiền Giang", "2008"), "Châu Thành", "82"),
        ("Châu Thành", ("Hậu Giang", "2008"), "Châu Thành", "93"),
        ("Hương Thuỷ", ("Huế", "2025"), "Hương Thủy", "46"),
    ],
)
def test_lookup_district(written, province, name, province_code):
    found = lookup_district(written, _province(*province) if province else None)
    assert (found.name, found.province_code) == (name, province_code)


def test_shared_district_name_without_province_takes_lowest_code():
    shared = sorted(d.code for d in districts() if d.name == "Châu Thành")
    assert len(shared) > 1
    assert lookup_district("Châu Thành").code == shared[0]


def test_district_in_a_2025_province_is_found_through_its_predecessors():
    merged = _province("Đồng Tháp", "2025")
    assert lookup_district("Châu Thành", merged).province_code in {"82", "87"}


@pytest.mark.parametrize(
    ("written", "province"),
    [("Hà Nội", None), ("Quảng Nam", None), ("", None), ("huyện", None),
     ("Châu Thành", ("Hà Nội", "2008")), ("Tuần Giáo", ("Lạng Sơn", "2008"))],
)
def test_lookup_district_rejects(written, province):
    assert lookup_district(written, _province(*province) if province else None) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("Khánh Hoà", "khánh hòa"), ("Thuỷ", "Thủy"), ("\u00d0ông", "Đông"), ("Lạng Sơn", "LANG  SON"),
     ("Bà Rịa–Vũng Tàu", "ba ria - vung tau"), ("Quảng Nam", unicodedata.normalize("NFD", "Quảng Nam"))],
)
def test_place_key_folds(a, b):
    assert place_key(a) == place_key(b)


# --- running text ----------------------------------------------------------------------

# (text, [(surface, kind, province name, district name)]): surfaces in order of appearance.
SENTENCES = [
    ("Ban Thường vụ Tỉnh ủy Quảng Nam đã ban hành kế hoạch",
     [("Tỉnh ủy Quảng Nam", "province", "Quảng Nam", None)]),
    ("Ban Thường vụ Tỉnh uỷ Quảng Nam", [("Tỉnh uỷ Quảng Nam", "province", "Quảng Nam", None)]),
    ("Năm 2022, huyện Tuần Giáo đã giải quyết 149 đơn/158 đơn",
     [("huyện Tuần Giáo", "district", "Điện Biên", "Tuần Giáo")]),
    ("Thu ngân sách trên địa bàn TP. Điện Biên Phủ đạt 512 tỷ đồng",
     [("TP. Điện Biên Phủ", "district", "Điện Biên", "Điện Biên Phủ")]),
    ("Huyện ủy Tuần Giáo và Thị ủy Mường Lay",
     [("Huyện ủy Tuần Giáo", "district", "Điện Biên", "Tuần Giáo"),
      ("Thị ủy Mường Lay", "district", "Điện Biên", "Mường Lay")]),
    ("thị xã Mường Lay có 4 đơn vị hành chính",
     [("thị xã Mường Lay", "district", "Điện Biên", "Mường Lay")]),
    ("Theo Báo Quảng Ngãi, tổng thu ngân sách tăng", [("Báo Quảng Ngãi", "province", "Quảng Ngãi", None)]),
    ("Báo Điện Biên Phủ đưa tin", [("Báo Điện Biên Phủ", "province", "Điện Biên", None)]),
    ("UBND tỉnh Bà Rịa–Vũng Tàu vừa báo cáo",
     [("tỉnh Bà Rịa–Vũng Tàu", "province", "Bà Rịa - Vũng Tàu", None)]),
    ("GRDP của Khánh Hoà và Lạng Sơn tăng",
     [("Khánh Hoà", "province", "Khánh Hòa", None), ("Lạng Sơn", "province", "Lạng Sơn", None)]),
    ("thành phố Lạng Sơn là đô thị loại II của tỉnh Lạng Sơn",
     [("thành phố Lạng Sơn", "district", "Lạng Sơn", "Lạng Sơn"),
      ("tỉnh Lạng Sơn", "province", "Lạng Sơn", None)]),
    ("TP.HCM, TP. HCM và Hà Nội dẫn đầu",
     [("TP.HCM", "province", "Hồ Chí Minh", None), ("TP. HCM", "province", "Hồ Chí Minh", None),
      ("Hà Nội", "province", "Hà Nội", None)]),
    ("Thành phố Cần Thơ và thành phố Hà Nội",
     [("Thành phố Cần Thơ", "province", "Cần Thơ", None), ("thành phố Hà Nội", "province", "Hà Nội", None)]),
    ("Thành ủy Hà Nội chỉ đạo", [("Thành ủy Hà Nội", "province", "Hà Nội", None)]),
    ("tỉnh Quang Nam", [("tỉnh Quang Nam", "province", "Quảng Nam", None)]),
    ("tinh Lang Son, huyen Tuan Giao", [("tinh Lang Son", "province", "Lạng Sơn", None),
                                        ("huyen Tuan Giao", "district", "Điện Biên", "Tuần Giáo")]),
    ("TỈNH QUẢNG NAM", [("TỈNH QUẢNG NAM", "province", "Quảng Nam", None)]),
    ("Quận 1 và quận 10", [("Quận 1", "district", "Hồ Chí Minh", "Quận 1"),
                           ("quận 10", "district", "Hồ Chí Minh", "Quận 10")]),
    ("các cơ quan Tây Ninh", [("Tây Ninh", "province", "Tây Ninh", None)]),
    ("tình hình Lạng Sơn", [("Lạng Sơn", "province", "Lạng Sơn", None)]),
    ("tính Cao Bằng, tình Cao Bằng", [("Cao Bằng", "province", "Cao Bằng", None),
                                     ("Cao Bằng", "province", "Cao Bằng", None)]),
    ("ở Hoà Bình,\nĐồng Nai", [("Hoà Bình", "province", "Hòa Bình", None),
                               ("Đồng Nai", "province", "Đồng Nai", None)]),
    ("\u00d0ồng Nai thu 17.363 tỷ", [("\u00d0ồng Nai", "province", "Đồng Nai", None)]),
]

NO_PLACES = [
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "báo cáo bằng văn bản",
    "giữ vững hòa bình, ổn định",
    "kỷ niệm chiến thắng Điện Biên Phủ",
    "bà Nguyễn Thị Huế, ông Trần Văn Thái Bình",
    "Quang Nam",
    "quảng nam",
    "Việt Nam và Trung ương",
    "tỉnh đã tiếp nhận 6.353 hồ sơ",
    "Hà Nộii",
    "cơ quan 1 cửa, có 6 huyện, 1 thị xã",
    "",
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[t for t, _ in SENTENCES])
def test_find_places(text, expected):
    found = find_places(text)
    got = [(text[m.start:m.end], m.kind, m.province.name, m.district and m.district.name) for m in found]
    assert got == expected
    position = 0
    for match, (surface, *_) in zip(found, expected):
        assert match.start == text.index(surface, position)
        position = match.end


@pytest.mark.parametrize("text", NO_PLACES)
def test_find_places_rejects(text):
    assert find_places(text) == []


def test_find_places_prefers_the_documents_province():
    text = "huyện Châu Thành"
    tien_giang = lookup_province("Tiền Giang")
    (preferred,) = find_places(text, prefer=tien_giang)
    assert preferred.district.province_code == "82" and preferred.province == tien_giang
    (default,) = find_places(text)
    assert default.district.code == min(d.code for d in districts() if d.name == "Châu Thành")


def test_find_places_era_follows_the_date():
    (before,) = find_places("tỉnh Đồng Tháp")
    (after,) = find_places("tỉnh Đồng Tháp", on=AFTER)
    assert (before.province.code, before.province.era) == ("87", "2008")
    assert (after.province.code, after.province.era) == ("82", "2025")


@pytest.mark.parametrize("province", provinces(), ids=lambda p: f"{p.era}-{p.name}")
def test_every_province_is_found_by_name(province):
    on = AFTER if province.era == "2025" else None
    texts = [f"UBND tỉnh {province.name}"]
    if province.kind == "thành phố":
        texts.append(f"Thành ủy {province.name}")
    if province.name != "Hồ Chí Minh":  # bare, that is the president (see NO_PLACES)
        texts.append(f"Năm 2022, {province.name} tăng")
    for text in texts:
        (match,) = find_places(text, on=on)
        assert match.kind == "province" and match.province == province


def _as_written(district: District) -> str:
    return district.name if district.name.startswith("Quận ") else f"{district.kind} {district.name}"


def test_every_district_is_found_with_its_kind():
    wrong = []
    for district in districts():
        province = _province_of(district)
        text = f"Tại {_as_written(district)}, thu ngân sách tăng"
        found = [(m.district, m.province) for m in find_places(text, prefer=province)]
        if found != [(district, province)]:
            wrong.append((text, found))
    assert wrong == []


def _province_of(district: District) -> Province:
    (found,) = [p for p in provinces("2008") if p.code == district.province_code]
    return found


_NAMES = [p.name for p in provinces()] + [d.name for d in districts()[::7]]
_PIECES = st.sampled_from(
    _NAMES + ["tỉnh ", "huyện ", "TP.", "TP ", "thị xã ", "Tỉnh ủy ", "Báo ", " ", "-", "–", ".", ",",
              "\n", "\u00d0", "İ", "ß", "\u0301", "Hoà", "ủy", "quận ", "Quận 1", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=12).map("".join)))
def test_find_places_never_raises_and_spans_lie_inside(text):
    position = 0
    for match in find_places(text):
        assert position <= match.start < match.end <= len(text)
        assert match.kind in ("province", "district")
        assert (match.district is None) == (match.kind == "province")
        position = match.end


def test_the_fold_table_folds_as_the_fold_mapping():
    """provinces folds with a string table (fast); it must say what the mapping says, everywhere."""
    from pipeline.provinces import _FOLD, _FOLD_TABLE
    text = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert text.translate(_FOLD_TABLE) == text.translate(_FOLD)


@pytest.mark.parametrize("text, start", [
    ("Hà Nội tăng 5%", 0), ("(Hà Nội) tăng", 1), ("“Hà Nội” tăng", 1), ("xã Hà Nội", 3), ("\nHà Nội", 1),
    ("_Hà Nội", None), ("aHà Nội", None),
])
def test_a_place_opens_the_text_or_follows_a_break(text, start):
    """The pattern consumes the break before a place: the text's start counts as one, a word
    character or an underscore does not."""
    from pipeline.provinces import find_places
    assert [m.start for m in find_places(text)] == ([] if start is None else [start])
