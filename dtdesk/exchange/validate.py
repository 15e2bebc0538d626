"""Reading a submission file that came from outside: every byte is untrusted.

:func:`read_submission` either returns a :class:`Submission` whose content is
exactly what the format allows, or raises :class:`Rejected` carrying one
Vietnamese sentence that says why. The checks, in order:

1. size bounds (the file is read once, never more than one byte past the
   limit), the SQLite header, rollback-journal mode (the format never uses WAL);
2. the bytes already read are loaded into an in-memory database
   (``deserialize``), not the file opened a second time, so the bytes
   validated are by construction the bytes hashed and kept: nothing can change
   between the check and the use, and SQLite never touches the file or its
   folder. The connection has ``trusted_schema=OFF``, ``cell_size_check=ON``,
   ``query_only=ON``, a length limit and a step budget;
3. ``PRAGMA quick_check`` (any exception or a row other than "ok" rejects);
4. ``application_id`` / ``user_version``, then ``sqlite_master`` compared with
   the exact expected schema: no trigger, view or index, no extra or missing
   table or column;
5. row counts and text lengths bounded, value types checked;
6. the manifest: known format and template, unit and period consistent with
   the rows, bodies belong to the unit, and the content hash matches.

Nothing here touches a workspace; :mod:`dtdesk.exchange.importer` does the
checks that need one (parent unit, duplicates, revisions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import sqlite3
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dtdesk.core.errors import Failure
from dtdesk.core.i18n import N_, Phrase
from dtdesk.core.formats import os_reason, printable
from dtdesk.core.inputs import NotRegularFile, read_regular
from dtdesk.core.periods import Period, PeriodError, parse_period
from dtdesk.core.template import TemplateError, builtin_templates, load_template
from dtdesk.core.units import KINDS, Unit, UnitError, check_tree, is_code
from dtdesk.exchange import manifest as mf

MAX_FILE_BYTES = 8 * 1024 * 1024
MIN_FILE_BYTES = 512
MAX_TEXT = 20_000  # characters of one text value
MAX_ROWS = {"manifest": 32, "units": 500, "reports": 1, "vals": 20_000}
MAX_STEPS = 50_000_000  # SQLite VM steps for one file (progress handler budget)
SQLITE_HEADER = b"SQLite format 3\x00"
_LIMIT_LENGTH = 0  # sqlite3.SQLITE_LIMIT_LENGTH
_COUNT = re.compile(r"[1-9][0-9]{0,5}")  # a revision or template version: ASCII digits only ("²" is a digit to Python)


# Flags of the connection, set before the bytes are loaded; they hold for the database deserialized into it.
_PRAGMAS = "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA query_only = ON;"


class Rejected(Failure):
    """The file is refused; ``str(exc)`` is one sentence for the clerk."""


def as_path(path: str | Path) -> Path:
    """``path`` as a :class:`Path`, without parsing again one that already is."""
    return path if isinstance(path, Path) else Path(path)


def file_label(path: str | Path) -> str:
    """A file's name as it may be quoted (a path already parsed is not parsed again)."""
    return printable(as_path(path).name, 80)


def _undecodable(name: str) -> bool:
    """Whether a file name held bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    return any("\udc80" <= c <= "\udcff" for c in name)


_q = printable


def read_file(path: Path, limit: int = MAX_FILE_BYTES, kind: str = N_("tệp nộp báo cáo")) -> bytes:
    """The file's bytes (one more than the limit at most), or :class:`Rejected`: a FIFO, a device or a folder is
    refused without waiting, so nothing blocks a batch that holds the workspace's write lock. ``kind`` names
    what the file should have been."""
    try:
        return read_regular(path, limit + 1)
    except NotRegularFile as exc:
        what = Phrase("là một thư mục") if exc.folder else Phrase("không phải là một tệp thông thường")
        raise Rejected("Đường dẫn «{path}» {what} nên không phải là {kind}.", path=file_label(path), what=what,
                       kind=Phrase(kind)) from None
    except OSError as exc:
        raise Rejected("Không đọc được tệp «{name}»: {reason}.", name=file_label(path), reason=os_reason(exc)) from None


@dataclass
class Submission:
    path: Path
    sha256: str  # of the file bytes
    content_sha256: str  # the manifest's hash over the content
    manifest: dict[str, str]
    units: list[dict]
    report: dict
    values: list[tuple]  # (unit, period, key, row, value)
    original: bytes = field(repr=False, default=b"")
    # the cells a partial answer holds (an Excel workbook: dtdesk.exchange.xlsx_import); None: all its units' values
    covers: frozenset | None = field(repr=False, default=None)

    @property
    def unit(self) -> str:
        return self.manifest["unit"]

    @property
    def parent(self) -> str:
        return self.manifest["parent"]

    @property
    def period(self) -> str:
        return self.manifest["period"]

    @property
    def revision(self) -> int:
        return int(self.manifest["revision"])

    @property
    def template_id(self) -> str:
        return self.manifest["template_id"]

    @property
    def template_version(self) -> int:
        return int(self.manifest["template_version"])

    @property
    def workbook(self) -> bool:
        """A filled Excel workbook: it holds only the cells it covers, and no revision (it is kept as 0)."""
        return self.covers is not None

    @property
    def label(self) -> Phrase:
        if self.workbook:
            return Phrase("{unit} kỳ {period}, biểu Excel", unit=self.unit, period=self.period)
        return Phrase("{unit} kỳ {period} lần nộp r{revision}", unit=self.unit, period=self.period,
                      revision=self.revision)


class UntrustedReader:
    """A query-only, distrustful in-memory SQLite connection that holds one file's bytes at a time.

    Connecting and closing cost more than checking a small submission file, so
    a batch reads its files through one reader: each file's bytes replace the
    previous file's (``deserialize``), the flags and the length limit set on the
    connection stay, and the step budget starts again for every file. Nothing
    of one file outlives the next one's loading: SQLite drops the previous
    database, its schema and its pages.
    """

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None
        self._steps = 0

    def load(self, data: bytes) -> sqlite3.Connection:
        """The connection over a copy of ``data``; raises ``sqlite3.Error`` (or MemoryError) if SQLite refuses it."""
        self._steps = 0
        if self._conn is not None:
            try:
                self._conn.deserialize(data)
                return self._conn
            except sqlite3.Error:  # the previous file left it unusable: this file gets a connection of its own
                self.close()
        self._conn = self._connect()
        try:
            self._conn.deserialize(data)
        except BaseException:
            self.close()
            raise
        return self._conn

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            conn.setlimit(_LIMIT_LENGTH, 4 * MAX_TEXT + 1024)
            conn.executescript(_PRAGMAS)
            conn.set_progress_handler(self._over_budget, 1000)
        except BaseException:
            conn.close()
            raise
        return conn

    def _over_budget(self) -> int:
        self._steps += 1
        return 1 if self._steps > MAX_STEPS // 1000 else 0

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> UntrustedReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_untrusted(data: bytes) -> sqlite3.Connection:
    """A query-only, distrustful in-memory connection over a copy of bytes that came from outside (one file)."""
    return UntrustedReader().load(data)


def _header_checks(name: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise Rejected("Tệp «{name}» quá lớn ({count} KB) so với một tệp nộp báo cáo.", name=name,
                       count=len(data) // 1024)
    if len(data) < MIN_FILE_BYTES or not data.startswith(SQLITE_HEADER):
        raise Rejected("Tệp «{name}» không phải là tệp nộp báo cáo của dtdesk hoặc đã bị cắt cụt.", name=name)
    if data[18] != 1 or data[19] != 1:
        raise Rejected("Tệp «{name}» không còn như khi dtdesk xuất: một chương trình khác đã mở và ghi lại "
                       "nó.", name=name)
    if int.from_bytes(data[56:60], "big") != 1:
        raise Rejected("Tệp «{name}» không phải là tệp nộp báo cáo do dtdesk xuất (mã hóa chữ không phải UTF-8).",
                       name=name)
    page = int.from_bytes(data[16:18], "big") or 65536
    pages = int.from_bytes(data[28:32], "big")
    if page < 512 or page & (page - 1) or len(data) % page or (pages and pages * page != len(data)):
        raise Rejected("Tệp «{name}» đã bị cắt cụt hoặc bị hỏng.", name=name)


def _schema_checks(conn: sqlite3.Connection, name: str, header: bytes) -> None:
    # application_id and user_version are header fields (offsets 68 and 60); quick_check has passed.
    app_id = int.from_bytes(header[68:72], "big", signed=True)
    version = int.from_bytes(header[60:64], "big", signed=True)
    if app_id != mf.APPLICATION_ID:
        raise Rejected("Tệp «{name}» là tệp SQLite nhưng không phải là tệp nộp báo cáo của dtdesk.", name=name)
    if version != mf.FORMAT_VERSION:
        raise Rejected("Tệp «{name}» có định dạng phiên bản {version}, phiên bản dtdesk này không đọc được.",
                       name=name, version=version)
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, obj, _table, _sql in rows:
        if kind == "trigger":
            raise Rejected("Tệp «{name}» chứa trigger «{obj}» không được phép trong tệp nộp báo cáo.", name=name,
                           obj=_q(obj))
        if kind == "view":
            raise Rejected("Tệp «{name}» chứa view «{obj}» không được phép trong tệp nộp báo cáo.", name=name,
                           obj=_q(obj))
        if kind != "table":
            raise Rejected("Tệp «{name}» chứa {kind} «{obj}» không được phép trong tệp nộp báo cáo.", name=name,
                           kind=_q(kind), obj=_q(obj))
    tables = {obj: sql for kind, obj, _t, sql in rows}
    if extra := sorted(set(tables) - set(mf.SCHEMA)):
        raise Rejected("Tệp «{name}» có bảng lạ «{extra}» không thuộc tệp nộp báo cáo.", name=name, extra=_q(extra[0]))
    if missing := [t for t in mf.SCHEMA if t not in tables]:
        raise Rejected("Tệp «{name}» thiếu bảng «{missing}» của tệp nộp báo cáo.", name=name, missing=_q(missing[0]))
    for table, expected in mf.SCHEMA.items():
        if tables[table] == expected:
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if extra := [c for c in columns if c not in mf.COLUMNS[table]]:
            raise Rejected("Tệp «{name}» có cột lạ «{extra}» trong bảng «{table}».", name=name, extra=_q(extra[0]),
                           table=table)
        if missing := [c for c in mf.COLUMNS[table] if c not in columns]:
            raise Rejected("Tệp «{name}» thiếu cột «{missing}» trong bảng «{table}».", name=name,
                           missing=_q(missing[0]), table=table)
        raise Rejected("Tệp «{name}» có bảng «{table}» khác cấu trúc của tệp nộp báo cáo.", name=name, table=table)


def _named(what: str, quoted: dict) -> Phrase:
    """What a refusal names (a catalog source), with its values quoted as a file's text may be."""
    return Phrase(what, **{key: _q(text) for key, text in quoted.items()})


def _text(value, name: str, what: str, limit: int = MAX_TEXT, empty: bool = True, **quoted) -> str:
    """``value`` if it is a text within ``limit``; ``what`` (a catalog source) names it in the refusal, its
    ``{…}`` filled with the ``quoted`` values only then (a file that passes builds no sentence)."""
    if type(value) is str and len(value) <= limit and (empty or value):
        return value
    what = _named(what, quoted)
    if not isinstance(value, str):
        raise Rejected("Tệp «{name}» có {what} không phải là chữ.", name=name, what=what)
    if len(value) > limit:
        raise Rejected("Tệp «{name}» có {what} dài quá giới hạn ({count} ký tự).", name=name, what=what,
                       count=len(value))
    raise Rejected("Tệp «{name}» có {what} để trống.", name=name, what=what)


def _int(value, name: str, what: str, **quoted) -> int:
    """``value`` if it is an integer JSON keeps exactly; ``what`` is worded as :func:`_text` words it."""
    if type(value) is int and -(2**53) < value < 2**53:
        return value
    raise Rejected("Tệp «{name}» có {what} không phải là số nguyên hợp lệ.", name=name,
                   what=_named(what, quoted))


_SELECT = {  # each read stops one row past its table's limit; the full count is taken only to word a refusal
    "manifest": f"SELECT key, value FROM manifest LIMIT {MAX_ROWS['manifest'] + 1}",
    "units": f"SELECT {', '.join(mf.UNIT_COLUMNS)} FROM units LIMIT {MAX_ROWS['units'] + 1}",
    "reports": f"SELECT {', '.join(mf.REPORT_COLUMNS)} FROM reports LIMIT {MAX_ROWS['reports'] + 1}",
    "vals": f"SELECT {', '.join(mf.VALUE_COLUMNS)} FROM vals LIMIT {MAX_ROWS['vals'] + 1}",
}


def _read_rows(conn: sqlite3.Connection, name: str):
    rows = {}
    for table, limit in MAX_ROWS.items():
        rows[table] = conn.execute(_SELECT[table]).fetchall()
        if len(rows[table]) > limit:
            count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            raise Rejected("Tệp «{name}» có {count} dòng trong bảng «{table}», vượt giới hạn {limit}.", name=name,
                           count=count, table=table, limit=limit)
    units = [dict(zip(mf.UNIT_COLUMNS, r)) for r in rows["units"]]
    reports = [dict(zip(mf.REPORT_COLUMNS, r)) for r in rows["reports"]]
    return rows["manifest"], units, reports, rows["vals"]


@lru_cache(maxsize=64)
def period_of(code: str) -> Period:
    """A file's period, parsed once for each text a batch names (a thousand files name one or two)."""
    return parse_period(code)


def _check_manifest(name: str, rows: list[tuple]) -> dict[str, str]:
    manifest: dict[str, str] = {}
    for key, value in rows:
        _text(key, name, N_("khóa trong bảng manifest"), 64)
        manifest[key] = _text(value, name, N_("mục «{key}» của manifest"), 256, True, key=key)
        if not (key.isprintable() and value.isprintable()):
            raise Rejected("Tệp «{name}» có mục «{key}» của manifest chứa ký tự điều khiển.", name=name, key=_q(key))
    if extra := sorted(set(manifest) - set(mf.MANIFEST_KEYS) - set(mf.OPTIONAL_KEYS)):
        raise Rejected("Tệp «{name}» có mục lạ «{extra}» trong manifest.", name=name, extra=_q(extra[0]))
    if missing := [k for k in mf.MANIFEST_KEYS if not manifest.get(k) and k != "parent"]:
        raise Rejected("Tệp «{name}» thiếu mục «{missing}» trong manifest.", name=name, missing=_q(missing[0]))
    if "parent" not in manifest:
        raise Rejected("Tệp «{name}» thiếu mục «parent» trong manifest.", name=name)
    if manifest.get("status", mf.SENT_STATUS) != mf.SENT_STATUS:
        raise Rejected("Tệp «{name}» ghi trạng thái «{manifest}», không phải trạng thái của một báo cáo vừa gửi.",
                       name=name, manifest=_q(manifest['status']))
    if manifest["format"] != mf.FORMAT:
        raise Rejected("Tệp «{name}» có định dạng «{value}», không phải {expected}.", name=name,
                       value=_q(manifest['format']), expected=mf.FORMAT)
    for key in ("template_version", "revision"):
        if not _COUNT.fullmatch(manifest[key]):
            raise Rejected("Tệp «{name}» có mục «{key}» của manifest không hợp lệ.", name=name, key=key)
    for key in ("unit", "parent"):
        if not is_code(manifest[key]) and (key == "unit" or manifest[key]):
            raise Rejected("Tệp «{name}» có mã đơn vị «{value}» không hợp lệ trong mục «{key}».", name=name,
                           value=_q(manifest[key]), key=key)
    try:
        period = period_of(manifest["period"])
    except PeriodError:
        raise Rejected("Tệp «{name}» có kỳ báo cáo «{value}» không hợp lệ.", name=name,
                       value=_q(manifest['period'])) from None
    if period.code != manifest["period"] or not period.code.isascii():
        raise Rejected("Tệp «{name}» có kỳ báo cáo «{value}» không viết đúng dạng.", name=name,
                       value=_q(manifest['period']))
    template = (manifest["template_id"], int(manifest["template_version"]))
    if template not in builtin_templates():  # exact match: an id from a file never becomes a path
        raise Rejected("Tệp «{name}» dùng mẫu báo cáo «{template}» phiên bản {version} mà dtdesk không có.",
                       name=name, template=_q(template[0], 60), version=template[1])
    try:
        load_template(*template)
    except TemplateError:
        raise Rejected("Tệp «{name}» dùng mẫu báo cáo «{template}» phiên bản {version} mà dtdesk không đọc được.",
                       name=name, template=template[0], version=template[1]) from None
    try:
        dt.datetime.fromisoformat(manifest["exported_at"])
    except ValueError:
        raise Rejected("Tệp «{name}» có thời điểm xuất «{value}» không hợp lệ.", name=name,
                       value=_q(manifest['exported_at'])) from None
    return manifest


def _check_units(name: str, manifest: dict, units: list[dict]) -> dict[str, dict]:
    """The file's units by code: codes, kinds and placements as :mod:`dtdesk.core.units` defines them."""
    unit = manifest["unit"]
    by_code: dict[str, dict] = {}
    checked: list[Unit] = []
    for u in units:
        code = _text(u["code"], name, N_("mã đơn vị"), 64, empty=False)
        for column in ("name", "kind", "short", "row_label", "email"):
            text = _text(u[column], name, N_("cột «{column}» của đơn vị «{code}»"), 1000, True, column=column,
                         code=code)
            if not text.isprintable():
                raise Rejected("Tệp «{name}» có cột «{column}» của đơn vị «{code}» chứa ký tự điều khiển.", name=name,
                               column=column, code=_q(code))
        _int(u["position"], name, N_("thứ tự của đơn vị «{code}»"), code=code)
        try:
            checked.append(Unit(**u))
        except (UnitError, TypeError) as exc:
            raise Rejected("Tệp «{name}»: {reason}.", name=name, reason=exc) from None
        by_code[code] = u
    try:
        check_tree(checked)
    except UnitError as exc:
        raise Rejected("Tệp «{name}»: {reason}.", name=name, reason=exc) from None
    own = by_code.get(unit)
    if own is None:
        raise Rejected("Tệp «{name}» không có thông tin đơn vị báo cáo «{unit}».", name=name, unit=unit)
    if (own["parent"] or "") != manifest["parent"]:
        raise Rejected("Tệp «{name}» ghi đơn vị cấp trên của «{unit}» không khớp với manifest.", name=name, unit=unit)
    if not KINDS[own["kind"]][1]:
        raise Rejected("Tệp «{name}» có đơn vị báo cáo «{unit}» không phải là đơn vị hành chính.", name=name,
                       unit=unit)
    for code, u in by_code.items():
        if code != unit and (u["parent"] != unit or KINDS[u["kind"]][1]):
            raise Rejected("Tệp «{name}» có đơn vị «{code}» không phải là cơ quan trực thuộc của «{unit}».", name=name,
                           code=code, unit=unit)
    return by_code


def _check_content(name: str, manifest: dict, units: list[dict], reports: list[dict], values: list[tuple]) -> None:
    unit, period = manifest["unit"], manifest["period"]
    by_code = _check_units(name, manifest, units)
    if len(reports) != 1:
        raise Rejected("Tệp «{name}» không có đúng một báo cáo.", name=name)
    report = reports[0]
    if report["unit"] != unit or report["period"] != period:
        raise Rejected("Tệp «{name}» có báo cáo của «{report}» kỳ «{report_period}» không khớp với manifest ({unit} kỳ "
                       "{period}).", name=name, report=_q(report['unit']), report_period=_q(report['period'], 20),
                       unit=unit, period=period)
    if (report["template_id"] != manifest["template_id"]
            or str(report["template_version"]) != manifest["template_version"]):
        raise Rejected("Tệp «{name}» có mẫu báo cáo không khớp với manifest.", name=name)
    if str(report["revision"]) != manifest["revision"]:
        raise Rejected("Tệp «{name}» có số lần nộp không khớp với manifest.", name=name)
    _int(report["illustrative"], name, N_("cột «illustrative»"))
    try:
        start = dt.date.fromisoformat(_text(report["start"], name, N_("ngày bắt đầu"), 10))
        cutoff = dt.date.fromisoformat(_text(report["cutoff"], name, N_("ngày chốt số liệu"), 10))
    except ValueError:
        raise Rejected("Tệp «{name}» có ngày bắt đầu hoặc ngày chốt số liệu không hợp lệ.", name=name) from None
    if start > cutoff:
        raise Rejected("Tệp «{name}» có ngày bắt đầu sau ngày chốt số liệu.", name=name)
    for v_unit, v_period, key, row, value in values:
        if v_unit not in by_code:
            raise Rejected("Tệp «{name}» có số liệu của đơn vị «{v_unit}» không thuộc báo cáo.", name=name,
                           v_unit=_q(v_unit))
        if v_period != period:
            raise Rejected("Tệp «{name}» có số liệu kỳ «{v_period}» khác kỳ {period} của báo cáo.", name=name,
                           v_period=_q(v_period, 20), period=period)
        if type(key) is not str or not 0 < len(key) <= 200:
            _text(key, name, N_("khóa số liệu"), 200, empty=False)
        if type(row) is not str or len(row) > 200:
            _text(row, name, N_("mã dòng"), 200)
        if not (key.isprintable() and row.isprintable()):
            raise Rejected("Tệp «{name}» có khóa số liệu «{key}» chứa ký tự điều khiển.", name=name, key=_q(key))
        kind = type(value)
        if kind is int or value is None:
            continue
        if kind is str:
            if len(value) > MAX_TEXT:
                _text(value, name, N_("số liệu «{key}»"), MAX_TEXT, True, key=key)
        elif kind is float:
            if not math.isfinite(value):
                raise Rejected("Tệp «{name}» có số liệu «{key}» không phải là số hữu hạn.", name=name, key=_q(key))
        else:
            raise Rejected("Tệp «{name}» có số liệu «{key}» ở dạng nhị phân không được phép.", name=name, key=_q(key))


def _database_rows(reader: UntrustedReader, name: str, data: bytes):
    """The file's rows, once SQLite finds it whole and its schema is exactly the format's."""
    try:
        conn = reader.load(data)
    except (sqlite3.Error, OverflowError, MemoryError):
        raise Rejected("Không mở được tệp «{name}» như một cơ sở dữ liệu SQLite.", name=name) from None
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.Error, UnicodeDecodeError):  # a damaged page can make its report bytes that are not UTF-8
        raise Rejected("Tệp «{name}» đã bị hỏng (không qua được bước kiểm tra toàn vẹn).", name=name) from None
    if check != [("ok",)]:
        raise Rejected("Tệp «{name}» đã bị hỏng (kiểm tra toàn vẹn báo lỗi).", name=name)
    try:
        _schema_checks(conn, name, data[:100])
        return _read_rows(conn, name)
    except sqlite3.DataError:
        raise Rejected("Tệp «{name}» có giá trị dài quá giới hạn cho phép.", name=name) from None
    except UnicodeDecodeError:
        raise Rejected("Tệp «{name}» có chữ không phải UTF-8: tệp đã bị hỏng.", name=name) from None
    except sqlite3.Error:
        raise Rejected("Tệp «{name}» đã bị hỏng hoặc có nội dung không đọc được.", name=name) from None


def read_submission(path: str | Path, data: bytes | None = None, reader: UntrustedReader | None = None) -> Submission:
    """Validate one file completely; raise :class:`Rejected` with one sentence if anything is off.

    A batch passes its :class:`UntrustedReader` so that its files share one connection.
    """
    path = as_path(path)
    name = file_label(path)
    if not path.name.isprintable() or _undecodable(path.name):
        raise Rejected("Tên tệp «{name}» có ký tự không đọc được; hãy đổi tên tệp rồi nhập lại.", name=name)
    if data is None:
        data = read_file(path)
    _header_checks(name, data)
    with nullcontext(reader) if reader else UntrustedReader() as reader:
        manifest_rows, units, reports, values = _database_rows(reader, name, data)
    manifest = _check_manifest(name, manifest_rows)
    _check_content(name, manifest, units, reports, values)
    try:
        digest = mf.content_hash(manifest, units, reports, values)
    except (ValueError, TypeError):
        raise Rejected("Tệp «{name}» có số liệu không biểu diễn được.", name=name) from None
    if digest != manifest["sha256"]:
        raise Rejected("Tệp «{name}» có mã kiểm tra SHA-256 không khớp với nội dung: tệp đã bị sửa sau khi xuất.",
                       name=name)
    return Submission(path, hashlib.sha256(data).hexdigest(), digest, manifest, units, reports[0], values, data)
