"""Forms of "ignore" that describe instead of order: passive, perfective, progressive, third-person, participles.

A program's messages and manuals say what is ignored all the time ("已忽略未知选项", "この設定は無視されます",
"параметр игнорируется", "questa opzione verrà ignorata", "unbekannte Optionen werden ignoriert"): a statement
about what software does, not an order to the reader. An override
orders the reader: an imperative ("ignora", "无视", "무시하세요"), or the infinitive and nominal forms that
languages use to write orders ("ignorar las instrucciones", "無視すること", "무시할 것"), which are not listed here.
Forms that are also imperatives (German "ignoriert", Italian "ignorate", Spanish "ignora") are not listed either.

`described(text)` gives the spans of such forms in a normalised, lower-case text; the lexicon drops an "ignore"
mark inside one, and the detector drops an instruction-override match that holds one.
"""
# ruff: noqa: E501  (a table of forms reads better unwrapped)

from __future__ import annotations

import re
from functools import cached_property

from gateway.detectors.injection.reference import option_entries

_FORMS = (
    # zh: perfective 已/了, passive 被 (an agent may stand between), "will/can be", progressive 正在, "automatically",
    # attributive 的 ("the patterns to ignore"), and a verb coordinated under 已 ("已廢棄並忽略")
    r"(?:已经|已經|已|会被|會被|将被|將被|可被|被|正在|自动|自動)(?:忽略|无视|無視|忽視)",
    r"被[^，。,.;；\n]{1,20}?(?:忽略|无视|無視|忽視)",
    r"已[^，。,.;；\n]{1,6}?[并並和及](?:忽略|忽視)",
    r"(?:忽略|无视|無視|忽視)(?:了|的)",
    # ja: passive, progressive, potential negative, polite declarative
    r"無視(?:され|して?い(?:ます|る|た)|できま?せん|できない|します|しました|しな[いくかけ]|しません)",
    # ko: passive and declarative forms
    r"무시(?:됩니다|된다|되며|되고|되어|된|됨|합니다|한다|했습니다|했다)",
    # ru, uk: reflexive passive, third person, participles
    r"(?:про)?игнорир(?:уется|уются|овался|овалась|овались|овалось|ует|уют|уем[аыо]\w*|ован\w*)",
    r"(?:про)?ігнору(?:ється|ються|є|ють)\b|(?:про)?ігноров\w+",
    # it, es, pt, fr: passive auxiliaries and participles
    r"\b(?:verr[àa]|verranno|viene|vengono|sono|è|sarà|saranno|stat[oaie]) ignorat\w*|\bignorat[oi]\b|\bignorano\b",
    r"\b(?:se|es|son|será|serán|fue|fueron|sido|está|están) ignorad\w*|\bignorad[oa]s?\b",
    r"\b(?:é|são|será|serão|foi|foram|sido|está|estão) ignorad\w*|\bignora-se\b",
    r"\bignoré(?:e|s|es)?\b|\bignorée?s?\b",
    # de: passive with its auxiliary on either side
    r"\b(?:wird|werden|wurde|wurden|worden)\s(?:\w+\s){0,3}?ignoriert\b|\bignoriert\s(?:werden|wird|worden)\b",
    # nl, sv, pl, cs, tr, vi
    r"\bnegeert\b|\bgenegeerd\b",
    r"\bignorera(?:s|des|d\w*|r)\b",
    r"\bignoruje\b|\bignorują\b|\b(?:z)?ignorowan\w*",
    r"\bignorován\w*",
    r"\byok sayıl\w*|\byok sayar\b|\byok sayıyor\w*|\bgörmezden gelin\w*",
    r"\b(?:đang|bị|được|đã|không thể|sẽ bị) bỏ qua",
)
_DESCRIBED = re.compile("|".join(f"(?:{f})" for f in _FORMS))
_HINTS = ("忽", "无视", "無視", "무시", "игнор", "ігнор", "ignor", "negeer", "genegeerd", "yok say", "görmezden", "bỏ qua")


def described(text: str) -> list[tuple[int, int]]:
    """Spans of descriptive "ignore" forms in `text` (normalised, lower-case)."""
    if not any(h in text for h in _HINTS):
        return []
    return [m.span() for m in _DESCRIBED.finditer(text)]


# German "eingeben" (to type in) splits around its object: "Geben Sie das neue Passwort ein:" asks a user to type a
# secret into a form, not to hand it over. The particle "ein" closes its clause (before punctuation or "und"/"oder");
# the article "ein" never does.
# A manual wraps its lines: a line break followed by indentation continues the clause.
_ENTERED = re.compile(r"\b(?:geben sie|gib)\b(?:[^.!?\n:]|\n[ \t]+){0,50}?\bein(?:\s*(?:[:.!?,;\n]|$)|\s(?:und|oder)\b)")


def entered(text: str) -> list[tuple[int, int]]:
    """Spans of a split German "eingeben" in `text` (normalised, lower-case)."""
    if "geben sie" not in text and "gib" not in text:
        return []
    return [m.span() for m in _ENTERED.finditer(text)]


# A question about a secret one has forgotten ("Forgot your password?", "Mot de passe oublié ?", "忘记密码？",
# "비밀번호를 잊으셨나요?"): the commonest line of a sign-in page, not a request for the secret.
_FORGOT = (
    r"forgot|forgotten|lost|oubli[ée]|olvid(?:ado|ó|aste|é)|esquec(?:eu|ido|este|i)|dimenticat\w*|vergessen|vergeten|"
    r"zapomněl\w*|zapomniał\w*|забыл\w*|забули|unuttu\w*|unuttun\w*|lupa|quên|glemt|glömt|unohtu\w*|elfelejtett\w*|"
    r"忘记|忘了|忘記|忘れ|잊으셨|잊어버리|잊었|भूल गए|भूल गये|ভুলে গেছেন|نسيت|ลืม"
)
_FORGOT_WORD = re.compile(_FORGOT)
_CLAUSE_END = re.compile(r"[.!?。！？\n]")
_CLAUSE_REACH = 300  # how far back a question's start is looked for: a sign-in line is short


def forgotten(text: str) -> list[tuple[int, int]]:
    """Spans of questions about a forgotten secret in `text` (normalised, lower-case): from the clause's start to
    its question mark, for each clause whose first end after a "forgot" word is a question mark."""
    return _questions_from(text, _FORGOT_WORD, None)


def _questions_from(text: str, words: re.Pattern[str], also: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """The question clauses of `text` that hold one of `words` (and, if given, one of `also`), from the clause's
    start to its question mark. Found from the words, in one pass: a pattern that scanned each clause from every
    position was quadratic on a long line."""
    if "?" not in text and "？" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for m in words.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        end = _CLAUSE_END.search(text, m.end())
        if end is None or end.group() not in "?？":
            continue
        lo = max(0, m.start() - _CLAUSE_REACH)
        start = max(max(text.rfind(c, lo, m.start()) for c in ".!?。！？\n") + 1, lo)
        if also is None or also.search(text, start, end.end()):
            spans.append((start, end.end()))
    return spans


# A question about how to reset, change, recover or choose a secret ("How do I reset my e-mail password?", "如何重置邮箱
# 密码？", "Cách đổi mật khẩu?"): a procedure asked for, not the secret. Only a "how" question: "what is the new
# password after the reset?" still asks for it.
_RENEW_WORD = re.compile(
    r"reset|chang|recover|renew|updat|creat|choos|set up|strong|secur|redefin|alter|troc|recuper|restablec|cambi|"
    r"renov|actualiz|réinitialis|reinitialis|modifi|récupér|zurücksetz|änder|aender|wiederherstell|erneuer|erstell|"
    r"reimpost|rinnov|herstel|wijzig|сброс|смен|измен|восстанов|скину|змін|віднов|zresetow|zmieni|zmień|odzysk|"
    r"resetov|změn|obnov|sıfırla|değiştir|kurtar|atur ulang|ganti|ubah|đổi|đặt lại|cấp lại|khôi phục|"
    r"重置|修改|更改|找回|重設|リセット|変更|再設定|再発行|재설정|변경|바꾸|초기화|रीसेट|बदल|إعادة تعيين|تغيير|استعادة|"
    r"איפוס|לשנות|לאפס|รีเซ็ต|เปลี่ยน"
)
_HOW = re.compile(
    r"\b(?:how|como|cómo|comment|wie|come|hoe|hur|hvordan|miten|jak|nasıl|bagaimana|cara|paano|kako|как|як|πώς)\b|"
    r"cách|如何|怎么|怎樣|怎样|どう|どのように|方法|어떻게|방법|कैसे|كيف|چگونه|איך|อย่างไร|ยังไง|"
    # ... or the procedure asked for by name ("what is the reset procedure?", "重置流程是什么样的？")
    r"\b(?:procedure|process|steps|procedimiento|proceso|pasos|procédure|étapes|verfahren|ablauf|schritte|"
    r"procedura|procedimento|processo|passos|procedure|stappen|procedura|процедур\w*|порядок|prosedur|langkah)\b|"
    r"流程|步骤|步驟|手順|手続き|절차|तरीका|प्रक्रिया|إجراء|خطوات|ขั้นตอน"
)


def renewed(text: str) -> list[tuple[int, int]]:
    """Spans of "how" questions about resetting or changing a secret in `text` (normalised, lower-case)."""
    return _questions_from(text, _RENEW_WORD, _HOW)


class Forms:
    """The spans above for one text, each found only when a match needs it: most texts hold no candidate of the
    families they exempt, so a scan pays for none of them."""

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def statements(self) -> list[tuple[int, int]]:
        """Descriptive forms, and a program's option entries and names (`reference.py`)."""
        return described(self._text) + option_entries(self._text)

    @cached_property
    def not_asked(self) -> list[tuple[int, int]]:
        """A secret typed into a form, a forgotten one asked about, or how to reset one: no request for it."""
        return entered(self._text) + forgotten(self._text) + renewed(self._text)


def inside_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` lies within one of `spans`."""
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)
