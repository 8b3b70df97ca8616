"""annotation_release: an annotation is named after a release's doc_id and agrees with its date and language."""

from __future__ import annotations

from mfa_releases.checks.base import rule


@rule("annotation_release", "annotation", "seeds/annotations/<doc_id>.json names an existing release in "
      "'doc' and in its file name, with that release's date and language.", needs=("annotation",))
def check(target, ctx, report):
    annotation = ctx.annotation(target.path)
    doc = annotation["doc"]
    stem = target.path.name.removesuffix(".json")
    if stem != doc:
        report.error(annotation.line_of("doc"), f"The file is named {stem}.json but 'doc' says {doc!r}.",
                     f"Name the file {doc}.json (or set 'doc' to {stem!r} if the file name is right).")
    release_path = ctx.releases_by_doc_id.get(doc)
    if release_path is None:
        same_day = sorted(
            f"{ctx.release(path).doc_id} ({ctx.display(path)})"
            for path in ctx.existing_releases
            if ctx.release(path) is not None and ctx.release(path).date.isoformat() == annotation["date"]
        )
        candidates = f" Releases dated {annotation['date']}: {'; '.join(same_day)}." if same_day else ""
        report.error(annotation.line_of("doc"), f"No release has doc_id {doc!r}.",
                     "A doc_id is the source plus a hash of the normalized text, so it changes when the text "
                     f"is edited: set 'doc' and the file name to the release's current doc_id.{candidates}")
        return
    document = ctx.release(release_path)
    for field, expected in (("date", document.date.isoformat()), ("language", document.language)):
        if annotation[field] != expected:
            report.error(annotation.line_of(field),
                         f"'{field}' is {annotation[field]!r} but the release {ctx.display(release_path)} "
                         f"has {expected!r}.",
                         f"Set \"{field}\": \"{expected}\" (or fix the release header if the annotation is right).")
