"""Only ``dtdesk.store`` speaks the workspace's SQL.

Every module of ``dtdesk`` outside the store is read as a syntax tree: no
statement may be run (``execute``, ``executemany``, ``executescript``) and no
string may hold SQL. The two exceptions speak a submission file's own tables,
never the workspace's: ``exchange/validate.py`` reads the in-memory copy of a
file it checks, and ``exchange/manifest.py`` writes a new file in the format it
defines.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import dtdesk

PACKAGE = Path(dtdesk.__file__).parent
SUBMISSION_FILE_MODULES = {"exchange/validate.py", "exchange/manifest.py"}
_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|PRAGMA|SAVEPOINT|BEGIN|COMMIT|ROLLBACK)"
                  r"\b.*\b(INTO|FROM|TABLE|SET|IMMEDIATE|TRANSACTION|ROLLBACK|\w+ *=)|^\s*(BEGIN|COMMIT|ROLLBACK"
                  r"|SAVEPOINT|RELEASE)\b", re.S)
_RUN = {"execute", "executemany", "executescript"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sql_spoken(source: str) -> list[str]:
    """Where a module runs a statement or holds SQL text: ["line 12: execute", "line 30: 'SELECT …'"]."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RUN:
            found.append(f"line {node.lineno}: {node.func.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if _SQL.search(node.value):
                found.append(f"line {node.lineno}: {node.value[:60]!r}")
    return found


def test_no_module_outside_the_store_speaks_the_workspaces_sql():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith(("store/", "gui/uic/")) or name in SUBMISSION_FILE_MODULES:
            continue
        if found := sql_spoken(path.read_text(encoding="utf-8")):
            offenders[name] = found
    assert offenders == {}


def test_the_scan_finds_statements_and_sql_text_but_not_prose():
    source = '''
"""A module whose docstring says SELECT value FROM vals, which is prose."""
def f(ws, unit):
    ws.conn.execute("SELECT value FROM vals WHERE unit = ?", (unit,))
    cursor.executemany(query, rows)
    sql = f"UPDATE reports SET revision = {1}"
    conn.execute("BEGIN IMMEDIATE")
    message = "Chọn một báo cáo để cập nhật"
'''
    found = sql_spoken(source)
    assert [f.split(":")[0] for f in found].count("line 4") == 2
    assert "line 5: executemany" in found
    assert any(f.startswith("line 6:") for f in found)
    assert any(f.startswith("line 7:") and "BEGIN" in f for f in found)
    assert not any(f.startswith(("line 2:", "line 8:")) for f in found)
