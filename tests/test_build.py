"""The build end to end through the CLI: determinism, the seed, bad input, --keep-going."""

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import REPO, SEED, snapshot
from mfa_releases.extract.base import Facts, MeetingFact, ParticipantFact
from mfa_releases.pipeline import build
from mfa_releases.schemas import TABLES, arrow_schema

DEV = REPO.parent / "shared" / "corpus" / "dev"


def _build(cli, seeds: Path, out: Path, *extra):
    return cli("build", "--input", seeds / "releases", "--output", out, "--sources", seeds / "sources.yaml", *extra)


def test_build_writes_every_table_with_the_contract_schema(cli, dataset, tmp_path):
    result = _build(cli, dataset, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "2 documents (en 1, ru 1)" in result.stdout
    for name, model in TABLES.items():
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.schema.equals(arrow_schema(model), check_metadata=False)
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    assert sorted(d["path"] for d in documents) == ["kz-mfa/en.txt", "kz-mfa/ru.txt"]
    assert {d["language"] for d in documents} == {"ru", "en"}


def test_two_builds_are_byte_identical(cli, dataset, tmp_path):
    assert _build(cli, dataset, tmp_path / "a").exit_code == 0
    # Touch the files and add an unrelated one: order and mtimes must not matter.
    (dataset / "releases" / "kz-mfa" / "README.md").write_text("notes", encoding="utf-8")
    assert _build(cli, dataset, tmp_path / "b").exit_code == 0
    a, b = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert sorted(a) == [f"{name}.parquet" for name in sorted(TABLES)]
    assert a == b


def test_seed_builds_into_a_valid_documents_table(cli, tmp_path):
    result = cli("build", "--input", REPO / "seeds" / "releases", "--output", tmp_path / "out",
                 "--sources", REPO / "seeds" / "sources.yaml")
    assert result.exit_code == 0, result.output
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    seed = [d for d in documents if d["path"] == SEED.relative_to(REPO / "seeds" / "releases").as_posix()]
    assert len(seed) == 1 and seed[0]["source"] == "kz-mfa"
    assert cli("validate", "--tables", tmp_path / "out").exit_code == 0


BAD_INPUTS = [
    # (file name under releases/, content, rule, words in the message)
    ("kz-mfa/empty.txt", b"", "empty", "file is empty"),
    ("kz-mfa/nodate.txt", "Министр провел встречу.".encode(), "date-header", "missing date header"),
    ("kz-mfa/baddate.txt", " date 2026/02/05 Текст.".encode(), "date-header", "malformed date"),
    ("kz-mfa/impossible.txt", " date 2026-02-29 Текст.".encode(), "impossible-date", "2026-02-29 does not exist"),
    ("kz-mfa/cp1251.txt", " date 2026-02-05 Министр провел встречу.".encode("cp1251"), "encoding", "Windows-1251"),
    ("kz-mfa/binary.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "binary", "binary"),
    ("kz-mfa/yaml.txt", "---\ndate: 2026-02-05\ntitle: 'unclosed\n---\nТекст.".encode(), "front-matter", "bad YAML"),
    ("kz-mfa/keys.txt", "---\ndate: 2026-02-05\nauthor: me\n---\nТекст.".encode(), "front-matter", "unknown front-matter key 'author'"),
    ("ru-mid/unknown.txt", " date 2026-02-05 Министр провел встречу в Москве.".encode(), "unknown-source", "'ru-mid' is not listed"),
    ("kz-mfa/copy.txt", (" date 2026-03-10 Министр иностранных дел провел встречу с послом Франции.\r\n\r\n"
                         "Стороны обсудили вопросы двустороннего сотрудничества.  ").encode(), "duplicate", "kz-mfa/ru.txt"),
    ("kz-mfa/huge.txt", b" date 2026-02-05 " + "Текст. ".encode() * 100_000, "too-large", "over the limit"),
]


@pytest.mark.parametrize("name, content, rule, words", BAD_INPUTS, ids=[b[2] for b in BAD_INPUTS])
def test_bad_input_fails_clearly_and_changes_nothing(cli, dataset, tmp_path, name, content, rule, words):
    out = tmp_path / "out"
    assert _build(cli, dataset, out).exit_code == 0
    before = snapshot(out)
    bad = dataset / "releases" / name
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(content)

    result = _build(cli, dataset, out)

    assert result.exit_code != 0
    problem_lines = [line for line in result.stderr.splitlines() if f"[{rule}]" in line]
    assert len(problem_lines) == 1, result.stderr
    assert problem_lines[0].startswith(name.split("/")[0] + "/")  # names the file, relative to the input
    assert name in problem_lines[0]
    assert words in problem_lines[0]
    assert " — " in problem_lines[0]  # and says how to fix it
    assert "nothing was written" in result.stderr
    assert snapshot(out) == before


def test_failed_first_build_creates_no_output(cli, dataset, tmp_path):
    (dataset / "releases" / "kz-mfa" / "empty.txt").write_bytes(b"")
    result = _build(cli, dataset, tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_keep_going_skips_bad_files_and_lists_them(cli, dataset, tmp_path):
    (dataset / "releases" / "kz-mfa" / "empty.txt").write_bytes(b"")
    (dataset / "releases" / "kz-mfa" / "nodate.txt").write_text("Текст без даты.", encoding="utf-8")
    result = _build(cli, dataset, tmp_path / "out", "--keep-going")
    assert result.exit_code == 0, result.output
    assert "skipped 2 bad file(s)" in result.stderr
    assert "kz-mfa/empty.txt: [empty]" in result.stderr and "kz-mfa/nodate.txt:1: [date-header]" in result.stderr
    documents = pq.read_table(tmp_path / "out" / "documents.parquet")
    assert documents.num_rows == 2


def test_any_folder_source_from_front_matter_or_option(cli, dataset, tmp_path):
    folder = tmp_path / "anywhere"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("---\ndate: 2026-01-01\nsource: test-en\ntitle: T\n---\nThe minister met.",
                                          encoding="utf-8")
    (folder / "b.txt").write_text(" date 2026-01-02 Министр провел встречу.", encoding="utf-8")
    (folder / "b.gold.json").write_text("{}", encoding="utf-8")
    result = cli("build", "--input", folder, "--output", tmp_path / "out", "--sources", dataset / "sources.yaml",
                 "--source", "mine")
    assert result.exit_code == 0, result.output
    assert "1 non-release file(s) ignored (.json)" in result.stdout
    rows = {r["path"]: r for r in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    assert rows["sub/a.txt"]["source"] == "test-en" and rows["sub/a.txt"]["title"] == "T"
    assert rows["b.txt"]["source"] == "mine"


def test_report_counts_documents_without_an_extractor(dataset, tmp_path):
    (dataset / "releases" / "kz-mfa" / "kk.txt").write_text(
        " date 2026-03-12 Қазақстан Республикасының Сыртқы істер министрі кездесу өткізді.", encoding="utf-8")
    report = build(dataset / "releases", tmp_path / "out", sources_path=dataset / "sources.yaml", dataset=True)
    assert report.by_language["kk"] == 1
    assert report.not_extracted["kk"] == 1


def test_human_annotations_replace_machine_facts(dataset, tmp_path, monkeypatch):
    import mfa_releases.pipeline as pipeline

    def human_facts(document, annotations_dir):
        if document.language != "ru":
            return None
        start = document.text.index("послом Франции")
        mention = document.text[start:start + len("послом Франции")]
        end_sentence = document.text.index(".") + 1
        return Facts(meetings=[MeetingFact(
            kind="meeting", date=None, city=None, country=None, evidence=document.text[:end_sentence],
            char_start=0, char_end=end_sentence,
            participants=[ParticipantFact(name="Посол Франции", role="посол", organization=None, country="FR",
                                          mention=mention, char_start=start, char_end=start + len(mention))])])

    monkeypatch.setattr(pipeline, "_human_facts_function", lambda: human_facts)
    report = build(dataset / "releases", tmp_path / "out", sources_path=dataset / "sources.yaml",
                   annotations_dir=tmp_path, dataset=True)
    assert report.human_curated == 1
    meetings = pq.read_table(tmp_path / "out" / "meetings.parquet").to_pylist()
    participants = pq.read_table(tmp_path / "out" / "participants.parquet").to_pylist()
    assert [m["provenance"] for m in meetings] == ["human"]
    assert participants[0]["participant_id"] == meetings[0]["meeting_id"] + "-p1"


@pytest.fixture
def no_extractors(monkeypatch):
    """Ingestion-only builds: no language has an extractor (keeps corpus-sized tests fast)."""
    import mfa_releases.extract as extract

    monkeypatch.setattr(extract, "EXTRACTORS", {})
    extract.get_extractor.cache_clear()
    yield
    extract.get_extractor.cache_clear()


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
def test_dev_corpus_builds_one_row_per_txt_file(cli, tmp_path, no_extractors):
    result = cli("build", "--input", DEV, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    documents = pq.read_table(tmp_path / "out" / "documents.parquet", columns=["path", "language"]).to_pylist()
    assert sorted(d["path"] for d in documents) == sorted(p.name for p in DEV.glob("*.txt"))
    assert len(documents) == 63
    assert "63 documents (en 24, ru 39)" in result.stdout


def test_empty_input_folder_is_an_error(cli, dataset, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("build", "--input", tmp_path / "empty", "--output", tmp_path / "out",
                 "--sources", dataset / "sources.yaml")
    assert result.exit_code == 1 and "[input] no release files (*.txt) found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_temporary_files_of_a_killed_build_are_cleaned_up(cli, dataset, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".documents.x1y2.parquet.tmp").write_bytes(b"half a file")
    assert _build(cli, dataset, out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.parquet" for name in sorted(TABLES)]


def test_bad_sources_file_fails_the_build_with_its_line(cli, dataset, tmp_path):
    (dataset / "sources.yaml").write_text("- id: kz-mfa\n  name: x\n", encoding="utf-8")
    result = _build(cli, dataset, tmp_path / "out")
    assert result.exit_code == 1
    assert "sources.yaml:1: [sources] source 'kz-mfa' lacks country, homepage, language, licence" in result.stderr
    assert not (tmp_path / "out").exists()


def test_bad_human_annotation_fails_the_build_with_its_file_and_line(cli, tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "releases" / "kz-mfa").mkdir(parents=True)
    (seeds / "releases" / "kz-mfa" / SEED.name).write_bytes(SEED.read_bytes())
    (seeds / "sources.yaml").write_bytes((REPO / "seeds" / "sources.yaml").read_bytes())
    [annotation] = (REPO / "seeds" / "annotations").glob("*.json")
    (seeds / "annotations").mkdir()
    (seeds / "annotations" / annotation.name).write_text(
        annotation.read_text(encoding="utf-8").replace('"US"', '"UK"', 1), encoding="utf-8")
    result = _build(cli, seeds, tmp_path / "out", "--annotations", seeds / "annotations")
    assert result.exit_code == 1
    assert f"{annotation.name}:" in result.stderr and "[annotation-iso-code] 'UK'" in result.stderr
    assert not (tmp_path / "out").exists()
