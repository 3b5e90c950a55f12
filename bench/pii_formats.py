"""An own, generated PII set of realistic formats and look-alikes, written as JSONL for `wardgate eval pii`.

Not blind: written by the same hand as the recognizers, from the standards and everyday shapes, so its
figures say which formats the recognizers cover, not how they do on unseen traffic. Values are random
(fixed seed): phone numbers drawn per region until `phonenumbers` calls them valid and printed in the
region's national and international formats and in common variants (dots, dashes, no separators);
Luhn-valid cards per network in their printed groupings; IBANs with a computed mod-97 check; IPv4 with
ports, CIDR and ranges, IPv6 full, compressed, link-local with a zone id and IPv4-mapped. They are set
in CRM JSON, CSV exports with a header, YAML, query strings, mail signatures in 14 languages, and log
lines. One row in three holds only look-alikes (versions after product names, builds, OIDs, MACs,
order/SKU/invoice numbers under their keys, epochs, hashes, UUIDs, IMEIs, routing numbers, SSNs in
unissued ranges, Luhn-invalid 16-digit runs).

    .venv/bin/python bench/pii_formats.py --out /some/dir/pii_formats.jsonl [--rows 900] [--seed 17]
    .venv/bin/wardgate eval pii /some/dir/pii_formats.jsonl [--rows errors]
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def product_version(rng: random.Random) -> str:
    n = rng.randint
    return f"{rng.choice(PRODUCTS)} {n(1, 20)}.{n(0, 9)}.{n(0, 99)}.{n(0, 999)}"


# Documents -----------------------------------------------------------------------------------------


def _pii_value(rng: random.Random, lang: str, want: str | None = None) -> tuple[str, str, str]:
    """(type, key, value), of the type `want` when given."""
    regions = LANGS[lang][5]
    kinds = ["PHONE_NUMBER", "PHONE_NUMBER", "CREDIT_CARD", "IP_ADDRESS", "IP_ADDRESS", "EMAIL_ADDRESS", "IBAN_CODE",
             "US_SSN"]  # fmt: skip
    kind = want or rng.choice(kinds)
    if kind == "PHONE_NUMBER":
        key = rng.choice(["phone", "mobile", "tel", "customerPhone", "contact_phone"])
        return kind, key, phone(rng, rng.choice(regions))
    if kind == "CREDIT_CARD":
        return kind, rng.choice(["card_number", "cc", "pan", "cardNumber"]), card(rng)
    if kind == "IP_ADDRESS":
        address = ipv4(rng) if rng.random() < 0.7 else ipv6(rng)
        return kind, rng.choice(["client_ip", "remote_addr", "ip", "src"]), address
    if kind == "EMAIL_ADDRESS":
        return kind, "email", email(rng)
    if kind == "IBAN_CODE":
        return kind, "iban", iban(rng)
    return kind, "ssn", ssn(rng)


def json_doc(rng: random.Random, lang: str, with_pii: bool) -> list[Piece]:
    pieces: list[Piece] = [("{", None)]
    fields = []
    for _ in range(rng.randint(2, 4)):
        key, value = lookalike(rng)
        fields.append([(f'"{key}": "', None), (value, None), ('"', None)])
    if with_pii:
        for _ in range(rng.randint(1, 2)):
            kind, key, value = _pii_value(rng, lang)
            fields.insert(rng.randint(0, len(fields)), [(f'"{key}": "', None), (value, kind), ('"', None)])
    for i, field in enumerate(fields):
        pieces += ([(", ", None)] if i else []) + field
    return [*pieces, ("}", None)]


def csv_doc(rng: random.Random, lang: str, with_pii: bool) -> list[Piece]:
    look = [lookalike(rng) for _ in range(2)]
    pii = [_pii_value(rng, lang)] if with_pii else []
    header = ["id"] + [k for k, _ in look] + [k for _, k, _ in pii]
    pieces: list[Piece] = [(",".join(header) + "\n", None)]
    for row in range(rng.randint(1, 3)):
        look = [lookalike(rng, k) for k, _ in look] if row else look
        pieces.append((f"{rng.randint(1, 999)},", None))
        cells: list[Piece] = [(v.replace(",", " "), None) for _, v in look]
        if with_pii:
            kind, _, value = _pii_value(rng, lang, pii[0][0]) if row else pii[0]
            cells.append((value.replace(",", " "), kind))
        for i, cell in enumerate(cells):
            pieces += [(",", None)] if i else []
            pieces.append(cell)
        pieces.append(("\n", None))
    return pieces


def mail_doc(rng: random.Random, lang: str, with_pii: bool) -> list[Piece]:
    phone_word, card_word, _, order_word, closing, regions = LANGS[lang]
    _, value = lookalike(rng)
    pieces: list[Piece] = [
        (f"{order_word} {value}. {product_version(rng)}.\n\n{closing}\n{rng.choice(NAMES)}\n", None)
    ]
    if with_pii:
        style = rng.random()
        if style < 0.5:
            pieces += [(f"{phone_word}: ", None), (phone(rng, rng.choice(regions)), "PHONE_NUMBER"), ("\n", None)]
        elif style < 0.75:
            pieces += [(phone(rng, rng.choice(regions)), "PHONE_NUMBER"), (" | ", None), (email(rng), "EMAIL_ADDRESS")]
        else:
            pieces += [(f"{card_word}: ", None), (card(rng), "CREDIT_CARD"), ("\n", None)]
    return pieces


def log_doc(rng: random.Random, lang: str, with_pii: bool) -> list[Piece]:
    _, _, from_word, _, _, _ = LANGS[lang]
    ts = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    key, value = lookalike(rng)
    pieces: list[Piece] = [(f"{ts} INFO {product_version(rng)} started {key}={value}\n", None)]
    if with_pii:
        addr = ipv4(rng)
        form = rng.choice(["port", "cidr", "url", "plain", "v6"])
        if form == "port":
            pieces += [(f"{ts} WARN login failed {from_word} ", None), (addr, "IP_ADDRESS"),
                       (f":{rng.randint(1024, 65535)}\n", None)]  # fmt: skip
        elif form == "cidr":
            pieces += [(f"{ts} INFO allow ", None), (addr, "IP_ADDRESS"), (f"/{rng.randint(8, 32)}\n", None)]
        elif form == "url":
            pieces += [(f"{ts} GET http://", None), (addr, "IP_ADDRESS"), (":8080/health 200\n", None)]
        elif form == "v6":
            pieces += [(f"{ts} INFO peer [", None), (ipv6(rng), "IP_ADDRESS"), ("]:443 up\n", None)]
        else:
            pieces += [(addr, "IP_ADDRESS"), (f' - - [{ts}] "POST /api/orders HTTP/1.1" 201\n', None)]
    return pieces


def query_doc(rng: random.Random, lang: str, with_pii: bool) -> list[Piece]:
    key, value = lookalike(rng)
    pieces: list[Piece] = [(f"GET /api/v1/items?{key}={value}", None)]
    if with_pii:
        kind, pkey, pvalue = _pii_value(rng, lang)
        if kind in ("PHONE_NUMBER", "IP_ADDRESS", "EMAIL_ADDRESS"):
            pieces += [(f"&{pkey}=", None), (pvalue.replace(" ", ""), kind)]
    return [*pieces, (" HTTP/1.1", None)]


DOCS = (json_doc, csv_doc, mail_doc, log_doc, query_doc)


def build(rows: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(rows):
        lang = list(LANGS)[i % len(LANGS)]
        with_pii = i % 3 != 0
        pieces = rng.choice(DOCS)(rng, lang, with_pii)
        text, spans = "", []
        for piece, kind in pieces:
            if kind is not None:
                spans.append({"start": len(text), "end": len(text) + len(piece), "type": kind})
            text += piece
        out.append({"id": f"own-{i}", "text": text, "spans": spans, "source": "bench/pii_formats.py",
                    "lookalike_only": not spans, "meta": {"lang": lang}})  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--rows", type=int, default=900)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    rows = build(args.rows, args.seed)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} rows, {sum(r['lookalike_only'] for r in rows)} look-alike-only -> {args.out}")


if __name__ == "__main__":
    main()
