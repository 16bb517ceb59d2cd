"""Start-up: the app to its first painted inspection rows against a bare PySide6 window with
an empty table, each in a fresh process; `school-inspect --help` against `python -c pass`."""

from __future__ import annotations

from pathlib import Path

from common import Row, env, median_pair, python

# The baseline: the least a PySide6 app showing a table can do, exiting once it painted.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView(window)
model = QStandardItemModel(0, 8, window)
table.setModel(model)
window.setCentralWidget(table)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: app.exit(0))
        return False
watcher = Painted()
table.viewport().installEventFilter(watcher)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""

APP = "import sys; from app.cli import main; sys.exit(main([]))"
HELP = "import sys; from app.cli import main; sys.exit(main(['--help']))"


# Runs of each side, interleaved. The bare window alone moved 0.25-0.32 s between runs of
# five on one quiet machine, and the ratio with it 1.60-2.05x for one unchanged app; the
# median of eleven moves far less.
RUNS = 11


def measure(home: Path, runs: int = RUNS) -> list[Row]:
    app_env = env(SCHOOL_INSPECT_HOME=str(home), SCHOOL_INSPECT_BENCH_EXIT="first-paint")
    (app_wall, app_rss, app_cpu), (bare_wall, bare_rss, bare_cpu) = median_pair(
        ([python(), "-c", APP], app_env), ([python(), "-c", BARE_WINDOW], None), runs)
    (help_wall, _, help_cpu), (pass_wall, _, pass_cpu) = median_pair(
        ([python(), "-c", HELP], None), ([python(), "-c", "pass"], None), runs)
    return [
        Row("start to first painted rows (wall)", app_wall, bare_wall, "s", target=2.0),
        Row("start to first painted rows (CPU)", app_cpu, bare_cpu, "s", target=2.0),
        Row("start: peak RSS", app_rss, bare_rss, "MB", limit=250),
        Row("school-inspect --help (wall)", help_wall, pass_wall, "s", target=4.0),
        Row("school-inspect --help (CPU)", help_cpu, pass_cpu, "s", target=4.0),
    ]
