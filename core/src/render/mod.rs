//! Renderers of a report: the print view in the official layout ([`print`]) and plain text for
//! an e-mail body ([`text`]). Both read the report through its field paths
//! ([`crate::forms::layout`]), so what they show is exactly what the file holds.

pub mod print;
pub mod text;

pub use print::{print_document, print_html, print_markup};
pub use text::{plain_text, subject};

/// 「2023年8月19日 13時15分」 for `2023-08-19T13:15`; what was typed when it is not in that
/// shape; "" when empty.
pub fn format_datetime(raw: &str) -> String {
    let raw = raw.trim();
    match split_datetime(raw) {
        Some((Some(y), mo, d, Some((h, mi)))) => format!("{y}年{mo}月{d}日 {h}時{mi}分"),
        Some((Some(y), mo, d, None)) => format!("{y}年{mo}月{d}日"),
        Some((None, mo, d, Some((h, mi)))) => format!("{mo}月{d}日 {h}時{mi}分"),
        Some((None, mo, d, None)) => format!("{mo}月{d}日"),
        None => raw.to_string(),
    }
}

/// 「2023年8月19日」 for `2023-08-19`.
pub fn format_date(raw: &str) -> String {
    format_datetime(raw)
}

/// `YYYY-MM-DD[THH:MM]` or `MM-DD[THH:MM]` → (year, month, day, (hour, minute)), numbers
/// without leading zeros (as the forms write them: 8月 9日 0時 5分).
fn split_datetime(raw: &str) -> Option<(Option<u32>, u32, u32, Option<(u32, u32)>)> {
    let (date, time) = match raw.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (raw, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            s.parse().ok()
        }
    };
    let (y, mo, d) = match parts.as_slice() {
        [y, mo, d] if y.len() == 4 => (Some(num(y)?), num(mo)?, num(d)?),
        [mo, d] => (None, num(mo)?, num(d)?),
        _ => return None,
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let time = match time {
        None => None,
        Some(t) => {
            let mut it = t.split(':');
            let h = num(it.next()?)?;
            let mi = num(it.next()?)?;
            if h > 23 || mi > 59 {
                return None;
            }
            Some((h, mi))
        }
    };
    Some((y, mo, d, time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(format_datetime("2023-08-19T13:15"), "2023年8月19日 13時15分");
        assert_eq!(format_datetime("08-19T02:05"), "8月19日 2時5分");
        assert_eq!(format_datetime("2023-08-19"), "2023年8月19日");
        assert_eq!(format_datetime("XX/XX 00:00"), "XX/XX 00:00");
        assert_eq!(format_datetime(""), "");
    }
}
