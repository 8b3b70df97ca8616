"""annotation_meeting_refs: meeting ids are unique and every commitment's meeting is one of them."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import report_owned_annotation


@rule("annotation_meeting_refs", "annotation", "Meeting ids are unique; a commitment's 'meeting' is null or "
      "the id of an annotated meeting.")
def check(target, ctx, report):
    report_owned_annotation(ctx.annotation_errors(target.path), report)
