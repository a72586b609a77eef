"""The audit store: one SQLite file in AUDIT_DIR, written only by the coordinating process.

Each completed tender is one transaction (WAL journal), so a process killed at any moment
leaves every committed tender intact and at most the tenders in flight undone. A tender is
keyed by its content hash (UNIQUE): the same DCE under two paths is analysed and counted once,
and rerunning never duplicates it. `sources` maps every path seen to its hash, with a size and
mtime signature so that an unchanged tender is not hashed again on resume.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import ConfigError

STORE_NAME = "audit.sqlite"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenders (
    hash TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    error TEXT,
    report TEXT,
    html TEXT,
    doc_year INTEGER,
    doc_buyer TEXT,
    pages INTEGER,
    seconds REAL,
    finished_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    key TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_hash ON sources (hash);
"""


@dataclass(frozen=True)
class TenderResult:
    """What a worker sends back for one tender; `report` is the JSON text of to_dict()."""

    hash: str
    key: str
    status: str  # "done" or "failed"
    error: str | None = None
    report: str | None = None
    html: str | None = None  # file name under AUDIT_DIR/reports/
    doc_year: int | None = None
    doc_buyer: str | None = None
    pages: int | None = None
    seconds: float | None = None


@dataclass(frozen=True)
class StoredTender:
    hash: str
    key: str
    keys: tuple[str, ...]  # every path seen with this content
    status: str
    error: str | None
    report: dict[str, Any] | None
    html: str | None
    doc_year: int | None
    doc_buyer: str | None
    pages: int | None
    seconds: float | None


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        # isolation_level=None: transactions are opened explicitly, one per completed tender.
        self._db = sqlite3.connect(path, isolation_level=None)
        # WAL: readers never block the writer, and a crash leaves the last commit intact;
        # synchronous=NORMAL is crash-safe in WAL mode (only a power cut may lose the last
        # commits, never corrupt the file).
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif row[0] != SCHEMA_VERSION:
            raise ConfigError(
                f"{path} : magasin d'audit au format {row[0]}, attendu {SCHEMA_VERSION} : "
                "choisissez un autre dossier --out"
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sources ------------------------------------------------------------------------

    def known_hashes(self) -> dict[str, tuple[str, str]]:
        """key -> (signature, hash) of every path seen in earlier runs."""
        return {
            k: (s, h) for k, s, h in self._db.execute("SELECT key, signature, hash FROM sources")
        }

    def remember_sources(self, rows: list[tuple[str, str, str]]) -> None:
        """(key, hash, signature) rows, in one transaction."""
        with self._transaction():
            self._db.executemany(
                "INSERT INTO sources (key, hash, signature) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET hash = excluded.hash, "
                "signature = excluded.signature",
                rows,
            )

    # --- results ------------------------------------------------------------------------

    def statuses(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT hash, status FROM tenders"))

    def record(self, result: TenderResult) -> None:
        """Store one tender's outcome in its own transaction; a retry replaces a failure."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO tenders (hash, key, status, error, report, html, doc_year, "
                "doc_buyer, pages, seconds, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT (hash) DO UPDATE SET key = excluded.key, status = excluded.status, "
                "error = excluded.error, report = excluded.report, html = excluded.html, "
                "doc_year = excluded.doc_year, doc_buyer = excluded.doc_buyer, "
                "pages = excluded.pages, seconds = excluded.seconds, "
                "finished_at = excluded.finished_at WHERE tenders.status = 'failed'",
                (
                    result.hash,
                    result.key,
                    result.status,
                    result.error,
                    result.report,
                    result.html,
                    result.doc_year,
                    result.doc_buyer,
                    result.pages,
                    result.seconds,
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            )

    def tenders(self, hashes: set[str] | None = None) -> Iterator[StoredTender]:
        """Stored tenders in key order, one at a time (the reports can be large).

        `hashes`: only these (the tenders of the current PATHs), else all.
        """
        keys: dict[str, list[str]] = {}
        for key, h in self._db.execute("SELECT key, hash FROM sources ORDER BY key"):
            keys.setdefault(h, []).append(key)
        cursor = self._db.execute(
            "SELECT hash, key, status, error, report, html, doc_year, doc_buyer, pages, seconds "
            "FROM tenders ORDER BY key"
        )
        for h, key, status, error, report, html, year, buyer, pages, seconds in cursor:
            if hashes is not None and h not in hashes:
                continue
            yield StoredTender(
                h,
                key,
                tuple(keys.get(h, [key])),
                status,
                error,
                json.loads(report) if report else None,
                html,
                year,
                buyer,
                pages,
                seconds,
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
