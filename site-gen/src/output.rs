//! Writing `dist/` atomically: everything goes into a temporary sibling folder, which replaces
//! `dist/` only when the whole build has succeeded. A failed build leaves `dist/` as it was.
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};

/// Assets larger than this are not precompressed (a large site's search index: compressing it
/// would cost more build time than it saves).
const GZIP_MAX: usize = 4 << 20;

/// A build in progress: files are written below a temporary folder.
pub struct Staging {
    tmp: PathBuf,
    out: PathBuf,
    /// Every site path written, with the content hash of what was written.
    written: Mutex<Vec<(String, String)>>,
}

impl Staging {
    /// Starts a build of `out` in a fresh temporary folder beside it.
    pub fn new(out: &Path) -> Result<Staging> {
        let out = absolute(out)?;
        let parent = out.parent().context("output folder has no parent")?;
        fs::create_dir_all(parent)
            .with_context(|| format!("{} を作成できません", parent.display()))?;
        let name = out
            .file_name()
            .context("output folder has no name")?
            .to_string_lossy();
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        fs::create_dir_all(&tmp)?;
        Ok(Staging {
            tmp,
            out,
            written: Mutex::new(Vec::new()),
        })
    }

    /// Writes `bytes` at the site path `rel` (e.g. `handbook/index.html`).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> Result<()> {
        let rel = rel.trim_start_matches('/');
        let path = self.tmp.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let bytes = bytes.as_ref();
        fs::write(&path, bytes).with_context(|| format!("{} を書き込めません", path.display()))?;
        let hash = content_hash(bytes);
        self.written.lock().unwrap().push((rel.to_string(), hash));
        Ok(())
    }

    /// Writes a page at a URL path ending in `/` (as `index.html`) or naming a file.
    pub fn write_page(&self, url: &str, html: &str) -> Result<()> {
        let rel = url.trim_start_matches('/');
        if rel.is_empty() || rel.ends_with('/') {
            self.write(&format!("{rel}index.html"), html)
        } else {
            self.write(rel, html)
        }
    }

    /// Writes an asset under `assets/` with its content hash in the name and returns its URL.
    pub fn write_fingerprinted(&self, name: &str, bytes: &[u8]) -> Result<String> {
        let name = fingerprint_name(name, bytes);
        self.write(&format!("assets/{name}"), bytes)?;
        self.write_gzip(&format!("assets/{name}"), bytes)?;
        Ok(format!("/assets/{name}"))
    }

    /// Writes `rel.gz` beside a text or wasm asset, for servers that send precompressed files
    /// (`site-gen serve`; nginx's `gzip_static on`). Not part of the precache list.
    fn write_gzip(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        use std::io::Write;
        let compressible = [".wasm", ".js", ".css", ".json", ".svg", ".webmanifest"]
            .iter()
            .any(|e| rel.ends_with(e));
        if !compressible || bytes.len() < 1024 || bytes.len() > GZIP_MAX {
            return Ok(());
        }
        let mut gz = flate2::write::GzEncoder::new(
            Vec::with_capacity(bytes.len() / 3),
            flate2::Compression::best(),
        );
        gz.write_all(bytes)?;
        let path = self.tmp.join(format!("{rel}.gz"));
        fs::write(&path, gz.finish()?)
            .with_context(|| format!("{} を書き込めません", path.display()))?;
        Ok(())
    }

    /// Every site path written so far, sorted.
    pub fn written(&self) -> Vec<String> {
        self.written_with_hashes()
            .into_iter()
            .map(|(rel, _)| rel)
            .collect()
    }

    /// Every site path written so far with its content hash, sorted by path.
    pub fn written_with_hashes(&self) -> Vec<(String, String)> {
        let mut v = self.written.lock().unwrap().clone();
        v.sort();
        v
    }

    /// The temporary folder (for tools that write into it directly).
    pub fn root(&self) -> &Path {
        &self.tmp
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

    /// Swaps the build in; returns where the previous one was moved, if there was one.
    fn swap(&self) -> Result<Option<PathBuf>> {
        let old = self.out.with_file_name(format!(
            ".{}.old-{}",
            self.out.file_name().unwrap().to_string_lossy(),
            std::process::id()
        ));
        if self.out.exists() {
            fs::rename(&self.out, &old)
                .with_context(|| format!("{} を置き換えられません", self.out.display()))?;
        }
        if let Err(e) = fs::rename(&self.tmp, &self.out) {
            // Put the previous build back: nothing is lost.
            if old.exists() {
                let _ = fs::rename(&old, &self.out);
            }
            return Err(e).with_context(|| format!("{} を書き込めません", self.out.display()));
        }
        Ok(old.exists().then_some(old))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.tmp.exists() {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// The first 10 hex digits of the BLAKE3 hash of `bytes`: names assets, versions the cache.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..10].to_string()
}

/// `name.ext` → `name.<hash>.ext` (see [`content_hash`]).
pub fn fingerprint_name(name: &str, bytes: &[u8]) -> String {
    let hash = content_hash(bytes);
    match name.rsplit_once('.') {
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
