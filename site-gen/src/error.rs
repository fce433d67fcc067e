//! Content errors name the file and the line at fault, in Japanese.
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in a content file, at a line (1-based; 0 when the whole file is at fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl ContentError {
    pub fn new(file: &Path, line: usize, message: impl Into<String>) -> ContentError {
        ContentError {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

impl std::error::Error for ContentError {}

/// Several content errors found in one pass; all are reported, not just the first.
#[derive(Debug, Clone, Default)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "コンテンツに {} 件の問題があります:", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

/// Reads a content file as UTF-8. Invalid bytes are refused (never replaced), naming the line
/// and the byte offset of the first one; the library's English detail follows the Japanese.
pub fn read_text(file: &Path) -> Result<String, ContentError> {
    let bytes = std::fs::read(file)
        .map_err(|e| ContentError::new(file, 0, format!("ファイルを読めません: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        ContentError::new(
            file,
            line,
            format!(
                "UTF-8 として読めないバイトがあります(先頭から {at} バイト目): {}",
                e.utf8_error()
            ),
        )
    })
}

/// The lines of one text, for asking the line of many offsets in it: the line starts are found
/// once, on the first question (a page asks for the line of each link it holds; counting the
/// newlines from the start each time made a tenth of a large site's build time).
pub struct Lines<'a> {
    text: &'a str,
    starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            starts: std::cell::OnceCell::new(),
        }
    }

    /// The 1-based line of byte `offset` (the same as [`line_of`]).
    pub fn line(&self, offset: usize) -> usize {
        let starts = self
            .starts
            .get_or_init(|| memchr::memchr_iter(b'\n', self.text.as_bytes()).collect());
        starts.partition_point(|&nl| nl < offset.min(self.text.len())) + 1
    }
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::{line_of, Lines};

    #[test]
    fn lines_answers_as_line_of_for_every_offset() {
        for text in ["", "a", "\n", "一\n二\n\n三", "a\r\nb\n", "\n\nx\n"] {
            let lines = Lines::new(text);
            for offset in (0..=text.len() + 2).rev() {
                assert_eq!(
                    lines.line(offset),
                    line_of(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }
}
