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

/// The full-time agents the pool's handled hours take, counted as a
/// team's are: at the occupancy cap, with the same shrinkage. The pool's
/// agents serve other clients too; this is how many of them the work keeps,
/// so that "Agents (FTE)" means people on every card, not the pool's talk
/// time beside a team's scheduled agents (3.8 beside a team of 9.1 on the
/// defaults, read by a buyer as four people).
pub fn pool_fte(s: &Scenario, handled_hours_per_month: f64) -> f64 {
    handled_hours_per_month
        / (PAID_HOURS_PER_MONTH * (1.0 - s.shrinkage_pct / 100.0) * s.max_occupancy_pct / 100.0)
}

/// What a dedicated team costs.
pub(crate) struct DedicatedCost {
    /// Monthly, without setup and training.
    pub recurring: Breakdown,
    /// Setup fee and training, paid once.
    pub one_off: f64,
    pub fte: f64,
    pub billed_agents: u32,
    /// The FTE past the last whole agent that the team works as overtime in
    /// every month (see [`PLANNED_OVERTIME_SHARE`]); 0 when it hires.
    pub overtime_fte: f64,
}

impl DedicatedCost {
    /// The planned overtime's paid hours in a month.
    pub fn planned_overtime_hours(&self) -> f64 {
        self.overtime_fte * PAID_HOURS_PER_MONTH
    }
}

/// The most overtime a dedicated team is planned to work in an ordinary
/// month, as a share of its whole agents' paid hours: the 5 % some centres
/// hold as a target (docs/sources.md). Without it a need of 10.01 FTE
/// billed an eleventh agent for 18 minutes a week, and a quote could fall
/// when the buyer asked for an hour more and the need slipped under 10.
pub const PLANNED_OVERTIME_SHARE: f64 = 0.05;

/// Dedicated pricing. Labour bills whole agents: the FTE rounded up, or
/// one agent fewer when the fraction past the last whole agent fits in
/// [`PLANNED_OVERTIME_SHARE`] and costs less as overtime than another
/// agent's month, as a vendor staffing to the need would plan it.
/// Premiums are charged on the paid hours behind the seats they apply to
/// (seat-hours / (1 − shrinkage)), overtime hours' at time and a half, so
/// they grow with those seats and never fall when the team grows
/// elsewhere. `extra_languages` is the number of non-primary languages
/// every agent of a multilingual team speaks (0 otherwise).
pub(crate) fn dedicated(s: &Scenario, team: &Team, extra_languages: f64) -> DedicatedCost {
    let on_seat = 1.0 - s.shrinkage_pct / 100.0;
    let fte = fte(team.seat_hours, s.shrinkage_pct);
    let rate = s.rate_per_hour;
    let paid = |seat_hours_per_week: f64| seat_hours_per_week * WEEKS_PER_MONTH / on_seat * rate;
    let language_seat_hours = team.nonprimary_seat_hours + team.seat_hours * extra_languages;
    let premiums = [
        paid(language_seat_hours) * s.language_premium_pct / 100.0,
        paid(team.tier2_seat_hours) * s.tier2_premium_pct / 100.0,
        paid(team.offhours_seat_hours) * s.offhours_premium_pct / 100.0,
    ];
    let premium_per_fte = if fte > 0.0 {
        premiums.iter().sum::<f64>() / fte
    } else {
        0.0
    };
    let whole = (fte - 1e-9).ceil().clamp(0.0, f64::from(u32::MAX));
    let fewer = whole - 1.0;
    let late = fte - fewer;
    let overtime = if fewer >= 1.0
        && late <= fewer * PLANNED_OVERTIME_SHARE
        && late * overtime_per_fte(s, premium_per_fte) < agent_month(s)
    {
        late
    } else {
        0.0
    };
    let billed = if overtime > 0.0 { fewer } else { whole };
    // An overtime hour carries its premiums at time and a half too.
    let late_premium = if fte > 0.0 {
        1.0 + (OVERTIME_PAY - 1.0) * overtime / fte
    } else {
        1.0
    };
    let recurring = Breakdown {
        labour: (billed + overtime * OVERTIME_PAY) * PAID_HOURS_PER_MONTH * rate,
        language_premium: premiums[0] * late_premium,
        specialist_premium: premiums[1] * late_premium,
        offhours_premium: premiums[2] * late_premium,
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
        overtime_fte: overtime,
    }
}

/// The most overtime a dedicated team works in a busy month, as a share of
/// its paid hours: 10 %, four hours on a 40-hour week. Workforce planners
/// cap it between the 5 % some centres hold as a target and the 48-hour
/// week the strictest centres allow (docs/sources.md).
pub const OVERTIME_SHARE: f64 = 0.10;
/// Overtime is paid at time and a half (the US Fair Labor Standards Act's
/// minimum, applied to the regular rate with its premiums).
pub const OVERTIME_PAY: f64 = 1.5;

/// How a dedicated team staffed for the base month covers a busier one:
/// first the paid hours its whole agents leave unseated, then overtime up to
/// [`OVERTIME_SHARE`] with the planned overtime counted in it, then seasonal
/// agents (when the buyer takes them).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct BusyMonth {
    /// The month's cost without any one-off: the base team, its overtime,
    /// the seasonal agents' month.
    pub recurring: f64,
    /// Paid overtime hours in the month beyond the planned ones.
    pub overtime_hours: f64,
    pub seasonal_agents: u32,
    /// Share of the month's extra work nobody covers (seasonal agents
    /// declined): 0 when the month is staffed for its volume.
    pub uncovered: f64,
}

/// A busy month for a team that costs `base` in the base month and would
/// need `need` staffed for the month's volume.
pub(crate) fn busy_month(
    s: &Scenario,
    base: &DedicatedCost,
    need: &DedicatedCost,
    seasonal: bool,
) -> BusyMonth {
    let base_total = base.recurring.total();
    let extra = (need.fte - base.fte).max(0.0);
    if extra <= 0.0 {
        return BusyMonth {
            recurring: base_total,
            ..BusyMonth::default()
        };
    }
    let agents = f64::from(base.billed_agents);
    let slack = super::clamp_to(agents - base.fte, 0.0, extra);
    let overtime = (extra - slack).min((agents * OVERTIME_SHARE - base.overtime_fte).max(0.0));
    let rest = extra - slack - overtime;
    let seasonal_agents = if seasonal {
        (rest - 1e-9).ceil().clamp(0.0, f64::from(u32::MAX))
    } else {
        0.0
    };
    let rate = s.rate_per_hour;
    let per_agent = agent_month(s);
    // The extra hours carry the base team's premiums (languages, nights,
    // tier 2) per hour as its own hours do: unseated hours' and seasonal
    // agents' at the rate, overtime's at time and a half.
    let premium_per_fte = premium_per_fte(base);
    let seasonal_fte = if seasonal { rest } else { 0.0 };
    let premium = premium_per_fte * (slack + OVERTIME_PAY * overtime + seasonal_fte);
    BusyMonth {
        recurring: base_total
            + overtime * PAID_HOURS_PER_MONTH * rate * OVERTIME_PAY
            + premium
            + seasonal_agents * per_agent,
        overtime_hours: overtime * PAID_HOURS_PER_MONTH,
        seasonal_agents: seasonal_agents as u32,
        uncovered: if seasonal { 0.0 } else { rest / extra },
    }
}

/// The share of a month's extra work, at `month` times the base month's
/// volume, that the paid hours `base`'s whole agents leave unseated can
/// take. The extra is read as the base team's FTE grown with the volume:
/// more than a queue of that size needs, so the share is, if anything, low.
pub(crate) fn slack_share(base: &DedicatedCost, month: f64) -> f64 {
    let extra = (month - 1.0).max(0.0) * base.fte;
    if extra <= 0.0 {
        return 0.0;
    }
    let slack = (f64::from(base.billed_agents) - base.fte).max(0.0);
    (slack / extra).min(1.0)
}

/// What the unseated hours that take `share` of a month's extra work carry:
/// the base team's premiums on those hours, as in [`busy_month`].
pub(crate) fn slack_premium(base: &DedicatedCost, month: f64, share: f64) -> f64 {
    premium_per_fte(base) * share * (month - 1.0).max(0.0) * base.fte
}

/// The base team's premiums (languages, nights, tier 2) per FTE: what an
/// hour of its work carries, whoever works it.
fn premium_per_fte(base: &DedicatedCost) -> f64 {
    let b = &base.recurring;
    // The planned overtime's hours carry theirs at time and a half.
    let paid_fte = base.fte + (OVERTIME_PAY - 1.0) * base.overtime_fte;
    if paid_fte > 0.0 {
        (b.language_premium + b.specialist_premium + b.offhours_premium) / paid_fte
    } else {
        0.0
    }
}

impl BusyMonth {
    /// The month with `kept` seasonal agents on seat between two seasons
    /// (paid as the hiring plan's months): they work the hours its
    /// overtime would have, at the regular rate, before anyone works late.
    pub(crate) fn with_kept(self, s: &Scenario, base: &DedicatedCost, kept: u32) -> BusyMonth {
        let overtime = self.overtime_hours / PAID_HOURS_PER_MONTH;
        let covered = f64::from(kept).min(overtime);
        if covered <= 0.0 {
            return self;
        }
        BusyMonth {
            recurring: self.recurring - covered * overtime_saved_per_fte(s, base),
            overtime_hours: (overtime - covered) * PAID_HOURS_PER_MONTH,
            ..self
        }
    }
}

/// What an agent already paid for the month saves working a month's FTE
/// of overtime hours instead: the overtime pay, and the half its premiums
/// carry on top of the premiums the same hours carry at the regular rate.
pub(crate) fn overtime_saved_per_fte(s: &Scenario, base: &DedicatedCost) -> f64 {
    overtime_per_fte(s, premium_per_fte(base))
}

/// A month's FTE of overtime for a team whose hours carry `premium_per_fte`
/// of premiums: the hours at time and a half, their premiums too.
fn overtime_per_fte(s: &Scenario, premium_per_fte: f64) -> f64 {
    PAID_HOURS_PER_MONTH * s.rate_per_hour * OVERTIME_PAY + premium_per_fte * (OVERTIME_PAY - 1.0)
}

/// An agent's month, a seasonal one's or one more of the base team's: the
/// hours paid, the share of a team lead and quality analyst, the seat's
/// tools.
pub(crate) fn agent_month(s: &Scenario) -> f64 {
    PAID_HOURS_PER_MONTH * s.rate_per_hour * (1.0 + LEAD_RATE_MULTIPLIER / s.lead_span)
        + s.tech_per_seat
}

/// What a seasonal agent costs once, on top of the months they work:
/// training, and paid weeks of ramp-up before they are productive.
pub(crate) fn seasonal_one_off(s: &Scenario) -> f64 {
    s.training_per_agent + s.ramp_weeks * PAID_HOURS_PER_WEEK * s.rate_per_hour
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
