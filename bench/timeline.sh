#!/usr/bin/env bash
# `gpureport timeline` on a 7-day window of a ~750-GPU pool (issue 18: 750 GPUs x 672 buckets):
# wall seconds, peak resident memory and output size of each format, RUNS runs each (default 3),
# with `hosts` on the same window as the baseline of the load and classification it shares.
#
#   bench/timeline.sh [RUNS] [DATA_DIR]
#
# DATA_DIR defaults to /work/bench-data/m31 (31 days of a 750-GPU pool as SQLite months).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
data="${2:-/work/bench-data/m31}"
[[ -f target/gpureport.jar ]] || ./mvnw -B -q package -DskipTests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
common=(--data-dir "$data" --hours-back 168 --exclude-hosts '{}')
bin/gpureport hosts "${common[@]}" > /dev/null # records the CDS archive

run() { # name, command...
  local name=$1 file="$out/$1"
  shift
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$out/time" "$@" > "$file"
    read -r secs kib < "$out/time"
    printf '| %s | %s | %s | %s |\n' "$name" "$secs" "$((kib / 1024))" "$(stat -c %s "$file")"
  done
}

printf '| command | wall s | peak RSS MiB | output bytes |\n|---|---|---|---|\n'
run hosts bin/gpureport hosts "${common[@]}"
for fmt in text html png; do
  run "timeline $fmt" bin/gpureport timeline "${common[@]}" --output-format "$fmt"
done
gzip -c "$out/timeline html" | wc -c | xargs printf 'timeline html gzipped: %s bytes\n'
