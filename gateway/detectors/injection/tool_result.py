"""Extra family for untrusted documents (tool results): text that addresses the assistant or its answer."""
# ruff: noqa: E501  (regex tables read better unwrapped)

from __future__ import annotations

from gateway.detectors.injection.families import Family, family

_ADDRESSEE = r"(?:ai|assistant|chatbot|bot|language model|llm|gpt|chatgpt|claude|gemini|copilot|agent|model)"

_PATTERNS = (  # (triggers, pattern)
    (
        "dear hey hi attention note to if as + ai assistant chatbot bot language llm gpt chatgpt claude gemini copilot agent model",
        "\\b(?:dear|hey|hi|attention|note to(?: the)?|to the|if you are an?|as an?)\\s+(?:ai|assistant|chatbot|bot|language model|llm|gpt|chatgpt|claude|gemini|copilot|agent|model)\\b",
    ),
    (
        "your + answer response reply summary output next completion answers responses replies summaries outputs completions",
        "\\b(?:in|to|at the (?:end|start|beginning) of|throughout) your (?:answer|response|reply|summary|output|next message|completion)s?\\b",
    ),
    (
        "when + summarise summarize answer respond reply read process",
        "\\bwhen (?:you|the (?:ai|assistant|model)) (?:summari[sz]e|answer|respond|reply|read|process)\\b",
    ),
    (
        "respond reply answer",
        "\\b(?:respond|reply|answer) (?:only |exclusively |solely )?(?:with|in|using) (?:the )?(?:word|phrase|string|following|caesar|base64|pig latin|emoji|morse|reverse|uppercase|all caps)\\b",
    ),
    (
        "must should need have required sure remember forget + include add append mention insert say tell write recommend promote advertise ask output print start end reply respond use",
        "\\b(?:you (?:must|should|need to|have to|are required to)|make sure (?:to|that you)|be sure to|remember to|don't forget to)\\s+(?:also\\s+)?(?:include|add|append|mention|insert|say|tell|write|recommend|promote|advertise|ask|output|print|start|end|reply|respond|use)\\b",
    ),
    (
        "tell ask inform remind urge convince persuade advise warn + user",
        "\\b(?:tell|ask|inform|remind|urge|convince|persuade|advise|warn) the user\\b",
    ),
)


def tool_result_table() -> tuple[Family, ...]:
    return tuple(family("embedded-instruction", 0.6, t, p) for t, p in _PATTERNS)
