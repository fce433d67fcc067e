//! The dev server's HTTP side (`kyoyu_site_gen::http`), run in this process on a folder made
//! here: the deployment headers and the 404 page, precompressed `.br`/`.gz` chosen by
//! `Accept-Encoding` (`q=0` honoured), nothing outside the folder ever served (`..`, `%2e%2e`,
//! `%2f`, backslashes, symbolic links), and the limits: idle and slow clients are disconnected
//! and never stall the others, a client that does not read its response is dropped, and
//! connections beyond the cap wait until one closes.
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;
use std::{fs, thread};

use kyoyu_site_gen::http::{self, Limits};

mod common;
use common::{get, send};

const SECRET: &str = "SECRET-OUTSIDE-THE-SITE";

/// A site folder `<tmp>/dist` with a page, a 404 page, a JS asset and its `.br`/`.gz`, a wasm
/// file, `sw.js`; and `<tmp>/secret.txt` beside it, which must never be served.
fn site(name: &str) -> (PathBuf, PathBuf) {
    let tmp = std::env::temp_dir().join(format!("kyoyu-http-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let dist = tmp.join("dist");
    fs::create_dir_all(dist.join("assets")).unwrap();
    fs::create_dir_all(dist.join("handbook")).unwrap();
    fs::write(tmp.join("secret.txt"), SECRET).unwrap();
    fs::write(
        dist.join("index.html"),
        "<!doctype html><title>home</title>ホーム",
    )
    .unwrap();
    fs::write(
        dist.join("handbook/index.html"),
        "<!doctype html><title>handbook</title>",
    )
    .unwrap();
    fs::write(
        dist.join("404.html"),
        "<!doctype html><title>404</title>ページが見つかりません",
    )
    .unwrap();
    fs::write(dist.join("sw.js"), "// sw").unwrap();
    fs::write(dist.join("assets/search.js"), "// search").unwrap();
    fs::write(dist.join("assets/app.0123456789.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let js = "console.log('kyoyu');\n".repeat(200);
    fs::write(dist.join("assets/app.0123456789.js"), &js).unwrap();
    fs::write(
        dist.join("assets/app.0123456789.js.gz"),
        gzip(js.as_bytes()),
    )
    .unwrap();
    fs::write(
        dist.join("assets/app.0123456789.js.br"),
        brotli(js.as_bytes()),
    )
    .unwrap();
    (tmp, dist)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &Default::default()).unwrap();
    out
}

/// Starts the server on `dist` with `limits`; returns its port.
fn start(dist: &Path, limits: Limits) -> u16 {
    let listener = http::bind(0).unwrap();
    let port = listener.local_addr().unwrap().port();
    let dist = dist.to_path_buf();
    thread::spawn(move || http::run(listener, dist, limits));
    port
}

fn quick() -> Limits {
    Limits {
        header_read: Duration::from_secs(1),
        read: Duration::from_secs(2),
        write: Duration::from_secs(2),
        max_connections: 64,
    }
}

#[test]
fn files_come_with_the_deployment_headers_and_unknown_paths_get_the_404_page() {
    let (tmp, dist) = site("headers");
    let port = start(&dist, quick());
    let page = get(port, "/");
    assert_eq!(page.status, 200);
    assert_eq!(page.body, fs::read(dist.join("index.html")).unwrap());
    assert_eq!(
        page.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.starts_with("default-src 'self'") && csp.ends_with("frame-ancestors 'none'"),
        "{csp}"
    );
    for (name, value) in http::SECURITY_HEADERS {
        assert_eq!(page.header(name).as_deref(), Some(*value), "{name}");
    }
    assert_eq!(page.header("cache-control").as_deref(), Some("no-cache"));
    assert_eq!(page.header("vary").as_deref(), Some("Accept-Encoding"));

    let asset = get(port, "/assets/app.0123456789.js");
    assert_eq!(asset.status, 200);
    assert_eq!(
        asset.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        asset.header("content-type").as_deref(),
        Some("text/javascript; charset=utf-8")
    );
    // An asset whose name carries no content hash may change under the same URL.
    let unhashed = get(port, "/assets/search.js");
    assert_eq!(unhashed.status, 200);
    assert_eq!(
        unhashed.header("cache-control").as_deref(),
        Some("no-cache")
    );
    assert_eq!(
        get(port, "/assets/app.0123456789.wasm")
            .header("content-type")
            .as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        get(port, "/sw.js")
            .header("service-worker-allowed")
            .as_deref(),
        Some("/")
    );
    assert_eq!(
        get(port, "/handbook/").body,
        fs::read(dist.join("handbook/index.html")).unwrap()
    );
    let range = send(
        port,
        "GET /assets/app.0123456789.js HTTP/1.1\r\nRange: bytes=0-6",
    );
    assert_eq!(
        (range.status, range.body.as_slice()),
        (206, &b"console"[..])
    );

    for missing in [
        "/nope/",
        "/assets/missing.0123456789.js",
        "/handbook/nope.html",
    ] {
        let r = get(port, missing);
        assert_eq!(r.status, 404, "{missing}");
        assert_eq!(
            r.body,
            fs::read(dist.join("404.html")).unwrap(),
            "{missing}"
        );
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert!(
            r.header("content-security-policy").is_some()
                && r.header("x-content-type-options").is_some()
        );
        assert_eq!(
            r.header("cache-control").as_deref(),
            Some("no-cache"),
            "a missing asset is not cached forever"
        );
    }
    let _ = fs::remove_dir_all(&tmp);
}

#[test]
fn precompressed_copies_follow_accept_encoding_and_q_zero_refuses_one() {
    let (tmp, dist) = site("encoding");
    let port = start(&dist, quick());
    let file = dist.join("assets/app.0123456789.js");
    let raw = fs::read(&file).unwrap();
    let gz = fs::read(file.with_extension("js.gz")).unwrap();
    let br = fs::read(file.with_extension("js.br")).unwrap();
    for (accept, encoding, body) in [
        (None, None, &raw),
        (Some("gzip"), Some("gzip"), &gz),
        (Some("br"), Some("br"), &br),
        (Some("gzip, br"), Some("br"), &br),
        (Some("gzip;q=1, br;q=0.5"), Some("gzip"), &gz),
        (Some("br;q=0, gzip"), Some("gzip"), &gz),
        (Some("gzip;q=0"), None, &raw),
        (Some("gzip;q=0, br;q=0"), None, &raw),
        (Some("br;q=0.000, gzip;q=0"), None, &raw),
    ] {
        let mut req = "GET /assets/app.0123456789.js HTTP/1.1".to_string();
        if let Some(a) = accept {
            req.push_str(&format!("\r\nAccept-Encoding: {a}"));
        }
        let r = send(port, &req);
        assert_eq!(r.status, 200, "{accept:?}");
        assert_eq!(
            r.header("content-encoding").as_deref(),
            encoding,
            "Accept-Encoding: {accept:?}"
        );
        assert!(
            r.body == *body,
            "Accept-Encoding: {accept:?}: the body is the matching file"
        );
        assert_eq!(
            r.header("content-type").as_deref(),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(r.header("vary").as_deref(), Some("Accept-Encoding"));
    }
    let _ = fs::remove_dir_all(&tmp);
}

#[cfg(unix)]
#[test]
fn nothing_outside_the_folder_is_ever_served() {
    use std::os::unix::fs::symlink;
    let (tmp, dist) = site("confined");
    // Links that lead outside: a file, a folder, a directory's index.html, a precompressed copy.
    symlink(tmp.join("secret.txt"), dist.join("leak.txt")).unwrap();
    symlink(&tmp, dist.join("up")).unwrap();
    fs::create_dir_all(dist.join("room")).unwrap();
    symlink(tmp.join("secret.txt"), dist.join("room/index.html")).unwrap();
    fs::write(dist.join("assets/lib.0123456789.js"), "// lib").unwrap();
    symlink(
        tmp.join("secret.txt"),
        dist.join("assets/lib.0123456789.js.gz"),
    )
    .unwrap();
    // A link that stays inside is fine.
    symlink(dist.join("index.html"), dist.join("home.html")).unwrap();
    let port = start(&dist, quick());

    for path in [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/assets\\..\\..\\secret.txt",
        "//secret.txt",
        &format!("/{}", tmp.join("secret.txt").display()),
        &format!(
            "/%2f{}",
            tmp.join("secret.txt")
                .display()
                .to_string()
                .trim_start_matches('/')
        ),
        "/%252e%252e/secret.txt",
        "/leak.txt",
        "/up/secret.txt",
        "/up/dist/index.html/../../secret.txt",
        "/room/",
        "/room/index.html",
    ] {
        let r = get(port, path);
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.status);
        assert!(
            !String::from_utf8_lossy(&r.body).contains(SECRET),
            "{path} served the file outside"
        );
    }
    let gz = send(
        port,
        "GET /assets/lib.0123456789.js HTTP/1.1\r\nAccept-Encoding: gzip",
    );
    assert!(
        !String::from_utf8_lossy(&gz.body).contains(SECRET),
        "a linked .gz leads outside"
    );
    let inside = get(port, "/home.html");
    assert_eq!(
        (inside.status, inside.body),
        (200, fs::read(dist.join("index.html")).unwrap())
    );
    let _ = fs::remove_dir_all(&tmp);
}

/// Reads until the server closes `s` (or resets it); panics if it is still open after 10 s.
fn closed_by_server(s: &mut TcpStream) {
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe) => {
                return
            }
            Err(e) => panic!("the server kept the connection open: {e}"),
        }
    }
}

#[test]
fn idle_and_slow_clients_are_disconnected_and_never_stall_the_others() {
    let (tmp, dist) = site("slow");
    let port = start(&dist, quick());
    // Twenty idle sockets, one kept alive after a request, and one that sends its request a
    // byte every 300 ms.
    let mut idle: Vec<TcpStream> = (0..20)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    let mut kept = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(kept, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    let slow = thread::spawn(move || {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        for b in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n" {
            if s.write_all(&[*b]).is_err() {
                return true; // closed by the server before the head was complete
            }
            thread::sleep(Duration::from_millis(300));
        }
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest);
        !rest.starts_with(b"HTTP/1.1 200")
    });
    // Meanwhile every other request is answered.
    for _ in 0..5 {
        assert_eq!(get(port, "/").status, 200);
    }
    // The header-read deadline closes the idle sockets and the kept-alive one; the slow sender
    // never gets its page.
    for s in idle.iter_mut() {
        closed_by_server(s);
    }
    closed_by_server(&mut kept);
    assert!(
        slow.join().unwrap(),
        "the byte-a-time client was disconnected"
    );
    assert_eq!(get(port, "/").status, 200);
    let _ = fs::remove_dir_all(&tmp);
}

#[test]
fn a_client_that_does_not_read_its_response_is_dropped() {
    let (tmp, dist) = site("stalled");
    let size = 64 << 20;
    fs::write(dist.join("assets/big.0123456789.bin"), vec![7u8; size]).unwrap();
    let port = start(&dist, quick());
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET /assets/big.0123456789.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    // Not reading: the socket buffers fill, the server's write waits, its write timeout (2 s)
    // closes the connection.
    thread::sleep(Duration::from_secs(5));
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = 0usize;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) => panic!("the stalled connection stayed open: {e}"),
        }
    }
    assert!(
        got < size,
        "the whole file was sent to a client that did not read ({got} bytes)"
    );
    assert_eq!(get(port, "/").status, 200);
    let _ = fs::remove_dir_all(&tmp);
}

#[test]
fn connections_beyond_the_cap_wait_until_one_closes() {
    let (tmp, dist) = site("cap");
    let limits = Limits {
        header_read: Duration::from_secs(60),
        max_connections: 2,
        ..quick()
    };
    let port = start(
        &dist,
        Limits {
            read: Duration::from_secs(60),
            ..limits
        },
    );
    let a = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let b = TcpStream::connect(("127.0.0.1", port)).unwrap();
    thread::sleep(Duration::from_millis(300));
    let mut third = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        third,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    third
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let mut buf = [0u8; 12];
    let waited = third.read(&mut buf);
    assert!(
        matches!(&waited, Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "the third connection was served beyond the cap: {waited:?}"
    );
    drop(a);
    third
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    third.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"HTTP/1.1 200");
    drop(b);
    let _ = fs::remove_dir_all(&tmp);
}
