//! What content may be published, on throw-away copies of content/: drafts are never read in
//! any mode; part leads are checked like chapters; the shipped site has no broken link; two
//! sources never share a URL; heading ids are unique; every entry of content/advisories/ is
//! gated or refused, its id fits a URL, and its bytes are UTF-8 — each error in Japanese with
//! the file and line.
mod common;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use common::{options, plant, snapshot, write, Temp};
use kyoyu_site_gen::{build, check, html::outline};

const SECRET: &str = "SECRET-DRAFT-7f3a";

fn error_of(r: anyhow::Result<impl std::fmt::Debug>) -> String {
    format!("{:#}", r.expect_err("the build must fail"))
}

#[test]
fn drafts_are_never_read_in_any_mode() {
    let t = Temp::new("drafts");
    let content = t.content();
    write(
        &content.join("advisory-drafts/zz-note.md"),
        &format!("# 下書き\n\n{SECRET}\n"),
    );
    // No handbook/ folder: the content folder itself is read, as with `--content DIR`.
    fs::rename(content.join("handbook"), content.join("chapters")).unwrap();
    write(
        &content.join("chapters/01-maegaki/Advisory-Drafts/zz.md"),
        &format!("# 下書き\n\n{SECRET}\n"),
    );
    let out = t.join("out");
    let report = build(&options(&content, &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let said = report.to_string();
    assert!(
        said.contains("advisory-drafts") && said.contains("Advisory-Drafts"),
        "the build says what it left unread:\n{said}"
    );
    assert!(
        out.join("handbook/chapters/maegaki/mokuteki/index.html")
            .exists(),
        "the chapters are published"
    );
    for (path, bytes) in snapshot(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(SECRET),
            "{} holds a draft",
            path.display()
        );
        assert!(
            !path
                .to_string_lossy()
                .to_lowercase()
                .contains("advisory-drafts"),
            "{}",
            path.display()
        );
    }
    check(&options(&content, &out)).unwrap_or_else(|e| panic!("{e:#}"));

    // `--content` pointing at the drafts themselves publishes nothing.
    let before = snapshot(&out);
    let msg = error_of(build(&options(&content.join("advisory-drafts"), &out)));
    assert!(
        msg.contains("下書きのフォルダ advisory-drafts の中は公開できません"),
        "{msg}"
    );
    assert_eq!(snapshot(&out), before);
}

#[test]
fn part_leads_are_checked_like_chapters() {
    let cases = [
        ("<b>太字</b>", "生の HTML は使えません"),
        (
            "[実行](javascript:alert(1))",
            "リンク先に javascript: は使えません",
        ),
        ("[x](VBScript:msgbox)", "リンク先に vbscript: は使えません"),
        (
            "![図](data:image/png;base64,AAAA)",
            "リンク先に data: は使えません",
        ),
        ("[電話](tel:0312345678)", "リンク先に tel: は使えません"),
        (
            "[章](09-nai.md)",
            "リンク先のファイル 09-nai.md がありません",
        ),
        (
            "[見出し](01-mokuteki.md#no-such-heading)",
            "リンク先 /handbook/maegaki/mokuteki/ に見出し #no-such-heading がありません",
        ),
    ];
    for (text, expect) in cases {
        let t = Temp::new("lead");
        let content = t.content();
        let (file, line) = plant(&content, "01-maegaki/_part.md", text);
        let msg = error_of(check(&options(&content, &t.join("out"))));
        let at = format!("{}:{line}: {expect}", file.display());
        assert!(msg.contains(&at), "{text}: expected {at} in\n{msg}");
    }
}

/// The site path a link of the page at `url` points at, and its fragment.
fn resolve(url: &str, href: &str) -> Option<(String, Option<String>)> {
    if href.starts_with("http:") || href.starts_with("https:") || href.starts_with("mailto:") {
        return None;
    }
    let (path, frag) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    let abs = if path.is_empty() {
        url.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{}{path}", &url[..url.rfind('/').unwrap() + 1])
    };
    let file = if abs.ends_with('/') {
        format!("{}index.html", &abs[1..])
    } else {
        abs[1..].to_string()
    };
    Some((file, frag))
}

fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            s.get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok()),
        ) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn the_shipped_site_has_no_broken_links() {
    let t = Temp::new("links");
    let out = t.join("out");
    build(&options(&common::root().join("content"), &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let files = snapshot(&out);
    let ids_of = |file: &str| -> Option<HashSet<String>> {
        let bytes = files.get(Path::new(file))?;
        Some(
            outline(&String::from_utf8_lossy(bytes))
                .ids
                .into_iter()
                .collect(),
        )
    };
    let mut broken = Vec::new();
    let mut links = 0;
    let mut from_part_pages = 0;
    for (path, bytes) in &files {
        let p = path.to_string_lossy();
        if !p.ends_with(".html") {
            continue;
        }
        let url = format!("/{}", p.trim_end_matches("index.html"));
        let page = outline(&String::from_utf8_lossy(bytes));
        let own: HashSet<&str> = page.ids.iter().map(String::as_str).collect();
        assert_eq!(
            own.len(),
            page.ids.len(),
            "{url}: an id twice: {:?}",
            page.ids
        );
        for href in &page.links {
            let Some((file, frag)) = resolve(&url, href) else {
                continue;
            };
            links += 1;
            let Some(ids) = ids_of(&file) else {
                // The form filler is not built here (its page is tested in the browser).
                if file != "app/index.html" {
                    broken.push(format!("{url} → {href}"));
                }
                continue;
            };
            if let Some(f) = frag.filter(|f| !f.is_empty() && !f.starts_with('/')) {
                // A browser finds the id as written or percent-decoded (pulldown-cmark encodes).
                if !ids.contains(&f) && !ids.contains(&percent_decoded(&f)) {
                    broken.push(format!("{url} → {href} (#{f})"));
                }
            }
            if url.matches('/').count() == 3
                && url.starts_with("/handbook/")
                && file.starts_with("handbook/")
                && file.matches('/').count() == 3
            {
                from_part_pages += 1;
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken links of {links}:\n{}",
        broken.len(),
        broken.join("\n")
    );
    // Each part page links to its chapters from its lead and its list (the 14 lead links of
    // the handbook were `01-mokuteki.md`-style hrefs that 404ed).
    assert!(
        from_part_pages >= 2 * 14,
        "{from_part_pages} links from part pages to chapters"
    );
    assert!(links > 1000, "{links} links checked");
}

#[test]
fn two_sources_on_one_url_are_an_error_naming_both() {
    let t = Temp::new("clash");
    let content = t.content();
    let hb = content.join("handbook");
    write(
        &hb.join("01-maegaki/08-mokuteki.md"),
        "+++\ntitle = \"別の目的\"\n+++\n\n本文。\n",
    );
    let msg = error_of(check(&options(&content, &t.join("out"))));
    assert!(
        msg.contains(&hb.join("01-maegaki/01-mokuteki.md").display().to_string()),
        "{msg}"
    );
    assert!(
        msg.contains(&hb.join("01-maegaki/08-mokuteki.md").display().to_string()),
        "{msg}"
    );
    assert!(
        msg.contains("同じ URL /handbook/maegaki/mokuteki/"),
        "{msg}"
    );

    // A folder named like a chapter.
    let flat = t.join("flat");
    write(&flat.join("notes/intro.md"), "# 入門\n\n本文。\n");
    write(&flat.join("notes/01-intro/a.md"), "# A\n\n本文。\n");
    let msg = error_of(check(&options(&flat, &t.join("out2"))));
    assert!(
        msg.contains("notes/intro.md") && msg.contains("notes/01-intro"),
        "{msg}"
    );
    assert!(msg.contains("同じ URL /handbook/notes/intro/"), "{msg}");
}

#[test]
fn heading_ids_are_unique_on_a_page() {
    let t = Temp::new("ids");
    let content = t.content();
    plant(
        &content,
        "01-maegaki/02-chui.md",
        "## a\n\n## a\n\n## a-1\n\n## main\n\n[最後へ](#a-1-1)",
    );
    let out = t.join("out");
    build(&options(&content, &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let ids =
        outline(&fs::read_to_string(out.join("handbook/maegaki/chui/index.html")).unwrap()).ids;
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    for id in ["a", "a-1", "a-1-1", "main-1", "main"] {
        assert!(ids.iter().any(|i| i == id), "{id}: {ids:?}");
    }
}

/// A copy of a shipped advisory with another id (its `id` line is line 4).
fn advisory(id: &str) -> String {
    let text =
        fs::read_to_string(common::root().join("content/advisories/KY-2025-0008-1.md")).unwrap();
    assert_eq!(text.lines().nth(3), Some("id = \"KY-2025-0008\""));
    text.replace("id = \"KY-2025-0008\"", &format!("id = \"{id}\""))
}

#[test]
fn every_entry_under_advisories_is_gated_or_refused() {
    let t = Temp::new("entries");
    let content = t.content();
    let adv = content.join("advisories");
    let out = t.join("out");
    let opts = options(&content, &out);
    build(&opts).unwrap_or_else(|e| panic!("{e:#}"));
    let before = snapshot(&out);
    type Make<'a> = Box<dyn Fn(&Path) + 'a>;
    let cases: Vec<(&str, Make)> = vec![
        (
            "link.md",
            Box::new(|p: &Path| {
                std::os::unix::fs::symlink(content.join("advisory-drafts/README.md"), p).unwrap()
            }),
        ),
        ("KY-X.MD", Box::new(|p: &Path| write(p, &advisory("KY-X")))),
        (
            "KY-X.markdown",
            Box::new(|p: &Path| write(p, &advisory("KY-X"))),
        ),
        (".KY-X.md", Box::new(|p: &Path| write(p, &advisory("KY-X")))),
        (
            "KY-X.md.bak",
            Box::new(|p: &Path| write(p, &advisory("KY-X"))),
        ),
        ("notes.txt", Box::new(|p: &Path| write(p, "メモ"))),
        (
            "advisory-drafts",
            Box::new(|p: &Path| write(&p.join("x.md"), &advisory("KY-X"))),
        ),
        (
            ".hidden",
            Box::new(|p: &Path| write(&p.join("x.md"), &advisory("KY-X"))),
        ),
    ];
    for (name, make) in cases {
        let path = adv.join(name);
        make(&path);
        let msg = error_of(build(&opts));
        assert!(
            msg.contains(&format!("{}: ", path.display())),
            "{name}: not named in\n{msg}"
        );
        assert!(msg.contains("置け"), "{name}: {msg}");
        assert!(!msg.contains("SECRET"), "{msg}");
        assert_eq!(snapshot(&out), before, "{name}: the previous build changed");
        if path.is_dir() {
            fs::remove_dir_all(&path).unwrap()
        } else {
            fs::remove_file(&path).unwrap()
        }
    }
    build(&opts).unwrap_or_else(|e| panic!("{e:#}"));
}

#[test]
fn advisory_ids_that_clash_or_are_too_long_are_refused_at_their_line() {
    let t = Temp::new("ids-adv");
    let content = t.content();
    let out = t.join("out");
    let opts = options(&content, &out);
    let file = content.join("advisories/zz-id.md");
    let long = "A".repeat(65);
    let cases: BTreeMap<&str, &str> = BTreeMap::from([
        ("feed.atom", "/advisories/feed.atom と同じ URL"),
        ("index.html", "/advisories/index.html と同じ URL"),
        ("Sector", "/advisories/sector と同じ URL"),
        (
            long.as_str(),
            "識別番号が 65 文字あります。URL に使うため 64 文字以内",
        ),
    ]);
    for (id, expect) in cases {
        write(&file, &advisory(id));
        let msg = error_of(build(&opts));
        assert!(
            msg.contains(&format!("{}:4: ", file.display())) && msg.contains(expect),
            "{id}: {msg}"
        );
        assert!(!out.exists(), "{id}: nothing written");
    }
    write(&file, &advisory(&"A".repeat(64)));
    build(&opts).unwrap_or_else(|e| panic!("{e:#}"));
    assert!(out
        .join(format!("advisories/{}/1/index.html", "A".repeat(64)))
        .exists());
}

#[test]
fn non_utf8_content_is_refused_in_japanese_with_its_line() {
    let t = Temp::new("utf8");
    let content = t.content();
    let file = content.join("advisories/zz-bytes.md");
    let mut bytes = advisory("KY-BYTES").into_bytes();
    let third_line = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    bytes.insert(third_line, 0xff);
    fs::write(&file, &bytes).unwrap();
    let msg = error_of(check(&options(&content, &t.join("out"))));
    let at = format!(
        "{}:3: UTF-8 として読めないバイトがあります(先頭から {third_line} バイト目): invalid utf-8",
        file.display()
    );
    assert!(msg.contains(&at), "expected {at} in\n{msg}");

    fs::remove_file(&file).unwrap();
    let chapter = content.join("handbook/01-maegaki/02-chui.md");
    let mut bytes = fs::read(&chapter).unwrap();
    bytes.extend_from_slice(b"\n\xe6\x97\n");
    let lines = bytes.iter().filter(|b| **b == b'\n').count();
    fs::write(&chapter, &bytes).unwrap();
    let msg = error_of(check(&options(&content, &t.join("out"))));
    assert!(
        msg.contains(&format!(
            "{}:{lines}: UTF-8 として読めないバイト",
            chapter.display()
        )),
        "{msg}"
    );
}
