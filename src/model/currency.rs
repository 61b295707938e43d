//! In which currency are results shown, and at what rate? The model works in
//! US dollars (the region rates are quoted in them); a person may read the
//! results in another currency at an exchange rate they enter, because
//! nothing is fetched.

use super::scenario::{FieldSpec, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    Usd,
    Eur,
    Gbp,
    Jpy,
    Rub,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::Usd,
        Currency::Eur,
        Currency::Gbp,
        Currency::Jpy,
        Currency::Rub,
    ];

    /// The ISO 4217 code: the link's `cur=` value and what `Intl` formats.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Jpy => "JPY",
            Currency::Rub => "RUB",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// A starting rate, units per US dollar, for the person to correct:
    /// round figures near late-2026 market rates, not a quote.
    pub fn typical_per_usd(self) -> f64 {
        match self {
            Currency::Usd => 1.0,
            Currency::Eur => 0.9,
            Currency::Gbp => 0.8,
            Currency::Jpy => 150.0,
            Currency::Rub => 90.0,
        }
    }
}

/// The range an exchange rate may take, units per US dollar.
pub const PER_USD_SPEC: FieldSpec = FieldSpec {
    key: "fx",
    min: 0.0001,
    max: 100_000.0,
    default: 1.0,
    whole: false,
    unit: Unit::Multiplier,
};

/// How money is shown: a currency and its units per US dollar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money {
    pub currency: Currency,
    pub per_usd: f64,
}

impl Default for Money {
    fn default() -> Self {
        Money::at_typical_rate(Currency::Usd)
    }
}

impl Money {
    pub fn at_typical_rate(currency: Currency) -> Money {
        Money {
            currency,
            per_usd: currency.typical_per_usd(),
        }
    }

    /// A US-dollar amount in this currency.
    pub fn from_usd(self, usd: f64) -> f64 {
        usd * self.per_usd
    }

    /// An amount typed in this currency, in US dollars.
    pub fn to_usd(self, amount: f64) -> f64 {
        amount / self.per_usd
    }
}
