"""The rules' cue words, found in one pass over a document.

Each topic opens on a cue regex (pipeline.rules), and running some thirty of them on every
sentence with a number was most of linking's cost. Yet every match of a cue contains one of a
few literal strings — total revenue's cue always holds `thu ngân sách`, `thu nsnn`, `thu cân
đối …` or `thu được` — and those strings are read off the cue's own pattern here, so they
cannot drift from it. One alternation of all of them, run once over the lower-cased document,
says for any stretch of it which topics' cues may match there; only those regexes run.

The literals are a necessary condition, never a sufficient one: a topic whose literal is absent
cannot match; one whose literal is present is matched by its own regex as before.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.rules import TOPICS

try:  # the standard library's parser of regex syntax: private, so a missing one only costs speed
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None

_CAP = 64  # at most this many strings stand for one part of a pattern; more says nothing useful


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
    the pattern does not say (then it must always be run).

    >>> sorted(required_literals(r"(?:tổng )?chi (?:ngân sách|nsđp)(?! mới)"))
    ['chi ngân sách', 'chi nsđp']
    >>> sorted(required_literals(r"(?<!\\w)(?:có|gồm)(?= [\\d.,]+ (?:đơn|vụ))"))
    [' vụ', ' đơn']
    >>> required_literals(r"[\\s(]\\d+")
    """
    if _sre_parse is None:
        return None
    try:
        best = _best(_sequence(_sre_parse.parse(source)))
    except Exception:  # syntax only the regex module reads (`\\p{L}`): no literals, run always
        return None
    if best is None:
        return None
    return frozenset(s for s in best if not any(other != s and other in s for other in best))


LITERALS: dict[str, frozenset[str] | None] = {t.id: required_literals(t.cue.pattern) for t in TOPICS}
ALWAYS = sum(1 << i for i, t in enumerate(TOPICS) if LITERALS[t.id] is None)
"""Topics whose cue names no literal: they are tried everywhere."""

_MASKS: dict[str, int] = {}
for _i, _topic in enumerate(TOPICS):
    for _literal in LITERALS[_topic.id] or ():
        _MASKS[_literal] = _MASKS.get(_literal, 0) | 1 << _i


def _trie(strings) -> str:
    """One alternation factored by common prefixes, longest first at every branch."""
    root: dict = {}
    for s in strings:
        node = root
        for char in s:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# A lookahead so that literals overlapping one another are all found (`thu ngân sách nội địa`).
_SPOTTER = re.compile(f"(?=({_trie(_MASKS)}))")
# a literal found stands for every literal it begins with, shortest first
_PREFIXES = {s: sorted((len(p), _MASKS[p]) for p in _MASKS if s.startswith(p)) for s in _MASKS}


def possible(lowered: str) -> int:
    """The topics (a bit each, in TOPICS' order) whose cue may match somewhere in `lowered`."""
    mask = ALWAYS
    for m in _SPOTTER.finditer(lowered):
        for _, bits in _PREFIXES[m.group(1)]:
            mask |= bits
    return mask


def document_spots(text: str) -> "Spots | None":
    """The spots of a whole document, or None when lower-casing it whole would not lower each
    of its sentences alike (a letter whose lower case is longer, or the context-bound final
    sigma): each sentence then tests its own literals."""
    lowered = text.lower()
    return Spots(lowered) if len(lowered) == len(text) and "Σ" not in text else None


class Spots:
    """Where the cue literals stand in one lower-cased text, to ask of any stretch of it which
    topics may be cued there; `offset` shifts the questions (a sentence's start in its document)."""

    __slots__ = ("_starts", "_ends", "_masks", "offset")

    def __init__(self, lowered: str, offset: int = 0):
        starts, ends, masks = [], [], []  # in text order: by start, then by end
        for m in _SPOTTER.finditer(lowered):
            start = m.start()
            for length, bits in _PREFIXES[m.group(1)]:
                starts.append(start)
                ends.append(start + length)
                masks.append(bits)
        self._starts, self._ends, self._masks, self.offset = starts, ends, masks, offset

    def at(self, offset: int) -> "Spots":
        """The same spots, asked about relative to `offset` (a sentence's start)."""
        view = object.__new__(Spots)
        view._starts, view._ends, view._masks, view.offset = self._starts, self._ends, self._masks, offset
        return view

    def possible(self, lo: int, hi: int) -> int:
        """The topics whose cue may match in the stretch [lo, hi), relative to the offset."""
        lo, hi = lo + self.offset, hi + self.offset
        mask = ALWAYS
        starts, ends, masks = self._starts, self._ends, self._masks
        for i in range(bisect_left(starts, lo), bisect_left(starts, hi)):
            if ends[i] <= hi:
                mask |= masks[i]
        return mask
