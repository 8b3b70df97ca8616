"""Scoring machine facts against human (gold) annotations.

Both sides are compared in the annotation guide's JSON format (`ANNOTATION.md`); machine `Facts`
are converted with `facts_to_annotation`. Per document:

- **participants**: the distinct people of a document (one entry per name, whatever the number
  of meetings they attend, so that splitting meetings is scored only once, under meetings).
  *exact*: same nominative name after folding case, ё/е and whitespace; *surname*: same last name
  token. Pairs are one-to-one: exact names first, then the remaining people by surname.
  Country and role accuracy are measured over the surname pairs.
- **meetings**: matched one-to-one by their participant sets: the similarity of two meetings is
  the Jaccard index of their participants' surnames; pairs with similarity >= 0.5 are taken
  greedily, best first (ties: document order). Kind, city, country and date accuracy are measured
  over the pairs.
- **commitments**: a pair needs the same kind and overlapping evidence (the spans in the text
  share at least one character); pairs are taken greedily by overlap size. Due-date and actors
  accuracy are measured over the pairs. A gold and a machine commitment that overlap with
  different kinds are listed as a `kind` error (and still count as one miss and one spurious).

Counts are summed over documents (micro average), overall and per language. Every miss, spurious
item and wrong attribute is listed per document, to show rule writers what to fix.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mfa_releases.annotations import find_span, load_annotation
from mfa_releases.document import Document
from mfa_releases.errors import ReleaseError
from mfa_releases.extract.base import Facts

MEETING_MATCH_THRESHOLD = 0.5

COUNTED = ("participants_exact", "participants_surname", "meetings", "commitments")
ATTRIBUTES = (
    "participant_country",
    "participant_role",
    "meeting_kind",
    "meeting_city",
    "meeting_country",
    "meeting_date",
    "commitment_due",
    "commitment_actors",
)


# ---------------------------------------------------------------------------------------------
# Normalization


def normalize(value) -> str | None:
    """The comparison form of a name, role or city: NFC, case-folded, ё→е, single spaces."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).casefold().replace("ё", "е")
    text = re.sub(r"\s*([-‐–—])\s*", r"\1", text)  # «Джексона – Вэника» vs «Джексона–Вэника»
    return " ".join(text.split()) or None


def surname(name: str) -> str:
    """The comparison form of a person's surname: the last token of the name."""
    tokens = (normalize(name) or "").replace(".", ". ").split()
    return tokens[-1].strip(".,") if tokens else ""


# ---------------------------------------------------------------------------------------------
# Counters


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        if self.tp + self.fp + self.fn == 0:
            precision = recall = f1 = 1.0  # nothing to find and nothing found
        else:
            precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
            recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def check(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def as_dict(self) -> dict:
        accuracy = round(self.correct / self.total, 4) if self.total else None
        return {"accuracy": accuracy, "correct": self.correct, "total": self.total}


@dataclass
class Scores:
    """Counters for one document or a group of documents."""

    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in COUNTED})
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: {name: Accuracy() for name in ATTRIBUTES})

    def add(self, other: Scores) -> None:
        self.documents += other.documents
        for name in COUNTED:
            self.counts[name].add(other.counts[name])
        for name in ATTRIBUTES:
            self.accuracy[name].add(other.accuracy[name])

    def as_dict(self) -> dict:
        result: dict = {"documents": self.documents}
        result.update({name: self.counts[name].as_dict() for name in COUNTED})
        result.update({name: self.accuracy[name].as_dict() for name in ATTRIBUTES})
        return result


# ---------------------------------------------------------------------------------------------
# Machine facts in the annotation format


def facts_to_annotation(facts: Facts, document: Document) -> dict:
    """Machine `Facts` in the gold JSON format, commitments keeping their offsets."""
    meetings = []
    for index, meeting in enumerate(facts.meetings, start=1):
        meetings.append(
            {
                "id": f"m{index}",
                "kind": meeting.kind,
                "date": meeting.date.isoformat() if meeting.date else None,
                "city": meeting.city,
                "country": meeting.country,
                "evidence": meeting.evidence,
                "participants": [
                    {
                        "name": person.name,
                        "role": person.role,
                        "country": person.country,
                        "organization": person.organization,
                        "mention": person.mention,
                    }
                    for person in meeting.participants
                ],
            }
        )
    commitments = [
        {
            "kind": commitment.kind,
            "meeting": f"m{commitment.meeting + 1}" if commitment.meeting is not None else None,
            "actors": list(commitment.actors),
            "due": commitment.due,
            "evidence": commitment.evidence,
            "char_start": commitment.char_start,
            "char_end": commitment.char_end,
        }
        for commitment in facts.commitments
    ]
    return {
        "doc": document.doc_id,
        "source_url": document.url,
        "date": document.date.isoformat(),
        "language": document.language,
        "meetings": meetings,
        "commitments": commitments,
    }


# ---------------------------------------------------------------------------------------------
# Scoring one document


def _people(annotation: dict) -> list[dict]:
    """Distinct participants of a document, in order of first appearance."""
    seen: dict[str, dict] = {}
    for meeting in annotation.get("meetings", []):
        for person in meeting.get("participants", []):
            key = normalize(person.get("name")) or ""
            seen.setdefault(key, person)
    return list(seen.values())


def _same(gold, pred) -> bool:
    return normalize(gold) == normalize(pred)


def _commitment_span(commitment: dict, text: str) -> tuple[int, int] | None:
    if commitment.get("char_start") is not None and commitment.get("char_end") is not None:
        return commitment["char_start"], commitment["char_end"]
    return find_span(text, commitment.get("evidence") or "")


def _greedy(candidates: list[tuple], n_gold: int, n_pred: int) -> list[tuple[int, int]]:
    """One-to-one pairs from (sort key, gold index, pred index) candidates, best key first."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _key, g, p in sorted(candidates):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def _score_participants(gold: dict, pred: dict, scores: Scores, errors: list[dict]) -> None:
    gold_people, pred_people = _people(gold), _people(pred)
    exact = [(0, g, p) for g, gp in enumerate(gold_people) for p, pp in enumerate(pred_people)
             if normalize(gp["name"]) == normalize(pp["name"])]
    exact_pairs = _greedy(exact, len(gold_people), len(pred_people))
    scores.counts["participants_exact"] = Counts(
        tp=len(exact_pairs), fp=len(pred_people) - len(exact_pairs), fn=len(gold_people) - len(exact_pairs)
    )
    # Exact pairs first (key 0), then the others by surname (key 1).
    by_surname = exact + [(1, g, p) for g, gp in enumerate(gold_people) for p, pp in enumerate(pred_people)
                          if surname(gp["name"]) == surname(pp["name"]) and surname(gp["name"])]
    pairs = _greedy(by_surname, len(gold_people), len(pred_people))
    scores.counts["participants_surname"] = Counts(
        tp=len(pairs), fp=len(pred_people) - len(pairs), fn=len(gold_people) - len(pairs)
    )
    for g, p in pairs:
        gp, pp = gold_people[g], pred_people[p]
        if not _same(gp["name"], pp["name"]):
            errors.append({"item": "participant", "error": "wrong", "field": "name", "gold": gp["name"], "pred": pp["name"]})
        for attribute in ("country", "role"):
            ok = _same(gp.get(attribute), pp.get(attribute))
            scores.accuracy[f"participant_{attribute}"].check(ok)
            if not ok:
                errors.append({"item": "participant", "error": "wrong", "field": attribute, "name": gp["name"],
                               "gold": gp.get(attribute), "pred": pp.get(attribute)})
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for g, person in enumerate(gold_people):
        if g not in matched_gold:
            errors.append({"item": "participant", "error": "missed", "name": person["name"],
                           "role": person.get("role"), "country": person.get("country")})
    for p, person in enumerate(pred_people):
        if p not in matched_pred:
            errors.append({"item": "participant", "error": "spurious", "name": person["name"],
                           "mention": person.get("mention")})


def _surnames(meeting: dict) -> frozenset[str]:
    return frozenset(surname(person["name"]) for person in meeting.get("participants", []))


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _score_meetings(gold: dict, pred: dict, scores: Scores, errors: list[dict]) -> None:
    gold_meetings, pred_meetings = gold.get("meetings", []), pred.get("meetings", [])
    candidates = []
    for g, gm in enumerate(gold_meetings):
        for p, pm in enumerate(pred_meetings):
            similarity = _jaccard(_surnames(gm), _surnames(pm))
            if similarity >= MEETING_MATCH_THRESHOLD:
                candidates.append((-similarity, g, p))
    pairs = _greedy(candidates, len(gold_meetings), len(pred_meetings))
    scores.counts["meetings"] = Counts(
        tp=len(pairs), fp=len(pred_meetings) - len(pairs), fn=len(gold_meetings) - len(pairs)
    )
    for g, p in pairs:
        gm, pm = gold_meetings[g], pred_meetings[p]
        for attribute in ("kind", "city", "country", "date"):
            ok = _same(gm.get(attribute), pm.get(attribute))
            scores.accuracy[f"meeting_{attribute}"].check(ok)
            if not ok:
                errors.append({"item": "meeting", "error": "wrong", "field": attribute, "meeting": _names(gm),
                               "gold": gm.get(attribute), "pred": pm.get(attribute)})
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for g, meeting in enumerate(gold_meetings):
        if g not in matched_gold:
            errors.append({"item": "meeting", "error": "missed", "kind": meeting.get("kind"), "meeting": _names(meeting)})
    for p, meeting in enumerate(pred_meetings):
        if p not in matched_pred:
            errors.append({"item": "meeting", "error": "spurious", "kind": meeting.get("kind"), "meeting": _names(meeting),
                           "evidence": meeting.get("evidence")})


def _names(meeting: dict) -> list[str]:
    return [person["name"] for person in meeting.get("participants", [])]


def _score_commitments(gold: dict, pred: dict, text: str, scores: Scores, errors: list[dict]) -> None:
    gold_items, pred_items = gold.get("commitments", []), pred.get("commitments", [])
    gold_spans = [_commitment_span(c, text) for c in gold_items]
    pred_spans = [_commitment_span(c, text) for c in pred_items]
    for commitment, span in zip(gold_items, gold_spans):
        if span is None:
            errors.append({"item": "commitment", "error": "gold evidence not in text", "evidence": commitment.get("evidence")})

    def overlaps(same_kind: bool) -> list[tuple]:
        found = []
        for g, (gc, gs) in enumerate(zip(gold_items, gold_spans)):
            for p, (pc, ps) in enumerate(zip(pred_items, pred_spans)):
                if gs is None or ps is None or (gc["kind"] == pc["kind"]) != same_kind:
                    continue
                overlap = min(gs[1], ps[1]) - max(gs[0], ps[0])
                if overlap > 0:
                    found.append((-overlap, g, p))
        return found

    pairs = _greedy(overlaps(same_kind=True), len(gold_items), len(pred_items))
    scores.counts["commitments"] = Counts(
        tp=len(pairs), fp=len(pred_items) - len(pairs), fn=len(gold_items) - len(pairs)
    )
    for g, p in pairs:
        gc, pc = gold_items[g], pred_items[p]
        due_ok = gc.get("due") == pc.get("due")
        scores.accuracy["commitment_due"].check(due_ok)
        if not due_ok:
            errors.append({"item": "commitment", "error": "wrong", "field": "due", "evidence": gc["evidence"],
                           "gold": gc.get("due"), "pred": pc.get("due")})
        actors_ok = sorted(gc.get("actors") or []) == sorted(pc.get("actors") or [])
        scores.accuracy["commitment_actors"].check(actors_ok)
        if not actors_ok:
            errors.append({"item": "commitment", "error": "wrong", "field": "actors", "evidence": gc["evidence"],
                           "gold": gc.get("actors"), "pred": pc.get("actors")})
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    # Same evidence, other kind: worth a line of its own, the fix differs from a plain miss.
    unmatched = [(key, g, p) for key, g, p in overlaps(same_kind=False)
                 if g not in matched_gold and p not in matched_pred]
    kind_pairs = _greedy(unmatched, len(gold_items), len(pred_items))
    for g, p in kind_pairs:
        errors.append({"item": "commitment", "error": "wrong", "field": "kind", "evidence": gold_items[g]["evidence"],
                       "gold": gold_items[g]["kind"], "pred": pred_items[p]["kind"]})
    kind_gold = {g for g, _ in kind_pairs}
    kind_pred = {p for _, p in kind_pairs}
    for g, commitment in enumerate(gold_items):
        if g not in matched_gold and g not in kind_gold and gold_spans[g] is not None:
            errors.append({"item": "commitment", "error": "missed", "kind": commitment["kind"],
                           "evidence": commitment.get("evidence")})
    for p, commitment in enumerate(pred_items):
        if p not in matched_pred and p not in kind_pred:
            errors.append({"item": "commitment", "error": "spurious", "kind": commitment["kind"],
                           "evidence": commitment.get("evidence")})


def score_document(gold: dict, pred: dict, text: str) -> tuple[Scores, list[dict]]:
    """Scores and errors for one document; both sides in the annotation format.

    Commitment spans come from `char_start`/`char_end` when present, else from locating the
    evidence in `text` (whitespace-insensitively).
    """
    scores = Scores(documents=1)
    errors: list[dict] = []
    _score_participants(gold, pred, scores, errors)
    _score_meetings(gold, pred, scores, errors)
    _score_commitments(gold, pred, text, scores, errors)
    return scores, errors


# ---------------------------------------------------------------------------------------------
# Corpora


def _read_gold_document(txt_path: Path, gold: dict) -> Document:
    """A gold corpus text (raw release format) ingested like any release, in the gold's language."""
    from mfa_releases.ingest import load_document
    from mfa_releases.sources import Sources

    document = load_document(txt_path, txt_path.parent, Sources(), default_source="gold")
    return dataclasses.replace(document, language=gold.get("language") or document.language)


def gold_pairs(gold_dir: Path, language: str | None = None) -> Iterator[tuple[str, Document, dict]]:
    """(name, document, gold annotation) for every `<doc>.txt` with a `<doc>.gold.json` in a folder."""
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        txt_path = gold_path.with_name(f"{name}.txt")
        if not txt_path.exists():
            continue
        gold = load_annotation(gold_path)  # the human-annotation format: same schema, same errors
        if language is not None and gold.get("language") != language:
            continue
        yield name, _read_gold_document(txt_path, gold), gold


def score_corpus(
    pairs: Iterable[tuple[str, Document, dict]],
    extract: Callable[[Document], Facts] | None = None,
    on_document: Callable[[str], None] | None = None,
) -> dict:
    """Run extraction on each (name, document, gold) and score it; the report as plain data."""
    if extract is None:
        from mfa_releases.extract import extract_document as extract
    overall = Scores()
    by_language: dict[str, Scores] = {}
    documents = []
    for name, document, gold in pairs:
        try:
            facts = extract(document)
        except Exception as exc:
            exc.add_note(f"while extracting facts from {document.path} ({name})")
            raise
        pred = facts_to_annotation(facts, document)
        scores, errors = score_document(gold, pred, document.text)
        language = gold.get("language") or document.language
        overall.add(scores)
        by_language.setdefault(language, Scores()).add(scores)
        documents.append({"doc": name, "language": language, "scores": scores.as_dict(), "errors": errors})
        if on_document is not None:
            on_document(name)
    return {
        "overall": overall.as_dict(),
        "by_language": {language: by_language[language].as_dict() for language in sorted(by_language)},
        "documents": documents,
    }


def evaluate(
    gold_dir: Path | str,
    language: str | None = None,
    extract: Callable[[Document], Facts] | None = None,
    on_document: Callable[[str], None] | None = None,
) -> dict:
    """Extract facts from every `<doc>.txt` in `gold_dir` and score them against `<doc>.gold.json`.

    Returns {"overall": metrics, "by_language": {lang: metrics},
    "documents": [{doc, language, scores, errors}]}.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: not a folder of <doc>.txt and <doc>.gold.json files")
    report = score_corpus(gold_pairs(gold_dir, language), extract=extract, on_document=on_document)
    report["gold"] = str(gold_dir)
    return report


def annotated_pairs(releases_dir: Path | str, annotations_dir: Path | str,
                    sources_path: Path | str) -> Iterator[tuple[str, Document, dict]]:
    """(doc_id, document, human annotation) for every release of the dataset that has an annotation."""
    from mfa_releases.annotations import annotation_path, check_matches_document, load_annotation
    from mfa_releases.ingest import load_documents
    from mfa_releases.sources import load_sources

    documents, errors = load_documents(Path(releases_dir), load_sources(sources_path), dataset=True)
    if errors:
        raise errors[0]
    doc_ids = {document.doc_id for document in documents}
    for path in sorted(Path(annotations_dir).glob("*.json")):
        if path.stem not in doc_ids:
            # Silently scoring fewer documents would make the metrics lie.
            raise ReleaseError(str(path), None, "annotation-release",
                               f"no release in {releases_dir} has the doc_id {path.stem!r}",
                               "a doc_id is a hash of the source and normalized text: if the release changed, "
                               "rename the annotation to its new doc_id (mfa-releases build lists them)")
    for document in sorted(documents, key=lambda d: d.doc_id):
        path = annotation_path(annotations_dir, document.doc_id)
        if path.is_file():
            annotation = load_annotation(path)
            check_matches_document(annotation, document)
            yield document.doc_id, document, annotation


def evaluate_annotated(
    releases_dir: Path | str = "seeds/releases",
    annotations_dir: Path | str = "seeds/annotations",
    sources_path: Path | str = "seeds/sources.yaml",
    extract: Callable[[Document], Facts] | None = None,
) -> dict:
    """Score extraction on the dataset's releases that carry a human annotation (the DVC eval stage)."""
    report = score_corpus(annotated_pairs(releases_dir, annotations_dir, sources_path), extract=extract)
    report["gold"] = str(annotations_dir)
    return report


def metrics_only(report: dict) -> dict:
    """The numbers of a report, without the error listing and paths (the DVC metrics file)."""
    return {key: value for key, value in report.items() if key in ("overall", "by_language")}


# ---------------------------------------------------------------------------------------------
# Rendering


def _fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def render_report(report: dict, console=None, show_errors: bool = False) -> None:
    """Print the scores as rich tables (one column per language and overall), then the errors."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    groups = {**report["by_language"], "overall": report["overall"]}
    counted = Table(title=f"Extraction vs gold: {report.get('gold', '')}")
    for column in ("group", "items", "P", "R", "F1", "tp", "fp", "fn"):
        counted.add_column(column, justify="left" if column in ("group", "items") else "right", no_wrap=True)
    accuracy = Table(title="Attribute accuracy over matched pairs")
    for column in ("group", "attribute", "accuracy", "correct", "total"):
        accuracy.add_column(column, justify="left" if column in ("group", "attribute") else "right", no_wrap=True)
    for group, metrics in groups.items():
        label = f"{group} ({metrics['documents']})"
        for name in COUNTED:
            m = metrics[name]
            counted.add_row(label if name == COUNTED[0] else "", name, _fmt(m["precision"]), _fmt(m["recall"]),
                            _fmt(m["f1"]), str(m["tp"]), str(m["fp"]), str(m["fn"]))
        for name in ATTRIBUTES:
            m = metrics[name]
            accuracy.add_row(label if name == ATTRIBUTES[0] else "", name, _fmt(m["accuracy"]),
                             str(m["correct"]), str(m["total"]))
        counted.add_section()
        accuracy.add_section()
    console.print(counted)
    console.print(accuracy)
    if not show_errors:
        return
    for document in report["documents"]:
        if not document["errors"]:
            continue
        console.print(f"[bold]{document['doc']}[/bold] ({document['language']})")
        for error in document["errors"]:
            details = {k: v for k, v in error.items() if k not in ("item", "error")}
            text = "  ".join(f"{k}={v!r}" for k, v in details.items())
            # One error per line, never wrapped, so that the listing can be grepped.
            console.print(f"  {error['item']:<11} {error['error']:<9} {text}", markup=False, highlight=False,
                          soft_wrap=True)
