"""`kill -9` of the audit process mid-run, then a rerun: every tender exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from corpus import build_corpus

pytestmark = pytest.mark.slow


def _done(store) -> int:
    try:
        with sqlite3.connect(store) as db:
            return db.execute("SELECT count(*) FROM tenders").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_run_resumes_with_every_tender_once(tmp_path) -> None:
    truths = build_corpus(tmp_path, count=12, filler_pages=2)
    out = tmp_path / "audit"
    command = [
        sys.executable,
        "-m",
        "clause_analyzer",
        "audit",
        str(tmp_path / "archives"),
        "--out",
        str(out),
        "--jobs",
        "1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _done(out / "audit.sqlite") < 3 and time.monotonic() < deadline:
        assert process.poll() is None, "the audit ended before it could be killed"
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    first = _done(out / "audit.sqlite")
    assert 3 <= first < len(truths)

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(truths) - first} analysée(s), {first} déjà faite(s)" in rerun.stdout
    with sqlite3.connect(out / "audit.sqlite") as db:
        keys = [k for (k,) in db.execute("SELECT key FROM tenders WHERE status = 'done'")]
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sorted(keys) == sorted(t.key for t in truths)
