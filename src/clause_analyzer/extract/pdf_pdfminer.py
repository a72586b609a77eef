"""PDF lines with pdfminer.six: pure Python, slower, the fallback when PDFium fails.

`line_margin=0.8, boxes_flow=None` is the setting measured best for 1.3-spaced French text
(MEASUREMENTS.md): the default margin splits every line of such text into its own box.
Only the lines and their geometry are kept; paragraphs are rebuilt by `pdf_layout` as for
the other engine.
"""

from __future__ import annotations

import io

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException

from .pdf_lines import PdfLine, PdfOpenError, PdfPage, PdfPasswordError

_LAPARAMS = LAParams(line_margin=0.8, boxes_flow=None)


def read_pages(data: bytes) -> list[PdfPage]:
    pages: list[PdfPage] = []
    try:
        for index, layout in enumerate(extract_pages(io.BytesIO(data), laparams=_LAPARAMS)):
            height = layout.height
            lines = [_line(line, height) for line in _text_lines(layout)]
            pages.append(
                PdfPage(index + 1, layout.width, height, tuple(x for x in lines if x.text))
            )
    except PDFEncryptionError as exc:
        raise PdfPasswordError from exc
    except (
        PDFException,
        PSException,
        ValueError,
        KeyError,
        TypeError,
        AssertionError,
        IndexError,
        AttributeError,
        OverflowError,
        EOFError,
    ) as exc:
        # pdfminer reports broken files through many exception types, some of them builtins.
        raise PdfOpenError(f"{type(exc).__name__}: {exc}") from exc
    if not pages:
        raise PdfOpenError("no page")
    return pages


def _text_lines(container: object) -> list[LTTextLine]:
    out: list[LTTextLine] = []
    for item in container:  # type: ignore[attr-defined]
        if isinstance(item, LTTextLine):
            out.append(item)
        elif isinstance(item, LTTextContainer):
            out.extend(_text_lines(item))
    return out


def _line(line: LTTextLine, page_height: float) -> PdfLine:
    first = next((c for c in line if isinstance(c, LTChar) and c.get_text().strip()), None)
    size = first.size if first is not None else 0.0
    bold = first is not None and "bold" in first.fontname.lower()
    return PdfLine(
        text=line.get_text().strip(),
        x0=line.x0,
        top=page_height - line.y1,
        x1=line.x1,
        bottom=page_height - line.y0,
        size=round(size, 1),
        bold=bold,
    )
