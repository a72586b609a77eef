"""Precision, recall and F1 per axis and per family, hard-negative false positives, levers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..detect.detector import ECONOMIC_AXES, ENVIRONMENTAL_AXES, SOCIAL_AXES, Detector
from ..detect.features import ClauseInput
from ..detect.rules import AXES
from .dataset import Example

FAMILIES = {
    "social": SOCIAL_AXES,
    "environmental": ENVIRONMENTAL_AXES,
    "economic": ECONOMIC_AXES,
}


def _prf(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float | int]:
    tp = sum(g and p for g, p in zip(gold, pred))
    n_pred, n_gold = sum(pred), sum(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": n_gold,
    }


def evaluate(detector: Detector, examples: Sequence[Example]) -> dict[str, Any]:
    labels = detector.label([ClauseInput(e.text, e.heading, e.doc_kind) for e in examples])
    gold = [set(e.axes) for e in examples]
    pred = [set(label.axes) for label in labels]
    axes = {a: _prf([a in g for g in gold], [a in p for p in pred]) for a in AXES}
    families = {
        name: _prf([bool(g & members) for g in gold], [bool(p & members) for p in pred])
        for name, members in FAMILIES.items()
    }
    hard = [p for e, p in zip(examples, pred) if e.negative == "hard"]
    routine = [p for e, p in zip(examples, pred) if e.negative == "routine"]
    positives = [(e, lab) for e, lab in zip(examples, labels) if e.axes]
    detected = [(e, lab) for e, lab in positives if lab.axes]
    lever_ok = sum(e.lever == (lab.lever.value if lab.lever else None) for e, lab in detected)
    return {
        "examples": len(examples),
        "axes": axes,
        "families": families,
        "any_axis": _prf([bool(g) for g in gold], [bool(p) for p in pred]),
        "hard_negative_false_positive_rate": round(
            sum(bool(p) for p in hard) / max(1, len(hard)), 4
        ),
        "hard_negatives": len(hard),
        "routine_negative_false_positive_rate": round(
            sum(bool(p) for p in routine) / max(1, len(routine)), 4
        ),
        "lever_accuracy_detected_positives": round(lever_ok / max(1, len(detected)), 4),
        "lever_accuracy_all_positives": round(lever_ok / max(1, len(positives)), 4),
        "positives": len(positives),
    }


def format_metrics(metrics: dict[str, Any]) -> str:
    """A plain table for the terminal (French headings, like every user-facing text)."""
    lines = [f"{'axe / famille':<26} {'précision':>9} {'rappel':>7} {'F1':>6} {'n':>5}"]
    for section in ("families", "axes"):
        for name, m in metrics[section].items():
            lines.append(
                f"{name:<26} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} "
                f"{m['support']:>5}"
            )
        lines.append("")
    lines.append(
        "faux positifs sur négatifs difficiles : "
        f"{metrics['hard_negative_false_positive_rate']:.1%}"
        f" ({metrics['hard_negatives']} exemples)"
    )
    lines.append(
        "faux positifs sur négatifs ordinaires : "
        f"{metrics['routine_negative_false_positive_rate']:.1%}"
    )
    lines.append(
        "exactitude du levier (positifs détectés) : "
        f"{metrics['lever_accuracy_detected_positives']:.3f}"
        f" ; (tous les positifs) : {metrics['lever_accuracy_all_positives']:.3f}"
    )
    return "\n".join(lines)
