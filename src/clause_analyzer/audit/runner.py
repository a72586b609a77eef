"""Local parallel runner: worker processes that each load the Analyzer once.

Why not `concurrent.futures.ProcessPoolExecutor`: a tender that hangs must be stopped, and the
only sure way is to kill its process, which breaks an executor for good. Here each worker is a
process with its own pipe; the coordinator gives it one tender at a time, kills it when the
tender exceeds the timeout, records the failure and starts a replacement.

- `spawn` context: workers never inherit a parent that has loaded models (MEASUREMENTS.md:
  a forked pool was slower with 2 workers than with 1), and nothing else is inherited either.
- Workers ignore SIGINT: Ctrl-C reaches the coordinator only, which stops the workers; every
  tender already recorded stays in the store.
- Memory cap: RLIMIT_AS, set in the worker after its models are loaded, turns a runaway
  extraction into a MemoryError (recorded as failed) instead of swapping the machine; a worker
  that dies anyway (the kernel's OOM killer, a crash in a C extension) is replaced too.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait

from ..errors import ClauseAnalyzerError, ConfigError
from .worker import AnalyzerOptions, Job, Outcome, analyze_job, failure

log = logging.getLogger(__name__)

_MIB = 1 << 20
# Room left above the loaded models for reading one tender, below which the cap is refused.
_MIN_HEADROOM = 256 * _MIB
_TICK = 1.0  # seconds between checks of deadlines and progress when nothing arrives


class _Worker:
    def __init__(self, ctx, options: AnalyzerOptions, max_memory: int | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, options, max_memory), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False
        self.job: Job | None = None
        self.started = 0.0

    def give(self, job: Job) -> None:
        self.job, self.started = job, time.monotonic()
        self.conn.send(job)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def run_local(
    jobs: Sequence[Job],
    *,
    workers: int,
    options: AnalyzerOptions,
    timeout: float | None,
    max_memory: int | None,
    on_outcome: Callable[[Outcome], None],
    on_tick: Callable[[], None] = lambda: None,
) -> None:
    """Analyse `jobs` with `workers` processes; `on_outcome` is called in this process for
    each tender as it completes (the caller commits it). KeyboardInterrupt propagates after
    the workers are stopped."""
    if not jobs:
        return
    ctx = multiprocessing.get_context("spawn")
    pending = list(reversed(jobs))  # pop() from the end keeps the given order
    pool = [_Worker(ctx, options, max_memory) for _ in range(min(workers, len(jobs)))]
    try:
        while pending or any(w.job for w in pool):
            for w in pool:
                if w.ready and w.job is None and pending:
                    w.give(pending.pop())
            ready = wait([w.conn for w in pool] + [w.process.sentinel for w in pool], _TICK)
            kept: list[_Worker] = []
            for worker in pool:
                survivor: _Worker | None = worker
                if worker.conn in ready or worker.process.sentinel in ready:
                    survivor = _receive(worker, on_outcome)
                elif (
                    timeout is not None
                    and worker.job
                    and time.monotonic() - worker.started > timeout
                ):
                    log.info("tender %s exceeded %s s: worker killed", worker.job.key, timeout)
                    job = worker.job
                    worker.stop()
                    cause = f"délai dépassé ({timeout:g} s) : analyse interrompue"
                    on_outcome(failure(job, cause, timeout))
                    survivor = None
                # A dead worker is replaced only while tenders are waiting: a model load costs
                # ~11 s.
                if survivor is not None:
                    kept.append(survivor)
                elif pending:
                    kept.append(_Worker(ctx, options, max_memory))
            pool = kept
            on_tick()
    finally:
        for w in pool:
            if w.process.is_alive():
                with contextlib.suppress(OSError):
                    w.conn.send(None)  # polite stop for idle workers, kill below for the rest
        for w in pool:
            w.process.join(0.5)
            w.stop()


def _receive(w: _Worker, on_outcome: Callable[[Outcome], None]) -> _Worker | None:
    """Handle what one worker sent, or its death (then None: the worker is gone)."""
    try:
        message = w.conn.recv() if w.conn.poll() else None
    except (EOFError, OSError):
        message = None
    if isinstance(message, Outcome):
        w.job = None
        on_outcome(message)
        return w
    if message == "ready":
        w.ready = True
        return w
    if isinstance(message, ClauseAnalyzerError):  # the Analyzer could not be built
        w.stop()
        raise message
    if w.process.is_alive():
        return w
    w.process.join()
    code = w.process.exitcode
    if w.job is not None:
        cause = (
            f"le processus d'analyse s'est arrêté brutalement (code {code}) : "
            "mémoire épuisée ou fichier pathologique"
        )
        on_outcome(failure(w.job, cause, time.monotonic() - w.started))
    elif not w.ready:
        raise ClauseAnalyzerError(
            f"le processus d'analyse s'est arrêté au chargement des modèles (code {code})"
        )
    w.stop()
    return None


def _worker_main(conn: Connection, options: AnalyzerOptions, max_memory: int | None) -> None:
    # One thread per worker: the processes are the parallelism, and BLAS/OpenMP thread pools
    # in each worker would fight over the same cores.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        analyzer = options.build()
        if max_memory is not None:
            _cap_memory(max_memory)
    except ClauseAnalyzerError as exc:
        conn.send(exc)
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the coordinator is gone (even killed -9): stop too
            return
        if job is None:
            return
        outcome = analyze_job(analyzer, job)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            return


def _cap_memory(limit: int) -> None:
    import resource

    used = _address_space()
    if used + _MIN_HEADROOM > limit:
        raise ConfigError(
            f"--max-memory {limit // _MIB} Mio : trop bas, les modèles occupent déjà "
            f"{used // _MIB} Mio ; donnez au moins {(used + _MIN_HEADROOM) // _MIB} Mio"
        )
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
