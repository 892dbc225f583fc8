#!/usr/bin/env bash
# Lints the project's BPMN, DMN and form files and its Modeler element
# templates for Camunda Platform 7.24.
#
#   bash tools/lint/run.sh [path...]
#
# Paths are resolved against the repository root (default: processes/,
# forms/ and .camunda/element-templates/). Installs the pinned npm packages
# and builds the bundle when needed.
# Exit code 1 when any error is found.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# resolve the arguments against the repository root before leaving it
args=()
for arg in "$@"; do
  case "$arg" in
    -*|/*) args+=("$arg") ;;
    *) args+=("$root/$arg") ;;
  esac
done

cd "$here"

if ! command -v node >/dev/null 2>&1; then
  echo "lint: node is not installed (needs node >= 20.12 and npm)" >&2
  exit 2
fi

# (re)install when node_modules is missing or older than the lock file
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund
  touch node_modules
fi

# (re)build the bundle when it is missing or older than the installed packages
if [ ! -f dist/camunda-linting.mjs ] || [ node_modules -nt dist/camunda-linting.mjs ] \
   || [ src/bundle-entry.js -nt dist/camunda-linting.mjs ] || [ build.mjs -nt dist/camunda-linting.mjs ]; then
  npm run --silent build
fi

exec node lint.mjs ${args[@]+"${args[@]}"}
