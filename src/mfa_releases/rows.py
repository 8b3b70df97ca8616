"""Facts (per document, positional) → table rows with stable ids."""

from __future__ import annotations

from mfa_releases.document import Document
from mfa_releases.extract.base import Facts
from mfa_releases.ids import commitment_id, meeting_id, participant_id

FACT_TABLES = ("meetings", "participants", "commitments")


def empty_rows() -> dict[str, list[dict]]:
    return {name: [] for name in FACT_TABLES}


def facts_to_rows(document: Document, facts: Facts, provenance: str) -> dict[str, list[dict]]:
    """Rows of meetings, participants and commitments for one document.

    Ids come from the document id and 1-based positions; `CommitmentFact.meeting` (an index into
    `facts.meetings`) becomes that meeting's id.
    """
    rows = empty_rows()
    meeting_ids = []
    for m_index, meeting in enumerate(facts.meetings, start=1):
        m_id = meeting_id(document.doc_id, m_index)
        meeting_ids.append(m_id)
        rows["meetings"].append({
            "meeting_id": m_id, "doc_id": document.doc_id, "kind": meeting.kind, "date": meeting.date,
            "city": meeting.city, "country": meeting.country, "evidence": meeting.evidence,
            "char_start": meeting.char_start, "char_end": meeting.char_end, "provenance": provenance,
        })
        for p_index, person in enumerate(meeting.participants, start=1):
            rows["participants"].append({
                "participant_id": participant_id(m_id, p_index), "meeting_id": m_id, "doc_id": document.doc_id,
                "name": person.name, "role": person.role, "organization": person.organization,
                "country": person.country, "mention": person.mention,
                "char_start": person.char_start, "char_end": person.char_end, "provenance": provenance,
            })
    for c_index, commitment in enumerate(facts.commitments, start=1):
        index = commitment.meeting
        if index is not None and not 0 <= index < len(meeting_ids):
            raise ValueError(f"{document.path}: commitment {c_index} refers to meeting index {index}, "
                             f"but the document has {len(meeting_ids)} meeting(s)")
        rows["commitments"].append({
            "commitment_id": commitment_id(document.doc_id, c_index), "doc_id": document.doc_id,
            "meeting_id": meeting_ids[index] if index is not None else None,
            "kind": commitment.kind, "actors": list(commitment.actors), "due": commitment.due,
            "evidence": commitment.evidence, "char_start": commitment.char_start,
            "char_end": commitment.char_end, "provenance": provenance,
        })
    return rows
