"""The extraction interface shared by every language.

An extractor turns one `Document` into `Facts`: meetings (each with its participants) and
commitments. Offsets are character offsets into `Document.text`, and `evidence` is always
`text[char_start:char_end]`. Ids are assigned later (`mfa_releases.ids`), from document id and
position, so extractors never invent them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from mfa_releases.document import Document

MEETING_KINDS = ("meeting", "talks", "phone_call", "video_call", "consultations")
COMMITMENT_KINDS = ("agreement", "invitation", "planned_event", "signed_document", "support", "intent")


@dataclass
class ParticipantFact:
    name: str  # nominative, full name as given in the text
    role: str | None  # lower-case nominative position, without country or name
    organization: str | None
    country: str | None  # ISO 3166-1 alpha-2 of the state the person serves
    mention: str  # surface form as it appears in the text
    char_start: int
    char_end: int


@dataclass
class MeetingFact:
    kind: str
    date: dt.date | None
    city: str | None
    country: str | None
    evidence: str
    char_start: int
    char_end: int
    participants: list[ParticipantFact] = field(default_factory=list)


@dataclass
class CommitmentFact:
    kind: str
    actors: list[str]
    due: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    evidence: str
    char_start: int
    char_end: int
    meeting: int | None = None  # index into Facts.meetings


@dataclass
class Facts:
    meetings: list[MeetingFact] = field(default_factory=list)
    commitments: list[CommitmentFact] = field(default_factory=list)


class Extractor(Protocol):
    """What a language extractor provides. Models load lazily, once per process."""

    language: str
    version: str  # bump when rules or gazetteers change in a way that changes output

    def extract(self, document: Document) -> Facts: ...
