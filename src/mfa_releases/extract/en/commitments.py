"""Commitments in English releases: forward-looking undertakings, by trigger phrase.

agreement ("agreed to", "reached an agreement"), invitation ("invited … to visit"), planned_event
("the upcoming visit of …", "will be held in …", "scheduled for …"), signed_document ("signed a
memorandum"), support ("expressed support for"), intent ("intends to", "the work is ongoing",
"are being elaborated"). Courtesy ("noted the importance", "expressed hope", "commitment to")
is not a commitment. The evidence is the clause from the trigger (or the phrase it introduces) to
the clause's end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from mfa_releases.extract.en.dates import find_dates
from mfa_releases.extract.en.tokens import Sentence

_EVENT = (r"(?:visits?|meetings?|summit|forum|session|sessions|conference|talks|consultations|round|sitting|"
          r"congress|expo|exhibition|games|ceremony|events?|festival|days|week|council|commission|dialogue|"
          r"trip|tour|negotiations|assembly)")

TRIGGERS: list[tuple[str, re.Pattern, str]] = [
    # (kind, pattern, where the evidence starts: "trigger" or "clause")
    ("agreement", re.compile(r"\b(?:have\s+|has\s+|had\s+)?agreed\s+(?:to|that|on|upon)\b", re.I), "trigger"),
    ("agreement", re.compile(r"\breached\s+(?:an?\s+)?(?:agreements?|arrangements?|understanding)\s+(?:to|on|that)\b", re.I), "trigger"),
    ("agreement", re.compile(r"\b(?:the\s+)?task\s+(?:was|has\s+been)\s+set\s+to\b", re.I), "trigger"),
    ("agreement", re.compile(r"\bwill\s+cooperate\s+to\b", re.I), "clause"),
    ("invitation", re.compile(r"\binvit(?:ed|es|ing|e)\b(?=[^.;]{0,160}?\bto\s+(?:visit|attend|take\s+part|participate|come|hold|pay|make))", re.I), "clause"),
    ("invitation", re.compile(r"\b(?:an|the)\s+invitation\s+(?:from\s+[^.;,]{0,60}?\s+)?to\s+(?:visit|attend|take\s+part|participate|pay)\b", re.I), "trigger"),
    ("invitation", re.compile(r"\b(?:extended|conveyed|handed\s+over|passed\s+on|delivered)\s+(?:an?\s+)?(?:official\s+|personal\s+)?invitation\b", re.I), "clause"),
    ("planned_event", re.compile(r"\b(?:upcoming|forthcoming)\s+(?:[\w’'-]+\s+){0,4}?" + _EVENT + r"\b", re.I), "phrase"),
    # "preparations for the visit of the President to Astana": the event named after the preparations
    ("planned_event", re.compile(r"\b(?:preparations?\s+(?:for|of)|prepare|preparing(?:\s+for)?)\s+(?P<np>(?:the\s+)?(?:[\w’'-]+\s+){0,3}?" + _EVENT + r")\b", re.I), "phrase"),
    # "the visit of the Chilean foreign minister to Astana, planned for the first half of 2027": a named event
    # that a participle dates
    ("planned_event", re.compile(r"(?P<np>\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?" + _EVENT + r")\b(?=[^.;]{0,90}?,\s*"
                                 r"(?:planned|scheduled|slated|set|expected)\s+(?:for|to\s+take\s+place)\b)", re.I), "phrase"),
    ("planned_event", re.compile(r"\bdecision\s+to\s+(?:host|hold|convene|organi[sz]e)\b", re.I), "clause"),
    ("planned_event", re.compile(r"\bwill\s+(?:organi[sz]e|meet|convene|be\s+held|take\s+place|pay|make\s+an?\s+\w*\s*visit|visit|chair|host|convene|hold|attend|participate|take\s+part)\b", re.I), "clause"),
    ("planned_event", re.compile(r"\b(?:to\s+be\s+held|slated\s+for|(?:is|are|was|were)\s+(?:scheduled|slated|planned|set)\s+(?:to|for)|scheduled\s+(?:to|for))\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:is|are)\s+expected\s+to\s+sign\b", re.I), "clause"),
    ("planned_event", re.compile(r"\b(?:is|are)\s+expected\s+to\s+(?:meet|visit|take\s+part|attend|hold|participate|arrive)\b", re.I), "clause"),
    ("planned_event", re.compile(r"\b(?:are|is)\s+expected\s*[.,;]", re.I), "clause"),
    # "the visit of the Prime Minister of Pakistan to Kazakhstan in May", "the commission meeting in Rome in the
    # first half of next year": an event with a date still ahead
    ("planned_event", re.compile(r"(?P<np>\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,2}?(?:visit|trip|tour)\s+(?:of|by|to)\b)", re.I),
     "dated"),
    ("planned_event", re.compile(r"(?P<np>\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:meeting|session|summit|forum|conference)"
                                 r")(?=\s+(?:in|on|of)\b)", re.I), "dated"),
    ("planned_event", re.compile(r"’s\s+(?:official|state|working)\s+visit\s+to\b|'s\s+(?:official|state|working)\s+visit\s+to\b", re.I), "phrase"),
    # "the two leaders witnessed the signing of an agreement on …"
    ("signed_document", re.compile(r"(?<=\bwitnessed\s)the\s+signing\s+of\b|(?<=\battended\s)the\s+signing\s+of\b", re.I), "trigger"),
    ("signed_document", re.compile(r"\b(?:signed|initialed|initialled|initiated)\s+(?:a|an|the|\d+|several|a\s+number\s+of)\s+(?:[\w’'-]+\s+){0,4}?(?:agreements?|memorand\w*|protocols?|declarations?|programmes?|programs?|roadmaps?|road\s+maps?|plans?|treaty|treaties|documents?|contracts?|statements?|decisions?|communiqu\w*|draft)\b", re.I), "trigger"),
    # "a memorandum of understanding on cooperation in … was signed": the document's name may run on
    ("signed_document", re.compile(r"\b(?:agreements?|memorand\w*|protocols?|declarations?|documents?|roadmaps?|"
                                   r"(?-i:Plan|Programme|Program)s?|treaty|treaties|contracts?)\b(?:\s+(?!(?:was|were|"
                                   r"has|have)\b)[\w’'-]+){0,14}?\s+(?:were|was|have\s+been|has\s+been)\s+signed\b", re.I),
     "clause"),
    # "reaffirmed its support", "confirmed Hungary’s support", "reiterated U.S. support", "the EU’s full support"
    ("support", re.compile(r"\b(?:expressed|reaffirmed|reiterated|confirmed|reconfirmed|affirmed|pledged|voiced|declared)\s+(?:the\s+)?"
                           r"(?:its|his|her|their|(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){0,2}(?:[’']s)?\s+)?\s*(?:full|strong|firm|continued|"
                           r"unwavering|steadfast|consistent)?\s*support\b", re.I), "clause"),
    ("support", re.compile(r"\b(?:continued?|continues|will\s+continue)\s+to\s+support\b|\bwill\s+support\b|\bsupports\s+(?:the|kazakhstan)", re.I), "clause"),
    ("support", re.compile(r"\b(?:supported|supports|backed|backs|endorsed)\b(?=[^.;]{0,60}?\b(?:bid|candidacy|candidature|"
                           r"initiatives?|proposals?|application|accession|membership|nomination|idea)\b)", re.I), "clause"),
    ("support", re.compile(r"\breadiness\s+to\s+(?:continue\s+)?(?:its\s+)?(?:full\s+)?(?:assistance|support|assist|support)\b|\bcontinue\s+its\s+(?:full\s+)?assistance\b", re.I), "trigger"),
    ("intent", re.compile(r"\b(?:intends?|intended|intention|intentions)\s+to\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:is|are)\s+working\s+(?:on|to)\b|\bwork\s+(?:is|was)\s+(?:ongoing|underway|under\s+way|being\s+carried\s+out|being\s+done)\b|\bthe\s+work\s+on\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:is|are)\s+being\s+(?:elaborated|prepared|developed|worked\s+out|finalized|finalised|considered|drafted|negotiated)\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:is|are)\s+(?:preparing|working\s+out|elaborating|drafting|negotiating)\b|\bpreparations\s+(?:are|is)\s+(?:underway|under\s+way|ongoing)\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:plans?|planning|decided|decides)\s+to\s+[a-z]+\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:ready|aims?)\s+to\s+(?:sign|open|launch|establish|build|create|hold|increase|develop|expand|introduce|adopt|"
                          r"provide|host|organi[sz]e|send|supply|facilitate|allocate)\b", re.I), "clause"),
    ("intent", re.compile(r"\b(?:pledged|undertook|promised|vowed)\s+to\s+[a-z]+\b", re.I), "trigger"),
    ("intent", re.compile(r"\b(?:will|would\s+be\s+ready\s+to|(?:is|are)\s+(?:ready|prepared)\s+to)\s+consider\b", re.I), "clause"),
    ("intent", re.compile(r"\binstructed\s+(?:[\w’'-]+\s+){0,4}?to\s+[a-z]+\b", re.I), "trigger"),
    ("intent", re.compile(r"\bwe\s+expect\b(?=[^.;]{0,120}\bwill\b)", re.I), "trigger"),
    ("intent", re.compile(r"\bwill\s+(?:[a-z]+ly\s+)?(?:implement|fulfil|fulfill|provide|allocate|open|launch|establish|build|create|send|supply|invest|finance|"
                          r"introduce|abolish|resume|increase|expand|simplify|lift)\b", re.I), "clause"),
]
# Courtesy and non-commitments that share a trigger's words.
SKIP = re.compile(r"\bwould\b|\bthanked\b[^.;]{0,60}?\bfor\s+the\s+invitation\b|\bat\s+the\s+invitation\s+of\b", re.I)
CLAUSE_END = re.compile(r"[;!?]|(?-i:(?<!\bSt)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bNo)(?<!\b[A-Z]))\.(?!\w)|,\s+(?:and|while|which|whereas|but)\b|\s+and\s+(?=(?:also\s+)?[a-z]+ed\b)|\s+as\s+well\s+as\b|,\s*[\"”»]|[\"”»]\s*,", re.I)
CLAUSE_START = re.compile(r"[,;:\"“«]\s*|\bthat\s+|\band\s+(?=the\s|[a-z]+ed\b)|\bas\s+well\s+as\s+", re.I)
# Words that may continue a named event's noun phrase ("the upcoming visit of the President to Italy").
NP_WORDS = re.compile(r"(?:of|to|for|in|on|at|by|with|within|between|and|the|a|an|its|his|her|their|this|"
                      r"framework|high-level|level|official|state|working|\d[\w.-]*|[A-Z][\w’'.-]*|[’']s|"
                      # "the visit of the Brazilian foreign minister to Astana": a role in lower case
                      r"foreign|minister|ministers|prime|deputy|president|head|delegation|secretary|speaker|"
                      r"chairman|ambassador|parliamentary|government|governmental|business|trade)$")


@dataclass
class Commitment:
    kind: str
    start: int
    end: int
    sentence_index: int
    due: str | None = None
    trigger: int = 0  # offset of the trigger phrase in the document


def _clause_end(text: str, position: int) -> int:
    match = CLAUSE_END.search(text, position)
    end = match.start() if match else len(text)
    return min(end, position + 260)


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in CLAUSE_START.finditer(text, 0, position):
        if match.end() <= position:
            start = match.end()
    return start


def find_commitments(document_text: str, sentences: list[Sentence], release: dt.date) -> list[Commitment]:
    """Commitments of a document, one per stated undertaking (restatements dropped)."""
    found: list[Commitment] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text
        for kind, pattern, anchor in TRIGGERS:
            for match in pattern.finditer(text):
                window = text[max(0, match.start() - 40): match.end() + 20]
                if SKIP.search(window):
                    continue
                if kind == "support" and re.search(r"\bwe\s+(?:\w+\s+){0,3}$", text[:match.start()], re.I):
                    continue  # a quoted restatement ("We very much support")
                if anchor == "trigger":
                    start = match.start()
                elif anchor in ("phrase", "dated"):
                    start = match.start("np") if "np" in match.groupdict() else _phrase_start(text, match.start())
                else:
                    start = _clause_start(text, match.start())
                end = _clause_end(text, match.end())
                if kind == "planned_event" and anchor in ("phrase", "dated"):
                    if (PAST_OCCASION.search(text, 0, start) and not FUTURE_WORD.search(text, start, match.end())
                            and not FUTURE_BEFORE.search(text, 0, start)):
                        continue  # "agreements reached during the Emir’s state visit to Astana"
                    end = _with_trailing_date(text, _noun_phrase_end(text, match.end()), release)
                    if not re.search(r"[A-Z0-9]", text[start + 1:end]) and not _names_before(text, start, match.start()):
                        continue  # "the upcoming high-level meetings": nothing named, nothing dated
                elif kind == "planned_event":
                    end = _through_first_date(text, match.end(), end, release)
                if end <= start:
                    continue
                start, end = _trim(text, start, end)
                due = _due(text, start, end, kind, anchor, release)
                if anchor == "dated" and due is None:
                    continue  # "the visit of the President to Paris" with no date ahead is no plan
                found.append(Commitment(kind, sentence.start + start, sentence.start + end, index, due,
                                        sentence.start + match.start()))
    kept = _dedupe(found, document_text)
    # "agreed to continue coordination toward the meeting to be held in Tokyo": the event is the agreement's
    kept = [c for c in kept if not (c.kind in ("planned_event", "intent") and any(
        k.kind in ("agreement", "invitation") and k.start <= c.trigger < k.end for k in kept))]
    # A headline announces what the body states: the body's wording is the evidence.
    body_kinds = {c.kind for c in kept if not _is_headline(sentences[c.sentence_index])}
    return [c for c in kept if not (_is_headline(sentences[c.sentence_index]) and c.kind in body_kinds)]


def _is_headline(sentence: Sentence) -> bool:
    """The first paragraph when it is a short title without a final full stop."""
    return sentence.paragraph == 0 and len(sentence.text.split()) <= 20 and not sentence.text.rstrip().endswith(".")


def _noun_phrase_end(text: str, position: int) -> int:
    """End of a named event's noun phrase: words that continue it, up to a verb or clause break."""
    end = position
    previous = ""
    for match in re.finditer(r"\S+", text[position:]):
        word = match.group().rstrip(",.;:!?\"”»")
        possessed = previous.endswith(("’s", "'s"))  # "Uzbekistan’s chairmanship"
        if not word or not NP_WORDS.match(word) and not word[:1].isupper() and not possessed:
            break
        previous = word
        end = position + match.start() + len(word)
        if match.group() != word:
            break  # punctuation closes the phrase
    while re.search(r"\s(?:of|to|for|in|on|at|by|with|within|between|and|the|a|an)$", text[position - 1:end]):
        end = text.rindex(" ", 0, end)
    return end


def _with_trailing_date(text: str, end: int, release: dt.date) -> int:
    """"the visit of the President to Astana early next year": the date right after the phrase is its own."""
    for mention in find_dates(text, release):
        # ", planned for the first half of 2026": a participle dating the event belongs to it too
        if mention.start >= end and re.fullmatch(r"[\s,]*(?:(?:planned|scheduled|slated|set|expected)\s+"
                                                 r"(?:for|in|on|to\s+take\s+place\s+in)\s+)?(?:early|late|mid|in|on|"
                                                 r"by|at\s+the\s+end\s+of|(?:in\s+)?the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)(?:\s+of)?|"
                                                 r"in\s+the)?\s*",
                                                 text[end:mention.start], flags=re.I):
            return mention.end
    return end


def _names_before(text: str, start: int, position: int) -> bool:
    return bool(re.search(r"[A-Z]", text[start + 1:position]))


def _through_first_date(text: str, position: int, end: int, release: dt.date) -> int:
    """A planned event's evidence ends with its date ("will pay a visit … on October 8-9"), which may
    lie past a list's ", and" but not past the sentence's next clause."""
    limit = re.compile(r"[;!?]|\.\s|\s+as\s+well\s+as\b|,\s+(?:while|which|whereas|but)\b").search(text, position)
    reach = max(end, limit.start() if limit else len(text))
    for mention in find_dates(text, release):
        if position <= mention.start < reach:
            return mention.end
    return end


def _phrase_start(text: str, position: int) -> int:
    """Start of the noun phrase around a trigger: back over "the", adjectives and a possessor."""
    head = text[:position]
    # ("the Emir’s state visit": the possessor is written against the trigger's "’s")
    match = re.search(r"(?:\b(?:the|a|an|his|her|their|its)\s+)?(?:[A-Z][\w’'.-]*\s+){0,5}(?:[A-Z][\w.-]*)?$", head)
    return match.start() if match else position


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:\"“”«»'":
        start += 1
    while end > start and text[end - 1] in " ,;:\"“”«»'":
        end -= 1
    return start, end


def _due(text: str, start: int, end: int, kind: str, anchor: str, release: dt.date) -> str | None:
    """The date inside the evidence; for a named event, else the sentence's date before it."""
    # A due date lies ahead: dates before the release tell when something happened, not when it is due.
    if kind == "support":
        return None  # what is supported may be dated; the support is not
    # "will organise a round table in February" in a December release: next February
    # (only a month: a day just before the release is a day that has passed)
    dates = [d if d.year_given or d.day is not None or not _past(d, release) else dataclasses.replace(d, year=d.year + 1)
             for d in find_dates(text, release)]
    dates = [d for d in dates if not _is_relative_day(text, d) and not _past(d, release)]
    inside = [d for d in dates if start <= d.start < end]
    if inside:
        return inside[0].due()
    if kind == "planned_event" and anchor == "phrase":
        before = [d for d in dates if d.end <= start]
        if before:
            return before[-1].due()
    return None


def _past(mention, release: dt.date) -> bool:
    parts = (mention.year, mention.month or 12, mention.day or 31)
    return parts < (release.year, release.month, release.day)


def _is_relative_day(text: str, mention) -> bool:
    return bool(re.fullmatch(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today",
                             text[mention.start:mention.end]))


def _dedupe(found: list[Commitment], text: str) -> list[Commitment]:
    """One commitment per undertaking: overlapping hits (two triggers, one clause) become one, and a
    restatement (lead, then quote) of the same kind saying mostly the same words is dropped."""
    kept: list[Commitment] = []
    for item in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        if any(item.start < k.end and k.start < item.end and k.trigger <= item.trigger < k.end for k in kept):
            continue
        previous = kept[-1] if kept else None
        if (previous is not None and previous.kind == item.kind == "planned_event"
                and re.fullmatch(r"[\s,]*", text[previous.end:item.start])
                and RELATIVE_EVENT.match(text, item.start)):
            # "the next summit, which will be held in Gabala next year": one event
            previous.end = item.end
            previous.due = previous.due or item.due
            continue
        words = _content_words(text[item.start:item.end])
        if any(k.kind == item.kind and _similar(words, _content_words(text[k.start:k.end])) for k in kept):
            continue
        if item.kind == "planned_event" and any(
                k.kind in ("agreement", "invitation", "intent") and _similar(words, _content_words(text[k.start:k.end]))
                for k in kept):
            continue  # "… to hold the business forum in Milan next year," quoting what was agreed
        if any(k.kind == item.kind for k in kept) and FIRST_PERSON.search(text[max(0, item.trigger - 20):item.trigger]):
            continue  # "I invite you to visit …" quoting the invitation the lead reported
        anaphor = ANAPHORIC_EVENT.search(text, item.start, item.end)
        if item.kind == "planned_event" and anaphor and any(
                k.kind == item.kind and re.search(rf"\b{anaphor.group(1)}\b", text[k.start:k.end], re.I) for k in kept):
            continue  # "… are expected to attend the forum": the forum announced before
        if item.kind == "signed_document" and any(k.kind == item.kind for k in kept) and ANAPHORIC_DOCUMENT.match(
                text, item.start):
            continue  # "The document was signed during …" after the signing was reported
        kept.append(item)
    return kept


PAST_OCCASION = re.compile(r"\b(?:during|following|after|since|on\s+the\s+occasion\s+of)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                           r"(?:[\w’'-]+\s+){0,3}$", re.I)
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|to\s+be|expected|scheduled|plans?|planned)\b", re.I)
FUTURE_WORD = re.compile(r"\b(?:upcoming|forthcoming|next|future|planned|coming)\b", re.I)
ANAPHORIC_EVENT = re.compile(r"\b(?:the|this)\s+(forum|summit|visit|session|conference|meeting|event|congress|"
                             r"exhibition|festival)\b(?!\s+(?:of|on|in)\b)", re.I)
RELATIVE_EVENT = re.compile(r"(?:which|that|to\s+be|scheduled|slated|planned|set\s+to)\b", re.I)
ANAPHORIC_DOCUMENT = re.compile(r"(?:the|this|these|that)\s+(?:documents?|memorandum|agreements?|treaty|protocol|"
                                r"declaration|roadmap|plan)\s+(?:was|were|has\s+been|have\s+been)\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|we)\s+(?:\w+\s+){0,2}$", re.I)
_STOP = frozenset("""the a an of to in on at by for with and or that this it is are was were be been will would
    which their its his her our we they both two sides parties also further""".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][\w-]+", text.lower()) if w not in _STOP}


def _similar(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.5
