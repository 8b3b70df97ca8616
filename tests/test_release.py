"""The release tree: generated card, Parquet with the contract's schema, MANIFEST, versions and changelog.

`sample_tables()` builds small, valid tables for every table of the contract; the publishing and loading
tests reuse it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from mfa_releases import card, ids
from mfa_releases.errors import ReleaseError
from mfa_releases.release import (
    assemble,
    content_digest,
    dvc_lock_digest,
    read_manifest,
    read_release_tables,
    sha256_file,
    verify_tree,
)
from mfa_releases.schemas import SCHEMA_VERSION, TABLES, arrow_schema, describe, schema_digest
from mfa_releases.tables import to_arrow

SOURCES = [{"id": "kz-mfa", "name": "Ministry of Foreign Affairs of the Republic of Kazakhstan", "country": "KZ",
            "homepage": "https://www.gov.kz/memleket/entities/mfa", "language": "ru", "licence": "test note"}]
PROVENANCE = {"git_commit": "0" * 40, "git_dirty": False, "dvc_lock_sha256": "f" * 64}


def sample_tables(n_docs: int = 2, title_suffix: str = "") -> dict:
    """Small valid tables: one meeting, participant and commitment per document (ru and en alternate)."""
    rows = {name: [] for name in TABLES}
    for i in range(n_docs):
        language = "ru" if i % 2 == 0 else "en"
        text = (f"Министр провел встречу с послом номер {i}. Стороны договорились продолжить работу."
                if language == "ru" else f"The Minister met Ambassador number {i}. The sides agreed to meet again.")
        doc_id = ids.doc_id("kz-mfa", text)
        rows["documents"].append({
            "doc_id": doc_id, "source": "kz-mfa", "url": f"https://example.org/{i}", "date": dt.date(2026, 3, 1 + i),
            "language": language, "title": None if i % 2 else f"Встреча {i}{title_suffix}", "text": text,
            "sha256": ids.text_sha256(text), "n_chars": len(text), "path": f"kz-mfa/{i}.txt"})
        meeting_id = ids.meeting_id(doc_id, 1)
        sentence_end = text.index(".") + 1
        rows["meetings"].append({
            "meeting_id": meeting_id, "doc_id": doc_id, "kind": "meeting",
            "date": dt.date(2026, 2, 27) if i == 0 else None, "city": "Астана" if i == 0 else None,
            "country": "KZ" if i == 0 else None, "evidence": text[:sentence_end], "char_start": 0,
            "char_end": sentence_end, "provenance": "machine"})
        rows["participants"].append({
            "participant_id": ids.participant_id(meeting_id, 1), "meeting_id": meeting_id, "doc_id": doc_id,
            "name": "Ермек Кошербаев" if language == "ru" else "Yermek Kosherbayev",
            "role": None, "organization": None, "country": "KZ", "mention": text[:7], "char_start": 0,
            "char_end": 7, "provenance": "human" if i == 1 else "machine"})
        rows["commitments"].append({
            "commitment_id": ids.commitment_id(doc_id, 1), "doc_id": doc_id, "meeting_id": meeting_id,
            "kind": "intent", "actors": ["KZ", "FR"] if i == 0 else [], "due": "2026-03" if i == 0 else None,
            "evidence": text[sentence_end + 1:], "char_start": sentence_end + 1, "char_end": len(text),
            "provenance": "machine"})
    return {name: to_arrow(name, table_rows) for name, table_rows in rows.items()}


def make_release(tmp_path: Path, name: str = "release", previous=None, bump=None, **kwargs) -> tuple[Path, dict]:
    out = tmp_path / name
    manifest, _ = assemble(sample_tables(**kwargs), out, previous=previous, bump=bump,
                           sources=SOURCES, provenance=PROVENANCE)
    return out, manifest


def front_matter(readme: Path) -> dict:
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_tree_is_a_hugging_face_dataset_repository(tmp_path):
    tree, manifest = make_release(tmp_path)
    files = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file())
    assert files == ["CHANGELOG.md", "MANIFEST.json", "README.md"] + sorted(
        f"data/{name}/train-00000-of-00001.parquet" for name in TABLES)
    meta = front_matter(tree / "README.md")
    assert meta["license"] == "cc-by-4.0"
    assert meta["language"] == ["ru", "en"]
    assert meta["pretty_name"] and meta["size_categories"] == ["n<1K"] and meta["task_categories"]
    assert [c["config_name"] for c in meta["configs"]] == list(TABLES)
    for config in meta["configs"]:
        assert config["version"] == manifest["version"] == "1.0.0"
        assert config["data_files"] == [{"split": "train", "path": f"data/{config['config_name']}/*.parquet"}]


def test_parquet_files_carry_the_contracts_arrow_schema(tmp_path):
    tree, _ = make_release(tmp_path)
    for name, model in TABLES.items():
        schema = pq.read_schema(tree / f"data/{name}/train-00000-of-00001.parquet")
        assert schema.equals(arrow_schema(model), check_metadata=False), name
        assert schema.field(0).metadata[b"description"] == describe(model)[0]["description"].encode()
    tables = read_release_tables(tree)
    assert tables["documents"].column("date").to_pylist() == [dt.date(2026, 3, 1), dt.date(2026, 3, 2)]
    assert tables["commitments"].column("actors").to_pylist() == [["KZ", "FR"], []]


def test_card_body_is_generated_from_the_contract_and_the_manifest(tmp_path):
    tree, _ = make_release(tmp_path)
    body = (tree / "README.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    for name, model in TABLES.items():
        assert f"### `{name}`" in body
        assert f"| `{name}` | 2 |" in body  # row count
        for column in describe(model):
            assert f"| `{column['name']}` | {column['type']} |" in body
            assert card._cell(column["description"]) in body
    assert "https://www.gov.kz/memleket/entities/mfa" in body
    assert 'load_dataset("hub/kz-mfa-releases/1.0.0", "meetings", split="train")' in body
    assert 'revision="v1.0.0"' in body
    assert "@misc{kz_mfa_releases_1_0_0" in body
    assert "year   = {2026}," in body  # year of the newest release, not of the clock
    assert "(e.g. &lt;doc_id&gt;-m1)" in body  # would vanish as an HTML tag on the Hub
    assert "## Changelog\n\n### 1.0.0\n\nFirst release." in body


def test_manifest_records_versions_counts_hashes_and_provenance(tmp_path):
    tree, manifest = make_release(tmp_path)
    on_disk = read_manifest(tree)
    assert on_disk == manifest
    assert manifest["dataset"] == "kz-mfa-releases"
    assert manifest["version"] == "1.0.0" and manifest["previous_version"] is None
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["git_commit"] == "0" * 40 and manifest["dvc_lock_sha256"] == "f" * 64
    for name, info in manifest["tables"].items():
        assert info["rows"] == 2
        assert info["schema_digest"] == schema_digest(TABLES[name])
    for rel, info in manifest["files"].items():
        assert sha256_file(tree / rel) == info["sha256"]
    assert "MANIFEST.json" not in manifest["files"]
    assert verify_tree(tree) == []
    (tree / "data/meetings/train-00000-of-00001.parquet").write_bytes(b"tampered")
    (tree / "data/meetings/extra.parquet").write_bytes(b"stray")
    assert verify_tree(tree) == ["data/meetings/train-00000-of-00001.parquet: sha256 differs from MANIFEST.json",
                                 "data/meetings/extra.parquet: not listed in MANIFEST.json"]


def test_same_input_gives_byte_identical_trees(tmp_path):
    first, _ = make_release(tmp_path, "a")
    second, _ = make_release(tmp_path, "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


@pytest.mark.parametrize(
    "kwargs, bump, version, entry",
    [
        ({"n_docs": 3}, None, "1.1.0", "+1 added"),
        ({"title_suffix": " (исправлено)"}, None, "1.0.1", "~1 changed"),
        ({}, None, "1.0.0", None),
        ({"title_suffix": " (исправлено)"}, "major", "2.0.0", "~1 changed"),
    ],
    ids=["rows-added", "row-changed", "unchanged", "bump-override"],
)
def test_version_and_changelog_follow_the_diff_with_the_previous_release(tmp_path, kwargs, bump, version, entry):
    previous, _ = make_release(tmp_path, "v1")
    tree, manifest = make_release(tmp_path, "v2", previous=previous, bump=bump, **kwargs)
    assert manifest["version"] == version
    assert manifest["previous_version"] == "1.0.0"
    assert manifest["bump_overridden"] is (bump is not None)
    changelog = (tree / "CHANGELOG.md").read_text(encoding="utf-8")
    if entry is None:
        assert changelog == (previous / "CHANGELOG.md").read_text(encoding="utf-8")
        assert content_digest(manifest) == content_digest(read_manifest(previous))
    else:
        assert changelog.index(f"## {version}") < changelog.index("## 1.0.0")  # newest first
        assert entry in changelog
    meta = front_matter(tree / "README.md")
    assert {c["version"] for c in meta["configs"]} == {version}


def test_missing_table_is_a_clear_error(tmp_path):
    tables = sample_tables()
    del tables["commitments"]
    with pytest.raises(ReleaseError, match="missing table"):
        assemble(tables, tmp_path / "release")
    assert not (tmp_path / "release").exists()


def test_table_with_other_columns_is_refused(tmp_path):
    tables = sample_tables()
    tables["meetings"] = tables["meetings"].drop_columns(["city"])
    with pytest.raises(ReleaseError, match=r"missing: \['city'\]"):
        assemble(tables, tmp_path / "release")


def test_failure_midway_keeps_the_previous_tree_and_leaves_no_temporary_folder(tmp_path, monkeypatch):
    tree, manifest = make_release(tmp_path)
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(card, "render", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        make_release(tmp_path, n_docs=3)
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]


def test_empty_table_has_its_schema_and_is_noted_in_the_card(tmp_path):
    tables = sample_tables()
    tables["commitments"] = tables["commitments"].slice(0, 0)
    out = tmp_path / "release"
    assemble(tables, out)
    path = out / "data/commitments/train-00000-of-00001.parquet"
    # No row group at all: `datasets` would fail on a 0-row row group.
    assert pq.ParquetFile(path).metadata.num_row_groups == 0
    assert pq.read_table(path).schema.equals(arrow_schema(TABLES["commitments"]), check_metadata=False)
    assert "No rows yet in this version: `commitments`" in (out / "README.md").read_text(encoding="utf-8")


LOCK = """\
schema: '2.0'
stages:
  build:
    cmd: python scripts/build.py
    outs:
    - path: data/tables
      md5: 111.dir
  eval:
    cmd: python scripts/evaluate.py
    outs:
    - path: metrics.json
      md5: 222
"""


def test_dvc_lock_digest_covers_the_stages_that_made_the_tables(tmp_path):
    lock = tmp_path / "dvc.lock"
    lock.write_text(LOCK, encoding="utf-8")
    digest = dvc_lock_digest(lock)
    lock.write_text(LOCK.replace("222", "333") + "  release:\n    cmd: python scripts/release.py\n", encoding="utf-8")
    assert dvc_lock_digest(lock) == digest  # other stages, and the release stage itself, do not count
    lock.write_text(LOCK.replace("111.dir", "444.dir"), encoding="utf-8")
    assert dvc_lock_digest(lock) != digest  # other tables
    assert dvc_lock_digest(tmp_path / "absent.lock") is None


def test_release_stage_script_versions_against_the_local_hub(tmp_path, capsys):
    import importlib.util

    from mfa_releases.hub import LocalHub
    from mfa_releases.tables import write_tables

    spec = importlib.util.spec_from_file_location("release_stage", Path(__file__).parents[1] / "scripts/release.py")
    stage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stage)

    write_tables(sample_tables(), tmp_path / "tables")
    args = ["--tables", str(tmp_path / "tables"), "--validation", str(tmp_path / "validation.json"),
            "--output", str(tmp_path / "release"), "--sources", str(tmp_path / "none.yaml"),
            "--hub", str(tmp_path / "hub")]
    assert stage.main(args) == 1  # tables that did not pass validation are never released
    assert "validation.json: missing" in capsys.readouterr().err

    (tmp_path / "validation.json").write_text("{}", encoding="utf-8")
    assert stage.main(args) == 0
    assert read_manifest(tmp_path / "release")["version"] == "1.0.0"
    LocalHub(tmp_path / "hub").put(tmp_path / "release")

    write_tables(sample_tables(n_docs=3), tmp_path / "tables")
    assert stage.main(args) == 0
    manifest = read_manifest(tmp_path / "release")
    assert (manifest["version"], manifest["previous_version"]) == ("1.1.0", "1.0.0")
    assert len(manifest["git_commit"] or "x" * 40) == 40
    assert "1.1.0 (vs 1.0.0: minor bump)" in capsys.readouterr().out
