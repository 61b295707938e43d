# Sourced by the other scripts: puts cargo's tools and the npm-installed
# wasm-opt on PATH and tells Trunk not to look for updates (no internet here).
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROME_PATH=/usr/bin/chromium
