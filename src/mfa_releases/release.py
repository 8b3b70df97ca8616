"""Assemble the release tree: the exact files of the Hugging Face dataset repository.

```
data/release/
├── README.md            generated dataset card (YAML front matter with one config per table)
├── CHANGELOG.md         generated from the diff with the previous version, newest first
├── MANIFEST.json        versions, row counts, sha256 per file, code commit, dvc.lock digest
└── data/<table>/train-00000-of-00001.parquet   written with the contract's Arrow schema
```

The version is computed against the last published release (see `versioning`); assembling the same
tables against the same previous release gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Mapping

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from mfa_releases import card
from mfa_releases.errors import ReleaseError
from mfa_releases.schemas import SCHEMA_VERSION, TABLES, schema_digest
from mfa_releases.tables import PARQUET_OPTIONS, schema_of
from mfa_releases.versioning import diff_releases, id_column, next_version, ReleaseDiff

DATASET_NAME = card.DATASET_NAME
SPLIT = "train"
MANIFEST = "MANIFEST.json"
CHANGELOG = "CHANGELOG.md"
ROWS_PER_SHARD = 250_000


# --- reading a release tree -------------------------------------------------------------------


def read_manifest(tree: Path | str) -> dict:
    """The MANIFEST.json of a release tree, with a clear error when it is not one."""
    path = Path(tree) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReleaseError(str(path), None, "release", "not a release tree (no MANIFEST.json)",
                           "point at data/release/ or at <hub>/kz-mfa-releases/<version>/") from None
    except json.JSONDecodeError as exc:
        raise ReleaseError(str(path), exc.lineno, "release", f"MANIFEST.json is not JSON: {exc.msg}",
                           "rebuild the release") from None


def read_release_tables(tree: Path | str) -> dict[str, pa.Table]:
    """Table name → Arrow table, read from `data/<table>/*.parquet` in manifest order."""
    tree = Path(tree)
    manifest = read_manifest(tree)
    tables = {}
    for name, info in manifest["tables"].items():
        parts = [pq.read_table(tree / f["path"]) for f in info["files"]]
        tables[name] = pa.concat_tables(parts) if len(parts) > 1 else parts[0]
    return tables


def read_changelog_entries(tree: Path | str | None) -> str:
    """The version sections of a tree's CHANGELOG.md (without its title), or ''."""
    if tree is None or not (Path(tree) / CHANGELOG).exists():
        return ""
    text = (Path(tree) / CHANGELOG).read_text(encoding="utf-8")
    return text.split("\n", 1)[1].strip() if text.startswith("# ") else text.strip()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_digest(manifest: dict) -> str:
    """Identity of a release's data: schema version and the sha256 of every Parquet file.

    Two trees with the same content digest hold the same rows in the same bytes, whatever their card,
    changelog or provenance say; publishing such a tree again is a no-op.
    """
    payload = {
        "schema_version": manifest["schema_version"],
        "files": sorted((f["path"], f["sha256"]) for t in manifest["tables"].values() for f in t["files"]),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def verify_tree(tree: Path | str) -> list[str]:
    """Problems with a tree's files against its MANIFEST (empty when every sha256 matches)."""
    tree = Path(tree)
    manifest = read_manifest(tree)
    problems = []
    for rel, info in manifest["files"].items():
        path = tree / rel
        if not path.is_file():
            problems.append(f"{rel}: missing")
        elif sha256_file(path) != info["sha256"]:
            problems.append(f"{rel}: sha256 differs from MANIFEST.json")
    for path in sorted(p for p in tree.rglob("*") if p.is_file()):
        rel = path.relative_to(tree).as_posix()
        if rel != MANIFEST and rel not in manifest["files"]:
            problems.append(f"{rel}: not listed in MANIFEST.json")
    return problems


# --- provenance -------------------------------------------------------------------------------


def git_commit(repo: Path | str | None = None) -> dict:
    """The commit of this code (its checkout by default), and whether tracked files differ from it."""
    repo = repo or Path(__file__).resolve().parent
    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    try:
        commit = git("rev-parse", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError):
        return {"git_commit": None, "git_dirty": None}
    return {"git_commit": commit, "git_dirty": dirty}


def dvc_lock_digest(path: Path | str = "dvc.lock", inputs: tuple[str, ...] = ("data/tables",)) -> str | None:
    """sha256 (canonical JSON) of the dvc.lock entries of the stages that produced `inputs`; None without a lock.

    Those entries pin the code, seeds and params behind the tables, and the tables' own hashes. Other
    stages are left out: their entries may or may not be rewritten yet when the release stage runs.
    """
    path = Path(path)
    if not path.exists():
        return None
    lock = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    wanted = {Path(p).as_posix().rstrip("/") for p in inputs}
    stages = {name: entry for name, entry in (lock.get("stages") or {}).items()
              if any(str(out.get("path", "")).rstrip("/") in wanted for out in entry.get("outs") or [])}
    return hashlib.sha256(json.dumps(stages, sort_keys=True, default=str).encode()).hexdigest()


# --- assembling -------------------------------------------------------------------------------


def conform(name: str, table: pa.Table) -> pa.Table:
    """The table with exactly the contract's schema, or a ReleaseError saying how it differs."""
    schema = schema_of(name)
    missing = [c for c in schema.names if c not in table.column_names]
    extra = [c for c in table.column_names if c not in schema.names]
    if missing or extra:
        raise ReleaseError(name, None, "release-schema",
                           f"columns differ from the contract (missing: {missing or '-'}, extra: {extra or '-'})",
                           "rebuild the tables with the current schemas")
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError) as exc:
        raise ReleaseError(name, None, "release-schema", f"cannot cast to the contract's Arrow schema: {exc}",
                           "rebuild the tables with the current schemas") from None


def _write_parquet(table: pa.Table, path: Path) -> None:
    """Write with the pipeline's fixed options; an empty table gets no row group at all.

    `datasets` derives its batch size from the first row group, and a 0-row row group makes it fail
    ("BatchSize must be greater than 0"); a file with the schema and no row group loads as 0 rows.
    """
    if table.num_rows:
        pq.write_table(table, path, **PARQUET_OPTIONS)
        return
    options = {k: v for k, v in PARQUET_OPTIONS.items() if k != "row_group_size"}
    with pq.ParquetWriter(path, table.schema, **options):
        pass


def _write_shards(name: str, table: pa.Table, tree: Path) -> list[dict]:
    folder = tree / "data" / name
    folder.mkdir(parents=True, exist_ok=True)
    n_shards = max(1, -(-table.num_rows // ROWS_PER_SHARD))
    files = []
    for i in range(n_shards):
        rel = f"data/{name}/{SPLIT}-{i:05d}-of-{n_shards:05d}.parquet"
        _write_parquet(table.slice(i * ROWS_PER_SHARD, ROWS_PER_SHARD), tree / rel)
        files.append({"path": rel, "sha256": sha256_file(tree / rel), "bytes": (tree / rel).stat().st_size})
    return files


def _replace_dir(staged: Path, final: Path) -> None:
    """Swap a fully written folder into place; the old one is removed only after the rename."""
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.rename(final, old)
        os.rename(staged, final)
        shutil.rmtree(old)
    else:
        os.rename(staged, final)


def assemble(
    tables: Mapping[str, pa.Table],
    out: Path | str,
    *,
    previous: Path | str | None = None,
    bump: str | None = None,
    sources: list[dict] | None = None,
    provenance: dict | None = None,
) -> tuple[dict, ReleaseDiff]:
    """Write the release tree for `tables` into `out` (replaced atomically) and return (manifest, diff).

    `previous` is the tree of the last published version (None for the first release); the version is
    the one the diff against it calls for, unless `bump` forces major/minor/patch.
    `provenance` holds `git_commit`, `git_dirty` and `dvc_lock_sha256`.
    """
    out = Path(out)
    missing = [name for name in TABLES if name not in tables]
    if missing:
        raise ReleaseError(str(out), None, "release-tables", f"missing table(s): {', '.join(missing)}",
                           "build every table of the contract before releasing")
    conformed = {name: conform(name, tables[name]) for name in TABLES}

    prev_manifest = read_manifest(previous) if previous is not None else None
    prev_version = prev_manifest["version"] if prev_manifest else None
    prev_tables = read_release_tables(previous) if previous is not None else None
    diff = diff_releases(prev_tables, conformed, old_version=prev_version)
    version = next_version(prev_version, diff.bump, bump)
    diff.new_version = version

    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    staged.chmod(0o755)  # mkdtemp's 0700 would follow the tree into every hub it is published to
    try:
        manifest = _write_tree(staged, conformed, diff, version, prev_version, previous, bump,
                               sources or [], provenance or {})
        _replace_dir(staged, out)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return manifest, diff


def _write_tree(tree, tables, diff, version, prev_version, previous, bump, sources, provenance) -> dict:
    table_info = {}
    for name, table in tables.items():
        table_info[name] = {
            "rows": table.num_rows,
            "id_column": id_column(table.schema),
            "schema_digest": schema_digest(TABLES[name]),
            "files": _write_shards(name, table, tree),
        }

    if version == prev_version and previous is not None:
        # Same data as the published version: keep its changelog rather than adding an empty entry.
        entries = read_changelog_entries(previous)
    else:
        entry = f"## {version}\n\n{diff.to_markdown()}"
        older = read_changelog_entries(previous) if previous is not None else ""
        entries = f"{entry}\n\n{older}".strip()
    (tree / CHANGELOG).write_text(f"# Changelog\n\n{entries}\n", encoding="utf-8")

    manifest = {
        "dataset": DATASET_NAME,
        "version": version,
        "previous_version": prev_version,
        "bump": bump or diff.bump,
        "bump_overridden": bump is not None,
        "schema_version": SCHEMA_VERSION,
        "tables": table_info,
        "git_commit": provenance.get("git_commit"),
        "git_dirty": provenance.get("git_dirty"),
        "dvc_lock_sha256": provenance.get("dvc_lock_sha256"),
        "sources": sources,
    }
    manifest["content_digest"] = content_digest(manifest)

    documents = tables.get("documents")
    languages = sorted(set(documents.column("language").to_pylist())) if documents is not None else []
    dates = [d for d in documents.column("date").to_pylist() if d] if documents is not None else []
    year = max(dates).year if dates else None  # of the newest release: no clock, so rebuilds stay identical
    card_entries = "\n".join("#" + line if line.startswith("## ") else line for line in entries.splitlines())
    (tree / "README.md").write_text(card.render(manifest, card_entries, languages, sources, year=year), encoding="utf-8")

    files = {}
    for path in sorted(p for p in tree.rglob("*") if p.is_file()):
        rel = path.relative_to(tree).as_posix()
        files[rel] = {"sha256": sha256_file(path), "bytes": path.stat().st_size}
    manifest["files"] = files
    (tree / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def reassemble(tree: Path | str, out: Path | str, *, previous: Path | str | None, bump: str | None = None):
    """Re-version an existing release tree against another previous release (same data, same provenance)."""
    manifest = read_manifest(tree)
    provenance = {k: manifest.get(k) for k in ("git_commit", "git_dirty", "dvc_lock_sha256")}
    return assemble(read_release_tables(tree), out, previous=previous, bump=bump,
                    sources=manifest.get("sources") or [], provenance=provenance)


def load_sources_list(path: Path | str | None) -> list[dict]:
    """Sources from seeds/sources.yaml as plain dicts for the manifest and card ([] when absent)."""
    if path is None or not Path(path).exists():
        return []
    from mfa_releases.sources import load_sources

    return [asdict(source) for source in load_sources(path).values()]


def build_release(
    tables_dir: Path | str,
    out: Path | str,
    *,
    previous: Path | str | None,
    bump: str | None = None,
    sources_file: Path | str | None = "seeds/sources.yaml",
    dvc_lock: Path | str = "dvc.lock",
    repo: Path | str | None = None,
):
    """The `release` stage: read `<tables_dir>/<table>.parquet`, assemble `out` against `previous`."""
    from mfa_releases.tables import read_tables

    tables = read_tables(tables_dir)
    provenance = {**git_commit(repo), "dvc_lock_sha256": dvc_lock_digest(dvc_lock, inputs=(Path(tables_dir).as_posix(),))}
    return assemble(tables, out, previous=previous, bump=bump,
                    sources=load_sources_list(sources_file), provenance=provenance)
