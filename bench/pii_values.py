"""Random values for the own generated PII set (`bench/pii_formats.py`): PII of each type and look-alikes.

Values are random (the caller's seeded `random.Random`): phone numbers drawn per region until `phonenumbers`
calls them valid, Luhn-valid cards per network, IBANs with a computed mod-97 check, IPv4/IPv6 addresses, and
identifiers that are no PII (versions, OIDs, MACs, EUI-64s, order/contract numbers, epochs, hashes, IMEIs…)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable

import phonenumbers

Piece = tuple[str, str | None]  # (text, PII type or None for plain text)

# Language -> (phone word, card word, ip phrase, order word, closing formula, regions with that language)
LANGS: dict[str, tuple[str, str, str, str, str, tuple[str, ...]]] = {
    "en": ("Phone", "Card", "from", "Order", "Best regards,", ("US", "GB", "AU", "IE", "NZ", "ZA", "SG", "IN")),
    "de": ("Telefon", "Karte", "von", "Bestellung", "Mit freundlichen Grüßen", ("DE", "AT", "CH")),
    "fr": ("Tél.", "Carte", "depuis", "Commande", "Cordialement,", ("FR", "BE")),
    "es": ("Teléfono", "Tarjeta", "desde", "Pedido", "Saludos cordiales,", ("ES", "MX", "AR")),
    "it": ("Telefono", "Carta", "da", "Ordine", "Cordiali saluti,", ("IT",)),
    "pt": ("Telefone", "Cartão", "de", "Pedido", "Atenciosamente,", ("BR", "PT")),
    "nl": ("Telefoon", "Kaart", "van", "Bestelling", "Met vriendelijke groet,", ("NL",)),
    "pl": ("Telefon", "Karta", "z", "Zamówienie", "Pozdrawiam,", ("PL",)),
    "sv": ("Telefon", "Kort", "från", "Beställning", "Med vänlig hälsning,", ("SE",)),
    "tr": ("Telefon", "Kart", "kaynak", "Sipariş", "Saygılarımla,", ("TR",)),
    "ru": ("Телефон", "Карта", "с адреса", "Заказ", "С уважением,", ("RU",)),
    "ja": ("電話", "カード", "接続元", "注文", "よろしくお願いします。", ("JP",)),
    "zh": ("电话", "卡号", "来自", "订单", "谢谢！", ("CN",)),
    "ko": ("전화", "카드", "접속", "주문", "감사합니다.", ("KR",)),
}
NAMES = ("Ana Silva", "Jan Kowalski", "Marie Dubois", "Luca Rossi", "Kim Minsu", "Ahmet Yılmaz", "Erik Berg")
PRODUCTS = ("Zentrix", "Quorvia", "Balmond", "Tessaly", "NorthGate", "Veltro", "Ombrix", "Pallas")


def _luhn_complete(body: str) -> str:
    for d in "0123456789":
        total = 0
        for i, ch in enumerate(reversed(body + d)):
            n = int(ch)
            if i % 2:
                n = n * 2 - 9 if n > 4 else n * 2
            total += n
        if total % 10 == 0:
            return body + d
    raise AssertionError


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def card(rng: random.Random) -> str:
    prefix, length, groups = rng.choice(
        [
            ("4", 16, (4, 4, 4, 4)),
            ("51", 16, (4, 4, 4, 4)),
            ("55", 16, (4, 4, 4, 4)),
            ("2221", 16, (4, 4, 4, 4)),
            ("34", 15, (4, 6, 5)),
            ("37", 15, (4, 6, 5)),
            ("6011", 16, (4, 4, 4, 4)),
            ("3530", 16, (4, 4, 4, 4)),
            ("62", 19, (4, 4, 4, 4, 3)),
            ("36", 14, (4, 6, 4)),
        ]
    )
    number = _luhn_complete(prefix + _digits(rng, length - len(prefix) - 1))
    sep = rng.choice([" ", " ", "-", ".", ""])
    if not sep:
        return number
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    return sep.join(out)


def phone(rng: random.Random, region: str) -> str:
    kind = rng.choice([phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None
    nsn = str(example.national_number)
    for _ in range(200):
        candidate = nsn[: max(2, len(nsn) - 5)] + _digits(rng, min(5, len(nsn) - 2))
        parsed = phonenumbers.parse("+" + str(example.country_code) + candidate, None)
        if phonenumbers.is_valid_number(parsed):
            break
    else:
        parsed = example
    style = rng.choice(["intl", "intl", "national", "national", "e164", "dots"])
    if style == "intl":
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if style == "e164":
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if style == "dots" and region in ("US", "FR", "BE", "IT"):
        return national.replace("(", "").replace(") ", ".").replace(" ", ".").replace("-", ".")
    return national


def iban(rng: random.Random) -> str:
    country, bban_len = rng.choice([("DE", 18), ("FR", 23), ("ES", 20), ("IT", 23), ("NL", 14), ("GB", 18)])
    if country == "NL":
        bban = "ABNA" + _digits(rng, 10)
    elif country == "GB":
        bban = "WEST" + _digits(rng, 14)
    elif country == "IT":
        bban = "X" + _digits(rng, 22)
    else:
        bban = _digits(rng, bban_len)
    moved = bban + country + "00"
    check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
    compact = f"{country}{check:02d}{bban}"
    if rng.random() < 0.5:
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def ipv4(rng: random.Random) -> str:
    first = rng.choice([10, 172, 192, 203, 198, 81, 91, 145])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    h = lambda: f"{rng.randint(1, 0xFFFF):x}"  # noqa: E731
    return rng.choice(
        [
            f"2001:db8::{h()}:{h()}",
            f"2001:0db8:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}",
            f"fe80::{h()}:{h()}:{h()}:{h()}",
            f"::ffff:{ipv4(rng)}",
            f"2a00:1450:{h()}::{h()}",
        ]
    )


def email(rng: random.Random) -> str:
    user = rng.choice(["ana.silva", "j.kowalski", "marie", "luca.rossi", "kim", "ops-team", "e.berg"])
    return f"{user}{rng.randint(1, 99)}@{rng.choice(['example.com', 'firma.de', 'societe.fr', 'empresa.es'])}"


# Look-alikes ---------------------------------------------------------------------------------------


def lookalike(rng: random.Random, want: str | None = None) -> tuple[str, str]:
    """(key, value) of an identifier that is no PII (of the kind named `want`, when given)."""
    n = rng.randint
    kinds: list[Callable[[], tuple[str, str]]] = [
        lambda: ("version", f"{n(1, 20)}.{n(0, 20)}.{n(0, 99)}.{n(0, 9999)}"),
        lambda: ("build", f"{n(1, 20)}.{n(0, 9)}.{n(0, 999)}.{n(0, 255)}"),
        lambda: ("oid", f"1.3.6.1.4.1.{n(1, 60000)}.{n(1, 9)}.{n(1, 99)}"),
        lambda: ("mac", ":".join(f"{n(0, 255):02x}" for _ in range(6))),
        lambda: ("order_id", str(n(10**9, 10**10 - 1))),
        lambda: ("sku", f"{n(100, 999)}-{n(100, 999)}-{n(1000, 9999)}"),
        lambda: ("invoice", f"{n(2020, 2026)}-{n(1000, 9999)}-{n(100, 999)}"),
        lambda: ("ts", str(n(1_600_000_000, 1_800_000_000))),
        lambda: ("commit", "".join(rng.choice("0123456789abcdef") for _ in range(40))),
        lambda: ("request_id", str(uuid.UUID(int=rng.getrandbits(128)))),
        lambda: ("imei", _luhn_complete("35" + _digits(rng, 12))),
        lambda: ("routing", rng.choice(["021000021", "011000138", "026009593", "121000358"])),
        lambda: ("ref", f"{rng.choice(['000', '666', '912'])}-{n(10, 99)}-{n(1000, 9999)}"),
        lambda: ("tracking", "1Z" + "".join(rng.choice("0123456789ABCDEF") for _ in range(16))),
        lambda: ("part", f"{n(1000, 9999)} {n(1000, 9999)} {n(1000, 9999)} {n(1000, 9999)}"),
        lambda: ("eui64", ":".join(f"{n(0, 255):02x}" for _ in range(8))),  # also a Fibre Channel WWN's shape
        lambda: ("mac", _mac(rng)),
        lambda: (rng.choice(CONTRACT_KEYS), f"0{n(10, 999)} {n(100000, 9999999)}"),  # 0-led like a trunk prefix
        lambda: ("size", f"{n(100, 999)} {n(100, 999)} {n(1000, 9999)} {rng.choice(['bytes', 'KB', 'ms', 'EUR'])}"),
        lambda: ("imei", "-".join([(d := _luhn_complete("35" + _digits(rng, 12)))[:2], d[2:8], d[8:14], d[14]])),
    ]
    key, value = rng.choice(kinds)()
    while want is not None and key != want:
        key, value = rng.choice(kinds)()
    if key == "part":
        digits = value.replace(" ", "")
        while _luhn_complete(digits[:-1]) == digits:  # a Luhn-invalid 16-digit run
            digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
        value = " ".join(digits[i : i + 4] for i in range(0, 16, 4))
    return key, value


# Keys of contract, file and mandate numbers in the guards' languages.
CONTRACT_KEYS = ("contract_no", "Vertragsnummer", "Aktenzeichen", "n° de contrat", "número de contrato",
                 "numero contratto", "umowa nr", "avtalsnummer", "договор №", "mandate_ref")  # fmt: skip


def _mac(rng: random.Random) -> str:
    """A MAC as six dash-separated pairs (`00-1A-2B-…`) or three dotted quads of hex digits (`001a.2b3c.4d5e`)."""
    raw = "".join(f"{rng.randint(0, 255):02x}" for _ in range(6))
    if rng.random() < 0.5:
        return "-".join(raw[i : i + 2].upper() for i in range(0, 12, 2))
    return ".".join(raw[i : i + 4] for i in range(0, 12, 4))


def product_version(rng: random.Random) -> str:
    n = rng.randint
    return f"{rng.choice(PRODUCTS)} {n(1, 20)}.{n(0, 9)}.{n(0, 99)}.{n(0, 999)}"
