"""Runs dtdesk commands in forked processes and kills them with SIGKILL after a given delay.

    python kill_worker.py        # then one JSON request a line on stdin, one JSON answer a line on stdout

A request is ``{"args": [...], "delay": seconds or null}``: the worker forks, the
child runs ``dtdesk.cli.main(args)`` exactly as the ``dtdesk`` command would
(its output to /dev/null) and the worker kills it after ``delay`` seconds, or
lets it finish when ``delay`` is null. The answer is ``{"status": "killed" or
the exit code, "seconds": how long the child ran}``; a child that ended before
its kill reports its own length (polled every 2 ms), not the delay, so the test
can pace its kills by every run that finished. Forking from a process that
has already imported dtdesk makes a run cost milliseconds instead of a
Python start, so hundreds of kills fit in a test. Single-threaded and holding
no database open, so the fork is safe.
"""

import json
import os
import signal
import sys
import time

from dtdesk import cli
from dtdesk.exchange import export, importer  # noqa: F401 - loaded once, before the forks
from dtdesk.store import backup  # noqa: F401


def _child(args: list[str]) -> None:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        code = cli.main(args)
    except BaseException:  # noqa: BLE001 - a traceback is a failure the test must see
        code = 99
    os._exit(code if isinstance(code, int) else 0)


def _ended_by(pid: int, deadline: float | None) -> int:
    """The child's wait status: it ended by itself, or was killed at ``deadline`` (``time.perf_counter()``)."""
    while deadline is not None:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        left = deadline - time.perf_counter()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            break
        time.sleep(min(left, 0.002))
    return os.waitpid(pid, 0)[1]


def run(args: list[str], delay: float | None) -> dict:
    sys.stdout.flush()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        _child(args)
    status = _ended_by(pid, None if delay is None else start + delay)
    seconds = time.perf_counter() - start  # the child's own length when it ended before its kill, not the delay
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return {"status": "killed", "seconds": seconds}
    return {"status": os.waitstatus_to_exitcode(status), "seconds": seconds}


def main() -> int:
    for line in sys.stdin:
        request = json.loads(line)
        print(json.dumps(run(request["args"], request["delay"])), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
