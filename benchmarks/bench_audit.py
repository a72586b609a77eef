"""Batch audit throughput: 200 generated tenders (ZIPs of PDFs, folders with a DOCX, lone
PDFs; 3 to 12 pages of CCAP each), audited with 1 then 2 worker processes.

    python benchmarks/bench_audit.py [--tenders 200]

Prints tenders per minute and pages per second (wall clock including the ~11 s model load,
and steady state from the first completed tender), the speed-up of 2 workers over 1, the
peak resident memory of a worker, and the size of the store.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "audit")]

from corpus import build_corpus  # noqa: E402

import clause_analyzer as ca  # noqa: E402
from clause_analyzer.audit import batch  # noqa: E402


def run(archive: Path, out: Path, workers: int) -> dict[str, float]:
    first: list[float] = []
    record = batch.Store.record

    def timed(self, result):  # the first commit marks the end of the model load
        if not first:
            first.append(time.perf_counter())
        record(self, result)

    batch.Store.record = timed
    start = time.perf_counter()
    try:
        summary = ca.audit(archive, out, jobs=workers)
    finally:
        batch.Store.record = record
    wall = time.perf_counter() - start
    steady = wall - (first[0] - start)
    return {
        "tenders": summary.analysed,
        "pages": summary.pages,
        "wall": wall,
        "per_min": summary.analysed / wall * 60,
        "pages_s": summary.pages / wall,
        "steady_per_min": (summary.analysed - 1) / steady * 60,
        "steady_pages_s": summary.pages / steady,
        "store_mib": (out / "audit.sqlite").stat().st_size / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenders", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_corpus(root, count=args.tenders, seed=1, filler_pages=(2, 10))
        archive = root / "archives"
        size = sum(f.stat().st_size for f in archive.rglob("*") if f.is_file()) / 2**20
        print(f"corpus: {args.tenders} tenders, {size:.1f} MiB")
        results = {w: run(archive, root / f"out{w}", w) for w in (1, 2)}
        # RUSAGE_CHILDREN: the largest peak among the worker processes, all joined by now.
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for w, r in results.items():
        print(
            f"{w} worker(s): {r['tenders']:.0f} tenders, {r['pages']:.0f} pages in "
            f"{r['wall']:.1f} s: {r['per_min']:.0f} tenders/min, {r['pages_s']:.1f} pages/s "
            f"(steady state: {r['steady_per_min']:.0f} tenders/min, "
            f"{r['steady_pages_s']:.1f} pages/s); store {r['store_mib']:.1f} MiB"
        )
    wall = results[1]["wall"] / results[2]["wall"]
    steady = results[2]["steady_per_min"] / results[1]["steady_per_min"]
    print(f"speed-up of 2 workers over 1: {wall:.2f}x wall clock, {steady:.2f}x steady state")
    print(f"peak resident memory of a worker: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
