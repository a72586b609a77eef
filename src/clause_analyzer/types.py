"""Values that flow from one stage to the next: extraction → segmentation → detection → report.

All are frozen: a stage never edits what the previous stage produced, it returns a new value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class StrEnum(str, Enum):
    """`enum.StrEnum` exists only from Python 3.11; we support 3.10."""

    def __str__(self) -> str:
        return self.value


class DocKind(StrEnum):
    """The piece of the DCE a document is (DOMAIN.md §1)."""

    CCAP = "CCAP"
    CCTP = "CCTP"
    RC = "RC"
    AE = "AE"
    BPU = "BPU"  # also DPGF and DQE: price schedules
    OTHER = "other"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like piece of text as the source format gives it.

    `page` is 1-based, None where the format has no fixed pages (DOCX, ODT, text).
    `level` is the heading level known from the style or outline (1 = top), if any.
    `number` is the label of automatic numbering ("7.2", "a)") that the word processor renders
    but that is not in the text itself.
    """

    text: str
    page: int | None = None
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int | None = None
    number: str | None = None


@dataclass(frozen=True)
class Document:
    """The text of one file of the tender, in reading order, with its provenance."""

    path: str  # as shown to the user, e.g. "DCE.zip/01 Pièces/CCAP.pdf"
    kind: DocKind
    blocks: tuple[Block, ...]
    pages: int | None = None
    engine: str | None = None  # extractor used, e.g. "pypdfium2", "python-docx"
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The document text; clause offsets point into it (blocks joined by newlines)."""
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Clause:
    """The unit a buyer would quote: an article, or one paragraph of a long article."""

    document: str
    doc_kind: DocKind
    number: str | None  # article number as written: "9.2", "7", "VII", "a)"
    heading: str  # heading path: "Article 9 – Conditions d'exécution > 9.2 Clause d'insertion"
    text: str
    pages: tuple[int, ...] = ()  # every page the clause spans, ascending
    start: int = 0  # character offsets in Document.text
    end: int = 0

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None

    @property
    def title(self) -> str:
        """The last element of the heading path: the heading of the clause itself."""
        return self.heading.rsplit(" > ", 1)[-1] if self.heading else ""


class Family(StrEnum):
    SOCIAL = "social"
    ENVIRONMENTAL = "environmental"
    ECONOMIC = "economic"


class Lever(StrEnum):
    """How a consideration binds (DOMAIN.md §2), strongest first in `LEVER_STRENGTH`."""

    SPECIFICATION = "specification"
    EXECUTION_CONDITION = "execution_condition"
    AWARD_CRITERION = "award_criterion"
    RESERVED = "reserved"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a clause was flagged: a rule match or a model feature, with what it matched."""

    source: str  # "rule" or "model"
    id: str  # rule id ("insertion.hours") or model feature ("lemma:heure insertion")
    text: str  # matched text, as written in the clause
    axis: str | None = None
    weight: float = 0.0  # contribution to the decision (rule strength or model coefficient)
    start: int | None = None  # offsets in the clause text, for highlighting
    end: int | None = None


@dataclass(frozen=True)
class ClauseLabel:
    """The classifier's answer for one clause text (API contract: `Analyzer.classify`)."""

    text: str
    axes: tuple[str, ...]
    scores: dict[str, float]  # axis id → calibrated probability
    lever: Lever | None
    score: float  # max over the flagged axes (or over all axes when none is flagged)
    evidence: tuple[Evidence, ...] = ()
    vetoed_by: tuple[str, ...] = ()  # ids of false-friend or negation rules that fired
    social: bool = False
    environmental: bool = False
    economic: bool = False

    @property
    def families(self) -> tuple[Family, ...]:
        out = []
        if self.social:
            out.append(Family.SOCIAL)
        if self.environmental:
            out.append(Family.ENVIRONMENTAL)
        if self.economic:
            out.append(Family.ECONOMIC)
        return tuple(out)


@dataclass(frozen=True)
class Finding:
    """A flagged clause in a tender, with where it stands and what it says."""

    clause: Clause
    label: ClauseLabel
    quantities: dict[str, float] = field(default_factory=dict)
