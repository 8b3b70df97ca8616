"""The registry of publishing sources (`seeds/sources.yaml`).

Format: a YAML list, one mapping per source::

    - id: kz-mfa                      # lower-case, digits and hyphens; the folder name under seeds/releases/
      name: Ministry of Foreign Affairs of the Republic of Kazakhstan
      country: KZ                     # ISO 3166-1 alpha-2
      homepage: https://www.gov.kz/memleket/entities/mfa
      language: ru                    # default language of its releases (ru, en or kk)
      licence: <how the texts may be reused>
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from mfa_releases.errors import ReleaseError

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANGUAGES = ("ru", "en", "kk")
REQUIRED_KEYS = ("id", "name", "country", "homepage", "language", "licence")
OPTIONAL_KEYS = ("notes",)


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    country: str
    homepage: str
    language: str
    licence: str
    notes: str | None = None


class Sources(dict):
    """Source id → `Source`, in file order."""

    def language_of(self, source_id: str) -> str | None:
        source = self.get(source_id)
        return source.language if source is not None else None


def _error(path: Path, line: int | None, message: str, hint: str) -> ReleaseError:
    return ReleaseError(str(path), line, "sources", message, hint)


def load_sources(path: Path | str) -> Sources:
    """Read and check `sources.yaml`; raise `ReleaseError` naming the entry and what to fix."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _error(path, None, "sources file not found",
                     "pass --sources PATH to a YAML list of sources (see seeds/sources.yaml)") from None
    except UnicodeDecodeError:
        raise _error(path, None, "sources file is not UTF-8", "re-save it as UTF-8") from None
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _error(path, mark.line + 1 if mark else None, f"bad YAML: {getattr(exc, 'problem', exc)}",
                     "fix the YAML syntax") from None
    if data is None:
        data = []
    if not isinstance(data, list):
        raise _error(path, 1, "expected a YAML list of sources", "write one '- id: …' entry per source")
    sources = Sources()
    for i, entry in enumerate(data):
        line = node.value[i].start_mark.line + 1
        if not isinstance(entry, dict):
            raise _error(path, line, "a source must be a mapping", f"give the keys {', '.join(REQUIRED_KEYS)}")
        unknown = sorted(set(entry) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
        if unknown:
            raise _error(path, line, f"unknown key(s) {', '.join(map(str, unknown))}",
                         f"allowed keys: {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}")
        missing = [k for k in REQUIRED_KEYS if not entry.get(k)]
        if missing:
            raise _error(path, line, f"source {entry.get('id', '#' + str(i + 1))!r} lacks {', '.join(missing)}",
                         "add the missing key(s)")
        values = {k: str(entry[k]) for k in REQUIRED_KEYS}
        if not SOURCE_ID.match(values["id"]):
            raise _error(path, line, f"bad source id {values['id']!r}", "use lower-case letters, digits and hyphens")
        if values["id"] in sources:
            raise _error(path, line, f"duplicate source id {values['id']!r}", "give every source its own id")
        if not re.fullmatch(r"[A-Z]{2}", values["country"]):
            raise _error(path, line, f"bad country {values['country']!r}", "use an ISO 3166-1 alpha-2 code such as KZ")
        if values["language"] not in LANGUAGES:
            raise _error(path, line, f"bad language {values['language']!r}", f"use one of {', '.join(LANGUAGES)}")
        if not re.match(r"^https?://", values["homepage"]):
            raise _error(path, line, f"bad homepage {values['homepage']!r}", "give an http(s) URL")
        sources[values["id"]] = Source(**values, notes=entry.get("notes"))
    return sources
