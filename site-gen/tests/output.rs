//! `--out` never destroys: a build refuses an output folder that is, holds or lies inside the
//! project's sources, or that has files site-gen did not write, and says what to do; nothing
//! there changes. What it does write: a stamped folder, each precompressible asset with a `.br`
//! and a `.gz` beside it that decompress to the asset, asset names carrying the SHA-256 of their
//! bytes, and no staging folder left behind (nor one of a killed build, after the next build).
use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::Digest;

mod common;
use common::{copy_dir, root};

/// A throw-away project: content/ and public/ copied from the repository, app/ and core/ with a
/// file each, a .git/ folder.
fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kyoyu-out-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let p = dir.join("proj");
    copy_dir(&root().join("content"), &p.join("content"));
    copy_dir(&root().join("public"), &p.join("public"));
    for (f, text) in [
        ("app/Cargo.toml", "[package]\n"),
        ("core/src/lib.rs", "//! core\n"),
        (".git/HEAD", "ref: refs/heads/main\n"),
    ] {
        fs::create_dir_all(p.join(f).parent().unwrap()).unwrap();
        fs::write(p.join(f), text).unwrap();
    }
    p
}

/// Every file below `dir` with its bytes (to prove a refused build changed nothing).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            (
                e.path().to_path_buf(),
                fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

fn build(root: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(["build", "--no-app", "--root"])
        .arg(root)
        .args(extra)
        .output()
        .unwrap()
}

fn refused(out: &Output, why: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "the build went ahead: {err}");
    assert!(
        err.contains("--out") && err.contains(why),
        "{why:?} not in: {err}"
    );
    assert!(
        err.contains("存在しないフォルダか空のフォルダ"),
        "the message says what to do: {err}"
    );
    err
}

#[test]
fn an_output_folder_that_is_holds_or_lies_inside_the_sources_is_refused_and_nothing_changes() {
    let p = project("sources");
    let top = p.parent().unwrap().to_path_buf();
    let before = snapshot(&top);
    let s = |rel: &str| p.join(rel).display().to_string();
    for (out, why) in [
        (s(""), "プロジェクトのフォルダ"),
        (s("."), "プロジェクトのフォルダ"),
        (s("dist/.."), "プロジェクトのフォルダ"),
        (top.display().to_string(), "を含んでいます"),
        (s("content"), "コンテンツのフォルダ"),
        (s("content/handbook"), "の中にあります"),
        (s("content/new-folder"), "の中にあります"),
        (s("public"), "public/"),
        (s("public/css"), "の中にあります"),
        (s("app"), "app/"),
        (s("core"), "core/"),
        (s("core/src/gen"), "の中にあります"),
        (s(".git"), ".git/"),
    ] {
        refused(&build(&p, &["--out", &out]), why);
    }
    // A relative --out, resolved against the working folder.
    let rel = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .current_dir(&p)
        .args(["build", "--no-app", "--root", ".", "--out", "."])
        .output()
        .unwrap();
    refused(&rel, "プロジェクトのフォルダ");
    // --content elsewhere, and --out on it.
    let notes = top.join("notes");
    copy_dir(&p.join("content"), &notes);
    let before_notes = snapshot(&top);
    let n = notes.display().to_string();
    refused(
        &build(&p, &["--content", &n, "--out", &n]),
        "コンテンツのフォルダ",
    );
    assert_eq!(snapshot(&top), before_notes);
    fs::remove_dir_all(&notes).unwrap();
    assert_eq!(snapshot(&top), before, "a refused build changed files");
    let _ = fs::remove_dir_all(&top);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_the_sources_is_seen_through() {
    let p = project("link");
    let top = p.parent().unwrap().to_path_buf();
    std::os::unix::fs::symlink(p.join("content"), top.join("site")).unwrap();
    let before = snapshot(&p);
    let link = top.join("site").display().to_string();
    refused(&build(&p, &["--out", &link]), "コンテンツのフォルダ");
    // `..` after a link is taken as the file system takes it: site/.. is the project.
    let via = top.join("site/..").display().to_string();
    refused(&build(&p, &["--out", &via]), "プロジェクトのフォルダ");
    let via = top.join("site/../public").display().to_string();
    refused(&build(&p, &["--out", &via]), "public/");
    assert_eq!(snapshot(&p), before);
    let _ = fs::remove_dir_all(&top);
}

#[test]
fn a_folder_site_gen_did_not_write_is_refused_unless_empty() {
    let p = project("foreign");
    let top = p.parent().unwrap().to_path_buf();
    let other = top.join("my-files");
    fs::create_dir_all(other.join("sub")).unwrap();
    fs::write(other.join("sub/notes.txt"), "大事なメモ").unwrap();
    let before = snapshot(&other);
    let err = refused(
        &build(&p, &["--out", &other.display().to_string()]),
        "site-gen が書き出したフォルダでもありません",
    );
    assert!(err.contains(".kyoyu-site-gen"), "{err}");
    assert_eq!(snapshot(&other), before);
    let file = top.join("a-file");
    fs::write(&file, "x").unwrap();
    refused(
        &build(&p, &["--out", &file.display().to_string()]),
        "フォルダではありません",
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
    // No staging folder left beside them.
    let names: Vec<String> = fs::read_dir(&top)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let _ = fs::remove_dir_all(&top);
}

#[test]
fn a_new_empty_or_stamped_folder_is_built_with_stamp_precompressed_assets_and_content_hashes() {
    let p = project("ok");
    let top = p.parent().unwrap().to_path_buf();
    let empty = top.join("empty");
    fs::create_dir_all(&empty).unwrap();
    for out in [p.join("dist"), empty.clone(), top.join("new/deeper")] {
        let o = build(&p, &["--out", &out.display().to_string()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(out.join(".kyoyu-site-gen").is_file());
        // Again, into the stamped folder: replaced, no staging or old folder left beside it.
        let o = build(&p, &["--out", &out.display().to_string()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let beside: Vec<String> = fs::read_dir(out.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into())
            .filter(|n: &String| n.contains(".tmp-") || n.contains(".old-"))
            .collect();
        assert!(beside.is_empty(), "{beside:?}");
    }
    // What a stopped serve left beside the output: its stamped previous output goes; a folder of
    // the same name pattern without the stamp stays.
    let dist = p.join("dist");
    fs::create_dir_all(p.join(".dist.old-stale")).unwrap();
    fs::write(p.join(".dist.old-stale/.kyoyu-site-gen"), "").unwrap();
    fs::create_dir_all(p.join(".dist.old-mine")).unwrap();
    fs::write(p.join(".dist.old-mine/notes.txt"), "keep").unwrap();
    let o = build(&p, &["--out", &dist.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!p.join(".dist.old-stale").exists());
    assert_eq!(
        fs::read_to_string(p.join(".dist.old-mine/notes.txt")).unwrap(),
        "keep"
    );
    fs::remove_dir_all(p.join(".dist.old-mine")).unwrap();

    // What a killed build left beside the output (its stamped staging folder, with the id of a
    // process that has ended) goes; the staging folder of a build still running stays, and so
    // does a folder of the same name pattern without the stamp.
    let mut ended = Command::new("true").spawn().unwrap();
    let ended_pid = ended.id();
    ended.wait().unwrap();
    let plant = |dir: &str, files: &[(&str, String)]| {
        fs::create_dir_all(p.join(dir)).unwrap();
        for (f, text) in files {
            fs::write(p.join(dir).join(f), text).unwrap();
        }
    };
    let stamp = || (".kyoyu-site-gen", String::new());
    plant(
        ".dist.tmp-killed",
        &[
            stamp(),
            (".kyoyu-site-gen-building", ended_pid.to_string()),
            ("index.html", "half".into()),
        ],
    );
    plant(
        ".dist.tmp-running",
        &[
            stamp(),
            (".kyoyu-site-gen-building", std::process::id().to_string()),
        ],
    );
    plant(".dist.tmp-mine", &[("notes.txt", "keep".into())]);
    let o = build(&p, &["--out", &dist.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!p.join(".dist.tmp-killed").exists());
    assert!(p.join(".dist.tmp-running/.kyoyu-site-gen").is_file());
    assert!(p.join(".dist.tmp-mine/notes.txt").is_file());
    assert!(!dist.join(".kyoyu-site-gen-building").exists());
    for d in [".dist.tmp-running", ".dist.tmp-mine"] {
        fs::remove_dir_all(p.join(d)).unwrap();
    }

    // A site written before the stamp existed (its sw.js says site-gen made it) is replaced too.
    let earlier = top.join("earlier");
    fs::create_dir_all(&earlier).unwrap();
    fs::write(
        earlier.join("sw.js"),
        "// Generated by site-gen: the precache list of this build.\nconst VERSION = \"x\";\n",
    )
    .unwrap();
    fs::write(earlier.join("index.html"), "old").unwrap();
    let o = build(&p, &["--out", &earlier.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(earlier.join(".kyoyu-site-gen").is_file());

    let assets = p.join("dist/assets");
    let (mut compressed, mut hashed) = (0, 0);
    for entry in fs::read_dir(&assets).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".gz") || name.ends_with(".br") {
            let plain = assets.join(&name[..name.len() - 3]);
            assert!(plain.is_file(), "{name} has no asset");
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        // name.<first 10 hex digits of SHA-256>.ext, for every fingerprinted asset.
        let hash: String = sha2::Sha256::digest(&bytes)[..5]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let fingerprinted = name
            .split('.')
            .any(|part| part.len() == 10 && part.bytes().all(|b| b.is_ascii_hexdigit()));
        if fingerprinted {
            hashed += 1;
            assert!(
                name.contains(&format!(".{hash}.")),
                "{name}: SHA-256 {hash}…"
            );
        }
        let gz = assets.join(format!("{name}.gz"));
        let br = assets.join(format!("{name}.br"));
        assert_eq!(gz.exists(), br.exists(), "{name}: a .br beside each .gz");
        if gz.exists() {
            compressed += 1;
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(fs::File::open(&gz).unwrap())
                .read_to_end(&mut plain)
                .unwrap();
            assert!(plain == bytes, "{name}.gz");
            let mut plain = Vec::new();
            brotli::BrotliDecompress(&mut fs::File::open(&br).unwrap(), &mut plain).unwrap();
            assert!(plain == bytes, "{name}.br");
            assert!(
                fs::metadata(&br).unwrap().len() <= fs::metadata(&gz).unwrap().len() + 16,
                "{name}: brotli no larger than gzip"
            );
        }
    }
    assert!(hashed >= 8, "{hashed} fingerprinted assets");
    assert!(
        compressed >= 3,
        "site.css, site.js and the search index are precompressed ({compressed})"
    );
    let _ = fs::remove_dir_all(&top);
}
