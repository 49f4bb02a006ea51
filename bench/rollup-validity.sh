#!/usr/bin/env bash
# The rollup cache's per-day validity (docs/decisions/0005-rollups.md, "Validity per day") on a
# month with the collector's timestamp index: whole `gpureport report` processes through
# bin/gpureport over 31 days, cold, warm, after a snapshot appended to the newest day (as the
# collector does: the window's first, partial day and the newest day are computed again, the rest
# is checked by its counts), and after an UPDATE in place of a past day (every day of the file is
# computed again).
#
#   bench/rollup-validity.sh [INDEXED_DATA_DIR]
#
# INDEXED_DATA_DIR defaults to bench-data/m31ri. Its files are copied to a temporary directory and
# only the copy is written (with the sqlite3 command); the cache is a fresh temporary directory;
# both are removed at the end. Prints wall seconds, peak RSS MiB (/usr/bin/time), the rollups line
# of --verbose and its "rollups" stage time (the per-day counts are in it), and the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-bench-data/m31ri}"
jar=target/gpureport.jar
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data" "$work/cache"
cp "$src"/*.db "$work/data/"
db=$(find "$work/data" -name '*.db' | sort | tail -1)
bin/gpureport report --data-dir "$work/data" --hours-back 1 > /dev/null 2>&1 || true # CDS archive
cols='Name, AssignedGPUs, AvailableGPUs, State, GPUs_DeviceName, GPUs_GlobalMemoryMb,
  PrioritizedProjects, GPUsAverageUsage, Machine, RemoteOwner, GlobalJobId'

run() { # label, then report arguments
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" bin/gpureport report --data-dir "$work/data" \
    --hours-back 744 --verbose "$@" > "$work/out" 2> "$work/err"
  read -r wall kb < "$work/time"
  local use stage
  use=$(grep -o 'rollups: [^;]*' "$work/err" || echo 'rollups: -')
  stage=$(grep -o ' rollups=[0-9]* ms' "$work/err" || echo ' rollups=- ms')
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$wall" "$((kb / 1024))" "${use#rollups: }" \
    "${stage# rollups=}"
  sha256sum "$work/out" | cut -c1-12 >> "$work/sums"
}

: > "$work/sums"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| run (31 days) | wall s | peak RSS MiB | day parts | rollups stage |\n'
printf '|---|---|---|---|---|\n'
run "cold cache" --cache-dir "$work/cache"
run "warm cache" --cache-dir "$work/cache"
# the collector's next snapshot: the newest one again, five minutes later (microseconds kept)
sqlite3 "$db" "INSERT INTO gpu_state ($cols, timestamp) SELECT $cols,
  substr(datetime(timestamp, '+5 minutes'), 1, 19) || substr(timestamp, 20) FROM gpu_state
  WHERE timestamp = (SELECT MAX(timestamp) FROM gpu_state)"
run "a snapshot appended, cache" --cache-dir "$work/cache"
run "a snapshot appended, --no-cache" --no-cache
run "warm again" --cache-dir "$work/cache"
# a real change (SQLite does not write a row updated to its own values)
sqlite3 "$db" "UPDATE gpu_state SET RemoteOwner = 'edited@wisc.edu' WHERE rowid = 1000"
run "a past row updated in place, cache" --cache-dir "$work/cache"
run "a past row updated in place, --no-cache" --no-cache
echo "output digests in run order (1-2 equal, 3-5 equal, 6-7 equal): $(tr '\n' ' ' < "$work/sums")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
