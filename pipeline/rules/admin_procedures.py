"""Administrative-procedure dossiers: received, returned on time, and the on-time rate."""
from pipeline.rules.base import rule, topic

_IN_TIME = r"(?:(?:đúng|trước)(?: hạn)?(?: và|,) (?:đúng|trước)|đúng|trước) hạn"
_SHARE_ON_TIME = r"[\d,]+\s*%\s*(?:số )?(?:hồ sơ|HS)[^.;%\d]{0,50}?(?:đúng|trước) hạn"
TOPICS = [
    topic("admin.received", r"tiếp nhận(?: mới)?(?: và giải quyết)?|có(?= [\d.,]+ (?:hồ sơ|HS))|tổng số|số lượng (?:hồ sơ|HS) tiếp nhận[^.;]{0,40}?"),
    # also `trong đó đúng và trước hạn 178.912 hồ sơ` and `; 99% hồ sơ được giải quyết đúng hạn, …`
    topic("admin.on_time", rf"(?:trả|giải quyết|có kết quả|hoàn thành)[^.;,]{{0,40}}?{_IN_TIME}|tỷ lệ[^.;%\d]{{0,60}}?{_IN_TIME}"
                           r"|(?:đúng|trước)(?: hạn)?(?: và|,) (?:đúng|trước) hạn"
                           rf"|[\s(](?={_SHARE_ON_TIME})"),
    # resolved, returned, early or on time alone, carried over: not the dossiers received
    topic("admin.other", r"trực tuyến|quá hạn|trễ hạn|đến hạn|(?:đúng|trước) hạn|bưu chính|trả hồ sơ|trả kết quả"
                         r"|giải quyết(?: xong)?(?= (?:được )?[\d.,]+(?: nghìn| ngàn)? (?:hồ sơ|HS))|chuyển sang|kỳ trước|tồn(?: đọng)?\b"),
]

# loans, tenders and school applications are dossiers too, but not administrative procedures
_DOSSIER = r"(?:hồ sơ|HS)(?! (?:(?:giải quyết|xử lý) )?(?:quá|trễ|đến|chậm)\b| trực tuyến| (?:đề nghị )?vay| dự thầu| dự tuyển| xét tuyển| thí sinh| bệnh án)"
RULES = [
    # `có 4.520 hồ sơ giải quyết đúng hạn`: dossiers returned on time are not the dossiers received
    rule("admin.received", "admin_dossiers_received", "admin.received", "count", noun=_DOSSIER,
         unless_after=r"\s*(?:đã |được )?(?:giải quyết|xử lý|trả(?: kết quả)?)?\s*(?:trước|đúng) hạn"),
    rule("admin.on_time", "admin_dossiers_on_time", "admin.on_time", "count", noun=_DOSSIER),
    rule("admin.on_time_rate", "admin_on_time_rate", "admin.on_time", "percent"),
    # `tiếp nhận 8.124 hồ sơ; 100% hồ sơ được giải quyết đúng hạn`
    rule("admin.on_time_share", "admin_on_time_rate", "admin.received", "percent",
         after=r"\s*(?:số )?(?:hồ sơ|HS)[^.;%\d]{0,50}?(?:đúng|trước) hạn"),
]

EXAMPLES = [
    ("Năm 2022, toàn tỉnh đã tiếp nhận và giải quyết 564.000 hồ sơ thủ tục hành chính, trong đó trả đúng và trước hạn 563.157 hồ sơ, đạt 99,8%.",
     {"564.000": "admin_dossiers_received", "563.157": "admin_dossiers_on_time", "99,8": "admin_on_time_rate"}),
    ("Quý I, toàn tỉnh có 178.661 hồ sơ yêu cầu giải quyết, tỷ lệ hồ sơ được giải quyết đúng hạn đạt 97%.",
     {"178.661": "admin_dossiers_received", "97": "admin_on_time_rate"}),
    ("Trung tâm đã tiếp nhận 61,3 ngàn hồ sơ (HS) các loại.", {"61,3": "admin_dossiers_received"}),
    ("Số lượng HS tiếp nhận tăng, với tổng số 25,2 ngàn HS.", {"25,2": "admin_dossiers_received"}),
    ("Trung tâm tiếp nhận mới hơn 2.500 hồ sơ.", {"2.500": "admin_dossiers_received"}),
    ("Hồ sơ có kết quả trả trước và đúng hạn là 2.425 hồ sơ (đạt gần 97%).", {"2.425": "admin_dossiers_on_time", "97": "admin_on_time_rate"}),
    ("Các cơ quan có số lượng HS tiếp nhận nhiều là: Công an tỉnh 7,7 ngàn HS, Sở Công Thương 3,7 ngàn HS.",
     {"7,7": "admin_dossiers_received", "3,7": "admin_dossiers_received"}),
    ("Đã giải quyết đúng hạn 12.300 hồ sơ.", {"12.300": "admin_dossiers_on_time"}),
    ("Bộ phận một cửa tiếp nhận 45.210 hồ sơ, trả kết quả đúng hạn 45.001 hồ sơ, đạt 99,5%.",
     {"45.210": "admin_dossiers_received", "45.001": "admin_dossiers_on_time", "99,5": "admin_on_time_rate"}),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,2%.", {"98,2": "admin_on_time_rate"}),
    ("Tỷ lệ giải quyết hồ sơ TTHC trước và đúng hạn đạt 99,1%.", {"99,1": "admin_on_time_rate"}),
    ("Các cơ quan tiếp nhận nhiều: Sở Tư pháp 2,12 ngàn HS, Sở Kế hoạch và Phát triển 2,14 ngàn HS.",
     {"2,12": "admin_dossiers_received", "2,14": "admin_dossiers_received"}),
    ("Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 182.456 hồ sơ, trong đó hồ sơ trực tuyến 121.310 hồ sơ (chiếm 66,5%); đã giải quyết 179.880 hồ sơ, trong đó đúng và trước hạn 178.912 hồ sơ, đạt 99,46%.",
     {"182.456": "admin_dossiers_received", "178.912": "admin_dossiers_on_time", "99,46": "admin_on_time_rate"}),
    ("Trung tâm tiếp nhận 8.124 hồ sơ; 100% hồ sơ được giải quyết đúng hạn.", {"8.124": "admin_dossiers_received", "100": "admin_on_time_rate"}),
    ("Trung tâm đã tiếp nhận 23.456 hồ sơ, trả kết quả 22.987 hồ sơ, trong đó trước hạn và đúng hạn 22.950 hồ sơ (đạt 99,8%).",
     {"23.456": "admin_dossiers_received", "22.950": "admin_dossiers_on_time", "99,8": "admin_on_time_rate"}),
    ("Tổng số hồ sơ tiếp nhận là 98.214 hồ sơ; số hồ sơ đã giải quyết 97.560 hồ sơ, trong đó trước hạn 80.112 hồ sơ, đúng hạn 17.230 hồ sơ.",
     {"98.214": "admin_dossiers_received"}),
    ("Tổng số hồ sơ TTHC tiếp nhận trong kỳ: 56.789 hồ sơ (kỳ trước chuyển sang 1.234 hồ sơ).", {"56.789": "admin_dossiers_received"}),
    ("Hồ sơ giải quyết trước hạn, đúng hạn đạt 99,3%.", {"99,3": "admin_on_time_rate"}),
    ("Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn, trước hạn đạt 99,5%.", {"99,5": "admin_on_time_rate"}),
]

COUNTER_EXAMPLES = [
    "Trong tháng 5/2021, có 12 hồ sơ giải quyết trễ hạn.",
    "Năm 2022, toàn tỉnh có 230 hồ sơ quá hạn.",
    "Số hồ sơ tiếp nhận trực tuyến là 105.970 hồ sơ.",
    "Có 13/20 cơ quan giải quyết trước và đúng hạn hồ sơ.",
    "Hạn chế thấp nhất việc trả hồ sơ giữa các cơ quan tiến hành tố tụng.",
    "Có 120 hồ sơ quá hạn.",
    "Số lượng hồ sơ tiếp nhận trong quý tăng 9,6 ngàn HS so với quý trước.",
    "Công bố 1.500 thủ tục hành chính.",
    "Tỷ lệ hồ sơ TTHC được tiếp nhận và giải quyết trực tuyến toàn trình đạt 45,3%.",
    "Cổng dịch vụ công trực tuyến của tỉnh tiếp nhận 12.340 hồ sơ trực tuyến.",
    "Ngân hàng Chính sách xã hội đã tiếp nhận 345 hồ sơ vay vốn.",
]
