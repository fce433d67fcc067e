#!/usr/bin/env bash
# Lighthouse 12.2.3 (pinned in bench/package-lock.json) on kyoyu's own site: content/ and the app
# in its release profile (wasm-release, wasm-opt -Oz) built into target/lighthouse-dist, served by
# `site-gen serve --no-build` (the deployment's headers), measured with Lighthouse's default
# settings (mobile, simulated throttling) in headless Chromium. A measurement, not a test.
#
#   bash bench/lighthouse.sh                 # /app/
#   bash bench/lighthouse.sh /app/ / /handbook/
#
# Prints, per page, the four category scores and LCP, TBT and CLS; the reports are kept in
# bench/out/lighthouse-site-*.json. Everything heavy runs under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."
NICE=(nice -n 19)
PORT=${PORT:-8097}
OUT=target/lighthouse-dist
[ "$#" -gt 0 ] || set -- /app/

[ -x bench/node_modules/.bin/lighthouse ] || "${NICE[@]}" npm ci --prefix bench --no-audit --no-fund
# site-gen itself in the dev profile (it only builds and serves files here); the app it builds
# is the release one whatever KYOYU_APP_PROFILE says.
"${NICE[@]}" cargo build -q -p kyoyu-site-gen
KYOYU_APP_PROFILE=wasm-release "${NICE[@]}" target/debug/site-gen build --out "$OUT"

mkdir -p bench/out
target/debug/site-gen serve --no-build --out "$OUT" --port "$PORT" 2>bench/out/lighthouse-site-serve.log &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

for path in "$@"; do
  name=$(echo "$path" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*//; s/-*$//')
  report=bench/out/lighthouse-site-${name:-home}.json
  CHROME_PATH=/usr/bin/chromium "${NICE[@]}" bench/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$path" \
    --output=json --output-path="$report" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = Object.entries(r.categories).map(([k, v]) => `${k} ${Math.round(v.score * 100)}`).join(", ");
    const a = (id) => r.audits[id].numericValue;
    console.log(`${process.argv[2]}: ${s}; LCP ${Math.round(a("largest-contentful-paint"))} ms, TBT ${Math.round(a("total-blocking-time"))} ms, CLS ${a("cumulative-layout-shift").toFixed(3)}`);
  ' "$report" "$path"
done
