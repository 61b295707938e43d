#![cfg(not(target_arch = "wasm32"))]
//! The blended team's staffing against the simulation: for each team of a
//! range of programmes, quiet to busy, one to three channels, one to four
//! languages (each language its own team, with its share of the volume),
//! the agents `blend::live_need(..).agents(deferred, occ, 1)` gives for an hour
//! are simulated with that hour's contacts, and every live channel must
//! answer its target share within its target time, give or take two
//! points, with the email backlog stable.
//!
//! Each team runs on several seeds; the standard error across them is
//! printed and kept well under a point. Each is sized so that its quietest
//! stream, live or email, brings about [`ARRIVALS`] contacts a seed;
//! `BLEND_SIM_SCALE=<k>` runs k times longer (scripts/fuzz.sh runs 10),
//! `BLEND_SIM_HOURS=<hours>` that many measured hours for every team.
//!
//! `cargo test --test blending -- --nocapture` prints the table: the model's
//! agents (and what set them: the targets or the occupancy cap), each
//! channel's service as the model reads it and its target, the simulated
//! service (± its standard error), the simulated occupancy, and whether one
//! agent fewer would also have met every target in the simulation.

mod blend_sim;

use std::sync::Mutex;
use std::time::Instant;

use blend_sim::{Deferred, LiveClass, SimResult, simulate};
use supportcalc::model::blend::{self, LiveLoad, live_need};
use supportcalc::model::staffing::CHAT_CONCURRENCY_FACTOR;

/// The default page's handle times and targets: calls of 6 minutes, 80 %
/// within 20 s; chats of 10 minutes at two at once (an effective 600 / 1.7
/// s), 80 % within 60 s; emails of 8 minutes, within a day.
const PHONE_AHT_S: f64 = 360.0;
const CHAT_AHT_S: f64 = 600.0;
const EMAIL_AHT_S: f64 = 480.0;
const EMAIL_WINDOW_S: f64 = 86_400.0;
const OCC: f64 = 0.85;
/// Simulated service may fall this far below the target.
const TOLERANCE: f64 = 0.02;

/// Seeds per team, and the contacts its quietest stream should bring each
/// seed; hours are kept within [`MIN_HOURS`, `MAX_HOURS`].
const SEEDS: u64 = 4;
const ARRIVALS: f64 = 150_000.0;
const MIN_HOURS: f64 = 2_000.0;
const MAX_HOURS: f64 = 1_000_000.0;

fn chat_aht() -> f64 {
    CHAT_AHT_S / CHAT_CONCURRENCY_FACTOR[1]
}

/// A programme's busiest-hour contacts, all languages, and its targets.
#[derive(Clone, Copy)]
struct Programme {
    name: &'static str,
    phone_per_hour: f64,
    chat_per_hour: f64,
    email_per_hour: f64,
    /// Each language's share of every channel.
    languages: &'static [f64],
    phone_target: (f64, f64),
    chat_target: (f64, f64),
}

const DEFAULT_TARGETS: ((f64, f64), (f64, f64)) = ((0.80, 20.0), (0.80, 60.0));

const fn programme(
    name: &'static str,
    phone_per_hour: f64,
    chat_per_hour: f64,
    email_per_hour: f64,
    languages: &'static [f64],
) -> Programme {
    Programme {
        name,
        phone_per_hour,
        chat_per_hour,
        email_per_hour,
        languages,
        phone_target: DEFAULT_TARGETS.0,
        chat_target: DEFAULT_TARGETS.1,
    }
}

const ONE: &[f64] = &[1.0];
const TWO: &[f64] = &[0.6, 0.4];
const THREE: &[f64] = &[0.5, 0.3, 0.2];
const FOUR: &[f64] = &[0.55, 0.2, 0.15, 0.1];

/// Quiet to busy; phone, phone + chat, all three, chat + email, email.
/// The 50 / 30 / 20 mix is the one the volume sweeps in advice.rs use.
const PROGRAMMES: &[Programme] = &[
    programme("phone trickle", 0.5, 0.0, 0.0, ONE),
    programme("phone, quiet", 3.0, 0.0, 0.0, TWO),
    programme("phone, busy", 600.0, 0.0, 0.0, ONE),
    programme("phone, mid", 150.0, 0.0, 0.0, FOUR),
    programme("phone+chat, quiet", 2.0, 1.5, 0.0, ONE),
    programme("phone+chat, mid", 60.0, 40.0, 0.0, THREE),
    programme("phone+chat, busy", 400.0, 250.0, 0.0, ONE),
    programme("50/30/20, trickle", 1.0, 0.6, 0.4, ONE),
    programme("50/30/20, small", 10.0, 6.0, 4.0, TWO),
    programme("50/30/20, mid", 50.0, 30.0, 20.0, FOUR),
    programme("50/30/20, large", 200.0, 120.0, 80.0, THREE),
    programme("50/30/20, busy", 350.0, 210.0, 140.0, ONE),
    programme("chat+email, small", 0.0, 8.0, 5.0, ONE),
    programme("chat+email, mid", 0.0, 100.0, 60.0, TWO),
    programme("phone+email", 30.0, 0.0, 30.0, ONE),
    programme("email only, small", 0.0, 0.0, 5.0, ONE),
    programme("email only, mid", 0.0, 0.0, 60.0, TWO),
    programme("email-heavy, quiet", 1.0, 0.5, 15.0, ONE),
    programme("email-heavy, mid", 20.0, 0.0, 60.0, ONE),
    programme("email-heavy, busy", 100.0, 60.0, 250.0, TWO),
    Programme {
        phone_target: (0.90, 15.0),
        chat_target: (0.85, 30.0),
        ..programme("strict, small", 12.0, 8.0, 5.0, TWO)
    },
];

/// One language's team in the programme's busy hour.
#[derive(Clone)]
struct Team {
    label: String,
    /// Live classes with their targets (a fraction).
    live: Vec<(LiveClass, f64)>,
    email: Deferred,
}

impl Team {
    fn loads(&self) -> Vec<LiveLoad> {
        self.live
            .iter()
            .map(|&(c, target)| LiveLoad {
                traffic: c.per_hour * c.aht_s / 3600.0,
                aht_s: c.aht_s,
                target,
                target_s: c.target_s,
            })
            .collect()
    }

    fn classes(&self) -> Vec<LiveClass> {
        self.live.iter().map(|l| l.0).collect()
    }

    fn deferred_erlangs(&self) -> f64 {
        self.email.per_hour * self.email.aht_s / 3600.0
    }

    fn live_erlangs(&self) -> f64 {
        self.loads().iter().map(|l| l.traffic).sum()
    }

    /// Measured hours for each seed.
    fn hours(&self) -> f64 {
        if let Some(h) = std::env::var("BLEND_SIM_HOURS")
            .ok()
            .and_then(|h| h.parse::<f64>().ok())
            .filter(|&h| h > 0.0)
        {
            return h;
        }
        let quietest = self
            .live
            .iter()
            .map(|l| l.0.per_hour)
            .chain([self.email.per_hour])
            .filter(|&r| r > 0.0)
            .fold(f64::INFINITY, f64::min);
        let scale = std::env::var("BLEND_SIM_SCALE")
            .ok()
            .and_then(|x| x.parse::<f64>().ok())
            .filter(|&x| x > 0.0)
            .unwrap_or(1.0);
        (scale * ARRIVALS / quietest).clamp(scale * MIN_HOURS, scale * MAX_HOURS)
    }
}

fn teams() -> Vec<Team> {
    let mut out = Vec::new();
    for p in PROGRAMMES {
        for (i, &share) in p.languages.iter().enumerate() {
            let mut live = Vec::new();
            if p.phone_per_hour > 0.0 {
                live.push((
                    LiveClass {
                        per_hour: p.phone_per_hour * share,
                        aht_s: PHONE_AHT_S,
                        target_s: p.phone_target.1,
                    },
                    p.phone_target.0,
                ));
            }
            if p.chat_per_hour > 0.0 {
                live.push((
                    LiveClass {
                        per_hour: p.chat_per_hour * share,
                        aht_s: chat_aht(),
                        target_s: p.chat_target.1,
                    },
                    p.chat_target.0,
                ));
            }
            let label = if p.languages.len() > 1 {
                format!("{} [lang {} of {}]", p.name, i + 1, p.languages.len())
            } else {
                p.name.to_string()
            };
            out.push(Team {
                label,
                live,
                email: Deferred {
                    per_hour: p.email_per_hour * share,
                    aht_s: EMAIL_AHT_S,
                    window_s: EMAIL_WINDOW_S,
                },
            });
        }
    }
    out
}

/// Per live channel the mean over the seeds and its standard error; the
/// backlog stable on every seed.
struct Measured {
    within: Vec<f64>,
    se: Vec<f64>,
    stable: bool,
    occupancy: f64,
    events: u64,
}

fn replicate(team: &Team, agents: u32, hours: f64) -> Measured {
    let classes = team.classes();
    let email = (team.email.per_hour > 0.0).then_some(&team.email);
    let runs: Vec<SimResult> = (1..=SEEDS)
        .map(|seed| simulate(agents, &classes, email, hours, seed))
        .collect();
    let k = SEEDS as f64;
    let (mut within, mut se) = (Vec::new(), Vec::new());
    for i in 0..classes.len() {
        let xs: Vec<f64> = runs.iter().map(|r| r.live_within[i]).collect();
        let mean = xs.iter().sum::<f64>() / k;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0);
        within.push(mean);
        se.push((var / k).sqrt());
    }
    Measured {
        within,
        se,
        stable: runs.iter().all(|r| r.deferred_stable),
        occupancy: runs.iter().map(|r| r.occupancy).sum::<f64>() / k,
        events: runs.iter().map(|r| r.events).sum(),
    }
}

struct Row {
    team: Team,
    live_erlangs: f64,
    deferred: f64,
    need: f64,
    agents: u32,
    /// What sets N: the targets, the occupancy cap or the floor of one.
    binding: &'static str,
    analytic: Vec<f64>,
    at_n: Measured,
    /// One agent fewer: `None` when that is no agent at all.
    fewer: Option<Measured>,
    hours: f64,
}

impl Row {
    /// Every live target met, and the backlog stable.
    fn meets(&self, m: &Measured) -> bool {
        m.stable
            && m.within
                .iter()
                .zip(self.team.live.iter())
                .all(|(&w, l)| w >= l.1)
    }
}

fn evaluate(team: &Team) -> Row {
    let loads = team.loads();
    let need = live_need(&loads);
    let d = team.deferred_erlangs();
    let deferred = blend::Deferred {
        erlangs: d,
        aht_s: team.email.aht_s,
    };
    let agents = need.agents(deferred, OCC, 1);
    // The targets alone (any occupancy short of every agent busy).
    let by_service = need.agents(deferred, 1.0, 1);
    let binding = if agents > by_service {
        "occ"
    } else if agents == 1 {
        "floor"
    } else {
        "SL"
    };
    // Each channel as the model reads it: the live channels served first,
    // the deferred work in the same N agents.
    let a = need.traffic;
    let analytic = loads
        .iter()
        .map(|l| need.service_level(agents, deferred, l))
        .collect();
    let hours = team.hours();
    let at_n = replicate(team, agents, hours);
    let fewer = (agents > 1).then(|| replicate(team, agents - 1, hours));
    Row {
        team: team.clone(),
        live_erlangs: a,
        deferred: d,
        need: need.agents,
        agents,
        binding,
        analytic,
        at_n,
        fewer,
        hours,
    }
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn print_table(rows: &[Row]) {
    println!(
        "{:<34} {:>6} {:>6} {:>6} {:>3} {:<5} {:<26} {:<30} {:>5} {:<36} {:>7}",
        "team",
        "live E",
        "def E",
        "need",
        "N",
        "by",
        "analytic SL at N (%)",
        "simulated SL at N (%) ± se",
        "occ %",
        "N−1 (sim SL %)",
        "hours"
    );
    for r in rows {
        let targets: Vec<String> = r
            .team
            .live
            .iter()
            .zip(r.analytic.iter())
            .map(|(l, &a)| format!("{}/{}", pct(a).trim(), (100.0 * l.1).round()))
            .collect();
        let sim: Vec<String> = r
            .at_n
            .within
            .iter()
            .zip(r.at_n.se.iter())
            .map(|(&w, &se)| format!("{}±{:.2}", pct(w).trim(), 100.0 * se))
            .collect();
        let stable = if r.at_n.stable { "" } else { " UNSTABLE" };
        let fewer = match &r.fewer {
            None => "n/a (N = 1)".to_string(),
            Some(m) => {
                let verdict = if r.meets(m) { "meets" } else { "misses" };
                let sl: Vec<String> = m.within.iter().map(|&w| pct(w).trim().into()).collect();
                let backlog = if m.stable { "" } else { ", backlog grows" };
                format!("{verdict} ({}{backlog})", sl.join(", "))
            }
        };
        println!(
            "{:<34} {:>6.2} {:>6.2} {:>6.2} {:>3} {:<5} {:<26} {:<30} {:>5.1} {:<36} {:>7.0}",
            r.team.label,
            r.live_erlangs,
            r.deferred,
            r.need,
            r.agents,
            r.binding,
            if targets.is_empty() {
                "-".to_string()
            } else {
                targets.join(", ")
            },
            if sim.is_empty() {
                "-".to_string()
            } else {
                sim.join(", ")
            } + stable,
            100.0 * r.at_n.occupancy,
            fewer,
            r.hours
        );
    }
}

#[test]
fn the_blended_staffing_meets_every_target_in_simulation() {
    let started = Instant::now();
    let teams = teams();
    assert!(teams.len() >= 30, "{} teams", teams.len());
    let live: Vec<f64> = teams.iter().map(Team::live_erlangs).collect();
    let busiest = live.iter().copied().fold(0.0, f64::max);
    let quietest = live
        .iter()
        .copied()
        .filter(|&a| a > 0.0)
        .fold(f64::INFINITY, f64::min);
    assert!(
        quietest <= 0.05 + 1e-9 && busiest >= 55.0,
        "{quietest} {busiest}"
    );

    // The teams on every core, each taking the next one left, longest
    // first so that no core is left with a long one at the end.
    let mut order: Vec<usize> = (0..teams.len()).collect();
    let work = |t: &Team| {
        let rate: f64 = t.live.iter().map(|l| l.0.per_hour).sum::<f64>() + t.email.per_hour;
        rate * t.hours()
    };
    order.sort_by(|&a, &b| work(&teams[b]).total_cmp(&work(&teams[a])));
    let next = Mutex::new(0usize);
    let rows: Mutex<Vec<(usize, Row)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(&i) = order.get(i) else { break };
                    let team = &teams[i];
                    let row = evaluate(team);
                    rows.lock().unwrap().push((i, row));
                }
            });
        }
    });
    let mut rows = rows.into_inner().unwrap();
    rows.sort_by_key(|r| r.0);
    let rows: Vec<Row> = rows.into_iter().map(|r| r.1).collect();
    print_table(&rows);
    let events: u64 = rows
        .iter()
        .map(|r| r.at_n.events + r.fewer.as_ref().map_or(0, |m| m.events))
        .sum();
    println!(
        "{} teams, {:.1} million events, {:.1} s",
        rows.len(),
        events as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let mut failures = Vec::new();
    for r in &rows {
        for &se in &r.at_n.se {
            // The estimate must be precise enough to judge two points by.
            if se >= 0.005 {
                failures.push(format!(
                    "{}: standard error {:.2} points: too few hours",
                    r.team.label,
                    100.0 * se
                ));
            }
        }
        for (i, l) in r.team.live.iter().enumerate() {
            let w = r.at_n.within[i];
            if w < l.1 - TOLERANCE {
                failures.push(format!(
                    "{}: N = {} ({:.2} live + {:.2} deferred Erlangs): {:.1} % within {} s \
                     simulated, target {:.0} %; the model reads {:.1} % at N − D",
                    r.team.label,
                    r.agents,
                    r.live_erlangs,
                    r.deferred,
                    100.0 * w,
                    l.0.target_s,
                    100.0 * l.1,
                    100.0 * r.analytic[i]
                ));
            }
        }
        if !r.at_n.stable {
            failures.push(format!("{}: the backlog grows", r.team.label));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
