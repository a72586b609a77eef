"""Figures read from clause text."""

from __future__ import annotations

import pytest

from clause_analyzer.quantities import (
    criteria,
    estimated_amounts,
    insertion_quantities,
    is_price_only,
    parse_number,
    shares,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("350", 350), ("1 500", 1500), ("1.500", 1500), ("12,5", 12.5), ("trois cent cinquante", 350),
     ("deux mille", 2000), ("vingt-cinq", 25), ("plusieurs", None)],
)  # fmt: skip
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_insertion_hours_and_penalty() -> None:
    q = insertion_quantities(
        "Le titulaire réalise 1 200 heures d'insertion au profit de personnes éloignées de "
        "l'emploi. Pénalité : 45 € HT par heure non réalisée."
    )
    assert q == {"insertion_hours": 1200, "insertion_penalty_per_hour_eur": 45}


def test_insertion_share_of_hours() -> None:
    q = insertion_quantities("un volume d'insertion égal à 7 % des heures travaillées")
    assert q["insertion_hours_percent"] == 7


def test_hours_that_are_not_insertion_hours_are_ignored() -> None:
    assert (
        insertion_quantities("Intervention sous 48 heures après l'appel ; 8 heures par jour.") == {}
    )


def test_criteria_lines_and_table_rows() -> None:
    found = criteria(
        "1. Prix : 55 %\nValeur technique | 30 %\nCritère 3 – Performances environnementales (15 %)"
    )
    assert [(c.name, c.weight_percent) for c in found] == [
        ("Prix", 55), ("Valeur technique", 30), ("Performances environnementales", 15)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Le critère unique est le prix.", True), ("Jugement au prix le plus bas.", True),
     ("Prix : 60 % ; valeur technique : 40 %", False),
     ("note = 50 × (offre la moins disante / offre analysée)", False)],
)  # fmt: skip
def test_price_only(text: str, expected: bool) -> None:
    assert is_price_only(text) is expected


def test_estimated_amounts() -> None:
    assert estimated_amounts("Le montant estimé du marché est de 1 250 000 € HT.") == [1_250_000]
    assert estimated_amounts("montant prévisionnel : 2,5 M€") == [2_500_000]


def test_food_and_recycled_shares() -> None:
    assert shares("au moins 50 % de produits durables et de qualité dont 20 % de produits bio") == {
        "sustainable_food_percent": 50,
        "organic_percent": 20,
    }
