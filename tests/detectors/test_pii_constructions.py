"""Constructions of the guards' languages the structured recognizers follow: hidden addresses, numbers in prose
without a phone word, the two ends of an update, and look-alikes, one row per rule.

Rows written for these tests from how each language writes an address, a number or an update note; none is
taken from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii import PiiDetector

THRESHOLD = 0.4  # the shipped guard's


@pytest.fixture(scope="module")
def brackets() -> PiiDetector:
    return PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)  # the shipped option


def flagged(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


HIDDEN_EMAILS = [  # (text, the address as found)
    ("écrire à marie.dubois [arobase] exemple [point] fr", "marie.dubois [arobase] exemple [point] fr"),
    ("email: luca.rossi (chiocciola) azienda (punto) it", "luca.rossi (chiocciola) azienda (punto) it"),
    ("e-mail: jan [małpa] firma [kropka] pl", "jan [małpa] firma [kropka] pl"),
    ("e-post: erik.berg [snabel-a] foretag [punkt] se", "erik.berg [snabel-a] foretag [punkt] se"),
    ("почта: ivan [собака] example [точка] ru", "ivan [собака] example [точка] ru"),
    ("メール：taro[アット]example[ドット]jp", "taro[アット]example[ドット]jp"),
    ("메일: kim [골뱅이] example [점] kr", "kim [골뱅이] example [점] kr"),
    ("mail: ops-team -at- example -dot- com", "ops-team -at- example -dot- com"),  # dash-wrapped
    ("mail: ops-team @ example.com", "ops-team @ example.com"),  # a spaced "@"
    ("mail: ops-team AT example DOT com", "ops-team AT example DOT com"),  # the words in capitals
    ("mail: taro＠example．co．jp", "taro＠example．co．jp"),  # full-width "@" and "."
    ("邮箱e.berg (at) example (dot) com", "e.berg (at) example (dot) com"),  # the address stops at CJK text
]


@pytest.mark.parametrize(("text", "value"), HIDDEN_EMAILS)
def test_hidden_emails(brackets: PiiDetector, text: str, value: str) -> None:
    assert flagged(brackets, text, "EMAIL_ADDRESS") == [value]


NOT_HIDDEN_EMAILS = [  # (text, rule)
    ("y = x @ model.py", "a spaced '@' between code operands (one-letter operand, '=' before)"),
    ("out = weights @ inputs.io", "an operator right before a spaced '@'"),
    ("Meet AT the lobby.", "AT in capitals, but no domain with a public suffix after it"),
    ("we meet (at) noon", "a bracketed 'at' with no domain"),
]


@pytest.mark.parametrize(("text", "rule"), NOT_HIDDEN_EMAILS, ids=[r for _, r in NOT_HIDDEN_EMAILS])
def test_not_hidden_emails(brackets: PiiDetector, text: str, rule: str) -> None:
    assert flagged(brackets, text, "EMAIL_ADDRESS") == [], rule


def test_words_need_the_words_option(brackets: PiiDetector) -> None:
    text = "ivan собака example точка ru"
    assert flagged(brackets, text, "EMAIL_ADDRESS") == []
    words = PiiDetector("pii", ["EMAIL_ADDRESS"], obfuscated_emails=ObfuscatedEmails.WORDS)
    assert flagged(words, text, "EMAIL_ADDRESS") == [text]


PROSE_PHONES = [  # (text, number): no phone word; the language, a verb of contact or the national groups say so
    ("Erreichbar unter 0171 2345678 oder per Mail.", "0171 2345678"),  # German: two common words
    ("Vous pouvez nous joindre au 01 23 45 67 89.", "01 23 45 67 89"),
    ("U kunt ons bereiken op 020 123 4567.", "020 123 4567"),  # Dutch verb of reaching
    ("Możesz się skontaktować: 22 123 45 67.", "22 123 45 67"),
    ("Du når oss på 08-123 456 78.", "08-123 456 78"),
    ("Bize 0212 123 45 67 numaralı hattan ulaşabilirsiniz.", "0212 123 45 67"),
    ("Ahmet Yılmaz\n0532 123 45 67", "0532 123 45 67"),  # a Turkish letter in the name
    ("Erik Berg, 070-123 45 67", "070-123 45 67"),  # Swedish national groups exactly
    ("Marie Dubois | Société X | 01 23 45 67 89", "01 23 45 67 89"),  # French pairs with the trunk 0
    ("お問い合わせは03-1234-5678まで", "03-1234-5678"),  # kana on both sides
    ("如有问题请拨打010-12345678", "010-12345678"),
    ("문의는 02-123-4567로 연락 주세요", "02-123-4567"),  # Hangul right after
    ("Тел.: 8(495)123-45-67", "8(495)123-45-67"),  # a trunk 8 glued to the area code's bracket
    ("Bel me op 06 12345678", "06 12345678"),
    ('{"Handynummer": "0151 23456789"}', "0151 23456789"),
    ("Tel (+49) 89 1234567", "(+49) 89 1234567"),  # the country code in brackets: the bracket is in the span
]


@pytest.mark.parametrize(("text", "value"), PROSE_PHONES)
def test_phones_in_prose(brackets: PiiDetector, text: str, value: str) -> None:
    assert value in flagged(brackets, text, "PHONE_NUMBER")


HINTED_PHONES = [  # (text, number): the region comes from a script, a letter or common words of the text's language
    ("ติดต่อคุณสมชายได้ที่ 081 234 5678 ในวันทำการ", "081 234 5678"),  # Thai script: TH
    ("Anh Minh sẽ gọi lại cho chị, số của anh ấy là 0912 345 678 nhé", "0912 345 678"),  # Vietnamese letters
    ("Менеджерка Олена, її номер 050 123 4567, пише щодня", "050 123 4567"),  # Ukrainian ї/є before Russian
    ("Terima kasih, silakan hubungi kami di 0812-345-678 untuk jadwal pengiriman", "0812-345-678"),  # Indonesian
    ("Asante sana, Juma atakupigia kwa 0712 123456 kesho asubuhi", "0712 123456"),  # Swahili: Kenya
    ("Salamat po, kontakin ninyo si Ana sa 0905 123 4567 para sa detalye", "0905 123 4567"),  # Tagalog
    ("لطفاً با آقای رضایی با شمارهٔ 0912 345 6789 هماهنگ کنید", "0912 345 6789"),  # Persian letters: IR
    ("براہ کرم احمد صاحب سے 0301 2345678 پر بات کریں", "0301 2345678"),  # Urdu letters: PK
    ("অনুগ্রহ করে রহিমকে 01812-345678 নম্বরে জানান", "01812-345678"),  # Bengali script: BD
    ("Ystävällisin terveisin, Matti Virtanen, 041 2345678", "041 2345678"),  # a Finnish closing formula
    ("Ďakujem, ozvite sa pani Kováčovej na 0912 123 456, ľahko ju zastihnete", "0912 123 456"),  # Slovak ľ
    ("Simu ya ofisi: 0712 123456", "0712 123456"),  # the Swahili word for phone
    ("Telepon kantor 0812-345-678", "0812-345-678"),  # the Indonesian word
]


@pytest.mark.parametrize(("text", "value"), HINTED_PHONES)
def test_phones_by_the_texts_region(brackets: PiiDetector, text: str, value: str) -> None:
    assert flagged(brackets, text, "PHONE_NUMBER") == [value]


VERSIONS = [  # (text, rule): dotted quads that are no address
    ("Upgrade from 8.0.20.101 to 8.0.21.3 completed", "an update word before the pair"),
    ("aktualisiert von 8.0.20.101 auf 8.0.21.3", "German update verb"),
    ("Zentrix 10.2.0.118 → 10.2.0.119", "one end is a version (a product before it)"),
    ("8.0.20.101 → 8.0.21.3 güncellendi", "Turkish: the update verb after the pair"),
    ("8.0.20.101から8.0.21.3にアップデートしました", "Japanese particles and update word"),
    ("已从8.0.20.101升级到8.0.21.3", "Chinese 从…升级到"),
    ("verze 10.2.3.4", "Czech version word"),
    ("versio 10.2.3.4", "Finnish version word"),
    ("EUI-64 00:1a:2b:ff:fe:3c:4d:5e", "eight hex pairs: an EUI-64, no IPv6"),
]


@pytest.mark.parametrize(("text", "rule"), VERSIONS, ids=[r for _, r in VERSIONS])
def test_versions_are_no_addresses(brackets: PiiDetector, text: str, rule: str) -> None:
    assert flagged(brackets, text, "IP_ADDRESS") == [], rule


ADDRESS_PAIRS = [  # the same shapes stay addresses when nothing says version
    ("connection from 10.0.0.1 to 10.0.0.2 closed", ["10.0.0.1", "10.0.0.2"]),
    ("Verbindung von 10.0.0.1 nach 10.0.0.2", ["10.0.0.1", "10.0.0.2"]),
    ("NAT 10.0.0.1 -> 203.0.113.5", ["10.0.0.1", "203.0.113.5"]),  # an arrow is no version pin
    ("migrated host from 10.0.0.1 to 10.0.0.2", ["10.0.0.1", "10.0.0.2"]),  # an address word on the line
    ("fe80:0000:0000:0000:0204:61ff:fe9d:f156", ["fe80:0000:0000:0000:0204:61ff:fe9d:f156"]),
]


@pytest.mark.parametrize(("text", "values"), ADDRESS_PAIRS)
def test_address_pairs_stay(brackets: PiiDetector, text: str, values: list[str]) -> None:
    assert flagged(brackets, text, "IP_ADDRESS") == values


LOOKALIKES = [  # (text, entity, rule)
    ("Vertragsnummer 030 1234567", "PHONE_NUMBER", "a contract number word"),
    ("Aktenzeichen 030 1234567", "PHONE_NUMBER", "a file reference word"),
    ("Kto.-Nr. 0532 123 45 67", "PHONE_NUMBER", "an account word"),
    ("Steuernummer: 093/815/08152", "PHONE_NUMBER", "a tax number word"),
    ("size: 415 555 0132 bytes", "PHONE_NUMBER", "a unit after the digits: a quantity"),
    ("total 212 555 0143 EUR", "PHONE_NUMBER", "a currency after the digits: an amount"),
    ("IMEI: 35-209900-176148-1", "CREDIT_CARD", "an IMEI labelled as such"),
    ("MAC 001a.2b3c.4d5e", "IP_ADDRESS", "a MAC in Cisco's dotted form"),
    ("WWN 50:06:01:60:3b:20:19:5c", "IP_ADDRESS", "a Fibre Channel WWN"),
]


@pytest.mark.parametrize(("text", "entity", "rule"), LOOKALIKES, ids=[r for _, _, r in LOOKALIKES])
def test_lookalikes_rejected(brackets: PiiDetector, text: str, entity: str, rule: str) -> None:
    assert flagged(brackets, text, entity) == [], rule
