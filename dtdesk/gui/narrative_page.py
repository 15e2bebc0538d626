"""The form of a narrative section: plain paragraphs and "- " bullets, with the live sentences it may hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from dtdesk.core.drafts import TOKEN, drafts_for
from dtdesk.core.rules import Problem
from dtdesk.core.template import Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.page import Page, TextCommitter, hint_label, section_label, title_label
from dtdesk.gui.i18n import bind, said, tr
from dtdesk.gui.review_mark import ReviewMark
from dtdesk.core.values import Cell


class TokenHighlighter(QSyntaxHighlighter):
    """Shows ``{{draft}}`` placeholders as live sentences (printed from the data), not as typed text."""

    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#dbe8ff"))
        self.format.setForeground(QColor("#1a4d99"))

    def highlightBlock(self, text: str) -> None:
        for match in TOKEN.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.format)


class NarrativePage(Page):
    def __init__(self, controller: Controller, section: Section, parent=None):
        super().__init__(controller, parent)
        self.section = section
        self.section_id = section.id
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(section_label(section, controller.data)))
        layout.addWidget(hint_label("Mỗi dòng là một đoạn văn; dòng bắt đầu bằng «- » là một gạch đầu dòng. "
                               "Nội dung được lưu ngay khi bạn ngừng gõ."))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"editor_{section.id}")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(160)
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        self.editor.setFont(font)
        self.highlighter = TokenHighlighter(self.editor.document())
        cell = Cell(controller.data.unit.code, section.key("text"))
        self.review = ReviewMark(controller, cell)
        layout.addWidget(self.review)
        layout.addWidget(self.editor, 3)
        self.committers.append(TextCommitter(self.editor, controller, cell, section.outline_title))
        self.draft_labels: dict[str, QLabel] = {}
        if section.drafts:
            box = QGroupBox()
            bind(box, "title", "Câu tự động từ số liệu")
            box_layout = QVBoxLayout(box)
            for draft_id in section.drafts:
                draft = controller.session.template.drafts[draft_id]
                name = QLabel(f"<b>{draft.label}</b>")
                text = QLabel()
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setStyleSheet("background: #f4f6fa; padding: 4px;")
                self.draft_labels[draft_id] = text
                buttons = QHBoxLayout()
                live = QPushButton()
                bind(live, "text", "Chèn câu tự động")
                bind(live, "toolTip", "Chèn một chỗ giữ chỗ; khi in, câu được viết lại theo số liệu mới nhất.")
                live.clicked.connect(lambda _=False, d=draft_id: self.insert("{{" + d + "}}"))
                plain = QPushButton()
                bind(plain, "text", "Chèn thành chữ")
                bind(plain, "toolTip", "Chèn câu hiện tại thành chữ để bạn sửa lại.")
                plain.clicked.connect(lambda _=False, d=draft_id: self.insert(self.draft_labels[d].text()))
                buttons.addWidget(live)
                buttons.addWidget(plain)
                buttons.addStretch(1)
                box_layout.addWidget(name)
                box_layout.addWidget(text)
                box_layout.addLayout(buttons)
            layout.addWidget(box, 0)
        self.refresh()

    def insert(self, text: str) -> None:
        cursor = self.editor.textCursor()
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.committers[0].commit()
        self.editor.setFocus()

    def refresh(self) -> None:
        super().refresh()
        self.review.refresh()
        if self.draft_labels:
            data = self.controller.data
            drafts = drafts_for(data)
            # an empty draft says nothing today (no ward lacks a plan); only without subunits is there none to count
            empty = (tr("(theo số liệu hiện nay, câu này để trống)") if data.units.subunits(data.unit.code)
                     else tr("(không có đơn vị cấp dưới)"))
            for draft_id, label in self.draft_labels.items():
                label.setText(drafts.get(draft_id, "") or empty)
        problems = self.controller.problems_of(self.section.id)
        self.editor.setToolTip("\n".join(said(p.message) for p in problems))

    def focus_problem(self, problem: Problem) -> None:
        self.editor.setFocus()
