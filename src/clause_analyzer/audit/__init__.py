"""Batch audit of archived tenders: parallel, resumable, into a store, then Spaser indicators.

Usage: `clause_analyzer.audit("archives/", "audit_2024", jobs=2, metadata="decp.csv")`.
"""

from __future__ import annotations

from .batch import AuditSummary, audit

__all__ = ["AuditSummary", "audit"]
