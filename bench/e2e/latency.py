#!/usr/bin/env python3
"""End-to-end latency: ingest POST -> enriched article on the api's SSE stream.

Run against a running `./newswire up` (loopback only):
    bench/e2e/latency.py [COUNT=100] [RATE=5]
Posts COUNT unique articles (real Reuters-like prose built from the seeds' sentences) to ingest at
RATE per second while one SSE subscriber listens, and prints p50/p90/p99/max of the time from just
before the POST to the article's arrival on /api/stream, plus how many arrived.
"""
import json, random, sys, threading, time, urllib.request, uuid, glob, os

API, INGEST = "http://127.0.0.1:8080", "http://127.0.0.1:8081"
count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
rate = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sentences = [s.strip() + "." for f in sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))
             for s in open(f, encoding="utf-8").read().replace("\n", " ").split(". ") if 60 < len(s) < 300]
sent_at, seen_at = {}, {}
ready = threading.Event()

def listen():
    req = urllib.request.Request(API + "/api/stream", headers={"Accept": "text/event-stream"})
    with urllib.request.urlopen(req, timeout=count / rate + 60) as r:
        ready.set()
        for raw in r:
            line = raw.decode("utf-8", "replace")
            if line.startswith("data:"):
                try:
                    marker = json.loads(line[5:]).get("title", "").split()[-1]
                except (ValueError, IndexError):
                    continue
                if marker in sent_at and marker not in seen_at:
                    seen_at[marker] = time.monotonic()
                    if len(seen_at) == count:
                        return

threading.Thread(target=listen, daemon=True).start()
ready.wait(10)
time.sleep(1)  # let the subscription reach "live" before the first post
rnd = random.Random(7)
for i in range(count):
    marker = "m" + uuid.uuid4().hex[:10]
    body = f"Officials report progress {marker}\n\n" + " ".join(rnd.sample(sentences, 6))
    sent_at[marker] = time.monotonic()
    urllib.request.urlopen(urllib.request.Request(INGEST + "/api/articles", data=body.encode(),
                           headers={"Content-Type": "text/plain"}, method="POST"), timeout=10).read()
    time.sleep(max(0.0, sent_at[marker] + 1 / rate - time.monotonic()))
deadline = time.monotonic() + 30
while len(seen_at) < count and time.monotonic() < deadline:
    time.sleep(0.2)
lat = sorted((seen_at[m] - sent_at[m]) * 1000 for m in seen_at)
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")
print(f"ingest->SSE: {len(lat)}/{count} arrived at {rate}/s; p50 {q(0.5):.0f} ms, p90 {q(0.9):.0f} ms, "
      f"p99 {q(0.99):.0f} ms, max {lat[-1] if lat else float('nan'):.0f} ms")
