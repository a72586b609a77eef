from __future__ import annotations

import pytest
from builders import make_odt

from clause_analyzer.errors import ExtractionError
from clause_analyzer.extract import read_document
from clause_analyzer.types import BlockKind

ODT_BODY = (
    '<text:h text:outline-level="1">ARTICLE 9 – Conditions d\'exécution</text:h>'
    "<text:p>Le titulaire<text:s/> réalise<text:tab/>350 heures.<text:note><text:note-body>"
    "<text:p>Note de bas de page.</text:p></text:note-body></text:note></text:p>"
    '<text:h text:outline-level="2"><text:number>9.2</text:number>Insertion</text:h>'
    "<text:list><text:list-item><text:p>premier public</text:p></text:list-item>"
    "<text:list-item><text:p>second public</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Critère</text:p></table:table-cell>"
    "<table:table-cell><text:p>20 %</text:p></table:table-cell></table:table-row></table:table>"
    "<text:section><text:p>Dans une section.</text:p></text:section>"
)


@pytest.fixture(scope="module")
def odt():
    return read_document(make_odt(ODT_BODY), "CCAP.odt")


def test_odt_headings_with_outline_level(odt) -> None:
    headings = [(b.text, b.level, b.number) for b in odt.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("ARTICLE 9 – Conditions d'exécution", 1, None), ("Insertion", 2, "9.2")]


def test_odt_paragraph_spaces_and_no_footnote(odt) -> None:
    assert odt.blocks[1].text == "Le titulaire réalise 350 heures."


def test_odt_lists_tables_and_sections_in_order(odt) -> None:
    assert [(b.kind, b.text) for b in odt.blocks[3:]] == [
        (BlockKind.LIST_ITEM, "premier public"),
        (BlockKind.LIST_ITEM, "second public"),
        (BlockKind.TABLE_ROW, "Critère | 20 %"),
        (BlockKind.PARAGRAPH, "Dans une section."),
    ]


def test_cp1252_text_is_decoded() -> None:
    data = "Règlement de la consultation\n\nLes entreprises adaptées sont éligibles.".encode(
        "cp1252"
    )
    document = read_document(data, "RC.txt")
    assert document.blocks[1].text == "Les entreprises adaptées sont éligibles."
    assert str(document.kind) == "RC"


def test_utf8_bom_and_form_feeds_are_pages() -> None:
    data = "\ufeffPremière page.\fDeuxième page.".encode()
    document = read_document(data, "CCTP.txt")
    assert [(b.text, b.page) for b in document.blocks] == [
        ("Première page.", 1),
        ("Deuxième page.", 2),
    ]
    assert document.pages == 2


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    data = (
        b"Le titulaire realise\nune action d'insertion.\n\nArticle 2 - Prix\nLes prix sont fermes."
    )
    texts = [b.text for b in read_document(data, "CCAP.txt").blocks]
    assert texts == [
        "Le titulaire realise une action d'insertion.",
        "Article 2 - Prix",
        "Les prix sont fermes.",
    ]


def test_markdown_headings() -> None:
    data = "# ARTICLE 1 – Objet\n\nTexte.\n\n## 1.1 Détail\n\n- une puce\n".encode()
    blocks = read_document(data, "brouillon.md").blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (BlockKind.HEADING, 1, "ARTICLE 1 – Objet"),
        (BlockKind.PARAGRAPH, None, "Texte."),
        (BlockKind.HEADING, 2, "1.1 Détail"),
        (BlockKind.LIST_ITEM, None, "une puce"),
    ]


@pytest.mark.parametrize(
    ("data", "name", "cause"),
    [
        (b"\x00\x01\x02binary\x00", "notes.txt", "format de fichier non reconnu"),
        (b"{\\rtf1\\ansi hello}", "CCAP.rtf", "RTF"),
        (b"   \n", "vide.txt", "fichier vide"),
        (b"ceci n'est pas un pdf", "CCAP.pdf", "extension .pdf"),
    ],
)
def test_unreadable_inputs(data: bytes, name: str, cause: str) -> None:
    with pytest.raises(ExtractionError, match=cause):
        read_document(data, name)
