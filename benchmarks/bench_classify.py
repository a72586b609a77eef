"""Classification speed: clauses of a 40-page-sized tender, spaCy included; loading apart.

    python benchmarks/bench_classify.py

The clause texts are the first clauses of the test split of training_data/ (written like real
tender text), taken until they reach 20,000 words, the size of a 40-page CCAP. Prints words per
second on one process, the model loading time, peak memory, and the end-to-end time of the
example tender.
"""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    t0 = time.perf_counter()
    import clause_analyzer as ca
    from clause_analyzer.detect.features import ClauseInput
    from clause_analyzer.training.dataset import load_jsonl

    analyzer = ca.Analyzer()
    load_s = time.perf_counter() - t0

    examples = load_jsonl([ROOT / "training_data" / "test" / "test.jsonl"])
    items, words = [], 0
    while words < 20_000:
        for e in examples:
            items.append(ClauseInput(e.text, e.heading, e.doc_kind))
            words += len(e.text.split())
            if words >= 20_000:
                break
    analyzer.detector.label(items[:50])  # the first nlp.pipe call is slower: warm up
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        analyzer.detector.label(items)
        runs.append(time.perf_counter() - t)
    median = statistics.median(runs)

    e2e = []
    for _ in range(3):
        t = time.perf_counter()
        analyzer.analyze(ROOT / "examples" / "DCE_exemple.zip")
        e2e.append(time.perf_counter() - t)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print("| measure | value |")
    print("|---|---|")
    print(f"| import + load (spaCy, model, rules, axes) | {load_s:.2f} s |")
    print(f"| classify {len(items)} clauses, {words} words (median of 5) | {median:.2f} s |")
    print(f"| words per second (spaCy lemmas + rules + model) | {words / median:,.0f} |")
    print(
        f"| example DCE ZIP end to end (5 pieces, median of 3) | {statistics.median(e2e):.2f} s |"
    )
    print(f"| peak resident memory | {peak:.0f} MiB |")


if __name__ == "__main__":
    main()
