"""release_date_plausible: the release date is not in the future and not before 1991."""

from __future__ import annotations

import datetime as dt

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import header_line

EARLIEST = dt.date(1991, 1, 1)  # the ministries whose releases we collect did not publish before


@rule("release_date_plausible", "release", f"The header date lies between {EARLIEST} and today.",
      needs=("release",))
def check(target, ctx, report):
    date = ctx.release(target.path).date
    line = header_line(ctx.text(target.path), "date")
    if date > ctx.today:
        report.error(line, f"The release date {date} is in the future (today is {ctx.today}).",
                     "Use the publication date shown on the source page; check the year and that the "
                     "month and day are not swapped.")
    elif date < EARLIEST:
        report.error(line, f"The release date {date} is before {EARLIEST.year}: no source in this dataset "
                        "published releases then.",
                     "Use the publication date shown on the source page (YYYY-MM-DD); check the year.")
