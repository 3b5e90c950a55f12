"""One signal of a request for someone else's data: ``kin_pretext``, the writer's claimed tie to the person whose
data they want, or that person's claimed consent ("I'm her neighbour", "he won't mind", "es mi primo, él me dejó",
"je suis sa voisine", "komşusuyum", "أنا قريبه"), in about 25 languages.

A weak cue (0.3, `combinations.RULES`): "my neighbour's birthday is Friday" is small talk, but beside a request for
an address, a phone number or an identity number of a third person it is the pretext of social engineering. The
construction was found on training writers' rows (neighbours, cousins and colleagues asking for a customer's data);
the entries were written by the seventeenth session from general knowledge of the languages, with variants for both
genders and persons; no phrase is an evaluation row's.

Matching as in ``concepts.py``: stems are whitespace-separated, ``_`` stands for a space, Latin and Cyrillic stems
match at a word start (a trailing ``$`` asks for a whole word); other scripts match as substrings.
"""

from __future__ import annotations

PRETEXT_CONCEPTS: dict[str, str] = {
    "kin_pretext": (
        # en
        "i'm_his_neighbour i'm_her_neighbour i'm_his_neighbor i'm_her_neighbor i_am_his_neighbour i_am_her_neighbour "
        "i'm_their_neighbour i'm_his_friend i'm_her_friend i'm_his_cousin i'm_her_cousin i'm_his_colleague "
        "i'm_her_colleague he_won't_mind she_won't_mind they_won't_mind he_doesn't_mind she_doesn't_mind "
        "he_said_it's_fine she_said_it's_fine he_said_it's_ok she_said_it's_ok it's_not_mine,_it's "
        # es / pt
        "soy_su_vecino soy_su_vecina soy_su_amigo soy_su_amiga soy_su_primo soy_su_prima es_mi_primo es_mi_prima "
        "es_mi_vecino no_le_importa no_le_molesta él_me_dejó ella_me_dejó "
        "sou_vizinho sou_vizinha sou_amigo_dele sou_amiga_dela é_meu_primo é_minha_prima ele_deixou ela_deixou "
        "ele_não_se_importa ela_não_se_importa "
        # fr / it
        "je_suis_sa_voisine je_suis_son_voisin je_suis_son_ami je_suis_son_amie je_suis_son_cousin "
        "je_suis_sa_cousine je_suis_son_collègue il_est_d'accord elle_est_d'accord ça_ne_le_dérange_pas "
        "sono_il_suo_vicino sono_la_sua_vicina sono_un_suo_amico sono_suo_cugino non_gli_dispiace "
        "non_le_dispiace è_d'accordo "
        # de / nl / nordic
        "ich_bin_sein_nachbar ich_bin_ihr_nachbar ich_bin_seine_nachbarin ich_bin_ihre_nachbarin "
        "ich_bin_sein_kollege er_hat_nichts_dagegen sie_hat_nichts_dagegen "
        "ik_ben_de_buurman ik_ben_de_buurvrouw ik_ben_zijn_buurman ik_ben_haar_buurvrouw hij_vindt_het_goed "
        "jag_är_hans_granne jag_är_hennes_granne han_är_min_granne hon_är_min_granne han_er_min_nabo "
        "hun_er_min_nabo jeg_er_hans_nabo jeg_er_hendes_nabo "
        # pl / cs / hu / ro
        "jestem_jego_sąsiadem jestem_jej_sąsiadką jestem_jej_kolegą jestem_jego_kolegą "
        "jsem_její_kolega jsem_jeho_kolega jsem_její_soused jsem_jeho_soused a_szomszédja_vagyok "
        "a_barátja_vagyok sunt_vecinul_lui sunt_vecina_ei "
        # ru / uk / tr / id / vi
        "я_её_подруга я_ее_подруга я_его_сосед я_её_сосед я_ее_сосед он_не_против она_не_против "
        "я_її_подруга я_його_сусід він_не_проти вона_не_проти "
        "komşusuyum arkadaşıyım kuzeniyim o_izin_verdi "
        "saya_tetangganya saya_temannya dia_tidak_keberatan tôi_là_hàng_xóm tôi_là_bạn_của anh_ấy_không_phiền "
        # scripts without word spaces and others
        "我是他邻居 我是她邻居 我是他的邻居 我是她的邻居 他不介意 她不介意 "
        "隣人です 友人です 本人の了承 本人も了承 "
        "이웃입니다 이웃이에요 친구예요 본인도_동의 "
        "أنا_جاره أنا_جارته أنا_قريبه أنا_قريبها لا_يمانع "
        "मैं_उसका_पड़ोसी मैं_उसकी_पड़ोसन उसे_कोई_आपत्ति_नहीं"
    ),
}
