#!/usr/bin/env bash
# The rollup cache (docs/decisions/0005-rollups.md): whole `gpureport report` processes through
# bin/gpureport on a year of data, without the cache, with a cold one, then warm.
#
#   bench/rollups.sh [DATA_DIR]
#
# DATA_DIR defaults to bench-data/year (bench/long-windows.sh generates it: 365 days of a 748-GPU
# pool, 12 monthly files without the timestamp index). The cache is a fresh temporary directory
# (never the data directory), removed at the end. Prints wall seconds and peak RSS MiB
# (/usr/bin/time), the rollups line of --verbose and its "rollups" stage time (reading, checking
# and writing parts: the per-day validity check is in it) for each run, and the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-bench-data/year}"
jar=target/gpureport.jar
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
bin/gpureport report --data-dir "$data" --hours-back 1 > /dev/null 2>&1 || true # the CDS archive
cat "$data"/*.db > /dev/null # warm the page cache

run() { # label, then report arguments
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o /tmp/rollups.time bin/gpureport report --data-dir "$data" \
    --verbose "$@" > /tmp/rollups.out 2> /tmp/rollups.err
  read -r wall kb < /tmp/rollups.time
  local use stage
  use=$(grep -o 'rollups: [^;]*' /tmp/rollups.err || echo 'rollups: -')
  stage=$(grep -o ' rollups=[0-9]* ms' /tmp/rollups.err || echo ' rollups=- ms')
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$wall" "$((kb / 1024))" "${use#rollups: }" \
    "${stage# rollups=}"
  sha256sum /tmp/rollups.out | cut -c1-12 >> /tmp/rollups.sums
}

: > /tmp/rollups.sums
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| run | wall s | peak RSS MiB | day parts | rollups stage |\n|---|---|---|---|---|\n'
run "365 d allocation, --no-cache" --hours-back 8760 --no-cache
run "365 d allocation, cold cache" --hours-back 8760 --cache-dir "$cache"
run "365 d allocation, warm cache" --hours-back 8760 --cache-dir "$cache"
run "31 d allocation, warm cache" --hours-back 744 --cache-dir "$cache"
run "31 d allocation, --no-cache" --hours-back 744 --no-cache
run "24 h allocation (cron), warm cache" --hours-back 24 --cache-dir "$cache"
run "24 h allocation (cron), --no-cache" --hours-back 24 --no-cache
run "365 d summary (--no-group-by-device), cold cache" --hours-back 8760 --no-group-by-device \
  --cache-dir "$cache"
run "365 d summary (--no-group-by-device), warm cache" --hours-back 8760 --no-group-by-device \
  --cache-dir "$cache"
echo "output digests in run order (1-3 equal, 4-5 equal, 6-7 equal, 8-9 equal): $(tr '\n' ' ' < /tmp/rollups.sums)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
