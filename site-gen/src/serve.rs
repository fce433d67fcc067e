//! `site-gen serve`: build, serve `dist/` on 127.0.0.1 with the deployment headers, and
//! rebuild when content/, public/, app/ or core/ change (one log line per rebuild; a failed
//! rebuild prints its error and the last good site stays up).
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use notify::{RecursiveMode, Watcher};

use crate::layout::CSP;
use crate::{Builder, Options};

/// Headers sent with every response (the README's nginx example sends the same).
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

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
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| anyhow!("127.0.0.1:{port} で待ち受けできません: {e}"))?;
    listener.set_nonblocking(true)?;
    eprintln!("site-gen: http://127.0.0.1:{port}/ で配信中 (Ctrl+C で終了)");
    let out = opts.out.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_io()
            .build()
            .expect("tokio runtime");
        runtime.block_on(accept_loop(listener, out));
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

async fn accept_loop(listener: std::net::TcpListener, root: PathBuf) {
    let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
    let root = std::sync::Arc::new(root);
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let root = root.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let root = root.clone();
                async move { Ok::<_, std::convert::Infallible>(respond(&root, &req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn respond(
    root: &Path,
    req: &hyper::Request<hyper::body::Incoming>,
) -> hyper::Response<http_body_util::Full<hyper::body::Bytes>> {
    let url = req.uri().path().to_string();
    let (status, path) = match resolve(root, &url) {
        Some(p) => (200, p),
        None => (404, root.join("404.html")),
    };
    // A precompressed copy (written by the build beside assets) when the client takes gzip.
    let gzip = status == 200
        && req
            .headers()
            .get_all("accept-encoding")
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.contains("gzip")));
    let gz_path = path.with_file_name(format!(
        "{}.gz",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let (body, encoded) = match gzip {
        true => match tokio::fs::read(&gz_path).await {
            Ok(b) => (b, true),
            Err(_) => (
                tokio::fs::read(&path)
                    .await
                    .unwrap_or_else(|_| b"not found".to_vec()),
                false,
            ),
        },
        false => (
            tokio::fs::read(&path)
                .await
                .unwrap_or_else(|_| b"not found".to_vec()),
            false,
        ),
    };
    let cache = if url.starts_with("/assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut resp = hyper::Response::builder()
        .status(status)
        .header("Content-Type", mime(&path))
        .header("Vary", "Accept-Encoding")
        .header(
            "Content-Security-Policy",
            format!("{CSP}; frame-ancestors 'none'"),
        )
        .header("Cache-Control", cache);
    for (k, v) in SECURITY_HEADERS {
        resp = resp.header(*k, *v);
    }
    if encoded {
        resp = resp.header("Content-Encoding", "gzip");
    }
    if url == "/sw.js" {
        resp = resp.header("Service-Worker-Allowed", "/");
    }
    resp.body(http_body_util::Full::new(hyper::body::Bytes::from(body)))
        .expect("response")
}

/// The file for a URL path, never outside `root`.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url)?;
    let mut p = root.to_path_buf();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => p.push(s),
        }
    }
    if p.is_dir() {
        p.push("index.html");
    }
    p.is_file().then_some(p)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The MIME type for a file name.
pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}
