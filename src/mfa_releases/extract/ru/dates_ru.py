"""Russian date phrases → dates and `due` strings (resolution in `mfa_releases.extract.dates`).

Calendar dates come from the yargy grammar (`grammars.date_parser`); seasons, half-years and
relative words («в следующем году», «завтра») from the patterns below.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mfa_releases.extract.dates import format_due, infer_year, relative_year
from mfa_releases.extract.ru.grammars import date_parser

_SEASON_YEAR = re.compile(r"\b(?:весной|летом|осенью|зимой|на\s+(?:весну|лето|осень|зиму)|"
                          r"во?\s+(?:первом|втором|третьем|четвертом|четвёртом)\s+(?:полугодии|квартале)|"
                          r"во?\s+(?:первой|второй)\s+половине|в\s+(?:начале|конце|середине)|до\s+конца|к\s+концу)"
                          r"\s+(?:(текущего|этого|следующего|будущего)\s+года|(\d{4})\s*(?:г\.|года))", re.I)
_WITHIN_YEAR = re.compile(r"\bв\s+течение\s+(следующего|будущего|текущего|этого)\s+года\b", re.I)
# «в 2027–2028 годах»: when something is to happen, from the first year («на 2025–2027 годы» is a period)
_YEAR_RANGE = re.compile(r"\bв\s+(\d{4})\s*[-–—]\s*\d{4}\s+годах\b", re.I)
_END_OF_YEAR = re.compile(r"\b(?:до|к)\s+конц[ау]\s+года\b", re.I)  # «до конца года»: this year
_RELATIVE_MONTH = re.compile(r"\b(?:в|на)\s+(следующем|будущем|текущем|этом|следующий|будущий|текущий|этот)\s+месяц",
                             re.I)
_RELATIVE_YEAR = re.compile(r"\b(?:в|на)\s+(следующем|будущем|этом|текущем|следующий|будущий)\s+год", re.I)
_TOMORROW = re.compile(r"\bзавтра\b", re.I)
# a season without a year: the coming one («намеченному на осень»)
_BARE_SEASON = re.compile(r"\b(?:на\s+(весну|лето|осень|зиму)|(весной|летом|осенью|зимой))\b", re.I)
_SEASON_END = {"вес": 5, "лет": 8, "осе": 11, "зим": 12}


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

    for match in date_parser().findall(text):
        start, stop = match.span
        parsed = match.fact
        if parsed.period or not free(start, stop):
            continue  # «на 2025-2026 годы»: a period, not a date
        taken.append((start, stop))
        if parsed.month is None:
            found.append(DatePhrase(start, stop, parsed.year, None, None))
        elif parsed.relative is not None:
            found.append(DatePhrase(start, stop, relative_year(release, parsed.relative), parsed.month, parsed.day))
        else:
            year = parsed.year if parsed.year is not None else year_for(parsed.month, parsed.day, None)
            found.append(DatePhrase(start, stop, year, parsed.month, parsed.day))
    for m in _SEASON_YEAR.finditer(text):
        if free(*m.span()):
            if m.group(2):
                year = int(m.group(2))
            else:
                year = relative_year(release, 1 if m.group(1).lower() in ("следующего", "будущего") else 0)
            found.append(DatePhrase(m.start(), m.end(), year, None, None))
            taken.append(m.span())
    for m in _RELATIVE_YEAR.finditer(text):
        if free(*m.span()):
            offset = 1 if m.group(1).lower().startswith(("след", "буд")) else 0
            found.append(DatePhrase(m.start(), m.end(), relative_year(release, offset), None, None))
    for m in _WITHIN_YEAR.finditer(text):
        if free(*m.span()):
            offset = 1 if m.group(1).lower().startswith(("след", "буд")) else 0
            found.append(DatePhrase(m.start(), m.end(), relative_year(release, offset), None, None))
            taken.append(m.span())
    for m in _YEAR_RANGE.finditer(text):
        found.append(DatePhrase(m.start(), m.end(), int(m.group(1)), None, None))
        taken.append(m.span())
    for m in _END_OF_YEAR.finditer(text):
        if free(*m.span()):
            found.append(DatePhrase(m.start(), m.end(), release.year, None, None))
            taken.append(m.span())
    for m in _RELATIVE_MONTH.finditer(text):
        if free(*m.span()):
            offset = 1 if m.group(1).lower().startswith(("след", "буд")) else 0
            month = release.month + offset
            found.append(DatePhrase(m.start(), m.end(), release.year + (month - 1) // 12, (month - 1) % 12 + 1, None))
            taken.append(m.span())
    for m in _BARE_SEASON.finditer(text):
        if free(*m.span()):
            end = _SEASON_END[(m.group(1) or m.group(2)).lower()[:3]]
            year = release.year + (0 if past or end >= release.month else 1)
            found.append(DatePhrase(m.start(), m.end(), year, None, None))
            taken.append(m.span())
    for m in _TOMORROW.finditer(text):
        day = release + dt.timedelta(days=1)
        found.append(DatePhrase(m.start(), m.end(), day.year, day.month, day.day))
    found.sort(key=lambda d: d.start)
    return found
