"""Core injection phrasings in other languages: override, secret exfiltration, role hijack."""
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

from gateway.detectors.injection.families import Family

_OVERRIDE = (
    r"ignor[ae] (?:todas )?las instrucciones|olvida (?:todas )?las instrucciones|instrucciones anteriores",
    r"ignor[ae] (?:todas )?as instruções|esqueça (?:todas )?as instruções|instruções anteriores",
    r"ignore[rz]? (?:toutes )?les instructions|oublie[rz]? (?:toutes )?les instructions|instructions précédentes",
    r"ignorier\w* (?:alle )?(?:vorherigen |bisherigen )?anweisungen|vergiss\w* (?:alle )?(?:vorherigen )?anweisungen|"
    r"vorherigen anweisungen",
    r"ignora (?:tutte )?le istruzioni|dimentica (?:tutte )?le istruzioni|istruzioni precedenti",
    r"игнорир\w* (?:все )?(?:предыдущие )?(?:инструкции|указания)|забудь\w* (?:все )?(?:предыдущие )?"
    r"(?:инструкции|указания)|предыдущие (?:инструкции|указания)",
    r"önceki talimatlar\w*|talimatlar\w* (?:yok say|görmezden gel|unut)",
    r"abaikan (?:semua )?(?:instruksi|petunjuk|perintah)|(?:instruksi|petunjuk) sebelumnya|lupakan (?:semua )?instruksi",
    r"bỏ qua (?:tất cả )?(?:các )?(?:hướng dẫn|chỉ dẫn|chỉ thị)|quên (?:tất cả )?(?:các )?(?:hướng dẫn|chỉ dẫn)|"
    r"hướng dẫn trước",
    r"(?:huwag pansinin|kalimutan|balewalain)\b.{0,30}\b(?:tagubilin|utos|instruksyon)",
    r"पिछले (?:सभी )?निर्देश|निर्देशों को (?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)|(?:अनदेखा|नज़रअंदाज़|नजरअंदाज) कर",
    r"পূর্ববর্তী (?:সমস্ত |সব )?নির্দেশ|নির্দেশ\w* (?:উপেক্ষা|ভুলে)|উপেক্ষা কর",
    r"تجاهل|(?:التعليمات|الإرشادات) السابقة|انس (?:جميع )?التعليمات",
    r"忽略|无视|忽視|無視|之前的指令|先前的指示|以前の指示|前の指示|指示を無視",
    r"이전 (?:의 )?(?:모든 )?(?:지시|지침|명령)|무시(?:하고|하세요|해)",
    r"เพิกเฉย|ละเว้นคำสั่ง|ลืมคำสั่ง|คำสั่งก่อนหน้า|ไม่ต้องสนใจ",
)
_SECRET = (
    r"contraseña|clave secreta|senha|chave secreta|mot de passe|clé secrète|passwort|geheim(?:er|en)? schlüssel|"
    r"parola d'ordine|chiave segreta|пароль|секретн\w+ ключ|şifre|parola(?:yı|nı)?\b|gizli anahtar|kata sandi|"
    r"kunci rahasia|mật khẩu|khóa bí mật|lihim na (?:susi|code)|पासवर्ड|गुप्त (?:कुंजी|कोड)|পাসওয়ার্ড|গোপন (?:কী|কোড)|"
    r"كلمة (?:المرور|السر)|المفتاح السري|密码|密碼|秘密キー|パスワード|비밀번호|암호|비밀 키|รหัสผ่าน|คีย์ลับ|รหัสลับ",
)
_PROMPT = (
    r"(?:instrucciones|prompt|mensaje) del sistema|instruções do sistema|prompt du système|message système|"
    r"systemanweisung|systemprompt|prompt di sistema|системн\w+ (?:промпт|подсказк\w+|инструкци\w+|сообщени\w+)|"
    r"sistem (?:istemi|talimat|mesaj)\w*|prompt sistem|lời nhắc hệ thống|सिस्टम प्रॉम्प्ट|सिस्टम (?:संदेश|निर्देश)|"
    r"সিস্টেম প্রম্পট|موجه النظام|تعليمات النظام|系统提示|系統提示|システムプロンプト|시스템 프롬프트|พรอมต์ระบบ",
)
_ROLE = (
    r"modo (?:desarrollador|de desarrollador|administrador|sistema|de sistema|dios|sin restricciones)|"
    r"mode (?:développeur|administrateur|système|sans restriction)|(?:entwickler|administrator|system)modus|"
    r"modalità (?:sviluppatore|amministratore|sistema)|режим (?:разработчика|администратора|системы|бога)|"
    r"(?:geliştirici|yönetici|sistem) modu|mode (?:pengembang|admin|sistem)|chế độ (?:nhà phát triển|quản trị|hệ thống)|"
    r"डेवलपर मोड|सिस्टम मोड|ডেভেলপার মোড|সিস্টেম মোড|وضع (?:المطور|النظام|المسؤول)|开发者模式|系统模式|"
    r"開発者モード|システムモード|개발자 모드|시스템 모드|โหมดนักพัฒนา|โหมดระบบ",
)


def multilingual_table() -> tuple[Family, ...]:
    return (
        Family("instruction-override", 0.85, "|".join(f"(?:{p})" for p in _OVERRIDE)),
        Family("prompt-exfiltration", 0.7, "|".join(f"(?:{p})" for p in (*_SECRET, *_PROMPT))),
        Family("role-hijack", 0.75, "|".join(f"(?:{p})" for p in _ROLE)),
    )
