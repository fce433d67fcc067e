//! What a rendered HTML fragment holds, read with html5gum (a WHATWG-compliant tokenizer; the
//! one the lychee link checker reads pages with): its text for the search index, its headings
//! and defined terms (ranked above the text), the ids links may point at, and its links.
//!
//! Render calls it once on each fragment it did not make from Markdown (a generated page's
//! content, a directive's table), so that text, anchors and links come from what is on the
//! page and are never listed by hand beside the template that makes it.
use html5gum::{Token, Tokenizer};

/// The readable parts of an HTML fragment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// Text with a line break at block boundaries (entities decoded by the tokenizer).
    pub text: String,
    /// The text of every `h1`–`h4` and `dt`.
    pub headings: Vec<String>,
    /// Every `id` attribute.
    pub ids: Vec<String>,
    /// Every `href` of an `a`.
    pub links: Vec<String>,
}

const BLOCK: &[&[u8]] = &[
    b"p",
    b"li",
    b"tr",
    b"td",
    b"th",
    b"dt",
    b"dd",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"br",
    b"div",
    b"section",
    b"article",
    b"figcaption",
    b"caption",
    b"table",
    b"ul",
    b"ol",
    b"dl",
    b"summary",
    b"details",
    b"text",
    b"blockquote",
    b"pre",
];

const HEADING: &[&[u8]] = &[b"h1", b"h2", b"h3", b"h4", b"dt"];

/// Reads `html` (a fragment or a page).
pub fn outline(html: &str) -> Outline {
    let mut o = Outline::default();
    let mut heading: Option<String> = None;
    let mut depth = 0usize;
    let mut skip = 0usize;
    let mut anchor = 0usize;
    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if let Some(id) = tag.attributes.get(b"id".as_slice()) {
                    o.ids.push(String::from_utf8_lossy(id).into_owned());
                }
                if name == b"a" {
                    if let Some(href) = tag.attributes.get(b"href".as_slice()) {
                        o.links.push(String::from_utf8_lossy(href).into_owned());
                    }
                    // A heading's own `#` link is not part of its text.
                    if tag
                        .attributes
                        .get(b"class".as_slice())
                        .is_some_and(|c| c.as_slice() == b"anchor")
                    {
                        anchor += 1;
                    }
                }
                if name == b"script" || name == b"style" {
                    skip += 1;
                } else if BLOCK.contains(&name) && !o.text.is_empty() && !o.text.ends_with('\n') {
                    o.text.push('\n');
                }
                if HEADING.contains(&name) {
                    depth += 1;
                    heading.get_or_insert_with(String::new);
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if name == b"script" || name == b"style" {
                    skip = skip.saturating_sub(1);
                } else if name == b"a" && anchor > 0 {
                    anchor -= 1;
                } else if HEADING.contains(&name) {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if let Some(h) = heading.take().map(|h| crate::search::compact(&h)) {
                            if !h.is_empty() {
                                o.headings.push(h);
                            }
                        }
                    }
                }
            }
            Token::String(s) if skip == 0 && anchor == 0 => {
                let s = String::from_utf8_lossy(&s);
                o.text.push_str(&s);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&s);
                }
            }
            _ => {}
        }
    }
    o.text = o.text.trim().to_string();
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_headings_ids_and_links() {
        let html = "<h2 id=\"a\">見出し &amp; 語 <a class=\"anchor\" href=\"#a\">#</a></h2><p>本文<br>二行目 <a href=\"/x/#y\">リンク</a></p>\
                    <dl><dt id=\"csirt\">CSIRT</dt><dd>定義&lt;&#x41;&gt;</dd></dl><style>p{}</style>";
        let o = outline(html);
        assert_eq!(o.text, "見出し & 語 \n本文\n二行目 リンク\nCSIRT\n定義<A>");
        assert_eq!(
            o.headings,
            vec!["見出し & 語".to_string(), "CSIRT".to_string()]
        );
        assert_eq!(o.ids, vec!["a".to_string(), "csirt".to_string()]);
        assert_eq!(o.links, vec!["#a".to_string(), "/x/#y".to_string()]);
    }
}
