"""Launch time: process start → first paint of the main window with the demo open,
against a bare PySide6 QMainWindow, each in its own subprocess.

    python benchmarks/bench_launch.py [--runs 7]

Cases (interleaved, so all see the same machine state):

- ``bare``: a bare ``QMainWindow`` (the baseline);
- ``skeleton``: plain PySide6 building, in code, the widget classes of our
  first window (tree, stacked pages, a form of line and text edits in a
  scroll area, a table over a Python ``QAbstractTableModel``, a list in a
  pane below, menus, a status bar) with no dtdesk code and no data, written
  the plain way (naming ``Qt``'s enums): the share of the
  gap that is PySide6's own (each widget class's Python type and enums are
  created on first use);
- ``dtdesk``: the app on the demo, opening on the header form as a clerk's
  launch does;
- ``dtdesk on 3.2``: the same, opening on table 3.2 (``dtdesk open --section chu_ky_so``).

Prints the median of each and its ratio to bare (goal: dtdesk ≤ 1.5 × bare).
Uses the offscreen platform unless DISPLAY is set and --platform is given.

``--split`` also times the stages of the dtdesk launch inside its process
(medians): the Qt-free core, PySide6 and the QApplication, the GUI modules,
the main window, opening the demo on the header form, the first paint.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import sys, time
marks = [("start", time.perf_counter())]
if sys.argv[1] == "split":
    from dtdesk.gui import app as gui_app
    gui_app.import_core_first()
    marks.append(("core", time.perf_counter()))
    application = gui_app.application()
    marks.append(("PySide6 + QApplication", time.perf_counter()))
from PySide6.QtCore import QObject, QEvent, QTimer
KIND, WS = sys.argv[1], sys.argv[2]

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            marks.append(("first paint", time.perf_counter()))
            print("painted", " ".join(f"{name.replace(' ', '_')}={1000 * (t - prev):.2f}"
                                      for (_, prev), (name, t) in zip(marks, marks[1:])), flush=True)
            QTimer.singleShot(0, lambda: sys.exit(0) if False else app.exit(0))
            obj.removeEventFilter(self)
        return False

if KIND == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 720)
    target = window
elif KIND == "skeleton":
    # The widget classes of dtdesk's first window (ui/main_window.ui and ui/header_form.ui), in plain code.
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit, QListWidget,
                                   QMainWindow, QPlainTextEdit, QScrollArea, QSplitter, QStackedWidget, QTableView,
                                   QTreeWidget, QTreeWidgetItem, QWidget)

    class Model(QAbstractTableModel):
        def rowCount(self, parent=None):
            return 12

        def columnCount(self, parent=None):
            return 6

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row() * index.column():,}"

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 720)
    splitter, tree, stack = QSplitter(), QTreeWidget(), QStackedWidget()
    for i in range(30):
        QTreeWidgetItem(tree, [f"Mục {i}"])
    form_page, form = QWidget(), QFormLayout()
    for i in range(9):
        form.addRow(QLabel(f"Trường {i}"), QLineEdit(f"Giá trị {i}"))
    for i in range(3):
        form.addRow(QLabel(f"Đoạn {i}"), QPlainTextEdit("Nơi nhận"))
    form_page.setLayout(form)
    scroll = QScrollArea()
    scroll.setWidget(form_page)
    table = QTableView()
    model = Model()
    table.setModel(model)
    stack.addWidget(scroll)
    stack.addWidget(table)
    splitter.addWidget(tree)
    splitter.addWidget(stack)
    outer = QSplitter(Qt.Orientation.Vertical)
    outer.addWidget(splitter)
    outer.addWidget(QListWidget())
    window.setCentralWidget(outer)
    for name in ("Tệp", "Sửa", "Xem", "Ngôn ngữ", "Trợ giúp"):
        menu = window.menuBar().addMenu(name)
        for i in range(5):
            menu.addAction(f"Lệnh {i}")
    window.statusBar().addPermanentWidget(QLabel("Đã lưu"))
    target = window
elif KIND == "split":
    from dtdesk.gui.main_window import MainWindow
    marks.append(("GUI modules", time.perf_counter()))
    main = MainWindow()
    marks.append(("main window", time.perf_counter()))
    main.open_workspace(WS, section="header")
    marks.append(("demo opened", time.perf_counter()))
    app, window = application, main.window
    target = window
else:
    from dtdesk.gui.app import build
    app, main = build(WS, section="chu_ky_so" if KIND == "dtdesk-3.2" else "header")
    window = target = main.window
flt = FirstPaint()
target.installEventFilter(flt)
window.show()
app.exec()
"""


CASES = {"bare": "bare PySide6 window", "skeleton": "PySide6 skeleton (no dtdesk)",
         "dtdesk": "dtdesk with demo", "dtdesk-3.2": "dtdesk with demo, on table 3.2"}


def once(kind: str, ws: Path, env: dict) -> float:
    return child(kind, ws, env)[0]


def child(kind: str, ws: Path, env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(ws)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=30)
    if "painted" not in line:
        raise SystemExit(f"{kind}: the window never painted")
    return elapsed, line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--split", action="store_true", help="also time the stages of the dtdesk launch")
    args = parser.parse_args()
    from dtdesk.store.demo import create_demo

    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "demo.sqlite"
        create_demo(ws).close()
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)
        # An installed dtdesk has its bytecode compiled (pip does it, and so does the
        # bundle); a checkout run with PYTHONDONTWRITEBYTECODE would recompile every
        # module on every launch and measure the compiler instead of the app.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "dtdesk")],
                       check=True, env=env)
        for kind in CASES:  # warm the file cache
            once(kind, ws, env)
        times: dict[str, list[float]] = {kind: [] for kind in CASES}
        for _ in range(args.runs):  # interleaved, so all see the same machine state
            for kind in CASES:
                times[kind].append(once(kind, ws, env))
        stages: dict[str, list[float]] = {}
        for _ in range(args.runs if args.split else 0):
            for pair in child("split", ws, env)[1].split()[1:]:
                name, ms = pair.split("=")
                stages.setdefault(name.replace("_", " "), []).append(float(ms))
    bare = statistics.median(times["bare"])
    for kind, label in CASES.items():
        median = statistics.median(times[kind])
        ratio = "" if kind == "bare" else f"   ratio {median / bare:.2f}"
        print(f"{label + ':':<34} median {median * 1000:.0f} ms over {args.runs} runs{ratio}")
    print("goal: dtdesk with demo ≤ 1.5 × bare")
    if stages:
        print("stages of the dtdesk launch (medians, in its process, after the interpreter started):")
        for name, values in stages.items():
            print(f"  {name:<24} {statistics.median(values):6.1f} ms")


if __name__ == "__main__":
    main()
