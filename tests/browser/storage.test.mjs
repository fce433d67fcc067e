// Storage that never loses a draft, in a real Chromium: a full storage (QuotaExceededError)
// keeps the edit in memory, offers the export and holds the edit across navigation; an entry is
// reached by its key whatever its id member says; corrupt and newer entries are kept aside,
// reported, rescued and never overwritten; a v0 wrapper is read and upgraded on save; two tabs on
// one draft keep both versions; the export reminder; encryption at rest leaves no typed value in
// localStorage in any encoding, and asks for the passphrase (a wrong one changes nothing); the
// address book of 「送る」 is sealed with the drafts (no address in localStorage or IndexedDB),
// survives lock, unlock and reload, and still fills the e-mail draft's To/Cc.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { launch, newForm, openApp, record, startServer, waitForApp, waitSaved } from "./harness.mjs";
import { simpleParser } from "mailparser";



const root = path.resolve(import.meta.dirname, "../..");
const fixture = async (name) => JSON.parse(await fs.readFile(path.join(root, "tests/fixtures", name), "utf8"));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });
// A failed test leaves no page open (its connections would slow the server for the next one).
const contexts = [];
afterEach(async () => { for (const c of contexts.splice(0)) await c.close().catch(() => {}); });
async function newContext(options) {
  const c = await browser.newContext(options);
  contexts.push(c);
  return c;
}

/** Every kyoyu key and value in localStorage. */
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("kyoyu.")).sort().map((k) => [k, localStorage.getItem(k)])));
const draftsIn = (all) => Object.entries(all).filter(([k]) => k.startsWith("kyoyu.draft."));

/** Makes localStorage refuse writes (QuotaExceededError) while `window.__quotaFull` is set. */
function fillsUp(context) {
  return context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__quotaFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, k, v);
    };
  });
}

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: d.suggestedFilename(), text: await fs.readFile(await d.path(), "utf8") };
}

test("a full storage keeps the edit on screen, says so, offers the export; the next edit saves", async () => {
  const context = await newContext({ acceptDownloads: true });
  await fillsUp(context);
  const { page, log } = await openApp(context);
  const id = await newForm(page);
  await page.locator("#f-operator_name").fill("QUOTA-ALPHA");
  await waitSaved(page);

  await page.evaluate(() => { window.__quotaFull = true; });
  await page.locator("#f-operator_name").fill("QUOTA-BRAVO");
  const alert = page.locator(".save-error[role=alert]");
  await alert.waitFor({ timeout: 5000 });
  assert.equal((await alert.locator("p").innerText()).trim(),
    "保存できませんでした(端末の保存容量が不足しています)。入力内容はこの画面に残っています。JSONファイルに書き出してください。");
  assert.equal(await page.locator("#f-operator_name").inputValue(), "QUOTA-BRAVO", "the edit stays on screen");
  const before = (await stored(page))[`kyoyu.draft.${id}`];
  assert.ok(before.includes("QUOTA-ALPHA") && !before.includes("QUOTA-BRAVO"), "the stored draft is the last saved one");

  // The export offered right there carries the unsaved edit.
  const file = await download(page, () => page.getByRole("button", { name: "今すぐファイル(JSON)に書き出す" }).click());
  assert.equal(JSON.parse(file.text).report.operator_name, "QUOTA-BRAVO");

  // Room again: the next edit saves everything, and the message goes.
  await page.evaluate(() => { window.__quotaFull = false; });
  await page.locator("#f-lessons").fill("QUOTA-CHARLIE");
  await waitSaved(page);
  assert.equal(await alert.count(), 0);
  const after = JSON.parse((await stored(page))[`kyoyu.draft.${id}`]);
  assert.equal(after.file.report.operator_name, "QUOTA-BRAVO");
  assert.equal(after.file.report.lessons, "QUOTA-CHARLIE");
  assert.ok(after.exported_at, "the export was recorded");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a full storage never drops the edit on navigation: it is held, listed and offered back, then saved", async () => {
  const context = await newContext();
  await fillsUp(context);
  const { page, log } = await openApp(context);
  const id = await newForm(page);
  await page.locator("#f-operator_name").fill("HELD-ALPHA");
  await waitSaved(page);
  await page.evaluate(() => { window.__quotaFull = true; });
  await page.locator("#f-operator_name").fill("HELD-BRAVO");
  await page.locator(".save-error[role=alert]").waitFor({ timeout: 5000 });

  // Away to the home page (inside the app) and back: the edit is still there.
  await page.getByRole("link", { name: "様式入力のホーム" }).click();
  await page.locator(".draft-held").waitFor();
  assert.match(await page.locator(".draft-held").innerText(), /保存できなかった変更があります/);
  await page.locator(".draft-title a").first().click();
  await page.locator(".editor").waitFor();
  assert.equal(await page.locator("#f-operator_name").inputValue(), "HELD-BRAVO", "the held edit is offered back");
  assert.match(await page.getByRole("alert").filter({ hasText: "保存できなかった変更" }).innerText(), /まだこの端末には保存されていません/);
  assert.match((await stored(page))[`kyoyu.draft.${id}`], /HELD-ALPHA/);

  // Room again: the held edit is saved without another keystroke.
  await page.evaluate(() => { window.__quotaFull = false; });
  await page.locator("#f-lessons").fill("HELD-CHARLIE");
  await waitSaved(page);
  const after = JSON.parse((await stored(page))[`kyoyu.draft.${id}`]);
  assert.equal(after.file.report.operator_name, "HELD-BRAVO");
  assert.equal(after.file.report.lessons, "HELD-CHARLIE");
  assert.deepEqual(log.errors, []);
});

test("a stored entry whose id member differs from its key is reached, and saved under its own key only", async () => {
  const context = await newContext();
  const { page, log } = await openApp(context);
  const other = await newForm(page);
  await page.locator("#f-operator_name").fill("OTHER-DRAFT");
  await waitSaved(page);
  const file = await fixture("zu5-incident.json");
  const savedAt = JSON.parse((await stored(page))[`kyoyu.draft.${other}`]).saved_at;
  // Under key 0ddba11, a wrapper naming the other draft's id, with the same save time.
  const odd = JSON.stringify({ format: "kyoyu-draft", version: 1, id: other, saved_at: savedAt, exported_at: null, previous_report: null, file });
  await page.evaluate((t) => localStorage.setItem("kyoyu.draft.0ddba11", t), odd);
  await page.goto(`${server.origin}/app/#/`);
  await page.reload();
  await waitForApp(page);
  const link = page.locator(".draft-title a[href='#/edit/0ddba11']");
  await link.waitFor();
  await link.click();
  await page.locator(".editor").waitFor();
  assert.equal(await page.locator("#f-operator_name").inputValue(), file.report.operator_name);
  await page.locator("#f-lessons").fill("ODD-EDIT");
  await waitSaved(page);
  const all = await stored(page);
  assert.equal(JSON.parse(all["kyoyu.draft.0ddba11"]).file.report.lessons, "ODD-EDIT");
  assert.equal(JSON.parse(all["kyoyu.draft.0ddba11"]).id, "0ddba11");
  assert.equal(JSON.parse(all[`kyoyu.draft.${other}`]).file.report.operator_name, "OTHER-DRAFT", "the other draft is untouched");
  assert.deepEqual(log.errors, []);
});

test("corrupt and newer entries are reported, kept aside, rescued, never overwritten", async () => {
  const context = await newContext({ acceptDownloads: true });
  const { page, log } = await openApp(context);
  const corrupt = '{"format":"kyoyu-draft","version":1,"id":"broken-1","saved_at":"2025-01-01T00:00:00+09:00","file":{"format":"kyoyu-rep';
  const newer = JSON.stringify({ format: "kyoyu-draft", version: 99, id: "future-1", saved_at: null, file: { hologram: true } });
  await page.evaluate(([a, b]) => {
    localStorage.setItem("kyoyu.draft.broken-1", a);
    localStorage.setItem("kyoyu.draft.future-1", b);
  }, [corrupt, newer]);
  await page.reload();
  await waitForApp(page);
  const box = page.locator(".unreadable");
  await box.waitFor();
  assert.match(await box.innerText(), /kyoyu\.draft\.broken-1/);
  assert.match(await box.innerText(), /kyoyu\.draft\.future-1.*新しい版 \(v99\)/s);

  // The raw data can be rescued as a file, exactly as stored.
  const rescued = await download(page, () => page.locator(".unreadable-item[data-key='kyoyu.draft.broken-1']").getByRole("button", { name: /元のデータを書き出す/ }).click());
  assert.equal(rescued.text, corrupt);

  // The other drafts work.
  const id = await newForm(page);
  await page.locator("#f-operator_name").fill("FINE-DRAFT");
  await waitSaved(page);
  // Opening the corrupt one says why and writes nothing.
  await page.goto(`${server.origin}/app/#/edit/broken-1`);
  await page.getByRole("heading", { name: "下書きを開けません" }).waitFor();
  await page.goto(`${server.origin}/app/#/`);
  await page.locator(".draft-title", { hasText: "情報連絡様式" }).first().waitFor();
  await page.waitForTimeout(800);
  const all = await stored(page);
  assert.equal(all["kyoyu.draft.broken-1"], corrupt);
  assert.equal(all["kyoyu.draft.future-1"], newer);
  assert.match(all[`kyoyu.draft.${id}`], /FINE-DRAFT/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a v0 draft is read, and upgraded to v1 on its next save (not before)", async () => {
  const context = await newContext();
  const { page, log } = await openApp(context);
  const file = await fixture("zu5-incident.json");
  const v0 = JSON.stringify({ format: "kyoyu-draft", id: "legacy-1", saved_at: "2024-04-01T09:00:00.000+09:00", file });
  await page.evaluate((t) => localStorage.setItem("kyoyu.draft.legacy-1", t), v0);
  await page.goto(`${server.origin}/app/#/edit/legacy-1`);
  await page.reload();
  await waitForApp(page);
  await page.locator(".editor").waitFor();
  assert.equal(await page.locator("#f-operator_name").inputValue(), file.report.operator_name);
  assert.equal((await stored(page))["kyoyu.draft.legacy-1"], v0, "reading writes nothing");
  await page.locator("#f-lessons").fill("MIGRATED-EDIT");
  await waitSaved(page);
  const v1 = JSON.parse((await stored(page))["kyoyu.draft.legacy-1"]);
  assert.equal(v1.format, "kyoyu-draft");
  assert.equal(v1.version, 1);
  assert.ok("exported_at" in v1 && v1.exported_at === null);
  assert.ok("previous_report" in v1);
  assert.notEqual(v1.saved_at, "2024-04-01T09:00:00.000+09:00");
  assert.equal(v1.file.report.lessons, "MIGRATED-EDIT");
  assert.equal(v1.file.report.operator_name, file.report.operator_name);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("two tabs on one draft: the second is told, stops autosaving, and both versions are kept", async () => {
  const context = await newContext();
  const { page: a, log: logA } = await openApp(context);
  const id = await newForm(a);
  await a.locator("#f-operator_name").fill("TAB-A-FIRST");
  await waitSaved(a);
  const { page: b, log: logB } = await openApp(context, `#/edit/${id}`);
  await b.locator(".editor").waitFor();
  assert.equal(await b.locator("#f-operator_name").inputValue(), "TAB-A-FIRST");

  await a.locator("#f-operator_name").fill("TAB-A-SECOND");
  await waitSaved(a);
  const conflict = b.locator(".conflict[role=alert]");
  await conflict.waitFor({ timeout: 5000 });
  assert.match(await conflict.innerText(), /別のタブでこの下書きが更新されました/);

  // B keeps typing: nothing is written over A's version.
  await b.locator("#f-lessons").fill("TAB-B-EDIT");
  await b.waitForTimeout(1200);
  let all = await stored(a);
  assert.equal(draftsIn(all).length, 1);
  assert.match(all[`kyoyu.draft.${id}`], /TAB-A-SECOND/);
  assert.doesNotMatch(all[`kyoyu.draft.${id}`], /TAB-B-EDIT/);

  // B keeps its version as a copy in the same series.
  await b.getByRole("button", { name: "この画面の内容を別の下書きとして保存" }).click();
  await b.waitForURL((u) => u.hash.startsWith("#/edit/") && !u.hash.endsWith(`/${id}`));
  all = await stored(a);
  const drafts = draftsIn(all).map(([, v]) => JSON.parse(v));
  assert.equal(drafts.length, 2);
  const mine = drafts.find((d) => d.file.report.lessons === "TAB-B-EDIT");
  const theirs = drafts.find((d) => d.id === id);
  assert.ok(mine, "B's version is kept");
  assert.equal(theirs.file.report.operator_name, "TAB-A-SECOND", "A's version is kept");
  assert.equal(mine.file.series.id, theirs.file.series.id, "in the same series");

  // The other way out: tab C, told that A saved again, loads A's version (and writes nothing).
  const { page: c } = await openApp(context, `#/edit/${id}`);
  await c.locator(".editor").waitFor();
  await a.locator("#f-lessons").fill("TAB-A-THIRD");
  await waitSaved(a);
  await c.locator(".conflict[role=alert]").waitFor({ timeout: 5000 });
  await c.getByRole("button", { name: "別のタブの内容を読み込む" }).click();
  assert.equal(await c.locator("#f-lessons").inputValue(), "TAB-A-THIRD");
  await c.waitForTimeout(1000);
  const after = JSON.parse((await stored(c))[`kyoyu.draft.${id}`]);
  assert.equal(after.file.report.lessons, "TAB-A-THIRD", "loading theirs writes nothing back");
  assert.deepEqual([...logA.errors, ...logB.errors], []);
  await context.close();
});

test("a draft never exported after an hour reminds the user; exporting clears it", async () => {
  const context = await newContext({ acceptDownloads: true });
  const { page } = await openApp(context);
  const file = await fixture("zu5-incident.json");
  const twoHoursAgo = new Date(Date.now() - 2 * 3600e3).toISOString();
  const d = { format: "kyoyu-draft", version: 1, id: "old-1", saved_at: twoHoursAgo, created_at: twoHoursAgo, exported_at: null, previous_report: null, file };
  await page.evaluate((t) => localStorage.setItem("kyoyu.draft.old-1", t), JSON.stringify(d));
  await page.goto(`${server.origin}/app/#/edit/old-1`);
  await page.reload();
  await waitForApp(page);
  const reminder = page.locator(".export-reminder");
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /この下書きはまだ書き出されていません/);
  await download(page, () => page.getByRole("button", { name: "ファイル(JSON)に書き出す", exact: true }).click());
  await reminder.waitFor({ state: "detached" });
  await context.close();
});

/** The forms a typed string may take in storage: as is, percent-encoded UTF-8, UTF-16 (JSON
 * escapes and hex code units), base64 of UTF-8 and UTF-16LE at every alignment. */
function encodings(s) {
  const forms = [s, encodeURIComponent(s), encodeURIComponent(s).toLowerCase()];
  forms.push([...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join(""));
  forms.push(Buffer.from(s, "utf16le").toString("hex"));
  forms.push(Buffer.from(s, "utf16le").toString("latin1"));
  for (const buf of [Buffer.from(s, "utf8"), Buffer.from(s, "utf16le")]) {
    for (let pad = 0; pad < 3; pad++) {
      const b64 = Buffer.concat([Buffer.alloc(pad), buf]).toString("base64");
      // Drop the characters that mix in the padding bytes or the unknown next bytes.
      const start = Math.ceil((pad * 8) / 6) + 1;
      forms.push(b64.slice(start, b64.length - 4));
    }
  }
  return forms.filter((f) => f.length >= 6);
}

test("encryption at rest: no typed value in storage in any form; the passphrase is asked; a wrong one changes nothing", async () => {
  const context = await newContext();
  const { page, log } = await openApp(context);
  const secrets = ["秘密の組織ゼータ", "CONFIDENTIAL-OMEGA-42", "暗号化の後に入力した文"];
  const id = await newForm(page);
  await page.locator("#f-operator_name").fill(secrets[0]);
  await page.locator("#f-lessons").fill(secrets[1]);
  await waitSaved(page);

  // A kept-aside entry (not a draft this build reads) holding a secret too.
  const asideSecret = "KEPT-ASIDE-SIGMA";
  await page.evaluate((t) => localStorage.setItem("kyoyu.draft.0bad", t), `{"format":"kyoyu-draft","version":1,"note":"${asideSecret}","file":{"form`);
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("button", { name: "端末内の下書きを暗号化する" }).click();
  assert.match(await page.locator(".encryption-warning").innerText(), /パスフレーズを忘れると、暗号化した下書きは二度と読めません/);
  await page.getByLabel("パスフレーズ(8文字以上)").fill("correct horse battery staple");
  await page.getByLabel("パスフレーズ(確認)").fill("correct horse battery staple");
  const t0 = Date.now();
  await page.getByRole("button", { name: "暗号化を有効にする" }).click();
  const done = page.getByText("この端末の下書きを暗号化しました", { exact: false });
  await done.waitFor({ timeout: 30000 });
  console.log(`# enabling encryption (PBKDF2-SHA-256 600,000 + sealing): ${Date.now() - t0} ms`);
  assert.match(await done.innerText(), /下書き 1件、読み込めないまま残しているデータ 1件/);
  assert.doesNotMatch(await done.innerText(), /暗号化されないまま/);
  assert.match(await done.innerText(), /保存場所の名前\(キー\)は読めるまま残っています: kyoyu\.draft\.0bad/, "a key not made of a random id is named");

  // Edits after turning it on are sealed too.
  await page.goto(`${server.origin}/app/#/edit/${id}`);
  await page.locator("#f-supplementary").fill(secrets[2]);
  await waitSaved(page);
  await page.waitForTimeout(500);

  const all = await stored(page);
  const kc = JSON.parse(all["kyoyu.crypto"]);
  assert.ok(kc.iterations >= 600000);
  assert.equal(Buffer.from(kc.salt, "base64").length, 16);
  const entries = draftsIn(all);
  assert.deepEqual(entries.map(([k]) => k).sort(), ["kyoyu.draft.0bad", `kyoyu.draft.${id}`].sort());
  assert.match(id, /^[0-9a-f]{32}$/, "keys are random ids only");
  for (const [, v] of entries) assert.equal(JSON.parse(v).format, "kyoyu-sealed", "the kept-aside entry is sealed too");
  const sealed = JSON.parse(all[`kyoyu.draft.${id}`]);
  assert.deepEqual(Object.keys(sealed).sort(), ["ct", "format", "iv", "version"]);
  assert.equal(sealed.format, "kyoyu-sealed");
  assert.equal(Buffer.from(sealed.iv, "base64").length, 12);
  for (const s of [...secrets, asideSecret, "情報連絡様式", "incident"]) {
    for (const form of encodings(s)) {
      for (const [k, v] of Object.entries(all)) {
        assert.ok(!v.includes(form) && !k.includes(form), `${k} holds ${JSON.stringify(s)} as ${JSON.stringify(form)}`);
      }
    }
  }

  // A reload asks for the passphrase before showing any draft.
  await page.reload();
  await waitForApp(page);
  await page.getByRole("heading", { name: "パスフレーズを入力してください" }).waitFor();
  assert.equal(await page.locator(".draft, .editor").count(), 0);
  const t1 = Date.now();
  await page.getByLabel("パスフレーズ", { exact: true }).fill("wrong horse");
  await page.getByRole("button", { name: "開く" }).click();
  await page.getByRole("alert").filter({ hasText: "パスフレーズが違います" }).waitFor({ timeout: 30000 });
  console.log(`# a wrong passphrase refused in ${Date.now() - t1} ms`);
  assert.deepEqual(await stored(page), all, "a wrong passphrase changes nothing");
  assert.equal(await page.locator(".editor").count(), 0);

  const t2 = Date.now();
  await page.getByLabel("パスフレーズ", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "開く" }).click();
  await page.locator(".editor").waitFor({ timeout: 30000 });
  console.log(`# unlock (PBKDF2 600,000 + opening the drafts): ${Date.now() - t2} ms`);
  assert.equal(await page.locator("#f-operator_name").inputValue(), secrets[0]);
  assert.equal(await page.locator("#f-supplementary").inputValue(), secrets[2]);
  await page.goto(`${server.origin}/app/#/`);
  await page.locator(".draft-who", { hasText: secrets[0] }).waitFor();

  // Turning it off needs the passphrase; then the drafts are in clear again.
  await page.getByRole("button", { name: "暗号化を解除する" }).click();
  await page.getByLabel("パスフレーズ", { exact: true }).fill("nope nope nope");
  await page.getByRole("button", { name: "暗号化を解除", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "パスフレーズが違います" }).waitFor({ timeout: 30000 });
  await page.getByLabel("パスフレーズ", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "暗号化を解除", exact: true }).click();
  await page.getByText("暗号化を解除しました", { exact: false }).waitFor({ timeout: 30000 });
  const plain = await stored(page);
  assert.equal(plain["kyoyu.crypto"], undefined);
  assert.match(plain["kyoyu.draft.0bad"], new RegExp(asideSecret), "the kept-aside entry is back as it was");
  assert.equal(JSON.parse(plain[`kyoyu.draft.${id}`]).file.report.supplementary, secrets[2]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Every record of the app's IndexedDB file store: its key, draft and description as text, its
 * bytes as base64. */
const idbRecords = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open("kyoyu");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("files")) { db.close(); resolve([]); return; }
    const all = db.transaction("files").objectStore("files").getAll();
    all.onerror = () => reject(all.error);
    all.onsuccess = () => {
      db.close();
      resolve(all.result.map((r) => {
        let bin = "";
        for (const b of r.bytes) bin += String.fromCharCode(b);
        return { key: r.key, draft: r.draft, meta: r.meta, bytes: btoa(bin) };
      }));
    };
  };
}));

test("encryption at rest seals the address book: no address stored in clear, kept across lock, unlock and reload, To/Cc of the e-mail draft from it", async () => {
  const context = await newContext({ acceptDownloads: true });
  await fillsUp(context);
  const { page, log } = await openApp(context);
  page.on("dialog", (d) => d.accept());
  const desk = "incident-desk-q7z3@example.go.jp";
  const colleague = "colleague-k9w2@example.co.jp";
  const police = "cyber-p4x8@example.lg.jp";
  const pass = "correct horse battery staple";
  await page.getByLabel("様式ファイル(JSON)を選ぶ").setInputFiles(path.join(root, "tests/fixtures/zu5-incident.json"));
  await page.waitForURL(/#\/edit\//);
  const editUrl = page.url();
  await page.locator(".editor").waitFor();
  await page.locator("#attach-input").setInputFiles({ name: "ioc.txt", mimeType: "text/plain", buffer: Buffer.from(`192.0.2.1 ${desk}\n`) });
  await page.locator(".attachment-list li", { hasText: "ioc.txt" }).waitFor();
  const legend = page.locator(".send-addresses legend");
  assert.match(await legend.innerText(), /有効にすると、宛先も暗号化されます/);

  const saveEntry = async (name, to, cc = "") => {
    await page.locator("#send-name").fill(name);
    await page.locator("#send-to").fill(to);
    await page.locator("#send-cc").fill(cc);
    await page.locator("#send-book-save").click();
  };
  await saveEntry("国家サイバー統括室", desk, colleague);
  await page.locator("#send-message", { hasText: "保存しました" }).waitFor();
  assert.ok((await stored(page))["kyoyu.address-book"].includes(desk), "in clear while encryption is off");

  // A full storage keeps the edit on screen and says so, in Japanese; the next save stores it.
  await page.evaluate(() => { window.__quotaFull = true; });
  await saveEntry("警察", police);
  await page.locator("#send-message", { hasText: "この端末には保存されていません" }).waitFor();
  assert.match(await page.locator("#send-message").innerText(), /端末の保存容量が不足しています/);
  assert.deepEqual(await page.locator("#send-book option").allInnerTexts(), ["(選択してください)", "国家サイバー統括室", "警察"]);
  assert.ok(!(await stored(page))["kyoyu.address-book"].includes(police));
  await page.evaluate(() => { window.__quotaFull = false; });
  await page.locator("#send-book-save").click();
  await page.locator("#send-message", { hasText: "保存しました" }).waitFor();
  assert.ok((await stored(page))["kyoyu.address-book"].includes(police));

  // Turning encryption on seals the existing book.
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("button", { name: "端末内の下書きを暗号化する" }).click();
  await page.getByLabel("パスフレーズ(8文字以上)").fill(pass);
  await page.getByLabel("パスフレーズ(確認)").fill(pass);
  await page.getByRole("button", { name: "暗号化を有効にする" }).click();
  const done = page.getByText("この端末の下書きを暗号化しました", { exact: false });
  await done.waitFor({ timeout: 30000 });
  assert.match(await done.innerText(), /添付ファイル 1件、保存した宛先\)/);

  // A change after that is sealed too.
  await page.goto(editUrl);
  await page.locator(".editor").waitFor();
  assert.match(await legend.innerText(), /パスフレーズで暗号化して保存/);
  assert.equal(await page.locator("#send-to").inputValue(), desk);
  await saveEntry("所管省庁", `${police}, ${desk}`);
  await page.locator("#send-message", { hasText: "保存しました" }).waitFor();
  await page.waitForTimeout(500);

  const all = await stored(page);
  const records = await idbRecords(page);
  assert.equal(JSON.parse(all["kyoyu.address-book"]).format, "kyoyu-sealed");
  assert.equal(records.length, 1);
  const binary = records.map((r) => Buffer.from(r.bytes, "base64").toString("latin1"));
  for (const address of [desk, colleague, police, "所管省庁", "国家サイバー統括室"]) {
    for (const form of encodings(address)) {
      for (const [k, v] of Object.entries(all)) assert.ok(!k.includes(form) && !v.includes(form), `${k} holds ${address} as ${JSON.stringify(form)}`);
      for (const r of records) assert.ok(![r.key, r.draft, r.meta].some((t) => t.includes(form)), `the file record ${r.key} holds ${address}`);
      for (const b of binary) assert.ok(!b.includes(form), `a file's bytes hold ${address}`);
    }
  }

  // Locked: nothing shown, nothing written; the passphrase opens the book again.
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("button", { name: /^ロック/ }).click();
  await page.getByRole("heading", { name: "パスフレーズを入力してください" }).waitFor();
  assert.equal(await page.locator("#send-to").count(), 0);
  assert.deepEqual(await stored(page), all, "locking writes nothing");
  await page.getByLabel("パスフレーズ", { exact: true }).fill(pass);
  await page.getByRole("button", { name: "開く" }).click();
  await page.locator("#encryption-title").waitFor({ timeout: 30000 });
  await page.goto(editUrl);
  await page.locator(".editor").waitFor();
  await page.locator("#send-book").selectOption({ label: "警察" });
  assert.equal(await page.locator("#send-to").inputValue(), police);

  // After a reload (the passphrase asked again), the e-mail draft's To/Cc come from the book.
  await page.reload();
  await waitForApp(page);
  await page.getByLabel("パスフレーズ", { exact: true }).fill(pass);
  await page.getByRole("button", { name: "開く" }).click();
  await page.locator(".editor").waitFor({ timeout: 30000 });
  assert.deepEqual(await page.locator("#send-book option").allInnerTexts(), ["(選択してください)", "国家サイバー統括室", "警察", "所管省庁"]);
  await page.locator("#send-book").selectOption({ label: "国家サイバー統括室" });
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator("#send-eml").click()]);
  const mail = await simpleParser(await fs.readFile(await d.path()));
  assert.deepEqual(mail.to.value.map((a) => a.address), [desk]);
  assert.deepEqual(mail.cc.value.map((a) => a.address), [colleague]);
  assert.equal(mail.attachments.find((a) => a.filename === "ioc.txt").content.toString("utf8"), `192.0.2.1 ${desk}\n`);

  // Turning encryption off gives the book back in clear; 「すべて削除」 removes it.
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("button", { name: "暗号化を解除する" }).click();
  await page.getByLabel("パスフレーズ", { exact: true }).fill(pass);
  await page.getByRole("button", { name: "暗号化を解除", exact: true }).click();
  await page.getByText("暗号化を解除しました", { exact: false }).waitFor({ timeout: 30000 });
  const book = JSON.parse((await stored(page))["kyoyu.address-book"]);
  assert.deepEqual(book.entries.map((e) => [e.name, e.to, e.cc]), [
    ["国家サイバー統括室", [desk], [colleague]],
    ["警察", [police], []],
    ["所管省庁", [police, desk], []],
  ]);
  await page.getByRole("button", { name: "この端末のデータをすべて削除" }).click();
  await page.getByText("この端末のデータをすべて削除しました。").waitFor();
  assert.equal((await stored(page))["kyoyu.address-book"], undefined);
  assert.deepEqual(log.errors, []);
});
