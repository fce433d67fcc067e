//! Loading `content/`: the handbook's parts and chapters (Markdown with TOML front matter).
//!
//! Layout: `content/handbook/<NN-part>/_part.md` (the part's title and lead) and
//! `content/handbook/<NN-part>/<NN-chapter>.md`. Numeric prefixes order the files and are
//! dropped from URLs. Any folder of Markdown works too (for benchmarks): without a `handbook/`
//! folder the content folder itself is read (its `advisories/` left to the TLP gate), and a file
//! without front matter takes its title from its first heading or its name. A folder named
//! `advisory-drafts` is never entered, wherever it is; two sources that would share a URL are
//! an error naming both.
use std::collections::BTreeMap;
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
    /// The folder (for messages).
    pub dir: PathBuf,
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

    /// Every source file: each part's lead, then its chapters.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.parts
            .iter()
            .flat_map(|p| p.lead.iter().chain(&p.chapters))
    }

    pub fn chapters(&self) -> impl Iterator<Item = (&Part, &Source)> {
        self.parts
            .iter()
            .flat_map(|p| p.chapters.iter().map(move |c| (p, c)))
    }
}

impl Part {
    /// The part's page; the handbook's own files (a folder of Markdown without sub-folders)
    /// are listed on `/handbook/` itself.
    pub fn url(&self) -> String {
        if self.slug.is_empty() {
            "/handbook/".into()
        } else {
            format!("/handbook/{}/", self.slug)
        }
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

/// A folder of drafts (`advisory-drafts`, in any letter case): never read, wherever it is.
pub fn is_drafts_folder(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.eq_ignore_ascii_case(crate::gate::DRAFTS))
}

/// The handbook, and the draft folders found inside the content and left unread.
pub struct Loaded {
    pub handbook: Handbook,
    pub drafts: Vec<PathBuf>,
}

/// Reads every Markdown file of the handbook. Errors name file and line; all are collected.
/// Folders named `advisory-drafts` are not entered (their paths are returned, to say so), and
/// without a `handbook/` folder the advisories are left to the TLP gate.
pub fn load(content: &Path) -> Result<Loaded, Vec<ContentError>> {
    let root = handbook_root(content);
    if !root.is_dir() {
        return Err(vec![ContentError::new(
            &root,
            0,
            "コンテンツのフォルダがありません",
        )]);
    }
    let flat = content.join("handbook") != root;
    let mut drafts = Vec::new();
    let mut by_dir: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let walk = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 || !e.file_type().is_dir() {
                return true;
            }
            if is_drafts_folder(e.file_name()) {
                drafts.push(e.path().to_path_buf());
                return false;
            }
            // Without a handbook/ folder, the advisories are not chapters: the gate reads them.
            !(flat && e.depth() == 1 && e.file_name() == crate::gate::FOLDER)
        });
    for entry in walk {
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
        let dir = rel
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        by_dir.entry(dir).or_default().push(path.to_path_buf());
    }
    let mut errors = Vec::new();
    let mut parts = Vec::new();
    // Every file read at once, kept in order (see `read_many`).
    let all: Vec<&PathBuf> = by_dir.values().flatten().collect();
    let mut sources = read_many(&all, |file| read_source(&root, file)).into_iter();
    for (dir, files) in &by_dir {
        let mut part = Part {
            slug: dir
                .split('/')
                .map(strip_order)
                .collect::<Vec<_>>()
                .join("/"),
            title: if dir.is_empty() {
                "手引書".to_string()
            } else {
                dir.rsplit('/')
                    .next()
                    .map(strip_order)
                    .unwrap_or("")
                    .to_string()
            },
            dir: root.join(dir),
            lead: None,
            chapters: Vec::new(),
        };
        for file in files {
            match sources.next().expect("one source for each file") {
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
    let handbook = Handbook { parts };
    errors.extend(handbook.url_clashes());
    if errors.is_empty() {
        Ok(Loaded { handbook, drafts })
    } else {
        Err(errors)
    }
}

/// Threads that read content files: more than a machine has cores, because a file not in the
/// page cache (a first build, a folder the system evicted) waits on the disk, and with one
/// thread a core a cold 10,000-file folder took a second to load, against a tenth of that warm.
const READERS: usize = 16;

/// `read` applied to every file on [`READERS`] threads, the results in the order of `files`.
/// (Scoped threads by hand: rayon's pool has one thread a core, which suits the rendering but
/// not waiting on a disk.)
fn read_many<T: Send>(files: &[&PathBuf], read: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const CHUNK: usize = 32;
    let chunks: Vec<&[&PathBuf]> = files.chunks(CHUNK).collect();
    let next = AtomicUsize::new(0);
    let done = std::sync::Mutex::new(Vec::with_capacity(chunks.len()));
    std::thread::scope(|s| {
        for _ in 0..READERS.min(chunks.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(chunk) = chunks.get(i) else { break };
                let read: Vec<T> = chunk.iter().map(|f| read(f)).collect();
                done.lock().unwrap().push((i, read));
            });
        }
    });
    let mut done = done.into_inner().unwrap();
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().flat_map(|(_, read)| read).collect()
}

impl Handbook {
    /// Two sources that would become one page (`01-mokuteki.md` and `08-mokuteki.md`, or a
    /// folder and a chapter of the same name): an error at each, naming the other.
    fn url_clashes(&self) -> Vec<ContentError> {
        let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
        let mut errors = Vec::new();
        let sources = self
            .parts
            .iter()
            .filter(|p| !p.slug.is_empty())
            .map(|p| (p.url(), p.dir.as_path()));
        let chapters = self
            .chapters()
            .map(|(_, c)| (Handbook::url_of(&c.rel), c.file.as_path()));
        for (url, file) in sources.chain(chapters) {
            match seen.get(&url) {
                Some(first) => errors.push(ContentError::new(
                    file,
                    0,
                    format!("{} と同じ URL {url} になります。どちらかの名前を変えてください(番号の接頭辞 NN- は URL に含まれません)", first.display()),
                )),
                None => {
                    seen.insert(url, file);
                }
            }
        }
        errors
    }
}

pub fn read_source(root: &Path, file: &Path) -> Result<Source, ContentError> {
    let text = crate::error::read_text(file)?;
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
