//! The search index: Japanese has no spaces between words, and a dictionary would be large, so
//! the index is built from the characters themselves (as n-gram full-text search does):
//!
//! - text is widened ([`widen`]: half-width katakana to full-width, 「ｶﾞｽ」 → 「ガス」) where it
//!   is stored, and folded ([`fold`]: full-width ASCII to ASCII, ASCII lower-cased, hiragana to
//!   katakana; one UTF-16 unit in, one out, so offsets stay valid for snippets) where it is
//!   compared, so 「らんさむうぇあ」 finds 「ランサムウェア」 and 「ＴＬＰ」 finds 「TLP」;
//! - runs of letters and digits are split into ASCII words and non-ASCII runs;
//! - an ASCII word is a key as it is (`tlp`, `ddos`); a non-ASCII run gives every character
//!   bigram (`情報`, `報共`, …), and a run of one character that character (a one-character
//!   query also looks at the bigrams holding it);
//! - each key maps to the pages that contain it (postings: ascending page numbers, delta-coded,
//!   or a bitmap of the shard's pages where that is shorter: [`push_postings`]);
//! - the glossary's terms are entries of their own (at `/reference/glossary/#id`, the term as
//!   title, its synonyms as headings, the definition as text), so a term's definition can rank
//!   above the pages that mention it;
//! - a large site's index (more than one shard) keeps of each page's text only its first
//!   [`EXCERPT_CHARS`] characters, for the snippet — the keys are those of the whole text: the
//!   full text made the index as large as the pages themselves (75 of 258 MB for 10,000 pages);
//!   beyond the excerpt a word is found by its keys alone;
//! - the pages are split into shards of [`SHARD_PAGES`], each a self-contained index, listed by
//!   a small manifest (the URL the search page names) with the synonyms of core's glossary:
//!   a large site's index is fetched only when a search is made, and a change to one page
//!   changes one shard; its shards are stored gzip-compressed ([`shard_asset`]).
//!
//! `public/js/search.js` folds and tokenises the query the same way, expands each word to its
//! synonyms, intersects the postings, checks the exact words in each candidate's text (kept,
//! whitespace-collapsed, in the index) and ranks: a title or glossary term equal to the query,
//! then title, heading and body matches and how often the words occur.
use std::path::Path;

use anyhow::{Context, Result};
use kyoyu_core::taxonomy::glossary;
use unicode_normalization::UnicodeNormalization;

use crate::render::{Asset, Site};

/// A page to index. Made by [`Doc::new`] and not changed afterwards (its hash is kept).
#[derive(Debug, Clone)]
pub struct Doc {
    pub url: String,
    pub title: String,
    /// Headings and defined terms of the page (ranked above body text).
    pub headings: Vec<String>,
    pub text: String,
    /// The hash of the fields above, once asked for ([`Doc::hash`]).
    hash: std::sync::OnceLock<blake3::Hash>,
}

impl Doc {
    pub fn new(url: String, title: String, headings: Vec<String>, text: String) -> Doc {
        Doc {
            url,
            title,
            headings,
            text,
            hash: std::sync::OnceLock::new(),
        }
    }

    /// What identifies the doc's content, computed once: `serve` keeps the docs of the pages
    /// that did not change, so a rebuild hashes only the changed pages' text to find the search
    /// shards it can reuse (hashing every text again was a third of a one-page rebuild).
    fn hash(&self) -> &blake3::Hash {
        self.hash.get_or_init(|| {
            let mut h = blake3::Hasher::new();
            for f in [self.url.as_str(), self.title.as_str(), self.text.as_str()]
                .into_iter()
                .chain(self.headings.iter().map(String::as_str))
            {
                h.update(&(f.len() as u64).to_le_bytes());
                h.update(f.as_bytes());
            }
            h.finalize()
        })
    }
}

/// Full-width ASCII → ASCII, ideographic space → space, ASCII lower-cased, hiragana →
/// katakana. Maps each `char` to one `char` of the same UTF-16 length (search.js does the
/// same on the page text and the query).
pub fn fold_char(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        // ぁ..ゖ and ゝゞ: the katakana block is the hiragana block moved by 0x60.
        0x3041..=0x3096 | 0x309D..=0x309E => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Half-width katakana (U+FF61–U+FF9F) to full-width, voiced marks composed (「ｶﾞ」 → 「ガ」),
/// by Unicode NFKC applied to those runs only (NFKC elsewhere would also rewrite 「①」 or
/// 「㈱」, which readers type as printed). Applied to what the index stores and to queries.
pub fn widen(s: &str) -> std::borrow::Cow<'_, str> {
    let half = |c: char| ('\u{FF61}'..='\u{FF9F}').contains(&c);
    // In UTF-8 those are EF BD A1..BF and EF BE 80..9F: looked for from each EF byte (memchr),
    // not by decoding every character of the text.
    let b = s.as_bytes();
    let has_half = memchr::memchr_iter(0xEF, b).any(|i| {
        matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0xBD), Some(0xA1..=0xBF)) | (Some(0xBE), Some(0x80..=0x9F))
        )
    });
    if !has_half {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if half(c) {
            run.push(c);
        } else {
            out.extend(run.nfkc());
            run.clear();
            out.push(c);
        }
    }
    out.extend(run.nfkc());
    std::borrow::Cow::Owned(out)
}

/// Whether `c` is part of a word: [`char::is_alphanumeric`], answered at once for ASCII and the
/// blocks a Japanese text is mostly made of (kana letters and CJK ideographs, every code point
/// of which is a letter; Japanese punctuation, none of which is), where the standard library
/// looks the character up in its tables — a tenth of a large site's build time went to that
/// lookup.
fn is_word(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' => true,
        // The space and the punctuation of Japanese text: 、。「」『』【】 and the like.
        '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{30FB}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The keys of a text: ASCII words, the bigrams of non-ASCII runs, and one-character runs.
pub fn keys(text: &str) -> Vec<String> {
    let norm = fold(&widen(text));
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        if run[0].is_ascii() {
            out.push(run.iter().collect());
        } else if run.len() == 1 {
            out.push(run[0].to_string());
        } else {
            out.extend(run.windows(2).map(|w| w.iter().collect::<String>()));
        }
        run.clear();
    };
    for c in norm.chars() {
        if !is_word(c) {
            flush(&mut run, &mut out);
            continue;
        }
        if let Some(&last) = run.last() {
            if last.is_ascii() != c.is_ascii() {
                flush(&mut run, &mut out);
            }
        }
        run.push(c);
    }
    flush(&mut run, &mut out);
    out
}

/// A key of one or two non-ASCII characters (unigrams and bigrams) packed in a `u64`, to count
/// them without allocating.
fn pack(a: char, b: Option<char>) -> u64 {
    ((a as u64) << 32) | b.map_or(0, |b| b as u64 + 1)
}

fn unpack(k: u64) -> String {
    let mut s = String::new();
    s.extend(char::from_u32((k >> 32) as u32));
    let b = k & 0xffff_ffff;
    if b != 0 {
        s.extend(char::from_u32(b as u32 - 1));
    }
    s
}

/// The keys of a widened text, folded as it is read ([`fold_char`]; the same keys as [`keys`],
/// repeated where they repeat): the characters' into `chars`, the ASCII words into `words`. No
/// folded copy of the text is made (a large site's texts are tens of megabytes).
fn text_keys(wide: &str, chars: &mut Vec<u64>, words: &mut Vec<String>) {
    /// The run being read: an ASCII word, or the last character of a non-ASCII run and its
    /// length (a one-character run is a key of its own).
    #[derive(Default)]
    struct Run {
        word: String,
        prev: Option<char>,
        len: usize,
    }
    impl Run {
        fn end(&mut self, chars: &mut Vec<u64>, words: &mut Vec<String>) {
            if !self.word.is_empty() {
                words.push(std::mem::take(&mut self.word));
            }
            if let (1, Some(p)) = (self.len, self.prev) {
                chars.push(pack(p, None));
            }
            self.prev = None;
            self.len = 0;
        }
    }
    let mut run = Run::default();
    for c in wide.chars().map(fold_char) {
        if !is_word(c) {
            run.end(chars, words);
        } else if c.is_ascii() {
            if run.len > 0 {
                run.end(chars, words);
            }
            run.word.push(c);
        } else {
            if !run.word.is_empty() {
                run.end(chars, words);
            }
            if let Some(p) = run.prev {
                chars.push(pack(p, Some(c)));
            }
            run.prev = Some(c);
            run.len += 1;
        }
    }
    run.end(chars, words);
}

/// The index as JSON: `{ v, excerpt?, pages: [[url, title, headings, text, term?]], keys: {
/// key: [delta…] or "bitmap" } }` ([`push_postings`]), `term` (1) marking a glossary term's
/// entry ([`glossary_docs`]). With `excerpt`, each text is cut to that many characters (`excerpt` in the JSON says so; the keys
/// are still those of the whole text). Built in parallel (each page's keys), merged in page
/// order: the output is deterministic.
pub fn index_json(docs: &[&Doc], excerpt: Option<usize>) -> Vec<u8> {
    use rayon::prelude::*;
    use rustc_hash::FxHashMap;
    struct Page {
        title: String,
        headings: String,
        text: String,
        /// Every character key of the page, repeated where it repeats.
        chars: Vec<u64>,
        /// The page's ASCII words, each once (a Japanese text has few).
        words: Vec<String>,
    }
    let pages: Vec<Page> = docs
        .par_iter()
        .map(|d| {
            let title = widen(&d.title).into_owned();
            let headings = widen(
                &d.headings
                    .iter()
                    .map(|h| compact(h))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
            .into_owned();
            // The keys are those of the whole text; whitespace is no part of any key, so they
            // are read from the text as it is, and only what is kept of it is compacted.
            let wide = widen(&d.text);
            let mut chars = Vec::with_capacity(wide.len() / 2);
            let mut words = Vec::new();
            for t in [&title, &headings, &*wide] {
                text_keys(t, &mut chars, &mut words);
            }
            words.sort_unstable();
            words.dedup();
            Page {
                text: compact_upto(&wide, excerpt.unwrap_or(usize::MAX)),
                title,
                headings,
                chars,
                words,
            }
        })
        .collect();
    // The postings: each key's pages in order, a page once (beside each list, the last page
    // put in it: one map lookup for each key of each page, and no sorting).
    let mut chars: FxHashMap<u64, (u32, Vec<u32>)> = FxHashMap::default();
    let mut words: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (i, p) in pages.iter().enumerate() {
        let i = i as u32;
        for &c in &p.chars {
            let (last, list) = chars.entry(c).or_insert((u32::MAX, Vec::new()));
            if *last != i {
                *last = i;
                list.push(i);
            }
        }
        for w in &p.words {
            words.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut keys: Vec<(String, Vec<u32>)> = chars
        .into_iter()
        .map(|(k, (_, v))| (unpack(k), v))
        .chain(words.into_iter().map(|(w, v)| (w.to_string(), v)))
        .collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let mut out = Vec::with_capacity(
        pages.iter().map(|p| p.text.len() + 64).sum::<usize>() + keys.len() * 16,
    );
    let s =
        |out: &mut Vec<u8>, v: &str| serde_json::to_writer(&mut *out, v).expect("string to JSON");
    out.extend_from_slice(b"{\"v\":3,");
    if let Some(n) = excerpt {
        out.extend_from_slice(format!("\"excerpt\":{n},").as_bytes());
    }
    out.extend_from_slice(b"\"pages\":[");
    for (i, (d, p)) in docs.iter().zip(&pages).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        for (j, f) in [
            d.url.as_str(),
            p.title.as_str(),
            p.headings.as_str(),
            p.text.as_str(),
        ]
        .into_iter()
        .enumerate()
        {
            if j > 0 {
                out.push(b',');
            }
            s(&mut out, f);
        }
        if is_term(d) {
            out.extend_from_slice(b",1");
        }
        out.push(b']');
    }
    out.extend_from_slice(b"],\"keys\":{");
    for (i, (k, list)) in keys.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        s(&mut out, k);
        out.push(b':');
        push_postings(&mut out, list, pages.len());
    }
    out.extend_from_slice(b"}}");
    out
}

/// A key's postings (ascending page numbers below `pages`), in the shorter of two forms: the
/// numbers delta-coded in an array (`[3,1,4]`: pages 3, 4 and 8), or a bitmap of the shard's
/// pages in base64 (`"…"`: page `i` is bit `i % 8` of byte `i / 8`), which a key found on most
/// pages of a shard (情報, 報共) takes: 84 characters for 500 pages, where the array is a
/// thousand.
fn push_postings(out: &mut Vec<u8>, list: &[u32], pages: usize) {
    use base64::Engine;
    let deltas = || {
        list.iter().scan(0, |prev, &p| {
            let d = p - *prev;
            *prev = p;
            Some(d)
        })
    };
    let digits = |n: u32| n.checked_ilog10().unwrap_or(0) as usize + 1;
    // `[`, `]`, the commas and the digits; against the bitmap in quotes.
    let array_len = 2 + list.len().saturating_sub(1) + deltas().map(digits).sum::<usize>();
    let bitmap_len = pages.div_ceil(8).div_ceil(3) * 4 + 2;
    if array_len > bitmap_len {
        let mut bits = vec![0u8; pages.div_ceil(8)];
        for &p in list {
            bits[p as usize / 8] |= 1 << (p % 8);
        }
        out.push(b'"');
        let at = out.len();
        out.resize(at + bitmap_len - 2, 0);
        base64::engine::general_purpose::STANDARD
            .encode_slice(&bits, &mut out[at..])
            .expect("sized above");
        out.push(b'"');
        return;
    }
    out.push(b'[');
    for (j, d) in deltas().enumerate() {
        if j > 0 {
            out.push(b',');
        }
        push_decimal(out, d);
    }
    out.push(b']');
}

/// The page numbers of a key's postings as [`push_postings`] wrote them (for tests and tools;
/// `public/js/search.js` reads them the same way). `None` if `v` is neither form.
pub fn postings(v: &serde_json::Value) -> Option<Vec<u32>> {
    use base64::Engine;
    match v {
        serde_json::Value::String(b) => {
            let bits = base64::engine::general_purpose::STANDARD.decode(b).ok()?;
            Some(
                (0..bits.len() as u32 * 8)
                    .filter(|&i| bits[i as usize / 8] & (1 << (i % 8)) != 0)
                    .collect(),
            )
        }
        serde_json::Value::Array(deltas) => {
            let mut page = 0u32;
            deltas
                .iter()
                .map(|d| {
                    page += u32::try_from(d.as_u64()?).ok()?;
                    Some(page)
                })
                .collect()
        }
        _ => None,
    }
}

/// `n` in decimal digits (a large site's index holds millions of them: no `String` each).
fn push_decimal(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// The index as a JSON value (for tests and tools).
pub fn build_index(docs: &[Doc], excerpt: Option<usize>) -> serde_json::Value {
    serde_json::from_slice(&index_json(&docs.iter().collect::<Vec<_>>(), excerpt))
        .expect("the index is JSON")
}

/// Pages per shard of the index. A small site has one shard; a large one several, fetched
/// when a search is made, and a change to one page changes one shard.
pub const SHARD_PAGES: usize = 500;

/// Characters of each page's text a large site's index keeps (more than one shard): enough
/// for a snippet of the page's start.
pub const EXCERPT_CHARS: usize = 200;

/// The shards of the last build by the hash of their pages (`serve` reuses the unchanged,
/// moved, not copied). The default keeps none (a one-off build).
#[derive(Debug, Default)]
pub struct Shards {
    keep: bool,
    /// Shard key → the URL of its asset.
    urls: std::collections::HashMap<String, String>,
    /// The last build's shard assets, by URL, between two renders of the index.
    stashed: std::collections::HashMap<String, Asset>,
}

impl Shards {
    pub fn keeping() -> Shards {
        Shards {
            keep: true,
            ..Default::default()
        }
    }

    /// Keeps the shards among `assets` (the last build's derived assets) for the next render.
    pub fn stash(&mut self, assets: impl Iterator<Item = Asset>) {
        let urls: std::collections::HashSet<&String> = self.urls.values().collect();
        self.stashed = assets
            .filter(|a| urls.contains(&a.url))
            .map(|a| (a.url.clone(), a))
            .collect();
    }
}

fn shard_key(docs: &[&Doc], excerpt: Option<usize>) -> String {
    let mut h = blake3::Hasher::new();
    h.update(&excerpt.unwrap_or(0).to_le_bytes());
    for d in docs {
        h.update(d.hash().as_bytes());
    }
    h.finalize().to_hex().to_string()
}

/// Shard `i` of the index as an asset. A large site's shards (`sharded`) are stored once,
/// gzip-compressed (`search-<i>.<hash>.json.gz`), as Pagefind stores its index chunks: the
/// browser fetches them as bytes and decompresses them itself (`public/js/json.js`), so no
/// server needs to be set up for them, and the site holds one copy instead of the JSON and its
/// `.gz` and `.br` (at 10,000 pages, 19 of 21 MB). The one shard of a small site (the
/// handbook) stays plain JSON.
fn shard_asset(i: usize, json: Vec<u8>, sharded: bool) -> Result<Asset> {
    Ok(if sharded {
        let gz = crate::output::gzip(&json, flate2::Compression::default())?;
        Asset::new(&format!("search-{i}.json.gz"), gz)
    } else {
        Asset::new(&format!("search-{i}.json"), json)
    })
}

/// Where the glossary's terms are defined (each at `#id`).
pub const GLOSSARY_URL: &str = "/reference/glossary/";

fn is_term(d: &Doc) -> bool {
    d.url
        .strip_prefix(GLOSSARY_URL)
        .is_some_and(|rest| rest.starts_with('#'))
}

/// The glossary's terms as entries of their own: the term as title, its reading and synonyms
/// as headings, its definition as text — so that the query 「サービス維持レベル」 finds the
/// definition first, and `CEPTOAR` finds セプター.
pub fn glossary_docs() -> Vec<Doc> {
    glossary::TERMS
        .iter()
        .map(|t| {
            let mut headings: Vec<String> = t.reading.iter().map(|r| r.to_string()).collect();
            if let Some(s) = glossary::synonyms(t.id) {
                for w in s.words {
                    if *w != t.term && !headings.iter().any(|h| h == w) {
                        headings.push(w.to_string());
                    }
                }
            }
            Doc::new(
                format!("{GLOSSARY_URL}#{}", t.id),
                t.term.to_string(),
                headings,
                t.definition.to_string(),
            )
        })
        .collect()
}

/// The manifest of the index: its shards, and each group of synonyms (folded, as search.js
/// compares them), which search.js expands a query's words to.
pub fn manifest_json(shards: &[String]) -> Vec<u8> {
    let synonyms: Vec<Vec<String>> = glossary::SYNONYMS
        .iter()
        .map(|s| s.words.iter().map(|w| fold(&widen(w))).collect())
        .collect();
    serde_json::to_vec(&serde_json::json!({ "v": 3, "shards": shards, "synonyms": synonyms }))
        .expect("the manifest to JSON")
}

/// Adds the index of every searchable page and of the glossary's terms — fingerprinted shards
/// and the manifest listing them ([`manifest_json`]) — and `assets/search.js`; returns the
/// manifest's URL.
pub fn render(site: &mut Site, public: &Path, cache: &mut Shards) -> Result<String> {
    use rayon::prelude::*;
    let terms = glossary_docs();
    let docs: Vec<&Doc> = site
        .pages
        .iter()
        .filter_map(|p| p.search.as_ref())
        .chain(&terms)
        .collect();
    let chunks: Vec<&[&Doc]> = docs.chunks(SHARD_PAGES).collect();
    let excerpt = (chunks.len() > 1).then_some(EXCERPT_CHARS);
    // What identifies a shard for the next rebuild (a one-off build has none).
    let keys: Vec<String> = if cache.keep {
        chunks.par_iter().map(|c| shard_key(c, excerpt)).collect()
    } else {
        vec![String::new(); chunks.len()]
    };
    let mut reused: Vec<Option<Asset>> = keys
        .iter()
        .map(|k| cache.urls.get(k).and_then(|u| cache.stashed.remove(u)))
        .collect();
    let built: Vec<Asset> = chunks
        .par_iter()
        .zip(reused.par_iter_mut())
        .enumerate()
        .map(|(i, (c, old))| match old.take() {
            Some(asset) => Ok(asset),
            None => shard_asset(i, index_json(c, excerpt), excerpt.is_some()),
        })
        .collect::<Result<_>>()?;
    cache.stashed.clear();
    cache.urls = if cache.keep {
        keys.into_iter()
            .zip(built.iter().map(|a| a.url.clone()))
            .collect()
    } else {
        Default::default()
    };
    let shards: Vec<String> = built.iter().map(|a| a.url.clone()).collect();
    site.assets.extend(built);
    let url = site.asset("search-index.json", manifest_json(&shards));
    // Loaded by site.js as `./search.js` next to it in /assets/.
    let js = std::fs::read(public.join("js/search.js"))
        .with_context(|| format!("{} がありません", public.join("js/search.js").display()))?;
    site.file("assets/search.js", js);
    Ok(url)
}

/// Whitespace runs collapsed to one space (newlines kept as one space too).
pub fn compact(s: &str) -> String {
    compact_upto(s, usize::MAX)
}

/// The first `limit` characters of [`compact`]`(s)`, without compacting the rest.
fn compact_upto(s: &str, limit: usize) -> String {
    let mut out = String::with_capacity(s.len().min(limit.saturating_mul(4)));
    let mut n = 0;
    for word in s.split_whitespace() {
        if n > 0 {
            if n == limit {
                break;
            }
            out.push(' ');
            n += 1;
        }
        if n + word.len() <= limit {
            // At most as many characters as bytes: the whole word fits.
            out.push_str(word);
            n += word.chars().count();
        } else {
            for c in word.chars().take(limit - n) {
                out.push(c);
                n += 1;
            }
        }
        if n == limit {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_word_answers_as_the_standard_library_does() {
        for c in ('\u{3000}'..='\u{9FFF}').chain('\0'..='\u{2FFF}') {
            assert_eq!(is_word(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn widen_finds_every_half_width_katakana_as_a_scan_of_characters_does() {
        for c in '\u{FF00}'..='\u{FFEF}' {
            let t = format!("情報{c}共有");
            let half = ('\u{FF61}'..='\u{FF9F}').contains(&c);
            assert_eq!(
                matches!(widen(&t), std::borrow::Cow::Owned(_)),
                half,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn decimals_are_written_as_to_string_writes_them() {
        for n in (0..2000).chain([9_999, 10_000, 65_535, 1 << 20, u32::MAX - 1, u32::MAX]) {
            let mut out = b"x".to_vec();
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}").into_bytes());
        }
    }

    #[test]
    fn an_excerpt_is_the_start_of_the_compacted_text() {
        let texts = [
            "",
            "  ",
            " a  b\n\nc ",
            "情報 共有\tの\u{3000}手引書",
            "ab cd",
            "一二三四五",
        ];
        for t in texts {
            for limit in 0..12 {
                let want: String = compact(t).chars().take(limit).collect();
                assert_eq!(compact_upto(t, limit), want, "{t:?} {limit}");
            }
        }
    }

    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[test]
    fn keys_split_japanese_into_bigrams_and_ascii_into_words() {
        let k = keys("DDoS攻撃の情報");
        assert!(k.contains(&"ddos".to_string()));
        for want in ["攻撃", "撃ノ", "ノ情", "情報"] {
            assert!(k.contains(&want.to_string()), "{want}: {k:?}");
        }
        // A character inside a longer run is found through its bigrams; alone, it is a key.
        assert!(!k.contains(&"攻".to_string()), "{k:?}");
        assert_eq!(keys("港、空港"), ["港", "空港"]);
        assert!(keys("ＴＬＰ:ＣＬＥＡＲ").contains(&"clear".to_string()));
        assert!(!keys("予兆・ヒヤリハット").contains(&"兆・".to_string()));
    }

    #[test]
    fn folding_makes_hiragana_katakana_and_full_width_ascii_half_width() {
        assert_eq!(fold("らんさむうぇあ"), "ランサムウェア");
        assert_eq!(fold("ゔぁ・ゝ"), "ヴァ・ヽ");
        assert_eq!(fold("ＤＤｏＳ攻撃　ＴＬＰ"), "ddos攻撃 tlp");
        // One UTF-16 unit in, one out: offsets in the folded text are offsets in the text.
        for s in [
            "らんさむうぇあ",
            "ＤＤｏＳ攻撃　ＴＬＰ",
            "情報共有範囲(TLP)",
        ] {
            assert_eq!(
                fold(s).encode_utf16().count(),
                s.encode_utf16().count(),
                "{s}"
            );
        }
        // Kanji, katakana, the long-vowel mark and punctuation stay as they are.
        assert_eq!(
            fold("重要インフラ・サービス維持レベル"),
            "重要インフラ・サービス維持レベル"
        );
    }

    #[test]
    fn half_width_katakana_is_widened_with_voiced_marks_composed() {
        assert_eq!(widen("ｶﾞｽ"), "ガス");
        assert_eq!(widen("ﾗﾝｻﾑｳｪｱ事案"), "ランサムウェア事案");
        assert_eq!(widen("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
        // Only those: other compatibility characters are left as printed.
        assert_eq!(widen("①㈱ＴＬＰ"), "①㈱ＴＬＰ");
        // The index finds half-width text with a full-width or hiragana query, and back.
        assert_eq!(keys("ｶﾞｽ分野"), keys("がす分野"));
        assert_eq!(keys("ガス"), keys("ｶﾞｽ"));
    }

    #[test]
    fn the_glossary_terms_are_entries_with_their_synonyms() {
        let terms = glossary_docs();
        assert_eq!(terms.len(), glossary::TERMS.len());
        let ceptoar = terms
            .iter()
            .find(|d| d.url == "/reference/glossary/#ceptoar")
            .unwrap();
        assert_eq!(ceptoar.title, "セプター");
        assert!(ceptoar.headings.iter().any(|h| h == "CEPTOAR"));
        assert!(is_term(ceptoar));
        let v = build_index(&terms, None);
        let pages = v["pages"].as_array().unwrap();
        assert!(pages.iter().all(|p| p[4] == json!(1)), "marked as terms");
        let csirt = pages.iter().find(|p| p[1] == "CSIRT").unwrap();
        assert_eq!(
            csirt[2],
            "シーサート\nComputer Security Incident Response Team"
        );
        // A page is not a term, not even the glossary page itself.
        let page = build_index(&docs(&["用語"]), None);
        assert_eq!(page["pages"][0].as_array().unwrap().len(), 4);
        assert!(!is_term(&Doc::new(
            GLOSSARY_URL.into(),
            "用語の定義".into(),
            vec![],
            String::new()
        )));
    }

    #[test]
    fn the_manifest_lists_the_shards_and_the_folded_synonyms() {
        let m: serde_json::Value =
            serde_json::from_slice(&manifest_json(&["/assets/search-0.x.json".into()])).unwrap();
        assert_eq!(m["shards"], json!(["/assets/search-0.x.json"]));
        let groups = m["synonyms"].as_array().unwrap();
        assert_eq!(groups.len(), glossary::SYNONYMS.len());
        assert!(groups.contains(&json!(["ランサムウェア", "ransomware"])));
        assert!(groups.contains(&json!(["情報共有範囲", "tlp", "traffic light protocol"])));
    }

    fn docs(texts: &[&str]) -> Vec<Doc> {
        texts
            .iter()
            .map(|t| Doc::new(format!("/{t}/"), String::new(), vec![], t.to_string()))
            .collect()
    }

    #[test]
    fn the_index_has_exactly_the_keys_of_each_page() {
        let texts = [
            "DDoS攻撃の情報、TLP:CLEAR",
            "予兆・ヒヤリハット 港湾",
            "ａｂｃ１２３と港",
            "ｶﾞｽ・港、らんさむうぇあ",
        ];
        let v = build_index(&docs(&texts), None);
        let mut want: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            for k in keys(t) {
                let l = want.entry(k).or_default();
                if l.last() != Some(&i) {
                    l.push(i);
                }
            }
        }
        let got: BTreeMap<String, Vec<usize>> = v["keys"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, d)| {
                let pages = postings(d).unwrap();
                (k.clone(), pages.into_iter().map(|p| p as usize).collect())
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn an_excerpt_keeps_the_start_of_the_text_and_the_keys_of_all_of_it() {
        let long = format!("{}末尾の港湾", "情報共有。".repeat(100));
        let v = build_index(&docs(&[&long]), Some(EXCERPT_CHARS));
        assert_eq!(v["excerpt"], json!(EXCERPT_CHARS));
        let text = v["pages"][0][3].as_str().unwrap();
        assert_eq!(text.chars().count(), EXCERPT_CHARS);
        assert!(long.starts_with(text) && !text.contains("港湾"));
        assert_eq!(
            v["keys"]["港湾"],
            json!([0]),
            "found beyond the excerpt by its keys"
        );
        assert_eq!(build_index(&docs(&[&long]), None)["excerpt"], json!(null));
    }

    #[test]
    fn postings_take_the_shorter_of_deltas_and_a_bitmap() {
        let lists: Vec<Vec<u32>> = vec![
            vec![],
            vec![0],
            vec![499],
            (0..40).collect(),
            (0..500).collect(),
            (0..500).step_by(3).collect(),
            (0..500).step_by(40).collect(),
            vec![7, 8, 9, 255, 256, 498],
        ];
        for list in lists {
            let mut out = Vec::new();
            push_postings(&mut out, &list, 500);
            let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(postings(&v).unwrap(), list, "{v}");
            let array = serde_json::to_string(&v).unwrap();
            let mut deltas = Vec::new();
            let mut prev = 0;
            for (j, &p) in list.iter().enumerate() {
                deltas.push(if j == 0 { p } else { p - prev });
                prev = p;
            }
            let array_len = serde_json::to_string(&deltas).unwrap().len();
            let bitmap_len = 84 + 2;
            assert_eq!(array.len(), array_len.min(bitmap_len), "{v}");
            assert_eq!(v.is_string(), bitmap_len < array_len, "{v}");
        }
    }

    #[test]
    fn postings_are_delta_coded() {
        let v = build_index(&docs(&["港湾", "空港", "港湾の情報"]), None);
        assert_eq!(v["keys"]["港湾"], json!([0, 2]));
        assert_eq!(v["keys"]["空港"], json!([1]));
        assert_eq!(v["keys"].get("港"), None, "港 is in bigrams only");
        let v = build_index(&docs(&["港", "空港", "港、湾"]), None);
        assert_eq!(v["keys"]["港"], json!([0, 2]));
    }
}
