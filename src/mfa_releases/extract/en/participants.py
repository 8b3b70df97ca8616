"""Participants of a meeting as rows: the country each serves, role and organization.

A title usually names the country ("Foreign Minister of Kazakhstan"). When it does not, the clause
may ("the German side was headed by …"); the release's subject is Kazakh when the text is about
Kazakhstan (names it or one of its cities) and no one else in the meeting is; a counterpart serves
the country the text names most, other than those already taken; whoever is still unplaced serves
the state where the meeting took place (a host's own release), unless someone placed by a title
already does. A companion ("accompanied by") serves the state of the person accompanied. Officials
of international bodies (UN, OSCE, the African Union, …) serve no state.
"""

from __future__ import annotations

import re
from collections import Counter

from mfa_releases.extract.base import ParticipantFact
from mfa_releases.extract.en.lexicon import city_country, country_of
from mfa_releases.extract.en.meetings import Meeting
from mfa_releases.extract.en.people import Person
from mfa_releases.extract.en.roles import INTERNATIONAL_BODIES, infer_organization, normalize_role
from mfa_releases.extract.en.tokens import Sentence

HOME_COUNTRY = "KZ"
COUNTERPART = re.compile(r"\b(?:his|her|[A-Z][\w’'-]+)\s+counterpart\b")
# Bodies whose titles spell their name out rather than use an acronym.
INTERNATIONAL_BODY_NAMES = re.compile(
    r"\b(?:African Union|United Nations|European Union|Arab League|League of Arab States|Council of Europe)\b")


def participant_facts(meeting: Meeting, countries: Counter, text: str, sentences: list[Sentence]) -> list[ParticipantFact]:
    """One row per participant of a meeting (`countries`: how often the document names each country)."""
    assigned = _assign_countries(meeting, countries, text, sentences)
    participants = []
    for person in meeting.participants:
        others = [p for p in meeting.participants if p.index != person.index]
        country = assigned.get(person.index)
        role = person.role or _counterpart_role(person, others)
        if role is None and not person.titles and country:
            role = _demonym_title_role(text, country)
        if role is None and not person.titles and len(meeting.participants) == 2 and COUNTERPART.search(text):
            # "Tokayev holds phone talks with Finnish counterpart … with Alexander Stubb": the
            # untitled other side of a two-person encounter holds the same post.
            role = next((o.role.split(" and ")[-1] for o in others if o.role), None)
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
    return participants


# Titles only one state uses: the country they imply when the text names none.
NATIONAL_TITLES = {"secretary of state": "US", "deputy secretary of state": "US", "federal chancellor": "DE"}


def _assign_countries(meeting: Meeting, countries: Counter, text: str, sentences: list[Sentence]) -> dict[int, str]:
    assigned = {p.index: p.country for p in meeting.participants if p.country}
    # "Mr. A was accompanied by Deputy Minister B": B serves A's state.
    for companion, leader in meeting.companions.items():
        leader_person = next((p for p in meeting.participants if p.index == leader), None)
        if companion not in assigned and leader_person is not None and leader_person.country:
            assigned[companion] = leader_person.country
    for person in meeting.participants:
        if person.index not in assigned and person.role in NATIONAL_TITLES:
            assigned[person.index] = NATIONAL_TITLES[person.role]
    for person in meeting.participants:
        if person.index not in assigned:
            others = {assigned[p.index] for p in meeting.participants if p.index in assigned and p.country}
            code = _clause_country(person, others, text, sentences)
            if code:
                assigned[person.index] = code
    # The releases are about Kazakhstan's diplomacy: an unplaced subject in a text that names
    # Kazakhstan is Kazakh, unless someone else in the meeting already is.
    subject = meeting.participants[0]
    about_home = countries.get(HOME_COUNTRY) or _names_home_city(text)
    if subject.index not in assigned and about_home and HOME_COUNTRY not in assigned.values():
        if not serves_international_body(subject):
            assigned[subject.index] = HOME_COUNTRY
    placed = set(assigned.values())
    # Then counterparts: the country the text names most, other than those already taken.
    for person in reversed(meeting.participants):
        if person.index not in assigned:
            guess = _guess_country(person, set(assigned.values()), countries)
            if guess:
                assigned[person.index] = guess
    # A host's own release often names neither the host's title country nor the host state
    # ("Minister of Foreign Affairs Hakan Fidan met with … in Ankara"): whoever is still unplaced
    # serves the state where the meeting took place, unless a title or clause already placed
    # someone there (then the place is likely a third country's venue, as at a summit).
    unplaced = [p for p in meeting.participants
                if p.index not in assigned and not serves_international_body(p) and not _body_title(p)]
    if meeting.country and meeting.country not in placed and len(unplaced) == 1:
        # (only one: with two unplaced sides, which is the host is unknown)
        assigned[unplaced[0].index] = meeting.country
    return assigned


# Titles of officials of bodies that sit in a host city without serving its state (Brussels, Vienna).
BODY_TITLE = re.compile(
    r"\b(?:commission(?:er)?|agency|union|high representative|director[- ]general|secretary[- ]general|"
    r"organi[sz]ation|secretariat|council|bank|fund|programme|committee)\b", re.I)


def _body_title(person: Person) -> bool:
    return any(BODY_TITLE.search(m.title) for m in person.mentions if m.title)


def _names_home_city(text: str) -> bool:
    """The text names a city of the home country ("the Emir’s visit to Astana"): it is about Kazakhstan."""
    return any(city_country(word) == HOME_COUNTRY for word in re.findall(r"[A-Z][\w’'-]+", text))


def _clause_country(person: Person, taken: set[str], text: str, sentences) -> str | None:
    """"The Kazakh delegation was headed by A", "a delegation of the U.S. Congress led by A": the country
    named just before the person, in their clause (another participant's own country excepted)."""
    for mention in person.mentions:
        sentence_start = sentences[mention.sentence_index].start if mention.sentence_index >= 0 else 0
        clause_start = max([sentence_start] + [text.rfind(mark, sentence_start, mention.start) + 1
                                               for mark in (",", ";", "\n")])
        clause = text[clause_start:mention.start]
        # "…, and of Peru, B": the country of the list item just before the name
        item = re.search(r"\b(?:and\s+of|and\s+from|and|from)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s*,\s*$",
                         text[sentence_start:mention.start])
        if item and not clause.strip() and country_of(item.group(1)):
            return country_of(item.group(1))
        # "The Kazakh delegation was headed by A": the delegation's own state, even when another
        # participant (its ambassador) serves it too.
        # ("…, and the Uzbek delegation by B": the verb left out)
        led = re.search(r"\b([A-Z][\w’'.-]*) (?:delegation|side)\b(?:[^,;]*\b(?:headed|led))?\s+by\s+", clause)
        if led and country_of(led.group(1)):
            return country_of(led.group(1))
        words = re.findall(r"[A-Z][\w’'.-]*", clause)
        for word in reversed(words):
            code = country_of(re.sub(r"[’']s$", "", word))
            if code and code not in taken and code != person.host:
                return code
    return None


def serves_international_body(person: Person) -> bool:
    """The person holds a post of an international body (UN, OSCE, …), so serves no state."""
    titles = " ".join(m.title for m in person.mentions)
    title_words = titles.replace("-", " ").split()
    return any(word in INTERNATIONAL_BODIES for word in title_words) or bool(INTERNATIONAL_BODY_NAMES.search(titles)) or any(
        t.organization in INTERNATIONAL_BODIES for t in person.titles)


def _guess_country(person: Person, taken: set[str], countries) -> str | None:
    """A person whose titles name no country serves the document's most-named other country."""
    if serves_international_body(person):
        return None  # UN, OSCE, … officials serve no state
    excluded = taken | ({person.host} if person.host else set())
    for code, _count in countries.most_common():
        if code not in excluded:
            return code
    return None


# "The Omani Foreign Minister welcomed …": a title named with its state's demonym, no name beside it
DEMONYM_TITLE = re.compile(r"\b[Tt]he\s+([A-Z][\w’'-]+)\s+((?:(?:Deputy|First|Vice|Prime|Foreign|Acting)\s+)*"
                           r"(?:Minister|President|Ambassador|Prime\s+Minister|Foreign\s+Minister|Premier|"
                           r"Chancellor|Speaker|King|Emir))\b(?!\s+[A-Z])")


def _demonym_title_role(text: str, country: str) -> str | None:
    """The role a text gives someone only as "the Omani Foreign Minister", when exactly one such title
    names their state."""
    roles = {normalize_role(m.group(2)) for m in DEMONYM_TITLE.finditer(text) if country_of(m.group(1)) == country}
    roles.discard(None)
    return roles.pop() if len(roles) == 1 else None


def _counterpart_role(person: Person, others: list[Person]) -> str | None:
    """"his Russian counterpart": the same position as the person they met (its last part)."""
    if not person.is_counterpart:
        return None
    for other in others:
        if other.role:
            return other.role.split(" and ")[-1]
    return None
