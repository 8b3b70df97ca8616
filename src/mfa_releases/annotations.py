"""Human annotations: loading `seeds/annotations/<doc_id>.json` and turning them into `Facts`.

The file format is the gold format of the annotation guide (`ANNOTATION.md`), checked by
`schemas/annotation.schema.json` and by the rules JSON Schema cannot express (assigned ISO codes,
meeting references, unique meeting ids). Human files carry no offsets, so they are found here in
`Document.text` (the normalized text): evidence is matched whitespace-insensitively, people by the
stems of their names (Russian names inflect: «Брайаном Мастом» for «Брайан Маст»), and a meeting's
evidence is the sentence naming most of its participants.

Every problem is a `ReleaseError` naming the file, the line in it and the JSON path, with a fix.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

from mfa_releases.document import Document
from mfa_releases.errors import ReleaseError
from mfa_releases.extract.base import CommitmentFact, Facts, MeetingFact, ParticipantFact
from mfa_releases.extract.countries import is_iso_code

SCHEMA_FILE = "annotation.schema.json"
GUIDE = "see the annotation guide (ANNOTATION.md)"
# Codes people reach for that ISO 3166-1 assigns differently.
_COMMON_CODE_MISTAKES = {"UK": "GB", "EL": "GR", "KO": "XK", "RK": "KZ", "SU": "RU"}


class Annotation(dict):
    """A loaded annotation: the JSON object, plus where it came from (for error messages)."""

    path: str = "<annotation>"
    lines: dict[tuple, int] = {}

    def line_of(self, *json_path) -> int | None:
        """Line in the file of the value at a JSON path (the nearest enclosing value if unknown)."""
        path = tuple(json_path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


# ---------------------------------------------------------------------------------------------
# Loading and checking


@cache
def annotation_schema() -> dict:
    """The annotation JSON Schema (draft 2020-12)."""
    return json.loads(resources.files("mfa_releases.schemas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def json_path(parts) -> str:
    """`$.meetings[0].participants[1].country` for ("meetings", 0, "participants", 1, "country")."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def value_lines(text: str) -> dict[tuple, int]:
    """1-based line of every value in a JSON document, by its path (keys and list indices)."""
    decoder = json.JSONDecoder()
    lines: dict[tuple, int] = {}
    whitespace = re.compile(r"[ \t\n\r]*")

    def skip(pos: int) -> int:
        return whitespace.match(text, pos).end()

    def walk(pos: int, path: tuple) -> int:
        pos = skip(pos)
        lines[path] = text.count("\n", 0, pos) + 1
        char = text[pos:pos + 1]
        if char == "{":
            pos = skip(pos + 1)
            if text[pos:pos + 1] == "}":
                return pos + 1
            while True:
                key, pos = json.decoder.scanstring(text, skip(pos) + 1)
                pos = skip(pos) + 1  # the colon
                pos = skip(walk(pos, path + (key,)))
                if text[pos] == "}":
                    return pos + 1
                pos += 1  # the comma
        if char == "[":
            pos = skip(pos + 1)
            if text[pos:pos + 1] == "]":
                return pos + 1
            index = 0
            while True:
                pos = skip(walk(pos, path + (index,)))
                index += 1
                if text[pos] == "]":
                    return pos + 1
                pos += 1
        _value, end = decoder.raw_decode(text, pos)
        return end

    walk(0, ())
    return lines


def _schema_error(error, annotation: Annotation) -> ReleaseError:
    """A jsonschema `ValidationError` as a `ReleaseError` a contributor can act on."""
    parts = list(error.absolute_path)
    where = json_path(parts)
    schema = error.schema if isinstance(error.schema, dict) else {}
    field_name = next((p for p in reversed(parts) if isinstance(p, str)), "the annotation")
    if error.validator == "oneOf":
        # «a country code or null»: the branch that is not about null says what is wrong.
        specific = [sub for sub in error.context or [] if sub.validator != "type"]
        if specific:
            return _schema_error(specific[0], annotation)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        described = _described_schema(annotation_schema(), parts + [missing])
        message = f"missing field {missing!r} at {where}"
        hint = f"add \"{missing}\": {described}" if described else f"add \"{missing}\" ({GUIDE})"
    elif error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(schema.get("properties", {})))
        parts = parts + extra[:1]
        message = f"unknown field(s) {', '.join(map(repr, extra))} at {where}"
        hint = f"remove it or fix its spelling; allowed: {', '.join(schema.get('properties', {}))}"
    elif error.validator == "enum":
        message = f"{error.instance!r} is not a valid {field_name} at {where}"
        hint = f"use one of: {', '.join(map(str, error.validator_value))}"
    elif error.validator == "type":
        names = {"array": "a list […]", "object": "an object {…}", "string": "a string", "null": "null"}
        expected_types = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        expected = " or ".join(names.get(t, t) for t in expected_types)
        message = f"{field_name} at {where} must be {expected}, not {type(error.instance).__name__} {error.instance!r}"[:300]
        hint = schema.get("description") or GUIDE
    elif error.validator == "pattern" and "[A-Z]{2}" in str(error.validator_value):
        message = f"{error.instance!r} at {where} is not an ISO 3166-1 alpha-2 country code"
        hint = "write two upper-case letters, e.g. \"KZ\", \"US\""
    else:
        # oneOf/pattern/minLength…: say what the field is for rather than echo the schema.
        described = _described_schema(annotation_schema(), parts)
        message = f"bad value {error.instance!r} for {field_name} at {where}"[:300]
        hint = described or error.message
    return ReleaseError(annotation.path, annotation.line_of(*parts), "annotation-schema", message, hint)


def _described_schema(schema: dict, parts: list) -> str | None:
    """The `description` of the schema node for a JSON path (following $refs), for hints."""
    defs = schema.get("$defs", {})
    node = schema
    description = None
    for part in parts:
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
        description = node.get("description", description)
    return description


def _semantic_errors(annotation: Annotation) -> list[ReleaseError]:
    """What JSON Schema cannot say: assigned ISO codes, unique meeting ids, meeting references."""
    errors = []

    def bad_code(code, *parts):
        if code is None or is_iso_code(code):
            return
        suggestion = _COMMON_CODE_MISTAKES.get(code)
        hint = (f"ISO 3166-1 writes it {suggestion!r}" if suggestion else
                "look the code up in ISO 3166-1 (e.g. python -c \"import pycountry; "
                "print(pycountry.countries.lookup('Germany').alpha_2)\")")
        errors.append(ReleaseError(annotation.path, annotation.line_of(*parts), "annotation-iso-code",
                                   f"{code!r} at {json_path(parts)} is not an assigned ISO 3166-1 alpha-2 code", hint))

    ids: dict[str, int] = {}
    for m, meeting in enumerate(annotation["meetings"]):
        if meeting["id"] in ids:
            errors.append(ReleaseError(annotation.path, annotation.line_of("meetings", m, "id"), "annotation-meeting-ref",
                                       f"meeting id {meeting['id']!r} at {json_path(['meetings', m, 'id'])} is used twice",
                                       "number the meetings m1, m2, … in order"))
        ids.setdefault(meeting["id"], m)
        bad_code(meeting["country"], "meetings", m, "country")
        for p, person in enumerate(meeting["participants"]):
            bad_code(person["country"], "meetings", m, "participants", p, "country")
    for c, commitment in enumerate(annotation["commitments"]):
        for a, actor in enumerate(commitment["actors"]):
            bad_code(actor, "commitments", c, "actors", a)
        if commitment["meeting"] is not None and commitment["meeting"] not in ids:
            known = ", ".join(ids) or "none"
            errors.append(ReleaseError(annotation.path, annotation.line_of("commitments", c, "meeting"),
                                       "annotation-meeting-ref",
                                       f"commitment at {json_path(['commitments', c])} refers to meeting "
                                       f"{commitment['meeting']!r}, which is not annotated (meetings: {known})",
                                       "use the id of one of the meetings, or null"))
    return errors


def annotation_errors(path: Path | str, display: str | None = None) -> tuple[Annotation | None, list[ReleaseError]]:
    """Load an annotation file and check it: (annotation or None, every problem found)."""
    from jsonschema import Draft202012Validator

    path = Path(path)
    display = display or str(path)
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return None, [ReleaseError(display, None, "annotation-json", "annotation file not found",
                                   "annotations live in seeds/annotations/<doc_id>.json")]
    except UnicodeDecodeError as exc:
        return None, [ReleaseError(display, None, "annotation-json", f"file is not UTF-8 ({exc.reason} at byte {exc.start})",
                                   "re-save it as UTF-8")]
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, [ReleaseError(display, exc.lineno, "annotation-json", f"invalid JSON: {exc.msg} (column {exc.colno})",
                                   "fix the JSON syntax (a missing comma or quote is the usual cause)")]
    annotation = Annotation(data) if isinstance(data, dict) else Annotation()
    annotation.path = display
    annotation.lines = value_lines(raw)
    validator = Draft202012Validator(annotation_schema())
    schema_errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if schema_errors:
        if not isinstance(data, dict):
            return None, [ReleaseError(display, 1, "annotation-schema", "an annotation is one JSON object",
                                       f"write {{\"doc\": …, \"meetings\": […], \"commitments\": […]}} ({GUIDE})")]
        return None, [_schema_error(error, annotation) for error in schema_errors]
    errors = _semantic_errors(annotation)
    return (None if errors else annotation), errors


def load_annotation(path: Path | str, display: str | None = None) -> Annotation:
    """Load one annotation file checked against the JSON Schema and the ISO/reference rules.

    Raises the first `ReleaseError` found (`annotation_errors` gives them all). `display` is the
    path to show in messages (defaults to `path`).
    """
    annotation, errors = annotation_errors(path, display)
    if errors:
        raise errors[0]
    return annotation


# Case endings a Russian name takes after its stem (Маст|ом, Захаров|ой, Зеленск|ого, Мари|ей);
# an explicit list, so that «Мастер» is not read as «Маст». Latin-script names take a possessive.
_RU_NAME_ENDINGS = (r"(?:ого|его|ому|ему|ыми|ими|ой|ей|ою|ею|ом|ем|ым|им|ах|ях|ам|ям|ую|юю|ая|яя"
                    r"|ием|ий|ия|ию|ии|ый|ых|их|ью|а|я|у|ю|е|ё|о|ы|и|й|ь)?")
_VOWELS_AND_SOFT = "аяоеёыиуюйь"
_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя")  # Зеленский, Толстой, Ковальская


def fold(text: str) -> str:
    """Case- and ё-insensitive form of a text, of the same length so that offsets stay valid."""
    # Per character: str.lower() lengthens a few characters («İ»), which would shift offsets.
    return "".join(char.lower()[:1] or char for char in text).replace("ё", "е")


def find_span(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """The first span of `text` equal to `needle` up to whitespace (and ё/е), at or after `start`."""
    words = unicodedata.normalize("NFC", needle).split()
    if not words:
        return None
    pattern = r"\s*".join(re.escape(word) for word in fold(" ".join(words)).split(" "))
    match = re.compile(pattern).search(fold(text), start)
    return (match.start(), match.end()) if match else None


def name_stem(token: str) -> str:
    """The part of a name token that stays put when it inflects («Маст», «Кошербаев», «Захаров»)."""
    token = token.strip(".,;:«»\"'()")
    if not re.search(r"[а-яё]", token.lower()) or len(token) <= 3:
        return token
    if len(token) > 5 and token[-2:].lower() in _ADJECTIVE_ENDINGS:
        return token[:-2]
    return token[:-1] if token[-1].lower() in _VOWELS_AND_SOFT else token


def _token_pattern(token: str, loose: bool = False) -> str:
    """Regex for a name token in any case form; each part of a hyphenated name inflects («Франком-Вальтером»).

    `loose` accepts any short Cyrillic ending, for transliterations that decline irregularly
    («Ханьхуэйем»).
    """
    parts = []
    for part in token.split("-"):
        stem = name_stem(part)
        if not re.search(r"[а-яё]", stem.lower()):
            ending = r"(?:['’]s)?"
        else:
            ending = r"[а-яё]{0,3}" if loose else _RU_NAME_ENDINGS
        parts.append(re.escape(fold(stem)) + ending)
    return r"\s*[-‐–]\s*".join(parts) + r"(?![\w-])"


def find_person(text: str, name: str) -> tuple[int, int] | None:
    """Span of the first mention of a person: the surname (inflected) with any given names before it.

    Also accepts initials before the surname («М. Копеев», «M.Kopeyev»); middle names the text
    leaves out are skipped. Regular case endings are tried first, then any short ending.
    """
    tokens = name.split()
    if not tokens:
        return None
    for loose in (False, True):
        span = _find_person(text, fold(text), tokens, loose)
        if span is not None:
            return span
    return None


def _find_person(text: str, folded: str, tokens: list[str], loose: bool) -> tuple[int, int] | None:
    surname = re.compile(r"(?<![\w-])" + _token_pattern(tokens[-1], loose))
    for match in surname.finditer(folded):
        if not text[match.start()].isupper():
            continue  # «мастер» is not «Маст»
        start = match.start()
        # Extend left over the given names (or their initials) that precede the surname.
        for position in range(len(tokens) - 2, -1, -1):
            given = tokens[position]
            before = folded[max(0, start - 80):start]
            offset = start - len(before)
            full = re.search(r"(?<![\w-])" + _token_pattern(given, loose) + r"\s+$", before)
            initial = re.search(r"(?<![\w-])" + re.escape(fold(given[0])) + r"\.\s*$", before)
            if full:
                start = offset + full.start()
            elif initial:
                start = offset + initial.start()
            elif position == 0:
                break
            # else a middle name or initial the text leaves out («Antony Blinken» for «Antony J. Blinken»)
        return start, match.end()
    return None


# ---------------------------------------------------------------------------------------------
# Annotation → Facts


def _meeting_span(text: str, people: list[ParticipantFact]) -> tuple[int, int]:
    """The first sentence naming the most of a meeting's participants."""
    from mfa_releases.text import sentence_spans

    best, best_count = None, 0
    for start, end in sentence_spans(text):
        count = sum(1 for person in people if start <= person.char_start < end
                    or find_person(text[start:end], person.name) is not None)
        if count > best_count:
            best, best_count = (start, end), count
    # Every participant was found in the text, so some sentence names at least one of them.
    return best if best is not None else (people[0].char_start, people[0].char_end)


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_facts(annotation: dict, document: Document) -> Facts:
    """Facts from a human annotation, with offsets into `document.text`.

    Raises `ReleaseError` (rule annotation-evidence) naming the annotation file and the evidence,
    participant or meeting that cannot be found in the text.
    """
    text = document.text
    path = getattr(annotation, "path", "<annotation>")

    def line(*parts):
        return annotation.line_of(*parts) if isinstance(annotation, Annotation) else None

    def not_found(what: str, parts: tuple, hint: str) -> ReleaseError:
        return ReleaseError(path, line(*parts), "annotation-evidence",
                            f"{what} at {json_path(parts)} is not in the text of {document.path or document.doc_id}", hint)

    meetings: list[MeetingFact] = []
    index_of: dict[str, int] = {}
    for m, meeting in enumerate(annotation["meetings"]):
        people = []
        for p, person in enumerate(meeting["participants"]):
            if person.get("mention"):
                span = find_span(text, person["mention"])
                parts = ("meetings", m, "participants", p, "mention")
            else:
                span = find_person(text, person["name"])
                parts = ("meetings", m, "participants", p, "name")
            if span is None:
                raise not_found(f"participant {person['name']!r}", parts,
                                "check the spelling against the release; if the text only uses another form, "
                                "add \"mention\": \"<that form, copied from the text>\"")
            people.append(ParticipantFact(
                name=person["name"], role=person["role"], organization=person["organization"],
                country=person["country"], mention=text[span[0]:span[1]], char_start=span[0], char_end=span[1]))
        if meeting.get("evidence"):
            span = find_span(text, meeting["evidence"])
            if span is None:
                raise not_found(f"meeting evidence {_shorten(meeting['evidence'])!r}", ("meetings", m, "evidence"),
                                "copy the evidence from the release text exactly (whitespace may differ)")
        else:
            span = _meeting_span(text, people)
        index_of[meeting["id"]] = len(meetings)
        meetings.append(MeetingFact(
            kind=meeting["kind"],
            date=dt.date.fromisoformat(meeting["date"]) if meeting["date"] else None,
            city=meeting["city"], country=meeting["country"],
            evidence=text[span[0]:span[1]], char_start=span[0], char_end=span[1], participants=people))

    commitments: list[CommitmentFact] = []
    for c, commitment in enumerate(annotation["commitments"]):
        span = find_span(text, commitment["evidence"])
        if span is None:
            raise not_found(f"commitment evidence {_shorten(commitment['evidence'])!r}", ("commitments", c, "evidence"),
                            "copy the evidence from the release text exactly (whitespace may differ)")
        commitments.append(CommitmentFact(
            kind=commitment["kind"], actors=list(commitment["actors"]), due=commitment["due"],
            evidence=text[span[0]:span[1]], char_start=span[0], char_end=span[1],
            meeting=index_of.get(commitment["meeting"]) if commitment["meeting"] else None))
    return Facts(meetings=meetings, commitments=commitments)


def annotation_path(annotations_dir: Path | str, doc_id: str) -> Path:
    """Where the human annotation of a document lives: `<annotations_dir>/<doc_id>.json`."""
    return Path(annotations_dir) / f"{doc_id}.json"


def check_matches_document(annotation: Annotation, document: Document) -> None:
    """The annotation describes this document: same doc id, release date and language."""
    for key, expected in (("doc", document.doc_id), ("date", document.date.isoformat()), ("language", document.language)):
        if annotation[key] != expected:
            raise ReleaseError(annotation.path, annotation.line_of(key), "annotation-release",
                               f"{key} is {annotation[key]!r} but the release {document.path} has {expected!r}",
                               f"set \"{key}\": \"{expected}\" (or move the file: annotations are named <doc_id>.json)")


def human_facts(document: Document, annotations_dir: Path | str) -> Facts | None:
    """The human facts of a document when `annotations_dir` holds `<doc_id>.json`, else None."""
    path = annotation_path(annotations_dir, document.doc_id)
    if not path.is_file():
        return None
    annotation = load_annotation(path)
    check_matches_document(annotation, document)
    return to_facts(annotation, document)
