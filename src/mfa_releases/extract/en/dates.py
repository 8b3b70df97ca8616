"""English date phrases → parts resolved by the shared `extract.dates` helpers.

"on October 8-9" → (release year, 10, 8); "in May 2020" → (2020, 5); "next year" → release year
+ 1; "next month" → the month after the release's; "the second half of the year" → the release's
year; "on Friday" / "yesterday" → a day before the release date (meetings are reported after the fact).
A range's date is its first day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mfa_releases.extract.dates import format_due, infer_year, relative_year
from mfa_releases.extract.en.lexicon import MONTHS, WEEKDAYS

_MONTH = r"(?P<{}>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"

_PATTERNS = [
    # "October 8-9, 2019", "July 30, 2018", "Feb.28", "April 18"
    re.compile(_MONTH.format("m1") + r"\s*" + _DAY.format("d1") + r"(?:\s*[-–]\s*[0-3]?\d)?(?:,?\s+" + _YEAR.format("y1") + r")?\b", re.I),
    # "28 April 2021", "19 January 1992", "16-17 February"
    re.compile(r"\b" + _DAY.format("d2") + r"(?:\s*[-–]\s*[0-3]?\d)?\s+(?:of\s+)?" + _MONTH.format("m2") + r"(?:,?\s+" + _YEAR.format("y2") + r")?\b", re.I),
    # "in May 2020", "in March", "in August this year", "May 2020"
    re.compile(r"\b" + _MONTH.format("m3") + r"(?:\s+(?:of\s+)?" + _YEAR.format("y3") + r"|\s+(?P<rel3>this|next)\s+year)?\b", re.I),
    # "in 2024", "by 2030"
    # ("for 2026-2027" is a period, not a date)
    re.compile(r"\b(?:in|by|for|until|of|early|late|end of)\s+" + _YEAR.format("y4") + r"\b(?![-–]\d)", re.I),
    # "next month", "this month", "later this month": a month relative to the release
    re.compile(r"\b(?P<relm>this|next|the coming|the following)\s+month\b", re.I),
    # "in the first half of the year", "the second half of next year": the year
    re.compile(r"\b(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+(?P<relh>the|this|the\s+current|next|the\s+coming)\s+year\b", re.I),
    # "this year", "next year", "by the end of the year", "later this year"
    re.compile(r"\b(?P<rel5>this|next|the current|the coming|the end of the)\s+year\b", re.I),
    # "this summer", "next spring": the year
    re.compile(r"\b(?P<rels>this|next|the\s+coming)\s+(?:spring|summer|autumn|fall|winter)\b", re.I),
    # "in the autumn", "in spring 2027", "in the summer of next year": the year
    re.compile(r"\bin\s+(?:the\s+)?(?:early\s+|late\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?"
               r"(?:\s+" + _YEAR.format("y6") + r"|\s+(?P<rel6>this|next)\s+year)?\b", re.I),
    re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.I),
]
# Month names that are also common words need a neighbouring day or year.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sep", "oct", "dec", "aug", "jun", "jul", "apr", "feb", "nov"}


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the text given to `find_dates`, plus its offset
    end: int
    year: int
    month: int | None = None
    day: int | None = None
    year_given: bool = True  # False when the year was inferred ("in February")

    def due(self) -> str:
        return format_due(self.year, self.month, self.day)

    def as_date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str, release: dt.date, offset: int = 0) -> list[DateMention]:
    """Date phrases of `text`, in text order, resolved against the release date."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            mention = _resolve(match, release)
            if mention is None:
                continue
            taken.append(span)
            inferred = (match.groupdict().get("m1") or match.groupdict().get("m2") or match.groupdict().get("m3")) and not (
                match.groupdict().get("y1") or match.groupdict().get("y2") or match.groupdict().get("y3")
                or match.groupdict().get("rel3"))
            found.append(DateMention(span[0] + offset, span[1] + offset, *mention, year_given=not inferred))
    return sorted(found, key=lambda d: d.start)


def _resolve(match: re.Match, release: dt.date) -> tuple[int, int | None, int | None] | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    for suffix in ("1", "2"):
        if f"m{suffix}" in groups:
            month = MONTHS[groups[f"m{suffix}"].lower().rstrip(".")]
            day = int(groups[f"d{suffix}"])
            if not 1 <= day <= 31:
                return None
            year = int(groups[f"y{suffix}"]) if f"y{suffix}" in groups else infer_year(release, month, day)
            return year, month, day
    if "m3" in groups:
        word = groups["m3"].lower().rstrip(".")
        if word in _AMBIGUOUS_MONTHS and "y3" not in groups and "rel3" not in groups:
            if not match.group(0)[:1].isupper():
                return None
        month = MONTHS[word]
        if "y3" in groups:
            return int(groups["y3"]), month, None
        if groups.get("rel3", "").lower() == "next":
            return relative_year(release, 1), month, None
        return infer_year(release, month), month, None
    if "y4" in groups:
        return int(groups["y4"]), None, None
    if "y6" in groups:
        return int(groups["y6"]), None, None
    if "season" in groups:
        offset = 1 if groups.get("rel6", "").lower() == "next" else 0
        return relative_year(release, offset), None, None
    if "rels" in groups:
        return relative_year(release, 0 if groups["rels"].lower() == "this" else 1), None, None
    if "relm" in groups:
        month = release.month + (0 if groups["relm"].lower() == "this" else 1)
        return release.year + (month - 1) // 12, (month - 1) % 12 + 1, None
    if "relh" in groups:
        return relative_year(release, 1 if groups["relh"].lower() in ("next", "the coming") else 0), None, None
    if "rel5" in groups:
        return relative_year(release, 1 if groups["rel5"].lower() == "next" else 0), None, None
    if "wd" in groups:
        word = groups["wd"].lower()
        if word == "today":
            day = release
        elif word == "yesterday":
            day = release - dt.timedelta(days=1)
        else:
            back = (release.weekday() - WEEKDAYS[word]) % 7
            day = release - dt.timedelta(days=back)
        return day.year, day.month, day.day
    return None
