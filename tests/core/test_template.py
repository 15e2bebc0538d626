import copy
import json

import pytest

from dtdesk.core.template import TemplateError, load_template, parse_template
from dtdesk.paths import resource


def raw():
    return json.loads(resource("templates", "cds-quarterly-v1.json").read_text(encoding="utf-8"))


def test_the_seed_outline_in_order():
    numbers = [s.number for s in load_template().sections if s.number]
    assert numbers == ["1", "2", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "II"]


def test_computed_columns_and_rules_are_parsed():
    t = load_template()
    ratio = t.section("chu_ky_so").field("ratio")
    assert ratio.computed and ratio.formula.names == {"signed", "total"}
    within = [r for r in t.section("dvc").rules if not r.check.previous]
    assert len(within) == 5


def test_fifteen_postal_fields():
    assert len(load_template().section("buu_chinh").fixed_rows) == 15


def _broken(mutate):
    data = copy.deepcopy(raw())
    mutate(data)
    return data


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["sections"][7]["columns"][3].update(formula="__import__('os').system('x')"), "not allowed"),
        (lambda d: d["sections"][7]["rules"][0].update(check="signed <= nope"), "unknown names"),
        (lambda d: d["sections"][1].update(id="can_cu"), "unique"),
        (lambda d: d["sections"][11]["columns"][2].update(ref="missing.x"), "unknown reference"),
        (lambda d: d.pop("sections"), "malformed"),
        (lambda d: d["levels"].update(hamlet={}), "unknown level 'hamlet'"),
        (lambda d: d["levels"]["commune"].update(mayor="CHỦ TỊCH"), "'mayor' is not a header field"),
        (lambda d: d["levels"]["commune"].update(number="…/BC-{ABBR}"), r"unknown words \['ABBR'\]"),
        (lambda d: d["levels"]["commune"].update(number=5), "text or a list of lines"),
    ],
)
def test_a_broken_template_fails_on_load(mutate, message):
    assert _broken(lambda d: None)  # sanity: the copy is valid
    with pytest.raises(TemplateError, match=message):
        parse_template(_broken(mutate))


def test_unknown_template_version():
    with pytest.raises(TemplateError, match="phiên bản 99"):
        load_template("cds-quarterly", 99)


def test_the_key_ratio_names_a_field_of_the_template():
    assert load_template().key_ratio == "dvc.online_ratio"
    with pytest.raises(TemplateError, match="unknown reference"):
        parse_template(_broken(lambda d: d["key_ratio"].update(field="dvc.nope")))


def test_the_outline_levels_and_numbers_come_from_the_template():
    template = load_template()
    by_id = {s.id: s for s in template.sections}
    part = by_id[by_id["chu_ky_so"].parent]
    assert (by_id["chu_ky_so"].level, part.id, part.level) == (2, "ket_qua", 1)
    assert by_id["chu_ky_so"].label == "3.2. Về ứng dụng chữ ký số"
    assert by_id["ket_qua"].parent == by_id["chi_dao"].parent and by_id[by_id["chi_dao"].parent].level == 0
    unnumbered = next(s for s in template.sections if s.kind == "unit_table" and not s.number)
    assert unnumbered.parent == "ket_qua" and unnumbered.label == unnumbered.outline_title
    body = next(s for s in template.sections if s.number == "II")  # part II's own text: the heading shows "II."
    assert body.level == 1 and body.display_number == "" and not body.label.startswith("II")


def test_a_value_is_named_as_the_forms_name_it():
    template = load_template()
    assert template.value_label("buu_chinh.received", "cong_thuong") == "3.3 — Hồ sơ tiếp nhận — Công thương"
    assert template.value_label("chu_ky_so.total").startswith("3.2 — Tổng số văn bản đi")
    assert template.value_label("header.number") == "Phần đầu — Số, ký hiệu"
    assert template.value_label("chi_dao.text") == "1. Công tác chỉ đạo, điều hành"
    assert template.value_label("nothing.here", "r") == "nothing.here/r"


def test_a_draft_variant_may_test_only_the_counts():
    template = raw()
    template["drafts"][0]["variants"][0]["when"] = "received == 0"
    with pytest.raises(TemplateError, match="unknown names"):
        parse_template(template)


def test_a_workspace_setting_fills_the_column_label():
    from dtdesk.core.template import with_settings

    label = lambda t: t.section("chu_ky_so").field("total").label  # noqa: E731
    assert label(load_template()) == "Tổng số văn bản đi trên phần mềm {document_system}"
    assert label(with_settings(load_template(), {})) == "Tổng số văn bản đi trên phần mềm quản lý văn bản"
    assert label(with_settings(load_template(), {"document_system": "HP-eOffice"})).endswith("phần mềm HP-eOffice")
    assert "{" not in load_template().value_label("chu_ky_so.total")
    with pytest.raises(TemplateError, match="unknown settings"):
        parse_template(_broken(lambda d: d.pop("settings")))
