#!/usr/bin/env python3
"""Hostile-traffic attacks of issue 18 against a local aisx server, with /healthz latency.

Usage: bench/hostile.py PORT chunked|slow  (loopback only; every loop is bounded in count and time)

chunked: 3 concurrent chunked form POSTs to /signin of up to 200 MB each (stops when the server
         hangs up), while /healthz is polled once a second.
slow:    250 connections POST /signin with Content-Length 100000 and send one byte every 5 s for
         30 s, while /healthz is polled once a second.
Prints each /healthz latency (ms, or 'timeout' after 10 s) and a summary line.
"""
import socket, sys, threading, time

HOST = "127.0.0.1"


def healthz(port):
    t = time.monotonic()
    try:
        with socket.create_connection((HOST, port), timeout=10) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            data = s.recv(64)
            if not data.startswith(b"HTTP/1.1 200"):
                return "status " + data[:12].decode(errors="replace")
    except OSError:
        return "timeout"
    return (time.monotonic() - t) * 1000


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


def slow(port, stop):
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
    while not stop.wait(5):
        for s in conns:
            try:
                s.sendall(b"e")
            except OSError:
                pass
    for s in conns:
        s.close()


def main():
    port, attack = int(sys.argv[1]), sys.argv[2]
    stop = threading.Event()
    results = []
    if attack == "chunked":
        workers = [threading.Thread(target=chunked, args=(port, 200 << 20, results)) for _ in range(3)]
    else:
        workers = [threading.Thread(target=slow, args=(port, stop))]
    for w in workers:
        w.start()
    latencies = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (attack == "slow" or any(w.is_alive() for w in workers)):
        latencies.append(healthz(port))
        print("healthz", latencies[-1], flush=True)
        time.sleep(1)
    stop.set()
    for w in workers:
        w.join(timeout=120)
    ok = sorted(l for l in latencies if isinstance(l, float))
    print("attack", attack, "results", results)
    print("summary: healthz answered %d of %d; median %.1f ms, max %.1f ms" % (
        len(ok), len(latencies), ok[len(ok) // 2] if ok else -1, ok[-1] if ok else -1))


main()
