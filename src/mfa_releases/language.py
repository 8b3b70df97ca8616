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

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KK_MIN_COUNT = 3
KK_MIN_SHARE = 0.01


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or "\u00c0" <= ch <= "\u024f" and ch.isalpha()


def detect_language(text: str) -> str | None:
    """`ru`, `en` or `kk` from the letters of a text, or None when it has no letters."""
    cyrillic = latin = kazakh = 0
    for ch in text:
        if _is_cyrillic(ch):
            cyrillic += 1
            if ch in KAZAKH_LETTERS:
                kazakh += 1
        elif _is_latin(ch):
            latin += 1
    if cyrillic == 0 and latin == 0:
        return None
    if cyrillic >= latin:
        if kazakh >= KK_MIN_COUNT and kazakh >= KK_MIN_SHARE * cyrillic:
            return "kk"
        return "ru"
    return "en"
