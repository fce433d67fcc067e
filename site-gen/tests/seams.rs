//! Every page of a real build of content/, read as a reader sees it: exactly one `<h1>`; no
//! list of links in the page's content repeated by another; no figure or table caption twice;
//! no name of the project's crates or modules in the visible text; no note (注N) printed twice,
//! nor one mark twice in a block of notes.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use html5gum::{Token, Tokenizer};
use kyoyu_site_gen::build;

mod common;
use common::{options, root, Temp};

/// Words of the code, never of the page: crate and module names, Rust paths and files, and
/// what a template leaks when it goes wrong.
const INTERNAL: &[&str] = &[
    "kyoyu-core",
    "kyoyu_core",
    "kyoyu-site-gen",
    "kyoyu_site_gen",
    "site-gen",
    "site_gen",
    "kyoyu-app",
    "kyoyu_app",
    "kyoyu-deliver",
    "kyoyu_deliver",
    "crate",
    "::",
    ".rs",
    "maud",
    "pulldown",
    "html5gum",
    "FieldSpec",
    "FormSpec",
    "taxonomy",
    // What a template leaks when it goes wrong: a directive left as written, a script's value.
    "{{",
    "}}",
    "undefined",
    "NaN",
    "[object",
];

/// A paragraph at least this long (characters) is a passage that must not be printed twice.
const PASSAGE: usize = 40;

/// What one page shows.
#[derive(Default, Debug)]
struct Read {
    h1: usize,
    /// Visible text (outside head, script, style, template).
    text: String,
    /// In `<main>`: the links of each list (`ul`/`ol`), its own items' links only.
    lists: Vec<Vec<String>>,
    /// Texts of captions: `figcaption`, `caption`, headings, and paragraphs that are a
    /// caption (「図4 …」「表5 …」, a form's summary).
    captions: Vec<String>,
    /// Each note statement (「注N 本文」) with the index of its block of consecutive notes.
    notes: Vec<(usize, String)>,
    /// The text of every paragraph, list item and definition in `<main>`, outside tables and
    /// figures (two figures, or two forms' tables, may share a line).
    blocks: Vec<String>,
    /// The notes of what the extraction could not give for certain (「(不確か: …)」), as marked
    /// where they are.
    uncertain: Vec<String>,
}

/// `図4`, `図4-1`, `表5` … at the start of `text`, if it starts with one followed by a space.
fn label(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let rest = t.strip_prefix('図').or_else(|| t.strip_prefix('表'))?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let mut end = t.len() - rest.len() + digits;
    if let Some(sub) = t[end..].strip_prefix('-') {
        let d = sub.len() - sub.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if d > 0 {
            end += 1 + d;
        }
    }
    t[end..].starts_with([' ', '\u{3000}']).then_some(&t[..end])
}

/// `注2` when `text` is a note's statement (「注2 ここに…」), not a reference to it.
fn note_mark(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let rest = t.strip_prefix('注')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let end = '注'.len_utf8() + digits;
    (digits > 0 && t[end..].starts_with([' ', '\u{3000}'])).then_some(&t[..end])
}

fn read(html: &str) -> Read {
    /// An element whose text is being collected: its name, what kind of text it is, its text.
    struct Open {
        name: Vec<u8>,
        kind: Kind,
        text: String,
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Caption,
        Block,
        Uncertain,
    }
    let mut r = Read::default();
    let mut hidden = 0usize;
    let mut in_main = 0usize;
    let mut boxed = 0usize;
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    // Consecutive note statements form one block; anything else between them ends it.
    let mut block = 0usize;
    let mut last_was_note = false;
    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_vec();
                let uncertain = tag
                    .attributes
                    .get(b"class".as_slice())
                    .is_some_and(|c| c.as_slice() == b"uncertain");
                match name.as_slice() {
                    b"head" | b"script" | b"style" | b"template" => hidden += 1,
                    b"h1" => r.h1 += 1,
                    b"main" => in_main += 1,
                    b"table" | b"figure" => boxed += 1,
                    b"ul" | b"ol" if in_main > 0 => lists.push(Vec::new()),
                    b"a" if in_main > 0 => {
                        if let (Some(l), Some(href)) =
                            (lists.last_mut(), tag.attributes.get(b"href".as_slice()))
                        {
                            l.push(String::from_utf8_lossy(href).into_owned());
                        }
                    }
                    _ => {}
                }
                let kind = match name.as_slice() {
                    b"figcaption" | b"caption" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => {
                        Some(Kind::Caption)
                    }
                    // A paragraph may be a caption (a form's summary starts with its 図N).
                    b"p" | b"li" | b"dd" | b"td" | b"th" => Some(Kind::Block),
                    b"span" if uncertain => Some(Kind::Uncertain),
                    _ => None,
                };
                if let Some(kind) = kind {
                    if !tag.self_closing {
                        open.push(Open {
                            name,
                            kind,
                            text: String::new(),
                        });
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                match name {
                    b"head" | b"script" | b"style" | b"template" => {
                        hidden = hidden.saturating_sub(1)
                    }
                    b"main" => in_main = in_main.saturating_sub(1),
                    b"table" | b"figure" => boxed = boxed.saturating_sub(1),
                    b"ul" | b"ol" if in_main > 0 => {
                        if let Some(l) = lists.pop() {
                            r.lists.push(l);
                        }
                    }
                    _ => {}
                }
                if let Some(i) = open.iter().rposition(|o| o.name == name) {
                    let o = open.remove(i);
                    let text = o.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    match o.kind {
                        Kind::Caption => r.captions.push(text),
                        Kind::Uncertain => {
                            let note = text.trim_start_matches("(不確か:").trim_end_matches(')');
                            r.uncertain.push(note.trim().to_string());
                        }
                        Kind::Block => {
                            if in_main > 0 && boxed == 0 && matches!(name, b"p" | b"li" | b"dd") {
                                r.blocks.push(text.clone());
                            }
                            if note_mark(&text).is_some() {
                                if !last_was_note {
                                    block += 1;
                                }
                                r.notes.push((block, text));
                                last_was_note = true;
                            } else if label(&text).is_some() {
                                r.captions.push(text);
                                last_was_note = false;
                            } else if !text.is_empty() {
                                last_was_note = false;
                            }
                        }
                    }
                }
            }
            Token::String(s) if hidden == 0 => {
                let s = String::from_utf8_lossy(&s);
                r.text.push_str(&s);
                r.text.push(' ');
                for o in open.iter_mut() {
                    o.text.push_str(&s);
                }
            }
            _ => {}
        }
    }
    r
}

/// Every HTML page below `dir`: (URL path, HTML).
fn pages(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            let url = format!("/{}", rel.trim_end_matches("index.html"));
            (url, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// What is wrong with one page (empty: nothing).
fn seams(html: &str) -> Vec<String> {
    let r = read(html);
    let mut found = Vec::new();
    if r.h1 != 1 {
        found.push(format!("{} <h1>", r.h1));
    }
    // A list of links repeated by another list of the page's content.
    let mut seen: BTreeMap<BTreeSet<String>, usize> = BTreeMap::new();
    for l in r.lists.iter().filter(|l| l.len() >= 2) {
        let set: BTreeSet<String> = l.iter().map(|h| h.to_string()).collect();
        *seen.entry(set).or_default() += 1;
    }
    for (set, n) in seen.iter().filter(|(_, n)| **n > 1) {
        found.push(format!("the list of {set:?} {n} times"));
    }
    // A caption (図N, 表N and its title) twice. The handbook numbers two tables 表4 (情報連絡
    // and 情報提供): the title tells them apart.
    let mut labels: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for c in &r.captions {
        if let Some(l) = label(c) {
            let title = c.trim_start()[l.len()..].trim_start();
            let title = title.split(['(', '(', '。', ' ']).next().unwrap_or("");
            labels.entry((l, title)).or_default().push(c);
        }
    }
    for ((l, _), cs) in labels.iter().filter(|(_, cs)| cs.len() > 1) {
        found.push(format!("the caption {l} {} times: {cs:?}", cs.len()));
    }
    for w in INTERNAL {
        if let Some(i) = r.text.find(w) {
            let before: String = r.text[..i].chars().rev().take(30).collect();
            let after: String = r.text[i..].chars().take(30).collect();
            let before: String = before.chars().rev().collect();
            found.push(format!("「{w}」 in the text: …{before}{after}…"));
        }
    }
    // A passage of text printed twice in the page's content (a note above its table and again
    // in it, …). Short texts (a term, 「—」, a list of 1行の文字) may repeat.
    let mut passages: BTreeMap<&str, usize> = BTreeMap::new();
    for b in r.blocks.iter().filter(|b| b.chars().count() >= PASSAGE) {
        *passages.entry(b).or_default() += 1;
    }
    for (t, n) in passages.iter().filter(|(_, n)| **n > 1) {
        found.push(format!("the passage 「{t}」 {n} times"));
    }
    // An uncertain passage's note, marked where it is, printed again elsewhere.
    for u in &r.uncertain {
        if r.blocks.iter().any(|b| b == u) {
            found.push(format!("the uncertain note 「{u}」 printed again"));
        }
    }
    // A note twice on the page, or one mark twice in a block of notes.
    let mut statements: BTreeMap<&str, usize> = BTreeMap::new();
    let mut marks: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (block, text) in &r.notes {
        *statements.entry(text).or_default() += 1;
        *marks.entry((*block, note_mark(text).unwrap())).or_default() += 1;
    }
    for (t, n) in statements.iter().filter(|(_, n)| **n > 1) {
        found.push(format!("the note 「{t}」 {n} times"));
    }
    for ((_, m), n) in marks.iter().filter(|(_, n)| **n > 1) {
        found.push(format!("{m} {n} times in one block of notes"));
    }
    found
}

#[test]
fn every_page_of_the_site_is_without_seams() {
    let t = Temp::new("seams");
    let out = t.join("out");
    build(&options(&root().join("content"), &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let pages = pages(&out);
    // Every kind of page is read: home, handbook index, parts, chapters, reference tables,
    // glossary, laws, sectors, forms, advisories, the feed's page, search, 404.
    for must in [
        "/",
        "/handbook/",
        "/handbook/kodo-keikaku/",
        "/handbook/kodo-keikaku/joho-renraku/",
        "/handbook/kankei-horei/horei/",
        "/reference/tlp/",
        "/reference/glossary/",
        "/reference/sectors/medical/",
        "/forms/incident/",
        "/advisories/",
        "/search/",
        "/404.html",
    ] {
        assert!(
            pages.iter().any(|(u, _)| u == must),
            "{must} is not in the build"
        );
    }
    assert!(pages.len() > 60, "{} pages", pages.len());
    let problems: Vec<String> = pages
        .iter()
        .flat_map(|(url, html)| seams(html).into_iter().map(move |p| format!("{url}: {p}")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks find each seam they look for (the pages above pass because they have none).
#[test]
fn each_seam_is_found() {
    let page = |main: &str| {
        format!(
            "<!DOCTYPE html><html><head><title>t</title><script>const site_gen = 1;</script></head>\
             <body><nav><ul><li><a href=\"/a/\">A</a><li><a href=\"/b/\">B</a></ul></nav>\
             <main><h1>題</h1>{main}</main></body></html>"
        )
    };
    assert!(seams(&page("<p>本文</p>")).is_empty(), "a clean page");
    let two = seams(&page("<h1>二つ目</h1>"));
    assert_eq!(two, ["2 <h1>"]);
    let lists = seams(&page(
        "<ul><li><a href=\"/a/\">A</a><ul><li><a href=\"/a/#1\">1</a><li><a href=\"/a/#2\">2</a></ul>\
         <li><a href=\"/b/\">B</a></ul><ol><li><a href=\"/b/\">B</a><li><a href=\"/a/\">A</a></ol>",
    ));
    assert_eq!(lists.len(), 1, "{lists:?}");
    assert!(lists[0].contains("2 times"), "{lists:?}");
    let caption = seams(&page(
        "<p>図4 情報連絡様式</p><figure><figcaption>図4 情報連絡様式(…)</figcaption></figure>\
         <p>図4の様式に代えて</p><p>表1 原因の例</p>",
    ));
    assert_eq!(caption.len(), 1, "{caption:?}");
    assert!(
        caption[0].starts_with("the caption 図4 2 times"),
        "{caption:?}"
    );
    let summary = seams(&page(
        "<p>図4-1 DDoS攻撃事案共通様式</p><div class=\"form-summary\"><p><strong>図4-1 DDoS攻撃事案共通様式</strong>(→)</p></div>",
    ));
    assert_eq!(summary.len(), 1, "{summary:?}");
    let words = seams(&page("<p>表の文言は kyoyu-core の分類データから生成</p>"));
    assert_eq!(words.len(), 1, "{words:?}");
    assert!(words[0].starts_with("「kyoyu-core」"), "{words:?}");
    let notes = seams(&page(
        "<dl><dd>注2 基準がない分野については…</dd></dl><p>注1 対象外。</p><p>注2 基準がない分野については…</p>",
    ));
    assert_eq!(
        notes,
        [
            "the note 「注2 基準がない分野については…」 2 times",
            "注2 2 times in one block of notes"
        ]
    );
    let uncertain = seams(&page(
        "<div class=\"callout\"><ul><li>列の順序が崩れている</li></ul></div>\
         <table><tr><td>x<span class=\"uncertain\">(不確か: 列の順序が崩れている)</span></td></tr></table>",
    ));
    assert_eq!(
        uncertain,
        ["the uncertain note 「列の順序が崩れている」 printed again"]
    );
    let passage = seams(&page(&format!(
        "<p>{0}</p><div><p>{0}</p></div>",
        "長い段落。".repeat(10)
    )));
    assert_eq!(passage.len(), 1, "{passage:?}");
    let marks = seams(&page("<p>注1 一つ目。</p><p>注1 二つ目。</p>"));
    assert_eq!(marks, ["注1 2 times in one block of notes"]);
    let references = seams(&page(
        "<p>注1 表2の注。</p><p>注2 表2の注。</p><table><tr><td>(注2)</td></tr></table><p>注1 表3の注。</p>",
    ));
    assert!(references.is_empty(), "{references:?}");
}
