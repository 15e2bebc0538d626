"""A template's computed expression as an Excel formula, so a "biểu chi tiết" recomputes as the clerk types.

The template's expressions (``ratio(signed, total)``) are the only source:
each name becomes the cell of that field in the same row, and each operation
the Excel one that computes the same number as :mod:`dtdesk.core.expr`
(a division by zero is 0 there, so it is ``IF(b=0,0,a/b)`` here; ``ratio`` is
``part × 100 / whole`` with 0 for a zero whole, as :func:`dtdesk.core.formats.percent`).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from dtdesk.core.expr import Expr

_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_COMPARISONS = {ast.Eq: "=", ast.NotEq: "<>", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_FUNCTIONS = {"abs": "ABS", "min": "MIN", "max": "MAX"}


class NoFormula(ValueError):
    """The expression reads a name no cell or constant gives."""


def _number(value) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)


def _safe_division(part: str, whole: str) -> str:
    return f"IF(({whole})=0,0,({part})/({whole}))"


def _formula(node: ast.AST, cells: Mapping[str, str], constants: Mapping[str, float]) -> str:
    def sub(child: ast.AST) -> str:
        return _formula(child, cells, constants)

    match node:
        case ast.Constant(value=value):
            return _number(value)
        case ast.Name(id=name) if name in cells:
            return cells[name]
        case ast.Name(id=name) if name in constants:
            return _number(constants[name])
        case ast.BinOp(left=left, op=ast.Div(), right=right):
            return _safe_division(sub(left), sub(right))
        case ast.BinOp(left=left, op=op, right=right):
            return f"({sub(left)}{_OPERATORS[type(op)]}{sub(right)})"
        case ast.UnaryOp(op=ast.USub(), operand=operand):
            return f"(-{sub(operand)})"
        case ast.UnaryOp(op=ast.Not(), operand=operand):
            return f"NOT({sub(operand)})"
        case ast.BoolOp(op=op, values=values):
            return f"{'AND' if isinstance(op, ast.And) else 'OR'}({','.join(map(sub, values))})"
        case ast.Compare(left=left, ops=ops, comparators=rest):
            operands = [sub(left), *map(sub, rest)]
            tests = [f"{a}{_COMPARISONS[type(op)]}{b}" for a, op, b in zip(operands, ops, operands[1:])]
            return tests[0] if len(tests) == 1 else f"AND({','.join(tests)})"
        case ast.Call(func=ast.Name(id="ratio"), args=[part, whole]):
            return _safe_division(f"({sub(part)})*100", sub(whole))
        case ast.Call(func=ast.Name(id=name), args=args):
            return f"{_FUNCTIONS[name]}({','.join(map(sub, args))})"
        case ast.Name(id=name):
            raise NoFormula(name)
    raise NoFormula(ast.dump(node)[:40])  # unreachable: Expr has checked the node types


def excel_formula(expr: Expr, cells: Mapping[str, str], constants: Mapping[str, float] = {}) -> str:
    """``=…`` computing ``expr`` with each name read from ``cells`` (name → "C7") or ``constants``."""
    return "=" + _formula(ast.parse(expr.source, mode="eval").body, cells, constants)
