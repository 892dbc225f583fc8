#!/usr/bin/env bash
# Checks what can be checked of docker/ on a machine without a Docker engine:
#  1. compose.yaml parses and validates (docker-compose config), with its services and node names;
#  2. nginx.conf is valid nginx syntax (nginx -t, upstream hosts pointed at loopback);
#  3. the Dockerfile's build steps (mvn package, layer extraction) are the ones run here,
#     and the extracted layers hold what the image's COPY and ENTRYPOINT lines expect.
# The topology itself (two nodes, one database, this nginx.conf) runs in ClusterIT (mvn verify).
# Needs docker-compose and nginx (Debian packages) and a packaged jar in target/.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "docker check: $*" >&2; exit 1; }

DB_PASSWORD=check-only AFTERSALES_ADMIN_PASSWORD=check-only \
  docker-compose -f docker/compose.yaml config -q || fail "compose.yaml does not validate"
# read once: grep -q closing the pipe early would fail the pipeline (pipefail) at random
services=$(DB_PASSWORD=x AFTERSALES_ADMIN_PASSWORD=x docker-compose -f docker/compose.yaml config --services)
for service in db app1 app2 nginx; do
  grep -qx "$service" <<<"$services" || fail "compose.yaml has no service $service"
done
config=$(DB_PASSWORD=x AFTERSALES_ADMIN_PASSWORD=x docker-compose -f docker/compose.yaml config)
for node in app1 app2; do
  grep -q "AFTERSALES_NODE_NAME: $node" <<<"$config" || fail "compose.yaml does not name node $node (AFTERSALES_NODE_NAME)"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/server app[12]:8080/server 127.0.0.1:8080/' docker/nginx.conf > "$tmp/nginx.conf"
nginx -t -q -c "$tmp/nginx.conf" -p "$tmp" -g "pid $tmp/nginx.pid; error_log $tmp/error.log;" \
  || fail "nginx.conf is not valid"

grep -q 'mvn -B -q -DskipTests package' docker/Dockerfile || fail "Dockerfile no longer builds with mvn package"
grep -q 'extract --layers --launcher --destination extracted' docker/Dockerfile || fail "Dockerfile no longer extracts layers"
grep -qE '^USER aftersales' docker/Dockerfile || fail "Dockerfile does not run as the non-root user"
jar=$(ls target/aftersales-flow-*.jar 2>/dev/null | grep -v original | head -1)
[ -n "$jar" ] || fail "no packaged jar in target/: run mvn package first"
java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination "$tmp/extracted" >/dev/null
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  [ -d "$tmp/extracted/$layer" ] || fail "layer $layer missing from the extracted jar"
done
[ -f "$tmp/extracted/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class" ] \
  || fail "the entrypoint class JarLauncher is not in the spring-boot-loader layer"
[ -d "$tmp/extracted/application/BOOT-INF/classes/org/aftersales" ] || fail "the application layer holds no application classes"
echo "docker check: compose file, nginx config and image build steps OK"
