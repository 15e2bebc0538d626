import datetime as dt

import pytest

from dtdesk.core.carry import carried_values, symbol
from dtdesk.core.template import TemplateError, load_template, parse_template
from dtdesk.store.reports import report_data, resolve

TODAY = dt.date(2022, 6, 28)


@pytest.mark.parametrize("number, blank", [("05/BC-VP", "…/BC-VP"), ("…/BC-UBND", "…/BC-UBND"), ("12", "")])
def test_a_number_keeps_its_symbol(number, blank):
    assert symbol(number) == blank


def test_what_carries_is_what_the_template_says(demo_ws):
    previous = report_data(demo_ws, resolve(demo_ws))
    values = carried_values(previous, "HA", TODAY)
    assert values[("dvc.carried", "")] == previous.raw("HA", "dvc.pending") == 195
    assert values[("header.number", "")] == "…/BC-VP"
    assert values[("header.date", "")] == "2022-06-28"
    assert values[("header.signer_name", "")] == previous.header("signer_name")
    assert values[("ton_tai.text", "")] == previous.raw("HA", "ton_tai.text")
    assert values[("dvc.note", "")] == previous.raw("HA", "dvc.note")
    assert ("dvc.pending", "") not in values and ("chu_ky_so.total", "") not in values


def test_a_ward_carries_its_own_in_progress(demo_ws):
    previous = report_data(demo_ws, resolve(demo_ws, "HA-CATBI"))
    values = carried_values(previous, "HA-CATBI", TODAY)
    assert values[("dvc.carried", "")] == previous.raw("HA-CATBI", "dvc.pending")


def _raw():
    import json

    from dtdesk.paths import resource

    return json.loads(resource("templates", "cds-quarterly-v1.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate, fragment", [
    (lambda raw: raw["sections"][6]["fields"][2].update(carry_from="nowhere"), "unknown field"),
    (lambda raw: raw["header"][0].update(carry="later"), "known: copy"),
    (lambda raw: raw["sections"][6].update(carry=True), "only a text section"),
    (lambda raw: raw["sections"][6]["rules"].append({"check": "carried == prev.nothing", "field": "carried",
                                                     "message": "x"}), "prev.nothing"),
])
def test_a_template_carrying_what_it_cannot_is_refused(mutate, fragment):
    raw = _raw()
    assert raw["sections"][6]["id"] == "dvc"
    mutate(raw)
    with pytest.raises(TemplateError, match=fragment):
        parse_template(raw)


def test_text_sections_compare_with_the_previous_period():
    template = load_template()
    assert all(s.reads_previous for s in template.sections if s.kind == "text")
