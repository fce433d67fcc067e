//! Step 3 of the pipeline, check: one check over everything render produced, whatever kind of
//! page it is (chapter, part lead, reference page, advisory, form page, home):
//!
//! - no two outputs on one path, and no file where a folder must be (an advisory id
//!   `feed.atom` against the feed), letter case ignored as some file systems do — an error
//!   naming both sources;
//! - every internal link reaches a page or a file of the site, and its `#anchor` an id on
//!   that page; a link from a content file is reported at its line in that file.
//!
//! Fragments that start with `/` are the form filler's routes (`/app/#/new/incident`), not
//! anchors.
use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};

use crate::error::{ContentError, ContentErrors};
use crate::render::{Page, Site};

/// Checks `site`; every problem is reported.
pub fn check(site: &Site) -> Result<()> {
    let mut errors = clashes(site);
    errors.extend(link_errors(site));
    result(errors)
}

/// The link and anchor check alone (a rebuild that changed no URL).
pub fn links(site: &Site) -> Result<()> {
    result(link_errors(site))
}

fn result(errors: Vec<ContentError>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(anyhow!(ContentErrors(errors)))
    }
}

fn link_errors(site: &Site) -> Vec<ContentError> {
    use rayon::prelude::*;
    // Each page's ids, looked through in order (a page has a few dozen at most).
    let mut pages: FxHashMap<&str, &[String]> = site
        .pages
        .iter()
        .map(|p| (p.url.as_str(), p.ids.as_slice()))
        .collect();
    for url in &site.omitted {
        pages.entry(url.as_str()).or_default();
    }
    let files: FxHashSet<String> = site
        .files
        .iter()
        .map(|f| format!("/{}", f.path))
        .chain(site.assets.iter().map(|a| a.url.clone()))
        .collect();
    // Each page's links in parallel (a large site has hundreds of thousands), in page order.
    site.pages
        .par_iter()
        .flat_map_iter(|page| {
            let (pages, files) = (&pages, &files);
            page.links.iter().filter_map(move |link| {
                let (url, anchor) = target(&page.url, &link.href)?;
                let problem = match pages.get(&*url) {
                    Some(ids) => match anchor {
                        Some(a)
                            if !a.is_empty()
                                && !a.starts_with('/')
                                && !ids.iter().any(|i| i == a) =>
                        {
                            Some(format!("リンク先 {url} に見出し #{a} がありません"))
                        }
                        _ => None,
                    },
                    None if files.contains(&*url) => None,
                    None => Some(format!("リンク先のページ {url} がありません")),
                };
                problem.map(|message| at(page, link.line, message))
            })
        })
        .collect()
}

/// The error for a problem of `page` at `line` of its source.
fn at(page: &Page, line: usize, message: String) -> ContentError {
    match &page.source {
        Some(file) => ContentError::new(file, line, message),
        None => ContentError::new(
            Path::new(&page.url),
            0,
            format!("(site-gen が生成したページ) {message}"),
        ),
    }
}

/// The URL path and the fragment a link points at, or `None` for a link leaving the site.
fn target<'h>(page_url: &str, href: &'h str) -> Option<(Cow<'h, str>, Option<&'h str>)> {
    let trimmed = href.trim();
    if crate::markdown::SCHEMES.iter().any(|s| {
        trimmed.len() > s.len()
            && trimmed.as_bytes()[s.len()] == b':'
            && trimmed[..s.len()].eq_ignore_ascii_case(s)
    }) {
        return None;
    }
    let (rest, anchor) = match href.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (href, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let url = if path.is_empty() {
        Cow::Owned(page_url.to_string())
    } else if path.starts_with('/') {
        normalise(path)
    } else {
        // Relative to the page's folder (a page URL ends in `/`, or names a file).
        let dir = &page_url[..page_url.rfind('/').map_or(0, |i| i + 1)];
        Cow::Owned(normalise(&format!("{dir}{path}")).into_owned())
    };
    Some((url, anchor))
}

/// `/a/./b/../c/` → `/a/c/`.
fn normalise(path: &str) -> Cow<'_, str> {
    // Most links are already normal: kept as they are.
    if path.starts_with('/')
        && !path.contains("//")
        && path.split('/').all(|seg| seg != "." && seg != "..")
    {
        return Cow::Borrowed(path);
    }
    let mut segs: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    let mut out = format!("/{}", segs.join("/"));
    if path.ends_with('/') && out.len() > 1 {
        out.push('/');
    }
    Cow::Owned(out)
}

/// Two outputs on one path, or a file where another output needs a folder.
fn clashes(site: &Site) -> Vec<ContentError> {
    let what = |source: &Option<PathBuf>, url: &str| match source {
        Some(f) => f.display().to_string(),
        None => format!("site-gen が生成する {url}"),
    };
    let mut outputs: Vec<(String, String, Option<PathBuf>)> = site
        .pages
        .iter()
        .map(|p| (p.path(), p.url.clone(), p.source.clone()))
        .collect();
    outputs.extend(
        site.files
            .iter()
            .map(|f| (f.path.clone(), format!("/{}", f.path), None)),
    );
    outputs.extend(site.assets.iter().map(|a| {
        (
            a.url.trim_start_matches('/').to_string(),
            a.url.clone(),
            None,
        )
    }));
    let mut by_path: HashMap<String, usize> = HashMap::with_capacity(outputs.len());
    let mut errors = Vec::new();
    let blame = |i: usize, j: usize, errors: &mut Vec<ContentError>| {
        let (_, url, source) = &outputs[i];
        let (_, other_url, other) = &outputs[j];
        let file = source
            .clone()
            .or(other.clone())
            .unwrap_or_else(|| PathBuf::from(url));
        errors.push(ContentError::new(
            &file,
            0,
            format!("{}({url})と {}({other_url})が同じ場所に書き出されます。どちらかの名前を変えてください", what(source, url), what(other, other_url)),
        ));
    };
    for (i, (path, _, _)) in outputs.iter().enumerate() {
        match by_path.get(&path.to_lowercase()) {
            Some(&j) => blame(i, j, &mut errors),
            None => {
                by_path.insert(path.to_lowercase(), i);
            }
        }
    }
    for (i, (path, _, _)) in outputs.iter().enumerate() {
        let mut dir = path.as_str();
        while let Some(cut) = dir.rfind('/') {
            dir = &dir[..cut];
            if let Some(&j) = by_path.get(&dir.to_lowercase()) {
                blame(i, j, &mut errors);
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_of_links() {
        assert_eq!(
            target("/handbook/a/", "/reference/#x"),
            Some(("/reference/".into(), Some("x")))
        );
        assert_eq!(
            target("/handbook/a/", "#x"),
            Some(("/handbook/a/".into(), Some("x")))
        );
        assert_eq!(
            target("/handbook/a/", "../b/"),
            Some(("/handbook/b/".into(), None))
        );
        assert_eq!(
            target("/404.html", "search/"),
            Some(("/search/".into(), None))
        );
        assert_eq!(target("/x/", "https://example.org/"), None);
        assert_eq!(target("/x/", "MAILTO:a@b"), None);
        assert_eq!(target("/x/", " Https:x"), None);
        assert_eq!(
            target("/x/", "http/"),
            Some(("/x/http/".into(), None)),
            "no colon: a path"
        );
        assert_eq!(target("/x/", "情報:a"), Some(("/x/情報:a".into(), None)));
        for (path, normal) in [
            ("/", "/"),
            ("/a/b/", "/a/b/"),
            ("/a/./b/../c/", "/a/c/"),
            ("/a//b", "/a/b"),
            ("/../a", "/a"),
            ("/a/..", "/"),
            ("a/b/", "/a/b/"),
        ] {
            assert_eq!(normalise(path), normal, "{path}");
        }
        assert_eq!(
            target("/x/", "/app/#/new/ddos"),
            Some(("/app/".into(), Some("/new/ddos")))
        );
    }
}
