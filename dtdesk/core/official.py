"""The official list of administrative units since 1 July 2025: 34 provinces and their 3,321 communes.

The list and its codes come from the ``vietnam-provinces`` package (the
General Statistics Office's codes: Thành phố Hải Phòng is 31, Phường Hải An
11413), so an update of the list is an update of that package, not of dtdesk.
The official code is the unit's code in a workspace (a province's two digits,
a commune's five), which is how the level above and the communes agree on
every code without typing one. The package is imported at the first look-up:
it costs about 0.2 s, which a clerk's everyday start does not need.
"""

import unicodedata
from functools import cache

from dtdesk.core.formats import nfc
from dtdesk.core.units import KINDS, Unit, UnitError, check_tree, shown_code

# the package's division types → dtdesk's kinds
_KIND = {"tỉnh": "province", "thành phố trung ương": "city", "xã": "commune", "phường": "ward", "đặc khu": "special_zone"}
_PREFIX = {"province": "Tỉnh", "city": "Thành phố", "commune": "Xã", "ward": "Phường", "special_zone": "Đặc khu"}


def source() -> str:
    """"vietnam-provinces 2025.10.1 (dữ liệu 2025-10-18)": what the list is, for the README and the About box."""
    import vietnam_provinces

    return f"vietnam-provinces {vietnam_provinces.__version__} (dữ liệu {vietnam_provinces.__data_version__})"


def _unit(name: str, code: str, division_type: str, parent: str | None, position: int) -> Unit:
    kind = _KIND[division_type]
    prefix = _PREFIX[kind]
    short = name[len(prefix) + 1:] if name.startswith(prefix + " ") else name
    return Unit(code, f"{prefix} {short}", kind, parent, short, position=position)


@cache
def provinces() -> tuple[Unit, ...]:
    """The 34 provinces and centrally-run cities, in the order of their codes."""
    from vietnam_provinces import Province

    found = sorted(Province.iter_all(), key=lambda p: int(p.code))
    return tuple(_unit(p.name, f"{int(p.code):02d}", p.division_type.value, None, i + 1) for i, p in enumerate(found))


@cache
def communes(province: str) -> tuple[Unit, ...]:
    """A province's communes, wards and special zones, in the order of their codes."""
    from vietnam_provinces import Ward

    parent = official_unit(province)
    if parent.parent is not None:
        raise UnitError("«{name}» không phải là tỉnh, thành phố trực thuộc trung ương.", name=parent.name)
    found = sorted(Ward.iter_by_province(int(parent.code)), key=lambda w: int(w.code))
    return tuple(_unit(w.name, f"{int(w.code):05d}", w.division_type.value, parent.code, i + 1)
                 for i, w in enumerate(found))


def official_code(code: str) -> str | None:
    """The official code written in full ("31", "11413", "00070"), or None when ``code`` is no official code's form.

    One or two digits name a province ("1" is "01"); three to five a commune.
    """
    code = code.strip()
    if not (code.isascii() and code.isdigit()) or len(code) > 5:
        return None
    return code.zfill(2) if len(code) <= 2 else code.zfill(5)


def official_unit(code: str) -> Unit:
    """The province or commune with this official code, or UnitError."""
    from vietnam_provinces import Ward

    full = official_code(code)
    if full is not None and len(full) == 2:
        found = [u for u in provinces() if u.code == full]
    elif full is not None:
        try:
            province = f"{int(Ward.from_code(int(full)).province_code):02d}"
        except ValueError:  # the package's word for an unknown code
            province = None
        found = [u for u in communes(province) if u.code == full] if province else []
    else:
        found = []
    if not found:
        raise UnitError("Không có đơn vị hành chính nào mã «{code}» trong danh mục chính thức.", code=shown_code(code))
    return found[0]


def office_units(code: str) -> list[Unit]:
    """The units a new workspace for this official unit holds: its province, itself, and a province's communes."""
    unit = official_unit(code)
    if unit.parent is None:
        return [unit, *communes(unit.code)]
    return [official_unit(unit.parent), unit]


class OfficialCodeTaken(UnitError):
    """A unit of one's own was given the official code of another unit (``unit``)."""

    kind = "official_code_taken"

    def __init__(self, code: str, unit: Unit):
        self.code, self.unit = code, unit
        super().__init__("Mã «{code}» là mã chính thức của {name}; hãy chọn mã khác.", code=shown_code(code),
                         name=unit.name)


def own_office(code: str, name: str, kind: str, parent: str = "", short: str = "") -> list[Unit]:
    """The units a new workspace for a unit of one's own holds: its official parent's (if any), then itself.

    For bodies and the district era, which the official list does not hold. The
    code must not be an official one (it would clash with the unit the level
    above knows by it); a parent that is a province brings only the province, a
    commune brings its province too.
    """
    code, name, short, parent = (nfc(x).strip() for x in (code, name, short, parent))
    if not name:
        raise UnitError("Đơn vị tự khai cần có tên.")
    if kind not in KINDS:
        raise UnitError("Hãy chọn loại đơn vị.")
    try:
        taken = official_unit(code)
    except UnitError:
        taken = None
    if taken is not None:
        raise OfficialCodeTaken(code, taken)
    above = office_units(parent) if parent else []
    if above and above[0].code == official_code(parent):
        above = above[:1]
    units = [*above, Unit(code, name, kind, above[-1].code if above else None, short, position=1)]
    check_tree(units)
    return units


def find(text: str, province: str | None = None) -> list[Unit]:
    """Official units whose name contains ``text`` (accents and case ignored), within a province if given."""
    wanted = plain(nfc(text))
    pool = communes(province) if province else provinces()
    return [u for u in pool if wanted in plain(u.name)]


def plain(text: str) -> str:
    """Lower case without accents ("Hải An" → "hai an"), for searching as one types."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
