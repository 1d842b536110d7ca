#!/usr/bin/env bash
# Ingest throughput and peak heap (issue 13, item 7; not part of `mvn verify`).
#
#   benchmarks/ingest.sh [ROWS] [WORKDIR]        ROWS default 10000000, WORKDIR default /tmp/quantlake-ingest-bench
#   DATA=DIR benchmarks/ingest.sh [ROWS] [WORKDIR]  ingests the tree DIR (an earlier WORKDIR/data) instead of generating
#
# Generates a minute-scale universe of about ROWS 1m rows (SYMBOLS symbols, default 100, × enough days of 2024;
# the planner's listings, delistings and gaps remove a few percent) with `datasets generate --interval 1m`, then
# times `ingest archive` of the whole tree (1m, plus the year's 1d and 1h files, exchangeInfo) into an empty lake,
# end to end (JVM and Spark start-up included), with the default 4 GiB heap (QUANTLAKE_MEMORY) and GC logging.
# Then ingests the same tree again (idempotence: nothing inserted or updated) and times that too.
# Prints rows read, wall seconds, rows/s and the peak heap: the largest heap occupancy the GC log reports
# (before a collection, so live data plus garbage).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-10000000}"
WORK="${2:-/tmp/quantlake-ingest-bench}"
SYMBOLS="${SYMBOLS:-100}"
DAYS=$(( (ROWS + SYMBOLS * 1440 - 1) / (SYMBOLS * 1440) ))
QL="${QL:-$ROOT/bin/quantlake}"

rm -rf "$WORK"
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
SRC="$WORK/data"
if [[ -n "${DATA:-}" ]]; then
  SRC="$(cd "$DATA" && pwd)"
else
  echo "generating $SYMBOLS symbols × $DAYS days of 1m bars into $WORK/data ..."
  start=$(date +%s.%N)
  "$QL" datasets generate --interval 1m --symbols "$SYMBOLS" --days "$DAYS" --out "$WORK/data"
  echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s; $(du -sh "$WORK/data" | cut -f1) on disk"
fi

run() { # $1 = label
  local log="$WORK/gc-$1.log" out="$WORK/ingest-$1.txt"
  local t0 t1
  local load0
  load0=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  JAVA_TOOL_OPTIONS="-Xlog:gc:file=$log" /usr/bin/time -f "%U %S %M" -o "$WORK/time-$1.txt" \
    "$QL" ingest archive --path "$SRC" --lake "$WORK/lake" > "$out"
  t1=$(date +%s.%N)
  local secs rows peak cpu
  secs=$(echo "$t1 - $t0" | bc)
  cpu=$(awk '{print $1 + $2}' "$WORK/time-$1.txt")
  rows=$(sed -n 's/.* files, \([0-9]*\) rows read.*/\1/p' "$out")
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$log" | sed 's/M->.*//' | sort -n | tail -1)
  echo "$1: $rows rows read in $secs s = $(echo "$rows / $secs" | bc) rows/s; CPU $cpu s (user + sys, all threads);" \
    "peak heap ${peak:-?} MiB (GC log $log); load average at start $load0, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  sed -n '2,6p' "$out"
}
run first
run again
