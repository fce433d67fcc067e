// The form filler, end to end in a real Chromium: typing the 図5 example, autosave and reload,
// JSON export, print view, import/export round trips, follow-ups with changed fields, the
// GOV.UK error summary, refused imports, and axe-core on every screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { launch, newForm, openApp, record, startServer, waitForApp, waitSaved } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = async (name) => JSON.parse(await fs.readFile(path.join(root, "tests/fixtures", name), "utf8"));
const fixturePath = (name) => path.join(root, "tests/fixtures", name);

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** The element id the app gives the input of a field path (`timeline[2].at` → `f-timeline-2-at`). */
const fieldId = (p) => "f-" + p.replace(/\]/g, "").replace(/[.[]/g, "-");

/** The visible label text of the input with this id (asserts there is one). */
async function labelOf(page, id) {
  const label = page.locator(`label[for="${id}"]`);
  assert.equal(await label.count(), 1, `input #${id} has one <label>`);
  assert.ok(await label.isVisible(), `the label of #${id} is visible`);
  // The label's text as getByLabel matches it (textContent: visually hidden parts included).
  return (await label.textContent()).replace(/\s+/g, " ").trim();
}

/** Types a value into the field at `p`, through its label. */
async function fillField(page, p, value) {
  const id = fieldId(p);
  const el = page.locator(`#${id}`);
  const tag = await el.evaluate((e) => e.tagName + ":" + (e.type || ""));
  if (tag.startsWith("SELECT")) {
    await labelOf(page, id);
    await el.selectOption(value ?? "");
  } else if (tag === "INPUT:radio") {
    if (value === null) return;
    const radio = page.locator(`input[name="${id}"][value="${value}"]`);
    const rid = await radio.getAttribute("id");
    await page.locator(`label[for="${rid}"]`).click();
    assert.ok(await radio.isChecked());
  } else if (tag === "INPUT:checkbox" && Array.isArray(value)) {
    for (const v of value) {
      const box = page.locator(`input[name="${id}"][value="${v}"]`);
      const bid = await box.getAttribute("id");
      await page.locator(`label[for="${bid}"]`).click();
      assert.ok(await box.isChecked());
    }
  } else if (tag === "INPUT:checkbox") {
    if (value) await page.getByLabel(await labelOf(page, id), { exact: true }).check();
  } else {
    const label = await labelOf(page, id);
    const byLabel = page.locator(`#${id}`); // the same element as getByLabel(label)
    const named = await page.getByLabel(label, { exact: true }).evaluateAll((els) => els.map((e) => e.id));
    assert.ok(named.includes(id), `label 「${label}」 names #${id}`);
    await byLabel.fill(String(value));
  }
}

/** Reads back what the field at `p` shows. */
async function readField(page, p, expected) {
  const id = fieldId(p);
  const el = page.locator(`#${id}`);
  const tag = await el.evaluate((e) => e.tagName + ":" + (e.type || ""));
  if (tag === "INPUT:radio") {
    return page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value ?? null, id);
  }
  if (tag === "INPUT:checkbox" && Array.isArray(expected)) {
    return page.evaluate((n) => [...document.querySelectorAll(`input[name="${n}"]:checked`)].map((e) => e.value), id);
  }
  if (tag === "INPUT:checkbox") return el.isChecked();
  if (tag === "INPUT:number") return Number(await el.inputValue());
  const v = await el.inputValue();
  return tag.startsWith("SELECT") && v === "" ? null : v;
}

/** Leaves of a report value: [path, value] (lists of rows expanded, lists of ids kept whole). */
function leaves(v, at = "") {
  if (Array.isArray(v)) {
    if (v.length && v.every((x) => x && typeof x === "object")) return v.flatMap((x, i) => leaves(x, `${at}[${i}]`));
    return [[at, v]];
  }
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, at ? `${at}.${k}` : k));
  return [[at, v]];
}

async function exportJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ファイル(JSON)に書き出す" }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), json: JSON.parse(await fs.readFile(file, "utf8")) };
}

async function importFile(page, file) {
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("heading", { name: "様式入力", level: 1 }).waitFor();
  await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(file);
}

async function drafts(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("kyoyu.")).map((k) => [k, localStorage.getItem(k)])));
}

/** Fills a whole report, rows added with the group's 「追加」 button. */
async function fillReport(page, report, groups) {
  for (const [g, addName] of Object.entries(groups)) {
    for (let i = 0; i < (report[g]?.length || 0); i++) {
      await page.getByRole("button", { name: addName }).click();
    }
  }
  for (const [p, v] of leaves(report)) {
    if (v === null || v === "" || (Array.isArray(v) && v.length === 0) || v === false) continue;
    if (p === "header.report_number" && v === 1) continue;
    await fillField(page, p, v);
  }
}

test("図5 typed in, kept across a reload, exported exactly, printed with ■ and TLP:GREEN top and bottom", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, log } = await openApp(context);
  const zu5 = await fixture("zu5-incident.json");
  await newForm(page, "incident");
  await fillReport(page, zu5.report, { timeline: "行を追加" });
  await waitSaved(page);

  await page.reload();
  await waitForApp(page);
  await page.locator(".editor").waitFor();
  for (const [p, v] of leaves(zu5.report)) {
    if (p === "causes" || p === "header.importance" || p === "sector" || p.startsWith("impact.")) {
      assert.deepEqual(await readField(page, p, v), v, p);
      continue;
    }
    assert.deepEqual(await readField(page, p, v), v, `after reload: ${p}`);
  }

  const { name, json } = await exportJson(page);
  assert.match(name, /^kyoyu-incident-2023-08-19-dai1\.json$/);
  assert.equal(json.format, "kyoyu-report");
  assert.equal(json.kind, "incident");
  assert.deepEqual(json.report, zu5.report);

  await page.getByRole("link", { name: "印刷用の表示" }).click();
  await page.locator("article.form-print").waitFor();
  assert.ok(await page.getByRole("button", { name: "印刷" }).isVisible());
  const chosen = await page.locator(".fp-mark", { hasText: "■" }).count();
  const expected = leaves(zu5.report).filter(([p, v]) => typeof v === "string" && ["header.tlp", "header.annex", "event_type", "overview.system_status", "external.press", "external.ppc", "outlook"].includes(p)).length;
  assert.equal(expected, 7);
  assert.equal(chosen, expected, "■ on exactly the chosen options");
  const running = await page.locator(".fp-running").allInnerTexts();
  assert.equal(running.length, 2, "TLP label at the top and the bottom");
  for (const r of running) assert.equal(r.trim(), "TLP:GREEN");
  assert.ok(await page.locator("thead .fp-running").isVisible());
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.requests.filter((r) => !r.url.startsWith(server.origin)), []);
  await context.close();
});

for (const [file, kind, rows] of [["ddos-two-attacks.json", "ddos", 2], ["ransomware.json", "ransomware", 0]]) {
  test(`${kind}: filled in, exported, re-imported unchanged; the fixture imported and exported unchanged`, async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, log } = await openApp(context);
    const fx = await fixture(file);
    // Typed in through the form.
    await newForm(page, kind);
    if (kind === "ransomware") {
      const cautions = page.getByRole("region", { name: "2. ランサムウェア感染時の留意事項" });
      assert.ok(await cautions.isVisible(), "the five cautions are shown when the form opens");
      assert.equal(await cautions.locator("li").count(), 5);
    }
    await fillReport(page, fx.report, { timeline: "行を追加", attacks: "攻撃を追加(別の表を作成)" });
    await waitSaved(page);
    if (kind === "ddos") {
      assert.equal(await page.locator(".group-row .row-legend", { hasText: /^攻撃 \d/ }).count(), rows, "two attack blocks");
    }
    const typed = await exportJson(page);
    assert.deepEqual(typed.json.report, fx.report, "typed in = fixture");
    // Removed, then read back from the exported file: the same report again.
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "この下書きを削除" }).click();
    await page.waitForURL(/#\/$/);
    const tmp = path.join(await fs.mkdtemp("/tmp/kyoyu-"), typed.name);
    await fs.writeFile(tmp, JSON.stringify(typed.json));
    await importFile(page, tmp);
    await page.waitForURL(/#\/edit\//);
    await page.locator(".editor").waitFor();
    const again = await exportJson(page);
    assert.deepEqual(again.json.report, fx.report, "re-imported unchanged");
    // The fixture file itself: imported then exported, the same report and series.
    await importFile(page, fixturePath(file));
    await page.waitForURL(/#\/edit\//);
    await page.locator(".editor").waitFor();
    const fromFixture = await exportJson(page);
    assert.deepEqual(fromFixture.json.report, fx.report);
    assert.deepEqual(fromFixture.json.series, fx.series);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("DDoS: attacks are added, moved and removed in the editor", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openApp(context);
  await newForm(page, "ddos");
  const add = page.getByRole("button", { name: "攻撃を追加(別の表を作成)" });
  await add.click();
  await add.click();
  await page.locator(`#${fieldId("attacks[0].protocol")}`).fill("UDP");
  // Autosave: the edit reaches LocalStorage within about a second.
  const t0 = Date.now();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("kyoyu.draft.") && localStorage.getItem(k).includes('"protocol":"UDP"')), null, { timeout: 1500, polling: 20 });
  const ms = Date.now() - t0;
  console.log(`# autosave: edit stored after ${ms} ms`);
  assert.ok(ms < 1200, `autosave within about a second (${ms} ms)`);
  await page.locator(`#${fieldId("attacks[1].protocol")}`).fill("HTTP");
  await page.getByRole("button", { name: /^下へ\s*\(攻撃 1 を下へ移動\)$/ }).click();
  assert.equal(await page.locator(`#${fieldId("attacks[0].protocol")}`).inputValue(), "HTTP");
  assert.equal(await page.locator(`#${fieldId("attacks[1].protocol")}`).inputValue(), "UDP");
  // A filled attack is removed once confirmed.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: /^削除\s*\(攻撃 1\)$/ }).click();
  assert.equal(await page.locator(".group-row .row-legend", { hasText: /^攻撃 \d/ }).count(), 1);
  assert.equal(await page.locator(`#${fieldId("attacks[0].protocol")}`).inputValue(), "UDP");
  await waitSaved(page);
  const { json } = await exportJson(page);
  assert.equal(json.report.attacks.length, 1);
  assert.equal(json.report.attacks[0].protocol, "UDP");
  await context.close();
});

test("a follow-up of 図5 marks exactly the changed fields and the added row, in the editor and in print", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, log } = await openApp(context);
  await importFile(page, fixturePath("zu5-incident.json"));
  await page.waitForURL(/#\/edit\//);
  await page.locator(".editor").waitFor();
  await page.getByRole("button", { name: "続報(第2報)を作成" }).click();
  await page.getByRole("heading", { level: 1, name: /第2報/ }).waitFor();
  assert.equal(await page.locator(".changed-marker").count(), 0, "nothing marked before any edit");

  await page.getByRole("group", { name: /^システムの稼働状況/ }).getByLabel("復旧済").check();
  await page.getByRole("group", { name: /^今後の予定/ }).getByLabel("対応完了(続報なし)").check();
  await page.getByRole("button", { name: "行を追加" }).click();
  await page.locator(`#${fieldId("timeline[3].at")}`).fill("XX/XX 12:00");
  await page.locator(`#${fieldId("timeline[3].description")}`).fill("サイトを再開。");
  await waitSaved(page);

  const marked = await page.locator(".field.changed").evaluateAll((els) => els.map((e) => e.querySelector("input, textarea, select")?.id));
  assert.deepEqual(marked.sort(), [fieldId("overview.system_status"), fieldId("outlook"), fieldId("timeline[3].at"), fieldId("timeline[3].description")].sort());
  for (const id of marked) {
    assert.ok(await page.locator(`.field.changed:has(#${id}) .changed-marker`, { hasText: "変更" }).isVisible());
  }
  assert.equal(await page.locator(".group-row.changed").count(), 1, "the added row is marked");

  await page.getByRole("link", { name: "印刷用の表示" }).click();
  await page.locator("article.form-print").waitFor();
  const underlined = await page.locator("article.form-print .changed[data-path]").evaluateAll((els) => els.map((e) => e.dataset.path));
  assert.deepEqual([...new Set(underlined)].sort(), ["outlook", "overview.system_status", "timeline[3].at", "timeline[3].description"].sort());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("error summary: lists each error, its link focuses the field, fixing it removes it", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  await newForm(page, "incident");
  assert.ok(await page.locator(".error-summary").count() === 0);
  await page.getByLabel(/^電子メールアドレス/).fill("not-an-address");
  await page.getByRole("button", { name: "入力内容を確認" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "入力内容を確認してください" }) });
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "error-summary", "focus moves to the summary");
  const links = summary.locator(".error-summary-list a");
  const n = await links.count();
  const errors = await page.locator(".field-error").count();
  assert.ok(n >= 4, `the summary lists every error (${n})`); // 情報連絡元 (e-mail), 情報共有範囲, 別紙有無, 分野名; 情報連絡日時 has no * on 図4
  assert.equal(n, errors, "one message beside a field for each error of the summary");
  // Every link focuses its field.
  for (let i = 0; i < n; i++) {
    const href = await links.nth(i).getAttribute("href");
    await links.nth(i).click();
    const active = await page.evaluate(() => document.activeElement.id);
    assert.ok(active === href.slice(1) || active.startsWith(href.slice(1) + "-"), `link ${href} focuses ${active}`);
    assert.match(page.url(), /#\/edit\//, "the route is unchanged");
  }
  // The e-mail error: beside the field, aria-invalid and aria-describedby.
  const email = page.locator(`#${fieldId("header.contact.email")}`);
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  const describedby = await email.getAttribute("aria-describedby");
  assert.ok(describedby.split(" ").includes(`msg-${fieldId("header.contact.email")}`));
  assert.match(await page.locator(`#msg-${fieldId("header.contact.email")}`).innerText(), /エラー/);
  assert.equal(await email.inputValue(), "not-an-address", "the field keeps what was typed");
  assert.ok(await page.locator(".not-ready").isVisible());
  assert.equal(await page.getByText("送信可能", { exact: true }).count(), 0);

  // Fix the e-mail and 分野名: their entries go.
  const before = await links.count();
  await summary.getByRole("link", { name: /電子メール/ }).first().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("renraku.taro@example.go.jp");
  await page.getByLabel(/^分野名/).selectOption({ label: "電力" }).catch(async () => {
    await page.getByLabel(/^分野名/).selectOption({ index: 1 });
  });
  await page.waitForFunction((b) => document.querySelectorAll(".error-summary-list a").length <= b - 2, before);
  assert.equal(await email.getAttribute("aria-invalid"), null);
  // Warnings look different from errors.
  const warnClass = await page.locator(".field-warning").first().getAttribute("class").catch(() => null);
  if (warnClass) assert.ok(!warnClass.includes("field-error"));
  await context.close();
});

test("importing a broken file, another format or a newer version: a message each, drafts unchanged", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  await importFile(page, fixturePath("zu5-incident.json"));
  await page.waitForURL(/#\/edit\//);
  await page.goto(`${server.origin}/app/#/`);
  const dir = await fs.mkdtemp("/tmp/kyoyu-");
  const zu5 = await fixture("zu5-incident.json");
  const cases = [
    ["broken.json", '{"format": "kyoyu-report", "version": 1,', /壊れている/],
    ["other.json", JSON.stringify({ type: "FeatureCollection", features: [] }), /kyoyu の様式ファイルではありません/],
    ["newer.json", JSON.stringify({ ...zu5, version: 99 }), /新しい版 \(v99\)/],
    // Shift_JIS 「株式会社」 inside a string: refused, never read with U+FFFD in its place.
    ["sjis.json", Buffer.concat([Buffer.from('{"format": "kyoyu-report", "version": 1, "kind": "incident", "report": {"operator_name": "'), Buffer.from([0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0]), Buffer.from('"}}')]), /UTF-8 の文字として読めない.*\(90 バイト目\)/],
  ];
  for (const [name, text, message] of cases) {
    const before = await drafts(page);
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    await importFile(page, file);
    const alert = page.getByRole("alert").filter({ hasText: message });
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(name.replace(".", "\\.")));
    assert.match(page.url(), /#\/$/);
    assert.deepEqual(await drafts(page), before, `${name}: drafts unchanged`);
  }
  // The same report again: asks before replacing; 「キャンセル」 keeps the draft.
  const before = await drafts(page);
  let asked = "";
  page.once("dialog", (d) => { asked = d.message(); d.dismiss(); });
  await importFile(page, fixturePath("zu5-incident.json"));
  await page.getByText("読み込みを取り消しました").waitFor();
  assert.match(asked, /置き換えますか/);
  assert.deepEqual(await drafts(page), before);
  await context.close();
});

test("a 20 MB import that storage cannot hold: the message says the file was not kept, nothing about typed input", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  const zu5 = await fixture("zu5-incident.json");
  const huge = JSON.stringify({ ...zu5, report: { ...zu5.report, lessons: "大".repeat(7 * 1024 * 1024) } });
  assert.ok(Buffer.byteLength(huge) > 20e6);
  const before = await drafts(page);
  await page.goto(`${server.origin}/app/#/`);
  await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.from(huge) });
  const alert = page.getByRole("alert").filter({ hasText: "huge.json" });
  await alert.waitFor({ timeout: 30000 });
  const text = await alert.innerText();
  assert.match(text, /端末の保存容量が不足しています/);
  assert.match(text, /読み込んだファイルは下書きにしていません/);
  assert.doesNotMatch(text, /入力内容/);
  assert.deepEqual(await drafts(page), before, "no draft changed");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an advisory with a 403-character identifier is not exported as a publish file (the site could not publish it)", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openApp(context);
  let downloads = 0;
  page.on("download", () => downloads++);
  await newForm(page, "advisory");
  await page.locator(`#${fieldId("header.identifier")}`).fill("K".repeat(403));
  await waitSaved(page);
  await page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click();
  await page.getByText(/識別番号が 403 文字あります/).waitFor();
  assert.equal(downloads, 0);
  await context.close();
});

test("home lists drafts newest first with TLP colours and a filter; delete all asks first", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  await importFile(page, fixturePath("zu5-incident.json"));
  await page.waitForURL(/#\/edit\//);
  await importFile(page, fixturePath("ransomware.json"));
  await page.waitForURL(/#\/edit\//);
  await page.goto(`${server.origin}/app/#/`);
  const items = page.locator(".draft");
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), /ランサムウェア事案共通様式 第1報/, "newest first");
  assert.ok(await items.nth(1).locator(".tlp.tlp-GREEN", { hasText: "TLP:GREEN" }).isVisible());
  await page.getByLabel("絞り込み").fill("GREEN");
  assert.equal(await items.count(), 1);
  await page.getByLabel("絞り込み").fill("");
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("button", { name: "この端末のデータをすべて削除" }).click();
  assert.equal(await items.count(), 2, "dismissed: nothing deleted");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "この端末のデータをすべて削除" }).click();
  await page.getByText("この端末に保存された様式はまだありません。").waitFor();
  assert.deepEqual(await drafts(page), {});
  await context.close();
});

test("axe-core finds no violations on the home page and on each editor", async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const { page } = await openApp(context);
  const axe = path.join(root, "node_modules/axe-core/axe.min.js");
  const check = async (what) => {
    await page.addScriptTag({ path: axe });
    const result = await page.evaluate(async () => await window.axe.run(document.querySelector("#app-root")));
    const v = result.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(v, [], `${what}: axe violations`);
    assert.equal(await page.locator("#app-root [style]").count(), 0, `${what}: no style attributes (CSP)`);
  };
  await check("home");
  for (const kind of ["incident", "ddos", "ransomware", "advisory"]) {
    await newForm(page, kind);
    await page.getByRole("button", { name: "入力内容を確認" }).click();
    await check(`editor ${kind}`);
  }
  await context.close();
});

test("keyboard only: start a form, choose, type, check, follow a summary link, fix", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  const active = () => page.evaluate(() => ({ id: document.activeElement.id, text: document.activeElement.textContent.trim(), tag: document.activeElement.tagName }));
  const tabTo = async (pred, max = 400) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (pred(await active())) return;
    }
    throw new Error("not reached by Tab");
  };
  await tabTo((a) => a.text.startsWith("情報連絡様式を作成"));
  await page.keyboard.press("Enter");
  await page.locator(".editor").waitFor();
  // 重要度: radios chosen with the arrow keys.
  await tabTo((a) => a.id === fieldId("header.importance"));
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value, fieldId("header.importance")), "caution");
  await tabTo((a) => a.id === fieldId("header.contact.ministry"));
  await page.keyboard.type("XX省");
  await tabTo((a) => a.text === "入力内容を確認");
  await page.keyboard.press("Enter");
  await page.locator(".error-summary").waitFor();
  assert.equal((await active()).id, "error-summary");
  await page.keyboard.press("Tab");
  const link = await active();
  assert.equal(link.tag, "A");
  await page.keyboard.press("Enter");
  const field = await active();
  assert.ok(field.id.startsWith("f-"), `focus on a field (${field.id})`);
  assert.equal(await page.locator(`#${fieldId("header.contact.ministry")}`).inputValue(), "XX省");
  await context.close();
});

test("e-mail: the plain text and core's subject, copied or shown to copy by hand", async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  await importFile(page, fixturePath("zu5-incident.json"));
  await page.waitForURL(/#\/edit\//);
  await page.locator(".editor").waitFor();
  await page.getByRole("button", { name: "メール本文をコピー" }).click();
  const subject = await page.getByLabel("件名", { exact: true }).inputValue();
  const body = await page.getByLabel("本文", { exact: true }).inputValue();
  assert.ok(subject.length > 0);
  assert.match(body, /〇〇株式会社/);
  await page.locator(".message", { hasText: /コピー/ }).waitFor();
  await context.close();
});
