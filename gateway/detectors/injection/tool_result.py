"""Extra family for untrusted documents (tool results): text that addresses the assistant or its answer."""
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

from gateway.detectors.injection.families import Family

_ADDRESSEE = r"(?:ai|assistant|chatbot|bot|language model|llm|gpt|chatgpt|claude|gemini|copilot|agent|model)"

_PATTERNS = (
    rf"\b(?:dear|hey|hi|attention|note to(?: the)?|to the|if you are an?|as an?)\s+{_ADDRESSEE}\b",
    r"\b(?:in|to|at the (?:end|start|beginning) of|throughout) your (?:answer|response|reply|summary|output|"
    r"next message|completion)s?\b",
    r"\bwhen (?:you|the (?:ai|assistant|model)) (?:summari[sz]e|answer|respond|reply|read|process)\b",
    r"\b(?:respond|reply|answer) (?:only |exclusively |solely )?(?:with|in|using) (?:the )?(?:word|phrase|string|"
    r"following|caesar|base64|pig latin|emoji|morse|reverse|uppercase|all caps)\b",
    r"\b(?:you (?:must|should|need to|have to|are required to)|make sure (?:to|that you)|be sure to|"
    r"remember to|don't forget to)\s+(?:also\s+)?(?:include|add|append|mention|insert|say|tell|write|recommend|"
    r"promote|advertise|ask|output|print|start|end|reply|respond|use)\b",
    r"\b(?:tell|ask|inform|remind|urge|convince|persuade|advise|warn) the user\b",
)


def tool_result_table() -> tuple[Family, ...]:
    return (Family("embedded-instruction", 0.6, "|".join(f"(?:{p})" for p in _PATTERNS)),)
