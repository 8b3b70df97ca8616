"""Tables written batch by batch: same bytes as a one-shot write for one batch, same rows for many,
all or nothing, and a build that fails in a later batch leaves earlier outputs untouched."""

import datetime as dt
import functools
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import mfa_releases.parallel as parallel
import mfa_releases.pipeline as pipeline
from conftest import SOURCES_YAML, snapshot
from mfa_releases.extract.base import Facts, MeetingFact
from mfa_releases.pipeline import BuildError, build
from mfa_releases.schemas import TABLES
from mfa_releases.tables import StreamingTables, schema_of, to_arrow, write_tables


def document_rows(n: int) -> list[dict]:
    rows = []
    for i in range(n):
        text = f"Министр провел встречу номер {i}."
        rows.append({"doc_id": f"kz-mfa-{i:012x}", "source": "kz-mfa", "url": None, "date": dt.date(2026, 1, 1 + i % 28),
                     "language": "ru", "title": None, "text": text, "sha256": f"{i:064x}", "n_chars": len(text),
                     "path": f"kz-mfa/{i}.txt"})
    return rows


def test_one_batch_gives_the_bytes_of_a_one_shot_write(tmp_path):
    tables = {"documents": to_arrow("documents", document_rows(5)), "meetings": to_arrow("meetings", [])}
    write_tables(tables, tmp_path / "once")
    with StreamingTables(tmp_path / "streamed", tables) as writer:
        writer.write(tables)
        writer.commit()
    assert (tmp_path / "once" / "documents.parquet").read_bytes() == (tmp_path / "streamed" / "documents.parquet").read_bytes()


def test_many_batches_give_the_same_rows_and_schema(tmp_path):
    rows = document_rows(25)
    with StreamingTables(tmp_path / "out", ["documents"]) as writer:
        for start in range(0, 25, 10):
            writer.write({"documents": to_arrow("documents", rows[start:start + 10])})
        writer.write({"documents": to_arrow("documents", [])})  # an empty batch adds no row group
        writer.commit()
    table = pq.read_table(tmp_path / "out" / "documents.parquet")
    assert table.schema.equals(schema_of("documents"), check_metadata=False)
    assert table.to_pylist() == to_arrow("documents", rows).to_pylist()
    assert pq.ParquetFile(tmp_path / "out" / "documents.parquet").num_row_groups == 3


def test_nothing_is_written_without_commit(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "documents.parquet").write_bytes(b"previous build")
    with pytest.raises(RuntimeError):
        with StreamingTables(tmp_path / "out", TABLES) as writer:
            writer.write({"documents": to_arrow("documents", document_rows(3))})
            raise RuntimeError("extraction failed")
    assert snapshot(tmp_path / "out") == {"documents.parquet": b"previous build"}  # no temp files left
    with StreamingTables(tmp_path / "new", TABLES):
        pass
    assert not (tmp_path / "new").exists()


def test_a_bad_later_batch_fails_the_build_and_writes_nothing(tmp_path, monkeypatch):
    releases = tmp_path / "releases" / "kz-mfa"
    releases.mkdir(parents=True)
    for i in range(5):
        (releases / f"{i}.txt").write_text(f" date 2026-03-1{i} Министр провел встречу номер {i}.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")

    def facts(document, valid=False):  # unless valid, the last document's meeting points outside its text
        end = document.n_chars + (10 if document.date == dt.date(2026, 3, 14) and not valid else 0)
        return Facts(meetings=[MeetingFact(kind="meeting", date=None, city=None, country=None,
                                           evidence=document.text[0:end], char_start=0, char_end=end)])

    monkeypatch.setattr(parallel, "extract_document", facts)
    monkeypatch.setattr(pipeline, "extract_all", functools.partial(parallel.extract_all, in_process=True))
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "meetings.parquet").write_bytes(b"previous build")
    with pytest.raises(BuildError, match="outside its document's text"):
        build(tmp_path / "releases", out, sources_path=tmp_path / "sources.yaml", workers=1)
    assert snapshot(out) == {"meetings.parquet": b"previous build"}

    monkeypatch.setattr(parallel, "extract_document", lambda document: facts(document, valid=True))
    report = build(tmp_path / "releases", out, sources_path=tmp_path / "sources.yaml", workers=1)
    assert report.rows["meetings"] == 5
    assert pq.ParquetFile(out / "meetings.parquet").num_row_groups == 3  # batches of 2, 2 and 1 documents
    assert pq.read_table(out / "meetings.parquet").column("char_start").to_pylist() == [0] * 5
