#![cfg(not(target_arch = "wasm32"))]
//! Saved scenarios side by side: what differs, which is cheapest, and the
//! one link value that carries them all.

mod common;

use proptest::prelude::*;
use supportcalc::model::compare::{
    Input, MAX_LINK_CHARS, MAX_NAME_CHARS, MAX_SAVED, Saved, cheapest, clean_name, differences,
    from_link, to_link,
};
use supportcalc::model::pattern::WeekShape;
use supportcalc::model::query::{SetProblem, raw_value};
use supportcalc::model::{
    ArrivalPattern, Field, Preset, QueryWarningKind, Region, Scenario, figures,
};

fn saved(name: &str, scenario: Scenario) -> Saved {
    Saved {
        name: name.into(),
        scenario,
    }
}

fn with_phone(phone: f64) -> Scenario {
    Scenario {
        phone_per_month: phone,
        ..Scenario::default()
    }
}

#[test]
fn a_set_travels_in_one_link_value_and_comes_back_exactly() {
    let set = vec![
        saved("Today", Scenario::default()),
        saved("With 24/7 ~ *; & = %", Preset::Enterprise247.scenario()),
        saved("Offshore, twice the calls", {
            let mut s = with_phone(8_000.0);
            s.region = Region::Offshore;
            s.rate_per_hour = Region::Offshore.default_rate_per_hour();
            s
        }),
        saved("日本語の名前", with_phone(120.0)),
    ];
    let value = to_link(&set);
    assert!(value.starts_with("2~Today*"), "{value}");
    assert!(value.ends_with("~*4"), "{value}");
    assert!(!value.contains('&') && !value.contains(' '), "{value}");
    let (back, problem) = from_link(&value);
    assert_eq!(problem, None);
    assert_eq!(back, set);
    // The page finds it in a whole query, beside the other keys.
    let query = format!("?v=1&phone=5&cmp={value}&lang=ja");
    assert_eq!(raw_value(&query, "cmp"), Some(value.as_str()));
    assert_eq!(raw_value(&query, "cm"), None);
    assert_eq!(raw_value("cmp=a&cmp=b", "cmp"), Some("b"));
    assert_eq!(to_link(&[]), "");
}

#[test]
fn a_buyers_own_week_travels_in_the_set_too() {
    let mut counts = [0.0; supportcalc::model::HOURS_PER_WEEK];
    counts[6 * 24 + 10] = 120.0;
    counts[9] = 3.0;
    let mut own = with_phone(900.0);
    own.pattern = ArrivalPattern::Custom(WeekShape::from_counts(&counts).expect("a week"));
    let set = vec![saved("Ours", own), saved("Preset", Scenario::default())];
    let value = to_link(&set);
    let (back, problem) = from_link(&value);
    assert_eq!(problem, None);
    assert_eq!(back, set);
    let rows = differences(&set);
    assert!(rows.contains(&Input::Pattern), "{rows:?}");
}

fn problem_of(value: &str) -> SetProblem {
    let (set, problem) = from_link(value);
    assert!(set.is_empty(), "{value:.80}: {set:?}");
    let problem = problem.expect("named in the notice");
    assert_eq!(problem.key, "cmp");
    assert!(problem.value.chars().count() <= 64);
    match problem.kind {
        QueryWarningKind::BadSet { problem } => problem,
        kind => panic!("{kind:?}"),
    }
}

#[test]
fn a_set_that_cannot_be_read_whole_is_dropped_whole_and_named_with_why() {
    let good = to_link(&[saved("A", with_phone(10.0)), saved("B", with_phone(20.0))]);
    let body = good.strip_suffix("~*2").expect("the count last");
    let cases = [
        ("3~A*phone=1~*1".to_string(), SetProblem::Version),
        ("garbage".to_string(), SetProblem::Version),
        (
            format!("1~A*phone=1~{}", "x".repeat(7_000)),
            SetProblem::TooLong,
        ),
        (
            format!("{body}~C*phone=abc~*3"),
            SetProblem::Unreadable { index: 3 },
        ),
        (
            format!("{body}~C*pho~*3"),
            SetProblem::Unreadable { index: 3 },
        ),
        (
            format!("{body}~no-star-here~*3"),
            SetProblem::Unreadable { index: 3 },
        ),
        (
            format!("{body}~C*phone=3~D*phone=4~E*phone=5~*5"),
            SetProblem::TooMany,
        ),
        // The count says a scenario is missing: the link was cut after it.
        (format!("{body}~*3"), SetProblem::Cut),
    ];
    for (value, why) in cases {
        assert_eq!(problem_of(&value), why, "{value:.80}");
    }
    // A set of exactly MAX_LINK_CHARS reads (its first name grown, then cut
    // to its length); one character more and it is too long to read.
    let padded =
        |total: usize| good.replacen("A*", &format!("A{}*", "x".repeat(total - good.len())), 1);
    assert_eq!(padded(MAX_LINK_CHARS).len(), MAX_LINK_CHARS);
    assert_eq!(from_link(&padded(MAX_LINK_CHARS)).0.len(), 2);
    assert_eq!(problem_of(&padded(MAX_LINK_CHARS + 1)), SetProblem::TooLong);
    // Cut at any character, no scenario of the set is shown.
    for cut in 1..good.len() {
        problem_of(&good[..cut]);
    }
    // Version 1 links, without the count, still read; a cut one that
    // leaves a key the model does not read or no `*` is dropped whole.
    let v1 = "1~A*phone=10~B*phone=20";
    assert_eq!(from_link(v1).0.len(), 2);
    assert_eq!(
        problem_of("1~A*phone=10~B*pho"),
        SetProblem::Unreadable { index: 2 }
    );
    assert_eq!(
        problem_of("1~A*phone=10~Scenario%202"),
        SetProblem::Unreadable { index: 2 }
    );
}

#[test]
fn names_are_cleaned_and_cut() {
    assert_eq!(
        clean_name("  Option\tA \n with\u{0}24/7  "),
        "Option A with 24/7"
    );
    assert_eq!(clean_name(&"é".repeat(100)).chars().count(), MAX_NAME_CHARS);
    assert_eq!(clean_name("\u{7}\u{1b}"), "");
    // A cut just after a space leaves none at the end (found at 100,000 cases).
    let name = format!("{} b", "a".repeat(MAX_NAME_CHARS - 1));
    assert_eq!(clean_name(&name), "a".repeat(MAX_NAME_CHARS - 1));
    assert_eq!(clean_name(&clean_name(&name)), clean_name(&name));
}

#[test]
fn only_what_differs_is_listed_in_form_order() {
    assert!(differences(&[]).is_empty());
    let one = [saved("A", Scenario::default())];
    assert!(differences(&one).is_empty());
    let mut b = with_phone(9_000.0);
    b.all_week = true;
    let set = [
        saved("A", Scenario::default()),
        saved("B", b),
        saved("C", Scenario::default()),
    ];
    assert_eq!(
        differences(&set),
        vec![Input::Number(Field::Phone), Input::AllWeek]
    );
}

#[test]
fn the_cheapest_is_the_one_whose_pick_costs_least_over_the_year() {
    let small = figures(&with_phone(500.0));
    let large = figures(&with_phone(50_000.0));
    assert_eq!(cheapest(&[large.clone(), small.clone()]), Some(1));
    assert_eq!(cheapest(std::slice::from_ref(&small)), None);
    // A tie names none.
    assert_eq!(cheapest(&[small.clone(), small]), None);
}

proptest! {
    #![proptest_config(common::cases(256))]
    /// Any text is a `cmp=` value that reads without panicking, to at most
    /// four scenarios, each with a clean name, and writes back to a value
    /// that reads the same.
    #[test]
    fn any_text_is_a_set(raw in prop_oneof![
        "\\PC{0,200}",
        "1~[A-Za-z%~*;=0-9 ]{0,120}",
        "1(~[a-z]{0,6}\\*(phone|chat|region|h24)=[a-z0-9.]{0,6}){0,6}",
    ]) {
        let (set, _) = from_link(&raw);
        prop_assert!(set.len() <= MAX_SAVED);
        for s in &set {
            prop_assert_eq!(&clean_name(&s.name), &s.name);
        }
        let (again, problem) = from_link(&to_link(&set));
        prop_assert_eq!(problem, None);
        prop_assert_eq!(again, set);
    }
}

#[test]
fn a_year_of_the_buyers_own_months_travels_in_the_set_and_differs() {
    let mut own = with_phone(900.0);
    own.year = supportcalc::model::YearProfile([
        1.2, 1.0, 1.0, 0.8, 1.0, 1.0, 2.5, 2.5, 1.0, 1.0, 1.0, 1.1,
    ]);
    let mut retail = with_phone(900.0);
    retail.year = supportcalc::model::Season::Retail
        .profile()
        .expect("a preset");
    let set = vec![saved("Ours", own), saved("Retail", retail)];
    let (back, problem) = from_link(&to_link(&set));
    assert_eq!(problem, None);
    assert_eq!(back, set);
    assert_eq!(differences(&set), vec![Input::Year]);
}
