//! The TLP gate: loading `content/advisories/`. **It fails closed.** An advisory is published
//! only when its file says exactly `tlp = "CLEAR"`. Anything else — another TLP, no TLP,
//! `clear`, `"CLEAR "`, `TLP:CLEAR`, TLP 1.0's `WHITE`, a file that does not parse, a core
//! validation error — stops the build with the file and the line, and (the build being atomic)
//! nothing is written. Every entry under the folder is gated or refused, whatever its name or
//! type: a symlink, a `.MD`, `.markdown` or `.md.bak` file, a dot-file, a drafts folder all stop
//! the build. `content/advisory-drafts/` is never read. What may be published is core's
//! [`kyoyu_core::publish::publishable`], which the app's 「公開用ファイル」 applies too.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeZone};

use kyoyu_core::advisory_file::{self, Located};
use kyoyu_core::dates::{self, When};
use kyoyu_core::forms::Advisory;
use kyoyu_core::publish::{self, Refusal};
use kyoyu_core::taxonomy::{Choice, Sector};

use crate::error::ContentError;

/// The folder of published advisories, inside the content folder.
pub const FOLDER: &str = "advisories";
/// The folder of drafts, inside the content folder: never read by the publisher.
pub const DRAFTS: &str = "advisory-drafts";

/// One published report (第N報) of an advisory.
#[derive(Debug, Clone)]
pub struct Published {
    pub file: PathBuf,
    pub advisory: Advisory,
    /// 情報提供日時 in Japan time.
    pub at: DateTime<FixedOffset>,
}

impl Published {
    pub fn id(&self) -> &str {
        &self.advisory.header.identifier
    }
    pub fn number(&self) -> u32 {
        self.advisory.header.report_number
    }
    pub fn url(&self) -> String {
        format!("/advisories/{}/{}/", self.id(), self.number())
    }
    pub fn stix_url(&self) -> String {
        format!("{}stix.json", self.url())
    }
    /// The subject: the first sentence of ① 概要 (the form has no 件名).
    pub fn subject(&self) -> String {
        subject(&self.advisory)
    }
}

/// The published reports of one 識別番号, 第1報 first.
#[derive(Debug, Clone)]
pub struct Series {
    pub id: String,
    pub reports: Vec<Published>,
}

impl Series {
    pub fn latest(&self) -> &Published {
        self.reports.last().expect("a series has a report")
    }
    pub fn first(&self) -> &Published {
        &self.reports[0]
    }
    pub fn url(&self) -> String {
        format!("/advisories/{}/", self.id)
    }
    /// The sectors of the latest report's 情報提供先.
    pub fn sectors(&self) -> Vec<Sector> {
        sectors_of(&self.latest().advisory)
    }
}

/// The sectors of an advisory's 情報提供先, each once, in order.
pub fn sectors_of(a: &Advisory) -> Vec<Sector> {
    let mut s: Vec<Sector> = a
        .header
        .recipients
        .iter()
        .filter_map(|r| r.sector)
        .collect();
    s.sort();
    s.dedup();
    s
}

/// Every published advisory: series newest first (by their latest report).
#[derive(Debug, Clone, Default)]
pub struct Advisories {
    pub series: Vec<Series>,
}

impl Advisories {
    pub fn report_count(&self) -> usize {
        self.series.iter().map(|s| s.reports.len()).sum()
    }
}

// ---------------------------------------------------------------------------------------------
// Loading and the gate

/// Reads `<content>/advisories/**/*.md` through the TLP gate. Every problem of every file is
/// reported (file:line), and any problem fails the whole build.
pub fn load(content: &Path) -> Result<Advisories, Vec<ContentError>> {
    let root = content.join(FOLDER);
    if !root.is_dir() {
        return Ok(Advisories::default());
    }
    let mut errors = Vec::new();
    let mut reports: Vec<(Published, usize)> = Vec::new();
    let mut walk = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().unwrap_or(&root).to_path_buf();
                errors.push(ContentError::new(&at, 0, format!("読み込めません: {e}")));
                continue;
            }
        };
        match refusal(&entry) {
            Some(why) => {
                errors.push(ContentError::new(entry.path(), 0, why));
                if entry.file_type().is_dir() {
                    walk.skip_current_dir(); // a refused folder (drafts) is not read
                }
            }
            None if entry.file_type().is_dir() => {}
            None => match read(entry.path()) {
                Ok(r) => reports.push(r),
                Err(e) => errors.extend(e),
            },
        }
    }
    // One file per (識別番号, 第N報).
    let mut by_id: BTreeMap<String, Vec<Published>> = BTreeMap::new();
    let mut seen: BTreeMap<(String, u32), PathBuf> = BTreeMap::new();
    for (p, number_line) in reports {
        let key = (p.id().to_string(), p.number());
        if let Some(first) = seen.get(&key) {
            errors.push(ContentError::new(
                &p.file,
                number_line,
                format!("識別番号 {} の第{}報は {} にもあります。1つの報告は1つのファイルにしてください。", key.0, key.1, first.display()),
            ));
            continue;
        }
        seen.insert(key, p.file.clone());
        by_id.entry(p.id().to_string()).or_default().push(p);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut series: Vec<Series> = by_id
        .into_iter()
        .map(|(id, mut reports)| {
            reports.sort_by_key(|r| r.number());
            Series { id, reports }
        })
        .collect();
    series.sort_by(|a, b| {
        b.latest()
            .at
            .cmp(&a.latest().at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(Advisories { series })
}

/// Reads one file and applies the gate; returns the report and the line of its `number`.
fn read(file: &Path) -> Result<(Published, usize), Vec<ContentError>> {
    let err = |line: usize, msg: String| vec![ContentError::new(file, line, msg)];
    let text = crate::error::read_text(file).map_err(|e| vec![e])?;
    let located = advisory_file::parse_located(&text).map_err(|e| err(e.line, e.message))?;
    let a = &located.advisory;
    // The one publishable rule, shared with the app's 公開用ファイル: TLP:CLEAR, no validation
    // error, a 識別番号 fit for a URL.
    let mut errors: Vec<ContentError> = match publish::publishable(a) {
        Ok(()) => Vec::new(),
        Err(refusals) => refusals
            .iter()
            .map(|r| {
                let (line, msg) = in_file(&located, r);
                ContentError::new(file, line, msg)
            })
            .collect(),
    };
    let at = match japan_time(&a.header.provided_at) {
        Some(at) => Some(at),
        None => {
            if errors.is_empty() {
                errors.push(ContentError::new(
                    file,
                    located.line_of("header.provided_at"),
                    "情報提供日時 date は西暦・24時間表記で \"2025-10-01T10:00\" のように書いてください。",
                ));
            }
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let number_line = located.line_of("header.report_number");
    Ok((
        Published {
            file: file.to_path_buf(),
            advisory: located.advisory,
            at: at.expect("checked"),
        },
        number_line,
    ))
}

/// A refusal of [`publish::publishable`] as the gate reports it in a file: the line to blame
/// and why, a TLP refusal also saying where unpublished advisories go.
fn in_file(located: &Located, r: &Refusal) -> (usize, String) {
    match r {
        Refusal::NotClear(Some(t)) => (
            located.line_of("header.tlp"),
            format!(
                "情報共有範囲が {}({})のため公開できません。サイトで公開できるのは tlp = \"CLEAR\"(TLP:CLEAR 公開情報)の情報提供だけです。公開しない情報提供は content/{DRAFTS}/ に置いてください。",
                t.label(),
                t.name()
            ),
        ),
        Refusal::NotClear(None) => (
            1,
            format!(
                "情報共有範囲 tlp がありません。公開できるのは tlp = \"CLEAR\" と明記した情報提供だけです。内容が公開情報なら front matter に tlp = \"CLEAR\" を書き、そうでなければ content/{DRAFTS}/ に置いてください。"
            ),
        ),
        r => (located.line_of(r.path()), r.message()),
    }
}

/// Why an entry of the advisories folder is refused before it is read, if it is: only plain
/// `.md` files (and folders of them) are advisories; nothing there is skipped in silence.
fn refusal(entry: &walkdir::DirEntry) -> Option<String> {
    let name = entry.file_name().to_string_lossy();
    let kind = entry.file_type();
    if kind.is_symlink() {
        return Some(format!("{FOLDER}/ の中にシンボリックリンクは置けません。公開する情報提供はファイルそのものを置いてください(リンク先は読みません)。"));
    }
    if kind.is_dir() {
        if crate::content::is_drafts_folder(entry.file_name()) {
            return Some(format!("下書きのフォルダ {DRAFTS}/ は {FOLDER}/ の中に置けません。content/{DRAFTS}/ に移してください(下書きは読みません)。"));
        }
        if name.starts_with('.') {
            return Some(format!(
                "{FOLDER}/ の中に名前が . で始まるフォルダは置けません。"
            ));
        }
        return None;
    }
    if !kind.is_file() {
        return Some(format!("{FOLDER}/ の中に置けるのは情報提供の .md ファイルだけです(通常のファイルではありません)。"));
    }
    if name.starts_with('.') || !name.ends_with(".md") || name.len() == ".md".len() {
        return Some(format!(
            "{FOLDER}/ の中に置けるのは情報提供の .md ファイルだけです(名前は小文字の .md で終わり、. で始まらないこと)。このファイルは公開されず、ビルドを止めます。公開しないファイルは content/{DRAFTS}/ へ移してください。"
        ));
    }
    None
}

/// 情報提供日時 (read by core's one date reader: `2025-10-01T10:00`, `2025-10-01` …) as Japan time.
pub fn japan_time(raw: &str) -> Option<DateTime<FixedOffset>> {
    let naive = match dates::when(raw, dates::Eras::Western).ok()? {
        When::DateTime(t) => t,
        When::Date(d) => d.and_hms_opt(0, 0, 0)?,
    };
    jst().from_local_datetime(&naive).single()
}

pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

/// The first sentence of ① 概要, at most 60 characters.
pub fn subject(a: &Advisory) -> String {
    let first = a
        .overview
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let sentence = match first.find('。') {
        Some(i) => &first[..i + '。'.len_utf8()],
        None => first,
    };
    let s: String = sentence.chars().take(60).collect();
    if s.is_empty() {
        format!("識別番号 {}", a.header.identifier)
    } else if s.chars().count() < sentence.chars().count() {
        format!("{s}…")
    } else {
        s
    }
}
