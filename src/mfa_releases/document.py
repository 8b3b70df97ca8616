"""The `Document` record: one ingested release, the unit every later step works on."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Document:
    """One release after ingestion; `text` is normalized and every character offset refers to it."""

    doc_id: str
    source: str
    url: str | None
    date: dt.date
    language: str
    title: str | None
    text: str
    sha256: str
    n_chars: int
    path: str

    def to_row(self) -> dict:
        return asdict(self)
