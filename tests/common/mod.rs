//! What the test files share: how many cases a property runs, and the
//! scenario of a link.
// Each test file is a crate of its own and uses only some of these.
#![allow(dead_code)]

use proptest::test_runner::Config;
use supportcalc::model::{QueryWarningKind, Scenario};

/// How many cases a property runs: its own count in the test command, or
/// `PROPTEST_CASES` when set (`scripts/fuzz.sh` runs 100,000 each).
pub fn cases(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config::with_cases(cases)
}

/// The scenario of a link that has no bad value (a `peak=` link's notice
/// of how it is read is not one).
pub fn scenario(query: &str) -> Scenario {
    let (s, warnings) = Scenario::from_query(query);
    let bad: Vec<_> = warnings
        .iter()
        .filter(|w| !matches!(w.kind, QueryWarningKind::ReadAsMonth { .. }))
        .collect();
    assert!(bad.is_empty(), "{query}: {bad:?}");
    s
}
