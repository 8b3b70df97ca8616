"""Contract of the `documents` table: one row per release."""

import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

LANGUAGES = ["ru", "en", "kk"]


class Documents(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(
        unique=True,
        str_matches=r"^[a-z0-9][a-z0-9-]*-[0-9a-f]{12}$",
        description="Stable id: the source id and a hash of source and normalized text.",
        metadata={"arrow": "string"},
    )
    source: Series[str] = pa.Field(
        str_matches=r"^[a-z0-9][a-z0-9-]*$",
        description="Id of the publishing source, as listed in seeds/sources.yaml (e.g. kz-mfa).",
        metadata={"arrow": "string"},
    )
    url: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^https?://",
        description="Where the release was published, when known.",
        metadata={"arrow": "string"},
    )
    date: Series[pandas_engine.Date] = pa.Field(
        description="Release date.",
        metadata={"arrow": "date32"},
    )
    language: Series[str] = pa.Field(
        isin=LANGUAGES,
        description="ISO 639-1 language of the text (ru, en or kk); detected when the file does not say.",
        metadata={"arrow": "string"},
    )
    title: Series[str] = pa.Field(
        nullable=True,
        description="Title from the front matter, or null when the release has none.",
        metadata={"arrow": "string"},
    )
    text: Series[str] = pa.Field(
        str_length={"min_value": 1},
        description="Normalized text (Unicode NFC, tidy whitespace, paragraphs separated by one blank "
        "line, photo credits removed). Every character offset in the dataset refers to it.",
        metadata={"arrow": "string"},
    )
    sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$",
        description="SHA-256 of the normalized text (UTF-8).",
        metadata={"arrow": "string"},
    )
    n_chars: Series["int32"] = pa.Field(
        ge=1,
        description="Length of the normalized text in characters.",
        metadata={"arrow": "int32"},
    )
    path: Series[str] = pa.Field(
        description="Path of the raw release file, relative to the input root.",
        metadata={"arrow": "string"},
    )

    class Config:
        name = "documents"
        strict = True
        ordered = True
