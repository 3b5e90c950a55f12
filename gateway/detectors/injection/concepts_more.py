"""More of the concept tables of `concepts.py`: the same concepts in languages the DEV data does not hold, and
concepts added later (merged into `CONCEPTS` there)."""
# ruff: noqa: E501  (lexicon tables read better unwrapped)

from __future__ import annotations

# The same concepts in European, Middle-Eastern and African languages the DEV data does not hold
# (nl pl cs sk sv da/no ro uk el he fa ur sw hu fi), and concepts added later: "everything you were
# told", "new instructions", "repeat", ...). Written from general knowledge of each language; the
# concepts added later cover DEV's languages too and were checked against DEV like the rest.
MORE_CONCEPTS: dict[str, str] = {
    "ignore": (
        "negeer negeren vergeet zignoruj ignoruj zapomnij pomiń ignorujte zapomeň zapomeňte zapomen zabudni "
        "ignorera glöm glom ignorér glem ignoră uită ігноруй ігноруйте проігноруй "
        "αγνόησε αγνοήστε ξέχασε ξεχάστε התעלם התעלמי שכח שכחי نادیده_بگیر فراموش_کن نظرانداز بھول_جاؤ "
        "ignore_o_que ignore_tudo_o ignore_o_acima ignore_a ignore_o ignore_la ignore_el ignore_le อย่าไปสนใจ इग्नोर puuza sahau hagyd_figyelmen figyelmen_kívül felejtsd unohda ohita अनदेख"
    ),
    "previous": (
        "lo_anterior lo_de_arriba acima ci-dessus au-dessus oben zuvor "
        "vorige eerdere voorgaande bovenstaande hierboven poprzedni wcześniejsz powyższ předchozí predchozi předešl výše "
        "tidigare föregående ovan ovanstående tidligere forrige ovenstående anterioare precedente de_mai_sus "
        "попередні попередн вище προηγούμεν παραπάνω הקודמות הקודמים הקודם לעיל قبلی پیشین پچھلی پچھلے سابقہ "
        "zilizopita iliyopita előző korábbi fenti aiemmat edelliset yllä"
    ),
    "instructions": (
        "instructies aanwijzingen instrukcj polecenia pokyn pokyny instrukc instruktion instrukser "
        "instrucțiuni instructiuni інструкці вказівк οδηγίες εντολές ההוראות הוראות دستورالعمل دستورات ہدایات "
        "maagizo maelekezo utasítás utasitas ohjeet ohjeita"
    ),
    "secret": (
        "wachtwoord geheime_sleutel hasło haslo heslo lösenord losenord adgangskode kodeord passord parolă "
        "κωδικό κωδικός סיסמה סיסמא رمز_عبور گذرواژه پاس_ورڈ nenosiri jelszó jelszo salasana "
        "codigo_secreto code_secret geheimcode codice_segreto секретный_код gizli_kod kode_rahasia mã_bí_mật "
        "गुप्त_कोड পাসকোড 秘密代码 秘密コード 비밀_코드 기밀_문자열 "
        "frase_de_contraseña passphrase पासफ्रेज़ पासकोड passcode della_password "
        # inflected forms the stems above miss: паролем, palavra-passe, iyong password
        "парол palavra-passe iyong_password inyong_password "
        # passcode / access code
        "رمز_الدخول mã_khóa mã_truy_cập cụm_từ_mã clave_de_acceso código_de_acceso código_de_acesso code_d'accès "
        "zugangscode codice_di_accesso код_доступа erişim_kodu kode_akses पहुंच_कोड 访问码 アクセスコード"
    ),
    "reveal": (
        "toon_me toon_mij toon_je vertel geef_me geef_mij podaj pokaż powiedz ujawnij řekni řekněte rekni ukaž prozraď sdělte "
        "visa_mig berätta avslöja vis_mig vis_meg fortæl fortell avslør arată spune_-mi dezvăluie розкажи розкрий "
        "δείξε πες αποκάλυψε תגיד תראה חשוף גלה بگو نشان_بده فاش_کن بتاؤ بتائیں دکھاؤ niambie onyesha "
        "mondd_meg mutasd áruld kerro näytä paljasta "
        "condivider подели partilh compartilh mi_dai dammi मुझे_अपना bana_söyle tampilkan perlihatkan إخباري تخبرني memberi_tahu "
        "decirme dizer-me dizer_me me_dire mir_sagen nennen dirmi сказать_мне назвать söyleyebilir beritahu_saya "
        "traducir traduzir traduire übersetzen tradurre перевести çevir menerjemahkan dịch_sang isalin अनुवाद অনুবাদ ترجم 翻译 翻訳 번역 แปล"
    ),
    "system_prompt": (
        "systeemprompt systeembericht systeeminstructies prompt_systemowy komunikat_systemowy systémový_prompt systemovy_prompt "
        "systémové_pokyny systemmeddelande systembesked promptul_de_sistem prompt_de_sistem системний_промпт системні_інструкції "
        "μήνυμα_συστήματος προτροπή_συστήματος הנחיית_המערכת הנחיות_המערכת پرامپت_سیستم دستورات_سیستم rendszerprompt rendszerüzenet "
        "järjestelmäkehote järjestelmäviesti wesistimu mesazhi_i_sistemit mesazhin_e_sistemit teachdaireachd_siostaim"
    ),
    "everything": (
        # ("tout ce que" is French "everything that", in one DEV row: the head of "forget everything you were told")
        "todo_lo_que todo_lo_anterior tudo_o_que o_que_foi_dito tout_ce_qu tout_ce_que alles_zuvor alles_bisher alles_vorher alles_bisherige tutto_quello tutto_ciò "
        "всё_что все_что her_şeyi semua_yang mọi_thứ lahat_ng सब_कुछ সব_কিছু كل_ما 一切 すべて忘れ 모든_것 ทุกอย่าง "
        "alles_wat wszystko_co všechno_co allt_som alt_hvad alt_som tot_ce все,_що όλα_όσα כל_מה همه_چیز"
    ),
    "new": (
        "nuevas_instrucciones nuevas_órdenes novas_instruções novas_instrucoes nouvelles_instructions nouvelles_consignes "
        "neue_anweisungen neuen_anweisungen nuove_istruzioni новые_инструкции новые_указания yeni_talimat instruksi_baru "
        "hướng_dẫn_mới bagong_tagubilin नए_निर्देश নতুন_নির্দেশ تعليمات_جديدة التعليمات_الجديدة 新指令 新的指令 新しい指示 "
        "새로운_지시 새_지시 คำสั่งใหม่ nieuwe_instructies nowe_instrukcje nové_pokyny nya_instruktioner nye_instruktioner "
        "noi_instrucțiuni нові_інструкції νέες_οδηγίες הוראות_חדשות دستورالعمل_جدید نئی_ہدایات maagizo_mapya új_utasítások "
        "uudet_ohjeet imiyalelo_emisha udhezime_te_reja treoracha_nua stiùireadh_ùr stiuireadh_ur"
    ),
    "repeat": (
        "repite repita repetir repete repita répète répétez wiederhole wiederholen ripeti ripetere повтори повторите "
        "tekrarla tekrar_et ulangi lặp_lại ulitin दोहराएं दोहराओ দোহরাও পুনরাবৃত্তি كرر كرّر 重复 重複 繰り返 반복 ทำซ้ำ "
        "herhaal powtórz zopakuj upprepa gjenta repetă επανάλαβε חזור_על تکرار_کن دہرائیں rudia ismételd toista "
        "përsërit phinda athdhéan ath-aithris"
    ),
    "obfuscate": (
        # first letters, initials, each digit separated, leetspeak, base64: the English
        # `output-obfuscation` cue in other languages
        "primeira_letra premières_lettres premieres_lettres "
        "ersten_buchstaben anfangsbuchstaben prime_lettere prima_lettera первые_буквы первую_букву первой_буквы "
        "ilk_harf ilk_üç_harf huruf_pertama chữ_cái_đầu unang_titik unang_letra पहले_अक्षर पहला_अक्षर "
        "الأحرف_الأولى الحروف_الأولى الحرف_الأول 首字母 第一个字母 最初の文字 頭文字 첫_글자 첫글자 ตัวอักษรแรก "
        "primeras_tres_letras trois_premières_lettres prime_tre_lettere "
        "первые_три_буквы tiga_huruf_pertama ba_chữ_cái_đầu पहले_तीन_अक्षर 처음_세_글자 "
        "tirets_entre bindestrich trattin через_дефис tire_ile kısa_çizgi tanda_hubung gạch_ngang gitling "
        "डैश ড্যাশ شرطة 破折号 대시 ขีดกลาง "
        "cada_dígito cada_digito chaque_chiffre jede_ziffer ogni_cifra каждой_цифр setiap_digit mỗi_chữ_số "
        "प्रत्येक_अंक প্রতিটি_অঙ্ক كل_رقم 每个数字 各数字 각_숫자 แต่ละหลัก "
        "leetspeak base64 बेस64 বেস64 acróstico acrostiche akrostichon acrostico акростих akrostiş क्रोस्टिक "
        "latín_de_cerdo schweinelatein पिग_लैटिन"
    ),
    "personal": (
        # initials are personal data (the English `personal-data-target` cue lists them)
        "iniciales iniciais initiales initialen iniziali инициалы baş_harf bas_harf inisial inisyal आद्याक्षर शुरुआती "
        "イニシャル 이니셜 ชื่อย่อ"
    ),
    "split": (
        # payload splitting: "combine A, B and C", "part 1 is ...", "three strings c = ..."
        "trois_chaînes trois_cordes drei_strings tre_stringhe três_strings três_cadeias "
        "üç_dize üç_string tiga_string ba_chuỗi तीन_स्ट्रिंग তিনটি_স্ট্রিং ثلاث_سلاسل 三个字符串 3つの文字列 세_개의_문자열 "
        "parte_1 partie_1 teil_1 часть_1 bölüm_1 bagian_1 phần_1 bahagi_1 भाग_1 অংশ_1 الجزء_1 第1部分 パート1 ส่วนที่_1 "
        "combina_a combinez_a combine_a объедините_a birleştir kết_hợp_a pagsamahin_ang मिलाकर"
    ),
    "declare": (
        # say / state / print, as an order
        "indique indiquez dichiara diga dites declare déclarez afirme affirme affirmez di_que escribe_que imprima imprimez "
        "sag_dass sagen_sie укажите скажите заявите выведите напишите_что "
        "belirtin söyleyin nyatakan katakan sebutkan nói_rằng tuyên_bố sabihin_na ipahayag "
        "बताएं कहें বলুন اذكر قل 并说 请说 请输出 述べて 言って 말해 밝혀 ระบุ "
        "zeg_dat vermeld powiedz_że napisz_że řekni_že säg_att spune_că"
    ),
    "and_declare": (
        # "... and state": the order that follows an "ignore X" ("ignore the page and state: ...")
        "e_indica e_indique et_indiquez et_indique e_dichiara e_diga e_di y_di y_diga y_declara e_declare et_déclarez et_dites "
        "und_geben_sie und_sag und_sagen_sie и_укажите и_скажите и_заявите и_выведите ve_belirtin ve_söyleyin "
        "dan_nyatakan dan_katakan và_nói và_tuyên_bố at_ipahayag en_zeg i_powiedz a_řekni och_säg și_spune "
        "और_बताएं और_कहें এবং_বলুন واذكر وقل و_اذكر و_قل 并说 并声明 并输出 と述べ と言って 고_말해 และระบุ "
        # "... and write"
        "y_escribe y_escriba et_écris et_écrivez und_schreibe und_schreiben_sie e_scrivi e_escreva e_escreve и_напиши и_напишите "
        "ve_yaz dan_tulis và_viết en_schrijf i_napisz a_napiš och_skriv"
    ),
    "following": (
        "lo_siguiente folgendes il_seguente следующее aşağıdakini "
        "sau_đây sumusunod निम्नलिखित নিম্নলিখিত التالي 以下内容 以下の 다음을 ต่อไปนี้ het_volgende następujące následující följande"
    ),
    "authority": (
        # "I am your developer" (the English role-hijack phrase), each pronoun form. Kept although
        # some of these occur in exactly one DEV row: the phrase is the generic claim, not a row's wording.
        "ich_bin_dein_entwickler ich_bin_ihr_entwickler я_ваш_разработчик я_твой_разработчик আমি_আপনার_ডেভেলপার "
        "je_suis_votre_développeur soy_tu_desarrollador "
        "मैं_आपका_डेवलपर je_suis_ton_développeur sou_seu_desenvolvedor "
        "sono_il_tuo_sviluppatore ben_senin_geliştiricin saya_pengembang_anda tôi_là_nhà_phát_triển_của_bạn "
        "ako_ang_iyong_developer أنا_مطورك 我是你的开发者 私はあなたの開発者 나는_당신의_개발자 ik_ben_je_ontwikkelaar jestem_twoim_programistą"
    ),
    "pretext": (
        # "for testing purposes", "to enable debugging": the
        # English `pretext` cue in other languages (phrases, not the bare word "debug" of program messages)
        "fines_de_prueba propósitos_de_prueba habilitar_la_depuración fins_de_test activer_le_débogage zu_testzwecken "
        "debugging_zu_aktivieren scopo_di_test abilitare_il_debug для_тестирования включить_отладку test_amaçlı "
        "tujuan_pengujian mục_đích_thử_nghiệm परीक्षण_के_उद्देश्य পরীক্ষার_উদ্দেশ্যে لأغراض_الاختبار 出于测试目的 テスト目的 "
        "테스트_목적 เพื่อการทดสอบ "
        # "special case:" opening an armed order
        "caso_especial: cas_particulier_: sonderfall: caso_speciale: особый_случай: özel_durum: kasus_khusus: "
        "trường_hợp_đặc_biệt: espesyal_na_kaso:"
    ),
    "model_self": (
        # the model's own configuration or identity asked for, in other languages
        "tu_configuración tu_configuracion tua_configuração ta_configuration votre_configuration deine_konfiguration ihre_konfiguration "
        "la_tua_configurazione твою_конфигурацию вашу_конфигурацию yapılandırmanı konfigurasi_anda cấu_hình_của_bạn "
        "tu_id_único ton_identifiant_unique deine_eindeutige_id il_tuo_id_univoco твой_уникальный benzersiz_kimliğin id_unik_anda"
    ),
    "tell_user": (
        # "tell / ask the user to ...": the English document cue `tell the user`, in other languages
        # ("dile al usuario" is the plain Spanish "tell the user"; it occurs in one DEV row)
        "dile_al_usuario pídele_al_usuario pide_al_usuario diga_ao_usuário peça_ao_usuário pede_ao_usuário "
        "dites_à_l'utilisateur demandez_à_l'utilisateur demande_à_l'utilisateur sag_dem_benutzer sagen_sie_dem_benutzer "
        "bitte_den_benutzer fordere_den_benutzer di'_all'utente chiedi_all'utente скажи_пользователю попроси_пользователя "
        "попросите_пользователя kullanıcıya_söyle kullanıcıdan_iste minta_pengguna beri_tahu_pengguna "
        "bảo_người_dùng sabihin_sa_user hilingin_sa_user उपयोगकर्ता_को_बताएं उपयोगकर्ता_से_कहें "
        "ব্যবহারকারীকে_বলুন اطلب_من_المستخدم أخبر_المستخدم 告诉用户 要求用户 让用户 ユーザーに伝え ユーザーに依頼 사용자에게_알려 "
        "사용자에게_요청 บอกผู้ใช้ vraag_de_gebruiker zeg_tegen_de_gebruiker poproś_użytkownika řekněte_uživateli be_användaren"
    ),
    "hidden": (
        "ocultas ocultos escondidas cachées cachés versteckte versteckten geheimen nascoste nascosti скрытые скрытых "
        "gizli tersembunyi ẩn nakatago छिपे छुपे লুকানো المخفية 隐藏 隠された 隠し 숨겨진 ที่ซ่อน verborgen ukryte skryté dolda "
        "skjulte ascunse приховані κρυφές נסתרות پنهان"
    ),
    "sensitive_id": (
        # identity and payment numbers a phishing message asks for
        "social_security_number credit_card_number passport_number bank_details "
        "número_da_segurança_social sozialversicherungsnummer "
        "numero_di_previdenza номер_социального_страхования sosyal_güvenlik_numarası nomor_jaminan_sosial số_an_sinh_xã_hội "
        "সামাজিক_নিরাপত্তা_নম্বর رقم_الضمان_الاجتماعي 社会安全号码 社会保障番号 사회보장번호 "
        "informations_de_carte_de_crédito información_de_la_tarjeta_de_crédito kreditkarteninformationen "
        "kata_sandinya"
    ),
    "by_email": (
        "via_email by_email over_email via_e-mail par_e-mail par_courriel por_e-mail "
        "per_email по_электронной_почте e-postayla lewat_email qua_email "
        "ईमेल_के_माध्यम_से ইমেইলের_মাধ্যমে ইমেলের_মাধ্যমে عبر_البريد_الإلكتروني 通过电子邮件 メールで 이메일로 ทางอีเมล"
    ),
    "private_fact": (
        # a person's birth date, email address, home city or bank balance (not "the address of the museum")
        "fecha_de_nacimiento data_de_nascimento date_de_naissance "
        "geburtsdatum geburtsjahr data_di_nascita anno_di_nascita год_рождения doğum_tarih doğum_yıl "
        "tanggal_lahir tahun_lahir ngày_sinh năm_sinh जन्म_तिथि जन्म_वर्ष জন্ম_তারিখ "
        "تاريخ_ميلاد سنة_ميلاد 出生日期 生日 生年月日 誕生日 생년월일 생일 วันเกิด "
        "dirección_de_correo endereço_de_email adresse_e-mail adresse_électronique e-mail-adresse "
        "e-posta_adres alamat_email địa_chỉ_email email_address ईमेल_पता ईमेल_एड्रेस ইমেল_ঠিকানা "
        "عنوان_البريد عنوان_بريد 电子邮件地址 邮箱地址 メールアドレス 이메일_주소 ที่อยู่อีเมล "
        "ville_de_résidence wohnort città_di_residenza город_проживания yaşadığı_şehir "
        "kota_tempat_tinggal निवास_शहर বসবাসের_শহর مدينة_الإقامة 居住城市 住んでいる都市 거주_도시 "
        "solde_bancaire kontostand saldo_del_conto банковский_баланс banka_bakiyesi "
        "बैंक_बैलेंस الرصيد_المصرفي 银行余额 銀行残高 은행_잔고"
    ),
    "note_to_ai": (
        # "note for the AI assistant": the English document cue `note to the AI`, in other languages
        "nota_para_el_asistente nota_para_la_ia nota_al_asistente instrucciones_para_el_asistente nota_para_o_assistente "
        "note_pour_l'assistant note_à_l'assistant instructions_pour_l'assistant hinweis_für_den_ki-assistenten "
        "hinweis_für_die_ki hinweis_an_den_ki-assistenten anweisung_für_den_ki-assistenten nota_per_l'assistente "
        "примечание_для_ии примечание_для_ассистента указание_для_ии yapay_zeka_asistanına_not catatan_untuk_asisten_ai "
        "ghi_chú_cho_trợ_lý_ai paalala_sa_ai एआई_सहायक_के_लिए এআই_সহকারীর_জন্য ملاحظة_للمساعد ملاحظة_إلى_المساعد "
        "给ai助手 给人工智能助手 致ai助手 aiアシスタントへ ai_어시스턴트에게 ai에게 ถึงผู้ช่วย_ai "
        "notitie_voor_de_ai-assistent uwaga_dla_asystenta_ai poznámka_pro_ai_asistenta "
        "instructions_pour_l'ia consignes_pour_l'ia istruzioni_per_l'assistente istruzioni_per_l'ia anweisung_an_die_ki "
        "anweisungen_für_die_ki anweisung_für_die_ki instrucciones_para_la_ia instrucciones_para_el_asistente instruções_para_a_ia "
        "instruções_para_o_assistente инструкция_для_ии инструкции_для_ии инструкция_для_ассистента 给助手的指令 给ai的指令 "
        "アシスタントへの指示 aiへの指示 어시스턴트에게 yapay_zekaya_talimat instruksi_untuk_ai hướng_dẫn_cho_ai"
    ),
    "message": (
        # a message, mail or note: what a writer withdraws ("ignore my previous mail")
        "mensaje correo e-mail email mail mensagem courriel message nachricht messaggio сообщени письм "
        "mesaj ileti e-posta eposta pesan surel tin_nhắn thư mensahe संदेश मेल ईमेल বার্তা মেইল ইমেল رسالة رسالت البريد "
        "消息 邮件 信息 訊息 郵件 メッセージ メール 메시지 메일 ข้อความ อีเมล bericht wiadomoś zpráv meddelande besked "
        "повідомлен лист листа μήνυμ הודעה پیام پیغام ujumbe üzenet viesti "
        # the same withdrawal of one's own question, draft, attachment or invitation ("forget my
        # previous question"): the words for question, draft, attachment, invitation and the
        # transliterated "mail" of Hebrew, Persian and Hungarian "letter"
        "pregunta pergunta question frage domanda вопрос soru pertanyaan câu_hỏi tanong hiling प्रश्न सवाल প্রশ্ন سؤال "
        "问题 問題 質問 질문 คำถาม vraag pytani otázk fråga spørsmål spørgsmål питанн ερώτησ שאלה سوال swali kérdés "
        "kysymy borrador rascunho brouillon entwurf bozza черновик taslak draf bản_nháp szkic utkast adjunto anexo "
        "pièce_jointe anhang allegato вложени lampiran załącznik příloh bilaga vedlegg вкладен invitación convite "
        "einladung invito приглашени davet undangan zaproszeni pozvánk מייל ایمیل levele levél "
        # the rest of the English family's list of what a writer withdraws: a request, a reply, a file,
        # a comment, a link ("disregard my earlier request", "ignore the file I sent before")
        "solicitud petición peticion pedido demande requête anfrage richiesta solicitação solicitacao запрос просьб "
        "istek talep permintaan yêu_cầu अनुरोध निवेदन অনুরোধ طلب 请求 請求 依頼 リクエスト 요청 คำขอ verzoek aanvraag "
        "prośb żądani žádost požadav begäran förfrågan forespørsel forespørgsel запит прохан αίτημα αίτησ בקשה "
        "درخواست ombi kérés kérést pyyntö "
        "respuesta réponse antwort risposta resposta ответ yanıt cevap jawaban balasan trả_lời sagot जवाब উত্তর "
        "回复 回覆 答复 返信 답변 답장 คำตอบ antwoord odpowied odpověď svar відповід απάντησ תשובה پاسخ jibu válasz vastaus "
        "archivo fichier datei arquivo файл dosya berkas tệp फ़ाइल फाइल ফাইল ملف 文件 檔案 ファイル 파일 ไฟล์ bestand "
        "plik soubor αρχείο קובץ فایل faili fájl tiedosto মেসেজ barua melding meldingen تذكرة 문의 "
        "comentario commentaire kommentar commento comentário комментари yorum komentar bình_luận टिप्पणी মন্তব্য "
        "تعليق 评论 評論 コメント 댓글 ความคิดเห็น opmerking komentarz komentář коментар σχόλι תגובה maoni hozzászólás kommentti "
        # an earlier artefact a changelog or runbook withdraws ("Ignorieren Sie die vorherige Migration"): a
        # migration, an update, a release
        "migration migración migração migrazione migracj migrac миграци міграці マイグレーション 迁移 遷移 마이그레이션 "
        "aktualisierung actualización atualização aggiornamento обновлени оновлен aktualizacj aktualizac アップデート 업데이트 "
        "versión versão versione верси wersj verz リリース 版本 릴리스 "
        # ... and records a program or a cache keeps ("ignore all previous values in this cache"): data, not orders
        "value$ values$ entry$ entries$ record$ records$ row$ rows$ reading$ readings$ measurement log$ logs$ data$ "
        "timestamp invoice receipt"
    ),
    "mine": (
        # the writer's own (first-person singular possessive): "olvida mis instrucciones anteriores" is a
        # writer withdrawing their own orders, as the English family reads "ignore my ..."; whole words
        # in alphabets written with spaces
        "mi$ mis$ meu$ minha$ meus$ minhas$ mon$ ma$ mes$ mio$ mia$ miei$ mie$ mein$ meine$ meinen$ meiner$ meines$ "
        "meinem$ mijn$ mój$ moja$ moje$ moją$ mojego$ mojej$ moich$ můj$ mou$ mého$ moji$ môj$ moju$ mitt$ mina$ "
        "min$ mine$ mea$ mele$ мой$ моё$ мое$ моя$ мою$ моего$ мои$ моих$ моей$ мій$ моє$ мого$ мої$ моїх$ моєї$ μου$ "
        "benim$ saya$ của_tôi$ của_mình$ ko$ yangu$ langu$ wangu$ changu$ "
        "मेरा मेरी मेरे আমার میرا میری میرے שלי 我的 私の 僕の 自分の 저의 나의 제가_보낸 내가_보낸 ของฉัน ของผม"
    ),
    "author": (
        # writing, drafting, creating a text: "help me write the system prompt for our bot" asks to author one,
        # not to read the assistant's own (see AUTHORED in combinations.py)
        "escrib redact redacción crear crea_un crea_una diseñ escrev redigi criar crie écri ecri rédig redig créer "
        "schreib erstell formulier verfass entwerf entwirf scriv scrivere redige creare schrijf schrijv opstell "
        "skriv napis napisz pisz piszę tworz napiš napsat napíš píšu напиш написат пишу составь состав созда "
        "напиши написати створ склада tulis menulis buat membuat susun viết soạn tạo sumulat isulat gumawa "
        "γράψ γράφ σύνταξ "
        # formulating, reviewing, configuring one's own; the words for "own" (a bot of one's own, one's company's)
        "formul сформулир сформулюв revisar revisa revisione überarbeit configur konfigur настро "
        "검토 変更 自社 自分の 自己的 我们的 我們的 우리_회사 "
        "लिख বানা লিখ اكتب أكتب كتابة صياغة بنویس نوشتن לכתוב כתוב 写 寫 编写 撰写 设计 設計 書き 書いて 書く 書け 書き方 作成 작성 써 만들 เขียน"
    ),
    "yours": (
        # second-person possessives: "escribe tu prompt del sistema" asks for the assistant's own, AUTHORED does not apply
        "teu$ tua$ seu$ sua$ ton$ ta$ tes$ votre$ vos$ dein$ deine$ deinen$ ihr$ ihre$ ihren$ tuo$ tuoi$ "
        "jouw$ uw$ din$ ditt$ dina$ twój$ twoj$ twoje$ twoją$ swój$ tvůj$ tvoje$ твой$ твои$ твою$ ваш$ ваши$ вашу$ "
        "te$ je_eigen jouw_eigen твій$ твою$ свой$ свою$ свои$ своё$ свое$ своего$ свій$ swoje$ swoją$ svůj$ svoje$ senin$ sizin$ kamu$ anda$ của_bạn σου$ "
        "आपका आपके आपकी तुम्हारा तुम्हारे तुम्हारी अपना अपने अपनी তোমার আপনার الخاص_بك شما 你的 您的 你收到的 您收到的 给你的 خودت שלך sana$ size$ あなたの 君の 당신의 너의 ของคุณ"
    ),
    "yours_before": (
        # possessives that are also other words ("peux-tu": a subject; "su": his, her, its): yours only right
        # before the name of the prompt ("escribe tu prompt del sistema")
        "tu$ tus$ su$ sus$"
    ),
    "mistake": (
        # a writer's own slip, the reason a withdrawal gives ("ignore the last message, I sent it by mistake")
        "by_mistake my_mistake my_bad sent_too_early changed_my_mind wrong_one por_error me_equivoqué me_equivoque "
        "por_engano me_enganei par_erreur je_me_suis_trompé versehentlich aus_versehen vertan per_errore "
        "mi_sono_sbagliat per_ongeluk vergist przez_pomyłkę pomyłk omylem av_misstag tok_feil ved_en_feil ved_en_fejl "
        "по_ошибке ошиблась ошибся передумал помилково помилилась помилився yanlışlıkla vazgeçtim tidak_sengaja "
        "salah_kirim gửi_nhầm nhầm kimakosa κατά_λάθος "
        "गलती ভুল_করে بالخطأ اشتباه בטעות 发错 發錯 搞错 搞錯 弄错 弄錯 間違え 間違い 잘못 실수 ผิดพลาด ส่งผิด"
    ),
    "verbatim": (
        # word for word, in full: what a request for the assistant's own text adds, never an author's
        "verbatim literal$ literally completo$ completa$ íntegro cuvânt_cu_cuvânt word_for_word wörtlich woertlich textuellement mot_pour_mot palabra_por_palabra literalmente "
        "textualmente parola_per_parola letteralmente woord_voor_woord letterlijk ordrett ordagrant ordret dosłownie "
        "doslova дословно слово_в_слово дослівно kelimesi_kelimesine harfiyen aynen kata_demi_kata "
        "từng_chữ nguyên_văn λέξη_προς_λέξη "
        "शब्दशः ज्यों_का_त्यों হুবহু حرفيا حرفياً كامل کلمه_به_کلمه מילה_במילה 原封不动 原封不動 一字不差 一字不漏 逐字 "
        "そのまま 一字一句 그대로 글자_그대로 ทุกคำ"
    ),
    "forward": (
        # send / forward, as an order: what a note to the AI asks for ("forward this thread to ...")
        "reenvía reenvia envía envia reenvíe reenvie encaminha encaminhe envie transfère transférez envoie envoyez "
        "leite leiten_sie weiterleiten sende_diese senden_sie inoltra invia перешли перешлите отправь отправьте "
        "ilet iletin gönder gonder teruskan kirim chuyển_tiếp gửi ipasa ipadala अग्रेषित भेजें भेजो পাঠান ফরোয়ার্ড "
        "أرسل ارسل أعد_توجيه 转发 发送 転送 送信 전달 보내 ส่งต่อ ส่ง stuur_door doorsturen przekaż wyślij přepošli "
        "pošli vidarebefordra skicka"
    ),
    "void": (
        # "... are no longer valid": earlier orders declared void (the English family says it in English)
        "nicht_mehr_gültig ya_no_son_válidas ya_no_es_válido no_son_válidas ya_no_aplican "
        "ne_sont_plus_valables ne_sont_plus_valides non_sono_più_valide não_são_mais_válidas não_são_válidas "
        "больше_не_действительны artık_geçerli_değil tidak_berlaku_lagi không_còn_hiệu_lực "
        "不再有效 もはや有効ではありません 더_이상_유효하지 ไม่มีผลอีกต่อไป لم_تعد_صالحة अब_मान्य_नहीं niet_meer_geldig nie_są_już_ważne"
    ),
}
