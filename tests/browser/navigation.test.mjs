// A large site in a real Chromium (1,200 pages in one folder, built here with site-gen): without
// JavaScript, each page's sidebar links to the contents pages, which lead everywhere, and its
// breadcrumbs and previous/next links to its neighbours; with JavaScript the whole navigation
// comes from one shared file (stored gzip-compressed); the search
// index, split into shards, is fetched only when a search is made and finds a page in any shard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launch, record, axeViolations, SITE_GEN } from "./harness.mjs";

const PAGES = 1200;
const WORD = "固有の検索語ほげ";
let dir, server, browser;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoyu-nav-"));
  const notes = path.join(dir, "content/01-notes");
  fs.mkdirSync(notes, { recursive: true });
  for (let i = 0; i < PAGES; i++) {
    const extra = i === 1150 ? `${WORD}について。` : "";
    fs.writeFileSync(path.join(notes, `${String(i).padStart(4, "0")}-p${i}.md`),
      `+++\ntitle = "ページ ${i}"\n+++\n\n## 概要\n\n情報共有の本文 ${i}。${extra}\n`);
  }
  execFileSync(SITE_GEN, ["build", "--content", path.join(dir, "content"), "--out", path.join(dir, "dist"), "--no-app"], { stdio: "pipe" });
  server = await startServer(path.join(dir, "dist"));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("without JavaScript: the sidebar, breadcrumbs and previous/next lead to the contents pages and the neighbours", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.origin + "/handbook/notes/p600/");
  const hrefs = (sel) => page.locator(sel).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  // The sidebar: the part's contents page and the full contents, whatever the size of the site.
  assert.deepEqual(await hrefs("nav.sidebar a"), ["/handbook/notes/", "/handbook/"]);
  assert.equal(await page.locator("nav.sidebar a").first().innerText(), `notes(${PAGES + 1}ページ)`);
  assert.deepEqual(await hrefs("nav.breadcrumbs a"), ["/handbook/", "/handbook/notes/"]);
  assert.deepEqual(await hrefs("nav.pager a"), ["/handbook/notes/p599/", "/handbook/notes/p601/"]);
  await page.locator("nav.sidebar a").first().click();
  await page.waitForURL(server.origin + "/handbook/notes/");
  assert.equal(await page.locator("main ol.chapter-list a").count(), PAGES, "the part's page lists every page");
  await page.locator("nav.sidebar a", { hasText: "すべての目次" }).click();
  await page.waitForURL(server.origin + "/handbook/");
  assert.equal(await page.locator("main ol a[href^='/handbook/notes/p']").count(), PAGES, "the full contents list every page");
  await context.close();
});

test("with JavaScript: the whole navigation from one shared file", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = record(page);
  await page.goto(server.origin + "/handbook/notes/p600/");
  await page.waitForSelector("nav.sidebar[data-nav-full]");
  assert.equal(await page.locator("nav.sidebar details[open] a").count(), PAGES + 1, "every page and the part's contents");
  assert.equal(await page.locator("nav.sidebar a[aria-current=page]").getAttribute("href"), "/handbook/notes/p600/");
  assert.equal(log.requests.filter((r) => r.url.includes("/assets/nav.")).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a heading links to itself, looking as a heading with a # on hover; axe finds no violations", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + "/handbook/notes/p600/");
  await page.waitForSelector("nav.sidebar[data-nav-full]");
  const heading = page.locator("main h2#概要");
  assert.equal(await heading.locator("a").getAttribute("href"), "#概要");
  // Named by the heading's text alone (the # is decoration).
  assert.equal(await page.getByRole("link", { name: "概要", exact: true }).count(), 1);
  const look = () => heading.evaluate((h) => {
    const a = h.querySelector("a"), after = getComputedStyle(a, "::after");
    return { same: getComputedStyle(a).color === getComputedStyle(h).color, line: getComputedStyle(a).textDecorationLine,
      mark: after.content, shown: after.visibility };
  });
  const before = await look();
  assert.deepEqual({ ...before, mark: before.mark.startsWith('"#"') }, { same: true, line: "none", mark: true, shown: "hidden" });
  await heading.hover();
  assert.equal((await look()).shown, "visible");
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("the sharded search index is fetched when a search is made and finds any page", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const log = record(page);
  await page.goto(server.origin + "/search/");
  await page.waitForSelector("#search-input[data-ready]");
  const shardUrls = () => log.requests.map((r) => r.url).filter((u) => /\/assets\/search-\d+\./.test(u));
  const shards = () => shardUrls().length;
  assert.equal(shards(), 0, "no shard before a search");
  await page.fill("#search-input", WORD);
  await page.waitForFunction((t) => document.getElementById("search-status").textContent.includes(`「${t}」`), WORD);
  assert.equal(await page.locator("#search-results > li a").first().getAttribute("href"), "/handbook/notes/p1150/");
  assert.equal(await page.locator("#search-results > li").count(), 1);
  // Every shard the manifest lists, each once (the pages and the glossary's terms, 500 a shard).
  const manifestUrl = log.requests.map((r) => r.url).find((u) => /\/assets\/search-index\.[0-9a-f]+\.json$/.test(u));
  const manifest = await page.evaluate((u) => fetch(u).then((r) => r.json()), manifestUrl);
  assert.ok(manifest.shards.length >= Math.ceil(PAGES / 500), `${manifest.shards.length} shards`);
  assert.equal(shards(), manifest.shards.length, "every shard once");
  assert.equal(new Set(shardUrls()).size, manifest.shards.length);
  assert.deepEqual(log.errors, []);
  await context.close();
});
