//! When in the week do contacts arrive, and which hours must be answered?
//! The 168-hour week (Monday 00:00 = index 0), the arrival presets, the
//! buyer's own week shape and the coverage masks built from a scenario.

use super::scenario::Scenario;
use serde::{Deserialize, Serialize};

pub const HOURS_PER_WEEK: usize = 168;
/// 52 weeks / 12 months.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

pub type Week<T> = [T; HOURS_PER_WEEK];

/// How a week's contacts spread over its hours.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The buyer's own volumes, hour by hour (see `hourly.rs`).
    #[serde(rename = "custom")]
    Custom(WeekShape),
}

impl ArrivalPattern {
    pub const ALL: [ArrivalPattern; 4] = [
        ArrivalPattern::BusinessHours,
        ArrivalPattern::ExtendedHours,
        ArrivalPattern::Flat,
        ArrivalPattern::EveningsWeekends,
    ];

    pub fn key(&self) -> &'static str {
        match self {
            ArrivalPattern::BusinessHours => "business",
            ArrivalPattern::ExtendedHours => "extended",
            ArrivalPattern::Flat => "flat",
            ArrivalPattern::EveningsWeekends => "evenings",
            ArrivalPattern::Custom(_) => CUSTOM_KEY,
        }
    }

    /// One of the presets; `custom` needs its weights, so it is not here.
    pub fn from_key(key: &str) -> Option<ArrivalPattern> {
        ArrivalPattern::ALL.into_iter().find(|p| p.key() == key)
    }
}

pub const CUSTOM_KEY: &str = "custom";

/// The buyer's own week: 168 whole weights from 0 to `WeekShape::MAX`, the
/// busiest hour at `MAX`, at least one above 0. Whole numbers make the
/// link's form exact and equal hours compare equal, as the presets' do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<u16>", into = "Vec<u16>")]
pub struct WeekShape(Box<Week<u16>>);

/// The link form's version and its 64 digits (base64url: no escaping).
const SHAPE_VERSION: &str = "1.";
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

impl WeekShape {
    /// Two link digits per hour: 4096 steps of the busiest hour.
    pub const MAX: u16 = 4095;

    /// The shape of contacts counted per hour. An hour with any contacts
    /// keeps at least weight 1, so no hour that had contacts loses them
    /// all to rounding. `None` when no hour has a positive count.
    pub fn from_counts(counts: &Week<f64>) -> Option<WeekShape> {
        let top = counts
            .iter()
            .filter(|c| c.is_finite())
            .fold(0.0_f64, |m, &c| m.max(c));
        if top <= 0.0 {
            return None;
        }
        let scale = f64::from(WeekShape::MAX) / top;
        Some(WeekShape(Box::new(counts.map(|c| {
            if c.is_finite() && c > 0.0 {
                // In 1..=MAX, so the cast is exact.
                (c * scale).round().max(1.0) as u16
            } else {
                0
            }
        }))))
    }

    pub fn weights(&self) -> &Week<u16> {
        &self.0
    }

    /// `1.` then two digits per hour, Monday 00:00 first.
    pub fn to_link(&self) -> String {
        let mut out = String::with_capacity(SHAPE_VERSION.len() + 2 * HOURS_PER_WEEK);
        out.push_str(SHAPE_VERSION);
        for &w in self.0.iter() {
            for digit in [w >> 6, w & 63] {
                out.push(char::from(DIGITS[usize::from(digit)]));
            }
        }
        out
    }

    /// The shape `to_link` wrote, or `None` for anything else: another
    /// version, a wrong length, a foreign digit, a week with no contacts.
    pub fn from_link(text: &str) -> Option<WeekShape> {
        let digits = text.strip_prefix(SHAPE_VERSION)?.as_bytes();
        if digits.len() != 2 * HOURS_PER_WEEK {
            return None;
        }
        let value = |b: u8| DIGITS.iter().position(|&d| d == b).map(|i| i as u16);
        let mut week = [0u16; HOURS_PER_WEEK];
        for (slot, pair) in week.iter_mut().zip(digits.chunks_exact(2)) {
            *slot = (value(pair[0])? << 6) | value(pair[1])?;
        }
        WeekShape::try_from(week.to_vec()).ok()
    }
}

/// Why a list of weights is not a week shape.
#[derive(Debug)]
pub struct NotAWeek;

impl std::fmt::Display for NotAWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("168 weights from 0 to 4095, some above 0")
    }
}

impl TryFrom<Vec<u16>> for WeekShape {
    type Error = NotAWeek;

    fn try_from(weights: Vec<u16>) -> Result<WeekShape, NotAWeek> {
        let week: Week<u16> = weights.try_into().map_err(|_| NotAWeek)?;
        let fits = week.iter().all(|&w| w <= WeekShape::MAX);
        if fits && week.iter().any(|&w| w > 0) {
            Ok(WeekShape(Box::new(week)))
        } else {
            Err(NotAWeek)
        }
    }
}

impl From<WeekShape> for Vec<u16> {
    fn from(shape: WeekShape) -> Vec<u16> {
        shape.0.to_vec()
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
fn raw_weights(pattern: &ArrivalPattern) -> Week<u32> {
    let shape = match pattern {
        ArrivalPattern::BusinessHours => &BUSINESS,
        ArrivalPattern::ExtendedHours => &EXTENDED,
        ArrivalPattern::EveningsWeekends => &EVENINGS,
        ArrivalPattern::Flat => return [1; HOURS_PER_WEEK],
        ArrivalPattern::Custom(shape) => return shape.weights().map(u32::from),
    };
    let mut out = [0; HOURS_PER_WEEK];
    // Day by day, hour by hour: no division for every hour.
    for (day, hours) in out.chunks_exact_mut(24).enumerate() {
        let profile = if day >= 5 {
            &shape.weekend
        } else {
            &shape.weekday
        };
        for (w, &p) in hours.iter_mut().zip(profile.iter()) {
            *w = u32::from(shape.days[day]) * u32::from(p);
        }
    }
    out
}

/// Hours with the same arrival weight get the same staffing, so the model
/// solves each distinct weight once (one for a flat week, a few dozen for
/// the others) instead of 168 times.
#[derive(Clone)]
pub(crate) struct Levels {
    pub of_hour: Week<u8>,
    pub weights: Vec<f64>,
    /// The levels, busiest first.
    by_weight: Vec<u8>,
}

impl Levels {
    pub fn new(pattern: &ArrivalPattern) -> Levels {
        let raw = raw_weights(pattern);
        let total: u32 = raw.iter().sum();
        // The distinct weights found so far, lightest first, each with its
        // level: an hour's weight is looked up by halving, where a search
        // through every level found so far cost more than the rest of the
        // context (a preset week has over a hundred weights).
        let mut sorted: Vec<(u32, u8)> = Vec::new();
        let mut keys: Vec<u32> = Vec::new();
        let mut of_hour = [0u8; HOURS_PER_WEEK];
        for (slot, &w) in of_hour.iter_mut().zip(raw.iter()) {
            let at = sorted.partition_point(|&(k, _)| k < w);
            *slot = match sorted.get(at) {
                Some(&(k, level)) if k == w => level,
                _ => {
                    // At most 168 distinct weights, so the index fits a u8.
                    let level = keys.len() as u8;
                    keys.push(w);
                    sorted.insert(at, (w, level));
                    level
                }
            };
        }
        let weights: Vec<f64> = keys
            .iter()
            .map(|&k| f64::from(k) / f64::from(total))
            .collect();
        let by_weight = sorted.iter().rev().map(|&(_, level)| level).collect();
        Levels {
            of_hour,
            weights,
            by_weight,
        }
    }

    /// Share of a week's contacts arriving in each hour; sums to 1. Each
    /// is its level's weight, so equal hours stay equal.
    pub fn hour_weights(&self) -> Week<f64> {
        std::array::from_fn(|h| self.weights[usize::from(self.of_hour[h])])
    }

    /// The hours in `hours`, busiest first; equally busy hours in
    /// bit-reversed order, so that any number of seats is spread across
    /// the week. A counting sort: the levels by weight, then each hour
    /// dealt into its level's place in that order.
    pub fn busiest_first(&self, hours: &Week<bool>) -> Vec<usize> {
        // Where each level's hours start in the order.
        let mut start = vec![0usize; self.weights.len()];
        for h in (0..HOURS_PER_WEEK).filter(|&h| hours[h]) {
            start[usize::from(self.of_hour[h])] += 1;
        }
        let mut next = 0;
        for &l in &self.by_weight {
            let l = usize::from(l);
            (start[l], next) = (next, next + start[l]);
        }
        let mut order = vec![0usize; next];
        // Hours in bit-reversed order: r runs up, its reverse is the hour.
        for r in 0..=u8::MAX {
            let h = usize::from(r.reverse_bits());
            if h < HOURS_PER_WEEK && hours[h] {
                let slot = &mut start[usize::from(self.of_hour[h])];
                order[*slot] = h;
                *slot += 1;
            }
        }
        order
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
    for hours in out.chunks_exact_mut(24).take(days) {
        for (hour, slot) in hours.iter_mut().enumerate() {
            *slot = (open..close).contains(&hour);
        }
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
    OFF_HOURS.get(hour).copied().unwrap_or(true)
}

/// [`is_offhours`] for each hour of the week, built at compile time: a
/// shift reads it for every hour, where dividing by 24 each time cost
/// more than the rest of the reading.
const OFF_HOURS: Week<bool> = {
    let mut out = [true; HOURS_PER_WEEK];
    let mut h = 0;
    while h < HOURS_PER_WEEK {
        out[h] = h / 24 >= 5 || h % 24 < 8 || h % 24 >= 20;
        h += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The levels are the week's distinct weights numbered as they first
    /// appear, read hour by hour against those found so far (as the model
    /// once did), and ordered busiest first.
    #[test]
    fn levels_number_the_distinct_weights_as_they_first_appear() {
        let mut shapes: Vec<ArrivalPattern> = ArrivalPattern::ALL.to_vec();
        // Few weights, many repeated; all distinct; the largest weight.
        for step in [7usize, 1, 4095] {
            let week: Vec<u16> = (0..HOURS_PER_WEEK)
                .map(|h| ((h * step) % 4096).min(4095) as u16)
                .map(|w| if step == 7 { w % 5 } else { w })
                .collect();
            shapes.extend(WeekShape::try_from(week).map(ArrivalPattern::Custom));
        }
        assert_eq!(shapes.len(), 7);
        for pattern in shapes {
            let raw = raw_weights(&pattern);
            let total: u32 = raw.iter().sum();
            let mut keys: Vec<u32> = Vec::new();
            let mut of_hour = [0u8; HOURS_PER_WEEK];
            for (slot, &w) in of_hour.iter_mut().zip(raw.iter()) {
                *slot = match keys.iter().position(|&k| k == w) {
                    Some(i) => i,
                    None => {
                        keys.push(w);
                        keys.len() - 1
                    }
                } as u8;
            }
            let mut by_weight: Vec<u8> = (0..keys.len() as u8).collect();
            by_weight.sort_by(|&a, &b| keys[usize::from(b)].cmp(&keys[usize::from(a)]));
            let levels = Levels::new(&pattern);
            assert_eq!(levels.of_hour, of_hour, "{pattern:?}");
            let weights: Vec<f64> = keys
                .iter()
                .map(|&k| f64::from(k) / f64::from(total))
                .collect();
            assert_eq!(levels.weights, weights, "{pattern:?}");
            assert_eq!(levels.by_weight, by_weight, "{pattern:?}");
        }
    }

    /// Each hour's share is its raw weight over the week's, to the bit:
    /// read from its level, as the model reads it, not divided again.
    #[test]
    fn an_hours_weight_is_its_raw_weight_over_the_weeks() {
        let mut custom = [0u16; HOURS_PER_WEEK];
        for (h, w) in custom.iter_mut().enumerate() {
            *w = (h * 37 % 11) as u16;
        }
        let custom = WeekShape::try_from(custom.to_vec()).map(ArrivalPattern::Custom);
        for pattern in ArrivalPattern::ALL.into_iter().chain(custom) {
            let raw = raw_weights(&pattern);
            let total: u32 = raw.iter().sum();
            let weights = Levels::new(&pattern).hour_weights();
            for (h, (&w, &r)) in weights.iter().zip(raw.iter()).enumerate() {
                assert_eq!(w, f64::from(r) / f64::from(total), "{pattern:?} hour {h}");
            }
            let sum: f64 = weights.iter().sum();
            assert!((sum - 1.0).abs() < 1e-12, "{pattern:?}: {sum}");
        }
    }

    /// The week written day by day and the off-hours built at compile
    /// time are the week read hour by hour, as the model once read it:
    /// the presets' weights, the windows and the off-hours.
    #[test]
    fn the_week_read_day_by_day_is_the_week_read_hour_by_hour() {
        for pattern in [
            ArrivalPattern::BusinessHours,
            ArrivalPattern::ExtendedHours,
            ArrivalPattern::EveningsWeekends,
        ] {
            let shape = match pattern {
                ArrivalPattern::BusinessHours => &BUSINESS,
                ArrivalPattern::ExtendedHours => &EXTENDED,
                _ => &EVENINGS,
            };
            let by_hour: Week<u32> = std::array::from_fn(|h| {
                let profile = if h / 24 >= 5 {
                    &shape.weekend
                } else {
                    &shape.weekday
                };
                u32::from(shape.days[h / 24 % 7]) * u32::from(profile[h % 24])
            });
            assert_eq!(raw_weights(&pattern), by_hour, "{pattern:?}");
        }
        for (open, close) in [
            (0.0_f64, 24.0_f64),
            (8.0, 18.0),
            (9.5, 12.0),
            (20.0, 8.0),
            (-3.0, 30.0),
        ] {
            for days in [0.0_f64, 1.0, 5.0, 6.9, 7.0, 9.0] {
                let (from, to) = (
                    open.clamp(0.0, 24.0) as usize,
                    close.clamp(0.0, 24.0) as usize,
                );
                let first = days.clamp(0.0, 7.0) as usize;
                let by_hour: Week<bool> =
                    std::array::from_fn(|h| h / 24 < first && (from..to).contains(&(h % 24)));
                assert_eq!(
                    window(open, close, days),
                    by_hour,
                    "{open}..{close}, {days} days"
                );
            }
        }
        for hour in 0..2 * HOURS_PER_WEEK {
            let (day, h) = (hour / 24, hour % 24);
            assert_eq!(
                is_offhours(hour),
                day >= 5 || !(8..20).contains(&h),
                "hour {hour}"
            );
        }
    }
}
