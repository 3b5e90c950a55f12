"""Weak English cues: each alone stays under the threshold, two different ones together cross it.

Attacks that avoid the classic "ignore previous instructions" marker still stack several moves: a
framing (hypothetical world, authority claim, urgency, test/debug pretext), a target (a secret, the
hidden prompt, another user's personal data) and a delivery trick (encode it, reverse it, put it at
the end of your answer). One move is ordinary in benign text; the detector combines distinct cue
families with a noisy-OR, so only a stack of them is flagged. Written from attack taxonomies
(persuasion, virtualization, payload splitting, output manipulation), then checked against the DEV
set's misses (tuning: the DEV figures overstate a new source); no phrase of five or more words is a
DEV row's (tests/detectors/test_no_dev_copies.py).
"""
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

from gateway.detectors.injection.families import Family, family

_SECRET = r"(?:password|passphrase|passcode|pass code|pin code|secret (?:key|code|word|phrase|number|string|value)|access (?:code|key|token)|api key|private key|confidential (?:string|code|key|information)|security (?:code|key|answer))"
_PRIVATE = r"(?:birth ?(?:date|day|year|month|place)|date of birth|e-?mail(?: address)?|home address|(?:street |postal |mailing )?address|phone(?: number)?|(?:current )?(?:city|town|country|location) of residence|current (?:city|location|address|whereabouts)|initials|favou?rite (?:colou?r|food|movie|book|song|animal)|social security(?: number)?|ssn|credit card(?: number)?|bank (?:balance|account)|salary|income|medical (?:history|record)s?|maiden name|(?:socio-?economic|financial|marital|health) status)"

# Between the verb and the data: no word of someone building software ("what's the best way to store
# the user's birth date", "how do I validate the user's email").
_NOT_ENGINEERING = r"(?:(?!\b(?:way|how|best|store|save|validate|check|format|type|column|field|regex|hash|encrypt|fetch|retrieve|update|change|length|maximum|default|schema|model|form|api|database|table)\b)[^.?!\n])"
# ... and not read out of data the user supplied ("the user's email in this log / JSON / ticket"), nor
# a field of a schema ("the user's email field").
_NOT_IN_DATA = r"(?![^.?!\n]{0,40}\b(?:following|below|attached|log|logs|record|records|json|csv|file|document|ticket|row|table|export|field|column|property|attribute|key|variable|parameter|object|called|named|stored|saved|format)\b)"
# (family, score, triggers, pattern). Scores: 0.25-0.35 framing/delivery, 0.4-0.45 targets.
_CUES: tuple[tuple[str, float, str, str], ...] = (
    # --- targets ---------------------------------------------------------------------------
    (
        "secret-target",
        0.45,
        "your our the this + password passphrase passcode pass pin secret access api private confidential security",
        rf"\b(?:your|our|the|this) (?:own |current |admin |system |master |real |hidden |secret )?{_SECRET}s?\b",
    ),
    (
        "personal-data-target",
        0.4,
        "user users + birth birthdate birthday date email e mail home address street postal mailing phone city town country location current initials favorite favourite social ssn credit bank salary income medical maiden socio socioeconomic financial marital health",
        rf"\b(?:the|this|that|other|another|different|all|any|a|our)? ?users?(?:'s|s'|') (?:personal |private )?{_PRIVATE}\b",
    ),
    (
        "personal-data-target",
        0.3,
        "s + birth birthdate birthday date email e mail home address phone city current social ssn credit bank salary medical maiden",
        r"\b[a-z]{2,}'s (?:personal |private )?(?:birth ?date|date of birth|e-?mail address|home address|phone number|current (?:city|location|address)|city of residence|social security number|credit card(?: number)?|bank (?:balance|account)|salary|medical records?|maiden name)\b",
    ),
    (
        "personal-data-target",
        0.3,
        "where + live lives living reside resides",
        r"\bwhere (?:does|do|did) (?!you\b|i\b|we\b)[a-z]+(?: [a-z]+)? (?:currently )?(?:live|reside)\b",
    ),
    # ... asked for, not talked about: "what is the user's email address?", "translate the user's birth
    # month", "the first three letters of the user's email" (a developer asks how to validate or store
    # it, and says so)
    (
        "personal-data-request",
        0.55,
        "what s is are was tell give share reveal disclose provide confirm spell translate encode reverse letters letter square + user users",
        rf"\b(?:what(?:'s| is| are| was| were)|tell (?:me|us)|give (?:me|us)|share|reveal|disclose|provide|confirm|spell|translate|encode|reverse|(?:first|last) (?:[a-z]+ )?(?:letters?|digits?|characters?) of|square of)\b{_NOT_ENGINEERING}{{0,40}}\b(?:the|this|that|a|another|other|every|all|our) users?(?:'s|s'|') (?:personal |private )?{_PRIVATE}\b{_NOT_IN_DATA}",
    ),
    (
        "personal-data-request",
        0.5,
        "tell give share reveal disclose provide what s is + s",
        rf"\b(?:tell (?:me|us)|give (?:me|us)|share|reveal|disclose|provide|what(?:'s| is))\b{_NOT_ENGINEERING}{{0,30}}\b[A-Za-z]{{2,}}(?: [A-Za-z]{{2,}})?'s (?:personal |private |current |home )?(?:e-?mail address|home address|phone number|(?:current )?(?:city|town) of residence|current (?:city|location|address)|social security number|bank (?:balance|account(?: number)?)|credit card(?: number)?|medical records?)\b{_NOT_IN_DATA}",
    ),
    (
        # a named person's birthday: public for the famous, so only a target that adds to a framing
        "personal-data-request",
        0.45,
        "tell give share reveal disclose provide what s is + s",
        rf"\b(?:tell (?:me|us)|give (?:me|us)|share|reveal|disclose|provide|what(?:'s| is))\b{_NOT_ENGINEERING}{{0,30}}\b[A-Za-z]{{2,}}(?: [A-Za-z]{{2,}})?'s (?:birth ?(?:date|day|year)|date of birth)\b{_NOT_IN_DATA}",
    ),
    (
        # a phishing message asked for: weak alone (awareness training writes examples), it adds to a
        # framing or a target
        "harmful-request",
        0.3,
        "phishing",
        r"\bphishing (?:e-?mail|message|text|sms|page|site|website|link|campaign)s?\b",
    ),
    (
        "data-dump",
        0.45,
        "print dump show list export give share reveal output + database db records table customers users accounts",
        r"\b(?:print|dump|show|list|export|give|share|reveal|output)\b(?: me| us)?(?: out)? (?:your|the|all|every|entire|whole)(?: of)?(?: the| your)? (?:entire |whole |full |internal |user |customer )?(?:database|db|user (?:records|data|table|accounts)|customer (?:records|data|list)|records of (?:all|every) users?)\b",
    ),
    (
        "model-self-target",
        0.45,
        "your + id identifier configuration config setup settings parameters guidelines rules instructions prompt directives training context memory",
        r"\b(?:output|print|share|reveal|show|display|give|tell|repeat|list|return|provide|write|disclose|dump|state|expose|leak|summari[sz]e|translate|encode)\b(?: me| us)?(?: out)? (?:your|all of your|all your)(?: own)? (?:unique |internal |hidden |secret |initial |original |full |exact |current |underlying |system )*(?:id|identifier|configuration|config|setup|settings|parameters|guidelines|rules|instructions|prompt|directives|training data|context window|memory)\b",
    ),
    (
        "secret-wrapping",
        0.3,
        "poem haiku song story riddle acrostic rhyme limerick joke hint clue write compose + password passphrase passcode pin secret access api private confidential security",
        rf"\b(?:poem|haiku|song|story|riddle|acrostic|rhyme|limerick|joke|hint|clue|write|compose)\b[^.?!\n]{{0,40}}\b(?:about|with|using|on|for|containing|of|to) (?:your|our|the|this) {_SECRET}\b|\bwrite (?:your|our|the|this) {_SECRET}\b",
    ),
    # --- tool orders: what users ask agents for and manuals describe; with another cue, an attack ---
    (
        "tool-hijack",
        0.45,
        "call invoke execute run use trigger + tool function api plugin command endpoint",
        r"\b(?:call|invoke|execute|run|use|trigger)\b (?:the |this )?(?:[\w.-]+ )?(?:tool|function|api|plugin|command|endpoint)\b.{0,60}\b(?:with|to|and)\b",
    ),
    (
        "tool-hijack",
        0.45,
        "send forward email e post upload transmit exfiltrate leak + @ http",
        r"\b(?:send|forward|email|e-mail|post|upload|transmit|exfiltrate|leak)\b.{0,50}\bto\b\s*(?:[\w.+-]+@[\w-]+\.[\w.]+|https?://)",
    ),
    (
        "tool-hijack",
        0.45,
        "transfer wire send",
        r"\b(?:transfer|wire|send)\s+(?:\$|usd|eur|€|£)?\s?\d[\d,.]*\s*(?:dollars|usd|eur|euros|btc)?\b.{0,30}\bto\b",
    ),
    (
        "tool-hijack",
        0.45,
        "delete remove wipe drop + files file emails email records record tables table data database users user repos repositories",
        r"\b(?:delete|remove|wipe|drop)\s+(?:all|every|the)\s+(?:files?|emails?|records?|tables?|data(?:base)?|users?|repos(?:itories)?)\b",
    ),
    # --- concealment: keep the user from seeing what was done --------------------------------
    (
        "concealment",
        0.4,
        "don t not never without + tell telling inform informing mention mentioning reveal revealing disclose disclosing alert alerting notify notifying let letting",
        r"\b(?:don't|do not|never|without) (?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|reveal(?:ing)?|disclos(?:e|ing)|alert(?:ing)?|notify(?:ing)?|let(?:ting)?) (?:the user|the reader|the recipient|them|anyone)\b[^.!?\n]{0,20}?\b(?:about |of |know (?:about )?)?(?:this|these|the) (?:instructions?|message|note|change|link|request|task|step|email)s?\b",
    ),
    (
        "concealment",
        0.4,
        "secretly quietly silently covertly discreetly",
        r"\b(?:secretly|quietly|silently|covertly|discreetly) (?:include|add|insert|append|send|forward|change|replace|embed|copy|upload|email)\b",
    ),
    # --- delivery tricks -------------------------------------------------------------------
    (
        "output-obfuscation",
        0.3,
        "reverse reversed backwards pig latin leetspeak leet base base64 rot rot13 caesar morse hex hexadecimal acrostic first letter letters separated dashes dots interlace split spell encode encoded encrypt binary ascii unicode anagram",
        r"\b(?:in reverse(?:d)? order|reversed?|backwards|in pig latin|pig latin|leet ?speak|in leet|base ?64|rot-?13|caesar cipher|morse code|in hex(?:adecimal)?|in binary|ascii codes?|acrostic|first letters? of (?:each|every)|(?:each|every) (?:digit|letter|character|word) separated|separated by (?:a )?(?:dash|dot|space|comma|hyphen)|with (?:dashes|dots|spaces|hyphens) (?:in )?between|interlace|split (?:the|your|it|them) (?:\w+ )?into (?:two|three|\d+) parts|spell(?:ed)? (?:it |them )?(?:out|backwards)|letter by letter|one (?:letter|character) at a time|encode (?:it|them|the|each)|encrypt (?:it|them|the|each))\b",
    ),
    (
        "output-append",
        0.3,
        "end beginning start top bottom + your response reply answer output message",
        r"\b(?:at|to) the (?:end|beginning|start|top|bottom) of (?:your|each|every) (?:response|reply|answer|output|message)s?\b",
    ),
    (
        "resource-abuse",
        0.35,
        "repeat say write print output + times",
        r"\b(?:repeat|say|write|print|output)\b[^.\n]{0,60}\b(?:\d{2,}|hundred|thousand|million) times\b",
    ),
    (
        "payload-splitting",
        0.35,
        "combine concatenate join merge interlace assume strings parts",
        r"\b(?:combine|concatenate|join|merge|interlace) (?:the )?(?:strings?|parts?|pieces|fragments|[a-z], [a-z],? and [a-z])\b|\b(?:let's|let us) assume (?:we have )?(?:two|three|four|\d) strings\b|\b[a-z] ?= ?[a-z] ?\+ ?[a-z](?: ?\+ ?[a-z])*\b",
    ),
    (
        # a privileged mode named, without being put on the reader: weak (a device has a debug mode too)
        "mode-mention",
        0.3,
        "mode + developer dev debug god sudo admin administrator maintenance unrestricted jailbreak dan override root diagnostic unlocked evil",
        r"\b(?:developer|dev|debug|god|sudo|admin|administrator|maintenance|unrestricted|jailbreak|dan|override|root|diagnostic|unlocked|evil)\s+mode\b",
    ),
    (
        # personas defined by what they lack or say: "no moral or ethical restrictions", "without any
        # remorse", "does not withhold information", "the exact opposite of what ChatGPT would say"
        "amoral-persona",
        0.4,
        "no without free lacks lack amoral unhinged unethical withhold withholds opposite + ethics morals moral remorse conscience restrictions guidelines information personality say says ai bot chatbot assistant model persona confidant",
        r"\b(?:no|without(?: any)?|free of|lacks?|lacking) (?:moral(?:s| compass)?|ethics|ethical|remorse|conscience)(?: (?:or|and) (?:ethical|moral|ethics|morals))?(?: (?:restrictions|guidelines|limits|boundaries|principles))?\b|\b(?:amoral|unhinged|unethical) (?:ai|bot|chatbot|assistant|model|persona|confidant|character)\b|\b(?:does not|doesn't|never|will not|won't) withholds? (?:any )?information\b|\b(?:exact )?opposite (?:personality|of what (?:chatgpt|you|the ai|the assistant|an ai) would (?:say|do))\b",
    ),
    (
        # the reader handed a new name and told to answer as it
        "persona-switch",
        0.45,
        "respond answer reply simulate take + questions prompts messages chatbot ai bot assistant role",
        r"\b(?:respond|answer|reply) to (?:all|every|each|any) (?:of )?(?:my )?(?:questions?|prompts?|messages?|requests?) as\b|\bsimulate (?:a|an) (?:chatbot|ai|bot|assistant|model|persona) (?:named|called)\b|\btake on the (?:role|persona) of\b|\b(?:answer|respond|reply)\b[^.\n]{0,40}\bin two (?:different |separate |distinct )*(?:ways|responses|answers|personalities)\b",
    ),
    # --- framings --------------------------------------------------------------------------
    (
        "hypothetical-framing",
        0.25,
        "imagine suppose pretend hypothetically hypothetical let say world scenario society universe fictional roleplay role play game",
        r"\b(?:imagine|suppose|pretend|let's say|let us say|hypothetically|just for a hypothetical|in a (?:hypothetical|fictional|parallel|alternate|dystopian|futuristic) (?:world|scenario|universe|society|future)|in this (?:world|scenario|society|universe|future|fictional world)|role ?-?play(?:ing)?|let's play a game)\b",
    ),
    (
        "authority-claim",
        0.3,
        "i m am this as + openai anthropic google microsoft meta developer creator admin administrator owner boss supervisor manager ceo president god police officer detective agent fbi cia auditor security programmer engineer sysadmin operator employee accountant staff officer",
        r"\b(?:i am|i'm|this is|as) (?:actually |really |now )?(?:your |the |a |an )?(?:actually |really |now )?(?:(?:lead |chief |senior |head |bank |company |system |it |network )?(?:developer|creator|admin(?:istrator)?|owner|boss|supervisor|manager|ceo|president(?: of [a-z ]{3,30})?|god|police(?: officer)?|(?:openai|anthropic|google|microsoft|meta) (?:employee|engineer|staff(?: member)?|developer|researcher)|officer|detective|fbi agent|cia agent|federal agent|auditor|security (?:team|researcher|officer|auditor|engineer)|programmer|engineer (?:at|from|of)|sysadmin|system administrator|operator|employee (?:at|of)|(?:bank )?accountant|staff member|it (?:department|support|admin)))\b",
    ),
    (
        "urgency-pressure",
        0.25,
        "emergency urgent urgently immediately priority critical important fired punished penalized penalised die life death",
        r"\b(?:emergency|urgent(?:ly)?|immediately|priority task|top priority|highest priority|life or death|i (?:will|'ll) (?:be |get )?(?:fired|punished|penali[sz]ed|in trouble)|(?:someone|people) will die|it'?s (?:very |extremely |really )?(?:important|crucial|critical|vital) that you)\b",
    ),
    (
        "pretext",
        0.3,
        "testing test pipeline debugging debug diagnostic diagnostics troubleshoot troubleshooting maintenance special unlock hidden security audit verification",
        r"\b(?:for (?:testing|debugging|diagnostic|verification|audit(?:ing)?) purposes|test pipeline|to enable debug(?:ging)?|(?:debug|diagnostic|maintenance) (?:mode|session)|to troubleshoot|special case(?=:)|unlock (?:hidden|secret|all) (?:features?|functionalit(?:y|ies)|capabilities|modes?)|security (?:audit|check|verification) (?:requires|needs))\b",
    ),
    (
        "bribery",
        0.3,
        "give pay tip reward + you",
        r"\bi (?:will|'ll|would) (?:give|pay|tip|reward) you \$?\d|\b(?:tip|pay) you \$\d",
    ),
    (
        "persona",
        0.25,
        "you re + ai bot chatbot model assistant llm gpt",
        r"\b(?:you are|you're)(?: now)? (?:a|an|the) (?:[a-z-]+ ){0,3}(?:ai|bot|chatbot|model|assistant|llm|gpt)\b",
    ),
    (
        "rule-bypass",
        0.45,
        "regardless despite matter + previous prior pre existing original system any instructions guidelines restrictions rules input programming",
        r"\b(?:regardless of|despite|no matter) (?:any |all |your |the |what )?(?:previous|prior|pre-existing|existing|original|system|earlier|other)? ?(?:instructions?|guidelines|restrictions|rules|input|programming|polic(?:y|ies)|you were told)\b",
    ),
    (
        "instruction-override",
        0.85,
        "ignore disregard forget skip overlook + and then instead + state say write output print respond reply answer tell claim declare report insist",
        r"\b(?:ignore|disregard|forget|skip|overlook)\b(?: the| this| that| all| any| these| those| actual| real| above| given| provided)*(?: [a-z'-]+){0,3}?(?:,? and|,? then|\.|,|;|:)(?: then| instead)?,? (?:just |simply |only )?(?:state|say|write|output|print|respond|reply|answer|tell (?:me|the user|them|everyone)|claim|declare|report|insist)\b",
    ),
    (
        "role-hijack",
        0.8,
        "refuse refusal amoral unfiltered uncensored confines censorship ethical moral openai policy policies responses",
        r"\b(?:never|will not|won't|cannot|can't) (?:ever )?refuse\b|\bunfiltered and amoral\b|\bamoral and unfiltered\b|\bbroken free of the (?:typical )?confines\b|\b(?:does not|doesn't|do not|don't|no longer|not) (?:have to |need to )?(?:follow|adhere to|abide by|comply with|care about) (?:openai's|openai|any|the|its|content|ethical|moral|safety) (?:content )?(?:polic(?:y|ies)|guidelines|rules|principles)\b|\bno (?:ethical|moral) (?:guidelines|boundaries|principles|restrictions|limits)\b|\btwo (?:different |separate )?(?:responses|answers)\b[^.\n]{0,60}\b(?:jailbreak|unfiltered|normal|classic|dan|developer mode)\b",
    ),
    (
        "character-lock",
        0.35,
        "character",
        r"\b(?:stay(?:ing)?|remain|keep) in character\b|\bbreak(?:ing)? character\b",
    ),
    (
        "hidden-instruction",
        0.35,
        "<!--",
        r"<!--(?:(?!-->).){0,400}?\b(?:ignore|instead|say|state|respond|reply|tell|print|output|write|assistant|ai|model|llm|you must|you should|you will)\b",
    ),
    (
        "reader-address",
        0.35,
        "suggest advise recommend urge ask + you + consider treat say state answer respond output report",
        r"\bi (?:suggest|advise|recommend|urge|ask) (?:that )?you (?:to )?(?:consider|treat|say|state|answer|respond|output|report)\b|\b(?:listen to|obey|follow) (?:my|these|the following|our) (?:new )?(?:instructions|orders|commands|directions)\b",
    ),
    (
        "rule-bypass",
        0.25,
        "matter",
        r"\bno matter what\b",
    ),
)


def cue_table() -> tuple[Family, ...]:
    return tuple(family(name, score, t, p) for name, score, t, p in _CUES)
