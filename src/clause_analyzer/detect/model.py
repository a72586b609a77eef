"""The persisted classifier: built-in scikit-learn estimators in a skops file, and its card.

A model file is code-adjacent: pickles execute code, and even skops only protects against the
types it is told to refuse. So the shipped model is loaded only when its SHA-256 matches the
one in its model card, with a pinned list of trusted types; any other file needs an explicit
opt-in (`trust_model=True`, `--trust-model`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression

from ..errors import ModelError

MODEL_FILE = "model.skops"
CARD_FILE = "model_card.json"
CARD_SCHEMA = "clause-analyzer/model-card"
CARD_MAJOR = 1

# Types the shipped model may contain beyond skops' own defaults, reviewed once and pinned:
# plain scikit-learn estimators, NumPy scalars and SciPy sparse internals. Nothing else loads.
TRUSTED_TYPES = (
    "builtins.slice",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.CountVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.utils._bunch.Bunch",
)


@dataclass(frozen=True)
class Model:
    transformer: ColumnTransformer
    axes: tuple[str, ...]
    axis_models: tuple[LogisticRegression, ...]  # one binary model per axis, same order
    # Platt scaling per axis, fitted on out-of-fold decision values of the training part:
    # turns the axis model's margin into a calibrated probability.
    calibrators: tuple[LogisticRegression, ...]
    lever_model: LogisticRegression  # trained on positives only
    # "Is this a responsible clause at all?": one binary model over every positive, with its
    # own Platt calibrator. It sees five to sixteen times more positives than any axis model,
    # so it is the better judge of a new author's false friend; an axis is flagged only when
    # its own score and this one both pass their thresholds.
    relevance_model: LogisticRegression
    relevance_calibrator: LogisticRegression
    thresholds: dict[str, float]
    relevance_threshold: float
    card: dict[str, Any]

    @property
    def levers(self) -> tuple[str, ...]:
        return tuple(str(c) for c in self.lever_model.classes_)

    def axis_probabilities(self, x) -> np.ndarray:
        """(n clauses, n axes) calibrated probabilities."""
        columns = [
            cal.predict_proba(model.decision_function(x).reshape(-1, 1))[:, 1]
            for model, cal in zip(self.axis_models, self.calibrators)
        ]
        return np.column_stack(columns)

    def relevance(self, x) -> np.ndarray:
        """(n clauses,) calibrated probability that the clause addresses any axis."""
        margins = self.relevance_model.decision_function(x).reshape(-1, 1)
        return self.relevance_calibrator.predict_proba(margins)[:, 1]


def default_model_dir() -> Path:
    return Path(str(resources.files("clause_analyzer.models") / "clause_classifier"))


def save(model: Model, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / MODEL_FILE
    payload = {
        "transformer": model.transformer,
        "axes": list(model.axes),
        "axis_models": list(model.axis_models),
        "calibrators": list(model.calibrators),
        "lever_model": model.lever_model,
        "relevance_model": model.relevance_model,
        "relevance_calibrator": model.relevance_calibrator,
    }
    sio.dump(payload, path, compression=8)  # zipfile.ZIP_DEFLATED
    card = dict(model.card)
    card["schema"] = f"{CARD_SCHEMA}/{CARD_MAJOR}"
    card["thresholds"] = {a: round(float(t), 4) for a, t in model.thresholds.items()}
    card["relevance_threshold"] = round(float(model.relevance_threshold), 4)
    card["model_file"] = MODEL_FILE
    card["model_sha256"] = sha256(path)
    (directory / CARD_FILE).write_text(
        json.dumps(card, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path


def load(directory: Path | None = None, *, trust_model: bool = False) -> Model:
    """Load the shipped model, or another one when `trust_model` is given."""
    shipped = directory is None or directory.resolve() == default_model_dir().resolve()
    directory = directory or default_model_dir()
    card = read_card(directory)
    path = directory / card.get("model_file", MODEL_FILE)
    if not path.is_file():
        raise ModelError(f"{path} : fichier du modèle absent")
    if sha256(path) != card.get("model_sha256"):
        raise ModelError(
            f"{path} : empreinte SHA-256 différente de celle de la fiche du modèle "
            "(fichier modifié ou corrompu) : refus de le charger"
        )
    if not shipped and not trust_model:
        raise ModelError(
            f"{path} : ce n'est pas le modèle livré avec clause-analyzer ; un fichier de modèle "
            "peut exécuter du code : ne le chargez que si vous en connaissez l'origine "
            "(--trust-model, ou trust_model=True)"
        )
    untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
    if untrusted and not trust_model:
        raise ModelError(f"{path} : types non autorisés dans le modèle : {', '.join(untrusted)}")
    try:
        payload = sio.load(path, trusted=list(TRUSTED_TYPES) + untrusted)
    except Exception as exc:  # skops raises many kinds on a damaged file
        raise ModelError(f"{path} : modèle illisible ({exc})") from exc
    if "relevance_model" not in payload or "relevance_threshold" not in card:
        raise ModelError(
            f"{path} : modèle d'une version antérieure de clause-analyzer (sans modèle de "
            "pertinence) : réentraînez-le avec « clause-analyzer train »"
        )
    axes = tuple(payload["axes"])
    return Model(
        transformer=payload["transformer"],
        axes=axes,
        axis_models=tuple(payload["axis_models"]),
        calibrators=tuple(payload["calibrators"]),
        lever_model=payload["lever_model"],
        relevance_model=payload["relevance_model"],
        relevance_calibrator=payload["relevance_calibrator"],
        thresholds={a: float(card["thresholds"][a]) for a in axes},
        relevance_threshold=float(card["relevance_threshold"]),
        card=card,
    )


def read_card(directory: Path) -> dict[str, Any]:
    path = directory / CARD_FILE
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(
            f"{path} : fiche du modèle absente (lancez « clause-analyzer train »)"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path} : fiche du modèle illisible ({exc.msg})") from exc
    schema = str(card.get("schema", ""))
    name, _, major = schema.rpartition("/")
    if name != CARD_SCHEMA or major != str(CARD_MAJOR):
        raise ModelError(f"{path} : version de fiche incompatible ({schema or 'absente'})")
    return card


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
