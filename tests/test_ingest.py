import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import REPO, SEED, SOURCES_YAML
from mfa_releases.errors import ReleaseError
from mfa_releases.ids import commitment_id, doc_id, meeting_id, participant_id
from mfa_releases.ingest import load_document, load_documents
from mfa_releases.releases import parse_release
from mfa_releases.schemas import Documents
from mfa_releases.sources import load_sources

DOC_ID = re.compile(Documents.to_schema().columns["doc_id"].checks[0].statistics["pattern"])


def test_error_renders_as_one_line():
    error = ReleaseError("kz-mfa/a.txt", 3, "date-header", "malformed date", "write YYYY-MM-DD")
    assert str(error) == "kz-mfa/a.txt:3: [date-header] malformed date — write YYYY-MM-DD"
    assert str(ReleaseError("a.txt", None, "empty", "file is empty", "")) == "a.txt: [empty] file is empty"


def test_error_survives_pickling():
    import pickle

    error = ReleaseError("a.txt", 2, "empty", "file is empty", "fill it")
    assert pickle.loads(pickle.dumps(error)) == error


def test_ids_are_stable_and_match_the_contract():
    first = doc_id("kz-mfa", "Текст.")
    assert first == doc_id("kz-mfa", "Текст.")
    assert first != doc_id("other", "Текст.") != doc_id("kz-mfa", "Текст!")
    assert DOC_ID.match(first)
    assert meeting_id(first, 1) == f"{first}-m1"
    assert participant_id(meeting_id(first, 2), 3) == f"{first}-m2-p3"
    assert commitment_id(first, 4) == f"{first}-c4"


def test_seed_format():
    release = parse_release("a.txt", " date 2026-02-05 Первый абзац.\n\nВторой.".encode())
    assert release.date == dt.date(2026, 2, 5)
    assert release.body == "Первый абзац.\n\nВторой."
    assert release.body_line == 1
    assert (release.source, release.url, release.language, release.title) == (None, None, None, None)


def test_front_matter_format():
    raw = ("---\ndate: 2026-02-05\nsource: kz-mfa\nurl: https://example.org/x\nlanguage: ru\n"
           "title: Встреча\n---\nТекст релиза.\n").encode()
    release = parse_release("a.txt", raw)
    assert release.date == dt.date(2026, 2, 5)
    assert (release.source, release.url, release.language, release.title) == (
        "kz-mfa", "https://example.org/x", "ru", "Встреча")
    assert release.body.strip() == "Текст релиза."
    assert release.body_line == 8


@pytest.mark.parametrize(
    "raw, rule, line, words",
    [
        (b"", "empty", None, "empty"),
        (b" \n\r\n", "empty", None, "empty"),
        (b" date 2026-02-05\n\n", "empty", 2, "no text"),
        ("Текст без заголовка.".encode(), "date-header", 1, "missing date header"),
        (" date 05.02.2026 Текст.".encode(), "date-header", 1, "malformed date '05.02.2026'"),
        (" date Текст.".encode(), "date-header", 1, "malformed date"),
        (" date 2026-02-30 Текст.".encode(), "impossible-date", 1, "does not exist"),
        (" date 2026-13-01 Текст.".encode(), "impossible-date", 1, "does not exist"),
        (" date 2026-02-05 Текст.".encode("cp1251"), "encoding", 1, "Windows-1251"),
        (" date 2026-02-05 Текст релиза о встрече.".encode("koi8_r"), "encoding", 1, "KOI8-R"),
        (" date 2026-02-05 Текст.".encode("utf-16"), "encoding", None, "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", None, "binary"),
        ("---\ndate: 2026-02-05\ntitle: [oops\n---\nТекст.".encode(), "front-matter", None, "bad YAML"),
        ("---\ndate: 2026-02-05\nauthor: me\n---\nТекст.".encode(), "front-matter", 3, "unknown front-matter key 'author'"),
        ("---\ndate: 2026-02-05\nТекст.".encode(), "front-matter", 1, "never closed"),
        ("---\ntitle: x\n---\nТекст.".encode(), "date-header", 1, "no date"),
        ("---\ndate: 2026-02-31\n---\nТекст.".encode(), "impossible-date", 2, "does not exist"),
        ("---\ndate: 2026-02-05\nlanguage: de\n---\nText.".encode(), "front-matter", 3, "bad language"),
        ("---\ndate: 2026-02-05\nurl: example.org\n---\nText.".encode(), "front-matter", 3, "bad url"),
    ],
)
def test_bad_release_gives_one_clear_error(raw, rule, line, words):
    with pytest.raises(ReleaseError) as caught:
        parse_release("kz-mfa/bad.txt", raw)
    error = caught.value
    assert (error.rule, error.path) == (rule, "kz-mfa/bad.txt")
    if line is not None:
        assert error.line == line
    assert words in error.message
    assert error.hint  # every error says how to fix it
    assert "\n" not in str(error)


def test_size_limit():
    with pytest.raises(ReleaseError) as caught:
        parse_release("big.txt", b" date 2026-02-05 " + b"x" * 200, max_bytes=100)
    assert caught.value.rule == "too-large"
    assert "params.yaml" in caught.value.hint


def test_bom_crlf_and_trailing_whitespace_give_the_same_document(tmp_path):
    sources = load_sources(REPO / "seeds" / "sources.yaml")
    clean = " date 2026-02-05 Первый абзац.\n\nВторой абзац."
    messy = "\ufeff date 2026-02-05 Первый абзац.   \r\n\r\n\r\nВторой абзац.\t\r\n"
    (tmp_path / "clean.txt").write_text(clean, encoding="utf-8")
    (tmp_path / "messy.txt").write_bytes(messy.encode("utf-8"))
    a = load_document(tmp_path / "clean.txt", tmp_path, sources)
    b = load_document(tmp_path / "messy.txt", tmp_path, sources)
    assert (a.doc_id, a.text, a.sha256) == (b.doc_id, b.text, b.sha256)
    assert a.text == "Первый абзац.\n\nВторой абзац."


def test_seed_document():
    sources = load_sources(REPO / "seeds" / "sources.yaml")
    document = load_document(SEED, REPO / "seeds" / "releases", sources, dataset=True)
    assert document.source == "kz-mfa"
    assert document.language == "ru"
    assert document.date == dt.date(2026, 2, 5)
    assert document.path == "kz-mfa/2026-02-05-kosherbaev-washington.txt"
    assert "Фото: МИД" not in document.text and "\n\n\n" not in document.text
    assert document.text.startswith("Министр иностранных дел РК Ермек Кошербаев")
    assert document.n_chars == len(document.text)


def _write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_source_resolution(tmp_path):
    sources_file = _write(tmp_path, "sources.yaml", SOURCES_YAML)
    sources = load_sources(sources_file)
    root = tmp_path / "in"
    folder = _write(root, "kz-mfa/a.txt", " date 2026-01-01 Текст один.")
    front = _write(root, "misc/b.txt", "---\ndate: 2026-01-02\nsource: test-en\n---\nText two.")
    default = _write(root, "c.txt", " date 2026-01-03 Текст три.")
    assert load_document(folder, root, sources).source == "kz-mfa"
    assert load_document(front, root, sources).source == "test-en"
    assert load_document(default, root, sources, default_source="mine").source == "mine"
    assert load_document(default, root, sources).source == "local"


def test_source_folder_and_front_matter_must_agree(tmp_path):
    sources = load_sources(_write(tmp_path, "sources.yaml", SOURCES_YAML))
    path = _write(tmp_path / "in", "kz-mfa/a.txt", "---\ndate: 2026-01-02\nsource: test-en\n---\nText.")
    with pytest.raises(ReleaseError, match="source-mismatch"):
        load_document(path, tmp_path / "in", sources)


def test_dataset_requires_a_listed_source_folder(tmp_path):
    sources = load_sources(_write(tmp_path, "sources.yaml", SOURCES_YAML))
    path = _write(tmp_path / "in", "ru-mid/a.txt", " date 2026-01-01 Текст.")
    assert load_document(path, tmp_path / "in", sources).source == "local"  # any folder: fine
    with pytest.raises(ReleaseError) as caught:
        load_document(path, tmp_path / "in", sources, dataset=True)
    assert caught.value.rule == "unknown-source" and "'ru-mid'" in caught.value.message
    assert "sources.yaml" in caught.value.hint


def test_language_from_front_matter_detection_or_source(tmp_path):
    sources = load_sources(_write(tmp_path, "sources.yaml", SOURCES_YAML))
    root = tmp_path / "in"
    given = _write(root, "a.txt", "---\ndate: 2026-01-01\nlanguage: kk\n---\nТекст.")
    detected = _write(root, "b.txt", " date 2026-01-01 The minister met the ambassador.")
    no_letters = _write(root, "test-en/c.txt", " date 2026-01-01 2026 — 12:30")
    assert load_document(given, root, sources).language == "kk"
    assert load_document(detected, root, sources).language == "en"
    assert load_document(no_letters, root, sources).language == "en"  # the source's default


def test_duplicates_name_both_files(tmp_path):
    sources = load_sources(_write(tmp_path, "sources.yaml", SOURCES_YAML))
    root = tmp_path / "in"
    _write(root, "a.txt", " date 2026-01-01 Один и тот же текст.")
    _write(root, "b.txt", " date 2026-01-02 Один  и тот же текст.  \n")
    _write(root, "notes.md", "not a release")
    documents, errors = load_documents(root, sources)
    assert [d.path for d in documents] == ["a.txt"]
    assert len(errors) == 1 and errors[0].rule == "duplicate"
    assert errors[0].path == "b.txt" and "a.txt" in errors[0].message


@pytest.mark.parametrize(
    "text, words",
    [
        ("- id: Bad Id\n  name: x\n  country: KZ\n  homepage: https://x\n  language: ru\n  licence: y\n", "bad source id"),
        ("- id: a\n  name: x\n  country: Kazakhstan\n  homepage: https://x\n  language: ru\n  licence: y\n", "bad country"),
        ("- id: a\n  name: x\n  country: KZ\n  homepage: https://x\n  language: ru\n", "lacks licence"),
        ("- id: a\n  name: x\n  country: KZ\n  homepage: https://x\n  language: ru\n  licence: y\n  owner: z\n", "unknown key"),
        ("- id: a\n  name: [x\n", "bad YAML"),
        ("id: a\n", "expected a YAML list"),
    ],
)
def test_bad_sources_file(tmp_path, text, words):
    with pytest.raises(ReleaseError) as caught:
        load_sources(_write(tmp_path, "sources.yaml", text))
    assert words in caught.value.message and caught.value.rule == "sources"


def test_repository_sources_file():
    sources = load_sources(REPO / "seeds" / "sources.yaml")
    kz = sources["kz-mfa"]
    assert (kz.country, kz.language, kz.homepage) == ("KZ", "ru", "https://www.gov.kz/memleket/entities/mfa")
    assert kz.licence
