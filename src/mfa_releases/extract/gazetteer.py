"""Loading the gazetteers in `seeds/gazetteers/` (shared by every language's extractor).

A gazetteer file is YAML mapping a value (an ISO 3166-1 alpha-2 code, a normalized role, …)
to the surface forms that denote it in text:

    KZ: [Казахстан, РК, казахстанский]
    US: [США, американский, Соединенные Штаты]

`load_gazetteer` inverts it into surface form (case-folded) → value and rejects a form that
maps to two values, naming the file.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml


def gazetteer_dir() -> Path:
    """Where gazetteers live: $MFA_RELEASES_GAZETTEERS, else seeds/gazetteers of this checkout."""
    env = os.environ.get("MFA_RELEASES_GAZETTEERS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "seeds" / "gazetteers"


@cache
def load_gazetteer(name: str) -> dict[str, str]:
    """Surface form (case-folded) → value for `seeds/gazetteers/<name>.yaml`."""
    path = gazetteer_dir() / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    forms: dict[str, str] = {}
    for value, surfaces in data.items():
        for surface in surfaces or []:
            key = str(surface).casefold()
            if key in forms and forms[key] != value:
                raise ValueError(f"{path}: {surface!r} maps to both {forms[key]} and {value}")
            forms[key] = str(value)
    return forms
