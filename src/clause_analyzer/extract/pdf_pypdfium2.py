"""PDF lines with pypdfium2 (PDFium): fast (hundreds of pages/s), keeps table rows together.

PDFium returns the page text with "\\r\\n" between visual lines and one entry per character in
its character list (generated spaces and line breaks included), so a line's geometry is read
from the boxes of its first and last characters instead of one ctypes call per character.
"""

from __future__ import annotations

import logging
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_lines import PdfLine, PdfOpenError, PdfPage, PdfPasswordError

log = logging.getLogger(__name__)

_ERR_PASSWORD = 4
_ERR_SECURITY = 5
# PDFium replaces a hyphen at a line end with U+FFFE (get_text_range) or U+0002 (bounded);
# whether the word is re-joined is decided later, with the document's own lexicon.
_LINE_END_HYPHEN = ("\ufffe", "\x02")
_LINE_BREAK = re.compile("\r\n|\ufffe")
_BOLD_WEIGHT = 600


def read_pages(data: bytes) -> list[PdfPage]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (_ERR_PASSWORD, _ERR_SECURITY):
            raise PdfPasswordError from exc
        raise PdfOpenError(str(exc)) from exc
    try:
        return [_read_page(pdf, index) for index in range(len(pdf))]
    except pdfium.PdfiumError as exc:
        raise PdfOpenError(str(exc)) from exc
    finally:
        pdf.close()


def _read_page(pdf: pdfium.PdfDocument, index: int) -> PdfPage:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = _lines(textpage, height)
        finally:
            textpage.close()
    finally:
        page.close()
    return PdfPage(number=index + 1, width=width, height=height, lines=tuple(lines))


def _lines(textpage: pdfium.PdfTextPage, page_height: float) -> list[PdfLine]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        # Rare: PDFium dropped or inserted characters, so text and char indices disagree.
        # Fall back to line geometry from bounded text of each text rectangle.
        return _lines_from_rects(textpage, page_height)
    lines: list[PdfLine] = []
    start = 0
    for match in _LINE_BREAK.finditer(text + "\r\n"):
        # The U+FFFE hyphen ends a line but PDFium puts no "\r\n" after it: keep it on the left.
        end = match.end() if match.group() == "\ufffe" else match.start()
        line = _make_line(textpage, text[start:end], start, end, page_height)
        if line is not None:
            lines.append(line)
        start = match.end()
    return lines


def _make_line(
    textpage: pdfium.PdfTextPage, raw: str, start: int, end: int, page_height: float
) -> PdfLine | None:
    stripped = raw.strip()
    if not stripped:
        return None
    first = start + (len(raw) - len(raw.lstrip()))
    last = start + len(raw.rstrip()) - 1
    x0, bottom0, _, top0 = textpage.get_charbox(first, loose=True)
    _, bottom1, x1, top1 = textpage.get_charbox(last, loose=True)
    if stripped.endswith(_LINE_END_HYPHEN):
        stripped = stripped[:-1] + "-"
    return PdfLine(
        text=stripped,
        x0=x0,
        top=page_height - max(top0, top1),
        x1=x1,
        bottom=page_height - min(bottom0, bottom1),
        size=float(pdfium_c.FPDFText_GetFontSize(textpage, first)),
        bold=pdfium_c.FPDFText_GetFontWeight(textpage, first) >= _BOLD_WEIGHT,
    )


def _lines_from_rects(textpage: pdfium.PdfTextPage, page_height: float) -> list[PdfLine]:
    lines: list[PdfLine] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\r\n", " ").strip()
        if not text:
            continue
        if text.endswith(_LINE_END_HYPHEN):
            text = text[:-1] + "-"
        same_row = bool(lines) and abs(lines[-1].top - (page_height - top)) < 2
        if same_row:
            # PDFium splits a line into several rects at font or spacing changes.
            prev = lines.pop()
            text = f"{prev.text} {text}"
            left = prev.x0
        lines.append(PdfLine(text, left, page_height - top, right, page_height - bottom))
    return lines
