from __future__ import annotations

import io
import zipfile

import pytest
from builders import make_docx, p

from clause_analyzer.errors import ExtractionError
from clause_analyzer.extract import read_document
from clause_analyzer.types import BlockKind

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="Article %1 :"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1.%2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
      <w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
      <w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def numbered(text: str, num_id: int, ilvl: int, style: str | None = None) -> str:
    return p(text, style, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


BODY = "".join(
    [
        p("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES"),
        numbered("Objet du marché", 1, 0, "Heading1"),
        p("Le marché porte sur le nettoyage des locaux."),
        numbered("Durée", 1, 0, "Heading1"),
        numbered("Reconduction", 1, 1, "Heading2"),
        numbered("première option", 1, 2),
        numbered("seconde option", 1, 2),
        numbered("Exécution", 1, 0, "Heading1"),
        numbered("Clause d'insertion", 1, 1, "Heading2"),
        # tracked changes: the insertion is kept, the deletion dropped
        '<w:p><w:r><w:t xml:space="preserve">Le titulaire réalise </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>200</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>350</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> heures d\'insertion.</w:t></w:r></w:p>',
        # block-level and inline content controls
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("Texte dans un contrôle de contenu.")
        + "</w:sdtContent></w:sdt>",
        '<w:p><w:r><w:t xml:space="preserve">Montant : </w:t></w:r><w:sdt><w:sdtPr/>'
        "<w:sdtContent><w:r><w:t>1 500,00 €</w:t></w:r></w:sdtContent></w:sdt></w:p>",
        # a text box, with its VML fallback copy that must not be read twice
        "<w:p><w:r><w:t>Avant la zone de texte.</w:t></w:r><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + p("Encadré : le facilitateur accompagne le titulaire.")
        + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        "<v:textbox><w:txbxContent>"
        + p("Encadré : le facilitateur accompagne le titulaire.")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        # a table: one block per row
        "<w:tbl><w:tr><w:tc>" + p("Critère") + "</w:tc><w:tc>" + p("Pondération") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p("Prix") + "</w:tc><w:tc>" + p("60 %") + "</w:tc></w:tr></w:tbl>",
        numbered("Dispositions finales", 2, 0),
        numbered("Annexes", 2, 0),
        p("Titre par niveau de plan", None, '<w:outlineLvl w:val="2"/>'),
    ]
)


@pytest.fixture(scope="module")
def document():
    return read_document(make_docx(BODY, numbering_xml=NUMBERING), "C.C.A.P. Lot 1.docx")


def block(document, text: str):
    return next(b for b in document.blocks if b.text == text)


def test_headings_come_from_styles_with_level(document) -> None:
    heading = block(document, "Clause d'insertion")
    assert (heading.kind, heading.level) == (BlockKind.HEADING, 2)


def test_outline_level_makes_a_heading(document) -> None:
    assert block(document, "Titre par niveau de plan").level == 3


def test_automatic_numbering_is_rebuilt(document) -> None:
    numbers = {b.text: b.number for b in document.blocks if b.number}
    assert numbers["Objet du marché"] == "Article 1 :"
    assert numbers["Exécution"] == "Article 3 :"
    assert numbers["Reconduction"] == "2.1"
    assert numbers["Clause d'insertion"] == "3.1"
    assert numbers["seconde option"] == "b)"
    assert numbers["Annexes"] == "II."


def test_tracked_insertions_kept_and_deletions_dropped(document) -> None:
    assert "Le titulaire réalise 350 heures d'insertion." in document.text
    assert "200" not in document.text


def test_content_controls_are_read(document) -> None:
    assert "Texte dans un contrôle de contenu." in document.text
    assert "Montant : 1 500,00 €" in document.text


def test_text_box_is_read_once_after_its_paragraph(document) -> None:
    texts = [b.text for b in document.blocks]
    box = "Encadré : le facilitateur accompagne le titulaire."
    assert texts.count(box) == 1
    assert texts.index(box) == texts.index("Avant la zone de texte.") + 1


def test_table_rows_in_document_order(document) -> None:
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [r.text for r in rows] == ["Critère | Pondération", "Prix | 60 %"]
    texts = [b.text for b in document.blocks]
    assert texts.index("Prix | 60 %") < texts.index("Dispositions finales")


def test_docx_has_no_pages_and_kind_from_dotted_name(document) -> None:
    assert document.pages is None and {b.page for b in document.blocks} == {None}
    assert str(document.kind) == "CCAP"


def test_french_style_names_are_headings() -> None:
    import docx

    doc = docx.Document()
    style = doc.styles.add_style("Titre 1", 1)
    doc.add_paragraph("ARTICLE 4 – Prix", style=style)
    buffer = io.BytesIO()
    doc.save(buffer)
    document = read_document(buffer.getvalue(), "CCAP.docx")
    assert document.blocks[0].kind is BlockKind.HEADING and document.blocks[0].level == 1


def test_docx_bomb_is_refused_from_declared_size() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document/>" + b" " * (65 * 2**20))
    with pytest.raises(ExtractionError, match="démesurée"):
        read_document(buffer.getvalue(), "CCAP.docx")


def test_old_word_format_asks_for_docx() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(ExtractionError, match=r"Word 97-2003 \(.doc\)"):
        read_document(data, "CCAP.doc")


def test_password_protected_office_file() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(ExtractionError, match="mot de passe"):
        read_document(data, "CCAP.docx")


def test_corrupt_docx() -> None:
    data = make_docx(p("Texte"))
    with pytest.raises(ExtractionError, match="corrompu"):
        read_document(data[: len(data) // 2], "CCAP.docx")


def test_space_only_runs_are_kept() -> None:
    # python-docx parses with remove_blank_text: a run holding a single space must survive.
    import io

    import docx

    from clause_analyzer.extract import read_document

    document = docx.Document()
    paragraph = document.add_paragraph()
    for text in ("heures", " ", "d'insertion"):
        paragraph.add_run(text)
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_document(buffer.getvalue(), "CCAP.docx").blocks[0].text == "heures d'insertion"
