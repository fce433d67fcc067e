//! Plain text of a report for an e-mail body, laid out by [`crate::forms::spec`] with the
//! form's numbering, and a suggested subject line. The first line is the TLP label
//! (`TLP:GREEN`), as FIRST TLP 2.0 asks of e-mail.

use serde_json::Value;

use super::format_datetime;
use crate::forms::spec::{self, FieldKind, FieldSpec, Opt};
use crate::forms::{path, FormKind, Report};
use crate::taxonomy::{laws, Choice};

/// Option lists up to this long are written out with □/■; longer ones list only the chosen.
const SHOW_ALL_OPTIONS_UP_TO: usize = 5;

/// The report as plain text: the TLP label, the form's name and 第N報, then every section of
/// the form with its number, each field as 「label: value」.
pub fn plain_text(report: &Report) -> String {
    let v = report.to_value();
    let kind = report.kind();
    let mut out = String::new();
    match report.tlp() {
        Some(t) => out.push_str(t.label()),
        None if has_tlp(kind) => out.push_str("TLP:(情報共有範囲 未選択)"),
        None => {}
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&format!(
        "{} (第{}報)\n",
        kind.name(),
        report.report_number()
    ));
    for s in spec::sections(kind) {
        out.push('\n');
        let heading = s.heading();
        out.push_str(&format!(
            "■{}{}\n",
            heading,
            if s.required { "*" } else { "" }
        ));
        for f in &s.fields {
            field(&mut out, &v, "", f, 1);
        }
    }
    // What kyoyu adds after the form (インディケータ情報), when it holds something.
    for s in spec::filled_additions(kind, &v) {
        out.push_str(&format!("\n■{}(様式外)\n", s.heading()));
        for f in &s.fields {
            field(&mut out, &v, "", f, 1);
        }
    }
    if let Some(t) = report.tlp() {
        out.push('\n');
        out.push_str(t.label());
        out.push('\n');
    }
    out
}

/// A suggested e-mail subject: 「[TLP:GREEN] 情報連絡様式 第1報 (識別番号 …)」.
pub fn subject(report: &Report) -> String {
    let v = report.to_value();
    let kind = report.kind();
    let mut s = String::new();
    if let Some(t) = report.tlp() {
        s.push_str(&format!("[{}] ", t.label()));
    }
    s.push_str(&format!("{} 第{}報", kind.name(), report.report_number()));
    let id_path = "header.identifier";
    let id = path::get(&v, id_path)
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim();
    if let (false, Some(f)) = (id.is_empty(), spec::field(kind, id_path)) {
        s.push_str(&format!(" ({} {})", f.label, one_line(id)));
    }
    // 共通様式: 新規 / 続報, worded as the form's options.
    let nf = "header.new_or_follow_up";
    if let (Some(n), Some(f)) = (
        path::get(&v, nf).and_then(Value::as_str),
        spec::field(kind, nf),
    ) {
        if let Some(o) = f.kind.options().iter().find(|o| o.id == n) {
            s.push_str(&format!(" ({})", o.label));
        }
    }
    s
}

fn has_tlp(kind: FormKind) -> bool {
    !kind.is_common_form()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field(out: &mut String, v: &Value, base: &str, f: &FieldSpec, depth: usize) {
    let indent = "  ".repeat(depth);
    let p = if base.is_empty() {
        f.path.to_string()
    } else {
        path::field(base, f.path)
    };
    let value = path::get(v, &p);
    if let Some(h) = f.heading {
        out.push_str(&format!("{indent}{h}\n"));
    }
    let label = format!(
        "{}{}",
        f.numbered_label(),
        if f.required { "*" } else { "" }
    );
    match &f.kind {
        FieldKind::Group {
            item, item_label, ..
        } => {
            let items = value.and_then(Value::as_array).map_or(0, Vec::len);
            out.push_str(&format!(
                "{indent}{label}:{}\n",
                if items == 0 { " (なし)" } else { "" }
            ));
            for i in 0..items {
                out.push_str(&format!("{indent}  [{item_label} {}]\n", i + 1));
                let b = path::item(&p, i);
                for sub in item {
                    field(out, v, &b, sub, depth + 2);
                }
            }
        }
        FieldKind::Choice(opts) | FieldKind::Choices(opts) => {
            out.push_str(&format!("{indent}{label}: {}\n", choices(value, opts)));
        }
        FieldKind::Laws(opts) => {
            out.push_str(&format!("{indent}{label}:\n"));
            for id in ids(value) {
                let text = opts
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| o.label)
                    .or_else(|| laws::law(id).map(|l| l.text))
                    .unwrap_or(id);
                out.push_str(&format!("{indent}  ・{text}\n"));
            }
        }
        FieldKind::Check => {
            let on = value.and_then(Value::as_bool).unwrap_or(false);
            out.push_str(&format!("{indent}{} {label}\n", if on { "■" } else { "□" }));
        }
        FieldKind::Number => {
            let n = value.map(|x| match x {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                _ => String::new(),
            });
            out.push_str(&format!("{indent}{label}: {}\n", n.unwrap_or_default()));
        }
        FieldKind::DateTime | FieldKind::Date | FieldKind::MonthDayTime => {
            let s = value.and_then(Value::as_str).unwrap_or("");
            out.push_str(&format!("{indent}{label}: {}\n", format_datetime(s)));
        }
        FieldKind::Text | FieldKind::MultiLine => {
            let s = value.and_then(Value::as_str).unwrap_or("");
            let lines: Vec<&str> = s.lines().collect();
            if lines.len() <= 1 {
                out.push_str(&format!("{indent}{label}: {s}\n"));
            } else {
                out.push_str(&format!("{indent}{label}:\n"));
                for l in lines {
                    out.push_str(&format!("{indent}  {l}\n"));
                }
            }
        }
    }
}

fn ids(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// 「■有 □無」 for short option lists; the chosen labels (「■情報の漏えい」) for long ones.
fn choices(value: Option<&Value>, opts: &[Opt]) -> String {
    let chosen = ids(value);
    if opts.len() <= SHOW_ALL_OPTIONS_UP_TO {
        opts.iter()
            .map(|o| {
                format!(
                    "{}{}",
                    if chosen.contains(&o.id) { "■" } else { "□" },
                    o.label
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else if chosen.is_empty() {
        "(未選択)".to_string()
    } else {
        opts.iter()
            .filter(|o| chosen.contains(&o.id))
            .map(|o| format!("■{}", o.label))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
