"""Rows → Arrow tables with the contract's explicit schema; deterministic, atomic Parquet I/O.

Tables are built column by column from Python values with `arrow_schema(model)` (never through
pandas, whose string dtype would become `large_string`), and written with fixed writer options,
so that the same rows always give the same bytes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from mfa_releases.schemas import TABLES, arrow_schema

# Fixed writer options: part of the determinism contract (changing them changes every file's bytes).
PARQUET_OPTIONS = dict(
    compression="zstd",
    compression_level=9,
    version="2.6",
    use_dictionary=True,
    write_statistics=True,
    data_page_version="1.0",
    row_group_size=64 * 1024,
)


def schema_of(table_name: str) -> pa.Schema:
    """The explicit Arrow schema of a table of the contract."""
    if table_name not in TABLES:
        raise KeyError(f"unknown table {table_name!r}; tables are {', '.join(TABLES)}")
    return arrow_schema(TABLES[table_name])


def to_arrow(table_name: str, rows: list[dict]) -> pa.Table:
    """An Arrow table with exactly the contract's schema (columns in contract order)."""
    schema = schema_of(table_name)
    columns = [pa.array([row.get(f.name) for row in rows], type=f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def empty_table(table_name: str) -> pa.Table:
    return schema_of(table_name).empty_table()


def write_tables(tables: dict[str, pa.Table], out_dir: Path | str) -> list[Path]:
    """Write `<out_dir>/<name>.parquet` for every table, all or nothing.

    Each file goes to a temporary name in the same folder first; only when every file is written are
    they renamed into place (`os.replace`, atomic per file), so a failure leaves earlier outputs intact.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(".*.parquet.tmp"):  # left by a build that was killed mid-write
        stale.unlink(missing_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name in sorted(tables):
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=out_dir)
            os.close(fd)
            staged.append((Path(tmp), out_dir / f"{name}.parquet"))
            pq.write_table(tables[name], tmp, **PARQUET_OPTIONS)
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, final in staged:
        os.chmod(tmp, 0o644)
        os.replace(tmp, final)
    return [final for _, final in staged]


class StreamingTables:
    """Write tables batch by batch (one Parquet row group per non-empty batch), all or nothing.

    Memory stays the size of a batch, whatever the corpus. Files are written under temporary names
    in `out_dir` and renamed into place by `commit()` only; `abort()` (or leaving the `with` block
    on an error) deletes them, so a failed build leaves earlier outputs intact. Same batches → same
    bytes; a table written in a single batch has exactly the bytes of `write_tables`.
    """

    def __init__(self, out_dir: Path | str, names):
        self.out_dir = Path(out_dir)
        self._created = not self.out_dir.exists()  # removed again by abort(), so failure leaves no trace
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.out_dir.glob(".*.parquet.tmp"):  # left by a build that was killed mid-write
            stale.unlink(missing_ok=True)
        self._writers: dict[str, tuple[pq.ParquetWriter, Path]] = {}
        writer_options = {k: v for k, v in PARQUET_OPTIONS.items() if k != "row_group_size"}
        try:
            for name in sorted(names):
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=self.out_dir)
                os.close(fd)
                self._writers[name] = (pq.ParquetWriter(tmp, schema_of(name), **writer_options), Path(tmp))
        except BaseException:
            self.abort()
            raise

    def write(self, tables: dict[str, pa.Table]) -> None:
        """Append one batch of rows to each table (empty batches add nothing)."""
        for name, table in tables.items():
            if table.num_rows:
                self._writers[name][0].write_table(table, row_group_size=PARQUET_OPTIONS["row_group_size"])

    def commit(self) -> list[Path]:
        """Close every file and move it into place; returns the final paths."""
        staged = []
        for name, (writer, tmp) in sorted(self._writers.items()):
            writer.close()
            staged.append((tmp, self.out_dir / f"{name}.parquet"))
        self._writers = {}
        for tmp, final in staged:
            os.chmod(tmp, 0o644)
            os.replace(tmp, final)
        return [final for _, final in staged]

    def abort(self) -> None:
        """Delete the temporary files; nothing in `out_dir` changes."""
        for writer, tmp in self._writers.values():
            try:
                writer.close()
            finally:
                tmp.unlink(missing_ok=True)
        self._writers = {}
        if self._created and self.out_dir.is_dir() and not any(self.out_dir.iterdir()):
            self.out_dir.rmdir()

    def __enter__(self) -> "StreamingTables":
        return self

    def __exit__(self, *exc) -> None:
        self.abort()


def read_table(path_or_dir: Path | str, name: str | None = None) -> pa.Table:
    """Read one table: a `.parquet` file, or `<dir>/<name>.parquet`."""
    path = Path(path_or_dir)
    if path.is_dir() or name is not None and path.suffix != ".parquet":
        path = path / f"{name}.parquet"
    return pq.read_table(path)


def read_tables(out_dir: Path | str) -> dict[str, pa.Table]:
    """Every table of the contract found in a folder."""
    out_dir = Path(out_dir)
    return {name: read_table(out_dir, name) for name in TABLES if (out_dir / f"{name}.parquet").exists()}


def to_pandas(table: pa.Table):
    """A DataFrame for pandera (dates stay `datetime.date`, lists stay lists)."""
    return table.to_pandas(date_as_object=True, maps_as_pydicts="strict")


def validate_table(name: str, table: pa.Table) -> str | None:
    """None when a table satisfies the contract, else a report (schema mismatch or pandera's lazy report)."""
    import pandera.errors

    expected = schema_of(name)
    if not table.schema.equals(expected, check_metadata=False):
        got = ", ".join(f"{f.name}: {f.type}" for f in table.schema)
        want = ", ".join(f"{f.name}: {f.type}" for f in expected)
        return f"{name}: Arrow schema differs from the contract\n  got:      {got}\n  expected: {want}"
    try:
        TABLES[name].validate(to_pandas(table), lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases[["column", "check", "failure_case", "index"]]
        more = f"\n  … and {len(cases) - 50} more" if len(cases) > 50 else ""
        return (f"{name}: contract violated (pandera lazy report)\n{exc}\n"
                f"failure cases (row index = position in {name}.parquet):\n"
                f"{cases.head(50).to_string(index=False)}{more}")
    return None


def validate_tables(tables: dict[str, pa.Table]) -> list[str]:
    """Contract reports for every table that fails (empty when all are valid)."""
    reports = []
    for name in TABLES:
        if name not in tables:
            reports.append(f"{name}: table is missing")
            continue
        report = validate_table(name, tables[name])
        if report:
            reports.append(report)
    return reports
