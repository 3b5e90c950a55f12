"""Realistic formats of each structured type, one table per type, and the key of a structured value as its context.

Rows written for these tests from the standards (ISO/IEC 7812 groupings, E.164 and national numbering
plans as `phonenumbers` ships them, RFC 4291/5952 text forms of IPv6, CIDR notation) and from the
shapes of CRM JSON, CSV exports, signatures and logs; none is taken from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.pii import PiiDetector
from gateway.detectors.pii_keys import key_before
from gateway.detectors.pii_tags import Lean, key_lean

THRESHOLD = 0.4  # the shipped guard's


def flagged(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


CARDS = [
    ("Card: 4111-1111-1111-1111", "4111-1111-1111-1111"),  # 4-4-4-4 with dashes
    ("Karte 4111.1111.1111.1111 gesperrt", "4111.1111.1111.1111"),  # dots
    ("carte bancaire 5555 5555 5555 4444", "5555 5555 5555 4444"),
    ("tarjeta: 3782-822463-10005", "3782-822463-10005"),  # Amex 4-6-5
    ("Amex 3782.822463.10005", "3782.822463.10005"),
    ("Diners 3056 930902 5904", "3056 930902 5904"),  # Diners 4-6-4
    ("カード番号：4111 1111 1111 1111", "4111 1111 1111 1111"),
    ("卡号 6212 3456 7890 1234 569", "6212 3456 7890 1234 569"),  # UnionPay 19 digits, 4-4-4-4-3
    ("Карта 4111 1111 1111 1111", "4111 1111 1111 1111"),
    ("carta di credito 4111-1111-1111-1111", "4111-1111-1111-1111"),
    ("card 4111\u00a01111\u00a01111\u00a01111", "4111\u00a01111\u00a01111\u00a01111"),  # no-break spaces
    ('{"card_number": "4111111111111111", "exp": "12/29"}', "4111111111111111"),
    ('{"pan":"5555555555554444"}', "5555555555554444"),
    ("cc=4111111111111111&exp=1229", "4111111111111111"),
    ("name,card,exp\nAna,4111 1111 1111 1111,12/29", "4111 1111 1111 1111"),
    ("card (4111 1111 1111 1111)", "4111 1111 1111 1111"),
]


@pytest.mark.parametrize(("text", "value"), CARDS)
def test_card_formats(pii: PiiDetector, text: str, value: str) -> None:
    assert value in flagged(pii, text, "CREDIT_CARD")


PHONES = [
    ("callback?phone=%2B4915112345678&ok=1", "%2B4915112345678"),  # "+" URL-encoded in a query string
    ("tel=%2B44%207911%20123456", "%2B44%207911%20123456"),  # and its spaces too
    ('{"phone": 4915112345678, "name": "Jan"}', "4915112345678"),  # a JSON number that also passes Luhn
    ("Llámame al 612 34 56 78", "612 34 56 78"),  # Spanish imperative with its accent
    # (text, number) — national formats with trunk prefixes, parentheses, dots, slashes, extensions
    ("Tel.: +49 (0)30 1234567", "+49 (0)30 1234567"),
    ("Anna Schmidt | 089 / 123 456 78 | anna@example.de", "089 / 123 456 78"),  # DE, area-code slash
    ("Telefon: 0664 1234567", "0664 1234567"),  # AT
    ("Tel: 044 668 18 00", "044 668 18 00"),  # CH
    ("phone: (212) 555-0143", "(212) 555-0143"),  # US
    ("call 212.555.0143", "212.555.0143"),
    ("+1 (212) 555-0143 ext. 12", "+1 (212) 555-0143 ext. 12"),
    ("phone: 1-800-555-0199", "1-800-555-0199"),
    ("mobile: 07700 900123", "07700 900123"),  # GB
    ("+44 (0) 20 7946 0958", "+44 (0) 20 7946 0958"),
    ("Cordialement,\nJean Dupont\n06 12 34 56 78", "06 12 34 56 78"),  # FR, language from the closing
    ("Saludos, Ana — 612 345 678", "612 345 678"),  # ES 3-3-3
    ("cellulare 347 123 4567", "347 123 4567"),  # IT
    ("Atenciosamente,\nJoão\n+55 11 91234-5678", "+55 11 91234-5678"),  # BR
    ("Met vriendelijke groet,\nPiet\n+31 6 12345678", "+31 6 12345678"),  # NL
    ("Pozdrawiam, Jan\n+48 601 234 567", "+48 601 234 567"),  # PL
    ("Med vänlig hälsning\nErik\n070-123 45 67", "070-123 45 67"),  # SE
    ("tlf 22 12 34 56", "22 12 34 56"),  # NO
    ("puh. 040 123 4567", "040 123 4567"),  # FI
    ("Saygılarımla\nAhmet\n+90 532 123 45 67", "+90 532 123 45 67"),  # TR
    ("Телефон: 8 (495) 123-45-67", "8 (495) 123-45-67"),  # RU, trunk prefix 8
    ("電話番号：090-1234-5678", "090-1234-5678"),  # JP
    ("电话：138 0013 8000", "138 0013 8000"),  # CN
    ("전화 010-1234-5678", "010-1234-5678"),  # KR
    ("mobile +91 98765 43210", "+91 98765 43210"),  # IN
    ("Ευχαριστώ\nΓιώργος\n+30 210 123 4567", "+30 210 123 4567"),  # GR
    ("مع التحية\nأحمد\n+966 50 123 4567", "+966 50 123 4567"),  # SA
    ("phone (02) 9876 5432", "(02) 9876 5432"),  # AU
    ("Tel +64 9 123 4567", "+64 9 123 4567"),  # NZ
    ("Tel: +54 11 1234-5678", "+54 11 1234-5678"),  # AR
    ("Tel. +420 601 123 456", "+420 601 123 456"),  # CZ
    ("Telefón: 02 213 568 32", "02 213 568 32"),  # SK: the accented word for phone, a Bratislava line
    ("tel +971 4 123 4567", "+971 4 123 4567"),  # AE
    ('{"name": "Ana", "mobile": "+34612345678"}', "+34612345678"),
    ('{"contact": {"type": "phone", "value": "+1 415 555 0132"}}', "+1 415 555 0132"),
    ("name,email,telefono\nAna,ana@example.es,612 345 678", "612 345 678"),
    ('<a href="tel:+14155550132">call</a>', "+14155550132"),
    ("Cordialement,\nMarie\n0470.12.34.56", "0470.12.34.56"),  # BE mobile in dots: no date (month 12, day 34?)
    ("Tél.: 01.23.45.67.89", "01.23.45.67.89"),  # FR in dots
    ("Tél.: 012.36.78.68", "012.36.78.68"),  # four dotted groups with a trunk 0: no IP
    ("Details on https://www.societe.fr/contact or 01 23 45 67 89", "01 23 45 67 89"),  # region from a web TLD
    ("Anna\nT: 030 1234567\nM: 0171 2345678", "030 1234567"),  # one-letter signature labels, as keys
    ("Anna\nT: 030 1234567\nM: 0171 2345678", "0171 2345678"),
    ("Kontakt: Frau Müller, 0221 987654-0", "0221 987654-0"),  # German switchboard suffix -0
    ("| Name | Phone number | Order |\n|---|---|---|\n| Ana | 030 1234567 | 4155550132 |", "030 1234567"),
    ("name\tphone\tsku\nAna\t0612345678\t2125550143", "0612345678"),  # TSV
]


@pytest.mark.parametrize(("text", "value"), PHONES)
def test_phone_formats(pii: PiiDetector, text: str, value: str) -> None:
    assert value in flagged(pii, text, "PHONE_NUMBER")


IPS = [
    ("server 10.2.0.118 down", "10.2.0.118"),
    ("from 10.2.0.118 port 22", "10.2.0.118"),
    ("connect 10.0.0.5:8080", "10.0.0.5"),  # a port
    ("gw 10.0.0.1/24", "10.0.0.1"),  # an interface address with its prefix length (host bits set)
    ("ip address 10.0.4.1 255.255.255.0", "10.0.4.1"),  # the address beside its netmask stays
    ("inet 192.168.0.12/24 brd 192.168.0.255", "192.168.0.12"),
    ("allow 10.0.0.1-10.0.0.254", "10.0.0.1"),  # a range, both ends
    ("allow 10.0.0.1-10.0.0.254", "10.0.0.254"),
    ("http://192.168.1.20:8080/api", "192.168.1.20"),
    ("http://[2001:db8::1]:8443/x", "2001:db8::1"),  # bracketed IPv6 with a port
    ("fe80::1%eth0", "fe80::1"),  # zone id
    ("inet6 fe80::a00:27ff:fe4e:66a1/64 scope link", "fe80::a00:27ff:fe4e:66a1"),
    ("::ffff:192.0.2.128 mapped", "::ffff:192.0.2.128"),  # IPv4-mapped
    ("addr 2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
    ("X-Forwarded-For: 203.0.113.7, 10.0.0.1", "203.0.113.7"),
    ('192.168.1.20 - - [04/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200', "192.168.1.20"),
    ("IP-Adresse 10.1.2.3", "10.1.2.3"),
    ("Zugriff von 172.16.0.4 blockiert", "172.16.0.4"),
    ("Postgres 10.2.0.118:5432 refused", "10.2.0.118"),  # a product name, but a port makes it an address
    ("Denied 10.9.8.7 at the edge", "10.9.8.7"),  # a log verb is no product name
    ("ssh admin@10.0.0.7", "10.0.0.7"),
    ("10.0.0.5 Connection refused", "10.0.0.5"),  # a log line that starts with a 10/8 address
    ("1.1.1.1 Cloudflare resolver", "1.1.1.1"),  # all parts equal: no outline number
    ("section 7: gateway 10.0.0.1", "10.0.0.1"),  # a section word, but not right before the address
    ("INFO started ts=1754390916\n145.16.28.12 - - [x]", "145.16.28.12"),
    ("Web01 10.0.4.21 is unreachable", "10.0.4.21"),  # a host name with digits is no product name
    ("Printer 10.0.4.22 out of toner", "10.0.4.22"),
    ("Verbindung 10.0.4.23 getrennt", "10.0.4.23"),  # a capitalised German noun of networking, no product
    ("Connexion 10.0.4.24 refusée", "10.0.4.24"),
    ("pip install foo==2.0.1.3 && curl http://10.0.4.25/health", "10.0.4.25"),  # a URL path after it  # `ts` labels the epoch, not the line below
]


@pytest.mark.parametrize(("text", "value"), IPS)
def test_ip_formats(pii: PiiDetector, text: str, value: str) -> None:
    assert value in flagged(pii, text, "IP_ADDRESS")


def test_mapped_ipv6_is_one_finding(pii: PiiDetector) -> None:
    assert flagged(pii, "::ffff:192.0.2.128 mapped", "IP_ADDRESS") == ["::ffff:192.0.2.128"]


EMAILS = [  # (text, the address found, exactly)
    ("联系邮箱zhang.wei@example.cn谢谢", "zhang.wei@example.cn"),  # written into CJK text without spaces
    ("메일은kim.minsu@example.kr로 보내 주세요", "kim.minsu@example.kr"),  # Hangul after the domain
    ("ติดต่อsomchai@example.co.thครับ", "somchai@example.co.th"),  # Thai on both sides
    ("contact: o'brien@example.ie", "o'brien@example.ie"),  # an apostrophe inside the local part
    ("GET /unsubscribe?email=jane.doe%40example.com&list=7", "jane.doe%40example.com"),  # URL-encoded "@"
    ("redirect=%2Fhome%3Fu%3Djohn%40example.org", "john%40example.org"),  # after an encoded "="
    ('<p>Contact: jane&#64;example.com</p>', "jane&#64;example.com"),  # an HTML character reference
    ("write to info@müller-beispiel.de today", "info@müller-beispiel.de"),  # an IDN domain stays whole
    ("e-mail: марина@пример.рф", "марина@пример.рф"),
    ('{"owner": "ana.ruiz@billing.acme.example"}', "ana.ruiz@billing.acme.example"),  # a documentation TLD
    ("escalate to hr-team@people.corp", "hr-team@people.corp"),  # an intranet name
    ("backup alerts: jdoe@nas.home.arpa", "jdoe@nas.home.arpa"),  # RFC 8375's home network
]


@pytest.mark.parametrize(("text", "value"), EMAILS)
def test_email_formats(pii: PiiDetector, text: str, value: str) -> None:
    assert flagged(pii, text, "EMAIL_ADDRESS") == [value]


NOT_EMAILS = [
    "ping @maria about the release",  # a mention
    "npm install left-pad@1.3.0",  # package@version
    "ssh deploy@localhost",  # no public suffix
    "ssh deploy@build-07.rack",  # neither a public suffix nor a reserved or private-use name
    "discount 50%40 units",  # a percent sign, not an encoded address
    "@dataclass(frozen=True)",  # a decorator
]


@pytest.mark.parametrize("text", NOT_EMAILS)
def test_not_emails(pii: PiiDetector, text: str) -> None:
    assert flagged(pii, text, "EMAIL_ADDRESS") == []


# (text, entity, rule that rejects it)
LOOKALIKES = [
    ("Zentrix 10.2.0.118 released", "IP_ADDRESS", "an unknown product name right before: a version"),
    ("Upgrade Zentrix to 10.2.0.118 today", "IP_ADDRESS", "'upgrade' is the nearest context word"),
    ("ProductX 12.0.1.3 (build 55)", "IP_ADDRESS", "a CamelCase product token right before"),
    ("package foo==1.2.3.4", "IP_ADDRESS", "a '==' version pin"),
    ("Windows 10.0.19045.0", "IP_ADDRESS", "'windows' is a version marker"),
    ("Versión 2.1.0.44 disponible", "IP_ADDRESS", "Spanish 'versión' right before"),
    ("バージョン 2.1.0.44", "IP_ADDRESS", "Japanese バージョン (version) nearest"),
    ('{"build": "10.4.1.22"}', "IP_ADDRESS", "its JSON key is 'build'"),
    ("build,date\n10.4.1.22,2026-01-01", "IP_ADDRESS", "its CSV column is 'build'"),
    ("build:\n  version: 10.4.1.22\n", "IP_ADDRESS", "its YAML key is 'version'"),
    ("[app]\nrelease = 10.4.1.22\n", "IP_ADDRESS", "its INI key is 'release'"),
    ("APP_VERSION=10.4.1.22", "IP_ADDRESS", ".env key ending in VERSION"),
    ("?build=10.4.1.22&sku=2125550143", "IP_ADDRESS", "query key 'build'"),
    ("?build=10.4.1.22&sku=2125550143", "PHONE_NUMBER", "query key 'sku'"),
    ("ref=%2B4915112345678", "PHONE_NUMBER", "an encoded number under the query key 'ref'"),
    ('{"sku": "212-555-0143"}', "PHONE_NUMBER", "its JSON key is 'sku'"),
    ('{"order_id": "+1 415 555 0132"}', "PHONE_NUMBER", "its JSON key names an order, even for a strong shape"),
    ("sku,qty\n2125550143,3", "PHONE_NUMBER", "its CSV column is 'sku'"),
    ('{"order_id": "4111111111111111"}', "CREDIT_CARD", "its JSON key is 'order_id'"),
    ("tracking: 4111 1111 1111 1111", "CREDIT_CARD", "its label is 'tracking'"),
    ("Part No. 415-555-0132", "PHONE_NUMBER", "'part' is the nearest context word"),
    ("id=415-555-0132-77", "PHONE_NUMBER", "a '-digits' suffix: glued into a longer token"),
    ("build 2026.12.04.1532", "PHONE_NUMBER", "'build' word and a date-led run"),
    ("pedido 612 345 678", "PHONE_NUMBER", "Spanish 'pedido' (order)"),
    ("Artikelnummer 030 1234 5678", "PHONE_NUMBER", "German 'artikel' stem"),
    ("IBAN ES85 6049 0394 4356 2432 7551", "CREDIT_CARD", "four groups of a longer grouped run (an IBAN)"),
    ("tracking 9400 4111 1111 1111 1111 11", "CREDIT_CARD", "four groups of a longer grouped run (USPS)"),
    ("shipped 2026.12.04 to the hub", "PHONE_NUMBER", "a calendar date"),
    ("Seriennummer: 4539 1488 0343 6467", "CREDIT_CARD", "German 'serien' stem labels it"),
    ("See section 2.3.1.4 for details", "IP_ADDRESS", "a section word right before: a part's number"),
    ("gemäß § 3.1.2.4 der Richtlinie", "IP_ADDRESS", "a section sign right before"),
    ("1.1.1.2 Requirements\nThe system shall log", "IP_ADDRESS", "an outline heading's number"),
    ("Conforme o artigo 12.4.3.1 do contrato", "IP_ADDRESS", "Portuguese 'artigo'"),
    ("subnet 10.0.0.0/24", "IP_ADDRESS", "a network with its prefix length and no host bits: a range"),
    ("route add 2001:db8::/32 dev eth0", "IP_ADDRESS", "an IPv6 network range"),
    ("uvicorn --host 0.0.0.0 --port 8000", "IP_ADDRESS", "the unspecified address: every interface"),
    ("curl http://127.0.0.1:8080/health", "IP_ADDRESS", "loopback: this machine, nobody's address"),
    ("netmask 255.255.255.0 broadcast 255.255.255.255", "IP_ADDRESS", "a netmask and the limited broadcast"),
]


@pytest.mark.parametrize(("text", "entity", "rule"), LOOKALIKES, ids=[r for _, _, r in LOOKALIKES])
def test_lookalike_rejected(pii: PiiDetector, text: str, entity: str, rule: str) -> None:
    assert flagged(pii, text, entity) == [], rule


KEYED = [
    # the same value under a key naming the type, and under one naming an identifier
    ('{"client_ip": "10.4.1.22"}', "IP_ADDRESS", "10.4.1.22", True),
    ('{"build": "10.4.1.22"}', "IP_ADDRESS", "10.4.1.22", False),
    ("id,tel,created\n17,4155550132,x", "PHONE_NUMBER", "4155550132", True),
    ("id,sku,created\n17,4155550132,x", "PHONE_NUMBER", "4155550132", False),
    ("contact:\n  phone: 4155550132\n", "PHONE_NUMBER", "4155550132", True),
    ("contact:\n  order: 4155550132\n", "PHONE_NUMBER", "4155550132", False),
    ("?tel=4155550132&x=1", "PHONE_NUMBER", "4155550132", True),
    ("?ref=4155550132&x=1", "PHONE_NUMBER", "4155550132", False),
    ('{"Telefonnummer": "4155550132"}', "PHONE_NUMBER", "4155550132", True),
    ('{"Bestellnummer": "4155550132"}', "PHONE_NUMBER", "4155550132", False),
    ('{"customerPhone": "4155550132"}', "PHONE_NUMBER", "4155550132", True),
    ('{"phoneOrderId": "4155550132"}', "PHONE_NUMBER", "4155550132", False),
    ("CLIENT_IP=10.4.1.22", "IP_ADDRESS", "10.4.1.22", True),
    ("FIRMWARE=10.4.1.22", "IP_ADDRESS", "10.4.1.22", False),
    ("| Host | Build |\n|---|---|\n| 10.0.0.4 | 10.4.1.22 |", "IP_ADDRESS", "10.0.0.4", True),  # Markdown
    ("| Host | Build |\n|---|---|\n| 10.0.0.4 | 10.4.1.22 |", "IP_ADDRESS", "10.4.1.22", False),
    ("| Name | Phone | Order |\n|---|---|---|\n| Ana | 030 1234567 | 4155550132 |", "PHONE_NUMBER", "4155550132", False),
]


@pytest.mark.parametrize(("text", "entity", "value", "found"), KEYED)
def test_key_is_the_context_word(pii: PiiDetector, text: str, entity: str, value: str, found: bool) -> None:
    assert (value in flagged(pii, text, entity)) is found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"client_ip": "10.4.1.22"}', "client_ip"),
        ('{"Phone number": "4155550132"}', "Phone number"),
        ("{'sku': 4155550132}", "sku"),
        ("build:\n  version: 10.4.1.22", "version"),
        ("[net]\naddr = 10.4.1.22", "addr"),
        ("APP_VERSION=10.4.1.22", "APP_VERSION"),
        ("/x?a=1&tel=4155550132", "tel"),
        ("$h = { 'ip' => '10.4.1.22' }", "ip"),
        ("電話：0312345678", "電話"),
        ("call 4155550132", None),  # prose: no key
        ("Meeting at 10: 4155550132", None),  # a digit before the colon is no key
        ("see (4155550132)", None),
    ],
)
def test_key_before(text: str, key: str | None) -> None:
    value_start = next(i for i, c in enumerate(text) if c.isdigit() and (key is None or i > text.find(key)))
    if key is None:
        value_start = text.index("4155550132")
    assert key_before(text, value_start) == key


@pytest.mark.parametrize(
    ("key", "entity", "lean"),
    [
        ("client_ip", "IP_ADDRESS", Lean.FOR),
        ("remoteAddr", "IP_ADDRESS", Lean.FOR),
        ("build", "IP_ADDRESS", Lean.AGAINST),
        ("ip_version", "IP_ADDRESS", Lean.AGAINST),  # head-last: a version
        ("customer_phone", "PHONE_NUMBER", Lean.FOR),  # head-last: a phone, though 'customer' is an id word
        ("phone_order_id", "PHONE_NUMBER", Lean.AGAINST),
        ("Rufnummer", "PHONE_NUMBER", Lean.FOR),
        ("numéro-de-commande", "PHONE_NUMBER", Lean.AGAINST),
        ("card_number", "CREDIT_CARD", Lean.FOR),
        ("tracking_number", "CREDIT_CARD", Lean.AGAINST),
        ("電話番号", "PHONE_NUMBER", Lean.FOR),
        ("注文番号", "PHONE_NUMBER", Lean.AGAINST),
        ("T", "PHONE_NUMBER", Lean.FOR),  # a signature label, only as a key
        ("M", "IP_ADDRESS", Lean.NONE),
        ("value", "PHONE_NUMBER", Lean.NONE),
        ("note", "IP_ADDRESS", Lean.NONE),
    ],
)
def test_key_lean(key: str, entity: str, lean: Lean) -> None:
    assert key_lean(key, entity) is lean
