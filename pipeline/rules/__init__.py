"""The rule families, one module each, gathered in the order they are tried."""
from pipeline.rules import (admin_procedures, budget, complaints, grdp, inspections, party_documents,
                            party_organization, welfare)
from dataclasses import replace

import regex

from pipeline.rules.base import Rule, Topic

FAMILIES = (budget, grdp, welfare, party_documents, complaints, admin_procedures, inspections, party_organization)
# Words one of which stands in every sentence a topic's cue matches (lower case): a substring
# test spares most cue regexes of a sentence. Topics left out (the `.other` blockers) are
# always tried. tests/test_linking.py checks the anchors against every cue match in the
# example corpora and the development texts.
ANCHORS: dict[str, tuple[str, ...]] = {
    "budget.total": ("thu",), "budget.domestic": ("thu",), "budget.import_export": ("thu",),
    "budget.local": ("thu",), "budget.spending": ("chi",),
    "grdp": ("grdp", "tổng sản phẩm", "tăng trưởng", "kinh tế"), "grdp.per_capita": ("bình quân",),
    "grdp.roundup": ("tăng",),
    "welfare.income": ("thu nhập",), "welfare.poverty": ("hộ nghèo",),
    "party_documents": ("ban hành", "xây dựng", "thông qua", "nghiên cứu"),
    "complaints.reception": ("tiếp",), "complaints.petitions": ("nhận", "phát sinh", "số đơn"),
    "complaints.resolved": ("giải quyết",), "complaints.jurisdiction": ("có", "gồm", "phát sinh"),
    "complaints.accepted": ("thụ lý", "giải quyết"), "complaints.named_jurisdiction": ("thẩm quyền",),
    "admin.received": ("tiếp nhận", "có", "tổng số"), "admin.on_time": ("hạn",),
    "inspections.completed": ("kết thúc", "hoàn thành", "kết luận"), "inspections.recovery": ("thu hồi",),
    "party.members": ("tổng số", "với", "có", "lên"), "party.admitted": ("kết nạp", "phát triển"),
    "party.organizations": ("hiện có", "sinh hoạt", "tổ chức cơ sở", "tccs", "với", "có"),
}
TOPICS: tuple[Topic, ...] = tuple(replace(t, anchors=ANCHORS.get(t.id, ()))
                                  for family in FAMILIES for t in family.TOPICS)
RULES: tuple[Rule, ...] = tuple(r for family in FAMILIES for r in family.RULES)
# A family may veto a whole sentence (`Tòa án … thụ lý 1.234 vụ án, giải quyết 1.100 vụ`):
# whatever its cues say, such a sentence is not about the family's figures.
VETOES: dict[str, regex.Pattern] = {t.id: family.VETO for family in FAMILIES if hasattr(family, "VETO") for t in family.TOPICS}

__all__ = ["ANCHORS", "FAMILIES", "RULES", "TOPICS", "VETOES", "Rule", "Topic"]
