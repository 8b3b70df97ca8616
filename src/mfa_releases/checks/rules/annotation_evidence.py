"""annotation_evidence: each commitment's evidence is copied exactly from the release text."""

from __future__ import annotations

from difflib import SequenceMatcher

from mfa_releases.annotations import find_span
from mfa_releases.checks.base import rule

_SHOWN = 100  # characters of the release shown around the closest passage


def closest_passage(text: str, evidence: str) -> str | None:
    """The stretch of `text` that shares the longest run of characters with `evidence`, for the hint."""
    matcher = SequenceMatcher(None, text, evidence, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(evidence))
    if match.size < 8:
        return None
    start = max(match.a - match.b, 0)
    shown = min(len(evidence) + 20, _SHOWN)
    passage = text[start:start + shown].replace("\n", " ")
    return passage + ("…" if start + shown < len(text) else "")


@rule("annotation_evidence", "annotation", "Every commitment's 'evidence' is an exact substring of the "
      "release text.", needs=("annotation",))
def check(target, ctx, report):
    annotation = ctx.annotation(target.path)
    release_path = ctx.releases_by_doc_id.get(annotation["doc"])
    if release_path is None:  # annotation_release reports it
        return
    text = ctx.release(release_path).text
    release = ctx.display(release_path)
    for c, commitment in enumerate(annotation["commitments"]):
        evidence = commitment["evidence"]
        line = annotation.line_of("commitments", c, "evidence")
        if evidence in text:
            continue
        if find_span(text, evidence) is not None:
            # The pipeline still finds it (case, ё/е and spacing are forgiven), but the guide asks for a copy.
            report.warning(line, f"commitments[{c}].evidence matches {release} only up to case, 'ё'/'е' or "
                                 "spacing.",
                           "Copy the passage from the release text instead of retyping it.")
            continue
        passage = closest_passage(text, evidence)
        nearest = f" The closest passage in the release reads: «{passage}»." if passage else ""
        report.error(line, f"commitments[{c}].evidence is not in the text of {release}.",
                     "Copy the shortest passage that states the commitment from the release, character for "
                     f"character (do not retype or shorten words).{nearest}")
