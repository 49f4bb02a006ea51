#!/usr/bin/env bash
# Benchmark of the whole `gpureport report` process on generated sample data.
#
#   bench/bench.sh [RUNS] [EXTRA REPORT OPTIONS...]
#
# Generates (once, cached in bench-data/) a 31-day sample month (~4.5 M rows) as the legacy
# collector wrote it (no index) and a copy with the timestamp index that `gpureport collect`
# creates. For the 1-, 7- and 31-day windows ending at the newest snapshot it runs the report RUNS
# times (default 5) through bin/gpureport, printing wall time and peak RSS (from /usr/bin/time) as
# median, min and max, and the median per-stage times of --verbose. The "floor" column is the time
# sqlite3 itself needs to count the window's rows. Needs sqlite3 and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"; shift || true
jar=target/gpureport.jar
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests
data=bench-data/month
if [[ ! -f $data/gpu_state_2025-10.db ]]; then
  mkdir -p bench-data
  java -jar "$jar" sample --out "$data" --days 31 --start 2025-10-01 --seed 42 --force
fi
indexed=bench-data/month-indexed
if [[ ! -f $indexed/gpu_state_2025-10.db ]]; then
  mkdir -p "$indexed"
  cp "$data/gpu_state_2025-10.db" "$indexed/"
  sqlite3 "$indexed/gpu_state_2025-10.db" "CREATE INDEX idx_gpu_state_timestamp ON gpu_state(timestamp)"
fi
bin/gpureport report --data-dir "$data" --hours-back 0 > /dev/null # records the CDS archive for this jar

stats() { sort -n | awk '{a[NR]=$1} END {printf "%s %s %s", a[int((NR+1)/2)], a[1], a[NR]}'; }

for dir in "$data" "$indexed"; do
db=$dir/gpu_state_2025-10.db
cat "$db" > /dev/null # warm the page cache
end=$(sqlite3 "$db" "SELECT MAX(timestamp) FROM gpu_state")
printf '\n%s\n\n' "$dir"
printf '| window | rows | wall s (median min max) | peak RSS MiB (median min max) | end-time | load | classify | aggregate | render | floor s |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for hours in 24 168 744; do
  walls=(); rss=(); : > /tmp/bench.stages
  for ((i = 0; i < runs; i++)); do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o /tmp/bench.time bin/gpureport report --data-dir "$dir" \
      --hours-back "$hours" --verbose "$@" > /dev/null 2> /tmp/bench.err
    read -r w m < /tmp/bench.time
    walls+=("$w"); rss+=("$((m / 1024))")
    grep '^timing:' /tmp/bench.err >> /tmp/bench.stages
  done
  stage() { grep -o "$1=[0-9]*" /tmp/bench.stages | cut -d= -f2 | stats | cut -d' ' -f1; }
  rows=""; floor=""
  if [[ -n $end ]]; then
    start=$(date -d "${end%.*} $hours hours ago" '+%Y-%m-%d %H:%M:%S').${end#*.}
    t0=$(date +%s.%N)
    rows=$(sqlite3 "$db" "SELECT count(*) FROM gpu_state WHERE timestamp >= '$start' AND timestamp <= '$end'")
    floor=$(echo "$(date +%s.%N) - $t0" | bc)
  fi
  printf '| %s h | %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %.2f |\n' "$hours" "$rows" \
    "$(printf '%s\n' "${walls[@]}" | stats)" "$(printf '%s\n' "${rss[@]}" | stats)" \
    "$(stage end-time)" "$(stage load)" "$(stage classify)" "$(stage aggregate)" "$(stage render+deliver)" "${floor:-0}"
done
done
