//! The print view: each form laid out as the official 様式 (図4, 図4-1, 図4-2, 図7), read
//! from its specification ([`crate::forms::spec`]) — its numbering, labels, □/■ on every option
//! as the form prints it, the fixed texts and notes, the TLP label at the top and the bottom of
//! every printed page, and the entries changed since the previous report underlined.
//!
//! No wording is written here: every heading, label, option and fixed text comes from the
//! specification; this module only arranges it (tables for the head and the ◆ block of
//! 情報連絡様式/情報提供様式, ruled boxes for the 共通様式).
//!
//! The output is a fragment, `<article class="form-print">`, that the app and the site embed,
//! or a standalone document ([`print_document`]). Styles are in `public/css/form-print.css`; no
//! inline style or script (the CSP forbids them). Every user text goes through maud, which
//! escapes it.
//!
//! The running TLP label: the form sits in the one body cell of `table.fp-page`, whose
//! `<thead>` and `<tfoot>` Chromium repeats on every printed page.

use maud::{html, Markup, DOCTYPE};
use serde_json::Value;

use super::format_datetime;
use crate::forms::spec::{self, FieldKind, FieldSpec, FormSpec, Opt, Section};
use crate::forms::{path, FieldPath, FormKind, Report};
use crate::taxonomy::laws::{self, LawKind};
use crate::taxonomy::{Choice, Note, Sector, Tlp};

/// The print view of `report` as an HTML fragment (`<article class="form-print">`). Fields
/// whose path is in `changed` (or lies under / above a changed path) are underlined.
pub fn print_html(report: &Report, changed: &[String]) -> String {
    print_markup(report, changed).into_string()
}

/// [`print_html`] as maud markup, for templates that embed it.
pub fn print_markup(report: &Report, changed: &[String]) -> Markup {
    markup(report, changed, 1)
}

/// The print view inside a page that has its own `<h1>` (a figure of the handbook, an
/// advisory's page): the form's title is an `<h2>` and every heading of the form one level
/// below where [`print_markup`] puts it, so that the page keeps one `<h1>` and an unbroken
/// outline.
pub fn print_markup_in_page(report: &Report, changed: &[String]) -> Markup {
    markup(report, changed, 2)
}

/// The print view with the form's title at heading level `top`.
fn markup(report: &Report, changed: &[String], top: u8) -> Markup {
    let kind = report.kind();
    let p = P {
        v: report.to_value(),
        changed,
        kind,
        form: spec::form(kind),
        top,
    };
    let body = if kind.is_common_form() {
        common_form(&p)
    } else {
        table_form(&p)
    };
    let running = running(report);
    html! {
        article.form-print.fp-in-page[top > 1] data-form=(kind.id()) {
            table.fp-page {
                thead { tr { td.fp-frame { (running) } } }
                tfoot { tr { td.fp-frame { (running) } } }
                tbody { tr { td.fp-frame {
                    @if !changed.is_empty() {
                        p.fp-legend {
                            span.changed { "下線" }
                            (spec::CHANGED_LEGEND.trim_start_matches("下線"))
                        }
                    }
                    (body)
                    (additions(&p))
                    @if has_rebuilt(p.form) { p.fp-legend.fp-rebuilt-legend { (spec::REBUILT_LEGEND) } }
                } } }
            }
        }
    }
}

/// A standalone HTML document of the print view, linking the stylesheet at `stylesheet_href`
/// (e.g. `/css/form-print.css`).
pub fn print_document(report: &Report, changed: &[String], stylesheet_href: &str) -> String {
    let title = match report.tlp() {
        Some(t) => format!("[{}] {}", t.label(), report.title()),
        None => report.title(),
    };
    html! {
        (DOCTYPE)
        html lang="ja" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href=(stylesheet_href);
            }
            body.fp-document {
                (print_markup(report, changed))
            }
        }
    }
    .into_string()
}

/// The CSS class of a TLP label's colour.
pub fn tlp_class(tlp: Tlp) -> &'static str {
    match tlp {
        Tlp::Red => "tlp-red",
        Tlp::AmberStrict => "tlp-amber-strict",
        Tlp::Amber => "tlp-amber",
        Tlp::Green => "tlp-green",
        Tlp::Clear => "tlp-clear",
    }
}

/// The running header/footer: the TLP label (FIRST TLP 2.0), repeated on every page. The
/// 共通様式 have no TLP on paper: nothing is printed for them. A form with a TLP field and none
/// chosen says so.
fn running(report: &Report) -> Markup {
    let has_tlp = !report.kind().is_common_form();
    html! {
        div.fp-running {
            @match report.tlp() {
                Some(t) => span.tlp-label.(tlp_class(t)) { (t.label()) },
                None if has_tlp => span.tlp-label.tlp-none { "情報共有範囲 未選択" },
                None => {},
            }
        }
    }
}

fn has_rebuilt(form: &FormSpec) -> bool {
    fn field(f: &FieldSpec) -> bool {
        f.rebuilt.is_some()
            || f.kind.options().iter().any(|o| o.rebuilt.is_some())
            || matches!(&f.kind, FieldKind::Group { item, .. } if item.iter().any(field))
    }
    form.sections
        .iter()
        .any(|s| s.rebuilt.is_some() || s.fields.iter().any(field))
}

/// The sections kyoyu adds after the paper form ([`FormSpec::additions`]: インディケータ情報),
/// printed after it under their own heading, marked as not part of the 様式 — only when they
/// hold something, so that the form prints as the official one otherwise.
fn additions(p: &P) -> Markup {
    html! {
        @for s in spec::filled_additions(p.kind, &p.v) {
            section.fp-section.fp-addition {
                (heading(p.top + 1, None, html! { (s.heading()) "(様式外)" }))
                (p.lines(&s.fields, "", false))
            }
        }
    }
}

/// The mark of rebuilt wording, with the reason as its title.
fn rebuilt(why: Option<&'static str>) -> Markup {
    html! { @if let Some(w) = why { sup.fp-rebuilt title=(w) { "†" } } }
}

fn note(n: &Note) -> Markup {
    html! { li { (spec::note_text(*n)) } }
}

fn notes(list: &[Note]) -> Markup {
    html! { @if !list.is_empty() { ul.fp-notes { @for n in list { (note(n)) } } } }
}

/// The report's JSON value, what changed, and the form.
struct P<'a> {
    v: Value,
    changed: &'a [String],
    kind: FormKind,
    form: &'static FormSpec,
    /// The heading level of the form's title (1 on its own, 2 inside a page).
    top: u8,
}

/// A heading at `level` (1–6; deeper levels stay at 6), with an optional class.
fn heading(level: u8, class: Option<&str>, body: Markup) -> Markup {
    match level {
        1 => html! { h1 class=[class] { (body) } },
        2 => html! { h2 class=[class] { (body) } },
        3 => html! { h3 class=[class] { (body) } },
        4 => html! { h4 class=[class] { (body) } },
        5 => html! { h5 class=[class] { (body) } },
        _ => html! { h6 class=[class] { (body) } },
    }
}

impl P<'_> {
    fn is_changed(&self, p: &str) -> bool {
        self.changed
            .iter()
            .any(|c| path::is_under(c, p) || path::is_under(p, c))
    }

    fn get(&self, p: &str) -> Option<&Value> {
        FieldPath::parse(p)?.get(&self.v)
    }

    fn str(&self, p: &str) -> &str {
        self.get(p).and_then(Value::as_str).unwrap_or("")
    }

    fn len(&self, p: &str) -> usize {
        self.get(p).and_then(Value::as_array).map_or(0, Vec::len)
    }

    fn field(&self, p: &str) -> Option<&'static FieldSpec> {
        spec::field(self.kind, p)
    }

    /// Whether the option `id` is chosen at `p` (a single id or a list of ids).
    fn chosen(&self, p: &str, id: &str) -> bool {
        match self.get(p) {
            Some(Value::String(s)) => s == id,
            Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(id)),
            _ => false,
        }
    }

    /// The value of a field as printed (text, date, number, sector name).
    fn value(&self, f: &FieldSpec, p: &str) -> Markup {
        let changed = self.is_changed(p);
        let shown = match &f.kind {
            FieldKind::Number => self
                .get(p)
                .map(|v| match v {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => String::new(),
                })
                .unwrap_or_default(),
            k if k.date_blank().is_some() => format_datetime(self.str(p)),
            _ => self.str(p).to_string(),
        };
        html! {
            span.fp-value.changed[changed] data-path=(p) {
                @if shown.is_empty() {
                    @if let Some(b) = f.kind.date_blank() { span.fp-empty { (b) } }
                } @else { (shown) }
            }
        }
    }

    /// □/■ and a label.
    fn mark(&self, chosen: bool, label: Markup) -> Markup {
        html! {
            span.fp-option.fp-chosen[chosen] {
                span.fp-mark { @if chosen { "■" } @else { "□" } }
                (label)
            }
        }
    }

    /// An option's label with its detail (「続報(前回報告: …)」「実施済【公表日: …】」「その他( … )」).
    fn option_label(&self, base: &str, o: &Opt, chosen: bool) -> Markup {
        html! {
            (o.label) (rebuilt(o.rebuilt))
            @if let Some((d, words)) = o.detail {
                @let dp = path::field(base, d);
                @let df = self.field(&dp);
                @let date = df.is_some_and(|f| f.kind == FieldKind::Date);
                @let value = match df {
                    Some(f) if chosen || self.str(&dp).is_empty() => self.value(f, &dp),
                    Some(f) => html! { span.fp-empty { (f.kind.date_blank().unwrap_or("")) } },
                    None => html! {},
                };
                @if date { "【" (words) ": " (value) "】" }
                @else if words.is_empty() { "( " (value) " )" }
                @else { "(" (words) ": " (value) ")" }
            }
        }
    }

    /// The options of a choice field, as the form prints them.
    fn choice(&self, f: &FieldSpec, p: &str, base: &str) -> Markup {
        let opts = f.kind.options();
        let changed = self.is_changed(p);
        if !f.columns.is_empty() {
            return self.option_table(f, p);
        }
        if f.bracketed {
            return html! {
                span.fp-options.fp-bracketed.changed[changed] data-path=(p) {
                    "("
                    @for (i, o) in opts.iter().enumerate() {
                        @if i > 0 { "/" }
                        span.fp-chosen[self.chosen(p, o.id)] { (o.label) }
                    }
                    ")"
                }
            };
        }
        let plain = opts.iter().all(|o| o.aside.is_none() && o.detail.is_none());
        if opts.len() > 8 && plain && opts.iter().all(|o| o.group.is_none()) {
            // A long list the form leaves to be written in (③分野名 「リストから選択」): the
            // chosen option's name.
            let names: Vec<&str> = opts
                .iter()
                .filter(|o| self.chosen(p, o.id))
                .map(|o| o.label)
                .collect();
            return html! { span.fp-value.changed[changed] data-path=(p) { (names.join("、")) } };
        }
        let inline = opts.len() <= 4 && plain;
        if inline {
            return html! {
                span.fp-options.changed[changed] data-path=(p) {
                    @for o in opts { (self.mark(self.chosen(p, o.id), html! { (o.label) })) " " }
                }
            };
        }
        html! {
            ul.fp-option-list.changed[changed] data-path=(p) {
                @for o in opts {
                    @let chosen = self.chosen(p, o.id);
                    li {
                        (self.mark(chosen, self.option_label(base, o, chosen)))
                        @if let Some(a) = o.aside { br; span.fp-sub { (a) } }
                    }
                }
            }
        }
    }

    /// ① and ②: the options in a table — their group, the option (and its example), a check.
    fn option_table(&self, f: &FieldSpec, p: &str) -> Markup {
        let opts = f.kind.options();
        let mut groups: Vec<(Option<&str>, Vec<&Opt>)> = Vec::new();
        for o in opts {
            match groups.last_mut() {
                Some((g, list)) if *g == o.group => list.push(o),
                _ => groups.push((o.group, vec![o])),
            }
        }
        html! {
            table.fp-grid.fp-option-table.changed[self.is_changed(p)] data-path=(p) {
                thead { tr {
                    @for (i, c) in f.columns.iter().enumerate() {
                        th.fp-check[i + 1 == f.columns.len()] scope="col" { (c) }
                    }
                } }
                tbody {
                    @for (g, list) in &groups {
                        @for (i, o) in list.iter().enumerate() {
                            tr {
                                @if i == 0 {
                                    th.fp-group rowspan=(list.len()) scope="rowgroup" { (g.unwrap_or("")) }
                                }
                                td { (o.label) @if let Some(a) = o.aside { " " span.fp-sub { "(" (a) ")" } } }
                                td.fp-check { span.fp-mark.fp-chosen[self.chosen(p, o.id)] {
                                    @if self.chosen(p, o.id) { "■" } @else { "□" }
                                } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The chosen laws, as their text.
    fn laws(&self, p: &str) -> Markup {
        let ids: Vec<&str> = self
            .get(p)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        html! {
            ul.fp-option-list.fp-laws-chosen.changed[self.is_changed(p)] data-path=(p) {
                @for id in ids {
                    li { "・" @match laws::law(id) { Some(l) => (l.text), None => (id) } }
                }
            }
        }
    }

    /// A field's label as printed, with its `*` and the mark of rebuilt wording.
    fn label(&self, f: &FieldSpec) -> Markup {
        html! { (f.paper_label()) @if f.required { "*" } (rebuilt(f.rebuilt)) }
    }

    /// The fields of a section (or of a group item) as lines, each 「label: value」.
    fn lines(&self, fields: &[FieldSpec], base: &str, show_label: bool) -> Markup {
        let mut out = Vec::new();
        for f in fields {
            if spec::is_option_detail(fields, f.path) {
                continue;
            }
            let p = path::field(base, f.path);
            if let Some(h) = f.heading {
                out.push(html! { p.fp-subhead { (h) } });
            }
            let line = self.line(f, &p, base, show_label);
            // A field on the same line as the one before it joins that line.
            match out.last_mut() {
                Some(last) if f.same_line => {
                    *last = html! { (*last) span.fp-same-line { (line) } };
                }
                _ => out.push(html! { div.fp-line { (line) } }),
            }
        }
        html! { @for l in out { (l) } }
    }

    fn line(&self, f: &FieldSpec, p: &str, base: &str, show_label: bool) -> Markup {
        let label = html! {
            @if show_label { span.fp-label { (self.label(f)) } }
        };
        let example = html! { @if let Some(e) = f.example { " " span.fp-note { (e) } } };
        let aside = html! { @if let Some(a) = f.aside { " " span.fp-note { (a) } } };
        match &f.kind {
            FieldKind::Check => {
                let on = self.get(p).and_then(Value::as_bool).unwrap_or(false);
                html! {
                    span.changed[self.is_changed(p)] data-path=(p) { (self.mark(on, self.label(f))) }
                }
            }
            FieldKind::Choice(_) | FieldKind::Choices(_) => {
                html! { (label) @if show_label { ": " } (self.choice(f, p, base)) (aside) }
            }
            FieldKind::Laws(_) => html! { (label) (self.laws(p)) },
            FieldKind::Group { .. } => self.group(f, p),
            FieldKind::MultiLine => html! {
                (label) (example) (aside)
                div.fp-block { (self.value(f, p)) }
            },
            _ => html! { (label) @if show_label { ": " } (self.value(f, p)) (example) (aside) },
        }
    }

    /// A repeating group: timeline rows, the attacks of 4., the recipients of 情報提供様式.
    fn group(&self, f: &FieldSpec, p: &str) -> Markup {
        let FieldKind::Group {
            item, item_label, ..
        } = &f.kind
        else {
            return html! {};
        };
        let n = self.len(p);
        let is_timeline = item.len() == 2 && item[0].kind == FieldKind::DateTime;
        if is_timeline && self.kind.is_common_form() {
            // 事実経過: a free text on paper; rows are written as lines in the same box.
            return html! {
                div.fp-timeline-lines.changed[self.is_changed(p) && n == 0] data-path=(p) {
                    @for i in 0..n {
                        @let row = path::item(p, i);
                        div.fp-line {
                            (self.value(&item[0], &path::field(&row, item[0].path))) " "
                            (self.value(&item[1], &path::field(&row, item[1].path)))
                        }
                    }
                }
            };
        }
        if is_timeline {
            return html! {
                table.fp-grid.fp-timeline.changed[self.is_changed(p) && n == 0] data-path=(p) {
                    thead { tr {
                        th.fp-at scope="col" { (item[0].label) }
                        th scope="col" { (item[1].label) }
                    } }
                    tbody {
                        @for i in 0..n {
                            @let row = path::item(p, i);
                            tr {
                                td { (self.value(&item[0], &path::field(&row, item[0].path))) }
                                td { (self.value(&item[1], &path::field(&row, item[1].path))) }
                            }
                        }
                        @if n == 0 { tr { td { " " } td { " " } } }
                    }
                }
            };
        }
        let one_line = item
            .iter()
            .all(|i| matches!(i.kind, FieldKind::Text | FieldKind::Choice(_)));
        if one_line && item.len() > 2 {
            // Rows of several one-line fields (インディケータ情報): a table, a column per field,
            // a choice as the label of the chosen option.
            return html! {
                table.fp-grid.fp-rows.changed[self.is_changed(p) && n == 0] data-path=(p) {
                    thead { tr { @for sub in item.iter() { th scope="col" { (sub.label) } } } }
                    tbody {
                        @for i in 0..n {
                            @let row = path::item(p, i);
                            tr {
                                @for sub in item.iter() {
                                    @let sp = path::field(&row, sub.path);
                                    @let s = self.str(&sp);
                                    td {
                                        span.fp-value.changed[self.is_changed(&sp)] data-path=(sp) {
                                            (sub.kind.options().iter().find(|o| o.id == s).map_or(s, |o| o.label))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            };
        }
        if one_line && item.len() <= 2 {
            // 情報提供先: 「所管省庁名(分野名)」, one after the other.
            return html! {
                span.fp-value.changed[self.is_changed(p) && n == 0] data-path=(p) {
                    @for i in 0..n {
                        @let row = path::item(p, i);
                        @if i > 0 { "、" }
                        @for (j, sub) in item.iter().enumerate() {
                            @let sp = path::field(&row, sub.path);
                            @let s = self.str(&sp);
                            @if j > 0 && !s.is_empty() { "(" }
                            span.fp-value.changed[self.is_changed(&sp)] data-path=(sp) {
                                (Sector::from_id(s).map(|x| x.label()).unwrap_or(s))
                            }
                            @if j > 0 && !s.is_empty() { ")" }
                        }
                    }
                }
            };
        }
        // One box per item (one blank box when there is none).
        let shown = n.max(1);
        html! {
            @for i in 0..shown {
                @let row = path::item(p, i);
                div.fp-item.fp-box.changed[self.is_changed(&row) && n == 0] data-path=(row) {
                    @if shown > 1 { p.fp-item-title { (item_label) " " (i + 1) } }
                    (self.lines(item, &row, true))
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 情報連絡様式 (図4) and 情報提供様式 (図7): a head table, then ◆ and its table
// ---------------------------------------------------------------------------------------------

fn table_form(p: &P) -> Markup {
    let form = p.form;
    let sections = &form.sections;
    let first = &sections[0];
    let importance = first.fields.iter().find(|f| f.path == "header.importance");
    let number = first
        .fields
        .iter()
        .find(|f| f.path == "header.report_number");
    let diamond = sections
        .iter()
        .position(|s| s.number == "◆")
        .unwrap_or(sections.len());
    // The head: the first block's other fields, then the other unnumbered blocks, as rows.
    let head_rows: Vec<&FieldSpec> = first
        .fields
        .iter()
        .filter(|f| !matches!(f.path, "header.importance" | "header.report_number"))
        .collect();
    html! {
        div.fp-head {
            div.fp-importance { @if let Some(f) = importance { (p.choice(f, f.path, "")) } }
            div.fp-direction { (form.direction.unwrap_or("")) }
        }
        (heading(p.top, Some("fp-title"), html! { (form.title) }))
        @if let Some(f) = number {
            p.fp-number { "(第 " (p.value(f, f.path)) " 報" @if f.required { "*" } ")" }
        }
        @if let Some(r) = form.required_note { p.fp-required { (r) } }
        @if let Some(d) = form.distribution { p.fp-distribution { (d) } }
        table.fp-grid.fp-head-table {
            @for f in &head_rows {
                tr {
                    th.fp-label scope="row" { (p.label(f)) }
                    td { (p.line(f, f.path, "", false)) }
                }
            }
            @for s in sections[1..diamond].iter().filter(|s| s.is_head()) {
                tr {
                    th.fp-label scope="row" { (s.title) @if s.required { "*" } }
                    td {
                        (p.lines(&s.fields, "", s.fields.len() > 1 || s.fields[0].label != s.title))
                        (notes(&s.notes))
                    }
                }
            }
        }
        @for s in sections[1..diamond].iter().filter(|s| !s.is_head()) {
            section.fp-section {
                (heading(p.top + 1, None, html! { (s.heading()) (rebuilt(s.rebuilt)) }))
                (p.lines(&s.fields, "", false))
                (notes(&s.notes))
            }
        }
        @if let Some(d) = sections.get(diamond) {
            (content_table(p, d, &sections[diamond + 1..]))
        }
        @for s in sections[diamond..].iter().skip(1).filter(|s| s.is_head()) {
            div.fp-box.fp-contact {
                p.fp-box-title { (s.title) }
                @for t in &s.intro { p { (t) } }
                (p.lines(&s.fields, "", true))
            }
        }
        (notes(&form.notes))
    }
}

/// ◆情報連絡の内容 / ◆情報提供の内容 (with 別紙有無) and the table of the numbered sections
/// after it.
fn content_table(p: &P, diamond: &Section, rest: &[Section]) -> Markup {
    let numbered: Vec<&Section> = rest.iter().filter(|s| !s.is_head()).collect();
    let two_columns = numbered.iter().any(|s| s.part.is_some());
    html! {
        (heading(p.top + 1, Some("fp-diamond"), html! {
            (diamond.heading()) " ("
            @for f in &diamond.fields { (p.label(f)) ": " (p.choice(f, f.path, "")) }
            ")"
        }))
        table.fp-grid.fp-content {
            thead { tr {
                @for (i, c) in diamond.columns.iter().enumerate() {
                    th.fp-label[i == 0] colspan=[(i == 0 && two_columns).then_some(2)] scope="col" { (c) }
                }
            } }
            tbody {
                @for (i, s) in numbered.iter().enumerate() {
                    @let first_of_part = s.part.is_some() && (i == 0 || numbered[i - 1].part != s.part);
                    @let part_len = numbered.iter().filter(|x| x.part == s.part).count();
                    tr {
                        @if first_of_part {
                            th.fp-vertical rowspan=(part_len) scope="rowgroup" { (s.part.unwrap_or("")) }
                        }
                        th.fp-label colspan=[(two_columns && s.part.is_none()).then_some(2)] scope="row" {
                            (s.heading())
                            @if s.fields.iter().any(|f| f.required) { "*" }
                            (rebuilt(s.rebuilt))
                        }
                        td {
                            (p.lines(&s.fields, "", !(s.fields.len() == 1 && s.title.contains(s.fields[0].label))))
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 共通様式 (図4-1, 図4-2)
// ---------------------------------------------------------------------------------------------

fn common_form(p: &P) -> Markup {
    let form = p.form;
    let head = &form.sections[0];
    let f = |path: &str| head.fields.iter().find(|f| f.path == path);
    html! {
        (heading(p.top, Some("fp-title"), html! { (form.title) }))
        @if let Some(d) = f("header.reported_at") {
            p.fp-date-line { (p.value(d, d.path)) }
        }
        @if let Some(a) = f("header.addressee") {
            p.fp-addressee {
                @if p.str(a.path).is_empty() { (a.aside.unwrap_or("")) }
                @else { (p.value(a, a.path)) " 殿" }
            }
        }
        p.fp-follow-up {
            @if let Some(n) = f("header.new_or_follow_up") {
                (p.label(n)) ": " (p.choice(n, n.path, ""))
            }
            @if let Some(r) = f("receipt_number") {
                " (" (r.paper_label()) ": " (p.value(r, r.path)) ")"
            }
        }
        @if let Some(note) = f("receipt_number").and_then(|r| r.aside) { p.fp-note { (note) } }
        @for s in form.sections[1..].iter().filter(|s| s.is_head()) {
            div.fp-box.fp-sharing {
                @for t in &s.intro { p { (t) } }
                (p.lines(&s.fields, "", true))
                @for n in &s.notes { p.fp-note { (spec::note_text(*n)) } }
            }
        }
        @if let Some(g) = &form.guide { (guide(g, p.top + 1)) }
        @if let Some(c) = &form.cautions {
            section.fp-cautions {
                (heading(p.top + 1, None, html! { (c.heading) }))
                div.fp-box {
                    p { (c.intro) }
                    ul.fp-notes { @for x in &c.items { li { "・" (x) } } }
                }
            }
        }
        (notes(&form.notes))
        @for s in form.sections.iter().filter(|s| !s.is_head()) {
            section.fp-section {
                (heading(p.top + 1, None, html! { (s.heading()) (rebuilt(s.rebuilt)) }))
                @for t in &s.intro { p.fp-note { "(" (t) ")" } }
                @if s.number == "1." {
                    // 1. 報告者の概要: a ruled table, (フリガナ) above the name it reads.
                    table.fp-grid.fp-reporter {
                        @for f in &s.fields {
                            tr {
                                th.fp-label.fp-kana[f.printed_label.is_some()] scope="row" { (p.label(f)) }
                                td { (p.value(f, f.path)) }
                            }
                        }
                    }
                } @else if s.fields.len() == 1 && matches!(s.fields[0].kind, FieldKind::Group { .. }) {
                    (p.lines(&s.fields, "", false))
                } @else {
                    div.fp-box { (p.lines(&s.fields, "", !(s.fields.len() == 1 && s.fields[0].label == s.title))) }
                }
                @for n in &s.notes { p.fp-note { (spec::note_text(*n)) } }
            }
        }
    }
}

/// 記載の手引き: (1) the procedures and the laws, (2) 記載事項; its heading at `level`.
fn guide(g: &spec::Guide, level: u8) -> Markup {
    let of = |k: LawKind| g.laws.iter().filter(move |l| l.kind == k);
    html! {
        section.fp-guide {
            (heading(level, None, html! { (g.heading) }))
            (heading(level + 1, None, html! { (g.procedures) }))
            p { (g.procedures_intro) }
            ul.fp-notes {
                @for l in of(LawKind::LeakReport) { li { "〇" (l.text) } }
                li {
                    "〇" (laws::SECTOR_REPORTS_HEADING)
                    ul.fp-laws { @for l in of(LawKind::SectorReport) { li { "・" (l.text) } } }
                }
                @for l in of(LawKind::Other) { li { "〇" (l.text) } }
            }
            (heading(level + 1, None, html! { (g.items) }))
            @for (h, t) in &g.item_texts {
                p { @if !h.is_empty() { (h) br; } (t) }
            }
        }
    }
}
