"""Text normalization and sentence spans.

`normalize` produces the text stored in `documents.text`; every character offset in the dataset
refers to it, so it must be a pure, stable function of the raw body.
"""

from __future__ import annotations

import re
import unicodedata

# Horizontal whitespace other than newlines: tabs, NBSP, thin spaces, ideographic space…
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{2,}")

# A photo credit or caption on a line of its own: «Фото: МИД», «Фото ©…», «фото с сайта МИД РК»,
# "Photo: MFA", "Photo credit: …", "photo1: …", Kazakh «Сурет: …». Captions are not release text.
_PHOTO_CREDIT = re.compile(
    r"^(?:фото|photos?|сурет)\d*(?:\s+(?:credit|credits|by|courtesy))?\s*(?:[:©]|с\s+сайта|from\s)",
    re.IGNORECASE,
)
_MAX_CREDIT_CHARS = 200


def is_photo_credit(line: str) -> bool:
    """True for a short line that is only a photo credit or caption."""
    line = line.strip()
    return len(line) <= _MAX_CREDIT_CHARS and bool(_PHOTO_CREDIT.match(line))


def normalize(raw: str) -> str:
    """Normalized release text.

    Unicode NFC; BOM dropped; CRLF/CR → LF; every run of horizontal whitespace (tabs, NBSP…)
    → one space; lines stripped; photo-credit lines removed; paragraphs separated by exactly one
    blank line; no leading or trailing blank lines.
    """
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if not is_photo_credit(line)]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a normalized text."""
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return [s for s in spans if s[1] > s[0]]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence (razdel), never crossing a paragraph."""
    from razdel import sentenize  # light, but keep import time of the package minimal

    spans = []
    for p_start, p_end in paragraph_spans(text):
        for sentence in sentenize(text[p_start:p_end]):
            spans.append((p_start + sentence.start, p_start + sentence.stop))
    return spans
