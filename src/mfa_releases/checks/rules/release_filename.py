"""release_filename: releases are named seeds/releases/<source>/YYYY-MM-DD-<slug>.txt after their date."""

from __future__ import annotations

import re

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import header_line

NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.txt$")
EXAMPLE = "2026-02-05-kosherbaev-washington.txt"


def suggested_name(name: str, date: str | None) -> str:
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}", "", name.rsplit(".", 1)[0])
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "<who-where>"
    return f"{date or 'YYYY-MM-DD'}-{slug}.txt"


@rule("release_filename", "release", f"A release file is named YYYY-MM-DD-<slug>.txt (e.g. {EXAMPLE}), "
      "with the header's date, directly in its source folder.")
def check(target, ctx, report):
    document = ctx.release(target.path)
    date = document.date.isoformat() if document is not None else None
    name = target.path.name
    if target.path.is_relative_to(ctx.releases_dir):
        parts = target.path.relative_to(ctx.releases_dir).parts
        if len(parts) > 2:
            report.error(1, f"The release is nested in extra folders ({'/'.join(parts[1:-1])}).",
                         f"Move it directly into seeds/releases/{parts[0]}/.")
    match = NAME.match(name)
    if match is None:
        report.error(1, f"The file name {name!r} does not follow YYYY-MM-DD-<slug>.txt.",
                     f"Rename it to {suggested_name(name, date)!r}: the release date, then a short slug of "
                     f"lower-case Latin letters, digits and hyphens (e.g. {EXAMPLE}).")
        return
    if date is not None and match["date"] != date:
        report.error(header_line(ctx.text(target.path), "date"),
                     f"The file name says {match['date']} but the header says {date}.",
                     f"Rename the file to {date}-{match['slug']}.txt, or correct the header date if the "
                     "name is right.")
