"""Countries: surface forms in text → ISO 3166-1 alpha-2, shared by all languages.

Per-language gazetteers (`seeds/gazetteers/countries_<lang>.yaml`) list names, short forms,
abbreviations and adjectives as they occur in releases (РК, США, «казахстанский»; "Kazakh",
"U.S."). Languages with rich inflection look up a lemma (the extractor lemmatizes first);
English falls back to pycountry's official names.
"""

from __future__ import annotations

from functools import cache

import pycountry

from mfa_releases.extract.gazetteer import load_gazetteer


@cache
def _forms(language: str) -> dict[str, str]:
    try:
        return load_gazetteer(f"countries_{language}")
    except FileNotFoundError:
        return {}


def country_code(surface: str, language: str) -> str | None:
    """ISO alpha-2 code for a country name, abbreviation or adjective, or None."""
    key = " ".join(surface.split()).casefold()
    code = _forms(language).get(key)
    if code is None and language == "en":
        try:
            code = pycountry.countries.lookup(surface).alpha_2
        except LookupError:
            code = None
    return code


def is_iso_code(code: str) -> bool:
    """True for an assigned ISO 3166-1 alpha-2 code (XK, Kosovo, is accepted as user-assigned)."""
    return code == "XK" or pycountry.countries.get(alpha_2=code) is not None
