//! The advisory file: one 情報提供様式 (図7) as a Markdown file with TOML front matter — what
//! `content/advisories/*.md` holds and what the app exports, so that an advisory drafted
//! offline is published without edits.
//!
//! ```text
//! +++
//! importance = "caution"          # 重要度: alert (警報) / caution (注意喚起) / information (参考情報)
//! number = 1                      # 第N報
//! id = "KY-2025-0001"             # 識別番号
//! date = "2025-10-01T10:00"       # 情報提供日時 (西暦, 24時間表記)
//! tlp = "CLEAR"                   # 情報共有範囲: RED / AMBER+STRICT / AMBER / GREEN / CLEAR
//! tlp_note = "特になし"           # 情報共有範囲 — 特記事項
//! annex = "no"                    # 別紙有無: yes (有) / no (無)
//!
//! [[recipients]]                  # 情報提供先 (所管省庁名及び分野名), one table each
//! ministry = "経済産業省"
//! sector = "electricity"          # a sector id of the taxonomy
//!
//! [contact]                       # 本件問合せ先 — 国家サイバー統括室 重要インフラ防護担当
//! person = "提供 花子"
//! phone = "03-xxxx-xxxx"
//! fax = "03-xxxx-xxxx"
//! email = "teikyo.hanako@example.go.jp"
//!
//! [[indicators]]                  # インディケータ情報 (様式外: STIX 2.1 バンドルに入る), one table each
//! value = "198.51.100.0/24"       # IPv4/IPv6 アドレス・範囲, ドメイン名, URL, ハッシュ値, CVE 番号
//! type = "ipv4"                   # optional: ipv4 ipv6 domain url md5 sha1 sha256 sha512 cve
//! note = "攻撃の送信元"           # optional: 備考, one short line
//! +++
//!
//! ## ① 概要
//!
//! …
//!
//! ## ② 対象
//! ## ③ 対処方針
//! ## ④ その他
//! ```
//!
//! # The body
//!
//! A line starting with `## ` is a section heading and must be one of the four (the circled
//! number and the spaces may be left out: `## 概要`). Each section's text is the lines under its
//! heading with the blank lines around them removed; a section left out is empty. The texts are
//! the form's plain text (the print view shows them as typed), not rendered Markdown.
//!
//! So that every text survives a round trip exactly ([`to_file`] then [`parse`]), [`to_file`]
//! puts a backslash before a text line that would otherwise be read differently: a line
//! starting with `##` (after any backslashes), a line of only backslashes and spaces, and a
//! blank line at the start or end of a text. [`parse`] removes one backslash from such lines.
//! Hand-written files rarely need this.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::forms::{Advisory, AdvisoryContact, AdvisoryHeader, Indicator, Recipient};
use crate::indicators::IndicatorKind;
use crate::taxonomy::{Choice, Importance, Sector, Tlp, YesNo};

/// The four sections of the body: (field path, heading as written by [`to_file`]).
pub const SECTIONS: [(&str, &str); 4] = [
    ("overview", "① 概要"),
    ("target", "② 対象"),
    ("response", "③ 対処方針"),
    ("other", "④ その他"),
];

/// The keys of the front matter, for messages.
const KEYS: &str = "importance, number, id, date, tlp, tlp_note, annex, [[recipients]] (ministry, sector), [contact] (person, phone, fax, email), [[indicators]] (value, type, note)";

/// What is wrong with an advisory file, and where: `line` is 1-based, counted in the whole
/// file (front matter included); `message` is Japanese and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisoryFileError {
    pub line: usize,
    pub message: String,
}

impl AdvisoryFileError {
    fn new(line: usize, message: impl Into<String>) -> AdvisoryFileError {
        AdvisoryFileError {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for AdvisoryFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}行目: {}", self.line, self.message)
    }
}

impl std::error::Error for AdvisoryFileError {}

/// A parsed advisory and the line of each of its fields in the file (for messages about a
/// field, e.g. a validation finding or the TLP gate).
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub advisory: Advisory,
    /// Field path ([`crate::forms::path`]) → 1-based line.
    lines: BTreeMap<String, usize>,
}

impl Located {
    /// The line of the field at `path` (`header.tlp`, `header.recipients[1].sector`,
    /// `overview`, …). A field that is not in the file gives the line of the nearest enclosing
    /// one that is, and line 1 (the front matter's start) when none is.
    pub fn line_of(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(l) = self.lines.get(p) {
                return *l;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return 1,
            }
        }
    }

    /// Whether the field at `path` is written in the file (not left to its default).
    pub fn has(&self, path: &str) -> bool {
        self.lines.contains_key(path)
    }
}

/// Reads an advisory file.
pub fn parse(text: &str) -> Result<Advisory, AdvisoryFileError> {
    parse_located(text).map(|l| l.advisory)
}

/// Reads an advisory file, keeping the line of each field.
pub fn parse_located(text: &str) -> Result<Located, AdvisoryFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A file saved with CRLF line ends is read as LF (files written by `to_file` use LF, and
    // keep any CR typed inside a text).
    let normalised;
    let text = if text.starts_with("+++\r\n") {
        normalised = text.replace("\r\n", "\n");
        normalised.as_str()
    } else {
        text
    };
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err(AdvisoryFileError::new(
            1,
            "1行目は「+++」にしてください(front matter の始まり)。情報提供様式のファイルは +++ で囲んだ TOML の見出し部分で始まります。",
        ));
    };
    // The closing line: the first line that is exactly `+++`.
    let mut offset = 0;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches('\n') == "+++" {
            close = Some(offset);
            break;
        }
        offset += line.len();
    }
    let Some(close) = close else {
        return Err(AdvisoryFileError::new(
            1,
            "front matter の終わりの「+++」の行がありません。",
        ));
    };
    let front = &rest[..close];
    let after_close = &rest[close..];
    let body = after_close.split_once('\n').map(|(_, b)| b).unwrap_or("");
    // Line numbers: the front matter starts on line 2; the body on the line after `+++`.
    let front_line = |byte: usize| line_at(front, byte) + 1;
    let body_first_line = 2 + front.matches('\n').count() + 1;

    let raw: RawFront = toml::from_str(front).map_err(|e| {
        let line = e.span().map(|s| front_line(s.start)).unwrap_or(1);
        AdvisoryFileError::new(line, toml_message(e.message()))
    })?;

    let mut lines = BTreeMap::new();
    let mut mark = |path: &str, byte: usize| {
        lines.insert(path.to_string(), front_line(byte));
    };
    let mut header = AdvisoryHeader::default();

    if let Some(v) = &raw.importance {
        mark("header.importance", v.span().start);
        header.importance = Some(Importance::from_id(v.get_ref()).ok_or_else(|| {
            AdvisoryFileError::new(
                front_line(v.span().start),
                format!(
                    "重要度 importance の値「{}」は使えません。alert(警報)、caution(注意喚起)、information(参考情報)のいずれかを書いてください。",
                    v.get_ref()
                ),
            )
        })?);
    }
    if let Some(v) = &raw.number {
        mark("header.report_number", v.span().start);
        header.report_number = u32::try_from(*v.get_ref()).map_err(|_| {
            AdvisoryFileError::new(
                front_line(v.span().start),
                format!(
                    "第N報 number の値 {} は使えません。1 以上の整数を書いてください。",
                    v.get_ref()
                ),
            )
        })?;
    }
    if let Some(v) = &raw.id {
        mark("header.identifier", v.span().start);
        header.identifier = v.get_ref().clone();
    }
    if let Some(v) = &raw.date {
        mark("header.provided_at", v.span().start);
        header.provided_at = v.get_ref().clone();
    }
    if let Some(list) = &raw.recipients {
        for (item, r) in tables(list, "header.recipients", &mut mark) {
            let mut recipient = Recipient::default();
            if let Some(m) = &r.ministry {
                mark(&format!("{item}.ministry"), m.span().start);
                recipient.ministry = m.get_ref().clone();
            }
            if let Some(s) = &r.sector {
                mark(&format!("{item}.sector"), s.span().start);
                recipient.sector = Some(Sector::from_id(s.get_ref()).ok_or_else(|| {
                    AdvisoryFileError::new(front_line(s.span().start), sector_message(s.get_ref()))
                })?);
            }
            header.recipients.push(recipient);
        }
    }
    if let Some(v) = &raw.tlp {
        mark("header.tlp", v.span().start);
        header.tlp = Some(
            parse_tlp(v.get_ref())
                .map_err(|m| AdvisoryFileError::new(front_line(v.span().start), m))?,
        );
    }
    if let Some(v) = &raw.tlp_note {
        mark("header.tlp_note", v.span().start);
        header.tlp_note = v.get_ref().clone();
    }
    if let Some(v) = &raw.annex {
        mark("header.annex", v.span().start);
        header.annex = Some(YesNo::from_id(v.get_ref()).ok_or_else(|| {
            AdvisoryFileError::new(
                front_line(v.span().start),
                format!(
                    "別紙有無 annex の値「{}」は使えません。yes(有)か no(無)を書いてください。",
                    v.get_ref()
                ),
            )
        })?);
    }
    let mut contact = AdvisoryContact::default();
    if let Some(c) = &raw.contact {
        mark("contact", c.span().start);
        let c = c.get_ref();
        for (name, field, slot) in [
            ("person", &c.person, &mut contact.person),
            ("phone", &c.phone, &mut contact.phone),
            ("fax", &c.fax, &mut contact.fax),
            ("email", &c.email, &mut contact.email),
        ] {
            if let Some(v) = field {
                mark(&format!("contact.{name}"), v.span().start);
                *slot = v.get_ref().clone();
            }
        }
    }

    let mut indicators = Vec::new();
    if let Some(list) = &raw.indicators {
        for (item, r) in tables(list, "indicators", &mut mark) {
            let mut indicator = Indicator::default();
            if let Some(v) = &r.value {
                mark(&format!("{item}.value"), v.span().start);
                indicator.value = v.get_ref().clone();
            }
            if let Some(k) = &r.kind {
                mark(&format!("{item}.kind"), k.span().start);
                indicator.kind = Some(IndicatorKind::from_id(k.get_ref()).ok_or_else(|| {
                    AdvisoryFileError::new(
                        front_line(k.span().start),
                        indicator_kind_message(k.get_ref()),
                    )
                })?);
            }
            if let Some(n) = &r.note {
                mark(&format!("{item}.note"), n.span().start);
                indicator.note = n.get_ref().clone();
            }
            indicators.push(indicator);
        }
    }

    let mut advisory = Advisory {
        header,
        contact,
        indicators,
        ..Advisory::default()
    };
    for (path, line) in parse_body(body, body_first_line, &mut advisory)? {
        lines.insert(path.to_string(), line);
    }
    Ok(Located { advisory, lines })
}

/// The file of `advisory`: `parse(&to_file(a)) == Ok(a)` for every advisory.
pub fn to_file(advisory: &Advisory) -> String {
    let h = &advisory.header;
    let mut s = String::from("+++\n");
    if let Some(i) = h.importance {
        key(&mut s, "importance", i.id(), Some(i.label()));
    }
    s.push_str(&format!(
        "number = {}{}\n",
        h.report_number,
        pad_comment("number = 0", "第N報")
    ));
    key(&mut s, "id", &h.identifier, Some("識別番号"));
    key(&mut s, "date", &h.provided_at, Some("情報提供日時"));
    if let Some(t) = h.tlp {
        key(&mut s, "tlp", t.id(), Some(t.label()));
    }
    key(&mut s, "tlp_note", &h.tlp_note, Some("特記事項"));
    if let Some(a) = h.annex {
        key(&mut s, "annex", a.id(), Some(&format!("別紙{}", a.label())));
    }
    for r in &h.recipients {
        s.push_str("\n[[recipients]]  # 情報提供先\n");
        key(&mut s, "ministry", &r.ministry, None);
        if let Some(sector) = r.sector {
            key(&mut s, "sector", sector.id(), Some(sector.label()));
        }
    }
    let c = &advisory.contact;
    s.push_str("\n[contact]  # 本件問合せ先 国家サイバー統括室 重要インフラ防護担当\n");
    key(&mut s, "person", &c.person, None);
    key(&mut s, "phone", &c.phone, None);
    key(&mut s, "fax", &c.fax, None);
    key(&mut s, "email", &c.email, None);
    for i in &advisory.indicators {
        s.push_str("\n[[indicators]]  # インディケータ情報\n");
        key(&mut s, "value", &i.value, None);
        if let Some(k) = i.kind {
            key(&mut s, "type", k.id(), Some(k.label()));
        }
        if !i.note.is_empty() {
            key(&mut s, "note", &i.note, None);
        }
    }
    s.push_str("+++\n");
    for (path, heading) in SECTIONS {
        s.push_str("\n## ");
        s.push_str(heading);
        s.push_str("\n\n");
        let text = section(advisory, path);
        if !text.is_empty() {
            s.push_str(&escape_text(text));
            s.push('\n');
        }
    }
    s
}

/// A file name for an exported advisory: `<識別番号>-<N>.md` (识别番号 reduced to ASCII
/// letters, digits, `-` and `_`; `advisory` when that leaves nothing).
pub fn file_name(advisory: &Advisory) -> String {
    let id: String = advisory
        .header
        .identifier
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-');
    let id = if id.is_empty() { "advisory" } else { id };
    format!("{id}-{}.md", advisory.header.report_number)
}

/// Reads a TLP exactly as the file format writes it (`RED`, `AMBER+STRICT`, `AMBER`, `GREEN`,
/// `CLEAR`); anything else is refused with a message saying what to write.
pub fn parse_tlp(value: &str) -> Result<Tlp, String> {
    if let Some(t) = Tlp::from_id(value) {
        return Ok(t);
    }
    const ALLOWED: &str = "RED、AMBER+STRICT、AMBER、GREEN、CLEAR";
    let bare = value.trim();
    let upper = bare.to_ascii_uppercase();
    let unprefixed = upper.strip_prefix("TLP:").unwrap_or(&upper).trim();
    Err(if unprefixed == "WHITE" {
        format!(
            "情報共有範囲 tlp の値「{value}」は使えません。WHITE は TLP 1.0 の区分で、TLP 2.0 に基づくこの様式にはありません。内容が本当に公開してよい情報なら CLEAR と書いてください(公開しない情報なら、その範囲の区分を書いてください)。"
        )
    } else if bare != value {
        format!("情報共有範囲 tlp の値「{value}」の前後に空白があります。空白を除いて {bare} と書いてください。")
    } else if upper.starts_with("TLP:") && Tlp::from_id(unprefixed).is_some() {
        format!("情報共有範囲 tlp には「TLP:」を付けずに {unprefixed} と書いてください(ラベル TLP:{unprefixed} は自動で表示されます)。")
    } else if Tlp::from_id(&upper).is_some() {
        format!("情報共有範囲 tlp の値「{value}」は大文字で {upper} と書いてください。")
    } else {
        format!(
            "情報共有範囲 tlp の値「{value}」は使えません。{ALLOWED} のいずれかを書いてください。"
        )
    })
}

// ---------------------------------------------------------------------------------------------
// Front matter

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    importance: Option<Spanned<String>>,
    number: Option<Spanned<i64>>,
    id: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    recipients: Option<Spanned<Vec<Spanned<RawRecipient>>>>,
    tlp: Option<Spanned<String>>,
    tlp_note: Option<Spanned<String>>,
    annex: Option<Spanned<String>>,
    contact: Option<Spanned<RawContact>>,
    indicators: Option<Spanned<Vec<Spanned<RawIndicator>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    value: Option<Spanned<String>>,
    #[serde(rename = "type")]
    kind: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecipient {
    ministry: Option<Spanned<String>>,
    sector: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    person: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    fax: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
}

/// The toml crate's message, in Japanese.
fn toml_message(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        return format!("「{name}」は情報提供様式のファイルにない項目です。使える項目: {KEYS}");
    }
    if msg.contains("invalid type") {
        let want = if msg.contains("expected i64") || msg.contains("expected an integer") {
            "整数(例: number = 2)"
        } else if msg.contains("expected a string") {
            "\" で囲んだ文字列"
        } else if msg.contains("expected a sequence") {
            "[[recipients]] や [[indicators]] の表"
        } else {
            "決められた形"
        };
        return format!("値の種類が違います。{want}で書いてください。({msg})");
    }
    if msg.contains("duplicate key") {
        return format!("同じ項目が2回書かれています。1回にしてください。({msg})");
    }
    format!("front matter の TOML の書き方に誤りがあります。({msg})")
}

/// A list of tables (`[[name]]`): the list and each table marked at their lines (`path`,
/// `path[i]`), each table with its path.
fn tables<'a, T>(
    list: &'a Spanned<Vec<Spanned<T>>>,
    path: &str,
    mark: &mut impl FnMut(&str, usize),
) -> Vec<(String, &'a T)> {
    mark(path, list.span().start);
    list.get_ref()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let item = format!("{path}[{i}]");
            mark(&item, r.span().start);
            (item, r.get_ref())
        })
        .collect()
}

/// Every value of a choice as a message lists them: `id(label)、…`.
fn choices<C: Choice>() -> String {
    let ids: Vec<String> = C::ALL
        .iter()
        .map(|c| format!("{}({})", c.id(), c.label()))
        .collect();
    ids.join("、")
}

fn indicator_kind_message(value: &str) -> String {
    format!(
        "インディケータの種類 type の値「{value}」は使えません。次のいずれかを書くか、type を書かずに値の形から判定させてください: {}",
        choices::<IndicatorKind>()
    )
}

fn sector_message(value: &str) -> String {
    format!(
        "分野 sector の値「{value}」は使えません。次のいずれかを書いてください: {}",
        choices::<Sector>()
    )
}

/// `name = "value"` with an optional comment, TOML basic string escaping.
fn key(s: &mut String, name: &str, value: &str, comment: Option<&str>) {
    let line = format!("{name} = {}", toml_string(value));
    s.push_str(&line);
    if let Some(c) = comment {
        s.push_str(&pad_comment(&line, c));
    }
    s.push('\n');
}

fn pad_comment(line: &str, comment: &str) -> String {
    let width = line.chars().count();
    let pad = if width < 28 { 28 - width } else { 2 };
    format!("{}# {comment}", " ".repeat(pad))
}

/// A TOML basic string.
fn toml_string(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------------------------
// Body

fn section<'a>(a: &'a Advisory, path: &str) -> &'a str {
    match path {
        "overview" => &a.overview,
        "target" => &a.target,
        "response" => &a.response,
        _ => &a.other,
    }
}

fn section_mut<'a>(a: &'a mut Advisory, path: &str) -> &'a mut String {
    match path {
        "overview" => &mut a.overview,
        "target" => &mut a.target,
        "response" => &mut a.response,
        _ => &mut a.other,
    }
}

/// The section of a heading's text (`① 概要`, `①概要`, `概要`).
fn section_of(heading: &str) -> Option<&'static str> {
    let squeezed: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
    SECTIONS.iter().find_map(|(path, h)| {
        let full: String = h.chars().filter(|c| !c.is_whitespace()).collect();
        let bare: String = full.chars().skip(1).collect();
        (squeezed == full || squeezed == bare).then_some(*path)
    })
}

fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// Whether a line, once its leading backslashes are set aside, starts with `##` or is blank —
/// the lines that carry an escaping backslash in the file.
fn escapable(line: &str) -> bool {
    let rest = line.trim_start_matches('\\');
    rest.starts_with("##") || is_blank(rest)
}

fn escape_text(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = lines
        .iter()
        .position(|l| !is_blank(l))
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !is_blank(l))
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let edge_blank = is_blank(l) && (i < first || i >= last);
        let escape = l.trim_start_matches('\\').starts_with("##")
            || (l.starts_with('\\') && escapable(l))
            || edge_blank;
        out.push(if escape {
            format!("\\{l}")
        } else {
            (*l).to_string()
        });
    }
    out.join("\n")
}

fn unescape_line(line: &str) -> &str {
    if line.starts_with('\\') && escapable(line) {
        &line[1..]
    } else {
        line
    }
}

/// Reads the four sections into `a`; returns the line of each heading.
fn parse_body(
    body: &str,
    first_line: usize,
    a: &mut Advisory,
) -> Result<Vec<(&'static str, usize)>, AdvisoryFileError> {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    let mut current: Option<&'static str> = None;
    let mut buf: Vec<&str> = Vec::new();
    let flush = |a: &mut Advisory, current: Option<&'static str>, buf: &mut Vec<&str>| {
        if let Some(path) = current {
            let first = buf.iter().position(|l| !is_blank(l)).unwrap_or(buf.len());
            let last = buf
                .iter()
                .rposition(|l| !is_blank(l))
                .map(|i| i + 1)
                .unwrap_or(first);
            let text: Vec<&str> = buf[first..last.max(first)]
                .iter()
                .map(|l| unescape_line(l))
                .collect();
            *section_mut(a, path) = text.join("\n");
        }
        buf.clear();
    };
    for (i, line) in body.split('\n').enumerate() {
        let n = first_line + i;
        if let Some(heading) = line.strip_prefix("## ") {
            let Some(path) = section_of(heading) else {
                return Err(AdvisoryFileError::new(
                    n,
                    format!(
                        "見出し「## {}」は使えません。本文の見出しは「## ① 概要」「## ② 対象」「## ③ 対処方針」「## ④ その他」だけです(本文の行を ## で始めるときは前に \\ を付けてください)。",
                        heading.trim()
                    ),
                ));
            };
            if let Some((_, at)) = seen.iter().find(|(p, _)| *p == path) {
                return Err(AdvisoryFileError::new(
                    n,
                    format!("見出し「## {}」が2回あります({at}行目にもあります)。1つにまとめてください。", heading.trim()),
                ));
            }
            flush(a, current, &mut buf);
            seen.push((path, n));
            current = Some(path);
        } else if current.is_none() {
            if !is_blank(line) {
                return Err(AdvisoryFileError::new(
                    n,
                    "本文は「## ① 概要」「## ② 対象」「## ③ 対処方針」「## ④ その他」の見出しの下に書いてください。",
                ));
            }
        } else {
            buf.push(line);
        }
    }
    flush(a, current, &mut buf);
    Ok(seen)
}

/// The 1-based line of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_reversible() {
        for t in [
            "", " ", "a", "\n", "a\n", "\na", "## x", "\\## x", "\\", "\\\\ ", "a\n\nb", "### x",
            "x\n\\\n",
        ] {
            let e = escape_text(t);
            let lines: Vec<&str> = e.split('\n').collect();
            let back: Vec<&str> = lines.iter().map(|l| unescape_line(l)).collect();
            if !t.is_empty() {
                assert_eq!(back.join("\n"), t, "{t:?} → {e:?}");
            }
        }
    }
}
