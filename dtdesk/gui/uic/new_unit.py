# Compiled from ui/new_unit.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewUnitDialog(object):
    def setupUi(self, NewUnitDialog):
        if not NewUnitDialog.objectName():
            NewUnitDialog.setObjectName(u"NewUnitDialog")
        NewUnitDialog.resize(480, 240)
        self.layout = QVBoxLayout(NewUnitDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(NewUnitDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(NewUnitDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.shortLabel = QLabel(NewUnitDialog)
        self.shortLabel.setObjectName(u"shortLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortLabel)

        self.short = QLineEdit(NewUnitDialog)
        self.short.setObjectName(u"short")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.short)

        self.kindLabel = QLabel(NewUnitDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(NewUnitDialog)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.parentLabel = QLabel(NewUnitDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = QComboBox(NewUnitDialog)
        self.parent.setObjectName(u"parent")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent)

        self.codeLabel = QLabel(NewUnitDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.code = QLineEdit(NewUnitDialog)
        self.code.setObjectName(u"code")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.code)


        self.layout.addLayout(self.form)

        self.message = QLabel(NewUnitDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(NewUnitDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(NewUnitDialog)

        QMetaObject.connectSlotsByName(NewUnitDialog)
    # setupUi

    def retranslateUi(self, NewUnitDialog):
        NewUnitDialog.setWindowTitle(QCoreApplication.translate("NewUnitDialog", u"\u0110\u01a1n v\u1ecb m\u1edbi", None))
        self.nameLabel.setText(QCoreApplication.translate("NewUnitDialog", u"T\u00ean \u0111\u01a1n v\u1ecb:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("NewUnitDialog", u"v\u00ed d\u1ee5 Ph\u01b0\u1eddng C\u00e1t Bi", None))
        self.shortLabel.setText(QCoreApplication.translate("NewUnitDialog", u"T\u00ean ng\u1eafn:", None))
        self.short.setPlaceholderText(QCoreApplication.translate("NewUnitDialog", u"v\u00ed d\u1ee5 C\u00e1t Bi (d\u00f9ng khi li\u1ec7t k\u00ea t\u00ean)", None))
        self.kindLabel.setText(QCoreApplication.translate("NewUnitDialog", u"Lo\u1ea1i \u0111\u01a1n v\u1ecb:", None))
        self.parentLabel.setText(QCoreApplication.translate("NewUnitDialog", u"\u0110\u01a1n v\u1ecb c\u1ea5p tr\u00ean:", None))
        self.codeLabel.setText(QCoreApplication.translate("NewUnitDialog", u"M\u00e3 \u0111\u01a1n v\u1ecb:", None))
        self.code.setPlaceholderText(QCoreApplication.translate("NewUnitDialog", u"m\u00e3 do c\u1ea5p tr\u00ean c\u1ea5p, v\u00ed d\u1ee5 HA-CATBI", None))
        self.message.setStyleSheet(QCoreApplication.translate("NewUnitDialog", u"color: #b00020;", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_NewUnitDialog
