"""Ingestion: raw release files under an input folder → `Document` records.

Which files are releases: every `*.txt` file under the input folder, recursively. Hidden files and
folders (names starting with '.') are ignored; other files (gold annotations, READMEs, TSVs…) are
skipped and counted, so that a folder of releases can carry its own notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mfa_releases.document import Document
from mfa_releases.errors import ReleaseError
from mfa_releases.ids import doc_id as make_doc_id
from mfa_releases.ids import text_sha256
from mfa_releases.language import detect_language
from mfa_releases.releases import DEFAULT_MAX_BYTES, parse_release
from mfa_releases.sources import Sources
from mfa_releases.text import normalize

RELEASE_SUFFIXES = (".txt",)


@dataclass
class Listing:
    releases: list[Path] = field(default_factory=list)  # absolute paths, sorted by relative path
    skipped: list[Path] = field(default_factory=list)  # non-release files


def list_release_files(root: Path) -> Listing:
    """Release files under `root` (sorted, so the result never depends on the file system's order)."""
    listing = Listing()
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        (listing.releases if path.suffix.lower() in RELEASE_SUFFIXES else listing.skipped).append(path)
    return listing


def _resolve_source(rel: Path, front_matter_source: str | None, sources: Sources,
                    default_source: str, dataset: bool) -> str:
    display = rel.as_posix()
    folder = rel.parts[0] if len(rel.parts) > 1 else None
    if folder is not None and folder in sources:
        if front_matter_source is not None and front_matter_source != folder:
            raise ReleaseError(display, None, "source-mismatch",
                               f"front matter says source {front_matter_source!r} but the file is in folder {folder!r}",
                               f"move the file to {front_matter_source}/ or fix the front matter")
        return folder
    if dataset:
        # In the dataset (seeds/releases/<source>/…) the folder *is* the source and must be registered.
        if folder is None:
            raise ReleaseError(display, None, "unknown-source", "release is not inside a source folder",
                               "move it to seeds/releases/<source>/ with <source> listed in seeds/sources.yaml")
        raise ReleaseError(display, None, "unknown-source",
                           f"source folder {folder!r} is not listed in sources.yaml",
                           f"add an entry with 'id: {folder}' to seeds/sources.yaml, or move the file "
                           "into a listed source's folder")
    if front_matter_source is not None:
        return front_matter_source
    return default_source


def load_document(path: Path, root: Path, sources: Sources, default_source: str = "local", *,
                  dataset: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read, check and normalize one release file; raise `ReleaseError` when it is bad.

    The source is the first folder below `root` when it names a source in `sources`, else the front
    matter's `source`, else `default_source`. With `dataset=True` the folder must name a listed source.
    """
    path, root = Path(path), Path(root)
    rel = path.relative_to(root)
    display = rel.as_posix()
    try:
        with path.open("rb") as handle:
            # Read at most one byte over the limit, so that a stray multi-gigabyte file costs nothing.
            data = handle.read(max_bytes + 1 if max_bytes is not None else -1)
    except OSError as exc:
        raise ReleaseError(display, None, "unreadable", f"cannot read the file ({exc.strerror})",
                           "check that it exists and is readable") from None
    raw = parse_release(display, data, max_bytes=max_bytes)
    source = _resolve_source(rel, raw.source, sources, default_source, dataset)
    text = normalize(raw.body)
    if not text:
        raise ReleaseError(display, raw.body_line, "empty", "release has no text after normalization",
                           "add the release text after the header")
    language = raw.language or detect_language(text) or sources.language_of(source)
    if language is None:
        raise ReleaseError(display, raw.body_line, "language", "cannot tell the language of the text",
                           "add 'language: ru|en|kk' in YAML front matter")
    return Document(
        doc_id=make_doc_id(source, text),
        source=source,
        url=raw.url,
        date=raw.date,
        language=language,
        title=raw.title,
        text=text,
        sha256=text_sha256(text),
        n_chars=len(text),
        path=display,
    )


def load_documents(root: Path, sources: Sources, default_source: str = "local", *,
                   dataset: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES,
                   keep_going: bool = False, listing: Listing | None = None,
                   ) -> tuple[list[Document], list[ReleaseError]]:
    """All releases under `root` and the errors found.

    Every file is checked (so that one run reports every bad file); the caller decides whether errors
    abort the build. Two files with the same normalized text are an error naming both; the first in
    path order is kept. With `keep_going=False` the returned documents should not be written when
    errors is non-empty.
    """
    root = Path(root)
    if not root.is_dir():
        raise ReleaseError(str(root), None, "input", "input folder does not exist",
                           "pass --input DIR, a folder of release files")
    listing = listing or list_release_files(root)
    documents: list[Document] = []
    errors: list[ReleaseError] = []
    seen: dict[str, str] = {}  # sha256 of normalized text → path of the first file with it
    for path in listing.releases:
        try:
            document = load_document(path, root, sources, default_source, dataset=dataset, max_bytes=max_bytes)
        except ReleaseError as error:
            errors.append(error)
            continue
        first = seen.get(document.sha256)
        if first is not None:
            errors.append(ReleaseError(document.path, None, "duplicate",
                                       f"same normalized text as {first}",
                                       "delete one of the two files (a release is ingested once)"))
            continue
        seen[document.sha256] = document.path
        documents.append(document)
    return documents, errors
