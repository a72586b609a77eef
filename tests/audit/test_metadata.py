"""The auditor's metadata file (CSV or JSON) and the year and buyer read from documents."""

from __future__ import annotations

import json

import pytest

from clause_analyzer.audit.docinfo import guess_buyer, guess_year
from clause_analyzer.audit.metadata import load_metadata
from clause_analyzer.errors import ConfigError
from clause_analyzer.types import Block, DocKind, Document


def test_csv_with_semicolons_and_french_numbers(tmp_path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        "id;buyer;year;estimated_amount;considerationsSociales\n"
        "DCE_1;Ville de Lyon;2021;1 250 000,50;Clause sociale|Critère social\n",
        encoding="utf-8",
    )
    row = load_metadata(path).find(["archives/DCE_1.zip"])
    assert row is not None
    assert (row.buyer, row.year, row.estimated_amount) == ("Ville de Lyon", 2021, 1250000.5)
    assert row.declared_social == ("Clause sociale", "Critère social")


def test_json_list_of_objects(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            [
                {
                    "path": "a/DCE_2",
                    "considerationsEnvironnementales": ["Pas de considération environnementale"],
                }
            ]
        )
    )
    row = load_metadata(path).find(["a/DCE_2"])
    assert row is not None and row.declared_environmental == (
        "Pas de considération environnementale",
    )


def test_unknown_decp_value_is_refused_with_its_line(tmp_path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("id,considerationsSociales\nDCE_1,Clause vague\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ligne 2.*Clause vague"):
        load_metadata(path)


def _doc(*lines: str, kind: DocKind = DocKind.RC) -> Document:
    return Document("RC.pdf", kind, tuple(Block(t) for t in lines))


def test_year_from_dates_and_market_number() -> None:
    doc = _doc("Marché n° 2019-044", "Date limite : 12/03/2019", "Révisé le 2 mai 2020")
    assert guess_year([doc]) == 2019


def test_buyer_from_first_lines() -> None:
    assert guess_buyer([_doc("Ville de Lyon – Direction des achats", "RC")]) == "Ville de Lyon"
    assert guess_buyer([_doc("RC", "Pouvoir adjudicateur : SIVOM de la Vallée")]) == (
        "SIVOM de la Vallée"
    )
    assert guess_buyer([_doc("Règlement", "Objet")]) is None
