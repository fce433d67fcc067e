//! The search index: Japanese has no spaces between words, and a dictionary would be large, so
//! the index is built from the characters themselves (as n-gram full-text search does):
//!
//! - text is normalised ([`normalise`]: full-width ASCII to ASCII, ASCII lower-cased; one
//!   UTF-16 unit in, one out, so offsets stay valid for snippets);
//! - runs of letters and digits are split into ASCII words and non-ASCII runs;
//! - an ASCII word is a key as it is (`tlp`, `ddos`); a non-ASCII run gives every character
//!   bigram (`情報`, `報共`, …) and every single character (for one-character queries);
//! - each key maps to the pages that contain it (postings, ascending page numbers, delta-coded).
//!
//! `public/js/search.js` tokenises the query the same way, intersects the postings, then checks
//! the exact substring in each candidate's text (kept, whitespace-collapsed, in the index) and
//! ranks: title matches, then heading matches, then the number of hits.
use std::path::Path;

use anyhow::{Context, Result};

use crate::output::Staging;

/// A page to index.
#[derive(Debug, Clone)]
pub struct Doc {
    pub url: String,
    pub title: String,
    /// Headings and defined terms of the page (ranked above body text).
    pub headings: Vec<String>,
    pub text: String,
}

impl Doc {
    /// A page from its HTML content (headings and defined terms taken from h1–h4 and dt).
    pub fn from_html(url: &str, title: &str, html: &str) -> Doc {
        Doc {
            url: url.into(),
            title: title.into(),
            headings: headings_of_html(html),
            text: text_of_html(html),
        }
    }
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
pub fn index_json(docs: &[Doc]) -> Vec<u8> {
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
    serde_json::from_slice(&index_json(docs)).expect("the index is JSON")
}

/// Writes the index (fingerprinted) and `assets/search.js`; returns the index's URL.
pub fn write(staging: &Staging, public: &Path, docs: &[Doc]) -> Result<String> {
    let index = index_json(docs);
    let url = staging.write_fingerprinted("search-index.json", &index)?;
    // Loaded by site.js as `./search.js` next to it in /assets/.
    let js = std::fs::read(public.join("js/search.js"))
        .with_context(|| format!("{} がありません", public.join("js/search.js").display()))?;
    staging.write("assets/search.js", js)?;
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

const BLOCK: &[&str] = &[
    "p",
    "li",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "div",
    "section",
    "article",
    "figcaption",
    "caption",
    "table",
    "ul",
    "ol",
    "dl",
    "summary",
    "details",
    "text",
    "blockquote",
    "pre",
];

/// Iterates over an HTML fragment: `f(Some(tag), closing)` for tags, `f(None, text)` for text.
fn walk(html: &str, mut f: impl FnMut(Option<&str>, bool, &str)) {
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
                let tag = &rest[1..end.saturating_sub(1).max(1)];
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                f(Some(&name), closing, "");
                rest = &rest[end..];
            }
            Some(i) => {
                f(None, false, &rest[..i]);
                rest = &rest[i..];
            }
            None => {
                f(None, false, rest);
                rest = "";
            }
        }
    }
}

/// The text of an HTML fragment, with a line break at block boundaries; entities decoded.
/// SVG titles and descriptions are kept; `<style>`/`<script>` (never present) are skipped.
pub fn text_of_html(html: &str) -> String {
    let mut out = String::new();
    let mut skip = 0usize;
    walk(html, |tag, closing, text| match tag {
        Some(name) => {
            if name == "script" || name == "style" {
                if closing {
                    skip = skip.saturating_sub(1)
                } else {
                    skip += 1
                }
            } else if BLOCK.contains(&name) && !out.ends_with('\n') {
                out.push('\n');
            }
        }
        None if skip == 0 => out.push_str(&decode(text)),
        None => {}
    });
    out.trim().to_string()
}

/// The text of the page's h1–h4 headings and defined terms (dt).
pub fn headings_of_html(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut depth = 0usize;
    walk(html, |tag, closing, text| match tag {
        Some(name @ ("h1" | "h2" | "h3" | "h4" | "dt")) => {
            let _ = name;
            if closing {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(h) = cur.take() {
                        let h = compact(h.trim_end_matches('#'));
                        if !h.is_empty() {
                            out.push(h);
                        }
                    }
                }
            } else {
                depth += 1;
                cur.get_or_insert_with(String::new);
            }
        }
        Some(_) => {}
        None => {
            if let Some(c) = cur.as_mut() {
                c.push_str(&decode(text));
            }
        }
    });
    out
}

/// Decodes the entities maud and pulldown-cmark write.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
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

    #[test]
    fn text_and_headings_of_html() {
        let html = "<h2 id=\"a\">見出し &amp; 語 <a href=\"#a\">#</a></h2><p>本文<br>二行目</p><dl><dt>CSIRT</dt><dd>定義</dd></dl>";
        let t = text_of_html(html);
        assert!(t.contains("見出し & 語"));
        assert!(t.contains("本文\n二行目"));
        assert_eq!(
            headings_of_html(html),
            vec!["見出し & 語".to_string(), "CSIRT".to_string()]
        );
    }

    #[test]
    fn the_index_has_exactly_the_keys_of_each_page() {
        let texts = [
            "DDoS攻撃の情報、TLP:CLEAR",
            "予兆・ヒヤリハット 港湾",
            "ａｂｃ１２３と港",
        ];
        let docs: Vec<Doc> = texts
            .iter()
            .map(|t| Doc {
                url: format!("/{t}/"),
                title: String::new(),
                headings: vec![],
                text: t.to_string(),
            })
            .collect();
        let v = build_index(&docs);
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
        let docs: Vec<Doc> = ["港湾", "空港", "港湾の情報"]
            .iter()
            .map(|t| Doc {
                url: format!("/{t}/"),
                title: String::new(),
                headings: vec![],
                text: t.to_string(),
            })
            .collect();
        let v = build_index(&docs);
        assert_eq!(v["keys"]["港湾"], json!([0, 2]));
        assert_eq!(v["keys"]["港"], json!([0, 1, 1]));
    }
}
