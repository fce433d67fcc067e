// The print view of the four forms on A4: each fixture (and each empty form) is imported into the
// app, opened at #/print/<id>, printed to PDF by Chromium (page.pdf, A4 portrait) and read back
// with poppler (pdfinfo: page count; pdftotext: the text of every page). In print media no element
// may be wider than the printable width, nothing of the site may reach the paper, the TLP label is
// the first and the last text of every page of a form that has one, and every label of the print
// view is in the PDF's text. A form with errors warns before printing; the phone view reflows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startServer, launch, openApp, newForm, record } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const fixturePath = (name) => path.join(root, "tests/fixtures", name);

// A4 portrait with the margins of form-print.css's @page (12 mm left and right): the width a
// line may take on paper, in CSS px (96 per inch).
const PRINTABLE_PX = Math.floor(((210 - 24) / 25.4) * 96);

/** The files: fixture, form, TLP label printed (null: the 共通様式 have none), most pages (as
 *  printed today: the 共通様式 spend a page and more on their 記載の手引き and its list of laws). */
const FIXTURES = [
  // 図5's content: at most 3 pages (issue 11).
  { file: "zu5-incident.json", kind: "incident", tlp: "TLP:GREEN", pages: 3 },
  { file: "zu8-advisory.json", kind: "advisory", tlp: "TLP:GREEN", pages: 1 },
  { file: "ddos-three-attacks.json", kind: "ddos", tlp: null, pages: 5 },
  { file: "ransomware.json", kind: "ransomware", tlp: null, pages: 4 },
  { file: "long-text-incident.json", kind: "incident", tlp: "TLP:AMBER", pages: 4 },
];
/** Empty forms: the blank 様式 on A4. */
const EMPTY = [
  { kind: "incident", tlp: "情報共有範囲 未選択", pages: 3 },
  { kind: "ddos", tlp: null, pages: 4 },
  { kind: "ransomware", tlp: null, pages: 3 },
  { kind: "advisory", tlp: "情報共有範囲 未選択", pages: 1 },
];

let server, browser, tmp;
before(async () => {
  server = await startServer();
  browser = await launch();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-print-"));
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (tmp && !process.env.KYOYU_KEEP_PDF) await fs.rm(tmp, { recursive: true, force: true });
});

/** Imports a fixture file; returns the new draft's id. */
async function importFixture(page, file) {
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("heading", { name: "様式入力", level: 1 }).waitFor();
  await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(fixturePath(file));
  await page.waitForURL(/#\/edit\//);
  return page.url().split("#/edit/")[1];
}

async function openPrint(page, id) {
  await page.goto(`${server.origin}/app/#/print/${id}`);
  await page.locator("article.form-print").waitFor();
}

/** Prints the page to an A4 PDF; returns { pages, texts } (the text of each page, from poppler). */
async function printPdf(page, name) {
  const file = path.join(tmp, `${name}.pdf`);
  await fs.writeFile(file, await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  assert.ok(Math.abs(Number(size[1]) - 595.3) < 2 && Math.abs(Number(size[2]) - 841.9) < 2, `${name}: A4 portrait (${size[0]})`);
  const texts = [];
  for (let i = 1; i <= pages; i++) {
    texts.push(execFileSync("pdftotext", ["-raw", "-f", String(i), "-l", String(i), file, "-"], { encoding: "utf8" }));
  }
  return { pages, texts };
}

const squash = (s) => s.replace(/\s+/g, "");

/** In print media at the printable width: the elements that stick out of it or of their box. */
async function overflowing(page) {
  await page.setViewportSize({ width: PRINTABLE_PX, height: 1100 });
  await page.emulateMedia({ media: "print" });
  const out = await page.evaluate((limit) => {
    const bad = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > limit + 1) bad.push(`document ${doc.scrollWidth}px`);
    for (const el of document.querySelectorAll("article.form-print, article.form-print *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}[${el.dataset.path || ""}]`;
      if (r.right > limit + 1 || r.left < -1) bad.push(`${name} ${Math.round(r.left)}–${Math.round(r.right)}px`);
      const style = getComputedStyle(el);
      if (style.display !== "inline" && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        bad.push(`${name} content ${el.scrollWidth}px in ${el.clientWidth}px`);
      }
    }
    return bad;
  }, PRINTABLE_PX);
  await page.emulateMedia({ media: null });
  return out;
}

/** What of the site shows in print media (header, navigation, footer, buttons, banners). */
async function chromeOnPaper(page) {
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => {
    const sel = ".site-header, .site-footer, nav, button, .skip, .update-banner, .print-controls, .print-warning, .breadcrumb";
    return [...document.querySelectorAll(sel)]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
  await page.emulateMedia({ media: null });
  return shown;
}

/** The labels and headings the print view shows (each must reach the paper). */
async function printedLabels(page) {
  return page.locator("article.form-print").evaluate((a) => {
    const sel = "h1, h2, h3, th, .fp-label, .fp-subhead, .fp-box-title, .fp-item-title";
    return [...new Set([...a.querySelectorAll(sel)].map((e) => e.innerText.replace(/\s+/g, "")).filter((t) => t.length > 0))];
  });
}

async function checkPrint(page, name, { tlp, pages: most }) {
  assert.deepEqual(await overflowing(page), [], `${name}: nothing wider than the printable width (${PRINTABLE_PX}px)`);
  assert.deepEqual(await chromeOnPaper(page), [], `${name}: no site chrome on paper`);
  const labels = await printedLabels(page);
  assert.ok(labels.length > 10, `${name}: labels found in the print view`);
  const pdf = await printPdf(page, name);
  assert.ok(pdf.pages >= 1 && pdf.pages <= most, `${name}: ${pdf.pages} pages (at most ${most})`);
  const all = squash(pdf.texts.join(""));
  // Check-box groups are not split across pages: every option of a list is on one page.
  const groups = await page.locator("article.form-print ul.fp-option-list").evaluateAll((uls) =>
    uls.map((ul) => [...ul.querySelectorAll(":scope > li")].map((li) => li.innerText.replace(/\s+/g, "")).filter(Boolean)).filter((g) => g.length > 1));
  for (const g of groups) {
    const pagesWith = pdf.texts.map(squash).filter((t) => g.every((o) => t.includes(o)));
    assert.ok(pagesWith.length >= 1, `${name}: the options ${g.map((o) => o.slice(0, 12)).join(" / ")} are split across pages`);
  }
  for (const l of labels) assert.ok(all.includes(l), `${name}: label 「${l}」 is not in the PDF's text`);
  assert.ok(!all.includes(squash("kyoyu は入力された様式の内容をサーバーに送信しません")), `${name}: the site's footer is on paper`);
  assert.ok(!all.includes("出典:"), `${name}: the site's footer is on paper`);
  assert.ok(!all.includes("編集に戻る") && !all.includes("様式入力のホーム"), `${name}: the app's controls are on paper`);
  pdf.texts.forEach((t, i) => {
    const lines = t.split("\n").map((l) => l.trim()).filter((l) => l && l !== "\f");
    if (tlp) {
      assert.equal(squash(lines[0]), squash(tlp), `${name}: page ${i + 1} starts with the TLP label`);
      assert.equal(squash(lines[lines.length - 1]), squash(tlp), `${name}: page ${i + 1} ends with the TLP label`);
    } else {
      assert.ok(!t.includes("TLP:"), `${name}: a 共通様式 has no TLP on paper`);
    }
  });
  return pdf;
}

for (const fx of FIXTURES) {
  test(`${fx.file}: prints on A4 — at most ${fx.pages} pages, nothing clipped, no site chrome, labels and TLP on paper`, async () => {
    const context = await browser.newContext();
    const { page, log } = await openApp(context);
    const id = await importFixture(page, fx.file);
    await openPrint(page, id);
    await checkPrint(page, fx.file, fx);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

for (const e of EMPTY) {
  test(`empty ${e.kind}: the blank form prints on A4 in at most ${e.pages} pages, nothing clipped`, async () => {
    const context = await browser.newContext();
    const { page, log } = await openApp(context);
    const id = await newForm(page, e.kind);
    await openPrint(page, id);
    await checkPrint(page, `empty-${e.kind}`, e);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("図5 on paper: the seed's wording, ① and ② as tables, ■ on the chosen options only", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  const id = await importFixture(page, "zu5-incident.json");
  await openPrint(page, id);
  const pdf = await printPdf(page, "zu5-wording");
  const all = squash(pdf.texts.join(""));
  for (const words of ["情報連絡様式", "(重要インフラ所管省庁→内閣官房)", "RED=宛先限り", "①発生した事象の類型", "②上記事象における原因の類型",
    "◆情報連絡の内容(※4)", "③分野名", "⑦当該事象に係る推移等", "対外的な対応状況", "⑨その他・得られた教訓等", "〇〇株式会社"]) {
    assert.ok(all.includes(squash(words)), `「${words}」 on paper`);
  }
  // 情報連絡日時 carries no * on 図4.
  assert.ok(!all.includes("情報連絡日時*"), "no * beside 情報連絡日時");
  await context.close();
});

test("a form with errors warns before printing, and prints when asked to", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  const id = await newForm(page, "incident");
  await openPrint(page, id);
  const warning = page.locator(".print-warning[role=alert]");
  await warning.waitFor();
  assert.match(await warning.innerText(), /エラーが\d+件あります/);
  assert.match(await warning.innerText(), /情報共有範囲は必須項目です/);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  // Declined: nothing printed.
  const dialogs = [];
  page.once("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.getByRole("button", { name: "印刷" }).click();
  await page.waitForFunction(() => true);
  assert.equal(dialogs.length, 1);
  assert.match(dialogs[0], /エラーが\d+件あります。このまま印刷しますか/);
  assert.equal(await page.evaluate(() => window.__printed), 0);
  // Accepted: printed (a warning, not a block).
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "印刷" }).click();
  await page.waitForFunction(() => window.__printed === 1);

  // A form without errors prints at once.
  const ok = await importFixture(page, "ddos-three-attacks.json");
  await openPrint(page, ok);
  assert.equal(await page.locator(".print-warning").count(), 0);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  let asked = false;
  page.once("dialog", (d) => { asked = true; d.dismiss(); });
  await page.getByRole("button", { name: "印刷" }).click();
  await page.waitForFunction(() => window.__printed === 1);
  assert.equal(asked, false);
  await context.close();
});

test("on a phone the print view reflows to the screen (no sideways scrolling) and still prints A4", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const log = record(page);
  await page.goto(`${server.origin}/app/#/`);
  await page.waitForSelector("[data-app-ready]", { timeout: 30000 });
  const id = await importFixture(page, "ddos-three-attacks.json");
  await openPrint(page, id);
  const m = await page.evaluate(() => {
    const a = document.querySelector("article.form-print");
    const r = a.getBoundingClientRect();
    const cells = [...a.querySelectorAll("td, th, .fp-box, .fp-line")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    return {
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      right: r.right,
      font: parseFloat(getComputedStyle(a).fontSize),
      outside: cells.length,
    };
  });
  assert.ok(m.scroll <= m.inner, `no sideways scrolling (${m.scroll} > ${m.inner})`);
  assert.ok(m.right <= m.inner + 1, "the sheet fits the screen");
  assert.equal(m.outside, 0, "no cell or box outside the screen");
  assert.ok(m.font >= 13, `readable text (${m.font}px)`);
  const pdf = await checkPrint(page, "phone-ddos", { tlp: null, pages: 5 });
  assert.ok(pdf.pages >= 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the site's form page and the editor show the DDoS attack types with their ATT&CK ids, and mark rebuilt wording", async () => {
  const page = await (await fetch(`${server.origin}/forms/ddos/`)).text();
  for (const id of ["T1498", "T1498-001", "T1498-002", "T1499", "T1499-001", "T1499-002", "T1499-003", "T1499-004"]) {
    assert.ok(page.includes(`(${id})</li>`) || page.includes(`(${id})<sup`), `the form page lists ${id}`);
  }
  assert.ok(page.includes("攻撃されているサービス・アプリケーション<sup"), "rebuilt wording is marked on the form page");
  assert.ok(page.includes("5.(3)") || page.includes("(3)本様式の届出先・報告の根拠規定等"), "届出先・根拠規定等 under 5.");
  const context = await browser.newContext();
  const { page: app } = await openApp(context);
  await newForm(app, "ddos");
  await app.getByRole("button", { name: "攻撃を追加(別の表を作成)" }).click();
  const label = app.getByLabel(/Direct Network Flood \(T1498-001\)/);
  await label.waitFor();
  assert.equal(await label.count(), 1, "the editor names T1498-001");
  await context.close();
});
