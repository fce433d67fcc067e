//! Loading `content/`: the handbook's parts and chapters (Markdown with TOML front matter).
//!
//! Layout: `content/handbook/<NN-part>/_part.md` (the part's title and lead) and
//! `content/handbook/<NN-part>/<NN-chapter>.md`. Numeric prefixes order the files and are
//! dropped from URLs. Any folder of Markdown works too (for benchmarks): without a `handbook/`
//! folder the content folder itself is read, and a file without front matter takes its title
//! from its first heading or its name.
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{line_of, ContentError};

/// Front matter of a chapter or a part.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub part: Option<String>,
    pub number: Option<String>,
    pub description: Option<String>,
}

/// One Markdown source file.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as given on the command line side (for error messages).
    pub file: PathBuf,
    /// Path relative to the handbook root, with `/` separators.
    pub rel: String,
    pub title: String,
    pub number: Option<String>,
    pub description: Option<String>,
    /// The Markdown after the front matter.
    pub body: String,
    /// Lines taken by the front matter (added to body line numbers in messages).
    pub body_line_offset: usize,
}

/// A part (a folder) and its chapters in order.
#[derive(Debug, Clone)]
pub struct Part {
    pub slug: String,
    pub title: String,
    pub lead: Option<Source>,
    pub chapters: Vec<Source>,
}

/// The handbook: its parts in order.
#[derive(Debug, Clone, Default)]
pub struct Handbook {
    pub parts: Vec<Part>,
}

impl Handbook {
    /// The URL of the page built from a source path relative to the handbook root.
    pub fn url_of(rel: &str) -> String {
        let mut url = String::from("/handbook/");
        let rel = rel.strip_suffix(".md").unwrap_or(rel);
        for seg in rel.split('/') {
            if seg == "_part" {
                continue;
            }
            url.push_str(strip_order(seg));
            url.push('/');
        }
        url
    }

    pub fn chapters(&self) -> impl Iterator<Item = (&Part, &Source)> {
        self.parts
            .iter()
            .flat_map(|p| p.chapters.iter().map(move |c| (p, c)))
    }
}

/// `01-mokuteki` → `mokuteki`.
pub fn strip_order(seg: &str) -> &str {
    match seg.split_once('-') {
        Some((n, rest))
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() =>
        {
            rest
        }
        _ => seg,
    }
}

/// The folder holding the handbook inside a content folder.
pub fn handbook_root(content: &Path) -> PathBuf {
    let h = content.join("handbook");
    if h.is_dir() {
        h
    } else {
        content.to_path_buf()
    }
}

/// Reads every Markdown file of the handbook. Errors name file and line; all are collected.
pub fn load(content: &Path) -> Result<Handbook, Vec<ContentError>> {
    let root = handbook_root(content);
    if !root.is_dir() {
        return Err(vec![ContentError::new(
            &root,
            0,
            "コンテンツのフォルダがありません",
        )]);
    }
    let mut by_dir: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                return Err(vec![ContentError::new(
                    &root,
                    0,
                    format!("読み込めません: {e}"),
                )])
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let rel = path.strip_prefix(&root).unwrap();
        // Advisories and drafts are not chapters.
        if content.join("handbook") != root
            && rel
                .components()
                .next()
                .is_some_and(|c| c.as_os_str() == "advisories")
        {
            continue;
        }
        let dir = rel
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        by_dir.entry(dir).or_default().push(path.to_path_buf());
    }
    let mut errors = Vec::new();
    let mut parts = Vec::new();
    for (dir, files) in by_dir {
        let mut part = Part {
            slug: dir
                .split('/')
                .map(strip_order)
                .collect::<Vec<_>>()
                .join("/"),
            title: dir
                .rsplit('/')
                .next()
                .map(strip_order)
                .unwrap_or("")
                .to_string(),
            lead: None,
            chapters: Vec::new(),
        };
        for file in files {
            match read_source(&root, &file) {
                Ok(src) if file.file_name().is_some_and(|n| n == "_part.md") => {
                    part.title = src.title.clone();
                    part.lead = Some(src);
                }
                Ok(src) => part.chapters.push(src),
                Err(e) => errors.push(e),
            }
        }
        if !part.chapters.is_empty() || part.lead.is_some() {
            parts.push(part);
        }
    }
    if errors.is_empty() {
        Ok(Handbook { parts })
    } else {
        Err(errors)
    }
}

fn read_source(root: &Path, file: &Path) -> Result<Source, ContentError> {
    let text = fs::read_to_string(file).map_err(|e| {
        ContentError::new(file, 0, format!("UTF-8 のテキストとして読めません: {e}"))
    })?;
    let rel = file
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let (fm, body, offset) = split_front_matter(file, &text)?;
    let title = match fm.title.clone() {
        Some(t) if !t.trim().is_empty() => t,
        Some(_) => return Err(ContentError::new(file, 2, "title が空です")),
        None => first_heading(body).unwrap_or_else(|| {
            strip_order(file.file_stem().unwrap().to_string_lossy().as_ref()).to_string()
        }),
    };
    Ok(Source {
        file: file.to_path_buf(),
        rel,
        title,
        number: fm.number,
        description: fm.description,
        body: body.to_string(),
        body_line_offset: offset,
    })
}

/// Splits `+++` TOML front matter from the body. Returns the body's line offset.
pub fn split_front_matter<'a>(
    file: &Path,
    text: &'a str,
) -> Result<(FrontMatter, &'a str, usize), ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        return Ok((FrontMatter::default(), text, 0));
    };
    let Some(end) = rest.find("\n+++") else {
        return Err(ContentError::new(
            file,
            1,
            "front matter の終わり (+++) がありません",
        ));
    };
    let toml_src = &rest[..end + 1];
    let fm: FrontMatter = toml::from_str(toml_src).map_err(|e| {
        let line = e
            .span()
            .map(|s| line_of(toml_src, s.start) + 1)
            .unwrap_or(1);
        ContentError::new(
            file,
            line,
            format!("front matter を読めません: {}", e.message()),
        )
    })?;
    let after = &rest[end + 4..];
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after);
    let offset = text.len() - body.len();
    Ok((fm, body, line_of(text, offset) - 1))
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .find_map(|l| l.strip_prefix("# ").or_else(|| l.strip_prefix("## ")))
        .map(|t| t.trim().to_string())
}
