"""Build the example tender (examples/DCE_exemple/ and examples/DCE_exemple.zip) and TRUTH.json.

    python examples/build_examples.py

Needs python-docx, LibreOffice (`soffice`, Debian package libreoffice-writer-nogui, for the
PDF and ODT conversions: realistic pagination, running header and footer, hyphenation with
hyphen-fr) and poppler's `pdftotext` (to record the page of every heading independently of
clause-analyzer's own extractor). The outputs are committed; tests never run this script.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).parent))
from content import AE, BUYER, CCAP, CCTP, MARKET, RC  # noqa: E402

HERE = Path(__file__).parent
OUT = HERE / "DCE_exemple"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# Where the responsible clauses are: (document, article number, family, what it is).
CLAUSES = [
    ("RC", "2", "social", "reserved", "lot 2 réservé aux SIAE (L. 2113-13)"),
    (
        "RC",
        "5",
        "environmental",
        "award_criterion",
        "critère « Performances en matière de protection de l'environnement » 20 %",
    ),
    (
        "CCAP",
        "9.2",
        "social",
        "execution_condition",
        "clause d'insertion : 350 heures par an, facilitateur, pénalité de 60 € par heure",
    ),
    (
        "CCAP",
        "9.3",
        "environmental",
        "execution_condition",
        "tri et valorisation des déchets, registre, bordereaux de suivi, zéro phyto",
    ),
    ("CCTP", "3", "environmental", "specification", "gestion différenciée, zéro phyto"),
    (
        "CCTP",
        "4",
        "environmental",
        "specification",
        "Écolabel européen ou équivalent, paillage 50 % recyclé, Végétal local",
    ),
]
# Look-alike wording that must not be flagged.
FALSE_FRIENDS = [
    ("RC", "1", "insertion au BOAMP, frais d'insertion"),
    ("RC", "4", "raison sociale, siège social"),
    ("CCAP", "1", "insertion au BOAMP ; environnement immédiat du chantier"),
    ("CCAP", "6", "raison sociale et siège social du sous-traitant"),
    ("CCAP", "8", "siège social de l'assureur"),
]


def build_docx(title: str, content: list, header: str) -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    # French language on every style so LibreOffice hyphenates with the French patterns.
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {W_NS} w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/>'))
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(parse_xml(f'<w:r {W_NS}><w:t xml:space="preserve">Page </w:t></w:r>'))
    footer._p.append(
        parse_xml(f'<w:fldSimple {W_NS} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    footer._p.append(parse_xml(f'<w:r {W_NS}><w:t xml:space="preserve"> sur </w:t></w:r>'))
    footer._p.append(
        parse_xml(f'<w:fldSimple {W_NS} w:instr="NUMPAGES"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    # Automatic hyphenation, as in many real CCAPs: it exercises the de-hyphenation.
    document.settings.element.append(parse_xml(f"<w:autoHyphenation {W_NS}/>"))
    for style, value in content:
        if style == "title":
            document.add_heading(value, level=0)
        elif style == "h1":
            document.add_heading(value, level=1)
        elif style == "h2":
            document.add_heading(value, level=2)
        elif style == "bullet":
            document.add_paragraph(value, style="List Bullet")
        elif style == "table":
            table = document.add_table(rows=0, cols=len(value[0]))
            table.style = "Table Grid"
            for row in value:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
        else:
            paragraph = document.add_paragraph(value)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    buffer = io.BytesIO()
    document.core_properties.title = title
    document.save(buffer)
    return buffer.getvalue()


def convert(source: Path, target_format: str, outdir: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return outdir / f"{source.stem}.{target_format}"


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [_squash(page) for page in text.split("\f")[:-1]]


def _squash(text: str) -> str:
    """Letters and digits only: a heading may wrap or be hyphenated in the PDF."""
    return re.sub(r"\W+", "", text).casefold()


def headings_with_pages(content: list, pdf: Path | None) -> list[dict]:
    pages = page_texts(pdf) if pdf else []
    out = []
    for style, value in content:
        if style not in ("h1", "h2"):
            continue
        number = re.match(r"(?:ARTICLE\s+)?(\d+(?:\.\d+)?)", value)
        found = [i + 1 for i, page in enumerate(pages) if _squash(value) in page]
        out.append(
            {
                "number": number.group(1) if number else None,
                "heading": value,
                "level": 1 if style == "h1" else 2,
                "page": found[0] if found else None,
            }
        )
    return out


class _RawNameInfo(zipfile.ZipInfo):
    """Stores the name as cp437 bytes without the UTF-8 flag, as Windows' ZIP tool does."""

    def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's name)
        return self.filename.encode("cp437"), self.flag_bits


def build_zip(members: list[tuple[str, Path]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, path in members:
            info = _RawNameInfo(name, date_time=(2026, 4, 2, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    return buffer.getvalue()


def main() -> None:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        sys.exit("LibreOffice (soffice) and poppler-utils (pdftotext) are needed")
    OUT.mkdir(exist_ok=True)
    docs = {"RC": RC, "CCAP": CCAP, "CCTP": CCTP, "AE": AE}
    truth: dict = {"buyer": BUYER, "market": MARKET, "documents": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for name, content in docs.items():
            source = tmpdir / f"{name}.docx"
            source.write_bytes(build_docx(name, content, f"{BUYER} – {name} – {MARKET[:22]}"))
            if name == "AE":
                shutil.copy(convert(source, "odt", tmpdir), OUT / "AE.odt")
                continue
            pdf = convert(source, "pdf", tmpdir)
            shutil.copy(pdf, OUT / f"{name}.pdf")
            if name == "CCAP":
                shutil.copy(source, OUT / "CCAP.docx")
    for name, content in docs.items():
        pdf = OUT / f"{name}.pdf"
        files = sorted(p.name for p in OUT.glob(f"{name}.*"))
        truth["documents"][name] = {
            "files": files,
            "pages": len(page_texts(pdf)) if pdf.exists() else None,
            "headings": headings_with_pages(content, pdf if pdf.exists() else None),
        }
    for doc, number, family, lever, what in CLAUSES:
        headings = truth["documents"][doc]["headings"]
        page = next(h["page"] for h in headings if h["number"] == number)
        truth["documents"][doc].setdefault("clauses", []).append(
            {"article": number, "family": family, "lever": lever, "page": page, "what": what}
        )
    for doc, number, what in FALSE_FRIENDS:
        truth["documents"][doc].setdefault("false_friends", []).append(
            {"article": number, "what": what}
        )
    (HERE / "TRUTH.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n")
    (HERE / "DCE_exemple.zip").write_bytes(
        build_zip(
            [
                ("Règlement de la consultation.pdf", OUT / "RC.pdf"),
                ("01 Pièces administratives/CCAP.docx", OUT / "CCAP.docx"),
                ("01 Pièces administratives/CCAP.pdf", OUT / "CCAP.pdf"),
                ("01 Pièces administratives/Acte d'engagement.odt", OUT / "AE.odt"),
                ("02 Pièces techniques/CCTP.pdf", OUT / "CCTP.pdf"),
            ]
        )
    )
    print(json.dumps({k: v["pages"] for k, v in truth["documents"].items()}))


if __name__ == "__main__":
    main()
