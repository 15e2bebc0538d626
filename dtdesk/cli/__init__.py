"""The ``dtdesk`` command line: one module per group of commands, each command defined in one place.

What it promises to scripts (commands, exit status, one-sentence errors, outputs) is in
docs/command-line.md.

How to add a command
--------------------
1. In the module of its group (``reports``, ``units``, ``exchange``,
   ``backup``, ``sign``; a new group is a new module imported in ``run.py``),
   write the handler and declare everything about it above it::

       @command("status", "tình hình nộp báo cáo của đơn vị cấp dưới", WORKSPACE,
                Arg("--period", type=given, required=True, help="kỳ báo cáo, ví dụ 2022-Q1"))
       def _status(args) -> int:
           ...
           return 0          # the exit status: 1 for rule errors or a rejected file

   ``Arg`` takes what ``add_argument`` takes; ``OneOf`` groups arguments that
   exclude each other; ``WORKSPACE``, ``REPORT`` (``--unit``/``--period``) and
   ``output(...)`` are the arguments many commands share. A name starting with
   "_" is runnable but never listed (a test's worker).
2. Import what the handler needs inside it: the parser of one command is built
   and run without loading the rest of the program.
3. Word every sentence through ``tr("… {name} …", name=value)`` in Vietnamese
   (help texts and metavars are translated for you; an argument without a
   metavar is named from ``registry.METAVARS``, add its name there), raise
   ``CommandError(sentence)`` for a failure the user can fix, then run
   ``python scripts/catalogs.py`` and fill the English in
   ``resources/i18n/en/LC_MESSAGES/dtdesk.po``. The command line speaks the
   language of ``LANG`` (Vietnamese unless it asks for English).
4. Test it in ``tests/test_cli*.py`` through :func:`main`.
"""

from dtdesk.cli.registry import CommandError, build_parser
from dtdesk.cli.run import main

__all__ = ["CommandError", "build_parser", "main"]
