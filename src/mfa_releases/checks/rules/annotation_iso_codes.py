"""annotation_iso_codes: every country and actor is an assigned ISO 3166-1 alpha-2 code."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import report_owned_annotation


@rule("annotation_iso_codes", "annotation", "Meeting and participant countries and commitment actors are "
      "assigned ISO 3166-1 alpha-2 codes.")
def check(target, ctx, report):
    report_owned_annotation(ctx.annotation_errors(target.path), report)
