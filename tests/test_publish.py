"""Publishing: the local hub for real (immutable versions, `latest`, no-ops, refusals, atomicity), the
Hugging Face Hub at the level of the calls it makes (a fake `HfApi`), and the `publish`/`diff` commands."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from mfa_releases.cli import app
from mfa_releases.hub import LocalHub, PublishRefused, default_hub, hf, publish, resolve_release
from mfa_releases.hub import local as local_module
from mfa_releases.release import read_manifest, verify_tree
from test_release import make_release


def tree_bytes(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def hub(tmp_path) -> LocalHub:
    return LocalHub(tmp_path / "hub")


def test_first_publish_creates_an_immutable_version_and_latest(tmp_path, hub):
    release, _ = make_release(tmp_path)
    result, diff = publish(release, str(hub.root))
    assert (result.status, result.version) == ("published", "1.0.0")
    version_dir = hub.root / "kz-mfa-releases" / "1.0.0"
    assert Path(result.location) == version_dir
    assert tree_bytes(version_dir) == tree_bytes(release)
    assert os.readlink(hub.dir / "latest") == "1.0.0"
    assert oct((version_dir / "MANIFEST.json").stat().st_mode & 0o777) == "0o444"
    assert oct(version_dir.stat().st_mode & 0o777) == "0o755"
    assert diff.old_version is None and len(diff.tables["documents"].added) == 2
    assert sorted(p.name for p in hub.dir.iterdir()) == ["1.0.0", "latest"]


def test_publishing_the_same_content_again_is_a_no_op(tmp_path, hub):
    release, _ = make_release(tmp_path)
    publish(release, str(hub.root))
    before = tree_bytes(hub.dir / "1.0.0")
    result, diff = publish(release, str(hub.root))
    assert result.status == "unchanged" and result.version == "1.0.0"
    assert diff.is_empty
    assert tree_bytes(hub.dir / "1.0.0") == before
    assert hub.versions() == ["1.0.0"]


def test_new_rows_publish_a_minor_version_and_move_latest(tmp_path, hub):
    first, _ = make_release(tmp_path, "r1")
    publish(first, str(hub.root))
    v1 = tree_bytes(hub.dir / "1.0.0")
    second, manifest = make_release(tmp_path, "r2", previous=hub.path("latest"), n_docs=3)
    assert manifest["version"] == "1.1.0"
    result, diff = publish(second, str(hub.root))
    assert (result.status, result.version) == ("published", "1.1.0")
    assert hub.versions() == ["1.0.0", "1.1.0"]
    assert os.readlink(hub.dir / "latest") == "1.1.0"
    assert tree_bytes(hub.dir / "1.0.0") == v1  # old versions never change
    assert diff.bump == "minor" and len(diff.tables["meetings"].added) == 1


def test_a_tree_versioned_against_another_base_is_re_versioned(tmp_path, hub):
    # Built as a first release (1.0.0), but the hub already holds a different 1.0.0.
    published, _ = make_release(tmp_path, "r1")
    publish(published, str(hub.root))
    stale, manifest = make_release(tmp_path, "stale", title_suffix=" (исправлено)")
    assert manifest["version"] == "1.0.0"
    result, diff = publish(stale, str(hub.root))
    assert (result.status, result.version) == ("published", "1.0.1")
    assert diff.bump == "patch"
    new_manifest = read_manifest(hub.dir / "1.0.1")
    assert new_manifest["previous_version"] == "1.0.0"
    assert new_manifest["git_commit"] == manifest["git_commit"]  # provenance of the build is kept
    assert "## 1.0.1" in (hub.dir / "1.0.1" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert not list(hub.dir.glob(".tmp-*"))


def test_bump_flag_overrides_the_computed_bump(tmp_path, hub):
    first, _ = make_release(tmp_path, "r1")
    publish(first, str(hub.root))
    second, _ = make_release(tmp_path, "r2", previous=hub.path("latest"), n_docs=3)
    result, _ = publish(second, str(hub.root), bump="major")
    assert result.version == "2.0.0"
    assert read_manifest(hub.dir / "2.0.0")["bump_overridden"] is True


def test_different_content_under_an_existing_version_is_refused(tmp_path, hub):
    first, _ = make_release(tmp_path, "r1")
    hub.put(first)
    before = tree_bytes(hub.dir / "1.0.0")
    other, _ = make_release(tmp_path, "other", n_docs=3)  # also 1.0.0, other rows
    with pytest.raises(PublishRefused, match="already holds version 1.0.0 with different data"):
        hub.put(other)
    assert tree_bytes(hub.dir / "1.0.0") == before


def test_a_tree_that_does_not_match_its_manifest_is_refused(tmp_path, hub):
    release, _ = make_release(tmp_path)
    (release / "README.md").write_text("hand-edited", encoding="utf-8")
    with pytest.raises(PublishRefused, match="README.md: sha256 differs"):
        hub.put(release)
    assert hub.versions() == []


def test_a_crash_mid_publish_leaves_no_visible_version(tmp_path, hub, monkeypatch):
    first, _ = make_release(tmp_path, "r1")
    hub.put(first)
    second, _ = make_release(tmp_path, "r2", previous=hub.path("latest"), n_docs=3)

    def copy_then_crash(src, dst):
        shutil.copytree(src, dst)
        (Path(dst) / "data").rename(Path(dst) / "half")  # a half-written copy …
        raise KeyboardInterrupt  # … and the process is interrupted

    monkeypatch.setattr(local_module, "_copy_tree", copy_then_crash)
    with pytest.raises(KeyboardInterrupt):
        hub.put(second)
    assert hub.versions() == ["1.0.0"]
    assert os.readlink(hub.dir / "latest") == "1.0.0"
    assert sorted(p.name for p in hub.dir.iterdir()) == ["1.0.0", "latest"]

    monkeypatch.undo()
    assert hub.put(second).version == "1.1.0"
    assert verify_tree(hub.dir / "1.1.0") == []


def test_leftover_staging_folders_are_ignored_and_cleaned(tmp_path, hub):
    release, _ = make_release(tmp_path)
    (hub.dir / ".tmp-crashed" / "9.9.9").mkdir(parents=True)
    assert hub.versions() == []
    publish(release, str(hub.root))
    assert hub.versions() == ["1.0.0"]
    assert not (hub.dir / ".tmp-crashed").exists()


def test_default_hub_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("MFA_RELEASES_HUB", raising=False)
    assert default_hub() == Path("hub")
    monkeypatch.setenv("MFA_RELEASES_HUB", str(tmp_path / "elsewhere"))
    assert default_hub() == tmp_path / "elsewhere"
    release, _ = make_release(tmp_path)
    result, _ = publish(release)
    assert Path(result.location) == tmp_path / "elsewhere" / "kz-mfa-releases" / "1.0.0"


def test_resolve_release_accepts_folders_versions_and_latest(tmp_path, hub):
    release, _ = make_release(tmp_path)
    hub.put(release)
    assert resolve_release(release) == release
    assert resolve_release("1.0.0", hub.root) == hub.dir / "1.0.0"
    assert resolve_release("latest", hub.root) == hub.dir / "1.0.0"
    with pytest.raises(FileNotFoundError, match=r"no published version '2.0.0' \(published: 1.0.0\)"):
        resolve_release("2.0.0", hub.root)


# --- the commands -----------------------------------------------------------------------------


def test_publish_and_diff_commands(tmp_path, monkeypatch):
    monkeypatch.setenv("MFA_RELEASES_HUB", str(tmp_path / "hub"))
    runner = CliRunner()
    first, _ = make_release(tmp_path, "r1")
    result = runner.invoke(app, ["publish", "--release", str(first)])
    assert result.exit_code == 0, result.output
    assert "published 1.0.0" in result.output and "first release" in result.output

    second, _ = make_release(tmp_path, "r2", n_docs=3)  # versioned without a base: re-versioned on publish
    result = runner.invoke(app, ["publish", "--release", str(second)])
    assert result.exit_code == 0, result.output
    assert "published 1.1.0" in result.output and "1.0.0 → 1.1.0 (minor bump)" in result.output

    result = runner.invoke(app, ["publish", "--release", str(second)])
    assert result.exit_code == 0 and "nothing to do" in result.output

    result = runner.invoke(app, ["diff", "1.0.0", "latest"])
    assert result.exit_code == 0, result.output
    assert "+1 added, -0 removed, ~0 changed" in result.output

    result = runner.invoke(app, ["diff", "1.0.0", "1.1.0", "--json"])
    data = json.loads(result.output)
    assert data["bump"] == "minor"
    assert len(data["tables"]["participants"]["added"]) == 1 and data["tables"]["participants"]["removed"] == []

    result = runner.invoke(app, ["diff", "1.0.0", "7.0.0"])
    assert result.exit_code == 1 and "no published version '7.0.0'" in result.output

    result = runner.invoke(app, ["publish", "--release", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "not a release tree" in result.output

    result = runner.invoke(app, ["publish", "--release", str(second), "--bump", "huge"])
    assert result.exit_code == 2 and "--bump must be one of major, minor, patch" in result.output


# --- the Hugging Face Hub, through a fake HfApi -----------------------------------------------


class FakeHfApi:
    """Records the calls `hub.hf.publish` makes; `tags` maps a tag to the MANIFEST.json it holds."""

    def __init__(self, tags: dict[str, Path] | None = None):
        self.calls: list[tuple[str, tuple, dict]] = []
        self.tags = dict(tags or {})

    def create_repo(self, *args, **kwargs):
        self.calls.append(("create_repo", args, kwargs))

    def list_repo_refs(self, *args, **kwargs):
        self.calls.append(("list_repo_refs", args, kwargs))
        return SimpleNamespace(tags=[SimpleNamespace(name=t) for t in self.tags], branches=[])

    def hf_hub_download(self, *args, **kwargs):
        self.calls.append(("hf_hub_download", args, kwargs))
        return str(self.tags[kwargs["revision"]])

    def upload_folder(self, **kwargs):
        self.calls.append(("upload_folder", (), kwargs))
        return SimpleNamespace(oid="c0ffee")

    def create_tag(self, *args, **kwargs):
        self.calls.append(("create_tag", args, kwargs))

    def names(self) -> list[str]:
        return [name for name, _, _ in self.calls]


def test_hf_publish_creates_the_repo_uploads_the_tree_and_tags_the_version(tmp_path):
    release, _ = make_release(tmp_path)
    api = FakeHfApi()
    result = hf.publish(release, "hf://datasets/acme/kz-mfa-releases", api=api)
    assert (result.status, result.version) == ("published", "1.0.0")
    assert result.location == "https://huggingface.co/datasets/acme/kz-mfa-releases/tree/v1.0.0"
    assert api.names() == ["create_repo", "list_repo_refs", "upload_folder", "create_tag"]
    _, args, kwargs = api.calls[0]
    assert args == ("acme/kz-mfa-releases",) and kwargs == {"repo_type": "dataset", "exist_ok": True}
    upload = api.calls[2][2]
    assert upload["repo_id"] == "acme/kz-mfa-releases" and upload["repo_type"] == "dataset"
    assert Path(upload["folder_path"]) == release
    assert upload["delete_patterns"] == ["data/**"]
    assert upload["commit_message"] == "Release 1.0.0"
    _, args, kwargs = api.calls[3]
    assert args == ("acme/kz-mfa-releases",)
    assert kwargs["tag"] == "v1.0.0" and kwargs["revision"] == "c0ffee" and kwargs["repo_type"] == "dataset"


def test_hf_publish_of_an_existing_tag_is_a_no_op_or_refused(tmp_path):
    release, _ = make_release(tmp_path, "r1")
    other, _ = make_release(tmp_path, "r2", n_docs=3)  # also 1.0.0, other rows

    same = FakeHfApi(tags={"v1.0.0": release / "MANIFEST.json"})
    assert hf.publish(release, "hf://datasets/acme/kz", api=same).status == "unchanged"
    assert "upload_folder" not in same.names() and "create_tag" not in same.names()
    assert same.calls[2][2] == {"repo_type": "dataset", "revision": "v1.0.0"}

    different = FakeHfApi(tags={"v1.0.0": other / "MANIFEST.json"})
    with pytest.raises(PublishRefused, match="tag v1.0.0 already holds different data"):
        hf.publish(release, "hf://datasets/acme/kz", api=different)
    assert "upload_folder" not in different.names()


def test_hf_publish_refuses_to_go_back_in_versions(tmp_path):
    release, _ = make_release(tmp_path)
    api = FakeHfApi(tags={"v1.2.0": release / "MANIFEST.json", "not-a-version": release / "MANIFEST.json"})
    with pytest.raises(PublishRefused, match="already has v1.2.0, newer than 1.0.0"):
        hf.publish(release, "hf://datasets/acme/kz", api=api)
    assert "upload_folder" not in api.names()


@pytest.mark.parametrize("target", ["hf://datasets/acme", "hf://models/acme/kz", "hf://datasets/a/b/c", "acme/kz"])
def test_bad_hub_targets_are_refused_before_any_call(tmp_path, target):
    release, _ = make_release(tmp_path)
    api = FakeHfApi()
    with pytest.raises(ValueError, match="use hf://datasets/<org>/<name>"):
        hf.publish(release, target, api=api)
    assert api.calls == []


def test_publish_to_hf_goes_through_the_hf_backend(tmp_path, monkeypatch):
    monkeypatch.setenv("MFA_RELEASES_HUB", str(tmp_path / "hub"))
    release, _ = make_release(tmp_path)
    api = FakeHfApi()
    result, diff = publish(release, "hf://datasets/acme/kz", api=api)
    assert result.status == "published" and "create_tag" in api.names()
    assert diff.old_version is None
    with pytest.raises(ValueError, match="--bump applies to a local hub"):
        publish(release, "hf://datasets/acme/kz", bump="minor", api=FakeHfApi())
