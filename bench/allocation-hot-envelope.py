#!/usr/bin/env python3
"""Creating allocations through the API on ONE hot envelope: throughput, latency and rule violations.

Every worker logs in once through the login form (a session, not HTTP Basic: Basic would BCrypt-hash the
password on every request) and then posts allocations of --amount into kecamatan --kecamatan of a fresh
fiscal year as fast as it can, on one keep-alive connection. The pagu is chosen smaller than what is
requested in total, so the envelope must fill up exactly and every request after that must get 422.

Checks after the run (exit status 1 if any fails):
  * every response is 201 or 422 with code ENVELOPE_EXCEEDED;
  * 201-count x amount == envelope.allocated == the pagu when more was requested than the pagu holds;
  * the number of 201s is exactly min(requests, pagu // amount).

Python 3 standard library only. Example:
  python3 bench/allocation-hot-envelope.py --workers 8 --requests 1000
"""
import argparse
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
from decimal import Decimal

CSRF_INPUT = re.compile(r'name="_csrf"\s+value="([^"]+)"')
META = re.compile(r'<meta\s+name="(_csrf|_csrf_header)"\s+content="([^"]+)"')


class Session:
    """One logged-in browser-like session on one keep-alive HTTP connection."""

    def __init__(self, base, username, password, timeout):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or (443 if url.scheme == "https" else 80)
        self.https = url.scheme == "https"
        self.timeout = timeout
        self.cookies = {}
        self.conn = None
        self._connect()
        self._login(username, password)

    def _connect(self):
        cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        self.conn = cls(self.host, self.port, timeout=self.timeout)

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
                # the server closed an idle keep-alive connection: reconnect once
                self.conn.close()
                self._connect()
                if attempt == 2:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                key, _, val = cookie.partition("=")
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
        status, _, home = self.request("GET", "/")
        metas = dict(META.findall(home.decode("utf-8", "replace")))
        if status != 200 or "_csrf" not in metas:
            raise SystemExit(f"GET / answered {status} without <meta name=\"_csrf\">")
        self.csrf_header = metas.get("_csrf_header", "X-CSRF-TOKEN")
        self.csrf_token = metas["_csrf"]

    def json(self, method, path, payload=None):
        headers = {"Accept": "application/json, application/problem+json", self.csrf_header: self.csrf_token}
        body = None
        if payload is not None:
            body = json.dumps(payload)
            headers["Content-Type"] = "application/json"
        status, _, data = self.request(method, path, body, headers)
        try:
            parsed = json.loads(data, parse_float=Decimal) if data else None
        except ValueError:
            parsed = data.decode("utf-8", "replace")
        return status, parsed


def number(value):
    """A Decimal as a JSON number (json cannot write Decimal)."""
    return int(value) if value == value.to_integral_value() else float(value)


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", default="http://localhost:8080")
    ap.add_argument("--username", default="admin")
    ap.add_argument("--password", default="dumisake")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--requests", type=int, default=1000, help="requests per worker")
    ap.add_argument("--amount", default="1000000", help="rupiah per allocation (default Rp 1.000.000)")
    ap.add_argument("--pagu", default="5000000000", help="pagu per kecamatan of the fresh year (default Rp 5 M)")
    ap.add_argument("--kecamatan", default="15.01.01")
    ap.add_argument("--year", type=int, default=None, help="fiscal year to open (default: first free >= 2040)")
    ap.add_argument("--warmup", type=int, default=0,
                    help="requests per worker into another kecamatan of the same year before measuring")
    ap.add_argument("--warmup-kecamatan", default="15.01.02")
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args()

    amount, pagu = Decimal(args.amount), Decimal(args.pagu)
    total_requests = args.workers * args.requests
    expected_created = min(total_requests, int(pagu // amount))

    setup = Session(args.base_url, args.username, args.password, args.timeout)
    status, years = setup.json("GET", "/api/v1/fiscal-years")
    if status != 200:
        raise SystemExit(f"GET /api/v1/fiscal-years answered {status}: {years}")
    taken = {y["year"] for y in years}
    year = args.year or next((y for y in range(2040, 2101) if y not in taken), None)
    if year is None or year in taken:
        raise SystemExit(f"no free fiscal year (taken: {sorted(taken)})")
    status, opened = setup.json("POST", "/api/v1/fiscal-years", {"year": year, "paguPerKecamatan": number(pagu)})
    if status != 201:
        raise SystemExit(f"opening {year} answered {status}: {opened}")
    print(f"opened fiscal year {year} with pagu {pagu} per kecamatan; hot envelope {args.kecamatan}")

    def payload(kecamatan):
        return {"year": year, "kecamatanCode": kecamatan, "opdCode": "DISDIK",
                "programmeCode": "BANTUAN-PENDIDIKAN", "mechanism": "BELANJA_OPD",
                "title": "Benchmark hot envelope", "amount": number(amount), "plannedMonth": 6}

    print(f"logging in {args.workers} workers ...")
    sessions = [Session(args.base_url, args.username, args.password, args.timeout) for _ in range(args.workers)]

    if args.warmup:
        print(f"warm-up: {args.warmup} requests per worker into {args.warmup_kecamatan} (not measured)")

        def warm(session):
            for _ in range(args.warmup):
                session.json("POST", "/api/v1/allocations", payload(args.warmup_kecamatan))

        threads = [threading.Thread(target=warm, args=(s,)) for s in sessions]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    lock = threading.Lock()
    latencies, statuses, unexpected, created_at = [], {}, [], []
    start_gate = threading.Barrier(args.workers + 1)

    def work(session):
        mine_lat, mine_status, mine_unexpected, mine_created_at = [], {}, [], []
        body = payload(args.kecamatan)
        start_gate.wait()
        for _ in range(args.requests):
            t0 = time.perf_counter()
            try:
                status, answer = session.json("POST", "/api/v1/allocations", body)
            except Exception as e:  # noqa: BLE001 - a transport failure is an unexpected outcome
                status, answer = "error", repr(e)
            t1 = time.perf_counter()
            mine_lat.append(t1 - t0)
            mine_status[status] = mine_status.get(status, 0) + 1
            if status == 201:
                mine_created_at.append(t1)
            if status == 422 and isinstance(answer, dict) and answer.get("code") == "ENVELOPE_EXCEEDED":
                continue
            if status != 201 and len(mine_unexpected) < 5:
                mine_unexpected.append((status, answer))
        with lock:
            latencies.extend(mine_lat)
            for k, v in mine_status.items():
                statuses[k] = statuses.get(k, 0) + v
            unexpected.extend(mine_unexpected)
            created_at.extend(mine_created_at)

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for t in threads:
        t.start()
    start_gate.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began

    created = statuses.get(201, 0)
    refused = statuses.get(422, 0)
    other = total_requests - created - refused
    latencies.sort()
    ms = lambda s: s * 1000.0  # noqa: E731

    status, envelope = setup.json("GET", f"/api/v1/fiscal-years/{year}/envelopes/{args.kecamatan}")
    allocated = Decimal(str(envelope["allocated"])) if status == 200 else None

    print()
    print(f"workers x requests     : {args.workers} x {args.requests} = {total_requests} POST /api/v1/allocations")
    print(f"amount / pagu          : {amount} / {pagu}  (room for {int(pagu // amount)})")
    print(f"elapsed                : {elapsed:.2f} s")
    print(f"201 created            : {created}")
    print(f"422 ENVELOPE_EXCEEDED  : {refused}")
    print(f"other                  : {other}  {dict((k, v) for k, v in statuses.items() if k not in (201, 422))}")
    print(f"all requests/s         : {total_requests / elapsed:.1f}")
    if created_at:
        filling = max(created_at) - began
        print(f"created/s while filling: {created / filling:.1f}  ({created} in {filling:.2f} s, until the last 201)")
    print(f"created/s (whole run)  : {created / elapsed:.1f}")
    print(f"latency ms p50/p95/p99 : {ms(percentile(latencies, 50)):.1f} / {ms(percentile(latencies, 95)):.1f}"
          f" / {ms(percentile(latencies, 99)):.1f}  (max {ms(latencies[-1]):.1f})")
    print(f"envelope allocated     : {allocated} (expected {amount * created}; pagu {pagu})")

    violations = []
    if status != 200:
        violations.append(f"GET envelope answered {status}: {envelope}")
    else:
        if allocated != amount * created:
            violations.append(f"allocated {allocated} != 201-count x amount {amount * created}")
        if allocated > pagu:
            violations.append(f"allocated {allocated} above pagu {pagu}")
        if total_requests * amount >= pagu and allocated != pagu and pagu % amount == 0:
            violations.append(f"envelope not filled exactly: allocated {allocated} != pagu {pagu}")
    if created != expected_created:
        violations.append(f"{created} created, expected exactly {expected_created}")
    if other:
        violations.append(f"{other} unexpected responses, e.g. {unexpected[:3]}")
    if unexpected and not other:
        violations.append(f"422 with an unexpected code, e.g. {unexpected[:3]}")

    print()
    if violations:
        print("RULE VIOLATIONS / UNEXPECTED:")
        for v in violations:
            print("  - " + v)
        sys.exit(1)
    print("OK: zero rule violations (cap held exactly, every refusal was 422 ENVELOPE_EXCEEDED)")


if __name__ == "__main__":
    main()
