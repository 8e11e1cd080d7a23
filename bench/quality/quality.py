#!/usr/bin/env python3
"""Enrichment quality through the front door (issue 10). Python 3 standard library only.

  quality.py prepare             public labelled news data -> bench-data/quality/*.jsonl (never committed)
  quality.py run [--split dev]   posts it to ingest as a user would, reads /api/articles/{id}, scores it
  quality.py prepare-ag          AG News sample -> bench-data/quality/ag.jsonl (a check for the tags stage on news it
                                 learned nothing from: TagDev cache, then TagDev other; not posted by `run`)
  quality.py score-ner dev OUT   scores QualityDump output (the pipeline in-process on conll-dev-posted.jsonl;
                                 a quick DEV loop; reported figures come from `run`)

Data sets (public GitHub repositories; read from a local mirror when QUALITY_MIRRORS points at a folder
of `owner+name/repo` git directories, else shallow-cloned into bench-data/quality/repos):
  conll   CoNLL-2003 English NER, eng.testa (DEV) / eng.testb (TEST), ZhixiuYe/HSCRF-pytorch data/
  bbc     BBC News, 2,225 articles, 5 editors' sections (bbc-text.csv, JhD10/DataSet-Espanol); TRAIN/TEST
          = stable hash of the text as in TagEval (the tag centroids were fitted on TRAIN)
  cnndm   CNN/DailyMail, 100 stories with human highlights (train_sample.zip, EileenFeng/Text-Summarization-NLP);
          DEV/TEST = stable hash of the story id (the summarizer was tuned on DEV only)
How each is posted: conll as text/plain, one sentence per line (its headline line becomes the title);
bbc full articles as JSON with title; bbc short items (headline + first sentence) as one NDJSON batch;
cnndm as JSON without a title.
"""
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "bench-data", "quality")
INGEST = "http://127.0.0.1:%s" % os.environ.get("INGEST_PORT", "18181")
API = "http://127.0.0.1:%s" % os.environ.get("API_PORT", "18180")

SOURCES = {
    "conll-dev": ("ZhixiuYe/HSCRF-pytorch", "data/eng.testa"),
    "conll-test": ("ZhixiuYe/HSCRF-pytorch", "data/eng.testb"),
    "bbc": ("JhD10/DataSet-Espanol", "bbc-text.csv"),
    "cnndm": ("EileenFeng/Text-Summarization-NLP", "data/train_sample.zip"),
    # a 627-item sample of AG News (Zhang et al. 2015; research and non-commercial use) in a public repository
    "ag-train": ("Shane-Neeley/CharCnn_Keras", "data/ag_news_csv/train.csv"),
    "ag-test": ("Shane-Neeley/CharCnn_Keras", "data/ag_news_csv/test.csv"),
}
AG_SECTIONS = {"1": "world", "2": "sport", "3": "economy", "4": "science"}
SECTIONS = {"business": "economy", "entertainment": "arts", "politics": "politics", "sport": "sport", "tech": "science"}


# ----------------------------------------------------------------------------------------- data
def git_dir(repo):
    mirrors = os.environ.get("QUALITY_MIRRORS", "/work/.mirror")
    for candidate in (os.path.join(mirrors, repo.replace("/", "+"), "repo", ".git"),
                      os.path.join(mirrors, repo.replace("/", "+"), "repo")):
        if os.path.isdir(candidate) and subprocess.run(["git", "--git-dir", candidate, "rev-parse", "HEAD"],
                                                       capture_output=True).returncode == 0:
            return candidate
    clone = os.path.join(DATA, "repos", repo.replace("/", "+"))
    if not os.path.isdir(clone):
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "https://github.com/%s.git" % repo, clone], check=True)
    return os.path.join(clone, ".git")


def git_show(repo, path):
    return subprocess.run(["git", "--git-dir", git_dir(repo), "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout


def java_hash(s):
    """java.lang.String.hashCode, to reproduce TagEval's TRAIN/TEST split exactly."""
    h = 0
    data = s.encode("utf-16-be")
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] << 8 | data[i + 1])) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(tokens):
    """CoNLL tokens to ordinary text, with each token's character offsets."""
    text, offsets = "", []
    for i, tok in enumerate(tokens):
        if i > 0 and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            text += " "
        offsets.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offsets


def conll_docs(raw):
    docs, doc, sent = [], None, []

    def end_sentence():
        nonlocal sent
        if sent and doc is not None:
            doc.append(sent)
        sent = []

    for line in raw.decode("utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            end_sentence()
            doc = []
            docs.append(doc)
        elif not line.strip():
            end_sentence()
        else:
            cols = line.split()
            sent.append((cols[0], cols[-1]))
    end_sentence()
    out = []
    for n, sentences in enumerate(docs):
        lines, gold = [], []
        for s in sentences:
            text, offsets = detokenize([t for t, _ in s])
            prev = "O"
            start = None
            for i, (_, tag) in enumerate(s + [("", "O")]):
                typ = tag[2:] if tag != "O" else None
                begins = tag.startswith("B-") or (typ is not None and (prev == "O" or prev[2:] != typ))
                if start is not None and (typ is None or begins):
                    gold_type = s[start][1][2:]
                    if gold_type in ("PER", "ORG", "LOC"):
                        gold.append([len(lines), offsets[start][0], offsets[i - 1][1], gold_type])
                    start = None
                if typ is not None and start is None:
                    start = i
                prev = tag
            lines.append(text)
        out.append({"id": "conll-%d" % n, "lines": lines, "gold": gold})
    return out


def prepare():
    os.makedirs(DATA, exist_ok=True)
    for split in ("dev", "test"):
        docs = conll_docs(git_show(*SOURCES["conll-" + split]))
        write("conll-%s.jsonl" % split, docs)
        with open(os.path.join(DATA, "eng.test%s" % ("a" if split == "dev" else "b")), "wb") as f:
            f.write(git_show(*SOURCES["conll-" + split]))
    rows = list(csv.DictReader(io.StringIO(git_show(*SOURCES["bbc"]).decode("utf-8"))))
    bbc = []
    for n, r in enumerate(rows):
        text = r["text"]
        title, _, body = text.partition("  ")
        first = re.split(r"(?<=\.)\s+", body.strip(), maxsplit=1)[0]
        bbc.append({"id": "bbc-%d" % n, "section": SECTIONS[r["category"]], "title": title.strip(), "body": body.strip(),
                    "first": first, "split": "test" if java_hash(text) % 5 == 0 else "train"})
    write("bbc.jsonl", bbc)
    csv.field_size_limit(1 << 30)
    z = zipfile.ZipFile(io.BytesIO(git_show(*SOURCES["cnndm"])))
    stories = []
    for r in csv.DictReader(io.TextIOWrapper(z.open("train_sample.csv"), "utf-8")):
        split = "dev" if int(hashlib.sha1(r["id"].encode()).hexdigest(), 16) % 2 == 0 else "test"
        stories.append({"id": "cnndm-" + r["id"][:12], "article": r["article"], "highlights": r["highlights"], "split": split})
    write("cnndm.jsonl", stories)
    print("prepared %d conll dev docs, %d bbc articles, %d cnn/dm stories in %s" % (len(docs), len(bbc), len(stories), DATA))


def prepare_ag():
    """AG News items as TagDev cache input: headline as title, description as body and as the short item."""
    os.makedirs(DATA, exist_ok=True)
    items = []
    for part in ("train", "test"):
        rows = csv.reader(io.StringIO(git_show(*SOURCES["ag-" + part]).decode("utf-8")))
        for n, r in enumerate(rows):
            text = r[2].replace("\\n", " ").replace(" #36;", " $").replace("#39;", "'").strip()
            items.append({"id": "ag-%s-%d" % (part, n), "section": AG_SECTIONS[r[0]], "title": r[1].strip(), "body": text,
                          "first": text, "split": "test"})
    write("ag.jsonl", items)
    print("prepared %d AG News items in %s" % (len(items), DATA))


def write(name, items):
    with open(os.path.join(DATA, name), "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# ----------------------------------------------------------------------------------------- http
REJECTED = []


def post(body, content_type):
    """POST to ingest; a 4xx (e.g. 422 for a document that is only a headline) is counted, not fatal."""
    req = urllib.request.Request(INGEST + "/api/articles", data=body.encode("utf-8"), method="POST",
                                 headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as e:
        if e.code >= 500:
            raise
        REJECTED.append((e.code, body[:80]))
        return {"id": None}


def fetch_enriched(ids, timeout=600):
    """Polls GET /api/articles/{id} until every id is enriched (or the timeout passes)."""
    out, deadline = {}, time.time() + timeout
    pending = list(ids)
    while pending and time.time() < deadline:
        still = []
        for i in pending:
            try:
                with urllib.request.urlopen(API + "/api/articles/" + i, timeout=10) as resp:
                    out[i] = json.loads(resp.read())
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    raise
                still.append(i)
        pending = still
        if pending:
            time.sleep(0.5)
    if pending:
        print("  %d articles never arrived at the api" % len(pending))
    return out


def unique_url(kind, item_id):
    # ids follow the contract rule (canonical URL, else text): a URL per variant keeps variants apart
    return "https://quality.bench.invalid/%s/%s" % (kind, item_id)


# ----------------------------------------------------------------------------------------- NER
def locate(lines, article, needed=None):
    """Where each gold line sits in the answer: ('title'|'text', offset) or None. Only lines in
    `needed` (those holding gold entities) are looked for and move the cursor: a line without names
    that the clean stage dropped (a repeated "Men's singles, second round" heading) must not make the
    search jump to a later occurrence inside another line and lose every line in between."""
    title, text = article.get("title") or "", article.get("text") or ""
    places, cursor = [], 0
    for n, line in enumerate(lines):
        if needed is not None and n not in needed:
            places.append(None)
            continue
        at = text.find(line, cursor)
        # a numbered or bulleted line ("1. Jesper Ronnback") comes back as a list item ("- Jesper Ronnback")
        bullet = re.match(r"^(?:[-*+•]|\d{1,2}[.)])\s+", line)
        rest = line[bullet.end():] if bullet else None
        rest_at = text.find(rest, cursor) if rest else -1
        if at >= 0:
            places.append(("text", at))
            cursor = at + len(line)
        elif rest_at >= 0:
            places.append(("text", rest_at - bullet.end()))
            cursor = rest_at + len(rest)
        elif line == title or title and line.strip() == title.strip():
            places.append(("title", title.find(line.strip())))
        else:
            places.append(None)
    return places


def predicted_mentions(article):
    types = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
    out = set()
    for e in article.get("entities", []):
        t = types.get(e["type"])
        if t is None:
            continue
        for s in e.get("spans", []):
            out.add(("text", s["start"], s["end"], t))
        for s in e.get("titleSpans", []):
            out.add(("title", s["start"], s["end"], t))
    return out


def ner(split):
    docs = read("conll-%s.jsonl" % split)
    ids = {}
    for d in docs:
        # text/plain, one sentence per line, as a user pasting a wire story would
        i = post("\n".join(d["lines"]), "text/plain")["id"]
        if i:
            ids[i] = d
    got = fetch_enriched(ids)
    # what was posted, with the title ingest found, for the in-process dev loop (`quality.py dump`)
    write("conll-%s-posted.jsonl" % split, [{"id": d["id"], "title": got.get(i, {}).get("title"),
                                            "body": "\n".join(d["lines"])} for i, d in ids.items()])
    score_ner(split, len(docs), ids, got)


def error_kinds(gold, pred):
    """Each error once, by kind: 'type G->P' (same span, other type), 'boundary G' (a prediction
    overlaps the gold name with other edges), 'missed G' (nothing there), 'spurious P' (a prediction
    that overlaps no gold name). Yields (kind, gold mention or None, [predictions])."""
    fp, fn = pred - gold, gold - pred
    used = set()
    for g in sorted(fn, key=str):
        same = [p for p in fp if p[:3] == g[:3]]
        overlap = [p for p in fp if p[0] == g[0] and p[1] < g[2] and p[2] > g[1]]
        if same:
            used.add(same[0])
            yield "type %s->%s" % (g[3], same[0][3]), g, same
        elif overlap:
            used.update(overlap)
            yield "boundary %s" % g[3], g, overlap
        else:
            yield "missed %s" % g[3], g, []
    for p in sorted(fp - used, key=str):
        yield "spurious %s" % p[3], None, [p]


def score_ner(split, posted_count, ids, got):
    tp = fp = fn = 0
    per_type = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC")}
    empty, lost_lines, languages, kinds = 0, 0, {}, {}
    errors = open(os.path.join(DATA, "ner-%s-errors.txt" % split), "w", encoding="utf-8")
    for i, d in ids.items():
        a = got.get(i, {})
        languages[a.get("language")] = languages.get(a.get("language"), 0) + 1
        places = locate(d["lines"], a, {g[0] for g in d["gold"]})
        gold = set()
        for line, start, end, t in d["gold"]:
            p = places[line]
            if p is None:
                lost_lines += 1
                gold.add(("lost", line, start, t))
                errors.write("%s LOST %s %r\n" % (d["id"], t, d["lines"][line]))
            else:
                gold.add((p[0], p[1] + start, p[1] + end, t))
        pred = predicted_mentions(a)
        if gold and not pred:
            empty += 1
        def show(m):
            src = (a.get("title") or "") if m[0] == "title" else (a.get("text") or "")
            return src[m[1]:m[2]] if m[0] != "lost" else "?"
        for m in sorted(pred - gold, key=str):
            errors.write("%s FP %s %r\n" % (d["id"], m[3], show(m)))
        for m in sorted(gold - pred, key=str):
            errors.write("%s FN %s %r\n" % (d["id"], m[3], show(m)))
        for kind, g, p in error_kinds(gold, pred):
            kinds[kind] = kinds.get(kind, 0) + 1
            errors.write("%s KIND %s gold %r got %s\n" % (d["id"], kind, show(g) if g else "-",
                                                          ", ".join("%r/%s" % (show(x), x[3]) for x in p) or "-"))
        for t in per_type:
            g = {x for x in gold if x[3] == t}
            p = {x for x in pred if x[3] == t}
            per_type[t][0] += len(g & p)
            per_type[t][1] += len(p - g)
            per_type[t][2] += len(g - p)
    errors.close()
    for t, (a, b, c) in per_type.items():
        tp, fp, fn = tp + a, fp + b, fn + c
    f1 = lambda a, b, c: 2 * a / (2 * a + b + c) if a else 0.0
    print("NER  CoNLL-2003 %s (%s), %d documents posted as text/plain, one sentence per line" %
          ("eng.testa" if split == "dev" else "eng.testb", split.upper(), posted_count))
    print("  PER/ORG/LOC entity F1 through the API: %.4f  (P %.4f R %.4f)  %s" % (
        f1(tp, fp, fn), tp / max(1, tp + fp), tp / max(1, tp + fn),
        "  ".join("%s %.4f" % (t, f1(*v)) for t, v in per_type.items())))
    print("  errors by kind (%s): %s" % (os.path.join("bench-data", "quality", "ner-%s-errors.txt" % split),
                                         ", ".join("%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1]))))
    print("  rejected by ingest: %s" % ([c for c, _ in REJECTED] or "none"))
    print("  documents with gold entities that came back with none: %d; gold lines not found in the answer: %d; languages %s"
          % (empty, lost_lines, languages))


# ----------------------------------------------------------------------------------------- tags
def top_level(tag_id):
    return tag_id.split("/")[0]


def tags(split):
    # BBC has TRAIN (the tag centroids were fitted on it) and TEST. DEV = a fixed 260-article slice of
    # TRAIN (optimistic: fitted on), where misses may be looked at; TEST is reported untouched.
    if split == "dev":
        items = [b for b in read("bbc.jsonl") if b["split"] == "train"
                 and int(hashlib.sha1(b["id"].encode()).hexdigest(), 16) % 4 == 0]
    else:
        items = [b for b in read("bbc.jsonl") if b["split"] == "test"]
    misses = open(os.path.join(DATA, "tags-%s-misses.txt" % split), "w", encoding="utf-8")
    full = {}
    for b in items:
        body = json.dumps({"title": b["title"], "body": b["body"], "url": unique_url("bbc-full", b["id"])})
        full[post(body, "application/json")["id"]] = b
    batch = "\n".join(json.dumps({"title": b["title"], "body": b["first"], "url": unique_url("bbc-short", b["id"])})
                      for b in items)
    answer = post(batch, "application/x-ndjson")
    short = dict(zip(answer["accepted"], items))
    for name, posted, how in (("full articles", full, "JSON with title"), ("short items (headline + first sentence)", short, "NDJSON batch")):
        got = fetch_enriched(posted)
        agree = untagged = english = 0
        words = 0
        for i, b in posted.items():
            a = got.get(i, {})
            english += a.get("language") == "en"
            t = a.get("tags") or []
            untagged += not t
            hit = bool(t) and top_level(t[0]["id"]) == b["section"]
            agree += hit
            if not hit:
                misses.write("%s %s gold=%s got=%s %r\n" % (name[:5], b["id"], b["section"],
                             [(x["id"], round(x.get("score", 0), 3)) for x in t[:3]], b["title"]))
            words += len((b["title"] + " " + (b["body"] if posted is full else b["first"])).split())
        n = len(posted)
        print("TAGS BBC News %s, %s, %d posted as %s (mean %d words)" % (
            "TEST split" if split == "test" else "DEV = slice of TRAIN (centroids fitted on TRAIN: optimistic)", name, n, how, words / max(1, n)))
        print("  top tag = editors' section: %.1f %%;  untagged: %d;  language en: %d/%d" % (100 * agree / max(1, n), untagged, english, n))


# ----------------------------------------------------------------------------------------- summary
def rouge1(candidate, reference):
    c = re.findall(r"[^\W_]+", candidate.lower())
    r = re.findall(r"[^\W_]+", reference.lower())
    if not c or not r:
        return 0.0
    counts = {}
    for w in r:
        counts[w] = counts.get(w, 0) + 1
    overlap = 0
    for w in c:
        if counts.get(w, 0) > 0:
            overlap += 1
            counts[w] -= 1
    p, rc = overlap / len(c), overlap / len(r)
    return 0 if overlap == 0 else 2 * p * rc / (p + rc)


def lead3(article):
    """Lead-3 as usually computed: the first three sentences (a plain splitter; fragments under
    four words, such as Daily Mail "By . Associated Press ." bylines, are not counted as sentences)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[\"'“‘(A-Z0-9])", article.strip()) if len(s.split()) >= 4]
    return " ".join(sentences[:3])


def summaries(split):
    items = [s for s in read("cnndm.jsonl") if s["split"] == split]
    posted = {}
    for s in items:
        posted[post(json.dumps({"body": s["article"], "url": unique_url("cnndm", s["id"])}), "application/json")["id"]] = s
    got = fetch_enriched(posted)
    ours = lead = ours_len = lead_len = ref_len = 0
    missing = 0
    for i, s in posted.items():
        summary = (got.get(i) or {}).get("summary") or ""
        missing += not summary
        base = lead3(s["article"])
        ref = s["highlights"].replace("\n", " ")
        ours += rouge1(summary, ref)
        lead += rouge1(base, ref)
        ours_len += len(summary.split())
        lead_len += len(base.split())
        ref_len += len(ref.split())
    n = max(1, len(posted))
    print("SUMMARY CNN/DailyMail sample %s split, %d stories posted as JSON without title" % (split.upper(), len(posted)))
    print("  ROUGE-1 F1 vs human highlights: Newswire %.4f (mean %d words)  Lead-3 %.4f (mean %d words)  diff %+.4f;"
          " highlights mean %d words; no summary: %d" % (ours / n, ours_len / n, lead / n, lead_len / n, (ours - lead) / n,
                                                          ref_len / n, missing))


def offline_ner(split, dumped):
    """Scores in-process pipeline output (QualityDump) on DEV exactly as the API answers are scored."""
    if split != "dev":
        sys.exit("the in-process loop is for DEV only; TEST is measured once, through the API")
    docs = {d["id"]: d for d in read("conll-dev.jsonl")}
    got = {}
    with open(dumped, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            got[a["id"]] = a
    score_ner("dev", len(got), {i: docs[i] for i in got}, got)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("prepare", "prepare-ag", "run", "score-ner"):
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "prepare":
        prepare()
        return
    if sys.argv[1] == "prepare-ag":
        prepare_ag()
        return
    if sys.argv[1] == "score-ner":
        offline_ner(sys.argv[2], sys.argv[3])
        return
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
    measures = os.environ.get("QUALITY_MEASURES", "ner,tags,summary").split(",")
    if "ner" in measures:
        ner("dev" if split == "dev" else "test")
    if "tags" in measures:
        tags(split)
    if "summary" in measures:
        summaries("dev" if split == "dev" else "test")


if __name__ == "__main__":
    main()
