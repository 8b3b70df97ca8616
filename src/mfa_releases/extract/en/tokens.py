"""Sentences and tokens of English release text, with character offsets into `Document.text`.

Releases are full of abbreviations with periods ("Mr.", "H.E.", "U.S.", "Feb.28", "Antony J.
Blinken") that must not end a sentence, and of datelines ("NUR-SULTAN. KAZINFORM –") that do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens: dotted abbreviations (U.S., H.E.), honorific/initial with a period, words (with inner
# hyphens and apostrophes, "Kassym-Jomart", "O'Brien"; a possessive 's is its own token),
# numbers, single punctuation marks.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|['’]s\b"
    r"|[^\W\d_]+(?:[-‐][^\W\d_]+)*(?:['’](?!s\b)[^\W\d_]+)*"
    r"|\d+(?:[.,:]\d+)*"
    r"|\S"
)

# A period after these does not end a sentence.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|No|Nos|Gen|Col|Lt|Sen|Rep|Gov|Amb|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|etc|vs|approx|incl)|\b[A-Z]|(?:\b[A-Za-z]\.)+[A-Za-z])$"
)
_BREAK = re.compile(r"[.!?…]+[»\"”’)]*\s+(?=[\"“«(]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_all_caps(self) -> bool:
        letters = [ch for ch in self.text if ch.isalpha()]
        return len(letters) > 1 and all(ch.isupper() for ch in letters)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (0: headline or lead)

    def tokens(self) -> list[Token]:
        return tokenize(self.text, self.start)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets shifted by `offset` (the text's start in the document)."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a document, never crossing a paragraph break; offsets into `text`."""
    sentences: list[Sentence] = []
    paragraph_start = 0
    for paragraph_index, paragraph in enumerate(text.split("\n\n")):
        start = 0
        for match in _BREAK.finditer(paragraph):
            head = paragraph[start:match.start()]
            if match.group().strip() and _NO_BREAK_BEFORE.search(head):
                continue
            _add(sentences, paragraph, start, match.start() + len(match.group().rstrip()), paragraph_start,
                 paragraph_index)
            start = match.end()
        _add(sentences, paragraph, start, len(paragraph), paragraph_start, paragraph_index)
        paragraph_start += len(paragraph) + 2
    return sentences


def _add(sentences: list[Sentence], paragraph: str, start: int, end: int, offset: int, index: int) -> None:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(offset + start, offset + end, paragraph[start:end], index))
