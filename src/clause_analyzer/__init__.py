"""clause-analyzer: social and environmental clauses in French public tender documents.

import clause_analyzer as ca
report = ca.Analyzer().analyze("DCE.zip")
labels = ca.Analyzer().classify(["Le titulaire réalise 350 heures d'insertion…"])
"""

from __future__ import annotations

import functools
import os

from .analyzer import Analyzer
from .audit import AuditSummary, audit
from .errors import ArchiveError, ClauseAnalyzerError, ConfigError, ExtractionError, ModelError
from .report.tender import TenderReport
from .types import Clause, ClauseLabel, Evidence, Finding

__all__ = [
    "Analyzer",
    "ArchiveError",
    "AuditSummary",
    "Clause",
    "ClauseAnalyzerError",
    "ClauseLabel",
    "ConfigError",
    "Evidence",
    "ExtractionError",
    "Finding",
    "ModelError",
    "TenderReport",
    "analyze",
    "audit",
]


@functools.lru_cache(maxsize=1)
def _default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(path: str | os.PathLike) -> TenderReport:
    """Analyse one tender (file, folder or ZIP) with the default model and axes."""
    return _default_analyzer().analyze(path)
