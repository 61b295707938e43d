#![cfg(not(target_arch = "wasm32"))]
//! Behaviours the mutation sample (`scripts/mutants.sh`) showed no test
//! would notice breaking: each checked against a worked example, another
//! way of computing the same figure, or a property that must hold.

use supportcalc::model::{ModelKind, Scenario, compute};

fn scenario(query: &str) -> Scenario {
    let (s, warnings) = Scenario::from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    s
}

#[test]
fn a_core_over_every_requested_hour_with_no_busy_month_is_the_dedicated_team() {
    // Requested and core hours are both Mon–Fri 08–18 (the defaults), and
    // no month is busier than another: the pool gets nothing to do, so the
    // combined model is the dedicated team, figure for figure.
    let o = compute(&scenario("peak=1"));
    let (d, c) = (&o.dedicated, &o.combined);
    assert_eq!(c.pool_minutes, 0.0);
    assert_eq!(c.monthly_cost, d.monthly_cost);
    assert_eq!(c.billed_agents, d.billed_agents);
    for (dc, cc) in d.service_level.iter().zip(&c.service_level) {
        assert_eq!(cc.achieved_pct, dc.achieved_pct, "{:?}", cc.channel);
    }
    assert_eq!(c.within_target_pct, d.within_target_pct);
    assert_eq!(c.peak_achieved_pct, d.peak_achieved_pct);
    assert_eq!(c.qualifies, d.qualifies);
    assert!(o.model(ModelKind::Combined).qualifies);
}

#[test]
fn each_call_the_pools_cap_turns_away_is_one_the_combined_model_misses() {
    // 20,000 calls a month round the clock, 18,000 after 10 % self-service;
    // the core team takes Mon–Fri 08–18, the pool the other hours. Below
    // the pool's need its cap turns a share of those calls away: each is a
    // call the pool would have answered in time at its service level (the
    // shared model's, the same pool uncapped), and is now a miss. So the
    // combined model's phone service falls by
    //   100 × pool service level × calls turned away / 18,000.
    let at_cap = |cap: u32| {
        compute(&scenario(&format!(
            "phone=20000&chat=0&email=0&h24=1&peak=1&pool_cap={cap}"
        )))
    };
    let uncapped = at_cap(2_000_000);
    assert_eq!(uncapped.combined.unserved_contacts, 0.0);
    let calls = uncapped.contacts_per_month;
    assert!((calls - 18_000.0).abs() < 1e-9, "{calls}");
    let pool_sl = uncapped.shared.service_level[0].achieved_pct / 100.0;
    let full = uncapped.combined.service_level[0].achieved_pct;
    for cap in [10_000, 5_000] {
        let o = at_cap(cap);
        let turned_away = o.combined.unserved_contacts;
        assert!(turned_away > 500.0, "cap {cap}: {turned_away}");
        let expected = full - 100.0 * pool_sl * turned_away / calls;
        let achieved = o.combined.service_level[0].achieved_pct;
        assert!(
            (achieved - expected).abs() < 1e-9,
            "cap {cap}: {achieved} vs {expected}"
        );
    }
}
