import pytest

from pipeline.legacy_encodings import (
    CANDIDATES,
    decode_cp1258,
    decode_tcvn3,
    decode_vni,
    detect,
    guesses,
    is_syllable,
)


# Independent of this module's tables: examples published with other converters, and
# bytes written out by hand from the code charts.
@pytest.mark.parametrize(
    ("decode", "data", "expected"),
    [
        (decode_tcvn3, b"h\xe9p m\xf8t t\xd5t", "hộp mứt tết"),
        (decode_tcvn3, b"\xa7\xb6ng, Vi\xd6t Nam, ng\xad\xeai", "Đảng, Việt Nam, người"),
        (decode_tcvn3, b"\x93kh\xe8i\x94 \x96 \xa1n", "“khối” – Ăn"),
        (decode_vni, "Xin chaøo caùc baïn".encode("cp1252"), "Xin chào các bạn"),
        (decode_vni, "THAØNH PHOÁ HOÀ CHÍ MINH".encode("cp1252"), "THÀNH PHỐ HỒ CHÍ MINH"),
        (decode_vni, "Ñaûng, Vieät Nam, ngöôøi".encode("cp1252"), "Đảng, Việt Nam, người"),
        (
            decode_vni,
            "Quaûng Ngaõi, khuyûu, ñöôïc, Kyø".encode("cp1252"),
            "Quảng Ngãi, khuỷu, được, Kỳ",
        ),
        (decode_cp1258, b"Vi\xea\xf2t Nam, ng\xfd\xf5\xcci", "Việt Nam, người"),
    ],
)
def test_decoders(decode, data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("người", True),
        ("nghiêng", True),
        ("quyết", True),
        ("khuỷu", True),
        ("Đảng", True),
        ("ĐẢNG", True),
        ("giữ", True),
        ("oẳn", True),
        ("c¸c", False),
        ("chaøo", False),
        ("tÕt", False),
        ("été", False),
        ("français", False),
        ("hòả", False),
        ("nGười", False),
    ],
)
def test_syllable_shapes(word, valid):
    assert is_syllable(word) is valid


SENTENCE_TCVN3 = (
    b"N\xa8m 2021, t\xe6ng thu ng\xa9n s\xb8ch nh\xb5 n\xad\xedc \xae\xb9t 20.792 t\xfb \xae\xe5ng."
)


def test_detector_picks_the_clear_winner():
    guess = detect(SENTENCE_TCVN3)
    assert guess is not None and guess.encoding == "tcvn3"
    assert guess.text == "Năm 2021, tổng thu ngân sách nhà nước đạt 20.792 tỷ đồng."


@pytest.mark.parametrize(
    "data",
    [
        b"t\xd5t",  # one word is no evidence
        "L'été dernier, nous sommes allés à la mer où nous avons mangé des crêpes.".encode(
            "latin-1"
        ),
        bytes(range(1, 256)) * 4,
    ],
)
def test_detector_refuses_without_a_clear_winner(data):
    assert detect(data) is None
    assert sorted(g.encoding for g in guesses(data)) == sorted(CANDIDATES)
