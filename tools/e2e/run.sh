#!/usr/bin/env bash
# Starts the packaged application (demo profile, a throw-away H2 database, port 18080)
# and drives Debian's chromium through the webapps as people use them.
#   bash tools/e2e/run.sh          (after mvn package; needs node, npm and chromium)
#   E2E_JAR=target/operaton/target/aftersales-flow-operaton-0.1.0-SNAPSHOT.jar bash tools/e2e/run.sh   (on Operaton)
# Screenshots land in tools/e2e/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${E2E_PORT:-18080}"

# E2E_JAR: another build's jar, e.g. the Operaton build's (docs/engines.md).
jar=${E2E_JAR:-$(ls "$root"/target/aftersales-flow-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}
[ -n "$jar" ] || { echo "e2e: no packaged jar in target/: run mvn package first" >&2; exit 2; }
jar=$(realpath "$jar")
command -v chromium >/dev/null 2>&1 || { echo "e2e: chromium is not installed (apt-get install chromium)" >&2; exit 2; }

cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund
  touch node_modules
fi

work=$(mktemp -d)
java -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$work/aftersales" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    break
  fi
  kill -0 $app 2>/dev/null || { echo "e2e: the application did not start:" >&2; tail -50 "$work/app.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://localhost:$port/actuator/health" >/dev/null || { echo "e2e: application not healthy in 120 s" >&2; tail -50 "$work/app.log" >&2; exit 1; }

mkdir -p screenshots
E2E_BASE_URL="http://localhost:$port" node --test --test-concurrency=1 *.test.mjs
