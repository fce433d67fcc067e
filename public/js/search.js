// kyoyu — search of the handbook, entirely in the browser (no request leaves the site).
//
// The index (written by site-gen's search.rs, its manifest's URL in the input's data-index; a
// large site's is split into shards of some hundred pages) maps keys to the pages containing them: ASCII words, and the character bigrams and unigrams of Japanese runs,
// so words are found inside unspaced Japanese text without a dictionary. A query is tokenised
// the same way; the postings are intersected, the exact substring is verified in each
// candidate's text, and results are ranked: title, then headings, then number of hits.
// Results are built with textContent only (never innerHTML of page text).

const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");

/** Full-width ASCII → ASCII, ideographic space → space, ASCII lower-case: one unit per unit. */
export function normalise(s) {
  let out = "";
  for (const ch of s) {
    let c = ch.codePointAt(0);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCodePoint(c);
  }
  return out;
}

const WORD = /[\p{L}\p{N}]/u;
const isAscii = (ch) => ch.charCodeAt(0) < 0x80;

/** Runs of letters/digits split into ASCII words and non-ASCII runs (normalised input). */
function runs(s) {
  const out = [];
  let run = "";
  for (const ch of s) {
    if (!WORD.test(ch)) { if (run) out.push(run); run = ""; continue; }
    if (run && isAscii(run[run.length - 1]) !== isAscii(ch)) { out.push(run); run = ""; }
    run += ch;
  }
  if (run) out.push(run);
  return out;
}

let index = null;

/** One shard of the index, ready to search. */
function prepare(raw) {
  const keys = new Map();
  for (const [k, deltas] of Object.entries(raw.keys)) keys.set(k, deltas);
  const asciiKeys = [...keys.keys()].filter((k) => isAscii(k[0]));
  const pages = raw.pages.map(([url, title, headings, text]) => ({
    url, title, headings, text,
    nTitle: normalise(title), nHeadings: normalise(headings), nText: normalise(text),
  }));
  return { keys, asciiKeys, pages };
}

const getJson = (url) => fetch(url).then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });

/**
 * The index: a manifest listing its shards (each a self-contained index of some pages), all
 * fetched the first time a search is made — a large site's index is never loaded with the page.
 */
function load() {
  if (!index) {
    index = getJson(input.dataset.index)
      .then((manifest) => Promise.all(manifest.shards.map((url) => getJson(url).then(prepare))))
      .catch((e) => { index = null; throw e; });
  }
  return index;
}

/** Searches every shard; one ranked list. */
function searchAll(shards, query) {
  return shards.flatMap((idx) => searchIndex(idx, query)).sort(rank);
}

function decode(deltas) {
  const out = [];
  let p = 0;
  deltas.forEach((d, i) => { p = i === 0 ? d : p + d; out.push(p); });
  return out;
}

function intersect(a, b) {
  const set = new Set(b);
  return a.filter((x) => set.has(x));
}

/** The candidate pages of one normalised term (null: every page). */
function candidates(idx, term) {
  let result = null;
  const meet = (pages) => { result = result === null ? pages : intersect(result, pages); };
  for (const run of runs(term)) {
    if (isAscii(run[0])) {
      // An ASCII word matches words starting with it (「ddo」 finds 「ddos」).
      const union = new Set();
      for (const k of idx.asciiKeys) if (k.startsWith(run)) for (const p of decode(idx.keys.get(k))) union.add(p);
      meet([...union].sort((x, y) => x - y));
    } else if (run.length === 1) {
      meet(decode(idx.keys.get(run) || []));
    } else {
      for (let i = 0; i + 1 < run.length; i++) {
        meet(decode(idx.keys.get(run.slice(i, i + 2)) || []));
        if (result.length === 0) return result;
      }
    }
  }
  return result;
}

function count(hay, needle) {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Searches the loaded index; returns ranked results { page, hits, first, terms }. */
export function searchIndex(idx, query) {
  const terms = normalise(query).split(/\s+/).filter((t) => t.length > 0);
  if (terms.length === 0) return [];
  let pages = null;
  for (const t of terms) {
    const c = candidates(idx, t);
    if (c === null) continue;
    pages = pages === null ? c : intersect(pages, c);
  }
  if (pages === null) pages = idx.pages.map((_, i) => i);
  const results = [];
  for (const i of pages) {
    const p = idx.pages[i];
    let hits = 0, title = 0, head = 0, ok = true;
    for (const t of terms) {
      const inTitle = p.nTitle.includes(t), inHead = p.nHeadings.includes(t);
      const n = count(p.nText, t);
      if (!inTitle && !inHead && n === 0) { ok = false; break; }
      hits += n; title += inTitle ? 1 : 0; head += inHead ? 1 : 0;
    }
    if (!ok) continue;
    const first = terms.map((t) => p.nText.indexOf(t)).filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? -1;
    results.push({ page: p, hits, title, head, first, terms });
  }
  return results.sort(rank);
}

function rank(a, b) {
  return b.title - a.title || b.head - a.head || b.hits - a.hits || a.page.url.length - b.page.url.length;
}

/** Appends `text` to `el`, with every occurrence of the terms wrapped in <mark>. */
function appendMarked(el, text, norm, terms) {
  let i = 0;
  while (i < text.length) {
    let best = -1, len = 0;
    for (const t of terms) {
      const j = norm.indexOf(t, i);
      if (j !== -1 && (best === -1 || j < best || (j === best && t.length > len))) { best = j; len = t.length; }
    }
    if (best === -1) { el.append(document.createTextNode(text.slice(i))); break; }
    if (best > i) el.append(document.createTextNode(text.slice(i, best)));
    const m = document.createElement("mark");
    m.textContent = text.slice(best, best + len);
    el.append(m);
    i = best + len;
  }
}

function snippet(r) {
  const p = document.createElement("p");
  p.className = "search-snippet";
  const { text, nText } = r.page;
  if (r.first < 0) {
    p.textContent = text.slice(0, 90) + (text.length > 90 ? "…" : "");
    return p;
  }
  const start = Math.max(0, r.first - 40), end = Math.min(text.length, r.first + 80);
  if (start > 0) p.append(document.createTextNode("…"));
  appendMarked(p, text.slice(start, end), nText.slice(start, end), r.terms);
  if (end < text.length) p.append(document.createTextNode("…"));
  return p;
}

function show(results, query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  status.textContent = results.length ? `「${query}」: ${results.length} 件見つかりました` : `「${query}」は見つかりませんでした`;
  for (const r of results.slice(0, 50)) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = r.page.url;
    appendMarked(a, r.page.title, r.page.nTitle, r.terms);
    li.append(a, snippet(r));
    const url = document.createElement("p");
    url.className = "search-url";
    url.textContent = r.page.url;
    li.append(url);
    list.append(li);
  }
}

async function run() {
  const q = input.value;
  const url = new URL(location.href);
  if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  try {
    const shards = await load();
    if (input.value !== q) return;
    show(searchAll(shards, q), q);
  } catch (e) {
    status.textContent = "検索索引を読み込めませんでした。ネットワークに接続してページを再読み込みしてください。";
  }
}

if (input && list && status) {
  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 80); });
  input.closest("form")?.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  const q = new URL(location.href).searchParams.get("q");
  if (q) { input.value = q; run(); }
  // For tests and the console: the ranked URLs of a query, and the time it took.
  window.kyoyuSearch = async (query) => {
    const shards = await load();
    const t0 = performance.now();
    const results = searchAll(shards, query);
    return { ms: performance.now() - t0, urls: results.map((r) => r.page.url) };
  };
  input.dataset.ready = "true";
}
