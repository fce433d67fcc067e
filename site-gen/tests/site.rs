//! The publisher end to end, on a copy of the real content: `check` passes on it, fails with
//! file:line on a planted broken link and on planted raw `<script>`, and a failed `build` leaves
//! the previous output folder byte for byte as it was.
use std::fs;

mod common;

use common::{options, plant, root, snapshot as tree, Temp};
use kyoyu_site_gen::{build, check};

#[test]
fn the_real_content_passes_check() {
    let t = Temp::new("site-real");
    let dir = t.0.clone();
    let opts = options(&root().join("content"), &dir.join("out"));
    let n = check(&opts).unwrap_or_else(|e| panic!("{e:#}"));
    assert!(n >= 19, "{n} files checked");
    assert!(!dir.join("out").exists(), "check writes nothing");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_link_fails_check_with_file_and_line() {
    let t = Temp::new("site-link");
    let dir = t.0.clone();
    let content = t.content();
    let (file, line) = plant(
        &content,
        "01-maegaki/01-mokuteki.md",
        "詳しくは[存在しない章](../09-nai/01-nai.md)を参照。",
    );
    let err = format!(
        "{:#}",
        check(&options(&content, &dir.join("out"))).unwrap_err()
    );
    let at = format!("{}:{line}:", file.display());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    assert!(err.contains("01-nai.md"), "{err}");
    // Only that problem: a page with errors must not shift the anchors of the others.
    assert!(err.contains("1 件の問題"), "{err}");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_link_to_a_missing_page_or_anchor_fails_check_with_file_and_line() {
    let t = Temp::new("site-anchor");
    let dir = t.0.clone();
    let content = t.content();
    let (file, line) = plant(
        &content,
        "02-kodo-keikaku/01-joho-kyoyu.md",
        "[原因](/reference/causes/#no-such-cause)と[表](/reference/nothing/)",
    );
    let err = format!(
        "{:#}",
        check(&options(&content, &dir.join("out"))).unwrap_err()
    );
    let at = format!("{}:{line}:", file.display());
    assert!(
        err.contains(&format!(
            "{at} リンク先 /reference/causes/ に見出し #no-such-cause がありません"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{at} リンク先のページ /reference/nothing/ がありません"
        )),
        "{err}"
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn raw_script_fails_check_with_file_and_line() {
    let t = Temp::new("site-script");
    let dir = t.0.clone();
    let content = t.content();
    let (file, line) = plant(
        &content,
        "05-kankei-horei/02-yogo.md",
        "<script>alert(1)</script>",
    );
    let err = format!(
        "{:#}",
        check(&options(&content, &dir.join("out"))).unwrap_err()
    );
    let at = format!("{}:{line}: 生の HTML は使えません", file.display());
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unknown_directive_fails_check_naming_it() {
    let t = Temp::new("site-directive");
    let dir = t.0.clone();
    let content = t.content();
    let (file, line) = plant(
        &content,
        "02-kodo-keikaku/02-joho-renraku.md",
        "{{table:nonexistent}}",
    );
    let err = format!(
        "{:#}",
        check(&options(&content, &dir.join("out"))).unwrap_err()
    );
    let at = format!(
        "{}:{line}: 未対応の指定です: {{{{table:nonexistent}}}}",
        file.display()
    );
    assert!(err.contains(&at), "expected {at} in:\n{err}");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_failed_build_leaves_the_previous_output_unchanged() {
    let t = Temp::new("site-build");
    let dir = t.0.clone();
    let content = t.content();
    let out = dir.join("out");
    let opts = options(&content, &out);
    build(&opts).unwrap_or_else(|e| panic!("{e:#}"));
    let before = tree(&out);
    assert!(before
        .keys()
        .any(|p| p.ends_with("reference/causes/index.html")));
    assert!(before
        .keys()
        .any(|p| p.to_string_lossy().contains("search-index.")));
    let siblings_before: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();

    let (file, line) = plant(
        &content,
        "03-hoka-taisei/02-cista.md",
        "[壊れたリンク](nope.md)",
    );
    let err = format!("{:#}", build(&opts).unwrap_err());
    assert!(
        err.contains(&format!("{}:{line}:", file.display())),
        "{err}"
    );
    let after = tree(&out);
    assert_eq!(before.len(), after.len(), "same files");
    for (path, bytes) in &before {
        assert!(after.get(path) == Some(bytes), "{} changed", path.display());
    }
    let mut siblings_after: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let mut sb = siblings_before.clone();
    sb.sort();
    siblings_after.sort();
    assert_eq!(sb, siblings_after, "no staging folder left behind");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_build_writes_reference_pages_schemas_and_a_small_search_index() {
    let t = Temp::new("site-pages");
    let dir = t.0.clone();
    let out = dir.join("out");
    build(&options(&root().join("content"), &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let read = |p: &str| fs::read_to_string(out.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let causes = read("reference/causes/index.html");
    assert_eq!(causes.matches("class=\"cause-group\"").count(), 4);
    assert_eq!(causes.matches("<div class=\"cause\" id=").count(), 17);
    assert!(
        causes.contains("適切なシステム等運用の未実施")
            && causes.contains("適切なシステム運用等の未実施")
    );
    assert_eq!(
        read("reference/glossary/index.html")
            .matches("<dt id=")
            .count(),
        33
    );
    assert_eq!(
        read("reference/sectors/index.html")
            .matches("<tr class=\"sector\"")
            .count(),
        15
    );
    assert!(read("reference/sectors/finance/index.html").contains("class=\"uncertain\""));
    for k in ["incident", "ddos", "ransomware", "advisory"] {
        let v: serde_json::Value =
            serde_json::from_str(&read(&format!("schemas/{k}.schema.json"))).unwrap();
        assert_eq!(v["properties"]["kind"]["const"], k);
        assert!(read(&format!("forms/{k}/index.html")).contains(&format!("/app/#/new/{k}")));
    }
    let search = read("search/index.html");
    let index_url = search
        .split("data-index=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join(index_url.trim_start_matches('/'))).unwrap())
            .unwrap();
    let shards = manifest["shards"].as_array().unwrap();
    assert_eq!(shards.len(), 1, "a small site has one shard: {manifest}");
    let shard = shards[0].as_str().unwrap();
    let index = fs::read(out.join(shard.trim_start_matches('/'))).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&index).unwrap();
    for key in ["港湾", "ddos"] {
        let pages = kyoyu_site_gen::search::postings(&v["keys"][key]);
        assert!(
            pages.is_some_and(|p| !p.is_empty()),
            "{key}: {}",
            v["keys"][key]
        );
    }
    assert!(out.join("assets/search.js").exists());
    let sw = read("sw.js");
    assert!(
        sw.contains(index_url) && sw.contains(shard),
        "the service worker precaches the index"
    );
    eprintln!("search index: {} bytes", index.len());
    fs::remove_dir_all(&dir).ok();
}
