#!/usr/bin/env bash
# The sqlite3 full-scan floor of a report window: the time sqlite3 itself needs to count the rows
# of [START, END] in the monthly files of DIR that the window's months name (the files a report
# reads), one file after another (one core).
#
#   bench/floor.sh DIR 'YYYY-MM-DD HH:MM:SS' 'YYYY-MM-DD HH:MM:SS'
#
# Prints the total row count. Time it from outside (e.g. /usr/bin/time -v bench/floor.sh …).
set -euo pipefail
dir="$1"; start="$2"; end="$3"
total=0
month=$(date -d "${start:0:7}-01" +%Y-%m-01)
last=$(date -d "${end:0:7}-01" +%Y-%m-01)
while [[ ! $month > $last ]]; do
  db="$dir/gpu_state_${month:0:7}.db"
  month=$(date -d "$month + 1 month" +%Y-%m-01)
  [[ -f $db ]] || continue
  n=$(sqlite3 -readonly "$db" \
    "SELECT count(*) FROM gpu_state WHERE timestamp >= '$start' AND timestamp <= '$end'")
  total=$((total + n))
done
echo "$total"
