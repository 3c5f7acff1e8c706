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

from pipeline.literals import required_literals
from pipeline.rules import TOPICS

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


_SPOTTER = re.compile(_trie(_MASKS))


def _found(lowered: str):
    """Each place a literal starts, with the longest literal there: a search resumes one
    character on, so literals overlapping one another are all found (`thu ngân sách nội địa`)."""
    search, at = _SPOTTER.search, 0
    while (m := search(lowered, at)) is not None:
        yield m
        at = m.start() + 1


# a literal found stands for every literal it begins with, shortest first
_PREFIXES = {s: sorted((len(p), _MASKS[p]) for p in _MASKS if s.startswith(p)) for s in _MASKS}


def possible(lowered: str) -> int:
    """The topics (a bit each, in TOPICS' order) whose cue may match somewhere in `lowered`."""
    mask = ALWAYS
    for m in _found(lowered):
        for _, bits in _PREFIXES[m.group()]:
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
        for m in _found(lowered):
            start = m.start()
            for length, bits in _PREFIXES[m.group()]:
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
