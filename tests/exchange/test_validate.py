"""One reader for a batch of files: what one file does to its connection never reaches the next file."""

from __future__ import annotations

import sqlite3

import pytest

from dtdesk.exchange import validate
from dtdesk.exchange.validate import Rejected, UntrustedReader, read_submission
from tests.exchange.hostile_files import CASES

_COUNT = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT count(*) FROM c"


def _outcome(path, reader=None):
    """What reading the file gives: its content, or the sentence refusing it."""
    try:
        sub = read_submission(path, reader=reader)
    except Rejected as exc:
        return str(exc)
    return sub.sha256, sub.content_sha256, sub.manifest, sub.units, sub.report, sub.values


def test_one_reader_through_the_hostile_corpus_says_what_a_connection_per_file_says(corpus, base_file):
    names = [*sorted(CASES), None]  # the good file last, after every hostile one
    paths = [corpus[n] if n else base_file for n in names]
    alone = [_outcome(p) for p in paths]
    with UntrustedReader() as reader:
        shared = [_outcome(p, reader) for p in paths]
    assert shared == alone
    assert sum(type(o) is str for o in alone) > 300 and type(alone[-1]) is tuple


def test_each_file_a_reader_loads_gets_the_distrustful_flags_and_a_whole_step_budget(ward_files, monkeypatch):
    first, second = list(ward_files.values())[:2]
    with UntrustedReader() as reader:
        for path in (first, second):
            conn = reader.load(path.read_bytes())
            flags = [conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("trusted_schema", "cell_size_check",
                                                                         "query_only")]
            assert flags == [0, 1, 1]
            assert conn.execute("SELECT value FROM manifest WHERE key = 'unit'").fetchone()[0] in path.name
        conn = reader.load(first.read_bytes())
        conn.execute(_COUNT).fetchone()
        used = reader._steps  # progress calls (one per 1000 SQLite steps) that query took
        assert used > 10
        monkeypatch.setattr(validate, "MAX_STEPS", 1000 * (used * 3 // 2))  # enough for it once, not twice
        conn = reader.load(second.read_bytes())
        assert conn.execute(_COUNT).fetchone() == (20000,)  # the budget started again with this file
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(_COUNT).fetchone()
