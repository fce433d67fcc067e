//! kyoyu's publisher as a library: `site-gen` is a thin command line over it.
//!
//! Loading (`content`), rendering (`markdown`, `layout`, `pages`) and writing (`output`)
//! are separate, as in mdBook; `bundle` builds the form filler; `serve` is the dev server.
pub mod bundle;
pub mod content;
pub mod directives;
pub mod error;
pub mod figures;
pub mod layout;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod search;
pub mod serve;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;

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

/// What a build did, for its one log line.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub millis: u128,
    pub app: Option<String>,
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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

/// Builds dist/ once. A failed build leaves the previous dist/ untouched.
pub fn build(opts: &Options) -> Result<BuildReport> {
    Builder::default().build(opts)
}

/// Checks content without writing anything; returns the number of files checked.
pub fn check(opts: &Options) -> Result<usize> {
    let site = pages::Site::load(opts)?;
    site.render_all()?;
    Ok(site.file_count())
}

/// Keeps what a rebuild can reuse (the app bundle when app/ and core/ did not change).
#[derive(Default)]
pub struct Builder {
    app: Option<bundle::AppBundle>,
}

impl Builder {
    /// Forgets the app bundle so the next build rebuilds app/.
    pub fn invalidate_app(&mut self) {
        self.app = None;
    }

    pub fn build(&mut self, opts: &Options) -> Result<BuildReport> {
        self.build_with(opts, false)
    }

    /// A rebuild for `serve`: the previous output is deleted in the background.
    pub fn rebuild(&mut self, opts: &Options) -> Result<BuildReport> {
        self.build_with(opts, true)
    }

    fn build_with(&mut self, opts: &Options, background_cleanup: bool) -> Result<BuildReport> {
        let start = Instant::now();
        let site = pages::Site::load(opts)?;
        let staging = output::Staging::new(&opts.out)?;
        let app = if opts.with_app {
            if self.app.is_none() {
                self.app = Some(bundle::build_app(&opts.root)?);
            }
            self.app.as_ref()
        } else {
            None
        };
        let pages = site.write(&staging, app)?;
        let files = staging.written().len();
        if background_cleanup {
            staging.commit_in_background()?;
        } else {
            staging.commit()?;
        }
        Ok(BuildReport {
            pages,
            files,
            millis: start.elapsed().as_millis(),
            app: app.map(|a| format!("wasm {} KB, {}", a.wasm.len() / 1024, a.optimised)),
        })
    }
}
