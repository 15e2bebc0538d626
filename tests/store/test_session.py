import pytest

from dtdesk.core.formats import ParseError
from dtdesk.store.reports import resolve
from dtdesk.core.values import Cell
from dtdesk.store.session import ReportSession


@pytest.fixture
def session(demo_ws):
    return ReportSession(demo_ws, resolve(demo_ws))


def test_a_clerk_types_grouped_numbers(session):
    old, new = session.edit(Cell("HA-TUPHAP", "chu_ky_so.total"), "1.671")
    assert (old, new) == (66, 1671)
    assert session.ws.value("HA-TUPHAP", "2022-Q1", "chu_ky_so.total") == 1671


@pytest.mark.parametrize("typed", ["abc", "-3", "12,5", "99999999999"])
def test_bad_numbers_are_refused_and_nothing_changes(session, typed):
    with pytest.raises(ParseError):
        session.edit(Cell("HA-TUPHAP", "chu_ky_so.total"), typed)
    assert session.ws.value("HA-TUPHAP", "2022-Q1", "chu_ky_so.total") == 66


def test_the_edit_is_visible_to_rules_at_once(session):
    session.edit(Cell("HA-TUPHAP", "chu_ky_so.signed"), "70")
    errors = [p for p in session.problems() if p.is_error]
    assert len(errors) == 1
    assert errors[0].unit == "HA-TUPHAP" and errors[0].field == "signed"
    assert "dòng «Phòng Tư pháp»" in errors[0].message and "Mục 3.2" in errors[0].message


def test_markup_and_decomposed_text_are_kept_as_typed(session):
    session.edit(Cell("HA", "so_hoa.text"), "<b>Tie\u0302\u0301n</b> & co")
    assert session.ws.value("HA", "2022-Q1", "so_hoa.text") == "<b>Tiến</b> & co"


def test_put_many_is_one_paste(session):
    cells = {Cell("HA-TUPHAP", "chu_ky_so.total"): 1, Cell("HA-QLDT", "chu_ky_so.total"): 2}
    old = session.put_many(cells)
    assert old == {Cell("HA-TUPHAP", "chu_ky_so.total"): 66, Cell("HA-QLDT", "chu_ky_so.total"): 37}
    assert session.data.raw("HA-QLDT", "chu_ky_so.total") == 2


def test_the_cutoff_date_is_editable_and_audited(session):
    assert session.set_cutoff("31/3/2022") == ("2022-03-30", "2022-03-31")
    assert session.document().header.cutoff_line == "(Tính đến ngày 31/3/2022)"
    assert session.ws.audit("HA", "2022-Q1", "report.cutoff")[-1]["new"] == "2022-03-31"
    with pytest.raises(ParseError):
        session.set_cutoff("1/1/2021")
    with pytest.raises(ParseError):
        session.set_cutoff("hôm qua")


@pytest.mark.parametrize("typed, stored", [("x", 1), ("X", 1), ("có", 1), ("", None), ("không", 0)])
def test_checklist_marks(session, typed, stored):
    session.edit(Cell("HA-CATBI", "trien_khai.portal_section"), typed)
    assert session.ws.value("HA-CATBI", "2022-Q1", "trien_khai.portal_section") == stored


def test_an_unknown_mark_is_refused(session):
    with pytest.raises(ParseError, match="dấu đánh"):
        session.edit(Cell("HA-CATBI", "trien_khai.portal_section"), "?")
    assert session.ws.value("HA-CATBI", "2022-Q1", "trien_khai.portal_section") == 0


def test_one_sections_problems_are_those_of_the_whole_check(session):
    # A page asks for its own section's problems before the full check has run (at start-up).
    session.edit(Cell("HA-TUPHAP", "chu_ky_so.signed"), "70")  # an error in 3.2
    session.edit(Cell("HA", "header.abstract"), "")  # a warning in the header
    session.edit(Cell("HA", "so_hoa.text"), "")  # and one in a narrative
    sections = ["header", *(s.id for s in session.template.sections)]
    every = session.problems()
    assert {p.section for p in every} >= {"header", "chu_ky_so", "so_hoa"}
    for section_id in sections:
        assert session.problems_of(section_id) == [p for p in every if p.section == section_id], section_id


def test_a_kept_value_is_carried_again_as_it_is_with_its_audit(demo_ws):
    from dtdesk.store.rollforward import roll_forward

    session = ReportSession(demo_ws, roll_forward(demo_ws, "HA", "2022-Q1")[0])
    text = Cell("HA", "ton_tai.text")
    value = session.value(text)
    assert session.keep_carried([text]) == 1 and text not in session.data.carried
    session.carry_again([text])
    assert text in session.data.carried and text in demo_ws.carried("2022-Q2") and session.value(text) == value
    step = demo_ws.audit("HA", "2022-Q2", "ton_tai.text")[-1]
    assert (step["old"], step["new"], step["source"]) == (value, value, "carried")
