"""What the commands tell on stderr: plain lines for a person, or one JSON object a line
(`--log-format json`) for a log collector, with the same events and fields either way.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone

import click

from pipeline.documents import DocumentError

FORMATS = ("text", "json")

log_format_option = click.option(
    "--log-format", type=click.Choice(FORMATS), default="text", show_default=True,
    envvar="SOLIEU_LOG_FORMAT", show_envvar=True,
    help="stderr as plain lines, or one JSON object a line.")


class Log:
    """Events on stderr. `message` is the line a person reads; the fields are for machines."""

    def __init__(self, fmt: str = "text"):
        self.json = fmt == "json"

    def event(self, level: str, event: str, message: str, **fields) -> None:
        if self.json:
            record = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                      "level": level, "event": event, "message": message,
                      **{k: v for k, v in fields.items() if v is not None}}
            sys.stderr.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        else:
            prefix = "solieu: error: " if level == "error" and event == "cannot_run" else ""
            click.echo(f"{prefix}{message}", err=True)
        sys.stderr.flush()

    def info(self, event: str, message: str, **fields) -> None:
        self.event("info", event, message, **fields)

    def error(self, event: str, message: str, **fields) -> None:
        self.event("error", event, message, **fields)

    def document_failed(self, error: DocumentError, prefix: str = "error: ") -> None:
        self.error("document_failed", f"{prefix}{error}", path=error.path, stage=error.stage,
                   line=error.line, reason=error.message)
