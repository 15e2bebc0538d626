"""With English chosen, the import window words every refusal of the hostile corpus in English."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from dtdesk.exchange.importer import ImportContext, plan_file  # noqa: E402
from dtdesk.gui import i18n  # noqa: E402
from dtdesk.gui.import_rows import file_row  # noqa: E402
from tests.english import vietnamese_left  # noqa: E402
from tests.exchange.conftest import copy_ws, open_ws  # noqa: E402
from tests.exchange.hostile_files import CASES  # noqa: E402


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def test_every_refusal_of_the_corpus_is_said_in_english(english, corpus, states, tmp_path):
    said = {}
    for state in ("demo", "imported", "newer"):
        with open_ws(copy_ws(states[state], tmp_path / f"{state}.sqlite")) as ws:
            ctx = ImportContext(ws)
            for name, (case_state, _expect, _maker) in CASES.items():
                if case_state == state:
                    said[name] = file_row(plan_file(ws, ctx, corpus[name])).tooltip
    assert len(said) == len(CASES)
    left = {name: (sentence, vietnamese_left(sentence)) for name, sentence in said.items() if vietnamese_left(sentence)}
    assert left == {}
    assert all(sentence and sentence[0].isupper() or sentence.startswith("«") for sentence in said.values())
