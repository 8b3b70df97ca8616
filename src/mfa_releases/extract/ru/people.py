"""Grouping person mentions into people (coreference by surname) and their attributes.

A person is introduced once with a full name and a role, then called by surname, initials and
surname («М.Копеев»), or title. The full name is the longest form without initials; role,
country and organization come from the first mention that gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mfa_releases.extract.ru import gazetteers
from mfa_releases.extract.ru.names import fold, same_surname, strip_initials, surname_key
from mfa_releases.extract.ru.roles import Mention


@dataclass(eq=False)  # identity: two people may share a name form
class Person:
    index: int
    name: str
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    organization: str | None = None
    international: bool = False

    @property
    def surname(self) -> str:
        return surname_key(self.name)

    @property
    def full(self) -> bool:
        return len(self.name.split()) > 1

    @property
    def weak(self) -> bool:
        """Named by one word only, and that word is a title or a common word («Эмир», «Чрезвычайный»)."""
        if self.full or any(m.initials for m in self.mentions):
            return False
        from mfa_releases.extract.ru.pipeline import morph
        from mfa_releases.extract.ru.roles import ROLE_HEADS

        parses = morph().parse(self.name)
        if parses and parses[0].normal_form in ROLE_HEADS:
            return True
        if any(("Surn" in p.tag or "Name" in p.tag) for p in parses[:3]):
            return False
        return any(p.is_known for p in parses[:1])


def _given_compatible(a: str, b: str) -> bool:
    """«Роман Василенко» vs «Р.Василенко»: first names (or initials) do not contradict."""
    a_base, a_init = strip_initials(a)
    b_base, b_init = strip_initials(b)
    a_parts, b_parts = a.replace(".", ". ").split(), b.replace(".", ". ").split()
    if len(a_parts) < 2 or len(b_parts) < 2:
        return True
    return fold(a_parts[0])[:1] == fold(b_parts[0])[:1]


def group_people(mentions: list[Mention]) -> tuple[list[Person], dict[int, Person]]:
    """People, and for each mention (by position in `mentions`) the person it refers to."""
    people: list[Person] = []
    of: dict[int, Person] = {}
    order = sorted(range(len(mentions)), key=lambda i: (-_weight(mentions[i]), i))
    for i in order:
        mention = mentions[i]
        key = surname_key(mention.name)
        match = None
        for person in people:
            if same_surname(person.surname, key) and _given_compatible(person.name, mention.name):
                match = person
                break
        if match is None:
            match = Person(len(people), mention.name)
            people.append(match)
        match.mentions.append(mention)
        of[i] = match
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        for mention in person.mentions:
            if person.role is None and mention.role and mention.role != "коллега":
                person.role = mention.role
            if person.country is None and mention.country:
                person.country = mention.country
                if mention.organization:
                    person.organization = mention.organization
            if person.organization is None and mention.organization:
                person.organization = mention.organization
            person.international = person.international or mention.international
        if person.country is None and not person.international:
            person.country = gazetteers.known_person_country(person.name)
    people.sort(key=lambda p: p.mentions[0].start)
    for index, person in enumerate(people):
        person.index = index
    return people, of


def _weight(mention: Mention) -> int:
    """Full names without initials first, so that they name the person."""
    base, initials = strip_initials(mention.name)
    return (0 if initials else 10) + len(base.split())
