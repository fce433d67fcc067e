// kyoyu — search of the handbook, entirely in the browser (no request leaves the site).
//
// The index (written by site-gen's search.rs, its manifest's URL in the input's data-index; a
// large site's is split into shards of some hundred pages) maps keys to the pages containing
// them: ASCII words, and the character bigrams of Japanese runs (and one-character runs), so
// words are found inside unspaced Japanese text without a dictionary. The manifest also lists
// the synonyms of core's glossary (English names, readings, other spellings). A small site's
// index holds each page's text; a large site's only its start (a snippet), where the keys
// alone say a word is in the rest, and its shards are stored gzip-compressed (json.js reads
// both).
//
// A query is folded as the index is (hiragana → katakana, full-width → half-width ASCII,
// half-width → full-width katakana, lower case); split into words at spaces (all must occur)
// and phrases in 「」 or "" (kept whole); each word stands for its synonyms too. The postings
// give the candidates, the exact words are checked in each candidate's text, and results are
// ranked: a title or glossary term equal to the query first (a term's definition first), then
// pages with the words in their title, headings, body, and by how often they occur. A word
// that finds nothing is tried once more split where its script changes (「インシデント報告」 →
// 「インシデント」「報告」). Results are built with textContent only (never innerHTML).

import { getJson } from "./json.js";

const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");

/**
 * Full-width ASCII → ASCII, ideographic space → space, ASCII lower-case, hiragana → katakana:
 * one UTF-16 unit per unit, so an offset in the folded text is an offset in the text.
 * (search.rs `fold_char`, the same mapping.)
 */
export function fold(s) {
  let out = "";
  for (const ch of s) {
    let c = ch.codePointAt(0);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    else if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) c += 0x60;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCodePoint(c);
  }
  return out;
}

/** Half-width katakana → full-width, voiced marks composed (NFKC of those runs only; search.rs `widen`). */
const widen = (s) => s.replace(/[\uff61-\uff9f]+/g, (run) => run.normalize("NFKC"));

const WORD = /[\p{L}\p{N}]/u;
const isAscii = (ch) => ch.charCodeAt(0) < 0x80;

/** Runs of letters/digits split into ASCII words and non-ASCII runs (folded input). */
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
  const keys = new Map(Object.entries(raw.keys));
  const asciiKeys = [], charKeys = [];
  for (const k of keys.keys()) (isAscii(k[0]) ? asciiKeys : charKeys).push(k);
  const pages = raw.pages.map(([url, title, headings, text, term]) => ({
    url, title, headings, text, term: term === 1,
    nTitle: fold(title), nHeadings: fold(headings), nText: fold(text),
    nLines: term === 1 ? fold(headings).split("\n") : [],
  }));
  // A large site's shard holds only the start of each text (its keys are of the whole text).
  return { keys, asciiKeys, charKeys, pages, excerpt: (raw.excerpt || 0) > 0 };
}

/**
 * The index: a manifest listing its shards (each a self-contained index of some pages) and the
 * synonyms, the shards all fetched the first time a search is made — a large site's index is
 * never loaded with the page.
 */
function load() {
  if (!index) {
    index = getJson(input.dataset.index)
      .then((manifest) => Promise.all(manifest.shards.map((url) => getJson(url).then(prepare)))
        .then((shards) => ({ shards, synonyms: synonymMap(manifest.synonyms || []) })))
      .catch((e) => { index = null; throw e; });
  }
  return index;
}

/** Each folded word → every word of its group (itself included). */
function synonymMap(groups) {
  const map = new Map();
  for (const group of groups) {
    for (const w of group) map.set(w, [...new Set([...(map.get(w) || [w]), ...group])]);
  }
  return map;
}

/**
 * The terms of a query: phrases in 「」, "" or “” whole, other words split at spaces (a query
 * that is one of the synonyms, as 「traffic light protocol」, is one term); each { text, raw,
 * phrase, alts }: `text` folded, `raw` as typed (widened), `alts` the folded forms that count
 * (the word and its synonyms).
 */
export function parse(query, synonyms) {
  const raw = widen(query);
  const q = fold(raw); // one unit per unit: offsets in `q` are offsets in `raw`
  const term = (text, rawText, phrase) => ({ text, raw: rawText, phrase, alts: synonyms.get(text) || [text] });
  const whole = q.replace(/\s+/g, " ").trim();
  if (synonyms.has(whole)) return [term(whole, raw.trim(), false)];
  const terms = [];
  for (const m of q.matchAll(/「([^」]*)」?|"([^"]*)"?|“([^”]*)”?|(\S+)/dgu)) {
    const g = [4, 1, 2, 3].find((i) => m[i] !== undefined);
    const text = m[g].replace(/\s+/g, " ").trim();
    if (!text || runs(text).length === 0) continue;
    const [from, to] = m.indices[g];
    terms.push(term(text, raw.slice(from, to).trim(), g !== 4));
  }
  return terms;
}

/**
 * A word that found nothing, split where the script changes (kanji, katakana, hiragana, Latin
 * letters and digits), without one- and two-character hiragana parts (particles such as の).
 */
function splitByScript(raw) {
  const script = (ch) =>
    /[\p{Script=Han}々〆]/u.test(ch) ? "han" : /[\p{Script=Katakana}ー]/u.test(ch) ? "kana"
      : /\p{Script=Hiragana}/u.test(ch) ? "hira" : /[\p{L}\p{N}]/u.test(ch) ? "latin" : "other";
  const parts = [];
  let cur = "", kind = "";
  for (const ch of raw) {
    const k = script(ch);
    if (cur && k !== kind) { parts.push([cur, kind]); cur = ""; }
    cur += ch; kind = k;
  }
  if (cur) parts.push([cur, kind]);
  const kept = parts.filter(([p, k]) => k !== "other" && !(k === "hira" && p.length <= 2)).map(([p]) => p);
  return kept.length >= 2 ? kept : null;
}

/** A key's pages: delta-coded numbers, or a base64 bitmap (page i: bit i % 8 of byte i / 8). */
function decode(postings) {
  const out = [];
  if (typeof postings === "string") {
    const bits = atob(postings);
    for (let b = 0; b < bits.length; b++) {
      const byte = bits.charCodeAt(b);
      for (let j = 0; j < 8; j++) if (byte & (1 << j)) out.push(b * 8 + j);
    }
    return out;
  }
  let p = 0;
  postings.forEach((d, i) => { p = i === 0 ? d : p + d; out.push(p); });
  return out;
}

function intersect(a, b) {
  const set = new Set(b);
  return a.filter((x) => set.has(x));
}

function union(lists) {
  const set = new Set();
  for (const l of lists) for (const p of l) set.add(p);
  return [...set].sort((x, y) => x - y);
}

/** The candidate pages of one folded form (null: it has no letters, every page). */
function candidatesOf(idx, form) {
  let result = null;
  const meet = (pages) => { result = result === null ? pages : intersect(result, pages); };
  for (const run of runs(form)) {
    if (isAscii(run[0])) {
      // An ASCII word matches words starting with it (「ddo」 finds 「ddos」).
      meet(union(idx.asciiKeys.filter((k) => k.startsWith(run)).map((k) => decode(idx.keys.get(k)))));
    } else if (run.length === 1) {
      // One character: a key alone, or inside the bigrams that hold it.
      meet(union(idx.charKeys.filter((k) => k.includes(run)).map((k) => decode(idx.keys.get(k)))));
    } else {
      for (let i = 0; i + 1 < run.length; i++) {
        meet(decode(idx.keys.get(run.slice(i, i + 2)) || []));
      }
    }
    if (result.length === 0) return result;
  }
  return result;
}

function count(hay, needle) {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Where a term occurs in a page: its best form's title, heading and body hits. */
function where(p, term) {
  let best = null;
  for (const a of term.alts) {
    const inTitle = p.nTitle.includes(a), inHead = p.nHeadings.includes(a), hits = count(p.nText, a);
    const s = (inTitle ? 1000 : 0) + (inHead ? 100 : 0) + Math.min(hits, 50);
    if (s > 0 && (!best || s > best.score)) best = { score: s, inTitle, hits };
  }
  return best;
}

/** Whether a page is what the query names: its title, or a glossary term or its synonym. */
function names(p, term) {
  const title = p.nTitle.replace(/等$/, "");
  return term.alts.some((a) => a === p.nTitle || a === title || p.nLines.includes(a));
}

/**
 * Searches one shard with parsed terms; returns results { page, key, marks }, `key` the
 * result's place in the ranking as one number (see `rankKey`).
 */
export function searchIndex(idx, terms) {
  if (terms.length === 0) return [];
  let pages = null;
  const found = []; // each term's candidates
  for (const t of terms) {
    const c = union(t.alts.map((a) => candidatesOf(idx, a)).filter((x) => x !== null));
    found.push(new Set(c));
    pages = pages === null ? c : intersect(pages, c);
    if (pages.length === 0) return [];
  }
  const marks = terms.flatMap((t) => t.alts);
  const results = [];
  for (const i of pages) {
    const p = idx.pages[i];
    let score = 0, inTitle = 0, ok = true;
    for (let k = 0; k < terms.length; k++) {
      // Beyond an excerpt, the keys alone say that a word is there (once, as far as known).
      const w = where(p, terms[k]) || (idx.excerpt && found[k].has(i) ? { score: 1, inTitle: false } : null);
      if (!w) { ok = false; break; }
      score += w.score; inTitle += w.inTitle ? 1 : 0;
    }
    if (!ok) continue;
    const exact = terms.length === 1 && names(p, terms[0]);
    results.push({ page: p, key: rankKey(p, exact, inTitle === terms.length, score), marks });
  }
  return results;
}

/**
 * The order of results as one number (greater first): what the query names (a glossary term's
 * definition before a page of that title), every word in the title, then where (title >
 * heading > body) and how often the words occur; then a term before a page, a shorter title.
 * (One number, compared once per pair: a large site sorts thousands of results.)
 */
function rankKey(p, exact, inTitle, score) {
  const term = p.term ? 1 : 0;
  return ((((exact ? 2 + term : 0) * 2 + (inTitle ? 1 : 0)) * 2 ** 20 + Math.min(score, 2 ** 20 - 1)) * 2 + term) * 1024
    + (1023 - Math.min(p.title.length, 1023));
}

function rank(a, b) {
  return (b.key - a.key) || (a.page.url.length - b.page.url.length);
}

/**
 * Searches every shard; one ranked list, and the words searched when the query itself found
 * nothing and was split (else null).
 */
export function searchAll(loaded, query) {
  const terms = parse(query, loaded.synonyms);
  const run = (ts) => loaded.shards.flatMap((idx) => searchIndex(idx, ts)).sort(rank);
  const results = run(terms);
  if (results.length > 0) return { results, split: null };
  let changed = false;
  const split = terms.flatMap((t) => {
    const parts = t.phrase ? null : splitByScript(t.raw);
    if (!parts) return [t];
    changed = true;
    return parts.map((part) => {
      const text = fold(part);
      return { text, raw: part, phrase: false, alts: loaded.synonyms.get(text) || [text] };
    });
  });
  return changed ? { results: run(split), split: split.map((t) => t.raw) } : { results, split: null };
}

/** Appends `text` to `el`, with every occurrence of the folded forms wrapped in <mark>. */
function appendMarked(el, text, norm, forms) {
  let i = 0;
  while (i < text.length) {
    let best = -1, len = 0;
    for (const t of forms) {
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
  const first = r.marks.map((t) => nText.indexOf(t)).filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? -1;
  if (first < 0) {
    p.textContent = text.slice(0, 90) + (text.length > 90 ? "…" : "");
    return p;
  }
  const start = Math.max(0, first - 40), end = Math.min(text.length, first + 80);
  if (start > 0) p.append(document.createTextNode("…"));
  appendMarked(p, text.slice(start, end), nText.slice(start, end), r.marks);
  if (end < text.length) p.append(document.createTextNode("…"));
  return p;
}

function show({ results, split }, query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  if (results.length === 0) {
    status.textContent = `「${query}」は見つかりませんでした。別の言葉や、短い言葉で検索してください。`;
    return;
  }
  status.textContent = split
    ? `「${query}」に一致するページはありませんでした。${split.map((w) => `「${w}」`).join("")}をすべて含むページ: ${results.length} 件`
    : `「${query}」: ${results.length} 件見つかりました`;
  for (const r of results.slice(0, 50)) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = r.page.url;
    appendMarked(a, r.page.title, r.page.nTitle, r.marks);
    li.append(a);
    if (r.page.term) {
      li.className = "search-term";
      const kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = "用語の定義";
      li.append(" ", kind);
    }
    li.append(snippet(r));
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
    const loaded = await load();
    if (input.value !== q) return;
    show(searchAll(loaded, q), q);
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
    const loaded = await load();
    const t0 = performance.now();
    const { results, split } = searchAll(loaded, query);
    return { ms: performance.now() - t0, urls: results.map((r) => r.page.url), split };
  };
  input.dataset.ready = "true";
}
