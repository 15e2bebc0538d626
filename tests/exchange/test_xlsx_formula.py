"""The template's expressions as Excel formulas: each name a cell, each operation Excel's."""

import pytest

from dtdesk.core.expr import compile_expr
from dtdesk.exchange.xlsx_formula import NoFormula, excel_formula

CELLS = {"signed": "D7", "total": "C7", "articles": "C5"}


def test_ratio_is_part_times_100_over_whole_and_0_for_a_zero_whole():
    assert excel_formula(compile_expr("ratio(signed, total)"), CELLS) == "=IF((C7)=0,0,((D7)*100)/(C7))"


def test_division_is_safe_and_constants_are_written_in():
    formula = excel_formula(compile_expr("articles / weeks"), CELLS, {"weeks": 12.5})
    assert formula == "=IF((12.5)=0,0,(C5)/(12.5))"


def test_arithmetic_functions_and_comparisons():
    expr = compile_expr("max(abs(signed - total), 3) <= 0.2 * articles and not signed == 0")
    assert excel_formula(expr, CELLS) == "=AND(MAX(ABS((D7-C7)),3)<=(0.2*C5),NOT(D7=0))"


def test_a_chained_comparison_is_each_pair():
    assert excel_formula(compile_expr("0 <= signed <= total"), CELLS) == "=AND(0<=D7,D7<=C7)"


def test_a_name_no_cell_gives_is_refused():
    with pytest.raises(NoFormula):
        excel_formula(compile_expr("ratio(online, received)"), CELLS)
