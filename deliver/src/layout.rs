//! How a spreadsheet lays a wrapped cell's text out, for the heights of the workbook's rows:
//! rust_xlsxwriter writes a row's height, it does not measure text, and a height written in the
//! file is the one Excel and LibreOffice show and print. So the sheet measures each cell as they
//! do: a column's width is in Excel's unit (the widest digit of the workbook's default font,
//! Calibri 11 pt: 7 px at 96 dpi); a full-width character (East Asian Wide, Fullwidth and
//! Ambiguous, as a Japanese font draws them: 漢字, かな, 「」, ①, ■, □, †) is one em of the cell's
//! font, any other character half an em; a line breaks where Unicode's line breaking (UAX #14,
//! through textwrap and unicode-linebreak) allows it — between two kanji, after a space or
//! 「、」, never before 「。」「」」 or inside an English word — and a word wider than the cell
//! breaks where the cell ends; a new line (`\n`) starts a line; lines are filled first-fit.
//! A merged cell is as wide as its columns together.

use std::ops::Range;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;
use unicode_width::UnicodeWidthChar;

/// Excel's column unit, in pixels at 96 dpi (the widest digit of Calibri 11 pt).
const UNIT_PX: f64 = 7.0;

/// What a cell keeps of its column's width for itself (its margins and grid line, and room for
/// the proportional Latin letters of the font), in column units.
const CELL_MARGIN: f64 = 1.0;

/// The height of a line of text in 游ゴシック, in ems of the font (its line is tall: 10.5 pt
/// text takes 18 pt, Excel's own row height for that font and size).
pub const LINE_EM: f64 = 18.0 / 10.5;

/// What a row adds to its lines (the cell's top and bottom padding), in points.
pub const ROW_PADDING: f64 = 2.0;

/// The tallest row a spreadsheet keeps: Excel's limit (409 pt), less than a printed A4 page.
/// A text that needs more is continued in the rows below ([`rows`]).
pub const MAX_ROW_HEIGHT: f64 = 409.0;

/// One piece of a line between two places where it may break: where it starts and ends in
/// the text (its spaces not included), its width and the width of the spaces after it
/// (dropped when the line breaks there), in column units.
#[derive(Debug)]
struct Piece {
    start: usize,
    end: usize,
    width: f64,
    space: f64,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width
    }

    fn whitespace_width(&self) -> f64 {
        self.space
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The lines `text` takes in a wrapped cell `width` column units wide, in a font of `size`
/// points: for each paragraph (what lies between two new lines), the byte range in `text` of
/// each of its lines.
fn layout(text: &str, width: f64, size: f64) -> Vec<Vec<Range<usize>>> {
    // One em of the font in column units: `size` pt is size × 96 / 72 px.
    let em = size * 96.0 / 72.0 / UNIT_PX;
    let room = (width - CELL_MARGIN).max(em);
    // `width_cjk`: the East Asian Ambiguous characters are full-width in a Japanese font.
    let char_width = |c: char| c.width_cjk().unwrap_or(0) as f64 * em / 2.0;
    let mut at = 0;
    let mut paragraphs = Vec::new();
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut pieces = Vec::new();
        // The words cover the line one after another: each starts where the last ended.
        let mut offset = start;
        for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
            // A word wider than the cell breaks where the cell ends, as the spreadsheet
            // breaks it (textwrap's own breaking counts ambiguous characters narrow).
            let mut from = offset;
            let mut w = 0.0;
            for (i, c) in word.word.char_indices() {
                let cw = char_width(c);
                if w > 0.0 && w + cw > room {
                    pieces.push(Piece {
                        start: from,
                        end: offset + i,
                        width: w,
                        space: 0.0,
                    });
                    from = offset + i;
                    w = 0.0;
                }
                w += cw;
            }
            pieces.push(Piece {
                start: from,
                end: offset + word.word.len(),
                width: w,
                space: word.whitespace.len() as f64 * em / 2.0,
            });
            offset += word.word.len() + word.whitespace.len();
        }
        let lines = wrap_first_fit(&pieces, &[room])
            .into_iter()
            .filter_map(|l| Some(l.first()?.start..l.last()?.end))
            .collect::<Vec<_>>();
        paragraphs.push(if lines.is_empty() {
            std::iter::once(start..start).collect()
        } else {
            lines
        });
    }
    paragraphs
}

/// How many lines `text` takes in a wrapped cell `width` column units wide, in a font of
/// `size` points.
pub fn lines(text: &str, width: f64, size: f64) -> u32 {
    layout(text, width, size)
        .iter()
        .map(Vec::len)
        .sum::<usize>() as u32
}

/// `text` cut into the parts that each fit in one row of at most [`MAX_ROW_HEIGHT`], in a
/// wrapped cell `width` column units wide, in a font of `size` points: one part when it fits.
/// Parts end at a new line where they can (an option of a list stays whole), else at the end
/// of a line as laid out; what lies between two parts (the new line, the spaces where a line
/// broke) is in neither.
pub fn rows(text: &str, width: f64, size: f64) -> Vec<&str> {
    let most = (1..)
        .take_while(|n| row_height(*n, size) <= MAX_ROW_HEIGHT)
        .last()
        .unwrap_or(1) as usize;
    let mut parts = Vec::new();
    // The lines of the part being filled.
    let mut part: Vec<Range<usize>> = Vec::new();
    for paragraph in layout(text, width, size) {
        if !part.is_empty() && part.len() + paragraph.len() > most {
            parts.push(part.first().unwrap().start..part.last().unwrap().end);
            part.clear();
        }
        for line in paragraph {
            if part.len() == most {
                parts.push(part.first().unwrap().start..part.last().unwrap().end);
                part.clear();
            }
            part.push(line);
        }
    }
    if let (Some(first), Some(last)) = (part.first(), part.last()) {
        parts.push(first.start..last.end);
    }
    parts.into_iter().map(|r| &text[r]).collect()
}

/// The height in points of a row that shows `lines` lines of `size`-point text, rounded up to
/// a whole pixel (0.75 pt), the step in which the spreadsheets draw rows.
pub fn row_height(lines: u32, size: f64) -> f64 {
    let points = lines.max(1) as f64 * LINE_EM * size + ROW_PADDING;
    (points / 0.75 - 1e-6).ceil() * 0.75
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 10.5 pt: a full-width character is 14 px, two column units; a column of 58 units keeps
    /// 57 for text, 28 full-width characters a line.
    #[test]
    fn full_width_characters_count_two_units() {
        assert_eq!(lines(&"あ".repeat(28), 58.0, 10.5), 1);
        assert_eq!(lines(&"あ".repeat(29), 58.0, 10.5), 2);
        assert_eq!(lines(&"あ".repeat(56), 58.0, 10.5), 2);
        assert_eq!(lines(&"あ".repeat(57), 58.0, 10.5), 3);
        // Half-width letters and digits, and half-width katakana, one unit.
        assert_eq!(lines(&"1".repeat(57), 58.0, 10.5), 1);
        assert_eq!(lines(&"ｱ".repeat(57), 58.0, 10.5), 1);
        assert_eq!(lines(&"ｱ".repeat(58), 58.0, 10.5), 2);
        // □■①† are ambiguous: full-width in a Japanese font.
        assert_eq!(lines(&"■".repeat(29), 58.0, 10.5), 2);
        assert_eq!(lines(&"①".repeat(28), 58.0, 10.5), 1);
    }

    #[test]
    fn the_font_size_scales_the_characters() {
        // 14 pt: a full-width character is 18.67 px, 2.67 units; 83 units hold 31 of them.
        assert_eq!(lines(&"様".repeat(31), 84.0, 14.0), 1);
        assert_eq!(lines(&"様".repeat(32), 84.0, 14.0), 2);
        // 9 pt: 12 px, 1.71 units; 83 units hold 48.
        assert_eq!(lines(&"注".repeat(48), 84.0, 9.0), 1);
        assert_eq!(lines(&"注".repeat(49), 84.0, 9.0), 2);
    }

    #[test]
    fn lines_break_where_unicode_allows() {
        // 「。」 never starts a line: the 28th あ goes down with it, and the line it starts
        // overflows in turn (cut anywhere, the text would take two lines).
        let text = format!("{}。{}", "あ".repeat(28), "い".repeat(27));
        assert_eq!(lines(&text, 58.0, 10.5), 3);
        // An English word is not split: three words of 6 in 9 units are three lines, where
        // cutting anywhere would make two.
        assert_eq!(lines("abcdef abcdef abcdef", 10.0, 10.5), 3);
        // A space between words takes room; at the end of a line it takes none.
        assert_eq!(lines("abcd abcd", 10.0, 10.5), 1);
        assert_eq!(lines("abcde abcd", 10.0, 10.5), 2);
        assert_eq!(lines("abcdefghi ", 10.0, 10.5), 1);
        // A word wider than the cell breaks where the cell ends.
        assert_eq!(lines(&"x".repeat(100), 11.0, 10.5), 10);
        assert_eq!(lines(&format!("ab {}", "x".repeat(20)), 11.0, 10.5), 3);
    }

    #[test]
    fn each_new_line_starts_a_line() {
        assert_eq!(lines("", 58.0, 10.5), 1);
        assert_eq!(lines("a\nb\n\nc", 58.0, 10.5), 4);
        assert_eq!(lines("a\r\nb", 58.0, 10.5), 2);
        assert_eq!(lines(&format!("{}\nx", "あ".repeat(29)), 58.0, 10.5), 3);
    }

    #[test]
    fn a_text_taller_than_a_row_is_cut_at_its_new_lines() {
        // 10.5 pt: 22 lines make 398 pt, 23 would make 416.
        assert_eq!(row_height(22, 10.5), 398.25);
        assert!(row_height(23, 10.5) > MAX_ROW_HEIGHT);
        let list: Vec<String> = (1..=50).map(|i| format!("□選択肢{i}")).collect();
        let text = list.join("\n");
        let parts = rows(&text, 58.0, 10.5);
        assert_eq!(
            parts,
            [
                &list[..22].join("\n"),
                &list[22..44].join("\n"),
                &list[44..].join("\n")
            ]
        );
        // Options of two lines each after one of one: 21 lines hold the short one and ten
        // long ones; the eleventh would not fit whole, so the part ends before it.
        let long = format!("□{}", "あ".repeat(40));
        let list = [vec!["□短い"], vec![long.as_str(); 11], vec!["□短い"; 2]].concat();
        let text = list.join("\n");
        assert_eq!(lines(&text, 58.0, 10.5), 1 + 22 + 2);
        let parts = rows(&text, 58.0, 10.5);
        assert_eq!(parts, [list[..11].join("\n"), list[11..].join("\n")]);
        // A text that fits is one part, itself.
        assert_eq!(rows("短い\n文", 58.0, 10.5), ["短い\n文"]);
        assert_eq!(rows("", 58.0, 10.5), [""]);
    }

    #[test]
    fn one_paragraph_taller_than_a_row_is_cut_at_the_end_of_a_line() {
        // 30 lines of 28 あ, no new line: 22 lines, then 8.
        let text = "あ".repeat(28 * 30);
        let parts = rows(&text, 58.0, 10.5);
        assert_eq!(parts, [&text[..28 * 22 * 3], &text[28 * 22 * 3..]]);
        // Cut where a line broke between words, the space is in neither part.
        let text = vec!["abcdefghijklmnopqrstuvwxyz0123456789"; 30].join(" ");
        let parts = rows(&text, 40.0, 10.5);
        assert_eq!(parts.len(), 2);
        assert_eq!(format!("{} {}", parts[0], parts[1]), text);
    }

    #[test]
    fn rows_are_as_high_as_their_lines() {
        // 18 pt a line of 10.5 pt text, 2 pt of padding, up to a whole pixel.
        assert_eq!(row_height(1, 10.5), 20.25);
        assert_eq!(row_height(3, 10.5), 56.25);
        assert_eq!(row_height(0, 10.5), 20.25);
        assert_eq!(row_height(2, 14.0), 50.25);
        assert_eq!(row_height(4, 10.5), 74.25);
    }
}
