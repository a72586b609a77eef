"""The same audit on a local Dask cluster of two worker processes."""

from __future__ import annotations

import json

import pytest
from corpus import build_corpus

pytestmark = pytest.mark.slow


def test_dask_cluster_gives_the_same_indicators(tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    import clause_analyzer as ca

    truths = build_corpus(tmp_path, count=8)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = ca.audit(
            tmp_path / "archives", tmp_path / "audit", scheduler=cluster.scheduler_address
        )
    assert (summary.analysed, summary.failed) == (len(truths), 0)
    overall = json.loads((tmp_path / "audit" / "indicators.json").read_text())["groups"][0]
    assert overall["social"] == sum(t.social for t in truths)
    assert overall["environmental"] == sum(t.environmental for t in truths)
    assert overall["insertion_hours_total"] == sum(t.hours or 0 for t in truths)
