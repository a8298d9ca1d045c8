#!/usr/bin/env python3
"""Hostile-traffic attacks of issue 18 against a local aisx server, with /healthz latency.

Usage: bench/hostile.py PORT ATTACK...   (loopback only; every loop is bounded in count and time)

chunked:   3 concurrent chunked form POSTs to /signin of up to 200 MB each (stops when the server
           hangs up).
slow:      250 connections POST /signin with Content-Length 100000 and send one byte every 5 s for
           30 s.
bomb:      an admin uploads to /admin/import a gzip of a Relaton header and 64 MiB of zeros (64 kB
           compressed): the page must name the file and say "compression bomb".
alias:     an admin uploads a Relaton feed of a self-referencing alias and a list nested 100,000 deep
           (no valid record, so nothing is written): both rejected by record number.
longquery: 125- and 250-word queries (and 160 x "ab/") on the search API in every mode, the search
           page and the Atom feed, 4 rounds: each answer must be 200 or 400, never 5xx.
evil:      GET //evil.example/search: no link on the page may lead to another host.
xff:       up to 30 failed sign-ins from one socket, each with a different forged X-Forwarded-For:
           the server (not behind a proxy) must count them as one address and answer 429. Run last:
           it locks sign-in from 127.0.0.1 out for 15 minutes.
all:       every attack above: chunked, slow, bomb, alias, longquery and evil at once, then xff.

bomb and alias need an admin account: AISX_ADMIN_EMAIL and AISX_ADMIN_PASSWORD (e.g. made with
`AISX_PASSWORD=... java -jar target/aisx.jar user add --email E --role admin --data DIR`).
While the attacks run, /healthz is polled once a second (10 s timeout); each latency is printed
('timeout' or 'status ...' when it failed). The last line is "PASS" or "FAIL: reasons": PASS means
every poll answered 200 within HEALTHZ_LIMIT_MS (1000) and every attack ended as it must.
"""
import gzip, io, os, re, socket, sys, threading, time, urllib.parse

HOST = "127.0.0.1"
HEALTHZ_LIMIT_MS = float(os.environ.get("HEALTHZ_LIMIT_MS", "1000"))


def healthz(port):
    t = time.monotonic()
    try:
        with socket.create_connection((HOST, port), timeout=10) as s:
            s.settimeout(10)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            data = s.recv(64)
            if not data.startswith(b"HTTP/1.1 200"):
                return "status " + data[:12].decode(errors="replace")
    except OSError:
        return "timeout"
    return (time.monotonic() - t) * 1000


def request(port, raw, timeout=120):
    """Sends raw request bytes; returns (status, headers text, body bytes)."""
    with socket.create_connection((HOST, port), timeout=timeout) as s:
        s.settimeout(timeout)
        s.sendall(raw)
        chunks = []
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    head = head.decode("iso-8859-1")
    status = int(head.split(" ", 2)[1]) if head.startswith("HTTP/") else 0
    if re.search(r"(?im)^transfer-encoding:\s*chunked", head):
        out, rest = io.BytesIO(), body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0] or b"0", 16)
            if size == 0:
                break
            out.write(rest[:size])
            rest = rest[size + 2:]
        body = out.getvalue()
    return status, head, body


def get(port, path, headers=""):
    return request(port, ("GET %s HTTP/1.1\r\nHost: localhost\r\n%sConnection: close\r\n\r\n"
                          % (path, headers)).encode())


def chunked(port, total, out):
    head = (b"POST /signin HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"x" * 65536
    frame = b"10000\r\n" + chunk + b"\r\n"
    sent = 0
    try:
        with socket.create_connection((HOST, port), timeout=60) as s:
            s.sendall(head)
            try:
                while sent < total:
                    s.sendall(frame)
                    sent += len(chunk)
                s.sendall(b"0\r\n\r\n")
            except OSError:
                pass
            try:
                out.append((sent, s.recv(32).split(b"\r\n")[0].decode()))
            except OSError as e:
                out.append((sent, "closed: " + str(e)))
    except OSError as e:
        out.append((sent, "error: " + str(e)))


def attack_chunked(port, failures):
    results = []
    workers = [threading.Thread(target=chunked, args=(port, 200 << 20, results)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    print("chunked:", results, flush=True)
    for sent, line in results:
        # refused (413) or hung up on before the whole 200 MB was taken
        if not (line.startswith("HTTP/1.1 413") or sent < 200 << 20):
            failures.append("chunked: %d bytes taken, %s" % (sent, line))


def attack_slow(port, failures, seconds=30):
    conns = []
    for _ in range(250):
        try:
            s = socket.create_connection((HOST, port), timeout=10)
            s.sendall(b"POST /signin HTTP/1.1\r\nHost: localhost\r\n"
                      b"Content-Type: application/x-www-form-urlencoded\r\n"
                      b"Content-Length: 100000\r\n\r\ne")
            conns.append(s)
        except OSError:
            pass
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(5)
        for s in conns:
            try:
                s.sendall(b"e")
            except OSError:
                pass
    for s in conns:
        s.close()
    print("slow: %d connections held for %d s" % (len(conns), seconds), flush=True)


def admin_session(port):
    """Signs in as the admin; returns the session cookie header and the import form's CSRF token."""
    email, password = os.environ.get("AISX_ADMIN_EMAIL"), os.environ.get("AISX_ADMIN_PASSWORD")
    if not email or not password:
        raise RuntimeError("AISX_ADMIN_EMAIL and AISX_ADMIN_PASSWORD are needed for bomb and alias")
    form = urllib.parse.urlencode({"_csrf": "t", "email": email, "password": password})
    status, head, _ = request(port, (
        "POST /signin HTTP/1.1\r\nHost: localhost\r\nCookie: aisx_csrf=t\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
        "Content-Length: %d\r\n\r\n%s" % (len(form), form)).encode())
    m = re.search(r"(?im)^set-cookie:\s*(aisx_session=[^;\r\n]+)", head)
    if status != 303 or not m:
        raise RuntimeError("admin sign-in answered %d" % status)
    cookie = m.group(1)
    status, _, body = get(port, "/admin/import", "Cookie: %s\r\n" % cookie)
    csrf = re.search(rb'name="_csrf"[^>]*value="([^"]+)"', body) or \
        re.search(rb'value="([^"]+)"[^>]*name="_csrf"', body)
    if status != 200 or not csrf:
        raise RuntimeError("/admin/import answered %d without a form token" % status)
    return cookie, csrf.group(1).decode()


def upload(port, session, name, data):
    cookie, csrf = session
    boundary = "hostile%d" % time.monotonic_ns()
    body = b"".join([
        ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode(),
        ("--%s\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nauto\r\n" % boundary).encode(),
        ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
         "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name)).encode(),
        data, ("\r\n--%s--\r\n" % boundary).encode()])
    head = ("POST /admin/import HTTP/1.1\r\nHost: localhost\r\nCookie: %s\r\nConnection: close\r\n"
            "Content-Type: multipart/form-data; boundary=%s\r\nContent-Length: %d\r\n\r\n"
            % (cookie, boundary, len(body))).encode()
    t = time.monotonic()
    status, _, page = request(port, head + body, timeout=300)
    return status, page.decode("utf-8", "replace"), time.monotonic() - t


def bomb_bytes():
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as gz:
        gz.write(b"---\nid: BOMB-1\ntitle: ")
        zeros = bytes(1 << 20)
        for _ in range(64):
            gz.write(zeros)
    return out.getvalue()


def alias_bytes():
    return ("---\nid: ALIAS-1\nabstract: &ab [ {content: *ab} ]\n"
            "---\nid: DEEP-1\nabstract: " + "[" * 100_000 + "]" * 100_000 + "\n").encode()


def attack_uploads(port, failures, which):
    try:
        session = admin_session(port)
    except (OSError, RuntimeError) as e:
        failures.append("upload: " + str(e))
        print("upload:", e, flush=True)
        return
    if "bomb" in which:
        data = bomb_bytes()
        status, page, took = upload(port, session, "bomb.yaml.gz", data)
        ok = status == 200 and "bomb.yaml.gz" in page and "compression bomb" in page
        print("bomb: %d bytes uploaded, answer %d in %.1f s, refused by name: %s"
              % (len(data), status, took, ok), flush=True)
        if not ok:
            failures.append("bomb: answer %d, refusal not on the page" % status)
    if "alias" in which:
        status, page, took = upload(port, session, "alias.yaml", alias_bytes())
        ok = status == 200 and "record 1" in page and "record 2" in page and "alias" in page
        print("alias: answer %d in %.1f s, both records rejected by number: %s"
              % (status, took, ok), flush=True)
        if not ok:
            failures.append("alias: answer %d, rejections not on the page" % status)


WORDS = ("artificial intelligence management system risk assessment data quality machine learning "
         "privacy security trustworthiness transparency explainability robustness bias fairness "
         "governance lifecycle process audit certification conformity evaluation testing network "
         "protocol interoperability ontology vocabulary terminology safety autonomous vehicle "
         "medical device energy grid telecommunication cloud computing edge").split()


def attack_longquery(port, failures, rounds=4):
    statuses = {}
    slowest = 0.0
    queries = [" ".join(WORDS[i % len(WORDS)] for i in range(n)) for n in (125, 250)]
    queries.append("ab/" * 160)
    for _ in range(rounds):
        for q in queries:
            enc = urllib.parse.quote_plus(q)
            paths = ["/api/v1/standards?mode=%s&q=%s" % (m, enc) for m in ("keyword", "hybrid", "semantic")]
            paths += ["/search?q=" + enc, "/feeds/search.atom?q=" + enc]
            for p in paths:
                t = time.monotonic()
                try:
                    status = get(port, p)[0]
                except OSError:
                    status = 0
                slowest = max(slowest, time.monotonic() - t)
                statuses[status] = statuses.get(status, 0) + 1
    print("longquery: answers %s, slowest %.2f s" % (statuses, slowest), flush=True)
    bad = {s: n for s, n in statuses.items() if s not in (200, 400)}
    if bad:
        failures.append("longquery: answers %s" % bad)


def attack_evil(port, failures):
    status, _, body = get(port, "//evil.example/search")
    hrefs = re.findall(rb'href="([^"]*)"', body)
    bad = [h for h in hrefs if h.startswith(b"//") or h.startswith(b"/\\") or b"evil.example?" in h]
    print("evil: answer %d, %d links, %d to another host" % (status, len(hrefs), len(bad)), flush=True)
    if status >= 500 or not hrefs or bad:
        failures.append("evil: answer %d, links to another host %s" % (status, bad[:3]))


def attack_xff(port, failures):
    status = 0
    tries = 0
    for i in range(30):
        body = "email=nobody%d%%40example.org&password=wrong-password&_csrf=t" % i
        status = request(port, (
            "POST /signin HTTP/1.1\r\nHost: localhost\r\nCookie: aisx_csrf=t\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nX-Forwarded-For: 203.0.113.%d\r\n"
            "Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (i, len(body), body)).encode())[0]
        tries += 1
        if status == 429:
            break
    print("xff: %d sign-ins with forged addresses, last answer %d" % (tries, status), flush=True)
    if status != 429:
        failures.append("xff: no 429 after %d forged sign-ins" % tries)


def main():
    port = int(sys.argv[1])
    which = set(sys.argv[2:]) or {"all"}
    if "all" in which:
        which = {"chunked", "slow", "bomb", "alias", "longquery", "evil", "xff"}
    failures = []
    latencies = []
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            t = time.monotonic()
            latencies.append(healthz(port))
            print("healthz", latencies[-1] if isinstance(latencies[-1], str)
                  else "%.1f" % latencies[-1], flush=True)
            stop.wait(max(0.0, 1 - (time.monotonic() - t)))

    poller = threading.Thread(target=poll)
    poller.start()
    started = time.monotonic()
    jobs = []
    if "chunked" in which:
        jobs.append(threading.Thread(target=attack_chunked, args=(port, failures)))
    if "slow" in which:
        jobs.append(threading.Thread(target=attack_slow, args=(port, failures)))
    if "bomb" in which or "alias" in which:
        jobs.append(threading.Thread(target=attack_uploads, args=(port, failures, which)))
    if "longquery" in which:
        jobs.append(threading.Thread(target=attack_longquery, args=(port, failures)))
    if "evil" in which:
        jobs.append(threading.Thread(target=attack_evil, args=(port, failures)))
    for j in jobs:
        j.start()
    for j in jobs:
        j.join(timeout=600)
    if "xff" in which:
        attack_xff(port, failures)
    if time.monotonic() - started < 3:
        time.sleep(3)  # at least a few polls
    stop.set()
    poller.join()
    ok = sorted(l for l in latencies if isinstance(l, float))
    late = [l for l in latencies if not isinstance(l, float) or l > HEALTHZ_LIMIT_MS]
    print("summary: healthz answered %d of %d; median %.1f ms, max %.1f ms; over %.0f ms or failed: %d"
          % (len(ok), len(latencies), ok[len(ok) // 2] if ok else -1, ok[-1] if ok else -1,
             HEALTHZ_LIMIT_MS, len(late)))
    if late:
        failures.append("healthz: %d of %d polls late or failed" % (len(late), len(latencies)))
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    sys.exit(0 if not failures else 1)


main()
