"""Which code and reference data the stored figures came from.

A reload keys on this version: a document whose text, metadata and rules version are all
unchanged is not extracted again. It is read off the source files, not off imported modules,
so an unchanged nightly rerun never imports (and compiles) the rules. Every module of the
package counts except the few that cannot change a figure: a new module counts until it is
listed here, so a forgotten one costs a reload, never a stale figure.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CANNOT_CHANGE_A_FIGURE = frozenset({
    "__init__.py", "__main__.py", "cli.py", "evaluate.py", "input_options.py", "logs.py",
    "parallel.py", "ruleset.py", "safe_csv.py",
})


@cache
def rules_version() -> str:
    """Changes whenever a rule, a parser or the reference data changes."""
    digest = hashlib.sha256()
    sources = [p for p in sorted(_PACKAGE.glob("*.py")) if p.name not in _CANNOT_CHANGE_A_FIGURE]
    sources += sorted(_PACKAGE.glob("rules/*.py"))
    sources += sorted((_PACKAGE.parent / "seeds").glob("*.csv"))
    for path in sources:
        digest.update(path.relative_to(_PACKAGE.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
