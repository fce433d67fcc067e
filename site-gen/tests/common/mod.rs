//! Helpers shared by the integration tests of the dev server and the output folder: the
//! repository's folder, copying a tree, and a raw HTTP/1.1 client (raw, so that paths such as
//! `/../x` reach the server exactly as written).
#![allow(dead_code)] // each test binary uses its own part
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The repository (the workspace root).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Copies the tree `from` to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// An HTTP response as read off the socket.
pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: Vec<u8>,
}

impl Response {
    /// The value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<String> {
        let want = format!("{}:", name.to_lowercase());
        self.headers
            .lines()
            .find(|l| l.to_lowercase().starts_with(&want))
            .map(|l| l[want.len()..].trim().to_string())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// Sends `request` (the request line and any headers, without the final blank line) to
/// 127.0.0.1:`port` and reads the response until the server closes the connection.
pub fn send(port: u16, request: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "{request}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let (status_line, headers) = head.split_once("\r\n").unwrap_or((&head, ""));
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    Response {
        status,
        headers: headers.to_string(),
        body: raw[split + 4..].to_vec(),
    }
}

/// GET `path`.
pub fn get(port: u16, path: &str) -> Response {
    send(port, &format!("GET {path} HTTP/1.1"))
}
