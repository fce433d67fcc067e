//! The pure checks behind [`crate::validate`]: one function per kind of value the forms ask
//! for. Each takes the text as typed and returns either the parsed value or a [`Problem`],
//! whose [`Problem::message`] says in Japanese what is wrong and what to write instead,
//! naming the field as the form does. Nothing here panics, whatever the input.
//!
//! Decisions (kept here so the app and the tests agree):
//! - **Full-width digits** (０–９) are accepted in 法人番号, dates, IP addresses and ports:
//!   they are normalised before checking ([`normalize_ascii`]), and the parsed value returned
//!   is the half-width one, so a caller may offer to store it. Full-width characters in an
//!   e-mail address are rejected (an address has to be copied into a mailer exactly).
//! - **フリガナ** is full-width katakana, with 長音 ー, 中点 ・, 踊り字 ヽヾ and spaces
//!   (half-width or 全角). Hiragana and half-width katakana get their own messages.
//! - **Telephone**: Japanese numbers (0 + 9–10 digits), written with hyphens, spaces or
//!   parentheses, or `+81` followed by the number without its leading 0 (a `+81 (0)3…` or
//!   `+81 03…` is tolerated); other `+` country codes take 8–15 digits (E.164); an extension
//!   after 「内線」/`ext.` and a note in Japanese after the number (「(代表)」) are allowed. Masked digits (伏せ字 `X`, `Y`, `*`, `○`) count as
//!   digits: the handbook's own examples write `03-XXXX-YYYY`, and a masked number is a
//!   choice of the writer, not a typing mistake.
//! - **IP addresses / ports** fields may hold lists (separated by `,` `、` `;` spaces or
//!   lines), CIDR ranges (`192.0.2.0/24`, `2001:db8::/32`), `a-b` ranges, defanged dots
//!   (`192.0.2[.]1`), and notes in Japanese (「ほか多数」「別ファイル参照」) which are left
//!   alone — the DDoS form itself says many addresses go in a separate file.
//! - **Dates** are read by [`crate::dates`], the one reader of dates (西暦 with `-` `/` or
//!   年月日時分, full-width digits; 和暦 where the form allows it).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::dates::{self, DateError, Eras};

/// What is wrong with one value. [`Problem::message`] words it for a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// 法人番号: not 13 digits long (`digits` = how many digits were typed).
    CorporateNumberLength { digits: usize },
    /// 法人番号: a character that is not a digit.
    CorporateNumberNotDigit { found: char },
    /// 法人番号: the check digit (the first digit) does not match the other 12.
    CorporateNumberCheckDigit,
    /// フリガナ: hiragana where katakana is asked for.
    FuriganaHiragana,
    /// フリガナ: half-width katakana.
    FuriganaHalfWidth,
    /// フリガナ: some other character.
    FuriganaNotKatakana { found: char },
    /// E-mail: full-width characters.
    EmailFullWidth,
    /// E-mail: no `@`, or more than one.
    EmailAt,
    /// E-mail: spaces inside.
    EmailSpace,
    /// E-mail: the part before `@` is empty or malformed.
    EmailLocal,
    /// E-mail: the part after `@` is not a domain name.
    EmailDomain,
    /// Telephone: a character that does not belong in a number.
    TelephoneChar { found: char },
    /// Telephone: too few or too many digits.
    TelephoneDigits { digits: usize },
    /// Telephone: a domestic number that does not start with 0.
    TelephoneNoLeadingZero,
    /// IP address: this token is not an address, CIDR range or `a-b` range.
    IpAddress { token: String },
    /// IP address: the prefix length of a CIDR range is too long.
    IpPrefix { token: String, max: u8 },
    /// IP address: a range whose ends are of different families or in the wrong order.
    IpRange { token: String },
    /// IP address / port: full-width characters other than digits.
    FullWidth,
    /// Port: not a number.
    Port { token: String },
    /// Port: above 65535.
    PortOutOfRange { token: String },
    /// Port: a range whose start is after its end.
    PortRange { token: String },
    /// A date or time that [`crate::dates`] cannot read.
    Date(DateError),
}

impl Problem {
    /// The message for this problem in the field called `field` (the form's wording, e.g.
    /// 「法人番号」「判明日時」「送信元のIPアドレス」), telling what to do.
    pub fn message(&self, field: &str) -> String {
        match self {
            Problem::CorporateNumberLength { digits } => {
                format!("{field}は13桁の数字で記入してください(現在 {digits}桁)。")
            }
            Problem::CorporateNumberNotDigit { found } => format!(
                "{field}は数字だけで記入してください(数字以外の文字「{}」が含まれています)。",
                show_char(*found)
            ),
            Problem::CorporateNumberCheckDigit => format!(
                "{field}が正しくありません(先頭1桁の検査用数字が残りの12桁と合いません)。\
                 国税庁法人番号公表サイト等で番号を確かめてください。"
            ),
            Problem::FuriganaHiragana => {
                format!("{field}はカタカナで記入してください(ひらがなが含まれています)。")
            }
            Problem::FuriganaHalfWidth => {
                format!("{field}は全角カタカナで記入してください(半角カタカナが含まれています)。")
            }
            Problem::FuriganaNotKatakana { found } => format!(
                "{field}はカタカナで記入してください(カタカナ以外の文字「{}」が含まれています)。",
                show_char(*found)
            ),
            Problem::EmailFullWidth => format!(
                "{field}は半角英数字で記入してください(全角文字が含まれています)。"
            ),
            Problem::EmailAt => format!(
                "{field}の形が正しくありません。「@」を1つだけ含む形(例: renraku.taro@example.go.jp)で記入してください。"
            ),
            Problem::EmailSpace => {
                format!("{field}に空白が含まれています。空白を除いて記入してください。")
            }
            Problem::EmailLocal => format!(
                "{field}の「@」より前の部分が正しくありません。例: renraku.taro@example.go.jp"
            ),
            Problem::EmailDomain => format!(
                "{field}の「@」より後のドメイン名が正しくありません。例: renraku.taro@example.go.jp"
            ),
            Problem::TelephoneChar { found } => format!(
                "{field}には数字とハイフン(-)で電話番号を記入してください(使えない文字「{}」が含まれています)。例: 03-1234-5678",
                show_char(*found)
            ),
            Problem::TelephoneDigits { digits } => format!(
                "{field}の桁数を確かめてください(現在 {digits}桁。国内の番号は市外局番から10桁又は11桁)。例: 03-1234-5678"
            ),
            Problem::TelephoneNoLeadingZero => format!(
                "{field}は市外局番(0から始まる)から記入するか、+81を付けて記入してください。例: 03-1234-5678"
            ),
            Problem::IpAddress { token } => format!(
                "{field}の「{token}」はIPアドレスとして読めません。例: 192.0.2.1、192.0.2.0/24、2001:db8::1"
            ),
            Problem::IpPrefix { token, max } => format!(
                "{field}の「{token}」のプレフィックス長が長すぎます({max}以下にしてください)。"
            ),
            Problem::IpRange { token } => format!(
                "{field}の範囲「{token}」が正しくありません。同じ種類(IPv4又はIPv6)のアドレスを小さい順に「始め-終わり」で記入してください。"
            ),
            Problem::FullWidth => {
                format!("{field}は半角で記入してください(全角文字が含まれています)。")
            }
            Problem::Port { token } => format!(
                "{field}の「{token}」はポート番号として読めません。0から65535までの数字で記入してください(範囲は 1024-2048、複数は 80, 443 のように)。"
            ),
            Problem::PortOutOfRange { token } => format!(
                "{field}の「{token}」は範囲外です。ポート番号は0から65535までです。"
            ),
            Problem::PortRange { token } => format!(
                "{field}の範囲「{token}」は始めが終わりより大きくなっています。小さい順に記入してください。"
            ),
            Problem::Date(e) => e.message(field),
        }
    }

    /// How serious the problem is by default: shapes that a person can still read and act on
    /// (フリガナ, telephone digits) are warnings; everything else is an error.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Problem::FuriganaHiragana
                | Problem::FuriganaHalfWidth
                | Problem::FuriganaNotKatakana { .. }
                | Problem::TelephoneChar { .. }
                | Problem::TelephoneDigits { .. }
                | Problem::TelephoneNoLeadingZero
        )
    }
}

fn show_char(c: char) -> String {
    match c {
        ' ' => "半角空白".to_string(),
        '\u{3000}' => "全角空白".to_string(),
        c if c.is_control() => format!("U+{:04X}", c as u32),
        c => c.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Normalising

/// Full-width ASCII (`！`–`～`, e.g. ０–９, Ａ–Ｚ, ＠, ．, ：) to half-width, 全角空白 to a space.
/// Everything else is kept as it is.
pub fn normalize_ascii(s: &str) -> String {
    s.chars().map(fold_full_width).collect()
}

fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_full_width_ascii(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
}

// ---------------------------------------------------------------------------------------------
// 法人番号

/// The check digit of a 法人番号 from its 12 base digits (法人番号の指定等に関する省令 第2条):
/// 9 − ((Σ Pₙ × Qₙ) mod 9), Pₙ the n-th base digit counted from the right, Qₙ = 1 for odd n,
/// 2 for even n. Digits above 9 are taken mod 10.
///
/// Like any mod-9 check, it cannot see a base digit changed between 0 and 9 (the sum moves
/// by 9 or 18); every other single-digit change is caught.
pub fn corporate_number_check_digit(base: &[u8; 12]) -> u8 {
    let sum: u32 = base
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let n = i + 1;
            let q = if n % 2 == 1 { 1 } else { 2 };
            u32::from(d % 10) * q
        })
        .sum();
    (9 - (sum % 9)) as u8
}

/// A 法人番号 (13桁). Full-width digits are accepted; spaces around it are ignored. Returns
/// the number in half-width digits.
pub fn corporate_number(s: &str) -> Result<String, Problem> {
    let normalized = normalize_ascii(s.trim());
    let normalized = normalized.trim();
    if let Some(found) = normalized.chars().find(|c| !c.is_ascii_digit()) {
        // Report the character as the user typed it.
        let shown = s
            .trim()
            .chars()
            .find(|c| !fold_full_width(*c).is_ascii_digit())
            .unwrap_or(found);
        return Err(Problem::CorporateNumberNotDigit { found: shown });
    }
    let digits: Vec<u8> = normalized.bytes().map(|b| b - b'0').collect();
    if digits.len() != 13 {
        return Err(Problem::CorporateNumberLength {
            digits: digits.len(),
        });
    }
    let mut base = [0u8; 12];
    base.copy_from_slice(&digits[1..]);
    if corporate_number_check_digit(&base) != digits[0] {
        return Err(Problem::CorporateNumberCheckDigit);
    }
    Ok(normalized.to_string())
}

// ---------------------------------------------------------------------------------------------
// フリガナ

/// フリガナ: full-width katakana, ー, ・, ヽヾ, and spaces.
pub fn furigana(s: &str) -> Result<(), Problem> {
    let mut other = None;
    let mut hiragana = false;
    let mut half = false;
    for c in s.chars() {
        match c {
            '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | 'ヽ' | 'ヾ' | ' ' | '\u{3000}' => {}
            '\u{3041}'..='\u{3096}' | 'ゝ' | 'ゞ' => hiragana = true,
            '\u{FF65}'..='\u{FF9F}' => half = true,
            c => {
                if other.is_none() {
                    other = Some(c)
                }
            }
        }
    }
    if hiragana {
        Err(Problem::FuriganaHiragana)
    } else if half {
        Err(Problem::FuriganaHalfWidth)
    } else if let Some(found) = other {
        Err(Problem::FuriganaNotKatakana { found })
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// E-mail

/// An e-mail address (`local@domain`, domain with at least one dot). Surrounding spaces are
/// ignored.
pub fn email(s: &str) -> Result<(), Problem> {
    let s = s.trim();
    if s.chars().any(is_full_width_ascii) {
        return Err(Problem::EmailFullWidth);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(Problem::EmailSpace);
    }
    let mut parts = s.split('@');
    let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some(d), None) => (l, d),
        _ => return Err(Problem::EmailAt),
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    if !local_ok {
        return Err(Problem::EmailLocal);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().count() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()));
    if !domain_ok {
        return Err(Problem::EmailDomain);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Telephone

/// A telephone (or FAX) number: see the module notes.
pub fn telephone(s: &str) -> Result<(), Problem> {
    let s = normalize_ascii(s.trim());
    // An extension: 「内線123」, 「ext. 123」, 「x123」 — drop it.
    let mut main = s.as_str();
    for marker in ["内線", "ext.", "ext", "EXT.", "EXT", "Ext.", "Ext"] {
        if let Some(i) = main.find(marker) {
            main = &main[..i];
        }
    }
    // A note after the number: 「03-1234-5678(代表)」「0120-123-456 平日9時〜17時」.
    let note_at = main.char_indices().find(|(_, c)| {
        !c.is_ascii()
            && !matches!(
                c,
                '○' | '〇' | '●' | '‐' | '‑' | '–' | '—' | '−' | 'ー' | '（' | '）'
            )
    });
    if let Some((i, _)) = note_at {
        if main[..i].chars().any(|c| c.is_ascii_digit()) {
            main = &main[..i];
        }
    }
    let main = main.trim().trim_end_matches(['(', '（', ',', '、']).trim();
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in main.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            // 伏せ字 (the handbook's own examples write 03-XXXX-YYYY): taken as digits.
            'X' | 'x' | 'Y' | 'y' | '*' | '○' | '〇' | '●' => digits.push('0'),
            '+' if i == 0 => plus = true,
            '-' | ' ' | '(' | ')' | '.' | '‐' | '‑' | '–' | '—' | '−' | 'ー' | '（' | '）' =>
                {}
            c => return Err(Problem::TelephoneChar { found: c }),
        }
    }
    if digits.is_empty() {
        return Err(Problem::TelephoneDigits { digits: 0 });
    }
    if plus {
        if let Some(rest) = digits.strip_prefix("81") {
            // +81 3-1234-5678; tolerate +81 (0)3-1234-5678.
            let national = rest.strip_prefix('0').unwrap_or(rest);
            let n = national.len() + 1;
            if !(10..=11).contains(&n) {
                return Err(Problem::TelephoneDigits { digits: n });
            }
        } else if !(8..=15).contains(&digits.len()) {
            return Err(Problem::TelephoneDigits {
                digits: digits.len(),
            });
        }
        return Ok(());
    }
    if !digits.starts_with('0') {
        return Err(Problem::TelephoneNoLeadingZero);
    }
    if !(10..=11).contains(&digits.len()) {
        return Err(Problem::TelephoneDigits {
            digits: digits.len(),
        });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// IP addresses

/// One entry of an IP address field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpEntry {
    /// A single address.
    Address(IpAddr),
    /// A CIDR range: address / prefix length.
    Cidr(IpAddr, u8),
    /// A range `first-last`.
    Range(IpAddr, IpAddr),
}

/// Splits a list field into its tokens: `,` `、` `，` `;` `；` spaces and lines.
fn list_tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| matches!(c, ',' | '、' | '，' | ';' | '；') || c.is_whitespace())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// A note in Japanese inside a list field (「ほか多数」「(別ファイル参照)」「不明」): left alone.
fn is_note(token: &str) -> bool {
    token
        .chars()
        .any(|c| !c.is_ascii() && !is_full_width_ascii(c) && !"‐‑–—−～〜".contains(c))
}

/// One IP address, CIDR range or `a-b` range. Defanged dots (`[.]`, `(.)`) are accepted;
/// so are full-width digits.
pub fn ip_entry(token: &str) -> Result<IpEntry, Problem> {
    let t = normalize_ascii(token.trim())
        .replace("[.]", ".")
        .replace("(.)", ".")
        .replace("[:]", ":");
    let shown = token.trim().to_string();
    if let Some((addr, prefix)) = t.split_once('/') {
        let addr: IpAddr = addr.trim().parse().map_err(|_| Problem::IpAddress {
            token: shown.clone(),
        })?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix: u16 = prefix.trim().parse().map_err(|_| Problem::IpAddress {
            token: shown.clone(),
        })?;
        if prefix > max {
            return Err(Problem::IpPrefix {
                token: shown,
                max: max as u8,
            });
        }
        return Ok(IpEntry::Cidr(addr, prefix as u8));
    }
    if let Ok(addr) = t.parse::<IpAddr>() {
        return Ok(IpEntry::Address(addr));
    }
    let range = t
        .split_once(['-', '~', '～', '〜', '−', '‐'])
        .map(|(a, b)| (a.trim().parse::<IpAddr>(), b.trim().parse::<IpAddr>()));
    match range {
        Some((Ok(a), Ok(b))) => {
            let ordered = match (a, b) {
                (IpAddr::V4(a), IpAddr::V4(b)) => a <= b,
                (IpAddr::V6(a), IpAddr::V6(b)) => a <= b,
                _ => false,
            };
            if ordered {
                Ok(IpEntry::Range(a, b))
            } else {
                Err(Problem::IpRange { token: shown })
            }
        }
        Some((Ok(IpAddr::V4(a)), Err(_))) => {
            // 192.0.2.1-20: a range of the last octet.
            let last: Option<u8> = t
                .rsplit_once(['-', '~', '～', '〜', '−', '‐'])
                .and_then(|(_, b)| b.trim().parse().ok());
            match last {
                Some(last) if last >= a.octets()[3] => {
                    let o = a.octets();
                    Ok(IpEntry::Range(
                        IpAddr::V4(a),
                        IpAddr::V4(Ipv4Addr::new(o[0], o[1], o[2], last)),
                    ))
                }
                Some(_) => Err(Problem::IpRange { token: shown }),
                None => Err(Problem::IpAddress { token: shown }),
            }
        }
        _ => Err(Problem::IpAddress { token: shown }),
    }
}

/// An IP address field: a list of addresses, CIDR ranges and ranges, with notes in Japanese
/// allowed. Returns the entries read; fails on the first token that is not an address.
pub fn ip_addresses(s: &str) -> Result<Vec<IpEntry>, Problem> {
    let mut out = Vec::new();
    for token in list_tokens(s) {
        if is_note(token) {
            continue;
        }
        out.push(ip_entry(token)?);
    }
    Ok(out)
}

/// A single IPv6 or IPv4 address (no list, no range).
pub fn ip_address(s: &str) -> Result<IpAddr, Problem> {
    let t = normalize_ascii(s.trim());
    t.parse::<Ipv4Addr>()
        .map(IpAddr::V4)
        .or_else(|_| t.parse::<Ipv6Addr>().map(IpAddr::V6))
        .map_err(|_| Problem::IpAddress {
            token: s.trim().to_string(),
        })
}

// ---------------------------------------------------------------------------------------------
// Ports

/// A port field: numbers 0–65535, ranges `1024-2048`, lists `80, 443`; `443/tcp` and notes in
/// Japanese (「ランダム」「多数」) are allowed. Returns the ranges read (a single port `p` is
/// `p..=p`).
pub fn ports(s: &str) -> Result<Vec<std::ops::RangeInclusive<u16>>, Problem> {
    let mut out = Vec::new();
    for token in list_tokens(s) {
        if is_note(token) {
            continue;
        }
        out.push(port_entry(token)?);
    }
    Ok(out)
}

fn port_entry(token: &str) -> Result<std::ops::RangeInclusive<u16>, Problem> {
    let shown = token.to_string();
    let t = normalize_ascii(token);
    // 443/tcp, 53/udp
    let t = match t.split_once('/') {
        Some((p, proto)) if proto.chars().all(|c| c.is_ascii_alphabetic()) && !proto.is_empty() => {
            p.to_string()
        }
        _ => t,
    };
    let one = |p: &str| -> Result<u16, Problem> {
        let p = p.trim();
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) {
            return Err(Problem::Port {
                token: shown.clone(),
            });
        }
        let v: u64 = p.parse().unwrap_or(u64::MAX);
        u16::try_from(v).map_err(|_| Problem::PortOutOfRange {
            token: shown.clone(),
        })
    };
    match t.split_once(['-', '~', '～', '〜', '−', '‐']) {
        Some((a, b)) => {
            let (a, b) = (one(a)?, one(b)?);
            if a > b {
                Err(Problem::PortRange { token: shown })
            } else {
                Ok(a..=b)
            }
        }
        None => {
            let p = one(&t)?;
            Ok(p..=p)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and times

pub use crate::dates::{format_when, japanese_era, MonthDayTime, When};

/// A 西暦 date with a time, or a date alone, read by [`crate::dates`] (和暦 refused, as on
/// the 情報連絡様式 and the 情報提供様式).
pub fn date_time(s: &str) -> Result<When, Problem> {
    date_time_in(s, Eras::Western)
}

/// As [`date_time`], with the form's rule on 和暦.
pub fn date_time_in(s: &str, eras: Eras) -> Result<When, Problem> {
    dates::when(s, eras).map_err(Problem::Date)
}

/// An attack time without a year (`08-19T13:15`), read by [`crate::dates`].
pub fn month_day_time(s: &str) -> Result<MonthDayTime, Problem> {
    dates::month_day_time(s).map_err(Problem::Date)
}
