#!/usr/bin/env python3
"""The 1 MiB worst case through the API (issue 10): one article just under ingest's 1 MiB cap, made of
news stories (bench-data/quality: CNN/DM and CoNLL, names, tables and prose), posted as text/plain and
as JSON; prints how long until GET /api/articles/{id} answers, or that it went to the DLQ (enrich's
newswire_enrich_articles_total{outcome="dlq"} counter), with the entity/summary sizes."""
import json
import os
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import quality  # noqa: E402

ENRICH = "http://127.0.0.1:%s" % os.environ.get("ENRICH_PORT", "18182")
LIMIT = int(os.environ.get("BIG_BYTES", str(1024 * 1024 - 4096)))  # ingest: max-article-size=1M = 1 MiB


def dlq_count():
    with urllib.request.urlopen(ENRICH + "/q/metrics", timeout=10) as r:
        total = 0.0
        for line in r.read().decode().splitlines():
            if line.startswith("newswire_enrich_articles_total") and 'outcome="dlq"' in line:
                total += float(line.rsplit(" ", 1)[1])
        return total


def body(tag, limit=LIMIT):
    """Mixed-case news (CNN/DM stories, then CoNLL wire stories; BBC's csv is lower-cased), cycled
    with a part number until the size is reached."""
    pieces = [s["article"] for s in quality.read("cnndm.jsonl")] + ["\n".join(d["lines"]) for d in quality.read("conll-dev.jsonl")]
    parts, size, n = ["Big wire digest %s" % tag], 0, 0
    while True:
        piece = "Part %d.\n\n%s" % (n, pieces[n % len(pieces)])
        if size + len(piece.encode()) + 2 > limit - 200:
            return "\n\n".join(parts)
        parts.append(piece)
        size += len(piece.encode()) + 2
        n += 1


def run(kind):
    tag = "%s-%d" % (kind, time.time())
    # JSON escapes every newline: its body is cut so the whole request stays under the 1 MiB cap
    text = body(tag, LIMIT if kind != "json" else LIMIT - 24 * 1024)
    if kind == "json":
        payload, ctype = json.dumps({"title": "Big wire digest " + tag, "body": text}), "application/json"
    else:
        payload, ctype = text, "text/plain"
    dlq_before = dlq_count()
    t0 = time.time()
    answer = quality.post(payload, ctype)
    if not answer.get("id"):
        print("%-10s %d bytes: rejected by ingest %s" % (kind, len(payload.encode()), quality.REJECTED[-1][0]))
        return
    while time.time() - t0 < 300:
        try:
            with urllib.request.urlopen(quality.API + "/api/articles/" + answer["id"], timeout=30) as r:
                a = json.loads(r.read())
            print("%-10s %d bytes posted: enriched and readable after %.1f s; text %d chars, %d entities, summary %d words, %d tags"
                  % (kind, len(payload.encode()), time.time() - t0, len(a.get("text") or ""), len(a.get("entities") or []),
                     len((a.get("summary") or "").split()), len(a.get("tags") or [])))
            return
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
        if dlq_count() > dlq_before:
            print("%-10s %d bytes posted: sent to the DLQ after %.1f s" % (kind, len(payload.encode()), time.time() - t0))
            return
        time.sleep(0.5)
    print("%-10s NOT enriched nor DLQ'd within 300 s" % kind)


if __name__ == "__main__":
    for k in sys.argv[1:] or ("text/plain", "json"):
        run(k)
