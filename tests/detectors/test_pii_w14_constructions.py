"""Constructions of the W14 round: dotted quads that number a version, a firmware or a document part a few words
after its word (or after a word of a script `\\w` splits), and obfuscated e-mail addresses in more languages
(full-width brackets, a spaced dot, the names of "@" and "." in Latvian, Romanian, Bulgarian, Serbian, Croatian,
Ukrainian, Indonesian, Swahili, Persian, Urdu, Tamil, Bengali).

Every row is written for this test from how the language writes it; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from gateway.detectors.kinds import ObfuscatedEmails
from gateway.detectors.pii import PiiDetector

THRESHOLD = 0.4


def found(pii: PiiDetector, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in pii.scan(text) if f.entity == entity and f.score >= THRESHOLD]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Versão aprovada do agente de backup: 4.2.0.17, instalada ontem.", []),  # the word three words back
        ("Firmware do roteador validado: 3.1.0.8", []),
        ("Viz kapitola 2.4.1.3 provozní směrnice.", []),  # Czech chapter
        ("ファームウェアは 2.3.0.11 に更新しました。", []),  # a word the particle は is glued to
        ("นโยบายเวอร์ชัน 5.0.2.8 มีผลแล้ว", []),  # Thai, split by \\w at its vowel signs
        ("בגרסה 2.0.1.3 זה עבד", []),  # Hebrew, a prefix glued to "version"
        ("Version check failed, server 10.0.2.8 unreachable.", ["10.0.2.8"]),  # 10/8: not a version's shape
        ("Firmware updated; DNS resolver 1.1.1.1 answered.", ["1.1.1.1"]),  # an address word after the marker
        ("Firmware printer 2.1.0.34", ["2.1.0.34"]),  # `printer` names a device: kept as an address
    ],
)
def test_a_small_quad_a_few_words_after_a_version_or_section_word(
    pii: PiiDetector, text: str, expected: list[str]
) -> None:
    assert found(pii, text, "IP_ADDRESS") == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("問い合わせ: info（at）sakura-koubou.co.jp", "info（at）sakura-koubou.co.jp"),
        ("Contato: paulo.reis @ construtora-sul . com . br", "paulo.reis @ construtora-sul . com . br"),
        ("Raksti: anna.kalnina[et]pasts[punkts]lv", "anna.kalnina[et]pasts[punkts]lv"),
        ("Scrieți la mihai.ionescu arond firma punct ro", "mihai.ionescu arond firma punct ro"),
        ("Пишете на petar.georgiev кльомба abv точка bg", "petar.georgiev кльомба abv точка bg"),
        ("Pišite na marko.kovac(majmunče)posta(tačka)rs", "marko.kovac(majmunče)posta(tačka)rs"),
        ("Kirim ke budi.santoso [at] kantor [titik] id", "budi.santoso [at] kantor [titik] id"),
        ("Tuma kwa juma.mwangi [at] duka [nukta] co [nukta] ke", "juma.mwangi [at] duka [nukta] co [nukta] ke"),
        ("پتہ: ayesha.k ایٹ mail ڈاٹ pk", "ayesha.k ایٹ mail ڈاٹ pk"),
    ],
)
def test_obfuscated_addresses_in_more_languages(text: str, value: str) -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    assert found(pii, text, "EMAIL_ADDRESS") == [value]


def test_a_spaced_dot_in_prose_is_no_domain() -> None:
    pii = PiiDetector("pii", obfuscated_emails=ObfuscatedEmails.BRACKETS)
    text = "Meet me @ home . Then we leave at noon."
    assert found(pii, text, "EMAIL_ADDRESS") == []
