"""OpenDocument text (LibreOffice, common in French local government) with lxml on content.xml.

Paragraphs, headings (text:h and its outline level), lists, tables and frames in document
order; tracked deletions live in text:tracked-changes and are skipped, insertions are inline.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..errors import ExtractionError
from ..types import Block, BlockKind
from .textnorm import normalize
from .zipsafe import open_zip, parse_xml, read_part

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

# Inline elements whose content is not body text.
_SKIP_INLINE = {
    f"{_TEXT}note",
    f"{_TEXT}tracked-changes",
    f"{_TEXT}bookmark-ref",
    f"{_OFFICE}annotation",
    f"{_TEXT}number",
}
# Block containers read through. Tables of contents (text:table-of-content) are not: they
# repeat the headings.
_CONTAINERS = {f"{_TEXT}section", f"{_DRAW}frame", f"{_DRAW}text-box"}


def read_odt(data: bytes, path: str) -> list[Block]:
    with open_zip(data, path) as zf:
        content = read_part(zf, "content.xml", path)
    if content is None:
        raise ExtractionError(path, "fichier OpenDocument corrompu (contenu absent)")
    body = parse_xml(content, path).find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise ExtractionError(path, "fichier OpenDocument corrompu (contenu absent)")
    return list(_blocks(body, list_depth=0))


def _blocks(container: etree._Element, list_depth: int) -> Iterator[Block]:
    for child in container:
        tag = child.tag
        if tag == f"{_TEXT}p":
            yield from _paragraph(child, BlockKind.LIST_ITEM if list_depth else BlockKind.PARAGRAPH)
        elif tag == f"{_TEXT}h":
            level = child.get(f"{_TEXT}outline-level")
            text = normalize("".join(_inline(child)))
            if text:
                yield Block(
                    text,
                    kind=BlockKind.HEADING,
                    level=int(level) if level and level.isdigit() else 1,
                    number=_cached_number(child),
                )
            yield from _frames(child)
        elif tag == f"{_TEXT}list":
            for item in child:
                if item.tag in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                    yield from _blocks(item, list_depth + 1)
        elif tag == f"{_TABLE}table":
            yield from _table(child)
        elif tag in _CONTAINERS:
            yield from _blocks(child, list_depth)


def _paragraph(p: etree._Element, kind: BlockKind) -> Iterator[Block]:
    text = normalize("".join(_inline(p)))
    if text:
        yield Block(text, kind=kind, number=_cached_number(p))
    yield from _frames(p)


def _cached_number(element: etree._Element) -> str | None:
    """LibreOffice may store the rendered list/outline label in text:number."""
    number = element.find(f"{_TEXT}number")
    if number is None or not number.text:
        return None
    return normalize(number.text) or None


def _frames(p: etree._Element) -> Iterator[Block]:
    """Text boxes anchored in a paragraph, as blocks after it."""
    for box in p.iter(f"{_DRAW}text-box"):
        yield from _blocks(box, list_depth=0)


def _inline(element: etree._Element) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            yield " " * int(child.get(f"{_TEXT}c", "1") or 1)
        elif tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            yield " "
        elif tag == f"{_DRAW}frame":
            pass  # read by _frames, after the paragraph
        elif isinstance(tag, str) and tag not in _SKIP_INLINE:
            yield from _inline(child)
        if child.tail:
            yield child.tail


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in (
            f"{_TABLE}table-header-rows",
            f"{_TABLE}table-rows",
            f"{_TABLE}table-row-group",
        ):
            yield from _rows(child)


def _table(table: etree._Element) -> Iterator[Block]:
    for row in _rows(table):
        cells = []
        for cell in row.findall(f"{_TABLE}table-cell"):
            text = " ".join(b.text for b in _blocks(cell, list_depth=0))
            if text:
                cells.append(text)
        if cells:
            yield Block(" | ".join(cells), kind=BlockKind.TABLE_ROW)
