"""Plain text and Markdown: encoding detection, form feeds as pages, "#" headings."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import ExtractionError
from ..types import Block, BlockKind
from .textnorm import normalize, split_bullet

# Encodings French drafts are actually saved in; restricting the guess keeps charset-normalizer
# from choosing an exotic code page on short texts.
_CANDIDATES = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Lines that open a block even inside a hard-wrapped paragraph.
_LINE_START = re.compile(
    r"^(?:art(?:icle|\.)\s*\d|chapitre\b|\d{1,2}(?:\.\d{1,2}){0,4}\.?\s)", re.IGNORECASE
)
_SENTENCE_END = tuple(".;:!?")
NOT_TEXT = (
    "format de fichier non reconnu : ce n'est ni un PDF, ni un document Word ou "
    "OpenDocument, ni du texte"
)


def decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=_CANDIDATES).best()
        text = str(best) if best is not None else data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise ExtractionError(path, NOT_TEXT)
    return text


def read_text(data: bytes, path: str, *, markdown: bool) -> tuple[list[Block], int | None]:
    """Blocks and page count (None unless the text has form feeds)."""
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f")
    paged = len(pages) > 1
    lines_total = text.count("\n") + 1
    # Files with one paragraph per line have few blank lines; hard-wrapped files have many.
    wrapped = text.count("\n\n") * 8 >= lines_total
    blocks: list[Block] = []
    for number, page_text in enumerate(pages, start=1):
        page = number if paged else None
        blocks.extend(_page_blocks(page_text, page, markdown=markdown, wrapped=wrapped))
    return blocks, (len(pages) if paged else None)


def _page_blocks(text: str, page: int | None, *, markdown: bool, wrapped: bool) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    current_kind = BlockKind.PARAGRAPH

    def flush() -> None:
        nonlocal current_kind
        if current:
            joined = normalize(" ".join(current))
            if joined:
                blocks.append(Block(text=joined, page=page, kind=current_kind))
            current.clear()
        current_kind = BlockKind.PARAGRAPH

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            blocks.append(
                Block(normalize(heading.group(2)), page, BlockKind.HEADING, len(heading.group(1)))
            )
            continue
        bullet, rest = split_bullet(line)
        if bullet or not wrapped or _LINE_START.match(line):
            flush()
            current_kind = BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH
            line = rest
        current.append(line)
        if _LINE_START.match(line) and not line.endswith(_SENTENCE_END):
            flush()  # a heading line ("Article 2 - Prix") stands alone
    flush()
    return blocks
