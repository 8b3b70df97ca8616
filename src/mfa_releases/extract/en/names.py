"""People in English release text: personal names with the titles around them.

A release introduces a person with a title before the name ("Foreign Minister of Kazakhstan
Yermek Kosherbayev", "his Russian counterpart Sergey Lavrov", "H.E. Mr. Kairat Abdrakhmanov") or
after it ("Jean-Yves Le Drian, Minister for Europe and Foreign Affairs,"), then refers to them by
surname ("Foreign Minister Kishida", "Tokayev"). Names keep their English spelling; honorifics
are dropped; Japanese-style "KISHIDA Fumio" becomes "Fumio Kishida". Lists share a plural title
("Deputy Foreign Ministers A (Kazakhstan), B (Kyrgyzstan)", "the foreign ministers of the C5+1: A of
Kazakhstan, B of …", "the Ambassadors of Sweden, Finland and Norway, X, Y and Z").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mfa_releases.extract.en.lexicon import (
    CONNECTORS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    STYLES,
    TITLE_HEADS,
    TITLE_WORDS,
    city_country,
    country_of,
    is_title_head,
    is_title_word,
)
from mfa_releases.extract.en.tokens import Sentence, Token

# Verbs of speech after a bare name mark it as a person ("Nursultan Nazarbayev said").
SPEECH_VERBS = frozenset(
    """said says noted stated stressed emphasized emphasised underlined highlighted added told thanked
    expressed welcomed praised commended congratulated informed briefed invited met held received hosted
    spoke conveyed assured reassured called pointed announced confirmed reaffirmed""".split()
)


# Lower-case words that belong to a title written in running text ("his Russian counterpart",
# "the head of the foreign ministry", "Kazakh leader").
LOWERCASE_TITLE_WORDS = frozenset(
    """counterpart counterparts leader leaders head heads minister ministers president deputy foreign affairs
    prime ambassador secretary diplomat diplomats envoy department ministry ministries state special
    first top""".split()
)


# Regnal numbers after a monarch's name.
REGNAL = re.compile(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII)")

# Title words that are also given names ("Sultan", "Emir", "Amir").
GIVEN_NAME_TITLES = frozenset({"sultan", "emir", "amir"})

# Lower-case words between the comma of an appositive title and the title itself.
APPOSITION_MODIFIERS = frozenset(
    "newly appointed new outgoing incoming current acting recently elected re-elected designated".split())


@dataclass
class Mention:
    """One mention of a person in a sentence."""

    name: str  # normalized surface name ("Fumio Kishida", "Tokayev")
    name_start: int
    name_end: int
    start: int  # the whole mention, title included
    end: int
    title_tokens: list[Token] = field(default_factory=list)
    strong: bool = False  # has a title, an appositive title, an honorific or a speech verb
    sentence_index: int = -1

    @property
    def n_name_tokens(self) -> int:
        return len(self.name.split())

    @property
    def title(self) -> str:
        return " ".join(token.text for token in self.title_tokens)


def _is_country_like(token: Token) -> bool:
    if country_of(token.text) or city_country(token.text):
        return True
    parts = re.split(r"[-‐]", token.text)
    return len(parts) > 1 and any(country_of(part) or city_country(part) for part in parts)


def _is_name_token(token: Token, next_token: Token | None = None) -> bool:
    text = token.text
    if text.lower().rstrip(".") in MONTHS:
        # "Jan Nowak", "May" as a name only before another name word, never before a day or year.
        # ("Jan de Vries": a particle may follow the given name)
        return next_token is not None and (next_token.text[:1].isupper() and _is_name_token(next_token)
                                           or next_token.text in NAME_PARTICLES and next_token.start > token.end)
    if re.fullmatch(r"[A-Z]\.", text):
        return True  # an initial: "Antony J. Blinken"
    if re.fullmatch(r"(?:al|el|ad|ash|as|at|az|ar|ud|ul)-[A-Z][\w’'-]+", text):
        return True  # an Arabic family name with its article: "Abdel Fattah el-Sisi"
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return False
    if len(text) == 1 or next_token is not None and next_token.start == token.end and next_token.text[:1].isdigit():
        return False  # a lone letter or a code ("C5+1", "G20"), not a name
    if REGNAL.fullmatch(text):
        return False  # taken only after a name ("Abdullah II"), in _name_runs
    lower = text.lower()
    if lower in NOT_NAME_WORDS or is_title_word(lower) or lower in HONORIFICS:
        return False
    if token.is_all_caps and len(text) <= 4:
        return False  # abbreviations: MFA, CIS, SCO, KAZINFORM-style datelines are longer but see below
    if _is_country_like(token):
        return False
    return True


def _is_place(tokens: list[Token]) -> bool:
    """"New York", "Saudi Arabia": multiword places the per-word checks let through."""
    words = [t.text for t in tokens]
    for n in range(2, len(words) + 1):
        for k in range(len(words) - n + 1):
            phrase = " ".join(words[k:k + n])
            if city_country(phrase) or country_of(phrase):
                return True
    return False


def _is_demonym(token: Token) -> bool:
    """"German", "Kazakh": a country adjective, not the country's name."""
    import pycountry

    if not country_of(token.text):
        return False
    try:
        pycountry.countries.lookup(token.text)
    except LookupError:
        return True
    return False


def _next(tokens: list[Token], i: int) -> Token | None:
    return tokens[i + 1] if i + 1 < len(tokens) else None


def _ends_place(tokens: list[Token], i: int) -> bool:
    """Token i is the last word of a country or city of two to four words."""
    for back in (1, 2, 3):
        if i - back < 0:
            break
        phrase = " ".join(t.text for t in tokens[i - back:i + 1])
        if country_of(phrase) or city_country(phrase):
            return True
    return False


def _given_name_after_honorific(tokens: list[Token], i: int) -> bool:
    """"Dr. Sultan Ahmed Al Jaber": a title word that is also a given name, right after an honorific and
    before a name word, opens the name."""
    # ("Mr. SATO Ken": a short family name in capitals is no abbreviation there)
    return (0 < i < len(tokens) - 1 and tokens[i - 1].lower in HONORIFICS and tokens[i].is_capitalized
            and (tokens[i].lower in GIVEN_NAME_TITLES or tokens[i].is_all_caps and tokens[i].text.isalpha()
                 and not country_of(tokens[i].text))
            and _is_name_token(tokens[i + 1], _next(tokens, i + 1)))


def _name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of maximal runs of name tokens (particles allowed inside)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        # An initial opens a name only right after an honorific or a title ("Dr. S. Jaishankar").
        initial_opens = (re.fullmatch(r"[A-Z]\.", tokens[i].text) and 0 < i < len(tokens) - 1
                         and (tokens[i - 1].lower in HONORIFICS or is_title_head(tokens[i - 1].lower))
                         and not re.fullmatch(r"[A-Z]\.", tokens[i + 1].text)
                         and _is_name_token(tokens[i + 1], _next(tokens, i + 1)))
        if not (_is_name_token(tokens[i], _next(tokens, i)) or _given_name_after_honorific(tokens, i)) or (
                re.fullmatch(r"[A-Z]\.", tokens[i].text) and not initial_opens):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if _is_name_token(tokens[j], _next(tokens, j)) and tokens[j].start - tokens[j - 1].end <= 1:
                j += 1
            elif tokens[j].lower in NAME_PARTICLES and not tokens[j].text[:1].isupper():
                # "Ursula von der Leyen": particles only inside a name, before a name word
                k = j
                while k < len(tokens) and tokens[k].lower in NAME_PARTICLES and not tokens[k].text[:1].isupper():
                    k += 1
                if k < len(tokens) and _is_name_token(tokens[k], _next(tokens, k)) and k - j <= 2:
                    j = k
                else:
                    break
            else:
                break
        while j > i and re.fullmatch(r"[A-Z]\.", tokens[j - 1].text):
            j -= 1  # a name does not end in an initial
        if j < len(tokens) and REGNAL.fullmatch(tokens[j].text) and tokens[j].start - tokens[j - 1].end <= 1:
            j += 1  # "King Abdullah II", "Charles III"
        # All-caps words are names only beside a mixed-case name word ("KISHIDA Fumio").
        if all(t.is_all_caps for t in tokens[i:j]):
            i = j
            continue
        # A country or city ending in the run's first word ("Saudi Arabia Faisal …") is not the name.
        # ("United Arab Emirates, Minister …": up to three words back)
        while i < j and i > 0 and _ends_place(tokens, i):
            i += 1
        if i == j:
            continue
        # "Special Envoy for Climate John Kerry": after a connector, a three-word run starts with the title's topic.
        if j - i >= 3 and i > 0 and tokens[i - 1].lower in {"for", "of", "on", "the"}:
            i += 1
        words = [t for t in tokens[i:j] if t.lower not in NAME_PARTICLES]
        if len(words) > 4 or j - i > 7 or _is_place(tokens[i:j]):
            i = j
            continue
        if j < len(tokens) and tokens[j].is_capitalized and (
            tokens[j].lower in NOT_NAME_WORDS or is_title_word(tokens[j].lower)
        ) and tokens[j].lower not in HONORIFICS:
            i = j  # part of a body's name: "Organization of Turkic States", "Supreme Interstate Council"
            continue
        if i >= 2 and tokens[i - 2].lower == "the" and _is_demonym(tokens[i - 1]) and j - i >= 2:
            i += 1  # "Member of the German Bundestag Johann Wadephul": the first word names the body
        runs.append((i, j))
        i = j
    return runs


def normalize_name(tokens: list[Token]) -> str:
    """Surface name tokens → the name: capitals fixed, family-name-first order undone."""
    words = [t.text for t in tokens if t.lower not in HONORIFICS]
    caps = [w.isupper() and len(w) > 1 and not REGNAL.fullmatch(w) and not re.fullmatch(r"[A-Z]\.", w) for w in words]
    if len(words) > 1 and caps[0] and not any(caps[1:]):
        words = words[1:] + words[:1]  # "KISHIDA Fumio" → "Fumio KISHIDA"
    return " ".join(_title_case(w) if w.isupper() and len(w) > 2 and not REGNAL.fullmatch(w) else w for w in words)


def _title_case(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _title_left(tokens: list[Token], start: int, blocked: set[int]) -> list[Token]:
    """The title right before token `start` ("Deputy Foreign Minister of Kazakhstan"), or []."""
    i = start
    while i > 0 and tokens[i - 1].lower in HONORIFICS:
        i -= 1
    end = i
    allow_comma = True
    while i > 0:
        token = tokens[i - 1]
        if i - 1 in blocked:
            break
        lower = token.lower
        if token.text == "," and allow_comma and i == end and i >= 2 and (
            is_title_word(tokens[i - 2].lower) or _is_country_like(tokens[i - 2]) or _ends_title(tokens, i - 1)
        ):
            allow_comma = False  # "President of Kazakhstan, Kassym-Jomart Tokayev"
            i -= 1
            end = i
            continue
        if token.text == "," and i < end and i >= 2 and tokens[i].is_capitalized and (tokens[i - 2].lower in {
                "affairs", "cooperation", "trade", "development", "union", "integration", "economy"} or (
                is_title_head(tokens[i - 2].lower) and is_title_head(tokens[i].lower))):
            # "Minister of Foreign Affairs, European Union and Cooperation": a list inside the title;
            # "Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs": two posts of one person
            i -= 1
            continue
        if token.is_all_caps and len(token.text) > 3 and not country_of(token.text) and not is_title_word(lower):
            break  # a dateline ("ASTANA. KAZINFORM –") is not part of a title
        if token.text in {"–", "—"} and 0 < i - 1 <= 3 and all(
                city_country(t.text) or t.is_all_caps or t.text in {".", ","} for t in tokens[:i - 1]):
            break  # nor is a mixed-case one ("Astana – The EU Special Representative …")
        if not token.is_capitalized and lower not in LOWERCASE_TITLE_WORDS and lower not in CONNECTORS:
            break  # lower-case verbs ("will chair the …") end the title
        if is_title_word(lower) or lower in CONNECTORS or _is_country_like(token):
            i -= 1
            continue
        if token.is_capitalized and (not token.is_all_caps or len(token.text) <= 4):
            i -= 1  # part of a body's name ("Chairman of the Board of Directors of Air Astana", "CPC")
            continue
        break
    title = tokens[i:end]
    # "Saudi Foreign Minister Prince Faisal": a style after a title is not part of the role
    while len(title) > 1 and title[-1].lower in STYLES and any(is_title_head(t.lower) for t in title[:-1]):
        title = title[:-1]
    # Start at the first word that can open a title; drop leading connectors and datelines.
    while title and not ((is_title_word(title[0].lower) and title[0].lower not in CONNECTORS)
                         or _is_country_like(title[0])):
        title = title[1:]
    while title and title[-1].lower in CONNECTORS:
        title = title[:-1]
    if not any(is_title_head(t.lower) for t in title):
        return []
    return title


def _ends_title(tokens: list[Token], comma: int) -> bool:
    """"The EU Special Representative for Central Asia, A": a title head a few capitalized words before the comma."""
    for k in range(comma - 1, max(-1, comma - 6), -1):
        token = tokens[k]
        if is_title_head(token.lower) and token.is_capitalized:
            return True
        if not (token.is_capitalized or token.lower in CONNECTORS):
            return False
    return False


def _title_right(tokens: list[Token], end: int) -> list[Token]:
    """An appositive title after the name (", Minister for Foreign Affairs of Japan,"), or []."""
    if end >= len(tokens) or tokens[end].text != ",":
        return []
    i = end + 1
    if i < len(tokens) and tokens[i].lower == "the":
        i += 1
    # ", the newly appointed Ambassador of …", ", Sweden’s State Secretary for …"
    while i < len(tokens) and tokens[i].lower in APPOSITION_MODIFIERS:
        i += 1
    if i + 1 < len(tokens) and _is_country_like(tokens[i]) and tokens[i + 1].lower in {"'s", "’s"}:
        i += 2
    if i >= len(tokens) or not tokens[i].is_capitalized:
        return []
    j = i
    while j < len(tokens):
        token = tokens[j]
        lower = token.lower
        if is_title_word(lower) or lower in CONNECTORS or lower == "with" or _is_country_like(token) or (
            token.is_capitalized and not (token.is_all_caps and len(token.text) > 3 and not is_title_word(lower))
        ):
            j += 1
            continue
        break
    title = tokens[i:j]
    while title and title[-1].lower in CONNECTORS:
        title = title[:-1]
    if not title or not is_title_word(title[0].lower) or not any(is_title_head(t.lower) for t in title):
        return []
    return title


def _drop_title_inner_runs(tokens: list[Token], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs that are words of a long title, not a name: "Minister of Road and Transport Development of
    Mongolia Delgersaikhan Borkhuu", "Chairman of the State Great Khural of Mongolia …". Such a run is
    followed by "of"/"for", or by "and" and a title word that opens no new person's title, and the
    title goes on, unbroken, to the next run (the name)."""
    kept = []
    for k, (i, j) in enumerate(runs):
        # ("met with Tomás Herrera of Chile and Luis Gómez of Peru": right after a verb's "with" or
        # "by", a run opens no title)
        after_preposition = i > 0 and tokens[i - 1].lower in {"with", "by", "received", "met"} and not tokens[i - 1].is_capitalized
        if k + 1 < len(runs) and j < len(tokens) and not after_preposition and _title_continues(tokens, i, j, runs[k + 1][0]):
            continue
        kept.append((i, j))
    return kept


def _title_continues(tokens: list[Token], start: int, end: int, next_run: int) -> bool:
    between = tokens[end:next_run]
    if not between:
        return False
    first = between[0].lower
    if first == "and":
        # "A and Foreign Minister B" are two people; only a lone word inside a title's "of" phrase
        # ("Minister of Road and Transport …") is the title's.
        inside_of = start >= 2 and tokens[start - 1].lower in {"of", "for"} and is_title_word(tokens[start - 2].lower)
        if end - start > 1 or not inside_of:
            return False
    elif first not in {"of", "for"}:
        return False
    return all(t.lower in CONNECTORS or is_title_word(t.lower) or _is_country_like(t) or t.is_capitalized
               for t in between)


def find_mentions(sentence: Sentence, sentence_index: int = -1) -> list[Mention]:
    """Every personal-name mention of a sentence, with its title when it has one."""
    tokens = sentence.tokens()
    runs = _drop_title_inner_runs(tokens, _name_runs(tokens))
    blocked = {k for i, j in runs for k in range(i, j)}
    mentions = []
    for i, j in runs:
        name_tokens = tokens[i:j]
        title = _title_left(tokens, i, blocked)
        after = (_title_right(tokens, j) or (_of_country(tokens, j) if j - i >= 2 else [])) if not title else []
        title_end = None
        if title and not any(_is_country_like(t) for t in title):
            # "Foreign Minister A of Kazakhstan": the country after the name completes the title before it
            of_country = _of_country(tokens, j)
            if of_country:
                title = title + tokens[j:j + 1] + of_country
                title_end = of_country[-1].end
        # "Alibek Bakayev (Kazakhstan)": the country in brackets, after a title or alone
        bracket = _bracket_country(tokens, j) if j - i >= 2 else []
        if bracket and not after:
            after = bracket
        honorific = i > 0 and tokens[i - 1].lower in HONORIFICS
        speech = j < len(tokens) and tokens[j].lower in SPEECH_VERBS
        if j - i == 1 and not (title or after or honorific):
            strong = False  # a bare single word: a person only if it is a known surname
        else:
            strong = bool(title or after or honorific or speech)
        start = (title[0].start if title else name_tokens[0].start)
        end = after[-1].end if after else (title_end or name_tokens[-1].end)
        if bracket:
            end = tokens[j + len(bracket) + 1].end  # the closing bracket
        if honorific and not title:
            k = i
            # ("H.E. Dato' Seri A": an apostrophe ends a Malay style)
            while k > 0 and (tokens[k - 1].lower in HONORIFICS or tokens[k - 1].text in {"'", "’"}
                             and k > 1 and tokens[k - 2].lower in HONORIFICS):
                k -= 1
            start = tokens[k].start
        mentions.append(Mention(
            name=normalize_name(name_tokens),
            name_start=name_tokens[0].start,
            name_end=name_tokens[-1].end,
            start=start,
            end=end,
            title_tokens=(title + bracket) if title and bracket else (title or after),
            strong=strong,
            sentence_index=sentence_index,
        ))
    # Words of another mention's title are not a person ("Minister of Industry and Advanced Technology").
    spans = [(id(m), m.title_tokens[0].start, m.title_tokens[-1].end) for m in mentions if m.title_tokens]
    mentions = [m for m in mentions if not any(owner != id(m) and s <= m.name_start and m.name_end <= e
                                               for owner, s, e in spans)]
    _share_plural_titles(mentions, sentence)
    _share_list_title(mentions, tokens)
    _share_respective_titles(mentions, tokens)
    return mentions


def _bracket_country(tokens: list[Token], end: int) -> list[Token]:
    """"(Kazakhstan)" right after a name: its country tokens, or []."""
    if end >= len(tokens) or tokens[end].text != "(":
        return []
    for n in (3, 2, 1):
        phrase = tokens[end + 1:end + 1 + n]
        if (len(phrase) == n and end + 1 + n < len(tokens) and tokens[end + 1 + n].text == ")"
                and country_of(" ".join(t.text for t in phrase))):
            return phrase
    return []


def _share_respective_titles(mentions: list[Mention], tokens: list[Token]) -> None:
    """"the Ambassadors of Sweden, Finland and Norway, A, B and C": one title and country each, in order."""
    for k, token in enumerate(tokens):
        if not (token.lower.endswith("s") and token.lower[:-1] in TITLE_HEADS and k + 2 < len(tokens)
                and tokens[k + 1].lower == "of"):
            continue
        countries: list[list[Token]] = []
        m = k + 2
        while m < len(tokens):
            for n in (3, 2, 1):
                phrase = tokens[m:m + n]
                if len(phrase) == n and country_of(" ".join(t.text for t in phrase)):
                    countries.append(phrase)
                    m += n
                    break
            else:
                break
            if m < len(tokens) and tokens[m].text == "," and m + 1 < len(tokens) and tokens[m + 1].lower == "and":
                m += 2
            elif m < len(tokens) and tokens[m].text in {",", "and"}:
                m += 1
            else:
                break
        if len(countries) < 2 or m == 0 or m >= len(tokens):
            continue
        if tokens[m - 1].text == ",":
            listed = [x for x in mentions if x.name_start >= tokens[m - 1].end and not x.title_tokens]
        elif any(x.name_start == tokens[m].start for x in mentions):
            # "Deputy Foreign Ministers of Kazakhstan and Armenia A and B": the names follow at once
            listed = [x for x in mentions if x.name_start >= tokens[m].start]
        else:
            continue
        listed = listed[:len(countries)]
        if len(listed) != len(countries):
            continue
        first = k
        while first > 0 and is_title_word(tokens[first - 1].lower) and tokens[first - 1].lower not in CONNECTORS:
            first -= 1
        role = tokens[first:k] + [Token(token.text[:-1], token.start, token.end)]
        for mention, country in zip(listed, countries):
            mention.title_tokens = role + country
            mention.strong = True
        listed[0].start = min(listed[0].start, tokens[first].start)


def _of_country(tokens: list[Token], end: int) -> list[Token]:
    """"Yermek Kosherbayev of Kazakhstan,": the country after a name, up to a comma, "and" or the end."""
    if end >= len(tokens) or tokens[end].lower != "of":
        return []
    k = end + 1
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    for n in (3, 2, 1):
        phrase = tokens[k:k + n]
        if len(phrase) == n and country_of(" ".join(t.text for t in phrase)) and (
                k + n >= len(tokens) or tokens[k + n].text in {",", ".", ";", ":", ")"} or tokens[k + n].lower == "and"
                # ("Foreign Minister A of Kazakhstan met with …": a verb or preposition follows)
                or tokens[k + n].text.isalpha() and tokens[k + n].text.islower()):
            return phrase
    return []


def _share_list_title(mentions: list[Mention], tokens: list[Token]) -> None:
    """"the foreign ministers of the C5+1 countries: A of Kazakhstan, B of Tajikistan": the plural title
    before the colon is each listed person's, in the singular."""
    colons = [k for k, t in enumerate(tokens) if t.text == ":"]
    for colon in colons:
        head = next((k for k in range(colon - 1, max(-1, colon - 9), -1)
                     if tokens[k].lower.endswith("s") and tokens[k].lower[:-1] in TITLE_HEADS), None)
        if head is None:
            continue
        first = head
        while first > 0 and is_title_word(tokens[first - 1].lower) and tokens[first - 1].lower not in CONNECTORS:
            first -= 1
        plural = tokens[head]
        role = tokens[first:head] + [Token(plural.text[:-1], plural.start, plural.end)]
        for mention in mentions:
            if mention.name_start > tokens[colon].start and not any(is_title_head(t.lower) for t in mention.title_tokens):
                mention.title_tokens = role + mention.title_tokens
                mention.strong = True


def _share_plural_titles(mentions: list[Mention], sentence: Sentence) -> None:
    """"the Presidents A and B", "Deputy Foreign Ministers A (Kazakhstan), B (Kyrgyzstan) and C": the
    others have the title too (each keeps their own bracketed country)."""
    for index, first in enumerate(mentions):
        role = [t for t in first.title_tokens if t.end <= first.name_start]
        if not (role and role[-1].lower.endswith("s") and role[-1].lower[:-1] in TITLE_HEADS):
            continue
        previous = first
        group = [first]
        for second in mentions[index + 1:]:
            gap = sentence.text[previous.end - sentence.start: second.start - sentence.start]
            if gap.strip() not in {"and", ",", ", and"} or any(t.end <= second.name_start for t in second.title_tokens):
                break
            second.title_tokens = role + list(second.title_tokens)
            second.strong = True
            previous = second
            group.append(second)
        _respective_demonyms(group, role)


def _respective_demonyms(group: list[Mention], role: list[Token]) -> None:
    """"Kazakh and Omani foreign ministers A and B": A is Kazakh, B Omani (as many states as names)."""
    lead = 0
    while lead < len(role) and (_is_country_like(role[lead]) or role[lead].lower in {"and", ","}):
        lead += 1
    states = [t for t in role[:lead] if _is_country_like(t)]
    if len(group) < 2 or len(states) != len(group) or lead == len(role):
        return
    rest = role[lead:]
    for mention, state in zip(group, states):
        own = [t for t in mention.title_tokens if t.start >= mention.name_start]
        mention.title_tokens = [state] + rest + own


def same_person(a: str, b: str) -> bool:
    """Two name forms of one person: equal, or same first and last word ("Antony J. Blinken")."""
    wa, wb = a.lower().split(), b.lower().split()
    if wa == wb:
        return True
    if len(wa) >= 2 and len(wb) >= 2:
        if wa[0] == wb[0] and wa[-1] == wb[-1]:
            return True
        # "Abdullah bin Zayed" for "Abdullah bin Zayed Al Nahyan": a name with a nasab, its family name left off
        short, long = sorted((wa, wb), key=len)
        return len(short) >= 3 and long[:len(short)] == short and any(w in {"bin", "bint", "ibn"} for w in short)
    return False


def surname_matches(single: str, full: str) -> bool:
    """A one-word mention ("Kishida") refers to a full name ending with it ("Fumio Kishida")."""
    words = full.lower().split()
    return len(words) >= 2 and single.lower() == words[-1]
