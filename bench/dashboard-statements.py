#!/usr/bin/env python3
"""Per-statement single-client timing of a dashboard SQL file (bench/dashboard-*.sql), one psql session.

Splits the file at the statement-ending semicolons, runs every statement --repeat times through
`psql` with \\timing and prints the median server round trip per statement (psql on loopback: the
statement's execution plus well under 0.1 ms), the sum of the medians, and the slowest statement.
With --explain the slowest statement is also shown with EXPLAIN (ANALYZE, BUFFERS).
Python 3 standard library only. Example:
  python3 bench/dashboard-statements.py --port $PORT bench/dashboard-summary.sql
"""
import argparse
import re
import statistics
import subprocess


def statements(path):
    result, label, buf = [], None, []
    for line in open(path, encoding="utf-8"):
        stripped = line.strip()
        if stripped.startswith("--"):
            if not buf:
                label = stripped[2:].strip()
            continue
        if not stripped and not buf:
            continue
        buf.append(line.rstrip("\n"))
        if stripped.endswith(";"):
            result.append((label or "", "\n".join(buf)))
            label, buf = None, []
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--host", default="localhost")
    ap.add_argument("--port", required=True)
    ap.add_argument("--user", default="postgres")
    ap.add_argument("--db", default="postgres")
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--explain", action="store_true")
    args = ap.parse_args()
    psql = ["psql", "-X", "-q", "-h", args.host, "-p", str(args.port), "-U", args.user, "-d", args.db]

    rows = []
    for label, sql in statements(args.file):
        script = "\\timing on\n" + "\n".join([sql] * args.repeat)
        out = subprocess.run(psql + ["-o", "/dev/null"], input=script, capture_output=True, text=True,
                             check=True).stdout
        times = [float(t) for t in re.findall(r"Time: ([\d.]+) ms", out)]
        rows.append((statistics.median(times[1:] or times), label, sql))
    total = sum(r[0] for r in rows)
    print(f"{args.file}: {len(rows)} statements, median of {args.repeat} runs each (first run dropped)")
    for i, (ms, label, _) in enumerate(rows, 1):
        print(f"  {i:2d}. {ms:8.2f} ms  {label[:90]}")
    print(f"  sum of medians: {total:.1f} ms")
    slowest = max(rows)
    print(f"  slowest: {slowest[0]:.2f} ms  {slowest[1][:90]}")
    if args.explain:
        out = subprocess.run(psql, input="explain (analyze, buffers) " + slowest[2], capture_output=True,
                             text=True, check=True).stdout
        print(out)


if __name__ == "__main__":
    main()
