//! How does volume move over the year? Twelve multipliers of the base
//! month's volumes, January first: the presets a buyer recognises, one typed
//! or pasted, and the runs of busy months a dedicated team hires for.

use super::decimal::write_shortest;
use super::scenario::{FieldError, FieldSpec, Unit};
use serde::{Deserialize, Serialize};

pub const MONTHS: usize = 12;

/// What one month's multiplier may be, in a link or on the page: a fifth of
/// the base month to five times it.
pub const MONTH_SPEC: FieldSpec = FieldSpec {
    key: "months",
    min: 0.2,
    max: 5.0,
    default: 1.0,
    whole: false,
    unit: Unit::Multiplier,
};

/// A month of the year, 0 for January.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Month(pub u8);

impl Month {
    pub const ALL: [Month; MONTHS] = {
        let mut all = [Month(0); MONTHS];
        let mut i = 0;
        while i < MONTHS {
            all[i] = Month(i as u8);
            i += 1;
        }
        all
    };

    pub fn index(self) -> usize {
        usize::from(self.0) % MONTHS
    }
}

/// The year's shapes a buyer picks from; `Custom` is any other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Season {
    Flat,
    /// One busy month, December at 1.3: the year the calculator starts
    /// from (see [`YearProfile::default`]).
    December,
    /// Holiday shopping and returns: November to January.
    Retail,
    /// The filing season: February to April.
    Tax,
    /// Summer travel: June to August.
    Summer,
    /// Back to school: August and September.
    School,
    Custom,
}

impl Season {
    /// The presets, in the order the page offers them.
    pub const PRESETS: [Season; 6] = [
        Season::Flat,
        Season::December,
        Season::Retail,
        Season::Tax,
        Season::Summer,
        Season::School,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Season::Flat => "flat",
            Season::December => "december",
            Season::Retail => "retail",
            Season::Tax => "tax",
            Season::Summer => "summer",
            Season::School => "school",
            Season::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<Season> {
        Season::PRESETS.into_iter().find(|s| s.key() == key)
    }

    /// The preset's months (docs/model.md gives the sources of each
    /// height); `None` for `Custom`.
    pub fn profile(self) -> Option<YearProfile> {
        let mut m = [1.0; MONTHS];
        match self {
            Season::Flat => {}
            Season::December => return Some(YearProfile::default()),
            Season::Retail => (m[10], m[11], m[0]) = (1.4, 1.6, 1.2),
            Season::Tax => (m[1], m[2], m[3]) = (1.5, 1.8, 2.0),
            Season::Summer => (m[5], m[6], m[7]) = (1.5, 1.8, 1.5),
            Season::School => (m[7], m[8]) = (1.6, 1.8),
            Season::Custom => return None,
        }
        Some(YearProfile(m))
    }
}

/// Volume in each month of the year against the base month (the volumes
/// typed), January first. The base month is 1.0: a dedicated team is
/// staffed for it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct YearProfile(pub [f64; MONTHS]);

/// Why twelve typed multipliers cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum MonthsError {
    /// Not twelve values.
    Count { found: usize },
    /// The value of `month` cannot be used.
    Value { month: Month, error: FieldError },
}

/// The month a legacy `peak=` link's busy month becomes: every month gives
/// the same first-year cost (one busy month is one season wherever it
/// falls), and December is the busy month most buyers mean.
pub const LEGACY_PEAK_MONTH: Month = Month(11);

impl Default for YearProfile {
    /// The year the calculator starts from: December at 1.3, as the one
    /// peak month it started from before it knew twelve.
    fn default() -> Self {
        YearProfile::one_peak(1.3)
    }
}

impl YearProfile {
    pub const FLAT: YearProfile = YearProfile([1.0; MONTHS]);

    /// A year of base months with one busy month, [`LEGACY_PEAK_MONTH`],
    /// at `peak`: what a `peak=` link meant.
    pub fn one_peak(peak: f64) -> YearProfile {
        let mut m = [1.0; MONTHS];
        m[LEGACY_PEAK_MONTH.index()] = peak;
        YearProfile(m)
    }

    pub fn months(&self) -> &[f64; MONTHS] {
        &self.0
    }

    pub fn get(&self, month: Month) -> f64 {
        self.0[month.index()]
    }

    /// The preset these months are, or `Custom`.
    pub fn season(&self) -> Season {
        Season::PRESETS
            .into_iter()
            .find(|s| s.profile().as_ref() == Some(self))
            .unwrap_or(Season::Custom)
    }

    /// The busiest month's multiplier.
    pub fn height(&self) -> f64 {
        self.0.iter().copied().fold(f64::MIN, f64::max)
    }

    /// Months above the base month.
    pub fn busy(&self) -> [bool; MONTHS] {
        self.0.map(|m| m > 1.0)
    }

    /// The same season at another height: each busy month's surplus over
    /// the base month scaled so the busiest is at `height`; the other
    /// months as they are. A year with no busy month stays as it is.
    pub fn with_height(&self, height: f64) -> YearProfile {
        let top = self.height();
        if top <= 1.0 {
            return *self;
        }
        let k = (height - 1.0) / (top - 1.0);
        YearProfile(
            self.0
                .map(|m| if m > 1.0 { 1.0 + (m - 1.0) * k } else { m }),
        )
    }

    /// Each month's multiplier forced into [`MONTH_SPEC`]'s range, NaN to
    /// the base month.
    pub fn sanitized(&self) -> YearProfile {
        YearProfile(self.0.map(|m| {
            if m.is_nan() {
                1.0
            } else {
                m.clamp(MONTH_SPEC.min, MONTH_SPEC.max)
            }
        }))
    }

    /// The twelve multipliers as a link writes them: comma-separated.
    pub fn to_link(&self) -> String {
        let parts: Vec<String> = self.0.iter().map(|&m| write_shortest(m)).collect();
        parts.join(",")
    }

    /// Twelve multipliers separated by commas, semicolons, tabs, spaces or
    /// line breaks (a row or a column pasted from a spreadsheet), each read
    /// as a number box reads it.
    pub fn parse(text: &str) -> Result<YearProfile, MonthsError> {
        YearProfile::parse_in(text, false)
    }

    /// The same, in a language whose decimal mark is the comma: there the
    /// values are first taken as separated by anything but commas
    /// ("1,2\t1,4" or "1,2; 1,4"), and only if that is not twelve values
    /// by commas too ("1,1,1,1,1,1,1,1,1,1,2,3").
    pub fn parse_in(text: &str, decimal_comma: bool) -> Result<YearProfile, MonthsError> {
        const APART: [char; 6] = [';', '\t', '\n', '\r', ' ', '\u{3001}'];
        const COMMAS: [char; 2] = [',', '\u{ff0c}'];
        let values_at = |split_at_commas: bool| -> Vec<&str> {
            text.split(|c| APART.contains(&c) || (split_at_commas && COMMAS.contains(&c)))
                .map(|v| v.trim_matches(|c| COMMAS.contains(&c)).trim())
                .filter(|v| !v.is_empty())
                .collect()
        };
        let mut values = values_at(!decimal_comma);
        if decimal_comma && values.len() != MONTHS {
            let at_commas = values_at(true);
            if at_commas.len() == MONTHS {
                values = at_commas;
            }
        }
        if values.len() != MONTHS {
            return Err(MonthsError::Count {
                found: values.len(),
            });
        }
        let mut out = [1.0; MONTHS];
        for (month, (slot, text)) in Month::ALL.into_iter().zip(out.iter_mut().zip(values)) {
            *slot = MONTH_SPEC
                .parse_in(text, decimal_comma)
                .map_err(|error| MonthsError::Value { month, error })?;
        }
        Ok(YearProfile(out))
    }

    /// For each month, the first month with the same multiplier: the model
    /// prices each distinct multiplier once and reuses it.
    pub fn first_alike(&self) -> [usize; MONTHS] {
        let mut out = [0; MONTHS];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = (0..i).find(|&j| self.0[j] == self.0[i]).unwrap_or(i);
        }
        out
    }

    /// Prices each month, calling `price` once per distinct multiplier
    /// (and not at all for one equal to `base`'s, which is reused).
    pub fn each_month<T: Clone>(
        &self,
        base: (f64, &T),
        mut price: impl FnMut(f64) -> T,
    ) -> [T; MONTHS] {
        let first = self.first_alike();
        let mut out: [Option<T>; MONTHS] = Default::default();
        for i in 0..MONTHS {
            let value = if self.0[i] == base.0 {
                base.1.clone()
            } else if first[i] < i {
                out[first[i]].clone().unwrap_or_else(|| price(self.0[i]))
            } else {
                price(self.0[i])
            };
            out[i] = Some(value);
        }
        out.map(|v| v.unwrap_or_else(|| base.1.clone()))
    }
}

/// Who a dedicated team's seasons hire, and who it keeps on between them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Hiring {
    /// Seasonal agents hired (trained, ramped up) in each month, at the
    /// start of the season they work.
    pub hired: [u32; MONTHS],
    /// Seasonal agents kept on seat in a month that does not need them,
    /// because paying them through a short gap between two seasons, less
    /// the overtime they work instead, costs less than hiring them again.
    pub kept: [u32; MONTHS],
}

/// What the hiring plan weighs for one seasonal agent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeasonCosts {
    /// An agent's month on seat.
    pub month: f64,
    /// A hire: training and ramp-up, once per season worked.
    pub hire: f64,
    /// What one FTE of overtime costs more than the same hours worked by
    /// an agent already paid for them: the saving of an agent kept on seat
    /// in a month that would otherwise work overtime.
    pub overtime: f64,
}

/// The hiring for `needed` seasonal agents in each month, where each month
/// also works `overtime_fte` of overtime. Each agent counts on its own:
/// the k-th agent works the months that need at least k, hired once for
/// each run of them (a season), and kept through a gap between two runs
/// where the gap costs less than a hire. A kept agent works the gap's
/// overtime hours first, so a gap that works overtime costs its agents
/// that much less; without that, a busier month could cost less (its
/// season keeps the agents a quieter one pays overtime and hires again).
/// A year needing the agent in every month, or bridged all round, hires
/// it once.
pub fn hiring(needed: &[u32; MONTHS], overtime_fte: &[f64; MONTHS], costs: SeasonCosts) -> Hiring {
    let mut out = Hiring::default();
    let mut below = 0;
    // Each distinct level from the lowest, the next one above the last:
    // twelve months need no sort, whose code would be the only one in the
    // page's main wasm (about 3.5 KB).
    while let Some(level) = needed.iter().copied().filter(|&n| n > below).min() {
        // Agents below+1 ..= level work exactly these months.
        let count = level - below;
        below = level;
        let on = needed.map(|n| n >= level);
        // At each run's first month, the length of the gap before it;
        // 0 elsewhere. Arrays, not vectors: this is on the first screen.
        let gap: [usize; MONTHS] = std::array::from_fn(|i| {
            if on[i] && !on[(i + MONTHS - 1) % MONTHS] {
                (1..MONTHS)
                    .take_while(|d| !on[(i + MONTHS - d) % MONTHS])
                    .count()
            } else {
                0
            }
        });
        if gap == [0; MONTHS] {
            out.hired[0] += count;
            continue;
        }
        let gap_months =
            |start: usize| (1..=gap[start]).map(move |d| (start + MONTHS - d) % MONTHS);
        // Overtime a further kept agent would still work in month `m`.
        let left = |out: &Hiring, m: usize| overtime_fte[m] - f64::from(out.kept[m]);
        let mut placed = 0;
        while placed < count {
            // Agents from here on save the same once no gap has overtime
            // left for them; until then, one at a time.
            let alike = if (0..MONTHS).all(|m| on[m] || left(&out, m) <= 0.0) {
                count - placed
            } else {
                1
            };
            let bridge: [f64; MONTHS] = std::array::from_fn(|start| {
                gap_months(start)
                    .map(|m| costs.month - costs.overtime * left(&out, m).clamp(0.0, 1.0))
                    .sum()
            });
            // At least one run hires: the one after the dearest gap.
            let starts = || (0..MONTHS).filter(|&i| gap[i] > 0);
            let mut hires = None;
            for start in starts() {
                if hires.is_none_or(|h: usize| bridge[start] >= bridge[h]) {
                    hires = Some(start);
                }
            }
            for start in starts() {
                if Some(start) != hires && bridge[start] < costs.hire {
                    for m in gap_months(start) {
                        out.kept[m] += alike;
                    }
                } else {
                    out.hired[start] += alike;
                }
            }
            placed += alike;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const COSTS: SeasonCosts = SeasonCosts {
        month: 2_000.0,
        hire: 2_500.0,
        overtime: 1_000.0,
    };

    #[test]
    fn a_season_that_crosses_new_year_hires_once_in_its_first_month() {
        let mut needed = [0; MONTHS];
        (needed[10], needed[11], needed[0]) = (2, 3, 1);
        let h = hiring(&needed, &[0.0; MONTHS], COSTS);
        assert_eq!((h.hired[10], h.hired[11], h.hired[0]), (2, 1, 0));
    }

    #[test]
    fn a_season_hires_once_and_a_short_gap_keeps_its_agents() {
        // Three agents June to August, one more in July: one hire each.
        let mut needed = [0; MONTHS];
        needed[5..8].copy_from_slice(&[3, 4, 3]);
        let h = hiring(&needed, &[0.0; MONTHS], COSTS);
        assert_eq!(h.hired[5], 3);
        assert_eq!(h.hired[6], 1);
        assert_eq!(h.hired.iter().sum::<u32>(), 4);
        assert_eq!(h.kept, [0; MONTHS]);
        // Two seasons a month apart: keeping two agents through the gap
        // costs less than hiring them again; two months apart it does not.
        let mut two = [0; MONTHS];
        (two[3], two[5]) = (2, 2);
        let h = hiring(&two, &[0.0; MONTHS], COSTS);
        assert_eq!((h.hired[3] + h.hired[5], h.kept[4]), (2, 2));
        (two[5], two[6]) = (0, 2);
        let h = hiring(&two, &[0.0; MONTHS], COSTS);
        assert_eq!((h.hired[3], h.hired[6]), (2, 2));
        assert_eq!(h.kept, [0; MONTHS]);
        // Every month: hired once, in January.
        let h = hiring(&[1; MONTHS], &[0.0; MONTHS], COSTS);
        assert_eq!(h.hired[0], 1);
        assert_eq!(h.hired.iter().sum::<u32>(), 1);
    }

    #[test]
    fn a_gap_that_works_overtime_costs_its_kept_agents_less() {
        // Two seasons two months apart: $4,000 of months against a $2,500
        // hire, so the gap is not bridged; with two FTE of overtime in
        // each gap month, two agents cost $2,000 less there and are kept,
        // and a third, with no overtime left to work, is hired again.
        let mut needed = [0; MONTHS];
        (needed[3], needed[6]) = (3, 3);
        let h = hiring(&needed, &[0.0; MONTHS], COSTS);
        assert_eq!((h.hired[3], h.hired[6], h.kept[4]), (3, 3, 0));
        let mut overtime = [0.0; MONTHS];
        (overtime[4], overtime[5]) = (2.0, 2.0);
        let h = hiring(&needed, &overtime, COSTS);
        assert_eq!((h.hired[3], h.hired[6]), (3, 1));
        assert_eq!((h.kept[4], h.kept[5]), (2, 2));
        // Half an FTE left saves half as much: $1,000 of a $4,000 gap.
        (overtime[4], overtime[5]) = (2.5, 2.5);
        assert_eq!(hiring(&needed, &overtime, COSTS).hired[6], 1);
        (overtime[4], overtime[5]) = (2.8, 2.8);
        let h = hiring(&needed, &overtime, COSTS);
        assert_eq!((h.hired[6], h.kept[4]), (0, 3));
        // Overtime in every month off season, the long gap's too: the
        // agents are still placed one at a time while any is left, so the
        // third finds none left in the short gap and is hired again.
        let everywhere = std::array::from_fn(|m| if needed[m] > 0 { 0.0 } else { 2.0 });
        let h = hiring(&needed, &everywhere, COSTS);
        assert_eq!((h.hired[3], h.hired[6], h.kept[4]), (3, 1, 2));
    }

    #[test]
    fn each_distinct_multiplier_is_priced_once() {
        let y = YearProfile([1.0, 1.5, 1.5, 2.0, 1.0, 1.0, 1.5, 1.0, 1.0, 1.0, 1.0, 2.0]);
        let mut asked = Vec::new();
        let priced = y.each_month((1.0, &0.0), |m| {
            asked.push(m);
            m * 10.0
        });
        assert_eq!(asked, vec![1.5, 2.0]);
        assert_eq!(priced[6], 15.0);
        assert_eq!(priced[11], 20.0);
        assert_eq!(priced[4], 0.0);
    }

    #[test]
    fn twelve_pasted_numbers_read_as_a_row_or_a_column() {
        let row = "1\t1\t1.2;1 1 1 1 1 1 1, 1.4,1.6";
        let column = "1\n1\n1.2\n1\n1\n1\n1\n1\n1\n1\n1.4\n1.6\n";
        assert_eq!(YearProfile::parse(row), YearProfile::parse(column));
        assert_eq!(
            YearProfile::parse("1,2"),
            Err(MonthsError::Count { found: 2 })
        );
        assert!(matches!(
            YearProfile::parse("1,1,1,1,1,1,1,1,1,1,1,9"),
            Err(MonthsError::Value {
                month: Month(11),
                ..
            })
        ));
    }

    #[test]
    fn pasted_decimal_commas_read_where_the_comma_is_the_decimal_mark() {
        let ru = "1,2\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1,4\t1,6";
        let en = "1.2 1 1 1 1 1 1 1 1 1 1.4 1.6";
        assert_eq!(YearProfile::parse_in(ru, true), YearProfile::parse(en));
        let column = ru.replace('\t', "\n");
        assert_eq!(YearProfile::parse_in(&column, true), YearProfile::parse(en));
        assert_eq!(
            YearProfile::parse_in("1,2; 1; 1; 1; 1; 1; 1; 1; 1; 1; 1,4; 1,6", true),
            YearProfile::parse(en)
        );
        // Whole numbers with commas between them are twelve values; a count
        // is of the values as the language reads them.
        assert_eq!(
            YearProfile::parse_in("1,2; 1,4", true),
            Err(MonthsError::Count { found: 2 })
        );
        assert_eq!(
            YearProfile::parse_in("1,1,1,1,1,1,1,1,1,1,2,3", true),
            YearProfile::parse("1 1 1 1 1 1 1 1 1 1 2 3")
        );
        // A row with commas after each value, in English.
        assert_eq!(
            YearProfile::parse("1.2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.4, 1.6"),
            YearProfile::parse(en)
        );
    }
}
