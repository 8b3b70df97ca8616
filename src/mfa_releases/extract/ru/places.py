"""Where a meeting took place: «в Вашингтоне», «в г.Осло», «в столице Австрии», «в Акорде»,
«в ходе визита в Вашингтон». Locations inside a person's role («посол России в Казахстане») are
not meeting places."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mfa_releases.extract.ru import gazetteers
from mfa_releases.extract.ru.pipeline import Analysis
from mfa_releases.extract.ru.roles import countries_in

_STATE_WORDS = {"республика", "королевство", "конфедерация", "федерация", "султанат", "княжество", "государство"}
_CITY_WORDS = {"г", "г.", "город", "городе", "города", "столице", "столица", "столицу"}
_VISIT = re.compile(r"(визит\w*|прибыл\w*|поездк\w*|прибыти\w*)", re.I)


@dataclass
class Place:
    city: str | None
    country: str | None
    start: int  # token index where the place phrase starts

    def __bool__(self) -> bool:
        return bool(self.city or self.country)


def _place_after(an: Analysis, i: int, stop: int) -> Place | None:
    """A place phrase starting right after the preposition at token i."""
    j = i + 1
    capital_of = None
    adjective_country = None
    while j < stop and (
        an.tokens[j].text.lower().rstrip(".") in {w.rstrip(".") for w in _CITY_WORDS}
        or an.tokens[j].text == "."
        or (an.tokens[j].pos == "ADJ" and j + 1 < stop)
        or an.tokens[j].lemma in _STATE_WORDS
    ):
        token = an.tokens[j]
        if token.pos == "ADJ":
            adjective_country = gazetteers.country(token.text, token.lemma) or adjective_country
        if token.lemma == "столица":
            capital_of = "?"
        j += 1
    if j >= stop:
        if capital_of and adjective_country:
            return Place(gazetteers.capital(adjective_country), adjective_country, i)
        return None
    token = an.tokens[j]
    if adjective_country and not capital_of and an.tokens[j - 1].lemma in _STATE_WORDS:
        return Place(None, adjective_country, i)  # «в Латвийскую Республику», «в Турецкой Республике»
    city = gazetteers.city(token.text, token.lemma) if token.text[:1].isupper() else None
    if city:
        return Place(city, gazetteers.city_country(city), i)
    countries = countries_in(an, j, min(stop, j + 4))
    if countries and countries[0][0] == j:
        code = countries[0][2]
        if capital_of:
            return Place(gazetteers.capital(code), code, i)
        # «в Акорде», «в Кремле», «в Казахстане»: the country only
        return Place(None, code, i)
    if capital_of and adjective_country:
        return Place(gazetteers.capital(adjective_country), adjective_country, i)
    other_city = _geographic_name(token.text)
    if other_city:  # a city the gazetteer does not list: its name, state unknown
        return Place(other_city, None, i)
    if token.lemma in _INSTITUTIONS or token.text.upper() == "МИД":
        # «в МИД Испании», «в здании парламента Латвии», «в резиденции президента Турции»: the state
        # whose institution it is (an embassy stands abroad, so it is not among them)
        limit = next((k for k in range(j + 1, min(stop, j + 6)) if an.tokens[k].text.lower() in ("в", "во", ",", "с", "со")
                      or an.tokens[k].pos in ("VERB", "AUX", "ADP")), min(stop, j + 6))
        found = countries_in(an, j + 1, limit)
        if found:
            return Place(None, found[0][2], i)
    return None


_INSTITUTIONS = {"мид", "министерство", "здание", "резиденция", "правительство", "парламент", "сенат", "мажилис",
                 "дворец", "администрация", "канцелярия", "ведомство"}


def _geographic_name(word: str) -> str | None:
    """Nominative of a capitalized word pymorphy knows as a geographic name only («Женеве» → «Женева»)."""
    from mfa_releases.extract.ru.pipeline import morph

    if not re.fullmatch(r"[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)*", word):
        return None
    parses = morph().parse(word)
    if not parses or "Geox" not in parses[0].tag or parses[0].score < 0.5:
        return None
    normal = parses[0].normal_form
    return "-".join(part[:1].upper() + part[1:] for part in normal.split("-"))


def places_in(an: Analysis, first: int, stop: int, excluded: set[int]) -> list[Place]:
    """Places named with «в/во» in a token range, skipping excluded tokens (role phrases)."""
    found = []
    for i in range(first, stop):
        if i in excluded or an.tokens[i].text.lower() not in ("в", "во"):
            continue
        place = _place_after(an, i, stop)
        if place:
            found.append(place)
    return found


_FUTURE_VISIT = re.compile(r"предстоящ|подготовк|запланирован|планиру|состоится|посетит|прибудет|будет|"
                           r"\bк\s+(\w+\s+){0,2}визиту", re.I)


def visit_places(an: Analysis, sentence: int, excluded: set[int]) -> list[Place]:
    """Places of a visit made (not one to come) named in a sentence: «в ходе визита в Австрию»,
    «прибыл в Нур-Султан»."""
    first, stop = an.sentences[sentence].tokens
    if _FUTURE_VISIT.search(an.text[an.sentences[sentence].start:an.sentences[sentence].stop]):
        return []
    found = []
    for i in range(first, stop):
        if _VISIT.fullmatch(an.tokens[i].text):
            for j in range(i + 1, min(stop, i + 6)):
                if an.tokens[j].text.lower() in ("в", "во") and j not in excluded:
                    place = _place_after(an, j, stop)
                    if place:
                        found.append(place)
                    break
    return found


def merge(primary: Place | None, secondary: Place | None) -> Place | None:
    """Fill a place's missing city/country from a compatible second place."""
    if not primary:
        return secondary
    if not secondary:
        return primary
    if primary.city is None and secondary.city and (
        primary.country is None or primary.country == gazetteers.city_country(secondary.city)
    ):
        return Place(secondary.city, primary.country or secondary.country, primary.start)
    return primary
