//! Which model should the buyer take, why, and what would change the
//! answer? The pick is the cheapest model over the first year among those
//! that meet every requirement in the base month and in the peak month;
//! the reasons never argue against it; the thresholds are the nearest
//! changes to the scenario that would make another model the pick.

use serde::{Deserialize, Serialize};

use super::outcome::{
    BreakEven, Channel, ModelKind, ModelResult, Priced, pick_for, priced, teams_at, total_contacts,
};
use super::scenario::Field;
use super::staffing::{CHAT, Ctx, PHONE, PoolLive};

/// Why a model was chosen, or what holds each model back, in structured
/// form for the UI to put into words.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Reason {
    /// Covers every requested hour and meets every target in the base and
    /// the peak month.
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
    /// A model cheaper over the first year that misses a requirement; its
    /// shortfalls follow it in the list. `monthly_saving` is `None` when it
    /// is cheaper over the year but not in a base month.
    CheaperButMisses {
        model: ModelKind,
        monthly_saving: Option<f64>,
        first_year_saving: f64,
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
    /// Meets the target in a base month but not in the peak month.
    MissesPeakTarget {
        model: ModelKind,
        channel: Channel,
        achieved_pct: f64,
        target_pct: f64,
        peak_multiplier: f64,
    },
    MissesCoverage {
        model: ModelKind,
        covered_pct: f64,
    },
    /// Contacts above the pool's cap go unanswered, in every month or only
    /// in the peak month.
    OverPoolCap {
        model: ModelKind,
        unserved_contacts: f64,
        peak_month: bool,
    },
    LowVolumeFavoursShared {
        contacts_per_month: f64,
        break_even: f64,
    },
    HighVolumeFavoursDedicated {
        contacts_per_month: f64,
        break_even: f64,
    },
    /// The dedicated team adds temporary agents for the peak month, at this
    /// extra cost (their month, training and ramp-up).
    SeasonalAgents {
        agents: u32,
        extra_cost: f64,
    },
    /// The combined model sends the peak month's extra contacts to the pool.
    PeakToShared {
        extra_contacts: f64,
    },
    /// The combined model's pool answers the requested hours outside the
    /// core window.
    HoursToPool {
        hours_per_week: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub model: ModelKind,
    pub meets_targets: bool,
    pub reasons: Vec<Reason>,
}

/// A volume or peak at which the pick changes to `model`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flip {
    /// Contacts a month reaching agents (volume), or the peak multiplier.
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
}

/// What would change the answer, each checked by pricing the changed
/// scenario: `None` where no such change within the inputs' ranges would.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    pub volume_below: Option<Flip>,
    pub volume_above: Option<Flip>,
    pub service: Option<ServiceFlip>,
    pub hours: Option<HoursFlip>,
    pub peak_below: Option<Flip>,
    pub peak_above: Option<Flip>,
}

const EPS: f64 = 1e-9;

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

/// Shortfalls of one model, as reasons: coverage, service in the base
/// month (the pool's own pace named as such), service in the peak month,
/// contacts over the pool cap.
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
        } else if r.peak_achieved_pct[i] < svc.target_pct - EPS {
            out.push(Reason::MissesPeakTarget {
                model,
                channel: svc.channel,
                achieved_pct: r.peak_achieved_pct[i],
                target_pct: svc.target_pct,
                peak_multiplier: ctx.s.peak_multiplier,
            });
        }
    }
    if r.unserved_contacts > EPS {
        out.push(Reason::OverPoolCap {
            model,
            unserved_contacts: r.unserved_contacts,
            peak_month: false,
        });
    } else if r.peak_unserved_contacts > EPS {
        out.push(Reason::OverPoolCap {
            model,
            unserved_contacts: r.peak_unserved_contacts,
            peak_month: true,
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

/// Whether a model's shortfalls are all ones the volume and peak searches
/// price again at each point: the pool cap and the peak month, and a
/// service level lowered by the cap (unserved contacts count as late),
/// which lifts with it.
fn repriced(shortfalls: &[Reason]) -> bool {
    let capped = shortfalls.iter().any(|r| {
        matches!(
            r,
            Reason::OverPoolCap {
                peak_month: false,
                ..
            }
        )
    });
    shortfalls.iter().all(|r| match r {
        Reason::OverPoolCap { .. } | Reason::MissesPeakTarget { .. } => true,
        Reason::MissesServiceTarget { .. } => capped,
        _ => false,
    })
}

/// The recommendation and, alongside, what would change it.
pub(crate) fn recommend(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    results: [&ModelResult; 3],
    be: &BreakEven,
    contacts: f64,
) -> (Recommendation, WhatIf) {
    let shortfalls = results.map(|r| misses(ctx, pool, r));
    let ok = [0, 1, 2].map(|i| shortfalls[i].is_empty());
    let first_year = results.map(|r| r.first_year_cost);
    let mut reasons = Vec::new();
    let picked = pick(first_year, ok);
    let chosen = match picked {
        Some(kind) => {
            let i = kind as usize;
            reasons.push(Reason::MeetsAllTargets { model: kind });
            let mut others = ok;
            others[i] = false;
            reasons.push(match pick(first_year, others) {
                Some(next) => Reason::Cheapest {
                    model: kind,
                    next,
                    first_year_saving: first_year[next as usize] - first_year[i],
                },
                None => Reason::OnlyModelMeetingTargets { model: kind },
            });
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
    // The trade's own arguments, only where they agree with the pick.
    match chosen.kind {
        ModelKind::Shared => {
            if let Some(point) = be.contacts_per_month.filter(|&p| contacts < p) {
                reasons.push(Reason::LowVolumeFavoursShared {
                    contacts_per_month: contacts,
                    break_even: point,
                });
            }
        }
        ModelKind::Dedicated => {
            if let Some(point) = be.contacts_per_month.filter(|&p| contacts >= p) {
                reasons.push(Reason::HighVolumeFavoursDedicated {
                    contacts_per_month: contacts,
                    break_even: point,
                });
            }
            if chosen.seasonal_agents > 0 {
                reasons.push(Reason::SeasonalAgents {
                    agents: chosen.seasonal_agents,
                    extra_cost: chosen.peak_month_cost - chosen.monthly_cost,
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
            if ctx.s.peak_multiplier > 1.0 {
                reasons.push(Reason::PeakToShared {
                    extra_contacts: (ctx.s.peak_multiplier - 1.0) * contacts,
                });
            }
        }
    }
    if picked.is_some() {
        for (r, misses) in results.iter().zip(shortfalls.iter()) {
            if r.first_year_cost < chosen.first_year_cost - EPS {
                reasons.push(Reason::CheaperButMisses {
                    model: r.kind,
                    monthly_saving: Some(chosen.monthly_cost - r.monthly_cost).filter(|&x| x > 0.0),
                    first_year_saving: chosen.first_year_cost - r.first_year_cost,
                });
                reasons.extend(misses.iter().copied());
            }
        }
    } else {
        reasons.extend(shortfalls.iter().flatten().copied());
    }
    let recommendation = Recommendation {
        model: chosen.kind,
        meets_targets: picked.is_some(),
        reasons,
    };
    let what_if = match picked {
        Some(kind) => {
            let carried = shortfalls.each_ref().map(|m| repriced(m));
            what_if(ctx, pool, results, kind, carried, &shortfalls)
        }
        None => WhatIf::default(),
    };
    (recommendation, what_if)
}

/// The volume thresholds are looked for from 2 % to 5 times the scenario's
/// volume (beyond, it is another business), on a grid of 50 % steps; the
/// peak on steps of 0.5 over its range. Bisection then narrows a bracket
/// to 0.16 % of volume (inside the 0.5 % step back each check takes) and
/// 0.004 of the peak (shown to the hundredth). The grid is coarse because
/// each point prices three teams; a band narrower than a step can be
/// stepped over, never misreported (each threshold is checked).
const VOLUME_MIN: f64 = 0.02;
const VOLUME_MAX: f64 = 5.0;
const VOLUME_STEP: f64 = 1.5;
const VOLUME_BISECT: usize = 8;
const PEAK_STEP: f64 = 0.5;
const PEAK_BISECT: usize = 7;

/// How far back towards the scenario a threshold is checked to still give
/// today's pick: half a percent of volume, two hundredths of the peak.
pub const STEP_BACK: f64 = 0.005;
pub const PEAK_STEP_BACK: f64 = 0.02;

fn what_if(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    results: [&ModelResult; 3],
    kind: ModelKind,
    carried: [bool; 3],
    shortfalls: &[Vec<Reason>; 3],
) -> WhatIf {
    let s = &ctx.s;
    let contacts = total_contacts(ctx);
    let peak = s.peak_multiplier;
    let mut out = WhatIf::default();
    // The searches price points cost-only; they start only where that
    // pricing agrees with the full one on the scenario itself.
    let teams = teams_at(ctx, 1.0);
    let at_peak = |p: f64| priced(ctx, pool, &teams, carried, 1.0, p).choice();
    let agrees = at_peak(peak) == Some(kind);

    // Volume: priced along a log grid out from the scenario, the first
    // change bisected, then checked in full.
    let at_volume = |factor: f64| {
        let teams = teams_at(ctx, factor);
        priced(ctx, pool, &teams, carried, factor, peak).choice()
    };
    if contacts > 0.0 && agrees {
        // Shown only if pricing the scenario in full agrees: at the value
        // itself the new pick, a step back towards the scenario the old.
        let volume_flip = |found: Option<(f64, ModelKind)>, back: f64| {
            let (f, m) = found?;
            let full =
                |x: f64| pick_for(&s.with_volume_scaled(x), Some(ctx), Some(pool)).map(|p| p.0);
            (full(f) == Some(m) && full(f * back) == Some(kind)).then_some(Flip {
                at: f * contacts,
                model: m,
            })
        };
        out.volume_above = volume_flip(
            search(&at_volume, kind, 1.0, VOLUME_MAX, VOLUME_STEP, true),
            1.0 - STEP_BACK,
        );
        let lowest = (0.5 / contacts).max(VOLUME_MIN);
        out.volume_below = volume_flip(
            search(&at_volume, kind, 1.0, lowest, VOLUME_STEP, false),
            1.0 + STEP_BACK,
        );
    }

    // The peak month: the base-month teams stay, only the peak is priced again.
    if agrees {
        let (lo, hi) = (Field::Peak.spec().min, Field::Peak.spec().max);
        let full = |p: f64| {
            let mut c = s.clone();
            c.peak_multiplier = p;
            pick_for(&c, Some(ctx), Some(pool)).map(|r| r.0)
        };
        // Rounded to the hundredth a person would type, away from the scenario.
        let peak_flip = |found: Option<(f64, ModelKind)>, up: bool| {
            let (p, m) = found?;
            let (p, back) = if up {
                ((p * 100.0).ceil() / 100.0, -PEAK_STEP_BACK)
            } else {
                ((p * 100.0).floor() / 100.0, PEAK_STEP_BACK)
            };
            (full(p) == Some(m) && full(p + back) == Some(kind)).then_some(Flip { at: p, model: m })
        };
        if peak < hi {
            out.peak_above = peak_flip(search_linear(&at_peak, kind, peak, hi, PEAK_STEP), true);
        }
        if peak > lo {
            out.peak_below = peak_flip(search_linear(&at_peak, kind, peak, lo, PEAK_STEP), false);
        }
    }

    out.service = service_flip(ctx, pool, results, kind, shortfalls);

    let mut other = s.clone();
    other.all_week = !s.all_week;
    out.hours = pick_for(&other, None, Some(pool)).map(|(model, monthly_cost)| HoursFlip {
        all_week: other.all_week,
        model,
        monthly_cost,
    });
    out
}

/// The first point from `from` towards `to` (log steps of `ratio`) where
/// `choice` is no longer `kind`, narrowed by bisection to its upper
/// (`up`) or lower edge: the value just past the change, and the new pick.
fn search(
    choice: &dyn Fn(f64) -> Option<ModelKind>,
    kind: ModelKind,
    from: f64,
    to: f64,
    ratio: f64,
    up: bool,
) -> Option<(f64, ModelKind)> {
    let step = if up { ratio } else { 1.0 / ratio };
    let past = |x: f64| if up { x >= to } else { x <= to };
    let mut inside = from;
    loop {
        let next = if past(inside * step) {
            to
        } else {
            inside * step
        };
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

/// As [`search`] on a linear grid of `step`, for the peak multiplier.
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
                let t = t.ceil();
                if t > fields[i].1.spec().max {
                    return None;
                }
                changed.set(fields[i].1, t);
                targets.push(TargetChange {
                    channel,
                    target_pct,
                    target_s: t,
                });
            }
        }
        return (pick_for(&changed, None, None).map(|p| p.0) == Some(r.kind)).then_some(
            ServiceFlip {
                model: r.kind,
                looser: true,
                targets,
            },
        );
    }
    // Stricter: a target time just shorter than the pool's pace.
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
        let strict = t.ceil() - 1.0;
        if strict < fields[i].1.spec().min || strict >= ch.target_s {
            continue;
        }
        let mut changed = s.clone();
        changed.set(fields[i].1, strict);
        if let Some((model, _)) = pick_for(&changed, None, None).filter(|p| p.0 != kind) {
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
    fn choice(&self) -> Option<ModelKind> {
        pick(self.first_year, self.ok)
    }
}
