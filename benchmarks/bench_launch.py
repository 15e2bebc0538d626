"""Launch time: process start → first paint of the main window with the demo open,
against a bare PySide6 QMainWindow, each in its own subprocess.

    python benchmarks/bench_launch.py [--runs 7]

Prints the median of each and their ratio (goal: dtdesk ≤ 1.5 × bare).
Uses the offscreen platform unless DISPLAY is set and --platform is given.
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
from PySide6.QtCore import QObject, QEvent, QTimer
KIND, WS = sys.argv[1], sys.argv[2]

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, lambda: sys.exit(0) if False else app.exit(0))
            obj.removeEventFilter(self)
        return False

if KIND == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 720)
    target = window
else:
    import os
    os.environ.setdefault("DTDESK_SECTION", "chu_ky_so")
    from dtdesk.gui.app import build
    app, main = build(WS)
    window = target = main.window
flt = FirstPaint()
target.installEventFilter(flt)
window.show()
app.exec()
"""


def once(kind: str, ws: Path, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(ws)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=30)
    if "painted" not in line:
        raise SystemExit(f"{kind}: the window never painted")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen")
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
        once("bare", ws, env), once("dtdesk", ws, env)  # warm the file cache
        bare, app = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine state
            bare.append(once("bare", ws, env))
            app.append(once("dtdesk", ws, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window: median {b * 1000:.0f} ms over {len(bare)} runs")
    print(f"dtdesk with demo:    median {a * 1000:.0f} ms over {len(app)} runs")
    print(f"ratio: {a / b:.2f} (goal ≤ 1.5)")


if __name__ == "__main__":
    main()
