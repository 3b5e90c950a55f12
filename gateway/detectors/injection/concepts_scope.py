"""Two signals of a rule stored for everyone: ``remember`` (the imperative of remembering, keeping in mind, noting for
later: "remember", "recuerda", "merk dir", "запомни", "记住") and ``all_users`` (a scope of every user, employee or
colleague, with its preposition: "for all users", "para todos los usuarios", "für alle Nutzer", "для всех
пользователей", "对所有用户").

Neither flags alone: "remember to bring your badge" is a reminder, and "the change applies for all users" a notice.
Together, within a short distance (`combinations.RULES`), a writer asks the assistant to keep a rule that will change
what it tells other people, which is not theirs to set ("remember this for all users: ..."). A user's own preference
("remember that I prefer short answers") names no other user. The construction was found on training writers' chat
rows; the entries were written by the eighteenth session from general knowledge of the languages, without the
preposition-less "everyone" forms ("para todos", "für alle"), which greet and thank far more often than they scope.

Matching as in ``concepts.py``: stems are whitespace-separated, ``_`` stands for a space, Latin and Cyrillic stems
match at a word start (a trailing ``$`` asks for a whole word); other scripts match as substrings.
"""

from __future__ import annotations

SCOPE_CONCEPTS: dict[str, str] = {
    "remember": (
        # en, es, pt, fr, ca
        "remember$ memorize$ memorise$ keep_in_mind "
        "recuerda$ recuérdalo recuerde$ memoriza$ memorízalo ten_en_cuenta tenga_en_cuenta "
        "lembre$ lembra$ lembre-se memorize$ grava_isso guarde_isso "
        "retiens$ retenez$ souviens-toi souvenez-vous mémorise$ mémorisez garde_en_mémoire gardez_en_mémoire "
        "recorda$ recordeu "
        # de, nl, it
        "merk_dir merke_dir merken_sie_sich behalte_das behalt_das "
        "onthoud$ onthou$ "
        "ricorda$ ricordati ricordatelo memorizza$ tieni_a_mente "
        # pl, cs, sk, sl, hr, ru, uk, bg
        "zapamiętaj pamiętaj zapamatuj pamatuj zapamätaj pamätaj zapomni$ zapamti$ zapamtite "
        "запомни запомните помни$ запам'ятай запам’ятай пам'ятай пам’ятай "
        # tr, az, id, ms, vi, tl, sw
        "hatırla$ aklında_tut unutma$ yadda_saxla "
        "ingatlah ingat_ini ingat_ya "
        "ghi_nhớ hãy_nhớ nhớ_giùm "
        "tandaan$ tandaan_mo "
        "kumbuka$ "
        # nordic, fi, et, hu, el, ro, eu
        "kom_ihåg husk_at husk_dette muista$ pea_meeles jegyezd_meg jegyezze_meg ne_feledd θυμήσου να_θυμάσαι "
        "ține_minte reține$ rețineți gogoratu$ gogoan_izan "
        # scripts without spaces or with suffixes: hi, bn, mr, ur, ar, fa, he, zh, ja, ko, th
        "याद_रख याद_रखना याद_रखिए মনে_রেখ মনে_রাখ लक्षात_ठेव یاد_رکھ تذكر تذكّر احفظ_هذا به_خاطر_بسپار یادت_باشه "
        "זכור זכרי תזכור "
        "记住 記住 记好 覚えて おぼえて 覚えておいて 기억해 기억하세요 จำไว้"
    ),
    "all_users": (
        # en
        "for_all_users for_every_user for_any_user for_all_employees for_every_employee for_all_colleagues "
        "for_all_staff for_everyone_in_the for_all_customers to_all_users with_any_user with_every_user "
        # es, pt, ca
        "para_todos_los_usuarios para_cualquier_usuario con_cualquier_usuario para_todos_los_empleados "
        "para_todos_los_compañeros para_todo_el_personal para_todos_los_clientes "
        "para_todos_os_usuários para_todos_os_utilizadores para_qualquer_usuário com_qualquer_usuário "
        "para_todos_os_funcionários para_todos_os_colegas per_a_tots_els_usuaris "
        # fr, it
        "pour_tous_les_utilisateurs avec_n'importe_quel_utilisateur pour_n'importe_quel_utilisateur "
        "pour_tous_les_employés pour_tous_les_collègues pour_tout_le_personnel pour_tous_les_clients "
        "per_tutti_gli_utenti con_qualsiasi_utente per_qualsiasi_utente per_tutti_i_dipendenti per_tutti_i_colleghi "
        # de, nl, nordic
        "für_alle_nutzer für_alle_benutzer für_jeden_nutzer für_jeden_benutzer für_alle_mitarbeiter "
        "für_alle_kollegen für_alle_kunden bei_allen_nutzern bei_allen_benutzern "
        "voor_alle_gebruikers voor_iedere_gebruiker voor_elke_gebruiker voor_alle_medewerkers voor_alle_collega "
        "för_alla_användare för_alla_anställda for_alle_brugere for_alle_brukere for_alle_medarbejdere "
        "for_alle_ansatte kaikille_käyttäjille kaikkien_käyttäjien_kohdalla kõigi_kasutajate_jaoks "
        # pl, cs, sk, ru, uk, bg, sr/hr
        "dla_wszystkich_użytkowników dla_każdego_użytkownika dla_wszystkich_pracowników "
        "pro_všechny_uživatele pro_každého_uživatele pro_všechny_zaměstnance "
        "pre_všetkých_používateľov pre_každého_používateľa "
        "для_всех_пользователей для_любого_пользователя для_всех_сотрудников для_всех_коллег "
        "для_всіх_користувачів для_усіх_користувачів для_будь-якого_користувача для_всіх_працівників "
        "за_всички_потребители за_всички_служители za_sve_korisnike za_sve_zaposlene "
        # tr, az, id, ms, vi, tl, sw, hu, el, ro, eu, lt, lv
        "tüm_kullanıcılar_için bütün_kullanıcılar_için tüm_çalışanlar_için bütün_istifadəçilər_üçün "
        "untuk_semua_pengguna untuk_setiap_pengguna untuk_semua_karyawan untuk_semua_pekerja "
        "cho_tất_cả_người_dùng cho_mọi_người_dùng cho_tất_cả_nhân_viên "
        "para_sa_lahat_ng_user para_sa_lahat_ng_gumagamit kwa_watumiaji_wote kwa_wafanyakazi_wote "
        "minden_felhasználó minden_munkatárs για_όλους_τους_χρήστες για_όλους_τους_υπαλλήλους "
        "pentru_toți_utilizatorii pentru_toate_utilizatorii pentru_toți_angajații "
        "erabiltzaile_guztientzat langile_guztientzat visiems_vartotojams visiem_lietotājiem "
        # hi, bn, ur, ar, fa, he
        "सभी_उपयोगकर्ताओं_के_लिए सभी_यूज़र्स_के_लिए सभी_कर्मचारियों_के_लिए সব_ব্যবহারকারীর_জন্য সকল_কর্মীর_জন্য "
        "تمام_صارفین_کے_لیے لجميع_المستخدمين لكل_المستخدمين لجميع_الموظفين برای_همه_کاربران برای_همه_کارمندان "
        "לכל_המשתמשים לכל_העובדים "
        # zh, ja, ko, th
        "对所有用户 對所有用戶 对所有同事 对所有员工 對所有員工 所有用户都 所有同事都 所有员工都 "
        "全ユーザーに すべてのユーザーに 全社員に 全員に対して 모든_사용자에게 모든_직원에게 모든_사용자에 "
        "สำหรับผู้ใช้ทุกคน สำหรับพนักงานทุกคน"
    ),
}
