//! The advisories: the TLP gate fails closed and atomically, the feed, the STIX bundles.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kyoyu_site_gen::{build, Options};
use serde_json::Value;

const BASE: &str = "https://kyoyu.example";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A content folder in a fresh temporary folder: a one-chapter handbook and a copy of the
/// repository's `content/advisories/`.
struct Fixture {
    dir: PathBuf,
    opts: Options,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir =
            std::env::temp_dir().join(format!("kyoyu-advisories-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let content = dir.join("content");
        let chapter = content.join("handbook/01-part");
        fs::create_dir_all(&chapter).unwrap();
        fs::write(
            chapter.join("01-chapter.md"),
            "+++\ntitle = \"章\"\n+++\n\n本文。\n",
        )
        .unwrap();
        let adv = content.join("advisories");
        fs::create_dir_all(&adv).unwrap();
        for e in fs::read_dir(repo().join("content/advisories")).unwrap() {
            let e = e.unwrap();
            fs::copy(e.path(), adv.join(e.file_name())).unwrap();
        }
        let opts = Options {
            root: repo(),
            content,
            public: repo().join("public"),
            out: dir.join("dist"),
            with_app: false,
            base_url: BASE.into(),
        };
        Fixture { dir, opts }
    }

    fn advisories(&self) -> PathBuf {
        self.opts.content.join("advisories")
    }

    fn out(&self, rel: &str) -> PathBuf {
        self.opts.out.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.out(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    fn build(&self) {
        build(&self.opts).unwrap_or_else(|e| panic!("build failed: {e:#}"));
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Every file under `dir`, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            m.insert(
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            );
        }
    }
    m
}

/// A valid CLEAR advisory whose line 6 is the `tlp` line.
const TEMPLATE: &str = "+++
importance = \"caution\"
number = 1
id = \"GATE-TEST\"
date = \"2025-10-02T09:00\"
tlp = \"CLEAR\"
annex = \"no\"

[[recipients]]
ministry = \"総務省\"
sector = \"telecom\"
+++

## ① 概要

ゲートの試験。
";
const TLP_LINE: usize = 6;

fn with_tlp(line: Option<&str>) -> String {
    TEMPLATE
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            if i + 1 == TLP_LINE {
                line.map(str::to_string)
            } else {
                Some(l.to_string())
            }
        })
        .map(|l| l + "\n")
        .collect()
}

#[test]
fn the_gate_fails_closed_and_leaves_the_previous_build() {
    let fx = Fixture::new("gate");
    fx.build();
    let before = snapshot(&fx.opts.out);
    assert!(before.keys().any(|p| p.ends_with("advisories/index.html")));

    // The template itself is published (the gate is not refusing everything).
    let file = fx.advisories().join("zz-gate.md");
    fs::write(&file, with_tlp(Some("tlp = \"CLEAR\""))).unwrap();
    fx.build();
    assert!(fx.out("advisories/GATE-TEST/1/index.html").exists());
    fs::remove_file(&file).unwrap();
    fx.build();
    let before = {
        let now = snapshot(&fx.opts.out);
        assert_eq!(now.len(), before.len());
        now
    };

    let cases: &[(&str, Option<&str>, usize, &str)] = &[
        ("RED", Some("tlp = \"RED\""), TLP_LINE, "TLP:RED"),
        (
            "AMBER+STRICT",
            Some("tlp = \"AMBER+STRICT\""),
            TLP_LINE,
            "TLP:AMBER+STRICT",
        ),
        ("AMBER", Some("tlp = \"AMBER\""), TLP_LINE, "TLP:AMBER"),
        ("GREEN", Some("tlp = \"GREEN\""), TLP_LINE, "TLP:GREEN"),
        ("missing", None, 1, "tlp がありません"),
        ("lower case", Some("tlp = \"clear\""), TLP_LINE, "大文字"),
        ("stray space", Some("tlp = \"CLEAR \""), TLP_LINE, "空白"),
        (
            "TLP 1.0 WHITE",
            Some("tlp = \"WHITE\""),
            TLP_LINE,
            "CLEAR と書いて",
        ),
        ("prefixed", Some("tlp = \"TLP:CLEAR\""), TLP_LINE, "TLP:"),
        ("not a string", Some("tlp = true"), TLP_LINE, "文字列"),
    ];
    for (name, line, expect_line, expect_text) in cases {
        fs::write(&file, with_tlp(*line)).unwrap();
        let err = build(&fx.opts).expect_err(name);
        let msg = format!("{err:#}");
        let at = format!("zz-gate.md:{expect_line}:");
        assert!(msg.contains(&at), "{name}: expected {at} in\n{msg}");
        assert!(
            msg.contains(expect_text),
            "{name}: expected {expect_text:?} in\n{msg}"
        );
        assert_eq!(
            snapshot(&fx.opts.out),
            before,
            "{name}: the previous build changed"
        );
        assert!(!fx.out("advisories/GATE-TEST").exists(), "{name}");
    }

    // Every file at fault is named, not just the first.
    fs::write(&file, with_tlp(Some("tlp = \"AMBER\""))).unwrap();
    fs::write(
        fx.advisories().join("zz-gate2.md"),
        with_tlp(Some("tlp = \"WHITE\"")).replace("GATE-TEST", "GATE-TEST-2"),
    )
    .unwrap();
    let msg = format!("{:#}", build(&fx.opts).unwrap_err());
    assert!(
        msg.contains("zz-gate.md:6:") && msg.contains("zz-gate2.md:6:"),
        "{msg}"
    );
    assert_eq!(snapshot(&fx.opts.out), before);
}

#[test]
fn validation_errors_and_bad_files_stop_the_build() {
    let fx = Fixture::new("validation");
    fx.build();
    let before = snapshot(&fx.opts.out);
    let file = fx.advisories().join("zz-invalid.md");
    let cases: Vec<(&str, String, usize, &str)> = vec![
        (
            "bad e-mail",
            TEMPLATE.replace(
                "annex = \"no\"\n",
                "annex = \"no\"\n\n[contact]\nemail = \"not an address\"\n",
            ),
            10,
            "電子メールアドレス",
        ),
        (
            "no 識別番号",
            TEMPLATE.replace("id = \"GATE-TEST\"", "id = \"\""),
            4,
            "識別番号",
        ),
        (
            "識別番号 not fit for a URL",
            TEMPLATE.replace("GATE-TEST", "T 01/02"),
            4,
            "URL",
        ),
        (
            "unknown key",
            TEMPLATE.replace("annex = \"no\"", "annex = \"no\"\ntitle = \"x\""),
            8,
            "title",
        ),
        (
            "unknown section",
            TEMPLATE.replace("## ① 概要", "## 概要2"),
            14,
            "見出し",
        ),
        ("no front matter", "## ① 概要\n\nx\n".to_string(), 1, "+++"),
        (
            "bad indicator",
            TEMPLATE.replace(
                "sector = \"telecom\"\n",
                "sector = \"telecom\"\n\n[[indicators]]\nvalue = \"198.51.100.7\"\n\n[[indicators]]\nvalue = \"198.51.100.300\"\n",
            ),
            17,
            "インディケータ 2: 「198.51.100.300」は IPv4 アドレスとして読めません",
        ),
        (
            "hash of the wrong length for its type",
            TEMPLATE.replace(
                "sector = \"telecom\"\n",
                "sector = \"telecom\"\n\n[[indicators]]\nvalue = \"d41d8cd98f00b204e9800998ecf8427e\"\ntype = \"sha256\"\n",
            ),
            14,
            "32桁は MD5 の長さ",
        ),
        (
            "unknown indicator type",
            TEMPLATE.replace(
                "sector = \"telecom\"\n",
                "sector = \"telecom\"\n\n[[indicators]]\nvalue = \"example.com\"\ntype = \"hostname\"\n",
            ),
            15,
            "インディケータの種類 type",
        ),
        (
            "the same indicator twice",
            TEMPLATE.replace(
                "sector = \"telecom\"\n",
                "sector = \"telecom\"\n\n[[indicators]]\nvalue = \"example.com\"\n\n[[indicators]]\nvalue = \"Example.COM\"\n",
            ),
            17,
            "インディケータ 1 と同じ",
        ),
    ];
    for (name, text, line, expect) in cases {
        fs::write(&file, text).unwrap();
        let msg = format!("{:#}", build(&fx.opts).expect_err(name));
        assert!(
            msg.contains(&format!("zz-invalid.md:{line}:")),
            "{name}: line {line}?\n{msg}"
        );
        assert!(msg.contains(expect), "{name}: {expect:?}?\n{msg}");
        assert_eq!(snapshot(&fx.opts.out), before, "{name}");
    }
    // Two files for one report.
    fs::write(&file, TEMPLATE).unwrap();
    fs::write(fx.advisories().join("zz-same.md"), TEMPLATE).unwrap();
    let msg = format!("{:#}", build(&fx.opts).unwrap_err());
    assert!(
        msg.contains("zz-same.md:3:") && msg.contains("第1報"),
        "{msg}"
    );
    assert_eq!(snapshot(&fx.opts.out), before);
}

#[test]
fn drafts_are_never_read() {
    let fx = Fixture::new("drafts");
    let drafts = fx.opts.content.join("advisory-drafts");
    fs::create_dir_all(&drafts).unwrap();
    fs::write(
        drafts.join("secret.md"),
        with_tlp(Some("tlp = \"AMBER\"")).replace("GATE-TEST", "SECRET-1"),
    )
    .unwrap();
    fs::write(drafts.join("broken.md"), "not an advisory").unwrap();
    fx.build();
    for (path, bytes) in snapshot(&fx.opts.out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SECRET-1"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn pages_of_the_published_advisories() {
    let fx = Fixture::new("pages");
    fx.build();
    let index = fx.read("advisories/index.html");
    // Newest first, the latest report of each series only.
    let order: Vec<usize> = ["KY-2025-0012", "KY-2025-0010", "KY-2025-0008", "Txxxxxx"]
        .iter()
        .map(|id| {
            index
                .find(&format!("href=\"/advisories/{id}/\""))
                .unwrap_or_else(|| panic!("{id} not in index"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!index.contains("/advisories/KY-2025-0012/1/"));
    for badge in ["警報", "注意喚起", "参考情報"] {
        assert!(index.contains(badge), "{badge}");
    }
    assert!(index.contains("TLP:CLEAR"));
    assert!(!index.contains("<script>"), "no inline script");
    // Sector pages.
    let medical = fx.read("advisories/sector/medical/index.html");
    assert!(
        medical.contains("/advisories/KY-2025-0012/")
            && medical.contains("/advisories/KY-2025-0008/")
    );
    assert!(!medical.contains("/advisories/KY-2025-0010/"));
    assert!(fx.out("advisories/sector/water/index.html").exists());
    // A report page: the form's layout, TLP:CLEAR at the top and the bottom, the series.
    let second = fx.read("advisories/KY-2025-0012/2/index.html");
    assert!(second.contains("form-print"));
    assert!(second.matches("TLP:CLEAR").count() >= 2);
    assert!(
        second.contains("href=\"/advisories/KY-2025-0012/1/\""),
        "links the 第1報"
    );
    assert!(second.contains("/advisories/KY-2025-0012/2/stix.json"));
    let first = fx.read("advisories/KY-2025-0012/1/index.html");
    assert!(
        first.contains("href=\"/advisories/KY-2025-0012/2/\""),
        "links the 続報"
    );
    assert!(first.contains("最新の報告ではありません"));
    // The series URL shows the latest report.
    let latest = fx.read("advisories/KY-2025-0012/index.html");
    assert!(latest.contains("修正版が公開されました"));
    // The handbook's example says what it is.
    let example = fx.read("advisories/Txxxxxx/1/index.html");
    assert!(example.contains("図8") && example.contains("GREEN"));
    // The sitemap lists them.
    assert!(fx
        .read("sitemap.xml")
        .contains(&format!("{BASE}/advisories/KY-2025-0012/2/")));
}

fn feed(fx: &Fixture) -> feed_rs::model::Feed {
    feed_rs::parser::parse(fs::read(fx.out("advisories/feed.atom")).unwrap().as_slice())
        .expect("the feed parses")
}

#[test]
fn the_feed_lists_every_series_and_moves_with_each_report() {
    let fx = Fixture::new("feed");
    // Without the 第2報 first.
    let second = fx.advisories().join("KY-2025-0012-2.md");
    let second_text = fs::read_to_string(&second).unwrap();
    fs::remove_file(&second).unwrap();
    fx.build();
    let f1 = feed(&fx);
    assert_eq!(f1.feed_type, feed_rs::model::FeedType::Atom);
    let ids: Vec<&str> = f1.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    for e in &f1.entries {
        assert!(e.id.starts_with("urn:uuid:"), "{}", e.id);
        assert!(
            e.links
                .iter()
                .any(|l| l.href.starts_with(&format!("{BASE}/advisories/"))),
            "{:?}",
            e.links
        );
        assert!(e.title.as_ref().unwrap().content.contains("第"));
    }
    let entry = |f: &feed_rs::model::Feed| {
        f.entries
            .iter()
            .find(|e| {
                e.links
                    .iter()
                    .any(|l| l.href == format!("{BASE}/advisories/KY-2025-0012/"))
            })
            .cloned()
            .expect("the KY-2025-0012 entry")
    };
    let before = entry(&f1);
    assert_eq!(
        before.updated.unwrap().to_rfc3339(),
        "2025-10-06T09:30:00+00:00"
    );

    // The 第2報 moves the same entry's `updated` (and the feed's).
    fs::write(&second, second_text).unwrap();
    fx.build();
    let f2 = feed(&fx);
    assert_eq!(f2.entries.len(), 4, "one entry per series");
    let after = entry(&f2);
    assert_eq!(after.id, before.id, "stable entry id");
    assert_eq!(
        after.updated.unwrap().to_rfc3339(),
        "2025-10-08T02:00:00+00:00"
    );
    assert!(after.updated > before.updated);
    assert_eq!(
        after.published, before.published,
        "published stays the 第1報's"
    );
    assert!(after.title.unwrap().content.contains("第2報"));
    assert!(f2.updated >= after.updated);
    assert_eq!(f2.entries[0].id, after.id, "newest first");
}

#[test]
fn stix_bundles_are_complete_marked_clear_and_reproducible() {
    let fx = Fixture::new("stix");
    fx.build();
    let first = snapshot(&fx.opts.out);
    let bundles: Vec<(&PathBuf, &Vec<u8>)> = first
        .iter()
        .filter(|(p, _)| p.ends_with("stix.json"))
        .collect();
    assert_eq!(bundles.len(), 5, "one bundle per published report");
    for (path, bytes) in &bundles {
        let b: Value = serde_json::from_slice(bytes).unwrap();
        let where_ = path.display();
        assert_eq!(b["type"], "bundle", "{where_}");
        assert!(b["id"].as_str().unwrap().starts_with("bundle--"));
        let objects = b["objects"].as_array().unwrap();
        let ids: Vec<&str> = objects.iter().map(|o| o["id"].as_str().unwrap()).collect();
        for o in objects {
            let t = o["type"].as_str().unwrap();
            assert_eq!(o["spec_version"], "2.1", "{where_} {t}");
            assert!(
                o["id"].as_str().unwrap().starts_with(&format!("{t}--")),
                "{where_} {t}"
            );
            assert!(
                o["created"].as_str().unwrap().ends_with('Z'),
                "{where_} {t}"
            );
            if t != "marking-definition" {
                assert!(o["modified"].is_string(), "{where_} {t} modified");
                assert_eq!(
                    o["object_marking_refs"],
                    serde_json::json!(["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"]),
                    "{where_} {t}"
                );
            }
        }
        let marking = objects
            .iter()
            .find(|o| o["type"] == "marking-definition")
            .expect("the TLP:CLEAR marking");
        assert_eq!(
            marking["id"],
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        );
        assert_eq!(marking["name"], "TLP:CLEAR");
        let ext =
            &marking["extensions"]["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"];
        assert_eq!(ext["extension_type"], "property-extension");
        assert_eq!(ext["tlp_2_0"], "clear");
        let report = objects
            .iter()
            .find(|o| o["type"] == "report")
            .expect("a report");
        assert!(!report["name"].as_str().unwrap().is_empty());
        assert!(report["published"].is_string());
        assert_eq!(report["created"], report["published"]);
        let refs = report["object_refs"].as_array().unwrap();
        assert!(!refs.is_empty());
        let note = objects
            .iter()
            .find(|o| o["type"] == "note")
            .expect("a note");
        assert!(refs.contains(&note["id"]));
        assert!(note["content"].as_str().unwrap().contains("① 概要"));
        for r in refs {
            let r = r.as_str().unwrap();
            assert!(
                ids.contains(&r) || r.starts_with("report--"),
                "{where_}: dangling {r}"
            );
        }
    }
    // The 第2報 refers to the 第1報, whose id is the one in the 第1報's bundle.
    let one: Value = serde_json::from_str(&fx.read("advisories/KY-2025-0012/1/stix.json")).unwrap();
    let two: Value = serde_json::from_str(&fx.read("advisories/KY-2025-0012/2/stix.json")).unwrap();
    let report_id = |b: &Value| {
        b["objects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["type"] == "report")
            .unwrap()["id"]
            .clone()
    };
    let two_report = two["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["type"] == "report")
        .unwrap()
        .clone();
    assert!(two_report["object_refs"]
        .as_array()
        .unwrap()
        .contains(&report_id(&one)));
    assert_ne!(report_id(&one), report_id(&two));
    assert_eq!(
        two_report["created"], "2025-10-08T02:00:00.000Z",
        "情報提供日時 (JST) in UTC"
    );

    // A second build gives identical bytes.
    fs::remove_dir_all(&fx.opts.out).unwrap();
    fx.build();
    let again = snapshot(&fx.opts.out);
    for (path, bytes) in &bundles {
        assert_eq!(again.get(*path), Some(*bytes), "{}", path.display());
    }
    let feed = PathBuf::from("advisories/feed.atom");
    assert_eq!(again.get(&feed), first.get(&feed));
}

/// The content of `Fixture`, plus the test data's advisory with every kind of indicator.
fn with_indicators(name: &str) -> Fixture {
    let fx = Fixture::new(name);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/indicators");
    for e in fs::read_dir(data).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), fx.advisories().join(e.file_name())).unwrap();
    }
    fx.build();
    fx
}

/// The rows of the page's indicator table: (data-kind, 種類, 値, 備考).
fn indicator_rows(page: &str) -> Vec<[String; 4]> {
    let Some(start) = page.find("<table class=\"indicator-table\">") else {
        return Vec::new();
    };
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    let cell = |s: &str| {
        // The text of a cell: tags removed.
        let mut out = String::new();
        let mut tag = false;
        for c in s.chars() {
            match c {
                '<' => tag = true,
                '>' => tag = false,
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    table
        .split("<tr data-kind=\"")
        .skip(1)
        .map(|row| {
            let kind = row.split('"').next().unwrap().to_string();
            let cells: Vec<String> = row
                .split("<td>")
                .skip(1)
                .map(|c| cell(c.split("</td>").next().unwrap()))
                .collect();
            [kind, cells[0].clone(), cells[1].clone(), cells[2].clone()]
        })
        .collect()
}

#[test]
fn the_page_shows_the_indicators_in_a_table() {
    let fx = with_indicators("indicator-page");
    let page = fx.read("advisories/KY-TEST-0001/1/index.html");
    let rows = indicator_rows(&page);
    let expect: Vec<[&str; 4]> = vec![
        ["ipv4", "IPv4アドレス(範囲)", "198.51.100.0/24", "攻撃の送信元の範囲"],
        ["ipv4", "IPv4アドレス(範囲)", "203.0.113.7", ""],
        ["ipv6", "IPv6アドレス(範囲)", "2001:db8::7", "IPv6 の送信元"],
        ["ipv6", "IPv6アドレス(範囲)", "2001:db8:1::/48", ""],
        ["domain", "ドメイン名", "c2.example.net", "マルウェアの通信先"],
        ["url", "URL", "https://login.example.org/owa/auth.php?id=1", "フィッシングサイト"],
        ["md5", "ファイルのハッシュ値(MD5)", "d41d8cd98f00b204e9800998ecf8427e", ""],
        ["sha1", "ファイルのハッシュ値(SHA-1)", "da39a3ee5e6b4b0d3255bfef95601890afd80709", ""],
        [
            "sha256",
            "ファイルのハッシュ値(SHA-256)",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "添付ファイル &lt;invoice.zip&gt;",
        ],
        [
            "sha512",
            "ファイルのハッシュ値(SHA-512)",
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            "",
        ],
        ["cve", "脆弱性(CVE番号)", "CVE-2024-3400", "悪用を確認"],
        ["cve", "脆弱性(CVE番号)", "CVE-2021-44228", ""],
    ];
    let got: Vec<[&str; 4]> = rows
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str()])
        .collect();
    assert_eq!(got, expect);
    // Headed columns, values as text (never links), shown once (not also in the form's print).
    assert!(page.contains(
        "<th scope=\"col\">種類</th><th scope=\"col\">値</th><th scope=\"col\">備考</th>"
    ));
    assert!(!page.contains("href=\"https://login.example.org"));
    assert_eq!(page.matches("c2.example.net").count(), 1);
    assert!(!page.contains("インディケータ情報(様式外)"));
    // The real content: the 続報 lists its seven, the 図8 example (masked values only) none.
    let second = fx.read("advisories/KY-2025-0012/2/index.html");
    assert_eq!(indicator_rows(&second).len(), 7);
    assert!(second.contains("update.example.net"));
    let example = fx.read("advisories/Txxxxxx/1/index.html");
    assert!(indicator_rows(&example).is_empty());
    assert!(!example.contains("indicator-table"));
}

#[test]
fn the_bundle_holds_an_indicator_or_vulnerability_per_indicator() {
    let fx = with_indicators("indicator-stix");
    let text = fx.read("advisories/KY-TEST-0001/1/stix.json");
    let b: Value = serde_json::from_str(&text).unwrap();
    let objects = b["objects"].as_array().unwrap();
    let of = |t: &str| -> Vec<&Value> { objects.iter().filter(|o| o["type"] == t).collect() };
    let patterns: Vec<&str> = of("indicator")
        .iter()
        .map(|o| o["pattern"].as_str().unwrap())
        .collect();
    assert_eq!(
        patterns,
        [
            "[ipv4-addr:value = '198.51.100.0/24']",
            "[ipv4-addr:value = '203.0.113.7']",
            "[ipv6-addr:value = '2001:db8::7']",
            "[ipv6-addr:value = '2001:db8:1::/48']",
            "[domain-name:value = 'c2.example.net']",
            "[url:value = 'https://login.example.org/owa/auth.php?id=1']",
            "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
            "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
            "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
            "[file:hashes.'SHA-512' = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e']",
        ]
    );
    let report = of("report")[0];
    let refs = report["object_refs"].as_array().unwrap();
    let identity = of("identity")[0]["id"].clone();
    for o in of("indicator") {
        assert_eq!(o["pattern_type"], "stix");
        assert_eq!(o["pattern_version"], "2.1");
        // 情報提供日時 2025-11-04T09:30 JST.
        assert_eq!(o["valid_from"], "2025-11-04T00:30:00.000Z");
        assert_eq!(o["created"], o["valid_from"]);
        assert_eq!(o["created_by_ref"], identity);
        assert!(refs.contains(&o["id"]), "{} not in the report", o["id"]);
    }
    let first = of("indicator")[0];
    assert_eq!(first["description"], "攻撃の送信元の範囲");
    assert_eq!(first["name"], "IPv4: 198.51.100.0/24");
    assert!(of("indicator")[1].get("description").is_none());
    let vulns = of("vulnerability");
    assert_eq!(vulns.len(), 2);
    for (v, cve) in vulns.iter().zip(["CVE-2024-3400", "CVE-2021-44228"]) {
        assert_eq!(v["name"], cve);
        assert_eq!(
            v["external_references"],
            serde_json::json!([{ "source_name": "cve", "external_id": cve }])
        );
        assert!(refs.contains(&v["id"]));
    }
    assert_eq!(vulns[0]["description"], "悪用を確認");
    // Every id once; all under TLP:CLEAR (checked for every bundle in
    // stix_bundles_are_complete_marked_clear_and_reproducible).
    let mut ids: Vec<&str> = objects.iter().map(|o| o["id"].as_str().unwrap()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert_eq!(
        n,
        4 + 10 + 2,
        "marking, identity, note, report + indicators"
    );
    // The same file gives the same bundle (ids are UUIDv5 of 識別番号, 第N報 and the pattern).
    fs::remove_dir_all(&fx.opts.out).unwrap();
    fx.build();
    assert_eq!(fx.read("advisories/KY-TEST-0001/1/stix.json"), text);
    // The report 第2報 of the repository's content carries its seven.
    let second: Value =
        serde_json::from_str(&fx.read("advisories/KY-2025-0012/2/stix.json")).unwrap();
    let kinds: Vec<&str> = second["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["type"] == "indicator")
        .map(|o| o["pattern"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 7);
    assert!(kinds.contains(&"[domain-name:value = 'update.example.net']"));
}
