"""Commands on units: a new workspace for one's office, the units of a workspace, the official list."""

from __future__ import annotations

from pathlib import Path

from dtdesk.cli.common import official_code_or, open_workspace
from dtdesk.cli.registry import Arg, CommandError, command, said, tr
from dtdesk.core.i18n import N_
from dtdesk.core.units import KINDS


def kind_word(kind: str) -> str:
    """A unit kind as the user says it: "phường", "xã", "quận" (in English: "ward", "commune", "district")."""
    return tr(KINDS[kind][0])


KIND_CODES = tuple(KINDS)
UNIT_OPTIONS = (
    Arg("--name", help="tên đơn vị, ví dụ «Phường Cát Bi»"),
    Arg("--short", help="tên ngắn dùng trong câu, ví dụ «Cát Bi»"),
    Arg("--kind", choices=KIND_CODES, metavar="LOẠI",
        help="loại đơn vị: province (tỉnh), city (thành phố), district (quận), rural_district (huyện), "
             "town (thị xã), provincial_city (thành phố thuộc tỉnh), ward (phường), commune (xã), "
             "township (thị trấn), special_zone (đặc khu), department (phòng), centre (trung tâm), "
             "board (ban), office (văn phòng), inspectorate (thanh tra)"),
    Arg("--parent", help="mã đơn vị cấp trên"),
)


@command("new", "tạo tệp dữ liệu cho đơn vị của mình",
         Arg("workspace", help="tệp dữ liệu mới (.sqlite)"),
         Arg("--unit", required=True, help="mã đơn vị: mã chính thức (31, 11413) hoặc mã tự đặt"),
         Arg("--period", help="kỳ báo cáo đầu tiên, ví dụ «Quý III/2026» (mặc định: quý đang báo cáo)"),
         *UNIT_OPTIONS)
def _new(args) -> int:
    from dtdesk.core.periods import PeriodError, default_period, parse_period
    from dtdesk.core.units import UnitError
    from dtdesk.store.reports import create_office

    try:
        units = _office_units(args)
        period = parse_period(args.period) if args.period else default_period()
    except (UnitError, PeriodError) as exc:
        raise CommandError(said(exc)) from None
    own = next(u for u in units if u.code in (args.unit, official_code_or(args.unit)))
    path = Path(args.workspace)
    create_office(path, units, own.code, period.code)
    subunits = sum(u.parent == own.code for u in units)
    below = tr(", cùng {count} đơn vị cấp dưới", count=subunits) if subunits else ""
    print(tr("Đã tạo tệp {file}: {name} (mã {code}){below}; báo cáo {period}.", file=path.name, name=own.name,
             code=own.code, below=below, period=period.label))
    return 0


def _office_units(args) -> list:
    """The units ``dtdesk new`` creates: an official unit and its province or communes, or a unit of one's own.

    The window's set-up dialog makes the same choice through the same
    functions (:func:`dtdesk.core.official.office_units` and ``own_office``);
    here the sentences name the options to type.
    """
    from dtdesk.core.official import OfficialCodeTaken, office_units, own_office

    if not args.name:
        if args.kind or args.parent:
            raise CommandError(tr("Đơn vị tự khai cần có tên (--name); đơn vị trong danh mục chính thức chỉ cần mã."))
        return office_units(args.unit)
    if not args.kind:
        raise CommandError(tr("Hãy cho biết loại đơn vị (--kind), ví dụ ward (phường), commune (xã), "
                              "district (quận), department (phòng)."))
    try:
        return own_office(args.unit, args.name, args.kind, args.parent or "", args.short or "")
    except OfficialCodeTaken as exc:
        raise CommandError(tr("Mã «{code}» là mã chính thức của {name}; hãy chọn mã khác.",
                              code=args.unit, name=exc.unit.name)) from None


def _add_unit(ws, args):
    from dtdesk.store.reports import define_unit

    if not (args.name and args.kind):
        raise CommandError(tr("Đơn vị mới cần có tên (--name) và loại (--kind)."))
    return define_unit(ws, args.code, args.name, args.kind, args.parent or "", args.short or "")


def _rename_unit(ws, args):
    from dtdesk.store.reports import rename_unit

    if not args.name:
        raise CommandError(tr("Hãy cho biết tên mới (--name)."))
    return rename_unit(ws, args.code, args.name, args.short)


def _move_unit(ws, args):
    from dtdesk.store.reports import move_unit

    if args.parent is None:
        raise CommandError(tr("Hãy cho biết đơn vị cấp trên mới (--parent; để trống nếu không có)."))
    return move_unit(ws, args.code, args.parent or None)


def _retire_unit(ws, args):
    """The unit retired, and what became of the units under it, said after it."""
    from dtdesk.core.periods import default_period, parse_period
    from dtdesk.store.reports import retire_unit

    retirement = retire_unit(ws, args.code, args.period or default_period().code)
    return retirement.unit, retirement.consequences(parse_period(retirement.period).label)


def _merge_units(ws, args) -> int:
    """``units WORKSPACE merge --into NEW --from A --from B``: the merged units are retired as part of NEW."""
    from dtdesk.core.periods import default_period, parse_period
    from dtdesk.store.reports import merge_units

    if not args.into or not args.sources:
        raise CommandError(tr("Hãy cho biết đơn vị sau khi gộp (--into) và từng đơn vị được gộp (--from)."))
    period = args.period or default_period().code
    target, merged = merge_units(ws, args.into, args.sources, period)
    print(tr("Đã gộp {merged} vào {name} (mã {code}) từ kỳ {period}.", merged=", ".join(u.name for u in merged),
             name=target.name, code=target.code, period=parse_period(period).label))
    return 0


# action → (how, the question when no code is given, the sentence when done)
ACTIONS = {
    "add": (_add_unit, N_("Hãy cho biết mã đơn vị cần thêm."), N_("Đã thêm {name} (mã {code}).")),
    "rename": (_rename_unit, N_("Hãy cho biết mã đơn vị cần đổi tên."), N_("Đã đổi tên {name} (mã {code}).")),
    "move": (_move_unit, N_("Hãy cho biết mã đơn vị cần chuyển."), N_("Đã chuyển {name} (mã {code}).")),
    "retire": (_retire_unit, N_("Hãy cho biết mã đơn vị cần thôi dùng."), N_("Đã thôi dùng {name} (mã {code}).")),
}
MERGE = "merge"  # names no one unit: its own arguments and sentence


@command("units", "liệt kê, thêm, đổi tên, chuyển, thôi dùng, gộp đơn vị; danh mục chính thức",
         Arg("workspace", nargs="?", help="tệp dữ liệu (.sqlite)"),
         Arg("action", nargs="?", choices=(*ACTIONS, MERGE), metavar="VIỆC",
             help="việc cần làm: add (thêm), rename (đổi tên), move (chuyển), retire (thôi dùng), "
                  "merge (gộp); mặc định: liệt kê"),
         Arg("code", nargs="?", help="mã đơn vị"),
         *UNIT_OPTIONS,
         Arg("--into", metavar="MÃ", help="với merge: đơn vị sau khi gộp (phải có sẵn trong tệp)"),
         Arg("--from", dest="sources", action="append", metavar="MÃ",
             help="với merge: một đơn vị được gộp (nhắc lại cho từng đơn vị)"),
         Arg("--period", help="với retire, merge: kỳ đầu tiên không còn đơn vị này (mặc định: quý đang báo cáo)"),
         Arg("--official", nargs="?", const="", metavar="TỈNH",
             help="liệt kê các tỉnh, thành phố (hoặc các xã, phường của một tỉnh) trong danh mục chính thức"))
def _units(args) -> int:
    if args.official is not None:
        return _official_units(args.official)
    if not args.workspace:
        raise CommandError(tr("Hãy cho biết tệp dữ liệu, hoặc dùng --official để xem danh mục chính thức."))
    if args.action:
        return _change_unit(args)
    from dtdesk.core.formats import date_short

    with open_workspace(args.workspace, read_only=True) as ws:
        retired, merged, formed = ws.retired(), ws.merged(), ws.formed()
        for unit in ws.hierarchy().walk():
            when = ""
            if unit.code in merged:
                when = tr("gộp vào {code} từ {date}", code=merged[unit.code], date=date_short(retired[unit.code]))
            elif unit.code in retired:
                when = tr("thôi dùng từ {date}", date=date_short(retired[unit.code]))
            elif unit.code in formed:
                when = tr("thành lập từ {date}", date=date_short(formed[unit.code]))
            elif unit.admin and unit.parent in retired and unit.parent not in merged:  # its parent was dissolved
                since = retired[unit.parent]
                when = tr("trực thuộc {code} từ {date}", code=ws.hierarchy(as_of=since)[unit.code].parent or "—",
                          date=date_short(since))
            print("\t".join((unit.code, unit.name, kind_word(unit.kind), unit.parent or "", *filter(None, [when]))))
    return 0


def _official_units(province: str) -> int:
    """The official provinces, or one province's communes: code, name, kind."""
    from dtdesk.core.official import communes, provinces
    from dtdesk.core.units import UnitError

    try:
        units = communes(official_code_or(province)) if province else provinces()
    except UnitError as exc:
        raise CommandError(said(exc)) from None
    for unit in units:
        print(f"{unit.code}\t{unit.name}\t{kind_word(unit.kind)}")
    return 0


def _change_unit(args) -> int:
    from dtdesk.core.units import UnitError

    change, question, done = ACTIONS.get(args.action, (None, "", ""))
    if change is not None and not args.code:
        raise CommandError(tr(question))
    with open_workspace(args.workspace) as ws:
        if ws.read_only:
            raise CommandError(said(ws.notice))
        if args.action == MERGE:
            return _merge_units(ws, args)
        try:
            unit = change(ws, args)
        except UnitError as exc:
            raise CommandError(said(exc)) from None
    unit, more = unit if isinstance(unit, tuple) else (unit, [])
    print(tr(done, name=unit.name, code=unit.code))
    for sentence in more:
        print(said(sentence))
    return 0
