// Shared harness of the browser tests: serves the dist/ built once by tests/run.sh with
// `site-gen serve --no-build`, launches Debian's Chromium headless through playwright-core,
// and records every request and console error of a page.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "../..");
export const DIST = process.env.KYOYU_DIST || path.join(root, "target/test-dist");
export const SITE_GEN = process.env.KYOYU_SITE_GEN || path.join(root, "target/debug/site-gen");

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic",
];

/** A free port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on("error", reject);
  });
}

/** The origin of the server this test file started (the default of the app helpers below). */
let current = null;

/** Serves `dist` on a free port; returns { origin, stop }. */
export async function startServer(dist = DIST) {
  const port = await freePort();
  const proc = spawn(SITE_GEN, ["serve", "--no-build", "--out", dist, "--port", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => { stderr += d; });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(origin + "/"); if (r.ok) { current = origin; return { origin, stop: () => proc.kill(), proc }; } } catch {}
    if (proc.exitCode !== null) throw new Error(`site-gen serve exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error(`site-gen serve did not answer: ${stderr}`);
}

/** Launches headless Chromium (Debian's). */
export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/** Records a page's requests, console errors and uncaught errors. */
export function record(page) {
  const log = { requests: [], errors: [] };
  page.on("request", (r) => log.requests.push({ url: r.url(), method: r.method(), body: r.postData() || "" }));
  page.on("console", (m) => { if (m.type() === "error") log.errors.push(m.text()); });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  return log;
}

/** Waits for the form filler to mount (its root marks itself). */
export async function waitForApp(page) {
  await page.waitForSelector("[data-app-ready]", { timeout: 30000 });
}

/** Opens the form filler at `hash` in a new page of `context`, waits for it; returns { page, log }. */
export async function openApp(context, hash = "#/", origin = current) {
  const page = await context.newPage();
  const log = record(page);
  await page.goto(`${origin}/app/${hash}`);
  await waitForApp(page);
  return { page, log };
}

/** Starts a new form of `kind` in `page`; returns the new draft's id. */
export async function newForm(page, kind = "incident", origin = current) {
  await page.goto(`${origin}/app/#/new/${kind}`);
  await page.waitForURL(/#\/edit\//);
  await page.locator(".editor").waitFor();
  return page.url().split("#/edit/")[1];
}

/** Waits for the editor's 「保存済み HH:MM:SS」. */
export async function waitSaved(page) {
  await page.locator(".save-state", { hasText: /^保存済み \d\d:\d\d:\d\d$/ }).waitFor({ timeout: 5000 });
}

const AXE = fs.readFileSync(path.join(root, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's violations on `page` as it is now: one line each (rule, impact, first nodes). */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}
