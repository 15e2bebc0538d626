"""The hostile corpus (tests/exchange/hostile_files.py): each bad submission file is
refused with one sentence, alone or in a batch, and leaves the workspace's content
exactly as it was; a good file in the same batch is still imported.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dtdesk.cli import main
from dtdesk.exchange.importer import REJECTED, UNFORESEEN, import_files
from tests.exchange.conftest import copy_ws, open_ws, ws_hash
from tests.exchange.hostile_files import CASES

# -- fixtures and the test ------------------------------------------------------------------


def one_sentence(message: str) -> bool:
    return (bool(message) and message.isprintable() and message.endswith(".") and len(message) < 400
            and "Traceback" not in message and message[0].isupper() and UNFORESEEN not in message)


class Opened:
    """A state's workspace opened once for the module; put back from its template if a case ever changes it."""

    def __init__(self, template: Path, path: Path):
        self.template, self.path = template, path
        self.ws = open_ws(copy_ws(template, path))
        self.hash = ws_hash(path)

    def changed(self) -> bool:
        if ws_hash(self.path) == self.hash:
            return False
        self.ws.close()
        self.ws = open_ws(copy_ws(self.template, self.path))
        return True


@pytest.fixture(scope="module")
def opened(tmp_path_factory, states):
    folder = tmp_path_factory.mktemp("opened")
    kept = {state: Opened(path, folder / f"{state}.sqlite") for state, path in states.items()}
    yield kept
    for state in kept.values():
        state.ws.close()


def test_the_corpus_is_large():
    assert len(CASES) >= 700


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_refused_and_changes_nothing(name, corpus, opened):
    state, expect, _maker = CASES[name]
    target = opened[state]
    plans = import_files(target.ws, [corpus[name]])
    assert not target.changed()
    assert len(plans) == 1
    plan = plans[0]
    assert plan.status == expect, plan.message
    assert one_sentence(plan.message), plan.message


def test_the_whole_corpus_in_one_batch_imports_only_the_good_file(tmp_path, corpus, states, ward_files, capsys):
    """Through the command line in-process: each bad file gets its line, the good one is imported, exit 1."""
    demo_cases = [path for name, path in corpus.items() if CASES[name][0] == "demo"]
    ws_path = copy_ws(states["demo"], tmp_path / "ws.sqlite")
    assert main(["import", str(ws_path), *map(str, demo_cases), str(ward_files["HA-THANHTO"])]) == 1
    out = capsys.readouterr().out.splitlines()
    rejected = [line for line in out if line.startswith("Từ chối: ")]
    assert len(rejected) == len(demo_cases)
    assert all(one_sentence(line.removeprefix("Từ chối: ")) for line in rejected)
    assert any(line.startswith("Đã nhập «HA-THANHTO_2022-Q1_r2.dtdesk.sqlite»") for line in out)
    assert f"Tổng: {len(demo_cases) + 1} tệp: 1 đã nhập, 0 đã nhập trước đó, {len(demo_cases)} bị từ chối." in out


def test_a_schema_with_a_high_bit_makes_quick_check_speak_bytes_that_are_not_utf8(corpus):
    """The case issue 11 found: plain SQLite raises UnicodeDecodeError; the import refuses the file."""
    raised = 0
    for name in (n for n in CASES if n.startswith("schema-high-bit-")):
        conn = sqlite3.connect(":memory:")
        conn.deserialize(corpus[name].read_bytes())
        try:
            conn.execute("PRAGMA quick_check").fetchall()
        except UnicodeDecodeError:
            raised += 1
        except sqlite3.Error:
            pass
        finally:
            conn.close()
    assert raised >= 1


def test_a_missing_file_is_refused(tmp_path, states):
    ws_path = copy_ws(states["demo"], tmp_path / "ws.sqlite")
    with open_ws(ws_path) as ws:
        plan = import_files(ws, [tmp_path / "nothing.dtdesk.sqlite"])[0]
    assert plan.status == REJECTED and one_sentence(plan.message)


def test_cli_exit_1_when_a_file_is_rejected_and_others_still_import(tmp_path, states, ward_files, capsys):
    bad = tmp_path / "bad.dtdesk.sqlite"
    bad.write_bytes(ward_files["HA-CATBI"].read_bytes()[:5000])
    ws_path = copy_ws(states["demo"], tmp_path / "ws.sqlite")
    assert main(["import", str(ws_path), str(bad), str(ward_files["HA-THANHTO"])]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Từ chối: Tệp «bad.dtdesk.sqlite»")
    assert out[1].startswith("Đã nhập «HA-THANHTO_2022-Q1_r2.dtdesk.sqlite»")
    assert out[-1] == "Tổng: 2 tệp: 1 đã nhập, 0 đã nhập trước đó, 1 bị từ chối."


def test_the_bytes_validated_are_the_bytes_hashed_and_kept(tmp_path, base_file):
    from hashlib import sha256

    from dtdesk.exchange.validate import Rejected, read_submission

    data = base_file.read_bytes()
    decoy = tmp_path / "decoy.dtdesk.sqlite"
    decoy.write_bytes(b"\x00" * 4096)  # what is on disk under that name is never opened when the bytes are given
    sub = read_submission(decoy, data)
    assert sub.original == data and sub.sha256 == sha256(data).hexdigest()
    with pytest.raises(Rejected):
        read_submission(base_file, data[:5000])
    assert not list(tmp_path.glob("*-journal")) and not list(base_file.parent.glob("*-journal"))


def test_a_folder_named_like_a_submission_is_refused_with_one_sentence(tmp_path):
    from dtdesk.exchange.validate import Rejected, read_submission

    folder = tmp_path / "x.dtdesk.sqlite"
    folder.mkdir()
    with pytest.raises(Rejected) as exc:
        read_submission(folder)
    assert one_sentence(str(exc.value))


def test_the_untrusted_connection_distrusts_the_schema_and_writes_nothing(ward_files):
    from dtdesk.exchange.validate import open_untrusted

    conn = open_untrusted(next(iter(ward_files.values())).read_bytes())
    try:
        flags = {p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("trusted_schema", "cell_size_check", "query_only")}
        assert flags == {"trusted_schema": 0, "cell_size_check": 1, "query_only": 1}
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE extra (x)")
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    finally:
        conn.close()
