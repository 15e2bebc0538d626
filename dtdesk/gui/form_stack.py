"""The section forms in the window's stack: built the first time each is shown, refreshed when seen again.

After a change only the form on screen is refreshed; the others are marked
and refresh when they are next shown, so an edit costs one form's update.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStackedWidget

from dtdesk.gui import i18n
from dtdesk.gui.controller import Controller
from dtdesk.gui.forms import HeaderPage, make_page
from dtdesk.gui.page import Page
from dtdesk.gui.uiload import load_ui


class FormStack(QObject):
    def __init__(self, stack: QStackedWidget, empty: QLabel, parent: QObject | None = None):
        """``empty`` is the stack's page for no report (what to do next)."""
        super().__init__(parent)
        self.stack, self.empty = stack, empty
        self.controller: Controller | None = None
        self.pages: dict[str, Page] = {}
        self._dirty: set[str] = set()  # sections whose form shows values older than the session's

    def set_controller(self, controller: Controller | None) -> None:
        """The forms of another report (or of none): the old ones go."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._dirty.clear()
        self.controller = controller
        self.stack.setCurrentWidget(self.empty)

    def page(self, section_id: str) -> Page | None:
        """The form of a section, built the first time it is shown."""
        page = self.pages.get(section_id)
        if page is not None or self.controller is None:
            return page
        if section_id == "header":
            page = HeaderPage(self.controller, load_ui("header_form.ui"))
        else:
            page = make_page(self.controller, self.controller.session.template.section(section_id))
        page.setObjectName(f"page_{section_id}")
        if self.controller.read_only:
            page.set_read_only()
        if i18n.language() != "vi":
            i18n.retranslate(page)
            page.retranslate()
        self.pages[section_id] = page
        self.stack.addWidget(page)
        return page

    def current_page(self) -> Page | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, Page) else None

    def show_section(self, section_id: str) -> None:
        """Bring a section's form up, after committing what was being typed in the one it replaces."""
        page = self.page(section_id)
        if (old := self.current_page()) is not None:
            old.flush()
        if section_id in self._dirty:
            self._dirty.discard(section_id)
            page.refresh()
        self.stack.setCurrentWidget(page)

    def flush(self) -> None:
        """Commit what the clerk is typing in the form on screen."""
        if (page := self.current_page()) is not None:
            page.flush()

    def refresh(self) -> None:
        """The session changed: the form on screen shows it now, the others when next shown."""
        current = self.current_page()
        for section_id, page in self.pages.items():
            if page is current:
                page.refresh()
            else:
                self._dirty.add(section_id)

    def retranslate(self) -> None:
        for page in self.pages.values():
            page.retranslate()
