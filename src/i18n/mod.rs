//! Which words does the page use, in English, Japanese and Russian? Every
//! label, explanation, message and export header, as `&'static str` so a
//! language costs only its text. Numbers and money are not here: the
//! browser's `Intl` formats them for the chosen locale.
//!
//! A text may hold `{0}`, `{1}`...: [`fill`] puts the values in, in the
//! order each language's grammar wants. Russian texts are phrased so that
//! no noun agrees with a number ("обращений в месяц: 1 200").
//!
//! English defines the keys (the [`texts!`] call in `en.rs`); `ja.rs` and
//! `ru.rs` are struct literals of the same type, so a missing key fails to
//! compile and `tests/i18n.rs` checks the rest (no empty or untranslated
//! text, the same placeholders).

use crate::model::{Field, ModelKind};

/// The product's name, the same in every language: the page's title.
pub const APP_NAME: &str = "Supportcalc";

mod en;
mod ja;
mod ru;

pub use en::{EN, EN_LATER, Later, Texts};
pub use ja::{JA, JA_LATER};
pub use ru::{RU, RU_LATER};

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ja,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Ru];

    /// The BCP 47 tag: the link's `lang=` value, `<html lang>` and the
    /// locale `Intl` formats numbers for.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ru => "ru",
        }
    }

    /// The language of a tag such as "ru-RU" or "ja", if we speak it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
            Lang::Ru => "Русский",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Ja => &JA,
            Lang::Ru => &RU,
        }
    }

    /// Whether a comma in a typed number is the decimal mark ("1,5")
    /// rather than a thousands separator ("1,500").
    pub fn decimal_comma(self) -> bool {
        self == Lang::Ru
    }
}

/// `template` with `{0}`, `{1}`... replaced by `args`. A placeholder
/// without an argument stays as written, so a mistake shows rather than
/// panics.
pub fn fill(template: &str, args: &[&str]) -> String {
    // split_once, not indexing: no panic path, so no panic message and its
    // char formatting in the wasm.
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let placeholder = after.split_once('}').and_then(|(index, tail)| {
            let value = args.get(index.parse::<usize>().ok()?)?;
            Some((value, tail))
        });
        match placeholder {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Texts {
    /// The label a field shows, and the one line that explains it on demand.
    pub fn field(&self, field: Field) -> (&'static str, &'static str) {
        let t = self;
        match field {
            Field::Phone => (t.phone, t.phone_help),
            Field::PhoneAht => (t.phone_aht, t.phone_aht_help),
            Field::PhoneTarget => (t.phone_target, t.phone_target_help),
            Field::PhoneTargetTime => (t.phone_target_time, t.phone_target_time_help),
            Field::Chat => (t.chat, t.chat_help),
            Field::ChatAht => (t.chat_aht, t.chat_aht_help),
            Field::ChatConcurrency => (t.chat_concurrency, t.chat_concurrency_help),
            Field::ChatTarget => (t.chat_target, t.chat_target_help),
            Field::ChatTargetTime => (t.chat_target_time, t.chat_target_time_help),
            Field::Email => (t.email, t.email_help),
            Field::EmailAht => (t.email_aht, t.email_aht_help),
            Field::EmailWindow => (t.email_window, t.email_window_help),
            Field::EmailTarget => (t.email_target, t.email_target_help),
            Field::Patience => (t.patience, t.patience_help),
            Field::Open => (t.open, t.open_help),
            Field::Close => (t.close, t.close_help),
            Field::Days => (t.days, t.days_help),
            Field::Rate => (t.rate, t.rate_help),
            Field::LanguagePremium => (t.language_premium, t.language_premium_help),
            Field::Deflection => (t.deflection, t.deflection_help),
            Field::Tier1Resolution => (t.tier1_resolution, t.tier1_resolution_help),
            Field::Tier2Aht => (t.tier2_aht, t.tier2_aht_help),
            Field::Tier2Premium => (t.tier2_premium, t.tier2_premium_help),
            Field::Shrinkage => (t.shrinkage, t.shrinkage_help),
            Field::MaxOccupancy => (t.max_occupancy, t.max_occupancy_help),
            Field::SharedMarkup => (t.shared_markup, t.shared_markup_help),
            Field::SharedMinimum => (t.shared_minimum, t.shared_minimum_help),
            Field::PoolCap => (t.pool_cap, t.pool_cap_help),
            Field::PoolPhoneTarget => (t.pool_phone_target, t.pool_phone_target_help),
            Field::PoolPhoneTargetTime => (t.pool_phone_target_time, t.pool_phone_target_time_help),
            Field::PoolChatTarget => (t.pool_chat_target, t.pool_chat_target_help),
            Field::PoolChatTargetTime => (t.pool_chat_target_time, t.pool_chat_target_time_help),
            Field::BillingIncrement => (t.billing_increment, t.billing_increment_help),
            Field::AfterContactWork => (t.acw, t.acw_help),
            Field::EmailFee => (t.email_fee, t.email_fee_help),
            Field::SharedSetup => (t.shared_setup, t.shared_setup_help),
            Field::SetupFee => (t.setup_fee, t.setup_fee_help),
            Field::Training => (t.training, t.training_help),
            Field::Term => (t.term, t.term_help),
            Field::Tech => (t.tech, t.tech_help),
            Field::LeadSpan => (t.lead_span, t.lead_span_help),
            Field::OffhoursPremium => (t.offhours_premium, t.offhours_premium_help),
            Field::CoreOpen => (t.core_open, t.core_open_help),
            Field::CoreClose => (t.core_close, t.core_close_help),
            Field::CoreDays => (t.core_days, t.core_days_help),
            Field::RampWeeks => (t.ramp_weeks, t.ramp_weeks_help),
            Field::OwnAgents => (t.own_agents, t.own_agents_help),
            Field::OwnOpen => (t.own_open, t.own_open_help),
            Field::OwnClose => (t.own_close, t.own_close_help),
            Field::OwnDays => (t.own_days, t.own_days_help),
            Field::OwnCost => (t.own_cost, t.own_cost_help),
        }
    }

    /// A model's name.
    pub fn model(&self, kind: ModelKind) -> &'static str {
        let t = self;
        match kind {
            ModelKind::Shared => t.model_shared,
            ModelKind::Dedicated => t.model_dedicated,
            ModelKind::Combined => t.model_combined,
            ModelKind::OwnTeam => t.model_own_team,
        }
    }

    /// A unit's short name, after a number or in a column of its own.
    pub fn unit(&self, unit: crate::model::Unit) -> &'static str {
        use crate::model::Unit;
        match unit {
            Unit::Contacts => self.unit_contacts,
            Unit::Seconds => self.unit_seconds,
            Unit::Hours => self.unit_hours,
            Unit::Percent => "%",
            Unit::Money => "USD",
            Unit::MoneyPerHour => self.unit_money_per_hour,
            Unit::Multiplier => "×",
            Unit::Count | Unit::HourOfDay | Unit::Days => "",
            Unit::Months => self.unit_months,
            Unit::Minutes => self.unit_minutes,
            Unit::Weeks => self.unit_weeks,
        }
    }
}

impl Texts {
    /// A month's name.
    pub fn month(&self, month: crate::model::Month) -> &'static str {
        [
            self.month_1,
            self.month_2,
            self.month_3,
            self.month_4,
            self.month_5,
            self.month_6,
            self.month_7,
            self.month_8,
            self.month_9,
            self.month_10,
            self.month_11,
            self.month_12,
        ][month.index()]
    }
}

/// Declares `Texts` with one field per key of `first` and `Later` with one
/// per key of `later`, and `EN` and `EN_LATER`, the English texts.
///
/// Why two structs: a struct is one block of data, so every text of `EN`
/// is in the first screen's wasm. The texts that only the parts in chunks
/// use (`later`) are in `Later`, which only [`Texts::later`] names for
/// English: that function is called only from chunks' code, so the splitter
/// moves it, with `EN_LATER`, into a chunk. Japanese and Russian name theirs
/// in `later`, and come whole in their own chunks.
macro_rules! texts {
    (
        first { $($key:ident: $en:literal,)* }
        later { $($lkey:ident: $len:literal,)* }
    ) => {
        /// The texts the first screen shows, in one language, and (`later`)
        /// the rest.
        pub struct Texts {
            $(pub $key: &'static str,)*
            /// `None` for English, whose `EN_LATER` only `later()` names.
            pub later: Option<&'static Later>,
        }

        /// The texts only the parts of the page in chunks show, in one
        /// language.
        pub struct Later {
            $(pub $lkey: &'static str,)*
        }

        pub const EN: Texts = Texts { $($key: $en,)* later: None };

        pub const EN_LATER: Later = Later { $($lkey: $len,)* };

        impl Texts {
            /// The texts only the parts in chunks use. Never called from
            /// the first screen's code (nor inlined into it), or English's
            /// would be in its wasm again.
            #[inline(never)]
            pub fn later(&self) -> &'static Later {
                match self.later {
                    Some(later) => later,
                    None => &EN_LATER,
                }
            }

            /// Every key with its text, `first` then `later`, in
            /// declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                let later = self.later();
                vec![$((stringify!($key), self.$key),)* $((stringify!($lkey), later.$lkey),)*]
            }
        }
    };
}
pub(crate) use texts;
