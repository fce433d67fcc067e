//! The e-mail draft (.eml): an RFC 5322 message written with mail-builder, which an operator's
//! own mail program opens ready to send (`X-Unsent: 1` makes Outlook open it as a new message;
//! Thunderbird and other clients open an .eml as it is). Nothing is sent from kyoyu.
//!
//! - From: the report's own contact ([`kyoyu_core::forms::Report::contact`]: its e-mail address and the person's name);
//! - To / Cc: the addresses the user keeps in the app's address book for the report's 宛先;
//! - Subject: core's [`render::subject`] (TLP label and 第N報 in it), RFC 2047-encoded by
//!   mail-builder;
//! - the body: core's [`render::plain_text`];
//! - attachments: the workbook of the form, kyoyu's JSON of the report (for a recipient who
//!   also uses kyoyu) and the user's attached files, in that order.

use kyoyu_core::render;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;
use mail_builder::MessageBuilder;

use crate::{Error, Outgoing};

/// The media type of a workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Who the draft goes to: addresses from the app's address book.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipients {
    pub to: Vec<String>,
    pub cc: Vec<String>,
}

/// The .eml of `out`, dated `out.now`.
pub fn eml(out: &Outgoing, to: &Recipients) -> Result<Vec<u8>, Error> {
    let report = &out.envelope.report;
    let date = out.now;
    let xlsx = out.workbook()?;
    let json = out.envelope.to_json_pretty();
    let mut m = MessageBuilder::new()
        .subject(render::subject(report))
        .date(date)
        .message_id(format!(
            "kyoyu-{}-{}-{date}@kyoyu.invalid",
            report.kind().id(),
            report.report_number()
        ))
        .header("X-Unsent", Raw::new("1"))
        .text_body(render::plain_text(report));
    // From: the report's own contact (core's rule).
    let (name, email) = report.contact();
    if !email.is_empty() {
        m = m.from(if name.is_empty() {
            Address::from(email.to_string())
        } else {
            Address::from((name.to_string(), email.to_string()))
        });
    }
    if let Some(list) = addresses(&to.to) {
        m = m.to(list);
    }
    if let Some(list) = addresses(&to.cc) {
        m = m.cc(list);
    }
    m = m
        .attachment(XLSX_MIME, out.file_name("xlsx"), xlsx)
        .attachment("application/json", out.file_name("json"), json.into_bytes());
    for a in &out.attachments {
        m = m.attachment(a.mime.as_str(), a.name.as_str(), a.data.as_slice());
    }
    m.write_to_vec().map_err(|e| Error::Mail(e.to_string()))
}

fn addresses(list: &[String]) -> Option<Address<'static>> {
    let list: Vec<Address<'static>> = list
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .map(|a| Address::from(a.to_string()))
        .collect();
    (!list.is_empty()).then(|| Address::new_list(list))
}
