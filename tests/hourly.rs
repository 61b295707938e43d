#![cfg(not(target_arch = "wasm32"))]
//! The buyer's own hourly volumes: every form people paste, what is
//! refused and where, the week shape and its link form.

mod common;

use proptest::prelude::*;
use supportcalc::model::hourly::{Date, Hourly, PasteErrorKind, Source, read_hourly};
use supportcalc::model::pattern::WeekShape;
use supportcalc::model::{
    ArrivalPattern, HOURS_PER_WEEK, HourCover, ModelKind, QueryWarningKind, Scenario,
    WEEKS_PER_MONTH, compute,
};

const SUNDAY_10: usize = 6 * 24 + 10;

/// A 7 × 24 grid with `value(day, hour)` in each cell.
fn grid(sep: &str, newline: &str, value: impl Fn(usize, usize) -> f64) -> String {
    (0..7)
        .map(|d| {
            (0..24)
                .map(|h| value(d, h).to_string())
                .collect::<Vec<_>>()
                .join(sep)
        })
        .collect::<Vec<_>>()
        .join(newline)
}

fn only_sunday_10(d: usize, h: usize) -> f64 {
    if d == 6 && h == 10 { 120.0 } else { 0.0 }
}

fn read(text: &str) -> Hourly {
    read_hourly(text, 5).unwrap_or_else(|e| panic!("{e:?} reading {text:?}"))
}

fn error_of(text: &str) -> (usize, PasteErrorKind, String) {
    let e = read_hourly(text, 5).expect_err(text);
    (e.line, e.kind, e.found)
}

#[test]
fn a_grid_reads_with_any_separator_and_line_ending() {
    let value = |d: usize, h: usize| (d * 100 + h) as f64;
    for sep in ["\t", ",", ";", " "] {
        for newline in ["\n", "\r\n", "\r"] {
            let h = read(&grid(sep, newline, value));
            assert_eq!(h.source, Source::Week);
            for hour in 0..HOURS_PER_WEEK {
                assert_eq!(
                    h.per_hour[hour],
                    value(hour / 24, hour % 24),
                    "{sep:?} {newline:?}"
                );
            }
        }
    }
}

#[test]
fn headers_labels_and_totals_are_read_around_the_numbers() {
    let hours: Vec<String> = (0..24).map(|h| format!("{h:02}:00")).collect();
    let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut text = format!("Day\t{}\r\n", hours.join("\t"));
    for (d, name) in days.iter().enumerate() {
        let row: Vec<String> = (0..24).map(|h| (d * 24 + h).to_string()).collect();
        text += &format!("{name}\t{}\r\n", row.join("\t"));
    }
    text += &format!("Total\t{}\r\n", vec!["999"; 24].join("\t"));
    let h = read(&text);
    assert_eq!(h.per_hour, std::array::from_fn(|i| i as f64));
    // Numbered hours as the header, and an empty corner.
    let numbered = format!(
        ",{}\n{}",
        (0..24).map(|h| h.to_string()).collect::<Vec<_>>().join(","),
        grid(",", "\n", only_sunday_10)
    );
    assert_eq!(read(&numbered).per_hour[SUNDAY_10], 120.0);
}

#[test]
fn a_week_that_starts_on_sunday_is_put_in_order_by_its_labels() {
    for names in [
        [
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
        ],
        ["Вс", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб"],
        [
            "日曜日",
            "月曜日",
            "火曜日",
            "水曜日",
            "木曜日",
            "金曜日",
            "土曜日",
        ],
    ] {
        let text: String = names
            .iter()
            .enumerate()
            .map(|(row, name)| {
                let v = if row == 0 { "5" } else { "1" };
                format!("{name};{}\n", vec![v; 24].join(";"))
            })
            .collect();
        let h = read(&text);
        assert_eq!(h.per_hour[SUNDAY_10], 5.0, "{names:?}");
        assert_eq!(h.per_hour[10], 1.0, "{names:?}");
    }
}

#[test]
fn hours_down_and_days_across_is_the_same_week() {
    let mut text = String::from("Hour,Mon,Tue,Wed,Thu,Fri,Sat,Sun\n");
    for h in 0..24 {
        let row: Vec<String> = (0..7).map(|d| only_sunday_10(d, h).to_string()).collect();
        text += &format!("{h}:00,{}\n", row.join(","));
    }
    let h = read(&text);
    assert_eq!(h.source, Source::Week);
    assert_eq!(h.per_hour[SUNDAY_10], 120.0);
    assert_eq!(h.per_week(), 120.0);
}

#[test]
fn one_day_is_laid_on_the_requested_days() {
    let column: String = (0..24).map(|h| format!("{}\n", h + 1)).collect();
    let h = read_hourly(&column, 3).expect("24 values");
    assert_eq!(h.source, Source::Day { days: 3 });
    assert_eq!(h.per_hour[2 * 24 + 5], 6.0);
    assert_eq!(h.per_hour[3 * 24 + 5], 0.0);
    assert_eq!(h.per_week(), 3.0 * 300.0);
    // `hour,count` rows are a day too.
    let rows: String = (0..24).map(|h| format!("{h:02}:00,{}\n", h + 1)).collect();
    assert_eq!(read_hourly(&rows, 3).expect("24 rows").per_hour, h.per_hour);
    // 168 values in a column are a week.
    let long: String = (0..168).map(|h| format!("{h}\n")).collect();
    assert_eq!(read(&long).per_hour[167], 167.0);
}

#[test]
fn hour_and_count_rows_are_a_day_with_or_without_a_header() {
    let count = |h: usize| (h * 10 + 5) as f64;
    let day: [f64; 24] = std::array::from_fn(count);
    for sep in ["\t", ",", ";", " "] {
        for header in [
            "",
            "hour{sep}count\n",
            "Час{sep}Обращений\n",
            "時{sep}件数\n",
        ] {
            let rows: String = (0..24).map(|h| format!("{h}{sep}{}\n", count(h))).collect();
            let text = header.replace("{sep}", sep) + &rows;
            let h = read_hourly(&text, 3).unwrap_or_else(|e| panic!("{e:?} in {text:?}"));
            assert_eq!(h.source, Source::Day { days: 3 }, "{text:?}");
            for d in 0..7 {
                let expected: [f64; 24] = if d < 3 { day } else { [0.0; 24] };
                assert_eq!(h.per_hour[d * 24..][..24], expected, "{text:?} day {d}");
            }
        }
    }
    // A help desk's report leaves out the hours without contacts.
    let h = read_hourly("hour,count\n9,40\n10,55\n14,7\n", 1).expect("three hours");
    let mut expected = [0.0; HOURS_PER_WEEK];
    (expected[9], expected[10], expected[14]) = (40.0, 55.0, 7.0);
    assert_eq!(h.per_hour, expected);
    // Seven runs of hours from 0 are a week from Monday.
    let week: String = (0..HOURS_PER_WEEK)
        .map(|i| format!("{}\t{}\n", i % 24, i))
        .collect();
    let h = read(&week);
    assert_eq!(h.source, Source::Week);
    assert_eq!(h.per_hour, std::array::from_fn(|i| i as f64));
}

#[test]
fn an_hour_past_23_is_named_and_other_two_column_rows_keep_their_reading() {
    let one_to_24: String = (1..=24).map(|h| format!("{h},5\n")).collect();
    assert_eq!(
        error_of(&format!("hour,count\n{one_to_24}")),
        (25, PasteErrorKind::NotAnHour, "24".into())
    );
    // Counts that do not rise are not hours: 12 rows of 2 stay a day of 24.
    let pairs: String = (0..12).map(|i| format!("{},{}\n", 30 - i, i)).collect();
    let h = read_hourly(&pairs, 1).expect("24 values");
    assert_eq!(h.per_hour[0], 30.0);
    assert_eq!(h.per_hour[1], 0.0);
    assert_eq!(h.per_hour[23], 11.0);
    // Two runs of hours are neither a day nor a week.
    let two_days: String = (0..48).map(|i| format!("{},1\n", i % 24)).collect();
    assert_eq!(error_of(&two_days).1, PasteErrorKind::Count { found: 96 });
}

#[test]
fn numbers_are_read_as_spreadsheets_write_them() {
    let cells = [
        ("\"1,234\"", 1234.0),
        ("1 234", 1234.0),
        ("\"1.234,5\"", 1234.5),
        ("\"1,234.5\"", 1234.5),
        ("12.5", 12.5),
        ("7%", 7.0),
        ("", 0.0),
    ];
    for (cell, want) in cells {
        let text = format!("1,{cell},{}", vec!["1"; 22].join(","));
        assert_eq!(read(&text).per_hour[1], want, "{cell}");
    }
    // With semicolons between cells the comma is a decimal mark.
    let text = format!("12,5;{}", vec!["1"; 23].join(";"));
    assert_eq!(read(&text).per_hour[0], 12.5);
}

#[test]
fn timestamps_are_counted_by_weekday_and_hour() {
    // 2026-11-01 is a Sunday.
    let text = "created_at\n\
        2026-11-01T10:15:00Z\n\
        2026-11-01 10:59:59\n\
        2026-11-01T10:05:00.123+09:00\n\
        2026-11-02 09:00\n";
    let h = read(text);
    assert_eq!(h.per_hour[SUNDAY_10], 3.0);
    assert_eq!(h.per_hour[9], 1.0);
    assert_eq!(
        h.source,
        Source::Log {
            contacts: 4.0,
            first: Date {
                year: 2026,
                month: 11,
                day: 1
            },
            last: Date {
                year: 2026,
                month: 11,
                day: 2
            },
        }
    );
}

#[test]
fn spreadsheet_dates_are_read_in_the_order_the_text_shows() {
    // Month first, as US spreadsheets write: 11/01/2026 is a Sunday.
    let us = "11/01/2026 10:15 AM\n11/1/2026 10:45 am\n11/02/2026 1:30 PM\n";
    let h = read(us);
    assert_eq!(h.per_hour[SUNDAY_10], 2.0);
    assert_eq!(h.per_hour[13], 1.0);
    // A day above 12 makes every slash date day first: Sunday 1 and Friday
    // 13 November, two of each weekday in the span.
    let eu = read("01/11/2026 10:15\n13/11/2026 12:15\n");
    assert_eq!(eu.per_hour[SUNDAY_10], 0.5);
    assert_eq!(eu.per_hour[4 * 24 + 12], 0.5);
    // Dots are day first; date and time in cells of their own.
    let ru = "Дата;Время\n01.11.2026;10:15\n01.11.2026;10:20\n";
    assert_eq!(read(ru).per_hour[SUNDAY_10], 2.0);
    // Japanese spreadsheets put the year first with slashes.
    assert_eq!(read("2026/11/01 10:15\n").per_hour[SUNDAY_10], 1.0);
}

#[test]
fn timestamp_and_count_pairs_add_up() {
    let text =
        "hour,tickets\r\n2026-11-01 10:00,30\r\n2026-11-01 11:00,5\r\n2026-11-08 10:00,10\r\n";
    let h = read(text);
    // Two Sundays in the span: the average Sunday 10:00 has 20.
    assert_eq!(h.per_hour[SUNDAY_10], 20.0);
    assert_eq!(h.per_hour[SUNDAY_10 + 1], 2.5);
    match h.source {
        Source::Log { contacts, .. } => assert_eq!(contacts, 45.0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_help_desk_export_is_one_contact_a_row() {
    let text = "id,created_at,subject,status\n\
        101,2026-11-01T10:01:00Z,\"Refund, please\",open\n\
        102,2026-11-01T10:30:00Z,\"He said \"\"hi\"\"\",solved\n\
        103,2026-11-03T16:00:00Z,Login,open\n";
    let h = read(text);
    assert_eq!(h.per_hour[SUNDAY_10], 2.0);
    assert_eq!(h.per_hour[24 + 16], 1.0);
}

#[test]
fn a_log_is_averaged_over_the_days_it_covers() {
    // Ten days from Sunday 1 November: Sunday, Monday and Tuesday occur
    // twice, the rest once; one contact at 09:00 every day.
    let text: String = (1..=10)
        .map(|d| format!("2026-11-{d:02} 09:15\n"))
        .collect();
    let h = read(&text);
    for day in 0..7 {
        assert_eq!(h.per_hour[day * 24 + 9], 1.0, "day {day}");
    }
    assert!((h.per_month() - 7.0 * WEEKS_PER_MONTH).abs() < 1e-9);
}

#[test]
fn errors_name_the_line_and_keep_to_what_was_expected() {
    assert_eq!(error_of("").1, PasteErrorKind::Empty);
    assert_eq!(error_of(" \r\n\t\n").1, PasteErrorKind::Empty);
    let mut text = grid("\t", "\n", |_, _| 1.0);
    text = text.replacen("\t1\n", "\tn/a\n", 1);
    assert_eq!(
        error_of(&text),
        (1, PasteErrorKind::NotANumber, "n/a".into())
    );
    let short = grid(",", "\n", |_, _| 1.0).replacen(",1\n", "\n", 2);
    assert_eq!(
        error_of(&short),
        (
            1,
            PasteErrorKind::RowLength {
                found: 23,
                expected: 24
            },
            String::new()
        )
    );
    assert_eq!(error_of("1,2,3").1, PasteErrorKind::Count { found: 3 });
    assert_eq!(
        error_of(&vec!["0"; 24].join(",")).1,
        PasteErrorKind::NoContacts
    );
    let negative = format!("-3,{}", vec!["1"; 23].join(","));
    assert_eq!(
        error_of(&negative),
        (1, PasteErrorKind::Negative, "-3".into())
    );
    let log = "2026-11-01 10:00\n2026-11-01 25:00\nnot a date\n";
    assert_eq!(
        error_of(log),
        (2, PasteErrorKind::NotATimestamp, "2026-11-01 25:00".into())
    );
    assert_eq!(
        error_of("2026-02-30 10:00\n").1,
        PasteErrorKind::NotATimestamp
    );
    // A day's hours are 00 to 23: Sunday 24:00 is no hour of that Sunday.
    assert_eq!(
        error_of("2026-11-01 24:00\n"),
        (1, PasteErrorKind::NotATimestamp, "2026-11-01 24:00".into())
    );
    assert_eq!(error_of("2026-11-01,34\n").1, PasteErrorKind::NotATimestamp);
    let pairs = "2026-11-01 10:00,3\n2026-11-01 11:00,lots\n";
    assert_eq!(
        error_of(pairs),
        (2, PasteErrorKind::NotANumber, "lots".into())
    );
    let negative_pair = "2026-11-01 10:00,3\n2026-11-01 11:00,-2\n";
    assert_eq!(
        error_of(negative_pair),
        (2, PasteErrorKind::Negative, "-2".into())
    );
    let long = "1".repeat(supportcalc::model::hourly::MAX_PASTE_CHARS + 1);
    assert!(matches!(error_of(&long).1, PasteErrorKind::TooLong { .. }));
}

#[test]
fn a_week_shape_keeps_every_hour_that_had_contacts() {
    let mut counts = [0.0; HOURS_PER_WEEK];
    counts[0] = 1_000_000.0;
    counts[1] = 1.0;
    counts[2] = f64::NAN;
    let shape = WeekShape::from_counts(&counts).expect("a shape");
    assert_eq!(shape.weights()[0], WeekShape::MAX);
    assert_eq!(shape.weights()[1], 1);
    assert_eq!(shape.weights()[2], 0);
    assert_eq!(WeekShape::from_counts(&[0.0; HOURS_PER_WEEK]), None);
    assert_eq!(WeekShape::from_counts(&[-1.0; HOURS_PER_WEEK]), None);
}

#[test]
fn a_custom_week_travels_in_the_link_and_back() {
    let mut s = Scenario::default();
    read(&grid(",", "\n", only_sunday_10)).apply_to(&mut s, true);
    let query = s.to_query();
    assert!(query.contains("&pattern=custom&week=1."), "{query}");
    let week = query
        .split("week=")
        .nth(1)
        .expect("week")
        .split('&')
        .next()
        .unwrap_or("");
    assert_eq!(week.len(), 2 + 2 * HOURS_PER_WEEK);
    let (back, warnings) = Scenario::from_query(&query);
    assert_eq!(warnings, vec![]);
    assert_eq!(back, s);
    assert_eq!(Scenario::from_saved(&query), Some(s));
}

#[test]
fn a_bad_week_in_a_link_is_named_and_the_default_pattern_kept() {
    let good = {
        let mut s = Scenario::default();
        read(&grid(",", "\n", only_sunday_10)).apply_to(&mut s, true);
        s.to_query()
    };
    let week = good.split("week=").nth(1).unwrap_or("").to_string();
    let cases = [
        "v=1&pattern=custom".to_string(),
        "v=1&pattern=custom&week=".to_string(),
        format!("v=1&pattern=custom&week=2{}", week.get(1..).unwrap_or("")),
        format!("v=1&pattern=custom&week={}", week.get(..100).unwrap_or("")),
        format!("v=1&pattern=custom&week={}", week.replace('A', "*")),
        format!(
            "v=1&pattern=custom&week=1.{}",
            "A".repeat(2 * HOURS_PER_WEEK)
        ),
    ];
    for query in &cases {
        let (s, warnings) = Scenario::from_query(query);
        assert_eq!(s.pattern, ArrivalPattern::default(), "{query}");
        assert_eq!(warnings.len(), 1, "{query}");
        assert_eq!(warnings[0].key, "week");
        assert_eq!(warnings[0].kind, QueryWarningKind::BadWeek);
    }
    // The named pattern wins over a stray week.
    let stray = good.replace("pattern=custom", "pattern=flat");
    let (s, warnings) = Scenario::from_query(&stray);
    assert_eq!((s.pattern, warnings), (ArrivalPattern::Flat, vec![]));
}

#[test]
fn pasted_volumes_replace_the_typed_ones_in_the_same_mix_unless_kept() {
    let text = grid(",", "\n", |d, h| {
        if d < 5 && (9..17).contains(&h) {
            10.0
        } else {
            0.0
        }
    });
    let h = read(&text);
    let per_month = (400.0 * WEEKS_PER_MONTH).round();
    let mut kept = Scenario::default();
    h.apply_to(&mut kept, true);
    assert_eq!(kept.phone_per_month, Scenario::default().phone_per_month);
    let mut replaced = Scenario::default();
    h.apply_to(&mut replaced, false);
    let [p, c, e] = [
        replaced.phone_per_month,
        replaced.chat_per_month,
        replaced.email_per_month,
    ];
    assert_eq!(p + c + e, per_month);
    let d = Scenario::default();
    let typed = d.phone_per_month + d.chat_per_month + d.email_per_month;
    assert!((p / per_month - d.phone_per_month / typed).abs() < 0.01);
    assert!(replaced.validate().is_empty());
    // With no typed volume, it is all phone.
    let mut empty = Scenario {
        phone_per_month: 0.0,
        chat_per_month: 0.0,
        email_per_month: 0.0,
        ..Scenario::default()
    };
    h.apply_to(&mut empty, false);
    assert_eq!(empty.phone_per_month, per_month);
}

#[test]
fn staffing_follows_a_week_of_sunday_mornings() {
    let mut s = Scenario {
        all_week: true,
        ..Scenario::default()
    };
    read(&grid("\t", "\n", only_sunday_10)).apply_to(&mut s, true);
    let o = compute(&s);
    let dedicated = &o.model(ModelKind::Dedicated).unwrap().hours;
    let busiest = dedicated
        .iter()
        .enumerate()
        .max_by_key(|(_, c)| match c {
            HourCover::Dedicated { agents } => *agents,
            _ => 0,
        })
        .map(|(h, _)| h);
    assert_eq!(busiest, Some(SUNDAY_10));
    let agents_at = |h: usize| match dedicated[h] {
        HourCover::Dedicated { agents } => agents,
        _ => 0,
    };
    // Every call and chat arrives in that hour, so it needs a crowd; the
    // other hours keep the floor of a covered hour, one blended seat,
    // except the response window after the peak, where the emails that
    // came with it are worked.
    let peak = agents_at(SUNDAY_10);
    let others: Vec<u32> = (0..HOURS_PER_WEEK)
        .filter(|&h| h != SUNDAY_10)
        .map(agents_at)
        .collect();
    let most = others.iter().copied().max().unwrap_or(0);
    assert!(peak > 20 && most * 4 < peak, "{peak} against {others:?}");
    assert_eq!(others.iter().copied().min(), Some(1), "{others:?}");
    let window = s.email_window_h as usize;
    for h in (0..HOURS_PER_WEEK).filter(|&h| h != SUNDAY_10 && agents_at(h) > 1) {
        let after = (h + HOURS_PER_WEEK - SUNDAY_10) % HOURS_PER_WEEK;
        assert!(after <= window, "{h}: {others:?}");
    }
}

proptest! {
    #![proptest_config(common::cases(256))]

    #[test]
    fn any_text_returns_without_panicking(text in "\\PC{0,400}", days in 0usize..12) {
        let _ = read_hourly(&text, days);
    }

    #[test]
    fn text_made_of_the_formats_pieces_returns_without_panicking(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "2026-11-01", "T", " ", "10:15", ":00", "Z", "+09:00", "AM", "pm", ",", ";",
                "\t", "\n", "\r\n", "\r", "\"", "1", "-3", "1,5", "12.5", "%", "Mon", "Вс",
                "日曜日", "Total", "13/11/2026", "02.30.2026", "99:99", "", "n/a", "0", "24",
            ]),
            0..200,
        ),
        days in 1usize..=7,
    ) {
        let text: String = pieces.concat();
        if let Ok(h) = read_hourly(&text, days) {
            prop_assert!(h.per_hour.iter().all(|v| v.is_finite() && *v >= 0.0));
            prop_assert!(h.per_week() > 0.0);
        }
    }

    #[test]
    fn a_pasted_grid_reads_back_exactly(
        cells in prop::collection::vec(0u32..100_000, HOURS_PER_WEEK),
        sep in prop::sample::select(vec!["\t", ",", ";", " "]),
        newline in prop::sample::select(vec!["\n", "\r\n"]),
        labels in any::<bool>(),
    ) {
        prop_assume!(cells.iter().any(|&c| c > 0));
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let text: String = (0..7)
            .map(|d| {
                let row: Vec<String> = cells[d * 24..][..24].iter().map(u32::to_string).collect();
                let label = if labels { format!("{}{sep}", names[d]) } else { String::new() };
                format!("{label}{}{newline}", row.join(sep))
            })
            .collect();
        let h = read_hourly(&text, 5).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        for (got, want) in h.per_hour.iter().zip(&cells) {
            prop_assert_eq!(*got, f64::from(*want));
        }
    }

    #[test]
    fn logged_contacts_are_all_counted(
        stamps in prop::collection::vec((0i64..400, 0usize..24, 0u32..60), 1..200),
    ) {
        // Days from Monday 2026-01-05.
        let text: String = stamps
            .iter()
            .map(|&(day, hour, minute)| {
                let date = civil(20_458 + day);
                format!("{:04}-{:02}-{:02}T{hour:02}:{minute:02}:00Z\n", date.0, date.1, date.2)
            })
            .collect();
        let h = read_hourly(&text, 5).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        match h.source {
            Source::Log { contacts, .. } => prop_assert_eq!(contacts, stamps.len() as f64),
            other => prop_assert!(false, "{:?}", other),
        }
        for &(day, hour, _) in &stamps {
            prop_assert!(h.per_hour[(day as usize % 7) * 24 + hour] > 0.0);
        }
    }

    #[test]
    fn a_week_shape_round_trips_through_its_link_form(
        weights in prop::collection::vec(0u16..=WeekShape::MAX, HOURS_PER_WEEK),
    ) {
        let counts: [f64; HOURS_PER_WEEK] = std::array::from_fn(|h| f64::from(weights[h]));
        if let Some(shape) = WeekShape::from_counts(&counts) {
            prop_assert_eq!(WeekShape::from_link(&shape.to_link()), Some(shape));
        }
    }

    #[test]
    fn a_week_link_value_never_panics(text in "[A-Za-z0-9_.~-]{0,400}") {
        let _ = WeekShape::from_link(&text);
    }
}

/// (year, month, day) of a day counted from 1970-01-01.
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[test]
fn the_29th_of_february_is_a_date_in_leap_years_only() {
    // The Gregorian rule: every fourth year is a leap year, but not a
    // century unless it divides by 400. 29 February 2024 was a Thursday,
    // 29 February 2000 a Tuesday; 1900 and 2023 had no 29 February.
    let thursday_10 = 3 * 24 + 10;
    assert_eq!(read("2024-02-29 10:15\n").per_hour[thursday_10], 1.0);
    assert_eq!(read("29.02.2024 10:15\n").per_hour[thursday_10], 1.0);
    assert_eq!(read("2000-02-29 10:15\n").per_hour[24 + 10], 1.0);
    for no_such_day in [
        "1900-02-29 10:15\n",
        "2023-02-29 10:15\n",
        "2024-02-30 10:15\n",
    ] {
        assert_eq!(
            error_of(no_such_day),
            (1, PasteErrorKind::NotATimestamp, no_such_day.trim().into())
        );
    }
}

#[test]
fn a_log_across_a_century_reads_each_day_on_its_weekday() {
    // Friday 31 December 1999 to Sunday 2 January 2000, one contact at
    // 10:15 each day: three days, each weekday once, so Friday, Saturday
    // and Sunday 10:00 have one contact each. 1 January 2100, past another
    // century's end, is a Friday too.
    let h = read("1999-12-31 10:15\n2000-01-01 10:15\n2000-01-02 10:15\n");
    for day in 0..7 {
        let expected = if day >= 4 { 1.0 } else { 0.0 };
        assert_eq!(h.per_hour[day * 24 + 10], expected, "day {day}");
    }
    assert_eq!(read("2100-01-01 10:15\n").per_hour[4 * 24 + 10], 1.0);
}

#[test]
fn a_log_of_the_first_days_of_1970_averages_each_weekday_over_its_days() {
    // Thursday 1 January 1970 to Wednesday 14 January, one contact at 10:15
    // each day, and a second on the two Thursdays: two weeks, each weekday
    // twice, so each weekday's 10:00 averages (1 + 1) / 2 = 1 contact and
    // Thursday's (2 + 2) / 2 = 2. The same log 56 years on (1 January 2026 is a Thursday too,
    // 2,922 weeks later) reads the same week.
    let log = |year: u32| -> String {
        let mut text = String::new();
        for day in 1..=14 {
            text += &format!("{year}-01-{day:02} 10:15\n");
        }
        text += &format!("{year}-01-01 10:30\n{year}-01-08 10:30\n");
        text
    };
    let h = read(&log(1970));
    for day in 0..7 {
        let expected = if day == 3 { 2.0 } else { 1.0 };
        assert_eq!(h.per_hour[day * 24 + 10], expected, "day {day}");
    }
    assert_eq!(read(&log(2026)).per_hour, h.per_hour);
}
