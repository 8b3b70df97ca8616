"""`datasets.load_dataset` on published versions, with the real `datasets` library, offline.

Each load runs in a child process whose HOME, HF_HOME and HF_DATASETS_CACHE point into tmp_path and
with HF_HUB_OFFLINE=1: `datasets` reads these once at import, and the real ~/.cache/huggingface must
never be read or written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mfa_releases.hub import LocalHub, publish
from mfa_releases.schemas import TABLES, describe
from test_release import make_release

LOADER = r"""
import datetime, json, sys
from datasets import load_dataset
results = []
for path, config in json.loads(sys.argv[1]):
    ds = load_dataset(path, config, split="train")
    first = ds[0]
    results.append({
        "path": path, "config": config, "rows": ds.num_rows,
        "features": {name: repr(feature) for name, feature in ds.features.items()},
        "python_types": {name: type(value).__name__ for name, value in first.items()},
        "ids": list(ds[ds.column_names[0]]),
        "cache_files": [f["filename"] for f in ds.cache_files],
    })
print(json.dumps(results))
"""


def load(tmp_path: Path, requests: list[tuple[str, str]]) -> list[dict]:
    """Load (path, config) pairs in a child process with an isolated, offline Hugging Face setup."""
    home = tmp_path / "home"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HF_")},  # no cache paths or token leak in
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "HF_HOME": str(tmp_path / "hf"),
        "HF_DATASETS_CACHE": str(tmp_path / "hf" / "datasets"),
        "HF_HUB_OFFLINE": "1",
        "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
    }
    proc = subprocess.run([sys.executable, "-c", LOADER, json.dumps(requests)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    for result in results:
        assert all(f.startswith(str(tmp_path / "hf")) for f in result["cache_files"]), result["cache_files"]
    return results


@pytest.fixture
def hub(tmp_path) -> LocalHub:
    return LocalHub(tmp_path / "hub")


EXPECTED_FEATURE = {
    "string": "Value('string')",
    "date32": "Value('date32')",
    "int32": "Value('int32')",
    "list<string>": "List(Value('string'))",
}


def test_every_table_loads_offline_with_its_declared_types(tmp_path, hub):
    release, _ = make_release(tmp_path)
    publish(release, str(hub.root))
    version_dir = str(hub.dir / "1.0.0")
    results = load(tmp_path, [(version_dir, name) for name in TABLES] + [(version_dir, None)])
    default = results.pop()
    assert default["features"] == results[0]["features"]  # no config named: `documents`
    for result, (name, model) in zip(results, TABLES.items()):
        assert result["config"] == name and result["rows"] == 2
        columns = describe(model)
        assert list(result["features"]) == [c["name"] for c in columns]
        for column in columns:
            assert result["features"][column["name"]] == EXPECTED_FEATURE[column["type"]], (name, column)
    by_name = {r["config"]: r for r in results}
    assert by_name["documents"]["python_types"]["date"] == "date"  # dates as dates
    assert by_name["meetings"]["python_types"]["date"] == "date"
    assert by_name["commitments"]["python_types"]["actors"] == "list"  # lists as lists
    assert by_name["documents"]["python_types"]["n_chars"] == "int"
    # The config's version is a folder of the cache: rows of one version are never served for another.
    assert all("/1.0.0/" in f for r in results for f in r["cache_files"])
    assert not (tmp_path / "home" / ".cache" / "huggingface").exists()


def test_the_next_version_loads_its_new_rows_through_the_same_cache(tmp_path, hub):
    first, _ = make_release(tmp_path, "r1")
    publish(first, str(hub.root))
    latest = str(hub.dir / "latest")
    before = load(tmp_path, [(latest, "meetings"), (str(hub.dir / "1.0.0"), "documents")])
    assert [r["rows"] for r in before] == [2, 2]

    second, _ = make_release(tmp_path, "r2", previous=hub.path("latest"), n_docs=3)
    assert publish(second, str(hub.root))[0].version == "1.1.0"
    after = load(tmp_path, [(latest, "meetings"), (str(hub.dir / "1.1.0"), "documents"),
                            (str(hub.dir / "1.0.0"), "documents")])
    assert after[0]["rows"] == 3  # same path (`latest`), same cache: the new rows, not the cached ones
    assert set(before[0]["ids"]) < set(after[0]["ids"])
    assert all("/1.1.0/" in f for f in after[0]["cache_files"])
    assert after[1]["rows"] == 3
    assert after[2]["rows"] == 2  # the old version still loads as it was
