"""Stable ids: pure functions of content (source + normalized text) and position, never of time or order."""

from __future__ import annotations

import hashlib


def text_sha256(text: str) -> str:
    """SHA-256 (hex) of a normalized text, encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id(source: str, text: str) -> str:
    """`<source>-<12 hex>`: the same source and normalized text always give the same id."""
    digest = hashlib.sha256((source + "\x00" + text).encode("utf-8")).hexdigest()
    return f"{source}-{digest[:12]}"


def meeting_id(doc_id: str, n: int) -> str:
    """The n-th meeting (1-based) of a document."""
    return f"{doc_id}-m{n}"


def participant_id(meeting_id: str, n: int) -> str:
    """The n-th participant (1-based) of a meeting."""
    return f"{meeting_id}-p{n}"


def commitment_id(doc_id: str, n: int) -> str:
    """The n-th commitment (1-based) of a document."""
    return f"{doc_id}-c{n}"
