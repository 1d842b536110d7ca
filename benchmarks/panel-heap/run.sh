#!/usr/bin/env bash
# Peak driver heap of a columnar panel read (issue 13 item 4); not part of mvn verify.
#   benchmarks/panel-heap/run.sh [symbols=100] [bars=10000]    (100 x 10000 = 1 M candles)
# Uses the shaded jobs jar and Spark classpath that bin/quantlake builds when stale; a sampler thread runs a
# full GC every 50 ms during the read (see PanelHeap.java).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/bin/quantlake" --version >/dev/null
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OPENS=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=(--add-opens="java.base/$p=ALL-UNNAMED")
done
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec "$JAVA" -Xmx"${QUANTLAKE_MEMORY:-4g}" -XX:+UseParallelGC "${OPENS[@]}" \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$ROOT/jobs/target/jobs-0.1.0-SNAPSHOT-shaded.jar:$(cat "$ROOT/jobs/target/spark-classpath.txt")" \
  "$ROOT/benchmarks/panel-heap/PanelHeap.java" "$@"
