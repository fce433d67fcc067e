//! `site-gen serve`: build, serve `dist/` on 127.0.0.1 with the deployment headers, and
//! rebuild when content/, public/, app/ or core/ change (one log line per rebuild; a failed
//! rebuild prints its error and the last good site stays up).
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use notify::{RecursiveMode, Watcher};

use crate::{http, Builder, Options};

pub fn serve(opts: &Options, port: u16, watch: bool, build: bool) -> Result<()> {
    // The feed's and the sitemap's links point where the site is served.
    let opts = &Options {
        base_url: format!("http://127.0.0.1:{port}"),
        ..opts.clone()
    };
    let mut builder = Builder::default();
    if build {
        let report = builder.build(opts)?;
        eprintln!("{report}");
    } else if !opts.out.join("index.html").exists() {
        return Err(anyhow!(
            "{} にサイトがありません。先に site-gen build を実行してください",
            opts.out.display()
        ));
    }
    let listener = http::bind(port)?;
    eprintln!("site-gen: http://127.0.0.1:{port}/ で配信中 (Ctrl+C で終了)");
    let out = opts.out.clone();
    std::thread::spawn(move || {
        if let Err(e) = http::run(listener, out, http::Limits::default()) {
            eprintln!("site-gen: 配信を続けられません: {e:#}");
            std::process::exit(1);
        }
    });
    if !watch {
        loop {
            std::thread::park();
        }
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        if let Ok(ev) = ev {
            if !matches!(ev.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(ev.paths);
            }
        }
    })?;
    for dir in [
        &opts.content,
        &opts.public,
        &opts.root.join("app"),
        &opts.root.join("core"),
    ] {
        if dir.exists() {
            watcher.watch(dir, RecursiveMode::Recursive)?;
        }
    }
    eprintln!("site-gen: content/, public/, app/, core/ の変更を監視しています");
    let code_dirs =
        [opts.root.join("app"), opts.root.join("core")].map(|d| d.canonicalize().unwrap_or(d));
    loop {
        let mut paths: Vec<PathBuf> = rx.recv()?;
        // Gather the burst of events an editor's save makes.
        let until = Instant::now() + Duration::from_millis(150);
        while let Ok(more) = rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
            paths.extend(more);
        }
        if paths
            .iter()
            .any(|p| code_dirs.iter().any(|d| p.starts_with(d)))
        {
            builder.invalidate_app();
        }
        let changed = paths
            .first()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        match builder.rebuild(opts, &paths) {
            Ok(r) if r.incremental => {
                eprintln!("site-gen: 再構築しました ({changed}): {} ページ, 変更 {} ファイル, {} ms (差分)", r.pages, r.files, r.millis)
            }
            Ok(r) => eprintln!(
                "site-gen: 再構築しました ({changed}): {} ページ, {} ms",
                r.pages, r.millis
            ),
            Err(e) => {
                eprintln!("site-gen: 再構築に失敗しました。前回のサイトを配信し続けます:\n{e:#}")
            }
        }
    }
}
