"""Helpers that turn a pandera `DataFrameModel` into the other forms of the contract.

The pandera model is the single source of truth for a table: column names and order, types,
nullability, checks and one description per column. The explicit Arrow schema used to write
Parquet, and the column tables of the dataset card, are derived from it here.
"""

from __future__ import annotations

import hashlib
import json

import pyarrow as pa

# Arrow types by the logical name a column declares in `metadata={"arrow": ...}`.
ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "date32": pa.date32(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "list<string>": pa.list_(pa.string()),
}


def columns(model) -> dict:
    """Column name → pandera `Column`, in declaration order."""
    return dict(model.to_schema().columns)


def arrow_schema(model) -> pa.Schema:
    """The explicit Arrow schema for a table, with descriptions kept as field metadata."""
    fields = []
    for name, col in columns(model).items():
        logical = (col.metadata or {}).get("arrow")
        if logical is None:
            raise ValueError(f"{model.__name__}.{name}: declare metadata={{'arrow': ...}}")
        fields.append(
            pa.field(
                name,
                ARROW_TYPES[logical],
                nullable=col.nullable,
                metadata={"description": col.description or ""},
            )
        )
    return pa.schema(fields, metadata={"table": model.Config.name})


def describe(model) -> list[dict]:
    """One dict per column (name, type, nullable, description) for docs and the dataset card."""
    return [
        {
            "name": name,
            "type": (col.metadata or {}).get("arrow"),
            "nullable": bool(col.nullable),
            "description": col.description or "",
        }
        for name, col in columns(model).items()
    ]


def schema_digest(model) -> str:
    """A digest of a table's column names, types and nullability (not descriptions)."""
    payload = [(c["name"], c["type"], c["nullable"]) for c in describe(model)]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()
