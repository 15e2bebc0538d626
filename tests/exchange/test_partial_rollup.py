"""Six of eight ward files imported: the district's report states its coverage and nothing about the other two."""

from __future__ import annotations

import pytest

from dtdesk.core.compose import compose
from dtdesk.core.rules import check
from dtdesk.exchange.importer import IMPORTED, import_files
from dtdesk.render.pdf import render_bytes
from dtdesk.store.reports import report_data, resolve
from tests import pdftext
from tests.exchange.conftest import PERIOD, WARDS, copy_ws, open_ws

MISSING = ["HA-DONGHAI2", "HA-TRANGCAT"]


@pytest.fixture(scope="module")
def six_of_eight(tmp_path_factory, district_template, ward_files):
    path = copy_ws(district_template, tmp_path_factory.mktemp("partial") / "district.sqlite")
    with open_ws(path) as ws:
        sent = [ward_files[code] for code in WARDS if code not in MISSING]
        assert [p.status for p in import_files(ws, sent)] == [IMPORTED] * 6
        data = report_data(ws, resolve(ws, "HA", PERIOD))
        flat = " ".join(pdftext.words(pdftext.text(render_bytes(compose(data)))))
        return flat, check(data)


def test_the_report_states_its_coverage(six_of_eight):
    flat, _ = six_of_eight
    assert "b) Cấp phường (6/8 phường đã báo cáo): Tổng số hồ sơ tiếp nhận là 688 hồ sơ" in flat
    assert "Có 1/6 phường (phường Đông Hải 1) đã xây dựng chuyên mục" in flat
    assert "6/8 phường đã báo cáo, trong đó các phường còn để hồ sơ quá hạn gồm: Cát Bi, Đằng Hải, Đông Hải 1)" in flat


def test_nothing_is_said_of_the_two_missing_wards(six_of_eight):
    flat, _ = six_of_eight
    assert "Đông Hải 2 chưa ban hành" not in flat and "Có 1/8" not in flat and "07 phường còn lại" not in flat
    for name in ("Đông Hải 2", "Tràng Cát"):  # named only in its rows of 3.2 and 3.5, marked as without data
        assert flat.count(name) == 2 and flat.count(f"Phường {name} (chưa có số liệu)") == 2


def test_check_warns_for_each_missing_ward(six_of_eight):
    _, problems = six_of_eight
    assert [(p.level, p.unit) for p in problems] == [("warning", code) for code in MISSING]
