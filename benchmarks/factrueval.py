"""Russian people and roles on factRuEval-2016: an independent measure of the extractor's person layer.

Prints figures, asserts nothing. For every text of the factRuEval-2016 devset (read from its path,
never copied into the repository) it runs the Russian extractor's person/role layer — the functions
the meetings module builds participants from: `pipeline.analyze` → `roles.person_mentions` →
`people.group_people` — and scores the people it gives a role against factRuEval's Occupation
facts (person + position + organisation/place):

- persons with a position: P/R/F1. A machine person with a role is matched one-to-one to a gold
  person of an Occupation fact by surname (folded, or equal lemmas, or equal up to a case ending:
  factRuEval names are nominative, the machine's should be but may not be); *strict* also needs
  the position to be right;
- position accuracy over the matched persons: the lower-case lemmas of the machine role and of a
  gold position (any of the person's facts and any alternative span) overlap with token F1 >= 0.5,
  or one lemma set contains the other («посол» vs «Посол Японии в России»); exact lemma equality
  and the mean best token F1 are printed too;
- organisation accuracy over the matched persons whose facts name a Where: the machine
  organisation matches a Where name the same way; *org or state* also accepts the person's state
  (ISO) equal to a Where that is a country;
- the share of surnames the machine gives in the nominative exactly;
- a pure-NER baseline: natasha's PER spans against factRuEval's Person objects (the extent of each
  object's spans), exact boundaries and overlap, and the extractor's own person mentions (natasha
  spans trimmed, extended by a given name, plus «А.Иванов» initials) on the same measure;
- timing of the person layer (model loading apart) and of the baseline.

    python benchmarks/factrueval.py [--devset PATH] [--errors N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEVSET = REPO.parent / "shared" / "corpus" / "factRuEval-2016" / "devset"

POSITION_F1_THRESHOLD = 0.5
# Function words carry no meaning of a position or an organisation name.
STOPWORDS = {"в", "во", "и", "по", "при", "на", "с", "со", "для", "из", "от", "к", "о", "об", "а", "же"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


# ---------------------------------------------------------------------------------------------
# Records


@dataclass
class GoldPerson:
    """One person of a text: a Person object group of factRuEval's coreference layer.

    Per Occupation fact, `positions` holds the alternatives the annotators gave (a fact may cite
    several spans: «Посол Японии в России | Посол»), and the fact's Where goes to `orgs` (an Org
    object) or `places` (a Location/LocOrg: a state, a city). A person without an Occupation fact
    has no positions. Offsets (optional) let a missed role be told by where the position stands.
    """

    surname: str  # nominative surname (given name or nickname when the text gives no surname)
    given: str = ""
    patronymic: str = ""
    positions: list[list[str]] = field(default_factory=list)
    orgs: list[list[str]] = field(default_factory=list)
    places: list[list[str]] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # the name in the text
    position_spans: list[tuple[int, int]] = field(default_factory=list)
    surface: list[str] = field(default_factory=list)  # the words of its mentions as written

    @property
    def name(self) -> str:
        return " ".join(filter(None, (self.given, self.surname)))


@dataclass
class MachinePerson:
    name: str  # the extractor's nominative name
    role: str | None = None
    organization: str | None = None
    country: str | None = None  # ISO alpha-2


@dataclass
class Score:
    """Counts summed over texts, and the errors that explain them."""

    tp: int = 0  # machine person with a role ↔ gold person with a position
    fp: int = 0
    fn: int = 0
    fp_gold_person: int = 0  # spurious, but factRuEval knows the person (no Occupation fact)
    fp_not_person: int = 0  # spurious, and no factRuEval person has that surname
    fn_no_role: int = 0  # missed: the person was found, without a role
    fn_not_found: int = 0  # missed: no machine person with that surname
    missed_role_kinds: dict[str, int] = field(default_factory=dict)  # where the missed position stands
    position_right: int = 0
    position_exact: int = 0
    position_f1_sum: float = 0.0
    org_evaluated: int = 0  # matched pairs with an organisation (Org) as Where
    org_given: int = 0  # … of which the machine gave an organisation
    org_right: int = 0
    state_evaluated: int = 0  # matched pairs with a state (a place that is a country) as Where
    state_right: int = 0
    surname_nominative: int = 0  # matched pairs whose machine surname is the gold one as written
    name_nominative: int = 0  # … whose every name word is one of the gold name's words
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if name == "errors":
                for kind, items in value.items():
                    self.errors.setdefault(kind, []).extend(items)
            elif name == "missed_role_kinds":
                for kind, count in value.items():
                    self.missed_role_kinds[kind] = self.missed_role_kinds.get(kind, 0) + count
            else:
                setattr(self, name, getattr(self, name) + value)

    def error(self, kind: str, message: str) -> None:
        self.errors.setdefault(kind, []).append(message)


# ---------------------------------------------------------------------------------------------
# Comparison


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text or "")]


def lemma_bag(text: str, lemmatize: Callable[[str], str]) -> Counter:
    """The multiset of content-word lemmas of a phrase."""
    return Counter(lemmatize(w) for w in words(text) if w not in STOPWORDS)


def token_f1(a: Counter, b: Counter) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def phrase_match(machine: str, gold: str, lemmatize: Callable[[str], str]) -> tuple[bool, bool, float]:
    """(right, exact, token F1) of a machine phrase against one gold phrase, on lemmas."""
    m, g = lemma_bag(machine, lemmatize), lemma_bag(gold, lemmatize)
    if not m or not g:
        return False, False, 0.0
    f1 = token_f1(m, g)
    contains = not (m - g) or not (g - m)
    return f1 >= POSITION_F1_THRESHOLD or contains, m == g, f1


def best_match(machine: str | None, golds: Iterable[str], lemmatize) -> tuple[bool, bool, float, str]:
    """The best of `phrase_match` over gold alternatives, and the gold phrase it came from."""
    best = (False, False, 0.0, "")
    if not machine:
        return best
    for gold in golds:
        right, exact, f1 = phrase_match(machine, gold, lemmatize)
        if (right, exact, f1) > best[:3]:
            best = (right, exact, f1, gold)
    return best


def _close_forms(a: str, b: str) -> bool:
    """Equal up to a case ending: «Лужкова» vs «Лужков», «Долгоруком» vs «Долгорукий»."""
    from mfa_releases.extract.ru.names import same_surname  # the extractor's own rule, not a copy

    return same_surname(a, b)


def name_tokens(name: str) -> list[str]:
    """Folded words of a name, initials dropped («М.Копеев» → ['копеев'])."""
    return [w for w in words(name.replace(".", ". ")) if len(w) > 1 or not w.isalpha()]


def surname_match(gold_surname: str, machine_name: str, lemmatize) -> int:
    """2: the machine name holds the gold surname as written; 1: up to inflection; 0: no."""
    gold = words(gold_surname)
    if not gold:
        return 0
    key = gold[-1]  # «Ле Пен», «бин Ладен»: the last word
    tokens = name_tokens(machine_name)
    if key in tokens:
        return 2
    for token in tokens:
        if lemmatize(token) == lemmatize(key) or _close_forms(token, key):
            return 1
    return 0


NEAR = 80  # characters: a position farther than this from every mention of the name is "far"


def missed_role_kind(person: GoldPerson, text: str = "", role_heads: frozenset[str] | set[str] = frozenset(),
                     lemmatize: Callable[[str], str] = lambda w: w) -> str:
    """Why a role was likely missed, from where the gold position stands relative to the name:
    «X, депутат …» (after), «координатор движения «Левый фронт» X» (before, across a quote),
    «экономист ФАО X» (before, no role word the extractor knows), far away, or unknown."""
    best = None
    for p_start, p_stop in person.position_spans:
        for m_start, m_stop in person.mentions:
            if p_stop <= m_start:
                gap = ("before", m_start - p_stop, p_stop, m_start, (p_start, p_stop))
            elif p_start >= m_stop:
                gap = ("after", p_start - m_stop, m_stop, p_start, (p_start, p_stop))
            else:
                gap = ("inside", 0, 0, 0, (p_start, p_stop))
            if best is None or gap[1] < best[1]:
                best = gap
    if best is None:
        return "unknown"
    side, distance, between_start, between_stop, (p_start, p_stop) = best
    if distance > NEAR:
        return "far from the name"
    if side != "before":
        return f"{side} the name"
    if text and any(q in text[between_start:between_stop] for q in "«»\"“”"):
        return "before the name, across a quote"
    if text and role_heads and not any(lemmatize(w) in role_heads or w in role_heads
                                       for w in words(text[p_start:p_stop])):
        return "before the name, no known role word"
    return "before the name, other"


def given_agrees(gold_given: str, machine_name: str) -> bool:
    """The given names do not contradict (same first letter, or one side has none)."""
    gold = words(gold_given)
    tokens = words(machine_name.replace(".", ". "))
    if not gold or len(tokens) < 2:
        return True
    return tokens[0][:1] == gold[0][:1]


def name_agrees(gold: GoldPerson, machine_name: str) -> bool:
    """Every word of the machine name (initials aside) is a word of the gold name, the surname
    among them: «Юрий Лужков» for Лужков Юрий; not «Елену Сябренко», «Аль-Кайда Усама бин Ладен».
    A word of the person's mentions that inflects no gold word is allowed too: the coreference
    layer lists one given name, the text may give two («Реджеп Тайип Эрдоган»)."""
    allowed = set(words(" ".join((gold.given, gold.patronymic, gold.surname))))
    allowed |= {w for w in map(fold, gold.surface) if not any(_close_forms(w, a) for a in allowed)}
    tokens = name_tokens(machine_name)
    surname = words(gold.surname)
    return bool(tokens and surname) and set(tokens) <= allowed and surname[-1] in tokens


def score_text(
    doc: str,
    gold: list[GoldPerson],
    machine: list[MachinePerson],
    lemmatize: Callable[[str], str] = lambda w: w,
    country_of: Callable[[str], str | None] = lambda name: None,
    text: str = "",
    role_heads: frozenset[str] | set[str] = frozenset(),
) -> Score:
    """Score the people of one text.

    Machine people with a role are paired one-to-one with gold people of an Occupation fact:
    surname as written and given names agreeing first, then surname as written, then surname up
    to inflection. A machine person with a role that pairs with no such gold person is spurious, a
    gold person with a position that pairs with none is missed. `lemmatize` maps a folded word to
    its lemma; `country_of` maps a place name to ISO alpha-2 when it names a state; `text` and
    `role_heads` only refine why a role was missed.
    """
    score = Score()
    occupied = [g for g in gold if g.positions]
    roled = [m for m in machine if m.role]

    def strength(g: GoldPerson, m: MachinePerson) -> int:
        surname = surname_match(g.surname, m.name, lemmatize)
        if surname == 2 and given_agrees(g.given, m.name):
            return 3
        return surname

    pairs: list[tuple[GoldPerson, MachinePerson, int]] = []
    free_gold, free_machine = list(occupied), list(roled)
    for wanted in (3, 2, 1):
        for g in list(free_gold):
            for m in free_machine:
                s = strength(g, m)
                if s == wanted:
                    pairs.append((g, m, s))
                    free_gold.remove(g)
                    free_machine.remove(m)
                    break

    for m in free_machine:
        score.fp += 1
        if any(surname_match(g.surname, m.name, lemmatize) for g in gold):
            score.fp_gold_person += 1
            kind = "spurious role (person known, no Occupation fact)"
        else:
            score.fp_not_person += 1
            kind = "spurious person with a role"
        score.error(kind, f"{doc}: {m.name!r} role {m.role!r}")
    for g in free_gold:
        score.fn += 1
        positions = " | ".join(dict.fromkeys(p for alts in g.positions for p in alts))
        roleless = next((m for m in machine if not m.role and surname_match(g.surname, m.name, lemmatize)), None)
        if roleless is not None:
            score.fn_no_role += 1
            why = missed_role_kind(g, text, role_heads, lemmatize)
            score.missed_role_kinds[why] = score.missed_role_kinds.get(why, 0) + 1
            score.error("missed role (person found)", f"{doc}: {roleless.name!r}, gold position {positions!r} ({why})")
        else:
            score.fn_not_found += 1
            score.error("missed person", f"{doc}: {g.name!r}, gold position {positions!r}")

    for g, m, s in pairs:
        score.tp += 1
        if s >= 2:
            score.surname_nominative += 1
        else:
            score.error("surname not nominative", f"{doc}: {m.name!r}, gold {g.name!r}")
        if name_agrees(g, m.name):
            score.name_nominative += 1
        elif s >= 2:
            score.error("given name wrong or not nominative", f"{doc}: {m.name!r}, gold {g.name!r}")
        right, exact, f1, _ = best_match(m.role, (p for alts in g.positions for p in alts), lemmatize)
        score.position_right += right
        score.position_exact += exact
        score.position_f1_sum += f1
        if not right:
            positions = " | ".join(dict.fromkeys(p for alts in g.positions for p in alts))
            score.error("wrong position", f"{doc}: {m.name!r} role {m.role!r}, gold {positions!r}")
        orgs = [o for alts in g.orgs for o in alts]
        if orgs:
            score.org_evaluated += 1
            score.org_given += m.organization is not None
            if best_match(m.organization, orgs, lemmatize)[0]:
                score.org_right += 1
            else:
                gold_orgs = " | ".join(dict.fromkeys(orgs))
                score.error("wrong organisation", f"{doc}: {m.name!r} org {m.organization!r}, gold {gold_orgs!r}")
        states = {country_of(p) for alts in g.places for p in alts} - {None}
        if states:
            score.state_evaluated += 1
            if m.country in states:
                score.state_right += 1
            else:
                score.error("wrong state", f"{doc}: {m.name!r} state {m.country!r}, gold {sorted(states)}")
    return score


def span_scores(gold: list[tuple[int, int]], machine: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """(exact matches, overlap matches, gold count, machine count) of character spans; one-to-one."""
    exact = len(set(gold) & set(machine))
    free = sorted(set(machine))
    overlap = 0
    for start, stop in sorted(set(gold)):
        for span in free:
            if span[0] < stop and start < span[1]:
                overlap += 1
                free.remove(span)
                break
    return exact, overlap, len(set(gold)), len(set(machine))


def prf(tp: int, n_machine: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_machine if n_machine else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------------------------------------
# factRuEval files


@dataclass
class Text:
    doc: str
    text: str
    people: list[GoldPerson]
    person_spans: list[tuple[int, int]]  # one per Person object mention: its spans' extent


def _fields(line: str) -> list[str]:
    return line.split("#", 1)[0].split()


def _alternatives(value: str) -> list[tuple[str | None, str]]:
    """«obj144 Турецкая республика | Турция» → [('obj144', 'Турецкая республика'), (None, 'Турция')]."""
    out = []
    for part in value.split(" | "):
        part = part.strip()
        ref = re.match(r"(obj|span)(\d+)\s*", part)
        out.append((ref.group(0).strip() if ref else None, part[ref.end():] if ref else part))
    return out


def read_text(devset: Path, doc: str) -> Text:
    base = devset / doc
    with open(base.with_suffix(".txt"), encoding="utf-8", newline="") as handle:
        text = handle.read()
    spans = {}
    for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        f = _fields(line)
        if f:
            spans[f[0]] = (int(f[2]), int(f[2]) + int(f[3]))
    object_type, object_extent, person_spans = {}, {}, []
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        f = _fields(line)
        if len(f) < 3:
            continue
        extent = [spans[s] for s in f[2:] if s in spans]
        object_type[f[0]] = f[1]
        if extent:
            object_extent[f[0]] = (min(a for a, _ in extent), max(b for _, b in extent))
            if f[1] == "Person":
                person_spans.append(object_extent[f[0]])
    # coreference: one record per object; Person records carry firstname/lastname/nickname
    people: dict[str, GoldPerson] = {}
    kind_of: dict[str, str] = {}  # coreference id → "org" or "place"
    for record in re.split(r"\n\s*\n", base.with_suffix(".coref").read_text(encoding="utf-8")):
        lines = [ln for ln in record.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        head = lines[0].split()
        types = {object_type.get(m) for m in head[1:]}
        kind_of[head[0]] = "org" if "Org" in types else "place"
        if "Person" not in types:
            continue
        keys = dict(ln.split(" ", 1) for ln in lines[1:] if " " in ln)
        given = keys.get("firstname") or keys.get("firstname1") or ""
        surname = keys.get("lastname") or keys.get("lastname1") or keys.get("nickname") or given
        if surname:
            mentions = sorted(object_extent[m] for m in head[1:] if m in object_extent)
            people[head[0]] = GoldPerson(surname=surname, given=given if given != surname else "",
                                         patronymic=keys.get("patronymic", ""), mentions=mentions,
                                         surface=[w for a, b in mentions for w in words(text[a:b])])
    facts_path = base.with_suffix(".facts")
    facts_text = facts_path.read_text(encoding="utf-8") if facts_path.exists() else ""
    for record in re.split(r"\n\s*\n", facts_text):
        lines = [ln for ln in record.strip().splitlines() if ln.strip()]
        if not lines or lines[0].split()[-1] != "Occupation":
            continue
        values = dict(ln.split(" ", 1) for ln in lines[1:] if " " in ln)
        who = _alternatives(values.get("Who", ""))
        if not who or "Position" not in values:
            continue
        ref, who_text = who[0]
        person = people.get(ref[3:]) if ref and ref.startswith("obj") else None
        if person is None:  # no coreference record: «Лужков Юрий» is surname first
            person = people.setdefault(f"who:{who_text}", GoldPerson(surname=who_text.split()[0]))
        position = _alternatives(values["Position"])
        person.positions.append([t for _, t in position])
        person.position_spans.extend(spans[r[4:]] for r, _ in position if r and r[4:] in spans)
        if "Where" in values:
            where = _alternatives(values["Where"])
            ref = where[0][0]
            kind = kind_of.get(ref[3:], "place") if ref and ref.startswith("obj") else "place"
            (person.orgs if kind == "org" else person.places).append([t for _, t in where])
    return Text(doc, text, list(people.values()), person_spans)


def documents(devset: Path) -> list[str]:
    docs = sorted(p.stem for p in devset.glob("*.txt"))
    if not docs:
        sys.exit(f"{devset}: no factRuEval texts (*.txt) here — pass --devset PATH to the devset folder")
    for doc in docs:
        for suffix in (".spans", ".objects", ".coref"):
            if not (devset / f"{doc}{suffix}").exists():
                sys.exit(f"{devset / doc}{suffix}: missing — every text needs its .spans, .objects and .coref")
    return docs


# ---------------------------------------------------------------------------------------------
# Models (loaded once, on first use)


@cache
def _morph():
    from natasha import MorphVocab  # natasha before pymorphy2 (pkg_resources trap)

    return MorphVocab()


@cache
def lemmatize(word: str) -> str:
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def country_of(name: str) -> str | None:
    """ISO alpha-2 of a Where that names a state; a city is no state (the extractor's gazetteer
    reads «Москва» as Russia, as diplomatic texts mean it, but a mayor of Moscow serves the city)."""
    from mfa_releases.extract.ru import gazetteers

    if gazetteers.city(name):
        return None
    bag = " ".join(lemmatize(w) for w in words(name))
    return gazetteers.country(name, bag)


@cache
def _natasha_ner():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_person_spans(text: str) -> list[tuple[int, int]]:
    from natasha import Doc

    segmenter, tagger = _natasha_ner()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(s.start, s.stop) for s in doc.spans if s.type == "PER"]


def person_layer(text: str):
    """The extractor's people (with role, organisation, state) and its person mentions."""
    from mfa_releases.extract.ru.people import group_people
    from mfa_releases.extract.ru.pipeline import analyze
    from mfa_releases.extract.ru.roles import person_mentions

    mentions = person_mentions(analyze(text))
    people, _ = group_people(mentions)
    machine = [MachinePerson(p.name, p.role, p.organization, p.country) for p in people]
    return machine, [(m.start, m.stop) for m in mentions]


# ---------------------------------------------------------------------------------------------
# Report


def run(devset: Path) -> dict:
    docs = documents(devset)
    texts = [read_text(devset, doc) for doc in docs]

    started = time.perf_counter()
    person_layer("Министр иностранных дел Ермек Кошербаев.")
    load_seconds = time.perf_counter() - started

    from mfa_releases.extract.ru import RussianExtractor
    from mfa_releases.extract.ru.roles import ROLE_HEADS

    total = Score()
    mention_counts = [0, 0, 0, 0]
    layer_seconds = 0.0
    for item in texts:
        started = time.perf_counter()
        machine, mention_spans = person_layer(item.text)
        layer_seconds += time.perf_counter() - started
        total.add(score_text(item.doc, item.people, machine, lemmatize, country_of, item.text, ROLE_HEADS))
        for i, value in enumerate(span_scores(item.person_spans, mention_spans)):
            mention_counts[i] += value

    started = time.perf_counter()
    _natasha_ner()
    ner_load = time.perf_counter() - started
    ner_counts = [0, 0, 0, 0]
    ner_seconds = 0.0
    for item in texts:
        started = time.perf_counter()
        spans = natasha_person_spans(item.text)
        ner_seconds += time.perf_counter() - started
        for i, value in enumerate(span_scores(item.person_spans, spans)):
            ner_counts[i] += value

    chars = sum(len(t.text) for t in texts)
    tp = total.tp
    strict_tp = total.position_right
    return {
        "devset": str(devset),
        "extractor_version": RussianExtractor.version,
        "texts": len(texts),
        "characters": chars,
        "gold_persons_with_position": total.tp + total.fn,
        "gold_occupation_facts": sum(len(p.positions) for t in texts for p in t.people),
        "persons_with_position": dict(zip(("precision", "recall", "f1"), prf(tp, tp + total.fp, tp + total.fn)),
                                      tp=tp, fp=total.fp, fn=total.fn),
        "persons_with_right_position": dict(zip(("precision", "recall", "f1"),
                                                prf(strict_tp, tp + total.fp, tp + total.fn))),
        "spurious": {"person_without_occupation_fact": total.fp_gold_person, "not_a_gold_person": total.fp_not_person},
        "missed": {"found_without_role": total.fn_no_role, "person_not_found": total.fn_not_found},
        "missed_role_kinds": dict(sorted(total.missed_role_kinds.items(), key=lambda kv: -kv[1])),
        "position_accuracy": total.position_right / tp if tp else 0.0,
        "position_exact": total.position_exact / tp if tp else 0.0,
        "position_mean_token_f1": total.position_f1_sum / tp if tp else 0.0,
        "organisation": {
            "evaluated": total.org_evaluated,
            "given": total.org_given,
            "accuracy": total.org_right / total.org_evaluated if total.org_evaluated else 0.0,
        },
        "state": {
            "evaluated": total.state_evaluated,
            "accuracy": total.state_right / total.state_evaluated if total.state_evaluated else 0.0,
        },
        "surname_nominative": total.surname_nominative / tp if tp else 0.0,
        "name_nominative": total.name_nominative / tp if tp else 0.0,
        "person_mentions": _span_report(mention_counts),
        "natasha_per_baseline": _span_report(ner_counts),
        "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "timing": {
            "person_layer_load_s": load_seconds,
            "person_layer_s": layer_seconds,
            "person_layer_texts_per_s": len(texts) / layer_seconds if layer_seconds else 0.0,
            "person_layer_kchars_per_s": chars / 1000 / layer_seconds if layer_seconds else 0.0,
            "natasha_ner_load_s": ner_load,
            "natasha_ner_s": ner_seconds,
        },
        "errors": total.errors,
    }


def _span_report(counts: list[int]) -> dict:
    exact, overlap, n_gold, n_machine = counts
    p, r, f = prf(exact, n_machine, n_gold)
    po, ro, fo = prf(overlap, n_machine, n_gold)
    return {"gold": n_gold, "machine": n_machine, "exact": {"precision": p, "recall": r, "f1": f},
            "overlap": {"precision": po, "recall": ro, "f1": fo}}


def print_report(report: dict, n_errors: int) -> None:
    def prf_line(label: str, d: dict, extra: str = "") -> None:
        print(f"  {label:<38} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}{extra}")

    pw = report["persons_with_position"]
    org = report["organisation"]
    timing = report["timing"]
    print(f"factRuEval-2016 devset: {report['texts']} texts, {report['characters']:,} characters "
          f"({report['devset']})")
    print(f"gold: {report['gold_persons_with_position']} persons with a position "
          f"({report['gold_occupation_facts']} Occupation facts with a position)")
    print(f"Russian extractor {report['extractor_version']}, person/role layer "
          "(analyze → person_mentions → group_people)")
    prf_line("persons with a position", pw, f"   (tp {pw['tp']}, fp {pw['fp']}, fn {pw['fn']})")
    prf_line("… and the position right (strict)", report["persons_with_right_position"])
    sp, mi = report["spurious"], report["missed"]
    print(f"  spurious: {sp['person_without_occupation_fact']} known persons without an Occupation fact, "
          f"{sp['not_a_gold_person']} not a factRuEval person")
    print(f"  missed:   {mi['found_without_role']} found without a role, {mi['person_not_found']} not found")
    print(f"  position accuracy (matched)            {report['position_accuracy']:.3f}  "
          f"(exact lemmas {report['position_exact']:.3f}, mean token F1 {report['position_mean_token_f1']:.3f})")
    print("  missed roles, where the gold position stands: "
          + ", ".join(f"{kind} {n}" for kind, n in report["missed_role_kinds"].items()))
    print(f"  organisation accuracy (matched, Where an Org)  {org['accuracy']:.3f}  "
          f"({org['evaluated']} pairs, {org['given']} given an organisation)")
    print(f"  state accuracy (matched, Where a country)     {report['state']['accuracy']:.3f}  "
          f"({report['state']['evaluated']} pairs)")
    print(f"  name in the nominative (matched)       surname {report['surname_nominative']:.3f}, "
          f"whole name {report['name_nominative']:.3f}")
    print("Person names vs factRuEval Person objects (exact boundaries / overlap)")
    for label, key in (("extractor person mentions", "person_mentions"), ("natasha PER spans (baseline)", "natasha_per_baseline")):
        d = report[key]
        prf_line(label + " exact", d["exact"], f"   ({d['machine']} spans, gold {d['gold']})")
        prf_line(label + " overlap", d["overlap"])
    print(f"timing (load average {report['load_average']}): person layer {timing['person_layer_s']:.1f} s ({timing['person_layer_texts_per_s']:.1f} texts/s, "
          f"{timing['person_layer_kchars_per_s']:.1f} k chars/s; model load {timing['person_layer_load_s']:.1f} s); "
          f"natasha NER {timing['natasha_ner_s']:.1f} s (load {timing['natasha_ner_load_s']:.1f} s)")
    if n_errors:
        for kind, items in sorted(report["errors"].items()):
            print(f"\n{kind}: {len(items)}")
            for item in items[:n_errors]:
                print(f"  {item}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET,
                        help="factRuEval-2016 devset folder (default: ../shared/corpus/factRuEval-2016/devset)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N example errors of each kind")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure and error as JSON")
    args = parser.parse_args(argv)
    report = run(args.devset)
    print_report(report, args.errors)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
