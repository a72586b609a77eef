"""The terminal summary, in French: documents, axes, compliance, top findings."""

from __future__ import annotations

import textwrap

from .tender import LEVER_LABELS, TenderReport

_STATUS = {"ok": "✓", "missing": "✗", "not_applicable": "–", "unknown": "?"}
_STATUS_FR = {
    "ok": "conforme",
    "missing": "manquant",
    "not_applicable": "sans objet",
    "unknown": "indéterminé",
}
_COLOURS = {"✓": "32", "✗": "31", "~": "33", "?": "33", "–": "2"}
TOP_FINDINGS = 8


def render_text(report: TenderReport, colour: bool = False) -> str:
    def paint(mark: str) -> str:
        code = _COLOURS.get(mark)
        return f"\033[{code}m{mark}\033[0m" if colour and code else mark

    out = [f"Consultation : {report.tender}", ""]
    out.append("Pièces analysées")
    for d in report.documents:
        if d.error:
            out.append(f"  {paint('✗')} {d.path} : {d.error}")
            continue
        pages = f"{d.pages} p." if d.pages else "sans pagination"
        out.append(f"  • {d.path} — {d.kind}, {pages}, {d.clauses} clauses")
        if d.headings:
            out.append("      " + " · ".join(h[:60] for h in d.headings[:5]))
        out.extend(f"      ⚠ {w}" for w in d.warnings)
    out.append("")
    if report.axes:
        out.append(f"Axes du Spaser ({report.axes_name})")
        for a in report.axes:
            mark = "✓" if a.addressed else ("~" if a.findings else "✗")
            lever = f" — {LEVER_LABELS[a.lever]}" if a.lever else ""
            where = ""
            if a.best:
                page = f", p. {a.best.clause.page}" if a.best.clause.page else ""
                number = f", art. {a.best.clause.number}" if a.best.clause.number else ""
                where = f" ({a.best.clause.document}{number}{page})"
            out.append(f"  {paint(mark)} {a.label}{lever}{where}")
        out.append("")
    if report.compliance:
        out.append("Obligations 2026 (loi Climat et Résilience, art. 35)")
        for c in report.compliance:
            mark = _STATUS[c.status]
            head = f"  {paint(mark)} {_STATUS_FR[c.status]} : "
            out.extend(
                textwrap.wrap(c.message, 96, initial_indent=head, subsequent_indent="      ")
            )
        out.append("")
    if report.quantities or report.criteria:
        out.append("Chiffres")
        q = report.quantities
        if "insertion_hours" in q:
            out.append(f"  heures d'insertion : {q['insertion_hours']:g}")
        if "insertion_penalty_per_hour_eur" in q:
            out.append(
                f"  pénalité par heure non réalisée : {q['insertion_penalty_per_hour_eur']:g} €"
            )
        for cr in report.criteria:
            weight = (
                f"{cr.weight_percent:g} %"
                if cr.weight_percent is not None
                else f"{cr.points:g} points"
            )
            out.append(f"  critère « {cr.name} » : {weight}")
        if "environmental_weight_percent" in q:
            out.append(
                f"  part environnementale des critères : {q['environmental_weight_percent']:g} %"
            )
        if report.estimated_amount:
            out.append(f"  montant estimé : {report.estimated_amount:,.0f} € HT".replace(",", " "))
        out.append("")
    out.append(f"Clauses repérées : {len(report.findings)}")
    for f in report.findings[:TOP_FINDINGS]:
        clause = f.clause
        where = ", ".join(
            x
            for x in (
                clause.document,
                f"art. {clause.number}" if clause.number else "",
                f"p. {clause.page}" if clause.page else "",
            )
            if x
        )
        lever = LEVER_LABELS[f.label.lever] if f.label.lever else ""
        out.append(f"  [{f.label.score:.2f}] {', '.join(f.label.axes)} — {lever} — {where}")
        if clause.title:
            out.append(f"      {clause.title[:90]}")
        out.append("      « " + textwrap.shorten(clause.text, 180, placeholder=" …") + " »")
    if len(report.findings) > TOP_FINDINGS:
        out.append(
            f"  … et {len(report.findings) - TOP_FINDINGS} autres"
            " (--format json ou html pour tout voir)"
        )
    if report.errors:
        out.append("")
        out.append(f"{len(report.errors)} fichier(s) illisible(s) : voir ci-dessus.")
    return "\n".join(out) + "\n"
