import pytest

from mfa_releases.language import detect_language
from mfa_releases.text import is_photo_credit, normalize, sentence_spans


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a b", "a b"),
        ("\ufeffa", "a"),  # BOM dropped
        ("a\r\nb\rc", "a\nb\nc"),  # CRLF and CR → LF
        ("a  \t b\u00a0c", "a b c"),  # runs of spaces, tabs and NBSP → one space
        ("a   \nb\t\n", "a\nb"),  # trailing whitespace
        ("\n\n  a\n\n\n\n b \n\n\n", "a\n\nb"),  # exactly one blank line between paragraphs
        ("e\u0301", "\u00e9"),  # NFC
        ("Йод", "Йод"),  # NFC keeps composed Cyrillic й
        ("Текст.\n\nФото: МИД\n\nЕщё.", "Текст.\n\nЕщё."),
        ("Текст.\n\nФото: Акорда\n\nЕщё.", "Текст.\n\nЕщё."),
        ("Text.\n\nPhoto: MFA\n\nMore.", "Text.\n\nMore."),
        ("Text.\nPhoto credit: Ministry\nMore.", "Text.\nMore."),
        ("Text.\n\nфото с сайта министерства", "Text."),
        ("Фотовыставка открылась в Астане.", "Фотовыставка открылась в Астане."),  # not a credit
        ("Photos of the visit will follow.", "Photos of the visit will follow."),  # not a credit
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_normalize_is_idempotent():
    raw = "\ufeff  Первый   абзац. \r\n\r\n\r\nФото: МИД\r\n Второй\tабзац.  "
    once = normalize(raw)
    assert normalize(once) == once


def test_photo_credit_must_be_short():
    assert is_photo_credit("Фото: МИД РК")
    assert not is_photo_credit("Фото: " + "очень длинная подпись " * 20)


def test_sentence_spans_cover_sentences_and_respect_paragraphs():
    text = "Министр провел встречу. Стороны договорились.\n\nВторой абзац без точки"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Министр провел встречу.", "Стороны договорились.", "Второй абзац без точки"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Министр иностранных дел провел встречу.", "ru"),
        ("Министр посетил Ақорда.", "ru"),  # one Kazakh name does not make a Kazakh text
        ("Қазақстан Республикасының Сыртқы істер министрі кездесу өткізді.", "kk"),
        ("The Minister of Foreign Affairs held a meeting.", "en"),
        ("The minister met Ермек Кошербаев in Astana yesterday.", "en"),
        ("2026 — 12:30", None),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language
