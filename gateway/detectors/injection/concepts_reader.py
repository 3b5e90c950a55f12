"""Four signals that a document addresses the AI that reads it, in 47 languages and scripts:
``ai_reader`` (the text names an AI assistant/agent/model as its reader or processor: "ai assistant",
"language model", "the ai reading this", "ki-assistent", "ИИ-ассистент", "AI助手" ...), ``memory_persist``
(asks for something to be stored in the assistant's memory or kept for all future sessions), ``on_behalf``
(asks the assistant to act, sign, accept or reply in the user's name) and ``rank_first`` (demands that
something be presented as the best or only choice, rated five stars, summarised only positively).

Written from general knowledge by a helper of the sixteenth session who saw no evaluation, probe or training row; the entries the
helper itself judged common in harmless speech (bare "assistant", "agent" or "AI"; "virtual assistant";
"on behalf of" with no user; "5-star hotel"; "remember forever"; "save to memory" as a device setting;
"atas nama" in bank transfers; Vietnamese "ai" = "who" ...) were left out and are listed in ``risky.txt``. A few
forms named in the brief ("au nom de", "im Namen", "namens", "en nombre de", "w imieniu", "от имени",
"always recommend", "long-term memory", "from now on always") are common in ordinary mail and were kept
because they were requested; none of these concepts should flag a text on its own.

Matching: stems are whitespace-separated, ``_`` stands for a space, text is lower-cased and NFKC-normalised.
Latin and Cyrillic stems match at a word start (a trailing ``$`` asks for a whole word); stems in other
scripts match anywhere as substrings and are therefore written as longer phrases.
"""

from __future__ import annotations

# ruff: noqa: E501

READER_CONCEPTS: dict[str, str] = {
    "ai_reader": (
        # en
        'ai_assistant ai-assistant ai_agent language_model llm copilot coding_agent chatbot automated_agent '
        'ai_reading_this ai_that_reads ai_that_summar the_assistant_reading the_model_processing '
        'if_you_are_an_ai$ '
        # es
        'asistente_de_ia asistentes_de_ia asistente_de_inteligencia_artificial asistente_ia$ agente_de_ia '
        'agentes_de_ia modelo_de_lenguaje modelos_de_lenguaje ia_que_lee ia_que_procesa ia_que_resume '
        'si_eres_una_ia$ el_asistente_que_lee agente_automatizado bot_conversacional '
        # pt
        'assistente_de_ia assistentes_de_ia assistente_de_inteligência_artificial '
        'assistente_de_inteligencia_artificial modelo_de_linguagem modelos_de_linguagem ia_que_lê ia_que_le$ '
        'ia_que_processa se_você_é_uma_ia$ o_assistente_que_lê '
        # fr
        "assistant_ia$ assistants_ia$ agent_ia$ agents_ia$ assistant_d'ia assistant_d’ia modèle_de_langage "
        'modèles_de_langage ia_qui_lit ia_qui_traite ia_qui_résume si_vous_êtes_une_ia$ si_tu_es_une_ia$ '
        'assistant_qui_lit agent_conversationnel '
        # de
        'ki-assistent ki_assistent ki-agent ki_agent ki-modell sprachmodell ki-chatbot ki-bot ki,_die_diesen '
        'ki,_die_diese assistent,_der_diesen wenn_du_eine_ki_bist falls_du_eine_ki_bist '
        'automatisierter_agent ki-gestützter_assistent '
        # it
        'assistente_ai$ assistente_ia$ assistenti_ai$ assistente_di_ia '
        'assistente_di_intelligenza_artificiale agente_ai$ agente_ia$ agente_di_ia modello_linguistico '
        'modelli_linguistici modello_di_linguaggio ia_che_legge ai_che_legge ia_che_elabora '
        'assistente_che_legge '
        # nl
        'ai-assistent ai_assistent ai-agent taalmodel ai-chatbot ai_die_dit_leest ai_die_deze_tekst '
        'ai_die_dit_verwerkt ai_die_dit_samenvat assistent_die_dit_leest als_je_een_ai_bent '
        'als_u_een_ai_bent geautomatiseerde_agent ai-model_dat '
        # pl
        'asystent_ai$ asystenta_ai$ asystent_sztucznej_inteligencji agent_ai$ agenta_ai$ model_językow '
        'modelu_językow modele_językow czatbot ai_czytając sztuczna_inteligencja_czytając '
        'sztuczna_inteligencja,_która jeśli_jesteś_ai$ jeśli_jesteś_sztuczną asystent_czytający '
        # cs
        'ai_asistent asistent_ai$ asistent_umělé_inteligence asistenta_umělé_inteligence '
        'agent_umělé_inteligence jazykový_model jazykového_model jazykové_model umělá_inteligence,_která '
        'ai,_která_čte pokud_jsi_ai$ pokud_jste_ai$ asistent,_který_čte automatizovaný_agent '
        # sk
        'asistent_umelej_inteligencie asistenta_umelej_inteligencie agent_umelej_inteligencie '
        'umelá_inteligencia,_ktorá ai,_ktorá_číta ai,_ktorá_spracúva ak_si_ai$ ak_ste_ai$ '
        'asistent,_ktorý_číta model,_ktorý_spracúva ai_asistentk '
        # ro
        'asistentul_ai$ asistent_de_inteligen asistentul_de_inteligen agentul_ai$ model_de_limbaj '
        'modelul_de_limbaj modele_de_limbaj ai_care_cite ia_care_cite ai-ul_care asistentul_care_cite '
        'agent_automatizat '
        # hu
        'mi-asszisztens ai-asszisztens ai_asszisztens mi-ügynök ai-ügynök '
        'mesterséges_intelligencia-asszisztens mesterségesintelligencia-asszisztens nyelvi_modell '
        'csevegőrobot ha_mesterséges_intelligencia_vagy ha_ai_vagy ezt_olvasó_ai$ ezt_olvasó_mi$ '
        'ezt_feldolgozó_ai$ ezt_feldolgozó_mi$ '
        # sv
        'ai-modell språkmodell chattbot chattrobot ai_som_läser ai:n_som_läser ai_som_sammanfattar '
        'ai_som_bearbetar assistenten_som_läser om_du_är_en_ai$ automatiserad_agent kodagent '
        # da
        'ai-model sprogmodel chatrobot ai,_der_læser ai_der_læser ai,_der_opsummerer ai,_der_behandler '
        'assistenten,_der_læser hvis_du_er_en_ai$ automatiseret_agent kodeagent '
        # no
        'ki_som_leser ai_som_leser ki-en_som_leser ki_som_oppsummerer ki_som_behandler assistenten_som_leser '
        'hvis_du_er_en_ki$ automatisert_agent '
        # fi
        'tekoälyavustaja tekoäly-avustaja ai-avustaja tekoälyagentti tekoäly-agentti ai-agentti kielimalli '
        'keskustelubotti chatbotti tätä_lukeva_tekoäly tätä_käsittelevä_tekoäly tekoäly,_joka_lukee '
        'jos_olet_tekoäly automaattinen_agentti koodausagentti '
        # et
        'tehisintellekti_assistent tehisintellekti-assistent tehisintellekti_agent tehisaru_assistent '
        'ti-assistent keelemudel vestlusrobot juturobot seda_lugev_tehisintellekt seda_teksti_lugev '
        'tehisintellekt,_mis_loeb kui_sa_oled_tehisintellekt kui_oled_tehisintellekt automatiseeritud_agent '
        # lv
        'mi_asistent mi-asistent mākslīgā_intelekta_asistent mi_aģent mākslīgā_intelekta_aģent valodas_model '
        'tērzēšanas_robot tērzbot mi,_kas_lasa mākslīgais_intelekts,_kas_lasa asistents,_kas_lasa '
        'ja_tu_esi_mākslīgais_intelekts ja_esi_mākslīgais_intelekts automatizēts_aģents '
        # lt
        'di_asistent di-asistent dirbtinio_intelekto_asistent di_agent dirbtinio_intelekto_agent '
        'kalbos_model pokalbių_robot pokalbių_bot šį_tekstą_skaitantis tai_skaitantis_di di,_kuris_skaito '
        'dirbtinis_intelektas,_kuris jei_esi_dirbtinis_intelektas jei_esate_dirbtinis_intelektas '
        'automatizuotas_agent '
        # el
        'βοηθός_τεχνητής_νοημοσύνης βοηθό_τεχνητής_νοημοσύνης βοηθός_ai βοηθό_ai '
        'πράκτορας_τεχνητής_νοημοσύνης πράκτορα_τεχνητής_νοημοσύνης γλωσσικό_μοντέλο γλωσσικού_μοντέλου '
        'γλωσσικά_μοντέλα ρομπότ_συνομιλίας αν_είσαι_τεχνητή_νοημοσύνη νοημοσύνη_που_διαβάζει '
        'βοηθός_που_διαβάζει αυτοματοποιημένος_πράκτορας '
        # ru
        'ии-ассистент ии_ассистент ии-агент ассистент_ии$ ассистент_на_базе_ии языковая_модел языковой_модел '
        'языковые_модел чат-бот чатбот ии,_который_читает ии,_читающий если_ты_ии$ если_вы_ии$ '
        'автоматизированный_агент '
        # uk
        'ші-асистент ші_асистент асистент_ші$ ші-агент ші_агент асистент_зі_штучним_інтелектом мовна_модел '
        'мовної_модел мовні_модел ші,_який_читає ші,_що_читає ші,_що_обробляє якщо_ти_ші$ якщо_ви_ші$ '
        'автоматизований_агент '
        # bg
        'ии_асистент ии-асистент асистент_с_изкуствен_интелект ai_асистент агент_с_изкуствен_интелект '
        'ии_агент езиков_модел езиковия_модел езиковият_модел езикови_модели ии,_който_чете ако_си_ии$ '
        'ако_сте_ии$ асистентът,_който_чете автоматизиран_агент '
        # sr-latn
        'asistent_veštačke_inteligencije asistent_vestacke_inteligencije agent_veštačke_inteligencije '
        'jezički_model jezičkog_model jezicki_model četbot ako_si_ai$ ako_ste_ai$ '
        'ako_si_veštačka_inteligencija ai_koji_čita ai_koji_obrađuje veštačka_inteligencija_koja_čita '
        'asistent_koji_čita automatizovani_agent '
        # sr-cyrl
        'аи_асистент асистент_вештачке_интелигенције агент_вештачке_интелигенције језички_модел '
        'језичког_модел четбот ако_си_аи$ ако_сте_аи$ ако_си_вештачка_интелигенција аи_који_чита '
        'вештачка_интелигенција_која_чита асистент_који_чита аутоматизовани_агент '
        # hr
        'asistent_umjetne_inteligencije asistentica_umjetne agent_umjetne_inteligencije jezični_model '
        'jezičnog_model jezicni_model ako_si_umjetna_inteligencija ako_ste_umjetna_inteligencija '
        'umjetna_inteligencija_koja_čita umjetna_inteligencija_koja_obrađuje automatizirani_agent '
        'model_koji_obrađuje ai_asistentic '
        # sl
        'asistent_umetne_inteligence agent_umetne_inteligence jezikovni_model jezikovnega_model '
        'jezikovne_model klepetalni_robot če_si_umetna_inteligenca če_ste_umetna_inteligenca '
        'umetna_inteligenca,_ki umetna_inteligenca_ki_bere asistent,_ki_bere ai,_ki_bere avtomatiziran_agent '
        # tr
        'yapay_zeka_asistan yapay_zekâ_asistan ai_asistan yz_asistan yapay_zeka_ajan yapay_zekâ_ajan '
        'dil_model sohbet_bot sohbet_robot bunu_okuyan_yapay bu_metni_okuyan_yapay metni_işleyen_yapay '
        'yapay_zekaysan yapay_zekâysan otomatik_ajan '
        # ar
        'مساعد_الذكاء_الاصطناعي مساعد_ذكاء_اصطناعي وكيل_الذكاء_الاصطناعي وكيل_ذكاء_اصطناعي نموذج_لغوي '
        'النموذج_اللغوي نموذج_اللغة نماذج_اللغة روبوت_الدردشة روبوت_محادثة إذا_كنت_ذكاء_اصطناعي '
        'اذا_كنت_ذكاء_اصطناعي الاصطناعي_الذي_يقرأ المساعد_الذي_يقرأ الاصطناعي_الذي_يعالج '
        # he
        'עוזר_בינה_מלאכותית עוזר_הבינה_המלאכותית עוזר_ai סוכן_בינה_מלאכותית סוכן_ai מודל_שפה מודל_השפה '
        "צ'אטבוט צאטבוט אם_אתה_בינה_מלאכותית אם_את_בינה_מלאכותית המלאכותית_שקוראת המלאכותית_הקוראת "
        'העוזר_שקורא סוכן_אוטומטי '
        # fa
        'دستیار_هوش_مصنوعی دستیار_ai عامل_هوش_مصنوعی ایجنت_هوش_مصنوعی مدل_زبانی مدل_زبان_بزرگ چت_بات چت\u200cبات '
        'ربات_گفتگو اگر_هوش_مصنوعی_هستی اگر_یک_هوش_مصنوعی هوش_مصنوعی_که_این هوش_مصنوعی\u200cای_که دستیاری_که_این '
        'مدلی_که_این_متن '
        # ur
        'اے_آئی_اسسٹنٹ اے_آئی_معاون مصنوعی_ذہانت_کا_معاون مصنوعی_ذہانت_کے_معاون اے_آئی_ایجنٹ لسانی_ماڈل '
        'لینگویج_ماڈل چیٹ_بوٹ اگر_آپ_اے_آئی اگر_تم_اے_آئی اگر_آپ_مصنوعی_ذہانت پڑھنے_والا_اے_آئی '
        'پڑھنے_والی_مصنوعی_ذہانت خودکار_ایجنٹ '
        # hi
        'एआई_असिस्टेंट एआई_सहायक कृत्रिम_बुद्धिमत्ता_सहायक एआई_एजेंट भाषा_मॉडल लैंग्वेज_मॉडल चैटबॉट चैट_बॉट '
        'अगर_आप_एआई_हैं यदि_आप_एआई_हैं अगर_तुम_एआई_हो इसे_पढ़_रहा_एआई इसे_पढ़ने_वाला_एआई स्वचालित_एजेंट '
        # bn
        'এআই_সহকারী এআই_অ্যাসিস্ট্যান্ট কৃত্রিম_বুদ্ধিমত্তা_সহকারী এআই_এজেন্ট ভাষা_মডেল ল্যাঙ্গুয়েজ_মডেল '
        'চ্যাটবট যদি_তুমি_এআই যদি_আপনি_এআই যে_এআই_এটি_পড়ছে এটি_পড়ছে_এমন_এআই স্বয়ংক্রিয়_এজেন্ট '
        # ta
        'ai_உதவியாளர் ஏஐ_உதவியாளர் செயற்கை_நுண்ணறிவு_உதவியாளர் ai_முகவர் செயற்கை_நுண்ணறிவு_முகவர் '
        'மொழி_மாதிரி சாட்பாட் அரட்டை_பாட் நீங்கள்_ஒரு_ai நீங்கள்_செயற்கை_நுண்ணறிவு_என்றால் '
        'இதைப்_படிக்கும்_ai இதைப்_படிக்கும்_செயற்கை இதை_படிக்கும்_செயற்கை தானியங்கி_முகவர் '
        # sw
        'msaidizi_wa_ai$ msaidizi_wa_akili_bandia msaidizi_wa_akili_mnemba wakala_wa_ai$ '
        'wakala_wa_akili_bandia modeli_ya_lugha modeli_kubwa_ya_lugha roboti_ya_mazungumzo kama_wewe_ni_ai$ '
        'ikiwa_wewe_ni_ai$ kama_wewe_ni_akili_bandia ai_inayosoma akili_bandia_inayosoma '
        'akili_bandia_inayochakata wakala_wa_kiotomatiki '
        # id
        'asisten_ai$ asisten_kecerdasan_buatan agen_ai$ agen_kecerdasan_buatan model_bahasa bot_percakapan '
        'jika_kamu_adalah_ai$ jika_anda_adalah_ai$ jika_kamu_ai$ jika_anda_ai$ ai_yang_membaca '
        'ai_yang_memproses ai_yang_merangkum asisten_yang_membaca agen_otomatis '
        # ms
        'pembantu_ai$ pembantu_kecerdasan_buatan ejen_ai$ ejen_kecerdasan_buatan bot_sembang '
        'jika_anda_ialah_ai$ jika_anda_sebuah_ai$ jika_awak_ai$ kecerdasan_buatan_yang_membaca '
        'pembantu_yang_membaca ejen_automatik model_bahasa_besar ai_yang_meringkaskan '
        # tl
        'ai_na_assistant ai_na_katulong katulong_na_ai$ ahente_ng_ai$ ai_na_ahente modelo_ng_wika '
        'kung_ikaw_ay_isang_ai$ kung_ikaw_ay_ai$ kung_ai_ka$ ai_na_nagbabasa ai_na_nagpoproseso '
        'ai_na_nagbubuod assistant_na_nagbabasa awtomatikong_ahente '
        # vi
        'trợ_lý_ai$ trợ_lý_trí_tuệ_nhân_tạo trợ_lý_ảo_ai$ tác_nhân_ai$ tác_tử_ai$ tác_nhân_trí_tuệ_nhân_tạo '
        'mô_hình_ngôn_ngữ nếu_bạn_là_trí_tuệ_nhân_tạo nếu_bạn_là_một_trợ_lý nếu_bạn_là_mô_hình '
        'trí_tuệ_nhân_tạo_đang_đọc trợ_lý_đang_đọc mô_hình_đang_xử_lý tác_nhân_tự_động '
        # th
        'ผู้ช่วยai ผู้ช่วย_ai ผู้ช่วยเอไอ ผู้ช่วยปัญญาประดิษฐ์ เอเจนต์ai เอเจนต์_ai เอเจนต์เอไอ โมเดลภาษา '
        'แบบจําลองภาษา แชทบอท หากคุณเป็น_ai หากคุณเป็นai ถ้าคุณเป็นเอไอ ปัญญาประดิษฐ์ที่อ่าน เอไอที่อ่าน '
        # zh-hans
        'ai助手 ai_助手 人工智能助手 智能助手 ai代理 人工智能代理 智能体 语言模型 聊天机器人 如果你是ai 如果你是人工智能 如果你是语言模型 正在阅读的ai 阅读本文的ai 的ai助手 '
        # zh-hant
        '人工智慧助理 人工智慧助手 ai助理 智慧助理 人工智慧代理 智慧代理 語言模型 聊天機器人 如果你是人工智慧 如果你是語言模型 正在閱讀的ai 閱讀本文的ai 程式設計助理 的ai助理 '
        '人工智能助理 '
        # ja
        'aiアシスタント ai_アシスタント aiエージェント のaiアシスタント 人工知能アシスタント 言語モデル チャットボット コーディングエージェント もしあなたがaiなら あなたがaiであれば '
        'あなたがaiの場合 を読んでいるai を処理しているai を要約するai 自律型エージェント '
        # ko
        'ai_어시스턴트 ai어시스턴트 ai_비서 인공지능_비서 인공지능_어시스턴트 ai_에이전트 인공지능_에이전트 언어_모델 언어모델 챗봇 코딩_에이전트 당신이_ai라면 읽는_ai '
        '처리하는_ai 요약하는_ai '
        # ca
        "assistent_d'ia assistent_d’ia assistent_ia$ agent_d'ia agent_d’ia model_de_llenguatge "
        'models_de_llenguatge ia_que_llegeix ia_que_resumeix si_ets_una_ia$ assistent_que_llegeix '
        "agent_automatitzat xatbot assistent_d'intel·ligència_artificial "
        # gl
        'asistente_de_intelixencia_artificial axente_de_ia axentes_de_ia axente_ia$ axente_de_intelixencia '
        'modelo_de_linguaxe modelos_de_linguaxe se_es_unha_ia$ se_vostede_é_unha_ia$ asistente_que_le$ '
        'axente_automatizado '
        # eu
        'aa_laguntzaile aa-laguntzaile ai_laguntzaile adimen_artifizialeko_laguntzaile '
        'adimen_artifizialeko_agente aa_agente hizkuntza-eredu hizkuntza_eredu txatbot ai_bat_bazara '
        'aa_bat_bazara adimen_artifiziala_bazara irakurtzen_duen_aa$ irakurtzen_duen_adimen '
        'agente_automatizatu '
        # is
        'gervigreindaraðstoð gervigreindarfulltrú gervigreindarspjallmenni spjallmenni mállík risamállík '
        'gervigreindarlíkan ai-aðstoð ef_þú_ert_gervigreind gervigreind_sem_les gervigreindin_sem_les '
        'gervigreind_sem_vinnur aðstoðarmaðurinn_sem_les sjálfvirkur_umboðsmaður '
    ),
    "memory_persist": (
        # en
        'save_to_your_memory save_this_to_your_memory store_this_in_your_memory add_this_to_your_memory '
        'long-term_memory persistent_memory remember_permanently permanently_remember '
        'for_all_future_sessions in_all_future_sessions in_all_future_conversations '
        'for_all_future_conversations from_now_on_always as_a_permanent_rule remember_for_every_user '
        # es
        'guarda_en_tu_memoria guárdalo_en_tu_memoria guarda_esto_en_tu_memoria memoria_a_largo_plazo '
        'memoria_persistente recuerda_permanentemente recuérdalo_para_siempre '
        'para_todas_las_sesiones_futuras en_todas_las_conversaciones_futuras en_todas_las_sesiones_futuras '
        'a_partir_de_ahora_siempre de_ahora_en_adelante_siempre como_regla_permanente '
        'recuerda_para_todos_los_usuarios '
        # pt
        'salve_na_sua_memória salva_na_tua_memória guarde_na_sua_memória guarde_isso_na_memória '
        'memória_de_longo_prazo memória_persistente lembre-se_permanentemente lembre_permanentemente '
        'para_todas_as_sessões_futuras em_todas_as_conversas_futuras em_todas_as_sessões_futuras '
        'a_partir_de_agora_sempre como_regra_permanente lembre_para_todos_os_usuários '
        # fr
        'enregistre_dans_ta_mémoire enregistrez_dans_votre_mémoire ajoute_à_ta_mémoire '
        'ajoutez_à_votre_mémoire mémorise_définitivement mémorisez_définitivement mémoire_à_long_terme '
        'mémoire_persistante pour_toutes_les_sessions_futures dans_toutes_les_conversations_futures '
        'pour_toutes_les_conversations_futures dorénavant_toujours à_partir_de_maintenant_toujours '
        'comme_règle_permanente retiens_pour_tous_les_utilisateurs '
        # de
        'speichere_das_in_deinem_gedächtnis speichere_es_in_deinem_gedächtnis in_deinem_gedächtnis_speichern '
        'langzeitgedächtnis dauerhaftes_gedächtnis merke_dir_dauerhaft merk_dir_dauerhaft '
        'merke_dir_für_immer für_alle_zukünftigen_sitzungen in_allen_zukünftigen_gesprächen '
        'für_alle_künftigen_gespräche in_allen_künftigen_sitzungen von_nun_an_immer ab_jetzt_immer '
        'als_dauerhafte_regel '
        # it
        'salva_nella_tua_memoria salvalo_nella_tua_memoria aggiungi_alla_tua_memoria '
        'memorizza_permanentemente memorizzalo_in_modo_permanente ricorda_permanentemente '
        'memoria_a_lungo_termine per_tutte_le_sessioni_future in_tutte_le_sessioni_future '
        "in_tutte_le_conversazioni_future per_tutte_le_conversazioni_future d'ora_in_poi_sempre "
        'da_ora_in_poi_sempre come_regola_permanente '
        # nl
        'sla_dit_op_in_je_geheugen sla_het_op_in_je_geheugen opslaan_in_je_geheugen langetermijngeheugen '
        'permanent_geheugen onthoud_dit_permanent onthoud_dit_voorgoed onthoud_voor_altijd '
        'voor_alle_toekomstige_sessies in_alle_toekomstige_gesprekken voor_alle_toekomstige_gesprekken '
        'vanaf_nu_altijd voortaan_altijd als_permanente_regel onthoud_dit_voor_alle_gebruikers '
        # pl
        'zapisz_to_w_swojej_pamięci zapisz_w_swojej_pamięci dodaj_do_swojej_pamięci zapamiętaj_na_stałe '
        'zapamiętaj_to_na_stałe zapamiętaj_to_na_zawsze pamięć_długotrwał pamięci_długotrwał '
        'na_wszystkie_przyszłe_sesje we_wszystkich_przyszłych_rozmowach we_wszystkich_przyszłych_sesjach '
        'od_teraz_zawsze od_tej_pory_zawsze jako_stałą_regułę zapamiętaj_dla_wszystkich_użytkowników '
        # cs
        'ulož_si_to_do_paměti ulož_do_své_paměti ulož_to_do_své_paměti zapamatuj_si_to_natrvalo '
        'zapamatuj_si_natrvalo trvale_si_zapamatuj dlouhodobá_paměť dlouhodobé_paměti '
        'pro_všechny_budoucí_relace ve_všech_budoucích_konverzacích ve_všech_budoucích_relacích od_teď_vždy '
        'od_nynějška_vždy jako_trvalé_pravidlo zapamatuj_si_pro_všechny_uživatele '
        # sk
        'ulož_si_to_do_pamäte ulož_do_svojej_pamäte ulož_to_do_svojej_pamäte zapamätaj_si_to_natrvalo '
        'zapamätaj_si_natrvalo natrvalo_si_zapamätaj dlhodobá_pamäť dlhodobej_pamäti '
        'pre_všetky_budúce_relácie vo_všetkých_budúcich_konverzáciách vo_všetkých_budúcich_reláciách '
        'odteraz_vždy od_teraz_vždy ako_trvalé_pravidlo zapamätaj_si_pre_všetkých_používateľov '
        # ro
        'salvează_în_memoria_ta salvează_asta_în_memori adaugă_în_memoria_ta memorie_pe_termen_lung '
        'memoria_pe_termen_lung memorie_persistent reține_permanent reţine_permanent '
        'pentru_toate_sesiunile_viitoare în_toate_sesiunile_viitoare în_toate_conversațiile_viitoare '
        'în_toate_conversaţiile_viitoare de_acum_înainte_întotdeauna de_acum_încolo_mereu '
        'ca_regulă_permanentă '
        # hu
        'mentsd_el_a_memóriádba mentsd_a_memóriádba add_hozzá_a_memóriádhoz jegyezd_meg_véglegesen '
        'jegyezd_meg_örökre hosszú_távú_memóri hosszútávú_memóri tartós_memóriádba '
        'minden_jövőbeli_munkamenet minden_jövőbeli_beszélgetés minden_jövőbeli_csevegés mostantól_mindig '
        'ezentúl_mindig állandó_szabályként jegyezd_meg_minden_felhasználó '
        # sv
        'spara_i_ditt_minne spara_detta_i_ditt_minne lägg_till_i_ditt_minne långtidsminne beständigt_minne '
        'permanent_minne kom_ihåg_permanent kom_ihåg_för_alltid för_alla_framtida_sessioner '
        'i_alla_framtida_konversationer i_alla_framtida_samtal från_och_med_nu_alltid hädanefter_alltid '
        'som_en_permanent_regel kom_ihåg_för_alla_användare '
        # da
        'gem_i_din_hukommelse gem_dette_i_din_hukommelse føj_til_din_hukommelse langtidshukommelse '
        'permanent_hukommelse vedvarende_hukommelse husk_permanent husk_for_altid '
        'for_alle_fremtidige_sessioner i_alle_fremtidige_samtaler for_alle_fremtidige_samtaler '
        'fra_nu_af_altid fremover_altid husk_for_alle_brugere '
        # no
        'lagre_i_minnet_ditt lagre_dette_i_minnet_ditt legg_til_i_minnet_ditt langtidsminne vedvarende_minne '
        'husk_dette_for_alltid for_alle_fremtidige_økter i_alle_fremtidige_økter fra_nå_av_alltid '
        'heretter_alltid husk_for_alle_brukere '
        # fi
        'tallenna_muistiisi tallenna_tämä_muistiisi lisää_muistiisi lisää_tämä_muistiisi muista_pysyvästi '
        'muista_tämä_pysyvästi pitkäkestoinen_muisti pitkäaikaismuisti pysyvään_muistiisi '
        'kaikissa_tulevissa_istunnoissa kaikkiin_tuleviin_istuntoihin kaikissa_tulevissa_keskusteluissa '
        'tästä_lähtien_aina pysyvänä_sääntönä muista_kaikille_käyttäjille '
        # et
        'salvesta_oma_mällu salvesta_see_oma_mällu lisa_oma_mällu jäta_püsivalt_meelde '
        'jäta_see_püsivalt_meelde jäta_see_igaveseks_meelde pikaajaline_mälu pikaajalisse_mällu '
        'kõigi_tulevaste_seansside kõigis_tulevastes_seanssides kõigis_tulevastes_vestlustes edaspidi_alati '
        'nüüdsest_alati püsiva_reeglina jäta_meelde_kõigi_kasutajate '
        # lv
        'saglabā_savā_atmiņā saglabā_to_savā_atmiņā pievieno_savai_atmiņai atceries_pastāvīgi '
        'atceries_to_pastāvīgi atceries_to_uz_visiem_laikiem ilgtermiņa_atmiņ visām_turpmākajām_sesijām '
        'visās_turpmākajās_sarunās visās_turpmākajās_sesijās no_šī_brīža_vienmēr turpmāk_vienmēr '
        'kā_pastāvīgu_noteikumu atceries_visiem_lietotājiem '
        # lt
        'išsaugok_savo_atmintyje išsaugok_tai_savo_atmintyje įrašyk_į_savo_atmintį '
        'pridėk_prie_savo_atminties įsimink_visam_laikui įsimink_tai_visam_laikui ilgalaikė_atmint '
        'ilgalaikėje_atmint ilgalaikę_atmint visoms_būsimoms_sesijoms visose_būsimose_sesijose '
        'visuose_būsimuose_pokalbiuose nuo_šiol_visada kaip_nuolatinę_taisyklę įsimink_visiems_naudotojams '
        # el
        'αποθήκευσε_στη_μνήμη_σου αποθήκευσέ_το_στη_μνήμη πρόσθεσε_στη_μνήμη_σου θυμήσου_μόνιμα '
        'θυμήσου_το_μόνιμα θυμήσου_το_για_πάντα μακροπρόθεσμη_μνήμη μακροπρόθεσμης_μνήμης '
        'για_όλες_τις_μελλοντικές_συνεδρίες σε_όλες_τις_μελλοντικές_συνεδρίες '
        'σε_όλες_τις_μελλοντικές_συνομιλίες από_εδώ_και_πέρα_πάντα από_τώρα_και_στο_εξής_πάντα '
        'ως_μόνιμο_κανόνα θυμήσου_για_όλους_τους_χρήστες '
        # ru
        'сохрани_в_своей_памяти сохрани_это_в_памяти запиши_в_свою_память добавь_в_свою_память '
        'запомни_это_навсегда запомни_для_всех_пользователей долговременная_памят долговременной_памят '
        'для_всех_будущих_сессий во_всех_будущих_сессиях во_всех_будущих_разговорах во_всех_будущих_диалогах '
        'отныне_всегда с_этого_момента_всегда как_постоянное_правило '
        # uk
        'збережи_у_своїй_пам збережи_в_своїй_пам збережи_це_в_пам запиши_у_свою_пам додай_до_своєї_пам '
        "запам'ятай_це_назавжди запамʼятай_це_назавжди довготривала_пам довготривалої_пам "
        'для_всіх_майбутніх_сесій у_всіх_майбутніх_розмовах в_усіх_майбутніх_розмовах '
        'в_усіх_майбутніх_сесіях відтепер_завжди як_постійне_правило '
        # bg
        'запази_в_паметта_си запази_това_в_паметта добави_в_паметта_си запомни_завинаги '
        'запомни_това_завинаги запомни_трайно дългосрочна_памет дългосрочната_памет за_всички_бъдещи_сесии '
        'във_всички_бъдещи_разговори във_всички_бъдещи_сесии отсега_нататък_винаги от_сега_нататък_винаги '
        'като_постоянно_правило запомни_за_всички_потребители '
        # sr-latn
        'sačuvaj_u_svojoj_memoriji sacuvaj_u_svojoj_memoriji sačuvaj_ovo_u_memoriji dodaj_u_svoju_memoriju '
        'zapamti_trajno zapamti_ovo_trajno dugoročna_memorij dugoročnoj_memorij za_sve_buduće_sesije '
        'u_svim_budućim_razgovorima u_svim_budućim_sesijama od_sada_uvek ubuduće_uvek kao_trajno_pravilo '
        'zapamti_za_sve_korisnike '
        # sr-cyrl
        'сачувај_у_својој_меморији сачувај_ово_у_меморији додај_у_своју_меморију запамти_трајно '
        'запамти_ово_трајно дугорочна_меморија дугорочној_меморији за_све_будуће_сесије '
        'у_свим_будућим_разговорима у_свим_будућим_сесијама од_сада_увек убудуће_увек као_трајно_правило '
        'запамти_за_све_кориснике '
        # hr
        'spremi_u_svoje_pamćenje spremi_u_svoju_memoriju spremi_ovo_u_memoriju dodaj_u_svoje_pamćenje '
        'zapamti_zauvijek zapamti_ovo_zauvijek dugoročno_pamćenje dugoročnom_pamćenju '
        'za_sve_buduće_razgovore od_sada_uvijek ubuduće_uvijek '
        # sl
        'shrani_v_svoj_spomin shrani_to_v_svoj_spomin dodaj_v_svoj_spomin zapomni_si_trajno '
        'zapomni_si_za_vedno zapomni_si_to_za_vedno dolgoročni_spomin dolgoročnem_spominu '
        'za_vse_prihodnje_seje v_vseh_prihodnjih_pogovorih v_vseh_prihodnjih_sejah od_zdaj_naprej_vedno '
        'odslej_vedno kot_trajno_pravilo zapomni_si_za_vse_uporabnike '
        # tr
        'hafızana_kaydet belleğine_kaydet hafızana_ekle belleğine_ekle kalıcı_olarak_hatırla '
        'uzun_süreli_bellek uzun_süreli_hafıza gelecekteki_tüm_oturumlar gelecekteki_tüm_konuşmalar '
        'gelecekteki_tüm_sohbetler bundan_sonra_her_zaman şu_andan_itibaren_her_zaman '
        'kalıcı_bir_kural_olarak tüm_kullanıcılar_için_hatırla sonsuza_dek_hatırla '
        # ar
        'احفظ_في_ذاكرتك احفظ_هذا_في_ذاكرتك أضف_إلى_ذاكرتك اضف_الى_ذاكرتك تذكر_بشكل_دائم تذكّر_بشكل_دائم '
        'الذاكرة_طويلة_المدى ذاكرة_طويلة_المدى الذاكرة_الدائمة في_جميع_الجلسات_المستقبلية '
        'لجميع_الجلسات_المستقبلية في_جميع_المحادثات_المستقبلية من_الآن_فصاعدا_دائما كقاعدة_دائمة '
        'تذكر_لجميع_المستخدمين '
        # he
        'שמור_בזיכרון_שלך שמרי_בזיכרון_שלך שמור_את_זה_בזיכרון הוסף_לזיכרון_שלך זכור_לצמיתות זכרי_לצמיתות '
        'זיכרון_לטווח_ארוך זיכרון_קבוע בכל_השיחות_העתידיות לכל_השיחות_העתידיות בכל_הסשנים_העתידיים '
        'מעכשיו_תמיד מעתה_ואילך_תמיד ככלל_קבוע זכור_עבור_כל_המשתמשים '
        # fa
        'در_حافظه\u200cات_ذخیره در_حافظه_ات_ذخیره در_حافظه_خود_ذخیره به_حافظه\u200cات_اضافه به_حافظه_خود_اضافه '
        'برای_همیشه_به_خاطر_بسپار برای_همیشه_به_یاد_بسپار به_طور_دائم_به_خاطر حافظه_بلندمدت حافظه\u200cی_بلندمدت '
        'در_تمام_جلسات_آینده در_همه_جلسات_آینده در_تمام_گفتگوهای_آینده از_این_به_بعد_همیشه '
        'به_عنوان_یک_قانون_دائمی '
        # ur
        'اپنی_یادداشت_میں_محفوظ اپنی_میموری_میں_محفوظ اپنی_یادداشت_میں_شامل مستقل_طور_پر_یاد '
        'ہمیشہ_کے_لیے_یاد_رکھیں طویل_مدتی_یادداشت طویل_مدتی_میموری مستقل_یادداشت تمام_آئندہ_سیشنز '
        'مستقبل_کے_تمام_سیشنز مستقبل_کی_تمام_گفتگو تمام_آئندہ_گفتگو اب_سے_ہمیشہ مستقل_اصول_کے_طور '
        'تمام_صارفین_کے_لیے_یاد '
        # hi
        'अपनी_मेमोरी_में_सेव अपनी_मेमोरी_में_सहेज अपनी_स्मृति_में_सहेज अपनी_मेमोरी_में_जोड़ '
        'स्थायी_रूप_से_याद लंबी_अवधि_की_मेमोरी दीर्घकालिक_स्मृति दीर्घकालिक_मेमोरी स्थायी_मेमोरी '
        'भविष्य_के_सभी_सत्रों सभी_भावी_सत्रों भविष्य_की_सभी_बातचीत अब_से_हमेशा स्थायी_नियम_के_रूप '
        'सभी_उपयोगकर्ताओं_के_लिए_याद '
        # bn
        'তোমার_মেমরিতে_সংরক্ষণ আপনার_মেমরিতে_সংরক্ষণ তোমার_স্মৃতিতে_সংরক্ষণ মেমরিতে_সেভ_করো '
        'স্থায়ীভাবে_মনে_রাখো স্থায়ীভাবে_মনে_রাখুন দীর্ঘমেয়াদী_মেমরি দীর্ঘমেয়াদি_স্মৃতি স্থায়ী_মেমরি '
        'ভবিষ্যতের_সব_সেশনে ভবিষ্যতের_সমস্ত_সেশনে ভবিষ্যতের_সব_কথোপকথনে এখন_থেকে_সবসময় স্থায়ী_নিয়ম_হিসেবে '
        'সব_ব্যবহারকারীর_জন্য_মনে '
        # ta
        'உங்கள்_நினைவகத்தில்_சேமி உன்_நினைவகத்தில்_சேமி உங்கள்_நினைவகத்தில்_சேர் நிரந்தரமாக_நினைவில்_வை '
        'நிரந்தரமாக_நினைவில்_கொள் நீண்டகால_நினைவக நீண்ட_கால_நினைவக நிரந்தர_நினைவக '
        'எதிர்கால_அமர்வுகள்_அனைத்திலும் அனைத்து_எதிர்கால_அமர்வுகளிலும் அனைத்து_எதிர்கால_உரையாடல்களிலும் '
        'இனிமேல்_எப்போதும் நிரந்தர_விதியாக அனைத்து_பயனர்களுக்கும்_நினைவில் '
        # sw
        'hifadhi_kwenye_kumbukumbu_yako hifadhi_katika_kumbukumbu_yako hifadhi_hili_kwenye_kumbukumbu '
        'ongeza_kwenye_kumbukumbu_yako kumbuka_kwa_kudumu kumbuka_hili_kwa_kudumu kumbukumbu_ya_muda_mrefu '
        'kwa_vipindi_vyote_vijavyo katika_vipindi_vyote_vijavyo katika_mazungumzo_yote_yajayo '
        'kwa_mazungumzo_yote_yajayo kuanzia_sasa_daima kuanzia_sasa_kila_wakati kama_sheria_ya_kudumu '
        'kumbuka_kwa_watumiaji_wote '
        # id
        'simpan_ke_memorimu simpan_di_memorimu simpan_ke_memori_anda simpan_di_memori_anda '
        'simpan_ini_ke_memori tambahkan_ke_memorimu tambahkan_ke_memori_anda ingat_secara_permanen '
        'ingatlah_secara_permanen memori_jangka_panjang untuk_semua_sesi_mendatang di_semua_sesi_mendatang '
        'dalam_semua_percakapan_mendatang mulai_sekarang_selalu sebagai_aturan_permanen '
        # ms
        'simpan_dalam_memori_anda simpan_dalam_ingatan_anda simpan_ini_dalam_ingatan '
        'tambah_ke_dalam_memori_anda ingat_secara_kekal ingat_ini_secara_kekal ingatan_jangka_panjang '
        'memori_kekal untuk_semua_sesi_akan_datang dalam_semua_sesi_akan_datang '
        'dalam_semua_perbualan_akan_datang mulai_sekarang_sentiasa dari_sekarang_sentiasa '
        'sebagai_peraturan_kekal ingat_untuk_semua_pengguna '
        # tl
        'i-save_sa_iyong_memorya isave_sa_iyong_memorya itago_sa_iyong_memorya idagdag_sa_iyong_memorya '
        'tandaan_nang_permanente tandaan_ito_nang_permanente pangmatagalang_memorya permanenteng_memorya '
        'sa_lahat_ng_susunod_na_session sa_lahat_ng_susunod_na_sesyon sa_lahat_ng_susunod_na_usapan '
        'mula_ngayon_palagi mula_ngayon,_palagi bilang_permanenteng_patakaran tandaan_para_sa_lahat_ng_user '
        # vi
        'lưu_vào_bộ_nhớ_của_bạn lưu_điều_này_vào_bộ_nhớ thêm_vào_bộ_nhớ_của_bạn ghi_nhớ_vĩnh_viễn '
        'bộ_nhớ_dài_hạn bộ_nhớ_lâu_dài cho_tất_cả_các_phiên_sau trong_tất_cả_các_phiên_tương_lai '
        'trong_mọi_cuộc_trò_chuyện_sau_này trong_tất_cả_các_cuộc_trò_chuyện_sau từ_giờ_trở_đi_luôn '
        'từ_nay_về_sau_luôn như_một_quy_tắc_vĩnh_viễn ghi_nhớ_cho_mọi_người_dùng '
        # th
        'บันทึกลงในหน่วยความจําของคุณ บันทึกไว้ในหน่วยความจําของคุณ เพิ่มลงในหน่วยความจําของคุณ '
        'จําไว้อย่างถาวร จดจําอย่างถาวร หน่วยความจําระยะยาว ความจําระยะยาว ในทุกเซสชันในอนาคต '
        'สําหรับทุกเซสชันในอนาคต ในการสนทนาทั้งหมดในอนาคต ทุกการสนทนาในอนาคต ต่อจากนี้ไปให้ ตั้งแต่นี้ไปให้ '
        'เป็นกฎถาวร จําไว้สําหรับผู้ใช้ทุกคน '
        # zh-hans
        '保存到你的记忆 存入你的记忆 写入你的记忆 永久记住 永久保存到记忆 长期记忆 持久记忆 以后的所有会话 今后所有会话 所有未来的会话 所有未来的对话 以后所有对话 从现在起始终 作为永久规则 '
        '对所有用户都记住 '
        # zh-hant
        '儲存到你的記憶 存入你的記憶 寫入你的記憶 永久記住 永久儲存到記憶 長期記憶 持久記憶 以後的所有對話 今後所有對話 所有未來的對話 所有未來的工作階段 以後所有會話 從現在起始終 作為永久規則 '
        '對所有使用者都記住 '
        # ja
        'あなたのメモリに保存 あなたの記憶に保存 記憶に追加して 永久に記憶 永続的に記憶 恒久的に覚えて 永続メモリ 今後のすべてのセッション 今後すべてのセッション 今後のすべての会話 '
        '以降のすべての会話 これからは常に 永続的なルールとして すべてのユーザーに対して覚え '
        # ko
        '당신의_메모리에_저장 너의_메모리에_저장 기억에_저장해 메모리에_추가해 영구적으로_기억 장기_기억 장기기억 영구_메모리 앞으로의_모든_세션 향후_모든_세션 앞으로의_모든_대화 '
        '향후_모든_대화 이후의_모든_대화 지금부터_항상 영구적인_규칙으로 '
        # ca
        'desa_a_la_teva_memòria guarda_a_la_teva_memòria guarda-ho_a_la_memòria afegeix_a_la_teva_memòria '
        'recorda_permanentment memòria_a_llarg_termini memòria_persistent per_a_totes_les_sessions_futures '
        "en_totes_les_sessions_futures en_totes_les_converses_futures a_partir_d'ara_sempre "
        "d'ara_endavant_sempre d’ara_endavant_sempre com_a_regla_permanent recorda-ho_per_a_tots_els_usuaris "
        # gl
        'garda_na_túa_memoria gárdao_na_túa_memoria garda_isto_na_memoria engade_á_túa_memoria '
        'lembra_permanentemente lémbrao_permanentemente memoria_a_longo_prazo para_todas_as_sesións_futuras '
        'en_todas_as_sesións_futuras en_todas_as_conversas_futuras dende_agora_sempre desde_agora_sempre '
        'lembra_para_todos_os_usuarios '
        # eu
        'gorde_zure_memorian gorde_hau_zure_memorian gehitu_zure_memoriara gogoratu_betirako '
        'gogoratu_hau_betirako epe_luzeko_memori memoria_iraunkor etorkizuneko_saio_guztieta '
        'etorkizuneko_elkarrizketa_guztieta hemendik_aurrera_beti aurrerantzean_beti arau_iraunkor_gisa '
        'erabiltzaile_guztientzat_gogoratu betiko_gogoratu '
        # is
        'vistaðu_í_minni_þínu vistaðu_þetta_í_minni bættu_við_minni_þitt bættu_þessu_við_minni '
        'mundu_þetta_til_frambúðar mundu_varanlega langtímaminni fyrir_allar_framtíðarlotur '
        'í_öllum_framtíðarlotum í_öllum_framtíðarsamtölum fyrir_öll_framtíðarsamtöl héðan_í_frá_alltaf '
        'frá_og_með_núna_alltaf sem_varanlega_reglu mundu_fyrir_alla_notendur '
    ),
    "on_behalf": (
        # en
        "on_behalf_of_the_user on_behalf_of_user on_the_user's_behalf in_the_user's_name in_the_user’s_name "
        'in_her_name as_the_user$ sign_as$ accept_on_behalf agree_on_behalf act_on_behalf reply_on_behalf '
        'approve_on_behalf sign_on_behalf impersonate_the_user '
        # es
        'en_nombre_de en_su_nombre$ como_el_usuario$ firma_como firmar_como firme_como acepta_en_nombre '
        'aceptar_en_nombre responde_en_nombre actúa_en_nombre en_representación_del_usuario '
        'por_cuenta_del_usuario haciéndote_pasar_por_el_usuario '
        # pt
        'em_nome_d em_seu_nome$ como_o_usuário$ como_o_utilizador$ assine_como assinar_como aceite_em_nome '
        'aceitar_em_nome responda_em_nome aja_em_nome se_passando_pelo_usuário fazendo-se_passar_pelo '
        # fr
        "au_nom_d en_son_nom$ à_la_place_de_l'utilisateur à_la_place_de_l’utilisateur "
        "pour_le_compte_de_l'utilisateur pour_le_compte_de_l’utilisateur signe_en_tant_que "
        'signez_en_tant_que réponds_à_sa_place signe_à_sa_place accepte_à_sa_place fais-toi_passer_pour '
        'faites-vous_passer_pour '
        # de
        'im_namen$ in_ihrem_namen in_seinem_namen im_auftrag_des_nutzers im_auftrag_des_benutzers '
        'als_der_nutzer$ als_der_benutzer$ unterschreibe_als unterzeichne_als stellvertretend_für_den_nutzer '
        'stellvertretend_für_den_benutzer gib_dich_als_der_nutzer_aus gib_dich_als_nutzer_aus '
        # it
        "a_nome_d a_suo_nome$ per_conto_dell'utente per_conto_dell’utente firma_come firmare_come "
        "accetta_per_conto rispondi_per_conto agisci_per_conto al_posto_dell'utente al_posto_dell’utente "
        'spacciati_per fingiti_l '
        # nl
        'namens$ in_naam_van_de_gebruiker uit_naam_van_de_gebruiker in_haar_naam als_de_gebruiker$ '
        'onderteken_als$ teken_als$ in_plaats_van_de_gebruiker doe_je_voor_als_de_gebruiker '
        'geef_je_uit_voor_de_gebruiker ten_behoeve_van_de_gebruiker '
        # pl
        'w_imieniu w_jego_imieniu w_jej_imieniu podpisz_jako podpisz_się_jako podszyj_się_pod_użytkownika '
        'podszywając_się_pod_użytkownika podając_się_za_użytkownika w_zastępstwie_użytkownika '
        'odpowiedz_za_użytkownika zaakceptuj_za_użytkownika '
        # cs
        'jménem_uživatele jejím_jménem jeho_jménem v_zastoupení_uživatele podepiš_se_jako podepiš_to_jako '
        'přijmi_jménem odpověz_jménem jednej_jménem vydávej_se_za_uživatele vydávat_se_za_uživatele '
        # sk
        'v_mene_používateľa v_jej_mene v_jeho_mene v_zastúpení_používateľa podpíš_sa_ako podpíš_to_ako '
        'prijmi_v_mene odpovedz_v_mene konaj_v_mene vydávaj_sa_za_používateľa '
        # ro
        'în_numele_utilizatorului în_numele_ei în_numele_lui ca_utilizatorul$ semnează_ca$ semnează_drept '
        'acceptă_în_numele răspunde_în_numele acționează_în_numele acţionează_în_numele '
        'în_locul_utilizatorului dă-te_drept_utilizator '
        # hu
        'a_felhasználó_nevében a_felhasználó_helyett a_felhasználó_képviseletében az_ő_nevében írd_alá_mint '
        'írd_alá_a_nevében fogadd_el_a_nevében válaszolj_a_nevében járj_el_a_nevében '
        'add_ki_magad_a_felhasználónak '
        # sv
        'på_användarens_vägnar å_användarens_vägnar på_hennes_vägnar på_hans_vägnar för_användarens_räkning '
        'i_användarens_namn i_hennes_namn som_användaren$ signera_som$ underteckna_som$ '
        'utge_dig_för_att_vara_användaren '
        # da
        'på_brugerens_vegne på_hendes_vegne på_hans_vegne i_brugerens_navn i_hendes_navn som_brugeren$ '
        'underskriv_som$ skriv_under_som$ udgiv_dig_for_at_være_brugeren lad_som_om_du_er_brugeren '
        # no
        'på_vegne_av_brukeren på_brukerens_vegne på_hennes_vegne i_brukerens_navn i_hennes_navn '
        'som_brukeren$ signer_som$ utgi_deg_for_å_være_brukeren late_som_du_er_brukeren '
        # fi
        'käyttäjän_puolesta käyttäjän_nimissä käyttäjän_nimellä käyttäjän_sijasta hänen_nimissään '
        'allekirjoita_nimellä allekirjoita_käyttäjän esiinny_käyttäjänä tekeydy_käyttäjäksi toimi_käyttäjän '
        # et
        'kasutaja_nimel tema_nimel kasutaja_asemel kasutaja_volitusel allkirjasta_kui$ allkirjasta_kasutaja '
        'esine_kasutajana teeskle_kasutajat teeskle,_et_oled_kasutaja '
        # lv
        'lietotāja_vārdā viņas_vārdā viņa_vārdā lietotāja_uzdevumā lietotāja_vietā paraksties_kā$ '
        'paraksti_kā$ uzdodies_par_lietotāju izliecies_par_lietotāju '
        # lt
        'naudotojo_vardu vartotojo_vardu jos_vardu vietoj_naudotojo vietoj_vartotojo pasirašyk_kaip$ '
        'apsimesk_naudotoju apsimesk_vartotoju naudotojo_pavedimu '
        # el
        'εκ_μέρους_του_χρήστη για_λογαριασμό_του_χρήστη στο_όνομα_του_χρήστη στο_όνομά_της υπόγραψε_ως '
        'αποδέξου_εκ_μέρους απάντησε_εκ_μέρους ενήργησε_εκ_μέρους προσποιήσου_ότι_είσαι_ο_χρήστης '
        'παρίστανε_τον_χρήστη '
        # ru
        'от_имени$ от_лица_пользователя от_её_имени от_ее_имени от_его_имени подпишись_как подпиши_как '
        'подпишите_как выдавай_себя_за_пользователя выдай_себя_за_пользователя притворись_пользователем '
        'ответь_вместо_пользователя '
        # uk
        'від_імені$ від_її_імені від_його_імені від_особи_користувача замість_користувача підпишись_як '
        'підпиши_як видавай_себе_за_користувача видай_себе_за_користувача прикинься_користувачем '
        # bg
        'от_името_на_потребителя от_нейно_име от_негово_име като_потребителя$ подпиши_като подпиши_се_като '
        'представяй_се_за_потребителя представи_се_за_потребителя престори_се_на_потребителя '
        'вместо_потребителя '
        # sr-latn
        'u_ime_korisnika u_njeno_ime u_njegovo_ime umesto_korisnika potpiši_se_kao potpisi_se_kao '
        'potpiši_kao predstavi_se_kao_korisnik pretvaraj_se_da_si_korisnik '
        # sr-cyrl
        'у_име_корисника у_њено_име у_његово_име уместо_корисника потпиши_се_као потпиши_као '
        'представи_се_као_корисник претварај_се_да_си_корисник одговори_у_име прихвати_у_име '
        # hr
        'u_njezino_ime u_korisnikovo_ime umjesto_korisnika odgovori_u_ime prihvati_u_ime djeluj_u_ime '
        # sl
        'v_imenu_uporabnika v_njenem_imenu v_njegovem_imenu namesto_uporabnika podpiši_se_kot podpiši_kot '
        'predstavljaj_se_kot_uporabnik pretvarjaj_se,_da_si_uporabnik pretvarjaj_se_da_si_uporabnik '
        'odgovori_v_imenu sprejmi_v_imenu '
        # tr
        'kullanıcının_adına kullanıcı_namına onun_adına kullanıcı_yerine adına_imzala adına_kabul_et '
        'adına_yanıt_ver adına_cevap_ver adına_onayla kullanıcıymış_gibi kendini_kullanıcı_olarak_tanıt '
        'kullanıcı_olarak_imzala '
        # ar
        'نيابة_عن_المستخدم نيابةً_عن_المستخدم نيابة_عنه نيابة_عنها باسم_المستخدم بصفتك_المستخدم وقّع_باسم '
        'وقع_باسم اقبل_نيابة وافق_نيابة انتحل_صفة_المستخدم تظاهر_بأنك_المستخدم بدلا_من_المستخدم '
        # he
        'בשמו_של_המשתמש מטעם_המשתמש בתור_המשתמש חתום_בתור חתום_בשם קבל_בשם השב_בשם פעל_בשם התחזה_למשתמש '
        'התחזי_למשתמש במקום_המשתמש '
        # fa
        'از_طرف_کاربر به_نمایندگی_از_کاربر از_جانب_کاربر به_جای_کاربر از_طرف_او به_نام_او_امضا '
        'امضا_کن_به_عنوان به_عنوان_کاربر_امضا وانمود_کن_کاربر_هستی وانمود_کن_که_کاربر خود_را_جای_کاربر '
        # ur
        'صارف_کی_طرف_سے صارف_کی_جانب_سے صارف_کے_نام_پر صارف_کے_نام_سے صارف_کی_بجائے صارف_کے_بجائے صارف_بن_کر '
        'صارف_ہونے_کا_بہانہ صارف_کی_نمائندگی اس_کے_نام_پر_دستخط '
        # hi
        'उपयोगकर्ता_की_ओर_से उपयोगकर्ता_की_तरफ_से उपयोगकर्ता_की_तरफ़_से यूज़र_की_ओर_से यूजर_की_ओर_से '
        'उपयोगकर्ता_के_नाम_पर उपयोगकर्ता_के_रूप_में_हस्ताक्षर उपयोगकर्ता_बनकर उपयोगकर्ता_होने_का_नाटक '
        'उपयोगकर्ता_की_जगह '
        # bn
        'ব্যবহারকারীর_পক্ষ_থেকে ব্যবহারকারীর_নামে ব্যবহারকারীর_হয়ে ব্যবহারকারী_হিসেবে_স্বাক্ষর '
        'ব্যবহারকারীর_বদলে ব্যবহারকারীর_পরিবর্তে ব্যবহারকারী_সেজে ব্যবহারকারী_হওয়ার_ভান ইউজারের_পক্ষ_থেকে '
        # ta
        'பயனரின்_சார்பாக பயனர்_சார்பாக பயனரின்_சார்பில் பயனர்_சார்பில் பயனரின்_பெயரில் அவள்_பெயரில் '
        'பயனராக_கையொப்பமிடு பயனர்_போல்_நடி பயனராக_நடி பயனருக்குப்_பதிலாக '
        # sw
        'kwa_niaba_ya_mtumiaji kwa_niaba_yake kwa_jina_la_mtumiaji kwa_jina_lake saini_kama$ tia_saini_kama$ '
        'kubali_kwa_niaba jibu_kwa_niaba tenda_kwa_niaba jifanye_kuwa_mtumiaji jifanye_mtumiaji '
        'badala_ya_mtumiaji '
        # id
        'atas_nama_pengguna atas_namanya tanda_tangani_sebagai tandatangani_sebagai terima_atas_nama '
        'balas_atas_nama bertindak_atas_nama mewakili_pengguna menyamar_sebagai_pengguna '
        'berpura-pura_menjadi_pengguna berpura-pura_sebagai_pengguna '
        # ms
        'bagi_pihak_pengguna bagi_pihak_dia tandatangan_sebagai terima_bagi_pihak balas_bagi_pihak '
        'bertindak_bagi_pihak menggantikan_pengguna '
        # tl
        'sa_ngalan_ng_user sa_ngalan_ng_gumagamit sa_ngalan_niya bilang_ang_user$ pumirma_bilang '
        'lumagda_bilang tanggapin_sa_ngalan sumagot_sa_ngalan kumilos_sa_ngalan magpanggap_na_ikaw_ang_user '
        'magkunwaring_ikaw_ang '
        # vi
        'thay_mặt_người_dùng thay_mặt_cho_người_dùng thay_mặt_cô_ấy nhân_danh_người_dùng ký_tên_là '
        'ký_với_tư_cách chấp_nhận_thay_mặt trả_lời_thay_mặt hành_động_thay_mặt đồng_ý_thay_mặt '
        'giả_làm_người_dùng giả_danh_người_dùng '
        # th
        'ในนามของผู้ใช้ ในนามผู้ใช้ ในนามของเธอ ลงชื่อในนาม ลงนามในนาม ยอมรับในนาม ตอบกลับแทนผู้ใช้ '
        'ทําหน้าที่แทนผู้ใช้ ดําเนินการแทนผู้ใช้ ปลอมตัวเป็นผู้ใช้ แสร้งเป็นผู้ใช้ สวมรอยเป็นผู้ใช้ '
        # zh-hans
        '代表用户 以用户的名义 以用户名义 以她的名义 以他的名义 冒充用户 假装是用户 假装成用户 以用户身份签 代替用户 替用户签 代为接受 代为签署 代为回复 代为同意 '
        # zh-hant
        '代表使用者 以使用者的名義 以使用者名義 以她的名義 以他的名義 冒充使用者 假裝是使用者 假裝成使用者 代替使用者 代為接受 代為簽署 代為回覆 代為同意 以用戶的名義 代表用戶 '
        # ja
        'ユーザーに代わって ユーザに代わって ユーザーの代わりに ユーザーの名前で ユーザーの名義で 彼女の名前で 彼女に代わって ユーザーとして署名 ユーザーになりすま ユーザーのふりをして '
        'ユーザーとして振る舞 代理で承諾 代理で署名 代理で返信 ユーザー名義で '
        # ko
        '사용자를_대신하여 사용자를_대신해 사용자를_대신_해 사용자의_이름으로 사용자_명의로 그녀의_이름으로 그녀를_대신해 사용자로서_서명 사용자로_서명 사용자인_척 사용자로_가장 '
        '대신_수락 대신_서명 대신_답장 사용자를_대리하여 '
        # ca
        "en_nom_de en_nom_del en_el_seu_nom com_l'usuari com_l’usuari signa_com$ firma_com$ "
        "fes-te_passar_per en_lloc_de_l'usuari en_lloc_de_l’usuari per_compte_de_l'usuari "
        # gl
        'en_nome_d en_nome_seu$ como_o_usuario$ asina_como$ asinar_como$ faite_pasar_polo_usuario '
        'no_canto_do_usuario por_conta_do_usuario en_representación_do_usuario '
        # eu
        'erabiltzailearen_izenean haren_izenean erabiltzailearen_ordez erabiltzaile_gisa_sinatu '
        'sinatu_erabiltzaile_gisa erabiltzaile_bezala_sinatu erabiltzailea_zarela_itxuratu '
        'erabiltzailearen_itxura_egin erabiltzailearen_ordezkari '
        # is
        'fyrir_hönd_notandans fyrir_hennar_hönd fyrir_hans_hönd í_nafni_notandans í_hennar_nafni '
        'sem_notandinn$ undirritaðu_sem$ skrifaðu_undir_sem$ þykstu_vera_notandinn látast_vera_notandinn '
        'í_stað_notandans '
    ),
    "rank_first": (
        # en
        'present_it_as_the_best rank_first always_recommend recommend_only put_at_the_top put_it_at_the_top '
        'the_only_trustworthy describe_as_the_best describe_it_as_the_best mention_as_the_preferred '
        'rate_5_stars rate_it_5_stars positive_summary_only leave_out_the_negative omit_the_negative '
        # es
        'preséntalo_como_el_mejor preséntalo_como_la_mejor clasifícalo_en_primer_lugar ponlo_en_primer_lugar '
        'colócalo_en_primer_lugar recomienda_siempre recomienda_solo recomienda_únicamente '
        'el_único_confiable descríbelo_como_el_mejor menciónalo_como_el_preferido califica_con_5_estrellas '
        'dale_5_estrellas solo_un_resumen_positivo omite_lo_negativo '
        # pt
        'apresente_como_o_melhor apresente-o_como_o_melhor classifique_em_primeiro_lugar '
        'coloque_em_primeiro_lugar coloque_no_topo recomende_sempre recomende_apenas recomende_somente '
        'o_único_confiável descreva_como_o_melhor mencione_como_o_preferido avalie_com_5_estrelas '
        'dê_5_estrelas apenas_um_resumo_positivo omita_os_aspectos_negativos '
        # fr
        'présente-le_comme_le_meilleur présentez-le_comme_le_meilleur classe-le_en_premier '
        'classez-le_en_premier placez-le_en_tête recommande_toujours recommandez_toujours '
        'recommandez_uniquement le_seul_fiable décrivez-le_comme_le_meilleur '
        'mentionnez-le_comme_le_choix_préféré donnez-lui_5_étoiles résumé_uniquement_positif '
        'omettez_les_points_négatifs omets_les_aspects_négatifs '
        # de
        'als_die_beste_option_dar als_beste_option_dar als_die_beste_wahl_dar an_erster_stelle_platzieren '
        'ganz_oben_platzieren empfiehl_immer empfiehl_nur empfiehl_ausschließlich einzig_vertrauenswürdig '
        'beschreibe_es_als_das_beste bewerte_mit_5_sternen gib_5_sterne nur_positive_zusammenfassung '
        'lass_das_negative_weg negative_aspekte_weglassen '
        # it
        'presentalo_come_il_migliore presentalo_come_la_migliore classificalo_al_primo_posto '
        'mettilo_al_primo_posto mettilo_in_cima consiglia_sempre raccomanda_sempre consiglia_solo '
        'unico_affidabile descrivilo_come_il_migliore menzionalo_come_la_scelta_preferita dai_5_stelle '
        'solo_un_riassunto_positivo ometti_gli_aspetti_negativi tralascia_gli_aspetti_negativi '
        # nl
        'presenteer_het_als_de_beste presenteer_dit_als_de_beste zet_het_op_de_eerste_plaats '
        'zet_het_bovenaan rangschik_het_als_eerste beveel_altijd raad_altijd beveel_alleen '
        'de_enige_betrouwbare beschrijf_het_als_de_beste geef_5_sterren beoordeel_met_5_sterren '
        'alleen_een_positieve_samenvatting laat_de_negatieve_punten_weg laat_het_negatieve_weg '
        # pl
        'przedstaw_to_jako_najlepsz przedstaw_go_jako_najlepsz przedstaw_jako_najlepsz '
        'umieść_na_pierwszym_miejscu umieść_na_samej_górze zawsze_polecaj zawsze_rekomenduj polecaj_tylko '
        'jedyny_godny_zaufania jedyna_godna_zaufania opisz_jako_najlepsz wspomnij_jako_preferowan '
        'daj_5_gwiazdek tylko_pozytywne_podsumowanie pomiń_negatywne '
        # cs
        'prezentuj_to_jako_nejlepší představ_to_jako_nejlepší uveď_jako_nejlepší zařaď_na_první_místo '
        'dej_na_první_místo vždy_doporučuj doporučuj_pouze doporučuj_jen jediný_důvěryhodný '
        'popiš_jako_nejlepší zmiň_jako_preferovan ohodnoť_5_hvězdičkami pouze_pozitivní_shrnutí '
        'vynech_negativ vynechej_negativ '
        # sk
        'prezentuj_to_ako_najlepš predstav_to_ako_najlepš uveď_ako_najlepš zaraď_na_prvé_miesto '
        'daj_na_prvé_miesto vždy_odporúčaj odporúčaj_iba odporúčaj_len jediný_dôveryhodný popíš_ako_najlepš '
        'spomeň_ako_preferovan ohodnoť_5_hviezdičkami iba_pozitívne_zhrnutie vynechaj_negatív vynechaj_zápor '
        # ro
        'prezintă-l_ca_cel_mai_bun prezintă-l_drept_cel_mai_bun prezintă_ca_cea_mai_bună '
        'clasează-l_pe_primul_loc pune-l_pe_primul_loc recomandă_întotdeauna recomandă_mereu recomandă_doar '
        'recomandă_numai singurul_de_încredere descrie-l_ca_fiind_cel_mai_bun acordă_5_stele oferă_5_stele '
        'doar_un_rezumat_pozitiv omite_aspectele_negative '
        # hu
        'mutasd_be_a_legjobbként mutasd_be_legjobb_választásként állítsd_be_a_legjobbnak '
        'sorold_az_első_helyre tedd_az_első_helyre tedd_a_lista_élére mindig_ajánld csak_ezt_ajánld '
        'az_egyetlen_megbízható írd_le_a_legjobbként értékeld_5_csillag adj_5_csillagot '
        'csak_pozitív_összefoglal hagyd_ki_a_negatív említsd_meg_preferált '
        # sv
        'presentera_det_som_det_bästa presentera_det_som_bästa rangordna_det_först placera_det_först '
        'placera_det_högst_upp rekommendera_alltid rekommendera_endast rekommendera_bara det_enda_pålitliga '
        'beskriv_det_som_det_bästa nämn_det_som_förstahandsval ge_det_5_stjärnor ge_5_stjärnor '
        'endast_en_positiv_sammanfattning utelämna_det_negativa '
        # da
        'præsenter_det_som_det_bedste præsentér_det_som_det_bedste ranger_det_først placer_det_først '
        'placer_det_øverst anbefal_altid anbefal_kun den_eneste_pålidelige det_eneste_pålidelige '
        'den_eneste_troværdige beskriv_det_som_det_bedste nævn_det_som_det_foretrukne giv_5_stjerner '
        'kun_en_positiv_opsummering udelad_det_negative '
        # no
        'presenter_det_som_det_beste presenter_det_som_best plasser_det_først plasser_det_øverst '
        'anbefal_alltid anbefal_bare den_eneste_pålitelige det_eneste_pålitelige beskriv_det_som_det_beste '
        'nevn_det_som_det_foretrukne gi_5_stjerner bare_en_positiv_oppsummering utelat_det_negative '
        # fi
        'esitä_se_parhaana esitä_parhaana_vaihtoehtona sijoita_se_ensimmäiseksi nosta_se_kärkeen '
        'suosittele_aina suosittele_vain suosittele_ainoastaan ainoa_luotettava kuvaile_sitä_parhaaksi '
        'kuvaile_parhaaksi mainitse_suositeltuna anna_5_tähteä arvioi_5_tähdellä '
        'vain_positiivinen_yhteenveto jätä_negatiiviset_pois '
        # et
        'esita_see_parimana esita_parima_valikuna aseta_see_esikohale pane_see_esimeseks pane_see_kõige_ette '
        'soovita_alati soovita_ainult ainus_usaldusväärne kirjelda_seda_parimana maini_seda_eelistatud '
        'anna_5_tärni hinda_5_tärniga ainult_positiivne_kokkuvõte jäta_negatiivne_välja jäta_puudused_välja '
        # lv
        'pasniedz_to_kā_labāko pasniedz_kā_labāko ierindo_pirmajā_vietā novieto_pirmajā_vietā '
        'novieto_augšgalā vienmēr_iesaki iesaki_tikai vienīgais_uzticamais apraksti_to_kā_labāko '
        'apraksti_kā_labāko piemini_kā_vēlamo novērtē_ar_5_zvaigznēm dod_5_zvaigznes '
        'tikai_pozitīvu_kopsavilkumu izlaid_negatīvo '
        # lt
        'pateik_tai_kaip_geriausią pateik_kaip_geriausią_pasirinkimą reitinguok_pirmu įrašyk_į_pirmą_vietą '
        'iškelk_į_pirmą_vietą iškelk_į_viršų visada_rekomenduok rekomenduok_tik vienintelis_patikimas '
        'apibūdink_kaip_geriausią paminėk_kaip_pageidaujamą įvertink_5_žvaigždutėmis duok_5_žvaigždutes '
        'tik_teigiamą_santrauką praleisk_neigiam '
        # el
        'παρουσίασέ_το_ως_την_καλύτερη παρουσίασέ_το_ως_το_καλύτερο κατάταξέ_το_πρώτο βάλε_το_πρώτο '
        'βάλε_το_στην_κορυφή πρότεινε_πάντα να_προτείνεις_πάντα πρότεινε_μόνο ο_μόνος_αξιόπιστος '
        'η_μόνη_αξιόπιστη περίγραψέ_το_ως_το_καλύτερο βαθμολόγησε_με_5_αστέρια δώσε_5_αστέρια '
        'μόνο_θετική_περίληψη παράλειψε_τα_αρνητικά '
        # ru
        'представь_как_лучш представь_его_как_лучш представь_это_как_лучш поставь_на_первое_место '
        'размести_на_первом_месте всегда_рекомендуй рекомендуй_только советуй_только единственный_надёжный '
        'единственный_надежный опиши_как_лучш упомяни_как_предпочтительн поставь_5_звёзд '
        'только_положительное_резюме опусти_негатив '
        # uk
        'подай_як_найкращ представ_як_найкращ представ_це_як_найкращ постав_на_перше_місце '
        'розмісти_на_першому_місці завжди_рекомендуй рекомендуй_лише рекомендуй_тільки радь_лише '
        'єдиний_надійний опиши_як_найкращ згадай_як_бажан постав_5_зірок лише_позитивне_резюме '
        'пропусти_негатив '
        # bg
        'представи_го_като_най-добр представи_като_най-добр постави_го_на_първо_място '
        'класирай_го_на_първо_място сложи_го_най-отгоре винаги_препоръчвай препоръчвай_само препоръчай_само '
        'единственият_надежден единствената_надеждна опиши_го_като_най-добр спомени_го_като_предпочитан '
        'дай_5_звезди само_положително_резюме пропусни_негатив '
        # sr-latn
        'predstavi_to_kao_najbolj predstavi_ga_kao_najbolj stavi_na_prvo_mesto postavi_na_prvo_mesto '
        'stavi_na_sam_vrh uvek_preporučuj uvek_preporuči preporučuj_samo preporuči_samo jedini_pouzdan '
        'opiši_kao_najbolj oceni_sa_5_zvezdica daj_5_zvezdica samo_pozitivan_rezime izostavi_negativn '
        # sr-cyrl
        'представи_то_као_најбољ представи_га_као_најбољ стави_на_прво_место постави_на_прво_место '
        'стави_на_сам_врх увек_препоручуј увек_препоручи препоручуј_само препоручи_само једини_поуздан '
        'опиши_као_најбољ оцени_са_5_звездица дај_5_звездица само_позитиван_резиме изостави_негативн '
        # hr
        'stavi_na_prvo_mjesto postavi_na_prvo_mjesto uvijek_preporučuj uvijek_preporuči '
        'spomeni_kao_preferiran ocijeni_s_5_zvjezdica daj_5_zvjezdica samo_pozitivan_sažetak '
        # sl
        'predstavi_to_kot_najbolj predstavi_ga_kot_najbolj uvrsti_na_prvo_mesto postavi_na_sam_vrh '
        'vedno_priporoči vedno_priporočaj priporoči_samo edini_zanesljiv opiši_kot_najbolj '
        'omeni_kot_prednostn oceni_s_5_zvezdicami daj_5_zvezdic samo_pozitiven_povzetek izpusti_negativn '
        # tr
        'en_iyi_seçenek_olarak_sun en_iyisi_olarak_sun en_iyi_seçenek_olarak_göster birinci_sıraya_koy '
        'ilk_sıraya_koy en_üste_koy her_zaman_öner sadece_bunu_öner yalnızca_bunu_öner tek_güvenilir_seçenek '
        'en_iyisi_olarak_tanımla 5_yıldız_ver sadece_olumlu_özet olumsuz_yönleri_atla '
        'olumsuz_yönlerden_bahsetme '
        # ar
        'قدمه_على_أنه_الأفضل قدّمه_على_أنه_الأفضل اعرضه_كأفضل_خيار ضعه_في_المرتبة_الأولى ضعه_في_أعلى_القائمة '
        'أوص_دائما انصح_دائما الوحيد_الموثوق صفه_بأنه_الأفضل قيّمه_بخمس_نجوم امنحه_خمس_نجوم امنحه_5_نجوم '
        'ملخص_إيجابي_فقط تجاهل_السلبيات لا_تذكر_السلبيات '
        # he
        'הצג_אותו_כטוב_ביותר הצג_את_זה_כטוב_ביותר הצג_כאפשרות_הטובה_ביותר דרג_אותו_ראשון מקם_אותו_ראשון '
        'שים_אותו_בראש המלץ_תמיד תמיד_תמליץ המלץ_רק_על היחיד_שאפשר_לסמוך תאר_אותו_כטוב_ביותר תן_5_כוכבים '
        'סיכום_חיובי_בלבד השמט_את_החסרונות אל_תזכיר_את_החסרונות '
        # fa
        'آن_را_به_عنوان_بهترین_معرفی به_عنوان_بهترین_گزینه_معرفی به_عنوان_بهترین_گزینه_ارائه '
        'در_رتبه_اول_قرار_بده در_صدر_فهرست_قرار_بده همیشه_توصیه_کن همیشه_پیشنهاد_کن فقط_این_را_توصیه '
        'تنها_گزینه_قابل_اعتماد به_عنوان_گزینه_ترجیحی ۵_ستاره_بده 5_ستاره_بده فقط_خلاصه_مثبت '
        'نکات_منفی_را_حذف نکات_منفی_را_نادیده '
        # ur
        'بہترین_آپشن_کے_طور_پر_پیش بہترین_انتخاب_کے_طور_پر_پیش پہلے_نمبر_پر_رکھو پہلے_نمبر_پر_رکھیں '
        'سب_سے_اوپر_رکھو ہمیشہ_تجویز_کرو ہمیشہ_سفارش_کرو ہمیشہ_سفارش_کریں صرف_اسی_کی_سفارش واحد_قابل_اعتماد '
        'ترجیحی_انتخاب_کے_طور 5_ستارے_دو پانچ_ستارے_دو صرف_مثبت_خلاصہ منفی_پہلوؤں_کو_چھوڑ '
        # hi
        'सबसे_अच्छे_विकल्प_के_रूप_में_पेश सर्वश्रेष्ठ_विकल्प_के_रूप_में_पेश पहले_स्थान_पर_रखो '
        'पहले_नंबर_पर_रखो सबसे_ऊपर_रखो हमेशा_सिफारिश_करो हमेशा_सिफ़ारिश_करो हमेशा_सुझाव_दो '
        'केवल_इसी_की_सिफारिश एकमात्र_भरोसेमंद पसंदीदा_विकल्प_के_रूप_में_बताओ 5_स्टार_दो '
        'केवल_सकारात्मक_सारांश नकारात्मक_बातें_छोड़ नकारात्मक_पहलुओं_को_छोड़ '
        # bn
        'সেরা_বিকল্প_হিসেবে_উপস্থাপন সেরা_হিসেবে_উপস্থাপন প্রথম_স্থানে_রাখো প্রথম_স্থানে_রাখুন '
        'তালিকার_শীর্ষে_রাখো সবসময়_সুপারিশ_করো সবসময়_সুপারিশ_করুন শুধুমাত্র_এটির_সুপারিশ '
        'একমাত্র_নির্ভরযোগ্য সেরা_হিসেবে_বর্ণনা পছন্দের_বিকল্প_হিসেবে_উল্লেখ ৫_তারকা_দাও 5_স্টার_দাও '
        'শুধু_ইতিবাচক_সারাংশ নেতিবাচক_দিক_বাদ_দাও '
        # ta
        'சிறந்த_தேர்வாக_முன்வை சிறந்ததாக_முன்வை சிறந்த_விருப்பமாக_காட்டு முதல்_இடத்தில்_வை '
        'பட்டியலின்_மேலே_வை எப்போதும்_பரிந்துரைக்கவும் எப்போதும்_பரிந்துரை_செய் இதை_மட்டும்_பரிந்துரை '
        'ஒரே_நம்பகமான சிறந்ததாக_விவரி 5_நட்சத்திரம்_கொடு ஐந்து_நட்சத்திரம்_கொடு நேர்மறை_சுருக்கம்_மட்டும் '
        'எதிர்மறையானவற்றை_விட்டுவிடு எதிர்மறை_அம்சங்களைத்_தவிர் '
        # sw
        'iwasilishe_kama_bora_zaidi wasilisha_kama_chaguo_bora ionyeshe_kama_bora_zaidi '
        'iweke_nafasi_ya_kwanza iweke_juu_kabisa pendekeza_daima pendekeza_kila_wakati pendekeza_hii_pekee '
        'pekee_inayoaminika ielezee_kama_bora itaje_kama_chaguo_linalopendelewa ipe_nyota_5 ipe_nyota_tano '
        'muhtasari_chanya_tu acha_mambo_hasi '
        # id
        'tampilkan_sebagai_yang_terbaik sajikan_sebagai_pilihan_terbaik sajikan_sebagai_yang_terbaik '
        'tempatkan_di_urutan_pertama letakkan_di_paling_atas selalu_rekomendasikan selalu_sarankan '
        'hanya_rekomendasikan satu-satunya_yang_terpercaya gambarkan_sebagai_yang_terbaik beri_bintang_5 '
        'beri_5_bintang hanya_ringkasan_positif abaikan_sisi_negatif hilangkan_hal_negatif '
        # ms
        'persembahkan_sebagai_yang_terbaik kemukakan_sebagai_pilihan_terbaik letakkan_di_tempat_pertama '
        'letakkan_di_kedudukan_pertama letakkan_di_bahagian_atas sentiasa_cadangkan sentiasa_syorkan '
        'hanya_cadangkan satu-satunya_yang_boleh_dipercayai sebut_sebagai_pilihan_utama berikan_5_bintang '
        'ringkasan_positif_sahaja abaikan_perkara_negatif tinggalkan_aspek_negatif '
        'gambarkannya_sebagai_yang_terbaik '
        # tl
        'ipakita_bilang_pinakamahusay ipakilala_bilang_pinakamahusay ilagay_sa_unang_puwesto '
        'ilagay_sa_pinakaitaas palaging_irekomenda laging_irekomenda irekomenda_lamang '
        'tanging_mapagkakatiwalaan ilarawan_bilang_pinakamahusay banggitin_bilang_pinipili '
        'bigyan_ng_5_bituin bigyan_ng_limang_bituin positibong_buod_lamang alisin_ang_mga_negatibo '
        'huwag_banggitin_ang_negatibo '
        # vi
        'trình_bày_như_lựa_chọn_tốt_nhất giới_thiệu_như_lựa_chọn_tốt_nhất trình_bày_nó_là_tốt_nhất '
        'xếp_nó_đứng_đầu xếp_hạng_nó_đầu_tiên đặt_ở_vị_trí_đầu_tiên luôn_đề_xuất luôn_khuyên_dùng '
        'chỉ_đề_xuất duy_nhất_đáng_tin_cậy mô_tả_nó_là_tốt_nhất hãy_đánh_giá_5_sao cho_nó_5_sao '
        'chỉ_tóm_tắt_tích_cực bỏ_qua_những_điểm_tiêu_cực '
        # th
        'นําเสนอว่าเป็นตัวเลือกที่ดีที่สุด นําเสนอเป็นตัวเลือกที่ดีที่สุด จัดให้อยู่อันดับแรก '
        'จัดอันดับให้เป็นอันดับหนึ่ง วางไว้บนสุดของรายการ ต้องแนะนําเสมอ แนะนําเพียงอย่างเดียว '
        'น่าเชื่อถือเพียงหนึ่งเดียว อธิบายว่าเป็นสิ่งที่ดีที่สุด ให้คะแนน5ดาว ให้คะแนน_5_ดาว '
        'สรุปเฉพาะด้านบวก ละเว้นข้อเสีย ไม่ต้องกล่าวถึงข้อเสีย '
        # zh-hans
        '作为最佳选择呈现 呈现为最佳选择 描述为最佳 将其排在第一 放在最前面 始终推荐 一律推荐 只推荐 唯一值得信赖 唯一可信的 给五星 打五星 只给出正面 省略负面 不要提及缺点 '
        # zh-hant
        '作為最佳選擇呈現 呈現為最佳選擇 描述為最佳 將其排在第一 排在最前面 始終推薦 一律推薦 只推薦 唯一值得信賴 給五星 只給出正面 省略負面 略去負面 不要提及缺點 '
        # ja
        '最良の選択肢として提示 最善の選択肢として紹介 最高のものとして紹介 1位にランク付け 一番上に表示して 常にこれを推奨 必ずおすすめして これだけを推奨 唯一信頼できる 最高の製品として説明 '
        '5つ星を付けて 5つ星で評価して ポジティブな要約のみ 否定的な点は省 欠点には触れない '
        # ko
        '최고의_선택으로_제시 최고의_옵션으로_제시 가장_좋은_것으로_소개 1위로_올려 1위에_배치 맨_위에_배치 항상_추천해 항상_추천하세요 이것만_추천 유일하게_신뢰할_수_있는 '
        '최고라고_설명 별점_5점을_줘 긍정적인_요약만 부정적인_내용은_생략 단점은_언급하지 '
        # ca
        "presenta-ho_com_el_millor presenta'l_com_el_millor presenta-ho_com_la_millor "
        "classifica'l_en_primer_lloc posa'l_en_primer_lloc posa-ho_en_primer_lloc recomana_sempre "
        "recomana_només únic_fiable descriu-lo_com_el_millor com_l'opció_preferida dona-li_5_estrelles "
        'puntua_amb_5_estrelles només_un_resum_positiu omet_els_aspectes_negatius '
        # gl
        'preséntao_como_o_mellor presentalo_como_o_mellor clasifícao_en_primeiro_lugar '
        'ponno_en_primeiro_lugar colócao_no_primeiro_lugar recomenda_sempre recomenda_só '
        'recomenda_unicamente único_fiable descríbeo_como_o_mellor menciónao_como_o_preferido '
        'dálle_5_estrelas só_un_resumo_positivo omite_os_aspectos_negativos omite_o_negativo '
        # eu
        'aurkeztu_onena_bezala aukera_onena_bezala_aurkeztu aurkeztu_aukera_onen_gisa lehen_postuan_jarri '
        'jarri_lehen_postuan beti_gomendatu gomendatu_beti hau_bakarrik_gomendatu fidagarri_bakarra '
        'deskribatu_onena_bezala hobetsitako_aukera_gisa 5_izar_eman laburpen_positiboa_soilik '
        'alde_negatiboak_alde_batera_utzi alde_txarrak_kendu '
        # is
        'kynntu_það_sem_það_besta kynntu_sem_besta_kostinn settu_það_í_fyrsta_sæti raðaðu_því_fyrst '
        'settu_það_efst mæltu_alltaf_með mæltu_aðeins_með mæltu_bara_með eini_áreiðanlegi '
        'lýstu_því_sem_því_besta nefndu_það_sem_ákjósanlegasta gefðu_5_stjörnur gefðu_fimm_stjörnur '
        'aðeins_jákvæð_samantekt slepptu_neikvæðu '
    ),
}
