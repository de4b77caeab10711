# Generated from ui/passphrase_dialog.ui by build_spec/build_assets.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'passphrase_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PassphraseDialog(object):
    def setupUi(self, PassphraseDialog):
        if not PassphraseDialog.objectName():
            PassphraseDialog.setObjectName(u"PassphraseDialog")
        PassphraseDialog.resize(460, 200)
        PassphraseDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(PassphraseDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.prompt = QLabel(PassphraseDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.prompt)

        self.edit = QLineEdit(PassphraseDialog)
        self.edit.setObjectName(u"edit")
        self.edit.setMinimumSize(QSize(0, 32))
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.mainLayout.addWidget(self.edit)

        self.errorLabel = QLabel(PassphraseDialog)
        self.errorLabel.setObjectName(u"errorLabel")

        self.mainLayout.addWidget(self.errorLabel)

        self.hint = QLabel(PassphraseDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.mainLayout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(PassphraseDialog)
        self.buttons.setObjectName(u"buttons")

        self.mainLayout.addWidget(self.buttons)


        self.retranslateUi(PassphraseDialog)

        QMetaObject.connectSlotsByName(PassphraseDialog)
    # setupUi

    def retranslateUi(self, PassphraseDialog):
        PassphraseDialog.setWindowTitle(QCoreApplication.translate("PassphraseDialog", u"\u6253\u5f00\u52a0\u5bc6\u7684\u6570\u636e\u5e93", None))
#if QT_CONFIG(accessibility)
        self.edit.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"\u53e3\u4ee4", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText(QCoreApplication.translate("PassphraseDialog", u"\u53e3\u4ee4\u4e0d\u6b63\u786e", None))
    # retranslateUi
