"""Party organisation: members, new members admitted, grassroots organisations."""
from pipeline.rules.base import rule, topic

# `với trên 98.000 đảng viên`: a count, maybe with its bound word, right after the cue
_COUNT = r" (?:trên |hơn |gần |khoảng )?[\d.,]+ "
TOPICS = [
    topic("party.members", rf"tổng số (?:đảng viên|ĐV)|nâng tổng số(?: (?:toàn|của) [^\d;,]{{0,30}}?)?(?= (?:lên )?[\d.,]+ (?:đảng viên|ĐV|đồng chí))|(?<!đối )(?:với|có)(?={_COUNT}(?:đảng viên|ĐV))|lên(?={_COUNT}(?:đảng viên|ĐV|đồng chí))|hiện có"),
    topic("party.admitted", r"kết nạp(?: được| mới)?|phát triển đảng viên(?: mới)?|phát triển(?= [\d.,]+ (?:đảng viên|ĐV))"),
    # a list of the Party's units: `toàn tỉnh có 18 đảng bộ trực thuộc; 761 tổ chức cơ sở đảng; …`
    topic("party.organizations", rf"hiện có|sinh hoạt tại|[;,]\s*(?=[\d.,]+ (?:tổ chức cơ sở|TCCS))|(?<!đối )(?:với|có)(?={_COUNT}(?:tổ chức cơ sở|TCCS))"),
    # sent to classes, made full members: not admissions
    topic("party.other", r"kiểm tra|giám sát|kỷ luật|khiển trách|cảnh cáo|xử lý kỷ luật|khai trừ|đối với|(?<!\w)cử(?!\w)|học lớp|chuyển (?:đảng )?chính thức|công nhận đảng viên chính thức"),
]

# a part of the membership named in the noun: `đảng viên người dân tộc`, `đảng viên chi bộ nông thôn`
_PART = r"(?! người| dân tộc| nữ| chi bộ| trẻ| là)"
_MEMBERS = rf"đảng viên(?! mới| vi phạm){_PART}|ĐV(?! mới| vi phạm){_PART}"
_ORGS = r"tổ chức cơ sở (?:đảng|Đảng)|TCCS đảng|TCCSĐ"
# `có 18 đảng viên bị thi hành kỷ luật`, `125 đảng viên từ trần`: members something happened to,
# not the membership
_NOT_ALL = (r"\s*(?:bị|được|phải|chưa|không|từ trần|qua đời|xin|chuyển|ra khỏi|học)\b"
            # a part of the membership: `400 đảng viên người dân tộc thiểu số`, `300 đảng viên là nữ`, `3 đảng viên chi bộ nông thôn`
            r"|\s*(?:là\s+)?(?:người (?:dân tộc|có đạo|công giáo)|dân tộc thiểu số|nữ|chi bộ|trẻ|đoàn viên|trong độ tuổi)\b")
# `…, trong đó 245 đảng viên là người dân tộc thiểu số`, `…, đảng viên nữ 14 đồng chí`: a part
# of the figure before it, unless the part has its own verb (`trong đó, Đảng bộ huyện A kết nạp 52 ĐV mới`)
_LABELLED = r"[,;:]\s*(?:đảng viên|ĐV)\b"
_PART_OF_MEMBERS = rf"(?:trong đó|gồm)\s*:?\s*có\s*|(?:trong đó|gồm|{_LABELLED})(?:(?!(?:có|với|lên)\s+(?:(?:trên|hơn|gần|khoảng)\s+)?$)[^\d;]){{0,60}}"
_PART_OF_ADMITTED = rf"(?:trong đó|{_LABELLED})(?:(?!kết nạp|phát triển)[^\d;]){{0,60}}"
RULES = [
    rule("party.members", "party_members", "party.members", "count", noun=_MEMBERS, unless_after=_NOT_ALL,
         unless_before=_PART_OF_MEMBERS),
    # `đồng chí` counts members only after the membership is named (`nâng tổng số ĐV lên 20.952 đồng chí`)
    rule("party.members_comrades", "party_members", "party.members", "count", noun=r"đồng chí", unless_after=_NOT_ALL,
         before=r"tổng số (?:đảng viên|ĐV)[^\d;]*|\blên\s*(?:(?:trên|hơn|gần|khoảng)\s*)?"),
    rule("party.admitted", "party_members_admitted", "party.admitted", "count", noun=rf"đảng viên{_PART}|ĐV{_PART}|quần chúng|đồng chí", unless_after=r"\s*là\s+(?:nữ|người|đoàn viên|dân tộc)",
         unless_before=_PART_OF_ADMITTED),
    rule("party.organizations", "party_organizations", "party.organizations", "count", noun=_ORGS, unless_after=_NOT_ALL),
    rule("party.organizations_in_members", "party_organizations", "party.members", "count", noun=_ORGS, unless_after=_NOT_ALL),
    rule("party.members_in_organizations", "party_members", "party.organizations", "count", noun=_MEMBERS,
         unless_after=_NOT_ALL, unless_before=_PART_OF_MEMBERS),
]

EXAMPLES = [
    ("Đến 31/3/2021, toàn tỉnh có 18 đảng bộ trực thuộc Tỉnh ủy; 761 tổ chức cơ sở đảng; 3.106 chi bộ trực thuộc đảng bộ.",
     {"761": "party_organizations"}),
    ("Toàn Đảng bộ thành phố có 12 đảng bộ cấp trên cơ sở, 402 tổ chức cơ sở đảng với 31.250 đảng viên.",
     {"402": "party_organizations", "31.250": "party_members"}),
    ("Trong quý I/2021, toàn tỉnh kết nạp 178 đảng viên mới, nâng tổng số toàn Đảng bộ tỉnh 47.174 đảng viên.",
     {"178": "party_members_admitted", "47.174": "party_members"}),
    ("Năm 2022 kết nạp 96 đảng viên, nâng tổng số của Đảng bộ huyện lên 4.120 đảng viên.",
     {"96": "party_members_admitted", "4.120": "party_members"}),
    ("Đảng bộ huyện hiện có 58 tổ chức cơ sở Đảng trực thuộc (23 đảng bộ, 35 chi bộ) với 4.883 đảng viên.",
     {"58": "party_organizations", "4.883": "party_members"}),
    ("Toàn tỉnh kết nạp được 603 đảng viên mới.", {"603": "party_members_admitted"}),
    ("Các đảng bộ trực thuộc kết nạp được 288 đảng viên (ĐV) mới, đạt 35,34% chỉ tiêu.", {"288": "party_members_admitted"}),
    ("Đảng bộ Công an tỉnh kết nạp được 21 ĐV mới; Đảng bộ huyện Ninh Phước kết nạp 52 ĐV mới.",
     {"21": "party_members_admitted", "52": "party_members_admitted"}),
    ("Nâng tổng số ĐV của tỉnh lên 20.952 đồng chí, sinh hoạt tại 434 tổ chức cơ sở đảng.",
     {"20.952": "party_members", "434": "party_organizations"}),
    ("Đưa tổng số đảng viên trong toàn Đảng bộ đạt 74.108 đảng viên.", {"74.108": "party_members"}),
    ("Nhiệm kỳ qua phát triển đảng viên mới 8.793/6.500 đảng viên.", {"8.793": "party_members_admitted"}),
    ("Đảng bộ tỉnh có 52.300 đảng viên.", {"52.300": "party_members"}),
    ("Đến ngày 30/9, Đảng bộ tỉnh có 1.025 tổ chức cơ sở đảng với trên 98.000 đảng viên.",
     {"1.025": "party_organizations", "98.000": "party_members"}),
    ("Năm 2022 kết nạp 1.250 đảng viên mới.", {"1.250": "party_members_admitted"}),
    ("Đảng bộ tỉnh hiện có 620 tổ chức cơ sở đảng.", {"620": "party_organizations"}),
    ("Đến cuối năm, toàn Đảng bộ tỉnh có 1.024 tổ chức cơ sở đảng, 45.312 đảng viên.",
     {"1.024": "party_organizations", "45.312": "party_members"}),
    ("Kết nạp 1.532 đảng viên mới, trong đó 245 đảng viên là người dân tộc thiểu số.", {"1.532": "party_members_admitted"}),
    ("Toàn Đảng bộ tỉnh có 56.234 đảng viên, trong đó đảng viên nữ là 18.345 đồng chí, đảng viên là người có đạo 312 đồng chí.",
     {"56.234": "party_members"}),
    ("Toàn tỉnh có 56.234 đảng viên; trong đó, Đảng bộ huyện Lệ Thủy có 3.000 đảng viên.", {"56.234": "party_members", "3.000": "party_members"}),
    ("Số đảng viên mới kết nạp trong năm là 987 đồng chí.", {"987": "party_members_admitted"}),
    ("Tổng số đảng viên toàn Đảng bộ là 34.567 đồng chí.", {"34.567": "party_members"}),
]

COUNTER_EXAMPLES = [
    "Năm 2022, đảng bộ còn cử 6 quần chúng ưu tú học lớp đối tượng kết nạp đảng, cử 4 đảng viên học lớp đảng viên mới.",
    "Năm 2022, đảng bộ chuyển đảng chính thức cho 5 đảng viên.",
    "Trong số đảng viên được kết nạp, có gần 400 đảng viên người dân tộc thiểu số, hơn 300 đảng viên là nữ.",
    "Năm 2023, đảng bộ xã có 3 đảng viên chi bộ nông thôn, 2 đảng viên chi bộ giáo dục.",
    "Năm 2022 có 12 chi bộ; 3 tổ chức cơ sở đảng bị kỷ luật.",
    "Ủy ban Kiểm tra đã kiểm tra 759 tổ chức đảng và 2.075 đảng viên.",
    "Giám sát chuyên đề đối với 447 tổ chức và 1.528 đảng viên.",
    "Các cấp ủy xử lý kỷ luật đối với 175 đảng viên.",
    "Thi hành kỷ luật đối với 3 tổ chức Đảng và 180 đảng viên.",
    "100% chi bộ đăng ký xây dựng mô hình.",
    "Có 149 đảng bộ cơ sở với 1.251 chi bộ trực thuộc.",
    "Đã kiểm tra 250 đảng viên, trong đó có trên 100 đồng chí cấp ủy viên các cấp.",
    "Có 18 đảng viên bị thi hành kỷ luật.",
    "Đảng bộ hiện có 4.567 đảng viên được miễn sinh hoạt.",
    "Trong năm 2023, toàn tỉnh có 125 đảng viên từ trần, 34 đảng viên xin ra khỏi Đảng.",
    "Hiện có 45 đồng chí cán bộ chủ chốt chưa đạt chuẩn.",
]
