"""Rules + classifier → one calibrated score per clause and axis, with the evidence kept.

An axis is flagged when its own calibrated score passes its threshold *and* the relevance
model (one score for "any axis at all") passes its own: the second opinion is what keeps a new
author's routine clause about energy meters or mowing out of the findings.

The rule matches are features of the model, so the model learns how far to trust each rule
(a false friend's weight comes out negative). Two things stay outside the model because a
handful of training sentences cannot teach them reliably: a clause that *says* the
consideration is absent ("ne comporte pas de clause d'insertion") is vetoed for the axes the
negation names, unless other evidence stands outside the negated sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
from spacy.language import Language

from ..nlp import analyse, load_pipeline
from ..types import ClauseLabel, Evidence, Lever
from . import model as model_io
from .features import ClauseInput, feature_matrix, feature_row
from .model import Model
from .rules import Role, RuleMatch, RuleMatcher, RuleSet, default_rules

SOCIAL_AXES = frozenset({"insertion", "handicap_reserve", "egalite_conditions"})
ENVIRONMENTAL_AXES = frozenset(
    {"climat_energie", "circularite_ressources", "biodiversite_sante", "alimentation_durable"}
)
ECONOMIC_AXES = frozenset({"economie_pme_innovation"})
NEGATED_CAP = 0.05  # score left to an axis whose absence the clause states
TOP_FEATURES = 3


class Detector:
    """Labels clause texts; build it once per process (it holds the spaCy and sklearn models)."""

    def __init__(self, model: Model, rules: RuleSet, nlp: Language) -> None:
        self.model = model
        self.rules = rules
        self.nlp = nlp
        self.matcher = RuleMatcher(rules, nlp)

    @classmethod
    def load(cls, model_dir=None, *, trust_model: bool = False) -> Detector:
        return cls(
            model_io.load(model_dir, trust_model=trust_model), default_rules(), load_pipeline()
        )

    def label(self, items: Sequence[ClauseInput]) -> list[ClauseLabel]:
        if not items:
            return []
        analysed = analyse([i.text for i in items], self.nlp)
        matches = [self.matcher.match(a) for a in analysed]
        x = self.model.transformer.transform(
            feature_matrix([feature_row(i, a, m) for i, a, m in zip(items, analysed, matches)])
        )
        probs = self.model.axis_probabilities(x)
        relevance = self.model.relevance(x)
        lever_probs = self.model.lever_model.predict_proba(x)
        return [
            self._decide(item.text, probs[k], relevance[k], lever_probs[k], matches[k], x[k])
            for k, item in enumerate(items)
        ]

    def _decide(
        self,
        text: str,
        probs: np.ndarray,
        relevance: float,
        lever_probs: np.ndarray,
        matches: list[RuleMatch],
        row,
    ) -> ClauseLabel:
        scores = {axis: float(p) for axis, p in zip(self.model.axes, probs)}
        vetoed = negated_axes(text, matches)
        for axis in vetoed:
            scores[axis] = min(scores[axis], NEGATED_CAP)
        passing = [a for a in self.model.axes if scores[a] >= self.model.thresholds[a]]
        gate = []
        if relevance < self.model.relevance_threshold:
            # Not a responsible clause as a whole: no axis may be flagged, and no axis score
            # may claim more confidence than the clause's own relevance.
            scores = {a: min(p, float(relevance)) for a, p in scores.items()}
            if passing:
                gate = [_relevance_evidence(float(relevance), self.model.relevance_threshold)]
            passing = []
        axes = tuple(passing)
        lever = Lever(self.model.levers[int(np.argmax(lever_probs))]) if axes else None
        score = max((scores[a] for a in axes), default=max(scores.values()))
        evidence = tuple(_rule_evidence(matches, axes) + self._model_evidence(row, axes) + gate)
        return ClauseLabel(
            text=text,
            axes=axes,
            scores=scores,
            lever=lever,
            score=round(score, 4),
            evidence=evidence,
            vetoed_by=tuple(
                sorted(
                    {
                        m.rule.id
                        for m in matches
                        if m.rule.role is Role.NEGATION and set(m.rule.axes) & set(vetoed)
                    }
                )
            ),
            social=bool(SOCIAL_AXES & set(axes)),
            environmental=bool(ENVIRONMENTAL_AXES & set(axes)),
            economic=bool(ECONOMIC_AXES & set(axes)),
        )

    @cached_property
    def _feature_names(self) -> np.ndarray:
        return self.model.transformer.get_feature_names_out()

    @cached_property
    def _coefficients(self) -> np.ndarray:
        return np.vstack([m.coef_.ravel() for m in self.model.axis_models])

    def _model_evidence(self, row, axes: tuple[str, ...]) -> list[Evidence]:
        """The n-grams that pushed each flagged axis up most in this clause."""
        out: list[Evidence] = []
        row = row.tocsr()
        for axis in axes:
            k = self.model.axes.index(axis)
            contrib = row.data * self._coefficients[k, row.indices]
            for j in np.argsort(-contrib)[:TOP_FEATURES]:
                if contrib[j] <= 0:
                    break
                name = str(self._feature_names[row.indices[j]])
                block, _, feature = name.partition("__")
                out.append(
                    Evidence(
                        "model", f"{block}:{feature}", feature, axis, round(float(contrib[j]), 4)
                    )
                )
        return out


def negated_axes(text: str, matches: list[RuleMatch]) -> set[str]:
    """Axes a negation or a bare cross-reference takes away from the clause.

    The sentence holding the negation must be the heart of the clause (half of it or more),
    or hold the axis's own cue ("pas de part minimale de produits bio"); and the axis must
    have no evidence in another sentence ("le lot 1 ne comporte pas de clause d'insertion.
    Le lot 2 prévoit 300 heures d'insertion." keeps insertion).
    """
    vetoed: set[str] = set()
    size = max(1, len(text.strip()))
    for neg in (m for m in matches if m.rule.role is Role.NEGATION):
        lo, hi = _sentence_span(text, neg.start, neg.end)
        central = (hi - lo) / size >= 0.5
        for axis in neg.rule.axes:
            evidence = [m for m in matches if m.rule.role is Role.EVIDENCE and axis in m.rule.axes]
            inside = any(lo <= m.start < hi for m in evidence)
            outside = any(m.end <= lo or m.start >= hi for m in evidence)
            if (central or inside) and not outside:
                vetoed.add(axis)
    return vetoed


def _rule_evidence(matches: list[RuleMatch], axes: tuple[str, ...]) -> list[Evidence]:
    out = []
    for m in matches:
        if m.rule.role is Role.EVIDENCE:
            for axis in m.rule.axes:
                if axis in axes:
                    out.append(
                        Evidence("rule", m.rule.id, m.text, axis, m.rule.weight, m.start, m.end)
                    )
        elif m.rule.role is Role.LEVER:
            if axes:
                out.append(Evidence("rule", m.rule.id, m.text, None, 0.0, m.start, m.end))
        else:  # false friends and negations are shown: they explain a low score
            out.append(Evidence("rule", m.rule.id, m.text, None, -m.rule.weight, m.start, m.end))
    return out


def _relevance_evidence(relevance: float, threshold: float) -> Evidence:
    """Why a clause whose axis score passed was not flagged: the relevance model said no."""
    return Evidence(
        "model",
        "relevance",
        f"pertinence d'ensemble {relevance:.2f} < seuil {threshold:.2f}",
        None,
        round(relevance - threshold, 4),
    )


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a match: from the last stop before it to the next one after."""
    stops = ".;\n"
    lo = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return lo, min(ends, default=len(text))
