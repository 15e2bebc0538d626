"""The bad-command-line corpus: every case gets one sentence on stderr and exit 2 (1 for a rejected file), never
a traceback, and leaves the workspace's content and its folder as they were.

Run in-process through :func:`dtdesk.cli.main` (one process for all the cases);
the places the cases name (a FIFO, a damaged workspace, a 5,000-character path…)
are made once for the module.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from dtdesk.cli import main
from dtdesk.exchange.export import export_report
from dtdesk.store.demo import create_demo
from dtdesk.store.workspace import Workspace
from tests.exchange.conftest import ws_hash

REPORT_COMMANDS = {"render": ["-o", "{out}/r.pdf"], "check": [], "export": ["-o", "{out}"], "dump": ["-o", "{out}/r.json"]}
BAD_PERIODS = ["0000-Q1", "9999-Q4", "2022-Q5", "abc", "", "２０２２-Q1", "2022-Q1\x1b[31m", "Quý V/2022", "1e9", "-1",
               "1989", "2101-Q1", "2022-Q2"]
BAD_UNITS = ["../x", "A\nB", "\x1b[2J", "Z" * 64, "", "NOPE", "../../etc", "HA/../HA", "ha"]
BAD_PLACES = ["long", "missing", "folder", "fifo", "devnull", "text", "empty", "json", "submission", "truncated",
              "zeroed-units", "zeroed-first-page"]
PLACE_COMMANDS = {"units": [], "check": [], "render": ["-o", "{out}/r.pdf"], "export": ["-o", "{out}"],
                  "dump": ["-o", "{out}/r.json"], "status": ["--period", "2022-Q1"], "backup": [],
                  "import": ["{submission}"]}


def _documents() -> dict[str, object]:
    """Bad ``dtdesk/1`` documents (each a change of a small good one) and bad JSON text."""
    unit = {"code": "HA-NEW", "name": "Phòng Mới", "kind": "department", "parent": "HA"}
    report = {"unit": "HA", "period": "2022-Q3", "template_id": "cds-quarterly", "template_version": 1,
              "start": "2022-07-01", "cutoff": "2022-09-30"}
    value = {"unit": "HA", "period": "2022-Q3", "key": "dvc.received", "row": "", "value": 5}

    def doc(units=(unit,), reports=(report,), values=(value,), **extra):
        return {"format": "dtdesk/1", "units": list(units), "reports": list(reports), "values": list(values), **extra}

    docs: dict[str, object] = {
        f"period-{p}": doc(reports=[dict(report, period=p)], values=[dict(value, period=p)])
        for p in ("2022-Q5", "abc", "0000-Q1", "9999-Q4", "", 2022)
    }
    docs |= {f"value-{i}": doc(values=[dict(value, value=v)]) for i, v in enumerate([{}, [], 10**30, None, -10**20])}
    docs |= {f"template-{i}": doc(reports=[dict(report, template_id=t)])
             for i, t in enumerate(["other", "../../etc/passwd", "/etc/passwd", "\\\\host\\share\\t", 7])}
    docs |= {f"code-{i}": doc(units=[dict(unit, code=c)], values=[])
             for i, c in enumerate(["../x", "A\nB", "\x1b[2J", "A\x00B", "Z" * 64, ""])}
    docs |= {
        "cycle": doc(units=[dict(unit, code="B1", parent="B2"), dict(unit, code="B2", parent="B1")], values=[]),
        "cycle-through-the-workspace": doc(units=[dict(unit, code="HA", kind="district", parent="HA-CATBI")],
                                           values=[]),
        "ward-under-ward": doc(units=[dict(unit, kind="ward", parent="HA-CATBI")], values=[]),
        "district-under-district": doc(units=[dict(unit, kind="district", parent="HA")], values=[]),
        "unknown-kind": doc(units=[dict(unit, kind="martian")], values=[]),
        "value-of-no-unit": doc(values=[dict(value, unit="NOBODY")]),
        "start-after-cutoff": doc(reports=[dict(report, start="2022-10-01")]),
        "impossible-date": doc(reports=[dict(report, cutoff="2022-09-31")]),
        "units-not-a-list": doc(units={"a": 1}),
        "wrong-format": dict(doc(), format="dtdesk/2"),
        "not-an-object": [1, 2, 3],
    }
    docs |= {f"source-{i}": doc(values=[dict(value, source=s)])
             for i, s in enumerate(["import:../../etc/passwd", "import:ABCDEF0123456789", 7, "", "typed",
                                                   "xlsx:0123", "xlsx:0123456789abcdef\n"])}
    retired = {"code": "HA-CATBI", "since": "2022-07-01", "merged_into": "HA-DANGHAI"}
    docs |= {f"retired-{i}": doc(retired=[dict(retired, **change)]) for i, change in enumerate([
        {"code": "NOBODY"}, {"merged_into": "NOBODY"}, {"merged_into": "HA-CATBI"}, {"since": "2022-13-01"},
        {"since": 20220701}, {"since": "2022-7-1"}, {"code": "../x"}, {"why": "x"}])}
    docs |= {"retired-not-a-list": doc(retired={"code": "HA-CATBI"}),
             "formed-of-no-unit": doc(formed=[{"code": "NOBODY", "since": "2022-07-01"}]),
             "formed-without-since": doc(formed=[{"code": "HA-CATBI"}])}
    step = {"unit": "HA", "period": "2022-Q3", "status": "sent", "revision": 1, "reason": "", "side": "out",
            "at": "2022-10-01T08:00:00.000+00:00", "who": "clerk", "file": "HA_2022-Q3_r1.dtdesk.sqlite",
            "sha256": "ab" * 32}
    docs |= {f"status-{i}": doc(statuses=[dict(step, **change)]) for i, change in enumerate([
        {"period": "2022-Q1"}, {"status": "deleted"}, {"side": "up"}, {"at": "yesterday"}, {"sha256": "xyz"},
        {"reason": "a\x1b[2Jb"}, {"revision": -1}, {"who": None}, {"extra": 1}, {"unit": "HA-CATBI"}])}
    docs["statuses-not-a-list"] = doc(statuses="sent")
    texts = {"nan": '{"format": "dtdesk/1", "values": [{"unit": "HA", "period": "2022-Q1", "key": "dvc.received", '
                    '"value": NaN}]}',
             "infinity": '{"format": "dtdesk/1", "values": [{"unit": "HA", "period": "2022-Q1", "key": "k", '
                         '"value": -Infinity}]}',
             "deep": "[" * 100_000 + "]" * 100_000, "cut": '{"format": "dtdesk/1", "units": [',
             "latin1": b'{"format": "dtdesk/1", "units": [{"name": "caf\xe9"}]}'}
    return docs | {name: ("text", text) for name, text in texts.items()}


DOCUMENTS = _documents()


def _cases() -> dict[str, tuple[list[str], int]]:
    """{case id: (argv with {placeholders}, expected exit status)}."""
    cases: dict[str, tuple[list[str], int]] = {}
    for command, extra in REPORT_COMMANDS.items():
        for i, period in enumerate(BAD_PERIODS):
            cases[f"{command}-period-{i}"] = ([command, "{ws}", "--period", period, *extra], 2)
        for i, unit in enumerate(BAD_UNITS):
            cases[f"{command}-unit-{i}"] = ([command, "{ws}", "--unit", unit, *extra], 2)
    for i, period in enumerate(BAD_PERIODS[:-1]):  # status of 2022-Q2 is a fair question: nobody has sent yet
        cases[f"status-period-{i}"] = (["status", "{ws}", "--period", period], 2)
    for command, extra in PLACE_COMMANDS.items():
        for place in BAD_PLACES:
            cases[f"{command}-workspace-{place}"] = ([command, f"{{{place}}}", *extra], 2)
    for place in BAD_PLACES:
        cases[f"restore-from-{place}"] = (["restore", "{ws}", f"{{{place}}}"], 2)
        if place not in ("missing", "folder"):  # a file named is judged (1); a folder is searched for files
            cases[f"import-file-{place}"] = (["import", "{ws}", f"{{{place}}}"], 1 if place != "long" else 1)
    cases["import-empty-folder"] = (["import", "{ws}", "{folder}"], 2)
    cases["import-missing-file"] = (["import", "{ws}", "{missing}"], 1)
    for name in DOCUMENTS:
        cases[f"load-{name}"] = (["load", "{ws}", f"{{doc-{name}}}"], 2)
    for name in ("period-2022-Q5", "value-0", "template-1", "cycle", "nan", "value-of-no-unit", "retired-1",
                 "status-0"):
        cases[f"load-new-workspace-{name}"] = (["load", "{out}/new.sqlite", f"{{doc-{name}}}"], 2)
    for place in ("long", "missing", "fifo", "devnull", "text", "folder"):
        cases[f"load-from-{place}"] = (["load", "{ws}", f"{{{place}}}"], 2)
    for i, out in enumerate(["{long}/r.pdf", "{missing}/r.pdf", "{folder}", "{text}/r.pdf", "{ws}"]):
        cases[f"render-output-{i}"] = (["render", "{ws}", "-o", out], 2)
        cases[f"dump-output-{i}"] = (["dump", "{ws}", "-o", out.replace(".pdf", ".json")], 2)
    for i, out in enumerate(["{long}", "{text}/x", "{ws}", "{missing}/x/y"]):
        cases[f"export-output-{i}"] = (["export", "{ws}", "-o", out], 2)
    for i, argv in enumerate([["frobnicate"], ["render", "{ws}"], ["check"], ["backup", "{ws}", "--keep", "abc"],
                              ["import", "{ws}"], ["load", "{ws}"], ["status", "{ws}", "--period"],
                              ["render", "{ws}", "-o"],
                              ["check", "{ws}", "--period"], ["--bogus"], ["units", "{ws}", "extra"],
                              ["export", "{ws}", "--unit"], ["restore", "{ws}"], ["check", "{ws}", "--unit", "HA", "x"],
                              ["dump", "{ws}", "--output"]]):
        cases[f"usage-{i}"] = (argv, 2)
    return cases


CASES = _cases()


def _zero_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096:page * 4096] = bytes(4096)
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("cli")
    ws = root / "ws.sqlite"
    create_demo(ws).close()
    Workspace.open(ws).close()  # today's automatic backup is taken now, not by a case
    out = root / "out"
    out.mkdir()
    made = {"ws": ws, "out": out, "missing": root / "missing.sqlite", "folder": root / "folder", "text": root / "t.txt",
            "empty": root / "empty.sqlite", "json": root / "r.json", "devnull": Path(os.devnull)}
    made["folder"].mkdir()
    made["text"].write_text("không phải tệp dữ liệu\n" * 50, encoding="utf-8")
    made["empty"].write_bytes(b"")
    made["json"].write_text('{"format": "dtdesk/1"}', encoding="utf-8")
    made["long"] = root / (("x" * 250 + "/") * 19 + "ws.sqlite")  # about 5,000 characters
    with Workspace.open(shutil.copyfile(ws, root / "sender.sqlite"), backup=False) as sender:
        made["submission"] = export_report(sender, "HA-CATBI", "2022-Q1", root).path
    made["truncated"] = root / "truncated.sqlite"
    made["truncated"].write_bytes(ws.read_bytes()[:10000])
    conn = sqlite3.connect(ws)
    units_page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'units'").fetchone()[0]
    conn.close()
    for name, page in (("zeroed-units", units_page), ("zeroed-first-page", 1)):
        made[name] = shutil.copyfile(ws, root / f"{name}.sqlite")
        _zero_page(made[name], page)
    if hasattr(os, "mkfifo"):
        made["fifo"] = root / "fifo.sqlite"
        os.mkfifo(made["fifo"])
    else:
        made["fifo"] = made["folder"]
    for name, doc in DOCUMENTS.items():
        path = root / f"doc-{name}.json"
        if isinstance(doc, tuple):
            path.write_bytes(doc[1] if isinstance(doc[1], bytes) else doc[1].encode("utf-8"))
        else:
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        made[f"doc-{name}"] = path
    shutil.copyfile(ws, root / "pristine.sqlite.orig")
    return {name: str(path) for name, path in made.items()}


@pytest.fixture(scope="module")
def baseline(places) -> tuple[str, dict[str, int]]:
    """The workspace's content hash and its folder's files, as every case must leave them."""
    return ws_hash(Path(places["ws"])), _tree(Path(places["ws"]).parent)


def _tree(root: Path) -> dict[str, int]:
    """Every file under the folder with its size (SQLite's -wal/-shm come and go with connections, and a
    workspace's lock file stays beside whatever was tried as a workspace)."""
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*")
            if p.is_file() and not p.name.endswith(("-wal", "-shm", ".lock"))}


def test_the_corpus_is_large():
    assert len(CASES) >= 200


@pytest.mark.parametrize("name", list(CASES))
def test_a_bad_command_line_gets_one_sentence_and_changes_nothing(name, places, baseline, capsys):
    argv, expected = CASES[name]
    ws = Path(places["ws"])
    try:
        status = main([arg.format_map(places) for arg in argv])
    except SystemExit as exc:  # argparse's own refusals
        status = exc.code
    captured = capsys.readouterr()
    assert status == expected, captured
    err = captured.err.strip() if expected == 2 else captured.out.splitlines()[0]
    assert len(err.splitlines()) == 1 and err.isprintable() and "Traceback" not in err, err
    assert err.startswith(("dtdesk: ", "Từ chối: ", "usage:")) or "dtdesk --help" in err, err
    after = ws_hash(ws), _tree(ws.parent)
    if after != baseline:  # put the workspace back so that the next cases start as they should
        shutil.copyfile(ws.parent / "pristine.sqlite.orig", ws)
    assert after == baseline
