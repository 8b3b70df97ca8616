"""Contract of the `commitments` table: forward-looking undertakings stated in a release."""

import pandera.pandas as pa
from pandera.typing import Series

from mfa_releases.schemas._contract import SpanRows, provenance, span_end, span_start

COMMITMENT_KINDS = ["agreement", "invitation", "planned_event", "signed_document", "support", "intent"]


class Commitments(SpanRows):
    commitment_id: Series[str] = pa.Field(
        unique=True,
        description="Stable id: the document id and the commitment's position in it (e.g. <doc_id>-c1).",
        metadata={"arrow": "string"},
    )
    doc_id: Series[str] = pa.Field(description="The release (documents.doc_id).", metadata={"arrow": "string"})
    meeting_id: Series[str] = pa.Field(
        nullable=True,
        description="The meeting in which it was made (meetings.meeting_id), or null.",
        metadata={"arrow": "string"},
    )
    kind: Series[str] = pa.Field(
        isin=COMMITMENT_KINDS,
        description="agreement, invitation, planned_event, signed_document, support or intent.",
        metadata={"arrow": "string"},
    )
    actors: Series[object] = pa.Field(
        description="ISO 3166-1 alpha-2 codes of the states that commit; empty for international organisations.",
        metadata={"arrow": "list<string>"},
    )
    due: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="When it is due, as precise as the text says: YYYY, YYYY-MM or YYYY-MM-DD "
        "(relative dates resolved against the release date); null when undated.",
        metadata={"arrow": "string"},
    )
    evidence: Series[str] = pa.Field(
        description="The shortest span of documents.text that states it (documents.text[char_start:char_end]).",
        metadata={"arrow": "string"},
    )
    char_start: Series["int32"] = span_start("evidence")
    char_end: Series["int32"] = span_end("evidence")
    provenance: Series[str] = provenance()

    @pa.check("actors", element_wise=True, error="actors must be a list of ISO 3166-1 alpha-2 codes")
    def actors_are_iso_codes(cls, value) -> bool:
        try:
            return all(isinstance(a, str) and len(a) == 2 and a.isupper() for a in value)
        except TypeError:
            return False

    class Config:
        name = "commitments"
        strict = True
        ordered = True
