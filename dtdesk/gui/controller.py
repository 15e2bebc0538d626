"""The open report as the widgets see it: one session, one undo stack, signals.

Widgets never write to the store themselves: they call :meth:`Controller.edit`
(a clerk's text, parsed once by :func:`dtdesk.core.values.parse`) or :meth:`Controller.put_many` (a
pasted block), which push one :class:`EditCommand` each on the single undo
stack shared by every section. After every commit ``changed`` is emitted and
the views re-read the session (totals, ratios, problems, sentences).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dtdesk.core.recheck import Checker
from dtdesk.core.rules import Problem
from dtdesk.gui.i18n import said, tr
from dtdesk.core.values import Cell, ParseError, parse
from dtdesk.store.session import ReportSession
from dtdesk.store.workspace import WorkspaceError


class _Step(QUndoCommand):
    """An undo step between an old and a new state; ``_apply`` writes one of them."""

    def __init__(self, controller: Controller, old, new, text: str, done: bool):
        super().__init__(text)
        self.controller, self.old, self.new = controller, old, new
        self._skip = done  # the first redo is the edit already committed

    def _apply(self, state) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class EditCommand(_Step):
    """One undo step: new values for some cells, and the old ones to go back to; undone, the cells that were
    carried from the previous period before the edit (``carried``) are marked so again."""

    def __init__(self, controller: Controller, old: dict[Cell, object], new: dict[Cell, object], text: str,
                 done: bool = False, carried: frozenset = frozenset()):
        super().__init__(controller, old, new, text, done)
        self.carried = [cell for cell in old if cell in carried]

    def _apply(self, values: dict[Cell, object]) -> None:
        session = self.controller.session
        if len(values) == 1:
            (cell, value), = values.items()
            session.put(cell, value)
        else:
            session.put_many(values)
        if values is self.old and self.carried:
            session.carry_again(self.carried)
        self.controller.committed(values)


class KeepCommand(_Step):
    """One undo step for keeping a carried value as it is ("Giữ nguyên nội dung này"): undone, its mark "from the
    previous period, to review" is back, as it is when an edit of it is undone."""

    def __init__(self, controller: Controller, cell: Cell, text: str):
        super().__init__(controller, True, False, text, done=True)  # the states: carried or not
        self.cell = cell

    def _apply(self, carried: bool) -> None:
        session = self.controller.session
        if carried:
            session.carry_again([self.cell])
        else:
            session.keep_carried([self.cell])
        self.controller.committed([self.cell])


class CutoffCommand(_Step):
    """One undo step for the report's cut-off date (stored on the report, not as a value)."""

    def __init__(self, controller: Controller, old: str, new: str, text: str):
        super().__init__(controller, old, new, text, done=True)

    def _apply(self, iso: str) -> None:
        self.controller.session.set_cutoff(dt.date.fromisoformat(iso))
        self.controller.committed()


class Controller(QObject):
    changed = Signal()  # values were committed: refresh what you show
    saved = Signal(object)  # Cell last written
    refused = Signal(str)  # a clerk's input was refused; the sentence says why
    focus_requested = Signal(object)  # a Problem to show

    def __init__(self, session: ReportSession, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._checker: Checker | None = None  # the problems, once asked for; re-checked edit by edit
        self.last_refusal = ""
        self.locked = self._lock_sentence()  # read once per status change, not per cell the views ask about

    # -- reading ---------------------------------------------------------------
    @property
    def data(self):
        return self.session.data

    def problems(self) -> list[Problem]:
        if self._checker is None or self._checker.data is not self.session.data:
            self._checker = Checker(self.session.data)
        return self._checker.problems()

    def problems_of(self, section_id: str) -> list[Problem]:
        if self._checker is None:  # a page needs its own section's rules only (the first window waits for no more)
            return self.session.problems_of(section_id)
        return [p for p in self.problems() if p.section == section_id]

    # -- writing ---------------------------------------------------------------
    def committed(self, cells=()) -> None:
        """Tell the views; ``cells`` are the values written, whose readers alone are checked again (none: all).

        ``saved`` carries the first of them (None for a change that is no cell's, the cut-off date)."""
        if self._checker is not None and cells:
            self._checker.changed(cells)
        else:
            self._checker = None
        self.changed.emit()
        self.saved.emit(next(iter(cells), None))

    def reload(self) -> None:
        """Re-read everything after the store changed under the session (an import); nothing to undo."""
        self.session.refresh()
        self._checker = None
        self.changed.emit()

    def refuse(self, message: str) -> None:
        self.last_refusal = message
        self.refused.emit(message)

    @property
    def read_only(self) -> bool:
        """This window may not write: the file is open in another window (``session.ws.notice`` says so), or the
        report was sent or accepted and not reopened (``locked`` says so)."""
        return self.session.ws.read_only or bool(self.locked)

    def _lock_sentence(self) -> str:
        from dtdesk.store.status import locked_sentence

        info = self.session.info
        step = self.session.ws.is_locked(info.unit, info.period)
        return locked_sentence(info.unit, info.period, step) if step else ""

    def status_changed(self) -> None:
        """The report was sent, reopened or answered: lock or unlock it; nothing from before can be undone."""
        self.locked = self._lock_sentence()
        self.undo_stack.clear()
        self.reload()

    def _read_only(self) -> bool:
        """True (and ``refused`` with the reason) when this window may not write."""
        if self.read_only:
            why = said(self.locked or self.session.ws.notice)
            self.refuse(why or tr("Tệp đang mở ở chế độ chỉ đọc; không sửa được."))
            return True
        return False

    def _store_failed(self, exc: Exception) -> bool:
        self.refuse(tr("Không lưu được thay đổi: {reason}", reason=said(exc)))
        return False

    def edit(self, cell: Cell, text, label: str = "") -> bool:
        """Parse and commit what the clerk typed as one undo step; False (and ``refused``) if refused."""
        if self._read_only():
            return False
        before = self.session.value(cell)
        try:
            new = parse(self.session.field(cell.key), text)
        except ParseError as exc:
            self.refuse(said(exc))
            return False
        if new == before or (new in (None, "") and before in (None, "")):
            return True
        carried = frozenset({cell} & self.data.carried)  # before the write takes its mark away
        try:
            old = self.session.put(cell, new)
        except (WorkspaceError, sqlite3.Error) as exc:  # disk full, file gone: say so, keep the window alive
            return self._store_failed(exc)
        self.last_refusal = ""
        self.undo_stack.push(EditCommand(self, {cell: old}, {cell: new}, label or tr("Sửa «{what}»", what=cell.key),
                                         done=True, carried=carried))
        self.committed([cell])
        return True

    def keep_carried(self, cell: Cell, label: str = "") -> bool:
        """The clerk read a value carried from the previous period and keeps it for this one: its mark goes, as one
        undo step (undone, the mark is back; the audit keeps who kept it, and who took it back, and when)."""
        if self._read_only():
            return False
        try:
            kept = self.session.keep_carried([cell])
        except (WorkspaceError, sqlite3.Error) as exc:
            return self._store_failed(exc)
        if kept:
            self.undo_stack.push(KeepCommand(self, cell, label or tr("Giữ nguyên «{what}»", what=cell.key)))
        self.committed([cell])
        return True

    def set_cutoff(self, text: str, label: str = "") -> bool:
        """Change the cut-off date ("Tính đến ngày") as one undo step; False (and ``refused``) if refused."""
        if self._read_only():
            return False
        try:
            old, new = self.session.set_cutoff(text)
        except ParseError as exc:
            self.refuse(said(exc))
            return False
        except (WorkspaceError, sqlite3.Error) as exc:
            return self._store_failed(exc)
        if old != new:
            self.undo_stack.push(CutoffCommand(self, old, new, label or tr("Sửa ngày chốt số liệu")))
            self.committed()
        return True

    def put_many(self, values: dict[Cell, object], label: str = "") -> None:
        """Commit typed values (a pasted or cleared block) as one undo step."""
        if self._read_only():
            return
        old = {cell: self.session.value(cell) for cell in values}
        if all(old[c] == v for c, v in values.items()):
            return
        self.undo_stack.push(EditCommand(self, old, dict(values), label or tr("Dán {n} ô", n=len(values)),
                                         carried=frozenset(set(values) & self.data.carried)))

    def parse_block(self, cells_text: dict[Cell, str]) -> dict[Cell, object] | None:
        """Parse a pasted block; None (and ``refused``) if any cell is refused, so nothing is half-pasted."""
        values = {}
        for cell, text in cells_text.items():
            try:
                values[cell] = parse(self.session.field(cell.key), text)
            except ParseError as exc:
                self.refuse(said(exc))
                return None
        return values
