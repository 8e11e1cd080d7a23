#!/usr/bin/env bash
# CPU of one JVM's threads over a window, grouped by thread name (digits folded), largest first:
# where a running service's CPU goes (JIT compiler, pipeline workers, story step, Kafka clients, GC).
#   bench/enrich/threads.sh <pid> [seconds=40]
# Reads /proc/<pid>/task/*/stat (utime + stime, in 10 ms ticks) twice; Linux only.
set -euo pipefail
pid=$1
secs=${2:-40}
snap() {
  for t in /proc/"$pid"/task/*; do
    # A thread may end between listing and reading: skip it.
    { name=$(tr ' ' '_' < "$t/comm"); ticks=$(cut -d')' -f2 "$t/stat" | awk '{print $12 + $13}'); } 2>/dev/null || continue
    [ -n "$ticks" ] || continue
    echo "$(basename "$t") $name $ticks"
  done | sort
}
before=$(snap)
sleep "$secs"
after=$(snap)
echo "# pid $pid, ${secs}s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
join <(echo "$before") <(echo "$after") | awk '{d = ($5 - $3) * 10; n = $2; gsub(/[0-9]+/, "#", n); sum[n] += d; total += d}
  END {for (n in sum) if (sum[n] > 0) printf "%-32s %8.0f ms %5.1f%%\n", n, sum[n], 100 * sum[n] / total;
       printf "%-32s %8.0f ms (%.2f cores)\n", "TOTAL", total, total / ('"$secs"' * 1000)}' | sort -k2 -n -r
