#!/usr/bin/env python3
"""kyoyu's benchmark driver (called by bench/run.sh, which installs the tools first).

Steps (each can be skipped with --skip):
  build        site-gen vs Hugo vs Zola vs mdBook on generated corpora (flat and in folders),
               interleaved rounds of hyperfine: wall time, CPU, peak memory, output bytes
  incremental  site-gen serve on the largest corpora: one page changes, the rebuild's logged ms
  bundle       the app's wasm/JS/CSS vs a hello-world Leptos app built by the same pipeline
  lighthouse   Lighthouse on the home page, a chapter, the cause taxonomy and the app
Results: bench/out/results.json and bench/out/results.md (printed). Exit status 1 when the
app bundle is over its budget (3x hello-world, gzipped wasm+JS), 2 when a step failed.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(BENCH, "out")
SITE_GEN = os.path.join(ROOT, "target", "release", "site-gen")
MDBOOK = os.path.join(BENCH, ".tools", "bin", "mdbook")
# Zola is not on crates.io: a `zola` on the PATH, else the one bench/run.sh builds into bench/.tools.
ZOLA = shutil.which("zola") or os.path.join(BENCH, ".tools", "bin", "zola")
TOOLS = ["site-gen", "hugo", "zola", "mdbook"]
NICE = ["nice", "-n", "19"]
BUDGET = 3.0


def stop(proc):
    """Stops a server started for a step: SIGTERM, then SIGKILL after 10 s."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, check=True, **kw)


# What a timed build replaces is moved aside, not deleted, and deleted once nothing is timed any
# more: ext4 skips recently freed inodes when it allocates new ones (`recently_deleted`, a scan
# of the inode table per file created), so a build started right after `rm -rf` of 10,000
# folders spends seconds in the kernel — more than the build itself, and a different amount for
# each tool depending on what ran before it.
TRASH = os.path.join(OUT, "trash")


def set_aside(path):
    if os.path.lexists(path):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(path, os.path.join(TRASH, f"{len(os.listdir(TRASH))}-{os.path.basename(path)}"))


def empty_trash():
    shutil.rmtree(TRASH, ignore_errors=True)


def count_pages(d):
    return sum(1 for _, _, fs in os.walk(d) for f in fs if f.endswith(".html"))


def du(d):
    return sum(os.path.getsize(os.path.join(p, f)) for p, _, fs in os.walk(d) for f in fs)


def tool_versions(tools):
    """The version line of each tool of the build step."""
    cmds = {"site-gen": [SITE_GEN, "--version"], "hugo": ["hugo", "version"], "zola": [ZOLA, "--version"],
            "mdbook": [MDBOOK, "--version"]}
    out = {}
    for t in tools:
        try:
            out[t] = subprocess.run(cmds[t], capture_output=True, text=True, check=True).stdout.strip().split("\n")[0]
        except (OSError, subprocess.CalledProcessError) as e:
            out[t] = f"unavailable ({e})"
    return out


# ---------------------------------------------------------------- corpus

def corpus(pages, seed, shape):
    d = os.path.join(OUT, f"corpus-{shape}-{pages}")
    stamp = os.path.join(d, "stamp.json")
    want = {"pages": pages, "seed": seed, "shape": shape, "generator": os.path.getmtime(os.path.join(BENCH, "gen_corpus.py"))}
    if os.path.exists(stamp):
        with open(stamp) as f:
            if json.load(f) == want:
                return d
    run(NICE + [sys.executable, os.path.join(BENCH, "gen_corpus.py"), "--pages", str(pages), "--seed", str(seed),
                "--shape", shape, "--out", d])
    with open(stamp, "w") as f:
        json.dump(want, f)
    return d


# ---------------------------------------------------------------- build

def tool_cmds(c, o):
    """The build commands for corpus c, output folder o (absolute paths, no shell)."""
    return {
        "site-gen": [SITE_GEN, "build", "--root", ROOT, "--content", f"{c}/site", "--out", f"{o}/site-gen", "--no-app"],
        "hugo": ["hugo", "--source", f"{BENCH}/hugo", "--contentDir", f"{c}/site", "--destination", f"{o}/hugo",
                 "--cacheDir", f"{o}/hugo-cache", "--noBuildLock", "--quiet"],
        "zola": [ZOLA, "--root", f"{c}/zola", "build", "--output-dir", f"{o}/zola"],
        "mdbook": [MDBOOK, "build", f"{c}/mdbook", "--dest-dir", f"{o}/mdbook"],
    }


def bench_build(sizes, shapes, seed, runs, warmup, runs_large, mdbook_runs_large, mdbook_max, large, only_tools, errors):
    results = []
    for shape, n in [(shape, n) for n in sizes for shape in shapes]:
        # One corpus failing (a tool's error, a full disk) is reported; the others are still measured.
        try:
            results += build_one(shape, n, seed, runs, warmup, runs_large, mdbook_runs_large, mdbook_max, large, only_tools)
        except Exception as e:
            log(f"build of {n} pages ({shape}) failed: {e}")
            errors.append(f"build, {n} pages ({shape}): {e}")
            if n >= large:
                set_aside(os.path.join(OUT, f"build-{shape}-{n}"))
    return results


def build_one(shape, n, seed, runs, warmup, runs_large, mdbook_runs_large, mdbook_max, large, only_tools):
    results = []
    c = corpus(n, seed, shape)
    o = os.path.join(OUT, f"build-{shape}-{n}")
    os.makedirs(o, exist_ok=True)
    cmds = {t: v for t, v in tool_cmds(c, o).items() if t in only_tools and not (t == "mdbook" and n > mdbook_max)}
    want = {t: runs for t in cmds}
    if n >= large:
        # A build of 10,000 pages takes minutes here: fewer runs, and no warm-up round (the
        # corpus was just written or read, so it is in the page cache for every tool).
        want = {t: min(runs, runs_large) for t in cmds}
        if "mdbook" in want:
            want["mdbook"] = min(runs, mdbook_runs_large)
    warm = 0 if n >= large else warmup
    times = {t: [] for t in cmds}
    rss = {t: [] for t in cmds}
    cpu = {t: [] for t in cmds}
    usr = {t: [] for t in cmds}
    tools = list(cmds)
    # Rounds: each round runs every tool once (hyperfine --runs 1), rotating the order, so that
    # the machine's load (2 cores shared with others' builds) falls on all tools alike.
    total_rounds = warm + max(want.values())
    for r in range(total_rounds):
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        for t in order:
            is_warmup = r < warm
            if not is_warmup and len(times[t]) >= want[t]:
                continue
            mem = os.path.join(o, f"{t}.rss")
            js = os.path.join(o, f"{t}.json")
            cmd = ["/usr/bin/time", "-f", "%M,%U,%S", "-o", mem] + cmds[t]
            set_aside(os.path.join(o, t))
            subprocess.run(NICE + ["hyperfine", "-N", "--runs", "1", "--style", "basic", "--export-json", js,
                                   " ".join(cmd)], check=True, stdout=subprocess.DEVNULL)
            with open(js) as f:
                secs = json.load(f)["results"][0]["times"][0]
            with open(mem) as f:
                kb, user, sys_ = f.read().split()[-1].split(",")
                kb, cpu_s, user_s = int(kb), float(user) + float(sys_), float(user)
            label = "warm-up" if is_warmup else f"run {len(times[t]) + 1}/{want[t]}"
            log(f"{n} pages ({shape}), {t}, {label}: {secs * 1000:.0f} ms, CPU {cpu_s * 1000:.0f} ms, max RSS {kb / 1024:.0f} MiB")
            if not is_warmup:
                times[t].append(secs)
                rss[t].append(kb)
                cpu[t].append(cpu_s)
                usr[t].append(user_s)
    for t in tools:
        results.append({
            "pages": n, "shape": shape, "tool": t, "runs": len(times[t]), "times_s": times[t],
            "median_s": statistics.median(times[t]), "min_s": min(times[t]), "max_s": max(times[t]),
            "ms_per_page": statistics.median(times[t]) * 1000 / n,
            "max_rss_mib": max(rss[t]) / 1024, "cpu_s": cpu[t], "median_cpu_s": statistics.median(cpu[t]), "median_user_s": statistics.median(usr[t]),
            "html_files": count_pages(os.path.join(o, t)), "out_bytes": du(os.path.join(o, t)),
            "out_mib": du(os.path.join(o, t)) / 1024 / 1024,
        })
    if n >= large:
        set_aside(o)  # deleted at the end of the run
    return results

# ---------------------------------------------------------------- incremental

def bench_incremental(n, shape, seed, port, edits):
    c = corpus(n, seed, shape)
    root = os.path.join(OUT, "serve-root")  # an empty root: serve watches <root>/app and <root>/core
    os.makedirs(root, exist_ok=True)
    link = os.path.join(root, "public")
    if not os.path.islink(link):
        os.symlink(os.path.join(ROOT, "public"), link)
    out = os.path.join(OUT, f"serve-{shape}-{n}")
    logf = os.path.join(OUT, f"serve-{shape}-{n}.log")
    cmd = NICE + [SITE_GEN, "serve", "--root", root, "--content", f"{c}/site", "--out", out, "--no-app", "--port", str(port)]
    log("$ " + " ".join(cmd))
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(c, "site")) for f in fs
                   if f.endswith(".md") and f != "_part.md")
    picks = [files[(i * 7919) % len(files)] for i in range(edits)]
    backups = {p: open(p, encoding="utf-8").read() for p in picks}
    res = {"pages": n, "shape": shape, "edits": []}
    with open(logf, "w") as lf:
        proc = subprocess.Popen(cmd, stdout=lf, stderr=lf)
    try:
        def lines():
            with open(logf, encoding="utf-8") as f:
                return f.read().splitlines()

        def wait_for(pred, timeout):
            t0 = time.monotonic()
            while time.monotonic() - t0 < timeout:
                ls = lines()
                hit = [l for l in ls if pred(l)]
                if hit:
                    return hit
                if proc.poll() is not None:
                    raise RuntimeError(f"site-gen serve exited: {ls[-3:]}")
                time.sleep(0.02)
            raise RuntimeError(f"timeout waiting for site-gen serve ({logf})")

        def wait_rebuild(before, timeout):
            t0 = time.monotonic()
            while time.monotonic() - t0 < timeout:
                hits = [l for l in lines() if "再構築" in l]
                if len(hits) > before:
                    return hits[before]
                if proc.poll() is not None:
                    raise RuntimeError("site-gen serve exited")
                time.sleep(0.01)
            raise RuntimeError(f"timeout waiting for a rebuild ({logf})")

        wait_for(lambda l: "配信中" in l, 1800)
        first = [l for l in lines() if "ファイルを生成しました" in l]
        m = re.search(r"\((\d+) ms\)", first[0]) if first else None
        res["initial_build_ms"] = int(m.group(1)) if m else None
        time.sleep(1.0)
        for i, p in enumerate(picks):
            before = len([l for l in lines() if "再構築" in l])
            t0 = time.monotonic()
            with open(p, "a", encoding="utf-8") as f:
                f.write(f"\n追記 {i}: 一つのページを変更しました。\n")
            line = wait_rebuild(before, 600)
            wall = (time.monotonic() - t0) * 1000
            m = re.search(r"(\d+) ms", line)
            if not m:
                raise RuntimeError(f"rebuild failed: {line}")
            res["edits"].append({"file": os.path.relpath(p, c), "logged_ms": int(m.group(1)), "wall_ms": round(wall)})
            log(f"incremental {i + 1}/{edits}: {line.strip()} (wall {wall:.0f} ms from write to log line)")
            time.sleep(1.0)
    finally:
        stop(proc)
        for p, text in backups.items():
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        set_aside(out)
    ms = [e["logged_ms"] for e in res["edits"]]
    res["median_logged_ms"] = statistics.median(ms)
    res["median_wall_ms"] = statistics.median(e["wall_ms"] for e in res["edits"])
    return res


# ---------------------------------------------------------------- bundle

def compressed(path):
    raw = os.path.getsize(path)
    gz = len(subprocess.run(["gzip", "-9", "-c", path], check=True, capture_output=True).stdout)
    br = len(subprocess.run(["brotli", "-c", "-q", "11", path], check=True, capture_output=True).stdout)
    return raw, gz, br


def app_assets(site):
    """The files /app/ loads at start: stylesheets, scripts, and what the loader script imports (glue, wasm)."""
    html = open(os.path.join(site, "app", "index.html"), encoding="utf-8").read()
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', html)
    refs += re.findall(r'<script[^>]+src="([^"]+)"', html)
    return follow_assets(site, refs)


def on_demand_assets(site):
    """What /app/ fetches on first use only: the second module (workbook, e-mail, zip writers) that
    `#app-root[data-deliver]` names, with what its entry script imports."""
    html = open(os.path.join(site, "app", "index.html"), encoding="utf-8").read()
    at_start = {u for u, _ in app_assets(site)}
    return [(u, p) for u, p in follow_assets(site, re.findall(r'data-deliver="([^"]+)"', html)) if u not in at_start]


def follow_assets(site, refs):
    """The files `refs` name, and what the scripts among them import."""
    seen, files = set(), []
    queue = list(dict.fromkeys(refs))
    while queue:
        u = queue.pop(0)
        if u in seen or not u.startswith("/"):
            continue
        seen.add(u)
        p = os.path.join(site, u.lstrip("/"))
        if not os.path.isfile(p):
            continue
        files.append((u, p))
        if p.endswith(".js"):
            js = open(p, encoding="utf-8", errors="replace").read()
            queue += [x for x in re.findall(r'["\'](/assets/[^"\']+\.(?:js|wasm))["\']', js)]
    return files


def measure_site(site, assets=app_assets):
    rows = {}
    for u, p in assets(site):
        kind = "wasm" if p.endswith(".wasm") else "JS" if p.endswith(".js") else "CSS" if p.endswith(".css") else "other"
        raw, gz, br = compressed(p)
        rows.setdefault(kind, {"raw": 0, "gzip": 0, "brotli": 0, "files": []})
        r = rows[kind]
        r["raw"] += raw
        r["gzip"] += gz
        r["brotli"] += br
        r["files"].append(u)
    return rows


def wasm_sections(path):
    """Section sizes of a wasm file: {name: bytes}."""
    data = open(path, "rb").read()
    names = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
             7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}
    i, out = 8, {}
    while i < len(data):
        sid = data[i]
        i += 1
        size, shift = 0, 0
        while True:
            b = data[i]
            i += 1
            size |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                break
        name = names.get(sid, str(sid))
        if sid == 0:
            nl, shift, j = 0, 0, i
            while True:
                b = data[j]
                j += 1
                nl |= (b & 0x7F) << shift
                shift += 7
                if b < 0x80:
                    break
            name = "custom:" + data[j:j + nl].decode("utf-8", "replace")
        out[name] = out.get(name, 0) + size
        i += size
    return out


def bench_bundle(skip_real_build):
    site = os.path.join(OUT, "site")
    hello_site = os.path.join(OUT, "hello-site")
    env = dict(os.environ)
    env["PATH"] = os.path.join(ROOT, "node_modules", ".bin") + os.pathsep + env["PATH"]
    if not skip_real_build:
        run(NICE + ["cargo", "run", "--release", "-p", "kyoyu-site-gen", "--", "build", "--out", site], cwd=ROOT, env=env)
    # The hello-world app through the same pipeline: site-gen's own bundle step, with the hello
    # app's folder as --root (it builds the `kyoyu-app` package there; see bench/hello-app/Cargo.toml).
    henv = dict(env)
    henv["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "bench-hello")
    run(NICE + [SITE_GEN, "build", "--root", os.path.join(BENCH, "hello-app"), "--content", os.path.join(ROOT, "content"),
                "--out", hello_site], cwd=ROOT, env=henv)
    real, hello = measure_site(site), measure_site(hello_site)
    res = {"real": real, "hello": hello, "on_demand": measure_site(site, on_demand_assets)}
    for k in ("raw", "gzip", "brotli"):
        res[f"app_{k}"] = sum(real.get(t, {}).get(k, 0) for t in ("wasm", "JS"))
        res[f"hello_{k}"] = sum(hello.get(t, {}).get(k, 0) for t in ("wasm", "JS"))
    res["ratio_gzip"] = res["app_gzip"] / res["hello_gzip"]
    res["over_budget"] = res["ratio_gzip"] > BUDGET
    wasm = [p for u, p in app_assets(site) if p.endswith(".wasm")]
    hwasm = [p for u, p in app_assets(hello_site) if p.endswith(".wasm")]
    res["sections"] = wasm_sections(wasm[0]) if wasm else {}
    res["hello_sections"] = wasm_sections(hwasm[0]) if hwasm else {}
    return res


def attribution(env_extra=None):
    """Code bytes per crate of the real app, from an unstripped build of the same profile."""
    tdir = os.path.join(ROOT, "target", "bench-names")
    env = dict(os.environ)
    env["CARGO_PROFILE_WASM_RELEASE_STRIP"] = "false"
    run(NICE + ["cargo", "build", "-p", "kyoyu-app", "--target", "wasm32-unknown-unknown", "--profile", "wasm-release",
                "--target-dir", tdir], cwd=ROOT, env=env)
    wasm = os.path.join(tdir, "wasm32-unknown-unknown", "wasm-release", "kyoyu-app.wasm")
    return crate_sizes(wasm)


def leb(data, i):
    v, s = 0, 0
    while True:
        b = data[i]
        i += 1
        v |= (b & 0x7F) << s
        s += 7
        if b < 0x80:
            return v, i


def crate_sizes(path):
    data = open(path, "rb").read()
    i, imports, bodies, names = 8, 0, [], {}
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if sid == 2:  # imports: count function imports (they come first in the function index space)
            n, j = leb(data, i)
            for _ in range(n):
                l, j = leb(data, j)
                j += l
                l, j = leb(data, j)
                j += l
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
                elif kind == 4:
                    j += 1
                    _, j = leb(data, j)
        elif sid == 10:
            n, j = leb(data, i)
            for _ in range(n):
                sz, j2 = leb(data, j)
                bodies.append(sz + (j2 - j))
                j = j2 + sz
        elif sid == 0:
            l, j = leb(data, i)
            if data[j:j + l] == b"name":
                j += l
                while j < end:
                    sub = data[j]
                    ssz, j = leb(data, j + 1)
                    if sub == 1:
                        n, k = leb(data, j)
                        for _ in range(n):
                            idx, k = leb(data, k)
                            l2, k = leb(data, k)
                            names[idx] = data[k:k + l2].decode("utf-8", "replace")
                            k += l2
                    j += ssz
        i = end
    by_crate = {}
    for n, sz in enumerate(bodies):
        name = names.get(n + imports, "?")
        by_crate.setdefault(crate_of(name), 0)
        by_crate[crate_of(name)] += sz
    total = sum(bodies)
    top = sorted(by_crate.items(), key=lambda kv: -kv[1])[:15]
    return {"code_bytes": total, "functions": len(bodies), "named": len(names),
            "top": [{"crate": k, "bytes": v, "share": v / total} for k, v in top]}


def crate_of(name):
    """The crate of a Rust symbol (legacy-mangled `_ZN…`, v0 `_R…` or demangled), roughly: for
    `<X as Trait>::f` the crate of X when X is a path, else the trait's."""
    m = re.match(r"_ZN(\d+)", name)
    if m:
        k = len(m.group(0))
        name = name[k:k + int(m.group(1))]
        for a, b in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$BP$", "*"), ("$C$", ","),
                     ("$u5b$", "["), ("$u5d$", "]"), ("$u7b$", "{"), ("$u7d$", "}"), ("..", "::")):
            name = name.replace(a, b)
        name = name.lstrip("_")
    elif name.startswith("_R"):
        m = re.search(r"C(?:s[0-9A-Za-z_]*_)?(\d+)", name)
        if m:
            k = m.end()
            return name[k:k + int(m.group(1))]
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)::", name)
    if m:
        return m.group(1)
    return name.split("(")[0][:40] if name else "?"


# ---------------------------------------------------------------- lighthouse

def bench_lighthouse(port):
    site = os.path.join(OUT, "site")
    chapters = sorted(d for d, _, fs in os.walk(os.path.join(site, "handbook")) if "index.html" in fs
                      and d.count(os.sep) - site.count(os.sep) == 3)
    chapter = "/" + os.path.relpath(chapters[0], site).replace(os.sep, "/") + "/" if chapters else "/handbook/"
    urls = [("home", "/"), ("chapter", chapter), ("causes", "/reference/causes/"), ("app", "/app/")]
    logf = open(os.path.join(OUT, "lighthouse-serve.log"), "w")
    cmd = [SITE_GEN, "serve", "--no-build", "--out", site, "--port", str(port)]
    log("$ " + " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=logf, stderr=logf, cwd=ROOT)
    res = []
    try:
        time.sleep(1.0)
        env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
        for name, path in urls:
            report = os.path.join(OUT, f"lighthouse-{name}.json")
            subprocess.run(NICE + [os.path.join(BENCH, "node_modules", ".bin", "lighthouse"), f"http://127.0.0.1:{port}{path}",
                                   "--output=json", f"--output-path={report}", "--quiet",
                                   "--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run "
                                   "--disable-background-networking --disable-component-update --disable-sync"],
                           check=True, env=env)
            with open(report) as f:
                lr = json.load(f)
            scores = {k: (v["score"] * 100 if v["score"] is not None else None) for k, v in lr["categories"].items()}
            fails = [a["id"] for a in lr["audits"].values()
                     if a.get("scoreDisplayMode") in ("binary", "numeric") and a.get("score") is not None and a["score"] < 0.9]
            res.append({"page": name, "path": path, "scores": scores, "below_90": fails[:12],
                        "lcp_ms": lr["audits"].get("largest-contentful-paint", {}).get("numericValue"),
                        "tbt_ms": lr["audits"].get("total-blocking-time", {}).get("numericValue")})
            log(f"lighthouse {name} {path}: {scores}")
    finally:
        stop(proc)
    return res


# ---------------------------------------------------------------- report

def kib(b):
    return f"{b / 1024:,.1f} KiB"


def report(R):
    L = ["# kyoyu benchmark results", ""]
    m = R.get("meta", {})
    L.append(f"{m.get('date', '')}; {m.get('machine', '')}; seed {m.get('seed')}; commit {m.get('commit', '')}.")
    L.append("Every command ran under `nice -n 19` on a machine shared with other builds: the times are noisy, compare ratios.")
    if m.get("versions"):
        L.append("Tools: " + "; ".join(f"{t}: `{v}`" for t, v in m["versions"].items()) + ".")
    L.append("")
    if R.get("build"):
        L += ["## Full builds", "",
              "Medians of interleaved rounds (each round runs each tool once under hyperfine, rotating the order); "
              "peak memory is the largest max RSS of the runs (`/usr/bin/time`); output is every byte written. "
              "`flat`: all chapters in one folder; `folders`: 50 chapters per part folder. " + m.get("plan", ""), "",
              "| shape | pages | tool | runs | median (wall) | min–max | ms/page | CPU (user+sys, median) | CPU ms/page | max RSS | HTML files | output |",
              "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in R["build"]:
            L.append(f"| {r.get('shape', 'folders')} | {r['pages']:,} | {r['tool']} | {r['runs']} | {r['median_s'] * 1000:,.0f} ms | "
                     f"{r['min_s'] * 1000:,.0f}–{r['max_s'] * 1000:,.0f} ms | {r['ms_per_page']:.2f} | "
                     + (f"{r['median_cpu_s'] * 1000:,.0f} ms | {r['median_cpu_s'] * 1000 / r['pages']:.2f} | " if r.get("median_cpu_s") is not None else "– | – | ")
                     + f"{r['max_rss_mib']:,.0f} MiB | "
                     f"{r['html_files']:,} | {r['out_mib']:,.1f} MiB |")
        groups = sorted({(r.get("shape", "folders"), r["pages"]) for r in R["build"]})
        L += ["", "site-gen against each other tool of the same corpus (below 1× = site-gen faster / smaller):", "",
              "| shape | pages | against | wall | CPU | max RSS | output bytes | per-round wall (median) | fastest / fastest |",
              "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
        for shape, n in groups:
            by = {r["tool"]: r for r in R["build"] if r.get("shape", "folders") == shape and r["pages"] == n}
            s = by.get("site-gen")
            if not s:
                continue
            for other in TOOLS[1:]:
                o = by.get(other)
                if not o:
                    continue
                cpu = f"{s['median_cpu_s'] / o['median_cpu_s']:.2f}×" if s.get("median_cpu_s") and o.get("median_cpu_s") else "–"
                k = min(len(s["times_s"]), len(o["times_s"]))
                per_round = f"{statistics.median(s['times_s'][i] / o['times_s'][i] for i in range(k)):.2f}× ({k})" if k else "–"
                out = f"{s['out_bytes'] / o['out_bytes']:.2f}×" if s.get("out_bytes") and o.get("out_bytes") else "–"
                L.append(f"| {shape} | {n:,} | {other} | {s['median_s'] / o['median_s']:.2f}× | {cpu} | "
                         f"{s['max_rss_mib'] / o['max_rss_mib']:.2f}× | {out} | {per_round} | {min(s['times_s']) / min(o['times_s']):.2f}× |")
        L += ["", "The per-round ratio compares two tools that ran in the same round, under similar load: the steadier guide on a busy machine.", ""]
        per_page = []
        for shape in sorted({g[0] for g in groups}):
            ns = sorted(n for sh, n in groups if sh == shape)
            sg = {r["pages"]: r for r in R["build"] if r["tool"] == "site-gen" and r.get("shape", "folders") == shape}
            if len(ns) >= 2 and ns[0] in sg and ns[-1] in sg:
                a_, b_ = sg[ns[0]]["ms_per_page"], sg[ns[-1]]["ms_per_page"]
                user = "–"
                if sg[ns[0]].get("median_user_s") and sg[ns[-1]].get("median_user_s"):
                    ua, ub = (sg[k]["median_user_s"] * 1000 / k for k in (ns[0], ns[-1]))
                    user = f"{ua:.2f} ms → {ub:.2f} ms: {ub / ua:.2f}×"
                per_page.append(f"| {shape} | {a_:.2f} ms ({ns[0]:,}) | {b_:.2f} ms ({ns[-1]:,}) | {b_ / a_:.2f}× | {user} |")
        if per_page:
            L += ["site-gen's time per page as the site grows (goal: within 10 %):", "",
                  "| shape | small | large | large / small | user CPU per page, small → large |", "|---|---:|---:|---:|---:|"] + per_page + [""]
    incs = R.get("incremental") or []
    if isinstance(incs, dict):
        incs = [incs]
    if incs:
        L += ["## One-page rebuild in `site-gen serve --no-app`", "",
              "One chapter changed at a time; serve's logged ms for the rebuild (what it re-renders and writes), and the wall "
              "time from the write to that log line (adds the watcher's latency and serve's 150 ms debounce), against the "
              "full build of the same corpus (goal: under 10 %).", "",
              "| shape | pages | edits | rebuild, logged (median) | write → log line (median) | serve's first build | full `site-gen build` (median) | rebuild / full |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for inc in incs:
            full = [r for r in R.get("build") or [] if r["tool"] == "site-gen" and r["pages"] == inc["pages"]
                    and r.get("shape", "folders") == inc.get("shape", "folders")]
            full_ms = full[0]["median_s"] * 1000 if full else None
            first = f"{inc['initial_build_ms']:,} ms" if inc.get("initial_build_ms") else "–"
            ratio = f"{inc['median_logged_ms'] / full_ms * 100:.0f} %" if full_ms else "–"
            L.append(f"| {inc.get('shape', 'folders')} | {inc['pages']:,} | {len(inc['edits'])} | {inc['median_logged_ms']:,.0f} ms | "
                     f"{inc['median_wall_ms']:,.0f} ms | {first} | " + (f"{full_ms:,.0f} ms" if full_ms else "–") + f" | {ratio} |")
        L.append("")
    if R.get("bundle"):
        b = R["bundle"]
        L += ["## App bundle", "",
              "What `/app/` loads, in the real site and in a hello-world Leptos 0.8 CSR app built by the same "
              "pipeline (site-gen's bundle step: wasm-release profile, wasm-bindgen 0.2.130, `wasm-opt -Oz`).", "",
              "| asset | app raw | app gzip -9 | app brotli | hello raw | hello gzip -9 | hello brotli | app/hello (gzip) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for t in ("wasm", "JS", "CSS"):
            a, h = b["real"].get(t), b["hello"].get(t)
            if not a:
                continue
            h = h or {"raw": 0, "gzip": 0, "brotli": 0}
            ratio = f"{a['gzip'] / h['gzip']:.2f}×" if h["gzip"] else "–"
            L.append(f"| {t} | {kib(a['raw'])} | {kib(a['gzip'])} | {kib(a['brotli'])} | {kib(h['raw'])} | {kib(h['gzip'])} | "
                     f"{kib(h['brotli'])} | {ratio} |")
        L.append(f"| **wasm + JS** | {kib(b['app_raw'])} | {kib(b['app_gzip'])} | {kib(b['app_brotli'])} | {kib(b['hello_raw'])} | "
                 f"{kib(b['hello_gzip'])} | {kib(b['hello_brotli'])} | **{b['ratio_gzip']:.2f}×** |")
        L += ["", f"Budget: wasm + JS gzipped ≤ {BUDGET:.0f}× hello-world → "
              + ("**over budget**" if b["over_budget"] else "within budget") + f" ({b['ratio_gzip']:.2f}×).", ""]
        if b.get("on_demand"):
            d, a = b["on_demand"], b["real"]
            L += ["What `/app/` loads at start, and what it loads on demand (the first 「Excel(様式)」「メール下書き(.eml)」「ZIP」: "
                  "the second module, not fetched at start, precached by the service worker for offline use):", "",
                  "| | files | raw | gzip -9 | brotli -q 11 |", "|---|---:|---:|---:|---:|"]
            for label, rows in (("at start", a), ("on demand", d)):
                for t in ("wasm", "JS", "CSS"):
                    if t in rows:
                        r = rows[t]
                        L.append(f"| {label}: {t} | {len(r['files'])} | {kib(r['raw'])} | {kib(r['gzip'])} | {kib(r['brotli'])} |")
                tot = {k: sum(r[k] for r in rows.values()) for k in ("raw", "gzip", "brotli")}
                L.append(f"| **{label}, all** | {sum(len(r['files']) for r in rows.values())} | {kib(tot['raw'])} | "
                         f"{kib(tot['gzip'])} | {kib(tot['brotli'])} |")
            L.append("")
        if b.get("sections"):
            L += ["wasm sections (optimised app): " + ", ".join(f"{k} {kib(v)}" for k, v in sorted(b["sections"].items(), key=lambda kv: -kv[1])), ""]
        if b.get("attribution"):
            a = b["attribution"]
            L += [f"Code by crate (unstripped `wasm-release` build before wasm-bindgen/wasm-opt; {a['functions']:,} functions, "
                  f"{kib(a['code_bytes'])} of code):", "", "| crate | code | share |", "|---|---:|---:|"]
            for t in a["top"]:
                L.append(f"| {t['crate']} | {kib(t['bytes'])} | {t['share'] * 100:.1f}% |")
            L.append("")
    if R.get("lighthouse"):
        L += ["## Lighthouse 12.2.3", "", "Headless Chromium, default (mobile, simulated throttling) settings, served by `site-gen serve --no-build`.", "",
              "| page | path | performance | accessibility | best-practices | seo | LCP | TBT |", "|---|---|---:|---:|---:|---:|---:|---:|"]
        for r in R["lighthouse"]:
            s = r["scores"]
            f = lambda k: "–" if s.get(k) is None else f"{s[k]:.0f}"
            L.append(f"| {r['page']} | `{r['path']}` | {f('performance')} | {f('accessibility')} | {f('best-practices')} | {f('seo')} | "
                     f"{(r['lcp_ms'] or 0):,.0f} ms | {(r['tbt_ms'] or 0):,.0f} ms |")
        L.append("")
        for r in R["lighthouse"]:
            if r["below_90"]:
                L.append(f"- {r['page']}: audits below 0.9: {', '.join(r['below_90'])}")
        L.append("")
    if R.get("errors"):
        L += ["## Not measured", ""] + [f"- {e}" for e in R["errors"]] + [""]
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--shapes", default="flat,folders", help="corpus shapes: flat (one folder), folders (50 pages each)")
    ap.add_argument("--runs-large", type=int, default=3, help="runs of site-gen, Hugo and Zola at sizes >= --large")
    ap.add_argument("--mdbook-runs-large", type=int, default=1, help="mdBook's runs at sizes >= --large (10+ min each at 10,000 pages here)")
    ap.add_argument("--mdbook-max-pages", type=int, default=1000,
                    help="mdBook only up to this size (one build of 10,000 pages took 9 minutes here)")
    ap.add_argument("--large", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=3, help="pages changed one after the other in the incremental step")
    ap.add_argument("--incremental-size", type=int, default=0, help="default: the largest size (each shape)")
    ap.add_argument("--port", type=int, default=18089)
    ap.add_argument("--skip", default="", help="comma-separated: build,incremental,bundle,attribution,lighthouse")
    ap.add_argument("--skip-real-build", action="store_true", help="reuse bench/out/site")
    ap.add_argument("--tools", default=",".join(TOOLS), help="the tools of the build step")
    ap.add_argument("--merge", action="store_true", help="keep the results of bench/out/results.json that this run does not measure")
    ap.add_argument("--report-only", action="store_true", help="print the report of bench/out/results.json")
    a = ap.parse_args()
    if a.report_only:
        with open(os.path.join(OUT, "results.json")) as f:
            print(report(json.load(f)))
        return
    skip = set(filter(None, a.skip.split(",")))
    plan = (f"Below {a.large:,} pages: {a.warmup} warm-up round(s), {a.runs} runs per tool; from {a.large:,} pages: no warm-up, "
            f"{min(a.runs, a.runs_large)} runs of site-gen, Hugo and Zola, {min(a.runs, a.mdbook_runs_large)} of mdBook; "
            f"mdBook up to {a.mdbook_max_pages:,} pages.")
    sizes = [int(s) for s in a.sizes.split(",") if s]
    shapes = [s for s in a.shapes.split(",") if s]
    tools = [t for t in a.tools.split(",") if t]
    if "zola" in tools and not os.access(ZOLA, os.X_OK):
        tools.remove("zola")
        R_missing = ["zola: no `zola` on the PATH or in bench/.tools/bin (bench/run.sh builds it from its source; see bench/README.md)"]
    else:
        R_missing = []
    os.makedirs(OUT, exist_ok=True)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    if a.merge and os.path.exists(os.path.join(OUT, "results.json")):
        with open(os.path.join(OUT, "results.json")) as f:
            old = json.load(f)
    else:
        old = {}
    R = {"meta": {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "seed": a.seed, "commit": commit,
                  "machine": f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at start", "plan": plan,
                  "versions": tool_versions(tools)}, "errors": R_missing}

    def save():
        with open(os.path.join(OUT, "results.json"), "w") as f:
            json.dump(R, f, ensure_ascii=False, indent=1)
        md = report(R)
        with open(os.path.join(OUT, "results.md"), "w", encoding="utf-8") as f:
            f.write(md + "\n")
        return md

    def step(name, fn):
        if name in skip:
            return None
        try:
            return fn()
        except Exception as e:  # a failed step is reported; the others still run
            log(f"{name} failed: {e}")
            R["errors"].append(f"{name}: {e}")
            return None
        finally:
            save()  # what is measured so far, in case the run is stopped

    if old:  # --merge: keep what this run does not measure
        R["meta"]["plan"] = plan + " (Merged into earlier results: the rows this run did not measure are older.)"
        for k in ("build", "incremental", "bundle", "lighthouse"):
            R[k] = old.get(k)
    build = step("build", lambda: bench_build(sizes, shapes, a.seed, a.runs, a.warmup, a.runs_large, a.mdbook_runs_large,
                                              a.mdbook_max_pages, a.large, tools, R["errors"]))
    if build is not None:
        key = lambda r: (r.get("shape", "folders"), r["pages"], r["tool"])
        fresh = {key(b) for b in build}
        R["build"] = sorted([r for r in (R.get("build") or []) if key(r) not in fresh] + build,
                            key=lambda r: (r.get("shape", "folders"), r["pages"], TOOLS.index(r["tool"])))
    incs = []
    for shape in shapes:
        inc = step("incremental", lambda: bench_incremental(a.incremental_size or max(sizes), shape, a.seed, a.port, a.edits))
        if inc:
            incs.append(inc)
    R["incremental"] = incs or R.get("incremental")
    bundle = step("bundle", lambda: bench_bundle(a.skip_real_build))
    if bundle is not None:
        bundle["attribution"] = step("attribution", attribution)
        R["bundle"] = bundle
    lh = step("lighthouse", lambda: bench_lighthouse(a.port + 1))
    R["lighthouse"] = lh or R.get("lighthouse")
    empty_trash()
    print(save())
    if R["errors"]:
        sys.exit(2)
    if R.get("bundle") and R["bundle"]["over_budget"]:
        log(f"the app bundle is over budget: {R['bundle']['ratio_gzip']:.2f}× hello-world gzipped (budget {BUDGET:.0f}×)")
        sys.exit(1)


if __name__ == "__main__":
    main()
