"""annotation_schema: an annotation is valid JSON matching schemas/annotation.schema.json."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import report_owned_annotation


@rule("annotation_schema", "annotation", "The file is UTF-8 JSON matching schemas/annotation.schema.json.")
def check(target, ctx, report):
    # Validation itself is the annotation loader's (JSON Schema, with lines); this rule reports it.
    report_owned_annotation(ctx.annotation_errors(target.path), report)
