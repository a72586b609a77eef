"""One generated archive and one audit run shared by the slow tests (each worker start costs
~11 s of model loading)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # makes `corpus` importable

from corpus import add_pathological, build_corpus, duplicate  # noqa: E402

TIMEOUT = 10.0
MAX_MEMORY = 1280  # MiB of address space: the models take ~0.7 GiB
# Metadata rows: declared DECP values, and one year that overrides the documents'.
METADATA = [
    {
        "id": "DCE_000.zip",
        "considerationsSociales": "Pas de considération sociale",
        "considerationsEnvironnementales": "Pas de considération environnementale",
    },
    {"id": "consultation_001", "considerationsSociales": "Pas de considération sociale"},
    {
        "id": "CCAP_002",
        "considerationsSociales": "Clause sociale",
        "considerationsEnvironnementales": "Pas de considération environnementale",
    },
    {
        "id": "archives/DCE_003.zip",
        "year": "2021",
        "estimated_amount": "1 250 000,50",
        "considerationsSociales": "Clause sociale|Critère social",
        "considerationsEnvironnementales": "Clause environnementale",
    },
]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    truths = build_corpus(root, count=24)
    truths += add_pathological(root)
    duplicate(root, "archives/DCE_003.zip", "DCE_003_copie.zip")
    truths[3].year = 2021  # the metadata's year wins over the documents'
    with open(root / "decp.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh,
            fieldnames=[
                "id",
                "year",
                "estimated_amount",
                "considerationsSociales",
                "considerationsEnvironnementales",
            ],
            delimiter=";",
        )
        writer.writeheader()
        writer.writerows(METADATA)
    return root, truths


@pytest.fixture(scope="session")
def audited(corpus, tmp_path_factory):
    import clause_analyzer as ca

    root, truths = corpus
    out = tmp_path_factory.mktemp("audit")
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAUSE_ANALYZER_TEST_HANG", "__HANG__")  # read by the spawned workers
    mp.setenv("CLAUSE_ANALYZER_TEST_HOG", "__HOG__")
    try:
        summary = ca.audit(
            root / "archives", out, jobs=2, metadata=root / "decp.csv", timeout=TIMEOUT
        )
    finally:
        mp.undo()
    return summary, out, truths
