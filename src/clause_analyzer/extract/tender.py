"""`iter_tender`: every readable piece of one tender, from a file, a folder or a DCE ZIP.

Files that are not text documents are skipped with an INFO log, not reported as errors:
images, plans (DWG/DXF), ODS/XLS spreadsheets, presentations, electronic signatures
(.p7s, .xades…), XML/HTML exports. XLSX price schedules *are* read, as table rows, since
their line labels can carry clauses (see `xlsx`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..errors import ArchiveError, ExtractionError
from ..types import Document
from .archive import DEFAULT_LIMITS, ArchiveLimits, Budget, Member, is_junk, iter_members
from .reader import read_document
from .sniff import Format, sniff

log = logging.getLogger(__name__)

_SKIPPED_SUFFIXES = frozenset(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".tif",
        ".tiff",
        ".svg",
        ".webp",
        ".heic",
        ".ico",
        ".emf",
        ".wmf",
        ".dwg",
        ".dxf",
        ".dwf",
        ".ifc",
        ".rvt",
        ".skp",
        ".xls",
        ".xlsm",
        ".ods",
        ".csv",
        ".ppt",
        ".pptx",
        ".odp",
        ".odg",
        ".p7s",
        ".p7m",
        ".sig",
        ".xades",
        ".asic",
        ".asice",
        ".jws",
        ".pem",
        ".cer",
        ".crt",
        ".p12",
        ".xml",
        ".json",
        ".html",
        ".htm",
        ".url",
        ".lnk",
        ".db",
        ".ini",
        ".exe",
        ".msi",
        ".dll",
        ".mp3",
        ".mp4",
        ".avi",
        ".mov",
        ".wav",
    ]
)
# Extensions under which plain text is a document. Unknown extensions holding text are
# skipped: they are exports and metadata, not pieces of the DCE.
_TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})
# Extensions of documents: text content under them is a damaged file, reported as such.
_DOC_SUFFIXES = frozenset({".pdf", ".docx", ".odt", ".doc", ".rtf", ".xlsx", ".docm", ".dotx"})


def iter_tender(
    path: str | os.PathLike[str],
    *,
    pdf_engine: str,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> Iterator[Document | ExtractionError]:
    root = Path(path)
    budget = Budget(limits)
    if root.is_dir():
        files = sorted(
            (p for p in root.rglob("*") if p.is_file() and not p.is_symlink()),
            key=lambda p: [part.casefold() for part in p.relative_to(root).parts],
        )
        for file in files:
            display = PurePosixPath(root.name, *file.relative_to(root).parts).as_posix()
            if is_junk(display):
                continue
            yield from _from_file(file, display, pdf_engine, budget, depth=0)
    elif root.is_file():
        yield from _from_file(root, root.name, pdf_engine, budget, depth=0)
    else:
        yield ExtractionError(str(path), "fichier ou dossier introuvable")


def _from_file(
    file: Path, display: str, pdf_engine: str, budget: Budget, depth: int
) -> Iterator[Document | ExtractionError]:
    if file.suffix.casefold() in _SKIPPED_SUFFIXES:
        log.info("%s: skipped, not a text document", display)
        return
    try:
        if file.stat().st_size > budget.bytes_left:
            yield ExtractionError(display, "fichier trop volumineux (limite de taille atteinte)")
            return
        data = file.read_bytes()
    except OSError as exc:
        yield ExtractionError(display, f"fichier illisible ({exc.strerror or exc})")
        return
    yield from _from_bytes(data, display, pdf_engine, budget, depth)


def _from_bytes(
    data: bytes, display: str, pdf_engine: str, budget: Budget, depth: int
) -> Iterator[Document | ExtractionError]:
    suffix = PurePosixPath(display).suffix.casefold()
    if suffix in _SKIPPED_SUFFIXES:
        log.info("%s: skipped, not a text document", display)
        return
    fmt = sniff(data)
    if fmt is Format.ZIP:
        yield from _from_archive(data, display, pdf_engine, budget, depth + 1)
        return
    if fmt is Format.OTHER_OFFICE_ZIP or (
        fmt is Format.TEXT and suffix not in _TEXT_SUFFIXES and suffix not in _DOC_SUFFIXES
    ):
        log.info("%s: skipped, not a text document", display)
        return
    try:
        yield read_document(data, display, pdf_engine=pdf_engine)
    except ExtractionError as exc:
        yield exc


def _from_archive(
    data: bytes, display: str, pdf_engine: str, budget: Budget, depth: int
) -> Iterator[Document | ExtractionError]:
    if depth > budget.limits.max_depth:
        yield ArchiveError(
            display,
            f"archive refusée : plus de {budget.limits.max_depth} niveaux d'archives imbriquées",
        )
        return
    for member in iter_members(data, display, budget):
        if isinstance(member, Member):
            yield from _from_bytes(member.data, member.path, pdf_engine, budget, depth)
        else:
            yield member
