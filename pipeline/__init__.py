"""solieu: dated figures from Vietnamese provincial reports, each traced to its source line.

The public API is small: parse numbers, quantities and periods as Vietnamese reports write
them, and extract catalogue figures from a text. Names load on first use, so importing one
submodule (`pipeline.numbers`) does not pull in the rules or the database layer.
"""
from importlib import import_module

_EXPORTS = {
    "Document": "pipeline.documents", "DocumentError": "pipeline.documents",
    "Figure": "pipeline.figures",
    "extract": "pipeline.extraction", "extract_document": "pipeline.extraction", "rules_version": "pipeline.ruleset",
    "Quantity": "pipeline.numbers", "parse_number": "pipeline.numbers", "parse_quantity": "pipeline.numbers",
    "Period": "pipeline.periods", "parse_period": "pipeline.periods",
    "iter_documents": "pipeline.reading", "read_document": "pipeline.reading",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def __dir__():
    return __all__
