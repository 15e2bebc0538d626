"""The completeness view shows every ward, who has submitted, and the online-dossier chart."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402

from dtdesk.core.formats import ratio  # noqa: E402
from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.importer import import_files  # noqa: E402
from dtdesk.gui.chart import EMPTY, LOCAL, SUBMITTED, Bar, RatioChart  # noqa: E402
from dtdesk.gui.exchange_status import CompletenessView  # noqa: E402
from dtdesk.gui.rows_model import Row, RowsModel  # noqa: E402
from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.jsonio import dump_document, load_document  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402


def test_rows_model_passes_the_model_tester(qtbot):
    model = RowsModel(["A", "B", "C"])
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([Row(["1", "x"]), Row(["2", "y", "z"], tooltip="t", cell_tooltip={2: "only z"})])
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.text(0, 2) == "" and model.data(model.index(1, 2)) == "z"
    assert model.data(model.index(1, 2), 3) == "only z" and model.data(model.index(1, 0), 3) == "t"
    model.set_rows([])
    assert model.rowCount() == 0
    del tester


def test_view_lists_wards_and_reloads_after_an_import(qtbot, tmp_path):
    with create_demo(tmp_path / "demo.sqlite") as demo:
        path = export_report(demo, "HA-CATBI", "2022-Q1", tmp_path).path
        doc = dump_document(demo, "HA", "2022-Q1")
    with Workspace.create(tmp_path / "d.sqlite") as ws:
        load_document(ws, doc)
        view = CompletenessView(ws, "2022-Q1")
        qtbot.addWidget(view)
        QAbstractItemModelTester(view.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        assert view.model.rowCount() == 8
        assert "hạn nộp 04/4/2022" in view.title.text()
        assert view.summary.text() == "0/8 đơn vị đã nộp, 0 nộp muộn, 8 chưa nộp."
        assert len(view.chart.bars) == 8 and {b.state for b in view.chart.bars} == {EMPTY}  # no ward figures yet
        import_files(ws, [path])
        view.reload()
        assert [view.model.text(0, c) for c in (0, 1, 2, 3)] == ["HA-CATBI", "Phường Cát Bi", "Đã nộp", "r2"]
        assert view.model.text(0, 6) == "0"
        assert view.summary.text() == "1/8 đơn vị đã nộp, 1 nộp muộn, 7 chưa nộp."
        bars = view.chart.bars
        assert len(bars) == 8
        assert bars[0] == Bar("Cát Bi", pytest.approx(92 * 100 / 120), "76,7%", SUBMITTED, bars[0].tooltip)
        assert bars[0].text == ratio(92 * 100 / 120) + "%"
        assert [b.state for b in bars[1:]] == [EMPTY] * 7 and {b.text for b in bars[1:]} == {"—"}
        view.set_period("2022-Q9")
        assert view.model.rowCount() == 0 and "2022-Q9" in view.title.text() and view.chart.bars == []


def test_who_has_sent_is_listed_first(qtbot, tmp_path):
    """Among many subunits the few files received are what the officer looks for: they head the table and chart."""
    with create_demo(tmp_path / "demo.sqlite") as demo:
        last = demo.hierarchy().subunits("HA")[-1]
        path = export_report(demo, last.code, "2022-Q1", tmp_path).path
        doc = dump_document(demo, "HA", "2022-Q1")
    with Workspace.create(tmp_path / "d.sqlite") as ws:
        load_document(ws, doc)
        import_files(ws, [path])
        view = CompletenessView(ws, "2022-Q1")
        qtbot.addWidget(view)
        assert view.model.rowCount() == 8
        assert [view.model.text(0, c) for c in (0, 2)] == [last.code, "Đã nộp"]
        assert view.model.text(1, 2) == "Chưa nộp"
        assert view.chart.bars[0].state == SUBMITTED and view.chart.bars[0].label == last.short


def test_chart_greys_wards_whose_figures_are_only_local(qtbot, demo_path):
    with Workspace.open(demo_path) as ws:  # the demo holds every ward's figures, none sent as a file
        view = CompletenessView(ws, "2022-Q1")
        qtbot.addWidget(view)
        assert view.model.rowCount() == 8
        assert [b.state for b in view.chart.bars] == [LOCAL] * 8
        assert [b.text for b in view.chart.bars][:2] == ["76,7%", "78,6%"]


def test_chart_paints_bars(qtbot):
    chart = RatioChart()
    qtbot.addWidget(chart)
    chart.set_bars([Bar("Cát Bi", 76.6, "76,6%"), Bar("Nam Hải", 40.0, "40%", LOCAL), Bar("Tràng Cát", None, "—",
                                                                                           EMPTY)])
    chart.resize(400, chart.sizeHint().height())
    image = chart.grab().toImage()
    label_w, bar_w, _ = chart._columns()
    y = 2 + 22 // 2
    filled = image.pixelColor(label_w + int(bar_w * 0.5), y)
    empty = image.pixelColor(label_w + int(bar_w * 0.9), y)
    assert filled.name() == "#2f6fb3"  # the submitted bar reaches past half …
    assert empty.name() == "#eef0f3"  # … and not to 90 %
    assert image.pixelColor(label_w + int(bar_w * 0.2), y + 2 * 22).name() == "#eef0f3"  # no bar without a figure
    assert chart.bar_at(y + 22) == 1 and chart.bar_at(-50) == -1
