// Offline and updates, in a real Chromium with the real service worker: after one visit the
// home page, a handbook chapter and the form filler work offline (and a page that is not
// precached, once it has been visited), and a draft can be made and
// saved offline; a new version of the site installs in the background, a banner offers 「更新」,
// and after it the page runs the new version with every draft still there; the worker caches a
// file only when its bytes match its content hash, and fetches a wrong one again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DIST, freePort, launch, newForm, record, startServer, waitForApp, waitSaved } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const SITE_GEN = process.env.KYOYU_SITE_GEN || path.join(root, "target/debug/site-gen");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the service worker has precached everything and controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}

test("after one visit: home, a chapter and the app work offline; a draft is made and saved offline", async () => {
  const server = await startServer();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = record(page);
    await page.goto(`${server.origin}/`);
    await controlled(page);
    await page.reload();
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)));
    assert.equal(await page.locator(".update-banner").count(), 0, "no banner on the first install");
    // The advisories are not precached (they grow without bound) but kept once visited.
    const precache = JSON.parse((await (await fetch(`${server.origin}/sw.js`)).text()).match(/^const PRECACHE = (.*);$/m)[1]);
    assert.ok(!precache.some((e) => e.url.startsWith("/advisories/")), "advisories are not precached");
    assert.ok(precache.some((e) => e.url === "/handbook/kodo-keikaku/joho-renraku/"), "the handbook is");
    await page.goto(`${server.origin}/advisories/`);
    const advisories = await page.locator("h1").first().innerText();
    await page.waitForFunction(async () => Boolean(await caches.match("/advisories/")));

    await context.setOffline(true);
    await page.goto(`${server.origin}/advisories/`);
    assert.equal(await page.locator("h1").first().innerText(), advisories, "a visited page works offline");
    await page.goto(`${server.origin}/`);
    assert.match(await page.title(), /kyoyu/);
    await page.goto(`${server.origin}/handbook/kodo-keikaku/joho-renraku/`);
    assert.match(await page.locator("h1").first().innerText(), /情報連絡/);

    // The app, and a new draft, offline.
    await page.goto(`${server.origin}/app/`);
    await waitForApp(page);
    await page.getByRole("heading", { name: "様式入力", level: 1 }).waitFor();
    const id = await newForm(page, "ddos", server.origin);
    await page.locator("#f-reporter-name").fill("オフラインで入力した組織");
    await waitSaved(page);

    // A fresh tab, offline, straight to the draft's address (the hash is not sent).
    const tab = await context.newPage();
    const tabLog = record(tab);
    await tab.goto(`${server.origin}/app/#/edit/${id}`);
    await waitForApp(tab);
    await tab.locator(".editor").waitFor();
    assert.equal(await tab.locator("#f-reporter-name").inputValue(), "オフラインで入力した組織");
    // `/app/index.html` and `/app` resolve to the cached `/app/`.
    for (const p of ["/app/index.html", "/app"]) {
      await tab.goto(`${server.origin}${p}#/`);
      await waitForApp(tab);
      await tab.locator(".draft-title").first().waitFor();
    }
    await context.setOffline(false);
    assert.deepEqual([...log.errors, ...tabLog.errors].filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await context.close();
    server.stop();
  }
});

// --- updates -------------------------------------------------------------------------------

/** Serves `dist` on this port (retrying while the previous server lets it go). */
async function serveOn(dist, port) {
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const proc = spawn(SITE_GEN, ["serve", "--no-build", "--out", dist, "--port", String(port)], { stdio: "ignore" });
    for (let i = 0; i < 50; i++) {
      if (proc.exitCode !== null) break;
      try {
        // A bare TCP probe, closed at once.
        await new Promise((res, rej) => {
          const sock = net.connect(port, "127.0.0.1", () => { sock.destroy(); res(); });
          sock.on("error", rej);
        });
        const stop = () => new Promise((res) => { if (proc.exitCode !== null) res(); else { proc.once("exit", res); proc.kill(); } });
        return { origin, stop, sw: await fs.readFile(path.join(dist, "sw.js"), "utf8") };
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill();
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`cannot serve ${dist} on ${port}`);
}

/** A copy of the built site as a "next version": a changed page, its new hash in the precache
 *  list (the worker checks every file against it), and so another VERSION in /sw.js. */
async function nextVersion(dir) {
  await fs.cp(DIST, dir, { recursive: true });
  const page = path.join(dir, "app/index.html");
  const html = await fs.readFile(page, "utf8");
  assert.match(html, /<title>[^<]*<\/title>/);
  const changed = html.replace(/<title>([^<]*)<\/title>/, "<title>$1 (next)</title>");
  await fs.writeFile(page, changed);
  const swPath = path.join(dir, "sw.js");
  const sw = await fs.readFile(swPath, "utf8");
  const m = sw.match(/const VERSION = "([^"]+)";/);
  assert.ok(m, "sw.js starts with its VERSION");
  const list = sw.match(/^const PRECACHE = (.*);$/m);
  const entries = JSON.parse(list[1]);
  const app = entries.find((e) => e.url === "/app/");
  assert.ok(app, "/app/ is precached");
  app.hash = crypto.createHash("sha256").update(changed).digest("hex").slice(0, 10);
  const version = `${m[1]}-next`;
  await fs.writeFile(swPath, sw.replace(m[0], `const VERSION = "${version}";`).replace(list[0], `const PRECACHE = ${JSON.stringify(entries)};`));
  return { version, oldVersion: m[1] };
}

test("a new version installs in the background, 「更新」 switches to it, and no draft is lost", async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-next-"));
  const next = await nextVersion(tmp);
  const port = await freePort();
  let server = await serveOn(DIST, port);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = record(page);
    if (process.env.DEBUG_REQ) page.on("request", (q) => console.log("# req", q.url()));
    if (process.env.DEBUG_REQ) page.on("requestfinished", (q) => console.log("# done", q.url()));
    await page.goto(`${server.origin}/app/`);
    await waitForApp(page);
    await controlled(page);
    const ids = [];
    for (const [kind, field, text] of [["incident", "#f-operator_name", "更新前の組織A"], ["advisory", null, null]]) {
      ids.push(await newForm(page, kind, server.origin));
      if (field) {
        await page.locator(field).fill(text);
        await waitSaved(page);
      }
    }
    await page.goto(`${server.origin}/app/#/`);
    await page.locator(".draft").nth(1).waitFor();
    const before = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("kyoyu.draft.")).map((k) => [k, localStorage.getItem(k)])));
    assert.equal(Object.keys(before).length, 2);

    // The next version, on the same origin.
    await server.stop();
    server = await serveOn(tmp, port);
    assert.match(server.sw, new RegExp(`VERSION = "${next.version}"`));
    await page.reload();
    await waitForApp(page);
    const banner = page.locator(".update-banner");
    await banner.waitFor({ timeout: 60000 });
    assert.equal(await banner.getAttribute("role"), "status");
    assert.match(await banner.innerText(), /新しい版があります/);
    // Until accepted, the page still runs the version it was loaded with.
    assert.doesNotMatch(await page.title(), /\(next\)/);

    // Keyboard: the button is a real button.
    const button = banner.getByRole("button", { name: "更新" });
    await button.focus();
    assert.ok(await button.evaluate((b) => b === document.activeElement));
    await Promise.all([page.waitForEvent("load", { timeout: 30000 }), page.keyboard.press("Enter")]);
    await waitForApp(page);
    assert.match(await page.title(), /\(next\)/, "the page reloaded under the new worker");
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`kyoyu-${next.version}`], "the old cache is gone");
    assert.equal(await page.locator(".update-banner").count(), 0);

    // Every draft is still there, unchanged, and opens.
    const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("kyoyu.draft.")).map((k) => [k, localStorage.getItem(k)])));
    assert.deepEqual(after, before);
    await page.locator(".draft").nth(1).waitFor();
    await page.goto(`${server.origin}/app/#/edit/${ids[0]}`);
    await page.locator(".editor").waitFor();
    assert.equal(await page.locator("#f-operator_name").inputValue(), "更新前の組織A");
    assert.deepEqual(log.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
    await server.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
});

// --- the service worker checks what it caches ----------------------------------------------

/** A proxy in front of `upstream` that alters the bytes of `url` on the requests `tamper(n)`
 *  picks (n = 1, 2, … counts the requests for `url`); returns { origin, count(), stop }. */
async function tamperingProxy(upstream, url, tamper) {
  let n = 0;
  const server = http.createServer(async (req, res) => {
    const r = await fetch(upstream + req.url, { headers: { "accept-encoding": "identity" }, redirect: "manual" });
    let body = Buffer.from(await r.arrayBuffer());
    if (req.url === url && tamper(++n)) body = Buffer.concat([body, Buffer.from("\n/* altered on the way */\n")]);
    const skip = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"]);
    res.writeHead(r.status, Object.fromEntries([...r.headers].filter(([k]) => !skip.has(k))));
    res.end(body);
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return { origin: `http://127.0.0.1:${port}`, count: () => n, stop: () => new Promise((r) => server.close(r)) };
}

/** An asset of the precache list that the home page does not load itself (so every request for
 *  it comes from the service worker), with its bytes in dist/. */
async function assetNotOnHome() {
  const sw = await fs.readFile(path.join(DIST, "sw.js"), "utf8");
  const list = JSON.parse(sw.match(/^const PRECACHE = (.*);$/m)[1]);
  const home = await fs.readFile(path.join(DIST, "index.html"), "utf8");
  const entry = list.find((e) => /^\/assets\/.*\.[0-9a-f]{10}\.css$/.test(e.url) && !home.includes(e.url));
  assert.ok(entry, "the precache list has a stylesheet the home page does not load");
  assert.ok(entry.url.includes(`.${entry.hash}.`), "an asset's listed hash is the one in its name");
  return { url: entry.url, bytes: await fs.readFile(path.join(DIST, entry.url)) };
}

test("the service worker caches an asset only when its bytes match the hash in its name, and fetches a wrong one again", async () => {
  const asset = await assetNotOnHome();
  const server = await startServer();
  const proxy = await tamperingProxy(server.origin, asset.url, (n) => n === 1);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = record(page);
    await page.goto(`${proxy.origin}/`);
    await controlled(page);
    assert.equal(proxy.count(), 2, "the altered copy was refused and fetched again");
    const cached = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await caches.match(u)).arrayBuffer())), asset.url);
    assert.deepEqual(Buffer.from(cached), asset.bytes, "the cache holds the right bytes");
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
    await proxy.stop();
    server.stop();
  }
});

test("when an asset stays wrong, the service worker does not install and leaves no cache", async () => {
  const asset = await assetNotOnHome();
  const server = await startServer();
  const proxy = await tamperingProxy(server.origin, asset.url, () => true);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${proxy.origin}/`);
    // The install tries three times, then fails: the registration goes away with it.
    for (let i = 0; i < 300 && !(proxy.count() >= 3 && !(await page.evaluate(() => navigator.serviceWorker.getRegistration()))); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(proxy.count(), 3, "three attempts");
    assert.equal(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), false, "no worker installed");
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), false);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [], "no cache left behind");
  } finally {
    await context.close();
    await proxy.stop();
    server.stop();
  }
});
