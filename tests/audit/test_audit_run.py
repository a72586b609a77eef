"""One audit of a generated archive of 29 tenders (and a copy of one) with known truth:
exact indicators, failures with their cause, outputs, resume and retry."""

from __future__ import annotations

import csv
import json
import statistics

import pytest

from clause_analyzer.audit.store import STORE_NAME, Store

pytestmark = pytest.mark.slow


def _expected(truths, year=None):
    done = [t for t in truths if t.status == "done" and (year is None or t.year == year)]
    hours = [t.hours for t in done if t.hours]
    return {
        "tenders": len(done),
        "social": sum(t.social for t in done),
        "environmental": sum(t.environmental for t in done),
        "axis_insertion": sum(t.social for t in done),
        "axis_circularite_ressources": sum(t.environmental for t in done),
        "social_execution_condition": sum(t.social for t in done),
        "environmental_execution_condition": sum(t.environmental for t in done),
        "insertion_hours_total": sum(hours),
        "insertion_hours_median": statistics.median(hours) if hours else None,
        "compliance_env_execution_condition_ok": sum(t.environmental for t in done),
        "compliance_social_execution_condition_ok": sum(t.social for t in done),
    }


def _groups(out):
    return json.loads((out / "indicators.json").read_text(encoding="utf-8"))["groups"]


def test_every_distinct_tender_is_accounted_for(audited) -> None:
    summary, _, truths = audited
    # The copy of DCE_003 has the same content: one tender, analysed once.
    assert summary.tenders == len(truths)
    assert (summary.analysed, summary.failed) == (len(truths) - 2, 2)


def test_overall_indicators_are_exact(audited) -> None:
    _, out, truths = audited
    overall = _groups(out)[0]
    assert overall["scope"] == "all" and overall["failed"] == 2
    assert {k: overall[k] for k in _expected(truths)} == _expected(truths)
    assert overall["social_share"] == round(overall["social"] / overall["tenders"], 4)


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_indicators_per_year_are_exact(audited, year) -> None:
    _, out, truths = audited
    [group] = [g for g in _groups(out) if g["scope"] == "year" and g["year"] == year]
    assert {k: group[k] for k in _expected(truths, year)} == _expected(truths, year)


def test_only_the_clauses_written_are_found(audited) -> None:
    _, out, _ = audited
    overall = _groups(out)[0]
    covered = {k for k, v in overall.items() if k.startswith("axis_") and "share" not in k and v}
    assert covered == {"axis_insertion", "axis_circularite_ressources"}


def test_indicators_per_buyer_are_found_in_the_documents(audited) -> None:
    _, out, truths = audited
    buyers = {g["buyer"]: g["tenders"] for g in _groups(out) if g["scope"] == "buyer"}
    expected: dict[str, int] = {}
    for t in truths:
        if t.status == "done" and t.buyer and not t.extra.get("no_year"):
            expected[t.buyer] = expected.get(t.buyer, 0) + 1
    assert buyers == expected


def test_declared_and_detected_values_are_reconciled(audited) -> None:
    _, out, _ = audited
    data = json.loads((out / "indicators.json").read_text(encoding="utf-8"))
    found = {(m["tender"], m["mismatch"]) for m in data["mismatches"]}
    assert found == {
        ("archives/consultation_001", "decp_social_none_but_insertion"),
        ("archives/CCAP_002.pdf", "decp_social_declared_not_found"),
        ("archives/CCAP_002.pdf", "decp_env_none_but_found"),
    }
    assert data["groups"][0]["declared_tenders"] == 4


def _failures(out) -> dict[str, str | None]:
    with Store(out / STORE_NAME) as store:
        return {t.key: t.error for t in store.tenders() if t.status == "failed"}


def test_only_the_hanging_and_the_hungry_tenders_fail(audited) -> None:
    _, out, _ = audited
    assert set(_failures(out)) == {"archives/DCE_903__HANG__.pdf", "archives/DCE_904__HOG__.pdf"}


def test_hanging_tender_fails_with_the_timeout_as_cause(audited) -> None:
    _, out, _ = audited
    assert "délai dépassé" in _failures(out)["archives/DCE_903__HANG__.pdf"]


def test_memory_hungry_tender_is_stopped_by_the_cap(audited) -> None:
    _, out, _ = audited
    assert "mémoire" in _failures(out)["archives/DCE_904__HOG__.pdf"]


def test_unreadable_files_are_reported_inside_their_tender(audited) -> None:
    _, out, truths = audited
    lines = [json.loads(x) for x in (out / "reports.jsonl").read_text().splitlines()]
    errors = {x["tender"]: len(x["report"]["errors"]) for x in lines if x["report"]}
    for t in truths:
        if t.status == "done":
            assert errors[t.key] == t.errors, t.key


def test_findings_csv_has_one_row_per_finding(audited) -> None:
    _, out, truths = audited
    with open(out / "findings.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    done = [t for t in truths if t.status == "done"]
    assert len(rows) == sum(t.social + t.environmental for t in done)
    hours = sorted(float(r["insertion_hours"]) for r in rows if r["insertion_hours"])
    assert hours == sorted(float(t.hours) for t in done if t.hours)


def test_dashboard_links_every_report_and_lists_failures(audited) -> None:
    _, out, truths = audited
    page = (out / "index.html").read_text(encoding="utf-8")
    links = [
        x["html"]
        for x in map(json.loads, (out / "reports.jsonl").read_text().splitlines())
        if x["html"]
    ]
    assert len(links) == len(truths) - 2
    for link in links:
        assert f'href="{link}"' in page and (out / link).exists()
    assert "délai dépassé" in page and "<script src" not in page and "http" not in page


def test_rerun_skips_what_is_done_without_starting_workers(audited, corpus) -> None:
    import clause_analyzer as ca

    root, _ = corpus
    summary, out, truths = audited
    again = ca.audit(root / "archives", out, jobs=2, metadata=root / "decp.csv")
    assert (again.analysed, again.failed, again.skipped) == (0, 0, len(truths))
    assert again.seconds < 5  # no worker started: nothing to do
    assert _groups(out)[0] == json.loads((out / "indicators.json").read_text())["groups"][0]


def test_retry_failed_redoes_only_the_failures(audited, corpus) -> None:
    import clause_analyzer as ca

    root, truths = corpus
    _, out, _ = audited
    again = ca.audit(
        root / "archives", out, jobs=1, metadata=root / "decp.csv", retry_failed=True
    )  # the hang hook is off now: the tender succeeds
    assert (again.analysed, again.failed, again.skipped) == (2, 0, len(truths) - 2)
    assert again.failed_total == 0
