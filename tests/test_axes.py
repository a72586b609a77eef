"""Spaser axes files: the default set, the example métropole file, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from clause_analyzer.axes import default_axes, load_axes, parse_axes
from clause_analyzer.errors import ConfigError

EXAMPLE = Path(__file__).parent.parent / "examples" / "axes_metropole.toml"


def test_default_axes_cover_the_eight_detected_axes() -> None:
    axes = default_axes()
    assert [a.id for a in axes.axes] == [
        "insertion", "handicap_reserve", "egalite_conditions", "climat_energie",
        "circularite_ressources", "biodiversite_sante", "alimentation_durable",
        "economie_pme_innovation",
    ]  # fmt: skip
    assert all(a.suggestion for a in axes.axes)


def test_example_metropole_file_has_four_axes() -> None:
    axes = load_axes(EXAMPLE)
    assert len(axes.axes) == 4
    assert axes.by_id("achats_inclusifs").detected == (
        "insertion",
        "handicap_reserve",
        "egalite_conditions",
    )


GOOD = """
[[axis]]
id = "a"
label = "A"
family = "social"
detected = ["insertion"]
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "aucun axe"),
        (GOOD + GOOD, "en double"),
        (GOOD.replace('["insertion"]', '["nope"]'), "inconnu"),
        (GOOD.replace('["insertion"]', "[]"), "axe vide"),
        (GOOD.replace('"social"', '"green"'), "family"),
        (GOOD + 'colour = "red"\n', "clé inconnue"),
        (GOOD.replace('id = "a"', 'id = "A b"'), "id"),
        ("[[axis", "TOML invalide"),
    ],
)
def test_invalid_axes_files_give_clear_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_axes(text, "mes_axes.toml")


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="illisible"):
        load_axes(tmp_path / "absent.toml")
