"""The build: ingest → extract → curate → validate → write, as one function.

`build` is what both `mfa-releases build` and the DVC stage (`scripts/build.py`) call. It writes
nothing unless every step succeeded (or, with `keep_going`, unless what is left is valid): tables are
streamed batch by batch into temporary files that are renamed into place only at the end
(`tables.StreamingTables`).

Extraction is one call per document (`extract_one`), a pure function of the document, so that a
per-document cache or a pool of worker processes can wrap it without touching the rest.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mfa_releases.document import Document
from mfa_releases.errors import ReleaseError
from mfa_releases.ingest import list_release_files, load_documents
from mfa_releases.releases import DEFAULT_MAX_BYTES
from mfa_releases.relations import check_relations
from mfa_releases.rows import FACT_TABLES, empty_rows, facts_to_rows
from mfa_releases.sources import load_sources
from mfa_releases.cache import ExtractionCache
from mfa_releases.parallel import extract_all, prestart, resolve_workers
from mfa_releases.tables import StreamingTables, to_arrow, validate_tables

# Documents per batch: tables are validated and written (one Parquet row group per batch) batch by
# batch. Fixed, because the row groups are part of the output's bytes.
BATCH_DOCUMENTS = 2000
PRIMARY_KEYS = {"documents": "doc_id", "meetings": "meeting_id", "participants": "participant_id",
                "commitments": "commitment_id"}


class BuildError(Exception):
    """The build failed; `errors` (input files) and `reports` (contract/relations) say why."""

    def __init__(self, errors: list[ReleaseError], reports: list[str] | None = None):
        self.errors = errors
        self.reports = reports or []
        lines = [str(e) for e in errors] + self.reports
        super().__init__("\n".join(lines))


@dataclass
class BuildReport:
    """What a build did, for the CLI summary and for tests."""

    input_dir: str
    output_dir: str
    documents: int = 0
    by_language: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    not_extracted: dict[str, int] = field(default_factory=dict)  # language without extractor → documents
    human_curated: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    skipped_files: list[str] = field(default_factory=list)  # non-release files (not .txt)
    bad_files: list[ReleaseError] = field(default_factory=list)  # skipped with --keep-going
    written: list[str] = field(default_factory=list)
    workers: int = 1
    extracted: int = 0  # documents run through an extractor in this build
    cache_hits: int = 0  # documents whose machine facts came from the extraction cache

    @property
    def n_not_extracted(self) -> int:
        return sum(self.not_extracted.values())


def extract_one(document: Document) -> dict[str, list[dict]]:
    """Machine rows (meetings, participants, commitments) for one document.

    Pure function of the document (and the extractor version): safe to cache per document and to run
    in worker processes.
    """
    from mfa_releases.extract import extract_document

    return facts_to_rows(document, extract_document(document), "machine")


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _repeated_ids(tables: dict, seen: dict[str, set]) -> list[str]:
    """Ids already written by an earlier batch (pandera checks uniqueness within a batch)."""
    problems = []
    for name, column in PRIMARY_KEYS.items():
        for value in tables[name].column(column).to_pylist():
            if value in seen[name]:
                problems.append(f"{name}: {column} {value!r} is not unique")
            seen[name].add(value)
    return problems


def has_extractor(language: str) -> bool:
    from mfa_releases.extract import get_extractor

    return get_extractor(language) is not None


def _human_facts_function():
    """`mfa_releases.annotations.human_facts`, or None while that module does not exist."""
    try:
        module = importlib.import_module("mfa_releases.annotations")
    except ModuleNotFoundError as exc:
        if exc.name == "mfa_releases.annotations":
            return None
        raise
    return getattr(module, "human_facts", None)


def curate_one(document: Document, annotations_dir: Path | None, human_facts=None) -> dict[str, list[dict]] | None:
    """Human rows for a document that has an annotation in `annotations_dir`, else None."""
    if annotations_dir is None:
        return None
    human_facts = human_facts or _human_facts_function()
    if human_facts is None:
        return None
    facts = human_facts(document, Path(annotations_dir))
    return facts_to_rows(document, facts, "human") if facts is not None else None


def build(input_dir: Path | str, output_dir: Path | str, *, sources_path: Path | str,
          annotations_dir: Path | str | None = None, default_source: str = "local",
          keep_going: bool = False, dataset: bool = False,
          max_bytes: int | None = DEFAULT_MAX_BYTES, progress=None,
          workers: int = 1, cache_dir: Path | str | None = None) -> BuildReport:
    """Build every table from the releases under `input_dir` into `output_dir/<table>.parquet`.

    Raises `BuildError` (and writes nothing) when an input file is bad — unless `keep_going`, which
    skips bad files and lists them in `BuildReport.bad_files` — or when the tables break the contract.
    `workers` extraction processes (0: one per core) give the same bytes as one; with `cache_dir`,
    only documents whose text, extractor, extraction code or gazetteers changed are extracted.
    """
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    report = BuildReport(input_dir=str(input_dir), output_dir=str(output_dir))
    prestart(workers)  # a worker loads its models while this process ingests
    try:
        sources = load_sources(sources_path)
        listing = list_release_files(input_dir) if input_dir.is_dir() else None
        documents, errors = load_documents(input_dir, sources, default_source, dataset=dataset,
                                           max_bytes=max_bytes, keep_going=keep_going, listing=listing)
    except ReleaseError as error:
        raise BuildError([error]) from None
    if errors and not keep_going:
        raise BuildError(errors)
    if not listing.releases:
        raise BuildError([ReleaseError(str(input_dir), None, "input", "no release files (*.txt) found",
                                       "point --input at a folder holding release .txt files")])
    report.bad_files = errors
    report.skipped_files = [p.relative_to(input_dir).as_posix() for p in listing.skipped]

    # Stable row order: by source, then date, then id — a function of content, not of file names.
    documents.sort(key=lambda d: (d.source, d.date, d.doc_id))
    report.documents = len(documents)
    report.by_language = dict(sorted(Counter(d.language for d in documents).items()))
    report.by_source = dict(sorted(Counter(d.source for d in documents).items()))

    human_facts = _human_facts_function() if annotations_dir is not None else None
    human_rows = {}  # doc_id → rows; a human annotation replaces the machine facts of its document
    for document in documents if human_facts else ():
        try:
            doc_rows = curate_one(document, annotations_dir, human_facts)
        except ReleaseError as error:  # a broken human annotation fails the build like a broken release
            raise BuildError([error]) from None
        if doc_rows is not None:
            human_rows[document.doc_id] = doc_rows
    report.human_curated = len(human_rows)

    # Machine facts stream in document order from the cache or the workers (mfa_releases.parallel);
    # tables are checked and written batch by batch, so memory does not grow with the corpus.
    extractable = {language: has_extractor(language) for language in report.by_language}
    to_extract = [d for d in documents if d.doc_id not in human_rows and extractable[d.language]]
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    report.workers = resolve_workers(workers)
    machine = extract_all(to_extract, workers=report.workers, cache=cache)
    reports: list[str] = []
    seen_ids: dict[str, set] = {name: set() for name in PRIMARY_KEYS}
    report.rows = {name: 0 for name in PRIMARY_KEYS}
    with StreamingTables(output_dir, PRIMARY_KEYS) as writer:
        try:
            for batch in _batches(progress(documents) if progress else documents, BATCH_DOCUMENTS):
                rows = empty_rows()
                for document in batch:
                    if document.doc_id in human_rows:
                        doc_rows = human_rows[document.doc_id]
                    elif extractable[document.language]:
                        extracted, facts = next(machine)  # same order as `to_extract`
                        doc_rows = facts_to_rows(extracted, facts, "machine")
                    else:
                        report.not_extracted[document.language] = report.not_extracted.get(document.language, 0) + 1
                        continue
                    for name in FACT_TABLES:
                        rows[name].extend(doc_rows[name])
                tables = {"documents": to_arrow("documents", [vars(d) for d in batch])}  # to_row() copies
                tables.update({name: to_arrow(name, rows[name]) for name in FACT_TABLES})
                reports += validate_tables(tables) + check_relations(tables) + _repeated_ids(tables, seen_ids)
                if not reports:
                    writer.write(tables)
                for name, table in tables.items():
                    report.rows[name] += table.num_rows
        finally:
            machine.close()  # a failed batch cancels the extraction not yet started
        if reports:
            raise BuildError([], reports)
        report.written = [str(p) for p in writer.commit()]
    report.cache_hits = cache.hits if cache is not None else 0
    report.extracted = len(to_extract) - report.cache_hits
    if cache is not None:
        cache.prune()  # the cache now holds exactly this corpus's entries
    return report


@dataclass
class ValidationResult:
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # pandera lazy reports, then relations problems

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"ok": self.ok, "rows": self.rows, "problems": self.problems}


def validate_folder(tables_dir: Path | str) -> ValidationResult:
    """Check the four tables in a folder against the contract and against each other."""
    from mfa_releases.schemas import TABLES
    from mfa_releases.tables import read_tables

    tables_dir = Path(tables_dir)
    result = ValidationResult()
    if not tables_dir.is_dir():
        result.problems.append(f"{tables_dir}: folder does not exist — build first (mfa-releases build or dvc repro)")
        return result
    tables = read_tables(tables_dir)
    result.rows = {name: table.num_rows for name, table in tables.items()}
    result.problems.extend(
        p.replace(": table is missing", f": {tables_dir}/{p.split(':')[0]}.parquet is missing")
        for p in validate_tables(tables))
    if len(tables) == len(TABLES) and not result.problems:
        result.problems.extend(check_relations(tables))
    return result
