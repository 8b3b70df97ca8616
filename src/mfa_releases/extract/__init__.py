"""Fact extraction: one extractor per language behind the `Extractor` interface (`base.py`).

`extract_document` picks the extractor by `Document.language`; languages without one (Kazakh
for now) yield no facts, and the build reports how many documents that was.
"""

from __future__ import annotations

import importlib
from functools import cache

from mfa_releases.document import Document
from mfa_releases.extract.base import Extractor, Facts

# language → "module:Class"; imported lazily so that nothing loads a model at import time.
EXTRACTORS = {
    "ru": "mfa_releases.extract.ru:RussianExtractor",
    "en": "mfa_releases.extract.en:EnglishExtractor",
}


@cache
def get_extractor(language: str) -> Extractor | None:
    """The extractor for a language, created once per process, or None when there is none."""
    target = EXTRACTORS.get(language)
    if target is None:
        return None
    module_name, class_name = target.split(":")
    module = importlib.import_module(module_name)
    extractor_class = getattr(module, class_name, None)
    return extractor_class() if extractor_class is not None else None


def extractor_version(language: str) -> str | None:
    """The version of a language's extractor (part of the per-document cache key)."""
    extractor = get_extractor(language)
    return extractor.version if extractor is not None else None


def extract_document(document: Document) -> Facts:
    """Machine facts for one document; empty when its language has no extractor."""
    extractor = get_extractor(document.language)
    return extractor.extract(document) if extractor is not None else Facts()
