"""A dataset hub in a local folder: one immutable folder per version and a `latest` pointer.

```
<hub>/kz-mfa-releases/
├── 1.0.0/          a release tree, never modified once written
├── 1.1.0/
└── latest -> 1.1.0 (relative symlink, swapped atomically)
```

A version becomes visible in one `rename` of a fully written and verified temporary folder, so a
crash mid-publish leaves at most a hidden `.tmp-*` folder (cleaned up by the next publish).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mfa_releases.release import DATASET_NAME, content_digest, read_manifest, verify_tree
from mfa_releases.versioning import is_version, parse_version

LATEST = "latest"


class PublishRefused(Exception):
    """Publishing would rewrite history (a version already holds other data); nothing was written."""


def verified_manifest(tree: Path) -> dict:
    """The MANIFEST of a release tree whose files match it; `PublishRefused` otherwise."""
    problems = verify_tree(tree)
    if problems:
        raise PublishRefused(f"{tree}: the release tree does not match its MANIFEST.json: {'; '.join(problems)}")
    return read_manifest(tree)


@dataclass(frozen=True)
class Published:
    """The outcome of a publish: `published` or `unchanged` (the same content already is that version)."""

    status: str
    version: str
    location: str


class LocalHub:
    """The local hub rooted at `root` (the folder that contains `kz-mfa-releases/`)."""

    def __init__(self, root: Path | str, dataset: str = DATASET_NAME):
        self.root = Path(root)
        self.dir = self.root / dataset

    def versions(self) -> list[str]:
        """Published versions, oldest first (hidden temporary folders are ignored)."""
        if not self.dir.is_dir():
            return []
        found = [p.name for p in self.dir.iterdir() if p.is_dir() and not p.is_symlink() and is_version(p.name)]
        return sorted(found, key=parse_version)

    def latest(self) -> str | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def path(self, version: str) -> Path:
        """The folder of a version; `latest` resolves to the newest one."""
        if version == LATEST:
            version = self.latest() or LATEST
        return self.dir / version

    def resolve(self, version: str) -> Path:
        path = self.path(version)
        if not (path / "MANIFEST.json").is_file():
            known = ", ".join(self.versions()) or "none"
            raise FileNotFoundError(f"{self.dir}: no published version {version!r} (published: {known})")
        return path

    def staging_dir(self) -> Path:
        """A hidden temporary folder inside the hub (same filesystem, so the final rename is atomic)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.dir))

    def clean_staging(self) -> None:
        """Remove leftovers of interrupted publishes."""
        if self.dir.is_dir():
            for leftover in self.dir.glob(".tmp-*"):
                shutil.rmtree(leftover, ignore_errors=True)

    def put(self, tree: Path | str) -> Published:
        """Publish a release tree under its manifest's version.

        Same content already there → `unchanged`; other content under that version → `PublishRefused`.
        """
        tree = Path(tree)
        manifest = verified_manifest(tree)
        version = manifest["version"]
        parse_version(version)
        final = self.dir / version
        if final.exists():
            return self._same_or_refuse(final, manifest)

        staged = self.staging_dir()
        try:
            target = staged / version
            _copy_tree(tree, target)
            problems = verify_tree(target)
            if problems:
                raise OSError(f"copy of {tree} is corrupt: {'; '.join(problems)}")
            _make_read_only(target)
            try:
                os.rename(target, final)
            except OSError:
                if final.exists():  # another publisher won the race
                    return self._same_or_refuse(final, manifest)
                raise
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        self._point_latest()
        return Published("published", version, str(final))

    def _same_or_refuse(self, final: Path, manifest: dict) -> Published:
        existing = read_manifest(final)
        if content_digest(existing) == content_digest(manifest):
            self._point_latest()
            return Published("unchanged", manifest["version"], str(final))
        raise PublishRefused(
            f"{final} already holds version {manifest['version']} with different data; published versions "
            "are immutable — release under a new version (e.g. `mfa-releases publish --bump patch`)"
        )

    def _point_latest(self) -> None:
        latest = self.latest()
        if latest is None:
            return
        link = self.dir / LATEST
        if link.is_symlink() and os.readlink(link) == latest:
            return
        tmp = self.dir / f".tmp-latest-{os.getpid()}"
        tmp.unlink(missing_ok=True)
        os.symlink(latest, tmp)
        os.replace(tmp, link)


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target)


def _make_read_only(tree: Path) -> None:
    """Drop write permission from a version's files: published versions are immutable."""
    tree.chmod(0o755)
    for path in tree.rglob("*"):
        path.chmod(0o444 if path.is_file() else 0o755)
