"""Contribution checks: each broken contribution fires its own rule and only that one; clean ones pass.

Every case starts from a copy of the repository's seeds/ (the seed release, its annotation, the
sources and the gazetteers) in a temporary folder, breaks one thing, and checks the file it touched.
Texts are short examples written for these tests (never third-party releases).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mfa_releases.checks import check, registered_rules, render
from mfa_releases.checks.base import Finding
from mfa_releases.cli import app

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 27)
SEED = "seeds/releases/kz-mfa/2026-02-05-kosherbaev-washington.txt"
NEW = "seeds/releases/kz-mfa/2026-03-12-bakaev-consultations.txt"

# A release written for these tests: realistic shape, fictional people.
OWN_BODY = (
    "Заместитель министра иностранных дел Республики Казахстан Алибек Бакаев провел политические "
    "консультации с заместителем министра иностранных дел Финляндии Юккой Салоненом в Астане.\n\n"
    "Стороны обсудили вопросы сотрудничества в сфере образования, цифровых технологий и "
    "возобновляемой энергетики, а также договорились провести следующий раунд консультаций в "
    "Хельсинки в 2027 году.\n\n"
    "Финская сторона выразила заинтересованность в расширении присутствия своих компаний на "
    "казахстанском рынке."
)
OWN_RELEASE = " date 2026-03-12 " + OWN_BODY


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's seeds/ to break."""
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    return tmp_path


def write(repo: Path, rel: str, content: str | bytes) -> str:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return rel


def seed_doc_id(repo: Path) -> str:
    from mfa_releases.ingest import load_document
    from mfa_releases.sources import load_sources

    sources = load_sources(repo / "seeds/sources.yaml")
    return load_document(repo / SEED, repo / "seeds/releases", sources, dataset=True).doc_id


def seed_annotation(repo: Path) -> Path:
    """The seed's annotation (found by doc_id, whatever other annotations exist)."""
    candidates = [p for p in (repo / "seeds/annotations").glob("*.json") if p.stem == seed_doc_id(repo)]
    return candidates[0] if candidates else next((repo / "seeds/annotations").glob("*.json"))


def n_annotations(repo: Path) -> int:
    return len(list((repo / "seeds/annotations").glob("*.json")))


def edit_annotation(repo: Path, change) -> str:
    path = seed_annotation(repo)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path.relative_to(repo).as_posix()


def edit_text(repo: Path, rel: str, old: str, new: str) -> str:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return rel


def seed_text(repo: Path) -> str:
    return (repo / SEED).read_text(encoding="utf-8")


def run(repo: Path, *paths: str) -> list[Finding]:
    findings, _ = check([repo / p for p in paths], root=repo, today=TODAY)
    return findings


# --------------------------------------------------------------------------------------------------
# The table: (rule expected to fire, severity, how to break a contribution → the path to check)

def _set(path_parts, value):
    def change(data):
        node = data
        for part in path_parts[:-1]:
            node = node[part]
        node[path_parts[-1]] = value
    return change


BROKEN = [
    # releases
    ("release_encoding", "error", "windows-1251 bytes",
     lambda r: write(r, NEW, OWN_RELEASE.encode("cp1251"))),
    ("release_encoding", "error", "mojibake: utf-8 read as cp1251 and saved again",
     lambda r: write(r, NEW, " date 2026-03-12 " + OWN_BODY.encode("utf-8").decode("cp1251", "replace")
                     .replace("\ufffd", "?"))),
    ("release_encoding", "error", "replacement characters",
     lambda r: write(r, NEW, OWN_RELEASE.replace("Финская", "\ufffd\ufffdинская"))),
    ("release_encoding", "warning", "byte-order mark",
     lambda r: write(r, NEW, "\ufeff" + OWN_RELEASE)),
    ("release_header", "error", "no date header",
     lambda r: write(r, NEW, OWN_BODY)),
    ("release_header", "error", "impossible date",
     lambda r: write(r, "seeds/releases/kz-mfa/2026-02-30-bakaev.txt", " date 2026-02-30 " + OWN_BODY)),
    ("release_header", "error", "unknown front-matter key",
     lambda r: write(r, NEW, "---\ndate: 2026-03-12\nauthor: me\n---\n" + OWN_BODY)),
    ("release_size", "error", "too short",
     lambda r: write(r, NEW, " date 2026-03-12 Министр провел встречу с послом.")),
    ("release_size", "error", "header but no text",
     lambda r: write(r, NEW, " date 2026-03-12 ")),
    ("release_size", "warning", "suspiciously short",
     lambda r: write(r, NEW, OWN_RELEASE[:260])),
    ("release_language", "error", "front matter says en, text is Russian",
     lambda r: write(r, NEW, "---\ndate: 2026-03-12\nlanguage: en\n---\n" + OWN_BODY)),
    ("release_language", "warning", "Russian release with an English translation pasted below",
     lambda r: write(r, NEW, OWN_RELEASE + "\n\nDeputy Foreign Minister Alibek Bakayev held political "
                     "consultations with Finland's Deputy Foreign Minister Jukka Salonen in Astana. The sides "
                     "discussed cooperation in education, digital technologies and renewable energy.")),
    ("release_date_plausible", "error", "date in the future",
     lambda r: write(r, "seeds/releases/kz-mfa/2099-03-12-bakaev.txt", " date 2099-03-12 " + OWN_BODY)),
    ("release_date_plausible", "error", "date before 1991",
     lambda r: write(r, "seeds/releases/kz-mfa/1985-03-12-bakaev.txt", " date 1985-03-12 " + OWN_BODY)),
    ("release_source_known", "error", "source folder not in sources.yaml",
     lambda r: write(r, "seeds/releases/fi-mfa/2026-03-12-bakaev.txt", OWN_RELEASE)),
    ("release_source_known", "error", "release directly in seeds/releases",
     lambda r: write(r, "seeds/releases/2026-03-12-bakaev.txt", OWN_RELEASE)),
    ("release_filename", "error", "name not YYYY-MM-DD-slug.txt",
     lambda r: write(r, "seeds/releases/kz-mfa/Bakaev consultations.txt", OWN_RELEASE)),
    ("release_filename", "error", "date in the name differs from the header",
     lambda r: write(r, "seeds/releases/kz-mfa/2026-03-13-bakaev.txt", OWN_RELEASE)),
    ("release_duplicate", "error", "exact copy of the seed under another name",
     lambda r: write(r, "seeds/releases/kz-mfa/2026-02-05-washington-meetings.txt", seed_text(r))),
    ("release_duplicate", "warning", "seed re-edited in several places",
     lambda r: write(r, "seeds/releases/kz-mfa/2026-02-05-washington-meetings.txt",
                     seed_text(r).replace("Стороны обсудили", "Собеседники обсудили")
                     .replace("Глава внешнеполитического ведомства Казахстана", "Министр")
                     .replace("Сенатор Стив Дэйнс в свою очередь", "Стив Дэйнс")
                     .replace("положительно оценили", "высоко оценили"))),
    ("release_duplicate", "error", "seed re-published with a new photo credit and two words changed",
     lambda r: write(r, "seeds/releases/kz-mfa/2026-02-05-washington-meetings.txt",
                     seed_text(r).replace("Фото: МИД", "Фото: пресс-служба")
                     .replace("Стороны обсудили", "Собеседники обсудили")
                     .replace("В завершение встреч", "По итогам встреч"))),
    # annotations
    ("annotation_schema", "error", "invalid JSON",
     lambda r: edit_text(r, seed_annotation(r).relative_to(r).as_posix(), '"meetings": [', '"meetings": [,')),
    ("annotation_schema", "error", "unknown meeting kind",
     lambda r: edit_annotation(r, _set(["meetings", 0, "kind"], "lunch"))),
    ("annotation_schema", "error", "missing commitments",
     lambda r: edit_annotation(r, lambda d: d.pop("commitments"))),
    ("annotation_release", "error", "date differs from the release",
     lambda r: edit_annotation(r, _set(["date"], "2026-02-06"))),
    ("annotation_release", "error", "doc names no release",
     lambda r: (shutil.move(seed_annotation(r), r / "seeds/annotations/kz-mfa-000000000000.json"),
                edit_annotation(r, _set(["doc"], "kz-mfa-000000000000")))[1]),
    ("annotation_evidence", "error", "evidence retyped with a changed word",
     lambda r: edit_annotation(r, _set(["commitments", 0, "evidence"],
                                       "договорились продолжить совместную работу по развитию инициатив"))),
    ("annotation_evidence", "warning", "evidence differs only in case",
     lambda r: edit_annotation(r, _set(["commitments", 0, "evidence"], "Договорились продолжить совместную работу"))),
    ("annotation_meeting_refs", "error", "commitment refers to a meeting not annotated",
     lambda r: edit_annotation(r, _set(["commitments", 0, "meeting"], "m9"))),
    ("annotation_meeting_refs", "error", "two meetings with one id",
     lambda r: edit_annotation(r, _set(["meetings", 1, "id"], "m1"))),
    ("annotation_iso_codes", "error", "unassigned country code",
     lambda r: edit_annotation(r, _set(["meetings", 0, "country"], "QQ"))),
    ("annotation_iso_codes", "error", "UK instead of GB among actors",
     lambda r: edit_annotation(r, _set(["commitments", 0, "actors"], ["KZ", "UK"]))),
    ("annotation_nominative", "warning", "name copied in the instrumental case",
     lambda r: edit_annotation(r, _set(["meetings", 0, "participants", 1, "name"], "Брайаном Мастом"))),
    # sources and gazetteers
    ("sources_wellformed", "error", "a key written twice",
     lambda r: edit_text(r, "seeds/sources.yaml", "  language: ru\n", "  language: ru\n  language: en\n")),
    ("sources_wellformed", "error", "a source without a homepage",
     lambda r: edit_text(r, "seeds/sources.yaml", "  homepage: https://www.gov.kz/memleket/entities/mfa\n", "")),
    ("gazetteer_wellformed", "error", "a country listed twice",
     lambda r: write(r, "seeds/gazetteers/countries_xx.yaml", "KZ: [Kazakhstan]\nUS: [USA]\nKZ: [Qazaqstan]\n")),
    ("gazetteer_wellformed", "error", "one form under two countries",
     lambda r: write(r, "seeds/gazetteers/countries_xx.yaml", "KZ: [Kazakhstan, Astana]\nUS: [USA, Astana]\n")),
    ("gazetteer_wellformed", "error", "not an ISO code",
     lambda r: write(r, "seeds/gazetteers/countries_xx.yaml", "KZ: [Kazakhstan]\nUSA: [United States]\n")),
    ("gazetteer_wellformed", "error", "bad YAML",
     lambda r: write(r, "seeds/gazetteers/countries_xx.yaml", "KZ: [Kazakhstan\nUS: [USA]\n")),
]


@pytest.mark.parametrize(("rule_id", "severity", "case", "breaks"), BROKEN, ids=[f"{b[0]}: {b[2]}" for b in BROKEN])
def test_broken_contribution_fires_its_own_rule_only(repo, rule_id, severity, case, breaks):
    touched = breaks(repo)
    findings = run(repo, touched)
    assert {(f.rule, f.severity) for f in findings} == {(rule_id, severity)}, render(findings, 1)
    for finding in findings:
        assert finding.path == touched and finding.line >= 1
        assert finding.message.strip() and finding.hint.strip()


def test_every_rule_has_a_broken_example():
    assert set(registered_rules()) == {rule_id for rule_id, *_ in BROKEN}


@pytest.mark.parametrize("line_rule", [
    ("annotation_evidence", lambda r: edit_annotation(r, _set(["commitments", 2, "evidence"], "ведется работа"
                                                              " по отмене поправки")), '"evidence": "ведется'),
    ("annotation_iso_codes", lambda r: edit_annotation(r, _set(["meetings", 1, "country"], "QQ")), '"country": "QQ"'),
    ("gazetteer_wellformed", lambda r: write(r, "seeds/gazetteers/countries_xx.yaml", "KZ: [a]\nUS: [b]\nKZ: [c]\n"),
     "KZ: [c]"),
])
def test_findings_point_at_the_offending_line(repo, line_rule):
    rule_id, breaks, marker = line_rule
    touched = breaks(repo)
    lines = (repo / touched).read_text(encoding="utf-8").splitlines()
    expected = next(i for i, line in enumerate(lines, start=1) if marker in line)
    [finding] = run(repo, touched)
    assert (finding.rule, finding.line) == (rule_id, expected)


def test_hints_say_how_to_fix(repo):
    [dup] = run(repo, write(repo, "seeds/releases/kz-mfa/2026-02-05-copy.txt", seed_text(repo)))
    assert SEED in dup.message and SEED in dup.hint  # the twin is named
    [name] = run(repo, write(repo, "seeds/releases/kz-mfa/2026-03-13-bakaev.txt", OWN_RELEASE))
    assert "2026-03-12-bakaev.txt" in name.hint
    [evidence] = run(repo, edit_annotation(repo, _set(["commitments", 0, "evidence"],
                                                      "договорились продолжить совместную работу по развитию")))
    assert "«договорились продолжить совместную работу по обеспечению" in evidence.hint
    findings = run(repo, edit_annotation(repo, _set(["meetings", 0, "participants", 0, "name"],
                                                    "Ермеком Кошербаевым")))
    [nominative] = [f for f in findings if f.rule == "annotation_nominative"]
    assert "'Ермек Кошербаев'" in nominative.hint
    assert "Брайан Маст" not in nominative.hint


# --------------------------------------------------------------------------------------------------
# Clean contributions

def test_the_seeds_pass():
    findings, n_files = check(root=REPO, today=TODAY)
    assert n_files >= 3
    assert [f for f in findings if f.is_error] == []


def test_the_seed_release_and_its_annotation_have_no_findings(repo):
    assert run(repo, SEED, seed_annotation(repo).relative_to(repo).as_posix()) == []


def test_a_new_release_with_its_annotation_passes(repo):
    from mfa_releases.ingest import load_document
    from mfa_releases.sources import load_sources

    write(repo, NEW, OWN_RELEASE)
    doc = load_document(repo / NEW, repo / "seeds/releases", load_sources(repo / "seeds/sources.yaml"), dataset=True)
    annotation = {
        "doc": doc.doc_id, "source_url": None, "date": "2026-03-12", "language": "ru",
        "meetings": [{"id": "m1", "kind": "consultations", "date": None, "city": "Астана", "country": "KZ",
                      "participants": [
                          {"name": "Алибек Бакаев", "role": "заместитель министра иностранных дел",
                           "country": "KZ", "organization": "МИД РК"},
                          {"name": "Юкка Салонен", "role": "заместитель министра иностранных дел",
                           "country": "FI", "organization": "МИД Финляндии"}]}],
        "commitments": [{"kind": "agreement", "meeting": "m1", "actors": ["KZ", "FI"], "due": "2027",
                         "evidence": "договорились провести следующий раунд консультаций в Хельсинки в 2027 году"}],
    }
    annotation_path = write(repo, f"seeds/annotations/{doc.doc_id}.json",
                            json.dumps(annotation, ensure_ascii=False, indent=2))
    assert run(repo, NEW, annotation_path) == []


def test_notes_beside_releases_are_not_releases(repo):
    write(repo, "seeds/releases/kz-mfa/README.md", "Notes on this source's releases.")
    findings, n_files = check([repo / "seeds/releases"], root=repo, today=TODAY)
    assert (findings, n_files) == ([], 1)


def test_front_matter_release_passes(repo):
    touched = write(repo, NEW, "---\ndate: 2026-03-12\nlanguage: ru\nurl: https://example.org/r/1\n---\n" + OWN_BODY)
    assert run(repo, touched) == []


# --------------------------------------------------------------------------------------------------
# Selecting files, output formats, exit codes

def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=repo, check=True,
                   capture_output=True)


def test_since_checks_only_what_changed(repo):
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "seeds")
    _git(repo, "commit", "-qm", "seeds")
    write(repo, "seeds/releases/kz-mfa/2099-03-12-bakaev.txt", " date 2099-03-12 " + OWN_BODY)
    findings, n_files = check(since="HEAD", root=repo, today=TODAY)
    assert n_files == 1 + n_annotations(repo)  # the new release, and annotations (it could be a changed one)
    assert {f.rule for f in findings} == {"release_date_plausible"}


def test_two_new_copies_are_reported_once(repo):
    first = write(repo, "seeds/releases/kz-mfa/2026-03-12-a.txt", OWN_RELEASE)
    second = write(repo, "seeds/releases/kz-mfa/2026-03-12-b.txt", OWN_RELEASE)
    findings = run(repo, first, second)
    assert [(f.rule, f.path) for f in findings] == [("release_duplicate", second)]
    assert first in findings[0].message


def test_github_format_is_workflow_commands():
    findings = [Finding("seeds/a,b.txt", 3, "release_size", "error", "Too short: 50% of 100.", "Paste it\nall."),
                Finding("seeds/x.json", 7, "annotation_nominative", "warning", "Not nominative.", "Fix it.")]
    lines = render(findings, 2, "github").splitlines()
    assert lines[0] == ("::error file=seeds/a%2Cb.txt,line=3,title=release_size::"
                        "[release_size] Too short: 50%25 of 100. Fix: Paste it%0Aall.")
    assert lines[1].startswith("::warning file=seeds/x.json,line=7,title=annotation_nominative::")
    assert lines[2].startswith("FAILED: 1 error(s), 1 warning(s)")


def test_json_format_is_machine_readable():
    finding = Finding("seeds/a.txt", 1, "release_header", "error", "No header.", "Add one.")
    payload = json.loads(render([finding], 1, "json"))
    assert payload["ok"] is False and payload["errors"] == 1
    assert payload["findings"] == [finding.to_dict()]


def test_cli_exit_codes(repo, monkeypatch):
    monkeypatch.chdir(repo)
    runner = CliRunner()
    ok = runner.invoke(app, ["check", "--format", "json"])
    assert ok.exit_code == 0, ok.output
    write(repo, NEW, OWN_RELEASE.encode("cp1251"))
    failed = runner.invoke(app, ["check", NEW, "--format", "github"])
    assert failed.exit_code == 1
    assert failed.output.startswith(f"::error file={NEW},line=1,title=release_encoding::")
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2


def test_since_also_checks_annotations_a_changed_release_can_orphan(repo):
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "seeds")
    _git(repo, "commit", "-qm", "seeds")
    annotation = seed_annotation(repo).relative_to(repo).as_posix()
    edit_text(repo, SEED, "Фото: МИД", "Фото: МИД РК")  # a photo-credit line: normalized away, same doc_id
    edit_text(repo, SEED, "Стороны обсудили", "Стороны подробно обсудили")  # the text changes: new doc_id
    findings, n_files = check(since="HEAD", root=repo, today=TODAY)
    assert n_files == 1 + n_annotations(repo)
    assert {(f.rule, f.path) for f in findings} == {("annotation_release", annotation)}


@pytest.mark.parametrize(("token", "flagged"), [
    ("Брайаном", "Брайан"),  # known name, instrumental
    ("Кошербаевым", "Кошербаев"),
    ("Салоненом", "Салонен"),  # unknown surname with an instrumental ending
    ("Захаровой", "Захарова"),
    ("Брайан", None),
    ("Кошербаев", None),
    ("Токаев", None),  # pymorphy also reads a plural genitive: only singular readings count
    ("Салонен", None),  # read as a short adjective, which has no case
    ("Чавушоглу", None),  # unknown, vowel-final: the guessed oblique case is not trusted
    ("Хайко", None),  # indeclinable
])
def test_nominative_rule_on_name_tokens(token, flagged):
    from mfa_releases.checks.rules.annotation_nominative import case_problem

    problem = case_problem(token)
    assert (problem[1] if problem else None) == flagged


def test_tokens_of_a_name_agree_in_case():
    from mfa_releases.checks.rules.annotation_nominative import name_problems

    # «Мастом» alone gets a guessed nominative reading; beside «Брайаном» it is instrumental too.
    assert name_problems(["Брайаном", "Мастом"]) == {"Брайаном": ("instrumental", "Брайан"),
                                                     "Мастом": ("instrumental", "Маст")}
    assert name_problems(["Брайан", "Маст"]) == {}


def test_walking_a_folder_checks_only_what_lives_in_seeds(repo):
    write(repo, "notes/draft.txt", "not a release")
    write(repo, "metrics.json", "{}")
    findings, n_files = check([repo], root=repo, today=TODAY)
    assert (findings, n_files) == check(root=repo, today=TODAY)  # the same as checking seeds/
    # Named explicitly, a file outside seeds/ is checked as what its name says.
    findings = run(repo, "notes/draft.txt")
    assert "release_header" in {f.rule for f in findings}


def test_summary_lists_the_rows_a_new_release_adds(repo):
    from mfa_releases.checks.summary import build_tables, summarize

    (repo / "params.yaml").write_text("build:\n  max_release_bytes: 1000000\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "seeds", "params.yaml")
    _git(repo, "commit", "-qm", "seeds")
    write(repo, NEW, OWN_RELEASE)
    build_tables(repo, repo / "data/tables")
    text = summarize("HEAD", repo / "data/tables", repo)
    assert "Data changes against HEAD" in text
    assert "`documents`: 1 → 2 rows; +1 added, -0 removed, ~0 changed" in text
    assert "not a git ref" in summarize("no-such-ref", repo / "data/tables", repo)
