//! Every page of the site: the handbook's chapters (from Markdown), the pages generated from
//! core's taxonomy, the home page, the app's shell, search, 404, sitemap and service worker.
pub mod advisories;
mod handbook;
mod home;
mod misc;
pub mod reference;

use std::collections::{HashMap, HashSet};

use anyhow::{anyhow, Result};
use rayon::prelude::*;

use crate::bundle::AppBundle;
use crate::content::{self, Handbook};
use crate::error::{ContentError, ContentErrors};
use crate::layout::{NavGroup, NavLink};
use crate::markdown::{self, Rendered};
use crate::output::Staging;
use crate::Options;

/// A page made by site-gen itself (not from a Markdown file).
#[derive(Debug, Clone)]
pub struct Generated {
    pub url: String,
    pub title: String,
    /// The content (inside `<main>`), already escaped.
    pub html: String,
    /// Ids that links may point at.
    pub anchors: Vec<String>,
    /// Text for the search index.
    pub text: String,
    pub breadcrumbs: Vec<NavLink>,
    pub sidebar: Vec<NavGroup>,
    pub kind: &'static str,
}

/// A page that was written: for the sitemap, and (advisories) the search index.
pub struct Built {
    pub url: String,
    pub title: String,
    pub text: String,
}

/// The loaded content and everything derived from it.
pub struct Site<'o> {
    pub opts: &'o Options,
    pub handbook: Handbook,
    /// The TLP:CLEAR advisories (loaded through the TLP gate).
    pub advisories: advisories::Advisories,
}

impl<'o> Site<'o> {
    pub fn load(opts: &'o Options) -> Result<Site<'o>> {
        let handbook = content::load(&opts.content).map_err(|e| anyhow!(ContentErrors(e)))?;
        let advisories = advisories::load(&opts.content)?;
        Ok(Site {
            opts,
            handbook,
            advisories,
        })
    }

    pub fn file_count(&self) -> usize {
        self.handbook
            .parts
            .iter()
            .map(|p| p.chapters.len() + p.lead.is_some() as usize)
            .sum()
    }

    /// Renders every chapter's Markdown and checks every internal link and anchor.
    pub fn render_all(&self) -> Result<(Vec<Rendered>, Vec<Generated>)> {
        let urls: HashMap<String, String> = self
            .handbook
            .parts
            .iter()
            .flat_map(|p| p.chapters.iter().chain(p.lead.iter()))
            .map(|s| (s.rel.clone(), Handbook::url_of(&s.rel)))
            .collect();
        let url_of = |rel: &str| urls.get(rel).cloned();
        let generated = reference::pages(self);
        let glossary = markdown::Glossary::new(reference::glossary_links());
        let directive = |kind: &str, arg: &str| crate::directives::render(kind, arg);
        let sources: Vec<_> = self.handbook.chapters().map(|(_, c)| c).collect();
        let results: Vec<Result<Rendered, Vec<ContentError>>> = sources
            .par_iter()
            .map(|src| {
                let cx = markdown::Context {
                    file: &src.file,
                    line_offset: src.body_line_offset,
                    rel: &src.rel,
                    url_of: &url_of,
                    directive: &directive,
                    glossary: &glossary,
                };
                markdown::render(&src.body, &cx)
            })
            .collect();
        // Keep one slot per source, so that a page with errors does not shift the others.
        let mut errors = Vec::new();
        let mut rendered: Vec<Option<Rendered>> = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(r) => rendered.push(Some(r)),
                Err(e) => {
                    errors.extend(e);
                    rendered.push(None);
                }
            }
        }
        // Every internal link must reach a page, and its anchor a heading of that page.
        let mut anchors: HashMap<String, HashSet<String>> = HashMap::new();
        for (src, r) in sources.iter().zip(&rendered) {
            let ids = r
                .iter()
                .flat_map(|r| r.headings.iter().map(|h| h.id.clone()))
                .collect();
            anchors.insert(Handbook::url_of(&src.rel), ids);
        }
        for p in &self.handbook.parts {
            anchors.entry(format!("/handbook/{}/", p.slug)).or_default();
        }
        for g in &generated {
            anchors.insert(g.url.clone(), g.anchors.iter().cloned().collect());
        }
        for fixed in [
            "/",
            "/handbook/",
            "/app/",
            "/search/",
            "/advisories/",
            "/reference/",
            "/forms/",
        ] {
            anchors.entry(fixed.to_string()).or_default();
        }
        for (src, r) in sources.iter().zip(&rendered) {
            let Some(r) = r else { continue };
            let own = Handbook::url_of(&src.rel);
            for link in &r.links {
                let url = if link.url.is_empty() { &own } else { &link.url };
                match anchors.get(url) {
                    None if url.starts_with("/assets/") || url.starts_with("/schemas/") => {}
                    None => errors.push(ContentError::new(
                        &src.file,
                        link.line,
                        format!("リンク先のページ {url} がありません"),
                    )),
                    Some(ids) => {
                        if let Some(a) = &link.anchor {
                            if !ids.contains(a.as_str()) {
                                errors.push(ContentError::new(
                                    &src.file,
                                    link.line,
                                    format!("リンク先 {url} に見出し #{a} がありません"),
                                ));
                            }
                        }
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(anyhow!(ContentErrors(errors)));
        }
        Ok((rendered.into_iter().flatten().collect(), generated))
    }

    /// Writes every page and asset into `staging`; returns the number of HTML pages.
    pub fn write(&self, staging: &Staging, app: Option<&AppBundle>) -> Result<usize> {
        let mut t = Timings::new();
        let (rendered, generated) = self.render_all()?;
        t.lap("render markdown + check links");
        let assets = misc::write_assets(staging, &self.opts.public)?;
        let mut pages: Vec<Built> = Vec::new();
        pages.extend(handbook::pages(self, &rendered, &assets, staging)?);
        t.lap("write chapters");
        for g in &generated {
            let html = crate::layout::page(
                &crate::layout::Page {
                    title: &g.title,
                    url: &g.url,
                    description: None,
                    breadcrumbs: &g.breadcrumbs,
                    sidebar: &g.sidebar,
                    prev: None,
                    next: None,
                    kind: g.kind,
                    extra_css: &[],
                    extra_js: &[],
                    preload: &[],
                },
                &assets,
                crate::layout::trusted(&g.html),
            );
            staging.write_page(&g.url, &html)?;
            pages.push(Built {
                url: g.url.clone(),
                title: g.title.clone(),
                text: g.text.clone(),
            });
        }
        let advisory_pages = advisories::write(self, &assets, staging)?;
        pages.push(home::write(self, &assets, staging)?);
        if let Some(app) = app {
            pages.push(misc::app_page(app, &assets, staging)?);
        }
        // The search index: every chapter and generated page (text as it appears on the page).
        let mut docs: Vec<crate::search::Doc> = self
            .handbook
            .chapters()
            .zip(&rendered)
            .map(|((_, src), r)| {
                crate::search::Doc::from_html(
                    &Handbook::url_of(&src.rel),
                    &chapter_title(src),
                    &r.html,
                )
            })
            .collect();
        docs.extend(
            generated
                .iter()
                .map(|g| crate::search::Doc::from_html(&g.url, &g.title, &g.html)),
        );
        // Each advisory report once (its own URL; the series URL repeats the latest).
        docs.extend(
            advisory_pages
                .iter()
                .filter(|b| !b.text.is_empty())
                .map(|b| crate::search::Doc {
                    url: b.url.clone(),
                    title: b.title.clone(),
                    headings: Vec::new(),
                    text: b.text.clone(),
                }),
        );
        pages.extend(advisory_pages);
        t.lap("generated + advisory pages");
        let index_url = crate::search::write(staging, &self.opts.public, &docs)?;
        t.lap("search index");
        reference::write_schemas(staging)?;
        pages.extend(misc::fixed_pages(&assets, staging, &index_url)?);
        misc::write_sitemap(staging, &self.opts.base_url, &pages)?;
        misc::write_service_worker(staging, &self.opts.public)?;
        t.lap("fixed pages, sitemap, service worker");
        Ok(pages.len())
    }
}

/// The handbook sidebar: each part with its chapters.
pub fn handbook_sidebar(hb: &Handbook) -> Vec<NavGroup> {
    hb.parts
        .iter()
        .map(|p| NavGroup {
            title: p.title.clone(),
            // No link inside <summary> (axe: nested-interactive); the part's page is the first link.
            url: None,
            links: std::iter::once(NavLink {
                url: format!("/handbook/{}/", p.slug),
                title: format!("{}(目次)", p.title),
            })
            .chain(p.chapters.iter().map(|c| NavLink {
                url: Handbook::url_of(&c.rel),
                title: chapter_title(c),
            }))
            .collect(),
        })
        .collect()
}

/// `1.3 情報共有の対象`-style title with its number.
pub fn chapter_title(c: &content::Source) -> String {
    match &c.number {
        Some(n) if !n.is_empty() => format!("{n} {}", c.title),
        _ => c.title.clone(),
    }
}

/// Phase timings on stderr when `SITE_GEN_TIMINGS` is set (for profiling builds).
struct Timings {
    on: bool,
    last: std::time::Instant,
}

impl Timings {
    fn new() -> Timings {
        Timings {
            on: std::env::var_os("SITE_GEN_TIMINGS").is_some(),
            last: std::time::Instant::now(),
        }
    }

    fn lap(&mut self, what: &str) {
        if self.on {
            eprintln!(
                "site-gen: {:>7.1} ms  {what}",
                self.last.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.last = std::time::Instant::now();
    }
}
