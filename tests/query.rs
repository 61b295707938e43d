#![cfg(not(target_arch = "wasm32"))]
//! The shareable-link format (v=1), what people type into fields, and
//! scenario validation.

use supportcalc::model::{
    ArrivalPattern, Field, FieldError, FieldRef, LanguageShare, Preset, ProblemKind,
    QueryWarningKind, Region, Scenario, YearProfile, compare, query, query::CHOICE_KEYS,
    year::MONTH_SPEC,
};

fn warnings_of(query: &str) -> Vec<(String, QueryWarningKind)> {
    Scenario::from_query(query)
        .1
        .into_iter()
        .map(|w| (w.key, w.kind))
        .collect()
}

/// The README sends a reader to docs/model.md §8 for every key, with its
/// values and default: each key the model reads has its row there (`v`
/// is the format's version, named in its text).
#[test]
fn every_key_the_model_reads_has_a_row_in_the_link_format() {
    let doc = include_str!("../docs/model.md");
    let section = doc
        .split("## 8. The link format")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/model.md §8");
    let keys = CHOICE_KEYS
        .into_iter()
        .chain(Field::ALL.into_iter().map(Field::key));
    let missing: Vec<&str> = keys
        .filter(|&k| k != "v" && !section.contains(&format!("\n| `{k}` |")))
        .collect();
    assert!(missing.is_empty(), "no row in §8 for {missing:?}");
}

#[test]
fn default_scenario_is_a_bare_version() {
    assert_eq!(Scenario::default().to_query(), "v=1");
    assert_eq!(Scenario::from_query("v=1"), (Scenario::default(), vec![]));
    assert_eq!(Scenario::from_query(""), (Scenario::default(), vec![]));
    assert_eq!(Scenario::from_query("?"), (Scenario::default(), vec![]));
}

#[test]
fn presets_make_short_links() {
    assert_eq!(
        Preset::SmallSaas.scenario().to_query(),
        "v=1&phone=800&chat=1500&email=1200&region=nearshore"
    );
    assert_eq!(
        Preset::SeasonalEcommerce.scenario().to_query(),
        "v=1&phone=6000&chat=9000&email=4000&close=22&days=7&season=retail&pattern=extended"
    );
    assert_eq!(
        Preset::Enterprise247.scenario().to_query(),
        "v=1&phone=20000&chat=12000&email=8000&region=onshore&pattern=flat&h24=1&langs=en:55,es:20,de:15,fr:10"
    );
    for p in Preset::ALL {
        let s = p.scenario();
        assert!(s.validate().is_empty(), "{p:?}");
        assert_eq!(
            Scenario::from_query(&format!("?{}", s.to_query())),
            (s, vec![])
        );
    }
}

#[test]
fn numbers_print_shortest() {
    let mut s = Scenario {
        year: YearProfile::one_peak(1.5),
        rate_per_hour: 12.25,
        email_window_h: 48.0,
        ..Scenario::default()
    };
    assert_eq!(
        s.to_query(),
        "v=1&email_h=48&rate=12.25&months=1,1,1,1,1,1,1,1,1,1,1,1.5"
    );
    s.shrinkage_pct = 0.1 + 0.2; // 0.30000000000000004 must survive the trip
    let (back, warnings) = Scenario::from_query(&s.to_query());
    assert!(warnings.is_empty());
    assert_eq!(back.shrinkage_pct, 0.1 + 0.2);
}

#[test]
fn rate_defaults_to_the_region() {
    assert_eq!(Scenario::from_query("region=onshore").0.rate_per_hour, 38.0);
    assert_eq!(
        Scenario::from_query("region=nearshore&rate=30")
            .0
            .rate_per_hour,
        30.0
    );
    // A bad rate falls back to the region's, not the offshore default.
    let (s, w) = Scenario::from_query("region=onshore&rate=500");
    assert_eq!(s.rate_per_hour, 38.0);
    assert_eq!(w.len(), 1);
    let s = Scenario {
        region: Region::Onshore,
        rate_per_hour: 38.0,
        ..Scenario::default()
    };
    assert_eq!(s.to_query(), "v=1&region=onshore");
}

#[test]
fn bad_values_keep_defaults_and_warn() {
    let d = Scenario::default();
    let (s, w) = Scenario::from_query(
        "phone=abc&chat=-5&email=2.5&phone_sl=100&peak=1e3&patience=NaN&shrink=inf",
    );
    assert_eq!(s, d);
    let kinds: Vec<_> = w.iter().map(|w| (w.key.as_str(), w.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (
                "phone",
                QueryWarningKind::BadNumber {
                    error: FieldError::NotANumber
                }
            ),
            (
                "chat",
                QueryWarningKind::BadNumber {
                    error: FieldError::BelowMin(0.0)
                }
            ),
            (
                "email",
                QueryWarningKind::BadNumber {
                    error: FieldError::NotWhole
                }
            ),
            (
                "phone_sl",
                QueryWarningKind::BadNumber {
                    error: FieldError::AboveMax(99.0)
                }
            ),
            (
                "peak",
                QueryWarningKind::BadNumber {
                    error: FieldError::NotANumber
                }
            ),
            (
                "patience",
                QueryWarningKind::BadNumber {
                    error: FieldError::NotANumber
                }
            ),
            (
                "shrink",
                QueryWarningKind::BadNumber {
                    error: FieldError::NotANumber
                }
            ),
        ]
    );
    assert_eq!(w[0].value, "abc");
}

#[test]
fn bad_choices_warn() {
    assert_eq!(
        warnings_of("region=mars&pattern=lunar&h24=maybe&multi=2&v=2"),
        vec![
            ("region".into(), QueryWarningKind::UnknownChoice),
            ("pattern".into(), QueryWarningKind::UnknownChoice),
            ("h24".into(), QueryWarningKind::NotABool),
            ("multi".into(), QueryWarningKind::NotABool),
            ("v".into(), QueryWarningKind::UnknownVersion),
        ]
    );
    let (s, _) = Scenario::from_query("pattern=evenings&h24=1&multi=true");
    assert_eq!(s.pattern, ArrivalPattern::EveningsWeekends);
    assert!(s.all_week && s.multilingual);
}

#[test]
fn languages() {
    let (s, w) = Scenario::from_query("langs=EN:70,pt:30");
    assert!(w.is_empty());
    assert_eq!(
        s.languages,
        vec![
            LanguageShare {
                code: "en".into(),
                share_pct: 70.0
            },
            LanguageShare {
                code: "pt".into(),
                share_pct: 30.0
            }
        ]
    );
    for bad in [
        "e1:100",
        "en",
        "en:abc",
        "en:50,en:50",
        "en:0,es:100",
        "a:100",
        "en:10,es:10,de:10,fr:10,it:10,pt:10,nl:10,ja:10,ko:20",
    ] {
        assert_eq!(
            warnings_of(&format!("langs={bad}")),
            vec![("langs".into(), QueryWarningKind::BadLanguages)],
            "{bad}"
        );
    }
    // Each share is fine, the sum is not: reset, with the reason.
    let (s, w) = Scenario::from_query("langs=en:50,es:20");
    assert_eq!(s.languages, Scenario::default().languages);
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0].kind,
        QueryWarningKind::Reset {
            problem: ProblemKind::SharesDoNotSumTo100 { sum: 70.0 }
        }
    );
    // The notice can name what the link said, not an empty value.
    assert_eq!(w[0].value, "en:50,es:20");
    // Within half a point of 100 is fine.
    assert!(warnings_of("langs=en:33.3,es:33.3,de:33.3").is_empty());
}

#[test]
fn impossible_hours_reset() {
    let (s, w) = Scenario::from_query("open=20");
    assert_eq!((s.open_hour, s.close_hour), (8.0, 18.0));
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0].kind,
        QueryWarningKind::Reset {
            problem: ProblemKind::CloseNotAfterOpen
        }
    );
    let (s, w) = Scenario::from_query("core_open=9&core_close=9&open=6&close=23");
    assert_eq!(
        (s.open_hour, s.close_hour, s.core_open, s.core_close),
        (6.0, 23.0, 8.0, 18.0)
    );
    assert_eq!(w.len(), 1);
}

#[test]
fn unknown_and_ui_keys_are_ignored_silently() {
    assert!(warnings_of("foo=bar&utm_source=mail&&x&=3").is_empty());
    let (s, w) = Scenario::from_query(
        "embed=1&lang=de&accent=%23ff6600&preset=saas&show=curves&cur=EUR&fx=0.92&phone=900",
    );
    assert!(w.is_empty());
    assert_eq!(s.phone_per_month, 900.0);
    assert_eq!(s.languages, Scenario::default().languages);
}

#[test]
fn decoding_is_forgiving() {
    assert_eq!(
        Scenario::from_query("phone=4%2C000").0.phone_per_month,
        4000.0
    );
    assert_eq!(
        Scenario::from_query("phone=4+000").0.phone_per_month,
        4000.0
    );
    assert_eq!(Scenario::from_query("%70hone=12").0.phone_per_month, 12.0);
    // Broken escapes are kept as text: not a number, so a warning.
    assert_eq!(
        warnings_of("phone=%ZZ"),
        vec![(
            "phone".into(),
            QueryWarningKind::BadNumber {
                error: FieldError::NotANumber
            }
        )]
    );
    assert!(warnings_of("%ZZ=%&%%=%4").is_empty());
}

#[test]
fn hostile_input_returns() {
    let long_value = "9".repeat(100_000);
    let (s, w) = Scenario::from_query(&format!("phone={long_value}"));
    assert_eq!(s.phone_per_month, 4000.0);
    assert_eq!(w[0].value.chars().count(), 64);
    assert_eq!(
        w[0].kind,
        QueryWarningKind::BadNumber {
            error: FieldError::AboveMax(1_000_000.0)
        }
    );
    let many = "phone=1&".repeat(50_000);
    assert_eq!(Scenario::from_query(&many).0.phone_per_month, 1.0);
    let binary: String = (0u8..=255).map(char::from).collect();
    let _ = Scenario::from_query(&binary);
    let _ = Scenario::from_query("\u{0}\u{ffff}&=&==&&%%%");
}

#[test]
fn typing_is_forgiving_of_format_and_strict_on_meaning() {
    let phone = Field::Phone.spec();
    for ok in [
        "4000",
        " 4000 ",
        "4,000",
        "4 000",
        "4_000",
        "4\u{a0}000",
        "4000.0",
        "+4000",
    ] {
        assert_eq!(phone.parse(ok), Ok(4000.0), "{ok:?}");
    }
    assert_eq!(phone.parse(""), Err(FieldError::Empty));
    assert_eq!(phone.parse("   "), Err(FieldError::Empty));
    for bad in [
        "abc", "NaN", "inf", "1e3", "4,,000", ",4000", "4000,", "4-000", "--4", ".", "4000%",
    ] {
        assert_eq!(phone.parse(bad), Err(FieldError::NotANumber), "{bad:?}");
    }
    assert_eq!(phone.parse("-1"), Err(FieldError::BelowMin(0.0)));
    assert_eq!(
        phone.parse("1000001"),
        Err(FieldError::AboveMax(1_000_000.0))
    );
    assert_eq!(
        phone.parse(&"9".repeat(400)),
        Err(FieldError::AboveMax(1_000_000.0))
    );
    assert_eq!(phone.parse("12.5"), Err(FieldError::NotWhole));
    assert_eq!(Field::Rate.spec().parse("$22.50"), Ok(22.5));
    assert_eq!(Field::PhoneTarget.spec().parse("85 %"), Ok(85.0));
    assert_eq!(Field::Deflection.spec().parse("-0"), Ok(0.0));
    assert!(
        Field::Deflection
            .spec()
            .parse("-0")
            .is_ok_and(|x| x.is_sign_positive())
    );
}

#[test]
fn a_japanese_keyboard_types_numbers_too() {
    // With the input method on, digits and signs arrive in full width.
    let phone = Field::Phone.spec();
    for ok in [
        "１２０００",
        "１２，０００",
        "１２,０００",
        "　１２０００　",
        "１２　０００",
    ] {
        assert_eq!(phone.parse(ok), Ok(12_000.0), "{ok:?}");
    }
    assert_eq!(Field::PhoneTarget.spec().parse("８０％"), Ok(80.0));
    assert_eq!(Field::Rate.spec().parse("＄２２．５"), Ok(22.5));
    assert_eq!(MONTH_SPEC.parse("１．５"), Ok(1.5));
    // Russian decimal comma, typed in full width.
    assert_eq!(MONTH_SPEC.parse_in("１，５", true), Ok(1.5));
    assert_eq!(phone.parse("－１"), Err(FieldError::BelowMin(0.0)));
    for bad in ["１２ａ", "一万"] {
        assert_eq!(phone.parse(bad), Err(FieldError::NotANumber), "{bad:?}");
    }
    assert_eq!(
        phone.parse("１２０００円"),
        Err(FieldError::NotAnAmount(12_000.0))
    );
    assert_eq!(
        Field::Rate.spec().parse("２２円"),
        Err(FieldError::NotDollars)
    );
    assert_eq!(Field::Rate.spec().parse("２２ドル"), Ok(22.0));
}

#[test]
fn a_pasted_amount_is_read_or_refused_with_what_to_type() {
    let phone = Field::Phone.spec();
    let rate = Field::Rate.spec();
    // A count box says which number to type instead of "not a number".
    for pasted in [
        "$12,000",
        "12,000 USD",
        "US$12000",
        "€12 000",
        "12 000 ₽",
        "12000 руб.",
    ] {
        assert_eq!(
            phone.parse(pasted),
            Err(FieldError::NotAnAmount(12_000.0)),
            "{pasted:?}"
        );
    }
    assert_eq!(phone.parse("$abc"), Err(FieldError::NotANumber));
    assert_eq!(phone.parse("$"), Err(FieldError::Empty));
    // The money boxes are in US dollars: a dollar mark is read, another
    // currency refused rather than taken as dollars.
    for ok in ["$22.50", "22.50$", "usd 22.5", "US$ 22.5", "22.5 USD"] {
        assert_eq!(rate.parse(ok), Ok(22.5), "{ok:?}");
    }
    for other in [
        "€22",
        "22 €",
        "£22",
        "¥22",
        "22 ₽",
        "22 руб",
        "RUB 22",
        "22eur",
    ] {
        assert_eq!(rate.parse(other), Err(FieldError::NotDollars), "{other:?}");
    }
    assert_eq!(Field::SetupFee.spec().parse("$12,000"), Ok(12_000.0));
}

#[test]
fn a_decimal_comma_never_guesses_between_twelve_and_twelve_thousand() {
    let phone = Field::Phone.spec();
    // In Russian the comma is the decimal mark: "12,000" could be either.
    assert_eq!(
        phone.parse_in("12,000", true),
        Err(FieldError::Ambiguous {
            thousands: 12_000.0,
            decimal: 12.0
        })
    );
    // Where only one reading is in range, that one is meant.
    assert_eq!(MONTH_SPEC.parse_in("1,500", true), Ok(1.5));
    assert_eq!(
        phone.parse_in("120,000", true),
        Err(FieldError::Ambiguous {
            thousands: 120_000.0,
            decimal: 120.0
        })
    );
    assert_eq!(phone.parse_in("1,5", true), Err(FieldError::NotWhole));
    assert_eq!(MONTH_SPEC.parse_in("1,5", true), Ok(1.5));
    // Grouped with spaces, as Russian writes thousands, it is one number.
    assert_eq!(phone.parse_in("12\u{a0}000", true), Ok(12_000.0));
    assert_eq!(phone.parse_in("12 000", true), Ok(12_000.0));
    // In English the comma only groups.
    assert_eq!(phone.parse_in("12,000", false), Ok(12_000.0));
}

#[test]
fn validation_lists_every_problem() {
    assert!(Scenario::default().validate().is_empty());
    let mut s = Scenario {
        phone_per_month: f64::NAN,
        chat_per_month: 2.5,
        rate_per_hour: 5.0,
        open_hour: 18.0,
        languages: vec![
            LanguageShare {
                code: "en".into(),
                share_pct: 50.0,
            },
            LanguageShare {
                code: "en".into(),
                share_pct: 30.0,
            },
            LanguageShare {
                code: "E!".into(),
                share_pct: -1.0,
            },
        ],
        ..Scenario::default()
    };
    let problems: Vec<_> = s
        .validate()
        .into_iter()
        .map(|p| (p.field, p.kind))
        .collect();
    assert_eq!(
        problems,
        vec![
            (FieldRef::Number(Field::Phone), ProblemKind::NotFinite),
            (FieldRef::Number(Field::Chat), ProblemKind::NotWhole),
            (
                FieldRef::Number(Field::Rate),
                ProblemKind::OutOfRange {
                    min: 10.0,
                    max: 50.0
                }
            ),
            (FieldRef::Hours, ProblemKind::CloseNotAfterOpen),
            (
                FieldRef::Languages,
                ProblemKind::DuplicateLanguage { index: 1 }
            ),
            (
                FieldRef::Languages,
                ProblemKind::BadLanguageCode { index: 2 }
            ),
            (FieldRef::Languages, ProblemKind::BadShare { index: 2 }),
            (
                FieldRef::Languages,
                ProblemKind::SharesDoNotSumTo100 { sum: 79.0 }
            ),
        ]
    );
    s.languages.clear();
    assert!(
        s.validate()
            .iter()
            .any(|p| p.kind == ProblemKind::NoLanguage)
    );
    // The messages the CLI shows.
    assert_eq!(
        ProblemKind::CloseNotAfterOpen.to_string(),
        "closing hour must be after opening hour"
    );
    assert_eq!(
        FieldError::BelowMin(10.0).to_string(),
        "must be at least 10"
    );
}

#[test]
fn scaling_volume_keeps_the_mix() {
    let s = Scenario::default().with_volume_scaled(2.5);
    assert_eq!(
        (s.phone_per_month, s.chat_per_month, s.email_per_month),
        (10_000.0, 6_250.0, 3_750.0)
    );
    assert_eq!(
        Scenario::default()
            .with_volume_scaled(f64::NAN)
            .phone_per_month,
        0.0
    );
}

#[test]
fn only_this_versions_saved_scenario_is_read_back() {
    let s = Scenario {
        phone_per_month: 12_345.0,
        ..Scenario::default()
    };
    assert_eq!(Scenario::from_saved(&s.to_query()), Some(s));
    assert_eq!(Scenario::from_saved("v=1"), Some(Scenario::default()));
    // Another version's data, or something else under the key: ignored
    // whole, never half-read into a scenario nobody typed.
    for other in [
        "",
        "v=2&phone=777",
        "v=1&phone=777&v=2",
        "phone=777",
        r#"{"phone":777}"#,
        "\u{0}\u{ffff}garbage",
    ] {
        assert_eq!(Scenario::from_saved(other), None, "{other:?}");
    }
    // Our format with a value this release no longer accepts: that value
    // takes its default, the rest is kept.
    let read = Scenario::from_saved("v=1&phone=777&chat=abc").expect("our format");
    assert_eq!(read.phone_per_month, 777.0);
    assert_eq!(read.chat_per_month, Scenario::default().chat_per_month);
}

#[test]
fn a_plus_in_a_link_is_a_space_as_forms_write_it() {
    // A form or a mail client may write a space as "+"; a "+" itself
    // comes as %2B.
    assert_eq!(query::decode("Night+shift%2C+EU"), "Night shift, EU");
    assert_eq!(query::decode("a%2Bb"), "a+b");
    let (set, problem) = compare::from_link("1~Night+shift*phone=10");
    assert_eq!(problem, None);
    assert_eq!(set[0].name, "Night shift");
}

#[test]
fn no_key_the_page_owns_is_one_the_model_reads() {
    // The model passes over the page's own keys because none of them is
    // one of its own: a link's `cur=` or `show=` can never move a figure.
    for key in query::UI_KEYS {
        assert!(!query::is_scenario_key(key), "{key}");
    }
    let (with_page_keys, warnings) =
        Scenario::from_query("v=1&phone=9000&embed=1&lang=ja&cur=JPY&show=curves&present=1");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(with_page_keys, Scenario::from_query("v=1&phone=9000").0);
}
