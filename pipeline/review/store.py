"""What the review app reads and writes: the queue, a document, a figure, a series, a verdict.

Plain dataclasses and mappings out, SQLAlchemy Core (bound parameters only) inside.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa

from pipeline.db.models import (ATTACHMENTS, VERDICTS, DocumentRow, FigureRow, IndicatorRow, ReviewLinkRow,
                                ReviewRow)
from pipeline.review.attach import number

_F = FigureRow.__table__.alias("f")
_D = DocumentRow.__table__.alias("d")
_REVIEWS = ReviewRow.__table__
_LINKS = ReviewLinkRow.__table__
_VERDICT = sa.table("figure_reviews", *(sa.column(c) for c in (
    "figure_id", "review_id", "verdict", "attachment", "reviewer", "reviewed_at", "note",
    "corrected_value", "corrected_period_start", "corrected_period_end", "corrected_province",
    "corrected_province_code"))).alias("v")
_CHOSEN = sa.table("chosen_values", sa.column("figure_id"), sa.column("province"),
                   sa.column("indicator"))

STATES = ("unreviewed", "approved", "rejected", "corrected", "needs re-review")
_STATE = sa.case(
    (_VERDICT.c.review_id.is_(None), "unreviewed"),
    (_VERDICT.c.attachment == "stale", "needs re-review"),
    (_VERDICT.c.verdict == "approve", "approved"),
    (_VERDICT.c.verdict == "reject", "rejected"),
    else_="corrected").label("state")
_TO_REVIEW = ("unreviewed", "needs re-review")
SORTS = {
    "document": (_D.c.path, _F.c.start_offset),
    "indicator": (_F.c.indicator, _F.c.province, _F.c.period_end),
    "province": (_F.c.province, _F.c.indicator, _F.c.period_end),
    "period": (_F.c.period_end, _F.c.period_start),
    "value": (_F.c.value,),
    "rule": (_F.c.rule,),
    "state": (_STATE,),
}
FILTERS = ("province", "indicator", "period", "scope", "status", "flag", "rule", "state",
           "document")
PAGE_SIZE = 50


class VerdictError(ValueError):
    """A verdict that cannot be recorded as given (missing reason, unreadable value, ...)."""


@dataclass(frozen=True)
class Verdict:
    review_id: int
    verdict: str
    attachment: str
    reviewer: str
    reviewed_at: datetime
    note: str | None
    corrected_value: Decimal | None
    corrected_period_start: date | None
    corrected_period_end: date | None
    corrected_province: str | None


@dataclass(frozen=True)
class FigureRecord:
    """A figure as the app shows it, with its document and standing verdict."""

    id: int
    key: str
    document_id: int
    document_path: str
    indicator: str
    value: Decimal
    unit: str
    province: str | None
    province_code: str | None
    province_era: str | None
    scope: str
    locality: str | None
    period_start: date | None
    period_end: date | None
    period_grain: str | None
    status: str
    estimate: bool
    basis: str | None
    of_total: Decimal | None
    bound: str | None
    flags: tuple[str, ...]
    start: int
    end: int
    line: int
    quote: str
    rule: str
    state: str
    verdict: Verdict | None = None

    @property
    def period(self) -> str:
        if self.period_start is None:
            return ""
        if self.period_start == self.period_end:
            return self.period_start.isoformat()
        return f"{self.period_start.isoformat()} – {self.period_end.isoformat()}"


@dataclass(frozen=True)
class Document:
    id: int
    path: str
    url: str | None
    title: str | None
    published: date | None
    province: str | None
    sha256: str
    text: str
    figures: list[FigureRecord] = field(default_factory=list)


@dataclass(frozen=True)
class QueuePage:
    figures: list[FigureRecord]
    total: int
    page: int
    pages: int
    states: dict[str, int]


@dataclass(frozen=True)
class Point:
    figure: FigureRecord
    chosen: bool
    conflict: bool


def _figure_columns():
    return (*(_F.c[name] for name in (
        "id", "key", "document_id", "indicator", "value", "unit", "province", "province_code",
        "province_era", "scope", "locality", "period_start", "period_end", "period_grain",
        "status", "estimate", "basis", "of_total", "bound", "flags", "start_offset",
        "end_offset", "line", "quote", "rule")),
        _D.c.path.label("document_path"), _STATE,
        *(_VERDICT.c[name].label(f"v_{name}") for name in (
            "review_id", "verdict", "attachment", "reviewer", "reviewed_at", "note",
            "corrected_value", "corrected_period_start", "corrected_period_end",
            "corrected_province")))


def _select():
    return (sa.select(*_figure_columns())
            .select_from(_F.join(_D, _D.c.id == _F.c.document_id)
                         .outerjoin(_VERDICT, _VERDICT.c.figure_id == _F.c.id)))


def _decimal(value) -> Decimal | None:
    return None if value is None else number(value)


def _record(row) -> FigureRecord:
    m = row._mapping
    verdict = None
    if m["v_review_id"] is not None:
        verdict = Verdict(m["v_review_id"], m["v_verdict"], m["v_attachment"], m["v_reviewer"],
                          m["v_reviewed_at"], m["v_note"], _decimal(m["v_corrected_value"]),
                          m["v_corrected_period_start"], m["v_corrected_period_end"],
                          m["v_corrected_province"])
    return FigureRecord(
        id=m["id"], key=m["key"], document_id=m["document_id"],
        document_path=m["document_path"], indicator=m["indicator"], value=number(m["value"]),
        unit=m["unit"], province=m["province"], province_code=m["province_code"],
        province_era=m["province_era"], scope=m["scope"], locality=m["locality"],
        period_start=m["period_start"], period_end=m["period_end"],
        period_grain=m["period_grain"], status=m["status"], estimate=bool(m["estimate"]),
        basis=m["basis"], of_total=_decimal(m["of_total"]), bound=m["bound"],
        flags=tuple(m["flags"].split(",")) if m["flags"] else (), start=m["start_offset"],
        end=m["end_offset"], line=m["line"], quote=m["quote"], rule=m["rule"],
        state=m["state"], verdict=verdict)


def _where(query, filters: dict[str, str]):
    """Apply the queue's filters; unknown or empty ones are ignored."""
    for name in ("province", "indicator", "scope", "status", "rule"):
        if filters.get(name):
            query = query.where(_F.c[name] == filters[name])
    if filters.get("document", "").isdigit():
        query = query.where(_F.c.document_id == int(filters["document"]))
    if filters.get("flag"):
        query = query.where((sa.literal(",") + _F.c.flags + sa.literal(","))
                            .contains(f",{filters['flag']},", autoescape=True))
    year = filters.get("period", "")
    if year.isdigit() and len(year) == 4:
        query = query.where(_F.c.period_start >= date(int(year), 1, 1),
                            _F.c.period_end <= date(int(year), 12, 31))
    if filters.get("state") in STATES:
        query = query.where(_STATE == filters["state"])
    return query


def queue(engine: sa.Engine, filters: dict[str, str], sort: str = "document",
          descending: bool = False, page: int = 1) -> QueuePage:
    """One page of the figures matching `filters`, with the count in each review state."""
    order = [c.desc() if descending else c for c in SORTS.get(sort, SORTS["document"])]
    without_state = {k: v for k, v in filters.items() if k != "state"}
    with engine.connect() as conn:
        states = dict.fromkeys(STATES, 0)
        counted = _where(sa.select(_STATE, sa.func.count()).select_from(
            _F.join(_D, _D.c.id == _F.c.document_id)
            .outerjoin(_VERDICT, _VERDICT.c.figure_id == _F.c.id)), without_state)
        for state, count in conn.execute(counted.group_by(_STATE)):
            states[state] = count
        total = sum(states.values()) if filters.get("state") not in STATES else states[
            filters["state"]]
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, page), pages)
        rows = conn.execute(_where(_select(), filters).order_by(*order, _F.c.id)
                            .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE))
        return QueuePage([_record(r) for r in rows], total, page, pages, states)


def options(engine: sa.Engine) -> dict[str, list[str]]:
    """The values each filter can take, for the queue's drop-downs."""
    with engine.connect() as conn:
        def distinct(column) -> list[str]:
            return sorted({v for v in conn.execute(sa.select(column).distinct()).scalars()
                           if v is not None})

        flags = sorted({flag for value in distinct(_F.c.flags) for flag in value.split(",")})
        years = sorted({str(d.year) for d in distinct(_F.c.period_end)}, reverse=True)
        return {"province": distinct(_F.c.province), "indicator": distinct(_F.c.indicator),
                "period": years, "scope": distinct(_F.c.scope),
                "status": distinct(_F.c.status), "flag": flags, "rule": distinct(_F.c.rule),
                "state": list(STATES)}


def figure(engine: sa.Engine, figure_id: int) -> FigureRecord | None:
    with engine.connect() as conn:
        row = conn.execute(_select().where(_F.c.id == figure_id)).first()
    return None if row is None else _record(row)


def document(engine: sa.Engine, document_id: int) -> Document | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(_D).where(_D.c.id == document_id)).first()
        if row is None:
            return None
        figures = [_record(r) for r in conn.execute(
            _select().where(_F.c.document_id == document_id)
            .order_by(_F.c.start_offset, _F.c.end_offset, _F.c.indicator))]
    return Document(row.id, row.path, row.url, row.title, row.published, row.province,
                    row.sha256, row.text, figures)


def documents(engine: sa.Engine) -> list[tuple[int, str, str | None, int, int]]:
    """Every document: id, path, title, figures, figures still to review."""
    to_review = sa.func.sum(sa.case((_STATE.in_(_TO_REVIEW), 1), else_=0))
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(_D.c.id, _D.c.path, _D.c.title, sa.func.count(_F.c.id), to_review)
            .select_from(_D.outerjoin(_F, _F.c.document_id == _D.c.id)
                         .outerjoin(_VERDICT, _VERDICT.c.figure_id == _F.c.id))
            .group_by(_D.c.id, _D.c.path, _D.c.title).order_by(_D.c.path))]


def next_to_review(engine: sa.Engine, after: FigureRecord) -> int | None:
    """The next figure still to review: later in the same document, else in the next ones."""
    query = _select().where(_STATE.in_(_TO_REVIEW), _F.c.id != after.id)
    with engine.connect() as conn:
        row = conn.execute(query.where(_F.c.document_id == after.document_id,
                                       _F.c.start_offset >= after.start)
                           .order_by(_F.c.start_offset, _F.c.id).limit(1)).first()
        if row is None:
            row = conn.execute(query.order_by(
                sa.case((_F.c.document_id > after.document_id, 0), else_=1),
                _F.c.document_id, _F.c.start_offset, _F.c.id).limit(1)).first()
    return None if row is None else row.id


def history(engine: sa.Engine, figure_id: int) -> list[Verdict]:
    """Every review attached to the figure, newest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(_REVIEWS, _LINKS.c.attachment)
            .join(_LINKS, _LINKS.c.review_id == _REVIEWS.c.id)
            .where(_LINKS.c.figure_id == figure_id).order_by(_REVIEWS.c.id.desc()))
        return [Verdict(r.id, r.verdict, r.attachment, r.reviewer, r.reviewed_at, r.note,
                        _decimal(r.corrected_value), r.corrected_period_start,
                        r.corrected_period_end, r.corrected_province) for r in rows]


def attachments(engine: sa.Engine) -> dict[str, int]:
    """How many reviews stand exact, carried, stale or orphaned after the latest load."""
    with engine.connect() as conn:
        counted = dict(conn.execute(sa.select(_LINKS.c.attachment, sa.func.count())
                                    .group_by(_LINKS.c.attachment)).all())
    return {kind: counted.get(kind, 0) for kind in ATTACHMENTS}


def series_index(engine: sa.Engine) -> list[tuple[str, str, int]]:
    """Province x indicator pairs with province-scope figures: province, indicator, figures."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(_F.c.province, _F.c.indicator, sa.func.count())
            .where(_F.c.scope == "province", _F.c.province.is_not(None),
                   _F.c.period_end.is_not(None))
            .group_by(_F.c.province, _F.c.indicator).order_by(_F.c.province, _F.c.indicator))]


def series(engine: sa.Engine, province: str, indicator: str) -> list[Point]:
    """A province's figures of one indicator over time, with conflicts and the chosen ones."""
    with engine.connect() as conn:
        figures = [_record(r) for r in conn.execute(
            _select().where(_F.c.province == province, _F.c.indicator == indicator,
                            _F.c.scope == "province", _F.c.period_end.is_not(None))
            .order_by(_F.c.period_end, _F.c.period_start, _F.c.id))]
        chosen = set(conn.execute(sa.select(_CHOSEN.c.figure_id).where(
            _CHOSEN.c.province == province, _CHOSEN.c.indicator == indicator)).scalars())
    values: dict[tuple, set[Decimal]] = {}
    for f in figures:
        if f.state != "rejected":
            values.setdefault((f.period_start, f.period_end, f.status), set()).add(f.value)
    return [Point(f, f.id in chosen,
                  len(values.get((f.period_start, f.period_end, f.status), ())) > 1)
            for f in figures]


def unit_of(engine: sa.Engine, indicator: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(sa.select(IndicatorRow.unit)
                            .where(IndicatorRow.code == indicator)).scalar()


def parse_value(text: str) -> Decimal:
    """A value typed by a reviewer: `7.1`, `7,1` or `23773000000000`; no thousands marks."""
    cleaned = text.strip().replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise VerdictError(f"{text!r} is not a number (write 7.1 or 7,1, without "
                           "thousands separators)") from None
    if not value.is_finite():
        raise VerdictError(f"{text!r} is not a number")
    return value


def record_verdict(engine: sa.Engine, figure_id: int, reviewer: str, verdict: str, *,
                   note: str | None = None, value: Decimal | None = None,
                   period: tuple[date, date] | None = None,
                   province: str | None = None) -> int:
    """Append a review of the figure, with the evidence it judged, attached exactly to it."""
    from pipeline.provinces import lookup_province

    note = (note or "").strip() or None
    if verdict not in VERDICTS:
        raise VerdictError(f"verdict must be one of {', '.join(VERDICTS)}")
    if verdict == "reject" and not note:
        raise VerdictError("a rejection needs a reason")
    with engine.begin() as conn:
        row = conn.execute(
            sa.select(_F, _D.c.path, _D.c.sha256, _D.c.text.label("document_text"))
            .join(_D, _D.c.id == _F.c.document_id).where(_F.c.id == figure_id)).first()
        if row is None:
            raise VerdictError(f"figure {figure_id} does not exist (reloaded meanwhile?)")
        correction = {}
        if verdict == "correct":
            if value is not None and number(value) != number(row.value):
                correction["corrected_value"] = value
            if period is not None and period != (row.period_start, row.period_end):
                if period[0] > period[1]:
                    raise VerdictError("the period ends before it starts")
                correction["corrected_period_start"], correction["corrected_period_end"] = period
            if province and province != row.province:
                found = lookup_province(province, period[1] if period else row.period_end)
                if found is None:
                    raise VerdictError(f"{province!r} is not a province name")
                correction["corrected_province"] = found.name
                correction["corrected_province_code"] = found.code
            if not correction:
                raise VerdictError("a correction changes the value, the period or the province")
        review_id = conn.execute(_REVIEWS.insert().values(
            reviewer=reviewer, reviewed_at=datetime.now(timezone.utc), verdict=verdict,
            note=note, **correction, figure_key=row.key, document_path=row.path,
            document_sha256=row.sha256, indicator=row.indicator, value=row.value,
            quote=row.quote, start_offset=row.start_offset, end_offset=row.end_offset,
            number_text=row.document_text[row.start_offset:row.end_offset],
        ).returning(_REVIEWS.c.id)).scalar_one()
        conn.execute(_LINKS.insert().values(review_id=review_id, figure_id=figure_id,
                                            attachment="exact", run_id=None,
                                            checked_at=datetime.now(timezone.utc)))
    return review_id
