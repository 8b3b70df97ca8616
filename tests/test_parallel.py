"""Extraction in worker processes: the same facts and the same table bytes for any number of
workers, input order kept, input read lazily, and failures that name the file."""

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import mfa_releases.parallel as parallel
from conftest import SEED, SOURCES_YAML, snapshot
from mfa_releases.ingest import load_documents
from mfa_releases.parallel import ExtractionFailed, extract_all
from mfa_releases.sources import load_sources

ORIGINAL_ENVIRONMENT = dict(os.environ)

# Short releases written for the tests (Russian and English), besides the seed.
SHORT = [
    " date 2026-03-10 Министр иностранных дел Республики Казахстан Ермек Кошербаев провел встречу с "
    "послом Франции Сильвеном Гиоже.\n\nСтороны обсудили вопросы двустороннего сотрудничества и "
    "договорились провести очередной раунд политических консультаций в мае 2026 года в Астане.\n",
    " date 2026-03-12 Заместитель министра иностранных дел Казахстана Алибек Бакаев провел телефонный "
    "разговор с заместителем министра иностранных дел Турции.\n\nСтороны подтвердили намерение "
    "подписать соглашение о сотрудничестве в следующем году.\n",
    " date 2026-03-11 Foreign Minister of Kazakhstan Yermek Kosherbayev held talks with the Minister "
    "for Foreign Affairs of Hungary in Astana.\n\nThe parties agreed to hold the next meeting of the "
    "intergovernmental commission in Budapest in 2027.\n",
    " date 2026-03-13 Ambassador of Kazakhstan to Japan met the Governor of Osaka Prefecture.\n\n"
    "The sides discussed cooperation in education and tourism.\n",
]


def write_corpus(root: Path) -> Path:
    (root / "kz-mfa").mkdir(parents=True)
    shutil.copy(SEED, root / "kz-mfa" / SEED.name)
    for i, text in enumerate(SHORT):
        (root / "kz-mfa" / f"short-{i}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(SOURCES_YAML, encoding="utf-8")
    return path


@pytest.fixture
def documents(tmp_path: Path, sources: Path):
    docs, errors = load_documents(write_corpus(tmp_path / "releases"), load_sources(sources))
    assert not errors and {d.language for d in docs} == {"ru", "en"}
    return docs


def test_two_workers_give_the_same_facts_in_the_same_order(documents):
    one = list(extract_all(documents, workers=1))
    two = list(extract_all(documents, workers=2, chunk_size=1))
    assert two == list(extract_all(documents, workers=2, chunk_size=3))
    assert [d.doc_id for d, _ in two] == [d.doc_id for d in documents]
    assert two == one
    assert any(facts.meetings for _, facts in one)  # the extractors did run


def test_tables_are_byte_identical_for_one_and_two_workers(tmp_path, sources):
    from mfa_releases.pipeline import build

    releases = write_corpus(tmp_path / "corpus")
    for workers in (1, 2):
        build(releases, tmp_path / f"w{workers}", sources_path=sources, workers=workers,
              cache_dir=tmp_path / f"cache-w{workers}")
    one, two = snapshot(tmp_path / "w1"), snapshot(tmp_path / "w2")
    assert one == two and "meetings.parquet" in one
    assert snapshot(tmp_path / "cache-w1") == snapshot(tmp_path / "cache-w2")


def test_a_cached_rebuild_writes_the_same_bytes(tmp_path, sources):
    from mfa_releases.pipeline import build

    releases = write_corpus(tmp_path / "corpus")
    build(releases, tmp_path / "cold", sources_path=sources, workers=1, cache_dir=tmp_path / "cache")
    report = build(releases, tmp_path / "warm", sources_path=sources, workers=2, cache_dir=tmp_path / "cache")
    assert snapshot(tmp_path / "cold") == snapshot(tmp_path / "warm")
    assert report.extracted == 0 and report.cache_hits == report.documents


def test_one_new_release_starts_one_worker(tmp_path, documents):
    from mfa_releases.cache import ExtractionCache

    list(extract_all(documents[:-1], workers=1, cache=ExtractionCache(tmp_path / "cache")))
    parallel.shutdown_pools()
    cache = ExtractionCache(tmp_path / "cache")
    results = list(extract_all(documents, workers=2, cache=cache))
    assert (cache.hits, cache.misses) == (len(documents) - 1, 1)
    assert len(parallel._pool(2, [])._processes) == 1  # processes start as work arrives
    assert results == list(extract_all(documents, workers=1))
    parallel.shutdown_pools()
    list(extract_all(documents, workers=2, cache=ExtractionCache(tmp_path / "cache")))
    assert parallel._POOLS == {}  # everything cached: no pool at all


def test_prestart_starts_one_worker_with_its_models():
    parallel.shutdown_pools()
    parallel.prestart(2).result()
    pool = parallel._pool(2, [])
    loaded = pool.submit(eval, "__import__('mfa_releases.extract').extract.get_extractor.cache_info().currsize")
    assert loaded.result() == len(parallel.WARM_UP_TEXTS)  # every extractor created and warmed up
    assert len(pool._processes) == 1


def test_input_is_read_lazily(documents, monkeypatch):
    monkeypatch.setattr(parallel, "extract_document", lambda document: parallel.Facts())
    pulled = []

    def source():
        for document in documents * 50:
            pulled.append(document)
            yield document

    results = extract_all(source(), chunk_size=2, in_process=True)
    next(results)
    assert len(pulled) <= 2  # not the whole corpus before the first result
    assert len(list(results)) == len(documents) * 50 - 1


def test_a_failure_in_this_process_names_the_file(documents, monkeypatch):
    def broken(document):
        raise ValueError("no such rule")

    monkeypatch.setattr(parallel, "extract_document", broken)
    with pytest.raises(ExtractionFailed, match=r"kz-mfa/.*\.txt: extraction failed \(\w\w\): ValueError: no such rule"):
        list(extract_all(documents, in_process=True))


def test_a_failure_in_a_worker_names_the_file(documents):
    bad = replace(documents[0], text=None, path="kz-mfa/broken.txt")
    with pytest.raises(ExtractionFailed, match=r"kz-mfa/broken\.txt: extraction failed"):
        list(extract_all([*documents, bad], workers=2))


# Runs in a worker: numpy's BLAS does a product large enough to use its thread pool, then the
# worker's threads are counted (one BLAS thread: the worker's main thread only).
COUNT_THREADS_AFTER_BLAS = ("__import__('numpy').ones((400, 400)).dot(__import__('numpy').ones((400, 400))).sum()"
                            " and len(__import__('os').listdir('/proc/self/task'))")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
def test_workers_run_with_one_blas_thread():
    import numpy  # noqa: F401 — as the DVC stage script does, before the pool starts

    pool = parallel._pool(2, [])
    values = {name: pool.submit(os.getenv, name).result() for name in parallel.THREAD_VARIABLES}
    threads = pool.submit(eval, COUNT_THREADS_AFTER_BLAS).result()
    assert set(values.values()) == {"1"} and threads == 1
    assert {name: os.environ.get(name) for name in parallel.THREAD_VARIABLES} == {
        name: ORIGINAL_ENVIRONMENT.get(name) for name in parallel.THREAD_VARIABLES}  # ours is untouched


def test_workers_hash_strings_the_same_in_every_run():
    """Set iteration order over strings follows the hash seed: fixed in workers, so extraction
    output cannot depend on the run or on which worker got the document."""
    import subprocess
    import sys

    expected = subprocess.run([sys.executable, "-c", "print(hash('mfa-releases'))"], capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=True).stdout.strip()
    pool = parallel._pool(2, [])
    assert {str(pool.submit(hash, "mfa-releases").result()) for _ in range(4)} == {expected}
    assert parallel._pool(2, []) is pool  # reused, models and all


def test_workers_follow_a_change_of_gazetteers(tmp_path, monkeypatch):
    pool = parallel._pool(2, [])
    assert parallel._pool(2, []) is pool
    gazetteers = tmp_path / "gazetteers"
    gazetteers.mkdir()
    monkeypatch.setenv(parallel.GAZETTEERS_VARIABLE, str(gazetteers))
    moved = parallel._pool(2, [])
    assert moved is not pool and moved.submit(os.getenv, parallel.GAZETTEERS_VARIABLE).result() == str(gazetteers)
    (gazetteers / "countries_ru.yaml").write_text("KZ: [Казахстан]\n", encoding="utf-8")
    assert parallel._pool(2, []) is not moved  # same folder, new contents: fresh workers


@pytest.mark.parametrize("given, expected", [(1, 1), (3, 3), (0, parallel.available_cores())])
def test_worker_count(given, expected):
    assert parallel.resolve_workers(given) == expected
