// The handbook as a reader sees it in a real Chromium: on a phone the table of contents is a menu
// above the page (closed until opened, without JavaScript too, and with the keyboard); on a wide
// screen it is the sidebar beside the page as before; no page is wider than a phone's screen;
// 表5's middle column is wide enough that its rows stay short; at 360–390 px each row of 表2 and
// 表3 reads as a block, each cell under its column's heading (the table unchanged on a wide screen
// and in print); every reference table has an accessible name; the form filler's pages, drawn by
// the app, have one <h1> each (its print page too, the form below it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, record, openApp, newForm, axeViolations } from "./harness.mjs";

const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };
const CHAPTER = "/handbook/kodo-keikaku/joho-renraku/";
let server, browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const top = (locator) => locator.evaluate((e) => e.getBoundingClientRect().top + scrollY);

for (const javaScriptEnabled of [false, true]) {
  test(`phone (JavaScript ${javaScriptEnabled ? "on" : "off"}): the menu is above the first heading, opens, and its links work`, async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(server.origin + CHAPTER);
    const menu = page.locator("details.nav-menu");
    const summary = menu.locator("> summary");
    assert.equal(await summary.innerText(), "目次");
    assert.ok(await summary.isVisible(), "the menu's button is shown");
    const h1 = page.locator("main h1");
    assert.ok((await top(summary)) < (await top(h1)), "the menu is above the first heading");
    assert.ok((await top(h1)) < PHONE.height, `the heading is on the first screen (${await top(h1)} px)`);
    assert.equal(await menu.evaluate((d) => d.open), false, "closed until opened");
    const link = menu.locator("nav.sidebar a[href='/handbook/kodo-keikaku/joho-teikyo/']");
    assert.equal(await link.isVisible(), false, "its links are hidden while closed");
    await summary.click();
    assert.equal(await menu.evaluate((d) => d.open), true);
    assert.ok(await link.isVisible(), "its links are shown once opened");
    assert.equal(await menu.locator("a[aria-current=page]").getAttribute("href"), CHAPTER, "the page is marked in it");
    const below = await page.evaluate(() => document.querySelector("details.nav-menu").getBoundingClientRect().bottom);
    assert.ok(below <= (await top(h1)), "the open menu pushes the page down, not over it");
    await link.click();
    await page.waitForURL(server.origin + "/handbook/kodo-keikaku/joho-teikyo/");
    assert.match(await page.locator("main h1").innerText(), /情報提供/);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("phone: the menu works with the keyboard", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(server.origin + CHAPTER);
  // Tab from the top of the page reaches the menu before anything in the page's content.
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      return { summary: a.matches("details.nav-menu > summary"), inMain: Boolean(a.closest("main")) };
    });
    assert.equal(where.inMain, false, "the page's content is not reached before the menu");
    reached = where.summary;
  }
  assert.ok(reached, "Tab reaches the menu");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("details.nav-menu").evaluate((d) => d.open), true, "Enter opens it");
  // The next Tabs go through the groups and links of the menu, to a chapter of this part.
  let target = null;
  for (let i = 0; i < 30 && !target; i++) {
    await page.keyboard.press("Tab");
    target = await page.evaluate(() => {
      const a = document.activeElement;
      return a.closest("details.nav-menu") && a.getAttribute("href") === "/handbook/kodo-keikaku/joho-kyoyu/" ? a.getAttribute("href") : null;
    });
  }
  assert.equal(target, "/handbook/kodo-keikaku/joho-kyoyu/", "Tab goes through the menu's links");
  await page.keyboard.press("Enter");
  await page.waitForURL(server.origin + "/handbook/kodo-keikaku/joho-kyoyu/");
  // Closing it again with the keyboard.
  await page.locator("details.nav-menu > summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("details.nav-menu").evaluate((d) => d.open), true);
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("details.nav-menu").evaluate((d) => d.open), false, "Enter closes it");
  await context.close();
});

for (const javaScriptEnabled of [false, true]) {
  test(`wide screen (JavaScript ${javaScriptEnabled ? "on" : "off"}): the sidebar beside the page, always shown, no menu button`, async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(server.origin + CHAPTER);
    assert.equal(await page.locator("details.nav-menu > summary").isVisible(), false);
    const sidebar = await page.locator("nav.sidebar").boundingBox();
    const main = await page.locator("main").boundingBox();
    assert.ok(sidebar.x + sidebar.width <= main.x, "the sidebar is left of the page");
    assert.ok(Math.abs(sidebar.y - main.y) < 5, "side by side, from the top");
    for (const href of ["/handbook/kodo-keikaku/joho-kyoyu/", CHAPTER, "/handbook/kodo-keikaku/joho-teikyo/"]) {
      assert.ok(await page.locator(`nav.sidebar a[href='${href}']`).isVisible(), `${href} shown`);
    }
    // The links are reached with Tab as before, before the page's content.
    await page.locator("nav.sidebar a[href='/handbook/kodo-keikaku/joho-kyoyu/']").focus();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "/handbook/kodo-keikaku/joho-kyoyu/");
    await context.close();
  });
}

test("phone: no page is wider than the screen (long URLs wrap, wide tables scroll in their box)", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  for (const url of ["/", "/handbook/", CHAPTER, "/handbook/kodo-keikaku/joho-kyoyu/", "/handbook/incident-joho/csirt/",
    "/handbook/incident-joho/tsujo-kakunin/", "/reference/tlp/", "/reference/causes/", "/reference/sectors/medical/", "/forms/incident/"]) {
    await page.goto(server.origin + url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${url}: ${width} px wide`);
  }
  await context.close();
});

test("表5: the middle column has room, rows stay short (wide screen)", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  for (const url of [CHAPTER, "/reference/tlp/"]) {
    await page.goto(server.origin + url);
    const t = await page.locator("table.tlp-table").evaluate((table) => ({
      width: table.getBoundingClientRect().width,
      cols: [...table.querySelectorAll("thead th")].map((c) => c.getBoundingClientRect().width),
      rows: [...table.querySelectorAll("tbody tr")].map((r) => r.getBoundingClientRect().height),
    }));
    assert.equal(t.rows.length, 5, `${url}: the five TLP rows`);
    assert.ok(t.cols[1] >= 0.3 * t.width, `${url}: the middle column is ${Math.round(t.cols[1])} of ${Math.round(t.width)} px`);
    const tallest = Math.max(...t.rows);
    assert.ok(tallest <= 300, `${url}: the tallest row is ${Math.round(tallest)} px (${t.rows.map(Math.round)})`);
  }
  await context.close();
});

test("表5 on a phone: within the screen, each level's label above its two cells, rows shorter than before", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(server.origin + "/reference/tlp/");
  const t = await page.locator("table.tlp-table").evaluate((table) => ({
    width: table.getBoundingClientRect().width,
    main: document.querySelector("main").getBoundingClientRect().width,
    rows: [...table.querySelectorAll("tbody tr")].map((r) => {
      const [th, a, b] = [...r.children].map((c) => c.getBoundingClientRect());
      return { height: r.getBoundingClientRect().height, labelAbove: th.bottom <= a.top + 1 && th.bottom <= b.top + 1, sideBySide: Math.abs(a.top - b.top) < 1 && a.right <= b.left + 1 };
    }),
  }));
  assert.ok(t.width <= t.main + 0.5, `the table is ${t.width} px in a ${t.main} px page`);
  for (const [i, r] of t.rows.entries()) {
    assert.ok(r.labelAbove && r.sideBySide, `row ${i}: ${JSON.stringify(r)}`);
    assert.ok(r.height <= 600, `row ${i} is ${Math.round(r.height)} px tall`);
  }
  await context.close();
});

/** Each row of 表2 and 表3 on `url` as laid out: its cells' boxes, whether each cell shows its
 * column's heading before it, and whether its table box scrolls sideways. */
const rowsOf = (page) => page.evaluate(() => [...document.querySelectorAll("table.sectors-table, table.services-table")].map((table) => {
  const wrap = table.closest(".table-wrap");
  const heads = [...table.querySelectorAll("thead th")].map((h) => h.textContent.trim());
  return {
    cls: table.className,
    scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
    right: table.getBoundingClientRect().right,
    rows: [...table.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c, i) => {
      const b = c.getBoundingClientRect();
      const label = getComputedStyle(c, "::before").content;
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, label, head: heads[i], display: getComputedStyle(c).display };
    })),
  };
}));

const SECTOR_TABLE_PAGES = ["/handbook/kodo-keikaku/joho-kyoyu/", "/reference/sectors/medical/", "/reference/sectors/finance/"];

for (const width of [360, 390]) {
  test(`表2・表3 at ${width} px: each row a block, each cell under its column's heading, nothing scrolls sideways`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const url of SECTOR_TABLE_PAGES) {
      await page.goto(server.origin + url);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${url}: the page is wider than ${width} px`);
      const tables = await rowsOf(page);
      assert.ok(tables.length >= 1, `${url}: 表2 or 表3`);
      for (const t of tables) {
        assert.ok(!t.scrolls, `${url} ${t.cls}: its box scrolls sideways`);
        assert.ok(t.right <= width, `${url} ${t.cls}: ends at ${t.right} px`);
        for (const [i, cells] of t.rows.entries()) {
          const [th, ...tds] = cells;
          for (const [j, c] of tds.entries()) {
            const above = j === 0 ? th : tds[j - 1];
            assert.ok(c.top >= above.bottom - 1, `${url} ${t.cls} row ${i}: cell ${j + 1} is not below the one before`);
            assert.ok(Math.abs(c.left - th.left) < 1 && Math.abs(c.right - th.right) < 1, `${url} ${t.cls} row ${i}: cell ${j + 1} not as wide as the row`);
            assert.equal(c.label, JSON.stringify(c.head), `${url} ${t.cls} row ${i}: cell ${j + 1} under its heading`);
          }
        }
      }
    }
    await context.close();
  });
}

test("表2・表3 on a wide screen and in print: the table as before, its heads above the columns", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  for (const media of ["screen", "print"]) {
    await page.emulateMedia({ media });
    for (const url of SECTOR_TABLE_PAGES) {
      await page.goto(server.origin + url);
      for (const t of await rowsOf(page)) {
        for (const [i, [th, ...tds]] of t.rows.entries()) {
          for (const c of [th, ...tds]) assert.equal(c.display, "table-cell", `${media} ${url} ${t.cls} row ${i}`);
          for (const [j, c] of tds.entries()) {
            assert.ok(Math.abs(c.top - th.top) < 1 && c.left >= (j === 0 ? th : tds[j - 1]).right - 1, `${media} ${url} ${t.cls} row ${i}: cell ${j + 1} beside the one before`);
            assert.equal(c.label, "none", `${media} ${url}: no label before a cell`);
          }
        }
      }
    }
  }
  // A phone's print is the table too.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ media: "print" });
  await page.goto(server.origin + "/reference/sectors/medical/");
  for (const t of await rowsOf(page)) for (const r of t.rows) for (const c of r) assert.equal(c.display, "table-cell");
  await context.close();
});

test("every reference table has an accessible name: its caption in a chapter, the heading above it on a reference page", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const named = {
    "/reference/causes/": ["表1 情報連絡における原因の例"],
    "/reference/tlp/": ["表5 情報共有範囲", "様式での表記"],
    "/reference/sectors/": ["重要インフラ分野(表2・表3)"],
    "/reference/sectors/medical/": ["対象となる重要インフラ事業者等と重要システム例(表2)"],
    "/forms/": ["4つの様式"],
    "/forms/incident/": ["項目"],
  };
  for (const [url, names] of Object.entries(named)) {
    await page.goto(server.origin + url);
    for (const name of names) assert.equal(await page.getByRole("table", { name, exact: true }).count(), 1, `${url}: a table named 「${name}」`);
  }
  for (const url of [...Object.keys(named), "/reference/importance/", CHAPTER, "/handbook/kodo-keikaku/joho-kyoyu/"]) {
    await page.goto(server.origin + url);
    const unnamed = await page.evaluate(() => [...document.querySelectorAll("main table.reference")].filter((t) => {
      const by = t.getAttribute("aria-labelledby");
      const caption = t.querySelector(":scope > caption")?.textContent.trim();
      const heading = by && document.getElementById(by)?.textContent.trim();
      return !caption && !heading;
    }).map((t) => t.className));
    assert.deepEqual(unnamed, [], `${url}: tables without a name`);
  }
  await context.close();
});

test("phone: axe-core finds no accessibility violations with the menu open", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  for (const url of [CHAPTER, "/handbook/kodo-keikaku/joho-kyoyu/", "/handbook/maegaki/", "/reference/tlp/", "/reference/sectors/finance/", "/forms/incident/"]) {
    await page.goto(server.origin + url);
    await page.locator("details.nav-menu > summary").click();
    const result = await axeViolations(page);
    assert.deepEqual(result, [], `${url}:\n${result.join("\n")}`);
  }
  await context.close();
});

test("the form filler: one <h1> on its home and on a form's print page", async () => {
  const context = await browser.newContext();
  const { page, log } = await openApp(context);
  assert.equal(await page.locator("h1").count(), 1, "the app's home");
  for (const kind of ["incident", "ransomware"]) {
    const id = await newForm(page, kind);
    await page.goto(`${server.origin}/app/#/print/${id}`);
    await page.locator("article.form-print").waitFor();
    assert.equal(await page.locator("h1").count(), 1, `${kind}: the print page`);
    assert.equal(await page.locator("article.form-print h2.fp-title").count(), 1, `${kind}: the form's title under it`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
