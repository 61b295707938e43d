#![cfg(not(target_arch = "wasm32"))]
//! Every key in every language: present (the compiler sees to that), not
//! empty, translated, and with the placeholders its English text has.

use std::collections::BTreeSet;
use supportcalc::i18n::{EN, Lang, fill};

/// Keys whose text may read the same in another language.
const SAME_EVERYWHERE: [&str; 8] = [
    "all_week",
    "range",
    "err_in",
    "quantity_fte",
    "weekdays",
    "scenario_summary",
    "summary_hours",
    "link_item",
];

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        found.insert(rest[open..close].to_owned());
        rest = &rest[close..];
    }
    found
}

#[test]
fn every_language_has_every_key_translated_with_its_placeholders() {
    let english = EN.entries();
    for lang in Lang::ALL {
        let entries = lang.texts().entries();
        assert_eq!(entries.len(), english.len());
        for ((key, text), (en_key, en_text)) in entries.iter().zip(&english) {
            assert_eq!(key, en_key);
            assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.code());
            assert_eq!(
                placeholders(text),
                placeholders(en_text),
                "{}: {key} = {text:?}",
                lang.code()
            );
            if lang != Lang::En && !SAME_EVERYWHERE.contains(key) {
                assert_ne!(text, en_text, "{}: {key} is not translated", lang.code());
            }
        }
    }
}

#[test]
fn weekdays_are_seven_words_in_every_language() {
    for lang in Lang::ALL {
        assert_eq!(
            lang.texts().later().weekdays.split(' ').count(),
            7,
            "{}",
            lang.code()
        );
    }
}

#[test]
fn the_shared_mark_is_named_in_its_legend() {
    for lang in Lang::ALL {
        let t = lang.texts().later();
        assert_eq!(t.shared_mark.chars().count(), 1, "{}", lang.code());
        assert!(t.legend_shared.contains(t.shared_mark), "{}", lang.code());
    }
}

#[test]
fn fill_puts_values_where_each_language_wants_them() {
    assert_eq!(fill("{1} before {0}", &["a", "b"]), "b before a");
    assert_eq!(fill("{0}{0}", &["x"]), "xx");
    // A placeholder without a value, or a stray brace, shows as written.
    assert_eq!(fill("{2} and {", &["a"]), "{2} and {");
    assert_eq!(fill("{x}", &[]), "{x}");
}

#[test]
fn browser_language_tags_pick_a_language_we_speak() {
    assert_eq!(Lang::from_tag("ru-RU"), Some(Lang::Ru));
    assert_eq!(Lang::from_tag("JA"), Some(Lang::Ja));
    assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("de-DE"), None);
}

#[test]
fn english_alone_leaves_its_later_texts_to_later() {
    // English's are named only by `Texts::later` (kept out of the first
    // screen's wasm); the other languages carry theirs.
    assert!(EN.later.is_none());
    assert!(Lang::Ja.texts().later.is_some());
    assert!(Lang::Ru.texts().later.is_some());
    assert_eq!(EN.later().weekdays, supportcalc::i18n::EN_LATER.weekdays);
}
