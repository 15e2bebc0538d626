"""The main window: outline, the section's form, problems, menus, status bar.

The window itself comes from ``ui/main_window.ui``; this class wires its
signals to the :class:`~dtdesk.gui.controller.Controller` of the open report.

Nothing before the first paint names PySide6's ``Qt`` namespace: PySide6
builds it whole, about a hundred Python enums (some 45 ms), on first use. The
code that needs it imports ``Qt`` where it runs, after the window is on screen
(problem marks, the outline's headings, extra shortcuts); roles are plain ints.
tests/gui/test_app.py checks it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import (QApplication, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMenu, QStackedWidget,
                               QTreeWidget, QTreeWidgetItem, QWidget)

from dtdesk.core.formats import os_reason
from dtdesk.gui import i18n
from dtdesk.gui.controller import Controller
from dtdesk.gui.forms import HeaderPage, Page, make_page, section_label
from dtdesk.gui.i18n import bind, tr
from dtdesk.gui.uiload import load_form, load_ui
from dtdesk.store.workspace import Workspace, WorkspaceError

RECENT_MAX = 8
SECTION_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: the section id of an outline item
MARK_ROLE = SECTION_ROLE + 1  # "error", "warning" or "": its problem mark (for tests and screen readers)


class MainWindow(QObject):
    """Controller of the main window loaded from the .ui file (``self.window``)."""

    report_loaded = Signal()
    preview_ready = Signal()

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        window, named = load_form("main_window.ui")
        self.window: QMainWindow = window
        self.outline: QTreeWidget = named["outline"]
        self.stack: QStackedWidget = named["stack"]
        self.problems_list: QListWidget = named["problemsList"]
        self.problems_panel: QWidget = named["problemsPanel"]
        self.problems_title: QLabel = named["problemsTitle"]
        self.actions: dict[str, QAction] = {k: v for k, v in named.items() if isinstance(v, QAction)}
        self.menus: dict[str, QMenu] = {k: v for k, v in named.items() if isinstance(v, QMenu)}
        self.ws: Workspace | None = None
        self.controller: Controller | None = None
        self.pages: dict[str, Page] = {}
        self._dirty: set[str] = set()
        self._problems = []
        self.preview = None
        self._jobs = []
        self._after_render = None
        self._painted = False  # the window has painted once: rules may run (see _schedule_checks)
        self.checks_pending = False
        self._build_status()
        self._build_empty_page()
        self._connect()
        self.window.installEventFilter(self)
        self.window.resize(1280, 720)
        splitter = named["splitter"]
        splitter.setSizes([340, 940])
        splitter.setStretchFactor(1, 1)
        main_splitter = named["mainSplitter"]
        main_splitter.setSizes([600, 120])
        main_splitter.setStretchFactor(0, 1)

    # -- building --------------------------------------------------------------------
    def _build_status(self) -> None:
        bar = self.window.statusBar()
        self.unit_label = QLabel()
        self.period_label = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        for label in (self.unit_label, self.period_label, self.saved_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def _build_empty_page(self) -> None:
        self.empty = QLabel()
        self.empty.setProperty("alignment", "AlignCenter")  # by name: see the module's docstring
        self.empty.setWordWrap(True)
        bind(self.empty, "text", "Chưa mở báo cáo nào. Chọn Tệp → Báo cáo mới… hoặc Tệp → Mở tệp dữ liệu….")
        self.stack.addWidget(self.empty)

    def _connect(self) -> None:
        a = self.actions
        a["actionNewReport"].triggered.connect(self.new_report)
        a["actionOpen"].triggered.connect(self.choose_workspace)
        a["actionPreview"].triggered.connect(self.show_preview)
        a["actionPrint"].triggered.connect(self.print_report)
        a["actionExportPdf"].triggered.connect(self.export_pdf)
        a["actionQuit"].triggered.connect(self.window.close)
        a["actionUndo"].triggered.connect(self.undo)
        a["actionRedo"].triggered.connect(self.redo)
        for name in ("actionUndo", "actionRedo", "actionPreview", "actionPrint", "actionExportPdf"):
            a[name].setEnabled(False)
        a["actionExportSubmission"].triggered.connect(lambda: self.export_submission())
        a["actionExportSubmissionEml"].triggered.connect(lambda: self.export_submission(eml=True))
        a["actionImportSubmissions"].triggered.connect(lambda: self.import_submissions())
        a["actionBackup"].triggered.connect(self.backup)
        a["actionCompleteness"].toggled.connect(self.show_completeness)
        self.status_dock = None
        self._status_wanted = False
        self._update_exchange_actions()
        a["actionProblems"].toggled.connect(self.problems_panel.setVisible)
        group = QActionGroup(self)
        for name, code in (("actionVietnamese", "vi"), ("actionEnglish", "en")):
            group.addAction(a[name])
            a[name].setChecked(i18n.language() == code)
            a[name].triggered.connect(lambda _=False, c=code: self.set_language(c))
        self.menus["menuFile"].aboutToShow.connect(self._refresh_recent)
        self.outline.currentItemChanged.connect(self._outline_changed)
        self.problems_list.itemClicked.connect(self._problem_clicked)
        self.problems_list.itemActivated.connect(self._problem_clicked)

    # -- workspace and report ----------------------------------------------------------
    def open_workspace(self, path: str | os.PathLike, unit: str | None = None, period: str | None = None,
                       section: str = "header") -> bool:
        from dtdesk.store.reports import resolve

        try:
            ws = Workspace.open(Path(path))
        except WorkspaceError as exc:
            self._warn(str(exc))
            return False
        self.close_workspace()
        self.ws = ws
        self._remember(Path(path))
        self._update_exchange_actions()
        if ws.read_only:  # open in another window: say so once, then every edit is refused
            self._warn(ws.notice or tr("Tệp đang mở ở chế độ chỉ đọc."))
        elif ws.backup_error:
            self._warn(tr("Không tạo được bản sao lưu tự động hôm nay: {reason}", reason=ws.backup_error))
        try:
            info = resolve(ws, unit, period)
        except WorkspaceError as exc:
            self.window.statusBar().showMessage(str(exc), 10000)
            self._show_empty()
            return True
        self.load_report(info, section)
        return True

    def close_workspace(self) -> None:
        self.flush()
        self._clear_pages()
        self.controller = None
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        self._update_exchange_actions()

    def _clear_pages(self) -> None:
        if not shiboken6.isValid(self.stack):
            self.pages.clear()
            return
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.outline.clear()
        self.problems_list.clear()

    def _show_empty(self) -> None:
        self._clear_pages()
        self.stack.setCurrentWidget(self.empty)
        self._update_title()

    def load_report(self, info, section: str = "header") -> None:
        from dtdesk.store.session import ReportSession

        self.flush()
        self._clear_pages()
        session = ReportSession(self.ws, info)
        controller = Controller(session, self)
        self.controller = controller
        controller.changed.connect(self._changed)
        controller.saved.connect(self._saved)
        controller.refused.connect(self._refused)
        stack = controller.undo_stack
        stack.canUndoChanged.connect(self.actions["actionUndo"].setEnabled)
        stack.canRedoChanged.connect(self.actions["actionRedo"].setEnabled)
        self.actions["actionUndo"].setEnabled(False)
        self.actions["actionRedo"].setEnabled(False)
        for name in ("actionPreview", "actionPrint", "actionExportPdf"):
            self.actions[name].setEnabled(True)
        self._build_outline()
        self._schedule_checks()
        self._update_title()
        self.saved_label.setText(tr("Đã lưu"))
        if not self.select_section(section):
            self.select_section("header")
        self._update_exchange_actions()
        self.report_loaded.emit()

    def page(self, section_id: str) -> Page | None:
        """The form of a section, built the first time it is shown (keeps startup lean)."""
        page = self.pages.get(section_id)
        if page is None and self.controller is not None:
            if section_id == "header":
                page = HeaderPage(self.controller, load_ui("header_form.ui"))
            else:
                try:
                    page = make_page(self.controller, self.controller.session.template.section(section_id))
                except KeyError:
                    page = None
            if page is not None:
                self._add_page(section_id, page)
                if i18n.language() != "vi":
                    i18n.retranslate(page)
                    page.retranslate()
        return page

    def _add_page(self, section_id: str, page: Page) -> None:
        page.setObjectName(f"page_{section_id}")
        self.pages[section_id] = page
        self.stack.addWidget(page)

    def _build_outline(self) -> None:
        data = self.controller.data
        self.outline.clear()
        bold = QFont(self.outline.font())
        bold.setBold(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._open_headings: list[QTreeWidgetItem] = []  # selectable until the marks come, after the paint
        header = QTreeWidgetItem([tr("Phần đầu")])
        header.setData(0, SECTION_ROLE, "header")
        self.outline.addTopLevelItem(header)
        self.items["header"] = header
        top = None  # "I. …" parts
        sub = None  # "3. …" headings inside a part
        for section in data.template.sections:
            if section.kind == "heading":
                item = QTreeWidgetItem([section_label(section, data)])
                item.setFont(0, bold)
                self._open_headings.append(item)
                if section.number and any(c.isdigit() for c in section.number) and top is not None:
                    top.addChild(item)
                    sub = item
                else:
                    self.outline.addTopLevelItem(item)
                    top, sub = item, None
                continue
            if section.kind not in ("text", "figures", "unit_table", "fixed_table"):
                continue
            label = section_label(section, data)
            if not section.printed:
                label += " " + tr("(không in)")
            item = QTreeWidgetItem([label])
            item.setData(0, SECTION_ROLE, section.id)
            item.setToolTip(0, label)
            # "3.2" (and an unnumbered section) sit under the current "3." heading; "1", "II" under the part
            parent = sub if sub is not None and (not section.number or "." in section.number) else top
            if parent is None:
                self.outline.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self.items[section.id] = item
        self.outline.expandAll()

    def _schedule_checks(self) -> None:
        """Run the rules (problems panel, outline marks) now, or just after the window first paints.

        At start-up the form is what the clerk waits for; the rules over the
        whole report come a moment later, once the window is on screen.
        """
        self.checks_pending = True
        if self._painted:
            self._run_checks()

    def _run_checks(self) -> None:
        if self.checks_pending and self.controller is not None:
            self.checks_pending = False
            self._refresh_problems()
            self._mark_outline()

    def _mark_outline(self) -> None:
        """Each section's problem mark; headings become unselectable (both need ``Qt``, so after the paint)."""
        from PySide6.QtCore import Qt

        for heading in self._open_headings:
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._open_headings.clear()
        error_icon, warning_icon = self._problem_icons()
        levels: dict[str, list] = {}
        for p in self.controller.problems():
            levels.setdefault(p.section, []).append(p)
        for section_id, item in self.items.items():
            found = levels.get(section_id, [])
            errors = sum(p.is_error for p in found)
            if errors:
                item.setIcon(0, error_icon)
            elif found:
                item.setIcon(0, warning_icon)
            else:
                item.setIcon(0, self._blank_icon())  # keeps titles aligned with marked ones
            item.setData(0, MARK_ROLE, "error" if errors else ("warning" if found else ""))
            tip = item.text(0)
            if found:
                tip += "\n" + tr("{errors} lỗi, {warnings} cảnh báo", errors=errors, warnings=len(found) - errors)
            item.setToolTip(0, tip)

    def _problem_icons(self):
        from PySide6.QtWidgets import QStyle

        style = self.window.style()
        return (style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))

    def _blank_icon(self):
        if not hasattr(self, "_blank"):
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QIcon, QPixmap

            pixmap = QPixmap(16, 16)
            pixmap.fill(Qt.GlobalColor.transparent)
            self._blank = QIcon(pixmap)
        return self._blank

    def _refresh_problems(self) -> None:
        self.problems_list.clear()
        error_icon, warning_icon = self._problem_icons()
        self._problems = list(self.controller.problems())
        for problem in self._problems:
            prefix = tr("Lỗi") if problem.is_error else tr("Cảnh báo")
            item = QListWidgetItem(error_icon if problem.is_error else warning_icon, f"{prefix}: {problem.message}")
            self.problems_list.addItem(item)
        errors = sum(p.is_error for p in self._problems)
        counts = tr("{errors} lỗi, {warnings} cảnh báo", errors=errors, warnings=len(self._problems) - errors)
        title = tr("Lỗi và cảnh báo") + (f" ({counts})" if self._problems else "")
        self.problems_title.setText(title)
        if not self._problems:
            from PySide6.QtCore import Qt

            item = QListWidgetItem(tr("Không có lỗi hay cảnh báo nào."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.problems_list.addItem(item)

    def _update_title(self) -> None:
        if self.controller is None:
            self.window.setWindowTitle(tr("Báo cáo chuyển đổi số"))
            self.unit_label.setText("")
            self.period_label.setText("")
            self.saved_label.setText("")
            return
        from dtdesk.core.periods import parse_period

        data = self.controller.data
        period = parse_period(data.info.period)
        self.unit_label.setText(tr("Đơn vị: {name}", name=data.unit.name))
        self.period_label.setText(tr("Kỳ báo cáo: {label}", label=period.label))
        name = Path(self.ws.path).name if self.ws else ""
        read_only = getattr(self.ws, "read_only", False)
        self.saved_label.setText(tr("Chỉ đọc") if read_only else self.saved_label.text())
        suffix = f" — {tr('Chỉ đọc')}" if read_only else ""
        self.window.setWindowTitle(f"{data.unit.name} — {period.label} — {name}{suffix}")

    # -- navigation ----------------------------------------------------------------------
    def select_section(self, section_id: str) -> bool:
        item = getattr(self, "items", {}).get(section_id)
        if item is None:
            return False
        self.outline.setCurrentItem(item)
        return True

    def current_page(self) -> Page | None:
        if not shiboken6.isValid(self.stack):
            return None
        page = self.stack.currentWidget()
        return page if isinstance(page, Page) else None

    def _outline_changed(self, current, previous) -> None:
        if current is None:
            return
        section_id = current.data(0, SECTION_ROLE)
        page = self.page(section_id) if section_id else None
        if page is None:
            return
        if (old := self.current_page()) is not None:
            old.flush()
        if section_id in self._dirty:
            self._dirty.discard(section_id)
            page.refresh()
        self.stack.setCurrentWidget(page)

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        row = self.problems_list.row(item)
        if 0 <= row < len(self._problems):
            self.jump_to(self._problems[row])

    def jump_to(self, problem) -> None:
        if self.select_section(problem.section):
            self.page(problem.section).focus_problem(problem)

    # -- edits -----------------------------------------------------------------------------
    def flush(self) -> None:
        page = self.current_page()
        if page is not None and self.controller is not None:
            page.flush()

    def undo(self) -> None:
        if self.controller is not None:
            self.flush()
            self.controller.undo_stack.undo()

    def redo(self) -> None:
        if self.controller is not None:
            self.controller.undo_stack.redo()

    def _changed(self) -> None:
        current = self.current_page()
        for section_id, page in self.pages.items():
            if page is current:
                page.refresh()
            else:
                self._dirty.add(section_id)
        self.checks_pending = True
        self._run_checks()

    def _saved(self, cell) -> None:
        self.saved_label.setText(tr("Đã lưu lúc {time}", time=dt.datetime.now().strftime("%H:%M:%S")))

    def _refused(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        page = self.current_page()
        if page is not None and page.isVisible():
            from PySide6.QtWidgets import QToolTip
            from PySide6.QtGui import QCursor

            QToolTip.showText(QCursor.pos(), message, page)

    # -- dialogs -----------------------------------------------------------------------------
    def _warn(self, message: str) -> None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            self.window.statusBar().showMessage(message, 10000)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, tr("Báo cáo chuyển đổi số"), message)

    def choose_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, tr("Mở tệp dữ liệu"), "",
                                              tr("Tệp dữ liệu dtdesk (*.sqlite);;Mọi tệp (*)"))
        if path:
            self.open_workspace(path)

    def _remember(self, path: Path) -> None:
        recent = [str(path.resolve())] + [p for p in self._recent() if p != str(path.resolve())]
        self.settings.setValue("recent", recent[:RECENT_MAX])

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def _refresh_recent(self) -> None:
        """Fill File → recent workspaces; run as the File menu opens, so always current and never at start-up."""
        menu = self.menus["menuRecent"]
        menu.clear()
        recent = self._recent()
        for i, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_workspace(p))
        menu.setEnabled(bool(recent))

    def new_report(self) -> None:
        if self.ws is None:
            self._warn(tr("Hãy mở một tệp dữ liệu trước."))
            return
        dialog = NewReportDialog(self.ws, self.window)
        if dialog.exec() and dialog.info is not None:
            self.load_report(dialog.info)

    # -- preview, print, PDF -------------------------------------------------------------------
    def _render(self, on_done) -> None:
        from dtdesk.gui.preview import render_async

        self.flush()
        document = self.controller.session.document()
        self.window.statusBar().showMessage(tr("Đang dựng bản in…"))
        self._jobs.append(render_async(document, lambda data: self._rendered(on_done, data), self._render_failed))

    def _rendered(self, on_done, data: bytes) -> None:
        self._jobs = [j for j in self._jobs if j is not None][-4:]
        self.window.statusBar().clearMessage()
        on_done(data)

    def _render_failed(self, message: str) -> None:
        self._warn(tr("Không dựng được bản in: {message}", message=message))

    def show_preview(self) -> None:
        if self.controller is None:
            return
        from dtdesk.gui.preview import PreviewDialog

        if self.preview is None:
            self.preview = PreviewDialog(self.window, tr, self._print_previewed, self._save_previewed)
            self.preview.ready.connect(self.preview_ready)
            geometry = self.window.geometry()
            self.preview.resize(min(900, geometry.width()), geometry.height())
        self.preview.setWindowTitle(tr("Xem trước khi in"))
        self.preview.show()
        self.preview.raise_()
        self._render(self.preview.show_pdf)

    def _print_previewed(self) -> None:
        """The preview's "In…": the pages already shown, not a second rendering."""
        if self.preview.pdf_bytes:
            self._print_bytes(self.preview.pdf_bytes)
        else:
            self.print_report()

    def _save_previewed(self) -> None:
        if not self.preview.pdf_bytes:
            self.export_pdf()
            return
        path = self._ask_pdf_path()
        if path:
            self._write_pdf(path, self.preview.pdf_bytes)

    def _ask_pdf_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        from dtdesk.gui.preview import safe_file_name

        data = self.controller.data
        suggested = safe_file_name(f"bao-cao-{data.unit.code}-{data.info.period}") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Lưu PDF"), suggested, tr("Tệp PDF (*.pdf)"))
        return path

    def print_report(self) -> None:
        if self.controller is None:
            return
        self._render(self._print_bytes)

    def _print_bytes(self, data: bytes) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QDialog

        from dtdesk.gui.preview import load_pdf, print_pdf, safe_file_name

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(safe_file_name(self.window.windowTitle()))
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(tr("In báo cáo"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_pdf(load_pdf(data), printer)
        self.window.statusBar().showMessage(tr("Đã gửi {n} trang tới máy in.", n=pages), 8000)

    def export_pdf(self, path: str | None = None) -> None:
        if self.controller is None:
            return
        path = path or self._ask_pdf_path()
        if not path:
            return
        self._render(lambda data, p=path: self._write_pdf(p, data))

    def _write_pdf(self, path: str, data: bytes) -> None:
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self._warn(tr("Không ghi được tệp «{path}»: {error}.", path=path, error=os_reason(exc)))
            return
        self.window.statusBar().showMessage(tr("Đã lưu PDF vào {path}", path=path), 8000)

    # -- submissions: export, import, completeness, backups -------------------------------------
    def _update_exchange_actions(self) -> None:
        """Import and backups need a workspace; export and the status dock need an open report (a period)."""
        a = self.actions
        if not shiboken6.isValid(self.window):  # closing after the window is gone
            return
        for name in ("actionImportSubmissions", "actionBackup"):
            a[name].setEnabled(self.ws is not None)
        for name in ("actionExportSubmission", "actionExportSubmissionEml", "actionCompleteness"):
            a[name].setEnabled(self.ws is not None and self.controller is not None)
        if self.status_dock is None or not shiboken6.isValid(self.status_dock):
            return
        if self.ws is None or self.controller is None:
            wanted = self._status_wanted
            self.status_dock.hide()  # no period to show; comes back with the next report
            self._status_wanted = wanted
        elif self._status_wanted:
            self.show_completeness(True)

    def _inform(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
        if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.window, tr("Báo cáo chuyển đổi số"), message)

    def export_submission(self, eml: bool = False) -> Path | None:
        """Write the open report as a submission file (and an .eml draft) into a folder the clerk picks."""
        if self.ws is None or self.controller is None:
            return None
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QFileDialog

        from dtdesk.exchange.export import export_report

        self.flush()
        start = str(self.settings.value("exportFolder", "") or "")
        folder = QFileDialog.getExistingDirectory(self.window, tr("Chọn thư mục để lưu tệp nộp"), start)
        if not folder:
            return None
        if not Path(folder).is_dir():
            self._warn(tr("Không có thư mục «{folder}» để ghi tệp nộp.", folder=folder))
            return None
        self.settings.setValue("exportFolder", folder)
        info = self.controller.data.info
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_report(self.ws, info.unit, info.period, Path(folder), eml=eml)
        except WorkspaceError as exc:
            QApplication.restoreOverrideCursor()
            self._warn(str(exc))
            return None
        except OSError as exc:  # the .eml draft could not be written (the submission file is)
            QApplication.restoreOverrideCursor()
            self._warn(tr("Không ghi được thư nháp: {error}.", error=os_reason(exc)))
            return None
        QApplication.restoreOverrideCursor()
        if result.eml is not None:
            message = tr("Đã xuất tệp nộp {name} (lần nộp r{revision}) và thư nháp {eml} vào thư mục {folder}.",
                         name=result.path.name, revision=result.revision, eml=result.eml.name, folder=folder)
        else:
            message = tr("Đã xuất tệp nộp {name} (lần nộp r{revision}) vào thư mục {folder}.",
                         name=result.path.name, revision=result.revision, folder=folder)
        self._inform(message)
        return result.path

    def import_submissions(self, paths: list[str] | None = None):
        """The import dialog on the open workspace; the report and the status dock are refreshed after imports."""
        if self.ws is None:
            return None
        from dtdesk.gui.exchange_import import ImportDialog

        self.flush()
        dialog = ImportDialog(self.ws, paths, self.window)
        dialog.importedFiles.connect(self._imported)
        dialog.exec()
        dialog.deleteLater()
        return dialog

    def _imported(self, count: int) -> None:
        if self.controller is not None:
            self.controller.reload()  # pages, problems and outline marks follow through ``changed``
        self._reload_completeness()
        self.window.statusBar().showMessage(tr("Đã nhập {n} tệp nộp.", n=count), 10000)

    def backup(self):
        """Backups of the workspace; after a restore the workspace is reopened on the same report and section."""
        if self.ws is None:
            return None
        from dtdesk.gui.backup_dialog import BackupDialog

        self.flush()
        dialog = BackupDialog(self.ws, self.window)
        dialog.exec()
        dialog.deleteLater()
        if dialog.restored:
            path = self.ws.path
            info = self.controller.data.info if self.controller is not None else None
            current = self.outline.currentItem()
            section = (current.data(0, SECTION_ROLE) if current is not None else None) or "header"
            self.close_workspace()  # the restored file is opened afresh, never beside the old connection
            self.open_workspace(path, info.unit if info else None, info.period if info else None, section)
            self.window.statusBar().showMessage(tr("Đã khôi phục bản sao lưu."), 10000)
        return dialog

    def show_completeness(self, visible: bool = True) -> None:
        """Show or hide the dock with the completeness of the open report's period."""
        self._status_wanted = visible
        if not visible:
            if self.status_dock is not None:
                self.status_dock.hide()
            return
        if self.ws is None or self.controller is None:
            self.actions["actionCompleteness"].setChecked(False)
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        from dtdesk.gui.exchange_status import CompletenessView

        if self.status_dock is None:
            dock = QDockWidget(self.window)
            dock.setObjectName("statusDock")
            bind(dock, "windowTitle", "Tình hình nộp báo cáo")
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetMovable)
            dock.setWidget(CompletenessView(self.ws, self.controller.data.info.period))
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.visibilityChanged.connect(self._status_dock_visible)
            self.status_dock = dock
            self.window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)
        else:
            self._reload_completeness()
        self.status_dock.show()
        self.status_dock.raise_()
        action = self.actions["actionCompleteness"]
        if not action.isChecked():
            action.blockSignals(True)
            action.setChecked(True)
            action.blockSignals(False)

    def _status_dock_visible(self, visible: bool) -> None:
        if not visible and self.status_dock is not None and self.status_dock.isHidden():
            self.actions["actionCompleteness"].setChecked(False)

    def completeness_view(self):
        return self.status_dock.widget() if self.status_dock is not None else None

    def _reload_completeness(self) -> None:
        view = self.completeness_view()
        if view is None or self.ws is None or self.controller is None:
            return
        view.ws = self.ws  # the workspace may have been reopened (restore, another file)
        view.set_period(self.controller.data.info.period)

    # -- language -------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        i18n.set_language(code)
        self.settings.setValue("language", code)
        self.actions["actionVietnamese"].setChecked(code == "vi")
        self.actions["actionEnglish"].setChecked(code == "en")
        i18n.retranslate(self.window)
        for page in self.pages.values():
            page.retranslate()
        if self.controller is not None:
            current = self.outline.currentItem()
            current_id = current.data(0, SECTION_ROLE) if current else None
            self.outline.blockSignals(True)
            self._build_outline()
            self.outline.blockSignals(False)
            if current_id in self.items:
                self.outline.setCurrentItem(self.items[current_id])
            self._schedule_checks()
            self.saved_label.setText(tr("Đã lưu"))
        self._update_title()
        if self.preview is not None:
            i18n.retranslate(self.preview)
        if self.completeness_view() is not None:
            i18n.retranslate(self.status_dock)
            self.completeness_view().retranslate()

    # -- window events ----------------------------------------------------------------------------
    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.settings.setValue("geometry", self.window.saveGeometry())
            self.close_workspace()
        return False

    def _after_first_paint(self) -> None:
        """What waits until the window is on screen: the rules, and Redo's second shortcut (it needs ``Qt``)."""
        from PySide6.QtGui import QKeySequence

        self.actions["actionRedo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self._run_checks()

    def show(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None and not os.environ.get("DTDESK_SECTION"):
            self.window.restoreGeometry(geometry)
            self.window.show()
        else:
            # showMaximized() alone is a no-op without a window manager; fill the screen ourselves.
            screen = self.window.screen() or QApplication.primaryScreen()
            if screen is not None:
                self.window.setGeometry(screen.availableGeometry())
            self.window.showMaximized()
        # DTDESK_DOCK=status opens the completeness dock at start (like DTDESK_SECTION: screenshots, support).
        if os.environ.get("DTDESK_DOCK") == "status" and self.actions["actionCompleteness"].isEnabled():
            self.actions["actionCompleteness"].setChecked(True)


class NewReportDialog(QObject):
    """Unit and period of a new report (ui/new_report.ui)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.info = None
        self.dialog = load_ui("new_report.ui", parent)
        d = self.dialog
        self.unit = d.findChild(QWidget, "unit")
        self.period = d.findChild(QWidget, "period")
        self.cutoff = d.findChild(QWidget, "cutoff")
        self.message = d.findChild(QLabel, "message")
        self._fill_units(ws.own_unit)
        d.findChild(QWidget, "newUnit").clicked.connect(self.new_unit)
        buttons = d.findChild(QWidget, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(d.reject)

    def exec(self) -> int:
        return self.dialog.exec()

    def _fill_units(self, current: str) -> None:
        self.unit.clear()
        for unit in self.ws.hierarchy().walk():
            self.unit.addItem(unit.name, unit.code)
        found = self.unit.findData(current)
        if found >= 0:
            self.unit.setCurrentIndex(found)

    def new_unit(self) -> None:
        from dtdesk.gui.unit_dialog import NewUnitDialog

        dialog = NewUnitDialog(self.ws, self.dialog)
        if dialog.exec() and dialog.unit is not None:
            self._fill_units(dialog.unit.code)

    def accept(self) -> None:
        from dtdesk.store.reports import start_report

        code = self.unit.currentData()
        if not code:
            self.message.setText(tr("Tệp chưa có đơn vị nào; bấm «Đơn vị mới…» để thêm đơn vị của mình."))
            return
        try:
            self.info = start_report(self.ws, code, self.period.text(), self.cutoff.text())
        except WorkspaceError as exc:
            self.message.setText(str(exc))
            return
        self.dialog.accept()
