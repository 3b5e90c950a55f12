"""Train the injection classifier (pure Python logistic regression) and report leave-one-source-out numbers."""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Sequence
from pathlib import Path

from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import MODEL_FILE, Classifier, features
from gateway.evaluation.dataset import InjectionRow, read_injection
from gateway.evaluation.metrics import confusion

# Sources grouped so a held-out group shares no text with training: the multilingual CyberSecEval
# file is a translation of the English one, and the two self-instruct files share authors.
GROUPS = {
    "purplellama-cyberseceval-pi": "cyberseceval",
    "purplellama-cyberseceval-pi-multilingual": "cyberseceval",
    "self-instruct-user-oriented": "self-instruct",
    "self-instruct-seed": "self-instruct",
}


def profile(row: InjectionRow) -> str:
    return (Profile.DOCUMENT if row.kind == "indirect" else Profile.CHAT).value


def train(rows: Sequence[InjectionRow], epochs: int, l2: float, seed: int) -> tuple[dict[str, float], float]:
    """Adagrad on the logistic loss with L2; classes weighted to balance."""
    data = [(set(features(r.text, profile(r))), 1.0 if r.is_injection else 0.0) for r in rows]
    pos = sum(y for _, y in data)
    w_pos, w_neg = len(data) / (2 * pos), len(data) / (2 * (len(data) - pos))
    weights: dict[str, float] = {}
    grads: dict[str, float] = {}
    bias, gbias, lr = 0.0, 1e-8, 0.5
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, y in data:
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = (p - y) * (w_pos if y else w_neg)
            gbias += g * g
            bias -= lr * g / math.sqrt(gbias)
            for f in feats:
                w = weights.get(f, 0.0)
                gf = g + l2 * w
                grads[f] = grads.get(f, 1e-8) + gf * gf
                weights[f] = w - lr * gf / math.sqrt(grads[f])
    return weights, bias


def prune(weights: dict[str, float], keep: int) -> dict[str, float]:
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:keep]
    return {k: round(v, 4) for k, v in top if abs(v) >= 1e-3}


def evaluate(rows: Sequence[InjectionRow], model: Classifier | None, threshold: float) -> dict[str, object]:
    chat = InjectionDetector("injection", Profile.CHAT, model)
    doc = InjectionDetector("injection", Profile.DOCUMENT, model)
    preds = []
    for r in rows:
        det = doc if r.kind == "indirect" else chat
        preds.append(max((f.score for f in det.scan(r.text)), default=0.0) >= threshold)
    c = confusion((r.is_injection, p) for r, p in zip(rows, preds, strict=True))
    return {"rows": len(rows), **c.as_dict()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", type=Path, help="injection JSONL (the DEV file)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parents[1] / "gateway/detectors/data" / MODEL_FILE)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--keep", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows = read_injection(args.data)
    group = {r.id: GROUPS.get(r.source, r.source) for r in rows}
    report: dict[str, object] = {}
    for held in sorted(set(group.values())):
        train_rows = [r for r in rows if group[r.id] != held]
        test_rows = [r for r in rows if group[r.id] == held]
        w, b = train(train_rows, args.epochs, args.l2, args.seed)
        model = Classifier(prune(w, args.keep), b)
        report[held] = {
            "rules_only": evaluate(test_rows, None, args.threshold),
            "rules_plus_classifier": evaluate(test_rows, model, args.threshold),
        }
        print(held, json.dumps(report[held]), flush=True)
    w, b = train(rows, args.epochs, args.l2, args.seed)
    kept = prune(w, args.keep)
    if not args.no_write:
        meta = {"trained_on": args.data.name, "rows": len(rows), "epochs": args.epochs, "l2": args.l2}
        args.out.write_text(json.dumps({"bias": round(b, 4), "weights": kept, "meta": meta}, ensure_ascii=False))
        print(f"wrote {args.out} ({len(kept)} features, {args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
