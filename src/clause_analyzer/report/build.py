"""Findings of one tender → TenderReport: axes coverage, quantities, compliance, declarations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .. import compliance, quantities
from ..axes import Axis, AxisSet
from ..nlp import fold_aligned
from ..types import Clause, DocKind, Document, Finding, Lever
from .tender import LEVER_STRENGTH, AxisCoverage, DeclaredValue, DocumentSummary, TenderReport


def build_report(
    tender: str,
    documents: Sequence[Document],
    clauses: dict[str, list[Clause]],
    findings: Sequence[Finding],
    errors: Sequence[tuple[str, str]],
    axes: AxisSet,
    today: date | None = None,
) -> TenderReport:
    summaries = [_summary(d, clauses.get(d.path, [])) for d in documents]
    summaries += [DocumentSummary(path, "other", None, 0, error=cause) for path, cause in errors]
    all_clauses = [c for d in documents for c in clauses.get(d.path, [])]
    findings = sorted(findings, key=lambda f: (-_strength(f), -f.label.score))
    criteria = _criteria(all_clauses)
    price_only = any(
        quantities.is_price_only(c.text)
        for c in all_clauses
        if c.doc_kind in (DocKind.RC, DocKind.AE)
    ) or (len(criteria) == 1 and re.search(r"prix", fold_aligned(criteria[0].name)) is not None)
    amounts = [a for c in all_clauses for a in quantities.estimated_amounts(c.text)]
    amount = max(amounts) if amounts else None
    totals = _totals(findings, criteria)
    checks = compliance.check(documents, findings, amount, price_only, today)
    return TenderReport(
        tender=tender,
        documents=tuple(summaries),
        findings=tuple(findings),
        axes=tuple(_coverage(axis, findings) for axis in axes.axes),
        axes_name=axes.name,
        compliance=tuple(checks),
        criteria=tuple(criteria),
        price_only=bool(price_only),
        estimated_amount=amount,
        quantities=totals,
        declared=tuple(declared_values(findings)),
        errors=tuple({"path": path, "message": cause} for path, cause in errors),
    )


def _summary(document: Document, clauses: list[Clause]) -> DocumentSummary:
    headings: list[str] = []
    for clause in clauses:
        title = clause.title
        if title and title not in headings:
            headings.append(title)
    return DocumentSummary(
        path=document.path,
        kind=str(document.kind),
        pages=document.pages,
        clauses=len(clauses),
        engine=document.engine,
        headings=tuple(headings[:8]),
        warnings=document.warnings,
    )


def finding_quantities(
    clause: Clause, axes: Sequence[str], lever: Lever | None
) -> dict[str, float]:
    out: dict[str, float] = {}
    if "insertion" in axes:
        out.update(quantities.insertion_quantities(clause.text))
    if lever is Lever.AWARD_CRITERION:
        weighted = [c for c in quantities.criteria(clause.text) if c.weight_percent is not None]
        responsible = [c for c in weighted if _responsible(c.name)] or weighted
        if len(responsible) == 1:
            out["criterion_weight_percent"] = responsible[0].weight_percent or 0.0
        elif not weighted and (m := re.search(r"(\d{1,2}(?:,\d+)?)\s*%", clause.text)):
            # "Sous-critère environnemental noté à 15 %" in running text, not a table
            out["criterion_weight_percent"] = float(m[1].replace(",", "."))
    out.update(quantities.shares(clause.text))
    return out


_SOCIAL_WORDS = re.compile(r"social|insertion|emploi|handicap|egalite|equitable|travail")
_ENV_WORDS = re.compile(
    r"environnement|ecolog|carbone|energ|dechet|durable|recycl|biodivers|climat|emission|circula"
)


def _responsible(name: str) -> bool:
    folded = fold_aligned(name)
    return bool(_SOCIAL_WORDS.search(folded) or _ENV_WORDS.search(folded))


def _criteria(clauses: Sequence[Clause]) -> list[quantities.Criterion]:
    """Award criteria with weights, from the RC (else from any document that lists them)."""
    rc = [c for c in clauses if c.doc_kind is DocKind.RC] or list(clauses)
    out: list[quantities.Criterion] = []
    for clause in rc:
        context = fold_aligned(clause.heading + " " + clause.text)
        if "critere" not in context and "ponderation" not in context and "jugement" not in context:
            continue
        for criterion in quantities.criteria(clause.text):
            if criterion not in out:
                out.append(criterion)
    return out


def _totals(
    findings: Sequence[Finding], criteria: Sequence[quantities.Criterion]
) -> dict[str, float]:
    out: dict[str, float] = {}
    # Several clauses often restate the same figure: count distinct values per document, and
    # keep the document that promises most (the CCAP and the AE may both state the hours).
    per_doc: dict[str, set[float]] = {}
    for f in findings:
        if "insertion_hours" in f.quantities:
            per_doc.setdefault(f.clause.document, set()).add(f.quantities["insertion_hours"])
    if per_doc:
        out["insertion_hours"] = max(sum(v) for v in per_doc.values())
    penalties = [f.quantities.get("insertion_penalty_per_hour_eur") for f in findings]
    if any(penalties):
        out["insertion_penalty_per_hour_eur"] = max(p for p in penalties if p)
    weighted = [c for c in criteria if c.weight_percent is not None]
    top_level = _top_level(weighted)
    if top_level:
        total = sum(c.weight_percent or 0 for c in top_level) or 100.0
        env = sum(
            c.weight_percent or 0 for c in weighted if _ENV_WORDS.search(fold_aligned(c.name))
        )
        soc = sum(
            c.weight_percent or 0 for c in weighted if _SOCIAL_WORDS.search(fold_aligned(c.name))
        )
        out["environmental_weight_percent"] = round(100 * env / total, 2)
        out["social_weight_percent"] = round(100 * soc / total, 2)
    for f in findings:
        for key in (
            "sustainable_food_percent",
            "organic_percent",
            "recycled_content_percent",
            "reuse_percent",
        ):
            if key in f.quantities:
                out.setdefault(key, f.quantities[key])
    return out


def _top_level(criteria: Sequence[quantities.Criterion]) -> list[quantities.Criterion]:
    """The criteria whose weights add up to 100: sub-criteria repeat part of a parent's weight."""
    total = 0.0
    chosen = []
    for c in criteria:
        if total + (c.weight_percent or 0) <= 100.0001:
            chosen.append(c)
            total += c.weight_percent or 0
    return chosen


def _coverage(axis: Axis, findings: Sequence[Finding]) -> AxisCoverage:
    feeding = [f for f in findings if _feeds(axis, f)]
    if not feeding:
        return AxisCoverage(
            axis.id, axis.label, str(axis.family), False, "none", None, (), axis.suggestion
        )
    strongest = max(_strength(f) for f in feeding)
    lever = next(f.label.lever for f in feeding if _strength(f) == strongest)
    strength = {4: "strong", 3: "medium", 2: "medium", 1: "weak"}[strongest]
    return AxisCoverage(
        axis.id,
        axis.label,
        str(axis.family),
        addressed=strongest > 1,
        strength=strength,
        lever=lever,
        findings=tuple(feeding),
        suggestion=axis.suggestion,
    )


def _strength(finding: Finding) -> int:
    lever = finding.label.lever
    # The detector gives a lever to every label with a flagged axis, and a finding has one.
    assert lever is not None, "a finding always has a lever"
    return LEVER_STRENGTH[lever]


def _feeds(axis: Axis, finding: Finding) -> bool:
    label = finding.label
    if not set(axis.detected) & set(label.axes):
        return False
    if axis.levers and (label.lever is None or label.lever.value not in axis.levers):
        return False
    if axis.keywords:
        text = fold_aligned(finding.clause.text)
        return any(fold_aligned(k) in text for k in axis.keywords)
    return True


# eForms code lists (BT-774 green, BT-775 social) for our detected axes.
_BT774 = {
    "climat_energie": "clim-mitig",
    "circularite_ressources": "circ-econ",
    "biodiversite_sante": "biodiv-eco",
    "alimentation_durable": "other",
}


def declared_values(findings: Sequence[Finding]) -> list[DeclaredValue]:
    """DECP and eForms values that follow from the findings, each with its justification."""

    def first(pred) -> Finding | None:
        return next((f for f in findings if pred(f)), None)

    social = [f for f in findings if f.label.social and f.label.lever is not Lever.OTHER]
    env = [f for f in findings if f.label.environmental and f.label.lever is not Lever.OTHER]
    out: list[DeclaredValue] = []
    for value, lever in (
        ("Clause sociale", Lever.EXECUTION_CONDITION),
        ("Critère social", Lever.AWARD_CRITERION),
        ("Marché réservé", Lever.RESERVED),
    ):
        if f := first(lambda f, lv=lever: f in social and f.label.lever is lv):
            out.append(DeclaredValue("considerationsSociales", value, f))
    if not any(d.field == "considerationsSociales" for d in out):
        out.append(DeclaredValue("considerationsSociales", "Pas de considération sociale", None))
    for value, levers in (
        ("Clause environnementale", (Lever.EXECUTION_CONDITION, Lever.SPECIFICATION)),
        ("Critère environnemental", (Lever.AWARD_CRITERION,)),
    ):
        if f := first(lambda f, lv=levers: f in env and f.label.lever in lv):
            out.append(DeclaredValue("considerationsEnvironnementales", value, f))
    if not any(d.field == "considerationsEnvironnementales" for d in out):
        out.append(
            DeclaredValue(
                "considerationsEnvironnementales", "Pas de considération environnementale", None
            )
        )
    # eForms BT-06 strategic procurement
    if env:
        out.append(DeclaredValue("BT-06", "env-imp", env[0]))
    if social:
        out.append(DeclaredValue("BT-06", "soc-obj", social[0]))
    if f := first(
        lambda f: (
            "economie_pme_innovation" in f.label.axes and "innov" in fold_aligned(f.clause.text)
        )
    ):
        out.append(DeclaredValue("BT-06", "inn-pur", f))
    if not env and not social:
        out.append(DeclaredValue("BT-06", "none", None))
    seen: set[str] = set()
    for f in env:
        for axis in f.label.axes:
            code = _BT774.get(axis)
            if code and code not in seen:
                seen.add(code)
                out.append(DeclaredValue("BT-774", code, f))
    seen = set()
    for f in social:
        for code in _bt775(f):
            if code not in seen:
                seen.add(code)
                out.append(DeclaredValue("BT-775", code, f))
    reserved = [f for f in findings if f.label.lever is Lever.RESERVED]
    for f in reserved:
        text = fold_aligned(f.clause.text)
        code = (
            "res-pub-ser"
            if re.search(r"2113-15|economie sociale et solidaire|ess\b", text)
            else "res-ws"
        )
        if not any(d.field == "BT-71" and d.value == code for d in out):
            out.append(DeclaredValue("BT-71", code, f))
    if not reserved:
        out.append(DeclaredValue("BT-71", "none", None))
    return out


def _bt775(finding: Finding) -> list[str]:
    text = fold_aligned(finding.clause.text)
    codes = []
    if "insertion" in finding.label.axes:
        codes.append("opp")
    if "handicap_reserve" in finding.label.axes:
        codes.append("acc-all" if re.search(r"accessib|rgaa|pmr", text) else "opp")
    if "egalite_conditions" in finding.label.axes:
        if re.search(r"femmes|hommes|egalite professionnelle", text):
            codes.append("gen-eq")
        elif re.search(r"discrimination|origine", text):
            codes.append("et-eq")
        elif re.search(r"droits de l'homme|droits humains|vigilance", text):
            codes.append("hum-right")
        else:
            codes.append("work-cond")
    return codes
