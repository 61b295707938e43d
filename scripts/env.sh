# Sourced by the other scripts: puts cargo's tools and the npm-installed
# wasm-opt on PATH and tells Trunk not to look for updates (no internet here).
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROME_PATH=/usr/bin/chromium
# A panic's location names its source file, and those of the crates from the
# registry start with cargo's home ("/root/.cargo/registry/src/index.crates.io-
# 1949cf8c6b5b557f/tachys-0.2.19/src/dom.rs"): about 1.5 KB of the first
# screen's wasm spent on where this machine keeps its cargo, and bytes that
# change with it. Remapped to the crate's own path ("tachys-0.2.19/src/dom.rs"),
# the same wherever cargo's home and the checkout are. Set here, as
# .cargo/config.toml cannot compute a path; cargo adds these to that file's
# wasm32 rustflags. Set, not appended: sourcing this twice must not change
# the flags (which would rebuild everything).
_cargo_home="${CARGO_HOME:-$HOME/.cargo}"
_remap="--remap-path-prefix=$PWD/="
for _src in "$_cargo_home"/registry/src/*/ "$_cargo_home"/git/checkouts/*/*/; do
  [ -d "$_src" ] && _remap="$_remap --remap-path-prefix=$_src="
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$_remap"
unset _cargo_home _remap _src
