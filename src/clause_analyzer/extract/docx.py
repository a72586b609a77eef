"""DOCX bodies, in document order, from python-docx's package with our own walk of the XML.

python-docx opens the package and gives the body, styles and numbering parts as lxml
elements; its high-level API is not used for the text because it does not see tracked
insertions, content controls, text boxes or automatic numbering (MEASUREMENTS.md). It also
parses the whole package, so the declared part sizes are checked first: a DOCX bomb is
refused before python-docx touches it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ..errors import ExtractionError
from ..types import Block, BlockKind
from .docx_numbering import Numbering, W, wattr
from .textnorm import normalize
from .zipsafe import open_zip, read_part

_W = f"{{{W}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Subtrees whose text is not part of the current text: deletions, the moved-away copy, field
# instructions, the VML fallback that duplicates a DrawingML text box, and property bags.
_SKIP = {
    f"{_W}del",
    f"{_W}moveFrom",
    f"{_W}instrText",
    f"{_W}delText",
    f"{_W}delInstrText",
    f"{_W}pPr",
    f"{_W}rPr",
    f"{_W}footnoteReference",
    f"{_W}endnoteReference",
    f"{_MC}Fallback",
    f"{_W}txbxContent",
}
_HEADING_NAME = re.compile(r"^(?:heading|titre|título|überschrift)\s*(\d)$", re.IGNORECASE)
_BODY_OUTLINE = 9  # w:outlineLvl 9 means "body text"


@dataclass(frozen=True)
class _Style:
    heading_level: int | None
    num_id: str | None
    ilvl: int | None


def read_docx(data: bytes, path: str) -> list[Block]:
    with open_zip(data, path) as zf:
        if read_part(zf, "word/document.xml", path) is None:  # also refuses oversized parts
            raise ExtractionError(path, "fichier Word corrompu (corps du document absent)")
        read_part(zf, "word/styles.xml", path)
        read_part(zf, "word/numbering.xml", path)
    try:
        package = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ExtractionError(path, "fichier Word corrompu ou illisible") from exc
    styles = _parse_styles(package.styles.element)
    style_num = {sid: s.num_id for sid, s in styles.items() if s.num_id}
    try:
        numbering_root = package.part.numbering_part.element
    except (NotImplementedError, KeyError):  # python-docx: no numbering part in this file
        numbering_root = None
    numbering = Numbering.parse(numbering_root, style_num)
    body = package.element.body
    if body is None:
        raise ExtractionError(path, "fichier Word corrompu (corps du document absent)")
    return list(_Walker(styles, numbering).blocks(body))


def _parse_styles(root: etree._Element | None) -> dict[str, _Style]:
    if root is None:
        return {}
    raw: dict[str, tuple[str | None, etree._Element]] = {}
    for style in root.findall(f"{_W}style"):
        if wattr(style, "type") == "paragraph":
            raw[wattr(style, "styleId") or ""] = (
                wattr(style.find(f"{_W}basedOn"), "val"),
                style,
            )
    resolved: dict[str, _Style] = {}

    def resolve(style_id: str, depth: int = 0) -> _Style:
        if style_id in resolved:
            return resolved[style_id]
        based_on, element = raw[style_id]
        parent = (
            resolve(based_on, depth + 1)
            if based_on in raw and based_on != style_id and depth < 20
            else _Style(None, None, None)
        )
        name = wattr(element.find(f"{_W}name"), "val") or ""
        named = _HEADING_NAME.match(name.strip())
        ppr = element.find(f"{_W}pPr")
        outline = wattr(ppr.find(f"{_W}outlineLvl") if ppr is not None else None, "val")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        level = parent.heading_level
        if named:
            level = int(named.group(1))
        elif outline is not None and outline.isdigit():
            level = int(outline) + 1 if int(outline) < _BODY_OUTLINE else None
        num_id, ilvl = parent.num_id, parent.ilvl
        if num_pr is not None:
            num_id = wattr(num_pr.find(f"{_W}numId"), "val") or num_id
            ilvl_val = wattr(num_pr.find(f"{_W}ilvl"), "val")
            ilvl = int(ilvl_val) if ilvl_val and ilvl_val.isdigit() else ilvl
        resolved[style_id] = _Style(level, num_id, ilvl)
        return resolved[style_id]

    return {style_id: resolve(style_id) for style_id in raw}


class _Walker:
    def __init__(self, styles: dict[str, _Style], numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering

    def blocks(self, container: etree._Element) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                yield from self._paragraph(child)
            elif tag == f"{_W}tbl":
                yield from self._table(child)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag in (f"{_W}customXml", f"{_W}ins", f"{_W}moveTo", f"{_W}smartTag"):
                yield from self.blocks(child)
            # w:del / w:moveFrom at block level, w:sectPr, bookmarks: no current text.

    def _paragraph(self, p: etree._Element) -> Iterator[Block]:
        text = normalize("".join(_runs_text(p)))
        level, label, bullet = self._paragraph_format(p)
        if text:
            if level is not None:
                kind = BlockKind.HEADING
            elif label is not None or bullet:
                kind = BlockKind.LIST_ITEM
            else:
                kind = BlockKind.PARAGRAPH
            yield Block(text=text, kind=kind, level=level, number=label)
        # Text boxes anchored in the paragraph come after it, as their own blocks.
        for box in _text_boxes(p):
            yield from self.blocks(box)

    def _paragraph_format(self, p: etree._Element) -> tuple[int | None, str | None, bool]:
        ppr = p.find(f"{_W}pPr")
        style = self.styles.get(
            wattr(ppr.find(f"{_W}pStyle") if ppr is not None else None, "val") or "Normal",
            _Style(None, None, None),
        )
        level = style.heading_level
        num_id, ilvl = style.num_id, style.ilvl
        if ppr is not None:
            outline = wattr(ppr.find(f"{_W}outlineLvl"), "val")
            if outline is not None and outline.isdigit():
                level = int(outline) + 1 if int(outline) < _BODY_OUTLINE else None
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is not None:
                num_id = wattr(num_pr.find(f"{_W}numId"), "val") or num_id
                ilvl_val = wattr(num_pr.find(f"{_W}ilvl"), "val")
                if ilvl_val and ilvl_val.isdigit():
                    ilvl = int(ilvl_val)
        if num_id is None:
            return level, None, False
        label, bullet = self.numbering.next_label(num_id, ilvl or 0)
        return level, label, bullet

    def _table(self, tbl: etree._Element) -> Iterator[Block]:
        for row in _children(tbl, f"{_W}tr"):
            cells = []
            for cell in _children(row, f"{_W}tc"):
                parts = [f"{b.number} {b.text}" if b.number else b.text for b in self.blocks(cell)]
                cell_text = " ".join(parts).strip()
                if cell_text:
                    cells.append(cell_text)
            if cells:
                yield Block(text=" | ".join(cells), kind=BlockKind.TABLE_ROW)


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in (f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
            yield from _children(child, tag)


def _runs_text(element: etree._Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}ptab"):
            yield " "
        elif tag == f"{_W}noBreakHyphen":
            yield "-"
        else:
            yield from _runs_text(child)


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """Outermost text boxes of a paragraph, DrawingML only (the VML fallback is a copy)."""
    stack = list(p)
    while stack:
        node = stack.pop(0)
        if not isinstance(node.tag, str) or node.tag == f"{_MC}Fallback":
            continue
        if node.tag == f"{_W}txbxContent":
            yield node
        else:
            stack[0:0] = list(node)
