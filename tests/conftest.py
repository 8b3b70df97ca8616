"""Shared fixtures: a throw-away dataset layout (seeds/sources.yaml + seeds/releases/<source>/) and the CLI.

Test texts are short examples written for the tests (and the repository's own seed release);
third-party corpus texts are never copied here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mfa_releases.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "releases" / "kz-mfa" / "2026-02-05-kosherbaev-washington.txt"

SOURCES_YAML = """\
- id: kz-mfa
  name: Ministry of Foreign Affairs of the Republic of Kazakhstan
  country: KZ
  homepage: https://www.gov.kz/memleket/entities/mfa
  language: ru
  licence: test licence note
- id: test-en
  name: An English-language test source
  country: GB
  homepage: https://example.org/
  language: en
  licence: test licence note
"""

RU_TEXT = (" date 2026-03-10 Министр иностранных дел провел встречу с послом Франции.\n\n"
           "Стороны обсудили вопросы двустороннего сотрудничества.\n")
EN_TEXT = (" date 2026-03-11 The Minister of Foreign Affairs met the Ambassador of France.\n\n"
           "The sides discussed bilateral cooperation.\n")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """`<tmp>/seeds` with sources.yaml and two good releases of kz-mfa; returns the seeds folder."""
    seeds = tmp_path / "seeds"
    (seeds / "releases" / "kz-mfa").mkdir(parents=True)
    (seeds / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    (seeds / "releases" / "kz-mfa" / "ru.txt").write_text(RU_TEXT, encoding="utf-8")
    (seeds / "releases" / "kz-mfa" / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    return seeds


@pytest.fixture
def cli():
    """Run `mfa-releases …` in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove that a failed build changed nothing."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
