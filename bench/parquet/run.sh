#!/usr/bin/env bash
# Issue 15 Parquet candidates, one JVM per step, each under /usr/bin/time.
# Usage: bench/parquet/run.sh [sqlite-month.db] [outdir]
# Build first: ./mvnw -q -f bench/parquet/pom.xml package dependency:copy-dependencies
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
db=${1:-/work/bench-data/m31f8/gpu_state_2025-10.db}
out=${2:-/tmp/parquet-bench}
mkdir -p "$out"
d=$here/target/dependency
app=$here/target/parquet-bench-0.jar
sqlite=$d/sqlite-jdbc-3.54.1.0.jar
pj=$(ls $d/parquet-*.jar $d/hadoop-common-*.jar $d/zstd-jni-*.jar $d/aircompressor-*.jar \
  $d/commons-pool-*.jar $d/snappy-java-*.jar $d/slf4j-api-*.jar $d/javax.annotation-api-*.jar \
  $d/jts-core-*.jar $d/hadoop-*.jar $d/commons-*.jar $d/woodstox-*.jar $d/stax2-*.jar 2>/dev/null | sort -u | paste -sd:)
duck=$d/duckdb_jdbc-2.0.0.1.jar
wopts=(-Xmx4g -XX:+UseParallelGC)
ropts=(-Xmx896m -XX:+UseParallelGC)   # what bin/gpureport gives the CLI
T=(/usr/bin/time -f "  -> %e s wall, peak RSS %M KB")
step=${STEP:-all}
if [[ $step == all || $step == write ]]; then
  "${T[@]}" java "${wopts[@]}" -cp "$app:$sqlite:$pj" bench.ParquetJava write "$db" "$out/pj.parquet"
  "${T[@]}" java "${wopts[@]}" -cp "$app:$sqlite:$duck" bench.Duck write "$db" "$out/duck.parquet"
  ls -l "$out"/*.parquet
fi
if [[ $step == all || $step == read ]]; then
  for f in pj duck; do
    for n in 14 9; do
      "${T[@]}" java "${ropts[@]}" -cp "$app:$pj" bench.ParquetJava read "$out/$f.parquet" $n
      "${T[@]}" java "${ropts[@]}" -cp "$app:$duck:$pj" bench.Duck read "$out/$f.parquet" $n
    done
  done
fi
