//! How many agents does each dedicated queue need in each hour of the week,
//! and what service do they, or the shared pool, give?
//!
//! Live queues (phone, chat) are staffed per hour with Erlang C (the
//! industry's conservative rule) and their service is then read with
//! Erlang A when a patience is given. Deferred work (email, tier-2 escalations) is
//! staffed by seat-hours and checked against the response window with a
//! first-in-first-out simulation of the backlog over the week.

use super::blend::{Bracket, Deferred, LiveLoad, LiveNeed, live_need, within};
use super::erlang::{
    ErlangA, Waits, average_speed_of_answer, erlang_a_waits, erlang_c, required_agents,
    service_level, time_to_answer,
};
use super::pattern::{
    HOURS_PER_WEEK, Levels, WEEKS_PER_MONTH, Week, core_window, is_offhours, requested_hours,
};
use super::scenario::{Field, MAX_LANGUAGES, Scenario, Unit};
use super::{greatest, least};
use std::borrow::Cow;

/// Chat handle time is divided by this for 1..=5 concurrent chats: agents
/// slow down as they juggle more conversations.
pub const CHAT_CONCURRENCY_FACTOR: [f64; 5] = [1.0, 1.7, 2.5, 2.9, 3.5];

/// Agents in the reference shared pool (one skill, many clients) whose
/// service level at the pool's own target is the contract's.
pub const POOL_AGENTS: u32 = 50;

/// Largest volume compute() accepts per channel and month: twice the
/// largest valid one, room for scaled scenarios while keeping absurd input
/// from running the Erlang searches for seconds.
const MAX_VOLUME: f64 = 2e6;

pub(crate) const PHONE: usize = 0;
pub(crate) const CHAT: usize = 1;

/// A scenario with every number forced into its range (NaN to its
/// default), so that compute() stays finite on anything.
pub(crate) fn sanitized(s: &Scenario) -> Scenario {
    let mut c = s.clone();
    for f in Field::ALL {
        let spec = f.spec();
        let (lo, hi) = if spec.unit == Unit::Contacts {
            (0.0, MAX_VOLUME)
        } else {
            (spec.min, spec.max)
        };
        let x = s.get(f);
        c.set(
            f,
            if x.is_nan() {
                spec.default
            } else {
                x.max(lo).min(hi)
            },
        );
    }
    c.year = s.year.sanitized();
    c
}

/// Contacts a month reaching agents, after self-service deflection: phone,
/// chat, email, and the tier-2 escalations of all three that the vendor
/// works.
fn monthly_volumes(s: &Scenario) -> [f64; 4] {
    let agent_share = 1.0 - s.deflection_pct / 100.0;
    let [phone, chat, email] =
        [s.phone_per_month, s.chat_per_month, s.email_per_month].map(|v| v * agent_share);
    [
        phone,
        chat,
        email,
        (phone + chat + email) * vendor_escalation(s),
    ]
}

/// Share of contacts escalated to tier 2 that the vendor works: none when
/// tier 2 stays with the buyer's own team.
fn vendor_escalation(s: &Scenario) -> f64 {
    if s.tier2_outsourced {
        1.0 - s.tier1_resolution_pct / 100.0
    } else {
        0.0
    }
}

/// The hours a dedicated team works, with the counts every evaluation
/// needs, so that pricing a team costs O(queues × arrival levels).
#[derive(Clone)]
pub(crate) struct Shift {
    pub hours: Week<bool>,
    /// Working hours, busiest first; equally busy hours in bit-reversed
    /// order so that any number of seats is spread across the week.
    order: Vec<usize>,
    /// Arrival levels that occur in the working hours.
    used: Vec<bool>,
    /// Working hours per arrival level, and how many of them are off-hours.
    count: Vec<u32>,
    off_count: Vec<u32>,
}

impl Shift {
    fn new(hours: Week<bool>, levels: &Levels) -> Shift {
        let order = levels.busiest_first(&hours);
        let mut count = vec![0u32; levels.weights.len()];
        let mut off_count = vec![0u32; levels.weights.len()];
        for &h in &order {
            let level = usize::from(levels.of_hour[h]);
            if let Some(c) = count.get_mut(level) {
                *c += 1;
            }
            if is_offhours(h)
                && let Some(c) = off_count.get_mut(level)
            {
                *c += 1;
            }
        }
        let used = count.iter().map(|&c| c > 0).collect();
        Shift {
            hours,
            order,
            used,
            count,
            off_count,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Which team: the dedicated model's, on every requested hour, or the
/// combined model's core team, on the core window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Dedicated,
    Core,
}

/// One dedicated queue's language: its share of volume and whether its
/// agents carry the language premium.
#[derive(Clone)]
pub(crate) struct Lang {
    pub share: f64,
    pub nonprimary: bool,
}

#[derive(Clone)]
pub(crate) struct LiveChannel {
    /// Contacts a month reaching agents, before any volume scaling.
    pub monthly: f64,
    /// Effective handle time: chat's is divided by the concurrency factor.
    pub aht: f64,
    pub target: f64,
    pub target_s: f64,
    /// The shared pool's commitment on this channel.
    pub pool_target: f64,
    pub pool_target_s: f64,
    /// Seconds the pool bills per answered contact (see `billed_seconds`).
    pub billed_s: f64,
}

#[derive(Clone, Copy)]
pub(crate) struct DeferredWork {
    pub monthly: f64,
    pub aht: f64,
    /// Seconds the pool bills per item.
    pub billed_s: f64,
    /// At least one agent in every working hour (email) or none (tier 2).
    pub min_per_hour: u32,
}

/// Everything derived from the scenario once and shared by every evaluation
/// (the main result, the curve points, the break-even search).
#[derive(Clone)]
pub(crate) struct Ctx {
    pub s: Scenario,
    pub weights: Week<f64>,
    pub levels: Levels,
    pub requested: Week<bool>,
    /// Requested hours inside the combined model's core window.
    pub core: Week<bool>,
    /// The dedicated model's team: every requested hour, all deferred work.
    pub full_shift: Shift,
    /// The combined model's core team on the live queues: requested hours
    /// inside the core window.
    pub core_shift: Shift,
    /// The combined model's core team on deferred work: the whole core
    /// window (back-office work needs no customer on the line, and a team
    /// that always exists keeps the price from jumping as hours change).
    pub core_window_shift: Shift,
    /// Requested hours outside it, which the combined model's pool answers.
    pub noncore: Week<bool>,
    /// Dedicated queues: one per language, or one pooled multilingual queue.
    pub queues: Vec<Lang>,
    /// Share of all volume in the primary language.
    pub primary_share: f64,
    /// Non-primary languages each agent of a multilingual team speaks.
    pub extra_languages: f64,
    pub live: [LiveChannel; 2],
    pub email: DeferredWork,
    /// Tier-2 escalations of every contact reaching agents; a team only
    /// escalates the contacts it answers (see `Ctx::team`).
    pub tier2: DeferredWork,
    /// Share of handled contacts escalated to tier 2 that the vendor works.
    pub escalation: f64,
    /// Share of arrivals outside Mon–Fri 08–20.
    pub offhours_arrivals: f64,
    /// Hours from each hour of the week until its deferred work is due,
    /// for each role's team.
    pub due: [Week<u16>; 2],
    /// Share of arrivals in requested hours outside Mon–Fri 08–20, and in
    /// those of them inside the core window.
    pub offhours_requested_arrivals: f64,
    pub offhours_core_arrivals: f64,
    /// Share of arrivals in the requested hours inside the core window, and
    /// in the requested hours outside it.
    pub core_arrivals: f64,
    pub noncore_arrivals: f64,
    /// Share of arrivals in the requested hours: live contacts outside them
    /// are answered by no model (like for like).
    pub requested_arrivals: f64,
    pub occ: f64,
    /// The occupancy cap live queues are staffed to: `occ`, or just under 1
    /// when reading a vendor's headcount (it is what it is).
    pub live_occ: f64,
    pub patience_s: f64,
    /// The patience at each live channel's target time, and at phone's
    /// and chat's in a blended queue.
    pub live_waits: [Waits; 2],
    pub blend_waits: Waits,
    pub email_target: f64,
}

/// One live queue's agents per arrival level (0 where the team does not
/// work).
pub(crate) struct LivePlan {
    pub channel: usize,
    pub share: f64,
    pub agents: Vec<u32>,
}

pub(crate) struct DeferredPlan {
    pub email: bool,
    /// The language queue's share of the work.
    pub share: f64,
    pub seat_hours: f64,
    /// Work hours a week.
    pub workload: f64,
    /// Share of the work done within the response window.
    pub within: f64,
}

/// One language's blended team: agents who take every channel.
pub(crate) struct BlendPlan {
    pub share: f64,
    /// Agents per arrival level in the live hours (0 where the team does
    /// not answer live contacts).
    pub agents: Vec<u32>,
    /// Seats added in each hour of the week (fractions of an hour's seat:
    /// a seat-hour bought in part) for deferred work that the room live
    /// work leaves would not finish within the response window.
    pub extra: Week<f64>,
    /// Deferred work (emails and tier-2 tickets) the team is staffed for,
    /// work hours a week.
    pub workload: f64,
    /// Its mean handle time.
    pub deferred_aht_s: f64,
    /// The volumes (× the scenario's) the team was staffed for, and each
    /// arrival level's live need and room for deferred work at them.
    pub factor: f64,
    pub needs: Vec<LiveNeed>,
    pub room: Vec<f64>,
    /// The deferred work's handle time the room was read for; `None` when
    /// the team had none to read it for.
    pub room_aht_s: Option<f64>,
    /// Each arrival level's live queue at its agents with no deferred
    /// work, as the agents' search last read it: each channel with
    /// traffic's share within its target time (`None` where the search
    /// read none), so that the team's service need not read it again.
    pub alone: Vec<Option<[f64; 2]>>,
    /// Each arrival level's Erlang A at phone's and chat's target times,
    /// read while staffing a dedicated team whose service the combined
    /// model's core team shares (empty otherwise).
    pub services: Vec<Option<[ErlangA; 2]>>,
}

/// What a team is staffed for: its role, the volumes (× the scenario's),
/// and whether its service is measured as well as its cost.
#[derive(Clone, Copy)]
struct Ask {
    role: Role,
    factor: f64,
    with_service: bool,
}

/// Whether the combined model's pool works the deferred backlog: there is a
/// core window for a core team, and requested hours outside it.
fn pool_takes_backlog(core_window: &Week<bool>, noncore: &Week<bool>) -> bool {
    core_window.iter().any(|&h| h) && noncore.iter().any(|&h| h)
}

/// Hours from each hour of the week to the end of the hour its deferred
/// work is due in: the last clock hour (`clock`, the requested hours)
/// within `window_h` clock hours, or within a week when the clock holds
/// fewer; then the same pulled back, when `team` is given, to the team's
/// last hour before it (the combined model's core team, whose pool takes
/// over outside its window), else the same again.
fn due_offsets(clock: &Week<bool>, window_h: f64, team: Option<&Week<bool>>) -> [Week<u16>; 2] {
    const H: usize = HOURS_PER_WEEK;
    // The hour of the week of an hour of two weeks: a subtraction where
    // `%` would divide for every hour.
    let of_week = |i: usize| if i < H { i } else { i - H };
    let on = |i: usize| if clock[of_week(i)] { 1.0 } else { 0.0 };
    // The team's last hour at or before each hour of two weeks
    // (`u16::MAX` for none): every deadline's look back, in one pass.
    let last_team = team.map(|t| {
        let mut last = [u16::MAX; 2 * H];
        let mut at = u16::MAX;
        for (j, slot) in last.iter_mut().enumerate() {
            if t[of_week(j)] {
                at = j as u16;
            }
            *slot = at;
        }
        last
    });
    let (mut due, mut due_team) = ([0u16; H], [0u16; H]);
    // Hours [i, end) hold at most `window_h` hours of the clock; the last
    // clock hour before `end`, once there is one.
    let (mut end, mut open, mut last_on) = (0usize, 0.0, None);
    for (i, (slot, slot_team)) in due.iter_mut().zip(due_team.iter_mut()).enumerate() {
        if end <= i {
            (end, open) = (i, 0.0);
        }
        // Stops at the last clock hour: the work is due as it ends.
        while end < i + H && open < window_h && open + on(end) <= window_h {
            if clock[of_week(end)] {
                last_on = Some(end);
            }
            open += on(end);
            end += 1;
        }
        let deadline = last_on.filter(|&d| d >= i).unwrap_or(end.max(i + 1) - 1);
        let pulled = match last_team.as_ref().map(|t| t[deadline]) {
            Some(d) if d != u16::MAX && usize::from(d) >= i => usize::from(d),
            _ => deadline,
        };
        if end > i {
            open -= on(i);
        }
        *slot = (deadline - i) as u16;
        *slot_team = (pulled - i) as u16;
    }
    [due, due_team]
}

/// Shares of a week's arrivals (see `Ctx::new`).
struct Shares {
    requested: f64,
    core: f64,
    noncore: f64,
    offhours: f64,
    offhours_requested: f64,
    offhours_core: f64,
}

impl Default for Shares {
    /// Empty sums, as `Iterator::sum` leaves them.
    fn default() -> Shares {
        Shares {
            requested: -0.0,
            core: -0.0,
            noncore: -0.0,
            offhours: -0.0,
            offhours_requested: -0.0,
            offhours_core: -0.0,
        }
    }
}

/// How a week of deferred work goes (see `Ctx::back_office`).
struct BackOffice {
    /// Shares of the week's work the pool finishes and that misses the
    /// response window.
    by_pool: f64,
    late: f64,
}

/// A dedicated team: the seat-hours each premium applies to (all per
/// week) and, when its service is measured, the seats in each hour.
pub(crate) struct Team {
    pub seats: Week<u32>,
    pub live: Vec<LivePlan>,
    pub blend: Vec<BlendPlan>,
    pub deferred: Vec<DeferredPlan>,
    /// Emails and tier-2 tickets a month, at the team's volumes, that the
    /// combined model's pool works outside the core window.
    pub pool_email: f64,
    pub pool_tier2: f64,
    pub seat_hours: f64,
    pub nonprimary_seat_hours: f64,
    pub tier2_seat_hours: f64,
    pub offhours_seat_hours: f64,
}

/// Totals of one live channel over the hours a team answers, per week.
#[derive(Default)]
pub(crate) struct LiveStats {
    pub offered: f64,
    pub within: f64,
    pub abandoned: f64,
    /// Σ answered × mean wait, seconds.
    pub wait: f64,
    pub unstable: bool,
    /// Erlang-hours of handled work.
    pub busy: f64,
    pub seat_hours: f64,
}

impl LiveStats {
    /// Adds `hours` hours of `vol` contacts an hour carrying `traffic`
    /// Erlangs, answered by `seats` agents' time as `r` says.
    fn add(&mut self, vol: f64, traffic: f64, seats: f64, hours: f64, r: &ErlangA) {
        self.offered += vol * hours;
        self.within += vol * r.service_level * hours;
        self.abandoned += vol * r.p_abandon * hours;
        match r.asa_s {
            Some(asa) => self.wait += vol * (1.0 - r.p_abandon) * asa * hours,
            None => self.unstable = true,
        }
        self.busy += least(traffic * (1.0 - r.p_abandon), seats) * hours;
        self.seat_hours += seats * hours;
    }
}

/// The shared pool's service for one live channel, read at the client's
/// target time.
#[derive(Clone, Copy)]
pub(crate) struct PoolLive {
    pub service_level: f64,
    /// The wait within which the pool answers the client's target share
    /// (`None` if never): "80 % in 30 s" against the 80 % in 20 s asked.
    pub time_to_target_s: Option<f64>,
    pub p_abandon: f64,
    pub asa_s: Option<f64>,
    pub occupancy: f64,
}

impl Ctx {
    pub fn new(scenario: &Scenario) -> Ctx {
        let s = sanitized(scenario);
        let [phone, chat, email_monthly, escalations] = monthly_volumes(&s);
        let conc = (s.chat_concurrency.round() as usize).clamp(1, 5);
        let increment = s.billing_increment_s;
        let live_billed = |aht: f64| {
            let unbilled = if s.acw_billed { 0.0 } else { s.acw_s.min(aht) };
            billed_seconds(aht - unbilled, increment)
        };
        let chat_aht = s.chat_aht_s / CHAT_CONCURRENCY_FACTOR[conc - 1];
        let live = [
            LiveChannel {
                monthly: phone,
                aht: s.phone_aht_s,
                target: s.phone_target_pct / 100.0,
                target_s: s.phone_target_s,
                pool_target: s.pool_phone_target_pct / 100.0,
                pool_target_s: s.pool_phone_target_s,
                billed_s: live_billed(s.phone_aht_s),
            },
            LiveChannel {
                monthly: chat,
                aht: chat_aht,
                target: s.chat_target_pct / 100.0,
                target_s: s.chat_target_s,
                pool_target: s.pool_chat_target_pct / 100.0,
                pool_target_s: s.pool_chat_target_s,
                billed_s: live_billed(chat_aht),
            },
        ];
        let escalation = vendor_escalation(&s);

        let shares: Vec<f64> = s
            .languages
            .iter()
            .take(MAX_LANGUAGES)
            .map(|l| {
                if l.share_pct > 0.0 && l.share_pct.is_finite() {
                    l.share_pct
                } else {
                    0.0
                }
            })
            .collect();
        let total: f64 = shares.iter().sum();
        let spoken = shares.iter().filter(|&&x| x > 0.0).count().max(1);
        let extra_languages = if s.multilingual {
            (spoken - 1) as f64
        } else {
            0.0
        };
        let (queues, primary_share) = if total > 0.0 && !s.multilingual {
            let queues: Vec<Lang> = shares
                .iter()
                .enumerate()
                .map(|(i, &x)| Lang {
                    share: x / total,
                    nonprimary: i > 0,
                })
                .filter(|l| l.share > 0.0)
                .collect();
            (queues, shares.first().map_or(1.0, |&x| x / total))
        } else {
            let primary = if total > 0.0 {
                shares.first().map_or(1.0, |&x| x / total)
            } else {
                1.0
            };
            (
                vec![Lang {
                    share: 1.0,
                    nonprimary: false,
                }],
                primary,
            )
        };

        let window = core_window(&s);
        let mut core = window;
        let requested = requested_hours(&s);
        for (c, r) in core.iter_mut().zip(requested.iter()) {
            *c &= *r;
        }
        let noncore = std::array::from_fn(|h| requested[h] && !core[h]);
        let levels = Levels::new(&s.pattern);
        let weights = levels.hour_weights();
        // Shares of arrivals in the requested hours, the core and the rest,
        // and in their off-hours: six sums in one pass over the week, each
        // hour by hour from the first and from -0.0, as `Iterator::sum`
        // adds them.
        let mut share = Shares::default();
        for (h, &w) in weights.iter().enumerate() {
            let off = is_offhours(h);
            if requested[h] {
                share.requested += w;
                if off {
                    share.offhours_requested += w;
                }
            }
            if core[h] {
                share.core += w;
                if off {
                    share.offhours_core += w;
                }
            }
            if noncore[h] {
                share.noncore += w;
            }
            if off {
                share.offhours += w;
            }
        }
        // The core window is often the requested hours (the default page)
        // or all of them inside it (round the clock): a shift already
        // built for the same hours is copied, not sorted again.
        let full_shift = Shift::new(requested, &levels);
        let core_shift = if core == requested {
            full_shift.clone()
        } else {
            Shift::new(core, &levels)
        };
        let core_window_shift = if window == requested {
            full_shift.clone()
        } else if window == core {
            core_shift.clone()
        } else {
            Shift::new(window, &levels)
        };
        let team_due = pool_takes_backlog(&window, &noncore).then_some(&window);
        // Without a team to pull deadlines back to, the same clock twice.
        let due = due_offsets(&requested, s.email_window_h, team_due);
        let (phone_s, chat_s) = (live[PHONE].target_s, live[CHAT].target_s);
        let waits = |targets_s| Waits::new(s.patience_s, targets_s);
        let live_waits = [waits([phone_s; 2]), waits([chat_s; 2])];
        let blend_waits = waits([phone_s, chat_s]);
        Ctx {
            core_arrivals: share.core,
            noncore_arrivals: share.noncore,
            requested_arrivals: share.requested,
            full_shift,
            core_shift,
            core_window_shift,
            weights,
            levels,
            requested,
            core,
            noncore,
            queues,
            primary_share,
            extra_languages,
            live,
            email: DeferredWork {
                monthly: email_monthly,
                aht: s.email_aht_s,
                billed_s: billed_seconds(s.email_aht_s, increment),
                min_per_hour: 1,
            },
            tier2: DeferredWork {
                monthly: escalations,
                aht: s.tier2_aht_s,
                billed_s: billed_seconds(s.tier2_aht_s, increment),
                min_per_hour: 0,
            },
            escalation,
            offhours_requested_arrivals: share.offhours_requested,
            due,
            offhours_core_arrivals: share.offhours_core,
            offhours_arrivals: share.offhours,
            occ: s.max_occupancy_pct / 100.0,
            live_occ: s.max_occupancy_pct / 100.0,
            patience_s: s.patience_s,
            live_waits,
            blend_waits,
            email_target: s.email_target_pct / 100.0,
            s,
        }
    }

    /// The same context for `s`, a scenario that differs from this one only
    /// in its volumes or its peak month: what depends on hours, languages,
    /// handle times and targets is kept, the volumes are read again (with
    /// the same clamping as `new`).
    pub fn reshaped(&self, s: &Scenario) -> Ctx {
        let v = sanitized(s);
        let mut c = self.clone();
        [
            c.live[PHONE].monthly,
            c.live[CHAT].monthly,
            c.email.monthly,
            c.tier2.monthly,
        ] = monthly_volumes(&v);
        c.s = v;
        c
    }

    /// Contacts a month reaching agents on phone, chat and email.
    pub fn volumes(&self) -> [f64; 3] {
        [
            self.live[PHONE].monthly,
            self.live[CHAT].monthly,
            self.email.monthly,
        ]
    }

    /// Contacts per hour arriving in an hour of weight `w`.
    fn per_hour(monthly: f64, share: f64, factor: f64, w: f64) -> f64 {
        monthly * share * factor / WEEKS_PER_MONTH * w
    }

    /// What `agents` give on live `channel`'s queue (of handle time
    /// `aht_s`) carrying `traffic` Erlangs, read at its target time.
    pub fn live_service(&self, channel: usize, aht_s: f64, agents: u32, traffic: f64) -> ErlangA {
        let [r, _] = self.live_services(aht_s, &self.live_waits[channel], agents, traffic);
        r
    }

    /// What `agents` give on a live queue at the two target times of
    /// `waits`, read in one Erlang A sweep.
    fn live_services(&self, aht_s: f64, waits: &Waits, agents: u32, traffic: f64) -> [ErlangA; 2] {
        if self.patience_s > 0.0 {
            return erlang_a_waits(agents, traffic, aht_s, waits);
        }
        let asa = average_speed_of_answer(agents, traffic, aht_s);
        let p_wait = erlang_c(agents, traffic);
        waits.targets_s.map(|target_s| ErlangA {
            p_wait,
            p_abandon: 0.0,
            service_level: service_level(agents, traffic, aht_s, target_s),
            asa_s: asa.is_finite().then_some(asa),
        })
    }

    /// Agents for one live queue-hour: Erlang C's answer, and at least one
    /// because a covered hour is answered however quiet it is.
    fn live_agents(&self, ch: &LiveChannel, traffic: f64) -> u32 {
        required_agents(traffic, ch.aht, ch.target, ch.target_s, self.live_occ).max(1)
    }

    /// The team of `role` for volumes × `factor`: blended by default,
    /// each channel its own agents when the buyer asks for specialists.
    /// Deferred work is answered against the requested hours' clock.
    /// `with_service` also measures the service (cost-only evaluations
    /// skip it).
    pub fn team(&self, role: Role, factor: f64, with_service: bool) -> Team {
        self.team_reading(role, factor, with_service, None)
    }

    /// The combined model's core team beside `dedicated`, staffed for the
    /// same volumes: its hours are some of the dedicated team's, with the
    /// same live needs, and the same room where the deferred work's handle
    /// time is the same, so those are read from it rather than again.
    pub fn core_beside(&self, dedicated: &Team, factor: f64, with_service: bool) -> Team {
        self.team_reading(Role::Core, factor, with_service, Some(dedicated))
    }

    fn team_reading(
        &self,
        role: Role,
        factor: f64,
        with_service: bool,
        known: Option<&Team>,
    ) -> Team {
        let mut team = Team {
            seats: [0; HOURS_PER_WEEK],
            live: Vec::new(),
            blend: Vec::new(),
            deferred: Vec::new(),
            pool_email: 0.0,
            pool_tier2: 0.0,
            seat_hours: 0.0,
            nonprimary_seat_hours: 0.0,
            tier2_seat_hours: 0.0,
            offhours_seat_hours: 0.0,
        };
        let (shift, _) = self.shifts(role);
        // Escalations come from what this team answers: live contacts in its
        // live hours and all the email.
        let live_share: f64 = shift.order.iter().map(|&h| self.weights[h]).sum();
        let answered =
            (self.live[PHONE].monthly + self.live[CHAT].monthly) * live_share + self.email.monthly;
        let tier2 = DeferredWork {
            monthly: answered * self.escalation,
            ..self.tier2
        };
        for lang in &self.queues {
            if self.s.specialised {
                self.specialised(&mut team, lang, role, &tier2, factor, with_service);
            } else {
                let known = known.and_then(|t| {
                    t.blend
                        .iter()
                        .find(|p| p.share == lang.share && p.factor == factor)
                });
                let ask = Ask {
                    role,
                    factor,
                    with_service,
                };
                self.blended(&mut team, lang, &tier2, ask, known);
            }
        }
        team
    }

    /// The live hours and the back-office hours of a role's team.
    pub fn shifts(&self, role: Role) -> (&Shift, &Shift) {
        match role {
            Role::Dedicated => (&self.full_shift, &self.full_shift),
            Role::Core => (&self.core_shift, &self.core_window_shift),
        }
    }

    /// Whether the pool works the deferred backlog in the requested hours
    /// outside the core window: the combined model's, when it has a core
    /// team and such hours.
    fn pool_backs(&self, role: Role) -> bool {
        role == Role::Core && pool_takes_backlog(&self.core_window_shift.hours, &self.noncore)
    }

    /// Each live channel's contacts a week for one language at volumes ×
    /// `factor`: what [`Ctx::per_hour`] scales by an hour's weight, read
    /// once for every arrival level (the same operations in the same
    /// order, so each level's load is the same to the bit).
    fn live_weekly(&self, share: f64, factor: f64) -> [f64; 2] {
        let weekly = |ch: &LiveChannel| ch.monthly * share * factor / WEEKS_PER_MONTH;
        [weekly(&self.live[PHONE]), weekly(&self.live[CHAT])]
    }

    /// The live loads of one language, `weekly` its contacts a week (see
    /// [`Ctx::live_weekly`]), in an hour of arrival weight `w`.
    fn live_loads(&self, weekly: &[f64; 2], w: f64) -> [LiveLoad; 2] {
        // Written out for the two channels: built for size, mapping over
        // them cost each of the many levels a call per channel.
        let load = |ch: &LiveChannel, weekly: f64| LiveLoad {
            traffic: weekly * w * ch.aht / 3600.0,
            aht_s: ch.aht,
            target: ch.target,
            target_s: ch.target_s,
        };
        [
            load(&self.live[PHONE], weekly[PHONE]),
            load(&self.live[CHAT], weekly[CHAT]),
        ]
    }

    /// Each arrival level's room for deferred work (of mean handle time
    /// `aht_s`) where the team has `agents` and deferred work to do.
    fn level_room(
        &self,
        needs: &[LiveNeed],
        agents: &[u32],
        deferred: bool,
        aht_s: f64,
    ) -> Vec<f64> {
        needs
            .iter()
            .zip(agents.iter())
            .map(|(need, &n)| {
                if n > 0 && deferred {
                    need.room(n, self.occ, aht_s)
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// A blended team's live need and room per arrival level at volumes ×
    /// `volumes`: at the volumes it was staffed for, its own reading,
    /// borrowed.
    fn reading<'a>(
        &self,
        plan: &'a BlendPlan,
        volumes: f64,
    ) -> (Cow<'a, [LiveNeed]>, Cow<'a, [f64]>) {
        if self.staffed_at(plan, volumes) {
            return (Cow::Borrowed(&plan.needs), Cow::Borrowed(&plan.room));
        }
        let weekly = self.live_weekly(plan.share, volumes);
        let needs: Vec<LiveNeed> = self
            .levels
            .weights
            .iter()
            .map(|&w| live_need(&self.live_loads(&weekly, w)))
            .collect();
        let room = self.level_room(
            &needs,
            &plan.agents,
            plan.workload > 0.0,
            plan.deferred_aht_s,
        );
        (Cow::Owned(needs), Cow::Owned(room))
    }

    /// Whether volumes × `volumes` are those `plan` was staffed for, so
    /// that what its staffing read applies.
    fn staffed_at(&self, plan: &BlendPlan, volumes: f64) -> bool {
        volumes == plan.factor
    }

    /// Erlang A at phone's and chat's target times for a blended level's
    /// one queue of `agents`, its handle time the live loads' mean.
    fn blend_services(&self, need: &LiveNeed, agents: u32) -> [ErlangA; 2] {
        let aht = if need.rate > 0.0 {
            need.traffic / need.rate
        } else {
            0.0
        };
        self.live_services(aht, &self.blend_waits, agents, need.traffic)
    }

    /// Room for deferred work, Erlangs per hour, that a blended team's
    /// live seats leave after live work at volumes × `factor`.
    fn blend_room(&self, plan: &BlendPlan, role: Role, factor: f64) -> Week<f64> {
        let (shift, _) = self.shifts(role);
        let (_, room) = self.reading(plan, factor);
        let mut capacity = [0.0; HOURS_PER_WEEK];
        for &h in &shift.order {
            if let Some(&r) = room.get(usize::from(self.levels.of_hour[h])) {
                capacity[h] = r;
            }
        }
        capacity
    }

    /// A week of deferred work, first come first served in `capacity`
    /// (Erlangs an hour) plus the seats already in `extra`, to which the
    /// seats it adds are added (in place: a week of seats is a large
    /// value to move). With the
    /// combined model's pool behind the core team, work arriving in the
    /// requested hours outside the core window is the pool's (it works
    /// those hours), and the core team's own work falls due by its last
    /// hour before the deadline. A piece that would still pass its
    /// deadline gets seat time, when `add` allows, in the team's hours
    /// since it arrived (the room of quieter hours is used first; seat
    /// time in fractions of a seat-hour, since the bill counts
    /// seat-hours); with no such hour, the pool takes it if it is on;
    /// else it is late. Two weeks from empty bring the backlog to its
    /// weekly cycle; the third is measured, and staffed.
    fn back_office(
        &self,
        arrivals: &Week<f64>,
        capacity: &Week<f64>,
        extra: &mut Week<f64>,
        role: Role,
        add: bool,
    ) -> BackOffice {
        const H: usize = HOURS_PER_WEEK;
        let weekly: f64 = arrivals.iter().sum();
        if weekly <= 0.0 {
            return BackOffice {
                by_pool: 0.0,
                late: 0.0,
            };
        }
        let (_, team_hours) = self.shifts(role);
        let pool = self.pool_backs(role);
        let due = &self.due[role as usize];
        // Team hours before each hour of the week.
        let mut team_before = [0u32; H + 1];
        for h in 0..H {
            team_before[h + 1] = team_before[h] + u32::from(team_hours.hours[h]);
        }
        // Work waiting: (arrived, due, Erlang-hours left), at most one piece
        // an hour for three weeks, first in first out from `head`: a plain
        // array, since this runs for every team the what-ifs price.
        let mut queue = [(0usize, 0usize, 0.0_f64); 3 * H];
        let (mut head, mut tail) = (0, 0);
        let (mut by_pool, mut late) = (0.0, 0.0);
        // Seat time added this week to its past hours, as differences over
        // the hours, made whole as the week ends.
        let mut added = [0.0_f64; H + 1];
        let mut any_added = false;
        // Only a team being staffed starts its third week again.
        let start = add.then_some(*extra);
        // Week by week, hour by hour: the checks at a week's ends are made
        // once a week, not in each of the 504 hours.
        for week in 0..3 {
            // A first week that leaves nothing waiting is the weekly cycle
            // already: the second, with at least its seats, ends empty too,
            // so the third starts as the first did and repeats it figure
            // for figure.
            if week == 1 && head == tail {
                break;
            }
            (by_pool, late) = (0.0, 0.0);
            // The first two weeks bring the backlog to its weekly cycle;
            // the seats are those the third week needs from there.
            if let (2, Some(start)) = (week, start) {
                *extra = start;
            }
            let monday = week * H;
            for h in 0..H {
                let i = monday + h;
                let deadline = i + usize::from(due[h]);
                if pool && self.noncore[h] {
                    by_pool += arrivals[h];
                } else if arrivals[h] > 0.0 {
                    queue[tail] = (i, deadline, arrivals[h]);
                    tail += 1;
                }
                let mut free = capacity[h] + extra[h] * self.occ;
                while head < tail {
                    let front = &mut queue[head];
                    if free >= front.2 {
                        free -= front.2;
                        head += 1;
                        continue;
                    }
                    front.2 -= free;
                    free = 0.0;
                    if front.1 > i {
                        break;
                    }
                    let (arrived, rest) = (front.0, front.2);
                    // Seat time for the rest, spread over the team's hours
                    // between its arrival and now (FIFO would have spent it
                    // there on this piece or the ones before it), within
                    // this week: an hour of the last week is one still to
                    // come in this one, where the seat time would be spent
                    // twice.
                    let from = arrived.max(monday) % H;
                    let hours = team_before[h + 1] - team_before[from];
                    if add && hours > 0 {
                        let each = rest / self.occ / f64::from(hours);
                        added[from] += each;
                        added[h + 1] -= each;
                        any_added = true;
                    } else if pool && self.noncore[h] {
                        // No core hour before it falls due: the pool, on now.
                        by_pool += rest;
                    } else {
                        late += rest;
                    }
                    head += 1;
                }
            }
            if any_added {
                any_added = false;
                let mut run = 0.0;
                for (j, x) in extra.iter_mut().enumerate() {
                    run += added[j];
                    if team_hours.hours[j] {
                        *x += greatest(run, 0.0);
                    }
                }
                added = [0.0; H + 1];
            }
        }
        // A team whose week holds less room than its work falls further
        // behind every week, which three weeks from empty may not show when
        // the window is long: a team being staffed gets the room it still
        // lacks once the deadlines have placed their seats, spread over its
        // hours. (A team measured in a busy month is read in that month's
        // third week, as it is.)
        if add {
            let work: f64 = (0..H)
                .filter(|&h| !(pool && self.noncore[h]))
                .map(|h| arrivals[h])
                .sum();
            let room: f64 = (0..H).map(|h| capacity[h] + extra[h] * self.occ).sum();
            let open = team_hours.hours.iter().filter(|&&on| on).count();
            if open > 0 && work > room * (1.0 + 1e-9) {
                let each = (work - room) / self.occ / open as f64;
                for (x, &on) in extra.iter_mut().zip(team_hours.hours.iter()) {
                    if on {
                        *x += each;
                    }
                }
            }
        }
        BackOffice {
            by_pool: (by_pool / weekly).clamp(0.0, 1.0),
            late: (late / weekly).clamp(0.0, 1.0),
        }
    }

    /// One language's blended team: live channels in one queue, staffed
    /// hour by hour with at least one agent; emails and tier-2 tickets in
    /// the time live work leaves, and seats added only where that time
    /// would not finish them within the response window.
    fn blended(
        &self,
        team: &mut Team,
        lang: &Lang,
        tier2: &DeferredWork,
        ask: Ask,
        known: Option<&BlendPlan>,
    ) {
        let Ask {
            role,
            factor,
            with_service,
        } = ask;
        let (shift, _) = self.shifts(role);
        // Arrival weights sum to 1 over the week.
        let deferred_w =
            |w: &DeferredWork| Ctx::per_hour(w.monthly, lang.share, factor, 1.0) * w.aht / 3600.0;
        let (email_w, tier2_w) = (deferred_w(&self.email), deferred_w(tier2));
        let weekly = self.live_weekly(lang.share, factor);
        let live_any = self.live.iter().any(|ch| ch.monthly * factor > 0.0);
        if !live_any && email_w + tier2_w <= 0.0 {
            return;
        }
        // A level the known team works is read from it.
        let known_at = |level: usize| known.filter(|p| p.agents.get(level).is_some_and(|&n| n > 0));
        // The mean handle time of the deferred work, by its load.
        let deferred_aht_s = if email_w + tier2_w > 0.0 {
            (email_w + tier2_w) / (email_w / self.email.aht + tier2_w / tier2.aht.max(1.0))
        } else {
            self.email.aht
        };
        // Room matters only to deferred work.
        let room_aht_s = (email_w + tier2_w > 0.0).then_some(deferred_aht_s);
        // A dedicated team whose service is measured beside a core team of
        // its own reads each level's Erlang A once, for both.
        let shared = with_service && role == Role::Dedicated && !self.core_is_full();
        // Each level's live need, agents, room and service alone, the room
        // read on from the agents' search where it ended.
        // The core team beside it keeps the dedicated team's readings.
        let keep_services = shared || with_service && known.is_some_and(|p| !p.services.is_empty());
        let levels = self.levels.weights.len();
        let mut needs = Vec::with_capacity(levels);
        let mut agents = Vec::with_capacity(levels);
        let mut level_room = Vec::with_capacity(levels);
        let mut alone = Vec::with_capacity(levels);
        let mut services = Vec::with_capacity(if keep_services { levels } else { 0 });
        for (level, (&w, &u)) in self
            .levels
            .weights
            .iter()
            .zip(shift.used.iter())
            .enumerate()
        {
            let known = known_at(level);
            let (need, n, searched, within) = match known {
                _ if !u => (LiveNeed::default(), 0, None, None),
                Some(p) => (p.needs[level], p.agents[level], None, p.alone[level]),
                None => {
                    let need = live_need(&self.live_loads(&weekly, w));
                    let (n, alone) = need.agents_alone(self.live_occ, 1);
                    (need, n, Some(alone), alone.within())
                }
            };
            let room = match room_aht_s {
                Some(aht) if n > 0 => match known {
                    Some(p) if p.room_aht_s == Some(aht) => p.room[level],
                    _ => need.room_from(searched, n, self.occ, aht),
                },
                _ => 0.0,
            };
            if keep_services {
                services.push(match known {
                    Some(p) => p.services.get(level).copied().flatten(),
                    None if n > 0 => Some(self.blend_services(&need, n)),
                    None => None,
                });
            }
            needs.push(need);
            agents.push(n);
            level_room.push(room);
            alone.push(within);
        }
        let (mut seat_hours, mut off) = (0.0, 0.0);
        for ((&n, &c), &o) in agents
            .iter()
            .zip(shift.count.iter())
            .zip(shift.off_count.iter())
        {
            seat_hours += f64::from(n) * f64::from(c);
            off += f64::from(n) * f64::from(o);
        }
        let mut room = [0.0; HOURS_PER_WEEK];
        for &h in &shift.order {
            if let Some(&r) = level_room.get(usize::from(self.levels.of_hour[h])) {
                room[h] = r;
            }
        }
        let arrivals = self.weights.map(|w| (email_w + tier2_w) * w);
        let mut extra = [0.0; HOURS_PER_WEEK];
        let flow = self.back_office(&arrivals, &room, &mut extra, role, true);
        let (within, to_pool) = (1.0 - flow.late, flow.by_pool);
        let extra_h: f64 = extra.iter().sum();
        // Live seats carry the off-hours premium where they sit; deferred
        // work for the time it takes when it arrives in requested off-hours,
        // wherever it is done: where seats added for it land is a
        // scheduling detail, and pricing that would let more volume move
        // work out of premium hours and lower the bill.
        // The combined model's pool takes what arrives outside the core.
        let off_share = if self.pool_backs(role) {
            self.offhours_core_arrivals
        } else {
            self.offhours_requested_arrivals
        };
        let deferred_off = (email_w + tier2_w) * off_share / self.occ;
        team.tally(seat_hours, off + deferred_off, lang.nonprimary, false);
        team.tally(extra_h, 0.0, lang.nonprimary, false);
        let mut plan = BlendPlan {
            share: lang.share,
            agents,
            extra,
            workload: email_w + tier2_w,
            deferred_aht_s,
            factor,
            needs,
            room: level_room,
            room_aht_s,
            alone,
            services,
        };
        // The specialist premium is paid on the time tier-2 work takes.
        team.tier2_seat_hours += (tier2_w * (1.0 - to_pool) / self.occ).min(seat_hours + extra_h);
        plan.workload = (email_w + tier2_w) * (1.0 - to_pool);
        team.pool_email += self.email.monthly * lang.share * factor * to_pool;
        team.pool_tier2 += tier2.monthly * lang.share * factor * to_pool;
        if with_service {
            for (h, t) in team.seats.iter_mut().enumerate() {
                let live = if shift.hours[h] {
                    plan.agents
                        .get(usize::from(self.levels.of_hour[h]))
                        .copied()
                        .unwrap_or(0)
                } else {
                    0
                };
                // Most hours have no seat added: no rounding to read.
                let extra = if plan.extra[h] > 0.0 {
                    (plan.extra[h] - 1e-9).ceil().clamp(0.0, 1e9) as u32
                } else {
                    0
                };
                *t = t.saturating_add(live).saturating_add(extra);
            }
        }
        for (email, w) in [(true, email_w), (false, tier2_w)] {
            if w > 0.0 {
                let done = w * (1.0 - to_pool);
                team.deferred.push(DeferredPlan {
                    email,
                    share: lang.share,
                    seat_hours: done / self.occ,
                    workload: done,
                    within,
                });
            }
        }
        team.blend.push(plan);
    }

    /// One language's specialised team: each live channel its own agents,
    /// emails and tier-2 tickets their own seat-hours.
    fn specialised(
        &self,
        team: &mut Team,
        lang: &Lang,
        role: Role,
        tier2: &DeferredWork,
        factor: f64,
        with_service: bool,
    ) {
        let (shift, back_office) = self.shifts(role);
        let hours = back_office.order.len() as u32;
        let pool_backs = self.pool_backs(role);
        for (channel, ch) in self.live.iter().enumerate() {
            if ch.monthly * factor <= 0.0 || shift.order.is_empty() {
                continue;
            }
            let agents: Vec<u32> = self
                .levels
                .weights
                .iter()
                .zip(shift.used.iter())
                .map(|(&w, &u)| {
                    let traffic =
                        Ctx::per_hour(ch.monthly, lang.share, factor, w) * ch.aht / 3600.0;
                    if u { self.live_agents(ch, traffic) } else { 0 }
                })
                .collect();
            let (mut seat_hours, mut off) = (0.0, 0.0);
            for ((&n, &c), &o) in agents
                .iter()
                .zip(shift.count.iter())
                .zip(shift.off_count.iter())
            {
                seat_hours += f64::from(n) * f64::from(c);
                off += f64::from(n) * f64::from(o);
            }
            team.tally(seat_hours, off, lang.nonprimary, false);
            if with_service {
                for &h in &shift.order {
                    let n = agents
                        .get(usize::from(self.levels.of_hour[h]))
                        .copied()
                        .unwrap_or(0);
                    team.seats[h] = team.seats[h].saturating_add(n);
                }
            }
            team.live.push(LivePlan {
                channel,
                share: lang.share,
                agents,
            });
        }
        let own = if pool_backs {
            1.0 - self.noncore_arrivals
        } else {
            1.0
        };
        for (work, email) in [(&self.email, true), (tier2, false)] {
            // Arrival weights sum to 1 over the week.
            let workload = Ctx::per_hour(work.monthly, lang.share, factor, 1.0) * work.aht / 3600.0;
            if workload <= 0.0 || hours == 0 {
                continue;
            }
            let total = self.deferred_seat_hours(workload * own, hours, work.min_per_hour);
            // Deferred seats carry the off-hours premium in proportion to
            // the work arriving off-hours, not to where the seats land:
            // that is a scheduling detail, and pricing it would let more
            // coverage or a split queue lower the bill.
            let off = f64::from(total) * self.offhours_arrivals;
            team.tally(f64::from(total), off, lang.nonprimary, !email);
            let seats = spread(total, &back_office.order);
            let arrivals = self.weights.map(|w| workload * w);
            let capacity = seats.map(|n| f64::from(n) * self.occ);
            let mut none = [0.0; HOURS_PER_WEEK];
            let flow = self.back_office(&arrivals, &capacity, &mut none, role, false);
            let (within, to_pool) = (1.0 - flow.late, flow.by_pool);
            if with_service {
                for (t, &n) in team.seats.iter_mut().zip(seats.iter()) {
                    *t = t.saturating_add(n);
                }
            }
            let share_to_pool = work.monthly * lang.share * factor * to_pool;
            if email {
                team.pool_email += share_to_pool;
            } else {
                team.pool_tier2 += share_to_pool;
            }
            team.deferred.push(DeferredPlan {
                email,
                share: lang.share,
                seat_hours: f64::from(total),
                workload: workload * (1.0 - to_pool),
                within,
            });
        }
    }

    /// Seat-hours a week for deferred work: the most of the minimum
    /// presence, the workload at the occupancy cap, and one seat-hour per
    /// response window of working hours (so a trickle of work does not wait
    /// a week). They are spread over the working hours, busiest first, and
    /// the window is then checked, not staffed for: when it is missed, the
    /// coverage is usually the cause (work arriving as the team leaves),
    /// which more seats in the same hours would not fix; the result says so.
    fn deferred_seat_hours(&self, workload: f64, hours: u32, min_per_hour: u32) -> u32 {
        let by_load = (workload / self.occ - 1e-9).ceil().clamp(1.0, 1e9) as u32;
        let by_window = (f64::from(hours) / self.s.email_window_h).ceil() as u32;
        (min_per_hour * hours).max(by_load).max(by_window)
    }

    /// Per-week service of a team's live queues over its shift, with volumes ×
    /// `factor` × `month` (a busy month runs its volume on base staffing).
    pub fn live_stats(&self, team: &Team, role: Role, factor: f64, month: f64) -> [LiveStats; 2] {
        let (shift, _) = self.shifts(role);
        let count = &shift.count;
        let mut out: [LiveStats; 2] = Default::default();
        for plan in &team.live {
            let ch = &self.live[plan.channel];
            let st = &mut out[plan.channel];
            for ((&w, &n), &c) in self
                .levels
                .weights
                .iter()
                .zip(plan.agents.iter())
                .zip(count.iter())
            {
                if c == 0 {
                    continue;
                }
                let vol = Ctx::per_hour(ch.monthly, plan.share, factor * month, w);
                let traffic = vol * ch.aht / 3600.0;
                let r = self.live_service(plan.channel, ch.aht, n, traffic);
                st.add(vol, traffic, f64::from(n), f64::from(c), &r);
            }
        }
        for plan in &team.blend {
            self.blend_stats(plan, role, factor * month, month, &mut out);
        }
        out
    }

    /// A blended team's live service: each live channel read from the one
    /// queue at its own target time, with the agents that deferred work
    /// leaves. The deferred work is spread over the hours in proportion to
    /// the room each leaves for it.
    fn blend_stats(
        &self,
        plan: &BlendPlan,
        role: Role,
        volumes: f64,
        month: f64,
        out: &mut [LiveStats; 2],
    ) {
        let (shift, _) = self.shifts(role);
        let mut room: f64 = plan.extra.iter().sum::<f64>() * self.occ;
        let (needs, level_room) = self.reading(plan, volumes);
        let weekly = self.live_weekly(plan.share, volumes);
        // Where the team was staffed, its service alone was read there.
        let staffed = self.staffed_at(plan, volumes);
        for (&r, &c) in level_room.iter().zip(shift.count.iter()) {
            room += r * f64::from(c);
        }
        let work = plan.workload * month;
        // Live contacts come first: deferred work beyond the room waits,
        // and is late (see `back_office`), rather than taking agents from
        // the live queues.
        let fill = if room > 0.0 {
            (work / room).min(1.0)
        } else {
            0.0
        };
        for (level, (((&w, &n), &c), need)) in self
            .levels
            .weights
            .iter()
            .zip(plan.agents.iter())
            .zip(shift.count.iter())
            .zip(needs.iter())
            .enumerate()
        {
            if c == 0 || n == 0 {
                continue;
            }
            let (alone_read, services_read) = if staffed {
                (
                    plan.alone.get(level).and_then(Option::as_ref),
                    plan.services.get(level).and_then(Option::as_ref),
                )
            } else {
                (None, None)
            };
            let deferred = Deferred {
                erlangs: fill * level_room[level],
                aht_s: plan.deferred_aht_s,
            };
            let loads = self.live_loads(&weekly, w);
            // The queue with and without the deferred work, read once for
            // every channel; Erlang A (or C) too, at each channel's target
            // time (a channel without traffic reads nothing from it).
            let with = need.waiting(n, deferred);
            let alone_within = alone_read.copied().unwrap_or_else(|| need.within_alone(n));
            let fresh;
            let services = match services_read {
                Some(kept) => kept,
                None => {
                    fresh = self.blend_services(need, n);
                    &fresh
                }
            };
            // The channels with traffic, in the live need's order.
            let mut live = 0;
            for ((i, load), &service) in loads.iter().enumerate().zip(services.iter()) {
                if load.traffic <= 0.0 {
                    continue;
                }
                // The live queue's service, scaled by what the deferred work
                // in the hour takes from its service level.
                let mut r = service;
                let alone = alone_within[live];
                live += 1;
                if alone > 0.0 {
                    r.service_level *= within(with, load.target_s) / alone;
                }
                let vol = load.traffic * 3600.0 / load.aht_s;
                // Agents' time is shared out by load.
                let seats = f64::from(n) * load.traffic / need.traffic;
                out[i].add(vol, load.traffic, seats, f64::from(c), &r);
            }
        }
    }

    /// Whether the combined model's core team is the dedicated team: the
    /// core window covers every requested hour.
    pub fn core_is_full(&self) -> bool {
        self.core_shift.hours == self.full_shift.hours
            && self.core_window_shift.hours == self.full_shift.hours
    }

    /// Contacts a week of one live channel arriving in the core window
    /// (`core`) or in the other requested hours, all languages, volumes ×
    /// `factor`.
    pub fn live_volume_in(&self, channel: usize, core: bool, factor: f64) -> f64 {
        let share = if core {
            self.core_arrivals
        } else {
            self.noncore_arrivals
        };
        self.live[channel].monthly * factor / WEEKS_PER_MONTH * share
    }

    /// Share of a dedicated team's email answered within the window when
    /// the volumes are × `factor` × `month` but the seats stay as the team
    /// has them: a team staffed for the base month, in a busy month.
    pub fn email_within(&self, team: &Team, factor: f64, month: f64) -> f64 {
        let role = Role::Dedicated;
        let (_, back_office) = self.shifts(role);
        let (mut work, mut within) = (0.0, 0.0);
        // A blended team's deferred plans report its work; its seats are its
        // blend plans', read below.
        let specialised = team.blend.is_empty();
        for d in team.deferred.iter().filter(|d| d.email && specialised) {
            let seats = spread(d.seat_hours as u32, &back_office.order);
            let arrivals = self.weights.map(|w| {
                Ctx::per_hour(self.email.monthly, d.share, factor * month, w) * self.email.aht
                    / 3600.0
            });
            let capacity = seats.map(|n| f64::from(n) * self.occ);
            let load: f64 = arrivals.iter().sum();
            work += load;
            within += load
                * (1.0
                    - self
                        .back_office(
                            &arrivals,
                            &capacity,
                            &mut [0.0; HOURS_PER_WEEK],
                            role,
                            false,
                        )
                        .late);
        }
        for plan in &team.blend {
            let room = self.blend_room(plan, role, factor * month);
            let arrivals = self.weights.map(|w| plan.workload * month * w);
            let load = plan.workload * month;
            work += load;
            within += load
                * (1.0
                    - self
                        .back_office(&arrivals, &room, &mut plan.extra.clone(), role, false)
                        .late);
        }
        if work > 0.0 { within / work } else { 1.0 }
    }

    /// The shared pool modelled as an Erlang C queue of POOL_AGENTS agents
    /// loaded until it just meets the pool's commitment on the channel
    /// (e.g. 80 % within 20 s on phone), then read at the client's target
    /// time on the same curve: a client whose target time is shorter than
    /// the commitment's gets less than the headline, a longer one more.
    /// Abandonment and ASA are Erlang A's at that load when a patience is
    /// given.
    pub fn pool(&self) -> [PoolLive; 2] {
        std::array::from_fn(|channel| {
            let ch = &self.live[channel];
            let margin = |load: f64| {
                service_level(POOL_AGENTS, load, ch.aht, ch.pool_target_s) - ch.pool_target
            };
            let lo = highest_meeting(margin, f64::from(POOL_AGENTS));
            let r = self.live_service(channel, ch.aht, POOL_AGENTS, lo);
            PoolLive {
                service_level: service_level(POOL_AGENTS, lo, ch.aht, ch.target_s),
                time_to_target_s: time_to_answer(POOL_AGENTS, lo, ch.aht, ch.target),
                p_abandon: r.p_abandon,
                asa_s: r.asa_s,
                occupancy: (lo * (1.0 - r.p_abandon) / f64::from(POOL_AGENTS)).min(1.0),
            }
        })
    }
}

/// The highest x in [0, `top`] with `margin(x)` ≥ 0, for a margin that
/// falls as x rises, within a billionth of `top`: regula falsi with the
/// Illinois step, kept on the side that meets, about ten reads where
/// halving takes forty.
fn highest_meeting(margin: impl Fn(f64) -> f64, top: f64) -> f64 {
    let (f_lo, f_hi) = (margin(0.0), margin(top));
    if f_lo < 0.0 {
        return 0.0;
    }
    if f_hi >= 0.0 {
        return top;
    }
    let mut b = Bracket::new((0.0, f_lo), (top, f_hi));
    for _ in 0..100 {
        if b.hi - b.lo <= top * 1e-9 {
            break;
        }
        let x = b.secant();
        // A step that would not move inside the bracket halves it.
        let x = if x <= b.lo || x >= b.hi {
            0.5 * (b.lo + b.hi)
        } else {
            x
        };
        b.narrow(x, margin(x));
    }
    b.lo
}

/// Mean seconds billed for a contact of mean length `handle_s` when each
/// is rounded up to a whole `increment_s`. Handle times are taken as
/// exponential (as in Erlang C), for which E[⌈T/I⌉·I] = I / (1 − e^(−I/m)):
/// about m + I/2, never below m.
pub(crate) fn billed_seconds(handle_s: f64, increment_s: f64) -> f64 {
    if handle_s <= 0.0 {
        return 0.0;
    }
    if increment_s <= 0.0 {
        return handle_s;
    }
    increment_s / -(-increment_s / handle_s).exp_m1()
}

impl Team {
    /// Of `all` emails a month, those the combined model's pool works
    /// outside the core window.
    pub(crate) fn emails_outside_core(&self, all: f64) -> f64 {
        self.pool_email.min(all)
    }

    fn tally(&mut self, seat_hours: f64, offhours: f64, nonprimary: bool, tier2: bool) {
        self.seat_hours += seat_hours;
        self.offhours_seat_hours += offhours;
        if nonprimary {
            self.nonprimary_seat_hours += seat_hours;
        }
        if tier2 {
            self.tier2_seat_hours += seat_hours;
        }
    }
}

/// `seat_hours` spread evenly over the hours in `order`, the remainder one
/// each to the first (busiest) hours. Adding a seat-hour never removes one
/// from any hour, so more seat-hours never serve worse.
fn spread(seat_hours: u32, order: &[usize]) -> Week<u32> {
    let mut seats = [0; HOURS_PER_WEEK];
    let n = order.len() as u32;
    if n == 0 {
        return seats;
    }
    let (base, extra) = (seat_hours / n, seat_hours % n);
    for (i, &h) in order.iter().enumerate() {
        if let Some(slot) = seats.get_mut(h) {
            *slot = base + u32::from((i as u32) < extra);
        }
    }
    seats
}

#[cfg(test)]
mod tests {
    use super::super::erlang::erlang_a;
    use super::*;

    #[test]
    fn highest_meeting_finds_the_edge_from_the_side_that_meets() {
        // A falling margin with its root at 30 of 50, and one bent so the
        // secant alone would crawl.
        for (margin, root) in [
            (
                Box::new(|x: f64| 0.3 - x / 100.0) as Box<dyn Fn(f64) -> f64>,
                30.0,
            ),
            (Box::new(|x: f64| 1.0 - (x / 40.0).powi(8)), 40.0),
        ] {
            let x = highest_meeting(&margin, 50.0);
            assert!(margin(x) >= 0.0, "{x}");
            assert!((root - x).abs() <= 50.0 * 1e-9, "{x} against {root}");
        }
        // Met everywhere, and nowhere.
        assert_eq!(highest_meeting(|_| 1.0, 50.0), 50.0);
        assert_eq!(highest_meeting(|_| -1.0, 50.0), 0.0);
    }

    /// The shifts and deadlines copied when the hours are the same are
    /// the ones built for those hours: the default page (core window =
    /// requested hours), round the clock (core inside them), and a core
    /// window apart from both.
    #[test]
    fn copied_shifts_and_deadlines_are_the_ones_built_for_their_hours() {
        for query in [
            "v=1",
            "v=1&h24=1",
            "v=1&core_days=3&core_open=10&core_close=14",
            "v=1&open=6&close=22&core_open=0&core_close=24&core_days=7",
        ] {
            let (s, _) = Scenario::from_query(query);
            let ctx = Ctx::new(&s);
            let window = core_window(&ctx.s);
            for (shift, hours) in [
                (&ctx.full_shift, ctx.requested),
                (&ctx.core_shift, ctx.core),
                (&ctx.core_window_shift, window),
            ] {
                let built = Shift::new(hours, &ctx.levels);
                assert_eq!(shift.hours, built.hours, "{query}");
                assert_eq!(shift.order, built.order, "{query}");
                assert_eq!(shift.used, built.used, "{query}");
                assert_eq!(shift.count, built.count, "{query}");
                assert_eq!(shift.off_count, built.off_count, "{query}");
            }
            let team = pool_takes_backlog(&window, &ctx.noncore).then_some(&window);
            let window_h = ctx.s.email_window_h;
            assert_eq!(
                ctx.due,
                [
                    due_offsets(&ctx.requested, window_h, None)[0],
                    due_offsets(&ctx.requested, window_h, team)[1],
                ],
                "{query}"
            );
        }
    }

    /// The live service read from what staffing kept (each level's
    /// service alone from the agents' search, Erlang A read once for the
    /// dedicated team and the core team beside it) is the service read
    /// afresh, to the bit: the dedicated, core and busy-month teams,
    /// at the volumes they were staffed for and at a busy month's.
    #[test]
    fn the_service_read_from_staffing_is_the_service_read_afresh() {
        let bits = |st: &[LiveStats; 2]| {
            st.each_ref().map(|x| {
                [
                    x.offered,
                    x.within,
                    x.abandoned,
                    x.wait,
                    x.busy,
                    x.seat_hours,
                ]
                .map(f64::to_bits)
            })
        };
        let afresh = |ctx: &Ctx, team: &mut Team, role: Role, factor: f64, month: f64| {
            // Each kept share is its channel's, read at the level's agents.
            for plan in &team.blend {
                for (level, (need, &n)) in plan.needs.iter().zip(&plan.agents).enumerate() {
                    let Some(Some(kept)) = plan.alone.get(level) else {
                        continue;
                    };
                    let w = ctx.levels.weights[level];
                    let loads = ctx.live_loads(&ctx.live_weekly(plan.share, plan.factor), w);
                    let alone = need.waiting(n, Deferred::NONE);
                    let live = loads.iter().filter(|l| l.traffic > 0.0);
                    for (k, l) in kept.iter().zip(live) {
                        assert_eq!(k.to_bits(), within(alone, l.target_s).to_bits());
                    }
                }
            }
            let kept = bits(&ctx.live_stats(team, role, factor, month));
            for plan in &mut team.blend {
                plan.alone.clear();
                plan.services.clear();
            }
            assert_eq!(kept, bits(&ctx.live_stats(team, role, factor, month)));
        };
        for query in [
            "v=1",
            "v=1&h24=1",
            "v=1&h24=1&langs=en:60,de:40",
            "v=1&phone=6000&chat=9000&email=4000&close=22&days=7&pattern=extended",
            "v=1&pattern=evenings&days=7&open=10&close=22&patience=0",
            "v=1&phone=0&h24=1",
        ] {
            let (s, _) = Scenario::from_query(query);
            let ctx = Ctx::new(&s);
            let mut team = ctx.team(Role::Dedicated, 1.0, true);
            // A core team apart from the dedicated one reads its Erlang A
            // from it.
            assert_eq!(
                team.blend.iter().all(|p| p.services.is_empty()),
                ctx.core_is_full(),
                "{query}"
            );
            let mut core = ctx.core_beside(&team, 1.0, true);
            afresh(&ctx, &mut core, Role::Core, 1.0, 1.0);
            afresh(&ctx, &mut team, Role::Dedicated, 1.0, 1.0);
            let mut busy = ctx.team(Role::Dedicated, 1.3, false);
            afresh(&ctx, &mut busy, Role::Dedicated, 1.3, 1.0);
            afresh(&ctx, &mut busy, Role::Dedicated, 1.0, 1.2);
        }
    }

    /// The patience and target times read once for the scenario give
    /// every queue Erlang A as read on its own, to the bit.
    #[test]
    fn waits_read_once_are_erlang_a_at_each_target() {
        for query in [
            "v=1",
            "v=1&patience=1800&phone_t=600&chat_t=5",
            "v=1&patience=5&chat_conc=3",
        ] {
            let (s, _) = Scenario::from_query(query);
            let ctx = Ctx::new(&s);
            let erlang_a = |n, a, aht, t| erlang_a(n, a, aht, ctx.patience_s, t);
            for (n, a) in [(1, 0.2), (5, 4.2), (30, 24.0), (12, 30.0)] {
                for (i, ch) in ctx.live.iter().enumerate() {
                    assert_eq!(
                        ctx.live_service(i, ch.aht, n, a).bits(),
                        erlang_a(n, a, ch.aht, ch.target_s).bits(),
                        "{query}"
                    );
                }
                let pair = ctx.live_services(330.0, &ctx.blend_waits, n, a);
                for (r, ch) in pair.into_iter().zip(ctx.live.iter()) {
                    assert_eq!(
                        r.bits(),
                        erlang_a(n, a, 330.0, ch.target_s).bits(),
                        "{query}"
                    );
                }
            }
        }
    }

    /// The deadlines looked back to in one pass are those found by
    /// scanning back from each hour's window (the way they were first
    /// written), for clocks and teams of every kind, windows short and
    /// long.
    #[test]
    fn deadlines_in_one_pass_are_the_scanned_ones() {
        const H: usize = HOURS_PER_WEEK;
        fn scanned(clock: &Week<bool>, window_h: f64, team: Option<&Week<bool>>) -> Week<u16> {
            let on = |i: usize| if clock[i % H] { 1.0 } else { 0.0 };
            let mut due = [0u16; H];
            let (mut end, mut open) = (0usize, 0.0);
            for (i, slot) in due.iter_mut().enumerate() {
                if end <= i {
                    (end, open) = (i, 0.0);
                }
                while end < i + H && open < window_h && open + on(end) <= window_h {
                    open += on(end);
                    end += 1;
                }
                let mut deadline = (i..end)
                    .rev()
                    .find(|&d| clock[d % H])
                    .unwrap_or(end.max(i + 1) - 1);
                if let Some(d) = team.and_then(|t| (i..=deadline).rev().find(|&d| t[d % H])) {
                    deadline = d;
                }
                if end > i {
                    open -= on(i);
                }
                *slot = (deadline - i) as u16;
            }
            due
        }
        let mut seed = 0x9e37_79b9_u32;
        let mut random_week = |density: u32| -> Week<bool> {
            std::array::from_fn(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed % 100 < density
            })
        };
        let mut weeks: Vec<Week<bool>> = [0, 3, 30, 90, 100].map(&mut random_week).to_vec();
        for query in ["v=1", "v=1&h24=1", "v=1&days=6&open=7&close=23"] {
            let (s, _) = Scenario::from_query(query);
            weeks.push(requested_hours(&s));
            weeks.push(core_window(&s));
        }
        for clock in &weeks {
            for window_h in [1.0, 2.5, 8.0, 24.0, 72.0, 400.0] {
                let alone = scanned(clock, window_h, None);
                assert_eq!(due_offsets(clock, window_h, None), [alone; 2]);
                for team in &weeks {
                    assert_eq!(
                        due_offsets(clock, window_h, Some(team)),
                        [alone, scanned(clock, window_h, Some(team))]
                    );
                }
            }
        }
    }

    #[test]
    fn the_pool_is_loaded_to_just_meet_its_commitment() {
        let ctx = Ctx::new(&Scenario::default());
        let pool = ctx.pool();
        for (ch, p) in ctx.live.iter().zip(pool.iter()) {
            let load = p.occupancy * f64::from(POOL_AGENTS) / (1.0 - p.p_abandon);
            let at = |x: f64| service_level(POOL_AGENTS, x, ch.aht, ch.pool_target_s);
            assert!(at(load * (1.0 - 1e-9)) >= ch.pool_target, "{load}");
            assert!(at(load + 1e-6) < ch.pool_target, "{load}");
        }
    }
}
