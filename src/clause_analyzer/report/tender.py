"""TenderReport: the answer for one tender, and its JSON form (DESIGN.md contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..compliance import ComplianceCheck
from ..quantities import Criterion
from ..types import Finding, Lever

SCHEMA_VERSION = "1"

LEGAL_BASIS = {
    Lever.SPECIFICATION: "art. L2111-2 et R2111-12 à R2111-17 du CCP (spécifications, labels)",
    Lever.EXECUTION_CONDITION: "art. L2112-2 du CCP (conditions d'exécution)",
    Lever.AWARD_CRITERION: "art. L2152-7 et R2152-7 du CCP (critères d'attribution)",
    Lever.RESERVED: "art. L2113-12 à L2113-15 du CCP (marchés réservés)",
    Lever.OTHER: "sans portée obligatoire",
}

LEVER_LABELS = {
    Lever.SPECIFICATION: "spécification technique",
    Lever.EXECUTION_CONDITION: "condition d'exécution",
    Lever.AWARD_CRITERION: "critère d'attribution",
    Lever.RESERVED: "marché ou lot réservé",
    Lever.OTHER: "mention sans portée obligatoire",
}

# How strongly a lever commits the holder (issue: a binding execution condition or a reserved
# lot counts more than an award criterion, which counts more than a specification).
LEVER_STRENGTH = {
    Lever.EXECUTION_CONDITION: 4,
    Lever.RESERVED: 4,
    Lever.AWARD_CRITERION: 3,
    Lever.SPECIFICATION: 2,
    Lever.OTHER: 1,
}


@dataclass(frozen=True)
class DocumentSummary:
    path: str
    kind: str
    pages: int | None
    clauses: int
    error: str | None = None
    engine: str | None = None
    headings: tuple[str, ...] = ()  # the first article headings, for the text summary
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class AxisCoverage:
    id: str
    label: str
    family: str
    addressed: bool  # at least one binding finding (weak "other" mentions do not count)
    strength: str  # "strong", "medium", "weak" or "none"
    lever: Lever | None  # strongest lever found
    findings: tuple[Finding, ...]
    suggestion: str = ""

    @property
    def best(self) -> Finding | None:
        return self.findings[0] if self.findings else None


@dataclass(frozen=True)
class DeclaredValue:
    """A value to declare (DECP or eForms) and the clause that justifies it."""

    field: str  # "considerationsSociales", "BT-06"…
    value: str
    justification: Finding | None


@dataclass(frozen=True)
class TenderReport:
    tender: str
    documents: tuple[DocumentSummary, ...]
    findings: tuple[Finding, ...]
    axes: tuple[AxisCoverage, ...] = ()
    axes_name: str = ""
    compliance: tuple[ComplianceCheck, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    price_only: bool = False
    estimated_amount: float | None = None
    quantities: dict[str, float] = field(default_factory=dict)
    declared: tuple[DeclaredValue, ...] = ()
    errors: tuple[dict[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tender": self.tender,
            "documents": [_document(d) for d in self.documents],
            "findings": [finding_dict(f) for f in self.findings],
            "axes_set": self.axes_name,
            "axes": [_axis(a) for a in self.axes],
            "compliance": [_check(c) for c in self.compliance],
            "award": {
                "criteria": [
                    {"name": c.name, "weight_percent": c.weight_percent, "points": c.points}
                    for c in self.criteria
                ],
                "price_only": self.price_only,
                "environmental_weight_percent": self.quantities.get("environmental_weight_percent"),
                "social_weight_percent": self.quantities.get("social_weight_percent"),
            },
            "quantities": dict(sorted(self.quantities.items())),
            "estimated_amount_eur": self.estimated_amount,
            "declared": [
                {
                    "field": d.field,
                    "value": d.value,
                    "justification": _ref(d.justification) if d.justification else None,
                }
                for d in self.declared
            ],
            "errors": list(self.errors),
        }


def _document(d: DocumentSummary) -> dict[str, Any]:
    return {
        "path": d.path,
        "kind": d.kind,
        "pages": d.pages,
        "clauses": d.clauses,
        "error": d.error,
        "engine": d.engine,
        "warnings": list(d.warnings),
    }


def family_of(finding: Finding) -> str:
    """The family of the clause's highest-scoring flagged axis (contract: one family)."""
    from ..detect.detector import ENVIRONMENTAL_AXES, SOCIAL_AXES

    label = finding.label
    top = max(label.axes, key=lambda a: label.scores[a])
    if top in SOCIAL_AXES:
        return "social"
    if top in ENVIRONMENTAL_AXES:
        return "environmental"
    return "economic"


def finding_dict(f: Finding) -> dict[str, Any]:
    label, clause = f.label, f.clause
    return {
        "document": clause.document,
        "clause": clause.number,
        "heading": clause.title,
        "heading_path": clause.heading,
        "page": clause.page,
        "pages": list(clause.pages),
        "start": clause.start,
        "end": clause.end,
        "text": clause.text,
        "family": family_of(f),
        "families": [str(x) for x in label.families],
        "axes": list(label.axes),
        "lever": str(label.lever) if label.lever else None,
        "legal_basis": LEGAL_BASIS[label.lever] if label.lever else None,
        "score": label.score,
        "scores": {a: round(label.scores[a], 4) for a in label.axes},
        "evidence": _evidence_texts(f),
        "evidence_details": [
            {
                "source": e.source,
                "id": e.id,
                "text": e.text,
                "axis": e.axis,
                "weight": e.weight,
                "start": e.start,
                "end": e.end,
            }
            for e in label.evidence
        ],
        "quantities": dict(sorted(f.quantities.items())),
    }


def _evidence_texts(f: Finding) -> list[str]:
    """Distinct matched texts of rules supporting a flagged axis, then top model n-grams."""
    out: list[str] = []
    for e in f.label.evidence:
        if e.id.startswith("meta:"):  # rule and kind indicators: the rule match is listed already
            continue
        if e.axis is not None and e.weight > 0 and e.text not in out:
            out.append(e.text)
    return out


def _ref(f: Finding) -> dict[str, Any]:
    return {
        "document": f.clause.document,
        "clause": f.clause.number,
        "heading": f.clause.title,
        "page": f.clause.page,
    }


def _axis(a: AxisCoverage) -> dict[str, Any]:
    return {
        "id": a.id,
        "label": a.label,
        "family": a.family,
        "addressed": a.addressed,
        "strength": a.strength,
        "lever": str(a.lever) if a.lever else None,
        "findings": len(a.findings),
        "best": _ref(a.best) | {"text": a.best.clause.text} if a.best else None,
        "suggestion": None if a.addressed else a.suggestion,
    }


def _check(c: ComplianceCheck) -> dict[str, Any]:
    return {
        "id": c.id,
        "status": c.status,
        "message": c.message,
        "advisory": c.advisory,
        "evidence": [_ref(f) for f in c.evidence],
    }
