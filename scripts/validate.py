"""DVC stage `validate`: check data/tables against the contract and relations; write a report (thin)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mfa_releases.pipeline import validate_folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=Path, default=Path("data/tables"))
    parser.add_argument("--report", type=Path, default=Path("data/validation.json"))
    args = parser.parse_args(argv)
    result = validate_folder(args.tables)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.ok:
        print(f"{args.tables}: {len(result.problems)} problem(s)", file=sys.stderr)
        return 1
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(result.to_dict(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.tables}: valid ({', '.join(f'{k} {v}' for k, v in result.rows.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
