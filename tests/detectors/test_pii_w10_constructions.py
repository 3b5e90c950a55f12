"""Constructions of the twelfth session (tuning writers W10-W12): groupings of national numbers, region hints
(weekdays, currencies, letters), spelled-out e-mail addresses, identifier words, tables and IBANs.

Every row is written for this test from how the language writes it; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_checks import iban_ok
from gateway.detectors.pii_phone import _valid
from gateway.detectors.pii_regions import regions

THRESHOLD = 0.4


def flagged(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("number", "region", "valid"),
    [
        ("91 123 45 67", "ES", True),  # Madrid: a two-digit area code, then 3-2-2 as the plan groups
        ("911 23 45 67", "ES", True),  # the plan's own grouping
        ("9112 34 567", "ES", False),  # neither: the last groups are not the plan's
        ("030 1234 5678", "DE", True),
    ],
)
def test_an_area_code_of_another_length(number: str, region: str, valid: bool) -> None:
    assert _valid(number, (region,)) is valid


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Abierto de lunes a viernes, 9 a 14 h.", "ES"),
        ("Geöffnet montags bis freitags.", "DE"),
        ("Otwarte od poniedziałku, w czwartek krócej.", "PL"),
        ("Avoin maanantaista perjantaihin.", "FI"),
        ("Nyitva hétfőtől péntekig.", "HU"),
        ("Buka Senin sampai Jumat.", "ID"),
    ],
)
def test_a_weekday_name_points_to_its_language(text: str, region: str) -> None:
    assert region in regions(text)


def test_a_madrid_number_in_a_spanish_notice(pii: PiiDetector) -> None:
    text = "Oficina central en Madrid: 91 123 45 67, de lunes a viernes."
    assert flagged(pii, text, "PHONE_NUMBER") == ["91 123 45 67"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Escríbeme a rodrigo.almeida arroba correofamilia punto example", "rodrigo.almeida arroba correofamilia punto example"),
        ("Pište na jan.novak zavináč posta tečka cz, díky.", "jan.novak zavináč posta tečka cz"),
        ("Пишите: irina_k собака mail точка ru", "irina_k собака mail точка ru"),
        ("mail me: ana87 at mail dot com", "ana87 at mail dot com"),
        ("Mejl: esther dot visser snabel-a hemma punkt se", "esther dot visser snabel-a hemma punkt se"),
    ],
)
def test_a_spelled_out_address_with_a_mailbox_local_part_under_brackets(text: str, value: str) -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    assert flagged(pii, text, "EMAIL_ADDRESS") == [value]


@pytest.mark.parametrize(
    ("text", "under_words"),
    [
        ("Have a look at example dot org for the docs.", "look at example dot org"),
        ("I work at acme dot com these days.", "work at acme dot com"),
    ],
)
def test_prose_before_a_spelled_at_is_no_mailbox_under_brackets(text: str, under_words: str) -> None:
    brackets = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    words = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.WORDS)
    assert flagged(brackets, text, "EMAIL_ADDRESS") == []
    assert flagged(words, text, "EMAIL_ADDRESS") == [under_words]  # `words` reads any spelled form


ROUND_PHONES = [  # (text, the phone as found): constructions after the tenth to twelfth tuning writers
    ("Per a reserves, més info al 900 41 27 63 amb cita prèvia.", "900 41 27 63"),  # Catalan; 3-2-2-2 of ES
    ("Contacto: +351 22 418 3307 / 912 604 118", "+351 22 418 3307"),  # two numbers joined by a spaced slash
    ("Contacto: +351 22 418 3307 / 912 604 118", "912 604 118"),
    ("Met vriendelijke groet,\nDaan de Wit\n0318 - 472 290", "0318 - 472 290"),  # a spaced hyphen after the area
    ("Bestu kveðjur,\nÞórdís\n847 3310", "847 3310"),  # Icelandic letters point to Iceland
    ("Vendo sofá retrátil por R$ 890, retirar no centro. (21) 98744-1302", "(21) 98744-1302"),  # real -> Brazil
    ('{"nev": "Tóth Anna", "vezetekes": "06 1 339 2840"}', "06 1 339 2840"),  # Hungarian "landline" key
    ('{"nimi": "Kadri Tamm", "mobiil": "5128 4471"}', "5128 4471"),  # Estonian "mobile" key
    (  # a prose line with commas is no table header: its words do not label the next line's cells
        "Uprzejmie informujemy, że kwota 120,50 zł wróci na rachunek podany w zgłoszeniu:\n"
        "Kontakt: Anna Wójcik, anna.w@poczta.example, tel. +48 601 220 418.",
        "+48 601 220 418",
    ),
    ("Met vriendelijke groet,\nJoris Vink\n0318 - 47 22 90", "0318 - 47 22 90"),  # subscriber digits in pairs
    ("للتواصل مع المعرض: 0551 208 774", "0551 208 774"),  # Arabic "to contact"
]


@pytest.mark.parametrize(("text", "value"), ROUND_PHONES)
def test_round_phones(pii: PiiDetector, text: str, value: str) -> None:
    assert value in flagged(pii, text, "PHONE_NUMBER")


ROUND_NOT_PHONES = [  # (text, the number that is no phone, rule)
    ("受付番号 080-3311-7429 の修理品は来週発送します。", "080-3311-7429", "a Japanese id compound with 番号"),
    ("Mã đơn hàng 0987 220 415 đã được giao.", "0987 220 415", "Vietnamese mã (code)"),
    ("Ditt bokningsnummer är 318-440-27, ta med det.", "318-440-27", "a booking word (Swedish)"),
    ("Tổng cộng 15.400.000 đ, thanh toán trước ngày 20.", "15.400.000", "an amount in dong"),
    ("Phí dịch vụ 2.750.000 đồng đã bao gồm thuế.", "2.750.000", "an amount in dong, spelled"),
    ("รหัสสมาชิก 44-205-118 ใช้สำหรับสะสมแต้ม", "44-205-118", "Thai รหัส (code)"),
    ("el SSN de tu socio figura como 666-21-4870, que no es válido.", "666-21-4870", "the SSN's 3-2-4 shape"),
    ("emp_id,name,ssn,state\n4471208,\"Lane, Ada\",912-00-3141,WA", "912-00-3141", "WA is a state"),
    ("ugyfelszam;csomag;dij\n30/512-4471;alap;9 990 Ft", "30/512-4471", "a Hungarian customer-number column"),
    ('{"titular": "Ion Pop", "cod_client": "0744 218 3301"}', "0744 218 3301", "a Romanian client code key"),
    ("Khách: đơn 230511-7742 của mình giao chưa?", "230511-7742", "Vietnamese đơn (order)"),
    ("il codice tessera 0612 4471 88 non è un telefono", "0612 4471 88", "an Italian negation with è"),
]


@pytest.mark.parametrize(("text", "value", "rule"), ROUND_NOT_PHONES)
def test_round_not_phones(pii: PiiDetector, text: str, value: str, rule: str) -> None:
    assert value not in flagged(pii, text, "PHONE_NUMBER"), rule


def test_a_portuguese_version_key_holds_no_address(pii: PiiDetector) -> None:
    assert flagged(pii, "app: agenda\nversao: 4.1.0.27\nporta: 8080", "IP_ADDRESS") == []


W11_EMAILS = [  # the names of "@" and "." of five more languages, in brackets
    "Piši mi na ana.novak (afna) posta (pika) si",
    "Escriu a jordi.puig (arrova) correu (punt) cat",
    "Rašykite: tomas.kairys (eta) pastas (taškas) lt",
    "כתבו ל- dana.levi (שטרודל) mail (נקודה) co.il",
    "راسلني على sami.k (آت) mail (دوت) com",
]


@pytest.mark.parametrize("text", W11_EMAILS)
def test_at_and_dot_words_of_more_languages(text: str) -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    assert len(flagged(pii, text, "EMAIL_ADDRESS")) == 1


W12_EMAILS = [  # (text, the address as found) under brackets
    ("ติดต่อ somchai.k แอท mail ดอท co ดอท th", "somchai.k แอท mail ดอท co ดอท th"),  # Thai, spelled
    ("Scrieți la ion.pop (la) posta (punct) ro", "ion.pop (la) posta (punct) ro"),  # Romanian
    ("Javite se: marko.h (et) posta (točka) hr", "marko.h (et) posta (točka) hr"),  # Croatian
    ("Liên hệ: minh.le (a còng) thu (chấm) vn", "minh.le (a còng) thu (chấm) vn"),  # Vietnamese
    ("मेल करें: ravi.k एट mail डॉट in", "ravi.k एट mail डॉट in"),  # Hindi, spelled
    ("連絡先 tanaka.k あっと mail どっと jp", "tanaka.k あっと mail どっと jp"),  # Japanese, spelled
    ("Пишіть: olena.m собачка poshta крапка ua", "olena.m собачка poshta крапка ua"),  # Ukrainian, spelled
    ("문의: minsu 골뱅이 mail 점 kr", "minsu 골뱅이 mail 점 kr"),  # a name of "@" that means nothing else
    ("לפרטים: yoni שטרודל mail נקודה co נקודה il", "yoni שטרודל mail נקודה co נקודה il"),
]


@pytest.mark.parametrize(("text", "value"), W12_EMAILS)
def test_w12_spelled_addresses(text: str, value: str) -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    assert flagged(pii, text, "EMAIL_ADDRESS") == [value]


def test_prose_with_a_word_that_also_names_at_is_not_an_address() -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    assert flagged(pii, "Moja собака спит точка ру и всё.", "EMAIL_ADDRESS") == []  # "dog": a mailbox needs a shape


def test_the_digits_inside_an_iban_are_no_card(pii: PiiDetector) -> None:
    text = "Cont: RO57 BTRL 4111 7204 1599 3022, titular Ion Pop"  # a Luhn-valid Visa run in its account digits
    iban = "RO57 BTRL 4111 7204 1599 3022"
    assert flagged(pii, text, "IBAN_CODE") == [iban]
    assert flagged(pii, text, "CREDIT_CARD") == []


def test_an_iranian_iban() -> None:
    assert iban_ok("IR062960000000100324200001")
