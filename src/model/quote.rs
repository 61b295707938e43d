//! Is a vendor's quote in line with our estimate? Turns a quote as vendors
//! write it (per minute, per agent-hour, per agent-month, plus a setup fee)
//! into a monthly cost and a cost per contact, and compares it with the
//! estimate for the same model.

use serde::{Deserialize, Serialize};

use super::outcome::Outcome;
use super::pricing::PAID_HOURS_PER_MONTH;
use super::scenario::{FieldSpec, Unit};

/// What a quoted price, quantity or fee may be: the page checks typed
/// numbers against this, as it does for the scenario's fields.
pub const AMOUNT_SPEC: FieldSpec = FieldSpec {
    key: "quote",
    min: 0.0,
    max: 10_000_000.0,
    default: 0.0,
    whole: false,
    unit: Unit::Money,
};

/// Beyond this ratio either way, a quote is flagged: a third above our
/// estimate usually hides premiums or a thin team; a third below usually
/// means hours, languages or service targets left out of the quote.
pub const FAR_ABOVE_RATIO: f64 = 1.3;
pub const FAR_BELOW_RATIO: f64 = 0.7;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum QuoteBasis {
    /// Shared agents: a price per handled minute. Without the vendor's own
    /// minute count, our estimate of handled minutes is used.
    PerMinute {
        price_per_minute: f64,
        minutes_per_month: Option<f64>,
    },
    /// Dedicated agents priced per paid hour, for a number of FTE.
    PerAgentHour { rate_per_hour: f64, fte: f64 },
    /// Dedicated agents priced per agent and month.
    PerAgentMonth {
        price_per_agent_month: f64,
        agents: f64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorQuote {
    pub basis: QuoteBasis,
    pub setup_fee: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteFlag {
    FarAbove,
    InLine,
    FarBelow,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteCheck {
    /// Recurring cost plus the setup fee spread over the contract term.
    pub monthly_cost: f64,
    pub cost_per_contact: f64,
    /// Our estimate for the model the quote is for (shared for per-minute
    /// quotes, dedicated for per-agent ones).
    pub estimate_monthly_cost: f64,
    /// Quote / estimate; 1.0 when there is nothing to compare.
    pub ratio: f64,
    pub flag: QuoteFlag,
}

fn finite_non_negative(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 { x } else { 0.0 }
}

impl VendorQuote {
    pub fn check(&self, outcome: &Outcome, contract_months: f64) -> QuoteCheck {
        let (recurring, estimate) = match self.basis {
            QuoteBasis::PerMinute {
                price_per_minute,
                minutes_per_month,
            } => {
                let minutes = minutes_per_month.unwrap_or(outcome.shared.handled_hours * 60.0);
                (
                    finite_non_negative(price_per_minute) * finite_non_negative(minutes),
                    outcome.shared.monthly_cost,
                )
            }
            QuoteBasis::PerAgentHour { rate_per_hour, fte } => (
                finite_non_negative(rate_per_hour)
                    * PAID_HOURS_PER_MONTH
                    * finite_non_negative(fte),
                outcome.dedicated.monthly_cost,
            ),
            QuoteBasis::PerAgentMonth {
                price_per_agent_month,
                agents,
            } => (
                finite_non_negative(price_per_agent_month) * finite_non_negative(agents),
                outcome.dedicated.monthly_cost,
            ),
        };
        let monthly_cost =
            recurring + finite_non_negative(self.setup_fee) / contract_months.max(1.0);
        let contacts = outcome.contacts_per_month;
        let cost_per_contact = if contacts > 0.0 {
            monthly_cost / contacts
        } else {
            0.0
        };
        let ratio = if estimate > 0.0 {
            monthly_cost / estimate
        } else {
            1.0
        };
        let flag = if ratio > FAR_ABOVE_RATIO {
            QuoteFlag::FarAbove
        } else if ratio < FAR_BELOW_RATIO {
            QuoteFlag::FarBelow
        } else {
            QuoteFlag::InLine
        };
        QuoteCheck {
            monthly_cost,
            cost_per_contact,
            estimate_monthly_cost: estimate,
            ratio,
            flag,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scenario, compute};

    fn default_outcome() -> Outcome {
        compute(&Scenario::default())
    }

    #[test]
    fn per_minute_quote_at_our_own_price_is_in_line() {
        let outcome = default_outcome();
        let minutes = outcome.shared.handled_hours * 60.0;
        // The estimate's own price per minute, setup left out: the same money.
        let price = (outcome.shared.breakdown.shared_minutes) / minutes;
        let quote = VendorQuote {
            basis: QuoteBasis::PerMinute {
                price_per_minute: price,
                minutes_per_month: None,
            },
            setup_fee: 0.0,
        };
        let check = quote.check(&outcome, 12.0);
        assert!((check.monthly_cost - outcome.shared.breakdown.shared_minutes).abs() < 1e-6);
        assert_eq!(check.flag, QuoteFlag::InLine);
    }

    #[test]
    fn per_agent_month_quote_adds_setup_over_the_term_and_flags_far_above() {
        let outcome = default_outcome();
        let agents = 10.0;
        let price = 2.0 * outcome.dedicated.monthly_cost / agents;
        let quote = VendorQuote {
            basis: QuoteBasis::PerAgentMonth {
                price_per_agent_month: price,
                agents,
            },
            setup_fee: 1200.0,
        };
        let check = quote.check(&outcome, 12.0);
        assert!((check.monthly_cost - (price * agents + 100.0)).abs() < 1e-6);
        assert_eq!(check.flag, QuoteFlag::FarAbove);
        assert!(
            (check.cost_per_contact - check.monthly_cost / outcome.contacts_per_month).abs() < 1e-9
        );
    }

    #[test]
    fn per_hour_quote_uses_paid_hours_per_month_and_flags_far_below() {
        let outcome = default_outcome();
        let quote = VendorQuote {
            basis: QuoteBasis::PerAgentHour {
                rate_per_hour: 1.0,
                fte: 1.0,
            },
            setup_fee: 0.0,
        };
        let check = quote.check(&outcome, 12.0);
        assert!((check.monthly_cost - PAID_HOURS_PER_MONTH).abs() < 1e-9);
        assert_eq!(check.flag, QuoteFlag::FarBelow);
    }

    #[test]
    fn nonsense_numbers_give_finite_results() {
        let outcome = default_outcome();
        let quote = VendorQuote {
            basis: QuoteBasis::PerMinute {
                price_per_minute: f64::NAN,
                minutes_per_month: Some(f64::INFINITY),
            },
            setup_fee: -5.0,
        };
        let check = quote.check(&outcome, 0.0);
        assert!(
            check.monthly_cost.is_finite()
                && check.ratio.is_finite()
                && check.cost_per_contact.is_finite()
        );
    }
}
