"""The e-mail draft: its subject reads back exactly as written, and a missing address is said first."""

import email
import email.policy
from email.header import decode_header, make_header

import pytest

from dtdesk.cli import main
from dtdesk.exchange.eml import address_notice, build_message, subject
from dtdesk.store.workspace import Workspace

LONG_NAMES = [
    "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
    "Ủy ban nhân dân " * 40,
    "Phường " + "Đông" * 60,  # one long word: split inside it, and still whole
    "x" * 200 + " y",
]


def read_subject(raw: bytes) -> tuple[str, str]:
    """The subject as today's and as the legacy parser decode it."""
    modern = email.message_from_bytes(raw, policy=email.policy.default)["Subject"]
    legacy = str(make_header(decode_header(email.message_from_bytes(raw)["Subject"])))
    return str(modern), legacy


def draft(tmp_path, name: str) -> bytes:
    attachment = tmp_path / "a.dtdesk.sqlite"
    attachment.write_bytes(b"SQLite")
    return build_message(name, "Quận Hải An", "vp@example.vn", "", "quý I/2022", 2, attachment).as_bytes()


def test_every_demo_units_subject_decodes_exactly(demo_ws, tmp_path):
    for unit in demo_ws.hierarchy().walk():
        raw = draft(tmp_path, unit.name)
        assert read_subject(raw) == (subject(unit.name, "quý I/2022", 2),) * 2, unit.name


@pytest.mark.parametrize("name", LONG_NAMES)
def test_long_subjects_fold_and_decode_exactly(tmp_path, name):
    raw = draft(tmp_path, name)
    header = raw.split(b"\r\n\r\n")[0].decode("ascii")
    assert max(len(line) for line in header.split("\r\n")) <= 78
    want = subject(name, "quý I/2022", 2)
    assert "chuyển đổi số quý I/2022 (lần nộp 2)" in want
    assert read_subject(raw) == (want, want)


def test_cat_bi_keeps_its_spaces(tmp_path):
    modern, _ = read_subject(draft(tmp_path, "Phường Cát Bi"))
    assert modern == "Phường Cát Bi gửi báo cáo chuyển đổi số quý I/2022 (lần nộp 2)"


def test_no_parent_address_is_said_before_the_draft(demo_path, tmp_path, capsys):
    with Workspace.open(demo_path) as ws:
        assert address_notice(ws, "HA-CATBI") == ""
        assert "Thành phố Hải Phòng chưa có địa chỉ thư điện tử" in address_notice(ws, "HA")
        assert "không có đơn vị cấp trên" in address_notice(ws, "HP")
    assert main(["export", str(demo_path), "--unit", "HA", "--period", "2022-Q1", "-o", str(tmp_path), "--eml"]) == 0
    captured = capsys.readouterr()
    assert "Lưu ý: Thành phố Hải Phòng chưa có địa chỉ thư điện tử" in captured.err
    (eml,) = tmp_path.glob("*.eml")
    assert email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)["To"] is None
