"""One audited tender as the outputs see it: the stored result joined to the metadata.

What counts, in every output:
- a tender "carries a social (environmental) clause" when one of its findings of that family
  uses a binding lever (specification, execution condition, award criterion, reserved
  contract); weak mentions (lever "other") do not count, as for the DECP values the single
  report derives;
- an axis is covered when the report marks it `addressed` (same rule);
- year and buyer come from the metadata when given, else from the documents (docinfo.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from .metadata import Metadata, TenderMeta
from .store import StoredTender

BINDING_LEVERS = ("specification", "execution_condition", "award_criterion", "reserved")
FAMILIES = ("social", "environmental")


@dataclass(frozen=True)
class AuditRow:
    stored: StoredTender
    meta: TenderMeta | None

    @property
    def key(self) -> str:
        return self.stored.key

    @property
    def done(self) -> bool:
        return self.stored.status == "done"

    @property
    def report(self) -> dict[str, Any]:
        return self.stored.report or {}

    @property
    def year(self) -> int | None:
        return (self.meta and self.meta.year) or self.stored.doc_year

    @property
    def buyer(self) -> str | None:
        return (self.meta and self.meta.buyer) or self.stored.doc_buyer

    @property
    def estimated_amount(self) -> float | None:
        return (self.meta and self.meta.estimated_amount) or self.report.get("estimated_amount_eur")

    @property
    def declared_social(self) -> tuple[str, ...]:
        return self.meta.declared_social if self.meta else ()

    @property
    def declared_environmental(self) -> tuple[str, ...]:
        return self.meta.declared_environmental if self.meta else ()

    @cached_property
    def binding_findings(self) -> list[dict[str, Any]]:
        return [f for f in self.report.get("findings", []) if f.get("lever") in BINDING_LEVERS]

    def has_family(self, family: str) -> bool:
        return any(family in f.get("families", [f["family"]]) for f in self.binding_findings)

    def levers(self, family: str) -> set[str]:
        return {
            f["lever"] for f in self.binding_findings if family in f.get("families", [f["family"]])
        }

    @property
    def has_insertion(self) -> bool:
        return any("insertion" in f["axes"] for f in self.binding_findings)

    @property
    def axes(self) -> set[str]:
        return {a["id"] for a in self.report.get("axes", []) if a.get("addressed")}

    @property
    def insertion_hours(self) -> float | None:
        return self.report.get("quantities", {}).get("insertion_hours")

    @property
    def compliance(self) -> dict[str, str]:
        return {c["id"]: c["status"] for c in self.report.get("compliance", [])}


def join(stored: StoredTender, metadata: Metadata) -> AuditRow:
    return AuditRow(stored, metadata.find(stored.keys))


def slim(stored: StoredTender) -> StoredTender:
    """The stored tender with only what indicators and dashboard read from its report, so
    that tens of thousands of tenders fit in memory (full reports are streamed instead)."""
    if not stored.report:
        return stored
    r = stored.report
    report = {
        "axes": [
            {k: a[k] for k in ("id", "label", "family", "addressed")} for a in r.get("axes", [])
        ],
        "compliance": [{"id": c["id"], "status": c["status"]} for c in r.get("compliance", [])],
        "quantities": {k: v for k, v in r.get("quantities", {}).items() if k == "insertion_hours"},
        "estimated_amount_eur": r.get("estimated_amount_eur"),
        "findings": [
            {k: f.get(k) for k in ("family", "families", "lever", "axes")}
            for f in r.get("findings", [])
            if f.get("lever") in BINDING_LEVERS
        ],
        "errors": r.get("errors", []),
    }
    return replace(stored, report=report)
