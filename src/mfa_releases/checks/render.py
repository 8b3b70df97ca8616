"""Showing findings: for people (text), for GitHub Actions (workflow commands), for tools (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from mfa_releases.checks.base import Finding

FORMATS = ("text", "github", "json")


def summary_line(findings: Sequence[Finding], n_files: int) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    verdict = "FAILED" if errors else "OK"
    return f"{verdict}: {errors} error(s), {warnings} warning(s) in {n_files} file(s) checked"


def render_text(findings: Sequence[Finding], n_files: int) -> str:
    """`path:line: severity [rule] message` then an indented `fix:` line, one block per finding."""
    lines = []
    for f in findings:
        lines.append(f"{f.path}:{f.line}: {f.severity} [{f.rule}] {f.message}")
        lines.append(f"    fix: {f.hint}")
    lines.append(summary_line(findings, n_files))
    return "\n".join(lines)


def _escape_data(value: str) -> str:
    # GitHub workflow-command escaping: the message may not contain raw %, CR or LF.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], n_files: int) -> str:
    """One `::error file=…,line=…,title=…::message` (or `::warning`) per finding, then a plain summary."""
    lines = []
    for f in findings:
        props = ",".join(
            [
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"title={_escape_property(f.rule)}",
            ]
        )
        body = _escape_data(f"[{f.rule}] {f.message} Fix: {f.hint}")
        lines.append(f"::{f.severity} {props}::{body}")
    lines.append(summary_line(findings, n_files))
    return "\n".join(lines)


def render_json(findings: Sequence[Finding], n_files: int) -> str:
    """A JSON object: the findings as a list, and counts."""
    errors = sum(f.is_error for f in findings)
    payload = {
        "ok": errors == 0,
        "files_checked": n_files,
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [f.to_dict() for f in findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def render(findings: Sequence[Finding], n_files: int, fmt: str = "text") -> str:
    """Findings in one of `FORMATS`."""
    renderers = {"text": render_text, "github": render_github, "json": render_json}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt](findings, n_files)
