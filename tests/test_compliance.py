"""The 2026 obligations, on tenders built in the test."""

from __future__ import annotations

from datetime import date

import pytest

from clause_analyzer.compliance import applicable_threshold, thresholds_on


def statuses(report) -> dict[str, str]:
    return {c.id: c.status for c in report.compliance}


RC_PRICE_ONLY = (
    "REGLEMENT DE LA CONSULTATION\nARTICLE 5 – JUGEMENT DES OFFRES\n"
    "Le critère unique de jugement des offres est le prix.\n"
)
CCAP_BASE = (
    "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIERES\n"
    "ARTICLE 1 – OBJET\nLe marché porte sur des prestations de nettoyage des bâtiments communaux.\n"
    "ARTICLE 2 – MONTANT\nLe montant estimé du marché est de {amount} € HT.\n"
)
INSERTION = (
    "ARTICLE 9 – CLAUSE SOCIALE D'INSERTION\nLe titulaire réserve 400 heures de travail à des "
    "personnes éloignées de l'emploi (demandeurs d'emploi de longue durée, bénéficiaires du RSA), "
    "avec l'appui du facilitateur de la Maison de l'emploi. Une pénalité de 50 € est appliquée "
    "par heure non réalisée.\n"
)
WASTE = (
    "ARTICLE 10 – GESTION DES DECHETS\nLe titulaire trie les déchets produits sur site, les fait "
    "valoriser dans des filières agréées et remet chaque mois les bordereaux de suivi des "
    "déchets.\n"
)


def test_price_only_and_no_env_clause_fail(analyzer, tmp_path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "RC.txt").write_text(RC_PRICE_ONLY, encoding="utf-8")
    (folder / "CCAP.txt").write_text(CCAP_BASE.format(amount="150 000"), encoding="utf-8")
    report = analyzer.analyze(folder)
    assert report.price_only
    assert statuses(report) == {
        "env_execution_condition": "missing",
        "env_award_criterion": "missing",
        "social_execution_condition": "not_applicable",
    }


def test_above_threshold_with_insertion_and_waste(analyzer, tmp_path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "CCAP.txt").write_text(
        CCAP_BASE.format(amount="480 000") + INSERTION + WASTE, encoding="utf-8"
    )
    report = analyzer.analyze(folder)
    s = statuses(report)
    assert s["env_execution_condition"] == "ok"
    assert s["social_execution_condition"] == "ok"
    assert s["env_award_criterion"] == "unknown"  # no RC among the pieces
    assert report.quantities["insertion_hours"] == 400
    assert report.quantities["insertion_penalty_per_hour_eur"] == 50


def test_above_threshold_without_social_clause_is_missing(analyzer) -> None:
    report = analyzer.analyze_text(CCAP_BASE.format(amount="900 000") + WASTE, name="CCAP.txt")
    check = next(c for c in report.compliance if c.id == "social_execution_condition")
    assert check.status == "missing" and "L2112-2-1" in check.message and "déroger" in check.message


def test_unknown_amount_gives_unknown(analyzer) -> None:
    report = analyzer.analyze_text(
        "ARTICLE 1 – OBJET\nNettoyage des locaux.\n" + WASTE, name="CCAP.txt"
    )
    assert statuses(report)["social_execution_condition"] == "unknown"


def test_consultation_before_august_2026_is_advisory(analyzer) -> None:
    text = RC_PRICE_ONLY + "Date limite de réception des offres : 15/03/2026 à 12h00.\n"
    report = analyzer.analyze_text(text, name="RC.txt")
    assert all(c.advisory for c in report.compliance)
    assert "à titre de conseil" in report.compliance[0].message


@pytest.mark.parametrize(
    ("text", "threshold"),
    [
        ("Marché public de travaux de voirie", 5_404_000),
        ("Prestations de nettoyage pour la commune", 216_000),
        ("Le ministère de l'intérieur passe un marché de fournitures", 140_000),
    ],
)
def test_thresholds_by_kind(text: str, threshold: float) -> None:
    from clause_analyzer.types import Block, DocKind, Document

    document = Document("CCAP.txt", DocKind.CCAP, (Block(text),))
    assert applicable_threshold([document], date(2026, 9, 1))[0] == threshold


def test_thresholds_are_dated() -> None:
    assert thresholds_on(date(2025, 6, 1)).supplies_services_local == 221_000
    assert thresholds_on(date(2026, 6, 1)).supplies_services_local == 216_000
