"""The small interface between a PDF engine and the layout rebuilding: pages of text lines.

Each engine turns PDF bytes into `PdfPage`s of `PdfLine`s in reading order with their
geometry; `pdf_layout` then removes running headers, joins lines into paragraphs and
re-joins hyphenated words the same way for every engine, so engines compare fairly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One visual line. Coordinates in points, y measured from the top of the page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0  # font size of the first character, 0 when unknown
    bold: bool = False


@dataclass(frozen=True, slots=True)
class PdfPage:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[PdfLine, ...]


class PdfPasswordError(Exception):
    """The PDF needs a password to open."""


class PdfOpenError(Exception):
    """The engine could not parse the file at all (corrupt, truncated, not a PDF)."""


# An engine: PDF bytes → pages; raises PdfPasswordError / PdfOpenError.
PdfEngine = Callable[[bytes], list[PdfPage]]
