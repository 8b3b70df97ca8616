"""The scoring of benchmarks/factrueval.py on hand-made people (no factRuEval text here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "factrueval.py"
_spec = importlib.util.spec_from_file_location("factrueval_benchmark", _PATH)
fr = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fr  # dataclasses look their module up while the file runs
_spec.loader.exec_module(fr)

# A tiny lemma table stands in for pymorphy2, so the test loads no model.
LEMMAS = {"посла": "посол", "министра": "министр", "директора": "директор", "японии": "япония",
          "петрова": "петров", "сената": "сенат"}
STATES = {"Япония": "JP", "Франция": "FR"}


def lemma(word: str) -> str:
    return LEMMAS.get(word, word)


def score(gold, machine, **kwargs):
    return fr.score_text("doc", gold, machine, lemma, STATES.get, **kwargs)


def test_person_with_right_position_organisation_and_state():
    gold = [fr.GoldPerson("Петров", "Иван", positions=[["посла"]], places=[["Япония"]]),
            fr.GoldPerson("Смирнова", "Анна", positions=[["директора"]], orgs=[["Сенат"]])]
    machine = [fr.MachinePerson("Иван Петров", "посол", None, "JP"),
               fr.MachinePerson("Анна Смирнова", "директор", "Сенат", None)]
    s = score(gold, machine)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert (s.position_right, s.position_exact) == (2, 2)
    assert (s.org_evaluated, s.org_right, s.state_evaluated, s.state_right) == (1, 1, 1, 1)
    assert s.name_nominative == 2 and not s.errors


@pytest.mark.parametrize(
    "machine_role, gold_position, right, exact",
    [
        ("посол", "Посол Японии в России", True, False),  # one side's lemmas contain the other's
        ("министр иностранных дел", "министра иностранных дел", True, True),
        ("первый заместитель", "заместитель председателя", True, False),  # token F1 = 0.5
        ("министр иностранных дел", "министра торговли", False, False),  # token F1 = 0.4
        ("директор", "министра", False, False),
        ("глава", "президент", False, False),
    ],
)
def test_position_match(machine_role, gold_position, right, exact):
    got_right, got_exact, _ = fr.phrase_match(machine_role, gold_position, lemma)
    assert (got_right, got_exact) == (right, exact)


def test_spurious_and_missed_are_told_apart():
    gold = [fr.GoldPerson("Петров", "Иван"),  # a person, but no Occupation fact
            fr.GoldPerson("Смирнова", "Анна", positions=[["министра"]]),
            fr.GoldPerson("Кузнецов", "Олег", positions=[["директора"]])]
    machine = [fr.MachinePerson("Иван Петров", "посол"),
               fr.MachinePerson("Степан Орлов", "сенатор"),
               fr.MachinePerson("Анна Смирнова", None)]  # found, but without a role
    s = score(gold, machine)
    assert (s.tp, s.fp, s.fn) == (0, 2, 2)
    assert (s.fp_gold_person, s.fp_not_person) == (1, 1)
    assert (s.fn_no_role, s.fn_not_found) == (1, 1)


def test_inflected_surname_still_matches_but_is_not_nominative():
    s = score([fr.GoldPerson("Петров", "Иван", positions=[["посла"]])], [fr.MachinePerson("Ивана Петрова", "посол")])
    assert (s.tp, s.surname_nominative, s.name_nominative) == (1, 0, 0)
    assert "surname not nominative" in s.errors


def test_given_name_decides_between_namesakes():
    gold = [fr.GoldPerson("Петров", "Иван", positions=[["посла"]]),
            fr.GoldPerson("Петров", "Олег", positions=[["министра"]])]
    machine = [fr.MachinePerson("Олег Петров", "министр"), fr.MachinePerson("Иван Петров", "посол")]
    s = score(gold, machine)
    assert (s.tp, s.position_right) == (2, 2)


def test_wrong_state_and_missing_organisation_are_errors():
    gold = [fr.GoldPerson("Петров", "Иван", positions=[["посла"]], places=[["Франция"]], orgs=[["Сенат"]])]
    s = score(gold, [fr.MachinePerson("Иван Петров", "посол", None, "JP")])
    assert (s.org_evaluated, s.org_given, s.org_right) == (1, 0, 0)
    assert (s.state_evaluated, s.state_right) == (1, 0)
    assert set(s.errors) == {"wrong organisation", "wrong state"}


def _person_in(text: str, name: str, position: str) -> fr.GoldPerson:
    n, p = text.index(name), text.index(position)
    return fr.GoldPerson(name.split()[-1], name.split()[0], positions=[[position]],
                         mentions=[(n, n + len(name))], position_spans=[(p, p + len(position))])


@pytest.mark.parametrize(
    "text, position, kind",
    [
        ("Иван Петров, директор завода, выступил.", "директор", "after the name"),
        ("Координатор движения «Звезда» Иван Петров выступил.", "Координатор", "before the name, across a quote"),
        ("Садовник Иван Петров выступил.", "Садовник", "before the name, no known role word"),
        ("Директор Иван Петров выступил.", "Директор", "before the name, other"),
    ],
)
def test_why_a_role_was_missed(text, position, kind):
    person = _person_in(text, "Иван Петров", position)
    assert fr.missed_role_kind(person, text, {"директор", "координатор"}, str.lower) == kind


def test_missed_role_kind_is_counted():
    text = "Иван Петров, директор завода, выступил."
    s = fr.score_text("doc", [_person_in(text, "Иван Петров", "директор")], [fr.MachinePerson("Иван Петров")],
                      text=text, role_heads={"директор"})
    assert s.missed_role_kinds == {"after the name": 1}


def test_scores_add_up_over_texts():
    total = fr.Score()
    total.add(score([fr.GoldPerson("Петров", "Иван", positions=[["посла"]])], [fr.MachinePerson("Иван Петров", "посол")]))
    total.add(score([fr.GoldPerson("Орлов", "Олег", positions=[["посла"]])], []))
    assert (total.tp, total.fn, total.fn_not_found) == (1, 1, 1)
    assert fr.prf(total.tp, total.tp + total.fp, total.tp + total.fn) == (1.0, 0.5, pytest.approx(2 / 3))


def test_span_scores_exact_and_overlap():
    gold = [(0, 10), (20, 30), (40, 50)]
    machine = [(0, 10), (22, 30), (60, 70)]
    assert fr.span_scores(gold, machine) == (1, 2, 3, 3)
