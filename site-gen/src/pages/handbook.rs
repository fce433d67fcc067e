//! The handbook: its index (the full contents page), one page per part, one per chapter. Every
//! Markdown file — chapters and part leads alike — goes through the one checked renderer.
use std::collections::HashMap;

use maud::html;
use rayon::prelude::*;

use super::chapter_title;
use crate::content::{Handbook, Part, Source};
use crate::error::ContentError;
use crate::layout::{page, trusted, Assets, NavGroup, NavLink, Page, Sidebar};
use crate::load::Content;
use crate::markdown::{self, Glossary, Rendered};
use crate::render::{self, Link, Site};
use crate::search::Doc;

/// The handbook's navigation: each part with its chapters, and for a large handbook the shared
/// file that holds all of it.
pub struct Nav {
    pub groups: Vec<NavGroup>,
    pub file: Option<String>,
}

impl Nav {
    pub fn new(hb: &Handbook, site: &mut Site) -> Nav {
        let groups: Vec<NavGroup> = hb
            .parts
            .iter()
            .map(|p| NavGroup {
                title: p.title.clone(),
                // No link inside <summary> (axe: nested-interactive); the part's page is the first link.
                url: None,
                links: std::iter::once(NavLink {
                    url: p.url(),
                    title: format!("{}(目次)", p.title),
                })
                .chain(p.chapters.iter().map(|c| NavLink {
                    url: Handbook::url_of(&c.rel),
                    title: chapter_title(c),
                }))
                .collect(),
            })
            .collect();
        let file = (!Sidebar::of(&groups).is_full()).then(|| {
            let json = serde_json::json!({
                "groups": groups.iter().map(|g| serde_json::json!({
                    "title": g.title,
                    "links": g.links.iter().map(|l| [l.url.as_str(), l.title.as_str()]).collect::<Vec<_>>(),
                })).collect::<Vec<_>>()
            });
            // Stored once, gzip-compressed (as a large site's search shards: see
            // `search::shard_asset`); public/js/json.js decompresses it.
            let json = serde_json::to_vec(&json).expect("JSON");
            let gz = crate::output::gzip(&json, flate2::Compression::default()).expect("gzip in memory");
            site.asset("nav.json.gz", gz)
        });
        Nav { groups, file }
    }

    pub fn sidebar(&self, at: Option<(usize, usize)>) -> Sidebar<'_> {
        Sidebar {
            groups: &self.groups,
            at,
            file: self.file.as_deref(),
        }
    }
}

/// What rendering a chapter needs to know about the rest of the handbook.
pub struct Chapters<'a> {
    pub hb: &'a Handbook,
    assets: &'a Assets,
    nav: &'a Nav,
    urls: HashMap<String, String>,
    glossary: Glossary,
    order: Vec<NavLink>,
    /// (part, chapter in part) of each chapter, in reading order.
    at: Vec<(usize, usize)>,
    print_css: &'a str,
}

impl<'a> Chapters<'a> {
    pub fn new(hb: &'a Handbook, assets: &'a Assets, nav: &'a Nav) -> Chapters<'a> {
        let at: Vec<(usize, usize)> = hb
            .parts
            .iter()
            .enumerate()
            .flat_map(|(p, part)| (0..part.chapters.len()).map(move |c| (p, c)))
            .collect();
        Chapters {
            hb,
            assets,
            nav,
            urls: hb
                .sources()
                .map(|s| (s.rel.clone(), Handbook::url_of(&s.rel)))
                .collect(),
            glossary: Glossary::new(super::reference::glossary_links()),
            order: hb
                .chapters()
                .map(|(_, c)| NavLink {
                    url: Handbook::url_of(&c.rel),
                    title: chapter_title(c),
                })
                .collect(),
            at,
            print_css: assets.print_css.as_str(),
        }
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The index (in reading order) of the chapter read from `rel`.
    pub fn position(&self, rel: &str) -> Option<usize> {
        self.at
            .iter()
            .position(|&(p, c)| self.hb.parts[p].chapters[c].rel == rel)
    }

    fn markdown(&self, src: &Source) -> Result<Rendered, Vec<ContentError>> {
        let url_of = |rel: &str| self.urls.get(rel).cloned();
        let directive = |kind: &str, arg: &str| crate::directives::render(kind, arg);
        let cx = markdown::Context {
            file: &src.file,
            line_offset: src.body_line_offset,
            rel: &src.rel,
            url_of: &url_of,
            directive: &directive,
            glossary: &self.glossary,
        };
        markdown::render(&src.body, &cx)
    }

    /// The stylesheet of core's print view of the forms (`<article class="form-print">`: the
    /// worked examples 図5 and 図8), for a page whose Markdown put one on it; none elsewhere.
    fn print_css(&self, r: &Rendered) -> &[&str] {
        if r.html.contains("class=\"form-print") {
            std::slice::from_ref(&self.print_css)
        } else {
            &[]
        }
    }

    /// Chapter `i` (reading order), rendered and laid out.
    pub fn page(&self, i: usize) -> Result<render::Page, Vec<ContentError>> {
        let (p, c) = self.at[i];
        let (part, ch) = (&self.hb.parts[p], &self.hb.parts[p].chapters[c]);
        let r = self.markdown(ch)?;
        let url = &self.order[i].url;
        let title = chapter_title(ch);
        let toc: Vec<_> = r.headings.iter().filter(|h| h.level == 2).collect();
        let content = html! {
            // The part is named once, in the breadcrumbs above.
            article {
                h1 { (title) }
                @if toc.len() > 1 {
                    nav class="toc" aria-label="このページの目次" {
                        ul { @for h in &toc { li { a href={ "#" (h.id) } { (h.text) } } } }
                    }
                }
                (trusted(&r.html))
            }
        };
        let crumbs = [
            home_link(),
            NavLink {
                url: part.url(),
                title: part.title.clone(),
            },
        ];
        let html = page(
            &Page {
                title: &title,
                url,
                description: ch.description.as_deref(),
                breadcrumbs: if part.slug.is_empty() {
                    &crumbs[..1]
                } else {
                    &crumbs
                },
                sidebar: self.nav.sidebar(Some((p, c + 1))),
                prev: i.checked_sub(1).map(|p| &self.order[p]),
                next: self.order.get(i + 1),
                kind: "chapter",
                extra_css: self.print_css(&r),
                extra_js: &[],
                preload: &[],
            },
            self.assets,
            content,
        );
        Ok(from_markdown(url, &title, html, &ch.file, r))
    }

    /// A part's page: its lead (Markdown, checked like a chapter) and its chapters.
    fn part_page(&self, p: usize) -> Result<render::Page, Vec<ContentError>> {
        let part = &self.hb.parts[p];
        let lead = part.lead.as_ref().map(|l| self.markdown(l)).transpose()?;
        let url = part.url();
        // A lead that links every chapter is the part's contents (as in the handbook, with its
        // sections): the generated list would repeat it.
        let listed = lead.as_ref().is_some_and(|l| links_every_chapter(l, part));
        let content = html! {
            h1 { (part.title) }
            @if let Some(l) = &lead { (trusted(&l.html)) }
            @if !listed { (chapter_list(part)) }
        };
        let html = page(
            &Page {
                title: &part.title,
                url: &url,
                description: part.lead.as_ref().and_then(|l| l.description.as_deref()),
                breadcrumbs: &[home_link()],
                sidebar: self.nav.sidebar(Some((p, 0))),
                prev: None,
                next: None,
                kind: "part",
                extra_css: lead.as_ref().map_or(&[], |l| self.print_css(l)),
                extra_js: &[],
                preload: &[],
            },
            self.assets,
            content,
        );
        Ok(match (lead, &part.lead) {
            (Some(r), Some(src)) => from_markdown(&url, &part.title, html, &src.file, r),
            _ => render::Page {
                url: url.clone(),
                title: part.title.clone(),
                html,
                source: None,
                ids: vec![],
                links: vec![],
                search: None,
                listed: true,
                hash: Default::default(),
            },
        })
    }

    /// `/handbook/`: every part and chapter (the contents page every sidebar leads to). The
    /// handbook's own files (a folder without sub-folders) are listed first, after their lead.
    fn index_page(&self) -> Result<render::Page, Vec<ContentError>> {
        let root = self.hb.parts.iter().find(|p| p.slug.is_empty());
        let lead = root
            .and_then(|p| p.lead.as_ref())
            .map(|l| self.markdown(l))
            .transpose()?;
        let content = html! {
            h1 { "情報共有の手引書" }
            @if let Some(l) = &lead { (trusted(&l.html)) }
            @else { p { (kyoyu_core::SOURCE.title) "(" (kyoyu_core::SOURCE.publisher) "、" (kyoyu_core::SOURCE.edition) ")の全文です。" } }
            @if let Some(r) = root { (chapter_list(r)) }
            @for part in self.hb.parts.iter().filter(|p| !p.slug.is_empty()) {
                section class="part-summary" {
                    h2 { a href=(part.url()) { (part.title) } }
                    ol { @for c in &part.chapters { li { a href=(Handbook::url_of(&c.rel)) { (chapter_title(c)) } } } }
                }
            }
        };
        let p = Page {
            title: "情報共有の手引書",
            url: "/handbook/",
            description: None,
            breadcrumbs: &[],
            sidebar: self.nav.sidebar(None),
            prev: None,
            next: self.order.first(),
            kind: "handbook-index",
            extra_css: lead.as_ref().map_or(&[], |l| self.print_css(l)),
            extra_js: &[],
            preload: &[],
        };
        let mut page = super::generated(&p, self.assets, content, false);
        if let (Some(r), Some(src)) = (lead, root.and_then(|p| p.lead.as_ref())) {
            // The lead's links are checked at their lines in its file (the lists are made from
            // the same sources as the pages they link to).
            let lead = from_markdown("/handbook/", "", String::new(), &src.file, r);
            page.links = lead.links;
            page.source = lead.source;
        }
        Ok(page)
    }
}

fn home_link() -> NavLink {
    NavLink {
        url: "/handbook/".into(),
        title: "手引書".into(),
    }
}

/// Whether the rendered lead links to each of the part's chapters (to its page or into it).
fn links_every_chapter(lead: &Rendered, part: &Part) -> bool {
    part.chapters.iter().all(|c| {
        let url = Handbook::url_of(&c.rel);
        lead.links
            .iter()
            .any(|l| l.href.split('#').next() == Some(url.as_str()))
    })
}

fn chapter_list(part: &Part) -> maud::Markup {
    html! { ol class="chapter-list" { @for c in &part.chapters { li { a href=(Handbook::url_of(&c.rel)) { (chapter_title(c)) } } } } }
}

/// A page made from a Markdown file: its ids, links (with lines) and search text are the
/// renderer's.
fn from_markdown(
    url: &str,
    title: &str,
    html: String,
    file: &std::path::Path,
    r: Rendered,
) -> render::Page {
    let mut headings: Vec<String> = r
        .headings
        .iter()
        .filter(|h| h.level <= 4)
        .map(|h| h.text.clone())
        .collect();
    headings.extend(r.terms);
    render::Page {
        url: url.to_string(),
        title: title.to_string(),
        html,
        source: Some(file.to_path_buf()),
        ids: r.ids,
        links: r
            .links
            .into_iter()
            .map(|l| Link {
                href: l.href,
                line: l.line,
            })
            .collect(),
        search: Some(Doc::new(
            url.to_string(),
            title.to_string(),
            headings,
            r.text,
        )),
        listed: true,
        hash: Default::default(),
    }
}

/// Every page of the handbook; the errors of every file are collected. `each` is called on
/// every chapter as soon as it is made (render stages it: see `render::Page::stage`).
pub fn render(
    content: &Content,
    assets: &Assets,
    nav: &Nav,
    each: &(dyn Fn(&mut render::Page) + Sync),
) -> Result<Vec<render::Page>, Vec<ContentError>> {
    let ch = Chapters::new(&content.handbook, assets, nav);
    let mut results: Vec<Result<render::Page, Vec<ContentError>>> = (0..ch.len())
        .into_par_iter()
        .map(|i| {
            ch.page(i).map(|mut p| {
                each(&mut p);
                p
            })
        })
        .collect();
    results.extend(
        (0..ch.hb.parts.len())
            .filter(|&p| !ch.hb.parts[p].slug.is_empty())
            .map(|p| ch.part_page(p)),
    );
    results.push(ch.index_page());
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(p) => pages.push(p),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}
