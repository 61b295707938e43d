//! The pure model: a [`Scenario`] in, an [`Outcome`] out. It owns every
//! number Supportcalc shows; the UI only formats them. std + serde only, so
//! it compiles unchanged to WebAssembly and natively for tests.

pub mod advice;
pub mod blend;
pub mod compare;
pub mod currency;
pub mod curves;
pub mod decimal;
pub mod erlang;
pub mod hourly;
pub mod outcome;
pub mod own_team;
pub mod pattern;
pub mod pricing;
pub mod query;
pub mod quote;
pub mod scenario;
pub mod staffing;
pub mod year;

pub use currency::{Currency, Money};
pub use erlang::{
    ErlangA, average_speed_of_answer, erlang_a, erlang_b, erlang_c, required_agents,
    scheduled_agents, service_level, time_to_answer,
};
pub use outcome::{
    BreakEven, Channel, ChannelService, Curves, Figures, Flip, HourCover, HoursFlip, Lever,
    ModelKind, ModelResult, MonthResult, Outcome, Reason, Recommendation, Sensitivity,
    SensitivityPart, SensitivityWork, ServiceFlip, TargetChange, WhatIf, compute, figures,
    outsourcing_figures, outsourcing_sensitivity, price, sensitivity,
};
pub use pattern::{ArrivalPattern, HOURS_PER_WEEK, WEEKS_PER_MONTH};
pub use pricing::{Breakdown, CostItem, fte};
pub use query::{QueryWarning, QueryWarningKind};
pub use scenario::{
    Field, FieldError, FieldRef, FieldSpec, LanguageShare, Preset, Problem, ProblemKind, Region,
    Scenario, Unit,
};
pub use year::{MONTH_SPEC, MONTHS, Month, MonthsError, Season, YearProfile};

/// `x` within `lo..=hi`, as `f64::clamp` gives it (NaN stays NaN) for
/// bounds that are only known at run time. Not `f64::clamp`: its check that
/// `lo <= hi` panics with the bounds Debug-formatted, which links Rust's
/// float printer (about 12 KB) into the first screen's wasm; bounds out of
/// order here give `lo` below it and `hi` above it, never a panic.
pub(crate) fn clamp_to(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// The lesser of `x` and `y`, a NaN ignored: `f64::min` as the platform's
/// `fmin` computes it (`y` when they are equal, zeros of either sign too),
/// written out because the size-built model calls `fmin` for it, a call
/// in the hottest margins.
#[inline(always)]
pub(crate) fn least(x: f64, y: f64) -> f64 {
    if y.is_nan() || x < y { x } else { y }
}

/// The greater of `x` and `y`, a NaN ignored: `f64::max` as `fmax`
/// computes it (`x` when they are equal), written out as [`least`] is.
#[inline(always)]
pub(crate) fn greatest(x: f64, y: f64) -> f64 {
    if x.is_nan() || x < y { y } else { x }
}

#[cfg(test)]
mod tests {
    use super::{clamp_to, greatest, least};

    #[test]
    fn least_and_greatest_are_f64_min_and_max_to_the_bit() {
        let values = [
            -1.5,
            -0.0,
            0.0,
            1e-300,
            0.8,
            1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in values {
            for y in values {
                // Zeros of opposite signs are equal, and std returns either.
                if x == 0.0 && y == 0.0 {
                    assert_eq!(least(x, y).to_bits(), y.to_bits());
                    assert_eq!(greatest(x, y).to_bits(), x.to_bits());
                    continue;
                }
                for (ours, std) in [(least(x, y), x.min(y)), (greatest(x, y), x.max(y))] {
                    assert!(
                        ours.to_bits() == std.to_bits() || ours.is_nan() && std.is_nan(),
                        "{x} {y}"
                    );
                }
            }
        }
    }

    #[test]
    fn clamp_to_is_f64_clamp_for_ordered_bounds_and_never_panics() {
        for x in [-5.0, 0.0, 0.5, 1.0, 7.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(clamp_to(x, 0.0, 1.0), x.clamp(0.0, 1.0), "{x}");
        }
        assert!(clamp_to(f64::NAN, 0.0, 1.0).is_nan());
        assert_eq!(clamp_to(-1.0, 2.0, 1.0), 2.0);
        assert_eq!(clamp_to(3.0, 2.0, 1.0), 1.0);
        assert_eq!(clamp_to(0.5, f64::NAN, 1.0), 0.5);
    }
}
