"""English extraction: rules and gazetteers over sentences, no model.

Pipeline per document: sentences (`tokens`) → people and their titles (`names`, `roles`,
`people`) → meetings from trigger phrases (`meetings`) and their participants' countries
(`participants`) → commitments (`commitments`) and who commits (`actors`). Countries,
cities and roles come from `seeds/gazetteers/*_en.yaml`; dates resolve through the shared
`extract.dates` helpers.
"""

from __future__ import annotations

from mfa_releases.document import Document
from mfa_releases.extract.base import CommitmentFact, Facts, MeetingFact
from mfa_releases.extract.en.actors import commitment_actors
from mfa_releases.extract.en.commitments import find_commitments
from mfa_releases.extract.en.meetings import Meeting, country_mentions, find_meetings
from mfa_releases.extract.en.participants import participant_facts
from mfa_releases.extract.en.people import collect_people
from mfa_releases.extract.en.tokens import split_sentences


class EnglishExtractor:
    """Meetings, participants and commitments of an English release."""

    language = "en"
    version = "en-0.13"

    def extract(self, document: Document) -> Facts:
        text = document.text
        sentences = split_sentences(text)
        if not sentences:
            return Facts()
        people = collect_people(sentences)
        meetings = find_meetings(sentences, people, document.date, text)
        countries = country_mentions(text)
        facts = Facts()
        countries_of_people: dict[int, str] = {}
        for meeting in meetings:
            fact = _meeting_fact(meeting, countries, text, sentences)
            facts.meetings.append(fact)
            for person, participant in zip(meeting.participants, fact.participants):
                if participant.country:
                    countries_of_people.setdefault(person.index, participant.country)
        for commitment in find_commitments(text, sentences, document.date):
            meeting_index = _meeting_of(commitment.sentence_index, meetings, sentences)
            meeting_countries = [] if meeting_index is None else list(dict.fromkeys(
                p.country for p in facts.meetings[meeting_index].participants if p.country))
            actors = commitment_actors(commitment, sentences, people, meeting_countries, countries_of_people)
            facts.commitments.append(CommitmentFact(
                kind=commitment.kind,
                actors=actors,
                due=commitment.due,
                evidence=text[commitment.start:commitment.end],
                char_start=commitment.start,
                char_end=commitment.end,
                meeting=meeting_index,
            ))
        return facts


def _meeting_of(sentence_index: int, meetings: list[Meeting], sentences) -> int | None:
    """The meeting a commitment belongs to: the last one reported at or before its sentence."""
    if not meetings:
        return None
    best = 0
    for index, meeting in enumerate(meetings):
        position = sentences.index(meeting.sentence)
        if position <= sentence_index:
            best = index
    return best


def _meeting_fact(meeting: Meeting, countries, text: str, sentences) -> MeetingFact:
    return MeetingFact(
        kind=meeting.kind,
        date=meeting.date,
        city=meeting.city,
        country=meeting.country,
        evidence=text[meeting.evidence_start:meeting.evidence_end],
        char_start=meeting.evidence_start,
        char_end=meeting.evidence_end,
        participants=participant_facts(meeting, countries, text, sentences),
    )
