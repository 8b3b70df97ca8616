"""Human annotations: schema errors a contributor can act on, and the seed's annotation as facts."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from mfa_releases.annotations import (
    annotation_errors,
    find_person,
    find_span,
    human_facts,
    load_annotation,
    to_facts,
)
from mfa_releases.document import Document
from mfa_releases.errors import ReleaseError
from mfa_releases.ingest import load_document
from mfa_releases.sources import load_sources

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
ANNOTATIONS = SEEDS / "annotations"


@pytest.fixture(scope="module")
def seed_document() -> Document:
    return load_document(SEEDS / "releases" / "kz-mfa" / "2026-02-05-kosherbaev-washington.txt",
                         SEEDS / "releases", load_sources(SEEDS / "sources.yaml"), dataset=True)


@pytest.fixture(scope="module")
def seed_annotation_path(seed_document) -> Path:
    return ANNOTATIONS / f"{seed_document.doc_id}.json"


def _document(text: str, language: str = "ru") -> Document:
    return Document(doc_id="test-000000000000", source="test", url=None, date=dt.date(2026, 3, 10),
                    language=language, title=None, text=text, sha256="0" * 64, n_chars=len(text), path="test.txt")


# -------------------------------------------------------------------------------------- the seed


def test_the_seed_has_a_valid_annotation_named_by_its_doc_id(seed_document, seed_annotation_path):
    annotation = load_annotation(seed_annotation_path)
    assert annotation["doc"] == seed_document.doc_id
    assert annotation["date"] == seed_document.date.isoformat()


def test_seed_annotation_as_facts(seed_document, seed_annotation_path):
    facts = to_facts(load_annotation(seed_annotation_path), seed_document)
    text = seed_document.text

    assert [(m.kind, m.city, m.country) for m in facts.meetings] == [("meeting", "Вашингтон", "US")] * 2
    people = {p.name for m in facts.meetings for p in m.participants}
    assert people == {"Ермек Кошербаев", "Брайан Маст", "Стив Дэйнс"}
    mentions = {p.name: p.mention for m in facts.meetings for p in m.participants}
    assert mentions["Брайан Маст"] == "Брайаном Мастом"  # the inflected surface form, found by stem
    assert mentions["Стив Дэйнс"] == "Стивом Дэйнсом"
    for meeting in facts.meetings:
        assert text[meeting.char_start:meeting.char_end] == meeting.evidence
        assert "Кошербаев" in meeting.evidence  # the lead sentence names the participants
        for person in meeting.participants:
            assert text[person.char_start:person.char_end] == person.mention

    assert [c.kind for c in facts.commitments] == ["agreement", "planned_event", "intent", "invitation"]
    assert [c.meeting for c in facts.commitments] == [0, 0, 1, None]
    assert facts.commitments[1].due == "2026-03"
    for commitment in facts.commitments:
        assert text[commitment.char_start:commitment.char_end] == commitment.evidence


def test_human_facts_finds_the_file_by_doc_id(seed_document, tmp_path):
    assert human_facts(seed_document, ANNOTATIONS) is not None
    assert human_facts(seed_document, tmp_path) is None  # no annotation: the machine's facts are kept


def test_annotation_for_another_release_is_refused(seed_document, seed_annotation_path, tmp_path):
    data = json.loads(seed_annotation_path.read_text(encoding="utf-8"))
    data["date"] = "2026-02-06"
    (tmp_path / f"{seed_document.doc_id}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        human_facts(seed_document, tmp_path)
    assert caught.value.rule == "annotation-release"
    assert "2026-02-05" in caught.value.hint


# ---------------------------------------------------------------------------------- schema errors


def _seed_with(change):
    data = json.loads(next(ANNOTATIONS.glob("*.json")).read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    return data


def _set(path, value):
    def change(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return change


def _delete(path):
    def change(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]
    return change


# (change, rule, words the message must contain, words the hint must contain)
SCHEMA_CASES = {
    "missing field": (_delete(["meetings", 0, "kind"]), "annotation-schema",
                      ["missing field 'kind'", "$.meetings[0]"], ["talks"]),
    "bad kind": (_set(["meetings", 1, "kind"], "meet"), "annotation-schema",
                 ["'meet'", "$.meetings[1].kind"], ["phone_call"]),
    "bad commitment kind": (_set(["commitments", 0, "kind"], "promise"), "annotation-schema",
                            ["'promise'", "$.commitments[0].kind"], ["planned_event"]),
    "unassigned ISO code": (_set(["meetings", 0, "participants", 1, "country"], "UK"), "annotation-iso-code",
                            ["'UK'", "$.meetings[0].participants[1].country"], ["GB"]),
    "lower-case ISO code": (_set(["commitments", 0, "actors"], ["kz"]), "annotation-schema",
                            ["'kz'", "ISO 3166-1"], ["KZ"]),
    "bad due": (_set(["commitments", 1, "due"], "March 2026"), "annotation-schema",
                ["'March 2026'", "$.commitments[1].due"], ["YYYY-MM"]),
    "unknown field": (_set(["commitments", 0, "confidence"], 0.9), "annotation-schema",
                      ["'confidence'"], ["allowed"]),
    "dangling meeting": (_set(["commitments", 0, "meeting"], "m9"), "annotation-meeting-ref",
                         ["'m9'", "m1, m2"], ["null"]),
    "meetings not a list": (_set(["meetings"], "none"), "annotation-schema",
                            ["$.meetings", "list"], []),
}


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=list(SCHEMA_CASES))
def test_schema_errors_name_file_line_path_and_fix(case, tmp_path):
    change, rule, message_words, hint_words = SCHEMA_CASES[case]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_seed_with(change), ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        load_annotation(path)
    error = caught.value
    assert error.rule == rule
    assert error.path == str(path)
    assert isinstance(error.line, int) and error.line > 1
    for word in message_words:
        assert word in error.message, (word, error.message)
    for word in hint_words:
        assert word in error.hint, (word, error.hint)


def test_error_line_points_at_the_bad_value(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_seed_with(_set(["meetings", 1, "kind"], "meet")), ensure_ascii=False, indent=2),
                    encoding="utf-8")
    error = annotation_errors(path)[1][0]
    assert '"kind": "meet"' in path.read_text(encoding="utf-8").splitlines()[error.line - 1]


def test_all_errors_are_reported_not_just_the_first(tmp_path):
    data = _seed_with(_set(["meetings", 0, "kind"], "meet"))
    data["commitments"][0]["kind"] = "promise"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    annotation, errors = annotation_errors(path)
    assert annotation is None
    assert len(errors) == 2


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "doc": "x",\n  "date" "2026-02-05"\n}\n', encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        load_annotation(path)
    assert (caught.value.rule, caught.value.line) == ("annotation-json", 3)


def test_evidence_not_in_the_text_names_file_and_evidence(tmp_path):
    document = _document("Министр провел встречу с послом Франции Жаном Дюпоном. Стороны договорились продолжить диалог.")
    data = {
        "doc": document.doc_id, "source_url": None, "date": "2026-03-10", "language": "ru",
        "meetings": [{"id": "m1", "kind": "meeting", "date": None, "city": None, "country": None,
                      "participants": [{"name": "Жан Дюпон", "role": "посол", "country": "FR", "organization": None}]}],
        "commitments": [{"kind": "agreement", "meeting": "m1", "actors": ["FR"], "due": None,
                         "evidence": "договорились провести консультации"}],
    }
    path = tmp_path / "ann.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        to_facts(load_annotation(path), document)
    error = caught.value
    assert error.rule == "annotation-evidence"
    assert error.path == str(path)
    assert "договорились провести консультации" in error.message
    assert "$.commitments[0].evidence" in error.message
    assert '"evidence"' in path.read_text(encoding="utf-8").splitlines()[error.line - 1]


def test_unknown_participant_is_an_error(tmp_path):
    document = _document("Министр провел встречу с послом Франции Жаном Дюпоном.")
    data = {"doc": document.doc_id, "source_url": None, "date": "2026-03-10", "language": "ru",
            "meetings": [{"id": "m1", "kind": "meeting", "date": None, "city": None, "country": None,
                          "participants": [{"name": "Пьер Мартен", "role": "посол", "country": "FR",
                                            "organization": None}]}],
            "commitments": []}
    path = tmp_path / "ann.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReleaseError, match="Пьер Мартен") as caught:
        to_facts(load_annotation(path), document)
    assert "mention" in caught.value.hint


# ------------------------------------------------------------------------------- locating in text


@pytest.mark.parametrize(
    "text, name, mention",
    [
        ("Встреча с председателем Брайаном Мастом прошла в Вашингтоне.", "Брайан Маст", "Брайаном Мастом"),
        ("Министр встретился с Марией Захаровой.", "Мария Захарова", "Марией Захаровой"),
        ("Беседа с президентом Франком-Вальтером Штайнмайером.", "Франк-Вальтер Штайнмайер",
         "Франком-Вальтером Штайнмайером"),
        ("Его принял М.Копеев, затем Марат Копеев выступил.", "Марат Копеев", "М.Копеев"),
        ("The minister met Antony Blinken in Astana.", "Antony J. Blinken", "Antony Blinken"),
        ("Talks with Secretary Blinken's team.", "Antony Blinken", "Blinken's"),
        ("Мастер спорта встретился с Мастом.", "Брайан Маст", "Мастом"),  # «мастер» is not «Маст»
    ],
)
def test_find_person_matches_inflected_first_mention(text, name, mention):
    span = find_person(text, name)
    assert span is not None and text[span[0]:span[1]] == mention


def test_find_span_ignores_whitespace_differences():
    text = "поправки Джексона –\nВэника в обозримой перспективе"
    span = find_span(text, "поправки  Джексона – Вэника")
    assert span is not None and text[span[0]:span[1]] == "поправки Джексона –\nВэника"
    assert find_span(text, "поправки Вэника") is None


def test_the_schema_is_valid_draft_2020_12():
    from jsonschema import Draft202012Validator

    from mfa_releases.annotations import annotation_schema

    schema = annotation_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
