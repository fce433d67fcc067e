//! The workbook read back by a spreadsheet reader (calamine): every value of every fixture in
//! the cell beside its label, the form's sections in order, A4 portrait fitted to the width,
//! the TLP label in the header and footer, the changes of a follow-up underlined.

mod common;

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use common::part;
use kyoyu_core::envelope::Envelope;
use kyoyu_core::forms::spec::{self, FieldKind};
use kyoyu_core::forms::{path, Report};
use kyoyu_core::render::format_datetime;
use kyoyu_core::taxonomy::Choice;
use kyoyu_deliver::workbook::workbook;
use serde_json::Value;

/// The sheet as rows of strings (merged cells: their text in the first column). A value
/// continued in the rows below its label (the label's cell merged down beside it) is read as
/// one, its parts one line after another.
fn cells(xlsx: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(xlsx.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in range.rows() {
        let r: Vec<String> = r
            .iter()
            .map(|c| match c {
                Data::String(s) => s.clone(),
                Data::Empty => String::new(),
                other => other.to_string(),
            })
            .collect();
        match (rows.last_mut(), r.as_slice()) {
            (Some(above), [label, part, ..]) if label.is_empty() && !part.is_empty() => {
                above[1] = format!("{}\n{part}", above[1]);
            }
            _ => rows.push(r),
        }
    }
    rows
}

/// What the cell beside a field's label shows for `value`, from the form description: the
/// text as typed, a date in Japanese, ■ before each chosen option's label.
fn expected(kind: &FieldKind, value: &Value) -> Vec<String> {
    let ids: Vec<&str> = match value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    match kind {
        FieldKind::Choice(o) | FieldKind::Choices(o) | FieldKind::Laws(o) => ids
            .iter()
            .map(|id| {
                let opt = o
                    .iter()
                    .find(|x| x.id == *id)
                    .unwrap_or_else(|| panic!("option {id}"));
                format!(
                    "■{}{}",
                    opt.label,
                    if opt.rebuilt.is_some() { "†" } else { "" }
                )
            })
            .collect(),
        FieldKind::DateTime | FieldKind::Date | FieldKind::MonthDayTime => {
            vec![format_datetime(value.as_str().unwrap())]
        }
        FieldKind::Check => vec![if value.as_bool() == Some(true) {
            "■"
        } else {
            "□"
        }
        .into()],
        FieldKind::Number => vec![value.to_string()],
        _ => vec![value.as_str().unwrap().to_string()],
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Bool(b) => !b,
        _ => false,
    }
}

#[test]
fn every_value_of_every_fixture_is_beside_its_label() {
    for name in common::FIXTURES {
        let env = common::fixture(name);
        let report = &env.report;
        let kind = report.kind();
        let xlsx = workbook(report, None, 0).unwrap();
        let rows = cells(&xlsx, kind.name());
        let value = report.to_value();
        let mut checked = 0;
        for p in report.leaf_paths() {
            let v = path::get(&value, &p).unwrap();
            if is_empty(v) {
                continue;
            }
            let (_, field) =
                spec::find(kind, &p).unwrap_or_else(|| panic!("{name}: {p} is not in the form"));
            let label = format!(
                "{}{}{}",
                field.numbered_label(),
                if field.required { "*" } else { "" },
                if field.rebuilt.is_some() { "†" } else { "" }
            );
            let want = expected(&field.kind, v);
            let found = rows.iter().any(|r| {
                r.first() == Some(&label)
                    && r.get(1).is_some_and(|cell| {
                        let simple = matches!(
                            field.kind,
                            FieldKind::Text
                                | FieldKind::MultiLine
                                | FieldKind::Number
                                | FieldKind::DateTime
                                | FieldKind::Date
                                | FieldKind::MonthDayTime
                        );
                        if simple {
                            want.iter().all(|w| cell == w)
                        } else {
                            want.iter().all(|w| cell.lines().any(|l| l == w))
                        }
                    })
            });
            assert!(found, "{name}: {p} = {want:?} not beside 「{label}」");
            checked += 1;
        }
        assert!(checked >= 10, "{name}: only {checked} values");
    }
}

#[test]
fn the_sheet_follows_the_form() {
    for name in common::FIXTURES {
        let report = common::fixture(name).report;
        let kind = report.kind();
        let xlsx = workbook(&report, None, 0).unwrap();
        let rows = cells(&xlsx, kind.name());
        let title = format!("{}(第{}報)", kind.name(), report.report_number());
        assert!(
            rows.iter().take(3).any(|r| r[0] == title),
            "{name}: the title on top"
        );
        // Every numbered section's heading, in the form's order.
        let firsts: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        let mut at = 0;
        for s in spec::sections(kind).iter().filter(|s| !s.number.is_empty()) {
            let h = s.heading();
            let i = firsts[at..]
                .iter()
                .position(|c| c.contains(&h))
                .unwrap_or_else(|| panic!("{name}: {h} missing or out of order"));
            at += i + 1;
        }
        // Options written out as the form prints them: ticked and not.
        assert!(
            rows.iter()
                .any(|r| r.get(1).is_some_and(|c| c.contains('□'))),
            "{name}"
        );

        let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains(r#"paperSize="9""#), "{name}: A4");
        assert!(
            sheet.contains(r#"orientation="portrait""#),
            "{name}: portrait"
        );
        assert!(
            sheet.contains(r#"fitToHeight="0""#)
                && sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name}: fit to width"
        );
        assert!(sheet.contains("<mergeCell "), "{name}: merged headings");
        let styles = part(&xlsx, "xl/styles.xml");
        assert!(styles.contains("wrapText=\"1\""), "{name}: wrapped text");
        assert!(styles.contains("<left style=\"thin\">"), "{name}: borders");
        match report.tlp() {
            Some(t) => {
                let label = t.label();
                assert!(
                    sheet.contains(&format!(
                        "<oddHeader>&amp;C&amp;\"-,Bold\"{label}</oddHeader>"
                    )),
                    "{name}: header"
                );
                assert!(
                    sheet.contains(&format!("<oddFooter>&amp;L&amp;\"-,Bold\"{label}")),
                    "{name}: footer"
                );
            }
            None => assert!(!sheet.contains("TLP:"), "{name}: the 共通様式 have no TLP"),
        }
    }
}

/// The `s` (style) of the cell `reference` in a sheet's XML, and whether that style's font is
/// underlined.
fn underlined(xlsx: &[u8], reference: &str) -> bool {
    let sheet = part(xlsx, "xl/worksheets/sheet1.xml");
    let at = sheet
        .find(&format!("<c r=\"{reference}\""))
        .unwrap_or_else(|| panic!("no cell {reference}"));
    let cell = &sheet[at..at + sheet[at..].find('>').unwrap()];
    let style: usize = cell
        .split("s=\"")
        .nth(1)
        .map_or(0, |s| s[..s.find('"').unwrap()].parse().unwrap());
    let styles = part(xlsx, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let font: usize = xf
        .split("fontId=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let fonts = &styles[styles.find("<fonts").unwrap()..styles.find("</fonts>").unwrap()];
    fonts
        .split("<font>")
        .nth(font + 1)
        .unwrap()
        .contains("<u/>")
}

#[test]
fn a_follow_up_underlines_what_changed() {
    let first = common::fixture("zu5-incident.json");
    let mut next: Envelope = kyoyu_core::follow_up::follow_up(&first, "2023-08-20T10:00");
    let Report::Incident(r) = &mut next.report else {
        unreachable!()
    };
    r.overview.summary.push_str("\n・被害の範囲を特定した。");
    let xlsx = workbook(&next.report, Some(&first.report), 0).unwrap();
    let rows = cells(&xlsx, "情報連絡様式");
    let summary_label = spec::find(next.kind(), "overview.summary")
        .unwrap()
        .1
        .numbered_label();
    let system_label = spec::find(next.kind(), "overview.system")
        .unwrap()
        .1
        .numbered_label();
    let row_of = |label: &str| rows.iter().position(|r| r[0] == label).unwrap() + 1;
    assert!(
        underlined(&xlsx, &format!("B{}", row_of(summary_label))),
        "the changed 概要 is underlined"
    );
    assert!(
        !underlined(&xlsx, &format!("B{}", row_of(system_label))),
        "an unchanged entry is not"
    );
}

#[test]
fn indicators_follow_the_form_when_there_are_some() {
    let env = common::fixture("zu8-advisory.json");
    let Report::Advisory(mut a) = env.report else {
        panic!("advisory");
    };
    let name = kyoyu_core::forms::FormKind::Advisory.name();
    let before = cells(
        &workbook(&Report::Advisory(a.clone()), None, 0).unwrap(),
        name,
    );
    assert!(!before
        .iter()
        .flatten()
        .any(|c| c.contains("インディケータ")));
    a.indicators = vec![kyoyu_core::forms::Indicator {
        kind: Some(kyoyu_core::indicators::IndicatorKind::Domain),
        value: "update.example.net".into(),
        note: "通信先".into(),
    }];
    let rows = cells(&workbook(&Report::Advisory(a), None, 0).unwrap(), name);
    let heading = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "インディケータ情報"))
        .expect("the heading of the indicators");
    let beside = |label: &str| {
        rows[heading..]
            .iter()
            .find(|r| r.first().is_some_and(|c| c == label))
            .and_then(|r| r.get(1).cloned())
    };
    assert_eq!(beside("値").as_deref(), Some("update.example.net"));
    // A choice as on paper: every option, the chosen one ■.
    let kind = beside("種類").unwrap();
    assert!(
        kind.contains("■ドメイン名") && kind.matches('■').count() == 1,
        "{kind}"
    );
    assert_eq!(beside("備考").as_deref(), Some("通信先"));
}
