"""solieu: dated figures from Vietnamese provincial reports, each traced to its source line.

The public API is small: parse numbers, quantities and periods as Vietnamese reports write
them, and extract catalogue figures from a text.
"""
from pipeline.documents import Document, DocumentError
from pipeline.extract import extract, extract_document, rules_version
from pipeline.figures import Figure
from pipeline.numbers import Quantity, parse_number, parse_quantity
from pipeline.periods import Period, parse_period
from pipeline.reading import iter_documents, read_document

__all__ = [
    "Document", "DocumentError", "Figure", "Period", "Quantity", "extract", "extract_document",
    "iter_documents", "parse_number", "parse_period", "parse_quantity", "read_document", "rules_version",
]
