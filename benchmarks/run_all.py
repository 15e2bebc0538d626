"""Run every benchmark in this folder and print one table of medians and ratios.

Run: python benchmarks/run_all.py [--runs N] [--only render,edit] [--markdown]

Every ``benchmarks/bench_*.py`` present is run in its own process (so one
benchmark's imports and caches do not flatter the next), with ``--runs N`` if
its ``--help`` mentions it. Results are read in one of two ways:

- ``--json``: if the script's ``--help`` mentions it, it is run with ``--json``
  and must print a JSON list of objects with ``case``, ``median_ms`` and
  optionally ``baseline`` (name), ``baseline_ms`` and ``ratio``;
- otherwise its text is read: either a table (the header line containing
  "median" and the rows under it, columns matched by where each value ends;
  the column saying "median" is the measure, one saying "bare"/"baseline"
  with "ms" the same-run baseline, "ratio" the ratio, computed if absent), or
  result sentences (``LABEL: median N ms``, ``LABEL: p50 N ms, p99 N ms``,
  ``median …: LABEL N files/s (N ms/file), …``), where the label saying
  "bare", "floor" or "baseline" is the baseline of the others.

A script that fails or prints nothing readable is reported as such, with its
last lines, and the others still run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Row:
    bench: str
    case: str
    median_ms: float | None
    baseline: str = ""
    baseline_ms: float | None = None
    ratio: float | None = None
    note: str = ""


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").rstrip("x×%"))
    except ValueError:
        return None


def parse_table(output: str, bench: str) -> list[Row]:
    """Rows of a right-aligned text table whose header mentions "median"."""
    lines = output.splitlines()
    rows: list[Row] = []
    header = None
    for line in lines:
        if header is None:
            if "median" in line.lower():
                header = line
            continue
        if not line.strip() or set(line.strip()) <= set("-=| "):
            if rows:
                header = None  # a blank line ends a table; a later one may start another
            continue
        if "median" in line.lower():
            header = line
            continue
        spans = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", line)]
        labels, previous = {}, 0
        for i, (start, end, token) in enumerate(spans):
            label_end = max(end, len(header)) if i == len(spans) - 1 else end
            label = header[previous:label_end].strip().lower()
            labels[label or f"col{i}"] = token
            previous = end
        cells = list(labels.items())
        case = cells[0][1]
        median = next((_number(v) for k, v in cells if "median" in k), None)
        base_key = next((k for k, _ in cells if ("bare" in k or "baseline" in k) and "ms" in k), None)
        base = _number(labels[base_key]) if base_key else None
        ratio = next((_number(v) for k, v in cells if "ratio" in k), None)
        if ratio is None and median and base:
            ratio = median / base
        if median is None:
            continue
        rows.append(Row(bench, case, median, base_key.replace(" ms", "") if base_key else "", base, ratio))
    return rows


_BASELINE = re.compile(r"\b(bare|floor|baseline)\b", re.I)


def parse_lines(output: str, bench: str) -> list[Row]:
    """Sentence-style results, as the launch, edit and import benchmarks print them.

    - ``LABEL: median 250 ms …``                       (a case, or a baseline if LABEL says bare/floor/baseline)
    - ``LABEL: p50 1.23 ms, p99 4.56 ms …``            (the median is p50; p99 goes in the note)
    - ``median …: LABEL 500 files/s (2.00 ms/file); LABEL 2000 files/s (0.50 ms/file), …``
    Baseline rows are folded into the others' baseline column, with the ratio (one line per baseline).
    """
    rows: list[Row] = []
    for line in output.splitlines():
        m = re.match(r"\s*(?P<label>[^:]+?):\s*median\s+(?P<v>[\d.]+)\s*(?P<u>ms|s)\b", line)
        if m:
            value = float(m["v"]) * (1000 if m["u"] == "s" else 1)
            rows.append(Row(bench, m["label"].strip(), value))
            continue
        m = re.match(r"\s*(?P<label>[^:]+?):\s*p50\s+(?P<v>[\d.]+)\s*ms", line)
        if m:
            p99 = re.search(r"p99\s+([\d.]+)\s*ms", line)
            goal = re.search(r"\(goal[^)]*\)", line)
            note = " ".join(x for x in (f"p99 {p99[1]} ms" if p99 else "", goal[0] if goal else "") if x)
            rows.append(Row(bench, m["label"].strip(), float(m["v"]), note=note))
            continue
        if line.lower().startswith("median"):
            body = line.split(":", 1)[-1]
            for m in re.finditer(r"(?:^|[,;])\s*(?P<label>[A-Za-z][\w -]*?)\s+[\d.]+\s*files/s\s*\((?P<ms>[\d.]+) ms/file\)",
                                 body):
                rows.append(Row(bench, f"{m['label'].strip()} (per file)", float(m["ms"])))
    baselines = [r for r in rows if _BASELINE.search(r.case)]
    measured = [r for r in rows if r not in baselines]
    if not baselines or not measured:
        return rows
    paired = []
    for r in measured:  # one line per (measure, baseline) pair
        for base in baselines:
            ratio = r.median_ms / base.median_ms if base.median_ms else None
            paired.append(Row(r.bench, r.case, r.median_ms, base.case, base.median_ms, ratio, r.note))
    return paired


def parse_json(output: str, bench: str) -> list[Row]:
    start = output.find("[")
    data = json.loads(output[start:])
    return [Row(bench, str(d["case"]), d.get("median_ms"), str(d.get("baseline", "")), d.get("baseline_ms"),
                d.get("ratio") or (d["median_ms"] / d["baseline_ms"] if d.get("baseline_ms") else None))
            for d in data]


def run(script: Path, runs: int | None, timeout: float) -> tuple[list[Row], float]:
    bench = script.stem.removeprefix("bench_")
    helptext = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True,
                              timeout=120, cwd=HERE.parent).stdout
    cmd = [sys.executable, str(script)]
    if runs and "--runs" in helptext:
        cmd += ["--runs", str(runs)]
    use_json = "--json" in helptext
    if use_json:
        cmd.append("--json")
    t0 = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return [Row(bench, "-", None, note=f"timed out after {timeout:.0f} s")], time.perf_counter() - t0
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-2:])
        return [Row(bench, "-", None, note=f"failed ({done.returncode}): {tail}")], elapsed
    try:
        rows = parse_json(done.stdout, bench) if use_json else (
            parse_table(done.stdout, bench) or parse_lines(done.stdout, bench))
    except (ValueError, KeyError) as exc:
        rows = []
        print(f"[{bench}] unreadable output: {exc}", file=sys.stderr)
    if not rows:
        tail = " / ".join(done.stdout.strip().splitlines()[-2:])
        rows = [Row(bench, "-", None, note=f"no table found: {tail}")]
    return rows, elapsed


def fmt(value: float | None, digits: int | None = None) -> str:
    if value is None:
        return ""
    return f"{value:.{digits if digits is not None else (2 if abs(value) < 10 else 1)}f}"


def table(rows: list[Row], markdown: bool) -> str:
    head = ["benchmark", "case", "median ms", "baseline", "baseline ms", "ratio", "note"]
    body = [[r.bench, r.case, fmt(r.median_ms), r.baseline, fmt(r.baseline_ms), fmt(r.ratio, 2), r.note]
            for r in rows]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---", "---", "--:", "---", "--:", "--:", "---"]) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body)]
    right = {2, 4, 5}
    out = []
    for row in [head, *body]:
        out.append("  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                             for i, (c, w) in enumerate(zip(row, widths))).rstrip())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="passed to every benchmark that takes --runs")
    parser.add_argument("--only", help="comma-separated benchmark names (render, launch, edit, import)")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per benchmark")
    args = parser.parse_args(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        wanted = set(args.only.split(","))
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
    if not scripts:
        print("no benchmark scripts found", file=sys.stderr)
        return 2
    rows: list[Row] = []
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        found, elapsed = run(script, args.runs, args.timeout)
        print(f"  {len(found)} case(s) in {elapsed:.0f} s", file=sys.stderr, flush=True)
        rows += found
    print(table(rows, args.markdown))
    return 1 if any(r.median_ms is None for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
