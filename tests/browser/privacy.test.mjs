// Nothing leaves the browser unasked (ARCHITECTURE principle 1), in a real Chromium: a full
// session — the four forms filled with distinctive strings, JSON export, the advisory file, the
// print view, the e-mail text, encryption on and off — is recorded request by request (pages and
// the service worker); none leaves the origin, none is anything but a GET, and no URL, header or
// body carries a typed value in any common encoding.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { launch, startServer, waitForApp } from "./harness.mjs";



let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const KINDS = ["incident", "ddos", "ransomware", "advisory"];

function encodings(s) {
  return [s, encodeURIComponent(s), encodeURIComponent(s).toLowerCase(), encodeURIComponent(s).replace(/%20/g, "+"),
    Buffer.from(s, "utf8").toString("base64"), Buffer.from(s, "utf16le").toString("hex"),
    [...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join("")];
}

test("a full session sends nothing typed anywhere", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = [];
  const seen = async (req) => {
    let headers = {};
    try { headers = await req.allHeaders(); } catch {}
    requests.push({ url: req.url(), method: req.method(), headers, body: req.postData() || "", sw: Boolean(req.serviceWorker?.()) });
  };
  context.on("request", seen);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  await page.goto(`${server.origin}/app/#/`);
  await waitForApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });

  const typed = [];
  const exported = [];
  for (const kind of KINDS) {
    await page.goto(`${server.origin}/app/#/new/${kind}`);
    await page.waitForURL(/#\/edit\//);
    await page.locator(".editor").waitFor();
    const fields = page.locator(".report-form input[type=text]:visible, .report-form input[type=email]:visible, .report-form input[type=tel]:visible, .report-form input:not([type]):visible, .report-form textarea:visible");
    const n = Math.min(await fields.count(), 14);
    assert.ok(n >= 4, `${kind}: text fields to fill (${n})`);
    for (let i = 0; i < n; i++) {
      const value = `漏洩検知${kind}${i}XQZ`;
      await fields.nth(i).fill(value);
      typed.push(value);
    }
    await page.locator(".save-state", { hasText: /^保存済み/ }).waitFor({ timeout: 5000 });

    // JSON export.
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ファイル(JSON)に書き出す", exact: true }).click()]);
    exported.push(await fs.readFile(await json.path(), "utf8"));
    if (kind === "advisory") {
      // Not publishable (no TLP:CLEAR): refused, nothing is written.
      await page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click();
      await page.getByText(/公開用ファイルは書き出せません/).waitFor();
    }
    // Plain text for an e-mail.
    await page.getByRole("button", { name: "メール本文をコピー" }).click();
    await page.locator("#mail-body").waitFor();
    exported.push(await page.locator("#mail-body").inputValue());
    // Print view.
    const id = page.url().split("#/edit/")[1];
    await page.goto(`${server.origin}/app/#/print/${id}`);
    await page.locator(".print-body").waitFor();
    exported.push(await page.locator(".print-body").innerText());
  }
  // Encryption on, a reload, unlock, off.
  await page.goto(`${server.origin}/app/#/`);
  await page.getByRole("button", { name: "端末内の下書きを暗号化する" }).click();
  await page.getByLabel("パスフレーズ(8文字以上)").fill("privacy passphrase 1");
  await page.getByLabel("パスフレーズ(確認)").fill("privacy passphrase 1");
  await page.getByRole("button", { name: "暗号化を有効にする" }).click();
  await page.getByText("この端末の下書きを暗号化しました", { exact: false }).waitFor({ timeout: 30000 });
  await page.reload();
  await waitForApp(page);
  await page.getByLabel("パスフレーズ", { exact: true }).fill("privacy passphrase 1");
  await page.getByRole("button", { name: "開く" }).click();
  await page.locator(".draft").first().waitFor({ timeout: 30000 });
  typed.push("privacy passphrase 1");

  // The values did reach the exports (so the check below means something).
  const all = exported.join("\n");
  const inExports = typed.filter((t) => all.includes(t));
  assert.ok(inExports.length >= typed.length / 2, `typed values are in the exports (${inExports.length}/${typed.length})`);

  assert.ok(requests.length > 10, "requests were recorded");
  const origin = new URL(server.origin).origin;
  for (const r of requests) {
    const u = new URL(r.url);
    assert.ok(u.origin === origin || u.protocol === "blob:" || u.protocol === "data:", `request leaves the origin: ${r.url}`);
    assert.equal(r.method, "GET", `only GET requests: ${r.method} ${r.url}`);
    assert.equal(r.body, "", `no request body: ${r.url}`);
    const text = [decodeURIComponent(r.url), r.url, ...Object.entries(r.headers).flat()].join("\n");
    for (const t of typed) {
      for (const form of encodings(t)) {
        assert.ok(!text.includes(form), `${r.url} carries ${JSON.stringify(t)}`);
      }
    }
  }
  console.log(`# ${requests.length} requests, ${requests.filter((r) => r.sw).length} from the service worker; ${typed.length} typed values (${inExports.length} found in the exports); none sent`);
  assert.deepEqual(errors, []);
  await context.close();
});
