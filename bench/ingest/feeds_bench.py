"""Feeds benchmark helper (bench/ingest/feeds-bench.sh): generates feeds, then measures the ingest process.

generate WORK FEEDS HOSTS PORT  writes WORK/www/h<k>/f<i>.xml (RSS 2.0, 10 items) and WORK/feeds.opml
measure WORK PID URL FEEDS STEADY_SECONDS  imports the OPML, waits for the first round of polls, then
    measures a steady window; CPU from /proc/PID/stat, RSS from /proc/PID/status, heap from /q/metrics
    after a full GC (jcmd PID GC.run).
"""
import json, os, random, subprocess, sys, time, urllib.request

WORDS = ("minister council harbour strike election market central bank rates storm coast court ruling "
         "energy grid vaccine trial telescope moon river bridge union workers vote budget talks summit").split()


def generate(work, feeds, hosts, port):
    rnd = random.Random(13)
    outlines = []
    for i in range(feeds):
        k = i % hosts + 1
        folder = os.path.join(work, "www", f"h{k}")
        os.makedirs(folder, exist_ok=True)
        items = []
        for j in range(10):
            text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(300, 600)))
            items.append(f"<item><title>Feed {i} story {j}</title><link>https://bench.example/{i}/{j}</link>"
                         f"<pubDate>Mon, 30 Nov 2026 0{j}:00:00 GMT</pubDate><description>{text}.</description></item>")
        with open(os.path.join(folder, f"f{i}.xml"), "w") as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed {i}</title>'
                      f"<link>https://bench.example/{i}</link><description>bench</description>{''.join(items)}</channel></rss>")
        outlines.append(f'<outline type="rss" text="f{i}" xmlUrl="http://127.0.0.{k}:{port}/f{i}.xml"/>')
    with open(os.path.join(work, "feeds.opml"), "w") as out:
        out.write('<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>'
                  + "".join(outlines) + "</body></opml>")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def metrics(url):
    values = {}
    for line in urllib.request.urlopen(url + "/q/metrics", timeout=10).read().decode().splitlines():
        if line.startswith("#") or " " not in line:
            continue
        name, value = line.rsplit(" ", 1)
        values[name] = values.get(name, 0) + float(value)
    return values


def metric(values, prefix):
    return sum(v for k, v in values.items() if k.startswith(prefix))


def heap_after_gc(pid, url):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    return metric(metrics(url), 'jvm_memory_used_bytes{area="heap"') / 2**20


def polls(values):
    return metric(values, "newswire_ingest_feeds_polls_total")


def measure(work, pid, url, feeds, steady):
    heap0 = heap_after_gc(pid, url)
    rss0 = rss_mb(pid)
    started, cpu_start = time.time(), cpu_seconds(pid)
    request = urllib.request.Request(url + "/api/feeds/opml", data=open(os.path.join(work, "feeds.opml"), "rb").read(),
                                     headers={"Content-Type": "text/x-opml"}, method="POST")
    answer = json.load(urllib.request.urlopen(request, timeout=600))
    registered = time.time()
    print(f"registered {len(answer['registered'])} feeds via OPML in {registered - started:.1f} s "
          f"({len(answer['rejected'])} rejected), CPU {cpu_seconds(pid) - cpu_start:.1f} s")
    while True:
        values = metrics(url)
        if metric(values, 'newswire_ingest_feeds_polls_total{outcome="ok"') >= feeds or time.time() - registered > 600:
            break
        time.sleep(1)
    first = time.time()
    cpu_first = cpu_seconds(pid)
    published = metric(values, "newswire_ingest_feeds_items_published_total")
    print(f"first round: {feeds} feeds polled in {first - registered:.1f} s, {published:.0f} items published, "
          f"CPU {cpu_first - cpu_start:.1f} s incl. registration "
          f"({(cpu_first - cpu_start) * 1000 / feeds:.1f} ms per feed)")
    polls0 = polls(values)
    time.sleep(steady)
    values = metrics(url)
    cpu_steady = cpu_seconds(pid) - cpu_first
    n = polls(values) - polls0
    not_modified = metric(values, 'newswire_ingest_feeds_polls_total{outcome="not-modified"')
    errors = metric(values, 'newswire_ingest_feeds_polls_total{outcome="error"')
    print(f"steady {steady} s: {n:.0f} polls ({n / steady:.1f}/s; {not_modified:.0f} not-modified and {errors:.0f} errors"
          f" in total), CPU {cpu_steady:.1f} s = {cpu_steady * 1000 / max(n, 1):.2f} ms per poll,"
          f" {cpu_steady * 100 / steady / feeds:.4f} % of a core per feed at this interval")
    heap1 = heap_after_gc(pid, url)
    rss1 = rss_mb(pid)
    print(f"memory: heap after GC {heap0:.1f} -> {heap1:.1f} MiB ({(heap1 - heap0) * 1024 / feeds:.1f} KiB per feed),"
          f" RSS {rss0:.0f} -> {rss1:.0f} MiB")
    latency = {k: v for k, v in values.items() if k.startswith("newswire_ingest_feeds_fetch_seconds{") and "quantile" in k}
    for k, v in sorted(latency.items()):
        print(f"  {k} {v * 1000:.1f} ms")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        measure(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
