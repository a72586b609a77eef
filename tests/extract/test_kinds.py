from __future__ import annotations

import pytest

from clause_analyzer.extract import guess_kind

NAMES = [
    ("02_CCAP_lot3_v2.pdf", "CCAP"),
    ("C.C.T.P. Lot 1.docx", "CCTP"),
    ("RC.pdf", "RC"),
    ("Reglement_consultation.odt", "RC"),
    ("Règlement de la consultation.pdf", "RC"),
    ("CCTP-Lot 1 - Gros oeuvre.docx", "CCTP"),
    ("Cahier des clauses administratives particulieres.pdf", "CCAP"),
    ("AE_lot2.pdf", "AE"),
    ("ATTRI1.docx", "AE"),
    ("Acte d'engagement.odt", "AE"),
    ("DPGF lot 4.xlsx", "BPU"),
    ("BPU.pdf", "BPU"),
    ("Décomposition du prix global et forfaitaire.pdf", "BPU"),
    ("CCAG-FCS 2021.pdf", "other"),
    ("CCAGTravaux.pdf", "other"),
    ("Plan de situation.pdf", "other"),
    ("DCE.zip/01 Pièces/ccap.PDF", "CCAP"),
]


@pytest.mark.parametrize(("name", "kind"), NAMES)
def test_kind_from_file_name(name: str, kind: str) -> None:
    assert str(guess_kind(name)) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("MAIRIE DE X\nCAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES\nMarché…", "CCAP"),
        ("Règlement de la consultation\nProcédure adaptée", "RC"),
        ("Cahier des Clauses Techniques Particulières – lot 2", "CCTP"),
        ("ACTE D'ENGAGEMENT", "AE"),
        ("Le CCAG applicable est le CCAG-Travaux.", "other"),
    ],
)
def test_kind_from_first_page_when_the_name_says_nothing(text: str, kind: str) -> None:
    assert str(guess_kind("document_final_v3.pdf", text)) == kind


def test_name_wins_over_content() -> None:
    assert str(guess_kind("CCTP.pdf", "Règlement de la consultation")) == "CCTP"
