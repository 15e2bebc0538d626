"""A value's history: who changed it, when, from what, and through which file.

Every edit, key and load writes an audit row, and so does an import for each
value it replaces or removes. A value an import brought where there was none
has no audit row: the file it came from is kept whole in the workspace
(``imports``: its bytes, who imported it and when), and is its record. This
module joins the two, reading the kept files only for the gaps the audit
leaves, so the history reads the same as if every imported value had its row.
"""

from __future__ import annotations

from dtdesk.core.formats import nfc
from dtdesk.exchange.importer import read_received
from dtdesk.exchange.sources import source_tag
from dtdesk.exchange.validate import Rejected
from dtdesk.exchange.xlsx_import import REVISION as XLSX_REVISION
from dtdesk.store.workspace import Workspace


def _file_value(ws: Workspace, original: dict, unit: str, key: str, row: str):
    """The value a kept file (a submission or a workbook) holds for a cell, as the import stored it (empty text
    is no value)."""
    try:
        sub = read_received(ws, original["filename"], original["original"])
    except Rejected:  # kept bytes that today's checks refuse say nothing
        return None
    for u, _p, k, r, v in sub.values:
        if (u, k, r) == (unit, key, row):
            return (nfc(v) or None) if type(v) is str else v
    return None


def _brought(ws: Workspace, files: list[dict], unit: str, key: str, row: str, value, since: str) -> dict | None:
    """The first file imported at or after ``since`` that holds ``value`` for the cell."""
    for f in files:
        if f["imported_at"] >= since and _file_value(ws, f, unit, key, row) == value:
            return f
    return None


def _tag(f: dict) -> str:
    """The source the values of a kept file carry: a submission's, or a workbook's (revision 0)."""
    return source_tag(f["sha256"], workbook=f["revision"] == XLSX_REVISION)


def _entry(f: dict, unit: str, period: str, key: str, row: str, value) -> dict:
    return {"at": f["imported_at"], "who": f["who"], "unit": unit, "period": period, "key": key, "row": row,
            "old": None, "new": value, "source": _tag(f), "file": f["filename"]}


def cell_history(ws: Workspace, unit: str, period: str, key: str, row: str = "") -> list[dict]:
    """The audit rows of one cell, oldest first, with the imports that brought a value where there was none.

    Each entry is an audit row (``at``, ``who``, ``old``, ``new``, ``source``…)
    plus ``file``: the name of the file the change came through, or "". A
    value that came from a filled workbook has the source ``xlsx:…``
    (:func:`dtdesk.exchange.sources.source_words`: "nhập từ Excel").
    """
    records = ws.audit(unit, period, key, row)
    units = ws.hierarchy()
    parent = units[unit].parent if unit in units else None
    files = [f for code in {unit, parent} - {None} for f in ws.imported_files(code, period)]
    files.sort(key=lambda f: f["imported_at"])
    by_tag = {_tag(f): f["filename"] for f in files}
    history: list[dict] = []
    value, since = None, ""
    for record in [*records, None]:
        arrived = ws.value(unit, period, key, row) if record is None else record["old"]
        if value is None and arrived is not None:  # a value no record brought: an import's file did
            found = _brought(ws, files, unit, key, row, arrived, since)
            if found is not None:
                history.append(_entry(found, unit, period, key, row, arrived))
        if record is not None:
            history.append({**record, "file": by_tag.get(record["source"], "")})
            value, since = record["new"], record["at"]
    return history
