from dataclasses import replace

import pytest

from dtdesk.core.levels import header_defaults, level_of
from dtdesk.core.template import load_template
from dtdesk.core.units import Hierarchy, Unit

HP = Unit("31", "Thành phố Hải Phòng", "city", short="Hải Phòng")
HAI_AN = Unit("11413", "Phường Hải An", "ward", "31", "Hải An")
OLD_HAI_AN = Unit("HA", "Quận Hải An", "district", "HP", "Hải An")


def test_a_ward_is_worded_as_a_peoples_committee_under_no_parent_body():
    words = header_defaults(load_template(), Hierarchy([HP, HAI_AN]), "11413")
    assert words["issuing_body"] == "ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI AN"
    assert "parent_body" not in words
    assert (words["number"], words["place"]) == ("…/BC-UBND", "Hải An")
    assert (words["authority"], words["signer_title"]) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert words["recipients"].splitlines()[0] == "- UBND thành phố Hải Phòng;"
    assert "quận" not in "".join(words.values())


def test_a_province_speaks_of_its_communes_and_a_lone_ward_names_no_parent():
    province = header_defaults(load_template(), Hierarchy([HP, HAI_AN]), "31")
    assert province["issuing_body"] == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG"
    assert "- UBND các phường;" in province["recipients"].splitlines()
    alone = header_defaults(load_template(), Hierarchy([replace(HAI_AN, parent=None)]), "11413")
    assert not any("UBND ;" in line or line == "- UBND" for line in alone["recipients"].splitlines())
    assert alone["recipients"].startswith("- Thường trực Đảng ủy")


def test_a_body_sits_under_its_parents_committee():
    body = Unit("HA-TUPHAP", "Phòng Tư pháp", "department", "HA")
    words = header_defaults(load_template(), Hierarchy([OLD_HAI_AN, body]), "HA-TUPHAP")
    assert (words["parent_body"], words["issuing_body"]) == ("ỦY BAN NHÂN DÂN\nQUẬN HẢI AN", "PHÒNG TƯ PHÁP")


@pytest.mark.parametrize("unit, level", [(HP, "province"), (OLD_HAI_AN, "district"), (HAI_AN, "commune"),
                                         (Unit("DK", "Đặc khu Cát Hải", "special_zone"), "commune"),
                                         (Unit("P", "Phòng Tư pháp", "department"), "body")])
def test_levels(unit, level):
    assert level_of(unit) == level
