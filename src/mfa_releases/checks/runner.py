"""Finding what a contribution touches and running every rule that applies to it."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from mfa_releases.checks.base import Finding, Kind, Reporter, Rule, Target, registered_rules
from mfa_releases.checks.context import ANNOTATIONS, GAZETTEERS, RELEASES, SEEDS, SOURCES, Context, display_path


class CheckUsageError(Exception):
    """The check itself was called wrongly (unknown path, bad git ref): not a finding."""


def classify(path: Path, root: Path, named: bool = True) -> Kind | None:
    """The kind of check a file gets from where it lives, or None for files no rule looks at.

    A file outside seeds/ is checked only when it is `named` on the command line (a release being
    prepared elsewhere), judged by its name; files found by walking a folder must be in seeds/.
    """
    rel = Path(display_path(path, root))
    parts = rel.parts
    if rel == SOURCES:
        return "sources"
    if parts[:2] == RELEASES.parts:
        # Like the build, only *.txt files are releases; notes beside them are left alone.
        return "release" if rel.suffix.lower() == ".txt" else None
    if parts[:2] == ANNOTATIONS.parts and rel.suffix == ".json":
        return "annotation"
    if parts[:2] == GAZETTEERS.parts and rel.suffix in (".yaml", ".yml"):
        return "gazetteer"
    if named and (rel.is_absolute() or not rel.is_relative_to(SEEDS)):
        # A file outside the repository's seeds/ (e.g. prepared elsewhere) is judged by its name.
        if rel.name == SOURCES.name:
            return "sources"
        if rel.suffix == ".json":
            return "annotation"
        if rel.suffix.lower() == ".txt":
            return "release"
    return None


def _expand(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """(file, named on the command line) for every file under `paths`, hidden ones left out."""
    files: dict[Path, bool] = {}
    for path in paths:
        if path.is_dir():
            for found in path.rglob("*"):
                if found.is_file() and not any(part.startswith(".") for part in found.relative_to(path).parts):
                    files.setdefault(found, False)
        elif path.is_file():
            files[path] = True
        else:
            raise CheckUsageError(f"{path}: no such file or directory")
    return sorted(files.items())


def changed_since(ref: str, root: Path) -> list[Path]:
    """Files a branch touches against `ref` (committed or not, untracked included), and those they affect.

    A changed or deleted release can orphan annotations (a doc_id is a hash of the text), so every
    annotation is checked then; a changed sources.yaml can orphan releases, so every release is.
    """

    def git(*args: str) -> list[str]:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            raise CheckUsageError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
        return [line for line in result.stdout.splitlines() if line]

    base = git("merge-base", ref, "HEAD")[0]
    touched = git("diff", "--name-only", "--diff-filter=ACMRD", base, "--", str(SEEDS))
    touched += git("ls-files", "--others", "--exclude-standard", "--", str(SEEDS))
    files = {root / name for name in touched if (root / name).is_file()}
    touched_paths = [Path(name) for name in touched]
    if any(p.is_relative_to(RELEASES) for p in touched_paths) and (root / ANNOTATIONS).is_dir():
        files.update((root / ANNOTATIONS).rglob("*.json"))
    if SOURCES in touched_paths and (root / RELEASES).is_dir():
        files.update(p for p in (root / RELEASES).rglob("*") if p.is_file())
    return sorted(files)


def collect_targets(paths: Sequence[Path], root: Path, since: str | None = None) -> list[Target]:
    """The files to check: `paths` (default: all of seeds/), or only those changed since `since`."""
    if since is not None:
        files = [(f, False) for f in changed_since(since, root)]
        if paths:
            wanted = [p.resolve() for p in paths]
            files = [(f, False) for f, _ in files if any(f.resolve().is_relative_to(w) for w in wanted)]
    else:
        files = _expand(paths or [root / SEEDS])
    targets = []
    for file, named in files:
        kind = classify(file, root, named)
        if kind is not None:
            targets.append(Target(path=file.resolve(), display=display_path(file, root), kind=kind))
    return targets


def _ready(rule: Rule, target: Target, ctx: Context) -> bool:
    """Whether what `rule` needs holds (if not, another rule has already reported why)."""
    for need in rule.needs:
        if need == "text" and ctx.text(target.path) is None:
            return False
        if need == "release" and (ctx.text(target.path) is None or ctx.release(target.path) is None):
            return False
        if need == "annotation" and ctx.annotation(target.path) is None:
            return False
    return True


def run_rules(targets: Sequence[Target], ctx: Context, only: Iterable[str] | None = None) -> list[Finding]:
    """Every applicable rule on every target; findings sorted by file, line and rule."""
    rules = registered_rules()
    if only is not None:
        rules = {rule_id: rules[rule_id] for rule_id in only}
    findings: list[Finding] = []
    for target in targets:
        for rule in rules.values():
            if rule.scope != target.kind or not _ready(rule, target, ctx):
                continue
            report = Reporter(rule.id, target)
            rule.check(target, ctx, report)
            findings.extend(report.findings)
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.rule, f.message))


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder, from `start` up, that holds seeds/ (else `start`)."""
    start = (start or Path.cwd()).resolve()
    return next((d for d in (start, *start.parents) if (d / SEEDS).is_dir()), start)


def check(
    paths: Sequence[Path] = (),
    since: str | None = None,
    root: Path | None = None,
    today: dt.date | None = None,
) -> tuple[list[Finding], int]:
    """Check a contribution: (findings, number of files checked)."""
    root = root.resolve() if root else find_root()
    targets = collect_targets([Path(p) for p in paths], root, since)
    ctx = Context(
        root=root,
        today=today or dt.date.today(),
        target_releases=frozenset(t.path for t in targets if t.kind == "release"),
    )
    return run_rules(targets, ctx), len(targets)
