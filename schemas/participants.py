"""Contract of the `participants` table: named people taking part in a meeting."""

import pandera.pandas as pa
from pandera.typing import Series

from mfa_releases.schemas._contract import SpanRows, provenance, span_end, span_start



class Participants(SpanRows):
    participant_id: Series[str] = pa.Field(
        unique=True,
        description="Stable id: the meeting id and the person's position in it (e.g. <meeting_id>-p1).",
        metadata={"arrow": "string"},
    )
    meeting_id: Series[str] = pa.Field(description="The meeting (meetings.meeting_id).", metadata={"arrow": "string"})
    doc_id: Series[str] = pa.Field(description="The release (documents.doc_id).", metadata={"arrow": "string"})
    name: Series[str] = pa.Field(
        str_length={"min_value": 2},
        description="Personal name in the nominative case, as complete as the text gives it "
        "(«Брайан Маст», never «Брайаном Мастом»); English names keep their English spelling.",
        metadata={"arrow": "string"},
    )
    role: Series[str] = pa.Field(
        nullable=True,
        description="Position, lower-case nominative, without the country or the name "
        "(«министр иностранных дел», «сенатор», «minister of foreign affairs»).",
        metadata={"arrow": "string"},
    )
    organization: Series[str] = pa.Field(
        nullable=True,
        description="Organisation named with the role («МИД РК», «Сенат США», «OSCE»), or null.",
        metadata={"arrow": "string"},
    )
    country: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code of the state the person serves; null for international organisations.",
        metadata={"arrow": "string"},
    )
    mention: Series[str] = pa.Field(
        description="The surface form of the first mention (documents.text[char_start:char_end]).",
        metadata={"arrow": "string"},
    )
    char_start: Series["int32"] = span_start("mention")
    char_end: Series["int32"] = span_end("mention")
    provenance: Series[str] = provenance()

    class Config:
        name = "participants"
        strict = True
        ordered = True
