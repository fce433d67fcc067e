// The form filler's first screen, written into /app/index.html by site-gen: it paints while the
// WebAssembly is held back, its links go to the form routes without the app, and the app takes
// it over in place — the very same elements, nothing duplicated, nothing moved (no layout
// shift) — and shows it again, right, when the user comes back to the home.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, record, startServer, waitForApp } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** A phone-sized page whose .wasm requests wait until `release()` is called. */
async function heldPage() {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const log = record(page);
  let release;
  const gate = new Promise((r) => { release = r; });
  const held = [];
  await page.route("**/*.wasm", async (route) => {
    held.push(route.request().url());
    await gate;
    await route.continue();
  });
  // Every layout shift of the page, from its start (the app's takeover included).
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push({ value: e.value, recent: e.hadRecentInput });
    }).observe({ type: "layout-shift", buffered: true });
  });
  return { context, page, log, held, release: () => release() };
}

/** The home's first children, element by element: tag, sorted attributes, text (adjacent text
 * joined, whitespace-only text and comments left out); the drafts list's place as `…`. */
function firstScreen(page, count) {
  return page.evaluate((count) => {
    const canon = (n) => {
      const parts = [];
      let text = "";
      for (const c of n.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) { text += c.textContent; continue; }
        if (c.nodeType !== Node.ELEMENT_NODE) continue;
        if (text.trim()) parts.push(JSON.stringify(text));
        text = "";
        parts.push(canon(c));
      }
      if (text.trim()) parts.push(JSON.stringify(text));
      const attrs = [...n.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(" ");
      const inner = n.matches("#drafts-title ~ p.empty") ? "…" : parts.join("");
      return `<${n.localName} ${attrs}>${inner}</${n.localName}>`;
    };
    const home = document.querySelector("#app-root > .home");
    return [...home.children].slice(0, count).map(canon);
  }, count);
}

/** Where the first screen's headings, forms and radios are on the page. */
function boxes(page) {
  return page.evaluate(() => [...document.querySelectorAll("#app-root h1, #app-root h2, #app-root .lead, #app-root .start-form, #app-root .choice, #app-root #draft-filter")]
    .map((e) => { const r = e.getBoundingClientRect(); return `${e.localName}.${e.className}#${e.id} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`; }));
}

test("the first screen paints before the wasm, and the app takes it over in place", async () => {
  const { context, page, log, held, release } = await heldPage();
  await page.goto(`${server.origin}/app/`);
  await page.getByRole("heading", { level: 1, name: "様式入力" }).waitFor();
  assert.ok(held.length >= 1 && held.every((u) => u.includes("kyoyu-app_bg")), `the app's wasm is held back: ${held}`);
  assert.equal(await page.locator("[data-app-ready]").count(), 0, "the app has not started");

  // What the first screen shows, found as a person finds it.
  for (const name of ["どの様式を使いますか", "新しい様式を作成", "この端末に保存された様式"]) {
    assert.ok(await page.getByRole("heading", { level: 2, name }).isVisible(), `heading 「${name}」`);
  }
  const forms = page.locator("a.start-form");
  assert.equal(await forms.count(), 4);
  assert.deepEqual(await forms.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")])), [
    ["情報連絡様式を作成(図4)", "#/new/incident"],
    ["DDoS攻撃事案共通様式を作成(図4-1)", "#/new/ddos"],
    ["ランサムウェア事案共通様式を作成(図4-2)", "#/new/ransomware"],
    ["情報提供様式を作成(図7)", "#/new/advisory"],
  ]);
  for (const label of ["重要インフラ事業者等", "セプター事務局", "重要インフラ所管省庁", "国家サイバー統括室", "DDoS攻撃", "ランサムウェア", "その他のシステムの不具合等"]) {
    assert.equal(await page.getByLabel(label, { exact: true }).getAttribute("type"), "radio", `radio 「${label}」`);
  }
  assert.ok(await page.getByText("この端末に保存された様式を読み込んでいます…").isVisible());
  assert.ok(await page.getByLabel("絞り込み").isVisible());
  assert.equal(await page.locator(".app-loading").isVisible(), false, "no loading line on the home");

  const count = await page.locator("#app-root > .home > *").count();
  const before = await firstScreen(page, count);
  const beforeBoxes = await boxes(page);
  // Every element of the first screen, to find again after the app has started.
  await page.evaluate(() => { window.__first = [...document.querySelectorAll("#app-root .home *")].filter((e) => !e.matches("#drafts-title ~ p.empty")); });

  release();
  await waitForApp(page);
  await page.getByText("この端末に保存された様式はまだありません。").waitFor();
  await page.getByRole("heading", { level: 2, name: "ファイルから読み込む" }).waitFor();

  // One of everything: the app replaced the first screen rather than adding to it.
  assert.equal(await page.locator("h1").count(), 1, "one h1");
  assert.equal(await page.locator("a.start-form").count(), 4, "four forms, once");
  assert.equal(await page.locator("#app-root input[type=radio]").count(), 7, "seven radios, once");
  assert.equal(await page.locator("#app-root .home").count(), 1, "one home");
  const dupIds = await page.evaluate(() => {
    const seen = new Map();
    for (const e of document.querySelectorAll("[id]")) seen.set(e.id, (seen.get(e.id) || 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  assert.deepEqual(dupIds, [], "no id twice");

  // The same elements — the very nodes site-gen wrote, still in the page — in the same places.
  assert.deepEqual(await page.evaluate(() => window.__first.filter((e) => !e.isConnected).map((e) => e.outerHTML)), [],
    "the app keeps the first screen's elements rather than drawing them again");
  assert.deepEqual(await firstScreen(page, count), before, "the first screen's elements are as they were");
  // (The sections below it, import and the device's storage, are the app's alone.)
  assert.deepEqual((await boxes(page)).slice(0, beforeBoxes.length), beforeBoxes, "nothing on the first screen moved");
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts.filter((s) => !s.recent && s.value > 0), [], "no layout shift (CLS 0)");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("without the wasm, the first screen's links go to the form routes and a choice is kept", async () => {
  const { context, page, log, release } = await heldPage();
  await page.goto(`${server.origin}/app/`);
  await page.getByLabel("重要インフラ所管省庁", { exact: true }).check();
  const link = page.getByRole("link", { name: "DDoS攻撃事案共通様式を作成(図4-1)" });
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/#\/new\/ddos$/);
  assert.equal(await page.locator("[data-app-ready]").count(), 0, "the app has not started");
  release();
  await waitForApp(page);
  await page.waitForURL(/#\/edit\//);
  await page.locator('.editor[data-form="ddos"]').waitFor();
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("heading", { level: 2, name: "新しい様式を作成" }).waitFor();
  assert.ok(await page.getByLabel("重要インフラ所管省庁", { exact: true }).isChecked(), "the role chosen before the app started is remembered");
  assert.ok(await page.locator(".role-answer").isVisible());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("on another route the first screen gives way to the loading line until the app shows it", async () => {
  const { context, page, log, release } = await heldPage();
  await page.goto(`${server.origin}/app/#/edit/no-such-draft`);
  await page.getByText("様式入力アプリを読み込んでいます…").waitFor();
  assert.equal(await page.locator("#app-root > .home").isVisible(), false, "no home on another route");
  release();
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "下書きを開けません" }).waitFor();
  assert.equal(await page.locator("#app-root .home").count(), 0, "the home's elements are not in the page");
  assert.equal(await page.locator(".app-loading").count(), 0, "nor the loading line");
  // The home, reached from there, is the first screen and the app's parts of it.
  await page.getByRole("link", { name: "様式入力のホームへ" }).click();
  await page.getByText("この端末に保存された様式はまだありません。").waitFor();
  assert.ok(await page.getByRole("heading", { level: 1, name: "様式入力" }).isVisible());
  assert.equal(await page.locator("a.start-form").count(), 4);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("back on the home from a form, it is right: one of each, the new draft listed, the filter empty, the choice kept", async () => {
  const { context, page, log, release } = await heldPage();
  release();
  await page.goto(`${server.origin}/app/`);
  await waitForApp(page);
  await page.getByText("この端末に保存された様式はまだありません。").waitFor();
  await page.getByLabel("セプター事務局", { exact: true }).check();
  await page.locator(".role-answer").waitFor();
  await page.getByLabel("絞り込み").fill("情報提供");
  await page.getByRole("heading", { level: 2, name: "ファイルから読み込む" }).waitFor();

  await page.getByRole("link", { name: "DDoS攻撃事案共通様式を作成(図4-1)" }).click();
  await page.locator('.editor[data-form="ddos"]').waitFor();
  // While a form is open, none of the home's elements is in the page (no id, no label twice).
  for (const sel of [".home", "#draft-filter", "input[name=role]", "#import-file", ".role-answer"]) {
    assert.equal(await page.locator(`#app-root ${sel}`).count(), 0, `no ${sel} beside the form`);
  }

  await page.goBack();
  await page.waitForURL(/\/app\/(#\/?)?$/);
  await page.locator(".draft").first().waitFor();
  assert.deepEqual(await page.locator(".draft-title a").allTextContents(), ["DDoS攻撃事案共通様式 第1報"], "the new draft is listed");
  assert.equal(await page.getByLabel("絞り込み").inputValue(), "", "a new visit starts without a filter");
  assert.ok(await page.getByLabel("セプター事務局", { exact: true }).isChecked(), "the role chosen is kept");
  assert.equal(await page.locator(".role-answer").count(), 1);
  await page.getByRole("heading", { level: 2, name: "ファイルから読み込む" }).waitFor();
  for (const [sel, n] of [["h1", 1], [".home", 1], ["a.start-form", 4], ["input[type=radio]", 7], ["#draft-filter", 1], ["#import-file", 1], (["#wipe-title", 1])]) {
    assert.equal(await page.locator(`#app-root ${sel}`).count(), n, `${sel} ×${n}`);
  }
  assert.equal(await page.getByText("この端末に保存された様式を読み込んでいます…").count(), 0, "no placeholder left");
  // The filter still filters.
  await page.getByLabel("絞り込み").fill("ランサムウェア");
  await page.getByText("絞り込みに一致する様式はありません。").waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});
