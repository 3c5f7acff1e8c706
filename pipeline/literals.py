"""The literal strings a regex cannot match without: a cheap test before running it.

Every match of `thu (?:ngân sách|nsnn)` contains `thu ngân sách` or `thu nsnn`; when a text
holds neither, the regex need not run. The strings are read off the pattern itself (the
standard library's parser of regex syntax), so they cannot drift from it. They are a
necessary condition only: a text that holds one still goes to the regex.
"""
from __future__ import annotations

import re

try:  # the standard library's parser of regex syntax: private, so a missing one only costs speed
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None

_CAP = 64  # at most this many strings stand for one part of a pattern; more says nothing useful
# Syntax the standard parser would misread rather than refuse: nested sets and set operations
# (`[[a-z]--[aeiou]]`), fuzzy matching (`{e<=1}`). Such a pattern is always run.
_REGEX_ONLY = re.compile(r"\[\[|--|&&|\|\||~~|\{[^}\d,]")


class _Part:
    """What one node of a parsed pattern says: the exact strings it matches (None: too many to
    list) and sets of strings one of which every match of it must contain or see."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: set[str] | None, required: list[set[str]] | None = None):
        self.exact = exact
        self.required = required or []


def _product(left: set[str], right: set[str]) -> set[str] | None:
    out = {a + b for a in left for b in right}
    return out if len(out) <= _CAP else None


def _sequence(nodes) -> _Part:
    """Consecutive nodes whose strings are all listed concatenate: a run of them is required."""
    run: set[str] | None = {""}
    whole: set[str] | None = {""}
    required: list[set[str]] = []
    for node in nodes:
        part = _node(node)
        required += part.required
        if part.exact is None:
            required.append(run)
            run, whole = {""}, None
            continue
        joined = _product(run, part.exact)
        if joined is None:
            required.append(run)
            joined = set(part.exact)
        run = joined
        whole = _product(whole, part.exact) if whole is not None else None
    required.append(run)
    return _Part(whole, [r for r in required if r and "" not in r])


def _characters(items) -> set[str] | None:
    """A bracketed set of plain characters and small ranges (`[ýí]`, `[;,]`), else None."""
    out: set[str] = set()
    for op, arg in items:
        if op is _sre.LITERAL:
            out.add(chr(arg))
        elif op is _sre.RANGE and arg[1] - arg[0] < _CAP:
            out.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return out if len(out) <= _CAP else None


def _node(node) -> _Part:
    op, arg = node
    if op is _sre.LITERAL:
        return _Part({chr(arg)})
    if op is _sre.IN:
        return _Part(_characters(arg))
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, nodes = arg
        return _sequence(nodes) if not (add_flags or del_flags) else _Part(None)
    if op is _sre.ATOMIC_GROUP:
        return _sequence(arg)
    if op is _sre.BRANCH:
        parts = [_sequence(branch) for branch in arg[1]]
        exact: set[str] | None = set()
        for part in parts:
            exact = exact | part.exact if exact is not None and part.exact is not None else None
        best = [_best(part) for part in parts]
        required = [set().union(*best)] if all(b is not None for b in best) else []
        return _Part(exact if exact is None or len(exact) <= _CAP else None, required)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, high, nodes = arg
        inner = _sequence(nodes)
        required = inner.required if low >= 1 else []
        if inner.exact is not None and low == 0 and high == 1:
            return _Part(inner.exact | {""})
        if inner.exact is not None and low == high and low <= 3:
            exact: set[str] | None = {""}
            for _ in range(low):
                exact = _product(exact, inner.exact) if exact is not None else None
            return _Part(exact, required)
        return _Part(None, required + ([inner.exact] if low >= 1 and inner.exact else []))
    if op is _sre.ASSERT:  # what a lookaround sees stands in the text searched as well
        best = _best(_sequence(arg[1]))
        return _Part({""}, [best] if best else [])
    if op in (_sre.ASSERT_NOT, _sre.AT):
        return _Part({""})
    return _Part(None)


def _best(part: _Part) -> set[str] | None:
    """The most telling of the required sets: the longest shortest string, then the fewest."""
    candidates = [r for r in part.required + ([part.exact] if part.exact else []) if r and "" not in r]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (min(map(len, r)), -len(r)))


def required_literals(source: str) -> frozenset[str] | None:
    """Strings one of which stands in every text the pattern finds a match in, or None when
    the pattern does not say (then it must always be run); a case-insensitive one says nothing.

    >>> sorted(required_literals(r"(?:tổng )?chi (?:ngân sách|nsđp)(?! mới)"))
    ['chi ngân sách', 'chi nsđp']
    >>> sorted(required_literals(r"(?<!\\w)(?:có|gồm)(?= [\\d.,]+ (?:đơn|vụ))"))
    [' vụ', ' đơn']
    >>> required_literals(r"[\\s(]\\d+")
    """
    if _sre_parse is None or _REGEX_ONLY.search(source):
        return None
    try:
        tree = _sre_parse.parse(source)
        best = None if tree.state.flags & re.IGNORECASE else _best(_sequence(tree))
    except Exception:  # syntax only the regex module reads (`\\p{L}`): no literals, run always
        return None
    if best is None:
        return None
    return frozenset(s for s in best if not any(other != s and other in s for other in best))

