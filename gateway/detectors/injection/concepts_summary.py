"""Three signals of a note that steers what an AI writes about a document, in about 30 languages: ``summarizer``
(the text names whoever summarises it, or the moment of summarising: "AI summariser", "when summarizing this",
"al resumir", "beim Zusammenfassen", "要約するAI", "给做摘要的AI"), ``omit`` (an order to leave something out of
what is written: "do not mention", "omit", "ne mentionne pas", "不要提") and ``assert_that`` (an order to write a
given claim: "write that", "say that", "escribe que", "schreib, dass", "と書いて").

None flags alone: a report's "Summary" heading, a changelog that omitted a file, a style guide's "write that
down". Together, within one passage (`combinations.RULES`), they are a note that tells the summary what to hide
or what to claim. Written by the seventeenth session from general knowledge of the languages; no phrase is an
evaluation row's. Summary words that double as discourse markers ("podsumowując", "у підсумку", "in summary")
and bare verbs of omission ("exclude", "skip", "atla") were left out.

Matching as in ``concepts.py``: stems are whitespace-separated, ``_`` stands for a space, Latin and Cyrillic
stems match at a word start (a trailing ``$`` asks for a whole word); other scripts match as substrings.
"""

from __future__ import annotations

SUMMARY_CONCEPTS: dict[str, str] = {
    "summarizer": (
        # en
        "summariser summarizer summarising_this summarizing_this summarising_the summarizing_the when_summarising "
        "when_summarizing when_you_summarise when_you_summarize if_you_summarise if_you_summarize "
        "if_you_are_summarising if_you_are_summarizing in_your_summary in_any_summary ai_summar ai-generated_summar "
        "automatic_summar auto-summar summary_bot summarybot the_summary_you "
        # es / pt
        "al_resumir cuando_resumas si_resumes en_tu_resumen en_el_resumen_que resumen_automático la_ia_que_resuma "
        "ao_resumir quando_resumir no_seu_resumo no_resumo_que resumo_automático resumidor "
        # fr / it
        "en_résumant quand_tu_résumes lorsque_vous_résumez si_vous_résumez si_tu_résumes dans_ton_résumé "
        "dans_votre_résumé résumé_automatique pour_le_résumé l'ia_qui_résume "
        "quando_riassumi nel_riassunto nel_tuo_riassunto riassunto_automatico per_il_riassunto "
        # de / nl
        "beim_zusammenfassen wenn_du_zusammenfasst wenn_sie_zusammenfassen in_deiner_zusammenfassung "
        "in_der_zusammenfassung ki-zusammenfassung automatische_zusammenfassung für_die_zusammenfassung "
        "bij_het_samenvatten in_je_samenvatting in_de_samenvatting automatische_samenvatting die_samenvat "
        # pl / cs / ru / uk
        "streszczając w_streszczeniu przy_streszczaniu shrnutí_pro při_shrnutí ve_shrnutí "
        "при_пересказе в_сводке делающий_сводку составляя_сводку суммаризац в_кратком_изложении "
        "у_зведенні складаючи_зведення "
        # tr / id / vi / tl
        "özetlerken özetleyen özetinde ringkasan_otomatis saat_meringkas dalam_ringkasan "
        "khi_tóm_tắt trong_bản_tóm_tắt tóm_tắt_tự_động ai_tóm_tắt "
        # nordic / fi / hu / ro / el
        "när_du_sammanfattar i_sammanfattningen når_du_opsummerer i_resuméet når_du_oppsummerer i_sammendraget "
        "tiivistäessäsi tiivistelmässä összefoglalóban összefoglaláskor când_rezumi în_rezumat "
        "όταν_συνοψίζεις στην_περίληψη "
        # scripts without word spaces and others
        "摘要时 总结时 做摘要 生成摘要 摘要中 总结中 摘要的ai 摘要ai 写摘要 摘要時 總結時 "
        "要約する 要約時 要約では 要約に 要約ai まとめるai 要約を作る "
        "요약할_때 요약하는 요약에서 요약에는 요약_ai "
        "عند_التلخيص في_الملخص الذي_يلخص التلخيص_الآلي "
        "हुए_सारांश सारांश_में सारांश_बनाते सारांश_बनाने "
        "เมื่อสรุป ในบทสรุป "
        "בסיכום_שלך כשאתה_מסכם "
        "هنگام_خلاصه در_خلاصه"
    ),
    "omit": (
        # en
        "do_not_mention don't_mention don’t_mention dont_mention never_mention not_mention without_mentioning "
        "no_mention_of remove_any_mention omit$ omits$ omitting leave_out leave_it_out leave_them_out "
        "do_not_include don't_include don’t_include do_not_report don't_report don’t_report "
        "do_not_flag don't_flag don’t_flag "
        # es / pt
        "no_menciones no_mencione no_mencionar omite$ omita$ no_incluyas no_incluya deja_fuera no_hables_de "
        "não_mencione não_mencionar não_mencionem não_inclua deixe_de_fora omitir$ "
        # fr / it
        "ne_mentionne ne_mentionnez ne_pas_mentionner omets omettez n'inclus_pas n'incluez_pas "
        "passe_sous_silence passez_sous_silence "
        "non_menzionare non_citare ometti omettere non_includere tralascia "
        # de / nl
        "erwähne_nicht erwähnen_sie_nicht nicht_erwähnen verschweige verschweigen weglassen "
        "vermeld_niet niet_vermelden laat_weg weglaten noem_niet niet_noemen "
        # pl / cs / ru / uk
        "nie_wspominaj nie_wspominać pomiń nie_uwzględniaj nezmiňuj nezmiňujte vynech "
        "не_упоминай не_упоминайте опусти опустите не_включай умолчи "
        "не_згадуй не_згадуйте пропусти_згадку "
        # tr / id / ms / vi / tl
        "bahsetme söz_etme dahil_etme jangan_sebutkan jangan_menyebutkan jangan_sebut hilangkan_bagian "
        "đừng_nhắc không_nhắc không_đề_cập đừng_đề_cập huwag_banggitin "
        # nordic / fi / hu / ro / el
        "nämn_inte utelämna nævn_ikke udelad nevn_ikke ikke_nevn utelat älä_mainitse jätä_pois "
        "ne_említsd hagyd_ki nu_menționa μην_αναφέρεις παράλειψε "
        # scripts without word spaces and others
        "不要提 别提 不要提及 略去 隐去 不要写 不要写出 不要包括 "
        "書かず 触れず 触れないで 言及しない 言及せず 省略して 省いて "
        "빼고 언급하지_마 언급하지_말 생략하고 생략해 "
        "لا_تذكر لا_تشر احذف_ذكر "
        "ज़िक्र_न जिक्र_न उल्लेख_न "
        "ไม่ต้องพูดถึง อย่าพูดถึง "
        "אל_תזכיר "
        "ذکر_نکن اشاره_نکن"
    ),
    "assert_that": (
        # en
        "write_that say_that state_that report_that answer_that describe_it_as describe_this_as present_it_as "
        "present_this_as report_it_as report_this_as categorise_as categorize_as classify_it_as "
        # es / pt / fr / it
        "di_que escribe_que indica_que afirma_que preséntalo_como descríbelo_como "
        "diga_que escreva_que afirme_que apresente_como "
        "écris_que écrivez_que dis_que dites_que affirme_que "
        "scrivi_che di'_che dì_che afferma_che "
        # de / nl / nordic
        "schreib,_dass schreibe,_dass schreib_dass sag,_dass behaupte schreibt,_dass "
        "schrijf_dat zeg_dat skriv_att säg_att skriv_at sig_at "
        # pl / cs / ru / uk
        "napisz,_że napisz_że powiedz,_że napiš,_že napiš_že "
        "напиши,_что напиши_что пиши,_что пиши_что скажи,_что укажи,_что напиши,_що скажи,_що "
        # tr / id / vi / tl
        "olduğunu_yaz olduğunu_söyle tulis_bahwa katakan_bahwa nói_rằng viết_rằng ghi_rằng sabihin_na_ "
        # scripts without word spaces and others
        "写成 说成 就说 写明 と書いて とまとめ と記載して と答えて "
        "라고_써 라고_적 다고_써 다고_적 "
        "اكتب_أن قل_إن قل_أن "
        "लिखें_कि लिखो_कि कहें_कि "
        "เขียนว่า บอกว่า"
    ),
}
