"""Semantic versions of the data, and the diff between two releases that decides them.

A release is compared with the last published one table by table:

- a table's columns (names, Arrow types, nullability) differ, or a table appears or disappears → MAJOR;
- rows with new stable ids appear → MINOR;
- rows keep their ids but change, or disappear (corrections) → PATCH;
- nothing differs → no bump: the release *is* the published version.

Rows are matched by the table's stable id (its first column, e.g. `meeting_id`) and compared through a
digest of all their values, so the diff works between any two published trees, whatever the code that
wrote them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

import pyarrow as pa

BUMPS = ("major", "minor", "patch")
FIRST_VERSION = "1.0.0"
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def parse_version(version: str) -> tuple[int, int, int]:
    """`"1.2.3"` → `(1, 2, 3)`; a ValueError that says what is wrong otherwise."""
    match = _SEMVER.match(version or "")
    if not match:
        raise ValueError(f"not a semantic version (MAJOR.MINOR.PATCH): {version!r}")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def is_version(name: str) -> bool:
    return bool(_SEMVER.match(name))


def bump_version(version: str, bump: str) -> str:
    """Apply a `major`/`minor`/`patch` bump to a version."""
    major, minor, patch = parse_version(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump {bump!r}: use one of {', '.join(BUMPS)}")


def next_version(previous: str | None, computed: str | None, override: str | None = None) -> str:
    """The version of a new release.

    `previous` is the last published version (None for the first release, which is 1.0.0),
    `computed` the bump the diff asks for (None when nothing changed), `override` a bump forced by the user.
    """
    if previous is None:
        return FIRST_VERSION
    bump = override or computed
    return bump_version(previous, bump) if bump else previous


# --- rows and schemas -------------------------------------------------------------------------


def id_column(schema: pa.Schema) -> str:
    """The stable id of a table: its first column (the contract declares it first and unique)."""
    return schema.names[0]


def _canonical(value):
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def row_digests(table: pa.Table) -> dict[str, str]:
    """Stable id → SHA-256 of the row's values (canonical JSON, column order of the schema)."""
    key = id_column(table.schema)
    digests: dict[str, str] = {}
    for row in table.to_pylist():
        payload = json.dumps(_canonical(row), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        row_id = row[key]
        if row_id in digests:
            raise ValueError(f"table {table.schema.metadata and table.schema.metadata.get(b'table')!r}: "
                             f"duplicate {key} {row_id!r}; ids must be unique to be compared")
        digests[row_id] = hashlib.sha256(payload.encode()).hexdigest()
    return digests


def type_name(typ: pa.DataType) -> str:
    """An Arrow type's name without list item field names (Parquet calls the item `element`, Arrow `item`)."""
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        prefix = "large_list" if pa.types.is_large_list(typ) else "list"
        return f"{prefix}<{type_name(typ.value_type)}>"
    return str(typ)


def column_signature(schema: pa.Schema) -> list[tuple[str, str, bool]]:
    """(name, Arrow type, nullable) per column: what a schema change is measured on."""
    return [(f.name, type_name(f.type), bool(f.nullable)) for f in schema]


def schema_changes(old: pa.Schema, new: pa.Schema) -> list[str]:
    """Human-readable column changes between two Arrow schemas (empty when compatible)."""
    before = {name: (typ, nullable) for name, typ, nullable in column_signature(old)}
    after = {name: (typ, nullable) for name, typ, nullable in column_signature(new)}
    changes = []
    for name in before:
        if name not in after:
            changes.append(f"column `{name}` removed")
    for name, (typ, nullable) in after.items():
        if name not in before:
            changes.append(f"column `{name}` added ({typ}{', nullable' if nullable else ''})")
            continue
        old_type, old_nullable = before[name]
        if old_type != typ:
            changes.append(f"column `{name}` type {old_type} → {typ}")
        if old_nullable != nullable:
            changes.append(f"column `{name}` {'became nullable' if nullable else 'no longer nullable'}")
    common_before = [n for n in before if n in after]
    common_after = [n for n in after if n in before]
    if not changes and common_before != common_after:
        changes.append("columns reordered")
    return changes


# --- diff -------------------------------------------------------------------------------------


@dataclass
class TableDiff:
    """What changed in one table between two releases."""

    table: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    schema_changes: list[str] = field(default_factory=list)
    rows_before: int = 0
    rows_after: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.schema_changes)

    def to_dict(self) -> dict:
        return {
            "table": self.table,
            "rows_before": self.rows_before,
            "rows_after": self.rows_after,
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "schema_changes": self.schema_changes,
        }


@dataclass
class ReleaseDiff:
    """Per-table diff between two releases, and the bump it calls for."""

    old_version: str | None
    new_version: str | None
    tables: dict[str, TableDiff]

    @property
    def is_empty(self) -> bool:
        return all(t.is_empty for t in self.tables.values())

    @property
    def bump(self) -> str | None:
        """major / minor / patch, or None when the two releases hold the same data."""
        if self.old_version is None:
            return None  # a first release is 1.0.0, not a bump
        if any(t.schema_changes for t in self.tables.values()):
            return "major"
        if any(t.added for t in self.tables.values()):
            return "minor"
        if any(t.changed or t.removed for t in self.tables.values()):
            return "patch"
        return None

    def to_dict(self) -> dict:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "bump": self.bump,
            "tables": {name: t.to_dict() for name, t in self.tables.items()},
        }

    def to_markdown(self, max_ids: int = 10) -> str:
        """The changelog entry: one line per table with counts, then the first ids and schema changes."""
        if self.old_version is None:
            lines = ["First release.", ""]
            lines += [f"- `{t.table}`: {_rows(t.rows_after)}" for t in self.tables.values()]
            return "\n".join(lines)
        if self.is_empty:
            return f"No data changes since {self.old_version}."
        lines = [f"Changes since {self.old_version} ({self.bump or 'no'} bump):", ""]
        for t in self.tables.values():
            if t.is_empty:
                lines.append(f"- `{t.table}`: unchanged ({_rows(t.rows_after)})")
                continue
            lines.append(
                f"- `{t.table}`: {t.rows_before} → {_rows(t.rows_after)}; "
                f"+{len(t.added)} added, -{len(t.removed)} removed, ~{len(t.changed)} changed"
            )
            for change in t.schema_changes:
                lines.append(f"  - schema: {change}")
            for label, ids in (("added", t.added), ("removed", t.removed), ("changed", t.changed)):
                if ids:
                    shown = ", ".join(f"`{i}`" for i in ids[:max_ids])
                    more = f" and {len(ids) - max_ids} more" if len(ids) > max_ids else ""
                    lines.append(f"  - {label}: {shown}{more}")
        return "\n".join(lines)


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def diff_tables(old: pa.Table | None, new: pa.Table | None, name: str) -> TableDiff:
    """Diff one table by stable id; a missing side counts as a schema change (table added/removed)."""
    result = TableDiff(table=name, rows_before=old.num_rows if old is not None else 0,
                       rows_after=new.num_rows if new is not None else 0)
    if old is None and new is None:
        return result
    if old is None:
        result.schema_changes.append("table added")
        result.added = list(row_digests(new))
        return result
    if new is None:
        result.schema_changes.append("table removed")
        result.removed = list(row_digests(old))
        return result
    result.schema_changes = schema_changes(old.schema, new.schema)
    before, after = row_digests(old), row_digests(new)
    result.added = [i for i in after if i not in before]
    result.removed = [i for i in before if i not in after]
    result.changed = [i for i in after if i in before and before[i] != after[i]]
    return result


def diff_releases(
    old: dict[str, pa.Table] | None,
    new: dict[str, pa.Table],
    old_version: str | None = None,
    new_version: str | None = None,
) -> ReleaseDiff:
    """Diff two releases given as table name → Arrow table (`old` None for the first release)."""
    if old is None:
        tables = {name: TableDiff(table=name, rows_after=t.num_rows, added=list(row_digests(t)))
                  for name, t in new.items()}
        return ReleaseDiff(None, new_version, tables)
    names = list(new) + [n for n in old if n not in new]
    tables = {name: diff_tables(old.get(name), new.get(name), name) for name in names}
    return ReleaseDiff(old_version, new_version, tables)


def rich_table(diff: ReleaseDiff):
    """The diff as a `rich` table (what `mfa-releases diff` and `publish` print)."""
    from rich.table import Table

    if diff.old_version is None:
        title = f"{diff.new_version or '?'} (first release)"
    else:
        title = f"{diff.old_version} → {diff.new_version or '?'} ({diff.bump or 'no'} bump)"
    table = Table(title=title)
    for column in ("table", "rows", "added", "removed", "changed", "schema changes"):
        table.add_column(column, justify="right" if column in ("rows", "added", "removed", "changed") else "left")
    for t in diff.tables.values():
        table.add_row(t.table, f"{t.rows_before} → {t.rows_after}", str(len(t.added)), str(len(t.removed)),
                      str(len(t.changed)), "; ".join(t.schema_changes) or "-")
    return table
