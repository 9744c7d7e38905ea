#!/usr/bin/env bash
# Exam day (issue 14): the app from its jar on a fresh embedded MariaDB, then the Gatling
# simulation (src/load/java), then a Markdown report of the run (target/load/<name>/report.md).
#
#   src/load/run.sh [users] [key=value ...]     e.g. src/load/run.sh 2000 questions=10
#   src/load/run.sh search [low] [high] [key=value ...]   the largest N that holds every threshold
#   src/load/run.sh soak [users] [minutes]          steady arrivals, about <users> in the test at once
#   src/load/run.sh closed                       the closed-loop figures (wrk, 16 and 64 connections)
#
# Settings (key=value): questions (answered per candidate, 30 = the whole test), thinkMin/thinkMax
# (seconds, 20/60), ramp (log-in ramp seconds), startWindow (10), db=<dir> (run on an existing
# database instead of a fresh one, e.g. one filled by ScaleData), jfr=1 (record the app with JFR,
# settings=default), heap (the app's -Xmx, default 1g), live=<seconds> (every so often a
# `jcmd GC.class_histogram`: a full collection whose heap after is the live set, and the classes
# it holds; default every 300 s in a soak, off otherwise), warm=1 (with db=: read the exam's tables
# and their indexes into the buffer pool first, as on a server that has run for days; default cold).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

build() {
  if [ ! -f target/load/app.jar ] || [ -n "$(find src/main templates static pom.xml -newer target/load/app.jar -print -quit)" ]; then
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Dspotbugs.skip=true package
    mkdir -p target/load && cp target/cloudsquad-*-SNAPSHOT.jar target/load/app.jar
  fi
  ./mvnw -q -B -f src/load/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/target/load/classpath.txt" -Dmdep.includeScope=test
}

# start_app <run dir> <db dir> <jfr 0|1> <heap>: exports APP_PID DB_PID DB_PORT
start_app() {
  local run=$1 db=$2 jfr=$3 heap=$4
  local flags=(-Xmx"$heap" -Xms"$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError "-Xlog:gc:file=$run/gc.log:uptime")
  if [ "$jfr" = 1 ]; then flags+=("-XX:StartFlightRecording=settings=default,filename=$run/app.jfr,dumponexit=true"); fi
  java "${flags[@]}" -Duser.timezone=UTC -jar target/load/app.jar \
    --app.embedded-db.dir="$db" --server.port=8080 --logging.level.root=WARN \
    --logging.level.com.cloudsquad.platform=INFO --management.endpoints.web.exposure.include=health,metrics \
    > "$run/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -fs localhost:8080/actuator/health/readiness > /dev/null 2>&1; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The app did not start:"; tail -30 "$run/app.log"; exit 1; fi
    sleep 1
  done
  DB_PORT=$(grep -o 'Embedded MariaDB started on port [0-9]*' "$run/app.log" | grep -o '[0-9]*$' | tail -1)
  DB_PID=$(pgrep -f "mariadbd.*--port=$DB_PORT" | head -1 || true)
  [ -n "$DB_PID" ] || DB_PID=$(pgrep -f "mariadbd.*$(basename "$db")" | head -1)
  export APP_PID DB_PID DB_PORT
  echo "app pid $APP_PID, MariaDB pid $DB_PID on port $DB_PORT"
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}

# run_once <users> [key=value ...]: one run; its exit status says whether every threshold held
run_once() {
  local users=$1; shift
  local -A opt=([soak]=0 [questions]=30 [thinkMin]=20 [thinkMax]=60 [startWindow]=10 [jfr]=0 [heap]=1g [db]= [ramp]= [live]= [bufferPoolMb]= [warm]=0)
  for kv in "$@"; do opt[${kv%%=*}]=${kv#*=}; done
  local name="n${users}-q${opt[questions]}-$(date -u +%H%M%S)"
  local run="$ROOT/target/load/$name"
  mkdir -p "$run"
  local db=${opt[db]:-$run/db}
  start_app "$run" "$db" "${opt[jfr]}" "${opt[heap]}"
  local props=(-Dusers="$users" -Dquestions="${opt[questions]}" -DthinkMin="${opt[thinkMin]}" -DthinkMax="${opt[thinkMax]}"
    -DstartWindow="${opt[startWindow]}" -Dsoak="${opt[soak]}" -Dout="$run" -DappPid="$APP_PID" -DdbPid="$DB_PID"
    -DdbUrl="jdbc:mysql://localhost:$DB_PORT/cloudsquad?sslMode=DISABLED&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true")
  [ -n "${opt[ramp]}" ] && props+=(-Dramp="${opt[ramp]}")
  # on an existing (ScaleData) database: an InnoDB buffer pool of 1 GB, as a production server would give it
  [ -n "${opt[db]}" ] && props+=(-DbufferPoolMb="${opt[bufferPoolMb]:-1024}" -Dwarm="${opt[warm]}")
  local live=${opt[live]:-$([ "${opt[soak]}" -gt 0 ] && echo 300 || echo 0)} histograms=
  if [ "$live" -gt 0 ]; then
    (began=$(date +%s); while sleep "$live"; do
      jcmd "$APP_PID" GC.class_histogram > "$run/histogram-$(printf %05d $(($(date +%s) - began))).txt" 2>&1 || break
    done) &
    histograms=$!
  fi
  local status=0
  java -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.lang=ALL-UNNAMED -Dlogback.configurationFile=src/load/logback.xml "${props[@]}" -cp "target/load/build/test-classes:$(cat target/load/classpath.txt)" \
    io.gatling.app.Gatling -s com.cloudsquad.load.ExamDaySimulation -rf "$run/gatling" > "$run/gatling.log" 2>&1 || status=$?
  if [ -n "$histograms" ]; then
    kill "$histograms" 2>/dev/null || true
    jcmd "$APP_PID" GC.class_histogram > "$run/histogram-99999.txt" 2>&1 || true # after the load
  fi
  tail -40 "$run/gatling.log" | grep -v '^\s*$' | tail -25
  java -cp "target/load/build/test-classes:$(cat target/load/classpath.txt)" com.cloudsquad.load.LoadReport \
    "$run" "$APP_PID" || status=1
  stop_app
  [ "${opt[db]}" = "" ] && rm -rf "$run/db"
  echo "report: $run/report.md (exit $status)"
  return $status
}

case "${1:-100}" in
  search)
    shift; low=${1:-500}; high=${2:-5000}; shift 2 || true
    # Doubling from low until a run fails, then bisect to within 10 %.
    best=0; n=$low
    build
    while [ "$n" -le "$high" ]; do
      if run_once "$n" "$@"; then best=$n; n=$((n * 2)); else high=$((n - 1)); break; fi
    done
    lo=$best; hi=$high
    while [ "$best" -gt 0 ] && [ $((hi - lo)) -gt $((lo / 10)) ]; do
      mid=$(((lo + hi) / 2))
      if run_once "$mid" "$@"; then lo=$mid; best=$mid; else hi=$((mid - 1)); fi
    done
    echo "Largest N that held every threshold: $best" | tee target/load/search.txt
    ;;
  soak)
    # soak <users> [minutes=30] [key=value ...]: candidates arrive steadily for that long, about
    # <users> in the test at any moment; the report prints the heap after GC minute by minute.
    shift; users=${1:-500}; minutes=${2:-30}; shift 2 || true
    build
    run_once "$users" soak=$((minutes * 60)) "$@"
    ;;
  closed)
    command -v wrk > /dev/null || { echo "The closed-loop figures need wrk: apt-get install -y wrk"; exit 1; }
    ./mvnw -q -B test-compile
    exec src/bench/run.sh WebBenchmark "${2:-20}"
    ;;
  *)
    users=${1:-100}; shift || true
    build
    run_once "$users" "$@"
    ;;
esac
