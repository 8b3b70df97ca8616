"""Human annotations: loading `seeds/annotations/<doc_id>.json` and turning them into `Facts`.

The file format is the gold format of the annotation guide (`ANNOTATION.md`), checked by
`schemas/annotation.schema.json`. Human files carry no offsets, so they are found here in
`Document.text` (the normalized text): evidence is matched whitespace-insensitively, people by the
stems of their names (Russian names inflect: «Брайаном Мастом» for «Брайан Маст»).
"""

from __future__ import annotations

import re
import unicodedata

# A Russian name token inflects by its ending; Latin-script names take at most a possessive.
_RU_NAME_ENDINGS = r"[а-яё]{0,3}"
_VOWELS_AND_SOFT = "аяоеёыиуюйь"


def fold(text: str) -> str:
    """Case- and ё-insensitive form of a text, of the same length so that offsets stay valid."""
    # Per character: str.lower() lengthens a few characters («İ»), which would shift offsets.
    return "".join(char.lower()[:1] or char for char in text).replace("ё", "е")


def find_span(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """The first span of `text` equal to `needle` up to whitespace (and ё/е), at or after `start`."""
    words = unicodedata.normalize("NFC", needle).split()
    if not words:
        return None
    pattern = r"\s*".join(re.escape(word) for word in fold(" ".join(words)).split(" "))
    match = re.compile(pattern).search(fold(text), start)
    return (match.start(), match.end()) if match else None


def name_stem(token: str) -> str:
    """The part of a name token that stays put when it inflects («Маст», «Кошербаев», «Захаров»)."""
    token = token.strip(".,;:«»\"'()")
    if re.search(r"[а-яё]", token.lower()) and len(token) > 3 and token[-1].lower() in _VOWELS_AND_SOFT:
        return token[:-1]
    return token


def _token_pattern(token: str) -> str:
    stem = name_stem(token)
    if re.search(r"[а-яё]", stem.lower()):
        ending = _RU_NAME_ENDINGS
    else:
        ending = r"(?:['’]s)?"
    return re.escape(fold(stem)) + ending + r"(?![\w-])"


def find_person(text: str, name: str) -> tuple[int, int] | None:
    """Span of the first mention of a person: the surname (inflected) with any given names before it.

    Also accepts initials before the surname («М. Копеев», «M.Kopeyev»).
    """
    tokens = name.split()
    if not tokens:
        return None
    folded = fold(text)
    surname = re.compile(r"(?<![\w-])" + _token_pattern(tokens[-1]))
    for match in surname.finditer(folded):
        if not text[match.start()].isupper():
            continue  # «мастер» is not «Маст»
        start = match.start()
        # Extend left over the given names (or their initials) that precede the surname.
        for given in reversed(tokens[:-1]):
            before = folded[:start]
            full = re.search(r"(?<![\w-])" + _token_pattern(given) + r"\s+$", before)
            initial = re.search(r"(?<![\w-])" + re.escape(fold(given[0])) + r"\.\s*$", before)
            if full:
                start = full.start()
            elif initial:
                start = initial.start()
            else:
                break
        return start, match.end()
    return None
