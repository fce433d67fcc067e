//! Step 2 of the pipeline, render: every page and file of the site, in memory. Nothing here
//! touches the output folder; [`crate::check`] reads what this produced, then
//! [`crate::write`] writes it.
//!
//! Each page keeps what the later steps need: its URL, title and HTML, the ids links may
//! point at, its internal links with the file and line they come from, and its text for the
//! search index — computed once, here, from what is on the page.
//!
//! The bulk of a large site — the chapters' HTML and the search shards — goes to the build's
//! staging folder ([`Staging`]) as soon as it is made, and only its content hash stays in
//! memory ([`Page::stage`], [`Asset::stage`]): a site of 10,000 pages does not hold 10,000
//! pages at once. The staging folder is not the output: nothing is published until
//! [`crate::write`] swaps it in after the check has passed, and a failed build deletes it.
use std::path::PathBuf;

use anyhow::{anyhow, Result};
use rayon::prelude::*;

use crate::bundle::AppBundle;
use crate::error::ContentErrors;
use crate::load::Content;
use crate::output::{content_hash, fingerprint_name, Staging};
use crate::pages;
use crate::search::Doc;
use crate::Options;

/// A page of the site.
#[derive(Debug, Clone)]
pub struct Page {
    pub url: String,
    pub title: String,
    /// The whole document.
    pub html: String,
    /// The content file the page comes from, or `None` for a page site-gen makes itself.
    pub source: Option<PathBuf>,
    /// Ids on the page that links may point at.
    pub ids: Vec<String>,
    /// Links made by the page's content (not its navigation), with the line they come from.
    pub links: Vec<Link>,
    /// What the search index holds of it, if it is searchable.
    pub search: Option<Doc>,
    /// Listed in the sitemap.
    pub listed: bool,
    /// The content hash of `html`, computed once (a rebuild keeps those of unchanged pages),
    /// and whether `html` is already in the staging folder.
    pub hash: Hash,
}

/// A page's content hash, computed once, and whether its HTML was written to the staging
/// folder (and dropped from memory) by [`Page::stage`].
#[derive(Debug, Clone, Default)]
pub struct Hash {
    hash: std::sync::OnceLock<String>,
    staged: bool,
}

/// A link to check: the href as written, and its line in `Page::source` (0: generated).
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub line: usize,
}

/// A file that is not a page (feed, STIX bundle, schema, sitemap, service worker), at its
/// site path (`advisories/feed.atom`).
#[derive(Debug, Clone)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An asset under `/assets/`, named with its content hash (`site.<hash>.css`).
#[derive(Debug, Clone)]
pub struct Asset {
    pub name: String,
    /// Empty once [`Asset::stage`] has written them.
    pub bytes: Vec<u8>,
    pub url: String,
    staged: bool,
}

impl Asset {
    pub fn new(name: &str, bytes: Vec<u8>) -> Asset {
        let url = format!("/assets/{}", fingerprint_name(name, &bytes));
        Asset {
            name: name.to_string(),
            bytes,
            url,
            staged: false,
        }
    }

    /// Writes the asset (and its compressed copies) to the staging folder and drops its bytes;
    /// the hash in its URL stays. A write that fails keeps the bytes, for [`crate::write`] to
    /// try again and report.
    pub fn stage(&mut self, staging: &Staging) {
        if !self.staged && staging.write_fingerprinted(&self.name, &self.bytes).is_ok() {
            self.bytes = Vec::new();
            self.staged = true;
        }
    }

    pub fn is_staged(&self) -> bool {
        self.staged
    }

    /// The content hash, as in its name: after its first dot (`site.<hash>.css`,
    /// `search-0.<hash>.json.gz`, `noext.<hash>`; see `output::fingerprint_name`).
    pub fn hash(&self) -> &str {
        let file = self.url.rsplit('/').next().unwrap_or("");
        file.split('.').nth(1).unwrap_or("")
    }
}

/// Everything a build writes.
#[derive(Debug, Clone, Default)]
pub struct Site {
    pub pages: Vec<Page>,
    pub files: Vec<File>,
    pub assets: Vec<Asset>,
    /// How many pages, files and assets came before [`finish`] added its own.
    pub derived_from: Option<(usize, usize, usize)>,
    /// The fingerprinted URLs of the stylesheets and scripts every page links to.
    pub assets_used: crate::layout::Assets,
    /// Pages deliberately left out of this build (`/app/` with `--no-app`): links to them are
    /// not broken.
    pub omitted: Vec<String>,
}

impl Page {
    /// A page site-gen makes itself: its ids, links and search text are read from its content
    /// (`content_html`, what goes inside `<main>`), so no template lists them by hand.
    pub fn generated(
        url: &str,
        title: &str,
        content_html: &str,
        html: String,
        search: bool,
    ) -> Page {
        let o = crate::html::outline(content_html);
        Page {
            url: url.to_string(),
            title: title.to_string(),
            html,
            source: None,
            ids: o.ids,
            links: o
                .links
                .into_iter()
                .map(|href| Link { href, line: 0 })
                .collect(),
            search: search
                .then(|| Doc::new(url.to_string(), title.to_string(), o.headings, o.text)),
            listed: true,
            hash: Default::default(),
        }
    }

    pub fn hash(&self) -> &str {
        self.hash
            .hash
            .get_or_init(|| content_hash(self.html.as_bytes()))
    }

    /// Writes the page to the staging folder and drops its HTML; its hash stays. A write that
    /// fails keeps the HTML, for [`crate::write`] to try again and report.
    pub fn stage(&mut self, staging: &Staging) {
        if self.hash.staged {
            return;
        }
        // Hashed before the HTML goes: the hash stays.
        self.hash();
        if staging.write_page(&self.url, &self.html).is_ok() {
            self.html = String::new();
            self.hash.staged = true;
        }
    }

    pub fn is_staged(&self) -> bool {
        self.hash.staged
    }

    /// The file the page is written to (`handbook/index.html`).
    pub fn path(&self) -> String {
        page_path(&self.url)
    }
}

/// The site path of a page's URL: `/a/` → `a/index.html`, `/404.html` → `404.html`.
pub fn page_path(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

impl Site {
    pub fn asset(&mut self, name: &str, bytes: Vec<u8>) -> String {
        let a = Asset::new(name, bytes);
        let url = a.url.clone();
        self.assets.push(a);
        url
    }

    pub fn file(&mut self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.files.push(File {
            path: path.trim_start_matches('/').to_string(),
            bytes: bytes.into(),
        });
    }

    /// Every file still in memory with its site path and bytes (pages, files, assets): not
    /// those already written to a staging folder.
    pub fn outputs(&self) -> Vec<(String, &[u8])> {
        let mut v: Vec<(String, &[u8])> =
            Vec::with_capacity(self.pages.len() + self.files.len() + self.assets.len());
        v.extend(
            self.pages
                .iter()
                .filter(|p| !p.is_staged())
                .map(|p| (p.path(), p.html.as_bytes())),
        );
        v.extend(
            self.files
                .iter()
                .map(|f| (f.path.clone(), f.bytes.as_slice())),
        );
        v.extend(self.assets.iter().filter(|a| !a.is_staged()).map(|a| {
            (
                a.url.trim_start_matches('/').to_string(),
                a.bytes.as_slice(),
            )
        }));
        v
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }
}

/// Renders the whole site. Content errors of every page are collected and reported together.
/// With `staging`, the chapters and the search shards are written there as they are made
/// (see the module's comment); without, everything stays in memory (`site-gen check`).
pub fn render(
    content: &Content,
    opts: &Options,
    app: Option<&AppBundle>,
    shards: &mut crate::search::Shards,
    staging: Option<&Staging>,
) -> Result<Site> {
    let mut site = Site::default();
    let assets = pages::misc::assets(&opts.public, &mut site)?;
    let nav = pages::handbook::Nav::new(&content.handbook, &mut site);
    let mut errors = Vec::new();
    let stage = |page: &mut Page| {
        if let Some(s) = staging {
            page.stage(s);
        }
    };
    match pages::handbook::render(content, &assets, &nav, &stage) {
        Ok(p) => site.pages.extend(p),
        Err(e) => errors.extend(e),
    }
    if !errors.is_empty() {
        return Err(anyhow!(ContentErrors(errors)));
    }
    let reference: Vec<Page> = pages::reference::pages()
        .par_iter()
        .map(|g| g.page(&assets))
        .collect();
    site.pages.extend(reference);
    pages::advisories::render(&content.advisories, &opts.base_url, &assets, &mut site)?;
    site.pages.push(pages::home::page(content, &assets));
    match app {
        Some(app) => pages::misc::app_page(app, &assets, &mut site),
        None => site.omitted.push(pages::misc::APP_URL.to_string()),
    }
    pages::reference::schemas(&mut site)?;
    site.derived_from = Some((site.pages.len(), site.files.len(), site.assets.len()));
    site.assets_used = assets;
    finish(&mut site, &opts.public, &opts.base_url, shards)?;
    if let Some(s) = staging {
        // The search shards too (megabytes each on a large site; `search::render` makes them
        // all before any can be staged).
        let (_, _, a) = site.derived_from.expect("set above");
        site.assets[a..]
            .par_iter_mut()
            .for_each(|asset| asset.stage(s));
    }
    Ok(site)
}

/// The parts made from every other page: the search index and its page, 404, the sitemap and
/// the service worker (last: it lists every other file with its hash). Called again after a
/// page changed (`serve`): what it made before is dropped first; unchanged search shards are
/// taken from `shards`.
pub fn finish(
    site: &mut Site,
    public: &std::path::Path,
    base_url: &str,
    shards: &mut crate::search::Shards,
) -> Result<()> {
    let (p, f, a) = site.derived_from.expect("render set it");
    site.pages.truncate(p);
    site.files.truncate(f);
    shards.stash(site.assets.drain(a..));
    let index = crate::search::render(site, public, shards)?;
    let assets = site.assets_used.clone();
    site.pages.extend(pages::misc::fixed_pages(&assets, &index));
    pages::misc::sitemap(site, base_url);
    pages::misc::service_worker(site, public)?;
    Ok(())
}

/// Each output path with its content hash: pages' computed once, assets' read from their
/// fingerprinted names (the same hash), files' computed.
pub fn hashes(site: &Site) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = site
        .pages
        .par_iter()
        .map(|p| (p.path(), p.hash().to_string()))
        .collect();
    v.extend(
        site.files
            .iter()
            .map(|f| (f.path.clone(), content_hash(&f.bytes))),
    );
    v.extend(site.assets.iter().map(|a| {
        (
            a.url.trim_start_matches('/').to_string(),
            a.hash().to_string(),
        )
    }));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asset_hash_is_the_one_in_its_name() {
        for name in [
            "site.css",
            "kyoyu-app_bg.wasm",
            "manifest.webmanifest",
            "search-0.json.gz",
            "noext",
        ] {
            let a = Asset::new(name, name.as_bytes().repeat(3));
            assert_eq!(a.hash(), content_hash(&a.bytes), "{name}: {}", a.url);
        }
    }
}
