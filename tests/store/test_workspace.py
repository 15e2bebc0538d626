import sqlite3

import pytest

from dtdesk.core.units import Unit
from dtdesk.store.workspace import Workspace, WorkspaceError


@pytest.fixture
def ws(tmp_path):
    ws = Workspace.create(tmp_path / "w.sqlite", "HA")
    ws.add_units([Unit("HA", "Quận Hải An", "district"), Unit("HA-CATBI", "Phường Cát Bi", "ward", "HA", "Cát Bi")])
    yield ws
    ws.close()


def test_an_edit_is_durable_without_any_save(ws, tmp_path):
    ws.set_value("HA-CATBI", "2022-Q1", "chu_ky_so.total", 40)
    other = sqlite3.connect(tmp_path / "w.sqlite")  # another connection sees it at once
    assert other.execute("SELECT value FROM vals WHERE unit = 'HA-CATBI'").fetchone() == (40,)


def test_audit_records_who_when_old_and_new(ws):
    ws.set_value("HA", "2022-Q1", "dvc.received", 10)
    ws.set_value("HA", "2022-Q1", "dvc.received", 12)
    rows = ws.audit("HA", "2022-Q1", "dvc.received")
    assert [(r["old"], r["new"]) for r in rows] == [(None, 10), (10, 12)]
    assert all(r["who"] and r["at"] for r in rows)


def test_setting_the_same_value_writes_no_audit(ws):
    ws.set_value("HA", "2022-Q1", "dvc.received", 10)
    ws.set_value("HA", "2022-Q1", "dvc.received", 10)
    assert len(ws.audit("HA", "2022-Q1")) == 1


def test_clearing_a_value_deletes_it_and_is_audited(ws):
    ws.set_value("HA", "2022-Q1", "dvc.received", 10)
    ws.set_value("HA", "2022-Q1", "dvc.received", None)
    assert ws.value("HA", "2022-Q1", "dvc.received") is None
    assert ws.audit("HA", "2022-Q1")[-1]["new"] is None


def test_text_is_stored_nfc(ws):
    ws.set_value("HA", "2022-Q1", "header.place", "Ha\u0309i An")
    assert ws.value("HA", "2022-Q1", "header.place") == "Hải An"


def test_foreign_keys_refuse_values_of_unknown_units(ws):
    with pytest.raises(sqlite3.IntegrityError):
        ws.set_value("NOPE", "2022-Q1", "dvc.received", 1)
    assert ws.values("2022-Q1") == {}


def test_a_file_that_is_not_ours_is_refused_in_one_sentence(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    with pytest.raises(WorkspaceError, match="không phải là tệp dữ liệu của dtdesk"):
        Workspace.open(text)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(WorkspaceError, match="không phải là tệp dữ liệu của dtdesk"):
        Workspace.open(other)
    with pytest.raises(WorkspaceError, match="Không tìm thấy"):
        Workspace.open(tmp_path / "missing.sqlite")


def test_reopen_keeps_everything(ws, tmp_path):
    ws.set_value("HA", "2022-Q1", "dvc.received", 7)
    ws.close()
    again = Workspace.open(tmp_path / "w.sqlite")
    assert again.value("HA", "2022-Q1", "dvc.received") == 7
    assert again.own_unit == "HA"
    again.close()


def test_a_new_office_records_its_units_and_its_own_unit_together(tmp_path):
    province = Unit("31", "Thành phố Hải Phòng", "city", short="Hải Phòng")
    ward = Unit("11413", "Phường Hải An", "ward", "31", "Hải An")
    with Workspace.create(tmp_path / "w.sqlite") as ws:
        ws.set_up_office([ward, province], "11413")  # any order: parents are stored first
        assert ws.own_unit == "11413" and ws.hierarchy()["11413"].parent == "31"
    with Workspace.create(tmp_path / "x.sqlite") as ws:
        with pytest.raises(WorkspaceError, match="một phường không trực thuộc phường"):
            ws.set_up_office([ward, Unit("X", "Phường X", "ward", "11413")], "X")
        with pytest.raises(WorkspaceError, match="không có trong"):
            ws.set_up_office([province], "11413")
        assert ws.hierarchy().units == {} and ws.own_unit == ""


def test_creating_in_a_folder_that_does_not_exist_says_so(tmp_path):
    """Not "being created in another window", which is what the lock file that cannot be made used to read as."""
    with pytest.raises(WorkspaceError, match="Không có thư mục") as raised:
        Workspace.create(tmp_path / "missing" / "ws.sqlite")
    assert raised.value.say("en").startswith("There is no folder") and not (tmp_path / "missing").exists()


def test_a_full_disk_is_said_as_such_not_as_a_damaged_file(ws, tmp_path, monkeypatch):
    """SQLite makes a -shm file even to read a WAL workspace: on a full disk that fails as an I/O error, and the
    clerk must hear that the disk is full (the file is intact), not that her file is damaged."""
    import shutil

    from dtdesk.store import workspace

    path = ws.path
    ws.close()

    def full(_path):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"
        raise error

    monkeypatch.setattr(workspace, "connect_read_only", full)
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: shutil._ntuple_diskusage(10**9, 10**9, 0))
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(path)
    assert "đã đầy" in str(refused.value) and "hỏng" not in str(refused.value)
    assert "full" in refused.value.say("en")
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: shutil._ntuple_diskusage(10**9, 0, 10**9))
    with pytest.raises(WorkspaceError, match="hỏng"):  # room on the disk: the I/O error is the file's
        Workspace.open(path)
