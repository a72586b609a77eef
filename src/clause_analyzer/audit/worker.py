"""The work done for one tender, wherever it runs (local worker process or Dask worker).

It goes through the single-tender path (`Analyzer.read` then `Analyzer.analyze_documents`,
that is `Analyzer.analyze`), adds the year and buyer read from the documents, and renders the
HTML report here so that the coordinating process never needs the TenderReport object.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .store import TenderResult

log = logging.getLogger(__name__)

# Test-only hooks (documented in the README, never set them in production): a tender whose
# path contains the value of CLAUSE_ANALYZER_TEST_HANG sleeps forever, one whose path contains
# CLAUSE_ANALYZER_TEST_HOG allocates memory until the cap stops it. They let the tests check
# the timeout and the memory cap without shipping a file that hangs a real extractor.
HANG_ENV = "CLAUSE_ANALYZER_TEST_HANG"
HOG_ENV = "CLAUSE_ANALYZER_TEST_HOG"


@dataclass(frozen=True)
class Job:
    key: str
    path: str
    hash: str


@dataclass(frozen=True)
class AnalyzerOptions:
    """What a worker needs to build its Analyzer: small and picklable."""

    axes: str | None = None
    today: date | None = None
    pdf_engine: str = "pypdfium2"

    def build(self):  # -> Analyzer, imported lazily: workers import it after their setup
        from ..analyzer import Analyzer

        return Analyzer(self.axes, today=self.today, pdf_engine=self.pdf_engine)


@dataclass(frozen=True)
class Outcome:
    result: TenderResult
    html: str | None = None  # the rendered report, written by the coordinator


def failure(job: Job, cause: str, seconds: float | None = None) -> Outcome:
    return Outcome(TenderResult(job.hash, job.key, "failed", error=cause, seconds=seconds))


def analyze_job(analyzer, job: Job) -> Outcome:
    """Never raises for a bad tender: every failure becomes a recorded cause."""
    from ..errors import ClauseAnalyzerError
    from ..report import render
    from .docinfo import guess_buyer, guess_year

    start = time.perf_counter()
    try:
        _test_hooks(job.path)
        # Read apart from `analyze` only to keep the documents for the year and buyer.
        documents, errors = analyzer.read(job.path)
        report = analyzer.analyze_documents(Path(job.path).name, documents, errors)
        html = render(report, "html")
        data = json.dumps(report.to_dict(), ensure_ascii=False)
    except MemoryError:
        return failure(
            job,
            "mémoire insuffisante : la consultation dépasse le plafond de "
            "mémoire d'un processus d'analyse",
            time.perf_counter() - start,
        )
    except ClauseAnalyzerError as exc:
        return failure(job, str(exc), time.perf_counter() - start)
    except Exception as exc:  # one tender's bug must not stop an audit of thousands
        log.debug("tender %s failed", job.key, exc_info=True)
        return failure(
            job, f"erreur interne ({type(exc).__name__}: {exc})", time.perf_counter() - start
        )
    return Outcome(
        TenderResult(
            job.hash,
            job.key,
            "done",
            report=data,
            html=report_file_name(job),
            doc_year=guess_year(documents),
            doc_buyer=guess_buyer(documents),
            pages=sum(d.pages or 0 for d in documents),
            seconds=time.perf_counter() - start,
        ),
        html,
    )


def report_file_name(job: Job) -> str:
    """A readable, unique, filesystem-safe name: the key's last part and the hash's start."""
    stem = re.sub(r"[^\w.-]+", "_", job.key.rsplit("/", 1)[-1])[:60]
    return f"{stem}-{job.hash[:10]}.html"


def _test_hooks(path: str) -> None:
    if (needle := os.environ.get(HANG_ENV)) and needle in path:
        while True:
            time.sleep(3600)
    if (needle := os.environ.get(HOG_ENV)) and needle in path:
        hog = []
        while True:
            hog.append(bytearray(64 << 20))
