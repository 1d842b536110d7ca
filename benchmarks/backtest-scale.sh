#!/usr/bin/env bash
# Backtests at minute scale: wall time, peak heap and the lake's files/bytes read (issue 13, item 7; not part of
# `mvn verify`).
#
#   benchmarks/backtest-scale.sh LAKE [MONTHS...]      MONTHS default "1 3 12"
#
# LAKE is a lake that holds a minute universe, e.g. the one `benchmarks/ingest.sh ROWS WORKDIR` leaves in
# WORKDIR/lake (100 symbols × 365 days of 2024 for a year: ROWS=52560000). For each window of MONTHS months from
# the lake's first 1m bar, runs `inverse_vol`, `market_neutral` and `sma_cross_tpsl` on 1m bars of every spot symbol of the lake
# with the default 4 GiB heap (QUANTLAKE_MEMORY) and GC logging, and prints the wall time, the peak heap (the
# largest occupancy the GC log reports, before a collection: live data plus garbage) and the lake's files and
# bytes the window read. Then one narrow read: 10 symbols, one month of 1h bars from the same lake.
# Extra backtest flags (e.g. --memory-budget 64) go in BACKTEST_FLAGS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAKE="$(cd "${1:?usage: backtest-scale.sh LAKE [MONTHS...]}" && pwd)"
shift
MONTHS=("${@:-1 3 12}")
read -r -a MONTHS <<< "${MONTHS[*]}"
QL="${QL:-$ROOT/bin/quantlake}"
WORK="$(mktemp -d /tmp/quantlake-backtest-bench.XXXXXX)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM; load before: $(cut -d' ' -f1-3 /proc/loadavg); work dir $WORK"

# The spot symbols with 1m candles: the lake's partition folders name them only by market/interval/month, so ask
# the lake itself with the day of each one's first 1m bar.
"$QL" sql --csv --lake "$LAKE" "SELECT symbol, date_format(min(open_time), 'yyyy-MM-dd') AS first_day FROM candles
  WHERE market = 'spot' AND interval = '1m' GROUP BY symbol ORDER BY symbol" > "$WORK/symbols.csv"
grep -E '^[A-Z0-9]+USDT,' "$WORK/symbols.csv" | cut -d, -f1 > "$WORK/symbols.txt" || true
START=$(grep -E '^[A-Z0-9]+USDT,' "$WORK/symbols.csv" | cut -d, -f2 | sort | head -1)
count=$(wc -l < "$WORK/symbols.txt")
if [[ "$count" -eq 0 ]]; then
  echo "no spot 1m symbols in $LAKE" >&2
  exit 1
fi
universe="[$(paste -sd, "$WORK/symbols.txt" | sed 's/,/, /g')]"
echo "universe: $count spot symbols with 1m bars from $START"

params_inverse_vol='{lookback: 1440, schedule: {every: 1440}, band: 0.01}'
params_market_neutral='{lookback: 1440, skip: 60, top: 10, bottom: 10, long_ratio: 0.5, short_ratio: 0.5, schedule: {every: 1440}, band: 0.01}'
params_sma_cross_tpsl='{fast: 10, slow: 30, take_profit: 0.15, stop_loss: 0.07, max_positions: 10}'

end_of() { date -u -d "$START + $1 months" +%F; }

run() { # $1 label, $2 config file
  local log="$WORK/gc-$1.log" out="$WORK/out-$1.txt" t0 t1 peak
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  JAVA_TOOL_OPTIONS="-Xlog:gc:file=$log" "$QL" backtest --lake "$LAKE" --config "$2" --out "$WORK/run-$1" ${BACKTEST_FLAGS:-} > "$out"
  t1=$(date +%s.%N)
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$log" | sed 's/M->.*//' | sort -n | tail -1)
  echo "$1: $(echo "$t1 - $t0" | bc) s wall; peak heap ${peak:-?} MiB; $(grep -o 'candles read: .*' "$out" || echo 'candles read: ?');" \
    "$(grep -o '[0-9]* ledger rows' "$out" || echo '? ledger rows'); load at end $(cut -d' ' -f1 /proc/loadavg)"
}

for m in "${MONTHS[@]}"; do
  for strategy in inverse_vol market_neutral sma_cross_tpsl; do
    params_var="params_$strategy"
    cfg="$WORK/$strategy-${m}m.yaml"
    cat > "$cfg" <<EOF
market: spot
interval: 1m
universe: $universe
start: $START
end: $(end_of "$m")
capital: 100000
costs: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}
strategy:
  name: $strategy
  params: ${!params_var}
EOF
    run "$strategy-${m}m" "$cfg"
  done
done

narrow="$WORK/narrow-1h.yaml"
cat > "$narrow" <<EOF
market: spot
interval: 1h
universe: [$(head -10 "$WORK/symbols.txt" | paste -sd, | sed 's/,/, /g')]
start: $START
end: $(end_of 1)
capital: 100000
costs: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}
strategy:
  name: inverse_vol
  params: {lookback: 24, schedule: {every: 24}, band: 0.01}
EOF
run narrow-1h-10-symbols-1-month "$narrow"
