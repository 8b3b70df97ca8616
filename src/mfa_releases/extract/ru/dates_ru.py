"""Russian date phrases → dates and `due` strings (resolution in `mfa_releases.extract.dates`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mfa_releases.extract.dates import format_due, infer_year, relative_year

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH = r"(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s*(?:-|–|—|и)\s*\d{{1,2}})?(?:-?го)?\s+{_MONTH}(?:\s+(\d{{4}})\s*(?:г\.|года?)?)?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:в|во|на|к)\s+(?:начале\s+|конце\s+|середине\s+)?{_MONTH}(?:\s+(?:этого|текущего|следующего|будущего)\s+года|\s+(\d{{4}})\s*(?:г\.|года?)?)?", re.I)
_YEAR = re.compile(r"\b(?:в|на|до)\s+(\d{4})\s*(?:г\.|году|года|годы|год)|\b(\d{4})\s+год\b", re.I)
_SEASON_YEAR = re.compile(r"\b(?:весной|летом|осенью|зимой|в\s+(?:первом|втором|третьем|четвертом|четвёртом)\s+"
                          r"(?:полугодии|квартале)|в\s+(?:начале|конце|середине))\s+(?:(текущего|этого|следующего|"
                          r"будущего)\s+года|(\d{4})\s*(?:г\.|года))", re.I)
_BARE_YEAR = re.compile(r"\b(\d{4})\s*(?:г\.|года|году)(?!\w)", re.I)
_RELATIVE_YEAR = re.compile(r"\b(?:в|на)\s+(следующем|будущем|этом|текущем|следующий|будущий)\s+год", re.I)
_TOMORROW = re.compile(r"\bзавтра\b", re.I)
_NEXT_WEEK = re.compile(r"\bна следующей неделе\b", re.I)


def _month(word: str) -> int:
    word = word.lower()
    for stem in sorted(MONTHS, key=len, reverse=True):
        if word.startswith(stem):
            return MONTHS[stem]
    raise ValueError(word)


@dataclass
class DatePhrase:
    start: int
    stop: int
    year: int
    month: int | None
    day: int | None

    @property
    def due(self) -> str:
        return format_due(self.year, self.month, self.day)

    @property
    def date(self) -> dt.date | None:
        if self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def find_dates(text: str, release: dt.date, past: bool = False) -> list[DatePhrase]:
    """Dates named in a text, most precise first at each place. `past`: a bare month or day
    later than the release is read in the previous year (reports of past events)."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def year_for(month: int, day: int | None, explicit: str | None) -> int:
        if explicit:
            return int(explicit)
        year = infer_year(release, month, day)
        if past and (month, day or 1) > (release.month, release.day):
            year -= 1
        return year

    for m in _DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), _month(m.group(2))
        if not 1 <= day <= 31:
            continue
        found.append(DatePhrase(m.start(), m.end(), year_for(month, day, m.group(3)), month, day))
        taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if not free(*m.span()):
            continue
        month = _month(m.group(1))
        phrase = m.group(0).lower()
        if "следующего" in phrase or "будущего" in phrase:
            year = relative_year(release, 1)
        else:
            year = year_for(month, None, m.group(2))
        found.append(DatePhrase(m.start(), m.end(), year, month, None))
        taken.append(m.span())
    for m in _YEAR.finditer(text):
        if free(*m.span()):
            found.append(DatePhrase(m.start(), m.end(), int(m.group(1) or m.group(2)), None, None))
            taken.append(m.span())
    for m in _SEASON_YEAR.finditer(text):
        if free(*m.span()):
            if m.group(2):
                year = int(m.group(2))
            else:
                year = relative_year(release, 1 if m.group(1).lower() in ("следующего", "будущего") else 0)
            found.append(DatePhrase(m.start(), m.end(), year, None, None))
            taken.append(m.span())
    for m in _BARE_YEAR.finditer(text):
        if free(*m.span()):
            found.append(DatePhrase(m.start(), m.end(), int(m.group(1)), None, None))
            taken.append(m.span())
    for m in _RELATIVE_YEAR.finditer(text):
        if free(*m.span()):
            offset = 1 if m.group(1).lower().startswith(("след", "буд")) else 0
            found.append(DatePhrase(m.start(), m.end(), relative_year(release, offset), None, None))
    for m in _TOMORROW.finditer(text):
        day = release + dt.timedelta(days=1)
        found.append(DatePhrase(m.start(), m.end(), day.year, day.month, day.day))
    found.sort(key=lambda d: d.start)
    return found
