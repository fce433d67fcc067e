//! `site-gen serve` for real: it serves the build with the deployment headers, rebuilds when a
//! chapter changes (one log line per rebuild), and after a failed rebuild says why and keeps
//! serving the last good site.
use std::fs;

mod common;
use common::{get, serve_site, Temp};

#[test]
fn serve_rebuilds_on_change_and_keeps_the_last_good_site_after_a_failure() {
    let t = Temp::new("serve");
    let content = t.content();
    let (serve, port) = serve_site(&content, &t.join("dist"));
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
}
