"""With LANG=en, every command's output and refusal is English: the reporting cycle between a ward and its district,
its status, codes, exports and backups, and argparse's own words; with no LANG, the same commands speak Vietnamese.

Names stay as written (units, files, the reason a clerk typed): what is left after removing them has no Vietnamese.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from dtdesk.cli import main, registry
from dtdesk.core.template import load_template
from dtdesk.store.workspace import Workspace
from tests.english import vietnamese_left
from tests.exchange.conftest import make_ward

WARD, PERIOD = "HA-CATBI", "2022-Q1"
REASON = "Thiếu số liệu mục 3.2."


def english(monkeypatch):
    """The command line as LANG=en_US.UTF-8 starts it (argparse's words put back afterwards)."""
    monkeypatch.setattr(registry, "LANGUAGE", "en")
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)


def _run(capsys, *argv) -> tuple[int, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse's own refusal, or --help
        code = exc.code
    out, err = capsys.readouterr()
    return code, out + err


def _names(*workspaces: Path) -> list[str]:
    """Every unit name the workspaces hold and the template's words for its settings (report content, Vietnamese
    in every language), longest first (so "Phường Đông Hải 1" goes before "Phường Đông Hải")."""
    names = {setting.label for setting in load_template().settings}
    for path in workspaces:
        with Workspace.open(path, read_only=True) as ws:
            names |= {unit.name for unit in ws.hierarchy().walk()}
    return sorted(names, key=len, reverse=True)


def _left(text: str, names: list[str]) -> list[tuple[str, list[str]]]:
    """(line, its Vietnamese words) for each line that still has some once names and the reason are taken out."""
    for name in [REASON, *names]:
        text = text.replace(name, "«»")
    return [(line, vietnamese_left(line)) for line in text.splitlines() if vietnamese_left(line)]


def _cycle(capsys, district: Path, ward: Path, tmp: Path) -> dict[str, tuple[int, str]]:
    """The commands of a quarter's cycle, with a refusal of each kind on the way: name → (exit status, output)."""
    up, down, out = f"{tmp}/up/", f"{tmp}/down/", tmp / "out"
    out.mkdir()
    said = {}

    def run(name, *argv):
        said[name] = _run(capsys, *argv)
        return said[name]

    run("render", "render", district, "-o", out / "r.pdf")
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", said["render"][1]).group(0)
    run("verify-code current", "verify-code", district, code)
    run("verify-code none", "verify-code", district, "7KQ2-M9XD-4HTB")
    run("verify-code bad", "verify-code", district, "abc")
    run("check", "check", district)
    run("export", "export", ward, "-o", up, "--eml")
    run("load locked", "load", ward, _dump(capsys, ward, tmp))
    run("import", "import", district, up)
    run("render ward", "render", ward, "-o", out / "w.pdf")
    ward_code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", said["render ward"][1]).group(0)
    run("verify-code imported", "verify-code", district, ward_code, "--unit", WARD)
    run("return", "return", district, "--unit", WARD, "--reason", REASON, "-o", down, "--eml")
    run("status", "status", district, "--period", PERIOD)
    run("import reply", "import", ward, down)
    run("status ward", "status", ward)
    run("export again", "export", ward, "-o", up)
    run("import again", "import", district, up)
    run("accept", "accept", district, "--unit", WARD, "-o", down)
    run("import acceptance", "import", ward, down)
    run("status history", "status", district, "--unit", WARD)
    run("accept again", "accept", district, "--unit", WARD, "-o", down)
    run("reopen", "reopen", ward)
    run("reopen draft", "reopen", ward)
    run("dhis2", "dhis2", district, "-o", out / "d.json", "--subunits")
    run("dhis2 over the workspace", "dhis2", district, "-o", district)
    run("dhis2 no report", "dhis2", district, "-o", out / "d.json", "--period", "2030-Q1")
    run("xlsx", "xlsx", district, "-o", out / "t.xlsx")
    run("backup", "backup", district)
    run("units", "units", district)
    run("settings", "settings", district)
    run("bad period", "check", district, "--period", "Quý V/2022")
    run("usage missing", "status")
    run("usage choice", "units", district, "frob")
    run("usage unknown", "status", district, "--frob")
    run("help", "status", "--help")
    return said


def _dump(capsys, ward: Path, tmp: Path) -> Path:
    assert _run(capsys, "dump", ward, "-o", tmp / "w.json")[0] == 0
    doc = json.loads((tmp / "w.json").read_text("utf-8"))
    next(v for v in doc["values"] if v["unit"] == WARD and v["key"] == "dvc.received")["value"] += 1
    (tmp / "w2.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return tmp / "w2.json"


SAID = [  # (command, what it says in English, in Vietnamese); {sent}: the revision the ward sent first
    ("status", "returned r{sent}, awaiting r{next}", "trả lại r{sent}, chờ lần nộp r{next}"),
    ("status", "Total: 1/8 units sent", "Tổng: 1/8 đơn vị đã nộp"),
    ("status history", "The report of Phường Cát Bi (HA-CATBI) for 2022-Q1: Accepted (r{next}).",
     "Báo cáo của Phường Cát Bi (HA-CATBI) kỳ 2022-Q1: Đã tiếp nhận (r{next})."),
    ("status history", f"reason: {REASON}", f"lý do: {REASON}"),
    ("verify-code imported", "matches revision r{sent} of Phường Cát Bi (HA-CATBI) for 2022-Q1, imported at",
     "khớp với lần nộp r{sent} của Phường Cát Bi (HA-CATBI) kỳ 2022-Q1, nhập lúc"),
    ("dhis2 over the workspace", "Not writing over «ws.sqlite»", "Không ghi đè lên «ws.sqlite»"),
    ("help", "usage: dtdesk status", "cách dùng: dtdesk status"),
    ("help", "show this help message and exit", "hiện hướng dẫn này rồi thoát"),
    ("usage missing", "the following arguments are required: WORKSPACE", "thiếu các tham số bắt buộc: TỆP_DỮ_LIỆU"),
    ("usage choice", "invalid choice: 'frob'", "lựa chọn không hợp lệ: 'frob'"),
    ("usage unknown", "unrecognized arguments: --frob", "không hiểu các tham số: --frob"),
]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_command_of_the_cycle_speaks_the_language_of_lang(language, monkeypatch, demo_path, tmp_path, capsys):
    if language == "en":
        english(monkeypatch)
    ward = make_ward(tmp_path / "ward.sqlite", demo_path, WARD)
    said = _cycle(capsys, demo_path, ward, tmp_path)
    statuses = {name: code for name, (code, _text) in said.items()}
    assert statuses["verify-code none"] == 1 and statuses["load locked"] == statuses["dhis2 over the workspace"] == 2
    sent = int(re.search(r"r(\d+)\.dtdesk\.sqlite", said["export"][1]).group(1))
    for name, english_words, vietnamese in SAID:
        fragment = english_words if language == "en" else vietnamese
        assert fragment.format(sent=sent, next=sent + 1) in said[name][1], name
    names = _names(demo_path, ward)
    left = {name: _left(text, names) for name, (_code, text) in said.items()}
    if language == "en":
        assert {name: lines for name, lines in left.items() if lines} == {}
    else:
        assert all(left[name] for name in ("status", "verify-code none", "backup", "help"))


@pytest.mark.parametrize(("language", "wording"), [("en", "argument --keep: «x» is not a whole number."),
                                                   ("vi", "tham số --keep: «x» không phải là một số nguyên.")])
def test_a_number_typed_wrong_is_said_without_the_name_of_a_python_type(language, wording, monkeypatch, tmp_path,
                                                                        capsys):
    """argparse says "invalid int value: 'x'"; a clerk reads what was typed and what is wanted instead."""
    english(monkeypatch)
    monkeypatch.setattr(registry, "LANGUAGE", language)
    code, text = _run(capsys, "backup", tmp_path / "ws.sqlite", "--keep", "x")
    assert code == 2 and wording in text and "int" not in text
    assert _run(capsys, "backup", tmp_path / "ws.sqlite", "--keep", "１０")[1].count("«１０»") == 1  # ASCII digits only
