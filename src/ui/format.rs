//! How numbers read on the page, in the reader's language and currency.
//! The browser's `Intl` does the formatting, so the wasm carries no locale
//! data; every number comes from the model, and so does the currency
//! conversion (`Money::from_usd`).

use crate::i18n::Lang;
use crate::model::advice::ESTIMATE_DIGITS;
use crate::model::decimal::round_significant;
use crate::model::{FieldError, FieldSpec, Money};

use super::browser::format_number;

/// The formats for one language and currency.
#[derive(Clone, Copy)]
pub struct Fmt {
    pub lang: Lang,
    pub money: Money,
}

/// Fraction digits left to Intl: a currency's own (2 for USD, 0 for
/// JPY), or for compact numbers one at most.
const INTL_DEFAULT_DIGITS: i32 = -1;

impl Fmt {
    fn intl(
        &self,
        value: f64,
        currency: bool,
        digits: i32,
        compact: bool,
        percent: bool,
    ) -> String {
        if !value.is_finite() {
            return "–".into();
        }
        let code = if currency {
            self.money.currency.code()
        } else {
            ""
        };
        format_number(value, self.lang.code(), code, digits, compact, percent)
    }

    /// A US-dollar amount in the chosen currency, whole units: "$12,346".
    pub fn money(&self, usd: f64) -> String {
        self.intl(self.money.from_usd(usd), true, 0, false, false)
    }

    /// An estimate in the chosen currency, to the figures it can carry:
    /// "$53,000" for 52,994 dollars. Exports keep the exact figure.
    pub fn estimate(&self, usd: f64) -> String {
        let shown = round_significant(self.money.from_usd(usd), ESTIMATE_DIGITS);
        self.intl(shown, true, 0, false, false)
    }

    /// With the currency's minor units, for small amounts such as a cost
    /// per contact: "$7.29", "¥1,094".
    pub fn money_cents(&self, usd: f64) -> String {
        self.intl(
            self.money.from_usd(usd),
            true,
            INTL_DEFAULT_DIGITS,
            false,
            false,
        )
    }

    /// Short money for chart axes: "$12K", "1.2万 ¥".
    pub fn money_short(&self, usd: f64) -> String {
        self.intl(
            self.money.from_usd(usd),
            true,
            INTL_DEFAULT_DIGITS,
            true,
            false,
        )
    }

    /// A whole count with the locale's grouping: "12,346", "12 346".
    pub fn count(&self, value: f64) -> String {
        self.intl(value, false, 0, false, false)
    }

    pub fn count_short(&self, value: f64) -> String {
        self.intl(value, false, INTL_DEFAULT_DIGITS, true, false)
    }

    /// A percentage given as 0-100, whole: "80%", "80 %".
    pub fn percent(&self, value_pct: f64) -> String {
        self.intl(value_pct, false, 0, false, true)
    }

    /// A share achieved against a target, rounded down: 79.96 % reads
    /// "79%", so a missed 80 % target never shows as met.
    pub fn percent_floor(&self, value_pct: f64) -> String {
        self.percent(value_pct.floor())
    }

    /// A small share that matters in tenths, such as the callers who hang
    /// up: "9.3%", "0.4%".
    pub fn percent_tenths(&self, value_pct: f64) -> String {
        self.intl(value_pct, false, 1, false, true)
    }

    pub fn one_decimal(&self, value: f64) -> String {
        self.intl(value, false, 1, false, false)
    }

    /// What a person typed in this language, read by `spec`: a comma is
    /// the decimal mark where the language writes one.
    pub fn read(&self, spec: &FieldSpec, text: &str) -> Result<f64, FieldError> {
        spec.parse_in(text, self.lang.decimal_comma())
    }

    /// A number as a person would type it back, in this language:
    /// "0.25", or "0,25" where the comma is the decimal mark. No grouping,
    /// so the text is also what a field shows and re-reads.
    pub fn plain(&self, value: f64) -> String {
        let text = super::browser::js_string(value);
        if self.lang.decimal_comma() {
            text.replace('.', ",")
        } else {
            text
        }
    }
}
