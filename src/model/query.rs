//! How is a scenario written into a shareable link, and read back from an
//! untrusted one? Version 1 of the query format: `v=1` then only the keys
//! that differ from their defaults, in a fixed order.

use super::decimal::write_shortest;
use super::pattern::{ArrivalPattern, CUSTOM_KEY, WeekShape};
use super::scenario::{
    Field, FieldError, FieldRef, FieldSpec, LANGUAGE_SHARE_SPEC, LanguageShare, MAX_LANGUAGES,
    ProblemKind, Region, Scenario, Unit, language_problems,
};
use super::year::{LEGACY_PEAK_MONTH, Month, MonthsError, Season, YearProfile};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// What `peak=` (the one busy month's multiplier) could be before the
/// year had twelve months.
pub const LEGACY_PEAK_SPEC: FieldSpec = FieldSpec {
    key: "peak",
    min: 1.0,
    max: 3.0,
    default: 1.3,
    whole: false,
    unit: Unit::Multiplier,
};

/// Keys the UI owns (display options); the model ignores them silently,
/// as none is a key it reads (`is_scenario_key`).
pub const UI_KEYS: [&str; 11] = [
    "embed", "lang", "accent", "preset", "show", "cur", "fx", "cta", "cmp", "present", "quotes",
];

/// The keys the model reads besides its number fields' own.
pub const CHOICE_KEYS: [&str; 14] = [
    "months",
    "season",
    "peak",
    "v",
    "region",
    "pattern",
    "week",
    "h24",
    "multi",
    "spec",
    "t2_out",
    "seasonal",
    "acw_billed",
    "langs",
];

/// Whether the model reads this key: a link part that carries a scenario
/// (a saved one in `cmp=`) and holds any other key was cut or altered.
pub fn is_scenario_key(key: &str) -> bool {
    CHOICE_KEYS.contains(&key) || Field::from_key(key).is_some()
}

const MAX_WARNING_VALUE: usize = 64;

/// A value in a link that could not be used; the field keeps its default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryWarning {
    pub key: String,
    /// The value as found (decoded), cut to 64 characters.
    pub value: String,
    pub kind: QueryWarningKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum QueryWarningKind {
    BadNumber {
        error: FieldError,
    },
    /// Not one of the keys of a region or an arrival pattern.
    UnknownChoice,
    NotABool,
    /// Not `code:share` pairs separated by commas, or an invalid list.
    BadLanguages,
    /// A version other than 1; the link is read as version 1.
    UnknownVersion,
    /// Each value was fine but together they are not (close not after open,
    /// language shares not adding up to 100): the fields were reset.
    Reset {
        problem: ProblemKind,
    },
    /// A button label that is empty or longer than a button holds.
    BadLabel,
    /// A list (saved scenarios in `cmp=`, quotes in `quotes=`) or one of
    /// its items that could not be read whole, and so was left out.
    BadSet {
        problem: SetProblem,
    },
    /// `pattern=custom` without a readable week shape (`week=`): the
    /// default pattern is used.
    BadWeek,
    /// Not twelve multipliers each in range (`months=`).
    BadMonths {
        error: MonthsError,
    },
    /// Not a notice of a bad value: a `peak=` link from before the year had
    /// twelve months, read as a year with `month` at `multiplier` times
    /// the other months' volume.
    ReadAsMonth {
        month: Month,
        multiplier: f64,
    },
}

/// Why a list in a link, or an item of it, was left out.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum SetProblem {
    /// Another version of the format.
    Version,
    /// Longer than the list can be.
    TooLong,
    /// More items than the list holds.
    TooMany,
    /// The link ends inside the list.
    Cut,
    /// Item `index` (from 1) has a value or a key that cannot be read.
    Unreadable { index: usize },
}

/// The raw value of `key` in a link query, if it has it (the last wins):
/// for the keys whose value is a list of its own (`cmp=`, `quotes=`).
pub fn raw_value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        .next_back()
}

pub fn warning(key: &str, value: &str, kind: QueryWarningKind) -> QueryWarning {
    QueryWarning {
        key: key.into(),
        value: value.chars().take(MAX_WARNING_VALUE).collect(),
        kind,
    }
}

/// Percent-encodes everything outside the unreserved set and the `:` `,`
/// the language list uses.
pub fn push_encoded(out: &mut String, text: &str) {
    push_encoded_keeping(out, text, b"-._~:,");
}

/// Percent-encodes every byte but ASCII letters, digits and `keep`.
pub fn push_encoded_keeping(out: &mut String, text: &str, keep: &[u8]) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// Text from a link or a box as one line: its words joined by single
/// spaces, control characters dropped.
pub fn collapse_spaces(text: &str) -> String {
    let words = text.split(|c: char| c.is_whitespace() || c.is_control());
    words
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                // Two hex digits make at most 255.
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "on" | "yes" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

fn parse_languages(value: &str) -> Option<Vec<LanguageShare>> {
    let mut out = Vec::new();
    for item in value.split(',') {
        if out.len() == MAX_LANGUAGES {
            return None;
        }
        let (code, share) = item.split_once(':')?;
        let share_pct = LANGUAGE_SHARE_SPEC.parse(share).ok()?;
        out.push(LanguageShare {
            code: code.trim().to_ascii_lowercase(),
            share_pct,
        });
    }
    let fatal = language_problems(&out)
        .into_iter()
        .any(|p| !matches!(p, ProblemKind::SharesDoNotSumTo100 { .. }));
    (!fatal).then_some(out)
}

fn push_number(out: &mut String, key: &str, value: f64) {
    let _ = write!(out, "&{key}={}", write_shortest(value));
}

impl Scenario {
    /// The link query for this scenario, without the leading '?'.
    pub fn to_query(&self) -> String {
        let mut out = String::from("v=1");
        for f in Field::ALL {
            let value = self.get(f);
            // `!=` rather than comparing bits: NaN fields are written (and
            // rejected on the way back), -0 equals 0 and is skipped.
            if value != self.default_of(f) {
                push_number(&mut out, f.key(), value);
            }
        }
        if self.year != YearProfile::default() {
            match self.year.season() {
                Season::Custom => {
                    out.push_str("&months=");
                    out.push_str(&self.year.to_link());
                }
                season => {
                    out.push_str("&season=");
                    out.push_str(season.key());
                }
            }
        }
        if self.region != Region::default() {
            out.push_str("&region=");
            out.push_str(self.region.key());
        }
        if self.pattern != ArrivalPattern::default() {
            out.push_str("&pattern=");
            out.push_str(self.pattern.key());
        }
        if let ArrivalPattern::Custom(shape) = &self.pattern {
            out.push_str("&week=");
            out.push_str(&shape.to_link());
        }
        if self.all_week {
            out.push_str("&h24=1");
        }
        if self.multilingual {
            out.push_str("&multi=1");
        }
        if self.specialised {
            out.push_str("&spec=1");
        }
        if self.tier2_outsourced {
            out.push_str("&t2_out=1");
        }
        if !self.seasonal_agents {
            out.push_str("&seasonal=0");
        }
        if !self.acw_billed {
            out.push_str("&acw_billed=0");
        }
        if self.languages != Scenario::default().languages {
            out.push_str("&langs=");
            for (i, lang) in self.languages.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_encoded(&mut out, &lang.code);
                let _ = write!(out, ":{}", write_shortest(lang.share_pct));
            }
        }
        out
    }

    /// A scenario this version kept in the browser (`to_query` text), or
    /// `None` for anything else under the same key: another version's data
    /// or a foreign value is ignored rather than half-read. A value a later
    /// release no longer accepts takes its default, as in a link.
    pub fn from_saved(text: &str) -> Option<Scenario> {
        let ours = text == "v=1" || text.starts_with("v=1&");
        let (scenario, warnings) = Scenario::from_query(text);
        let other_version = warnings
            .iter()
            .any(|w| w.kind == QueryWarningKind::UnknownVersion);
        (ours && !other_version).then_some(scenario)
    }

    /// Reads a link query (with or without '?'). Never fails: unknown keys
    /// are ignored, bad values keep their defaults and are reported.
    pub fn from_query(query: &str) -> (Scenario, Vec<QueryWarning>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut s = Scenario::default();
        let mut warnings = Vec::new();
        let mut rate_given = false;
        let mut custom_wanted = false;
        let mut week: Option<Result<WeekShape, String>> = None;
        let mut langs_value = String::new();
        // How a `peak=` was read: news only if that is the year the page
        // shows (a later `season=` or `months=` sets it instead) and not
        // the default one, which the same December at 1.3× already is.
        let mut peak_read = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key);
            let value = decode(raw_value);
            let bad = |kind| warning(&key, &value, kind);
            match key.as_str() {
                "v" => {
                    if value != "1" {
                        warnings.push(bad(QueryWarningKind::UnknownVersion));
                    }
                }
                "region" => match Region::from_key(&value) {
                    Some(r) => s.region = r,
                    None => warnings.push(bad(QueryWarningKind::UnknownChoice)),
                },
                "pattern" => match ArrivalPattern::from_key(&value) {
                    Some(p) => s.pattern = p,
                    None if value == CUSTOM_KEY => custom_wanted = true,
                    None => warnings.push(bad(QueryWarningKind::UnknownChoice)),
                },
                "week" => week = Some(WeekShape::from_link(&value).ok_or(value)),
                "season" => match Season::from_key(&value).and_then(Season::profile) {
                    Some(year) => {
                        s.year = year;
                        peak_read = None;
                    }
                    None => warnings.push(bad(QueryWarningKind::UnknownChoice)),
                },
                "months" => match YearProfile::parse(&value) {
                    Ok(year) => {
                        s.year = year;
                        peak_read = None;
                    }
                    Err(error) => warnings.push(bad(QueryWarningKind::BadMonths { error })),
                },
                // Links from before the year had twelve months.
                "peak" => match LEGACY_PEAK_SPEC.parse(&value) {
                    Ok(peak) => {
                        s.year = YearProfile::one_peak(peak);
                        peak_read = (peak != 1.0).then(|| {
                            bad(QueryWarningKind::ReadAsMonth {
                                month: LEGACY_PEAK_MONTH,
                                multiplier: peak,
                            })
                        });
                    }
                    Err(error) => warnings.push(bad(QueryWarningKind::BadNumber { error })),
                },
                "h24" | "multi" | "spec" | "t2_out" | "seasonal" | "acw_billed" => {
                    match parse_bool(&value) {
                        Some(b) => {
                            *match key.as_str() {
                                "h24" => &mut s.all_week,
                                "multi" => &mut s.multilingual,
                                "spec" => &mut s.specialised,
                                "t2_out" => &mut s.tier2_outsourced,
                                "seasonal" => &mut s.seasonal_agents,
                                _ => &mut s.acw_billed,
                            } = b
                        }
                        None => warnings.push(bad(QueryWarningKind::NotABool)),
                    }
                }
                "langs" => match parse_languages(&value) {
                    Some(l) => {
                        s.languages = l;
                        langs_value = value.clone();
                    }
                    None => warnings.push(bad(QueryWarningKind::BadLanguages)),
                },
                k => {
                    if let Some(field) = Field::from_key(k) {
                        match field.spec().parse(&value) {
                            Ok(x) => {
                                s.set(field, x);
                                rate_given |= field == Field::Rate;
                            }
                            Err(error) => warnings.push(bad(QueryWarningKind::BadNumber { error })),
                        }
                    }
                }
            }
        }
        warnings.extend(peak_read.filter(|_| s.year != YearProfile::default()));
        if !rate_given {
            s.rate_per_hour = s.region.default_rate_per_hour();
        }
        // A week without `pattern=custom` is not one `to_query` writes, and
        // the pattern the link names wins.
        if custom_wanted {
            match week {
                Some(Ok(shape)) => s.pattern = ArrivalPattern::Custom(shape),
                Some(Err(value)) => {
                    warnings.push(warning("week", &value, QueryWarningKind::BadWeek))
                }
                None => warnings.push(warning("week", "", QueryWarningKind::BadWeek)),
            }
        }
        for problem in s.validate() {
            let defaults = Scenario::default();
            let fields: &[Field] = match problem.field {
                FieldRef::Number(f) => &[f],
                // `months=` and `season=` read only values in range.
                FieldRef::Month(_) => {
                    s.year = defaults.year;
                    continue;
                }
                FieldRef::Hours => &[Field::Open, Field::Close],
                FieldRef::CoreHours => &[Field::CoreOpen, Field::CoreClose],
                FieldRef::OwnHours => &[Field::OwnOpen, Field::OwnClose],
                FieldRef::Languages => {
                    warnings.push(warning(
                        "langs",
                        &langs_value,
                        QueryWarningKind::Reset {
                            problem: problem.kind,
                        },
                    ));
                    s.languages = defaults.languages;
                    continue;
                }
            };
            if let Some(last) = fields.last() {
                let shown = write_shortest(s.get(*last));
                warnings.push(warning(
                    last.key(),
                    &shown,
                    QueryWarningKind::Reset {
                        problem: problem.kind,
                    },
                ));
            }
            for &f in fields {
                s.set(f, s.default_of(f));
            }
        }
        (s, warnings)
    }
}
