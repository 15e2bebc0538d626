# Compiled from ui/new_report.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_NewReportDialog(object):
    def setupUi(self, NewReportDialog):
        if not NewReportDialog.objectName():
            NewReportDialog.setObjectName(u"NewReportDialog")
        NewReportDialog.resize(460, 200)
        self.layout = QVBoxLayout(NewReportDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.unitLabel = QLabel(NewReportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitRow = QHBoxLayout()
        self.unitRow.setObjectName(u"unitRow")
        self.unit = QComboBox(NewReportDialog)
        self.unit.setObjectName(u"unit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.unit.sizePolicy().hasHeightForWidth())
        self.unit.setSizePolicy(sizePolicy)

        self.unitRow.addWidget(self.unit)

        self.newUnit = QPushButton(NewReportDialog)
        self.newUnit.setObjectName(u"newUnit")

        self.unitRow.addWidget(self.newUnit)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.unitRow)

        self.periodLabel = QLabel(NewReportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.period = QComboBox(NewReportDialog)
        self.period.setObjectName(u"period")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.period)

        self.cutoffLabel = QLabel(NewReportDialog)
        self.cutoffLabel.setObjectName(u"cutoffLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cutoffLabel)

        self.cutoff = QLineEdit(NewReportDialog)
        self.cutoff.setObjectName(u"cutoff")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cutoff)


        self.layout.addLayout(self.form)

        self.message = QLabel(NewReportDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(NewReportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(NewReportDialog)

        QMetaObject.connectSlotsByName(NewReportDialog)
    # setupUi

    def retranslateUi(self, NewReportDialog):
        NewReportDialog.setWindowTitle(QCoreApplication.translate("NewReportDialog", u"B\u00e1o c\u00e1o m\u1edbi", None))
        self.unitLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u0110\u01a1n v\u1ecb:", None))
        self.newUnit.setText(QCoreApplication.translate("NewReportDialog", u"\u0110\u01a1n v\u1ecb m\u1edbi\u2026", None))
        self.periodLabel.setText(QCoreApplication.translate("NewReportDialog", u"K\u1ef3 b\u00e1o c\u00e1o:", None))
#if QT_CONFIG(tooltip)
        self.period.setToolTip(QCoreApplication.translate("NewReportDialog", u"Ch\u1ecdn trong danh s\u00e1ch, ho\u1eb7c g\u00f5, v\u00ed d\u1ee5: Qu\u00fd I/2022, I/2022, 2022-Q1, Th\u00e1ng 3/2022", None))
#endif // QT_CONFIG(tooltip)
        self.cutoffLabel.setText(QCoreApplication.translate("NewReportDialog", u"T\u00ednh \u0111\u1ebfn ng\u00e0y:", None))
        self.cutoff.setPlaceholderText(QCoreApplication.translate("NewReportDialog", u"\u0111\u1ec3 tr\u1ed1ng: ng\u00e0y cu\u1ed1i k\u1ef3; v\u00ed d\u1ee5 30/6/2022", None))
        self.message.setStyleSheet(QCoreApplication.translate("NewReportDialog", u"color: #b00020;", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_NewReportDialog
