//! The search index: Japanese has no spaces between words, and a dictionary would be large, so
//! the index is built from the characters themselves (as n-gram full-text search does):
//!
//! - text is normalised ([`normalise`]: full-width ASCII to ASCII, ASCII lower-cased; one
//!   UTF-16 unit in, one out, so offsets stay valid for snippets);
//! - runs of letters and digits are split into ASCII words and non-ASCII runs;
//! - an ASCII word is a key as it is (`tlp`, `ddos`); a non-ASCII run gives every character
//!   bigram (`情報`, `報共`, …) and every single character (for one-character queries);
//! - each key maps to the pages that contain it (postings, ascending page numbers, delta-coded);
//! - the pages are split into shards of [`SHARD_PAGES`], each a self-contained index, listed by
//!   a small manifest (the URL the search page names): a large site's index is fetched only
//!   when a search is made, and a change to one page changes one shard.
//!
//! `public/js/search.js` tokenises the query the same way, intersects the postings, then checks
//! the exact substring in each candidate's text (kept, whitespace-collapsed, in the index) and
//! ranks: title matches, then heading matches, then the number of hits.
use std::path::Path;

use anyhow::{Context, Result};

use crate::render::{Asset, Site};

/// A page to index.
#[derive(Debug, Clone)]
pub struct Doc {
    pub url: String,
    pub title: String,
    /// Headings and defined terms of the page (ranked above body text).
    pub headings: Vec<String>,
    pub text: String,
}

/// Full-width ASCII → ASCII, ideographic space → space, ASCII lower-cased. Maps each `char` to
/// one `char` of the same UTF-16 length (search.js does the same on the page text).
pub fn normalise_char(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

pub fn normalise(s: &str) -> String {
    s.chars().map(normalise_char).collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The keys of a text: ASCII words, and the bigrams and unigrams of non-ASCII runs.
pub fn keys(text: &str) -> Vec<String> {
    let norm = normalise(text);
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        if run[0].is_ascii() {
            out.push(run.iter().collect());
        } else {
            for (i, c) in run.iter().enumerate() {
                out.push(c.to_string());
                if let Some(d) = run.get(i + 1) {
                    out.push([*c, *d].iter().collect());
                }
            }
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

/// A key of the index without allocating: one or two non-ASCII characters packed in a `u64`
/// (unigrams and bigrams), or an ASCII word.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key<'a> {
    Chars(u64),
    Word(&'a str),
}

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

/// The distinct keys of a normalised text (the same keys as [`keys`]).
fn distinct_keys<'a>(norm: &'a str, into: &mut rustc_hash::FxHashSet<Key<'a>>) {
    let mut run_start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut ascii_run = false;
    let end_run = |start: Option<usize>,
                   end: usize,
                   ascii: bool,
                   into: &mut rustc_hash::FxHashSet<Key<'a>>| {
        if let (Some(s), true) = (start, ascii) {
            into.insert(Key::Word(&norm[s..end]));
        }
    };
    for (i, c) in norm.char_indices() {
        if !is_word(c) {
            end_run(run_start, i, ascii_run, into);
            run_start = None;
            prev = None;
            continue;
        }
        if run_start.is_some() && ascii_run != c.is_ascii() {
            end_run(run_start, i, ascii_run, into);
            run_start = None;
            prev = None;
        }
        if run_start.is_none() {
            run_start = Some(i);
            ascii_run = c.is_ascii();
        }
        if !c.is_ascii() {
            into.insert(Key::Chars(pack(c, None)));
            if let Some(p) = prev {
                into.insert(Key::Chars(pack(p, Some(c))));
            }
            prev = Some(c);
        }
    }
    end_run(run_start, norm.len(), ascii_run, into);
}

/// The index as JSON: `{ v, pages: [[url, title, headings, text]], keys: { key: [delta…] } }`.
/// Built in parallel (each page's keys), merged in page order: the output is deterministic.
pub fn index_json(docs: &[&Doc]) -> Vec<u8> {
    use rayon::prelude::*;
    use rustc_hash::{FxHashMap, FxHashSet};
    struct Page {
        headings: String,
        text: String,
        chars: Vec<u64>,
        words: Vec<String>,
    }
    let pages: Vec<Page> = docs
        .par_iter()
        .map(|d| {
            let text = compact(&d.text);
            let headings = d
                .headings
                .iter()
                .map(|h| compact(h))
                .collect::<Vec<_>>()
                .join("\n");
            let norms = [normalise(&d.title), normalise(&headings), normalise(&text)];
            let mut set = FxHashSet::default();
            for n in &norms {
                distinct_keys(n, &mut set);
            }
            let (mut chars, mut words) = (Vec::new(), Vec::new());
            for k in set {
                match k {
                    Key::Chars(c) => chars.push(c),
                    Key::Word(w) => words.push(w.to_string()),
                }
            }
            Page {
                headings,
                text,
                chars,
                words,
            }
        })
        .collect();
    let mut chars: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut words: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (i, p) in pages.iter().enumerate() {
        for &c in &p.chars {
            chars.entry(c).or_default().push(i as u32);
        }
        for w in &p.words {
            match words.get_mut(w.as_str()) {
                Some(list) => list.push(i as u32),
                None => {
                    words.insert(w.clone(), vec![i as u32]);
                }
            }
        }
    }
    let mut keys: Vec<(String, Vec<u32>)> = chars
        .into_iter()
        .map(|(k, v)| (unpack(k), v))
        .chain(words)
        .collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let mut out =
        Vec::with_capacity(docs.iter().map(|d| d.text.len() + 64).sum::<usize>() + keys.len() * 16);
    let s =
        |out: &mut Vec<u8>, v: &str| serde_json::to_writer(&mut *out, v).expect("string to JSON");
    out.extend_from_slice(b"{\"v\":1,\"pages\":[");
    for (i, (d, p)) in docs.iter().zip(&pages).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        for (j, f) in [
            d.url.as_str(),
            d.title.as_str(),
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
        out.push(b']');
    }
    out.extend_from_slice(b"],\"keys\":{");
    for (i, (k, list)) in keys.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        s(&mut out, k);
        out.extend_from_slice(b":[");
        let mut prev = 0;
        for (j, &p) in list.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            let d = if j == 0 { p } else { p - prev };
            prev = p;
            out.extend_from_slice(d.to_string().as_bytes());
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}}");
    out
}

/// The index as a JSON value (for tests and tools).
pub fn build_index(docs: &[Doc]) -> serde_json::Value {
    serde_json::from_slice(&index_json(&docs.iter().collect::<Vec<_>>()))
        .expect("the index is JSON")
}

/// Pages per shard of the index. A small site has one shard; a large one several, fetched
/// when a search is made, and a change to one page changes one shard.
pub const SHARD_PAGES: usize = 500;

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

fn shard_key(docs: &[&Doc]) -> String {
    let mut h = blake3::Hasher::new();
    for d in docs {
        for f in [d.url.as_str(), d.title.as_str(), d.text.as_str()]
            .into_iter()
            .chain(d.headings.iter().map(String::as_str))
        {
            h.update(&(f.len() as u64).to_le_bytes());
            h.update(f.as_bytes());
        }
    }
    h.finalize().to_hex().to_string()
}

/// Adds the index of every searchable page — fingerprinted shards and the manifest listing
/// them, `{ v: 2, shards: [url…] }` — and `assets/search.js`; returns the manifest's URL.
pub fn render(site: &mut Site, public: &Path, cache: &mut Shards) -> Result<String> {
    use rayon::prelude::*;
    let docs: Vec<&Doc> = site
        .pages
        .iter()
        .filter_map(|p| p.search.as_ref())
        .collect();
    let chunks: Vec<&[&Doc]> = docs.chunks(SHARD_PAGES).collect();
    let keys: Vec<String> = chunks.par_iter().map(|c| shard_key(c)).collect();
    let mut reused: Vec<Option<Asset>> = keys
        .iter()
        .map(|k| cache.urls.get(k).and_then(|u| cache.stashed.remove(u)))
        .collect();
    let built: Vec<Asset> = chunks
        .par_iter()
        .zip(reused.par_iter_mut())
        .enumerate()
        .map(|(i, (c, old))| {
            old.take()
                .unwrap_or_else(|| Asset::new(&format!("search-{i}.json"), index_json(c)))
        })
        .collect();
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
    let manifest = serde_json::to_vec(&serde_json::json!({ "v": 2, "shards": shards }))?;
    let url = site.asset("search-index.json", manifest);
    // Loaded by site.js as `./search.js` next to it in /assets/.
    let js = std::fs::read(public.join("js/search.js"))
        .with_context(|| format!("{} がありません", public.join("js/search.js").display()))?;
    site.file("assets/search.js", js);
    Ok(url)
}

/// Whitespace runs collapsed to one space (newlines kept as one space too).
pub fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[test]
    fn keys_split_japanese_into_bigrams_and_ascii_into_words() {
        let k = keys("DDoS攻撃の情報");
        assert!(k.contains(&"ddos".to_string()));
        for want in ["攻撃", "撃の", "の情", "情報", "攻", "報"] {
            assert!(k.contains(&want.to_string()), "{want}: {k:?}");
        }
        assert!(keys("ＴＬＰ:ＣＬＥＡＲ").contains(&"clear".to_string()));
        assert!(!keys("予兆・ヒヤリハット").contains(&"兆・".to_string()));
    }

    fn docs(texts: &[&str]) -> Vec<Doc> {
        texts
            .iter()
            .map(|t| Doc {
                url: format!("/{t}/"),
                title: String::new(),
                headings: vec![],
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn the_index_has_exactly_the_keys_of_each_page() {
        let texts = [
            "DDoS攻撃の情報、TLP:CLEAR",
            "予兆・ヒヤリハット 港湾",
            "ａｂｃ１２３と港",
        ];
        let v = build_index(&docs(&texts));
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
                let mut acc = 0;
                (
                    k.clone(),
                    d.as_array()
                        .unwrap()
                        .iter()
                        .map(|x| {
                            acc += x.as_u64().unwrap() as usize;
                            acc
                        })
                        .collect(),
                )
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn postings_are_delta_coded() {
        let v = build_index(&docs(&["港湾", "空港", "港湾の情報"]));
        assert_eq!(v["keys"]["港湾"], json!([0, 2]));
        assert_eq!(v["keys"]["港"], json!([0, 1, 1]));
    }
}
