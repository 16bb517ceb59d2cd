"""Strings of Qt's own file dialog that Qt's Chinese catalogue (qtbase_zh_CN) misses: Qt 6
labels them "&Look in:" and "Files of &type:" while the catalogue only knows the old texts
without the shortcut marks, so the photo, report and bundle file dialogs showed these two
labels in English. Listed here so `pyside6-lupdate` puts them, in Qt's own "QFileDialog"
context, into runner_zh_CN.ts; every installed catalogue is searched for every context."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_FILE_DIALOG = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
                  QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))
