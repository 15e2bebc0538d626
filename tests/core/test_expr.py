import pytest

from dtdesk.core.expr import Expr, ExprError, Missing



@pytest.mark.parametrize(
    "source, names, expected",
    [
        ("a + b * 2", {"a": 1, "b": 3}, 7),
        ("ratio(a, b)", {"a": 65, "b": 66}, 65 * 100 / 66),
        ("ratio(a, b)", {"a": 0, "b": 0}, 0.0),
        ("a / b", {"a": 1, "b": 0}, 0.0),
        ("c <= b <= a", {"a": 3, "b": 2, "c": 1}, True),
        ("c <= b <= a", {"a": 3, "b": 4, "c": 1}, False),
        ("a == b + c and not d", {"a": 3, "b": 2, "c": 1, "d": 0}, True),
        ("abs(a - b) <= max(2, 0.15 * b)", {"a": 33, "b": 30.7}, True),
    ],
)
def test_evaluates(source, names, expected):
    assert Expr(source).evaluate(names) == expected


@pytest.mark.parametrize(
    "source",
    ["__import__('os')", "a.b", "a[0]", "(lambda: 1)()", "open('x')", "'text'", "a if b else c", "1 ** 9999"],
)
def test_rejects_anything_outside_the_whitelist(source):
    with pytest.raises(ExprError):
        Expr(source)


def test_missing_name_is_not_an_error_but_a_signal():
    with pytest.raises(Missing):
        Expr("a + b").evaluate({"a": 1})


def test_names_are_collected():
    assert Expr("ratio(x, y) + z").names == {"x", "y", "z"}


def test_prev_reads_the_previous_period_by_name():
    rule = Expr("carried == prev.pending")
    assert rule.names == {"carried", "prev.pending"} and rule.previous == {"prev.pending"}
    assert rule.evaluate({"carried": 195, "prev.pending": 195}) is True
    assert rule.evaluate({"carried": 190, "prev.pending": 195}) is False
    with pytest.raises(Missing):  # no previous period: the rule cannot be checked, which is not an error
        rule.evaluate({"carried": 190})


@pytest.mark.parametrize("source", ["prev", "prev.a.b", "prev.a()", "other.a", "prev[0]"])
def test_prev_is_the_only_attribute_and_only_one_deep(source):
    with pytest.raises(ExprError):
        Expr(source)
