"""Inspections completed and money recommended for recovery."""
from pipeline.rules.base import rule, topic

TOPICS = [
    topic("inspections.completed", r"(?:triển khai và )?kết thúc|hoàn thành|ban hành kết luận"),
    topic("inspections.recovery", r"kiến nghị thu hồi(?: về ngân sách(?: nhà nước)?)?"),
    # money recovered, fined or otherwise handled, and inspections still running, are not the catalogue's
    topic("inspections.other", r"đang (?:triển khai|tiếp tục|thực hiện)|dự thảo|đôn đốc|tiến hành|(?<!kiến nghị )thu hồi"
                               r"|xử phạt|phạt tiền|(?:kiến nghị )?xử lý (?:khác|hành chính)|phát hiện (?:sai|vi) phạm"
                               # what was collected back, and recommendations other than recovery
                               r"|đã thu(?: được| hồi)?|thu được|kiến nghị (?:khắc phục|khác|xử lý|kiểm điểm)"),
]

RULES = [
    rule("inspections.completed", "inspections_completed", "inspections.completed", "count",
         noun=r"cuộc(?! (?:diễn tập|điều tra|thi|họp|hội thảo|hội nghị|tọa đàm|tiếp xúc|vận động|khảo sát|giám sát))"),
    rule("inspections.recovery", "recovery_recommended", "inspections.recovery", "VND"),
]

EXAMPLES = [
    ("Năm 2023, Thanh tra tỉnh đã ban hành kết luận 12/15 cuộc thanh tra.", {"12": "inspections_completed"}),
    ("Triển khai và kết thúc 16/20 cuộc thanh tra việc thực hiện các quy định của pháp luật về phòng, chống tham nhũng, kiến nghị thu hồi 719,69 triệu đồng.",
     {"16": "inspections_completed", "719,69": "recovery_recommended"}),
    ("Thanh tra tỉnh đã kết thúc 3 cuộc thanh tra trách nhiệm.", {"3": "inspections_completed"}),
    ("Ngành thanh tra hoàn thành 42 cuộc thanh tra hành chính.", {"42": "inspections_completed"}),
    ("Kiến nghị thu hồi về ngân sách nhà nước 2,5 tỷ đồng.", {"2,5": "recovery_recommended"}),
    ("Đã kết thúc 12 cuộc, kiến nghị thu hồi 1,2 tỷ đồng.", {"12": "inspections_completed", "1,2": "recovery_recommended"}),
    ("Trong năm, đã kết thúc 25/30 cuộc thanh tra.", {"25": "inspections_completed"}),
    ("Qua thanh tra, kiến nghị thu hồi 350 triệu đồng.", {"350": "recovery_recommended"}),
    ("Năm 2019, kiến nghị thu hồi 1,4 tỷ đồng, kiến nghị khắc phục hơn 4,6 tỷ đồng, đã thu hồi 900 triệu đồng.", {"1,4": "recovery_recommended"}),
    ("Hoàn thành 8 cuộc kiểm tra công vụ.", {"8": "inspections_completed"}),
    ("Kết thúc 5 cuộc thanh tra, kiến nghị thu hồi hơn 900 triệu đồng.", {"5": "inspections_completed", "900": "recovery_recommended"}),
    ("Thanh tra huyện đã kết thúc 4 cuộc thanh tra.", {"4": "inspections_completed"}),
    ("Thanh tra tỉnh đã ban hành kết luận 6 cuộc thanh tra, kiến nghị thu hồi về ngân sách 2,35 tỷ đồng.",
     {"6": "inspections_completed", "2,35": "recovery_recommended"}),
    ("Kiến nghị thu hồi 1.250 triệu đồng, đã thu hồi 980 triệu đồng (đạt 78,4%).", {"1.250": "recovery_recommended"}),
    ("Qua thanh tra, kiểm tra chuyên ngành đã kiến nghị thu hồi nộp ngân sách nhà nước 4,56 tỷ đồng, xử phạt vi phạm hành chính 2,3 tỷ đồng.",
     {"4,56": "recovery_recommended"}),
    ("Kết quả thanh tra kiến nghị thu hồi 2,8 tỷ đồng và 1.456 m2 đất; kiến nghị xử lý khác 3,6 tỷ đồng.", {"2,8": "recovery_recommended"}),
    ("Thanh tra tỉnh tiến hành 12 cuộc thanh tra; đến nay đã kết thúc 10 cuộc, đang tiếp tục 2 cuộc.", {"10": "inspections_completed"}),
]

COUNTER_EXAMPLES = [
    "Năm 2023, kiến nghị khác hơn 5,4 tỷ đồng; đã thu được hơn 3,26 tỷ đồng (đạt 50%).",
    "Năm 2019, phát hiện hơn 5,5 tỷ đồng vi phạm, kiến nghị khắc phục hơn 4,6 tỷ đồng.",
    "Đang triển khai 2 cuộc theo kế hoạch.",
    "Dự thảo kết luận 2 cuộc thanh tra.",
    "Đã đôn đốc thu hồi số tiền 680 triệu của 6 đơn vị.",
    "Kế hoạch số 363/KH-TTCP ngày 20/3/2019 của Thanh tra Chính phủ.",
    "Hoàn thành 100% chỉ tiêu được giao.",
    "Trong kỳ, đã thu hồi về ngân sách nhà nước 1,7 tỷ đồng theo kết luận thanh tra.",
    "Đã hoàn thành 12 cuộc diễn tập khu vực phòng thủ.",
]
