"""What the scikit-learn model sees of a clause, and the estimators that read it.

Text is turned into plain strings by our code (spaCy lemmas, folded text, rule ids) *before*
scikit-learn: the persisted pipeline then holds only built-in estimators and no Python
callables, which is what lets skops load it without trusting arbitrary code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from ..nlp import Analysed, fold
from .rules import RuleMatch

# Column order of a feature row.
LEMMAS, CHARS, HEADING, META = range(4)


@dataclass(frozen=True, slots=True)
class ClauseInput:
    """One clause to label: its text, the heading path above it, the kind of document."""

    text: str
    heading: str = ""
    doc_kind: str = ""  # CCAP, CCTP, RC, AE, BPU, other; "" when unknown (a lone clause)


def feature_row(item: ClauseInput, analysed: Analysed, matches: Sequence[RuleMatch]) -> list[str]:
    # Only the last two levels of the heading path: "9.2 Clause d'insertion" matters, the
    # document title above it does not.
    heading = " ".join(item.heading.split(" > ")[-2:])
    kind = [f"kind_{item.doc_kind}"] if item.doc_kind else []
    meta = kind + sorted({f"rule_{m.rule.id}" for m in matches})
    return [analysed.lemmas, analysed.folded, fold(heading), " ".join(meta)]


def feature_matrix(rows: Sequence[list[str]]) -> np.ndarray:
    return np.array(rows, dtype=object).reshape(len(rows), 4)


def make_transformer() -> ColumnTransformer:
    """Lemma 1–2-grams, character 3–5-grams, heading words, and rule/kind indicators."""
    return ColumnTransformer(
        [
            (
                "lemmas",
                TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_df=0.9),
                LEMMAS,
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=3,
                    sublinear_tf=True,
                    max_features=120_000,
                ),
                CHARS,
            ),
            ("heading", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), HEADING),
            (
                "meta",
                CountVectorizer(binary=True, token_pattern=r"\S+", lowercase=False),
                META,
            ),
        ],
        transformer_weights={"lemmas": 1.0, "chars": 1.0, "heading": 0.5, "meta": 1.0},
        sparse_threshold=1.0,
    )
