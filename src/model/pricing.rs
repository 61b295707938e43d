//! What does a model cost a month, and what is the money for? Dedicated
//! seats billed per FTE with their premiums, shared minutes billed per
//! handled minute, and the vendor-style breakdown both are reported in.

use super::pattern::WEEKS_PER_MONTH;
use super::scenario::Scenario;
use super::staffing::Team;
use serde::{Deserialize, Serialize};

/// Paid hours per FTE per month: 52 weeks × 40 h / 12.
pub const PAID_HOURS_PER_MONTH: f64 = 52.0 * 40.0 / 12.0;
/// Paid hours per FTE per week.
pub const PAID_HOURS_PER_WEEK: f64 = 40.0;
/// Team leads and QA analysts cost this multiple of the agent rate.
pub const LEAD_RATE_MULTIPLIER: f64 = 1.5;

/// One line of the cost breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CostItem {
    Labour,
    LanguagePremium,
    SpecialistPremium,
    OffhoursPremium,
    ManagementQa,
    Technology,
    SetupTraining,
    SharedMinutes,
    MinimumTopup,
}

impl CostItem {
    pub const ALL: [CostItem; 9] = [
        CostItem::Labour,
        CostItem::LanguagePremium,
        CostItem::SpecialistPremium,
        CostItem::OffhoursPremium,
        CostItem::ManagementQa,
        CostItem::Technology,
        CostItem::SetupTraining,
        CostItem::SharedMinutes,
        CostItem::MinimumTopup,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CostItem::Labour => "labour",
            CostItem::LanguagePremium => "language_premium",
            CostItem::SpecialistPremium => "specialist_premium",
            CostItem::OffhoursPremium => "offhours_premium",
            CostItem::ManagementQa => "management_qa",
            CostItem::Technology => "technology",
            CostItem::SetupTraining => "setup_training",
            CostItem::SharedMinutes => "shared_minutes",
            CostItem::MinimumTopup => "minimum_topup",
        }
    }
}

/// A month's cost by item, USD. One-off fees appear amortised over the
/// contract term in `setup_training`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    pub labour: f64,
    pub language_premium: f64,
    pub specialist_premium: f64,
    pub offhours_premium: f64,
    pub management_qa: f64,
    pub technology: f64,
    pub setup_training: f64,
    pub shared_minutes: f64,
    pub minimum_topup: f64,
}

impl Breakdown {
    pub fn items(&self) -> [(CostItem, f64); 9] {
        [
            (CostItem::Labour, self.labour),
            (CostItem::LanguagePremium, self.language_premium),
            (CostItem::SpecialistPremium, self.specialist_premium),
            (CostItem::OffhoursPremium, self.offhours_premium),
            (CostItem::ManagementQa, self.management_qa),
            (CostItem::Technology, self.technology),
            (CostItem::SetupTraining, self.setup_training),
            (CostItem::SharedMinutes, self.shared_minutes),
            (CostItem::MinimumTopup, self.minimum_topup),
        ]
    }

    pub fn total(&self) -> f64 {
        self.items().iter().map(|(_, x)| x).sum()
    }

    pub(crate) fn plus(&self, o: &Breakdown) -> Breakdown {
        Breakdown {
            labour: self.labour + o.labour,
            language_premium: self.language_premium + o.language_premium,
            specialist_premium: self.specialist_premium + o.specialist_premium,
            offhours_premium: self.offhours_premium + o.offhours_premium,
            management_qa: self.management_qa + o.management_qa,
            technology: self.technology + o.technology,
            setup_training: self.setup_training + o.setup_training,
            shared_minutes: self.shared_minutes + o.shared_minutes,
            minimum_topup: self.minimum_topup + o.minimum_topup,
        }
    }
}

/// Full-time equivalents for a week of seat-hours: seats / (40 h × (1 −
/// shrinkage)), shrinkage in percent. One seat around the clock at 30 %
/// is 168 / 40 / 0.7 = 6 FTE.
pub fn fte(seat_hours_per_week: f64, shrinkage_pct: f64) -> f64 {
    seat_hours_per_week / (PAID_HOURS_PER_WEEK * (1.0 - shrinkage_pct / 100.0))
}

/// What a dedicated team costs.
pub(crate) struct DedicatedCost {
    /// Monthly, without setup and training.
    pub recurring: Breakdown,
    /// Setup fee and training, paid once.
    pub one_off: f64,
    pub fte: f64,
    pub billed_agents: u32,
}

/// Dedicated pricing. Labour bills whole agents (ceil of FTE); premiums are
/// charged on the paid hours behind the seats they apply to (seat-hours /
/// (1 − shrinkage)), so they grow with those seats and never fall when the
/// team grows elsewhere. `extra_languages` is the number of non-primary
/// languages every agent of a multilingual team speaks (0 otherwise).
pub(crate) fn dedicated(s: &Scenario, team: &Team, extra_languages: f64) -> DedicatedCost {
    let on_seat = 1.0 - s.shrinkage_pct / 100.0;
    let fte = fte(team.seat_hours, s.shrinkage_pct);
    let billed = (fte - 1e-9).ceil().clamp(0.0, f64::from(u32::MAX));
    let rate = s.rate_per_hour;
    let paid = |seat_hours_per_week: f64| seat_hours_per_week * WEEKS_PER_MONTH / on_seat * rate;
    let language_seat_hours = team.nonprimary_seat_hours + team.seat_hours * extra_languages;
    let recurring = Breakdown {
        labour: billed * PAID_HOURS_PER_MONTH * rate,
        language_premium: paid(language_seat_hours) * s.language_premium_pct / 100.0,
        specialist_premium: paid(team.tier2_seat_hours) * s.tier2_premium_pct / 100.0,
        offhours_premium: paid(team.offhours_seat_hours) * s.offhours_premium_pct / 100.0,
        management_qa: billed / s.lead_span * PAID_HOURS_PER_MONTH * rate * LEAD_RATE_MULTIPLIER,
        technology: billed * s.tech_per_seat,
        ..Breakdown::default()
    };
    let one_off = if billed > 0.0 {
        s.setup_fee + s.training_per_agent * billed
    } else {
        0.0
    };
    DedicatedCost {
        recurring,
        one_off,
        fte,
        billed_agents: billed as u32,
    }
}

/// Seasonal agents a dedicated team adds for the peak month: how many, and
/// what they cost once (training, and paid weeks of ramp-up before they
/// are productive) on top of the peak team's month.
pub(crate) fn seasonal_one_off(
    s: &Scenario,
    base: &DedicatedCost,
    peak: &DedicatedCost,
) -> (u32, f64) {
    let extra = peak.billed_agents.saturating_sub(base.billed_agents);
    let per_agent = s.training_per_agent + s.ramp_weeks * PAID_HOURS_PER_WEEK * s.rate_per_hour;
    (extra, f64::from(extra) * per_agent)
}

/// What one month asks of the shared pool, before its cap.
#[derive(Clone, Copy, Default)]
pub(crate) struct PoolUse {
    /// Handled (talk, chat, write) minutes: what the cap counts.
    pub handled_minutes: f64,
    /// Minutes as billed: each contact rounded up to the billing increment,
    /// wrap-up included or not; emails too unless they carry a fee.
    pub billed_minutes: f64,
    /// Billed minutes of tier-2 escalations (they carry the premium).
    pub tier2_minutes: f64,
    /// Contacts sent to the pool (not tier-2 escalations).
    pub contacts: f64,
    /// Emails billed per item at `email_fee` (0 when billed by the minute).
    pub fee_emails: f64,
}

/// The pool's monthly charge for `usage`: billed minutes at rate/60 × (1 +
/// markup), emails at their fee when one is set, the language premium on
/// the non-primary share, the specialist premium on tier-2 minutes, and
/// the top-up to the monthly minimum. The pool takes handled minutes up to
/// its cap; above it the same share of every contact is not served (nor
/// billed). Returns the charge and the share served.
pub(crate) fn pool_charge(s: &Scenario, usage: &PoolUse, primary_share: f64) -> (Breakdown, f64) {
    let served = if usage.handled_minutes > s.pool_cap_min {
        s.pool_cap_min / usage.handled_minutes
    } else {
        1.0
    };
    let per_minute = s.rate_per_hour / 60.0 * (1.0 + s.shared_markup_pct / 100.0);
    let minutes = (usage.billed_minutes * per_minute + usage.fee_emails * s.email_fee) * served;
    let mut b = Breakdown {
        shared_minutes: minutes,
        language_premium: minutes * (1.0 - primary_share).max(0.0) * s.language_premium_pct / 100.0,
        specialist_premium: usage.tier2_minutes * served * per_minute * s.tier2_premium_pct / 100.0,
        ..Breakdown::default()
    };
    b.minimum_topup = (s.shared_minimum - b.total()).max(0.0);
    (b, served)
}
