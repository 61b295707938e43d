//! Which model fits, at what price, and why? compute() prices the shared,
//! dedicated and combined models for a scenario, recommends one, finds the
//! volume where dedicated becomes cheaper than shared, and draws the cost of
//! each model across volume.

use super::pattern::{HOURS_PER_WEEK, WEEKS_PER_MONTH, Week};
use super::pricing::{self, Breakdown, PAID_HOURS_PER_MONTH, PoolUse};
use super::scenario::{Field, Scenario};
use super::staffing::{CHAT, Ctx, LiveStats, PHONE, PoolLive, Team};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelKind {
    Shared,
    Dedicated,
    Combined,
}

impl ModelKind {
    pub const ALL: [ModelKind; 3] = [ModelKind::Shared, ModelKind::Dedicated, ModelKind::Combined];

    pub fn key(self) -> &'static str {
        match self {
            ModelKind::Shared => "shared",
            ModelKind::Dedicated => "dedicated",
            ModelKind::Combined => "combined",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Chat,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Phone, Channel::Chat, Channel::Email];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Email => "email",
        }
    }
}

/// Service of one channel under one model. For phone and chat the achieved
/// level is the share answered within `target_s` among contacts offered in
/// the requested hours; for email it is the share answered within the
/// response window (`target_s` is the window in seconds).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelService {
    pub channel: Channel,
    pub achieved_pct: f64,
    pub target_pct: f64,
    pub target_s: f64,
    /// Mean wait of answered contacts; `None` for email (not a queue) and
    /// for a queue that cannot keep up.
    pub asa_s: Option<f64>,
    pub occupancy_pct: f64,
    pub abandon_pct: f64,
}

/// Who answers an hour of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum HourCover {
    Uncovered,
    Shared,
    /// Dedicated agents on seat (all queues), after shrinkage is allowed for.
    Dedicated {
        agents: u32,
    },
}

mod week_of_hours {
    use super::*;

    pub fn serialize<S: Serializer>(hours: &Week<HourCover>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(hours.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Week<HourCover>, D::Error> {
        let v = Vec::<HourCover>::deserialize(d)?;
        v.try_into()
            .map_err(|_| D::Error::custom("expected 168 hours"))
    }
}

/// One model's price and performance. Money in USD; "monthly" is a base
/// (non-peak) month with one-off fees amortised over the contract term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelResult {
    pub kind: ModelKind,
    pub monthly_cost: f64,
    /// The peak month, with one-off fees amortised.
    pub peak_month_cost: f64,
    /// 11 base months + 1 peak month + one-off fees paid in full.
    pub first_year_cost: f64,
    /// Monthly cost per handled contact (0 when nothing is handled).
    pub cost_per_contact: f64,
    /// Dedicated FTE plus, for the pool's part, handled hours / 173.3.
    pub fte: f64,
    /// Dedicated agents billed (the dedicated part of the model).
    pub billed_agents: u32,
    /// Contacts answered in a base month.
    pub handled_contacts: f64,
    /// Handled (talk, chat, write) hours in a base month, tier 2 included.
    pub handled_hours: f64,
    /// Minutes billed by the shared pool in a base month.
    pub pool_minutes: f64,
    pub requested_hours_covered_pct: f64,
    /// Share of all offered contacts answered within their channel's target:
    /// live contacts outside the answered hours and contacts above the pool
    /// cap count as misses.
    pub within_target_pct: f64,
    /// Phone, chat, email.
    pub service_level: [ChannelService; 3],
    pub occupancy_pct: f64,
    /// Abandoned share of live contacts offered in the answered hours.
    pub abandonment_pct: f64,
    /// Phone service level in the peak month.
    pub peak_month_service_level_pct: f64,
    /// Contacts a base month above the pool cap: not served, not billed.
    pub unserved_contacts: f64,
    pub breakdown: Breakdown,
    #[serde(with = "week_of_hours")]
    pub hours: Week<HourCover>,
}

/// Why a model was chosen, or what holds each model back, in structured
/// form for the UI to put into words.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Reason {
    MeetsAllTargets {
        model: ModelKind,
    },
    /// No model meets every target; `closest` answers the most within target.
    NoneMeetsTargets {
        closest: ModelKind,
        within_target_pct: f64,
    },
    /// Cheapest of the models that meet the targets.
    Cheapest {
        model: ModelKind,
        monthly_saving_vs_next: f64,
    },
    OnlyModelMeetingTargets {
        model: ModelKind,
    },
    /// A cheaper model exists but misses a target.
    CheaperButMisses {
        model: ModelKind,
        monthly_saving: f64,
    },
    MissesServiceTarget {
        model: ModelKind,
        channel: Channel,
        achieved_pct: f64,
        target_pct: f64,
    },
    MissesCoverage {
        model: ModelKind,
        covered_pct: f64,
    },
    OverPoolCap {
        model: ModelKind,
        unserved_contacts: f64,
    },
    LowVolumeFavoursShared {
        contacts_per_month: f64,
        break_even: f64,
    },
    HighVolumeFavoursDedicated {
        contacts_per_month: f64,
        break_even: f64,
    },
    /// The combined model sends the peak month's extra contacts to the pool.
    PeakToShared {
        extra_contacts: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub model: ModelKind,
    pub meets_targets: bool,
    pub reasons: Vec<Reason>,
}

/// Where dedicated becomes the cheaper of dedicated and shared, in
/// contacts a month reaching agents (all channels, the scenario's mix).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakEven {
    pub contacts_per_month: Option<f64>,
    /// Shared stays cheaper up to its cap, beyond which it cannot serve.
    pub limited_by_pool_cap: bool,
}

/// Monthly cost of each model across volume (same mix).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Curves {
    /// Contacts a month reaching agents, 5 % to 300 % of the scenario's, log
    /// spaced; one point is the scenario itself.
    pub volumes: Vec<f64>,
    /// `None` past the pool cap: the pool cannot serve that volume.
    pub shared: Vec<Option<f64>>,
    pub dedicated: Vec<f64>,
    pub combined: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub shared: ModelResult,
    pub dedicated: ModelResult,
    pub combined: ModelResult,
    pub recommendation: Recommendation,
    pub break_even: BreakEven,
    pub curves: Curves,
    /// Contacts a base month reaching agents (after self-service deflection).
    pub contacts_per_month: f64,
    pub requested_hours_per_week: u32,
}

impl Outcome {
    pub fn model(&self, kind: ModelKind) -> &ModelResult {
        match kind {
            ModelKind::Shared => &self.shared,
            ModelKind::Dedicated => &self.dedicated,
            ModelKind::Combined => &self.combined,
        }
    }
}

const CURVE_POINTS: usize = 50;
const CURVE_MIN: f64 = 0.05;
const CURVE_MAX: f64 = 3.0;

/// Prices every model for `s`. Meant for valid scenarios, yet never panics
/// and never returns NaN or infinity: numbers out of range are clamped.
pub fn compute(s: &Scenario) -> Outcome {
    let ctx = Ctx::new(s);
    let pool = ctx.pool();
    let contacts = total_contacts(&ctx);
    let shared = shared_result(&ctx, &pool);
    let dedicated = dedicated_result(&ctx);
    let combined = combined_result(&ctx, &pool);

    // With no volume, curves and break-even use the default mix instead.
    let reference = (contacts <= 0.0).then(|| {
        let mut r = ctx.s.clone();
        for f in [Field::Phone, Field::Chat, Field::Email] {
            r.set(f, f.spec().default);
        }
        Ctx::new(&r)
    });
    let rctx = reference.as_ref().unwrap_or(&ctx);
    let rcontacts = total_contacts(rctx);
    let (curves, samples) = curves(rctx, &pool, rcontacts);
    let break_even = break_even(rctx, &pool, rcontacts, &samples);
    let recommendation = recommend(
        &ctx,
        [&shared, &dedicated, &combined],
        &break_even,
        contacts,
    );
    Outcome {
        shared,
        dedicated,
        combined,
        recommendation,
        break_even,
        curves,
        contacts_per_month: contacts,
        requested_hours_per_week: ctx.requested.iter().filter(|&&h| h).count() as u32,
    }
}

fn total_contacts(ctx: &Ctx) -> f64 {
    ctx.live[PHONE].monthly + ctx.live[CHAT].monthly + ctx.email.monthly
}

fn pct(part: f64, whole: f64, empty: f64) -> f64 {
    if whole > 0.0 {
        (100.0 * part / whole).clamp(0.0, 100.0)
    } else {
        empty
    }
}

fn amortised(ctx: &Ctx, one_off: f64) -> f64 {
    one_off / ctx.s.contract_months
}

// ---- shared ---------------------------------------------------------------

/// Minutes the pool handles when it takes every contact, volumes ×
/// `factor` × `month`.
fn shared_use(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64, month: f64) -> PoolUse {
    let k = factor * month;
    let mut u = PoolUse::default();
    for (ch, p) in ctx.live.iter().zip(pool.iter()) {
        u.minutes += ch.monthly * k * (1.0 - p.p_abandon) * ch.aht / 60.0;
        u.contacts += ch.monthly * k;
    }
    u.minutes += ctx.email.monthly * k * ctx.email.aht / 60.0;
    u.contacts += ctx.email.monthly * k;
    u.tier2_minutes = ctx.tier2.monthly * k * ctx.tier2.aht / 60.0;
    u.minutes += u.tier2_minutes;
    u
}

/// Monthly cost of the shared model and whether the pool cap cuts it.
fn shared_cost(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64) -> (f64, bool) {
    let (b, served) = pricing::pool_charge(
        &ctx.s,
        &shared_use(ctx, pool, factor, 1.0),
        ctx.primary_share,
    );
    (b.total() + amortised(ctx, ctx.s.shared_setup), served < 1.0)
}

fn shared_result(ctx: &Ctx, pool: &[PoolLive; 2]) -> ModelResult {
    let s = &ctx.s;
    let base = shared_use(ctx, pool, 1.0, 1.0);
    let (mut breakdown, served) = pricing::pool_charge(s, &base, ctx.primary_share);
    let (peak, peak_served) = pricing::pool_charge(
        s,
        &shared_use(ctx, pool, 1.0, s.peak_multiplier),
        ctx.primary_share,
    );
    let recurring = breakdown.total();
    breakdown.setup_training = amortised(ctx, s.shared_setup);
    let monthly = breakdown.total();

    let mut within = ctx.email.monthly * served;
    let mut answered = ctx.email.monthly * served;
    let (mut live, mut abandoned, mut busy_weight) = (0.0, 0.0, 0.0);
    for (ch, p) in ctx.live.iter().zip(pool.iter()) {
        within += ch.monthly * p.service_level * served;
        answered += ch.monthly * (1.0 - p.p_abandon) * served;
        live += ch.monthly;
        abandoned += ch.monthly * p.p_abandon;
        busy_weight += ch.monthly * p.occupancy;
    }
    let contacts = total_contacts(ctx);
    let live_service = |i: usize, channel: Channel| {
        let (ch, p) = (&ctx.live[i], &pool[i]);
        ChannelService {
            channel,
            achieved_pct: 100.0 * p.service_level * served,
            target_pct: ch.target * 100.0,
            target_s: ch.target_s,
            asa_s: p.asa_s,
            occupancy_pct: 100.0 * p.occupancy,
            abandon_pct: 100.0 * p.p_abandon,
        }
    };
    let handled_hours = base.minutes * served / 60.0;
    ModelResult {
        kind: ModelKind::Shared,
        monthly_cost: monthly,
        peak_month_cost: peak.total() + breakdown.setup_training,
        first_year_cost: 11.0 * recurring + peak.total() + s.shared_setup,
        cost_per_contact: if answered > 0.0 {
            monthly / answered
        } else {
            0.0
        },
        fte: handled_hours / PAID_HOURS_PER_MONTH,
        billed_agents: 0,
        handled_contacts: answered,
        handled_hours,
        pool_minutes: base.minutes * served,
        requested_hours_covered_pct: 100.0,
        within_target_pct: pct(within, contacts, 100.0),
        service_level: [
            live_service(PHONE, Channel::Phone),
            live_service(CHAT, Channel::Chat),
            ChannelService {
                channel: Channel::Email,
                achieved_pct: 100.0 * served,
                target_pct: ctx.email_target * 100.0,
                target_s: s.email_window_h * 3600.0,
                asa_s: None,
                occupancy_pct: ctx.occ * 100.0,
                abandon_pct: 0.0,
            },
        ],
        occupancy_pct: if live > 0.0 {
            100.0 * busy_weight / live
        } else {
            ctx.occ * 100.0
        },
        abandonment_pct: pct(abandoned, live, 0.0),
        peak_month_service_level_pct: 100.0 * pool[PHONE].service_level * peak_served,
        unserved_contacts: base.contacts * (1.0 - served),
        breakdown,
        hours: [HourCover::Shared; HOURS_PER_WEEK],
    }
}

// ---- dedicated ------------------------------------------------------------

fn dedicated_cost(ctx: &Ctx, team: &Team) -> f64 {
    let cost = pricing::dedicated(&ctx.s, team, ctx.extra_languages);
    cost.recurring.total() + amortised(ctx, cost.one_off)
}

/// Channel services of a dedicated team: live ones from `stats`, email from
/// the team's deferred plans.
fn team_email(team: &Team) -> (f64, f64, f64) {
    let (mut work, mut within, mut seats) = (0.0, 0.0, 0.0);
    for d in team.deferred.iter().filter(|d| d.email) {
        work += d.workload;
        within += d.workload * d.within;
        seats += d.seat_hours;
    }
    (work, within, seats)
}

fn live_channel(ctx: &Ctx, i: usize, channel: Channel, st: &LiveStats) -> ChannelService {
    let ch = &ctx.live[i];
    let answered = st.offered - st.abandoned;
    ChannelService {
        channel,
        achieved_pct: pct(st.within, st.offered, 100.0),
        target_pct: ch.target * 100.0,
        target_s: ch.target_s,
        asa_s: if st.unstable {
            None
        } else if answered > 0.0 {
            Some(st.wait / answered)
        } else {
            Some(0.0)
        },
        occupancy_pct: pct(st.busy, st.seat_hours, 0.0),
        abandon_pct: pct(st.abandoned, st.offered, 0.0),
    }
}

fn dedicated_result(ctx: &Ctx) -> ModelResult {
    let s = &ctx.s;
    let team = ctx.team(&ctx.full_shift, &ctx.full_shift, 1.0, true);
    let cost = pricing::dedicated(s, &team, ctx.extra_languages);
    let stats = ctx.live_stats(&team, &ctx.full_shift, 1.0, 1.0);
    let peak = ctx.live_stats(&team, &ctx.full_shift, 1.0, s.peak_multiplier);
    let (email_work, email_within, _) = team_email(&team);
    let email_share = if email_work > 0.0 {
        email_within / email_work
    } else {
        1.0
    };

    let mut breakdown = cost.recurring;
    breakdown.setup_training = amortised(ctx, cost.one_off);
    let monthly = breakdown.total();
    let weekly_live: f64 = stats.iter().map(|st| st.within).sum();
    let within = weekly_live * WEEKS_PER_MONTH + ctx.email.monthly * email_share;
    let answered = stats
        .iter()
        .map(|st| st.offered - st.abandoned)
        .sum::<f64>()
        * WEEKS_PER_MONTH
        + ctx.email.monthly;
    let busy: f64 = stats.iter().map(|st| st.busy).sum::<f64>()
        + team.deferred.iter().map(|d| d.workload).sum::<f64>();
    let offered_live: f64 = stats.iter().map(|st| st.offered).sum();
    let abandoned: f64 = stats.iter().map(|st| st.abandoned).sum();
    let requested = ctx.requested.iter().filter(|&&h| h).count();
    let covered = (0..HOURS_PER_WEEK)
        .filter(|&h| ctx.requested[h] && team.seats[h] > 0)
        .count();
    let mut hours = [HourCover::Uncovered; HOURS_PER_WEEK];
    for (h, cover) in hours.iter_mut().enumerate() {
        if ctx.requested[h] && team.seats[h] > 0 {
            *cover = HourCover::Dedicated {
                agents: team.seats[h],
            };
        }
    }
    ModelResult {
        kind: ModelKind::Dedicated,
        monthly_cost: monthly,
        peak_month_cost: monthly,
        first_year_cost: 12.0 * cost.recurring.total() + cost.one_off,
        cost_per_contact: if answered > 0.0 {
            monthly / answered
        } else {
            0.0
        },
        fte: cost.fte,
        billed_agents: cost.billed_agents,
        handled_contacts: answered,
        handled_hours: busy * WEEKS_PER_MONTH,
        pool_minutes: 0.0,
        requested_hours_covered_pct: pct(covered as f64, requested as f64, 100.0),
        within_target_pct: pct(within, total_contacts(ctx), 100.0),
        service_level: [
            live_channel(ctx, PHONE, Channel::Phone, &stats[PHONE]),
            live_channel(ctx, CHAT, Channel::Chat, &stats[CHAT]),
            email_service(ctx, &team),
        ],
        occupancy_pct: pct(busy, team.seat_hours, 0.0),
        abandonment_pct: pct(abandoned, offered_live, 0.0),
        peak_month_service_level_pct: pct(peak[PHONE].within, peak[PHONE].offered, 100.0),
        unserved_contacts: 0.0,
        breakdown,
        hours,
    }
}

fn email_service(ctx: &Ctx, team: &Team) -> ChannelService {
    let (work, within, seats) = team_email(team);
    ChannelService {
        channel: Channel::Email,
        achieved_pct: pct(within, work, 100.0),
        target_pct: ctx.email_target * 100.0,
        target_s: ctx.s.email_window_h * 3600.0,
        asa_s: None,
        occupancy_pct: pct(work, seats, 0.0),
        abandon_pct: 0.0,
    }
}

// ---- combined -------------------------------------------------------------

/// What the combined model sends to the pool, volumes × `factor` ×
/// `month`: live contacts in requested hours outside the core window, the
/// core's overflow, the peak surplus, and all deferred work when there is
/// no core team.
///
/// The overflow is budgeted at (1 − target) of the core's live contacts:
/// the core team is staffed to the target, so that is the share the
/// contract prices. The achieved level, usually a little better, moves in
/// steps with each whole agent and is reported, not billed, which keeps the
/// price from ever falling as volume rises.
fn combined_use(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    factor: f64,
    month: f64,
    has_team: bool,
) -> PoolUse {
    let noncore = &ctx.noncore;
    let mut u = PoolUse::default();
    for (i, (ch, p)) in ctx.live.iter().zip(pool.iter()).enumerate() {
        let core = ctx.live_volume_in(i, &ctx.core, factor) * WEEKS_PER_MONTH;
        let outside = ctx.live_volume_in(i, noncore, factor) * WEEKS_PER_MONTH;
        let overflow = core * (1.0 - ch.target);
        let sent = outside + (month - 1.0) * (core + outside);
        let handled = (1.0 - p.p_abandon) * ch.aht / 60.0;
        u.minutes += (sent + overflow) * handled;
        u.overflow_minutes += overflow * handled;
        u.contacts += sent;
    }
    // The core team takes the base month's deferred work (its response
    // clock runs in all requested hours); the pool gets the peak surplus.
    let deferred_share = if has_team { month - 1.0 } else { month };
    let email = ctx.email.monthly * factor * deferred_share;
    u.contacts += email;
    // Escalations follow the contacts: the core overflow's stay with the
    // core team, which answered the rest of its hours.
    u.tier2_minutes = u.contacts * ctx.escalation * ctx.tier2.aht / 60.0;
    u.minutes += email * ctx.email.aht / 60.0 + u.tier2_minutes;
    u
}

struct CombinedParts {
    team: Team,
    cost: pricing::DedicatedCost,
    base: PoolUse,
    pool_base: Breakdown,
    pool_peak: Breakdown,
    served: f64,
    peak_served: f64,
    /// Pool used at all in the year: its minimum and setup apply.
    pool_used: bool,
    one_off: f64,
}

/// `team` is the core team for `factor` (the dedicated team when the core
/// window covers every requested hour).
fn combined_parts(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64, team: Team) -> CombinedParts {
    let s = &ctx.s;
    let cost = pricing::dedicated(s, &team, ctx.extra_languages);
    // The back-office team exists whenever the core window does (always,
    // for a valid scenario); only then can it take the deferred work.
    let has_team = !ctx.core_window_shift.is_empty();
    let base = combined_use(ctx, pool, factor, 1.0, has_team);
    let peak = combined_use(ctx, pool, factor, s.peak_multiplier, has_team);
    let pool_used = base.minutes > 0.0 || peak.minutes > 0.0;
    let (mut pool_base, served) = pricing::pool_charge(s, &base, ctx.primary_share);
    let (mut pool_peak, peak_served) = pricing::pool_charge(s, &peak, ctx.primary_share);
    if !pool_used {
        pool_base = Breakdown::default();
        pool_peak = Breakdown::default();
    }
    let one_off = cost.one_off + if pool_used { s.shared_setup } else { 0.0 };
    CombinedParts {
        team,
        cost,
        base,
        pool_base,
        pool_peak,
        served,
        peak_served,
        pool_used,
        one_off,
    }
}

fn combined_cost(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64, team: Team) -> f64 {
    let p = combined_parts(ctx, pool, factor, team);
    p.cost.recurring.total() + p.pool_base.total() + amortised(ctx, p.one_off)
}

fn combined_result(ctx: &Ctx, pool: &[PoolLive; 2]) -> ModelResult {
    let s = &ctx.s;
    let p = combined_parts(
        ctx,
        pool,
        1.0,
        ctx.team(&ctx.core_shift, &ctx.core_window_shift, 1.0, true),
    );
    let team = &p.team;
    let stats = ctx.live_stats(team, &ctx.core_shift, 1.0, 1.0);
    let has_team = !ctx.core_window_shift.is_empty();
    let pool_answers = if p.pool_used { 1.0 } else { 0.0 };

    let mut breakdown = p.cost.recurring.plus(&p.pool_base);
    let recurring = breakdown.total();
    breakdown.setup_training = amortised(ctx, p.one_off);
    let monthly = breakdown.total();
    let peak_recurring = p.cost.recurring.total() + p.pool_peak.total();

    let noncore = &ctx.noncore;
    let mut services = [email_service(ctx, team); 3];
    let (mut within, mut answered) = (0.0, 0.0);
    let (mut offered_all, mut abandoned_all, mut busy_live) = (0.0, 0.0, 0.0);
    let mut peak_phone = 100.0;
    for (i, channel) in [(PHONE, Channel::Phone), (CHAT, Channel::Chat)] {
        let (ch, pl, st) = (&ctx.live[i], &pool[i], &stats[i]);
        let outside = ctx.live_volume_in(i, noncore, 1.0);
        let sl_pool = pl.service_level * p.served * pool_answers;
        let offered = st.offered + outside;
        let ch_within = st.within + outside * sl_pool;
        let ch_abandoned = st.abandoned + outside * pl.p_abandon;
        let ch_answered = offered - ch_abandoned;
        let pool_wait = match pl.asa_s {
            Some(a) => Some(outside * (1.0 - pl.p_abandon) * a),
            None if outside <= 0.0 => Some(0.0),
            None => None,
        };
        let asa = match pool_wait {
            Some(w) if !st.unstable => Some(if ch_answered > 0.0 {
                (st.wait + w) / ch_answered
            } else {
                0.0
            }),
            _ => None,
        };
        within += ch_within;
        answered += ch_answered;
        offered_all += offered;
        abandoned_all += ch_abandoned;
        busy_live += st.busy;
        services[i] = ChannelService {
            channel,
            achieved_pct: pct(ch_within, offered, 100.0),
            target_pct: ch.target * 100.0,
            target_s: ch.target_s,
            asa_s: asa,
            occupancy_pct: if st.seat_hours > 0.0 {
                pct(st.busy, st.seat_hours, 0.0)
            } else {
                100.0 * pl.occupancy
            },
            abandon_pct: pct(ch_abandoned, offered, 0.0),
        };
        if i == PHONE {
            // Peak month: the core keeps base volume, the surplus goes to the pool.
            let surplus = (s.peak_multiplier - 1.0) * offered;
            let pool_sl = pl.service_level * p.peak_served * pool_answers;
            peak_phone = pct(
                st.within + (outside + surplus) * pool_sl,
                offered + surplus,
                100.0,
            );
        }
    }
    let (email_work, email_within, email_seats) = team_email(team);
    let email_share = if has_team {
        if email_work > 0.0 {
            email_within / email_work
        } else {
            1.0
        }
    } else {
        p.served * pool_answers
    };
    services[2].achieved_pct = 100.0 * email_share;
    if email_seats <= 0.0 {
        services[2].occupancy_pct = ctx.occ * 100.0;
    }
    let within = within * WEEKS_PER_MONTH + ctx.email.monthly * email_share;
    let email_answered = if has_team {
        1.0
    } else {
        p.served * pool_answers
    };
    let answered = answered * WEEKS_PER_MONTH + ctx.email.monthly * email_answered;
    let deferred_work: f64 = team.deferred.iter().map(|d| d.workload).sum();
    let team_busy = busy_live + deferred_work;
    let pool_hours = (p.base.minutes - p.base.overflow_minutes).max(0.0) * p.served / 60.0;
    let requested = ctx.requested.iter().filter(|&&h| h).count();
    let mut hours = [HourCover::Uncovered; HOURS_PER_WEEK];
    let mut covered = 0;
    for (h, cover) in hours.iter_mut().enumerate() {
        if !ctx.requested[h] {
            continue;
        }
        if ctx.core[h] && team.seats[h] > 0 {
            *cover = HourCover::Dedicated {
                agents: team.seats[h],
            };
            covered += 1;
        } else if p.pool_used {
            *cover = HourCover::Shared;
            covered += 1;
        }
    }
    ModelResult {
        kind: ModelKind::Combined,
        monthly_cost: monthly,
        peak_month_cost: peak_recurring + breakdown.setup_training,
        first_year_cost: 11.0 * recurring + peak_recurring + p.one_off,
        cost_per_contact: if answered > 0.0 {
            monthly / answered
        } else {
            0.0
        },
        fte: p.cost.fte + pool_hours / PAID_HOURS_PER_MONTH,
        billed_agents: p.cost.billed_agents,
        handled_contacts: answered,
        handled_hours: team_busy * WEEKS_PER_MONTH + pool_hours,
        pool_minutes: p.base.minutes * p.served,
        requested_hours_covered_pct: pct(covered as f64, requested as f64, 100.0),
        within_target_pct: pct(within, total_contacts(ctx), 100.0),
        service_level: services,
        occupancy_pct: if team.seat_hours > 0.0 {
            pct(team_busy, team.seat_hours, 0.0)
        } else {
            100.0 * pool[PHONE].occupancy
        },
        abandonment_pct: pct(abandoned_all, offered_all, 0.0),
        peak_month_service_level_pct: peak_phone,
        unserved_contacts: p.base.contacts * (1.0 - p.served),
        breakdown,
        hours,
    }
}

// ---- recommendation ---------------------------------------------------------

/// Shortfalls of one model, as reasons.
fn misses(ctx: &Ctx, r: &ModelResult) -> Vec<Reason> {
    let mut out = Vec::new();
    if r.requested_hours_covered_pct < 100.0 - 1e-9 {
        out.push(Reason::MissesCoverage {
            model: r.kind,
            covered_pct: r.requested_hours_covered_pct,
        });
    }
    let volumes = [
        ctx.live[PHONE].monthly,
        ctx.live[CHAT].monthly,
        ctx.email.monthly,
    ];
    for (svc, &volume) in r.service_level.iter().zip(volumes.iter()) {
        if volume > 0.0 && svc.achieved_pct < svc.target_pct - 1e-9 {
            out.push(Reason::MissesServiceTarget {
                model: r.kind,
                channel: svc.channel,
                achieved_pct: svc.achieved_pct,
                target_pct: svc.target_pct,
            });
        }
    }
    if r.unserved_contacts > 1e-9 {
        out.push(Reason::OverPoolCap {
            model: r.kind,
            unserved_contacts: r.unserved_contacts,
        });
    }
    out
}

fn recommend(
    ctx: &Ctx,
    results: [&ModelResult; 3],
    be: &BreakEven,
    contacts: f64,
) -> Recommendation {
    let shortfalls = results.map(|r| misses(ctx, r));
    let mut meeting: Vec<&ModelResult> = results
        .iter()
        .zip(shortfalls.iter())
        .filter(|(_, m)| m.is_empty())
        .map(|(r, _)| *r)
        .collect();
    // Cheapest first; model order breaks ties. At most three: an insertion
    // sort by hand, stable by construction, and no sort routine in the wasm.
    for i in 1..meeting.len() {
        let mut j = i;
        while j > 0
            && meeting[j]
                .monthly_cost
                .total_cmp(&meeting[j - 1].monthly_cost)
                .is_lt()
        {
            meeting.swap(j, j - 1);
            j -= 1;
        }
    }
    let mut reasons = Vec::new();
    let (chosen, meets) = match meeting.first() {
        Some(best) => {
            reasons.push(Reason::MeetsAllTargets { model: best.kind });
            match meeting.get(1) {
                Some(next) => reasons.push(Reason::Cheapest {
                    model: best.kind,
                    monthly_saving_vs_next: next.monthly_cost - best.monthly_cost,
                }),
                None => reasons.push(Reason::OnlyModelMeetingTargets { model: best.kind }),
            }
            (*best, true)
        }
        None => {
            let closest = results
                .iter()
                .copied()
                .reduce(|a, b| {
                    let better = b.within_target_pct > a.within_target_pct + 1e-9
                        || ((b.within_target_pct - a.within_target_pct).abs() <= 1e-9
                            && b.monthly_cost < a.monthly_cost);
                    if better { b } else { a }
                })
                .unwrap_or(results[0]);
            reasons.push(Reason::NoneMeetsTargets {
                closest: closest.kind,
                within_target_pct: closest.within_target_pct,
            });
            (closest, false)
        }
    };
    for r in results {
        if r.monthly_cost < chosen.monthly_cost - 1e-9 {
            reasons.push(Reason::CheaperButMisses {
                model: r.kind,
                monthly_saving: chosen.monthly_cost - r.monthly_cost,
            });
        }
    }
    if let Some(point) = be.contacts_per_month {
        reasons.push(if contacts < point {
            Reason::LowVolumeFavoursShared {
                contacts_per_month: contacts,
                break_even: point,
            }
        } else {
            Reason::HighVolumeFavoursDedicated {
                contacts_per_month: contacts,
                break_even: point,
            }
        });
    }
    if chosen.kind == ModelKind::Combined && ctx.s.peak_multiplier > 1.0 {
        reasons.push(Reason::PeakToShared {
            extra_contacts: (ctx.s.peak_multiplier - 1.0) * contacts,
        });
    }
    reasons.extend(shortfalls.into_iter().flatten());
    Recommendation {
        model: chosen.kind,
        meets_targets: meets,
        reasons,
    }
}

// ---- break-even and curves --------------------------------------------------

/// Cost samples at one volume factor.
#[derive(Clone, Copy)]
struct Sample {
    factor: f64,
    dedicated: f64,
    shared: f64,
}

fn sample(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64) -> Sample {
    Sample {
        factor,
        dedicated: dedicated_cost(
            ctx,
            &ctx.team(&ctx.full_shift, &ctx.full_shift, factor, false),
        ),
        shared: shared_cost(ctx, pool, factor).0,
    }
}

/// Scans volume upward from one contact a month to the pool cap, on the
/// curve's points plus log-spaced points beyond them, then bisects the first
/// bracket where dedicated gets to or below shared. Dedicated cost is a step
/// function, so "first" is at that grid's resolution, refined 12 times.
fn break_even(ctx: &Ctx, pool: &[PoolLive; 2], contacts: f64, curve: &[Sample]) -> BreakEven {
    const EXTRA: usize = 8;
    let per_factor = shared_use(ctx, pool, 1.0, 1.0).minutes;
    if contacts <= 0.0 || per_factor <= 0.0 {
        return BreakEven {
            contacts_per_month: None,
            limited_by_pool_cap: false,
        };
    }
    let lo = 1.0 / contacts;
    let cap = ctx.s.pool_cap_min / per_factor;
    if cap <= lo {
        return BreakEven {
            contacts_per_month: None,
            limited_by_pool_cap: true,
        };
    }
    let (first, last) = (CURVE_MIN.max(lo), CURVE_MAX.min(cap));
    let mut grid: Vec<Sample> = Vec::with_capacity(curve.len() + 2 * EXTRA);
    let extend = |grid: &mut Vec<Sample>, from: f64, to: f64| {
        if to > from {
            let step = log_step(from, to, EXTRA);
            grid.extend((0..EXTRA).map(|i| sample(ctx, pool, from * step.powi(i as i32))));
        }
    };
    extend(&mut grid, lo, first);
    grid.extend(
        curve
            .iter()
            .filter(|x| x.factor >= first && x.factor <= last)
            .copied(),
    );
    extend(&mut grid, last, cap);
    grid.push(sample(ctx, pool, cap));

    let wins = |x: &Sample| x.dedicated <= x.shared;
    let Some(i) = grid.iter().position(wins) else {
        return BreakEven {
            contacts_per_month: None,
            limited_by_pool_cap: true,
        };
    };
    let mut hi = grid[i].factor;
    if let Some(prev) = i.checked_sub(1).and_then(|j| grid.get(j)) {
        let mut lo = prev.factor;
        for _ in 0..12 {
            let mid = (lo * hi).sqrt();
            if wins(&sample(ctx, pool, mid)) {
                hi = mid
            } else {
                lo = mid
            }
        }
    }
    BreakEven {
        contacts_per_month: Some(hi * contacts),
        limited_by_pool_cap: false,
    }
}

/// The ratio that takes `from` to `to` in `steps` equal steps on a log
/// scale. Through `ln` and `exp`, which the Erlang code links anyway, not
/// `powf`: that would add libm's `pow` (2 KB of wasm) to space a grid that
/// needs no last-bit accuracy.
fn log_step(from: f64, to: f64, steps: usize) -> f64 {
    ((to / from).ln() / steps as f64).exp()
}

/// The three cost curves, and the dedicated/shared samples they were drawn
/// from for the break-even search to reuse.
fn curves(ctx: &Ctx, pool: &[PoolLive; 2], contacts: f64) -> (Curves, Vec<Sample>) {
    let ratio = log_step(CURVE_MIN, CURVE_MAX, CURVE_POINTS - 1);
    let mut factors: Vec<f64> = (0..CURVE_POINTS)
        .map(|i| CURVE_MIN * ratio.powi(i as i32))
        .collect();
    // Put the scenario itself on the curve.
    if let Some(nearest) = factors
        .iter_mut()
        .min_by(|a, b| a.ln().abs().total_cmp(&b.ln().abs()))
    {
        *nearest = 1.0;
    }
    let same_team = ctx.core_shift.hours == ctx.full_shift.hours
        && ctx.core_window_shift.hours == ctx.full_shift.hours;
    let mut c = Curves {
        volumes: Vec::with_capacity(CURVE_POINTS),
        shared: Vec::with_capacity(CURVE_POINTS),
        dedicated: Vec::with_capacity(CURVE_POINTS),
        combined: Vec::with_capacity(CURVE_POINTS),
    };
    let mut samples = Vec::with_capacity(CURVE_POINTS);
    for f in factors {
        let (shared, capped) = shared_cost(ctx, pool, f);
        let team = ctx.team(&ctx.full_shift, &ctx.full_shift, f, false);
        let dedicated = dedicated_cost(ctx, &team);
        let core = if same_team {
            team
        } else {
            ctx.team(&ctx.core_shift, &ctx.core_window_shift, f, false)
        };
        c.volumes.push(f * contacts);
        c.shared.push((!capped).then_some(shared));
        c.dedicated.push(dedicated);
        c.combined.push(combined_cost(ctx, pool, f, core));
        samples.push(Sample {
            factor: f,
            dedicated,
            shared,
        });
    }
    (c, samples)
}
