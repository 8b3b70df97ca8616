"""Per-document extraction cache, so that a rebuild costs what changed, not what exists.

An entry holds the `Facts` extracted from one document. Its key is the SHA-256 of

- what the extractor reads of the document: the normalized text's sha256, language, release
  date (relative dates resolve against it), title and source — not the path or the doc id, so
  renaming a file costs nothing;
- the extractor's fingerprint: the language, the extractor's `version`, a digest of the
  extraction code it runs (the shared modules of `mfa_releases/extract/` and its language's
  package, e.g. `extract/ru/**`), a digest of the gazetteers (`seeds/gazetteers/`) and the
  versions of the NLP libraries the extractors run on.

A change to any of these yields new keys, so stale entries are never read. Entries live under
one directory per fingerprint (`<root>/<fingerprint>/<key[:2]>/<key>.json`), written atomically
as canonical JSON (sorted keys, UTF-8, one line), so the cache's bytes depend only on the corpus
and the code. `prune()` drops what the last build did not use, keeping the directory (a
persistent DVC stage output) the size of the corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import json
import os
import shutil
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from mfa_releases.document import Document
from mfa_releases.extract import EXTRACTORS, extractor_version
from mfa_releases.extract.base import CommitmentFact, Facts, MeetingFact, ParticipantFact
from mfa_releases.extract.gazetteer import gazetteer_dir

# Bump when the entry format below changes.
CACHE_FORMAT = "1"

# Libraries whose upgrade can change what the extractors return.
NLP_DISTRIBUTIONS = ("natasha", "slovnet", "navec", "razdel", "yargy", "pymorphy2",
                     "pymorphy2-dicts-ru", "pycountry")


def tree_digest(root: Path, suffixes: tuple[str, ...] | None = None, recursive: bool = True) -> str:
    """SHA-256 over the relative paths and bytes of the files under `root` (sorted; caches skipped)."""
    digest = hashlib.sha256()
    if root.is_dir():
        files = sorted(
            p for p in (root.rglob("*") if recursive else root.iterdir())
            if p.is_file() and "__pycache__" not in p.parts
            and (suffixes is None or p.suffix in suffixes)
        )
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt")


def code_digest(extract_root: Path, language: str | None = None) -> str:
    """Digest of the extraction code under `extract_root`: for a language, the shared modules at
    its top (base, dates, countries, …) and the language's own package, so that a change to the
    English rules keeps the Russian entries; for None, everything."""
    if language is None:
        return tree_digest(extract_root, CODE_SUFFIXES)
    shared = tree_digest(extract_root, CODE_SUFFIXES, recursive=False)
    own = tree_digest(extract_root / language, CODE_SUFFIXES)
    return hashlib.sha256(f"{shared}:{language}:{own}".encode()).hexdigest()


@cache
def extraction_code_digest(language: str | None = None) -> str:
    """`code_digest` of the installed `mfa_releases/extract/` (the rules every extractor runs)."""
    package = importlib.import_module("mfa_releases.extract")
    return code_digest(Path(package.__file__).parent, language)


def gazetteers_digest(directory: Path | None = None) -> str:
    """Digest of the gazetteer files (read afresh: gazetteers are data and may change between builds)."""
    return tree_digest(directory or gazetteer_dir())


@cache
def library_versions() -> tuple[tuple[str, str], ...]:
    """Installed versions of the NLP libraries the extractors depend on."""
    versions = []
    for name in NLP_DISTRIBUTIONS:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "-"))
    return tuple(versions)


def declared_version(language: str) -> str | None:
    """The extractor's `version` without creating it (and so without loading a model) when it is
    a class attribute; otherwise the version of a created extractor. None when there is none."""
    target = EXTRACTORS.get(language)
    if target is None:
        return None
    module_name, class_name = target.split(":")
    extractor_class = getattr(importlib.import_module(module_name), class_name, None)
    if extractor_class is None:
        return None
    version = getattr(extractor_class, "version", None)
    return version if isinstance(version, str) else extractor_version(language)


def _sha256_json(payload) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# --- (de)serialization of Facts -----------------------------------------------------------------

def _jsonable(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def facts_to_json(facts: Facts) -> dict:
    """Facts as plain JSON data (dates as ISO strings)."""
    return _jsonable(dataclasses.asdict(facts))


def facts_from_json(data: dict) -> Facts:
    """The inverse of `facts_to_json`."""
    meetings = []
    for m in data.get("meetings", []):
        m = dict(m)
        m["date"] = dt.date.fromisoformat(m["date"]) if m.get("date") else None
        m["participants"] = [ParticipantFact(**p) for p in m.get("participants", [])]
        meetings.append(MeetingFact(**m))
    commitments = [CommitmentFact(**c) for c in data.get("commitments", [])]
    return Facts(meetings=meetings, commitments=commitments)


def encode_entry(key: str, facts: Facts) -> bytes:
    """Canonical bytes of a cache entry: the same facts always give the same bytes."""
    payload = {"format": CACHE_FORMAT, "key": key, "facts": facts_to_json(facts)}
    return (json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


# --- the cache ----------------------------------------------------------------------------------

class ExtractionCache:
    """Facts per document on disk under `root`; see the module docstring for the key.

    Only the building process reads and writes it (workers return facts to it), so no locking
    is needed; every write is a temp file renamed into place, so a killed build never leaves a
    half-written entry behind.
    """

    def __init__(self, root: Path | str, gazetteers: Path | None = None):
        self.root = Path(root)
        self._gazetteers = gazetteers
        self._fingerprints: dict[str, str | None] = {}
        self._used: set[Path] = set()
        self._paths: dict[tuple, Path | None] = {}
        self.hits = 0
        self.misses = 0

    def fingerprint(self, language: str) -> str | None:
        """Digest of everything besides the document that decides its facts; None without an extractor."""
        if language not in self._fingerprints:
            version = declared_version(language)
            self._fingerprints[language] = None if version is None else _sha256_json({
                "format": CACHE_FORMAT,
                "language": language,
                "extractor_version": version,
                "code": extraction_code_digest(language),
                "gazetteers": gazetteers_digest(self._gazetteers),
                "libraries": library_versions(),
            })[:16]
        return self._fingerprints[language]

    def key(self, document: Document) -> str | None:
        """The entry key for a document, or None when its language has no extractor (nothing to cache)."""
        fingerprint = self.fingerprint(document.language)
        if fingerprint is None:
            return None
        fields = [fingerprint, document.sha256, document.language, document.date.isoformat(),
                  document.title, document.source]
        return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()

    def _path(self, document: Document) -> Path | None:
        # Memoized: a build asks for each document's entry twice (contains, then get or put).
        memo_key = (document.sha256, document.language, document.date, document.title, document.source)
        if memo_key not in self._paths:
            key = self.key(document)
            self._paths[memo_key] = (None if key is None else
                                     self.root / self.fingerprint(document.language) / key[:2] / f"{key}.json")
        return self._paths[memo_key]

    def contains(self, document: Document) -> bool:
        """Whether an entry exists for the document (without reading it)."""
        path = self._path(document)
        return path is not None and path.is_file()

    def get(self, document: Document) -> Facts | None:
        """Cached facts for a document, or None on a miss (an unreadable entry counts as a miss)."""
        path = self._path(document)
        if path is None:
            return None
        self._used.add(path)
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != CACHE_FORMAT or data.get("key") != path.stem:
                raise ValueError("stale entry")
            facts = facts_from_json(data["facts"])
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return facts

    def put(self, document: Document, facts: Facts) -> None:
        """Store a document's facts (atomically)."""
        path = self._path(document)
        if path is None:
            return
        self._used.add(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(encode_entry(path.stem, facts))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self) -> int:
        """Delete every entry this build did not read or write (documents removed from the corpus,
        entries of older code or gazetteers) and leftover temp files; returns how many files went."""
        self.root.mkdir(parents=True, exist_ok=True)  # a DVC output must exist, even when empty
        removed = 0
        for directory, subdirectories, files in os.walk(self.root, topdown=False):
            for name in files:
                path = Path(directory, name)
                if path not in self._used:
                    path.unlink()
                    removed += 1
            if directory != str(self.root) and not os.listdir(directory):
                os.rmdir(directory)
        return removed

    def clear(self) -> None:
        """Remove the whole cache."""
        shutil.rmtree(self.root, ignore_errors=True)
