#![cfg(not(target_arch = "wasm32"))]
//! The page's own link keys (language, currency, embed mode, accent,
//! preset, sections) and the exports: untrusted values are dropped with a
//! warning, good ones round-trip, and the CSV carries the model's figures.

mod common;

use proptest::prelude::*;
use supportcalc::export::{CheckedQuote, QuoteWords, Report, Words, csv, file_name};
use supportcalc::i18n::Lang;
use supportcalc::model::quote::{NamedQuote, QuoteBasis, VendorQuote};
use supportcalc::model::{
    Currency, Money, Month, Preset, QueryWarningKind, Scenario, compute, figures,
};
use supportcalc::options::{PageOptions, Section, has_scenario};

#[test]
fn a_host_page_sets_language_accent_preset_and_sections() {
    let (o, warnings) = PageOptions::from_query(
        "?embed=1&lang=ja&accent=%230F766E&preset=enterprise&show=results,curves",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(o.embed);
    assert_eq!(o.lang, Some(Lang::Ja));
    assert_eq!(o.accent.as_deref(), Some("#0f766e"));
    assert_eq!(o.preset, Some(Preset::Enterprise247));
    assert!(o.shows(Section::Results) && o.shows(Section::Curves));
    assert!(!o.shows(Section::Inputs) && !o.shows(Section::Quotes));
    // The page keeps what it was opened with; a shared link keeps only
    // what its reader needs.
    assert_eq!(
        o.page_query(),
        "&lang=ja&embed=1&accent=0f766e&show=results,curves"
    );
    assert_eq!(o.share_query(), "&lang=ja");
}

#[test]
fn in_a_frame_only_the_sections_a_host_names_start_open() {
    // The full page opens everything.
    let (page, _) = PageOptions::from_query("show=results,curves");
    assert!(Section::ALL.into_iter().all(|s| page.opens(s)));
    // A frame with no list: every section there, each closed.
    let (frame, _) = PageOptions::from_query("embed=1");
    assert!(
        Section::ALL
            .into_iter()
            .all(|s| frame.shows(s) && !frame.opens(s))
    );
    // A frame with a list opens what it names.
    let (named, _) = PageOptions::from_query("embed=1&show=results,curves");
    assert!(named.opens(Section::Curves));
    assert!(!named.shows(Section::Quotes));
}

#[test]
fn a_host_page_labels_its_call_to_action() {
    let (o, warnings) = PageOptions::from_query("embed=1&cta=Get%20this%20%20quote%0A");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(o.cta.as_deref(), Some("Get this quote"));
    // The frame's own address keeps it; a link for a person does not.
    assert_eq!(o.page_query(), "&embed=1&cta=Get%20this%20quote");
    assert_eq!(o.share_query(), "");
    let (ja, _) = PageOptions::from_query(
        "cta=%E8%A6%8B%E7%A9%8D%E3%82%82%E3%82%8A%E3%82%92%E4%BE%9D%E9%A0%BC",
    );
    assert_eq!(ja.cta.as_deref(), Some("見積もりを依頼"));
    for bad in ["", "%20%09", &"x".repeat(41)] {
        let (o, warnings) = PageOptions::from_query(&format!("cta={bad}"));
        assert_eq!(o.cta, None, "{bad:?}");
        assert_eq!(warnings.len(), 1, "{bad:?}");
        assert_eq!(warnings[0].kind, QueryWarningKind::BadLabel);
    }
    // Markup is a label like any other: the page only ever shows it as text.
    let (o, _) = PageOptions::from_query("cta=%3Cb%3Ehi%3C%2Fb%3E");
    assert_eq!(o.cta.as_deref(), Some("<b>hi</b>"));
}

#[test]
fn bad_values_are_dropped_with_a_warning_and_never_reach_css() {
    let (o, warnings) = PageOptions::from_query(
        "lang=xx&accent=red;background:url(x)&cur=BTC&embed=maybe&show=cards,<b>&preset=huge",
    );
    assert_eq!(o, PageOptions::default());
    let keys: Vec<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys, ["lang", "accent", "cur", "embed", "show", "preset"]);
    for w in &warnings {
        let kind = if w.key == "embed" {
            QueryWarningKind::NotABool
        } else {
            QueryWarningKind::UnknownChoice
        };
        assert_eq!(w.kind, kind, "{w:?}");
    }
}

#[test]
fn a_show_that_would_leave_no_calculator_is_dropped_and_named() {
    for value in [
        "",
        ",,,",
        "curves",
        "curves,coverage,share",
        "results,cards",
        "%3Cb%3E",
    ] {
        let (o, warnings) = PageOptions::from_query(&format!("embed=1&show={value}"));
        assert!(Section::ALL.into_iter().all(|s| o.shows(s)), "show={value}");
        assert_eq!(warnings.len(), 1, "show={value}: {warnings:?}");
        assert_eq!(warnings[0].key, "show");
        assert_eq!(warnings[0].kind, QueryWarningKind::UnknownChoice);
        // The page's own address drops it too, so a reload shows no notice.
        assert_eq!(o.page_query(), "&embed=1");
    }
    // A list with the form or the results is kept; a later bad list leaves
    // the good one standing, as a bad model value leaves the field alone.
    let (o, warnings) = PageOptions::from_query("show=inputs&show=results,,curves&show=,");
    assert!(o.shows(Section::Results) && o.shows(Section::Curves));
    assert!(!o.shows(Section::Inputs));
    let named: Vec<String> = warnings
        .iter()
        .map(|w| format!("{}={}", w.key, w.value))
        .collect();
    assert_eq!(named, ["show=,"]);
    assert!(
        PageOptions::from_query("show=inputs")
            .0
            .shows(Section::Inputs)
    );
}

#[test]
fn a_currency_keeps_its_rate_and_a_bad_rate_falls_back_to_the_typical_one() {
    let (o, w) = PageOptions::from_query("fx=0.85&cur=eur");
    assert!(w.is_empty());
    assert_eq!(
        o.money,
        Money {
            currency: Currency::Eur,
            per_usd: 0.85
        }
    );
    assert_eq!(o.share_query(), "&cur=EUR&fx=0.85");
    let (again, _) = PageOptions::from_query(&o.share_query());
    assert_eq!(again.money, o.money);

    let (o, w) = PageOptions::from_query("cur=JPY&fx=-3");
    assert_eq!(o.money, Money::at_typical_rate(Currency::Jpy));
    assert_eq!(w[0].key, "fx");
    // A rate for dollars means nothing and is ignored; a bad one is named
    // all the same, and does not undo a good one given before it.
    assert_eq!(
        PageOptions::from_query("fx=2"),
        (PageOptions::default(), vec![])
    );
    let (o, w) = PageOptions::from_query("fx=NaN");
    assert_eq!(o.money, Money::default());
    assert_eq!((w[0].key.as_str(), w[0].value.as_str()), ("fx", "NaN"));
    let (o, w) = PageOptions::from_query("cur=gbp&fx=0.7&fx=&fx=1e9");
    assert_eq!(o.money.per_usd, 0.7);
    let named: Vec<&str> = w.iter().map(|w| w.value.as_str()).collect();
    assert_eq!(named, ["", "1e9"]);
}

#[test]
fn money_converts_both_ways() {
    let m = Money {
        currency: Currency::Gbp,
        per_usd: 0.8,
    };
    assert_eq!(m.from_usd(100.0), 80.0);
    assert_eq!(m.to_usd(80.0), 100.0);
}

#[test]
fn only_model_keys_make_a_scenario() {
    assert!(!has_scenario(""));
    assert!(!has_scenario("?embed=1&lang=ru&preset=saas"));
    assert!(has_scenario("?v=1"));
    assert!(has_scenario("embed=1&phone=100"));
    assert!(has_scenario("nonsense=1"));
}

fn no_words() -> Words {
    Words {
        reasons: Vec::new(),
        choices: Vec::new(),
        quotes: Vec::new(),
    }
}

#[test]
fn csv_has_a_row_per_model_with_the_figures_in_the_chosen_currency() {
    let scenario = Scenario::default();
    let outcome = compute(&scenario);
    let money = Money {
        currency: Currency::Eur,
        per_usd: 0.5,
    };
    let text = csv(&scenario, &outcome, money, Lang::En.texts(), &no_words());
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Model,Monthly cost (EUR),Peak-month cost (EUR),First-year cost (EUR),Cost per contact (EUR),Agents (FTE),Hours covered %,Answered within target %,Calls and chats abandoned %,Recommended"
    );
    for (line, result) in
        lines[1..4]
            .iter()
            .zip([&outcome.shared, &outcome.dedicated, &outcome.combined])
    {
        let cells: Vec<&str> = line.split(',').collect();
        // Money in whole units, a contact's cost in cents, agents to a
        // tenth: no figure claims more than it carries.
        assert_eq!(
            cells[1],
            format!("{:.0}", result.monthly_cost * 0.5),
            "{line}"
        );
        assert_eq!(
            cells[2],
            format!("{:.0}", result.peak_month_cost * 0.5),
            "{line}"
        );
        assert_eq!(
            cells[4],
            format!("{:.2}", result.cost_per_contact * 0.5),
            "{line}"
        );
        assert_eq!(cells[5], format!("{:.1}", result.fte), "{line}");
        assert!(!cells[6].contains('.') && !cells[7].contains('.'), "{line}");
        // The callers who hang up to a tenth of a percent, as the cards.
        assert_eq!(cells[8], format!("{:.1}", result.abandonment_pct), "{line}");
        assert!(result.abandonment_pct > 0.0, "{line}");
    }
    assert!(lines.contains(&"Phone calls,4000,per month"), "{lines:?}");
    assert!(lines.contains(&"Call handle time,360,s"), "{lines:?}");
}

/// The year in the CSV: a row a month, January first, with its multiplier,
/// each column's cost that month (the buyer's own team's too) and the
/// dedicated team's agents on seat and overtime, as the model has them. The
/// tax season here hires seasonal agents and works overtime, and December
/// is quieter than the base, so no month can stand in for another.
#[test]
fn csv_carries_the_year_month_by_month() {
    let scenario = common::scenario(
        "v=1&phone=9000&months=1,1.5,1.8,2,1,1,1,1,1,1.1,1,0.5&own_agents=6&own_cost=3000",
    );
    let outcome = compute(&scenario);
    let money = Money {
        currency: Currency::Eur,
        per_usd: 0.5,
    };
    let text = csv(&scenario, &outcome, money, Lang::En.texts(), &no_words());
    let lines: Vec<&str> = text.split("\r\n").collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Month,"))
        .expect("the year's header");
    assert_eq!(
        lines[at],
        "Month,Volume over the year,Shared: the month's cost (EUR),Dedicated: the month's cost (EUR),\
         Combined: the month's cost (EUR),Your team + shared: the month's cost (EUR),\
         Dedicated: agents on seat,Dedicated: seasonal agents hired,\
         Dedicated: seasonal agents let go,Dedicated: overtime hours,\
         Combined: agents on seat,Combined: hours in the shared pool,\
         Your team + shared: agents on seat,Your team + shared: hours in the shared pool"
    );
    let own = outcome.own_team.as_ref().expect("a team was entered");
    let columns = [&outcome.shared, &outcome.dedicated, &outcome.combined, own];
    for (month, line) in Month::ALL.into_iter().zip(&lines[at + 1..at + 13]) {
        let i = month.index();
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[0], Lang::En.texts().month(month), "{line}");
        assert_eq!(cells[1], format!("{:.2}", scenario.year.0[i]), "{line}");
        for (cell, r) in cells[2..6].iter().zip(columns) {
            assert_eq!(*cell, format!("{:.0}", r.months[i].cost * 0.5), "{line}");
        }
        let d = &outcome.dedicated.months[i];
        let plan = [
            d.agents.to_string(),
            d.hired_agents.to_string(),
            d.released_agents.to_string(),
            format!("{:.0}", d.overtime_hours),
        ];
        assert_eq!(cells[6..10], plan, "{line}");
        for (pair, r) in cells[10..].chunks(2).zip([&outcome.combined, own]) {
            let m = &r.months[i];
            assert_eq!(
                pair,
                [m.agents.to_string(), format!("{:.0}", m.pool_hours)],
                "{line}"
            );
        }
        assert_eq!(cells.len(), 14, "{line}");
    }
    assert_eq!(lines[at + 13], "", "twelve months and no more");
    // What makes the months differ is in the rows: February to April take
    // on 4, 3 and 2 seasonal agents and work overtime to its cap (225 h,
    // the 6 planned every month included), May lets all 9 go, the pool's
    // hours follow the season, December is below the base.
    let has = |month: usize, cells: &str| {
        let line = lines[at + month];
        assert!(line.contains(cells), "{line}");
    };
    has(2, ",17,4,0,225,13,515,");
    has(4, ",22,2,0,225,13,1030,6,977");
    has(5, ",13,0,9,6,13,0,");
    assert!(lines[at + 12].starts_with("December,0.50,"));
}

#[test]
fn csv_carries_the_reasons_the_choices_and_the_quotes_in_words() {
    let scenario = Scenario::default();
    let outcome = compute(&scenario);
    let named = NamedQuote {
        vendor: "Acme, Manila".into(),
        quote: VendorQuote {
            basis: QuoteBasis::PerMinute {
                price_per_minute: 0.5,
                minutes_per_month: None,
            },
            setup_fee: 1200.0,
        },
    };
    let check = named
        .quote
        .check(&figures(&scenario), 12.0, scenario.region);
    let words = Words {
        reasons: vec!["Shared is cheapest, by $1,000 a year.".into()],
        choices: vec![("Agents' region".into(), "Offshore".into())],
        quotes: vec![QuoteWords {
            quote: CheckedQuote { named, check },
            basis: "Shared: price per handled minute",
            verdict: "in line (0% above)".into(),
        }],
    };
    let text = csv(
        &scenario,
        &outcome,
        Money::default(),
        Lang::En.texts(),
        &words,
    );
    let lines: Vec<&str> = text.split("\r\n").collect();
    let at = lines
        .iter()
        .position(|l| *l == "Why this pick")
        .expect("a reasons block");
    assert_eq!(lines[at + 1], "\"Shared is cheapest, by $1,000 a year.\"");
    assert!(lines.contains(&"Agents' region,Offshore"));
    assert!(lines.contains(&"Vendor,Priced,Price (USD),Quantity,Setup fee (USD),Monthly cost (USD),Our estimate (USD),Against our estimate"), "{lines:?}");
    let quote = lines
        .iter()
        .find(|l| l.starts_with("\"Acme, Manila\""))
        .expect("the quote");
    assert!(
        quote.contains(",Shared: price per handled minute,0.5000,,1200,")
            && quote.ends_with(",in line (0% above)"),
        "{quote}"
    );
}

#[test]
fn a_download_is_named_for_its_scenario_and_day() {
    let day = "2026-12-05";
    assert_eq!(
        file_name(&Scenario::default(), day, "csv"),
        "supportcalc-8000-contacts-offshore-2026-12-05.csv"
    );
    let (s, _) = Scenario::from_query("phone=8000&chat=0&email=0&region=nearshore&h24=1");
    assert_eq!(
        file_name(&s, day, "json"),
        "supportcalc-8000-contacts-nearshore-24-7-2026-12-05.json"
    );
    assert_eq!(
        file_name(&Preset::Enterprise247.scenario(), day, "csv"),
        "supportcalc-enterprise-2026-12-05.csv"
    );
}

#[test]
fn csv_headers_follow_the_language() {
    let scenario = Scenario::default();
    let text = csv(
        &scenario,
        &compute(&scenario),
        Money::default(),
        Lang::Ru.texts(),
        &no_words(),
    );
    let header = text.lines().next().unwrap();
    assert!(
        header.contains("USD") && !header.contains("Monthly"),
        "{header}"
    );
}

#[test]
fn text_on_the_accent_stays_readable() {
    let ink = |accent: &str| {
        PageOptions::from_query(&format!("accent={accent}"))
            .0
            .accent_ink()
    };
    assert_eq!(ink("0f766e"), Some("#ffffff"));
    assert_eq!(ink("%23ffd60a"), Some("#111827"));
    assert_eq!(ink("fff"), Some("#111827"));
    assert_eq!(PageOptions::default().accent_ink(), None);
}

#[test]
fn our_json_writer_writes_what_serde_json_writes() {
    use supportcalc::json::to_json;
    // With serde_json's own float format, the texts are byte for byte the
    // same; the page writes floats with JavaScript's `String` instead.
    let ryu = |v: f64| serde_json::to_string(&v).unwrap();
    let same = |ours: String, theirs: String| {
        let at = ours.bytes().zip(theirs.bytes()).position(|(a, b)| a != b);
        assert!(
            at.is_none() && ours.len() == theirs.len(),
            "differ at {at:?}: {}",
            &ours[at.unwrap_or(0)..][..40.min(ours.len() - at.unwrap_or(0))]
        );
    };
    // A buyer's own week: every contact on Sunday at 10.
    let own_week = format!(
        "h24=1&pattern=custom&week=1.{}__{}",
        "AA".repeat(154),
        "AA".repeat(13)
    );
    for query in [
        "",
        "phone=9000&region=nearshore&bogus=1&chat=x",
        "h24=1&langs=en:50,ja:50&open=30",
        &own_week,
    ] {
        let (scenario, warnings) = Scenario::from_query(query);
        assert!(warnings.iter().all(|w| w.key != "week"), "{query}");
        let outcome = compute(&scenario);
        let report = Report {
            scenario: &scenario,
            warnings: &warnings,
            outcome: &outcome,
            quotes: &[],
        };
        same(
            to_json(&report, ryu),
            serde_json::to_string(&report).unwrap(),
        );
    }
    let odd = (
        "a\"b\\c\n\u{1}\u{7f}é",
        f64::NAN,
        Some(1u8),
        None::<u8>,
        'x',
        (),
    );
    same(to_json(&odd, ryu), serde_json::to_string(&odd).unwrap());
}

const PAGE_KEYS: [&str; 8] = [
    "show", "lang", "cur", "fx", "accent", "preset", "embed", "cta",
];

/// A link as anyone could write one: page keys (and a few others) with
/// good values, near misses, markup, separators and random text, encoded
/// or not.
fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        4 => proptest::sample::select(PAGE_KEYS.to_vec()).prop_map(String::from),
        1 => proptest::sample::select(vec!["phone", "v", "", "SHOW", "show "]).prop_map(String::from),
        1 => "\\PC{0,6}",
    ];
    let value = prop_oneof![
        proptest::sample::select(vec![
            "",
            ",",
            ",,,",
            "inputs",
            "results",
            "results,curves",
            "curves",
            "share,quotes",
            "1",
            "0",
            "maybe",
            "ja",
            "ru-RU",
            "xx",
            "EUR",
            "jpy",
            "BTC",
            "0.9",
            "0",
            "-1",
            "NaN",
            "1e9",
            "0f766e",
            "%230F766E",
            "fff",
            "red;}body{x",
            "saas",
            "enterprise",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%E0%80",
            "%FF",
            "+",
            "%00",
            "&",
            "=",
            "Get%20this%20quote",
            "%E8%A6%8B%E7%A9%8D%E3%82%82%E3%82%8A",
            "%09%0A%20",
            "0123456789012345678901234567890123456789x",
        ])
        .prop_map(String::from),
        "[a-z,]{0,24}",
        "\\PC{0,12}",
    ];
    proptest::collection::vec((key, value), 0..10).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(common::cases(256))]
    /// Whatever the link, the page shows the calculator, an accent is only
    /// ever a hex colour, every warning names a page key, and the page's
    /// own address, read back, gives the same page with no notice.
    #[test]
    fn any_link_leaves_a_working_page(query in hostile_query()) {
        let (o, warnings) = PageOptions::from_query(&query);
        prop_assert!(o.shows(Section::Inputs) || o.shows(Section::Results));
        if let Some(accent) = &o.accent {
            prop_assert!(accent.len() == 4 || accent.len() == 7, "{accent}");
            prop_assert!(accent[1..].bytes().all(|b| b.is_ascii_hexdigit()), "{accent}");
        }
        for w in &warnings {
            prop_assert!(PAGE_KEYS.contains(&w.key.as_str()), "{w:?}");
        }
        // The preset has done its work once the scenario is in the address.
        let mut o = o;
        o.preset = None;
        let (again, again_warnings) = PageOptions::from_query(&o.page_query());
        prop_assert!(again_warnings.is_empty(), "{again_warnings:?}");
        prop_assert_eq!(again, o);
    }
}

#[test]
fn an_outcome_reads_back_from_its_json_and_a_short_week_is_refused() {
    use supportcalc::model::Outcome;
    let o = compute(&Scenario::from_query("phone=9000&h24=1&chat=0").0);
    let text = serde_json::to_string(&o).unwrap();
    let back: Outcome = serde_json::from_str(&text).unwrap();
    // serde_json reads a float to within its last bit.
    for kind in supportcalc::model::ModelKind::ALL {
        let (a, b) = (o.model(kind).unwrap(), back.model(kind).unwrap());
        assert_eq!(a.hours, b.hours);
        assert!((a.monthly_cost - b.monthly_cost).abs() <= 1e-9 * a.monthly_cost);
    }
    assert_eq!(back.recommendation.model, o.recommendation.model);
    let mut value = serde_json::to_value(&o).unwrap();
    value["dedicated"]["hours"].as_array_mut().unwrap().pop();
    let err = serde_json::from_value::<Outcome>(value).unwrap_err();
    assert!(err.to_string().contains("expected 168 hours"), "{err}");
}
