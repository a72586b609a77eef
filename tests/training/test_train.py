"""A small model trained at test time: it learns, it is reproducible, evaluation works."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from clause_analyzer.detect import model as model_io
from clause_analyzer.detect.detector import Detector
from clause_analyzer.detect.features import ClauseInput
from clause_analyzer.detect.rules import AXES, default_rules
from clause_analyzer.errors import ConfigError
from clause_analyzer.training.dataset import load_jsonl, near_duplicates, parse_example
from clause_analyzer.training.train import HARD_FP_BUDGET, train, tune_relevance_threshold

DATA = Path(__file__).parents[2] / "training_data"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """A deterministic slice of the real training data: 14 clauses per axis, 60 negatives."""
    examples = load_jsonl((DATA / "train").glob("*.jsonl"))
    chosen, per_axis = [], {a: 0 for a in AXES}
    for e in sorted(examples, key=lambda e: e.id):
        if e.axes and len(e.axes) == 1 and per_axis[e.axes[0]] < 14:
            per_axis[e.axes[0]] += 1
            chosen.append(e)
    chosen += [e for e in sorted(examples, key=lambda e: e.id) if not e.axes][:60]
    root = tmp_path_factory.mktemp("data")
    for part, rows in (("train", chosen[::2] + chosen[1::4]), ("test", chosen[3::4])):
        (root / part).mkdir()
        with (root / part / "data.jsonl").open("w", encoding="utf-8") as handle:
            for e in rows:
                row = {"id": e.id, "text": e.text, "heading": e.heading, "doc_kind": e.doc_kind,
                       "axes": list(e.axes), "lever": e.lever, "negative": e.negative}  # fmt: skip
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return root


@pytest.fixture(scope="module")
def trained(small_corpus: Path, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("model")
    return out, train(small_corpus, out)


@pytest.mark.slow
def test_small_model_learns_insertion(trained, nlp) -> None:
    out, _ = trained
    detector = Detector(model_io.load(out, trust_model=True), default_rules(), nlp)
    [yes, no] = detector.label(
        [
            ClauseInput(
                "Le titulaire réalise 400 heures d'insertion au profit de demandeurs d'emploi de "
                "longue durée, avec l'appui du facilitateur du PLIE."
            ),
            ClauseInput(
                "Le délai global de paiement est fixé à trente jours à compter de la réception de "
                "la facture."
            ),
        ]
    )
    assert "insertion" in yes.axes and yes.social
    assert no.axes == ()


@pytest.mark.slow
def test_relevance_gate_can_hold_back_a_passing_axis(trained, nlp) -> None:
    from dataclasses import replace

    out, _ = trained
    model = model_io.load(out, trust_model=True)
    clause = ClauseInput(
        "Le titulaire réalise 400 heures d'insertion au profit de demandeurs d'emploi de "
        "longue durée, avec l'appui du facilitateur du PLIE."
    )
    [open_gate] = Detector(replace(model, relevance_threshold=0.0), default_rules(), nlp).label(
        [clause]
    )
    [closed] = Detector(replace(model, relevance_threshold=1.01), default_rules(), nlp).label(
        [clause]
    )
    assert "insertion" in open_gate.axes
    assert closed.axes == () and closed.lever is None
    [gate] = [e for e in closed.evidence if e.source == "model"]
    assert gate.id == "relevance"
    relevance = gate.weight + 1.01  # the evidence weight is relevance − threshold
    # No axis may claim more confidence than the clause's relevance once the gate is shut.
    assert max(closed.scores.values()) <= relevance + 1e-4


@pytest.mark.slow
def test_train_is_reproducible(small_corpus: Path, trained, tmp_path: Path, nlp) -> None:
    first_dir, first_card = trained
    second_card = train(small_corpus, tmp_path)
    assert first_card["thresholds"] == second_card["thresholds"]
    assert first_card["relevance_threshold"] == second_card["relevance_threshold"]
    assert first_card["test_metrics"] == second_card["test_metrics"]
    texts = [
        ClauseInput(t) for t in ("Tri des déchets de chantier sur 7 flux.", "Assurance décennale.")
    ]
    a = Detector(model_io.load(first_dir, trust_model=True), default_rules(), nlp).label(texts)
    b = Detector(model_io.load(tmp_path, trust_model=True), default_rules(), nlp).label(texts)
    assert [x.scores for x in a] == [x.scores for x in b]


@pytest.mark.slow
def test_card_of_trained_model_has_metrics(trained, small_corpus: Path) -> None:
    _, card = trained
    metrics = card["test_metrics"]
    assert set(metrics["axes"]) == set(AXES)
    assert 0.0 <= metrics["hard_negative_false_positive_rate"] <= 1.0
    test_lines = (small_corpus / "test" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    assert metrics["examples"] == len(test_lines)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"id": "x", "text": "a", "axes": ["insertion"], "lever": None}, "levier invalide"),
        (
            {"id": "x", "text": "a", "axes": [], "lever": "other", "negative": "hard"},
            "pas de levier",
        ),
        ({"id": "x", "text": "a", "axes": [], "lever": None, "negative": None}, "negative="),
        ({"id": "x", "text": "a", "axes": ["vert"], "lever": "other"}, "axe inconnu"),
    ],
)
def test_invalid_examples_are_refused(raw: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_example(raw, "f.jsonl:1")


def _gate_case(hard_relevance: list[float]) -> float:
    """100 positives of the first axis (relevance 0.9, one at 0.05) and hard negatives whose
    axis score passes, with the given relevance each: which relevance threshold is chosen?"""
    n_pos, n_hard = 100, len(hard_relevance)
    y = np.zeros((n_pos + n_hard, len(AXES)), dtype=int)
    y[:n_pos, 0] = 1
    probs = np.zeros(y.shape)
    probs[:, 0] = 0.9
    relevance = np.array([0.9] * (n_pos - 1) + [0.05] + hard_relevance)
    hard = np.array([False] * n_pos + [True] * n_hard)
    thresholds = dict.fromkeys(AXES, 0.5)
    return tune_relevance_threshold(y, probs, thresholds, relevance, hard)


def test_relevance_threshold_keeps_hard_false_positives_within_budget() -> None:
    # 100 hard negatives, 5 of them look relevant (0.3) and one very relevant (0.95): at 0.3
    # or below 6 % are flagged, over the budget, although F1 alone is best at 0.04 (it keeps
    # the positive at 0.05). Above 0.3 only the 0.95 one is flagged (1 %): the lowest such
    # threshold wins.
    chosen = _gate_case([0.3] * 5 + [0.95] + [0.01] * 94)
    assert HARD_FP_BUDGET < 0.06
    assert chosen == pytest.approx(0.32)
    # Nothing to hold back: the best-F1 threshold, low enough to keep the 0.05 positive.
    assert _gate_case([0.01] * 100) <= 0.04
    # Over budget at every threshold (all hard negatives at 0.95, above the grid): as many
    # are flagged everywhere, so the gate does not throw recall away for nothing.
    assert _gate_case([0.95] * 100) == 0.0


def test_near_duplicates_are_found() -> None:
    a = [
        parse_example(
            {
                "id": "a",
                "text": "Le titulaire réalise trois cent heures d'insertion sur le chantier.",
                "axes": ["insertion"],
                "lever": "execution_condition",
            },
            "t",
        )
    ]
    b = [
        parse_example(
            {
                "id": "b",
                "text": "Le titulaire réalise trois cent heures d'insertion sur le chantier !",
                "axes": ["insertion"],
                "lever": "execution_condition",
            },
            "t",
        ),
        parse_example(
            {
                "id": "c",
                "text": "Les pénalités de retard sont fixées à 100 euros par jour.",
                "axes": [],
                "lever": None,
                "negative": "routine",
            },
            "t",
        ),
    ]
    assert [(p[0], p[1]) for p in near_duplicates(a, b)] == [("a", "b")]


def test_real_training_data_meets_the_brief() -> None:
    train_part = load_jsonl((DATA / "train").glob("*.jsonl"))
    test_part = load_jsonl((DATA / "test").glob("*.jsonl"))
    assert len(train_part) >= 3000 and len(test_part) >= 600
    for axis in AXES:
        assert sum(axis in e.axes for e in train_part) >= 150, axis
    negatives = [e for e in train_part if not e.axes]
    assert len(negatives) >= 1200
    assert sum(e.negative == "hard" for e in negatives) >= 500
    assert {e.lever for e in train_part if e.lever} == {
        "specification", "execution_condition", "award_criterion", "reserved", "other"
    }  # fmt: skip
    assert np.unique([e.id for e in train_part + test_part]).size == len(train_part) + len(
        test_part
    )


@pytest.mark.slow
def test_evaluate_command_scores_a_users_own_labelled_file(trained, small_corpus, capsys) -> None:
    from clause_analyzer.cli import main

    out, _ = trained
    own = small_corpus / "test" / "data.jsonl"
    assert main(["evaluate", str(own), "--model", str(out), "--trust-model", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["examples"] == len(own.read_text(encoding="utf-8").splitlines())


def test_evaluate_command_names_a_bad_file(tmp_path: Path, capsys) -> None:
    from clause_analyzer.cli import main

    bad = tmp_path / "mine.jsonl"
    bad.write_text('["not", "an", "object"]\n', encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    assert main(["evaluate", str(tmp_path / "absent.jsonl")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert "mine.jsonl:1" in err[0] and "objet JSON" in err[0]
    assert "absent.jsonl" in err[1] and "lecture impossible" in err[1]
