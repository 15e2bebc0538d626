"""Running one command: parse, call its handler, turn an expected failure into one sentence and an exit status.

Exit status: 0 success; 1 the data breaks hard rules (``check``) or a file was
rejected (``import``); 2 bad usage, an unreadable or foreign file. Errors are
one sentence on stderr, never a traceback.
"""

from __future__ import annotations

import sqlite3
import sys

# each module registers its commands; this order is the order of `dtdesk --help`
from dtdesk.cli import reports, units, exchange, cycle, backup, sign, worker  # noqa: F401, I001
from dtdesk.cli.common import quoted
from dtdesk.cli.registry import COMMANDS, CommandError, build_parser, said, tr


def invoked(argv: list[str]) -> str | None:
    """The command named on the line (the first word that is not an option), if it is one."""
    name = next((word for word in argv if not word.startswith("-")), None)
    return name if name in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(invoked(argv)).parse_args(argv) if argv else None
    if args is None or args.command is None:  # `dtdesk` alone: the window
        from dtdesk.gui.app import run

        return run(None)
    try:
        return args.handler(args)
    except BrokenPipeError:  # `dtdesk units ws | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        sentence = failure(exc, getattr(args, "workspace", ""))
        if sentence is None:
            raise
        print(f"dtdesk: {sentence}", file=sys.stderr)
        return getattr(exc, "status", 2)


def failure(exc: Exception, workspace) -> str | None:
    """The sentence for an expected failure, or None for a fault of the program itself."""
    if isinstance(exc, (CommandError, *_error_kinds())):
        return said(exc)
    if isinstance(exc, sqlite3.Error):  # the workspace itself failed: read-only, full disk, damaged
        return database_failure(exc, workspace)
    if isinstance(exc, OSError):  # a path too long, a folder that cannot be read…
        from dtdesk.core.formats import os_reason

        return tr("Không đọc hoặc ghi được «{name}»: {reason}.", name=quoted(exc.filename), reason=os_reason(exc))
    return None


def _error_kinds() -> tuple[type[Exception], ...]:
    """The store's and dtdesk.sign's error kinds, imported only once something failed (pyHanko is slow to load)."""
    from dtdesk.sign.errors import SignError
    from dtdesk.store.workspace import WorkspaceError

    return WorkspaceError, SignError


def database_failure(exc: sqlite3.Error, workspace) -> str:
    """One sentence for a failure SQLite reports on the workspace (its own words would hide what to do)."""
    text, name = str(exc).lower(), quoted(workspace)
    if "full" in text:
        return tr("Ổ đĩa đã đầy nên không ghi được vào tệp «{name}»; tệp vẫn như trước khi chạy lệnh.", name=name)
    if "readonly" in text or "read-only" in text:
        return tr("Tệp «{name}» hoặc thư mục chứa nó chỉ cho phép đọc; không ghi được thay đổi.", name=name)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return tr("Tệp «{name}» đã bị hỏng; hãy khôi phục từ bản sao lưu (dtdesk restore).", name=name)
    return tr("Không dùng được tệp «{name}»: {reason}.", name=name, reason=exc)
