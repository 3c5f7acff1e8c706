"""The rule families, one module each, gathered in the order they are tried."""
from pipeline.rules import (admin_procedures, budget, complaints, grdp, inspections, party_documents,
                            party_organization, welfare)
import regex

from pipeline.rules.base import Rule, Topic

FAMILIES = (budget, grdp, welfare, party_documents, complaints, admin_procedures, inspections, party_organization)
TOPICS: tuple[Topic, ...] = tuple(t for family in FAMILIES for t in family.TOPICS)
RULES: tuple[Rule, ...] = tuple(r for family in FAMILIES for r in family.RULES)
# A family may veto a whole sentence (`Tòa án … thụ lý 1.234 vụ án, giải quyết 1.100 vụ`):
# whatever its cues say, such a sentence is not about the family's figures.
VETOES: dict[str, regex.Pattern] = {t.id: family.VETO for family in FAMILIES if hasattr(family, "VETO") for t in family.TOPICS}

__all__ = ["FAMILIES", "RULES", "TOPICS", "VETOES", "Rule", "Topic"]
