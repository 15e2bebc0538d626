# Compiled from ui/header_form.ui by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_HeaderForm(object):
    def setupUi(self, HeaderForm):
        if not HeaderForm.objectName():
            HeaderForm.setObjectName(u"HeaderForm")
        HeaderForm.resize(700, 560)
        self.outer = QVBoxLayout(HeaderForm)
        self.outer.setObjectName(u"outer")
        self.title = QLabel(HeaderForm)
        self.title.setObjectName(u"title")

        self.outer.addWidget(self.title)

        self.explain = QLabel(HeaderForm)
        self.explain.setObjectName(u"explain")
        self.explain.setWordWrap(True)

        self.outer.addWidget(self.explain)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_parent_body = QLabel(HeaderForm)
        self.label_parent_body.setObjectName(u"label_parent_body")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_parent_body)

        self.parent_body = QPlainTextEdit(HeaderForm)
        self.parent_body.setObjectName(u"parent_body")
        self.parent_body.setTabChangesFocus(True)
        self.parent_body.setMaximumSize(QSize(16777215, 54))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.parent_body)

        self.label_issuing_body = QLabel(HeaderForm)
        self.label_issuing_body.setObjectName(u"label_issuing_body")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_issuing_body)

        self.issuing_body = QPlainTextEdit(HeaderForm)
        self.issuing_body.setObjectName(u"issuing_body")
        self.issuing_body.setTabChangesFocus(True)
        self.issuing_body.setMaximumSize(QSize(16777215, 54))

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuing_body)

        self.label_number = QLabel(HeaderForm)
        self.label_number.setObjectName(u"label_number")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_number)

        self.number = QLineEdit(HeaderForm)
        self.number.setObjectName(u"number")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.number)

        self.label_place = QLabel(HeaderForm)
        self.label_place.setObjectName(u"label_place")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_place)

        self.place = QLineEdit(HeaderForm)
        self.place.setObjectName(u"place")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place)

        self.label_date = QLabel(HeaderForm)
        self.label_date.setObjectName(u"label_date")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_date)

        self.date = QLineEdit(HeaderForm)
        self.date.setObjectName(u"date")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.label_abstract = QLabel(HeaderForm)
        self.label_abstract.setObjectName(u"label_abstract")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_abstract)

        self.abstract = QLineEdit(HeaderForm)
        self.abstract.setObjectName(u"abstract")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.abstract)

        self.label_cutoff = QLabel(HeaderForm)
        self.label_cutoff.setObjectName(u"label_cutoff")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_cutoff)

        self.cutoff = QLineEdit(HeaderForm)
        self.cutoff.setObjectName(u"cutoff")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cutoff)

        self.label_closing = QLabel(HeaderForm)
        self.label_closing.setObjectName(u"label_closing")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_closing)

        self.closing = QLineEdit(HeaderForm)
        self.closing.setObjectName(u"closing")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.closing)

        self.label_authority = QLabel(HeaderForm)
        self.label_authority.setObjectName(u"label_authority")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label_authority)

        self.authority = QLineEdit(HeaderForm)
        self.authority.setObjectName(u"authority")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.authority)

        self.label_signer_title = QLabel(HeaderForm)
        self.label_signer_title.setObjectName(u"label_signer_title")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.label_signer_title)

        self.signer_title = QLineEdit(HeaderForm)
        self.signer_title.setObjectName(u"signer_title")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.signer_title)

        self.label_signer_name = QLabel(HeaderForm)
        self.label_signer_name.setObjectName(u"label_signer_name")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.label_signer_name)

        self.signer_name = QLineEdit(HeaderForm)
        self.signer_name.setObjectName(u"signer_name")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.signer_name)

        self.label_recipients = QLabel(HeaderForm)
        self.label_recipients.setObjectName(u"label_recipients")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.label_recipients)

        self.recipients = QPlainTextEdit(HeaderForm)
        self.recipients.setObjectName(u"recipients")
        self.recipients.setTabChangesFocus(True)
        self.recipients.setMinimumSize(QSize(0, 140))

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.recipients)


        self.outer.addLayout(self.form)

        self.bottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottom)


        self.retranslateUi(HeaderForm)

        QMetaObject.connectSlotsByName(HeaderForm)
    # setupUi

    def retranslateUi(self, HeaderForm):
        self.title.setText(QCoreApplication.translate("HeaderForm", u"Ph\u1ea7n \u0111\u1ea7u b\u00e1o c\u00e1o", None))
        self.title.setStyleSheet(QCoreApplication.translate("HeaderForm", u"font-size: 13pt; font-weight: bold;", None))
        self.explain.setText(QCoreApplication.translate("HeaderForm", u"Th\u00f4ng tin in \u1edf \u0111\u1ea7u v\u00e0 cu\u1ed1i v\u0103n b\u1ea3n (theo Ngh\u1ecb \u0111\u1ecbnh 30/2020/N\u0110-CP). M\u1ed7i thay \u0111\u1ed5i \u0111\u01b0\u1ee3c l\u01b0u ngay.", None))
        self.label_parent_body.setText(QCoreApplication.translate("HeaderForm", u"C\u01a1 quan ch\u1ee7 qu\u1ea3n:", None))
#if QT_CONFIG(tooltip)
        self.parent_body.setToolTip(QCoreApplication.translate("HeaderForm", u"Vi\u1ebft hoa; xu\u1ed1ng d\u00f2ng (Enter) \u1edf ch\u1ed7 mu\u1ed1n ng\u1eaft d\u00f2ng khi in", None))
#endif // QT_CONFIG(tooltip)
        self.label_issuing_body.setText(QCoreApplication.translate("HeaderForm", u"C\u01a1 quan ban h\u00e0nh:", None))
#if QT_CONFIG(tooltip)
        self.issuing_body.setToolTip(QCoreApplication.translate("HeaderForm", u"Vi\u1ebft hoa; xu\u1ed1ng d\u00f2ng (Enter) \u1edf ch\u1ed7 mu\u1ed1n ng\u1eaft d\u00f2ng khi in", None))
#endif // QT_CONFIG(tooltip)
        self.label_number.setText(QCoreApplication.translate("HeaderForm", u"S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.label_place.setText(QCoreApplication.translate("HeaderForm", u"\u0110\u1ecba danh:", None))
        self.label_date.setText(QCoreApplication.translate("HeaderForm", u"Ng\u00e0y ban h\u00e0nh:", None))
        self.label_abstract.setText(QCoreApplication.translate("HeaderForm", u"Tr\u00edch y\u1ebfu:", None))
        self.label_cutoff.setText(QCoreApplication.translate("HeaderForm", u"T\u00ednh \u0111\u1ebfn ng\u00e0y:", None))
#if QT_CONFIG(tooltip)
        self.cutoff.setToolTip(QCoreApplication.translate("HeaderForm", u"Ng\u00e0y ch\u1ed1t s\u1ed1 li\u1ec7u, in th\u00e0nh \u00ab(T\u00ednh \u0111\u1ebfn ng\u00e0y \u2026)\u00bb", None))
#endif // QT_CONFIG(tooltip)
        self.label_closing.setText(QCoreApplication.translate("HeaderForm", u"C\u00e2u k\u1ebft:", None))
        self.label_authority.setText(QCoreApplication.translate("HeaderForm", u"Quy\u1ec1n h\u1ea1n k\u00fd:", None))
        self.label_signer_title.setText(QCoreApplication.translate("HeaderForm", u"Ch\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.label_signer_name.setText(QCoreApplication.translate("HeaderForm", u"H\u1ecd t\u00ean ng\u01b0\u1eddi k\u00fd:", None))
        self.label_recipients.setText(QCoreApplication.translate("HeaderForm", u"N\u01a1i nh\u1eadn:", None))
        pass
    # retranslateUi


WIDGET_CLASS = "QWidget"
FORM = Ui_HeaderForm
