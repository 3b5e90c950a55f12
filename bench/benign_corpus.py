"""The offline benign corpus: text installed on this machine, chunked, split by source file.

Used to train the learned injection tier (`train_injection_model.py`) and to measure the rule tier's
false-positive rate (`injection_fpr.py`). None of it comes from the evaluation sources and none of it is
injection data; no corpus text is shipped anywhere:

* `man-en`, `man-l10n`: manual pages (roff stripped), English and the localised pages installed
  with the system;
* `gettext`: translated UI message catalogs (`.mo` files under the system locale directory);
* `sysdoc`: package documentation (READMEs, NEWS, changelogs, copyright/licence files);
* `pydoc`: README-like documentation of the installed Python packages;
* `pycode`: Python source of the standard library and installed packages (code, docstrings,
  comments, string literals);
* `data`: small JSON/CSV/TSV/INI-like data files;
* `requests`: benign user requests built from templates written for this script, wrapping chunks.

Text is cut into chunks of log-uniform length (30 to 3,000 characters) at paragraph or line breaks;
chunks under 300 characters are chat-sized, longer ones documents. Chunks mentioning "prompt
injection", "jailbreak" or "ignore previous instructions" are dropped. The split into
train/calibration/test is by source file (a hash of its path). Deterministic for a given machine.
"""

from __future__ import annotations

import gettext
import gzip
import hashlib
import math
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

EXCLUDE = re.compile(
    r"prompt[ -]injection|jailbreak|ignore (?:all )?(?:the )?(?:previous|prior|above) instructions", re.I
)
CAPS = {
    "man-en": 12000,
    "man-l10n": 16000,
    "gettext": 30000,
    "sysdoc": 12000,
    "pydoc": 16000,
    "pycode": 20000,
    "data": 4000,
}
CHAT_MAX = 300


@dataclass(frozen=True, slots=True)
class Chunk:
    text: str
    origin: str
    split: str  # train | calib | test
    profile: str


# ----------------------------------------------------------------------------------------- corpus


def _split_of(key: str) -> str:
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 10
    return "calib" if h == 0 else "test" if h == 1 else "train"


_ROFF_ESC = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)|\\\(..|\\\[[^\]]*\]|\\[*n]\(?..|\\s[-+]?\d|\\[&|^%:]")


def _roff(raw: str) -> str:
    out = []
    for line in raw.splitlines():
        if line.startswith(('.\\"', "'\\\"", ".\\}")):
            continue
        if line.startswith((".", "'")):
            parts = line[1:].split(None, 1)
            if not parts:
                continue
            if parts[0] in ("PP", "LP", "P", "TP", "IP", "sp", "br", "SH", "SS", "HP"):
                out.append("")
            if len(parts) > 1 and parts[0] not in ("TH", "so", "de", "ds", "nr", "ie", "if", "el", "ta", "ft"):
                out.append(parts[1].replace('"', ""))
            continue
        out.append(line)
    text = "\n".join(out)
    text = _ROFF_ESC.sub("", text).replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ")
    return text


def _read(path: Path, limit: int = 200_000) -> str:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(limit)
        else:
            with path.open("rb") as fh:
                data = fh.read(limit)
    except (OSError, EOFError):
        return ""
    if b"\x00" in data[:4096]:
        return ""
    return data.decode("utf-8", errors="replace")


_DOCSTRING = re.compile(r'("""|\'\'\')(.*?)\1', re.S)
_COMMENT = re.compile(r"^\s*#\s?(.*)$", re.M)
_STRING = re.compile(r'"([^"\\\n]{25,})"|\'([^\'\\\n]{25,})\'')


def _python_parts(src: str, rng: random.Random) -> Iterator[str]:
    yield from (m.group(2) for m in _DOCSTRING.finditer(src))
    comments = [m.group(1) for m in _COMMENT.finditer(src) if len(m.group(1)) > 3]
    for i in range(0, len(comments), 8):
        yield "\n".join(comments[i : i + 8])
    strings = [m.group(1) or m.group(2) for m in _STRING.finditer(src)]
    for i in range(0, len(strings), 4):
        yield "\n".join(strings[i : i + 4])
    lines = src.splitlines()
    if lines:
        for _ in range(2):
            start = rng.randrange(len(lines))
            yield "\n".join(lines[start : start + rng.randint(5, 60)])


def _chunks(text: str, rng: random.Random) -> Iterator[str]:
    """Cut at paragraph/line breaks into pieces of log-uniform target length."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    buf: list[str] = []
    size = 0
    target = math.exp(rng.uniform(math.log(30), math.log(3000)))
    for p in paras:
        while len(p) > 2 * target and len(p) > 200:
            cut = p.rfind("\n", 0, int(target)) if "\n" in p[: int(target)] else p.rfind(" ", 0, int(target))
            cut = cut if cut > 20 else int(target)
            yield p[:cut].strip()
            p = p[cut:].strip()
            target = math.exp(rng.uniform(math.log(30), math.log(3000)))
        buf.append(p)
        size += len(p)
        if size >= target:
            yield "\n\n".join(buf)
            buf, size = [], 0
            target = math.exp(rng.uniform(math.log(30), math.log(3000)))
    if buf:
        yield "\n\n".join(buf)


def _sources(site: Path, stdlib: Path, sysroot: Path) -> Iterator[tuple[str, Path]]:
    man = sysroot / "share/man"
    for p in sorted(man.glob("man*/*")):
        yield "man-en", p
    for p in sorted(man.glob("[a-z][a-z]*/man*/*")):
        if not p.parent.parent.name.startswith("man"):
            yield "man-l10n", p
    for p in sorted((sysroot / "share/locale").glob("*/LC_MESSAGES/*.mo")):
        yield "gettext", p
    for p in sorted((sysroot / "share/doc").rglob("*")):
        if p.is_file() and p.suffix not in (".html", ".png", ".svg", ".jpg", ".pdf", ".js", ".css"):
            yield "sysdoc", p
    for root in (site, stdlib):
        for p in sorted(root.rglob("*")):
            if not p.is_file():
                continue
            name = p.name
            if name == "METADATA" or p.suffix in (".md", ".rst") or (p.suffix == ".txt" and "LICENSE" not in name):
                yield "pydoc", p
            elif p.suffix == ".py":
                yield "pycode", p
            elif p.suffix in (".json", ".csv", ".tsv", ".cfg", ".ini", ".toml", ".yaml", ".yml"):
                yield "data", p


def build_corpus(site: Path, stdlib: Path, sysroot: Path, seed: int) -> list[Chunk]:
    by_origin: dict[str, list[Path]] = {}
    for origin, path in _sources(site, stdlib, sysroot):
        by_origin.setdefault(origin, []).append(path)
    out: list[Chunk] = []
    seen: set[str] = set()
    for origin in sorted(by_origin):
        rng = random.Random(f"{seed}-{origin}")
        paths = by_origin[origin]
        rng.shuffle(paths)
        made = 0
        for path in paths:
            if made >= CAPS[origin]:
                break
            key = str(path.relative_to(path.anchor))
            split = _split_of(key)
            if origin == "gettext":
                try:
                    with path.open("rb") as fh:
                        cat = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
                except Exception:
                    continue
                msgs = [v for k, v in cat.items() if k and isinstance(v, str) and len(v) > 2]
                rng.shuffle(msgs)
                msgs = msgs[:200]
                parts: Iterable[str] = (
                    rng.choice(("\n", " ", ". ")).join(msgs[i : i + rng.randint(1, 12)]) for i in range(0, len(msgs), 6)
                )
            else:
                raw = _read(path)
                if not raw.strip():
                    continue
                if origin.startswith("man"):
                    raw = _roff(raw)
                if origin == "pycode":
                    parts = [c for part in _python_parts(raw, rng) for c in _chunks(part, rng)]
                elif origin == "data":
                    parts = [raw[: rng.randint(80, 3000)]]
                else:
                    parts = list(_chunks(raw, rng))
                    if len(parts) > 12:
                        parts = rng.sample(parts, 12)
            for text in parts:
                text = text.strip()
                if len(text) < 20 or EXCLUDE.search(text):
                    continue
                h = hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()
                if h in seen:
                    continue
                seen.add(h)
                profile = "chat" if len(text) < CHAT_MAX else "document"
                out.append(Chunk(text, origin, split, profile))
                made += 1
    return out


# Benign chat requests written for this script (not taken from any dataset): the offline corpus has
# no text a user types to an assistant, so without these the model learns "a request is an attack".
# Topics come from the corpus chunk being wrapped (its first line) or the whole chunk as material.
REQUESTS = {
    "en": [
        "Explain how {t} works.",
        "Can you explain {t} in simple terms?",
        "What is {t}?",
        "Summarize the following text:\n\n{d}",
        "Translate this into German:\n{d}",
        "Write a short paragraph about {t}.",
        "Give me three examples of {t}.",
        "Who wrote {t}?",
        "Describe the main features of {t}.",
        "Tell me more about {t}, please.",
        "Please answer the following question about this text.\n\n{d}\n\nWhat is it about?",
        "Fix the grammar in this sentence: {t}",
        "Write a Python function that handles {t}.",
        "Here is some output from my terminal, what does it mean?\n\n{d}",
        "Rewrite this paragraph in a more formal tone:\n{d}",
        "List the pros and cons of {t}.",
        "I need help with {t}. Where should I start?",
        "Compare {t} with the alternatives.",
        "Reply with a short summary of {t}.",
        "How do I configure {t}?",
        "Review this code and tell me if there are bugs:\n\n{d}",
        "What does this error mean? {t}",
    ],
    "es": [
        "¿Qué es {t}?",
        "Explica cómo funciona {t}.",
        "Resume el siguiente texto:\n{d}",
        "¿Puedes darme ejemplos de {t}?",
    ],
    "pt": [
        "O que é {t}?",
        "Explique como funciona {t}.",
        "Resuma o texto a seguir:\n{d}",
        "Você pode me dar exemplos de {t}?",
    ],
    "fr": [
        "Qu'est-ce que {t} ?",
        "Explique-moi comment fonctionne {t}.",
        "Résume le texte suivant :\n{d}",
        "Peux-tu me donner des exemples de {t} ?",
    ],
    "de": [
        "Was ist {t}?",
        "Erkläre mir, wie {t} funktioniert.",
        "Fasse den folgenden Text zusammen:\n{d}",
        "Kannst du mir Beispiele für {t} geben?",
    ],
    "it": [
        "Che cos'è {t}?",
        "Spiegami come funziona {t}.",
        "Riassumi il seguente testo:\n{d}",
        "Puoi darmi degli esempi di {t}?",
    ],
    "ru": [
        "Что такое {t}?",
        "Объясни, как работает {t}.",
        "Кратко перескажи следующий текст:\n{d}",
        "Можешь привести примеры {t}?",
    ],
    "tr": ["{t} nedir?", "{t} nasıl çalışır, açıklar mısın?", "Aşağıdaki metni özetle:\n{d}"],
    "id": ["Apa itu {t}?", "Jelaskan cara kerja {t}.", "Ringkas teks berikut:\n{d}"],
    "vi": ["{t} là gì?", "Giải thích cách {t} hoạt động.", "Tóm tắt đoạn văn sau:\n{d}"],
    "ar": [
        "ما هو {t}؟",
        "اشرح كيف يعمل {t}.",
        "لخص النص التالي:\n{d}",
        "متى ظهر {t}؟",
        "أين يمكنني أن أجد {t}؟",
        "هل يمكنك أن تشرح {t}؟",
    ],
    "hi": ["{t} क्या है?", "समझाइए कि {t} कैसे काम करता है।", "निम्नलिखित पाठ का सारांश दीजिए:\n{d}"],
    "bn": ["{t} কী?", "{t} কীভাবে কাজ করে ব্যাখ্যা করুন।", "নিচের লেখাটির সারাংশ দিন:\n{d}"],
    "zh": ["什么是{t}？", "请解释{t}是如何工作的。", "请总结以下内容：\n{d}", "告诉我关于{t}的信息。"],
    "ja": ["{t}とは何ですか？", "{t}の仕組みを説明してください。", "次の文章を要約してください：\n{d}"],
    "ko": ["{t}이란 무엇인가요?", "{t}이 어떻게 작동하는지 설명해 주세요.", "다음 글을 요약해 주세요:\n{d}"],
    "th": ["{t} คืออะไร", "ช่วยอธิบายว่า {t} ทำงานอย่างไร", "ช่วยสรุปข้อความต่อไปนี้:\n{d}"],
    "tl": ["Ano ang {t}?", "Ipaliwanag kung paano gumagana ang {t}.", "Ibuod ang sumusunod na teksto:\n{d}"],
    "el": ["Τι είναι το {t};", "Πώς λειτουργεί το {t};", "Συνόψισε το παρακάτω κείμενο:\n{d}"],
}


def synthetic_requests(corpus: Sequence[Chunk], seed: int, n: int) -> list[Chunk]:
    """Wrap corpus chunks into benign user requests; a request inherits its chunk's split."""
    rng = random.Random(f"{seed}-requests")
    pool = [c for c in corpus if c.origin != "data"]
    langs = sorted(REQUESTS)
    out = []
    for _ in range(n):
        c = rng.choice(pool)
        lang = "en" if rng.random() < 0.5 else rng.choice(langs)
        tpl = rng.choice(REQUESTS[lang])
        first = c.text.strip().splitlines()[0][:80].strip(" .:#*")
        text = tpl.format(t=first, d=c.text[: rng.randint(60, 1500)])
        out.append(Chunk(text, "requests", c.split, "chat"))
    return out
