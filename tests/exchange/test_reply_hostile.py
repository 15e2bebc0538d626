"""Hostile reply files: each is refused with one sentence and leaves the ward's workspace exactly as it was; the
genuine reply, imported after them, still fits."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dtdesk.exchange import reply as rf
from dtdesk.exchange.decision import IMPORTED, REJECTED, answer, import_reply
from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import import_files
from dtdesk.store.status import RETURNED
from tests.exchange.conftest import PERIOD, copy_ws, open_ws, ws_hash
from tests.exchange.test_cycle import WARD


@pytest.fixture(scope="session")
def sent(session_dir, ward_template, district_template) -> tuple[Path, dict]:
    """The ward's workspace just after sending, and the district's genuine reply's entries."""
    ward = copy_ws(ward_template, session_dir / "ward-sent.sqlite")
    with open_ws(ward) as ws:
        file = export_report(ws, WARD, PERIOD, f"{session_dir}/up/").path
    district = copy_ws(district_template, session_dir / "district-answers.sqlite")
    with open_ws(district) as ws:
        import_files(ws, [file])
        path = answer(ws, WARD, PERIOD, RETURNED, f"{session_dir}/down/", reason="Thiếu số liệu mục 3.2.").path
    return ward, json.loads(path.read_text("utf-8"))


def _rehashed(entries: dict, **changes) -> bytes:
    return rf.reply_bytes({k: v for k, v in {**entries, **changes}.items() if k != "sha256"})


def _json(entries: dict, **changes) -> bytes:
    return json.dumps({**entries, **changes}, ensure_ascii=False).encode()


CASES = {
    "empty": lambda e: b"",
    "too big": lambda e: _rehashed(e)[:-2] + b" " * rf.MAX_BYTES + b"}\n",
    "not utf-8": lambda e: _rehashed(e).replace(b"Thi\xe1\xba\xbfu", b"Thi\xff"),
    "not json": lambda e: b"PK\x03\x04 a zip, not a reply",
    "cut short": lambda e: _rehashed(e)[:40],
    "a list": lambda e: b"[1, 2, 3]",
    "deep nesting": lambda e: b"[" * 5000 + b"]" * 5000,
    "duplicate key": lambda e: _rehashed(e).replace(b'"decision"', b'"decision": "accepted", "decision"', 1),
    "NaN": lambda e: _json(e, revision=float("nan")).replace(b"NaN", b"NaN"),
    "next version": lambda e: _rehashed(e, format="dtdesk-reply/2"),
    "another format": lambda e: _rehashed(e, format="dtdesk-submission/1"),
    "extra entry": lambda e: _rehashed(e, note="x"),
    "missing entry": lambda e: rf.reply_bytes({k: v for k, v in e.items() if k not in ("sha256", "reason")}),
    "revision as text": lambda e: _rehashed(e, revision="1"),
    "revision a bool": lambda e: _rehashed(e, revision=True),
    "revision negative": lambda e: _rehashed(e, revision=-1),
    "unknown decision": lambda e: _rehashed(e, decision="rejected"),
    "bad unit code": lambda e: _rehashed(e, unit="HA CATBI;--"),
    "control character": lambda e: _rehashed(e, reason="Thiếu\x1b[31m số liệu"),
    "returned without reason": lambda e: _rehashed(e, reason=""),
    "reason too long": lambda e: _rehashed(e, reason="x" * (rf.MAX_REASON + 1)),
    "period misspelt": lambda e: _rehashed(e, period="2022-q1"),
    "time not a time": lambda e: _rehashed(e, decided_at="hôm qua"),
    "edited after writing": lambda e: _json(e, reason="Không cần sửa."),
    "hash not hex": lambda e: _json(e, sha256="z" * 64),
    "another unit": lambda e: _rehashed(e, unit="HA-DANGHAI"),
    "another parent": lambda e: _rehashed(e, parent="HP"),
    "a period not here": lambda e: _rehashed(e, period="2022-Q2"),
    "a revision not sent": lambda e: _rehashed(e, revision=e["revision"] + 7),
    "another submission": lambda e: _rehashed(e, submission_sha256="0" * 64),
}


def _one_sentence(message: str) -> bool:
    return (message.isprintable() and message.endswith(".") and message[0].isupper() and len(message) < 400
            and "Traceback" not in message and "\x1b" not in message)


def test_each_hostile_reply_is_refused_with_one_sentence_and_changes_nothing(sent, tmp_path):
    ward_file, entries = sent
    ward = copy_ws(ward_file, tmp_path / "ward.sqlite")
    before = ws_hash(ward)
    folder = tmp_path / "hostile"
    folder.mkdir()
    with open_ws(ward) as ws:
        for name, make in CASES.items():
            path = folder / f"{name.replace(' ', '-')}{rf.SUFFIX}"
            path.write_bytes(make(entries))
            outcome = import_reply(ws, path)
            assert outcome.status == REJECTED, name
            assert _one_sentence(outcome.message), (name, outcome.message)
        assert ws_hash(ward) == before
        good = folder / "good.dtreply"
        good.write_bytes(_rehashed(entries))
        assert import_reply(ws, good).status == IMPORTED


def test_what_is_no_file_is_refused_with_one_sentence(sent, tmp_path):
    ward_file, _entries = sent
    ward = copy_ws(ward_file, tmp_path / "ward.sqlite")
    folder = tmp_path / "a-folder.dtreply"
    folder.mkdir()
    paths = [folder, tmp_path / "missing.dtreply"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.dtreply")
        paths.append(tmp_path / "pipe.dtreply")
    before = ws_hash(ward)
    with open_ws(ward) as ws:
        for path in paths:
            outcome = import_reply(ws, path)
            assert outcome.status == REJECTED and _one_sentence(outcome.message), outcome.message
    assert ws_hash(ward) == before
