"""Commands that keep the workspace safe: a backup now, a restore from one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dtdesk.cli.registry import WORKSPACE, Arg, CommandError, command, said, tr


@command("backup", "sao lưu tệp dữ liệu ngay và liệt kê các bản sao lưu", WORKSPACE,
         Arg("--keep", type=int, default=10, help="số bản sao lưu giữ lại (mặc định 10)"))
def _backup(args) -> int:
    from dtdesk.store.backup import backup_dir, failure_reason, list_backups, make_backup
    from dtdesk.store.workspace import Workspace

    path = Path(args.workspace)
    with Workspace.open(path, backup=False) as ws:  # read-only if in use: a consistent copy all the same
        try:
            made = make_backup(ws.conn, path, kind="manual", keep=args.keep)
        except (OSError, sqlite3.Error) as exc:
            raise CommandError(tr("Không sao lưu được tệp «{name}»: {reason}.", name=path.name,
                                  reason=failure_reason(exc))) from None
    print(tr("Đã sao lưu {name} vào {path}.", name=path.name, path=made))
    backups = list_backups(path)
    print(tr("Các bản sao lưu trong {folder} ({count}, mới nhất trước):", folder=backup_dir(path), count=len(backups)))
    for b in backups:
        print(f"{b.path.name}\t{said(b.label)}")
    return 0


@command("restore", "khôi phục tệp dữ liệu từ một bản sao lưu (trạng thái hiện tại được sao lưu trước)", WORKSPACE,
         Arg("backup", help="tệp sao lưu (trong thư mục backups/)"))
def _restore(args) -> int:
    from dtdesk.store.backup import failure_reason, restore

    path, source = Path(args.workspace), Path(args.backup)
    try:
        saved = restore(path, source)
    except (OSError, sqlite3.Error) as exc:
        raise CommandError(tr("Không khôi phục được tệp «{name}»: {reason}.", name=path.name,
                              reason=failure_reason(exc))) from None
    if saved:
        print(tr("Đã lưu trạng thái hiện tại vào {path}.", path=saved))
    print(tr("Đã khôi phục {name} từ {source}.", name=path.name, source=source.name))
    return 0
