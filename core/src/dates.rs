//! Dates and times as people write them on the forms — the one reader of dates in kyoyu.
//!
//! The editor (what was understood, the value written back when a field is left), validation,
//! print, the export file names and the publisher's advisories all read dates here, so a date
//! that one of them accepts, all of them accept.
//!
//! Accepted (full-width digits and separators too, spaces anywhere between the parts):
//!
//! - 西暦 with hyphens, slashes or dots: `2023-08-19T13:15`, `2023-08-19 13:15`,
//!   `2023/8/19 9:05`, `2023.8.19`, seconds ignored (`13:15:00`);
//! - as the paper form is filled: `2023年8月19日 13時15分`, `2023 年 8 月 19 日 13 時 15 分`,
//!   `2023年8月19日 13時` (on the hour), `2023年8月19日(土) 13:15` (the weekday is ignored);
//! - 和暦 where the form allows it ([`Eras::AlsoJapanese`]): `令和7年10月1日`, `令和元年5月1日`,
//!   `R7.10.1`, `H30/1/1`, `㋿7年10月1日`. The 情報連絡様式 and the 情報提供様式 say
//!   「西暦で記載」: there a 和暦 date is refused, with its 西暦 in the message;
//! - the DDoS form's attack times, which have no year: `08-19T13:15`, `8/19 13:15`,
//!   `8月19日 13時15分` (a full date's year is dropped).
//!
//! Every reading gives the value in the form's written format ([`Reading::written`]:
//! `2023-08-19T13:15`, `2023-08-19`, `08-19T13:15`, what the files hold and the app writes back
//! when a field is left) and as the form prints it ([`Reading::shown`]: 「2023年8月19日
//! 13時15分」). A field's hint ([`DateKind::hint`]) and its error message
//! ([`DateError::message`]) show the same examples ([`DateKind::examples`]).
//!
//! Written by hand rather than with chrono's `parse_from_str`: the forms are filled in a dozen
//! shapes (年月日, full-width digits, 和暦 eras, optional parts) that no single format string
//! covers; chrono still decides which dates exist.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::forms::FormKind;

/// What a date field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// 年 月 日 時 分 (a date alone is accepted too).
    DateTime,
    /// 年 月 日 (公表日; a time, when given, is kept).
    Date,
    /// 月 日 時 分 without a year (the DDoS form's 攻撃開始 / 攻撃収束).
    MonthDayTime,
}

/// Whether a form lets its dates be written in 和暦.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Eras {
    /// 「西暦で記載」 (情報連絡様式 図5, and the 情報提供様式 which follows it).
    Western,
    /// 西暦 or 和暦 (the two 共通様式, which say nothing of the calendar).
    AlsoJapanese,
}

impl Eras {
    /// The rule of `kind`'s form.
    pub fn of(kind: FormKind) -> Eras {
        if kind.is_common_form() {
            Eras::AlsoJapanese
        } else {
            Eras::Western
        }
    }
}

impl DateKind {
    /// The examples a field's hint and its error message both show: the written format
    /// first, then the way the paper form is filled.
    pub fn examples(self) -> &'static str {
        match self {
            DateKind::DateTime => "「2023-08-19T13:15」又は「2023年8月19日 13時15分」",
            DateKind::Date => "「2023-08-19」又は「2023年8月19日」",
            DateKind::MonthDayTime => "「08-19T13:15」又は「8月19日 13時15分」",
        }
    }

    /// The rule of the field in words: 「西暦・24時間表記」 …
    fn rule(self, eras: Eras) -> &'static str {
        match (self, eras) {
            (DateKind::DateTime, Eras::Western) => "西暦・24時間表記",
            (DateKind::DateTime, Eras::AlsoJapanese) => {
                "24時間表記(和暦も可: 令和5年8月19日 13時15分)"
            }
            (DateKind::Date, Eras::Western) => "西暦",
            (DateKind::Date, Eras::AlsoJapanese) => "西暦又は和暦(令和5年8月19日)",
            (DateKind::MonthDayTime, _) => "月・日と24時間表記の時刻(年は書きません)",
        }
    }

    /// The hint under a date field: the rule and [`DateKind::examples`].
    pub fn hint(self, eras: Eras) -> String {
        format!("{}。例: {}", self.rule(eras), self.examples())
    }
}

/// A point in time as the forms take it: a date with a time, or a date alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    DateTime(NaiveDateTime),
    Date(NaiveDate),
}

impl When {
    pub fn date(self) -> NaiveDate {
        match self {
            When::DateTime(dt) => dt.date(),
            When::Date(d) => d,
        }
    }

    /// Whether `self` is later than `other`. When either is a date alone, only the dates
    /// are compared (a date alone is not later than a time on the same day).
    pub fn is_after(self, other: When) -> bool {
        match (self, other) {
            (When::DateTime(a), When::DateTime(b)) => a > b,
            (a, b) => a.date() > b.date(),
        }
    }
}

/// A DDoS attack time as the form prints it: 月 日 時 分 without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDayTime {
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl MonthDayTime {
    /// Whether `end` may follow `self`: later in the same year, or across a new year
    /// (start in December, end in January).
    pub fn precedes(self, end: MonthDayTime) -> bool {
        self <= end || (self.month == 12 && end.month == 1)
    }
}

/// What a date field was understood to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    DateTime(NaiveDateTime),
    Date(NaiveDate),
    MonthDayTime(MonthDayTime),
}

impl Reading {
    /// The form's written format, as the files hold it: `2023-08-19T13:15`, `2023-08-19`,
    /// `08-19T13:15`.
    pub fn written(self) -> String {
        match self {
            Reading::DateTime(t) => t.format("%Y-%m-%dT%H:%M").to_string(),
            Reading::Date(d) => d.format("%Y-%m-%d").to_string(),
            Reading::MonthDayTime(m) => {
                format!("{:02}-{:02}T{:02}:{:02}", m.month, m.day, m.hour, m.minute)
            }
        }
    }

    /// As the form prints it: 「2023年8月19日 13時15分」, 「2023年8月19日」, 「8月19日 13時15分」.
    pub fn shown(self) -> String {
        match self {
            Reading::DateTime(t) => {
                format!(
                    "{}年{}月{}日 {}時{}分",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute()
                )
            }
            Reading::Date(d) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            Reading::MonthDayTime(m) => {
                format!("{}月{}日 {}時{}分", m.month, m.day, m.hour, m.minute)
            }
        }
    }

    /// The reading as a [`When`], when it has a year.
    pub fn when(self) -> Option<When> {
        match self {
            Reading::DateTime(t) => Some(When::DateTime(t)),
            Reading::Date(d) => Some(When::Date(d)),
            Reading::MonthDayTime(_) => None,
        }
    }

    /// The reading in a field of `kind`: a date with a year in a month-day field loses its
    /// year; a month-day in a field that needs a year is refused.
    fn fit(self, kind: DateKind) -> Result<Reading, DateError> {
        match (kind, self) {
            (DateKind::MonthDayTime, Reading::DateTime(t)) => {
                Ok(Reading::MonthDayTime(MonthDayTime {
                    month: t.month(),
                    day: t.day(),
                    hour: t.hour(),
                    minute: t.minute(),
                }))
            }
            (DateKind::MonthDayTime, Reading::Date(_)) => Err(DateError::Shape(kind)),
            (DateKind::DateTime | DateKind::Date, Reading::MonthDayTime(_)) => {
                Err(DateError::Shape(kind))
            }
            (_, r) => Ok(r),
        }
    }
}

impl From<When> for Reading {
    fn from(w: When) -> Reading {
        match w {
            When::DateTime(t) => Reading::DateTime(t),
            When::Date(d) => Reading::Date(d),
        }
    }
}

/// Why a date could not be read. [`DateError::message`] words it for a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Written in 和暦 on a form that asks for 西暦; `western` is the same date in the written
    /// format, when it could be read.
    JapaneseEra {
        era: String,
        western: Option<String>,
    },
    /// Not in any shape of a date of this kind.
    Shape(DateKind),
    /// The shape is right but there is no such date or time (2月30日, 25時).
    NotExist,
    /// A 和暦 year outside its era (平成32年, 令和0年).
    OutsideEra { era: String },
}

impl DateError {
    /// The message for this problem in the field called `field` (「判明日時」 …).
    pub fn message(&self, field: &str) -> String {
        match self {
            DateError::JapaneseEra { era, western: Some(w) } => format!(
                "{field}は西暦で記入してください(和暦「{era}」は使えません)。西暦では「{w}」です。"
            ),
            DateError::JapaneseEra { era, western: None } => format!(
                "{field}は西暦で記入してください(和暦「{era}」は使えません)。例: {}",
                DateKind::DateTime.examples()
            ),
            DateError::Shape(kind) => format!(
                "{field}が読み取れません。{}で、{}のように記入してください。",
                kind.rule(Eras::Western),
                kind.examples()
            ),
            DateError::NotExist => format!(
                "{field}の日付又は時刻が存在しません(月は1〜12、日はその月の日数まで、時刻は24時間表記で00:00〜23:59)。"
            ),
            DateError::OutsideEra { era } => format!(
                "{field}の「{era}」はその元号の期間にありません。年を確かめるか、西暦で記入してください。"
            ),
        }
    }
}

/// Reads a date field of `kind` on a form with the rule `eras`. Empty text is
/// [`DateError::Shape`]; callers skip empty fields.
pub fn read(s: &str, kind: DateKind, eras: Eras) -> Result<Reading, DateError> {
    let (reading, era) = read_any(s).map_err(|e| match (e, japanese_era(s), eras) {
        // Unreadable, and 和暦 where 西暦 is asked for: say so first.
        (DateError::Shape(_), Some(era), Eras::Western) => {
            DateError::JapaneseEra { era, western: None }
        }
        (DateError::Shape(_), _, _) => DateError::Shape(kind),
        (e, _, _) => e,
    })?;
    let reading = reading.fit(kind)?;
    match (era, eras) {
        (Some(era), Eras::Western) => Err(DateError::JapaneseEra {
            era,
            western: Some(reading.written()),
        }),
        _ => Ok(reading),
    }
}

/// A 西暦 (or, with [`Eras::AlsoJapanese`], 和暦) date with a time or a date alone.
pub fn when(s: &str, eras: Eras) -> Result<When, DateError> {
    read(s, DateKind::DateTime, eras).map(|r| r.when().expect("a date-time field has a year"))
}

/// An attack time without a year (`08-19T13:15`; a full date's year is dropped).
pub fn month_day_time(s: &str) -> Result<MonthDayTime, DateError> {
    match read(s, DateKind::MonthDayTime, Eras::AlsoJapanese)? {
        Reading::MonthDayTime(m) => Ok(m),
        _ => Err(DateError::Shape(DateKind::MonthDayTime)),
    }
}

/// What the editor writes back into a field of `kind` when it is left: the value in the
/// written format, or None when it cannot be read (then the text stays as typed).
pub fn written(s: &str, kind: DateKind, eras: Eras) -> Option<String> {
    read(s, kind, eras).ok().map(Reading::written)
}

/// The text of 「現在日時」 for a field of `kind`: `now` in the written format.
pub fn now_written(now: NaiveDateTime, kind: DateKind) -> String {
    let r = match kind {
        DateKind::DateTime => Reading::DateTime(now),
        DateKind::Date => Reading::Date(now.date()),
        DateKind::MonthDayTime => Reading::MonthDayTime(MonthDayTime {
            month: now.month(),
            day: now.day(),
            hour: now.hour(),
            minute: now.minute(),
        }),
    };
    r.written()
}

/// How print shows a date as typed: 「2023年8月19日 13時15分」 for whatever can be read (a 和暦
/// date in its 西暦), the text as typed otherwise (図5 prints 「XX/XX 00:00」), "" when empty.
pub fn shown(raw: &str) -> String {
    match read_any(raw) {
        Ok((r, _)) => r.shown(),
        Err(_) => raw.trim().to_string(),
    }
}

/// Formats a [`When`] as the forms print it (2023年8月19日 13時15分).
pub fn format_when(w: When) -> String {
    Reading::from(w).shown()
}

/// The 和暦 era written in `s`, if any: 令和/平成/昭和/大正/明治 (also ㋿ ㍻ ㍼ ㍽ ㍾) or
/// their initials with a number (R7, H30 …), as typed with the year.
pub fn japanese_era(s: &str) -> Option<String> {
    let t = fold(s);
    let (era, rest) = strip_era(t.trim())?;
    let mut year: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '元')
        .collect();
    if rest[year.len()..].starts_with('年') {
        year.push('年');
    }
    Some(format!("{}{year}", era.typed))
}

// ---------------------------------------------------------------------------------------------
// The reader

/// One 和暦 era: how it was typed, its first day, the first day of the next era.
struct Era {
    typed: String,
    first: NaiveDate,
    next: Option<NaiveDate>,
}

/// An era's names (kanji, the one-character sign), its initial, its first day.
type EraDef = (&'static [&'static str], char, (i32, u32, u32));

const ERAS: [EraDef; 5] = [
    (&["令和", "㋿"], 'R', (2019, 5, 1)),
    (&["平成", "㍻"], 'H', (1989, 1, 8)),
    (&["昭和", "㍼"], 'S', (1926, 12, 25)),
    (&["大正", "㍽"], 'T', (1912, 7, 30)),
    (&["明治", "㍾"], 'M', (1868, 1, 25)),
];

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("era dates exist")
}

/// The era at the start of `s` and what follows it.
fn strip_era(s: &str) -> Option<(Era, &str)> {
    for (i, (names, initial, first)) in ERAS.iter().enumerate() {
        let next = i.checked_sub(1).map(|j| ymd(ERAS[j].2));
        for name in names.iter() {
            if let Some(rest) = s.strip_prefix(name) {
                return Some((
                    Era {
                        typed: name.to_string(),
                        first: ymd(*first),
                        next,
                    },
                    rest,
                ));
            }
        }
        // R7.10.1, H30/1/1, r7年: an initial, one or two digits, then a date separator.
        let mut chars = s.chars();
        if chars
            .next()
            .is_some_and(|c| c.to_ascii_uppercase() == *initial)
        {
            let rest = chars.as_str();
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            let after = rest[digits..].chars().next();
            if (1..=2).contains(&digits) && matches!(after, Some('.' | '/' | '-' | '年')) {
                return Some((
                    Era {
                        typed: s[..1].to_string(),
                        first: ymd(*first),
                        next,
                    },
                    rest,
                ));
            }
        }
    }
    None
}

/// Full-width ASCII and the ideographic space folded to ASCII.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A weekday in brackets after the date (「(土)」「(土曜日)」) becomes a space.
fn drop_weekday(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('(') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let day = after
            .chars()
            .next()
            .filter(|c| "日月火水木金土".contains(*c));
        let close = after.find(')');
        match (day, close) {
            (Some(_), Some(j))
                if matches!(
                    &after[..j].chars().skip(1).collect::<String>()[..],
                    "" | "曜" | "曜日"
                ) =>
            {
                out.push(' ');
                rest = &after[j + 1..];
            }
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads any shape of date; the era as typed when it was 和暦.
fn read_any(s: &str) -> Result<(Reading, Option<String>), DateError> {
    let shape = DateError::Shape(DateKind::DateTime);
    let t = drop_weekday(&fold(s));
    let t = t.trim();
    let (era, body) = match strip_era(t) {
        Some((era, rest)) => (Some(era), rest),
        None => (None, t),
    };
    // Numbers and the gaps between them (gaps[0] before the first number, gaps[n] after the
    // last), 元年 read as 1.
    let body = body.replacen('元', "1", usize::from(era.is_some()));
    let mut nums: Vec<String> = Vec::new();
    let mut gaps: Vec<String> = vec![String::new()];
    let mut in_number = false;
    for c in body.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                nums.push(String::new());
                in_number = true;
            }
            nums.last_mut().expect("a number was started").push(c);
        } else if " -/.年月日Tt:時分秒".contains(c) {
            if in_number {
                gaps.push(String::new());
                in_number = false;
            }
            gaps.last_mut().expect("a gap").push(c.to_ascii_uppercase());
        } else {
            return Err(shape);
        }
    }
    if in_number {
        gaps.push(String::new());
    }
    let gap = |i: usize| gaps[i].trim();
    let spaced = |i: usize| gaps[i].contains(' ') || !gap(i).is_empty();
    if !gap(0).is_empty() || nums.is_empty() {
        return Err(shape);
    }
    let n = nums.len();
    let has_year = era.is_some() || nums[0].len() == 4;
    let date_parts = if has_year { 3 } else { 2 };
    if n < date_parts {
        return Err(shape);
    }
    let time_parts = n - date_parts;
    // Date gaps: - / . 年 月.
    for i in 1..date_parts {
        if !matches!(gap(i), "-" | "/" | "." | "年" | "月") {
            return Err(shape);
        }
    }
    if time_parts == 0 {
        if !matches!(gap(n), "" | "日") || (!has_year) {
            return Err(shape);
        }
    } else {
        // Between the date and the time: a space, T, or 日.
        let d = date_parts;
        if !matches!(gap(d), "" | "T" | "日" | "日T") || !spaced(d) {
            return Err(shape);
        }
        let expected_end = match time_parts {
            1 => &["時"][..],
            2 => &["", "分"][..],
            3 => &["", "秒"][..],
            _ => return Err(shape),
        };
        if !expected_end.contains(&gap(n)) {
            return Err(shape);
        }
        for k in 1..time_parts {
            let g = gap(d + k);
            let ok = match k {
                1 => matches!(g, ":" | "時"),
                _ => matches!(g, ":" | "分"),
            };
            if !ok {
                return Err(shape);
            }
        }
    }
    let num = |i: usize, lens: std::ops::RangeInclusive<usize>| -> Result<u32, DateError> {
        if lens.contains(&nums[i].len()) {
            nums[i]
                .parse()
                .map_err(|_| DateError::Shape(DateKind::DateTime))
        } else {
            Err(DateError::Shape(DateKind::DateTime))
        }
    };
    let (year, m_i) = if has_year {
        let y = if era.is_some() {
            num(0, 1..=2)?
        } else {
            num(0, 4..=4)?
        };
        (Some(y), 1)
    } else {
        (None, 0)
    };
    let month = num(m_i, 1..=2)?;
    let day = num(m_i + 1, 1..=2)?;
    let time = if time_parts == 0 {
        None
    } else {
        let h_i = date_parts;
        let hour = num(h_i, 1..=2)?;
        let minute = if time_parts >= 2 {
            let colon = gap(h_i + 1) == ":";
            num(h_i + 1, if colon { 2..=2 } else { 1..=2 })?
        } else {
            0
        };
        if time_parts == 3 {
            let colon = gap(h_i + 2) == ":";
            num(h_i + 2, if colon { 2..=2 } else { 1..=2 })?;
        }
        Some(NaiveTime::from_hms_opt(hour, minute, 0).ok_or(DateError::NotExist)?)
    };
    let typed_era = era
        .as_ref()
        .map(|e| format!("{}{}年", e.typed, year.unwrap_or(0)));
    let as_typed = t.to_string();
    let reading = match year {
        None => {
            let time = time.ok_or(shape.clone())?;
            // 2000 is a leap year: 02-29 is a real day.
            NaiveDate::from_ymd_opt(2000, month, day).ok_or(DateError::NotExist)?;
            Reading::MonthDayTime(MonthDayTime {
                month,
                day,
                hour: time.hour(),
                minute: time.minute(),
            })
        }
        Some(y) => {
            let year = match &era {
                Some(e) => e.first.year() + y as i32 - 1,
                None => y as i32,
            };
            let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NotExist)?;
            if let Some(e) = &era {
                if y == 0 || date < e.first || e.next.is_some_and(|next| date >= next) {
                    return Err(DateError::OutsideEra {
                        era: typed_era.unwrap_or_default(),
                    });
                }
            }
            match time {
                Some(t) => Reading::DateTime(date.and_time(t)),
                None => Reading::Date(date),
            }
        }
    };
    Ok((reading, era.map(|_| as_typed)))
}
