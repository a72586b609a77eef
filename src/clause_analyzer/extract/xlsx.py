"""XLSX price schedules (BPU, DPGF, DQE) as table rows, with the stdlib zip and lxml.

Price schedules rarely carry responsible clauses, but their line labels sometimes do
("Tri et évacuation des déchets en filière agréée"), and reading them costs little: shared
strings plus the cells of each sheet, one TABLE_ROW block per non-empty row.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

from lxml import etree

from ..types import Block, BlockKind
from .textnorm import normalize
from .zipsafe import open_zip, parse_xml, read_part

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Bounded work on huge DQE files: beyond this many rows the rest is quantities, not text.
MAX_ROWS = 20_000
_SHEET_PATH = re.compile(r"^/?(?:xl/)?")


def read_xlsx(data: bytes, path: str) -> list[Block]:
    blocks: list[Block] = []
    with open_zip(data, path) as zf:
        shared_xml = read_part(zf, "xl/sharedStrings.xml", path)
        shared = _shared_strings(parse_xml(shared_xml, path)) if shared_xml else []
        for sheet_part in _sheet_parts(zf, path):
            sheet_xml = read_part(zf, sheet_part, path)
            if sheet_xml is None:
                continue
            for text in _rows(parse_xml(sheet_xml, path), shared):
                blocks.append(Block(text, kind=BlockKind.TABLE_ROW))
                if len(blocks) >= MAX_ROWS:
                    return blocks
    return blocks


def _sheet_parts(zf: zipfile.ZipFile, path: str) -> list[str]:
    """Sheet parts in workbook order (the order tabs are shown in)."""
    workbook = read_part(zf, "xl/workbook.xml", path)
    rels = read_part(zf, "xl/_rels/workbook.xml.rels", path)
    if workbook is None or rels is None:
        return []
    targets = {
        rel.get("Id"): "xl/" + _SHEET_PATH.sub("", rel.get("Target", ""))
        for rel in parse_xml(rels, path).iter(f"{_PKG_REL}Relationship")
    }
    return [
        targets[sheet.get(f"{_REL}id")]
        for sheet in parse_xml(workbook, path).iter(f"{_S}sheet")
        if sheet.get(f"{_REL}id") in targets
    ]


def _shared_strings(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in si.iter(f"{_S}t")) for si in root.iter(f"{_S}si")]


def _rows(root: etree._Element, shared: list[str]) -> Iterator[str]:
    for row in root.iter(f"{_S}row"):
        cells = []
        for cell in row.iter(f"{_S}c"):
            kind = cell.get("t")
            if kind == "s":
                value = cell.findtext(f"{_S}v") or ""
                index = int(value) if value.isdigit() else -1
                text = shared[index] if 0 <= index < len(shared) else ""
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in cell.iter(f"{_S}t"))
            else:
                text = cell.findtext(f"{_S}v") or ""
            text = normalize(text)
            if text:
                cells.append(text)
        if cells:
            yield " | ".join(cells)
