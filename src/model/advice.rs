//! Which model should the buyer take, why, and what would change the
//! answer? The pick is the cheapest model over the first year among those
//! that meet every requirement in the base month and in every month;
//! the reasons never argue against it; the thresholds are the nearest
//! changes to the scenario that would make another model the pick.

use serde::{Deserialize, Serialize};

use super::decimal::round_significant;
use super::outcome::{
    BreakEven, Channel, ModelKind, ModelResult, Priced, Teams, priced, teams_at, total_contacts,
    verdict_for,
};
use super::query::LEGACY_PEAK_SPEC;
use super::scenario::{Field, Region};
use super::staffing::{CHAT, Ctx, PHONE, PoolLive};
use super::year::{MONTH_SPEC, MONTHS, Month};

/// Why a model was chosen, or what holds each model back, in structured
/// form for the UI to put into words.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Reason {
    /// Covers every requested hour and meets every target in the base
    /// month and in every month of the year.
    MeetsAllTargets {
        model: ModelKind,
    },
    /// No model meets every requirement; `closest` answers the most within
    /// target.
    NoneMeetsTargets {
        closest: ModelKind,
        within_target_pct: f64,
    },
    /// Cheapest over the first year of the models that meet every
    /// requirement; `next` is the runner-up.
    Cheapest {
        model: ModelKind,
        next: ModelKind,
        first_year_saving: f64,
    },
    OnlyModelMeetingTargets {
        model: ModelKind,
    },
    /// The runner-up meets every target too and costs at most
    /// [`CLOSE_CALL_BAND`] more over the first year: price should not
    /// decide, the comparison's other rows should.
    CloseCall {
        model: ModelKind,
        runner_up: ModelKind,
        first_year_difference: f64,
        difference_pct: f64,
    },
    /// A model cheaper over the first year only because it leaves contacts
    /// unanswered (over the pool's cap): with them served at its own price
    /// per contact, it would cost as much as the pick or more. Named with
    /// what it fails to serve (its lowest share within target, the base
    /// month's or a busy month's), never with a saving. Its shortfalls
    /// follow it in the list.
    CheaperButUnserved {
        model: ModelKind,
        within_target_pct: f64,
        /// The month whose share that is, when a busy month's is lower than
        /// the base month's (the card's).
        month: Option<Month>,
    },
    /// A model cheaper over the first year that misses a requirement; its
    /// shortfalls follow it in the list. `monthly_saving` is `None` when it
    /// is cheaper over the year but not in a base month. When it leaves
    /// contacts unanswered, `priced_unanswered` is true and the savings are
    /// what remains with those contacts paid at its own price per contact:
    /// its price on the card covers only the part it serves.
    CheaperButMisses {
        model: ModelKind,
        monthly_saving: Option<f64>,
        first_year_saving: f64,
        priced_unanswered: bool,
    },
    /// The shared pool answers `target_pct` of the channel's contacts
    /// within `pool_s` (its commitment read at the client's share), later
    /// than the `target_s` asked for. `None`: it never reaches that share.
    PoolSlowerThanTarget {
        model: ModelKind,
        channel: Channel,
        target_pct: f64,
        target_s: f64,
        pool_s: Option<f64>,
    },
    MissesServiceTarget {
        model: ModelKind,
        channel: Channel,
        achieved_pct: f64,
        target_pct: f64,
    },
    /// The buyer's own team with the pool behind it misses the channel's
    /// target because its `agents` are too few: too many contacts
    /// overflow to the pool, which answers them at its own pace. More
    /// agents would meet every target (`OwnTeamPool::agents_to_meet_targets`).
    ShortOfAgents {
        model: ModelKind,
        channel: Channel,
        achieved_pct: f64,
        target_pct: f64,
        agents: u32,
    },
    /// Meets the target in a base month but not in a busy one: `month`
    /// is the worst, at `multiplier` times the base volume.
    MissesMonthTarget {
        model: ModelKind,
        channel: Channel,
        month: Month,
        multiplier: f64,
        achieved_pct: f64,
        target_pct: f64,
    },
    MissesCoverage {
        model: ModelKind,
        covered_pct: f64,
    },
    /// Contacts above the pool's cap go unanswered: in the base month
    /// (`None`) or only in busy months, `month` the worst.
    OverPoolCap {
        model: ModelKind,
        unserved_contacts: f64,
        month: Option<Month>,
        /// The handled minutes a month the pool takes from one client.
        cap_minutes: f64,
    },
    LowVolumeFavoursShared {
        contacts_per_month: f64,
        break_even: f64,
    },
    HighVolumeFavoursDedicated {
        contacts_per_month: f64,
        break_even: f64,
    },
    /// The dedicated team covers the busy months with overtime and, past
    /// what overtime covers, temporary agents (at most `agents` in a
    /// month): `extra_cost` over the year, their training and ramp-up
    /// included.
    SeasonalAgents {
        agents: u32,
        overtime_hours: f64,
        extra_cost: f64,
    },
    /// The combined model sends the busy months' extra contacts (over the
    /// year) to the pool.
    PeakToShared {
        extra_contacts: f64,
    },
    /// The combined model's pool answers the requested hours outside the
    /// core window.
    HoursToPool {
        hours_per_week: u32,
    },
    /// What the pool behind the buyer's own team takes in a base month:
    /// live contacts that find every agent busy, live contacts in the
    /// requested hours outside the team's, emails its spare time does not
    /// clear; and in the busiest month of the year, this many more.
    PoolBehindTeam {
        overflow_contacts: f64,
        outside_hours_contacts: f64,
        emails: f64,
        peak_extra_contacts: f64,
    },
}

impl Reason {
    /// A reason that argues for a pick from the trade's experience rather
    /// than from this scenario's figures: these close the list.
    pub fn is_trade_argument(&self) -> bool {
        matches!(
            self,
            Reason::LowVolumeFavoursShared { .. }
                | Reason::HighVolumeFavoursDedicated { .. }
                | Reason::SeasonalAgents { .. }
                | Reason::PeakToShared { .. }
                | Reason::HoursToPool { .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub model: ModelKind,
    pub meets_targets: bool,
    /// The runner-up meets every target and costs within
    /// [`CLOSE_CALL_BAND`] of the pick over the first year.
    pub close_call: bool,
    /// The next cheapest model that meets every target, if any.
    pub runner_up: Option<ModelKind>,
    pub reasons: Vec<Reason>,
}

/// A runner-up within this share of the pick's first-year cost makes a
/// close call. 5 %: the forecast error contact centres accept (ICMI puts
/// good volume forecasts within ±5 %), and the tightest estimate a project
/// makes, the definitive one, is −5 % / +10 % (PMBOK): a smaller gap is
/// inside what the inputs themselves are known to.
pub const CLOSE_CALL_BAND: f64 = 0.05;

/// A volume at which the pick changes to `model`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flip {
    /// Contacts a month reaching agents.
    pub at: f64,
    pub model: ModelKind,
}

/// A height of the busy months at which the pick changes to `model`: the
/// season as it is, its busiest month at `at` instead of `from` times the
/// base volume (every busy month's surplus scaled alike).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeasonFlip {
    pub busy: [bool; MONTHS],
    pub from: f64,
    pub at: f64,
    pub model: ModelKind,
}

/// A channel's service target in a what-if.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetChange {
    pub channel: Channel,
    pub target_pct: f64,
    pub target_s: f64,
}

/// The service targets at which `model` becomes the pick: looser ones a
/// cheaper model would meet, or stricter ones the pick would not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceFlip {
    pub model: ModelKind,
    pub looser: bool,
    pub targets: Vec<TargetChange>,
}

/// The pick with the other coverage: 24/7 when business hours were asked
/// for, the scenario's own hours when 24/7 was.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoursFlip {
    pub all_week: bool,
    pub model: ModelKind,
    pub monthly_cost: f64,
    /// The hours read without 24/7 (the form's, hidden while 24/7 is
    /// ticked), so the words can name them.
    pub open_hour: f64,
    pub close_hour: f64,
    pub days: f64,
}

/// The combined model with another of the standard core windows: the
/// cheapest one under which it meets every target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoreWindowFlip {
    pub open: f64,
    pub close: f64,
    /// Days from Monday: 5 for weekdays, 7 for every day.
    pub days: f64,
    /// The combined model's monthly cost with that window.
    pub combined_monthly_cost: f64,
    /// The pick with that window, and its monthly cost.
    pub model: ModelKind,
    pub monthly_cost: f64,
}

/// The pick with agents in another region, at its default rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionPick {
    pub region: Region,
    pub rate_per_hour: f64,
    pub model: ModelKind,
    pub monthly_cost: f64,
}

/// The core windows a buyer is offered: weekdays 08–18, every day 08–20,
/// every day 07–23 (open, close, days from Monday).
pub const STANDARD_CORE_WINDOWS: [(f64, f64, f64); 3] =
    [(8.0, 18.0, 5.0), (8.0, 20.0, 7.0), (7.0, 23.0, 7.0)];

/// The waits service targets are written in across the trade, seconds.
pub const TRADE_WAITS_S: [f64; 14] = [
    5.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0, 240.0, 300.0, 450.0, 600.0,
];

/// What would change the answer, each checked by pricing the changed
/// scenario: `None` where no such change within the inputs' ranges would.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    pub volume_below: Option<Flip>,
    pub volume_above: Option<Flip>,
    pub service: Option<ServiceFlip>,
    pub hours: Option<HoursFlip>,
    pub season_below: Option<SeasonFlip>,
    pub season_above: Option<SeasonFlip>,
    pub core_window: Option<CoreWindowFlip>,
    /// The other regions, in order.
    pub regions: Vec<RegionPick>,
}

pub(crate) const EPS: f64 = 1e-9;

/// Significant figures an estimate is shown with: the inputs (volumes,
/// handle times, rates) are rarely known closer than one part in a few
/// hundred, so a fourth figure would claim more than the model knows.
pub const ESTIMATE_DIGITS: u32 = 3;

/// The cheapest model over the first year among those that qualify; model
/// order breaks ties.
pub(crate) fn pick(first_year: [f64; 3], ok: [bool; 3]) -> Option<ModelKind> {
    let mut best: Option<usize> = None;
    for i in 0..3 {
        if ok[i] && best.is_none_or(|b| first_year[i] < first_year[b] - EPS) {
            best = Some(i);
        }
    }
    best.map(|i| ModelKind::ALL[i])
}

/// The pick, kept at `stay` while it qualifies and costs at most the
/// close-call band more than the cheapest.
pub(crate) fn settle(first_year: [f64; 3], ok: [bool; 3], stay: ModelKind) -> Option<ModelKind> {
    let best = pick(first_year, ok)?;
    let i = stay as usize;
    let close = ok[i] && first_year[i] <= first_year[best as usize] * (1.0 + CLOSE_CALL_BAND) + EPS;
    Some(if close { stay } else { best })
}

/// Whether a model leaves contacts unanswered: over the pool's cap.
pub(crate) fn unserved(r: &ModelResult) -> bool {
    r.unserved_contacts > EPS || r.months.iter().any(|m| m.unserved_contacts > EPS)
}

/// Why `cheaper`, cheaper than `chosen` over the first year, is not the
/// pick. It is cheaper only because it leaves contacts unanswered when
/// those contacts, served at its own price per contact, would bring it to
/// `chosen`'s price or over; it is then named with its lowest share within
/// target, the base month's or a busy month's. A model still cheaper then
/// is cheaper on its rate: its saving is named, and its shortfalls (the
/// months over the pool's cap among them) say what it misses.
pub(crate) fn cheaper_but(cheaper: &ModelResult, chosen: &ModelResult) -> Reason {
    let per_contact = cheaper.cost_per_contact;
    let unanswered: f64 = cheaper.months.iter().map(|m| m.unserved_contacts).sum();
    let first_year = cheaper.first_year_cost + unanswered * per_contact;
    let monthly = cheaper.monthly_cost + cheaper.unserved_contacts * per_contact;
    let priced_unanswered = unserved(cheaper);
    if priced_unanswered && first_year >= chosen.first_year_cost - EPS {
        let worst = Month::ALL
            .into_iter()
            .zip(&cheaper.months)
            .filter(|(_, m)| m.within_target_pct < cheaper.within_target_pct - EPS)
            .min_by(|a, b| a.1.within_target_pct.total_cmp(&b.1.within_target_pct));
        Reason::CheaperButUnserved {
            model: cheaper.kind,
            within_target_pct: worst
                .map_or(cheaper.within_target_pct, |(_, m)| m.within_target_pct),
            month: worst.map(|(month, _)| month),
        }
    } else {
        Reason::CheaperButMisses {
            model: cheaper.kind,
            monthly_saving: Some(chosen.monthly_cost - monthly).filter(|&x| x > 0.0),
            first_year_saving: chosen.first_year_cost - first_year,
            priced_unanswered,
        }
    }
}

/// Shortfalls of one model, as reasons: coverage, service in the base
/// month (the pool's own pace named as such), service in the worst month of
/// the year, contacts over the pool cap.
pub(crate) fn misses(ctx: &Ctx, pool: &[PoolLive; 2], r: &ModelResult) -> Vec<Reason> {
    let mut out = Vec::new();
    let model = r.kind;
    if r.requested_hours_covered_pct < 100.0 - EPS {
        out.push(Reason::MissesCoverage {
            model,
            covered_pct: r.requested_hours_covered_pct,
        });
    }
    for (i, (svc, volume)) in r.service_level.iter().zip(ctx.volumes()).enumerate() {
        if volume <= 0.0 {
            continue;
        }
        let pool_slow = i < 2
            && model != ModelKind::Dedicated
            && pool[i].service_level < ctx.live[i].target - EPS;
        if model == ModelKind::Shared && pool_slow {
            out.push(pool_slower(ctx, pool, model, i, svc.channel));
        } else if svc.achieved_pct < svc.target_pct - EPS {
            out.push(if pool_slow {
                pool_slower(ctx, pool, model, i, svc.channel)
            } else {
                Reason::MissesServiceTarget {
                    model,
                    channel: svc.channel,
                    achieved_pct: svc.achieved_pct,
                    target_pct: svc.target_pct,
                }
            });
        } else if let Some((month, worst)) = Month::ALL
            .into_iter()
            .zip(r.months.iter())
            .min_by(|a, b| a.1.achieved_pct[i].total_cmp(&b.1.achieved_pct[i]))
            .filter(|(_, m)| m.achieved_pct[i] < svc.target_pct - EPS)
        {
            out.push(Reason::MissesMonthTarget {
                model,
                channel: svc.channel,
                month,
                multiplier: worst.multiplier,
                achieved_pct: worst.achieved_pct[i],
                target_pct: svc.target_pct,
            });
        }
    }
    let worst = Month::ALL
        .into_iter()
        .zip(r.months.iter())
        .max_by(|a, b| a.1.unserved_contacts.total_cmp(&b.1.unserved_contacts));
    if r.unserved_contacts > EPS {
        out.push(Reason::OverPoolCap {
            model,
            unserved_contacts: r.unserved_contacts,
            month: None,
            cap_minutes: ctx.s.pool_cap_min,
        });
    } else if let Some((month, m)) = worst.filter(|(_, m)| m.unserved_contacts > EPS) {
        out.push(Reason::OverPoolCap {
            model,
            unserved_contacts: m.unserved_contacts,
            month: Some(month),
            cap_minutes: ctx.s.pool_cap_min,
        });
    }
    out
}

fn pool_slower(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    model: ModelKind,
    i: usize,
    channel: Channel,
) -> Reason {
    let ch = &ctx.live[i];
    Reason::PoolSlowerThanTarget {
        model,
        channel,
        target_pct: ch.target * 100.0,
        target_s: ch.target_s,
        pool_s: pool[i].time_to_target_s,
    }
}

/// Whether a model's shortfalls are all ones the volume and season searches
/// price again at each point: the pool cap and the busy months, and a
/// service level lowered by the cap (unserved contacts count as late),
/// which lifts with it.
fn repriced(shortfalls: &[Reason]) -> bool {
    let capped = shortfalls
        .iter()
        .any(|r| matches!(r, Reason::OverPoolCap { month: None, .. }));
    shortfalls.iter().all(|r| match r {
        Reason::OverPoolCap { .. } | Reason::MissesMonthTarget { .. } => true,
        Reason::MissesServiceTarget { .. } => capped,
        _ => false,
    })
}

/// The recommendation, with every reason: the break-even's among them
/// when it is known, which [`Recommendation::answered_by`] then drops where
/// the what-ifs give the volume's answer.
pub(crate) fn recommend(
    ctx: &Ctx,
    results: [&ModelResult; 3],
    be: Option<&BreakEven>,
    contacts: f64,
) -> Recommendation {
    let break_even = be.and_then(|b| b.contacts_per_month);
    let shortfalls = results.map(|r| r.shortfalls.clone());
    let ok = results.map(|r| r.qualifies);
    let first_year = results.map(|r| r.first_year_cost);
    let mut reasons = Vec::new();
    let picked = pick(first_year, ok);
    let mut runner_up = None;
    let mut close_call = false;
    let chosen = match picked {
        Some(kind) => {
            let i = kind as usize;
            reasons.push(Reason::MeetsAllTargets { model: kind });
            let mut others = ok;
            others[i] = false;
            runner_up = pick(first_year, others);
            reasons.push(match runner_up {
                Some(next) => Reason::Cheapest {
                    model: kind,
                    next,
                    first_year_saving: (first_year[next as usize] - first_year[i]).max(0.0),
                },
                None => Reason::OnlyModelMeetingTargets { model: kind },
            });
            if let Some(next) = runner_up {
                let gap = (first_year[next as usize] - first_year[i]).max(0.0);
                close_call = gap <= CLOSE_CALL_BAND * first_year[i] + EPS;
                if close_call {
                    reasons.push(Reason::CloseCall {
                        model: kind,
                        runner_up: next,
                        first_year_difference: gap,
                        difference_pct: if first_year[i] > 0.0 {
                            100.0 * gap / first_year[i]
                        } else {
                            0.0
                        },
                    });
                }
            }
            results[i]
        }
        None => {
            let closest = results
                .iter()
                .copied()
                .reduce(|a, b| {
                    let better = b.within_target_pct > a.within_target_pct + EPS
                        || ((b.within_target_pct - a.within_target_pct).abs() <= EPS
                            && b.first_year_cost < a.first_year_cost);
                    if better { b } else { a }
                })
                .unwrap_or(results[0]);
            reasons.push(Reason::NoneMeetsTargets {
                closest: closest.kind,
                within_target_pct: closest.within_target_pct,
            });
            closest
        }
    };
    // Why not a cheaper model, next: with the pick and its price, the three
    // reasons a reader sees first. The shortfalls follow each.
    if picked.is_some() {
        for (r, misses) in results.iter().zip(shortfalls.iter()) {
            if r.first_year_cost < chosen.first_year_cost - EPS {
                reasons.push(cheaper_but(r, chosen));
                reasons.extend(misses.iter().copied());
            }
        }
    } else {
        reasons.extend(shortfalls.iter().flatten().copied());
    }
    // The trade's own arguments, only where they agree with the pick.
    match chosen.kind {
        ModelKind::Shared => {
            if let Some(point) = break_even.filter(|&p| contacts < p) {
                reasons.push(Reason::LowVolumeFavoursShared {
                    contacts_per_month: contacts,
                    break_even: point,
                });
            }
        }
        ModelKind::Dedicated => {
            if let Some(point) = break_even.filter(|&p| contacts >= p) {
                reasons.push(Reason::HighVolumeFavoursDedicated {
                    contacts_per_month: contacts,
                    break_even: point,
                });
            }
            let overtime_hours = chosen.busy_overtime_hours();
            if chosen.seasonal_agents > 0 || overtime_hours > 0.0 {
                let base = chosen.monthly_cost - chosen.setup_cost / ctx.s.contract_months;
                let extra_cost = chosen.months.iter().map(|m| (m.cost - base).max(0.0)).sum();
                reasons.push(Reason::SeasonalAgents {
                    agents: chosen.seasonal_agents,
                    overtime_hours,
                    extra_cost,
                });
            }
        }
        ModelKind::Combined => {
            let hours = ctx.noncore.iter().filter(|&&h| h).count() as u32;
            if hours > 0 {
                reasons.push(Reason::HoursToPool {
                    hours_per_week: hours,
                });
            }
            let surplus: f64 = ctx.s.year.0.iter().map(|m| (m - 1.0).max(0.0)).sum();
            if surplus > 0.0 {
                reasons.push(Reason::PeakToShared {
                    extra_contacts: surplus * contacts,
                });
            }
        }
        // The pick of the three; the own team is folded in after.
        ModelKind::OwnTeam => {}
    }
    Recommendation {
        model: chosen.kind,
        meets_targets: picked.is_some(),
        close_call,
        runner_up,
        reasons,
    }
}

impl Recommendation {
    /// The reasons, once the what-ifs are known (`Some`). One number per
    /// question: where the what-if names the volume at which the other of
    /// shared and dedicated becomes the pick, the break-even (where their
    /// monthly costs cross, inside the close-call band) is not offered as a
    /// second answer. While the what-ifs are still to come (`None`), the
    /// break-even's reasons wait with them.
    pub fn answered_by(&self, what_if: Option<&WhatIf>) -> impl Iterator<Item = &Reason> {
        let volume_flip = move |flip: fn(&WhatIf) -> Option<Flip>, to: ModelKind| {
            what_if.is_none_or(|w| flip(w).is_some_and(|f| f.model == to))
        };
        self.reasons.iter().filter(move |r| match r {
            Reason::LowVolumeFavoursShared { .. } => {
                !volume_flip(|w| w.volume_above, ModelKind::Dedicated)
            }
            Reason::HighVolumeFavoursDedicated { .. } => {
                !volume_flip(|w| w.volume_below, ModelKind::Shared)
            }
            _ => true,
        })
    }
}

/// What would change the recommendation `rec` of the scenario in `ctx`
/// whose models priced to `results`: nothing to say when none meets every
/// target (the shortfalls say what to change). Every lever in one go; the
/// page asks them one at a time ([`WhatIfSearch`]).
pub(crate) fn what_ifs(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    results: [&ModelResult; 3],
    rec: &Recommendation,
) -> WhatIf {
    let mut out = WhatIf::default();
    if let Some(search) = WhatIfSearch::new(ctx, pool, results, rec) {
        for lever in Lever::ALL {
            search.find(lever, ctx, pool, results, &mut out);
        }
    }
    out
}

/// One input whose change the what-ifs look for: each is searched on its
/// own ([`WhatIfSearch::find`]), so the page can look for one per task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lever {
    VolumeAbove,
    VolumeBelow,
    SeasonAbove,
    SeasonBelow,
    Service,
    Hours,
    CoreWindow,
    Regions,
}

impl Lever {
    /// Every lever, in the order [`what_ifs`] searches them.
    pub const ALL: [Lever; 8] = [
        Lever::VolumeAbove,
        Lever::VolumeBelow,
        Lever::SeasonAbove,
        Lever::SeasonBelow,
        Lever::Service,
        Lever::Hours,
        Lever::CoreWindow,
        Lever::Regions,
    ];
}

/// What every lever's search of one scenario starts from: its pick, what
/// the cost-only pricing carries of its verdict, and the base-month teams.
pub(crate) struct WhatIfSearch {
    kind: ModelKind,
    carried: [bool; 3],
    shortfalls: [Vec<Reason>; 3],
    teams: Teams,
    /// Whether the cost-only pricing agrees with the full one on the
    /// scenario itself: the searches that price cost-only start only then.
    agrees: bool,
}

impl WhatIfSearch {
    /// `None` when `rec` meets no target: then no lever has anything to say.
    pub fn new(
        ctx: &Ctx,
        pool: &[PoolLive; 2],
        results: [&ModelResult; 3],
        rec: &Recommendation,
    ) -> Option<WhatIfSearch> {
        if !rec.meets_targets {
            return None;
        }
        let shortfalls = results.map(|r| r.shortfalls.clone());
        let carried = shortfalls.each_ref().map(|m| repriced(m));
        let teams = teams_at(ctx, 1.0);
        let kind = rec.model;
        // A change inside the close-call band is not a change of answer.
        let agrees =
            priced(ctx, pool, &teams, carried, 1.0, &ctx.s.year).settled(kind) == Some(kind);
        Some(WhatIfSearch {
            kind,
            carried,
            shortfalls,
            teams,
            agrees,
        })
    }

    /// Looks for `lever`'s change and writes it into its field of `out`.
    pub fn find(
        &self,
        lever: Lever,
        ctx: &Ctx,
        pool: &[PoolLive; 2],
        results: [&ModelResult; 3],
        out: &mut WhatIf,
    ) {
        match lever {
            Lever::VolumeAbove => out.volume_above = self.volume(ctx, pool, true),
            Lever::VolumeBelow => out.volume_below = self.volume(ctx, pool, false),
            Lever::SeasonAbove => out.season_above = self.season(ctx, pool, true),
            Lever::SeasonBelow => out.season_below = self.season(ctx, pool, false),
            Lever::Service => {
                out.service = service_flip(ctx, pool, results, self.kind, &self.shortfalls)
            }
            Lever::Hours => out.hours = self.hours(ctx, pool, results),
            Lever::CoreWindow => out.core_window = self.core_window(ctx, pool, results),
            Lever::Regions => out.regions = self.regions(ctx, pool),
        }
    }

    /// Volume: priced along a log grid out from the scenario, the first
    /// change bisected, then checked in full.
    fn volume(&self, ctx: &Ctx, pool: &[PoolLive; 2], up: bool) -> Option<Flip> {
        let (s, kind, carried) = (&ctx.s, self.kind, self.carried);
        let contacts = total_contacts(ctx);
        if contacts <= 0.0 || !self.agrees {
            return None;
        }
        let at_volume = |factor: f64| {
            let teams = teams_at(ctx, factor);
            priced(ctx, pool, &teams, carried, factor, &s.year).settled(kind)
        };
        // Shown only if pricing the scenario in full agrees: at the value
        // itself the new pick, a step back towards the scenario the old.
        let (found, back) = if up {
            (
                search(&at_volume, kind, 1.0, VOLUME_MAX, true),
                1.0 - STEP_BACK,
            )
        } else {
            let lowest = (0.5 / contacts).max(VOLUME_MIN);
            (
                search(&at_volume, kind, 1.0, lowest, false),
                1.0 + STEP_BACK,
            )
        };
        let (f, m) = found?;
        let full =
            |x: f64| verdict_for(&s.with_volume_scaled(x), Some(ctx), Some(pool)).settled(kind);
        (full(f) == Some(m) && full(f * back) == Some(kind)).then_some(Flip {
            at: f * contacts,
            model: m,
        })
    }

    /// The busy months' height: the base-month teams stay, only the months
    /// are priced again. A flat year has no season to raise or lower.
    fn season(&self, ctx: &Ctx, pool: &[PoolLive; 2], up: bool) -> Option<SeasonFlip> {
        let (s, kind) = (&ctx.s, self.kind);
        let year = s.year;
        let height = year.height();
        if !self.agrees || height <= 1.0 {
            return None;
        }
        // Up to three times the base month (where a single peak month
        // topped out before the year had twelve), or from the season's own
        // height to the multiplier's top: each step prices a team.
        let hi = if height < LEGACY_PEAK_SPEC.max {
            LEGACY_PEAK_SPEC.max
        } else {
            MONTH_SPEC.max
        };
        let lo = 1.0;
        if up && height >= hi {
            return None;
        }
        let at_height = |h: f64| {
            priced(
                ctx,
                pool,
                &self.teams,
                self.carried,
                1.0,
                &year.with_height(h),
            )
            .settled(kind)
        };
        let (h, m) = search_linear(
            &at_height,
            kind,
            height,
            if up { hi } else { lo },
            PEAK_STEP,
        )?;
        // Rounded to the tenth a person would type, away from the scenario.
        let (h, back) = if up {
            ((h * 10.0).ceil() / 10.0, -PEAK_STEP_BACK)
        } else {
            ((h * 10.0).floor() / 10.0, PEAK_STEP_BACK)
        };
        let h = super::clamp_to(h, lo, hi);
        let full = |h: f64| {
            let mut c = s.clone();
            c.year = year.with_height(h);
            verdict_for(&c, Some(ctx), Some(pool)).settled(kind)
        };
        (full(h) == Some(m) && full(h + back) == Some(kind)).then_some(SeasonFlip {
            busy: year.busy(),
            from: height,
            at: h,
            model: m,
        })
    }

    fn hours(
        &self,
        ctx: &Ctx,
        pool: &[PoolLive; 2],
        results: [&ModelResult; 3],
    ) -> Option<HoursFlip> {
        let mut other = ctx.s.clone();
        other.all_week = !ctx.s.all_week;
        let v = verdict_for(&other, None, Some(pool));
        let today = results[self.kind as usize].monthly_cost;
        v.pick()
            .map(|model| HoursFlip {
                all_week: other.all_week,
                model,
                monthly_cost: v.monthly[model as usize],
                open_hour: other.open_hour,
                close_hour: other.close_hour,
                days: other.days,
            })
            .filter(|h| changes(self.kind, today, h.model, h.monthly_cost))
    }

    /// The window moves only Combined: a lever when it lets Combined meet
    /// its targets or makes it cheaper. The cheapest other window costing
    /// more says only that the window asked for is already the best.
    fn core_window(
        &self,
        ctx: &Ctx,
        pool: &[PoolLive; 2],
        results: [&ModelResult; 3],
    ) -> Option<CoreWindowFlip> {
        let combined = results[ModelKind::Combined as usize];
        core_window_flip(ctx, pool).filter(|c| {
            !combined.qualifies || cheaper_estimate(c.combined_monthly_cost, combined.monthly_cost)
        })
    }

    /// The rate moves no agent and no service: the same teams, priced again
    /// where that pricing agrees with the full one on the scenario.
    fn regions(&self, ctx: &Ctx, pool: &[PoolLive; 2]) -> Vec<RegionPick> {
        let s = &ctx.s;
        Region::ALL
            .into_iter()
            .filter(|&r| r != s.region)
            .filter_map(|region| {
                let mut c = s.clone();
                c.region = region;
                c.rate_per_hour = region.default_rate_per_hour();
                let (first_year, monthly, ok) = if self.agrees {
                    let p = priced(
                        &ctx.reshaped(&c),
                        pool,
                        &self.teams,
                        self.carried,
                        1.0,
                        &s.year,
                    );
                    (p.first_year, p.monthly, p.ok)
                } else {
                    let v = verdict_for(&c, Some(ctx), Some(pool));
                    (v.first_year, v.monthly, v.ok)
                };
                pick(first_year, ok).map(|model| RegionPick {
                    region,
                    rate_per_hour: c.rate_per_hour,
                    model,
                    monthly_cost: monthly[model as usize],
                })
            })
            .collect()
    }
}

/// The volume thresholds are looked for from 2 % to 5 times the scenario's
/// volume (beyond, it is another business), on a grid of 10 % steps within
/// half again of the scenario and 50 % steps beyond; the busy months'
/// height on steps of 0.5 from the base month to the multiplier's top.
/// Bisection then narrows a bracket to 0.16 % of volume (inside the 0.5 %
/// step back each check takes) and 0.008 of the height (shown to the
/// tenth). Each point prices three teams, so the grid is coarse away from
/// the scenario; near it, where a team's price climbs an agent at a time
/// and another model can win a band of volumes (1,800 emails a month:
/// shared, dedicated from about 2,150, shared again above 2,300), 50 %
/// steps passed over such bands and named a farther change as the
/// nearest. A band narrower than a step can still be stepped over, never
/// misreported (each threshold is checked).
const VOLUME_MIN: f64 = 0.02;
const VOLUME_MAX: f64 = 5.0;
const VOLUME_STEP: f64 = 1.5;
const VOLUME_NEAR: f64 = 1.5;
const VOLUME_NEAR_STEP: f64 = 1.1;
const VOLUME_BISECT: usize = 8;
const PEAK_STEP: f64 = 0.5;
const PEAK_BISECT: usize = 6;

/// How far back towards the scenario a threshold is checked to still give
/// today's pick: half a percent of volume, a tenth of the season's height.
pub const STEP_BACK: f64 = 0.005;
pub const PEAK_STEP_BACK: f64 = 0.1;

/// Whether a what-if's answer differs from today's: another pick, or a
/// price that reads differently where estimates are shown (three
/// significant figures). One that changes neither is not worth a line.
fn changes(pick: ModelKind, monthly: f64, other: ModelKind, other_monthly: f64) -> bool {
    pick != other
        || round_significant(monthly, ESTIMATE_DIGITS)
            != round_significant(other_monthly, ESTIMATE_DIGITS)
}

/// Whether `other` reads lower than `now` where estimates are shown.
fn cheaper_estimate(other: f64, now: f64) -> bool {
    round_significant(other, ESTIMATE_DIGITS) < round_significant(now, ESTIMATE_DIGITS)
}

/// The cheapest other standard core window under which the combined model
/// meets every target, with what the combined model and the pick then
/// cost: shown when the requested hours run past the core window asked
/// for, where the window is a choice that moves the price.
fn core_window_flip(ctx: &Ctx, pool: &[PoolLive; 2]) -> Option<CoreWindowFlip> {
    let s = &ctx.s;
    if !ctx.noncore.iter().any(|&h| h) {
        return None;
    }
    let combined = ModelKind::Combined as usize;
    let mut best: Option<(CoreWindowFlip, f64)> = None;
    for (open, close, days) in STANDARD_CORE_WINDOWS {
        if (open, close, days) == (s.core_open, s.core_close, s.core_days) {
            continue;
        }
        let mut c = s.clone();
        (c.core_open, c.core_close, c.core_days) = (open, close, days);
        let v = verdict_for(&c, None, Some(pool));
        if !v.ok[combined] || best.as_ref().is_some_and(|b| b.1 <= v.first_year[combined]) {
            continue;
        }
        let Some(model) = v.pick() else { continue };
        best = Some((
            CoreWindowFlip {
                open,
                close,
                days,
                combined_monthly_cost: v.monthly[combined],
                model,
                monthly_cost: v.monthly[model as usize],
            },
            v.first_year[combined],
        ));
    }
    best.map(|b| b.0)
}

/// The first volume factor from `from` towards `to` (log steps,
/// [`VOLUME_NEAR_STEP`] within [`VOLUME_NEAR`] of the scenario, else
/// [`VOLUME_STEP`]) where `choice` is no longer `kind`, narrowed by
/// bisection to its upper (`up`) or lower edge: the value just past the
/// change, and the new pick.
fn search(
    choice: &dyn Fn(f64) -> Option<ModelKind>,
    kind: ModelKind,
    from: f64,
    to: f64,
    up: bool,
) -> Option<(f64, ModelKind)> {
    let step = |x: f64| {
        let near = x < VOLUME_NEAR && x > 1.0 / VOLUME_NEAR;
        let ratio = if near { VOLUME_NEAR_STEP } else { VOLUME_STEP };
        if up { ratio } else { 1.0 / ratio }
    };
    let past = |x: f64| if up { x >= to } else { x <= to };
    let mut inside = from;
    loop {
        let stepped = inside * step(inside);
        let next = if past(stepped) { to } else { stepped };
        match choice(next) {
            Some(k) if k == kind => {}
            Some(k) => return Some(bisect(choice, kind, inside, (next, k), true, VOLUME_BISECT)),
            None => return None,
        }
        if past(next) || next == inside {
            return None;
        }
        inside = next;
    }
}

/// As [`search`] on a linear grid of `step`, for the busy months' height.
fn search_linear(
    choice: &dyn Fn(f64) -> Option<ModelKind>,
    kind: ModelKind,
    from: f64,
    to: f64,
    step: f64,
) -> Option<(f64, ModelKind)> {
    let dir = if to > from { step } else { -step };
    let mut inside = from;
    loop {
        let next = if (to - inside).abs() <= step {
            to
        } else {
            inside + dir
        };
        match choice(next) {
            Some(k) if k == kind => {}
            Some(k) => return Some(bisect(choice, kind, inside, (next, k), false, PEAK_BISECT)),
            None => return None,
        }
        if next == to {
            return None;
        }
        inside = next;
    }
}

/// Narrows [inside, outside] in `steps` halvings to the edge where `choice`
/// stops being `kind`; `outside` comes with the pick there.
fn bisect(
    choice: &dyn Fn(f64) -> Option<ModelKind>,
    kind: ModelKind,
    mut inside: f64,
    (mut outside, mut new): (f64, ModelKind),
    log: bool,
    steps: usize,
) -> (f64, ModelKind) {
    for _ in 0..steps {
        let mid = if log {
            (inside * outside).sqrt()
        } else {
            0.5 * (inside + outside)
        };
        match choice(mid) {
            Some(k) if k == kind => inside = mid,
            Some(k) => {
                outside = mid;
                new = k;
            }
            None => outside = mid,
        }
    }
    (outside, new)
}

/// Service targets that would change the pick: the pool's own pace when a
/// cheaper pool model misses only on it, or just past the pool's pace when
/// the pick leans on the pool and a dearer model does not.
fn service_flip(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    results: [&ModelResult; 3],
    kind: ModelKind,
    shortfalls: &[Vec<Reason>; 3],
) -> Option<ServiceFlip> {
    let s = &ctx.s;
    let chosen = results[kind as usize];
    let fields = [
        (Field::PhoneTarget, Field::PhoneTargetTime),
        (Field::ChatTarget, Field::ChatTargetTime),
    ];
    let channels = [Channel::Phone, Channel::Chat];
    // Looser: the cheapest model that misses only on the pool's pace.
    let looser = results
        .iter()
        .zip(shortfalls.iter())
        .filter(|(r, m)| {
            r.first_year_cost < chosen.first_year_cost - EPS
                && !m.is_empty()
                && m.iter().all(|x| {
                    matches!(
                        x,
                        Reason::PoolSlowerThanTarget {
                            pool_s: Some(_),
                            ..
                        }
                    )
                })
        })
        .min_by(|a, b| a.0.first_year_cost.total_cmp(&b.0.first_year_cost));
    if let Some((r, m)) = looser {
        let mut changed = s.clone();
        let mut targets = Vec::new();
        for x in m {
            if let Reason::PoolSlowerThanTarget {
                channel,
                target_pct,
                pool_s: Some(t),
                ..
            } = *x
            {
                let i = if channel == Channel::Phone {
                    PHONE
                } else {
                    CHAT
                };
                // The next wait the trade writes targets in.
                let t = TRADE_WAITS_S.into_iter().find(|&w| w >= t - 1e-6)?;
                changed.set(fields[i].1, t);
                targets.push(TargetChange {
                    channel,
                    target_pct,
                    target_s: t,
                });
            }
        }
        return (verdict_for(&changed, None, None).pick() == Some(r.kind)).then_some(ServiceFlip {
            model: r.kind,
            looser: true,
            targets,
        });
    }
    // Stricter: the trade's next wait shorter than the pool's pace.
    if kind == ModelKind::Dedicated {
        return None;
    }
    for i in [PHONE, CHAT] {
        let ch = &ctx.live[i];
        let Some(t) = pool[i].time_to_target_s else {
            continue;
        };
        if ch.monthly <= 0.0 {
            continue;
        }
        let Some(strict) = TRADE_WAITS_S
            .into_iter()
            .rev()
            .find(|&w| w < t.min(ch.target_s) - 1e-6)
        else {
            continue;
        };
        let mut changed = s.clone();
        changed.set(fields[i].1, strict);
        if let Some(model) = verdict_for(&changed, None, None)
            .pick()
            .filter(|&p| p != kind)
        {
            return Some(ServiceFlip {
                model,
                looser: false,
                targets: vec![TargetChange {
                    channel: channels[i],
                    target_pct: ch.target * 100.0,
                    target_s: strict,
                }],
            });
        }
    }
    None
}

impl Priced {
    fn settled(&self, stay: ModelKind) -> Option<ModelKind> {
        settle(self.first_year, self.ok, stay)
    }
}
