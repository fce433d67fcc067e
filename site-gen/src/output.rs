//! Writing `dist/` atomically: everything goes into a temporary sibling folder, which replaces
//! `dist/` only when the whole build has succeeded. A failed build leaves `dist/` as it was.
//!
//! The output folder is replaced whole, so it is checked first ([`check_out`]): never the
//! project, the content, `public/`, `app/` or `core/`, nor a folder holding or inside one of
//! them, nor a folder with files that site-gen did not write (it stamps its output with
//! [`STAMP`]).
use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use anyhow::{bail, Context, Result};
use sha2::Digest;

use crate::Options;

/// The file that marks a folder as site-gen's output (not part of the site: no page links it,
/// and the service worker's precache list leaves out dot-files).
pub const STAMP: &str = ".kyoyu-site-gen";
const STAMP_TEXT: &str =
    "This folder is written by kyoyu's site-gen: every build replaces all of it.\n";
/// Beside the stamp while a build is in progress: the id of the process writing it (removed
/// when the build is swapped in). A staging folder whose process is gone is a killed build's,
/// and the next build removes it.
const BUILDING: &str = ".kyoyu-site-gen-building";

/// A build in progress: files are written below a temporary folder.
pub struct Staging {
    tmp: tempfile::TempDir,
    out: PathBuf,
    /// How many files were written (besides their compressed copies).
    written: std::sync::atomic::AtomicUsize,
    /// The precompressed assets of this build (what the compression cache keeps).
    precompressed: Mutex<Vec<blake3::Hash>>,
}

impl Staging {
    /// Starts a build of `opts.out` in a fresh temporary folder beside it, once [`check_out`]
    /// has found the output folder safe to replace.
    pub fn new(opts: &Options) -> Result<Staging> {
        check_out(opts)?;
        let out = resolve(&opts.out)?;
        let parent = out.parent().context("output folder has no parent")?;
        fs::create_dir_all(parent)
            .with_context(|| format!("{} を作成できません", parent.display()))?;
        let name = out
            .file_name()
            .context("output folder has no name")?
            .to_string_lossy();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}.tmp-"))
            .tempdir_in(parent)
            .with_context(|| format!("{} に一時フォルダを作成できません", parent.display()))?;
        fs::write(tmp.path().join(STAMP), STAMP_TEXT)?;
        fs::write(tmp.path().join(BUILDING), std::process::id().to_string())?;
        remove_stale_old_outputs(parent, &name);
        remove_killed_builds(parent, &name, tmp.path());
        Ok(Staging {
            tmp,
            out,
            written: std::sync::atomic::AtomicUsize::new(0),
            precompressed: Mutex::new(Vec::new()),
        })
    }

    /// Writes `bytes` at the site path `rel` (e.g. `handbook/index.html`).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> Result<()> {
        let rel = rel.trim_start_matches('/');
        let path = self.tmp.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let bytes = bytes.as_ref();
        fs::write(&path, bytes).with_context(|| format!("{} を書き込めません", path.display()))?;
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Writes a page at a URL path ending in `/` (as `index.html`) or naming a file.
    pub fn write_page(&self, url: &str, html: &str) -> Result<()> {
        self.write(&crate::render::page_path(url), html)
    }

    /// Writes an asset under `assets/` with its content hash in the name and returns its URL.
    pub fn write_fingerprinted(&self, name: &str, bytes: &[u8]) -> Result<String> {
        let name = fingerprint_name(name, bytes);
        self.write(&format!("assets/{name}"), bytes)?;
        self.write_precompressed(&format!("assets/{name}"), bytes)?;
        Ok(format!("/assets/{name}"))
    }

    /// Writes `rel.br` and `rel.gz` beside a text or wasm asset, for servers that send
    /// precompressed files (`site-gen serve`; nginx's `brotli_static` and `gzip_static`). Not
    /// part of the precache list. The compressed bytes of an asset are kept between the builds of
    /// one process (`serve` rebuilds), by content hash: an unchanged asset is not compressed again.
    fn write_precompressed(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let compressible = [".wasm", ".js", ".css", ".json", ".svg", ".webmanifest"]
            .iter()
            .any(|e| rel.ends_with(e));
        if !compressible || bytes.len() < 1024 {
            return Ok(());
        }
        let key = blake3::hash(bytes);
        let cached = compressed_cache().lock().unwrap().get(&key).cloned();
        let both = match cached {
            Some(both) => both,
            None => {
                let both = Arc::new(compress(rel, bytes)?);
                compressed_cache().lock().unwrap().insert(key, both.clone());
                both
            }
        };
        for (ext, data) in [("br", &both.0), ("gz", &both.1)] {
            let path = self.tmp.path().join(format!("{rel}.{ext}"));
            fs::write(&path, data)
                .with_context(|| format!("{} を書き込めません", path.display()))?;
        }
        self.precompressed.lock().unwrap().push(key);
        Ok(())
    }

    /// How many files were written so far (besides their compressed copies).
    pub fn written(&self) -> usize {
        self.written.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The temporary folder (for tools that write into it directly).
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// Replaces `out` with the finished build.
    pub fn commit(self) -> Result<()> {
        if let Some(old) = self.swap()? {
            fs::remove_dir_all(&old).ok();
        }
        Ok(())
    }

    /// Like [`Staging::commit`], but the previous build is deleted on a background thread
    /// (for `serve`, which must be back to serving as soon as the new site is in place).
    pub fn commit_in_background(self) -> Result<()> {
        if let Some(old) = self.swap()? {
            std::thread::spawn(move || fs::remove_dir_all(&old).ok());
        }
        Ok(())
    }

    /// Swaps the build in; returns where the previous one was moved, if there was one (a
    /// folder [`check_out`] found to be site-gen's own output).
    fn swap(self) -> Result<Option<PathBuf>> {
        let used = std::mem::take(&mut *self.precompressed.lock().unwrap());
        compressed_cache()
            .lock()
            .unwrap()
            .retain(|k, _| used.contains(k));
        let parent = self.out.parent().context("output folder has no parent")?;
        let name = self
            .out
            .file_name()
            .context("output folder has no name")?
            .to_string_lossy();
        let tmp = self.tmp.keep();
        fs::remove_file(tmp.join(BUILDING))?;
        let old = if self.out.exists() {
            // A fresh name beside `out` (the empty folder tempfile makes is only the name).
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.old-"))
                .tempdir_in(parent)?
                .keep();
            fs::remove_dir(&old)?;
            if let Err(e) = fs::rename(&self.out, &old) {
                let _ = fs::remove_dir_all(&tmp);
                return Err(e)
                    .with_context(|| format!("{} を置き換えられません", self.out.display()));
            }
            Some(old)
        } else {
            None
        };
        if let Err(e) = fs::rename(&tmp, &self.out) {
            // Put the previous build back: nothing is lost.
            if let Some(old) = &old {
                let _ = fs::rename(old, &self.out);
            }
            let _ = fs::remove_dir_all(&tmp);
            return Err(e).with_context(|| format!("{} を書き込めません", self.out.display()));
        }
        Ok(old)
    }
}

/// Brotli's best quality (11) costs about 2 s a megabyte, gzip's best (9) about four times its
/// default (6): worth it for small files and for the app's optimised wasm, which every visitor
/// downloads once and a build makes once (`serve` keeps it). Anything larger — a large site's
/// search shards (megabytes each, fetched only when a search is made), a dev-profile wasm —
/// takes brotli 5 and gzip 6: on one 3.7 MB shard, brotli 5 is about 4× faster than brotli 9
/// for 20 % more bytes, gzip 6 about 4× faster than gzip 9 for 2 % more; at 10,000 pages,
/// compressing the shards at 9 and 9 was two thirds of the build's CPU time.
const BEST_MAX: usize = 256 << 10;
/// The app's wasm at its best up to this size (an optimised build is about 1 MB).
const WASM_BEST_MAX: usize = 4 << 20;

/// The `.br` and `.gz` bytes of the asset `rel`, made in parallel.
fn compress(rel: &str, bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let best = bytes.len() <= BEST_MAX || (rel.ends_with(".wasm") && bytes.len() <= WASM_BEST_MAX);
    let (quality, level) = if best {
        (11, flate2::Compression::best())
    } else {
        (5, flate2::Compression::default())
    };
    let (br, gz) = rayon::join(
        || -> Result<Vec<u8>> {
            let mut out = Vec::with_capacity(bytes.len() / 3);
            let params = brotli::enc::BrotliEncoderParams {
                quality,
                lgwin: 22,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
            Ok(out)
        },
        || gzip(bytes, level),
    );
    Ok((br?, gz?))
}

/// `bytes` gzip-compressed at `level` (a precompressed copy, or a large site's search shard,
/// which is stored compressed only: see `search::render`).
pub fn gzip(bytes: &[u8], level: flate2::Compression) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), level);
    gz.write_all(bytes)?;
    Ok(gz.finish()?)
}

/// Precompressed assets by content, kept between the builds of one process.
type Compressed = Arc<(Vec<u8>, Vec<u8>)>;
fn compressed_cache() -> &'static Mutex<HashMap<blake3::Hash, Compressed>> {
    static CACHE: OnceLock<Mutex<HashMap<blake3::Hash, Compressed>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Refuses an output folder that a build must not replace, saying what to do instead: the
/// project root, the content folder, `public/`, `app/`, `core/` (or `.git/`), a folder that
/// holds one of them, a folder inside one of them other than the root, and a folder that is
/// not empty and does not carry site-gen's [`STAMP`].
pub fn check_out(opts: &Options) -> Result<()> {
    let out = resolve(&opts.out)?;
    let shown = opts.out.display();
    let fix = "出力先には、存在しないフォルダか空のフォルダを --out で指定してください (既定は <root>/dist)。";
    let root = resolve(&opts.root)?;
    let protected = [
        (root.clone(), "プロジェクトのフォルダ"),
        (resolve(&opts.content)?, "コンテンツのフォルダ"),
        (resolve(&opts.public)?, "public/"),
        (root.join("app"), "app/"),
        (root.join("core"), "core/"),
        (root.join(".git"), ".git/"),
    ];
    for (dir, what) in &protected {
        if out == *dir {
            bail!("--out {shown} は{what} ({}) そのものです。ビルドは出力先を丸ごと置き換えるため使えません。{fix}", dir.display());
        }
        if dir.starts_with(&out) {
            bail!("--out {shown} は{what} ({}) を含んでいます。ビルドは出力先を丸ごと置き換えるため使えません。{fix}", dir.display());
        }
        if *dir != root && out.starts_with(dir) {
            bail!("--out {shown} は{what} ({}) の中にあります。出力先はソースの外に置いてください。{fix}", dir.display());
        }
    }
    match fs::symlink_metadata(&out) {
        Err(_) => Ok(()),
        Ok(m) if !m.is_dir() => bail!("--out {shown} はフォルダではありません。{fix}"),
        Ok(_) => {
            let empty = fs::read_dir(&out)
                .with_context(|| format!("{shown} を読めません"))?
                .next()
                .is_none();
            if empty || out.join(STAMP).is_file() || is_earlier_output(&out) {
                Ok(())
            } else {
                bail!(
                    "--out {shown} は空でなく、site-gen が書き出したフォルダでもありません (目印の {STAMP} がありません)。\
                     ビルドは出力先を丸ごと置き換えるため、中身を失わないように止めました。中身を確かめて別の場所へ移すか、{fix}"
                )
            }
        }
    }
}

/// Removes the previous outputs that a `serve` stopped before its background deletion finished
/// (`.<name>.old-*` beside the output): only folders that carry site-gen's stamp.
fn remove_stale_old_outputs(parent: &Path, name: &str) {
    let prefix = format!(".{name}.old-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with(&prefix) && path.join(STAMP).is_file() {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Removes the staging folders of builds that were killed (`.<name>.tmp-*` beside the output,
/// other than `ours`): only folders that carry site-gen's stamp and the id of a process that no
/// longer runs (a build running beside this one keeps its folder).
fn remove_killed_builds(parent: &Path, name: &str, ours: &Path) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !entry.file_name().to_string_lossy().starts_with(&prefix)
            || path == ours
            || !path.join(STAMP).is_file()
        {
            continue;
        }
        let pid = fs::read_to_string(path.join(BUILDING))
            .ok()
            .and_then(|s| s.trim().parse::<i32>().ok())
            .and_then(rustix::process::Pid::from_raw);
        let running = |pid| match rustix::process::test_kill_process(pid) {
            Ok(()) => true,
            Err(e) => e != rustix::io::Errno::SRCH,
        };
        if pid.is_some_and(|pid| !running(pid)) {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Output of a site-gen from before the stamp: its `sw.js` starts with the line site-gen writes.
fn is_earlier_output(out: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 40];
    fs::File::open(out.join("sw.js"))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head.starts_with(b"// Generated by site-gen: the precache")
}

/// `p` made absolute, with symbolic links resolved as far as it exists and `.`/`..` applied to
/// the parts that do not exist yet: the folder the file system will really use.
fn resolve(p: &Path) -> Result<PathBuf> {
    let abs = absolute(p)?;
    let parts: Vec<Component> = abs.components().collect();
    for k in (1..=parts.len()).rev() {
        if let Ok(mut real) = parts[..k].iter().collect::<PathBuf>().canonicalize() {
            for part in &parts[k..] {
                match part {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::Normal(name) => real.push(name),
                    _ => {}
                }
            }
            return Ok(real);
        }
    }
    Ok(abs)
}

/// The first 10 hex digits of the SHA-256 of `bytes`: names assets, versions the cache. SHA-256
/// (not a faster hash) because the service worker checks each file it caches against it with
/// WebCrypto, which offers SHA-256.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&sha2::Sha256::digest(bytes)[..5])
}

/// `name.ext` → `name.<hash>.ext` (see [`content_hash`]); the hash goes after the first dot,
/// so that `search-0.json.gz` keeps its whole extension: `search-0.<hash>.json.gz`.
pub fn fingerprint_name(name: &str, bytes: &[u8]) -> String {
    let hash = content_hash(bytes);
    match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn absolute(p: &Path) -> Result<PathBuf> {
    Ok(if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    })
}
