"""Person names: nominative form of a mention and grouping of mentions into people.

natasha's own normalization guesses poorly on foreign names («Хайко Маасом», «Иваной Живкович»),
so the nominative is rebuilt here from the grammatical case of the context (the role noun the name
stands in apposition to, or the governing preposition/verb) and the ending of each name token.
The surface spelling (ё, hyphens) is kept.
"""

from __future__ import annotations

import re

_CYR_UPPER = "А-ЯЁ"
_PARTICLES = {"де", "ди", "да", "дель", "фон", "ван", "ле", "ла", "аль", "ибн", "бин", "эль", "ду", "дос"}
_HUSHING = "жшчщц"

# (ending, replacement) per case, tried longest first. Masculine and feminine endings differ in
# every oblique case, so the ending itself tells the gender once the case is known.
_ENDINGS = {
    "Ins": [("ским", "ский"), ("цким", "цкий"), ("еем", "ей"), ("йем", "й"), ("ьем", "ь"),
            ("ым", ""), ("ом", ""), ("ём", "ь"), ("ем", "ь"),
            ("ской", "ская"), ("цкой", "цкая"), ("ой", "а"), ("ей", "я"), ("ею", "я"), ("ою", "а")],
    "Gen": [("ского", "ский"), ("цкого", "цкий"), ("ея", "ей"), ("ия", "ий"), ("я", "ь"), ("а", ""),
            ("ской", "ская"), ("цкой", "цкая"), ("ой", "а"), ("ии", "ия"), ("ьи", "ья"), ("ы", "а"), ("и", "а")],
    "Acc": [("ского", "ский"), ("цкого", "цкий"), ("ея", "ей"), ("ия", "ий"), ("я", "ь"), ("а", ""),
            ("скую", "ская"), ("цкую", "цкая"), ("у", "а"), ("ю", "я"),
            # the tagger reads «посла» as a genitive as often as an accusative: feminine genitives too
            ("ской", "ская"), ("ой", "а"), ("ы", "а")],
    "Dat": [("скому", "ский"), ("цкому", "цкий"), ("ею", "ей"), ("ию", "ий"), ("ю", "ь"), ("у", ""),
            ("ской", "ская"), ("цкой", "цкая"), ("ой", "а"), ("ии", "ия"), ("е", "а")],
    "Loc": [("ском", "ский"), ("ее", "ей"), ("ии", "ий"), ("е", "")],
}
_GEN_SOFT_AFTER = "кгхжшчщ"  # «Ольги» → «Ольга», not «Ольгя»


def _token_nominative(token: str, case: str | None, final: bool = True) -> str:
    if "-" in token:
        parts = token.split("-")
        return "-".join(_token_nominative(part, case, i == len(parts) - 1) for i, part in enumerate(parts))
    if not final and case == "Ins" and token.lower().endswith(("ым", "им")):
        return token  # «Касым-Жомартом»: the first part of a compound name keeps its form
    if (
        case in (None, "Nom")
        or len(token) <= 2
        or token.lower() in _PARTICLES
        or not re.match(f"[{_CYR_UPPER}]", token)
        or "." in token
    ):
        return token
    lower = token.lower()
    if re.search(r"[аеиоуэ]у$", lower):
        return token  # «Антониу», «Нуртлеу»: indeclinable
    if case == "Ins" and not lower.endswith(("м", "й", "ю")):
        return token  # indeclinable: «Хайко», «Гросси», «Валтонен»
    for ending, replacement in _ENDINGS.get(case, []):
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = token[: len(token) - len(ending)]
            if ending == "и" and stem[-1].lower() not in _GEN_SOFT_AFTER:
                continue  # «Гросси», «Джули»: indeclinable
            if ending == "ей" and case == "Ins" and stem[-1].lower() in _HUSHING:
                replacement = "а"  # «Шуицей» → «Шуица»
            if ending in ("ем", "ём") and stem[-1].lower() in _HUSHING:
                replacement = ""
            if ending in ("ем", "ём") and stem[-1].lower() in "аиоуэыя":
                replacement = "й"  # «Николаем» → «Николай»
            if ending == "я" and stem[-1].lower() in "аеиоуыэюя":
                replacement = "й"
            return stem + replacement
    return token


def nominative(tokens: list[str], case: str | None, gaps: list[str] | None = None) -> str:
    """The nominative of a name given its tokens and the case of its context.

    `gaps` are the strings between consecutive tokens as written («М.Копеев» has none).
    """
    gaps = gaps if gaps is not None else [" "] * (len(tokens) - 1)
    if case == "Gen" and len(tokens) > 1 and tokens[-1].lower().endswith(("у", "ю")) and not any(
            t.lower().endswith(("а", "я")) for t in tokens[:-1]):
        # the tagger reads «посла» as a genitive as often as an accusative; «Кэндзи Ямаду» is an
        # accusative (a genitive given name would show it: «Мурата Нуртлеу»)
        case = "Acc"
    out = _token_nominative(tokens[0], case) if tokens else ""
    for gap, token in zip(gaps, tokens[1:]):
        out += (" " if gap else "") + _token_nominative(token, case)
    return out


def guess_case(tokens: list[str]) -> str | None:
    """Instrumental endings are unmistakable on names («Киритом Парикхом»); else unknown."""
    last = tokens[-1].lower() if tokens else ""
    if len(last) > 3 and last.endswith(("ом", "ем", "ём", "ым")):
        return "Ins"
    return None


_INITIALS = re.compile(rf"^(?:[{_CYR_UPPER}]\.\s?)+")


def strip_initials(name: str) -> tuple[str, bool]:
    """«М.Копеев» → («Копеев», True); «Брайан Маст» → unchanged, False."""
    match = _INITIALS.match(name)
    if match:
        return name[match.end():].strip(), True
    return name, False


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def surname_key(name: str) -> str:
    """The folded last token of a name, for grouping mentions of one person."""
    name, _ = strip_initials(name)
    parts = name.split()
    return fold(parts[-1]) if parts else ""


def same_surname(a: str, b: str) -> bool:
    """Surnames equal, or equal up to a case ending (a one-word mention keeps its case: «Токаева»)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= max(len(a), len(b)) - 3 and common >= min(len(a), len(b)) - 2
