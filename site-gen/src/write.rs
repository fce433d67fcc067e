//! Step 4 of the pipeline, write: what render produced and check accepted goes to the output
//! folder. A build goes through [`crate::output::Staging`] (atomic: a failed build keeps the old
//! folder; what render already put in the staging folder is not written twice); `serve`'s
//! rebuild of a changed page writes only the files whose bytes changed.
use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::output::Staging;
use crate::render::Site;

/// Writes the rest of the site into `staging` (a new folder, see [`crate::output::Staging::new`]),
/// which then replaces the output folder. With `background_cleanup` (serve), the previous
/// build is deleted on a background thread. Returns the number of files written.
pub fn write(site: &Site, staging: Staging, background_cleanup: bool) -> Result<usize> {
    site.assets
        .par_iter()
        .filter(|a| !a.is_staged())
        .try_for_each(|a| -> Result<()> {
            let url = staging.write_fingerprinted(&a.name, &a.bytes)?;
            debug_assert_eq!(url, a.url, "render and write name assets alike");
            Ok(())
        })?;
    site.pages
        .par_iter()
        .filter(|p| !p.is_staged())
        .try_for_each(|p| staging.write_page(&p.url, &p.html))?;
    site.files
        .par_iter()
        .try_for_each(|f| staging.write(&f.path, &f.bytes))?;
    let files = staging.written();
    if background_cleanup {
        staging.commit_in_background()?;
    } else {
        staging.commit()?;
    }
    Ok(files)
}

/// Brings `out`, written by the build that produced `before` (site path → content hash), up to
/// date with `site`: each changed file is written beside its old version and renamed over it;
/// a file `before` had and `site` has not is removed (site-gen wrote it), with its compressed
/// copies. Returns the new hashes and how many files were written.
pub fn update(
    site: &Site,
    out: &Path,
    before: &HashMap<String, String>,
) -> Result<(HashMap<String, String>, usize)> {
    let now: HashMap<String, String> = crate::render::hashes(site).into_iter().collect();
    let changed: Vec<(String, &[u8])> = site
        .outputs()
        .into_iter()
        .filter(|(p, _)| before.get(p) != now.get(p))
        .collect();
    changed
        .par_iter()
        .try_for_each(|(rel, bytes)| -> Result<()> {
            let path = out.join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .with_context(|| format!("{} を作成できません", dir.display()))?;
            }
            let tmp = path.with_file_name(format!(
                ".{}.site-gen-tmp",
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
            fs::write(&tmp, bytes)
                .with_context(|| format!("{} を書き込めません", tmp.display()))?;
            fs::rename(&tmp, &path)
                .with_context(|| format!("{} を書き込めません", path.display()))?;
            // An older compressed copy would no longer match.
            for ext in ["gz", "br"] {
                let _ = fs::remove_file(beside(&path, ext));
            }
            Ok(())
        })?;
    for gone in before.keys().filter(|p| !now.contains_key(*p)) {
        let path = out.join(gone);
        for p in [beside(&path, "gz"), beside(&path, "br"), path] {
            let _ = fs::remove_file(p);
        }
    }
    Ok((now, changed.len()))
}

/// `a/b.json` → `a/b.json.gz`.
fn beside(p: &Path, ext: &str) -> std::path::PathBuf {
    p.with_file_name(format!(
        "{}.{ext}",
        p.file_name().unwrap_or_default().to_string_lossy()
    ))
}
