//! kyoyu's publisher as a library: `site-gen` is a thin command line over it.
//!
//! A build is four steps, each in its own module:
//!
//! 1. [`load`] the content model: the handbook ([`content`]) and the advisories through the
//!    TLP gate ([`gate`]), every error with its file and line; drafts are never read;
//! 2. [`render`] every page and file in memory ([`markdown`], [`layout`], [`pages`],
//!    [`search`]), each page with its ids, links and search text (a large site's chapters and
//!    search shards go on to the build's staging folder as they are made, unpublished);
//! 3. [`check`] what render produced: one link and anchor check over every page kind, and no
//!    two outputs on one path;
//! 4. [`write`] it ([`output`]: atomically; a failed build keeps the previous output).
//!
//! `bundle` builds the form filler; `serve` is the dev server (its HTTP side in [`http`]), whose rebuilds after a one-page
//! change re-render that page and write only what changed ([`Builder::rebuild`]).
pub mod bundle;
pub mod check;
pub mod content;
pub mod directives;
pub mod error;
pub mod figures;
pub mod gate;
pub mod html;
pub mod http;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod render;
pub mod search;
pub mod serve;
pub mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, Result};

pub use serve::serve;

/// Where to read and write.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub content: PathBuf,
    pub public: PathBuf,
    pub out: PathBuf,
    pub with_app: bool,
    pub base_url: String,
}

/// What a build did, for its log lines.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub pages: usize,
    /// Files written (all of them, or for an incremental rebuild the changed ones).
    pub files: usize,
    pub millis: u128,
    pub app: Option<String>,
    /// Only what a changed page needed was rendered and written.
    pub incremental: bool,
    /// What the build says besides (draft folders left unread).
    pub notes: Vec<String>,
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for n in &self.notes {
            writeln!(f, "{n}")?;
        }
        write!(
            f,
            "site-gen: {} ページ, {} ファイルを生成しました ({} ms)",
            self.pages, self.files, self.millis
        )?;
        if let Some(app) = &self.app {
            write!(f, "; アプリ: {app}")?;
        }
        Ok(())
    }
}

/// Builds the output folder once. A failed build leaves the previous one untouched.
pub fn build(opts: &Options) -> Result<BuildReport> {
    Builder::default().full(opts, false, false)
}

/// Checks content without writing anything (load, render, check); returns the number of
/// source files checked. What the build would say besides (draft folders) goes to stderr.
pub fn check(opts: &Options) -> Result<usize> {
    let content = load::load(opts)?;
    let site = render::render(&content, opts, None, &mut search::Shards::default(), None)?;
    check::check(&site)?;
    for n in content.notes() {
        eprintln!("{n}");
    }
    Ok(content.file_count())
}

/// Keeps what a rebuild can reuse: the app bundle when app/ and core/ did not change, and
/// the last build (content, rendered site, what was written) for incremental rebuilds.
#[derive(Default)]
pub struct Builder {
    app: Option<bundle::AppBundle>,
    last: Option<Last>,
}

/// The last successful build.
struct Last {
    content: load::Content,
    nav: pages::handbook::Nav,
    site: render::Site,
    written: HashMap<String, String>,
    shards: search::Shards,
}

impl Builder {
    /// Forgets the app bundle so the next build rebuilds app/.
    pub fn invalidate_app(&mut self) {
        self.app = None;
    }

    /// A full build: load → render → check → write.
    pub fn build(&mut self, opts: &Options) -> Result<BuildReport> {
        self.full(opts, false, true)
    }

    /// A rebuild for `serve` after `changed` paths changed: when every change is the body of a
    /// known chapter, only those pages (and the search shards, search page, sitemap and service
    /// worker made from them) are rendered again and only changed files are written; anything
    /// else is a full build (the previous output deleted in the background).
    pub fn rebuild(&mut self, opts: &Options, changed: &[PathBuf]) -> Result<BuildReport> {
        let start = Instant::now();
        if let Some(n) = self.incremental(opts, changed)? {
            let last = self
                .last
                .as_ref()
                .expect("incremental keeps the last build");
            return Ok(BuildReport {
                pages: last.site.page_count(),
                files: n,
                millis: start.elapsed().as_millis(),
                app: None,
                incremental: true,
                notes: Vec::new(),
            });
        }
        self.full(opts, true, true)
    }

    /// `keep`: remember the build for the next rebuild (serve).
    fn full(
        &mut self,
        opts: &Options,
        background_cleanup: bool,
        keep: bool,
    ) -> Result<BuildReport> {
        let start = Instant::now();
        let mut t = Timings::new();
        let content = load::load(opts)?;
        t.lap("load");
        let app = if opts.with_app {
            if self.app.is_none() {
                self.app = Some(bundle::build_app(&opts.root)?);
            }
            self.app.as_ref()
        } else {
            None
        };
        let mut shards = if keep {
            search::Shards::keeping()
        } else {
            search::Shards::default()
        };
        // Where this build is written until it replaces the output folder (refused first if the
        // output folder is not safe to replace: see output::check_out).
        let staging = output::Staging::new(opts)?;
        let site = render::render(&content, opts, app, &mut shards, Some(&staging))?;
        t.lap("render");
        check::check(&site)?;
        t.lap("check");
        let notes = content.notes();
        // A one-off build needs the sources no longer (memory: a large site's Markdown).
        let content = if keep {
            Some(content)
        } else {
            drop_later(content);
            None
        };
        let files = write::write(&site, staging, background_cleanup)?;
        t.lap("write");
        let report = BuildReport {
            pages: site.page_count(),
            files,
            millis: start.elapsed().as_millis(),
            app: app.map(|a| format!("wasm {} KB, {}", a.wasm.len() / 1024, a.optimised)),
            incremental: false,
            notes,
        };
        let Some(content) = content else {
            drop_later(site);
            return Ok(report);
        };
        let nav = pages::handbook::Nav::new(&content.handbook, &mut render::Site::default());
        let written = render::hashes(&site).into_iter().collect();
        self.last = Some(Last {
            content,
            nav,
            site,
            written,
            shards,
        });
        Ok(report)
    }

    /// The incremental rebuild, when `changed` allows it: `Ok(Some(files written))`.
    fn incremental(&mut self, opts: &Options, changed: &[PathBuf]) -> Result<Option<usize>> {
        let Some(last) = self.last.as_mut() else {
            return Ok(None);
        };
        let root = content::handbook_root(&opts.content);
        let canon = |p: &Path| p.canonicalize().ok();
        let Some(root_c) = canon(&root) else {
            return Ok(None);
        };
        let mut edits = Vec::new();
        let mut files: Vec<PathBuf> = changed.iter().filter_map(|p| canon(p)).collect();
        files.sort();
        files.dedup();
        if files.is_empty()
            || files.len()
                != changed
                    .iter()
                    .collect::<std::collections::HashSet<_>>()
                    .len()
        {
            return Ok(None); // a path that no longer exists: a file was removed or renamed
        }
        for file in &files {
            if !file.starts_with(&root_c)
                || file.extension().is_none_or(|e| e != "md")
                || file.file_name().is_some_and(|n| n == "_part.md")
            {
                return Ok(None);
            }
            let rel = file
                .strip_prefix(&root_c)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let Some((p, c)) =
                last.content
                    .handbook
                    .parts
                    .iter()
                    .enumerate()
                    .find_map(|(p, part)| {
                        part.chapters
                            .iter()
                            .position(|s| s.rel == rel)
                            .map(|c| (p, c))
                    })
            else {
                return Ok(None); // a new file
            };
            let old = &last.content.handbook.parts[p].chapters[c];
            let new = content::read_source(&root, &old.file)
                .map_err(|e| anyhow!(error::ContentErrors(vec![e])))?;
            if new.title != old.title
                || new.number != old.number
                || new.description != old.description
            {
                return Ok(None); // the navigation of other pages changes
            }
            edits.push((p, c, new));
        }
        // From here on the last build is changed in place: if anything fails, it is forgotten
        // and the next rebuild is a full one (the output folder is written last).
        let mut t = Timings::new();
        let mut last = self.last.take().expect("checked above");
        for (p, c, new) in edits.iter() {
            last.content.handbook.parts[*p].chapters[*c] = new.clone();
        }
        let assets = last.site.assets_used.clone();
        let chapters = pages::handbook::Chapters::new(&last.content.handbook, &assets, &last.nav);
        let mut pages = Vec::new();
        for (p, c, _) in &edits {
            let i = chapters
                .position(&last.content.handbook.parts[*p].chapters[*c].rel)
                .expect("a known chapter");
            pages.push(
                chapters
                    .page(i)
                    .map_err(|e| anyhow!(error::ContentErrors(e)))?,
            );
        }
        drop(chapters);
        t.lap("render the changed pages");
        for page in pages {
            let slot = last
                .site
                .pages
                .iter_mut()
                .find(|q| q.url == page.url)
                .expect("the chapter's page");
            *slot = page;
        }
        render::finish(
            &mut last.site,
            &opts.public,
            &opts.base_url,
            &mut last.shards,
        )?;
        t.lap("search index, sitemap, service worker");
        check::links(&last.site)?; // no URL changed: only links and anchors can break
        t.lap("check");
        let (written, n) = write::update(&last.site, &opts.out, &last.written)?;
        t.lap("write");
        last.written = written;
        self.last = Some(last);
        Ok(Some(n))
    }
}

/// Frees `value` on a thread of its own: a large site's pages and sources are hundreds of
/// thousands of allocations, whose freeing one by one would delay the end of the build (and a
/// one-off build's process exits without waiting for it).
fn drop_later<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Step timings on stderr when `SITE_GEN_TIMINGS` is set (for profiling builds), each with the
/// process's peak memory so far where the system tells it (Linux: `VmHWM`).
struct Timings {
    on: bool,
    last: Instant,
}

impl Timings {
    fn new() -> Timings {
        Timings {
            on: std::env::var_os("SITE_GEN_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    fn lap(&mut self, what: &str) {
        if self.on {
            let peak =
                peak_rss_kib().map_or(String::new(), |k| format!(" (peak RSS {} MiB)", k / 1024));
            eprintln!(
                "site-gen: {:>8.1} ms  {what}{peak}",
                self.last.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.last = Instant::now();
    }
}

/// The process's peak resident memory in KiB (`VmHWM` of `/proc/self/status`), where there is one.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
