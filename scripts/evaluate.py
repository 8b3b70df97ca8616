"""DVC `eval` stage: score extraction against human annotations and write DVC metrics.

Default: the annotated seeds (documents of seeds/releases that have seeds/annotations/<doc_id>.json).
With --gold DIR: a gold corpus folder of <doc>.txt + <doc>.gold.json instead.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mfa_releases.evaluate import evaluate, metrics_only, render_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, help="folder of <doc>.txt + <doc>.gold.json")
    parser.add_argument("--language", choices=["ru", "en", "kk"])
    parser.add_argument("--metrics", type=Path, default=Path("metrics.json"), help="DVC metrics file to write")
    parser.add_argument("--errors", action="store_true", help="print the per-document error listing")
    args = parser.parse_args(argv)
    report = evaluate(args.gold, language=args.language)
    render_report(report, show_errors=args.errors)
    args.metrics.write_text(json.dumps(metrics_only(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
