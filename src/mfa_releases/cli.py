"""The `mfa-releases` command line (typer). Thin: parse options, call the package, render errors once.

Sections below, one per command; each helper edits only its own section.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

# pymorphy2 (loaded by the Russian extractor) warns that pkg_resources is deprecated; we pin
# setuptools<82 for it, so the warning tells a user nothing they can act on.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

app = typer.Typer(
    help="Diplomatic press releases → validated tables (documents, meetings, participants, commitments).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# The repository this package was installed from (editable install), when there is one.
REPO_ROOT = Path(__file__).resolve().parents[2]
REPO_SOURCES = REPO_ROOT / "seeds" / "sources.yaml"


def _default_sources() -> Optional[Path]:
    for candidate in (Path("seeds/sources.yaml"), REPO_SOURCES):
        if candidate.exists():
            return candidate
    return None


def _is_dataset_folder(input_dir: Path, sources_path: Path) -> bool:
    """True when the input is the dataset's own releases folder (the sibling of sources.yaml)."""
    try:
        return input_dir.resolve() == (sources_path.resolve().parent / "releases")
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------- build
@app.command()
def build(
    input: Path = typer.Option(..., "--input", "-i", help="Folder of release files (*.txt), read recursively."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write <table>.parquet into."),
    sources: Optional[Path] = typer.Option(None, "--sources", help="Sources registry [default: seeds/sources.yaml]."),
    annotations: Optional[Path] = typer.Option(None, "--annotations", help="Human annotations to curate with."),
    source: str = typer.Option("local", "--source", help="Source id for files that name none."),
    keep_going: bool = typer.Option(False, "--keep-going", help="Skip bad files, list them at the end."),
    dataset: Optional[bool] = typer.Option(
        None, "--dataset/--no-dataset",
        help="Require every file to sit in a listed source's folder [default: on for seeds/releases]."),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", help="Largest accepted release file."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=0, help="Extraction processes; 0 = one per core. Output is identical for any count."),
    cache: Optional[Path] = typer.Option(
        None, "--cache", help="Per-document extraction cache folder: rebuilds extract only what changed."),
) -> None:
    """Build every table from a folder of releases. Exits non-zero, writing nothing, on bad input."""
    from mfa_releases.pipeline import BuildError
    from mfa_releases.pipeline import build as run_build

    sources_path = sources or _default_sources()
    if sources_path is None:
        err.print("error: no sources registry found — pass --sources seeds/sources.yaml")
        raise typer.Exit(2)
    if dataset is None:
        dataset = _is_dataset_folder(input, sources_path)
    try:
        report = run_build(input, output, sources_path=sources_path, annotations_dir=annotations,
                           default_source=source, keep_going=keep_going, dataset=dataset, max_bytes=max_bytes,
                           progress=_progress, workers=workers, cache_dir=cache)
    except BuildError as exc:
        for error in exc.errors:
            err.print(str(error), markup=False)
        for problem in exc.reports:
            err.print(problem, markup=False)
        n = len(exc.errors) + len(exc.reports)
        err.print(f"build failed: {n} problem(s); nothing was written to {output}", markup=False)
        raise typer.Exit(1)
    print_build_report(report)


def _progress(documents):
    """A progress bar over documents on an interactive terminal; silent otherwise (CI, DVC logs)."""
    from rich.progress import track

    return track(documents, description="extracting", console=err, transient=True,
                 disable=not err.is_terminal)


def print_build_report(report) -> None:
    languages = ", ".join(f"{lang} {n}" for lang, n in report.by_language.items()) or "none"
    out.print(f"{report.documents} documents ({languages}) from {report.input_dir}", markup=False)
    for language, n in sorted(report.not_extracted.items()):
        out.print(f"{n} document(s) in {language!r} not extracted: no extractor for that language yet", markup=False)
    if report.extracted or report.cache_hits:
        out.print(f"extraction: {report.extracted} document(s) extracted, {report.cache_hits} from the cache "
                  f"(workers: {report.workers})", markup=False)
    if report.human_curated:
        out.print(f"{report.human_curated} document(s) use human annotations", markup=False)
    rows = ", ".join(f"{name} {n}" for name, n in report.rows.items())
    out.print(f"wrote {report.output_dir}: {rows}", markup=False)
    if report.skipped_files:
        suffixes = sorted({Path(p).suffix or "(no suffix)" for p in report.skipped_files})
        out.print(f"note: {len(report.skipped_files)} non-release file(s) ignored ({', '.join(suffixes)}); "
                  "releases are *.txt", markup=False)
    if report.bad_files:
        err.print(f"skipped {len(report.bad_files)} bad file(s) (--keep-going):", markup=False)
        for error in report.bad_files:
            err.print(f"  {error}", markup=False)


# ------------------------------------------------------------------------------------------- validate
@app.command()
def validate(
    tables: Path = typer.Option(Path("data/tables"), "--tables", help="Folder holding <table>.parquet."),
) -> None:
    """Check every table against the contract (pandera, lazy) and the links between them."""
    from mfa_releases.pipeline import validate_folder

    result = validate_folder(tables)
    for problem in result.problems:
        err.print(problem, markup=False)
    if result.problems:
        err.print(f"{tables}: {len(result.problems)} problem(s)", markup=False)
        raise typer.Exit(1)
    rows = ", ".join(f"{name} {n}" for name, n in result.rows.items())
    out.print(f"{tables}: valid ({rows})", markup=False)


# ----------------------------------------------------------------------------------------------- eval
@app.command("eval")
def eval_command(
    gold: Optional[Path] = typer.Option(
        None, "--gold", help="Folder of <doc>.txt + <doc>.gold.json [default: the annotated seeds of seeds/]."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the full report (scores and errors) as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List every miss, spurious item and wrong attribute per document."),
    language: Optional[str] = typer.Option(None, "--language", help="Only documents in this language (ru, en)."),
) -> None:
    """Score extraction against human annotations: P/R/F1 and attribute accuracy, overall and per language."""
    import json

    from rich.progress import Progress

    from mfa_releases.errors import ReleaseError
    from mfa_releases.evaluate import evaluate, evaluate_annotated, render_report

    if language is not None and language not in ("ru", "en", "kk"):
        err.print("error: --language must be ru, en or kk", markup=False)
        raise typer.Exit(2)
    try:
        if gold is None:
            report = evaluate_annotated()
        else:
            total = len(list(gold.glob("*.gold.json"))) if gold.is_dir() else 0
            with Progress(console=err, transient=True) as progress:
                task = progress.add_task("extracting", total=total)
                report = evaluate(gold, language=language, on_document=lambda _name: progress.advance(task))
    except (ReleaseError, FileNotFoundError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1)
    render_report(report, console=out, show_errors=errors)
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        out.print(f"report written to {json_out}", markup=False)

# ---------------------------------------------------------------------------------------------- check
@app.command()
def check(
    paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders to check [default: seeds/]."),
    since: Optional[str] = typer.Option(None, "--since", help="Check only files changed against this git ref."),
    format: str = typer.Option("text", "--format", "-f", help="Output: text, github (Actions annotations) or json."),
) -> None:
    """Check a contribution (releases, annotations, sources, gazetteers). Errors exit 1; warnings do not."""
    from mfa_releases.checks import FORMATS, CheckUsageError, render
    from mfa_releases.checks import check as run_checks

    if format not in FORMATS:
        err.print(f"error: unknown --format {format!r}; use one of {', '.join(FORMATS)}", markup=False)
        raise typer.Exit(2)
    try:
        findings, n_files = run_checks(paths or [], since=since)
    except CheckUsageError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2)
    print(render(findings, n_files, format))
    if any(f.is_error for f in findings):
        raise typer.Exit(1)


# -------------------------------------------------------------------------------------- publish, diff
@app.command()
def publish(
    to: Optional[str] = typer.Option(
        None, "--to", help="Local hub folder or hf://datasets/<org>/<name> (default: $MFA_RELEASES_HUB or hub/)."),
    release: Path = typer.Option(Path("data/release"), "--release", help="Release tree built by the release stage."),
    bump: Optional[str] = typer.Option(None, "--bump", help="Force a major, minor or patch bump."),
) -> None:
    """Publish the release tree as an immutable version; print what changed since the last one."""
    from mfa_releases.errors import ReleaseError
    from mfa_releases.hub import PublishRefused
    from mfa_releases.hub import publish as run_publish
    from mfa_releases.versioning import BUMPS, rich_table

    if bump is not None and bump not in BUMPS:
        err.print(f"error: --bump must be one of {', '.join(BUMPS)}", markup=False)
        raise typer.Exit(2)
    try:
        result, diff = run_publish(release, to, bump=bump)
    except (ReleaseError, PublishRefused, FileNotFoundError, ValueError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1)
    out.print(rich_table(diff))
    if result.status == "unchanged":
        out.print(f"{result.version} already published with the same data: {result.location} (nothing to do)",
                  markup=False)
    else:
        out.print(f"published {result.version}: {result.location}", markup=False)


@app.command()
def diff(
    old: str = typer.Argument(..., help="Release tree folder, or a version of the local hub (e.g. 1.0.0, latest)."),
    new: str = typer.Argument(..., help="Release tree folder, or a version of the local hub."),
    hub: Optional[Path] = typer.Option(None, "--hub", help="Local hub (default: $MFA_RELEASES_HUB or hub/)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full diff (every id) as JSON."),
) -> None:
    """Rows added, removed and changed per table (by stable id), and schema changes."""
    import json

    from mfa_releases.errors import ReleaseError
    from mfa_releases.hub import diff_trees, resolve_release
    from mfa_releases.versioning import rich_table

    try:
        result = diff_trees(resolve_release(old, hub), resolve_release(new, hub))
    except (ReleaseError, FileNotFoundError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1)
    if as_json:
        out.print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), markup=False)
    else:
        out.print(rich_table(result))
        out.print(result.to_markdown(), markup=False)


if __name__ == "__main__":
    app()
