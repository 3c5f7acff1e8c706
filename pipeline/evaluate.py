"""Scoring extracted figures against gold, level by level, as ../shared/tools/score.py does.

Three levels: detection (right number at the right place), indicator (and the right
code), record (and the right province, scope, period, status, estimate). The rules for
matching — overlapping offsets, a repeated quote counted once, optional gold neither
rewarded nor penalised — follow the project's judge exactly, so both print the same figures.
"""
from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.indicators import catalogue

LEVELS = ("detection", "indicator", "record")
# Gold written by other annotators names some derived indicators generically.
_GENERIC = {
    "budget_revenue_pct_of_estimate": {"budget_revenue_total_pct_of_estimate", "budget_revenue_domestic_pct_of_estimate", "budget_revenue_local_pct_of_estimate"},
    "budget_revenue_yoy_growth": {"budget_revenue_total_yoy_growth", "budget_revenue_domestic_yoy_growth", "budget_revenue_local_yoy_growth"},
    "grdp_rank": {"grdp_growth_rank", "grdp_growth_rank_region"},
}
_ALIASES = {"recovery_recommended_vnd": "recovery_recommended"}
_PREFIXES = ("tỉnh ", "thành phố ", "tp. ", "tp ", "huyện ", "thị xã ", "quận ")


@dataclass
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    levels: dict[str, Score]
    by_indicator: dict[str, dict[str, Score]]
    record_errors: Counter
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    ignored_unknown: int = 0


# Huế: a province until 2024, a city since 2025 — one place to the judge
_SAME_PLACE = {"thừa thiên huế": "huế", "thừa thiên - huế": "huế"}


def _norm(s) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s)).strip().lower()
    for p in _PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
    return _SAME_PLACE.get(s, s)


def _same_value(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def _indicator_ok(gold: str, pred: str) -> bool:
    return gold == pred or pred in _GENERIC.get(gold, ())


def load_jsonl(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _prepare_gold(gold: list[dict], docs: Path) -> list[dict]:
    for g in gold:
        g["indicator"] = g.get("catalogue_indicator") or _ALIASES.get(g["indicator"], g["indicator"])
        if g["indicator"].startswith("other"):
            g["optional"] = True
        if g.get("scope") == "level":
            pass  # a total over cấp huyện / cấp xã: compared as province or not only
        elif g.get("scope"):
            g["_exact_scope"] = True
        else:
            g["scope"] = "district" if g.get("locality") else ("organization" if g.get("organization") else "province")
        text = unicodedata.normalize("NFC", (docs / g["doc"]).read_text(encoding="utf-8"))
        quote = unicodedata.normalize("NFC", g["quote"])
        offset = g.get("number_offset_in_quote")
        n = offset if offset is not None else quote.find(unicodedata.normalize("NFC", g["number_text"]))
        spans, q = [], text.find(quote)
        while q >= 0:
            spans.append((q + n, q + n + len(g["number_text"])))
            q = text.find(quote, q + 1)
        if not spans:
            raise ValueError(f"gold quote not in {g['doc']}: {g['quote']}")
        g["_spans"] = spans
    return gold


def _record_ok(g: dict, p: dict, why: Counter) -> bool:
    ok = True
    if g.get("province") and _norm(p.get("province")) != _norm(g["province"]):
        why["province"] += 1
        ok = False
    gs, ps = g.get("scope") or "province", p.get("scope") or "province"
    if gs != "organization" and ((gs == "province") != (ps == "province") or (
            g.get("_exact_scope") and gs != "province" and (gs != ps or _norm(g.get("locality")) != _norm(p.get("locality"))))):
        why["scope/locality"] += 1
        ok = False
    if g.get("period_start") and (str(p.get("period_start"))[:10], str(p.get("period_end"))[:10]) != (g["period_start"], g["period_end"]):
        why["period"] += 1
        ok = False
    if (g.get("status") or "actual") != (p.get("status") or "actual"):
        why["status"] += 1
        ok = False
    if bool(g.get("estimate")) != bool(p.get("estimate")):
        why["estimate"] += 1
        ok = False
    return ok


def evaluate(gold: list[dict], docs: str | Path, predictions: list[dict]) -> Report:
    """Score `predictions` (figure JSON objects) against `gold` lines for the texts in `docs`."""
    known = set(catalogue())
    gold = _prepare_gold(gold, Path(docs))
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    tp: dict[str, set[int]] = {level: set() for level in LEVELS}
    fp = dict.fromkeys(LEVELS, 0)
    fp_by_indicator: Counter = Counter()
    why: Counter = Counter()
    report = Report({}, {}, why)
    for p in predictions:
        doc = Path(str(p.get("document") or p.get("doc") or "")).name
        if p.get("indicator") not in known:
            report.ignored_unknown += 1
            continue
        try:
            ps, pe = int(p["start"]), int(p["end"])
        except (KeyError, TypeError, ValueError):
            ps = pe = -1
        hits = [g for g in by_doc.get(doc, []) if _same_value(g["value"], p.get("value"))
                and any(ps < e and s < pe for s, e in g["_spans"])]
        first = [g for g in hits if ps < g["_spans"][0][1] and g["_spans"][0][0] < pe]
        if hits and not first and all(id(g) in tp["detection"] for g in hits):
            continue
        if any(g.get("optional") for g in hits):
            continue
        det = [g for g in hits if not g.get("optional")]
        ind = [g for g in det if _indicator_ok(g["indicator"], p["indicator"])]
        rec = [g for g in ind if _record_ok(g, p, why if len(ind) == 1 else Counter())]
        for level, found in (("detection", det), ("indicator", ind), ("record", rec)):
            fresh = [g for g in found if id(g) not in tp[level]]
            if fresh:
                tp[level].add(id(fresh[0]))
            else:
                fp[level] += 1
                if level == "record":
                    fp_by_indicator[p["indicator"]] += 1
        if not det:
            report.false_positives.append(f"{doc}@{ps}: {p.get('indicator')}={p.get('value')}  «{p.get('quote', '')[:90]}»")
    scored = [g for g in gold if not g.get("optional")]
    for level in LEVELS:
        t = len(tp[level])
        report.levels[level] = Score(t, fp[level], len(scored) - t)
    for code in sorted({g["indicator"] for g in scored} | set(fp_by_indicator)):
        mine = [g for g in scored if g["indicator"] == code]
        report.by_indicator[code] = {
            level: Score(sum(id(g) in tp[level] for g in mine), fp_by_indicator[code] if level == "record" else 0,
                         sum(id(g) not in tp[level] for g in mine))
            for level in ("indicator", "record")
        }
    report.misses = [f"{g['doc']}: {g['indicator']}={g['value']}  «{g['quote']}»" for g in scored if id(g) not in tp["indicator"]]
    return report


def format_report(report: Report) -> str:
    lines = []
    for level in LEVELS:
        s = report.levels[level]
        lines.append(f"{level:10s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    lines.append(f"record errors: {dict(report.record_errors)} | unknown-indicator predictions ignored: {report.ignored_unknown}")
    lines.append("")
    lines.append(f"{'indicator':42s} {'ind tp/fn':>10s} {'rec tp/fp/fn':>14s}")
    for code, scores in report.by_indicator.items():
        i, r = scores["indicator"], scores["record"]
        lines.append(f"{code:42s} {i.tp:>4d}/{i.fn:<5d} {r.tp:>5d}/{r.fp}/{r.fn}")
    lines.append(f"\nmissed ({len(report.misses)}):")
    lines += [f"   {m}" for m in report.misses]
    lines.append(f"false positives ({len(report.false_positives)}):")
    lines += [f"   {m}" for m in report.false_positives]
    return "\n".join(lines)


def as_json(report: Report) -> dict:
    out = {level: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                   "recall": round(s.recall, 4), "f1": round(s.f1, 4)} for level, s in report.levels.items()}
    out["ignored_unknown_indicator"] = report.ignored_unknown
    out["record_errors"] = dict(report.record_errors)
    return out
