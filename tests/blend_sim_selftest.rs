#![cfg(not(target_arch = "wasm32"))]
//! The blend simulation against oracles that share none of its code: Erlang
//! C for one queue, for two classes that share it and for emails alone;
//! non-preemptive priority M/M/N when emails are as long as calls; an exact
//! Markov model of the blend; offered load over agents for occupancy; spare
//! capacity for the throughput of a backlog that cannot keep up.
//!
//! Each check averages eight seeds over enough hours that its tolerance is
//! four or more standard errors (measured over 64 to 128 seeds): at 1,000
//! hours the service level's standard error is 0.13 to 0.22 points against a
//! one-point tolerance, so a failure means a real error, not bad luck. The
//! whole file simulates about 45 million events, in about two seconds.

mod blend_sim;

use blend_sim::{Deferred, LiveClass, SimResult, simulate};

/// Enough for a few hundred thousand calls per situation; the email-only
/// test takes longer, as 22 arrivals an hour give less to average.
const HOURS: f64 = 1_000.0;
const SEEDS: u64 = 8;

/// Erlang C by the Erlang B recursion, written out here so the oracle owes
/// nothing to src/model/erlang.rs.
fn erlang_c(agents: u32, traffic: f64) -> f64 {
    let b = (1..=agents).fold(1.0, |b, k| traffic * b / (f64::from(k) + traffic * b));
    let n = f64::from(agents);
    n * b / (n - traffic * (1.0 - b))
}

/// P(wait <= t) in M/M/N FCFS.
fn service_level(agents: u32, traffic: f64, aht_s: f64, target_s: f64) -> f64 {
    let gap = f64::from(agents) - traffic;
    1.0 - erlang_c(agents, traffic) * (-gap * target_s / aht_s).exp()
}

/// Mean wait in M/M/N FCFS.
fn average_speed_of_answer(agents: u32, traffic: f64, aht_s: f64) -> f64 {
    erlang_c(agents, traffic) * aht_s / (f64::from(agents) - traffic)
}

fn close(what: &str, actual: f64, expected: f64, tolerance: f64) {
    println!("{what}: simulated {actual:.4}, oracle {expected:.4}");
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: expected {expected} ± {tolerance}, got {actual}"
    );
}

/// The mean of SEEDS replications; stable only if all are.
fn replicate(
    agents: u32,
    live: &[LiveClass],
    deferred: Option<&Deferred>,
    hours: f64,
) -> SimResult {
    let runs: Vec<SimResult> = (1..=SEEDS)
        .map(|seed| simulate(agents, live, deferred, hours, seed))
        .collect();
    let mean = |field: fn(&SimResult) -> f64| runs.iter().map(field).sum::<f64>() / SEEDS as f64;
    let per_class = |field: fn(&SimResult) -> &Vec<f64>| {
        (0..live.len())
            .map(|i| runs.iter().map(|r| field(r)[i]).sum::<f64>() / SEEDS as f64)
            .collect()
    };
    SimResult {
        live_within: per_class(|r| &r.live_within),
        live_mean_wait_s: per_class(|r| &r.live_mean_wait_s),
        deferred_within: mean(|r| r.deferred_within),
        deferred_mean_wait_s: mean(|r| r.deferred_mean_wait_s),
        deferred_p90_wait_s: mean(|r| r.deferred_p90_wait_s),
        deferred_throughput: mean(|r| r.deferred_throughput),
        deferred_stable: runs.iter().all(|r| r.deferred_stable),
        occupancy: mean(|r| r.occupancy),
        events: runs.iter().map(|r| r.events).sum(),
    }
}

fn call(per_hour: f64) -> LiveClass {
    LiveClass {
        per_hour,
        aht_s: 180.0,
        target_s: 20.0,
    }
}

/// 10 emails an hour of 8 minutes, to be taken within a day.
const EMAIL: Deferred = Deferred {
    per_hour: 10.0,
    aht_s: 480.0,
    window_s: 86_400.0,
};

#[test]
fn the_oracle_reproduces_the_published_erlang_c_examples() {
    assert!((erlang_c(14, 10.0) - 0.1741319).abs() < 5e-8);
    assert!((service_level(14, 10.0, 180.0, 20.0) - 0.88835).abs() < 5e-6);
    assert!((average_speed_of_answer(14, 10.0, 180.0) - 7.836).abs() < 5e-4);
    assert_eq!((service_level(24, 20.0, 180.0, 20.0) * 100.0).round(), 81.0);
    assert_eq!((service_level(25, 20.0, 180.0, 20.0) * 100.0).round(), 88.0);
}

#[test]
fn one_live_class_is_erlang_c() {
    // 200 calls an hour of 180 s is 10 Erlangs; 400 is 20.
    for (agents, per_hour) in [(14, 200.0), (24, 400.0), (25, 400.0)] {
        let traffic = per_hour * 180.0 / 3600.0;
        let sim = replicate(agents, &[call(per_hour)], None, HOURS);
        let label = format!("A={traffic} N={agents}");
        close(
            &format!("{label} within 20 s"),
            sim.live_within[0],
            service_level(agents, traffic, 180.0, 20.0),
            0.01,
        );
        let asa = average_speed_of_answer(agents, traffic, 180.0);
        close(
            &format!("{label} mean wait"),
            sim.live_mean_wait_s[0],
            asa,
            0.1 * asa,
        );
        close(
            &format!("{label} occupancy"),
            sim.occupancy,
            traffic / f64::from(agents),
            0.005,
        );
    }
}

#[test]
fn two_live_classes_with_one_handle_time_are_one_erlang_c_queue() {
    // FCFS across classes with one AHT is one M/M/N queue of the summed
    // load; each class only reads it against its own target.
    let phone = call(120.0);
    let chat = LiveClass {
        per_hour: 80.0,
        aht_s: 180.0,
        target_s: 60.0,
    };
    let sim = replicate(14, &[phone, chat], None, HOURS);
    for (i, class) in [phone, chat].iter().enumerate() {
        close(
            &format!("class {i} within {} s", class.target_s),
            sim.live_within[i],
            service_level(14, 10.0, 180.0, class.target_s),
            0.01,
        );
        let asa = average_speed_of_answer(14, 10.0, 180.0);
        close(
            &format!("class {i} mean wait"),
            sim.live_mean_wait_s[i],
            asa,
            0.1 * asa,
        );
    }
}

#[test]
fn emails_between_calls_cost_the_calls_service_level() {
    // An exact Markov model of this system (calls first at dispatch, no
    // preemption; solved on a truncated state space, tail mass below 1e-8)
    // gives: calls within 20 s 74.66 %, mean call wait 20.49 s, mean email
    // wait 98.65 s, occupancy (10 + 4/3) / 14.
    let alone = replicate(14, &[call(200.0)], None, HOURS);
    let blended = replicate(14, &[call(200.0)], Some(&EMAIL), HOURS);
    println!(
        "blend: calls within 20 s: {:.4} alone, {:.4} with emails",
        alone.live_within[0], blended.live_within[0]
    );
    assert!((0.878..0.898).contains(&alone.live_within[0]));
    assert!(
        (0.725..0.77).contains(&blended.live_within[0]),
        "{}",
        blended.live_within[0]
    );
    close(
        "blend: call mean wait",
        blended.live_mean_wait_s[0],
        20.49,
        2.0,
    );
    close(
        "blend: email mean wait",
        blended.deferred_mean_wait_s,
        98.65,
        10.0,
    );
    close(
        "blend: occupancy",
        blended.occupancy,
        (10.0 + 4.0 / 3.0) / 14.0,
        0.005,
    );
    println!("blend: email p90 wait {:.1} s", blended.deferred_p90_wait_s);
    assert!(blended.deferred_stable);
    assert_eq!(blended.deferred_within, 1.0);
}

#[test]
fn with_one_handle_time_the_blend_is_priority_erlang_c() {
    // With emails as long as calls, all agents busy is Erlang C of the total
    // load (11 Erlangs here, 20 emails an hour of 180 s), and a waiting
    // call, first at every completion of the N busy agents, waits an
    // exponential time of rate N/AHT − λ_calls. Emails wait on average
    // C / (N/AHT · (1 − σ_calls)(1 − σ_all)), Cobham's formula.
    let email = Deferred {
        per_hour: 20.0,
        aht_s: 180.0,
        window_s: 86_400.0,
    };
    let sim = replicate(14, &[call(200.0)], Some(&email), HOURS);
    let c = erlang_c(14, 11.0);
    let capacity: f64 = 14.0 / 180.0; // completions per second when all are busy
    let calls = 200.0 / 3600.0;
    let within = 1.0 - c * (-(capacity - calls) * 20.0).exp();
    close(
        "equal AHT: calls within 20 s",
        sim.live_within[0],
        within,
        0.01,
    );
    let call_wait = c / (capacity - calls);
    close(
        "equal AHT: call mean wait",
        sim.live_mean_wait_s[0],
        call_wait,
        0.1 * call_wait,
    );
    let email_wait = c / capacity / ((1.0 - 10.0 / 14.0) * (1.0 - 11.0 / 14.0));
    close(
        "equal AHT: email mean wait",
        sim.deferred_mean_wait_s,
        email_wait,
        0.1 * email_wait,
    );
}

#[test]
fn deferred_alone_is_erlang_c() {
    // With no live class the backlog is an M/M/N FIFO queue: 4 agents,
    // 22.5 emails an hour of 8 minutes = 3 Erlangs, window 15 minutes.
    let email = Deferred {
        per_hour: 22.5,
        aht_s: 480.0,
        window_s: 900.0,
    };
    let sim = replicate(4, &[], Some(&email), 8.0 * HOURS);
    let c = erlang_c(4, 3.0);
    close(
        "email only: within 15 min",
        sim.deferred_within,
        service_level(4, 3.0, 480.0, 900.0),
        0.01,
    );
    let asa = average_speed_of_answer(4, 3.0, 480.0);
    close(
        "email only: mean wait",
        sim.deferred_mean_wait_s,
        asa,
        0.1 * asa,
    );
    // P(W > w) = C e^{-(N-A) w / AHT} = 0.1.
    let p90 = 480.0 * (c / 0.1).ln();
    close(
        "email only: p90 wait",
        sim.deferred_p90_wait_s,
        p90,
        0.1 * p90,
    );
    close("email only: occupancy", sim.occupancy, 0.75, 0.005);
    assert!(sim.deferred_stable);
}

#[test]
fn a_backlog_beyond_capacity_is_unstable() {
    // 40 emails an hour of 8 minutes add 5.33 Erlangs to the calls' 10: 15.3
    // on 14 agents. Every agent ends up busy, the calls take their 10, and
    // the emails get the other 4 of the 5.33 they need.
    let heavy = Deferred {
        per_hour: 40.0,
        ..EMAIL
    };
    let short = replicate(14, &[call(200.0)], Some(&heavy), HOURS);
    assert!(!short.deferred_stable);
    close(
        "throughput when short",
        short.deferred_throughput,
        0.75,
        0.02,
    );
    close("occupancy when short", short.occupancy, 1.0, 0.005);
    assert!(short.deferred_within < 0.5);

    let room = replicate(14, &[call(200.0)], Some(&EMAIL), HOURS);
    assert!(room.deferred_stable);
    close("throughput with room", room.deferred_throughput, 1.0, 0.01);
    close("within a day with room", room.deferred_within, 1.0, 0.001);
}

#[test]
fn a_seed_fixes_the_result() {
    let run = |seed| simulate(14, &[call(200.0)], Some(&EMAIL), 50.0, seed);
    assert_eq!(run(7), run(7));
    assert_ne!(run(7).live_within, run(8).live_within);
    assert_ne!(run(7).deferred_mean_wait_s, run(8).deferred_mean_wait_s);
}
