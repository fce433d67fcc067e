//! `site-gen serve` for real: it serves the build with the deployment headers, rebuilds when a
//! chapter changes (one log line per rebuild), and after a failed rebuild says why and keeps
//! serving the last good site.
use std::fs;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

mod common;
use common::{copy_dir, get, repo as root};

struct Serve {
    child: Child,
    log: Receiver<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    /// Waits for a log line containing `want`; returns it.
    fn wait_for(&self, want: &str) -> String {
        let until = Instant::now() + Duration::from_secs(60);
        while Instant::now() < until {
            if let Ok(line) = self.log.recv_timeout(Duration::from_millis(200)) {
                if line.contains(want) {
                    return line;
                }
            }
        }
        panic!("serve never logged {want:?}");
    }
}

#[test]
fn serve_rebuilds_on_change_and_keeps_the_last_good_site_after_a_failure() {
    let dir = std::env::temp_dir().join(format!("kyoyu-serve-test-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let content = dir.join("content");
    copy_dir(&root().join("content"), &content);
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(["serve", "--no-app", "--port", &port.to_string()])
        .arg("--root")
        .arg(root())
        .arg("--content")
        .arg(&content)
        .arg("--out")
        .arg(dir.join("dist"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, log) = channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let serve = Serve { child, log };
    serve.wait_for("で配信中");

    let page = "/handbook/maegaki/mokuteki/";
    let r = get(port, page);
    let (status, headers, body) = (r.status, r.headers.to_lowercase(), r.text());
    assert_eq!(status, 200);
    assert!(
        headers.contains("content-security-policy: default-src 'self'"),
        "{headers}"
    );
    assert!(headers.contains("frame-ancestors 'none'"), "{headers}");
    assert!(!body.contains("追記した一文"));

    // A change: one rebuild, one log line, the page shows it.
    let chapter = content.join("handbook/01-maegaki/01-mokuteki.md");
    let mut text = fs::read_to_string(&chapter).unwrap();
    text.push_str("\n追記した一文。\n");
    fs::write(&chapter, &text).unwrap();
    let line = serve.wait_for("再構築");
    assert!(
        line.contains("再構築しました") && line.contains("01-mokuteki.md"),
        "{line}"
    );
    assert!(get(port, page).text().contains("追記した一文"));

    // A broken change: the error is printed with file and line; the last good site stays up.
    text.push_str("\n<script>alert(1)</script>\n");
    fs::write(&chapter, &text).unwrap();
    serve.wait_for("再構築に失敗しました");
    let at = serve.wait_for("01-mokuteki.md:");
    assert!(at.contains("生の HTML"), "{at}");
    let r = get(port, page);
    let (status, body) = (r.status, r.text());
    assert_eq!(status, 200);
    assert!(body.contains("追記した一文") && !body.contains("alert(1)"));
    drop(serve);
    let _ = fs::remove_dir_all(&dir);
}
