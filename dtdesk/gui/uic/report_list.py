# Compiled from ui/report_list.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ReportListDialog(object):
    def setupUi(self, ReportListDialog):
        if not ReportListDialog.objectName():
            ReportListDialog.setObjectName(u"ReportListDialog")
        ReportListDialog.resize(620, 420)
        self.layout = QVBoxLayout(ReportListDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ReportListDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.reports = QTableWidget(ReportListDialog)
        if (self.reports.columnCount() < 3):
            self.reports.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.reports.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.reports.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.reports.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.reports.setObjectName(u"reports")
        self.reports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reports.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reports.setAlternatingRowColors(True)
        self.reports.setColumnCount(3)
        self.reports.horizontalHeader().setStretchLastSection(True)
        self.reports.verticalHeader().setVisible(False)

        self.layout.addWidget(self.reports)

        self.buttons = QDialogButtonBox(ReportListDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Open)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ReportListDialog)

        QMetaObject.connectSlotsByName(ReportListDialog)
    # setupUi

    def retranslateUi(self, ReportListDialog):
        ReportListDialog.setWindowTitle(QCoreApplication.translate("ReportListDialog", u"M\u1edf b\u00e1o c\u00e1o", None))
        self.intro.setText(QCoreApplication.translate("ReportListDialog", u"C\u00e1c b\u00e1o c\u00e1o trong t\u1ec7p d\u1eef li\u1ec7u n\u00e0y. Ch\u1ecdn m\u1ed9t b\u00e1o c\u00e1o r\u1ed3i b\u1ea5m \u00abM\u1edf\u00bb (ho\u1eb7c b\u1ea5m \u0111\u00fap).", None))
        ___qtablewidgetitem = self.reports.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReportListDialog", u"\u0110\u01a1n v\u1ecb", None))
        ___qtablewidgetitem1 = self.reports.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReportListDialog", u"K\u1ef3 b\u00e1o c\u00e1o", None))
        ___qtablewidgetitem2 = self.reports.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReportListDialog", u"Tr\u1ea1ng th\u00e1i", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_ReportListDialog
