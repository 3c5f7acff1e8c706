"""The literals read off a regex: one of them stands in every text it matches."""
import pytest

from pipeline.literals import required_literals


@pytest.mark.parametrize("source, expected", [
    ("thu ngân sách", {"thu ngân sách"}),
    ("(?:tổng )?thu (?:cân đối )?(?:ngân sách|nsnn)(?! nhà nước)", {"thu ngân sách", "thu nsnn", "thu cân đối ngân sách",
                                                                     "thu cân đối nsnn"}),
    # a lookahead's text is in the text searched: `có 12 đơn`
    (r"(?<!\w)(?:có|gồm)(?= [\d.,]+ (?:đơn|vụ))", {" đơn", " vụ"}),
    # every branch must say, else nothing is known
    (r"hộ nghèo|[\s(]\d", None),
    (r"k[ỳì] trước", {"kỳ trước", "kì trước"}),
    (r"(?:lũy|luỹ) kế", {"lũy kế", "luỹ kế"}),
    # a longer literal holding a shorter one adds nothing
    (r"đúng hạn|(?:đúng|trước) hạn và đúng hạn", {"đúng hạn"}),
    # case-insensitive patterns and syntax only the regex module reads say nothing
    (r"(?i)thu ngân sách", None),
    (r"(?i:thu) ngân sách", {" ngân sách"}),
    (r"\p{L}+ đồng", None),
    # what the standard parser would misread: nested sets, set operations, fuzzy matching
    (r"[[ab]c] đồng", None),
    (r"[\w--\d]+ đồng", None),
    (r"(?:thu ngân sách){e<=1}", None),
])
def test_required_literals(source, expected):
    got = required_literals(source)
    assert (set(got) if got is not None else None) == expected

