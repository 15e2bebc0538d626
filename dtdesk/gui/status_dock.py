"""View → "Tình hình nộp báo cáo": a dock with the completeness of the open report's period.

The dock is built the first time it is asked for (its view's module, with the
chart and the exchange's status, is imported then) and follows the open report
(its workspace and period); with no report open it hides until one is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from dtdesk.gui import i18n
from dtdesk.gui.i18n import bind
from dtdesk.gui.window_part import WindowPart

if TYPE_CHECKING:
    from dtdesk.gui.exchange_status import CompletenessView


class StatusDock(WindowPart):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dock: QDockWidget | None = None
        self.action = self.actions["actionCompleteness"]
        self.action.toggled.connect(self._toggled)

    def view(self) -> CompletenessView | None:
        return self.dock.widget() if self.dock is not None else None

    def chosen_unit(self) -> str | None:
        """The subunit selected in the completeness view, if it is shown."""
        view = self.view()
        return view.chosen_unit() if view is not None and self.dock.isVisible() else None

    def update_actions(self) -> None:
        """Enabled with an open report; the dock shows that report's period while the action is checked."""
        self.action.setEnabled(self.controller is not None)
        if self.dock is None:
            return
        if self.controller is None:
            self.dock.hide()  # no period to show; comes back with the next report if still checked
        elif self.action.isChecked():
            self.reload()
            self.dock.show()

    def reload(self) -> None:
        """Read the completeness again (after an import, or for another workspace or period)."""
        view = self.view()
        if view is not None and self.controller is not None:
            view.ws = self.ws
            view.set_period(self.controller.data.info.period)

    def _toggled(self, visible: bool) -> None:
        if not visible:
            if self.dock is not None:
                self.dock.hide()
            return
        if self.controller is None:
            self.action.setChecked(False)
            return
        if self.dock is None:
            self._build()
        else:
            self.reload()
        self.dock.show()
        self.dock.raise_()

    def _build(self) -> None:
        from dtdesk.gui.exchange_status import CompletenessView

        dock = QDockWidget(self.window)
        dock.setObjectName("statusDock")
        bind(dock, "windowTitle", "Tình hình nộp báo cáo")
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        view = CompletenessView(self.ws, self.controller.data.info.period)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # accept, return
        view.table.addActions([self.actions["actionAcceptReport"], self.actions["actionReturnReport"]])
        dock.setWidget(view)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)
        dock.visibilityChanged.connect(self._visibility_changed)
        self.dock = dock

    def _visibility_changed(self, visible: bool) -> None:
        """The dock's own close button unchecks the action (hiding for want of a report does not)."""
        if not visible and self.controller is not None and self.dock.isHidden():
            self.action.setChecked(False)

    def retranslate(self) -> None:
        if self.dock is not None:
            i18n.retranslate(self.dock)
            self.view().retranslate()
