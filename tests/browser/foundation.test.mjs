// The foundation: the built site is served, the home page and the app load, the app mounts,
// nothing logs an error and every request stays on the site's own origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, record, waitForApp } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test("home page and app load from the site's own origin without errors", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = record(page);
  const res = await page.goto(server.origin + "/");
  assert.equal(res.status(), 200);
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  assert.match(await page.locator("h1").innerText(), /kyoyu/);
  await page.getByRole("link", { name: "様式を作成する" }).first().click();
  await waitForApp(page);
  assert.ok(await page.locator("#app-root h1, #app-root h2").first().isVisible(), "the app shows its heading");
  assert.deepEqual(log.errors, []);
  const foreign = log.requests.filter((r) => !r.url.startsWith(server.origin));
  assert.deepEqual(foreign, [], "every request goes to the site's own origin");
  await context.close();
});

test("the server sends the wasm as application/wasm and the security headers", async () => {
  const html = await (await fetch(server.origin + "/app/")).text();
  const loader = html.match(/src="(\/assets\/kyoyu-app-loader\.[0-9a-f]+\.js)"/)[1];
  const js = await (await fetch(server.origin + loader)).text();
  const wasmUrl = js.match(/\/assets\/kyoyu-app_bg\.[0-9a-f]+\.wasm/)[0];
  const wasm = await fetch(server.origin + wasmUrl);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("content-encoding"), "gzip", "the precompressed copy is sent");
  const bytes = new Uint8Array(await wasm.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d], "it decompresses to WebAssembly");
  const home = await fetch(server.origin + "/");
  const csp = home.headers.get("content-security-policy");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(home.headers.get("x-content-type-options"), "nosniff");
  assert.equal(home.headers.get("referrer-policy"), "no-referrer");
  const notFound = await fetch(server.origin + "/no/such/page/");
  assert.equal(notFound.status, 404);
});
