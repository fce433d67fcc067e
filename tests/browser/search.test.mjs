// Search of the handbook in a real Chromium: what people type finds the page they mean first —
// hiragana, katakana, half-width and full-width forms, the handbook's English terms, glossary
// terms (the definition above the pages that mention it), words ANDed, phrases kept whole, a
// word that finds nothing split where its script changes, and a query with no result says so
// in Japanese. Also offline, from the service worker's cache.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { startServer, launch, record, SITE_GEN } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(context) {
  const page = await context.newPage();
  const log = record(page);
  const res = await page.goto(server.origin + "/search/");
  assert.equal(res.status(), 200);
  await page.waitForSelector("#search-input[data-ready]");
  return { page, log };
}

/** Types a query into the search box; resolves when its results are shown. */
async function searchFor(page, term) {
  const input = page.locator("#search-input");
  await input.fill(term);
  await page.waitForFunction((t) => document.getElementById("search-status").textContent.includes(`「${t}」`), term);
  return page.locator("#search-results > li");
}

// [query, the first result, what it tries]: written from the handbook's own words.
const FIRST = [
  ["ランサムウェア", "/forms/ransomware/", "katakana"],
  ["らんさむうぇあ", "/forms/ransomware/", "hiragana for katakana"],
  ["ﾗﾝｻﾑｳｪｱ", "/forms/ransomware/", "half-width katakana"],
  ["ransomware", "/forms/ransomware/", "English for the Japanese word"],
  ["サービス維持レベル", "/reference/glossary/#service-maintenance-level", "glossary term above 13 sector pages"],
  ["情報共有", "/reference/glossary/#information-sharing", "glossary term above the pages using it"],
  ["重要インフラ", "/reference/glossary/#critical-infrastructure", "glossary term"],
  ["critical infrastructure", "/reference/glossary/#critical-infrastructure", "English for a glossary term"],
  ["情報共有範囲", "/reference/tlp/", "title"],
  ["TLP", "/reference/tlp/", "ASCII word"],
  ["ｔｌｐ", "/reference/tlp/", "full-width ASCII, lower case"],
  ["Traffic Light Protocol", "/reference/tlp/", "the handbook's English name, as one term"],
  ["CEPTOAR", "/reference/glossary/#ceptoar", "English abbreviation of a glossary term"],
  ["せぷたー", "/reference/glossary/#ceptoar", "hiragana for a glossary term"],
  ["しーさーと", "/reference/glossary/#csirt", "the glossary's reading"],
  ["港湾", "/reference/sectors/port/", "sector title"],
  ["ヒヤリハット", "/reference/glossary/#sign", "part of a glossary term"],
  ["ＤＤｏＳ", "/forms/ddos/", "full-width ASCII"],
  ["重要インフラ 港湾", "/reference/sectors/port/", "two words ANDed"],
  ["「予兆・ヒヤリハット」", "/reference/glossary/#sign", "a phrase in 「」"],
  ["\"事業継続計画\"", "/reference/glossary/#it-bcp", "a phrase in \"\", the definition of IT-BCP等"],
];

test("the first result of each query is the page it means", async () => {
  const context = await browser.newContext();
  const { page, log } = await open(context);
  const wrong = [];
  for (const [query, url, what] of FIRST) {
    const items = await searchFor(page, query);
    const got = (await items.count()) > 0 ? await items.first().locator("a").first().getAttribute("href") : "(none)";
    if (got !== url) wrong.push(`${query} (${what}): ${got}, not ${url}`);
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.requests.filter((r) => !r.url.startsWith(server.origin)), [], "no request leaves the site");
  await context.close();
});

test("results show the words found, highlighted, as text only", async () => {
  const context = await browser.newContext();
  const { page } = await open(context);
  // The word as typed is marked where it occurs, in the title and the snippet; a word with
  // synonyms, its synonyms too.
  for (const [term, forms] of [["港湾", ["港湾"]], ["重要システム", ["重要システム"]],
    ["情報共有範囲", ["情報共有範囲", "TLP", "Traffic Light Protocol"]]]) {
    const first = (await searchFor(page, term)).first();
    const marks = await first.locator("mark").allInnerTexts();
    assert.ok(marks.includes(term) && marks.every((m) => forms.includes(m)), `${term}: highlighted (${marks})`);
  }
  // A hiragana or English query marks the page's own word.
  for (const term of ["らんさむうぇあ", "ransomware"]) {
    const marks = await (await searchFor(page, term)).first().locator("mark").allInnerTexts();
    assert.ok(marks.includes("ランサムウェア"), `${term}: ${marks}`);
  }
  // A glossary term's entry says what it is.
  const term = (await searchFor(page, "サービス維持レベル")).first();
  assert.equal(await term.locator(".search-kind").innerText(), "用語の定義");
  assert.match(await term.locator(".search-snippet").innerText(), /任務保証の考え方に基づき/);
  // Page text never becomes markup: results are text nodes and <mark> only.
  const tags = await page.locator("#search-results .search-snippet *").evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
  assert.ok(tags.every((t) => t === "MARK"), String(tags));
  await context.close();
});

test("words are ANDed, phrases kept whole, and a query without results says so", async () => {
  const context = await browser.newContext();
  const { page } = await open(context);
  const urls = async (q) => (await page.evaluate((q) => window.kyoyuSearch(q), q)).urls;
  // AND: the results of 「港湾 情報連絡」 are the pages found by both words alone.
  const both = await urls("港湾 情報連絡"), port = await urls("港湾"), report = await urls("情報連絡");
  assert.ok(both.length > 0 && both.length < port.length, `${both.length} of ${port.length}`);
  assert.deepEqual([...both].sort(), port.filter((u) => report.includes(u)).sort());
  assert.deepEqual(await urls("情報連絡　港湾"), both, "an ideographic space separates words too");
  // A phrase is its words in that order: "light traffic" is nowhere, light and traffic are.
  assert.ok((await urls("light traffic")).length > 0);
  assert.deepEqual(await urls("\"light traffic\""), []);
  assert.deepEqual(await urls("「港湾 重要インフラ」"), []);
  // A word that finds nothing is split where its script changes; the status says so.
  const items = await searchFor(page, "インシデント報告");
  assert.ok((await items.count()) > 0);
  assert.equal(await page.locator("#search-status").innerText(),
    `「インシデント報告」に一致するページはありませんでした。「インシデント」「報告」をすべて含むページ: ${await items.count()} 件`);
  const text = (await items.first().innerText()) + (await page.evaluate(async () => {
    const first = document.querySelector("#search-results > li a").getAttribute("href");
    return (await (await fetch(first)).text());
  }));
  assert.ok(text.includes("インシデント") && text.includes("報告"), "the first result holds both words");
  // No result: said in Japanese, nothing listed.
  const none = await searchFor(page, "存在しない語彙ですよ");
  assert.equal(await none.count(), 0);
  assert.match(await page.locator("#search-status").innerText(), /^「存在しない語彙ですよ」は見つかりませんでした。/);
  // One character finds pages where it stands inside a word.
  assert.ok((await (await searchFor(page, "港")).count()) >= 2);
  await context.close();
});

test("search works offline after a first visit", async () => {
  const context = await browser.newContext();
  const { page } = await open(context);
  // Wait until the service worker has precached everything and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("#search-input[data-ready]");
  const ransomware = await searchFor(page, "らんさむうぇあ");
  assert.equal(await ransomware.first().locator("a").first().getAttribute("href"), "/forms/ransomware/");
  const sector = await searchFor(page, "港湾");
  assert.equal(await sector.first().locator("a").first().getAttribute("href"), "/reference/sectors/port/");
  // A result page opens offline too.
  await sector.first().locator("a").first().click();
  await page.waitForURL("**/reference/sectors/port/");
  assert.equal(await page.locator("h1").innerText(), "港湾");
  await context.setOffline(false);
  await context.close();
});

test("a large site's index keeps each text's start, and finds words beyond it", async () => {
  // 600 pages: two shards, so the index keeps an excerpt of each text (search.rs EXCERPT_CHARS).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoyu-search-"));
  let large;
  try {
    const notes = path.join(dir, "content/01-notes");
    fs.mkdirSync(notes, { recursive: true });
    const filler = "情報共有の本文です。".repeat(40);
    for (let i = 0; i < 600; i++) {
      const late = i === 550 ? "末尾にだけある固有語ぴよ。" : "";
      fs.writeFileSync(path.join(notes, `${String(i).padStart(4, "0")}-p${i}.md`),
        `+++\ntitle = "ページ ${i}"\n+++\n\n## 概要\n\n冒頭の語 ${i} ばん。${filler}${late}\n`);
    }
    execFileSync(SITE_GEN, ["build", "--content", path.join(dir, "content"), "--out", path.join(dir, "dist"), "--no-app"], { stdio: "pipe" });
    // Each shard stored once, gzip-compressed: no plain JSON, no .br or .gz copies beside it.
    const assets = fs.readdirSync(path.join(dir, "dist/assets"));
    const shards = assets.filter((f) => /^search-\d+\.[0-9a-f]{10}\.json\.gz$/.test(f));
    assert.equal(shards.length, 2);
    assert.deepEqual(assets.filter((f) => /^search-\d+\./.test(f) && !shards.includes(f)), []);
    for (const f of shards) {
      const idx = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, "dist/assets", f))).toString("utf8"));
      assert.ok(idx.excerpt > 0 && idx.pages.every((p) => [...p[3]].length <= idx.excerpt), f);
    }
    large = await startServer(path.join(dir, "dist"));
    // As served by site-gen (the file's bytes, decompressed by search.js), and as by a server
    // that sends the file with Content-Encoding: gzip (the browser has decompressed it).
    for (const encoded of [false, true]) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      const log = record(page);
      let routed = 0;
      if (encoded) {
        await page.route(/\/assets\/search-\d+\.[0-9a-f]+\.json\.gz$/, async (route) => {
          const resp = await route.fetch();
          routed++;
          await route.fulfill({ response: resp, body: zlib.gunzipSync(await resp.body()), headers: { "content-type": "application/json" } });
        });
      }
      await page.goto(large.origin + "/search/");
      await page.waitForSelector("#search-input[data-ready]");
      // Beyond the excerpt: found by its keys, in hiragana or katakana.
      for (const q of ["固有語ぴよ", "固有語ピヨ"]) {
        const items = await searchFor(page, q);
        assert.equal(await items.count(), 1, q);
        assert.equal(await items.first().locator("a").getAttribute("href"), "/handbook/notes/p550/", q);
      }
      // In the excerpt: found, and marked in the snippet.
      const items = await searchFor(page, "冒頭の語 555 ばん");
      assert.equal(await items.first().locator("a").getAttribute("href"), "/handbook/notes/p555/");
      assert.deepEqual(await items.first().locator(".search-snippet mark").allInnerTexts(), ["冒頭の語", "555", "ばん"]);
      assert.equal(routed, encoded ? 2 : 0);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
  } finally {
    large?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
