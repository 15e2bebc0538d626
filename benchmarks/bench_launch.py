"""Launch time: process start → first paint of the main window with the demo open,
against a bare PySide6 window with one label, each in its own subprocess.

    python benchmarks/bench_launch.py [--runs 7] [--split]

Cases (interleaved, so all see the same machine state):

- ``bare``: a ``QMainWindow`` whose central widget is one ``QLabel`` (the baseline);
- ``skeleton``: plain PySide6 building, in code, the widget classes of our
  first window (tree, stacked pages, a form of line and text edits in a
  scroll area, a table over a Python ``QAbstractTableModel``, a list in a
  pane below, menus, a status bar) with no dtdesk code and no data: the share
  of the gap that is PySide6's own;
- ``dtdesk``: ``dtdesk open DEMO``, on the header form as a clerk's launch;
- ``dtdesk on 3.2``: ``dtdesk open DEMO --section chu_ky_so``.

The dtdesk child starts the app exactly as the ``dtdesk`` command does: it
calls ``dtdesk.cli.main`` with the command's arguments and imports nothing of
PySide6 or dtdesk before it. To see the first paint it wraps
``dtdesk.gui.app.build`` when that module is first imported (an import hook,
so the order of imports is the command's own) and installs an event filter on
the window ``build`` returns.

Prints the median of each case and its ratio to bare (goal: dtdesk ≤ 1.6 × bare),
then the median CPU time each process used up to its first paint: on a busy
machine the wall time mostly measures the wait for a core, the CPU time much less.
Uses the offscreen platform unless --platform says otherwise.

``--split`` also times, inside the dtdesk process (medians): from the start
to ``build`` (the command line and its imports), ``build`` itself (PySide6,
the QApplication, the GUI modules, the main window, opening the demo), and
from there to the first paint.

``--instructions`` also counts, with valgrind (cachegrind), the instructions
the bare window and ``dtdesk open DEMO`` run from the start to their first
paint (each child stops there): a count that other jobs on the machine do not
change, for comparing two versions of the code on a busy machine (slow: about
a minute).

``--classes`` also counts the enum classes and dataclasses each case makes
before its first paint (one more launch of each, with the counting switched
on): on Python 3.11 making them is a large part of a launch.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNT_CLASSES = r"""
if os.environ.get("BENCH_COUNT_CLASSES"):  # --classes: count the enum classes and dataclasses made before the paint
    import dataclasses, enum

    made = {"enums": 0, "dataclasses": 0}

    def counted(original, kind):
        def count(*args, **kwargs):
            made[kind] += 1
            return original(*args, **kwargs)
        return count

    enum.EnumType.__new__ = counted(enum.EnumType.__new__, "enums")
    dataclasses._process_class = counted(dataclasses._process_class, "dataclasses")
"""

FIRST_PAINT = r"""
def watch_first_paint(window, app, marks):
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                marks.append(("first paint", time.perf_counter()))
                stages = " ".join(f"{name.replace(' ', '_')}={1000 * (t - prev):.2f}"
                                  for (_, prev), (name, t) in zip(marks, marks[1:]))
                if os.environ.get("BENCH_COUNT_CLASSES"):
                    print("classes", *(f"{kind}={n}" for kind, n in made.items()), flush=True)
                print(f"painted cpu={1000 * time.process_time():.2f}", stages, flush=True)
                if os.environ.get("BENCH_STOP_AT_PAINT"):  # counting instructions: nothing after the paint
                    os._exit(0)
                obj.removeEventFilter(self)
                QTimer.singleShot(0, lambda: app.exit(0))
            return False

    window.first_paint_filter = FirstPaint()
    window.installEventFilter(window.first_paint_filter)
"""

DTDESK = r"""
import os, sys, time
marks = [("start", time.perf_counter())]
""" + COUNT_CLASSES + FIRST_PAINT + r"""

class WrapBuild:
    # A meta path finder that lets dtdesk.gui.app load as usual, then wraps its build().
    def find_spec(self, name, path=None, target=None):
        if name != "dtdesk.gui.app":
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            build = module.build

            def timed_build(*args, **kwargs):
                marks.append(("command line", time.perf_counter()))
                app, main = build(*args, **kwargs)
                marks.append(("build", time.perf_counter()))
                watch_first_paint(main.window, app, marks)
                return app, main

            module.build = timed_build

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, WrapBuild())
sys.argv = ["dtdesk", *sys.argv[1:]]
from dtdesk.cli import main

sys.exit(main())
"""

BARE = r"""
import os, sys, time
marks = [("start", time.perf_counter())]
""" + COUNT_CLASSES + FIRST_PAINT + r"""
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 720)
window.setCentralWidget(QLabel("Báo cáo chuyển đổi số"))
watch_first_paint(window, app, marks)
window.show()
app.exec()
"""

SKELETON = r"""
import os, sys, time
marks = [("start", time.perf_counter())]
""" + COUNT_CLASSES + FIRST_PAINT + r"""
# The widget classes of dtdesk's first window (ui/main_window.ui and ui/header_form.ui), in plain code.
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit, QListWidget, QMainWindow,
                               QPlainTextEdit, QScrollArea, QSplitter, QStackedWidget, QTableView, QTreeWidget,
                               QTreeWidgetItem, QWidget)


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
watch_first_paint(window, app, marks)
window.show()
app.exec()
"""

CASES = {"bare": "bare PySide6 window", "skeleton": "PySide6 skeleton (no dtdesk)",
         "dtdesk": "dtdesk with demo", "dtdesk-3.2": "dtdesk with demo, on table 3.2"}


def command(kind: str, ws: Path) -> list[str]:
    """The child's command line: the bare window, the skeleton, or ``dtdesk open`` with its arguments."""
    if kind == "bare":
        return [sys.executable, "-c", BARE]
    if kind == "skeleton":
        return [sys.executable, "-c", SKELETON]
    section = ["--section", "chu_ky_so"] if kind == "dtdesk-3.2" else []
    return [sys.executable, "-c", DTDESK, "open", str(ws), *section]


def child(kind: str, ws: Path, env: dict) -> tuple[float, str]:
    """Seconds from starting the process to its first paint, and the line it printed then."""
    start = time.perf_counter()
    proc = subprocess.Popen(command(kind, ws), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                            text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=30)
    if "painted" not in line:
        raise SystemExit(f"{kind}: the window never painted")
    return elapsed, line


def classes(kind: str, ws: Path, env: dict) -> dict[str, int]:
    """The enum classes and dataclasses the child makes from its start to its first paint.

    Python makes each enum and each dataclass at run time, and on Python 3.11 both are dear: PySide6 makes every
    enum of a Qt class (the ``Qt`` namespace alone has 93) the first time the class is named, and a frozen dataclass
    compiles six methods. The counts say how much of a launch's gap to the bare window is class creation.
    """
    run = subprocess.run(command(kind, ws), capture_output=True, text=True, timeout=60,
                         env=dict(env, BENCH_COUNT_CLASSES="1", BENCH_STOP_AT_PAINT="1"))
    line = next((line for line in run.stdout.splitlines() if line.startswith("classes ")), None)
    if line is None:
        raise SystemExit(f"{kind}: the window never painted")
    return {kind: int(n) for kind, n in (pair.split("=") for pair in line.split()[1:])}


def instructions(kind: str, ws: Path, env: dict) -> int:
    """Instructions the child runs from its start to its first paint, as valgrind's cachegrind counts them."""
    tool = [shutil.which("valgrind"), "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    run = subprocess.run([*tool, *command(kind, ws)], capture_output=True, text=True,
                         env=dict(env, BENCH_STOP_AT_PAINT="1"))
    counted = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if counted is None:
        raise SystemExit(f"{kind}: valgrind counted nothing")
    return int(counted.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--split", action="store_true", help="also time the stages of the dtdesk launch")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions to the first paint with valgrind (bare and dtdesk)")
    parser.add_argument("--classes", action="store_true",
                        help="also count the enum classes and dataclasses each case makes before its first paint")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
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
            child(kind, ws, env)
        times: dict[str, list[float]] = {kind: [] for kind in CASES}
        cpu: dict[str, list[float]] = {kind: [] for kind in CASES}
        stages: dict[str, list[float]] = {}
        for _ in range(args.runs):  # interleaved, so all see the same machine state
            for kind in CASES:
                elapsed, line = child(kind, ws, env)
                times[kind].append(elapsed)
                cpu[kind].append(float(line.split()[1].removeprefix("cpu=")))
                for pair in line.split()[2:] if args.split and kind == "dtdesk" else ():
                    name, ms = pair.split("=")
                    stages.setdefault(name.replace("_", " "), []).append(float(ms))
        counts = {kind: instructions(kind, ws, env) for kind in ("bare", "dtdesk")} if args.instructions else {}
        made = {kind: classes(kind, ws, env) for kind in CASES} if args.classes else {}
    bare = statistics.median(times["bare"])
    for kind, label in CASES.items():
        median = statistics.median(times[kind])
        ratio = "" if kind == "bare" else f"   ratio {median / bare:.2f}"
        print(f"{label + ':':<34} median {median * 1000:.0f} ms over {args.runs} runs{ratio}")
    print("goal: dtdesk with demo ≤ 1.6 × bare")
    bare_cpu = statistics.median(cpu["bare"])
    print("CPU time to first paint (medians): " + "; ".join(
        f"{kind} {statistics.median(values):.0f} ms" + ("" if kind == "bare" else
                                                        f" ({statistics.median(values) / bare_cpu:.2f} × bare)")
        for kind, values in cpu.items()))
    if stages:
        print("stages of `dtdesk open` on the demo (medians, in its process, after the interpreter started):")
        for name, values in stages.items():
            print(f"  {name:<24} {statistics.median(values):6.1f} ms")
    if made:
        print("classes made before the first paint: " + "; ".join(
            f"{kind} {n['enums']} enums, {n['dataclasses']} dataclasses" for kind, n in made.items()))
    if counts:
        print(f"instructions to first paint (valgrind): bare {counts['bare'] / 1e6:.0f} M; "
              f"dtdesk {counts['dtdesk'] / 1e6:.0f} M ({counts['dtdesk'] / counts['bare']:.2f} × bare)")


if __name__ == "__main__":
    main()
