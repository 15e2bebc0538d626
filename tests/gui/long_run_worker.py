"""A day's work in one window, run in its own process by test_long_run.py.

    python long_run_worker.py WORKSPACE SETTINGS.ini EDITS VOID_CALLS

Types EDITS values through the window (half in the header form, half in table
3.2), makes VOID_CALLS void Qt calls, and prints what it saw as JSON. A PySide6
that drops a reference to None on void calls (6.12.0 on Python 3.11) aborts
this process with "none_dealloc" long before the end.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from dtdesk.gui.main_window import MainWindow  # noqa: E402


def main(path: str, settings_path: str, edits: int, void_calls: int) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(QSettings(settings_path, QSettings.Format.IniFormat))
    window.open_workspace(path)
    window.window.show()
    app.processEvents()
    before = sys.getrefcount(None)

    window.select_section("header")
    number = window.pages["header"].edits["number"]
    for i in range(edits // 2):
        number.setText(f"{i}/BC-VP")
        number.editingFinished.emit()
        if i % 50 == 0:
            app.processEvents()
    window.select_section("chu_ky_so")
    model = window.pages["chu_ky_so"].model
    cell = model.locate("HA-TUPHAP", "", "total")
    for i in range(edits - edits // 2):
        model.setData(cell, str(100 + i % 500), Qt.ItemDataRole.EditRole)
        if i % 50 == 0:
            app.processEvents()
    app.processEvents()
    after_edits = sys.getrefcount(None)
    label = QLabel()
    for i in range(void_calls):
        label.setText(str(i))
    after_void = sys.getrefcount(None)
    window.close_workspace()
    print(json.dumps({"none_before": before, "none_after_edits": after_edits, "none_after_void": after_void,
                      "last_number": f"{edits // 2 - 1}/BC-VP", "last_total": 100 + (edits - edits // 2 - 1) % 500}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
