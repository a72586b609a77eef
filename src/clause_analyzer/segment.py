"""Blocks → clauses: recognise article numbering, keep the heading path, pages and offsets.

A clause is what a buyer would quote: a short article whole, or one paragraph (with the list
that follows it) of a long article. Every clause carries its heading path, so that "Les
pénalités sont de 50 € par heure" under "9.2 Clause d'insertion" keeps its meaning.

Heading levels are not read from a fixed table: French tenders mix "TITRE II", "Chapitre 2",
"ARTICLE 7 –", "7.2.1", "VII." and "a)" in every combination. As in outline parsers, each
numbering *style* met for the first time opens a level under the current one, and meeting a
style already open closes everything below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .types import Block, BlockKind, Clause, Document

# One short article is one clause; past this size an article is split at its paragraphs.
ARTICLE_MAX_CHARS = 700
# A single paragraph longer than this is split at sentence ends into pieces about this long.
PARAGRAPH_MAX_CHARS = 1500

_ROMAN = r"[IVXLC]{1,6}"
_DASH = r"[-–—:.)]"

# "ARTICLE 7 –", "Article 7.2 :", "Art. 12", "ARTICLE PREMIER", "Article 1er"
_ARTICLE = re.compile(
    rf"^(?P<kw>article|art\.?)\s*(?P<num>\d+(?:[.-]\d+)*|{_ROMAN}|premier|1er)\b\.?\s*(?:{_DASH}\s*)?(?P<title>.*)$",
    re.IGNORECASE,
)
# "TITRE II", "Chapitre 2 -", "PARTIE 1", "Section 3", "ANNEXE 2"
_PART = re.compile(
    rf"^(?P<kw>titre|chapitre|partie|section|annexe)\s+(?P<num>\d+|{_ROMAN}|premier|unique)\b\.?\s*(?:{_DASH}\s*)?(?P<title>.*)$",
    re.IGNORECASE,
)
# "7", "7.2", "7.2.1.", "7-2" followed by a space; "7)" is a list item, not a heading
_DOTTED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})\.?(?:\s*[-–—:]\s*|\s+)(?P<title>\S.*)$")
# "VII.", "IV -"; the separator is required so that "CCAG" words are not read as numerals
_ROMAN_HEAD = re.compile(rf"^(?P<num>{_ROMAN})\s*[.\-–—)]\s+(?P<title>\S.*)$")
# List markers kept inside the clause of their lead-in sentence
_LIST_ITEM = re.compile(
    r"^\s*(?:[-–—•▪◦●*\uf0b7\uf0a7]|[a-z]\)|[a-z]\.|\d{1,2}°|\d{1,2}\)|\(\w{1,3}\))\s+"
)


@dataclass(frozen=True)
class Heading:
    style: str  # numbering style, e.g. "article", "dotted2", "roman", "style3", "caps"
    number: str | None
    text: str  # the heading as written, whitespace collapsed


def parse_heading(block: Block) -> Heading | None:
    """Return the heading a block opens, or None for body text."""
    text = " ".join(block.text.split())
    if not text:
        return None
    if block.number and not text.startswith(block.number):
        # Automatic numbering rendered by Word/LibreOffice is not in the text itself.
        text = f"{block.number} {text}"
    if m := _ARTICLE.match(text):
        if _looks_like_title(m["title"], allow_empty=True):
            num = m["num"]
            num = "1" if num.lower() in ("premier", "1er") else num
            return Heading("article", num, text)
        return None
    if m := _PART.match(text):
        if _looks_like_title(m["title"], allow_empty=True):
            return Heading(m["kw"].lower(), m["num"], text)
        return None
    if m := _DOTTED.match(text):
        num = m["num"]
        if _looks_like_title(m["title"]) and not _looks_like_quantity(m["title"]):
            return Heading(f"dotted{num.count('.') + 1}", num, text)
        return None
    if m := _ROMAN_HEAD.match(text):
        if _looks_like_title(m["title"]):
            return Heading("roman", m["num"], text)
        return None
    if block.kind is BlockKind.HEADING:
        return Heading(f"style{block.level or 1}", block.number, text)
    if _is_caps_title(text):
        return Heading("caps", None, text)
    return None


def _looks_like_title(title: str, allow_empty: bool = False) -> bool:
    """A heading's words: short, no sentence end, does not start in lower case."""
    title = title.strip()
    if not title:
        return allow_empty
    words = title.split()
    if len(words) > 18 or len(title) > 160:
        return False
    if title[-1] in ";," or (title.endswith(".") and len(words) > 8):
        return False
    return not title[0].islower()


def _looks_like_quantity(title: str) -> bool:
    # "1 500 € HT", "12 mois" after a number are amounts, not headings
    return bool(re.match(r"^(?:\d|€|%|mois|jours?|heures?|ans?\b|semaines?)", title))


def _is_caps_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 4
        and len(text) <= 100
        and sum(c.isupper() for c in letters) / len(letters) > 0.9
        and not text.endswith((".", ",", ";"))
        and len(text.split()) <= 12
    )


@dataclass
class _Unit:
    """A paragraph with the list items and table rows that follow it."""

    blocks: list[tuple[int, Block]] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(len(b.text) + 1 for _, b in self.blocks)


class _Outline:
    """The open headings, outermost first, keyed by numbering style."""

    def __init__(self) -> None:
        self.open: list[Heading] = []

    def closes(self, heading: Heading) -> int | None:
        """Index of the open heading that `heading` replaces, None when it nests deeper."""
        for i, h in enumerate(self.open):
            if h.style == heading.style:
                return i
        return None

    def push(self, heading: Heading) -> None:
        index = self.closes(heading)
        if index is not None:
            del self.open[index:]
        # An unnumbered capitalised title holds text but never encloses numbered articles:
        # it is usually a document title or a sub-title inside an article.
        while self.open and self.open[-1].style == "caps" and heading.style != "caps":
            self.open.pop()
        self.open.append(heading)

    @property
    def path(self) -> str:
        return " > ".join(h.text for h in self.open)

    @property
    def number(self) -> str | None:
        for h in reversed(self.open):
            if h.number:
                return h.number
        return None


def segment(document: Document) -> list[Clause]:
    """Cut a document into clauses, each with number, heading path, pages and offsets."""
    starts = _block_starts(document.blocks)
    outline = _Outline()
    clauses: list[Clause] = []
    body: list[tuple[int, Block]] = []
    pending: Heading | None = None  # last heading, until some body text comes under it
    pending_index = -1

    def flush(next_heading: Heading | None) -> None:
        nonlocal pending
        if body:
            clauses.extend(_article_clauses(document, outline, body, starts))
            body.clear()
        elif pending is not None and (
            next_heading is None or outline.closes(next_heading) is not None
        ):
            # A heading with nothing under it and no sub-heading ("1. Prix : 60 %" in a
            # criteria list) is text, not a section title.
            parent = " > ".join(h.text for h in outline.open[:-1])
            block = document.blocks[pending_index]
            clauses.append(
                _make_clause(document, outline.number, parent, [(pending_index, block)], starts)
            )
        pending = None

    for index, block in enumerate(document.blocks):
        heading = parse_heading(block) if block.kind is not BlockKind.TABLE_ROW else None
        if heading is not None:
            flush(heading)
            outline.push(heading)
            pending, pending_index = heading, index
        elif block.text.strip():
            body.append((index, block))
    flush(None)
    return clauses


def _article_clauses(
    document: Document, outline: _Outline, body: list[tuple[int, Block]], starts: list[int]
) -> Iterator[Clause]:
    units = list(_units(body))
    heading, number = outline.path, outline.number
    if sum(u.chars for u in units) <= ARTICLE_MAX_CHARS:
        yield _make_clause(document, number, heading, body, starts)
        return
    for unit in units:
        if unit.chars <= PARAGRAPH_MAX_CHARS:
            yield _make_clause(document, number, heading, unit.blocks, starts)
        else:
            yield from _split_long(document, number, heading, unit.blocks, starts)


def _units(body: list[tuple[int, Block]]) -> Iterator[_Unit]:
    unit = _Unit()
    for index, block in body:
        joins_previous = block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW) or bool(
            _LIST_ITEM.match(block.text)
        )
        # A table after a paragraph stays with it ("Les critères sont : | Prix | 60 %").
        if unit.blocks and not joins_previous:
            yield unit
            unit = _Unit()
        unit.blocks.append((index, block))
        if block.kind is BlockKind.TABLE_ROW and unit.chars > PARAGRAPH_MAX_CHARS:
            yield unit
            unit = _Unit()
    if unit.blocks:
        yield unit


def _split_long(
    document: Document,
    number: str | None,
    heading: str,
    blocks: list[tuple[int, Block]],
    starts: list[int],
) -> Iterator[Clause]:
    """Split an over-long paragraph at sentence ends, keeping offsets exact."""
    for index, block in blocks:
        base = starts[index]
        for lo, hi in _sentence_chunks(block.text, PARAGRAPH_MAX_CHARS // 2):
            text = block.text[lo:hi].strip()
            if text:
                pages = (block.page,) if block.page else ()
                yield Clause(
                    document=document.path,
                    doc_kind=document.kind,
                    number=number,
                    heading=heading,
                    text=text,
                    pages=pages,
                    start=base + lo,
                    end=base + hi,
                )


# Sentence ends: a period, ! or ? followed by a space and a capital; abbreviations common in
# tenders ("art.", "n°", "cf.", "M.") do not end sentences. A regex is enough here: these
# pieces only bound clause size, they are not linguistic units.
_SENTENCE_END = re.compile(
    r"(?<!\bart)(?<!\bArt)(?<!\bcf)(?<!\bM)(?<!\bp)(?<!\bn°)(?<!\bvol)[.!?;](?=\s+[A-ZÀ-ÖØ-Þ«\"(\-–])"
)


def _sentence_chunks(text: str, target: int) -> Iterator[tuple[int, int]]:
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    lo = 0
    for cut in cuts:
        if cut - lo >= target:
            yield lo, cut
            lo = cut
    yield lo, len(text)


def _make_clause(
    document: Document,
    number: str | None,
    heading: str,
    blocks: Iterable[tuple[int, Block]],
    starts: list[int],
) -> Clause:
    blocks = list(blocks)
    first, last = blocks[0][0], blocks[-1][0]
    pages = tuple(sorted({b.page for _, b in blocks if b.page}))
    return Clause(
        document=document.path,
        doc_kind=document.kind,
        number=number,
        heading=heading,
        text="\n".join(b.text.strip() for _, b in blocks),
        pages=pages,
        start=starts[first],
        end=starts[last] + len(document.blocks[last].text),
    )


def _block_starts(blocks: tuple[Block, ...]) -> list[int]:
    starts, pos = [], 0
    for block in blocks:
        starts.append(pos)
        pos += len(block.text) + 1  # Document.text joins blocks with "\n"
    return starts
