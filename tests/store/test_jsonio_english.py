"""With English chosen, ``dtdesk load`` says why every bad document of the hostile corpus is refused in English."""

from __future__ import annotations

import json

import pytest

from dtdesk.cli import main, registry
from tests.english import vietnamese_left
from tests.test_cli_hostile import DOCUMENTS


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(registry, "LANGUAGE", "en")  # what LANG=en_US.UTF-8 chooses at start


def _refusals(folder, capsys) -> dict[str, str]:
    said = {}
    for name, doc in DOCUMENTS.items():
        path = folder / "doc.json"
        if isinstance(doc, tuple):
            path.write_bytes(doc[1] if isinstance(doc[1], bytes) else doc[1].encode("utf-8"))
        else:
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert main(["load", str(folder / "new.sqlite"), str(path)]) == 2, name
        said[name] = capsys.readouterr().err
    return said


def test_every_refusal_of_a_document_is_said_in_english(english, tmp_path, capsys):
    said = _refusals(tmp_path, capsys)
    left = {name: sentence for name, sentence in said.items() if vietnamese_left(sentence)}
    assert left == {}
    assert all(s.startswith("dtdesk: ") and s.count("\n") == 1 for s in said.values())
    assert said["nan"] == "dtdesk: Could not read the JSON file «doc.json»: «NaN» is not a number.\n"
    assert said["status-1"] == ("dtdesk: The JSON file could not be loaded: the status «deleted» is not draft, sent, "
                                "accepted or returned; nothing was loaded.\n")
    assert not (tmp_path / "new.sqlite").exists()  # refused before a workspace was made for it


def test_the_same_refusals_are_vietnamese_by_default(tmp_path, capsys):
    said = _refusals(tmp_path, capsys)
    assert said["status-1"] == ("dtdesk: Tệp JSON không nạp được: trạng thái «deleted» không phải là nháp, đã gửi, "
                                "đã tiếp nhận hay trả lại; chưa nạp gì.\n")
    assert said["cut"].startswith("dtdesk: Tệp «doc.json» không phải là JSON đúng cú pháp (dòng 1")
