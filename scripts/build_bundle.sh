#!/usr/bin/env bash
# Build the one-folder bundle from build.spec and smoke-test the frozen app headless.
#
#   scripts/build_bundle.sh            (PYTHON=path/to/python to pick the interpreter; default: python3)
#
# Checks, against the same commands run from source:
#   1. frozen `dtdesk-cli demo` + `dtdesk-cli render`: the PDF text (pdftotext -layout) equals the source one;
#   2. frozen `check`, `backup`, `--version`;
#   3. the windowed `dtdesk open` starts under QT_QPA_PLATFORM=offscreen and is still running after 8 s;
#   4. no other Qt binding, no Tk, no QtNetwork Python module inside the bundle.
# Prints build time and bundle size. Too slow for every CI run; run it before a release.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3}"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen

command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }
"$PY" -m PyInstaller --version >/dev/null 2>&1 || { echo "install PyInstaller: $PY -m pip install pyinstaller" >&2; exit 2; }

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN build.spec
build_s=$(( $(date +%s) - start ))
BUNDLE="$ROOT/dist/dtdesk"
CLI="$BUNDLE/dtdesk-cli"
GUI="$BUNDLE/dtdesk"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if "$@"; then echo "ok    $*"; else echo "FAIL  $*"; fail=1; fi; }

# from source
"$PY" -m dtdesk demo "$WORK/src.sqlite" >/dev/null
"$PY" -m dtdesk render "$WORK/src.sqlite" -o "$WORK/src.pdf" >/dev/null
pdftotext -layout "$WORK/src.pdf" "$WORK/src.txt"

# frozen
check "$CLI" --version
"$CLI" demo "$WORK/frozen.sqlite"
"$CLI" render "$WORK/frozen.sqlite" -o "$WORK/frozen.pdf"
pdftotext -layout "$WORK/frozen.pdf" "$WORK/frozen.txt"
check cmp -s "$WORK/src.txt" "$WORK/frozen.txt"
check test "$(wc -l <"$WORK/frozen.txt")" -gt 100
"$CLI" check "$WORK/frozen.sqlite" >/dev/null || [ $? -eq 1 ]  # 1 = data breaks a rule; still ran
check "$CLI" backup "$WORK/frozen.sqlite"

# the windowed executable starts the GUI and keeps running
"$GUI" open "$WORK/frozen.sqlite" >"$WORK/gui.log" 2>&1 &
gui_pid=$!
sleep 8
if kill -0 "$gui_pid" 2>/dev/null; then
    echo "ok    windowed dtdesk open: running after 8 s"
    kill "$gui_pid"; wait "$gui_pid" 2>/dev/null || true
else
    echo "FAIL  windowed dtdesk open exited early:"; cat "$WORK/gui.log"; fail=1
fi

# nothing unwanted inside
unwanted=$(find "$BUNDLE" \( -iname '*PyQt5*' -o -iname '*PyQt6*' -o -iname '*PySide2*' -o -iname '*tkinter*' \
    -o -iname '_tkinter*' -o -iname 'QtNetwork.*' -o -iname 'QtQml.*' -o -iname 'QtQuick*' \) -print)
check test -z "$unwanted"
[ -z "$unwanted" ] || echo "$unwanted"

size=$(du -sh "$BUNDLE" | cut -f1)
files=$(find "$BUNDLE" -type f | wc -l)
echo "bundle: $BUNDLE  size $size  files $files  build ${build_s}s  pdf text $(wc -l <"$WORK/frozen.txt") lines"
exit $fail
