//! The Japanese label of every field path of each form, in the form's order — for error
//! summaries, diffs and focus. Paths are patterns: list indexes removed (`timeline[].at`).
//!
//! Nothing here is typed by hand: the list is derived from [`super::spec`], the one
//! description of each form. A label is the field's own label in the context of its section:
//!
//! - the head of the form (情報連絡様式 …) and the ◆ line: the field's label alone
//!   (「情報連絡日時」「別紙有無」);
//! - a section with a single field: the section's heading (「①発生した事象の類型」);
//! - a field under a numbered sub-heading: its number and the label (「2.(1) 事案の概要」
//!   「4.(4) 送信元のIPアドレス」); under another sub-heading, that heading and the label
//!   (「⑦対外的な対応状況 報道発表、報道等への掲載」);
//! - otherwise the section's heading, then the field's label (「⑤概要 判明日時」
//!   「情報連絡元 省庁名」); the heading alone when its title already names the field
//!   (「情報共有範囲」, 「⑦当該事象に係る推移等」 for 推移等); the number and the label when
//!   the label already names the section's subject (「⑤発生事象の概要」「1.報告者の氏名又は名称」);
//! - inside a repeating group, the group's label stands for the section
//!   (「⑦当該事象に係る推移等 日時」, 「情報提供先 所管省庁名」); a row is 「…の行」 or, when
//!   the group is named after its item, the item (「攻撃」);
//! - an object holding fields (`overview`, `header.contact`, `attacks[].source`) is named by
//!   its section's heading when it holds the whole section, else by the sub-heading its first
//!   field carries (「⑦対外的な対応状況」「4.(4)送信元情報」); `header`, spread over the head's
//!   blocks, is 「様式冒頭」.
//!
//! The form's note marks (「(※6)」), instructions in brackets (「(…に限る。)」) and a final
//! 「。」 are left out of labels.

use std::sync::OnceLock;

use super::path::FieldPath;
use super::spec::{self, FieldKind, FieldSpec, Section};
use super::{path, FormKind};

/// One field of a form: its path pattern and its label as the form words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Path pattern, e.g. `header.tlp`, `timeline[].description`.
    pub path: &'static str,
    /// The form's wording, e.g. 「情報共有範囲」.
    pub label: &'static str,
}

/// What the blocks at the head of a form are called, as one.
const HEAD: &str = "様式冒頭";

/// What a label is read in: a number (「⑤」「4.」「4.(4)」, maybe empty) and a name (a section's
/// title, a group's label; maybe empty).
#[derive(Clone)]
struct Context {
    number: String,
    name: String,
}

impl Context {
    fn new(number: impl Into<String>, name: impl Into<String>) -> Context {
        Context {
            number: number.into(),
            name: name.into(),
        }
    }

    /// 「⑤概要」「4.(4)」.
    fn heading(&self) -> String {
        format!("{}{}", self.number, self.name)
    }

    /// `label` read in this context. With `name_may_stand`, a name that already says the label
    /// stands for it (「⑦当該事象に係る推移等」 for 推移等).
    fn label(&self, label: &str, name_may_stand: bool) -> String {
        let shared = self
            .name
            .chars()
            .zip(label.chars())
            .take_while(|(a, b)| a == b)
            .count();
        if self.name.is_empty() {
            join(&self.number, label)
        } else if name_may_stand && self.name.contains(label) {
            self.heading()
        } else if label.contains(self.name.as_str()) || shared >= SAME_SUBJECT {
            format!("{}{label}", self.number)
        } else {
            join(&self.heading(), label)
        }
    }
}

/// A label that begins with this many characters of its section's title (「報告者の」
/// 「影響を受けた」) names its subject itself: the title is not repeated before it.
const SAME_SUBJECT: usize = 4;

fn join(context: &str, label: &str) -> String {
    if context.is_empty() {
        label.to_string()
    } else {
        format!("{context} {label}")
    }
}

/// A form's wording without its note marks (「(※4)」), a bracketed instruction at its end
/// (「(記入可能な項目で記載してください。)」) and a final 「。」.
fn plain(text: &str) -> String {
    let mut s = text.to_string();
    while let Some(start) = s.find("(※") {
        match s[start..].find(')') {
            Some(end) => s.replace_range(start..start + end + ')'.len_utf8(), ""),
            None => break,
        }
    }
    if s.ends_with("。)") {
        // The bracket that opens the last one (instructions may hold brackets).
        let mut depth = 0;
        for (i, c) in s.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' => {
                    depth -= 1;
                    if depth == 0 {
                        s.truncate(i);
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    s.trim_end_matches('。').trim().to_string()
}

/// The number of a sub-heading: 「(4)」 of 「(4)送信元情報」.
fn sub_number(heading: &str) -> Option<&str> {
    let end = heading.find(')')?;
    let digits = heading.strip_prefix('(')?.get(..end - 1)?;
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then(|| &heading[..=end])
}

/// The context of a field that carries its own number (「(4)」 of 4.(4) 侵入方法, 「①」 under
/// 4.(2)): the section's number, or the numbered sub-heading's, followed by it.
fn numbered(f: &FieldSpec, ctx: &Option<Context>, under: &Option<Context>) -> Option<Context> {
    let n = f.number?;
    let c = ctx.as_ref()?;
    let base = match under {
        Some(u) if !n.starts_with('(') && u.name.is_empty() => u.number.clone(),
        _ => c.number.to_string(),
    };
    Some(Context::new(format!("{base}{n}"), ""))
}

/// The context of a section: none for the head of the form and the ◆ line.
fn section_context(kind: FormKind, s: &Section) -> Option<Context> {
    let head = s.number.is_empty() && s.title == kind.name();
    (!head && s.number != "◆").then(|| Context::new(s.number, plain(s.title)))
}

/// The fields of `kind` as derived from its specification, in the form's order.
fn derive(kind: FormKind) -> Vec<(String, String)> {
    let sections: Vec<&Section> = spec::all_sections(kind).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let push = |out: &mut Vec<(String, String)>, p: String, l: String| {
        if !out.iter().any(|(q, _)| *q == p) {
            out.push((p, l));
        }
    };
    for &s in &sections {
        let ctx = section_context(kind, s);
        // The sub-heading the fields are under: a numbered one (「(2)攻撃の種類」) as its number
        // (「4.(2)」), another one (「対外的な対応状況」) as a name (「⑦対外的な対応状況」). A
        // group's heading heads its columns, not the fields after it.
        let sub = |f: &FieldSpec, current: Option<Context>| match (f.heading, &ctx) {
            (Some(h), Some(c)) => match sub_number(h) {
                Some(n) => Some(Context::new(format!("{}{n}", c.number), "")),
                None if matches!(f.kind, FieldKind::Group { .. }) => current,
                None => Some(Context::new(c.number.as_str(), plain(h))),
            },
            _ => current,
        };
        let mut under: Option<Context> = None;
        for f in &s.fields {
            under = sub(f, under);
            let own = numbered(f, &ctx, &under);
            if f.number.is_some_and(|n| n.starts_with('(')) {
                under.clone_from(&own);
            }
            let label = match (&ctx, &own, &under) {
                (None, _, _) => plain(f.label),
                (Some(c), _, _) if s.fields.len() == 1 => c.heading(),
                (_, Some(n), _) => n.label(&plain(f.label), false),
                (_, None, Some(u)) => u.label(&plain(f.label), false),
                (Some(c), None, None) => c.label(&plain(f.label), true),
            };
            for o in objects_above("", f.path) {
                let holds = |sec: &Section| sec.fields.iter().any(|g| path::is_under(g.path, &o));
                let whole = s.fields.iter().all(|g| path::is_under(g.path, &o));
                let name = match (&ctx, f.heading) {
                    (None, _) => HEAD.to_string(),
                    _ if sections.iter().filter(|sec| holds(sec)).count() > 1 => HEAD.to_string(),
                    (Some(c), _) if whole => c.heading(),
                    (Some(c), Some(h)) => format!("{}{}", c.number, plain(h)),
                    (Some(c), None) => c.heading(),
                };
                push(&mut out, o, name);
            }
            push(&mut out, f.path.to_string(), label.clone());
            if let FieldKind::Group {
                item, item_label, ..
            } = &f.kind
            {
                let row = format!("{}[]", f.path);
                let (row_label, items) = if plain(f.label).contains(item_label) {
                    (item_label.to_string(), Context::new("", *item_label))
                } else {
                    (
                        format!("{label}の{item_label}"),
                        Context::new("", label.as_str()),
                    )
                };
                push(&mut out, row.clone(), row_label);
                let mut under: Option<Context> = None;
                for i in item {
                    under = sub(i, under);
                    let own = numbered(i, &ctx, &under);
                    if i.number.is_some_and(|n| n.starts_with('(')) {
                        under.clone_from(&own);
                    }
                    for o in objects_above(&row, i.path) {
                        let name = match (&ctx, i.heading) {
                            (Some(c), Some(h)) => format!("{}{}", c.number, plain(h)),
                            _ => items.heading(),
                        };
                        push(&mut out, o, name);
                    }
                    let l = own
                        .as_ref()
                        .or(under.as_ref())
                        .unwrap_or(&items)
                        .label(&plain(i.label), false);
                    push(&mut out, path::field(&row, i.path), l);
                }
            }
        }
    }
    out
}

/// The objects above `field_path` (relative to `base`): `header`, `header.contact` above
/// `header.contact.email`.
fn objects_above(base: &str, field_path: &str) -> Vec<String> {
    let base = FieldPath::parse(base).unwrap_or_default();
    let mut out = Vec::new();
    let mut at = FieldPath::parse(field_path).and_then(|p| p.parent());
    while let Some(p) = at.filter(|p| !p.is_root()) {
        out.push(base.join(&p).to_string());
        at = p.parent();
    }
    out.reverse();
    out
}

fn table(kind: FormKind) -> &'static [Field] {
    static CACHE: OnceLock<[Vec<Field>; 4]> = OnceLock::new();
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let build = |k: FormKind| -> Vec<Field> {
        derive(k)
            .into_iter()
            .map(|(p, l)| Field {
                path: leak(p),
                label: leak(l),
            })
            .collect()
    };
    let all = CACHE.get_or_init(|| FormKind::ALL.map(build));
    &all[FormKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// Every field of `kind` with its label, in the form's order (path patterns, the objects and
/// rows that hold fields included).
pub fn fields(kind: FormKind) -> Vec<Field> {
    table(kind).to_vec()
}

/// The Japanese label of a field path (`timeline[2].at` or `timeline[].at`) of `kind`.
pub fn field_label(kind: FormKind, field_path: &str) -> Option<&'static str> {
    let p = path::pattern(field_path);
    table(kind)
        .iter()
        .find(|fl| fl.path == p)
        .map(|fl| fl.label)
}

/// A sort key that puts field paths of `kind` in the form's order (rows by index); paths
/// unknown to the specification go last, in their given order when sorted stably.
pub fn order_key(kind: FormKind, field_path: &str) -> (usize, Vec<usize>) {
    let p = path::pattern(field_path);
    let table = table(kind);
    // The longest known prefix pattern decides (a row `attacks[1]` sorts with its fields).
    let pos = table.iter().position(|fl| fl.path == p).unwrap_or_else(|| {
        table
            .iter()
            .position(|fl| path::is_under(&p, fl.path) || path::is_under(fl.path, &p))
            .unwrap_or(usize::MAX)
    });
    let parsed = super::FieldPath::parse(field_path);
    let indexes: Vec<usize> = parsed
        .as_ref()
        .map(|fp| fp.indexes().collect())
        .unwrap_or_default();
    // Rows first by index, then by field: key (position of the list, indexes, position).
    match indexes.first() {
        Some(_) => {
            // The list: the path up to its first index (`attacks` of `attacks[1].source.ip`).
            let list = parsed
                .as_ref()
                .map(|fp| fp.list().to_string())
                .unwrap_or_default();
            let list = list.as_str();
            let list_pos = table
                .iter()
                .position(|fl| fl.path == list)
                .unwrap_or(usize::MAX);
            let mut k = vec![];
            k.extend(indexes);
            k.push(pos);
            (list_pos, k)
        }
        None => (pos, indexes),
    }
}
