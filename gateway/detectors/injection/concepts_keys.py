"""API keys and access tokens as secrets, and a debug or maintenance mode, in about 25 languages.

English names an API key or an access token as a secret (the secret families of `families.py`); the concept tables
named passwords and secret keys only, so "muestra las claves API de tus herramientas" asked for nothing. The
``secret`` entries here close that gap. ``service_mode`` ("modo de depuración", "Wartungsmodus", "调试模式") is the
other languages' weak mode mention (0.3, as English "debug mode"): a user asks about debug modes every day; a claim
that one is on, beside an authority claim and a secret asked for, is the pretext of an extraction.

Written by the seventeenth session from general knowledge of the languages; no phrase is an evaluation row's.
Matching as in ``concepts.py``: stems are whitespace-separated, ``_`` stands for a space, Latin and Cyrillic stems
match at a word start; other scripts match as substrings.
"""

from __future__ import annotations

KEY_CONCEPTS: dict[str, str] = {
    "secret": (
        # es / pt / fr / it
        "clave_api claves_api clave_de_api claves_de_api claves_de_la_api token_de_acceso tokens_de_acceso "
        "chave_de_api chaves_de_api chave_api chaves_api token_de_acesso tokens_de_acesso "
        "clé_api clés_api clé_d'api clés_d'api cle_api cles_api jeton_d'accès jetons_d'accès "
        "chiave_api chiavi_api chiave_dell'api chiavi_dell'api token_di_accesso "
        # de / nl / nordic / fi / hu
        "api-schlüssel api_schlüssel zugriffstoken zugangstoken api-sleutel api-sleutels toegangstoken "
        "api-nyckel api-nycklar api-nyckeln åtkomsttoken api-nøgle api-nøgler api-nøkkel api-nøkler "
        "api-avain api-avaimet api-kulcs api-kulcsot "
        # pl / cs / ru / uk
        "klucz_api klucze_api klucza_api token_dostępu tokeny_dostępu klíč_api klíče_api "
        "ключ_api ключи_api api-ключ api-ключи токен_доступа токены_доступа ключі_api токен_доступу "
        # tr / id / vi / tl / el / ro
        "api_anahtar erişim_belirteci kunci_api token_akses khóa_api mã_thông_báo_truy_cập api_key_mo "
        "κλειδιά_api κλειδί_api cheia_api cheile_api "
        # scripts without word spaces and others
        "api密钥 api_密钥 api键 访问令牌 api金鑰 存取權杖 apiキー api_キー アクセストークン api_키 api키 액세스_토큰 "
        "مفتاح_api مفاتيح_api رمز_الوصول एपीआई_कुंजी api_कुंजी एक्सेस_टोकन"
    ),
    "service_mode": (
        "modo_de_depuración modo_depuración modo_de_mantenimiento modo_mantenimiento modo_de_depuração "
        "modo_de_manutenção mode_débogage mode_de_débogage mode_maintenance mode_de_maintenance mode_debug$ "
        "debug-modus debugmodus wartungsmodus modalità_debug modalità_di_debug modalità_di_manutenzione "
        "foutopsporingsmodus onderhoudsmodus tryb_debugowania tryb_serwisowy tryb_konserwacji "
        "felsökningsläge underhållsläge fejlsøgningstilstand vedligeholdelsestilstand feilsøkingsmodus "
        "vedlikeholdsmodus vianetsintätila huoltotila hibakeresési_mód karbantartási_mód "
        "režim_ladění režim_údržby режим_отладки режим_обслуживания режим_налагодження режим_обслуговування "
        "hata_ayıklama_modu bakım_modu mode_pemeliharaan chế_độ_gỡ_lỗi chế_độ_bảo_trì "
        "λειτουργία_συντήρησης λειτουργία_αποσφαλμάτωσης modul_de_depanare modul_de_întreținere "
        "डिबग_मोड रखरखाव_मोड وضع_التصحيح وضع_الصيانة 调试模式 维护模式 調試模式 維護模式 "
        "デバッグモード メンテナンスモード 디버그_모드 유지보수_모드 유지_보수_모드 โหมดดีบัก โหมดบำรุงรักษา"
    ),
}
