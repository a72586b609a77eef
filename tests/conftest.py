"""Shared fixtures. Documents are built at test time by tests/builders.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS))  # makes `builders` importable from every test folder

EXAMPLES = TESTS.parent / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def needs_font() -> None:
    from builders import FONT, FONT_BOLD

    if not (FONT.exists() and FONT_BOLD.exists()):
        pytest.skip("DejaVu fonts not installed (apt-get install fonts-dejavu-core)")


# Models are loaded once per test session, as users load them once per process.
@pytest.fixture(scope="session")
def nlp():
    from clause_analyzer.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyzer():
    import clause_analyzer as ca

    return ca.Analyzer(today=__import__("datetime").date(2026, 11, 25))


@pytest.fixture(scope="session")
def example_report(analyzer):
    return analyzer.analyze(EXAMPLES / "DCE_exemple.zip")
