"""`read_document`: one file's bytes → Document, dispatched on content, not on extension."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import PurePosixPath

from ..errors import ExtractionError
from ..types import Block, Document
from .docx import read_docx
from .kinds import guess_kind
from .odt import read_odt
from .pdf import read_pdf
from .sniff import Format, sniff
from .text import read_text
from .xlsx import read_xlsx

log = logging.getLogger(__name__)

OLD_DOC = "document Word 97-2003 (.doc) non pris en charge : enregistrez-le au format .docx ou PDF"
OFFICE_ENCRYPTED = (
    "document Office protégé par mot de passe : enregistrez-le sans mot de passe (ou en PDF)"
)
RTF = "document RTF non pris en charge : enregistrez-le au format .docx ou PDF"
EMPTY = "fichier vide"
CORRUPT = "fichier corrompu ou tronqué : demandez un nouvel envoi du fichier"
NOT_A_DOCUMENT = (
    "ce fichier n'est pas un document texte (archive, présentation ou tableur) : rien à analyser"
)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # OLE2 stream name
_MARKDOWN_SUFFIXES = (".md", ".markdown")
# Formats whose files never hold plain text: text under such a name is a damaged file.
_BINARY_SUFFIXES = frozenset({".pdf", ".docx", ".odt", ".doc", ".rtf", ".xlsx", ".docm"})
MISMATCH = (
    "fichier corrompu ou tronqué (son contenu ne correspond pas à l'extension {}) : "
    "demandez un nouvel envoi du fichier"
)
# Blocks looked at to guess the kind when the name says nothing: about a first page.
_FIRST_PAGE_CHARS = 3000


def read_document(data: bytes, path: str, *, pdf_engine: str) -> Document:
    """Read one file. Raises ExtractionError with a one-line French cause for bad input."""
    fmt = sniff(data)
    pages: int | None = None
    engine: str
    warnings: list[str] = []
    if fmt is Format.EMPTY:
        raise ExtractionError(path, EMPTY)
    if fmt is Format.PDF:
        blocks, pages, engine, warnings = read_pdf(data, path, pdf_engine)
    elif fmt is Format.DOCX:
        blocks, engine = read_docx(data, path), "ooxml"
    elif fmt is Format.ODT:
        blocks, engine = read_odt(data, path), "odf"
    elif fmt is Format.XLSX:
        blocks, engine = read_xlsx(data, path), "xlsx"
    elif fmt is Format.OLE2:
        # Office 2007+ files protected by a password are wrapped in an OLE2 container.
        if _ENCRYPTED_PACKAGE in data:
            raise ExtractionError(path, OFFICE_ENCRYPTED)
        raise ExtractionError(path, OLD_DOC)
    elif fmt is Format.RTF:
        raise ExtractionError(path, RTF)
    elif fmt in (Format.ZIP, Format.OTHER_OFFICE_ZIP):
        # A truncated DOCX/ODT has lost the directory that says what it is.
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ExtractionError(path, CORRUPT)
        raise ExtractionError(path, NOT_A_DOCUMENT)
    elif PurePosixPath(path).suffix.casefold() in _BINARY_SUFFIXES:
        raise ExtractionError(path, MISMATCH.format(PurePosixPath(path).suffix))
    else:
        markdown = path.casefold().endswith(_MARKDOWN_SUFFIXES)
        blocks, pages = read_text(data, path, markdown=markdown)
        engine = "markdown" if markdown else "text"
    if not blocks:
        raise ExtractionError(path, "aucun texte dans ce document")
    kind = guess_kind(PurePosixPath(path).name, _first_page(blocks))
    log.debug("%s: %d blocks, kind %s, engine %s", path, len(blocks), kind, engine)
    return Document(
        path=path,
        kind=kind,
        blocks=tuple(blocks),
        pages=pages,
        engine=engine,
        warnings=tuple(warnings),
    )


def _first_page(blocks: list[Block]) -> str:
    parts: list[str] = []
    size = 0
    for block in blocks:
        if (block.page is not None and block.page > 1) or size > _FIRST_PAGE_CHARS:
            break
        parts.append(block.text)
        size += len(block.text)
    return "\n".join(parts)
