#!/usr/bin/env bash
# The rule sets side by side: `report --rules corrected` against `--rules reference` on the same
# data, the 7- and 31-day windows, RUNS pairs each (default 5), alternating so that a drift of the
# machine's speed hits both alike. Prints each run's wall seconds and the median ratio.
#
#   bench/rules.sh [RUNS] [DATA_DIR]
#
# DATA_DIR defaults to bench-data/month (the 31-day sample of bench/bench.sh, generated there).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
data="${2:-bench-data/month}"
[[ -f target/gpureport.jar ]] || ./mvnw -B -q package -DskipTests
[[ -d $data ]] || { echo "no data in $data: run bench/bench.sh first" >&2; exit 1; }
bin/gpureport report --data-dir "$data" --hours-back 0 > /dev/null # records the CDS archive

wall() { /usr/bin/time -f %e -o /tmp/rules.time bin/gpureport report --data-dir "$data" "$@" > /dev/null; cat /tmp/rules.time; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| window | reference s (median) | corrected s (median) | corrected / reference (median of pairs) |\n|---|---|---|---|\n'
for hours in 168 744; do
  ref=(); cor=(); ratio=()
  for ((i = 0; i < runs; i++)); do
    r=$(wall --hours-back "$hours" --rules reference)
    c=$(wall --hours-back "$hours" --rules corrected)
    ref+=("$r"); cor+=("$c"); ratio+=("$(echo "scale=3; $c / $r" | bc)")
  done
  printf '| %s h | %s | %s | %s |\n' "$hours" "$(printf '%s\n' "${ref[@]}" | median)" \
    "$(printf '%s\n' "${cor[@]}" | median)" "$(printf '%s\n' "${ratio[@]}" | median)"
done
