"""Constructions of the thirteenth session (tuning writer W13): table headers that are phrases, a cell's own words,
number signs and "Nr." before an id, contract and landline words, negations, region hints of more languages, and
the Japanese and Korean names of "@" and ".".

Every row is written for this test from how the language writes it; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_regions import regions

THRESHOLD = 0.4


def phones(pii: PiiDetector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == "PHONE_NUMBER" and f.score >= THRESHOLD]


# A header of more than four words is a header when a row of as many cells with a digit follows it; its first
# word that names a type or an identifier is what the column holds.
TABLES = [
    (  # a Portuguese export: the phone column's header is a phrase of eight words
        "ref;Telemóvel do destinatário para avisos de entrega por SMS;Valor (euros)\nA-1;912 345 678;12,50\n",
        ["912 345 678"],
    ),
    (  # Croatian: "contract number for mobile telephony services" holds contract numbers
        "Broj ugovora o pretplati na usluge mobilne telefonije\tPaket\n0641200345\tSmart\n0641200352\tBasic\n",
        [],
    ),
    (  # Croatian: "mobile phone number of the buyer for delivery notices" holds phones
        "Broj mobitela kupca za obavijesti o dostavi\tPaket\tIznos\n091 234 5678\tSmart\t12,00\n",
        ["091 234 5678"],
    ),
    (  # the same header over a prose line with as many commas: no row of numbers under it, no header
        "Dragi svi, broj mobitela kupca za obavijesti o dostavi, molim, javite se\nNazovite 091 234 5678 sutra.\n",
        ["091 234 5678"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_a_header_that_is_a_phrase(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected


def test_a_cell_with_words_of_its_own_is_not_read_by_its_header(pii: PiiDetector) -> None:
    header = "id;Mobiiltelefoni number tarne teavituste saatmiseks;summa\n"
    assert phones(pii, header + "1;5123 4567;9,90\n") == ["5123 4567"]
    assert phones(pii, header + "2;registrikood 51234567, mitte telefon;9,90\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Оферта № 0887 112 233 за климатици, моля потвърдете.", []),  # a number sign: the offer's number
        ("Тел. № 0887 112 233, моля обадете се.", ["0887 112 233"]),  # a phone word names what is numbered
        ("Jūsu vizīte Nr. 2614 0977 ir apstiprināta, paldies.", []),  # "Nr." numbers the appointment
        ("Jūsu tālrunis 2614 0977 ir apstiprināts, paldies.", ["2614 0977"]),
        ("Tālr. nr. 2614 0977, paldies.", ["2614 0977"]),
        ("Mane rasite nuo 9 val. ir skambinkite no. +370 612 34567", ["+370 612 34567"]),  # "+" marks a phone
        ("Qualquer dúvida me liga no (48) 93518 8042, estou no escritório até as 18h. Obrigado pela atenção.", ["(48) 93518 8042"]),  # `no` is "in the"
    ],
)
def test_a_number_sign_or_nr_before_an_id(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"πελάτης": "Νίκος Π.", "σταθερό": "2310 278 441"}', ["2310 278 441"]),  # Greek landline
        ('{"kupac": "Ana K.", "fiksni": "021/456-789"}', ["021/456-789"]),  # Serbian landline
        ('{"klient": "Mari T.", "lauatelefon": "6 123 457"}', ["6 123 457"]),  # Estonian landline
        ("Sutarties Nr 37061234567 galioja iki gruodžio.", []),  # Lithuanian contract: an id, not a phone
        ("Κωδικός 2310278441 (όχι τηλέφωνο).", []),  # a phone word under a negation names nothing
        ("Κωδικός 2310278441, τηλέφωνο.", ["2310278441"]),
    ],
)
def test_landline_contract_and_negation_words(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Rəşad bu gün ofisdə olacaq.", "AZ"),  # a letter only Azerbaijani writes
        ("Būsiu namie po pietų.", "LT"),
        ("Mēs būsim birojā līdz pieciem.", "LV"),
        ("Faleminderit, do të jem në zyrë nesër.", "AL"),
        ("Eskerrik asko, bihar bulegoan egongo naiz eta deituko dizut.", "ES"),  # Basque
        ("Grazas, xa estou na oficina ata as cinco.", "ES"),  # Galician
        ("Hvala, jutri bom v pisarni, lahko me pokličete.", "SI"),
    ],
)
def test_region_hints_of_more_languages(text: str, region: str) -> None:
    assert region in regions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je vous envoie un devis par courrier, merci de le signer.",  # French `je`, `un`, `par`, `se` alone
        "Su pedido llegará el mes que viene, gracias.",  # Spanish `su`, `mes`
    ],
)
def test_common_words_of_a_major_language_give_no_baltic_or_slovene_hint(text: str) -> None:
    assert not {"LV", "LT", "SI", "AL"} & set(regions(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("メール: misaki.t アットマーク sakura-shoji.co.jp まで", "misaki.t アットマーク sakura-shoji.co.jp"),
        ("문의는 cs 골뱅이 haneul-mall 닷 com 으로 주세요", "cs 골뱅이 haneul-mall 닷 com"),
    ],
)
def test_japanese_and_korean_names_of_at_and_dot(text: str, value: str) -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    found = [text[f.start : f.end] for f in pii.scan(text) if f.entity == "EMAIL_ADDRESS"]
    assert found == [value]


def test_an_unambiguous_at_name_before_prose_with_a_domain_is_not_an_address() -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    text = "A arroba é um símbolo antigo. Veja example.com para saber mais."
    assert [f for f in pii.scan(text) if f.entity == "EMAIL_ADDRESS"] == []
