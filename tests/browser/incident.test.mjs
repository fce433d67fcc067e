// The form filler during an incident, driven as a person would — through labels and the
// keyboard: the form for one's role, dates as people write them, feedback only once a field is
// left, the ministry's conversion of a 共通様式 into a 情報連絡様式, the セプター's anonymised
// copy, the 識別番号 carried along a series, the 公開用ファイル refused while not publishable,
// offline and storage state, removed rows, the contents list, growing textareas, and links to
// the reference tables.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import ExcelJS from "exceljs";
import { launch, newForm, openApp, startServer, waitSaved } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const fixturePath = (name) => path.join(root, "tests/fixtures", name);

let server, browser, tmp;
before(async () => {
  server = await startServer();
  browser = await launch();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-incident-"));
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** Imports a fixture (or a JSON value) from the home page, through its label; waits for the editor. */
async function importFile(page, nameOrValue) {
  let file = nameOrValue;
  if (typeof nameOrValue !== "string") {
    file = path.join(tmp, `import-${Math.random().toString(36).slice(2)}.json`);
    await fs.writeFile(file, JSON.stringify(nameOrValue));
  } else {
    file = fixturePath(nameOrValue);
  }
  if (!page.url().endsWith("/app/#/")) await page.evaluate(() => { location.hash = "#/"; });
  await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(file);
  await page.waitForURL(/#\/edit\//);
  await page.locator(".editor").waitFor();
  return page.url().split("#/edit/")[1];
}

const fixture = async (name) => JSON.parse(await fs.readFile(fixturePath(name), "utf8"));

/** Clicks the button named `name` through the keyboard and saves the download; its path. */
async function downloadBy(page, name) {
  const button = page.getByRole("button", { name, exact: true });
  await button.focus();
  const [d] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return file;
}

test("the home offers the form the handbook gives each role, and remembers the choice", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  // The keyboard: tab to the first role, arrows move between the radios.
  await page.getByLabel("重要インフラ事業者等", { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("ランサムウェア", { exact: true }).check();
  const answer = page.locator(".role-answer");
  await answer.waitFor();
  assert.match(await answer.innerText(), /ランサムウェア事案共通様式\(図4-2\)/);
  assert.match(await answer.innerText(), /所管省庁/);
  const read = answer.getByRole("link", { name: "手引書 2.2 を読む" });
  assert.equal(await read.getAttribute("href"), "/handbook/kodo-keikaku/joho-renraku/#22-情報連絡様式");

  await page.getByLabel("重要インフラ所管省庁", { exact: true }).check();
  assert.match(await answer.innerText(), /情報連絡様式\(図4\)/);
  assert.match(await answer.innerText(), /共通様式で受けた報告は、そのまま情報連絡様式に変換できます/);
  assert.equal(await answer.getByRole("link", { name: "手引書 2.1 を読む" }).getAttribute("href"), "/handbook/kodo-keikaku/joho-renraku/#21-情報連絡の流れ");
  // The handbook page and its section exist on the site.
  const html = await (await fetch(`${server.origin}/handbook/kodo-keikaku/joho-renraku/`)).text();
  assert.ok(html.includes('id="21-情報連絡の流れ"') && html.includes('id="22-情報連絡様式"'));

  // Remembered after a reload; the button starts that form.
  await page.reload();
  await page.locator("[data-app-ready]").waitFor();
  assert.ok(await page.getByLabel("重要インフラ所管省庁", { exact: true }).isChecked());
  assert.ok(await page.getByLabel("ランサムウェア", { exact: true }).isChecked());
  await answer.getByRole("link", { name: "情報連絡様式を作成" }).click();
  await page.waitForURL(/#\/edit\//);
  assert.equal(await page.locator(".editor").getAttribute("data-form"), "incident");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("dates as people write them: understood, written back when left, 現在日時, one example in hint and message", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  await newForm(page, "incident");
  // A brand-new form shows no error at all.
  assert.equal(await page.locator(".send-state").innerText(), "未入力");
  assert.equal(await page.locator(".field-msg").count(), 0);

  const reported = page.getByLabel("情報連絡日時", { exact: false }).first();
  const hintId = (await reported.getAttribute("aria-describedby")).split(" ").find((i) => i.startsWith("hint-"));
  const hint = await page.locator(`#${hintId}`).innerText();
  assert.match(hint, /「2023-08-19T13:15」又は「2023年8月19日 13時15分」/);
  assert.doesNotMatch(hint, /例: 例|\(\(/);

  await reported.fill("２０２３年８月１９日 13時15分");
  await page.getByText("2023年8月19日 13時15分 と読み取りました").waitFor();
  await page.keyboard.press("Tab");
  assert.equal(await reported.inputValue(), "2023-08-19T13:15", "written back in the form's format");

  // 和暦 on a form that says 西暦で記載: left as typed, and the field's own message, once left.
  const discovered = page.getByLabel("判明日時", { exact: true });
  await discovered.fill("令和5年8月18日 20時");
  assert.equal(await page.locator(".field-msg").count(), 0, "no message while typing");
  await discovered.press("Tab");
  assert.equal(await discovered.inputValue(), "令和5年8月18日 20時");
  await page.locator(".field", { has: discovered }).locator(".field-msg").first().waitFor();
  const msgId = (await discovered.getAttribute("aria-describedby")).split(" ").find((i) => i.startsWith("msg-"));
  const msg = await page.locator(`#${msgId}`).innerText();
  assert.match(msg, /判明日時は西暦で記入してください/);
  assert.match(msg, /「2023-08-18T20:00」/);
  assert.equal(await discovered.getAttribute("aria-invalid"), "true");
  // Fields not yet visited say nothing before 確認; 確認 shows them all.
  assert.equal(await page.locator(".field-error", { hasText: "分野名" }).count(), 0);
  await page.getByRole("button", { name: "入力内容を確認" }).click();
  await page.locator("#error-summary").getByRole("link", { name: /分野名は必須項目です/ }).waitFor();
  assert.match(await page.locator(".send-state").innerText(), /エラー \d+件/);

  // 現在日時 on the report's own date.
  await reported.fill("");
  await page.getByRole("button", { name: "情報連絡日時に現在日時を入れる" }).click();
  assert.match(await reported.inputValue(), /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  assert.equal(await page.getByRole("button", { name: /判明日時に現在日時/ }).count(), 0, "only on the report's own date");

  // The 共通様式 take 和暦, written back in 西暦.
  await newForm(page, "ddos");
  const ddosReported = page.getByLabel("報告日時", { exact: true });
  assert.match(await page.locator(`#${(await ddosReported.getAttribute("aria-describedby")).split(" ").find((i) => i.startsWith("hint-"))}`).innerText(), /和暦も可/);
  await ddosReported.fill("令和7年10月15日 9時00分");
  await ddosReported.press("Tab");
  assert.equal(await ddosReported.inputValue(), "2025-10-15T09:00");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a ministry turns a DDoS common form into a prefilled 情報連絡様式, each mapped field listed", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  const sourceId = await importFile(page, "ddos-two-attacks.json");
  await page.getByRole("button", { name: "情報連絡様式に変換" }).click();
  await page.waitForURL((u) => !u.href.endsWith(sourceId));
  assert.equal(await page.locator(".editor").getAttribute("data-form"), "incident");
  assert.equal(await page.getByLabel("事象が発生した重要インフラ事業者等名", { exact: true }).inputValue(), "架空電力株式会社");

  const review = page.locator("section.review");
  await review.waitFor();
  const items = review.locator(".review-list li");
  assert.ok((await items.count()) >= 15, `mapped fields listed (${await items.count()})`);
  const text = await review.innerText();
  for (const label of ["分野名", "発生した事象の類型", "原因の類型", "概要"]) assert.match(text, new RegExp(label));
  assert.match(text, /推定/);
  // The original is the 別紙, and stays as its own draft.
  const annex = review.getByRole("link", { name: /^別紙 DDoS攻撃事案共通様式\(架空電力株式会社/ });
  assert.equal(await annex.getAttribute("href"), `#/edit/${sourceId}`);
  // Suggested from the content: システム等の利用困難, DDoS攻撃等の大量アクセス, 電力.
  assert.ok(await page.getByLabel("システム等の利用困難", { exact: false }).first().isChecked());
  assert.ok(await page.getByLabel("DDoS攻撃等の大量アクセス", { exact: false }).first().isChecked());
  // Each entry leads to its field.
  await items.filter({ hasText: "分野名" }).getByRole("link").click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-sector");
  assert.match(page.url(), /#\/edit\//);
  // Checked: the list goes, and stays gone.
  await review.getByRole("button", { name: /確認しました/ }).click();
  assert.equal(await review.count(), 0);
  await page.reload();
  await page.locator(".editor").waitFor();
  assert.equal(await page.locator("section.review").count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("with encryption on, a conversion's review list is sealed like the drafts and goes with its draft", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  await page.getByRole("button", { name: "端末内の下書きを暗号化する" }).click();
  await page.getByLabel("パスフレーズ(8文字以上)").fill("correct horse battery staple");
  await page.getByLabel("パスフレーズ(確認)").fill("correct horse battery staple");
  await page.getByRole("button", { name: "暗号化を有効にする" }).click();
  await page.getByText("この端末の下書きを暗号化しました", { exact: false }).waitFor({ timeout: 30000 });
  await importFile(page, "ddos-two-attacks.json");
  await page.getByRole("button", { name: "情報連絡様式に変換" }).click();
  await page.locator("section.review").waitFor();
  const id = page.url().split("#/edit/")[1];
  await page.waitForTimeout(500); // the sealed writes run in the background
  const stored = () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const all = await stored();
  assert.ok(all[`kyoyu.review.${id}`], "the review list is kept");
  const escaped = (t) => [...t].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join("");
  for (const [k, v] of Object.entries(all)) {
    if (/^kyoyu\.(draft|review)\./.test(k)) assert.equal(JSON.parse(v).format, "kyoyu-sealed", `${k} is sealed`);
    for (const form of ["架空電力", escaped("架空電力")]) assert.ok(!v.includes(form), `${k} holds the operator's name`);
  }
  // Deleting the converted draft removes its review list too.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "この下書きを削除" }).click();
  await page.waitForURL(/#\/$/);
  await page.waitForFunction((k) => localStorage.getItem(k) === null, `kyoyu.review.${id}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a セプター事務局 previews and makes an anonymised copy; the original stays", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  const sourceId = await importFile(page, "ddos-two-attacks.json");
  await page.getByLabel("事業者名の置き換え").fill("B社");
  await page.getByRole("button", { name: "匿名化の変更点を表示" }).click();
  const table = page.locator("table.anon-preview");
  await table.waitFor();
  const row = table.locator("tr", { hasText: "架空電力株式会社" }).first();
  assert.match(await row.innerText(), /B社/);
  assert.match(await table.innerText(), /03-0000-1234\s+\(削除\)/);
  await page.getByRole("button", { name: "匿名化した写しを作成" }).click();
  await page.waitForURL((u) => !u.href.endsWith(sourceId));
  const body = await page.locator(".report-form").evaluate((f) => [...f.querySelectorAll("input, textarea")].map((e) => e.value).join("\n"));
  assert.ok(body.includes("B社"));
  for (const secret of ["架空電力", "7000012050002", "csirt@example.jp", "03-0000-1234"]) assert.ok(!body.includes(secret), secret);
  // The original is untouched.
  await page.goto(`${server.origin}/app/#/edit/${sourceId}`);
  await page.locator(".editor").waitFor();
  assert.equal(await page.getByLabel("報告者の氏名又は名称", { exact: true }).inputValue(), "架空電力株式会社");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the 識別番号 entered once is carried to every later 続報", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  await importFile(page, "zu5-incident.json");
  const first = page.url();
  await page.getByRole("button", { name: "続報(第2報)を作成" }).click();
  await page.waitForURL((u) => u.href !== first);
  await page.getByRole("button", { name: "続報(第3報)を作成" }).waitFor();
  const second = page.url();
  await page.getByRole("button", { name: "続報(第3報)を作成" }).click();
  await page.waitForURL((u) => u.href !== second);
  await page.getByRole("button", { name: "続報(第4報)を作成" }).waitFor();
  const third = page.url();
  await page.goto(second);
  await page.locator(".editor").waitFor();
  await page.getByLabel("この事案の識別番号").fill("KY-2023-0042");
  await page.getByRole("button", { name: "この事案の続報すべてに記入" }).click();
  await page.getByText(/識別番号「KY-2023-0042」をこの報告と、この端末にある同じ事案の他の続報1件に記入しました/).waitFor();
  assert.equal(await page.locator("#f-header-identifier").inputValue(), "KY-2023-0042");
  await page.goto(third);
  await page.locator(".editor").waitFor();
  assert.equal(await page.locator("#f-header-identifier").inputValue(), "KY-2023-0042");
  assert.equal(await page.getByLabel("この事案の識別番号").inputValue(), "KY-2023-0042", "known to the series");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("公開用ファイル is refused, saying why, until the advisory is publishable", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openApp(context);
  let downloads = 0;
  page.on("download", () => downloads++);
  const zu8 = await fixture("zu8-advisory.json");
  await importFile(page, zu8);
  const button = page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" });
  await button.click();
  const refusal = page.locator(".message-error", { hasText: "公開用ファイルは書き出せません" });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /TLP:GREEN/);
  assert.match(await refusal.innerText(), /情報提供日時/, "the form's errors too (2022-XX-XX)");

  zu8.series.id = "publish-test";
  zu8.report.header.tlp = "CLEAR";
  zu8.report.header.provided_at = "2025-10-01T10:00";
  zu8.report.header.identifier = "KY 2025/0013";
  await importFile(page, zu8);
  await page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click();
  await page.locator(".message-error", { hasText: "URL に使うため" }).waitFor();
  assert.equal(downloads, 0);

  await page.getByLabel(/^識別番号/).fill("KY-2025-0013");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click()]);
  const text = await fs.readFile(await download.path(), "utf8");
  assert.match(text, /tlp = "CLEAR"/);
  assert.match(text, /id = "KY-2025-0013"/);
  await context.close();
});

test("offline is shown (and the app keeps working); persistent storage can be asked again", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  assert.equal(await page.locator(".offline-indicator").count(), 0);
  await context.setOffline(true);
  const banner = page.getByRole("status").filter({ hasText: "オフラインです" });
  await banner.waitFor();
  assert.match(await banner.innerText(), /このまま続けられます/);
  await newForm(page, "ddos").catch(async () => {
    // Offline, the address change still works: the app is already loaded.
    await page.evaluate(() => { location.hash = "#/new/ddos"; });
    await page.waitForURL(/#\/edit\//);
  });
  await page.getByLabel("報告者の氏名又は名称", { exact: true }).fill("オフライン株式会社");
  await page.locator(".save-state", { hasText: /^保存済み/ }).waitFor({ timeout: 5000 });
  await context.setOffline(false);
  await page.locator(".offline-indicator").waitFor({ state: "detached" });

  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("button", { name: "保存データの永続化を申請する" }).click();
  await page.locator(".persist-answer").waitFor();
  assert.match(await page.locator(".persist-answer").innerText(), /永続化/);
  assert.deepEqual(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load/.test(e)), []);
  await context.close();
});

test("a filled row is removed only when confirmed; an empty one at once", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  await importFile(page, "ddos-two-attacks.json");
  const count = () => page.locator("[id^='f-timeline-'][id$='-at']").count();
  const before = await count();
  assert.equal(before, 6);
  const remove = page.getByRole("button", { name: /^削除\s*\(行 1\)$/ }).first();
  let asked = "";
  page.once("dialog", (d) => { asked = d.message(); d.dismiss(); });
  await remove.click();
  assert.match(asked, /行 1には入力があります/);
  assert.equal(await count(), before, "kept when not confirmed");
  page.once("dialog", (d) => d.accept());
  await remove.click();
  await page.waitForFunction((n) => document.querySelectorAll("[id^='f-timeline-'][id$='-at']").length === n, before - 1);
  // An empty row goes without a question.
  await page.getByRole("button", { name: "行を追加" }).first().click();
  await page.waitForFunction((n) => document.querySelectorAll("[id^='f-timeline-'][id$='-at']").length === n, before);
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; d.dismiss(); });
  await page.getByRole("button", { name: new RegExp(`^削除\\s*\\(行 ${before}\\)$`) }).first().click();
  await page.waitForFunction((n) => document.querySelectorAll("[id^='f-timeline-'][id$='-at']").length === n, before - 1);
  assert.equal(dialogs, 0);
  await context.close();
});

test("a contents list of the sections, textareas that grow, links to the reference tables", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, log } = await openApp(context);
  await newForm(page, "incident");
  const nav = page.getByRole("navigation", { name: "この様式の目次" });
  const links = nav.getByRole("link");
  const sections = await page.locator(".report-form section.form-section").count();
  assert.equal(await links.count(), sections);
  // Sticky beside the form on a wide screen.
  assert.equal(await nav.evaluate((n) => getComputedStyle(n).position), "sticky");
  await links.nth(3).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "sec-3");
  assert.match(page.url(), /#\/edit\//, "the route is unchanged");

  const summary = page.getByLabel("発生事象の概要", { exact: false }).first();
  const h0 = await summary.evaluate((e) => e.getBoundingClientRect().height);
  await summary.fill(Array.from({ length: 12 }, (_, i) => `${i + 1}行目の内容`).join("\n"));
  const h1 = await summary.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(h1 > h0 * 2, `grew from ${h0} to ${h1}`);
  assert.ok(await summary.evaluate((e) => e.scrollHeight <= e.clientHeight + 2), "nothing hidden");

  for (const [name, href] of [
    ["参照: 表5 情報共有範囲(TLP)", "/reference/tlp/#table5"],
    ["参照: 表1 情報連絡における原因の例", "/reference/causes/#table1"],
    ["参照: 表3 分野ごとのサービス維持レベル", "/reference/sectors/"],
  ]) {
    const link = page.getByRole("link", { name });
    assert.equal(await link.getAttribute("href"), href, name);
    const res = await fetch(server.origin + href.split("#")[0]);
    assert.equal(res.status, 200, href);
    if (href.includes("#")) assert.ok((await res.text()).includes(`id="${href.split("#")[1]}"`), href);
  }

  // On a phone, the list is a menu above the form.
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const { page: p2 } = await openApp(phone);
  await newForm(p2, "incident");
  const details = p2.locator(".form-contents details");
  assert.equal(await details.getAttribute("open"), null, "closed on a phone");
  await p2.locator(".form-contents summary").click();
  assert.ok(await p2.getByRole("navigation", { name: "この様式の目次" }).getByRole("link").first().isVisible());
  assert.deepEqual(log.errors, []);
  await phone.close();
  await context.close();
});

test("the contents list every section the editor shows, in order, インディケータ情報 too", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, log } = await openApp(context);
  for (const kind of ["incident", "ddos", "ransomware", "advisory"]) {
    await newForm(page, kind);
    const links = page.getByRole("navigation", { name: "この様式の目次" }).getByRole("link");
    const headings = page.locator(".report-form section.form-section > h2");
    // Each entry is its section's heading (without the required mark) and leads to it.
    const entries = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    const sections = await headings.evaluateAll((hs) =>
      hs.map((h) => [[...h.childNodes].filter((n) => !n.classList?.contains("req")).map((n) => n.textContent).join(""), `#${h.id}`]),
    );
    assert.ok(sections.length >= 3, `${kind}: ${sections.length} sections`);
    assert.deepEqual(entries, sections, kind);
    if (kind === "advisory") {
      assert.equal(entries.at(-1)[0], "インディケータ情報");
      await links.last().focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement.textContent), "インディケータ情報");
    }
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a DDoS common form received as a ZIP bundle becomes a 情報連絡様式 carrying the original as 別紙", async () => {
  const ddos = await fixture("ddos-two-attacks.json");
  const ips = "198.51.100.1\n198.51.100.2\n";
  await fs.writeFile(path.join(tmp, "送信元IP一覧.txt"), ips);
  // The operator's side: the common form with its list of addresses, sent as a bundle.
  const sender = await browser.newContext({ acceptDownloads: true });
  const { page: op } = await openApp(sender);
  await importFile(op, "ddos-two-attacks.json");
  await op.locator("#attach-input").setInputFiles(path.join(tmp, "送信元IP一覧.txt"));
  await op.locator(".attachment-list li", { hasText: "送信元IP一覧.txt" }).waitFor();
  const bundle = await downloadBy(op, "ZIP に書き出す(JSON・Excel・添付ファイル)");
  await sender.close();

  // The ministry's side, in another browser: the bundle is imported and converted.
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, log } = await openApp(context);
  await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(bundle);
  await page.waitForURL(/#\/edit\//);
  await page.locator('.editor[data-form="ddos"]').waitFor();
  const convert = page.getByRole("button", { name: "情報連絡様式に変換" });
  await convert.focus();
  await page.keyboard.press("Enter");
  await page.locator('.editor[data-form="incident"]').waitFor();
  assert.equal(await page.getByLabel("事象が発生した重要インフラ事業者等名", { exact: true }).inputValue(), "架空電力株式会社");
  const review = page.locator("section.review");
  await review.locator(".review-annex").waitFor();
  assert.match(await review.locator(".review-annex").innerText(), /別紙-kyoyu-ddos-2025-10-15-dai2\.xlsx/);
  const names = ["別紙-kyoyu-ddos-2025-10-15-dai2.xlsx", "別紙-kyoyu-ddos-2025-10-15-dai2.json", "送信元IP一覧.txt"];
  await page.locator(".attachment-list li", { hasText: "送信元IP一覧.txt" }).waitFor();
  assert.deepEqual(await page.locator(".attachment-list li .attachment-name").allInnerTexts(), names);

  // The 別紙 goes with the report: the e-mail draft holds the original's workbook, its JSON
  // (the report as received) and the operator's file.
  const mail = await simpleParser(await fs.readFile(await downloadBy(page, "メール下書き(.eml)")));
  const attached = mail.attachments.map((a) => a.filename);
  for (const n of names) assert.ok(attached.includes(n), `${n} in the e-mail draft: ${attached}`);
  const json = mail.attachments.find((a) => a.filename === names[1]);
  assert.deepEqual(JSON.parse(json.content.toString("utf8")).report, ddos.report, "the original, unchanged");
  const xlsx = mail.attachments.find((a) => a.filename === names[0]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.content);
  const sheet = book.getWorksheet("DDoS攻撃事案共通様式");
  assert.ok(sheet, "the original's workbook");
  const cells = [];
  sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))));
  assert.ok(cells.includes("架空電力株式会社"), "the operator's name in the original's workbook");
  assert.equal(mail.attachments.find((a) => a.filename === names[2]).content.toString("utf8"), ips);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the 情報連絡様式: 識別番号 is not 必須 on a 第1報, 情報共有範囲 is said once", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  await newForm(page, "incident");
  const idLabel = page.locator('label[for="f-header-identifier"]');
  assert.equal((await idLabel.textContent()).trim(), "識別番号", "no 必須 on a 第1報");
  assert.ok(await page.getByLabel("識別番号", { exact: true }).isVisible());
  const number = page.getByLabel(/^第N報/);
  await number.fill("2");
  await waitSaved(page);
  assert.equal((await idLabel.textContent()).trim(), "識別番号*(必須)", "必須 from the 第2報 on");

  // 「情報共有範囲」 once on screen (the section's heading); the radios keep it as their name.
  const shown = await page.locator(".report-form").evaluate((form) =>
    [...form.querySelectorAll("h2, legend, label")].filter((e) => e.textContent.trim().startsWith("情報共有範囲") && e.checkVisibility() && e.getBoundingClientRect().width > 1).map((e) => e.localName));
  assert.deepEqual(shown, ["h2"]);
  const tlp = page.getByRole("group", { name: /^情報共有範囲/ });
  assert.equal(await tlp.count(), 1);
  const amber = tlp.getByRole("radio", { name: "AMBER = 特定分野・関係者限り", exact: true });
  await amber.check();
  assert.ok(await amber.isChecked());

  // Under the title, each line says what it is: the form (and its way), then the state.
  const figure = page.locator(".editor > .form-figure");
  assert.equal((await figure.innerText()).trim(), "様式: 情報連絡様式(図4)(重要インフラ所管省庁→内閣官房)");
  assert.deepEqual(log.errors, []);
  await context.close();
});
