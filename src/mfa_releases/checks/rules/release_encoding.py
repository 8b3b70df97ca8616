"""release_encoding: a release is UTF-8 text, not another code page, binary data or mojibake."""

from __future__ import annotations

from mfa_releases.checks.base import line_of_offset, rule
from mfa_releases.checks.rules._foundation import report_owned

REPLACEMENT_CHAR = "\ufffd"


def _mojibake(text: str) -> str | None:
    """The code page through which UTF-8 text was misread and saved again, if that is what happened."""
    special = "".join(ch for ch in text if not ch.isascii())
    if len(special) < 10:
        return None
    for codepage in ("cp1252", "cp1251", "latin-1"):
        try:
            repaired = special.encode(codepage).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != special:
            return codepage
    return None


@rule("release_encoding", "release", "The file is UTF-8 text without binary data, mojibake or byte-order mark.")
def check(target, ctx, report):
    if report_owned(ctx.release_error(target.path), report):
        return
    text = ctx.text(target.path)
    if text is None:  # rejected for a reason the foundation reports under another rule
        return
    if text.startswith("\ufeff"):
        report.warning(1, "The file starts with a UTF-8 byte-order mark (BOM).",
                       "Save it as 'UTF-8' rather than 'UTF-8 with BOM'.")
    if REPLACEMENT_CHAR in text:
        offset = text.index(REPLACEMENT_CHAR)
        report.error(line_of_offset(text, offset),
                     f"The text contains {text.count(REPLACEMENT_CHAR)} replacement character(s) '\ufffd': "
                     "characters were lost when it was converted from another encoding.",
                     "Copy the release again from the source page (or convert the original file with "
                     "iconv from its real encoding) instead of repairing it by hand.")
    codepage = _mojibake(text)
    if codepage:
        report.error(1, f"The text is mojibake: UTF-8 that was read as {codepage} and saved again "
                        "(letters look like 'Ð¡' or 'РњРёРґ').",
                     f"Convert it back: iconv -f UTF-8 -t {codepage.upper()} FILE > FIXED, check FIXED "
                     "reads correctly, and commit that.")
