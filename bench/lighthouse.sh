#!/usr/bin/env bash
# Lighthouse 12.2.3 (pinned in bench/package-lock.json) on kyoyu's own site: content/ and the app
# in its release profile (wasm-release, wasm-opt -Oz) built into target/lighthouse-dist, served by
# `site-gen serve --no-build` (the deployment's headers), measured with Lighthouse's default
# settings (mobile, simulated throttling) in headless Chromium. A measurement, not a test.
#
#   bash bench/lighthouse.sh                 # /app/
#   bash bench/lighthouse.sh /app/ / /handbook/
#   RUNS=5 bash bench/lighthouse.sh /app/    # five runs a page (default 3)
#
# Prints, per page and run, the four category scores, LCP, TBT, CLS and the long main-thread tasks
# (simulated, ms: what TBT sums), then the median run by performance score and TBT. The scores
# move from run to run with the load of the machine (the simulation multiplies each task's
# observed duration by 4): compare medians on a quiet machine. The reports are kept in
# bench/out/lighthouse-site-<page>-<run>.json. Everything heavy runs under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."
NICE=(nice -n 19)
PORT=${PORT:-8097}
RUNS=${RUNS:-3}
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
  reports=()
  for run in $(seq "$RUNS"); do
    report=bench/out/lighthouse-site-${name:-home}-$run.json
    rm -f "$report"
    CHROME_PATH=/usr/bin/chromium "${NICE[@]}" bench/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$path" \
      --output=json --output-path="$report" --quiet \
      --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync" || true
    reports+=("$report")
  done
  node -e '
    const [path, ...files] = process.argv.slice(1);
    const fs = require("fs");
    const runs = files.map((f) => fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : { runtimeError: { code: "no report" } });
    const line = (r) => {
      const s = Object.entries(r.categories).map(([k, v]) => `${k} ${Math.round(v.score * 100)}`).join(", ");
      const a = (id) => r.audits[id].numericValue;
      const long = (r.audits["long-tasks"].details?.items || []).map((t) => `${Math.round(t.duration)} ${t.url.split("/").pop() || t.url}`).join("; ");
      return `${s}; LCP ${Math.round(a("largest-contentful-paint"))} ms, TBT ${Math.round(a("total-blocking-time"))} ms, CLS ${a("cumulative-layout-shift").toFixed(3)}; long tasks: ${long || "none"}`;
    };
    runs.forEach((r, i) => console.log(`${path} run ${i + 1}: ${r.runtimeError ? `failed (${r.runtimeError.code})` : line(r)}`));
    const done = runs.filter((r) => !r.runtimeError);
    if (!done.length) process.exit(1);
    const key = (r) => [r.categories.performance.score, -r.audits["total-blocking-time"].numericValue];
    const sorted = [...done].sort((x, y) => { const [a, b] = [key(x), key(y)]; return a[0] - b[0] || a[1] - b[1]; });
    console.log(`${path} median of ${done.length}: ${line(sorted[Math.floor((sorted.length - 1) / 2)])}`);
  ' "$path" "${reports[@]}"
done
