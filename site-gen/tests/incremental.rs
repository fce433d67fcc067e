//! `serve`'s rebuilds: a change to one chapter's text re-renders that page and writes only what
//! changed — the result is the same, byte for byte, as a full build of the same content; a
//! change that moves the navigation is a full build; a broken change writes nothing and the
//! next good one still works.
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{options, plant, snapshot, Temp};
use kyoyu_site_gen::{build, Builder};

/// The output without the compressed copies (a rebuild drops those of the files it replaced).
fn files(out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(out)
        .into_iter()
        .filter(|(p, _)| {
            !p.to_string_lossy().ends_with(".gz") && !p.to_string_lossy().ends_with(".br")
        })
        .collect()
}

/// A full build of `content` in a folder of its own.
fn full(t: &Temp, content: &Path, name: &str) -> BTreeMap<PathBuf, Vec<u8>> {
    let out = t.join(name);
    build(&options(content, &out)).unwrap_or_else(|e| panic!("{e:#}"));
    files(&out)
}

#[test]
fn a_one_page_change_rewrites_only_what_changed_and_equals_a_full_build() {
    let t = Temp::new("incremental");
    let content = t.content();
    let out = t.join("out");
    let opts = options(&content, &out);
    let mut builder = Builder::default();
    builder.build(&opts).unwrap_or_else(|e| panic!("{e:#}"));
    let before = files(&out);

    let (file, _) = plant(
        &content,
        "02-kodo-keikaku/01-joho-kyoyu.md",
        "追記された段落。差分再構築の確認語。",
    );
    let r = builder
        .rebuild(&opts, std::slice::from_ref(&file))
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert!(r.incremental, "{r:?}");
    let after = files(&out);
    let changed: Vec<String> = after
        .iter()
        .filter(|(p, b)| before.get(*p) != Some(*b))
        .map(|(p, _)| p.display().to_string())
        .collect();
    // The page, its search shard and the manifest naming it, the search page, the service worker.
    assert_eq!(r.files, changed.len(), "{changed:?}");
    let removed: Vec<_> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    assert_eq!(removed.len(), 2, "the old shard and manifest: {removed:?}");
    assert!(
        changed
            .iter()
            .any(|p| p == "handbook/kodo-keikaku/joho-kyoyu/index.html"),
        "{changed:?}"
    );
    assert!(
        changed.len() <= 5,
        "only what depends on the page: {changed:?}"
    );
    assert!(
        changed.iter().any(|p| p.starts_with("assets/search-0.")),
        "{changed:?}"
    );
    assert_eq!(
        after,
        full(&t, &content, "full-1"),
        "the same as a full build"
    );

    // A title changes every page's navigation: a full build.
    let chapter = content.join("handbook/01-maegaki/02-chui.md");
    let text = fs::read_to_string(&chapter).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title"))
        .unwrap()
        .to_string();
    fs::write(
        &chapter,
        text.replace(&title, "title = \"使用上の注意(改)\""),
    )
    .unwrap();
    let r = builder
        .rebuild(&opts, std::slice::from_ref(&chapter))
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert!(!r.incremental);
    assert_eq!(files(&out), full(&t, &content, "full-2"));

    // A broken link: nothing is written; the fix is rebuilt.
    let good = files(&out);
    let (file, line) = plant(
        &content,
        "02-kodo-keikaku/01-joho-kyoyu.md",
        "[壊れた](/reference/nothing/)",
    );
    let err = format!(
        "{:#}",
        builder
            .rebuild(&opts, std::slice::from_ref(&file))
            .unwrap_err()
    );
    assert!(
        err.contains(&format!(
            "{}:{line}: リンク先のページ /reference/nothing/ がありません",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(files(&out), good, "a failed rebuild writes nothing");
    let fixed = fs::read_to_string(&file)
        .unwrap()
        .replace("[壊れた](/reference/nothing/)", "[直した](/reference/)");
    fs::write(&file, fixed).unwrap();
    builder
        .rebuild(&opts, std::slice::from_ref(&file))
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(files(&out), full(&t, &content, "full-3"));

    // A new file: a full build.
    let new = content.join("handbook/01-maegaki/03-tsuika.md");
    fs::write(&new, "+++\ntitle = \"追加\"\n+++\n\n本文。\n").unwrap();
    let r = builder
        .rebuild(&opts, std::slice::from_ref(&new))
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert!(!r.incremental);
    assert!(out.join("handbook/maegaki/tsuika/index.html").exists());
}
