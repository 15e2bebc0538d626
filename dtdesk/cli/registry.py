"""Commands defined in one place each: name, help, arguments and handler together.

A command module declares ``@command("name", "help", Arg(...), ...)`` above its
handler; :func:`build_parser` turns the registry into argparse parsers, and
builds the arguments of only the command being run (argparse looks each of its
own words up in gettext, a few milliseconds per command).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dtdesk import __version__
from dtdesk.core.errors import say
from dtdesk.core.formats import shown
from dtdesk.core.i18n import N_, argparse_words, environment_language, translate

LANGUAGE = environment_language()  # the command line speaks the language of LANG (Vietnamese by default)


def tr(text: str, **words) -> str:
    """A sentence of the command line in the user's language (the catalog shared with the window)."""
    return translate(LANGUAGE, text, **words)


def said(exc: BaseException) -> str:
    """A failure raised by core, store or exchange, in the user's language."""
    return say(exc, LANGUAGE)


class CommandError(Exception):
    """A failure the user can fix; ``status`` is the exit code."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


# What usage and errors call a value when its argument names none: argparse would say the argument's own
# English name ("workspace", "--period PERIOD"), so the Vietnamese interface says these.
METAVARS = {"workspace": N_("TỆP_DỮ_LIỆU"), "output": N_("TỆP"), "unit": N_("MÃ_ĐƠN_VỊ"), "period": N_("KỲ"),
            "section": N_("MỤC"), "name": N_("TÊN"), "value": N_("GIÁ_TRỊ"), "file": N_("TỆP"),
            "short": N_("TÊN_NGẮN"), "parent": N_("ĐƠN_VỊ_CẤP_TRÊN"), "code": N_("MÃ"), "reason": N_("LÝ_DO"),
            "keep": N_("SỐ_BẢN"), "backup": N_("BẢN_SAO_LƯU"), "pdf": N_("TỆP_PDF"), "slot": N_("KHE"),
            "label": N_("NHÃN")}


class Arg:
    """One ``add_argument`` call, kept until the parser is built; ``help`` and ``metavar`` are catalog sources."""

    def __init__(self, *flags: str, **options):
        self.flags, self.options = flags, options

    def add_to(self, parser) -> None:
        options = dict(self.options)
        if options.get("type") is int:  # argparse would say "invalid int value: 'x'"
            options["type"] = whole_number
        if "metavar" not in options and "action" not in options:
            options["metavar"] = METAVARS.get(self.flags[-1].lstrip("-"))
        for wording in ("help", "metavar"):
            if isinstance(options.get(wording), str):
                options[wording] = tr(options[wording])
        parser.add_argument(*self.flags, **options)


class OneOf:
    """Arguments of which at most one (exactly one when ``required``) may be given."""

    def __init__(self, *args: Arg, required: bool = False):
        self.args, self.required = args, required

    def add_to(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=self.required)
        for arg in self.args:
            arg.add_to(group)


@dataclass(frozen=True)
class Command:
    """One ``dtdesk`` command: its name, its help, its arguments and the handler that runs it."""

    name: str
    help: str
    arguments: tuple = ()
    handler: Callable[[argparse.Namespace], int] = field(default=lambda args: 0)

    @property
    def hidden(self) -> bool:
        """A name starting with "_" is for tests only: runnable, never listed."""
        return self.name.startswith("_")


COMMANDS: dict[str, Command] = {}


def command(name: str, help_text: str, *arguments):
    """Register the decorated ``handler(args) -> exit status`` as ``dtdesk name``."""

    def register(handler):
        COMMANDS[name] = Command(name, help_text, arguments, handler)
        return handler

    return register


# -- arguments many commands share ---------------------------------------------


def given(text: str) -> str:
    """An option's value as typed; an empty one is a mistake, not a request for the default."""
    if not text.strip():
        raise argparse.ArgumentTypeError(tr("không được để trống"))
    return text


def whole_number(text: str) -> int:
    """A number typed as an option's value (``type=int``), refused in words a clerk reads, not as "invalid int".

    Only ASCII digits, as everywhere a number is typed ("５" or "1_000" is no count a clerk means).
    """
    if not re.fullmatch(r"\s*-?[0-9]+\s*", text):
        raise argparse.ArgumentTypeError(tr("«{value}» không phải là một số nguyên", value=shown(text)))
    return int(text)


WORKSPACE = Arg("workspace", help="tệp dữ liệu (.sqlite)")
REPORT = (
    Arg("--unit", type=given, help="mã đơn vị (mặc định: đơn vị của tệp)"),
    Arg("--period", type=given, help="kỳ báo cáo, ví dụ 2022-Q1 hoặc «Quý I/2022» (mặc định: kỳ gần nhất)"),
)


def output(help_text: str) -> Arg:
    return Arg("-o", "--output", required=True, help=help_text)


# -- the parser ------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: one line, exit 2
        self.exit(2, tr("dtdesk: {message}. Xem «dtdesk --help».", message=message) + "\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every listed command, or, when ``only`` names a command, of that one alone.

    Without ``only`` every command is built whole (for ``--help`` of any of
    them); :func:`dtdesk.cli.run.main` passes the invoked command's name.
    """
    argparse_words(LANGUAGE)
    parser = _Parser(prog="dtdesk", description=tr("Báo cáo tình hình, kết quả thực hiện chuyển đổi số."))
    parser.add_argument("--version", action="version", version=f"dtdesk {__version__}",
                        help=tr("in số phiên bản của dtdesk rồi thoát"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title=tr("các lệnh"),
                                metavar=tr("LỆNH"))
    chosen = [COMMANDS[only]] if only in COMMANDS else [c for c in COMMANDS.values() if not c.hidden]
    for cmd in chosen:
        words = {"help": tr(cmd.help), "description": tr(cmd.help)} if cmd.help else {}
        p = sub.add_parser(cmd.name, **words)
        for arg in cmd.arguments:
            arg.add_to(p)
        p.set_defaults(handler=cmd.handler)
    return parser
