"""From PDF lines to paragraph blocks: the layout work every PDF engine needs.

Order matters (MEASUREMENTS.md): running headers and footers go first, otherwise a word cut
at a page break would be glued to the footer; then table-of-contents lines; then lines are
grouped into paragraphs; hyphenated words are re-joined last, with a document-wide lexicon.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..types import Block, BlockKind
from .pdf_lines import PdfLine, PdfPage
from .textnorm import normalize, split_bullet

# Headers and footers live in the top and bottom margins; looking only there avoids dropping
# a body sentence that happens to repeat ("Sans objet.").
_MARGIN_ZONE = 0.13
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*(?:(?:/|sur|de|of)\s*\d{1,4})?\s*[-–]?$", re.IGNORECASE
)
# "Article 3 – Prix ........ 7", "3.2 Pénalités …… 12", "Objet ____ 4"
_TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$|_{4,}\s*\d{1,4}$")
_TOC_TITLE = re.compile(r"^(?:sommaire|table des mati[eè]res|table des articles)$", re.I)
# Lines that open a new clause even without a vertical gap: article and numbered headings.
_HEADING_START = re.compile(
    r"^(?:art(?:icle|\.)\s*\d|chapitre\b|titre\s+[IVX\d]|section\s+\d|annexe\s+[\dIVX]"
    r"|\d{1,2}(?:\.\d{1,2}){0,4}\.?\s+[A-ZÀ-Ý]|[IVX]{1,5}[.\-–)]\s+[A-ZÀ-Ý])",
    re.IGNORECASE,
)
_SENTENCE_END = tuple(".!?:;»)")
_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w))*")
# Compound-word parts that are kept with their hyphen when a line break falls on it and the
# document itself does not tell (e.g. "sous-" / "traitance" seen nowhere else).
_COMPOUND_LEFT = frozenset(
    [
        "sous",
        "non",
        "vis",
        "peut",
        "c'est",
        "au",
        "aux",
        "quasi",
        "mi",
        "demi",
        "semi",
        "ex",
        "après",
        "avant",
        "arrière",
        "contre",
        "grand",
        "grande",
        "franco",
        "procès",
        "porte",
        "garde",
        "chef",
        "hors",
        "outre",
        "bien",
        "état",
        "saint",
        "sainte",
        "anti",
    ]
)
_COMPOUND_RIGHT = frozenset(
    [
        "être",
        "ci",
        "là",
        "dessus",
        "dessous",
        "delà",
        "dire",
        "vis",
        "même",
        "mêmes",
        "verbal",
        "verbaux",
        "clés",
        "clé",
        "uns",
        "unes",
        "traitant",
        "traitants",
        "traitance",
        "traitée",
        "traitées",
        "traité",
        "traités",
        "oeuvre",
        "œuvre",
    ]
)


@dataclass
class _Para:
    page: int
    lines: list[PdfLine] = field(default_factory=list)
    bullet: bool = False
    cell_starts: set[int] = field(default_factory=set)  # indices of lines opening a cell


def layout_blocks(pages: Sequence[PdfPage]) -> list[Block]:
    kept = _drop_toc(_drop_running_lines(pages))
    paragraphs = _paragraphs(kept)
    lexicon = _lexicon(line for _, lines in kept for line in lines)
    blocks: list[Block] = []
    for para in paragraphs:
        text = _join_lines(para, lexicon)
        if text:
            kind = BlockKind.LIST_ITEM if para.bullet else BlockKind.PARAGRAPH
            if para.cell_starts:
                kind = BlockKind.TABLE_ROW
            blocks.append(Block(text=text, page=para.page, kind=kind))
    return blocks


def _margin_key(text: str) -> str:
    """Running lines differ only by their page number: compare them with digits masked."""
    return re.sub(r"\d+", "#", " ".join(text.casefold().split()))


def _in_margin(line: PdfLine, page: PdfPage) -> bool:
    zone = page.height * _MARGIN_ZONE
    return line.bottom <= zone or line.top >= page.height - zone


def _drop_running_lines(pages: Sequence[PdfPage]) -> list[tuple[int, list[PdfLine]]]:
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_margin_key(ln.text) for ln in page.lines if _in_margin(ln, page)})
    text_pages = sum(1 for page in pages if page.lines)
    # Repeated on at least half the pages (and on two at least): a running header or footer.
    threshold = max(2, math.ceil(text_pages / 2))
    out: list[tuple[int, list[PdfLine]]] = []
    for page in pages:
        lines = []
        for line in page.lines:
            if _in_margin(line, page) and (
                _PAGE_NUMBER.match(line.text) or seen[_margin_key(line.text)] >= threshold
            ):
                continue
            lines.append(line)
        out.append((page.number, lines))
    return out


def _drop_toc(pages: list[tuple[int, list[PdfLine]]]) -> list[tuple[int, list[PdfLine]]]:
    out = []
    for number, lines in pages:
        kept = []
        for i, line in enumerate(lines):
            if _TOC_LINE.search(line.text):
                continue
            nxt = lines[i + 1].text if i + 1 < len(lines) else ""
            if _TOC_TITLE.match(line.text.strip()) and _TOC_LINE.search(nxt):
                continue
            kept.append(line)
        out.append((number, kept))
    return out


@dataclass(frozen=True)
class _PageMetrics:
    left: float
    right: float
    pitch: float  # usual distance between the tops of two consecutive lines of a paragraph


def _metrics(lines: Sequence[PdfLine]) -> _PageMetrics:
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    steps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top - a.top > 0.5]
    heights = [line.bottom - line.top for line in lines]
    # Lower quartile: on a short page, paragraph gaps and headings would inflate a median.
    pitch = sorted(steps)[len(steps) // 4] if steps else statistics.median(heights) * 1.2
    return _PageMetrics(left, right, max(pitch, 1.0))


def _paragraphs(pages: list[tuple[int, list[PdfLine]]]) -> list[_Para]:
    paras: list[_Para] = []
    current: _Para | None = None
    for number, lines in pages:
        if not lines:
            continue
        metrics = _metrics(lines)
        prev: PdfLine | None = None
        for line in lines:
            bullet, rest = split_bullet(line.text)
            if bullet:
                line = PdfLine(rest, line.x0, line.top, line.x1, line.bottom, line.size, line.bold)
            if current is not None and prev is not None and _next_cell(prev, line, current):
                current.cell_starts.add(len(current.lines))
            elif current is None or _starts_paragraph(prev, line, bullet, metrics, current):
                current = _Para(page=number, bullet=bullet)
                paras.append(current)
            current.lines.append(line)
            prev = line
    return paras


def _next_cell(prev: PdfLine, line: PdfLine, current: _Para) -> bool:
    """A table cell to the right of the current row: back up to the row's top, further right.

    Engines emit a table cell by cell; a cell that starts level with the row's first line
    and right of everything before it belongs to the same row (one TABLE_ROW block).
    """
    row_top = current.lines[0].top
    return (
        line.top < prev.top - 1
        and abs(line.top - row_top) < 3
        and line.x0 > max(ln.x1 for ln in current.lines) - 1
    )


def _starts_paragraph(
    prev: PdfLine | None, line: PdfLine, bullet: bool, m: _PageMetrics, current: _Para
) -> bool:
    if bullet or _HEADING_START.match(line.text):
        return True
    last = prev if prev is not None else current.lines[-1]
    ends_sentence = last.text.rstrip().endswith(_SENTENCE_END)
    if abs(line.size - last.size) > 0.6 or line.bold != last.bold:
        return True
    if prev is None:
        # First line of a page: the paragraph carries on from the previous page unless the
        # previous one was complete.
        return ends_sentence
    step = line.top - prev.top
    # Big type (titles) has a bigger pitch than body text: scale with the line's own height.
    if step < -1 or step > 1.45 * max(m.pitch, prev.bottom - prev.top):
        return True
    if not prev.text.endswith("-") and _broke_early(prev, line, m):
        return True
    # First-line indentation after a complete sentence.
    return ends_sentence and line.x0 > m.left + 12 and line.x0 > prev.x0 + 6


def _broke_early(prev: PdfLine, line: PdfLine, m: _PageMetrics) -> bool:
    """The previous line ended although the next line's first word would have fitted in it.

    True for the last line of a paragraph in justified and in ragged-right text alike.
    """
    char_width = (prev.x1 - prev.x0) / max(len(prev.text), 1)
    first_word = line.text.split(" ", 1)[0]
    room = m.right - prev.x1
    return room > (len(first_word) + 1.5) * char_width


def _lexicon(lines: Iterable[PdfLine]) -> Counter[str]:
    """Words as the document writes them mid-line, to tell hyphenation from compounds."""
    words: Counter[str] = Counter()
    for line in lines:
        tokens = _WORD.findall(normalize(line.text))
        if tokens and line.text.rstrip().endswith("-"):
            tokens = tokens[:-1]  # the cut fragment is not a word
        words.update(t.casefold() for t in tokens)
    return words


def _join_lines(para: _Para, lexicon: Counter[str]) -> str:
    text = ""
    for index, line in enumerate(para.lines):
        piece = normalize(line.text)
        if not piece:
            continue
        if not text:
            text = piece
        elif index in para.cell_starts:
            text = f"{text} | {piece}"
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and piece[0].isalpha():
            text = _join_hyphen(text, piece, lexicon)
        elif text.endswith(" -") and len(text) > 2 and text[-3].isalpha() and piece[0].islower():
            # Justified text: PDFium puts the stretched gap before the hyphen ("valorisa -").
            text = _join_hyphen(text[:-2] + "-", piece, lexicon)
        else:
            text = f"{text} {piece}"
    return text


def _join_hyphen(left_text: str, right_text: str, lexicon: Counter[str]) -> str:
    """Re-join a word cut at a line end, unless it is a compound written with a hyphen."""
    left_words = _WORD.findall(left_text[:-1])
    left_word = left_words[-1] if left_words else ""
    right_word = _WORD.match(right_text)
    right = right_word.group(0) if right_word else ""
    first_right = right.split("-")[0]
    hyphenated = f"{left_word}-{right}".casefold()
    joined = f"{left_word}{right}".casefold()
    keep = lexicon[hyphenated] > lexicon[joined] or (
        lexicon[joined] == 0
        and (
            "-" in left_word
            or left_word.casefold() in _COMPOUND_LEFT
            or first_right.casefold() in _COMPOUND_RIGHT
            or right[:1].isupper()
        )
    )
    if keep:
        return f"{left_text}{right_text}"
    return f"{left_text[:-1]}{right_text}"
