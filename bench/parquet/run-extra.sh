#!/usr/bin/env bash
# Follow-ups to run.sh: a parquet-java file with ~1-day row groups and an 8 MiB dictionary page,
# a 24-hour window read (last day of the month), and start-up on a 20,000-row file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=${1:-/work/bench-data/m31f8/gpu_state_2025-10.db}
out=${2:-/tmp/parquet-bench}
small=${3:-/tmp/small.db}   # sqlite3 small.db "ATTACH '$db' AS s; CREATE TABLE gpu_state AS SELECT * FROM s.gpu_state LIMIT 20000"
d=$here/target/dependency
app=$here/target/parquet-bench-0.jar
sqlite=$d/sqlite-jdbc-3.54.1.0.jar
pj=$(ls $d/*.jar | grep -v -e duckdb -e sqlite-jdbc | paste -sd:)
duck=$d/duckdb_jdbc-2.0.0.1.jar
T=(/usr/bin/time -f "  -> %e s wall, peak RSS %M KB")
ropts=(-Xmx896m -XX:+UseParallelGC)
if [[ ${SKIP_WRITE:-} != 1 ]]; then
  "${T[@]}" java -Xmx4g -XX:+UseParallelGC -DrowGroupRows=150000 -DdictPage=8388608 \
    -cp "$app:$sqlite:$pj" bench.ParquetJava write "$db" "$out/pj-daily.parquet"
  ls -l "$out"/pj-daily.parquet
fi
win=(-Dfrom="2025-10-31 00:00:00" -Dto="2025-11-01 00:00:00")
for f in pj pj-daily duck; do
  echo "24h $f"
  "${T[@]}" java "${ropts[@]}" "${win[@]}" -cp "$app:$pj" bench.ParquetJava read "$out/$f.parquet" 9
  "${T[@]}" java "${ropts[@]}" "${win[@]}" -cp "$app:$duck:$pj" bench.Duck read "$out/$f.parquet" 9
done
echo "31 days 9 cols, pj-daily"
"${T[@]}" java "${ropts[@]}" -cp "$app:$pj" bench.ParquetJava read "$out/pj-daily.parquet" 9
java -cp "$app:$sqlite:$pj" bench.ParquetJava write "$small" "$out/small.parquet" >/dev/null 2>&1
echo "start-up: 20,000-row file, 3 runs each"
for k in 1 2 3; do
  "${T[@]}" java "${ropts[@]}" -cp "$app:$pj" bench.ParquetJava read "$out/small.parquet" 9
  "${T[@]}" java "${ropts[@]}" -cp "$app:$duck:$pj" bench.Duck read "$out/small.parquet" 9
done
echo "start-up with an AppCDS archive (as bin/gpureport uses)"
java "${ropts[@]}" -XX:ArchiveClassesAtExit=$out/pj.jsa -cp "$app:$pj" bench.ParquetJava read "$out/small.parquet" 9 >/dev/null 2>&1
java "${ropts[@]}" -XX:ArchiveClassesAtExit=$out/duck.jsa -cp "$app:$duck:$pj" bench.Duck read "$out/small.parquet" 9 >/dev/null 2>&1
for k in 1 2 3; do
  "${T[@]}" java "${ropts[@]}" -XX:SharedArchiveFile=$out/pj.jsa -cp "$app:$pj" bench.ParquetJava read "$out/small.parquet" 9
  "${T[@]}" java "${ropts[@]}" -XX:SharedArchiveFile=$out/duck.jsa -cp "$app:$duck:$pj" bench.Duck read "$out/small.parquet" 9
done
"${T[@]}" java "${ropts[@]}" -XX:SharedArchiveFile=$out/pj.jsa "${win[@]}" -cp "$app:$pj" bench.ParquetJava read "$out/pj-daily.parquet" 9
