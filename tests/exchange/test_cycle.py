"""The reporting cycle between a ward and its district: sent, returned with a reason, corrected, sent again,
accepted; each side's status shows the history, and a sent report refuses edits with one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from dtdesk.exchange.decision import DUPLICATE, IMPORTED, REJECTED, answer, import_reply
from dtdesk.exchange.export import ExportError, export_report
from dtdesk.exchange.importer import import_files
from dtdesk.exchange.status import completeness, format_status, history_lines
from dtdesk.store.status import ACCEPTED, DRAFT, RETURNED, SENT, STATUS_KEY
from dtdesk.store.workspace import Workspace, WorkspaceError
from tests.exchange.conftest import PERIOD, copy_ws, open_ws

WARD = "HA-CATBI"  # the ward of ward_template (tests/exchange/conftest.py)
CELL = ("dvc.received", "")
REASON = "Số hồ sơ tiếp nhận mục 3.1 chưa khớp với sổ theo dõi."


@pytest.fixture
def ward(tmp_path, ward_template) -> Path:
    return copy_ws(ward_template, tmp_path / "ward.sqlite")


def _steps(ws: Workspace, unit: str) -> list[tuple]:
    return [(s.status, s.revision, s.reason) for s in ws.status_history(unit, PERIOD)]


def _one_sentence(text: str) -> bool:
    return text.count(". ") == 0 and text.endswith(".") and "Traceback" not in text


def test_returned_corrected_and_accepted(ward, district, tmp_path):
    up, down = tmp_path / "up", tmp_path / "down"
    with open_ws(ward) as ws:
        assert ws.current_status(WARD, PERIOD) is None  # a draft
        sent = export_report(ws, WARD, PERIOD, f"{up}/")
        first, r1 = sent.path, sent.revision  # one more than the revision the demo's ward report carries
        r2 = r1 + 1
        with pytest.raises(WorkspaceError) as refused:
            ws.set_value(WARD, PERIOD, CELL[0], 1)
        assert f"r{r1}" in str(refused.value) and "mở lại" in str(refused.value) and _one_sentence(str(refused.value))
    with open_ws(district) as ws:
        assert import_files(ws, [first])[0].status == "imported"
        returned = answer(ws, WARD, PERIOD, RETURNED, f"{down}/", reason=f"  {REASON}\n", eml=True)
        assert returned.path.name == f"HA-CATBI_2022-Q1_r{r1}.dtreply" and returned.eml.exists()
        with pytest.raises(WorkspaceError, match="đã được trả lời"):
            answer(ws, WARD, PERIOD, ACCEPTED, f"{down}/")  # one answer per revision
        assert ws.current_status(WARD, PERIOD).status == RETURNED
    with open_ws(ward) as ws:
        outcome = import_reply(ws, returned.path)
        assert outcome.status == IMPORTED and REASON.rstrip(".") in outcome.message
        current = ws.current_status(WARD, PERIOD)
        assert (current.status, current.reason) == (RETURNED, REASON)
        assert ws.is_locked(WARD, PERIOD) is None  # a returned report reopens by itself
        assert [a["new"] for a in ws.audit(WARD, PERIOD, STATUS_KEY)] == [f"Trả lại (r{r1})"]
        assert import_reply(ws, returned.path).status == DUPLICATE
        ws.set_value(WARD, PERIOD, CELL[0], 1700)
        second = export_report(ws, WARD, PERIOD, f"{up}/").path
        assert second.name == f"HA-CATBI_2022-Q1_r{r2}.dtdesk.sqlite"
    with open_ws(district) as ws:
        assert import_files(ws, [second])[0].status == "imported"
        [row] = [r for r in completeness(ws, PERIOD).rows if r.unit.code == WARD]
        assert (row.revision, row.state.status) == (r2, SENT)  # the district holds r2, not yet answered
        accepted = answer(ws, WARD, PERIOD, ACCEPTED, f"{down}/")
        assert accepted.path.name == f"HA-CATBI_2022-Q1_r{r2}.dtreply"
        cycle = [(SENT, r1, ""), (RETURNED, r1, REASON), (SENT, r2, ""), (ACCEPTED, r2, "")]
        assert _steps(ws, WARD) == cycle
        lines = history_lines(ws, WARD, PERIOD)
        assert f"Đã tiếp nhận (r{r2})" in lines[0] and REASON in "\n".join(lines)
        assert any(f"đã tiếp nhận r{r2}" in line for line in format_status(completeness(ws, PERIOD)))
    with open_ws(ward) as ws:
        assert import_reply(ws, accepted.path).status == IMPORTED
        assert _steps(ws, WARD) == cycle
        assert f"Đã tiếp nhận (r{r2})" in history_lines(ws, WARD, PERIOD)[0]
        with pytest.raises(WorkspaceError, match="tiếp nhận"):
            ws.set_value(WARD, PERIOD, CELL[0], 1)
        with pytest.raises(ExportError, match="tiếp nhận"):
            export_report(ws, WARD, PERIOD, f"{up}/")
        assert ws.value(WARD, PERIOD, CELL[0]) == 1700


def test_reopening_starts_the_next_revision_and_is_audited(ward, tmp_path):
    with open_ws(ward) as ws:
        with pytest.raises(WorkspaceError, match="chưa gửi"):
            ws.reopen(WARD, PERIOD)
        sent = export_report(ws, WARD, PERIOD, tmp_path).revision
        report = ws.report(WARD, PERIOD)
        with pytest.raises(WorkspaceError):
            ws.set_report_dates(WARD, PERIOD, report.start, report.cutoff)
        assert ws.reopen(WARD, PERIOD) == sent + 1
        assert ws.current_status(WARD, PERIOD).status == DRAFT
        [audit] = ws.audit(WARD, PERIOD, STATUS_KEY)
        assert (audit["old"], audit["new"]) == (f"Đã gửi (r{sent})", f"Nháp (r{sent + 1})")
        ws.set_value(WARD, PERIOD, CELL[0], 5)
        assert export_report(ws, WARD, PERIOD, tmp_path).revision == sent + 1


def test_a_reply_that_does_not_fit_what_was_sent_changes_nothing(ward, district, tmp_path):
    with open_ws(ward) as ws:
        first = export_report(ws, WARD, PERIOD, f"{tmp_path}/up/").path
    with open_ws(district) as ws:
        import_files(ws, [first])
        reply = answer(ws, WARD, PERIOD, ACCEPTED, f"{tmp_path}/down/").path
    with open_ws(ward) as ws:
        ws.reopen(WARD, PERIOD)
        newer = export_report(ws, WARD, PERIOD, f"{tmp_path}/up/").revision  # sent after the first was accepted
        before = _steps(ws, WARD)
        outcome = import_reply(ws, reply)
        assert outcome.status == REJECTED and f"r{newer}" in outcome.message and _one_sentence(outcome.message)
        assert _steps(ws, WARD) == before


def test_a_restore_rolls_the_data_back_but_not_what_was_sent(ward, tmp_path):
    from dtdesk.store.backup import make_backup, restore

    with open_ws(ward) as ws:
        before = make_backup(ws.conn, ward)
        sent = export_report(ws, WARD, PERIOD, tmp_path).revision
    restore(ward, before)
    with open_ws(ward) as ws:
        assert ws.is_locked(WARD, PERIOD).revision == sent
        with pytest.raises(WorkspaceError, match=f"r{sent}"):
            ws.set_value(WARD, PERIOD, CELL[0], 1)
