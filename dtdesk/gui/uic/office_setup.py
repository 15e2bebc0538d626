# Compiled from ui/office_setup.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OfficeSetupDialog(object):
    def setupUi(self, OfficeSetupDialog):
        if not OfficeSetupDialog.objectName():
            OfficeSetupDialog.setObjectName(u"OfficeSetupDialog")
        OfficeSetupDialog.resize(640, 660)
        self.layout = QVBoxLayout(OfficeSetupDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(OfficeSetupDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.provinceForm = QFormLayout()
        self.provinceForm.setObjectName(u"provinceForm")
        self.provinceLabel = QLabel(OfficeSetupDialog)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.provinceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.province = QComboBox(OfficeSetupDialog)
        self.province.setObjectName(u"province")

        self.provinceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.province)


        self.layout.addLayout(self.provinceForm)

        self.whoGroup = QGroupBox(OfficeSetupDialog)
        self.whoGroup.setObjectName(u"whoGroup")
        self.whoLayout = QVBoxLayout(self.whoGroup)
        self.whoLayout.setObjectName(u"whoLayout")
        self.communeChoice = QRadioButton(self.whoGroup)
        self.communeChoice.setObjectName(u"communeChoice")
        self.communeChoice.setChecked(True)

        self.whoLayout.addWidget(self.communeChoice)

        self.communeSearch = QLineEdit(self.whoGroup)
        self.communeSearch.setObjectName(u"communeSearch")
        self.communeSearch.setClearButtonEnabled(True)

        self.whoLayout.addWidget(self.communeSearch)

        self.communes = QListWidget(self.whoGroup)
        self.communes.setObjectName(u"communes")
        self.communes.setMinimumSize(QSize(0, 160))

        self.whoLayout.addWidget(self.communes)

        self.provinceChoice = QRadioButton(self.whoGroup)
        self.provinceChoice.setObjectName(u"provinceChoice")

        self.whoLayout.addWidget(self.provinceChoice)

        self.ownChoice = QRadioButton(self.whoGroup)
        self.ownChoice.setObjectName(u"ownChoice")

        self.whoLayout.addWidget(self.ownChoice)

        self.ownBox = QWidget(self.whoGroup)
        self.ownBox.setObjectName(u"ownBox")
        self.ownForm = QFormLayout(self.ownBox)
        self.ownForm.setObjectName(u"ownForm")
        self.ownForm.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(self.ownBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.ownForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.ownBox)
        self.name.setObjectName(u"name")

        self.ownForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.kindLabel = QLabel(self.ownBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.ownForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(self.ownBox)
        self.kind.setObjectName(u"kind")

        self.ownForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.parentLabel = QLabel(self.ownBox)
        self.parentLabel.setObjectName(u"parentLabel")

        self.ownForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = QComboBox(self.ownBox)
        self.parent.setObjectName(u"parent")

        self.ownForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parent)

        self.codeLabel = QLabel(self.ownBox)
        self.codeLabel.setObjectName(u"codeLabel")

        self.ownForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.code = QLineEdit(self.ownBox)
        self.code.setObjectName(u"code")

        self.ownForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.code)


        self.whoLayout.addWidget(self.ownBox)


        self.layout.addWidget(self.whoGroup)

        self.fileForm = QFormLayout()
        self.fileForm.setObjectName(u"fileForm")
        self.periodLabel = QLabel(OfficeSetupDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.period = QComboBox(OfficeSetupDialog)
        self.period.setObjectName(u"period")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.period)

        self.pathLabel = QLabel(OfficeSetupDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.path = QLineEdit(OfficeSetupDialog)
        self.path.setObjectName(u"path")

        self.pathRow.addWidget(self.path)

        self.browse = QPushButton(OfficeSetupDialog)
        self.browse.setObjectName(u"browse")

        self.pathRow.addWidget(self.browse)


        self.fileForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.pathRow)


        self.layout.addLayout(self.fileForm)

        self.message = QLabel(OfficeSetupDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.demo = QPushButton(OfficeSetupDialog)
        self.demo.setObjectName(u"demo")

        self.buttonRow.addWidget(self.demo)

        self.buttonSpace = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpace)

        self.create = QPushButton(OfficeSetupDialog)
        self.create.setObjectName(u"create")

        self.buttonRow.addWidget(self.create)

        self.cancel = QPushButton(OfficeSetupDialog)
        self.cancel.setObjectName(u"cancel")

        self.buttonRow.addWidget(self.cancel)


        self.layout.addLayout(self.buttonRow)


        self.retranslateUi(OfficeSetupDialog)

        self.create.setDefault(True)


        QMetaObject.connectSlotsByName(OfficeSetupDialog)
    # setupUi

    def retranslateUi(self, OfficeSetupDialog):
        OfficeSetupDialog.setWindowTitle(QCoreApplication.translate("OfficeSetupDialog", u"Thi\u1ebft l\u1eadp \u0111\u01a1n v\u1ecb b\u00e1o c\u00e1o", None))
        self.intro.setText(QCoreApplication.translate("OfficeSetupDialog", u"H\u00e3y cho bi\u1ebft \u0111\u01a1n v\u1ecb c\u1ee7a b\u1ea1n v\u00e0 k\u1ef3 b\u00e1o c\u00e1o. dtdesk t\u1ea1o t\u1ec7p d\u1eef li\u1ec7u c\u1ee7a \u0111\u01a1n v\u1ecb v\u00e0 m\u1edf b\u00e1o c\u00e1o \u0111\u1ec3 nh\u1eadp ngay.", None))
        self.provinceLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"T\u1ec9nh, th\u00e0nh ph\u1ed1:", None))
        self.whoGroup.setTitle(QCoreApplication.translate("OfficeSetupDialog", u"\u0110\u01a1n v\u1ecb l\u1eadp b\u00e1o c\u00e1o", None))
        self.communeChoice.setText(QCoreApplication.translate("OfficeSetupDialog", u"X\u00e3, ph\u01b0\u1eddng ho\u1eb7c \u0111\u1eb7c khu c\u1ee7a t\u1ec9nh, th\u00e0nh ph\u1ed1:", None))
        self.communeSearch.setPlaceholderText(QCoreApplication.translate("OfficeSetupDialog", u"G\u00f5 \u0111\u1ec3 t\u00ecm, v\u00ed d\u1ee5: hai an", None))
        self.provinceChoice.setText(QCoreApplication.translate("OfficeSetupDialog", u"Ch\u00ednh t\u1ec9nh, th\u00e0nh ph\u1ed1 (m\u1ecdi x\u00e3, ph\u01b0\u1eddng, \u0111\u1eb7c khu l\u00e0 \u0111\u01a1n v\u1ecb c\u1ea5p d\u01b0\u1edbi)", None))
        self.ownChoice.setText(QCoreApplication.translate("OfficeSetupDialog", u"\u0110\u01a1n v\u1ecb kh\u00e1c, t\u1ef1 khai (s\u1edf, ban, ng\u00e0nh, ho\u1eb7c \u0111\u01a1n v\u1ecb theo \u0111\u1ecba gi\u1edbi c\u0169)", None))
        self.nameLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"T\u00ean \u0111\u01a1n v\u1ecb:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("OfficeSetupDialog", u"v\u00ed d\u1ee5 S\u1edf Khoa h\u1ecdc v\u00e0 C\u00f4ng ngh\u1ec7", None))
        self.kindLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"Lo\u1ea1i \u0111\u01a1n v\u1ecb:", None))
        self.parentLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"\u0110\u01a1n v\u1ecb c\u1ea5p tr\u00ean:", None))
        self.codeLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"M\u00e3 \u0111\u01a1n v\u1ecb:", None))
        self.code.setPlaceholderText(QCoreApplication.translate("OfficeSetupDialog", u"m\u00e3 do c\u1ea5p tr\u00ean c\u1ea5p, v\u00ed d\u1ee5 SKHCN", None))
        self.periodLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"K\u1ef3 b\u00e1o c\u00e1o:", None))
#if QT_CONFIG(tooltip)
        self.period.setToolTip(QCoreApplication.translate("OfficeSetupDialog", u"Ch\u1ecdn trong danh s\u00e1ch, ho\u1eb7c g\u00f5, v\u00ed d\u1ee5: Qu\u00fd I/2022, I/2022, 2022-Q1, Th\u00e1ng 3/2022", None))
#endif // QT_CONFIG(tooltip)
        self.pathLabel.setText(QCoreApplication.translate("OfficeSetupDialog", u"L\u01b0u t\u1ec7p d\u1eef li\u1ec7u t\u1ea1i:", None))
        self.browse.setText(QCoreApplication.translate("OfficeSetupDialog", u"Ch\u1ecdn\u2026", None))
        self.message.setStyleSheet(QCoreApplication.translate("OfficeSetupDialog", u"color: #b00020;", None))
        self.demo.setText(QCoreApplication.translate("OfficeSetupDialog", u"Xem b\u00e1o c\u00e1o m\u1eabu", None))
#if QT_CONFIG(tooltip)
        self.demo.setToolTip(QCoreApplication.translate("OfficeSetupDialog", u"M\u1edf b\u00e1o c\u00e1o m\u1eabu c\u1ee7a qu\u1eadn H\u1ea3i An (qu\u00fd I/2022) \u0111\u1ec3 xem th\u1eed", None))
#endif // QT_CONFIG(tooltip)
        self.create.setText(QCoreApplication.translate("OfficeSetupDialog", u"T\u1ea1o t\u1ec7p d\u1eef li\u1ec7u", None))
        self.cancel.setText(QCoreApplication.translate("OfficeSetupDialog", u"H\u1ee7y", None))
    # retranslateUi


WIDGET_CLASS = "QDialog"
FORM = Ui_OfficeSetupDialog
