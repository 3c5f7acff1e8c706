"""The document record that reading hands to extraction and loading."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.frame import Frame


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded, NFC-normalized document; `text` is what every figure offset indexes."""

    path: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    province: str | None = None
    encoding: str | None = None
    ocr: bool = False  # the text came from OCR of a scanned PDF: its figures are flagged `ocr`

    @property
    def frame(self) -> Frame:
        """What the whole text tells every figure in it (pipeline.frame), resolved from the text,
        its title, URL and publication date."""
        from pipeline.frame import document_frame  # extraction's, not reading's: imported late

        return document_frame(self.text, title=self.title, url=self.url, published=self.published)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class DocumentError(Exception):
    """A document that cannot be read; carries the file, the stage and (when known) the line."""

    def __init__(self, path: str, stage: str, message: str, line: int | None = None):
        self.path, self.stage, self.message, self.line = path, stage, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {stage}: {message}")

    def __reduce__(self):
        """Pickled by its fields: a worker process sends it back whole (pipeline.parallel)."""
        return type(self), (self.path, self.stage, self.message, self.line)
