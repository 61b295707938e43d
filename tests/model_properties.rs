#![cfg(not(target_arch = "wasm32"))]
//! Properties over generated scenarios: nothing panics, every number is
//! finite and non-negative, staffing is minimal, prices move the right way,
//! links round-trip.

mod common;

use proptest::prelude::*;
use serde_json::Value;
use supportcalc::model::blend::{Deferred, LiveLoad, live_need};
use supportcalc::model::pattern::{WeekShape, requested_hours};
use supportcalc::model::pricing::{LEAD_RATE_MULTIPLIER, PAID_HOURS_PER_MONTH};
use supportcalc::model::query::decode;
use supportcalc::model::{
    ArrivalPattern, Field, Figures, LanguageShare, Lever, MONTHS, ModelKind, ModelResult, Outcome,
    Preset, QueryWarning, QueryWarningKind, Region, Scenario, Sensitivity, SensitivityPart,
    SensitivityWork, YearProfile, compute, figures, outsourcing_figures, outsourcing_sensitivity,
    required_agents, service_level, year::MONTH_SPEC,
};
use supportcalc::model::{erlang_a, erlang_c};

const CODES: [&str; 8] = ["en", "es", "de", "fr", "it", "pt", "nl", "ja"];

/// Volumes stay moderate so a case takes milliseconds at opt-level 1; the
/// huge ones have their own test.
const MAX_TEST_VOLUME: f64 = 50_000.0;

fn scenario_from(
    units: &[f64],
    weights: &[u32],
    region: usize,
    pattern: usize,
    all_week: bool,
    multilingual: bool,
) -> Scenario {
    let mut s = Scenario::default();
    for (f, u) in Field::ALL.into_iter().zip(units.iter()) {
        let spec = f.spec();
        let max = if matches!(f, Field::Phone | Field::Chat | Field::Email) {
            MAX_TEST_VOLUME
        } else {
            spec.max
        };
        let x = spec.min + u * (max - spec.min);
        s.set(f, if spec.whole { x.round() } else { x });
    }
    if s.close_hour <= s.open_hour {
        s.close_hour = s.open_hour + 1.0;
    }
    if s.core_close <= s.core_open {
        s.core_close = s.core_open + 1.0;
    }
    if s.own.close_hour <= s.own.open_hour {
        s.own.close_hour = s.own.open_hour + 1.0;
    }
    let total: u32 = weights.iter().sum();
    s.languages = weights
        .iter()
        .zip(CODES)
        .map(|(&w, code)| LanguageShare {
            code: code.into(),
            share_pct: 100.0 * f64::from(w) / f64::from(total),
        })
        .collect();
    s.region = Region::ALL[region % 3];
    s.pattern = match ArrivalPattern::ALL.get(pattern) {
        Some(preset) => preset.clone(),
        None => own_week(units),
    };
    s.all_week = all_week;
    s.multilingual = multilingual;
    s
}

/// A buyer's own week drawn from the generated numbers: uneven, with
/// hours that have no contacts at all.
fn own_week(units: &[f64]) -> ArrivalPattern {
    let counts = std::array::from_fn(|h| {
        let u = units
            .get((h * 31) % units.len().max(1))
            .copied()
            .unwrap_or(1.0);
        if u < 0.3 { 0.0 } else { 100.0 * u * u }
    });
    WeekShape::from_counts(&counts).map_or(ArrivalPattern::Flat, ArrivalPattern::Custom)
}

prop_compose! {
    fn valid_scenario()(
        units in prop::collection::vec(0.0..=1.0f64, Field::ALL.len()),
        weights in prop::collection::vec(1u32..20, 1..=4),
        region in 0usize..3,
        pattern in 0usize..5,
        all_week in any::<bool>(),
        multilingual in any::<bool>(),
    ) -> Scenario {
        scenario_from(&units, &weights, region, pattern, all_week, multilingual)
    }
}

prop_compose! {
    /// A valid scenario with a year of its own: quiet, base and busy
    /// months, seasonal hiring or not.
    fn year_scenario()(
        s in valid_scenario(),
        months in prop::collection::vec(
            prop::sample::select(vec![0.4, 1.0, 1.0, 1.0, 1.2, 1.5, 2.0, 3.0]),
            MONTHS,
        ),
        seasonal in any::<bool>(),
    ) -> Scenario {
        let mut s = s;
        s.year = YearProfile(std::array::from_fn(|i| months[i]));
        s.seasonal_agents = seasonal;
        s
    }
}

/// Every number in the outcome is finite and ≥ 0; `null` (an f64 that was
/// NaN, or a `None`) only where an Option is declared.
fn check_numbers(value: &Value, key: &str, path: &str) -> Result<(), String> {
    match value {
        Value::Null
            if matches!(
                key,
                "asa_s"
                    | "contacts_per_month"
                    | "shared[]"
                    | "pool_s"
                    | "monthly_saving"
                    | "volume_below"
                    | "volume_above"
                    | "service"
                    | "hours"
                    | "season_below"
                    | "season_above"
                    | "core_window"
                    | "runner_up"
                    | "month"
                    | "break_even_cost_per_agent_month"
                    | "agents_to_meet_targets"
            ) =>
        {
            Ok(())
        }
        Value::Null => Err(format!("null at {path}")),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.is_finite() && x >= 0.0 => Ok(()),
            other => Err(format!("{other:?} at {path}")),
        },
        Value::Array(items) => {
            let item_key = if key == "shared" { "shared[]" } else { key };
            items
                .iter()
                .try_for_each(|v| check_numbers(v, item_key, path))
        }
        Value::Object(map) => map
            .iter()
            .try_for_each(|(k, v)| check_numbers(v, k, &format!("{path}.{k}"))),
        _ => Ok(()),
    }
}

fn assert_sane(outcome: &Outcome) -> Result<(), TestCaseError> {
    let value = serde_json::to_value(outcome).map_err(|e| TestCaseError::fail(e.to_string()))?;
    check_numbers(&value, "", "outcome").map_err(TestCaseError::fail)?;
    prop_assert_eq!(outcome.curves.volumes.len(), 50);
    Ok(())
}

/// `s` with the pool's price per handled hour at least what a dedicated
/// seat costs per hour of work (with a margin): the rate with its share of a lead, the
/// tools and the training over the term, over occupancy and time on seat. More requested hours hand the
/// combined model's pool the deferred work arriving in them; a pool
/// cheaper than a seat rightly makes that cheaper, and so does a pool
/// whose monthly minimum is not yet used up (its next minute is free) or
/// one that takes emails at a fee below their minutes.
fn pool_no_cheaper_than_a_seat(mut s: Scenario) -> Option<Scenario> {
    s.shared_minimum = 0.0;
    s.email_fee = 0.0;
    let paid_hour = 1.0
        + LEAD_RATE_MULTIPLIER / s.lead_span
        + (s.tech_per_seat + s.training_per_agent / s.contract_months)
            / (s.rate_per_hour * PAID_HOURS_PER_MONTH);
    let worked = s.max_occupancy_pct / 100.0 * (1.0 - s.shrinkage_pct / 100.0);
    // Premiums a seat may carry and the pool never bills: languages (every
    // seat of a multilingual team) and nights and weekends. Without them a
    // pool cheaper than a premium seat takes work from the team as hours
    // are added, and rightly costs less.
    let premiums = 1.0 + (s.language_premium_pct + s.offhours_premium_pct) / 100.0;
    // 5 % above, clear of the billed agents rounded up to whole ones.
    let seat = 1.05 * paid_hour * premiums / worked;
    let markup = s.shared_markup_pct.max(100.0 * (seat - 1.0));
    s.shared_markup_pct = markup;
    (markup <= Field::SharedMarkup.spec().max).then_some(s)
}

/// What one billed agent costs a month, with a lead's share, tools and
/// training over the term.
fn one_agent(s: &Scenario) -> f64 {
    s.rate_per_hour * PAID_HOURS_PER_MONTH * (1.0 + LEAD_RATE_MULTIPLIER / s.lead_span)
        + s.tech_per_seat
        + s.training_per_agent / s.contract_months
}

/// Each model's monthly cost, and whether it turns contacts away at the
/// pool's cap.
fn costs(s: &Scenario) -> [(f64, bool); 3] {
    let o = compute(s);
    ModelKind::ALL.map(|k| {
        let r = o.model(k).unwrap();
        (r.monthly_cost, r.unserved_contacts > 0.0)
    })
}

/// Each model's monthly cost, and whether it is no quote at all: it turns
/// contacts away or misses a target.
fn quotes(s: &Scenario) -> [(f64, bool); 3] {
    let o = compute(s);
    ModelKind::ALL.map(|k| {
        let r = o.model(k).unwrap();
        (r.monthly_cost, r.unserved_contacts > 0.0 || !r.qualifies)
    })
}

fn assert_not_cheaper(
    before: &Scenario,
    after: &Scenario,
    what: &str,
) -> Result<(), TestCaseError> {
    assert_not_cheaper_by(before, after, what, 0.0, costs)
}

/// As `assert_not_cheaper`, the team-based models allowed to fall by at
/// most `team_slack` a month, the prices read by `read`.
fn assert_not_cheaper_by(
    before: &Scenario,
    after: &Scenario,
    what: &str,
    team_slack: f64,
    read: fn(&Scenario) -> [(f64, bool); 3],
) -> Result<(), TestCaseError> {
    let (a, b) = (read(before), read(after));
    for (((x, capped_before), (y, capped_after)), kind) in
        a.iter().zip(b.iter()).zip(ModelKind::ALL)
    {
        // A pool full to its cap bills the cap: which contacts fill it (and
        // so its per-contact billing overhead) may shift by a hair as the
        // volume or the hours change (found by the 100,000-case run).
        if *capped_before || *capped_after {
            continue;
        }
        let slack = if kind == ModelKind::Shared {
            0.0
        } else {
            team_slack
        };
        prop_assert!(
            *y >= x * (1.0 - 1e-9) - 1e-6 - slack,
            "{:?} fell from {} to {} when {} rose: {} -> {}",
            kind,
            x,
            y,
            what,
            before.to_query(),
            after.to_query()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::cases(64))]

    #[test]
    fn valid_scenarios_give_finite_non_negative_outcomes(s in valid_scenario()) {
        prop_assert!(s.validate().is_empty(), "{:?}", s.validate());
        assert_sane(&compute(&s))?;
    }

    #[test]
    fn cost_never_falls_when_volume_rises(s in valid_scenario(), from in -5.0..0.5f64, step in 1.01..2.0f64) {
        // From 0.7 % to 165 % of the generated volume, so every part of the
        // cost curve (minimum seats, the first load-driven agents) is walked.
        let before = s.with_volume_scaled(from.exp());
        assert_not_cheaper(&before, &before.with_volume_scaled(step), "volume")?;
    }

    /// A team whose need runs a hundredth of an FTE (under two hours a
    /// month) past n whole agents is billed n agents and works the rest
    /// as overtime: no agent is billed for a sliver of seat time. Billed n
    /// a hundredth under n too, it costs the same but for those hours (a
    /// team of 21 or more may work its last agent's hours late there, and
    /// cost less). Shrinkage moves the FTE and nothing else (the seats are
    /// the queue's), so it sets the need.
    #[test]
    fn a_sliver_past_a_whole_agent_is_overtime_not_another_agent(s in valid_scenario()) {
        let d = compute(&s).dedicated;
        let n = d.fte.round();
        prop_assume!(n >= 1.0);
        let at = |fte: f64| {
            let mut t = s.clone();
            t.shrinkage_pct = 100.0 - (100.0 - s.shrinkage_pct) * d.fte / fte;
            (t.validate().is_empty()).then(|| compute(&t).dedicated)
        };
        let (Some(under), Some(over)) = (at(n - 0.01), at(n + 0.01)) else {
            return Err(TestCaseError::reject("shrinkage out of range"));
        };
        prop_assert!((over.fte - n - 0.01).abs() < 1e-6, "{} for {}", over.fte, n + 0.01);
        prop_assert_eq!(over.billed_agents, n as u32);
        prop_assert!(
            (over.planned_overtime_hours - 0.01 * PAID_HOURS_PER_MONTH).abs() < 1e-6,
            "{} overtime hours", over.planned_overtime_hours
        );
        prop_assert!(under.billed_agents + 1 >= n as u32 && under.billed_agents <= n as u32);
        // Those hours at time and a half, with their premiums.
        let b = &under.breakdown;
        let premiums = b.language_premium + b.specialist_premium + b.offhours_premium;
        let hour_fte = PAID_HOURS_PER_MONTH * s.rate_per_hour + premiums / under.fte;
        prop_assert!(
            over.monthly_cost >= under.monthly_cost - 1e-6
                && (under.billed_agents < n as u32
                    || over.monthly_cost - under.monthly_cost < 0.02 * 1.5 * hour_fte),
            "{} against {}", over.monthly_cost, under.monthly_cost
        );
    }

    #[test]
    fn the_twelve_months_sum_to_the_first_year(s in year_scenario()) {
        let o = compute(&s);
        assert_sane(&o)?;
        for k in ModelKind::ALL {
            let r = o.model(k).unwrap();
            let sum: f64 = r.months.iter().map(|m| m.cost).sum();
            prop_assert!(
                (r.setup_cost + sum - r.first_year_cost).abs() <= 1e-9 * r.first_year_cost.max(1.0),
                "{:?}: {} + {} against {}", k, r.setup_cost, sum, r.first_year_cost
            );
            let busiest = r.months.iter().map(|m| m.cost).fold(0.0, f64::max);
            prop_assert!(r.peak_month_cost + 1e-6 >= busiest);
        }
    }

    #[test]
    fn raising_a_month_never_lowers_a_first_year_cost(
        s in year_scenario(),
        month in 0usize..MONTHS,
        step in 0.05..1.5f64,
    ) {
        let mut raised = s.clone();
        raised.year.0[month] = (s.year.0[month] + step).min(MONTH_SPEC.max);
        let (a, b) = (compute(&s), compute(&raised));
        // The buyer's own team's column too, when the scenario has one.
        for k in a.kinds() {
            let (x, y) = (a.model(k).unwrap(), b.model(k).unwrap());
            // A pool full to its cap bills the cap (see assert_not_cheaper_by).
            let capped = |r: &ModelResult| r.months.iter().any(|m| m.unserved_contacts > 0.0);
            if capped(x) || capped(y) {
                continue;
            }
            prop_assert!(
                y.first_year_cost >= x.first_year_cost * (1.0 - 1e-9) - 1e-6,
                "{:?} fell from {} to {} raising month {}: {} -> {}",
                k, x.first_year_cost, y.first_year_cost, month, s.to_query(), raised.to_query()
            );
        }
    }

    #[test]
    fn cost_never_falls_when_rate_rises(s in valid_scenario(), step in 0.5..10.0f64) {
        let mut t = s.clone();
        t.rate_per_hour = (s.rate_per_hour + step).min(50.0);
        assert_not_cheaper(&s, &t, "rate")?;
    }

    #[test]
    fn cost_never_falls_when_coverage_rises(s in valid_scenario(), how in 0usize..3) {
        // From set hours: a 24/7 scenario (half of those generated) has no
        // hour to add.
        let mut s = s;
        s.all_week = false;
        // Seats dearer than the dearest pool: nothing to check.
        let Some(s) = pool_no_cheaper_than_a_seat(s) else { return Ok(()) };
        // A response window longer than the desk's week is due within the
        // week; an hour more then gives the same work more hours to spread
        // over. Windows within a week of open hours, as desks set them.
        if s.email_window_h > f64::from(compute(&s).requested_hours_per_week) {
            return Ok(());
        }
        let mut t = s.clone();
        match how {
            0 if t.close_hour < 24.0 => t.close_hour += 1.0,
            1 if t.days < 7.0 => t.days += 1.0,
            _ => t.all_week = true,
        }
        // Every case adds requested hours, but open 0–24 seven days a
        // week, which is 24/7 already.
        let hours = |x: &Scenario| requested_hours(x).iter().filter(|&&h| h).count();
        prop_assume!(hours(&s) < 168);
        prop_assert!(hours(&t) > hours(&s), "{} -> {}", s.to_query(), t.to_query());
        // An hour more moves the response window's deadlines and hands the
        // combined model's pool the work arriving in it: the seat time
        // deferred work takes may then fall by a hair, and the team under a
        // whole billed agent. One agent's month is the slack.
        // A model that misses a target is no quote: a core window that
        // leaves its team no time for the work may fail more cheaply.
        assert_not_cheaper_by(&s, &t, "coverage hours", one_agent(&s), quotes)?;
    }

    #[test]
    fn cost_never_falls_when_languages_rise(s in valid_scenario(), part in 0.1..0.9f64) {
        prop_assume!(s.languages.len() < CODES.len());
        let mut t = s.clone();
        if let Some(last) = t.languages.last_mut() {
            let moved = last.share_pct * part;
            last.share_pct -= moved;
            let code = CODES[s.languages.len()].to_string();
            t.languages.push(LanguageShare { code, share_pct: moved });
        }
        prop_assert!(t.validate().is_empty());
        // A language more splits a team: its deferred work meets other
        // deadlines in other room, and the seat time it takes may fall by a
        // hair, taking the team under a whole billed agent.
        assert_not_cheaper_by(&s, &t, "languages", one_agent(&s), costs)?;
    }

    #[test]
    fn link_round_trips(s in valid_scenario()) {
        let (back, warnings) = Scenario::from_query(&s.to_query());
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(back, s);
    }
}

/// Every warning answers to something the link says, and shows at most 64
/// characters of it: a value given for its key, a custom pattern without
/// a readable week, or hours (core hours, languages) given that do not fit
/// together. At most one warning for each pair, and one for each group a
/// link's values leave invalid.
fn explained(q: &str, warnings: &[QueryWarning]) -> Result<(), TestCaseError> {
    let keys: Vec<String> = q
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| decode(p.split_once('=').map_or(p, |(k, _)| k)))
        .collect();
    let given = |k: &str| keys.iter().any(|x| x == k);
    let mut per_pair = 0;
    for w in warnings {
        prop_assert!(w.value.chars().count() <= 64, "{w:?}");
        let ok = match w.kind {
            QueryWarningKind::Reset { .. } => match w.key.as_str() {
                "close" => given("open") || given("close"),
                "core_close" => given("core_open") || given("core_close"),
                k => given(k),
            },
            QueryWarningKind::BadWeek => w.key == "week" && given("pattern"),
            _ => {
                per_pair += 1;
                given(&w.key)
            }
        };
        prop_assert!(ok, "{w:?} from {q:?}");
    }
    prop_assert!(per_pair <= keys.len(), "{warnings:?} from {q:?}");
    Ok(())
}

proptest! {
    #![proptest_config(common::cases(128))]

    #[test]
    fn required_agents_are_just_enough(
        traffic in 0.01..2_000.0f64,
        aht in 30.0..3_600.0f64,
        target in 0.5..0.99f64,
        t in 5.0..600.0f64,
        occupancy in 0.5..0.95f64,
    ) {
        let n = required_agents(traffic, aht, target, t, occupancy);
        prop_assert!(service_level(n, traffic, aht, t) >= target);
        prop_assert!(traffic / f64::from(n) <= occupancy + 1e-12);
        let fewer = n - 1;
        prop_assert!(
            fewer == 0
                || service_level(fewer, traffic, aht, t) < target
                || traffic / f64::from(fewer) > occupancy + 1e-12
        );
    }

    #[test]
    fn any_text_is_a_query(q in ".{0,400}") {
        let (s, warnings) = Scenario::from_query(&q);
        prop_assert!(s.validate().is_empty(), "{:?}", s.validate());
        explained(&q, &warnings)?;
    }

    #[test]
    fn any_key_value_soup_is_a_query(
        pairs in prop::collection::vec(
            (prop::sample::select(vec!["phone", "open", "close", "langs", "region", "h24", "v", "rate", "peak", "core_open", "x"]),
             "[-0-9.,:a-z%+_ ]{0,12}"),
            0..12,
        ),
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let q = q.join("&");
        let (s, warnings) = Scenario::from_query(&q);
        prop_assert!(s.validate().is_empty(), "{:?}", s.validate());
        explained(&q, &warnings)?;
    }

    #[test]
    fn validate_never_panics(values in prop::collection::vec(any::<f64>(), Field::ALL.len())) {
        let mut s = Scenario::default();
        for (f, x) in Field::ALL.into_iter().zip(values) {
            s.set(f, x);
        }
        let _ = s.validate();
    }
}

proptest! {
    #![proptest_config(common::cases(32))]

    /// compute() assumes a valid scenario but must survive any: NaN,
    /// infinities, negative and absurd values.
    #[test]
    fn compute_survives_wild_numbers(
        values in prop::collection::vec(
            prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-1.0), Just(0.0), Just(1e12), -1e6..1e6f64],
            Field::ALL.len(),
        ),
        share in prop_oneof![Just(f64::NAN), Just(-5.0), Just(0.0), Just(250.0)],
    ) {
        let mut s = Scenario::default();
        for (f, x) in Field::ALL.into_iter().zip(values) {
            s.set(f, x);
        }
        s.languages = vec![LanguageShare { code: "??".into(), share_pct: share }];
        assert_sane(&compute(&s))?;
    }

    #[test]
    fn shared_is_cheaper_at_very_low_volume(s in valid_scenario(), volume in 1.0..60.0f64) {
        let mut t = defaults_with_shape(&s);
        t.phone_per_month = volume.round();
        t.chat_per_month = (volume / 2.0).round();
        t.email_per_month = (volume / 3.0).round();
        let o = compute(&t);
        prop_assert!(o.shared.monthly_cost < o.dedicated.monthly_cost, "{} vs {}", o.shared.monthly_cost, o.dedicated.monthly_cost);
    }

    #[test]
    fn dedicated_is_cheaper_per_contact_at_very_high_volume(s in valid_scenario()) {
        let t = defaults_with_shape(&s).with_volume_scaled(60.0);
        let o = compute(&t);
        prop_assert!(
            o.dedicated.cost_per_contact < o.shared.cost_per_contact,
            "{} vs {}: {}", o.dedicated.cost_per_contact, o.shared.cost_per_contact, t.to_query()
        );
    }
}

/// Default prices, targets and hours (business hours or 24/7) with the
/// generated scenario's languages in their own queues, and its arrival
/// pattern when 24/7 is asked for (business hours get the business
/// pattern). Odd hours (evening traffic on a daytime service) would make
/// the models answer different mixes of contacts, and multilingual agents
/// carry a premium per language that can outgrow the pool's at any volume,
/// so neither belongs in a per-contact comparison.
fn defaults_with_shape(s: &Scenario) -> Scenario {
    Scenario {
        pattern: if s.all_week {
            s.pattern.clone()
        } else {
            ArrivalPattern::BusinessHours
        },
        all_week: s.all_week,
        languages: s.languages.clone(),
        ..Scenario::default()
    }
}

/// A fine sweep over volume for the default scenario and every preset: the
/// random cases above rarely land on a given step of a cost curve.
#[test]
fn cost_curves_never_fall_along_a_fine_sweep() {
    let mut scenarios = vec![Scenario::default()];
    scenarios.extend(Preset::ALL.map(Preset::scenario));
    for s in scenarios {
        let mut previous = [0.0; 3];
        for i in 0..=150 {
            let factor = 0.005 * (600.0f64).powf(f64::from(i) / 150.0);
            let now = costs(&s.with_volume_scaled(factor)).map(|(cost, _)| cost);
            for ((p, n), kind) in previous.iter().zip(now.iter()).zip(ModelKind::ALL) {
                assert!(
                    *n >= p * (1.0 - 1e-9),
                    "{kind:?} fell from {p} to {n} at ×{factor} of {}",
                    s.to_query()
                );
            }
            previous = now;
        }
        let curves = compute(&s).curves;
        for series in [&curves.dedicated, &curves.combined] {
            assert!(
                series.windows(2).all(|w| w[1] >= w[0] * (1.0 - 1e-9)),
                "{series:?}"
            );
        }
        let served: Vec<f64> = curves.shared.iter().flatten().copied().collect();
        assert!(served.windows(2).all(|w| w[1] >= w[0]), "{served:?}");
    }
}

/// One live channel's load on a blended team: `a` Erlangs of `aht` s,
/// `target` within `t` s.
fn load(a: f64, aht: f64, target: f64, t: f64) -> LiveLoad {
    LiveLoad {
        traffic: a,
        aht_s: aht,
        target,
        target_s: t,
    }
}

proptest! {
    #![proptest_config(common::cases(128))]

    /// One live channel and nothing else: the blended team's reading is
    /// Erlang C's (docs/model.md §1, §3). Its live need lies above the
    /// agents that miss and at most at the first that meet.
    #[test]
    fn one_live_channel_alone_is_erlang_c(
        a in 0.05..200.0f64,
        aht in 30.0..1_200.0f64,
        target in 0.5..0.95f64,
        t in 5.0..120.0f64,
    ) {
        let l = load(a, aht, target, t);
        let need = live_need(&[l]);
        let n = required_agents(a, aht, target, t, 1.0);
        prop_assert!(need.agents > f64::from(n - 1) - 1e-9 && need.agents <= f64::from(n) + 1e-9,
            "need {} for Erlang C's {n}", need.agents);
        prop_assert!(need.meets(n, Deferred::NONE));
        prop_assert!(f64::from(n - 1) <= a || !need.meets(n - 1, Deferred::NONE));
        prop_assert_eq!(need.agents(Deferred::NONE, 1.0, 1), n);
        // Between the last that misses and the first that meets, read
        // linearly.
        if f64::from(n - 1) > a {
            let (lo, hi) = (service_level(n - 1, a, aht, t), service_level(n, a, aht, t));
            let expected = f64::from(n - 1) + (target - lo) / (hi - lo);
            prop_assert!((need.agents - expected).abs() < 1e-9, "{} vs {expected}", need.agents);
        }
        for k in [n, n + 1, n + 3] {
            let sl = need.service_level(k, Deferred::NONE, &l);
            prop_assert!((sl - service_level(k, a, aht, t)).abs() < 1e-9);
        }
        // A channel with no contacts is served.
        prop_assert_eq!(need.service_level(n, Deferred::NONE, &load(0.0, aht, target, t)), 1.0);
    }

    /// Deferred work of the calls' own handle time: the two classes are one
    /// queue for who waits, C(N, A + D), and a waiting call clears at
    /// (N − A)/AHT, the agents' completions less the calls arriving.
    #[test]
    fn deferred_work_of_one_handle_time_is_priority_erlang_c(
        a in 0.05..100.0f64,
        d in 0.0..20.0f64,
        aht in 30.0..1_200.0f64,
        t in 5.0..120.0f64,
        more in 1u32..6,
    ) {
        let l = load(a, aht, 0.8, t);
        let need = live_need(&[l]);
        let n = (a + d).floor() as u32 + more;
        let deferred = Deferred { erlangs: d, aht_s: aht };
        let expected = 1.0 - erlang_c(n, a + d) * (-(f64::from(n) - a) * t / aht).exp();
        let sl = need.service_level(n, deferred, &l);
        prop_assert!((sl - expected.clamp(0.0, 1.0)).abs() < 1e-9, "{sl} vs {expected}");
    }

    /// The agents an hour needs while they work `d` Erlangs of deferred work
    /// too: every target met, occupancy within the cap, at least the floor,
    /// and one fewer would break one of these.
    #[test]
    fn a_blended_hour_gets_the_fewest_agents_that_meet_everything(
        a in 0.05..100.0f64,
        chat in 0.0..20.0f64,
        d in 0.0..20.0f64,
        occ in 0.5..0.95f64,
        floor in 1u32..4,
    ) {
        let need = live_need(&[load(a, 300.0, 0.8, 20.0), load(chat, 400.0, 0.8, 60.0)]);
        let deferred = Deferred { erlangs: d, aht_s: 480.0 };
        let n = need.agents(deferred, occ, floor);
        let total = a + chat + d;
        prop_assert!(n >= floor);
        prop_assert!(need.meets(n, deferred));
        prop_assert!(total / f64::from(n) <= occ + 1e-9, "{total} Erlangs on {n} at {occ}");
        let fewer = n - 1;
        prop_assert!(
            fewer < floor || !need.meets(fewer, deferred) || total / f64::from(fewer) > occ,
            "{fewer} would do"
        );
    }

    /// The room for deferred work that `n` agents leave: with it, every
    /// live target still holds and occupancy stays within the cap; and,
    /// where the rule that an agent more adds at most `occ` of room does
    /// not bind, a few hundredths of an Erlang more would break one of them.
    #[test]
    fn the_room_live_work_leaves_is_the_most_that_keeps_every_target(
        a in 0.05..60.0f64,
        chat in 0.0..10.0f64,
        extra in 0u32..6,
        occ in 0.5..0.95f64,
    ) {
        let need = live_need(&[load(a, 300.0, 0.8, 20.0), load(chat, 400.0, 0.8, 60.0)]);
        let n = need.agents(Deferred::NONE, occ, 1) + extra;
        let room = need.room(n, occ, 480.0);
        let with = |d: f64| Deferred { erlangs: d, aht_s: 480.0 };
        let total = a + chat;
        prop_assert!(room >= 0.0);
        prop_assert!(need.meets(n, with(room)), "room {room} on {n}");
        prop_assert!((total + room) / f64::from(n) <= occ + 1e-9);
        let below = if n > 1 { need.room(n - 1, occ, 480.0) } else { 0.0 };
        prop_assert!(room <= below + occ + 1e-9);
        if room < below + occ - 1e-6 {
            let more = room + 0.02;
            prop_assert!(!need.meets(n, with(more)) || (total + more) / f64::from(n) > occ,
                "room {room} on {n} leaves more");
        }
    }
}

/// Erlang A's chain summed directly: the states' masses relative to all
/// agents busy, p(k)/p(N) = N!/(k!·A^(N−k)) below and Π A/(N + i·AHT/patience)
/// above. Returns P(wait) and P(abandon) = θ·E[queue]/λ (Little's law on
/// the abandonment flow: queued contacts each leave at rate θ).
fn erlang_a_chain(n: u32, a: f64, aht: f64, patience: f64) -> (f64, f64) {
    let mut below = 0.0;
    let mut r = 1.0;
    for k in (0..n).rev() {
        r *= f64::from(k + 1) / a;
        below += r;
    }
    let beta = aht / patience;
    let (mut busy, mut queued, mut q) = (1.0, 0.0, 1.0);
    for j in 1..1_000_000u32 {
        q *= a / (f64::from(n) + f64::from(j) * beta);
        busy += q;
        queued += f64::from(j) * q;
        if q < 1e-18 * busy {
            break;
        }
    }
    let total = below + busy;
    (busy / total, queued / total * beta / a)
}

proptest! {
    #![proptest_config(common::cases(128))]

    /// Erlang A against its chain summed directly, and its service level
    /// at the ends: nobody is answered within no time but those who do not
    /// wait, and in the end everyone is answered but those who abandon.
    #[test]
    fn erlang_a_is_its_chain(
        n in 1u32..60,
        load in 0.05..1.5f64,
        aht in 30.0..1_200.0f64,
        patience in 5.0..1_800.0f64,
        t in 1.0..300.0f64,
    ) {
        let a = load * f64::from(n);
        let (p_wait, p_abandon) = erlang_a_chain(n, a, aht, patience);
        let r = erlang_a(n, a, aht, patience, t);
        prop_assert!((r.p_wait - p_wait).abs() < 1e-9, "{} vs {p_wait}", r.p_wait);
        prop_assert!((r.p_abandon - p_abandon).abs() < 1e-9, "{} vs {p_abandon}", r.p_abandon);
        let at = |t: f64| erlang_a(n, a, aht, patience, t).service_level;
        prop_assert!((at(0.0) - (1.0 - p_wait)).abs() < 1e-9);
        prop_assert!((at(1e7) - (1.0 - p_abandon)).abs() < 1e-6, "{} vs {}", at(1e7), 1.0 - p_abandon);
        prop_assert!(at(0.0) <= r.service_level + 1e-12 && r.service_level <= at(2.0 * t) + 1e-12);
        // Answered contacts wait on average no longer than all the queue's
        // time spread over them.
        let queued = p_abandon * patience * a / aht;
        prop_assert!(r.asa_s.is_some_and(|w| w >= 0.0 && w <= queued * aht / a / (1.0 - p_abandon) * (1.0 + 1e-9) + 1e-9));
    }

    /// With endless patience Erlang A is Erlang C, ASA included.
    #[test]
    fn erlang_a_without_abandonment_is_erlang_c(
        n in 1u32..60,
        load in 0.05..0.99f64,
        aht in 30.0..1_200.0f64,
        t in 1.0..300.0f64,
    ) {
        let a = load * f64::from(n);
        let r = erlang_a(n, a, aht, f64::INFINITY, t);
        prop_assert!((r.p_wait - erlang_c(n, a)).abs() < 1e-12);
        prop_assert!((r.service_level - service_level(n, a, aht, t)).abs() < 1e-12);
        let asa = erlang_c(n, a) * aht / (f64::from(n) - a);
        prop_assert!(r.asa_s.is_some_and(|w| (w - asa).abs() <= 1e-9 * asa.max(1.0)));
        prop_assert_eq!(r.p_abandon, 0.0);
    }
}

proptest! {
    #![proptest_config(common::cases(32))]

    /// The core window is the combined model's lever: the shared and the
    /// dedicated models come out the same whatever it is.
    #[test]
    fn the_core_window_moves_only_the_combined_model(
        s in valid_scenario(),
        open in 0u32..23,
        hours in 1u32..24,
        days in 1u32..=7,
        specialised in any::<bool>(),
        seasonal in any::<bool>(),
    ) {
        let mut s = s;
        s.specialised = specialised;
        s.seasonal_agents = seasonal;
        let mut t = s.clone();
        t.core_open = f64::from(open);
        t.core_close = f64::from((open + hours).min(24));
        t.core_days = f64::from(days);
        prop_assert!(t.validate().is_empty());
        let (a, b) = (compute(&s), compute(&t));
        prop_assert_eq!(&a.shared, &b.shared);
        prop_assert_eq!(&a.dedicated, &b.dedicated);
    }
}

proptest! {
    #![proptest_config(common::cases(32))]

    /// The pool behind the buyer's own team never takes more than arrives:
    /// live contacts sent from its hours (overflow) and from the other
    /// requested hours are at most those offered in the requested hours,
    /// emails at most the emails, in a base month and in the busiest;
    /// and in every month the pool works no more hours than it would
    /// taking every contact (the shared model, with no cap to turn any
    /// away).
    #[test]
    fn own_team_overflow_never_exceeds_what_arrives(s in year_scenario(), agents in 1u32..60) {
        let mut s = s;
        s.own.agents = f64::from(agents);
        s.pool_cap_min = Field::PoolCap.spec().max;
        let o = compute(&s);
        let own = o.own_team_pool.as_ref().expect("a team was entered");
        let agents_share = 1.0 - s.deflection_pct / 100.0;
        let live = (s.phone_per_month + s.chat_per_month) * agents_share;
        let arriving = live - o.outside_hours_contacts;
        let emails = s.email_per_month * agents_share;
        let sent = own.overflow_contacts + own.outside_hours_contacts;
        prop_assert!(sent <= arriving * (1.0 + 1e-9) + 1e-9, "{} of {}", sent, arriving);
        prop_assert!(own.emails_to_pool <= emails * (1.0 + 1e-9) + 1e-9);
        let busiest = (arriving + emails) * s.year.height().max(1.0);
        prop_assert!(sent + own.emails_to_pool + own.peak_extra_contacts <= busiest * (1.0 + 1e-9) + 1e-9);
        let column = o.own_team.as_ref().expect("its column");
        for (m, all) in column.months.iter().zip(o.shared.months.iter()) {
            prop_assert!(m.pool_hours <= all.pool_hours * (1.0 + 1e-9) + 1e-9, "{:?} against {:?}", m, all);
        }
        // Its twelve months sum to its first year, as the others' do.
        let sum: f64 = column.months.iter().map(|m| m.cost).sum();
        prop_assert!((column.setup_cost + sum - column.first_year_cost).abs() <= 1e-9 * column.first_year_cost.max(1.0));
    }

    /// Another agent only turns overflow into contacts the team answers:
    /// the pool's bill (the column's cost less the team's own) never rises,
    /// in a base month, the dearest month or the first year. Under the pool's
    /// cap (the largest; cases over it are not drawn): over it, contacts
    /// the pool turned away are served instead, and billed.
    #[test]
    fn more_own_agents_never_raise_the_pools_bill(
        s in valid_scenario(),
        agents in 1u32..40,
        more in 1u32..40,
        cost in 0.0..6000.0f64,
    ) {
        let mut s = s;
        s.pool_cap_min = Field::PoolCap.spec().max;
        s.own.cost_per_agent_month = cost;
        let pool_bill = |n: u32| {
            let mut t = s.clone();
            t.own.agents = f64::from(n);
            let o = compute(&t);
            let team = f64::from(n) * cost;
            let r = o.own_team.expect("a team was entered");
            let capped = r.unserved_contacts > 0.0 || r.months.iter().any(|m| m.unserved_contacts > 0.0);
            ([r.monthly_cost - team, r.peak_month_cost - team, r.first_year_cost - 12.0 * team], capped)
        };
        let ((few, capped), (many, _)) = (pool_bill(agents), pool_bill(agents + more));
        prop_assume!(!capped);
        for (a, b) in few.iter().zip(many.iter()) {
            prop_assert!(*b <= a * (1.0 + 1e-9) + 1e-6, "{} agents: {:?}, {}: {:?}", agents, few, agents + more, many);
        }
    }
}

/// The sensitivity `SensitivityWork` gives when each part is computed by
/// its own call to `step` (as the page does, a task apart), with the parts
/// it said it computed.
fn stepwise(s: &Scenario, figures: &Figures) -> (Sensitivity, Vec<SensitivityPart>) {
    let mut work = SensitivityWork::new(s, figures);
    let mut parts = Vec::new();
    while let Some(part) = work.step() {
        parts.push(part);
    }
    (work.finish(), parts)
}

/// The parts the page computes a task apart: the curves, the break-even
/// and each lever alone, so no one of them carries the others' work.
#[test]
fn the_sensitivity_is_computed_a_curve_or_a_lever_at_a_time() {
    let parts = SensitivityPart::ALL;
    assert_eq!(parts.len(), 2 + Lever::ALL.len());
    assert_eq!(
        &parts[..2],
        &[SensitivityPart::Curves, SensitivityPart::BreakEven]
    );
    for (part, lever) in parts[2..].iter().zip(Lever::ALL) {
        assert_eq!(*part, SensitivityPart::WhatIf(lever));
    }
    let s = common::scenario("v=1");
    let (_, done) = stepwise(&s, &outsourcing_figures(&s));
    assert_eq!(done, parts, "one part a step, each once, in order");
}

/// Cut short at any part, the work finishes to the whole: the page may
/// ask for what is left at once.
#[test]
fn finishing_after_any_part_gives_the_whole() {
    let s = common::scenario("v=1&phone=30000&chat=0&email=0&h24=1&peak=1.5");
    let figures = outsourcing_figures(&s);
    let whole = outsourcing_sensitivity(&s, &figures);
    for k in 0..=SensitivityPart::ALL.len() {
        let mut work = SensitivityWork::new(&s, &figures);
        for _ in 0..k {
            work.step();
        }
        assert_eq!(work.finish(), whole, "after {k} parts");
    }
}

proptest! {
    #![proptest_config(common::cases(48))]

    #[test]
    fn the_sensitivity_a_part_at_a_time_is_the_whole(s in year_scenario(), own in any::<bool>()) {
        // With the own team's column, the what-ifs ask about the three
        // ways to outsource alone, as the whole does.
        let mut s = s;
        if own {
            s.set(Field::OwnAgents, 6.0);
            s.set(Field::OwnCost, 4000.0);
        }
        let figures = if own { figures(&s) } else { outsourcing_figures(&s) };
        let (parts, done) = stepwise(&s, &figures);
        prop_assert_eq!(done, SensitivityPart::ALL.to_vec());
        prop_assert_eq!(parts, outsourcing_sensitivity(&s, &figures));
    }
}
