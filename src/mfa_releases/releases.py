"""Reading one raw release file: encoding checks, then its header or front matter.

Two formats are accepted (see README, "Release files"):

1. The seed format: ``" date YYYY-MM-DD <first paragraph>"`` then paragraphs separated by blank lines.
2. YAML front matter between ``---`` lines, with only the keys date, source, url, language and title,
   followed by the text.

Everything that is wrong is raised as one `ReleaseError` naming the file, the line, the rule and the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from mfa_releases.errors import ReleaseError
from mfa_releases.sources import LANGUAGES, SOURCE_ID

DEFAULT_MAX_BYTES = 1_000_000
FRONT_MATTER_KEYS = ("date", "source", "url", "language", "title")

_SEED_HEADER = re.compile(r"\A[ \t]*date(?:[ \t]+(?P<date>[^\s]+))?(?P<sep>[ \t]+|\n|\Z)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UTF8_BOM = b"\xef\xbb\xbf"
# C0 control characters other than tab, LF, CR and form feed (a regex: this runs on every file).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True)
class RawRelease:
    """One release as read from its file, before normalization."""

    date: dt.date
    source: str | None  # from the front matter; None in the seed format
    url: str | None
    language: str | None  # None when the file does not say (detected later)
    title: str | None
    body: str  # raw text after the header, BOM removed, line endings as in the file
    body_line: int  # 1-based line of the file where the body starts


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings, so that we check them (and report bad days) ourselves."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _cyrillic_score(text: str) -> float:
    """Share of Cyrillic letters that are lower-case: high for real text, low for a wrong code page."""
    letters = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
    if len(letters) < 3:
        return 0.0
    return sum(ch.islower() for ch in letters) / len(letters)


def guess_encoding(data: bytes) -> str:
    """Best guess at the encoding of bytes that are not UTF-8 (for the error message only)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    candidates = {}
    for encoding in ("cp1251", "koi8_r"):
        try:
            candidates[encoding] = _cyrillic_score(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = max(candidates, key=candidates.get, default=None)
    if best is not None and candidates[best] > 0.5:
        return {"cp1251": "Windows-1251 (cp1251)", "koi8_r": "KOI8-R"}[best]
    return "Latin-1 / Windows-1252"


def _looks_like_utf16(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    # UTF-16 without BOM: NUL in every other byte of mostly-ASCII or Cyrillic text.
    sample = data[:4000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    for text_part, zero_part, encoding in ((even, odd, "utf-16-le"), (odd, even, "utf-16-be")):
        if zero_part.count(0) > 0.3 * len(zero_part):
            try:
                decoded = sample[: len(sample) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if sum(ch.isprintable() or ch.isspace() for ch in decoded) > 0.95 * len(decoded):
                return True
    return False


def decode_release(path: str, data: bytes, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """UTF-8 text of a release file, or a `ReleaseError` for size, emptiness, binary data or encoding."""
    if max_bytes is not None and len(data) > max_bytes:
        raise ReleaseError(path, None, "too-large",
                           f"file is {len(data):,} bytes, over the limit of {max_bytes:,}",
                           "a release is a few kilobytes of text: check it is the right file, "
                           "or raise build.max_release_bytes in params.yaml")
    if not data.strip(b" \t\r\n" + _UTF8_BOM):
        raise ReleaseError(path, None, "empty", "file is empty",
                           "write the release into it (header ' date YYYY-MM-DD' and the text) or delete it")
    if _looks_like_utf16(data):
        raise ReleaseError(path, None, "encoding", "file is not UTF-8: it looks like UTF-16",
                           "re-save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
    if b"\x00" in data:
        raise ReleaseError(path, None, "binary",
                           "file holds binary data (NUL bytes), not text",
                           "releases are plain UTF-8 text files: export the text and save it as .txt")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if sum(1 for b in data[:4096] if b < 32 and b not in b"\t\n\r\f") > len(data[:4096]) // 20:
            raise ReleaseError(path, None, "binary", "file holds binary data, not text",
                               "releases are plain UTF-8 text files: export the text and save it as .txt") from None
        encoding = guess_encoding(data)
        iconv = {"Windows-1251 (cp1251)": "CP1251", "KOI8-R": "KOI8-R"}.get(encoding, "CP1252")
        raise ReleaseError(path, _line_of(data, exc.start), "encoding",
                           f"file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                           f"it looks like {encoding}",
                           f"re-save it as UTF-8 (e.g. iconv -f {iconv} -t UTF-8)") from None
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > max(3, len(text) // 100):
        raise ReleaseError(path, None, "binary", f"file holds {controls} control characters, not text",
                           "releases are plain UTF-8 text files: export the text and save it as .txt")
    return text.removeprefix("\ufeff")


def _parse_date(path: str, line: int, value: str, where: str) -> dt.date:
    if not _ISO_DATE.match(value):
        raise ReleaseError(path, line, "date-header", f"malformed date {value!r} in {where}",
                           "write the date as YYYY-MM-DD, e.g. 2026-02-05")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ReleaseError(path, line, "impossible-date", f"date {value} does not exist ({exc})",
                           "check the day and month of the release date") from None


def _parse_seed_format(path: str, text: str) -> RawRelease:
    match = _SEED_HEADER.match(text)
    if match is None:
        first = text.split("\n", 1)[0].strip()[:40]
        raise ReleaseError(path, 1, "date-header", f"missing date header (file starts with {first!r})",
                           "start the file with ' date YYYY-MM-DD ' followed by the text, "
                           "or with YAML front matter between '---' lines")
    if match.group("date") is None:
        raise ReleaseError(path, 1, "date-header", "date header has no date",
                           "write ' date YYYY-MM-DD ' followed by the text")
    date = _parse_date(path, 1, match.group("date"), "the date header")
    body = text[match.end():]
    body_line = 2 if match.group("sep") == "\n" else 1
    return RawRelease(date=date, source=None, url=None, language=None, title=None,
                      body=body, body_line=body_line)


def _parse_front_matter(path: str, text: str) -> RawRelease:
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if closing is None:
        raise ReleaseError(path, 1, "front-matter", "front matter opened with '---' is never closed",
                           "end the front matter with a line '---' before the text")
    yaml_text = "\n".join(lines[1:closing])
    try:
        node = yaml.compose(yaml_text, Loader=_FrontMatterLoader)
        data = yaml.load(yaml_text, Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise ReleaseError(path, mark.line + 2 if mark else 1, "front-matter", f"bad YAML in front matter: {problem}",
                           "fix the YAML (one 'key: value' per line; quote values containing ': ')") from None
    if not isinstance(data, dict):
        raise ReleaseError(path, 2, "front-matter", "front matter must be 'key: value' lines",
                           f"use only the keys {', '.join(FRONT_MATTER_KEYS)}")
    key_lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value}
    for key in data:
        if key not in FRONT_MATTER_KEYS:
            raise ReleaseError(path, key_lines.get(str(key)), "front-matter", f"unknown front-matter key {key!r}",
                               f"allowed keys: {', '.join(FRONT_MATTER_KEYS)}")

    def value(key: str) -> str | None:
        v = data.get(key)
        if v is None:
            return None
        if not isinstance(v, (str, int, float)):
            raise ReleaseError(path, key_lines.get(key), "front-matter", f"{key} must be a single value",
                               f"write '{key}: <value>' on one line")
        return str(v).strip() or None

    date_value = value("date")
    if date_value is None:
        raise ReleaseError(path, 1, "date-header", "front matter has no date",
                           "add a line 'date: YYYY-MM-DD' to the front matter")
    date = _parse_date(path, key_lines["date"], date_value, "the front matter")
    source, url, language, title = value("source"), value("url"), value("language"), value("title")
    if source is not None and not SOURCE_ID.match(source):
        raise ReleaseError(path, key_lines["source"], "front-matter", f"bad source id {source!r}",
                           "use a source id from seeds/sources.yaml (lower-case letters, digits, hyphens)")
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise ReleaseError(path, key_lines["url"], "front-matter", f"bad url {url!r}", "give a full http(s) URL")
    if language is not None and language not in LANGUAGES:
        raise ReleaseError(path, key_lines["language"], "front-matter", f"bad language {language!r}",
                           f"use one of {', '.join(LANGUAGES)} or leave it out to detect it")
    body = "\n".join(lines[closing + 1:])
    return RawRelease(date=date, source=source, url=url, language=language, title=title,
                      body=body, body_line=closing + 2)


def parse_release(path: Path | str, raw_bytes: bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> RawRelease:
    """Parse one raw release file (`path` is only used in messages); raise `ReleaseError` when it is bad."""
    path = str(path)
    text = decode_release(path, raw_bytes, max_bytes).replace("\r\n", "\n").replace("\r", "\n")
    if text.split("\n", 1)[0].rstrip() == "---":
        release = _parse_front_matter(path, text)
    else:
        release = _parse_seed_format(path, text)
    if not release.body.strip():
        raise ReleaseError(path, release.body_line, "empty", "release has a header but no text",
                           "add the release text after the header")
    return release
