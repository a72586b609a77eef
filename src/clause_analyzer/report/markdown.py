"""Markdown: for a note to the elected officials or the tender file."""

from __future__ import annotations

import textwrap

from .tender import LEVER_LABELS, TenderReport

_STATUS_FR = {
    "ok": "✅ conforme",
    "missing": "❌ manquant",
    "not_applicable": "➖ sans objet",
    "unknown": "❔ indéterminé",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: TenderReport) -> str:
    out = [f"# Analyse de la consultation « {report.tender} »", ""]
    out += ["## Pièces", "", "| pièce | type | pages | clauses |", "|---|---|---|---|"]
    for d in report.documents:
        if d.error:
            out.append(f"| {_cell(d.path)} | illisible : {_cell(d.error)} | | |")
        else:
            note = f" ({_cell('; '.join(d.warnings))})" if d.warnings else ""
            out.append(f"| {_cell(d.path)} | {d.kind}{note} | {d.pages or ''} | {d.clauses} |")
    out += [
        "",
        f"## Axes du Spaser ({report.axes_name})",
        "",
        "| axe | couvert | levier le plus fort | où |",
        "|---|---|---|---|",
    ]
    for a in report.axes:
        mark = "✓" if a.addressed else ("~ (mention faible)" if a.findings else "✗")
        where = ""
        if a.best:
            c = a.best.clause
            where = ", ".join(
                x
                for x in (
                    c.document,
                    f"art. {c.number}" if c.number else "",
                    f"p. {c.page}" if c.page else "",
                )
                if x
            )
        lever = LEVER_LABELS[a.lever] if a.lever else ""
        out.append(f"| {_cell(a.label)} | {mark} | {lever} | {_cell(where)} |")
    missing = [a for a in report.axes if not a.addressed and a.suggestion]
    if missing:
        out += ["", "### Pistes pour les axes non couverts", ""]
        out += [f"- **{a.label}** : {a.suggestion}" for a in missing]
    out += ["", "## Obligations au 21 août 2026", ""]
    for check in report.compliance:
        out.append(f"- {_STATUS_FR[check.status]} — {check.message}")
    if report.criteria:
        out += ["", "## Critères d'attribution", "", "| critère | pondération |", "|---|---|"]
        for cr in report.criteria:
            weight = (
                f"{cr.weight_percent:g} %"
                if cr.weight_percent is not None
                else f"{cr.points:g} points"
            )
            out.append(f"| {_cell(cr.name)} | {weight} |")
    if report.quantities:
        out += ["", "## Chiffres", ""]
        out += [f"- `{k}` : {v:g}" for k, v in sorted(report.quantities.items())]
    out += ["", "## Valeurs à déclarer (DECP, eForms)", ""]
    for declared in report.declared:
        why = ""
        if declared.justification:
            c = declared.justification.clause
            why = (
                f" — {c.document}"
                + (f", art. {c.number}" if c.number else "")
                + (f", p. {c.page}" if c.page else "")
            )
        out.append(f"- {declared.field} : **{declared.value}**{why}")
    out += ["", f"## Clauses repérées ({len(report.findings)})", ""]
    for f in report.findings:
        c = f.clause
        where = ", ".join(
            x
            for x in (
                c.document,
                f"art. {c.number}" if c.number else "",
                f"p. {c.page}" if c.page else "",
            )
            if x
        )
        lever = LEVER_LABELS[f.label.lever] if f.label.lever else ""
        out.append(f"### {_cell(c.title or where)}")
        out.append("")
        out.append(f"*{where}* — {', '.join(f.label.axes)} — {lever} — score {f.label.score:.2f}")
        out.append("")
        out.append("> " + textwrap.shorten(c.text, 600, placeholder=" …"))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
