//! The heights of the workbook's rows, read back from the file: the sheet's XML gives each row's
//! height, each column's width, the merged cells and each cell's font size; calamine gives each
//! cell's text. Every row must be high enough for the lines its cells' texts take wrapped, and
//! not much higher; a text that fits on one line gets a row of one line.
//!
//! The test measures the fewest lines a text can take on its own, more simply than the sheet
//! does: cut anywhere (every character boundary a break, a space taking no room), each line
//! filled to the last unit. Any real line breaking takes at least as many lines, so a row lower
//! than that would cut the text off when the 様式 is opened or printed. The spreadsheet's
//! measures are the ones [`kyoyu_deliver::layout`] states: a column unit is 7 px, a cell keeps a
//! unit for its margins, a full-width character (East Asian Wide, Fullwidth or Ambiguous) is
//! one em of the font and any other half. LibreOffice is not on the test machine, so no print
//! to PDF checks the result against a spreadsheet's own rendering.

mod common;

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use common::part;
use kyoyu_core::forms::Report;
use kyoyu_deliver::layout::{row_height, MAX_ROW_HEIGHT};
use kyoyu_deliver::workbook::workbook;
use unicode_width::UnicodeWidthChar;

/// The value of `name="…"` in an XML tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// Every tag `<name …>` of `xml`, as the text between `<` and `>`.
fn tags<'a>(xml: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{name} ");
    xml.match_indices(open.clone().as_str())
        .map(move |(i, _)| &xml[i..i + xml[i..].find('>').unwrap()])
        .collect::<Vec<_>>()
        .into_iter()
}

/// `B12` → (row 11, column 1).
fn cell_ref(r: &str) -> (u32, u32) {
    let letters = r.len() - r.trim_start_matches(|c: char| c.is_ascii_uppercase()).len();
    let col = r[..letters]
        .bytes()
        .fold(0, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    (r[letters..].parse::<u32>().unwrap() - 1, col)
}

/// One cell as the sheet lays it out: its text, its width in column units (its columns'
/// together when it is merged), how many rows it spans (a label beside a value continued in
/// the rows below), its font size in points.
#[derive(Debug)]
struct Cell {
    text: String,
    units: f64,
    rows: u32,
    size: f64,
}

/// The rows of the sheet: each row's height (points) and its cells.
fn rows(xlsx: &[u8], sheet_name: &str) -> Vec<(u32, f64, Vec<Cell>)> {
    let sheet = part(xlsx, "xl/worksheets/sheet1.xml");
    let styles = part(xlsx, "xl/styles.xml");
    // Column widths: the XML keeps Excel's character width (pixels − 5 of padding) / 7.
    let mut widths = BTreeMap::new();
    for c in tags(&sheet, "col") {
        let w: f64 = attr(c, "width").unwrap().parse().unwrap();
        let px = (w * 7.0).round();
        let units = (px - 5.0) / 7.0;
        let (min, max): (u32, u32) = (
            attr(c, "min").unwrap().parse().unwrap(),
            attr(c, "max").unwrap().parse().unwrap(),
        );
        for col in min - 1..max {
            widths.insert(col, units);
        }
    }
    let width = |c: u32| {
        *widths
            .get(&c)
            .unwrap_or_else(|| panic!("no width of column {c}"))
    };
    let mut merged = BTreeMap::new();
    for m in tags(&sheet, "mergeCell") {
        let (a, b) = attr(m, "ref").unwrap().split_once(':').unwrap();
        let ((r0, c0), (r1, c1)) = (cell_ref(a), cell_ref(b));
        merged.insert((r0, c0), ((c0..=c1).map(width).sum::<f64>(), r1 - r0 + 1));
    }
    // Font sizes: cell style → its font → the font's size.
    let fonts = &styles[styles.find("<fonts").unwrap()..styles.find("</fonts>").unwrap()];
    let sizes: Vec<f64> = fonts
        .split("<font>")
        .skip(1)
        .map(|f| {
            attr(&f[f.find("<sz").unwrap()..], "val")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf_fonts: Vec<usize> = tags(xfs, "xf")
        .map(|x| attr(x, "fontId").unwrap().parse().unwrap())
        .collect();

    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(xlsx.to_vec())).unwrap();
    let range = book.worksheet_range(sheet_name).unwrap();
    let mut out = Vec::new();
    for row in sheet.split("<row ").skip(1) {
        let row = &row[..row.find("</row>").unwrap_or(row.len())];
        let head = &row[..row.find('>').unwrap()];
        let r: u32 = attr(&format!(" {head}"), "r")
            .unwrap()
            .parse::<u32>()
            .unwrap()
            - 1;
        let ht: f64 = attr(&format!(" {head}"), "ht")
            .unwrap_or_else(|| panic!("row {} has no height", r + 1))
            .parse()
            .unwrap();
        let mut cells = Vec::new();
        for c in tags(row, "c") {
            let (cr, cc) = cell_ref(attr(c, "r").unwrap());
            let text = match range.get_value((cr, cc)) {
                Some(Data::String(s)) => s.clone(),
                Some(Data::Empty) | None => continue,
                Some(other) => other.to_string(),
            };
            let style: usize = attr(c, "s").map_or(0, |s| s.parse().unwrap());
            let (units, rows) = merged.get(&(cr, cc)).copied().unwrap_or((width(cc), 1));
            cells.push(Cell {
                text,
                units,
                rows,
                size: sizes[xf_fonts[style]],
            });
        }
        out.push((r, ht, cells));
    }
    out
}

/// One em of a `size`-point font in column units (7 px), and the width of `c` in it.
fn char_width(c: char, size: f64) -> f64 {
    let em = size * 96.0 / 72.0 / 7.0;
    c.width_cjk().unwrap_or(0) as f64 * em / 2.0
}

/// The room a cell leaves its text: its width less a unit of margins.
fn room(cell: &Cell) -> f64 {
    cell.units - 1.0
}

/// The fewest lines the cell's text can take: cut anywhere, a space taking no room.
fn fewest_lines(cell: &Cell) -> u32 {
    let room = room(cell);
    cell.text
        .split('\n')
        .map(|line| {
            let mut n = 1;
            let mut w = 0.0;
            for c in line.chars().filter(|c| *c != '\r') {
                let cw = if c == ' ' {
                    0.0
                } else {
                    char_width(c, cell.size)
                };
                if w + cw > room + 1e-9 {
                    n += 1;
                    w = 0.0;
                }
                w += cw;
            }
            n
        })
        .sum()
}

/// Whether the whole text fits on one line of the cell, spaces included.
fn one_line(cell: &Cell) -> bool {
    !cell.text.contains('\n')
        && cell
            .text
            .chars()
            .map(|c| char_width(c, cell.size))
            .sum::<f64>()
            <= room(cell)
}

/// What is wrong with the heights of a workbook's rows.
fn check(xlsx: &[u8], sheet: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let rows = rows(xlsx, sheet);
    assert!(rows.len() > 20, "{sheet}: {} rows", rows.len());
    let height: BTreeMap<u32, f64> = rows.iter().map(|(r, ht, _)| (*r, *ht)).collect();
    for (r, ht, cells) in &rows {
        let r = *r;
        if *ht > MAX_ROW_HEIGHT {
            wrong.push(format!(
                "{sheet} row {}: {ht} pt, more than a row may be",
                r + 1
            ));
        }
        // Every cell has the room its text needs: its row's height, or its rows' together.
        for c in cells {
            let room: f64 = (r..r + c.rows).map(|r| height[&r]).sum();
            let fewest = fewest_lines(c);
            let needed = row_height(fewest, c.size);
            if room + 1e-9 < needed {
                wrong.push(format!(
                    "{sheet} row {}: {room} pt, its text needs at least {fewest} lines ({needed} pt): {c:?}",
                    r + 1
                ));
            }
        }
        // A row is no higher than the cells of that row alone need.
        let own: Vec<&Cell> = cells.iter().filter(|c| c.rows == 1).collect();
        let Some(size) = own.first().map(|c| c.size) else {
            wrong.push(format!("{sheet} row {}: no cell of its own", r + 1));
            continue;
        };
        if own.iter().all(|c| one_line(c)) {
            if *ht != row_height(1, size) {
                wrong.push(format!(
                    "{sheet} row {}: {ht} pt for one line: {cells:?}",
                    r + 1
                ));
            }
        } else {
            // Breaking where the rules allow loses at most a little of each line.
            let fewest = own.iter().map(|c| fewest_lines(c)).max().unwrap();
            let most = fewest + fewest.div_ceil(4) + 1;
            if *ht > row_height(most, size) {
                wrong.push(format!(
                    "{sheet} row {}: {ht} pt, more than {most} lines for text that fits in {fewest}: {cells:?}",
                    r + 1
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_row_of_every_fixture_is_as_high_as_its_wrapped_text() {
    for name in common::FIXTURES {
        let report = common::fixture(name).report;
        let xlsx = workbook(&report, None, 0).unwrap();
        let wrong = check(&xlsx, report.kind().name());
        assert!(wrong.is_empty(), "{name}:\n{}", wrong.join("\n"));
    }
}

/// Long Japanese, English and mixed text, new lines and blank lines, ambiguous and half-width
/// characters, a line that 「。」 may not start, a word wider than the column.
fn stress() -> Report {
    let mut env = common::fixture("long-text-incident.json");
    let Report::Incident(r) = &mut env.report else {
        unreachable!()
    };
    // 28 あ fill a line of column B; 「。」 may not start the next, so the 28th goes down with
    // it and that line overflows in turn: three lines, where cutting anywhere would make two.
    r.overview.summary = format!("{}。{}", "あ".repeat(28), "い".repeat(27));
    r.overview.system = [
        "①基幹系サーバ(ｻｰﾊﾞ名: ＡＰ－０１)、②情報系サーバ、③バックアップ装置■□†※",
        "",
        "The attacker exploited CVE-2023-12345 in the VPN appliance, moved laterally over SMB and encrypted the file servers; the backups were offline and unaffected.",
        "攻撃者は VPN 装置の脆弱性(CVE-2023-12345)を悪用し、SMB で横展開した後、ファイルサーバを暗号化した。バックアップはオフラインで、影響はなかった。\r",
        &"x".repeat(130),
    ]
    .join("\n");
    // 39 characters, 20 times: 28 lines, more than a row holds (22).
    r.supplementary =
        "「重要インフラサービス障害」に該当するかどうかは、所管省庁と協議のうえ判断する。"
            .repeat(20);
    env.report
}

#[test]
fn long_japanese_and_mixed_text_get_rows_that_hold_it() {
    let report = stress();
    let xlsx = workbook(&report, None, 0).unwrap();
    let name = report.kind().name();
    let wrong = check(&xlsx, name);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    let rows = rows(&xlsx, name);
    let height_of = |text: &str| {
        rows.iter()
            .find(|(_, _, cells)| cells.iter().any(|c| c.text == text))
            .map(|(_, ht, _)| *ht)
            .unwrap_or_else(|| panic!("no cell holds {text:?}"))
    };
    let Report::Incident(r) = &report else {
        unreachable!()
    };
    assert_eq!(height_of(&r.overview.summary), row_height(3, 10.5));
    // Laid out by hand, 57 units a line: the list (78 units) 2 lines, a blank one, the English
    // (157 units, broken between words: 「…in the VPN」「appliance, … encrypted the」「file
    // servers; …」) 3, the Japanese (143 units) 3, the word of 130 letters 3 (57 + 57 + 16).
    assert_eq!(
        height_of(&r.overview.system),
        row_height(2 + 1 + 3 + 3 + 3, 10.5)
    );
    // The paragraph taller than a row goes on in the row below, cut at the end of a line:
    // the two parts are the text.
    let label = kyoyu_core::forms::spec::find(report.kind(), "supplementary")
        .map(|(_, f)| kyoyu_deliver::workbook::label(f))
        .unwrap();
    let at = rows
        .iter()
        .position(|(_, _, cells)| cells.first().is_some_and(|c| c.text == label))
        .unwrap();
    assert_eq!(rows[at].2[0].rows, 2);
    let parts: Vec<&str> = rows[at..at + 2]
        .iter()
        .map(|(_, _, cells)| cells.last().unwrap().text.as_str())
        .collect();
    assert_eq!(parts.concat(), r.supplementary);
    assert_eq!(rows[at].1, row_height(22, 10.5));
    // The title, 14 pt across both columns: one line.
    let title = format!("{name}(第1報)");
    assert_eq!(height_of(&title), row_height(1, 14.0));
}

/// A list taller than a row (根拠規定等 of the DDoS common form: 47 laws, one a line or two)
/// goes on in the rows below, its label's cell merged down beside it, every option whole in
/// one of them and in the form's order.
#[test]
fn a_value_taller_than_a_row_goes_on_below_its_label() {
    let report = common::fixture("ddos-two-attacks.json").report;
    let kind = report.kind();
    let xlsx = workbook(&report, None, 0).unwrap();
    let rows = rows(&xlsx, kind.name());
    let (_, field) = kyoyu_core::forms::spec::find(kind, "laws").expect("根拠規定等");
    let label = kyoyu_deliver::workbook::label(field);
    let at = rows
        .iter()
        .position(|(_, _, cells)| cells.first().is_some_and(|c| c.text == label))
        .expect("the row of 根拠規定等");
    let span = rows[at].2[0].rows as usize;
    assert!(span >= 2, "one row of {} pt", rows[at].1);
    let parts: Vec<&str> = rows[at..at + span]
        .iter()
        .map(|(_, _, cells)| cells.last().unwrap().text.as_str())
        .collect();
    assert_eq!(parts.len(), span);
    let lines: Vec<&str> = parts.iter().flat_map(|p| p.lines()).collect();
    let kyoyu_core::forms::spec::FieldKind::Laws(options) = &field.kind else {
        panic!("根拠規定等 is a list of laws");
    };
    let labels: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_start_matches(['□', '■']).trim_end_matches('†'))
        .collect();
    let want: Vec<&str> = options.iter().map(|o| o.label).collect();
    assert_eq!(labels, want);
}
