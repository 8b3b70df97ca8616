"""release_source_known: a release lives in seeds/releases/<source>/ and <source> is in sources.yaml."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.context import RELEASES, SOURCES
from mfa_releases.checks.rules._foundation import report_owned


@rule("release_source_known", "release", "The release's folder names a source listed in seeds/sources.yaml.")
def check(target, ctx, report):
    sources = ctx.sources
    if sources is None:  # sources.yaml itself is broken: sources_wellformed reports it
        return
    if report_owned(ctx.release_error(target.path), report):
        return
    if not target.path.is_relative_to(ctx.releases_dir):
        report.error(1, f"The release is outside {RELEASES}/, so it belongs to no source.",
                     f"Move it to {RELEASES}/<source>/ where <source> is one of: {', '.join(sources) or '(none)'}.")
        return
    parts = target.path.relative_to(ctx.releases_dir).parts
    # load_document stopped early for another reason: still say whether the folder is right.
    if ctx.release(target.path) is None:
        if len(parts) < 2:
            report.error(1, "The release is not inside a source folder.",
                         f"Move it to {RELEASES}/<source>/ with <source> one of: {', '.join(sources)}.")
        elif parts[0] not in sources:
            report.error(1, f"Source folder {parts[0]!r} is not listed in {SOURCES}.",
                         f"Add an entry 'id: {parts[0]}' to {SOURCES}, or move the file into one of: "
                         f"{', '.join(sources)}.")
