"""Builders of small test documents, made at test time (nothing large is committed)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class Line:
    """One line of a test PDF page: text, bold or not, blank space before it (in lines)."""

    text: str
    bold: bool = False
    gap: float = 0.0
    indent: float = 0.0


def make_pdf(
    pages: list[list[Line | str]],
    *,
    header: str | None = "Communauté d'agglomération du Val de Lézarde – CCAP",
    footer: bool = True,
    encrypt_password: str | None = None,
) -> bytes:
    """A born-digital PDF with the given lines at fixed positions, so line breaks are known."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    total = len(pages)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", "", 9)
        if header:
            pdf.text(57, 40, header)
        if footer:
            pdf.text(270, 810, f"Page {number} sur {total}")
        y = 100.0
        for item in lines:
            line = Line(item) if isinstance(item, str) else item
            y += line.gap * 14
            pdf.set_font("DejaVu", "B" if line.bold else "", 12 if line.bold else 10)
            pdf.text(57 + line.indent, y, line.text)
            y += 14
    if encrypt_password is not None:
        pdf.set_encryption(owner_password="proprio", user_password=encrypt_password)
    return bytes(pdf.output())


def make_blank_pdf(pages: int = 2) -> bytes:
    """Pages with drawings but no text layer, as a scanned document looks to an extractor."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(50, 50, 400, 600, style="F")
    return bytes(pdf.output())


class _RawNameInfo(zipfile.ZipInfo):
    """A ZipInfo written with the exact name bytes given, without the UTF-8 flag."""

    raw: bytes = b""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 (zipfile's name)
        return self.raw, self.flag_bits


@dataclass(frozen=True)
class ZipEntry:
    name: str | bytes  # bytes: raw name stored without the UTF-8 flag (cp437, cp850…)
    data: bytes = b""
    symlink: bool = False
    encrypted_flag: bool = False
    compress: bool = True


def make_zip(entries: list[ZipEntry]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for entry in entries:
            if isinstance(entry.name, bytes):
                info: zipfile.ZipInfo = _RawNameInfo(entry.name.decode("cp437"))
                info.raw = entry.name  # type: ignore[attr-defined]
            else:
                info = zipfile.ZipInfo(entry.name)
            info.compress_type = zipfile.ZIP_DEFLATED if entry.compress else zipfile.ZIP_STORED
            if entry.symlink:
                info.external_attr = 0o120777 << 16
            zf.writestr(info, entry.data)
            if entry.encrypted_flag:
                info.flag_bits |= 0x1
    data = buffer.getvalue()
    if any(e.encrypted_flag for e in entries):
        data = _set_encrypted_flags(data)
    return data


def _set_encrypted_flags(data: bytes) -> bytes:
    """Mark every member as encrypted in the local and central headers (contents unchanged)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (pos := out.find(signature, start)) != -1:
            out[pos + offset] |= 0x1
            start = pos + 4
    return bytes(out)


def forge_declared_size(data: bytes, member: str, declared: int) -> bytes:
    """Rewrite a member's uncompressed size in the central directory (a lying archive)."""
    out = bytearray(data)
    name = member.encode()
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        name_len = int.from_bytes(out[pos + 28 : pos + 30], "little")
        if bytes(out[pos + 46 : pos + 46 + name_len]) == name:
            out[pos + 24 : pos + 28] = declared.to_bytes(4, "little")
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


# --- DOCX ---------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(body_xml: str, *, numbering_xml: str | None = None, headings: bool = True) -> bytes:
    """A DOCX made by python-docx whose body is replaced by raw WordprocessingML.

    python-docx gives a valid package with real styles (Heading 1…); the raw body lets tests
    use what python-docx cannot write: w:ins/w:del, content controls, text boxes, numbering.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if headings:
        document.add_heading("x", level=1)  # makes sure the Heading styles are in styles.xml
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    fragment = parse_xml(
        f'<w:body xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{body_xml}</w:body>'
    )
    sect = body[-1] if len(body) else None
    for child in list(fragment):
        if sect is not None:
            sect.addprevious(child)
        else:
            body.append(child)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if numbering_xml is not None:
        data = _replace_part(data, "word/numbering.xml", numbering_xml.encode())
    return data


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != name:
                out.writestr(info, source.read(info))
        # python-docx's default template already has numbering.xml and its relationship.
        out.writestr(name, content)
    return buffer.getvalue()


def p(text: str, style: str | None = None, extra_ppr: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f"<w:p><w:pPr>{style_xml}{extra_ppr}</w:pPr>{run}</w:p>"


# --- ODT ----------------------------------------------------------------------------------


def make_odt(body_xml: str) -> bytes:
    """A minimal valid ODT: the mimetype first and stored, then content.xml."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        "<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'office:version="1.2"><office:body><office:text>'
        f"{body_xml}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
