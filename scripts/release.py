"""DVC stage `release`: assemble data/release/ (card, Parquet, MANIFEST) versioned against the local hub (thin).

The version is computed against the newest version in the local hub (`$MFA_RELEASES_HUB` or hub/);
`mfa-releases publish` re-versions the tree if the hub has moved on since.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mfa_releases.errors import ReleaseError
from mfa_releases.hub import LocalHub, default_hub
from mfa_releases.release import build_release
from mfa_releases.versioning import BUMPS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=Path, default=Path("data/tables"))
    parser.add_argument("--validation", type=Path, default=Path("data/validation.json"),
                        help="report of the validate stage; releasing needs validated tables")
    parser.add_argument("--output", type=Path, default=Path("data/release"))
    parser.add_argument("--sources", type=Path, default=Path("seeds/sources.yaml"))
    parser.add_argument("--hub", type=Path, default=None, help="local hub to version against [default: $MFA_RELEASES_HUB or hub/]")
    parser.add_argument("--bump", choices=BUMPS, default=None, help="force this bump instead of the computed one")
    args = parser.parse_args(argv)

    if not args.validation.exists():
        print(f"{args.validation}: missing — run the validate stage first", file=sys.stderr)
        return 1
    hub = LocalHub(args.hub or default_hub())
    latest = hub.latest()
    try:
        manifest, diff = build_release(args.tables, args.output, previous=hub.path(latest) if latest else None,
                                       bump=args.bump, sources_file=args.sources)
    except ReleaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    rows = ", ".join(f"{name} {info['rows']}" for name, info in manifest["tables"].items())
    base = f" (vs {latest}: {diff.bump or 'no'} bump)" if latest else " (first release)"
    print(f"{args.output}: {manifest['dataset']} {manifest['version']}{base}; {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
