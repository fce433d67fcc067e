//! Files attached to a report (screenshots, logs, IP and indicator lists, a press release):
//! the limit of their total size per report, and its message.
//!
//! The limit is stated for the e-mail the report travels in: mail systems commonly take
//! 10–25 MB per message, and attachments grow by a third when encoded for mail (base64), so
//! 7 MB of files make a message of about 9.5 MB — within the common 10 MB.

/// The most the files attached to one report may weigh together, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 7 * 1000 * 1000;

/// 「1.2 MB」「340 KB」「12 バイト」 (decimal units, as mail systems state their limits).
pub fn format_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1_000_000.0),
        b if b >= 1_000 => format!("{} KB", b.div_ceil(1_000)),
        b => format!("{b} バイト"),
    }
}

/// Whether files of `adding` bytes may join files of `current` bytes on one report; Err with
/// the message for the user (naming the file) when they would pass [`MAX_TOTAL_BYTES`].
pub fn check_total(current: u64, adding: u64, file_name: &str) -> Result<(), String> {
    let total = current.saturating_add(adding);
    if total <= MAX_TOTAL_BYTES {
        return Ok(());
    }
    Err(format!(
        "「{file_name}」({}) を添付できません。添付ファイルは1件の報告につき合計 {} までです\
         (現在 {})。メールで送れる大きさに収めるための上限です。\
         大きなファイルは分割するか、別の方法でお送りください。",
        format_size(adding),
        format_size(MAX_TOTAL_BYTES),
        format_size(current)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_kept_and_named_in_japanese() {
        assert!(check_total(0, MAX_TOTAL_BYTES, "a.png").is_ok());
        let e = check_total(MAX_TOTAL_BYTES - 10, 11, "ログ.txt").unwrap_err();
        assert!(e.contains("「ログ.txt」"), "{e}");
        assert!(e.contains("合計 7.0 MB まで"), "{e}");
        assert_eq!(format_size(1_234_567), "1.2 MB");
        assert_eq!(format_size(340_001), "341 KB");
        assert_eq!(format_size(12), "12 バイト");
    }
}
