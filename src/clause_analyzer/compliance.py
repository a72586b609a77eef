"""The obligations of loi Climat et Résilience art. 35 (DOMAIN.md §3), checked over findings.

From 21 August 2026 every contract needs an environmental execution condition (L2112-2) and an
environmental award criterion (L2152-7, price alone no longer allowed); contracts at or above
the EU threshold also need a social or employment execution condition (L2112-2-1), unless the
buyer records why not. Consultations launched before that date get the same checks as advice.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources

from .nlp import fold_aligned
from .types import DocKind, Document, Finding, Lever

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

IN_FORCE = date(2026, 8, 21)


@dataclass(frozen=True)
class ComplianceCheck:
    id: str  # env_execution_condition, env_award_criterion, social_execution_condition
    status: str  # ok, missing, not_applicable, unknown
    message: str  # French, cites the article
    advisory: bool = False  # consultation launched before 21 August 2026: advice only
    evidence: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Thresholds:
    works: float
    supplies_services_central: float
    supplies_services_local: float
    utilities: float


def thresholds_on(day: date) -> Thresholds:
    data = tomllib.loads(
        (resources.files("clause_analyzer") / "data" / "thresholds.toml").read_text("utf-8")
    )
    periods = sorted(data["period"], key=lambda p: p["from"])
    chosen = periods[0]
    for period in periods:
        if period["from"] <= day:
            chosen = period  # past the last period, the latest known thresholds apply
    return Thresholds(
        chosen["works"],
        chosen["supplies_services_central"],
        chosen["supplies_services_local"],
        chosen["utilities"],
    )


_WORKS = re.compile(r"\bmarches?\s+(public\s+)?de\s+travaux\b|\bccag[- ]travaux\b|\btravaux\s+de\b")
_CENTRAL = re.compile(r"\bministere\b|\betat\b(?!\s+des\s+lieux)|\bprefecture\b")
_UTILITIES = re.compile(r"\bentite\s+adjudicatrice\b|\bentites\s+adjudicatrices\b")


def applicable_threshold(documents: Sequence[Document], day: date) -> tuple[float, str]:
    """The EU threshold for this tender and a French description of why it applies."""
    text = fold_aligned(" ".join(b.text for d in documents for b in d.blocks[:80]))
    t = thresholds_on(day)
    if _WORKS.search(text):
        return t.works, "marché de travaux"
    if _UTILITIES.search(text):
        return t.utilities, "entité adjudicatrice"
    if _CENTRAL.search(text):
        return t.supplies_services_central, "fournitures et services de l'État"
    return t.supplies_services_local, "fournitures et services d'une collectivité"


_DEADLINE = re.compile(
    r"date\s+(et\s+heure\s+)?limite\s+de\s+(remise|reception|depot)\s+des\s+(offres|plis|candidatures)"
    r"[^0-9]{0,40}(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"
)


def launch_date(documents: Sequence[Document], today: date) -> tuple[date, str]:
    """When the consultation was launched, as far as the documents tell."""
    for document in documents:
        if m := _DEADLINE.search(fold_aligned(document.text)):
            try:
                deadline = date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            # The launch precedes the deadline; a deadline before the date in force proves an
            # earlier launch, a later one proves nothing, so "today" is used then.
            if deadline < IN_FORCE:
                return deadline, "date limite de remise des offres"
    return today, "date du jour"


def check(
    documents: Sequence[Document],
    findings: Sequence[Finding],
    estimated_amount: float | None,
    price_only: bool,
    today: date | None = None,
) -> list[ComplianceCheck]:
    today = today or date.today()
    launched, source = launch_date(documents, today)
    advisory = launched < IN_FORCE
    note = (
        f" (consultation antérieure au 21 août 2026 d'après la {source} : à titre de conseil)"
        if advisory
        else ""
    )
    env = [f for f in findings if f.label.environmental]
    social = [f for f in findings if f.label.social]
    checks = [
        _env_execution(env, note, advisory),
        _env_award(documents, env, price_only, note, advisory),
        _social_execution(documents, social, estimated_amount, launched, note, advisory),
    ]
    return checks


def _with_lever(findings: Sequence[Finding], lever: Lever) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.label.lever is lever)


def _env_execution(env: Sequence[Finding], note: str, advisory: bool) -> ComplianceCheck:
    found = _with_lever(env, Lever.EXECUTION_CONDITION)
    if found:
        return ComplianceCheck(
            "env_execution_condition",
            "ok",
            f"Condition d'exécution environnementale présente (art. L2112-2 du CCP){note}.",
            advisory,
            found,
        )
    specs = _with_lever(env, Lever.SPECIFICATION)
    extra = (
        " Des spécifications techniques environnementales existent, mais elles ne remplacent "
        "pas une condition d'exécution."
        if specs
        else ""
    )
    return ComplianceCheck(
        "env_execution_condition",
        "missing",
        "Aucune condition d'exécution à caractère environnemental trouvée : obligatoire pour "
        f"les consultations lancées à partir du 21 août 2026 (art. L2112-2 du CCP){note}.{extra}",
        advisory,
        specs,
    )


def _env_award(
    documents: Sequence[Document],
    env: Sequence[Finding],
    price_only: bool,
    note: str,
    advisory: bool,
) -> ComplianceCheck:
    found = _with_lever(env, Lever.AWARD_CRITERION)
    if price_only:
        return ComplianceCheck(
            "env_award_criterion",
            "missing",
            "Le jugement des offres repose sur le seul critère du prix : ce n'est plus permis, "
            f"au moins un critère doit porter sur les caractéristiques environnementales de "
            f"l'offre (art. L2152-7 du CCP){note}.",
            advisory,
            found,
        )
    if found:
        return ComplianceCheck(
            "env_award_criterion",
            "ok",
            f"Critère d'attribution environnemental présent (art. L2152-7 du CCP){note}.",
            advisory,
            found,
        )
    if not any(d.kind is DocKind.RC for d in documents):
        return ComplianceCheck(
            "env_award_criterion",
            "unknown",
            "Pas de règlement de la consultation parmi les pièces : les critères d'attribution "
            f"n'ont pas pu être vérifiés (art. L2152-7 du CCP){note}.",
            advisory,
        )
    return ComplianceCheck(
        "env_award_criterion",
        "missing",
        "Aucun critère d'attribution environnemental trouvé : au moins un critère doit porter "
        f"sur les caractéristiques environnementales de l'offre (art. L2152-7 du CCP){note}.",
        advisory,
    )


def _social_execution(
    documents: Sequence[Document],
    social: Sequence[Finding],
    amount: float | None,
    launched: date,
    note: str,
    advisory: bool,
) -> ComplianceCheck:
    found = _with_lever(social, Lever.EXECUTION_CONDITION) + _with_lever(social, Lever.RESERVED)
    threshold, kind = applicable_threshold(documents, launched)
    exception = (
        " L'acheteur peut y déroger en justifiant que la condition serait sans lien avec "
        "l'objet, restreindrait la concurrence ou serait trop difficile à mettre en œuvre."
    )
    if amount is None:
        status = "ok" if found else "unknown"
        message = (
            "Condition d'exécution sociale présente (art. L2112-2-1 du CCP)"
            if found
            else "Montant estimé introuvable dans les pièces : impossible de savoir si le "
            f"seuil européen ({threshold:,.0f} € HT, {kind}) est atteint et si une condition "
            "d'exécution sociale est obligatoire (art. L2112-2-1 du CCP)"
        )
        return ComplianceCheck(
            "social_execution_condition", status, message + note + ".", advisory, found
        )
    amount_text = f"{amount:,.0f} € HT".replace(",", " ")
    threshold_text = f"{threshold:,.0f} € HT".replace(",", " ")
    if amount < threshold:
        return ComplianceCheck(
            "social_execution_condition",
            "not_applicable",
            f"Montant estimé {amount_text} sous le seuil européen de {threshold_text} ({kind}) : "
            "la condition d'exécution sociale n'est pas obligatoire "
            f"(art. L2112-2-1 du CCP){note}.",
            advisory,
            found,
        )
    if found:
        return ComplianceCheck(
            "social_execution_condition",
            "ok",
            f"Montant estimé {amount_text}, au-delà du seuil européen de {threshold_text} "
            f"({kind}) : condition d'exécution sociale présente (art. L2112-2-1 du CCP){note}.",
            advisory,
            found,
        )
    return ComplianceCheck(
        "social_execution_condition",
        "missing",
        f"Montant estimé {amount_text}, au-delà du seuil européen de {threshold_text} ({kind}) : "
        f"aucune condition d'exécution sociale ou relative à l'emploi trouvée (art. L2112-2-1 du "
        f"CCP){note}.{exception}",
        advisory,
    )
