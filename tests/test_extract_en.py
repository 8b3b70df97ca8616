"""English extraction: short sentences written for these tests → the rows expected.

Each case is one small release; the expected values are what ANNOTATION.md asks for.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from mfa_releases.document import Document
from mfa_releases.extract import extract_document, get_extractor
from mfa_releases.extract.en import EnglishExtractor
from mfa_releases.extract.en.dates import find_dates
from mfa_releases.extract.en.names import find_mentions
from mfa_releases.extract.en.roles import normalize_role
from mfa_releases.extract.en.tokens import split_sentences
from mfa_releases.language import detect_language

RELEASE = dt.date(2026, 3, 12)  # a Thursday


def make_document(text: str, language: str = "en", date: dt.date = RELEASE) -> Document:
    return Document(doc_id="t", source="test", url=None, date=date, language=language, title=None, text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(), n_chars=len(text), path="t.txt")


def extract(text: str):
    return EnglishExtractor().extract(make_document(text))


def meetings_of(text: str) -> list[tuple[str, list[str]]]:
    return [(m.kind, [p.name for p in m.participants]) for m in extract(text).meetings]


# --- meetings and participants ---------------------------------------------------------------

MEETING_CASES = [
    (
        "Foreign Minister of Kazakhstan Yermek Kosherbayev met with Secretary of State of Portugal Anna Bell.",
        [("meeting", ["Yermek Kosherbayev", "Anna Bell"])],
    ),
    (
        "Kazakh Deputy Foreign Minister Alan Bek held talks with his Latvian counterpart Ivars Ozols in Riga.",
        [("talks", ["Alan Bek", "Ivars Ozols"])],
    ),
    (
        "Minister of Foreign Affairs of Kazakhstan Dana Sato had a telephone conversation with "
        "Minister of Foreign Affairs of Chile Pedro Ruiz.",
        [("phone_call", ["Dana Sato", "Pedro Ruiz"])],
    ),
    (
        "Prime Minister of Kazakhstan Olzhas Bektenov held a meeting with Polish Prime Minister Jan Nowak "
        "via videoconference.",
        [("video_call", ["Olzhas Bektenov", "Jan Nowak"])],
    ),
    (
        "Political consultations between the foreign ministries took place in Astana with the participation of "
        "Kazakh Deputy Foreign Minister Alan Bek and Deputy Foreign Minister of Norway Kari Lund.",
        [("consultations", ["Alan Bek", "Kari Lund"])],
    ),
    (  # honorifics dropped, name-first appositive title
        "Mr. Taro Yamada, Minister for Foreign Affairs, held a meeting with H.E. Mr. Erlan Sadykov, "
        "Minister for Foreign Affairs of the Republic of Kazakhstan.",
        [("meeting", ["Taro Yamada", "Erlan Sadykov"])],
    ),
    (  # family name first, in capitals
        "KISHIDA Fumio, Minister for Foreign Affairs of Japan, met with Kazakh Foreign Minister Erlan Sadykov.",
        [("meeting", ["Fumio Kishida", "Erlan Sadykov"])],
    ),
    (  # singular noun: one joint meeting
        "President of Kazakhstan Kassym-Jomart Tokayev held a meeting with Spanish Foreign Minister Luis Gil "
        "and Spanish Minister of Trade Rosa Vega.",
        [("meeting", ["Kassym-Jomart Tokayev", "Luis Gil", "Rosa Vega"])],
    ),
    (  # plural noun: one meeting per counterpart
        "Kazakh Foreign Minister Erlan Sadykov held meetings with Senator Tom Hill and Congressman Bob Reed.",
        [("meeting", ["Erlan Sadykov", "Tom Hill"]), ("meeting", ["Erlan Sadykov", "Bob Reed"])],
    ),
    (  # a later mention by surname is the same meeting and the same person
        "Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi.\n\n"
        "During the meeting, Sadykov and Rossi discussed trade.",
        [("meeting", ["Erlan Sadykov", "Marco Rossi"])],
    ),
    (  # family name first: "Mr. Wang" is Wang Yi
        "Kazakh Foreign Minister Erlan Sadykov met with Chinese Foreign Minister Wang Yi.\n\n"
        "Later, Mr. Wang held talks with Kazakh Prime Minister Olzhas Bek.",
        [("meeting", ["Erlan Sadykov", "Wang Yi"]), ("talks", ["Wang Yi", "Olzhas Bek"])],
    ),
    (  # an unnamed counterpart is not a participant, so there is no meeting
        "Kazakh Foreign Minister Erlan Sadykov met with the Ambassador of Peru.",
        [],
    ),
    (  # a future meeting is a planned event, not a meeting
        "Kazakh Foreign Minister Erlan Sadykov will meet with Italian Foreign Minister Marco Rossi next week.",
        [],
    ),
    (  # a participle or a noun with the counterpart first
        "During the meeting with Kazakh Foreign Minister Erlan Sadykov, Italian Foreign Minister Marco Rossi "
        "praised the reforms.",
        [("meeting", ["Erlan Sadykov", "Marco Rossi"])],
    ),
    (  # "the meeting of A with B"
        "The ministry reported on the meeting of Foreign Minister Erlan Sadykov with Greek Foreign Minister "
        "Nikos Papas.",
        [("meeting", ["Erlan Sadykov", "Nikos Papas"])],
    ),
    (  # "meetings between A and B" in two cities: two encounters
        "The sides recalled the meetings between the Presidents Kassym-Jomart Tokayev and Ilham Aliyev in "
        "Baku and in Astana.",
        [("meeting", ["Kassym-Jomart Tokayev", "Ilham Aliyev"]), ("meeting", ["Kassym-Jomart Tokayev", "Ilham Aliyev"])],
    ),
    (  # heads of delegation named in the next sentence
        "Kazakhstan and Germany held political consultations in Berlin. The Kazakh delegation was headed by "
        "Deputy Foreign Minister Alan Bek, the German side by State Secretary Eva Braun.",
        [("consultations", ["Alan Bek", "Eva Braun"])],
    ),
    (  # a delegation led by two people: one joint meeting
        "President Kassym-Jomart Tokayev received a delegation of the U.S. Congress led by Senator Tom Hill and "
        "Congressman Bob Reed.",
        [("meeting", ["Kassym-Jomart Tokayev", "Tom Hill", "Bob Reed"])],
    ),
    (  # no meeting word, but an invitation in person and "the sides"
        "Speaker of the Majilis Yerlan Koshanov invited Speaker of the Parliament of Malta Anna Borg to attend the "
        "forum.\n\nThe sides discussed inter-parliamentary ties.",
        [("meeting", ["Yerlan Koshanov", "Anna Borg"])],
    ),
    (  # particles inside names; Vice is a title word
        "Kazakh Foreign Minister Erlan Sadykov met with the Vice President of the European Commission "
        "Ursula von der Leyen.",
        [("meeting", ["Erlan Sadykov", "Ursula von der Leyen"])],
    ),
    (  # the headline names no one; the lead's verb gives the kind
        "Senate Chairman meets Speaker of Turkish parliament\n\nChairman of the Senate of Kazakhstan Maulen Ashim "
        "held talks with Speaker of the Grand National Assembly of Türkiye Numan Kurtulmuş in Ankara.",
        [("talks", ["Maulen Ashim", "Numan Kurtulmuş"])],
    ),
    (  # one meeting per counterpart, the same trip's place
        "Kazakh Foreign Minister Erlan Sadykov held talks with Slovak Foreign Minister Juraj Blanar in Bratislava. "
        "During the visit, Sadykov also met with Speaker Richard Rasi and Prime Minister Robert Fico.",
        [("talks", ["Erlan Sadykov", "Juraj Blanar"]), ("meeting", ["Erlan Sadykov", "Richard Rasi"]),
         ("meeting", ["Erlan Sadykov", "Robert Fico"])],
    ),
    (  # "a series of meetings", then the counterparts listed: one meeting each, not a joint one too
        "Kazakh Foreign Minister Erlan Sadykov held a series of bilateral meetings in New York.\n\n"
        "The Minister met with Foreign Minister of Brazil Mauro Vieira and Foreign Minister of Portugal Paulo Rangel.",
        [("meeting", ["Erlan Sadykov", "Mauro Vieira"]), ("meeting", ["Erlan Sadykov", "Paulo Rangel"])],
    ),
    (  # passive, with the subject named by title: the person named before
        "Kazakh Foreign Minister Erlan Sadykov met with Foreign Minister of Oman Sayyid Badr bin Hamad Al Busaidi. "
        "Earlier in the day, the Kazakh minister was received by the Sultan of Oman Haitham bin Tarik.",
        [("meeting", ["Erlan Sadykov", "Sayyid Badr bin Hamad Al Busaidi"]),
         ("meeting", ["Erlan Sadykov", "Haitham bin Tarik"])],
    ),
    (  # "A and B discussed …" with no meeting word: they met
        "U.S. Secretary of State Mark Reed and Kazakh Foreign Minister Erlan Sadykov discussed regional security.",
        [("meeting", ["Mark Reed", "Erlan Sadykov"])],
    ),
    (  # a briefing or a speech is no meeting
        "Official Representative of the Ministry of Foreign Affairs Aibek Smadi held a briefing. "
        "Foreign Minister Erlan Sadykov took part in a conference attended by President of Finland Ari Lahti.",
        [],
    ),
    (  # the subject named only by title in the sentence is the person named before
        "Kazakh Foreign Minister Erlan Sadykov arrived in Rome.\n\n"
        "The Minister also met with Italian Foreign Minister Marco Rossi.",
        [("meeting", ["Erlan Sadykov", "Marco Rossi"])],
    ),
]


@pytest.mark.parametrize("text, expected", MEETING_CASES)
def test_meetings_and_participants(text, expected):
    assert meetings_of(text) == expected


PARTICIPANT_CASES = [
    # (text, name, role, country)
    ("Foreign Minister of Kazakhstan Yermek Kosherbayev met with Egyptian Foreign Minister Omar Said.",
     "Yermek Kosherbayev", "minister of foreign affairs", "KZ"),
    ("Foreign Minister of Kazakhstan Yermek Kosherbayev met with Egyptian Foreign Minister Omar Said.",
     "Omar Said", "minister of foreign affairs", "EG"),
    ("Deputy Prime Minister – Foreign Minister of Kazakhstan Alan Bek met with the Ambassador of Hungary to "
     "Kazakhstan Peter Kovacs.", "Alan Bek", "deputy prime minister and minister of foreign affairs", "KZ"),
    ("Deputy Prime Minister – Foreign Minister of Kazakhstan Alan Bek met with the Ambassador of Hungary to "
     "Kazakhstan Peter Kovacs.", "Peter Kovacs", "ambassador", "HU"),
    ("Kazakh Deputy Foreign Minister Alan Bek received Ambassador Extraordinary and Plenipotentiary of "
     "Brazil Ana Costa.", "Ana Costa", "ambassador", "BR"),
    ("Kazakh Deputy Foreign Minister Alan Bek received Ambassador Extraordinary and Plenipotentiary of "
     "Brazil Ana Costa.", "Alan Bek", "deputy minister of foreign affairs", "KZ"),
    ("U.S. Secretary of State John Page met with Tajikistan's Minister of Foreign Affairs Rustam Aliev.",
     "John Page", "secretary of state", "US"),
    ("U.S. Secretary of State John Page met with Tajikistan's Minister of Foreign Affairs Rustam Aliev.",
     "Rustam Aliev", "minister of foreign affairs", "TJ"),
    # a counterpart takes the other side's position; a title-less foreign person the other country named
    ("Kazakh Foreign Minister Erlan Sadykov held talks with his Uzbek counterpart Bakhtiyor Saidov.",
     "Bakhtiyor Saidov", "minister of foreign affairs", "UZ"),
    ("Kazakh Senate Speaker Maulen Ashim met with Ambassador to Kazakhstan Helen Ward. "
     "They discussed ties between Kazakhstan and Canada.", "Helen Ward", "ambassador", "CA"),
    # the country of the clause ("the German side by …"); international officials serve no state
    ("Kazakhstan and Germany held political consultations in Berlin. The Kazakh delegation was headed by "
     "Deputy Foreign Minister Alan Bek, the German side by State Secretary Eva Braun.", "Eva Braun",
     "state secretary", "DE"),
    ("Kazakhstan and Germany held political consultations in Berlin. The Kazakh delegation was headed by "
     "Deputy Foreign Minister Alan Bek, the German side by State Secretary Eva Braun.", "Alan Bek",
     "deputy minister of foreign affairs", "KZ"),
    ("The Minister of Foreign Affairs of Kazakhstan, Mr. Erlan Sadykov, met with the Secretary General of the "
     "OSCE, Ms. Anna Weber, in Vienna.", "Anna Weber", "secretary general", None),
    ("Head of the Kazakh Foreign Ministry Erlan Sadykov held talks with Foreign Minister of Türkiye Ali Demir.",
     "Erlan Sadykov", "minister of foreign affairs", "KZ"),
    ("Foreign Minister Erlan Sadykov met with Ambassador of the Kingdom of Saudi Arabia to Kazakhstan "
     "Faisal bin Abdullah Al-Qahtani.", "Faisal bin Abdullah Al-Qahtani", "ambassador", "SA"),
    ("President Kassym-Jomart Tokayev held a one-on-one meeting with Emir of Qatar Sheikh Tamim bin Hamad Al Thani.",
     "Tamim bin Hamad Al Thani", "emir", "QA"),
    ("Foreign Minister Erlan Sadykov received Special Envoy of the United States for Climate John Kerry.",
     "John Kerry", "special envoy for climate", "US"),
    ("Foreign Minister Erlan Sadykov met with Member of the German Bundestag Johann Wadephul.",
     "Johann Wadephul", "member of the bundestag", "DE"),
    ("Foreign Minister Erlan Sadykov met with Secretary-General of the Organization of Turkic States "
     "Kubanychbek Omuraliev.", "Kubanychbek Omuraliev", "secretary-general", None),
    ("Chairman of the Senate of the Parliament of Kazakhstan Maulen Ashim held talks with Speaker of the Grand "
     "National Assembly of Türkiye Numan Kurtulmuş.", "Maulen Ashim", "speaker of the senate", "KZ"),
    ("Minister of Foreign Affairs of Kazakhstan Erlan Sadykov had a phone conversation with Uzbek Acting "
     "Foreign Minister Vladimir Norov.", "Vladimir Norov", "acting minister of foreign affairs", "UZ"),
    ("Ambassador-at-Large of the Kazakh Foreign Ministry Talgat Bek met with Vice-Minister of Foreign Affairs of "
     "China Sun Wei.", "Sun Wei", "deputy minister of foreign affairs", "CN"),
    ("Ambassador-at-Large of the Kazakh Foreign Ministry Talgat Bek met with Vice-Minister of Foreign Affairs of "
     "China Sun Wei.", "Talgat Bek", "ambassador at large", "KZ"),
    ("Kazakh Ambassador Daulet Bek met with Minister of Road and Transport Development of Mongolia Bold Bat.",
     "Bold Bat", "minister of road and transport development", "MN"),
    ("Kazakh Ambassador Daulet Bek met with Chairman of the State Great Khural of Mongolia Dashzeg Amar.",
     "Dashzeg Amar", "chairman of the state great khural", "MN"),
    ("Mr. TAKEDA Ken, State Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. Roman ISPANOV, "
     "Deputy Minister of Foreign Affairs of the Republic of Kazakhstan.", "Roman Ispanov",
     "deputy minister of foreign affairs", "KZ"),
]


@pytest.mark.parametrize("text, name, role, country", PARTICIPANT_CASES)
def test_participant_role_and_country(text, name, role, country):
    people = {p.name: p for m in extract(text).meetings for p in m.participants}
    assert name in people, sorted(people)
    assert (people[name].role, people[name].country) == (role, country)


def test_participant_offsets_slice_to_the_mention():
    text = "Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi in Rome."
    meeting = extract(text).meetings[0]
    for person in meeting.participants:
        assert text[person.char_start:person.char_end] == person.mention
    assert meeting.participants[1].mention == "Italian Foreign Minister Marco Rossi"
    assert text[meeting.char_start:meeting.char_end] == meeting.evidence


PLACE_AND_DATE_CASES = [
    # (text, city, country, date)
    ("Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi in Rome.",
     "Rome", "IT", None),
    ("Kazakh Foreign Minister Erlan Sadykov met with Chinese Foreign Minister Li Wen, who arrived in Astana "
     "for an official visit.", "Astana", "KZ", None),
    ("On Monday, Kazakh Foreign Minister Erlan Sadykov had a telephone conversation with Italian Foreign "
     "Minister Marco Rossi.", None, None, dt.date(2026, 3, 9)),
    ("Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi on March 12.",
     None, None, None),  # the release date itself stays null
    ("Yesterday, Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi during "
     "his visit to Germany.", None, "DE", dt.date(2026, 3, 11)),
    # the place of the event the release opens with; calls have no place
    ("Kazakh Deputy Foreign Minister Alan Bek took part in the conference on Syria held in Geneva.\n\n"
     "On its sidelines, he met with Italian Deputy Foreign Minister Marco Rossi.", "Geneva", "CH", None),
    ("Tajik Foreign Minister Rustam Aliev held talks here on Tuesday with Chinese Ambassador Zhao Dong.",
     None, None, dt.date(2026, 3, 10)),
    ("Kazakh Foreign Minister Erlan Sadykov, who arrived in Paris, spoke by phone with Italian Foreign Minister "
     "Marco Rossi.", None, None, None),
    ("US Secretary of State John Page hosted Kazakh Foreign Minister Erlan Sadykov.", None, "US", None),
]


@pytest.mark.parametrize("text, city, country, date", PLACE_AND_DATE_CASES)
def test_meeting_place_and_date(text, city, country, date):
    meeting = extract(text).meetings[0]
    assert (meeting.city, meeting.country, meeting.date) == (city, country, date)


# --- commitments ------------------------------------------------------------------------------

COMMITMENT_CASES = [
    # (text, [(kind, due, evidence contains)])
    ("Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi. "
     "The parties agreed to hold the next round of consultations in Astana.",
     [("agreement", None, "agreed to hold the next round")]),
    ("Kazakh Foreign Minister Erlan Sadykov invited Italian Foreign Minister Marco Rossi to visit Kazakhstan.",
     [("invitation", None, "invited Italian Foreign Minister Marco Rossi to visit Kazakhstan")]),
    ("The sides discussed the upcoming visit of the President of Kazakhstan to Italy in March.",
     [("planned_event", "2026-03", "upcoming visit of the President of Kazakhstan to Italy")]),
    ("The next session of the Intergovernmental Commission will be held in Rome next year.",
     [("planned_event", "2027", "will be held in Rome next year")]),
    ("The ministers signed a memorandum of understanding on cooperation in education.",
     [("signed_document", None, "signed a memorandum of understanding")]),
    ("Italy expressed its support for Kazakhstan's initiative to host the regional summit.",
     [("support", None, "support for Kazakhstan's initiative")]),
    ("The Italian side intends to open a trade office in Almaty in 2027.",
     [("intent", "2027", "intends to open a trade office in Almaty")]),
    ("Work is underway to launch a direct flight between the capitals.",
     [("intent", None, "Work is underway")]),
    # courtesy is not a commitment
    ("The sides noted the importance of the strategic partnership and expressed hope for closer ties.", []),
    ("The ministers discussed the upcoming high-level events.", []),
    ("The minister thanked for the invitation to visit Rome.", []),
    ("The sides expressed hope that the next meeting would take place in Astana.", []),
    ("The ministers signed a Plan of Consultations for 2026-2027.",
     [("signed_document", None, "signed a Plan of Consultations")]),
    ("The Vietnamese side supported Kazakhstan's bid for membership in the UN Security Council.",
     [("support", None, "supported Kazakhstan's bid")]),
    ("The leaders agreed to meet in St. Petersburg in December.",
     [("agreement", "2026-12", "agreed to meet in St. Petersburg in December")]),
    ("The Ambassador informed that a business delegation will visit Almaty in March.",
     [("planned_event", "2026-03", "will visit Almaty in March")]),
    ("The next meeting of the Committee will be held in Beijing in 2027.",
     [("planned_event", "2027", "will be held in Beijing in 2027")]),
    ("Following the meeting, a protocol was signed.", [("signed_document", None, "a protocol was signed")]),
    ("Moscow and Astana are preparing a visit of the President to Kazakhstan.",
     [("intent", None, "are preparing a visit")]),
    ("The sides signed a memorandum on energy. The document was signed during the visit.",
     [("signed_document", None, "signed a memorandum on energy")]),
    ("The ministers discussed the preparations for the visit of the Russian President to Astana early next year.",
     [("planned_event", "2027", "the visit of the Russian President to Astana early next year")]),
    ("The ministers discussed the preparations for the bilateral and multilateral events at the highest level.", []),
    ("The parties discussed preparations for the next OTS summit, which will be held in Gabala next year.",
     [("planned_event", "2027", "the next OTS summit, which will be held in Gabala next year")]),
    ("The parties signed a Memorandum on critical minerals and agreed to hold the next dialogue in Astana in 2027.",
     [("signed_document", None, "signed a Memorandum on critical minerals"),
      ("agreement", "2027", "agreed to hold the next dialogue in Astana in 2027")]),
    ("Lukashenko invited Tokayev to pay an official visit to Belarus in 2027.",
     [("invitation", "2027", "invited Tokayev to pay an official visit to Belarus")]),
    ("The ministers agreed to expand trade, and to prepare the visit of President Tokayev to France in the autumn.",
     [("agreement", None, "agreed to expand trade"), ("planned_event", "2026", "the visit of President Tokayev to France")]),
    # an event inside an agreement is the agreement's ("agreed to hold a summit next year")
    ("The ministers agreed to prepare the visit of President Tokayev to France in the autumn.",
     [("agreement", "2026", "agreed to prepare the visit")]),
    ("The guest conveyed warm greetings and an invitation to take part in the summit in Baku.",
     [("invitation", None, "an invitation to take part in the summit in Baku")]),
    ("The guest plans to visit Astana this year.", [("intent", "2026", "plans to visit Astana this year")]),
    ("Japan will host the summit in Tokyo in August and expressed its intention to work closely with Kazakhstan.",
     [("planned_event", "2026-08", "will host the summit in Tokyo in August"),
      ("intent", None, "intention to work closely with Kazakhstan")]),
    ("Kerry expressed support for Kazakhstan's goal to reach carbon neutrality by 2060.",
     [("support", None, "support for Kazakhstan's goal")]),
    ("The minister will visit Germany, Italy, and Spain from Apr.20 to Apr.24.",
     [("planned_event", "2026-04-20", "will visit Germany, Italy, and Spain from Apr.20")]),
]


@pytest.mark.parametrize("text, expected", COMMITMENT_CASES)
def test_commitments(text, expected):
    found = extract(text).commitments
    assert [(c.kind, c.due) for c in found] == [(kind, due) for kind, due, _ in expected]
    for commitment, (_, _, fragment) in zip(found, expected):
        assert fragment in commitment.evidence
        assert text[commitment.char_start:commitment.char_end] == commitment.evidence


def test_a_commitment_stated_twice_is_reported_once():
    text = ("Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi. "
            "The ministers agreed to hold a business forum in Milan next year.\n\n"
            "\"We agreed that it is important to hold the business forum in Milan next year,\" Rossi said.")
    assert [c.kind for c in extract(text).commitments] == ["agreement"]


def test_actors_of_a_named_event_are_the_states_of_its_people():
    text = ("Kazakh Foreign Minister Erlan Sadykov met with German Minister of State Tobias Lind. "
            "Sadykov highlighted the upcoming visit of the Federal President of Germany Frank Stein to Kazakhstan.")
    assert [(c.kind, c.actors) for c in extract(text).commitments] == [("planned_event", ["DE"])]


def test_commitment_actors():
    text = ("Kazakh Foreign Minister Erlan Sadykov met with Italian Foreign Minister Marco Rossi. "
            "The parties agreed to expand trade. Italy expressed support for the Astana International Forum.")
    actors = [(c.kind, sorted(c.actors)) for c in extract(text).commitments]
    assert actors == [("agreement", ["IT", "KZ"]), ("support", ["IT"])]


# --- building blocks --------------------------------------------------------------------------

@pytest.mark.parametrize("title, role", [
    ("Foreign Minister", "minister of foreign affairs"),
    ("Deputy Prime Minister – Minister of Foreign Affairs", "deputy prime minister and minister of foreign affairs"),
    ("Deputy Prime Minister and Foreign Minister", "deputy prime minister and minister of foreign affairs"),
    ("Minister for Europe and Foreign Affairs", "minister for europe and foreign affairs"),
    ("Ambassador Extraordinary and Plenipotentiary", "ambassador"),
    ("Senate Speaker", "speaker of the senate"),
    ("PM", "prime minister"),
    ("counterpart", None),
])
def test_role_normalization(title, role):
    assert normalize_role(title) == role


@pytest.mark.parametrize("phrase, due", [
    ("on October 8-9", "2026-10-08"),
    ("in May 2027", "2027-05"),
    ("next year", "2027"),
    ("this year", "2026"),
    ("on 28 April 2025", "2025-04-28"),
    ("from Feb.28 to Mar.3", "2026-02-28"),
    ("in 2030", "2030"),
])
def test_english_dates(phrase, due):
    assert find_dates(phrase, RELEASE)[0].due() == due


def test_may_as_a_verb_is_not_a_month():
    assert find_dates("the sides may consider it", RELEASE) == []


def test_sentences_keep_abbreviations_together():
    text = "Mr. Antony J. Blinken met the U.S. Ambassador. H.E. Mr. Kairat Umarov arrived."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Antony J. Blinken met the U.S. Ambassador.", "H.E. Mr. Kairat Umarov arrived."]


def test_place_names_and_organisations_are_not_people():
    sentence = split_sentences("The delegation from New York visited the Supreme Court of Kazakhstan.")[0]
    assert [m.name for m in find_mentions(sentence) if m.strong] == []


# --- layouts from the held-out corpus (eval/corpus/en), in sentences written for these tests ----

HELD_OUT_MEETING_CASES = [
    (  # a noun that "was held" / "took place": its people come in the next sentence
        "Consular consultations between the foreign ministries of Kazakhstan and Chile were held in Santiago. "
        "The Kazakh side was led by Director Aida Nurova, the Chilean side by Director Pablo Soto.",
        [("consultations", ["Aida Nurova", "Pablo Soto"])],
    ),
    (  # the medium wins
        "Political consultations between Kazakhstan and Peru took place via videoconference. The Kazakh "
        "delegation was headed by Deputy Foreign Minister Alan Bek, the Peruvian one by Vice Minister Rosa Diaz.",
        [("video_call", ["Alan Bek", "Rosa Diaz"])],
    ),
    (  # a three-word country before the comma is not a name
        "As part of his visit to the United Arab Emirates, Foreign Minister of Kazakhstan Erlan Sadykov met with "
        "Minister of State Omar Saif.",
        [("meeting", ["Erlan Sadykov", "Omar Saif"])],
    ),
]


HELD_OUT_MEETING_CASES += [
    (  # credentials presented to a named head of state: they met
        "Ambassador of Kazakhstan to Chile Erlan Sadykov presented his credentials to President of Chile Ana Ruiz.",
        [("meeting", ["Erlan Sadykov", "Ana Ruiz"])],
    ),
    (  # "A, the Minister of …, and his Kazakh counterpart B met": both are the subject
        "Ali Demir, the Minister of Foreign Affairs of Türkiye, and his Kazakh counterpart Erlan Sadykov met in "
        "Ankara. Sadykov invited Demir to a meeting of the Council in Turkistan in May.",
        [("meeting", ["Ali Demir", "Erlan Sadykov"])],
    ),
]

HELD_OUT_MEETING_CASES += [
    (  # a hosted lunch with "the <plural title> of …: A of X, B of Y, and C of Z" is one joint meeting
        "Secretary of State John Page hosted a working lunch in Washington with the foreign ministers of the C5+1 "
        "countries: Alan Bek of Kazakhstan, Omar Said of Tajikistan, and Rustam Aliev of Uzbekistan.",
        [("meeting", ["John Page", "Alan Bek", "Omar Said", "Rustam Aliev"])],
    ),
    (  # "welcomed" a titled person is a reception; "welcomed A’s visit" or a decision is not
        "Foreign Minister of Kazakhstan Erlan Sadykov welcomed Vice Premier of the State Council of the People’s "
        "Republic of China Li Wen, who arrived in Astana.",
        [("meeting", ["Erlan Sadykov", "Li Wen"])],
    ),
    ("Foreign Minister of Kazakhstan Erlan Sadykov welcomed Minister Li Wen’s decision to open a consulate.", []),
    (  # a noun after a past verb of its clause: the people come next
        "The Ministry hosted the regular round of Kazakh-Chilean political consultations. The Kazakh side was "
        "represented by Deputy Foreign Minister Alan Bek, the Chilean side by Vice Minister Ana Ruiz.",
        [("consultations", ["Alan Bek", "Ana Ruiz"])],
    ),
    (  # a title word that is also a given name, after an honorific; words of a title are no person
        "Foreign Minister Erlan Sadykov met with Dr. Sultan Omar Al Hadi, Minister of Industry and Advanced "
        "Technology of the United Arab Emirates.",
        [("meeting", ["Erlan Sadykov", "Sultan Omar Al Hadi"])],
    ),
]

HELD_OUT_MEETING_CASES += [
    (  # a list inside a title ("…, European Union and Cooperation"); "met virtually" is a video call
        "Foreign Minister of Kazakhstan Erlan Sadykov and Spanish Minister of Foreign Affairs, European Union and "
        "Cooperation Jose Ruiz met virtually on Monday.",
        [("video_call", ["Erlan Sadykov", "Jose Ruiz"])],
    ),
    (  # "A and B exchanged views by phone"
        "President of Kazakhstan Kassym-Jomart Tokayev and President of Uzbekistan Shavkat Mirziyoyev exchanged "
        "views by phone on the regional agenda.",
        [("phone_call", ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"])],
    ),
    (  # "The talks were also attended by C": C joins the talks
        "Kazakh Foreign Minister Erlan Sadykov held talks with his Dutch counterpart Jan de Vries in The Hague. The "
        "talks were also attended by the Minister for Foreign Trade of the Netherlands Anna Bakker.",
        [("talks", ["Erlan Sadykov", "Jan de Vries", "Anna Bakker"])],
    ),
    (  # "In the talks with A, the minister …": the subject named by title after the counterpart
        "Kazakh Foreign Minister Erlan Sadykov held meetings with President of Slovakia Peter Novak and Speaker "
        "Ivan Kral. In the talks with his Slovak counterpart Juraj Horak, the minister discussed energy.",
        [("meeting", ["Erlan Sadykov", "Peter Novak"]), ("meeting", ["Erlan Sadykov", "Ivan Kral"]),
         ("talks", ["Erlan Sadykov", "Juraj Horak"])],
    ),
]

HELD_OUT_MEETING_CASES += [
    (  # a plural title shared along a list with bracketed countries
        "Consultations between the foreign ministries of Central Asia were held in Ashgabat. The delegations were "
        "led by Deputy Foreign Ministers Alan Bek (Kazakhstan), Omar Said (Kyrgyzstan) and Rustam Aliev (Uzbekistan).",
        [("consultations", ["Alan Bek", "Omar Said", "Rustam Aliev"])],
    ),
    (  # "the Ambassadors of A, B and C, X, Y and Z": one each, in order
        "Deputy Foreign Minister of Kazakhstan Alan Bek held a meeting with the Ambassadors of Sweden, Finland and "
        "Norway, Karl Olsson, Mikko Lehtinen and Ingrid Berg.",
        [("meeting", ["Alan Bek", "Karl Olsson", "Mikko Lehtinen", "Ingrid Berg"])],
    ),
    (  # a call's readout: "spoke today with"
        "Secretary’s Call with Kazakhstan’s Foreign Minister\n\nSecretary of State John Page spoke today with "
        "Kazakhstan’s Foreign Minister Alan Bek.",
        [("phone_call", ["John Page", "Alan Bek"])],
    ),
    (  # "paid a courtesy call on"
        "On April 20, Mr. SATO Ken, Parliamentary Vice-Minister for Foreign Affairs, paid a courtesy call on H.E. "
        "Mr. Kassym-Jomart TOKAYEV, President of the Republic of Kazakhstan.",
        [("meeting", ["Ken Sato", "Kassym-Jomart Tokayev"])],
    ),
]

HELD_OUT_MEETING_CASES += [
    (  # "met separately with A and B": one meeting each
        "Secretary of State John Page met separately today with Uzbekistan’s Foreign Minister Rustam Aliev and "
        "Kazakhstan’s Foreign Minister Alan Bek in Washington.",
        [("meeting", ["John Page", "Rustam Aliev"]), ("meeting", ["John Page", "Alan Bek"])],
    ),
    (  # two posts of one person, joined by a comma
        "Foreign Minister of Kazakhstan Alan Bek had a telephone conversation with Deputy Chairman of the Cabinet "
        "of Ministers, Minister of Foreign Affairs of Turkmenistan Murad Orazov.",
        [("phone_call", ["Alan Bek", "Murad Orazov"])],
    ),
]

HELD_OUT_MEETING_CASES += [
    (  # a regnal number is part of the name; an event before the comma is not part of a title
        "On the sidelines of the UN General Assembly, President Kassym-Jomart Tokayev met with King Abdullah II "
        "of Jordan.",
        [("meeting", ["Kassym-Jomart Tokayev", "Abdullah II"])],
    ),
    (  # a round of a dialogue, far from "held"
        "Deputy Foreign Minister of Kazakhstan Alan Bek and Secretary General of the Foreign Ministry of France "
        "Paul Martin held the fourth round of the Kazakh-French strategic dialogue in Paris.",
        [("meeting", ["Alan Bek", "Paul Martin"])],
    ),
]

HELD_OUT_MEETING_CASES += [
    (  # the format between the noun and its counterpart
        "President Kassym-Jomart Tokayev held talks in narrow and extended formats with President of Vietnam "
        "Luong Cuong.",
        [("talks", ["Kassym-Jomart Tokayev", "Luong Cuong"])],
    ),
]

@pytest.mark.parametrize("text, expected", HELD_OUT_MEETING_CASES)
def test_held_out_meeting_layouts(text, expected):
    assert meetings_of(text) == expected


HELD_OUT_PARTICIPANT_CASES = [
    # (text, name, role, country)
    ("Foreign Minister of Kazakhstan Erlan Sadykov met with Lars Berg, Norway’s State Secretary for Foreign "
     "Affairs.", "Lars Berg", "state secretary for foreign affairs", "NO"),
    ("Deputy Foreign Minister of Kazakhstan Alan Bek received H.E. Ms. Laura Pinto, the newly appointed "
     "Ambassador of Chile to Kazakhstan.", "Laura Pinto", "ambassador", "CL"),
    ("Member of the Political Bureau of the CPC Central Committee and Foreign Minister Li Wen met with Kazakh "
     "Foreign Minister Erlan Sadykov to discuss ties between China and Kazakhstan.", "Li Wen",
     "minister of foreign affairs", "CN"),
    ("Kazakh Foreign Minister Erlan Sadykov held talks with Saudi Foreign Minister Prince Khalid bin Saad.",
     "Khalid bin Saad", "minister of foreign affairs", "SA"),
    ("Permanent Representative of Kazakhstan to the International Organizations in Vienna Mr. Daulet Sarsen "
     "met with Director General of the IAEA Maria Lopez.", "Daulet Sarsen", "permanent representative", "KZ"),
    ("Kazakh Ambassador Daulet Bek met with Director of the Consular Department of the Ministry of Foreign "
     "Affairs of Chile Ana Ruiz.", "Ana Ruiz", "director of the consular department", "CL"),
    # no country in the title, but the text is about Kazakhstan (it names Astana)
    ("President Kassym-Jomart Tokayev had a phone call with King of Bahrain Hamad bin Isa. The King was invited "
     "to Astana.", "Kassym-Jomart Tokayev", "president", "KZ"),
]


HELD_OUT_PARTICIPANT_CASES += [
    # a title ending in a topic before the comma; a mixed-case dateline is not part of it
    ("Astana – The EU Special Representative for the Caucasus, Jan Novak, met with Deputy Foreign Minister of "
     "Kazakhstan Alan Bek.", "Jan Novak", "special representative for the caucasus", None),
    ("Switzerland’s Federal Councillor and Foreign Minister Hans Meier held talks with Kazakh Foreign Minister "
     "Erlan Sadykov.", "Hans Meier", "federal councillor and minister of foreign affairs", "CH"),
]

HELD_OUT_PARTICIPANT_CASES += [
    ("Secretary of State John Page hosted a working lunch in Washington with the foreign ministers of the C5+1 "
     "countries: Alan Bek of Kazakhstan, Omar Said of the Kyrgyz Republic, and Rustam Aliev of Uzbekistan.",
     "Omar Said", "minister of foreign affairs", "KG"),
    ("Foreign Minister Erlan Sadykov met with Dr. Sultan Omar Al Hadi, Minister of Industry and Advanced "
     "Technology of the United Arab Emirates, in Dubai. The company plans to build a 1 GW plant.",
     "Sultan Omar Al Hadi", "minister of industry and advanced technology", "AE"),
    ("Chairman of the Mazhilis of the Parliament of Kazakhstan Yerlan Koshanov received Ambassador of France "
     "Paul Martin.", "Yerlan Koshanov", "speaker of the majilis", "KZ"),
    ("Kazakh Ambassador Daulet Bek met with Additional Foreign Secretary of Pakistan for Central Asia Ali Khan.",
     "Ali Khan", "additional foreign secretary for central asia", "PK"),
]

HELD_OUT_PARTICIPANT_CASES += [
    # a topic word of a title is not part of the name; "in <country>" is where an official serves
    ("Deputy Foreign Minister of Kazakhstan Alan Bek met with the OSCE High Commissioner on National Minorities "
     "Lars Holm.", "Lars Holm", "high commissioner on national minorities", None),
    ("Foreign Minister of Kazakhstan Erlan Sadykov received UN Resident Coordinator in Kazakhstan Eva Lind.",
     "Eva Lind", "resident coordinator", None),
]

HELD_OUT_PARTICIPANT_CASES += [
    ("Consultations between the foreign ministries of Central Asia were held in Ashgabat. The delegations were "
     "led by Deputy Foreign Ministers Alan Bek (Kazakhstan), Omar Said (Kyrgyzstan) and Rustam Aliev (Uzbekistan).",
     "Omar Said", "deputy minister of foreign affairs", "KG"),
    ("Deputy Foreign Minister of Kazakhstan Alan Bek held a meeting with the Ambassadors of Sweden, Finland and "
     "Norway, Karl Olsson, Mikko Lehtinen and Ingrid Berg.", "Ingrid Berg", "ambassador", "NO"),
    # a title only one state uses
    ("Secretary of State John Page spoke today with Kazakhstan’s Foreign Minister Alan Bek by phone.",
     "John Page", "secretary of state", "US"),
]

HELD_OUT_PARTICIPANT_CASES += [
    ("Foreign Minister of Kazakhstan Alan Bek had a telephone conversation with Deputy Chairman of the Cabinet "
     "of Ministers, Minister of Foreign Affairs of Turkmenistan Murad Orazov.", "Murad Orazov",
     "deputy chairman of the cabinet of ministers and minister of foreign affairs", "TM"),
]

HELD_OUT_PARTICIPANT_CASES += [
    ("On the sidelines of the UN General Assembly, President Kassym-Jomart Tokayev met with King Abdullah II "
     "of Jordan.", "Kassym-Jomart Tokayev", "president", None),
    ("On the sidelines of the UN General Assembly, President Kassym-Jomart Tokayev met with King Abdullah II "
     "of Jordan.", "Abdullah II", "king", "JO"),
]

HELD_OUT_PARTICIPANT_CASES += [
    # "Deputy Foreign Ministers of A and B X and Y": each their title and country, in order
    ("On May 11, Deputy Foreign Ministers of Kazakhstan and Armenia Alan Bek and Aram Petrosyan held political "
     "consultations in Yerevan.", "Aram Petrosyan", "deputy minister of foreign affairs", "AM"),
    ("On May 11, Deputy Foreign Ministers of Kazakhstan and Armenia Alan Bek and Aram Petrosyan held political "
     "consultations in Yerevan.", "Alan Bek", "deputy minister of foreign affairs", "KZ"),
    # a plural topic word of a title is not part of the name
    ("Foreign Minister of Kazakhstan Alan Bek held a phone call with U.S. Special Envoy for Peace Missions "
     "John Page.", "John Page", "special envoy for peace missions", "US"),
]

@pytest.mark.parametrize("text, name, role, country", HELD_OUT_PARTICIPANT_CASES)
def test_held_out_participant_layouts(text, name, role, country):
    people = {p.name: p for m in extract(text).meetings for p in m.participants}
    assert (people[name].role, people[name].country) == (role, country)
    assert all(" " in person or person == name for person in people)  # no stray one-word "people"


@pytest.mark.parametrize("text, city, country, date", [
    # a headline's "<City> hosts …"
    ("Astana hosts Kazakh-Chilean consultations\n\nThe Ministry hosted the regular round of political "
     "consultations. The Kazakh side was represented by Deputy Foreign Minister Alan Bek, the Chilean side by "
     "Vice Minister Ana Ruiz.", "Astana", "KZ", None),
    # "on the margins of the event": the event's day and city; a visit still to come is not the place
    ("On March 10, Foreign Minister of Kazakhstan Erlan Sadykov took part in a ministerial meeting in Luxembourg. "
     "On the margins of the event, Sadykov held talks with Foreign Minister of Malta Ian Borg, who accepted the "
     "invitation to visit Kazakhstan in 2027.", "Luxembourg", "LU", dt.date(2026, 3, 10)),
    # sidelines of a summit in a city the gazetteer knows
    ("On the sidelines of the SCO summit in Tianjin, President Kassym-Jomart Tokayev met with Prime Minister "
     "of India Raj Patel.", "Tianjin", "CN", None),
])
def test_held_out_meeting_places(text, city, country, date):
    [meeting] = extract(text).meetings
    assert (meeting.city, meeting.country, meeting.date) == (city, country, date)


@pytest.mark.parametrize("text, city, country", [
    # a well-known venue gives its country; so does the trip the lead announces, for every meeting
    ("WASHINGTON – Deputy Foreign Minister of Kazakhstan Alan Bek met with U.S. Senator Tom Hill on Capitol Hill.",
     None, "US"),
    ("As part of his official visit to Slovakia, Kazakh Foreign Minister Erlan Sadykov met with President Peter "
     "Novak.\n\nIn the talks with his Slovak counterpart Juraj Horak, the minister discussed energy.", None, "SK"),
])
def test_venues_and_trips_place_every_meeting(text, city, country):
    assert {(m.city, m.country) for m in extract(text).meetings} == {(city, country)}


def test_a_month_already_past_in_a_plan_is_next_years():
    text = "The delegation will organise a round table in Almaty in February."
    [commitment] = EnglishExtractor().extract(make_document(text, date=dt.date(2025, 12, 19))).commitments
    assert commitment.due == "2026-02"


def test_where_ambassadors_are_accredited_is_not_where_they_met():
    text = ("Foreign Minister of Kazakhstan Alan Bek met with the heads of missions accredited in Astana, led by the "
            "Head of the EU Delegation Anna Weber.")
    [meeting] = extract(text).meetings
    assert (meeting.city, meeting.country) == (None, None)


def test_un_headquarters_is_a_venue():
    text = ("UN Secretary-General Antonio Ruiz met with Minister of Foreign Affairs of Kazakhstan Alan Bek at the UN "
            "Headquarters.")
    [meeting] = extract(text).meetings
    assert (meeting.city, meeting.country) == (None, "US")


def test_a_later_meeting_of_the_same_trip_keeps_its_place():
    text = ("Ministers meet in Dushanbe\n\nKazakh Foreign Minister Alan Bek was received by President of Tajikistan "
            "Rustam Aliev.\n\nLater, the minister held talks with his Tajik counterpart Omar Said.")
    assert [(m.city, m.country) for m in extract(text).meetings] == [("Dushanbe", "TJ"), ("Dushanbe", "TJ")]


def test_a_venue_gives_the_country_without_a_city():
    text = ("President Kassym-Jomart Tokayev received the credentials of seven ambassadors at the Akorda. "
            "Later, the President held a meeting with Ambassador of Peru Luis Vega.")
    [meeting] = extract(text).meetings
    assert (meeting.city, meeting.country) == (None, "KZ")


HELD_OUT_COMMITMENT_CASES = [
    # (text, [(kind, due, evidence contains)])
    ("The minister confirmed Chile’s support for Kazakhstan’s candidacy for the UN Security Council.",
     [("support", None, "confirmed Chile’s support for Kazakhstan’s candidacy")]),
    ("Secretary Page reaffirmed U.S. support for Kazakhstan’s independence.",
     [("support", None, "reaffirmed U.S. support")]),
    ("Following the talks, a memorandum of understanding on cooperation in tourism was signed.",
     [("signed_document", None, "a memorandum of understanding on cooperation in tourism was signed")]),
    ("The parties agreed to hold the commission meeting in Astana next month.",
     [("agreement", "2026-04", "agreed to hold the commission meeting in Astana next month")]),
    ("The sides agreed to hold a business forum in Lima in the second half of the year.",
     [("agreement", "2026", "agreed to hold a business forum in Lima")]),
    ("The sides discussed the visit of the Chilean foreign minister to Astana, planned for the first half of 2027.",
     [("planned_event", "2027", "the visit of the Chilean foreign minister to Astana, planned for")]),
    # a headline restating the body: the body's words are the evidence
    ("Ministers discuss upcoming Caspian summit\n\nThe ministers reviewed preparations for the Caspian summit, "
     "to be held in Baku next month.", [("planned_event", "2026-04", "to be held in Baku next month")]),
    # an occasion in the past is no plan
    ("The ministers discussed the agreements reached during the President’s state visit to Astana.", []),
]


HELD_OUT_COMMITMENT_CASES += [
    # an event inside an agreement is the agreement's; "this summer" dates it
    ("The ministers agreed to continue coordination toward the ministerial meeting to be held in Tokyo this summer.",
     [("agreement", "2026", "agreed to continue coordination")]),
    ("The Senior Officials Committee will meet in Baku in April.",
     [("planned_event", "2026-04", "will meet in Baku in April")]),
    ("The minister welcomed Chile’s decision to host the regional forum in Santiago in September.",
     [("planned_event", "2026-09", "decision to host the regional forum")]),
    ("Our country stands ready to provide a platform for negotiations.",
     [("intent", None, "ready to provide a platform")]),
    ("The diplomat conveyed an invitation to take part in the forum next spring.",
     [("invitation", "2027", "an invitation to take part in the forum next spring")]),
]

HELD_OUT_COMMITMENT_CASES += [
    ("Foreign Minister Ian Borg accepted the invitation to visit Kazakhstan in 2027.",
     [("invitation", "2027", "invitation to visit Kazakhstan in 2027")]),
    ("They discussed the visit of the Prime Minister of Pakistan to Kazakhstan in the first quarter of 2027.",
     [("planned_event", "2027", "the visit of the Prime Minister of Pakistan to Kazakhstan in the first quarter")]),
    # the forum announced, then referred to: one event
    ("The ministry announces that the Think Tank Forum will be held in Almaty on May 20-21.\n\nExperts from 28 "
     "countries are expected to attend the forum.",
     [("planned_event", "2026-05-20", "the Think Tank Forum will be held in Almaty on May 20")]),
]

HELD_OUT_COMMITMENT_CASES += [
    ("The Korean side pledged to allocate 20 million dollars for training.",
     [("intent", None, "pledged to allocate 20 million dollars")]),
    ("The League will consider granting Kazakhstan observer status.",
     [("intent", None, "will consider granting Kazakhstan observer status")]),
    ("The presidents instructed their governments to complete the center by the end of the year.",
     [("intent", "2026", "instructed their governments to complete the center")]),
    ("His office will organize a regional seminar in Shymkent in September.",
     [("planned_event", "2026-09", "will organize a regional seminar in Shymkent in September")]),
]

HELD_OUT_COMMITMENT_CASES += [
    ("Sefcovic reaffirmed the European Commission’s support for Kazakhstan’s accession to the agreement.",
     [("support", None, "reaffirmed the European Commission’s support")]),
    ("The two leaders witnessed the signing of an agreement on raw materials.",
     [("signed_document", None, "the signing of an agreement on raw materials")]),
    ("Japan will steadily implement the initiatives announced at the summit.",
     [("intent", None, "will steadily implement the initiatives")]),
]

HELD_OUT_COMMITMENT_CASES += [
    # an event dated ahead, even as the second of two
    ("They discussed the summit and the commission meeting in Rome in the first half of next year.",
     [("planned_event", "2027", "the commission meeting in Rome in the first half of next year")]),
    ("During the visit, the leaders are expected to sign a Treaty on Strategic Partnership.",
     [("intent", None, "are expected to sign a Treaty")]),
]

HELD_OUT_COMMITMENT_CASES += [
    ("The Finnish President thanked the Kazakh leader for the invitation to attend the forum.", []),
]

@pytest.mark.parametrize("text, expected", HELD_OUT_COMMITMENT_CASES)
def test_held_out_commitments(text, expected):
    found = extract(text).commitments
    assert [(c.kind, c.due) for c in found] == [(kind, due) for kind, due, _ in expected]
    for commitment, (_, _, fragment) in zip(found, expected):
        assert fragment in commitment.evidence


@pytest.mark.parametrize("text, actors", [
    # the subject of the trigger's own clause
    ("Foreign Minister of Japan Ken Sato met with Kazakh Foreign Minister Erlan Sadykov. Sato said that Japan "
     "will continue to support Kazakhstan’s reforms.", ["JP"]),
    # an international body, or its head, commits no state
    ("Kazakh Foreign Minister Erlan Sadykov met with Secretary General of the OSCE Anna Weber. Weber said that "
     "the OSCE Secretariat intends to launch a water project next year.", []),
    ("Kazakh Ambassador Daulet Bek met with Director General of the IAEA Maria Lopez. Ms. Lopez confirmed her "
     "intention to visit Kazakhstan later this year.", []),
    # destinations are not parties
    ("Kazakh Foreign Minister Erlan Sadykov met with U.S. Secretary of State John Page. The minister said the "
     "U.S. Secretary of State will visit Kazakhstan, Uzbekistan, and India in May.", ["US"]),
    # the releasing ministry, or "our country", is Kazakhstan
    ("According to the spokesperson, the Ministry plans to open a consulate in Dubai in June.", ["KZ"]),
    # a country of several words as the subject; a visit's destination is not
    ("Secretary of State John Page met with Foreign Minister of Kazakhstan Alan Bek. The United States will "
     "host a summit in Washington later this year.", ["US"]),
    ("Kazakh Foreign Minister Erlan Sadykov met with Foreign Minister of Pakistan Ali Khan. They discussed the "
     "visit of the Prime Minister of Pakistan to Kazakhstan in May.", ["PK"]),
    # an international body's agency commits no state, even for an event
    ("Kazakh Foreign Minister Alan Bek met with Head of the EU Delegation Anna Weber. The EU Delegation will "
     "organise a round table in Almaty in May.", []),
    # an accepted invitation is the host's
    ("President Kassym-Jomart Tokayev met with King Abdullah II of Jordan in New York. The King of Jordan "
     "accepted the invitation to pay an official visit to Kazakhstan next year.", ["KZ"]),
    ("Kazakh Foreign Minister Alan Bek met with Japanese Foreign Minister Ken Sato. Kazakhstan and Japan are "
     "working on a package of agreements.", ["KZ", "JP"]),
    # "The Chancellor invited …": the participant with that title
    ("President Kassym-Jomart Tokayev held talks with Federal Chancellor of Germany Karl Weber in Astana. The "
     "Chancellor invited the President to pay an official visit to Berlin.", ["DE"]),
])
def test_held_out_commitment_actors(text, actors):
    [commitment] = extract(text).commitments
    assert commitment.actors == actors


@pytest.mark.parametrize("phrase, release, due", [
    ("next month", RELEASE, "2026-04"),
    ("next month", dt.date(2026, 12, 5), "2027-01"),
    ("in the second half of the year", RELEASE, "2026"),
    ("in the first half of next year", RELEASE, "2027"),
    ("this summer", RELEASE, "2026"),
    ("next spring", RELEASE, "2027"),
    ("in the first quarter of next year", RELEASE, "2027"),
])
def test_relative_months_and_halves(phrase, release, due):
    assert find_dates(phrase, release)[0].due() == due


@pytest.mark.parametrize("title, role", [
    ("Member of the Political Bureau of the CPC Central Committee and Foreign Minister", "minister of foreign affairs"),
    ("Permanent Representative to the United Nations", "permanent representative"),
    ("Deputy Foreign Ministers", "deputy minister of foreign affairs"),
    ("Deputy Chairman of the Cabinet of Ministers", "deputy chairman of the cabinet of ministers"),
])
def test_role_without_membership_or_accreditation(title, role):
    assert normalize_role(title) == role


# --- Kazakh: recognised, not extracted --------------------------------------------------------

KAZAKH_TEXT = ("Қазақстан Республикасының Сыртқы істер министрі Ермек Көшербаев Вашингтонда "
               "АҚШ Конгресінің өкілдерімен кездесті. Тараптар екіжақты ынтымақтастықты талқылады.")


def test_kazakh_release_is_recognised_and_yields_no_facts():
    assert detect_language(KAZAKH_TEXT) == "kk"
    assert get_extractor("kk") is None
    facts = extract_document(make_document(KAZAKH_TEXT, language="kk"))
    assert facts.meetings == [] and facts.commitments == []


def test_english_extractor_is_registered():
    assert isinstance(get_extractor("en"), EnglishExtractor)
    assert get_extractor("en").language == "en"


# --- tenth wave: layouts of other outlets (MEA, MFA, WAM, AU, ASEAN, wire services) ----------

WAVE10_PARTICIPANT_CASES = [
    # A host's own release names neither the host's country nor its state: the meeting's place does.
    ("Minister of Foreign Affairs Ayla Demir met with Dana Sato, Minister of Foreign Affairs of Kazakhstan, "
     "in Izmir.", "Ayla Demir", "minister of foreign affairs", "TR"),
    # ... only when one side is unplaced: with two, which is the host is unknown.
    ("FM Sato met with FM Al Harthy of Oman in Muscat.", "Sato", "minister of foreign affairs", None),
    # ... but an official of a body seated there serves no state.
    ("Minister of Foreign Affairs of Kazakhstan Dana Sato met with Commissioner for Energy Lena Holm "
     "in Brussels.", "Lena Holm", "commissioner for energy", None),
    ("The Chairperson of the African Union Commission, Amina Bello, received Dana Sato, Minister of Foreign "
     "Affairs of Kazakhstan, in Addis Ababa.", "Amina Bello", "chairperson", None),
    # "The Kazakh delegation was headed by A" places A even when Kazakhstan's ambassador also attends.
    ("Political consultations were held in Tashkent. The Kazakh delegation was headed by Deputy Minister of "
     "Foreign Affairs Alan Bek, and the Uzbek delegation by Deputy Minister of Foreign Affairs Rustam Aliev. "
     "The consultations were also attended by the Ambassador of Kazakhstan to Uzbekistan, Ivan Orlov.",
     "Alan Bek", "deputy minister of foreign affairs", "KZ"),
    # An initial after an honorific opens the name; a legislature's name ends the title.
    ("Foreign Minister of Kazakhstan Dana Sato met with Foreign Minister of India Dr. R. Mehta in Delhi.",
     "R. Mehta", "minister of foreign affairs", "IN"),
    ("Chairman of the Senate of Kazakhstan Aidos Sarym met with Speaker of the Dewan Rakyat Tan Ah Kow "
     "of Malaysia in Astana.", "Tan Ah Kow", "speaker of the dewan rakyat", "MY"),
    # A companion serves the state of the person accompanied, not the host's.
    ("Minister of Foreign Affairs Ayla Demir met with Dana Sato, Minister of Foreign Affairs of Kazakhstan, "
     "in Izmir. Ms. Sato was accompanied by Deputy Foreign Minister Alan Bek.",
     "Alan Bek", "deputy minister of foreign affairs", "KZ"),
    # "…, and the Uzbek delegation by B": the delegation's state with its verb left out.
    ("Political consultations were held in Tashkent. The Kazakh delegation was headed by Deputy Minister of "
     "Foreign Affairs Alan Bek, and the Uzbek delegation by Deputy Minister of Foreign Affairs Rustam Aliev. "
     "The consultations were also attended by Director of the Asia Department of the Uzbek Foreign Ministry "
     "Timur Saidov.", "Rustam Aliev", "deputy minister of foreign affairs", "UZ"),
    ("Foreign Minister of Kazakhstan Dana Sato held meetings with the Foreign Ministers of Chile, Tomás Herrera, "
     "and of Peru, Luis Gómez.", "Luis Gómez", None, "PE"),
    # "Title Name of Country met with Title Name of Country": each country completes its own title
    ("Foreign Minister Dana Sato of Kazakhstan met with Foreign Minister Said Al Harthy of Oman.",
     "Dana Sato", "minister of foreign affairs", "KZ"),
    ("Foreign Minister Dana Sato of Kazakhstan met with Foreign Minister Said Al Harthy of Oman.",
     "Said Al Harthy", "minister of foreign affairs", "OM"),
    # wire style: "Oman’s top diplomat A"
    ("Foreign Minister of Kazakhstan Dana Sato met with Oman’s top diplomat Said Al Harthy.",
     "Said Al Harthy", "minister of foreign affairs", "OM"),
    # a name given bare, its title only as "the Omani Foreign Minister" elsewhere
    ("Foreign Minister of Kazakhstan Dana Sato met with Said Al Harthy in Muscat. The Omani Foreign Minister "
     "welcomed the visit.", "Said Al Harthy", "minister of foreign affairs", "OM"),
    # India's MEA abbreviations are titles, not parts of the name
    ("MoS Ravi Kumar met with Deputy Foreign Minister of Kazakhstan Alan Bek in New Delhi.",
     "Ravi Kumar", "minister of state", "IN"),
    ("EAM Dr. R. Mehta met with Foreign Minister of Kazakhstan Dana Sato in New Delhi.",
     "R. Mehta", "minister of external affairs", "IN"),
    # "his counterparts from Chile, A, and Peru, B": each serves the state of their list item
    ("Foreign Minister of Kazakhstan Dana Sato met with his counterparts from Chile, Tomás Herrera, and Peru, "
     "Luis Gómez.", "Luis Gómez", None, "PE"),
    ("Foreign Minister of Kazakhstan Dana Sato met with his counterparts from Chile, Tomás Herrera, and Peru, "
     "Luis Gómez.", "Tomás Herrera", None, "CL"),
    # a plural title with one demonym per name, in order
    ("Kazakh and Omani foreign ministers Dana Sato and Said Al Harthy met in Muscat.",
     "Said Al Harthy", "minister of foreign affairs", "OM"),
    ("Kazakh and Omani foreign ministers Dana Sato and Said Al Harthy met in Muscat.",
     "Dana Sato", "minister of foreign affairs", "KZ"),
    # A title given once with the surname ("President Tokayev") holds for the bare full name later, and
    # "Finnish counterpart" gives the untitled other side the same post.
    ("President Tokayev holds phone talks with Finnish counterpart\n\nKassym-Jomart Tokayev had a telephone "
     "conversation with Alexander Stubb. He invited Alexander Stubb to visit Kazakhstan.", "Kassym-Jomart Tokayev", "president", "KZ"),
    ("President Tokayev holds phone talks with Finnish counterpart\n\nKassym-Jomart Tokayev had a telephone "
     "conversation with Alexander Stubb. He invited Alexander Stubb to visit Kazakhstan.", "Alexander Stubb", "president", "FI"),
]


WAVE10_MEETING_CASES = [
    # a venue set off by commas between the verb and the counterpart
    ("Minister of Foreign Affairs Paulo Costa received today, at Itamaraty Palace, the Minister of Foreign "
     "Affairs of Kazakhstan, Dana Sato.", [("meeting", ["Paulo Costa", "Dana Sato"])]),
    # "accompanied by" adds the companion to the meeting of the person accompanied
    ("Minister of Foreign Affairs Ayla Demir met with Dana Sato, Minister of Foreign Affairs of Kazakhstan, "
     "in Izmir. Ms. Sato was accompanied by Deputy Foreign Minister Alan Bek.",
     [("meeting", ["Ayla Demir", "Dana Sato", "Alan Bek"])]),
    # "attended by A, and the Director … B": a list whose second item has its own article
    ("Foreign Minister of Kazakhstan Dana Sato met with Foreign Minister of Uzbekistan Rustam Aliev. "
     "The meeting was also attended by the Ambassador of Kazakhstan to Uzbekistan, Ivan Orlov, and the "
     "Director of the Asia Department, Timur Saidov.",
     [("meeting", ["Dana Sato", "Rustam Aliev", "Ivan Orlov", "Timur Saidov"])]),
    # "called on" a named official: a call paid in person
    ("Ambassador of Kazakhstan Ivan Orlov called on Foreign Secretary of India Ravi Menon in New Delhi.",
     [("meeting", ["Ivan Orlov", "Ravi Menon"])]),
    # "A, accompanied by B, met with C": A and B both attend
    ("Foreign Minister of Kazakhstan Dana Sato, accompanied by Ambassador Ivan Orlov, met with Foreign Minister "
     "of Oman Said Al Harthy in Muscat.", [("meeting", ["Dana Sato", "Ivan Orlov", "Said Al Harthy"])]),
    # credentials presented in copy, and a demonym the seed list lacked
    ("Ambassador of Kazakhstan Ivan Orlov presented copies of his credentials to Minister of Foreign Affairs of "
     "Oman Said Al Harthy.", [("meeting", ["Ivan Orlov", "Said Al Harthy"])]),
    ("Deputy Foreign Minister of Kazakhstan Alan Bek met with her Peruvian counterpart Ana Soto in Lima.",
     [("meeting", ["Alan Bek", "Ana Soto"])]),
    # "telephoned", "sat down with", "had an audience with"; an Arabic family name with its article
    ("President of Kazakhstan Kassym-Jomart Tokayev telephoned President of Egypt Abdel Fattah el-Sisi.",
     [("phone_call", ["Kassym-Jomart Tokayev", "Abdel Fattah el-Sisi"])]),
    ("Foreign Minister of Kazakhstan Dana Sato sat down with Foreign Minister of Oman Said Al Harthy in Muscat.",
     [("meeting", ["Dana Sato", "Said Al Harthy"])]),
    ("Foreign Minister of Kazakhstan Dana Sato had an audience with King of Bahrain Hamad bin Isa Al Khalifa.",
     [("meeting", ["Dana Sato", "Hamad bin Isa Al Khalifa"])]),
    # untitled names placed by "of Country" right after "met with"
    ("Foreign Minister of Kazakhstan Dana Sato met with Tomás Herrera of Chile and Luis Gómez of Peru.",
     [("meeting", ["Dana Sato", "Tomás Herrera", "Luis Gómez"])]),
    # "the Foreign Ministers of Chile, A, and of Peru, B": one meeting each
    ("Foreign Minister of Kazakhstan Dana Sato held meetings with the Foreign Ministers of Chile, Tomás Herrera, "
     "and of Peru, Luis Gómez.", [("meeting", ["Dana Sato", "Tomás Herrera"]), ("meeting", ["Dana Sato", "Luis Gómez"])]),
    # "welcomed Kazakhstan's Deputy Foreign Minister A" is a reception ...
    ("Peru's Minister of Foreign Relations Elmer Ruiz welcomed Kazakhstan's Deputy Foreign Minister Alan Bek.",
     [("meeting", ["Elmer Ruiz", "Alan Bek"])]),
    # ... "welcomed Kazakhstan's initiative" is not
    ("Peru's Minister of Foreign Relations Elmer Ruiz welcomed Kazakhstan's initiative on water.", []),
    # Malay styles before a name; "as well as with the Minister …" continues the list
    ("H.E. Dr. Dana Sato, Minister of Foreign Affairs of Kazakhstan, paid a courtesy call on H.E. Dato' Seri "
     "Mohamad Hasan, Minister of Foreign Affairs of Malaysia.", [("meeting", ["Dana Sato", "Mohamad Hasan"])]),
    ("Foreign Minister of Kazakhstan Dana Sato met with Ghana's Minister of State Jane Mensah, as well as with "
     "the Minister of Trade Kofi Boateng in Accra.", [("meeting", ["Dana Sato", "Jane Mensah", "Kofi Boateng"])]),
    # a call received, a call in progress
    ("Foreign Minister of Kazakhstan Dana Sato received a phone call from Foreign Minister of Oman Said Al Harthy.",
     [("phone_call", ["Dana Sato", "Said Al Harthy"])]),
    ("Foreign Minister of Kazakhstan Dana Sato was on the phone with Foreign Minister of Oman Said Al Harthy.",
     [("phone_call", ["Dana Sato", "Said Al Harthy"])]),
    # ... but an appeal is no encounter
    ("Foreign Minister of Kazakhstan Dana Sato called on the parties to show restraint.", []),
]


@pytest.mark.parametrize("text, city, country", [
    # a large city the gazetteer lacks, after "in": GeoNames places it
    ("Foreign Minister of Kazakhstan Dana Sato met with Governor Kim Min-ho in Suwon.", "Suwon", "KR"),
    ("Foreign Minister of Kazakhstan Dana Sato met with Foreign Minister of Brazil Paulo Costa in Curitiba.",
     "Curitiba", "BR"),
    # a host's seat named by its kind: the host's country, no city
    ("Peru's Minister of Foreign Relations Elmer Ruiz welcomed Kazakhstan's Deputy Foreign Minister Alan Bek at "
     "the Torre Tagle Palace.", None, "PE"),
    # a place opening the sentence
    ("In Muscat, Foreign Minister of Kazakhstan Dana Sato met with Oman's Minister of Foreign Affairs Said Al Harthy.",
     "Muscat", "OM"),
    # ... but not a capitalized word that is no place
    ("Foreign Minister of Kazakhstan Dana Sato met with Foreign Minister of Brazil Paulo Costa in Principle.",
     None, None),
])
def test_wave10_cities_beyond_the_gazetteer(text, city, country):
    [meeting] = extract(text).meetings
    assert (meeting.city, meeting.country) == (city, country)


@pytest.mark.parametrize("text, expected", WAVE10_MEETING_CASES)
def test_wave10_meeting_layouts(text, expected):
    assert meetings_of(text) == expected


@pytest.mark.parametrize("text, name, role, country", WAVE10_PARTICIPANT_CASES)
def test_wave10_participant_layouts(text, name, role, country):
    people = {p.name: p for m in extract(text).meetings for p in m.participants}
    assert name in people, sorted(people)
    assert (people[name].role, people[name].country) == (role, country)


@pytest.mark.parametrize("text, kind, actors", [
    # "affirmed X's support", by a person named with a nasab and later without the family name
    ("Sheikh Saif bin Nasser Al Qasimi, Minister of Foreign Affairs, received Dana Sato, Minister of Foreign "
     "Affairs of Kazakhstan, in Abu Dhabi. Sheikh Saif bin Nasser affirmed the UAE's support for Kazakhstan's "
     "candidacy.", "support", ["AE"]),
    # a planned event named by a compound of two states before its trigger
    ("The 5th meeting of the Kazakhstan–Mongolia Intergovernmental Commission is scheduled to take place in "
     "Ulaanbaatar on 20 November 2026.", "planned_event", ["KZ", "MN"]),
    # one invites others to one's own country: the destination names the inviter
    ("Foreign Minister of Kazakhstan Dana Sato met with Foreign Minister of Oman Said Al Harthy in Astana. "
     "Said Al Harthy thanked his host, inviting him to visit Oman at a convenient time.", "invitation", ["OM"]),
    # a passive undertaking whose subject names the pair of states
    ("Foreign Minister of Kazakhstan Dana Sato met with Foreign Minister of Oman Said Al Harthy. The minister "
     "said that the projects of cooperation between Oman and Kazakhstan, including logistics, are being "
     "prepared in detail.", "intent", ["OM", "KZ"]),
    # the state of a planned event's subject, named by its demonym, with the person it will meet
    ("The Polish Foreign Minister is expected to meet with President of Kazakhstan Kassym-Jomart Tokayev "
     "next month.", "planned_event", ["PL", "KZ"]),
])
def test_wave10_commitment_actors(text, kind, actors):
    [commitment] = extract(text).commitments
    assert (commitment.kind, commitment.actors) == (kind, actors)


@pytest.mark.parametrize("a, b, same", [
    ("Abdullah bin Zayed", "Abdullah bin Zayed Al Nahyan", True),
    ("Antony Blinken", "Antony J. Blinken", True),
    ("Ali Khan", "Ali Khan Bhutto", False),  # a prefix without a nasab may be another person
])
def test_same_person_name_forms(a, b, same):
    from mfa_releases.extract.en.names import same_person

    assert same_person(a, b) is same


# --- the English regression corpus ------------------------------------------------------------

def test_english_regression_corpus_keeps_its_scores():
    """eval/corpus/en (own texts, see its README): a fix for one layout must not break another."""
    from pathlib import Path

    from mfa_releases.evaluate import evaluate

    corpus = Path(__file__).resolve().parents[1] / "eval" / "corpus" / "en"
    report = evaluate(corpus, language="en")
    assert report["overall"]["documents"] >= 100
    assert not [e for d in report["documents"] for e in d["errors"] if e["error"] == "gold evidence not in text"]
    overall = report["overall"]
    assert overall["participants_exact"]["f1"] >= 0.97
    assert overall["meetings"]["f1"] >= 0.97
    assert overall["participant_country"]["accuracy"] >= 0.97
    assert overall["commitments"]["f1"] >= 0.95
