//! How many agents does a queue need, and what service does a given number of
//! agents give? Erlang B, Erlang C (M/M/N) and Erlang A (M/M/N+M, callers who
//! abandon), in forms that stay finite from one agent to tens of thousands.
//!
//! Every function accepts any input without panicking: traffic that is NaN or
//! not positive is no traffic, traffic above 10 million Erlangs is taken as
//! 10 million, and results are clamped to their mathematical ranges.

use serde::{Deserialize, Serialize};

/// The largest offered load the search functions accept; beyond it an answer
/// would take seconds to compute and no contact centre is that large.
const MAX_TRAFFIC: f64 = 10_000_000.0;

fn clean_traffic(traffic: f64) -> f64 {
    if traffic > 0.0 {
        traffic.min(MAX_TRAFFIC)
    } else {
        0.0
    }
}

/// Time-to-handle ratio t / AHT used in the exponential waiting-time tail;
/// 0 when either input is unusable, so the tail degenerates to P(wait).
fn tail_ratio(aht_s: f64, target_s: f64) -> f64 {
    if aht_s > 0.0 && target_s > 0.0 && aht_s.is_finite() {
        target_s / aht_s
    } else {
        0.0
    }
}

/// Erlang B blocking probability, B = 1 / Σ_{j=0}^{N} N! / (j!·A^(N−j)).
///
/// The sum runs down from j = N, each term the one before times j/A, and
/// stops once the terms no longer move it. Near N ≈ A that is a few times
/// √A terms, where the textbook recursion B(k) = A·B(k−1) / (k + A·B(k−1))
/// takes N steps: 10 million at the largest load against about 30,000
/// here. Every term is positive, so the sum loses no precision.
pub fn erlang_b(agents: u32, traffic: f64) -> f64 {
    let a = if traffic.is_nan() {
        0.0
    } else {
        traffic.max(0.0)
    };
    if a == f64::INFINITY || agents == 0 {
        return 1.0;
    }
    if a == 0.0 {
        return 0.0;
    }
    blocking(agents, a)
}

/// [`erlang_b`] for a traffic known to be positive and finite and at
/// least one agent: the formulas here and the blended queue's reading
/// have checked their traffic already, and the room's search reads it
/// for every check.
pub(crate) fn blocking(agents: u32, a: f64) -> f64 {
    let mut term = 1.0;
    let mut sum = 1.0;
    // A plain countdown: built for size, a reversed inclusive range keeps
    // its bookkeeping in the loop, a good part of a short sum's work.
    // While j > A the terms grow, so only the falling terms below can
    // stop the sum early.
    let mut k = agents;
    while k > 0 && f64::from(k) > a {
        term *= f64::from(k) / a;
        sum += term;
        k -= 1;
    }
    while k > 0 {
        term *= f64::from(k) / a;
        sum += term;
        if term < sum * 1e-20 {
            break;
        }
        k -= 1;
    }
    // The sum only grows, so one look at its end finds any overflow.
    // B below 1e-300 is no blocking at all, as the recursion's underflow
    // to 0 always treated it.
    if sum > 1e300 {
        return 0.0;
    }
    1.0 / sum
}

/// Erlang C from Erlang B, valid for N > A.
pub(crate) fn c_from_b(n: f64, a: f64, b: f64) -> f64 {
    (n * b / (n - a * (1.0 - b))).clamp(0.0, 1.0)
}

/// Probability that a contact waits (Erlang C). 1.0 when the queue is
/// unstable (agents ≤ traffic); 0.0 with no traffic.
pub fn erlang_c(agents: u32, traffic: f64) -> f64 {
    let a = clean_traffic(traffic);
    if a == 0.0 {
        return 0.0;
    }
    let n = f64::from(agents);
    if n <= a {
        return 1.0;
    }
    c_from_b(n, a, blocking(agents, a))
}

/// Share of contacts answered within `target_s`:
/// SL = 1 − P(wait)·exp(−(N − A)·t / AHT). 0.0 when unstable.
pub fn service_level(agents: u32, traffic: f64, aht_s: f64, target_s: f64) -> f64 {
    let a = clean_traffic(traffic);
    if a == 0.0 {
        return 1.0;
    }
    let n = f64::from(agents);
    if n <= a {
        return 0.0;
    }
    let pw = c_from_b(n, a, blocking(agents, a));
    sl_from_c(n, a, pw, tail_ratio(aht_s, target_s))
}

/// The shortest wait within which `agents` answer `share` of the contacts
/// (the inverse of [`service_level`] in its threshold): t = AHT / (N − A) ·
/// ln(P(wait) / (1 − share)), 0 when that share never waits. `None` when
/// the queue is unstable or `share` is 1 or more (never reached).
pub fn time_to_answer(agents: u32, traffic: f64, aht_s: f64, share: f64) -> Option<f64> {
    let a = clean_traffic(traffic);
    if a == 0.0 || share <= 0.0 {
        return Some(0.0);
    }
    let n = f64::from(agents);
    if n <= a || share >= 1.0 || share.is_nan() {
        return None;
    }
    let pw = c_from_b(n, a, blocking(agents, a));
    if pw <= 1.0 - share {
        return Some(0.0);
    }
    let aht = if aht_s > 0.0 && aht_s.is_finite() {
        aht_s
    } else {
        0.0
    };
    Some(aht / (n - a) * (pw / (1.0 - share)).ln())
}

pub(crate) fn sl_from_c(n: f64, a: f64, pw: f64, ratio: f64) -> f64 {
    (1.0 - pw * (-(n - a) * ratio).exp()).clamp(0.0, 1.0)
}

/// Average speed of answer in seconds, ASA = P(wait)·AHT / (N − A).
///
/// This is the one function of the model that returns `f64::INFINITY`: an
/// unstable queue (agents ≤ traffic) never empties, so its mean wait is
/// unbounded. Everything the model reports turns that into `None`.
pub fn average_speed_of_answer(agents: u32, traffic: f64, aht_s: f64) -> f64 {
    let a = clean_traffic(traffic);
    if a == 0.0 {
        return 0.0;
    }
    let n = f64::from(agents);
    if n <= a {
        return f64::INFINITY;
    }
    let aht = if aht_s > 0.0 && aht_s.is_finite() {
        aht_s
    } else {
        0.0
    };
    c_from_b(n, a, blocking(agents, a)) * aht / (n - a)
}

/// Smallest number of agents with SL(target_s) ≥ target_sl and occupancy
/// A/N ≤ max_occupancy (both fractions). 0 for no traffic.
///
/// The search starts where the occupancy cap first allows (never below
/// floor(A) + 1, the first stable size) and carries Erlang B forward one
/// agent at a time, so the whole search is O(N).
pub fn required_agents(
    traffic: f64,
    aht_s: f64,
    target_sl: f64,
    target_s: f64,
    max_occupancy: f64,
) -> u32 {
    let a = clean_traffic(traffic);
    if a == 0.0 {
        return 0;
    }
    let occ = if max_occupancy.is_nan() {
        1.0
    } else {
        max_occupancy.clamp(0.01, 1.0)
    };
    let target = if target_sl.is_nan() {
        0.0
    } else {
        target_sl.min(1.0)
    };
    let ratio = tail_ratio(aht_s, target_s);
    let stable = a.floor() + 1.0;
    let start = stable.max((a / occ - 1e-9).ceil());
    // Start and bound are ≤ 1e9, well inside u32.
    let mut n = start as u32;
    let limit = n.saturating_add(1_000_000);
    let mut b = blocking(n, a);
    loop {
        let nf = f64::from(n);
        if a / nf <= occ + 1e-12 {
            let pw = c_from_b(nf, a, b);
            if sl_from_c(nf, a, pw, ratio) >= target || n >= limit {
                return n;
            }
        }
        n += 1;
        b = a * b / (f64::from(n) + a * b);
    }
}

/// Agents to schedule so that `on_phones` remain after shrinkage (a
/// fraction): ceil(N / (1 − s)). Never N·(1 + s), which understaffs.
pub fn scheduled_agents(on_phones: u32, shrinkage: f64) -> u32 {
    let s = if shrinkage.is_nan() {
        0.0
    } else {
        shrinkage.clamp(0.0, 0.99)
    };
    // The tolerance keeps 14 / 0.7 = 20.000000000000004 at 20.
    let x = (f64::from(on_phones) / (1.0 - s) - 1e-9).ceil();
    if x >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        x.max(0.0) as u32
    }
}

/// What a queue with abandonment delivers (Erlang A). Probabilities are
/// fractions of offered contacts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErlangA {
    pub p_wait: f64,
    pub p_abandon: f64,
    /// Answered within the target time, among all offered contacts: those who
    /// abandon count as misses.
    pub service_level: f64,
    /// Mean wait of answered contacts; `None` only for an unstable queue
    /// without abandonment (infinite patience and agents ≤ traffic).
    pub asa_s: Option<f64>,
}

#[cfg(test)]
impl ErlangA {
    /// Every field's bits: for tests that two ways of reading a queue agree
    /// to the bit, which `==` does not say for NaN or zeros' signs.
    pub(crate) fn bits(self) -> (u64, u64, u64, Option<u64>) {
        (
            self.p_wait.to_bits(),
            self.p_abandon.to_bits(),
            self.service_level.to_bits(),
            self.asa_s.map(f64::to_bits),
        )
    }
}

const NO_WAIT: ErlangA = ErlangA {
    p_wait: 0.0,
    p_abandon: 0.0,
    service_level: 1.0,
    asa_s: Some(0.0),
};

/// Erlang A (M/M/N+M): Poisson arrivals, exponential handling (mean
/// `aht_s`) and exponential patience (mean `patience_s`).
///
/// Exact, by the birth–death chain above N agents written as ratios to the
/// all-busy state. The states below N are the Erlang loss system, so their
/// mass relative to it is 1/B − 1; above N the ratios are
/// A / (N + k·AHT/patience), summed until they vanish (rescaled on the way so
/// overloaded queues cannot overflow). A contact that finds k others queued
/// ahead is answered with probability Nμ / (Nμ + (k+1)θ) and, by the
/// Rényi/Beta representation of the hypoexponential wait, within t with
/// probability Nμ / (Nμ + (k+1)θ) · (1 − I) where I is a negative-binomial
/// partial sum that grows by one term per k: the whole sweep is O(queue).
///
/// Limits: patience → ∞ gives Erlang C; patience ≤ 0 (nobody waits) gives
/// Erlang B, the loss system.
pub fn erlang_a(agents: u32, traffic: f64, aht_s: f64, patience_s: f64, target_s: f64) -> ErlangA {
    // One sweep, built once: a second one for a single target weighed more
    // in the first screen's wasm than the spare target costs here.
    let [r, _] = erlang_a_pair(agents, traffic, aht_s, patience_s, [target_s; 2]);
    r
}

/// [`erlang_a`] read at two target times in one sweep: only the
/// within-target sum depends on the target, so a blended queue's phone and
/// chat (one queue, two target times) share the chain's walk, about a
/// third of the work of two sweeps. Each answer is, bit for bit, the same
/// as at its target alone: each target's sums take the same operations in
/// the same order.
pub(crate) fn erlang_a_pair(
    agents: u32,
    traffic: f64,
    aht_s: f64,
    patience_s: f64,
    targets_s: [f64; 2],
) -> [ErlangA; 2] {
    erlang_a_waits(agents, traffic, aht_s, &Waits::new(patience_s, targets_s))
}

/// A patience and two target times: what Erlang A reads of them alone
/// (the chance a caller is still waiting at each target, e^(−θt)) is the
/// same for every queue, so a scenario's many queues read it once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Waits {
    pub patience_s: f64,
    pub targets_s: [f64; 2],
    /// 1 − e^(−θt) at each target time, θ = 1 / patience.
    one_minus_x: [f64; 2],
}

impl Waits {
    pub fn new(patience_s: f64, targets_s: [f64; 2]) -> Waits {
        let theta = 1.0 / patience_s;
        let one_minus_x = targets_s.map(|t| {
            let t = if t > 0.0 { t } else { 0.0 };
            let t_eff = if t.is_finite() { t } else { f64::MAX };
            -(-theta * t_eff).exp_m1()
        });
        Waits {
            patience_s,
            targets_s,
            one_minus_x,
        }
    }
}

/// [`erlang_a_pair`] with its patience and target times read once.
pub(crate) fn erlang_a_waits(agents: u32, traffic: f64, aht_s: f64, waits: &Waits) -> [ErlangA; 2] {
    const K: usize = 2;
    let Waits {
        patience_s,
        targets_s,
        one_minus_x,
    } = *waits;
    let a = clean_traffic(traffic);
    if a == 0.0 || !(aht_s > 0.0 && aht_s.is_finite()) {
        return [NO_WAIT; K];
    }
    if agents == 0 {
        return [ErlangA {
            p_wait: 1.0,
            p_abandon: 1.0,
            service_level: 0.0,
            asa_s: None,
        }; K];
    }
    let n = f64::from(agents);
    let t = targets_s.map(|t| if t > 0.0 { t } else { 0.0 });
    if patience_s == f64::INFINITY {
        if n <= a {
            return [ErlangA {
                p_wait: 1.0,
                p_abandon: 0.0,
                service_level: 0.0,
                asa_s: None,
            }; K];
        }
        let pw = c_from_b(n, a, blocking(agents, a));
        return t.map(|t| ErlangA {
            p_wait: pw,
            p_abandon: 0.0,
            service_level: sl_from_c(n, a, pw, tail_ratio(aht_s, t)),
            asa_s: Some(pw * aht_s / (n - a)),
        });
    }
    let b = blocking(agents, a);
    if patience_s.is_nan() || patience_s <= 0.0 {
        return [ErlangA {
            p_wait: b,
            p_abandon: b,
            service_level: 1.0 - b,
            asa_s: Some(0.0),
        }; K];
    }
    let mut lower = 1.0 / b - 1.0;
    if !lower.is_finite() {
        return [NO_WAIT; K];
    }
    let mu_n = n / aht_s; // departures per second when all agents are busy
    let theta = 1.0 / patience_s;
    let beta = aht_s / patience_s;

    // Negative-binomial weights w_i of the Beta(Nμ/θ + 1, k + 1) tail, kept
    // as w·e^(−shift) because w_0 = e^(−(Nμ+θ)t) may underflow; one set
    // per target time.
    let alpha = n / beta + 1.0;
    // Both targets written out, here and at the end: built for size, an
    // array's map cost each sweep a call per target.
    let tail = |i: usize| {
        let t_eff = if t[i].is_finite() { t[i] } else { f64::MAX };
        let one_minus_x = one_minus_x[i];
        let log_w0 = -(mu_n + theta) * t_eff;
        let (w, shift) = if log_w0 > -600.0 {
            (log_w0.exp(), 0.0)
        } else {
            (1.0, -log_w0)
        };
        // e^0 is 1 exactly: no need to ask `exp` in the usual case.
        let shift_factor = if shift == 0.0 { 1.0 } else { (-shift).exp() };
        Tail {
            one_minus_x,
            w,
            shift,
            shift_factor,
            cum_w: w * shift_factor,
            within: 0.0,
        }
    };
    let mut tails = [tail(0), tail(1)];

    let mut q = 1.0; // p(N + k) / p(N), rescaled
    let mut mass = 0.0;
    let mut abandoned = 0.0;
    let mut wait_answered = 0.0;
    let mut inv_rates = 0.0; // Σ_{j=1..k+1} 1 / (Nμ + jθ)
    let mut k = 0.0_f64;
    for _ in 0..2_000_000 {
        let rate_next = mu_n + (k + 1.0) * theta;
        inv_rates += 1.0 / rate_next;
        let answered = mu_n / rate_next;
        mass += q;
        abandoned += q * (1.0 - answered);
        let q_answered = q * answered;
        tails[0].add(q_answered);
        tails[1].add(q_answered);
        wait_answered += q * answered * inv_rates;

        let ratio = a / (n + (k + 1.0) * beta);
        q *= ratio;
        k += 1.0;
        if q > 1e200 {
            q *= 1e-200;
            mass *= 1e-200;
            abandoned *= 1e-200;
            tails[0].within *= 1e-200;
            tails[1].within *= 1e-200;
            wait_answered *= 1e-200;
            lower *= 1e-200;
        }
        if ratio < 1.0 && q <= 1e-17 * (lower + mass) {
            break;
        }
        let step = (alpha + k - 1.0) / k;
        tails[0].advance(step);
        tails[1].advance(step);
    }
    let total = lower + mass;
    let p_abandon = (abandoned / total).clamp(0.0, 1.0);
    let p_answered = 1.0 - p_abandon;
    let p_wait = (mass / total).clamp(0.0, 1.0);
    let asa_s = if p_answered > 0.0 {
        Some((wait_answered / total / p_answered).max(0.0))
    } else {
        None
    };
    let read = |tail: &Tail| ErlangA {
        p_wait,
        p_abandon,
        service_level: ((lower + tail.within) / total).clamp(0.0, 1.0),
        asa_s,
    };
    [read(&tails[0]), read(&tails[1])]
}

/// One target time's part of the Erlang A sweep. Its steps are inlined
/// and written out for each target: the size profile the model is built
/// with does not unroll a loop over them, which cost the sweep more than
/// the second target saved.
struct Tail {
    one_minus_x: f64,
    w: f64,
    shift: f64,
    shift_factor: f64,
    cum_w: f64,
    /// Σ q · P(answered within the target | k ahead).
    within: f64,
}

impl Tail {
    #[inline(always)]
    fn add(&mut self, q_answered: f64) {
        self.within += q_answered * (1.0 - self.cum_w).max(0.0);
    }

    #[inline(always)]
    fn advance(&mut self, step: f64) {
        self.w *= step * self.one_minus_x;
        if self.shift > 0.0 && self.w > 1e150 {
            (self.w, self.shift, self.shift_factor) = unshift(self.w, self.shift);
        }
        self.cum_w += self.w * self.shift_factor;
    }
}

/// Moves as much of a tail's shift as its weight `w` can take back into
/// it: the new weight, shift and shift factor. Rare (long target times),
/// so kept out of the inlined steps, and by value, so that the sweep's
/// sums can stay in registers rather than behind a pointer.
#[cold]
#[inline(never)]
fn unshift(w: f64, shift: f64) -> (f64, f64, f64) {
    let by = shift.min(w.ln());
    let shift = shift - by;
    (w * (-by).exp(), shift, (-shift).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sweep read at two target times gives each exactly what it gives
    /// read at that target alone: stable and overloaded queues (the rescaling), long
    /// targets (the shifted weights), no target, and the limits of
    /// patience.
    #[test]
    fn two_targets_in_one_sweep_are_each_erlang_a_to_the_bit() {
        for (agents, traffic) in [(0, 2.0), (1, 0.3), (5, 4.2), (12, 30.0), (300, 900.0)] {
            for (aht_s, patience_s) in [
                (360.0, 180.0),
                (30.0, 1_800.0),
                (600.0, 5.0),
                (180.0, f64::INFINITY),
                (180.0, 0.0),
            ] {
                for targets in [[20.0, 60.0], [0.0, 3_600.0], [600.0, 5.0], [20.0, 20.0]] {
                    let pair = erlang_a_pair(agents, traffic, aht_s, patience_s, targets);
                    for (r, t) in pair.into_iter().zip(targets) {
                        let alone = erlang_a(agents, traffic, aht_s, patience_s, t);
                        assert_eq!(
                            r.bits(),
                            alone.bits(),
                            "{agents} agents, {traffic} E, {aht_s} s, {patience_s} s, {t} s"
                        );
                    }
                }
            }
        }
    }
}
