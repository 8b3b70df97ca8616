"""Russian extractor: meetings, participants and commitments from Kazakhstan MFA-style releases.

natasha segments, tags and finds names (`pipeline`); role appositions give each name its case,
role, state and organization (`roles`, `names`); mentions are grouped into people (`people`);
meeting formulas (`meetings`) and commitment formulas (`commitments`) are matched per sentence.
"""

from __future__ import annotations

from mfa_releases.document import Document
from mfa_releases.extract.base import Facts


class RussianExtractor:
    language = "ru"
    version = "0.13.0"

    def extract(self, document: Document) -> Facts:
        from mfa_releases.extract.ru import commitments, meetings
        from mfa_releases.extract.ru.people import group_people
        from mfa_releases.extract.ru.pipeline import analyze
        from mfa_releases.extract.ru.roles import person_mentions

        analysis = analyze(document.text)
        mentions = person_mentions(analysis)
        people, person_of = group_people(mentions)
        ctx = meetings.Context(analysis, mentions, person_of, people, document.date)
        drafts = meetings.find_meetings(ctx)
        facts = Facts(meetings=meetings.to_facts(ctx, drafts))
        facts.commitments = commitments.find_commitments(ctx, drafts)
        return facts
