"""release_duplicate: a release is not already in the dataset, verbatim or nearly (names the twin).

Near-duplicates (the same release re-published with a fixed typo, another photo credit or a
different headline) are found by Jaccard similarity of word 5-gram shingles of the normalized text.
MinHash signatures with LSH banding pick the candidate pairs, so the check stays fast with
thousands of releases; each candidate's exact Jaccard similarity then decides.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from pathlib import Path

import numpy as np

from mfa_releases.checks.base import rule

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.9  # Jaccard similarity of shingle sets from which two releases count as one (error)
SIMILAR = 0.7  # from here a pair is worth a second look (warning): a re-edited release, or a reused template
N_PERMUTATIONS = 128
BANDS, ROWS = 32, 4  # 32 × 4 = 128; candidates from about (1/32) ** (1/4) ≈ 0.42 similarity, far below SIMILAR
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20260205)  # fixed: signatures and so results never vary between runs
_A = _rng.integers(1, _PRIME, N_PERMUTATIONS, dtype=np.int64)
_B = _rng.integers(0, _PRIME, N_PERMUTATIONS, dtype=np.int64)
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """Case-folded word k-grams of a text (the whole text as one shingle when it is shorter)."""
    words = _WORD.findall(text.casefold().replace("ё", "е"))
    if len(words) <= k:
        return frozenset([" ".join(words)])
    return frozenset(" ".join(words[i:i + k]) for i in range(len(words) - k + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def minhash(shingle_set: frozenset[str]) -> np.ndarray:
    """MinHash signature: for each of N_PERMUTATIONS universal hash functions, the minimum over the shingles."""
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little") % _PRIME
         for s in shingle_set),
        dtype=np.int64,
        count=len(shingle_set),
    )
    return ((np.outer(hashes, _A) + _B) % _PRIME).min(axis=0)


class DuplicateIndex:
    """Shingles, signatures and LSH buckets of every release that parses."""

    def __init__(self, documents: dict[Path, object]):
        self.texts = {path: doc.text for path, doc in documents.items()}
        self.shingles = {path: shingles(text) for path, text in self.texts.items()}
        self.buckets: dict[tuple[int, bytes], list[Path]] = defaultdict(list)
        self.signatures = {}
        for path, shingle_set in self.shingles.items():
            signature = minhash(shingle_set)
            self.signatures[path] = signature
            for band in range(BANDS):
                self.buckets[(band, signature[band * ROWS:(band + 1) * ROWS].tobytes())].append(path)

    def twins(self, path: Path) -> list[tuple[Path, float]]:
        """Other releases at or above SIMILAR similarity, most similar first (1.0 = same text)."""
        signature = self.signatures[path]
        candidates = set()
        for band in range(BANDS):
            candidates.update(self.buckets[(band, signature[band * ROWS:(band + 1) * ROWS].tobytes())])
        candidates.discard(path)
        found = []
        for other in candidates:
            similarity = 1.0 if self.texts[other] == self.texts[path] else jaccard(
                self.shingles[path], self.shingles[other])
            if similarity >= SIMILAR:
                found.append((other, similarity))
        return sorted(found, key=lambda pair: (-pair[1], str(pair[0])))


def _index(ctx) -> DuplicateIndex:
    if "release_duplicate" not in ctx.memo:
        documents = {path: ctx.release(path) for path in ctx.existing_releases}
        ctx.memo["release_duplicate"] = DuplicateIndex({p: d for p, d in documents.items() if d is not None})
    return ctx.memo["release_duplicate"]


@rule("release_duplicate", "release", f"No other release has the same text or {NEAR_DUPLICATE:.0%}+ of the "
      f"same word {SHINGLE_WORDS}-grams (warns from {SIMILAR:.0%}).", needs=("release",))
def check(target, ctx, report):
    for twin, similarity in _index(ctx).twins(target.path):
        # Two files being checked together are one problem: report it on the later one only.
        if twin in ctx.target_releases and str(twin) > str(target.path):
            continue
        twin_name = ctx.display(twin)
        shared = f"{similarity:.0%} of their word {SHINGLE_WORDS}-grams are shared"
        if similarity == 1.0:
            report.error(1, f"This release has the same text as {twin_name}.",
                         f"Delete this file: the release is already in the dataset as {twin_name}.")
        elif similarity >= NEAR_DUPLICATE:
            report.error(1, f"This release is a near-duplicate of {twin_name} ({shared}).",
                         f"Keep one file: if this is the same release re-published or corrected, put the better "
                         f"text in {twin_name} and delete this file.")
        else:
            report.warning(1, f"This release is very similar to {twin_name} ({shared}).",
                           "Check that it is a different release (not the same one edited); if it is the same, "
                           "keep one file.")
