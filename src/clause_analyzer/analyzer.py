"""The single-tender path: extract → segment → detect → report. Batch mode reuses it."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from .axes import AxisSet, load_axes
from .detect.detector import Detector
from .detect.features import ClauseInput
from .errors import ExtractionError
from .extract import DEFAULT_PDF_ENGINE, iter_tender, read_document
from .nlp import fold
from .report.build import build_report, finding_quantities
from .report.tender import TenderReport
from .segment import segment
from .types import Clause, ClauseLabel, Document, Finding

log = logging.getLogger(__name__)


class Analyzer:
    """Loads the spaCy pipeline, the classifier and the Spaser axes once; analyses tenders.

    `axes`: a TOML file of the buyer's Spaser axes (default: the built-in axes).
    `model`: a model directory other than the shipped one, loaded only with `trust_model`.
    `today`: the date the 2026 obligations are judged at when the documents give none.
    """

    def __init__(
        self,
        axes: str | os.PathLike | AxisSet | None = None,
        *,
        model: str | os.PathLike | None = None,
        trust_model: bool = False,
        pdf_engine: str = DEFAULT_PDF_ENGINE,
        today: date | None = None,
    ) -> None:
        self.axes = load_axes(axes)
        self.detector = Detector.load(Path(model) if model else None, trust_model=trust_model)
        self.pdf_engine = pdf_engine
        self.today = today

    def analyze(self, path: str | os.PathLike) -> TenderReport:
        """A file, a folder or a DCE ZIP = one tender."""
        documents, errors = self.read(path)
        return self._report(Path(path).name, documents, errors)

    def read(self, path: str | os.PathLike) -> tuple[list[Document], list[tuple[str, str]]]:
        """The readable pieces of a tender, and (path, cause) for each unreadable one."""
        documents: list[Document] = []
        errors: list[tuple[str, str]] = []
        for item in iter_tender(path, pdf_engine=self.pdf_engine):
            if isinstance(item, ExtractionError):
                log.warning("%s", item)
                errors.append((item.path, item.cause))
            else:
                documents.append(item)
        return documents, errors

    def analyze_text(self, text: str, name: str = "texte.txt") -> TenderReport:
        document = read_document(text.encode("utf-8"), name, pdf_engine=self.pdf_engine)
        return self._report(name, [document], [])

    def analyze_documents(
        self, tender: str, documents: Sequence[Document], errors: Sequence[tuple[str, str]] = ()
    ) -> TenderReport:
        return self._report(tender, list(documents), list(errors))

    def classify(
        self, texts: Iterable[str], *, heading: str = "", doc_kind: str = ""
    ) -> list[ClauseLabel]:
        return self.detector.label([ClauseInput(t, heading, doc_kind) for t in texts])

    def _report(
        self, tender: str, documents: list[Document], errors: list[tuple[str, str]]
    ) -> TenderReport:
        clauses = {d.path: segment(d) for d in documents}
        documents = _mark_copies(documents, clauses)
        originals = [d for d in documents if not _is_copy(d)]
        flat: list[Clause] = [c for d in originals for c in clauses[d.path]]
        labels = self.detector.label(
            [ClauseInput(c.text, c.heading, str(c.doc_kind)) for c in flat]
        )
        findings = [
            Finding(c, label, finding_quantities(c, label.axes, label.lever))
            for c, label in zip(flat, labels)
            if label.axes
        ]
        return build_report(tender, documents, clauses, findings, errors, self.axes, self.today)


_COPY_WARNING = "même contenu que "


def _is_copy(document: Document) -> bool:
    return any(w.startswith(_COPY_WARNING) for w in document.warnings)


def _mark_copies(documents: list[Document], clauses: dict[str, list[Clause]]) -> list[Document]:
    """A DCE often ships the same piece twice (CCAP.docx and CCAP.pdf): analyse it once.

    A document whose clause texts are, for nine in ten, those of an earlier document of the
    same kind is kept in the list with a warning, and its clauses are not labelled again.
    """
    seen: list[tuple[Document, set[str]]] = []
    out: dict[str, Document] = {}
    # The PDF is kept rather than its DOCX source: it has page numbers to cite.
    for document in sorted(documents, key=lambda d: d.pages is None):
        texts = {fold(c.text) for c in clauses[document.path]}
        original = next(
            (
                d
                for d, other in seen
                if d.kind is document.kind and texts and len(texts & other) >= 0.9 * len(texts)
            ),
            None,
        )
        if original is not None:
            document = replace(
                document, warnings=(*document.warnings, _COPY_WARNING + original.path)
            )
        else:
            seen.append((document, texts))
        out[document.path] = document
    return [out[d.path] for d in documents]
