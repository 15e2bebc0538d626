"""The command-line contract (docs/command-line.md): exit codes and one-sentence errors."""

import datetime as dt
import sqlite3
import subprocess
import sys

import pytest

from dtdesk.cli import main
from dtdesk.core.report import ReportInfo
from dtdesk.store.demo import create_demo
from dtdesk.store.workspace import Workspace
from tests import pdftext


@pytest.fixture
def ws_path(tmp_path):
    create_demo(tmp_path / "ws.sqlite").close()
    return tmp_path / "ws.sqlite"


def run(*args):
    """The real executable, so tracebacks and exit codes are what a user sees."""
    return subprocess.run([sys.executable, "-m", "dtdesk", *map(str, args)], capture_output=True, text=True)


def test_units_lists_code_name_kind_parent(ws_path):
    result = run("units", ws_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "HA-CATBI\tPhường Cát Bi\tphường\tHA" in lines
    assert len(lines) == 2 + 16 + 8


def test_check_exits_1_on_rule_errors(ws_path, capsys):
    assert main(["check", str(ws_path)]) == 0
    with Workspace.open(ws_path) as ws:
        ws.set_value("HA-TUPHAP", "2022-Q1", "chu_ky_so.signed", 99)
    assert main(["check", str(ws_path)]) == 1
    out = capsys.readouterr().out
    assert "LỖI: Mục 3.2" in out and "1 lỗi" in out


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda p: p.write_bytes(b"\x00garbage" * 100), "không phải là tệp dữ liệu của dtdesk"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE x (y)"), "không phải là tệp dữ liệu của dtdesk"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 50), "không phải là tệp dữ liệu của dtdesk"),
        (lambda p: None, "Không tìm thấy"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["units"], ["render", "-o", "out.pdf"]])
def test_foreign_files_exit_2_with_one_sentence(tmp_path, make, fragment, command):
    path = tmp_path / "bad.sqlite"
    make(path)
    result = run(command[0], path, *command[1:])
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_usage_exits_2(ws_path):
    for args in (["render", ws_path], ["check", ws_path, "--period", "2022-Q7"], ["check", ws_path, "--unit", "XX"], ["frobnicate"]):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and result.stderr.strip()


def test_render_a_ward_report_in_the_same_layout(ws_path, tmp_path):
    out = tmp_path / "w.pdf"
    assert main(["render", str(ws_path), "--unit", "HA-CATBI", "-o", str(out)]) == 0
    flat = " ".join(pdftext.words(pdftext.text(out.read_bytes())))
    assert "ỦY BAN NHÂN DÂN QUẬN HẢI AN" in flat
    assert "ỦY BAN NHÂN DÂN PHƯỜNG CÁT BI" in flat and "Số: 11/BC-UBND" in flat
    assert "a) Cấp phường: Tổng số hồ sơ tiếp nhận là 120 hồ sơ" in flat
    assert "b) Cấp phường" not in flat and "KHỐI QUẬN" not in flat
    assert "1 Phường Cát Bi 40 39 04 97,5" in flat
    assert "3.5. Về hoạt động của Cổng thông tin điện tử phường:" in flat


def test_render_annex_adds_the_chart_pages_numbered_on(ws_path, tmp_path, capsys):
    plain, annexed = tmp_path / "r.pdf", tmp_path / "annex.pdf"
    assert main(["render", str(ws_path), "-o", str(plain)]) == 0
    assert main(["render", str(ws_path), "--annex", "-o", str(annexed)]) == 0
    before, after = pdftext.page_texts(plain.read_bytes()), pdftext.page_texts(annexed.read_bytes())
    assert after[:len(before)] == before and len(after) == len(before) + 1
    first, *rest = after[-1].splitlines()
    assert first == str(len(after)) and rest[:2] == ["PHỤ LỤC", "Tỷ lệ chủ chốt và tình hình gửi báo cáo của các phường"]
    assert "Phường Tràng Cát 78,6" in rest and "Tổng số: 8/8 phường đã báo cáo" in rest
    capsys.readouterr()
    assert main(["render", str(ws_path), "--unit", "HA-CATBI", "--annex", "-o", str(tmp_path / "w.pdf")]) == 2
    assert "«HA»" in capsys.readouterr().err and not (tmp_path / "w.pdf").exists()


def test_markup_and_nfd_print_as_typed(ws_path, tmp_path):
    with Workspace.open(ws_path) as ws:
        ws.set_value("HA", "2022-Q1", "so_hoa.text", "<b>Bo\u0302\u0323 & co</b> <font>")
    out = tmp_path / "r.pdf"
    assert main(["render", str(ws_path), "-o", str(out)]) == 0
    assert "<b>Bộ & co</b> <font>" in pdftext.text(out.read_bytes())


def test_an_empty_report_renders(ws_path, tmp_path):
    with Workspace.open(ws_path) as ws:
        ws.ensure_report(ReportInfo("HA", "2022-Q2", "cds-quarterly", 1, dt.date(2022, 4, 1), dt.date(2022, 6, 30)))
    out = tmp_path / "empty.pdf"
    assert main(["render", str(ws_path), "--period", "2022-Q2", "-o", str(out)]) == 0
    text = pdftext.text(out.read_bytes())
    assert "(Tính đến ngày 30/6/2022)" in text and "Tổng số hồ sơ tiếp nhận là … hồ sơ" in text


def test_huge_and_zero_denominators_print(ws_path, tmp_path):
    with Workspace.open(ws_path) as ws:
        ws.set_value("HA-TUPHAP", "2022-Q1", "chu_ky_so.total", 999_999_999)
        ws.set_value("HA-QLDT", "2022-Q1", "chu_ky_so.total", 0)
    out = tmp_path / "r.pdf"
    assert main(["render", str(ws_path), "-o", str(out)]) == 0
    lines = {" ".join(l.split()) for l in pdftext.lines(out.read_bytes())}
    assert "2 Phòng Tư pháp 999.999.999 65 63 0" in lines
    assert "3 Phòng Quản lý đô thị 0 37 05 0" in lines


def test_reading_commands_run_beside_the_open_app_and_take_no_backup(ws_path, tmp_path):
    import shutil

    shutil.rmtree(ws_path.parent / "backups", ignore_errors=True)
    with Workspace.open(ws_path, backup=False) as app:  # the app holds the file for writing
        assert not app.read_only
        for args in (["units", ws_path], ["check", ws_path], ["render", ws_path, "-o", tmp_path / "r.pdf"]):
            result = run(*args)
            assert result.returncode == 0, result.stderr
    assert not (ws_path.parent / "backups").exists()


def _own_files(ws_path):
    """The workspace, its side files, its lock and a backup: none may be written over by an output."""
    from dtdesk.store.backup import make_backup

    backup = make_backup(ws_path, ws_path)
    return [ws_path, *(ws_path.with_name(ws_path.name + s) for s in ("-wal", "-shm", ".lock")), backup]


def _revision(ws_path):
    with Workspace.open(ws_path, backup=False) as ws:
        return ws.report("HA", "2022-Q1").revision


@pytest.mark.parametrize("command", ["render", "dump", "export"])
def test_an_output_over_the_workspace_or_its_backups_is_refused(ws_path, capsys, command):
    files = _own_files(ws_path)
    kept = {path: path.read_bytes() for path in (files[0], files[4])}
    revision = _revision(ws_path)
    spellings = [*files, ws_path.parent / "sub" / ".." / ws_path.name]
    (ws_path.parent / "sub").mkdir()
    link = ws_path.parent / "link.pdf"
    link.symlink_to(ws_path)
    for target in (*spellings, link):
        assert main([command, str(ws_path), "-o", str(target)]) == 2, target
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Không ghi đè" in err, err
    for path, content in kept.items():
        assert path.read_bytes() == content, path
    for side in files[1:4]:  # -wal/-shm come and go, the lock notes its holder; none ever holds an output
        assert not side.exists() or not side.read_bytes().startswith((b"%PDF", b"{", b"SQLite format 3"))
    assert _revision(ws_path) == revision  # no export happened


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_render_and_dump_replace_an_old_file_whole_and_leave_no_temporary(ws_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "r.pdf").write_bytes(b"old")
    (out / "r.json").write_bytes(b"old")
    assert main(["render", str(ws_path), "-o", str(out / "r.pdf")]) == 0
    assert main(["dump", str(ws_path), "-o", str(out / "r.json")]) == 0
    assert (out / "r.pdf").read_bytes().startswith(b"%PDF") and (out / "r.json").read_bytes().startswith(b"{")
    assert _names(out) == ["r.json", "r.pdf"]


def test_export_never_writes_over_an_existing_file(ws_path, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    taken = out / "HA_2022-Q1_r1.dtdesk.sqlite"
    taken.write_bytes(b"sent earlier")
    assert main(["export", str(ws_path), "-o", str(taken)]) == 2
    assert "không bị ghi đè" in capsys.readouterr().err
    assert taken.read_bytes() == b"sent earlier" and _names(out) == [taken.name]


@pytest.mark.parametrize("command", ["render", "dump", "export"])
def test_a_full_disk_keeps_the_old_file_and_leaves_no_half_one(ws_path, small_disk, capsys, command):
    revision = _revision(ws_path)
    disk = small_disk(64)
    target = disk / {"render": "r.pdf", "dump": "r.json", "export": "HA_2022-Q1_r1.dtdesk.sqlite"}[command]
    filler = disk / "filler"
    with open(filler, "wb") as handle:  # the disk is full to its last few kilobytes
        try:
            handle.write(b"\0" * (64 << 10))
        except OSError:
            pass
    if command != "export":
        filler.write_bytes(filler.read_bytes()[: -(8 << 10)])
        target.write_bytes(b"old")
    assert main([command, str(ws_path), "-o", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "ổ đĩa đã đầy" in err, err
    assert _names(disk) == sorted(["filler", *([target.name] if command != "export" else [])])
    if command != "export":
        assert target.read_bytes() == b"old"
    assert _revision(ws_path) == revision


def _export(ws_path, folder, capsys) -> str:
    folder.mkdir()
    assert main(["export", str(ws_path), "-o", str(folder)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    (made,) = [p.name for p in folder.iterdir()]
    return made


def test_an_export_never_reuses_a_revision_after_a_restore_or_a_load(ws_path, tmp_path, capsys):
    from dtdesk.store.backup import make_backup

    before = make_backup(ws_path, ws_path)
    assert main(["dump", str(ws_path), "-o", str(tmp_path / "r.json")]) == 0
    first = _export(ws_path, tmp_path / "a", capsys)
    assert main(["restore", str(ws_path), str(before)]) == 0  # the data from before that export
    second = _export(ws_path, tmp_path / "b", capsys)  # another folder: the ledger, not the folder, says r+1
    with Workspace.open(ws_path, backup=False) as ws:
        ws.reopen("HA", "2022-Q1")  # a sent report takes a load only once reopened
    assert main(["load", str(ws_path), str(tmp_path / "r.json")]) == 0  # the JSON holds the old revision too
    third = _export(ws_path, tmp_path / "c", capsys)
    revisions = [int(name.split("_r")[1].split(".")[0]) for name in (first, second, third)]
    assert revisions == [revisions[0], revisions[0] + 1, revisions[0] + 2], (first, second, third)


def test_an_export_goes_above_the_files_already_in_the_folder(ws_path, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    stray = out / "HA_2022-Q1_r7.dtdesk.sqlite"  # a file this workspace does not list (a copy, a kill)
    stray.write_bytes(b"sent from a copy")
    assert main(["export", str(ws_path), "-o", str(out)]) == 0
    assert (out / "HA_2022-Q1_r8.dtdesk.sqlite").exists() and stray.read_bytes() == b"sent from a copy"
