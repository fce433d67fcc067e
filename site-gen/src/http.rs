//! The HTTP side of `site-gen serve`: the output folder through tower-http's `ServeDir` on axum,
//! with the deployment headers (the README's nginx example sends the same), the `.br` and `.gz`
//! files the build writes beside assets, and the site's `404.html`.
//!
//! Nothing outside the output folder is ever served: `ServeDir` refuses `..`, encoded or not,
//! and absolute paths; [`escapes`] refuses what a symbolic link would lead outside.
//!
//! No client can stall the others or the process ([`Limits`]): a request's head must arrive
//! within a deadline that also bounds how long a kept-alive connection may sit idle, a socket
//! that neither reads nor writes for a while is closed, open connections are capped below the
//! process's file-descriptor limit, and when `accept` fails (`EMFILE`) the server pauses instead
//! of spinning.
use std::net::{SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, Result};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_status::SetStatus;

use crate::layout::CSP;

/// Headers sent with every response, beside the Content-Security-Policy.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// File descriptors kept free of connections: the files being served, the watcher, the build.
const RESERVED_FDS: u64 = 64;
/// How long the server waits after a failed `accept` before it tries again.
const ACCEPT_PAUSE: Duration = Duration::from_millis(250);

/// What one client may hold.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A request's head must be complete this long after the connection is ready for it: a
    /// client that sends its headers a byte at a time, or keeps an idle connection open
    /// between requests, is disconnected.
    pub header_read: Duration,
    /// A socket with a read pending this long without a byte arriving is closed.
    pub read: Duration,
    /// A socket that accepts no byte of a response for this long is closed.
    pub write: Duration,
    /// Connections open at once; the next ones wait in the listen queue.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(10),
            read: Duration::from_secs(30),
            write: Duration::from_secs(30),
            max_connections: default_max_connections(),
        }
    }
}

/// Up to 1,024 connections, and never more than the file-descriptor limit leaves room for.
fn default_max_connections() -> usize {
    let soft = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .unwrap_or(u64::MAX);
    soft.saturating_sub(RESERVED_FDS).clamp(4, 1024) as usize
}

/// Listens on 127.0.0.1:`port`.
pub fn bind(port: u16) -> Result<TcpListener> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpListener::bind(addr).map_err(|e| anyhow!("127.0.0.1:{port} で待ち受けできません: {e}"))
}

/// Serves the folder `root` on `listener` until the process ends (it blocks: run it on a thread
/// of its own). `root` is looked up afresh for every request, so a rebuild that swaps the folder
/// is served at once.
pub fn run(listener: TcpListener, root: PathBuf, limits: Limits) -> Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(accept_loop(listener, root, limits))
}

async fn accept_loop(listener: TcpListener, root: PathBuf, limits: Limits) -> Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let app = router(root);
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read);
    let mut failing = false;
    loop {
        let permit = permits.clone().acquire_owned().await?;
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors (EMFILE/ENFILE) or a connection reset before it was
                // taken: the listener stays ready, so trying again at once would spin.
                if !failing {
                    eprintln!("site-gen: 接続を受け付けられません。少し待って再試行します: {e}");
                    failing = true;
                }
                tokio::time::sleep(ACCEPT_PAUSE).await;
                continue;
            }
        };
        failing = false;
        let mut io = TimeoutStream::new(stream);
        io.set_read_timeout(Some(limits.read));
        io.set_write_timeout(Some(limits.write));
        let conn = http.serve_connection(
            TokioIo::new(Box::pin(io)),
            TowerToHyperService::new(app.clone()),
        );
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
}

/// The site under `root` as an axum router (files, 404 page, headers, confinement).
pub fn router(root: PathBuf) -> axum::Router {
    let files = ServeDir::new(&root)
        .precompressed_br()
        .precompressed_gzip()
        .not_found_service(not_found(&root));
    axum::Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn_with_state(Arc::new(root), site))
}

/// The site's 404 page, with status 404.
fn not_found(root: &Path) -> SetStatus<ServeFile> {
    SetStatus::new(ServeFile::new(root.join("404.html")), StatusCode::NOT_FOUND)
}

/// Refuses paths that lead outside `root`, then adds the deployment headers to the response.
async fn site(State(root): State<Arc<PathBuf>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let mut resp = if escapes(&root, &path).await {
        match not_found(&root).oneshot(req).await {
            Ok(r) => r.map(axum::body::Body::new),
            Err(never) => match never {},
        }
    } else {
        next.run(req).await
    };
    let status = resp.status();
    deployment_headers(resp.headers_mut(), &path, status);
    resp
}

/// Whether serving the URL path `path` could read a file outside `root`: a segment that is not
/// a plain name after percent-decoding (which `ServeDir` refuses too), or a symbolic link, on the
/// way or at the end, that resolves outside `root`. Every file `ServeDir` may open for the path
/// is checked: the file, a directory's `index.html`, and their `.br`/`.gz` copies.
async fn escapes(root: &Path, path: &str) -> bool {
    let Ok(real_root) = tokio::fs::canonicalize(root).await else {
        return true;
    };
    let Ok(decoded) =
        percent_encoding::percent_decode_str(path.trim_start_matches('/')).decode_utf8()
    else {
        return true;
    };
    let mut file = real_root.clone();
    for part in Path::new(&*decoded).components() {
        match part {
            Component::Normal(name) => file.push(name),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return true,
        }
    }
    for base in [file.clone(), file.join("index.html")] {
        for suffix in ["", ".br", ".gz"] {
            let mut candidate = base.clone().into_os_string();
            candidate.push(suffix);
            if let Ok(real) = tokio::fs::canonicalize(&candidate).await {
                if !real.starts_with(&real_root) {
                    return true;
                }
            }
        }
    }
    false
}

/// A file name with a content hash (`site.<10 hex digits>.css`, see
/// `output::fingerprint_name`).
fn fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split('.')
        .skip(1)
        .any(|part| part.len() == 10 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The headers of the deployment (README, nginx): CSP, the security headers, caching (assets
/// whose names carry their content hash are immutable; pages, `sw.js` and the assets named
/// without a hash, such as `search.js`, are revalidated), `Vary`
/// for the precompressed copies, `charset=utf-8` on text.
fn deployment_headers(h: &mut HeaderMap, path: &str, status: StatusCode) {
    let csp = format!("{CSP}; frame-ancestors 'none'");
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&csp).expect("CSP is ASCII"),
    );
    for (k, v) in SECURITY_HEADERS {
        h.insert(*k, HeaderValue::from_static(v));
    }
    let cache = if path.starts_with("/assets/") && fingerprinted(path) && status.is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if path == "/sw.js" {
        h.insert("Service-Worker-Allowed", HeaderValue::from_static("/"));
    }
    let text_without_charset = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.starts_with("text/") && !v.contains("charset"))
        .map(|v| format!("{v}; charset=utf-8"));
    if let Some(v) = text_without_charset {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&v).expect("a header value"),
        );
    }
}
