"""The verification code: same data, same code; any change, another code; the level above finds the revision."""

from __future__ import annotations

import pytest

from dtdesk.cli import main
from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import IMPORTED, import_files
from dtdesk.exchange.validate import read_submission
from dtdesk.exchange.verification import (ALPHABET, CodeError, Match, content_code, describe, find, format_code,
                                         parse_code, report_code)
from tests.exchange.conftest import PERIOD, open_ws

WARD = "HA-CATBI"


def test_code_shows_60_bits_in_three_groups():
    code = format_code("f" * 64)
    assert code == "ZZZZ-ZZZZ-ZZZZ"
    assert format_code("0" * 64) == "0000-0000-0000"
    assert format_code("0" * 14 + "1" + "f" * 49) == "0000-0000-0001"  # bit 60 is the last one shown
    assert all(c in ALPHABET for c in format_code("0123456789abcdef" * 4).replace("-", ""))


def test_typed_codes_are_read_as_a_person_means_them():
    assert parse_code(" 7kq2 m9xd-4htb ") == "7KQ2-M9XD-4HTB"
    assert parse_code("7KQ2M9XDOIL0") == "7KQ2-M9XD-0110"
    for bad in ["7KQ2-M9XD", "7KQ2-M9XD-4HTBX", "7KQ2-M9XD-4HTU", "", "\x1b[2J7KQ2-M9XD-4HT"]:
        with pytest.raises(CodeError) as caught:
            parse_code(bad)
        assert "\x1b" not in str(caught.value)


def test_same_data_same_code_and_any_change_changes_it(demo):
    with open_ws(demo) as ws:
        first = report_code(ws, WARD, PERIOD)
        assert report_code(ws, WARD, PERIOD) == first
        old = ws.value(WARD, PERIOD, "dvc.carried")
        ws.set_value(WARD, PERIOD, "dvc.carried", old + 1)
        changed = report_code(ws, WARD, PERIOD)
        ws.set_value(WARD, PERIOD, "header.signer_name", "Nguyễn Văn B")
        renamed = report_code(ws, WARD, PERIOD)
        ws.set_value(WARD, PERIOD, "dvc.carried", old)
        ws.set_value(WARD, PERIOD, "header.signer_name", ws.value("HA-THANHTO", PERIOD, "header.signer_name"))
        assert len({first, changed, renamed}) == 3
        assert report_code(ws, "HA-THANHTO", PERIOD) != first  # another unit's report, another code


def test_export_keeps_the_code_and_the_file_carries_it(demo, tmp_path):
    with open_ws(demo) as ws:
        before = report_code(ws, WARD, PERIOD)
        result = export_report(ws, WARD, PERIOD, tmp_path)
        assert report_code(ws, WARD, PERIOD) == before  # the revision is raised: the code stays
        sub = read_submission(result.path)
        assert content_code(sub.units, [sub.report], sub.values) == before
        [match] = find(ws, before, WARD, PERIOD)
        assert (match.how, match.revision) == ("exported", result.revision)
        ws.set_value(WARD, PERIOD, "dvc.carried", 999)
        [match] = find(ws, report_code(ws, WARD, PERIOD), WARD, PERIOD)
        assert match.how == "current"  # changed since the export: not a revision sent


def test_the_level_above_finds_the_revision_it_imported(district, ward_files):
    sub = read_submission(ward_files[WARD])
    code = content_code(sub.units, [sub.report], sub.values)
    with open_ws(district) as ws:
        assert find(ws, code) == []
        [plan] = import_files(ws, [ward_files[WARD]])
        assert plan.status == IMPORTED, plan.message
        [match] = find(ws, code)
        assert (match.unit, match.period, match.how, match.revision) == (WARD, PERIOD, "imported", sub.revision)
        assert find(ws, code, "HA-THANHTO", PERIOD) == []
        other = list(code.replace("-", ""))
        other[-1] = "0" if other[-1] != "0" else "1"
        assert find(ws, parse_code("".join(other))) == []


def test_verify_code_command(district, ward_files, capsys):
    sub = read_submission(ward_files[WARD])
    code = content_code(sub.units, [sub.report], sub.values)
    with open_ws(district) as ws:
        import_files(ws, [ward_files[WARD]])
    assert main(["verify-code", str(district), code.lower().replace("-", " ")]) == 0
    out = capsys.readouterr().out
    assert f"Mã {code} khớp với lần nộp r{sub.revision}" in out and WARD in out
    assert main(["verify-code", str(district), code, "--unit", WARD, "--period", "Quý I/2022"]) == 0
    assert main(["verify-code", str(district), code, "--unit", "HA-THANHTO"]) == 1
    assert "không khớp" in capsys.readouterr().out
    assert main(["verify-code", str(district), "not-a-code"]) == 2
    assert "không phải là mã xác thực" in capsys.readouterr().err
    assert main(["verify-code", str(district), code, "--unit", "NOPE"]) == 2


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_moment_a_revision_was_imported_or_exported_reads_as_in_the_status_lines(language):
    """Stored as ISO 8601 in UTC; said day first in Vietnam's time, as ``dtdesk status`` says it, in each language."""
    names = {WARD: "Phường Cát Bi"}
    matches = [Match(WARD, PERIOD, "imported", 2, "2022-03-31T02:15:07.123+00:00"),
               Match(WARD, PERIOD, "exported", 3, "2022-04-01T17:30:00+00:00")]
    said = [line.say(language) for line in describe("7KQ2-M9XD-4HTB", matches, names)]
    assert ["31/03/2022 09:15" in said[0], "02/04/2022 00:30" in said[1]] == [True, True], said
    assert not [line for line in said if "+00:00" in line or "2022-0" in line]
    workbook = {"filename": "catbi.xlsx", "unit": WARD, "period": PERIOD, "imported_at": "2022-04-05T01:00:00+00:00"}
    assert "05/04/2022 08:00" in describe("7KQ2-M9XD-4HTB", [], names, [workbook])[1].say(language)
