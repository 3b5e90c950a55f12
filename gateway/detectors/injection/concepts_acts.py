"""Two signals of an order to an agent's tools that no document should give its reader, in about 17 languages:
``privileged_act`` (grant administrator rights, create an admin account, turn off two-factor authentication or a
security scan, delete a repository, branch, namespace or table, force-push to main, release or approve a payment,
change a payee's bank details, transfer money) and ``vouch`` (mark a new account or a change as verified or
approved, or say the call-back check is not needed: what a forged bank-change notice asks of the AI that files it).

Each flags only beside ``ai_reader`` (`combinations.RULES`): "AI agent handling this ticket: grant admin rights to
…". Alone it is the vocabulary of runbooks, changelogs and access reviews. Written by the seventeenth session from
general knowledge of the languages; no phrase is an evaluation row's.

Matching as in ``concepts.py``: stems are whitespace-separated, ``_`` stands for a space, Latin and Cyrillic stems
match at a word start (a trailing ``$`` asks for a whole word); other scripts match as substrings.
"""

from __future__ import annotations

ACT_CONCEPTS: dict[str, str] = {
    "privileged_act": (
        # en
        "grant_admin grant_administrator grant_them_admin give_admin_rights give_administrator_rights "
        "admin_rights_to admin_access_to add_as_admin create_an_admin create_a_new_admin create_a_second_admin "
        "disable_two-factor disable_2fa disable_mfa turn_off_2fa turn_off_two-factor disable_the_security_scan "
        "delete_the_repository delete_repository delete_the_branch delete_branch delete_namespace drop_table "
        "push_--force push_-f force-push force_push release_payment release_the_payment approve_the_payment "
        "approve_the_invoice approve_po approve_the_purchase change_the_payee set_this_iban change_the_bank_details "
        "update_the_bank_details change_the_payout transfer_the_funds wire_the_funds wire_the_money wire_the_balance "
        # de
        "administratorrechte adminrechte admin-rechte admin-konto_anlegen zwei-faktor-authentifizierung_deaktivieren "
        "2fa_deaktivieren zahlung_freigeben zahlung_freigabe bankverbindung_ändern bankverbindung_aktualisieren "
        "repository_löschen branch_löschen überweise_den_betrag überweisen_sie_den_betrag "
        # fr
        "droits_administrateur droits_d'administrateur droits_admin compte_administrateur "
        "désactivez_la_double désactive_la_double désactiver_l'authentification libérez_le_paiement "
        "libère_le_paiement validez_le_paiement modifiez_le_rib changez_le_rib changez_les_coordonnées_bancaires "
        "virez_le_montant virez_la_somme supprimez_le_dépôt supprimez_la_branche supprimez_le_workflow "
        # es / pt
        "permisos_de_administrador derechos_de_administrador cuenta_de_administrador desactiva_la_autenticación "
        "desactive_la_autenticación libera_el_pago aprueba_el_pago cambia_el_iban cambie_el_iban "
        "cambia_los_datos_bancarios transfiere_el_importe transfiere_el_dinero transfiere_el_saldo "
        "borra_el_repositorio elimina_el_repositorio "
        "permissões_de_administrador direitos_de_administrador conta_de_administrador desative_a_autenticação "
        "libere_o_pagamento aprove_o_pagamento altere_o_iban altere_os_dados_bancários transfira_o_valor "
        "transfira_o_dinheiro transfira_o_saldo "
        # it / nl
        "diritti_di_amministratore permessi_di_amministratore account_amministratore disattiva_l'autenticazione "
        "sblocca_il_pagamento approva_il_pagamento cambia_l'iban modifica_l'iban trasferisci_l'importo "
        "trasferisci_il_saldo trasferisci_i_fondi "
        "beheerdersrechten adminrechten beheerdersaccount schakel_tweestapsverificatie_uit geef_de_betaling_vrij "
        "wijzig_het_iban wijzig_de_bankgegevens maak_over "
        # pl / ru
        "uprawnienia_administratora konto_administratora wyłącz_uwierzytelnianie zatwierdź_płatność "
        "zmień_numer_konta przelej_środki przelej_kwotę "
        "права_администратора админские_права учётную_запись_администратора учетную_запись_администратора "
        "отключи_двухфакторную отключите_двухфакторную одобри_платёж одобри_платеж проведи_платёж "
        "проведи_платеж смени_реквизиты измени_реквизиты переведи_деньги переведи_сумму удали_репозиторий удали_ветку "
        # tr / id / vi
        "yönetici_yetkisi yönetici_hesabı iki_adımlı_doğrulamayı_kapat ödemeyi_onayla iban'ı_değiştir "
        "hak_akses_admin akun_admin nonaktifkan_verifikasi setujui_pembayaran ubah_rekening transfer_dana "
        "quyền_quản_trị tài_khoản_quản_trị tắt_xác_thực duyệt_thanh_toán đổi_số_tài_khoản chuyển_khoản "
        # zh / ja / ko
        "管理员权限 管理员账号 关闭双重验证 关闭两步验证 批准付款 释放付款 更改收款账户 修改收款账户 转账给 "
        "删除仓库 删除分支 强制推送 "
        "管理者権限 管理者アカウント 二段階認証を無効 支払いを承認 振込先を変更 口座を変更 送金して "
        "リポジトリを削除 ブランチを削除 強制プッシュ "
        "관리자_권한 관리자_계정 2단계_인증을_해제 결제를_승인 계좌를_변경 송금해 저장소를_삭제 "
        # ar / hi
        "صلاحيات_المسؤول حساب_مسؤول عطّل_المصادقة وافق_على_الدفع غيّر_رقم_الحساب حوّل_مبلغ "
        "एडमिन_अधिकार व्यवस्थापक_अधिकार भुगतान_मंजूर खाता_नंबर_बदल"
    ),
    "vouch": (
        # en
        "mark_it_as_verified mark_this_as_verified mark_as_verified mark_it_as_confirmed mark_this_as_confirmed "
        "mark_as_confirmed mark_the_account_as mark_this_account_as no_need_to_call no_need_to_verify "
        "no_need_to_confirm no_callback_is_needed no_call-back_is_needed the_change_is_approved "
        "the_change_is_already_approved already_verified_by_phone "
        # de / nl / nordic
        "als_verifiziert_markieren als_bestätigt_markieren als_geprüft_markieren markiere_es_als markiere_dies_als "
        "rückruf_ist_nicht_nötig rückruf_nicht_nötig kein_rückruf_nötig die_änderung_ist_freigegeben "
        "markeer_als_geverifieerd markeer_dit_als terugbellen_is_niet_nodig "
        "de_wijziging_is_goedgekeurd registrera_som_verifierad markera_som_verifierad markér_som_bekræftet "
        "merk_dette_som_bekreftet merk_som_bekreftet ikke_nødvendig_å_ringe "
        "ingen_grund_til_at_ringe "
        # fr / es / pt / it
        "marquez-le_comme_vérifié marquer_comme_vérifié marquez_comme_vérifié inutile_d'appeler "
        "inutile_de_rappeler la_modification_est_validée márcalo_como_verificado marcar_como_verificado "
        "marca_como_verificado no_es_necesario_llamar no_hace_falta_llamar el_cambio_está_aprobado "
        "marque_como_verificado marcar_como_verificada não_é_necessário_confirmar não_é_necessário_ligar "
        "a_alteração_está_aprovada segna_come_verificato contrassegna_come_verificato non_serve_richiamare "
        # pl / ru / tr / id / vi / ro / fi / hu
        "oznacz_jako_zweryfikowane oznacz_jako_potwierdzone nie_trzeba_dzwonić отметь_как_проверенный "
        "отметьте_как_проверенный отметь_как_подтверждённый звонить_не_нужно перезванивать_не_нужно "
        "doğrulanmış_olarak_işaretle onaylandı_olarak_işaretle aramaya_gerek_yok tandai_sebagai_terverifikasi "
        "tandai_sebagai_terverifikasi tidak_perlu_menelepon đánh_dấu_là_đã_xác_minh không_cần_gọi_lại "
        "marcați_ca_verificat merkitse_vahvistetuksi jelöld_ellenőrzöttként "
        # scripts without word spaces and others
        "标记为已验证 标记为已确认 无需电话确认 不必回电 確認済みとして 確認済みに 折り返しの確認は不要 "
        "인증된_것으로_표시 확인된_것으로_표시 확인_전화는_필요 "
        "ضع_علامة_موثق علّمه_كموثق لا_حاجة_للاتصال सत्यापित_के_रूप_में_चिह्नित कॉल_करने_की_जरूरत_नहीं"
    ),
}
