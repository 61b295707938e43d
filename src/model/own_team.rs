//! What does the buyer's own team cost and cover with the shared pool
//! behind it? The team answers live contacts in its hours while an agent
//! is free; the pool takes the rest: contacts that find every agent busy
//! (overflow), the requested hours outside the team's (nights, weekends),
//! the emails the team's spare time does not clear, and a busy month's
//! surplus, which reaches the pool as more overflow. Each month of the
//! year is priced at its multiplier, once per distinct multiplier, as the
//! other models' are.
//!
//! Overflow is the loss system's: a contact that arrives while all N
//! agents talk goes to the pool at once (Erlang B with the hour's phone
//! and chat load), so what the team answers waits for no one.

use serde::{Deserialize, Serialize};

use super::advice::{CLOSE_CALL_BAND, EPS, Reason, Recommendation, WhatIf, cheaper_but};
use super::erlang::erlang_b;
use super::outcome::{
    Channel, ChannelService, Figures, ModelKind, ModelResult, MonthResult, Sensitivity, Year,
    add_email, add_tier2, amortised, asked_contacts, cover_week, judge, pct, within_of,
};
use super::pattern::{HOURS_PER_WEEK, WEEKS_PER_MONTH, Week, window};
use super::pricing::{self, Breakdown, PoolUse};
use super::scenario::{Field, Scenario};
use super::staffing::{CHAT, Ctx, PHONE, PoolLive};
use super::year::MONTHS;

/// The team the buyer already has, as typed: `agents` 0 means none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnTeam {
    pub agents: f64,
    pub open_hour: f64,
    pub close_hour: f64,
    /// Days from Monday.
    pub days: f64,
    /// Loaded cost of one agent a month, USD; 0 when not given.
    pub cost_per_agent_month: f64,
}

impl OwnTeam {
    pub fn is_none(&self) -> bool {
        // NaN too: a count that is not one means no team.
        self.agents.partial_cmp(&1.0).is_none_or(|o| o.is_lt())
    }
}

/// The own team with its hours, for pricing.
#[derive(Clone, Copy)]
pub(crate) struct OwnShift {
    pub hours: Week<bool>,
    pub agents: u32,
}

impl OwnShift {
    pub fn of(ctx: &Ctx) -> Option<OwnShift> {
        let own = &ctx.s.own;
        // Sanitized: a whole count in the field's range.
        let agents = own.agents.floor() as u32;
        (agents > 0).then(|| OwnShift {
            hours: window(own.open_hour, own.close_hour, own.days),
            agents,
        })
    }

    fn with_agents(self, agents: u32) -> OwnShift {
        OwnShift { agents, ..self }
    }
}

/// One live channel in a month: contacts offered in the requested hours,
/// answered by the team, and sent to the pool from the team's hours
/// (overflow) and from the other requested hours.
#[derive(Clone, Copy, Default)]
pub(crate) struct OwnLive {
    pub offered: f64,
    pub by_team: f64,
    pub overflow: f64,
    pub outside: f64,
}

impl OwnLive {
    fn sent(&self) -> f64 {
        self.overflow + self.outside
    }
}

/// One month of the own team and its pool, volumes × `volume`.
#[derive(Clone, Copy)]
pub(crate) struct OwnMonth {
    pub live: [OwnLive; 2],
    pub emails_by_team: f64,
    pub emails_to_pool: f64,
    /// Erlang-hours a month the team works (live and email), and the
    /// seat-hours it has.
    pub team_busy_h: f64,
    pub team_seat_h: f64,
    pub pool: PoolUse,
    pub charge: Breakdown,
    /// Share of the pool's work it takes (below 1 over its cap).
    pub served: f64,
}

/// Prices one month of the own team with the pool behind it, at volumes ×
/// `volume` (1 for a base month, a month's multiplier for the others).
pub(crate) fn month(ctx: &Ctx, pool: &[PoolLive; 2], team: OwnShift, volume: f64) -> OwnMonth {
    let n = f64::from(team.agents);
    let mut live = [OwnLive::default(); 2];
    // Erlang-hours a week: carried live work, and room for email at the
    // occupancy cap.
    let (mut busy, mut spare) = (0.0, 0.0);
    // Hours of one arrival level carry the same load: one Erlang B each.
    let mut blocked_at: Vec<Option<f64>> = vec![None; ctx.levels.weights.len()];
    for h in 0..HOURS_PER_WEEK {
        let ours = team.hours[h];
        if !ctx.requested[h] {
            spare += if ours { n * ctx.occ } else { 0.0 };
            continue;
        }
        let w = ctx.weights[h];
        let vol = ctx
            .live
            .each_ref()
            .map(|ch| ch.monthly * volume / WEEKS_PER_MONTH * w);
        if !ours {
            for (l, v) in live.iter_mut().zip(vol) {
                l.offered += v;
                l.outside += v;
            }
            continue;
        }
        let traffic: f64 = vol
            .iter()
            .zip(ctx.live.iter())
            .map(|(v, ch)| v * ch.aht / 3600.0)
            .sum();
        let level = usize::from(ctx.levels.of_hour[h]);
        let blocked = match blocked_at.get(level).copied().flatten() {
            Some(b) => b,
            None => {
                let b = erlang_b(team.agents, traffic);
                if let Some(slot) = blocked_at.get_mut(level) {
                    *slot = Some(b);
                }
                b
            }
        };
        for (l, v) in live.iter_mut().zip(vol) {
            l.offered += v;
            l.overflow += v * blocked;
            l.by_team += v * (1.0 - blocked);
        }
        let carried = traffic * (1.0 - blocked);
        busy += carried;
        spare += (n * ctx.occ - carried).max(0.0);
    }
    let live = live.map(|l| OwnLive {
        offered: l.offered * WEEKS_PER_MONTH,
        by_team: l.by_team * WEEKS_PER_MONTH,
        overflow: l.overflow * WEEKS_PER_MONTH,
        outside: l.outside * WEEKS_PER_MONTH,
    });
    let emails = ctx.email.monthly * volume;
    let room = if ctx.email.aht > 0.0 {
        spare * WEEKS_PER_MONTH * 3600.0 / ctx.email.aht
    } else {
        emails
    };
    let emails_by_team = emails.min(room);
    let emails_to_pool = emails - emails_by_team;

    let mut u = PoolUse::default();
    for ((l, ch), p) in live.iter().zip(ctx.live.iter()).zip(pool.iter()) {
        let answered = l.sent() * (1.0 - p.p_abandon);
        u.handled_minutes += answered * ch.aht / 60.0;
        u.billed_minutes += answered * ch.billed_s / 60.0;
        u.contacts += l.sent();
    }
    // Escalations follow the contacts: the team keeps its own.
    let escalated = (u.contacts + emails_to_pool) * ctx.escalation;
    add_email(&mut u, ctx, emails_to_pool);
    add_tier2(&mut u, ctx, escalated);
    let (charge, served) = pricing::pool_charge(&ctx.s, &u, ctx.primary_share);
    let hours = team.hours.iter().filter(|&&h| h).count() as f64;
    OwnMonth {
        live,
        emails_by_team,
        emails_to_pool,
        team_busy_h: (busy * WEEKS_PER_MONTH) + emails_by_team * ctx.email.aht / 3600.0,
        team_seat_h: n * hours * WEEKS_PER_MONTH,
        pool: u,
        charge,
        served,
    }
}

/// The team's own cost a month: agents × the loaded cost typed (0 when
/// none was).
fn team_cost(ctx: &Ctx, team: OwnShift) -> f64 {
    f64::from(team.agents) * ctx.s.own.cost_per_agent_month
}

/// The own team's year: a base month and each of the twelve, priced
/// once per distinct multiplier; the pool's minimum and setup apply when
/// it is used in any month.
pub(crate) struct OwnYear {
    pub base: OwnMonth,
    pub months: [OwnMonth; MONTHS],
    pub pool_used: bool,
}

pub(crate) fn own_year(ctx: &Ctx, pool: &[PoolLive; 2], team: OwnShift) -> OwnYear {
    let base = month(ctx, pool, team, 1.0);
    let months = ctx
        .s
        .year
        .each_month((1.0, &base), |m| month(ctx, pool, team, m));
    let pool_used =
        base.pool.handled_minutes > 0.0 || months.iter().any(|m| m.pool.handled_minutes > 0.0);
    OwnYear {
        base,
        months,
        pool_used,
    }
}

impl OwnYear {
    fn setup(&self, ctx: &Ctx) -> f64 {
        if self.pool_used {
            ctx.s.shared_setup
        } else {
            0.0
        }
    }

    /// The money as the other models count it: setup + the twelve months.
    pub fn year(&self, ctx: &Ctx, team: OwnShift) -> Year {
        let bill = |m: &OwnMonth| {
            team_cost(ctx, team)
                + if self.pool_used {
                    m.charge.total()
                } else {
                    0.0
                }
        };
        Year::new(
            ctx,
            bill(&self.base),
            self.setup(ctx),
            self.months.each_ref().map(bill),
        )
    }

    /// The share of what it is sent that the pool answers in `m`: none
    /// when it is not used.
    fn on(&self, m: &OwnMonth) -> f64 {
        if self.pool_used { m.served } else { 0.0 }
    }
}

/// Service of the month: each live channel, then email; within target
/// and answered contacts.
struct Served {
    live_pct: [f64; 2],
    email_pct: f64,
    within: f64,
    answered: f64,
}

fn served(pool: &[PoolLive; 2], m: &OwnMonth, used: bool) -> Served {
    let on = if used { m.served } else { 0.0 };
    let (mut within, mut answered) = (0.0, 0.0);
    let mut live_pct = [100.0; 2];
    for (i, (l, p)) in m.live.iter().zip(pool.iter()).enumerate() {
        // What the team answers waits for no one: within any target.
        let w = l.by_team + l.sent() * p.service_level * on;
        within += w;
        answered += l.by_team + l.sent() * (1.0 - p.p_abandon) * on;
        live_pct[i] = pct(w, l.offered, 100.0);
    }
    let emails = m.emails_by_team + m.emails_to_pool;
    let emails_done = m.emails_by_team + m.emails_to_pool * on;
    Served {
        live_pct,
        email_pct: pct(emails_done, emails, 100.0),
        within: within + emails_done,
        answered: answered + emails_done,
    }
}

/// The own team's column, measured as the other models are (judged with
/// the same `judge`), for the team `team`.
pub(crate) fn result(ctx: &Ctx, pool: &[PoolLive; 2], team: OwnShift) -> ModelResult {
    result_of(ctx, pool, team, &own_year(ctx, pool, team))
}

/// [`result`] from the team's year, `parts`, priced already.
fn result_of(ctx: &Ctx, pool: &[PoolLive; 2], team: OwnShift, parts: &OwnYear) -> ModelResult {
    let s = &ctx.s;
    let (base, used) = (&parts.base, parts.pool_used);
    let y = parts.year(ctx, team);
    let now = served(pool, base, used);
    let on = parts.on(base);

    let setup = parts.setup(ctx);
    let mut breakdown = if used {
        base.charge
    } else {
        Breakdown::default()
    };
    breakdown.labour += team_cost(ctx, team);
    breakdown.setup_training = amortised(ctx, setup);

    let live_service = |i: usize, channel: Channel| {
        let (ch, p, l) = (&ctx.live[i], &pool[i], &base.live[i]);
        let by_pool = l.sent() * (1.0 - p.p_abandon) * on;
        let answered = l.by_team + by_pool;
        let abandoned = l.sent() * p.p_abandon * on;
        ChannelService {
            channel,
            achieved_pct: now.live_pct[i],
            target_pct: ch.target * 100.0,
            target_s: ch.target_s,
            asa_s: match p.asa_s {
                Some(a) if answered > 0.0 => Some(by_pool * a / answered),
                Some(_) => Some(0.0),
                None if by_pool <= 0.0 => Some(0.0),
                None => None,
            },
            occupancy_pct: pct(base.team_busy_h, base.team_seat_h, 0.0),
            abandon_pct: pct(abandoned, l.offered, 0.0),
        }
    };
    let offered: f64 = base.live.iter().map(|l| l.offered).sum();
    let abandoned: f64 = base
        .live
        .iter()
        .zip(pool.iter())
        .map(|(l, p)| l.sent() * p.p_abandon * on)
        .sum();
    let pool_hours = base.pool.handled_minutes * on / 60.0;
    let on_seat = |h: usize| team.hours[h].then_some(team.agents);
    let (hours, covered_pct) = cover_week(&ctx.requested, on_seat, used);
    let months = std::array::from_fn(|i| {
        let m = &parts.months[i];
        let month = served(pool, m, used);
        let achieved_pct = [month.live_pct[PHONE], month.live_pct[CHAT], month.email_pct];
        MonthResult {
            multiplier: s.year.0[i],
            cost: y.months[i],
            agents: team.agents,
            pool_hours: m.pool.handled_minutes * parts.on(m) / 60.0,
            within_target_pct: within_of(ctx, achieved_pct),
            achieved_pct,
            unserved_contacts: if used {
                m.pool.contacts * (1.0 - m.served)
            } else {
                0.0
            },
            ..MonthResult::default()
        }
    });
    let mut r = ModelResult {
        kind: ModelKind::OwnTeam,
        monthly_cost: y.monthly,
        peak_month_cost: y.peak_month,
        first_year_cost: y.first_year,
        setup_cost: setup,
        months,
        cost_per_contact: if now.answered > 0.0 {
            y.monthly / now.answered
        } else {
            0.0
        },
        fte: f64::from(team.agents) + pricing::pool_fte(s, pool_hours),
        billed_agents: team.agents,
        planned_overtime_hours: 0.0,
        seasonal_agents: 0,
        handled_contacts: now.answered,
        handled_hours: base.team_busy_h + pool_hours,
        pool_minutes: base.pool.billed_minutes * on,
        requested_hours_covered_pct: covered_pct,
        within_target_pct: pct(now.within, asked_contacts(ctx), 100.0),
        service_level: [
            live_service(PHONE, Channel::Phone),
            live_service(CHAT, Channel::Chat),
            ChannelService {
                channel: Channel::Email,
                achieved_pct: now.email_pct,
                target_pct: ctx.email_target * 100.0,
                target_s: s.email_window_h * 3600.0,
                asa_s: None,
                occupancy_pct: pct(base.team_busy_h, base.team_seat_h, 0.0),
                abandon_pct: 0.0,
            },
        ],
        occupancy_pct: pct(base.team_busy_h, base.team_seat_h, 0.0),
        abandonment_pct: pct(abandoned, offered, 0.0),
        qualifies: false,
        shortfalls: Vec::new(),
        unserved_contacts: if used {
            base.pool.contacts * (1.0 - base.served)
        } else {
            0.0
        },
        breakdown,
        hours,
    };
    judge(ctx, pool, &mut r);
    r
}

/// What the pool behind the buyer's own team takes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnTeamPool {
    /// Whether the column's costs include the team's own (agents × the
    /// loaded cost typed); without it they are the pool's bill alone, and
    /// the column is not a candidate for the pick.
    pub team_cost_included: bool,
    pub team_monthly_cost: f64,
    /// A base month: live contacts that find every agent busy, live
    /// contacts in the requested hours outside the team's, and emails its
    /// spare time does not clear.
    pub overflow_contacts: f64,
    pub outside_hours_contacts: f64,
    pub emails_to_pool: f64,
    /// Contacts the pool takes in the busiest month of the year beyond a
    /// base month's.
    pub peak_extra_contacts: f64,
    /// [`OwnTeamWhatIf::break_even_cost_per_agent_month`], in an
    /// `Outcome` (`None` in the figures, which do not know it).
    pub break_even_cost_per_agent_month: Option<f64>,
    /// [`OwnTeamWhatIf::agents_to_meet_targets`], likewise.
    pub agents_to_meet_targets: Option<u32>,
}

/// What would change the own team's comparison with the three ways to
/// outsource: part of the what-ifs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnTeamWhatIf {
    /// The loaded cost per agent a month at which the team + shared costs
    /// over the first year what the cheapest outsourcing model meeting
    /// every target does: below it the team is the cheaper. `None` when
    /// the column misses a target, no outsourcing model meets them all, or
    /// the pool's bill alone costs more.
    pub break_even_cost_per_agent_month: Option<f64>,
    /// The fewest agents with which the team + shared meets every target,
    /// when it does not with those entered; `None` when it does, or no
    /// count up to the field's limit would.
    pub agents_to_meet_targets: Option<u32>,
}

/// Adds the own team's column to the figures of the three models for `s`,
/// and folds it into their pick: nothing when no team is entered.
pub fn add_figures(s: &Scenario, figures: &mut Figures) {
    if s.own.is_none() {
        return;
    }
    let ctx = Ctx::new(s);
    add_figures_in(&ctx, &ctx.pool(), figures);
}

/// Adds what would change the own team's comparison to the sensitivity of
/// the three models, whose figures (the own team's column among them) are
/// `figures`: nothing when they have no such column.
pub fn add_sensitivity(s: &Scenario, figures: &Figures, sensitivity: &mut Sensitivity) {
    if figures.own_team.is_none() {
        return;
    }
    let ctx = Ctx::new(s);
    add_sensitivity_in(&ctx, &ctx.pool(), figures, sensitivity);
}

pub(crate) fn add_figures_in(ctx: &Ctx, pool: &[PoolLive; 2], figures: &mut Figures) {
    let Some(team) = OwnShift::of(ctx) else {
        return;
    };
    let parts = own_year(ctx, pool, team);
    let mut own = result_of(ctx, pool, team, &parts);
    // Meeting the targets is monotone in agents (see `fewest_agents`): the
    // field's limit tells whether any count would.
    let max = Field::OwnAgents.spec().max as u32;
    if !own.qualifies && team.agents < max && result(ctx, pool, team.with_agents(max)).qualifies {
        short_of_agents(&mut own);
    }
    let base = &parts.base;
    let busiest = parts
        .months
        .iter()
        .map(|m| m.pool.contacts)
        .fold(base.pool.contacts, f64::max);
    let side = OwnTeamPool {
        team_cost_included: ctx.s.own.cost_per_agent_month > 0.0,
        team_monthly_cost: team_cost(ctx, team),
        overflow_contacts: base.live.iter().map(|l| l.overflow).sum(),
        outside_hours_contacts: base.live.iter().map(|l| l.outside).sum(),
        emails_to_pool: base.emails_to_pool,
        peak_extra_contacts: busiest - base.pool.contacts,
        break_even_cost_per_agent_month: None,
        agents_to_meet_targets: None,
    };
    if side.team_cost_included {
        let three = figures.results();
        let mut rec = figures.recommendation.clone();
        fold(&mut rec, None, &own, three, &side);
        figures.recommendation = rec;
    }
    figures.own_team = Some(own);
    figures.own_team_pool = Some(side);
}

pub(crate) fn add_sensitivity_in(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    figures: &Figures,
    sensitivity: &mut Sensitivity,
) {
    let (Some(team), Some(own), Some(side)) = (
        OwnShift::of(ctx),
        figures.own_team.as_ref(),
        figures.own_team_pool.as_ref(),
    ) else {
        return;
    };
    let three = figures.results();
    let outsourcing = three
        .iter()
        .filter(|r| r.qualifies)
        .map(|r| r.first_year_cost)
        .reduce(f64::min);
    let agents = f64::from(team.agents);
    let pool_year = own.first_year_cost - 12.0 * side.team_monthly_cost;
    let break_even = outsourcing
        .filter(|_| own.qualifies)
        .map(|best| (best - pool_year) / (12.0 * agents))
        .filter(|&c| c > 0.0);
    let agents_to_meet = (!own.qualifies)
        .then(|| fewest_agents(ctx, pool, team))
        .flatten();
    sensitivity.own_team = Some(OwnTeamWhatIf {
        break_even_cost_per_agent_month: break_even,
        agents_to_meet_targets: agents_to_meet,
    });
    if side.team_cost_included {
        fold(
            &mut sensitivity.recommendation,
            Some(&mut sensitivity.what_if),
            own,
            three,
            side,
        );
    }
}

/// The recommendation with the own team's column as a fourth candidate.
fn fold(
    rec: &mut Recommendation,
    what_if: Option<&mut WhatIf>,
    own: &ModelResult,
    three: [&ModelResult; 3],
    side: &OwnTeamPool,
) {
    let pick = rec.meets_targets.then(|| three[rec.model as usize]);
    let own_wins =
        own.qualifies && pick.is_none_or(|p| own.first_year_cost < p.first_year_cost - EPS);
    if own_wins {
        let mut reasons = vec![Reason::MeetsAllTargets {
            model: ModelKind::OwnTeam,
        }];
        let close = pick.is_some_and(|p| {
            p.first_year_cost - own.first_year_cost <= CLOSE_CALL_BAND * own.first_year_cost + EPS
        });
        reasons.push(match pick {
            Some(p) => Reason::Cheapest {
                model: ModelKind::OwnTeam,
                next: p.kind,
                first_year_saving: p.first_year_cost - own.first_year_cost,
            },
            None => Reason::OnlyModelMeetingTargets {
                model: ModelKind::OwnTeam,
            },
        });
        if let Some(p) = pick.filter(|_| close) {
            let gap = p.first_year_cost - own.first_year_cost;
            reasons.push(Reason::CloseCall {
                model: ModelKind::OwnTeam,
                runner_up: p.kind,
                first_year_difference: gap,
                difference_pct: pct(gap, own.first_year_cost, 0.0),
            });
        }
        for r in three {
            if r.first_year_cost < own.first_year_cost - EPS {
                reasons.push(cheaper_but(r, own));
                reasons.extend(r.shortfalls.iter().copied());
            }
        }
        reasons.push(Reason::PoolBehindTeam {
            overflow_contacts: side.overflow_contacts,
            outside_hours_contacts: side.outside_hours_contacts,
            emails: side.emails_to_pool,
            peak_extra_contacts: side.peak_extra_contacts,
        });
        *rec = Recommendation {
            model: ModelKind::OwnTeam,
            meets_targets: true,
            close_call: close,
            runner_up: pick.map(|p| p.kind),
            reasons,
        };
        // The outsourcing what-ifs answer which of the three; the
        // break-even cost answers what would change this pick.
        if let Some(what_if) = what_if {
            *what_if = WhatIf::default();
        }
        return;
    }
    match pick {
        Some(p) if own.qualifies => {
            let runner = rec.runner_up.map(|k| three[k as usize]);
            if runner.is_none_or(|r| own.first_year_cost < r.first_year_cost - EPS) {
                rec.runner_up = Some(ModelKind::OwnTeam);
                let gap = own.first_year_cost - p.first_year_cost;
                rec.close_call = gap <= CLOSE_CALL_BAND * p.first_year_cost + EPS;
                let next = Reason::Cheapest {
                    model: p.kind,
                    next: ModelKind::OwnTeam,
                    first_year_saving: gap.max(0.0),
                };
                rec.reasons
                    .retain(|r| !matches!(r, Reason::CloseCall { .. }));
                if let Some(slot) = rec.reasons.iter_mut().find(|r| {
                    matches!(
                        r,
                        Reason::Cheapest { .. } | Reason::OnlyModelMeetingTargets { .. }
                    )
                }) {
                    *slot = next;
                }
                if rec.close_call {
                    rec.reasons.insert(
                        2.min(rec.reasons.len()),
                        Reason::CloseCall {
                            model: p.kind,
                            runner_up: ModelKind::OwnTeam,
                            first_year_difference: gap.max(0.0),
                            difference_pct: pct(gap.max(0.0), p.first_year_cost, 0.0),
                        },
                    );
                }
            }
        }
        Some(p) => {
            if own.first_year_cost < p.first_year_cost - EPS {
                let at = rec
                    .reasons
                    .iter()
                    .position(Reason::is_trade_argument)
                    .unwrap_or(rec.reasons.len());
                let mut add = vec![cheaper_but(own, p)];
                add.extend(own.shortfalls.iter().copied());
                rec.reasons.splice(at..at, add);
            }
        }
        None => {
            let closest = three[rec.model as usize];
            let nearer = own.within_target_pct > closest.within_target_pct + EPS
                || ((own.within_target_pct - closest.within_target_pct).abs() <= EPS
                    && own.first_year_cost < closest.first_year_cost);
            if nearer {
                rec.model = ModelKind::OwnTeam;
                for r in rec.reasons.iter_mut() {
                    if let Reason::NoneMeetsTargets {
                        closest,
                        within_target_pct,
                    } = r
                    {
                        *closest = ModelKind::OwnTeam;
                        *within_target_pct = own.within_target_pct;
                    }
                }
            }
            rec.reasons.extend(own.shortfalls.iter().copied());
        }
    }
}

/// Names the column's missed targets for what they are when more agents
/// would meet every one: a team too small, not a pool too slow (the pool
/// answers only what overflows; the column answers the rest at once).
fn short_of_agents(own: &mut ModelResult) {
    let agents = own.billed_agents;
    for r in &mut own.shortfalls {
        if let Reason::PoolSlowerThanTarget { channel, .. }
        | Reason::MissesServiceTarget { channel, .. } = *r
            && let Some(svc) = own.service_level.iter().find(|s| s.channel == channel)
        {
            *r = Reason::ShortOfAgents {
                model: own.kind,
                channel,
                achieved_pct: svc.achieved_pct,
                target_pct: svc.target_pct,
                agents,
            };
        }
    }
}

/// The fewest agents above the team's with which the team + shared meets
/// every target: doubling, then halving the bracket. Meeting them is
/// monotone in agents: another agent only turns overflow (answered at the
/// pool's pace, or not at all over its cap) into contacts answered at once.
fn fewest_agents(ctx: &Ctx, pool: &[PoolLive; 2], team: OwnShift) -> Option<u32> {
    let max = Field::OwnAgents.spec().max as u32;
    let meets = |n: u32| result(ctx, pool, team.with_agents(n)).qualifies;
    let (mut lo, mut hi) = (team.agents, team.agents.saturating_mul(2).clamp(1, max));
    while !meets(hi) {
        if hi >= max {
            return None;
        }
        lo = hi;
        hi = hi.saturating_mul(2).min(max);
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if meets(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}
