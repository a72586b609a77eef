"""Spaser indicators over the audited tenders, per year and buyer when known.

Each group (all tenders; each year; each buyer; each year and buyer) gets one flat row of
counts and shares, the same columns for every group, written to indicators.csv and, with the
axes and the declared-vs-detected mismatches, to indicators.json. Shares are over the
tenders analysed (failures are counted apart); compliance rates are ok / (ok + missing).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .metadata import NO_ENV, NO_SOCIAL
from .rows import BINDING_LEVERS, FAMILIES, AuditRow

COMPLIANCE_IDS = ("env_execution_condition", "env_award_criterion", "social_execution_condition")
COMPLIANCE_STATUSES = ("ok", "missing", "not_applicable", "unknown")
# Declared (DECP) vs detected: the four disagreements the issue asks for.
MISMATCHES: dict[str, Callable[[AuditRow], bool]] = {
    "decp_social_none_but_insertion": lambda r: (
        r.declared_social == (NO_SOCIAL,) and r.has_insertion
    ),
    "decp_social_declared_not_found": lambda r: (
        bool(r.declared_social)
        and NO_SOCIAL not in r.declared_social
        and not r.has_family("social")
    ),
    "decp_env_none_but_found": lambda r: (
        r.declared_environmental == (NO_ENV,) and r.has_family("environmental")
    ),
    "decp_env_declared_not_found": lambda r: (
        bool(r.declared_environmental)
        and NO_ENV not in r.declared_environmental
        and not r.has_family("environmental")
    ),
}


@dataclass(frozen=True)
class Indicators:
    axes: tuple[dict[str, str], ...]  # id, label, family of each Spaser axis seen
    columns: tuple[str, ...]
    groups: tuple[dict[str, Any], ...]
    mismatches: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "axes": list(self.axes),
            "groups": list(self.groups),
            "mismatches": list(self.mismatches),
        }

    @property
    def overall(self) -> dict[str, Any]:
        return self.groups[0]


def compute(rows: Sequence[AuditRow]) -> Indicators:
    axes = _axes(rows)
    axis_ids = [a["id"] for a in axes]
    groups = [_group("all", None, None, rows, axis_ids)]
    years = sorted({r.year for r in rows if r.year is not None})
    buyers = sorted({r.buyer for r in rows if r.buyer})
    groups += [_group("year", y, None, [r for r in rows if r.year == y], axis_ids) for y in years]
    groups += [
        _group("buyer", None, b, [r for r in rows if r.buyer == b], axis_ids) for b in buyers
    ]
    for y in years:
        for b in buyers:
            subset = [r for r in rows if r.year == y and r.buyer == b]
            if subset:
                groups.append(_group("year_buyer", y, b, subset, axis_ids))
    mismatches = [
        {
            "tender": r.key,
            "year": r.year,
            "buyer": r.buyer,
            "mismatch": name,
            "declared_social": list(r.declared_social),
            "declared_environmental": list(r.declared_environmental),
        }
        for r in rows
        if r.done
        for name, test in MISMATCHES.items()
        if test(r)
    ]
    return Indicators(tuple(axes), tuple(groups[0]), tuple(groups), tuple(mismatches))


def _axes(rows: Iterable[AuditRow]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for r in rows:
        for a in r.report.get("axes", []):
            seen.setdefault(a["id"], {"id": a["id"], "label": a["label"], "family": a["family"]})
    return list(seen.values())


def _group(
    scope: str, year: int | None, buyer: str | None, rows: Sequence[AuditRow], axis_ids: list[str]
) -> dict[str, Any]:
    done = [r for r in rows if r.done]
    n = len(done)
    out: dict[str, Any] = {
        "scope": scope,
        "year": year,
        "buyer": buyer,
        "tenders": n,
        "failed": len(rows) - n,
    }

    def count(name: str, hits: Iterable[bool]) -> None:
        k = sum(1 for hit in hits if hit)
        out[name] = k
        out[f"{name}_share"] = round(k / n, 4) if n else None

    for family in FAMILIES:
        count(family, [r.has_family(family) for r in done])
    for axis in axis_ids:
        count(f"axis_{axis}", [axis in r.axes for r in done])
    for family in FAMILIES:
        for lever in BINDING_LEVERS:
            count(f"{family}_{lever}", [lever in r.levers(family) for r in done])
    hours = [h for r in done if (h := r.insertion_hours)]
    out["tenders_with_insertion_hours"] = len(hours)
    out["insertion_hours_total"] = sum(hours)
    out["insertion_hours_median"] = statistics.median(hours) if hours else None
    for check in COMPLIANCE_IDS:
        statuses = [r.compliance.get(check, "unknown") for r in done]
        for status in COMPLIANCE_STATUSES:
            out[f"compliance_{check}_{status}"] = statuses.count(status)
        judged = statuses.count("ok") + statuses.count("missing")
        out[f"compliance_{check}_rate"] = (
            round(statuses.count("ok") / judged, 4) if judged else None
        )
    declared = [r for r in done if r.declared_social or r.declared_environmental]
    out["declared_tenders"] = len(declared)
    for name, test in MISMATCHES.items():
        out[name] = sum(1 for r in declared if test(r))
    return out
