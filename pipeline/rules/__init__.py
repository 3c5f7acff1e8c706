"""The rule families, one module each, gathered in the order they are tried."""
from pipeline.rules import (admin_procedures, budget, complaints, grdp, inspections, party_documents,
                            party_organization, welfare)
from pipeline.rules.base import Rule, Topic

FAMILIES = (budget, grdp, welfare, party_documents, complaints, admin_procedures, inspections, party_organization)
TOPICS: tuple[Topic, ...] = tuple(t for family in FAMILIES for t in family.TOPICS)
RULES: tuple[Rule, ...] = tuple(r for family in FAMILIES for r in family.RULES)

__all__ = ["FAMILIES", "RULES", "TOPICS", "Rule", "Topic"]
