import datetime as dt

import pytest

from mfa_releases.relations import check_relations
from mfa_releases.tables import to_arrow, to_pandas

TEXT = "Министр встретился с послом. Стороны договорились о визите."


def _tables(**changes):
    documents = [{"doc_id": "t-000000000001", "source": "t", "url": None, "date": dt.date(2026, 1, 1),
                  "language": "ru", "title": None, "text": TEXT, "sha256": "0" * 64, "n_chars": len(TEXT),
                  "path": "a.txt"}]
    meetings = [{"meeting_id": "t-000000000001-m1", "doc_id": "t-000000000001", "kind": "meeting", "date": None,
                 "city": None, "country": None, "evidence": TEXT[:28], "char_start": 0, "char_end": 28,
                 "provenance": "machine"}]
    participants = [{"participant_id": "t-000000000001-m1-p1", "meeting_id": "t-000000000001-m1",
                     "doc_id": "t-000000000001", "name": "Министр", "role": "министр", "organization": None,
                     "country": "KZ", "mention": "Министр", "char_start": 0, "char_end": 7, "provenance": "machine"}]
    start = TEXT.index("договорились")
    commitments = [{"commitment_id": "t-000000000001-c1", "doc_id": "t-000000000001",
                    "meeting_id": "t-000000000001-m1", "kind": "agreement", "actors": ["KZ"], "due": None,
                    "evidence": TEXT[start:-1], "char_start": start, "char_end": len(TEXT) - 1,
                    "provenance": "machine"}]
    rows = {"documents": documents, "meetings": meetings, "participants": participants, "commitments": commitments}
    for key, value in changes.items():
        table, index, column = key.split("__")
        rows[table][int(index)][column] = value
    return {name: to_arrow(name, r) for name, r in rows.items()}


def test_consistent_tables_have_no_problems():
    assert check_relations(_tables()) == []


def test_accepts_dataframes_too():
    assert check_relations({k: to_pandas(v) for k, v in _tables().items()}) == []


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"meetings__0__doc_id": "t-00000000000f"}, "document t-00000000000f does not exist"),
        ({"participants__0__meeting_id": "t-000000000001-m9"}, "meeting t-000000000001-m9 does not exist"),
        ({"commitments__0__meeting_id": "t-000000000001-m2"}, "meeting t-000000000001-m2 does not exist"),
        ({"meetings__0__char_end": 500}, "outside its document's text"),
        ({"participants__0__mention": "Посол"}, "mention 'Посол' != text[0:7]"),
        ({"commitments__0__evidence": "договорились"}, "evidence 'договорились' != text"),
        ({"participants__0__provenance": "human"}, "human and machine rows are mixed"),
    ],
)
def test_broken_links_are_reported(changes, words):
    problems = check_relations(_tables(**changes))
    assert any(words in p for p in problems), problems


def test_participant_of_another_documents_meeting():
    tables = _tables(participants__0__doc_id="t-00000000000f")
    assert any("belongs to t-000000000001" in p for p in check_relations(tables))
