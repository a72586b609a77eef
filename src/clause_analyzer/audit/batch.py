"""`audit()`: many tenders in parallel into the store, then indicators, exports, dashboard."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..axes import load_axes
from ..errors import ConfigError
from ..extract import DEFAULT_PDF_ENGINE
from . import tenders as tender_files
from .dashboard import render_dashboard
from .indicators import compute
from .metadata import Metadata, load_metadata
from .outputs import atomic_write, write_details, write_indicators
from .progress import Progress
from .rows import join, slim
from .store import STORE_NAME, Store
from .worker import AnalyzerOptions, Job, Outcome

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 300.0  # seconds per tender; the 40-page benchmark tender takes ~2 s
DEFAULT_MAX_MEMORY = 2048  # MiB of address space per worker; the models take ~0.7 GiB


@dataclass(frozen=True)
class AuditSummary:
    out: Path
    tenders: int  # distinct tenders (by content) under the PATHs
    analysed: int  # analysed by this run
    failed: int  # failed in this run
    skipped: int  # already in the store from an earlier run
    failed_total: int  # failed tenders in the store among `tenders`
    pages: int  # pages read by this run
    seconds: float
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.interrupted and self.failed_total == 0


def audit(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    metadata: str | os.PathLike[str] | None = None,
    axes: str | os.PathLike[str] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    scheduler: str | None = None,
    retry_failed: bool = False,
    group_by: str = "auto",
    today: date | None = None,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    progress: bool = False,
) -> AuditSummary:
    """Audit every tender under `paths` into the directory `out` (see README, "Batch audit").

    Resumable: tenders already in `out`'s store are skipped (failed ones are redone with
    `retry_failed`). `max_memory` is in MiB (local workers only). A KeyboardInterrupt stops
    the workers and returns a summary with `interrupted=True`; what was done is kept.
    """
    start = time.monotonic()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if jobs is not None and jobs < 1:
        raise ConfigError("--jobs doit valoir au moins 1")
    if timeout is not None and timeout <= 0:
        raise ConfigError("--timeout doit être positif")
    if axes is not None:
        load_axes(Path(axes))  # a bad axes file fails here, not in every worker
    meta = load_metadata(Path(metadata) if metadata is not None else None)
    out = Path(out)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    options = AnalyzerOptions(str(axes) if axes else None, today, pdf_engine)

    with Store(out / STORE_NAME) as store:
        found = _identify(store, tender_files.discover(paths, group_by))
        statuses = store.statuses()
        todo = [
            job
            for job in found.values()
            if job.hash not in statuses or (retry_failed and statuses[job.hash] == "failed")
        ]
        log.info("%d tenders, %d to analyse", len(found), len(todo))
        bar = Progress(len(todo)) if progress else None
        counts = {"done": 0, "failed": 0, "pages": 0}

        def on_outcome(outcome: Outcome) -> None:
            result = outcome.result
            if outcome.html is not None and result.html:
                # The page first, the row second: a kill in between only redoes the tender.
                with atomic_write(out / "reports" / result.html) as fh:
                    fh.write(outcome.html)
            store.record(result)
            counts[result.status] += 1
            counts["pages"] += result.pages or 0
            if bar:
                bar.update(result.status == "failed")

        interrupted = False
        try:
            if scheduler:
                from .cluster import run_dask

                run_dask(
                    todo,
                    address=scheduler,
                    options=options,
                    timeout=timeout,
                    on_outcome=on_outcome,
                    on_tick=bar.tick if bar else lambda: None,
                )
            else:
                from .runner import run_local

                run_local(
                    todo,
                    workers=jobs or os.cpu_count() or 1,
                    options=options,
                    timeout=timeout,
                    max_memory=max_memory * 2**20 if max_memory else None,
                    on_outcome=on_outcome,
                    on_tick=bar.tick if bar else lambda: None,
                )
        except KeyboardInterrupt:
            interrupted = True
        finally:
            if bar:
                bar.close()
        if not interrupted:
            write_outputs(store, out, meta, {j.hash for j in found.values()})
        failed_total = sum(1 for j in found.values() if store.statuses().get(j.hash) == "failed")
    return AuditSummary(
        out=out,
        tenders=len(found),
        analysed=counts["done"],
        failed=counts["failed"],
        skipped=len(found) - len(todo),
        failed_total=failed_total,
        pages=counts["pages"],
        seconds=time.monotonic() - start,
        interrupted=interrupted,
    )


def _identify(store: Store, sources: list[tender_files.TenderSource]) -> dict[str, Job]:
    """One job per distinct content, hashing only what changed since the last run."""
    if not sources:
        raise ConfigError("aucune consultation trouvée dans les chemins donnés")
    known = store.known_hashes()
    jobs: dict[str, Job] = {}
    fresh: list[tuple[str, str, str]] = []
    for source in sources:
        signature, digest = known.get(source.key, ("", ""))
        if signature != source.signature:
            digest = tender_files.content_hash(source.path)
            fresh.append((source.key, digest, source.signature))
        jobs.setdefault(digest, Job(source.key, str(source.path), digest))
    if fresh:
        store.remember_sources(fresh)
    return jobs


def write_outputs(store: Store, out: Path, metadata: Metadata, hashes: set[str]) -> None:
    """indicators.csv/.json, findings.csv, reports.jsonl and index.html from the store."""
    rows = [join(slim(t), metadata) for t in store.tenders(hashes)]
    indicators = compute(rows)
    write_indicators(out, indicators)
    write_details(out, (join(t, metadata) for t in store.tenders(hashes)))
    with atomic_write(out / "index.html") as fh:
        fh.write(render_dashboard(rows, indicators))
