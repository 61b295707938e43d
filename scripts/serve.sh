#!/usr/bin/env bash
# Command one: installs what is missing, builds the app and serves it on
# http://127.0.0.1:8080/ (rebuilding on every change). PORT=… to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
port="${PORT:-8080}"
echo "Supportcalc: http://127.0.0.1:$port/"
exec trunk serve --offline --address 127.0.0.1 --port "$port" "$@"
