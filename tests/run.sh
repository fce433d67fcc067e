#!/usr/bin/env bash
# Runs every test of kyoyu on a fresh Debian machine, installing what is missing:
#   1. formatting and lints of the whole workspace (cargo fmt --check, clippy -D warnings),
#   2. the Rust tests of every crate (core's unit, property and fixture tests; site-gen's),
#   3. one build of dist/ (site + the form filler compiled to wasm32) by the site-gen binary the
#      tests just built (`cargo run` would build its dependencies again with other features),
#   4. the browser tests in a real headless Chromium (Debian's chromium, driven by playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n== %s\n' "$*"; }

say "setup"
if ! rustc --print target-list >/dev/null 2>&1; then echo "Rust (rustup) が必要です: https://rustup.rs" >&2; exit 1; fi
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
  if command -v rustup >/dev/null; then rustup target add wasm32-unknown-unknown
  else echo "wasm32-unknown-unknown ターゲットがありません。rustup target add wasm32-unknown-unknown を実行してください" >&2; exit 1; fi
fi
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium がありません。sudo apt-get install chromium を実行してください" >&2; exit 1
  fi
fi
# The print tests: poppler-utils (pdfinfo, pdftotext) read back the PDFs Chromium prints, and a
# Japanese font (IPAex) lets the forms print as text rather than as empty boxes.
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils fonts-ipaexfont-mincho fonts-ipaexfont-gothic >/dev/null
  else
    echo "pdftotext・pdfinfo か日本語フォントがありません。sudo apt-get install poppler-utils fonts-ipaexfont-mincho fonts-ipaexfont-gothic を実行してください" >&2; exit 1
  fi
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "Node.js と npm が必要です: sudo apt-get install nodejs npm" >&2; exit 1
  fi
fi
npm ci --no-audit --no-fund --loglevel=error

say "format and lints"
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  if command -v rustup >/dev/null; then rustup component add rustfmt clippy
  else echo "rustfmt と clippy が必要です: rustup component add rustfmt clippy" >&2; exit 1; fi
fi
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings

say "Rust tests"
cargo test --workspace

say "build dist (once, reused by every browser test)"
export KYOYU_DIST="$PWD/target/test-dist"
export KYOYU_SITE_GEN="$PWD/target/debug/site-gen"
"$KYOYU_SITE_GEN" build --out "$KYOYU_DIST"

say "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
