//! `{{kind:arg}}` directives in chapters: the handbook's tables, forms and figures, generated
//! from core so that no label is typed twice.

/// Renders a directive, or says what is wrong with it.
pub fn render(kind: &str, arg: &str) -> Result<String, String> {
    Err(format!("未対応の指定です: {{{{{kind}:{arg}}}}}"))
}
