"""release_header: the file starts with a ` date YYYY-MM-DD ` header or valid YAML front matter."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import report_owned


@rule("release_header", "release", "The header (' date YYYY-MM-DD ' or front matter) parses to a real date.",
      needs=("text",))
def check(target, ctx, report):
    # The parsing itself is the foundation's `parse_release`; this rule reports what it rejects.
    report_owned(ctx.release_error(target.path), report)
