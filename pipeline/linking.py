"""Linking the numbers of one sentence to the rules that read them.

Numbers are visited left to right. The text between the previous number and this one (the
*window*) may hold cue phrases that open topics; the nearest cue wins. A window with no cue
that is short keeps the previous topic open, which is how a rate joins the amount before it
(`… 20.792 tỷ đồng, đạt 88% dự toán`) and a list continues (`14 nghị quyết, 5 chỉ thị`).
Pure functions over strings: no I/O, no state between calls.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import regex

from pipeline import cues
from pipeline.numbers import Quantity, QuantityMatch
from pipeline.rules import RULES, TOPICS, VETOES, Rule

_CARRY_LIMIT = 80  # a longer window without a cue has moved on to something else
_CUE_REACH = 160  # cues further left than this belong to another clause
_AFTER_REACH = 80
_RANGE_JOIN = regex.compile(r"\s*(?:[-–—]|đến(?: dưới| trên)?|tới)\s*", regex.V1)

_RULES_BY_TOPIC: dict[str, tuple[Rule, ...]] = {
    t.id: tuple(r for r in RULES if r.topic == t.id) for t in TOPICS
}
_ORDINALS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_HUNDRED = Decimal(100)
_ABOUT = regex.compile(r"[^.;\d]{0,40}?\bvề\s+", regex.V1)
_BARE_SCALE = regex.compile(r"\s*(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu)", regex.V1)
_GAP = regex.compile(r"(?:cao|thấp) hơn\s*$", regex.IGNORECASE | regex.V1)
_CHANGE = regex.compile(r"(?:tăng|giảm|mở rộng|thu hẹp|(?:cao|thấp|nhiều|ít) hơn)(?: thêm)?\s*$", regex.IGNORECASE | regex.V1)
_VERB = regex.compile(
    r"(?P<verb>vượt|tăng|giảm|bằng|đạt|hoàn thành|chỉ bằng)"
    r"(?P<between>\s+(?:so với\s+|so\s+)?(?:dự toán|kế hoạch|cùng kỳ|năm trước|năm ngoái)[^,;.\d%]{0,30}?)?"
    r"(?: được| thêm| khoảng| gần| hơn| trên)*\s*(?:\(\s*)?$", regex.IGNORECASE | regex.V1)
_RANK = regex.compile(
    r"(?:(?:xếp|đứng|cao|thấp)(?: (?:ở )?(?:vị trí|hạng))?|(?<=thứ [^.;]{1,60}(?:,| và)) ) ?thứ (?:hạng )?(?P<n>\d{1,2}|nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\b(?:\s*/\s*(?P<of>\d{1,2})\b)?",
    regex.IGNORECASE | regex.V1,
)


@dataclass(frozen=True, slots=True)
class Link:
    """A number read by a rule; offsets are relative to the sentence."""

    match: QuantityMatch
    rule: Rule
    value: Decimal
    basis: str | None
    carried: bool
    window: str


def _ranks(sentence: str) -> list[QuantityMatch]:
    """`xếp thứ 2/5`, `đứng thứ 6 cả nước`, `xếp thứ nhất`: ranks are the rules' business."""
    found = []
    if "thứ" not in sentence.casefold():  # every rank is written with `thứ` (its case folded as the regex does)
        return found
    for m in _RANK.finditer(sentence):
        n = m.group("n").lower()
        value = Decimal(_ORDINALS[n]) if n in _ORDINALS else Decimal(n)
        of = Decimal(m.group("of")) if m.group("of") else None
        found.append(QuantityMatch(m.start("n"), m.end("of") if of else m.end("n"), m.start("n"), m.end("n"),
                                   Quantity(value, "rank", of_total=of)))
    return found


def _as_money(sentence: str, q: QuantityMatch) -> QuantityMatch:
    """`đạt 1.417 tỷ`: in a report a bare scale word with nothing after it is money."""
    if q.quantity.unit == "number" and _BARE_SCALE.fullmatch(sentence, q.num_end, q.end):
        return replace(q, quantity=replace(q.quantity, unit="VND"))
    return q


def _outside_ranges(sentence: str, quantities: list[QuantityMatch]) -> list[QuantityMatch]:
    """`từ 5,84% đến 11,89%`, `tăng từ 7,2 - 7,8%`, `kế hoạch 34 - 36%`: both ends of a range are
    a spread or a target band, never a level; the numbers around them are still read."""
    inside: set[int] = set()
    for a, b in zip(quantities, quantities[1:]):
        if _RANGE_JOIN.fullmatch(sentence, a.end, b.start) and a.quantity.unit in (b.quantity.unit, "number"):
            inside.update((id(a), id(b)))
    return [q for q in quantities if id(q) not in inside]


def _merge(quantities: list[QuantityMatch], ranks: list[QuantityMatch]) -> list[QuantityMatch]:
    if not ranks:
        return quantities
    kept = [q for q in quantities if not any(q.start < r.end and r.start < q.end for r in ranks)]
    return sorted(kept + ranks, key=lambda q: q.start)


def _cue_hits(sentence: str, roundup: bool = False, possible: int | None = None) -> list[tuple[int, int, str]]:
    """Every cue in the sentence as (start, end, topic); cues of different topics may overlap.
    Round-up cues count only in a round-up of provinces. `possible`: the topics whose cue
    literals the sentence holds (pipeline.cues), when the caller has found them already."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a rare letter whose lower case is longer: keep offsets exact
        lowered = "".join(c.lower()[0] for c in sentence)
    if possible is None:
        possible = cues.possible(lowered)
    return sorted((m.start(), m.end(), topic) for topic, cue in _cues_to_run(possible, roundup)
                  for m in cue.finditer(lowered))


@lru_cache(maxsize=512)
def _cues_to_run(possible: int, roundup: bool) -> tuple[tuple[str, regex.Pattern], ...]:
    """The (topic, cue) pairs a sentence runs, in TOPICS' order: read once per set of topics,
    not tested topic by topic in every sentence."""
    return tuple((t.id, t.cue) for i, t in enumerate(TOPICS) if possible >> i & 1 and (roundup or not t.roundup))


def last_topic(sentence: str, roundup: bool = False, spots: cues.Spots | None = None) -> str | None:
    """The topic a sentence leaves open at its end: in a round-up the next sentence's list of
    provinces continues it (`… mức tăng trưởng khiêm tốn. Cụ thể, Hà Nội tăng 5,97%; …`).
    `spots`: the document's cue literals, offset to this sentence."""
    hits = _cue_hits(sentence, roundup, spots.possible(0, len(sentence)) if spots is not None else None)
    return max(hits, key=lambda h: (h[1], h[1] - h[0]))[2] if hits else None


_READING = sum(1 << i for i, t in enumerate(TOPICS) if not t.id.endswith(".other") and not t.roundup)
_READING_IN_ROUNDUP = sum(1 << i for i, t in enumerate(TOPICS) if not t.id.endswith(".other"))


def may_link(possible: int, roundup: bool = False) -> bool:
    """Whether a sentence whose cue literals say `possible` (pipeline.cues) may link a number
    when no topic is open before it: only the cue of a topic that reads figures opens one,
    a blocker (`.other`) never does."""
    return bool(possible & (_READING_IN_ROUNDUP if roundup else _READING))


def _cue_topics(hits: list[tuple[int, int, str]], lo: int, hi: int, limit: int) -> list[str]:
    """Topics cued between `lo` and `hi` (a cue may look ahead into the number up to
    `limit`), nearest first, longer cue first on a tie."""
    lo = max(lo, hi - _CUE_REACH)
    inside = [(end, -start, topic) for start, end, topic in hits if lo <= start < hi and end <= limit]
    ordered: list[str] = []
    for _, _, topic in sorted(inside, reverse=True):
        if topic not in ordered:
            ordered.append(topic)
    return ordered


def _family(topic: str) -> str:
    return topic.split(".", 1)[0]


def _ranked_on(sentence: str, end: int, spots: cues.Spots | None) -> list[str]:
    """The topics a rank names after it, with `về`: what the province is ranked on."""
    about = _ABOUT.match(sentence, end)
    if about is None:
        return []
    reach = sentence[about.end():about.end() + _CUE_REACH]
    possible = spots.possible(about.end(), about.end() + len(reach)) if spots is not None else None
    return [topic for _, _, topic in _cue_hits(reach, possible=possible)]


@lru_cache(maxsize=16)
def _is_change(window: str, approach: str) -> bool:
    """Whether the words before a number make it a change (cached: a number's window is asked
    once per rule tried)."""
    return bool(_CHANGE.search(window) or _CHANGE.search(approach))


@lru_cache(maxsize=16)
def _is_gap(before: str) -> bool:
    return _GAP.search(before) is not None


def _fits(rule: Rule, q: Quantity, window: str, after: str, approach: str = "", lead: str = "") -> regex.Match | bool:
    """`approach` is the window with the bound words the number took (`cao hơn 700 tỷ`)."""
    if rule.unit != q.unit:
        return False
    if q.unit in ("count", "VND") and _is_change(window, approach):
        return False  # `tăng 9,6 ngàn HS`, `cao hơn 700 tỷ đồng`: a change, not a level
    if q.unit == "percent" and rule.reading == "change" and _is_gap(approach or window):
        return False  # `cao hơn 1,04% so với cùng kỳ`: the gap between two growth rates
    if rule.noun is not None and not (q.noun and rule.noun.match(q.noun)):
        return False
    if rule.unless_per is not None and q.per and rule.unless_per.search(q.per):
        return False
    if rule.per is not None and not (q.per and rule.per.match(q.per)):
        return False
    if rule.before is not None and not (rule.before.search(window) or (approach and rule.before.search(approach))):
        return False
    if rule.unless_before is not None and rule.unless_before.search(window):
        return False
    if rule.unless_after is not None and rule.unless_after.match(after):
        return False
    if rule.unless_lead is not None and rule.unless_lead.search(lead):
        return False
    if rule.after is not None:
        return rule.after.match(after) or False
    return True


def _value(rule: Rule, q: Quantity, lead: str, basis: str | None) -> Decimal:
    """The catalogue value of a written percentage: `vượt 18,4% dự toán` → 118.4,
    `giảm 20,9%` → −20.9, `bằng 91% so với cùng kỳ` → −9."""
    if rule.reading is None or q.value < 0:
        return q.value
    m = _VERB.search(lead)
    verb = m.group("verb").lower() if m else None
    if rule.reading == "of_estimate" and verb in ("vượt", "tăng"):
        return q.value + _HUNDRED
    if rule.reading == "change":
        if verb == "giảm":
            return -q.value
        if verb in ("bằng", "đạt", "chỉ bằng") and (basis or m.group("between")):
            return q.value - _HUNDRED
    return q.value


def link(sentence: str, quantities: list[QuantityMatch], *, roundup: bool = False,
         opened: str | None = None, spots: cues.Spots | None = None) -> list[Link]:
    """Every number of `sentence` that a rule reads, with the rule and its basis.

    `roundup`: the sentence is part of a round-up of provinces; `opened`: the topic the
    sentence before left open, which a round-up's list carries on; `spots`: the document's
    cue literals (pipeline.cues), offset to this sentence, found once for the whole text."""
    links: list[Link] = []
    open_topics: list[str] = [opened] if opened else []
    previous_end = 0
    numbers = _merge([_as_money(sentence, q) for q in _outside_ranges(sentence, quantities)], _ranks(sentence))
    if not numbers:
        return links
    cut = numbers[-1].end  # cues after the last number open nothing
    hits = _cue_hits(sentence[:cut], roundup, spots.possible(0, cut) if spots is not None else None)
    before_aside: list[str] | None = None  # the topics open when a parenthesis opened
    for q in numbers:
        window = sentence[previous_end:q.start]
        approach = sentence[previous_end:q.num_start] if q.num_start > q.start else ""
        after = sentence[q.end:q.end + _AFTER_REACH]
        cued = _cue_topics(hits, previous_end, q.start, q.end)
        if before_aside is not None and ")" in window:
            open_topics, before_aside = before_aside, None  # `… (trong đó …), vượt 8% kế hoạch`
        if (paren := window.rfind("(")) > window.rfind(")"):
            at = previous_end + paren
            before_aside = _cue_topics(hits, previous_end, at, at) or list(open_topics)
        previous_end = q.end
        near = len(window.strip()) <= _CARRY_LIMIT
        # another family's blocker inside a list of counts (`… công nghiệp và đô thị, 2 chỉ thị`)
        # does not end the list; before a rate it does (`kim ngạch xuất khẩu tăng 13%`)
        families = {_family(t) for t in open_topics}
        if (near and q.quantity.unit == "count" and families
                and all(t.endswith(".other") and _family(t) not in families for t in cued)):
            cued = []
        # a rate may follow its amount past an unrelated cue (`…, hoàn thành 64% dự toán`);
        # a count under a new cue is about that cue
        carry = near and (not cued or q.quantity.unit == "percent")
        candidates = cued + [t for t in open_topics if t not in cued] if carry else cued
        if not candidates and q.quantity.unit == "rank":
            candidates = _ranked_on(sentence, q.end, spots)  # `đứng thứ 2 cả nước về tăng trưởng GRDP`
        open_topics = cued or (open_topics if near else [])
        before = sentence[max(0, q.start - 60):q.start]
        for topic in candidates:
            if topic.endswith(".other"):
                break
            if (veto := VETOES.get(topic)) is not None and veto.search(sentence, 0, q.start):
                continue
            found = next(((rule, fit) for rule in _RULES_BY_TOPIC[topic]
                          if (fit := _fits(rule, q.quantity, window, after, approach, before))), None)
            if found:
                rule, fit = found
                basis = fit.group("basis") if isinstance(fit, regex.Match) and "basis" in fit.groupdict() else None
                basis = basis.strip() if basis else None
                lead = sentence[max(0, q.num_start - 40):q.num_start]
                links.append(Link(q, rule, _value(rule, q.quantity, lead, basis), basis, topic not in cued, window))
                open_topics = [topic]
                break
    return links
