"""Who commits: the states (ISO alpha-2) behind a commitment.

The people and countries named before the trigger in its sentence are the actors ("Kazakhstan
expressed its support" → KZ; "Emomali Rahmon invited …" → TJ); "the parties", "the sides", "the
two countries" and "agreed" without a named subject mean every state of the meeting.
"""

from __future__ import annotations

import re

from mfa_releases.extract.en.commitments import Commitment
from mfa_releases.extract.en.lexicon import city_country, country_of
from mfa_releases.extract.en.participants import serves_international_body
from mfa_releases.extract.en.roles import INTERNATIONAL_BODIES
from mfa_releases.extract.en.tokens import Sentence, tokenize

BOTH_SIDES = re.compile(
    r"\b(?:the\s+(?:parties|sides|ministers|interlocutors|leaders|two\s+countries|two\s+sides|heads)|both\s+"
    r"(?:sides|countries|parties)|they|the\s+two)\b",
    re.I,
)


HOME_COUNTRY = "KZ"
HOME_SUBJECT = re.compile(r"(?:^|\b(?:the|our)\s+)(?:(?:foreign\s+)?ministry|our\s+country|our\s+state)\s*$|"
                          r"\bour\s+(?:country|state|ministry)\b", re.I)
TITLED_SUBJECT = re.compile(r"\bthe\s+(chancellor|president|emir|king|governor|speaker|chairman|ambassador|"
                            r"secretary|commissioner|senators?)\s*$", re.I)
SUBJECT_ANAPHOR = re.compile(r"(?:^|[,;]\s*)(?:he|she|the\s+(?:[a-z]+\s+)?(?:minister|diplomat|president|head|ambassador))\b", re.I)


def commitment_actors(commitment: Commitment, sentences: list[Sentence], people,
                      meeting_countries: list[str], countries_of_people: dict[int, str] | None = None) -> list[str]:
    """ISO codes of the committing states, in order of mention (`meeting_countries`: the states of the
    meeting the commitment belongs to; `countries_of_people`: person index → the country the meetings gave them)."""
    countries_of_people = countries_of_people or {}
    sentence = sentences[commitment.sentence_index]
    head = sentence.text[: commitment.trigger - sentence.start]
    if commitment.kind == "invitation" and re.search(r"\baccepted\s*$", head):
        # "B accepted an invitation to visit Kazakhstan": the host who invited is the meeting's other side
        guest = [countries_of_people.get(p.index) or p.country for m in people.mentions_by_sentence.get(
            commitment.sentence_index, []) if m.end <= commitment.trigger and (p := people.person_of(m)) is not None]
        guest += _named_countries(head)  # "The King of Jordan accepted …"
        hosts = [code for code in meeting_countries if code not in guest]
        if guest and hosts:
            return hosts[:1]
    if commitment.kind == "invitation":
        # "inviting him to visit China": one invites others to one's own country, so a destination
        # that is a state of the meeting names the inviter
        evidence = sentence.text[commitment.start - sentence.start: commitment.end - sentence.start]
        place = re.search(r"\bvisit(?:\s+to)?\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})", evidence)
        if place:
            words = place.group(1).split()
            code = next((c for n in range(len(words), 0, -1)
                         if (c := country_of(" ".join(words[:n])) or city_country(" ".join(words[:n])))), None)
            if code and code in meeting_countries:
                return [code]
    if commitment.kind == "planned_event":
        # a named event: the states of the people in it ("the visit of the President of Germany …"),
        # else the states it names, destinations ("to Kazakhstan", "in Astana") aside
        evidence = sentence.text[commitment.start - sentence.start: commitment.end - sentence.start]
        # ("The Russian FM is expected to meet President A": the state named by its demonym too,
        # in order of mention)
        first_person = min((m.start for m in people.mentions_by_sentence.get(commitment.sentence_index, [])
                            if commitment.start <= m.start < commitment.end), default=commitment.end)
        inside = _named_countries(evidence[: first_person - commitment.start])
        inside += [c for c in _countries_of_people(people, commitment, countries_of_people) if c not in inside]
        inside += [code for code in _named_countries(evidence) if code not in inside]
        if inside:
            return inside
        # "The 9th meeting of the Kazakhstan–Mongolia Commission is scheduled …": the pair named before
        pair = _compound_countries(head)
        if len(pair) >= 2:
            return pair
    if commitment.kind in ("agreement", "signed_document") or BOTH_SIDES.search(head[-80:]):
        if len(meeting_countries) >= 2:
            return meeting_countries
    # "the issues of cooperation between Russia and Kazakhstan … are being elaborated": a passive
    # undertaking whose subject names the pair of states
    between = re.search(r"\bbetween\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+and\s+(?:the\s+)?"
                        r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\b", head)
    trigger_text = sentence.text[commitment.trigger - sentence.start:]
    if between and commitment.kind == "intent" and re.match(r"(?:is|are)\s+being\s+\w+ed\b", trigger_text):
        pair = [code for code in (country_of(between.group(1)), country_of(between.group(2))) if code]
        if len(pair) == 2 and pair[0] != pair[1]:
            return pair
    # The subject of the trigger's own clause: "… stated that Japan will continue to support",
    # "the OSCE Secretariat intends to" (an international body commits no state).
    clause = re.split(r"[,;:]|\bthat\b", head)[-1]
    subject_codes = _named_countries(clause)
    if subject_codes and commitment.kind not in ("agreement", "signed_document"):
        # ("Kazakhstan and Japan are working on …": both)
        return subject_codes if re.search(r"\band\b", clause) else subject_codes[-1:]
    bodies = "|".join(sorted(INTERNATIONAL_BODIES))
    if re.search(r"\b(?:%s)\s+(?:Secretariat|Delegation|Commission|Office|Mission|Secretary)" % bodies, clause) or (
            commitment.kind != "planned_event" and re.search(r"\b(?:%s)\b" % bodies, clause)):
        return []  # (an event named after a body, "the CICA Forum", is still hosted by a state)
    if HOME_SUBJECT.search(clause):
        return [HOME_COUNTRY]  # "the Ministry plans …", "Our country stands ready …": the releasing ministry's state
    speaker = _last_person(people, commitment)
    if speaker is not None and speaker.country is None and serves_international_body(speaker):
        return []  # "Mr. Grossi confirmed his intention …": the head of an international body
    actors: list[str] = []
    for mention in people.mentions_by_sentence.get(commitment.sentence_index, []):
        if mention.end <= commitment.trigger:
            person = people.person_of(mention)
            code = (countries_of_people.get(person.index) or person.country) if person is not None else None
            if code and code not in actors:
                actors.append(code)
    if not actors:
        for token in tokenize(head):
            # countries, demonyms and capitals standing for their states ("Moscow and Astana agreed")
            code = (country_of(token.text) or city_country(token.text)) if token.is_capitalized else None
            if code and code not in actors:
                actors.append(code)
    if not actors and commitment.kind in ("agreement", "signed_document", "intent", "planned_event"):
        return meeting_countries
    titled = TITLED_SUBJECT.search(clause)
    if not actors and titled:
        # "The Chancellor invited …": the meeting's participant with that title
        word = titled.group(1).lower()
        codes = list(dict.fromkeys(code for person in people.persons
                                   if (code := countries_of_people.get(person.index)) and word in (person.role or "")))
        if len(codes) == 1:
            return codes
    if not actors and SUBJECT_ANAPHOR.search(head) and meeting_countries:
        return meeting_countries[:1]  # "He invited …": the meeting's subject
    return actors[-2:] if commitment.kind == "agreement" else actors[-1:]


def _compound_countries(text: str) -> list[str]:
    """States joined in a compound ("Kazakhstan–Mongolia", "Kazakh-German"), in order of mention."""
    found: list[str] = []
    for word in re.findall(r"[A-Z][\w’']+(?:[-‐–][A-Z][\w’']+)+", text):
        codes = [country_of(part) for part in re.split(r"[-‐–]", word)]
        if len(codes) >= 2 and all(codes):
            found.extend(code for code in codes if code not in found)
    return found


def _country_at(tokens, k: int) -> str | None:
    """The country named by the phrase ending at token k ("the United States" → US at "States")."""
    for n in (3, 2, 1):
        if k - n + 1 >= 0 and all(t.is_capitalized for t in tokens[k - n + 1:k + 1]):
            code = country_of(" ".join(t.text for t in tokens[k - n + 1:k + 1]))
            if code:
                return code
    return None


def _last_person(people, commitment: Commitment):
    """The person named last before the trigger in its sentence, if any."""
    before = [m for m in people.mentions_by_sentence.get(commitment.sentence_index, []) if m.end <= commitment.trigger]
    return people.person_of(before[-1]) if before else None


def _countries_of_people(people, commitment: Commitment, countries_of_people: dict[int, str]) -> list[str]:
    found: list[str] = []
    for mention in people.mentions_by_sentence.get(commitment.sentence_index, []):
        if commitment.start <= mention.start < commitment.end:
            person = people.person_of(mention)
            code = (countries_of_people.get(person.index) or person.country) if person is not None else None
            if code and code not in found:
                found.append(code)
    return found


def _named_countries(evidence: str) -> list[str]:
    found: list[str] = []
    tokens = tokenize(evidence)
    destination = False
    for k, token in enumerate(tokens):
        if not token.is_capitalized:
            # a list of destinations goes on over "," and "and" ("will visit Kazakhstan, Uzbekistan, and India")
            destination = destination and token.text in {",", "and", "the"}
            continue
        previous = tokens[k - 1].lower if k > 0 else ""
        if previous in {"to", "in", "at", "visit", "visiting", "visits"} or k > 1 and tokens[k - 2].lower in {
                "to", "in"} and previous == "the":
            destination = True
        code = _country_at(tokens, k)
        if destination:
            if not code and not city_country(token.text):
                destination = False
            continue  # a destination or venue, not a party
        if code and code not in found:
            found.append(code)
    return found
