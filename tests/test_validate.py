"""`mfa-releases validate` and the DVC validate stage: pandera's lazy report, relations, exit codes."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import REPO
from mfa_releases.tables import read_table, validate_table


def _built(cli, dataset, tmp_path):
    out = tmp_path / "tables"
    result = cli("build", "--input", dataset / "releases", "--output", out, "--sources", dataset / "sources.yaml")
    assert result.exit_code == 0, result.output
    return out


def test_valid_tables_pass(cli, dataset, tmp_path):
    out = _built(cli, dataset, tmp_path)
    result = cli("validate", "--tables", out)
    assert result.exit_code == 0
    assert "valid (documents 2, meetings 0, participants 0, commitments 0)" in result.stdout


def test_contract_violations_print_pandera_lazy_report(cli, dataset, tmp_path):
    out = _built(cli, dataset, tmp_path)
    documents = read_table(out, "documents")
    broken = documents.set_column(documents.schema.get_field_index("language"),
                                  documents.schema.field("language"), pa.array(["de", "xx"]))
    broken = broken.set_column(broken.schema.get_field_index("sha256"), broken.schema.field("sha256"),
                               pa.array(["nothex", "nothex"]))
    pq.write_table(broken, out / "documents.parquet")
    result = cli("validate", "--tables", out)
    assert result.exit_code == 1
    # pandera's lazy report names every failing check, not only the first one.
    assert "isin" in result.stderr and "str_matches" in result.stderr
    assert "failure cases: de" in result.stderr and "failure cases: nothex" in result.stderr


def test_wrong_arrow_types_are_reported(cli, dataset, tmp_path):
    out = _built(cli, dataset, tmp_path)
    documents = read_table(out, "documents")
    as_large = documents.cast(pa.schema([f.with_type(pa.large_string()) if f.type == pa.string() else f
                                         for f in documents.schema]))
    assert "Arrow schema differs" in validate_table("documents", as_large)


def test_missing_table_and_broken_relations(cli, dataset, tmp_path):
    out = _built(cli, dataset, tmp_path)
    (out / "participants.parquet").unlink()
    result = cli("validate", "--tables", out)
    assert result.exit_code == 1 and "participants.parquet is missing" in result.stderr


def test_validate_stage_script_writes_a_report(cli, dataset, tmp_path):
    out = _built(cli, dataset, tmp_path)
    report = tmp_path / "validation.json"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "validate.py"), "--tables", str(out),
                           "--report", str(report)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text())["rows"]["documents"] == 2


def test_console_script_is_installed():
    script = shutil.which("mfa-releases", path=str(Path(sys.executable).parent))
    assert script, "the mfa-releases console script is not installed beside this Python"
    done = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "build" in done.stdout and "validate" in done.stdout
