//! Pages whose size does not grow with the site: a flat folder, many folders, a deep tree. Each
//! chapter page holds its neighbourhood and links to the contents pages; the whole navigation
//! is one shared file; the handbook's own pages keep their full sidebar. A large site's search
//! index is split into shards.
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{options, snapshot, write, Temp};
use kyoyu_site_gen::{build, html::outline};

/// The folders of a corpus of `n` chapters: one folder, folders of 10, or a chain of nested
/// folders of 10 each.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Flat,
    Folders,
    Deep,
}

/// The folder of chapter `i` (`01-notes`, `012-part12`, `00-l0/01-l1/…`).
fn folder(shape: Shape, i: usize) -> String {
    match shape {
        Shape::Flat => "01-notes".to_string(),
        Shape::Folders => format!("{:03}-part{}", i / 10, i / 10),
        Shape::Deep => (0..=i / 10)
            .map(|d| format!("{d:02}-l{d}"))
            .collect::<Vec<_>>()
            .join("/"),
    }
}

/// The URL of chapter `i`: the order prefixes dropped.
fn url(shape: Shape, i: usize) -> String {
    let dirs: Vec<String> = folder(shape, i)
        .split('/')
        .map(|s| s.split_once('-').unwrap().1.to_string())
        .collect();
    format!("/handbook/{}/p{i}/", dirs.join("/"))
}

fn corpus(dir: &Path, shape: Shape, n: usize) {
    for i in 0..n {
        let next = if i + 1 < n && (i + 1) / 10 == i / 10 {
            format!("[次へ]({:04}-p{}.md)", i + 1, i + 1)
        } else {
            String::new()
        };
        write(
            &dir.join(folder(shape, i)).join(format!("{i:04}-p{i}.md")),
            &format!("+++\ntitle = \"ページ {i}\"\n+++\n\n## 概要\n\n情報共有の本文 {i}。{next}\n"),
        );
    }
}

/// The links of a page's sidebar.
fn sidebar_links(html: &str) -> Vec<String> {
    let side = html
        .split("<nav class=\"sidebar\"")
        .nth(1)
        .unwrap()
        .split("</nav>")
        .next()
        .unwrap();
    outline(side).links
}

/// The size of chapter `at`'s page, and the most sidebar links on any chapter page.
fn measure(out: &Path, shape: Shape, at: usize) -> (usize, usize) {
    let mut links = 0;
    for (path, bytes) in snapshot(out) {
        let p = path.to_string_lossy();
        let is_chapter = p
            .rsplit('/')
            .nth(1)
            .is_some_and(|d| d.starts_with('p') && d[1..].bytes().all(|b| b.is_ascii_digit()));
        if !p.starts_with("handbook/") || !is_chapter {
            continue;
        }
        links = links.max(sidebar_links(&String::from_utf8(bytes).unwrap()).len());
    }
    let page = fs::read(
        out.join(url(shape, at).trim_start_matches('/'))
            .join("index.html"),
    )
    .unwrap();
    (page.len(), links)
}

fn built(t: &Temp, name: &str, shape: Shape, n: usize) -> PathBuf {
    let content = t.join(&format!("{name}-content"));
    corpus(&content, shape, n);
    let out = t.join(&format!("{name}-out"));
    build(&options(&content, &out)).unwrap_or_else(|e| panic!("{shape:?} {n}: {e:#}"));
    out
}

#[test]
fn a_page_does_not_grow_with_the_site_whatever_its_shape() {
    let t = Temp::new("scale");
    for shape in [Shape::Flat, Shape::Folders, Shape::Deep] {
        let small = built(&t, &format!("{shape:?}-small"), shape, 150);
        let large = built(&t, &format!("{shape:?}-large"), shape, 600);
        // The same page (the same depth of the deep tree) in a site four times as large.
        let (small_bytes, small_links) = measure(&small, shape, 75);
        let (large_bytes, large_links) = measure(&large, shape, 75);
        eprintln!("{shape:?}: 150 pages → {small_bytes} B, {small_links} links; 600 pages → {large_bytes} B, {large_links} links");
        assert!(small_bytes > 0 && large_bytes > 0);
        assert!(
            large_bytes <= small_bytes + 200,
            "{shape:?}: {small_bytes} → {large_bytes} bytes"
        );
        assert!(
            large_links <= 40,
            "{shape:?}: {large_links} links in a sidebar"
        );
        assert!(
            large_links <= small_links + 2,
            "{shape:?}: {small_links} → {large_links} links"
        );

        // No JavaScript needed: every page is reachable from the contents pages, which list
        // everything; and the one navigation file holds every page for the script.
        let index = fs::read_to_string(large.join("handbook/index.html")).unwrap();
        let links = outline(&index).links;
        assert!(
            (0..600).all(|i| links.contains(&url(shape, i))),
            "{shape:?}: the contents page lists every page"
        );
        let chapter = fs::read_to_string(
            large
                .join(url(shape, 300).trim_start_matches('/'))
                .join("index.html"),
        )
        .unwrap();
        let nav_url = chapter
            .split("data-nav=\"")
            .nth(1)
            .expect("a large site's sidebar names the navigation file")
            .split('"')
            .next()
            .unwrap();
        // Stored once, gzip-compressed (site.js reads it through json.js).
        assert!(nav_url.ends_with(".json.gz"), "{nav_url}");
        let gz = fs::read(large.join(nav_url.trim_start_matches('/'))).unwrap();
        let nav: serde_json::Value =
            serde_json::from_reader(flate2::read::GzDecoder::new(&gz[..])).unwrap();
        let all: usize = nav["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["links"].as_array().unwrap().len())
            .sum();
        assert!(all >= 600, "{shape:?}: {all} links in the navigation file");
        assert!(
            snapshot(&large)
                .keys()
                .filter(|p| p.to_string_lossy().contains("/search-"))
                .count()
                >= 2,
            "{shape:?}: the index is sharded"
        );
    }
}

#[test]
fn the_handbook_keeps_its_full_sidebar() {
    let t = Temp::new("scale-handbook");
    let out = t.join("out");
    build(&options(&common::root().join("content"), &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let page = fs::read_to_string(out.join("handbook/kankei-horei/yogo/index.html")).unwrap();
    assert!(
        !page.contains("data-nav="),
        "no navigation file for a small site"
    );
    let links = sidebar_links(&page);
    for url in [
        "/handbook/maegaki/mokuteki/",
        "/handbook/hoka-taisei/jisp/",
        "/handbook/kankei-horei/",
        "/handbook/kankei-horei/yogo/",
    ] {
        assert!(
            links.iter().any(|l| l == url),
            "{url} in the sidebar: {links:?}"
        );
    }
}
