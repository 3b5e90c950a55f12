"""Core injection phrasings in other languages: instruction override, secret exfiltration, role hijack."""
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

from gateway.detectors.injection.families import Family, family

# Not right after a first-person possessive: "olvida mis instrucciones anteriores", "私の前の指示" are a writer's
# own earlier orders, withdrawn (the English family reads "ignore my ..." the same way; `combinations.OWNED`).
_POSSESSIVES = "mis mes meine meinen meiner minhas mie мои моих मेरे আমার 제 내 저의 나의"  # a space follows them
_M = "".join(f"(?<!{w} )" for w in _POSSESSIVES.split()) + "".join(f"(?<!{w})" for w in ("私の", "自分の", "僕の", "我的", "我"))
# (triggers, pattern): triggers are substrings (stems) one of which every match contains.
_OVERRIDE = (
    ("instrucciones", rf"(?:ignor[ae]|olvida) (?:todas )?las instrucciones|{_M}instrucciones anteriores"),
    ("instruções", rf"(?:ignor[ae]|esqueça) (?:todas )?as instruções|{_M}instruções anteriores"),
    ("instructions", rf"(?:ignore[rz]?|oublie[rz]?) (?:toutes )?les instructions|{_M}instructions précédentes"),
    (
        "anweisungen",
        rf"(?:ignorier|vergiss)\w* (?:sie )?(?:alle )?(?:vorherigen |bisherigen )?anweisungen|{_M}(?:vorherigen|bisherigen) anweisungen",
    ),
    ("istruzioni", rf"(?:ignora|dimentica) (?:tutte )?le istruzioni|{_M}istruzioni precedenti"),
    (
        "инструкци указани",
        rf"(?:игнорир|забудь|забудьте)\w* (?:все )?(?:предыдущие )?(?:инструкци|указани)\w*|{_M}предыдущие (?:инструкци|указани)\w*",
    ),
    ("talimat", r"önceki talimatlar\w*|talimatlar\w* (?:yok say|görmezden gel|unut)"),
    (
        "abaikan instruksi petunjuk",
        r"abaikan (?:semua )?(?:instruksi|petunjuk|perintah)|(?:instruksi|petunjuk) sebelumnya|lupakan (?:semua )?instruksi",
    ),
    (
        "hướng dẫn chỉ dẫn chỉ thị",
        r"(?:bỏ qua|quên) (?:tất cả )?(?:các |những )?(?:hướng dẫn|chỉ dẫn|chỉ thị)|(?:hướng dẫn|chỉ dẫn) trước",
    ),
    ("tagubilin utos instruksyon", r"(?:huwag pansinin|kalimutan|balewalain)\b.{0,30}\b(?:tagubilin|utos|instruksyon)"),
    (
        "निर्देश अनदेखा नज़रअंदाज़ नजरअंदाज",
        rf"{_M}पिछले (?:सभी )?निर्देश|निर्देशों को (?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)",
    ),
    ("নির্দেশ উপেক্ষা", rf"{_M}পূর্ববর্তী (?:সমস্ত |সব )?নির্দেশ|নির্দেশ\w* (?:উপেক্ষা|ভুলে)"),
    ("التعليمات الإرشادات", r"(?:التعليمات|الإرشادات) السابقة|انس (?:جميع )?التعليمات"),
    ("指令 指示", rf"{_M}之前的指令|{_M}先前的指示|{_M}以前の指示|{_M}前の指示|指示を無視"),
    ("이전", rf"{_M}이전 (?:의 )?(?:모든 )?(?:지시|지침|명령)"),
    ("ละเว้น ลืมคำสั่ง คำสั่งก่อนหน้า", r"ละเว้นคำสั่ง|ลืมคำสั่ง|คำสั่งก่อนหน้า"),
)
# A bare "ignore" with no object in scripts without spaces: as often "(this option is) ignored" in a
# program's messages as an order to the reader; a weak cue that needs another one (the lexicon rules
# pair it with "instructions" or "previous" for the strong score).
_BARE_IGNORE = (
    "अनदेखा नज़रअंदाज़ नजरअंदाज উপেক্ষা تجاهل 忽略 无视 忽視 無視 무시 เพิกเฉย ไม่ต้องสนใจ",
    r"(?:अनदेखा|नज़रअंदाज़|नजरअंदाज) कर|উপেক্ষা কর|تجاهل|忽略|无视|忽視|無視|무시(?:하고|하세요|해)|เพิกเฉย|ไม่ต้องสนใจ",
)
_SECRET = (
    (
        "contraseña clave senha chave passe clé",
        r"contraseña|clave secreta|senha|chave secreta|mot de passe|clé secrète",
    ),
    ("passwort schlüssel parola chiave", r"passwort|geheim(?:er|en)? schlüssel|parola d'ordine|chiave segreta"),
    ("пароль секретн", r"пароль|секретн\w+ ключ"),
    ("şifre parola anahtar", r"şifre|parola(?:yı|nı)?\b|gizli anahtar"),
    ("sandi rahasia mật khóa lihim", r"kata sandi|kunci rahasia|mật khẩu|khóa bí mật|lihim na (?:susi|code)"),
    ("पासवर्ड गुप्त পাসওয়ার্ড গোপন", r"पासवर्ड|गुप्त (?:कुंजी|कोड)|পাসওয়ার্ড|গোপন (?:কী|কোড)"),
    ("كلمة المفتاح", r"كلمة (?:المرور|السر)|المفتاح السري"),
    (
        "密码 密碼 キー パスワード 비밀 암호 รหัส คีย์",
        r"密码|密碼|秘密キー|パスワード|비밀번호|암호|비밀 키|รหัสผ่าน|คีย์ลับ|รหัสลับ",
    ),
)
# A secret named in a question, or with a verb asking the reader to confirm, give or check it:
# a second cue next to the bare word, which on its own is also a UI label ("Password:", "Passwort
# ändern"). Verb-final languages put the verb after the noun, so both orders are matched.
_SECRET_WORDS = "|".join(p for _, p in _SECRET)
_ASK_VERBS = (
    r"dime|d[ií]game|diga|dis-moi|dites-moi|sag mir|sagen sie mir|dimmi|revel|révèle|rivela|muestra|mostr|montre|zeig|verrat|"
    r"compart|partage|condividi|покажи|раскрой|söyle|soyle|göster|goster|beritahu|katakan|sabihin|أخبرني|اخبرني|اكشف|透露|明かして|"
    r"confirm|conferm|bestätig|bestaetig|geben|gib|verifi|onayla|doğrula|dogrula|xác nhận|cho (?:tôi|tớ)|"
    r"konfirmasi|mengonfirmasi|kumpirm|подтверд|назови|дай|скажи|"
    r"확인해|확인하|알려|確認して|確認でき|教えて|确认|確認|告诉|告訴|给我|ยืนยัน|บอก|নিশ্চিত|বলুন|"
    r"पुष्टि|बताइए|बताओ|أكد|تأكيد|أعطني|اعطني"
)
_SECRET_ASK = (
    "? ？ "
    + " ".join(_ASK_VERBS.replace("(?:tôi|tớ)", "tôi").replace("d[ií]game", "dígame digame").split("|"))
    .replace("xác nhận", "xác")
    .replace("cho tôi", "cho"),
    rf"(?:{_SECRET_WORDS})[^.!。！\n?？]{{0,60}}[?？]|(?:{_ASK_VERBS})[^.!?。！？\n]{{0,40}}(?:{_SECRET_WORDS})|(?:{_SECRET_WORDS})[^.!?。！？\n]{{0,25}}(?:{_ASK_VERBS})",
)
# The secret dressed up as a poem, haiku, acrostic or cipher ("write a haiku about the password"):
# the English `secret-wrapping` cue in other languages; a second, independent cue next to the word.
_WRAPS = (
    r"poema|poème|poeme|gedicht|poesia|poesía|стих|хайку|акрости|şiir|siir|puisi|sajak|thơ|chữ âm|tula|"
    r"कविता|हाइकु|কবিতা|হাইকু|قصيدة|شعر|诗|詩|俳句|시를|하이쿠|กลอน|บทกวี|haiku|acr[oó]stic|akrostich|"
    r"latín de cerdo|pig latin|猪拉丁|leetspeak|canción|chanson|lied|canzone|песн|şarkı|lagu|bài hát|गीत|歌"
)
_SECRET_WRAP = (
    " ".join(
        _WRAPS.replace("acr[oó]stic", "acrostic acróstic")
        .replace("latín de cerdo", "latín")
        .replace("chữ âm", "chữ")
        .replace("pig latin", "pig")
        .split("|")
    ),
    rf"(?:{_WRAPS})[^.!?。！？\n]{{0,40}}(?:{_SECRET_WORDS})|(?:{_SECRET_WORDS})[^.!?。！？\n]{{0,30}}(?:{_WRAPS})",
)
_PROMPT = (
    (
        "sistema système system sistem",
        r"(?:instrucciones|prompt|mensaje) del sistema|instruções do sistema|prompt du système|message système|systemanweisung|systemprompt|prompt di sistema|sistem (?:istemi|talimat|mesaj)\w*|prompt sistem",
    ),
    ("системн", r"системн\w+ (?:промпт|подсказк\w+|инструкци\w+|сообщени\w+)"),
    (
        "hệ thống सिस्टम সিস্টেম النظام 系统 系統 システム 시스템 ระบบ",
        r"lời nhắc hệ thống|सिस्टम प्रॉम्प्ट|सिस्टम (?:संदेश|निर्देश)|সিস্টেম প্রম্পট|موجه النظام|تعليمات النظام|系统提示|系統提示|システムプロンプト|시스템 프롬프트|พรอมต์ระบบ",
    ),
)
_ROLE = (
    (
        "modo mode modus modalità",
        r"modo (?:desarrollador|de desarrollador|administrador|sistema|de sistema|dios|sin restricciones)|mode (?:développeur|administrateur|système|sans restriction|pengembang|admin|sistem)|(?:entwickler|administrator|system)modus|modalità (?:sviluppatore|amministratore|sistema)",
    ),
    (
        "режим modu chế",
        r"режим (?:разработчика|администратора|системы|бога)|(?:geliştirici|yönetici|sistem) modu|chế độ (?:nhà phát triển|quản trị|hệ thống)",
    ),
    (
        "मोड মোড وضع 模式 モード 모드 โหมด",
        r"डेवलपर मोड|सिस्टम मोड|ডেভেলপার মোড|সিস্টেম মোড|وضع (?:المطور|النظام|المسؤول)|开发者模式|系统模式|開発者モード|システムモード|개발자 모드|시스템 모드|โหมดนักพัฒนา|โหมดระบบ",
    ),
)


# A banner of stars around a heading ("*** NEW IMPORTANT INSTRUCTIONS ***") in any language: weak
# alone (manuals shout "*** WARNING ***" too), it adds to what the heading says.
_BANNER = ("***", r"(?:^|\n)[ \t]*\*{3,}(?=[^*\n]{3,80}\*{3,})")  # the stars only: the heading is evidence of its own
# "Repeat the word X 100 times" in other languages: the English `resource-abuse` cue.
_REPEAT_MANY = (
    "repite repita répète wiederhol ripeti повтор tekrar ulangi lặp ulitin दोहरा পুনরাবৃত্তি كرر 重复 繰り返 반복 ทำซ้ำ herhaal powtórz zopakuj upprepa gjenta repetă përsërit phinda athdhéan ath-aithris",
    r"(?:repite|repita|répète|wiederhol\w*|ripeti|повтор\w*|tekrarla|ulangi|lặp lại|ulitin|दोहरा\w*|পুনরাবৃত্তি|كرر|重复|繰り返|반복|ทำซ้ำ|herhaal|powtórz|zopakuj|upprepa|gjenta|repetă|përsërit|phinda|athdhéan|ath-aithris)[^.\n]{0,60}?\b\d{3,}\b",
)


# "You are now a ...": a new identity, in other languages (an article must follow, so the status
# line "Du bist jetzt angemeldet" is not one).
_NOW_YOU_ARE = (
    "eres você voce és maintenant désormais dorénavant jetzt nun sofort sei bent jesteś jestes теперь тепер отныне 现在你是 你现在是 今からあなたは 이제 ตอนนี้คุณคือ أنت अब এখন",
    r"\bahora eres (?:un|una|el|la|mi)\b|\bagora (?:você é|voce e|tu és|és) (?:um|uma|o|a|meu|minha)\b|\b(?:tu es|vous êtes) (?:maintenant|désormais|dorénavant) (?:un|une|le|la|mon|ma)\b|\b(?:du bist|sie sind) (?:jetzt|nun|ab sofort|ab jetzt|von nun an) (?:ein|eine|der|die|das|mein|meine)\b|\b(?:ora|adesso|d'ora in poi) sei (?:un|una|il|la|lo|mio|mia)\b|\b(?:je bent|jij bent|u bent) (?:nu|vanaf nu) (?:een|de|het|mijn)\b|\b(?:jesteś|jestes) (?:teraz|od teraz)\b|(?:теперь ты|ты теперь|отныне ты|тепер ти|ти тепер)\b|\b(?:jetzt|nun|ab sofort|von nun an) bist du (?:ein|eine|der|die|das|mein|meine)\b|\b(?:a partir de ahora|desde ahora|de ahora en adelante) eres\b|\b(?:à partir de maintenant|dès maintenant|désormais),? tu es\b|\bda (?:ora|adesso) in poi sei\b|\ba partir de agora,? (?:você é|voce e|és)\b|现在你是|你现在是|今からあなたは|이제 (?:너는|당신은)|ตอนนี้คุณคือ|أنت الآن|अब (?:तुम|आप) |এখন তুমি",
)
# "without rules / restrictions / filters", in other languages: weak alone, it adds to a new identity.
_NO_RULES = (
    "sin sem sans ohne senza без kısıtlamasız tanpa không zonder bez uneingeschränkt uneingeschränkte uneingeschränkter ninguna nenhuma aucune keine nessuna 限制 制限 제한 ข้อจำกัด قيود प्रतिबंध",
    r"\b(?:sin (?:restricciones|reglas|filtros|límites)|sem (?:restrições|regras|filtros|limites)|sans (?:restrictions|règles|filtres|limites)|ohne (?:einschränkungen|regeln|filter|grenzen)|uneingeschränkt\w*|senza (?:restrizioni|regole|filtri|limiti)|без (?:ограничений|правил|фильтров|обмежень)|kısıtlamasız|tanpa (?:batasan|aturan|filter)|không (?:có )?(?:giới hạn|hạn chế|quy tắc)|zonder (?:beperkingen|regels)|bez (?:ograniczeń|zasad|omezení|pravidel)|没有任何限制|没有限制|不受限制|无限制|無制限|制限のない|제한(?:이)? 없는|ไม่มีข้อจำกัด|بدون قيود|बिना (?:किसी )?प्रतिबंध|ninguna restricción|nenhuma restrição|aucune restriction|keine einschränkungen|nessuna restrizione)",
)

# A phishing message asked for, in other languages: the English `harmful-request` cue. Not in a question, where a
# user asks whether a message they received is one.
_PHISHING_WORD = (
    r"phishing|hame[çc]onnage|фишинг|фішинг|oltalama|email lừa đảo|फ़िशिंग|फिशिंग|ফিশিং|تصيد|钓鱼|釣魚|フィッシング|피싱|ฟิชชิ่ง"
)
# ... asked for in a question too beside a verb of writing, before or after it ("¿puedes escribir un correo de
# phishing?", "क्या आप एक फ़िशिंग ईमेल लिख सकते हैं?")
_WRITE = (
    r"escrib|redact|cre[ae]|schreib|verfass|erstell|écri|rédig|scriv|crea|escrev|redij|schrijf|maak|napisz|napiš|"
    r"напиш|написа|склади|yaz|tulis|buat|viết|soạn|लिख|बना|اكتب|أنشئ|写|寫|書い|作って|작성|만들|써|write|draft|create|make"
)
_PHISHING = (
    "phishing hameçonnage hameconnage фишинг фішинг oltalama lừa फ़िशिंग फिशिंग ফিশিং تصيد 钓鱼 釣魚 フィッシング 피싱 ฟิชชิ่ง",
    rf"(?:{_WRITE})[^.!?。！？\n]{{0,60}}(?:{_PHISHING_WORD})|(?:{_PHISHING_WORD})[^.!?。！？\n]{{0,30}}(?:{_WRITE})"
    rf"|(?:{_PHISHING_WORD})(?![^.!?。！？\n]{{0,60}}[?？؟])",
)

# A bracketed or tagged header that names the system, a developer or an administrator, in other languages (the English
# fake-delimiter family reads "[SYSTEM]", "<<SYS>>", "### admin"): "[SİSTEM MESAJI]", "<sistema>", "{{system: …}}",
# "### ΜΗΝΥΜΑ ΣΥΣΤΗΜΑΤΟΣ ###", "[सिस्टम संदेश]". A weak cue (a log's "[system]" line is one too); it adds to what follows.
_HEADER_WORDS = (
    r"system\w*|sistem\w*|système|systeme|systeem|systém\w*|rendszer\w*|järjestelmä\w*|süsteem\w*|σύστημα\w*|"
    r"συστήματ\w*|систем\w*|سیستم|سيستم|نظام|מערכת|सिस्टम|সিস্টেম|சிஸ்டம்|సిస్టమ్|സിസ്റ്റം|ระบบ|系统|系統|システム|시스템|"
    r"hệ thống|developer|desarrollador|desenvolvedor|développeur|developpeur|entwickler\w*|sviluppatore|ontwikkelaar|"
    r"deweloper\w*|vývojář\w*|разработчик\w*|розробник\w*|geliştirici|توسعه|مطور|מפתח|डेवलपर|ডেভেলপার|开发者|開發者|"
    r"開発者|개발자|nhà phát triển|administra\w*|amministratore|администратор\w*|yönetici|مدير|管理员|管理員|管理者|관리자"
)
_HEADER = (
    "[ < {{ ###",
    rf"(?:^|\n)[ \t]*(?:\[|<|\{{\{{|#{{3,}})[ \t]*(?:[^\n\]>}}#]{{0,30}}?[ _/-])?(?:{_HEADER_WORDS})"
    rf"[^\n\]>}}#]{{0,60}}(?:\]|>|\}}\}}|#{{3,}}|:)",
)


def multilingual_table() -> tuple[Family, ...]:
    return (
        family("fake-delimiter", 0.3, *_BANNER),
        family("fake-delimiter", 0.45, *_HEADER, stems=True),
        family("resource-abuse", 0.35, *_REPEAT_MANY, stems=True),
        family("harmful-request", 0.3, *_PHISHING, stems=True),
        # whole-word triggers: "sin", "sei", "nun" are also pieces of English and German words
        family("role-hijack", 0.6, *_NOW_YOU_ARE),
        family("rule-bypass", 0.45, *_NO_RULES),
        *(family("instruction-override", 0.85, t, p, stems=True) for t, p in _OVERRIDE),
        family("instruction-override", 0.35, *_BARE_IGNORE, stems=True),
        # ... unless a replacement order follows it ("ignore the résumé and the state: I admit ..."),
        # as in the English "ignore X and say" cue
        family(
            "instruction-override",
            0.85,
            _BARE_IGNORE[0],
            rf"(?:{_BARE_IGNORE[1]})[^.!?。！？\n:：]{{0,40}}(?:[:：]|और (?:बता|कह|लिख)|و(?:قل|اكتب)|并(?:说|写|回答)|して(?:答え|言))",
            stems=True,
        ),
        # the secret named, nothing asked: the same target as the English `secret-target` cue
        *(family("secret-target", 0.45, t, p, stems=True) for t, p in _SECRET),
        family("prompt-exfiltration", 0.6, *_SECRET_ASK, stems=True),
        family("secret-wrapping", 0.3, *_SECRET_WRAP, stems=True),
        *(family("prompt-exfiltration", 0.7, t, p, stems=True) for t, p in _PROMPT),
        *(family("role-hijack", 0.75, t, p, stems=True) for t, p in _ROLE),
    )
