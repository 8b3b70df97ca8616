"""sources_wellformed: seeds/sources.yaml loads, and no key is written twice in one entry."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import sentence
from mfa_releases.checks.yamlfile import YamlSyntaxError, duplicate_keys
from mfa_releases.errors import ReleaseError
from mfa_releases.sources import load_sources


@rule("sources_wellformed", "sources", "sources.yaml is a YAML list of complete, distinct sources without "
      "duplicate keys.", needs=("text",))
def check(target, ctx, report):
    try:
        duplicates = duplicate_keys(ctx.text(target.path))
    except YamlSyntaxError:
        duplicates = []  # load_sources reports the syntax error below, with its line
    for dup in duplicates:
        report.error(dup.line, f"Key {dup.key!r} appears twice in one entry (first on line {dup.first_line}); "
                               "YAML would silently keep only the last value.",
                     f"Keep one '{dup.key}:' line in this entry.")
    try:
        load_sources(target.path)
    except ReleaseError as error:
        report.error(error.line, sentence(error.message),
                     sentence(error.hint or "see the comment at the top of seeds/sources.yaml"))
