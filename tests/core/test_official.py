import pytest

from dtdesk.core.official import communes, find, office_units, official_code, official_unit, provinces, source
from dtdesk.core.units import UnitError, check_tree


def test_the_2025_list_has_34_provinces_and_their_communes():
    assert len(provinces()) == 34
    assert 3000 < sum(len(communes(p.code)) for p in provinces()) < 3500  # 3,321 in July 2025; mergers may follow
    assert "vietnam-provinces" in source()


def test_official_codes_and_names():
    hai_phong = official_unit("31")
    assert (hai_phong.name, hai_phong.kind, hai_phong.short, hai_phong.parent) == (
        "Thành phố Hải Phòng", "city", "Hải Phòng", None)
    hai_an = official_unit("11413")
    assert (hai_an.name, hai_an.kind, hai_an.short, hai_an.parent) == ("Phường Hải An", "ward", "Hải An", "31")
    assert official_unit("4").name == "Tỉnh Cao Bằng"  # the package names a province without "Tỉnh"


def test_a_province_has_its_communes_in_code_order_and_they_may_sit_under_it():
    units = communes("31")
    assert len(units) == 114
    assert [u.code for u in units] == sorted(u.code for u in units)
    assert {u.kind for u in units} <= {"ward", "commune", "special_zone"}
    assert {u.parent for u in units} == {"31"}
    check_tree([official_unit("31"), *units])


def test_special_zones_are_their_own_kind():
    zones = [u for p in provinces() for u in communes(p.code) if u.kind == "special_zone"]
    assert len(zones) == 13 and all(u.name.startswith("Đặc khu ") for u in zones)


@pytest.mark.parametrize("typed, full", [("31", "31"), ("1", "01"), ("11413", "11413"), ("70", "70"),
                                         ("070", "00070"), (" 11413 ", "11413"), ("HA", None), ("123456", None),
                                         ("١٢", None)])
def test_official_code_forms(typed, full):
    assert official_code(typed) == full


@pytest.mark.parametrize("code", ["70", "99999", "HA", "", "\x1b[2J"])
def test_unknown_codes_say_so(code):
    with pytest.raises(UnitError, match="danh mục chính thức") as caught:
        official_unit(code)
    assert str(caught.value).isprintable()


def test_communes_of_a_commune_are_refused():
    with pytest.raises(UnitError, match="không phải là tỉnh"):
        communes("11413")


def test_search_ignores_accents_and_case():
    assert [u.code for u in find("hai an", "31")] == ["11413"]
    assert [u.code for u in find("HẢI PHÒNG")] == ["31"]


def test_a_new_office_gets_its_province_or_its_communes():
    assert [u.code for u in office_units("11413")] == ["31", "11413"]
    units = office_units("31")
    assert units[0].code == "31" and len(units) == 115
    check_tree(units)


def test_a_unit_of_ones_own_sits_under_its_official_parent():
    from dtdesk.core.official import own_office

    department = own_office("SKHCN", "Sở Khoa học và Công nghệ", "department", "31")
    assert [(u.code, u.parent) for u in department] == [("31", None), ("SKHCN", "31")]
    body = own_office("HA-VP", "Văn phòng", "office", "11413")
    assert [(u.code, u.parent) for u in body] == [("31", None), ("11413", "31"), ("HA-VP", "11413")]
    district = own_office("HA", "Quận Hải An", "district")  # the district era, with no official parent
    assert [(u.code, u.parent, u.kind) for u in district] == [("HA", None, "district")]


@pytest.mark.parametrize("code, name, kind, parent, says", [
    ("11413", "Phường Hải An", "ward", "31", "mã chính thức của Phường Hải An"),
    ("X", "  ", "ward", "", "cần có tên"),
    ("X", "Quận X", "", "", "loại đơn vị"),
    ("X", "Quận X", "district", "11413", "không trực thuộc"),  # a district under a ward
    ("x y", "Quận X", "district", "", "Mã"),
])
def test_a_unit_of_ones_own_is_refused_with_a_sentence(code, name, kind, parent, says):
    from dtdesk.core.official import own_office

    with pytest.raises(UnitError, match=says):
        own_office(code, name, kind, parent)


def test_an_official_code_taken_by_a_unit_of_ones_own_names_whose_it_is():
    from dtdesk.core.official import OfficialCodeTaken, own_office

    with pytest.raises(OfficialCodeTaken) as taken:
        own_office("31", "Sở Nội vụ", "department")
    assert (taken.value.code, taken.value.unit.name) == ("31", "Thành phố Hải Phòng")
