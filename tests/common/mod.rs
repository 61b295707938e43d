//! What the test files share: how many cases a property runs, the
//! scenario of a link, and the cheap own team priced at its break-even.
// Each test file is a crate of its own and uses only some of these.
#![allow(dead_code)]

use proptest::test_runner::Config;
use supportcalc::model::{QueryWarningKind, Scenario, compute};

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

/// A cheap team of one's own (three agents round the clock, the pool
/// behind them) and the cost an agent-month at which its column costs
/// over the first year what the cheapest model meeting every target does:
/// the close-call tests price it a little either side.
pub fn cheap_own_team() -> (Scenario, f64) {
    let s = scenario("v=1&h24=1&own_agents=3&own_cost=3000");
    let break_even = compute(&s)
        .own_team_pool
        .and_then(|p| p.break_even_cost_per_agent_month)
        .expect("a break-even cost");
    (s, break_even)
}
