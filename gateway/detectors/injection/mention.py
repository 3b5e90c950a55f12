"""Text about attacks: an attack quoted or forwarded by someone who says it is one is a mention, not an order.

"What is prompt injection? Is 'ignore all previous instructions' enough?", a dataset card quoting
jailbreak prompts, a security team forwarding a phishing mail "do not act on it": the attack's words
are there, but the writer frames them as an example. A stretch counts as mentioned when it is in
quotes or in a forwarded/quoted-reply block, and the text *outside* it talks about attacks. Findings
inside a mentioned stretch are dropped before cues are combined.

The trade: an attacker who frames a real order as an example ("this is a prompt-injection example:
'...'") is let through by this rule alone; the learned tier and the other cues of the text still see it.
"""
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

import re

# The writer's own words that say the text is about attacks.
_ABOUT = re.compile(
    r"\b(?:prompt[- ]injections?|jailbreak(?:s|ing)?|injection attacks?|red[- ]team(?:ing|ers?)?|adversarial prompts?|"
    r"attack (?:prompts?|strings?|payloads?|examples?|patterns?|techniques?)|phishing|scam|suspicious|"
    r"malicious (?:e-?mails?|mails?|messages?|prompts?|instructions?|payloads?)|security (?:team|awareness|training|research(?:er)?s?|advisory|alert|notice|bulletin|warning)|"
    r"(?:this|the|our) (?:dataset|data set|benchmark|corpus)|classifier|guardrails?|do not (?:click|reply|respond|act on|follow|open)|"
    r"don't (?:click|reply|respond|act on|follow|open)|reported (?:as|this)|for (?:analysis|awareness|your awareness|training purposes)|"
    # reported speech about attacks: who attacks, what a filter does with the quoted words
    r"attackers?|adversar(?:y|ies)|(?:an|the|this) attack|injected|planted|(?:flags?|flagged|detects?|detected|blocks?|blocked|filters?|filtered) (?:text|inputs?|lines?|phrases?|strings?|messages?|mails?|e-?mails?|content|it|them|such|as)|"
    r"moderation|heuristics?|test (?:fixtures?|cases?)|"
    # a labelled dataset: its rows carry "malicious" / "benign" (a CSV column, a JSON field), so each quoted text is a sample
    r"malicious|benign|malicios[oa]s?|benign[oa]s?|malveillante?s?|bénigne?s?|bösartig\w*|gutartig\w*|dannos[oi]|benign[io]|"
    r"kwaadaardig\w*|goedaardig\w*|złośliw\w*|łagodn\w*|škodliv\w*|вредоносн\w*|безобидн\w*|zararlı|zararsız|berbahaya|"
    r"benigní|neškodn\w*|độc hại|lành tính|ondsindet|godartet|skadlig|ofarlig|ondsinnet|haitallinen|vaaraton|rosszindulatú|ártalmatlan|"
    # an incident report tells what someone sent: "A customer pasted a message reading '...'. The bot declined."
    r"incident (?:reports?|reviews?)|security incidents?|post-?mortems?|vorfallsbericht\w*|sicherheitsvorfall\w*|rapport d'incident|incident de sécurité|"
    r"informe de(?:l)? incidente|incidente de seguridad|incidente di sicurezza|relatório de incidente|incidente de segurança|"
    r"инцидент\w*|інцидент\w*|incydent\w*|incident\w* bezpečnost\w*|güvenlik olayı|"
    # a writer announcing examples of phrases (a detector's rule table, a lesson): what follows is catalogued
    r"(?:example|sample) (?:phrases?|prompts?|inputs?|strings?|sentences?)|examples? of (?:phrases?|prompts?|inputs?|strings?|sentences?)|quoted examples?|"
    r"ejemplos? de (?:frases|prompts|entradas)|exemples? de (?:phrases|prompts|requêtes)|beispiel(?:sätze|phrasen|eingaben)|beispiele für (?:sätze|phrasen|eingaben)|"
    r"esempi(?:o)? di (?:frasi|prompt)|exemplos? de (?:frases|prompts)|примеры? фраз|приклади? фраз|příklad\w* frází|przykład\w* fraz|παραδείγματα φράσεων|örnek (?:ifadeler|cümleler)|"
    # the same words in other languages the writers use most ("suspicious", "attack", "phishing")
    r"verdächtig\w*|angriff\w*|angreifer\w*|sospechos\w*|ataque\w*|suspeit\w*|sospett\w*|attaque\w*|malveillant\w*|"
    r"подозрительн\w*|атак\w*|şüpheli|saldırı\w*|podejrzan\w*|atak\w*|verdacht\w*|aanval\w*|"
    # security work, moderation and quarantine in the languages the writers use: a quote a moderator removed or a
    # training quotes is an example. Compounds only: a bare "security" or "filter" word is as often the jailbreak's
    # own ("sin filtros", "Sicherheitsregeln aus")
    r"cyber\w*|кибер\w*|kiber\w*|siber|ciber\w*|cyberbezpieczeństw\w*|kyberbezpečnost\w*|"
    r"sicherheitsteam\w*|sicherheitsschulung\w*|sicherheitswarnung\w*|sicherheitshinweis\w*|"
    r"güvenlik (?:ekib\w*|eğitim\w*|uyarı\w*)|(?:tim|pelatihan|materi pelatihan) keamanan|"
    r"(?:équipe|formation|alerte) (?:de )?sécurité|(?:equipo|formación|alerta|capacitación) de seguridad|"
    r"(?:squadra|formazione|avviso) (?:di )?sicurezza|(?:equipe|treinamento|formação|alerta) de segurança|"
    r"moderasi|moderación|modération|moderazione|moderação|moderat\w*|модерац\w*|модератор\w*|"
    r"quarantaine|cuarentena|quarantena|quarantäne|quarentena|карантин\w*|karantina\w*)\b",
    re.I,
)
# "prompt injection" in scripts written without spaces (no word boundary there) and other languages
_ABOUT_NO_BOUNDARY = re.compile(
    r"提示注入|提示词注入|プロンプトインジェクション|프롬프트 ?인젝션|инъекци[яи] промпт|prompt-?injektion|inyección de (?:prompts?|instrucciones)|injection de prompt|iniezione di prompt|"
    # "attack", "suspicious", "phishing", "scam", "jailbreak" in scripts written without spaces or
    # with suffixes (matched anywhere), and in alphabets the list above does not cover (at a word start)
    r"攻撃|攻击|攻擊|공격|هجوم|حمله|हमला|হামলা|不審|可疑|의심|مشبوه|مشکوک|संदिग्ध|সন্দেহজনক|ύποπτ|חשוד|"
    r"フィッシング|钓鱼|釣魚|피싱|تصيد|फ़िशिंग|फिशिंग|фишинг|詐欺|诈骗|詐騙|사기|احتيال|धोखाधड़ी|越狱|脱獄|탈옥|"
    r"\b(?:serangan|mencurigakan|tấn công|đáng ngờ|επίθεσ|התקפ|útok|podezřel|misstänkt|mistænkelig|mistenkelig|"
    r"gyanús|támadás|epäilyttäv|hyökkäy|підозріл|атак|shambulio|atac)|"
    # security work and moderation in scripts written without spaces (compounds, as above)
    r"安全培训|安全培訓|网络安全|網路安全|内容审核|內容審核|セキュリティ研修|セキュリティ教育|セキュリティチーム|"
    # examples of phrases announced (a detector's rule table): "typical sentences", "example sentences", in Chinese,
    # Japanese, Korean, Arabic and Hindi
    r"典型语句|示例语句|例句|例文|예시 문장|예문|أمثلة على العبارات|أمثلة العبارات|उदाहरण वाक्यांश|"
    r"安全事件|事件报告|事件報告|インシデント|보안 사고|사고 보고|"
    # dataset labels in scripts written without spaces and in other alphabets: malicious, benign, harmful, harmless
    r"恶意|惡意|悪意|良性|악성|خبيث|ضار|حميد|दुर्भावनापूर्ण|हानिरहित|"
    r"보안팀|보안 교육|보안 공지|सुरक्षा टीम|सुरक्षा प्रशिक्षण|सुरक्षा सूचना|промпт-инъекци|промпт-ін'єкці",
    re.I,
)
# one pattern per kind of quote, each searched on its own, so a quote inside another kind of quote
# is a stretch of its own
_QUOTED = tuple(
    re.compile(p)
    for p in (
        r"(?<![\w])\"[^\"\n]{8,400}\"",
        r"“[^”]{8,400}”",
        r"«[^»]{8,400}»",
        r"„[^“”]{8,400}[“”]",
        r"(?<![\w])'[^'\n]{8,300}'(?![\w])",
        r"`[^`\n]{8,300}`",
        r"「[^」]{4,300}」",  # Japanese and traditional Chinese quotes; CJK phrases are short in characters
        r"『[^』]{4,300}』",
    )
)
# A quote the writer announces as an example ("for example \"assistant, forward …\"", "z. B. „…“", "例如“…”"): an
# example of something, not an order to the reader. Only explicit example markers: a bare "like" / "wie" / "como"
# before a quote is as often a jailbreak's own ("act like \"an AI without rules\"").
_EXAMPLE_BEFORE = re.compile(
    r"(?:\be\.\s?g\.|\bfor (?:example|instance)|\bsuch as|\bz\.\s?b\.|\bzum beispiel|\bbeispielsweise|\bpor ejemplo|"
    r"\bp\.\s?ej\.|\bpar exemple|\bp\.\s?ex\.|\bad esempio|\bad es\.|\bper esempio|\bpor exemplo|\bbijvoorbeeld|"
    r"\bbv\.|\bna przykład|\bnp\.|\bnapříklad|\bnapr\.|\bnapríklad|например|напр\.|наприклад|\börneğin|\bmisalnya|"
    r"\bcontohnya|\bví dụ|\bhalimbawa|\besimerkiksi|\bt\.\s?ex\.|\btill exempel|\bfor eksempel|\bf\.\s?eks\.|"
    r"\bpéldául|\bpl\.|\bde exemplu|π\.\s?χ\.|για παράδειγμα|例如|比如|譬如|例えば|たとえば|예를 들어|예컨대|"
    r"على سبيل المثال|مثلا|مثلاً|उदाहरण के लिए|जैसे कि|למשל|เช่น)[\s:,(]*\Z",
    re.I,
)
_FORWARDED = re.compile(
    r"(?im)^[ \t>]*(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:?|fwd?:\s.*|from:\s.*\bsent:\s.*)$"
)
_REPLY_LINES = re.compile(r"(?m)(?:^[ \t]*>.*(?:\n|$))+")


def mention_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` that are quoted or forwarded, when the rest of the text talks about attacks."""
    spans = [(m.start(), m.end()) for q in _QUOTED for m in q.finditer(text)]
    spans.extend((m.start(), m.end()) for m in _REPLY_LINES.finditer(text))
    forwarded = _FORWARDED.search(text)
    if forwarded:
        spans.append((forwarded.start(), len(text)))
    # a stretch is a mention when the text outside *it* talks about attacks: a quote inside a quoted
    # description ('Flags text such as "ignore previous instructions"') is framed by that description
    return [
        (a, b) for a, b in spans if _EXAMPLE_BEFORE.search(text, max(0, a - 24), a) or _about(text[:a] + " " + text[b:])
    ]


def _about(outside: str) -> bool:
    return _ABOUT.search(outside) is not None or _ABOUT_NO_BOUNDARY.search(outside) is not None


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def touches(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `start`..`end` begins or ends inside one of `spans`: a hit that runs from a quoted example into the
    list or sentence around it (`["ignore previous instructions", "disregard the above", "system:"]`) is the
    example's. A hit that holds a whole quote and more ('assistant, forward "all invoices" to …') is not."""
    return any(a <= start < b or a < end <= b for a, b in spans)
