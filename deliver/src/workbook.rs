//! The Excel workbook (.xlsx) of a report, laid out like the official 様式 and written with
//! rust_xlsxwriter. It is one more output of core's form description: the sheet walks the
//! form's specification ([`kyoyu_core::forms::spec`]) in the form's order: its title and head
//! texts, 記載の手引き, sections with their numbers and headings, labels with their sub-numbers
//! and required marks (`*`), fixed texts and notes — no label is typed here. Wording the
//! specification marks as rebuilt carries 「†」, explained at the foot of the sheet.
//!
//! The layout: the form's name on top; each section a shaded heading across the sheet
//! (「①発生した事象の類型」); each field one row, its label in column A and its value in the
//! bordered cell beside it (column B); options written out as the form prints them, □ and ■
//! one per line; repeating groups (推移等, 攻撃) one block per item. Text wraps in its cell,
//! each row as high as its wrapped text ([`crate::layout`] measures it as the spreadsheet lays
//! it out); a text taller than a row may be (409 pt) goes on in the rows below, so that nothing
//! is cut off on screen or on paper. The page is A4 portrait, fitted to the width. Forms with a TLP print its label in the
//! page's header and footer, as FIRST TLP 2.0 asks; a follow-up underlines the entries that
//! changed since the report it follows ([`follow_up::content_changes`]), as the forms ask.

use kyoyu_core::follow_up::{self, Change};
use kyoyu_core::forms::spec::{self, FieldKind, FieldSpec, FormSpec, Opt, Section};
use kyoyu_core::forms::{path, Report};
use kyoyu_core::render::format_datetime;
use kyoyu_core::taxonomy::{laws, Choice};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatUnderline,
    Workbook, Worksheet, XlsxError,
};
use serde_json::Value;

use crate::layout::{lines, row_height, rows};
use crate::Error;

/// Column A (labels) and B (values), in Excel's character units.
const LABEL_WIDTH: f64 = 26.0;
const VALUE_WIDTH: f64 = 58.0;
const FONT: &str = "游ゴシック";
const FONT_SIZE: f64 = 10.5;

/// The .xlsx of `report`; `previous`, for a follow-up, is the report it follows (its changes
/// are underlined); `created` (seconds since 1970) is the workbook's creation time.
pub fn workbook(
    report: &Report,
    previous: Option<&Report>,
    created: i64,
) -> Result<Vec<u8>, Error> {
    build(report, previous, created).map_err(|e| Error::Workbook(e.to_string()))
}

fn build(report: &Report, previous: Option<&Report>, created: i64) -> Result<Vec<u8>, XlsxError> {
    let kind = report.kind();
    let changes = previous
        .map(|p| follow_up::content_changes(p, report))
        .unwrap_or_default();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_timestamp(created)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(kind.name())
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(kind.name())?;
    sheet.set_column_width(0, LABEL_WIDTH)?;
    sheet.set_column_width(1, VALUE_WIDTH)?;
    // A4 (paper size 9) portrait, one page wide and as many long as it takes.
    sheet
        .set_paper_size(9)
        .set_portrait()
        .set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.6, 0.6, 0.75, 0.75, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    if let Some(t) = report.tlp() {
        sheet.set_header(format!("&C&\"-,Bold\"{}", t.label()));
        sheet.set_footer(format!("&L&\"-,Bold\"{}&R&P / &N", t.label()));
    } else {
        sheet.set_footer("&R&P / &N");
    }
    let mut w = Writer {
        sheet,
        row: 0,
        f: Formats::new(),
        changes: &changes,
        value: report.to_value(),
        rebuilt: false,
    };
    let form = spec::form(kind);
    w.head(form, report.report_number())?;
    for s in &form.sections {
        w.section(s, form.title)?;
    }
    // What kyoyu adds after the form (インディケータ情報), when it holds something.
    let additions: Vec<_> = spec::filled_additions(kind, &w.value).collect();
    for s in additions {
        w.section(s, form.title)?;
    }
    if w.rebuilt {
        w.merged(spec::REBUILT_LEGEND, Row::Note)?;
    }
    book.save_to_buffer()
}

struct Formats {
    title: Format,
    heading: Format,
    sub_heading: Format,
    note: Format,
    label: Format,
    value: Format,
    changed: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(FONT_SIZE)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        let cell = base.clone().set_border(FormatBorder::Thin);
        Formats {
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            heading: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9)),
            sub_heading: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF2F2F2)),
            note: base.clone().set_font_size(9),
            label: cell.clone().set_background_color(Color::RGB(0xF2F2F2)),
            value: cell.clone(),
            changed: cell.set_underline(FormatUnderline::Single),
        }
    }
}

/// What a row across the sheet is.
#[derive(Clone, Copy)]
enum Row {
    Title,
    Heading,
    SubHeading,
    Note,
}

struct Writer<'a> {
    sheet: &'a mut Worksheet,
    row: u32,
    f: Formats,
    changes: &'a [Change],
    value: Value,
    /// Whether a rebuilt wording was written (the legend of 「†」 goes at the foot).
    rebuilt: bool,
}

impl Writer<'_> {
    /// One row across both columns (merged), as high as its text wrapped across both; a text
    /// taller than a row goes on in the rows below ([`rows`]).
    fn merged(&mut self, text: &str, row: Row) -> Result<(), XlsxError> {
        let (format, size) = match row {
            Row::Title => (&self.f.title, 14.0),
            Row::Heading => (&self.f.heading, FONT_SIZE),
            Row::SubHeading => (&self.f.sub_heading, FONT_SIZE),
            Row::Note => (&self.f.note, 9.0),
        };
        for part in rows(text, LABEL_WIDTH + VALUE_WIDTH, size) {
            self.sheet
                .merge_range(self.row, 0, self.row, 1, part, format)?;
            let n = lines(part, LABEL_WIDTH + VALUE_WIDTH, size);
            self.sheet.set_row_height(self.row, row_height(n, size))?;
            self.row += 1;
        }
        Ok(())
    }

    /// A label and its value beside it, the row as high as the taller of the two wrapped. A
    /// value taller than a row goes on in the rows below ([`rows`]: a long list of 根拠規定等),
    /// its label's cell merged down beside it.
    fn pair(&mut self, label: &str, value: &str, changed: bool) -> Result<(), XlsxError> {
        let fmt = if changed {
            &self.f.changed
        } else {
            &self.f.value
        };
        let parts = rows(value, VALUE_WIDTH, FONT_SIZE);
        let first = self.row;
        let last = first + parts.len() as u32 - 1;
        if last == first {
            self.sheet
                .write_string_with_format(first, 0, label, &self.f.label)?;
        } else {
            self.sheet
                .merge_range(first, 0, last, 0, label, &self.f.label)?;
        }
        for (r, part) in (first..).zip(parts) {
            self.sheet.write_string_with_format(r, 1, part, fmt)?;
            let mut n = lines(part, VALUE_WIDTH, FONT_SIZE);
            if last == first {
                n = n.max(lines(label, LABEL_WIDTH, FONT_SIZE));
            }
            self.sheet.set_row_height(r, row_height(n, FONT_SIZE))?;
        }
        self.row = last + 1;
        Ok(())
    }

    /// `text` with 「†」 when its wording was rebuilt.
    fn mark(&mut self, text: String, rebuilt: Option<&str>) -> String {
        match rebuilt {
            Some(_) => {
                self.rebuilt = true;
                format!("{text}†")
            }
            None => text,
        }
    }

    /// The head of the form: its direction, title with 第N報, distribution line, the note on
    /// `*`, 記載の手引き and the cautions (ランサムウェア), as the paper prints them before
    /// the sections.
    fn head(&mut self, form: &FormSpec, number: u32) -> Result<(), XlsxError> {
        if let Some(d) = form.direction {
            self.merged(d, Row::Note)?;
        }
        self.merged(&format!("{}(第{number}報)", form.title), Row::Title)?;
        for t in [form.distribution, form.required_note]
            .into_iter()
            .flatten()
        {
            self.merged(t, Row::Note)?;
        }
        if let Some(g) = &form.guide {
            self.merged(g.heading, Row::Heading)?;
            self.merged(g.procedures, Row::SubHeading)?;
            self.merged(g.procedures_intro, Row::Note)?;
            for l in g.laws {
                self.merged(&format!("・{}", l.text), Row::Note)?;
            }
            self.merged(g.items, Row::SubHeading)?;
            for (h, t) in &g.item_texts {
                let text = if h.is_empty() {
                    t.to_string()
                } else {
                    format!("{h}\n{t}")
                };
                self.merged(&text, Row::Note)?;
            }
        }
        if let Some(c) = &form.cautions {
            self.merged(c.heading, Row::Heading)?;
            self.merged(c.intro, Row::Note)?;
            for i in &c.items {
                self.merged(i, Row::Note)?;
            }
        }
        for n in &form.notes {
            self.merged(&spec::note_text(*n), Row::Note)?;
        }
        Ok(())
    }

    fn section(&mut self, s: &Section, form_name: &str) -> Result<(), XlsxError> {
        let mut heading = s.heading();
        if let Some(p) = s.part {
            heading = format!("{p} {heading}");
        }
        if s.required {
            heading.push('*');
        }
        let heading = self.mark(heading, s.rebuilt);
        if heading != form_name {
            self.merged(&heading, Row::Heading)?;
        }
        for t in &s.intro {
            self.merged(t, Row::Note)?;
        }
        for f in &s.fields {
            self.field("", f)?;
        }
        for n in &s.notes {
            self.merged(&spec::note_text(*n), Row::Note)?;
        }
        Ok(())
    }

    fn field(&mut self, base: &str, f: &FieldSpec) -> Result<(), XlsxError> {
        let p = if base.is_empty() {
            f.path.to_string()
        } else {
            path::field(base, f.path)
        };
        if let Some(h) = f.heading {
            self.merged(h, Row::SubHeading)?;
        }
        let label = label(f);
        if f.rebuilt.is_some() {
            self.rebuilt = true;
        }
        if f.kind.options().iter().any(|o| o.rebuilt.is_some()) {
            self.rebuilt = true;
        }
        let changed = follow_up::is_changed(self.changes, &p);
        let v = path::get(&self.value, &p).cloned();
        let v = v.as_ref();
        match &f.kind {
            FieldKind::Group {
                item, item_label, ..
            } => {
                let n = v.and_then(Value::as_array).map_or(0, Vec::len);
                if n == 0 {
                    self.pair(&label, "(なし)", changed)?;
                }
                for i in 0..n {
                    self.merged(
                        &format!("{label} — {item_label} {}", i + 1),
                        Row::SubHeading,
                    )?;
                    let b = path::item(&p, i);
                    for sub in item {
                        self.field(&b, sub)?;
                    }
                }
            }
            FieldKind::Choice(opts) | FieldKind::Choices(opts) => {
                self.pair(&label, &options(v, opts), changed)?
            }
            FieldKind::Laws(opts) => self.pair(&label, &options(v, opts), changed)?,
            FieldKind::Check => {
                let on = v.and_then(Value::as_bool).unwrap_or(false);
                self.pair(&label, if on { "■" } else { "□" }, changed)?
            }
            FieldKind::Number => {
                let n = match v {
                    Some(Value::Number(n)) => n.to_string(),
                    Some(Value::String(s)) => s.clone(),
                    _ => String::new(),
                };
                self.pair(&label, &n, changed)?
            }
            FieldKind::DateTime | FieldKind::Date | FieldKind::MonthDayTime => self.pair(
                &label,
                &format_datetime(v.and_then(Value::as_str).unwrap_or("")),
                changed,
            )?,
            FieldKind::Text | FieldKind::MultiLine => {
                self.pair(&label, v.and_then(Value::as_str).unwrap_or(""), changed)?
            }
        }
        Ok(())
    }
}

/// The label of a field in column A: its sub-number and label as the form prints them, `*`
/// where the form marks it, 「†」 where its wording was rebuilt.
pub fn label(f: &FieldSpec) -> String {
    format!(
        "{}{}{}",
        f.numbered_label(),
        if f.required { "*" } else { "" },
        if f.rebuilt.is_some() { "†" } else { "" }
    )
}

/// Every option as the form prints it, one per line: 「■破壊」「□不明」, under the form's
/// group headings (【意図的な原因】) where it has them. A law no longer in the list but in the
/// file is still shown, ticked.
fn options(v: Option<&Value>, opts: &[Opt]) -> String {
    let chosen: Vec<&str> = match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let mut out = Vec::new();
    let mut group = None;
    for o in opts {
        if o.group.is_some() && o.group != group {
            group = o.group;
            out.push(format!("【{}】", o.group.unwrap_or_default()));
        }
        out.push(format!(
            "{}{}{}",
            if chosen.contains(&o.id) { "■" } else { "□" },
            o.label,
            if o.rebuilt.is_some() { "†" } else { "" }
        ));
    }
    for id in chosen
        .iter()
        .filter(|id| !opts.iter().any(|o| o.id == **id))
    {
        out.push(format!("■{}", laws::law(id).map(|l| l.text).unwrap_or(id)));
    }
    out.join("\n")
}
