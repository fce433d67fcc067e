//! The print view: each form in its official layout (図4, 図4-1, 図4-2, 図7) — its tables and
//! numbering, □/■ marks on every option as the form prints it, the fixed notes, the TLP label at
//! the top and the bottom of every printed page, and the entries changed since the previous
//! report underlined.
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

use super::{format_date, format_datetime};
use crate::forms::layout::{self, Opt};
use crate::forms::{path, texts, FormKind, Report};
use crate::taxonomy::laws::{self, LawKind};
use crate::taxonomy::{
    ddos as tx_ddos, events::EventClass, ransomware as tx_ransom, Cause, CauseGroup, Choice,
    LeakAnnex, Tlp,
};

/// The print view of `report` as an HTML fragment (`<article class="form-print">`). Fields
/// whose path is in `changed` (or lies under / above a changed path) are underlined.
pub fn print_html(report: &Report, changed: &[String]) -> String {
    print_markup(report, changed).into_string()
}

/// [`print_html`] as maud markup, for templates that embed it.
pub fn print_markup(report: &Report, changed: &[String]) -> Markup {
    let p = P {
        v: report.to_value(),
        changed,
        kind: report.kind(),
    };
    let body = match report.kind() {
        FormKind::Incident => incident(&p),
        FormKind::Ddos => common_form(&p),
        FormKind::Ransomware => common_form(&p),
        FormKind::Advisory => advisory(&p),
    };
    let running = running(report);
    html! {
        article.form-print data-form=(report.kind().id()) {
            table.fp-page {
                thead { tr { td.fp-frame { (running) } } }
                tfoot { tr { td.fp-frame { (running) } } }
                tbody { tr { td.fp-frame {
                    @if !changed.is_empty() {
                        p.fp-legend {
                            span.changed { "下線" }
                            (texts::CHANGED_LEGEND.trim_start_matches("下線"))
                        }
                    }
                    (body)
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
    let has_tlp = matches!(report.kind(), FormKind::Incident | FormKind::Advisory);
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

/// The report's JSON value and what changed.
struct P<'a> {
    v: Value,
    changed: &'a [String],
    kind: FormKind,
}

impl P<'_> {
    fn is_changed(&self, p: &str) -> bool {
        self.changed
            .iter()
            .any(|c| path::is_under(c, p) || path::is_under(p, c))
    }

    fn get(&self, p: &str) -> Option<&Value> {
        layout::get(&self.v, p)
    }

    fn str(&self, p: &str) -> &str {
        self.get(p).and_then(Value::as_str).unwrap_or("")
    }

    fn len(&self, p: &str) -> usize {
        self.get(p).and_then(Value::as_array).map_or(0, Vec::len)
    }

    /// A free text, as typed (line breaks kept by CSS).
    fn text(&self, p: &str) -> Markup {
        let s = self.str(p);
        html! { span.fp-value.changed[self.is_changed(p)] data-path=(p) { (s) } }
    }

    /// A date and time with a year: 「2023年8月19日 13時15分」, or the blank 「年 月 日 時 分」.
    fn datetime(&self, p: &str, blank: &str) -> Markup {
        let s = format_datetime(self.str(p));
        html! {
            span.fp-value.changed[self.is_changed(p)] data-path=(p) {
                @if s.is_empty() { span.fp-empty { (blank) } } @else { (s) }
            }
        }
    }

    fn date(&self, p: &str) -> Markup {
        let s = format_date(self.str(p));
        html! {
            span.fp-value.changed[self.is_changed(p)] data-path=(p) {
                @if s.is_empty() { span.fp-empty { "年 月 日" } } @else { (s) }
            }
        }
    }

    /// Whether the option `id` is chosen at `p` (a single id or a list of ids).
    fn chosen(&self, p: &str, id: &str) -> bool {
        match self.get(p) {
            Some(Value::String(s)) => s == id,
            Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(id)),
            _ => false,
        }
    }

    /// The options of the field at `p`, from the layout.
    fn opts(&self, p: &str) -> &'static [Opt] {
        layout::find(self.kind, p)
            .map(|(_, f)| f.kind.options())
            .unwrap_or(&[])
    }

    /// □/■ and a label.
    fn mark(&self, chosen: bool, label: Markup) -> Markup {
        html! {
            span.fp-option.fp-chosen[chosen] {
                span.fp-mark { @if chosen { "■" } @else { "□" } }
                " " (label)
            }
        }
    }

    /// Every option of the field at `p` in a row, ■ on the chosen ones.
    fn marks(&self, p: &str) -> Markup {
        html! {
            span.fp-options.changed[self.is_changed(p)] data-path=(p) {
                @for o in self.opts(p) {
                    (self.mark(self.chosen(p, o.id), html! { (o.label) }))
                }
            }
        }
    }

    /// Every option of the field at `p`, one per line.
    fn marks_list(&self, p: &str) -> Markup {
        html! {
            ul.fp-option-list.changed[self.is_changed(p)] data-path=(p) {
                @for o in self.opts(p) {
                    li { (self.mark(self.chosen(p, o.id), html! { (o.label) })) }
                }
            }
        }
    }

    /// The chosen laws of 6./5.(4), as their text (the form has a free text box here).
    fn laws(&self, p: &str) -> Markup {
        let ids: Vec<&str> = self
            .get(p)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        html! {
            ul.fp-option-list.changed[self.is_changed(p)] data-path=(p) {
                @for id in ids {
                    li { "・" @match laws::law(id) { Some(l) => (l.text), None => (id) } }
                }
            }
        }
    }

    /// 日時 / 事象・対応状況等 rows of a timeline (one empty row if none).
    fn timeline(&self, p: &str) -> Markup {
        let n = self.len(p);
        html! {
            table.fp-grid.fp-timeline.changed[self.is_changed(p) && n == 0] data-path=(p) {
                thead { tr {
                    th.fp-at scope="col" { (texts::incident::TIMELINE_HEAD[0]) }
                    th scope="col" { (texts::incident::TIMELINE_HEAD[1]) }
                } }
                tbody {
                    @for i in 0..n {
                        @let row = path::item(p, i);
                        tr {
                            td { (self.timeline_at(&path::field(&row, "at"))) }
                            td { (self.text(&path::field(&row, "description"))) }
                        }
                    }
                    @if n == 0 { tr { td { " " } td { " " } } }
                }
            }
        }
    }

    /// A timeline's 日時: formatted when in the date picker's shape, else as typed
    /// (図5: 「XX/XX 00:00」).
    fn timeline_at(&self, p: &str) -> Markup {
        let s = format_datetime(self.str(p));
        html! { span.fp-value.changed[self.is_changed(p)] data-path=(p) { (s) } }
    }
}

fn note(n: crate::taxonomy::Note) -> Markup {
    html! { li { (texts::note_text(n)) } }
}

fn importance_and_direction(p: &P, direction: &str) -> Markup {
    html! {
        div.fp-head {
            div.fp-importance { (p.marks("header.importance")) }
            div.fp-direction { (direction) }
        }
    }
}

/// 情報共有範囲: every TLP label with the form's scope text, and 特記事項.
fn tlp_cell(p: &P) -> Markup {
    let path = "header.tlp";
    html! {
        ul.fp-option-list.changed[p.is_changed(path)] data-path=(path) {
            @for t in Tlp::ALL {
                @let (name, scope) = (t.name(), texts::tlp_scope(p.kind, *t));
                li {
                    (p.mark(p.chosen(path, t.id()), html! { (t.form_key()) " = " (name) }))
                    @if !scope.is_empty() { br; span.fp-sub { (scope) } }
                }
            }
        }
        p { (texts::incident::TLP_NOTE) ": " (p.text("header.tlp_note")) }
    }
}

fn number_line(p: &P) -> Markup {
    let path = "header.report_number";
    let n = p
        .get(path)
        .and_then(Value::as_u64)
        .map(|n| n.to_string())
        .unwrap_or_default();
    html! {
        p.fp-number {
            "(第 " span.fp-value.changed[p.is_changed(path)] data-path=(path) { (n) } " 報*)"
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 情報連絡様式 (図4)
// ---------------------------------------------------------------------------------------------

fn incident(p: &P) -> Markup {
    use texts::incident as t;
    html! {
        (importance_and_direction(p, t::DIRECTION))
        h1.fp-title { (t::TITLE) }
        (number_line(p))
        p.fp-required { (texts::REQUIRED_NOTE) }
        table.fp-grid {
            tr {
                th.fp-label scope="row" { (t::IDENTIFIER) "*" }
                td { (p.text("header.identifier")) " " span.fp-note { (t::FIRST_REPORT_ID_NOTE) } }
            }
        }
        p.fp-distribution { (t::DISTRIBUTION) }
        table.fp-grid {
            tr {
                th.fp-label scope="row" { (t::REPORTED_AT) "*" }
                td { (p.datetime("header.reported_at", "年 月 日 時 分")) }
            }
            tr {
                th.fp-label scope="row" { (t::CONTACT) "*" }
                td {
                    p { (t::MINISTRY) ": " (p.text("header.contact.ministry")) }
                    p { (t::PERSON) ": " (p.text("header.contact.person")) }
                    p { (t::BUREAU) ": " (p.text("header.contact.bureau")) }
                    p { (t::PHONE) ": " (p.text("header.contact.phone")) }
                    p { (t::FAX) ": " (p.text("header.contact.fax")) }
                    p { (t::EMAIL) ": " (p.text("header.contact.email")) }
                }
            }
            tr {
                th.fp-label scope="row" { (t::TLP) "*" }
                td {
                    (tlp_cell(p))
                    ul.fp-notes { (note(t::NOTE_1)) }
                }
            }
        }

        h2 { (t::EVENT_TYPE) }
        (event_table(p))
        ul.fp-notes { (note(t::NOTE_2)) (note(t::NOTE_3)) }

        h2 { (t::CAUSES) }
        (cause_table(p))

        h2 {
            (t::CONTENT) " (" (t::ANNEX) "*: " (p.marks("header.annex")) ")"
        }
        table.fp-grid {
            thead { tr { th.fp-label scope="col" { (t::CONTENT_HEAD[0]) } th scope="col" { (t::CONTENT_HEAD[1]) } } }
            tbody {
                tr {
                    th.fp-label scope="row" { (t::SECTOR) "*(※5)" }
                    td {
                        @let s = p.str("sector");
                        span.fp-value.changed[p.is_changed("sector")] data-path="sector" {
                            (crate::taxonomy::Sector::from_id(s).map(|x| x.label()).unwrap_or(s))
                        }
                    }
                }
                tr {
                    th.fp-label scope="row" { (t::OPERATOR) }
                    td { (p.text("operator_name")) }
                }
                tr {
                    th.fp-label scope="row" { (t::OVERVIEW) }
                    td {
                        p { (t::DISCOVERED_AT) ": " (p.datetime("overview.discovered_at", "年 月 日 時 分")) }
                        p {
                            "(" (t::OCCURRED_AT) ": " (p.datetime("overview.occurred_at", "年 月 日 時 分"))
                            @if !p.str("overview.occurred_at_note").is_empty() {
                                " (" (p.text("overview.occurred_at_note")) ")"
                            }
                            ")"
                        }
                        p { (t::SYSTEM) ":" br; (p.text("overview.system")) }
                        p { (t::SUMMARY) ":" br; (p.text("overview.summary")) }
                        p { (t::SYSTEM_STATUS) ": " (p.marks("overview.system_status")) }
                    }
                }
                tr {
                    th.fp-label scope="row" { (t::IMPACT) }
                    td {
                        p { (t::DEVIATION) ": " (p.marks("impact.deviation")) }
                        p { (t::SPREAD) ": " (p.marks("impact.spread")) }
                    }
                }
                tr {
                    th.fp-label scope="row" { (t::TIMELINE) }
                    td {
                        (p.timeline("timeline"))
                        p { (t::SUPPLEMENTARY) br; (p.text("supplementary")) }
                        h3 { (t::EXTERNAL) }
                        p { (t::PRESS) ": " (p.marks("external.press")) " " span.fp-note { (t::PRESS_NOTE) } }
                        p { (p.text("external.press_detail")) }
                        p { (t::PPC) ": " (p.marks("external.ppc")) " " span.fp-note { (t::PPC_NOTE) } }
                        p { (p.text("external.ppc_detail")) }
                        p { (t::OTHER_CONTACTS) ":" br; (p.text("external.other_contacts")) }
                    }
                }
                tr {
                    th.fp-label scope="row" { (t::OUTLOOK) }
                    td { (p.marks_list("outlook")) }
                }
                tr {
                    th.fp-label scope="row" { (t::LESSONS) }
                    td { (p.text("lessons")) }
                }
            }
        }
        ul.fp-notes { (note(t::NOTE_4)) (note(t::NOTE_5)) (note(t::NOTE_6)) }
    }
}

/// ①: 事象の類型 (未発生の事象 / 発生した事象 → class), 事象の例, チェック.
fn event_table(p: &P) -> Markup {
    use texts::incident as t;
    let path = "event_type";
    let occurred: usize = EventClass::ALL
        .iter()
        .filter(|c| c.occurred())
        .map(|c| c.event_types().len())
        .sum();
    html! {
        table.fp-grid.fp-events.changed[p.is_changed(path)] data-path=(path) {
            thead { tr {
                th colspan="2" scope="col" { (t::EVENT_TYPE_HEAD[0]) }
                th scope="col" { (t::EVENT_TYPE_HEAD[1]) }
                th.fp-check scope="col" { (t::EVENT_TYPE_HEAD[2]) }
            } }
            tbody {
                @for (ci, class) in EventClass::ALL.iter().enumerate() {
                    @for (i, e) in class.event_types().iter().enumerate() {
                        tr {
                            @if !class.occurred() {
                                th.fp-group colspan="2" scope="row" { (class.label()) }
                            } @else {
                                @if i == 0 && ci == 1 {
                                    th.fp-vertical rowspan=(occurred) scope="rowgroup" { (t::EVENT_OCCURRED) }
                                }
                                @if i == 0 {
                                    th.fp-group rowspan=(class.event_types().len()) scope="rowgroup" {
                                        (class.label())
                                        @if let Some(n) = class.note() { "(" (n.mark) ")" }
                                    }
                                }
                            }
                            td {
                                (e.label())
                                @if let Some(x) = e.example() { " (" (x) ")" }
                            }
                            td.fp-check { (check(p.chosen(path, e.id()))) }
                        }
                    }
                }
            }
        }
    }
}

fn check(chosen: bool) -> Markup {
    html! { span.fp-mark.fp-chosen[chosen] { @if chosen { "■" } @else { "□" } } }
}

/// ②: 原因の類型 (group), 原因, チェック.
fn cause_table(p: &P) -> Markup {
    use texts::incident as t;
    let path = "causes";
    html! {
        table.fp-grid.fp-causes.changed[p.is_changed(path)] data-path=(path) {
            thead { tr {
                th scope="col" { (t::CAUSES_HEAD[0]) }
                th scope="col" { (t::CAUSES_HEAD[1]) }
                th.fp-check scope="col" { (t::CAUSES_HEAD[2]) }
            } }
            tbody {
                @for g in CauseGroup::ALL {
                    @let causes: Vec<Cause> = Cause::ALL.iter().copied().filter(|c| c.group() == *g).collect();
                    @for (i, c) in causes.iter().enumerate() {
                        tr {
                            @if i == 0 {
                                th.fp-group rowspan=(causes.len()) scope="rowgroup" { (g.label()) }
                            }
                            td { (c.label()) }
                            td.fp-check { (check(p.chosen(path, c.id()))) }
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
    use texts::common as c;
    let ransom = p.kind == FormKind::Ransomware;
    let (title, opt_out_note) = if ransom {
        (texts::ransomware::TITLE, texts::ransomware::OPT_OUT_NOTE)
    } else {
        (texts::ddos::TITLE, texts::ddos::OPT_OUT_NOTE)
    };
    let addressee = p.str("header.addressee");
    html! {
        h1.fp-title { (title) }
        p.fp-date-line { (p.datetime("header.reported_at", "年 月 日 時 分")) }
        p.fp-addressee {
            @if addressee.is_empty() { (c::ADDRESSEE) }
            @else { (p.text("header.addressee")) " 殿" }
        }
        p {
            (c::NEW_OR_FOLLOW_UP) ": "
            span.fp-options.changed[p.is_changed("header.new_or_follow_up")] data-path="header.new_or_follow_up" {
                @for o in p.opts("header.new_or_follow_up") {
                    (p.mark(p.chosen("header.new_or_follow_up", o.id), html! {
                        (o.label)
                        @if o.detail.is_some() {
                            "(" (c::PREVIOUS) ": " (p.datetime("header.previous_reported_at", "年 月 日 時 分")) ")"
                        }
                    }))
                }
            }
            @if ransom {
                " (" (texts::ransomware::RECEIPT_NUMBER) ": " (p.text("receipt_number")) ")"
            }
        }
        @if ransom { p.fp-note { (texts::ransomware::RECEIPT_NUMBER_NOTE) } }
        div.fp-box {
            @for para in c::SHARING_NOTICE { p { (para) } }
            p.changed[p.is_changed("header.opt_out")] data-path="header.opt_out" {
                (p.mark(p.get("header.opt_out").and_then(Value::as_bool).unwrap_or(false), html! { (c::OPT_OUT) }))
            }
            p { (c::OPT_OUT_DETAIL) ":" br; (p.text("header.opt_out_detail")) }
            p.fp-note { (texts::note_text(opt_out_note)) }
        }
        (guide(p.kind))
        @if ransom {
            h2 { (tx_ransom::CAUTIONS_TITLE) }
            div.fp-box {
                p { (tx_ransom::CAUTIONS_INTRO) }
                ul.fp-notes { @for x in &tx_ransom::CAUTIONS { li { "・" (x.text) } } }
            }
        }
        ul.fp-notes { (note(c::NOTE_1)) (note(c::NOTE_2)) }
        (reporter(p, ransom))
        (business_impact(p, ransom))
        (systems(p, ransom))
        @if ransom { (ransomware_details(p)) } @else { (attacks(p)) }
        (response(p, ransom))
        @if !ransom {
            h2 { (texts::ddos::LAWS) }
            div.fp-box { p.fp-note { (c::LAWS_NOTE) } (p.laws("laws")) }
            h2 { (texts::ddos::OTHER) }
            div.fp-box { (p.text("other")) }
        } @else {
            h2 { (texts::ransomware::OTHER) }
            div.fp-box { (p.text("other")) }
        }
    }
}

/// 記載の手引き: (1) the procedures and the laws, (2) 記載事項.
fn guide(kind: FormKind) -> Markup {
    use texts::common as c;
    let ransom = kind == FormKind::Ransomware;
    let (heading, intro, list) = if ransom {
        (
            texts::ransomware::GUIDE,
            laws::RANSOMWARE_INTRO,
            laws::ransomware_laws(),
        )
    } else {
        (texts::ddos::GUIDE, laws::DDOS_INTRO, laws::ddos_laws())
    };
    html! {
        section.fp-guide {
            h2 { (heading) }
            h3 { (c::GUIDE_PROCEDURES) }
            p { (intro) }
            ul.fp-notes {
                @for l in list.iter().filter(|l| l.kind == LawKind::LeakReport) { li { "〇" (l.text) } }
                li {
                    "〇" (laws::SECTOR_REPORTS_HEADING)
                    ul.fp-laws {
                        @for l in list.iter().filter(|l| l.kind == LawKind::SectorReport) { li { "・" (l.text) } }
                    }
                }
                @for l in list.iter().filter(|l| l.kind == LawKind::Other) { li { "〇" (l.text) } }
            }
            h3 { (c::GUIDE_ITEMS) }
            @if ransom {
                @for (h, t) in texts::ransomware::GUIDE_ITEMS { p { (h) br; (t) } }
            } @else {
                p { (c::GUIDE_ITEMS_TEXT) }
            }
        }
    }
}

fn kana_row(p: &P, kana: &str, name: &str, label: &str) -> Markup {
    use texts::common as c;
    html! {
        tr { th.fp-label scope="row" { span.fp-sub { (c::FURIGANA) } } td { (p.text(kana)) } }
        tr { th.fp-label scope="row" { (label) } td { (p.text(name)) } }
    }
}

fn row(p: &P, label: &str, path: &str) -> Markup {
    html! { tr { th.fp-label scope="row" { (label) } td { (p.text(path)) } } }
}

fn reporter(p: &P, ransom: bool) -> Markup {
    use texts::common as c;
    use texts::ransomware as r;
    html! {
        h2 { (c::REPORTER) }
        table.fp-grid {
            (kana_row(p, "reporter.name_kana", "reporter.name", c::REPORTER_NAME))
            (row(p, c::CORPORATE_NUMBER, "reporter.corporate_number"))
            @if ransom {
                (row(p, r::INDUSTRY, "reporter.industry"))
                (row(p, r::ADDRESS, "reporter.address"))
                (kana_row(p, "reporter.representative_kana", "reporter.representative", r::REPRESENTATIVE))
            }
            (kana_row(p, "reporter.contact_kana", "reporter.contact_name", c::LIAISON_NAME))
            (row(p, c::DEPARTMENT, "reporter.department"))
            (row(p, c::PHONE, "reporter.phone"))
            (row(p, c::EMAIL, "reporter.email"))
        }
    }
}

fn business_impact(p: &P, ransom: bool) -> Markup {
    use texts::common as c;
    use texts::ransomware as r;
    html! {
        h2 { (c::BUSINESS_IMPACT) }
        h3 { (c::INCIDENT_SUMMARY) }
        div.fp-box {
            (p.text("summary"))
            @if ransom {
                p { (r::OCCURRED_AT) ": " (p.datetime("occurred_at", "年 月 日 時 分")) }
                p { (r::DISCOVERED_AT) ": " (p.datetime("discovered_at", "年 月 日 時 分")) }
            }
        }
        h3 { (c::SERVICE_LEVEL) }
        div.fp-box {
            p { "・" (c::DEVIATION) ": " (p.marks("service_level.deviation")) }
            p { "・" (c::SPREAD) ": " (p.marks("service_level.spread")) }
            p { "・" (c::SERVICE_IMPACT) br; (p.text("service_level.impact")) }
        }
        @if ransom {
            h3 { (r::LEAK) "(" (tx_ransom::ANNEX_INSTRUCTION) ")" }
            ul.fp-option-list.fp-box.changed[p.is_changed("leak_annexes")] data-path="leak_annexes" {
                @for a in LeakAnnex::ALL {
                    li { (p.mark(p.chosen("leak_annexes", a.id()), html! {
                        (a.label()) "(" (a.title()) ")【" (a.for_whom()) "】"
                    })) }
                }
            }
            p.fp-note.fp-screen-only { (r::LEAK_ANNEX_HINT) }
            h3 { (r::TIMELINE) }
        } @else {
            h3 { (texts::ddos::TIMELINE) }
        }
        (p.timeline("timeline"))
    }
}

fn systems(p: &P, ransom: bool) -> Markup {
    use texts::common as c;
    use texts::ransomware as r;
    html! {
        h2 { (c::SYSTEMS) }
        div.fp-box {
            p { "・" (c::DEVICES) br; (p.text("systems.equipment")) }
            p { "・" (c::SYSTEM_STATUS) br; (p.marks("systems.status")) }
            @if ransom {
                p { "・" (r::ENVIRONMENT) br; (p.text("systems.environment")) }
                p { "・" (r::TOPOLOGY) br; (p.text("systems.topology")) }
            }
        }
    }
}

/// 4. 攻撃の情報 — one table per attack (one blank table when none).
fn attacks(p: &P) -> Markup {
    use texts::ddos as d;
    let n = p.len("attacks").max(1);
    html! {
        h2 { (d::ATTACKS) }
        p.fp-note { "(" (tx_ddos::ONE_TABLE_PER_ATTACK) ")" }
        @for i in 0..n {
            @let a = path::item("attacks", i);
            @let f = |name: &str| path::field(&a, name);
            div.fp-attack.fp-box.changed[p.is_changed(&a) && p.len("attacks") == 0] {
                @if n > 1 { h3 { "攻撃 " (i + 1) } }
                p { (d::PERIOD) }
                p { (d::STARTED) ": " (p.datetime(&f("started_at"), "月 日 時 分")) }
                p { (d::ENDED) ": " (p.datetime(&f("ended_at"), "月 日 時 分")) }
                p { (d::PERIOD_NOTE) ": " (p.text(&f("note"))) }
                p { (d::KIND) }
                p { (d::KIND_TYPES) }
                @let tp = f("types");
                ul.fp-option-list.changed[p.is_changed(&tp)] data-path=(tp) {
                    @for t in crate::taxonomy::DdosAttackType::ALL {
                        li {
                            (p.mark(p.chosen(&tp, t.id()), html! {
                                @if let Some(ja) = t.japanese_name() {
                                    (ja)
                                    @if let Some(ex) = t.example() { " (" (ex) ")" }
                                    " " (t.label()) " (" (t.id()) ")"
                                } @else {
                                    (t.label())
                                    @if *t == crate::taxonomy::DdosAttackType::Other {
                                        " (" (p.text(&f("type_other"))) ")"
                                    }
                                }
                            }))
                            @if let Some(note) = t.note() { br; span.fp-sub { (note) } }
                        }
                    }
                }
                p { (d::KIND_DETAIL) br; span.fp-note { "(" (tx_ddos::DETAIL_EXAMPLE) ")" } br; (p.text(&f("type_detail"))) }
                p { (d::PROTOCOL) " " span.fp-note { "(" (tx_ddos::PROTOCOL_EXAMPLE) ")" } br; (p.text(&f("protocol"))) }
                p { (d::SOURCE) }
                p { "・" (d::SOURCE_IP) ": " (p.text(&f("source.ip"))) }
                p { "・" (d::SOURCE_PORT) ": " (p.text(&f("source.port"))) }
                p { "・" (d::SOURCE_DEVICE) ": " (p.text(&f("source.equipment"))) }
                p { (d::TARGET) }
                p { "・" (d::TARGET_IP) ": " (p.text(&f("destination.ip"))) }
                p { "・" (d::TARGET_PORT) ": " (p.text(&f("destination.port"))) }
                p { "・" (d::TARGET_SERVICE) ": " (p.text(&f("destination.service"))) }
                p { (d::VOLUME) " " span.fp-note { "(" (tx_ddos::TRAFFIC_EXAMPLE) ")" } br; (p.text(&f("volume"))) }
            }
        }
        p.fp-note { (tx_ddos::MANY_SOURCES_NOTE) }
    }
}

fn ransomware_details(p: &P) -> Markup {
    use texts::ransomware as r;
    html! {
        h2 { (r::RANSOMWARE) }
        div.fp-box {
            p { (r::DISPLAYED) br; (p.text("ransomware.ransom_note")) }
            p { (r::EXTENSION) " " span.fp-note { (r::EXTENSION_EXAMPLE) } br; (p.text("ransomware.encrypted_extension")) }
            p { (r::FACTS) }
            p { "・" (r::ENCRYPTED) ": " (p.marks("ransomware.encrypted")) }
            p { "・" (r::LEAK_SITE) ": " (p.marks("ransomware.leak_site")) }
            p { "・" (r::RANSOM_DEMAND) ": " (p.marks("ransomware.ransom_demanded")) }
            p { (r::INTRUSION) " " span.fp-note { (r::INTRUSION_EXAMPLE) } br; (p.text("ransomware.intrusion")) }
            p { (r::INDICATORS) " " span.fp-note { (r::INDICATORS_EXAMPLE) } br; (p.text("ransomware.indicators")) }
        }
    }
}

/// 5. 今後の対応.
fn response(p: &P, ransom: bool) -> Markup {
    use texts::common as c;
    use texts::ransomware as r;
    let sp = "publication.status";
    html! {
        h2 { (c::RESPONSE) }
        div.fp-box {
            p { (c::PUBLICATION) }
            p { (c::PUBLICATION_CASE) ":" }
            ul.fp-option-list.changed[p.is_changed(sp)] data-path=(sp) {
                @for o in p.opts(sp) {
                    @let chosen = p.chosen(sp, o.id);
                    li {
                        (p.mark(chosen, html! { (o.label) }))
                        @match o.id {
                            "done" => { " 【" (c::PUBLICATION_DATE) ": " (date_if(p, chosen)) "】" }
                            "planned" => { " 【" (c::PUBLICATION_PLANNED_DATE) ": " (date_if(p, chosen)) "】" }
                            _ => {}
                        }
                    }
                }
            }
            @if ransom {
                p { (r::PUBLICATION_METHOD) ":" }
                ul.fp-option-list.changed[p.is_changed("publication_methods")] data-path="publication_methods" {
                    @for o in p.opts("publication_methods") {
                        li {
                            (p.mark(p.chosen("publication_methods", o.id), html! { (o.label) }))
                            @if o.detail.is_some() { ": (" (p.text("publication_method_other")) ")" }
                        }
                    }
                }
                p { (r::PUBLICATION_TEXT) ":" br; (p.text("publication_text")) }
            }
            p { (c::OUTLOOK) }
            (p.marks_list("outlook"))
            @if ransom {
                p { (r::INVESTIGATION) }
                (p.marks_list("investigation"))
                p { "(" (r::INVESTIGATION_DETAIL) ": " (p.text("investigation_detail")) ")" }
                p { (r::LAWS) }
                p.fp-note { (c::LAWS_NOTE) }
                (p.laws("laws"))
            }
        }
    }
}

/// The 公表日 beside the chosen status; blank 「年 月 日」 beside the others.
fn date_if(p: &P, chosen: bool) -> Markup {
    if chosen {
        p.date("publication.date")
    } else {
        html! { span.fp-empty { "年 月 日" } }
    }
}

// ---------------------------------------------------------------------------------------------
// 情報提供様式 (図7)
// ---------------------------------------------------------------------------------------------

fn advisory(p: &P) -> Markup {
    use texts::advisory as a;
    let rp = "header.recipients";
    let n = p.len(rp);
    html! {
        (importance_and_direction(p, a::DIRECTION))
        h1.fp-title { (a::TITLE) }
        (number_line(p))
        p.fp-required { (texts::REQUIRED_NOTE) }
        table.fp-grid {
            tr { th.fp-label scope="row" { (a::IDENTIFIER) "*" } td { (p.text("header.identifier")) } }
            tr { th.fp-label scope="row" { (a::PROVIDED_AT) "*" } td { (p.datetime("header.provided_at", "年 月 日 時 分")) } }
            tr {
                th.fp-label scope="row" { (a::RECIPIENTS) "*" br; span.fp-sub { (a::RECIPIENTS_NOTE) } }
                td.changed[p.is_changed(rp) && n == 0] data-path=(rp) {
                    @for i in 0..n {
                        @let item = path::item(rp, i);
                        @let sp = path::field(&item, "sector");
                        @if i > 0 { "、" }
                        (p.text(&path::field(&item, "ministry")))
                        @let s = p.str(&sp);
                        @if !s.is_empty() {
                            "(" span.fp-value.changed[p.is_changed(&sp)] data-path=(sp) {
                                (crate::taxonomy::Sector::from_id(s).map(|x| x.label()).unwrap_or(s))
                            } "分野)"
                        }
                    }
                }
            }
            tr { th.fp-label scope="row" { (a::TLP) "*" } td { (tlp_cell(p)) } }
        }
        h2 { (a::CONTENT) " (別紙有無*: " (p.marks("header.annex")) ")" }
        table.fp-grid {
            thead { tr { th colspan="2" scope="col" { (a::CONTENT_HEAD[0]) } th scope="col" { (a::CONTENT_HEAD[1]) } } }
            tbody {
                tr {
                    th.fp-vertical rowspan="2" scope="rowgroup" { (a::THREAT) }
                    th.fp-group scope="row" { (a::OVERVIEW) }
                    td { (p.text("overview")) }
                }
                tr { th.fp-group scope="row" { (a::TARGET) } td { (p.text("target")) } }
                tr { th colspan="2" scope="row" { (a::RESPONSE) } td { (p.text("response")) } }
                tr { th colspan="2" scope="row" { (a::OTHER) } td { (p.text("other")) } }
            }
        }
        div.fp-box {
            p { (a::CONTACT) }
            p { (a::CONTACT_OFFICE) }
            p { (a::CONTACT_DESK) ": " (p.text("contact.person")) }
            p { (a::PHONE) ": " (p.text("contact.phone")) }
            p { (a::FAX) ": " (p.text("contact.fax")) }
            p { (a::EMAIL) ": " (p.text("contact.email")) }
        }
    }
}
