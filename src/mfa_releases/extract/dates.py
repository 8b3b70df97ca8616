"""Language-independent date resolution for commitments' `due` and meetings' `date`.

Each language's extractor recognises its own phrases («в марте 2026 года», «next year») and
hands the parts here, so that precision and relative dates resolve the same way everywhere.
"""

from __future__ import annotations

import datetime as dt


def format_due(year: int, month: int | None = None, day: int | None = None) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, as precise as the parts given."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return dt.date(year, month, day).isoformat()


def infer_year(release_date: dt.date, month: int, day: int | None = None) -> int:
    """The year of a month (and day) named without one: the release's year.

    Releases report on the recent past and announce the near future, so a bare month is read in the
    release's year.
    """
    return release_date.year


def relative_year(release_date: dt.date, offset: int) -> int:
    """«в следующем году» / "next year" → offset 1; «в этом году» / "this year" → 0."""
    return release_date.year + offset
