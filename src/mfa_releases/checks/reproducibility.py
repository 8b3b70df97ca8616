"""Is the committed `dvc.lock` what a rebuild produces? (run after `dvc repro`, in CI or a clean clone)

`dvc repro` rewrites `dvc.lock` with the hashes DVC computed for every stage's inputs and outputs.
An output whose rebuilt hash differs from the committed one is an error, for one of two reasons:

- the stage's **inputs** differ too: the contributor changed seeds/ or code and did not run
  `dvc repro` (the committed lock is stale);
- the inputs are the same: the stage is not deterministic.

Inputs that changed without changing any output (a comment in the code) are not an error.

Usage: `python -m mfa_releases.checks.reproducibility [--committed REF] [--lock dvc.lock] [--format …]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

from mfa_releases.checks.base import Finding
from mfa_releases.checks.render import FORMATS, render

RULE = "reproducibility"
LOCK = "dvc.lock"


def _entries(items) -> dict[str, str]:
    """path → hash for a lock's deps or outs list."""
    return {item["path"]: str(item.get("md5") or item.get("hash") or "") for item in items or []}


def parse_lock(text: str) -> dict[str, dict]:
    """stage → {"cmd", "deps": {path: md5}, "params": {...}, "outs": {path: md5}} from dvc.lock text."""
    data = yaml.safe_load(text) or {}
    stages = {}
    for name, stage in (data.get("stages") or {}).items():
        stages[name] = {
            "cmd": stage.get("cmd"),
            "deps": _entries(stage.get("deps")),
            "params": stage.get("params") or {},
            "outs": _entries(stage.get("outs")),
        }
    return stages


def lock_lines(text: str) -> dict[tuple, int]:
    """1-based lines in dvc.lock: (stage,) and (stage, "deps"|"outs", path)."""
    lines: dict[tuple, int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        return lines
    stages = next((v for k, v in root.value if k.value == "stages"), None)
    for stage_key, stage_node in getattr(stages, "value", []):
        lines[(stage_key.value,)] = stage_key.start_mark.line + 1
        for section_key, section in stage_node.value:
            if section_key.value in ("deps", "outs") and isinstance(section, yaml.SequenceNode):
                for item in section.value:
                    path = next((v.value for k, v in item.value if k.value == "path"), None)
                    lines[(stage_key.value, section_key.value, path)] = item.start_mark.line + 1
    return lines


def compare_locks(committed: str, rebuilt: str, display: str = LOCK) -> list[Finding]:
    """Findings for every output whose rebuilt hash differs from the one the committed dvc.lock records.

    Each finding says why: the stage's inputs changed since dvc.lock was written (`dvc repro` was not
    run), or they did not and the stage is not deterministic.
    """
    old, new = parse_lock(committed), parse_lock(rebuilt)
    lines = lock_lines(committed) if committed.strip() else {}
    findings: list[Finding] = []

    def add(line: int | None, message: str, hint: str) -> None:
        findings.append(Finding(display, line or 1, RULE, "error", message, hint))

    stale_hint = "Run `dvc repro` and commit the updated dvc.lock with your change."
    for name, stage in new.items():
        before = old.get(name)
        if before is None:
            add(1, f"Stage {name!r} has no entry in the committed dvc.lock.", stale_hint)
            continue
        changed_inputs = sorted(p for p in set(stage["deps"]) | set(before["deps"])
                                if stage["deps"].get(p) != before["deps"].get(p))
        if stage["params"] != before["params"]:
            changed_inputs.append("params.yaml")
        for path in sorted(set(stage["outs"]) | set(before["outs"])):
            rebuilt_hash, recorded = stage["outs"].get(path), before["outs"].get(path)
            if rebuilt_hash == recorded:
                continue
            where = lines.get((name, "outs", path)) or lines.get((name,))
            what = (f"Rebuilt {path} (stage {name!r}) has hash {rebuilt_hash or 'nothing'} but dvc.lock records "
                    f"{recorded or 'nothing'}")
            if changed_inputs:
                add(where, f"{what}: dvc.lock is out of date, its inputs changed since ({', '.join(changed_inputs)}).",
                    stale_hint)
            else:
                add(where, f"{what}, from the same inputs: the stage is not reproducible.",
                    "The stage depends on something besides its declared inputs (time, randomness, file or "
                    "dict order, environment): make it deterministic, then run `dvc repro` and commit dvc.lock.")
    for name in old:
        if name not in new:
            add(lines.get((name,)), f"dvc.lock has stage {name!r}, which dvc.yaml no longer defines.", stale_hint)
    return findings


def committed_lock(root: Path, ref: str = "HEAD", path: str = LOCK) -> str:
    """The text of dvc.lock at a git ref ("" when it is not committed there)."""
    result = subprocess.run(["git", "show", f"{ref}:{path}"], cwd=root, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--committed", default="HEAD", help="git ref holding the committed dvc.lock")
    parser.add_argument("--lock", type=Path, default=Path(LOCK), help="dvc.lock as rewritten by `dvc repro`")
    parser.add_argument("--format", choices=FORMATS, default="text")
    args = parser.parse_args(argv)
    root = Path.cwd()
    committed = committed_lock(root, args.committed, args.lock.as_posix())
    if not committed:
        findings = [Finding(args.lock.as_posix(), 1, RULE, "error", f"No dvc.lock is committed at {args.committed}.",
                            "Run `dvc repro` and commit dvc.lock.")]
    else:
        findings = compare_locks(committed, args.lock.read_text(encoding="utf-8"), args.lock.as_posix())
    print(render(findings, 1, args.format))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
