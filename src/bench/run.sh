#!/usr/bin/env bash
# Runs a benchmark from src/bench against the real app on its own embedded MariaDB
# (target/bench-db, kept between runs so the 100,000-question bank is generated once).
#   src/bench/run.sh BankBenchmark
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" $(find src/bench/java -name '*.java')
# A bare name is in com.cloudsquad.bench; a benchmark that needs a module's package-private
# services lives in that module's package (ExamBenchmark -> com.cloudsquad.exam).
NAME="${1:-BankBenchmark}"
case "$NAME" in
  *.*) MAIN="$NAME" ;;
  ExamBenchmark) MAIN="com.cloudsquad.exam.ExamBenchmark" ;;
  *) MAIN="com.cloudsquad.bench.$NAME" ;;
esac
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "target/bench-classes:$CP" "$MAIN" "${@:2}"
