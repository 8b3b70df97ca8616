"""DVC stage `build`: seeds/releases → data/tables/<table>.parquet (thin entry point)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", type=Path, default=Path("seeds/releases"))
    parser.add_argument("--sources", type=Path, default=Path("seeds/sources.yaml"))
    parser.add_argument("--annotations", type=Path, default=Path("seeds/annotations"))
    parser.add_argument("--output", type=Path, default=Path("data/tables"))
    parser.add_argument("--params", type=Path, default=Path("params.yaml"))
    parser.add_argument("--cache", type=Path, default=Path("data/cache/extract"),
                        help="per-document extraction cache (a persistent DVC output)")
    args = parser.parse_args(argv)
    # Imported here, not at the top: extraction workers re-import this script as their __main__.
    from mfa_releases.cli import print_build_report
    from mfa_releases.pipeline import BuildError, build

    params = yaml.safe_load(args.params.read_text(encoding="utf-8"))["build"]
    try:
        report = build(args.input, args.output, sources_path=args.sources,
                       annotations_dir=args.annotations if args.annotations.is_dir() else None,
                       dataset=True, max_bytes=int(params["max_release_bytes"]),
                       workers=int(params.get("workers", 1)), cache_dir=args.cache)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print(f"build failed; nothing was written to {args.output}", file=sys.stderr)
        return 1
    print_build_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
