"""Bounded reading of ZIP members and safe XML parsing, shared by the OOXML/ODF readers and
the DCE archive reader.

A ZIP states each member's uncompressed size, but the statement can lie: sizes are checked
before reading *and* counted while reading, so a bomb stops at the limit instead of filling
memory.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..errors import ExtractionError

CHUNK = 1 << 16

# Parts of a DOCX/ODT/XLSX we parse. A real 200-page CCAP has a document.xml of a few MB;
# beyond this the file is a bomb or not a tender piece.
MAX_PART_SIZE = 64 * 1024 * 1024

# XXE and billion-laughs hardening: no entity expansion, no DTD, no network.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


class SizeLimitExceeded(Exception):
    """Raised by `read_bounded` when a member's real size goes beyond what was allowed."""

    def __init__(self, real_over_declared: bool) -> None:
        super().__init__("size limit exceeded")
        self.real_over_declared = real_over_declared


def read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read one member in chunks, stopping as soon as it outgrows its declared size or `limit`."""
    allowed = min(info.file_size, limit)
    chunks: list[bytes] = []
    size = 0
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > allowed:
                raise SizeLimitExceeded(real_over_declared=size > info.file_size)
            chunks.append(chunk)
    return b"".join(chunks)


def read_part(zf: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    """Read a named part of an office package, or None when absent; refuse oversized parts."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_SIZE:
        raise ExtractionError(
            path,
            f"partie interne « {name} » démesurée ({info.file_size // 2**20} Mo une fois "
            "décompressée) : fichier piégé ou corrompu, demandez une version PDF",
        )
    try:
        return read_bounded(zf, info, MAX_PART_SIZE)
    except SizeLimitExceeded as exc:
        raise ExtractionError(path, "fichier corrompu ou piégé (taille interne falsifiée)") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ExtractionError(path, "fichier corrompu ou tronqué") from exc


def parse_xml(data: bytes, path: str) -> etree._Element:
    try:
        return etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ExtractionError(path, "fichier corrompu (XML interne illisible)") from exc


def open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ExtractionError(path, "fichier corrompu ou tronqué") from exc
