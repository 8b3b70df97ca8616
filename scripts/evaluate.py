"""DVC `eval` stage: score machine extraction against human annotations; write DVC metrics.

Default: the dataset's releases (seeds/releases) that have a human annotation
(seeds/annotations/<doc_id>.json). With --gold DIR: a gold corpus folder of <doc>.txt + <doc>.gold.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mfa_releases.errors import ReleaseError
from mfa_releases.evaluate import evaluate, evaluate_annotated, metrics_only, render_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", type=Path, default=Path("seeds/releases"))
    parser.add_argument("--annotations", type=Path, default=Path("seeds/annotations"))
    parser.add_argument("--sources", type=Path, default=Path("seeds/sources.yaml"))
    parser.add_argument("--gold", type=Path, help="score a gold corpus folder instead of the annotated seeds")
    parser.add_argument("--language", choices=["ru", "en", "kk"], help="only documents in this language (--gold)")
    parser.add_argument("--metrics", type=Path, default=Path("metrics.json"), help="DVC metrics file to write")
    parser.add_argument("--errors", action="store_true", help="print the per-document error listing")
    args = parser.parse_args(argv)
    try:
        if args.gold is not None:
            report = evaluate(args.gold, language=args.language)
        else:
            report = evaluate_annotated(args.releases, args.annotations, args.sources)
    except ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    render_report(report, show_errors=args.errors)
    # Written whole at the end, so a failed run never leaves a half-written metrics file behind.
    tmp = args.metrics.with_name(args.metrics.name + ".tmp")
    tmp.write_text(json.dumps(metrics_only(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(args.metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
