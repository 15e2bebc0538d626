"""The completeness view: who has submitted a period's report, when, on time, with how many errors.

Self-contained: ``CompletenessView(ws, period, parent=None)`` is a ``QWidget``
(put it in a dock, a tab or a dialog); call ``reload()`` after an import, or
``set_period(code)``. The data comes from
:func:`dtdesk.exchange.status.completeness`, the same as ``dtdesk status``.
Below the table, a bar chart shows one key ratio per unit: the share of
dossiers received that were handled online (section 3.1), from each unit's own
figures; a unit that has not sent its file is drawn grey (figures keyed or
loaded here) or empty (no figures).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget

from dtdesk.core.formats import date_short, ratio
from dtdesk.core.periods import parse_period
from dtdesk.exchange.status import Completeness, UnitStatus, completeness, shown_moment
from dtdesk.gui.chart import EMPTY, LOCAL, SUBMITTED, Bar, RatioChart
from dtdesk.gui.i18n import N_, said, tr
from dtdesk.gui.rows_model import Row, RowsModel, table_defaults
from dtdesk.store.status import ACCEPTED, RETURNED
from dtdesk.store.workspace import Workspace, WorkspaceError

LATE = QColor("#fff1c2")
MISSING = QColor("#fde2e1")
DONE = QColor("#e3f4e1")


class CompletenessView(QWidget):
    COLUMNS = (N_("Mã"), N_("Đơn vị"), N_("Tình trạng"), N_("Lần nộp"), N_("Xuất lúc"), N_("Thời hạn"), N_("Lỗi"))

    def __init__(self, ws: Workspace, period: str, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.period = period
        self.data: Completeness | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.model = RowsModel(self.COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        table_defaults(self.table)
        header = self.table.horizontalHeader()  # fit the dock: the state column gives way (full text in its tooltip)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setColumnHidden(0, True)  # the code is in the tooltip; the name is what clerks know
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 4, 0, 0)
        self.chart_title = QLabel()
        self.chart_title.setWordWrap(True)
        chart_layout.addWidget(self.chart_title)
        self.chart = RatioChart()
        chart_scroll = QScrollArea()  # a province's hundred communes scroll instead of stretching the window
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chart_scroll.setWidget(self.chart)
        chart_layout.addWidget(chart_scroll, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(mid);")
        chart_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 1)
        layout.addWidget(splitter, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.reload()

    def chosen_unit(self) -> str | None:
        """The code of the unit whose row is selected."""
        row = self.table.currentIndex().row()
        return self.model.row(row).payload if 0 <= row < self.model.rowCount() else None

    def set_period(self, period: str) -> None:
        self.period = period
        self.reload()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.reload()

    @staticmethod
    def _state(r: UnitStatus) -> str:
        if r.submitted and r.state is not None and r.state.status == ACCEPTED:
            return tr("Đã tiếp nhận lần nộp r{revision}", revision=r.state.revision)
        if r.submitted and r.state is not None and r.state.status == RETURNED:
            return tr("Đã trả lại lần nộp r{revision}, chờ lần nộp mới", revision=r.state.revision)
        if r.submitted:
            return tr("Đã nộp")
        if r.keyed:
            return tr("Chưa nộp tệp (nhập tay từ bản giấy)")
        if r.workbook:
            return tr("Chưa nộp tệp (nhập từ biểu Excel)")
        if r.has_values:
            return tr("Chưa nộp tệp (đã có số liệu)")
        return tr("Chưa nộp")

    def reload(self) -> None:
        self.legend.setText(tr("Thanh màu xanh: đơn vị đã nộp tệp. Thanh xám: số liệu có sẵn tại đây, đơn vị chưa "
                               "nộp tệp. «—»: chưa có số liệu."))
        try:
            self.data = completeness(self.ws, self.period)
        except WorkspaceError as exc:
            self.data = None
            self.title.setText(said(exc))
            self.model.set_rows([])
            self.chart.set_bars([])
            self.summary.setText("")
            return
        c = self.data
        self.chart_title.setText(tr("{label} của từng đơn vị", label=c.key_ratio_label))
        self.title.setText(tr("Tình hình nộp báo cáo kỳ {period} của {unit} (hạn nộp {deadline})",
                              period=parse_period(c.period).label, unit=c.unit.name, deadline=date_short(c.deadline)))
        rows = []
        bars = []
        # Who has sent comes first: among a province's 114 communes the one file received is what the officer
        # looks for; the rest keep the hierarchy's order.
        for r in sorted(c.rows, key=lambda r: (not r.submitted, not r.has_values)):
            timing = ""
            if r.submitted:
                timing = tr("Đúng hạn") if r.on_time else (tr("Nộp muộn") if r.on_time is False else "")
            cells = [r.unit.code, r.unit.name, self._state(r), f"r{r.revision}" if r.submitted else "",
                     shown_moment(r.exported_at) if r.exported_at else "", timing,
                     "" if r.errors is None else str(r.errors)]
            colour = MISSING if not r.submitted else (LATE if r.on_time is False else DONE)
            rows.append(Row(cells, background=colour, tooltip=f"{r.unit.name} ({r.unit.code})",
                            cell_tooltip={2: cells[2]}, payload=r.unit.code))
            bars.append(self._bar(r))
        self.model.set_rows(rows)
        self.chart.set_bars(bars)
        missing = len(c.rows) - c.submitted
        self.summary.setText(tr("{done}/{total} đơn vị đã nộp, {late} nộp muộn, {missing} chưa nộp.",
                                done=c.submitted, total=len(c.rows), late=c.late, missing=missing))

    def _bar(self, r: UnitStatus) -> Bar:
        label = r.unit.short or r.unit.name
        if r.key_ratio is None:
            return Bar(label, None, "—", EMPTY, tr("{unit}: chưa có số liệu.", unit=r.unit.name))
        text = ratio(r.key_ratio) + "%"
        state = SUBMITTED if r.submitted else LOCAL
        tip = tr("{unit}: {ratio} hồ sơ giải quyết trực tuyến", unit=r.unit.name, ratio=text)
        if not r.submitted:
            tip += " " + tr("(số liệu có sẵn tại đây, đơn vị chưa nộp tệp)")
        return Bar(label, r.key_ratio, text, state, tip)
