"""The vocabulary rule modules are written in: topics, rules and their example corpus.

A *topic* is what a clause is about (total budget revenue, GRDP, complaints resolved …),
opened by a cue phrase. A *rule* turns a number into a catalogue figure when its topic is
open and the number's unit, noun and neighbours fit. Rates that follow an amount
(`… 20.792 tỷ đồng, đạt 88% dự toán`) inherit the amount's topic, so one topic serves the
amount and the rates that belong to it.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_FLAGS = regex.IGNORECASE | regex.V1


def pattern(source: str) -> regex.Pattern:
    """Rule regexes are case-insensitive and compiled once, at import."""
    return regex.compile(source, _FLAGS)


@dataclass(frozen=True, slots=True)
class Topic:
    """`roundup`: the cue counts only in a round-up of many provinces, where a bare `mức tăng
    trưởng` beside the names can only be the economy's growth."""

    id: str
    cue: regex.Pattern
    roundup: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """One reading of a number under a topic.

    `reading` says how the written percentage becomes the catalogue value: `of_estimate`
    (`vượt 18,4% dự toán` is 118.4 % of it) or `change` (`giảm 20,9%` is −20.9,
    `bằng 91% so với cùng kỳ` is −9).

    `after` must match the text right after the quantity, `before` the end of the text
    between the previous number and this one; `unless_*` veto (`unless_per` the money's
    `/người/tháng`; `per` requires the money to be per something: `51 triệu đồng/người`; `unless_lead` vetoes
    on the 60 characters before the number, across an earlier number: `giảm 1.432 hộ (1,95%)`). `total` names the indicator the denominator of `238/316 vụ việc` is,
    when the text states it nowhere else. `basis` names the capture
    group of `after` that holds the comparison basis (`dự toán`, `cùng kỳ`).
    """

    id: str
    indicator: str
    topic: str
    unit: str
    noun: regex.Pattern | None = None
    after: regex.Pattern | None = None
    before: regex.Pattern | None = None
    unless_after: regex.Pattern | None = None
    unless_before: regex.Pattern | None = None
    unless_per: regex.Pattern | None = None
    per: regex.Pattern | None = None
    unless_lead: regex.Pattern | None = None
    reading: str | None = None
    total: str | None = None


def topic(id: str, cue: str, *, roundup: bool = False) -> Topic:
    """Cues are matched against lower-cased text, case-sensitively: several times faster
    than case-insensitive matching, and cue phrases have no case-bearing escapes."""
    return Topic(id, regex.compile(cue.lower(), regex.V1), roundup)


def rule(id: str, indicator: str, topic: str, unit: str, *, noun: str | None = None,
         after: str | None = None, before: str | None = None,
         unless_after: str | None = None, unless_before: str | None = None, unless_per: str | None = None,
         per: str | None = None, unless_lead: str | None = None,
         reading: str | None = None, total: str | None = None) -> Rule:
    def p(s: str | None, anchor: str) -> regex.Pattern | None:
        if s is None:
            return None
        return pattern(f"^(?:{s})" if anchor == "start" else f"(?:{s})$")

    return Rule(id, indicator, topic, unit,
                noun=pattern(f"^(?:{noun})\\b") if noun else None,
                after=p(after, "start"), before=p(before, "end"),
                unless_after=p(unless_after, "start"), unless_before=p(unless_before, "end"),
                unless_per=pattern(unless_per) if unless_per else None, per=pattern(per) if per else None,
                unless_lead=p(unless_lead, "end"), reading=reading, total=total)


# Comparison bases shared by the families: what a percentage is measured against.
VS_ESTIMATE = r"\s*\)?\s*(?:so với |so |của )?(?P<basis>(?:dự toán|kế hoạch)[^,;.()]{0,40}?)(?=[,;.()]|\s+(?:và|tăng|giảm|bằng|đạt)\b|$)"
VS_LAST_YEAR = r"\s*(?:so với |so )(?:so )?(?P<basis>cùng kỳ(?: năm (?:trước|ngoái|\d{4})| \d{4})?|năm (?:trước|ngoái|\d{4}))"
CHANGE_VERB = r"(?:tăng|giảm|tăng trưởng)(?: được| thêm)?\s*"
# `bằng 110% cùng kỳ`: reports drop the `so với` as often as they write it
VS_SAME_PERIOD = rf"{VS_LAST_YEAR}|\s*(?P<basis>cùng kỳ(?: năm (?:trước|ngoái|\d{{4}})| \d{{4}})?)"
# The basis written before the number: `vượt dự toán 12%`, `tăng so với cùng kỳ 15,2%`
# … and a change stated against the estimate, then its percentage (`tăng 3.488 tỷ đồng so với dự toán (tăng 38%)`)
ESTIMATE_BEFORE = (r"(?:đạt|bằng|vượt|hoàn thành)\s+(?:so với\s+|so\s+)?(?:dự toán|kế hoạch)[^,;.\d%]{0,30}?\s*"
                   r"|(?:so với|so)\s+(?:dự toán|kế hoạch)[^,;.\d%()]{0,30}?\s*\(\s*(?:tăng|vượt)\s+")
SAME_PERIOD_BEFORE = r"(?:tăng|giảm|bằng)\s+(?:so với\s+|so\s+)(?:cùng kỳ|năm trước|năm ngoái)[^,;.\d%]{0,20}?\s*"
# `số thu tăng từ 10-11%`: the upper end of a range is a vague statement or a target, never a level
RANGE_END = r"^\s*(?:[-–—]|đến|tới)\s*"
