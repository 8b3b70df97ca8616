"""Which of the foundation's `ReleaseError` rules each contribution rule reports.

`load_document` stops at the first problem it meets; its rule id says which of our rules owns it,
so every problem is reported exactly once, under the rule a contributor can look up.
"""

from __future__ import annotations

from mfa_releases.checks.base import Reporter
from mfa_releases.errors import ReleaseError

OWNER = {
    "encoding": "release_encoding",
    "binary": "release_encoding",
    "too-large": "release_size",
    "empty": "release_size",
    "date-header": "release_header",
    "impossible-date": "release_header",
    "front-matter": "release_header",
    "unknown-source": "release_source_known",
    "source-mismatch": "release_source_known",
    "language": "release_language",
}


def report_owned(error: ReleaseError | None, report: Reporter) -> bool:
    """Report `error` if it belongs to `report`'s rule (unknown foundation rules go to release_header)."""
    if error is None or OWNER.get(error.rule, "release_header") != report.rule_id:
        return False
    report.error(error.line, sentence(error.message), sentence(error.hint or "see CONTRIBUTING.md"))
    return True



def header_line(text: str | None, key: str) -> int:
    """Line of a header field: the front-matter line `key: …`, else 1 (the seed format's one-line header)."""
    if text is None or not text.lstrip("\ufeff").startswith("---"):
        return 1
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 1 and line.rstrip() == "---":
            break
        if line.split(":", 1)[0].strip() == key:
            return number
    return 1


ANNOTATION_OWNER = {
    "annotation-json": "annotation_schema",
    "annotation-schema": "annotation_schema",
    "annotation-iso-code": "annotation_iso_codes",
    "annotation-meeting-ref": "annotation_meeting_refs",
}


def report_owned_annotation(errors: list[ReleaseError], report: Reporter) -> bool:
    """Report those of `load_annotation`'s errors that belong to `report`'s rule."""
    reported = False
    for error in errors:
        if ANNOTATION_OWNER.get(error.rule, "annotation_schema") == report.rule_id:
            report.error(error.line, sentence(error.message), sentence(error.hint or "see the annotation guide"))
            reported = True
    return reported


def sentence(text: str) -> str:
    """The foundation writes fragments ("re-save it as UTF-8"); findings read as sentences."""
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")", "»")) else text + "."
