"""The `solieu` command line: extraction, evaluation, and (from pipeline.db) the load."""
from __future__ import annotations

import json
import sys
from importlib import import_module

import click

from pipeline import safe_csv
from pipeline.documents import DocumentError
from pipeline.input_options import input_options
from pipeline.logs import Log, log_format_option

_FORMATS = click.Choice(["table", "jsonl", "csv"])
_TABLE_COLUMNS = ("document", "line", "indicator", "value", "unit", "province", "scope", "period_start",
                  "period_end", "status", "estimate", "rule")


class _Commands(click.Group):
    """The database commands load SQLAlchemy and Alembic only when one of them runs."""

    _LAZY = {"run": "pipeline.db.commands", "db": "pipeline.db.commands", "export": "pipeline.db.commands",
             "runs": "pipeline.db.runs",
             "review": "pipeline.review.commands"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self._LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self._LAZY:
            return getattr(import_module(self._LAZY[name]), name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="solieu")
def main() -> None:
    """solieu: dated figures from Vietnamese provincial reports, traced to their source."""


def _figures(paths, manifest, failures: list | None = None, log=None, workers: int = 1, **limits):
    """Figures of every readable document, in input order; unreadable ones are reported,
    counted in `failures`, and skipped. Figures read by OCR carry the flag `ocr`."""
    from dataclasses import replace

    from pipeline.parallel import Extractor
    from pipeline.reading import iter_documents

    failures = [] if failures is None else failures
    log = log or Log()
    items = iter_documents(paths, manifest, **limits)
    readable = _readable(items, failures, log)
    with Extractor(workers) as pool:
        for item, result in pool.map(readable):
            if isinstance(result, DocumentError):
                failures.append(result)
                log.document_failed(result)
            else:
                yield from (replace(f, flags=(*f.flags, "ocr")) if item.ocr else f for f in result)
    if failures:
        log.error("inputs_failed", f"{len(failures)} document(s) could not be read",
                  failed=len(failures))


def _readable(items, failures: list, log):
    """The documents of `items`; the ones that could not be read are reported on the way."""
    for item in items:
        if isinstance(item, DocumentError):
            failures.append(item)
            log.document_failed(item)
        else:
            yield item


_workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Processes that extract in parallel  [default: the machine's cores].")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), help="JSON Lines manifest of documents.")
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True, help="jsonl is the contract.")
@_workers_option
@input_options
@log_format_option
def extract(paths, manifest, fmt, workers, max_bytes, allow_outside, log_format):
    """Print the figures found in PATHS (files or folders) or a manifest.

    Exit status: 0 every input read, 1 some input failed (one line each on stderr).
    """
    if not paths and not manifest:
        raise click.UsageError("give PATH… or --manifest FILE")
    failures: list[DocumentError] = []
    figures = _figures(paths, manifest, failures, Log(log_format), workers=workers,
                       max_bytes=max_bytes, allow_outside=allow_outside)
    rows = (f.to_json() for f in figures)
    out = sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = None
        for row in rows:
            row = {k: (";".join(v) if isinstance(v, list) else v) for k, v in row.items()}
            if writer is None:
                writer = safe_csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
    else:
        table = [[str(row[c]) if row[c] is not None else "" for c in _TABLE_COLUMNS] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in table]) for i, c in enumerate(_TABLE_COLUMNS)]
        out.write("  ".join(c.ljust(w) for c, w in zip(_TABLE_COLUMNS, widths)).rstrip() + "\n")
        for r in table:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")
    if failures:
        sys.exit(1)


@main.command()
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold figures, JSON Lines.")
@click.option("--docs", required=True, type=click.Path(exists=True, file_okay=False), help="Folder of the gold's texts.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), help="Manifest giving published dates and provinces.")
@click.option("--json", "as_json_", is_flag=True, help="Print the three levels as one JSON object.")
def evaluate(gold, docs, manifest, as_json_):
    """Extract from DOCS and score against GOLD: detection, indicator and record P/R/F1."""
    from pipeline.evaluate import as_json, evaluate as score, format_report, load_jsonl

    predictions = [f.to_json() for f in _figures(() if manifest else (docs,), manifest, workers=None)]
    report = score(load_jsonl(gold), docs, predictions)
    click.echo(json.dumps(as_json(report), ensure_ascii=False) if as_json_ else format_report(report))
