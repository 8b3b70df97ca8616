"""English extraction: rules and gazetteers over sentences, no model.

Pipeline per document: sentences (`tokens`) → people and their titles (`names`, `roles`,
`people`) → meetings from trigger phrases (`meetings`) → commitments (`commitments`). Countries,
cities and roles come from `seeds/gazetteers/*_en.yaml`; dates resolve through the shared
`extract.dates` helpers.
"""

from __future__ import annotations

import re

from mfa_releases.document import Document
from mfa_releases.extract.base import CommitmentFact, Facts, MeetingFact, ParticipantFact
from mfa_releases.extract.en.commitments import find_commitments
from mfa_releases.extract.en.lexicon import country_of
from mfa_releases.extract.en.meetings import Meeting, country_mentions, find_meetings
from mfa_releases.extract.en.people import Person, collect_people
from mfa_releases.extract.en.roles import INTERNATIONAL_BODIES, infer_organization
from mfa_releases.extract.en.actors import commitment_actors
from mfa_releases.extract.en.tokens import split_sentences


HOME_COUNTRY = "KZ"


class EnglishExtractor:
    """Meetings, participants and commitments of an English release."""

    language = "en"
    version = "en-0.2"

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
    participants = []
    assigned = {p.index: p.country for p in meeting.participants if p.country}
    for person in meeting.participants:
        if person.index not in assigned:
            others = {assigned[p.index] for p in meeting.participants if p.index in assigned and p.country}
            code = _clause_country(person, others, text, sentences)
            if code:
                assigned[person.index] = code
    # The releases are about Kazakhstan's diplomacy: an unplaced subject in a text that names
    # Kazakhstan is Kazakh, unless someone else in the meeting already is.
    subject = meeting.participants[0]
    if subject.index not in assigned and countries.get(HOME_COUNTRY) and HOME_COUNTRY not in assigned.values():
        if not _serves_international_body(subject):
            assigned[subject.index] = HOME_COUNTRY
    # Then counterparts: the country the text names most, other than those already taken.
    for person in reversed(meeting.participants):
        if person.index not in assigned:
            guess = _guess_country(person, set(assigned.values()), countries)
            if guess:
                assigned[person.index] = guess
    for person in meeting.participants:
        others = [p for p in meeting.participants if p.index != person.index]
        country = assigned.get(person.index)
        role = person.role or _counterpart_role(person, others)
        mention = next((m for m in person.mentions if meeting.sentence.start <= m.start < meeting.sentence.end),
                       person.mentions[0])
        organization = person.organization
        if organization is None and role and country and not person.country:
            organization = infer_organization(role, country)
        participants.append(ParticipantFact(
            name=person.name,
            role=role,
            organization=organization,
            country=country,
            mention=text[mention.start:mention.end],
            char_start=mention.start,
            char_end=mention.end,
        ))
    return MeetingFact(
        kind=meeting.kind,
        date=meeting.date,
        city=meeting.city,
        country=meeting.country,
        evidence=text[meeting.evidence_start:meeting.evidence_end],
        char_start=meeting.evidence_start,
        char_end=meeting.evidence_end,
        participants=participants,
    )


def _clause_country(person: Person, taken: set[str], text: str, sentences) -> str | None:
    """"The Kazakh delegation was headed by A", "a delegation of the U.S. Congress led by A": the country
    named just before the person, in their clause (another participant's own country excepted)."""
    for mention in person.mentions:
        sentence_start = sentences[mention.sentence_index].start if mention.sentence_index >= 0 else 0
        clause_start = max([sentence_start] + [text.rfind(mark, sentence_start, mention.start) + 1
                                               for mark in (",", ";", "\n")])
        words = re.findall(r"[A-Z][\w’'.-]*", text[clause_start:mention.start])
        for word in reversed(words):
            code = country_of(re.sub(r"[’']s$", "", word))
            if code and code not in taken and code != person.host:
                return code
    return None


def _serves_international_body(person: Person) -> bool:
    title_words = " ".join(m.title for m in person.mentions).replace("-", " ").split()
    return any(word in INTERNATIONAL_BODIES for word in title_words) or any(
        t.organization in INTERNATIONAL_BODIES for t in person.titles)


def _guess_country(person: Person, taken: set[str], countries) -> str | None:
    """A person whose titles name no country serves the document's most-named other country."""
    if _serves_international_body(person):
        return None  # UN, OSCE, … officials serve no state
    excluded = taken | ({person.host} if person.host else set())
    for code, _count in countries.most_common():
        if code not in excluded:
            return code
    return None


def _counterpart_role(person: Person, others: list[Person]) -> str | None:
    """"his Russian counterpart": the same position as the person they met (its last part)."""
    if not person.is_counterpart:
        return None
    for other in others:
        if other.role:
            return other.role.split(" and ")[-1]
    return None
