"""The people of one document: mentions grouped into persons, with role, country and organization.

A person is introduced once with a full name and referred to later by surname ("Tokayev",
"Foreign Minister Kishida") or a fuller/shorter form ("Antony J. Blinken" / "Antony Blinken");
the name reported is the fullest form the document uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mfa_releases.extract.en.names import Mention, find_mentions, same_person, surname_matches
from mfa_releases.extract.en.roles import Title, infer_organization, parse_title
from mfa_releases.extract.en.tokens import Sentence


@dataclass
class Person:
    index: int
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    country_hint: str | None = None  # from "his Russian counterpart"-style titles too

    @property
    def name(self) -> str:
        return max((m.name for m in self.mentions), key=lambda n: (len(n.split()), len(n)))

    @property
    def strong(self) -> bool:
        return any(m.strong for m in self.mentions)

    @property
    def role(self) -> str | None:
        return next((t.role for t in self.titles if t.role), None)

    @property
    def country(self) -> str | None:
        return next((t.country for t in self.titles if t.country), None)

    @property
    def host(self) -> str | None:
        return next((t.host for t in self.titles if t.host), None)

    @property
    def organization(self) -> str | None:
        explicit = next((t.organization for t in self.titles if t.organization), None)
        return explicit or infer_organization(self.role, self.country)

    @property
    def is_counterpart(self) -> bool:
        return any("counterpart" in m.title.lower() for m in self.mentions)


@dataclass
class People:
    persons: list[Person]
    by_mention: dict[tuple[int, int], Person]  # (name_start, name_end) → person
    mentions_by_sentence: dict[int, list[Mention]]

    def person_of(self, mention: Mention) -> Person | None:
        return self.by_mention.get((mention.name_start, mention.name_end))


def collect_people(sentences: list[Sentence]) -> People:
    """Find every mention in the document and group the mentions into persons."""
    mentions_by_sentence = {k: find_mentions(s, k) for k, s in enumerate(sentences)}
    all_mentions = [m for k in sorted(mentions_by_sentence) for m in mentions_by_sentence[k]]
    persons: list[Person] = []
    by_mention: dict[tuple[int, int], Person] = {}

    def attach(mention: Mention, person: Person) -> None:
        person.mentions.append(mention)
        if mention.title_tokens:
            person.titles.append(parse_title(mention.title_tokens))
        by_mention[(mention.name_start, mention.name_end)] = person

    # Full names first (strong ones define persons), then the weak full names that repeat one,
    # then surnames.
    for mention in all_mentions:
        if mention.n_name_tokens >= 2 and mention.strong:
            match = next((p for p in persons if any(same_person(mention.name, m.name) for m in p.mentions)), None)
            if match is None:
                match = Person(index=len(persons))
                persons.append(match)
            attach(mention, match)
    for mention in all_mentions:
        if mention.n_name_tokens >= 2 and not mention.strong:
            match = next((p for p in persons if any(same_person(mention.name, m.name) for m in p.mentions)), None)
            if match is not None:
                attach(mention, match)
    for mention in all_mentions:
        if mention.n_name_tokens == 1:
            candidates = [p for p in persons if surname_matches(mention.name, p.name)]
            if not candidates:
                # "Mr. Wang" for "Wang Yi": family name first
                candidates = [p for p in persons if len(p.name.split()) == 2
                              and p.name.split()[0].lower() == mention.name.lower()]
            if candidates:
                attach(mention, candidates[0])
            elif mention.strong:
                person = Person(index=len(persons))
                persons.append(person)
                attach(mention, person)
    # "President Tokayev … Kassym-Jomart Tokayev had a phone conversation": a bare full name whose
    # surname is the whole name of exactly one titled person is that person (and keeps the title).
    for mention in all_mentions:
        if mention.n_name_tokens >= 2 and not mention.strong and (mention.name_start, mention.name_end) not in by_mention:
            surname = mention.name.split()[-1].lower()
            candidates = [p for p in persons if len(p.name.split()) == 1 and p.name.lower() == surname and p.titles]
            if len(candidates) == 1:
                attach(mention, candidates[0])
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
    return People(persons, by_mention, mentions_by_sentence)


def adopt_weak(people: People, mention: Mention) -> Person:
    """A person for a bare name found in a meeting slot ("met with Manuel Micaller")."""
    person = people.person_of(mention)
    if person is not None:
        return person
    person = Person(index=len(people.persons))
    people.persons.append(person)
    person.mentions.append(mention)
    if mention.title_tokens:
        person.titles.append(parse_title(mention.title_tokens))
    people.by_mention[(mention.name_start, mention.name_end)] = person
    return person

