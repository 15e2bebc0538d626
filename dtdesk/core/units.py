"""Units and their hierarchy, as data.

A unit is a province, a commune/ward/special zone, a district of the old
structure, or one of a unit's own bodies (phòng, trung tâm, ban…).
Administrative units (those with a ``level``) send reports upward; bodies are
rows in their parent's tables. Nothing here knows about Hải An: the demo is
only data.

Codes and placements are checked here because units also arrive in imported
files and JSON, which are hostile: a code ends up in file names and in the
terminal, and a ward under a ward would make the roll-up count nonsense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dtdesk.core.errors import Failure
from dtdesk.core.i18n import N_, Phrase

# Levels of administrative units: 1 province (tỉnh, thành phố trực thuộc trung
# ương), 2 district of the structure before 1 July 2025 (quận, huyện, thị xã,
# thành phố thuộc tỉnh), 3 commune (phường, xã, thị trấn, đặc khu).
PROVINCE, DISTRICT, COMMUNE = 1, 2, 3

# kind → (Vietnamese word used in sentences, level; 0 for a body)
KINDS: dict[str, tuple[str, int]] = {
    "province": (N_("tỉnh"), PROVINCE),
    "city": (N_("thành phố"), PROVINCE),
    "district": (N_("quận"), DISTRICT),
    "rural_district": (N_("huyện"), DISTRICT),
    "town": (N_("thị xã"), DISTRICT),
    "provincial_city": (N_("thành phố"), DISTRICT),
    "ward": (N_("phường"), COMMUNE),
    "commune": (N_("xã"), COMMUNE),
    "township": (N_("thị trấn"), COMMUNE),
    "special_zone": (N_("đặc khu"), COMMUNE),
    "department": (N_("phòng"), 0),
    "centre": (N_("trung tâm"), 0),
    "board": (N_("ban"), 0),
    "office": (N_("văn phòng"), 0),
    "inspectorate": (N_("thanh tra"), 0),
}

# What level of unit may sit directly under a unit of a given level: a district
# only under a province; a commune under a province (since 2025) or a district
# (before); a body under any administrative unit; nothing under a body.
ALLOWED_UNDER: dict[int, frozenset[int]] = {
    PROVINCE: frozenset({DISTRICT, COMMUNE, 0}),
    DISTRICT: frozenset({COMMUNE, 0}),
    COMMUNE: frozenset({0}),
    0: frozenset(),
}

# ASCII letters, digits, "-" and "_", starting with a letter or digit, at most
# 40 characters: safe in a file name on every system, in SQL and on a terminal.
# Official codes ("31", "11413") are of this form.
CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
CODE_RULE = "Mã đơn vị chỉ gồm chữ không dấu, chữ số, dấu gạch ngang và gạch dưới (tối đa 40 ký tự), ví dụ HA-CATBI."


class UnitError(Failure, ValueError):
    """A unit's code, kind or place in the tree is wrong."""


def is_code(code) -> bool:
    """Whether ``code`` is a well-formed unit code (see ``CODE_PATTERN``)."""
    return isinstance(code, str) and CODE_PATTERN.fullmatch(code) is not None


def shown_code(code) -> str:
    """A code as it may be quoted in a message: control characters and excess length never reach the terminal."""
    text = "".join(c if c.isprintable() else "?" for c in str(code))
    return text if len(text) <= 40 else text[:40] + "…"


def check_code(code) -> str:
    """``code`` itself, or :class:`UnitError` saying what a unit code is."""
    if not is_code(code):
        raise UnitError("Mã đơn vị «{code}» không hợp lệ. Mã đơn vị chỉ gồm chữ không dấu, chữ số, dấu gạch ngang và "
                        "gạch dưới (tối đa 40 ký tự), ví dụ HA-CATBI.", code=shown_code(code))
    return code


def check_placement(unit: Unit, parent: Unit | None) -> None:
    """Refuse a unit under a parent of a kind it cannot sit under ("a ward under a ward")."""
    if parent is None:
        return
    if unit.level not in ALLOWED_UNDER[parent.level]:
        raise UnitError("Không thể đặt «{name}» ({code}) trực thuộc «{parent_name}» ({parent_code}): một {word} không "
                        "trực thuộc {parent_word}.", name=unit.name, code=unit.code, parent_name=parent.name,
                        parent_code=parent.code,
                        word=Phrase(unit.word), parent_word=Phrase(parent.word))


@dataclass(frozen=True)
class Unit:
    """A unit, refused when its kind is unknown or a code is malformed (units come from imported files too)."""

    code: str
    name: str  # as printed in a table: "Phường Cát Bi", "Phòng Tư pháp"
    kind: str
    parent: str | None = None
    short: str = ""  # "Cát Bi": used in lists of names
    row_label: str = ""  # label of the unit's own row in its tables, when it differs from name
    position: int = 0
    email: str = ""


    def __post_init__(self):
        if self.kind not in KINDS:
            raise UnitError("Loại đơn vị «{kind}» không được hỗ trợ.", kind=shown_code(self.kind))
        check_code(self.code)
        if self.parent is not None:
            check_code(self.parent)
            if self.parent == self.code:
                raise UnitError("Đơn vị «{code}» không thể trực thuộc chính nó.", code=self.code)

    @property
    def word(self) -> str:
        """"phường", "quận"."""
        return KINDS[self.kind][0]

    @property
    def level(self) -> int:
        """PROVINCE, DISTRICT or COMMUNE for an administrative unit, 0 for a body."""
        return KINDS[self.kind][1]

    @property
    def admin(self) -> bool:
        return self.level > 0

    @property
    def short_name(self) -> str:
        return self.short or self.name

    @property
    def named(self) -> str:
        """In running text: "phường Đông Hải 1"."""
        return f"{self.word} {self.short}" if self.short else self.name


def check_merge(units: "Hierarchy", into: str, sources) -> tuple[Unit, list[Unit]]:
    """The unit a merger makes and the units it merges away, or :class:`UnitError` saying why it cannot be.

    ``units`` are those in use when the merger takes effect. Units merge only
    into one of the same level (wards into a ward, as in 2025); a unit that
    still has subunits in use is refused: they would be left without a parent.
    """
    target = units[into]
    merged = [units[code] for code in dict.fromkeys(sources)]
    if not merged:
        raise UnitError("Hãy cho biết các đơn vị gộp vào «{name}».", name=target.name)
    for unit in merged:
        if unit.code == into:
            raise UnitError("«{name}» ({into}) không thể gộp vào chính nó.", name=target.name, into=into)
        if unit.level != target.level:
            raise UnitError("Không thể gộp «{name}» ({code}) vào «{target}» ({into}): {word} chỉ gộp vào một đơn vị "
                            "cùng cấp.", name=unit.name, code=unit.code, target=target.name, into=into,
                            word=Phrase(unit.word))
        if below := units.subunits(unit.code):
            raise UnitError("«{name}» ({code}) còn {count} đơn vị cấp dưới; hãy chuyển hoặc gộp chúng trước.",
                            name=unit.name, code=unit.code, count=len(below))
    return target, merged


def check_tree(units: list[Unit]) -> None:
    """Refuse a set of units where one sits under a kind it may not.

    The placements allowed only ever go down (province, district, commune,
    body), so a set that passes has no cycle of parents either. A parent
    outside ``units`` is not checked (a file may name a parent the workspace
    holds); callers pass every unit that will be stored together.
    """
    by_code = {u.code: u for u in units}
    for unit in units:
        check_placement(unit, by_code.get(unit.parent))


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
            raise UnitError("Không có đơn vị mã «{code}».", code=code) from None

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
        mistake = f"unknown unit selector {selector!r}"  # the template's author's, in the author's words
        raise UnitError(mistake)

    def subkind_word(self, code: str) -> str:
        """Word for the unit's subunits: "phường", or "phường, xã, đặc khu" for a province whose communes
        are of several kinds (in the order of ``KINDS``); "" when it has none."""
        return ", ".join(self.subkind_words(code))

    def subkind_words(self, code: str) -> list[str]:
        """The words of :meth:`subkind_word`, one a kind, for a sentence that says them in another language."""
        words = {u.word for u in self.subunits(code)}
        return list(dict.fromkeys(w for w, _ in KINDS.values() if w in words))

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
