"""An own, generated PII set of realistic formats and look-alikes, written as JSONL for `wardgate eval pii`.

Not blind: written by the same hand as the recognizers, from the standards and everyday shapes, so its
figures say which formats the recognizers cover, not how they do on unseen traffic. Values are random
(fixed seed): phone numbers drawn per region until `phonenumbers` calls them valid and printed in the
region's national and international formats and in common variants (dots, dashes, no separators);
Luhn-valid cards per network in their printed groupings; IBANs with a computed mod-97 check; IPv4 with
ports, CIDR and ranges, IPv6 full, compressed, link-local with a zone id and IPv4-mapped. They are set
in CRM JSON, CSV exports with a header, YAML, query strings, mail signatures in 14 languages, log
lines, and contact sentences of each language with no phone word and an address spelled to hide it
(`[at]`, `(arobase)`, `-at-`, ` @ `, `AT … DOT`, `＠`). One row in three holds only look-alikes
(versions after product names and in update sentences `from A to B` of each language, builds, OIDs,
MACs in three forms, EUI-64s, order/SKU/invoice/contract numbers under their keys, quantities with a
unit, epochs, hashes, UUIDs, IMEIs, routing numbers, SSNs in unissued ranges, Luhn-invalid 16-digit runs).

    .venv/bin/python bench/pii_formats.py --out /some/dir/pii_formats.jsonl [--rows 900] [--seed 17]
    .venv/bin/wardgate eval pii /some/dir/pii_formats.jsonl [--rows errors]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from pii_values import LANGS, NAMES, Piece, card, email, iban, ipv4, ipv6, lookalike, phone, product_version, ssn


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


# Language -> (a contact sentence with no phone word, written by us: {p} a phone, {e} an address; the words
# for "@" and "." when an address is spelled out to hide it)
CONTACT: dict[str, tuple[str, str, str]] = {
    "en": ("You can reach us on {p} or write to {e}.", "at", "dot"),
    "de": ("Sie erreichen uns unter {p} oder schreiben Sie an {e}.", "at", "punkt"),
    "fr": ("Vous pouvez nous joindre au {p} ou écrire à {e}.", "arobase", "point"),
    "es": ("Puede llamarnos al {p} o escribir a {e}.", "arroba", "punto"),
    "it": ("Ci trovate al {p} oppure scrivete a {e}.", "chiocciola", "punto"),
    "pt": ("Pode nos ligar no {p} ou escrever para {e}.", "arroba", "ponto"),
    "nl": ("U kunt ons bereiken op {p} of mailen naar {e}.", "apenstaartje", "punt"),
    "pl": ("Możesz się z nami skontaktować: {p} lub {e}.", "małpa", "kropka"),
    "sv": ("Du når oss på {p} eller via {e}.", "snabel-a", "punkt"),
    "tr": ("Bize {p} numarasından veya {e} adresinden ulaşabilirsiniz.", "at", "nokta"),
    "ru": ("Свяжитесь с нами: {p}, почта {e}.", "собака", "точка"),
    "ja": ("お問い合わせは{p}まで。メール：{e}", "アット", "ドット"),
    "zh": ("如有问题请拨打{p}，邮箱{e}", "at", "dot"),
    "ko": ("문의는 {p}로 연락 주세요. 메일: {e}", "골뱅이", "점"),
}
# Update sentences in the languages (the look-alike side of `contact_doc`): {a} and {b} two four-part versions.
UPDATES = {
    "en": "Upgraded from {a} to {b}.", "de": "Aktualisiert von {a} auf {b}.", "fr": "Mis à jour de {a} vers {b}.",
    "es": "Actualizado de {a} a {b}.", "it": "Aggiornato da {a} a {b}.", "pt": "Atualizado de {a} para {b}.",
    "nl": "Bijgewerkt van {a} naar {b}.", "pl": "Zaktualizowano z {a} do {b}.", "sv": "Uppdaterad från {a} till {b}.",
    "tr": "{a} → {b} güncellendi.", "ru": "Обновлено с {a} до {b}.", "ja": "{a}から{b}にアップデートしました。",
    "zh": "已从{a}升级到{b}。", "ko": "{a}에서 {b}(으)로 업데이트했습니다.",
}  # fmt: skip


def hidden_email(rng: random.Random, lang: str) -> str:
    """An address spelled to hide it: bracketed or dash-wrapped words for "@" and ".", a spaced "@", the word
    AT in capitals, or a full-width "＠" (Japanese, Chinese)."""
    _, at_word, dot_word = CONTACT[lang]
    local, domain = email(rng).split("@")
    host, tld = domain.rsplit(".", 1)
    styles = ["brackets", "parens", "dashes", "spaced", "caps", "own"] + (["wide"] if lang in ("ja", "zh") else [])
    style = rng.choice(styles)
    if style == "brackets":
        return f"{local} [at] {host} [dot] {tld}"
    if style == "parens":
        return f"{local}(at){host}(dot){tld}"
    if style == "dashes":
        return f"{local} -at- {host} -dot- {tld}"
    if style == "spaced":
        return f"{local} @ {domain}"
    if style == "caps":
        return f"{local} AT {host} DOT {tld}"
    if style == "wide":
        return f"{local}＠{host}．{tld}"
    return f"{local} [{at_word}] {host} [{dot_word}] {tld}"


def contact_doc(rng: random.Random, lang: str, with_pii: bool) -> list[Piece]:
    """A contact sentence with no phone word: a national number of the language's region and a hidden address;
    without PII, an update note with two versions and a look-alike."""
    if not with_pii:
        n = rng.randint
        a, b = (f"{n(1, 20)}.{n(0, 9)}.{n(0, 99)}.{n(0, 255)}" for _ in range(2))  # octets: parse as IPv4
        key, value = lookalike(rng)
        return [(f"{UPDATES[lang].format(a=a, b=b)} {key}: {value}\n{rng.choice(NAMES)}", None)]
    template = CONTACT[lang][0]
    region = LANGS[lang][5][0]
    number = phone(rng, region) if rng.random() < 0.3 else _national(rng, region)
    before, rest = template.split("{p}")
    middle, after = rest.split("{e}")
    return [(before, None), (number, "PHONE_NUMBER"), (middle, None), (hidden_email(rng, lang), "EMAIL_ADDRESS"),
            (after, None)]  # fmt: skip


def _national(rng: random.Random, region: str) -> str:
    """A valid number of `region` in its national format (trunk prefix, the region's own groups)."""
    while True:
        number = phone(rng, region)
        if not number.startswith("+"):
            return number


DOCS = (json_doc, csv_doc, mail_doc, log_doc, query_doc, contact_doc)


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
