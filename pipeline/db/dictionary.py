"""The data dictionary: one description per table, view and column, kept in one place.

The models read it for their COMMENTs (PostgreSQL, where Metabase and Superset show them);
`publish` copies it into the `data_dictionary` table (SQLite has no comments) and comments
the views, which Alembic does not manage.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa


@dataclass(frozen=True)
class Entry:
    kind: str
    description: str
    columns: dict[str, str]


_PERIOD = {
    "period_start": "First day of the period the value covers (inclusive).",
    "period_end": "Last day of the period the value covers (inclusive).",
    "period_grain": "How the period was stated (year, quarter, month, year to date, term, day).",
    "calendar_year": "The year when the period is exactly one calendar year, else NULL.",
}
_PLACE = {
    "province": "Canonical Vietnamese name of the province the value is about.",
    "province_code": "Official code of that province (see provinces.code).",
    "province_era": "Era of that unit (2008 or 2025): old and new units of one name and code are kept apart.",
    "scope": "province; district/organization for a unit inside the province; level for a total over one level of government.",
    "locality": "Name of the district or organization, or the level (cấp tỉnh, cấp huyện, cấp xã), when scope is not province.",
}
# the headline views' columns, one per headline indicator
_HEADLINE_COLUMNS = {
    "grdp_growth": "GRDP growth rate, percent.",
    "grdp_value": "GRDP, VND.",
    "grdp_per_capita": "GRDP per capita, VND per person.",
    "budget_revenue_total": "Total state budget revenue collected in the province, VND.",
    "budget_revenue_domestic": "Domestic budget revenue, VND.",
    "budget_expenditure_local": "Local budget expenditure, VND.",
    "income_per_capita": "Average income, VND per person per year.",
    "poverty_rate": "Share of poor households, percent.",
}
_SOURCE = {
    "document_id": "The source document (documents.id).",
    "document_path": "Path of the source document as given to `solieu run`.",
    "document_url": "Web address of the source document, when known.",
    "published": "Publication date of the source document, when known.",
    "quote": "The source sentence, verbatim.",
}
_QUALIFIERS = {
    "status": "actual, or planned for targets and announced plans.",
    "estimate": "True when the text calls the value an estimate (ước, dự ước).",
    "basis": "What a percentage is measured against (dự toán, cùng kỳ, kế hoạch).",
    "of_total": "Denominator stated with the value (149 of 158 petitions, rank 31 of 63).",
    "bound": "Qualifier on the value when the text gives a bound (over, nearly, at least).",
}
_VALUE = {
    "indicator": "Catalogue code of the indicator (indicators.code).",
    "value": "The value in base units: VND for money, the percent number for rates.",
    "unit": "Unit of value (VND, USD, percent, count, visits, rank, VND_per_person, "
    "USD_per_person, ...).",
}
_COUNTS = {
    "documents_seen": "Documents read in the run (loaded, skipped or failed).",
    "documents_new": "Documents loaded for the first time.",
    "documents_changed": "Documents whose text, metadata or rules version changed; reloaded.",
    "documents_unchanged": "Documents skipped because nothing changed since their last load.",
    "documents_failed": "Documents sent to document_errors.",
    "figures_inserted": "Figures added.",
    "figures_updated": "Figures whose identity was kept but whose values changed.",
    "figures_deleted": "Figures removed because a changed document no longer yields them.",
}

ENTRIES: dict[str, Entry] = {
    "provinces": Entry(
        "table",
        "Provinces and centrally governed cities, before (era 2008, 63 units) and after "
        "(era 2025, 34 units) the July 2025 merger.",
        {
            "code": "Official administrative code; reused across eras, so unique with era.",
            "era": "2008 for the units in force until 2025-06-30, 2025 for those from 2025-07-01.",
            "name": "Canonical Vietnamese name.",
            "kind": "Kind of unit (tỉnh or thành phố trực thuộc trung ương).",
            "successor_code": "For an era-2008 unit, the code of the era-2025 unit it became part of.",
            "aliases": "Other spellings and abbreviations, separated by ';'.",
            "partial_successor_codes": "For an era-2008 unit split across the merger, the codes of "
            "the other era-2025 units that received part of it, separated by ';'; NULL when whole.",
        },
    ),
    "districts": Entry(
        "table",
        "Districts (huyện, thị xã, thành phố thuộc tỉnh) of the era-2008 provinces.",
        {
            "code": "Official district code.",
            "name": "Canonical Vietnamese name.",
            "kind": "Kind of unit (huyện, thị xã, quận, thành phố).",
            "province_code": "Code of the province the district belongs to.",
            "province_era": "Era of that province; always 2008 (districts were abolished in 2025).",
            "aliases": "Other spellings, separated by ';'.",
        },
    ),
    "indicators": Entry(
        "table",
        "The indicator catalogue: what a figure measures, seeded from seeds/indicators.csv.",
        {
            "code": "Stable indicator code used by figures.indicator.",
            "family": "Group of related indicators (budget, grdp, complaints, ...).",
            "unit": "Unit figures of this indicator are stated in; money written in US dollars "
            "stays in dollars (USD, USD_per_person).",
            "name_vi": "Vietnamese name.",
            "name_en": "English name.",
            "example": "A typical wording in the sources.",
            "kind": "What the indicator is: amount, rate, growth, rank, stock (a count on a day), "
            "count (over a period) or per_capita.",
            "part_of": "The indicator this one is a part of (complaints_resolved of "
            "complaints_in_jurisdiction).",
            "rank_of": "The indicator this one ranks (grdp_growth_rank ranks grdp_growth).",
            "rate_of": "For a share: the part whose share of its total it is "
            "(complaint_resolution_rate of complaints_resolved).",
            "of_total": "True when a denominator written with the number (149/158, 31/63) is the "
            "figure's total, kept in figures.of_total.",
            "min_value": "Lowest plausible value in the catalogue unit; below it the figure is "
            "flagged. NULL: unbounded.",
            "max_value": "Highest plausible value (100 for shares); above it the figure is "
            "flagged. NULL: unbounded.",
            "headline": "True for the indicators that are columns of province_year_headlines.",
            "additive": "True when figures of several provinces or districts can be summed: "
            "amounts and counts, never rates, growth, ranks or per-capita values.",
        },
    ),
    "documents": Entry(
        "table",
        "Every loaded source document with the exact text figure offsets index.",
        {
            "id": "Surrogate key.",
            "path": "Identity: the resolved path relative to its input root (a folder's name and the path "
                    "inside it, or the path inside a manifest's folder).",
            "url": "Web address of the source, when known.",
            "title": "Title, from the manifest or the text.",
            "published": "Publication date, from the manifest or the text.",
            "province": "Province the source covers, from the manifest.",
            "encoding": "How the text was read: utf-8, cp1258, tcvn3, vni, html:…, pdf, pdf:ocr, docx, "
                        "docx:tcvn3 ….",
            "sha256": "SHA-256 of text (UTF-8); a changed hash means a changed document.",
            "rules_version": "Version of the extraction rules that last read the document.",
            "text": "The stored text: decoded, NFC; figures.start_offset/end_offset index it.",
            "run_id": "The run that last wrote the document (runs.id).",
            "loaded_at": "When that run wrote it (UTC).",
        },
    ),
    "figures": Entry(
        "table",
        "Every figure extracted from the documents, grounded to the characters it was read "
        "from. Prefer the published_figures view: it hides figures of unfinished runs.",
        {
            "id": "Surrogate key; stable across reruns while the figure's identity holds.",
            "key": "Identity hash of document path + span + indicator (pipeline Figure.key).",
            "document_id": "The source document (documents.id).",
            **_VALUE,
            **_PLACE,
            "province_era": "Era of the unit the figure is about (2008 or 2025), resolved from "
            "its name and markers such as (mới)/(cũ), never from the code alone; NULL when "
            "(province_code, era) is not in provinces (then flags has province_code_unknown).",
            "period_start": _PERIOD["period_start"],
            "period_end": _PERIOD["period_end"],
            "period_grain": _PERIOD["period_grain"],
            **_QUALIFIERS,
            "flags": "Comma-separated warnings about the figure, NULL when none.",
            "start_offset": "Code-point offset in documents.text where the number starts.",
            "end_offset": "Code-point offset in documents.text just after the number.",
            "line": "1-based line of the number in documents.text.",
            "quote": "The source sentence, verbatim.",
            "rule": "Id of the extraction rule that produced the figure.",
            "rules_version": "Version of the extraction rules that wrote the figure.",
            "run_id": "The run that last wrote the figure (runs.id).",
            "digest": "Fingerprint of the figure's values; the load compares it to detect updates.",
        },
    ),
    "runs": Entry(
        "table",
        "The run ledger: one row per `solieu run`, committed together with the data it wrote.",
        {
            "id": "Run number.",
            "started_at": "Start time (UTC).",
            "finished_at": "End time (UTC); NULL while running or when the run was killed.",
            "status": "running, completed, interrupted (stopped or killed) or failed (aborted).",
            "code_version": "Version of the solieu code.",
            "rules_version": "Version of the extraction rules.",
            "full_refresh": "True when every document was re-extracted regardless of changes.",
            "pid": "Process id of the run.",
            "host": "Machine the run ran on.",
            **_COUNTS,
            "resumed_by": "For an interrupted or failed run, the completed run that finished its "
            "work; its figures are published from then on.",
            "message": "Why the run stopped, when it did not complete.",
        },
    ),
    "document_errors": Entry(
        "table",
        "The quarantine: documents that could not be read, extracted or loaded, per run.",
        {
            "id": "Surrogate key.",
            "run_id": "The run that met the error (runs.id).",
            "path": "Path of the document.",
            "stage": "Where it failed: manifest, read, decode, ocr, extract, validate, load.",
            "message": "What went wrong.",
            "line": "Line of the document the error is about, when known.",
            "recorded_at": "When the error was recorded (UTC).",
        },
    ),
    "data_dictionary": Entry(
        "table",
        "Descriptions of every table, view and column (the same text as the PostgreSQL COMMENTs).",
        {
            "object_name": "Table or view name.",
            "column_name": "Column name; empty for the table or view itself.",
            "kind": "table or view.",
            "description": "What it holds.",
        },
    ),
    "review_users": Entry(
        "table",
        "People who may open the review app (`solieu review user add`): reviewers record "
        "verdicts, viewers only read.",
        {
            "name": "Login name.",
            "role": "reviewer (may record verdicts) or viewer (read only).",
            "password_hash": "Salted scrypt hash: scrypt$n$r$p$salt$hash (hex); never the password.",
            "created_at": "When the user was added (UTC).",
        },
    ),
    "reviews": Entry(
        "table",
        "Auditors' verdicts on figures, append-only (triggers refuse UPDATE and DELETE). Each "
        "keeps the evidence it judged, so it can be re-attached after the figure is reloaded.",
        {
            "id": "Surrogate key; a later review of the same figure has a larger id and wins.",
            "reviewer": "Who recorded it (review_users.name).",
            "reviewed_at": "When (UTC).",
            "verdict": "approve, reject (note gives the reason) or correct (corrected_* columns).",
            "note": "The reviewer's reason or remark.",
            "corrected_value": "For a correction: the right value, in base units.",
            "corrected_period_start": "For a correction: the right first day of the period.",
            "corrected_period_end": "For a correction: the right last day of the period.",
            "corrected_province": "For a correction: the right province (canonical name).",
            "corrected_province_code": "Official code of corrected_province.",
            "figure_key": "figures.key of the judged figure.",
            "document_path": "Path of the document the figure was read from.",
            "document_sha256": "SHA-256 of that document's text when it was judged.",
            "indicator": "Indicator of the judged figure.",
            "value": "Value of the judged figure, as extracted.",
            "quote": "Source sentence of the judged figure, verbatim.",
            "start_offset": "Offset of the number in the text that was judged.",
            "end_offset": "Offset just after the number in the text that was judged.",
            "number_text": "The characters text[start_offset:end_offset] that were judged.",
        },
    ),
    "review_links": Entry(
        "table",
        "Where each review stands after the latest load: which figure it is attached to and how.",
        {
            "review_id": "The review (reviews.id).",
            "figure_id": "The figure it is attached to now (figures.id); NULL when orphaned.",
            "attachment": "exact (same figure), carried (same quote and value, the text moved), "
            "stale (the figure changed: needs re-review) or orphaned (gone).",
            "run_id": "The run that last re-attached it; NULL when set by the review itself.",
            "checked_at": "When the attachment was last decided (UTC).",
        },
    ),
    "published_figures": Entry(
        "view",
        "Every figure of a completed run (or of an interrupted run a later run completed), "
        "with its indicator names and source document.",
        {
            "figure_id": "figures.id.",
            "figure_key": "figures.key.",
            **_VALUE,
            "indicator_name_vi": "Vietnamese name of the indicator.",
            "indicator_name_en": "English name of the indicator.",
            "family": "Indicator family.",
            **_PLACE,
            **_PERIOD,
            **_QUALIFIERS,
            "flags": "Comma-separated warnings about the figure, NULL when none.",
            **_SOURCE,
            "document_title": "Title of the source document.",
            "start_offset": "Offset of the number in documents.text.",
            "end_offset": "Offset just after the number in documents.text.",
            "line": "1-based line of the number in documents.text.",
            "rule": "Id of the extraction rule that produced the figure.",
            "run_id": "The run that last wrote the figure.",
        },
    ),
    "chosen_values": Entry(
        "view",
        "One row per province (in its era) x scope x locality x indicator x unit x period with the "
        "value to report: actual beats planned, a final figure beats an estimate, a later publication "
        "beats an earlier one. Figures without a period are left out.",
        {
            **_PLACE,
            **_VALUE,
            "indicator_name_en": "English name of the indicator.",
            **_PERIOD,
            **_QUALIFIERS,
            "candidates": "How many published figures compete for this row (rejected ones do not).",
            "figure_id": "The chosen figure (figures.id).",
            **_SOURCE,
            "review": "The auditors' verdict on the chosen figure: corrected (value, period or "
            "province are the reviewer's), approved, or NULL when unreviewed. Rejected figures "
            "are never chosen; a corrected figure beats any other, then an approved one.",
            "extracted_value": "The value as extracted, before any correction.",
            "review_id": "The review behind the verdict (reviews.id), NULL when unreviewed.",
        },
    ),
    "value_conflicts": Entry(
        "view",
        "Published figures that disagree: same province, scope, locality, indicator, period "
        "and status but different values. One row per disagreeing figure.",
        {
            **_PLACE,
            "indicator": _VALUE["indicator"],
            **_PERIOD,
            "status": _QUALIFIERS["status"],
            "value": _VALUE["value"],
            "unit": _VALUE["unit"],
            "estimate": _QUALIFIERS["estimate"],
            "figure_id": "The disagreeing figure (figures.id).",
            **_SOURCE,
            "is_chosen": "True for the figure chosen_values reports.",
        },
    ),
    "province_year_headlines": Entry(
        "view",
        "Headline indicators by province and calendar year, one column per indicator: "
        "the chosen actual value for the whole year, province scope only.",
        {
            "province": _PLACE["province"],
            "province_code": _PLACE["province_code"],
            "province_era": _PLACE["province_era"],
            "year": "Calendar year.",
            **_HEADLINE_COLUMNS,
        },
    ),
    "province_2025_values": Entry(
        "view",
        "Chosen province-scope values filed under the 34 era-2025 units, for series across the "
        "July 2025 merger: a figure about a new unit as reported; an unchanged unit's "
        "predecessor as it is; for a merged unit, the sum over its predecessors of an additive "
        "indicator (indicators.additive), complete only when every predecessor has the figure "
        "for the period. Rates, ranks and growth of merged units are never summed. One row per "
        "unit x indicator x period x status; a reported figure beats a sum.",
        {
            "province": "Name of the era-2025 unit.",
            "province_code": "Code of the era-2025 unit (provinces.code with era 2025).",
            "indicator": _VALUE["indicator"],
            **_PERIOD,
            "status": _QUALIFIERS["status"],
            "value": "The value in base units; for a sum, NULL unless complete.",
            "unit": _VALUE["unit"],
            "estimate": "True when the value, or any part of a sum, is an estimate.",
            "complete": "True when every predecessor has a figure for the period (always true "
            "for reported and predecessor rows).",
            "source": "reported (a figure about the era-2025 unit), predecessor (the only "
            "era-2008 unit it continues) or sum (over its era-2008 predecessors).",
            "parts": "Names of the units whose figures make the value, separated by ', '.",
            "parts_count": "How many units' figures make the value.",
            "predecessors_count": "How many era-2008 units the era-2025 unit was formed from.",
            "figure_ids": "The figures (figures.id) behind the value, separated by ', '.",
            "published": "Latest publication date among the parts' source documents.",
        },
    ),
    "province_year_headlines_2025": Entry(
        "view",
        "province_year_headlines for the 34 era-2025 units, from province_2025_values: one "
        "column per headline indicator, actual values for whole calendar years, sums only when "
        "complete.",
        {
            "province": "Name of the era-2025 unit.",
            "province_code": "Code of the era-2025 unit (provinces.code with era 2025).",
            "year": "Calendar year.",
            **_HEADLINE_COLUMNS,
        },
    ),
    "figure_reviews": Entry(
        "view",
        "Each reviewed figure's standing verdict: its latest attached review.",
        {
            "figure_id": "The figure (figures.id).",
            "review_id": "Its latest review (reviews.id).",
            "verdict": "approve, reject or correct.",
            "attachment": "exact or carried: the verdict holds; stale: the figure changed since, "
            "needs re-review.",
            "reviewer": "Who recorded the verdict.",
            "reviewed_at": "When (UTC).",
            "note": "The reviewer's reason or remark.",
            "corrected_value": "For a correction: the right value.",
            "corrected_period_start": "For a correction: the right first day of the period.",
            "corrected_period_end": "For a correction: the right last day of the period.",
            "corrected_province": "For a correction: the right province.",
            "corrected_province_code": "Official code of corrected_province.",
        },
    ),
}

_STAGED = {
    "run_id": "The run whose staging row this is (runs.id); its rows are deleted when it merges.",
    "part": "The partition of the input that staged the row: a retried partition replaces "
    "its own rows.",
    "ord": "Position of the row in its partition (the order of the input).",
}
ENTRIES["staged_documents"] = Entry(
    "table",
    "Staging for `solieu run --dask`: documents extracted on a worker, waiting for the run's "
    "final transaction to merge them into documents. Empty between runs.",
    {**_STAGED,
     "kind": "What the run found stored: documents_new, documents_changed or "
     "documents_unchanged (re-extracted by --full-refresh).",
     **{c: text for c, text in ENTRIES["documents"].columns.items()
        if c not in ("id", "run_id", "loaded_at")}},
)
ENTRIES["staged_figures"] = Entry(
    "table",
    "Staging for `solieu run --dask`: figures extracted on a worker and written with COPY, "
    "waiting for the run's final transaction to merge them into figures. Empty between runs.",
    {**_STAGED, "path": "Path of the figure's document (documents.path).",
     **{c: text for c, text in ENTRIES["figures"].columns.items()
        if c not in ("id", "document_id", "run_id", "rules_version")}},
)

VIEWS = tuple(name for name, entry in ENTRIES.items() if entry.kind == "view")


def _rows() -> list[dict]:
    rows = []
    for name, entry in ENTRIES.items():
        rows.append({"object_name": name, "column_name": "", "kind": entry.kind,
                     "description": entry.description})
        rows.extend({"object_name": name, "column_name": column, "kind": entry.kind,
                     "description": text} for column, text in entry.columns.items())
    return rows


def publish(conn: sa.Connection) -> None:
    """Refresh the data_dictionary table and, on PostgreSQL, the views' COMMENTs."""
    table = sa.table("data_dictionary", *(sa.column(c) for c in
                                           ("object_name", "column_name", "kind", "description")))
    wanted = {(r["object_name"], r["column_name"]): r for r in _rows()}
    stored = {(r.object_name, r.column_name): r._asdict() for r in conn.execute(sa.select(table))}
    stale = [k for k in stored if k not in wanted or stored[k] != wanted[k]]
    for object_name, column_name in stale:
        conn.execute(table.delete().where(table.c.object_name == object_name,
                                          table.c.column_name == column_name))
    fresh = [row for k, row in wanted.items() if k not in stored or k in stale]
    if fresh:
        conn.execute(table.insert(), fresh)
    if conn.dialect.name == "postgresql":
        _comment_views(conn)


def _comment_views(conn: sa.Connection) -> None:
    quote = conn.dialect.identifier_preparer.quote
    literal = sa.String().literal_processor(conn.dialect)
    for name in VIEWS:
        entry = ENTRIES[name]
        conn.exec_driver_sql(f"COMMENT ON VIEW {quote(name)} IS {literal(entry.description)}")
        for column, text in entry.columns.items():
            conn.exec_driver_sql(
                f"COMMENT ON COLUMN {quote(name)}.{quote(column)} IS {literal(text)}")
