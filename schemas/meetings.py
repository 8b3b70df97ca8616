"""Contract of the `meetings` table: one row per encounter between named people."""

import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from mfa_releases.schemas._contract import SpanRows, provenance, span_end, span_start

MEETING_KINDS = ["meeting", "talks", "phone_call", "video_call", "consultations"]


class Meetings(SpanRows):
    meeting_id: Series[str] = pa.Field(
        unique=True,
        description="Stable id: the document id and the meeting's position in it (e.g. <doc_id>-m1).",
        metadata={"arrow": "string"},
    )
    doc_id: Series[str] = pa.Field(description="The release it comes from (documents.doc_id).", metadata={"arrow": "string"})
    kind: Series[str] = pa.Field(
        isin=MEETING_KINDS,
        description="Format of the encounter: meeting, talks, phone_call, video_call or consultations.",
        metadata={"arrow": "string"},
    )
    date: Series[pandas_engine.Date] = pa.Field(
        nullable=True,
        description="Day of the encounter when the text names one other than the release date, else null.",
        metadata={"arrow": "date32"},
    )
    city: Series[str] = pa.Field(
        nullable=True,
        description="City where it took place, nominative, in the text's language; null when not stated.",
        metadata={"arrow": "string"},
    )
    country: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code of the place; null for phone and video calls or when unknown.",
        metadata={"arrow": "string"},
    )
    evidence: Series[str] = pa.Field(
        description="The sentence that reports the encounter (documents.text[char_start:char_end]).",
        metadata={"arrow": "string"},
    )
    char_start: Series["int32"] = span_start("evidence")
    char_end: Series["int32"] = span_end("evidence")
    provenance: Series[str] = provenance()

    class Config:
        name = "meetings"
        strict = True
        ordered = True
