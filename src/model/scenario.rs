//! What does the customer's support look like? The inputs of the model, the
//! range and unit of every number, and whether a combination makes sense.
//!
//! Numbers are plain `f64` (whole ones too) so one table, [`Field::spec`],
//! drives parsing, validation, the link format and the UI's input fields.

use serde::{Deserialize, Serialize};
use std::fmt;

pub use super::own_team::OwnTeam;
pub use super::pattern::ArrivalPattern;
use super::year::{Month, Season, YearProfile};

/// What a number measures; the UI picks its formatting from this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Contacts,
    Seconds,
    Hours,
    Percent,
    /// US dollars.
    Money,
    MoneyPerHour,
    Multiplier,
    Count,
    HourOfDay,
    Days,
    Months,
    Minutes,
    Weeks,
}

/// Range (inclusive), default and unit of one numeric input.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FieldSpec {
    pub key: &'static str,
    pub min: f64,
    pub max: f64,
    pub default: f64,
    pub whole: bool,
    pub unit: Unit,
}

/// Why a typed value cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum FieldError {
    Empty,
    NotANumber,
    BelowMin(f64),
    AboveMax(f64),
    NotWhole,
    /// A currency sign on a box that is not an amount ("$12,000" as a
    /// number of calls): the number it would be without the sign.
    NotAnAmount(f64),
    /// An amount in another currency: the money boxes are in US dollars.
    NotDollars,
    /// "12,000" where the comma is the decimal mark: twelve thousand or
    /// twelve, both in range, so the box asks instead of guessing.
    Ambiguous {
        thousands: f64,
        decimal: f64,
    },
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Empty => f.write_str("enter a number"),
            FieldError::NotANumber => f.write_str("not a number"),
            FieldError::BelowMin(min) => write!(f, "must be at least {min}"),
            FieldError::AboveMax(max) => write!(f, "must be at most {max}"),
            FieldError::NotWhole => f.write_str("must be a whole number"),
            FieldError::NotAnAmount(value) => write!(f, "not an amount: type {value}"),
            FieldError::NotDollars => f.write_str("amounts are in US dollars"),
            FieldError::Ambiguous { thousands, decimal } => {
                write!(f, "{thousands} or {decimal}?")
            }
        }
    }
}

/// The ASCII form of what a Japanese or Chinese input method types in full
/// width (１２，０００, ８０％, ＄１２, an ideographic space); other
/// characters unchanged.
fn halfwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{3001}' => ',',
        '\u{ffe0}' => '¢',
        '\u{ffe1}' => '£',
        '\u{ffe5}' => '¥',
        _ => c,
    }
}

/// Thousands separators a person may type between digits: comma,
/// underscore, apostrophe and the usual spaces (plain, no-break, thin).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '_' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'
    )
}

/// Currency marks a person may type before or after an amount, longest
/// first, and whether each means US dollars.
const CURRENCY_MARKS: &[(&str, bool)] = &[
    ("US$", true),
    ("USD", true),
    ("ドル", true),
    ("$", true),
    ("руб.", false),
    ("руб", false),
    ("р.", false),
    ("RUB", false),
    ("EUR", false),
    ("GBP", false),
    ("JPY", false),
    ("₽", false),
    ("€", false),
    ("£", false),
    ("¥", false),
    ("円", false),
    ("元", false),
];

/// The text without a leading or trailing currency mark, and whether the
/// mark (if any) means US dollars. Latin codes in any case.
fn strip_currency(text: &str) -> (&str, Option<bool>) {
    // `split_at_checked` rather than indexing: a slice's panic path would
    // link char Debug formatting and its Unicode tables into the wasm.
    for &(mark, dollars) in CURRENCY_MARKS {
        if let Some((head, rest)) = text.split_at_checked(mark.len())
            && head.eq_ignore_ascii_case(mark)
        {
            return (rest.trim_start(), Some(dollars));
        }
        if let Some((rest, tail)) = text
            .len()
            .checked_sub(mark.len())
            .and_then(|cut| text.split_at_checked(cut))
            && tail.eq_ignore_ascii_case(mark)
        {
            return (rest.trim_end(), Some(dollars));
        }
    }
    (text, None)
}

/// "12,000" or "-1,500": one comma with exactly three digits after it,
/// which reads two ways where the comma is the decimal mark.
fn comma_reads_two_ways(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    unsigned.split_once(',').is_some_and(|(int, frac)| {
        (1..=3).contains(&int.len())
            && frac.len() == 3
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    })
}

impl FieldSpec {
    /// Reads what a person typed: forgiving of formatting (surrounding
    /// spaces, "4,000", "4 000", "$12" for money, "80%" for percentages),
    /// strict on meaning (no NaN, no infinity, no exponents, in range,
    /// whole where it must be).
    pub fn parse(&self, text: &str) -> Result<f64, FieldError> {
        self.parse_in(text, false)
    }

    /// The same, in a language whose decimal mark is the comma ("1,5"):
    /// there "12,000" is twelve thousand only if twelve is out of range.
    pub fn parse_in(&self, text: &str, decimal_comma: bool) -> Result<f64, FieldError> {
        let text: String = text.chars().map(halfwidth).collect();
        let t = text.trim();
        if t.is_empty() {
            return Err(FieldError::Empty);
        }
        let money = matches!(self.unit, Unit::Money | Unit::MoneyPerHour);
        let (t, currency) = strip_currency(t);
        match currency {
            Some(false) if money => Err(FieldError::NotDollars),
            Some(_) if !money => Err(self
                .read_number(t, decimal_comma)
                .map_or_else(|e| e, FieldError::NotAnAmount)),
            _ => self.read_number(t, decimal_comma),
        }
    }

    fn read_number(&self, text: &str, decimal_comma: bool) -> Result<f64, FieldError> {
        let mut t = text;
        if self.unit == Unit::Percent {
            t = t.strip_suffix('%').unwrap_or(t).trim_end();
        }
        if t.is_empty() {
            return Err(FieldError::Empty);
        }
        if decimal_comma && comma_reads_two_ways(t) {
            let thousands = self.read_digits(t, false).and_then(|v| self.in_range(v));
            let decimal = self.read_digits(t, true).and_then(|v| self.in_range(v));
            return match (thousands, decimal) {
                (Ok(thousands), Ok(decimal)) => Err(FieldError::Ambiguous { thousands, decimal }),
                (Ok(thousands), Err(_)) => Ok(thousands),
                (Err(_), decimal) => decimal,
            };
        }
        self.read_digits(t, decimal_comma)
            .and_then(|v| self.in_range(v))
    }

    fn read_digits(&self, t: &str, decimal_comma: bool) -> Result<f64, FieldError> {
        let mut clean = String::with_capacity(t.len());
        let mut prev_digit = false;
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                clean.push(c);
                prev_digit = true;
            } else if matches!(c, '.' | '-' | '+') || (decimal_comma && c == ',') {
                clean.push(if c == ',' { '.' } else { c });
                prev_digit = false;
            } else if is_separator(c)
                && prev_digit
                && chars.peek().is_some_and(char::is_ascii_digit)
            {
                prev_digit = false;
            } else {
                return Err(FieldError::NotANumber);
            }
        }
        let value = super::decimal::read_decimal(&clean).ok_or(FieldError::NotANumber)?;
        // Adding 0.0 turns "-0" into 0 so it prints back as "0".
        Ok(value + 0.0)
    }

    fn in_range(&self, value: f64) -> Result<f64, FieldError> {
        if value < self.min {
            Err(FieldError::BelowMin(self.min))
        } else if value > self.max {
            Err(FieldError::AboveMax(self.max))
        } else if self.whole && value.fract() != 0.0 {
            Err(FieldError::NotWhole)
        } else {
            Ok(value)
        }
    }

    /// The problem with a stored value, if any (the same rules as `parse`).
    pub fn check(&self, value: f64) -> Option<ProblemKind> {
        if !value.is_finite() {
            Some(ProblemKind::NotFinite)
        } else if value < self.min || value > self.max {
            Some(ProblemKind::OutOfRange {
                min: self.min,
                max: self.max,
            })
        } else if self.whole && value.fract() != 0.0 {
            Some(ProblemKind::NotWhole)
        } else {
            None
        }
    }
}

/// One numeric input of [`Scenario`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Phone,
    PhoneAht,
    PhoneTarget,
    PhoneTargetTime,
    Chat,
    ChatAht,
    ChatConcurrency,
    ChatTarget,
    ChatTargetTime,
    Email,
    EmailAht,
    EmailWindow,
    EmailTarget,
    Patience,
    Open,
    Close,
    Days,
    Rate,
    LanguagePremium,
    Deflection,
    Tier1Resolution,
    Tier2Aht,
    Tier2Premium,
    Shrinkage,
    MaxOccupancy,
    SharedMarkup,
    SharedMinimum,
    PoolCap,
    PoolPhoneTarget,
    PoolPhoneTargetTime,
    PoolChatTarget,
    PoolChatTargetTime,
    BillingIncrement,
    AfterContactWork,
    EmailFee,
    SharedSetup,
    SetupFee,
    Training,
    Term,
    Tech,
    LeadSpan,
    OffhoursPremium,
    CoreOpen,
    CoreClose,
    CoreDays,
    RampWeeks,
    // The buyer's own team (see `own_team.rs`).
    OwnAgents,
    OwnOpen,
    OwnClose,
    OwnDays,
    OwnCost,
}

const fn spec(
    key: &'static str,
    min: f64,
    max: f64,
    default: f64,
    whole: bool,
    unit: Unit,
) -> FieldSpec {
    FieldSpec {
        key,
        min,
        max,
        default,
        whole,
        unit,
    }
}

/// Indexed by `Field as usize`; the order is also the order of keys in links.
const SPECS: [FieldSpec; 51] = [
    spec("phone", 0.0, 1_000_000.0, 4_000.0, true, Unit::Contacts), // Phone
    spec("phone_aht", 30.0, 3_600.0, 360.0, false, Unit::Seconds),  // PhoneAht
    spec("phone_sl", 50.0, 99.0, 80.0, false, Unit::Percent),       // PhoneTarget
    spec("phone_t", 5.0, 600.0, 20.0, false, Unit::Seconds),        // PhoneTargetTime
    spec("chat", 0.0, 1_000_000.0, 2_500.0, true, Unit::Contacts),  // Chat
    spec("chat_aht", 30.0, 3_600.0, 600.0, false, Unit::Seconds),   // ChatAht
    spec("chat_conc", 1.0, 5.0, 2.0, true, Unit::Count),            // ChatConcurrency
    spec("chat_sl", 50.0, 99.0, 80.0, false, Unit::Percent),        // ChatTarget
    spec("chat_t", 5.0, 600.0, 60.0, false, Unit::Seconds),         // ChatTargetTime
    spec("email", 0.0, 1_000_000.0, 1_500.0, true, Unit::Contacts), // Email
    spec("email_aht", 30.0, 7_200.0, 480.0, false, Unit::Seconds),  // EmailAht
    spec("email_h", 1.0, 72.0, 24.0, false, Unit::Hours),           // EmailWindow
    spec("email_sl", 50.0, 100.0, 90.0, false, Unit::Percent),      // EmailTarget
    spec("patience", 0.0, 1_800.0, 180.0, false, Unit::Seconds),    // Patience
    spec("open", 0.0, 23.0, 8.0, true, Unit::HourOfDay),            // Open
    spec("close", 1.0, 24.0, 18.0, true, Unit::HourOfDay),          // Close
    spec("days", 1.0, 7.0, 5.0, true, Unit::Days),                  // Days
    spec("rate", 10.0, 50.0, 12.0, false, Unit::MoneyPerHour),      // Rate
    spec("lang_prem", 0.0, 100.0, 15.0, false, Unit::Percent),      // LanguagePremium
    spec("t0", 0.0, 80.0, 10.0, false, Unit::Percent),              // Deflection
    spec("t1", 30.0, 95.0, 85.0, false, Unit::Percent),             // Tier1Resolution
    spec("t2_aht", 60.0, 7_200.0, 1_200.0, false, Unit::Seconds),   // Tier2Aht
    spec("t2_prem", 0.0, 200.0, 40.0, false, Unit::Percent),        // Tier2Premium
    spec("shrink", 0.0, 60.0, 30.0, false, Unit::Percent),          // Shrinkage
    spec("occ", 50.0, 95.0, 85.0, false, Unit::Percent),            // MaxOccupancy
    spec("markup", 0.0, 300.0, 150.0, false, Unit::Percent),        // SharedMarkup
    spec("min", 0.0, 50_000.0, 500.0, false, Unit::Money),          // SharedMinimum
    spec(
        "pool_cap",
        1_000.0,
        2_000_000.0,
        250_000.0,
        false,
        Unit::Minutes,
    ), // PoolCap
    spec("pool_sl", 50.0, 99.0, 80.0, false, Unit::Percent),        // PoolPhoneTarget
    spec("pool_t", 5.0, 600.0, 20.0, false, Unit::Seconds),         // PoolPhoneTargetTime
    spec("pool_chat_sl", 50.0, 99.0, 80.0, false, Unit::Percent),   // PoolChatTarget
    spec("pool_chat_t", 5.0, 600.0, 60.0, false, Unit::Seconds),    // PoolChatTargetTime
    spec("bill_s", 1.0, 60.0, 6.0, true, Unit::Seconds),            // BillingIncrement
    spec("acw", 0.0, 600.0, 45.0, false, Unit::Seconds),            // AfterContactWork
    spec("email_fee", 0.0, 50.0, 0.0, false, Unit::Money),          // EmailFee
    spec("shared_setup", 0.0, 50_000.0, 1_000.0, false, Unit::Money), // SharedSetup
    spec("setup", 0.0, 200_000.0, 5_000.0, false, Unit::Money),     // SetupFee
    spec("training", 0.0, 10_000.0, 1_200.0, false, Unit::Money),   // Training
    spec("term", 1.0, 60.0, 12.0, true, Unit::Months),              // Term
    spec("tech", 0.0, 1_000.0, 75.0, false, Unit::Money),           // Tech
    spec("span", 5.0, 25.0, 12.0, true, Unit::Count),               // LeadSpan
    spec("night_prem", 0.0, 100.0, 20.0, false, Unit::Percent),     // OffhoursPremium
    spec("core_open", 0.0, 23.0, 8.0, true, Unit::HourOfDay),       // CoreOpen
    spec("core_close", 1.0, 24.0, 18.0, true, Unit::HourOfDay),     // CoreClose
    spec("core_days", 1.0, 7.0, 5.0, true, Unit::Days),             // CoreDays
    spec("ramp_w", 0.0, 8.0, 3.0, false, Unit::Weeks),              // RampWeeks
    spec("own_agents", 0.0, 500.0, 0.0, true, Unit::Count),         // OwnAgents
    spec("own_open", 0.0, 23.0, 8.0, true, Unit::HourOfDay),        // OwnOpen
    spec("own_close", 1.0, 24.0, 18.0, true, Unit::HourOfDay),      // OwnClose
    spec("own_days", 1.0, 7.0, 5.0, true, Unit::Days),              // OwnDays
    spec("own_cost", 0.0, 50_000.0, 0.0, false, Unit::Money),       // OwnCost
];

impl Field {
    pub const ALL: [Field; 51] = [
        Field::Phone,
        Field::PhoneAht,
        Field::PhoneTarget,
        Field::PhoneTargetTime,
        Field::Chat,
        Field::ChatAht,
        Field::ChatConcurrency,
        Field::ChatTarget,
        Field::ChatTargetTime,
        Field::Email,
        Field::EmailAht,
        Field::EmailWindow,
        Field::EmailTarget,
        Field::Patience,
        Field::Open,
        Field::Close,
        Field::Days,
        Field::Rate,
        Field::LanguagePremium,
        Field::Deflection,
        Field::Tier1Resolution,
        Field::Tier2Aht,
        Field::Tier2Premium,
        Field::Shrinkage,
        Field::MaxOccupancy,
        Field::SharedMarkup,
        Field::SharedMinimum,
        Field::PoolCap,
        Field::PoolPhoneTarget,
        Field::PoolPhoneTargetTime,
        Field::PoolChatTarget,
        Field::PoolChatTargetTime,
        Field::BillingIncrement,
        Field::AfterContactWork,
        Field::EmailFee,
        Field::SharedSetup,
        Field::SetupFee,
        Field::Training,
        Field::Term,
        Field::Tech,
        Field::LeadSpan,
        Field::OffhoursPremium,
        Field::CoreOpen,
        Field::CoreClose,
        Field::CoreDays,
        Field::RampWeeks,
        Field::OwnAgents,
        Field::OwnOpen,
        Field::OwnClose,
        Field::OwnDays,
        Field::OwnCost,
    ];

    pub fn spec(self) -> FieldSpec {
        SPECS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.spec().key
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// Where the agents sit, which sets the default hourly rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// e.g. the Philippines, India.
    #[default]
    Offshore,
    /// e.g. Latin America, Eastern Europe.
    Nearshore,
    /// e.g. the US, the UK, Western Europe.
    Onshore,
}

impl Region {
    pub const ALL: [Region; 3] = [Region::Offshore, Region::Nearshore, Region::Onshore];

    /// Agent cost per paid hour in USD, inside the $10–50 band.
    pub fn default_rate_per_hour(self) -> f64 {
        match self {
            Region::Offshore => 12.0,
            Region::Nearshore => 22.0,
            Region::Onshore => 38.0,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Region::Offshore => "offshore",
            Region::Nearshore => "nearshore",
            Region::Onshore => "onshore",
        }
    }

    pub fn from_key(key: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A language and its share of every channel's volume, in percent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LanguageShare {
    /// Two or three lowercase ASCII letters, e.g. "en".
    pub code: String,
    pub share_pct: f64,
}

pub const MAX_LANGUAGES: usize = 8;

/// What a language's share of volume may be typed as, in a link or on the
/// page; `validate` then also requires it above 0 and the shares to sum to 100.
pub const LANGUAGE_SHARE_SPEC: FieldSpec = FieldSpec {
    key: "langs",
    min: 0.0,
    max: 100.0,
    default: 100.0,
    whole: false,
    unit: Unit::Percent,
};

/// Everything the customer tells us. `Default` is the calculator's starting
/// point: a small offshore business-hours team in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub phone_per_month: f64,
    pub phone_aht_s: f64,
    pub phone_target_pct: f64,
    pub phone_target_s: f64,
    pub chat_per_month: f64,
    pub chat_aht_s: f64,
    pub chat_concurrency: f64,
    pub chat_target_pct: f64,
    pub chat_target_s: f64,
    pub email_per_month: f64,
    pub email_aht_s: f64,
    pub email_window_h: f64,
    pub email_target_pct: f64,
    pub patience_s: f64,
    pub open_hour: f64,
    pub close_hour: f64,
    pub days: f64,
    pub rate_per_hour: f64,
    pub language_premium_pct: f64,
    pub deflection_pct: f64,
    pub tier1_resolution_pct: f64,
    pub tier2_aht_s: f64,
    pub tier2_premium_pct: f64,
    pub shrinkage_pct: f64,
    pub max_occupancy_pct: f64,
    pub shared_markup_pct: f64,
    pub shared_minimum: f64,
    pub pool_cap_min: f64,
    /// The pool's service commitment on phone: this share answered within
    /// `pool_phone_target_s`.
    pub pool_phone_target_pct: f64,
    pub pool_phone_target_s: f64,
    pub pool_chat_target_pct: f64,
    pub pool_chat_target_s: f64,
    /// The pool bills each contact's handled time rounded up to this.
    pub billing_increment_s: f64,
    /// Wrap-up time inside each live contact's handle time.
    pub acw_s: f64,
    /// A fee per email instead of its minutes; 0 bills minutes.
    pub email_fee: f64,
    pub shared_setup: f64,
    pub setup_fee: f64,
    pub training_per_agent: f64,
    pub contract_months: f64,
    pub tech_per_seat: f64,
    pub lead_span: f64,
    pub offhours_premium_pct: f64,
    pub core_open: f64,
    pub core_close: f64,
    pub core_days: f64,
    /// Paid weeks of training and ramp-up before a seasonal agent is
    /// productive.
    pub ramp_weeks: f64,
    pub region: Region,
    pub pattern: ArrivalPattern,
    /// 24/7 requested; otherwise days Mon..(Mon+days−1), open..close.
    pub all_week: bool,
    /// Dedicated agents speak every language (one pooled queue, a premium
    /// per extra language) instead of one queue per language.
    pub multilingual: bool,
    /// Each channel its own agents (specialists) instead of blended agents
    /// who take every channel.
    pub specialised: bool,
    /// The vendor works tier-2 escalations too; by default they stay with
    /// the buyer's own team, as most outsourced programmes keep them.
    pub tier2_outsourced: bool,
    /// Volume in each month against the volumes typed.
    pub year: YearProfile,
    /// In a month busier than its overtime covers, a dedicated team adds
    /// temporary seasonal agents (staffed for that month's volume);
    /// otherwise it runs on its base staffing and overtime, and misses
    /// its targets.
    pub seasonal_agents: bool,
    /// The pool bills the wrap-up time (`acw_s`) of live contacts as well
    /// as their talk time.
    pub acw_billed: bool,
    /// The first is the primary language (no premium).
    pub languages: Vec<LanguageShare>,
    /// The team the buyer already has; left out of the JSON when there is
    /// none, so a scenario without one reads as it always has.
    #[serde(skip_serializing_if = "OwnTeam::is_none")]
    pub own: OwnTeam,
}

impl Default for Scenario {
    fn default() -> Self {
        let mut s = Scenario {
            phone_per_month: 0.0,
            phone_aht_s: 0.0,
            phone_target_pct: 0.0,
            phone_target_s: 0.0,
            chat_per_month: 0.0,
            chat_aht_s: 0.0,
            chat_concurrency: 0.0,
            chat_target_pct: 0.0,
            chat_target_s: 0.0,
            email_per_month: 0.0,
            email_aht_s: 0.0,
            email_window_h: 0.0,
            email_target_pct: 0.0,
            patience_s: 0.0,
            open_hour: 0.0,
            close_hour: 0.0,
            days: 0.0,
            rate_per_hour: 0.0,
            language_premium_pct: 0.0,
            deflection_pct: 0.0,
            tier1_resolution_pct: 0.0,
            tier2_aht_s: 0.0,
            tier2_premium_pct: 0.0,
            shrinkage_pct: 0.0,
            max_occupancy_pct: 0.0,
            shared_markup_pct: 0.0,
            shared_minimum: 0.0,
            pool_cap_min: 0.0,
            pool_phone_target_pct: 0.0,
            pool_phone_target_s: 0.0,
            pool_chat_target_pct: 0.0,
            pool_chat_target_s: 0.0,
            billing_increment_s: 0.0,
            acw_s: 0.0,
            email_fee: 0.0,
            shared_setup: 0.0,
            setup_fee: 0.0,
            training_per_agent: 0.0,
            contract_months: 0.0,
            tech_per_seat: 0.0,
            lead_span: 0.0,
            offhours_premium_pct: 0.0,
            core_open: 0.0,
            core_close: 0.0,
            core_days: 0.0,
            ramp_weeks: 0.0,
            region: Region::Offshore,
            pattern: ArrivalPattern::BusinessHours,
            all_week: false,
            multilingual: false,
            specialised: false,
            tier2_outsourced: false,
            year: YearProfile::default(),
            seasonal_agents: true,
            acw_billed: true,
            languages: vec![LanguageShare {
                code: "en".into(),
                share_pct: 100.0,
            }],
            own: OwnTeam::default(),
        };
        for f in Field::ALL {
            s.set(f, f.spec().default);
        }
        s
    }
}

/// The part of a scenario a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "field")]
pub enum FieldRef {
    Number(Field),
    Languages,
    /// Open and close hours together.
    Hours,
    /// The combined model's core window, open and close together.
    CoreHours,
    /// One month's volume multiplier.
    Month(Month),
    /// The buyer's own team's hours, open and close together.
    OwnHours,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum ProblemKind {
    NotFinite,
    OutOfRange {
        min: f64,
        max: f64,
    },
    NotWhole,
    CloseNotAfterOpen,
    NoLanguage,
    TooManyLanguages {
        max: usize,
    },
    /// Not two or three lowercase letters.
    BadLanguageCode {
        index: usize,
    },
    DuplicateLanguage {
        index: usize,
    },
    /// A share that is not a number above 0 and at most 100.
    BadShare {
        index: usize,
    },
    SharesDoNotSumTo100 {
        sum: f64,
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::NotFinite => f.write_str("not a finite number"),
            ProblemKind::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            ProblemKind::NotWhole => f.write_str("must be a whole number"),
            ProblemKind::CloseNotAfterOpen => {
                f.write_str("closing hour must be after opening hour")
            }
            ProblemKind::NoLanguage => f.write_str("at least one language is needed"),
            ProblemKind::TooManyLanguages { max } => write!(f, "at most {max} languages"),
            ProblemKind::BadLanguageCode { index } => {
                write!(
                    f,
                    "language {}: code must be two or three lowercase letters",
                    index + 1
                )
            }
            ProblemKind::DuplicateLanguage { index } => {
                write!(f, "language {} is listed twice", index + 1)
            }
            ProblemKind::BadShare { index } => {
                write!(
                    f,
                    "language {}: share must be above 0 and at most 100",
                    index + 1
                )
            }
            ProblemKind::SharesDoNotSumTo100 { sum } => {
                write!(f, "language shares add up to {sum}, not 100")
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub field: FieldRef,
    pub kind: ProblemKind,
}

/// Every problem of a language list, in list order.
pub(crate) fn language_problems(languages: &[LanguageShare]) -> Vec<ProblemKind> {
    let mut out = Vec::new();
    if languages.is_empty() {
        out.push(ProblemKind::NoLanguage);
    }
    if languages.len() > MAX_LANGUAGES {
        out.push(ProblemKind::TooManyLanguages { max: MAX_LANGUAGES });
    }
    let mut sum = 0.0;
    for (index, lang) in languages.iter().enumerate() {
        let code_ok =
            (2..=3).contains(&lang.code.len()) && lang.code.bytes().all(|b| b.is_ascii_lowercase());
        if !code_ok {
            out.push(ProblemKind::BadLanguageCode { index });
        } else if languages.iter().take(index).any(|l| l.code == lang.code) {
            out.push(ProblemKind::DuplicateLanguage { index });
        }
        if !(lang.share_pct > 0.0 && lang.share_pct <= 100.0) {
            out.push(ProblemKind::BadShare { index });
        }
        sum += lang.share_pct;
    }
    if !languages.is_empty() && sum.is_finite() && (sum - 100.0).abs() > 0.5 {
        out.push(ProblemKind::SharesDoNotSumTo100 { sum });
    }
    out
}

impl Scenario {
    pub fn get(&self, field: Field) -> f64 {
        match field {
            Field::Phone => self.phone_per_month,
            Field::PhoneAht => self.phone_aht_s,
            Field::PhoneTarget => self.phone_target_pct,
            Field::PhoneTargetTime => self.phone_target_s,
            Field::Chat => self.chat_per_month,
            Field::ChatAht => self.chat_aht_s,
            Field::ChatConcurrency => self.chat_concurrency,
            Field::ChatTarget => self.chat_target_pct,
            Field::ChatTargetTime => self.chat_target_s,
            Field::Email => self.email_per_month,
            Field::EmailAht => self.email_aht_s,
            Field::EmailWindow => self.email_window_h,
            Field::EmailTarget => self.email_target_pct,
            Field::Patience => self.patience_s,
            Field::Open => self.open_hour,
            Field::Close => self.close_hour,
            Field::Days => self.days,
            Field::Rate => self.rate_per_hour,
            Field::LanguagePremium => self.language_premium_pct,
            Field::Deflection => self.deflection_pct,
            Field::Tier1Resolution => self.tier1_resolution_pct,
            Field::Tier2Aht => self.tier2_aht_s,
            Field::Tier2Premium => self.tier2_premium_pct,
            Field::Shrinkage => self.shrinkage_pct,
            Field::MaxOccupancy => self.max_occupancy_pct,
            Field::SharedMarkup => self.shared_markup_pct,
            Field::SharedMinimum => self.shared_minimum,
            Field::PoolCap => self.pool_cap_min,
            Field::PoolPhoneTarget => self.pool_phone_target_pct,
            Field::PoolPhoneTargetTime => self.pool_phone_target_s,
            Field::PoolChatTarget => self.pool_chat_target_pct,
            Field::PoolChatTargetTime => self.pool_chat_target_s,
            Field::BillingIncrement => self.billing_increment_s,
            Field::AfterContactWork => self.acw_s,
            Field::EmailFee => self.email_fee,
            Field::SharedSetup => self.shared_setup,
            Field::SetupFee => self.setup_fee,
            Field::Training => self.training_per_agent,
            Field::Term => self.contract_months,
            Field::Tech => self.tech_per_seat,
            Field::LeadSpan => self.lead_span,
            Field::OffhoursPremium => self.offhours_premium_pct,
            Field::CoreOpen => self.core_open,
            Field::CoreClose => self.core_close,
            Field::CoreDays => self.core_days,
            Field::RampWeeks => self.ramp_weeks,
            Field::OwnAgents => self.own.agents,
            Field::OwnOpen => self.own.open_hour,
            Field::OwnClose => self.own.close_hour,
            Field::OwnDays => self.own.days,
            Field::OwnCost => self.own.cost_per_agent_month,
        }
    }

    pub fn set(&mut self, field: Field, value: f64) {
        match field {
            Field::Phone => self.phone_per_month = value,
            Field::PhoneAht => self.phone_aht_s = value,
            Field::PhoneTarget => self.phone_target_pct = value,
            Field::PhoneTargetTime => self.phone_target_s = value,
            Field::Chat => self.chat_per_month = value,
            Field::ChatAht => self.chat_aht_s = value,
            Field::ChatConcurrency => self.chat_concurrency = value,
            Field::ChatTarget => self.chat_target_pct = value,
            Field::ChatTargetTime => self.chat_target_s = value,
            Field::Email => self.email_per_month = value,
            Field::EmailAht => self.email_aht_s = value,
            Field::EmailWindow => self.email_window_h = value,
            Field::EmailTarget => self.email_target_pct = value,
            Field::Patience => self.patience_s = value,
            Field::Open => self.open_hour = value,
            Field::Close => self.close_hour = value,
            Field::Days => self.days = value,
            Field::Rate => self.rate_per_hour = value,
            Field::LanguagePremium => self.language_premium_pct = value,
            Field::Deflection => self.deflection_pct = value,
            Field::Tier1Resolution => self.tier1_resolution_pct = value,
            Field::Tier2Aht => self.tier2_aht_s = value,
            Field::Tier2Premium => self.tier2_premium_pct = value,
            Field::Shrinkage => self.shrinkage_pct = value,
            Field::MaxOccupancy => self.max_occupancy_pct = value,
            Field::SharedMarkup => self.shared_markup_pct = value,
            Field::SharedMinimum => self.shared_minimum = value,
            Field::PoolCap => self.pool_cap_min = value,
            Field::PoolPhoneTarget => self.pool_phone_target_pct = value,
            Field::PoolPhoneTargetTime => self.pool_phone_target_s = value,
            Field::PoolChatTarget => self.pool_chat_target_pct = value,
            Field::PoolChatTargetTime => self.pool_chat_target_s = value,
            Field::BillingIncrement => self.billing_increment_s = value,
            Field::AfterContactWork => self.acw_s = value,
            Field::EmailFee => self.email_fee = value,
            Field::SharedSetup => self.shared_setup = value,
            Field::SetupFee => self.setup_fee = value,
            Field::Training => self.training_per_agent = value,
            Field::Term => self.contract_months = value,
            Field::Tech => self.tech_per_seat = value,
            Field::LeadSpan => self.lead_span = value,
            Field::OffhoursPremium => self.offhours_premium_pct = value,
            Field::CoreOpen => self.core_open = value,
            Field::CoreClose => self.core_close = value,
            Field::CoreDays => self.core_days = value,
            Field::RampWeeks => self.ramp_weeks = value,
            Field::OwnAgents => self.own.agents = value,
            Field::OwnOpen => self.own.open_hour = value,
            Field::OwnClose => self.own.close_hour = value,
            Field::OwnDays => self.own.days = value,
            Field::OwnCost => self.own.cost_per_agent_month = value,
        }
    }

    /// The default of a field for this scenario: the hourly rate follows the
    /// region, everything else is the table's.
    pub fn default_of(&self, field: Field) -> f64 {
        if field == Field::Rate {
            self.region.default_rate_per_hour()
        } else {
            field.spec().default
        }
    }

    /// Every problem, in field order; empty when the scenario can be priced.
    pub fn validate(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = Field::ALL
            .into_iter()
            .filter_map(|f| {
                f.spec().check(self.get(f)).map(|kind| Problem {
                    field: FieldRef::Number(f),
                    kind,
                })
            })
            .collect();
        if self.close_hour <= self.open_hour {
            out.push(Problem {
                field: FieldRef::Hours,
                kind: ProblemKind::CloseNotAfterOpen,
            });
        }
        if self.core_close <= self.core_open {
            out.push(Problem {
                field: FieldRef::CoreHours,
                kind: ProblemKind::CloseNotAfterOpen,
            });
        }
        out.extend(Month::ALL.into_iter().filter_map(|month| {
            let kind = super::year::MONTH_SPEC.check(self.year.get(month))?;
            Some(Problem {
                field: FieldRef::Month(month),
                kind,
            })
        }));
        if self.own.close_hour <= self.own.open_hour {
            out.push(Problem {
                field: FieldRef::OwnHours,
                kind: ProblemKind::CloseNotAfterOpen,
            });
        }
        let languages = language_problems(&self.languages);
        out.extend(languages.into_iter().map(|kind| Problem {
            field: FieldRef::Languages,
            kind,
        }));
        out
    }

    /// The same scenario with every channel's monthly volume multiplied by
    /// `factor` (same mix). Volumes may no longer be whole numbers: the model
    /// prices them all the same, only `validate` would object.
    pub fn with_volume_scaled(&self, factor: f64) -> Scenario {
        let k = if factor > 0.0 && factor.is_finite() {
            factor
        } else {
            0.0
        };
        let mut s = self.clone();
        s.phone_per_month *= k;
        s.chat_per_month *= k;
        s.email_per_month *= k;
        s
    }
}

/// Ready-made scenarios the UI offers as starting points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    SmallSaas,
    SeasonalEcommerce,
    Enterprise247,
}

impl Preset {
    pub const ALL: [Preset; 3] = [
        Preset::SmallSaas,
        Preset::SeasonalEcommerce,
        Preset::Enterprise247,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Preset::SmallSaas => "saas",
            Preset::SeasonalEcommerce => "ecommerce",
            Preset::Enterprise247 => "enterprise",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn scenario(self) -> Scenario {
        let mut s = Scenario::default();
        match self {
            Preset::SmallSaas => {
                s.phone_per_month = 800.0;
                s.chat_per_month = 1500.0;
                s.email_per_month = 1200.0;
                s.region = Region::Nearshore;
            }
            Preset::SeasonalEcommerce => {
                s.pattern = ArrivalPattern::ExtendedHours;
                s.days = 7.0;
                s.open_hour = 8.0;
                s.close_hour = 22.0;
                s.phone_per_month = 6000.0;
                s.chat_per_month = 9000.0;
                s.email_per_month = 4000.0;
                s.year = Season::Retail.profile().unwrap_or_default();
            }
            Preset::Enterprise247 => {
                s.all_week = true;
                s.pattern = ArrivalPattern::Flat;
                s.phone_per_month = 20000.0;
                s.chat_per_month = 12000.0;
                s.email_per_month = 8000.0;
                s.region = Region::Onshore;
                s.languages = [("en", 55.0), ("es", 20.0), ("de", 15.0), ("fr", 10.0)]
                    .into_iter()
                    .map(|(code, share_pct)| LanguageShare {
                        code: code.into(),
                        share_pct,
                    })
                    .collect();
            }
        }
        s.rate_per_hour = s.region.default_rate_per_hour();
        s
    }
}
