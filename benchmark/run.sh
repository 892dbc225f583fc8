#!/usr/bin/env bash
# The benchmark of Aftersales Flow against bare Camunda 7.24 (docs/benchmark.md says what it
# measures and how to read it). One command, on a machine with JDK 17, Maven and Debian's
# PostgreSQL 15 server package:
#
#   bash benchmark/run.sh            # everything (about 25 minutes on 2 cores)
#   BENCH_SECONDS=20 BENCH_ROUNDS=1 bash benchmark/run.sh   # a quick look
#
# It starts its own PostgreSQL (a throw-away cluster of Debian's binaries on port 15432, with
# pg_stat_statements), then one engine at a time on a fresh database of that server, drives it
# with Gatling (benchmark/src/test/java) and prints the figures as ratios against the baselines
# measured in the same run. Nothing of the machine's own PostgreSQL cluster is touched.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
ROOT=$(cd .. && pwd)

SECONDS_PER_ROUND=${BENCH_SECONDS:-60}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-20}
ROUNDS=${BENCH_ROUNDS:-2}
USERS=${BENCH_USERS:-8}
PG_PORT=${BENCH_PG_PORT:-15432}
APP_PORT=${BENCH_APP_PORT:-18300}
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
OUT=${BENCH_OUT:-$BENCH_DIR/target/results}
# Which parts run: simple (the same model on each engine), intake (POST /api/cases and whole
# cases), tasklist (staff users' queries at 10 000 and 100 000 open tasks, 1 000 000 historic
# instances).
PARTS=${BENCH_PARTS:-simple intake tasklist}

ADMIN_PASSWORD=bench-admin-$RANDOM$RANDOM
BENCH_PASSWORD=bench-$RANDOM$RANDOM

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/aftersales-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=
PG_DATA="$WORK/pgdata"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -d "$PG_DATA" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- PostgreSQL -------------------------------------------------------------------------------

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql-15)" >&2; exit 1; }
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" "$WORK"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
  cat >>"$PG_DATA/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = 'localhost'
unix_socket_directories = '$WORK'
max_connections = 200
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
synchronous_commit = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
EOF
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w start >/dev/null
  log "PostgreSQL 15 on port $PG_PORT ($PG_DATA)"
}

psql_admin() { "$PG_BIN/psql" -h localhost -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }

fresh_database() {
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 ENCODING 'UTF8' TEMPLATE template0"
  psql_admin -d "$1" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
}

# --- applications -----------------------------------------------------------------------------

build() {
  log "building Aftersales Flow, the bare engine and the simulations"
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests package)
  (cd "$BENCH_DIR/bare-engine" && mvn -B -q -ntp -DskipTests package)
  (cd "$BENCH_DIR" && mvn -B -q -ntp test-compile)
  # Copies: a build in the work tree while the benchmark runs must not change a running jar.
  cp "$(ls "$ROOT"/target/aftersales-flow-*.jar | grep -v original | head -1)" "$WORK/aftersales-flow.jar"
  cp "$BENCH_DIR/bare-engine/target/bare-engine.jar" "$WORK/bare-engine.jar"
}

# start_engine <kind> <database>: kind is bare-open, bare-secured or aftersales.
start_engine() {
  local kind=$1 database=$2 jar args=()
  local url="jdbc:postgresql://localhost:$PG_PORT/$database"
  case $kind in
    bare-open) jar="$WORK/bare-engine.jar"; args=(--bench.secured=false) ;;
    bare-secured) jar="$WORK/bare-engine.jar"; args=(--bench.secured=true) ;;
    aftersales) jar="$WORK/aftersales-flow.jar"; args=(--spring.profiles.active=postgres,demo) ;;
  esac
  # Aftersales Flow's demo profile sets the admin's password to "demo" itself.
  DB_URL=$url DB_USER=postgres DB_PASSWORD=unused ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xms1g -Xmx1g -jar "$jar" --server.port="$APP_PORT" "${args[@]}" >"$OUT/$kind-$database.log" 2>&1 &
  APP_PID=$!
  local waited=0
  until curl -fs -o /dev/null "http://localhost:$APP_PORT/engine-rest/version" -u "admin:$(admin_password "$kind")"; do
    sleep 2; waited=$((waited + 2))
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $waited -gt 240 ]; then
      echo "$kind did not start; see $OUT/$kind-$database.log" >&2; tail -30 "$OUT/$kind-$database.log" >&2; exit 1
    fi
  done
  log "$kind started on port $APP_PORT (database $database, pid $APP_PID)"
}

stop_engine() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# The demo profile of Aftersales Flow gives admin the password "demo".
admin_password() { if [ "$1" = aftersales ]; then echo demo; else echo "$ADMIN_PASSWORD"; fi; }

rest() { # rest <kind> <method> <path> [json]
  local status
  status=$(curl -s -o "$WORK/rest.out" -w '%{http_code}' -X "$2" -u "admin:$(admin_password "$1")" \
    -H 'Content-Type: application/json' "http://localhost:$APP_PORT/engine-rest$3" ${4:+--data "$4"})
  case $status in 2*) ;; *) echo "$2 $3 answered $status: $(cat "$WORK/rest.out")" >&2; return 1 ;; esac
}

# The benchmark's staff user: member of customer-service, may start bench-simple; the tasks
# reach it through the candidate group, as every staff member's tasks do.
prepare_engine() {
  local kind=$1
  if [ "$kind" != aftersales ]; then rest "$kind" POST /group/create '{"id":"customer-service","name":"Customer service","type":"WORKFLOW"}'; fi
  rest "$kind" POST /user/create "{\"profile\":{\"id\":\"bench\",\"firstName\":\"Bench\",\"lastName\":\"User\"},\"credentials\":{\"password\":\"$BENCH_PASSWORD\"}}"
  rest "$kind" PUT /group/customer-service/members/bench
  rest "$kind" POST /authorization/create '{"type":1,"permissions":["READ","CREATE_INSTANCE"],"userId":"bench","resourceType":6,"resourceId":"bench-simple"}'
  rest "$kind" POST /authorization/create '{"type":1,"permissions":["CREATE"],"userId":"bench","resourceType":8,"resourceId":"*"}'
  local status
  status=$(curl -s -o "$WORK/deploy.out" -w '%{http_code}' -u "admin:$(admin_password "$kind")" \
    -F deployment-name=bench -F deploy-changed-only=true -F "bench-simple.bpmn=@$BENCH_DIR/models/bench-simple.bpmn" \
    "http://localhost:$APP_PORT/engine-rest/deployment/create")
  [ "$status" = 200 ] || { echo "deployment answered $status: $(cat "$WORK/deploy.out")" >&2; exit 1; }
}

# gatling <simulation> <label> [extra -D...]: runs one simulation, prints the path of its HTML report.
gatling() {
  local simulation=$1 label=$2; shift 2
  local folder="$OUT/gatling/$label"
  rm -rf "$folder"; mkdir -p "$folder"
  (cd "$BENCH_DIR" && mvn -B -q -ntp gatling:test \
    -Dgatling.simulationClass="org.aftersales.benchmark.$simulation" \
    -Dgatling.resultsFolder="$folder" \
    -Dbench.baseUrl="http://localhost:$APP_PORT" -Dbench.password="$BENCH_PASSWORD" \
    -Dbench.users="$USERS" "$@" >"$folder.log" 2>&1) || { echo "gatling $simulation failed, see $folder.log" >&2; tail -30 "$folder.log" >&2; exit 1; }
  ls "$folder"/*/index.html
}

# --- parts ------------------------------------------------------------------------------------

FIGURES="$OUT/figures.tsv"
: >"$FIGURES"
record() { printf '%s\n' "$*" | tr ' ' '\t' >>"$FIGURES"; } # record <part> <engine> <round> <report> [seconds]

part_simple() {
  local round kind stats
  for round in $(seq 1 "$ROUNDS"); do
    for kind in bare-open bare-secured aftersales; do
      fresh_database "simple_${kind//-/_}"
      start_engine "$kind" "simple_${kind//-/_}"
      prepare_engine "$kind"
      gatling SimpleModelSimulation "simple-$kind-$round-warmup" -Dbench.seconds="$WARMUP_SECONDS" >/dev/null
      stats=$(gatling SimpleModelSimulation "simple-$kind-$round" -Dbench.seconds="$SECONDS_PER_ROUND")
      record simple "$kind" "$round" "$stats" "$SECONDS_PER_ROUND"
      stop_engine
    done
  done
}

commits() { psql_admin -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$1'"; }

# Engine history of the closed cases of one kind, in bytes per case: every row of the engine's
# history tables (and the byte arrays they point to) that belongs to a closed service-request
# instance or a process it called (the same root instance), as PostgreSQL stores it.
history_bytes_per_case() {
  psql_admin -d "$1" <<'SQL'
WITH closed AS (
  SELECT id_ FROM act_hi_procinst WHERE proc_def_key_ = 'service-request' AND end_time_ IS NOT NULL),
rows AS (
  SELECT pg_column_size(t.*) AS bytes FROM act_hi_procinst t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_actinst t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_taskinst t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_varinst t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_detail t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_identitylink t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_comment t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_attachment t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_op_log t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_incident t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_job_log t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_ext_task_log t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_dec_in t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_dec_out t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_hi_decinst t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed)
  UNION ALL SELECT pg_column_size(t.*) FROM act_ge_bytearray t WHERE root_proc_inst_id_ IN (SELECT id_ FROM closed))
SELECT (SELECT count(*) FROM closed) || ' ' || coalesce(sum(bytes), 0) FROM rows
SQL
}

# Case intake against the bare engine's process-start rate (both secured), then whole
# consultation cases: cases/s, database commits per case, history bytes per closed case.
part_intake() {
  local round before after stats cases
  for round in $(seq 1 "$ROUNDS"); do
    fresh_database intake_bare
    start_engine bare-secured intake_bare
    prepare_engine bare-secured
    gatling SimpleModelSimulation "start-bare-secured-$round-warmup" -Dbench.only-start=true -Dbench.seconds="$WARMUP_SECONDS" >/dev/null
    stats=$(gatling SimpleModelSimulation "start-bare-secured-$round" -Dbench.only-start=true -Dbench.seconds="$SECONDS_PER_ROUND")
    record intake bare-secured "$round" "$stats"
    stop_engine

    fresh_database intake_ours
    start_engine aftersales intake_ours
    gatling CaseSimulation "intake-aftersales-$round-warmup" -Dbench.case=intake -Dbench.seconds="$WARMUP_SECONDS" >/dev/null
    before=$(commits intake_ours)
    stats=$(gatling CaseSimulation "intake-aftersales-$round" -Dbench.case=intake -Dbench.seconds="$SECONDS_PER_ROUND")
    after=$(commits intake_ours)
    record intake aftersales "$round" "$stats" "$((after - before))"

    before=$(commits intake_ours)
    stats=$(gatling CaseSimulation "consultation-aftersales-$round" -Dbench.case=consultation -Dbench.seconds="$SECONDS_PER_ROUND")
    after=$(commits intake_ours)
    record cases consultation "$round" "$stats" "$((after - before))" $(history_bytes_per_case intake_ours)
    stop_engine
  done
}

# Open tasks in the customer-service queue, as the engine writes them: tasks of bench-simple
# started through REST, then cloned by SQL (task, candidate-group link, the group's task
# authorization) until the queue holds $2 open tasks.
grow_open_tasks() {
  local database=$1 target=$2 have
  have=$(psql_admin -d "$database" -c "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'FirstTask'")
  [ "$have" -ge "$target" ] && return
  log "cloning open tasks in $database: $have -> $target"
  psql_admin -d "$database" <<SQL
CREATE TEMP TABLE src AS SELECT * FROM act_ru_task WHERE task_def_key_ = 'FirstTask'
  AND id_ IN (SELECT task_id_ FROM act_ru_identitylink WHERE group_id_ = 'customer-service') LIMIT 200;
CREATE TEMP TABLE n AS SELECT g AS n FROM generate_series($have, $target - 1) g;
CREATE TEMP TABLE task AS SELECT s.*, n.n AS clone_ FROM n JOIN src s ON s.id_ = (SELECT id_ FROM src ORDER BY id_ OFFSET n.n % (SELECT count(*) FROM src) LIMIT 1);
CREATE TEMP TABLE link AS SELECT l.*, t.clone_ FROM task t JOIN act_ru_identitylink l ON l.task_id_ = t.id_;
CREATE TEMP TABLE auth AS SELECT a.*, t.clone_ FROM task t JOIN act_ru_authorization a ON a.resource_type_ = 7 AND a.resource_id_ = t.id_;
UPDATE task SET id_ = 'clone-' || clone_, create_time_ = create_time_ - clone_ * interval '1 second';
UPDATE link SET id_ = md5(id_ || clone_), task_id_ = 'clone-' || clone_;
UPDATE auth SET id_ = md5(id_ || clone_), resource_id_ = 'clone-' || clone_;
ALTER TABLE task DROP COLUMN clone_; ALTER TABLE link DROP COLUMN clone_; ALTER TABLE auth DROP COLUMN clone_;
INSERT INTO act_ru_task SELECT * FROM task;
INSERT INTO act_ru_identitylink SELECT * FROM link;
INSERT INTO act_ru_authorization SELECT * FROM auth;
ANALYZE act_ru_task; ANALYZE act_ru_identitylink; ANALYZE act_ru_authorization;
SQL
}

# Historic instances of bench-simple, cloned by SQL from finished ones with their activity,
# task and variable history, until $2 ended instances are in the history.
grow_history() {
  local database=$1 target=$2 have
  have=$(psql_admin -d "$database" -c "SELECT count(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL")
  [ "$have" -ge "$target" ] && return
  log "cloning historic instances in $database: $have -> $target"
  psql_admin -d "$database" <<SQL
CREATE TEMP TABLE src AS SELECT id_ FROM act_hi_procinst WHERE proc_def_key_ = 'bench-simple' AND end_time_ IS NOT NULL LIMIT 100;
CREATE TEMP TABLE n AS SELECT g AS n, (SELECT id_ FROM src ORDER BY id_ OFFSET g % (SELECT count(*) FROM src) LIMIT 1) AS src_ FROM generate_series($have, $target - 1) g;
CREATE TEMP TABLE pi AS SELECT p.*, n.n AS clone_ FROM n JOIN act_hi_procinst p ON p.id_ = n.src_;
UPDATE pi SET id_ = 'hclone-' || clone_, proc_inst_id_ = 'hclone-' || clone_, root_proc_inst_id_ = 'hclone-' || clone_,
  business_key_ = 'BENCH-' || clone_, start_time_ = start_time_ - clone_ * interval '10 second', end_time_ = end_time_ - clone_ * interval '10 second';
ALTER TABLE pi DROP COLUMN clone_;
INSERT INTO act_hi_procinst SELECT * FROM pi;
DROP TABLE pi;
CREATE TEMP TABLE ai AS SELECT a.*, n.n AS clone_ FROM n JOIN act_hi_actinst a ON a.proc_inst_id_ = n.src_;
UPDATE ai SET id_ = md5(id_ || clone_), proc_inst_id_ = 'hclone-' || clone_, root_proc_inst_id_ = 'hclone-' || clone_,
  execution_id_ = 'hclone-' || clone_, parent_act_inst_id_ = 'hclone-' || clone_, task_id_ = md5(task_id_ || clone_);
ALTER TABLE ai DROP COLUMN clone_;
INSERT INTO act_hi_actinst SELECT * FROM ai;
DROP TABLE ai;
CREATE TEMP TABLE ti AS SELECT t.*, n.n AS clone_ FROM n JOIN act_hi_taskinst t ON t.proc_inst_id_ = n.src_;
UPDATE ti SET id_ = md5(id_ || clone_), proc_inst_id_ = 'hclone-' || clone_, root_proc_inst_id_ = 'hclone-' || clone_,
  execution_id_ = 'hclone-' || clone_, act_inst_id_ = md5(act_inst_id_ || clone_);
ALTER TABLE ti DROP COLUMN clone_;
INSERT INTO act_hi_taskinst SELECT * FROM ti;
DROP TABLE ti;
CREATE TEMP TABLE vi AS SELECT v.*, n.n AS clone_ FROM n JOIN act_hi_varinst v ON v.proc_inst_id_ = n.src_;
UPDATE vi SET id_ = md5(id_ || clone_), proc_inst_id_ = 'hclone-' || clone_, root_proc_inst_id_ = 'hclone-' || clone_,
  execution_id_ = 'hclone-' || clone_, act_inst_id_ = 'hclone-' || clone_;
ALTER TABLE vi DROP COLUMN clone_;
INSERT INTO act_hi_varinst SELECT * FROM vi;
ANALYZE act_hi_procinst; ANALYZE act_hi_actinst; ANALYZE act_hi_taskinst; ANALYZE act_hi_varinst;
SQL
}


# Tasklist as staff users at 10 000 and 100 000 open tasks (then with 1 000 000 historic
# instances), and case intake at each size: how the figures grow.
part_tasklist() {
  local database=tasklist stats size
  fresh_database "$database"
  start_engine aftersales "$database"
  prepare_engine aftersales
  log "starting 300 instances of bench-simple, finishing 100 of them"
  gatling SimpleModelSimulation "tasklist-finished" -Dbench.seconds=10 -Dbench.user=bench >/dev/null
  (cd "$BENCH_DIR" && for i in $(seq 1 300); do
    curl -fs -o /dev/null -u "bench:$BENCH_PASSWORD" -H 'Content-Type: application/json' -d '{}' \
      "http://localhost:$APP_PORT/engine-rest/process-definition/key/bench-simple/start"; done)
  for size in 10000 100000 100000+history; do
    grow_open_tasks "$database" "${size%+history}"
    [ "$size" = 100000+history ] && grow_history "$database" 1000000
    gatling TasklistSimulation "tasklist-$size-warmup" -Dbench.seconds="$WARMUP_SECONDS" >/dev/null
    stats=$(gatling TasklistSimulation "tasklist-$size" -Dbench.seconds="$SECONDS_PER_ROUND")
    record tasklist "$size" 1 "$stats"
    stats=$(gatling CaseSimulation "intake-at-$size" -Dbench.case=intake -Dbench.seconds="$SECONDS_PER_ROUND")
    record growth "$size" 1 "$stats"
  done
  psql_admin -d "$database" -c "SELECT round(total_exec_time::numeric / calls, 2) || ' ms ' || calls || ' calls: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15" >"$OUT/pg-stat-statements-tasklist.txt"
  stop_engine
}

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
build
pg_start
for part in $PARTS; do
  case $part in
    simple) part_simple ;;
    intake) part_intake ;;
    tasklist) part_tasklist ;;
    *) echo "unknown part $part (simple, intake, tasklist)" >&2; exit 2 ;;
  esac
done
log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$BENCH_DIR/report.py" "$FIGURES" | tee "$OUT/report.md"
