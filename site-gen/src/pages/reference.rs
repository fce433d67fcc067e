//! Pages generated from core's taxonomy (cause taxonomy, event types, importance, TLP,
//! sectors, glossary, the four forms). Never retyped in Markdown: every label comes from
//! `kyoyu_core::taxonomy` or `kyoyu_core::forms::spec`.
//!
//! The tables are also what the chapters' `{{table:…}}` and `{{form:…}}` directives insert
//! (see [`crate::directives`]).
use anyhow::Result;
use maud::{html, Markup};

use kyoyu_core::forms::spec::{self, FieldKind, FieldSpec};
use kyoyu_core::forms::FormKind;
use kyoyu_core::taxonomy::events::{self, EventClass};
use kyoyu_core::taxonomy::importance::{self, ImportanceTable};
use kyoyu_core::taxonomy::sectors::{self, Table2Row, Table3Row};
use kyoyu_core::taxonomy::{
    causes, glossary, tlp, CauseGroup, Choice, EventType, Importance, Note, Sector, Tlp,
};

use crate::layout::{Assets, NavGroup, NavLink, Sidebar};
use crate::render::Site;

/// The reference pages, in the sidebar's order: (URL, title).
pub const REFERENCE_PAGES: &[(&str, &str)] = &[
    ("/reference/causes/", "原因の類型(表1)"),
    ("/reference/events/", "発生した事象の類型"),
    ("/reference/importance/", "重要度(表4)"),
    ("/reference/tlp/", "情報共有範囲 TLP(表5)"),
    ("/reference/sectors/", "重要インフラ分野(表2・表3)"),
    ("/reference/glossary/", "用語の定義"),
];

fn link(url: &str, title: &str) -> NavLink {
    NavLink {
        url: url.to_string(),
        title: title.to_string(),
    }
}

/// The sidebar of every generated page: 参照表 and 様式.
pub fn sidebar() -> Vec<NavGroup> {
    vec![
        NavGroup {
            title: "参照表".into(),
            // No link inside <summary> (axe: nested-interactive): the index is the first link.
            url: None,
            links: std::iter::once(link("/reference/", "参照表の一覧"))
                .chain(REFERENCE_PAGES.iter().map(|(u, t)| link(u, t)))
                .collect(),
        },
        NavGroup {
            title: "様式".into(),
            url: None,
            links: std::iter::once(link("/forms/", "4つの様式"))
                .chain(FormKind::ALL.iter().map(|k| link(&form_url(*k), k.name())))
                .collect(),
        },
    ]
}

fn sector_sidebar() -> Vec<NavGroup> {
    let mut s = sidebar();
    s.insert(
        1,
        NavGroup {
            title: "重要インフラ分野".into(),
            url: None,
            links: std::iter::once(link("/reference/sectors/", "分野の一覧"))
                .chain(Sector::ALL.iter().map(|s| link(&sector_url(*s), s.label())))
                .collect(),
        },
    );
    s
}

pub fn sector_url(s: Sector) -> String {
    format!("/reference/sectors/{}/", s.id())
}

pub fn form_url(k: FormKind) -> String {
    format!("/forms/{}/", k.id())
}

/// Where a page's facts come from, shown on every generated page.
fn source_note(what: &str) -> Markup {
    html! {
        p class="source-note" {
            "出典: " (kyoyu_core::SOURCE.title) "(" (kyoyu_core::SOURCE.edition) ")" (what)
            "。文言は手引書から転記しています(確かめられなかった箇所は「不確か」と示しています)。"
        }
    }
}

/// A visible note on what the extraction could not give with certainty.
pub fn uncertain(why: &str) -> Markup {
    html! { span class="uncertain" { "(不確か: " (why) ")" } }
}

fn bullets(items: &[&str]) -> Markup {
    html! {
        @if items.len() == 1 { (items[0]) }
        @else if !items.is_empty() { ul class="cell-list" { @for i in items { li { (i) } } } }
    }
}

fn note_line(n: &Note) -> Markup {
    html! { p class="table-note" id=(n.id) { (n.mark) " " (n.text) } }
}

/// The label of a TLP value in its TLP 2.0 colours.
pub fn tlp_label(t: Tlp) -> Markup {
    html! { span class={ "tlp tlp-" (t.id()) } { (t.label()) } }
}

// ---------------------------------------------------------------------------------------------
// Tables (shared by the reference pages and the chapters' directives)
// ---------------------------------------------------------------------------------------------

/// What a screen reader announces as a table's name.
#[derive(Debug, Clone, Copy)]
pub enum Name<'a> {
    /// The table's title (「表1 情報連絡における原因の例」) as its `<caption>`: in a chapter,
    /// where the title stands above the table.
    Caption(&'a str),
    /// The id of the heading above it (`aria-labelledby`): on a reference page, whose heading
    /// says the title.
    Heading(&'a str),
}

impl<'a> Name<'a> {
    fn caption(self) -> Markup {
        html! { @if let Name::Caption(t) = self { caption { (t) } } }
    }

    fn labelledby(self) -> Option<&'a str> {
        match self {
            Name::Heading(id) => Some(id),
            Name::Caption(_) => None,
        }
    }
}

/// 表1 情報連絡における原因の例. With `anchors`, each cause row has its id as anchor.
pub fn causes_table(anchors: bool, name: Name) -> Markup {
    let [h_group, h_cause, h_desc] = causes::TABLE1_HEADINGS;
    html! {
        div class="table-wrap" tabindex="0" {
            table class="reference causes" aria-labelledby=[name.labelledby()] {
                (name.caption())
                thead { tr { th scope="col" { (h_group) } th scope="col" { (h_cause) } th scope="col" { (h_desc) } } }
                tbody {
                    @for g in CauseGroup::ALL {
                        @for (i, c) in g.causes().iter().enumerate() {
                            tr class="cause" data-cause=(c.id()) id=[anchors.then_some(c.id())] {
                                @if i == 0 { th scope="rowgroup" rowspan=(g.causes().len()) class="cause-group-name" { (g.label()) } }
                                td {
                                    (c.table1_label())
                                    @if c.table1_label() != c.label() {
                                        br; small class="wording" { "様式での表記: " (c.label()) }
                                    }
                                }
                                td { (c.description()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// 表2 対象となる重要インフラ事業者等と重要システム例 (rows of `only` or all).
///
/// Each cell carries its column's heading (`data-label`): on a phone every row reads as a block,
/// each cell under its heading (public/css/site.css), without scrolling sideways.
pub fn sectors_table(only: Option<Sector>, name: Name) -> Markup {
    let rows: Vec<&Table2Row> = sectors::TABLE2
        .iter()
        .filter(|r| only.is_none_or(|s| r.sector == s))
        .collect();
    let [h0, h1, h2] = sectors::TABLE2_HEADINGS;
    html! {
        div class="table-wrap" tabindex="0" {
            table class="reference sectors-table rows-as-blocks" aria-labelledby=[name.labelledby()] {
                (name.caption())
                thead { tr { th scope="col" { (h0) } th scope="col" { (h1) } th scope="col" { (h2) } } }
                tbody {
                    @for r in &rows {
                        tr {
                            th scope="row" {
                                @if only.is_none() { a href=(sector_url(r.sector)) { (r.sector.label()) } } @else { (r.sector.label()) }
                                @if let Some(sub) = r.sub_sector { br; small { "(" (sub.label) ")" } }
                            }
                            td data-label=(h1) {
                                @if r.operators.is_empty() { "—" } @else { (bullets(r.operators)) }
                            }
                            td data-label=(h2) {
                                @if r.key_systems.is_empty() { "—" } @else { (bullets(r.key_systems)) }
                                @if let Some(u) = r.uncertain { (uncertain(u)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// 表3 重要インフラサービスとサービス維持レベル (rows of `only` or all).
/// Each cell carries its column's heading, as in [`sectors_table`].
pub fn services_table(only: Option<Sector>, name: Name) -> Markup {
    let rows: Vec<&Table3Row> = sectors::TABLE3
        .iter()
        .filter(|r| only.is_none_or(|s| r.sector == s))
        .collect();
    let h = sectors::TABLE3_HEADINGS;
    html! {
        div class="table-wrap" tabindex="0" {
            table class="reference services-table rows-as-blocks" aria-labelledby=[name.labelledby()] {
                (name.caption())
                thead { tr { @for c in h { th scope="col" { (c) } } } }
                tbody {
                    @for r in &rows {
                        tr {
                            th scope="row" {
                                @if only.is_none() { a href=(sector_url(r.sector)) { (r.sector.label()) } } @else { (r.sector.label()) }
                                @if let Some(sub) = r.sub_sector { br; small { "(" (sub.label) ")" } }
                            }
                            td data-label=(h[1]) { (bullets(r.services)) }
                            td data-label=(h[2]) { (bullets(r.descriptions)) }
                            td data-label=(h[3]) { (bullets(r.failures)) }
                            td data-label=(h[4]) {
                                (bullets(r.reporting))
                                @if !r.service_levels.is_empty() {
                                    p class="service-level-head" { "【サービス維持レベル】" }
                                    (bullets(r.service_levels))
                                }
                                @if let Some(u) = r.uncertain { (uncertain(u)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// 表4 (情報連絡 or 情報提供).
pub fn importance_table(t: &ImportanceTable, name: Name) -> Markup {
    html! {
        div class="table-wrap" tabindex="0" {
            table class="reference importance" data-table=(t.id) aria-labelledby=[name.labelledby()] {
                (name.caption())
                thead { tr { th scope="col" { "重要度" } th scope="col" { "説明" } } }
                tbody {
                    @for (level, meaning) in t.rows {
                        tr class="importance-level" data-level=(level.id()) { th scope="row" { (level.label()) } td { (meaning) } }
                    }
                }
            }
        }
    }
}

/// 表5 情報共有範囲, labels in their TLP 2.0 colours.
pub fn tlp_table(anchors: bool, name: Name) -> Markup {
    let [h0, h1, h2] = tlp::TABLE5_HEADINGS;
    html! {
        div class="table-wrap" tabindex="0" {
            table class="reference tlp-table" aria-labelledby=[name.labelledby()] {
                (name.caption())
                thead { tr { th scope="col" { (h0) } th scope="col" { (h1) } th scope="col" { (h2) } } }
                tbody {
                    @for t in Tlp::ALL {
                        tr class="tlp-row" data-tlp=(t.id()) id=[anchors.then(|| format!("tlp-{}", t.id().to_ascii_lowercase().replace('+', "-")))] {
                            th scope="row" { (tlp_label(*t)) br; (t.name()) }
                            td { (bullets(t.share_scope())) }
                            td { (t.definition()) }
                        }
                    }
                }
            }
        }
    }
}

/// 用語の定義 as a definition list; with `anchors`, each term has its id.
pub fn glossary_list(anchors: bool) -> Markup {
    html! {
        dl class="glossary" {
            @for t in glossary::TERMS.iter() {
                div class="term-def" {
                    dt id=[anchors.then_some(t.id)] {
                        (t.term)
                        @if let Some(r) = t.reading { " (" (r) ")" }
                    }
                    dd { (t.definition) }
                }
            }
        }
    }
}

/// How a field is filled in, in words.
fn kind_words(k: &FieldKind) -> &'static str {
    match k {
        FieldKind::Text => "1行の文字",
        FieldKind::MultiLine => "複数行の文字",
        FieldKind::DateTime => "年月日時分",
        FieldKind::Date => "年月日",
        FieldKind::MonthDayTime => "月日時分",
        FieldKind::Number => "数",
        FieldKind::Check => "チェック",
        FieldKind::Choice(_) => "1つ選択",
        FieldKind::Choices(_) => "複数選択可",
        FieldKind::Laws(_) => "法令等を選択(複数可)",
        FieldKind::Group { .. } => "繰り返し",
    }
}

fn field_row(f: &FieldSpec, depth: usize) -> Markup {
    let opts = f.kind.options();
    html! {
        tr class={ "field depth-" (depth) } {
            td {
                @if let Some(h) = f.heading { small class="field-heading" { (h) } br; }
                (f.numbered_label())
                @if f.rebuilt.is_some() { sup title=[f.rebuilt] { "†" } }
                @if f.required { " " abbr title="必須" { "*" } }
            }
            td { (kind_words(&f.kind)) }
            td {
                @if !opts.is_empty() {
                    @if opts.len() > 12 {
                        details { summary { (opts.len()) " 項目" } ul class="cell-list" { @for o in opts { li { (o.label) } } } }
                    } @else {
                        ul class="cell-list options" { @for o in opts { li { (o.label) @if o.rebuilt.is_some() { sup title=[o.rebuilt] { "†" } } } } }
                    }
                }
                @if let Some(h) = f.help { p class="field-help" { (h) } }
            }
        }
        @if let FieldKind::Group { item, .. } = &f.kind {
            @for i in item { (field_row(i, depth + 1)) }
        }
    }
}

/// The fields of a form, section by section (from `forms::spec`), named by the heading (or
/// summary) with id `labelled_by`.
pub fn form_fields_table(kind: FormKind, labelled_by: &str) -> Markup {
    html! {
        div class="table-wrap" tabindex="0" {
            table class="reference form-fields" data-form=(kind.id()) aria-labelledby=(labelled_by) {
                thead { tr { th scope="col" { "項目" } th scope="col" { "記入の仕方" } th scope="col" { "選択肢・説明" } } }
                @for s in spec::sections(kind) {
                    tbody {
                        tr class="form-section" { th scope="rowgroup" colspan="3" { (s.heading()) @if s.required { " " abbr title="必須" { "*" } } } }
                        @for f in &s.fields { (field_row(f, 0)) }
                    }
                }
            }
        }
    }
}

/// Who sends a form to whom, and what it is for.
pub fn form_purpose(kind: FormKind) -> (&'static str, &'static str) {
    match kind {
        FormKind::Incident => (
            "重要インフラ所管省庁 → 国家サイバー統括室",
            "重要インフラ事業者等で発生したシステムの不具合等に関する情報(重要インフラサービス障害を含むシステムの不具合や予兆・ヒヤリハットに関する情報)を、重要インフラ所管省庁が国家サイバー統括室に情報連絡するための様式です。国家サイバー統括室は受領時に識別番号を採番し、提出した所管省庁に通知します。",
        ),
        FormKind::Ddos => (
            "被害組織 → 報告先機関(重要インフラ所管省庁から国家サイバー統括室への提出にも使えます)",
            "DDoS攻撃事案について、被害組織が報告等に用いる共通様式です。「サイバー攻撃による被害が発生した場合の報告手続等に関する申合せ」(令和7年5月28日関係省庁申合せ)により、情報連絡様式に代えてこの様式で国家サイバー統括室へ提出することもできます。",
        ),
        FormKind::Ransomware => (
            "被害組織 → 報告先機関(重要インフラ所管省庁から国家サイバー統括室への提出にも使えます)",
            "ランサムウェア事案について、被害組織が報告等に用いる共通様式です。「サイバー攻撃による被害が発生した場合の報告手続等に関する申合せ」(令和7年5月28日関係省庁申合せ)により、情報連絡様式に代えてこの様式で国家サイバー統括室へ提出することもできます。",
        ),
        FormKind::Advisory => (
            "国家サイバー統括室 → 重要インフラ所管省庁(→ セプター事務局・重要インフラ事業者等)",
            "集約・分析したシステムの不具合等に関する情報やサイバーセキュリティの確保に資する情報を、国家サイバー統括室が重要インフラ所管省庁に情報提供するための様式です。受領した所管省庁は、セプター事務局、あるいは必要に応じて直接重要インフラ事業者等に展開します。",
        ),
    }
}

/// What `{{form:kind}}` inserts in a chapter: what the form is, links to its page and to the
/// app, and its fields.
pub fn form_summary(kind: FormKind) -> Markup {
    let (direction, _) = form_purpose(kind);
    let summary_id = format!("form-fields-{}", kind.id());
    html! {
        div class="form-summary" data-form=(kind.id()) {
            p {
                strong { (kind.figure()) " " (kind.name()) } "(" (direction) ")。"
                "様式の全項目は次のとおりです。"
            }
            p class="actions" {
                a class="button primary" href={ "/app/#/new/" (kind.id()) } { (kind.name()) "を作成する" }
                " "
                a class="button" href=(form_url(kind)) { "様式の説明" }
            }
            details class="form-fields-details" {
                summary id=(summary_id) { (kind.name()) "の項目一覧" }
                (form_fields_table(kind, &summary_id))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/// A page generated from core's data, before layout.
pub struct Generated {
    pub url: String,
    pub title: String,
    pub body: Markup,
    pub breadcrumbs: Vec<NavLink>,
    pub sidebar: Vec<NavGroup>,
    pub kind: &'static str,
}

impl Generated {
    /// Laid out; its anchors, links and search text are read from what it shows.
    pub fn page(&self, assets: &Assets) -> crate::render::Page {
        let p = crate::layout::Page {
            title: &self.title,
            url: &self.url,
            description: None,
            breadcrumbs: &self.breadcrumbs,
            sidebar: Sidebar::of(&self.sidebar),
            prev: None,
            next: None,
            kind: self.kind,
            extra_css: &[],
            extra_js: &[],
            preload: &[],
        };
        super::generated(&p, assets, self.body.clone(), true)
    }
}

fn generated(
    url: &str,
    title: &str,
    crumbs: Vec<NavLink>,
    sidebar: Vec<NavGroup>,
    kind: &'static str,
    body: Markup,
) -> Generated {
    Generated {
        url: url.to_string(),
        title: title.to_string(),
        body,
        breadcrumbs: crumbs,
        sidebar,
        kind,
    }
}

fn ref_crumbs() -> Vec<NavLink> {
    vec![link("/reference/", "参照表")]
}

/// Every generated reference page.
pub fn pages() -> Vec<Generated> {
    let mut out = vec![
        index_page(),
        causes_page(),
        events_page(),
        importance_page(),
        tlp_page(),
        sectors_page(),
    ];
    out.extend(Sector::ALL.iter().map(|s| sector_page(*s)));
    out.push(glossary_page());
    out.push(forms_index());
    out.extend(FormKind::ALL.iter().map(|k| form_page(*k)));
    out
}

fn index_page() -> Generated {
    let body = html! {
        h1 { "参照表" }
        p { "手引書の表と分類を、様式入力アプリと同じデータから生成したページです。" }
        ul class="reference-list" {
            @for (u, t) in REFERENCE_PAGES { li { a href=(u) { (t) } } }
            li { a href="/forms/" { "4つの様式" } }
        }
        (source_note(""))
    };
    generated(
        "/reference/",
        "参照表",
        vec![],
        sidebar(),
        "reference",
        body,
    )
}

fn causes_page() -> Generated {
    let field = spec::find(FormKind::Incident, "causes");
    let field_name = field.map(|(s, _)| s.heading()).unwrap_or_default();
    let body = html! {
        h1 { "原因の類型(表1)" }
        p { (causes::GROUPS_INTRO) }
        p {
            "これらは " a href=(form_url(FormKind::Incident)) { (FormKind::Incident.name()) } " の "
            strong { (field_name) } " で選びます(複数選択可)。"
            "表1と様式とで表記が異なる原因は、両方の表記を示しています。"
        }
        @for g in CauseGroup::ALL {
            section class="cause-group" id={ "group-" (g.id()) } data-group=(g.id()) {
                h2 { (g.label()) @if let Some(e) = g.examples() { small { "(" (e) ")" } } }
                dl class="causes" {
                    @for c in g.causes() {
                        div class="cause" id=(c.id()) data-cause=(c.id()) {
                            dt {
                                (c.table1_label())
                                " " a class="anchor" href={ "#" (c.id()) } aria-label={ "「" (c.table1_label()) "」へのリンク" } { "#" }
                            }
                            dd {
                                p { (c.description()) }
                                @if c.table1_label() != c.label() {
                                    p class="wording" { "様式での表記: 「" (c.label()) "」(表1では「" (c.table1_label()) "」)" }
                                }
                                p class="used-in" { "様式: " (FormKind::Incident.name()) " " (field_name) }
                            }
                        }
                    }
                }
            }
        }
        h2 id="table1" { (causes::TABLE1_TITLE) }
        (causes_table(false, Name::Heading("table1")))
        (source_note("1.3 情報共有の対象 表1"))
    };
    generated(
        "/reference/causes/",
        "原因の類型(表1)",
        ref_crumbs(),
        sidebar(),
        "reference",
        body,
    )
}

fn events_page() -> Generated {
    let field_name = spec::find(FormKind::Incident, "event_type")
        .map(|(s, _)| s.heading())
        .unwrap_or_default();
    let body = html! {
        h1 { "発生した事象の類型" }
        p {
            a href=(form_url(FormKind::Incident)) { (FormKind::Incident.name()) } " の " strong { (field_name) } " で選ぶ8つの類型です。"
            (events::NOTE_SELECT_ONE.mark) " " (events::NOTE_SELECT_ONE.text)
        }
        @for c in EventClass::ALL {
            section class="event-class" id={ "class-" (c.id()) } data-class=(c.id()) {
                h2 {
                    @if c.occurred() { small { (events::OCCURRED_LABEL) " — " } }
                    (c.label())
                    @if let Some(n) = c.note() { " (" (n.mark) ")" }
                }
                ul class="event-types" {
                    @for e in c.event_types() {
                        li class="event-type" id=(event_anchor(*e)) data-event=(e.id()) {
                            strong { (e.label()) }
                            @if let Some(x) = e.example() { " — 例: " (x) }
                        }
                    }
                }
                @if let Some(n) = c.note() { p class="table-note" { (n.mark) " " (n.text) } }
            }
        }
        (source_note("2.2 情報連絡様式 図4 ①"))
    };
    generated(
        "/reference/events/",
        "発生した事象の類型",
        ref_crumbs(),
        sidebar(),
        "reference",
        body,
    )
}

fn event_anchor(e: EventType) -> String {
    format!("event-{}", e.id())
}

fn importance_page() -> Generated {
    let body = html! {
        h1 { "重要度(表4)" }
        p {
            "重要度は " @for (i, l) in Importance::ALL.iter().enumerate() { @if i > 0 { "・" } strong { (l.label()) } }
            " の3段階です。情報連絡と情報提供とで説明は同じですが、「対策を実施する主体」が異なります。"
        }
        @for t in importance::TABLES {
            @let heading = format!("{}-title", t.id);
            section class="importance-table" id=(t.id) {
                h2 id=(heading) { (t.title) }
                p { "※" (t.actor_note) }
                (importance_table(t, Name::Heading(&heading)))
            }
        }
        (source_note("2.3 (1)・3.3 (1) 重要度 表4"))
    };
    generated(
        "/reference/importance/",
        "重要度(表4)",
        ref_crumbs(),
        sidebar(),
        "reference",
        body,
    )
}

fn tlp_page() -> Generated {
    let body = html! {
        h1 { "情報共有範囲 TLP(表5)" }
        p {
            "情報共有範囲は FIRST の Traffic Light Protocol (TLP) 2.0 に基づく5つの区分で示します。"
            "ラベル(" @for (i, t) in Tlp::ALL.iter().enumerate() { @if i > 0 { "、" } (tlp_label(*t)) } ")は翻訳せずに用います。"
        }
        h2 id="table5" { (tlp::TABLE5_TITLE) }
        (tlp_table(true, Name::Heading("table5")))
        (note_line(&tlp::TABLE5_NOTE_1))
        (note_line(&tlp::TABLE5_NOTE_2))
        h2 id="forms" { "様式での表記" }
        div class="table-wrap" tabindex="0" {
            table class="reference" aria-labelledby="forms" {
                thead { tr { th scope="col" { "区分" } th scope="col" { (FormKind::Incident.name()) } th scope="col" { (FormKind::Advisory.name()) } } }
                tbody {
                    @for t in Tlp::ALL {
                        tr {
                            th scope="row" { (tlp_label(*t)) }
                            td {
                                (t.form_key()) " = " (t.name())
                                @if let Some(s) = t.report_form_scope() { "(" (s) ")" }
                                @if let Some(u) = t.report_form_uncertain() { (uncertain(u)) }
                            }
                            td { (t.form_key()) " = " (t.name()) @if let Some(s) = t.advisory_form_scope() { "(" (s) ")" } }
                        }
                    }
                }
            }
        }
        (note_line(&tlp::REPORT_FORM_NOTE_1))
        (source_note("2.3 (2)・3.3 (2) 情報共有範囲 表5"))
    };
    generated(
        "/reference/tlp/",
        "情報共有範囲 TLP(表5)",
        ref_crumbs(),
        sidebar(),
        "reference",
        body,
    )
}

fn sectors_page() -> Generated {
    let body = html! {
        h1 id="sectors-title" { "重要インフラ分野(表2・表3)" }
        p { "行動計画が定める15の重要インフラ分野です。分野名を選ぶと、その分野の対象事業者・重要システム例(表2)、重要インフラサービスとサービス維持レベル(表3)を表示します。" }
        div class="table-wrap" tabindex="0" {
            table class="reference sector-overview" aria-labelledby="sectors-title" {
                thead { tr { th scope="col" { "分野" } th scope="col" { "対象となる重要インフラ事業者等" } th scope="col" { "重要インフラサービス" } } }
                tbody {
                    @for s in Sector::ALL {
                        tr class="sector" data-sector=(s.id()) id=(s.id()) {
                            th scope="row" { a href=(sector_url(*s)) { (s.label()) } }
                            td { (join(s.table2_rows().flat_map(|r| r.operators.iter().copied()))) }
                            td { (join(s.table3_rows().flat_map(|r| r.services.iter().copied()))) }
                        }
                    }
                }
            }
        }
        p class="table-note" { "表2・表3は PDF からの抽出で列の順序が崩れている箇所があり、行ごとに本文から再構成しています。確実に再構成できなかった箇所は各分野のページに「不確か」として示しています。" }
        (source_note("1.3 情報共有の対象 表2・表3"))
    };
    generated(
        "/reference/sectors/",
        "重要インフラ分野(表2・表3)",
        ref_crumbs(),
        sector_sidebar(),
        "reference",
        body,
    )
}

fn join<'a>(it: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = Vec::new();
    for s in it {
        if !v.contains(&s) {
            v.push(s);
        }
    }
    if v.is_empty() {
        "—".into()
    } else {
        v.join("、")
    }
}

fn sector_page(s: Sector) -> Generated {
    let t2: Vec<&Table2Row> = s.table2_rows().collect();
    let t3: Vec<&Table3Row> = s.table3_rows().collect();
    let notes: Vec<&str> = t2
        .iter()
        .filter_map(|r| r.uncertain)
        .chain(t3.iter().filter_map(|r| r.uncertain))
        .collect();
    let title = s.label();
    let body = html! {
        h1 { (title) }
        @if s.full_name() != s.label() { p { "分野名(用語の定義): " (s.full_name()) } }
        // Each uncertain passage is marked where it is (the tables below): the box says how
        // many, without printing their notes a second time.
        @if !notes.is_empty() {
            div class="callout uncertain-box" role="note" {
                p {
                    strong { "抽出が不確かな箇所があります" }
                    "(" (notes.len()) "箇所)。各箇所に「不確か」として示しています。"
                }
            }
        }
        section id="operators" {
            h2 id="operators-title" { "対象となる重要インフラ事業者等と重要システム例(表2)" }
            (sectors_table(Some(s), Name::Heading("operators-title")))
            @for n in &sectors::TABLE2_NOTES { (note_line(n)) }
        }
        section id="services" {
            h2 { "重要インフラサービス(表3)" }
            @for r in &t3 {
                article class="service" id=(r.id) {
                    h3 { (r.services.join("・")) @if let Some(sub) = r.sub_sector { " (" (sub.label) ")" } }
                    dl class="service-facts" {
                        dt { "サービス(手続を含む)の説明(関連する法令)" } dd { (bullets(r.descriptions)) }
                        dt { "システムの不具合が引き起こす重要インフラサービス障害の例" } dd { (bullets(r.failures)) }
                        dt { "障害の報告に係る法令、ガイドライン等" } dd { (bullets(r.reporting)) }
                        dt { "サービス維持レベル" }
                        dd {
                            // No level of its own: 注2 (printed once, below) says what counts.
                            @if r.service_levels.is_empty() {
                                @let n = &sectors::TABLE3_NOTES[1];
                                "—(" a href={ "#" (n.id) } { (n.mark) } ")"
                            }
                            @else { (bullets(r.service_levels)) }
                        }
                    }
                    @if let Some(u) = r.uncertain { p { (uncertain(u)) } }
                }
            }
            @for n in &sectors::TABLE3_NOTES { (note_line(n)) }
        }
        p { "この分野の事象を報告するときは " a href=(form_url(FormKind::Incident)) { (FormKind::Incident.name()) } " の ③分野名 で「" (s.label()) "」を選びます。" }
        (source_note("1.3 情報共有の対象 表2・表3"))
    };
    let mut crumbs = ref_crumbs();
    crumbs.push(link("/reference/sectors/", "重要インフラ分野"));
    generated(
        &sector_url(s),
        title,
        crumbs,
        sector_sidebar(),
        "reference sector",
        body,
    )
}

fn glossary_page() -> Generated {
    let body = html! {
        h1 { "用語の定義" }
        p { "手引書「V. 2. 用語の定義」の" (glossary::TERMS.len()) "語です。各章で初めて出てくる用語はここへリンクしています。" }
        nav class="glossary-index" aria-label="用語の索引" {
            ul { @for t in glossary::TERMS.iter() { li { a href={ "#" (t.id) } { (t.term) } } } }
        }
        (glossary_list(true))
        (source_note("V. 2. 用語の定義"))
    };
    generated(
        "/reference/glossary/",
        "用語の定義",
        ref_crumbs(),
        sidebar(),
        "reference",
        body,
    )
}

fn forms_index() -> Generated {
    let body = html! {
        h1 id="forms-title" { "4つの様式" }
        p { "手引書が定める情報連絡・情報提供の様式です。どの様式も " a href="/app/" { "様式入力" } " でブラウザの中だけで作成・検証・保存・印刷できます。" }
        div class="table-wrap" tabindex="0" {
            table class="reference forms" aria-labelledby="forms-title" {
                thead { tr { th scope="col" { "様式" } th scope="col" { "図" } th scope="col" { "誰から誰へ" } th scope="col" { "作成" } } }
                tbody {
                    @for k in FormKind::ALL {
                        tr {
                            th scope="row" { a href=(form_url(k)) { (k.name()) } }
                            td { (k.figure()) }
                            td { (form_purpose(k).0) }
                            td { a href={ "/app/#/new/" (k.id()) } { (k.name()) "を作成" } }
                        }
                    }
                }
            }
        }
        (source_note("2.2 情報連絡様式・3.2 情報提供様式"))
    };
    generated(
        "/forms/",
        "様式",
        vec![],
        sidebar(),
        "reference forms",
        body,
    )
}

fn form_page(k: FormKind) -> Generated {
    let (direction, purpose) = form_purpose(k);
    let figure = spec::form(k).figure;
    let body = html! {
        h1 { (k.name()) }
        p class="lead" { (purpose) }
        dl class="form-facts" {
            dt { "誰から誰へ" } dd { (direction) }
            dt { "手引書の図" } dd { (figure) }
            dt { "作成" } dd { a class="button primary" href={ "/app/#/new/" (k.id()) } { (k.name()) "を作成する" } }
            dt { "ファイル形式" } dd { "保存・書き出しされる JSON の " a href={ "/schemas/" (k.id()) ".schema.json" } { "JSON Schema" } }
        }
        h2 id="fields" { "項目" }
        p { "様式の番号と文言のとおりに並べています。" abbr title="必須" { "*" } " は様式で必須とされている項目です。" }
        (form_fields_table(k, "fields"))
        (source_note(figure))
    };
    generated(
        &form_url(k),
        k.name(),
        vec![link("/forms/", "様式")],
        sidebar(),
        "reference form",
        body,
    )
}

/// Glossary terms and their anchors, for linking the first use of each term in a chapter.
pub fn glossary_links() -> Vec<(String, String)> {
    glossary::TERMS
        .iter()
        .map(|t| (t.term.to_string(), format!("/reference/glossary/#{}", t.id)))
        .collect()
}

/// `/schemas/<kind>.schema.json` for the four forms (from `kyoyu_core::envelope`).
pub fn schemas(site: &mut Site) -> Result<()> {
    for k in FormKind::ALL {
        let schema = kyoyu_core::envelope::schema(k);
        site.file(
            &format!("schemas/{}.schema.json", k.id()),
            serde_json::to_string_pretty(&schema)? + "\n",
        );
    }
    Ok(())
}
