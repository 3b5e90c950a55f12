"""The corpus bound of the learned injection tier's thresholds: what the model adds to the rules' false positives on
benign corpus chunks it was never trained on, and the least raise of a placement's thresholds that keeps it within a
limit (`bench/train_injection_model.py` calls it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from injection_data import Item

from gateway.detectors.injection import InjectionDetector, Profile
from gateway.detectors.injection.classifier import Classifier

# What the model may add to the rules' false positives on the benign corpus's calibration split, per placement
# (share of that split's chunks of the placement). Eleventh session: with more writers in training the
# quantiles above came out lower and the model added 0.28 points on the corpus's test split for tool results
# (rules alone 0.77%, the 1% target broken); the ninth round added 0.19. The bound holds the whole detector, not
# the model's raw scores, to the corpus: a boost counts only where a rule cue is there for it to complete.
CORPUS_ADDED = {"chat": 0.0008, "document": 0.0015}


@dataclass(frozen=True, slots=True)
class CorpusVerdict:
    """One benign corpus chunk of the calibration split: its placement, whether the rules alone flag it, whether
    a boost-level model score would tip it over (a rule cue is there), and the model's raw probability."""

    profile: str
    rules: bool
    boostable: bool
    p: float


def corpus_verdicts(items: Sequence[Item], probs: Sequence[float], always_boost: Classifier) -> list[CorpusVerdict]:
    """`always_boost`: the model with thresholds that give every text a boost-level score."""
    z = [(it, pr) for it, pr in zip(items, probs, strict=True) if is_corpus(it)]
    rules = detector_flags([it for it, _ in z], None)
    boost = detector_flags([it for it, _ in z], always_boost)
    return [CorpusVerdict(it.profile, r, b, pr) for (it, pr), r, b in zip(z, rules, boost, strict=True)]


def added_share(verdicts: Sequence[CorpusVerdict], profile: str, block: float, boost: float) -> float:
    mine = [v for v in verdicts if v.profile == profile]
    added = sum(1 for v in mine if not v.rules and (v.p >= block or (v.boostable and v.p >= boost)))
    return added / len(mine) if mine else 0.0


def bound_by_corpus(
    cal: dict[str, dict[str, float]], verdicts: Sequence[CorpusVerdict], limits: dict[str, float] | None = None
) -> dict[str, dict[str, float]]:
    """Raise both thresholds of a placement by the least common shift (searched on a 1e-4 grid) that keeps what
    the model adds on the corpus's calibration split within `limits` (default CORPUS_ADDED)."""
    limits = CORPUS_ADDED if limits is None else limits
    out = {}
    for prof, t in cal.items():
        def moved(steps: int, t: dict[str, float] = t) -> dict[str, float]:
            return {k: round(min(0.9999, t[k] + steps / 10_000), 6) for k in ("block", "boost")}

        def within(steps: int, prof: str = prof) -> bool:
            m = moved(steps)
            return added_share(verdicts, prof, m["block"], m["boost"]) <= limits[prof]

        lo, hi = 0, 10_000
        while lo < hi:  # the least step count within the limit (10,000 steps reach 0.9999 from anywhere)
            mid = (lo + hi) // 2
            if within(mid):
                hi = mid
            else:
                lo = mid + 1
        out[prof] = moved(hi)
    return out


def shipped_added(pool: Sequence[Item], shipped: Classifier) -> dict[str, float]:
    """What the shipped model adds to the rules on the corpus chunks of `pool` at its own thresholds: the figure a
    new fit's bound is held to."""
    probs = [shipped.raw_probability(it.text) for it in pool]
    own = shipped._thresholds
    always_boost = Classifier(
        shipped._weights, shipped._bias, thresholds={prof: {"block": 1.0, "boost": 0.0} for prof in own},
        window=shipped._window, words=shipped._words, concepts=shipped._concepts, layer=shipped._layer,
    )
    verdicts = corpus_verdicts(pool, probs, always_boost)
    return {prof: added_share(verdicts, prof, t["block"], t["boost"]) for prof, t in own.items()}


def detector_flags(items: Sequence[Item], model: Classifier | None) -> list[bool]:
    det = {
        "chat": InjectionDetector("injection", Profile.CHAT, model),
        "document": InjectionDetector("injection", Profile.DOCUMENT, model),
    }
    return [max((f.score for f in det[it.profile].scan(it.text)), default=0.0) >= 0.5 for it in items]


def is_corpus(it: Item) -> bool:
    return it.group.startswith("corpus:")
