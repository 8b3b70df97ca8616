"""Extraction in worker processes, with results in input order.

`extract_all` streams `(document, facts)` pairs in the order the documents came in, whatever the
number of workers, so the tables built from them are byte-identical for any `workers`. Cached
documents never reach a worker; misses go to the workers in small chunks, and only a bounded
window of documents is in flight, so memory does not grow with the corpus.

Workers are forked from a clean fork server (not from the building process, which may hold
threads and large tables), started with

- every BLAS/OpenMP pool pinned to one thread (N workers on N cores, not N x N threads);
- a fixed string-hash seed, so that an extractor that iterates over a set of strings still
  gives the same output in every worker, every run and whatever the number of workers (the
  building process's own seed is random);

and their initializer loads the extractors' models once per worker. Pools are kept for the
life of the process, so a second build in the same process (tests, notebooks) reuses workers
whose models are loaded.

This module imports nothing heavy at import time: the fork server preloads it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from mfa_releases.document import Document
from mfa_releases.extract import extract_document, get_extractor
from mfa_releases.extract.base import Facts

if TYPE_CHECKING:
    from mfa_releases.cache import ExtractionCache

# Thread-pool sizes read by OpenBLAS, MKL, OpenMP, Accelerate and numexpr when they load.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

GAZETTEERS_VARIABLE = "MFA_RELEASES_GAZETTEERS"  # see mfa_releases.extract.gazetteer

# Environment of the fork server, inherited by every worker.
WORKER_ENVIRONMENT = {**{name: "1" for name in THREAD_VARIABLES}, "PYTHONHASHSEED": "0"}

# Documents per task: enough to amortize inter-process overhead, small enough to balance load.
CHUNK_SIZE = 4
# Documents (mostly cache hits, a few hundred bytes of facts each) that may wait behind a miss.
MAX_PENDING = 4096


class ExtractionFailed(RuntimeError):
    """An extractor raised on a document; the message names the document's file."""


def available_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def resolve_workers(workers: int) -> int:
    """`workers` as given; 0 or less means one per available core."""
    return workers if workers > 0 else available_cores()


# One short sentence per language, extracted once per worker so that every lazily loaded model,
# gazetteer and rule table is in memory before the first real document arrives.
WARM_UP_TEXTS = {
    "ru": "Министр иностранных дел провел встречу с послом в Астане.",
    "en": "The Minister of Foreign Affairs met the Ambassador in Astana.",
}


def load_models(languages: Iterable[str]) -> None:
    """Create the extractors for `languages` and load what they load lazily, now."""
    import datetime as dt

    for language in sorted(set(languages)):
        extractor = get_extractor(language)
        text = WARM_UP_TEXTS.get(language)
        if extractor is None or text is None:
            continue
        load = getattr(extractor, "load", None)
        if callable(load):
            load()
            continue
        warm_up = Document(doc_id="warm-up-000000000000", source="warm-up", url=None, date=dt.date(2026, 1, 1),
                           language=language, title=None, text=text, sha256="0" * 64, n_chars=len(text),
                           path="(warm-up)")
        try:
            extractor.extract(warm_up)
        except Exception:  # a broken extractor fails again on the real documents, naming their files
            pass


def _init_worker(languages: tuple[str, ...], gazetteers: str | None) -> None:
    # Before anything imports numpy: BLAS pools are sized once, when the library loads.
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    # The caller's gazetteer folder now, not the fork server's environment from when it started.
    if gazetteers is None:
        os.environ.pop(GAZETTEERS_VARIABLE, None)
    else:
        os.environ[GAZETTEERS_VARIABLE] = gazetteers
    load_models(languages)
    if "torch" in sys.modules:  # only when an extractor brought it in; importing it costs seconds
        sys.modules["torch"].set_num_threads(1)


def _extract_chunk(documents: list[Document]) -> list[Facts]:
    results = []
    for document in documents:
        try:
            results.append(extract_document(document))
        except Exception as error:  # re-raised in the parent, naming the file
            raise ExtractionFailed(
                f"{document.path}: extraction failed ({document.language}): {type(error).__name__}: {error}"
            ) from None
    return results


class _Slot:
    """One document on its way through: facts known, or a chunk future and its place in it."""

    __slots__ = ("document", "facts", "future", "index", "from_cache")

    def __init__(self, document: Document, facts: Facts | None):
        self.document = document
        self.facts = facts
        self.from_cache = facts is not None
        self.future: Future | None = None
        self.index = 0

    def ready(self) -> bool:
        return self.facts is not None or (self.future is not None and self.future.done())

    def result(self) -> Facts:
        if self.facts is None:
            self.facts = self.future.result()[self.index]
            self.future = None
        return self.facts


def _start_fork_server(context) -> None:
    """Start the fork server (once per process) with `WORKER_ENVIRONMENT`.

    The environment must be the server's, not set by the worker initializer: a worker re-imports
    the caller's __main__ (the DVC stage script imports pandas, so numpy) before its initializer
    runs, BLAS pools are sized when numpy loads, and the hash seed when the interpreter starts.
    This process's own environment is restored.
    """
    import multiprocessing.forkserver as forkserver

    context.set_forkserver_preload([__name__])  # the server itself imports only this module
    saved = {name: os.environ.get(name) for name in WORKER_ENVIRONMENT}
    os.environ.update(WORKER_ENVIRONMENT)
    try:
        forkserver.ensure_running()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


_POOLS: dict[int, tuple[tuple, ProcessPoolExecutor]] = {}


def _extraction_inputs() -> tuple:
    """What workers load once and keep: the gazetteers (where, and their digest) and the code."""
    from mfa_releases.cache import extraction_code_digest, gazetteers_digest

    return os.environ.get(GAZETTEERS_VARIABLE), gazetteers_digest(), extraction_code_digest()


def _pool(workers: int, languages: Iterable[str]) -> ProcessPoolExecutor:
    """A pool of `workers` processes, reused while it is alive and the gazetteers are unchanged."""
    inputs = _extraction_inputs()
    inputs_then, pool = _POOLS.get(workers, (None, None))
    if pool is not None:
        if (inputs_then == inputs and not getattr(pool, "_broken", False)
                and not getattr(pool, "_shutdown_thread", False)):
            return pool
        pool.shutdown(wait=True, cancel_futures=True)  # its workers hold stale gazetteers
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        _start_fork_server(context)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(tuple(sorted(set(languages))), inputs[0]))
    _POOLS[workers] = (inputs, pool)
    return pool


def _ready() -> None:
    """A task that only makes a worker start (its initializer loads the models)."""


def prestart(workers: int, languages: Iterable[str] = tuple(WARM_UP_TEXTS)) -> Future:
    """Start one worker of the pool that `extract_all(workers=...)` will use, so that its models
    load now, while the caller does other work, rather than when the first cache miss comes.
    The future is done when the worker is ready."""
    return _pool(resolve_workers(workers), languages).submit(_ready)


def shutdown_pools() -> None:
    """Stop every worker process this process started."""
    while _POOLS:
        _POOLS.popitem()[1][1].shutdown(wait=True, cancel_futures=True)


def extract_all(
    documents: Iterable[Document],
    *,
    workers: int = 1,
    cache: ExtractionCache | None = None,
    chunk_size: int = CHUNK_SIZE,
    in_process: bool = False,
) -> Iterator[tuple[Document, Facts]]:
    """Facts for every document, yielded in input order, with cache hits skipping extraction.

    Misses go to a pool of `workers` processes (0: one per core) whose processes start as work
    arrives, so adding one release uses one worker (started early by `prestart`, its models load
    while the caller ingests). New facts are written to `cache` as they are yielded. `in_process=True` extracts in this process
    instead (no pool; output then depends on this process's hash seed, see the module docstring).
    """
    workers = resolve_workers(workers)
    max_misses = workers * chunk_size * 4  # extraction work in flight
    pending: deque[_Slot] = deque()  # in input order; cache hits queue up while misses are extracted
    batch: list[_Slot] = []  # misses not yet sent
    pool: ProcessPoolExecutor | None = None
    open_misses = 0

    def submit() -> None:
        nonlocal pool, batch
        if not batch:
            return
        chunk, batch = batch, []
        docs = [slot.document for slot in chunk]
        if in_process:
            for slot, facts in zip(chunk, _extract_chunk(docs)):
                slot.facts = facts
            return
        if pool is None:
            pool = _pool(workers, (d.language for d in docs))
        future = pool.submit(_extract_chunk, docs)
        for index, slot in enumerate(chunk):
            slot.future, slot.index = future, index

    def finish(slot: _Slot) -> tuple[Document, Facts]:
        nonlocal open_misses
        if slot.facts is None and slot.future is None:  # still in the unsent batch
            submit()
        facts = slot.result()
        if not slot.from_cache:
            open_misses -= 1
            if cache is not None:
                cache.put(slot.document, facts)
        return slot.document, facts

    try:
        for document in documents:
            slot = _Slot(document, cache.get(document) if cache is not None else None)
            pending.append(slot)
            if slot.facts is None:
                open_misses += 1
                batch.append(slot)
                if len(batch) >= chunk_size:
                    submit()
            else:
                submit()  # a run of misses ended: send it now rather than when it reaches the head
            # Hand back what is ready at the head; block only when too much is waiting.
            while pending and (pending[0].ready() or open_misses > max_misses or len(pending) > MAX_PENDING):
                yield finish(pending.popleft())
        submit()
        while pending:
            yield finish(pending.popleft())
    finally:
        for slot in pending:  # stopped early (an error downstream): drop the work not yet started
            if slot.future is not None:
                slot.future.cancel()
