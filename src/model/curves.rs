//! How does each model's cost move with volume, and where does dedicated
//! become cheaper than shared? The three cost curves and the break-even.

use super::outcome::{BreakEven, Curves, combined_parts, dedicated_parts, shared_parts};
use super::staffing::{Ctx, PoolLive, Role, Team};
use super::year::YearProfile;

const CURVE_POINTS: usize = 50;
const CURVE_MIN: f64 = 0.05;
const CURVE_MAX: f64 = 3.0;

/// Cost samples at one volume factor.
#[derive(Clone, Copy)]
pub(crate) struct Sample {
    factor: f64,
    dedicated: f64,
    shared: f64,
}

/// A base month of the dedicated team, and of the shared pool (with
/// whether its cap cuts it), at volumes × `factor`.
fn dedicated_cost(ctx: &Ctx, team: &Team, factor: f64) -> f64 {
    dedicated_parts(ctx, team, factor, &YearProfile::FLAT, false)
        .year(ctx)
        .monthly
}

fn shared_cost(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64) -> (f64, bool) {
    let p = shared_parts(ctx, pool, factor, &YearProfile::FLAT);
    (p.year(ctx).monthly, p.served < 1.0)
}

fn sample(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64) -> Sample {
    Sample {
        factor,
        dedicated: dedicated_cost(ctx, &ctx.team(Role::Dedicated, factor, false), factor),
        shared: shared_cost(ctx, pool, factor).0,
    }
}

/// Where dedicated's month gets to shared's, nearest the scenario: on the
/// curve's points plus log-spaced points beyond them, from one contact a
/// month to the pool cap, the crossing just above the scenario's volume
/// when shared is the cheaper month there, else the lowest volume of the
/// run of volumes, the scenario's among them, where dedicated is. Dedicated
/// cost is a step function, so the two can cross more than once; the one
/// nearest the scenario is the one its figures agree with ("you have 1,800;
/// dedicated costs less from about 2,100"), found at the grid's resolution
/// and refined 12 times.
pub(crate) fn break_even(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    contacts: f64,
    curve: &[Sample],
) -> BreakEven {
    const EXTRA: usize = 8;
    let per_factor = shared_parts(ctx, pool, 1.0, &YearProfile::FLAT)
        .base
        .handled_minutes;
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
    // The scenario is on the curve (or, over the cap, beyond the grid's
    // last point): the last point at or below it says which side it is on.
    let now = grid.iter().rposition(|x| x.factor <= 1.0);
    let bracket = match now {
        Some(k) if wins(&grid[k]) => Some(match grid[..k].iter().rposition(|x| !wins(x)) {
            Some(j) => (Some(grid[j].factor), grid[j + 1].factor),
            None => (None, grid[0].factor),
        }),
        _ => {
            let from = now.map_or(0, |k| k + 1);
            grid[from..].iter().position(wins).map(|i| {
                let i = from + i;
                (i.checked_sub(1).map(|j| grid[j].factor), grid[i].factor)
            })
        }
    };
    let Some((below, mut hi)) = bracket else {
        return BreakEven {
            contacts_per_month: None,
            limited_by_pool_cap: true,
        };
    };
    if let Some(mut lo) = below {
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
pub(crate) fn curves(ctx: &Ctx, pool: &[PoolLive; 2], contacts: f64) -> (Curves, Vec<Sample>) {
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
    let same_team = ctx.core_is_full();
    let mut c = Curves {
        volumes: Vec::with_capacity(CURVE_POINTS),
        shared: Vec::with_capacity(CURVE_POINTS),
        dedicated: Vec::with_capacity(CURVE_POINTS),
        combined: Vec::with_capacity(CURVE_POINTS),
    };
    let mut samples = Vec::with_capacity(CURVE_POINTS);
    for f in factors {
        let (shared, capped) = shared_cost(ctx, pool, f);
        let team = ctx.team(Role::Dedicated, f, false);
        let dedicated = dedicated_cost(ctx, &team, f);
        let core = if same_team {
            team
        } else {
            ctx.core_beside(&team, f, false)
        };
        c.volumes.push(f * contacts);
        c.shared.push((!capped).then_some(shared));
        c.dedicated.push(dedicated);
        c.combined.push(
            combined_parts(ctx, pool, f, &YearProfile::FLAT, &core)
                .year(ctx)
                .monthly,
        );
        samples.push(Sample {
            factor: f,
            dedicated,
            shared,
        });
    }
    (c, samples)
}
