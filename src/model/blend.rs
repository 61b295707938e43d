//! How many agents does a blended team need in an hour, when the same
//! agents take calls, chats, emails and tier-2 tickets?
//!
//! The live channels share one first-come-first-served queue: an M/M/N
//! queue with the total load and the load-weighted mean handle time, each
//! channel's service level read from it at its own target time (the pooled
//! approximation for agents shared between classes of live work, as in
//! Koole, *Call Center Optimization*, 2013, ch. 6, and Gans, Koole &
//! Mandelbaum, "Telephone call centers: tutorial, review and research
//! prospects", MSOM 5(2), 2003, §4.2). Deferred work fills the time live
//! work leaves, but an agent on an email cannot take a call until it is
//! done, so each Erlang of deferred work takes an agent out of the live
//! queue: the live targets must hold with N − D agents, service read
//! between whole agents by linear interpolation. The tests check this
//! against a discrete-event simulation of the same dispatch rule.

use super::erlang::{c_from_b, erlang_b, sl_from_c};

/// One live channel's load on a blended team in one hour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiveLoad {
    /// Offered Erlangs: contacts per hour × handle time / 3600.
    pub traffic: f64,
    pub aht_s: f64,
    /// Share to answer within `target_s` (a fraction).
    pub target: f64,
    pub target_s: f64,
}

/// What the live channels of one hour ask of a blended team.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LiveNeed {
    /// Live Erlangs, all channels.
    pub traffic: f64,
    /// The fewest agents, as a real number, that give every channel its
    /// target (0 with no live traffic).
    pub agents: f64,
}

/// The pooled queue's mean handle time: total load over total contacts.
fn pooled_aht(live: &[LiveLoad]) -> (f64, f64) {
    let mut traffic = 0.0;
    let mut rate = 0.0;
    for l in live.iter().filter(|l| l.traffic > 0.0 && l.aht_s > 0.0) {
        traffic += l.traffic;
        rate += l.traffic / l.aht_s;
    }
    let aht = if rate > 0.0 { traffic / rate } else { 0.0 };
    (traffic, aht)
}

fn sl_at(n: f64, a: f64, b: f64, aht: f64, target_s: f64) -> f64 {
    if n <= a {
        return 0.0;
    }
    sl_from_c(n, a, c_from_b(n, a, b), target_s / aht)
}

/// The live need of one hour: walks whole agents up from the first stable
/// size, carrying Erlang B forward, to the first that meets every target;
/// the binding channel's target is then met between it and one agent fewer.
pub fn live_need(live: &[LiveLoad]) -> LiveNeed {
    let (a, aht) = pooled_aht(live);
    if a <= 0.0 || aht <= 0.0 {
        return LiveNeed {
            traffic: 0.0,
            agents: 0.0,
        };
    }
    let a = a.min(1e7);
    let first = a.floor() + 1.0;
    let mut n = first;
    let mut b = erlang_b(n as u32, a);
    // Service below the first stable size is 0.
    let mut below = [0.0_f64; 4];
    let limit = first + 1e6;
    loop {
        let mut at = [1.0_f64; 4];
        let mut met = true;
        for (slot, l) in at.iter_mut().zip(live.iter().filter(|l| l.traffic > 0.0)) {
            *slot = sl_at(n, a, b, aht, l.target_s);
            met &= *slot >= l.target.min(1.0);
        }
        if met || n >= limit {
            // Below the first stable size service is 0 up to the load itself.
            let from = if n == first { a } else { n - 1.0 };
            let mut x = from;
            for ((&hi, &lo), l) in at
                .iter()
                .zip(below.iter())
                .zip(live.iter().filter(|l| l.traffic > 0.0))
            {
                if lo < l.target && hi > lo {
                    x = x.max(from + (n - from) * ((l.target - lo) / (hi - lo)).clamp(0.0, 1.0));
                }
            }
            return LiveNeed {
                traffic: a,
                agents: x,
            };
        }
        below = at;
        n += 1.0;
        b = a * b / (n + a * b);
    }
}

impl LiveNeed {
    /// Agents for the hour: the live need plus `deferred` Erlangs of
    /// deferred work, at most `occ` of them busy, and at least `floor`.
    pub fn agents(&self, deferred: f64, occ: f64, floor: u32) -> u32 {
        let by_service = (self.agents + deferred - 1e-9).ceil();
        let by_occupancy = ((self.traffic + deferred) / occ - 1e-9).ceil();
        by_service.max(by_occupancy).clamp(f64::from(floor), 4e9) as u32
    }

    /// Erlangs of deferred work `agents` can take in the hour without a
    /// live target slipping or occupancy passing `occ`. Each agent beyond
    /// the live need is counted at `occ`, as a seat added for deferred work
    /// is: so one more agent for live work never frees more room than a
    /// seat for deferred work would fill, and a team's seats never fall as
    /// its volume rises.
    pub fn deferred_capacity(&self, agents: u32, occ: f64) -> f64 {
        (f64::from(agents) * occ - (self.agents * occ).max(self.traffic)).max(0.0)
    }
}

/// A value read at `agents` − `deferred` agents, linear between whole
/// agents: `at(k)` gives it at k whole agents.
pub fn between<T>(
    agents: u32,
    deferred: f64,
    at: impl Fn(u32) -> T,
    mix: impl Fn(T, T, f64) -> T,
) -> T {
    let x = (f64::from(agents) - deferred.max(0.0)).max(0.0);
    let k = x.floor();
    let f = x - k;
    if f <= 1e-12 {
        return at(k as u32);
    }
    mix(at(k as u32), at(k as u32 + 1), f)
}
