"""Person mentions with their role apposition: «Министр иностранных дел РК Ермек Кошербаев».

Releases introduce people with a role phrase directly before the name. Walking left from a name
over the phrase gives the role head («министром»), whose case is the case of the name, the state
the person serves (the first country in the phrase that is not an accreditation «в Казахстане»),
and an organization («МИД РК», «Сенат США», an international body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mfa_releases.extract.ru import gazetteers
from mfa_releases.extract.ru.names import guess_case, nominative, strip_initials
from mfa_releases.extract.ru.pipeline import Analysis, morph

# Lemmas that head a role phrase.
ROLE_HEADS = {
    "министр", "замминистра", "заместитель", "посол", "президент", "премьер-министр", "премьер",
    "вице-премьер", "председатель", "сопредседатель", "глава", "сенатор", "конгрессмен", "депутат",
    "спикер", "вице-спикер", "госсекретарь", "секретарь", "генсек", "директор", "ректор", "король",
    "королева", "монарх", "принц", "эмир", "султан", "шейх", "канцлер", "вице-канцлер", "советник",
    "помощник", "представитель", "постпред", "спецпредставитель", "докладчик", "член", "руководитель",
    "начальник", "губернатор", "аким", "мэр", "вице-президент", "командующий", "уполномоченный",
    "посланник", "консул", "генконсул", "поверенный", "лидер", "делегат", "комиссар", "администратор",
    "коллега", "парламентарий", "законодатель", "дипломат", "вице-министр", "министр-советник",
    "пресс-секретарь", "еврокомиссар", "генпрокурор", "прокурор", "омбудсмен", "координатор",
    "председательствующий", "вице-председатель", "замглавы", "статс-секретарь",
    "вице-губернатор", "вице-мэр", "замгубернатора", "заммэра", "вице-консул", "генерал-губернатор",
}
# Adjectives kept in a role («первый заместитель»); other adjectives (new, acting…) are dropped.
ROLE_ADJECTIVES = {
    "первый", "федеральный", "генеральный", "специальный", "исполнительный", "чрезвычайный",
    "полномочный", "постоянный", "верховный", "временный", "государственный", "главный", "старший",
    "исполняющий", "действующий", "официальный",
}
_HEAD_PREFIXES = ("экс-", "вице-", "зам-")


def is_role_head(token) -> bool:
    """A noun heading a role, also with a prefix («экс-президент», «вице-спикер»)."""
    if token.pos not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma or ""
    if lemma in ROLE_HEADS:
        return True
    return any(lemma.startswith(p) and lemma[len(p):] in ROLE_HEADS for p in _HEAD_PREFIXES)


def _acting_prefix(an: Analysis, head: int, window: int) -> int | None:
    """First token of «исполняющий обязанности» / «и.о.» right before a role head, else None."""
    sent = an.tokens[head].sent
    if head - 2 >= 0 and an.tokens[head - 1].lemma == "обязанность" \
            and an.tokens[head - 2].text.lower().startswith(("исполняющ", "временно исполняющ")) \
            and an.tokens[head - 2].sent == sent:
        first = head - 2
        if first - 1 >= 0 and an.tokens[first - 1].text.lower() == "временно":
            first -= 1
        return first
    if head - 4 >= 0 and [t.text.lower() for t in an.tokens[head - 4:head]] == ["и", ".", "о", "."] \
            and an.text[an.tokens[head - 4].start:an.tokens[head - 1].stop].lower() == "и.о.":
        return head - 4
    if head - 1 >= 0 and an.tokens[head - 1].text.lower() == "врио":
        return head - 1
    return None


_STOP_PUNCT = set(".:;!?«»\"“”„")
_ACCREDITATION = {"в", "во", "при"}
_MFA = re.compile(r"министр[а-я]* иностранных дел|\bмид\b")
_MFA_TAIL = re.compile(r"\s+(МИД|министерства иностранных дел)$")
_MFA_HEAD = re.compile(r"(глава|заместитель главы|первый заместитель главы|замглавы|руководитель)\b")


@dataclass
class Mention:
    start: int
    stop: int
    first: int  # token range [first, last)
    last: int
    sent: int
    surface: str
    name: str  # nominative
    initials: bool
    role: str | None = None
    role_first: int | None = None  # first token of the role phrase
    role_plural: bool = False
    role_countries: tuple[str, ...] = ()  # countries named in a plural role («Главы МИД РФ и Узбекистана»)
    country: str | None = None
    organization: str | None = None
    international: bool = False
    case: str | None = None


def _role_window(an: Analysis, first: int, person_tokens: set[int]) -> int:
    """First token of the stretch left of a name that may hold its role phrase."""
    sent = an.tokens[first].sent
    i = first - 1
    depth = 0
    while i >= 0 and first - i <= 25:
        token = an.tokens[i]
        if token.sent != sent or i in person_tokens:
            break
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif depth <= 0 and token.text == "»" and _quote_open(an, i, first - 25) is not None:
            # «председателем правления АО «Казахтелеком» …»: a quoted name inside the role
            i = _quote_open(an, i, first - 25)
        elif depth <= 0 and (
            token.text in _STOP_PUNCT
            or (token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") != "Part")
            or token.pos in ("PRON", "SCONJ")
        ):
            break
        i -= 1
    return i + 1


# Words that name a body before its quoted name («АО «…»», «партии «AMANAT»»).
_QUOTED_BODY_FORMS = {
    "ао", "тоо", "пао", "оао", "зао", "ооо", "нао", "ад", "ск", "партия", "компания", "корпорация", "банк",
    "фонд", "холдинг", "концерн", "фракция", "движение", "ассоциация", "объединение", "союз", "центр",
    "агентство", "университет", "группа", "палата", "общество", "организация", "театр", "газета", "журнал",
}


def _quote_open(an: Analysis, close: int, limit: int) -> int | None:
    """Index of the «…» pair's opening quote before the closing one at `close` (nested quotes allowed)."""
    depth = 0
    sent = an.tokens[close].sent
    for k in range(close, max(limit, 0) - 1, -1):
        token = an.tokens[k]
        if token.sent != sent:
            return None
        if token.text == "»":
            depth += 1
        elif token.text == "«":
            depth -= 1
            if depth == 0:
                return k
    return None


def quoted_body(an: Analysis, first: int, end: int) -> tuple[int, str] | None:
    """(start, organization) when the role [first, end) ends with a body and its quoted name
    («председатель правления АО «Корейский эксимбанк»» → АО «Корейский эксимбанк»)."""
    if end - 1 <= first or an.tokens[end - 1].text != "»":
        return None
    opening = _quote_open(an, end - 1, first)
    if opening is None or opening - 1 <= first:
        return None
    body = an.tokens[opening - 1]
    if body.text.lower() not in _QUOTED_BODY_FORMS and body.lemma not in _QUOTED_BODY_FORMS:
        return None
    word = body.text if body.text.isupper() else body.lemma
    return opening - 1, word + " " + an.text[an.tokens[opening].start:an.tokens[end - 1].stop]


def _lookup_country(an: Analysis, i: int, limit: int) -> tuple[str | None, int]:
    """(ISO, tokens used) for the longest country name starting at token i."""
    for size in (4, 3, 2, 1):
        if i + size > limit:
            continue
        tokens = an.tokens[i:i + size]
        surface = " ".join(t.text for t in tokens)
        lemma = " ".join(t.lemma for t in tokens)
        code = gazetteers.country(surface, lemma)
        if code:
            return code, size
    return None, 0


def countries_in(an: Analysis, first: int, last: int) -> list[tuple[int, int, str]]:
    """(first token, last token, ISO) of each country named in a token range."""
    found, i = [], first
    while i < last:
        code, size = _lookup_country(an, i, last)
        start = i
        if not code and an.tokens[i].lemma in _STATE_WORDS and i + 1 < last:
            # «Королевства Нидерландов», «Государства Катар»: the state word belongs to the name
            code, size = _lookup_country(an, i + 1, last)
            size = size + 1 if code else 0
            # «Социалистической Республики Вьетнам», «Исламской Республики Пакистан»
            while code and start - 1 >= first and (not found or start - 1 >= found[-1][1]) and \
                    an.tokens[start - 1].pos == "ADJ" and an.tokens[start - 1].text[:1].isupper():
                start -= 1
        if code:
            end = i + size
            if end < last and an.tokens[end].lemma in _STATE_WORDS and an.tokens[end - 1].pos == "ADJ":
                end += 1  # «Турецкой Республике»
            found.append((start, end, code))
            i = end
        else:
            i += 1
    return found


_STATE_WORDS = {"королевство", "республика", "государство", "султанат", "княжество", "эмират", "федерация",
                "конфедерация", "содружество"}
# Honorifics between a role and a name: «Эмиру Государства Катар шейху Тамиму …», «господину …».
_HONORIFICS = {"шейх", "господин", "госпожа", "г-н", "г-жа", "его", "ее", "её", "величество", "высочество",
               "превосходительство", "сэр", "мистер", "миссис", "доктор", "профессор", "кардинал",
               "архиепископ", "митрополит", "принц", "принцесса"}


def _display(token) -> str:
    text = token.text
    if len(text) > 1 and text.isupper():
        return text
    if gazetteers.country(text, token.lemma) or gazetteers.city(text):
        return text
    if text[:1].isupper() and any("Geox" in p.tag for p in morph().parse(text)[:2]):
        return text
    return text[:1].lower() + text[1:]


def normalize_role(role: str) -> str:
    """Replace a known role phrase at the start of each part («глава МИД» → «министр иностранных дел»)."""
    # «депутат Сената Парламента»: a chamber is named without its parliament
    role = re.sub(r"\b(сената|мажилиса|сенат|мажилис)\s+парламента\b", r"\1", role, flags=re.I)
    parts = re.split(r"(\s*,\s*|\s+[–—-]\s+)", role)
    out = []
    for part in parts:
        if part.strip() in (",", "–", "—", "-"):
            out.append(", " if "," in part else " — ")
            continue
        low = part.lower().replace("ё", "е")
        for phrase, normalized in gazetteers.role_forms():
            if low == phrase or low.startswith(phrase + " "):
                part = normalized + part[len(phrase):]
                break
        out.append(part)
    return "".join(out).strip(" ,—")


def organization_for(an: Analysis, first: int, last: int, role: str, country: str | None) -> tuple[str | None, bool]:
    """The organization a role names or implies, and whether it is an international one."""
    # Parenthesized abbreviations first: «Международного агентства по атомной энергии (МАГАТЭ)».
    tokens = an.tokens[first:last]
    for i, token in enumerate(tokens):
        if token.text == "(" and i + 1 < len(tokens):
            org = gazetteers.organization(tokens[i + 1].text)
            if org:
                return org, True
    for size in (5, 4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            part = tokens[i:i + size]
            org = gazetteers.organization(" ".join(t.text for t in part), " ".join(t.lemma for t in part))
            if org:
                return org, True
    short = gazetteers.country_short(country)
    low = role.lower()
    if short:
        if _MFA.search(low):
            return f"МИД {short}", False
        if "сенат" in low:
            return f"Сенат {short}", False
        if "мажилис" in low:
            return f"Мажилис {short}", False
        if "палаты представителей" in low or "конгрессмен" in low:
            return f"Палата представителей {short}", False
        if low.startswith("государственный секретарь") and country == "US":
            return "Госдепартамент США", False
    return None, False


def _trailing_organization(an: Analysis, first: int, name_first: int) -> int:
    """Where an organization named at the end of a role starts («генеральный директор
    Международного агентства по атомной энергии (МАГАТЭ)»), else `name_first`. The role keeps the
    position only; the organization goes to its own column."""
    end = name_first
    # «… системы ООН в Казахстане»: look past a trailing accreditation
    for k in range(max(first + 1, end - 4), end):
        if an.tokens[k].text.lower() in _ACCREDITATION and countries_in(an, k + 1, end):
            end = k
            break
    if end - 1 > first and an.tokens[end - 1].text == ")":
        k = end - 1
        while k > first and an.tokens[k].text != "(":
            k -= 1
        end = k
    for start in range(max(first + 1, end - 6), end):
        part = an.tokens[start:end]
        if an.tokens[start - 1].pos in ("ADP", "CCONJ"):
            continue  # «для Европы и СНГ» is part of the position
        if gazetteers.organization(" ".join(t.text for t in part), " ".join(t.lemma for t in part)):
            return start
    return name_first


def role_phrase(an: Analysis, first: int, name_first: int) -> tuple[str, list[tuple[int, int, str]]]:
    """Role text (nominative head, the rest as written, without countries) and the countries in it."""
    countries = countries_in(an, first, name_first)
    quoted = quoted_body(an, first, name_first)
    # a country inside a quoted name is not the person's state unless the quote names their body
    inside = set()
    for k in range(first, name_first):
        if an.tokens[k].text == "»" and not (quoted and k == name_first - 1):
            opening = _quote_open(an, k, first)
            if opening is not None:
                inside.update(range(opening, k))
    countries = [c for c in countries if c[0] not in inside]
    name_first = quoted[0] if quoted else _trailing_organization(an, first, name_first)
    skip = set()
    for c_first, c_last, _ in countries:
        before = an.tokens[c_first - 1] if c_first - 1 >= first else None
        if before is not None and before.text.lower() in _ACCREDITATION:
            skip.update(range(c_first - 1, c_last))  # «посол США в Казахстане»
        elif serves(an, c_first, first):
            skip.update(range(c_first, c_last))
            if before is not None and before.text.lower() == "из":
                skip.add(c_first - 1)
    # «Верховный комиссар ООН по правам человека»: a body named inside the position goes to the
    # organization column; the position reads on without it
    for start in range(first + 1, name_first):
        for size in (3, 2, 1):
            stop = start + size
            if stop >= name_first or an.tokens[stop].text.lower() != "по" or an.tokens[start - 1].pos != "NOUN":
                continue
            part = an.tokens[start:stop]
            if gazetteers.organization(" ".join(t.text for t in part), " ".join(t.lemma for t in part)):
                skip.update(range(start, stop))
                break
    words: list[str] = []
    depth = 0
    head_done = False
    begin = first
    # «исполняющий обязанности министра», «и.о. министра», «врио»: the position reads «исполняющий
    # обязанности» and the office stays in the genitive
    lowered = [t.text.lower() for t in an.tokens[first:min(first + 4, name_first)]]
    if lowered[:1] == ["временно"]:
        lowered, begin = lowered[1:], begin + 1
    if lowered[:1] and lowered[0].startswith("исполняющ") and len(lowered) > 1 and lowered[1].startswith("обязанност"):
        begin += 2
    elif lowered[:4] == ["и", ".", "о", "."]:
        begin += 4
    elif lowered[:1] == ["врио"]:
        begin += 1
    if begin > first:
        feminine = an.tokens[first].feats.get("Gender") == "Fem" or an.tokens[first].text.lower().endswith(("ая", "ей"))
        words.append("исполняющая обязанности" if feminine else "исполняющий обязанности")
        head_done = True
    quoted_until = -1
    verbatim: list[str] = []
    for i in range(begin, name_first):
        token = an.tokens[i]
        if i <= quoted_until:
            continue
        if token.text == "«" and depth <= 0:
            # a quoted name stays as written («группы дружбы «Франция – Центральная Азия»»)
            close = next((k for k in range(name_first - 1, i, -1)
                          if an.tokens[k].text == "»" and _quote_open(an, k, i) == i), None)
            if close is not None:
                verbatim.append(an.text[token.start:an.tokens[close].stop])
                words.append(f"\x00{len(verbatim) - 1}\x00")
                quoted_until = close
                head_done = True
                continue
        if token.text == "(":
            depth += 1
            continue
        if token.text == ")":
            depth -= 1
            continue
        if depth > 0 or i in skip:
            continue
        if token.text in (",", "–", "—", "-"):
            words.append(token.text)
            head_done = False
            continue
        if not head_done:
            if token.pos == "ADJ" or token.text.lower() == "и" or token.lemma in ROLE_ADJECTIVES:
                if token.lemma not in ROLE_ADJECTIVES and token.text.lower() != "и":
                    continue
                # a nominative adjective keeps its gender («первая леди»); other cases go to the lemma
                nominative_feminine = token.case == "Nom" and token.feats.get("Gender") == "Fem"
                words.append(token.text.lower() if nominative_feminine else token.lemma)
                continue
            head_done = True
            words.append(token.lemma if token.lemma else token.text.lower())
            continue
        words.append(_display(token))
    text = " ".join(words)
    text = re.sub(r"\s+([,])", r"\1", text)
    text = re.sub(r"\s+[–—-]\s+", " — ", text)
    text = re.sub(r"(^|, |— )и ", r"\1", text)
    text = re.sub(r"(\s+(и|по|из|в|при|с|двух стран|наших стран|республики|страны|системы))+$", "", text)
    words = text.split(" ")
    while len(words) > 1 and morph().parse(words[-1])[0].normal_form in _HONORIFICS:
        words.pop()
    text = " ".join(words)
    text = re.sub(r"\s+", " ", text).strip(" ,—")
    # «Главы государств Казахстана и Узбекистана»: a plural title names each one's office in the singular
    head = next((k for k in range(begin, name_first) if an.tokens[k].pos in ("NOUN", "PROPN")), None)
    if head is not None and head + 1 < name_first and an.tokens[head + 1].lemma in ("государство", "правительство") \
            and an.tokens[head + 1].feats.get("Number") == "Plur" \
            and text.lower() in (an.tokens[head].lemma, f"{an.tokens[head].lemma} {an.tokens[head + 1].text.lower()}"):
        text = f"{an.tokens[head].lemma} {an.tokens[head + 1].lemma[:-1]}а"
    text = normalize_role(text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: verbatim[int(m.group(1))], text)
    return text, countries


def _clean_span(an: Analysis, first: int, last: int) -> tuple[int, int] | None:
    """Trim a PER span to the name proper: stop at parentheses, ©, slashes; drop captions."""
    end = first
    while end < last and an.tokens[end].text not in ("(", "©", "/", "|", ",") and (
        end == first or an.tokens[end].sent == an.tokens[first].sent
    ):
        end += 1
    while end > first and an.tokens[end - 1].text in (".", "-", "–"):
        end -= 1
    if end <= first:
        return None
    # «Аль-Азхара шейхом Ахмадом …»: an honorific inside the span ends what precedes the name
    for k in range(end - 2, first - 1, -1):
        if morph().parse(an.tokens[k].text.lower())[0].normal_form in ("шейх", "принц", "принцесса", "господин", "госпожа"):
            first = k + 1
            break
    words = [t.text for t in an.tokens[first:end]]
    if any(w.lower() in ("фото", "photo") for w in words):
        return None
    if not re.match(r"[А-ЯЁ]", words[0]):
        return None
    return first, end


_INITIALS_NAME = re.compile(r"(?<![А-ЯЁа-яё])(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


def _token_spans(an: Analysis, pattern: re.Pattern, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans of `pattern`'s matches that start and end on token edges, stay within one
    sentence and overlap none of the `known` spans."""
    taken = {i for first, last in known for i in range(first, last)}
    starts = {t.start: i for i, t in enumerate(an.tokens)}
    stops = {t.stop: i + 1 for i, t in enumerate(an.tokens)}
    found = []
    for match in pattern.finditer(an.text):
        first, last = starts.get(match.start()), stops.get(match.end())
        if first is None or last is None or taken & set(range(first, last)):
            continue
        if an.tokens[first].sent != an.tokens[last - 1].sent:
            continue
        found.append((first, last))
    return found


def _initials_spans(an: Analysis, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«А.Абдуллаева», «М.Рот» that the NER tagger missed (often at a sentence start)."""
    return _token_spans(an, _INITIALS_NAME, known)


def _known_person_spans(an: Analysis, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Well-known people (persons_ru.yaml) the NER tagger missed («Касым-Жомарт Токаев провел …»)."""
    pattern = gazetteers.known_person_pattern()
    return _token_spans(an, pattern, known) if pattern is not None else []


def _name_like(token) -> bool:
    """A capitalized word that may be part of a personal name: pymorphy knows it as a name, or does
    not know it at all («Келлер-Зуттер»); never a state, a city or an organization."""
    text = token.text
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+(-[А-ЯЁа-яё][а-яё]+)*", text):
        return False
    if gazetteers.country(text, token.lemma) or gazetteers.city(text) or gazetteers.organization(text, token.lemma):
        return False
    if token.lemma in ROLE_HEADS or token.lemma in _STATE_WORDS:
        return False
    parses = morph().parse(text.split("-")[0])[:3]
    if any(("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag) for p in parses):
        return True
    return not any(p.is_known for p in parses)


def _apposition_spans(an: Analysis, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names the NER tagger missed after a role phrase («Президенту Швейцарской Конфедерации Карин
    Келлер-Зуттер»): two or three name-like words that end the apposition."""
    taken = {i for first, last in known for i in range(first, last)}
    found: list[tuple[int, int]] = []
    for head, token in enumerate(an.tokens):
        if token.lemma not in ROLE_HEADS or token.pos not in ("NOUN", "PROPN"):
            continue
        i = head + 1
        while i < len(an.tokens) and i - head <= 10 and an.tokens[i].sent == token.sent:
            current = an.tokens[i]
            if i in taken or current.text in _STOP_PUNCT or current.text == "," or current.pos in ("VERB", "AUX"):
                break
            if _name_like(current) and not (current.lemma in _HONORIFICS):
                last = i
                while last < len(an.tokens) and last - i < 3 and an.tokens[last].sent == token.sent \
                        and last not in taken and _name_like(an.tokens[last]):
                    last += 1
                following = an.tokens[last] if last < len(an.tokens) else None
                if last - i >= 2 and (following is None or not following.text[:1].isupper()):
                    found.append((i, last))
                    taken.update(range(i, last))
                break
            i += 1
    return found


def _given_name(word: str) -> bool:
    """A capitalized word that can only be a given name (or a compound one: «Касым-Жомарта»)."""
    if re.match(r"[А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+$", word):
        return True
    if not re.match(r"[А-ЯЁ][а-яё]+$", word):
        return False
    parses = morph().parse(word)
    return any("Name" in p.tag for p in parses) and not any(
        ("Geox" in p.tag or "Orgn" in p.tag or "Surn" in p.tag) for p in parses
    )


def serves(an: Analysis, country_first: int, role_first: int) -> bool:
    """A country in a role phrase is the one the person serves when it is a genitive dependent
    («министр иностранных дел Германии»), an adjective («норвежский король»), an abbreviation, or
    «из …» («коллега из Казахстана»); not «в Казахстане», «по Казахстану», «с … Монголией»."""
    token = an.tokens[country_first]
    before = an.tokens[country_first - 1] if country_first - 1 >= role_first else None
    if before is not None and before.pos == "ADP":
        return before.text.lower() == "из"
    if token.pos == "ADJ" or (len(token.text) > 1 and token.text.isupper()):
        return True
    if token.case in (None, "Gen"):
        return True
    # the tagger sometimes misreads the case of a genitive right after the head («Премьер-министром
    # Пакистана»); a country coordinated after a preposition («с Азией и Монголией») is not the person's
    return before is not None and before.pos in ("NOUN", "PROPN")


def _led_by(an: Analysis, i: int) -> bool:
    """«во главе с»: an idiom, not the role «глава»."""
    return an.tokens[i].text.lower() == "главе" and i > 0 and an.tokens[i - 1].text.lower() == "во"


def _delegation_country(an: Analysis, start: int) -> str | None:
    """«с индийской делегацией во главе с X»: X serves the delegation's state."""
    words = [t.text.lower() for t in an.tokens[max(0, start - 3):start]]
    if words[-3:] not in (["во", "главе", "с"], ["во", "главе", "со"]):
        return None
    for i in range(start - 4, max(-1, start - 9), -1):
        token = an.tokens[i]
        if token.sent != an.tokens[start].sent:
            break
        code = gazetteers.country(token.text, token.lemma)
        if code and (token.pos == "ADJ" or token.case == "Gen"):
            return code
    return None


def _name_case(an: Analysis, first: int, last: int, head: int | None) -> str | None:
    if head is not None:
        case = an.tokens[head].case
        if case:
            return case
    if first > 0 and an.tokens[first - 1].text.lower() in ("с", "со") and an.tokens[first - 1].sent == an.tokens[first].sent:
        return "Ins"
    guessed = guess_case([t.text for t in an.tokens[first:last]])
    if guessed:
        return guessed
    if first == an.sentences[an.tokens[first].sent].tokens[0]:
        return "Nom"  # a name opening a sentence is its subject («Сания Халилова и … обсудили»)
    cases = [an.tokens[i].case for i in range(first, last) if an.tokens[i].case]
    # ties go to the case met first: iterating a set of strings would follow the hash seed
    return max(dict.fromkeys(cases), key=cases.count) if cases else None


def _right_role(an: Analysis, last: int, case: str | None, person_tokens: set[int]) -> tuple[int, int] | None:
    """[first, end) of a role written after the name between commas («Эдуардом Маркесом, министром
    иностранных дел Португалии, …»). The head must agree in case with the name, so «Иван Петров,
    помощника …» is not a role."""
    if last >= len(an.tokens) or an.tokens[last].text not in (",", "–", "—") or an.tokens[last].sent != an.tokens[last - 1].sent:
        return None
    sent = an.tokens[last].sent
    k = last + 1
    while k < len(an.tokens) and an.tokens[k].sent == sent and (
        an.tokens[k].lemma in ROLE_ADJECTIVES or an.tokens[k].pos == "ADJ"
    ) and k - last <= 3:
        k += 1
    if k >= len(an.tokens) or an.tokens[k].sent != sent or not is_role_head(an.tokens[k]) or k in person_tokens:
        return None
    head = an.tokens[k]
    if case and head.case and head.case != case:
        return None
    start = last + 1
    end = k + 1
    while end < len(an.tokens) and end - start <= 14:
        token = an.tokens[end]
        if "\n" in an.text[an.tokens[end - 1].stop:token.start]:
            break  # a paragraph ends the phrase even where the sentence splitter ran on
        if token.sent != sent or end in person_tokens:
            return None  # the phrase runs into another name: it is that name's role
        if token.text == "«":
            close = end
            depth = 0
            while close < len(an.tokens) and an.tokens[close].sent == sent:
                depth += {"«": 1, "»": -1}.get(an.tokens[close].text, 0)
                if depth == 0:
                    break
                close += 1
            if close >= len(an.tokens) or depth != 0:
                break
            end = close + 1
            continue
        if token.text in _STOP_PUNCT or token.text in (",", "(", "–", "—") \
                or (token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") != "Part") \
                or token.pos in ("PRON", "SCONJ") or token.text.lower() in ("на", "во", "с", "со"):
            break
        if token.text.lower() == "и" and (end + 1 >= len(an.tokens) or end + 1 in person_tokens
                                          or is_role_head(an.tokens[end + 1]) or an.tokens[end + 1].pos in ("VERB", "ADV")):
            break  # «…, министр X и Y»: the next part is another name's or another clause
        end += 1
    return start, end


def person_mentions(an: Analysis) -> list[Mention]:
    """Every person mention with its nominative name and the role phrase before it."""
    raw = []
    for span in an.spans:
        if span.type != "PER":
            continue
        cleaned = _clean_span(an, *span.tokens)
        if cleaned and all(an.tokens[k].lemma in ROLE_ADJECTIVES or is_role_head(an.tokens[k])
                           for k in range(*cleaned)):
            cleaned = None  # «Чрезвычайным и Полномочным Послом»: a capitalized title, not a name
        if cleaned:
            first, last = cleaned
            before = an.tokens[first - 1] if first > 0 else None
            if (
                before is not None
                and before.sent == an.tokens[first].sent
                and before.pos == "PROPN"
                and _given_name(before.text)
                and not gazetteers.country(before.text, before.lemma)
                and not gazetteers.organization(before.text, before.lemma)
                and an.text[before.stop:an.tokens[first].start] == " "
                and (not raw or raw[-1][1] < first - 1)
            ):
                first -= 1
            raw.append((first, last))
    raw = sorted(set(raw) | set(_initials_spans(an, raw)))
    raw = sorted(set(raw) | set(_known_person_spans(an, raw)))
    raw = sorted(set(raw) | set(_apposition_spans(an, raw)))
    person_tokens = {i for first, last in raw for i in range(first, last)}
    mentions: list[Mention] = []
    previous: Mention | None = None
    for first, last in raw:
        tokens = an.tokens[first:last]
        start, stop = tokens[0].start, tokens[-1].stop
        surface = an.text[start:stop]
        window = _role_window(an, first, person_tokens)
        heads = [i for i in range(window, first)
                 if is_role_head(an.tokens[i]) and not _led_by(an, i)]
        # «беседа Президента Казахстана с Генеральным секретарем ШОС Нурланом …»: a role head after
        # «с» starts the name's own role; what precedes it is the other side of the encounter
        withs = [i for i in range(window, first) if an.tokens[i].text.lower() in ("с", "со")]
        if withs and any(h > withs[-1] for h in heads):
            window = withs[-1] + 1
            heads = [h for h in heads if h > withs[-1]]
        # «На полях заседания Совета министров … в Минске Министр иностранных дел Казахстана Ермек …»:
        # a capitalized title in another case than the heads before it (and not their genitive
        # dependent) starts the name's own role
        for k in range(len(heads) - 1, 0, -1):
            h = an.tokens[heads[k]]
            if h.text[:1].isupper() and h.case not in (None, "Gen") and h.case != an.tokens[heads[k - 1]].case \
                    and an.tokens[heads[k] - 1].text not in (",", "–", "—", "-", "и"):
                window = heads[k]
                heads = heads[k:]
                break
        head = heads[0] if heads else None
        # The name agrees with the head of the last part of a multi-part role
        # («Помощником …, Директором … Иваной Живкович»), not with its dependents («министра»).
        last_head = None
        part_heads = []
        for i in heads:
            if last_head is None or any(t.text in (",", "–", "—", "-") for t in an.tokens[last_head:i]):
                last_head = i
                part_heads.append(i)
        # Parts of one role stand in one case («заместителем премьер-министра – главой МИД»); a part in
        # another case belongs to the clause before («визиту Президента РК - вице-президент … К. Парикх»).
        if part_heads:
            case = an.tokens[part_heads[-1]].case
            keep = part_heads[-1]
            for i in reversed(part_heads[:-1]):
                dashed = any(t.text in ("–", "—", "-") for t in an.tokens[i:keep])
                if dashed and an.tokens[i].case != case:
                    break
                keep = i
            head = keep
        # «представители Путина», «помощник Иванова»: a genitive name right after a head in another
        # case is the head's dependent, not its holder
        if last_head is not None and last_head == first - 1 and an.tokens[last_head].case in ("Nom", "Ins", "Dat") \
                and all(an.tokens[k].case == "Gen" for k in range(first, last)):
            head = last_head = None
            part_heads = []
        role_first = None
        if head is not None:
            role_first = head
            while role_first - 1 >= window and (
                an.tokens[role_first - 1].pos == "ADJ" or an.tokens[role_first - 1].lemma in ROLE_ADJECTIVES
                or (an.tokens[role_first - 1].text.lower() == "и" and role_first - 2 >= window
                    and an.tokens[role_first - 2].pos == "ADJ")
            ):
                role_first -= 1
        acting = _acting_prefix(an, role_first, window) if role_first is not None else None
        if acting is not None:
            role_first = acting
            if an.tokens[acting].pos == "VERB" and an.tokens[acting].case and last_head is not None \
                    and not any(t.text in (",", "–", "—", "-") for t in an.tokens[acting:last_head]):
                last_head = acting  # «исполняющим обязанности министра Муратом …»: the name agrees with it
        # A name right after «и»/«,» following another name shares that name's context (case).
        coordinated = (
            previous is not None
            and previous.sent == tokens[0].sent
            and previous.last < first
            and all(t.text.lower() in ("и", ",") for t in an.tokens[previous.last:first])
        )
        if head is None and coordinated:
            case = previous.case
        else:
            case = _name_case(an, first, last, last_head)
        words = [t.text for t in tokens]
        gaps = [an.text[a.stop:b.start] for a, b in zip(tokens, tokens[1:])]
        text_name = nominative(words, case, gaps)
        base, has_initials = strip_initials(text_name)
        mention = Mention(start, stop, first, last, tokens[0].sent, surface, text_name, has_initials, case=case)
        if role_first is not None:
            role, countries = role_phrase(an, role_first, first)
            mention.role = role or None
            mention.role_first = role_first
            mention.role_plural = an.tokens[head].feats.get("Number") == "Plur" or any(
                "plur" in p.tag and "nomn" in p.tag for p in morph().parse(an.tokens[head].text)[:3]
            ) and an.tokens[head].text[-1:] in "ыи"
            own = [c for c_first, c_last, c in countries if serves(an, c_first, role_first)]
            mention.role_countries = tuple(own)
            mention.country = own[0] if own else None
            mention.organization, mention.international = organization_for(
                an, role_first, first, mention.role or "", mention.country
            )
            quoted = quoted_body(an, role_first, first)
            if quoted:
                mention.organization = quoted[1]
            if mention.role and _MFA_TAIL.search(mention.role) and not _MFA_HEAD.match(mention.role):
                # «директор Консульского департамента МИД РК»: the ministry is the organization
                mention.role = _MFA_TAIL.sub("", mention.role)
            # «Посол Казахстана в Бельгии»: the accreditation country, for the counterpart's default.
        elif coordinated and (previous.role_plural or len(previous.role_countries) >= 2):
            index = sum(1 for m in mentions if m.role_first == previous.role_first or m is previous)
            mention.role = previous.role
            mention.role_first = previous.role_first
            mention.role_plural = True
            mention.role_countries = previous.role_countries
            if index < len(previous.role_countries):
                mention.country = previous.role_countries[index]
            mention.organization, mention.international = organization_for(
                an, previous.role_first, previous.first, mention.role or "", mention.country
            )
        if mention.role is None and not coordinated:
            right = _right_role(an, last, case, person_tokens)
            if right is not None:
                r_first, r_end = right
                role, countries = role_phrase(an, r_first, r_end)
                if role:
                    mention.role = role
                    own = [c for c_first, c_last, c in countries if serves(an, c_first, r_first)]
                    mention.role_countries = tuple(own)
                    mention.country = own[0] if own else None
                    mention.organization, mention.international = organization_for(
                        an, r_first, r_end, role, mention.country
                    )
                    quoted = quoted_body(an, r_first, r_end)
                    if quoted:
                        mention.organization = quoted[1]
        if mention.role_plural and mention.role_countries and role_first is not None:
            mention.country = mention.role_countries[0]
            mention.organization, mention.international = organization_for(
                an, role_first, first, mention.role or "", mention.country
            )
        if mention.country is None:
            mention.country = _delegation_country(an, role_first if role_first is not None else first)
        # «Президент и первая леди США Барак и Мишель Обама»: joined titles before joined names, one each
        if coordinated and mention.role in (None, previous.role) and previous.role and previous.role_first is not None:
            joint = next((k for k in range(previous.role_first + 1, previous.first)
                          if an.tokens[k].text.lower() == "и" and is_role_head(an.tokens[k - 1])
                          and an.tokens[k - 1].feats.get("Number") != "Plur"
                          and not countries_in(an, k - 1, k) and not countries_in(an, k + 1, min(k + 3, previous.first))),
                         None)
            if joint is not None and joint + 1 < previous.first:
                first_role, _ = role_phrase(an, previous.role_first, joint)
                second_role, _ = role_phrase(an, joint + 1, previous.first)
                if first_role and second_role:
                    previous.role = first_role
                    mention.role = second_role
                    mention.role_first = joint + 1
                    mention.country = mention.country or previous.country
        mentions.append(mention)
        previous = mention
    return mentions
