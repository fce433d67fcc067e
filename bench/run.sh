#!/usr/bin/env bash
# kyoyu's benchmarks: site-gen vs Hugo vs Zola vs mdBook on a flat corpus and one in folders,
# one-page rebuilds in serve, the app bundle's size against a hello-world Leptos app,
# Lighthouse. Not part of the tests.
#
#   bash bench/run.sh                 # the full run (1,000 and 10,000 pages; ~1 h on 2 shared cores)
#   bash bench/run.sh --quick         # a smoke test: 100 and 300 pages, 2 runs, fewer edits
#   bash bench/run.sh --sizes 1000 --runs 3 --skip lighthouse,attribution
#   bash bench/run.sh --tools site-gen,hugo,zola --skip bundle,attribution,lighthouse
#
# Every other option goes to bench/bench.py (see `python3 bench/bench.py --help`).
# Results: bench/out/results.md (printed) and bench/out/results.json. Exit status: 0, 1 when
# the app bundle is over budget (wasm+JS gzipped > 3x hello-world), 2 when a step failed.
# Everything heavy runs under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NICE=(nice -n 19)
MDBOOK_VERSION=0.5.4
ZOLA_VERSION=0.22.1
ZOLA_SOURCE=https://github.com/getzola/zola

args=()
tools=site-gen,hugo,zola,mdbook
skip=
prev=
for a in "$@"; do
  case "$prev" in --tools) tools=$a ;; --skip) skip=$a ;; esac
  prev=$a
  case "$a" in
    --quick) args+=(--sizes 100,300 --runs 2 --warmup 0 --edits 2 --mdbook-runs-large 1) ;;
    -h|--help) sed -n '2,14p' "$0"; exec python3 bench/bench.py --help ;;
    *) args+=("$a") ;;
  esac
done
wants() { [[ ",$tools," == *",$1,"* ]]; }
skips() { [[ ",$skip," == *",$1,"* ]]; }

say() { echo "bench: $*" >&2; }

# Debian tools: hugo, hyperfine, GNU time, brotli, chromium (installed when missing, as root).
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v brotli >/dev/null || missing+=(brotli)
command -v gzip >/dev/null || missing+=(gzip)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "apt-get install ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing: ${missing[*]} (install them with apt-get)"; exit 2
  fi
fi

# mdBook, pinned, cached in bench/.tools.
if wants mdbook && { ! [ -x bench/.tools/bin/mdbook ] || ! bench/.tools/bin/mdbook --version | grep -q "v$MDBOOK_VERSION"; }; then
  say "cargo install mdbook $MDBOOK_VERSION"
  "${NICE[@]}" cargo install mdbook --version "$MDBOOK_VERSION" --locked --root bench/.tools
fi

# Zola is not published on crates.io (`cargo install zola` fails): a `zola` on the PATH, or one
# built once from its tagged source into bench/.tools/bin (cargo build --release --locked; about
# half an hour on 2 shared cores). Without git or the network, bench.py says Zola is missing.
if wants zola && ! command -v zola >/dev/null && ! [ -x bench/.tools/bin/zola ]; then
  src=bench/.tools/src/zola-$ZOLA_VERSION
  if [ -d "$src" ] || git clone --quiet --depth 1 --branch "v$ZOLA_VERSION" "$ZOLA_SOURCE" "$src"; then
    say "building zola $ZOLA_VERSION from $src"
    if "${NICE[@]}" cargo build --release --locked --manifest-path "$src/Cargo.toml" --target-dir bench/.tools/target/zola; then
      mkdir -p bench/.tools/bin && cp bench/.tools/target/zola/release/zola bench/.tools/bin/zola
    fi
  fi
  [ -x bench/.tools/bin/zola ] || say "zola $ZOLA_VERSION could not be built: the report says it was not measured"
fi

# Lighthouse, pinned in bench/package-lock.json; wasm-opt (binaryen) from the project's own npm ci.
skips lighthouse || [ -x bench/node_modules/.bin/lighthouse ] || "${NICE[@]}" npm ci --prefix bench --no-audit --no-fund
[ -x node_modules/.bin/wasm-opt ] || "${NICE[@]}" npm ci --no-audit --no-fund

# site-gen, release.
"${NICE[@]}" cargo build --release -p kyoyu-site-gen

zola=$(command -v zola || echo bench/.tools/bin/zola)
say "hugo $(hugo version | cut -d' ' -f2), $($zola --version 2>/dev/null || echo 'no zola'), $(hyperfine --version), $(bench/.tools/bin/mdbook --version 2>/dev/null || echo 'no mdbook'), lighthouse $(bench/node_modules/.bin/lighthouse --version 2>/dev/null || echo '-')"
exec "${NICE[@]}" python3 bench/bench.py "${args[@]}"
