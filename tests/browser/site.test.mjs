// The handbook site in a real Chromium: the reference pages hold what the seed's tables hold,
// and axe-core finds no accessibility violations on the main kinds of page (search has its
// own file, search.test.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, record, axeViolations } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(context, url) {
  const page = await context.newPage();
  const log = record(page);
  const res = await page.goto(server.origin + url);
  assert.equal(res.status(), 200, url);
  return { page, log };
}

test("reference pages match the seed's counts", async () => {
  const context = await browser.newContext();
  const count = async (url, sel) => {
    const { page, log } = await open(context, url);
    const n = await page.locator(sel).count();
    assert.deepEqual(log.errors, [], url);
    await page.close();
    return n;
  };
  assert.equal(await count("/reference/causes/", "section.cause-group"), 4, "4 cause groups (表1)");
  assert.equal(await count("/reference/causes/", "section.cause-group .cause[id]"), 17, "17 causes (表1)");
  assert.equal(await count("/reference/events/", ".event-type[id]"), 8, "8 event types (図4 ①)");
  assert.equal(await count("/reference/sectors/", "tr.sector"), 15, "15 sectors (表2)");
  assert.equal(await count("/reference/sectors/", "tr.sector a[href^='/reference/sectors/']"), 15, "one page per sector");
  assert.equal(await count("/reference/tlp/", "table.tlp-table tr.tlp-row"), 5, "5 TLP labels (表5)");
  assert.equal(await count("/reference/glossary/", "dl.glossary dt[id]"), 33, "33 glossary terms");
  assert.equal(await count("/handbook/", "section.part-summary"), 5, "parts I–V");

  // Each cause has its own anchor (its id) and the form field that uses it.
  const { page: causes } = await open(context, "/reference/causes/");
  const ids = await causes.locator(".cause[id]").evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, 17);
  assert.ok(ids.includes("suspicious_email") && ids.includes("unknown"));
  assert.match(await causes.locator("#improper_operation").innerText(), /適切なシステム運用等の未実施/, "both wordings");
  assert.match(await causes.locator("#improper_operation").innerText(), /②上記事象における原因の類型/);

  // 表4: three levels in each of the two tables.
  const { page: imp } = await open(context, "/reference/importance/");
  const levels = await imp.locator("tr.importance-level").evaluateAll((els) => els.map((e) => e.dataset.level));
  assert.deepEqual([...new Set(levels)], ["alert", "caution", "information"]);
  assert.equal(levels.length, 6);

  // 表5: labels in TLP 2.0 colours, on black.
  const { page: tlp } = await open(context, "/reference/tlp/");
  const red = tlp.locator("tr.tlp-row[data-tlp='RED'] .tlp").first();
  assert.equal(await red.innerText(), "TLP:RED");
  assert.equal(await red.evaluate((e) => getComputedStyle(e).color), "rgb(255, 43, 43)");
  assert.equal(await red.evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(0, 0, 0)");
  const strict = tlp.locator("tr.tlp-row[data-tlp='AMBER+STRICT'] .tlp").first();
  assert.equal(await strict.evaluate((e) => getComputedStyle(e).color), "rgb(255, 192, 0)");

  // The five parts, in order.
  const { page: hb } = await open(context, "/handbook/");
  const parts = await hb.locator("section.part-summary h2").allInnerTexts();
  assert.equal(parts.length, 5);
  for (const [i, want] of ["前書き", "行動計画に基づく情報共有", "他の情報共有体制との関係", "インシデント対応に資する情報等について", "関係法令"].entries()) {
    assert.ok(parts[i].includes(want), `part ${i + 1}: ${parts[i]}`);
  }

  // A sector page shows the taxonomy's uncertainty notes.
  const { page: fin } = await open(context, "/reference/sectors/finance/");
  assert.ok(await fin.locator(".uncertain").first().isVisible());
  // Figures: SVG with role=img, title and desc, and the flows as text.
  const { page: ch } = await open(context, "/handbook/kodo-keikaku/joho-kyoyu/");
  for (const id of ["zu1", "zu2"]) {
    const fig = ch.locator(`#figure-${id}`);
    assert.equal(await fig.locator("svg[role='img'] > title").count(), 1);
    assert.ok((await fig.locator(".figure-flows li").count()) >= 5);
    assert.match(await fig.locator("figcaption").innerText(), /描き直した/);
  }
  await context.close();
});

test("axe-core finds no accessibility violations", async () => {
  const context = await browser.newContext();
  for (const url of [
    "/", "/handbook/kodo-keikaku/joho-kyoyu/", "/handbook/kodo-keikaku/joho-renraku/", "/reference/causes/",
    "/reference/sectors/port/", "/reference/tlp/", "/reference/glossary/", "/forms/incident/", "/search/",
  ]) {
    const { page } = await open(context, url);
    const result = await axeViolations(page);
    assert.deepEqual(result, [], `${url}:\n${result.join("\n")}`);
    await page.close();
  }
  await context.close();
});
