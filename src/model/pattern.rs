//! When in the week do contacts arrive, and which hours must be answered?
//! The 168-hour week (Monday 00:00 = index 0), the arrival presets and the
//! coverage masks built from a scenario.

use super::scenario::Scenario;
use serde::{Deserialize, Serialize};

pub const HOURS_PER_WEEK: usize = 168;
/// 52 weeks / 12 months.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

pub type Week<T> = [T; HOURS_PER_WEEK];

/// How a week's contacts spread over its hours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArrivalPattern {
    /// Weekday bell 08–18 with shoulders and a lunch dip; weekends ~15–20 %
    /// of a weekday; small but non-zero nights.
    #[default]
    #[serde(rename = "business")]
    BusinessHours,
    /// Busy 07–22 every day, weekends a little quieter (retail, travel).
    #[serde(rename = "extended")]
    ExtendedHours,
    /// The same every hour (global products, emergencies).
    #[serde(rename = "flat")]
    Flat,
    /// Weekday evenings 18–24 and weekend days (consumer apps, gaming).
    #[serde(rename = "evenings")]
    EveningsWeekends,
}

impl ArrivalPattern {
    pub const ALL: [ArrivalPattern; 4] = [
        ArrivalPattern::BusinessHours,
        ArrivalPattern::ExtendedHours,
        ArrivalPattern::Flat,
        ArrivalPattern::EveningsWeekends,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ArrivalPattern::BusinessHours => "business",
            ArrivalPattern::ExtendedHours => "extended",
            ArrivalPattern::Flat => "flat",
            ArrivalPattern::EveningsWeekends => "evenings",
        }
    }

    pub fn from_key(key: &str) -> Option<ArrivalPattern> {
        ArrivalPattern::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Relative hourly profiles (weekday, weekend) and day factors Mon..Sun.
/// Integers keep the table small and make equal weights compare exactly.
struct Shape {
    weekday: [u8; 24],
    weekend: [u8; 24],
    days: [u8; 7],
}

const BUSINESS_DAY: [u8; 24] = [
    4, 3, 2, 2, 2, 3, 5, 14, 55, 95, 110, 112, 95, 100, 108, 104, 92, 70, 30, 16, 10, 7, 5, 4,
];
const EXTENDED_DAY: [u8; 24] = [
    6, 4, 3, 3, 3, 5, 12, 45, 75, 95, 105, 108, 100, 102, 105, 104, 100, 95, 92, 88, 78, 62, 30, 14,
];

const BUSINESS: Shape = Shape {
    weekday: BUSINESS_DAY,
    weekend: BUSINESS_DAY,
    days: [108, 104, 100, 98, 90, 18, 14],
};
const EXTENDED: Shape = Shape {
    weekday: EXTENDED_DAY,
    weekend: EXTENDED_DAY,
    days: [105, 100, 100, 100, 100, 85, 80],
};
const EVENINGS: Shape = Shape {
    weekday: [
        10, 5, 3, 2, 2, 2, 4, 8, 12, 14, 15, 16, 20, 16, 15, 16, 22, 40, 80, 100, 105, 100, 80, 45,
    ],
    weekend: [
        30, 15, 8, 5, 4, 4, 8, 20, 45, 70, 90, 100, 100, 100, 100, 100, 100, 100, 105, 110, 110,
        100, 80, 50,
    ],
    days: [100, 100, 100, 100, 100, 110, 100],
};

/// Unnormalised integer weight of every hour.
fn raw_weights(pattern: ArrivalPattern) -> Week<u32> {
    let shape = match pattern {
        ArrivalPattern::BusinessHours => &BUSINESS,
        ArrivalPattern::ExtendedHours => &EXTENDED,
        ArrivalPattern::EveningsWeekends => &EVENINGS,
        ArrivalPattern::Flat => return [1; HOURS_PER_WEEK],
    };
    let mut out = [0; HOURS_PER_WEEK];
    for (h, w) in out.iter_mut().enumerate() {
        let day = h / 24;
        let profile = if day >= 5 {
            &shape.weekend
        } else {
            &shape.weekday
        };
        *w = u32::from(shape.days[day % 7]) * u32::from(profile[h % 24]);
    }
    out
}

/// Share of a week's contacts arriving in each hour; sums to 1.
pub fn arrival_weights(pattern: ArrivalPattern) -> Week<f64> {
    let raw = raw_weights(pattern);
    let total: u32 = raw.iter().sum();
    raw.map(|w| f64::from(w) / f64::from(total))
}

/// Hours with the same arrival weight get the same staffing, so the model
/// solves each distinct weight once (one for a flat week, a few dozen for
/// the others) instead of 168 times.
#[derive(Clone)]
pub(crate) struct Levels {
    pub of_hour: Week<u8>,
    pub weights: Vec<f64>,
}

impl Levels {
    pub fn new(pattern: ArrivalPattern) -> Levels {
        let raw = raw_weights(pattern);
        let total: u32 = raw.iter().sum();
        let mut keys: Vec<u32> = Vec::new();
        let mut of_hour = [0u8; HOURS_PER_WEEK];
        for (slot, &w) in of_hour.iter_mut().zip(raw.iter()) {
            let idx = match keys.iter().position(|&k| k == w) {
                Some(i) => i,
                None => {
                    keys.push(w);
                    keys.len() - 1
                }
            };
            // At most 168 distinct weights, so the index fits a u8.
            *slot = idx as u8;
        }
        let weights = keys
            .iter()
            .map(|&k| f64::from(k) / f64::from(total))
            .collect();
        Levels { of_hour, weights }
    }
}

/// Hours `open..close` on the first `days` days from Monday. Out-of-range or
/// NaN inputs are clamped (compute() must not panic on invalid scenarios);
/// close ≤ open gives an empty window.
pub fn window(open: f64, close: f64, days: f64) -> Week<bool> {
    // max/min, not f64::clamp: clamp's bound check panics with Debug-formatted
    // floats, which links Rust's float printer into the wasm.
    let clamp = |x: f64, lo: f64, hi: f64| if x.is_nan() { lo } else { x.max(lo).min(hi) };
    let open = clamp(open, 0.0, 24.0).floor() as usize;
    let close = clamp(close, 0.0, 24.0).floor() as usize;
    let days = clamp(days, 0.0, 7.0).floor() as usize;
    let mut out = [false; HOURS_PER_WEEK];
    for (h, slot) in out.iter_mut().enumerate() {
        *slot = h / 24 < days && (open..close).contains(&(h % 24));
    }
    out
}

/// The hours the customer wants answered.
pub fn requested_hours(s: &Scenario) -> Week<bool> {
    if s.all_week {
        [true; HOURS_PER_WEEK]
    } else {
        window(s.open_hour, s.close_hour, s.days)
    }
}

/// The combined model's dedicated core window (before intersecting it with
/// the requested hours).
pub fn core_window(s: &Scenario) -> Week<bool> {
    window(s.core_open, s.core_close, s.core_days)
}

/// Hours that carry the dedicated off-hours premium: outside Mon–Fri 08–20.
pub fn is_offhours(hour: usize) -> bool {
    let (day, h) = (hour / 24, hour % 24);
    day >= 5 || !(8..20).contains(&h)
}
