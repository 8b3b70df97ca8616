"""Commitments: forward-looking undertakings stated in a release.

Each formula is a trigger phrase; the evidence runs from the trigger to the end of its clause
(the sentence end, «;», a quote attribution «…, – сказал», or the next trigger). Courtesy phrases
(«отметили важность», «поблагодарил за поддержку», «приверженность») are not triggers.

- agreement: «договорились», «достигнута договоренность», «наметили планы»
- invitation: «пригласил … посетить», «получил предложение/приглашение»; «по приглашению» only
  for a visit still to come
- planned_event: «предстоящий визит», «запланирован», «состоится», future forms of meeting and
  visiting verbs («встретится», «посетит», «примет участие», «проведет переговоры»)
- signed_document: «подписали», «были подписаны», and each further document in the same list
- support: «выразил поддержку», «поддерживает», «оказывать поддержку»
- intent: «ведется работа», «намерены», «готов + infinitive», «будет + infinitive», «продолжит»,
  «планы … по», «проводимая работа»
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mfa_releases.extract.base import CommitmentFact
from mfa_releases.extract.ru.dates_ru import find_dates
from mfa_releases.extract.ru.roles import ROLE_HEADS, countries_in

_FLAGS = re.I
_DOCUMENT = r"(программ|протокол|меморандум|соглашени|договор|план\b|плана?\s|деклараци|заявлени|дорожн|конвенци|контракт|устав)"
_TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("agreement", re.compile(r"\b(договорил(ись|ся|ась)|достигнут[аоы]?\s+договор[её]нност\w*|достигли договор[её]нност\w*|"
                             r"договор[её]нност\w+\s+(был[аои]?\s+)?достигнут\w*|наметили|условились|согласовали|"
                             r"приняли решение|было решено|решено)", _FLAGS)),
    ("invitation", re.compile(r"\b(пригласил\w*|получил\w* (предложение|приглашение)|передал\w* приглашение|"
                              r"подтвердил\w* приглашение|направил\w* приглашение|"
                              # an accepted invitation to a visit still to come (not one this event fulfils)
                              r"принял\w* приглашение\s+(?=посетить))", _FLAGS)),
    ("invitation_future", re.compile(r"\bпо приглашению\b", _FLAGS)),
    ("signed_document", re.compile(r"\b(подписали|подписал|подписала|(был|была|было|были)\s+подписан[аоы]?|"
                                   r"подписаны|подписано|подписана|подписан|состоял\w* подписание|"
                                   r"состоялась церемония подписания|"
                                   r"обменялись\s+(?:[а-яё]+\s+){0,2}(?:документ|соглашени|меморандум|пакет)\w*)\b", _FLAGS)),
    ("support", re.compile(r"\b((выразил|подтвердил|гарантировал)\w* (свою |полную |всестороннюю |твердую |взаимную )?поддержку|"
                           r"ока[зж]\w* (всестороннюю |полную |необходимую )?поддержку|"
                           r"заявил\w* о (своей |полной )?поддержке|выступ\w+ в поддержку|"
                           r"поддерживает|поддерживают|поддержал\w*|поддержит|поддержат)\b", _FLAGS)),
    ("planned_event", re.compile(r"\b(предстоящ\w+|запланирован\w*(?!\s+[а-яё]+ть(ся)?\b)|"
                                 r"планируется(?!,? что)(?!\s+(обсудить|рассмотреть|обменяться|затронуть|обсуждение|рассмотрение))|"
                                 r"состоится|состоятся|встрет(ит|ят)ся|посет(ит|ят)|прим(ет|ут) участие|"
                                 r"провед(ет|ут)|прибуд(ет|ут)|пройд(ет|ут)|соверш(ит|ат)|предусматрива(ет|ют)|"
                                 r"ожидается\s+(?=подписание|проведение|прибытие|визит)|планируем(ый|ого|ому|ом|ая|ой|ую|ое|ые|ых|ым)|предусмотрен\w*|объявлен\w* годом|"
                                 r"ожидается визит|намечен\w*|в преддверии|готовит(ся)? к(?! подписанию)|готовятся к)\b", _FLAGS)),
    # «включая проведение бизнес-форума в Амстердаме в июне», «подготовку визита … в 2027 году»: an event
    # named by a noun is planned when a later month or year dates it (checked in _hits)
    ("planned_noun", re.compile(r"\b(проведени[еяию]|визит[аеу]?)\s+(?=[^.;,]{0,90}?\b(?:в|во)\s+(?:январе|феврале|"
                                r"марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|\d{4}\s+году|"
                                r"следующем\s+году|будущем\s+году)\b)", _FLAGS)),
    ("intent", re.compile(r"\b(вед[её]тся работа|работа вед[её]тся|проводится работа|проводим\w+ работ\w*|"
                          r"(проводятся|ведутся|проводится|вед[её]тся)\s+(\w+\s+)?(консультации|переговоры|работа|подготовка)|"
                          r"намерен\w*|намерени\w+|планиру(ет|ют)\s+[а-яё]+(ть|ти)\b|готовност[ьи]\s+(?:[а-яё]+\s+){0,3}?[а-яё]+(ть|ться|ти)\b|готов(ы|а)?(?:\s+[^\s.;,]+){0,8}?\s+[а-яё]+(ть|ться|ти)\b|"
                          r"будет\s+(?!\w+ся\b)[а-яё]+(ть)\b|будут\s+(?!\w+ся\b)[а-яё]+(ть)\b|"
                          r"продолжит|продолжат|подпишут|подпишет|обязал\w*с[ья]|обязуется|обязуются|"
                          r"будет продолжен\w*|будут продолжены|готов(ят|ит)\b(?! к\b)|готов(ят|ит) к подписанию|готовящ\w+|"
                          r"о план(ах|е)\s+[а-яё]+ть|(рассматрива|изуча|прорабатыва)(ет|ют)\s+возможность|"
                          r"прилож(ит|ат|им)\s+(все\s+|максимум\s+)?усили\w+|"
                          r"план(ы|ами|ах)\s+(нашей|\w+ой)?\s*\w*\s*по|планами)\b", _FLAGS)),
]
# readiness to go on with relations in general is courtesy; readiness to do a named thing is an intent
_COURTESY_READINESS = re.compile(
    r"готовност[ьи]\s+(?:к\s+)?(?:[а-яё]+\s+){0,2}?(продолж\w+|развива\w+|развит\w+|укрепл\w+|углубл\w+|расширя\w+|"
    r"расширени\w+|наращива\w+)\s+(?:[а-яё]+\s+){0,2}?(взаимодейств|сотрудничеств|отношени|диалог|связ|партнерств|контакт)",
    _FLAGS)
_LIST_OF_DOCUMENTS = re.compile(r",?\s+(?:а также|и)\s+(?=(?:[а-яё]+\s+){0,2}" + _DOCUMENT + ")", _FLAGS)
_GENERIC_SIGNED = re.compile(r"\b(документ|документы|он|она|они)\s+$", _FLAGS)
_COURTESY = re.compile(r"(благодар\w*|признательн\w*)[^.]{0,80}$", _FLAGS)
_SUPPORT_COURTESY = re.compile(r"\b(за|в)\s+$|отметил\w*[^.]{0,40}$", _FLAGS)
_CLAUSE_END = re.compile(r";|\.\s|[»\"”],?\s*[–—-]\s|,\s*[–—-]\s|,\s+(сказал|заявил|отметил|сообщил|написал|"
                         r"подчеркнул)\w*|,\s+а также\s+|\s+[–—]\s+(сказал|заявил|отметил|сообщил)", _FLAGS)
_GROUP_SUBJECT = re.compile(r"\b(стороны|собеседники|лидеры|президенты|министры|главы|страны|государства|"
                            r"спикеры|председатели|руководители|делегации|парламентарии|"
                            r"они|мы|обе стороны)\b", _FLAGS)
_DUE_KINDS = {"planned_event", "intent", "agreement", "invitation"}


@dataclass
class Hit:
    kind: str
    start: int  # char offsets
    stop: int
    sentence: int
    title: bool = False  # stated in a title line: kept only when the body does not restate it
    trigger: int = -1  # char offset of the trigger word (the evidence may start at its subject)

    @property
    def anchor(self) -> int:
        return self.trigger if self.trigger >= 0 else self.start


def _hits(ctx) -> list[Hit]:
    an = ctx.an
    hits: list[Hit] = []
    for index, sentence in enumerate(an.sentences):
        title = _is_headline(an, index)
        text = an.text[sentence.start:sentence.stop]
        found = []
        for kind, pattern in _TRIGGERS:
            for match in pattern.finditer(text):
                before = text[:match.start()]
                if kind == "support" and (_COURTESY.search(before) or (
                        "поддержк" in match.group(0).lower() and _SUPPORT_COURTESY.search(before))):
                    continue  # «поблагодарил за поддержку», «отметил поддержку Индии»
                if kind == "intent" and _COURTESY_READINESS.match(text, match.start()):
                    continue  # «выразили готовность продолжить взаимодействие»: courtesy (ANNOTATION.md)
                if kind == "intent" and re.search(r"\b(котор\w+)\s+$", before, _FLAGS) and \
                        match.group(0).lower().startswith("буд"):
                    continue  # «документы, которые будут направлять …» describe, not commit
                if kind == "planned_event" and match.group(0).lower().startswith("соверш") and \
                        not find_dates(text, ctx.release):
                    continue  # «совершит визит» undated is a headline's restatement; dated, an announcement
                if kind == "signed_document" and _GENERIC_SIGNED.search(before):
                    continue  # «документ был подписан»: restates a document named elsewhere
                if kind == "signed_document" and _signed_earlier(text, ctx.release):
                    continue  # «Напомним, в 2019 году стороны подписали …»: not during this event
                if kind == "planned_noun":
                    if re.search(r"\b(в ходе|во время|в рамках|по итогам|после)\s+(\w+\s+)?$", before, _FLAGS):
                        continue  # «в ходе визита …»: the visit being reported
                    if re.search(r"\b(прав\w*|заявк\w*|кандидатур\w*|борьб\w*|претенду\w*)\s+на\s+$", before, _FLAGS):
                        continue  # «право на проведение Олимпийских игр в 2022 году»: a bid, not a plan
                    window = text[match.start():match.start() + 140]
                    window = re.split(r"[;,]|\.\s", window)[0]
                    later = [p for p in find_dates(window, ctx.release)
                             if (p.year, p.month or 0) > (ctx.release.year, ctx.release.month if p.month else 12)]
                    if not later:
                        continue
                    kind = "planned_event"
                if kind == "invitation_future":
                    if not re.search(r"\b(посетит|прибудет|состоится|будет|планируется)", text, _FLAGS):
                        continue
                    kind_ = "invitation"
                else:
                    kind_ = kind
                found.append((match.start(), match.end(), kind_))
        found.sort()
        # a noun event right after another trigger is that trigger's object («договорились о проведении …»)
        found = [f for f in found if not (f[2] == "planned_event" and re.match(r"(проведени|визит)", text[f[0]:f[1]], _FLAGS)
                                          and any(o[0] < f[0] and f[0] - o[1] <= 60 for o in found if o is not f))]
        # one trigger per position; the evidence of a trigger ends where the next one starts
        merged = []
        for start, end, kind in found:
            if merged and start < merged[-1][1]:
                continue
            if merged and kind == "planned_event" and merged[-1][2] in ("planned_event", "invitation", "agreement") and \
                    _SAME_EVENT.fullmatch(text[merged[-1][1]:start]) and (
                        re.search(r"котор\w+\s*$", text[merged[-1][1]:start])
                        or re.match(r"(запланирован|намечен|предусмотрен)", text[start:end], _FLAGS)):
                continue  # «предстоящему заседанию …, запланированному на ноябрь»: one event, one evidence
            merged.append((start, end, kind))
        for k, (start, end, kind) in enumerate(merged):
            limit = merged[k + 1][0] if k + 1 < len(merged) else len(text)
            clause_end = _CLAUSE_END.search(text, end)
            if kind == "signed_document":
                clause_end = re.compile(r";|\.\s|,\s*[–—-]\s").search(text, end)
            stop = min(limit, clause_end.start() if clause_end else len(text))
            span_text = re.sub(r"(\s+(и|а|но|а также))+\s*$", "", text[start:stop].rstrip(" ,.;:–—-«\"")).rstrip(" ,")
            if len(span_text) < 8:
                continue
            one_word = kind == "planned_event" and len(span_text.split()) < 2 and not re.search(r"котор\w+\s*$", text[:start])
            clause_start = _clause_start(text, start, kind)
            if one_word:
                # «Визит министра Японии состоится по приглашению …»: the event is the subject before
                clause_start = _noun_phrase_start(an, sentence.start, sentence.start + start) - sentence.start
                if clause_start >= start:
                    continue  # the trigger alone names no event
            relative = re.search(r",\s*(которое|который|которая|которые)\s+$", text[:start], _FLAGS)
            if relative and kind == "planned_event":
                clause_start = _noun_phrase_start(an, sentence.start, sentence.start + relative.start()) - sentence.start
            parts = [(clause_start, start + len(span_text))]
            if kind == "planned_event" and match_text(text, start, end).startswith("в преддверии"):
                parts, cursor = [], clause_start
                for split in _LIST_OF_EVENTS.finditer(text, end, start + len(span_text)):
                    parts.append((cursor, split.start()))
                    cursor = split.end()
                parts.append((cursor, start + len(span_text)))
            if kind == "signed_document":  # «подписаны Меморандум …, а также Программа …»: one per document
                parts = []
                cursor = clause_start
                for split in _LIST_OF_DOCUMENTS.finditer(text, end, start + len(span_text)):
                    parts.append((cursor, split.start()))

                    cursor = split.end()
                parts.append((cursor, start + len(span_text)))
            for part_start, part_stop in parts:
                hits.append(Hit(kind, sentence.start + part_start, sentence.start + part_stop, index, title,
                                sentence.start + max(start, part_start)))
    return hits


# a second planned-event word inside the noun phrase the first one opened (a participle or relative clause)
_SAME_EVENT = re.compile(r"[^.;,]{0,120},\s*(которое|который|которая|которые)?\s*", _FLAGS)
_LIST_OF_EVENTS = re.compile(r"\s+и\s+(?=[А-ЯЁ]|(?:[а-яё]+\s+){0,2}(саммит|заседани|форум|конференци|сесси|визит))")


def match_text(text: str, start: int, end: int) -> str:
    return text[start:end].lower()


def _noun_phrase_start(an, sentence_start: int, stop: int) -> int:
    """Start of the noun phrase a relative clause refers to («заседания Совета …, которое
    состоится …»): back to the nearest preposition, verb or punctuation."""
    tokens = [t for t in an.tokens if sentence_start <= t.start and t.stop <= stop]
    start = stop
    for token in reversed(tokens[-14:]):
        if token.pos in ("ADP", "VERB", "AUX") or (
                token.pos == "PUNCT" and token.text not in ("-", "–", "—", "«", "»", '"', "“", "”")):
            break
        start = token.start
    return start


_EARLIER = re.compile(r"\b(напомним|ранее|в прошлом году|в свое время|в своё время|в \d{4} году)\b", _FLAGS)


def _signed_earlier(text: str, release) -> bool:
    match = _EARLIER.search(text)
    if not match:
        return False
    year = re.search(r"\d{4}", match.group(0))
    return year is None or int(year.group(0)) < release.year


def _is_headline(an, index: int) -> bool:
    """A title or subtitle: a one-sentence paragraph without final punctuation (it restates the
    body, where the commitment is annotated)."""
    sentence = an.sentences[index]
    if len(an.sentences) < 2:
        return False
    if any(s.paragraph == sentence.paragraph for s in an.sentences[index + 1:index + 2] + an.sentences[max(0, index - 1):index]):
        return False
    text = an.text[sentence.start:sentence.stop].rstrip()
    return not text.endswith((".", "!", "?", "…", "»", '"')) and len(text) < 200


def _clause_start(text: str, trigger: int, kind: str) -> int:
    """Evidence starts at the trigger; the subject is included when it directly precedes it in the
    same clause («Ермек Кошербаев пригласил …»)."""
    if kind in ("invitation", "signed_document"):
        head = text[:trigger]
        cut = max(head.rfind(","), head.rfind("–"), head.rfind("—"), head.rfind(":"), head.rfind("«"))
        start = cut + 1 if cut >= 0 else 0
        candidate = text[start:trigger].strip()
        if candidate and len(candidate) <= 60 and candidate[:1].isupper():
            return start + (len(text[start:trigger]) - len(text[start:trigger].lstrip()))
    return trigger


def _tokens_between(an, start: int, stop: int) -> tuple[int, int]:
    first = next((i for i, t in enumerate(an.tokens) if t.start >= start), len(an.tokens))
    last = first
    while last < len(an.tokens) and an.tokens[last].stop <= stop:
        last += 1
    return first, last


_CLAUSE_BOUNDARY = re.compile(r";|«|\.\s|,\s+что\s|:\s", _FLAGS)
_PRONOUN = re.compile(r"\b(он|она)\b", _FLAGS)


def _subject_countries(ctx, sentence_index: int, first_token: int, stop_token: int) -> list[str]:
    """States of the subject of a clause: people named in the nominative, a role («Глава
    государства» → the person holding it), or a state («Китай готов …»). The subject is looked for
    right before the trigger (after the last finite verb: «как сообщила пресс-служба, A пригласил»),
    then at the start of the clause («Глава государства поздравил … и пригласил …»)."""
    an = ctx.an
    finite = [i for i in range(first_token, stop_token - 1)
              if an.tokens[i].pos in ("VERB", "AUX") and an.tokens[i].feats.get("VerbForm") == "Fin"]
    zones = [(finite[-1] + 1 if finite else first_token, stop_token)]
    if finite:
        zones.append((first_token, finite[0]))

    for z_first, z_stop in zones:
        actors: list[str] = []
        for i, m in ctx.in_sentence(sentence_index):
            opening = m.first == z_first or (m.first > 0 and an.tokens[m.first - 1].pos == "PUNCT")
            if z_first <= m.first < z_stop and (
                    m.case in (None, "Nom") or (opening and (m.initials or m.case not in ("Ins", "Dat")))):
                country = ctx.person_of[i].country
                if country and country not in actors:
                    actors.append(country)
        if actors:
            return actors
    for z_first, z_stop in zones[::-1]:
        heads = [i for i in range(z_first, z_stop) if an.tokens[i].lemma in ROLE_HEADS
                 and an.tokens[i].case in (None, "Nom")]
        if heads:
            from mfa_releases.extract.ru.meetings import _role_subject

            person = _role_subject(ctx, sentence_index, heads[-1] + 2, set())
            named = [c for c_first, _, c in countries_in(an, z_first, z_stop)]
            if person is not None and person.country and (not named or person.country in named):
                return [person.country]
    for z_first, z_stop in zones:
        actors = []
        for c_first, _, code in countries_in(an, z_first, z_stop):
            token = an.tokens[c_first]
            before = an.tokens[c_first - 1].pos if c_first > z_first else ""
            # «Панамская сторона»: the tagger may read a rare country adjective as a proper noun
            adjective = token.pos == "ADJ" or re.search(r"(ск|цк)(ая|ий|ой|ое|ие)$", token.text.lower())
            if (token.case in (None, "Nom") or adjective) and before != "ADP" and code not in actors:
                actors.append(code)
        if actors:
            return actors
    return []


def _previous_subject(ctx, sentence_index: int) -> list[str]:
    for index in range(sentence_index - 1, max(-1, sentence_index - 3), -1):
        for i, m in ctx.in_sentence(index):
            if m.case in (None, "Nom") and ctx.person_of[i].country:
                return [ctx.person_of[i].country]
    return []


_VISIT_PROGRAMME = re.compile(r"\bпрограмм\w*\s+(?:\w+\s+){0,2}?(визита|пребывания|поездки)\b[^.;]{0,40}$", _FLAGS)


def _actors(ctx, hit: Hit, meeting_countries: list[str]) -> list[str]:
    """The states that commit: the clause's subject (a person, a state, «стороны»), a pronoun's
    antecedent, the people of a planned event, else the meeting's states."""
    actors = _actors_of_clause(ctx, hit, meeting_countries)
    an = ctx.an
    sentence = an.sentences[hit.sentence]
    if hit.kind == "planned_event" and _VISIT_PROGRAMME.search(an.text[sentence.start:hit.anchor]):
        # «Программа визита предусматривает переговоры с …»: both the visitors and their hosts
        extra = list(meeting_countries)
        for index in (hit.sentence - 1, hit.sentence - 2):
            if index >= 0 and not extra:
                extra = [ctx.person_of[i].country for i, _ in ctx.in_sentence(index) if ctx.person_of[i].country]
        t_first, t_last = _tokens_between(an, hit.anchor, hit.stop)
        extra += [code for _, _, code in countries_in(an, t_first, t_last)]
        actors = list(dict.fromkeys(actors + [c for c in extra if c]))
    return actors


def _actors_of_clause(ctx, hit: Hit, meeting_countries: list[str]) -> list[str]:
    an = ctx.an
    sentence = an.sentences[hit.sentence]
    t_first, t_last = _tokens_between(an, hit.anchor, hit.stop)
    before = an.text[sentence.start:hit.anchor]
    boundaries = list(_CLAUSE_BOUNDARY.finditer(before))
    clause_offset = boundaries[-1].end() if boundaries else 0
    clause_first, _ = _tokens_between(an, sentence.start + clause_offset, hit.anchor)
    host = re.search(r"\bпо приглашению\s+", an.text[hit.start:hit.stop], _FLAGS)
    if hit.kind == "invitation" and host:
        # «Визит состоится по приглашению A»: the inviter is named after the formula
        after = hit.start + host.end()
        inviters = [ctx.person_of[i].country for i, m in ctx.in_sentence(hit.sentence)
                    if after <= m.start < hit.stop and ctx.person_of[i].country]
        h_first, h_last = _tokens_between(an, after, hit.stop)
        inviters += [code for _, _, code in countries_in(an, h_first, min(h_last, h_first + 4))]
        if inviters:
            return list(dict.fromkeys(inviters[:1]))
    evidence = an.text[hit.start:hit.stop]
    if hit.kind == "planned_event" and _JOINT.search(evidence) and len(meeting_countries) >= 2:
        return meeting_countries[:]  # «заседание совместной рабочей группы»: both sides hold it
    if _BODY_SUBJECT.match(before[clause_offset:]) and (
            _international_subject(ctx, hit)
            or any(ctx.person_of[i].international for i, m in ctx.in_sentence(hit.sentence) if m.start < hit.anchor)):
        return []  # «Генеральный секретарь ОБСЕ сообщил, что Секретариат организации намерен …»
    if hit.kind == "invitation" and re.search(r"\bпринял\w* приглашение", evidence, _FLAGS):
        # «B приняла приглашение посетить Казахстан»: the invitation is the other side's
        guest = _subject_countries(ctx, hit.sentence, clause_first, t_first + 1)
        hosts = [c for c in meeting_countries if c not in guest]
        if guest and hosts:
            return hosts
    group = _GROUP_SUBJECT.search(before[clause_offset:]) or _GROUP_SUBJECT.search(before[-30:])
    if group and hit.kind in ("agreement", "signed_document") and meeting_countries:
        return meeting_countries[:]
    if hit.kind == "support" and meeting_countries and _GROUP_SUBJECT.search(before[clause_offset:]) and \
            re.match(r"\s*(стороны|собеседники|министры|лидеры|президенты|главы|обе стороны)\s", before[clause_offset:],
                     _FLAGS):
        return meeting_countries[:]  # «Министры выразили поддержку …»: both sides pledge
    if _international_role_subject(ctx, hit, clause_first, t_first):
        return []  # «Генеральный секретарь ООН … выразил поддержку»
    actors = _subject_countries(ctx, hit.sentence, clause_first, t_first + 1)
    if not actors and _PRONOUN.search(before):
        actors = _previous_subject(ctx, hit.sentence)
    if not actors and hit.kind == "planned_event":
        actors = _subject_countries(ctx, hit.sentence, t_first, t_last)
        for i, m in ctx.in_sentence(hit.sentence):
            if t_first <= m.first < t_last and ctx.person_of[i].country not in actors + [None]:
                actors.append(ctx.person_of[i].country)
        if not actors:
            for c_first, _, code in countries_in(an, t_first, t_last):
                prev = an.tokens[c_first - 1].text.lower() if c_first > 0 else ""
                if prev not in ("в", "во", "по") and code not in actors:
                    actors.append(code)
    elif hit.kind == "planned_event":
        for i, m in ctx.in_sentence(hit.sentence):
            if t_first <= m.first < t_last and ctx.person_of[i].country not in actors + [None]:
                actors.append(ctx.person_of[i].country)
    if not actors:
        actors = _subject_countries(ctx, hit.sentence, an.sentences[hit.sentence].tokens[0], t_first + 1)
    if not actors and _international_subject(ctx, hit, people_only=hit.kind == "planned_event"):
        # «Еврокомиссия намерена …»: an international body's commitment; a session of a body's
        # council is its member states' event, unless the body's official is the subject
        return []
    if not actors:
        # a passive clause's agent («ведомствами Казахстана и Китая проводятся …») or the states
        # the sentence names outside places («в Казахстане»)
        s_first = an.sentences[hit.sentence].tokens[0]
        for c_first, _, code in countries_in(an, s_first, t_last):
            prev = an.tokens[c_first - 1].text.lower() if c_first > s_first else ""
            if prev not in ("в", "во", "по", "на", "из") and code not in actors and an.tokens[c_first].pos != "ADJ":
                actors.append(code)
    if not actors and (group or hit.kind != "support"):
        actors = meeting_countries[:]
    if not actors and (hit.kind == "planned_event" or (hit.kind == "intent" and group)):
        # «По итогам переговоров планируется подписание …», «ожидается, что стороны подпишут …»:
        # the states of the people just named
        for index in (hit.sentence - 1, hit.sentence - 2):
            if index >= 0:
                for i, m in ctx.in_sentence(index):
                    country = ctx.person_of[i].country
                    if country and country not in actors:
                        actors.append(country)
        actors = sorted(actors, key=lambda c: c != "KZ") if len(actors) > 1 else actors
    if hit.kind == "planned_event" and actors and _GATHERING.search(evidence) and not _VISIT.search(evidence):
        # a session, a summit or talks to come are held by both sides of the encounter that plans
        # them («Президенты проведут переговоры …», «заседание Совета …, которое состоится …»);
        # a visit is the visitor's
        actors = list(dict.fromkeys(actors + meeting_countries))
    return actors


_GATHERING = re.compile(r"\b(заседани\w*|саммит\w*|переговор\w*|консультаци\w*|сесси[ия]\w*|подписани\w*)", _FLAGS)
_VISIT = re.compile(r"\bвизит\w*|посет(ит|ят)\b|прибуд(ет|ут)\b", _FLAGS)
_JOINT = re.compile(r"\b(совместн\w+|межправительственн\w+|двусторонн\w+|межпарламентск\w+|"
                    r"[а-яё]+ско-[а-яё]+ск\w+)", _FLAGS)
_BODY_SUBJECT = re.compile(r"\s*(Секретариат|Комиссия|Организация|Союз|Евросоюз|Еврокомиссия|Совет)\b")
def _meeting_for(ctx, drafts, hit: Hit) -> int | None:
    if not drafts:
        return None
    for sentence in (hit.sentence, hit.sentence - 1):
        if sentence < 0 or ctx.an.sentences[sentence].paragraph != ctx.an.sentences[hit.sentence].paragraph \
                and sentence != hit.sentence:
            continue
        people = {ctx.person_of[i].index for i, _ in ctx.in_sentence(sentence)}
        candidates = [k for k, d in enumerate(drafts) if people & {p.index for p in d.people}
                      and not getattr(d, "recalled", False)]
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            return None
        # «С исландским коллегой обсуждены …»: the one encounter with someone of the state named
        first, stop = ctx.an.sentences[sentence].tokens
        named = {code for _, _, code in countries_in(ctx.an, first, stop)}
        candidates = [k for k, d in enumerate(drafts)
                      if named & {p.country for p in d.people if p.country != "KZ"}]
        if len(candidates) == 1:
            return candidates[0]
    current = [k for k, d in enumerate(drafts) if not getattr(d, "recalled", False)]
    return current[0] if len(current) == 1 else None


_STATIVE = re.compile(r"^буд(?:ет|ут)\s+(означать|зависеть|носить|состоять|иметь|стоить|являться|находиться|составлять|"
                      r"жить|попадать|проходить|длиться|включать|действовать|работать|считаться|оставаться|"
                      r"происходить|продолжаться|называться|выглядеть|способствовать|содействовать|служить|"
                      r"отвечать|играть|отражать|позволять|открывать|определять|символизировать)\b", _FLAGS)


def _international_role_subject(ctx, hit: Hit, first: int, trigger: int) -> bool:
    """The clause's subject is a title alone that stands for an international official named in the
    release («Генеральный секретарь ООН высоко оценил … и выразил поддержку …»)."""
    an = ctx.an
    heads = [i for i in range(first, trigger) if an.tokens[i].lemma in ROLE_HEADS and an.tokens[i].case in (None, "Nom")
             and not any(m.role_first is not None and m.role_first <= i < m.last for _, m in ctx.in_sentence(hit.sentence))]
    if not heads or any(m.first < trigger and m.case in (None, "Nom") for _, m in ctx.in_sentence(hit.sentence)):
        return False
    from mfa_releases.extract.ru.meetings import _role_subject

    head = an.tokens[heads[0]]
    stop = heads[0] + 1
    while stop < trigger and an.tokens[stop].pos in ("NOUN", "PROPN", "ADJ"):
        stop += 1
    if countries_in(an, heads[0], stop):
        return False  # «Казахстанский дипломат»: a state's official
    officials = [p for p in ctx.people if p.international and p.role and head.lemma in p.role.split()]
    return len(officials) == 1


def _international_subject(ctx, hit: Hit, people_only: bool = False) -> bool:
    """The commitment is an international organization's («ЕС намерен …»): actors stay empty."""
    sentence = ctx.an.sentences[hit.sentence]
    for i, m in ctx.in_sentence(hit.sentence):
        if m.start < hit.anchor and m.case in (None, "Nom") and ctx.person_of[i].international:
            return True
    if people_only:
        return False
    from mfa_releases.extract.ru import gazetteers

    text = ctx.an.text[sentence.start:hit.anchor]
    return any(gazetteers.organization(word) for word in re.findall(r"[А-ЯЁA-Z]{2,}|[А-ЯЁ][а-яё]+", text))


def _people_in(ctx, hit: Hit) -> set[int]:
    """People named in the commitment's sentence up to the end of its evidence."""
    return {ctx.person_of[i].index for i, m in ctx.in_sentence(hit.sentence) if m.stop <= hit.stop}


def _dated(ctx, hit: Hit) -> bool:
    return bool(find_dates(ctx.an.text[hit.start:hit.stop], ctx.release))


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[а-яёa-z]{4,}", text.lower())}


def _future(phrases, release):
    """Dates that can time an undertaking: not wholly before the release («приглашение, переданное
    в ноябре 2024 года» does not date the visit it invites to)."""
    return [p for p in phrases if (p.year, p.month or 12) >= (release.year, release.month)]


def find_commitments(ctx, drafts) -> list[CommitmentFact]:
    """Commitments of a release, each once, in text order."""
    an = ctx.an
    hits = _hits(ctx)
    # the same undertaking stated twice (headline and body, lead and quote): keep the fuller one
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.title, h.start)):
        words = _words(an.text[hit.start:hit.stop])
        people = _people_in(ctx, hit)
        duplicate = None
        for k, other in enumerate(kept):
            if other.kind != hit.kind:
                continue
            other_words = _words(an.text[other.start:other.stop])
            smaller = min(len(words), len(other_words))
            if smaller and len(words & other_words) / smaller >= 0.5:
                duplicate = k
                break
            if hit.kind == "planned_event" and hit.sentence != other.sentence and len(people) >= 2 \
                    and people == _people_in(ctx, other):
                duplicate = k
                break
        if duplicate is None:
            kept.append(hit)
        elif not hit.title and _dated(ctx, hit) and not _dated(ctx, kept[duplicate]):
            kept[duplicate] = hit  # the statement that dates the commitment is the one to keep
    kept.sort(key=lambda h: h.start)
    facts = []
    for hit in kept:
        if hit.kind == "intent" and _STATIVE.search(an.text[hit.start:hit.stop][:40]):
            continue  # «будет означать», «будет зависеть»: a description, not an undertaking
        meeting = _meeting_for(ctx, drafts, hit)
        countries = []
        for draft in ([drafts[meeting]] if meeting is not None else drafts):
            for person in draft.people:
                if person.country and person.country not in countries:
                    countries.append(person.country)
        due = None
        if hit.kind in _DUE_KINDS:
            phrases = _future(find_dates(an.text[hit.start:hit.stop], ctx.release), ctx.release)
            if not phrases:
                sentence = an.sentences[hit.sentence]
                before = an.text[sentence.start:hit.start]
                phrases = _future(find_dates(before, ctx.release), ctx.release)[-1:]
            if phrases:
                due = phrases[0].due
        actors = _actors(ctx, hit, countries)
        if not actors and hit.kind in ("intent", "planned_event") and not _international_subject(ctx, hit):
            continue  # nobody identifiable undertakes it
        facts.append(
            CommitmentFact(
                kind=hit.kind,
                actors=actors,
                due=due,
                evidence=an.text[hit.start:hit.stop],
                char_start=hit.start,
                char_end=hit.stop,
                meeting=meeting,
            )
        )
    return facts
