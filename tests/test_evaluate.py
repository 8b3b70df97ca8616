"""Scoring maths on tiny hand-made gold/prediction pairs, and the eval entry points end to end."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from mfa_releases.evaluate import evaluate, score_document
from mfa_releases.extract.base import Facts

REPO = Path(__file__).resolve().parents[1]

TEXT = ("Министр иностранных дел Казахстана Ермек Кошербаев провел встречу с министром иностранных дел "
        "Франции Жаном Дюпоном. Стороны договорились провести консультации в мае 2026 года. "
        "Министр пригласил французского коллегу посетить Астану.")


def person(name, country, role="министр иностранных дел"):
    return {"name": name, "role": role, "country": country, "organization": None}


def meeting(*people, kind="meeting", city="Париж", country="FR"):
    return {"id": "m1", "kind": kind, "date": None, "city": city, "country": country, "participants": list(people)}


GOLD = {
    "doc": "t", "source_url": None, "date": "2026-03-10", "language": "ru",
    "meetings": [meeting(person("Ермек Кошербаев", "KZ"), person("Жан Дюпон", "FR"))],
    "commitments": [
        {"kind": "agreement", "meeting": "m1", "actors": ["KZ", "FR"], "due": "2026-05",
         "evidence": "договорились провести консультации в мае 2026 года"},
        {"kind": "invitation", "meeting": "m1", "actors": ["KZ"], "due": None,
         "evidence": "пригласил французского коллегу посетить Астану"},
    ],
}


def variant(change=None):
    pred = copy.deepcopy(GOLD)
    if change:
        change(pred)
    return pred


def score(pred):
    scores, errors = score_document(GOLD, pred, TEXT)
    return scores.as_dict(), errors


def test_perfect_prediction():
    metrics, errors = score(variant())
    for name in ("participants_exact", "participants_surname", "meetings", "commitments"):
        assert (metrics[name]["precision"], metrics[name]["recall"], metrics[name]["f1"]) == (1.0, 1.0, 1.0)
    assert metrics["participant_country"] == {"accuracy": 1.0, "correct": 2, "total": 2}
    assert metrics["commitment_due"]["accuracy"] == 1.0
    assert errors == []


def test_one_missed_participant_and_commitment():
    def change(pred):
        pred["meetings"][0]["participants"].pop()
        pred["commitments"].pop()

    metrics, errors = score(variant(change))
    assert metrics["participants_exact"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1}
    assert metrics["commitments"]["recall"] == 0.5 and metrics["commitments"]["precision"] == 1.0
    # {Кошербаев} vs {Кошербаев, Дюпон}: Jaccard 0.5 still identifies the meeting
    assert metrics["meetings"]["f1"] == 1.0
    assert {(e["item"], e["error"]) for e in errors} == {("participant", "missed"), ("commitment", "missed")}


def test_one_spurious_participant_and_commitment():
    def change(pred):
        pred["meetings"][0]["participants"].append(person("Ван И", "CN"))
        pred["commitments"].append({"kind": "intent", "meeting": None, "actors": [], "due": None,
                                    "evidence": "Стороны договорились"})

    metrics, errors = score(variant(change))
    assert metrics["participants_exact"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "tp": 2, "fp": 1, "fn": 0}
    # The spurious commitment overlaps no gold evidence of its kind.
    assert metrics["commitments"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "tp": 2, "fp": 1, "fn": 0}
    assert ("participant", "spurious") in {(e["item"], e["error"]) for e in errors}
    assert ("commitment", "spurious") in {(e["item"], e["error"]) for e in errors}


def test_wrong_country_is_an_attribute_error_not_a_miss():
    metrics, errors = score(variant(lambda pred: pred["meetings"][0]["participants"][1].update(country="BE")))
    assert metrics["participants_exact"]["f1"] == 1.0
    assert metrics["participant_country"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert errors == [{"item": "participant", "error": "wrong", "field": "country", "name": "Жан Дюпон",
                       "gold": "FR", "pred": "BE"}]


def test_surname_match_when_the_name_is_not_nominative():
    metrics, errors = score(variant(lambda pred: pred["meetings"][0]["participants"][1].update(name="Жаном Дюпон")))
    assert metrics["participants_exact"]["tp"] == 1
    assert metrics["participants_surname"]["tp"] == 2
    assert any(e["error"] == "wrong" and e["field"] == "name" for e in errors)


def test_name_comparison_ignores_case_and_yo():
    gold = variant(lambda g: g["meetings"][0]["participants"][0].update(name="Пётр Семёнов"))
    pred = variant(lambda p: p["meetings"][0]["participants"][0].update(name="Петр Семенов"))
    scores, _ = score_document(gold, pred, TEXT)
    assert scores.as_dict()["participants_exact"]["f1"] == 1.0


def test_wrong_meeting_kind_and_city():
    def change(pred):
        pred["meetings"][0].update(kind="talks", city=None)

    metrics, errors = score(variant(change))
    assert metrics["meetings"]["f1"] == 1.0
    assert metrics["meeting_kind"]["accuracy"] == 0.0 and metrics["meeting_city"]["accuracy"] == 0.0
    assert {e["field"] for e in errors} == {"kind", "city"}


def test_meetings_match_by_participant_sets():
    gold = variant(lambda g: g["meetings"].append(
        {**meeting(person("Ермек Кошербаев", "KZ"), person("Анна Шмидт", "DE")), "id": "m2"}))
    # One joint meeting instead of two: it matches one of them, the other is missed.
    pred = variant(lambda p: p["meetings"][0]["participants"].append(person("Анна Шмидт", "DE")))
    scores, errors = score_document(gold, pred, TEXT)
    counts = scores.as_dict()["meetings"]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 0, 1)
    # A meeting sharing no one with the gold is spurious.
    pred = variant(lambda p: p["meetings"][0].update(participants=[person("Анна Шмидт", "DE")]))
    counts = score_document(GOLD, pred, TEXT)[0].as_dict()["meetings"]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (0, 1, 1)


def test_commitments_need_same_kind_and_overlapping_evidence():
    # Shorter evidence inside the gold span still matches; wrong due is an attribute error.
    def shorter(pred):
        pred["commitments"][0].update(evidence="провести консультации", due="2026")

    metrics, errors = score(variant(shorter))
    assert metrics["commitments"]["tp"] == 2
    assert metrics["commitment_due"] == {"accuracy": 0.5, "correct": 1, "total": 2}

    # Same span, other kind: one miss, one spurious, reported as a kind error.
    metrics, errors = score(variant(lambda pred: pred["commitments"][1].update(kind="planned_event")))
    assert (metrics["commitments"]["tp"], metrics["commitments"]["fp"], metrics["commitments"]["fn"]) == (1, 1, 1)
    assert [e for e in errors if e.get("field") == "kind"][0]["pred"] == "planned_event"


def test_empty_gold_and_prediction_is_perfect_and_empty_prediction_scores_zero():
    empty = {"meetings": [], "commitments": []}
    assert score_document(empty, empty, TEXT)[0].as_dict()["meetings"]["f1"] == 1.0
    metrics = score_document(GOLD, empty, TEXT)[0].as_dict()
    assert metrics["commitments"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 2}
    assert metrics["participant_country"]["accuracy"] is None  # nothing matched, nothing to measure


# ------------------------------------------------------------------------------------ end to end


def _gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "t1.txt").write_text(" date 2026-03-10 " + TEXT + "\n", encoding="utf-8")
    (folder / "t1.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    english = {"doc": "t2", "source_url": None, "date": "2026-03-11", "language": "en",
               "meetings": [], "commitments": []}
    (folder / "t2.txt").write_text(" date 2026-03-11 The sides discussed cooperation.\n", encoding="utf-8")
    (folder / "t2.gold.json").write_text(json.dumps(english), encoding="utf-8")
    return folder


def test_evaluate_folder_reports_overall_and_per_language(tmp_path):
    def perfect_for_russian(document):
        # A stand-in extractor that returns the gold facts of the Russian text.
        from mfa_releases.annotations import Annotation, to_facts

        return to_facts(Annotation(GOLD), document) if document.language == "ru" else Facts()

    folder = _gold_folder(tmp_path)
    report = evaluate(folder, extract=perfect_for_russian)
    assert set(report["by_language"]) == {"en", "ru"}
    assert report["overall"]["documents"] == 2
    assert report["by_language"]["ru"]["meetings"]["f1"] == 1.0
    assert report["overall"]["commitments"]["tp"] == 2
    assert [d["errors"] for d in report["documents"]] == [[], []]
    assert report["documents"][0]["scores"]["commitments"]["tp"] == 2

    only_en = evaluate(folder, language="en", extract=lambda d: Facts())
    assert list(only_en["by_language"]) == ["en"]


def test_cli_eval_writes_json(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import mfa_releases.extract as extract
    from mfa_releases.cli import app

    monkeypatch.setattr(extract, "extract_document", lambda document: Facts())
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["eval", "--gold", str(_gold_folder(tmp_path)), "--json", str(out), "--errors"])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["overall"]["meetings"]["fn"] == 1
    assert "missed" in result.output  # the error listing

    missing = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path / "nope")])
    assert missing.exit_code == 1


def test_dvc_stage_script_writes_metrics_for_the_annotated_seed(tmp_path, monkeypatch):
    import importlib.util

    import mfa_releases.extract as extract

    monkeypatch.chdir(REPO)
    monkeypatch.setattr(extract, "extract_document", lambda document: Facts())
    spec = importlib.util.spec_from_file_location("eval_stage", REPO / "scripts" / "evaluate.py")
    stage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stage)

    metrics_path = tmp_path / "metrics.json"
    assert stage.main(["--metrics", str(metrics_path)]) == 0
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    assert set(metrics) == {"overall", "by_language"}
    # The seed's human annotation: 2 meetings, 3 people, 4 commitments, all missed by an empty extractor.
    assert metrics["overall"]["meetings"]["fn"] == 2
    assert metrics["overall"]["participants_exact"]["fn"] == 3
    assert metrics["overall"]["commitments"]["fn"] == 4


def test_an_annotation_whose_release_is_gone_stops_the_seed_evaluation(tmp_path):
    import shutil

    from mfa_releases.errors import ReleaseError
    from mfa_releases.evaluate import evaluate_annotated

    annotations = tmp_path / "annotations"
    shutil.copytree(REPO / "seeds" / "annotations", annotations)
    (annotations / "kz-mfa-000000000000.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        evaluate_annotated(REPO / "seeds" / "releases", annotations, REPO / "seeds" / "sources.yaml",
                           extract=lambda document: Facts())
    assert caught.value.rule == "annotation-release"
    assert "kz-mfa-000000000000" in caught.value.message
