//! How many agents does a blended team need in an hour, when the same
//! agents take calls, chats, emails and tier-2 tickets?
//!
//! Calls and chats are served first, in one first-come-first-served queue;
//! emails and tickets fill the time they leave, and an agent on an email
//! cannot take a call until it is done. That is a two-class M/M/N queue
//! with non-preemptive priority: an arriving call waits when all N agents
//! are busy, on anything, which Erlang C gives for the whole load A + D;
//! once waiting, only calls and chats are ahead of it, and those clear at
//! the rate the agents free up less the rate live contacts arrive (Cobham,
//! "Priority assignment in waiting line problems", Operations Research
//! 2(1), 1954; for N servers, Kella & Yechiali, "Waiting times in the
//! non-preemptive priority M/M/c queue", Stochastic Models 1(2), 1985):
//!
//!   SL(t) = 1 − C(N, A + D) · exp(−(N·μ̄ − λ_live) · t),
//!
//! μ̄ the agents' mean completion rate over all the work. Live channels
//! with different handle times are pooled with the load-weighted mean (as
//! Koole, *Call Center Optimization*, 2013, pools skills), each channel read
//! at its own target time. With no deferred work it is Erlang C. The tests
//! check it, and the simpler reading it replaced (N − D agents for the live
//! queue, 7–31 points too high when email is most of the work), against a
//! discrete-event simulation of the same dispatch rule.

use super::erlang::{blocking, c_from_b, sl_from_c};
use super::{greatest, least};

/// One live channel's load on a blended team in one hour.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LiveLoad {
    /// Offered Erlangs: contacts per hour × handle time / 3600.
    pub traffic: f64,
    pub aht_s: f64,
    /// Share to answer within `target_s` (a fraction).
    pub target: f64,
    pub target_s: f64,
}

/// Deferred work worked in an hour: Erlangs, and the mean handle time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Deferred {
    pub erlangs: f64,
    pub aht_s: f64,
}

impl Deferred {
    pub const NONE: Deferred = Deferred {
        erlangs: 0.0,
        aht_s: 1.0,
    };
}

/// What the live channels of one hour ask of a blended team.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LiveNeed {
    /// Live Erlangs, all channels.
    pub traffic: f64,
    /// Live contacts a second, all channels.
    pub rate: f64,
    /// The fewest agents, as a real number, that give every channel its
    /// target with no deferred work (0 with no live traffic).
    pub agents: f64,
    loads: [LiveLoad; 2],
}

/// What [`LiveNeed::agents_alone`] read where it settled: the agents and,
/// when they meet every target, their least margin with no deferred work.
/// Only the search makes one, for the need it searched.
#[derive(Clone, Copy, Debug)]
pub struct Alone {
    agents: u32,
    slack: Option<f64>,
    /// Each live load's share within its target time there, in the
    /// need's order of loads (the channels with traffic).
    within: [f64; 2],
}

impl Alone {
    /// Each live channel's share within its target time at the agents the
    /// search settled on, with no deferred work, in the order of the
    /// channels with traffic; `None` when the search settled on none.
    pub fn within(&self) -> Option<[f64; 2]> {
        self.slack.map(|_| self.within)
    }
}

/// The longest walk [`LiveNeed::room`] takes down to where live work alone
/// misses its target: an hour staffed far above its live need (the floor
/// of one agent, the occupancy cap) has room enough that a longer walk
/// would change nothing.
const ROOM_WALK: usize = 8;

/// The least gap between two channels' exponents (clearing rate × the
/// gap of their target times) across which [`LiveNeed::binding`] reads
/// one `exp`: a millionth, a billion times the rounding error of `exp`.
const BINDING_GAP: f64 = 1e-6;

/// The live need of one hour from at most two live channels: walks whole
/// agents up from the first stable size, carrying Erlang B forward, to the
/// first that meets every target; the binding channel's target is then met
/// between it and one agent fewer (or the load itself), read linearly.
pub fn live_need(live: &[LiveLoad]) -> LiveNeed {
    let mut loads = [LiveLoad::default(); 2];
    let (mut a, mut rate) = (0.0, 0.0);
    for (slot, l) in loads
        .iter_mut()
        .zip(live.iter().filter(|l| l.traffic > 0.0 && l.aht_s > 0.0))
    {
        *slot = *l;
        a += l.traffic;
        rate += l.traffic / l.aht_s;
    }
    if a <= 0.0 {
        return LiveNeed::default();
    }
    let a = a.min(1e7);
    let aht = a / rate;
    let first = a.floor() + 1.0;
    let mut n = first;
    let mut b = blocking(n as u32, a);
    // Service below the first stable size is 0.
    let mut below = [0.0_f64; 2];
    let limit = first + 1e6;
    // What each channel's reading needs of its load, read once for the
    // walk: its target time in handle times, and its target share.
    let live = loads.iter().filter(|l| l.traffic > 0.0).count();
    let ratios = loads.map(|l| l.target_s / aht);
    let goals = loads.map(|l| least(l.target, 1.0));
    loop {
        let mut at = [1.0_f64; 2];
        let mut met = true;
        // Erlang C is the same for every channel of the one queue.
        let c = if n <= a { 0.0 } else { c_from_b(n, a, b) };
        for i in 0..live {
            at[i] = if n <= a {
                0.0
            } else {
                sl_from_c(n, a, c, ratios[i])
            };
            met &= at[i] >= goals[i];
        }
        if met || n >= limit {
            let from = if n == first { a } else { n - 1.0 };
            let mut x = from;
            for ((&hi, &lo), l) in at
                .iter()
                .zip(below.iter())
                .zip(loads.iter().filter(|l| l.traffic > 0.0))
            {
                if lo < l.target && hi > lo {
                    let f = ((l.target - lo) / (hi - lo)).clamp(0.0, 1.0);
                    x = greatest(x, from + (n - from) * f);
                }
            }
            return LiveNeed {
                traffic: a,
                rate,
                agents: x,
                loads,
            };
        }
        below = at;
        n += 1.0;
        b = a * b / (n + a * b);
    }
}

impl LiveNeed {
    /// Share of `load`'s contacts answered within its target time by
    /// `agents` who also work `deferred` (see the module's formula).
    pub fn service_level(&self, agents: u32, deferred: Deferred, load: &LiveLoad) -> f64 {
        if self.traffic <= 0.0 || load.traffic <= 0.0 {
            return 1.0;
        }
        within(self.waiting(agents, deferred), load.target_s)
    }

    /// Whether `agents` working `deferred` too give every live channel its
    /// target.
    pub fn meets(&self, agents: u32, deferred: Deferred) -> bool {
        self.slack(agents, deferred) >= 0.0
    }

    /// The least margin of any live channel over its target (negative when
    /// one misses): Erlang B is read once for all of them.
    fn slack(&self, agents: u32, deferred: Deferred) -> f64 {
        let live = self.loads.iter().filter(|l| l.traffic > 0.0);
        let Some((wait, clearing)) = self.waiting(agents, deferred) else {
            return if self.traffic > 0.0 { -1.0 } else { 0.0 };
        };
        if let Some(l) = self.binding(clearing) {
            return least(over(wait, clearing, l), 1.0);
        }
        let mut margin = f64::INFINITY;
        for l in live {
            margin = least(margin, over(wait, clearing, l));
        }
        least(margin, 1.0)
    }

    /// Of two live channels, the one whose margin is the lesser, to the
    /// bit, where the queue clears at `clearing` a second: the one with
    /// the shorter target time when its target share is no lower (`None`
    /// otherwise, and with one channel). The room's search reads the
    /// margin many times; this way each read takes one `exp`, not two.
    ///
    /// Why to the bit: equal times read the same tail. Otherwise the
    /// longer time's exponent is lower by at least [`BINDING_GAP`], so
    /// its `exp` is lower by far more than any `exp` rounds, or both are
    /// too small to move `1 − P(wait)·e` from 1; and each step after
    /// `exp` (a product with the same P(wait), a difference, a clamp, a
    /// target subtracted) rounds monotonically.
    fn binding(&self, clearing: f64) -> Option<&LiveLoad> {
        let [x, y] = &self.loads;
        if x.traffic <= 0.0 || y.traffic <= 0.0 {
            return None;
        }
        let (short, long) = if x.target_s <= y.target_s {
            (x, y)
        } else {
            (y, x)
        };
        let apart = short.target_s == long.target_s
            || clearing * (long.target_s - short.target_s) >= BINDING_GAP;
        (apart && least(short.target, 1.0) >= least(long.target, 1.0)).then_some(short)
    }

    /// Each live load's share within its target time (in the need's
    /// order of loads, the channels with traffic) that `agents` give with
    /// no deferred work: 0 when they cannot keep up.
    pub fn within_alone(&self, agents: u32) -> [f64; 2] {
        self.margins(agents, Deferred::NONE).1
    }

    /// [`LiveNeed::slack`] as the agents' search reads it, with each live
    /// load's share within its target time that it was read from (0 when
    /// the agents cannot keep up): the room's many reads need only the
    /// margin.
    fn margins(&self, agents: u32, deferred: Deferred) -> (f64, [f64; 2]) {
        let mut within = [0.0; 2];
        let Some((wait, clearing)) = self.waiting(agents, deferred) else {
            return (if self.traffic > 0.0 { -1.0 } else { 0.0 }, within);
        };
        let mut margin = f64::INFINITY;
        for (slot, l) in within
            .iter_mut()
            .zip(self.loads.iter().filter(|l| l.traffic > 0.0))
        {
            *slot = tail(wait, clearing, l.target_s);
            margin = least(margin, *slot - least(l.target, 1.0));
        }
        (least(margin, 1.0), within)
    }

    /// The chance a live contact waits and the rate its queue clears, per
    /// second; `None` when the agents cannot keep up. [`within`] reads a
    /// channel's service level from it.
    pub fn waiting(&self, agents: u32, deferred: Deferred) -> Waiting {
        let d = greatest(deferred.erlangs, 0.0);
        let total = self.traffic + d;
        let n = f64::from(agents);
        if n <= total {
            return None;
        }
        let completions = self.rate + if d > 0.0 { d / deferred.aht_s } else { 0.0 };
        let clearing = n * completions / total - self.rate;
        // A queue that clears has traffic (else the rate of clearing is
        // not a number), below the agents, so at least one agent.
        (clearing > 0.0).then(|| (c_from_b(n, total, blocking(agents, total)), clearing))
    }

    /// The fewest agents for the hour: every live target met while they
    /// also work `deferred`, at most `occ` of them busy, and at least
    /// `floor`.
    pub fn agents(&self, deferred: Deferred, occ: f64, floor: u32) -> u32 {
        self.search(deferred, occ, floor).0
    }

    /// [`LiveNeed::agents`] with no deferred work, and what the search
    /// read at the agents it settled on, for [`LiveNeed::room_from`] and
    /// the level's service.
    pub fn agents_alone(&self, occ: f64, floor: u32) -> (u32, Alone) {
        let (agents, read) = self.search(Deferred::NONE, occ, floor);
        let alone = Alone {
            agents,
            slack: read.map(|(slack, _)| slack),
            within: read.map_or([0.0; 2], |(_, within)| within),
        };
        (agents, alone)
    }

    /// The agents, and when they meet the targets their margin over them
    /// and each load's share within its target time.
    fn search(&self, deferred: Deferred, occ: f64, floor: u32) -> (u32, Option<(f64, [f64; 2])>) {
        let total = self.traffic + greatest(deferred.erlangs, 0.0);
        let by_occupancy = (total / occ - 1e-9).ceil();
        let from = super::clamp_to(
            greatest((self.agents - 1e-9).ceil(), by_occupancy),
            f64::from(floor),
            4e9,
        ) as u32;
        for n in from..from.saturating_add(1_000_000) {
            let (slack, within) = self.margins(n, deferred);
            if slack >= 0.0 {
                return (n, Some((slack, within)));
            }
        }
        (from, None)
    }

    /// Erlangs of deferred work (of mean handle time `aht_s`) that
    /// `agents` can take in the hour without a live target slipping or
    /// occupancy passing `occ`. Read so that one agent more never adds
    /// more than `occ` of room, what a seat added for deferred work is
    /// counted at: so a team's seats never fall as its volume rises.
    pub fn room(&self, agents: u32, occ: f64, aht_s: f64) -> f64 {
        self.room_from(None, agents, occ, aht_s)
    }

    /// [`LiveNeed::room`], its first margin read from `alone` when the
    /// agents' search settled on the same number: the room's walk starts
    /// where the search ended.
    pub fn room_from(&self, alone: Option<Alone>, agents: u32, occ: f64, aht_s: f64) -> f64 {
        if self.traffic <= 0.0 {
            return f64::from(agents) * occ;
        }
        // Margins with no deferred work, from `agents` down while they meet.
        let mut walk = [(0u32, 0.0); ROOM_WALK];
        let mut len = 0;
        let mut k = agents;
        // Below the live need live work alone misses its target.
        while k > 0 && len < ROOM_WALK && f64::from(k) >= self.agents - 1e-9 {
            let slack = match alone {
                Some(Alone {
                    agents: at,
                    slack: Some(slack),
                    ..
                }) if at == k => slack,
                _ => self.slack(k, Deferred::NONE),
            };
            if slack < 0.0 {
                break;
            }
            walk[len] = (k, slack);
            len += 1;
            k -= 1;
        }
        let mut room = if len == ROOM_WALK {
            self.raw_room(k, occ, aht_s, self.slack(k, Deferred::NONE))
        } else {
            0.0
        };
        for &(k, slack) in walk[..len].iter().rev() {
            room = least(self.raw_room(k, occ, aht_s, slack), room + occ);
        }
        room
    }

    /// The most deferred work `agents` can take within the occupancy cap:
    /// the root of the least margin, found by regula falsi (Illinois) from
    /// the bracket [no deferred work, the cap], kept on the side that meets
    /// every target.
    fn raw_room(&self, agents: u32, occ: f64, aht_s: f64, alone: f64) -> f64 {
        let cap = f64::from(agents) * occ - self.traffic;
        let slack = |erlangs: f64| self.slack(agents, Deferred { erlangs, aht_s });
        let (mut lo, mut f_lo) = (0.0, alone);
        if cap <= 0.0 || f_lo < 0.0 {
            return 0.0;
        }
        // Deferred work takes agents from live work at least one for one
        // (the simulation shows it takes more), so the live need bounds the
        // room from above.
        let bound = least(cap, f64::from(agents) - self.agents);
        let (mut hi, mut f_hi) = (bound, slack(bound));
        if f_hi >= 0.0 {
            if bound >= cap {
                return cap;
            }
            (lo, f_lo) = (hi, f_hi);
            (hi, f_hi) = (cap, slack(cap));
            if f_hi >= 0.0 {
                return cap;
            }
        }
        if hi <= lo {
            return lo;
        }
        let mut b = Bracket::new((lo, f_lo), (hi, f_hi));
        // A hundredth of an agent's hour at most is left on the table.
        for _ in 0..40 {
            if b.hi - b.lo <= 1e-2 {
                break;
            }
            let x = b.secant();
            let x = if x - b.lo < 1e-4 || b.hi - x < 1e-4 {
                0.5 * (b.lo + b.hi)
            } else {
                x
            };
            let f = slack(x);
            // Within a hundredth of a point of the target: the root.
            if (0.0..1e-4).contains(&f) {
                return x;
            }
            b.narrow(x, f);
        }
        b.lo
    }
}

/// A bracket [lo, hi] around the root of a margin that falls as x rises,
/// `lo` on the side that meets (margin ≥ 0), narrowed by regula falsi with
/// the Illinois step: the room's root here, the pool's load in staffing.
pub(crate) struct Bracket {
    pub lo: f64,
    f_lo: f64,
    pub hi: f64,
    f_hi: f64,
    /// The side the last step moved (-1 lo, 1 hi), whose far end's margin
    /// is halved when the same side moves again.
    side: i8,
}

impl Bracket {
    pub fn new((lo, f_lo): (f64, f64), (hi, f_hi): (f64, f64)) -> Bracket {
        Bracket {
            lo,
            f_lo,
            hi,
            f_hi,
            side: 0,
        }
    }

    /// Where the chord between the ends crosses zero, inside the bracket.
    pub fn secant(&self) -> f64 {
        super::clamp_to(
            self.lo - self.f_lo * (self.hi - self.lo) / (self.f_hi - self.f_lo),
            self.lo,
            self.hi,
        )
    }

    /// Moves the end on `x`'s side to it, `f` its margin.
    pub fn narrow(&mut self, x: f64, f: f64) {
        if f >= 0.0 {
            (self.lo, self.f_lo) = (x, f);
            if self.side == -1 {
                self.f_hi *= 0.5;
            }
            self.side = -1;
        } else {
            (self.hi, self.f_hi) = (x, f);
            if self.side == 1 {
                self.f_lo *= 0.5;
            }
            self.side = 1;
        }
    }
}

/// How a blended hour's live queue waits (see [`LiveNeed::waiting`]).
pub type Waiting = Option<(f64, f64)>;

/// The share of live contacts answered within `target_s`; none when the
/// agents cannot keep up.
pub fn within(waiting: Waiting, target_s: f64) -> f64 {
    waiting.map_or(0.0, |(wait, clearing)| tail(wait, clearing, target_s))
}

/// The share answered within `target_s`: 1 − P(wait)·e^(−clearing·t).
fn tail(wait: f64, clearing: f64, target_s: f64) -> f64 {
    (1.0 - wait * (-clearing * target_s).exp()).clamp(0.0, 1.0)
}

/// A live load's margin over its target share where a contact waits
/// with chance `wait` and the queue clears at `clearing` a second.
/// Inlined: the room's search reads it for every check.
#[inline(always)]
fn over(wait: f64, clearing: f64, l: &LiveLoad) -> f64 {
    tail(wait, clearing, l.target_s) - least(l.target, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The room read on from the agents' search is the room read afresh,
    /// to the bit, at the agents the search settled on and at any other
    /// number (where what the search read does not apply).
    #[test]
    fn the_room_from_the_search_is_the_room() {
        let load = |traffic: f64, aht_s: f64, target_s: f64| LiveLoad {
            traffic,
            aht_s,
            target: 0.8,
            target_s,
        };
        for (phone, chat) in [
            (0.3, 0.2),
            (2.5, 1.4),
            (14.0, 0.0),
            (0.0, 6.0),
            (120.0, 40.0),
        ] {
            let need = live_need(&[load(phone, 360.0, 20.0), load(chat, 300.0, 60.0)]);
            for (occ, floor) in [(0.85, 1), (0.5, 1), (0.95, 30)] {
                let (n, alone) = need.agents_alone(occ, floor);
                assert_eq!(n, need.agents(Deferred::NONE, occ, floor));
                for k in [n.saturating_sub(1), n, n + 1, n + 9] {
                    for aht_s in [480.0, 900.0] {
                        assert_eq!(
                            need.room_from(Some(alone), k, occ, aht_s).to_bits(),
                            need.room(k, occ, aht_s).to_bits(),
                            "{phone} + {chat} E, {k} agents, occupancy {occ}"
                        );
                    }
                }
            }
        }
    }

    /// [`LiveNeed::slack`] as it read every channel before
    /// [`LiveNeed::binding`] let it read one.
    fn slack_of_every_channel(need: &LiveNeed, agents: u32, deferred: Deferred) -> f64 {
        let Some((wait, clearing)) = need.waiting(agents, deferred) else {
            return if need.traffic > 0.0 { -1.0 } else { 0.0 };
        };
        let mut margin = f64::INFINITY;
        for l in need.loads.iter().filter(|l| l.traffic > 0.0) {
            margin = least(
                margin,
                tail(wait, clearing, l.target_s) - least(l.target, 1.0),
            );
        }
        least(margin, 1.0)
    }

    /// The margin read from the binding channel alone is the margin read
    /// from both, to the bit: for either channel's target time the
    /// shorter, equal times, target shares either way round, times a
    /// hair apart (where both are read), agents from unstable to idle and
    /// deferred work from none to more than they can take.
    #[test]
    fn the_binding_channel_alone_gives_the_margin_of_both() {
        let mut read_one = 0;
        for (phone_t, chat_t) in [
            (20.0, 60.0),
            (60.0, 20.0),
            (30.0, 30.0),
            (20.0, 20.000_000_1),
            (5.0, 600.0),
        ] {
            for (phone_sl, chat_sl) in [(0.8, 0.8), (0.9, 0.7), (0.7, 0.9), (0.99, 0.5)] {
                for (phone, chat) in [
                    (0.3, 0.2),
                    (2.5, 1.4),
                    (14.0, 0.0),
                    (0.0, 6.0),
                    (90.0, 40.0),
                ] {
                    let need = live_need(&[
                        LiveLoad {
                            traffic: phone,
                            aht_s: 360.0,
                            target: phone_sl,
                            target_s: phone_t,
                        },
                        LiveLoad {
                            traffic: chat,
                            aht_s: 300.0,
                            target: chat_sl,
                            target_s: chat_t,
                        },
                    ]);
                    let top = (need.agents.ceil() as u32) * 2 + 3;
                    for agents in 0..=top {
                        for erlangs in [0.0, 0.01, 0.4, 1.7, 8.0, 60.0] {
                            let deferred = Deferred {
                                erlangs,
                                aht_s: 900.0,
                            };
                            if need
                                .waiting(agents, deferred)
                                .is_some_and(|(_, c)| need.binding(c).is_some())
                            {
                                read_one += 1;
                            }
                            assert_eq!(
                                need.slack(agents, deferred).to_bits(),
                                slack_of_every_channel(&need, agents, deferred).to_bits(),
                                "{phone} E at {phone_sl} in {phone_t} s, {chat} E at \
                                 {chat_sl} in {chat_t} s: {agents} agents, {erlangs} E deferred"
                            );
                        }
                    }
                }
            }
        }
        // The shortcut was taken, not only the full read.
        assert!(read_one > 1000, "{read_one}");
    }
}
