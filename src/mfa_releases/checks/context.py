"""What rules share while checking one contribution: the repository layout and cached loads.

Every expensive or failure-prone step (decoding a file, parsing a release, loading an annotation,
reading `sources.yaml`) happens once here, through the foundation's own functions, so rules
never re-implement parsing and several rules can look at the same parsed file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mfa_releases.errors import ReleaseError

SEEDS = Path("seeds")
RELEASES = SEEDS / "releases"
ANNOTATIONS = SEEDS / "annotations"
GAZETTEERS = SEEDS / "gazetteers"
SOURCES = SEEDS / "sources.yaml"
# Annotation problems after which the file cannot be read as an annotation at all.
STRUCTURAL = ("annotation-json", "annotation-schema")


def display_path(path: Path, root: Path) -> str:
    """`path` relative to the repository root when inside it (as GitHub annotations need)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Context:
    """Repository root, today's date (injectable for tests) and caches shared by all rules."""

    root: Path
    today: dt.date = field(default_factory=dt.date.today)
    # Releases being checked; duplicates among them are reported once, on the later file.
    target_releases: frozenset[Path] = frozenset()
    _texts: dict[Path, str | None] = field(default_factory=dict)
    _releases: dict[Path, Any] = field(default_factory=dict)
    _release_errors: dict[Path, ReleaseError] = field(default_factory=dict)
    _annotations: dict[Path, Any] = field(default_factory=dict)
    _annotation_errors: dict[Path, list[ReleaseError]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # per-run caches of individual rules

    # -- files ---------------------------------------------------------------------------------

    def display(self, path: Path) -> str:
        return display_path(path, self.root)

    def raw(self, path: Path) -> bytes:
        return path.read_bytes()

    def text(self, path: Path) -> str | None:
        """The file decoded as strict UTF-8, or None when it is not (rule release_encoding says why)."""
        if path not in self._texts:
            try:
                self._texts[path] = self.raw(path).decode("utf-8")
            except (UnicodeDecodeError, OSError):
                self._texts[path] = None
        return self._texts[path]

    # -- releases ------------------------------------------------------------------------------

    @property
    def releases_dir(self) -> Path:
        return self.root / RELEASES

    @property
    def sources_path(self) -> Path:
        return self.root / SOURCES

    def release(self, path: Path):
        """The release as the foundation's `load_document` reads it, or None if it is rejected."""
        if path not in self._releases:
            from mfa_releases.ingest import load_document

            inside = path.is_relative_to(self.releases_dir)
            try:
                self._releases[path] = load_document(
                    path,
                    self.releases_dir if inside else path.parent,
                    self.sources_or_empty,
                    dataset=inside,
                )
            except ReleaseError as error:
                self._releases[path] = None
                self._release_errors[path] = error
        return self._releases[path]

    def release_error(self, path: Path) -> ReleaseError | None:
        self.release(path)
        return self._release_errors.get(path)

    @cached_property
    def existing_releases(self) -> list[Path]:
        """Every release file already in the repository (and those being checked)."""
        found = set(self.releases_dir.rglob("*.txt")) if self.releases_dir.is_dir() else set()
        return sorted(found | set(self.target_releases))

    # -- sources -------------------------------------------------------------------------------

    @cached_property
    def sources(self):
        """`seeds/sources.yaml` loaded by the foundation, or None if it is missing or broken."""
        from mfa_releases.sources import load_sources

        try:
            return load_sources(self.sources_path)
        except ReleaseError:
            return None

    @property
    def sources_or_empty(self):
        from mfa_releases.sources import Sources

        return self.sources if self.sources is not None else Sources()

    # -- annotations ---------------------------------------------------------------------------

    def annotation(self, path: Path):
        """The annotation as a dict with `.lines` (JSON path → line), or None if it is not valid JSON
        matching the schema. Semantic problems (ISO codes, meeting references) do not hide it."""
        if path not in self._annotations:
            from mfa_releases.annotations import Annotation, annotation_errors, value_lines

            annotation, errors = annotation_errors(path, self.display(path))
            self._annotation_errors[path] = errors
            if annotation is None and errors and not any(e.rule in STRUCTURAL for e in errors):
                raw = path.read_bytes().decode("utf-8-sig")
                annotation = Annotation(json.loads(raw))
                annotation.path, annotation.lines = self.display(path), value_lines(raw)
            self._annotations[path] = annotation
        return self._annotations[path]

    def annotation_errors(self, path: Path) -> list[ReleaseError]:
        self.annotation(path)
        return self._annotation_errors[path]

    @cached_property
    def releases_by_doc_id(self) -> dict[str, Path]:
        """doc_id → release file, for every release that parses."""
        index = {}
        for path in self.existing_releases:
            document = self.release(path)
            if document is not None:
                index[document.doc_id] = path
        return index
