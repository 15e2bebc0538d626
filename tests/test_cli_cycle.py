"""The reporting cycle on the command line: a ward sends, the district returns it with a reason, the ward imports
the reply, corrects (its sent report refusing every edit until then with one sentence) and sends again, the
district accepts; `status` on both sides shows the history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dtdesk.cli import main
from tests.exchange.conftest import make_ward

WARD, PERIOD = "HA-CATBI", "2022-Q1"
REASON = "Thiếu số liệu mục 3.2; đề nghị bổ sung."


@pytest.fixture
def ward(demo_path, tmp_path) -> Path:
    return make_ward(tmp_path / "ward.sqlite", demo_path, WARD)


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse's own refusal of a command line
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _edited_dump(ward: Path, tmp_path: Path, capsys) -> Path:
    """The ward's report as JSON with one figure changed: a correction loaded back."""
    assert _run(capsys, "dump", ward, "-o", tmp_path / "w.json")[0] == 0
    doc = json.loads((tmp_path / "w.json").read_text("utf-8"))
    cell = next(v for v in doc["values"] if v["unit"] == WARD and v["key"] == "dvc.received")
    cell["value"] += 1
    path = tmp_path / "w2.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_the_cycle_between_a_ward_and_its_district(ward, demo_path, tmp_path, capsys):
    district, up, down = demo_path, f"{tmp_path}/up/", f"{tmp_path}/down/"
    correction = _edited_dump(ward, tmp_path, capsys)
    code, out, _ = _run(capsys, "export", ward, "-o", up)
    assert code == 0
    first = int(out.split(" lần nộp r")[1].split()[0])
    code, _, err = _run(capsys, "load", ward, correction)  # sent: locked
    assert code == 2 and err.count("\n") == 1 and "mở lại để sửa" in err
    assert _run(capsys, "import", district, up)[0] == 0
    code, out, _ = _run(capsys, "return", district, "--unit", WARD, "--period", PERIOD, "--reason", REASON,
                        "-o", down, "--eml")
    assert code == 0 and f"r{first}.dtreply" in out and ".eml" in out
    code, out, _ = _run(capsys, "import", ward, down)
    assert code == 0 and REASON in out and f"r{first + 1}" in out
    code, out, _ = _run(capsys, "status", ward, "--period", PERIOD)
    assert f"Trả lại (r{first})" in out.splitlines()[0] and REASON in out
    assert _run(capsys, "load", ward, correction)[0] == 0  # a returned report is open again
    assert _run(capsys, "export", ward, "-o", up)[0] == 0
    assert _run(capsys, "import", district, up)[0] == 0
    code, out, _ = _run(capsys, "accept", district, "--unit", WARD, "-o", down)
    assert code == 0 and f"r{first + 1}.dtreply" in out
    assert _run(capsys, "import", ward, down)[0] == 0  # the return again (already in) and the acceptance
    steps = [f"Đã gửi (r{first})", f"Trả lại (r{first})", f"Đã gửi (r{first + 1})", f"Đã tiếp nhận (r{first + 1})"]
    for side, argv in (("ward", ["status", ward, "--period", PERIOD]),
                       ("district", ["status", district, "--period", PERIOD, "--unit", WARD])):
        code, out, _ = _run(capsys, *argv)
        lines = out.splitlines()
        assert code == 0 and f"Đã tiếp nhận (r{first + 1})" in lines[0], side
        assert [next(s for s in steps if s in line) for line in lines[1:]] == steps, side
    code, out, _ = _run(capsys, "status", district, "--period", PERIOD)
    assert f"đã tiếp nhận r{first + 1}" in next(line for line in out.splitlines() if line.startswith(WARD))
    code, _, err = _run(capsys, "load", ward, correction)  # accepted: locked
    assert code == 2 and "tiếp nhận" in err
    code, out, _ = _run(capsys, "reopen", ward)
    assert code == 0 and f"r{first + 2}" in out
    assert _run(capsys, "load", ward, correction)[0] == 0


@pytest.mark.parametrize("argv, fragment", [
    (["accept", "{district}", "--unit", "HA-CATBI", "-o", "{tmp}"], "Chưa nhận tệp nộp nào"),
    (["return", "{district}", "--unit", "HA-CATBI", "-o", "{tmp}", "--reason", " "], "không được để trống"),
    (["accept", "{district}", "--unit", "HA", "-o", "{tmp}"], "không phải là đơn vị cấp dưới"),
    (["reopen", "{district}"], "chưa gửi"),
])
def test_a_wrong_answer_is_one_sentence_and_changes_nothing(argv, fragment, demo_path, tmp_path, capsys):
    before = demo_path.read_bytes()
    code, _, err = _run(capsys, *[a.format(district=demo_path, tmp=tmp_path) for a in argv])
    assert code == 2 and fragment in err and err.count("\n") == 1
    assert demo_path.read_bytes() == before and not list(tmp_path.glob("*.dtreply"))


def test_status_without_a_period_shows_the_latest_report(demo_path, capsys):
    """As the other report commands do: a province officer types `dtdesk status tinh.sqlite` and sees this quarter."""
    code, out, err = _run(capsys, "status", demo_path)
    assert code == 0 and err == ""
    assert _run(capsys, "status", demo_path, "--period", PERIOD)[1] == out
    assert "kỳ 2022-Q1 của Quận Hải An" in out and out.rstrip().splitlines()[-1].startswith("Tổng: ")
