"""CSV that a spreadsheet opens as data: cells that would run as formulas are neutralised.

OWASP's rule for CSV injection: a cell beginning with `=`, `+`, `-`, `@`, a tab or a
carriage return gets a leading `'`, so Excel and LibreOffice show it as text. Vietnamese
bullet lines (`- Thu ngân sách …`) and titles such as `=HYPERLINK(…)` reach CSV cells, so
every CSV the project writes goes through this module. A plain decimal number (`-9`,
`-0.5`) cannot run as a formula and is left as it is, so negative growth stays a number.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import regex

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = regex.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def neutralise(value: Any) -> Any:
    """The cell as a spreadsheet should show it: a string that starts a formula gets a `'`."""
    if (isinstance(value, str) and value.startswith(TRIGGERS)
            and not _PLAIN_NUMBER.fullmatch(value)):
        return "'" + value
    return value


class Writer:
    """csv.writer whose every cell is neutralised."""

    def __init__(self, out: TextIO, **options: Any):
        options.setdefault("lineterminator", "\n")
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class DictWriter:
    """csv.DictWriter whose every cell, header included, is neutralised."""

    def __init__(self, out: TextIO, fieldnames: Sequence[str], **options: Any):
        options.setdefault("lineterminator", "\n")
        self._fieldnames = list(fieldnames)
        self._writer = csv.DictWriter(out, fieldnames=self._fieldnames, **options)

    def writeheader(self) -> None:
        self._writer.writerow({name: neutralise(name) for name in self._fieldnames})

    def writerow(self, row: dict[str, Any]) -> None:
        self._writer.writerow({key: neutralise(value) for key, value in row.items()})
