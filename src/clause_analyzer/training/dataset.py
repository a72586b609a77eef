"""The labelled clauses of `training_data/`: loading, validation, splits, fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..detect.rules import AXES, LEVERS
from ..errors import ConfigError
from ..types import DocKind

DOC_KINDS = tuple(k.value for k in DocKind)


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    heading: str
    doc_kind: str
    axes: tuple[str, ...]
    lever: str | None
    negative: str | None  # "hard", "routine" or None for positives
    source: str = ""  # file it was read from (its stem): one author brief per file


def parse_example(raw: dict, where: str) -> Example:
    try:
        example = Example(
            id=str(raw["id"]),
            text=str(raw["text"]),
            heading=str(raw.get("heading") or ""),
            doc_kind=str(raw.get("doc_kind") or "other"),
            axes=tuple(raw.get("axes") or ()),
            lever=raw.get("lever"),
            negative=raw.get("negative"),
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{where} : champ manquant ou invalide ({exc})") from exc
    problems = []
    if not example.text.strip():
        problems.append("texte vide")
    if example.doc_kind not in DOC_KINDS:
        problems.append(f"doc_kind inconnu {example.doc_kind!r}")
    problems += [f"axe inconnu {a!r}" for a in example.axes if a not in AXES]
    if len(set(example.axes)) != len(example.axes):
        problems.append("axe en double")
    if example.axes and example.lever not in LEVERS:
        problems.append(f"levier invalide {example.lever!r} pour un exemple positif")
    if not example.axes and example.lever is not None:
        problems.append("un exemple négatif n'a pas de levier")
    if example.axes and example.negative is not None:
        problems.append("un exemple positif a negative=null")
    if not example.axes and example.negative not in ("hard", "routine"):
        problems.append("un exemple négatif a negative='hard' ou 'routine'")
    if problems:
        raise ConfigError(f"{where} ({example.id}) : " + "; ".join(problems))
    return example


def load_jsonl(paths: Iterable[Path]) -> list[Example]:
    examples: list[Example] = []
    seen: set[str] = set()
    for path in sorted(paths):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"{path} : lecture impossible ({exc.strerror})") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path} : ce n'est pas du texte UTF-8") from exc
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{where} : JSON invalide ({exc.msg})") from exc
            if not isinstance(raw, dict):
                raise ConfigError(f"{where} : une clause annotée est un objet JSON")
            example = replace(parse_example(raw, where), source=path.stem)
            if example.id in seen:
                raise ConfigError(f"{where} : identifiant en double {example.id}")
            seen.add(example.id)
            examples.append(example)
    return examples


@dataclass(frozen=True)
class Corpus:
    train: list[Example]
    test: list[Example]
    train_hash: str
    test_hash: str


def load_corpus(root: Path) -> Corpus:
    train = load_jsonl((root / "train").glob("*.jsonl"))
    test = load_jsonl((root / "test").glob("*.jsonl"))
    if not train:
        raise ConfigError(f"aucun exemple d'entraînement dans {root / 'train'}")
    clash = {e.id for e in train} & {e.id for e in test}
    if clash:
        raise ConfigError(f"identifiants présents dans les deux parties : {sorted(clash)[:5]}")
    return Corpus(train, test, fingerprint(train), fingerprint(test))


def fingerprint(examples: Sequence[Example]) -> str:
    """SHA-256 of the examples in a canonical form: the model card records it."""
    digest = hashlib.sha256()
    for e in sorted(examples, key=lambda e: e.id):
        row = [e.id, e.text, e.heading, e.doc_kind, list(e.axes), e.lever, e.negative]
        digest.update(json.dumps(row, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def near_duplicates(
    a: Sequence[Example], b: Sequence[Example], threshold: float = 0.8
) -> list[tuple[str, str, float]]:
    """Pairs (id in a, id in b) whose word 3-gram sets overlap above `threshold` (Jaccard).

    Used to check that the test split was not written from the training texts.
    """
    import re

    from ..nlp import fold

    def shingles(text: str) -> frozenset[str]:
        words = re.findall(r"\w+", fold(text))
        return frozenset(" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2)))

    index: dict[str, list[int]] = {}
    sets_b = [shingles(e.text) for e in b]
    for j, s in enumerate(sets_b):
        for sh in s:
            index.setdefault(sh, []).append(j)
    pairs = []
    for e in a:
        s = shingles(e.text)
        counts: dict[int, int] = {}
        for sh in s:
            for j in index.get(sh, ()):
                counts[j] = counts.get(j, 0) + 1
        for j, inter in counts.items():
            jaccard = inter / (len(s) + len(sets_b[j]) - inter)
            if jaccard >= threshold:
                pairs.append((e.id, b[j].id, round(jaccard, 3)))
    return sorted(pairs, key=lambda p: -p[2])
