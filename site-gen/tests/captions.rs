//! The handbook's tables 表1–表5 in a real build of content/: each chapter's table carries its
//! title as its `<caption>` (its first child, as HTML wants it), so that a screen reader
//! announces the title with the table; no title is left as a paragraph beside it.
use std::fs;

use html5gum::{Token, Tokenizer};
use kyoyu_core::taxonomy::{causes, importance, sectors, tlp};
use kyoyu_site_gen::build;

mod common;
use common::{options, root, Temp};

/// A table of a page: its class and `data-table`, the text of its caption and whether the
/// caption came before anything else in the table.
#[derive(Debug)]
struct Table {
    class: String,
    data_table: Option<String>,
    caption: Option<String>,
    caption_first: bool,
}

/// The tables of a page, and its paragraphs' texts.
fn read(html: &str) -> (Vec<Table>, Vec<String>) {
    let mut tables = Vec::new();
    let mut paragraphs = Vec::new();
    // The tables being read (a table may hold another), by index into `tables`.
    let mut open: Vec<usize> = Vec::new();
    let mut seen_in_table: Vec<bool> = Vec::new();
    let mut caption: Option<String> = None;
    let mut paragraph: Option<String> = None;
    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) => {
                let attr = |n: &[u8]| {
                    tag.attributes
                        .get(n)
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                };
                match tag.name.as_slice() {
                    b"table" => {
                        if let Some(seen) = seen_in_table.last_mut() {
                            *seen = true;
                        }
                        tables.push(Table {
                            class: attr(b"class").unwrap_or_default(),
                            data_table: attr(b"data-table"),
                            caption: None,
                            caption_first: false,
                        });
                        open.push(tables.len() - 1);
                        seen_in_table.push(false);
                    }
                    b"caption" => {
                        if let (Some(&t), Some(seen)) = (open.last(), seen_in_table.last_mut()) {
                            tables[t].caption_first = !*seen;
                            *seen = true;
                        }
                        caption = Some(String::new());
                    }
                    b"p" => paragraph = Some(String::new()),
                    _ => {
                        if let Some(seen) = seen_in_table.last_mut() {
                            *seen = true;
                        }
                    }
                }
            }
            Token::EndTag(tag) => match tag.name.as_slice() {
                b"table" => {
                    open.pop();
                    seen_in_table.pop();
                }
                b"caption" => {
                    if let (Some(&t), Some(c)) = (open.last(), caption.take()) {
                        tables[t].caption = Some(c.trim().to_string());
                    }
                }
                b"p" => paragraphs.extend(paragraph.take().map(|p| p.trim().to_string())),
                _ => {}
            },
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                for t in [&mut caption, &mut paragraph].into_iter().flatten() {
                    t.push_str(&s);
                }
            }
            _ => {}
        }
    }
    (tables, paragraphs)
}

#[test]
fn each_of_the_handbooks_tables_has_its_title_as_its_caption() {
    let t = Temp::new("captions");
    let out = t.join("out");
    build(&options(&root().join("content"), &out)).unwrap_or_else(|e| panic!("{e:#}"));
    // (chapter, title, the table's class or data-table)
    let want = [
        ("kodo-keikaku/joho-kyoyu", causes::TABLE1_TITLE, "causes"),
        (
            "kodo-keikaku/joho-kyoyu",
            sectors::TABLE2_TITLE,
            "sectors-table",
        ),
        (
            "kodo-keikaku/joho-kyoyu",
            sectors::TABLE3_TITLE,
            "services-table",
        ),
        (
            "kodo-keikaku/joho-renraku",
            importance::REPORT.title,
            importance::REPORT.id,
        ),
        ("kodo-keikaku/joho-renraku", tlp::TABLE5_TITLE, "tlp-table"),
        (
            "kodo-keikaku/joho-teikyo",
            importance::ADVISORY.title,
            importance::ADVISORY.id,
        ),
    ];
    for (chapter, title, table) in want {
        let path = out.join(format!("handbook/{chapter}/index.html"));
        let html = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (tables, paragraphs) = read(&html);
        let t = tables
            .iter()
            .find(|t| t.caption.as_deref() == Some(title))
            .unwrap_or_else(|| panic!("{chapter}: no table captioned 「{title}」: {tables:?}"));
        assert!(
            t.class.split(' ').any(|c| c == table) || t.data_table.as_deref() == Some(table),
            "{chapter}: 「{title}」 captions {t:?}, not the {table} table"
        );
        assert!(
            t.caption_first,
            "{chapter}: 「{title}」 is not the table's first child"
        );
        assert!(
            !paragraphs.iter().any(|p| p == title),
            "{chapter}: 「{title}」 is still a paragraph too"
        );
    }
    // Nowhere in the handbook is a table's title left as a paragraph (「表N …」 on its own).
    for e in walkdir::WalkDir::new(out.join("handbook")) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let (_, paragraphs) = read(&fs::read_to_string(e.path()).unwrap());
        for p in paragraphs {
            let rest = p.strip_prefix('表').unwrap_or("");
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            assert!(
                digits == 0 || !rest[digits..].starts_with([' ', '\u{3000}']),
                "{}: the paragraph 「{p}」 is a table's title outside its table",
                e.path().display()
            );
        }
    }
}

/// The reader finds a caption that is not first, and a title left as a paragraph.
#[test]
fn the_reader_sees_where_a_caption_is() {
    let (t, p) = read(
        "<p>表1 原因</p><table class=\"reference causes\"><thead><tr><th>a</th></tr></thead>\
         <caption>表1 原因</caption></table><table><caption> 表2 分野 </caption><tr><td>b</td></tr></table>",
    );
    assert_eq!(p, ["表1 原因"]);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].caption.as_deref(), Some("表1 原因"));
    assert!(!t[0].caption_first);
    assert_eq!(t[1].caption.as_deref(), Some("表2 分野"));
    assert!(t[1].caption_first);
}
