"""One module per rule; importing this package registers them all, in evaluation order.

To add a rule: write `rules/<rule_id>.py` with one `@rule(...)` function, import it below, and add
a broken example for it to the table in tests/test_checks.py.
"""

from mfa_releases.checks.rules import (  # noqa: F401
    release_encoding,
    release_header,
    release_size,
    release_language,
    release_date_plausible,
    release_source_known,
    release_filename,
    release_duplicate,
    annotation_schema,
    annotation_release,
    annotation_evidence,
    annotation_meeting_refs,
    annotation_iso_codes,
    annotation_nominative,
    sources_wellformed,
    gazetteer_wellformed,
)
