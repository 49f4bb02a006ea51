#!/usr/bin/env bash
# Reports on a Parquet copy against the same reports on the SQLite original (issue 15): exports
# the SQLite month(s) of DATA_DIR with `gpureport export`, then times the 24-hour and the 31-day
# (744 h) report on each store, RUNS pairs each (default 5), alternating so that a drift of the
# machine's speed hits both alike. Checks that both stores print the same bytes. Prints each
# window's median wall seconds and the median ratio of the pairs (whole process, bin/gpureport).
#
#   bench/parquet-report.sh [RUNS] [DATA_DIR]
#
# DATA_DIR defaults to bench-data/month (the 31-day sample of bench/bench.sh); give it the
# timestamp index first (`gpureport index --data-dir DIR`) to compare with indexed SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
data="${2:-bench-data/month}"
[[ -f target/gpureport.jar ]] || ./mvnw -B -q package -DskipTests
[[ -d $data ]] || { echo "no data in $data: run bench/bench.sh first" >&2; exit 1; }
pq="$(mktemp -d)"
trap 'rm -rf "$pq"' EXIT
/usr/bin/time -f 'export: %e s wall, %M KiB max RSS' bin/gpureport export --data-dir "$data" --out "$pq" --format parquet --quiet
du -sh "$data" "$pq"
# record the CDS archive with both stores' classes loaded once
bin/gpureport report --data-dir "$data" --hours-back 0 > /dev/null
bin/gpureport report --data-dir "$pq" --hours-back 0 > /dev/null

wall() { /usr/bin/time -f '%e %M' -o /tmp/parquet-report.time bin/gpureport report "$@" > /tmp/parquet-report.out; cat /tmp/parquet-report.time; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| window | SQLite s (median) | Parquet s (median) | Parquet / SQLite (median of pairs) | max RSS MiB SQLite / Parquet |\n|---|---|---|---|---|\n'
for hours in 24 744; do
  bin/gpureport report --data-dir "$data" --hours-back "$hours" > /tmp/parquet-report.sqlite
  bin/gpureport report --data-dir "$pq" --hours-back "$hours" > /tmp/parquet-report.parquet
  cmp /tmp/parquet-report.sqlite /tmp/parquet-report.parquet || { echo "reports differ at $hours h" >&2; exit 1; }
  sq=(); pa=(); ratio=(); sqm=(); pam=()
  for ((i = 0; i < runs; i++)); do
    read -r s sm < <(wall --data-dir "$data" --hours-back "$hours")
    read -r p pm < <(wall --data-dir "$pq" --hours-back "$hours")
    sq+=("$s"); pa+=("$p"); sqm+=("$sm"); pam+=("$pm"); ratio+=("$(echo "scale=3; $p / $s" | bc)")
  done
  printf '| %s h | %s | %s | %s | %s / %s |\n' "$hours" "$(printf '%s\n' "${sq[@]}" | median)" \
    "$(printf '%s\n' "${pa[@]}" | median)" "$(printf '%s\n' "${ratio[@]}" | median)" \
    "$(( $(printf '%s\n' "${sqm[@]}" | median) / 1024 ))" "$(( $(printf '%s\n' "${pam[@]}" | median) / 1024 ))"
done
