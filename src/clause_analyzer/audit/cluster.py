"""The same audit on an existing Dask distributed cluster (`--scheduler tcp://host:8786`).

Why Dask rather than Ray: it installs from PyPI as pure Python, runs the same functions on
one laptop (LocalCluster, used by the tests) or on a cluster started with `dask scheduler` /
`dask worker`, its nannies restart a worker that is killed or exceeds its memory limit, and
`Client.restart_workers` lets the coordinator stop a tender that hangs. Ray would bring a
large binary runtime for no feature we need.

Contracts with the cluster:
- the tender paths must be readable by the workers at the same path (shared file system);
- each worker process builds one Analyzer, on the first task or at warm-up, and analyses one
  tender at a time (pypdfium2 is not thread-safe): start workers with `--nthreads 1`;
- the memory cap is the cluster's (`dask worker --memory-limit 2GiB`): the nanny restarts a
  worker above it, and the tender is recorded as failed;
- only this coordinating process writes the store.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import time
import uuid
from collections.abc import Callable, Sequence

from .worker import AnalyzerOptions, Job, Outcome, analyze_job, failure

log = logging.getLogger(__name__)

_TICK = 1.0
_lock = threading.Lock()


@functools.lru_cache(maxsize=2)
def _analyzer(options: AnalyzerOptions):
    return options.build()


def _warm(options: AnalyzerOptions) -> bool:
    with _lock:
        _analyzer(options)
    return True


def _task(job: Job, options: AnalyzerOptions) -> Outcome:
    with _lock:  # one tender at a time per process, whatever the worker's thread count
        return analyze_job(_analyzer(options), job)


def run_dask(
    jobs: Sequence[Job],
    *,
    address: str,
    options: AnalyzerOptions,
    timeout: float | None,
    on_outcome: Callable[[Outcome], None],
    on_tick: Callable[[], None] = lambda: None,
) -> None:
    if not jobs:
        return
    from distributed import Client
    from distributed import wait as dask_wait

    from ..errors import ConfigError

    try:
        client = Client(address, timeout=30)
    except OSError as exc:
        raise ConfigError(f"--scheduler {address} : ordonnanceur Dask injoignable ({exc})") from exc
    try:
        # Load the models on every worker before the clock of any tender starts.
        client.run(_warm, options)
        window = max(1, sum(client.nthreads().values()))
        pending = list(reversed(jobs))
        running: dict = {}  # future -> (job, submitted at)
        while pending or running:
            while pending and len(running) < window:
                job = pending.pop()
                future = client.submit(
                    _task, job, options, key=f"clause-analyzer-{job.hash[:16]}-{uuid.uuid4().hex}"
                )
                running[future] = (job, time.monotonic())
            try:
                done = dask_wait(list(running), timeout=_TICK, return_when="FIRST_COMPLETED").done
            except (TimeoutError, asyncio.TimeoutError):  # nothing completed within the tick
                done = set()
            for future in done:
                job, started = running.pop(future)
                if future.status == "finished":
                    on_outcome(future.result())
                else:
                    cause = f"échec sur le cluster Dask : {future.exception()!r}"
                    on_outcome(failure(job, cause, time.monotonic() - started))
            if timeout is not None:
                _stop_overdue(client, running, timeout, on_outcome)
            on_tick()
    finally:
        client.close()


def _stop_overdue(client, running: dict, timeout: float, on_outcome) -> None:
    now = time.monotonic()
    overdue = [f for f, (_, started) in running.items() if now - started > timeout]
    if not overdue:
        return
    keys = {f.key for f in overdue}
    # A thread cannot be killed: restart the worker processes that run the overdue tenders.
    workers = [w for w, tasks in client.processing().items() if keys & set(tasks)]
    for future in overdue:
        job, _ = running.pop(future)
        future.cancel()
        on_outcome(failure(job, f"délai dépassé ({timeout:g} s) : analyse interrompue", timeout))
    if workers:
        try:
            client.restart_workers(workers)
        except Exception as exc:  # no nanny: the worker stays busy, the audit goes on
            log.warning("could not restart Dask workers %s: %s", workers, exc)
