// From the form filler to the site: an advisory drafted in the app's 情報提供様式 and exported
// as an advisory file publishes without edits, and builds into the same page as a file written
// by hand with the same content.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startServer, launch, waitForApp } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const SITE_GEN = process.env.KYOYU_SITE_GEN || path.join(root, "target/debug/site-gen");

// The report as the app holds it (imported as a kyoyu file, then exported as an advisory).
const report = {
  header: {
    importance: "caution", report_number: 2, identifier: "KY-TEST-0001", provided_at: "2025-11-20T09:30",
    recipients: [{ ministry: "総務省", sector: "telecom" }, { ministry: "国土交通省", sector: "port" }],
    tlp: "CLEAR", tlp_note: "特になし", annex: "no",
  },
  overview: "港湾のターミナルオペレーションシステムを狙った不審メールが確認されています。",
  target: "TOS を運用する港湾運送事業者。",
  response: "○不審メールの添付ファイルを開かない。\n○送信元ドメイン example.net をブロックする。",
  other: "特になし",
  contact: { person: "共有 太郎", phone: "03-0000-0000", fax: "03-0000-0001", email: "kyoyu.taro@example.go.jp" },
};

// The same advisory written by hand, in the documented format (other key order, comments).
const handWritten = `+++
id = "KY-TEST-0001"        # 識別番号
number = 2
importance = "caution"     # 注意喚起
date = "2025-11-20T09:30"
tlp = "CLEAR"
tlp_note = "特になし"
annex = "no"
recipients = [{ ministry = "総務省", sector = "telecom" }, { ministry = "国土交通省", sector = "port" }]

[contact]
person = "共有 太郎"
phone = "03-0000-0000"
fax = "03-0000-0001"
email = "kyoyu.taro@example.go.jp"
+++

## ① 概要

港湾のターミナルオペレーションシステムを狙った不審メールが確認されています。

## ② 対象

TOS を運用する港湾運送事業者。

## ③ 対処方針

○不審メールの添付ファイルを開かない。
○送信元ドメイン example.net をブロックする。

## ④ その他

特になし
`;

let server, browser, tmp;
before(async () => {
  server = await startServer();
  browser = await launch();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kyoyu-advisory-"));
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** Builds a site whose only content is one advisory file; returns the report's page HTML. */
async function buildWith(name, text) {
  const content = path.join(tmp, name, "content");
  await fs.mkdir(path.join(content, "advisories"), { recursive: true });
  await fs.writeFile(path.join(content, "advisories", "advisory.md"), text);
  const out = path.join(tmp, name, "dist");
  execFileSync(SITE_GEN, ["build", "--no-app", "--root", root, "--content", content, "--out", out], { stdio: "pipe" });
  return fs.readFile(path.join(out, "advisories/KY-TEST-0001/2/index.html"), "utf8");
}

test("an advisory exported by the app publishes unedited, as the same page as one written by hand", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}/app/#/`);
  await waitForApp(page);
  const file = path.join(tmp, "advisory.json");
  await fs.writeFile(file, JSON.stringify({
    format: "kyoyu-report", version: 1, kind: "advisory",
    series: { id: "test-series", number: 2, previous: null }, report,
  }));
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await page.waitForURL(/#\/edit\//);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click(),
  ]);
  const exported = await fs.readFile(await download.path(), "utf8");
  await context.close();

  const fromApp = await buildWith("from-app", exported);
  const byHand = await buildWith("by-hand", handWritten);
  assert.match(fromApp, /TLP:CLEAR/);
  assert.match(fromApp, /港湾のターミナルオペレーションシステム/);
  assert.equal(fromApp, byHand, "the exported file and the hand-written one give the same page");
});
