"""Output files are whole or absent: temporary name, fsync, rename; leftovers cleaned at the next write."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time

import pytest

from dtdesk.core import files


def _parts(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(files.PREFIX))


def test_an_output_replaces_the_old_file_whole_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    assert files.write_output(target, b"new content") == target
    assert target.read_bytes() == b"new content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_a_failing_writer_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    with pytest.raises(OSError) as caught:
        with files.output_file(target) as handle:
            handle.write(b"half of it")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert _parts(tmp_path) == []


def test_a_new_file_that_fails_is_never_created(tmp_path):
    with pytest.raises(RuntimeError):
        with files.output_path(tmp_path / "sub.sqlite") as temp:
            (temp.parent / (temp.name + "-journal")).write_bytes(b"j")  # what SQLite leaves beside it
            raise RuntimeError("check failed")
    assert list(tmp_path.iterdir()) == []


def test_without_overwrite_an_existing_file_is_refused_and_kept(tmp_path):
    target = tmp_path / "HA_2022-Q1_r1.dtdesk.sqlite"
    target.write_bytes(b"sent yesterday")
    with pytest.raises(FileExistsError):
        files.write_output(target, b"another", overwrite=False)
    assert target.read_bytes() == b"sent yesterday"
    assert _parts(tmp_path) == []
    files.write_output(tmp_path / "new.bin", b"x", overwrite=False)
    assert (tmp_path / "new.bin").read_bytes() == b"x"


def test_the_temporary_file_is_in_the_target_folder_under_a_recognisable_name(tmp_path):
    with files.output_path(tmp_path / ("a" * 240 + ".pdf")) as temp:
        assert temp.parent == tmp_path and temp.exists() and temp.stat().st_size == 0
        assert temp.name.startswith(files.PREFIX) and temp.name.endswith(files.SUFFIX)
        assert len(temp.name.encode()) < 255


def _dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout)


def test_leftovers_of_a_dead_writer_are_removed_at_the_next_write(tmp_path):
    host = files._host_tag()
    other = f"{(int(host, 16) + 1) % 0x10000:04x}"
    dead = _dead_pid()
    killed = tmp_path / f".dtdesk-{dead}@{host}-0123abcd.r.pdf.part"
    journal = tmp_path / f".dtdesk-{dead}@{host}-0123abcd.s.sqlite.part-journal"
    mine = tmp_path / f".dtdesk-{os.getpid()}@{host}-0123abcd.r.pdf.part"  # a writer still at work
    remote = tmp_path / f".dtdesk-{dead}@{other}-0123abcd.r.pdf.part"  # another PC's, maybe at work
    remote_old = tmp_path / f".dtdesk-{dead}@{other}-fedcba98.r.pdf.part"
    user_files = [tmp_path / ".dtdesk-notes.part", tmp_path / "r.pdf.part", tmp_path / "keep.txt"]
    for path in (killed, journal, mine, remote, remote_old, *user_files):
        path.write_bytes(b"x")
    day_ago = time.time() - 25 * 3600
    os.utime(remote_old, (day_ago, day_ago))
    files.write_output(tmp_path / "r.pdf", b"pdf")
    left = set(tmp_path.iterdir())
    assert killed not in left and journal not in left and remote_old not in left
    assert {mine, remote, *user_files, tmp_path / "r.pdf"} == left


@pytest.mark.parametrize("spelling", ["via_dotdot", "via_symlink"])
def test_same_file_compares_what_names_reach(tmp_path, spelling):
    real = tmp_path / "ws.sqlite"
    real.write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    if spelling == "via_dotdot":
        other = tmp_path / "sub" / ".." / "ws.sqlite"
    else:
        other = tmp_path / "link.sqlite"
        other.symlink_to(real)
    assert files.same_file(other, real)
    assert files.is_one_of(other, [tmp_path / "x", real])
    assert not files.same_file(tmp_path / "ws.sqlite-wal", real)  # absent: compared by name only
    assert not files.is_one_of(tmp_path / "r.pdf", [real])


def test_a_full_disk_keeps_the_old_file(small_disk):
    disk = small_disk(256)
    target = disk / "r.pdf"
    files.write_output(target, b"old" * 1000)
    with pytest.raises(OSError) as caught:
        files.write_output(target, os.urandom(1 << 20))  # larger than the disk
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old" * 1000
    assert _parts(disk) == []


def test_what_earlier_versions_left_goes_once_a_day_old(tmp_path):
    old, fresh = tmp_path / ".dtdesk-k2j_x9ab.part", tmp_path / ".dtdesk-q7w3e1rt.part-journal"
    for path in (old, fresh):
        path.write_bytes(b"x")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    assert files.clean_leftovers(tmp_path) == [old]
    assert fresh.exists()


def test_names_are_compared_as_the_system_compares_them(tmp_path, monkeypatch):
    (tmp_path / "ws.sqlite").write_bytes(b"x")
    monkeypatch.setattr(files.os.path, "normcase", str.lower)  # what ntpath.normcase does on Windows
    assert files.same_file(tmp_path / "WS.SQLITE", tmp_path / "ws.sqlite")
