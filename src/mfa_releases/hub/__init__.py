"""Dataset hubs: where versioned release trees are published.

- a local folder (default `hub/` in the repository, or `$MFA_RELEASES_HUB`) — `hub.local`;
- the Hugging Face Hub, `hf://datasets/<org>/<name>` — `hub.hf`.

`publish()` is what `mfa-releases publish` runs; `resolve_release()` turns `OLD`/`NEW` of
`mfa-releases diff` into release trees.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mfa_releases.hub.local import LocalHub, Published, PublishRefused
from mfa_releases.release import content_digest, read_manifest, read_release_tables, reassemble
from mfa_releases.versioning import ReleaseDiff, diff_releases

HUB_ENV = "MFA_RELEASES_HUB"
DEFAULT_RELEASE = Path("data/release")

__all__ = ["LocalHub", "Published", "PublishRefused", "default_hub", "publish", "resolve_release", "diff_trees"]


def default_hub() -> Path:
    """`$MFA_RELEASES_HUB`, else `hub/` in the current directory (the repository root)."""
    return Path(os.environ.get(HUB_ENV) or "hub")


def is_hf_target(target: str | None) -> bool:
    return bool(target) and target.startswith("hf://")


def resolve_release(ref: str | Path, hub: Path | str | None = None) -> Path:
    """A release tree from a folder path, or from a version (or `latest`) of the local hub."""
    path = Path(ref)
    if (path / "MANIFEST.json").is_file():
        return path
    if path.exists():
        raise FileNotFoundError(f"{path}: not a release tree (no MANIFEST.json)")
    return LocalHub(hub or default_hub()).resolve(str(ref))


def diff_trees(old: Path | str | None, new: Path | str) -> ReleaseDiff:
    """Per-table diff between two release trees (`old` None: everything is new)."""
    new_manifest = read_manifest(new)
    if old is None:
        return diff_releases(None, read_release_tables(new), new_version=new_manifest["version"])
    return diff_releases(read_release_tables(old), read_release_tables(new),
                         old_version=read_manifest(old)["version"], new_version=new_manifest["version"])


def publish(
    release: Path | str = DEFAULT_RELEASE,
    to: str | None = None,
    *,
    bump: str | None = None,
    api=None,
) -> tuple[Published, ReleaseDiff]:
    """Publish a release tree; return the outcome and the diff with the previously published version.

    Local hub: when the tree was versioned against another base than the hub's newest version (or
    `bump` forces a bump), it is re-versioned against that version first, so versions never collide.
    Hugging Face Hub: the tree is uploaded as it is (version it against the local hub first).
    """
    release = Path(release)
    manifest = read_manifest(release)
    if is_hf_target(to):
        from mfa_releases.hub import hf

        if bump is not None:
            raise ValueError("--bump applies to a local hub; publish locally first, then mirror to the Hub")
        previous = manifest.get("previous_version")
        local = LocalHub(default_hub())
        base = local.path(previous) if previous and (local.path(previous) / "MANIFEST.json").is_file() else None
        return hf.publish(release, to, api=api), diff_trees(base, release)

    hub = LocalHub(Path(to) if to else default_hub())
    hub.clean_staging()
    latest = hub.latest()
    base = hub.path(latest) if latest else None
    if base is not None and content_digest(read_manifest(base)) == content_digest(manifest):
        return Published("unchanged", latest, str(base)), diff_trees(base, base)

    staged = None
    candidate = release
    try:
        if manifest.get("previous_version") != latest or bump is not None:
            staged = hub.staging_dir()
            candidate = staged / "release"
            reassemble(release, candidate, previous=base, bump=bump)
        diff = diff_trees(base, candidate)
        return hub.put(candidate), diff
    finally:
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
