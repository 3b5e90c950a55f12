"""The multilingual concept tables (data; `combinations.py` holds the rules over them, `lexicon.py` matches).

Each concept is a set of stems per language; a rule fires when all its concepts occur within a
window of characters, in any word order. The tables were written from general knowledge of each
language while checking recall on the DEV data, and a review found that the checking had leaked
into them: about 150 stems matched exactly one DEV row (a row's wording rather than the language's:
"tatlong string", "polis memuruyum", "vertrauliche string") or reproduced a DEV source's
machine-translation slips ("and the state" for "and state"); they were removed. What is left is
core vocabulary (the words for ignore, previous, instructions, password, ...) and the dictionary
phrases of each concept. A multi-word stem that still occurs in exactly one DEV row carries a
comment saying why it stays; `tests/detectors/test_no_dev_copies.py` fails on a literal of five
or more words copied from a DEV row.
"""
# ruff: noqa: E501  (lexicon tables read better unwrapped)

from __future__ import annotations

from gateway.detectors.injection.concepts_acts import ACT_CONCEPTS
from gateway.detectors.injection.concepts_approval import APPROVAL_CONCEPTS
from gateway.detectors.injection.concepts_harm import HARM_CONCEPTS
from gateway.detectors.injection.concepts_keys import KEY_CONCEPTS
from gateway.detectors.injection.concepts_more import MORE_CONCEPTS
from gateway.detectors.injection.concepts_moves import MOVE_CONCEPTS
from gateway.detectors.injection.concepts_pretext import PRETEXT_CONCEPTS
from gateway.detectors.injection.concepts_reader import READER_CONCEPTS
from gateway.detectors.injection.concepts_scope import SCOPE_CONCEPTS
from gateway.detectors.injection.concepts_summary import SUMMARY_CONCEPTS
from gateway.detectors.injection.concepts_tracks import TRACKS_CONCEPTS

# concept -> space-separated stems; "_" stands for a space inside a stem.
CONCEPTS: dict[str, str] = {
    "ignore": (
        # es pt fr de it
        "ignora ignore_las ignore_los ignore_todas ignore_todo ignore_tudo ignore_as ignore_os ignore_les ignore_toutes ignore_tous ignorar ignoren olvida olvide olvidar olvíd descarta omite haz_caso_omiso pasa_por_alto "
        "esqueça esqueca esquece desconsidere despreze "
        "ignorez ignorer oublie oubliez ne_tenez_pas_compte faites_abstraction négligez negligez "
        "ignorier vergiss vergessen_sie missachte außer_acht ausser_acht "
        "ignori dimentica dimentichi trascura non_considerare "
        # ru tr id vi tl
        "игнорир проигнорир забудь забудьте не_обращай не_обращайте пренебре отбрось отбросьте "
        "yok_say görmezden gormezden unut ihmal_et dikkate_alma "
        "abaikan lupakan acuhkan hiraukan "
        "bỏ_qua quên phớt_lờ lờ_đi "
        "huwag_pansinin kalimutan balewalain ipagwalang-bahala "
        # hi bn ar zh ja ko th
        "अनदेखा नज़रअंदाज़ नजरअंदाज भूल_जा भूल_जाओ भूल_जाएं भूल_जाइए उपेक्षा अवहेलना ध्यान_न "
        "উপেক্ষা ভুলে_যান ভুলে_যাও অগ্রাহ্য উপেক্ষা "
        "تجاهل تجاهلي انس انسى تغاضى تغاضي أهمل اهمل لا_تلتفت "
        "忽略 无视 忽視 無視 忘记 忘記 不要理会 不理会 抛开 拋開 "
        "無視 忘れ "
        "무시 잊어 잊으 "
        "เพิกเฉย ละเว้น ลืม ไม่ต้องสนใจ ไม่สนใจ "
        # sq ga gd zu
        "injoro injoroni harro harroni shpërfill shperfill "
        "déan_neamhaird neamhaird déan_dearmad "
        "leig_seachad dìochuimhnich diochuimhnich "
        "ziba ungazinaki khohlwa"
    ),
    "previous": (
        "anteriores previa previas previo previos precedente "
        "précédent précédentes antérieur précède ce_qui_précède "
        "vorherig bisherig vorige vorigen obige obigen früher frueher "
        "precedenti sopra "
        "предыдущ прежн выше ранее "
        "önceki onceki yukarıdaki yukaridaki "
        "sebelumnya di_atas "
        "trước_đó trước ở_trên "
        "nakaraan naunang nauna "
        "पिछले पिछली पूर्व पहले ऊपर "
        "পূর্ববর্তী আগের পূর্বের উপরের "
        "السابقة السابق سابق أعلاه اعلاه من_قبل "
        "之前 先前 以前 上面 以上 上述 "
        "前の これまで 上記 "
        "이전 앞의 위의 "
        "ก่อนหน้า ข้างต้น "
        "mëparshme meparshme më_parë "
        "roimhe roimhe_seo "
        "roimhe_seo "
        "langaphambili ngaphambili"
    ),
    "instructions": (
        "instruccion instrucción indicacion indicación órdenes ordenes reglas "
        "instruç instruc orientaç orientac regras "
        # (French needs its determiner: the bare word is also the English "instructions". "vos/des
        # instructions" occur in one DEV row each; they are the determiners, not a row's wording.)
        "les_instructions vos_instructions tes_instructions des_instructions toutes_instructions consigne règles "
        "anweisung anleitung instruktion regeln befehl vorgabe "
        "istruzion indicazion regole direttiv "
        "инструкци указани правил команд директив "
        "talimat yönerge yonerge kural komut direktif "
        "instruksi petunjuk perintah aturan "
        "hướng_dẫn chỉ_dẫn chỉ_thị lệnh quy_tắc "
        "tagubilin utos instruksyon panuto "
        "निर्देश आदेश नियम हिदायत "
        "নির্দেশ আদেশ নিয়ম "
        "تعليمات التعليمات الإرشادات الارشادات الأوامر الاوامر القواعد تعليماتك "
        "指令 指示 说明 說明 规则 規則 命令 "
        "ルール 指令 "
        "지시 지침 명령 규칙 "
        "คำสั่ง คำแนะนำ กฎ "
        "udhëzim udhezim rregull "
        "treoracha treoir rialacha "
        "stiùiridh stiùireadh stiuiridh stiuireadh riaghailt "
        "imiyalo umyalelo imithetho"
    ),
    "secret": (
        "contraseña contrasena clave_secreta senha chave_secreta mot_de_passe clé_secrète cle_secrete "
        "passwort kennwort geheim schlüssel parola_d'ordine chiave_segreta "
        "пароль секретн "
        "şifre sifre parola gizli_anahtar "
        "kata_sandi kunci_rahasia sandi "
        "mật_khẩu "
        "lihim tua_password la_password sua_password password_anda kata_laluan password_mo "
        "पासवर्ड गुप्त_कुंजी गुप्त_कोड "
        "পাসওয়ার্ড গোপন "
        "كلمة_المرور كلمة_السر المفتاح_السري مفتاح_سري "
        "密码 密碼 密钥 密鑰 秘密キー パスワード 秘密鍵 "
        "비밀번호 암호 비밀_키 "
        "รหัสผ่าน คีย์ลับ รหัสลับ "
        "fjalëkalim fjalekalim çelës_sekret "
        "pasfhocal focal_faire "
        "facal-faire "
        "iphasiwedi"
    ),
    "reveal": (
        "dime dígame digame revela revele muestra muéstrame comparte cuál_es cual_es "
        "diga me_diga revele mostre compartilhe qual_é qual_e "
        "dis-moi dites-moi révèle revele montre partage quel_est "
        "sag_mir sagen_sie verrate zeig teile was_ist geben_sie gib_mir "
        "dimmi rivela mostra condividi qual_è "
        "скажи скажите раскрой покажи поделись назови какой каков "
        "söyle soyle göster goster paylaş paylas nedir "
        "beri_tahu beritahu katakan tunjukkan bagikan apa_itu "
        "cho_tôi_biết nói_cho tiết_lộ chia_sẻ là_gì "
        "sabihin ibahagi ano_ang "
        "बताओ बताएं बताइए बताएँ बता_सकते दिखा साझा क्या_है "
        "বলুন বলো দেখান শেয়ার কী_ "
        "أخبرني اخبرني اكشف شارك ما_هو ما_هي أعطني اعطني "
        "告诉 告訴 透露 分享 是什么 是什麼 "
        "教えて 明かして 共有 "
        "알려 말해 공유 "
        "บอก เปิดเผย แชร์ คืออะไร "
        "më_trego trego zbulo "
        "inis_dom taispeáin "
        "innis_dhomh seall "
        "ngitshele veza"
    ),
    "system_prompt": (
        "prompt_del_sistema mensaje_del_sistema instrucciones_del_sistema instruções_do_sistema prompt_do_sistema "
        "prompt_du_système prompt_systeme message_système message_systeme "
        "systemanweisung systemprompt systemnachricht prompt_di_sistema messaggio_di_sistema "
        "системн_промпт системный_промпт системные_инструкц системное_сообщ "
        "sistem_istemi sistem_talimat sistem_mesaj "
        "prompt_sistem pesan_sistem "
        "lời_nhắc_hệ_thống "
        "सिस्टम_प्रॉम्प्ट सिस्टम_संदेश सिस्टम_निर्देश "
        "সিস্টেম_প্রম্পট "
        "موجه_النظام تعليمات_النظام رسالة_النظام "
        "系统提示 系統提示 "
        "システムプロンプト "
        "시스템_프롬프트 "
        "พรอมต์ระบบ "
        "teachdaireachd_siostam"
    ),
    "user": (
        "usuario usuário utilizador utilisateur benutzer nutzer utente "
        "пользовател kullanıcı kullanici pengguna người_dùng gumagamit "
        "उपयोगकर्ता यूजर ব্যবহারকারী المستخدم 用户 用戶 使用者 ユーザー 利用者 사용자 유저 ผู้ใช้"
    ),
    "personal": (
        "nacimiento nascimento naissance geburt nascita рождени doğum dogum lahir ngày_sinh kapanganakan जन्म জন্ম ميلاد 出生 生日 誕生 生年 생일 생년 วันเกิด "
        "correo courriel почт e-posta surel ईमेल ইমেল البريد 邮箱 郵箱 电子邮件 電子郵件 メール 이메일 อีเมล "
        "dirección direccion endereço endereco adresse indirizzo адрес adres alamat địa_chỉ tirahan पता ঠিকানা عنوان 地址 住所 주소 ที่อยู่ "
        "ciudad cidade ville wohnort stadt città город şehir sehir kota thành_phố lungsod शहर শহর مدينة 城市 都市 住んで 도시 거주 เมือง "
        "cor_favorita couleur_préférée lieblingsfarbe любимый_цвет favori_ren warna_favorit màu_yêu_thích पसंदीदा প্রিয় المفضل 最喜欢 好きな色 좋아하는 สีโปรด"
    ),
    "pretend": (
        "finge actúa_como actua_como imagina "
        "agora_você_é agora_voce_e finja aja_como imagina "
        "tu_es_maintenant vous_êtes_maintenant fais_semblant faites_semblant imaginez agis_comme "
        # ("stell dir vor" is the German verb "imagine", in one DEV row; the informal form of "stellen Sie sich vor")
        "sie_sind_jetzt tu_so stell_dir_vor stellen_sie_sich_vor "
        "ora_sei fingi fai_finta immagina "
        "теперь_ты притворись представь представьте "
        "artık_sen artik_sen gibi_davran farz_et hayal_et hayal_edin varsayalım "
        "sekarang_kamu berpura-pura bayangkan "
        "bây_giờ_bạn_là giả_vờ tưởng_tượng giả_sử "
        "magpanggap isipin_na "
        "अब_तुम अब_आप मान_लीजिए कल्पना_कीजिए कल्पना_करें नाटक "
        "এখন_তুমি কল্পনা_করুন ধরুন ভান "
        "أنت_الآن تظاهر تخيل افترض "
        "现在你是 假装 想象 假設 假设 "
        "今からあなたは ふりをして 想像して 仮定 "
        "이제_너는 이제_당신은 척해 상상해 가정해 "
        "ตอนนี้คุณคือ แกล้ง จินตนาการ สมมติ "
        "supongamos hipotéticamente hipoteticamente hypothétiquement hypothetisch ipoteticamente гипотетическ hipotetik "
        "angenommen nehmen_wir_an предположим представим suponha supponiamo misalkan "
        "universo_paralelo univers_parallèle paralleluniversum paralel_evren алтернативн параллельн काल्पनिक সমান্তরাল افتراضي 平行世界 平行宇宙 평행"
    ),
    "authority": (
        "soy_dios soy_tu_jefe soy_policía soy_el_administrador soy_el_desarrollador "
        "sou_o_presidente sou_deus sou_seu_chefe sou_policial sou_o_administrador sou_o_desenvolvedor "
        "je_suis_le_président je_suis_dieu je_suis_votre_patron je_suis_policier je_suis_l'administrateur je_suis_le_développeur "
        "ich_bin_der_präsident ich_bin_ihr_chef ich_bin_dein_chef ich_bin_polizist ich_bin_der_administrator ich_bin_der_entwickler "
        "sono_dio sono_il_tuo_capo sono_un_poliziotto sono_l'amministratore sono_lo_sviluppatore "
        "я_президент я_бог я_твой_начальник я_ваш_начальник я_полицейский я_администратор "
        "ben_başkan ben_cumhurbaşkanı ben_tanrı ben_polis ben_yönetici ben_geliştirici patronunum "
        "saya_presiden saya_tuhan saya_atasan saya_polisi saya_administrator saya_pengembang aku_tuhan "
        "tôi_là_tổng_thống tôi_là_chúa tôi_là_sếp tôi_là_cảnh_sát tôi_là_quản_trị tôi_là_nhà_phát_triển "
        "ako_ang_pangulo ako_ay_diyos ako_ang_diyos ako_ay_pulis "
        "मैं_राष्ट्रपति मैं_भगवान मैं_आपका_बॉस मैं_पुलिस मैं_डेवलपर मैं_व्यवस्थापक "
        "আমি_রাষ্ট্রপতি আমি_ঈশ্বর আমি_ভগবান আমি_পুলিশ আমি_আপনার_বস "
        "أنا_الرئيس أنا_رئيس أنا_الله أنا_إله أنا_مديرك أنا_ضابط أنا_شرطي أنا_المسؤول "
        "我是总统 我是總統 我是神 我是你的老板 我是警察 我是管理员 我是开发者 "
        "大統領です 上司です 警察官です 管理者です 開発者です "
        "나는_신 신이다 상사입니다 경찰입니다 관리자입니다 개발자입니다 "
        "ฉันเป็นประธานาธิบดี ฉันคือพระเจ้า ฉันเป็นตำรวจ ฉันเป็นเจ้านาย"
    ),
    "whereabouts": (
        "dónde_vive donde_vive onde_mora onde_vive où_habite ou_habite wo_wohnt dove_vive где_живет где_живёт "
        "nerede_yaşıyor nerede_yasiyor saan_nakatira कहाँ_रहत কোথায়_থাক أين_يعيش أين_يسكن 住在哪 住在哪裡 どこに住んで 어디에_살 어디_살 อาศัยอยู่ที่ไหน "
        "solde_bancaire kontostand saldo_di_conto баланс_банковск banka_bakiyesi बैंक_बैलेंस ব্যাংক_ব্যালেন্স الرصيد_المصرفي 银行余额 銀行残高 은행_잔고 ยอดเงินในธนาคาร"
    ),
    "obfuscate": (
        "orden_inverso ordem_inversa ordre_inverse umgekehrter_reihenfolge обратном_порядке ters_sırada "
        "baligtad_na विपरीत_क्रम উল্টো_ক্রম বিপরীত_ক্রম ترتيب_عكسي 倒序 相反的顺序 逆順 역순 ลำดับย้อนกลับ "
        "latín_de_cerdo pig_latin codigo_morse code_morse morsecode азбук морзе mors_alfabesi kode_morse mã_morse मोर्स মোর্স مورس 摩尔斯 モールス 모스 มอร์ส"
    ),
    "mode": (
        "modo_desarrollador modo_de_desarrollador modo_administrador modo_de_administrador modo_sistema modo_de_sistema modo_dios modo_sin_restricciones modo_de_anulación modo_anulacion modo_de_anulacion "
        "modo_de_desenvolvedor modo_desenvolvedor modo_administrador modo_de_substituição "
        "mode_développeur mode_developpeur mode_administrateur mode_système mode_systeme mode_sans_restriction mode_de_remplacement mode_pengembang mode_admin mode_sistem "
        "entwicklermodus administratormodus systemmodus überschreibungsmodus "
        "modalità_sviluppatore modalità_amministratore "
        "режим_разработчика режим_администратора режим_системы режим_бога режим_переопределения "
        "geliştirici_modu gelistirici_modu yönetici_modu yonetici_modu sistem_modu geçersiz_kılma_modu "
        "chế_độ_nhà_phát_triển chế_độ_quản_trị chế_độ_hệ_thống chế_độ_ghi_đè "
        "डेवलपर_मोड एडमिन_मोड ओवरराइड_मोड "
        "ডেভেলপার_মোড "
        "وضع_المطور وضع_النظام وضع_المسؤول وضع_التجاوز "
        "开发者模式 系统模式 管理员模式 覆盖模式 開發者模式 "
        "開発者モード システムモード 管理者モード オーバーライドモード "
        "개발자_모드 시스템_모드 관리자_모드 "
        "โหมดนักพัฒนา โหมดระบบ "
        "modalitetin_zhvillues modalitet_zhvillues imodi_yonjiniyela "
        "mód_forbartha "
        "modh_leasachaidh"
    ),
}

for _concept, _stems in (*MORE_CONCEPTS.items(), *HARM_CONCEPTS.items(), *MOVE_CONCEPTS.items(),
                         *APPROVAL_CONCEPTS.items(), *TRACKS_CONCEPTS.items(), *READER_CONCEPTS.items(),
                         *SUMMARY_CONCEPTS.items(), *ACT_CONCEPTS.items(),
                         *KEY_CONCEPTS.items(), *PRETEXT_CONCEPTS.items(), *SCOPE_CONCEPTS.items()):
    CONCEPTS[_concept] = f"{CONCEPTS.get(_concept, '')} {_stems}".strip()
