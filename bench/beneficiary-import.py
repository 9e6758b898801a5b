#!/usr/bin/env python3
"""Importing 100,000 beneficiaries through the import page, next to PostgreSQL's own COPY of the same rows.

1. Writes a CSV of --rows synthetic beneficiaries (valid-shaped NIKs, desa codes from the shipped Jambi
   master data, names "Penerima Sintetis N").
2. Logs in through the login form as --user, uploads the file to POST /penerima/impor, follows the
   redirect to the import job's page and polls the job (GET /api/v1/beneficiary-imports/{id}, with the
   same session) until it has ended; the time is upload → job SUCCEEDED (everything checked, written and
   committed), and the progress seen on the way is printed.
3. Checks that the job says every row was imported.
4. With --copy-dsn (a psql connection string, e.g. "host=127.0.0.1 user=postgres"), times psql's
   \\copy of the same rows into a scratch table of the same shape on that server, for comparison.

Python 3 standard library plus the psql client. Example:
  python3 bench/beneficiary-import.py --base http://localhost:8091 --copy-dsn "host=127.0.0.1 user=postgres"
"""
import argparse
import csv
import http.client
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse

CSRF_INPUT = re.compile(r'name="_csrf"\s+value="([^"]+)"')
HERE = os.path.dirname(os.path.abspath(__file__))
DESA_CSV = os.path.join(HERE, "..", "src", "main", "resources", "jambi", "desa.csv")


def rows(count, seed):
    with open(DESA_CSV, encoding="utf-8") as f:
        desa = [r["code"] for r in csv.DictReader(f)]
    out = []
    for i in range(count):
        block, serial = divmod(i, 9999)
        # a woman born on the 1st of July of year (seed % 100); the kecamatan digits keep the NIKs unique
        nik = "15%02d%02d4107%02d%04d" % (10 + block // 89 % 80, 10 + block % 89, seed % 100, serial + 1)
        out.append([nik, "Penerima Sintetis %d" % i, "F", "%s-07-01" % year_of(seed % 100), desa[i % len(desa)],
                    "Jl. Sintetis No. %d" % (i % 500 + 1), "", str(i % 10 + 1), "", "", "", ""])
    return out


def year_of(two_digits):
    return 1900 + two_digits if two_digits > 26 else 2000 + two_digits


class Session:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=600)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                k, v = value.split(";", 1)[0].split("=", 1)
                self.cookies[k] = v
        return response.status, dict(response.getheaders()), data.decode("utf-8", "replace")

    def csrf(self, path):
        status, _, page = self.request("GET", path)
        match = CSRF_INPUT.search(page)
        if not match:
            sys.exit(f"no CSRF token on {path} (status {status})")
        return match.group(1)

    def login(self, username, password):
        token = self.csrf("/login")
        body = urllib.parse.urlencode({"username": username, "password": password, "_csrf": token})
        status, headers, _ = self.request("POST", "/login", body,
                                          {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302 or "error" in headers.get("Location", ""):
            sys.exit(f"login failed: {status} {headers.get('Location')}")


def multipart(token, file_name, content):
    boundary = "----dumisake-bench"
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n".encode(),
             (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
              "Content-Type: text/csv\r\n\r\n").encode() + content + b"\r\n",
             f"--{boundary}--\r\n".encode()]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8091")
    parser.add_argument("--user", default="op-disdik")
    parser.add_argument("--password", default="dumisake")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100)
    parser.add_argument("--copy-dsn")
    args = parser.parse_args()

    data = rows(args.rows, args.seed)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["nik", "name", "sex", "date_of_birth", "desa_code", "address", "phone", "welfare_decile",
                     "allocation_id", "aid_amount", "aid_date", "aid_description"])
    writer.writerows(data)
    content = text.getvalue().encode("utf-8")
    print(f"file: {args.rows} rows, {len(content) / 1e6:.1f} MB")

    session = Session(args.base)
    session.login(args.user, args.password)
    token = session.csrf("/penerima/impor")
    body, content_type = multipart(token, "bench.csv", content)
    started = time.perf_counter()
    status, headers, page = session.request("POST", "/penerima/impor", body, {"Content-Type": content_type})
    location = headers.get("Location", "")
    job_id = re.search(r"/penerima/impor/([0-9]+)$", location)
    if status != 302 or not job_id:
        refused = re.search(r'id="import-(?:refused|error)"[^>]*>(.*?)</', page, re.S)
        sys.exit(f"upload refused: {status} {refused.group(1).strip() if refused else page[:500]}")
    print(f"upload answered after {time.perf_counter() - started:.2f} s: job {job_id.group(1)}")
    job = {}
    last = None
    while True:
        _, _, answer = session.request("GET", f"/api/v1/beneficiary-imports/{job_id.group(1)}")
        job = json.loads(answer)
        seen = (job["phase"], job["percent"])
        if seen != last:
            print(f"  {time.perf_counter() - started:6.2f} s  {job['status']:9} {job['phase']:10} {job['percent']:3d} %"
                  f"  checked {job['rowsValidated']}/{job['rowsTotal']}  written {job['recordsWritten']}/{job['recordsToWrite']}")
            last = seen
        if job["status"] not in ("QUEUED", "RUNNING"):
            break
        time.sleep(0.25)
    elapsed = time.perf_counter() - started
    ok = job["status"] == "SUCCEEDED" and job["beneficiariesCreated"] == args.rows
    print(f"import through the application: {elapsed:.2f} s, {job['status']}, {'all rows imported' if ok else 'NOT imported'}")
    if not ok:
        print(job.get("failureMessage") or job.get("errors", [])[:5])

    if args.copy_dsn:
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows([r[:8] for r in data])
            path = f.name
        setup = """drop table if exists bench_beneficiary;
            create unlogged table bench_beneficiary (id bigint generated always as identity primary key,
              nik char(16) not null unique, name varchar(200) not null, sex char(1) not null,
              date_of_birth date not null, desa_code varchar(13) not null, address varchar(500) not null,
              phone varchar(30), welfare_decile integer);"""
        subprocess.run(["psql", args.copy_dsn, "-qc", setup], check=True)
        started = time.perf_counter()
        subprocess.run(["psql", args.copy_dsn, "-qc",
                        f"\\copy bench_beneficiary (nik, name, sex, date_of_birth, desa_code, address, phone, "
                        f"welfare_decile) from '{path}' with (format csv, null '')"], check=True)
        copy_elapsed = time.perf_counter() - started
        subprocess.run(["psql", args.copy_dsn, "-qc", "drop table bench_beneficiary"], check=True)
        os.unlink(path)
        print(f"psql \\copy of the same rows: {copy_elapsed:.2f} s")
    sys.exit(0 if ok and elapsed <= 20 else 1)


if __name__ == "__main__":
    main()
