# Compiled from ui/sign_pdf.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SignPdfDialog(object):
    def setupUi(self, SignPdfDialog):
        if not SignPdfDialog.objectName():
            SignPdfDialog.setObjectName(u"SignPdfDialog")
        SignPdfDialog.resize(560, 300)
        self.layout = QVBoxLayout(SignPdfDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.sourceLabel = QLabel(SignPdfDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceRow = QHBoxLayout()
        self.sourceRow.setObjectName(u"sourceRow")
        self.source = QLineEdit(SignPdfDialog)
        self.source.setObjectName(u"source")

        self.sourceRow.addWidget(self.source)

        self.sourceBrowse = QPushButton(SignPdfDialog)
        self.sourceBrowse.setObjectName(u"sourceBrowse")

        self.sourceRow.addWidget(self.sourceBrowse)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.sourceRow)

        self.targetLabel = QLabel(SignPdfDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetRow = QHBoxLayout()
        self.targetRow.setObjectName(u"targetRow")
        self.target = QLineEdit(SignPdfDialog)
        self.target.setObjectName(u"target")

        self.targetRow.addWidget(self.target)

        self.targetBrowse = QPushButton(SignPdfDialog)
        self.targetBrowse.setObjectName(u"targetBrowse")

        self.targetRow.addWidget(self.targetBrowse)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.targetRow)

        self.useP12 = QRadioButton(SignPdfDialog)
        self.useP12.setObjectName(u"useP12")
        self.useP12.setChecked(True)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.useP12)

        self.p12Row = QHBoxLayout()
        self.p12Row.setObjectName(u"p12Row")
        self.p12 = QLineEdit(SignPdfDialog)
        self.p12.setObjectName(u"p12")

        self.p12Row.addWidget(self.p12)

        self.p12Browse = QPushButton(SignPdfDialog)
        self.p12Browse.setObjectName(u"p12Browse")

        self.p12Row.addWidget(self.p12Browse)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.p12Row)

        self.useToken = QRadioButton(SignPdfDialog)
        self.useToken.setObjectName(u"useToken")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.useToken)

        self.tokenRow = QHBoxLayout()
        self.tokenRow.setObjectName(u"tokenRow")
        self.library = QLineEdit(SignPdfDialog)
        self.library.setObjectName(u"library")

        self.tokenRow.addWidget(self.library)

        self.libraryBrowse = QPushButton(SignPdfDialog)
        self.libraryBrowse.setObjectName(u"libraryBrowse")

        self.tokenRow.addWidget(self.libraryBrowse)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.tokenRow)

        self.secretLabel = QLabel(SignPdfDialog)
        self.secretLabel.setObjectName(u"secretLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.secretLabel)

        self.secret = QLineEdit(SignPdfDialog)
        self.secret.setObjectName(u"secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.secret)


        self.layout.addLayout(self.form)

        self.message = QLabel(SignPdfDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(SignPdfDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(SignPdfDialog)

        QMetaObject.connectSlotsByName(SignPdfDialog)
    # setupUi

    def retranslateUi(self, SignPdfDialog):
        SignPdfDialog.setWindowTitle(QCoreApplication.translate("SignPdfDialog", u"K\u00fd s\u1ed1 b\u00e1o c\u00e1o PDF", None))
        self.sourceLabel.setText(QCoreApplication.translate("SignPdfDialog", u"B\u00e1o c\u00e1o PDF c\u1ea7n k\u00fd:", None))
        self.source.setPlaceholderText(QCoreApplication.translate("SignPdfDialog", u"t\u1ec7p PDF do dtdesk in ra (\u0111\u01b0\u1ee3c gi\u1eef nguy\u00ean)", None))
        self.sourceBrowse.setText(QCoreApplication.translate("SignPdfDialog", u"Ch\u1ecdn\u2026", None))
        self.targetLabel.setText(QCoreApplication.translate("SignPdfDialog", u"L\u01b0u b\u1ea3n \u0111\u00e3 k\u00fd v\u00e0o:", None))
        self.targetBrowse.setText(QCoreApplication.translate("SignPdfDialog", u"Ch\u1ecdn\u2026", None))
        self.useP12.setText(QCoreApplication.translate("SignPdfDialog", u"T\u1ec7p ch\u1ee9ng th\u01b0 s\u1ed1:", None))
        self.p12.setPlaceholderText(QCoreApplication.translate("SignPdfDialog", u"t\u1ec7p .p12 ho\u1eb7c .pfx", None))
        self.p12Browse.setText(QCoreApplication.translate("SignPdfDialog", u"Ch\u1ecdn\u2026", None))
        self.useToken.setText(QCoreApplication.translate("SignPdfDialog", u"Thi\u1ebft b\u1ecb k\u00fd s\u1ed1 (USB token):", None))
        self.library.setPlaceholderText(QCoreApplication.translate("SignPdfDialog", u"th\u01b0 vi\u1ec7n PKCS#11 c\u1ee7a thi\u1ebft b\u1ecb (.dll, .so)", None))
        self.libraryBrowse.setText(QCoreApplication.translate("SignPdfDialog", u"Ch\u1ecdn\u2026", None))
        self.secretLabel.setText(QCoreApplication.translate("SignPdfDialog", u"M\u1eadt kh\u1ea9u ho\u1eb7c m\u00e3 PIN:", None))
        self.message.setStyleSheet(QCoreApplication.translate("SignPdfDialog", u"color: #b00020;", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_SignPdfDialog
