//! kyoyu-deliver — what a report's recipients take, written in the browser:
//!
//! - [`workbook`]: the Excel workbook (.xlsx) of a form in the 様式's layout, one more output of
//!   core's form description (rust_xlsxwriter), its rows as high as [`layout`] measures their
//!   wrapped text;
//! - [`mail`]: the e-mail draft (.eml, RFC 5322 with `X-Unsent: 1`) with the workbook, kyoyu's
//!   JSON and the user's attached files (mail-builder);
//! - [`bundle`]: the export bundle (.zip holding the JSON, the workbook and the files) and its
//!   reading back (zip).
//!
//! These writers are heavy next to the form filler: the app loads this crate on first use, as a
//! second WebAssembly module (`wasm` below, built and fingerprinted by site-gen's bundler), so
//! that `/app/` starts without it. Natively it is an ordinary library (the tests read every file
//! back).

use kyoyu_core::envelope::Envelope;
use kyoyu_core::forms::Report;

pub mod bundle;
pub mod layout;
pub mod mail;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod workbook;

/// A file the user attached to a report (a screenshot, a log, an IP list, a press release).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file's name as the user had it.
    pub name: String,
    /// Its media type (`image/png`); `application/octet-stream` when the browser gave none.
    pub mime: String,
    pub data: Vec<u8>,
}

/// One report on its way out: the report in its file envelope, the report it follows (for the
/// changes a follow-up underlines), the files attached to it, the base of the names of the
/// files written for it (`kyoyu-incident-2023-08-19-dai1`), and when (seconds since 1970, UTC,
/// from the caller's clock: the same input makes the same bytes).
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub envelope: Envelope,
    pub previous: Option<Report>,
    pub attachments: Vec<Attachment>,
    pub base_name: String,
    pub now: i64,
}

impl Outgoing {
    /// `{base_name}.{ext}`.
    pub fn file_name(&self, ext: &str) -> String {
        format!("{}.{ext}", self.base_name)
    }

    /// The workbook of this report.
    pub fn workbook(&self) -> Result<Vec<u8>, Error> {
        workbook::workbook(&self.envelope.report, self.previous.as_ref(), self.now)
    }
}

/// Why a file could not be written or read. `Display` is the message for the user, in
/// Japanese, followed by the library's own message where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The workbook could not be written.
    Workbook(String),
    /// The e-mail draft could not be written.
    Mail(String),
    /// The export bundle could not be written.
    BundleWrite(String),
    /// A file chosen for import is not a readable kyoyu bundle; the text says why.
    BundleRead(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Workbook(d) => write!(f, "Excel ファイル(様式)を作成できませんでした。({d})"),
            Error::Mail(d) => write!(f, "メール下書き(.eml)を作成できませんでした。({d})"),
            Error::BundleWrite(d) => {
                write!(f, "書き出し用の ZIP ファイルを作成できませんでした。({d})")
            }
            Error::BundleRead(d) => write!(f, "{d} 下書きは変更されていません。"),
        }
    }
}

impl std::error::Error for Error {}
