"""AUDIT_DIR/index.html: one self-contained page (inline CSS, SVG charts, a few lines of JS).

Nothing is loaded from the network: auditors open it offline, and drafts are confidential.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import jinja2

from .indicators import COMPLIANCE_IDS, Indicators
from .rows import AuditRow

COMPLIANCE_LABELS = {
    "env_execution_condition": "Condition d'exécution environnementale",
    "env_award_criterion": "Critère d'attribution environnemental",
    "social_execution_condition": "Condition d'exécution sociale ou d'emploi",
}
MISMATCH_LABELS = {
    "decp_social_none_but_insertion": "Déclaré « Pas de considération sociale », clause "
    "d'insertion trouvée",
    "decp_social_declared_not_found": "Considération sociale déclarée, aucune clause sociale "
    "trouvée",
    "decp_env_none_but_found": "Déclaré « Pas de considération environnementale », clause "
    "environnementale trouvée",
    "decp_env_declared_not_found": "Considération environnementale déclarée, aucune clause "
    "environnementale trouvée",
}
_STATUS_MARK = {"ok": "✓", "missing": "✗", "not_applicable": "–", "unknown": "?"}


def render_dashboard(rows: Sequence[AuditRow], indicators: Indicators) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("clause_analyzer.audit", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    overall = indicators.overall
    years = [g for g in indicators.groups if g["scope"] == "year"]
    return env.get_template("dashboard.html.j2").render(
        generated=datetime.now().strftime("%d/%m/%Y %H:%M"),
        overall=overall,
        axes=[
            {**a, "count": overall[f"axis_{a['id']}"], "share": overall[f"axis_{a['id']}_share"]}
            for a in indicators.axes
        ],
        years=years,
        compliance=[
            {
                "label": COMPLIANCE_LABELS[c],
                "rate": overall[f"compliance_{c}_rate"],
                "counts": [
                    (s, overall[f"compliance_{c}_{s}"])
                    for s in ("ok", "missing", "not_applicable", "unknown")
                ],
            }
            for c in COMPLIANCE_IDS
        ],
        mismatches=[(MISMATCH_LABELS[k], overall[k]) for k in MISMATCH_LABELS],
        tenders=[_tender(r) for r in rows if r.done],
        failures=[r for r in rows if not r.done],
    )


def _tender(r: AuditRow) -> dict[str, Any]:
    return {
        "key": r.key,
        "html": f"reports/{r.stored.html}" if r.stored.html else None,
        "year": r.year,
        "buyer": r.buyer or "",
        "social": r.has_family("social"),
        "environmental": r.has_family("environmental"),
        "axes": len(r.axes),
        "hours": r.insertion_hours,
        "compliance": [_STATUS_MARK[r.compliance.get(c, "unknown")] for c in COMPLIANCE_IDS],
        "errors": len(r.report.get("errors", [])),
    }
