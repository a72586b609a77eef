"""Recognise a file's format from its first bytes, not from its (often wrong) extension."""

from __future__ import annotations

import io
import zipfile
from enum import Enum


class Format(Enum):
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    XLSX = "xlsx"
    OTHER_OFFICE_ZIP = "office_zip"  # ODS, ODP, PPTX…: packages that are not text documents
    ZIP = "zip"
    OLE2 = "ole2"  # Word 97-2003 .doc, .xls, or an encrypted Office 2007+ file
    RTF = "rtf"
    TEXT = "text"  # anything else; the text reader decides whether it really decodes
    EMPTY = "empty"


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_MIMETYPE_PREFIX = b"application/vnd.oasis.opendocument."


def sniff(data: bytes) -> Format:
    if not data.strip():
        return Format.EMPTY
    # Some generators put a few bytes of garbage before the header; readers accept 1 KB.
    if b"%PDF-" in data[:1024]:
        return Format.PDF
    if data.startswith(_OLE2_MAGIC):
        return Format.OLE2
    if data.lstrip()[:5] == b"{\\rtf":
        return Format.RTF
    if data.startswith(b"PK"):
        return _sniff_zip(data)
    return Format.TEXT


def _sniff_zip(data: bytes) -> Format:
    # ODF requires an uncompressed "mimetype" first member, readable straight from the header.
    if data[30:38] == b"mimetype":
        return _odf_format(data[38:120])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names and "content.xml" in names:
            # mimetype not stored first (hand-made packages): read it from the member
            return _odf_format(archive.read("mimetype")[:80])
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        # A truncated package still starts with PK: let the ZIP reader report it as corrupt.
        return Format.ZIP
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return Format.DOCX
        if "xl/workbook.xml" in names:
            return Format.XLSX
        return Format.OTHER_OFFICE_ZIP
    return Format.ZIP


def _odf_format(mimetype: bytes) -> Format:
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + b"text"):
        return Format.ODT
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX):
        return Format.OTHER_OFFICE_ZIP
    return Format.ZIP
