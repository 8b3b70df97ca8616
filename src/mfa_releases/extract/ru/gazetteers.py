"""Russian gazetteers (seeds/gazetteers/*_ru.yaml), looked up by surface form and by lemma."""

from __future__ import annotations

from functools import cache

import yaml

from mfa_releases.extract.countries import country_code
from mfa_releases.extract.gazetteer import gazetteer_dir, load_gazetteer


def _fold(text: str) -> str:
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").split()).casefold()


@cache
def _table(name: str) -> dict[str, str]:
    try:
        return {_fold(k): v for k, v in load_gazetteer(name).items()}
    except FileNotFoundError:
        return {}


def _inflected(word: str) -> list[str]:
    """Nominative candidates for a capitalized one-word name in an oblique case («Акорде»)."""
    if " " in word or not word[:1].isupper() or len(word) < 5 or word.isupper():
        return []
    out = []
    for cut, endings in ((1, ("а", "я", "й", "ь", "")), (2, ("а", "я", ""))):
        stem = word[:-cut]
        out += [stem + e for e in endings]
    return out


def country(*forms: str) -> str | None:
    """ISO code of the first form (surface or lemma) naming a country, or None."""
    table = _table("countries_ru")
    for form in forms:
        if not form:
            continue
        code = country_code(form, "ru") or table.get(_fold(form))
        if code:
            return code
    for form in forms[:1]:
        for candidate in _inflected(form or ""):
            code = table.get(_fold(candidate))
            if code:
                return code
    if forms and forms[0] and forms[0][:1].isupper():
        # every other state by pycountry's Russian names («Исландии» → lemma «исландия»)
        names = _pycountry_names()
        for form in forms:
            code = names.get(_fold(form or ""))
            if code:
                return code
    return None


_NOT_COUNTRY_WORDS = {"того", "мали", "чад", "гана", "джерси", "гуам", "мэн"}  # also common words


@cache
def _pycountry_names() -> dict[str, str]:
    """Folded Russian country names (short, common, official; also word by word lemmatized) → ISO."""
    import gettext

    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
    except OSError:
        return {}
    names: dict[str, str] = {}
    for entry in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(entry, attribute, None)
            if not english:
                continue
            name = translate(english)
            if "," in name or name == english or _fold(name) in _NOT_COUNTRY_WORDS:
                continue
            names.setdefault(_fold(name), entry.alpha_2)
            if " " in name:
                names.setdefault(_lemma_key(name), entry.alpha_2)
    return names


def city_country(city: str) -> str | None:
    return _table("cities_ru").get(_fold(city))


@cache
def _cities() -> dict[str, str]:
    """Folded city name → the city as written in the gazetteer."""
    data = yaml.safe_load((gazetteer_dir() / "cities_ru.yaml").read_text(encoding="utf-8")) or {}
    return {_fold(city): city for cities in data.values() for city in cities or []}


def city(*forms: str) -> str | None:
    """The nominative city name for an inflected form («Вашингтоне», «Астане», «Тяньцзине»)."""
    cities = _cities()
    for form in forms:
        if not form:
            continue
        word = _fold(form)
        candidates = [word]
        for cut in (1, 2):
            stem = word[:-cut]
            if len(stem) >= 3:
                candidates += [stem, stem + "ь", stem + "а", stem + "я", stem + "й"]
        for candidate in candidates:
            if candidate in cities:
                return cities[candidate]
    return None


@cache
def _capitals() -> dict[str, str]:
    return load_gazetteer("capitals_ru")


def capital(iso: str) -> str | None:
    return _capitals().get(iso.casefold())


@cache
def _country_short() -> dict[str, str]:
    data = yaml.safe_load((gazetteer_dir() / "country_names_ru.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


@cache
def _country_names() -> dict[str, str]:
    """ISO → the country's first (nominative) name in countries_ru.yaml."""
    data = yaml.safe_load((gazetteer_dir() / "countries_ru.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): str(v[0]) for k, v in data.items() if v}


def _genitive(name: str) -> str:
    """«Латвия» → «Латвии», «Новая Зеландия» → «Новой Зеландии» (pymorphy)."""
    from mfa_releases.extract.ru.pipeline import morph

    words = []
    for word in name.split():
        parse = morph().parse(word)[0]
        inflected = parse.inflect({"Gen"})  # natasha's MorphVocab takes UD feature names
        form = inflected.word if inflected else word
        words.append(form[:1].upper() + form[1:] if word[:1].isupper() else form)
    return " ".join(words)


def country_short(iso: str | None) -> str | None:
    """«РК», «США», «Германии»: how a country follows «МИД …» in an organization name."""
    if not iso:
        return None
    short = _country_short().get(iso)
    if short is None and iso in _country_names():
        short = _genitive(_country_names()[iso])
    return short


def _lemma_key(text: str) -> str:
    from mfa_releases.extract.ru.pipeline import morph

    analyzer = morph()
    return " ".join(analyzer.parse(word)[0].normal_form for word in _fold(text).split())


@cache
def _organizations_by_lemma() -> dict[str, str]:
    return {_lemma_key(form): value for form, value in _table("organizations_ru").items() if " " in form}


def organization(*forms: str) -> str | None:
    """Canonical name of an international organization named by a form (any case), or None."""
    for form in forms:
        if form:
            value = _table("organizations_ru").get(_fold(form))
            if value:
                return value
    if forms and forms[0] and " " in forms[0]:
        return _organizations_by_lemma().get(_lemma_key(forms[0]))
    return None


@cache
def role_forms() -> list[tuple[str, str]]:
    """(phrase, normalized role), longest phrase first."""
    table = _table("roles_ru")
    return sorted(table.items(), key=lambda item: -len(item[0]))


@cache
def known_person_pattern():
    """A regex for the names of persons_ru.yaml in any case form («Касым-Жомарта Токаева»): each
    word may change its last letter and take up to three more."""
    import re

    data = yaml.safe_load((gazetteer_dir() / "persons_ru.yaml").read_text(encoding="utf-8")) or {}
    names = sorted({str(n) for names in data.values() for n in names or []}, key=len, reverse=True)

    def word(w: str) -> str:
        return "-".join(re.escape(p[:-1]) + r"[а-яё]{0,4}" if len(p) >= 4 else re.escape(p) for p in w.split("-"))

    alternatives = [r"\s+".join(word(w) for w in name.split()) for name in names]
    return re.compile(r"(?<![А-ЯЁа-яё-])(?:" + "|".join(alternatives) + r")(?![А-ЯЁа-яё])") if alternatives else None


def known_person_country(name: str) -> str | None:
    """The state of a well-known person (seeds/gazetteers/persons_ru.yaml), by full name."""
    return _table("persons_ru").get(_fold(name))
