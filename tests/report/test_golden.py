"""Reports are deterministic: JSON and Markdown of the example tender match golden files.

Regenerate after a deliberate change with `UPDATE_GOLDEN=1 pytest tests/report`; CI refuses
the switch so that a run can never rewrite its own expectations.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clause_analyzer.report import render

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def test_regeneration_switch_is_off_in_ci() -> None:
    assert not (UPDATE and os.environ.get("CI")), "UPDATE_GOLDEN must not be set in CI"


@pytest.mark.parametrize(("fmt", "name"), [("json", "example.json"), ("markdown", "example.md")])
def test_golden(example_report, fmt: str, name: str) -> None:
    text = render(example_report, fmt)
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_rendering_twice_gives_the_same_text(example_report) -> None:
    assert render(example_report, "json") == render(example_report, "json")
