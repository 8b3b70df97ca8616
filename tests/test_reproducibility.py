"""Same input → byte-identical output, and the committed dvc.lock describes what a rebuild produces."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mfa_releases.checks.reproducibility import committed_lock, compare_locks, parse_lock
from mfa_releases.pipeline import build

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def _build(out: Path) -> dict[str, bytes]:
    build(SEEDS / "releases", out, sources_path=SEEDS / "sources.yaml", annotations_dir=SEEDS / "annotations",
          dataset=True)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_building_the_seeds_twice_gives_identical_bytes(tmp_path):
    first, second = _build(tmp_path / "a"), _build(tmp_path / "b")
    assert first, "the build wrote nothing"
    assert set(first) == set(second)
    assert [name for name in first if first[name] != second[name]] == []


LOCK = """\
schema: '2.0'
stages:
  build:
    cmd: python scripts/build.py
    deps:
    - path: seeds
      md5: {seeds}.dir
    outs:
    - path: data/tables
      md5: {tables}.dir
"""


@pytest.mark.parametrize(("seeds", "tables", "expected"), [
    ("aaa", "111", None),  # same inputs, same outputs
    ("bbb", "111", None),  # inputs changed without changing the data (e.g. a comment in the code)
    ("bbb", "222", "out of date"),  # forgot `dvc repro`
    ("aaa", "222", "not reproducible"),  # same inputs, other output
])
def test_compare_locks_tells_stale_from_nondeterministic(seeds, tables, expected):
    committed = LOCK.format(seeds="aaa", tables="111")
    findings = compare_locks(committed, LOCK.format(seeds=seeds, tables=tables))
    if expected is None:
        assert findings == []
    else:
        [finding] = findings
        assert expected in finding.message and finding.line == 9 and finding.rule == "reproducibility"


def test_a_stage_missing_from_the_committed_lock_is_reported():
    committed = LOCK.format(seeds="aaa", tables="111")
    rebuilt = committed + "  eval:\n    cmd: python scripts/evaluate.py\n    outs:\n    - path: metrics.json\n      md5: 9\n"
    [finding] = compare_locks(committed, rebuilt)
    assert "'eval'" in finding.message and "dvc repro" in finding.hint


def test_committed_dvc_lock_matches_a_rebuild_in_a_clean_clone(tmp_path):
    """`dvc repro` in a fresh clone of HEAD (no data/, no DVC cache) reproduces the committed hashes.

    The clone is isolated from this checkout's DVC lock and data/; its stages import the clone's
    own src/ first.
    """
    committed = committed_lock(REPO)
    if not committed:
        pytest.skip("no dvc.lock committed yet")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True, capture_output=True)
    assert not (clone / "data" / "tables").exists()
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")  # the stages' `python` is this interpreter
    env["PYTHONPATH"] = str(clone / "src")
    dvc = shutil.which("dvc", path=bin_dir) or shutil.which("dvc")
    result = subprocess.run([dvc, "repro", "--quiet"], cwd=clone, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    rebuilt = (clone / "dvc.lock").read_text(encoding="utf-8")
    assert parse_lock(rebuilt), "dvc repro wrote no stages"
    findings = compare_locks(committed, rebuilt)
    assert findings == [], "\n".join(f"{f.path}:{f.line}: {f.message} {f.hint}" for f in findings)
