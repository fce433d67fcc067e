//! Indicators of an advisory (情報提供様式): the IP addresses and ranges, domain names, URLs,
//! file hashes and CVE ids a reader can match or block — what [`crate::forms::Indicator`]
//! holds, checked here once for both the app's validation and the publisher's TLP gate.
//!
//! The form itself (図7) has no such field: its ③ 対処方針 lists them in the text (図8:
//! 「マルウェアの通信先である次のIP及びドメインをブロックする。」). kyoyu keeps them also as a
//! list beside the form, so that the published STIX 2.1 bundle carries them as `indicator`
//! (and, for a CVE, `vulnerability`) objects.
//!
//! [`check`] reads one value: with a kind chosen, the value must be of that kind; without one,
//! the kind is read from the value's shape (a hash by its length: 32 hex digits MD5, 40 SHA-1,
//! 64 SHA-256, 128 SHA-512). Every refusal says in Japanese what is wrong and what to write.
//! Defanged values (`198.51.100[.]23`, `hxxp://`) are refused with the plain form to write:
//! the list is read by machines, and the page shows each value as text, never as a link.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::IpNet;

use crate::choice_enum;
use crate::taxonomy::Choice;

choice_enum! {
    /// The kind of an indicator.
    pub enum IndicatorKind {
        Ipv4 = "ipv4" => "IPv4アドレス(範囲)",
        Ipv6 = "ipv6" => "IPv6アドレス(範囲)",
        Domain = "domain" => "ドメイン名",
        Url = "url" => "URL",
        Md5 = "md5" => "ファイルのハッシュ値(MD5)",
        Sha1 = "sha1" => "ファイルのハッシュ値(SHA-1)",
        Sha256 = "sha256" => "ファイルのハッシュ値(SHA-256)",
        Sha512 = "sha512" => "ファイルのハッシュ値(SHA-512)",
        Cve = "cve" => "脆弱性(CVE番号)",
    }
}

impl IndicatorKind {
    /// A short name for tables (「IPv4」「SHA-256」「CVE」).
    pub fn short(self) -> &'static str {
        match self {
            IndicatorKind::Ipv4 => "IPv4",
            IndicatorKind::Ipv6 => "IPv6",
            IndicatorKind::Domain => "ドメイン名",
            IndicatorKind::Url => "URL",
            IndicatorKind::Md5 => "MD5",
            IndicatorKind::Sha1 => "SHA-1",
            IndicatorKind::Sha256 => "SHA-256",
            IndicatorKind::Sha512 => "SHA-512",
            IndicatorKind::Cve => "CVE",
        }
    }

    /// The number of hex digits of a hash kind.
    fn hash_len(self) -> Option<usize> {
        match self {
            IndicatorKind::Md5 => Some(32),
            IndicatorKind::Sha1 => Some(40),
            IndicatorKind::Sha256 => Some(64),
            IndicatorKind::Sha512 => Some(128),
            _ => None,
        }
    }

    /// The hash kind of a number of hex digits.
    fn of_hash_len(n: usize) -> Option<IndicatorKind> {
        Self::ALL.iter().copied().find(|k| k.hash_len() == Some(n))
    }
}

/// The longest note (備考) of an indicator, in characters: a short note, one line.
pub const MAX_NOTE_CHARS: usize = 200;

/// A checked indicator: its kind and its value as published (trimmed; hashes in lower case,
/// domain names in lower case without a final dot, CVE ids in upper case, IPv6 in its short
/// form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub kind: IndicatorKind,
    pub value: String,
}

impl Checked {
    /// The STIX 2.1 pattern matching it (`[ipv4-addr:value = '198.51.100.0/24']`); None for a
    /// CVE, which is a `vulnerability`, not an `indicator`.
    pub fn stix_pattern(&self) -> Option<String> {
        let v = stix_string(&self.value);
        Some(match self.kind {
            IndicatorKind::Ipv4 => format!("[ipv4-addr:value = '{v}']"),
            IndicatorKind::Ipv6 => format!("[ipv6-addr:value = '{v}']"),
            IndicatorKind::Domain => format!("[domain-name:value = '{v}']"),
            IndicatorKind::Url => format!("[url:value = '{v}']"),
            IndicatorKind::Md5 => format!("[file:hashes.MD5 = '{v}']"),
            IndicatorKind::Sha1 => format!("[file:hashes.'SHA-1' = '{v}']"),
            IndicatorKind::Sha256 => format!("[file:hashes.'SHA-256' = '{v}']"),
            IndicatorKind::Sha512 => format!("[file:hashes.'SHA-512' = '{v}']"),
            IndicatorKind::Cve => return None,
        })
    }
}

/// A string literal of a STIX pattern: `\` and `'` escaped with a backslash (STIX 2.1
/// patterning, 9.4 Constants). Checked values hold neither today; the escaping keeps a pattern
/// well-formed whatever a future kind allows.
fn stix_string(v: &str) -> String {
    v.replace('\\', "\\\\").replace('\'', "\\'")
}

/// Checks an indicator's value, of `kind` when one is chosen, else of the kind its shape says.
/// The error is in Japanese and says what to write.
pub fn check(kind: Option<IndicatorKind>, value: &str) -> Result<Checked, String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(
            "インディケータの値がありません。値を書くか、この行を削除してください。".into(),
        );
    }
    if let Some(plain) = refang(v) {
        return Err(format!(
            "インディケータの値「{v}」は無害化(defang)した書き方です。機械で照合できるよう、元の形で {plain} と書いてください(ページでは値をリンクにせず文字として表示します)。"
        ));
    }
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "インディケータの値「{v}」に空白か改行があります。1行に1つの値を書いてください(値ごとに行を分けます)。"
        ));
    }
    let kind = match kind {
        Some(k) => k,
        None => guess(v),
    };
    let checked = |value: String| Ok(Checked { kind, value });
    match kind {
        IndicatorKind::Ipv4 => ip(v, false).map(checked)?,
        IndicatorKind::Ipv6 => ip(v, true).map(checked)?,
        IndicatorKind::Domain => domain(v).map(checked)?,
        IndicatorKind::Url => url(v).map(checked)?,
        IndicatorKind::Cve => cve(v).map(checked)?,
        hash => {
            let want = hash.hash_len().unwrap_or(0);
            if !v.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(format!(
                    "{}「{v}」は16進数(0–9, a–f){want}桁で書いてください。",
                    hash.label()
                ));
            }
            let n = v.len();
            if n != want {
                let other = IndicatorKind::of_hash_len(n)
                    .map(|k| format!("{n}桁は {} の長さです。", k.short()))
                    .unwrap_or_default();
                return Err(format!(
                    "{}は16進数{want}桁ですが、「{v}」は{n}桁です。{other}種類か値を確かめてください。",
                    hash.label()
                ));
            }
            checked(v.to_ascii_lowercase())
        }
    }
}

/// The kind a value's shape says, when no kind is chosen.
fn guess(v: &str) -> IndicatorKind {
    let upper = v.to_ascii_uppercase();
    if upper.starts_with("CVE-") {
        IndicatorKind::Cve
    } else if v.contains("://") {
        IndicatorKind::Url
    } else if v.contains(':') {
        IndicatorKind::Ipv6
    } else if let Some(k) = v
        .chars()
        .all(|c| c.is_ascii_hexdigit())
        .then(|| IndicatorKind::of_hash_len(v.len()))
        .flatten()
    {
        k
    } else if v
        .split('/')
        .next()
        .is_some_and(|a| a.chars().all(|c| c.is_ascii_digit() || c == '.'))
    {
        IndicatorKind::Ipv4
    } else {
        IndicatorKind::Domain
    }
}

/// The plain form of a defanged value (`[.]`, `(.)`, `[dot]`, `hxxp`, `[:]`), if it is one.
fn refang(v: &str) -> Option<String> {
    const MARKS: [(&str, &str); 8] = [
        ("[.]", "."),
        ("(.)", "."),
        ("{.}", "."),
        ("[dot]", "."),
        ("[:]", ":"),
        ("[://]", "://"),
        ("[@]", "@"),
        ("[at]", "@"),
    ];
    let mut out = v.to_string();
    for (mark, plain) in MARKS {
        out = out.replace(mark, plain);
    }
    let lower = out.to_ascii_lowercase();
    for (bad, good) in [("hxxps://", "https://"), ("hxxp://", "http://")] {
        if lower.starts_with(bad) {
            out = format!("{good}{}", &out[bad.len()..]);
        }
    }
    (out != v).then_some(out)
}

/// An IPv4 (`v6` false) or IPv6 address, or a range of them in CIDR notation whose address
/// is the range's first.
fn ip(v: &str, v6: bool) -> Result<String, String> {
    let (name, how, max) = if v6 {
        (
            "IPv6",
            "IPv6 アドレスは 2001:db8::23、範囲は 2001:db8::/32 のように書いてください。",
            128,
        )
    } else {
        (
            "IPv4",
            "IPv4 アドレスは 198.51.100.23、範囲は 198.51.100.0/24 のように書いてください(各数は 0–255、先頭に 0 を付けない)。",
            32,
        )
    };
    let addr_ok = |a: &str| a.parse::<IpAddr>().is_ok_and(|a| a.is_ipv6() == v6);
    let Some((addr, prefix)) = v.split_once('/') else {
        return match v.parse::<IpAddr>() {
            Ok(a) if addr_ok(v) => Ok(a.to_string()),
            _ => Err(format!("「{v}」は {name} アドレスとして読めません。{how}")),
        };
    };
    let net: IpNet = v
        .parse()
        .ok()
        .filter(|_| addr_ok(addr) && prefix.parse::<u8>().is_ok())
        .ok_or_else(|| {
            format!("「{v}」は {name} アドレスの範囲(CIDR)として読めません。{how} / の後は 0–{max} です。")
        })?;
    if net.trunc() != net {
        return Err(format!(
            "範囲「{v}」のアドレスが範囲の先頭ではありません。範囲なら {}、1つのアドレスなら {} と書いてください。",
            net.trunc(),
            net.addr()
        ));
    }
    Ok(net.to_string())
}

/// A domain name: ASCII letters, digits and `-` in labels of 1–63 characters, at least two
/// labels, 253 characters at most, a top-level label that is not all digits. Written by hand
/// (not with an IDNA crate): the app carries this check in its WebAssembly, and IDNA's Unicode
/// tables would weigh more than the whole check is worth; an internationalised name is asked
/// for in its ASCII (`xn--`) form, which is what DNS and STIX carry anyway.
fn domain(v: &str) -> Result<String, String> {
    const HOW: &str =
        "ドメイン名は example.com のように、英数字と - を . で区切って書いてください。";
    let name = v.strip_suffix('.').unwrap_or(v).to_ascii_lowercase();
    if name.contains(['/', '@', '?', '#']) {
        return Err(format!(
            "「{v}」はドメイン名ではありません。URL なら http:// などから書き、ドメイン名なら名前だけを書いてください。"
        ));
    }
    if !name.is_ascii() {
        return Err(format!(
            "「{v}」に英数字以外の文字があります。日本語ドメイン名は xn-- で始まる ASCII の形(Punycode)で書いてください。{HOW}"
        ));
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return Err(format!(
            "「{v}」は . を含まないため、ドメイン名として扱えません。{HOW}"
        ));
    }
    if name.len() > 253 {
        return Err(format!(
            "ドメイン名「{v}」は {} 文字あります。253 文字以内です。",
            name.len()
        ));
    }
    for l in &labels {
        let ok = (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-');
        if !ok {
            return Err(format!(
                "ドメイン名「{v}」の「{l}」の部分が使えません。. で区切った各部分は1–63文字の英数字と - で、- で始まったり終わったりしないこと。{HOW}"
            ));
        }
    }
    if labels
        .last()
        .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(format!(
            "「{v}」はドメイン名としても IPv4 アドレスとしても読めません。IPv4 アドレスは 198.51.100.23 のように4つの数(0–255)を . で区切って書いてください。"
        ));
    }
    Ok(name)
}

/// An absolute URL: a scheme, `://`, a host (domain name, IPv4, `[IPv6]`), an optional port,
/// then any path, query and fragment in printable ASCII (RFC 3986 characters; other
/// characters percent-encoded). Written by hand for the same reason as [`domain`]: the
/// checks are few, and a URL crate would bring IDNA's tables into the app.
fn url(v: &str) -> Result<String, String> {
    const HOW: &str =
        "URL は http://example.com/path のように、http:// や https:// から書いてください。";
    let Some((scheme, rest)) = v.split_once("://") else {
        return Err(format!("「{v}」は URL として読めません。{HOW}"));
    };
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok {
        return Err(format!(
            "URL「{v}」の先頭「{scheme}://」が読めません。{HOW}"
        ));
    }
    if let Some(c) = v.chars().find(|c| {
        !c.is_ascii_graphic() || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    }) {
        return Err(format!(
            "URL「{v}」に URL で使えない文字「{c}」があります。日本語などは %E3%81%82 のように % で符号化して書いてください。"
        ));
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(inner) = host_port.strip_prefix('[') {
        match inner.split_once(']') {
            Some((h, p)) => (h, p.strip_prefix(':')),
            None => (inner, None),
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return Err(format!("URL「{v}」にホスト名がありません。{HOW}"));
    }
    if let Some(p) = port {
        if p.parse::<u16>().is_err() {
            return Err(format!(
                "URL「{v}」のポート番号「{p}」が読めません。: の後は 0–65535 の数です。"
            ));
        }
    }
    let host_ok = host_port.starts_with('[') && host.parse::<Ipv6Addr>().is_ok()
        || host.parse::<Ipv4Addr>().is_ok()
        || domain(host).is_ok();
    if !host_ok {
        let why = domain(host).err().unwrap_or_default();
        return Err(format!("URL「{v}」のホスト名「{host}」が読めません。{why}"));
    }
    // The scheme and host are case-insensitive (RFC 3986 6.2.2.1): published in lower case.
    let lower_host = host.to_ascii_lowercase();
    let mut out = format!("{}://", scheme.to_ascii_lowercase());
    let host_at = rest[..end].len() - host_port.len();
    out.push_str(&rest[..host_at]);
    out.push_str(&host_port.replacen(host, &lower_host, 1));
    out.push_str(&rest[end..]);
    Ok(out)
}

/// `CVE-YYYY-NNNN` (four or more digits after the year), read in any case, written in upper.
fn cve(v: &str) -> Result<String, String> {
    let upper = v.to_ascii_uppercase();
    let ok = upper
        .strip_prefix("CVE-")
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(year, n)| {
            year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && year >= "1999"
                && n.len() >= 4
                && n.chars().all(|c| c.is_ascii_digit())
        });
    if ok {
        Ok(upper)
    } else {
        Err(format!(
            "「{v}」は CVE 番号として読めません。CVE-2024-12345 のように、CVE-、西暦4桁、-、4桁以上の数字で書いてください。"
        ))
    }
}

/// Checks a note (備考): one line of at most [`MAX_NOTE_CHARS`] characters.
pub fn check_note(note: &str) -> Result<(), String> {
    if note.contains(['\n', '\r']) {
        return Err("インディケータの備考は1行で書いてください(改行は使えません)。".into());
    }
    let n = note.chars().count();
    if n > MAX_NOTE_CHARS {
        return Err(format!(
            "インディケータの備考が {n} 文字あります。{MAX_NOTE_CHARS} 文字以内の短い説明にしてください(詳しい説明は本文に書きます)。"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(kind: Option<IndicatorKind>, v: &str) -> Checked {
        check(kind, v).unwrap_or_else(|e| panic!("{v}: {e}"))
    }

    fn err(kind: Option<IndicatorKind>, v: &str) -> String {
        match check(kind, v) {
            Ok(c) => panic!("{v} accepted as {c:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn every_kind_is_read_by_shape_and_gives_its_pattern() {
        let cases = [
            ("198.51.100.23", IndicatorKind::Ipv4, "[ipv4-addr:value = '198.51.100.23']"),
            ("198.51.100.0/24", IndicatorKind::Ipv4, "[ipv4-addr:value = '198.51.100.0/24']"),
            ("2001:DB8:0:0::23", IndicatorKind::Ipv6, "[ipv6-addr:value = '2001:db8::23']"),
            ("2001:db8::/32", IndicatorKind::Ipv6, "[ipv6-addr:value = '2001:db8::/32']"),
            ("Update.Example.COM.", IndicatorKind::Domain, "[domain-name:value = 'update.example.com']"),
            ("xn--r8jz45g.example", IndicatorKind::Domain, "[domain-name:value = 'xn--r8jz45g.example']"),
            ("HTTPS://Example.com:8443/a/b?q=1#f", IndicatorKind::Url, "[url:value = 'https://example.com:8443/a/b?q=1#f']"),
            ("http://[2001:db8::1]/x", IndicatorKind::Url, "[url:value = 'http://[2001:db8::1]/x']"),
            ("D41D8CD98F00B204E9800998ECF8427E", IndicatorKind::Md5, "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"),
            ("da39a3ee5e6b4b0d3255bfef95601890afd80709", IndicatorKind::Sha1, "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']"),
            (
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                IndicatorKind::Sha256,
                "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
            ),
        ];
        for (v, kind, pattern) in cases {
            let c = ok(None, v);
            assert_eq!(c.kind, kind, "{v}");
            assert_eq!(c.stix_pattern().as_deref(), Some(pattern), "{v}");
            // The same with the kind chosen.
            assert_eq!(ok(Some(kind), v), c, "{v}");
        }
        let sha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        let c = ok(None, sha512);
        assert_eq!(c.kind, IndicatorKind::Sha512);
        assert_eq!(
            c.stix_pattern().unwrap(),
            format!("[file:hashes.'SHA-512' = '{sha512}']")
        );
        let c = ok(None, " cve-2024-3400 ");
        assert_eq!(
            c,
            Checked {
                kind: IndicatorKind::Cve,
                value: "CVE-2024-3400".into()
            }
        );
        assert_eq!(c.stix_pattern(), None);
        assert_eq!(ok(None, "CVE-2021-44228").value, "CVE-2021-44228");
    }

    #[test]
    fn a_hash_of_the_wrong_length_for_its_kind_is_refused() {
        let sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
        let e = err(Some(IndicatorKind::Sha256), sha1);
        assert!(
            e.contains("SHA-256") && e.contains("64桁") && e.contains("40桁は SHA-1 の長さ"),
            "{e}"
        );
        let e = err(Some(IndicatorKind::Md5), "xyz");
        assert!(e.contains("16進数"), "{e}");
        // 36 hex digits is no hash and no domain name (no dot): refused, not guessed.
        let e = err(None, "d41d8cd98f00b204e9800998ecf8427e0000");
        assert!(e.contains("ドメイン名として扱えません"), "{e}");
    }

    #[test]
    fn bad_addresses_are_refused_in_japanese() {
        for (v, want) in [
            ("198.51.100.256", "IPv4 アドレスとして読めません"),
            ("198.51.100", "IPv4 アドレスとして読めません"),
            ("010.1.1.1", "先頭に 0 を付けない"),
            ("198.51.100.0/33", "0–32"),
            ("198.51.100.0/x", "CIDR"),
            ("2001:db8::zz", "IPv6 アドレスとして読めません"),
            ("2001:db8::/129", "0–128"),
        ] {
            let e = err(None, v);
            assert!(e.contains(want), "{v}: {e}");
        }
        let e = err(None, "198.51.100.23/24");
        assert!(
            e.contains("198.51.100.0/24") && e.contains("198.51.100.23"),
            "{e}"
        );
        let e = err(Some(IndicatorKind::Ipv4), "2001:db8::1");
        assert!(e.contains("IPv4"), "{e}");
        let e = err(None, "2001:db8::1/48");
        assert!(e.contains("2001:db8::/48"), "{e}");
    }

    #[test]
    fn bad_domains_and_urls_are_refused_in_japanese() {
        for (v, want) in [
            ("localhost", ". を含まない"),
            ("-bad.example", "「-bad」の部分"),
            ("under_score.example", "「under_score」の部分"),
            ("例え.jp", "xn--"),
            ("example..com", "「」の部分"),
            ("example.com/path", "URL なら"),
            ("ftp//example.com", "URL なら"),
        ] {
            let e = err(None, v);
            assert!(e.contains(want), "{v}: {e}");
        }
        let long = format!("{}.example", "a".repeat(64));
        assert!(err(None, &long).contains("1–63"));
        for (v, want) in [
            ("http://", "ホスト名がありません"),
            ("http://exa mple.com/", "空白"),
            ("http://example.com/日本", "% で符号化"),
            ("http://example.com:99999/", "ポート番号"),
            ("http://bad_host/", "ホスト名「bad_host」"),
            ("1http://example.com/", "先頭"),
        ] {
            let e = err(None, v);
            assert!(e.contains(want), "{v}: {e}");
        }
        assert!(err(Some(IndicatorKind::Url), "example.com").contains("http://"));
        assert_eq!(
            ok(None, "http://user@Example.com:80/Path").value,
            "http://user@example.com:80/Path"
        );
    }

    #[test]
    fn bad_cves_empty_and_defanged_values_are_refused() {
        for v in [
            "CVE-24-1234",
            "CVE-2024-123",
            "CVE-2024-12a4",
            "CVE-1998-0001",
        ] {
            assert!(err(None, v).contains("CVE 番号として読めません"), "{v}");
        }
        assert!(err(Some(IndicatorKind::Cve), "2024-1234").contains("CVE-2024-12345"));
        assert!(err(None, "  ").contains("値がありません"));
        let e = err(None, "198.51.100[.]23");
        assert!(e.contains("無害化") && e.contains("198.51.100.23"), "{e}");
        let e = err(None, "hxxps://example[.]com/x");
        assert!(e.contains("https://example.com/x"), "{e}");
        assert!(err(None, "a.example b.example").contains("1行に1つ"));
    }

    #[test]
    fn notes_are_one_short_line() {
        assert_eq!(check_note(""), Ok(()));
        assert_eq!(check_note("C2 サーバ"), Ok(()));
        assert!(check_note("a\nb").unwrap_err().contains("1行"));
        let long = "あ".repeat(MAX_NOTE_CHARS + 1);
        assert!(check_note(&long).unwrap_err().contains("201 文字"));
        assert_eq!(check_note(&"あ".repeat(MAX_NOTE_CHARS)), Ok(()));
    }

    #[test]
    fn patterns_escape_quotes_and_backslashes() {
        assert_eq!(stix_string(r"a'b\c"), r"a\'b\\c");
        // A URL may hold an apostrophe (RFC 3986 sub-delims): the pattern stays well-formed.
        let c = ok(None, "http://example.com/it's");
        assert_eq!(
            c.stix_pattern().unwrap(),
            r"[url:value = 'http://example.com/it\'s']"
        );
    }
}
