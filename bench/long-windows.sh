#!/usr/bin/env bash
# Long windows and large pools: the whole `gpureport report` process against the sqlite3 floor.
#
#   bench/long-windows.sh [RUNS]
#
# Generates (once, cached in bench-data/) a year of a 748-GPU pool (`sample --days 365`, 12 monthly
# files, ~53 M rows, ~11 GB) and a month of a ~3,100-GPU pool (`sample --hosts 480 --days 31`,
# ~18 M rows, ~3.6 GB), both without the timestamp index (as the legacy collector wrote files). It
# then reports 92 and 365 days of the year and 31 days of the large pool RUNS times (default 1)
# through bin/gpureport (the default launcher: -Xmx896m), printing wall seconds and peak RSS MiB
# (/usr/bin/time) and the floor: bench/floor.sh, sqlite3 counting the window's rows in every file.
# Needs sqlite3, bc and about 15 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1}"
jar=target/gpureport.jar
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests
year=bench-data/year
[[ -f $year/gpu_state_2025-12.db ]] ||
  java -jar "$jar" sample --out "$year" --days 365 --start 2025-01-01 --seed 42 --force --quiet
large=bench-data/pool-3000
[[ -f $large/gpu_state_2025-10.db ]] ||
  java -jar "$jar" sample --out "$large" --hosts 480 --days 31 --start 2025-10-01 --seed 42 --force --quiet
bin/gpureport report --data-dir "$year" --hours-back 1 > /dev/null # records the CDS archive

printf '| data | window | rows | wall s | peak RSS MiB | floor s | wall / floor |\n|---|---|---|---|---|---|---|\n'
for spec in "$year 2208" "$year 8760" "$large 744"; do
  read -r dir hours <<< "$spec"
  cat "$dir"/*.db > /dev/null # warm the page cache
  end=$(sqlite3 -readonly "$(ls "$dir"/*.db | tail -1)" "SELECT MAX(timestamp) FROM gpu_state")
  start=$(date -d "${end%.*} $hours hours ago" '+%Y-%m-%d %H:%M:%S').${end#*.}
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o /tmp/long.time bin/gpureport report --data-dir "$dir" \
      --hours-back "$hours" > /dev/null 2> /dev/null
    read -r wall kb < /tmp/long.time
    t0=$(date +%s.%N)
    rows=$(bench/floor.sh "$dir" "$start" "$end")
    floor=$(echo "$(date +%s.%N) - $t0" | bc)
    printf '| %s | %s h | %s | %s | %s | %.2f | %.1f |\n' "$(basename "$dir")" "$hours" "$rows" \
      "$wall" "$((kb / 1024))" "$floor" "$(echo "$wall / $floor" | bc -l)"
  done
done
