//! The print view and the plain text of the four forms, against the handbook's worked examples
//! (図5, 図8) and hostile input.

use kyoyu_core::envelope::Envelope;
use kyoyu_core::forms::spec::{self, FieldKind, FieldSpec};
use kyoyu_core::forms::{path, FormKind, Report};
use kyoyu_core::render::{
    format_datetime, plain_text, print_document, print_html, print_markup_in_page, subject,
};
use kyoyu_core::taxonomy::{Choice, Tlp};
use serde_json::Value;

fn fixture(name: &str) -> Report {
    let file = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    Envelope::from_json(&text)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .report
}

fn fixtures() -> Vec<(&'static str, Report)> {
    [
        "zu5-incident.json",
        "zu8-advisory.json",
        "ddos-two-attacks.json",
        "ransomware.json",
        "ddos-three-attacks.json",
        "long-text-incident.json",
    ]
    .into_iter()
    .filter(|n| {
        std::path::Path::new(&format!(
            "{}/../tests/fixtures/{n}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .exists()
    })
    .map(|n| (n, fixture(n)))
    .collect()
}

/// maud's escaping of text and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every (full path, field) of a report's layout, groups expanded over the report's items.
fn fields(report: &Report) -> Vec<(String, &'static FieldSpec)> {
    let v = report.to_value();
    let mut out = Vec::new();
    for s in spec::all_sections(report.kind()) {
        for f in &s.fields {
            match &f.kind {
                FieldKind::Group { item, .. } => {
                    let n = path::get(&v, f.path)
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len);
                    // An empty list has nothing to lose.
                    if n == 0 {
                        out.push((f.path.to_string(), f));
                    }
                    for i in 0..n {
                        for sub in item {
                            out.push((path::field(&path::item(f.path, i), sub.path), sub));
                        }
                    }
                }
                _ => out.push((f.path.to_string(), f)),
            }
        }
    }
    out
}

fn chosen_ids(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect(),
        Some(Value::Bool(true)) => vec!["true".into()],
        _ => vec![],
    }
}

fn option<'a>(f: &'a FieldSpec, id: &str) -> &'a spec::Opt {
    f.kind
        .options()
        .iter()
        .find(|o| o.id == id)
        .expect("known option")
}

/// Sectors are printed as the name of the sector (「リストから選択」), not as marks.
fn printed_as_marks(p: &str, f: &FieldSpec) -> bool {
    matches!(
        f.kind,
        FieldKind::Choice(_) | FieldKind::Choices(_) | FieldKind::Check
    ) && !p.ends_with("sector")
}

#[test]
fn the_layout_covers_every_leaf_of_every_form() {
    for (name, report) in fixtures() {
        let known: Vec<String> = fields(&report).into_iter().map(|(p, _)| p).collect();
        for leaf in report.leaf_paths() {
            assert!(
                known.iter().any(|k| path::is_under(&leaf, k)),
                "{name}: {leaf} is not in the layout"
            );
        }
    }
}

#[test]
fn print_contains_every_value() {
    for (name, report) in fixtures() {
        let html = print_html(&report, &[]);
        let v = report.to_value();
        for (p, f) in fields(&report) {
            let value = path::get(&v, &p);
            let expected: Vec<String> = match (&f.kind, value) {
                (FieldKind::Text | FieldKind::MultiLine, Some(Value::String(s))) => vec![s.clone()],
                (
                    FieldKind::DateTime | FieldKind::Date | FieldKind::MonthDayTime,
                    Some(Value::String(s)),
                ) => vec![format_datetime(s)],
                (FieldKind::Number, Some(Value::Number(n))) => vec![n.to_string()],
                (FieldKind::Laws(opts), v) => chosen_ids(v)
                    .iter()
                    .map(|id| {
                        opts.iter()
                            .find(|o| o.id == id)
                            .expect("known law")
                            .label
                            .to_string()
                    })
                    .collect(),
                (FieldKind::Choice(opts), Some(Value::String(id))) if p.ends_with("sector") => {
                    vec![opts.iter().find(|o| o.id == id).unwrap().label.to_string()]
                }
                _ => vec![],
            };
            for e in expected.iter().filter(|e| !e.is_empty()) {
                assert!(html.contains(&esc(e)), "{name}: {p} = {e:?} is not printed");
            }
        }
    }
}

#[test]
fn filled_marks_exactly_on_the_chosen_options() {
    for (name, report) in fixtures() {
        let html = print_html(&report, &[]);
        let v = report.to_value();
        let mut expected = 0;
        for (p, f) in fields(&report) {
            if !printed_as_marks(&p, f) {
                continue;
            }
            let ids = chosen_ids(path::get(&v, &p));
            if f.bracketed {
                // 「(影響無し/停止中/…)」: the chosen one is circled, no ■.
                for id in &ids {
                    let opt = option(f, id);
                    assert!(
                        html.contains(&format!(r#"class="fp-chosen">{}<"#, esc(opt.label))),
                        "{name}: {p}"
                    );
                }
                continue;
            }
            expected += ids.len();
            for id in ids.iter().filter(|id| *id != "true") {
                let opt = option(f, id);
                let label = opt.label.to_string();
                let inline = format!("■</span>{}", esc(&label));
                if html.contains(&inline) {
                    continue;
                }
                // ① and ②: the label in its cell, ■ in the チェック cell of the same row.
                let at = html
                    .find(&format!(">{}", esc(&label)))
                    .unwrap_or_else(|| panic!("{name}: {p} = {id}: label {label:?} not printed"));
                let row_end = html[at..].find("</tr>").expect("in a table row") + at;
                assert!(
                    html[at..row_end].contains("■"),
                    "{name}: {p} = {id}: no ■ beside {label}"
                );
            }
        }
        let filled = html.matches('■').count();
        assert_eq!(
            filled, expected,
            "{name}: ■ printed {filled} times, {expected} options chosen"
        );
        assert!(
            html.matches('□').count() > 0,
            "{name}: the other options are printed with □"
        );
    }
}

#[test]
fn every_option_of_the_incident_form_is_printed() {
    let report = fixture("zu5-incident.json");
    let html = print_html(&report, &[]);
    for (p, f) in fields(&report) {
        if !printed_as_marks(&p, f) || p == "header.tlp" {
            continue;
        }
        for o in f.kind.options() {
            assert!(
                html.contains(&esc(o.label)),
                "{p}: option {} missing",
                o.label
            );
        }
    }
}

#[test]
fn tlp_label_at_top_and_bottom() {
    for name in ["zu5-incident.json", "zu8-advisory.json"] {
        let report = fixture(name);
        let html = print_html(&report, &[]);
        let head = &html[html.find("<thead>").unwrap()..html.find("</thead>").unwrap()];
        let foot = &html[html.find("<tfoot>").unwrap()..html.find("</tfoot>").unwrap()];
        for part in [head, foot] {
            assert!(
                part.contains(r#"<span class="tlp-label tlp-green">TLP:GREEN</span>"#),
                "{name}"
            );
        }
        assert!(html.starts_with(r#"<article class="form-print""#));
    }
}

#[test]
fn standalone_document_links_the_stylesheet_and_has_no_inline_style_or_script() {
    let report = fixture("zu5-incident.json");
    let doc = print_document(&report, &[], "/css/form-print.css");
    assert!(doc.starts_with("<!DOCTYPE html>"));
    assert!(doc.contains(r#"<html lang="ja">"#));
    assert!(doc.contains(r#"<link rel="stylesheet" href="/css/form-print.css">"#));
    assert!(!doc.contains("<style") && !doc.contains(" style=") && !doc.contains("<script"));
}

const EVIL: [&str; 2] = ["<script>alert(1)</script>", "\"quotes' &"];

/// Sets every string leaf that the model accepts any text in to `evil`.
fn poison(report: &Report, evil: &str) -> Report {
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m
                .iter()
                .for_each(|(k, c)| pointers(c, format!("{at}/{k}"), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
            Value::String(_) => out.push(at),
            _ => {}
        }
    }
    let kind = report.kind();
    let mut v = report.to_value();
    let mut ptrs = Vec::new();
    pointers(&v, String::new(), &mut ptrs);
    for ptr in ptrs {
        let mut tried = v.clone();
        *tried.pointer_mut(&ptr).unwrap() = Value::String(evil.to_string());
        // A choice id: the model rejects free text there; keep the id.
        if Report::from_value(kind, tried.clone()).is_ok() {
            v = tried;
        }
    }
    Report::from_value(kind, v).expect("poisoned report loads")
}

#[test]
fn user_text_is_escaped_in_every_string_field_of_every_form() {
    let mut reports: Vec<Report> = fixtures().into_iter().map(|(_, r)| r).collect();
    for kind in FormKind::ALL {
        // An empty form with one item in each list, so that list fields are covered too.
        let mut v = Report::new(kind).to_value();
        if let Some(a) = v.get_mut("timeline").and_then(Value::as_array_mut) {
            a.push(serde_json::json!({}));
        }
        if let Some(a) = v.get_mut("attacks").and_then(Value::as_array_mut) {
            a.push(serde_json::json!({}));
        }
        if let Some(a) = v
            .pointer_mut("/header/recipients")
            .and_then(Value::as_array_mut)
        {
            a.push(serde_json::json!({}));
        }
        reports.push(Report::from_value(kind, v).unwrap());
    }
    for report in &reports {
        for evil in EVIL {
            let poisoned = poison(report, evil);
            let n = poisoned.leaf_paths().len();
            assert!(n > 0);
            let html = print_html(&poisoned, &poisoned.leaf_paths());
            assert!(
                !html.contains("<script"),
                "{:?}: raw <script in print HTML",
                report.kind()
            );
            assert!(
                !html.contains(evil) || !evil.contains(['<', '"', '&']),
                "{:?}: {evil} raw",
                report.kind()
            );
            if evil.starts_with('<') {
                assert!(
                    html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                    "{:?}",
                    report.kind()
                );
            } else {
                assert!(html.contains("&quot;quotes' &amp;"), "{:?}", report.kind());
            }
            let doc = print_document(&poisoned, &[], "/css/form-print.css");
            assert!(!doc.contains("<script"));
        }
    }
}

#[test]
fn changed_paths_are_underlined() {
    let report = fixture("zu5-incident.json");
    let plain = print_html(&report, &[]);
    assert!(
        !plain.contains("changed"),
        "nothing underlined without changes"
    );
    let changed = vec![
        "overview.summary".to_string(),
        "causes".to_string(),
        "timeline[1].description".to_string(),
        "header.tlp".to_string(),
    ];
    let html = print_html(&report, &changed);
    assert!(html.contains("前回の報告から変更した箇所"));
    assert!(html.contains(r#"<span class="fp-value changed" data-path="overview.summary">"#));
    assert!(html.contains(r#"class="fp-grid fp-option-table changed" data-path="causes""#));
    assert!(html.contains(r#"<span class="fp-value changed" data-path="timeline[1].description">"#));
    assert!(html.contains(r#"class="fp-option-list changed" data-path="header.tlp""#));
    // Not changed: not underlined.
    assert!(html.contains(r#"<span class="fp-value" data-path="timeline[0].description">"#));
    assert!(html.contains(r#"<span class="fp-value" data-path="operator_name">"#));
}

#[test]
fn plain_text_starts_with_the_tlp_label_and_the_subject_carries_it() {
    let report = fixture("zu5-incident.json");
    let text = plain_text(&report);
    assert_eq!(text.lines().next(), Some("TLP:GREEN"));
    assert!(text.contains("■①発生した事象の類型"));
    assert!(text.contains("〇〇株式会社"));
    assert!(text.contains("■停止中"));
    let s = subject(&report);
    assert!(s.starts_with("[TLP:GREEN] 情報連絡様式 第1報"), "{s}");

    let advisory = fixture("zu8-advisory.json");
    assert_eq!(plain_text(&advisory).lines().next(), Some("TLP:GREEN"));
    let s = subject(&advisory);
    assert!(s.starts_with("[TLP:GREEN] 情報提供様式 第1報"), "{s}");
    assert!(s.contains("識別番号"), "{s}");
}

#[test]
fn plain_text_of_every_form_has_every_numbered_section() {
    for (name, report) in fixtures() {
        let text = plain_text(&report);
        for s in spec::sections(report.kind()) {
            assert!(
                text.contains(&s.heading()),
                "{name}: {} missing",
                s.heading()
            );
        }
        let _ = Choice::id(Tlp::Green);
    }
}

// ---------------------------------------------------------------------------------------------
// Print reads the specification

/// Every field of the specification, group items included, with its full pattern.
fn spec_fields(kind: FormKind) -> Vec<(String, &'static FieldSpec, &'static [FieldSpec])> {
    let mut out = Vec::new();
    for s in spec::sections(kind) {
        for f in &s.fields {
            out.push((f.path.to_string(), f, s.fields.as_slice()));
            // A group printed without a label (the rows of 事実経過) prints its items as bare lines.
            if let (FieldKind::Group { item, .. }, false) = (&f.kind, f.paper_label().is_empty()) {
                out.extend(
                    item.iter()
                        .map(|i| (format!("{}[].{}", f.path, i.path), i, item.as_slice())),
                );
            }
        }
    }
    out
}

#[test]
fn every_label_of_the_specification_is_in_the_print_of_a_filled_fixture() {
    for (name, report) in fixtures() {
        let kind = report.kind();
        let html = print_html(&report, &[]);
        for s in spec::sections(kind) {
            assert!(
                html.contains(&esc(&s.heading())) || s.is_head() && html.contains(&esc(s.title)),
                "{name}: heading {} not printed",
                s.heading()
            );
        }
        for (p, f, siblings) in spec_fields(kind) {
            let last = p.rsplit(['.', ']']).next().unwrap_or("");
            if spec::is_option_detail(siblings, last) || spec::is_option_detail(siblings, &p) {
                continue; // printed beside its option (「続報(前回報告: …)」)
            }
            let label = f.paper_label();
            assert!(
                html.contains(&esc(label)),
                "{name}: the label of {p} 「{label}」 is not printed"
            );
        }
        let form = spec::form(kind);
        for n in &form.notes {
            assert!(
                html.contains(&esc(n.text)),
                "{name}: note {} not printed",
                n.mark
            );
        }
    }
}

#[test]
fn every_path_print_marks_is_a_field_of_the_specification() {
    for (name, report) in fixtures() {
        let kind = report.kind();
        let html = print_html(&report, &[]);
        let mut n = 0;
        for part in html.split("data-path=\"").skip(1) {
            let p = &part[..part.find('"').unwrap()];
            let known = spec::find(kind, p).is_some()
                || path::first_index(p).is_some()
                    && spec::find(kind, path::pattern(p).trim_end_matches("[]")).is_some();
            assert!(
                known,
                "{name}: print marks {p}, which is not in the specification"
            );
            n += 1;
        }
        assert!(n >= 15, "{name}: {n} paths");
    }
}

/// Item 6 — 事実経過(時系列) prints as on the form: the heading and the text under it, rows as
/// lines of the same box (no table of its own).
#[test]
fn the_history_of_a_common_form_prints_as_a_free_text() {
    let mut report = fixture("ddos-three-attacks.json");
    let html = print_html(&report, &[]);
    assert!(html.contains("(3)事実経過(時系列)"));
    assert!(
        !html.contains("fp-timeline\""),
        "no timeline table on a 共通様式"
    );
    assert!(html.contains("fp-timeline-lines"));
    if let Report::Ddos(r) = &mut report {
        r.timeline.clear();
        r.timeline_text = "10月14日 8時頃から攻撃を受けた。\n10時に収束。".into();
    }
    let html = print_html(&report, &[]);
    assert!(html.contains("10月14日 8時頃から攻撃を受けた。\n10時に収束。"));
}

/// Item 7 — システムの稼働状況 on the 共通様式: 「(影響無し/停止中/一部稼働中/復旧済)」, no □.
#[test]
fn system_status_of_a_common_form_prints_as_a_bracketed_list() {
    let report = fixture("ransomware.json");
    let html = print_html(&report, &[]);
    let at = html.find(r#"data-path="systems.status""#).unwrap();
    let part = &html[at..at + html[at..].find("</span>)").unwrap()];
    assert!(!part.contains('□') && !part.contains('■'), "{part}");
    let text: String = {
        let mut t = String::new();
        let mut tag = false;
        for c in html[at..].chars().skip_while(|c| *c != '>').skip(1) {
            match c {
                '<' => tag = true,
                '>' => tag = false,
                _ if !tag => t.push(c),
                _ => {}
            }
            if t.ends_with(')') {
                break;
            }
        }
        t
    };
    assert_eq!(text, "(影響無し/停止中/一部稼働中/復旧済)");
    assert!(
        html.contains(r#"class="fp-chosen">一部稼働中<"#),
        "the chosen status is marked"
    );
}

/// Items 8, 9, 11 on paper: the mark of rebuilt wording and its legend, the 届出先 and the laws,
/// the ATT&CK ids.
#[test]
fn rebuilt_wording_the_addressee_and_attack_ids_are_printed() {
    let report = fixture("ddos-three-attacks.json");
    let html = print_html(&report, &[]);
    assert!(html.contains("攻撃されているサービス・アプリケーション<sup class=\"fp-rebuilt\""));
    assert!(html.contains(&esc(spec::REBUILT_LEGEND)));
    assert!(html.contains("(3)本様式の届出先・報告の根拠規定等"));
    assert!(html.contains("経済産業省 産業保安・安全グループ 電力安全課"));
    assert!(html.contains("・電気関係報告規則第3条、第3条の2"));
    assert!(html.contains("Direct Network Flood (T1498-001)"));
    // 6. その他 follows 5., as 「1から6まで」 says.
    assert!(html.find("6.その他(有効な対策等)").unwrap() > html.find("5.今後の対応").unwrap());
    assert!(!html.contains("7."), "the DDoS form has no 7.");
}

#[test]
fn indicators_print_after_the_form_only_when_there_are_some() {
    let Report::Advisory(mut a) = fixture("zu8-advisory.json") else {
        panic!("advisory");
    };
    let without = print_html(&Report::Advisory(a.clone()), &[]);
    assert!(!without.contains("インディケータ"), "{without}");
    a.indicators = vec![
        kyoyu_core::forms::Indicator {
            kind: None,
            value: "198.51.100.23".into(),
            note: "通信先".into(),
        },
        kyoyu_core::forms::Indicator {
            kind: Some(kyoyu_core::indicators::IndicatorKind::Domain),
            value: "example.com".into(),
            note: String::new(),
        },
    ];
    let with = print_html(&Report::Advisory(a), &[]);
    let at = with.find("インディケータ情報(様式外)").expect("heading");
    // After the form's last block (本件問合せ先), with every value.
    assert!(at > with.find("本件問合せ先").unwrap(), "{with}");
    for v in ["198.51.100.23", "通信先", "example.com", "ドメイン名"] {
        assert!(with[at..].contains(v), "{v}: {with}");
    }
    // A table: a column per field, one row per indicator, the chosen kind by its label only.
    assert!(
        with[at..].contains(
            "<th scope=\"col\">値</th><th scope=\"col\">種類</th><th scope=\"col\">備考</th>"
        ),
        "{with}"
    );
    assert_eq!(with[at..].matches("<tr>").count(), 3, "{with}");
    assert!(!with[at..].contains("IPv6"), "{with}");
}

#[test]
fn indicators_are_in_the_plain_text_only_when_there_are_some() {
    let Report::Advisory(mut a) = fixture("zu8-advisory.json") else {
        panic!("advisory");
    };
    assert!(!plain_text(&Report::Advisory(a.clone())).contains("インディケータ"));
    a.indicators = vec![kyoyu_core::forms::Indicator {
        kind: None,
        value: "update.example.net".into(),
        note: "通信先".into(),
    }];
    let text = plain_text(&Report::Advisory(a));
    let at = text.find("■インディケータ情報(様式外)").expect(&text);
    assert!(at > text.find("本件問合せ先").unwrap(), "{text}");
    assert!(
        text[at..].contains("update.example.net") && text[at..].contains("通信先"),
        "{text}"
    );
}

/// Inside a page the form's title is an `<h2>` and every heading one level down: the page's
/// own `<h1>` stays the only one, and the headings are the same texts in the same order.
#[test]
fn inside_a_page_the_headings_are_one_level_down() {
    fn headings(html: &str) -> Vec<(u8, String)> {
        let mut v = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find("<h") {
            rest = &rest[i + 2..];
            let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            let close = format!("</h{level}>");
            let start = rest.find('>').unwrap() + 1;
            let end = rest.find(&close).unwrap();
            v.push((level as u8, rest[start..end].to_string()));
            rest = &rest[end..];
        }
        v
    }
    for (name, report) in fixtures() {
        let alone = print_html(&report, &[]);
        let in_page = print_markup_in_page(&report, &[]).into_string();
        assert_eq!(alone.matches("<h1").count(), 1, "{name}");
        assert_eq!(in_page.matches("<h1").count(), 0, "{name}");
        assert!(in_page.contains("<h2 class=\"fp-title\">"), "{name}");
        assert!(in_page.contains("fp-in-page"), "{name}");
        let (a, b) = (headings(&alone), headings(&in_page));
        assert!(a.len() >= 2, "{name}: {a:?}");
        assert_eq!(a.len(), b.len(), "{name}");
        for ((la, ta), (lb, tb)) in a.iter().zip(&b) {
            assert_eq!((la + 1, ta), (*lb, tb), "{name}");
        }
    }
}
