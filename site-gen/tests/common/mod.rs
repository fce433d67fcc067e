//! Helpers the site-gen tests share: throw-away folders, copies of content/, snapshots, a
//! running `site-gen serve`, and a raw HTTP/1.1 client (raw, so that paths such as `/../x`
//! reach the server exactly as written).
#![allow(dead_code)] // each test binary uses its own part
use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use kyoyu_site_gen::Options;

/// The repository (the workspace root).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A fresh temporary folder, removed when dropped.
pub struct Temp(pub PathBuf);

impl Temp {
    pub fn new(name: &str) -> Temp {
        let dir =
            std::env::temp_dir().join(format!("kyoyu-site-gen-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Temp(dir)
    }

    pub fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }

    /// A copy of the repository's content/ at `<temp>/content`.
    pub fn content(&self) -> PathBuf {
        let c = self.join("content");
        copy_dir(&root().join("content"), &c);
        c
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
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

/// Options for building `content` into `out` without the app.
pub fn options(content: &Path, out: &Path) -> Options {
    let root = root();
    Options {
        content: content.to_path_buf(),
        public: root.join("public"),
        out: out.to_path_buf(),
        with_app: false,
        base_url: "http://127.0.0.1:8080".into(),
        root,
    }
}

pub fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Every file below `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Appends `text` to `content/handbook/<rel>`; returns the file and the 1-based line `text`
/// starts on.
pub fn plant(content: &Path, rel: &str, text: &str) -> (PathBuf, usize) {
    let file = content.join("handbook").join(rel);
    let mut body = fs::read_to_string(&file).unwrap();
    if !body.ends_with('\n') {
        body.push('\n');
    }
    body.push('\n');
    let line = body.lines().count() + 1;
    body.push_str(text);
    body.push('\n');
    fs::write(&file, body).unwrap();
    (file, line)
}

/// A running `site-gen serve` and the lines it logs; stopped when dropped.
pub struct Serve {
    child: std::process::Child,
    log: std::sync::mpsc::Receiver<String>,
}

/// `site-gen serve --no-app` of `content` into `out` on a free port of 127.0.0.1, with the
/// repository as its root: the running server and its port.
pub fn serve_site(content: &Path, out: &Path) -> (Serve, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let serve = Serve::start(
        std::process::Command::new(env!("CARGO_BIN_EXE_site-gen"))
            .args(["serve", "--no-app", "--port", &port.to_string()])
            .arg("--root")
            .arg(root())
            .arg("--content")
            .arg(content)
            .arg("--out")
            .arg(out),
    );
    (serve, port)
}

impl Serve {
    pub fn start(command: &mut std::process::Command) -> Serve {
        use std::io::BufRead;
        let mut child = command
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, log) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        Serve { child, log }
    }

    /// Waits for a log line containing `want`; returns it.
    pub fn wait_for(&self, want: &str) -> String {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while std::time::Instant::now() < until {
            if let Ok(line) = self.log.recv_timeout(std::time::Duration::from_millis(200)) {
                if line.contains(want) {
                    return line;
                }
            }
        }
        panic!("serve never logged {want:?}");
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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
