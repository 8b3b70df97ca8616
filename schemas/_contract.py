"""Helpers that turn a pandera `DataFrameModel` into the other forms of the contract.

The pandera model is the single source of truth for a table: column names and order, types,
nullability, checks and one description per column. The explicit Arrow schema used to write
Parquet, and the column tables of the dataset card, are derived from it here.
"""

from __future__ import annotations

import hashlib
import json

import pandera.pandas as pandera
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


PROVENANCE = ["machine", "human"]


def span_start(of: str):
    """The `char_start` column of a table whose rows point at a span (`of`) of documents.text."""
    return pandera.Field(ge=0, description=f"Start offset of the {of} in documents.text.", metadata={"arrow": "int32"})


def span_end(of: str):
    """The `char_end` column (exclusive) matching `span_start`."""
    return pandera.Field(ge=1, description=f"End offset (exclusive) of the {of} in documents.text.", metadata={"arrow": "int32"})


def provenance():
    """The `provenance` column: who stated the row's fact."""
    return pandera.Field(
        isin=PROVENANCE,
        description="machine (extracted by the pipeline) or human (from seeds/annotations).",
        metadata={"arrow": "string"},
    )


class SpanRows(pandera.DataFrameModel):
    """Checks shared by every table whose rows point at a span of documents.text."""

    @pandera.dataframe_check(error="char_end must be greater than char_start")
    def span_not_empty(cls, df):
        return df["char_end"] > df["char_start"]
