"""Formulas and rules from the template, evaluated without ``eval``.

A template says ``"signed / total * 100"`` or ``"received == resolved + pending"``.
We parse it with :mod:`ast` and walk a whitelist of node types: arithmetic,
comparisons, ``and``/``or``/``not`` and a few named functions, and
``prev.name``: the same value in the previous period's report (a rule such as
``carried == prev.pending``), known to the caller as the name ``"prev.name"``.
Anything else (other attribute access, subscripts, lambdas, calls to unknown
names) is rejected
when the template is loaded, so a bad template fails early and a hostile one
cannot run code.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from functools import cache

from dtdesk.core.formats import percent


class ExprError(ValueError):
    pass


class Missing(Exception):
    """A name had no value: the formula cannot be computed yet (not an error)."""


_BINARY: dict[type, Callable] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: lambda a, b: a / b if b else 0.0,
}
_COMPARE: dict[type, Callable] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
PREVIOUS = "prev"  # the one name whose attributes a formula may read: the previous period's values
FUNCTIONS: dict[str, Callable] = {
    "ratio": percent,
    "abs": abs,
    "min": min,
    "max": max,
}


def _named(names: Mapping[str, object], name: str):
    value = names.get(name)
    if value is None:
        raise Missing(name)
    return value


class Expr:
    """A parsed expression; call :meth:`evaluate` with a mapping of names."""

    def __init__(self, source: str):
        self.source = source
        try:
            self._tree = ast.parse(source, mode="eval").body
        except SyntaxError as exc:
            raise ExprError(f"cannot parse formula {source!r}: {exc.msg}") from None
        self.names: frozenset[str] = frozenset(self._check(self._tree))
        self.previous = frozenset(n for n in self.names if n.startswith(f"{PREVIOUS}."))  # names of the previous period

    def _check(self, node: ast.AST) -> set[str]:
        match node:
            case ast.Constant(value=value) if isinstance(value, (int, float)) and not isinstance(value, bool):
                return set()
            case ast.Name(id=name) if name != PREVIOUS:
                return {name}
            case ast.Attribute(value=ast.Name(id=name), attr=attr) if name == PREVIOUS:
                return {f"{PREVIOUS}.{attr}"}
            case ast.BinOp(left=left, op=op, right=right) if type(op) in _BINARY:
                return self._check(left) | self._check(right)
            case ast.UnaryOp(op=ast.USub() | ast.Not(), operand=operand):
                return self._check(operand)
            case ast.BoolOp(values=values):
                return set().union(*(self._check(v) for v in values))
            case ast.Compare(left=left, ops=ops, comparators=rest) if all(type(o) in _COMPARE for o in ops):
                return set().union(self._check(left), *(self._check(v) for v in rest))
            case ast.Call(func=ast.Name(id=name), args=args, keywords=[]) if name in FUNCTIONS:
                return set().union(*(self._check(a) for a in args))
        raise ExprError(f"formula {self.source!r} uses something not allowed: {ast.dump(node)[:60]}")

    def evaluate(self, names: Mapping[str, object]):
        """Value of the expression; raises :class:`Missing` if a name has no value."""
        return self._eval(self._tree, names)

    def _eval(self, node: ast.AST, names: Mapping[str, object]):
        match node:
            case ast.Constant(value=value):
                return value
            case ast.Name(id=name):
                return _named(names, name)
            case ast.Attribute(attr=attr):  # prev.attr, the only attribute _check lets through
                return _named(names, f"{PREVIOUS}.{attr}")
            case ast.BinOp(left=left, op=op, right=right):
                return _BINARY[type(op)](self._eval(left, names), self._eval(right, names))
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                return -self._eval(operand, names)
            case ast.UnaryOp(op=ast.Not(), operand=operand):
                return not self._eval(operand, names)
            case ast.BoolOp(op=ast.And(), values=values):
                return all(self._eval(v, names) for v in values)
            case ast.BoolOp(op=ast.Or(), values=values):
                return any(self._eval(v, names) for v in values)
            case ast.Compare(left=left, ops=ops, comparators=rest):
                current = self._eval(left, names)
                for op, right_node in zip(ops, rest):
                    right = self._eval(right_node, names)
                    if not _COMPARE[type(op)](current, right):
                        return False
                    current = right
                return True
            case ast.Call(func=ast.Name(id=name), args=args):
                return FUNCTIONS[name](*(self._eval(a, names) for a in args))
        raise ExprError(f"cannot evaluate {self.source!r}")  # unreachable after _check


@cache
def compile_expr(source: str) -> Expr:
    return Expr(source)
