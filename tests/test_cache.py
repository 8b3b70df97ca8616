"""The per-document extraction cache: hits skip extraction, any change to what decides the facts
(extractor version, gazetteers, extraction code) misses, and entries are canonical bytes."""

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import mfa_releases.cache as cache_module
import mfa_releases.parallel as parallel
from conftest import REPO, SEED, SOURCES_YAML
from mfa_releases.cache import (ExtractionCache, code_digest, encode_entry, facts_from_json, facts_to_json,
                                tree_digest)
from mfa_releases.extract.base import CommitmentFact, Facts, MeetingFact, ParticipantFact
from mfa_releases.ingest import load_documents
from mfa_releases.parallel import extract_all
from mfa_releases.sources import load_sources

SHORT_RU = [
    " date 2026-03-10 Министр иностранных дел Казахстана провел встречу с послом Франции в Астане.\n\n"
    "Стороны договорились провести консультации в мае 2026 года.\n",
    " date 2026-03-12 Заместитель министра иностранных дел провел телефонный разговор с коллегой из Турции.\n",
]
SHORT_EN = [" date 2026-03-11 The Foreign Minister of Kazakhstan met the Ambassador of Japan in Astana.\n"]

FACTS = Facts(
    meetings=[MeetingFact(kind="meeting", date=dt.date(2026, 3, 9), city="Астана", country="KZ",
                          evidence="провел встречу", char_start=3, char_end=17,
                          participants=[ParticipantFact(name="Иван Петров", role="посол", organization=None,
                                                        country="FR", mention="Иваном Петровым",
                                                        char_start=20, char_end=35)])],
    commitments=[CommitmentFact(kind="intent", actors=["KZ", "FR"], due="2026-05", evidence="договорились",
                                char_start=40, char_end=52, meeting=0)],
)


@pytest.fixture
def documents(tmp_path: Path):
    """The seed and three short releases written for the tests, ingested for real."""
    root = tmp_path / "releases"
    (root / "kz-mfa").mkdir(parents=True)
    shutil.copy(SEED, root / "kz-mfa" / SEED.name)
    for i, text in enumerate(SHORT_RU + SHORT_EN):
        (root / "kz-mfa" / f"short-{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    docs, errors = load_documents(root, load_sources(tmp_path / "sources.yaml"))
    assert not errors
    return docs


@pytest.fixture
def counting(monkeypatch):
    """Replace extraction (in this process: in_process=True) by a stub that counts its calls."""
    calls = []

    def fake_extract(document):
        calls.append(document.doc_id)
        return replace(FACTS, meetings=[replace(FACTS.meetings[0], city=document.doc_id)])

    monkeypatch.setattr(parallel, "extract_document", fake_extract)
    monkeypatch.setattr(cache_module, "declared_version", lambda language: f"{language}-test-1")
    return calls


def test_facts_survive_the_round_trip_and_encode_canonically():
    assert facts_from_json(facts_to_json(FACTS)) == FACTS
    encoded = encode_entry("k", FACTS)
    assert encoded == encode_entry("k", facts_from_json(facts_to_json(FACTS)))
    assert encoded.endswith(b"\n") and encoded.count(b"\n") == 1
    assert "Астана".encode() in encoded  # UTF-8, not \\u escapes


def test_a_hit_skips_extraction(tmp_path, documents, counting):
    first = list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    assert len(counting) == len(documents)
    cache = ExtractionCache(tmp_path / "cache")
    second = list(extract_all(documents, cache=cache, in_process=True))
    assert len(counting) == len(documents)  # no new calls
    assert (cache.hits, cache.misses) == (len(documents), 0)
    assert second == first


def test_only_the_new_document_is_extracted(tmp_path, documents, counting):
    list(extract_all(documents[:-1], cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    counting.clear()
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    assert counting == [documents[-1].doc_id]


def test_renaming_a_file_keeps_its_entry(tmp_path, documents, counting):
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    counting.clear()
    moved = [replace(d, path=f"elsewhere/{d.path}") for d in documents]
    list(extract_all(moved, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    assert counting == []


@pytest.mark.parametrize("change", [
    lambda d: replace(d, text=d.text + " Ещё.", sha256="0" * 64),  # another normalized text
    lambda d: replace(d, date=d.date + dt.timedelta(days=1)),  # relative dates resolve against it
])
def test_a_changed_document_misses(tmp_path, documents, counting, change):
    list(extract_all(documents[:1], cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    counting.clear()
    list(extract_all([change(documents[0])], cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    assert len(counting) == 1


def test_a_new_extractor_version_invalidates(tmp_path, documents, counting, monkeypatch):
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    counting.clear()
    monkeypatch.setattr(cache_module, "declared_version",
                        lambda language: "ru-test-2" if language == "ru" else f"{language}-test-1")
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    assert sorted(counting) == sorted(d.doc_id for d in documents if d.language == "ru")
    assert counting  # the fixture has Russian documents


def test_a_gazetteer_change_invalidates(tmp_path, documents, counting):
    gazetteers = tmp_path / "gazetteers"
    gazetteers.mkdir()
    (gazetteers / "countries_ru.yaml").write_text("KZ: [Казахстан]\n", encoding="utf-8")
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache", gazetteers=gazetteers), in_process=True))
    counting.clear()
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache", gazetteers=gazetteers), in_process=True))
    assert counting == []
    (gazetteers / "countries_ru.yaml").write_text("KZ: [Казахстан, РК]\n", encoding="utf-8")
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache", gazetteers=gazetteers), in_process=True))
    assert len(counting) == len(documents)


def test_a_code_change_changes_the_digest(tmp_path):
    code = tmp_path / "extract"
    shutil.copytree(REPO / "src" / "mfa_releases" / "extract", code,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = tree_digest(code, suffixes=(".py",))
    (code / "__pycache__").mkdir(exist_ok=True)
    (code / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert tree_digest(code, suffixes=(".py",)) == before  # byte-code is not source
    rules = sorted(code.rglob("*.py"))[-1]
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a new rule\n", encoding="utf-8")
    assert tree_digest(code, suffixes=(".py",)) != before


def test_a_change_to_one_language_keeps_the_others_entries(tmp_path):
    code = tmp_path / "extract"
    shutil.copytree(REPO / "src" / "mfa_releases" / "extract", code,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = {language: code_digest(code, language) for language in ("ru", "en")}
    (code / "en" / "__init__.py").write_text("# a new English rule\n", encoding="utf-8")
    after = {language: code_digest(code, language) for language in ("ru", "en")}
    assert after["ru"] == before["ru"] and after["en"] != before["en"]
    (code / "base.py").write_text("# shared by every language\n", encoding="utf-8")
    assert all(code_digest(code, language) != after[language] for language in ("ru", "en"))


def test_the_fingerprint_covers_the_installed_extraction_code(tmp_path, monkeypatch):
    cache = ExtractionCache(tmp_path / "cache")
    monkeypatch.setattr(cache_module, "declared_version", lambda language: "v")
    before = cache.fingerprint("ru")
    cache_module.extraction_code_digest.cache_clear()
    monkeypatch.setattr(cache_module, "tree_digest", lambda root, suffixes=None, recursive=True: f"changed {root.name}")
    try:
        assert ExtractionCache(tmp_path / "cache").fingerprint("ru") != before
    finally:
        cache_module.extraction_code_digest.cache_clear()


def test_the_cache_bytes_depend_only_on_the_documents(tmp_path, documents, counting):
    def files(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    list(extract_all(documents, cache=ExtractionCache(tmp_path / "a"), in_process=True))
    list(extract_all(list(reversed(documents)), cache=ExtractionCache(tmp_path / "b"), in_process=True))
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert len(files(tmp_path / "a")) == len(documents)


def test_prune_keeps_exactly_what_the_build_used(tmp_path, documents, counting, monkeypatch):
    list(extract_all(documents, cache=ExtractionCache(tmp_path / "cache"), in_process=True))
    (tmp_path / "cache" / ".tmp-left-over.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr(cache_module, "declared_version", lambda language: f"{language}-test-2")
    cache = ExtractionCache(tmp_path / "cache")
    list(extract_all(documents[:2], cache=cache, in_process=True))
    removed = cache.prune()
    assert removed == len(documents) + 1  # every old-version entry and the temp file
    left = sorted(p for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert len(left) == 2 and all(p.parent.parent.name == cache.fingerprint("ru") for p in left)


def test_an_unreadable_entry_is_a_miss_and_is_rewritten(tmp_path, documents, counting):
    cache = ExtractionCache(tmp_path / "cache")
    list(extract_all(documents[:1], cache=cache, in_process=True))
    entry = next(p for p in (tmp_path / "cache").rglob("*.json"))
    entry.write_text('{"format": "1", "key"', encoding="utf-8")  # as if truncated by hand
    counting.clear()
    again = ExtractionCache(tmp_path / "cache")
    list(extract_all(documents[:1], cache=again, in_process=True))
    assert len(counting) == 1 and again.misses == 1
    assert ExtractionCache(tmp_path / "cache").get(documents[0]) is not None


def test_languages_without_an_extractor_are_not_cached(tmp_path, documents, monkeypatch):
    monkeypatch.setattr(cache_module, "declared_version", lambda language: None)
    cache = ExtractionCache(tmp_path / "cache")
    assert cache.key(documents[0]) is None
    cache.put(documents[0], FACTS)
    assert cache.get(documents[0]) is None and not (tmp_path / "cache").exists()
