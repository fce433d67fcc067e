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

/** Opens the app in `page` and imports `report` as a kyoyu file of series `series`: its editor. */
async function importReport(page, series) {
  await page.goto(`${server.origin}/app/#/`);
  await waitForApp(page);
  const file = path.join(tmp, `${series}.json`);
  await fs.writeFile(file, JSON.stringify({
    format: "kyoyu-report", version: 1, kind: "advisory",
    series: { id: series, number: 2, previous: null }, report,
  }));
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await page.waitForURL(/#\/edit\//);
}

test("an advisory exported by the app publishes unedited, as the same page as one written by hand", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await importReport(page, "test-series");
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

test("indicators entered in the 情報提供様式 by label and keyboard go into the file, the page and the STIX bundle", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on("dialog", (d) => d.accept()); // removing a row with content asks first
  await importReport(page, "test-indicators");

  // The section says it is not part of 図7.
  const section = page.getByRole("region", { name: "インディケータ情報" });
  await section.getByText("この欄は図7の様式にはありません").waitFor();
  const add = section.getByRole("button", { name: "インディケータを追加" });
  const row = (n) => section.getByRole("group", { name: `インディケータ ${n}`, exact: true });

  // Row 1: the button moves the focus to the new row's 値; typed, then Tab to 種類.
  await add.click();
  await page.waitForFunction(() => document.activeElement?.id === "f-indicators-0-value");
  await page.keyboard.type("198.51.100.0/24");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-indicators-0-kind");
  await row(1).getByLabel("種類").selectOption({ label: "IPv4アドレス(範囲)" });
  await row(1).getByLabel("備考").fill("攻撃の送信元");

  // Row 2, added from the keyboard: a defanged value is refused beside the field, in Japanese.
  await add.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "f-indicators-1-value");
  await page.keyboard.type("update.example[.]net");
  await page.keyboard.press("Tab");
  const bad = row(2).getByLabel("値");
  await row(2).locator(".field-error", { hasText: "無害化(defang)" }).waitFor();
  assert.equal(await bad.getAttribute("aria-invalid"), "true");
  assert.match(await row(2).locator(".field-error").innerText(), /update\.example\.net と書いてください/);
  // The 公開用ファイル is refused while an indicator is wrong.
  await page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click();
  await page.getByText(/公開用ファイルは書き出せません。.*インディケータ 2:/).waitFor();
  await bad.fill("update.example.net");
  await row(2).locator(".field-error").waitFor({ state: "detached" });

  // Rows 3 and 4; row 4 is removed again.
  await add.click();
  await row(3).getByLabel("値").fill("CVE-2024-3400");
  await row(3).getByLabel("備考").fill("悪用を確認");
  await add.click();
  await row(4).getByLabel("値").fill("203.0.113.9");
  await row(4).getByRole("button", { name: /^削除/ }).click();
  await row(4).waitFor({ state: "detached" });
  assert.equal(await section.getByRole("group", { name: /^インディケータ \d$/ }).count(), 3);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "公開用ファイル(注意喚起)を書き出す" }).click(),
  ]);
  const exported = await fs.readFile(await download.path(), "utf8");
  await context.close();

  // The file: one [[indicators]] table each, in order, the chosen kind written.
  assert.equal(exported.match(/^\[\[indicators\]\]/gm)?.length, 3, exported);
  const front = exported.split("\n+++\n")[0];
  assert.ok(front.indexOf('value = "198.51.100.0/24"') < front.indexOf('value = "update.example.net"'), front);
  assert.ok(front.indexOf('value = "update.example.net"') < front.indexOf('value = "CVE-2024-3400"'), front);
  assert.match(front, /type = "ipv4"/);
  assert.match(front, /note = "攻撃の送信元"/);
  assert.doesNotMatch(front, /203\.0\.113\.9/);

  // The site: the page's table and the bundle's objects.
  const html = await buildWith("indicators", exported);
  const table = html.slice(html.indexOf('<table class="indicator-table">'), html.indexOf("</table>", html.indexOf('<table class="indicator-table">')));
  const rows = [...table.matchAll(/<tr data-kind="([a-z0-9]+)"><td>[^<]*<\/td><td><code[^>]*>([^<]*)<\/code><\/td><td>([^<]*)<\/td><\/tr>/g)]
    .map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(rows, [
    ["ipv4", "198.51.100.0/24", "攻撃の送信元"],
    ["domain", "update.example.net", ""],
    ["cve", "CVE-2024-3400", "悪用を確認"],
  ]);
  const bundle = JSON.parse(await fs.readFile(path.join(tmp, "indicators", "dist", "advisories/KY-TEST-0001/2/stix.json"), "utf8"));
  const patterns = bundle.objects.filter((o) => o.type === "indicator").map((o) => o.pattern);
  assert.deepEqual(patterns, ["[ipv4-addr:value = '198.51.100.0/24']", "[domain-name:value = 'update.example.net']"]);
  const vuln = bundle.objects.find((o) => o.type === "vulnerability");
  assert.deepEqual(vuln.external_references, [{ source_name: "cve", external_id: "CVE-2024-3400" }]);
  const reportObject = bundle.objects.find((o) => o.type === "report");
  for (const o of bundle.objects.filter((x) => x.type === "indicator" || x.type === "vulnerability")) {
    assert.ok(reportObject.object_refs.includes(o.id), o.id);
  }
});
