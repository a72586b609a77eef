"""The SQLite store: one row per content hash, failures replaced only by a new attempt."""

from __future__ import annotations

from clause_analyzer.audit.store import Store, TenderResult


def _done(h: str = "h1") -> TenderResult:
    return TenderResult(h, "archives/a.zip", "done", report='{"findings": []}')


def test_a_tender_is_stored_once_whatever_the_reruns(tmp_path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.record(_done())
        store.record(_done())
    with Store(tmp_path / "s.sqlite") as store:
        assert store.statuses() == {"h1": "done"}


def test_a_failure_is_replaced_by_a_later_success(tmp_path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.record(TenderResult("h1", "archives/a.zip", "failed", error="délai dépassé"))
        store.record(_done())
        [tender] = store.tenders()
        assert (tender.status, tender.error, tender.report) == ("done", None, {"findings": []})


def test_a_success_is_never_overwritten_by_a_failure(tmp_path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.record(_done())
        store.record(TenderResult("h1", "archives/a.zip", "failed", error="x"))
        assert store.statuses() == {"h1": "done"}


def test_every_path_of_a_content_is_listed(tmp_path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.remember_sources([("archives/a.zip", "h1", "s1"), ("archives/b.zip", "h1", "s2")])
        store.record(_done())
        [tender] = store.tenders()
        assert tender.keys == ("archives/a.zip", "archives/b.zip")


def test_store_uses_wal_journal(tmp_path) -> None:
    import sqlite3

    Store(tmp_path / "s.sqlite").close()
    mode = sqlite3.connect(tmp_path / "s.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
