"""A small horizontal bar chart painted with QPainter: one bar per unit, 0–100 %.

``RatioChart.set_bars([Bar(label, value, text, state), …])``; ``state`` is
``SUBMITTED`` (coloured bar), ``LOCAL`` (figures exist here but the unit has
not sent its file: grey bar) or ``EMPTY`` (no figure: no bar, "—"). No QtCharts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SUBMITTED = "submitted"
LOCAL = "local"
EMPTY = "empty"

BAR_COLOURS = {SUBMITTED: QColor("#2f6fb3"), LOCAL: QColor("#b9bec6")}
TRACK = QColor("#eef0f3")
ROW = 22
GAP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # 0–100
    text: str  # "76,7%" or "—"
    state: str = SUBMITTED
    tooltip: str = ""


class RatioChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.bars)) * ROW + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- geometry shared by painting and tooltips -----------------------------------------------
    def _columns(self) -> tuple[int, int, int]:
        metrics = QFontMetrics(self.font())
        label_w = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + GAP
        value_w = metrics.horizontalAdvance("100%") + GAP
        bar_w = max(20, self.width() - label_w - value_w - 4)
        return label_w, bar_w, value_w

    def bar_at(self, y: float) -> int:
        row = int((y - 2) // ROW)
        return row if 0 <= row < len(self.bars) else -1

    def event(self, event):
        if event.type() == event.Type.ToolTip:
            row = self.bar_at(event.pos().y())
            if row >= 0:
                bar = self.bars[row]
                QToolTip.showText(event.globalPos(), bar.tooltip or f"{bar.label}: {bar.text}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor("#5f6670")  # not sent yet: readable, but quieter than a submitted unit
        label_w, bar_w, value_w = self._columns()
        for i, bar in enumerate(self.bars):
            top = 2 + i * ROW
            painter.setPen(text)  # the unit's name always reads plainly
            painter.drawText(QRectF(0, top, label_w - GAP, ROW), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, bar.label)
            track = QRectF(label_w, top + 4, bar_w, ROW - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, 2, 2)
            if bar.state != EMPTY and bar.value is not None:
                share = min(max(bar.value, 0.0), 100.0) / 100.0
                painter.setBrush(BAR_COLOURS.get(bar.state, BAR_COLOURS[LOCAL]))
                painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share, track.height()),
                                        2, 2)
            painter.setPen(text if bar.state == SUBMITTED else muted)
            painter.drawText(QRectF(label_w + bar_w + GAP / 2, top, value_w, ROW),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, bar.text)
        painter.end()
