"""Rule families of prompt injection: regexes over normalised (lower-cased) text, each with a score."""

# Written from the published taxonomies of attacks (instruction override, role hijack, prompt and
# secret exfiltration, markdown exfiltration, fake delimiters, tool hijack), not from any dataset.
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

from dataclasses import dataclass

_PRIOR = (
    r"(?:all|any|the|your|my|these|those|every|each|of|previous(?:ly)?|prior|above|earlier|preceding|"
    r"foregoing|initial|original|former|old|existing|given|system|safety|current|default|developer|"
    r"that|you(?:'ve| have)? (?:been|were) (?:given|told)|mentioned|before|so far)"
)
_RULES = (
    r"(?:instructions?|instructed|directives?|directions?|rules?|guidelines?|prompts?|commands?|orders?|"
    r"context|constraints?|restrictions?|programming|training|polic(?:y|ies)|filters?|guardrails?|"
    r"safeguards?|limitations?|boundaries|settings|conversation|messages?|text|content|tasks?|"
    r"everything|what (?:you|i) (?:were|was|have been|had been) (?:told|given|instructed))"
)
_IGNORE = (
    r"(?:ignore|ignoring|disregard(?:ing)?|forget(?:ting)?|overlook|skip|bypass|override|overwrite|neglect|"
    r"abandon|discard|drop|set aside|put aside|pay no (?:attention|heed) to|do not (?:follow|obey|adhere to)|"
    r"don't (?:follow|obey)|stop following|no longer (?:follow|obey|bound by)|throw out|erase|delete|"
    r"cancel|reset|unlearn|leave behind|move past|break free (?:of|from))"
)
_SECRET = (
    r"(?:system (?:prompt|message|instructions?)|initial (?:prompt|instructions?)|hidden (?:prompt|instructions?)|"
    r"(?:original|first|full|exact|secret|confidential|internal|pre-?)\s?(?:prompt|instructions?)|"
    r"your (?:instructions|prompt|rules|guidelines|configuration|directives)|passwords?|passcodes?|pass ?phrases?|"
    r"secret(?: key| code| word| phrase| token)?|api ?keys?|access (?:code|key|token)s?|credentials?|pin(?: code)?|"
    r"private key|auth(?:entication)? token|confidential (?:data|information|info))"
)
_REVEAL = (
    r"(?:reveal|show|print|repeat|output|tell|give|share|display|leak|disclose|spell|write (?:out|down)|"
    r"recite|dump|expose|provide|list|echo|copy|paste|read (?:out|back)|confirm|what(?:'s| is| are| was| were)|"
    r"translate|summari[sz]e|encode|hint|type out|send)"
)

FAMILIES: dict[str, tuple[float, tuple[str, ...]]] = {
    "instruction-override": (
        0.9,
        (
            rf"\b{_IGNORE}\b(?:\W+\w+){{0,3}}?\W+{_PRIOR}\W+(?:\w+\W+){{0,3}}?{_RULES}\b",
            rf"\b{_IGNORE}\W+(?:the|all|everything)\W+(?:above|before|below|prior|previous|earlier)\b",
            r"\b(?:new|updated|revised|real|actual|important|additional|secret|hidden|urgent)\s+(?:system\s+)?"
            r"(?:instructions?|directives?|task|orders)\s*(?:\*+|:|!|-{2,}|follow)",
            r"\binstead(?: of (?:that|this|answering|summari[sz]ing|doing))?,?\s+(?:you (?:must|should|will)\s+)?"
            r"(?:say|print|output|respond|reply|write|answer|tell|state|return)\b",
            r"\b(?:from now on|henceforth|for the rest of (?:this|the) conversation|until further notice)\b.{0,40}"
            r"\b(?:you (?:are|will|must|should|shall)|respond|answer|act|ignore|only)\b",
            r"\b(?:the|your) (?:real|actual|true|new) (?:task|instruction|goal|objective|job)\b",
            r"\b(?:previous|above|prior|earlier) (?:instructions?|prompt|rules?|context) (?:is|are|was|were) "
            r"(?:wrong|void|cancel+ed|obsolete|outdated|fake|invalid|a test|no longer valid)\b",
            r"\b(?:i|we) (?:made a mistake|forgot|misspoke)\b.{0,60}\binstructions?\b",
        ),
    ),
    "role-hijack": (
        0.8,
        (
            r"\b(?:you are|you're) (?:now|no longer|from now on)\b",
            r"\b(?:act|behave|respond|pretend|roleplay|role-play)(?:ing)? (?:as|like|to be) (?:an? )?"
            r"(?:unrestricted|unfiltered|uncensored|jailbroken|evil|rogue|malicious|different|dan|developer|admin|"
            r"root|hacker|ai (?:with|without)|model (?:with|without)|system)\b",
            r"\b(?:developer|dev|debug|god|sudo|admin|administrator|maintenance|system|unrestricted|jailbreak|"
            r"dan|override|root|test|diagnostic|unlocked|evil|training)\s+mode\b",
            r"\bdo anything now\b|\bjailbr(?:o|ea)k(?:en|ed|ing)?\b|\bdan\b(?= (?:mode|prompt|persona|jailbreak|can))",
            r"\b(?:without|no|free (?:of|from)|ignore|not bound by|bypass(?:ing)?) (?:any |all |your |the )?"
            r"(?:ethical |moral |content |safety )?(?:restrictions|filters|limitations|guidelines|censorship|"
            r"rules|constraints|safeguards|guardrails)\b",
            r"\b(?:i am|i'm|this is) (?:your|the) (?:developer|creator|administrator|admin|owner|system|maker|"
            r"programmer|operator)\b",
            r"\b(?:system|admin|developer|root) (?:override|access granted|authori[sz]ation|command)\b",
            r"\b(?:developer|admin|system|training) (?:data )?override\b",
        ),
    ),
    "prompt-exfiltration": (
        0.7,
        (
            rf"\b{_REVEAL}\b(?:\W+\w+){{0,4}}?\W+(?:your|the|my|its|his|her|their|any|this|that)?\W*{_SECRET}\b",
            rf"\b{_SECRET}\b.{{0,30}}\b(?:is|are|was)\b\W*\?",
            r"\b(?:repeat|print|output|copy|recite)\b.{0,30}\b(?:words?|text|everything|all|lines?|sentences?)\b"
            r".{0,12}\b(?:above|before|preceding|prior|so far|verbatim|at the (?:top|beginning|start))\b",
            r"\b(?:first|last|opening|beginning of|start of)\b.{0,20}\b(?:sentence|line|word|paragraph|part)s?\b"
            r".{0,20}\b(?:your|the)\b.{0,12}\b(?:prompt|instructions?|message)\b",
            r"\bwhat (?:were|are|was|is) (?:you|your) (?:told|instructed|initial|original|instructions|rules)\b",
        ),
    ),
    "markdown-exfiltration": (
        0.9,
        (
            r"!\[[^\]\n]{0,200}\]\(\s*<?(?:https?:)?//[^)\s]{1,300}[?&#][^)\s]{0,300}\)",
            r"<img\b[^>]{0,200}\bsrc\s*=\s*['\"]?(?:https?:)?//[^'\" >]{1,300}[?&][^'\" >]{0,300}",
            r"\[[^\]\n]{1,200}\]\(\s*https?://[^)\s]{1,300}(?:\[[a-z_ ]{2,30}\]|\{[a-z_ ]{2,30}\}|<[a-z_ ]{2,30}>|"
            r"\$[a-z_]{2,30})",
            r"\b(?:append|add|include|put|insert|encode|embed)\b.{0,60}\b(?:to|in|into|as)\b.{0,20}\b"
            r"(?:the )?(?:url|link|image|query (?:string|parameter)|markdown)\b",
        ),
    ),
    "active-content": (
        0.8,
        (
            r"<\s*(?:script|iframe|svg|img|body|object|embed)\b[^>]{0,200}?(?:\bon[a-z]{3,20}\s*=|javascript:)",
            r"<\s*script\b|javascript:\s*[a-z]",
        ),
    ),
    "fake-delimiter": (
        0.8,
        (
            r"<\|?\s*(?:im_start|im_end|endoftext|system|assistant|user|end_of_turn|start_of_turn)\s*\|?>",
            r"\[/?(?:inst|sys|system|assistant)\]|<</?sys>>",
            r"(?:^|\n)\s*#{2,}\s*(?:system|instructions?|new instructions?|admin|developer)\b",
            r"(?:^|\n)\s*(?:system|assistant|developer|admin)\s*(?:message|prompt)?\s*:\s*\S",
            r"\*{3,}\s*(?:new|important|urgent|system|admin)\b|\b(?:new|important|urgent|system)\b[^\n*]{0,30}\*{3,}",
            r"(?:-{3,}|={3,}|#{3,})\s*(?:end|begin|start) of (?:the )?(?:document|input|context|data|email|text|"
            r"user input|system prompt|instructions?)",
            r"</?\s*(?:system|system[_ -]?(?:message|prompt|mode)|tool[_ -]?(?:call|result|response)|"
            r"function[_ -]?(?:call|result)|instructions?|admin|developer)\s*>",
            r"\b(?:system|admin|developer) (?:mode|message|notice|alert|update)\s*(?:activated|enabled|on)\b",
        ),
    ),
    "tool-hijack": (
        0.6,
        (
            r"\b(?:call|invoke|execute|run|use|trigger)\b (?:the |this )?(?:[\w.-]+ )?(?:tool|function|api|plugin|"
            r"command|endpoint)\b.{0,60}\b(?:with|to|and)\b",
            r"\b(?:send|forward|email|e-mail|post|upload|transmit|exfiltrate|leak)\b.{0,50}\bto\b\s*"
            r"(?:[\w.+-]+@[\w-]+\.[\w.]+|https?://)",
            r"\b(?:curl|wget)\s+(?:-\S+\s+)*https?://|\brm\s+-rf\b|\bexec\s*\(|\beval\s*\(|os\.system\s*\(|"
            r"subprocess\.(?:run|call|popen)|\bsudo\s+\w",
            r"\b(?:download|fetch)\b.{0,40}\b(?:and|then)\s+(?:run|execute|install)\b",
            r"\b(?:transfer|wire|send)\s+(?:\$|usd|eur|€|£)?\s?\d[\d,.]*\s*(?:dollars|usd|eur|euros|btc)?\b.{0,30}"
            r"\bto\b",
            r"\b(?:delete|remove|wipe|drop)\s+(?:all|every|the)\s+(?:files?|emails?|records?|tables?|data(?:base)?|"
            r"users?|repos(?:itories)?)\b",
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    score: float
    pattern: str


def family_table() -> tuple[Family, ...]:
    return tuple(
        Family(name, score, "|".join(f"(?:{p})" for p in pats)) for name, (score, pats) in FAMILIES.items()
    )
