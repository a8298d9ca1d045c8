#!/usr/bin/env python3
"""Start to first answer (issue 21 item 2).

Starts `java -jar JAR serve --data DIR --port PORT`, polls a search every 20 ms and prints the wall
time and the server's CPU time (user + system, from /proc) at the first 200 answer, at the first
answer that holds the whole catalogue, and at the first answer by meaning (meaningPending false),
then stops the server with SIGTERM. Every line the server prints is echoed with its time since the
start, so the phases of the start can be read off. The data directory is kept, so a second run on
it measures a warm start.

Usage: bench/first-answer.py DATA_DIR [PORT] [JAR]   (DATA_DIR absent or empty: a fresh start)
LAUNCHER=bin/aisx starts the server through that script instead of `java -jar JAR` (its class-data
archive must exist already, so that the script execs java and the process measured is the JVM's).
JAVA_ARGS="..." adds options to the JVM; with JAVA_ARGS=-XX:StartFlightRecording=settings=profile
and JFR_DUMP=FILE the recording up to the first answer is dumped to FILE (with JFR_AT=whole, up to
the first answer that holds the whole catalogue). With LAUNCHER, JVM options go in JAVA_OPTS.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

DATA = sys.argv[1]
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 7311
JAR = sys.argv[3] if len(sys.argv) > 3 else "target/aisx.jar"
QUERY = "/api/v1/standards?q=management+system"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU of the process (all its threads) so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def threads_cpu(pid):
    """CPU seconds by thread name (compiler, GC, main, ...), summed over threads of one name."""
    by_name = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")].rstrip("0123456789#- ")
        fields = stat.rsplit(")", 1)[1].split()
        by_name[name] = by_name.get(name, 0) + (int(fields[11]) + int(fields[12])) / TICK
    return sorted(by_name.items(), key=lambda kv: -kv[1])


def load():
    with open("/proc/loadavg", encoding="ascii") as f:
        return f.read().split()[0]


fresh = not os.path.isdir(DATA) or not os.listdir(DATA)
print(f"{'fresh' if fresh else 'warm'} data directory {DATA}, load average {load()}")
t0 = time.monotonic()
LAUNCHER = os.environ.get("LAUNCHER")  # e.g. bin/aisx (it must exec java once its archive exists)
command = [LAUNCHER] if LAUNCHER else ["java", *os.environ.get("JAVA_ARGS", "").split(), "-jar", JAR]
proc = subprocess.Popen(
    [*command, "serve", "--port", str(PORT), "--data", DATA],
    stdout=subprocess.PIPE,
    stderr=subprocess.STDOUT,
    text=True,
)


def echo():
    for line in proc.stdout:
        print(f"  [{time.monotonic() - t0:6.2f} s] {line.rstrip()}", flush=True)


threading.Thread(target=echo, daemon=True).start()

def dump_recording():
    subprocess.run(
        ["jcmd", str(proc.pid), "JFR.dump", f"filename={os.environ['JFR_DUMP']}"],
        stdout=subprocess.DEVNULL,
        check=False,
    )


marks = {}
deadline = t0 + 180
while time.monotonic() < deadline and len(marks) < 3:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{QUERY}", timeout=5) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        status, body = None, b""
    now = time.monotonic() - t0
    if status == 200:
        answer = json.loads(body)
        state = (
            f"total {answer.get('total')}, meaningPending {answer.get('meaningPending')}, "
            f"catalogueLoading {answer.get('catalogueLoading', False)}"
        )
        if "first 200" not in marks:
            marks["first 200"] = (now, cpu_seconds(proc.pid), state)
            split = threads_cpu(proc.pid)
            if os.environ.get("JFR_DUMP") and os.environ.get("JFR_AT") != "whole":
                dump_recording()
        if not answer.get("catalogueLoading", False) and "whole catalogue" not in marks:
            marks["whole catalogue"] = (now, cpu_seconds(proc.pid), state)
            split_whole = threads_cpu(proc.pid)
            if os.environ.get("JFR_DUMP") and os.environ.get("JFR_AT") == "whole":
                dump_recording()
        if not answer.get("meaningPending", False) and "by meaning" not in marks:
            marks["by meaning"] = (now, cpu_seconds(proc.pid), state)
    time.sleep(0.02)

proc.send_signal(signal.SIGTERM)
proc.wait(timeout=60)
time.sleep(0.2)
for what, (wall, cpu, state) in marks.items():
    print(f"{what:16} wall {wall:6.2f} s  cpu {cpu:6.2f} s  ({state})")
print("cpu by thread at the first 200: " + ", ".join(f"{n} {c:.2f} s" for n, c in split[:10]))
if "whole catalogue" in marks:
    print("cpu by thread at the whole catalogue: " + ", ".join(f"{n} {c:.2f} s" for n, c in split_whole[:12]))
print(f"load average at the end {load()}")
