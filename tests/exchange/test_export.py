"""dtdesk export: a self-contained, checked submission file with a clear name."""

from __future__ import annotations

import email
import email.policy
import sqlite3

import pytest

from dtdesk.cli import main
from dtdesk.exchange import manifest as mf
from dtdesk.exchange.export import ExportError, export_report
from dtdesk.exchange.validate import read_submission
from tests.exchange.conftest import PERIOD, open_ws


def test_export_names_the_file_and_raises_the_revision(demo, tmp_path):
    with open_ws(demo) as ws:
        first = export_report(ws, "HA-CATBI", PERIOD, tmp_path)
        second = export_report(ws, "HA-CATBI", PERIOD, tmp_path)
        assert ws.report("HA-CATBI", PERIOD).revision == 3
        logged = ws.conn.execute("SELECT revision, filename FROM submissions ORDER BY id").fetchall()
    assert first.path.name == "HA-CATBI_2022-Q1_r2.dtdesk.sqlite"
    assert second.path.name == "HA-CATBI_2022-Q1_r3.dtdesk.sqlite"
    assert logged == [(2, first.path.name), (3, second.path.name)]
    assert sorted(p.name for p in tmp_path.iterdir() if "dtdesk" in p.name) == [first.path.name, second.path.name]


def test_export_to_a_named_file(demo, tmp_path):
    out = tmp_path / "gui-len-quan.sqlite"
    with open_ws(demo) as ws:
        result = export_report(ws, "HA-CATBI", PERIOD, out)
    assert result.path == out and out.is_file()


def test_file_holds_the_report_its_values_and_a_manifest(demo, tmp_path):
    with open_ws(demo) as ws:
        result = export_report(ws, "HA", PERIOD, tmp_path)
        expected = ws.values(PERIOD, ["HA", *(u.code for u in ws.hierarchy().bodies("HA"))])
    sub = read_submission(result.path)
    assert sub.manifest["unit"] == "HA" and sub.manifest["parent"] == "HP"
    assert sub.manifest["template_id"] == "cds-quarterly" and sub.manifest["template_version"] == "1"
    assert sub.manifest["revision"] == "2" and sub.manifest["format"] == mf.FORMAT
    assert {u["code"] for u in sub.units} == {"HA", "HA-TUPHAP", "HA-QLDT", "HA-VHTT", "HA-THANHTRA", "HA-TNMT",
                                              "HA-KINHTE", "HA-NOIVU", "HA-TCKH", "HA-LDTBXH", "HA-YTE", "HA-GDDT",
                                              "HA-PTQD", "HA-QLDA", "HA-TTVH", "HA-DSKHHGD", "HA-GDNN"}
    assert {(u, k, r): v for u, _p, k, r, v in sub.values} == expected  # no ward values: they are the wards' own
    conn = sqlite3.connect(result.path)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert {r[0] for r in conn.execute("SELECT type FROM sqlite_master")} == {"table"}
    conn.close()


def test_content_hash_is_canonical():
    units = [{"code": "B", "name": "b", "kind": "ward", "parent": "A", "short": "", "row_label": "", "position": 1,
              "email": ""}]
    reports = [{"unit": "B", "period": "2022", "template_id": "t", "template_version": 1, "start": "2022-01-01",
                "cutoff": "2022-12-31", "revision": 1, "illustrative": 0}]
    values = [("B", "2022", "a.x", "", 1), ("B", "2022", "a.y", "", "Đông Hải")]
    manifest = {"format": mf.FORMAT, "unit": "B"}
    h = mf.content_hash(manifest, units, reports, values)
    assert h == mf.content_hash(dict(reversed(manifest.items())), units, reports, list(reversed(values)))
    assert h != mf.content_hash(manifest, units, reports, [("B", "2022", "a.x", "", 1.0), values[1]])
    assert h == mf.content_hash({**manifest, "sha256": "ignored"}, units, reports, values)


def test_export_while_the_workspace_is_being_read_elsewhere(demo, tmp_path):
    reader = sqlite3.connect(demo)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM vals").fetchone()  # an open read transaction (WAL snapshot)
    try:
        with open_ws(demo) as ws:
            result = export_report(ws, "HA-CATBI", PERIOD, tmp_path)
    finally:
        reader.close()
    assert read_submission(result.path).revision == 2


def test_failed_export_changes_nothing(demo, tmp_path):
    with open_ws(demo) as ws:
        with pytest.raises(ExportError):
            export_report(ws, "HA-CATBI", PERIOD, tmp_path / "no-such-folder" / "x.sqlite")
        assert ws.report("HA-CATBI", PERIOD).revision == 1
        with pytest.raises(ExportError):
            export_report(ws, "HA-CATBI", "2023-Q1", tmp_path)
    assert [p for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_eml_draft_is_addressed_to_the_parent_with_the_file(demo, tmp_path):
    with open_ws(demo) as ws:
        result = export_report(ws, "HA-CATBI", PERIOD, tmp_path, eml=True)
    msg = email.message_from_bytes(result.eml.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["To"] == "vanphong@haian.haiphong.gov.vn"
    assert "Phường Cát Bi" in msg["Subject"] and "quý I/2022" in msg["Subject"]
    assert "Kính gửi: Quận Hải An" in msg.get_body(("plain",)).get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == result.path.name
    assert attachment.get_content() == result.path.read_bytes()


def test_cli_export(demo, tmp_path, capsys):
    assert main(["export", str(demo), "--unit", "HA-CATBI", "--period", PERIOD, "-o", str(tmp_path), "--eml"]) == 0
    out = capsys.readouterr().out
    assert "HA-CATBI_2022-Q1_r2.dtdesk.sqlite" in out and ".eml" in out
    assert main(["export", str(demo), "--unit", "NOPE", "--period", PERIOD, "-o", str(tmp_path)]) == 2
    assert main(["export", str(demo), "--unit", "HA-CATBI", "--period", "2022-Q9", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 2


def test_a_new_folder_written_with_a_slash_gets_the_usual_name(demo_ws, tmp_path):
    from dtdesk.exchange.export import export_report

    result = export_report(demo_ws, "HA-CATBI", "2022-Q1", f"{tmp_path / 'gui'}/")
    assert result.path.parent == tmp_path / "gui" and result.path.name.startswith("HA-CATBI_2022-Q1_r")
