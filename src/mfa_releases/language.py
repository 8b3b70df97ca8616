"""A small script-based language detector for the three languages of the dataset (ru, en, kk).

Releases are long and monolingual, so the script is enough and no model is needed:

* Kazakh Cyrillic has nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і). A Kazakh text uses them
  constantly (several per cent of its letters); a Russian text only inside the odd proper name
  («Ақорда»). So: at least `KK_MIN_COUNT` of them making at least `KK_MIN_SHARE` of the Cyrillic
  letters → `kk`.
* Otherwise more Cyrillic than Latin letters → `ru`; more Latin → `en`.
* No letters at all → None (the caller falls back to the source's default language).
"""

from __future__ import annotations

import re

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KK_MIN_COUNT = 3
KK_MIN_SHARE = 0.01


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or "\u00c0" <= ch <= "\u024f" and ch.isalpha()


# Counting runs in C (bytes.count / bytes.translate on the UTF-8 encoding) rather than a Python loop
# over characters: ingest is on the path of every rebuild. Exactly `_is_cyrillic` / `_is_latin`:
# U+0400–U+04FF are the 2-byte sequences led by 0xD0–0xD3; ASCII letters are single bytes; the rare
# Latin-1/Latin Extended letters (U+00C0–U+024F but × and ÷) are counted with a regex when present.
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_KAZAKH_BYTES = tuple(letter.encode("utf-8") for letter in sorted(KAZAKH_LETTERS))
_KAZAKH_LED_BY_D0_D1 = tuple(letter for letter in _KAZAKH_BYTES if letter[0] < 0xD2)  # і, І
_LATIN_EXTENDED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_LATIN_EXTENDED_LEADS = tuple(bytes([lead]) for lead in range(0xC3, 0xCA))  # U+00C0–U+027F


def letter_counts(text: str) -> tuple[int, int, int]:
    """(Cyrillic, Latin, Kazakh-specific) letters in a text."""
    data = text.encode("utf-8", "surrogatepass")
    leads = [data.count(lead) for lead in _CYRILLIC_LEADS]
    cyrillic = sum(leads)
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if not data.isascii() and any(lead in data for lead in _LATIN_EXTENDED_LEADS):
        latin += len(_LATIN_EXTENDED.findall(text))
    kazakh = 0
    if leads[2] or leads[3] or any(letter in data for letter in _KAZAKH_LED_BY_D0_D1):
        kazakh = sum(data.count(letter) for letter in _KAZAKH_BYTES)
    return cyrillic, latin, kazakh


def detect_language(text: str) -> str | None:
    """`ru`, `en` or `kk` from the letters of a text, or None when it has no letters."""
    cyrillic, latin, kazakh = letter_counts(text)
    if cyrillic == 0 and latin == 0:
        return None
    if cyrillic >= latin:
        if kazakh >= KK_MIN_COUNT and kazakh >= KK_MIN_SHARE * cyrillic:
            return "kk"
        return "ru"
    return "en"
