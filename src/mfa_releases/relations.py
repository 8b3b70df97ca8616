"""Cross-table checks that pandera's per-table models cannot express."""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa


def _records(table) -> list[dict]:
    if table is None:
        return []
    if isinstance(table, pa.Table):
        return table.to_pylist()
    return table.to_dict("records")  # a pandas DataFrame


def check_relations(tables: dict) -> list[str]:
    """Problems with links between tables (empty when all hold).

    Each meeting's document exists; each participant's meeting exists and belongs to the same
    document; each commitment's document and meeting exist and agree; every span lies inside its
    document's text and `evidence`/`mention` equals `text[char_start:char_end]`; and human and
    machine rows never mix within one document.
    """
    problems: list[str] = []
    texts = {d["doc_id"]: d["text"] for d in _records(tables.get("documents"))}
    meetings = _records(tables.get("meetings"))
    participants = _records(tables.get("participants"))
    commitments = _records(tables.get("commitments"))
    meeting_doc = {m["meeting_id"]: m["doc_id"] for m in meetings}
    provenance = defaultdict(set)

    def check_span(table: str, row_id: str, row: dict, field: str) -> None:
        text = texts.get(row["doc_id"])
        if text is None:
            return
        start, end = row["char_start"], row["char_end"]
        if start is None or end is None or not 0 <= start < end <= len(text):
            problems.append(f"{table} {row_id}: span [{start}, {end}) is outside its document's text "
                            f"(length {len(text)})")
        elif text[start:end] != row[field]:
            problems.append(f"{table} {row_id}: {field} {row[field]!r} != text[{start}:{end}] "
                            f"{text[start:end]!r}")

    def check_row(table: str, id_column: str, row: dict, span_field: str) -> None:
        row_id = row[id_column]
        provenance[row["doc_id"]].add(row["provenance"])
        if row["doc_id"] not in texts:
            problems.append(f"{table} {row_id}: document {row['doc_id']} does not exist")
        meeting = row.get("meeting_id") if table != "meetings" else None
        if meeting is not None:
            if meeting not in meeting_doc:
                problems.append(f"{table} {row_id}: meeting {meeting} does not exist")
            elif meeting_doc[meeting] != row["doc_id"]:
                problems.append(f"{table} {row_id}: meeting {meeting} belongs to "
                                f"{meeting_doc[meeting]}, not {row['doc_id']}")
        check_span(table, row_id, row, span_field)

    for m in meetings:
        check_row("meetings", "meeting_id", m, "evidence")
    for p in participants:
        if p["meeting_id"] is None:
            problems.append(f"participants {p['participant_id']}: meeting None does not exist")
        check_row("participants", "participant_id", p, "mention")
    for c in commitments:  # a commitment's meeting is optional
        check_row("commitments", "commitment_id", c, "evidence")
    for doc, kinds in sorted(provenance.items()):
        if len(kinds) > 1:
            problems.append(f"document {doc}: human and machine rows are mixed (a human annotation "
                            "replaces all machine facts of its document)")
    return problems
