// 「送る」 in a real Chromium: from the home page, 図5's report gets, offline, its Excel workbook
// and an e-mail draft holding that workbook, kyoyu's JSON and an attached screenshot; both are
// downloaded and read back by independent readers (exceljs, mailparser). The writers are a
// second wasm module that /app/ does not load at start; a marker inside an attached file never
// appears in any request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { launch, record, startServer, waitForApp } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const fixturePath = (name) => path.join(root, "tests/fixtures", name);
const MARKER = "KYOYU-PRIVACY-MARKER-7f3e9c";

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Waits until the service worker has precached everything and controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}

/** Clicks `button` and saves the download it starts; returns { name, file }. */
async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-send-")), d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file };
}

/** The sheet's rows as [label, value] strings. */
async function sheetRows(xlsx, sheetName) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx);
  const sheet = book.getWorksheet(sheetName);
  assert.ok(sheet, `sheet ${sheetName}`);
  const rows = [];
  sheet.eachRow((row) => rows.push([String(row.getCell(1).text ?? ""), String(row.getCell(2).text ?? "")]));
  return { rows, sheet };
}

/** Every non-empty free-text value of a report (its typed text, not option ids or dates). */
function texts(report, at = "") {
  const out = [];
  for (const [k, v] of Object.entries(report)) {
    const p = at ? `${at}.${k}` : k;
    if (Array.isArray(v)) v.forEach((x, i) => { if (x && typeof x === "object") out.push(...texts(x, `${p}[${i}]`)); });
    else if (v && typeof v === "object") out.push(...texts(v, p));
    else if (typeof v === "string" && v.trim() && !/(^|[._])(at|tlp|annex|importance|event_type|system_status|press|ppc|outlook|sector|deviation|spread)$/.test(p)) out.push([p, v]);
  }
  return out;
}

test("図5 from the home page, offline: the workbook and an e-mail draft with it and a screenshot, read back", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), body: r.postData() || "" }));
  const page = await context.newPage();
  const log = record(page);
  try {
    // One visit online: the service worker precaches the site, the second module with it.
    await page.goto(`${server.origin}/`);
    await controlled(page);
    await page.goto(`${server.origin}/app/`);
    await waitForApp(page);
    assert.deepEqual(log.requests.filter((r) => /kyoyu-deliver/.test(r.url)), [], "/app/ does not load the writers at start");
    const deliverUrl = await page.locator("#app-root").getAttribute("data-deliver");
    assert.match(deliverUrl, /^\/assets\/kyoyu-deliver-entry\.[0-9a-f]+\.js$/);
    const precache = await (await fetch(`${server.origin}/sw.js`)).text();
    assert.ok(precache.includes(deliverUrl) && /kyoyu-deliver_bg\.[0-9a-f]+\.wasm/.test(precache), "precached for offline use");

    // Offline from here on.
    await context.setOffline(true);
    await page.goto(`${server.origin}/`);
    await page.locator('a[href="/app/"]').first().click();
    await waitForApp(page);
    await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(fixturePath("zu5-incident.json"));
    await page.waitForURL(/#\/edit\//);
    await page.locator(".editor").waitFor();
    const zu5 = JSON.parse(await fs.readFile(fixturePath("zu5-incident.json"), "utf8"));

    // A screenshot of the page itself, attached, and a list with the privacy marker in it.
    const shot = await page.screenshot();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-attach-"));
    await fs.writeFile(path.join(dir, "画面のスクリーンショット.png"), shot);
    const ioc = `192.0.2.10\n192.0.2.11\n${MARKER}\n`;
    await fs.writeFile(path.join(dir, "ioc.txt"), ioc);
    await page.locator("#attach-input").setInputFiles([path.join(dir, "画面のスクリーンショット.png"), path.join(dir, "ioc.txt")]);
    await page.locator(".attachment-list li", { hasText: "画面のスクリーンショット.png" }).waitFor();
    const listed = await page.locator(".attachment-list li").allInnerTexts();
    assert.equal(listed.length, 2);
    assert.match(listed[0], /画面のスクリーンショット\.png.*image\/png/s);

    // The workbook: every typed text of the report beside its label, options with ■.
    const xlsx = await download(page, "#send-xlsx");
    assert.match(xlsx.name, /^kyoyu-incident-2023-08-19-dai1\.xlsx$/);
    const { rows, sheet } = await sheetRows(await fs.readFile(xlsx.file), "情報連絡様式");
    assert.deepEqual(rows.slice(0, 2).map((r) => r[0]), ["(重要インフラ所管省庁→内閣官房)", "情報連絡様式(第1報)"]);
    for (const [p, v] of texts(zu5.report)) {
      assert.ok(rows.some(([, value]) => value === v), `${p}: 「${v}」 not in the workbook`);
    }
    assert.ok(rows.some(([l, v]) => l === "事象が発生した重要インフラ事業者等名" && v === "〇〇株式会社"));
    assert.ok(rows.some(([l, v]) => l === "情報連絡日時" && v === "2023年8月19日 13時15分"));
    assert.ok(rows.some(([, v]) => v.split("\n").some((l) => l.startsWith("■GREEN"))), "the chosen TLP ticked");
    assert.equal(sheet.pageSetup.paperSize, 9, "A4");
    assert.equal(sheet.pageSetup.orientation, "portrait");
    assert.equal(sheet.pageSetup.fitToWidth, 1);
    assert.match(sheet.headerFooter.oddHeader, /TLP:GREEN/);
    assert.match(sheet.headerFooter.oddFooter, /TLP:GREEN/);

    // The e-mail draft: subject, body, To/Cc from the address book, every attachment.
    await page.locator("#send-name").fill("国家サイバー統括室");
    await page.locator("#send-to").fill("soc@example.go.jp, cyber@example.go.jp");
    await page.locator("#send-cc").fill("manager@example.co.jp");
    await page.locator("#send-book-save").click();
    await page.locator("#send-message", { hasText: "保存しました" }).waitFor();
    const eml = await download(page, "#send-eml");
    assert.match(eml.name, /\.eml$/);
    const raw = await fs.readFile(eml.file);
    const mail = await simpleParser(raw);
    const subject = await page.locator("#send-subject").inputValue();
    assert.equal(mail.subject, subject);
    assert.match(subject, /^\[TLP:GREEN\] 情報連絡様式 第1報/);
    assert.match(raw.toString("latin1"), /^Subject: =\?utf-8\?/im, "RFC 2047");
    assert.equal(mail.headers.get("x-unsent"), "1");
    assert.deepEqual(mail.to.value.map((a) => a.address), ["soc@example.go.jp", "cyber@example.go.jp"]);
    assert.deepEqual(mail.cc.value.map((a) => a.address), ["manager@example.co.jp"]);
    assert.equal(mail.from.value[0].address, "renraku.taro@xx.go.jp");
    await page.getByRole("button", { name: "メール本文をコピー" }).click();
    const body = await page.locator("#mail-body").inputValue();
    assert.equal(mail.text.replace(/\r\n/g, "\n").replace(/\n$/, ""), body.replace(/\n$/, ""));
    const names = mail.attachments.map((a) => a.filename);
    assert.deepEqual(names, ["kyoyu-incident-2023-08-19-dai1.xlsx", "kyoyu-incident-2023-08-19-dai1.json", "画面のスクリーンショット.png", "ioc.txt"]);
    const inMail = await sheetRows(mail.attachments[0].content, "情報連絡様式");
    assert.deepEqual(inMail.rows, rows, "the workbook in the draft is the workbook");
    assert.deepEqual(JSON.parse(mail.attachments[1].content.toString("utf8")).report, zu5.report);
    assert.ok(mail.attachments[2].content.equals(shot), "the screenshot byte for byte");
    assert.equal(mail.attachments[2].contentType, "image/png");
    assert.equal(mail.attachments[3].content.toString("utf8"), ioc);

    // The export bundle: the JSON, the workbook and the files; imported back unchanged into a
    // fresh browser profile.
    const zip = await download(page, "#send-zip");
    assert.match(zip.name, /^kyoyu-incident-2023-08-19-dai1\.zip$/);
    const other = await browser.newContext({ acceptDownloads: true });
    try {
      const p2 = await other.newPage();
      const log2 = record(p2);
      await p2.goto(`${server.origin}/app/`);
      await waitForApp(p2);
      await p2.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(zip.file);
      await p2.waitForURL(/#\/edit\//);
      await p2.locator(".attachment-list li", { hasText: "ioc.txt" }).waitFor();
      assert.deepEqual(await p2.locator(".attachment-list li .attachment-name").allInnerTexts(), ["画面のスクリーンショット.png", "ioc.txt"]);
      const again = await download(p2, "#send-eml");
      const mail2 = await simpleParser(await fs.readFile(again.file));
      assert.deepEqual(JSON.parse(mail2.attachments[1].content.toString("utf8")).report, zu5.report, "the report unchanged");
      assert.ok(mail2.attachments[2].content.equals(shot), "the screenshot unchanged");
      assert.equal(mail2.attachments[3].content.toString("utf8"), ioc);
      assert.deepEqual(log2.errors, []);
    } finally {
      await other.close();
    }

    // A file past the limit per report is refused, with the limit named in Japanese.
    const big = path.join(dir, "大きなログ.bin");
    await fs.writeFile(big, Buffer.alloc(7 * 1000 * 1000, 1));
    await page.locator("#attach-input").setInputFiles(big);
    await page.locator("#send-message", { hasText: "「大きなログ.bin」" }).waitFor();
    assert.match(await page.locator("#send-message").innerText(), /合計 7\.0 MB まで/);
    assert.equal(await page.locator(".attachment-list li").count(), 2, "nothing added");

    // A file removed is gone from the next draft.
    await page.getByRole("button", { name: "「ioc.txt」を添付から外す" }).click();
    await page.locator(".attachment-list li", { hasText: "ioc.txt" }).waitFor({ state: "detached" });

    // mailto: the addresses and subject (図5's body is too long for a URL: pasted instead).
    const href = await page.locator("#send-mailto").getAttribute("href");
    const url = new URL(href);
    assert.equal(decodeURIComponent(url.pathname), "soc@example.go.jp,cyber@example.go.jp");
    assert.equal(url.searchParams.get("subject"), subject);
    assert.equal(url.searchParams.get("cc"), "manager@example.co.jp");
    assert.equal(url.searchParams.get("body"), null);
    assert.ok(href.length <= 2000);
    await page.locator("#send-mailto-hint").waitFor();

    // The address book is kept for the next report, in this browser.
    await page.reload();
    await page.locator(".editor").waitFor();
    assert.equal(await page.locator("#send-to").inputValue(), "soc@example.go.jp, cyber@example.go.jp");

    // Nothing of the attached file left the browser.
    await context.setOffline(false);
    for (const r of requests) assert.ok(!r.url.includes(MARKER) && !r.body.includes(MARKER), `the marker in a request: ${r.url}`);
    assert.deepEqual(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
  }
});

test("a 続報 takes over the previous report's files when asked, and its workbook underlines what changed", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const log = record(page);
  try {
    await page.goto(`${server.origin}/app/`);
    await waitForApp(page);
    await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(fixturePath("zu5-incident.json"));
    await page.waitForURL(/#\/edit\//);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-attach-"));
    await fs.writeFile(path.join(dir, "press-release.pdf"), "%PDF-1.4\n%kyoyu test\n");
    await page.locator("#attach-input").setInputFiles(path.join(dir, "press-release.pdf"));
    await page.locator(".attachment-list li", { hasText: "press-release.pdf" }).waitFor();
    const first = page.url();

    await page.getByRole("button", { name: "続報(第2報)を作成" }).click();
    await page.waitForURL((u) => u.href !== first && /#\/edit\//.test(u.href));
    await page.locator(".editor").waitFor();
    assert.equal(await page.locator(".attachment-list li").count(), 0, "nothing taken over unasked");
    await page.locator("#attach-carry").click();
    await page.locator(".attachment-list li", { hasText: "press-release.pdf" }).waitFor();
    assert.match(await page.locator("#send-message").innerText(), /1件を引き継ぎました/);

    const summary = page.locator("#f-overview-summary");
    await summary.fill((await summary.inputValue()) + "\n・被害の範囲を特定した。");
    const xlsx = await download(page, "#send-xlsx");
    assert.match(xlsx.name, /dai2\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await fs.readFile(xlsx.file));
    const sheet = book.getWorksheet("情報連絡様式");
    let changed, unchanged;
    sheet.eachRow((row) => {
      if (row.getCell(1).text.endsWith("発生事象の概要")) changed = row.getCell(2);
      if (row.getCell(1).text === "事象が発生した重要インフラ事業者等名") unchanged = row.getCell(2);
    });
    assert.ok(changed.text.endsWith("・被害の範囲を特定した。"));
    assert.equal(changed.font?.underline, true, "the changed 概要 underlined");
    assert.ok(!unchanged.font?.underline, "an unchanged entry is not");
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
