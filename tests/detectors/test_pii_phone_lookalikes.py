"""Phone numbers and the numbers written like them: one table, a row per rule that tells them apart.

A call or chat transcript asks for a number on one line and gets it alone on the next ("Agent: And your policy
number? ⏎ Caller: It's 617 555 0144."): the question names the number. A JSON value written without quotes is a
number literal (`"lat":24.713552`), and a float is never a phone. Every row is written for this test; none comes
from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector

THRESHOLD = 0.5


def phones(pii: PiiDetector, text: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == "PHONE_NUMBER" and f.score >= THRESHOLD]


CASES = [
    # --- a reply to a question that names the number ---
        # the question names an identifier: the reply is that identifier
        ("Agent: Could I have your policy number?\nCaller: Sure, it's 617 555 0144.", []),
        ("Operador: ¿Me dice el número de contrato?\nCliente: Sí, 640 118 273.", []),
        ("Mitarbeiter: Und Ihre Kundennummer?\nKundin: 089 2209 4487", []),
        # the question names a phone: the reply is one
        ("Agent: What's the best phone number to reach you?\nCaller: 617 555 0144", ["617 555 0144"]),
        # the reply corrects itself: it says what it gave
        ("Agent: What is your order number?\nCaller: 617 555 0144, no wait, that is my mobile number.",
         ["617 555 0144"]),
        # no question above: the number stands on its own
        ("Agent: Thanks for calling.\nCaller: 617 555 0144", ["617 555 0144"]),
        # a reply with a number before it is not the number alone
        ("Agent: And your policy number?\nCaller: Flat 4, then call 617 555 0144 after six.", ["617 555 0144"]),
    # --- a json float is no phone ---
        ('{"site":"depot 4","lat":48.137154,"alt_m":519,"lon":11.576124}', []),
        ('{"reading": 21.447815, "unit": "C"}', []),
        ('{"المدينة":"جدة","خط_العرض":21.485811,"خط_الطول":39.192505}', []),
        # a phone written as a string value stays one
        ('{"name":"Ana","phone":"+34 644 019 372"}', ["+34 644 019 372"]),
    # --- a code before the digits ---
        # a code in capitals, or letters and digits, one space before the digits: the rest of a longer code
        ("Bike for sale, frame no. KX 0653 7719, collect in person.", []),
        ("Card terminal TID 0382 7714 declined the payment.", []),
        ("Parcel 1Z 8H2 W47 03 6127 2853 is out for delivery.", []),
        # the abbreviations people write a phone with
        ("Call me: TEL 0612 345 678", ["0612 345 678"]),
        ("Bán xe, LH 097 221 4408 (chính chủ)", ["097 221 4408"]),
        # a line in capitals, and a bracketed area code
        ("11/07  PAYMENT FROM (415) 555-0182  RENT", ["(415) 555-0182"]),
    # --- more non phones ---
        # a meeting id typed after a dial-in number ends with `#`
        ("Dial in: +44 20 7946 0321,,4418 2093#", ["+44 20 7946 0321"]),
        # a Thai date in the Buddhist era
        ("เริ่มงาน 15/06/2569 โทร 081 234 5678", ["081 234 5678"]),
        # a closed compound key names its kind last: a version, a phone
        ('{"klientversion": "8.4.2.17", "kundentelefon": "030 901820"}', ["030 901820"]),
    # --- identifier words ---
        # identifiers written like phone numbers, named in their language (the lexicon's identifier words)
        ("Numero polizza 348 112 9045, scadenza marzo.", []),
        ("Zählernummer 0172 4583 906 – Ablesung am 3. Mai", []),
        ("契約番号 03-5871-2046 のご案内", []),
        ("Tiketi: namba ya mita 0172 4583 9061", []),
        # the same digits named as a phone
        ("電話 03-5871-2046 までご連絡ください", ["03-5871-2046"]),
        # a compound abbreviated with `nr` names an identifier, unless its head names a phone or a line
        ("Vertretung: Personalnr. 0172 5180 44", []),
        ("Mobilnr. 0172 5180 440", ["0172 5180 440"]),
        ("Durchwahlnr. 089 2209 4487", ["089 2209 4487"]),
        # call verbs and phone nouns in more languages make a bare run of digits a phone
        ("Glaoigh ar 0871234567 tar éis a sé.", ["0871234567"]),
        ("Zavolej mi na 606123456 zítra.", ["606123456"]),
        # an account number in Chinese is an identifier
        ("手機: +886 935 003 117\n薪轉帳戶: 銀行代碼 686 帳號 360024338283", ["+886 935 003 117"]),
        # Portuguese "no" is "on the": a phone word after it is not negated; English "no" still negates
        ("Fale com a gente no WhatsApp (11) 98412-0770.", ["(11) 98412-0770"]),
        ("No phone number: 0612 345 678 is the order.", []),
        # a word that labels the next number is not the previous one's
        ("Notar: 021 312 44 80, dosarul 2213/44/2026", ["021 312 44 80"]),
    # --- dates are dates in every script's digits, with a time after them, or stamped into an id ---
        ("تلفن: ۰۹۱۲ ۴۸۳ ۳۰۷۷ — تاریخ جلسه: ۱۴۰۵/۰۹/۱۰", ["۰۹۱۲ ۴۸۳ ۳۰۷۷"]),
        ("ফোন: ০১৭১১-৪০৮২৭৩, সভার তারিখ ০৩/১২/২০২৬", ["০১৭১১-৪০৮২৭৩"]),
        ("28/11/26 19.02 - Rina: nomor WA aku +62 857-3041-8827\n28/11/26 19.10 - Budi: oke, nanti aku telepon",
         ["+62 857-3041-8827"]),
        ("Call 030 2204 1187 about the delivery 20261201-0418.", ["030 2204 1187"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phones_and_their_look_alikes(pii: PiiDetector, text: str, expected: list[str]) -> None:
    assert phones(pii, text) == expected
