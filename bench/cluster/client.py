#!/usr/bin/env python3
"""Deadline-day clients for bench/cluster.sh: school users save the «Открытая школа» form through nginx.

    client.py URL USERS_FILE SECONDS OUT_PREFIX [FIRST_VALUE]

USERS_FILE lines: cookie<TAB>antiforgery token<TAB>school code. Each user saves drafts in a loop, every save a value
never sent before; an answer other than 302 (or no answer: a node killed under the request) is counted and the same
value is sent again until it is accepted, as a browser's «Сохранить» pressed again would. Writes OUT_PREFIX.accepted
(school, value, unix time of the 302), OUT_PREFIX.errors (unix time, status) and OUT_PREFIX.summary (counts and
latencies). FIRST_VALUE keeps the values of a second run apart from the first's.
"""
import http.client
import sys
import threading
import time
import urllib.parse

url, users_file, seconds, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
first_value = int(sys.argv[5]) if len(sys.argv) > 5 else 100000
host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
users = [line.rstrip("\n").split("\t") for line in open(users_file, encoding="utf-8") if line.strip()]
deadline = time.time() + seconds
lock = threading.Lock()
accepted, errors, failures, latencies = [], {}, [], []


def save(conn, cookie, token, org, value):
    body = urllib.parse.urlencode({
        "Values[openschool.students.registered]": value, "Values[openschool.students.inactive]": 5,
        "Values[openschool.teachers.registered]": 20, "Values[openschool.teachers.inactive]": 2,
        "Comment": "cluster", "action": "draft", "__RequestVerificationToken": token,
    })
    conn.request("POST", f"/forms/openschool/2026Q4?org={org}", body,
                 {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.read()
    return response.status


def user(index, cookie, token, org):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    n = 0
    while time.time() < deadline:
        n += 1
        value = first_value + index * 1000000 + n
        while True:  # the same value until it is accepted
            started = time.time()
            try:
                status = save(conn, cookie, token, org, value)
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
            with lock:
                if status == 302:
                    accepted.append((org, value, time.time()))
                    latencies.append(time.time() - started)
                else:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                    failures.append((time.time(), str(status)))
            if status == 302 or time.time() > deadline + 60:
                break
            time.sleep(0.2)


threads = [threading.Thread(target=user, args=(i, *u)) for i, u in enumerate(users)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(out + ".accepted", "w", encoding="utf-8") as f:
    for org, value, at in accepted:
        f.write(f"{org}\t{value}\t{at:.3f}\n")
with open(out + ".errors", "w", encoding="utf-8") as f:
    for at, status in sorted(failures):
        f.write(f"{at:.3f}\t{status}\n")
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else 0
with open(out + ".summary", "w", encoding="utf-8") as f:
    f.write(f"accepted={len(accepted)} errors={sum(errors.values())} by_status={errors} "
            f"rps={len(accepted) / seconds:.1f} p50={p(0.5):.0f} p99={p(0.99):.0f}\n")
