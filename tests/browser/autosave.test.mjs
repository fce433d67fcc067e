// Steady typing reaches storage while it goes on: a key every 250 ms, the renderer process
// killed mid-way (no pagehide, no unload, nothing more runs), the draft reopened in a new page:
// at most the keys of the last 2 s are missing — without and with encryption at rest.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { launch, newForm, openApp, startServer, waitSaved } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });
const contexts = [];
afterEach(async () => { for (const c of contexts.splice(0)) await c.close().catch(() => {}); });

const KEY_EVERY_MS = 250;
const PLANNED_MS = 12000;
const CRASH_AFTER_MS = 7000;
const PASSPHRASE = "correct horse battery staple";

/** Types one letter every 250 ms into #f-lessons and kills the renderer mid-way; returns the
 * letters typed before the kill. */
async function typeUntilCrash(page) {
  const field = page.locator("#f-lessons");
  await field.click();
  const cdp = await page.context().newCDPSession(page);
  const crashed = new Promise((resolve) => page.once("crash", resolve));
  const start = Date.now();
  let typed = "";
  for (let i = 0; Date.now() - start < PLANNED_MS; i++) {
    const c = String.fromCharCode(97 + (i % 26));
    await page.keyboard.type(c);
    typed += c;
    if (Date.now() - start >= CRASH_AFTER_MS) {
      // Right after a key: Page.crash kills the renderer process, nothing of the page runs after.
      cdp.send("Page.crash").catch(() => {});
      break;
    }
    const next = start + (i + 1) * KEY_EVERY_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  await crashed;
  return typed;
}

async function reopened(context, id, unlock) {
  const { page } = await openApp(context, `#/edit/${id}`);
  if (unlock) {
    await page.getByLabel("パスフレーズ", { exact: true }).fill(PASSPHRASE);
    await page.getByRole("button", { name: "開く" }).click();
  }
  await page.locator(".editor").waitFor({ timeout: 30000 });
  return page.locator("#f-lessons").inputValue();
}

for (const encrypted of [false, true]) {
  test(`a renderer killed while typing loses at most the last 2 s (${encrypted ? "encrypted" : "in clear"})`, async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const { page } = await openApp(context);
    if (encrypted) {
      await page.getByRole("button", { name: "端末内の下書きを暗号化する" }).click();
      await page.getByLabel("パスフレーズ(8文字以上)").fill(PASSPHRASE);
      await page.getByLabel("パスフレーズ(確認)").fill(PASSPHRASE);
      await page.getByRole("button", { name: "暗号化を有効にする" }).click();
      await page.getByText("この端末の下書きを暗号化しました", { exact: false }).waitFor({ timeout: 30000 });
    }
    const id = await newForm(page);
    await page.locator("#f-operator_name").fill("AUTOSAVE");
    await waitSaved(page);

    const typed = await typeUntilCrash(page);
    const kept = await reopened(context, id, encrypted);
    const missing = typed.length - kept.length;
    console.log(`# ${encrypted ? "encrypted" : "in clear"}: typed ${typed.length} keys in ${CRASH_AFTER_MS} ms, kept ${kept.length}, lost ${missing} (${missing * KEY_EVERY_MS} ms)`);
    assert.ok(typed.startsWith(kept), `what was kept (${kept}) is what was typed (${typed})`);
    assert.ok(typed.length >= 24, `typing went on (${typed.length} keys)`);
    assert.ok(missing * KEY_EVERY_MS <= 2000, `at most the last 2 s are missing: ${missing} keys of ${typed.length}`);
  });
}
