# Generated from ui/customer_dialog.ui by build_spec/build_assets.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_CustomerDialog(object):
    def setupUi(self, CustomerDialog):
        if not CustomerDialog.objectName():
            CustomerDialog.setObjectName(u"CustomerDialog")
        CustomerDialog.resize(860, 600)
        CustomerDialog.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(CustomerDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(12)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.basicGroup = QGroupBox(CustomerDialog)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicForm = QFormLayout(self.basicGroup)
        self.basicForm.setObjectName(u"basicForm")
        self.basicForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.basicForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.basicForm.setHorizontalSpacing(10)
        self.basicForm.setVerticalSpacing(8)
        self.codeLabel = QLabel(self.basicGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.basicGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(32)

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.shopNameLabel = QLabel(self.basicGroup)
        self.shopNameLabel.setObjectName(u"shopNameLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shopNameLabel)

        self.shopNameEdit = QLineEdit(self.basicGroup)
        self.shopNameEdit.setObjectName(u"shopNameEdit")
        self.shopNameEdit.setMaxLength(100)

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shopNameEdit)

        self.ownerLabel = QLabel(self.basicGroup)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(self.basicGroup)
        self.ownerEdit.setObjectName(u"ownerEdit")
        self.ownerEdit.setMaxLength(50)

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.phoneLabel = QLabel(self.basicGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.basicGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(32)

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.licenceLabel = QLabel(self.basicGroup)
        self.licenceLabel.setObjectName(u"licenceLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.licenceLabel)

        self.licenceEdit = QLineEdit(self.basicGroup)
        self.licenceEdit.setObjectName(u"licenceEdit")
        self.licenceEdit.setMaxLength(32)

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.licenceEdit)

        self.licenceExpiryLabel = QLabel(self.basicGroup)
        self.licenceExpiryLabel.setObjectName(u"licenceExpiryLabel")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.licenceExpiryLabel)

        self.licenceExpiryEdit = QDateEdit(self.basicGroup)
        self.licenceExpiryEdit.setObjectName(u"licenceExpiryEdit")
        self.licenceExpiryEdit.setCalendarPopup(True)
        self.licenceExpiryEdit.setMinimumDate(QDate(2000, 1, 1))
        self.licenceExpiryEdit.setDate(QDate(2000, 1, 1))

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.licenceExpiryEdit)

        self.addressLabel = QLabel(self.basicGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.basicGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.basicForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.districtLabel = QLabel(self.basicGroup)
        self.districtLabel.setObjectName(u"districtLabel")

        self.basicForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.districtLabel)

        self.districtEdit = QLineEdit(self.basicGroup)
        self.districtEdit.setObjectName(u"districtEdit")
        self.districtEdit.setMaxLength(50)

        self.basicForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.districtEdit)


        self.columnsLayout.addWidget(self.basicGroup)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(12)
        self.rightColumn.setObjectName(u"rightColumn")
        self.routeGroup = QGroupBox(CustomerDialog)
        self.routeGroup.setObjectName(u"routeGroup")
        self.routeForm = QFormLayout(self.routeGroup)
        self.routeForm.setObjectName(u"routeForm")
        self.routeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.routeForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.routeForm.setHorizontalSpacing(10)
        self.routeForm.setVerticalSpacing(8)
        self.routeLabel = QLabel(self.routeGroup)
        self.routeLabel.setObjectName(u"routeLabel")

        self.routeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.routeLabel)

        self.routeCombo = QComboBox(self.routeGroup)
        self.routeCombo.setObjectName(u"routeCombo")
        self.routeCombo.setEditable(True)
        self.routeCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.routeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.routeCombo)

        self.routePositionLabel = QLabel(self.routeGroup)
        self.routePositionLabel.setObjectName(u"routePositionLabel")

        self.routeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.routePositionLabel)

        self.routePositionSpin = QSpinBox(self.routeGroup)
        self.routePositionSpin.setObjectName(u"routePositionSpin")
        self.routePositionSpin.setMinimum(0)
        self.routePositionSpin.setMaximum(9999)

        self.routeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.routePositionSpin)

        self.orderWeekdayLabel = QLabel(self.routeGroup)
        self.orderWeekdayLabel.setObjectName(u"orderWeekdayLabel")

        self.routeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.orderWeekdayLabel)

        self.orderWeekdayCombo = QComboBox(self.routeGroup)
        self.orderWeekdayCombo.setObjectName(u"orderWeekdayCombo")

        self.routeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.orderWeekdayCombo)


        self.rightColumn.addWidget(self.routeGroup)

        self.businessGroup = QGroupBox(CustomerDialog)
        self.businessGroup.setObjectName(u"businessGroup")
        self.businessForm = QFormLayout(self.businessGroup)
        self.businessForm.setObjectName(u"businessForm")
        self.businessForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.businessForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.businessForm.setHorizontalSpacing(10)
        self.businessForm.setVerticalSpacing(8)
        self.formatLabel = QLabel(self.businessGroup)
        self.formatLabel.setObjectName(u"formatLabel")

        self.businessForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(self.businessGroup)
        self.formatCombo.setObjectName(u"formatCombo")

        self.businessForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.marketTypeLabel = QLabel(self.businessGroup)
        self.marketTypeLabel.setObjectName(u"marketTypeLabel")

        self.businessForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.marketTypeLabel)

        self.marketTypeCombo = QComboBox(self.businessGroup)
        self.marketTypeCombo.setObjectName(u"marketTypeCombo")

        self.businessForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.marketTypeCombo)

        self.gradeLabel = QLabel(self.businessGroup)
        self.gradeLabel.setObjectName(u"gradeLabel")

        self.businessForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.gradeLabel)

        self.gradeSpin = QSpinBox(self.businessGroup)
        self.gradeSpin.setObjectName(u"gradeSpin")
        self.gradeSpin.setMinimum(0)
        self.gradeSpin.setMaximum(30)

        self.businessForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.gradeSpin)

        self.statusLabel = QLabel(self.businessGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.businessForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.businessGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.businessForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.keyCustomerLabel = QLabel(self.businessGroup)
        self.keyCustomerLabel.setObjectName(u"keyCustomerLabel")

        self.businessForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.keyCustomerLabel)

        self.keyCustomerCheck = QCheckBox(self.businessGroup)
        self.keyCustomerCheck.setObjectName(u"keyCustomerCheck")

        self.businessForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.keyCustomerCheck)

        self.latLabel = QLabel(self.businessGroup)
        self.latLabel.setObjectName(u"latLabel")

        self.businessForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.latLabel)

        self.latEdit = QLineEdit(self.businessGroup)
        self.latEdit.setObjectName(u"latEdit")

        self.businessForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.latEdit)

        self.lonLabel = QLabel(self.businessGroup)
        self.lonLabel.setObjectName(u"lonLabel")

        self.businessForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lonLabel)

        self.lonEdit = QLineEdit(self.businessGroup)
        self.lonEdit.setObjectName(u"lonEdit")

        self.businessForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.lonEdit)


        self.rightColumn.addWidget(self.businessGroup)


        self.columnsLayout.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columnsLayout)

        self.notesLabel = QLabel(CustomerDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.mainLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(CustomerDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.mainLayout.addWidget(self.notesEdit)

        self.errorLabel = QLabel(CustomerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CustomerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.shopNameLabel.setBuddy(self.shopNameEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.licenceLabel.setBuddy(self.licenceEdit)
        self.licenceExpiryLabel.setBuddy(self.licenceExpiryEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.districtLabel.setBuddy(self.districtEdit)
        self.routeLabel.setBuddy(self.routeCombo)
        self.routePositionLabel.setBuddy(self.routePositionSpin)
        self.orderWeekdayLabel.setBuddy(self.orderWeekdayCombo)
        self.formatLabel.setBuddy(self.formatCombo)
        self.marketTypeLabel.setBuddy(self.marketTypeCombo)
        self.gradeLabel.setBuddy(self.gradeSpin)
        self.statusLabel.setBuddy(self.statusCombo)
        self.keyCustomerLabel.setBuddy(self.keyCustomerCheck)
        self.latLabel.setBuddy(self.latEdit)
        self.lonLabel.setBuddy(self.lonEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.shopNameEdit)
        QWidget.setTabOrder(self.shopNameEdit, self.ownerEdit)
        QWidget.setTabOrder(self.ownerEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.licenceEdit)
        QWidget.setTabOrder(self.licenceEdit, self.licenceExpiryEdit)
        QWidget.setTabOrder(self.licenceExpiryEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.districtEdit)
        QWidget.setTabOrder(self.districtEdit, self.routeCombo)
        QWidget.setTabOrder(self.routeCombo, self.routePositionSpin)
        QWidget.setTabOrder(self.routePositionSpin, self.orderWeekdayCombo)
        QWidget.setTabOrder(self.orderWeekdayCombo, self.formatCombo)
        QWidget.setTabOrder(self.formatCombo, self.marketTypeCombo)
        QWidget.setTabOrder(self.marketTypeCombo, self.gradeSpin)
        QWidget.setTabOrder(self.gradeSpin, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.keyCustomerCheck)
        QWidget.setTabOrder(self.keyCustomerCheck, self.latEdit)
        QWidget.setTabOrder(self.latEdit, self.lonEdit)
        QWidget.setTabOrder(self.lonEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(CustomerDialog)

        QMetaObject.connectSlotsByName(CustomerDialog)
    # setupUi

    def retranslateUi(self, CustomerDialog):
        CustomerDialog.setWindowTitle(QCoreApplication.translate("CustomerDialog", u"\u5ba2\u6237\u8d44\u6599", None))
        self.basicGroup.setTitle(QCoreApplication.translate("CustomerDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.codeLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u5ba2\u6237\u7f16\u7801 *", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"\u5982 230902100123", None))
        self.shopNameLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u5ba2\u6237\u540d\u79f0 *", None))
        self.ownerLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u8d1f\u8d23\u4eba", None))
        self.phoneLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"\u624b\u673a\u6216\u5ea7\u673a", None))
        self.licenceLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u8bb8\u53ef\u8bc1\u53f7", None))
        self.licenceEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"12 \u4f4d\u6570\u5b57", None))
        self.licenceExpiryLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u8bb8\u53ef\u8bc1\u6709\u6548\u671f", None))
        self.licenceExpiryEdit.setDisplayFormat(QCoreApplication.translate("CustomerDialog", u"yyyy-MM-dd", None))
        self.licenceExpiryEdit.setSpecialValueText(QCoreApplication.translate("CustomerDialog", u"\u672a\u586b\u5199", None))
        self.addressLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7ecf\u8425\u5730\u5740", None))
        self.districtLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u533a\u53bf", None))
        self.routeGroup.setTitle(QCoreApplication.translate("CustomerDialog", u"\u7ebf\u8def\u4e0e\u8ba2\u8d27", None))
        self.routeLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7ebf\u8def", None))
        self.routePositionLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7ebf\u8def\u987a\u5e8f", None))
        self.routePositionSpin.setSpecialValueText(QCoreApplication.translate("CustomerDialog", u"\u81ea\u52a8\uff08\u6392\u5728\u6700\u540e\uff09", None))
        self.orderWeekdayLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u8ba2\u8d27\u65e5", None))
        self.businessGroup.setTitle(QCoreApplication.translate("CustomerDialog", u"\u7ecf\u8425\u4fe1\u606f", None))
        self.formatLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7ecf\u8425\u4e1a\u6001", None))
        self.marketTypeLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u5e02\u573a\u7c7b\u578b", None))
        self.gradeLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u6863\u4f4d", None))
        self.gradeSpin.setSpecialValueText(QCoreApplication.translate("CustomerDialog", u"\u672a\u5b9a", None))
        self.statusLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7ecf\u8425\u72b6\u6001", None))
        self.keyCustomerLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u91cd\u70b9\u5ba2\u6237", None))
        self.keyCustomerCheck.setText(QCoreApplication.translate("CustomerDialog", u"\u662f\u91cd\u70b9\u5ba2\u6237", None))
        self.latLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7eac\u5ea6", None))
        self.latEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"\u53ef\u4e0d\u586b\uff0c\u5982 45.7712", None))
        self.lonLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u7ecf\u5ea6", None))
        self.lonEdit.setPlaceholderText(QCoreApplication.translate("CustomerDialog", u"\u53ef\u4e0d\u586b\uff0c\u5982 131.0033", None))
        self.notesLabel.setText(QCoreApplication.translate("CustomerDialog", u"\u5907\u6ce8", None))
        self.errorLabel.setText("")
    # retranslateUi
