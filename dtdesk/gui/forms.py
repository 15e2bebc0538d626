"""The header form (ui/header_form.ui) and :func:`make_page`, which builds any section's form.

The other kinds have a module each (``narrative_page``, ``table_page``,
``figures_page``), loaded with the first page of their kind; all of them build
on :mod:`dtdesk.gui.page`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFrame, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from dtdesk.core.formats import date_short
from dtdesk.core.rules import Problem
from dtdesk.core.template import Field, Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.page import Page, TextCommitter, mark
from dtdesk.core.values import Cell

class HeaderPage(Page):
    section_id = "header"

    def __init__(self, controller: Controller, form: QWidget, parent=None):
        super().__init__(controller, parent)
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        layout.addWidget(scroll)
        self.fields = {f.id: f for f in controller.session.template.header}
        self.edits: dict[str, QWidget] = {}
        for field_id, field in self.fields.items():
            widget = form.findChild(QWidget, field_id)
            if widget is None:
                continue
            self.edits[field_id] = widget
            cell = Cell(controller.data.unit.code, f"header.{field_id}")
            if isinstance(widget, QPlainTextEdit):
                self.committers.append(TextCommitter(widget, controller, cell, field.label))
            else:
                if field.hint:
                    widget.setPlaceholderText(field.hint)
                widget.editingFinished.connect(lambda w=widget, c=cell, f=field: self._commit(w, c, f))
        self.cutoff = form.findChild(QLineEdit, "cutoff")
        if self.cutoff is not None:
            self.cutoff.setPlaceholderText("30/3/2022")
            self.cutoff.editingFinished.connect(self._commit_cutoff)
        self.refresh()

    def _commit_cutoff(self) -> None:
        if self.cutoff.text() == date_short(self.controller.data.info.cutoff):
            return
        ok = self.controller.set_cutoff(self.cutoff.text())
        mark(self.cutoff, None, "" if ok else self.controller.last_refusal)

    def _display(self, field: Field) -> str:
        """The stored value as the field's editor shows it: a date as the clerk types one ("31/3/2022")."""
        value = self.controller.data.header(field.id)
        if field.type == "date" and value:
            try:
                return date_short(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return value

    def _commit(self, widget: QLineEdit, cell: Cell, field: Field) -> None:
        if widget.text() == self._display(field):
            self.refusals.pop(field.id, None)
            return
        if self.controller.edit(cell, widget.text(), field.label):
            self.refusals.pop(field.id, None)
        else:
            self.refusals[field.id] = self.controller.last_refusal
        self._mark([field.id])

    def _mark(self, field_ids) -> None:
        """Mark these fields' inputs; the header's rules are asked once for all of them."""
        problems = {p.field: p for p in self.controller.problems_of("header")}
        for field_id in field_ids:
            mark(self.edits[field_id], problems.get(field_id), self.refusals.get(field_id, ""))

    def refresh(self) -> None:
        super().refresh()
        for field_id, widget in self.edits.items():
            if isinstance(widget, QLineEdit):
                text = self._display(self.fields[field_id])
                if widget.text() != text and not (widget.hasFocus() and widget.isModified()):
                    widget.setText(text)
                if widget.text() == text:  # what is shown is stored: no refusal stands
                    self.refusals.pop(field_id, None)
        info = self.controller.data.info
        if self.cutoff is not None:
            text = date_short(info.cutoff)
            if self.cutoff.text() != text and not (self.cutoff.hasFocus() and self.cutoff.isModified()):
                self.cutoff.setText(text)
            if self.cutoff.text() == text:
                mark(self.cutoff, None)
        self._mark(self.edits)

    def focus_problem(self, problem: Problem) -> None:
        widget = self.edits.get(problem.field)
        if widget is not None:
            widget.setFocus()

    def retranslate(self) -> None:
        self.refresh()


def make_page(controller: Controller, section: Section) -> Page | None:
    """The form of a section; each kind's module loads with its first page (only the header's is needed at start)."""
    if section.kind == "text":
        from dtdesk.gui.narrative_page import NarrativePage

        return NarrativePage(controller, section)
    if section.kind in ("unit_table", "fixed_table"):
        from dtdesk.gui.table_page import TablePage

        return TablePage(controller, section)
    if section.kind == "figures":
        from dtdesk.gui.figures_page import FiguresPage

        return FiguresPage(controller, section)
    return None
