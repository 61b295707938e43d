//! The words the page uses for units, ranges and problems.

use crate::model::{
    ArrivalPattern, Field, FieldError, FieldSpec, Preset, ProblemKind, Region, Unit,
};

use super::format;

pub fn unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Contacts => "per month",
        Unit::Seconds => "s",
        Unit::Hours => "h",
        Unit::Percent => "%",
        Unit::Money => "$",
        Unit::MoneyPerHour => "$/h",
        Unit::Multiplier => "×",
        Unit::Count => "",
        Unit::HourOfDay => "",
        Unit::Days => "",
        Unit::Months => "months",
        Unit::Minutes => "min",
    }
}

pub fn range(spec: &FieldSpec) -> String {
    format!("{} – {}", number(spec.min), number(spec.max))
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format::count(value)
    } else {
        format::number(value)
    }
}

pub fn field_error(error: &FieldError) -> String {
    match error {
        FieldError::Empty => "Enter a number".into(),
        FieldError::NotANumber => "Not a number".into(),
        FieldError::BelowMin(min) => format!("At least {}", number(*min)),
        FieldError::AboveMax(max) => format!("At most {}", number(*max)),
        FieldError::NotWhole => "Whole numbers only".into(),
    }
}

pub fn problem(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::OutOfRange { min, max } => {
            format!("Between {} and {}", number(*min), number(*max))
        }
        ProblemKind::NotWhole => "Whole numbers only".into(),
        ProblemKind::NotFinite => "Not a number".into(),
        ProblemKind::CloseNotAfterOpen => "Closing must come after opening".into(),
        // Written out here rather than the model's `Display`, which prints
        // the sum with Rust's float formatter.
        ProblemKind::NoLanguage => "at least one language is needed".into(),
        ProblemKind::TooManyLanguages { max } => format!("at most {max} languages"),
        ProblemKind::BadLanguageCode { index } => {
            format!(
                "language {}: code must be two or three lowercase letters",
                index + 1
            )
        }
        ProblemKind::DuplicateLanguage { index } => {
            format!("language {} is listed twice", index + 1)
        }
        ProblemKind::BadShare { index } => format!(
            "language {}: share must be above 0 and at most 100",
            index + 1
        ),
        ProblemKind::SharesDoNotSumTo100 { sum } => {
            format!(
                "language shares add up to {}, not 100",
                format::number(*sum)
            )
        }
    }
}

/// The label a field shows, and the one line that explains it on demand.
pub fn field_text(field: Field) -> (&'static str, &'static str) {
    match field {
        Field::Phone => (
            "Phone calls",
            "Calls a month before self-service deflection.",
        ),
        Field::PhoneAht => (
            "Call handle time",
            "Average talk plus wrap-up time of one call.",
        ),
        Field::PhoneTarget => (
            "Calls answered in target",
            "Share of calls to answer within the target time (80% is usual).",
        ),
        Field::PhoneTargetTime => (
            "Call target time",
            "Seconds a caller may wait and still count as answered in target.",
        ),
        Field::Chat => ("Chats", "Chat conversations a month before deflection."),
        Field::ChatAht => (
            "Chat handle time",
            "Average length of one chat, start to close.",
        ),
        Field::ChatConcurrency => (
            "Chats at once",
            "Chats one agent handles in parallel; 2–3 is usual.",
        ),
        Field::ChatTarget => (
            "Chats answered in target",
            "Share of chats to pick up within the target time.",
        ),
        Field::ChatTargetTime => (
            "Chat target time",
            "Seconds a chat may wait for its first reply.",
        ),
        Field::Email => (
            "Emails and tickets",
            "Tickets a month before deflection; answered later, not live.",
        ),
        Field::EmailAht => ("Email handle time", "Average working time of one ticket."),
        Field::EmailWindow => (
            "Email response window",
            "Hours within which a ticket must be answered.",
        ),
        Field::EmailTarget => (
            "Emails answered in window",
            "Share of tickets to answer within the window.",
        ),
        Field::Patience => (
            "Caller patience",
            "Average seconds before a waiting caller hangs up; 0 ignores abandonment.",
        ),
        Field::Open => ("Opens", "First hour covered each covered day (0–23)."),
        Field::Close => ("Closes", "Hour the covered day ends (1–24)."),
        Field::Days => ("Days from Monday", "5 is Monday to Friday, 7 every day."),
        Field::Peak => (
            "Peak month",
            "Volume of the busiest month against a normal one, e.g. 1.5 for December.",
        ),
        Field::Rate => (
            "Hourly agent rate",
            "What one agent-hour costs in the region; $10–50.",
        ),
        Field::LanguagePremium => (
            "Language premium",
            "Extra rate for each language beyond the first.",
        ),
        Field::Deflection => (
            "Self-service deflection",
            "Share of contacts solved by help pages or bots before an agent (tier 0).",
        ),
        Field::Tier1Resolution => (
            "Solved at tier 1",
            "Share of agent contacts solved at first line; 45–65% is usual.",
        ),
        Field::Tier2Aht => (
            "Specialist handle time",
            "Average time a tier 2 specialist spends on an escalation.",
        ),
        Field::Tier2Premium => ("Specialist premium", "Extra rate for tier 2 specialists."),
        Field::Shrinkage => (
            "Shrinkage",
            "Paid time not on the queue: breaks, training, absence; 30% is usual.",
        ),
        Field::MaxOccupancy => (
            "Occupancy cap",
            "Busiest share of time an agent may be handling contacts; 85% is usual.",
        ),
        Field::SharedMarkup => (
            "Shared markup",
            "What a shared vendor adds on the agent rate per handled minute: it carries the idle time.",
        ),
        Field::SharedMinimum => (
            "Shared monthly minimum",
            "The least a shared vendor bills a month.",
        ),
        Field::PoolCap => (
            "Shared pool cap",
            "Handled minutes a month the pool takes from one client; above it, contacts go unanswered.",
        ),
        Field::PoolTarget => (
            "Pool answers in target",
            "The shared pool's own service level.",
        ),
        Field::PoolTargetTime => (
            "Pool target time",
            "Seconds within which the pool answers that share.",
        ),
        Field::SharedSetup => (
            "Shared setup fee",
            "One-time onboarding fee of the shared vendor.",
        ),
        Field::SetupFee => (
            "Dedicated setup fee",
            "One-time fee to set up a dedicated program.",
        ),
        Field::Training => (
            "Training per agent",
            "One-time training cost of each new dedicated agent.",
        ),
        Field::Term => (
            "Contract term",
            "Months over which setup and training are spread.",
        ),
        Field::Tech => (
            "Technology per seat",
            "Tools and infrastructure per dedicated agent a month.",
        ),
        Field::LeadSpan => (
            "Agents per team lead",
            "One lead and QA per this many agents; 12–15 is usual.",
        ),
        Field::OffhoursPremium => (
            "Night and weekend premium",
            "Extra rate for dedicated hours outside Mon–Fri 08–20.",
        ),
        Field::CoreOpen => (
            "Core hours open",
            "The combined model's dedicated team starts at this hour.",
        ),
        Field::CoreClose => (
            "Core hours close",
            "The combined model's dedicated team ends at this hour.",
        ),
        Field::CoreDays => (
            "Core days from Monday",
            "Days the combined model's dedicated team works.",
        ),
    }
}

pub fn region_name(region: Region) -> &'static str {
    match region {
        Region::Offshore => "Offshore (Philippines, India)",
        Region::Nearshore => "Nearshore (Latin America, Eastern Europe)",
        Region::Onshore => "Onshore (US, UK, Western Europe)",
    }
}

pub fn pattern_name(pattern: ArrivalPattern) -> &'static str {
    match pattern {
        ArrivalPattern::BusinessHours => "Mostly business hours",
        ArrivalPattern::ExtendedHours => "Mornings to late evening, every day",
        ArrivalPattern::Flat => "Evenly around the clock",
        ArrivalPattern::EveningsWeekends => "Mostly evenings and weekends",
    }
}

pub fn preset_name(preset: Preset) -> &'static str {
    match preset {
        Preset::SmallSaas => "Small SaaS, business hours",
        Preset::SeasonalEcommerce => "Seasonal e-commerce",
        Preset::Enterprise247 => "Enterprise 24/7, 4 languages",
    }
}
