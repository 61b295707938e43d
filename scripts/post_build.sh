#!/usr/bin/env bash
# Trunk's post-build hook. Trunk runs the hooks of a stage at the same time,
# so this one runs the steps in their order: the wasm is split into chunks
# first, then the header drawn before the wasm gets its texts (index.html),
# then the service worker is written with every file, chunks too.
# A failed step fails the build: Trunk's unsplit output alone would import
# a module that does not exist.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/split.mjs
node scripts/first_screen.mjs
node scripts/pwa.mjs
