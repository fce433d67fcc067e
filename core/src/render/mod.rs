//! Renderers of a report: the print view in the official layout ([`print`]) and plain text for
//! an e-mail body ([`text`]). Both read the report through its field paths
//! ([`crate::forms::spec`], [`crate::forms::FieldPath`]), so what they show is exactly what the file holds.

pub mod print;
pub mod text;

pub use print::{print_document, print_html, print_markup, print_markup_in_page};
pub use text::{plain_text, subject};

/// 「2023年8月19日 13時15分」 for `2023-08-19T13:15`; what was typed when it is not in that
/// shape; "" when empty.
pub fn format_datetime(raw: &str) -> String {
    // The one reader of dates: whatever validation accepts, print reads the same way.
    crate::dates::shown(raw)
}

/// 「2023年8月19日」 for `2023-08-19`.
pub fn format_date(raw: &str) -> String {
    format_datetime(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            format_datetime("2023-08-19T13:15"),
            "2023年8月19日 13時15分"
        );
        assert_eq!(format_datetime("08-19T02:05"), "8月19日 2時5分");
        assert_eq!(format_datetime("2023-08-19"), "2023年8月19日");
        assert_eq!(format_datetime("XX/XX 00:00"), "XX/XX 00:00");
        // Whatever validation accepts, print reads the same way.
        assert_eq!(
            format_datetime("2023-08-19 13:15"),
            "2023年8月19日 13時15分"
        );
        assert_eq!(format_datetime("2023/8/19 9:05"), "2023年8月19日 9時5分");
        assert_eq!(format_datetime("08-19 13:15"), "8月19日 13時15分");
        assert_eq!(format_datetime(""), "");
    }
}
