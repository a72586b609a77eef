"""Extraction stage: files of a tender → `Document`s of paragraph-like `Block`s.

    read_document(data, path)   one file's bytes, format sniffed from content
    iter_tender(path)           a file, a folder or a DCE ZIP: Documents and ExtractionErrors
    guess_kind(path, text)      CCAP, CCTP, RC, AE, BPU or other

Bad input never raises anything but `ExtractionError` (with a one-line French cause), and
`iter_tender` never raises for a bad member: it yields the error and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..errors import ExtractionError
from ..types import Document
from . import reader, tender
from .archive import DEFAULT_LIMITS, ArchiveLimits
from .kinds import guess_kind

PDF_ENGINES = ("pypdfium2", "pdfminer")
# pypdfium2: ~30× faster than pdfminer on the benchmark tender with equal or better token
# recall (benchmarks/bench_extract.py); pdfminer is the automatic fallback.
DEFAULT_PDF_ENGINE = "pypdfium2"

__all__ = [
    "DEFAULT_PDF_ENGINE",
    "PDF_ENGINES",
    "ArchiveLimits",
    "guess_kind",
    "iter_tender",
    "read_document",
]


def read_document(data: bytes, path: str, *, pdf_engine: str = DEFAULT_PDF_ENGINE) -> Document:
    """Read one file (PDF, DOCX, ODT, XLSX, text, Markdown) whatever its extension says.

    `path` is the name shown to the user and the first clue to the document kind.
    Raises ExtractionError for empty, corrupt, encrypted, scanned or unsupported files
    (.doc, .rtf), and ValueError for an unknown `pdf_engine` (a programming error).
    """
    _check_engine(pdf_engine)
    return reader.read_document(data, path, pdf_engine=pdf_engine)


def iter_tender(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> Iterator[Document | ExtractionError]:
    """Every piece of one tender: a file, a folder (recursive, sorted) or a DCE ZIP.

    Yields a Document per readable file and an ExtractionError (ArchiveError for refused
    archive members: traversal, symlink, bomb, encrypted) per unreadable one, in a stable
    order. Non-text files (images, plans, ODS/XLS, signatures) are skipped with an INFO log.
    Paths are shown as "DCE.zip/01 Pièces administratives/CCAP.pdf".
    """
    _check_engine(pdf_engine)
    return tender.iter_tender(path, pdf_engine=pdf_engine, limits=limits)


def _check_engine(pdf_engine: str) -> None:
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {pdf_engine!r}; choose one of {PDF_ENGINES}")
