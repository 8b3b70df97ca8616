"""What a contribution changes in the data: rows added, removed and changed per table against a base ref.

The base's seeds/ (taken from git, not the work tree) are built with the current code into a
temporary folder and compared with the freshly built tables by `mfa_releases.versioning`'s diff,
the same diff that decides the version bump when publishing. Both sides use the same code, so the
summary shows the effect of the contribution's data (releases, annotations, sources, gazetteers).

Usage: `python -m mfa_releases.checks.summary --base origin/main [--tables data/tables]`; the
Markdown is also appended to `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it. Informational:
it never fails the run.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml


def seeds_at(ref: str, root: Path, into: Path) -> Path | None:
    """Extract seeds/ and params.yaml as of `ref` into `into`; None when the ref has no seeds/."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref, "seeds", "params.yaml"], cwd=root,
                             capture_output=True)
    if archive.returncode != 0:
        archive = subprocess.run(["git", "archive", "--format=tar", ref, "seeds"], cwd=root, capture_output=True)
        if archive.returncode != 0:
            return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def build_tables(checkout: Path, out_dir: Path):
    """Build the tables of a checkout's seeds/ with the current code; table name → Arrow table."""
    from mfa_releases.pipeline import build
    from mfa_releases.tables import read_tables

    params_file = checkout / "params.yaml"
    params = yaml.safe_load(params_file.read_text(encoding="utf-8")) if params_file.exists() else {}
    annotations = checkout / "seeds" / "annotations"
    build(checkout / "seeds" / "releases", out_dir, sources_path=checkout / "seeds" / "sources.yaml",
          annotations_dir=annotations if annotations.is_dir() else None, dataset=True,
          max_bytes=int((params or {}).get("build", {}).get("max_release_bytes", 1_000_000)))
    return read_tables(out_dir)


def summarize(base: str, tables_dir: Path, root: Path) -> str:
    """Markdown: what the tables in `tables_dir` add, remove and change compared with `base`'s seeds."""
    from mfa_releases.pipeline import BuildError
    from mfa_releases.tables import read_tables
    from mfa_releases.versioning import diff_releases

    new = read_tables(tables_dir)
    with tempfile.TemporaryDirectory(prefix="mfa-base-") as tmp:
        known = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd=root,
                               capture_output=True).returncode == 0
        checkout = seeds_at(base, root, Path(tmp) / "checkout") if known else None
        old = None
        note = ""
        if not known:
            note = f"({base!r} is not a git ref here, so there is nothing to compare with: the tables hold)\n\n"
        elif checkout is None:
            note = f"(no seeds/ at {base}: every row is new)\n\n"
        else:
            try:
                old = build_tables(checkout, Path(tmp) / "tables")
            except BuildError as exc:
                note = f"(the seeds at {base} do not build: {len(exc.errors) + len(exc.reports)} problem(s))\n\n"
    diff = diff_releases(old, new, old_version=base if old is not None else None, new_version="this change")
    heading = f"### Data changes against {base}\n\n"
    if old is None:
        body = "\n".join(f"- `{t.table}`: {t.rows_after} row{'' if t.rows_after == 1 else 's'}"
                         for t in diff.tables.values())
        return heading + note + body
    return heading + note + diff.to_markdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="origin/main", help="git ref to compare with")
    parser.add_argument("--tables", type=Path, default=Path("data/tables"), help="freshly built tables")
    args = parser.parse_args(argv)
    try:
        text = summarize(args.base, args.tables, Path.cwd())
    except Exception as exc:  # a summary must never fail the run it summarizes
        text = f"### Data changes against {args.base}\n\n(summary unavailable: {exc})"
    print(text)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
