#!/usr/bin/env bash
# Converts this application to Operaton (convert.sh) and runs Maven on the converted copy:
#   bash tools/operaton/build.sh -B verify      # the whole test suite on Operaton
#   bash tools/operaton/build.sh -B -DskipTests package && java -jar target/operaton/target/aftersales-flow-operaton-*.jar
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/operaton/convert.sh
exec mvn -f target/operaton/pom.xml "$@"
