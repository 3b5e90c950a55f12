"""Which countries' numbering plans a text's national phone numbers are read in: its script, its language (common
and distinctive words, letters), the country domains of its addresses, and US/GB; and each plan's national pattern,
loaded once."""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

# Script or common function words -> the regions whose national formats to try first.
# A letter only one language of a script writes comes first (Ukrainian і/ї/є/ґ, Serbian ђ/ћ/џ, Urdu ٹ/ڈ/ڑ/ں/ے,
# Persian پ/چ/ژ/گ without the Urdu ones): the regions' cap keeps the first four.
_SCRIPT_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"[\u3040-\u30ff]"), ("JP",)),
    (re.compile(r"[\uac00-\ud7af]"), ("KR",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("CN", "TW", "HK")),
    (re.compile(r"[іїєґІЇЄҐ]"), ("UA",)),
    (re.compile(r"[ђћџЂЋЏ]"), ("RS",)),
    (re.compile(r"[\u0400-\u04ff]"), ("RU", "UA", "BG")),
    (re.compile(r"[ٹڈڑںے]"), ("PK",)),
    (re.compile(r"[پچژگ]"), ("IR",)),
    (re.compile(r"[\u0600-\u06ff]"), ("SA", "AE", "EG")),
    (re.compile(r"[\u0370-\u03ff]"), ("GR",)),
    (re.compile(r"[\u0590-\u05ff]"), ("IL",)),
    (re.compile(r"[\u0900-\u097f]"), ("IN", "NP")),
    (re.compile(r"[\u0980-\u09ff]"), ("BD", "IN")),
    (re.compile(r"[\u0b80-\u0bff]"), ("IN", "LK")),
    (re.compile(r"[\u0e00-\u0e7f]"), ("TH",)),
    (re.compile(r"[\u1200-\u137f]"), ("ET",)),
    (re.compile(r"[\u10a0-\u10ff]"), ("GE",)),
    (re.compile(r"[\u0530-\u058f]"), ("AM",)),
)
# (common function words, two of which point to the language; closing formulas, weekday names and words
# specific enough that one does; a weekday name two languages share is in neither; `~` ends a stem that
# inflects: `hétfőtől`, `maanantaista`) -> regions. Signatures are short: "Cordialement, Jean" holds one such word.
_WORD_REGIONS: tuple[tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"(?i)\b(?:{common})\b"), re.compile(r"(?i)\b(?:" + distinct.replace("~", r"\w*") + r")\b"), regions)
    for common, distinct, regions in (
        (
            "und|der|die|das|nicht|ist|mit|bitte|vielen|unter|oder|sie|wir|uns|für|auf|eine?|einen|dem|zu|bei|ich",
            "grüßen|grüße|grüssen|grüsse|danke|freundlichen|montags?|dienstags?|mittwochs?|donnerstags?|freitags?",
            ("DE", "AT", "CH"),
        ),
        (
            "le|la|les|et|est|avec|pour|merci|vous|nous|au|aux|des|du|une|sur|dans|pas|notre|votre",
            "cordialement|bonjour|salutations|amicalement|lundi|mardi|mercredi|jeudi|vendredi|samedi",
            ("FR", "BE", "CH"),
        ),
        (
            "el|los|las|y|está|gracias|para|usted|del|por|con|una|nuestro|nuestra|puede",
            "saludos|atentamente|cordiales|estimad[oa]|miércoles|jueves|viernes",
            ("ES", "MX", "AR"),
        ),
        (
            "amb|els|dels|aquest|aquesta|també|però|perquè|fins|molt|més|tens|podeu|vostè",
            "gràcies|salutacions|cordialment|dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge",
            ("ES", "AD"),
        ),
        (
            "il|che|della|grazie|sono|per favore|ci|gli|di|non|nostro|nostra|siamo",
            "cordiali|saluti|distinti|lunedì|martedì|mercoledì|giovedì|venerdì",
            ("IT",),
        ),
        (
            "não|você|obrigad[oa]|com|uma|um|pelo|pela|nosso|nossa|pode|são|está|ao|às|em",
            "atenciosamente|abraços|prezad[oa]|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira",
            ("BR", "PT"),
        ),
        (
            "het|een|niet|bedankt|alstublieft|kunt|ons|op|voor|wij|uw|bij|naar",
            "groet|groeten|vriendelijke|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
            ("NL", "BE"),
        ),
        (
            "nie|się|jest|dziękuję|proszę|może|możesz|na|do|jak|od|dla|przez",
            "pozdrawiam|pozdrowienia|szanowni|szanowny|poniedziałek|poniedziałku|wtorek|wtorku|czwartek|czwartku|piątek|piątku|niedziel~",
            ("PL",),
        ),
        (
            "och|att|inte|tack|är|du|oss|på|med|för|vi|när|hos|eller",
            "hälsning|hälsningar|vänliga|måndag|tisdag|lördag|söndag",
            ("SE",),
        ),
        (
            "og|ikke|tak|takk|jeg|dere|deg|oss|hos|eller|er|til|af|av|fra|på|dit|din|jeres|hav|hei",
            "hilsen|venlig|vennlig|mandag|tirsdag|lørdag|søndag",
            ("DK", "NO"),
        ),
        (
            "ve|bir|değil|teşekkürler|lütfen|bize|ile|için|bu",
            "saygılarımla|saygılar|pazartesi~|çarşamba~|perşembe~|cumartesi~",
            ("TR",),
        ),
        (
            "yang|untuk|dengan|tidak|kami|anda|dari|ini|itu|atau|dan|pada|pukul|akan|sudah|bisa|jika|mohon|ada",
            "terima kasih|hormat kami|salam|selasa|rabu|kamis|jumat|sabtu",
            ("ID", "MY"),
        ),
        ("ang|mga|po|namin|ninyo|kayo|natin|ito|ako", "salamat|maraming|miyerkules|huwebes|biyernes|linggo", ("PH",)),
        (
            "kwa|tafadhali|hii|kwenye|katika|wako|yako|sisi|ninyi",
            "asante|habari|karibu|jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili",
            ("KE", "TZ"),
        ),
        (
            "az|és|hogy|nem|van|egy|már|meg|vagy|kérem|kérjük|szia|számom|új",
            "köszönöm|üdvözlettel|tisztelettel|hétfő~|kedd~|szerd~|csütörtök~|péntek~|szombat~|vasárnap~",
            ("HU",),
        ),
        (
            "ja|ei|että|kiitos|meille|teille|tai|sekä|klo|sinun|teidän|myös|ole|ovat|voit|voitte|hei",
            "ystävällisin|terveisin|maanantai~|tiistai~|keskiviiko~|keskiviikko~|torstai~|perjantai~|lauantai~|sunnuntai~",
            ("FI",),
        ),
        (
            "je|na|za|se|od|do|su|ili|nije|vas|vam|molimo|hvala|sati",
            "poštovani|srdačan|lijep|ponedjeljak|ponedeljak|utorak|srijeda|sreda|četvrtak|petak|nedjelja|nedelja",
            ("HR", "BA", "RS"),
        ),
        (
            "je|sa|na|do|pre|alebo|nie|sú|vás|prosím|ďakujem|hodín",
            "ďakujeme|pozdravom|pondelok|utorok|streda|štvrtok|piatok|nedeľa",
            ("SK", "CZ"),
        ),
        (
            "je|se|na|do|pro|nebo|není|jsou|vás|prosím|děkuji|hodin",
            "děkujeme|pozdravem|pondělí|úterý|středa|čtvrtek|pátek|neděle",
            ("CZ", "SK"),
        ),
        (
            "ja|on|ei|see|või|kell|palun|teie|meie|kuni",
            "aitäh|lugupidamisega|tervitustega|esmaspäev~|teisipäev~|kolmapäev~|neljapäev~|reede~|laupäev~|"
            "pühapäev~",
            ("EE",),
        ),
        # The rows below keep to words their neighbours' languages do not write (not `su`, `un`, `par`, `je`, `se`,
        # `da`, `du`, `ez`, `non`): two of them make a hint, and a French or Spanish text must not earn one.
        (
            "yra|kad|iš|jūs|jau|prie|nuo|arba|nėra|jums|mūsų",
            "ačiū|pagarbiai|linkėjimai|pirmadien~|antradien~|trečiadien~|ketvirtadien~|penktadien~|šeštadien~|"
            "sekmadien~",
            ("LT",),
        ),
        (
            "uz|jūs|mēs|vai|nav|pie|līdz|jums|arī|kā|tiek",
            "paldies|labdien|cieņu|pirmdien~|otrdien~|trešdien~|ceturtdien~|piektdien~|sestdien~|svētdien~",
            ("LV",),
        ),
        (
            "tudi|lahko|smo|ste|ki|bo|vas",
            "hvala|pozdrav|spoštovani|ponedeljek|torek|četrtek|petek|sobota|nedelja",
            ("SI",),
        ),
        (
            "dhe|është|për|një|nga|në|të|nuk|jam|juaj",
            "faleminderit|përshëndetje|tungjatjeta|hënë|martë|mërkurë|enjte|premte|shtunë",
            ("AL", "XK"),
        ),
        (
            "eta|dira|baina|zer|nola|gure|zure|dut|duzu|edo|dago",
            "eskerrik|agur|kaixo|mesedez|astelehen~|astearte~|asteazken~|ostegun~|ostiral~|larunbat~|igande~",
            ("ES",),
        ),
        (
            "unha|xa|moi|tamén|coa|pola|polo|cun|dun|vostede|hoxe",
            "grazas|saúdos|mércores|xoves|venres",
            ("ES",),
        ),
    )
)
# Letters one language of the guards' writes and its neighbours do not: one is a hint (a name or a street
# in a signature: `Ahmet Yılmaz`, `ul. Długa 5`).
_LETTER_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile("ß"), ("DE", "AT", "CH")),
    (re.compile("[łŁ]"), ("PL",)),
    (re.compile("[ñÑ¿¡]"), ("ES", "MX", "AR")),
    (re.compile("[ãÃ]"), ("BR", "PT")),
    (re.compile("[õÕ]"), ("PT", "BR", "EE")),
    (re.compile("[ığİĞ]"), ("TR",)),
    (re.compile("[åÅ]"), ("SE", "NO", "DK")),
    (re.compile("[øæØÆ]"), ("NO", "DK")),
    (re.compile("[œŒ]"), ("FR", "BE")),
    (re.compile("[řůěŘŮĚ]"), ("CZ",)),
    (re.compile("[őűŐŰ]"), ("HU",)),
    (re.compile("[țșăȚȘĂ]"), ("RO",)),
    (re.compile("[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹƠƯĐ]"), ("VN",)),
    (re.compile("[ľĺŕĽĹŔ]"), ("SK",)),
    (re.compile("[ėųįĖŲĮ]"), ("LT",)),
    (re.compile("[ķļņģĶĻŅĢ]"), ("LV",)),
    (re.compile("[ūŪ]"), ("LT", "LV")),
    (re.compile("[āēīĀĒĪ]"), ("LV",)),
    (re.compile("[əƏ]"), ("AZ",)),
    (re.compile("[đĐ]"), ("HR", "RS")),
    (re.compile("[ðþÐÞ]"), ("IS", "FO")),
)
# A currency written with an amount names its country as a distinct letter does (`R$ 1.150`, `Rp 13,5 jt`, `349,00
# zł`, `400 грн`).
_CURRENCY_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"R\$ ?\d"), ("BR",)),
    (re.compile(r"\bRp\.? ?\d"), ("ID",)),
    (re.compile(r"\d ?zł"), ("PL",)),
    (re.compile(r"\d ?Kč"), ("CZ",)),
    (re.compile(r"\d ?Ft\b"), ("HU",)),
    (re.compile(r"₴|\d ?грн"), ("UA",)),
    (re.compile(r"\d ?лв"), ("BG",)),
    (re.compile(r"₺|\d ?TL\b"), ("TR",)),
    (re.compile(r"₫|\d ?VND\b"), ("VN",)),
    (re.compile(r"₹|\bRs\.? ?\d"), ("IN", "PK")),
    (re.compile(r"\bRM ?\d"), ("MY",)),
    (re.compile(r"₱"), ("PH",)),
    (re.compile(r"\bKSh ?\d"), ("KE",)),
    (re.compile(r"₦"), ("NG",)),
    (re.compile(r"₪"), ("IL",)),
    (re.compile(r"₸"), ("KZ",)),
    (re.compile(r"৳"), ("BD",)),
)
# A country-code top-level domain of an e-mail address or a web address (`@firma.de`, `www.societe.fr/`).
_EMAIL_CC = re.compile(r"(?:@|//|\bwww\.)[\w.-]+\.([a-z]{2})\b(?![.-])")
# The country code of an international number the text writes (`Tel.: +352 26 48 07 | Fax: 26 48 08`): its national
# numbers are most likely that country's. Country codes are a prefix code, so the first of one to three digits that
# names a country is the code.
_CALLING_CODE = re.compile(r"(?<![\w+])(?:\+|\(\+)(\d{1,3})")
_DEFAULT_REGIONS = ("US", "GB")
_MAX_REGIONS = 4


def regions(text: str) -> tuple[str, ...]:
    """Regions to parse national numbers for: the text's script or language, country TLDs of e-mail and
    web addresses, US/GB."""
    found: list[str] = []
    head = text[:4000]
    for rx, regs in _SCRIPT_REGIONS:
        if rx.search(head):
            found.extend(regs)
    if not found:
        # Each language's evidence: a distinct word or letter counts two, each different common word one (a
        # region's best row of words, plus its letters); two points make a hint, and the strongest come first
        # (`Har du … kan du ringe på … CPR` is Danish, though `du` is French and Swedish too).
        score: dict[str, int] = {}
        for common, distinct, regs in _WORD_REGIONS:
            points = 2 * bool(distinct.search(head)) + len({w.lower() for w in common.findall(head)})
            for r in regs:
                score[r] = max(score.get(r, 0), points)  # a region in two rows (CZ, SK) counts its better one
        for letters, regs in (*_LETTER_REGIONS, *_CURRENCY_REGIONS):
            if letters.search(head):
                for r in regs:
                    score[r] = score.get(r, 0) + 2
        ranked = sorted((r for r, p in score.items() if p >= 2), key=lambda r: -score[r])
        found.extend(ranked)
    if "+" in head:
        found.extend(_calling_regions(head))
    for cc in _EMAIL_CC.findall(head):
        region = "GB" if cc == "uk" else cc.upper()
        if region in phonenumbers.SUPPORTED_REGIONS:
            found.append(region)
    found.extend(_DEFAULT_REGIONS)
    return tuple(dict.fromkeys(found))[:_MAX_REGIONS]


def _calling_regions(head: str) -> list[str]:
    out = []
    for m in _CALLING_CODE.finditer(head):
        digits = m.group(1)
        for n in range(1, len(digits) + 1):
            regs = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:n]))
            if regs:
                if regs[0] != "001":  # a non-geographic code (satellite, UIFN) names no numbering plan
                    out.append(regs[0])
                break
    return out


def preload_metadata() -> None:
    """Load every region's numbering plan now (~65 ms once) instead of on a region's first number, which
    cost a request 3-8 ms the first time a text pointed to that region."""
    for region in phonenumbers.SUPPORTED_REGIONS:
        phonenumbers.PhoneMetadata.metadata_for_region(region)
    for region in claimed():
        national_pattern(region)


@cache
def claimed() -> tuple[str, ...]:
    """Regions of the scripts, languages and letters above, and the defaults."""
    hinted = [r for _, regs in _SCRIPT_REGIONS for r in regs] + [r for *_, regs in _WORD_REGIONS for r in regs]
    hinted += [r for _, regs in _LETTER_REGIONS for r in regs]
    return tuple(dict.fromkeys(hinted + list(_DEFAULT_REGIONS)))


@cache
def national_pattern(region: str) -> tuple[str, re.Pattern[str]]:
    """(national prefix, pattern of a national significant number) from phonenumbers' metadata."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    assert meta is not None and meta.general_desc is not None
    return meta.national_prefix or "", re.compile(meta.general_desc.national_number_pattern or "(?!)")
