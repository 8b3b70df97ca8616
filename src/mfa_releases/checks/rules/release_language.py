"""release_language: the text is in one of the dataset's languages, the one its header declares."""

from __future__ import annotations

from mfa_releases.checks.base import rule
from mfa_releases.checks.rules._foundation import header_line, report_owned
from mfa_releases.language import detect_language

MIXED_SHARE = 0.25  # a Russian release quotes the odd Latin name; a quarter of its letters is a pasted translation


def _script_shares(text: str) -> tuple[float, float]:
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    total = cyrillic + latin or 1
    return cyrillic / total, latin / total


@rule("release_language", "release", "The text is Russian, English or Kazakh, matches a declared language "
      "and does not mix two languages.")
def check(target, ctx, report):
    if report_owned(ctx.release_error(target.path), report):
        return
    document = ctx.release(target.path)
    if document is None:
        return
    detected = detect_language(document.text)
    if detected is not None and detected != document.language:
        # The foundation prefers detection, so a disagreement means the front matter said otherwise.
        report.error(header_line(ctx.text(target.path), "language"),
                     f"The header declares language {document.language!r} but the text is {detected!r}.",
                     f"Write 'language: {detected}' in the front matter (or remove the line to detect it).")
        return
    cyrillic, latin = _script_shares(document.text)
    minority = min(cyrillic, latin)
    if minority > MIXED_SHARE:
        report.warning(1, f"The text mixes scripts ({cyrillic:.0%} Cyrillic, {latin:.0%} Latin letters): it may "
                          "hold a release and its translation.",
                       "Keep one language per file; put a translation in its own file with its own header.")
