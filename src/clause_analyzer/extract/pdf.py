"""PDF documents: pick an engine, fall back on the other, turn failures into clear errors."""

from __future__ import annotations

import logging

from ..errors import ExtractionError
from ..types import Block
from . import pdf_pdfminer, pdf_pypdfium2
from .pdf_layout import layout_blocks
from .pdf_lines import PdfEngine, PdfOpenError, PdfPage, PdfPasswordError

log = logging.getLogger(__name__)

ENGINES: dict[str, PdfEngine] = {
    "pypdfium2": pdf_pypdfium2.read_pages,
    "pdfminer": pdf_pdfminer.read_pages,
}

# Fewer visible characters than this in the whole file: no usable text layer.
_MIN_TEXT_CHARS = 20

ENCRYPTED = (
    "PDF chiffré / protégé par mot de passe : demandez une version sans mot de passe "
    "ou enregistrez-le sans protection"
)
SCANNED = (
    "PDF sans couche texte (document scanné) : passez-le dans un logiciel d'OCR "
    "ou demandez la version numérique d'origine"
)
CORRUPT = "fichier PDF corrompu ou tronqué : demandez un nouvel envoi du fichier"


def read_pdf(data: bytes, path: str, engine: str) -> tuple[list[Block], int, str, list[str]]:
    """Blocks, page count, engine actually used, warnings."""
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {tuple(ENGINES)}")
    order = [engine] + [name for name in ENGINES if name != engine]
    warnings: list[str] = []
    failure: ExtractionError | None = None
    for name in order:
        try:
            pages = _read_text_pages(ENGINES[name], data, path)
        except PdfPasswordError as exc:
            # The other engine would need the same password: no point trying it.
            raise ExtractionError(path, ENCRYPTED) from exc
        except ExtractionError as exc:
            failure = failure or exc
            log.info("%s: %s could not read the PDF (%s)", path, name, exc.cause)
            continue
        if name != engine:
            warnings.append(
                f"lu avec {name} : {engine} a échoué ({failure.cause if failure else ''})"
            )
        empty = [str(p.number) for p in pages if not p.lines]
        if empty:
            warnings.append(f"pages sans texte (scannées ?) : {', '.join(empty)}")
        return layout_blocks(pages), len(pages), name, warnings
    assert failure is not None
    raise failure


def _read_text_pages(read: PdfEngine, data: bytes, path: str) -> list[PdfPage]:
    try:
        pages = read(data)
    except PdfOpenError as exc:
        raise ExtractionError(path, CORRUPT) from exc
    chars = sum(len(line.text.strip()) for page in pages for line in page.lines)
    if chars < _MIN_TEXT_CHARS:
        raise ExtractionError(path, SCANNED)
    return pages
