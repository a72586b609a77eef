"""The HTML report: self-contained, and what a buyer sees in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clause_analyzer.report import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_html_is_self_contained(example_report) -> None:
    html = render(example_report, "html")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<mark>" in html  # evidence highlighted


@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium absent (apt-get install chromium); CI installs it"
)
def test_html_in_headless_chromium(example_report, tmp_path: Path) -> None:
    page = tmp_path / "rapport.html"
    page.write_text(render(example_report, "html"), encoding="utf-8")
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    dom = result.stdout
    assert 'data-axis="insertion" data-addressed="oui"' in dom
    assert 'data-check="env_award_criterion"' in dom
    assert "Clauses repérées" in dom and "<mark>" in dom
