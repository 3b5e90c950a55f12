"""PII look-alikes: one row per rule that rejects them, and the real identifiers those rules must keep.

The rows were written for these tests from the standards (SSA ranges, ISO/IEC 7812 prefixes, the
IBAN registry, E.164) and the shapes of everyday identifiers; none is taken from an evaluation set."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gateway.detectors.config import GuardConfig
from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_checks import aba_ok, card_network, embedded, iban_ok, luhn_ok, ssn_ok

THRESHOLD = 0.4  # the shipped guard's


def flagged(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


# (text, entity, rule that rejects it)
LOOKALIKES = [
    # IP: a real parse, no version/OID context, at most four parts, no MAC or time
    ("Agent 8.0.20.101 installed on all hosts", "IP_ADDRESS", "a product/agent word right before: a version"),
    ("upgraded to version 10.2.0.1 last night", "IP_ADDRESS", "'version' right before"),
    ("kernel build: 4.18.0.553", "IP_ADDRESS", "'build' right before"),
    ("running v 2.4.1.7", "IP_ADDRESS", "'v' right before"),
    ("app 3.1.4.15-beta is out", "IP_ADDRESS", "a '-suffix' makes it a version"),
    ("walk OID 1.3.6.1.4.1.2021.10.1.3.1", "IP_ADDRESS", "more than four dotted parts"),
    ("snmp oid 1.3.6.1", "IP_ADDRESS", "'oid' right before"),
    ("peer 300.12.1.4 refused", "IP_ADDRESS", "an octet above 255 does not parse"),
    ("NIC 00:1A:2B:3C:4D:5E up", "IP_ADDRESS", "six hex pairs with colons: a MAC"),
    ("started 10:30:45 UTC", "IP_ADDRESS", "a time, not an IPv6 address"),
    ("use std::vector here", "IP_ADDRESS", "C++ scope, no digits"),
    ("probe ::1:9090 answered", "IP_ADDRESS", "IPv6's reserved ::/8: the loopback written with a port"),
    ("ff02::fb   mdns-group", "IP_ADDRESS", "an IPv6 multicast group names no machine"),
    ('{"الإصدار": "4.12.9.3"}', "IP_ADDRESS", "Arabic 'إصدار' (version) as its key"),
    # phone: not embedded, not a date/amount/quad, no identifier word nearest, bare runs need a phone word
    ("created 1700000000 by the job", "PHONE_NUMBER", "a bare digit run with no phone word (epoch seconds)"),
    ("order 212-555-0143 shipped", "PHONE_NUMBER", "'order' is the nearest context word"),
    ("Bestellnummer 030 1234 5678 bestätigt", "PHONE_NUMBER", "German identifier stem 'bestell'"),
    ("numéro de commande 01 23 45 67 89", "PHONE_NUMBER", "French 'commande'"),
    ("注文番号 03-1234-5678 を確認", "PHONE_NUMBER", "Japanese 注文 (order)"),
    ("part 12-3456-7890-A in stock", "PHONE_NUMBER", "'part' word; the run is glued to a suffix"),
    ("tracking 1Z999AA10123456784 delivered", "PHONE_NUMBER", "digits glued into a longer token"),
    ("at 2026-03-14 09:26:53", "PHONE_NUMBER", "a date and a time"),
    ("total 1234567.89 EUR", "PHONE_NUMBER", "a decimal amount"),
    ("id 550e8400-e29b-41d4-a716-446655440000", "PHONE_NUMBER", "UUID groups are glued to hex"),
    ("ISBN 978-3-16-148410-0", "PHONE_NUMBER", "'isbn' word"),
    ("replace with 1234-5678-90 when worn", "PHONE_NUMBER", "a valid UK number, but not grouped like one"),
    ("order_id;customer;phone\n212-555-0143;Ana;n/a", "PHONE_NUMBER", "its CSV column header is 'order_id'"),
    ("serial 212 555 0143 on the label", "PHONE_NUMBER", "'serial' word"),
    ("Rodné číslo: 785524/1234", "PHONE_NUMBER", "a Czech birth number: national-ID names are identifier words"),
    ("Narudžba br. 091 234 5678", "PHONE_NUMBER", "Croatian 'narudžb' (order)"),
    ("Номер замовлення 044 123 4567 оброблено", "PHONE_NUMBER", "Ukrainian 'замовлен' (order)"),
    ("הזמנה 052-123-4567", "PHONE_NUMBER", "Hebrew 'הזמנה' (order)"),
    ("Endereço de entrega, CEP 04538-132, São Paulo", "PHONE_NUMBER", "a Brazilian CEP's 5-3 shape"),
    ("tel. do titular, CPF 390.533.447-05", "PHONE_NUMBER", "a CPF's 3.3.3-2 shape, even after a phone word"),
    ("ligar para a matriz, CNPJ 11.222.333/0001-81", "PHONE_NUMBER", "a CNPJ's shape"),
    ("call site at 48.85661, 2.35222 tomorrow", "PHONE_NUMBER", "a latitude/longitude pair"),
    ("Archived record 40512388. Contact us with questions", "PHONE_NUMBER", "a phone word after a sentence end"),
    ("ledger;holder\n40512388;desk@shop.example", "PHONE_NUMBER", "a word inside an e-mail address is no context"),
    ("Ship to: 12 Elm St, Dover, DE 19901-4433", "PHONE_NUMBER", "a ZIP+4 code after its state"),
    ("alert: call the pager\nuptime_since=1733312000", "PHONE_NUMBER", "a neutral key of its own: lines above do not label it"),
    ("Org.nr: 802411-3319", "PHONE_NUMBER", "a Swedish organisation number"),
    ("Viite: 4010 22831", "PHONE_NUMBER", "Finnish 'viite' (reference)"),
    ("給与振込口座: 3378190", "PHONE_NUMBER", "Japanese 口座 (account)"),
    ("Dial-in passcode: 8823417#", "PHONE_NUMBER", "a conference passcode"),
    ("INSERT INTO contacts (name, mobile) VALUES ('Test user', '000 000 0000');", "PHONE_NUMBER",
     "a placeholder of one repeated digit"),
    ("Входящий остаток: 2 083 881,07 ₽", "PHONE_NUMBER", "cents and a currency after: an amount"),
    ("Pojištěnec: Eva Malá, 855203/1147", "PHONE_NUMBER", "a birth number's YYMMDD/NNNN shape"),
    ("Betalning till bankgiro 5521-3307 senast på fredag", "PHONE_NUMBER", "Swedish 'bankgiro' (a payment account)"),
    ("Betreff: AW: 2025-44718\n\nHallo Jonas, anbei die Unterlagen.", "PHONE_NUMBER", "a document numbered within its year"),
    ("Rückruf erbeten wegen Vorgang (#5512034)", "PHONE_NUMBER", "a number sign before an id"),
    ("Oppdateringen til 6.4.2210.1187 er ferdig", "PHONE_NUMBER", "Norwegian 'oppdater*' (update)"),
    ("SMS | کد ملی 0045127733 معتبر نیست", "PHONE_NUMBER", "Persian 'کد ملی' (national code), two words"),
    # card: Luhn + network, not embedded, no identifier word nearest
    ("4111 1111 1111 1112 on file", "CREDIT_CARD", "fails Luhn"),
    ("IMEI 490154203237518 registered", "CREDIT_CARD", "Luhn-valid, but no network issues 15 digits at 49"),
    ("ref 7992739871300008 noted", "CREDIT_CARD", "Luhn-valid, but no network starts with 7"),
    ("commit 4f1d2c3b5a6e7d8f9012345678901234567890ab", "CREDIT_CARD", "digits inside a hash"),
    ("md5 4111111111111111aabbccddeeff0011", "CREDIT_CARD", "a Luhn-valid run glued to hex"),
    ("tracking 4111111111111111 ready", "CREDIT_CARD", "'tracking' is the nearest context word"),
    ("masked 4111 **** **** 1111", "CREDIT_CARD", "masked digits"),
    ("EAN 4006381333931 on the box", "CREDIT_CARD", "13 digits at 40 fail Luhn (an EAN check digit)"),
    ("FedEx 6129 9876 5434 picked up", "CREDIT_CARD", "Luhn-valid 12 digits at 61: Maestro length, no card word"),
    ("shipment 123456789012347 left", "CREDIT_CARD", "Luhn-valid 15 digits at 1: no card word"),
    # SSN: SSA ranges, separators, ABA routing, context
    ("SSN 000-12-3456", "US_SSN", "area 000 never issued"),
    ("SSN 666-12-3456", "US_SSN", "area 666 never issued"),
    ("SSN 912-12-3456", "US_SSN", "area 9xx never issued"),
    ("SSN 123-00-4567", "US_SSN", "group 00 never issued"),
    ("SSN 123-45-0000", "US_SSN", "serial 0000 never issued"),
    ("routing 021000021 for the wire", "US_SSN", "an unbroken run needs the SSN word"),
    ("invoice 536-90-4399 paid", "US_SSN", "'invoice' is the nearest context word"),
    ("order#536-90-4399 paid", "US_SSN", "'#' after an identifier word joins one token"),
    ("build 1234-56-789 passed", "US_SSN", "not the 3-2-4 shape"),
    # IBAN: country length and mod-97
    ("IBAN DE89 3704 0044 0532 0130 01", "IBAN_CODE", "fails mod-97"),
    ("IBAN DE89 3704 0044 0532 0130", "IBAN_CODE", "shorter than Germany's 22 characters"),
    ("code XX89370400440532013000", "IBAN_CODE", "no such country"),
    ("hash de89370400440532013000ab", "IBAN_CODE", "glued into a longer token"),
    # e-mail: a public suffix; obfuscated forms off unless the rule asks
    ("user@localhost is the default", "EMAIL_ADDRESS", "no public suffix"),
    ("write to ana [at] example [dot] com", "EMAIL_ADDRESS", "obfuscated forms are off by default"),
    ("git clone git@forge.acme.com:tools/cli.git", "EMAIL_ADDRESS", "scp's user@host:path is a login"),
    ("REMOTE=ssh://deploy@build.acme.com/srv/app", "EMAIL_ADDRESS", "a URL's user part is a login"),
]


@pytest.mark.parametrize(("text", "entity", "rule"), LOOKALIKES, ids=[r for _, _, r in LOOKALIKES])
def test_lookalike_rejected(pii: PiiDetector, text: str, entity: str, rule: str) -> None:
    assert flagged(pii, text, entity) == [], rule


REAL = [
    ("server 8.8.4.4 answered", "IP_ADDRESS", "8.8.4.4"),
    ("Accepted password for root from 192.168.1.20 port 22", "IP_ADDRESS", "192.168.1.20"),
    ("link-local fe80::1 and 2001:db8::ff00:42:8329", "IP_ADDRESS", "2001:db8::ff00:42:8329"),
    ("reach me on +44 20 7946 0958", "PHONE_NUMBER", "+44 20 7946 0958"),
    ("mobile 0049 30 1234567", "PHONE_NUMBER", "0049 30 1234567"),
    ("Rufen Sie mich an unter 030 12345678, die Nummer ist nicht geheim", "PHONE_NUMBER", "030 12345678"),
    ("電話 03-1234-5678 まで", "PHONE_NUMBER", "03-1234-5678"),
    ("212-555-0143", "PHONE_NUMBER", "212-555-0143"),
    ("appelez le 01\u202f23\u202f45\u202f67\u202f89", "PHONE_NUMBER", "01\u202f23\u202f45\u202f67\u202f89"),
    ("Rückruf bitte, die 0151 1234 5678 ist mein Handy nicht", "PHONE_NUMBER", "0151 1234 5678"),
    ("order desk phone 212-555-0143", "PHONE_NUMBER", "212-555-0143"),
    ('{"customerPhone": "4155550132"}', "PHONE_NUMBER", "4155550132"),
    ("id,name,phone,created\n17,Ana,0612345678,1700000000", "PHONE_NUMBER", "0612345678"),  # column header
    ("id,name,phone,created\n17,Ana,+34 612 345 678,1700000000", "PHONE_NUMBER", "+34 612 345 678"),
    ("5555 5555 5555 4444 exp 12/29", "CREDIT_CARD", "5555 5555 5555 4444"),
    ("amex 3782 822463 10005", "CREDIT_CARD", "3782 822463 10005"),
    ("paid with 6011111111111117", "CREDIT_CARD", "6011111111111117"),
    ("Kreditkarte 4012888888881881 gesperrt", "CREDIT_CARD", "4012888888881881"),
    ("card number 630400000000 expired", "CREDIT_CARD", "630400000000"),
    ("SSN: 536904399", "US_SSN", "536904399"),
    ("ssn 536 90 4399", "US_SSN", "536 90 4399"),
    ("SSN 536–90–4399", "US_SSN", "536–90–4399"),  # a typeset en dash
    ("SSN#536-90-4399", "US_SSN", "536-90-4399"),  # '#' after the type's own word is a label
    ("Tel#0612345678 Ana", "PHONE_NUMBER", "0612345678"),
    ("WhatsApp: 11 98765-4321", "PHONE_NUMBER", "11 98765-4321"),  # a camel-cased brand is its whole word too
    ("Zavolejte mi na 602 123 456, děkuji", "PHONE_NUMBER", "602 123 456"),
    ("Proszę dzwonić pod 22 123 45 67", "PHONE_NUMBER", "22 123 45 67"),
    ("pode me ligar para o telemóvel 912345678", "PHONE_NUMBER", "912345678"),
    ("vous pouvez me rappeler au 07 00 11 22 33", "PHONE_NUMBER", "07 00 11 22 33"),
    ("send it to +420 651 234 567 please", "PHONE_NUMBER", "+420 651 234 567"),  # a possible length, unallocated range
    ("write to ana@mail.acme.com: she answers", "EMAIL_ADDRESS", "ana@mail.acme.com"),
    ("אפשר להתקשר ב-052-765-4321 בערב", "PHONE_NUMBER", "052-765-4321"),  # a Hebrew prefix letter is a word
    ("Зателефонуйте на (067) 123-45-67 завтра", "PHONE_NUMBER", "(067) 123-45-67"),
    ("Apel: 021 315 4420, PIN 5512#", "PHONE_NUMBER", "021 315 4420"),  # Romanian 'apel' (call) before a PIN
    ("會議撥入號碼: 02-2345-6789", "PHONE_NUMBER", "02-2345-6789"),
    # "social security" in the claimed languages labels an unbroken run too
    ("社会保障番号: 536904399", "US_SSN", "536904399"),
    ("номер социального страхования: 536904399", "US_SSN", "536904399"),
    ("numéro de sécurité sociale (USA) : 536904399", "US_SSN", "536904399"),
    ("sosyal güvenlik no: 536904399", "US_SSN", "536904399"),
    ("IBAN FR14 2004 1010 0505 0001 3M02 606 bitte", "IBAN_CODE", "FR14 2004 1010 0505 0001 3M02 606"),
    ("konto NL91-ABNA-0417-1643-00", "IBAN_CODE", "NL91-ABNA-0417-1643-00"),
    # tables: a column's header labels its cells, in quoted CSV and in SQL dumps
    ("sku,amount,notes,phone\nAB-77,\"1,200\",order pending,612 345 678", "PHONE_NUMBER", "612 345 678"),
    ("工号,姓名,手机\nA17,王芳,13912345678", "PHONE_NUMBER", "13912345678"),
    ("INSERT INTO `calls` (`phone`, `order_no`) VALUES\n('0171 2345678', 11),\n('0160 9876543', 77123);",
     "PHONE_NUMBER", "0160 9876543"),
    ("INSERT INTO staff (id, mail) VALUES (1, 'ana.sousa@mail.acme.com');", "EMAIL_ADDRESS", "ana.sousa@mail.acme.com"),
    ("payee,tin_kind,tin\nRay Cole,SSN,536-90-4399", "US_SSN", "536-90-4399"),
    ("Kaunas office: Maršrutizatorius 172.18.40.9, kaukė 255.255.0.0", "IP_ADDRESS", "172.18.40.9"),
    ("Vendor note: the contractor lists 536-90-4399 on the form", "US_SSN", "536-90-4399"),
    ("Nomor jaminan sosialnya 536904399, tolong dicek", "US_SSN", "536904399"),
    ("Набери мене на 067 523 74 65, будь ласка", "PHONE_NUMBER", "067 523 74 65"),
]


@pytest.mark.parametrize(("text", "entity", "value"), REAL)
def test_real_identifiers_kept(pii: PiiDetector, text: str, entity: str, value: str) -> None:
    assert value in flagged(pii, text, entity)


@pytest.mark.parametrize(
    ("option", "text", "value"),
    [
        (ObfuscatedEmails.BRACKETS, "mail ana[at]example.de", "ana[at]example.de"),
        (ObfuscatedEmails.BRACKETS, "ana (at) example [dot] com", "ana (at) example [dot] com"),
        (
            ObfuscatedEmails.BRACKETS,
            "ana {at} mail {punkt} example {punkt} de",
            "ana {at} mail {punkt} example {punkt} de",
        ),
        (ObfuscatedEmails.BRACKETS, "mail ana@example[.]com", "ana@example[.]com"),
        (ObfuscatedEmails.BRACKETS, "連絡先 tanaka＠example.co.jp まで", "tanaka＠example.co.jp"),
        (ObfuscatedEmails.BRACKETS, "npm i left-pad@1.3.0", None),
        (ObfuscatedEmails.BRACKETS, "ana at example dot com", None),  # spelled words need `words`
        (ObfuscatedEmails.BRACKETS, "j.doe [at] nowhere [dot] notatld", None),  # no public suffix
        (ObfuscatedEmails.WORDS, "ana at example dot com", "ana at example dot com"),
        (ObfuscatedEmails.WORDS, "meet at noon dot", None),
        (ObfuscatedEmails.WORDS, "look at example.com", None),  # a real dot after 'at' stays prose
        (ObfuscatedEmails.OFF, "ana[at]example.de", None),
    ],
)
def test_obfuscated_emails_follow_the_option(option: ObfuscatedEmails, text: str, value: str | None) -> None:
    detector = PiiDetector("pii", ["EMAIL_ADDRESS"], obfuscated_emails=option)
    assert flagged(detector, text, "EMAIL_ADDRESS") == ([value] if value else [])


@pytest.mark.parametrize(
    ("digits", "network"),
    [
        ("4111111111111111", "visa"),
        ("4222222222222", "visa"),
        ("5105105105105100", "mastercard"),
        ("2223000048400011", "mastercard"),
        ("378282246310005", "amex"),
        ("30569309025904", "diners"),
        ("3530111333300000", "jcb"),
        ("6011000990139424", "discover"),
        ("6200000000000005", "unionpay"),
        ("2200123456789010", "mir"),
        ("490154203237518", None),  # an IMEI
        ("7992739871300008", None),  # Luhn-valid, no network
        ("41111111111111", None),  # Visa has no 14-digit cards
        ("6304000000000000", "maestro"),
        ("630400000000", None),  # 12-digit Maestro: only with a card word
    ],
)
def test_card_network_table(digits: str, network: str | None) -> None:
    assert card_network(digits) == network


@pytest.mark.parametrize(
    ("check", "value", "expected"),
    [
        (luhn_ok, "79927398713", True),
        (luhn_ok, "79927398710", False),
        (iban_ok, "GB82 WEST 1234 5698 7654 32", True),
        (iban_ok, "GB82 WEST 1234 5698 7654", False),  # right checksum family, wrong length
        (iban_ok, "NO9386011117947", True),
        (aba_ok, "021000021", True),
        (aba_ok, "021000022", False),
    ],
)
def test_checksums(check: object, value: str, expected: bool) -> None:
    assert check(value) is expected  # type: ignore[operator]


@pytest.mark.parametrize(
    ("area", "group", "serial", "ok"),
    [("536", "90", "4399", True), ("000", "12", "3456", False), ("666", "12", "3456", False),
     ("900", "12", "3456", False), ("123", "00", "4567", False), ("123", "45", "0000", False),
     ("111", "11", "1111", False), ("078", "05", "1120", False)],
)  # fmt: skip
def test_ssn_ranges(area: str, group: str, serial: str, ok: bool) -> None:
    assert ssn_ok(area, group, serial) is ok


@pytest.mark.parametrize(
    ("text", "span", "inside"),
    [
        ("abc4111111111111111", (3, 19), True),
        ("ORD-12345678 x", (4, 12), True),
        ("e89b-426614174000", (5, 17), True),
        ("1.2.3.4.5", (0, 7), True),
        ("call 555-0199-Office", (5, 13), False),
        ("card: 4111111111111111.", (6, 22), False),
    ],
)
def test_embedded_tokens(text: str, span: tuple[int, int], inside: bool) -> None:
    assert embedded(text, *span) is inside


def test_prescreen_loses_no_finding_on_these_tables() -> None:
    detector = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.WORDS)
    texts = [t for t, _, _ in LOOKALIKES] + [t for t, _, _ in REAL] + ["ana at example dot com", "x [at] y.de"]
    assert [detector.scan(t) for t in texts] == [detector.scan(t, prescreen=False) for t in texts]
    assert any(detector.scan(t) for t in texts)


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"detector": "secrets", "obfuscated_emails": "brackets"}, "belongs to pii guards"),
        ({"detector": "pii", "obfuscated_emails": "sometimes"}, "obfuscated_emails"),
        ({"detector": "pii", "obfuscated_emails": "words"}, None),
    ],
)
def test_obfuscated_emails_rule_option(extra: dict[str, str], error: str | None) -> None:
    raw = {"name": "g", "where": ["input"], "action": "redact", **extra}
    if error is None:
        assert GuardConfig.model_validate(raw).obfuscated_emails is ObfuscatedEmails.WORDS
    else:
        with pytest.raises(ValidationError, match=error):
            GuardConfig.model_validate(raw)
