"""Publishing a release tree to the Hugging Face Hub (`hf://datasets/<org>/<name>`).

The tree is uploaded as one commit on `main` and tagged `vX.Y.Z`, so users pin a version with
`load_dataset("<org>/<name>", "meetings", revision="vX.Y.Z")`. The token comes from the standard
environment (`HF_TOKEN` or the `hf auth login` cache), read by `huggingface_hub` itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mfa_releases.hub.local import Published, PublishRefused, verified_manifest
from mfa_releases.release import content_digest
from mfa_releases.versioning import is_version, parse_version

HF_PREFIX = "hf://datasets/"
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")


def parse_target(target: str) -> str:
    """`hf://datasets/<org>/<name>` → `<org>/<name>`."""
    repo_id = target[len(HF_PREFIX):].strip("/") if target.startswith(HF_PREFIX) else ""
    if not _REPO_ID.match(repo_id):
        raise ValueError(f"bad Hub target {target!r}: use hf://datasets/<org>/<name>")
    return repo_id


def tag_of(version: str) -> str:
    return f"v{version}"


def publish(tree: Path | str, target: str, api=None) -> Published:
    """Upload a release tree and tag it; a no-op when the tag already holds the same data.

    `api` is an `huggingface_hub.HfApi` (created from the environment when None; tests pass a fake).
    """
    repo_id = parse_target(target)
    tree = Path(tree)
    manifest = verified_manifest(tree)
    version = manifest["version"]
    tag = tag_of(version)
    location = f"https://huggingface.co/datasets/{repo_id}/tree/{tag}"

    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)

    refs = api.list_repo_refs(repo_id, repo_type="dataset")
    tags = {ref.name for ref in getattr(refs, "tags", [])}
    if tag in tags:
        remote = json.loads(Path(api.hf_hub_download(repo_id, "MANIFEST.json", repo_type="dataset",
                                                     revision=tag)).read_text(encoding="utf-8"))
        if content_digest(remote) == content_digest(manifest):
            return Published("unchanged", version, location)
        raise PublishRefused(f"{repo_id}: tag {tag} already holds different data; published versions are "
                             "immutable — release under a new version")
    newer = sorted((t[1:] for t in tags if t.startswith("v") and is_version(t[1:])
                    and parse_version(t[1:]) > parse_version(version)), key=parse_version)
    if newer:
        raise PublishRefused(f"{repo_id} already has v{newer[-1]}, newer than {version}; "
                             "rebuild the release against it before publishing")

    commit = api.upload_folder(
        repo_id=repo_id,
        repo_type="dataset",
        folder_path=str(tree),
        commit_message=f"Release {version}",
        # Shards of the previous version that this one no longer has must not linger under data/.
        delete_patterns=["data/**"],
    )
    api.create_tag(repo_id, tag=tag, repo_type="dataset", revision=commit.oid,
                   tag_message=f"kz-mfa-releases {version}")
    return Published("published", version, location)
