"""The main window: the open workspace and report, the section forms, and the parts around them.

The window itself comes from ``ui/main_window.ui``. This class owns the open
workspace, the report's :class:`~dtdesk.gui.controller.Controller` and the
forms; the outline, the problems panel and each group of actions (printing,
submissions, backups, the completeness dock, recent files) are parts of their
own, told what is open through ``report_changed`` and heard through their
signals.

Start-up: the window paints before the rules run (the form is what the clerk
waits for); each section's form is built when first shown, and ReportLab
loads with the first preview or print. ``benchmarks/bench_launch.py``
measures the launch.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from dtdesk.gui import i18n
from dtdesk.gui.backup_actions import BackupActions
from dtdesk.gui.controller import Controller
from dtdesk.gui.damaged import offer_restore
from dtdesk.gui.exchange_actions import ExchangeActions
from dtdesk.gui.file_actions import FileActions
from dtdesk.gui.form_stack import FormStack
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.messages import warn
from dtdesk.gui.next_period import NextPeriodActions
from dtdesk.gui.outline_panel import OutlinePanel
from dtdesk.gui.page import Page
from dtdesk.gui.print_actions import PrintActions
from dtdesk.gui.sign_pdf import SignActions
from dtdesk.gui.problems_panel import ProblemsPanel
from dtdesk.gui.report_cycle import ReportCycle
from dtdesk.gui.report_status import ReportStatus
from dtdesk.gui.start_page import StartPage
from dtdesk.gui.status_dock import StatusDock
from dtdesk.gui.unit_actions import UnitActions
from dtdesk.gui.uiload import load_form
from dtdesk.store.reports import resolve
from dtdesk.store.session import ReportSession
from dtdesk.store.workspace import DamagedWorkspace, Workspace, WorkspaceError

class MainWindow(QObject):
    """Controller of the main window loaded from the .ui file (``self.window``)."""

    report_loaded = Signal()
    report_changed = Signal(object, object)  # the open Workspace and Controller (either may be None)

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        window, named = load_form("main_window.ui")
        self.window: QMainWindow = window
        self.problems_panel = named["problemsPanel"]
        self.actions = {k: v for k, v in named.items() if isinstance(v, QAction)}
        self.menus = {k: v for k, v in named.items() if isinstance(v, QMenu)}
        self.ws: Workspace | None = None
        self.controller: Controller | None = None
        self._painted = False  # the window has painted once: the rules may run (see _schedule_checks)
        self.checks_pending = False
        self.forms = FormStack(named["stack"], named["emptyPage"], self)
        self.report_status = ReportStatus(self.window, named["centralLayout"], self)
        self.outline = OutlinePanel(named["outline"], self)
        self.problems = ProblemsPanel(named["problemsList"], named["problemsTitle"], self)
        parts = (self.window, self.actions, self.flush)
        self.printing = PrintActions(*parts, parent=self)
        self.exchange = ExchangeActions(*parts, self.settings, parent=self)
        self.backups = BackupActions(*parts, parent=self)
        self.status_dock = StatusDock(*parts, parent=self)
        self.files = FileActions(*parts, self.settings, self.menus, parent=self)
        self.signing = SignActions(*parts, parent=self)
        self.next_period = NextPeriodActions(*parts, parent=self)
        self.cycle = ReportCycle(*parts, self.settings, self.status_dock.chosen_unit, parent=self)
        self.units = UnitActions(*parts, parent=self)
        self.start_page = StartPage(*parts, named, parent=self)
        self._build(named)
        self._connect()
        self.report_changed.emit(None, None)

    # -- building --------------------------------------------------------------------
    def _build(self, named: dict) -> None:
        self.window.resize(1280, 720)
        named["splitter"].setSizes([340, 940])
        named["splitter"].setStretchFactor(1, 1)
        named["mainSplitter"].setSizes([600, 120])
        named["mainSplitter"].setStretchFactor(0, 1)

    def _connect(self) -> None:
        a = self.actions
        a["actionQuit"].triggered.connect(self.window.close)
        a["actionProblems"].toggled.connect(self.problems_panel.setVisible)
        group = QActionGroup(self)
        for name, code in (("actionVietnamese", "vi"), ("actionEnglish", "en")):
            group.addAction(a[name])
            a[name].setChecked(i18n.language() == code)
            a[name].triggered.connect(lambda _=False, c=code: self.set_language(c))
        for part in (self.report_status, self.files, self.printing, self.exchange, self.backups, self.status_dock,
                     self.next_period, self.cycle, self.units, self.start_page):
            self.report_changed.connect(part.set_report)
        self.files.open_requested.connect(self.open_workspace)
        self.start_page.open_requested.connect(self.open_workspace)
        self.units.units_changed.connect(self._imported)
        self.files.report_created.connect(self.load_report)
        self.next_period.report_created.connect(self.load_report)
        self.outline.section_chosen.connect(self.forms.show_section)
        self.problems.chosen.connect(self.jump_to)
        self.exchange.imported.connect(self._imported)
        for changed in (self.exchange.sent, self.exchange.replied, self.cycle.status_changed):
            changed.connect(self._status_changed)
        self.report_status.reopen_requested.connect(self.cycle.reopen)
        self.backups.restored.connect(self._restored)
        self.window.installEventFilter(self)

    # -- workspace and report ----------------------------------------------------------
    def open_workspace(self, path: str | os.PathLike, unit: str | None = None, period: str | None = None,
                       section: str = "header") -> bool:
        """Open a workspace on a report; the file already open here stays as it is."""
        path = Path(path)
        if self.ws is not None and path.resolve() == Path(self.ws.path).resolve():
            self.window.statusBar().showMessage(tr("Tệp «{name}» đang mở trong cửa sổ này.", name=path.name), 8000)
            return True
        try:
            ws = Workspace.open(path)
        except DamagedWorkspace as exc:
            if not offer_restore(self.window, exc):
                return False
            return self.open_workspace(path, unit, period, section)  # restored from a backup that checked out
        except WorkspaceError as exc:
            warn(self.window, said(exc))
            return False
        self.close_workspace()
        self.ws = ws
        self.files.recent.remember(path)
        if ws.backup_error and not ws.read_only:  # a read-only window says why in its banner, for as long as it lasts
            warn(self.window, tr("Không tạo được bản sao lưu tự động hôm nay: {reason}", reason=ws.backup_error))
        try:
            info = resolve(ws, unit, period)
        except WorkspaceError as exc:  # no report yet: the empty page says what to do
            self.window.statusBar().showMessage(said(exc), 10000)
            self._show_empty()
            if ws.reports():  # the report asked for is gone: the workspace's reports, to pick one
                QTimer.singleShot(0, self.files.choose_report)
            return True
        self.load_report(info, section)
        return True

    def close_workspace(self) -> None:
        self.flush()
        self._clear_pages()
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        self.report_changed.emit(None, None)

    def _clear_pages(self) -> None:
        """The old report's forms, outline and problems go, and its controller with them."""
        if self.controller is not None:
            self.controller.deleteLater()
            self.controller = None
        self.forms.set_controller(None)
        self.outline.clear()
        self.problems.show_problems(None)

    def _show_empty(self) -> None:
        self._clear_pages()
        self.report_changed.emit(self.ws, None)

    def load_report(self, info, section: str = "header") -> None:
        self.flush()
        self._clear_pages()
        controller = Controller(ReportSession(self.ws, info), self)
        self.controller = controller
        controller.changed.connect(self._changed)
        controller.saved.connect(self.report_status.saved)
        controller.refused.connect(self._refused)
        controller.focus_requested.connect(self.jump_to)  # a form's link to where a value is typed
        self.forms.set_controller(controller)
        self.outline.build(controller.data)
        self.report_changed.emit(self.ws, controller)
        self._schedule_checks()
        if not self.select_section(section):
            self.select_section("header")
        self.report_loaded.emit()

    # -- sections ------------------------------------------------------------------------
    @property
    def pages(self) -> dict[str, Page]:
        return self.forms.pages

    def page(self, section_id: str) -> Page | None:
        return self.forms.page(section_id)

    def select_section(self, section_id: str) -> bool:
        return self.outline.select(section_id)

    def jump_to(self, problem) -> None:
        if self.select_section(problem.section):
            self.page(problem.section).focus_problem(problem)

    # -- rules ---------------------------------------------------------------------------
    def _schedule_checks(self) -> None:
        """Run the rules now, or just after the window first paints: at start-up the form comes first."""
        self.checks_pending = True
        if self._painted:
            self._run_checks()

    def _run_checks(self) -> None:
        if self.checks_pending and self.controller is not None:
            self.checks_pending = False
            problems = self.controller.problems()
            self.problems.show_problems(problems)
            self.outline.mark(problems)

    # -- edits ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit what the clerk is typing in the current form."""
        self.forms.flush()

    def undo(self) -> None:
        self.files.undo()

    def _changed(self) -> None:
        self.forms.refresh()
        self._schedule_checks()

    def _refused(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _imported(self, _count: int = 0) -> None:
        """Files were imported or units merged: the open report and the completeness view read the store again."""
        if self.controller is not None:
            self.controller.reload()  # pages, problems and outline marks follow through ``changed``
        self.status_dock.reload()

    def _status_changed(self) -> None:
        """The open report was sent, reopened or answered, or a subunit's was: its forms lock or unlock."""
        if self.controller is not None:
            self.flush()
            self.controller.status_changed()
            self.load_report(self.controller.data.info, self.outline.current_section() or "header")
        self.status_dock.reload()

    def _restored(self) -> None:
        """The file was replaced by a backup: open it afresh on the same report and section."""
        path, info = self.ws.path, self.controller.data.info if self.controller is not None else None
        section = self.outline.current_section() or "header"
        self.close_workspace()
        self.open_workspace(path, info.unit if info else None, info.period if info else None, section)
        self.window.statusBar().showMessage(tr("Đã khôi phục bản sao lưu."), 10000)

    # -- language and window events ----------------------------------------------------------
    def set_language(self, code: str) -> None:
        i18n.set_language(code)
        self.settings.setValue("language", code)
        self.actions["actionVietnamese"].setChecked(code == "vi")
        self.actions["actionEnglish"].setChecked(code == "en")
        i18n.retranslate(self.window)
        self.forms.retranslate()
        if self.controller is not None:
            self.outline.build(self.controller.data)
            self._schedule_checks()
        self.problems.retranslate()
        self.report_status.show()
        self.printing.retranslate()
        self.status_dock.retranslate()
        self.start_page.retranslate()

    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._run_checks)
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.settings.setValue("geometry", self.window.saveGeometry())
            self.close_workspace()
        return False

    def show(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
            self.window.show()
            return
        # showMaximized() alone is a no-op without a window manager; fill the screen ourselves.
        screen = self.window.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.window.setGeometry(screen.availableGeometry())
        self.window.showMaximized()
