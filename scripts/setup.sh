#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already
# there at the right version. Safe to run again: a second run takes seconds.
# Versions are pinned because these machines reach only the package
# registries (see ../shared/TOOLCHAIN.md): nothing may be downloaded at build time.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.0-beta.1
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4

step() { printf '\n== setup: %s\n' "$*"; }

step "rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "present"
else
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; then
  echo "present"
else
  # no --locked: its lock file names a webpki-roots the registry lacks
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

step "trunk $TRUNK_VERSION"
if command -v trunk >/dev/null && trunk --version | grep -q "$TRUNK_VERSION"; then
  echo "present"
else
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

step "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
# It has no --version: cargo's list of installed crates says which.
if command -v wasm-split-cli >/dev/null \
  && cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "present"
else
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

step "chromium and chromedriver (Debian)"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "present"
else
  apt_prefix=""
  [ "$(id -u)" -eq 0 ] || apt_prefix="sudo"
  $apt_prefix apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_prefix apt-get install -y -qq chromium chromium-driver
fi

step "a Japanese font (Debian), so Japanese renders in screenshots"
if fc-list :lang=ja 2>/dev/null | grep -q .; then
  echo "present"
else
  apt_prefix=""
  [ "$(id -u)" -eq 0 ] || apt_prefix="sudo"
  $apt_prefix apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_prefix apt-get install -y -qq fonts-ipafont-gothic
fi

step "npm packages (binaryen, Playwright, axe-core, Lighthouse, terser)"
if [ -d e2e/node_modules ] && (cd e2e && npm ls --depth=0 >/dev/null 2>&1); then
  echo "present"
else
  (cd e2e && npm ci --no-audit --no-fund)
fi

step "crates"
cargo fetch --locked
echo "done"
