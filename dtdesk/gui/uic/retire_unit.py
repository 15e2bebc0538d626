# Compiled from ui/retire_unit.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RetireUnitDialog(object):
    def setupUi(self, RetireUnitDialog):
        if not RetireUnitDialog.objectName():
            RetireUnitDialog.setObjectName(u"RetireUnitDialog")
        RetireUnitDialog.resize(520, 300)
        self.layout = QVBoxLayout(RetireUnitDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(RetireUnitDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.unitLabel = QLabel(RetireUnitDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QComboBox(RetireUnitDialog)
        self.unit.setObjectName(u"unit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unit)

        self.periodLabel = QLabel(RetireUnitDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.period = QComboBox(RetireUnitDialog)
        self.period.setObjectName(u"period")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.period)


        self.layout.addLayout(self.form)

        self.consequences = QLabel(RetireUnitDialog)
        self.consequences.setObjectName(u"consequences")
        self.consequences.setWordWrap(True)

        self.layout.addWidget(self.consequences)

        self.message = QLabel(RetireUnitDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(RetireUnitDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(RetireUnitDialog)

        QMetaObject.connectSlotsByName(RetireUnitDialog)
    # setupUi

    def retranslateUi(self, RetireUnitDialog):
        RetireUnitDialog.setWindowTitle(QCoreApplication.translate("RetireUnitDialog", u"Th\u00f4i d\u00f9ng \u0111\u01a1n v\u1ecb", None))
        self.intro.setText(QCoreApplication.translate("RetireUnitDialog", u"\u0110\u01a1n v\u1ecb gi\u1ea3i th\u1ec3 (kh\u00f4ng g\u1ed9p v\u00e0o \u0111\u01a1n v\u1ecb n\u00e0o) th\u00f4i d\u00f9ng t\u1eeb k\u1ef3 \u0111\u00e3 ch\u1ecdn: c\u00e1c \u0111\u01a1n v\u1ecb c\u1ea5p d\u01b0\u1edbi c\u1ee7a n\u00f3 tr\u1ef1c thu\u1ed9c \u0111\u01a1n v\u1ecb c\u1ea5p tr\u00ean c\u1ee7a n\u00f3, c\u00e1c c\u01a1 quan c\u1ee7a n\u00f3 th\u00f4i d\u00f9ng theo; c\u00e1c b\u00e1o c\u00e1o k\u1ef3 tr\u01b0\u1edbc v\u1eabn gi\u1eef nguy\u00ean. \u0110\u01a1n v\u1ecb g\u1ed9p v\u00e0o \u0111\u01a1n v\u1ecb kh\u00e1c: d\u00f9ng \u00abG\u1ed9p \u0111\u01a1n v\u1ecb\u2026\u00bb.", None))
        self.unitLabel.setText(QCoreApplication.translate("RetireUnitDialog", u"\u0110\u01a1n v\u1ecb th\u00f4i d\u00f9ng:", None))
        self.periodLabel.setText(QCoreApplication.translate("RetireUnitDialog", u"T\u1eeb k\u1ef3 b\u00e1o c\u00e1o:", None))
        self.message.setStyleSheet(QCoreApplication.translate("RetireUnitDialog", u"color: #b00020;", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_RetireUnitDialog
