//! Markdown → HTML with pulldown-cmark, made safe and linked:
//! - raw HTML is refused with file:line (content is Markdown only; nothing to sanitise);
//! - links and images may only be `http:`, `https:`, `mailto:` or relative; any other scheme
//!   (`javascript:`, `vbscript:`, `data:`, `tel:`, …) is refused;
//! - links to other `.md` files become page URLs; every internal link is kept with its line for
//!   the one link check over the whole site (`crate::check`);
//! - headings get ids, unique on the page, and link to themselves;
//! - a paragraph that is only `{{kind:arg}}` is a directive, replaced by generated HTML
//!   (tables and figures come from core's taxonomy, never retyped);
//! - `{{uncertain: why}}` inline marks a cell the extraction could not give with certainty.
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

use crate::error::{ContentError, Lines};

/// A heading of a rendered page.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link to check once every page is known: the href as written into the page.
#[derive(Debug, Clone)]
pub struct PendingLink {
    pub line: usize,
    pub href: String,
}

/// The result of rendering one Markdown file.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Plain text (for search), the tables of directives included.
    pub text: String,
    /// Defined terms and headings inside directives (ranked with the headings by search).
    pub terms: Vec<String>,
    /// Every id on the page: headings and what directives inserted.
    pub ids: Vec<String>,
    pub links: Vec<PendingLink>,
}

/// What rendering needs to know about the rest of the site.
pub struct Context<'a> {
    /// The file being rendered (for messages) and its lines before the body.
    pub file: &'a Path,
    pub line_offset: usize,
    /// The file's path relative to the handbook root (to resolve relative links).
    pub rel: &'a str,
    /// Maps a relative `.md` path (from the handbook root) to its page URL.
    pub url_of: &'a dyn Fn(&str) -> Option<String>,
    /// Renders a directive `{{kind:arg}}`; `Err` is a message for the author.
    pub directive: &'a dyn Fn(&str, &str) -> Result<String, String>,
    /// Glossary terms: the first use of each on a page links to its definition.
    pub glossary: &'a Glossary,
}

/// Glossary terms with the URLs of their definitions, and a matcher for all of them at once.
pub struct Glossary {
    terms: Vec<(String, String)>,
    matcher: Option<aho_corasick::AhoCorasick>,
}

impl Glossary {
    /// `terms`: (term, URL with anchor). Where terms overlap, the longest is linked.
    pub fn new(terms: Vec<(String, String)>) -> Glossary {
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(terms.iter().map(|(t, _)| t))
            .ok()
            .filter(|_| !terms.is_empty());
        Glossary { terms, matcher }
    }

    pub fn empty() -> Glossary {
        Glossary::new(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Renders `md`; every problem found is returned with its line.
pub fn render(md: &str, cx: &Context) -> Result<Rendered, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut out = Rendered::default();
    let lines = Lines::new(md);
    let line_of = |offset: usize| lines.line(offset) + cx.line_offset;
    let err = |offset: usize, msg: String| ContentError::new(cx.file, line_of(offset), msg);

    // Sized for a page's usual share of events and text, so they are not grown step by step.
    let mut events: Vec<Event> = Vec::with_capacity(md.len() / 16);
    out.text.reserve(md.len());
    let mut para: Option<(usize, Vec<Event>)> = None;
    // One paragraph's events and plain text at a time: the buffers are reused, not made anew.
    let mut spare: Vec<Event> = Vec::new();
    let mut para_text = String::new();
    let mut heading: Option<(HeadingLevel, usize, Vec<Event>)> = None;
    let mut ids: HashSet<String> = crate::layout::IDS.iter().map(|s| s.to_string()).collect();
    let mut glossary_done = vec![false; cx.glossary.len()];
    let mut in_link = 0usize;
    let mut in_heading_or_code = 0usize;

    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        let event = match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                errors.push(err(
                    range.start,
                    format!(
                        "生の HTML は使えません ({}): Markdown で書いてください",
                        h.trim().chars().take(40).collect::<String>()
                    ),
                ));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link += 1;
                match resolve_link(&dest_url, cx) {
                    Ok((href, internal)) => {
                        if internal {
                            out.links.push(PendingLink {
                                line: line_of(range.start),
                                href: href.clone(),
                            });
                        }
                        Event::Start(Tag::Link {
                            link_type,
                            dest_url: href.into(),
                            title,
                            id,
                        })
                    }
                    Err(msg) => {
                        errors.push(err(range.start, msg));
                        Event::Start(Tag::Link {
                            link_type: LinkType::Inline,
                            dest_url: "#".into(),
                            title,
                            id,
                        })
                    }
                }
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                Event::End(TagEnd::Link)
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Err(msg) = check_scheme(&dest_url) {
                    errors.push(err(range.start, msg));
                    continue;
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(k)) => {
                in_heading_or_code += 1;
                Event::Start(Tag::CodeBlock(k))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_heading_or_code -= 1;
                Event::End(TagEnd::CodeBlock)
            }
            e => e,
        };

        // Headings: collect their inline events to build the id.
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((*level, range.start, Vec::new()));
                in_heading_or_code += 1;
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading_or_code -= 1;
                let (level, _, inner) = heading.take().unwrap();
                let text = plain(&inner);
                let id = unique_id(slug(&text), &mut ids);
                out.ids.push(id.clone());
                let lvl = level as u8;
                let has_link = inner
                    .iter()
                    .any(|e| matches!(e, Event::Start(Tag::Link { .. })));
                let mut html = String::new();
                pulldown_cmark::html::push_html(&mut html, inner.clone().into_iter());
                let anchor = if has_link {
                    // A heading holding a link cannot be a link itself: a `#` link follows it.
                    format!(
                        "<h{lvl} id=\"{id}\">{html} <a class=\"anchor\" href=\"#{id}\" aria-label=\"「{}」へのリンク\">#</a></h{lvl}>\n",
                        escape(&text),
                    )
                } else {
                    // The heading links to itself, named by its own text; site.css shows the
                    // `#` after it on hover and focus, as the `#` link above looks. (Half the
                    // bytes of a separate link repeating the text in its label: a chapter has
                    // five or six headings, and a large site 10,000 chapters.)
                    format!("<h{lvl} id=\"{id}\"><a href=\"#{id}\">{html}</a></h{lvl}>\n")
                };
                out.text.push_str(&text);
                out.text.push('\n');
                out.headings.push(Heading {
                    level: lvl,
                    id,
                    text,
                });
                push(&mut events, &mut para, Event::Html(anchor.into()));
                continue;
            }
            _ => {}
        }
        if let Some((_, _, inner)) = heading.as_mut() {
            inner.push(event);
            continue;
        }

        match event {
            Event::Start(Tag::Paragraph) => {
                let mut inner = std::mem::take(&mut spare);
                inner.push(Event::Start(Tag::Paragraph));
                para = Some((range.start, inner));
            }
            Event::End(TagEnd::Paragraph) => {
                let (start, mut inner) = para.take().unwrap_or_default();
                inner.push(Event::End(TagEnd::Paragraph));
                para_text.clear();
                plain_into(&inner, &mut para_text);
                let t = para_text.trim();
                let directive = t
                    .strip_prefix("{{")
                    .and_then(|t| t.strip_suffix("}}"))
                    .and_then(|d| d.split_once(':'))
                    .filter(|(kind, _)| *kind != "uncertain");
                match directive {
                    Some((kind, arg)) => match (cx.directive)(kind.trim(), arg.trim()) {
                        Ok(html) => {
                            // What the directive inserted is on the page: search its text, link
                            // to its ids, check its links.
                            let o = crate::html::outline(&html);
                            out.text.push_str(&o.text);
                            out.text.push('\n');
                            out.terms.extend(o.headings);
                            out.ids.extend(o.ids);
                            let line = line_of(start);
                            out.links
                                .extend(o.links.into_iter().map(|href| PendingLink { line, href }));
                            events.push(Event::Html(html.into()));
                        }
                        Err(msg) => errors.push(err(start, msg)),
                    },
                    None => {
                        out.text.push_str(t);
                        out.text.push('\n');
                        events.append(&mut inner);
                    }
                }
                inner.clear();
                spare = inner;
            }
            Event::Text(t) => {
                // Paragraph text goes to `out.text` when the paragraph ends (unless a directive).
                if in_heading_or_code == 0 && para.is_none() {
                    out.text.push_str(&t);
                    out.text.push(' ');
                }
                let mut hrefs = Vec::new();
                for e in inline_text(
                    t,
                    in_link > 0 || in_heading_or_code > 0,
                    cx,
                    &mut glossary_done,
                    &mut hrefs,
                    &mut |m| errors.push(err(range.start, m)),
                ) {
                    push(&mut events, &mut para, e);
                }
                if !hrefs.is_empty() {
                    let line = line_of(range.start);
                    out.links
                        .extend(hrefs.into_iter().map(|href| PendingLink { line, href }));
                }
            }
            e => push(&mut events, &mut para, e),
        }
    }
    // HTML is a little longer than its Markdown: reserved at once, not grown by doubling.
    out.html.reserve(md.len() + md.len() / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn push<'a>(events: &mut Vec<Event<'a>>, para: &mut Option<(usize, Vec<Event<'a>>)>, e: Event<'a>) {
    match para {
        Some((_, inner)) => inner.push(e),
        None => events.push(e),
    }
}

/// Splits text for `{{uncertain: …}}` marks and the first use of glossary terms.
fn inline_text<'a>(
    t: CowStr<'a>,
    no_links: bool,
    cx: &Context,
    glossary_done: &mut [bool],
    links: &mut Vec<String>,
    error: &mut dyn FnMut(String),
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut rest: &str = &t;
    let mut owned = Vec::new();
    // (Most texts hold no `{`: a character search, then the substring search from there.)
    while let Some(i) = rest
        .find('{')
        .and_then(|at| rest[at..].find("{{uncertain").map(|i| at + i))
    {
        owned.push((rest[..i].to_string(), None));
        let after = &rest[i + 2..];
        let Some(end) = after.find("}}") else { break };
        let inner = &after[..end];
        let why = inner
            .strip_prefix("uncertain")
            .unwrap_or("")
            .trim_start_matches(':')
            .trim();
        if why.is_empty() {
            error("{{uncertain: …}} に何が不確かなのかを書いてください".into());
        }
        owned.push((String::new(), Some(why.to_string())));
        rest = &after[end + 2..];
    }
    if owned.is_empty() {
        return glossary_link(&t, no_links, cx, glossary_done, links)
            .unwrap_or_else(|| vec![Event::Text(t)]);
    }
    owned.push((rest.to_string(), None));
    for (text, uncertain) in owned {
        if let Some(why) = uncertain {
            out.push(Event::Html(
                format!(
                    "<span class=\"uncertain\" title=\"{0}\">(不確か: {0})</span>",
                    escape(&why)
                )
                .into(),
            ));
        } else if !text.is_empty() {
            out.push(Event::Text(text.into()));
        }
    }
    out
}

/// Links the first use of each glossary term on the page.
fn glossary_link<'a>(
    text: &str,
    no_links: bool,
    cx: &Context,
    done: &mut [bool],
    links: &mut Vec<String>,
) -> Option<Vec<Event<'a>>> {
    if no_links {
        return None;
    }
    let matcher = cx.glossary.matcher.as_ref()?;
    let mut v = Vec::new();
    let mut last = 0;
    if done.iter().all(|&d| d) {
        return None; // every term is linked already
    }
    for m in matcher.find_iter(text) {
        let k = m.pattern().as_usize();
        if done[k] {
            continue;
        }
        done[k] = true;
        if m.start() > last {
            v.push(Event::Text(text[last..m.start()].to_string().into()));
        }
        let (term, url) = &cx.glossary.terms[k];
        links.push(url.clone());
        v.push(Event::Html(
            format!("<a href=\"{}\">{}</a>", escape(url), escape(term)).into(),
        ));
        last = m.end();
    }
    if v.is_empty() {
        return None;
    }
    if last < text.len() {
        v.push(Event::Text(text[last..].to_string().into()));
    }
    Some(v)
}

/// The URL schemes a link or an image may use; anything else with a scheme is refused.
pub const SCHEMES: &[&str] = &["http", "https", "mailto"];

/// `Ok` for `http:`, `https:`, `mailto:` and relative references. The scheme is read as a
/// browser reads it: spaces, tabs and control characters dropped, letter case ignored.
pub fn check_scheme(dest: &str) -> Result<(), String> {
    let clean: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if clean.starts_with("//") {
        return Err(format!(
            "リンク先 {dest} はスキームのない外部リンクです。https:// から書いてください"
        ));
    }
    let Some(colon) = clean.find(':') else {
        return Ok(());
    };
    let scheme = &clean[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme || SCHEMES.contains(&scheme) {
        return Ok(()); // a colon later in a path or a fragment
    }
    Err(format!(
        "リンク先に {scheme}: は使えません(使えるのは http・https・mailto と相対リンクだけです)"
    ))
}

/// Resolves a link: returns the href to write and whether it points into the site.
fn resolve_link(dest: &str, cx: &Context) -> Result<(String, bool), String> {
    check_scheme(dest)?;
    let lower = dest.trim().to_ascii_lowercase();
    if SCHEMES.iter().any(|s| lower.starts_with(&format!("{s}:"))) {
        return Ok((dest.to_string(), false));
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    if path.ends_with(".md") {
        let joined = join_rel(cx.rel, path);
        let Some(url) = (cx.url_of)(&joined) else {
            return Err(format!("リンク先のファイル {path} がありません"));
        };
        let href = match anchor {
            Some(a) => format!("{url}#{a}"),
            None => url,
        };
        return Ok((href, true));
    }
    Ok((dest.to_string(), true))
}

/// `base`, or `base-1`, `base-2`, … : the first not yet used on the page.
fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 0;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

/// `a/b.md` + `../c/d.md` → `c/d.md`.
fn join_rel(from: &str, to: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in to.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn plain(events: &[Event]) -> String {
    let mut s = String::new();
    plain_into(events, &mut s);
    s
}

/// The text of `events` (code as text, line breaks as spaces) added to `s`.
fn plain_into(events: &[Event], s: &mut String) {
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
}

/// A heading id: letters and digits of any script kept, ASCII lower-cased, the rest `-`.
pub fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !s.ends_with('-') && !s.is_empty()
        {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "section".into()
    } else {
        s
    }
}

/// HTML-escapes text for attributes and content.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx_render(md: &str) -> Result<Rendered, Vec<ContentError>> {
        let url_of = |p: &str| (p == "a/b.md").then(|| "/handbook/a/b/".to_string());
        let directive = |k: &str, a: &str| {
            if k == "table" && a == "x" {
                Ok("<table></table>".into())
            } else {
                Err(format!("不明な指定 {k}:{a}"))
            }
        };
        let glossary = Glossary::new(vec![
            ("情報共有".into(), "/g/#share".into()),
            ("情報共有範囲".into(), "/g/#tlp".into()),
        ]);
        let cx = Context {
            file: Path::new("t.md"),
            line_offset: 3,
            rel: "a/c.md",
            url_of: &url_of,
            directive: &directive,
            glossary: &glossary,
        };
        render(md, &cx)
    }

    #[test]
    fn raw_html_is_refused_with_its_line() {
        let e = cx_render("本文\n\n<script>alert(1)</script>\n").unwrap_err();
        assert_eq!(e[0].line, 3 + 3);
        assert!(e[0].to_string().starts_with("t.md:6: 生の HTML"));
    }

    #[test]
    fn script_links_are_refused() {
        for l in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            " javascript:x",
            "data:text/html,x",
            "java\tscript:x",
        ] {
            let md = format!("[x](<{l}>)\n");
            assert!(cx_render(&md).is_err(), "{l}");
        }
    }

    #[test]
    fn only_http_https_mailto_and_relative_links() {
        for ok in [
            "https://x.example/",
            "HTTP://x",
            "mailto:a@b.example",
            "/reference/",
            "#a",
            "b.md",
            "x/y:z",
        ] {
            assert!(cx_render(&format!("[x](<{ok}>)\n")).is_ok(), "{ok}");
        }
        for bad in [
            "tel:0312345678",
            "ftp://x",
            "file:///etc/passwd",
            "//evil.example/",
            "vbscript:x",
            " data:x",
        ] {
            let e = cx_render(&format!("\n[x](<{bad}>)\n")).unwrap_err();
            assert_eq!(e[0].line, 2 + 3, "{bad}");
            assert!(
                cx_render(&format!("![x](<{bad}>)\n")).is_err(),
                "image {bad}"
            );
        }
    }

    #[test]
    fn heading_ids_are_unique_on_the_page() {
        let r = cx_render("## a\n\n## a\n\n## a-1\n\n## main\n").unwrap();
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "a-1-1", "main-1"]);
    }

    #[test]
    fn md_links_become_urls_and_missing_ones_fail() {
        let r = cx_render("[b](b.md#top)\n").unwrap();
        assert!(r.html.contains("href=\"/handbook/a/b/#top\""));
        assert_eq!(r.links[0].href, "/handbook/a/b/#top");
        let e = cx_render("\n[x](nope.md)\n").unwrap_err();
        assert_eq!(e[0].line, 2 + 3);
    }

    #[test]
    fn plain_text_has_each_paragraph_once_and_no_directives() {
        let r = cx_render("## 見出し\n\n本文の段落。\n\n{{table:x}}\n\n- 項目\n").unwrap();
        assert_eq!(r.text.matches("本文の段落。").count(), 1, "{}", r.text);
        assert!(!r.text.contains("{{"), "{}", r.text);
        assert!(
            r.text.contains("見出し") && r.text.contains("項目"),
            "{}",
            r.text
        );
    }

    #[test]
    fn the_first_use_of_a_glossary_term_links_to_it_longest_first() {
        let r = cx_render("情報共有範囲を決めて情報共有する。情報共有は大切。\n").unwrap();
        assert_eq!(r.html.matches("href=\"/g/#tlp\"").count(), 1, "{}", r.html);
        assert_eq!(
            r.html.matches("href=\"/g/#share\"").count(),
            1,
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                ">情報共有範囲</a>を決めて<a href=\"/g/#share\">情報共有</a>する。情報共有は大切。"
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn directives_and_headings() {
        let r = cx_render("## 1.3 情報共有の対象\n\n{{table:x}}\n").unwrap();
        assert!(r.html.contains("<table></table>"));
        assert_eq!(r.headings[0].id, "13-情報共有の対象");
        assert!(cx_render("{{table:y}}\n").is_err());
        assert!(cx_render("| a |\n|---|\n| {{uncertain:}} |\n").is_err());
        let u = cx_render("| a |\n|---|\n| x{{uncertain: 列の順序}} |\n").unwrap();
        assert!(u.html.contains("class=\"uncertain\""));
    }
}
