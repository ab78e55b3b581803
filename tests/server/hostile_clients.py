#!/usr/bin/env python3
"""Hostile-client suite for `llmgallery serve` (issue 17 item 6; cases 03, 07, 08, 09 of the reliability
report). Loopback only, bounded in time (about 40 s), python3's standard library only.

  hostile_clients.py LLMGALLERY_BINARY CATALOG_CONFIG_DIR

Starts the server on a free port and attacks it: many ranges, header floods (10,000 headers; a 1 MiB header
block), 70 slow clients trickling a byte a second (from four addresses, under the per-client cap)
while a normal GET / from 127.0.0.1 must answer within 1 s, idle connections past the per-client cap,
invalid UTF-8 and %-junk in paths and queries, huge query strings, pipelining, bodies past the cap, and
concurrent POSTs of mutated catalog configs. Passes when no answer is a 5xx, the server is alive at the end,
and its RSS after two more rounds of attacks is within 10 % of its RSS after a first (warm-up) round.
"""
import concurrent.futures
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

BINARY, CONFIG_DIR = sys.argv[1], sys.argv[2]
failures = []
statuses = {}
lock = threading.Lock()


def check(condition, message):
    if not condition:
        with lock:
            failures.append(message)
        print("FAIL:", message, flush=True)


def note(status):
    with lock:
        statuses[status] = statuses.get(status, 0) + 1


def connect(source="127.0.0.1", timeout=15):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", PORT))
    return s


def read_response(s, buffer=b""):
    """Reads one response (Content-Length or close-delimited); returns (status, headers, body, rest)."""
    while b"\r\n\r\n" not in buffer:
        chunk = s.recv(65536)
        if not chunk:
            return None, {}, b"", b""
        buffer += chunk
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        length = int(headers["content-length"])
        while len(buffer) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            buffer += chunk
        return status, headers, buffer[:length], buffer[length:]
    while True:  # close-delimited
        chunk = s.recv(65536)
        if not chunk:
            return status, headers, buffer, b""
        buffer += chunk


def exchange(request, source="127.0.0.1", timeout=15):
    """Sends raw bytes, returns (status, headers, body); status None when the server closed without one."""
    try:
        s = connect(source, timeout)
    except OSError as error:
        return None, {"error": str(error)}, b""
    try:
        try:
            s.sendall(request)
        except OSError:
            pass  # the server may refuse before everything is sent: its answer is read below
        status, headers, body, _ = read_response(s)
    except OSError:
        status, headers, body = None, {}, b""
    finally:
        s.close()
    note(status)
    return status, headers, body


def get(path, headers=b"", source="127.0.0.1"):
    if isinstance(path, str):
        path = path.encode()
    return exchange(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + b"\r\n", source)


def rss_kb():
    with open(f"/proc/{SERVER.pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def no_5xx(status, what):
    check(status is None or status < 500, f"{what}: answered {status}")


# ---- the attacks ---------------------------------------------------------------------------------------

def many_ranges():
    # Case 07: 2,600 ranges in 7.9 KB. Range is ignored on generated pages: one 200 with the page, once.
    _, _, whole = get("/")
    ranges = ",".join(["0-"] * 2600).encode()
    status, headers, body = get("/", b"Range: bytes=" + ranges + b"\r\n")
    check(status == 200 and len(body) == len(whole), f"2,600 ranges: {status}, {len(body)} bytes (page {len(whole)})")
    status, _, body = get("/api/models", b"Range: bytes=0-9,20-29\r\n")
    check(status == 200 and body.startswith(b"["), f"two ranges on /api/models: {status}")


def header_flood():
    # Case 08: no more than max_header_count headers and max_header_bytes of them.
    status, _, _ = get("/", b"".join(b"X-F%d: a\r\n" % i for i in range(10000)))
    check(status in (431, None), f"10,000 headers: {status}")
    status, _, _ = get("/", b"X-Big: " + b"b" * (1 << 20) + b"\r\n")
    check(status in (431, None), f"one 1 MiB header: {status}")
    status, _, _ = get("/", (b"X-Flood: " + b"a" * 4086 + b"\r\n") * 256)
    check(status in (431, None), f"1 MiB of 4 KB header lines: {status}")
    status, _, _ = get("/", b"".join(b"X-H%d: v\r\n" % i for i in range(101)))
    check(status == 431, f"101 headers: {status}")
    status, _, _ = get("/", b"".join(b"X-H%d: v\r\n" % i for i in range(90)))
    check(status == 200, f"90 short headers: {status}")


def junk_paths():
    # Case 03 and its kind: bytes that are not UTF-8, %-junk; answers are valid UTF-8, JSON parses.
    cases = [
        ("/api/models/%ff", 404), ("/api/diff/%ff/qwen3-8b", 404), ("/api/diff/qwen3-8b/%c0%af", 404),
        ("/models/%ff", 404), ("/diff/%ff/%fe", 404), ("/diagrams/%ff.svg", 404), ("/assets/%ff", 404),
        ("/%ff%fe", 404), ("/%", None), ("/%zz", None), ("/%%", None), ("/models/%", None),
        ("/api/%ff", 404), ("/?q=%ff%fe", 200), ("/?q=%", None), ("/?sort=%ff", 400), ("/timeline?y=%ff", 400),
        ("/diff?a=%ff&b=qwen3-8b", 404), ("/models/llama-3-8b?context=%ff", 400), ("/?%ff=%ff", 200),
        ("/models/llama-3-8b?context=%c0%af%ed%a0%80", 400), ("/?q=%00", 400), ("/models/%00", 404), ("/models/llama-3-8b%00junk", 404), ("/timeline?from=%01", 400),
        (b"/\xff\xfe", None), (b"/models/\xc0\xaf", 404), (b"/api/models/\xed\xa0\x80", 404), ("/?&&&==&", 200),
    ]
    for path, want in cases:
        status, headers, body = get(path)
        check(status is not None and status < 500 and (want is None or status == want), f"{path!r}: {status}, want {want}")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"{path!r}: the answer is not UTF-8")
            continue
        if headers.get("content-type", "").startswith("application/json"):
            try:
                json.loads(text)
            except ValueError:
                check(False, f"{path!r}: the JSON answer does not parse")
        check("\ufffd\ufffd\ufffd" not in text or status != 200, f"{path!r}: replacement characters in a 200")


def huge_queries():
    status, _, _ = get("/?q=" + "a" * 100000)
    check(status is not None and 400 <= status < 500 or status is None, f"100 KB query: {status}")
    status, _, _ = get("/?" + "&".join(f"k{i}=v" for i in range(5000)))
    check(status is None or 400 <= status < 500 or status == 200, f"5,000 parameters: {status}")
    status, _, _ = get("/?q=" + "%ff" * 2000)
    check(status is not None and status < 500, f"6 KB of %ff: {status}")
    status, _, _ = get("/?unknown_param=" + "b" * 6000)  # read whole; the parameter is too long (400)
    check(status == 400, f"6 KB query: {status}")


def pipelining():
    s = connect()
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
              b"GET /api/models HTTP/1.1\r\nHost: x\r\n\r\n"
              b"GET /models/llama-3-8b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    answers, rest = [], b""
    for _ in range(3):
        status, headers, body, rest = read_response(s, rest)
        note(status)
        answers.append((status, headers.get("content-type", "")))
    s.close()
    check([a[0] for a in answers] == [200, 200, 200], f"pipelined: {answers}")
    check(answers[1][1].startswith("application/json"), f"pipelined second answer: {answers[1]}")


def body_caps():
    status, _, _ = exchange(b"POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n"
                            b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n")
    check(status == 413, f"Content-Length 99999999: {status}")
    chunk = b"x" * 65536
    chunked = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(10)) + b"0\r\n\r\n"
    status, _, _ = exchange(b"POST /inspect HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                            b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n" + chunked)
    check(status == 413, f"640 KiB chunked body: {status}")
    status, _, _ = exchange(b"POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n"
                            b"Connection: close\r\n\r\nhello")
    check(status == 400, f"text/plain body: {status}")
    status, _, _ = exchange(b"POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n"
                            b"Content-Type: multipart/form-data; boundary=zz\r\nConnection: close\r\n\r\n" + b"-" * 40)
    check(status is not None and 400 <= status < 500, f"broken multipart: {status}")


def mutants():
    """A handful of catalog configs, each with keys deleted, garbled, made extreme or of the wrong type."""
    out = []
    for name in ("llama-3-8b", "gpt-oss-20b", "deepseek-v3-671b", "gemma-3-27b", "mistral-small-3-1-24b"):
        with open(os.path.join(CONFIG_DIR, name + ".json"), encoding="utf-8") as f:
            config = json.load(f)
        keys = [k for k, v in config.items() if isinstance(v, (int, float, str)) and not isinstance(v, bool)][:8]
        for key in keys:
            for value in (None, "garbage", -1, 0, 1e300, [1, 2], {"a": 1}, "\udcff"):
                mutant = dict(config)
                if value is None:
                    del mutant[key]
                else:
                    mutant[key] = value
                out.append(json.dumps(mutant, ensure_ascii=False).encode("utf-8", "surrogateescape"))
        out.append(json.dumps(config).encode()[:-7])  # cut short
    return out


def post_config(config, multipart):
    if multipart:
        body = (b"--llmg7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.json\"\r\n"
                b"Content-Type: application/json\r\n\r\n" + config + b"\r\n--llmg7MA4YWxkTrZu0gW--\r\n")
        kind = b"multipart/form-data; boundary=llmg7MA4YWxkTrZu0gW"
    else:
        body = b"config=" + urllib.parse.quote_from_bytes(config).encode() + b"&against=qwen3-8b"
        kind = b"application/x-www-form-urlencoded"
    status, _, _ = exchange(b"POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Type: " + kind +
                            b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body, timeout=60)
    return status


def concurrent_posts(configs):
    with open(os.path.join(CONFIG_DIR, "llama-3-8b.json"), "rb") as f:
        original = f.read()
    for multipart in (True, False):
        status = post_config(original, multipart)
        check(status == 200, f"llama-3-8b config posted {'multipart' if multipart else 'urlencoded'}: {status}")
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: post_config(configs[i], i % 2 == 0), range(len(configs))))
    bad = [(i, s) for i, s in enumerate(results) if s not in (200, 400, 413)]
    check(not bad, f"mutated configs: unexpected answers {bad[:10]}")


def timed_get(source="127.0.0.1"):
    start = time.monotonic()
    status, _, _ = get("/", source=source)
    return status, time.monotonic() - start


def slow_clients():
    # Case 09: 70 connections trickle one header byte a second; GET / from another client answers within
    # 1 s throughout, and the server cuts the trickling requests at its deadline (10 s).
    slow = []
    for i in range(70):
        s = connect(("127.0.0.2", "127.0.0.3", "127.0.0.5", "127.0.0.6")[i % 4])  # under the per-client cap
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        slow.append(s)
    start = time.monotonic()
    worst = 0.0
    cut = [False] * len(slow)
    while time.monotonic() - start < 13:
        status, took = timed_get()
        check(status == 200, f"GET / during the trickle: {status}")
        worst = max(worst, took)
        for i, s in enumerate(slow):
            if not cut[i]:
                try:
                    s.send(b"a")
                except OSError:
                    cut[i] = True
        time.sleep(1)
    for i, s in enumerate(slow):  # a cut connection reads as closed (or reset, or answered)
        if not cut[i]:
            try:
                s.settimeout(0.5)
                s.recv(100)
                cut[i] = True
            except socket.timeout:
                pass
            except OSError:
                cut[i] = True
        s.close()
    print(f"slow clients: worst GET / {worst * 1000:.0f} ms; {sum(cut)} of 70 cut by the deadline", flush=True)
    check(worst < 1.0, f"GET / took {worst:.2f} s while 70 clients trickled")
    check(sum(cut) == 70, f"only {sum(cut)} of 70 trickling requests were cut by the deadline")


def idle_clients():
    # 70 idle connections from one address: past the per-client cap (64) they are closed at once; GET /
    # from another address still answers within 1 s; the idle ones are closed after the idle timeout (5 s).
    idle = [connect("127.0.0.4") for _ in range(70)]
    status, took = timed_get()
    check(status == 200 and took < 1.0, f"GET / beside 70 idle connections: {status} in {took:.2f} s")
    time.sleep(0.5)
    refused = 0
    for s in idle:
        try:
            s.settimeout(0.05)
            refused += s.recv(10) == b""
        except socket.timeout:
            pass
        except OSError:
            refused += 1
    check(refused == 6, f"{refused} of 70 connections from one address closed at once (cap 64: want 6)")
    time.sleep(6.5)
    closed = 0
    for s in idle:
        try:
            s.settimeout(0.5)
            closed += s.recv(10) == b""
        except OSError:
            closed += 1
        s.close()
    check(closed == 70, f"{closed} of 70 idle connections closed after the idle timeout")


def round_of_attacks(configs):
    many_ranges()
    header_flood()
    junk_paths()
    huge_queries()
    pipelining()
    body_caps()
    concurrent_posts(configs)


# In the sanitizer build, AddressSanitizer keeps freed memory in a quarantine (256 MiB by default) that fills
# as the attacks allocate: a small one keeps the RSS comparison about the server, not the quarantine.
environment = dict(os.environ)
environment["ASAN_OPTIONS"] = "quarantine_size_mb=16:" + environment.get("ASAN_OPTIONS", "")
SERVER = subprocess.Popen([BINARY, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=environment)
try:
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", SERVER.stdout.readline())
    assert match, "the server printed no URL"
    PORT = int(match.group(1))
    configs = mutants()
    round_of_attacks(configs)  # warm-up: caches filled, allocator arenas grown
    rss_start = rss_kb()
    slow_clients()
    idle_clients()
    round_of_attacks(configs)
    round_of_attacks(configs)
    status, _, _ = get("/")
    check(status == 200 and SERVER.poll() is None, f"server alive at the end: {status}, exit {SERVER.poll()}")
    rss_end = rss_kb()
    print(f"RSS after warm-up {rss_start} kB, at the end {rss_end} kB; answers by status {dict(sorted(statuses.items(), key=str))}")
    check(rss_end <= rss_start * 1.10, f"RSS grew from {rss_start} kB to {rss_end} kB (more than 10 %)")
    check(not any(s is not None and s >= 500 for s in statuses), f"5xx answers: {statuses}")
finally:
    SERVER.terminate()
    try:
        SERVER.wait(10)
    except subprocess.TimeoutExpired:
        SERVER.kill()
    stderr = SERVER.stderr.read()
    if stderr.strip():
        print("server stderr:", stderr[-4000:])

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("hostile clients: all passed")
