"""Contribution checks: `mfa-releases check` validates new releases, annotations, sources and gazetteers.

`check(paths, since=...)` returns `(findings, n_files)`; `render(findings, n_files, fmt)` shows them.
Rules live one per module in `mfa_releases.checks.rules`.
"""

from mfa_releases.checks.base import Finding, registered_rules
from mfa_releases.checks.render import FORMATS, render
from mfa_releases.checks.runner import CheckUsageError, check

__all__ = ["Finding", "registered_rules", "FORMATS", "render", "CheckUsageError", "check"]
