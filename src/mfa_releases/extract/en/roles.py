"""Titles → (normalized role, country served, organization).

"Deputy Prime Minister of Kazakhstan – Foreign Minister" → role "deputy prime minister and
minister of foreign affairs", country KZ. Countries are taken out of the role; "to <country>"
names the host of an ambassador, not the state they serve; a trailing "of the Kazakh Foreign
Ministry" is the organization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from mfa_releases.extract.en.lexicon import TITLE_HEADS, country_of, normalized_role_part
from mfa_releases.extract.en.tokens import Token

# Roles that say nothing about the position itself; the person's other mentions decide.
VAGUE_ROLES = frozenset({"counterpart", "diplomat", "leader", "head", "official", "side", "minister"})
# International organisations: their officials serve no state, the body is their organization.
INTERNATIONAL_BODIES = frozenset(
    """UN OSCE EU CIS SCO CICA CSTO EAEU EEU NATO ASEAN OIC OECD IMF WTO WHO UNESCO UNICEF UNDP IAEA OTS GCC
    UNHCR UNODC UNECE ESCAP UNESCAP FAO WFP ICRC EBRD ADB AIIB IOM OPCW CTBTO UNCTAD UNIDO ILO UNFPA""".split()
)
ORGANIZATION_HEADS = re.compile(
    r"\b(ministry|mfa|department|office|secretariat|embassy|agency|organization|organisation|union)\b", re.I)

# Short English names where pycountry's official one is not what releases say.
SHORT_NAMES = {
    "RU": "Russia", "US": "the United States", "GB": "the United Kingdom", "KR": "the Republic of Korea",
    "IR": "Iran", "VN": "Vietnam", "TR": "Türkiye", "MD": "Moldova", "KP": "the DPRK", "SY": "Syria",
    "VE": "Venezuela", "TW": "Taiwan", "BO": "Bolivia", "TZ": "Tanzania", "LA": "Laos", "CZ": "the Czech Republic",
}


ACCREDITATION = re.compile(r"^((?:deputy\s+|alternate\s+)?(?:permanent\s+representative|ambassador|envoy))"
                           r"\s+to\s+.*$")
ACCREDITATION_KEEP = r"\1"


@dataclass
class Title:
    role: str | None
    country: str | None
    host: str | None  # "Ambassador … to Kazakhstan": the state they are accredited to
    organization: str | None


def _country_spans(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """Country mentions in a title: (start index, end index, ISO code), longest phrases first."""
    spans = []
    i = 0
    while i < len(tokens):
        for n in range(min(5, len(tokens) - i), 0, -1):
            words = tokens[i:i + n]
            if n > 1 and any(t.text in {",", "–", "-"} for t in words):
                continue
            code = country_of(" ".join(t.text for t in words))
            if code:
                spans.append((i, i + n, code))
                i += n
                break
        else:
            i += 1
    return spans


def parse_title(tokens: list[Token]) -> Title:
    """Role, country, host and organization of a title's tokens."""
    words = [t.text for t in tokens]
    keep = [True] * len(words)
    country = host = None
    organization = None
    for start, end, code in _country_spans(tokens):
        for k in range(start, end):
            keep[k] = False
        # Possessive: "Tajikistan's Minister"
        if end < len(words) and words[end] in {"'s", "’s"}:
            keep[end] = False
        before = start - 1
        if before >= 0 and words[before].lower() == "the":
            before -= 1
        if before >= 0 and words[before].lower() == "for" and start > 0 and words[start - 1].lower() == "for":
            for k in range(start, end):
                keep[k] = True  # "Special Envoy … for Syria": the mandate, part of the role
            continue
        if before >= 0 and words[before].lower() in ("to", "in"):
            # "Ambassador … to Kazakhstan", "UN Resident Coordinator in Kazakhstan": where they serve, not whom
            host = host or code
            for k in range(before, start):
                keep[k] = False
            continue
        country = country or code
        trailing = end >= len(words) or words[end].lower() in {"–", "-", "—", ",", "to", "and", "for", "on", "in"}
        if before >= 0 and words[before].lower() in {"of", "for"} and trailing:
            for k in range(before, start):
                keep[k] = False
    # "Ambassador at Large of the Kazakh Foreign Ministry": the body is the organization.
    # A title the roles gazetteer knows as a whole ("Head of the Foreign Ministry") stays whole.
    whole = " ".join(w for w, k in zip(words, keep) if k)
    whole_role = _known_role(whole)
    # "EU High Representative …", "… of the OSCE", "… of the Kazakh Foreign Ministry": the body.
    if len(words) > 1 and words[0] in INTERNATIONAL_BODIES:
        organization = words[0]
        keep[0] = False
    for k in range(len(words) - 1, 0, -1):
        tail = " ".join(words[k + 1:])
        body = re.sub(r"^the\s+", "", tail)
        # "Director of the Consular Directorate of the Ministry of Foreign Affairs": a body named as such
        # ("the Ministry …", "the Department …") is the organization even when its name says "Affairs";
        # "Head of the Department" alone stays the role.
        named_body = re.match(r"the\s+(?:Ministry|Department|Office|Secretariat|Agency)\b", tail) and k > 1 and not re.fullmatch(
            r"(?i)(?:deputy\s+)?head", " ".join(words[:k]))
        if words[k].lower() == "of" and (
            ORGANIZATION_HEADS.search(tail) and (named_body or not re.search(r"\baffairs\b", tail, re.I))
            or body in INTERNATIONAL_BODIES
        ):
            organization = body
            keep[k:] = [False] * (len(words) - k)
            break
    role = whole_role or normalize_role(" ".join(w for w, k in zip(words, keep) if k))
    return Title(role=role, country=country, host=host, organization=organization)


def _known_role(text: str) -> str | None:
    """The gazetteer's role for a whole title, or None when only its parts may be known."""
    text = re.sub(r"^(?:the|his|her|their|its)\s+", "", " ".join(text.split()), flags=re.I)
    normalized = normalized_role_part(text)
    return normalized if normalized != text.lower() else None


def normalize_role(text: str) -> str | None:
    """A title without its country → lower-case normalized role, or None when it says nothing."""
    text = re.sub(r"^(?:the|his|her|their|its)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"\s+(?:of|for|the|and|to|,)$", "", text)
    text = re.sub(r"\s+,", ",", " ".join(text.split()))
    if not text:
        return None
    parts = [p for p in re.split(r"\s+[–—-]\s+|,\s+(?=(?:first\s+|deputy\s+)?minister\b)", text, flags=re.I) if p]
    expanded: list[str] = []
    for part in parts:
        pieces = re.split(r"\s+and\s+", part)
        if len(pieces) > 1 and all(any(w.lower() in TITLE_HEADS for w in piece.split()) for piece in pieces):
            expanded.extend(pieces)
        else:
            expanded.append(part)
    # ("Deputy Foreign Ministers A and B": each one's role is in the singular)
    roles = [_normalized_with_modifier(_singular_heads(part)) for part in expanded]
    roles = [r for r in roles if r]
    # "Member of the Political Bureau … and Foreign Minister": membership of a body is not the position
    if len(roles) > 1:
        roles = [r for r in roles if not r.startswith("member of ")] or roles
    # "Permanent Representative … to the International Organizations in Vienna": where, not what
    roles = [ACCREDITATION.sub(ACCREDITATION_KEEP, r) for r in roles]
    if not roles:
        return None
    role = " and ".join(_singular(r) for r in roles)
    if role in VAGUE_ROLES or role.split()[-1] in {"counterpart", "diplomat", "diplomats"}:
        return None
    return role


def _normalized_with_modifier(part: str) -> str:
    """"acting foreign minister" → "acting minister of foreign affairs"."""
    normalized = normalized_role_part(part)
    words = part.lower().split()
    if normalized == " ".join(words) and len(words) > 1 and words[0] in {"acting", "interim", "former"}:
        return f"{words[0]} {normalized_role_part(' '.join(words[1:]))}"
    return normalized


def _singular_heads(text: str) -> str:
    """"deputy foreign ministers" → "deputy foreign minister" ("cabinet of ministers" stays: a body's name)."""
    words = text.split()
    return " ".join(w[:-1] if w.lower().endswith("s") and w.lower()[:-1] in TITLE_HEADS and (
        k == 0 or words[k - 1].lower() not in {"of", "the", "for"}) else w for k, w in enumerate(words))


def _singular(role: str) -> str:
    """"presidents" (in "the Presidents A and B") → "president"."""
    words = role.split()
    if words[0].endswith("s") and words[0][:-1] in TITLE_HEADS:
        words[0] = words[0][:-1]
    return " ".join(words)


def country_name(code: str) -> str:
    """The short English name of a country, as in "Ministry of Foreign Affairs of Kazakhstan"."""
    if code in SHORT_NAMES:
        return SHORT_NAMES[code].removeprefix("the ")
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def infer_organization(role: str | None, country: str | None) -> str | None:
    """The body a role implies: foreign ministers → "Ministry of Foreign Affairs of <country>"."""
    if role is None or country is None:
        return None
    if "minister of foreign affairs" in role:
        return f"Ministry of Foreign Affairs of {country_name(country)}"
    if role == "secretary of state" and country == "US":
        return "Department of State"
    return None
