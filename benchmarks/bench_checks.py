"""How long the contribution checks take as the dataset grows: prints figures, asserts nothing.

The near-duplicate index (MinHash + LSH over word shingles) is the only part that grows with the
number of releases; every other rule looks at one file. Synthetic releases (random words from a
small vocabulary, a few of them near copies of others) stand in for real ones.

    python benchmarks/bench_checks.py [N ...]
"""

from __future__ import annotations

import random
import sys
import time
from types import SimpleNamespace

from mfa_releases.checks.rules.release_duplicate import DuplicateIndex

VOCABULARY = [f"слово{i}" for i in range(3000)]


def synthetic(n: int, words: int = 300, seed: int = 0) -> dict[str, SimpleNamespace]:
    rng = random.Random(seed)
    docs = {}
    for i in range(n):
        if i % 50 == 49:  # a near copy of an earlier release: a few words changed
            base = docs[f"r{i - 1}"].text.split()
            for _ in range(5):
                base[rng.randrange(len(base))] = rng.choice(VOCABULARY)
            text = " ".join(base)
        else:
            text = " ".join(rng.choice(VOCABULARY) for _ in range(words))
        docs[f"r{i}"] = SimpleNamespace(text=text)
    return docs


def main(sizes: list[int]) -> None:
    print(f"{'releases':>9} {'index s':>9} {'all twins s':>12} {'pairs found':>12}")
    for n in sizes:
        docs = synthetic(n)
        start = time.perf_counter()
        index = DuplicateIndex(docs)
        built = time.perf_counter()
        pairs = sum(len(index.twins(path)) for path in docs) // 2
        done = time.perf_counter()
        print(f"{n:>9} {built - start:>9.2f} {done - built:>12.2f} {pairs:>12}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
