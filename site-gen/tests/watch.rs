//! `site-gen serve`'s watch loop for real: the feed and the sitemap point at the served origin,
//! a change to a chapter's text is rebuilt incrementally (one log line, only that page among the
//! chapters rewritten), and a change of title is a full rebuild.
mod common;

use std::fs;

use common::{serve_site, Temp};

#[test]
fn serve_uses_its_origin_and_rebuilds_a_changed_chapter_incrementally() {
    let t = Temp::new("watch");
    let content = t.content();
    let out = t.join("dist");
    let (serve, port) = serve_site(&content, &out);
    serve.wait_for("の変更を監視しています");
    let origin = format!("http://127.0.0.1:{port}/");
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains(&format!("<loc>{origin}handbook/</loc>")),
        "{sitemap}"
    );
    let feed = fs::read_to_string(out.join("advisories/feed.atom")).unwrap();
    assert!(
        feed.contains(&format!("{origin}advisories/")) && !feed.contains(":8080/"),
        "{feed}"
    );

    let other = out.join("handbook/maegaki/chui/index.html");
    let other_before = (
        fs::read(&other).unwrap(),
        fs::metadata(&other).unwrap().modified().unwrap(),
    );
    let chapter = content.join("handbook/01-maegaki/01-mokuteki.md");
    let mut text = fs::read_to_string(&chapter).unwrap();
    text.push_str("\n差分で書き直された一文。\n");
    fs::write(&chapter, &text).unwrap();
    let line = serve.wait_for("再構築");
    assert!(
        line.contains("(差分)") && line.contains("01-mokuteki.md"),
        "{line}"
    );
    assert!(
        fs::read_to_string(out.join("handbook/maegaki/mokuteki/index.html"))
            .unwrap()
            .contains("差分で書き直された一文")
    );
    assert_eq!(
        (
            fs::read(&other).unwrap(),
            fs::metadata(&other).unwrap().modified().unwrap()
        ),
        other_before,
        "another chapter is not rewritten"
    );

    // A new title moves every page's navigation: a full rebuild.
    fs::write(&chapter, text.replacen("title = \"", "title = \"改題 ", 1)).unwrap();
    let line = serve.wait_for("再構築");
    assert!(
        line.contains("再構築しました") && !line.contains("(差分)"),
        "{line}"
    );
    assert!(
        fs::read_to_string(&other).unwrap().contains("改題 "),
        "the sidebar of other pages shows the new title"
    );
}
