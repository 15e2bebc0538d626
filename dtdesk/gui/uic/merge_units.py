# Compiled from ui/merge_units.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
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
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_MergeUnitsDialog(object):
    def setupUi(self, MergeUnitsDialog):
        if not MergeUnitsDialog.objectName():
            MergeUnitsDialog.setObjectName(u"MergeUnitsDialog")
        MergeUnitsDialog.resize(560, 460)
        self.layout = QVBoxLayout(MergeUnitsDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(MergeUnitsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.intoLabel = QLabel(MergeUnitsDialog)
        self.intoLabel.setObjectName(u"intoLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.intoLabel)

        self.intoRow = QHBoxLayout()
        self.intoRow.setObjectName(u"intoRow")
        self.into = QComboBox(MergeUnitsDialog)
        self.into.setObjectName(u"into")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.into.sizePolicy().hasHeightForWidth())
        self.into.setSizePolicy(sizePolicy)

        self.intoRow.addWidget(self.into)

        self.newUnit = QPushButton(MergeUnitsDialog)
        self.newUnit.setObjectName(u"newUnit")

        self.intoRow.addWidget(self.newUnit)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.intoRow)

        self.sourcesLabel = QLabel(MergeUnitsDialog)
        self.sourcesLabel.setObjectName(u"sourcesLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sourcesLabel)

        self.sources = QListWidget(MergeUnitsDialog)
        self.sources.setObjectName(u"sources")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sources)

        self.periodLabel = QLabel(MergeUnitsDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.period = QComboBox(MergeUnitsDialog)
        self.period.setObjectName(u"period")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.period)


        self.layout.addLayout(self.form)

        self.message = QLabel(MergeUnitsDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(MergeUnitsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(MergeUnitsDialog)

        QMetaObject.connectSlotsByName(MergeUnitsDialog)
    # setupUi

    def retranslateUi(self, MergeUnitsDialog):
        MergeUnitsDialog.setWindowTitle(QCoreApplication.translate("MergeUnitsDialog", u"G\u1ed9p \u0111\u01a1n v\u1ecb", None))
        self.intro.setText(QCoreApplication.translate("MergeUnitsDialog", u"C\u00e1c \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c g\u1ed9p th\u00f4i d\u00f9ng t\u1eeb k\u1ef3 \u0111\u00e3 ch\u1ecdn: t\u1eeb k\u1ef3 \u0111\u00f3 c\u00e1c b\u1ea3ng, c\u00e1c t\u1ed5ng v\u00e0 t\u00ecnh h\u00ecnh n\u1ed9p b\u00e1o c\u00e1o ch\u1ec9 c\u00f2n \u0111\u01a1n v\u1ecb sau khi g\u1ed9p; c\u00e1c b\u00e1o c\u00e1o k\u1ef3 tr\u01b0\u1edbc v\u1eabn gi\u1eef nguy\u00ean.", None))
        self.intoLabel.setText(QCoreApplication.translate("MergeUnitsDialog", u"\u0110\u01a1n v\u1ecb sau khi g\u1ed9p:", None))
        self.newUnit.setText(QCoreApplication.translate("MergeUnitsDialog", u"\u0110\u01a1n v\u1ecb m\u1edbi\u2026", None))
#if QT_CONFIG(tooltip)
        self.newUnit.setToolTip(QCoreApplication.translate("MergeUnitsDialog", u"Th\u00eam \u0111\u01a1n v\u1ecb do vi\u1ec7c g\u1ed9p l\u1eadp ra, n\u1ebfu t\u1ec7p ch\u01b0a c\u00f3", None))
#endif // QT_CONFIG(tooltip)
        self.sourcesLabel.setText(QCoreApplication.translate("MergeUnitsDialog", u"C\u00e1c \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c g\u1ed9p:", None))
#if QT_CONFIG(tooltip)
        self.sources.setToolTip(QCoreApplication.translate("MergeUnitsDialog", u"\u0110\u00e1nh d\u1ea5u t\u1eebng \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c g\u1ed9p v\u00e0o \u0111\u01a1n v\u1ecb tr\u00ean", None))
#endif // QT_CONFIG(tooltip)
        self.periodLabel.setText(QCoreApplication.translate("MergeUnitsDialog", u"T\u1eeb k\u1ef3 b\u00e1o c\u00e1o:", None))
        self.message.setStyleSheet(QCoreApplication.translate("MergeUnitsDialog", u"color: #b00020;", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_MergeUnitsDialog
