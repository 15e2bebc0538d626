import pytest

from dtdesk.core.units import Hierarchy, Unit, UnitError, check_merge, check_tree, is_code, shown_code


@pytest.mark.parametrize("code", ["HA", "HA-CATBI", "31", "11413", "ha_cat_bi", "Z" * 40])
def test_good_codes(code):
    assert is_code(code)
    assert Unit(code, "Phường Thử", "ward").code == code


@pytest.mark.parametrize("code", ["../x", "A\nB", "HA\n", "\x1b[2J", "A\x00B", "Z" * 64, "", " HA", "-HA",
                                  "HA/CB", "Phường", "HA CB", "\\\\host\\share", None, 31])
def test_bad_codes_are_refused_in_one_sentence(code):
    assert not is_code(code)
    with pytest.raises(UnitError, match="Mã đơn vị") as caught:
        Unit(code, "Phường Thử", "ward")
    message = str(caught.value)
    assert message.isprintable() and len(message) < 240


def test_a_bad_parent_code_is_refused_too():
    with pytest.raises(UnitError, match="Mã đơn vị"):
        Unit("HA-CB", "Phường Cát Bi", "ward", parent="../HA")
    with pytest.raises(UnitError, match="chính nó"):
        Unit("HA", "Quận Hải An", "district", parent="HA")


def test_codes_in_messages_never_carry_control_characters():
    assert shown_code("A\x1b[2J\nB") == "A?[2J?B"
    assert len(shown_code("Z" * 500)) == 41


def _units(*specs):
    return [Unit(code, code, kind, parent) for code, kind, parent in specs]


@pytest.mark.parametrize("specs", [
    # since 1 July 2025: province → commune/ward/special zone, with bodies
    [("31", "city", None), ("11413", "ward", "31"), ("SO", "department", "31"), ("DK", "special_zone", "31"),
     ("X", "commune", "31"), ("P", "office", "11413")],
    # before: city → district → ward, bodies under each
    [("HP", "city", None), ("HA", "district", "HP"), ("HA-CB", "ward", "HA"), ("HA-TP", "department", "HA"),
     ("TX", "town", "HP"), ("TT", "township", "TX"), ("W-VP", "office", "HA-CB")],
    # a unit whose parent is not in this set, or has none
    [("HA-CB", "ward", "HA"), ("X", "commune", None), ("B", "board", None)],
])
def test_allowed_placements(specs):
    check_tree(_units(*specs))


@pytest.mark.parametrize("specs, words", [
    ([("HA", "district", None), ("LC", "district", "HA")], "«LC» \\(LC\\) trực thuộc «HA» \\(HA\\): một quận không trực thuộc quận"),
    ([("HA", "ward", None), ("CB", "ward", "HA")], "một phường không trực thuộc phường"),
    ([("HA", "district", None), ("HP", "city", "HA")], "một thành phố không trực thuộc quận"),
    ([("HA", "ward", None), ("Q", "district", "HA")], "một quận không trực thuộc phường"),
    ([("HA", "ward", None), ("P", "department", "HA"), ("Q", "ward", "P")], "một phường không trực thuộc phòng"),
    ([("P", "department", None), ("Q", "department", "P")], "một phòng không trực thuộc phòng"),
])
def test_forbidden_placements(specs, words):
    with pytest.raises(UnitError, match=words):
        check_tree(_units(*specs))


@pytest.mark.parametrize("specs", [
    [("A", "province", "C"), ("B", "district", "A"), ("C", "ward", "B")],
    [("A", "office", "B"), ("B", "office", "A")],
    [("A", "ward", "B"), ("B", "district", "A")],
])
def test_parent_cycles_are_refused(specs):
    with pytest.raises(UnitError, match="Không thể đặt"):
        check_tree(_units(*specs))


def test_levels_and_selectors():
    units = Hierarchy(_units(("31", "city", None), ("11413", "ward", "31"), ("DK", "special_zone", "31"),
                             ("SO", "department", "31")))
    assert [u.code for u in units.subunits("31")] == ["11413", "DK"]
    assert [u.code for u in units.bodies("31")] == ["SO"]
    assert units["DK"].word == "đặc khu" and units["DK"].admin and not units["SO"].admin


def test_subunits_of_several_kinds_are_all_named():
    """A province since 2025 has xã, phường and đặc khu under it: "UBND các phường" would leave out the rest."""
    units = Hierarchy(_units(("31", "city", None), ("X1", "commune", "31"), ("P1", "ward", "31"),
                             ("P2", "ward", "31"), ("DK", "special_zone", "31"), ("SO", "department", "31"),
                             ("HA", "district", None), ("W1", "ward", "HA"), ("TP", "department", "HA")))
    assert units.subkind_word("31") == "phường, xã, đặc khu"
    assert units.subkind_word("HA") == "phường"  # bodies are not subunits
    assert units.subkind_word("W1") == ""


def _merger():
    return Hierarchy(_units(("HA", "district", None), ("CB", "ward", "HA"), ("TT", "ward", "HA"), ("NEW", "ward", "HA"),
                            ("TP", "department", "HA"), ("LC", "district", None), ("LC-W", "ward", "LC")))


def test_wards_merge_into_a_ward():
    target, merged = check_merge(_merger(), "NEW", ["CB", "TT", "CB"])
    assert target.code == "NEW" and [u.code for u in merged] == ["CB", "TT"]  # each once, in the order given


@pytest.mark.parametrize("into, sources, words", [
    ("NEW", ["NEW"], "chính nó"),
    ("NEW", ["TP"], "cùng cấp"),  # a body is not a ward
    ("HA", ["LC"], "cấp dưới"),  # a district whose wards are still in use
    ("NEW", ["NOPE"], "Không có đơn vị"),
    ("NEW", [], "gộp vào"),
])
def test_a_merger_that_cannot_be_is_refused_in_one_sentence(into, sources, words):
    with pytest.raises(UnitError, match=words) as caught:
        check_merge(_merger(), into, sources)
    assert "\n" not in str(caught.value)
