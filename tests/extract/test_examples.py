"""The committed example tender still reads as TRUTH.json says (pages checked with pdftotext)."""

from __future__ import annotations

import json

import pytest

from clause_analyzer.extract import PDF_ENGINES, iter_tender, read_document
from clause_analyzer.types import BlockKind, Document


@pytest.fixture(scope="module")
def truth(request) -> dict:
    path = request.config.rootpath / "examples" / "TRUTH.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("engine", PDF_ENGINES)
@pytest.mark.parametrize("name", ["RC", "CCAP", "CCTP"])
def test_every_article_heading_is_on_its_page(request, truth, name: str, engine: str) -> None:
    pdf = request.config.rootpath / "examples" / "DCE_exemple" / f"{name}.pdf"
    document = read_document(pdf.read_bytes(), pdf.name, pdf_engine=engine)
    pages = {b.text: b.page for b in document.blocks}
    expected = truth["documents"][name]
    assert document.pages == expected["pages"]
    for heading in expected["headings"]:
        assert pages.get(heading["heading"]) == heading["page"], heading["heading"]


def test_docx_example_headings_have_levels(request, truth) -> None:
    path = request.config.rootpath / "examples" / "DCE_exemple" / "CCAP.docx"
    document = read_document(path.read_bytes(), path.name)
    headings = [(b.text, b.level) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == [(h["heading"], h["level"]) for h in truth["documents"]["CCAP"]["headings"]]


def test_example_zip_reads_every_piece(request) -> None:
    items = list(iter_tender(request.config.rootpath / "examples" / "DCE_exemple.zip"))
    assert all(isinstance(i, Document) for i in items)
    kinds = {i.path: str(i.kind) for i in items}
    assert kinds["DCE_exemple.zip/Règlement de la consultation.pdf"] == "RC"
    assert kinds["DCE_exemple.zip/02 Pièces techniques/CCTP.pdf"] == "CCTP"
    assert kinds["DCE_exemple.zip/01 Pièces administratives/Acte d'engagement.odt"] == "AE"


def test_insertion_clause_text_is_whole(request) -> None:
    pdf = request.config.rootpath / "examples" / "DCE_exemple" / "CCAP.pdf"
    text = read_document(pdf.read_bytes(), pdf.name).text
    assert "Le volume d'heures d'insertion à réaliser est fixé à 350 heures" in text
