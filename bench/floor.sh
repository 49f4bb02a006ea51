#!/usr/bin/env bash
# The sqlite3 full-scan floor of a report window: the time sqlite3 itself needs to count the rows
# of [START, END] in every monthly file of DIR, one file after another (one core).
#
#   bench/floor.sh DIR 'YYYY-MM-DD HH:MM:SS' 'YYYY-MM-DD HH:MM:SS'
#
# Prints the total row count. Time it from outside (e.g. /usr/bin/time -v bench/floor.sh …).
set -euo pipefail
dir="$1"; start="$2"; end="$3"
total=0
for db in "$dir"/gpu_state_*.db; do
  n=$(sqlite3 -readonly "$db" \
    "SELECT count(*) FROM gpu_state WHERE timestamp >= '$start' AND timestamp <= '$end'")
  total=$((total + n))
done
echo "$total"
