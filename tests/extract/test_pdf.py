from __future__ import annotations

from pathlib import Path

import pytest
from builders import Line, make_blank_pdf, make_pdf

from clause_analyzer.errors import ExtractionError
from clause_analyzer.extract import PDF_ENGINES, read_document
from clause_analyzer.types import BlockKind

EXAMPLES_DIR = Path(__file__).parents[2] / "examples"

pytestmark = pytest.mark.usefixtures("needs_font")

BODY = [
    [
        Line("Sommaire", bold=True),
        Line("ARTICLE 1 – Objet du marché ........................ 1"),
        Line("ARTICLE 2 – Sous-traitance ......................... 2"),
        Line("ARTICLE 1 – Objet du marché", bold=True, gap=1),
        Line("Le présent marché a pour objet l'entretien des espaces verts et la main-", gap=0.5),
        Line("tenance des équipements sportifs de la communauté d'agglomération. Les"),
        Line("prestations comprennent la tonte, la taille et le ramassage des feuilles."),
        Line("Le montant maximum annuel est fixé à 45 000,00 € HT pour l'ensemble des", gap=0.5),
        Line("lots, toutes prestations comprises, y compris les frais de déplacement et de"),
    ],
    [
        Line("gestion des déchets produits.", gap=0),
        Line("ARTICLE 2 – Sous-traitance", bold=True, gap=1),
        Line(
            "Le titulaire peut sous-traiter une partie des prestations, c'est-à-dire les", gap=0.5
        ),
        Line("travaux d'élagage ; les prestations sous-traitées et les prestations sous-"),
        Line("traitées de second rang sont déclarées au pouvoir adjudicateur au préalable."),
        Line("• le nom et le siège social du sous-traitant ;", gap=0.5),
        Line("• le montant des prestations concernées."),
    ],
]


@pytest.fixture(scope="module")
def tender_pdf() -> bytes:
    return make_pdf(BODY)


@pytest.fixture(scope="module", params=PDF_ENGINES)
def document(request: pytest.FixtureRequest, tender_pdf: bytes):
    return read_document(tender_pdf, "02_CCAP_lot3_v2.pdf", pdf_engine=request.param)


def texts(document) -> list[str]:
    return [block.text for block in document.blocks]


def test_pages_are_counted_and_one_based(document) -> None:
    assert document.pages == 2
    assert {b.page for b in document.blocks} == {1, 2}


def test_running_header_and_page_footer_are_dropped(document) -> None:
    assert not any("Val de Lézarde" in t or "Page " in t for t in texts(document))


def test_table_of_contents_lines_are_dropped(document) -> None:
    assert not any("....." in t or t == "Sommaire" for t in texts(document))


def test_headings_stay_on_their_page(document) -> None:
    pages = {b.text: b.page for b in document.blocks}
    assert pages["ARTICLE 1 – Objet du marché"] == 1
    assert pages["ARTICLE 2 – Sous-traitance"] == 2


def test_lines_become_paragraphs_and_hyphenation_is_undone(document) -> None:
    assert (
        "Le présent marché a pour objet l'entretien des espaces verts et la maintenance des "
        "équipements sportifs de la communauté d'agglomération. Les prestations comprennent "
        "la tonte, la taille et le ramassage des feuilles." in texts(document)
    )


def test_paragraph_continues_across_page_break(document) -> None:
    joined = [t for t in texts(document) if t.startswith("Le montant maximum")]
    assert joined and joined[0].endswith("frais de déplacement et de gestion des déchets produits.")


def test_compounds_keep_their_hyphen_at_line_end(document) -> None:
    text = document.text
    assert "les prestations sous-traitées de second rang" in text
    assert "c'est-à-dire" in text


def test_non_breaking_spaces_are_normalised(document) -> None:
    assert "45 000,00 € HT" in document.text


def test_bullets_become_list_items(document) -> None:
    items = [b.text for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    if document.engine == "pdfminer" and not items:
        pytest.skip("pdfminer drops the Symbol bullet glyph of this font")
    assert items == [
        "le nom et le siège social du sous-traitant ;",
        "le montant des prestations concernées.",
    ]


def test_kind_is_guessed_from_messy_name(document) -> None:
    assert str(document.kind) == "CCAP"


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (b"", "fichier vide"),
        (b"%PDF-1.7\n1 0 obj <<", "corrompu"),
    ],
)
def test_broken_pdfs_raise_clear_errors(data: bytes, cause: str) -> None:
    with pytest.raises(ExtractionError, match=cause):
        read_document(data, "CCAP.pdf")


def test_truncated_pdf_is_reported_as_corrupt(tender_pdf: bytes) -> None:
    with pytest.raises(ExtractionError) as info:
        read_document(tender_pdf[: len(tender_pdf) // 3], "CCAP.pdf")
    assert "corrompu" in info.value.cause or "texte" in info.value.cause


def test_scanned_pdf_asks_for_ocr() -> None:
    with pytest.raises(ExtractionError, match="OCR"):
        read_document(make_blank_pdf(), "CCAP.pdf")


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_encrypted_pdf_says_so(engine: str) -> None:
    data = make_pdf([["Texte confidentiel du marché."]], encrypt_password="secret")
    with pytest.raises(ExtractionError, match="mot de passe"):
        read_document(data, "CCAP.pdf", pdf_engine=engine)


def test_unknown_engine_is_a_programming_error(tender_pdf: bytes) -> None:
    with pytest.raises(ValueError):
        read_document(tender_pdf, "CCAP.pdf", pdf_engine="ocr")


def test_justified_line_end_hyphen_with_gap_is_rejoined() -> None:
    # PDFium renders LibreOffice's justified hyphenation as "valorisa -" + "tion …".
    data = (EXAMPLES_DIR / "DCE_exemple" / "RC.pdf").read_bytes()
    text = read_document(data, "RC.pdf").text
    assert "valorisation des déchets verts" in text
    assert "valorisa -" not in text
