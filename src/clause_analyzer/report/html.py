"""One self-contained HTML page (no network, no external assets) a buyer opens in a browser."""

from __future__ import annotations

from importlib import resources

import jinja2

from ..types import Finding
from .tender import LEGAL_BASIS, LEVER_LABELS, TenderReport

_STATUS_FR = {
    "ok": "conforme",
    "missing": "manquant",
    "not_applicable": "sans objet",
    "unknown": "indéterminé",
}


def highlighted(finding: Finding) -> list[tuple[str, bool]]:
    """The clause text cut into (piece, is_evidence) for highlighting rule matches."""
    text = finding.clause.text
    spans = sorted(
        (e.start, e.end)
        for e in finding.label.evidence
        if e.source == "rule" and e.axis is not None and e.start is not None and e.end is not None
    )
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            start = pos
        if start >= end:
            continue
        pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    pieces.append((text[pos:], False))
    return [p for p in pieces if p[0]]


def render_html(report: TenderReport) -> str:
    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    source = (resources.files("clause_analyzer.report") / "templates" / "report.html.j2").read_text(
        "utf-8"
    )
    template = env.from_string(source)
    return template.render(
        r=report,
        lever_labels=LEVER_LABELS,
        legal_basis=LEGAL_BASIS,
        status_fr=_STATUS_FR,
        highlighted=highlighted,
    )
