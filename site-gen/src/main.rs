//! `site-gen` — kyoyu's publisher. `build` writes the handbook site, the advisories and the
//! form filler into `dist/` (atomically); `serve` builds, serves on 127.0.0.1 and rebuilds on
//! change; `check` validates the content without writing anything.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use kyoyu_site_gen::{build, check, serve, Options};

#[derive(Parser)]
#[command(
    name = "site-gen",
    version,
    about = "kyoyu のサイトと様式入力アプリを dist/ に生成します"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Paths {
    /// Project root (holds content/, public/, app/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Markdown folder to publish (default: <root>/content).
    #[arg(long)]
    content: Option<PathBuf>,
    /// Output folder (default: <root>/dist). A build replaces it whole: it must be new, empty, or
    /// written by site-gen before (never the sources or a folder holding them).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Skip building the form filler (site pages only; for benchmarks and content work).
    #[arg(long)]
    no_app: bool,
    /// Absolute URL the site is deployed at (for sitemap.xml and the feed).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    base_url: String,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site and the app into dist/ (atomically: a failed build keeps the old dist/).
    Build(Paths),
    /// Build, then serve dist/ on 127.0.0.1 and rebuild when sources change.
    Serve {
        #[command(flatten)]
        paths: Paths,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Do not watch for changes.
        #[arg(long)]
        no_watch: bool,
        /// Serve the existing output folder as it is (no build, no watching).
        #[arg(long)]
        no_build: bool,
    },
    /// Check content: links, anchors, taxonomy ids, raw HTML, advisories' TLP. Writes nothing.
    Check(Paths),
}

fn options(p: Paths) -> Options {
    let root = p.root;
    Options {
        content: p.content.unwrap_or_else(|| root.join("content")),
        out: p.out.unwrap_or_else(|| root.join("dist")),
        public: root.join("public"),
        with_app: !p.no_app,
        base_url: p.base_url.trim_end_matches('/').to_string(),
        root,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(p) => build(&options(p)).map(|report| eprintln!("{report}")),
        Command::Check(p) => {
            check(&options(p)).map(|n| eprintln!("site-gen check: 問題はありません ({n} ファイル)"))
        }
        Command::Serve {
            paths,
            port,
            no_watch,
            no_build,
        } => serve(&options(paths), port, !no_watch && !no_build, !no_build),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
