"""Context words around a candidate: which raise a type's score, which lower it, in the guards' languages.

An entry ending in `*` is a stem matched at a word start (German compounds: `Bestellnummer`); other
Latin/Greek/Cyrillic entries are whole words; entries in other scripts (CJK, Arabic, Devanagari…) are
substrings (`_` stands for a space in them). The nearest context word wins, so `order number 212-555-0143` is an
order and `phone (order desk): …` is a phone."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from gateway.detectors.pii_checks import glued_left, glued_right
from gateway.detectors.pii_keys import key_before
from gateway.detectors.pii_table import TableLabels

# Identifiers an agent acts on: an order, an invoice, a shipment, a ticket, a build, a commit, a part, a time (the
# Baltic, Slavic, Nordic, Hebrew, Arabic, Thai and Hindi words for order, invoice, shipment and ticket too); the
# names of national identity and tax numbers (a birth number, PESEL, personnummer, CPF …): no phone, card or SSN.
_NOT_PII = """
order* invoice* inv tracking track trackingnumber shipment* shipping parcel* consignment waybill awb
ref refs reference* build* version* ver vers rev revision* release* rel commit* sha sha1 sha256 hash*
md5 checksum* digest sku part partno pn model ticket* case txn transaction* receipt* isbn ean upc gtin
imei iccid imsi meid routing aba rtn timestamp* ts epoch unix created updated modified nonce seq
sequence offset pid port oid mib snmp patch firmware fw kernel driver agent sdk uuid guid id ids
item* product* article* lot batch job run serial sn account* acct customer* member* policy* claim*
booking* reservation* confirmation* voucher* coupon* code cve bug issue* pr pull merge tag
update* upgrad* install* hotfix zip postal postcode plz cap cep siret siren vat tva ust ustid nif cif nip
regon kvk btw ein tin bankgiro* plusgiro* ocr referenz* referens* klantnummer klantnr kundenummer kundnummer
pakke* paczk* pacco paquete pacote посилк* посылк* spraw* postnummer postinumero irányítószám psč индекс
aktualisier* aktualiz* actualiz* aggiorn* atualiz* uppdater* oppdater* opdater* güncelle* обновл* päivit*
contract contracts contractual contractnumber contractno contractid vertrag* verträge* aktenzeichen
geschäftszeichen contrat* contrato* contratto* umow* avtal* sözleşme*
договор* mandat* mandate* dossier* expediente* pratica konto* kto compte* cuenta* conto* rekening* rachun* hesap*
steuer* tax*
orgnr org organisationsnummer* organisasjonsnummer* cvr tunnus viite* referinț* referinţ* hivatkozás*
ضريب खाता 口座 계좌 pin passcode* 密码 密碼
pasūtījum* rēķin* sūtījum* užsakym* sąskait* siuntos tellimus* arve saadetis* поръчк* фактур* проследяван* пратк*
замовлен* рахун* відправлен* заявк* отслеживани* naročil* narudžb* račun* pošiljk* sledovac* zásilk* zásielk*
küldemény* bestilling* forsendelse* försändelse* sporing* seuranta* lähetys* zgłoszeni* tiket* resi colet*
הזמנה חשבונית משלוח מעקב מיקוד บัญชี 回执 回執 شحنة تتبع ใบแจ้งหนี้ คำสั่งซื้อ พัสดุ ट्रैकिंग
kennitala kods kod passport* reisepass* passeport pasaporte passaporto paszport* licen*
advert* listing* annonce* annons* anuncio* anúncio* annunci* advertenti* inserat* ogłosz* oglas* inzerát* inzerc*
объявлен* оголош* обяв* αγγελί* ilan ilanı hirdet* ilmoitus* kuulutus* kuulutuse sludinājum* iklan tangazo
reklamac* reklamác* reklamation* sagsnummer* saksnummer* ärende* tapaus* ügyszám* azonosító* referanse*
referenc* processo protocol* protokol* πρωτόκολλ*
kode koodi kood
विज्ञापन বিজ্ঞাপন 게시물 房源 编号 編號 מודעה ประกาศ חשבון
пошиљ*
rodné rodného pesel personnummer* cpr fødselsnummer* henkilötunnus* hetu егн cnp isikukood* asmens oib
emšo taj adóazonosító* kimlik cpf bsn burgerservicenummer снилс инн рнокпп іпн ипн fiscale insee nir ahv
nik ktp cccd cmnd 주민등록 マイナンバー 身份证 身分證 आधार תעודת
bestell* auftrag* rechnung* sendung* liefer* paket* versions* artikel* teile* kunden* beleg* vorgang*
serien* série serie seryjn* серийн* seri
zeitstempel commande* facture* suivi colis référence réf numéro-de-commande pedido* factura* seguimiento
envío envio referencia versión ordine* fattura* spedizione tracciamento riferimento versione fatura
encomenda* rastreamento referência versão bestelling* factuur* zending* referentie versie zamówieni*
faktur* przesyłk* wersj* beställning* spårning sipariş* kargo takip sürüm заказ* счет* счёт*
накладн* трек* верси* артикул* παραγγελ* τιμολόγ* έκδοσ* objednávk* ordre* tilaus* lasku* rendelés*
számla* comanda* comandă factur* pesanan versiyon
注文 請求書 追跡 伝票 品番 型番 バージョン 取引 交易 거래 订单 訂單 发票 發票 快递 单号 運單 版本 주문 송장 운송장 버전
طلب فاتورة إصدار کد_ملی کدملی ऑर्डर चालान संस्करण 〒 郵便 邮编 우편
"""
_PHONE = """
phone* telephone* tel tele mobile* mob cell cellphone fax call calling called dial whatsapp sms
kontakt* durchwahl rückruf*
reach contact* desk office home work answering messages registered hotline helpline landline
telefon* telefón* telefoon* téléphone* tél portable handy mobil* móvil celular* cellulare telefono teléfono
telefone anruf* rufnummer appel* appelez llam* llám* chiam* ligue ligar zadzwo* ring ringa tlf puhelin*
gsm mobiel komórk* kom puh cep telefonu ruf rufen telephon* τηλ* κινητ* телефон* тел моб* звон*
handy* festnetz* zentrale erreich* joindre joignable bel bellen bereik* contato contatos contate contatar contatt*
skontakt* aray*
ulaş* позвон* свяж* набер* набрат* καλέστε
telepon telp ponsel bimbit telepono simu sđt tālr* tālrun* mobitel
rappel* telemóv* telemov* ligou ligando ligamos ligaram ligarei terugbel* gebeld dzwoni* dzwoń zavol* volat
volejte zavolejte зателефон* подзвон* дзвон* apel apelați apelaţi sunați sunaţi sună
撥打 撥入 撥號 拨入 拨号
座机 座機 固话 sím* farsím* simi farsimi poklič* klič* fijo movil truqui truca* numeroon toestel werknummer
контакт* atención atencion atendimento kundenservice kundendienst klantenservice kundeservice kundtjänst
asiakaspalvelu تماس talrun* thoai همراه
soita soitathan soittakaa soittaa soitto* helista* nazov* volajte zavolajte hubungi ringe ringer hatt* çağrı*
обад* позвън* gọi tổng_đài liên_hệ חייג התקשר ダイヤル कॉल
thoại โทร ফোন মোবাইল தொலைபேசி கைபேசி மொபைல் טלפון נייד تلفن تلفون موبايل موبائل فون ስልክ ტელ
電話 电话 手机 携帯 联系 연락처 전화 휴대 هاتف جوال फ़ोन फोन मोबाइल 問い合わせ 問合せ 拨打 致电 热线 연락 문의 संपर्क اتصل
"""
_CARD = """
card* credit* debit* visa mastercard amex maestro jcb discover diners cc pan unionpay mir rupay
karte* kreditkarte* tarjeta* carte* carta* cartão kaart* kort* karta* kart kredi* карт* кредит*
カード 卡 카드 بطاقة
"""
_SSN = """
ssn ssns social soc ss sozialversicherung* seguro tin itin सोशल
sociale socjaln* sociáln* социальн* соціальн* социалн* κοινωνικ* sosyal sosial* sosiaaliturva* socialförsäkring*
társadalombiztosítás* socială 社会保障 社會安全 社会保険 사회보장 الاجتماعي ביטוח सामाजिक ประกันสังคม
"""
_IP = """
ip ips ipv4 ipv6 ip4 ip6 host* server* address* addr src dst source destination gateway gw dns
nameserver ping* remote peer from subnet netmask inet route* proxy firewall connect* listen* bind
router switch device vm instance endpoint node upstream backend machine printer camera laptop desktop
workstation nas
login logged visitor attacker blocked banned whitelist* allowlist*
forwarded client clients origin adresse dirección direccion indirizzo endereço adres* servidor
serveur rechner адрес* сервер* 地址 アドレス 서버 주소
verbindung* quelle ziel absender gerät* geräte* knoten netzwerk* zugriff* anfrage* hôte hote passerelle
connexion* appareil* poste conexión conexion equipo origen destino puerta enlace connessione dispositivo
conexão dispositivo verbinding apparaat połączeni* urządzeni* anslutning* enhet bağlantı cihaz
соединени* подключени* устройств* узел maršrutizator* routeur sunucu* vpn lüüs*
服务器 服務器 伺服器 サーバ 主机 主機 ホスト 网关 閘道 호스트
"""
# Words that sit right before a dotted number that is a version or an object id, never an address.
_VERSION_MARKERS = """
v ver version versions vers build release rel rev revision fw firmware oid mib snmp agent sdk kernel driver
verze verzi verzió versio versiune versjon versi versiyon έκδοση
patch update upgrade app bios os ios android windows macos versión versione versão versie wersja sürüm версия
"""
VERSION_MARKERS = frozenset(_VERSION_MARKERS.split())
# Words of updating software, around a pair of dotted numbers joined by "to"/"→" (`upgraded from 8.0.20.101 to
# 8.0.21.3`, `aktualisiert von … auf …`, `mise à jour de … vers …`): both numbers are versions.
_UPDATE = """
upgrad* update* updating aktualisier* aktualiz* zaktualiz* actualiz* aggiorn* atualiz* bijgewerkt bijwerk*
uppdater* opdater* oppdater* güncelle* обновл* päivit* frissít* jour downgrad* rollback rolled patch* patched
更新 升级 升級 アップデート 업데이트
"""
# Words that number a part of a document (`section 2.3.1.4`, `Abschnitt 4.2.1.3`, `第 3.1.2.4 条`): a dotted quad
# right after one, with no port or prefix length, is that part's number. Words that also name network things
# (`access point`, `routing table`, `firewall rule`) are left out.
_SECTION_MARKERS = """
section sections sect sec clause clauses chapter chap article art paragraph para annex appendix subsection
kapitel abschnitt absatz artikel ziffer punkt anhang unterabschnitt
chapitre paragraphe alinéa annexe sous-section
sección seccion capítulo capitulo artículo articulo apartado párrafo parrafo anexo
sezione capitolo articolo paragrafo allegato comma
seção secção secao capítulo artigo parágrafo
hoofdstuk paragraaf bijlage lid
rozdział artykuł ustęp załącznik
раздел глава статья пункт приложение подраздел
bölüm madde fıkra
"""
SECTION_MARKERS = frozenset(_SECTION_MARKERS.split())


class Lean(IntEnum):
    """Which way the nearest context word pulls a candidate's score."""

    AGAINST = -1
    NONE = 0
    FOR = 1


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: frozenset[str]
    stems: tuple[str, ...]
    substrings: tuple[str, ...]

    @classmethod
    def parse(cls, table: str) -> Lexicon:
        words, stems, subs = set(), [], []
        for entry in table.split():
            if any(ord(c) > 0x052F for c in entry):  # past Latin, Greek, Cyrillic: no word boundaries
                subs.append(entry.replace("_", " "))  # `کد_ملی`: a two-word name, matched with its space
            elif entry.endswith("*"):
                stems.append(entry[:-1].lower())
            else:
                words.add(entry.lower())
        return cls(frozenset(words), tuple(stems), tuple(subs))

    def has(self, word: str) -> bool:
        return word in self.words or word.startswith(self.stems)


UPDATE_WORDS = Lexicon.parse(_UPDATE + _VERSION_MARKERS)
AGAINST_TAG = "NOT_PII"
_PHONE_TAG = frozenset({"PHONE_NUMBER"})
LEXICONS: dict[str, Lexicon] = {
    AGAINST_TAG: Lexicon.parse(_NOT_PII),
    "PHONE_NUMBER": Lexicon.parse(_PHONE),
    "CREDIT_CARD": Lexicon.parse(_CARD),
    "US_SSN": Lexicon.parse(_SSN),
    "IP_ADDRESS": Lexicon.parse(_IP),
}
WINDOW_BEFORE = 40
WINDOW_AFTER = 20
LABEL_REACH = 12  # "order no. " / "Version: " sit this close to the number they label
_AFTER_PENALTY = 12  # a word before the candidate is its label more often than a word after it
_WORD = re.compile(r"[^\W\d_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=65536)
def _tags_of(word: str) -> frozenset[str]:
    """The lexicons a lower-cased word belongs to (memoised: a pure function of the word)."""
    return frozenset(tag for tag, lex in LEXICONS.items() if lex.has(word))


def tags_of(word: str) -> frozenset[str]:
    return _tags_of(word)


# Labels that name a phone only as a key right before a number (signature blocks: `T: `, `M: `, `Ph: `).
# `Port.` is French `portable` (a mobile); a network port is never a seven-digit phone candidate.
_PHONE_KEYS = frozenset(
    {"t", "m", "f", "p", "ph", "tfn", "tlf", "cel", "mob", "tel", "fon", "gsm", "port", "portable", "hp"}
)  # `hp`: Indonesian and Malay handphone


@lru_cache(maxsize=4096)
def key_lean(key: str, entity: str) -> Lean:
    """The pull of a key (`client_ip`, `customerPhone`, `Telefonnummer`, `order_id`, `build`) on its value.

    FOR when the key names `entity`, AGAINST when it names an identifier, NONE otherwise. A compound
    key is read head-last, as English and German compounds are (`customer_phone` is a phone,
    `phone_order_id` an order id): the last of its words that carries either tag decides. One-letter
    signature labels (`T`, `M`, `F`) name a phone only here, as a key."""
    if entity == "PHONE_NUMBER" and key.lower().rstrip(".") in _PHONE_KEYS:
        return Lean.FOR
    for _, word in reversed(_words(key)):
        tags = _tags_of(word)
        if entity in tags:
            return Lean.FOR
        if AGAINST_TAG in tags:
            return Lean.AGAINST
    if not key.isascii():  # CJK, Arabic… keys: the lexicon's substrings
        for_sub = any(sub in key for sub in LEXICONS[entity].substrings) if entity in LEXICONS else False
        against = any(sub in key for sub in LEXICONS[AGAINST_TAG].substrings)
        if for_sub != against:
            return Lean.FOR if for_sub else Lean.AGAINST
    return Lean.NONE


@lru_cache(maxsize=4096)
def column_lean(header: str, entity: str) -> Lean:
    """The pull of a column's header on its cells: any of its words naming `entity` (`IP / host (device id)`),
    else an identifier word, else what the header says read as a key (`電話番号`, `手机`: the lexicon's
    substrings)."""
    tags = frozenset().union(*(_tags_of(w) for _, w in _words(header)))
    if entity in tags:
        return Lean.FOR
    if AGAINST_TAG in tags:
        return Lean.AGAINST
    return key_lean(header, entity)


def _lower(word: str) -> str:
    """Lower case as the lexicons are written: Turkish `İ` lowers to `i` plus a combining dot, which no entry has."""
    return word.lower().replace("i\u0307", "i")


def _words(segment: str) -> list[tuple[int, str]]:
    """(offset, lower-cased word) in `segment`; camelCase and snake_case keys count as their words, and a
    camel-cased word also as itself (`WhatsApp`, `customerPhone`): the parts come last, so a key is still read
    head-last (`key_lean`)."""
    out = []
    for m in _WORD.finditer(segment):
        word, off = m.group(), m.start()
        if word.islower() or word[1:].islower() or word.isupper():
            out.append((off, _lower(word)))
            continue
        out.append((off, _lower(word)))
        for part in _CAMEL.split(word):
            out.append((off, _lower(part)))
            off += len(part)
    return out


# An e-mail address or a URL: the words inside it (`office@…`, `…/contact-us`) name a mailbox or a page, not
# the number next to it.
_ADDRESS_TOKEN = re.compile(r"[^\s;,\"'<>()\[\]]+(?:@|://)[^\s;,\"'<>()\[\]]+")
# Where a sentence or a line ends between a number and a word after it: that word opens what comes next.
_BREAK = re.compile(r"[.!?。！？](?:\s|\Z)|\n|\s[–—-]\s|[;|]")
# The same before a candidate: a sentence end followed by a capital (not `Tel. 0123`, `z. B. Telefon`), or a CJK one.
_BREAK_BEFORE = re.compile(r"[.!?]\s+(?=[^\W\d_a-zß-ÿ])|[。！？]")


# A phone word under a negation names what the number is not (`not a phone number`, `kein Telefon`, `ليس رقم هاتف`,
# `ไม่ใช่เบอร์โทร`, `telefon numarası değil`): it does not pull the number towards a phone. A negating determiner
# or particle comes right before the word or two short words before it (`geen telefoonnummer`, `nie telefon`,
# `không phải số điện thoại`); a
# negated verb only with an article after it (`is not a phone`, `n'est pas un numéro de téléphone`), so `not
# answering at …` still names a phone; languages that negate after the noun, right after it.
_NEG_SHORT = r"(?:[^\W\d]{1,6}[ \t]+){0,2}\Z"
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|kein\w{0,2}|geen|ingen|bukan|không phải|nie|ne|nem|ei|mitte|nevis|не|ні)\b"
    r"|ليس|ليست|ไม่ใช่|不是|並非|并非|לא)[ \t]*" + _NEG_SHORT
    + r"|(?:\b(?:not|nicht|niet|ikke|inte|pas|non|não|nie|не|ні|δεν)\b|n't)[ \t]+"
    r"(?:a|an|the|any|my|ein\w{0,2}|mein\w{0,2}|een|mijn|ett|en|et|min|mitt|mit|un|une|uno|una|um|uma|é|är|er|ist|is|es|est|jest|є)"
    r"[ \t]+" + _NEG_SHORT,
    re.IGNORECASE,
)
_NEGATED_AFTER = re.compile(r"\A(?:[ \t]*\w{1,12})?[ \t]*(?:değil|ではな|ではあ|じゃな|아니|아님|नहीं)")


def _negated(text: str, start: int, end: int) -> bool:
    return bool(_NEGATED_BEFORE.search(text, max(0, start - 24), start)) or bool(
        _NEGATED_AFTER.match(text[end : end + 24])
    )


class ContextIndex:
    """Every context word of one text with its position and tags, built once per scan.

    Candidates then look up their neighbours by bisection instead of re-reading the window."""

    __slots__ = ("_built", "_ends", "_label", "_mentions", "_starts", "_table", "_tags", "text")

    def __init__(self, text: str, label: str | None = None) -> None:
        """`label`: the key the whole text sits under (a JSON leaf's key), context for a bare value."""
        self.text = text
        self._label = label
        self._table = TableLabels(text)
        self._mentions: frozenset[str] | None = None
        self._built = False
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._tags: list[frozenset[str]] = []

    def _build(self) -> None:
        """Built on the first lookup: most texts' candidates are ruled out by shape before context."""
        self._built = True
        text = self.text
        marks: list[tuple[int, int, frozenset[str]]] = []
        for off, word in _words(text):
            tags = _tags_of(word)
            if tags:
                marks.append((off, off + len(word), tags))
        if "@" in text or "://" in text:
            tokens = [(m.start(), m.end()) for m in _ADDRESS_TOKEN.finditer(text)]
            marks = [mk for mk in marks if not any(a <= mk[0] < b for a, b in tokens)]
        if not text.isascii():
            for tag, lex in LEXICONS.items():
                for sub in lex.substrings:
                    i = text.find(sub)
                    while i >= 0:
                        marks.append((i, i + len(sub), frozenset({tag})))
                        i = text.find(sub, i + 1)
            marks.sort()
        marks = [
            (a, b, tags - _PHONE_TAG if "PHONE_NUMBER" in tags and _negated(text, a, b) else tags)
            for a, b, tags in marks
        ]
        self._starts = [a for a, _, _ in marks]
        self._ends = [b for _, b, _ in marks]
        self._tags = [t for _, _, t in marks]

    def mentions(self, tag: str) -> bool:
        """Whether any word of the text (a table header, the label included) carries `tag`: when none does, no
        candidate can lean that way and the per-candidate lookups are skipped."""
        if self._mentions is None:
            if not self._built:
                self._build()
            label_tags = [_tags_of(w) for _, w in _words(self._label)] if self._label else []
            self._mentions = frozenset().union(*self._tags, *label_tags)
        return tag in self._mentions

    def nearest(
        self, tag: str, start: int, end: int, floor: int = 0, labels: bool = False, skip_keys: bool = False
    ) -> int | None:
        """Distance in characters to the nearest word tagged `tag` around text[start:end] (not before
        `floor`), or None. With `labels`, only a word that labels the candidate counts: within
        LABEL_REACH, and no digit or line break between them (`ts=1754390916⏎10.2.0.1`: `ts` labels
        the epoch, not the address on the next line)."""
        if not self._built:
            self._build()
        best: int | None = None
        i = bisect_left(self._starts, max(floor, start - WINDOW_BEFORE))
        while i < len(self._starts) and self._starts[i] < end + WINDOW_AFTER:
            a, b = self._starts[i], self._ends[i]
            if tag in self._tags[i] and not (skip_keys and _KEY_END.match(self.text, b)):
                dist: int | None
                if b <= start:
                    # a word that ends a sentence before the candidate's own (`PSČ 370 01. Poruchová linka: …`)
                    dist = None if _BREAK_BEFORE.search(self.text, b, start) else start - b
                elif a >= end:
                    dist = None if _BREAK.search(self.text, end, a) else a - end + _AFTER_PENALTY
                else:
                    dist = None  # inside the candidate: not context
                if dist is not None and labels:
                    gap = self.text[b:start] if b <= start else self.text[end:a]
                    if dist > LABEL_REACH or "\n" in gap or any(c.isdigit() for c in gap):
                        dist = None
                if dist is not None and (best is None or dist < best):
                    best = dist
            i += 1
        return best

    def lean(self, entity: str, start: int, end: int, strong: bool = False, only_for: bool = False) -> Lean:
        """The pull of the nearest context word: for the type, against (an identifier word), or none.

        A `strong` candidate (one its shape and check already make likely: an international phone, a
        grouped card, an SSN in its 3-2-4 form, an IP) is pulled against only by an identifier word
        that labels it (see `nearest`), not by one elsewhere in the window (a CSV header, a neighbouring
        field). In a table row under a header line, the column's header decides when it
        is a context word; otherwise only words of the row itself count. Before both, the key of a
        `key: value` / `key=value` pair decides when it names the type or an identifier."""
        key = key_before(self.text, start)
        if key is None and self._label is not None and _bare(self.text, start, end):
            key = self._label
        floor = 0
        skip_keys = False
        if key is not None:
            pull = key_lean(key, entity)
            if pull is not Lean.NONE:
                return pull
            # Under a neutral quoted key (`"jmbg": "0101985715028"`), the other keys of the object (`"telefon": …`,
            # `"우편번호": …`) label their own values; the words of values around it still count (`"type":
            # "mobile", "value": …`).
            skip_keys = _quoted_key(self.text, start, key)
            # A value under a neutral key of its own (`started=1756691306`) is that key's: the words of the lines
            # above label other values.
            floor = self.text.rfind("\n", 0, start) + 1
        label = self._table.label(start)
        if label is not None:
            cell, floor = label
            pull = column_lean(cell, entity)
            if pull is not Lean.NONE:
                return pull
        pro = self.nearest(entity, start, end, floor, skip_keys=skip_keys) if entity in LEXICONS else None
        if only_for and pro is None:
            return Lean.NONE  # the caller keeps the candidate only with a type word: skip the other lookup
        con = self.nearest(AGAINST_TAG, start, end, floor, labels=strong, skip_keys=skip_keys)
        if pro is None and con is None:
            return Lean.NONE
        if con is None or (pro is not None and pro <= con):
            return Lean.FOR
        return Lean.AGAINST

    def in_token(self, start: int, end: int, entity: str) -> bool:
        """`embedded`, except that a `#` glued to the value after a word naming its type is a label
        (`SSN#536-90-4399`, `Ph#212-555-0143`), not the joiner of a longer token (`INV#4501239876`)."""
        text = self.text
        if glued_right(text, end):
            return True
        if not glued_left(text, start):
            return False
        return not (text[start - 1] == "#" and entity in _tags_of(self.word_before(start)))

    def word_before(self, start: int) -> str:
        """The word ending right before `start` (skipping spaces, `:`, `=`, `#`, quotes), lower-cased."""
        m = _LAST_WORD.search(self.text, max(0, start - 24), start)
        return m.group(1).lower() if m else ""


_KEY_END = re.compile(r"\w*[\"']\s*[:=]")  # the rest of a quoted key: `telefon": `


def _quoted_key(text: str, start: int, key: str) -> bool:
    head = text[max(0, start - len(key) - 8) : start]
    return f'"{key}"' in head or f"'{key}'" in head


def _bare(text: str, start: int, end: int) -> bool:
    """text[start:end] is the whole value: nothing but spaces and punctuation around it."""
    return not any(c.isalnum() for c in text[:start]) and not any(c.isalnum() for c in text[end:])


_LAST_WORD = re.compile(r"([^\W\d_]+)[\s:=#(\"']*\Z")
