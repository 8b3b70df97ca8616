"""Meetings: who met whom, in what format, where and when.

Releases report encounters in a few formulas, each recognised over one sentence:
- a verb with the people around it: «A встретился с B», «A провел встречу/переговоры/телефонный
  разговор с B», «A принял B», «A вручил верительные грамоты B», «A и B провели переговоры»;
- a noun with the people in the genitive: «состоялась встреча A с B», «Встреча A и B началась»,
  «переговоров между A и B»;
- a reference to the encounter: «в ходе встречи с B», «на встрече с B» (its subject is the
  release's protagonist when the sentence does not name one).
The number of the noun decides how many meetings: «провел встречу с A, B и C» is one joint meeting,
«провел встречи с A и B» one per counterpart. Future forms («встретится», «проведет») are planned
events, not meetings. A meeting needs two named people.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from mfa_releases.extract.base import MeetingFact, ParticipantFact
from mfa_releases.extract.ru import gazetteers, places, roles
from mfa_releases.extract.ru.dates_ru import find_dates
from mfa_releases.extract.ru.people import Person
from mfa_releases.extract.ru.pipeline import Analysis
from mfa_releases.extract.ru.roles import ROLE_HEADS, Mention, countries_in

HOME_COUNTRY = "KZ"  # the releases' own state, for people introduced without one

_MET = re.compile(r"(встретил|встречал)(ся|ась|ись)$")
_RECEIVED_BY = re.compile(r"(принят|принята|приняты)$")  # «был принят Президентом …»
_HELD = re.compile(r"(провел|провела|провели|провёл)$")
_RECEIVED = re.compile(r"(принял|приняла|приняли)$")
_HANDED = re.compile(r"(вручил|вручила|вручили)$")
_TOOK_PLACE = re.compile(r"(состоял(ась|ись|ось|ся)|прошл(а|и|о)|прошел|прошёл|началась|начались)$")
_NOUNS = {
    "встречу": ("meeting", False), "встреча": ("meeting", False), "встречи": ("meeting", True),
    "встреч": ("meeting", True), "переговоры": ("talks", False), "переговоров": ("talks", False),
    "беседу": ("meeting", False), "беседа": ("meeting", False), "консультации": ("consultations", False),
    "консультаций": ("consultations", False), "разговор": ("phone_call", False),
    "видеоконференцию": ("video_call", False), "видеоконференция": ("video_call", False),
}
_REFERENCE = re.compile(
    r"\b(в ходе|по итогам|на|во время|по завершении|в рамках|по окончании|в начале|в завершение|в)\s+"
    r"((?:телефонно\w+|двусторонн\w+|рабоче\w+|официальн\w+)\s+)?"
    r"(встречи|встрече|переговоров|переговорах|беседы|беседе|разговора|разговоре|консультаций|консультациях)"
    r"\s+(с|со)\b",
    re.I,
)
_BETWEEN = re.compile(r"(переговор\w*|встреч\w*)\s+между\b", re.I)
_VIDEO = re.compile(r"видеосвяз|видеоконференц|онлайн|в режиме видео|видеоформат", re.I)
_PHONE = re.compile(r"телефонн|по телефону", re.I)
_SPEECH = re.compile(
    r"^(сообща\w*|переда\w*|говорится|пишет|отметил\w*|заявил\w*|подчеркнул\w*|сказал\w*|"
    r"информирует|указывается|уточнил\w*|добавил\w*|напомнил\w*)$"
)
_NOT_RECEPTION = {"участие", "приглашение", "решение", "меры", "заявление", "резолюцию", "закон", "внимание",
                  "к", "на", "присягу", "поздравления", "соболезнования", "отставку", "указ", "постановление",
                  "программу", "доклад", "отчет", "отчёт", "обращение"}


@dataclass
class Draft:
    kind: str
    people: list[Person]
    sentence: int
    verb: bool  # reported with a verb (the lead formula decides the kind)
    place: places.Place | None = None
    date: dt.date | None = None
    mentions: dict[int, Mention] = field(default_factory=dict)  # person index → mention used
    recalled: bool = False  # an earlier encounter of the same people («в ходе их встречи в Париже»)


@dataclass
class Context:
    an: Analysis
    mentions: list[Mention]
    person_of: dict[int, Person]
    people: list[Person]
    release: dt.date
    drafts: list[Draft] = field(default_factory=list)  # the meetings found so far

    def in_sentence(self, sentence: int) -> list[tuple[int, Mention]]:
        return [(i, m) for i, m in enumerate(self.mentions) if m.sent == sentence]

    def role_tokens(self, sentence: int) -> set[int]:
        tokens = set()
        for _, m in self.in_sentence(sentence):
            if m.role_first is not None:
                tokens.update(range(m.role_first, m.last))
            tokens.update(range(m.first, m.last))
        return tokens


def _kind_from(words: list[str], default: str) -> str:
    text = " ".join(words)
    if _VIDEO.search(text):
        return "video_call"
    if _PHONE.search(text):
        return "phone_call"
    return default


_LED = re.compile(r"(возглави|возглавля|представля)(л|ла|ли)")
_SERIES = re.compile(r"\b(ряд|серию|серия|несколько|цикл)\s+(\w+\s+){0,2}встреч\b", re.I)


def _series_announced(ctx: Context, sentence: int) -> bool:
    """«провел ряд встреч. … встретился с A, B и C»: the counterparts were met one by one."""
    an = ctx.an
    for index in (sentence - 1, sentence):
        if index >= 0 and _SERIES.search(an.text[an.sentences[index].start:an.sentences[index].stop]):
            return True
    return False


def _triggers(ctx: Context, sentence: int):
    """(token index, kind, plural, verb) for each meeting formula in a sentence."""
    an = ctx.an
    first, stop = an.sentences[sentence].tokens
    words = [t.text.lower() for t in an.tokens[first:stop]]
    found = []
    for offset, word in enumerate(words):
        i = first + offset
        token = an.tokens[i]
        if _MET.search(word) and token.feats.get("Tense") != "Fut":
            found.append((i, _kind_from(words, "meeting"), _series_announced(ctx, sentence), True))
        elif _HELD.fullmatch(word):
            for k in range(offset + 1, min(len(words), offset + 8)):
                noun = words[k]
                online = noun.startswith(("онлайн-", "видео-"))
                if online:  # «провели онлайн-переговоры»
                    noun = noun.split("-", 1)[1]
                if noun in _NOUNS and noun not in ("встреча", "беседа", "видеоконференция"):
                    kind, plural = _NOUNS[noun]
                    if noun == "встреч" and not any(w in ("серию", "ряд", "несколько") for w in words[offset:k]):
                        plural = True
                    # the medium wins: «в режиме видеоконференции провел встречу», «телефонные переговоры»
                    if _VIDEO.search(" ".join(words)):
                        kind = "video_call"
                    elif _PHONE.search(" ".join(words[offset:k + 3])):
                        kind = "phone_call"
                    found.append((i, kind, plural, True))
                    break
                if an.tokens[first + k].pos == "VERB" or noun in (".", ";"):
                    break
        elif re.fullmatch(r"обсудил(а|и)?", word) and offset + 1 < len(words) and words[offset + 1] in ("с", "со") \
                and (_PHONE.search(" ".join(words)) or _VIDEO.search(" ".join(words))):
            # «A по телефону обсудил с B …»
            found.append((i, _kind_from(words, "meeting"), False, True))
        elif word == "обменялись" and "мнениями" in words[offset + 1:offset + 3]:
            # «A и B обменялись мнениями»: an encounter between the named subjects
            found.append((i, _kind_from(words, "meeting"), False, True))
        elif _RECEIVED_BY.fullmatch(word) and offset > 0 and words[offset - 1] in ("был", "была", "были"):
            found.append((i, "meeting", False, True))
        elif _RECEIVED.fullmatch(word):
            following = words[offset + 1:offset + 4]
            if not any(w in _NOT_RECEPTION for w in following):
                found.append((i, _kind_from(words, "meeting"), False, True))
        elif _HANDED.fullmatch(word) and any("верительн" in w for w in words[max(0, offset - 4):offset + 6]):
            found.append((i, "meeting", False, True))
        elif _LED.fullmatch(word) and any(w.startswith("делегац") or w == "сторону" for w in words[:offset]):
            # «Казахстанскую делегацию возглавил A, польскую – B», «Узбекскую сторону представлял A,
            # казахстанскую — B»: the kind is the event's
            previous = an.text[an.sentences[sentence - 1].start:an.sentences[sentence - 1].stop] if sentence else ""
            kind = "consultations" if "консультаци" in previous.lower() else (
                "talks" if "переговор" in previous.lower() else "meeting")
            found.append((i, _kind_from(words + previous.lower().split(), kind), False, False))
        elif word == "председательством" and offset > 0 and words[offset - 1] in ("под", "совместным") \
                and len({ctx.person_of[k].index for k, _ in ctx.in_sentence(sentence)}) == 2:
            found.append((i, "meeting", False, False))  # co-chaired by two: «под председательством A и B»
        elif _TOOK_PLACE.fullmatch(word):
            nouns = [w for w in words if w in ("встреча", "переговоры", "беседа", "консультации", "разговор",
                                               "видеоконференция")]
            if nouns:
                kind = {"встреча": "meeting", "беседа": "meeting", "переговоры": "talks",
                        "консультации": "consultations", "разговор": "phone_call",
                        "видеоконференция": "video_call"}[nouns[0]]
                found.append((i, _kind_from(words, kind), False, False))
    return found


def _clause_subjects(ctx: Context, sentence: int, trigger: int) -> list[Person]:
    an = ctx.an
    subjects = []
    between_relative = False
    for i, m in ctx.in_sentence(sentence):
        if m.last > trigger:
            continue
        tail = an.tokens[m.last:trigger]
        if any(t.text in (";",) or (t.pos == "VERB" and t.feats.get("VerbForm") == "Fin") for t in tail):
            continue
        if any(t.lemma == "который" for t in tail):
            subjects = [ctx.person_of[i]]
            between_relative = True
            continue
        if between_relative:
            continue
        before = " ".join(t.text.lower() for t in an.tokens[max(an.sentences[sentence].tokens[0], m.first - 3):m.first])
        if re.search(r"(приглашению|от имени|поручению|со ссылкой на)\s*$", before):
            continue
        if _subject_position(an, m, sentence):
            subjects.append(ctx.person_of[i])
    # the subject is the last name (or coordinated names) before the verb: «A и B провели …»
    if len(subjects) > 1:
        keep = [subjects[-1]]
        for person in reversed(subjects[:-1]):
            mention = _mention_for(ctx, person, sentence)
            later = _mention_for(ctx, keep[-1], sentence)
            start = later.role_first if later.role_first is not None else later.first
            gap = an.tokens[mention.last:start]
            if all(t.text.lower() in ("и", ",") for t in gap):
                keep.append(person)
            else:
                break
        subjects = list(reversed(keep))
    return subjects


def _subject_position(an: Analysis, m: Mention, sentence: int) -> bool:
    """A name (with its role) in the nominative, or opening its clause («Главы МИД РФ и
    Узбекистана Сергей Лавров и Бахтиер Саидов провели …», where the tagger reads «Главы» as a
    genitive)."""
    if m.case in (None, "Nom"):
        return True
    if m.case == "Ins" or m.case == "Dat":
        return False
    start = m.role_first if m.role_first is not None else m.first
    s_first = an.sentences[sentence].tokens[0]
    before = an.tokens[start - 1] if start > s_first else None
    return before is None or before.pos == "PUNCT" or before.text.lower() in ("и", "также", "сегодня")


def _objects(ctx: Context, sentence: int, trigger: int) -> list[tuple[Person, Mention]]:
    """The counterparts after a trigger: the listed names up to the next clause (a finite verb,
    «, сообщает …», «который»), skipping people named in «по приглашению …»."""
    an = ctx.an
    objects = []
    mentions = [(i, m) for i, m in ctx.in_sentence(sentence) if m.first > trigger]
    cursor = trigger + 1
    for i, m in mentions:
        gap = an.tokens[cursor:m.role_first if m.role_first is not None and m.role_first >= cursor else m.first]
        if objects and any(
            t.text in (";", "(") or (t.pos == "VERB" and t.feats.get("VerbForm") == "Fin") or _SPEECH.match(t.text.lower())
            or t.lemma == "который"
            for t in gap
        ):
            break
        if not objects and any(_SPEECH.match(t.text.lower()) or t.lemma == "который" for t in gap):
            break
        before = " ".join(t.text.lower() for t in an.tokens[max(trigger + 1, m.first - 3):m.first])
        if re.search(r"(приглашению|от имени|поручению)\s*$", before):
            cursor = m.last
            continue
        if m.case == "Nom" and not objects:
            break  # the subject of the next clause («во время встречи с избирателями A получила …»)
        if m.case == "Nom":
            cursor = m.last
            continue
        objects.append((ctx.person_of[i], m))
        cursor = m.last
    return objects


def _role_subject(ctx: Context, sentence: int, trigger: int, exclude: set[int]) -> Person | None:
    """The person a role-only subject («глава государства», «Казахстанская делегация») refers to."""
    an = ctx.an
    first = an.sentences[sentence].tokens[0]
    heads = [i for i in range(first, trigger) if an.tokens[i].lemma in ROLE_HEADS | {"делегация", "сторона"}]
    countries = [c for _, _, c in countries_in(an, first, trigger)]
    candidates = [p for p in ctx.people if p.index not in exclude]
    if heads:
        head = an.tokens[heads[0]].lemma
        if an.tokens[heads[0]].text.lower() == "глава" and heads[0] + 1 < trigger and \
                an.tokens[heads[0] + 1].lemma == "государство":
            head = "президент"
        for person in candidates:
            if person.role and person.role.split()[0] == head and (not countries or person.country in countries):
                return person
        protagonist = _protagonist(ctx, exclude)
        if protagonist is not None and (not countries or protagonist.country in countries + [None]):
            _take_role(ctx, protagonist, heads[0], trigger)
            return protagonist
    if countries:
        for person in candidates:
            if person.country in countries:
                return person
    return _protagonist(ctx, exclude)


def _take_role(ctx: Context, person: Person, head: int, end: int) -> None:
    """«Министр иностранных дел Казахстана принял …» names the office of a person the release
    names elsewhere without one."""
    if person.role is not None:
        return
    an = ctx.an
    stop = head
    while stop < end and an.tokens[stop].pos in ("NOUN", "PROPN", "ADJ", "ADP", "CCONJ") and \
            an.tokens[stop].text not in (",",):
        stop += 1
    start = head
    while start - 1 >= an.sentences[an.tokens[head].sent].tokens[0] and an.tokens[start - 1].pos == "ADJ":
        start -= 1
    if an.tokens[head].lemma in ("делегация", "сторона"):
        return
    role, countries = roles.role_phrase(an, start, stop)
    person.role = role or None
    own = [code for c_first, _, code in countries if roles.serves(an, c_first, start)]
    if person.country is None and own:
        person.country = own[0]
    if person.organization is None and person.role:
        person.organization, person.international = roles.organization_for(
            an, start, stop, person.role, person.country)


_SPOKESPERSON = re.compile(r"пресс-секретар|официальный представитель|пресс-служб|спикер мид|корреспондент", re.I)


def _protagonist(ctx: Context, exclude: set[int]) -> Person | None:
    """The release's main actor: the person who already met someone in it, else the first it names
    with a full name (or at all); spokespeople and reporters quoted only tell the news."""
    candidates = [p for p in ctx.people if p.index not in exclude and not p.weak
                  and not (p.role and _SPOKESPERSON.search(p.role))]
    met = [p for p in candidates if any(p in d.people for d in ctx.drafts)]
    if met:
        return max(met, key=lambda p: (sum(p in d.people for d in ctx.drafts), -p.index))
    for full in (True, False):
        for person in candidates:
            if person.full or not full:
                return person
    return None


def _mention_for(ctx: Context, person: Person, sentence: int) -> Mention:
    for m in person.mentions:
        if m.sent == sentence:
            return m
    return person.mentions[0]


def _place_for(ctx: Context, sentence: int, kind: str, trigger: int) -> places.Place | None:
    if kind in ("phone_call", "video_call"):
        return None
    an = ctx.an
    first, stop = an.sentences[sentence].tokens
    excluded = ctx.role_tokens(sentence)
    # a relative clause or a future verb after the trigger speaks of something else («…, с которым
    # обсудил конференцию, которая пройдет в Астане»)
    limit = next((k for k in range(trigger + 1, stop) if an.tokens[k].lemma == "который" or (
        an.tokens[k].feats.get("Tense") == "Fut" and an.tokens[k].feats.get("VerbForm") == "Fin")), stop)
    if limit < stop and re.search(r"\b(на полях|в рамках)\b",
                                  an.text[an.sentences[sentence].start:an.tokens[limit].start], re.I):
        limit = stop  # «на полях заседания …, которое состоится в Ташкенте»: the host event's place
    found = places.places_in(an, first, limit, excluded)
    place = None
    for candidate in found:
        place = places.merge(place, candidate)
    # «В МИД состоялось совещание. Мероприятие прошло под председательством A и B»
    if not place and sentence > 0:
        p_first, p_stop = an.sentences[sentence - 1].tokens
        if any(_TOOK_PLACE.fullmatch(t.text.lower()) for t in an.tokens[p_first:p_stop]) and not ctx.in_sentence(sentence - 1):
            for candidate in places.places_in(an, p_first, p_stop, set()):
                place = places.merge(place, candidate)
    # a headline or lead that only sets the scene: «В Астане состоялись … консультации»
    if not place or place.city is None:
        for earlier in range(0, sentence):
            e_first, e_stop = an.sentences[earlier].tokens
            words = [t.text.lower() for t in an.tokens[e_first:e_stop]]
            if not ctx.in_sentence(earlier) and any(_TOOK_PLACE.fullmatch(w) for w in words) and any(
                    w.startswith(_EVENT_STEMS) for w in words):
                for candidate in places.places_in(an, e_first, e_stop, set()):
                    place = places.merge(place, candidate)
    # «Встреча прошла в …», «В ходе беседы в Риме …», «В ходе встречи, прошедшей в …» in the next sentences
    if not place or place.city is None:
        for following in range(sentence + 1, min(len(an.sentences), sentence + 3)):
            f_first, f_stop = an.sentences[following].tokens
            words = [t.text.lower() for t in an.tokens[f_first:f_stop]]
            text = an.text[an.sentences[following].start:an.sentences[following].stop]
            if words and words[0] in ("встреча", "переговоры", "беседа", "церемония", "мероприятие") and any(
                _TOOK_PLACE.fullmatch(w) for w in words[:6]
            ):
                for candidate in places.places_in(an, f_first, f_stop, ctx.role_tokens(following)):
                    place = places.merge(place, candidate)
            elif (match := _REFERENCE_PLACE.match(text)):
                p_stop = next((k for k in range(f_first, f_stop) if an.tokens[k].start >= an.sentences[following].start
                               + match.end()), f_stop)
                for candidate in places.places_in(an, f_first, p_stop, ctx.role_tokens(following)):
                    place = places.merge(place, candidate)
    return place


_EVENT_STEMS = ("встреч", "переговор", "консультаци", "беседа")
_REFERENCE_PLACE = re.compile(
    r"(в ходе|во время|на|в рамках)\s+(встречи|встрече|беседы|беседе|переговоров|переговорах|консультаций|консультациях)"
    r"(,?\s+(прошедш\w+|состоявш\w+))?\s+(в|во)\s+\S+", re.I)


def _date_for(ctx: Context, sentence: int, end_token: int) -> dt.date | None:
    an = ctx.an
    start = an.sentences[sentence].start
    stop = an.tokens[end_token - 1].stop if end_token > an.sentences[sentence].tokens[0] else an.sentences[sentence].stop
    for phrase in find_dates(an.text[start:stop], ctx.release, past=True):
        if phrase.date and phrase.date != ctx.release:
            return phrase.date
    return None


def find_meetings(ctx: Context) -> list[Draft]:
    """The encounters a release reports, each with its people, kind, place and date."""
    drafts = ctx.drafts
    drafts.clear()
    partial: list[tuple[Person, places.Place]] = []  # one named side and a place: lends the place
    for sentence in range(len(ctx.an.sentences)):
        _formula_meetings(ctx, sentence, drafts, partial)
        _reference_meetings(ctx, sentence, drafts, partial)
        _between_meetings(ctx, sentence, drafts, partial)
    _add_co_participants(ctx, drafts)
    _fill_places(ctx, drafts, partial)
    _recalled_meetings(ctx, drafts)
    # people introduced without a state get one from the meeting's context, once, so that
    # commitments see the same state
    for draft in drafts:
        for person in draft.people:
            if person.country is None and not person.international:
                others = [p for p in draft.people if p is not person]
                person.country = _default_country(ctx, person, others, draft)
    _roles_from_titles(ctx, drafts)
    return drafts


_TITLE_HEADS = {"президент", "премьер-министр", "глава", "министр", "король", "эмир", "канцлер"}


def _roles_from_titles(ctx: Context, drafts: list[Draft]) -> None:
    """«Касым-Жомарт Токаев принял … Президент Казахстана подчеркнул …»: a title used alone, in any
    case, gives its role to the one participant of its state who has none («Главе государства» —
    the home state's)."""
    an = ctx.an
    people = list(dict.fromkeys(p for d in drafts for p in d.people))
    taken: set[int] = set()
    for sentence in range(len(an.sentences)):
        taken |= ctx.role_tokens(sentence)
    for i, token in enumerate(an.tokens):
        if i in taken or token.lemma not in _TITLE_HEADS or token.pos != "NOUN" or not token.text[:1].isupper():
            continue
        sentence = an.sentences[token.sent]
        end = i + 1
        while end < sentence.tokens[1] and end - i < 6 and an.tokens[end].pos in ("NOUN", "PROPN", "ADJ") \
                and end not in taken:
            end += 1
        countries = [code for _, _, code in countries_in(an, i + 1, end)]
        if token.lemma == "глава" and not countries and end > i + 1 and an.tokens[i + 1].lemma in ("государство", "правительство"):
            countries = [HOME_COUNTRY]
        if not countries:
            continue
        holders = [p for p in people if p.country == countries[0] and not p.international]
        if len(holders) != 1 or holders[0].role is not None:
            continue
        _take_role(ctx, holders[0], i, end)
    # «Главы государств обсудили …», «Министры иностранных дел отметили …»: a plural title opening a
    # sentence is the office each side of the encounter just reported holds
    for i, token in enumerate(an.tokens):
        sentence = an.sentences[token.sent]
        if i != sentence.tokens[0] or i in taken or token.lemma not in _TITLE_HEADS or token.pos != "NOUN" \
                or token.feats.get("Number") != "Plur":
            continue
        end = i + 1
        while end < sentence.tokens[1] and end - i < 5 and an.tokens[end].pos in ("NOUN", "ADJ") \
                and end not in taken and an.tokens[end].case == "Gen":
            end += 1
        if countries_in(an, i + 1, end) or any(i < m.first < end + 1 for _, m in ctx.in_sentence(token.sent)):
            continue
        earlier = [d for d in drafts if d.sentence < token.sent]
        if not earlier or len(earlier[-1].people) != 2:
            continue
        for person in earlier[-1].people:
            if not person.international:
                _take_role(ctx, person, i, end)


def _formula_meetings(ctx: Context, sentence: int, drafts: list[Draft], partial: list) -> None:
    """«A встретился с B», «A провел переговоры с B», «состоялась встреча A с B» …"""
    an = ctx.an
    s_stop = an.sentences[sentence].tokens[1]
    for trigger, kind, plural, verb in _triggers(ctx, sentence):
        if verb:
            subjects = _clause_subjects(ctx, sentence, trigger)
            objects = _objects(ctx, sentence, trigger)
            object_people = [p for p, _ in objects if p not in subjects]
            if not subjects and not object_people and _HANDED.fullmatch(an.tokens[trigger].text.lower()):
                # «Верительные грамоты Президенту вручили Посол A, Посол B и Посол C»: the givers
                # follow the verb, each presents to the receiver on their own
                givers = [ctx.person_of[i] for i, m in ctx.in_sentence(sentence)
                          if m.first > trigger and m.case in (None, "Nom")]
                givers = list(dict.fromkeys(givers))
                if givers:
                    receiver = next((ctx.person_of[i] for i, m in ctx.in_sentence(sentence) if m.case == "Dat"),
                                    None) or _role_subject(ctx, sentence, trigger, {p.index for p in givers})
                    if receiver is not None:
                        subjects, object_people, plural = [receiver], givers, len(givers) > 1
                        objects = [(p, _mention_for(ctx, p, sentence)) for p in givers]
            if not subjects and object_people:
                subject = _role_subject(ctx, sentence, trigger, {p.index for p in object_people})
                subjects = [subject] if subject else []
            end = max([m.last for _, m in objects] + [trigger + 1])
        else:
            everyone = list(dict.fromkeys(ctx.person_of[i] for i, _ in ctx.in_sentence(sentence)))
            if not everyone and sentence > 0 and not any(d.sentence == sentence - 1 for d in drafts):
                # «Встреча прошла на полях …» after «A и B рассмотрели …» (not after an encounter
                # already reported, whose place it gives)
                everyone = list(dict.fromkeys(
                    ctx.person_of[i] for i, m in ctx.in_sentence(sentence - 1)
                    if _subject_position(an, m, sentence - 1)))
                if len(everyone) < 2:
                    everyone = []
            if len(everyone) == 1 and _LED.fullmatch(an.tokens[trigger].text.lower()):
                host = _host_of_delegation(ctx, sentence)
                if host is not None and host not in everyone:
                    everyone = [host] + everyone
            if len(everyone) == 1:  # «Состоялась встреча с B»: the release's protagonist met B
                mention = _mention_for(ctx, everyone[0], sentence)
                if mention.case == "Ins":
                    protagonist = _protagonist(ctx, {everyone[0].index})
                    everyone = ([protagonist] if protagonist else []) + everyone
            subjects, object_people = everyone[:1], everyone[1:]
            end = s_stop
        _add(ctx, drafts, partial, sentence, trigger, kind, plural, verb, subjects, object_people, end)


def _host_of_delegation(ctx: Context, sentence: int) -> Person | None:
    """«Делегацию приняла A. Делегацию возглавил B»: the one person named in the sentence before,
    which reports the reception of a delegation or a group."""
    if sentence == 0:
        return None
    an = ctx.an
    previous = an.text[an.sentences[sentence - 1].start:an.sentences[sentence - 1].stop].lower()
    if not re.search(r"\b(приня\w+|встрети\w+|провел\w* встречу)\b", previous) or not re.search(
            r"делегаци|парламентари|депутат|законодател|сенатор|конгрессмен|гост", previous):
        return None
    people = list(dict.fromkeys(ctx.person_of[i] for i, _ in ctx.in_sentence(sentence - 1)))
    return people[0] if len(people) == 1 else None


def _reference_meetings(ctx: Context, sentence: int, drafts: list[Draft], partial: list) -> None:
    """«в ходе встречи с B», «в телефонном разговоре с B»: the subject of the sentence (or the
    release's protagonist) met B."""
    an = ctx.an
    s_first, s_stop = an.sentences[sentence].tokens
    text = an.text[an.sentences[sentence].start:an.sentences[sentence].stop]
    for match in _REFERENCE.finditer(text):
        if _future(ctx, sentence, an.sentences[sentence].start + match.start()):
            continue  # «Ван И примет участие в переговорах с …»: planned, not held
        offset = an.sentences[sentence].start + match.end()
        trigger = next((i for i in range(s_first, s_stop) if an.tokens[i].start >= offset), s_stop)
        objects = [p for p, _ in _objects(ctx, sentence, trigger - 1)]
        subjects = [p for p in _clause_subjects(ctx, sentence, trigger) if p not in objects]
        if not subjects:
            subjects = [p for i, m in ctx.in_sentence(sentence) if (p := ctx.person_of[i]) not in objects
                        and m.case in (None, "Nom")][:1]
        if objects and not subjects:
            subject = _protagonist(ctx, {p.index for p in objects})
            subjects = [subject] if subject else []
        noun, adjective = match.group(3).lower(), (match.group(2) or "").lower()
        kind = ("phone_call" if adjective.startswith("телефон") or noun.startswith("разговор")
                else "talks" if noun.startswith("переговор")
                else "consultations" if noun.startswith("консультац") else "meeting")
        kind = _kind_from([w.lower() for w in text.split()], kind)
        _add(ctx, drafts, partial, sentence, trigger, kind, False, False, subjects, objects[:1], trigger + 1)


def _between_meetings(ctx: Context, sentence: int, drafts: list[Draft], partial: list) -> None:
    """«переговоров между A и B» (often an earlier encounter mentioned in passing)."""
    an = ctx.an
    s_first, s_stop = an.sentences[sentence].tokens
    text = an.text[an.sentences[sentence].start:an.sentences[sentence].stop]
    for match in _BETWEEN.finditer(text):
        offset = an.sentences[sentence].start + match.end()
        trigger = next((i for i in range(s_first, s_stop) if an.tokens[i].start >= offset), s_stop)
        objects = [p for p, _ in _objects(ctx, sentence, trigger - 1)]
        kind = "talks" if match.group(1).lower().startswith("переговор") else "meeting"
        if len(objects) >= 2:
            _add(ctx, drafts, partial, sentence, trigger, kind, False, False, objects[:1], objects[1:2], trigger + 1)


def _share_list_attributes(objects: list[Person]) -> None:
    """Counterparts listed together without a state of their own share the state or international
    body of a listed neighbour («с председателем … США Брайаном Мастом и сенатором Стивом Дэйнсом»)."""
    for k, person in enumerate(objects):
        if person.country or person.international or person.organization:
            continue
        neighbours = objects[k - 1::-1] if k else []
        neighbours += objects[k + 1:]
        for other in neighbours:
            if other.international:
                person.international = True
                person.organization = other.organization
                break
            if other.country:
                person.country = other.country
                break


_FUTURE_WORDS = re.compile(r"\b(планиру\w+|запланирован\w*|предстоящ\w+|намечен\w*|будет|будут|ожидается)\b", re.I)


def _future(ctx: Context, sentence: int, before: int) -> bool:
    """The clause before `before` announces an encounter to come (a finite verb in the future,
    «планируется» …)."""
    an = ctx.an
    first, stop = an.sentences[sentence].tokens
    if any(t.feats.get("Tense") == "Fut" and t.feats.get("VerbForm") == "Fin"
           for t in an.tokens[first:stop] if t.start < before):
        return True
    return bool(_FUTURE_WORDS.search(an.text[an.sentences[sentence].start:before]))


def _add(ctx, drafts, partial, sentence, trigger, kind, plural, verb, subjects, objects, end) -> None:
    subjects = [p for p in dict.fromkeys(subjects) if not p.weak]
    objects = [p for p in dict.fromkeys(objects) if p not in subjects and not p.weak]
    if len(objects) > 1:
        _share_list_attributes(objects)
    place = _place_for(ctx, sentence, kind, trigger)
    if not objects and len(subjects) >= 2:
        groups = [subjects]
    elif plural:
        groups = [subjects[:1] + [o] for o in objects] if subjects else []
    else:
        groups = [subjects + objects]
    named = [p for g in groups for p in g] or subjects
    if len(named) == 1 and place:
        partial.append((named[0], place))
    date = _date_for(ctx, sentence, end)
    for group in groups:
        if len(group) < 2:
            if group and place:
                partial.append((group[0], place))
            continue
        key = frozenset(p.index for p in group)
        existing = next((d for d in drafts if frozenset(p.index for p in d.people) == key), None)
        if existing is not None:
            if verb and not existing.verb:
                existing.kind, existing.verb = kind, True
            existing.place = places.merge(existing.place, place) if existing.kind not in ("phone_call", "video_call") else None
            existing.date = existing.date or date
            continue
        draft = Draft(kind, group, sentence, verb, place, date)
        draft.mentions = {p.index: _mention_for(ctx, p, sentence) for p in group}
        drafts.append(draft)


_ALSO_TOOK_PART = re.compile(
    r"\b(в|во)\s+(переговорах|встрече|беседе|консультациях|заседании)\s+(также\s+)?(принял|приняла|приняли)\s+участие",
    re.I,
)


def _add_co_participants(ctx: Context, drafts: list[Draft]) -> None:
    """«В переговорах также приняли участие A и B»: they join the encounter just reported."""
    an = ctx.an
    for sentence in range(len(an.sentences)):
        text = an.text[an.sentences[sentence].start:an.sentences[sentence].stop]
        if not _ALSO_TOOK_PART.search(text):
            continue
        earlier = [d for d in drafts if d.sentence < sentence]
        if not earlier:
            continue
        draft = earlier[-1]
        for i, m in ctx.in_sentence(sentence):
            person = ctx.person_of[i]
            if person not in draft.people and not person.weak:
                draft.people.append(person)
                draft.mentions[person.index] = m


_THEIR_MEETING = re.compile(
    r"\b(?:в ходе|во время|на|по итогам|в рамках|с|со времени|после)\s+(?:их|своей|своих)\s+"
    r"(?:(?:прошлой|предыдущей|последней|прошлогодней|первой|прошлых|предыдущих)\s+)?"
    r"(встречи|встрече|встреч|переговоров|переговорах|беседы|беседе|телефонного разговора)\b", re.I)


def _recalled_meetings(ctx: Context, drafts: list[Draft]) -> None:
    """«вернулись к договоренностям, достигнутым в ходе их встречи в Лиссабоне в мае»: the people of
    the encounter just reported met before, at another place or on another day."""
    an = ctx.an
    for sentence in range(len(an.sentences)):
        s = an.sentences[sentence]
        text = an.text[s.start:s.stop]
        for match in _THEIR_MEETING.finditer(text):
            earlier = [d for d in drafts if d.sentence <= sentence and not d.recalled]
            if not earlier or _future(ctx, sentence, s.start + match.start()):
                continue
            base = earlier[-1]
            first, stop = s.tokens
            begin = next((i for i in range(first, stop) if an.tokens[i].start >= s.start + match.end()), stop)
            end = next((i for i in range(begin, stop) if an.tokens[i].text in (",", ";", "«")
                        or an.tokens[i].lemma == "который"), stop)
            found = places.places_in(an, begin, end, ctx.role_tokens(sentence))
            place = None
            for candidate in found:
                place = places.merge(place, candidate)
            clause = an.text[an.tokens[begin].start:an.tokens[end - 1].stop] if end > begin else ""
            date = next((p.date for p in find_dates(clause, ctx.release, past=True)
                         if p.date and p.date != ctx.release), None)
            months = bool(re.search(r"\b(в|во)\s+(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|"
                                    r"октябре|ноябре|декабре|\d{4}\s+году|прошлом году)\b", clause, re.I))
            same_place = base.place is not None and place is not None and (base.place.city, base.place.country) == (
                place.city, place.country)
            if not (place and not same_place) and date is None and not months:
                continue  # nothing sets it apart from the encounter just reported
            noun = match.group(1).lower()
            kind = ("talks" if noun.startswith("переговор") else "phone_call" if "разговор" in noun
                    else "meeting")
            draft = Draft(kind, list(base.people), sentence, False, None if kind == "phone_call" else place, date)
            draft.mentions = dict(base.mentions)
            draft.recalled = True
            drafts.append(draft)


_SAME_DAY = re.compile(r"\b(в тот же день|в этот же день|в тот день|затем|после этого|в продолжение визита)\b", re.I)


def _fill_places(ctx: Context, drafts: list[Draft], partial) -> None:
    an = ctx.an
    visits = []
    for sentence in range(len(an.sentences)):
        found = places.visit_places(an, sentence, ctx.role_tokens(sentence))
        if found:
            people = {ctx.person_of[i].index for i, _ in ctx.in_sentence(sentence)}
            visits.append((people, found[0]))
    for draft in drafts:
        if draft.kind in ("phone_call", "video_call"):
            draft.place = None
            continue
        indices = {p.index for p in draft.people}
        for person, place in partial:
            if person.index in indices and (not draft.place or draft.place.city is None):
                draft.place = places.merge(draft.place, place) if draft.place else place
        if not draft.place and draft.date is None and _SAME_DAY.search(
                an.text[an.sentences[draft.sentence].start:an.sentences[draft.sentence].stop]):
            # «В тот же день A провел консультации с B»: where A's previous encounter took place
            for previous in reversed([d for d in drafts if d.sentence < draft.sentence]):
                if previous.place and indices & {p.index for p in previous.people}:
                    draft.place = previous.place
                    break
        if draft.date is None:  # a visit describes the current encounter, not earlier ones
            for people, place in visits:
                if (not people or people & indices) and (not draft.place or draft.place.city is None):
                    draft.place = places.merge(draft.place, place) if draft.place else place


def to_facts(ctx: Context, drafts: list[Draft]) -> list[MeetingFact]:
    an = ctx.an
    facts = []
    for draft in drafts:
        sentence = an.sentences[draft.sentence]
        fact = MeetingFact(
            kind=draft.kind,
            date=draft.date,
            city=draft.place.city if draft.place else None,
            country=draft.place.country if draft.place else None,
            evidence=an.text[sentence.start:sentence.stop],
            char_start=sentence.start,
            char_end=sentence.stop,
        )
        for person in sorted(draft.people, key=lambda p: draft.mentions[p.index].start):
            others = [p for p in draft.people if p is not person]
            fact.participants.append(_participant(ctx, person, others, draft, draft.mentions[person.index]))
        facts.append(fact)
    return facts


def _participant(ctx: Context, person: Person, others: list[Person], draft: Draft, mention: Mention) -> ParticipantFact:
    role, organization, country = person.role, person.organization, person.country
    colleague = any(m.role == "коллега" for m in person.mentions)
    if colleague and not role:
        for other in others:
            if other.role and "министр" in other.role:
                role = other.role
    if country is None and not person.international:
        country = _default_country(ctx, person, others, draft)
    if organization is None and role and country:
        short = gazetteers.country_short(country)
        if short and re.search(r"министр[а-я]* иностранных дел|\bмид\b", role):
            organization = f"МИД {short}"
        elif short and "сенат" in role:
            organization = f"Сенат {short}"
    return ParticipantFact(
        name=person.name,
        role=role,
        organization=organization,
        country=country,
        mention=mention.surface,
        char_start=mention.start,
        char_end=mention.stop,
    )


def _default_country(ctx: Context, person: Person, others: list[Person], draft: Draft) -> str | None:
    """The state of a person introduced without one."""
    other_countries = {o.country for o in others if o.country}
    # a counterpart listed next to someone with a country shares it («… США Брайаном Мастом и сенатором …»)
    if HOME_COUNTRY not in other_countries:
        return HOME_COUNTRY
    if draft.place and draft.place.country and draft.place.country != HOME_COUNTRY:
        return draft.place.country
    for other in others:  # «Посол Казахстана в Бельгии» meets someone of Belgium
        for m in other.mentions:
            if m.role_first is not None:
                for c_first, _, code in countries_in(ctx.an, m.role_first, m.first):
                    before = ctx.an.tokens[c_first - 1] if c_first > m.role_first else None
                    if before is not None and before.text.lower() in ("в", "при") and code != HOME_COUNTRY:
                        return code
    return _dominant_foreign_country(ctx)


def _dominant_foreign_country(ctx: Context) -> str | None:
    """The foreign state a release names most often (its counterpart country)."""
    counts: dict[str, int] = {}
    names = {i for m in ctx.mentions for i in range(m.first, m.last)}  # «Дания Еспаева» is a name
    for code in [c for first, _, c in countries_in(ctx.an, 0, len(ctx.an.tokens)) if first not in names] + [
            p.country for p in ctx.people if p.country]:
        if code != HOME_COUNTRY:
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda c: (counts[c], c)) if counts else None
