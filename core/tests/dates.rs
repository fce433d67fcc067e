//! The one reader of dates (`kyoyu_core::dates`): every shape people write, 和暦 only where the
//! form allows it, the written format, the printed format, and hints and messages that show
//! the same examples.

use chrono::{NaiveDate, NaiveDateTime};
use kyoyu_core::dates::{
    self, format_when, month_day_time, now_written, read, shown, written, DateError, DateKind,
    Eras, MonthDayTime, Reading, When,
};
use kyoyu_core::forms::FormKind;
use kyoyu_core::render::format_datetime;
use kyoyu_core::validate::checks;

fn dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn seireki_in_every_shape_people_write() {
    let t = When::DateTime(dt("2023-08-19 13:15"));
    for s in [
        "2023-08-19T13:15",
        "2023-08-19 13:15",
        "2023-08-19T13:15:00",
        "2023/08/19 13:15",
        "2023/8/19 13:15",
        "2023.8.19 13:15",
        "2023年8月19日 13時15分",
        "2023年8月19日13時15分",
        "2023 年 8月 19 日 13 時 15 分",
        "2023年8月19日 13:15",
        "2023年8月19日(土) 13:15",
        "2023/8/19（土曜日） 13:15",
        "２０２３-０８-１９Ｔ１３:１５",
        "２０２３年８月１９日　１３時１５分",
        "  2023-08-19 13:15  ",
    ] {
        assert_eq!(dates::when(s, Eras::Western), Ok(t), "{s}");
    }
    assert_eq!(
        dates::when("2023年8月19日 13時", Eras::Western),
        Ok(When::DateTime(dt("2023-08-19 13:00")))
    );
    assert_eq!(
        dates::when("2023/8/19 9:05", Eras::Western),
        Ok(When::DateTime(dt("2023-08-19 09:05")))
    );
    for s in [
        "2023-08-19",
        "2023/8/19",
        "2023年8月19日",
        "２０２３年８月１９日",
    ] {
        assert_eq!(
            dates::when(s, Eras::Western),
            Ok(When::Date(day(2023, 8, 19))),
            "{s}"
        );
    }
    assert_eq!(
        dates::when("2024-02-29", Eras::Western),
        Ok(When::Date(day(2024, 2, 29)))
    );
}

#[test]
fn what_is_not_a_date() {
    for s in [
        "2023-02-29",
        "2023-08-19T24:00",
        "2023-13-01",
        "2023年8月32日",
        "2023-08-19 13:60",
    ] {
        assert_eq!(
            dates::when(s, Eras::Western),
            Err(DateError::NotExist),
            "{s}"
        );
    }
    for s in [
        "",
        "23-08-19",
        "8月19日",
        "XX/XX 00:00",
        "2023",
        "2023-08-1913:15",
        "2023-08-19-13-15",
        "昨日の夜",
        "2023-08-19 1:5",
    ] {
        assert_eq!(
            dates::when(s, Eras::Western),
            Err(DateError::Shape(DateKind::DateTime)),
            "{s:?}"
        );
    }
}

#[test]
fn wareki_where_the_form_allows_it() {
    // The two 共通様式 say nothing of the calendar: 和暦 is read.
    assert_eq!(Eras::of(FormKind::Ddos), Eras::AlsoJapanese);
    assert_eq!(Eras::of(FormKind::Ransomware), Eras::AlsoJapanese);
    let any = Eras::AlsoJapanese;
    assert_eq!(
        dates::when("令和7年10月1日", any),
        Ok(When::Date(day(2025, 10, 1)))
    );
    assert_eq!(
        dates::when("令和元年5月1日", any),
        Ok(When::Date(day(2019, 5, 1)))
    );
    assert_eq!(
        dates::when("R7.10.1 9:30", any),
        Ok(When::DateTime(dt("2025-10-01 09:30")))
    );
    assert_eq!(dates::when("H30/1/1", any), Ok(When::Date(day(2018, 1, 1))));
    assert_eq!(
        dates::when("平成31年4月30日", any),
        Ok(When::Date(day(2019, 4, 30)))
    );
    assert_eq!(
        dates::when("㋿7年10月1日 13時15分", any),
        Ok(When::DateTime(dt("2025-10-01 13:15")))
    );
    assert_eq!(
        dates::when("昭和64年1月7日", any),
        Ok(When::Date(day(1989, 1, 7)))
    );
    // Outside the era.
    for s in [
        "平成32年1月1日",
        "令和元年4月30日",
        "令和0年5月1日",
        "昭和64年1月8日",
    ] {
        assert!(
            matches!(dates::when(s, any), Err(DateError::OutsideEra { .. })),
            "{s}"
        );
    }
    assert!(DateError::OutsideEra {
        era: "平成32年".into()
    }
    .message("報告日時")
    .contains("平成32年"));
}

#[test]
fn wareki_is_refused_on_the_forms_that_say_seireki_with_the_seireki_in_the_message() {
    assert_eq!(Eras::of(FormKind::Incident), Eras::Western);
    assert_eq!(Eras::of(FormKind::Advisory), Eras::Western);
    for wareki in [
        "令和7年8月19日",
        "令和元年5月1日",
        "R7.8.19",
        "H30/1/1",
        "平成31年4月30日",
        "令和7年8月頃",
    ] {
        let e = dates::when(wareki, Eras::Western).unwrap_err();
        assert!(
            matches!(e, DateError::JapaneseEra { .. }),
            "{wareki}: {e:?}"
        );
        assert!(
            e.message("判明日時")
                .contains("判明日時は西暦で記入してください"),
            "{}",
            e.message("判明日時")
        );
    }
    let m = dates::when("令和7年10月1日 9時", Eras::Western)
        .unwrap_err()
        .message("判明日時");
    assert!(
        m.contains("令和7年10月1日") && m.contains("「2025-10-01T09:00」"),
        "{m}"
    );
    assert_eq!(
        dates::japanese_era("令和7年8月19日").as_deref(),
        Some("令和7年")
    );
    assert_eq!(dates::japanese_era("R7.8.19").as_deref(), Some("R7"));
    assert_eq!(dates::japanese_era("2023-08-19"), None);
    assert_eq!(dates::japanese_era("Reiwa"), None);
}

#[test]
fn attack_times_without_year() {
    let s = month_day_time("08-19T13:15").unwrap();
    assert_eq!(
        s,
        MonthDayTime {
            month: 8,
            day: 19,
            hour: 13,
            minute: 15
        }
    );
    for other in [
        "8/19 13:15",
        "8月19日 13時15分",
        "０８-１９Ｔ１３:１５",
        "2025-08-19T13:15",
        "令和7年8月19日 13:15",
    ] {
        assert_eq!(month_day_time(other), Ok(s), "{other}");
    }
    let e = month_day_time("08-19T14:00").unwrap();
    assert!(s.precedes(e) && !e.precedes(s));
    let dec = month_day_time("12-31T23:00").unwrap();
    let jan = month_day_time("01-01T01:00").unwrap();
    assert!(dec.precedes(jan));
    assert!(month_day_time("02-29T00:00").is_ok());
    assert_eq!(month_day_time("02-30T00:00"), Err(DateError::NotExist));
    assert_eq!(
        month_day_time("8月19日"),
        Err(DateError::Shape(DateKind::MonthDayTime))
    );
    assert_eq!(
        month_day_time("2025-08-19"),
        Err(DateError::Shape(DateKind::MonthDayTime))
    );
}

#[test]
fn order_of_two_times() {
    let a = dates::when("2023-08-18T20:00", Eras::Western).unwrap();
    let b = dates::when("2023-08-19T02:59", Eras::Western).unwrap();
    assert!(b.is_after(a) && !a.is_after(b));
    // A date alone is compared by date only.
    let d = dates::when("2023-08-19", Eras::Western).unwrap();
    assert!(!d.is_after(b) && !b.is_after(d));
}

#[test]
fn written_back_in_the_forms_format_and_shown_as_printed() {
    assert_eq!(
        written("2023年8月19日 13時15分", DateKind::DateTime, Eras::Western).as_deref(),
        Some("2023-08-19T13:15")
    );
    assert_eq!(
        written("2023/8/19", DateKind::Date, Eras::Western).as_deref(),
        Some("2023-08-19")
    );
    assert_eq!(
        written("令和7年10月1日", DateKind::Date, Eras::AlsoJapanese).as_deref(),
        Some("2025-10-01")
    );
    assert_eq!(
        written("令和7年10月1日", DateKind::Date, Eras::Western),
        None
    );
    assert_eq!(
        written("8/19 9:05", DateKind::MonthDayTime, Eras::AlsoJapanese).as_deref(),
        Some("08-19T09:05")
    );
    assert_eq!(
        written(
            "2025-08-19 9:05",
            DateKind::MonthDayTime,
            Eras::AlsoJapanese
        )
        .as_deref(),
        Some("08-19T09:05")
    );
    assert_eq!(
        written("XX/XX 00:00", DateKind::DateTime, Eras::Western),
        None
    );

    let r = read(
        "２０２３年８月１９日 １３時１５分",
        DateKind::DateTime,
        Eras::Western,
    )
    .unwrap();
    assert_eq!(r, Reading::DateTime(dt("2023-08-19 13:15")));
    assert_eq!(r.shown(), "2023年8月19日 13時15分");
    assert_eq!(
        format_when(When::DateTime(dt("2023-08-19 09:05"))),
        "2023年8月19日 9時5分"
    );

    // Print reads what validation reads (render::format_datetime is this reader).
    for (raw, printed) in [
        ("2023-08-19T13:15", "2023年8月19日 13時15分"),
        ("2023年8月19日 13時15分", "2023年8月19日 13時15分"),
        ("08-19T02:05", "8月19日 2時5分"),
        ("2023-08-19", "2023年8月19日"),
        ("令和7年10月1日", "2025年10月1日"),
        ("XX/XX 00:00", "XX/XX 00:00"),
        ("", ""),
    ] {
        assert_eq!(shown(raw), printed, "{raw}");
        assert_eq!(format_datetime(raw), printed, "{raw}");
    }

    let now = dt("2025-10-01 09:07");
    assert_eq!(now_written(now, DateKind::DateTime), "2025-10-01T09:07");
    assert_eq!(now_written(now, DateKind::Date), "2025-10-01");
    assert_eq!(now_written(now, DateKind::MonthDayTime), "10-01T09:07");
}

#[test]
fn the_hint_and_the_message_show_the_same_example() {
    for kind in [DateKind::DateTime, DateKind::Date, DateKind::MonthDayTime] {
        let m = DateError::Shape(kind).message("判明日時");
        for eras in [Eras::Western, Eras::AlsoJapanese] {
            let hint = kind.hint(eras);
            assert!(
                hint.contains(kind.examples()) && m.contains(kind.examples()),
                "{hint} / {m}"
            );
            assert!(!hint.contains("例: 例") && !hint.contains("(("), "{hint}");
        }
        // Each example in the hint is read by the reader, and written back as its first one.
        let ex: Vec<&str> = kind
            .examples()
            .split(['「', '」'])
            .filter(|s| !s.is_empty() && *s != "又は")
            .collect();
        assert_eq!(ex.len(), 2, "{ex:?}");
        for e in &ex {
            assert_eq!(
                written(e, kind, Eras::Western).as_deref(),
                Some(ex[0]),
                "{e}"
            );
        }
    }
    assert!(DateKind::DateTime.hint(Eras::AlsoJapanese).contains("令和"));
    assert!(!DateKind::DateTime.hint(Eras::Western).contains("令和"));
}

#[test]
fn validation_uses_the_reader_and_the_forms_rule_on_wareki() {
    use kyoyu_core::forms::{DdosReport, IncidentReport, Report};
    use kyoyu_core::validate::validate;
    // checks::date_time is the reader with 西暦 only.
    assert_eq!(
        checks::date_time("2023年8月19日 13時15分"),
        Ok(When::DateTime(dt("2023-08-19 13:15")))
    );
    assert!(matches!(
        checks::date_time("令和7年8月19日"),
        Err(checks::Problem::Date(DateError::JapaneseEra { .. }))
    ));

    let mut incident = IncidentReport::default();
    incident.overview.discovered_at = "令和5年8月18日 20時00分".into();
    incident.timeline.push(kyoyu_core::forms::TimelineRow {
        at: "令和5年8月18日 20時".into(),
        description: "x".into(),
    });
    let f = validate(&Report::Incident(incident));
    let at = |p: &str| {
        f.iter()
            .find(|f| f.path == p)
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    assert!(
        at("overview.discovered_at").contains("「2023-08-18T20:00」"),
        "{f:?}"
    );
    assert!(at("timeline[0].at").contains("西暦で記入"), "{f:?}");

    let mut ddos = DdosReport::default();
    ddos.header.reported_at = "令和7年10月15日 9時00分".into();
    ddos.timeline.push(kyoyu_core::forms::TimelineRow {
        at: "令和7年10月14日 8時05分".into(),
        description: "x".into(),
    });
    let f = validate(&Report::Ddos(ddos));
    assert!(
        !f.iter()
            .any(|f| f.path == "header.reported_at" || f.path == "timeline[0].at"),
        "{f:?}"
    );
}

#[test]
fn never_panics_on_odd_text() {
    for s in [
        "令和",
        "R",
        "R7",
        "令和元",
        "(",
        "(土",
        "2023年(月)",
        "１",
        "元年",
        "R7.",
        "T",
        "日",
        ":",
        "2023--08",
        "99999999999-1-1",
    ] {
        let _ = dates::when(s, Eras::AlsoJapanese);
        let _ = dates::when(s, Eras::Western);
        let _ = month_day_time(s);
        let _ = shown(s);
        let _ = dates::japanese_era(s);
    }
}
