"""The files of AUDIT_DIR besides the store and the dashboard: CSV, JSON and JSON lines.

Each file is written beside its final name and renamed into place, so an interrupted run
never leaves a half-written file where an older complete one stood.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .indicators import Indicators
from .rows import AuditRow

FINDING_COLUMNS = (
    "tender",
    "year",
    "buyer",
    "document",
    "clause",
    "heading",
    "page",
    "family",
    "axes",
    "lever",
    "score",
    "insertion_hours",
    "criterion_weight_percent",
    "evidence",
    "text",
)


@contextmanager
def atomic_write(path: Path) -> Iterator[IO[str]]:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh
    os.replace(tmp, path)


def write_indicators(out: Path, indicators: Indicators) -> None:
    with atomic_write(out / "indicators.csv") as fh:
        writer = csv.DictWriter(fh, fieldnames=indicators.columns)
        writer.writeheader()
        writer.writerows(indicators.groups)
    with atomic_write(out / "indicators.json") as fh:
        json.dump(indicators.to_dict(), fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def write_details(out: Path, rows: Iterable[AuditRow]) -> None:
    """findings.csv and reports.jsonl in one pass over full rows, streamed from the store."""
    with atomic_write(out / "findings.csv") as fh, atomic_write(out / "reports.jsonl") as jl:
        writer = csv.DictWriter(fh, fieldnames=FINDING_COLUMNS)
        writer.writeheader()
        for row in rows:
            jl.write(json.dumps(_line(row), ensure_ascii=False) + "\n")
            for f in row.report.get("findings", []):
                writer.writerow(
                    {
                        "tender": row.key,
                        "year": row.year,
                        "buyer": row.buyer,
                        "document": f["document"],
                        "clause": f["clause"],
                        "heading": f["heading"],
                        "page": f["page"],
                        "family": f["family"],
                        "axes": "|".join(f["axes"]),
                        "lever": f["lever"],
                        "score": f["score"],
                        "insertion_hours": f["quantities"].get("insertion_hours"),
                        "criterion_weight_percent": f["quantities"].get("criterion_weight_percent"),
                        "evidence": "|".join(f["evidence"]),
                        "text": f["text"],
                    }
                )


def _line(row: AuditRow) -> dict[str, Any]:
    s = row.stored
    return {
        "tender": s.key,
        "paths": list(s.keys),
        "content_hash": s.hash,
        "status": s.status,
        "error": s.error,
        "year": row.year,
        "buyer": row.buyer,
        "estimated_amount_eur": row.estimated_amount,
        "cpv": row.meta.cpv if row.meta else None,
        "declared": {
            "considerationsSociales": list(row.declared_social),
            "considerationsEnvironnementales": list(row.declared_environmental),
        },
        "html": f"reports/{s.html}" if s.html else None,
        "pages": s.pages,
        "seconds": round(s.seconds, 3) if s.seconds is not None else None,
        "report": s.report,
    }
