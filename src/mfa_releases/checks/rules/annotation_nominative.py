"""annotation_nominative: Russian participant names are written in the nominative case.

Releases mention people in whatever case the sentence needs («встреча с Брайаном Мастом»); the
annotation guide asks for the nominative («Брайан Маст»). pymorphy2 lists every
reading of a token; when none of them is nominative the name was most likely copied inflected.
Surnames pymorphy does not know get guessed readings, so this is a warning, not an error.
"""

from __future__ import annotations

import re
from functools import cache

from mfa_releases.checks.base import rule

CASE_NAMES = {"gent": "genitive", "datv": "dative", "accs": "accusative", "ablt": "instrumental",
              "loct": "prepositional", "voct": "vocative", "gen2": "genitive", "acc2": "accusative",
              "loc2": "locative"}
_CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*$")
# Endings of the instrumental (and, for -ой/-ей, the other oblique cases of feminine names).
_OBLIQUE_ENDING = re.compile(r"(?:ом|ем|ём|ым|им|ой|ей)$")


@cache
def _morph():
    # natasha first: it sets up pymorphy2's dictionaries (and pkg_resources) the way the extractors do.
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated")  # pymorphy2 ↔ setuptools
        import natasha  # noqa: F401  (before pymorphy2, as everywhere in the project)
        import pymorphy2

        # Plain pymorphy2 rather than natasha's MorphVocab, whose forms speak UD tags, not OpenCorpora's.
        return pymorphy2.MorphAnalyzer()


def case_problem(token: str) -> tuple[str, str] | None:
    """(case name, nominative form) when morphology is sure a name token is not nominative, else None.

    Only singular readings count (a person is one); a reading without case (a short adjective, a
    particle) or a nominative one clears the token. Readings pymorphy guesses for unknown words are
    trusted only with a typical instrumental/dative/genitive ending, since foreign surnames ending in a
    vowel («Люке», «Чавушоглу») get oblique guesses.
    """
    parses = [p for p in _morph().parse(token) if p.tag.number != "plur"]
    if not parses or any(p.tag.case in (None, "nomn") for p in parses):
        return None
    known = type(parses[0].methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    if not known and not _OBLIQUE_ENDING.search(token):
        return None
    best = next((p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes),
                next((p for p in parses if p.tag.POS == "NOUN"), parses[0]))
    if known:
        inflected = best.inflect({"nomn"})
        nominative = inflected.word.capitalize() if inflected else token
    else:  # an unknown surname: undo the ending rather than trust the guesser's lemma
        nominative = _strip_ending(token)
    return CASE_NAMES.get(best.tag.case, str(best.tag.case)), nominative


@rule("annotation_nominative", "annotation", "Russian participant names are in the nominative case "
      "(a warning: morphology can be unsure about rare surnames).", needs=("annotation",))
def check(target, ctx, report):
    annotation = ctx.annotation(target.path)
    if annotation["language"] != "ru":
        return
    for m, meeting in enumerate(annotation["meetings"]):
        for p, person in enumerate(meeting["participants"]):
            name = person["name"]
            problems = name_problems(name.split())
            if problems:
                listed = ", ".join(f"{token!r} ({case})" for token, (case, _) in problems.items())
                fixed = " ".join(problems[t][1] if t in problems else t for t in name.split())
                report.warning(annotation.line_of("meetings", m, "participants", p, "name"),
                               f"Participant name {name!r} is not in the nominative: {listed}.",
                               f"Write the name in the nominative case (morphology suggests {fixed!r}).")


def name_problems(tokens: list[str]) -> dict[str, tuple[str, str]]:
    """token → (case, nominative) for the tokens of one name that are not nominative.

    The tokens of a name agree in case, so once one is surely instrumental («Брайаном»), a sibling
    with an instrumental ending («Мастом») is too, even where the guesser for unknown surnames
    offered a nominative reading.
    """
    problems = {}
    for token in tokens:
        problem = case_problem(token) if _CYRILLIC_NAME.match(token) else None
        if problem:
            problems[token] = problem
    if any(case == "instrumental" for case, _ in problems.values()):
        for token in tokens:
            if token not in problems and _CYRILLIC_NAME.match(token) and _OBLIQUE_ENDING.search(token):
                problems[token] = ("instrumental", _strip_ending(token))
    return problems


def _strip_ending(token: str) -> str:
    return token[:-2] + ("а" if token.endswith(("ой", "ей")) else "")
