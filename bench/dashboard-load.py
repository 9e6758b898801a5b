#!/usr/bin/env python3
"""Dashboard pages under load: requests/s and latency p50/p95/p99 per URL with N concurrent clients.

Every worker logs in once through the login form (a session, not HTTP Basic: Basic would BCrypt-hash the
password on every request) and then requests one URL as fast as it can on one keep-alive connection,
for --warmup seconds unmeasured and then --duration seconds measured. Each URL is its own run (all
workers on the same URL), one after the other. On loopback the client-side latency is the server time
(connection set-up is not in it: keep-alive; the network adds well under 0.1 ms).

Python 3 standard library only. Example:
  python3 bench/dashboard-load.py --base-url http://localhost:8095 --workers 8 --warmup 10 --duration 30
Exit status 1 if any request did not answer 200 (or the expected page was not rendered).
"""
import argparse
import http.client
import re
import sys
import threading
import time
import urllib.parse

CSRF_INPUT = re.compile(r'name="_csrf"\s+value="([^"]+)"')

DEFAULT_URLS = [
    "/dasbor?year=2026",
    "/dasbor/kecamatan/15.01.01?year=2026",
    "/api/v1/dashboard/summary?year=2026",
]


class Session:
    """One logged-in browser-like session on one keep-alive HTTP connection (as allocation-hot-envelope.py)."""

    def __init__(self, base, username, password, timeout):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        if self.host not in ("localhost", "127.0.0.1", "::1"):
            raise SystemExit(f"refusing to load {self.host}: this benchmark only talks to localhost")
        self.timeout = timeout
        self.cookies = {}
        self.conn = None
        self._connect()
        self._login(username, password)

    def _connect(self):
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self._connect()
                if attempt == 2:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, val = value.split(";", 1)[0].partition("=")
                self.cookies[key.strip()] = val.strip()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data

    def _login(self, username, password):
        status, _, page = self.request("GET", "/login")
        match = CSRF_INPUT.search(page.decode("utf-8", "replace"))
        if status != 200 or not match:
            raise SystemExit(f"GET /login answered {status} without a _csrf input")
        form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": match.group(1)})
        status, headers, _ = self.request("POST", "/login", form,
                                          {"Content-Type": "application/x-www-form-urlencoded"})
        location = headers.get("location", "")
        if status != 302 or "error" in location:
            raise SystemExit(f"login of {username} failed: {status} {location}")

    def get(self, path):
        accept = "application/json" if path.startswith("/api/") else "text/html"
        return self.request("GET", path, headers={"Accept": accept})


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def cpu_seconds(pid):
    """utime + stime of a process (and, for the postmaster, of all its children alive now), in seconds."""
    if not pid:
        return 0.0
    import os
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:  # fields[1] = ppid
            total += int(fields[11]) + int(fields[12])
    return total / tick


def run(sessions, path, seconds):
    """All sessions request path for `seconds`; returns (latencies, statuses, bytes of one answer, elapsed)."""
    lock = threading.Lock()
    latencies, statuses, sizes = [], {}, []
    gate = threading.Barrier(len(sessions) + 1)
    stop_at = [0.0]

    def work(session):
        mine, mine_status, size = [], {}, 0
        gate.wait()
        while True:
            t0 = time.perf_counter()
            if t0 >= stop_at[0]:
                break
            try:
                status, _, data = session.get(path)
                size = len(data)
                if status == 200 and not path.startswith("/api/") and b"</html>" not in data:
                    status = "truncated"
            except Exception as e:  # noqa: BLE001 - a transport failure counts as an error
                status = type(e).__name__
            mine.append(time.perf_counter() - t0)
            mine_status[status] = mine_status.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for k, v in mine_status.items():
                statuses[k] = statuses.get(k, 0) + v
            sizes.append(size)

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for t in threads:
        t.start()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    gate.wait()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return latencies, statuses, max(sizes or [0]), elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", default="http://localhost:8095")
    ap.add_argument("--username", default="ahli")
    ap.add_argument("--password", default="dumisake")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--warmup", type=float, default=10.0, help="unmeasured seconds per URL before measuring")
    ap.add_argument("--duration", type=float, default=30.0, help="measured seconds per URL")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--target-p95-ms", type=float, default=100.0)
    ap.add_argument("--app-pid", type=int, default=0, help="report the JVM's CPU time per request")
    ap.add_argument("--pg-pid", type=int, default=0, help="postmaster pid: report PostgreSQL CPU per request")
    ap.add_argument("urls", nargs="*", default=DEFAULT_URLS)
    args = ap.parse_args()

    print(f"logging in {args.workers} workers as {args.username} ...", flush=True)
    sessions = [Session(args.base_url, args.username, args.password, args.timeout) for _ in range(args.workers)]
    results, failed = [], False
    for path in args.urls:
        print(f"{path}: warm-up {args.warmup:.0f} s, measuring {args.duration:.0f} s with {args.workers} clients",
              flush=True)
        if args.warmup > 0:
            run(sessions, path, args.warmup)
        cpu0 = (cpu_seconds(args.app_pid), cpu_seconds(args.pg_pid))
        lat, statuses, size, elapsed = run(sessions, path, args.duration)
        cpu1 = (cpu_seconds(args.app_pid), cpu_seconds(args.pg_pid))
        n = max(len(lat), 1)
        cpu = ((cpu1[0] - cpu0[0]) * 1000 / n, (cpu1[1] - cpu0[1]) * 1000 / n)
        errors = sum(v for k, v in statuses.items() if k != 200)
        failed |= errors > 0
        ms = lambda s: s * 1000.0  # noqa: E731
        results.append((path, len(lat) / elapsed, ms(percentile(lat, 50)), ms(percentile(lat, 95)),
                        ms(percentile(lat, 99)), ms(lat[-1]) if lat else float("nan"), len(lat), errors,
                        size, statuses, cpu))

    print()
    print(f"{'URL':42} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} "
          f"{'requests':>8} {'errors':>6} {'bytes':>7} {'CPU ms/req app+pg':>17}  p95 <= {args.target_p95_ms:.0f} ms")
    for path, rps, p50, p95, p99, mx, n, errors, size, statuses, cpu in results:
        verdict = "met" if p95 <= args.target_p95_ms and errors == 0 else "MISSED"
        print(f"{path:42} {rps:7.1f} {p50:7.1f} {p95:7.1f} {p99:7.1f} {mx:7.1f} {n:8d} {errors:6d} {size:7d} "
              f"{cpu[0]:8.1f} + {cpu[1]:6.1f}  {verdict}" + ("" if errors == 0 else f"  {statuses}"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
