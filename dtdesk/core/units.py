"""Units and their hierarchy, as data.

A unit is a ward, commune, district, province or one of a district's own
bodies (phòng, trung tâm, ban…). Administrative units (``admin`` kinds) send
reports upward; bodies are rows in their parent's tables. Nothing here knows
about Hải An: the demo is only data.
"""

from typing import NamedTuple

# kind → (Vietnamese word used in sentences, administrative?)
KINDS: dict[str, tuple[str, bool]] = {
    "province": ("tỉnh", True),
    "city": ("thành phố", True),
    "district": ("quận", True),
    "rural_district": ("huyện", True),
    "town": ("thị xã", True),
    "ward": ("phường", True),
    "commune": ("xã", True),
    "township": ("thị trấn", True),
    "department": ("phòng", False),
    "centre": ("trung tâm", False),
    "board": ("ban", False),
    "office": ("văn phòng", False),
    "inspectorate": ("thanh tra", False),
}


class UnitError(ValueError):
    pass


class _UnitFields(NamedTuple):
    code: str
    name: str  # as printed in a table: "Phường Cát Bi", "Phòng Tư pháp"
    kind: str
    parent: str | None = None
    short: str = ""  # "Cát Bi": used in lists of names
    row_label: str = ""  # label of the unit's own row in its tables, when it differs from name
    position: int = 0
    email: str = ""


class Unit(_UnitFields):
    """A unit, refused when its kind is unknown (units come from imported files too).

    A named tuple like the template's records (see dtdesk.core.template for why
    not a dataclass); the check lives in ``__new__``, which a NamedTuple's own
    body may not define.
    """

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        unit = super().__new__(cls, *args, **kwargs)
        if unit.kind not in KINDS:
            raise UnitError(f"Loại đơn vị «{unit.kind}» không được hỗ trợ.")
        return unit

    @property
    def word(self) -> str:
        """"phường", "quận"."""
        return KINDS[self.kind][0]

    @property
    def admin(self) -> bool:
        return KINDS[self.kind][1]

    @property
    def short_name(self) -> str:
        return self.short or self.name

    @property
    def named(self) -> str:
        """In running text: "phường Đông Hải 1"."""
        return f"{self.word} {self.short}" if self.short else self.name


class Hierarchy:
    """The units of a workspace, with the selectors templates use."""

    def __init__(self, units: list[Unit]):
        self.units = {u.code: u for u in units}
        self._children: dict[str | None, list[Unit]] = {}
        for unit in sorted(units, key=lambda u: (u.position, u.code)):
            self._children.setdefault(unit.parent, []).append(unit)

    def __getitem__(self, code: str) -> Unit:
        try:
            return self.units[code]
        except KeyError:
            raise UnitError(f"Không có đơn vị mã «{code}».") from None

    def __contains__(self, code: str) -> bool:
        return code in self.units

    def children(self, code: str) -> list[Unit]:
        return list(self._children.get(code, []))

    def bodies(self, code: str) -> list[Unit]:
        return [u for u in self.children(code) if not u.admin]

    def subunits(self, code: str) -> list[Unit]:
        return [u for u in self.children(code) if u.admin]

    def select(self, code: str, selector: str) -> list[Unit]:
        if selector == "self":
            return [self[code]]
        if selector == "bodies":
            return self.bodies(code)
        if selector == "subunits":
            return self.subunits(code)
        raise UnitError(f"unknown unit selector {selector!r}")

    def subkind_word(self, code: str) -> str:
        """Word for the unit's subunits ("phường"), or "" when it has none."""
        subunits = self.subunits(code)
        return subunits[0].word if subunits else ""

    def walk(self, code: str | None = None) -> list[Unit]:
        """Units depth-first from the roots (or below ``code``), each after its parent."""
        out: list[Unit] = []
        for child in self._children.get(code, []):
            out.append(child)
            out += self.walk(child.code)
        if code is None:  # units whose parent is missing are still listed
            out += [u for u in self.units.values() if u.parent and u.parent not in self.units]
        return out

    def is_descendant(self, code: str, ancestor: str) -> bool:
        seen = set()
        while code in self.units and code not in seen:
            seen.add(code)
            code = self.units[code].parent
            if code == ancestor:
                return True
        return False
