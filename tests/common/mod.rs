//! How many cases a property runs: its own count in the test command, or
//! `PROPTEST_CASES` when set (`scripts/fuzz.sh` runs 100,000 each).

use proptest::test_runner::Config;

pub fn cases(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config::with_cases(cases)
}
