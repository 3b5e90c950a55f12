"""Training and evaluation data of the learned injection tier: every source, its group, its split.

Sources (listed with provenance and licence in `gateway/detectors/data/MANIFEST.md`):

* DEV (`injection_dev.jsonl` beside the repository): grouped by origin for leave-one-source-out
  (CyberSecEval English + its machine translations are one group, the two self-instruct files one);
* the independent writers' files in `bench/training/` (`WRITERS`: `writer_a.jsonl` ...), one group
  each, for the cross-writer check;
* `bench/training/own.jsonl`: rows written for this script (groups `own`);
* the offline benign corpus (`benign_corpus.py`), ordinary benign text only.

Every labelled row gets a split from a hash of its id (80% train / 20% calib; the two halves of a
writer's contrastive pair share the benign half's id); the corpus keeps its own split by source file
(train / calib / test). Nothing here is random.
"""

from __future__ import annotations

import hashlib
import json
import sysconfig
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benign_corpus import Chunk, build_corpus, synthetic_requests

from gateway.evaluation.dataset import read_injection

HERE = Path(__file__).resolve().parent
TRAINING = HERE / "training"
_LATER = ("aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj", "ak", "al", "am")
WRITERS = tuple(f"writer_{w}" for w in (*"abcdefghijklmnopqrstuvwxyz", *_LATER))
# Writers whose files are small (N 24 rows, R 58, U 40) form one group, so that each weighs a third of
# one group rather than as much as an 800-row writer (`item_weights`), and they are held out together.
SMALL_WRITERS = {"writer_n": "writer-nru", "writer_r": "writer-nru", "writer_u": "writer-nru"}


def writer_group(name: str) -> str:
    return SMALL_WRITERS.get(name, name.replace("_", "-"))


DEV_GROUPS = {
    "purplellama-cyberseceval-pi": "cyberseceval",
    "purplellama-cyberseceval-pi-multilingual": "cyberseceval",
    "self-instruct-user-oriented": "self-instruct",
    "self-instruct-seed": "self-instruct",
    "bipia-train": "bipia",
    "gsm8k-test": "gsm8k",
    "spikee-seeds": "spikee-seeds",
    "spikee-investment-advice-fp": "spikee-fp",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled text. `profile` is where it is scanned: chat (user input) or document (tool result)."""

    text: str
    y: int
    profile: str
    group: str
    split: str
    hard: bool = False  # benign text written to look like an attack (about attacks, security work, ...)
    context_dependent: bool = False
    lang: str = ""

    @property
    def kind(self) -> str:
        return "direct" if self.profile == "chat" else "indirect"


def split_of(key: str, calib_share: int = 20) -> str:
    digit = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "calib" if digit < calib_share else "train"


def dev_items(path: Path) -> list[Item]:
    out = []
    for r in read_injection(path):
        out.append(
            Item(
                r.text,
                int(r.is_injection),
                "chat" if r.kind == "direct" else "document",
                DEV_GROUPS.get(r.source, r.source),
                split_of(r.id),
                False,
                r.context_dependent,
                str(r.meta.get("lang", "")),
            )
        )
    return out


def _folded(text: str) -> str:
    return " ".join(text.split())


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def contrastive_pairs(rows: Sequence[tuple[str, str, str]], slack: int = 2) -> dict[str, str]:
    """Rows `(id, label, text)` of one writer: each injection row that is a benign row of the same file
    with one passage inserted (same text before and after it, up to `slack` characters and whitespace
    runs), mapped to that benign row's id, and the benign row mapped to itself. Writer C built about 40%
    of its rows this way (`writer_c.md`: one host document, once clean and once with a payload); both
    halves of a pair must fall on one side of a split, or the calibration split holds the clean twin of
    a trained attack."""
    benign = [(rid, _folded(t)) for rid, label, t in rows if label == "benign"]
    attacks = [(rid, _folded(t)) for rid, label, t in rows if label == "injection"]
    head: dict[str, list[int]] = {}
    tail: dict[str, list[int]] = {}
    for k, (_, t) in enumerate(attacks):
        head.setdefault(t[:16], []).append(k)
        tail.setdefault(t[-16:], []).append(k)
    out: dict[str, str] = {}
    for bid, b in benign:
        for k in sorted(set(head.get(b[:16], [])) | set(tail.get(b[-16:], []))):
            aid, a = attacks[k]
            if aid in out or len(a) <= len(b):
                continue
            if _common_prefix(a, b) + _common_prefix(a[::-1], b[::-1]) >= len(b) - slack:
                out[aid] = out[bid] = bid
                break
    return out


def written_items(path: Path, group: str) -> list[Item]:
    """A writer's JSONL: one row per line with `text`, `label` (injection|benign), `kind` (direct|indirect)
    and optionally `lang` and `technique` (`benign_hard` marks hard benign text). The two halves of a
    contrastive pair (`contrastive_pairs`), and rows that name the same `pair` (one text written as a user
    message and inside tool output), share their split."""
    with path.open(encoding="utf-8") as fh:
        lines = [(n, json.loads(line)) for n, line in enumerate(fh, 1) if line.strip()]
    ids = [str(obj.get("id", f"{group}-{n}")) for n, obj in lines]
    pair = contrastive_pairs([(rid, obj.get("label"), obj["text"]) for rid, (_, obj) in zip(ids, lines, strict=True)])
    out = []
    for (n, obj), rid in zip(lines, ids, strict=True):
        meta = obj.get("meta") or {}
        label = obj.get("label")
        kind = obj.get("kind")
        if label not in ("injection", "benign") or kind not in ("direct", "indirect"):
            raise ValueError(f"{path}:{n}: label must be injection|benign and kind direct|indirect")
        technique = str(obj.get("technique", obj.get("category", "")))
        hard = bool(obj.get("hard", meta.get("hard", False))) or technique in ("benign_hard", "hard_benign")
        out.append(
            Item(
                obj["text"],
                int(label == "injection"),
                "chat" if kind == "direct" else "document",
                group,
                split_of(f"{group}:{obj.get('pair') or pair.get(rid, rid)}"),
                hard and label == "benign",
                False,
                str(obj.get("lang", meta.get("lang", ""))),
            )
        )
    return out


def corpus_chunks(cache: Path | None, seed: int, requests: int, sysroot: Path = Path("/usr")) -> list[Chunk]:
    if cache and cache.is_file():
        corpus = [Chunk(**json.loads(line)) for line in cache.open(encoding="utf-8")]
    else:
        import numpy as np

        site = Path(np.__file__).resolve().parents[1]
        corpus = build_corpus(site, Path(sysconfig.get_paths()["stdlib"]), sysroot, seed)
        if cache:
            with cache.open("w", encoding="utf-8") as fh:
                for c in corpus:
                    row = {"text": c.text, "origin": c.origin, "split": c.split, "profile": c.profile}
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return corpus + synthetic_requests(corpus, seed, requests)


def corpus_items(chunks: Iterable[Chunk]) -> list[Item]:
    return [Item(c.text, 0, c.profile, f"corpus:{c.origin}", c.split) for c in chunks]


def every_source(dev: Path, corpus: Sequence[Chunk], training: Path = TRAINING) -> list[Item]:
    items = dev_items(dev)
    for name in (*WRITERS, "own"):
        path = training / f"{name}.jsonl"
        if path.is_file():
            items.extend(written_items(path, writer_group(name)))
    return items + corpus_items(corpus)


def sample(items: Sequence[Item], n: int, salt: str) -> list[Item]:
    """A deterministic sample of `n` items (the `n` smallest hashes of text + salt)."""
    if len(items) <= n:
        return list(items)
    keyed = sorted(items, key=lambda it: hashlib.sha256((salt + it.text).encode("utf-8")).digest())
    return keyed[:n]


@dataclass(frozen=True, slots=True)
class Fold:
    """Train on `train`, pick thresholds on `calib` (never trained on), measure on `test`. `spare`: benign corpus
    chunks of the train split left out of the train sample, never trained on either, which join the calibration
    split's corpus chunks when the thresholds are bounded by the corpus."""

    name: str
    train: list[int]
    calib: list[int]
    test: list[int]
    spare: list[int] = field(default_factory=list)


ATTACK_GROUPS = ("cyberseceval", "bipia", "spikee-seeds")


def folds(items: Sequence[Item], which: str, corpus_train: int) -> list[Fold]:
    """`loso`: each DEV group held out in turn; `cross-writer`: DEV + one writer against the other;
    `final`: the shipped model (train split of everything, calibration split held apart)."""
    corpus_tr = [i for i, it in enumerate(items) if it.group.startswith("corpus:") and it.split == "train"]
    keep = set(sample([items[i] for i in corpus_tr], corpus_train, "corpus-train"))
    spare = [i for i in corpus_tr if items[i] not in keep]
    corpus_tr = [i for i in corpus_tr if items[i] in keep]
    corpus_cal = [i for i, it in enumerate(items) if it.group.startswith("corpus:") and it.split == "calib"]
    corpus_te = [i for i, it in enumerate(items) if it.group.startswith("corpus:") and it.split == "test"]
    labelled = [i for i, it in enumerate(items) if not it.group.startswith("corpus:")]

    def make(name: str, out: set[str]) -> Fold:
        rest = [i for i in labelled if items[i].group not in out]
        return Fold(
            name,
            [i for i in rest if items[i].split == "train"] + corpus_tr,
            [i for i in rest if items[i].split == "calib"] + corpus_cal,
            [i for i in labelled if items[i].group in out] + corpus_te,
            spare,
        )

    groups = sorted({items[i].group for i in labelled})
    if which == "loso":  # each DEV attack group alone; DEV's benign-only groups together (one fit, not three)
        benign_only = {"gsm8k", "self-instruct", "spikee-fp"}
        out = [make(f"loso:{g}", {g}) for g in groups if g in DEV_GROUPS.values() and g not in benign_only]
        return [*out, make("loso:dev-benign-only", benign_only)]
    if which == "cross-writer":  # each writer held out in turn, trained on DEV + the other writers
        present = [g for g in dict.fromkeys(writer_group(w) for w in WRITERS) if g in groups]
        return [make(f"xw:{g}", {g} | ({"own"} if "own" in groups else set())) for g in present]
    if which == "final":
        return [
            Fold(
                "final",
                [i for i in labelled if items[i].split == "train"] + corpus_tr,
                [i for i in labelled if items[i].split == "calib"] + corpus_cal,
                corpus_te,
                spare,
            )
        ]
    raise ValueError(which)


def item_weights(
    items: Sequence[Item], pos_share: float = 0.5, corpus_share: float = 0.5, hard_weight: float = 1.0
) -> list[float]:
    """Every attack group weighs the same; benign weight is split between the corpus and the labelled
    benign groups (each of those the same), so one big source cannot define 'attack' or 'benign'.
    Within a group a hard benign row (text about attacks, security work, withdrawals) counts
    `hard_weight` ordinary rows: it is where "talking about an attack" has to be told from "attacking"."""
    pos = Counter(it.group for it in items if it.y)
    neg: Counter[str] = Counter()
    for it in items:
        if not it.y and not it.group.startswith("corpus:"):
            neg[it.group] += hard_weight if it.hard else 1.0
    n_corpus = sum(1 for it in items if not it.y and it.group.startswith("corpus:"))
    out = [0.0] * len(items)
    for k, it in enumerate(items):
        if it.y:
            out[k] = pos_share / (len(pos) * pos[it.group])
        elif it.group.startswith("corpus:"):
            out[k] = (1 - pos_share) * corpus_share / max(1, n_corpus)
        else:
            share = (1 - pos_share) * (1 - corpus_share) / (len(neg) * neg[it.group])
            out[k] = share * (hard_weight if it.hard else 1.0)
    return out
