"""release_size: the text is long enough to be a release and short enough to be only one."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import report_owned

MIN_CHARS = 150  # the shortest real release in the development corpus has ~330 characters
SHORT_CHARS = 300
LONG_CHARS = 20_000  # ten times the usual release: a long speech, or a pasted page
MAX_CHARS = 60_000


@rule("release_size", "release", f"The normalized text has {MIN_CHARS}–{MAX_CHARS:,} characters (warns outside "
      f"{SHORT_CHARS}–{LONG_CHARS:,}).")
def check(target, ctx, report):
    if report_owned(ctx.release_error(target.path), report):
        return
    document = ctx.release(target.path)
    if document is None:
        return
    n = document.n_chars
    if n < MIN_CHARS:
        report.error(1, f"The release text has only {n} characters (minimum {MIN_CHARS}): it looks truncated "
                        "or is a caption, not a release.",
                     "Paste the whole release: the lead sentence and every paragraph.")
    elif n < SHORT_CHARS:
        report.warning(1, f"The release text has only {n} characters: check that no paragraph is missing.",
                       "Compare with the source page and paste any missing paragraph.")
    elif n > MAX_CHARS:
        report.error(1, f"The release text has {n:,} characters (maximum {MAX_CHARS:,}): it looks like several "
                        "releases or a whole web page.",
                     "Keep only the release itself; put each release in its own file.")
    elif n > LONG_CHARS:
        report.warning(1, f"The release text has {n:,} characters, far more than a usual release.",
                       "Check that menus, related news or other releases were not pasted along with it.")
