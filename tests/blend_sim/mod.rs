//! A seeded discrete-event simulation of one stationary hour of a blended
//! team, run long: N identical agents, live classes (calls, chats) with
//! Poisson arrivals and exponential handle times that wait in one FCFS queue
//! with infinite patience, and one deferred class (email) in an unbounded
//! FIFO backlog.
//!
//! A freed agent takes the longest-waiting live contact of any class, else
//! the oldest email, else idles. Non-preemptive, as vendors run it: a call
//! that arrives while every agent is on something, emails included, waits.
//!
//! It checks the analytic staffing methods with none of their algebra, so it
//! shares none of their mistakes. Pure std and its own PRNG: no dependency,
//! and the same seed gives the same numbers on every host.

// Each test file that says `mod blend_sim;` reads its own subset of this.
#![allow(dead_code)]

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};

#[derive(Debug, Clone, Copy)]
pub struct LiveClass {
    pub per_hour: f64,
    pub aht_s: f64,
    /// Answered within this many seconds counts toward the service level.
    pub target_s: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Deferred {
    pub per_hour: f64,
    pub aht_s: f64,
    /// Answered (taken by an agent) within this many seconds.
    pub window_s: f64,
}

/// Measured over `hours` after a warm-up. Waits count from arrival to the
/// moment an agent takes the contact. A class with no arrivals in the
/// measured span reads as fully served (share 1, wait 0); so does the
/// deferred class when there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct SimResult {
    /// Per live class, the share of its arrivals answered within `target_s`.
    pub live_within: Vec<f64>,
    pub live_mean_wait_s: Vec<f64>,
    /// Share of deferred arrivals taken within `window_s`.
    pub deferred_within: f64,
    pub deferred_mean_wait_s: f64,
    /// Nearest-rank 90th percentile.
    pub deferred_p90_wait_s: f64,
    /// Deferred items taken during the measured span over those that arrived
    /// in it: about 1 when the backlog is stable, below when it grows.
    pub deferred_throughput: f64,
    /// The backlog did not grow beyond chance over the measured span.
    pub deferred_stable: bool,
    /// Busy agent-time over agents × measured time.
    pub occupancy: f64,
    /// Arrivals and completions processed, warm-up and drain included.
    pub events: u64,
}

/// SplitMix64 (Steele, Lea & Flood 2014): one add and three mixes per draw,
/// passes BigCrush, and any u64 is a good seed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Exponential by inverse CDF. u is uniform on [0, 1) from the top 53
    /// bits, so 1 − u is in (0, 1] and the log stays finite.
    fn exp(&mut self, mean: f64) -> f64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        -mean * (1.0 - u).ln()
    }
}

/// A time in seconds that the heap can order; times are never NaN.
#[derive(Debug, Clone, Copy, PartialEq)]
struct At(f64);

impl Eq for At {}

impl Ord for At {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl PartialOrd for At {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Per class tallies over contacts that arrived in the measured span.
#[derive(Default, Clone)]
struct Tally {
    arrived: u64,
    within: u64,
    wait_sum: f64,
}

impl Tally {
    fn record(&mut self, wait: f64, threshold: f64) {
        self.within += u64::from(wait <= threshold);
        self.wait_sum += wait;
    }

    /// (share within, mean wait); an empty class reads as fully served.
    fn share_and_mean(&self) -> (f64, f64) {
        if self.arrived == 0 {
            (1.0, 0.0)
        } else {
            let n = self.arrived as f64;
            (self.within as f64 / n, self.wait_sum / n)
        }
    }
}

/// Simulates `hours` measured hours after a warm-up of a tenth of that (at
/// least one hour) from an empty centre. Class `i` of `live` and the
/// deferred class keep their own arrival streams; one PRNG draws them all.
pub fn simulate(
    agents: u32,
    live: &[LiveClass],
    deferred: Option<&Deferred>,
    hours: f64,
    seed: u64,
) -> SimResult {
    assert!(agents >= 1, "at least one agent");
    assert!(hours > 0.0, "a positive measured span");
    let k = live.len();
    let none = Deferred {
        per_hour: 0.0,
        aht_s: 0.0,
        window_s: 0.0,
    };
    let email = deferred.copied().unwrap_or(none);
    // Streams 0..k are the live classes, stream k the deferred one.
    let per_s: Vec<f64> = live
        .iter()
        .map(|c| c.per_hour / 3600.0)
        .chain([email.per_hour / 3600.0])
        .collect();
    let aht: Vec<f64> = live.iter().map(|c| c.aht_s).chain([email.aht_s]).collect();
    let threshold: Vec<f64> = live
        .iter()
        .map(|c| c.target_s)
        .chain([email.window_s])
        .collect();

    let warm = 3600.0 * (hours / 10.0).max(1.0);
    let end = warm + 3600.0 * hours;
    // After `end`, arrivals go on (unmeasured, so the measured ones still see
    // a stationary queue) until every measured contact is answered, or has
    // certainly missed its threshold; so the shares are exact, not censored.
    let drain_until = end + threshold.iter().copied().fold(0.0, f64::max);
    let measured = |arrived: f64| (warm..end).contains(&arrived);

    let mut rng = SplitMix64(seed);
    let mut next: Vec<f64> = per_s
        .iter()
        .map(|&r| {
            if r > 0.0 {
                rng.exp(1.0 / r)
            } else {
                f64::INFINITY
            }
        })
        .collect();
    // Only completions go in the heap, at most one per agent, so each event
    // costs O(log N); the K + 1 next arrivals are scanned directly.
    let mut done: BinaryHeap<Reverse<At>> = BinaryHeap::with_capacity(agents as usize);
    let mut idle = agents;
    let mut live_queue: VecDeque<(f64, usize)> = VecDeque::new();
    let mut backlog: VecDeque<f64> = VecDeque::new();

    let mut tally = vec![Tally::default(); k + 1];
    let mut deferred_waits: Vec<f64> = Vec::new();
    let mut deferred_taken = 0u64;
    let mut outstanding = 0u64; // measured contacts not yet answered
    let mut busy_time = 0.0;
    let mut events = 0u64;
    let mut now = 0.0;

    loop {
        let (source, t_arrival) = next
            .iter()
            .copied()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("the deferred stream is always there");
        let t_done = done.peek().map_or(f64::INFINITY, |d| d.0.0);
        let t = t_arrival.min(t_done);

        let overlap = t.min(end) - f64::max(now, warm);
        if overlap > 0.0 {
            busy_time += f64::from(agents - idle) * overlap;
        }
        if t >= end && (outstanding == 0 || t > drain_until) {
            // Whoever still waits has waited at least until t: a lower bound
            // for the means, and past its threshold by the stopping rule.
            for &(arrived, class) in &live_queue {
                if measured(arrived) {
                    tally[class].record(t - arrived, threshold[class]);
                }
            }
            for &arrived in &backlog {
                if measured(arrived) {
                    tally[k].record(t - arrived, threshold[k]);
                    deferred_waits.push(t - arrived);
                }
            }
            break;
        }
        now = t;
        events += 1;

        // The contact an agent takes now, if any: (arrival time, class).
        let take = if t_done <= t_arrival {
            done.pop();
            // The freed agent takes the oldest live contact, else the oldest
            // email, else idles.
            if let Some(contact) = live_queue.pop_front() {
                Some(contact)
            } else if let Some(arrived) = backlog.pop_front() {
                Some((arrived, k))
            } else {
                idle += 1;
                None
            }
        } else {
            next[source] = now + rng.exp(1.0 / per_s[source]);
            if measured(now) {
                tally[source].arrived += 1;
                outstanding += 1;
            }
            // An idle agent means both queues are empty, so an email may go
            // straight to it as well as a call.
            if idle > 0 {
                idle -= 1;
                Some((now, source))
            } else {
                if source < k {
                    live_queue.push_back((now, source));
                } else {
                    backlog.push_back(now);
                }
                None
            }
        };

        if let Some((arrived, class)) = take {
            if measured(arrived) {
                let wait = now - arrived;
                tally[class].record(wait, threshold[class]);
                if class == k {
                    deferred_waits.push(wait);
                }
                outstanding -= 1;
            }
            if class == k && measured(now) {
                deferred_taken += 1;
            }
            done.push(Reverse(At(now + rng.exp(aht[class]))));
        }
    }

    let (live_within, live_mean_wait_s) = tally[..k].iter().map(Tally::share_and_mean).unzip();
    let (deferred_within, deferred_mean_wait_s) = tally[k].share_and_mean();
    let arrived = tally[k].arrived as f64;
    let deferred_throughput = if arrived > 0.0 {
        deferred_taken as f64 / arrived
    } else {
        1.0
    };
    // A stable backlog ends about where it started, give or take its own
    // fluctuation; a short one grows in proportion to the span. The slack
    // is 2 % of arrivals plus three Poisson standard deviations.
    let growth = arrived - deferred_taken as f64;
    let deferred_stable = growth <= 0.02 * arrived + 3.0 * arrived.sqrt();
    let deferred_p90_wait_s = if deferred_waits.is_empty() {
        0.0
    } else {
        let rank = (0.9 * deferred_waits.len() as f64).ceil() as usize - 1;
        *deferred_waits
            .select_nth_unstable_by(rank, f64::total_cmp)
            .1
    };

    SimResult {
        live_within,
        live_mean_wait_s,
        deferred_within,
        deferred_mean_wait_s,
        deferred_p90_wait_s,
        deferred_throughput,
        deferred_stable,
        occupancy: busy_time / (f64::from(agents) * (end - warm)),
        events,
    }
}
