"""Reports: the TenderReport value and its writers (text, JSON, Markdown, HTML)."""

from __future__ import annotations

import json

from .tender import TenderReport


def render(report: TenderReport, fmt: str, colour: bool = False) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from .html import render_html

        return render_html(report)
    from .text import render_text

    return render_text(report, colour=colour)


__all__ = ["TenderReport", "render"]
