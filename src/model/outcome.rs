//! What does each model cost and cover? compute() prices the shared,
//! dedicated and combined models for a scenario in a base month and in each
//! month of its year, then asks `advice` which fits and `curves` how cost
//! moves with volume. It is two parts, which the page runs one after the
//! other: [`figures`], what every scenario shows first, and [`what_ifs`],
//! what would change the answer, which is most of the work.

pub use super::advice::Lever;
pub use super::advice::{
    Flip, HoursFlip, Reason, Recommendation, ServiceFlip, TargetChange, WhatIf,
};
use super::advice::{WhatIfSearch, misses, pick, recommend, settle, what_ifs as what_ifs_in};
use super::curves::{Sample, break_even, curves};
use super::own_team::{self, OwnTeamPool, OwnTeamWhatIf};
use super::pattern::{HOURS_PER_WEEK, WEEKS_PER_MONTH, Week};
use super::pricing::{self, Breakdown, BusyMonth, PAID_HOURS_PER_MONTH, PoolUse};
use super::scenario::{Field, Scenario};
use super::staffing::{CHAT, Ctx, LiveStats, PHONE, PoolLive, Role, Team};
use super::year::{Hiring, MONTHS, SeasonCosts, YearProfile, hiring};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelKind {
    Shared,
    Dedicated,
    Combined,
    /// The buyer's own team with the pool behind it (`own_team.rs`): not
    /// in `ALL`, which are the three ways to outsource.
    OwnTeam,
}

impl ModelKind {
    pub const ALL: [ModelKind; 3] = [ModelKind::Shared, ModelKind::Dedicated, ModelKind::Combined];

    pub fn key(self) -> &'static str {
        match self {
            ModelKind::Shared => "shared",
            ModelKind::Dedicated => "dedicated",
            ModelKind::Combined => "combined",
            ModelKind::OwnTeam => "own_team",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Chat,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Phone, Channel::Chat, Channel::Email];
}

/// Service of one channel under one model. For phone and chat the achieved
/// level is the share answered within `target_s` among contacts offered in
/// the requested hours; for email it is the share answered within the
/// response window (`target_s` is the window in seconds).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelService {
    pub channel: Channel,
    pub achieved_pct: f64,
    pub target_pct: f64,
    pub target_s: f64,
    /// Mean wait of answered contacts; `None` for email (not a queue) and
    /// for a queue that cannot keep up.
    pub asa_s: Option<f64>,
    pub occupancy_pct: f64,
    pub abandon_pct: f64,
}

impl ChannelService {
    /// The row of a channel the scenario sends nothing: nothing waited,
    /// hung up or kept an agent busy, whichever model would answer it. Each
    /// model's own arithmetic would otherwise leave its own defaults there
    /// (the pool's pace for Shared, none for Dedicated, a mix for Combined).
    fn idle(self) -> Self {
        Self {
            achieved_pct: 100.0,
            asa_s: (self.channel != Channel::Email).then_some(0.0),
            occupancy_pct: 0.0,
            abandon_pct: 0.0,
            ..self
        }
    }
}

/// Who answers an hour of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum HourCover {
    Uncovered,
    Shared,
    /// Dedicated agents on seat (all queues), after shrinkage is allowed for.
    Dedicated {
        agents: u32,
    },
}

mod week_of_hours {
    use super::*;

    pub fn serialize<S: Serializer>(hours: &Week<HourCover>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(hours.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Week<HourCover>, D::Error> {
        let v = Vec::<HourCover>::deserialize(d)?;
        v.try_into()
            .map_err(|_| D::Error::custom("expected 168 hours"))
    }
}

/// One model's price and performance. Money in USD; "monthly" is a base
/// (non-peak) month with one-off fees amortised over the contract term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelResult {
    pub kind: ModelKind,
    pub monthly_cost: f64,
    /// The dearest month of the year, with one-off fees amortised and the
    /// seasonal agents it hires trained and ramped up in full.
    pub peak_month_cost: f64,
    /// `setup_cost` + the twelve months' costs.
    pub first_year_cost: f64,
    /// One-off fees paid once, at the start: setup, and training of the
    /// base team.
    pub setup_cost: f64,
    /// January to December.
    pub months: [MonthResult; MONTHS],
    /// Monthly cost per handled contact (0 when nothing is handled).
    pub cost_per_contact: f64,
    /// Dedicated FTE plus, for the pool's part, handled hours / 173.3.
    pub fte: f64,
    /// Dedicated agents billed (the dedicated part of the model).
    pub billed_agents: u32,
    /// Overtime hours a month the dedicated part works in every month: the
    /// need past its last whole agent, when that costs less than another
    /// agent (`pricing::PLANNED_OVERTIME_SHARE`). Each month's
    /// `overtime_hours` counts them too.
    pub planned_overtime_hours: f64,
    /// The most temporary agents the dedicated model has on seat in any
    /// month.
    pub seasonal_agents: u32,
    /// Contacts answered in a base month.
    pub handled_contacts: f64,
    /// Handled (talk, chat, write) hours in a base month, tier 2 included.
    pub handled_hours: f64,
    /// Minutes billed by the shared pool in a base month (rounded up per
    /// contact to the billing increment; emails with a fee not included).
    pub pool_minutes: f64,
    /// "Hours covered": share of the requested hours of the week someone
    /// answers under this model.
    pub requested_hours_covered_pct: f64,
    /// "Within target": share of the contacts the model is asked to answer
    /// (live ones in the requested hours, every email) answered within
    /// their channel's target. Contacts above the pool cap count as misses;
    /// those outside the requested hours are no model's (like for like:
    /// `Outcome::outside_hours_contacts`), so they are not counted at all.
    pub within_target_pct: f64,
    /// Phone, chat, email.
    pub service_level: [ChannelService; 3],
    pub occupancy_pct: f64,
    /// Abandoned share of live contacts offered in the answered hours.
    pub abandonment_pct: f64,
    /// "Meets every target": covers every requested hour and meets every
    /// target in the base month and in every month of the year, with
    /// nothing over the pool's cap: a price that may be shown without a
    /// flag. The same as `shortfalls` being empty.
    pub qualifies: bool,
    /// What the model misses, the reasons the recommendation lists for it:
    /// coverage, each channel's service in the base month or in the month
    /// of the year it is worst in, contacts over the pool cap.
    pub shortfalls: Vec<Reason>,
    /// Contacts a base month above the pool cap: not served, not billed.
    pub unserved_contacts: f64,
    pub breakdown: Breakdown,
    #[serde(with = "week_of_hours")]
    pub hours: Week<HourCover>,
}

/// One month of a model's year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthResult {
    /// The month's volume against the base month's.
    pub multiplier: f64,
    /// What the month costs: its recurring cost and the one-offs it pays
    /// (seasonal agents' training and ramp-up, in their season's first
    /// month). The setup is the year's, `ModelResult::setup_cost`.
    pub cost: f64,
    /// Agents on seat: the dedicated team's billed agents and the seasonal
    /// agents of the month (0 for the shared model, which has none).
    pub agents: u32,
    pub seasonal_agents: u32,
    /// Seasonal agents hired (trained, ramped up) this month for the
    /// season it starts.
    pub hired_agents: u32,
    /// Seasonal agents whose season ended: on seat the month before, not
    /// this month (December before January: seasons cross the new year).
    pub released_agents: u32,
    /// Paid overtime hours of the dedicated team: the planned ones of every
    /// month and a busy month's.
    pub overtime_hours: f64,
    /// Handled hours the shared pool takes this month: all of shared's,
    /// the combined team's surplus.
    pub pool_hours: f64,
    /// The share of the month's contacts answered within target, as
    /// `ModelResult::within_target_pct` is for the base month.
    pub within_target_pct: f64,
    /// Phone, chat, email: the share within each target.
    pub achieved_pct: [f64; 3],
    /// Contacts over the pool's cap: not served, not billed.
    pub unserved_contacts: f64,
}

/// Where dedicated becomes the cheaper of dedicated and shared, in
/// contacts a month reaching agents (all channels, the scenario's mix).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BreakEven {
    pub contacts_per_month: Option<f64>,
    /// Shared stays cheaper up to its cap, beyond which it cannot serve.
    pub limited_by_pool_cap: bool,
}

/// Monthly cost of each model across volume (same mix).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curves {
    /// Contacts a month reaching agents, 5 % to 300 % of the scenario's, log
    /// spaced; one point is the scenario itself.
    pub volumes: Vec<f64>,
    /// `None` past the pool cap: the pool cannot serve that volume.
    pub shared: Vec<Option<f64>>,
    pub dedicated: Vec<f64>,
    pub combined: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub shared: ModelResult,
    pub dedicated: ModelResult,
    pub combined: ModelResult,
    pub recommendation: Recommendation,
    /// What would change the recommendation.
    pub what_if: WhatIf,
    pub break_even: BreakEven,
    pub curves: Curves,
    /// Contacts a base month reaching agents (after self-service deflection).
    pub contacts_per_month: f64,
    /// Contacts a base month before self-service: the volumes typed.
    pub offered_contacts_per_month: f64,
    /// Calls and chats a base month arriving outside the requested hours:
    /// no model answers them live, none bills them (like for like).
    pub outside_hours_contacts: f64,
    /// Tier-2 escalations a base month that the buyer's own team works
    /// (0 when the vendor works them).
    pub in_house_tier2_contacts: f64,
    pub requested_hours_per_week: u32,
    /// The buyer's own team with the pool behind it, and what the pool
    /// takes from it: only when an own team is entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_team: Option<ModelResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_team_pool: Option<OwnTeamPool>,
}

impl ModelResult {
    /// The overtime the busy months add over the year: each month's hours
    /// past those planned for every month, which the monthly price has
    /// already.
    pub fn busy_overtime_hours(&self) -> f64 {
        self.months
            .iter()
            .map(|m| m.overtime_hours - self.planned_overtime_hours)
            .sum()
    }

    /// The shortfall a price is flagged with wherever it shows: contacts
    /// left unanswered first (the price covers only part of the volume),
    /// then hours not covered, then a target missed in a normal month,
    /// then one missed only in a busy month.
    pub fn flag(&self) -> Option<&Reason> {
        let rank = |r: &Reason| match r {
            Reason::OverPoolCap { month: None, .. } => 0,
            Reason::MissesCoverage { .. } => 1,
            Reason::MissesServiceTarget { .. }
            | Reason::PoolSlowerThanTarget { .. }
            | Reason::ShortOfAgents { .. } => 2,
            Reason::OverPoolCap { .. } => 3,
            _ => 4,
        };
        self.shortfalls.iter().min_by_key(|r| rank(r))
    }
}

/// The column of `kind` among the three models and the buyer's own team.
fn column<'a>(
    [shared, dedicated, combined]: [&'a ModelResult; 3],
    own: Option<&'a ModelResult>,
    kind: ModelKind,
) -> Option<&'a ModelResult> {
    match kind {
        ModelKind::Shared => Some(shared),
        ModelKind::Dedicated => Some(dedicated),
        ModelKind::Combined => Some(combined),
        ModelKind::OwnTeam => own,
    }
}

/// The columns to show: the three, then the own team's when there is one.
fn columns<'a>(three: [&'a ModelResult; 3], own: Option<&'a ModelResult>) -> Vec<&'a ModelResult> {
    three.into_iter().chain(own).collect()
}

/// The kinds of [`columns`], in that order.
fn kinds(own: bool) -> Vec<ModelKind> {
    ModelKind::ALL
        .into_iter()
        .chain(own.then_some(ModelKind::OwnTeam))
        .collect()
}

impl Outcome {
    /// A model's column: `None` for the buyer's own team when the outcome
    /// has none (no team entered).
    pub fn model(&self, kind: ModelKind) -> Option<&ModelResult> {
        column(
            [&self.shared, &self.dedicated, &self.combined],
            self.own_team.as_ref(),
            kind,
        )
    }

    /// The columns to show: the three, and the buyer's own team when the
    /// outcome has it.
    pub fn models(&self) -> Vec<&ModelResult> {
        columns(
            [&self.shared, &self.dedicated, &self.combined],
            self.own_team.as_ref(),
        )
    }

    /// The kinds of [`Self::models`], in that order.
    pub fn kinds(&self) -> Vec<ModelKind> {
        kinds(self.own_team.is_some())
    }
}

/// Prices every model for `s`, and the buyer's own team with the pool
/// behind it when one is entered: its [`figures`] and its [`sensitivity`].
/// Meant for valid scenarios, yet never panics and never returns NaN or
/// infinity: numbers out of range are clamped.
pub fn compute(s: &Scenario) -> Outcome {
    let ctx = Ctx::new(s);
    let pool = ctx.pool();
    let mut figures = figures_in(&ctx, &pool);
    own_team::add_figures_in(&ctx, &pool, &mut figures);
    let mut sensitivity = sensitivity_in(&ctx, &pool, &figures);
    own_team::add_sensitivity_in(&ctx, &pool, &figures, &mut sensitivity);
    Outcome::new(figures, sensitivity)
}

/// What a scenario shows first: the three models priced and measured, the
/// pick and its reasons but those the volume gives; everything in
/// [`Outcome`] but its [`Sensitivity`].
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub shared: ModelResult,
    pub dedicated: ModelResult,
    pub combined: ModelResult,
    /// The pick, with every reason but the break-even's, which the
    /// [`Sensitivity`] knows.
    pub recommendation: Recommendation,
    pub contacts_per_month: f64,
    pub offered_contacts_per_month: f64,
    pub outside_hours_contacts: f64,
    pub in_house_tier2_contacts: f64,
    pub requested_hours_per_week: u32,
    /// The buyer's own team's column, when one is entered and priced
    /// (`own_team::add_figures`); the pick above counts it.
    pub own_team: Option<ModelResult>,
    /// What the pool takes from the own team; its what-ifs (break-even
    /// cost, agents to meet the targets) are the [`Sensitivity`]'s.
    pub own_team_pool: Option<OwnTeamPool>,
}

impl Figures {
    /// A model's column: `None` for the buyer's own team when the figures
    /// have none (no team entered, or its pricing not yet loaded).
    pub fn model(&self, kind: ModelKind) -> Option<&ModelResult> {
        column(self.results(), self.own_team.as_ref(), kind)
    }

    /// The columns to show: the three, and the buyer's own team when the
    /// figures have it.
    pub fn models(&self) -> Vec<&ModelResult> {
        columns(self.results(), self.own_team.as_ref())
    }

    /// The kinds of [`Self::models`], in that order.
    pub fn kinds(&self) -> Vec<ModelKind> {
        kinds(self.own_team.is_some())
    }

    pub(crate) fn results(&self) -> [&ModelResult; 3] {
        [&self.shared, &self.dedicated, &self.combined]
    }
}

/// What a scenario shows second: how the answer moves with the inputs.
/// Most of the work is here (each curve point and each threshold prices
/// the three models again), so the page paints the [`Figures`] before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// The figures' pick with every reason, the break-even's among them as
    /// the what-ifs leave them.
    pub recommendation: Recommendation,
    /// What would change the recommendation.
    pub what_if: WhatIf,
    pub break_even: BreakEven,
    pub curves: Curves,
    /// The scenario's own volume, which the curves mark.
    pub contacts_per_month: f64,
    /// What would change the own team's comparison, when the figures have
    /// its column (`own_team::add_sensitivity`).
    pub own_team: Option<OwnTeamWhatIf>,
}

impl Outcome {
    /// The whole outcome from its two parts.
    pub fn new(figures: Figures, sensitivity: Sensitivity) -> Outcome {
        Outcome {
            shared: figures.shared,
            dedicated: figures.dedicated,
            combined: figures.combined,
            recommendation: sensitivity.recommendation,
            what_if: sensitivity.what_if,
            break_even: sensitivity.break_even,
            curves: sensitivity.curves,
            contacts_per_month: figures.contacts_per_month,
            offered_contacts_per_month: figures.offered_contacts_per_month,
            outside_hours_contacts: figures.outside_hours_contacts,
            in_house_tier2_contacts: figures.in_house_tier2_contacts,
            requested_hours_per_week: figures.requested_hours_per_week,
            own_team_pool: figures.own_team_pool.map(|pool| OwnTeamPool {
                break_even_cost_per_agent_month: sensitivity
                    .own_team
                    .and_then(|w| w.break_even_cost_per_agent_month),
                agents_to_meet_targets: sensitivity.own_team.and_then(|w| w.agents_to_meet_targets),
                ..pool
            }),
            own_team: figures.own_team,
        }
    }
}

/// The first part of [`compute`]: everything but its [`Sensitivity`].
pub fn figures(s: &Scenario) -> Figures {
    let ctx = Ctx::new(s);
    let pool = ctx.pool();
    let mut figures = figures_in(&ctx, &pool);
    own_team::add_figures_in(&ctx, &pool, &mut figures);
    figures
}

/// The second part of [`compute`]: how the answer for `s`, whose
/// [`figures`] are `figures`, moves with its volume and its other inputs.
pub fn sensitivity(s: &Scenario, figures: &Figures) -> Sensitivity {
    let ctx = Ctx::new(s);
    let pool = ctx.pool();
    let mut sensitivity = sensitivity_in(&ctx, &pool, figures);
    own_team::add_sensitivity_in(&ctx, &pool, figures, &mut sensitivity);
    sensitivity
}

/// [`figures`] of the three ways to outsource alone: the page's first
/// screen, which adds the own team's column (`own_team::add_figures`) from
/// a chunk of its own, loaded only for a scenario with a team.
pub fn outsourcing_figures(s: &Scenario) -> Figures {
    let ctx = Ctx::new(s);
    figures_in(&ctx, &ctx.pool())
}

/// [`sensitivity`] of the three ways to outsource alone, likewise
/// (`own_team::add_sensitivity`).
pub fn outsourcing_sensitivity(s: &Scenario, figures: &Figures) -> Sensitivity {
    let ctx = Ctx::new(s);
    sensitivity_in(&ctx, &ctx.pool(), figures)
}

fn sensitivity_in(ctx: &Ctx, pool: &[PoolLive; 2], figures: &Figures) -> Sensitivity {
    let reference = reference(ctx, figures);
    let rctx = reference.as_ref().unwrap_or(ctx);
    let rcontacts = total_contacts(rctx);
    let (curves, samples) = curves(rctx, pool, rcontacts);
    let break_even = break_even(rctx, pool, rcontacts, &samples);
    let what_if = what_ifs_in(ctx, pool, figures.results(), &what_if_pick(ctx, figures));
    assemble(ctx, figures, curves, break_even, what_if)
}

/// With no volume, curves and break-even use the default mix instead.
fn reference(ctx: &Ctx, figures: &Figures) -> Option<Ctx> {
    (figures.contacts_per_month <= 0.0).then(|| {
        let mut r = ctx.s.clone();
        for f in [Field::Phone, Field::Chat, Field::Email] {
            r.set(f, f.spec().default);
        }
        Ctx::new(&r)
    })
}

/// The pick the what-ifs ask what would change: among the three ways to
/// outsource; the own team's column, folded into the figures' pick, has
/// its own (`own_team::add_sensitivity`).
fn what_if_pick(ctx: &Ctx, figures: &Figures) -> Recommendation {
    if figures.own_team.is_some() {
        recommend(ctx, figures.results(), None, figures.contacts_per_month)
    } else {
        figures.recommendation.clone()
    }
}

fn assemble(
    ctx: &Ctx,
    figures: &Figures,
    curves: Curves,
    break_even: BreakEven,
    what_if: WhatIf,
) -> Sensitivity {
    let mut recommendation = recommend(
        ctx,
        figures.results(),
        Some(&break_even),
        figures.contacts_per_month,
    );
    recommendation.reasons = recommendation
        .answered_by(Some(&what_if))
        .copied()
        .collect();
    Sensitivity {
        recommendation,
        what_if,
        break_even,
        curves,
        contacts_per_month: figures.contacts_per_month,
        own_team: None,
    }
}

/// A part of [`outsourcing_sensitivity`]'s work: the curves, the
/// break-even, or one lever's what-if.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SensitivityPart {
    Curves,
    BreakEven,
    WhatIf(Lever),
}

impl SensitivityPart {
    /// Every part, in the order [`SensitivityWork::step`] computes them:
    /// the break-even reuses the curves' samples.
    pub const ALL: [SensitivityPart; 10] = [
        SensitivityPart::Curves,
        SensitivityPart::BreakEven,
        SensitivityPart::WhatIf(Lever::ALL[0]),
        SensitivityPart::WhatIf(Lever::ALL[1]),
        SensitivityPart::WhatIf(Lever::ALL[2]),
        SensitivityPart::WhatIf(Lever::ALL[3]),
        SensitivityPart::WhatIf(Lever::ALL[4]),
        SensitivityPart::WhatIf(Lever::ALL[5]),
        SensitivityPart::WhatIf(Lever::ALL[6]),
        SensitivityPart::WhatIf(Lever::ALL[7]),
    ];
}

/// [`outsourcing_sensitivity`] one part at a time: the page computes a
/// part per task ([`SensitivityWork::step`]), so that no task is long, and
/// drops the work when the scenario changes before it is done.
pub struct SensitivityWork {
    ctx: Ctx,
    /// The curves' and break-even's context, when it is not `ctx`
    /// ([`reference`]).
    reference: Option<Ctx>,
    pool: [PoolLive; 2],
    figures: Figures,
    /// `None` when the pick meets no target: no lever has anything to say.
    search: Option<WhatIfSearch>,
    curves: Curves,
    samples: Vec<Sample>,
    break_even: BreakEven,
    what_if: WhatIf,
    /// How many of [`SensitivityPart::ALL`] are computed.
    done: usize,
}

impl SensitivityWork {
    /// The work for `s`, whose [`outsourcing_figures`] are `figures`.
    pub fn new(s: &Scenario, figures: &Figures) -> SensitivityWork {
        let ctx = Ctx::new(s);
        let pool = ctx.pool();
        let search =
            WhatIfSearch::new(&ctx, &pool, figures.results(), &what_if_pick(&ctx, figures));
        SensitivityWork {
            reference: reference(&ctx, figures),
            ctx,
            pool,
            figures: figures.clone(),
            search,
            curves: Curves::default(),
            samples: Vec::new(),
            break_even: BreakEven::default(),
            what_if: WhatIf::default(),
            done: 0,
        }
    }

    /// Computes the next part and says which it was; `None` once every
    /// part is computed.
    pub fn step(&mut self) -> Option<SensitivityPart> {
        let part = *SensitivityPart::ALL.get(self.done)?;
        self.done += 1;
        let (ctx, pool) = (&self.ctx, &self.pool);
        let rctx = self.reference.as_ref().unwrap_or(ctx);
        match part {
            SensitivityPart::Curves => {
                (self.curves, self.samples) = curves(rctx, pool, total_contacts(rctx));
            }
            SensitivityPart::BreakEven => {
                self.break_even = break_even(rctx, pool, total_contacts(rctx), &self.samples);
            }
            SensitivityPart::WhatIf(lever) => {
                if let Some(search) = &self.search {
                    search.find(lever, ctx, pool, self.figures.results(), &mut self.what_if);
                }
            }
        }
        Some(part)
    }

    /// The sensitivity, once the parts not yet computed are.
    pub fn finish(mut self) -> Sensitivity {
        while self.step().is_some() {}
        assemble(
            &self.ctx,
            &self.figures,
            self.curves,
            self.break_even,
            self.what_if,
        )
    }
}

fn figures_in(ctx: &Ctx, pool: &[PoolLive; 2]) -> Figures {
    let contacts = total_contacts(ctx);
    let outside = outside_hours(ctx);
    let [shared, dedicated, combined] = results(ctx, pool);
    let recommendation = recommend(ctx, [&shared, &dedicated, &combined], None, contacts);
    Figures {
        shared,
        dedicated,
        combined,
        recommendation,
        contacts_per_month: contacts,
        offered_contacts_per_month: ctx.s.phone_per_month
            + ctx.s.chat_per_month
            + ctx.s.email_per_month,
        outside_hours_contacts: outside,
        // Escalations of what is answered: live contacts in the requested
        // hours and every email.
        in_house_tier2_contacts: if ctx.s.tier2_outsourced {
            0.0
        } else {
            (contacts - outside) * (1.0 - ctx.s.tier1_resolution_pct / 100.0)
        },
        requested_hours_per_week: ctx.requested.iter().filter(|&&h| h).count() as u32,
        own_team: None,
        own_team_pool: None,
    }
}

/// The three models priced and measured, without the advice, the curves
/// or the what-ifs: the part of [`compute`] every scenario needs first.
pub fn price(s: &Scenario) -> [ModelResult; 3] {
    let ctx = Ctx::new(s);
    let pool = ctx.pool();
    results(&ctx, &pool)
}

fn results(ctx: &Ctx, pool: &[PoolLive; 2]) -> [ModelResult; 3] {
    let team = ctx.team(Role::Dedicated, 1.0, true);
    let stats = ctx.live_stats(&team, Role::Dedicated, 1.0, 1.0);
    // A core window over every requested hour makes the core team the
    // dedicated team, with the same service.
    let core = (!ctx.core_is_full()).then(|| {
        let core = ctx.core_beside(&team, 1.0, true);
        let stats = ctx.live_stats(&core, Role::Core, 1.0, 1.0);
        (core, stats)
    });
    let (core, core_stats) = core.as_ref().map_or((&team, &stats), |(t, s)| (t, s));
    let mut out = [
        shared_result(ctx, pool),
        dedicated_result(ctx, &team, &stats),
        combined_result(ctx, pool, core, core_stats),
    ];
    for r in &mut out {
        judge(ctx, pool, r);
    }
    out
}

/// A priced model's last word: the rows of channels with no contacts read
/// alike in every model, then what it misses and whether it qualifies.
pub(crate) fn judge(ctx: &Ctx, pool: &[PoolLive; 2], r: &mut ModelResult) {
    for (svc, volume) in r.service_level.iter_mut().zip(ctx.volumes()) {
        if volume <= 0.0 {
            *svc = svc.idle();
        }
    }
    r.shortfalls = misses(ctx, pool, r);
    r.qualifies = r.shortfalls.is_empty();
}

/// Every model's first-year and monthly cost for `s`, and whether each
/// meets every requirement: what the recommendation would make of it. The
/// what-ifs check each threshold with it, passing what need not be derived
/// again: the scenario's context when only volumes or the peak changed,
/// its pool when handle times and targets did not.
pub(crate) fn verdict_for(
    s: &Scenario,
    like: Option<&Ctx>,
    pool: Option<&[PoolLive; 2]>,
) -> Verdict {
    let ctx = like.map_or_else(|| Ctx::new(s), |c| c.reshaped(s));
    let pool = pool.copied().unwrap_or_else(|| ctx.pool());
    let r = results(&ctx, &pool);
    Verdict {
        first_year: r.each_ref().map(|m| m.first_year_cost),
        monthly: r.each_ref().map(|m| m.monthly_cost),
        ok: r.each_ref().map(|m| m.qualifies),
    }
}

/// The three models priced and judged.
pub(crate) struct Verdict {
    pub first_year: [f64; 3],
    pub monthly: [f64; 3],
    pub ok: [bool; 3],
}

impl Verdict {
    pub fn pick(&self) -> Option<ModelKind> {
        pick(self.first_year, self.ok)
    }

    /// The pick, where `stay` keeps it while it qualifies and costs at
    /// most a close call's band more: a threshold inside that band is
    /// not a change of answer.
    pub fn settled(&self, stay: ModelKind) -> Option<ModelKind> {
        settle(self.first_year, self.ok, stay)
    }
}

/// The teams a volume point is priced with, cost only.
pub(crate) struct Teams {
    pub dedicated: Team,
    /// `None` when the core team is the dedicated team.
    core: Option<Team>,
}

pub(crate) fn teams_at(ctx: &Ctx, factor: f64) -> Teams {
    let dedicated = ctx.team(Role::Dedicated, factor, false);
    let core = if ctx.core_is_full() {
        None
    } else {
        Some(ctx.core_beside(&dedicated, factor, false))
    };
    Teams { dedicated, core }
}

impl Teams {
    fn core(&self) -> &Team {
        self.core.as_ref().unwrap_or(&self.dedicated)
    }
}

/// First-year cost of each model at volumes × `factor` over `year`, and
/// whether each qualifies: `carried` holds the scenario's own verdict on
/// everything but the pool cap and the months of the year, which are priced
/// again here.
pub(crate) struct Priced {
    pub first_year: [f64; 3],
    pub monthly: [f64; 3],
    pub ok: [bool; 3],
}

#[inline(never)]
pub(crate) fn priced(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    teams: &Teams,
    carried: [bool; 3],
    factor: f64,
    year: &YearProfile,
) -> Priced {
    let sh = shared_parts(ctx, pool, factor, year);
    let de = dedicated_parts(ctx, &teams.dedicated, factor, year, false);
    let co = combined_parts(ctx, pool, factor, year, teams.core());
    let volumes = ctx.volumes();
    let targets = [
        ctx.live[PHONE].target,
        ctx.live[CHAT].target,
        ctx.email_target,
    ];
    // A month staffed for its volume meets the targets as the base team
    // does; one short of staff is measured.
    let first = year.first_alike();
    let months_met = (0..MONTHS).all(|i| {
        let m = &de.months[i];
        first[i] < i || m.uncovered <= 0.0 || {
            let achieved = de.short_achieved(ctx, &teams.dedicated, factor, year.0[i], m);
            (0..3).all(|c| volumes[c] <= 0.0 || achieved[c] >= 100.0 * targets[c] - 1e-9)
        }
    });
    let all_served = |served: f64, months: &[PoolMonth; MONTHS]| {
        served >= 1.0 && months.iter().all(|m| m.served >= 1.0)
    };
    let years = [sh.year(ctx), de.year(ctx), co.year(ctx)];
    Priced {
        first_year: years.each_ref().map(|y| y.first_year),
        monthly: years.each_ref().map(|y| y.monthly),
        ok: [
            carried[0] && all_served(sh.served, &sh.months),
            carried[1] && months_met,
            carried[2] && all_served(co.served, &co.months),
        ],
    }
}

pub(crate) fn total_contacts(ctx: &Ctx) -> f64 {
    ctx.live[PHONE].monthly + ctx.live[CHAT].monthly + ctx.email.monthly
}

/// Contacts a base month the models are asked to answer: the live ones in
/// the requested hours, and every email.
pub(crate) fn asked_contacts(ctx: &Ctx) -> f64 {
    total_contacts(ctx) - outside_hours(ctx)
}

/// The same by channel: phone and chat in the requested hours, email.
fn asked_by_channel(ctx: &Ctx) -> [f64; 3] {
    [
        ctx.live[PHONE].monthly * ctx.requested_arrivals,
        ctx.live[CHAT].monthly * ctx.requested_arrivals,
        ctx.email.monthly,
    ]
}

/// The team's agents on seat in hour `h`, if any.
fn seated(team: &Team, h: usize) -> Option<u32> {
    (team.seats[h] > 0).then_some(team.seats[h])
}

/// The share within target of all contacts asked, from each channel's.
pub(crate) fn within_of(ctx: &Ctx, achieved_pct: [f64; 3]) -> f64 {
    let asked = asked_by_channel(ctx);
    let within: f64 = asked.iter().zip(achieved_pct).map(|(a, p)| a * p).sum();
    pct(within / 100.0, asked.iter().sum(), 100.0)
}

/// Who answers each requested hour: the team, with its agents on seat
/// where `team` names them, else the pool if it is used; and the share of
/// requested hours someone answers, in %.
pub(crate) fn cover_week(
    requested: &Week<bool>,
    team: impl Fn(usize) -> Option<u32>,
    pool_used: bool,
) -> (Week<HourCover>, f64) {
    let mut hours = [HourCover::Uncovered; HOURS_PER_WEEK];
    let mut covered = 0u32;
    for (h, cover) in hours.iter_mut().enumerate() {
        if !requested[h] {
            continue;
        }
        *cover = match team(h) {
            Some(agents) => HourCover::Dedicated { agents },
            None if pool_used => HourCover::Shared,
            None => continue,
        };
        covered += 1;
    }
    let asked = requested.iter().filter(|&&h| h).count();
    (hours, pct(f64::from(covered), asked as f64, 100.0))
}

pub(crate) fn pct(part: f64, whole: f64, empty: f64) -> f64 {
    if whole > 0.0 {
        (100.0 * part / whole).clamp(0.0, 100.0)
    } else {
        empty
    }
}

pub(crate) fn amortised(ctx: &Ctx, one_off: f64) -> f64 {
    one_off / ctx.s.contract_months
}

// ---- shared ---------------------------------------------------------------

/// Adds `emails` to what the pool handles and bills: by the minute, or at
/// the per-email fee when one is set.
pub(crate) fn add_email(u: &mut PoolUse, ctx: &Ctx, emails: f64) {
    u.handled_minutes += emails * ctx.email.aht / 60.0;
    if ctx.s.email_fee > 0.0 {
        u.fee_emails += emails;
    } else {
        u.billed_minutes += emails * ctx.email.billed_s / 60.0;
    }
    u.contacts += emails;
}

/// Adds tier-2 escalations, billed by the minute with the specialist premium.
pub(crate) fn add_tier2(u: &mut PoolUse, ctx: &Ctx, escalations: f64) {
    u.handled_minutes += escalations * ctx.tier2.aht / 60.0;
    let billed = escalations * ctx.tier2.billed_s / 60.0;
    u.billed_minutes += billed;
    u.tier2_minutes += billed;
}

/// What the pool handles when it takes every contact of the requested
/// hours (and every email), volumes × `factor` × `month`.
fn shared_use(ctx: &Ctx, pool: &[PoolLive; 2], factor: f64, month: f64) -> PoolUse {
    let k = factor * month;
    let mut u = PoolUse::default();
    for (ch, p) in ctx.live.iter().zip(pool.iter()) {
        let offered = ch.monthly * k * ctx.requested_arrivals;
        let answered = offered * (1.0 - p.p_abandon);
        u.handled_minutes += answered * ch.aht / 60.0;
        u.billed_minutes += answered * ch.billed_s / 60.0;
        u.contacts += offered;
    }
    let emails = ctx.email.monthly * k;
    let escalated = (u.contacts + emails) * ctx.escalation;
    add_email(&mut u, ctx, emails);
    add_tier2(&mut u, ctx, escalated);
    u
}

/// Live contacts a month arriving outside the requested hours: no model
/// answers them.
pub(crate) fn outside_hours(ctx: &Ctx) -> f64 {
    (ctx.live[PHONE].monthly + ctx.live[CHAT].monthly) * (1.0 - ctx.requested_arrivals).max(0.0)
}

/// A model's money over the first year.
#[derive(Clone, Copy)]
pub(crate) struct Year {
    /// A base month, one-off fees amortised over the term.
    pub monthly: f64,
    /// The dearest month, one-off fees amortised and its own one-offs
    /// (seasonal agents' training) in full.
    pub peak_month: f64,
    /// The one-off fees + the twelve months.
    pub first_year: f64,
    /// Each month's cost and the one-offs it pays, without the setup.
    pub months: [f64; MONTHS],
}

impl Year {
    pub(crate) fn new(ctx: &Ctx, base: f64, one_off: f64, months: [f64; MONTHS]) -> Year {
        let amortised = amortised(ctx, one_off);
        Year {
            monthly: base + amortised,
            peak_month: months.iter().copied().fold(base, f64::max) + amortised,
            first_year: one_off + months.iter().sum::<f64>(),
            months,
        }
    }
}

/// One month of the pool: its charge, the share of what it is sent that
/// it serves (the rest is over its cap), and how much it is sent.
#[derive(Clone, Copy, Default)]
pub(crate) struct PoolMonth {
    pub charge: f64,
    pub served: f64,
    pub contacts: f64,
    pub handled_minutes: f64,
}

impl PoolMonth {
    fn of(ctx: &Ctx, usage: &PoolUse) -> (PoolMonth, Breakdown) {
        let (b, served) = pricing::pool_charge(&ctx.s, usage, ctx.primary_share);
        let month = PoolMonth {
            charge: b.total(),
            served,
            contacts: usage.contacts,
            handled_minutes: usage.handled_minutes,
        };
        (month, b)
    }

    fn unserved(&self) -> f64 {
        self.contacts * (1.0 - self.served)
    }

    fn handled_hours(&self) -> f64 {
        self.handled_minutes * self.served / 60.0
    }
}

/// The shared model at volumes × `factor` over `year`.
pub(crate) struct SharedParts {
    pub base: PoolUse,
    pub charge: Breakdown,
    pub served: f64,
    pub months: [PoolMonth; MONTHS],
}

pub(crate) fn shared_parts(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    factor: f64,
    year: &YearProfile,
) -> SharedParts {
    let base = shared_use(ctx, pool, factor, 1.0);
    let (base_month, charge) = PoolMonth::of(ctx, &base);
    let months = year.each_month((1.0, &base_month), |m| {
        PoolMonth::of(ctx, &shared_use(ctx, pool, factor, m)).0
    });
    SharedParts {
        base,
        charge,
        served: base_month.served,
        months,
    }
}

impl SharedParts {
    pub fn year(&self, ctx: &Ctx) -> Year {
        Year::new(
            ctx,
            self.charge.total(),
            ctx.s.shared_setup,
            self.months.map(|m| m.charge),
        )
    }
}

fn shared_result(ctx: &Ctx, pool: &[PoolLive; 2]) -> ModelResult {
    let s = &ctx.s;
    let p = shared_parts(ctx, pool, 1.0, &s.year);
    let year = p.year(ctx);
    let served = p.served;
    let mut breakdown = p.charge;
    breakdown.setup_training = amortised(ctx, s.shared_setup);

    let mut within = ctx.email.monthly * served;
    let mut answered = ctx.email.monthly * served;
    let (mut live, mut abandoned, mut busy_weight) = (0.0, 0.0, 0.0);
    for (ch, p) in ctx.live.iter().zip(pool.iter()) {
        let offered = ch.monthly * ctx.requested_arrivals;
        within += offered * p.service_level * served;
        answered += offered * (1.0 - p.p_abandon) * served;
        live += offered;
        abandoned += offered * p.p_abandon;
        busy_weight += offered * p.occupancy;
    }
    let live_service = |i: usize, channel: Channel| {
        let (ch, p) = (&ctx.live[i], &pool[i]);
        ChannelService {
            channel,
            achieved_pct: 100.0 * p.service_level * served,
            target_pct: ch.target * 100.0,
            target_s: ch.target_s,
            asa_s: p.asa_s,
            occupancy_pct: 100.0 * p.occupancy,
            abandon_pct: 100.0 * p.p_abandon,
        }
    };
    let handled_hours = p.base.handled_minutes * served / 60.0;
    let months = std::array::from_fn(|i| {
        let m = &p.months[i];
        let achieved_pct = [
            100.0 * pool[PHONE].service_level * m.served,
            100.0 * pool[CHAT].service_level * m.served,
            100.0 * m.served,
        ];
        MonthResult {
            multiplier: s.year.0[i],
            cost: year.months[i],
            within_target_pct: within_of(ctx, achieved_pct),
            achieved_pct,
            unserved_contacts: m.unserved(),
            pool_hours: m.handled_hours(),
            ..MonthResult::default()
        }
    });
    ModelResult {
        kind: ModelKind::Shared,
        monthly_cost: year.monthly,
        peak_month_cost: year.peak_month,
        first_year_cost: year.first_year,
        setup_cost: s.shared_setup,
        months,
        cost_per_contact: if answered > 0.0 {
            year.monthly / answered
        } else {
            0.0
        },
        fte: pricing::pool_fte(s, handled_hours),
        billed_agents: 0,
        planned_overtime_hours: 0.0,
        seasonal_agents: 0,
        handled_contacts: answered,
        handled_hours,
        pool_minutes: p.base.billed_minutes * served,
        requested_hours_covered_pct: 100.0,
        within_target_pct: pct(within, asked_contacts(ctx), 100.0),
        service_level: [
            live_service(PHONE, Channel::Phone),
            live_service(CHAT, Channel::Chat),
            ChannelService {
                channel: Channel::Email,
                achieved_pct: 100.0 * served,
                target_pct: ctx.email_target * 100.0,
                target_s: s.email_window_h * 3600.0,
                asa_s: None,
                occupancy_pct: ctx.occ * 100.0,
                abandon_pct: 0.0,
            },
        ],
        occupancy_pct: if live > 0.0 {
            100.0 * busy_weight / live
        } else {
            ctx.occ * 100.0
        },
        abandonment_pct: pct(abandoned, live, 0.0),
        // Judged with the others in `results`.
        qualifies: false,
        shortfalls: Vec::new(),
        unserved_contacts: p.base.contacts * (1.0 - served),
        breakdown,
        hours: ctx.requested.map(|r| {
            if r {
                HourCover::Shared
            } else {
                HourCover::Uncovered
            }
        }),
    }
}

// ---- dedicated ------------------------------------------------------------

/// The dedicated model at volumes × `factor` over `year`: the team for the
/// base month and how it covers each month, with the seasonal agents each
/// season hires.
pub(crate) struct DedicatedParts {
    pub cost: pricing::DedicatedCost,
    pub months: [BusyMonth; MONTHS],
    /// Seasonal agents hired in each month for the season it starts, and
    /// kept through a short gap between seasons.
    pub hiring: Hiring,
    /// The team each busier month would need, by multiplier, when asked
    /// for: its service is what a month staffed for its volume gives.
    pub needed: Vec<(f64, Team)>,
}

pub(crate) fn dedicated_parts(
    ctx: &Ctx,
    team: &Team,
    factor: f64,
    year: &YearProfile,
    keep_teams: bool,
) -> DedicatedParts {
    let s = &ctx.s;
    let cost = pricing::dedicated(s, team, ctx.extra_languages);
    let mut needed = Vec::new();
    let base = BusyMonth {
        recurring: cost.recurring.total(),
        ..BusyMonth::default()
    };
    // A quieter month keeps the base team: it is not let go for a month.
    // A busier one is priced cost-only; where it is short of staff its
    // service is read by `short_achieved`.
    let mut months = year.each_month((1.0, &base), |m| {
        if m <= 1.0 {
            return base;
        }
        let team = ctx.team(Role::Dedicated, factor * m, false);
        let need = pricing::dedicated(s, &team, ctx.extra_languages);
        if keep_teams {
            needed.push((m, team));
        }
        pricing::busy_month(s, &cost, &need, s.seasonal_agents)
    });
    let hiring = hiring(
        &months.map(|m| m.seasonal_agents),
        &months.map(|m| m.overtime_hours / PAID_HOURS_PER_MONTH),
        SeasonCosts {
            month: pricing::agent_month(s),
            hire: pricing::seasonal_one_off(s),
            overtime: pricing::overtime_saved_per_fte(s, &cost),
        },
    );
    for (month, &kept) in months.iter_mut().zip(hiring.kept.iter()) {
        *month = month.with_kept(s, &cost, kept);
    }
    DedicatedParts {
        cost,
        months,
        hiring,
        needed,
    }
}

impl DedicatedParts {
    pub fn year(&self, ctx: &Ctx) -> Year {
        let (per_hire, per_month) = (
            pricing::seasonal_one_off(&ctx.s),
            pricing::agent_month(&ctx.s),
        );
        let months = std::array::from_fn(|i| {
            self.months[i].recurring
                + f64::from(self.hiring.hired[i]) * per_hire
                + f64::from(self.hiring.kept[i]) * per_month
        });
        Year::new(ctx, self.cost.recurring.total(), self.cost.one_off, months)
    }

    /// Share within target on phone, chat and email in a month staffed for
    /// its volume, by the team it needs (kept with `keep_teams`).
    pub fn staffed_achieved(&self, ctx: &Ctx, factor: f64, multiplier: f64) -> Option<[f64; 3]> {
        let (_, team) = self.needed.iter().find(|(m, _)| *m == multiplier)?;
        let k = factor * multiplier;
        let stats = ctx.live_stats(team, Role::Dedicated, k, 1.0);
        let email = ctx.email_within(team, k, 1.0);
        Some([
            pct(stats[PHONE].within, stats[PHONE].offered, 100.0),
            pct(stats[CHAT].within, stats[CHAT].offered, 100.0),
            100.0 * email,
        ])
    }

    /// Share within target on phone, chat and email in a month short of
    /// staff: the base team on the base volume and the part of the month's
    /// surplus its unseated hours and overtime do not cover.
    pub fn short_achieved(
        &self,
        ctx: &Ctx,
        team: &Team,
        factor: f64,
        multiplier: f64,
        month: &BusyMonth,
    ) -> [f64; 3] {
        let load = 1.0 + (multiplier - 1.0) * month.uncovered;
        let stats = ctx.live_stats(team, Role::Dedicated, factor, load);
        let email = ctx.email_within(team, factor, load);
        [
            pct(stats[PHONE].within, stats[PHONE].offered, 100.0),
            pct(stats[CHAT].within, stats[CHAT].offered, 100.0),
            100.0 * email,
        ]
    }
}
/// Channel services of a dedicated team: live ones from `stats`, email from
/// the team's deferred plans.
fn team_email(team: &Team) -> (f64, f64, f64) {
    let (mut work, mut within, mut seats) = (0.0, 0.0, 0.0);
    for d in team.deferred.iter().filter(|d| d.email) {
        work += d.workload;
        within += d.workload * d.within;
        seats += d.seat_hours;
    }
    (work, within, seats)
}

fn live_channel(ctx: &Ctx, i: usize, channel: Channel, st: &LiveStats) -> ChannelService {
    let ch = &ctx.live[i];
    let answered = st.offered - st.abandoned;
    ChannelService {
        channel,
        achieved_pct: pct(st.within, st.offered, 100.0),
        target_pct: ch.target * 100.0,
        target_s: ch.target_s,
        asa_s: if st.unstable {
            None
        } else if answered > 0.0 {
            Some(st.wait / answered)
        } else {
            Some(0.0)
        },
        occupancy_pct: pct(st.busy, st.seat_hours, 0.0),
        abandon_pct: pct(st.abandoned, st.offered, 0.0),
    }
}

fn dedicated_result(ctx: &Ctx, team: &Team, stats: &[LiveStats; 2]) -> ModelResult {
    let s = &ctx.s;
    let p = dedicated_parts(ctx, team, 1.0, &s.year, true);
    let year = p.year(ctx);
    let planned = p.cost.planned_overtime_hours();
    let (email_work, email_within, _) = team_email(team);
    let email_share = if email_work > 0.0 {
        email_within / email_work
    } else {
        1.0
    };

    let mut breakdown = p.cost.recurring;
    breakdown.setup_training = amortised(ctx, p.cost.one_off);
    let weekly_live: f64 = stats.iter().map(|st| st.within).sum();
    let within = weekly_live * WEEKS_PER_MONTH + ctx.email.monthly * email_share;
    let answered = stats
        .iter()
        .map(|st| st.offered - st.abandoned)
        .sum::<f64>()
        * WEEKS_PER_MONTH
        + ctx.email.monthly;
    let busy: f64 = stats.iter().map(|st| st.busy).sum::<f64>()
        + team.deferred.iter().map(|d| d.workload).sum::<f64>();
    let offered_live: f64 = stats.iter().map(|st| st.offered).sum();
    let abandoned: f64 = stats.iter().map(|st| st.abandoned).sum();
    let (hours, covered_pct) = cover_week(&ctx.requested, |h| seated(team, h), false);
    let service_level = [
        live_channel(ctx, PHONE, Channel::Phone, &stats[PHONE]),
        live_channel(ctx, CHAT, Channel::Chat, &stats[CHAT]),
        email_service(ctx, team),
    ];
    let within_target_pct = pct(within, asked_contacts(ctx), 100.0);
    let base_achieved = service_level.map(|c| c.achieved_pct);
    let first = s.year.first_alike();
    let mut months = [MonthResult::default(); MONTHS];
    for i in 0..MONTHS {
        let m = &p.months[i];
        let multiplier = s.year.0[i];
        let (achieved_pct, within_target_pct) = if first[i] < i {
            (
                months[first[i]].achieved_pct,
                months[first[i]].within_target_pct,
            )
        } else if m.uncovered > 0.0 {
            let a = p.short_achieved(ctx, team, 1.0, multiplier, m);
            (a, within_of(ctx, a))
        } else if let Some(a) = p.staffed_achieved(ctx, 1.0, multiplier) {
            (a, within_of(ctx, a))
        } else {
            (base_achieved, within_target_pct)
        };
        months[i] = MonthResult {
            multiplier,
            cost: year.months[i],
            agents: p.cost.billed_agents + m.seasonal_agents + p.hiring.kept[i],
            seasonal_agents: m.seasonal_agents + p.hiring.kept[i],
            hired_agents: p.hiring.hired[i],
            overtime_hours: planned + m.overtime_hours,
            within_target_pct,
            achieved_pct,
            unserved_contacts: 0.0,
            ..MonthResult::default()
        };
    }
    for i in 0..MONTHS {
        let before = months[(i + MONTHS - 1) % MONTHS].seasonal_agents;
        months[i].released_agents = before.saturating_sub(months[i].seasonal_agents);
    }
    ModelResult {
        kind: ModelKind::Dedicated,
        monthly_cost: year.monthly,
        peak_month_cost: year.peak_month,
        first_year_cost: year.first_year,
        setup_cost: p.cost.one_off,
        months,
        cost_per_contact: if answered > 0.0 {
            year.monthly / answered
        } else {
            0.0
        },
        fte: p.cost.fte,
        billed_agents: p.cost.billed_agents,
        planned_overtime_hours: planned,
        seasonal_agents: months.iter().map(|m| m.seasonal_agents).max().unwrap_or(0),
        handled_contacts: answered,
        handled_hours: busy * WEEKS_PER_MONTH,
        pool_minutes: 0.0,
        requested_hours_covered_pct: covered_pct,
        within_target_pct,
        service_level,
        occupancy_pct: pct(busy, team.seat_hours, 0.0),
        abandonment_pct: pct(abandoned, offered_live, 0.0),
        // Judged with the others in `results`.
        qualifies: false,
        shortfalls: Vec::new(),
        unserved_contacts: 0.0,
        breakdown,
        hours,
    }
}

fn email_service(ctx: &Ctx, team: &Team) -> ChannelService {
    let (work, within, seats) = team_email(team);
    ChannelService {
        channel: Channel::Email,
        achieved_pct: pct(within, work, 100.0),
        target_pct: ctx.email_target * 100.0,
        target_s: ctx.s.email_window_h * 3600.0,
        asa_s: None,
        occupancy_pct: pct(work, seats, 0.0),
        abandon_pct: 0.0,
    }
}

// ---- combined -------------------------------------------------------------

/// What the combined model sends to the pool, volumes × `factor` ×
/// `month`: live contacts in requested hours outside the core window, a
/// busy month's surplus but the share `taken` the core team's unseated
/// hours take, the deferred backlog outside the core window, and all
/// deferred work when there is no core team. In a quieter month the core
/// team keeps its share and the pool is sent less.
///
/// The core team is staffed to meet the targets on its own, so a normal
/// month sends the pool no overflow to bill: contacts the core answers late
/// are its misses, counted in its service. Budgeting an overflow on top of
/// a team staffed for the target would pay twice for the same calls.
fn combined_use(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    factor: f64,
    month: f64,
    taken: f64,
    team: Option<&Team>,
) -> PoolUse {
    let mut u = PoolUse::default();
    let grown = (month - 1.0).max(0.0);
    // Of what the core window's volume grows by, the pool takes what the
    // core's unseated hours do not.
    let surplus = grown * (1.0 - taken);
    for (i, (ch, p)) in ctx.live.iter().zip(pool.iter()).enumerate() {
        let core = ctx.live_volume_in(i, true, factor) * WEEKS_PER_MONTH;
        let outside = ctx.live_volume_in(i, false, factor) * WEEKS_PER_MONTH;
        let sent = month * outside + surplus * core;
        let answered = sent * (1.0 - p.p_abandon);
        u.handled_minutes += answered * ch.aht / 60.0;
        u.billed_minutes += answered * ch.billed_s / 60.0;
        u.contacts += sent;
    }
    // The core team takes the base month's deferred work in its window,
    // the pool the backlog outside it (so the response clock holds in
    // every requested hour) with its growth, and the busy months' surplus
    // in the window.
    let all_emails = ctx.email.monthly * factor;
    let (emails, from_team) = match team {
        Some(t) => {
            let outside = t.emails_outside_core(all_emails);
            (
                grown * outside + surplus * (all_emails - outside),
                [t.pool_email, t.pool_tier2],
            )
        }
        None => (all_emails * month, [0.0, 0.0]),
    };
    // Escalations follow the contacts.
    let escalated = (u.contacts + emails) * ctx.escalation + from_team[1];
    add_email(&mut u, ctx, emails + from_team[0]);
    add_tier2(&mut u, ctx, escalated);
    u
}

pub(crate) struct CombinedParts {
    pub cost: pricing::DedicatedCost,
    pub base: PoolUse,
    pub pool_base: Breakdown,
    pub served: f64,
    pub months: [PoolMonth; MONTHS],
    /// Each month's share of its surplus over the base month that the core
    /// team's unseated paid hours take, before the pool is sent the rest.
    pub taken: [f64; MONTHS],
    /// What those unseated hours carry each month (the team's premiums).
    pub slack_premium: [f64; MONTHS],
    /// Pool used at all in the year: its minimum and setup apply.
    pub pool_used: bool,
    pub one_off: f64,
}

/// The combined model at volumes × `factor` over `year`; `team` is its
/// core team for `factor` (the dedicated team when the core window covers
/// every requested hour).
pub(crate) fn combined_parts(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    factor: f64,
    year: &YearProfile,
    team: &Team,
) -> CombinedParts {
    let s = &ctx.s;
    let cost = pricing::dedicated(s, team, ctx.extra_languages);
    // The back-office team exists whenever the core window does (always,
    // for a valid scenario); only then can it take the deferred work.
    let has_team = !ctx.core_window_shift.is_empty();
    let team = has_team.then_some(team);
    // A busy month goes first to the paid hours the core team's whole
    // agents leave unseated, as a dedicated team's does; the pool takes
    // the rest.
    let taken_in = |m: f64| {
        if has_team {
            pricing::slack_share(&cost, m)
        } else {
            0.0
        }
    };
    let base = combined_use(ctx, pool, factor, 1.0, 0.0, team);
    let (base_month, mut pool_base) = PoolMonth::of(ctx, &base);
    let mut months = year.each_month((1.0, &base_month), |m| {
        PoolMonth::of(ctx, &combined_use(ctx, pool, factor, m, taken_in(m), team)).0
    });
    let taken = year.0.map(taken_in);
    let slack_premium = std::array::from_fn(|i| pricing::slack_premium(&cost, year.0[i], taken[i]));
    // The pool is contracted for the peaks whenever a month grows past
    // the base, even one the core's unseated hours take whole: its minimum
    // is owed either way, so a volume whose team has more spare hours is
    // never the cheaper for it.
    let pool_used = base.handled_minutes > 0.0
        || months.iter().any(|m| m.handled_minutes > 0.0)
        || taken.iter().any(|&t| t > 0.0);
    if !pool_used {
        pool_base = Breakdown::default();
        for m in &mut months {
            m.charge = 0.0;
        }
    }
    let one_off = cost.one_off + if pool_used { s.shared_setup } else { 0.0 };
    CombinedParts {
        cost,
        base,
        pool_base,
        served: base_month.served,
        months,
        taken,
        slack_premium,
        pool_used,
        one_off,
    }
}

impl CombinedParts {
    pub fn year(&self, ctx: &Ctx) -> Year {
        let core = self.cost.recurring.total();
        Year::new(
            ctx,
            core + self.pool_base.total(),
            self.one_off,
            std::array::from_fn(|i| core + self.months[i].charge + self.slack_premium[i]),
        )
    }
}

fn combined_result(
    ctx: &Ctx,
    pool: &[PoolLive; 2],
    team: &Team,
    stats: &[LiveStats; 2],
) -> ModelResult {
    let s = &ctx.s;
    let p = combined_parts(ctx, pool, 1.0, &s.year, team);
    let year = p.year(ctx);
    let planned = p.cost.planned_overtime_hours();
    let has_team = !ctx.core_window_shift.is_empty();
    let pool_answers = if p.pool_used { 1.0 } else { 0.0 };

    let mut breakdown = p.cost.recurring.plus(&p.pool_base);
    breakdown.setup_training = amortised(ctx, p.one_off);

    let mut services = [email_service(ctx, team); 3];
    // Each month's share within target: the core keeps its base volume
    // (or, in a quieter month, less at the same service), the pool takes
    // the hours outside the core window and a busy month's surplus.
    let mut month_achieved = [[100.0; 3]; MONTHS];
    let (mut within, mut answered) = (0.0, 0.0);
    let (mut offered_all, mut abandoned_all, mut busy_live) = (0.0, 0.0, 0.0);
    for (i, channel) in [(PHONE, Channel::Phone), (CHAT, Channel::Chat)] {
        let (ch, pl, st) = (&ctx.live[i], &pool[i], &stats[i]);
        let outside = ctx.live_volume_in(i, false, 1.0);
        let sl_pool = pl.service_level * p.served * pool_answers;
        let offered = st.offered + outside;
        let ch_within = st.within + outside * sl_pool;
        let ch_abandoned = st.abandoned + outside * pl.p_abandon;
        let ch_answered = offered - ch_abandoned;
        let pool_wait = match pl.asa_s {
            Some(a) => Some(outside * (1.0 - pl.p_abandon) * a),
            None if outside <= 0.0 => Some(0.0),
            None => None,
        };
        let asa = match pool_wait {
            Some(w) if !st.unstable => Some(if ch_answered > 0.0 {
                (st.wait + w) / ch_answered
            } else {
                0.0
            }),
            _ => None,
        };
        within += ch_within;
        answered += ch_answered;
        offered_all += offered;
        abandoned_all += ch_abandoned;
        busy_live += st.busy;
        services[i] = ChannelService {
            channel,
            achieved_pct: pct(ch_within, offered, 100.0),
            target_pct: ch.target * 100.0,
            target_s: ch.target_s,
            asa_s: asa,
            occupancy_pct: if st.seat_hours > 0.0 {
                pct(st.busy, st.seat_hours, 0.0)
            } else {
                100.0 * pl.occupancy
            },
            abandon_pct: pct(ch_abandoned, offered, 0.0),
        };
        let core_rate = pct(st.within, st.offered, 100.0) / 100.0;
        for (achieved, ((&m, pm), &taken)) in month_achieved
            .iter_mut()
            .zip(s.year.0.iter().zip(&p.months).zip(&p.taken))
        {
            let surplus = (m - 1.0).max(0.0) * st.offered;
            let core = m.min(1.0) * st.offered;
            let pool_sl = pl.service_level * pm.served * pool_answers;
            // The surplus the core's unseated hours take is answered as
            // the core answers; the pool answers the rest.
            let (by_core, by_pool) = (surplus * taken, surplus * (1.0 - taken));
            achieved[i] = pct(
                (core + by_core) * core_rate + (m * outside + by_pool) * pool_sl,
                core + m * outside + surplus,
                100.0,
            );
        }
    }
    let (email_work, email_within, email_seats) = team_email(team);
    let email_share = if has_team {
        if email_work > 0.0 {
            email_within / email_work
        } else {
            1.0
        }
    } else {
        p.served * pool_answers
    };
    services[2].achieved_pct = 100.0 * email_share;
    let emails_in_core = if ctx.email.monthly > 0.0 {
        1.0 - team.emails_outside_core(ctx.email.monthly) / ctx.email.monthly
    } else {
        0.0
    };
    if email_seats <= 0.0 {
        services[2].occupancy_pct = ctx.occ * 100.0;
    }
    for (achieved, ((&m, pm), &taken)) in month_achieved
        .iter_mut()
        .zip(s.year.0.iter().zip(&p.months).zip(&p.taken))
    {
        achieved[2] = if has_team {
            // Shares of the base month's emails: the growth of those in
            // the core window that the core's unseated hours take, and the
            // rest of the growth, which the pool takes.
            let grown = (m - 1.0).max(0.0);
            let by_core = grown * taken * emails_in_core;
            let by_pool = grown - by_core;
            100.0 * (email_share * (1.0 + by_core) + by_pool * pm.served * pool_answers)
                / (1.0 + grown)
        } else {
            100.0 * pm.served * pool_answers
        };
    }
    let within = within * WEEKS_PER_MONTH + ctx.email.monthly * email_share;
    let email_answered = if has_team {
        1.0
    } else {
        p.served * pool_answers
    };
    let answered = answered * WEEKS_PER_MONTH + ctx.email.monthly * email_answered;
    let deferred_work: f64 = team.deferred.iter().map(|d| d.workload).sum();
    let team_busy = busy_live + deferred_work;
    let pool_hours = p.base.handled_minutes * p.served / 60.0;
    let in_core = |h: usize| ctx.core[h].then(|| seated(team, h)).flatten();
    let (hours, covered_pct) = cover_week(&ctx.requested, in_core, p.pool_used);
    let months = std::array::from_fn(|i| MonthResult {
        multiplier: s.year.0[i],
        cost: year.months[i],
        agents: p.cost.billed_agents,
        overtime_hours: planned,
        within_target_pct: within_of(ctx, month_achieved[i]),
        achieved_pct: month_achieved[i],
        unserved_contacts: p.months[i].unserved(),
        pool_hours: p.months[i].handled_hours(),
        ..MonthResult::default()
    });
    ModelResult {
        kind: ModelKind::Combined,
        monthly_cost: year.monthly,
        peak_month_cost: year.peak_month,
        first_year_cost: year.first_year,
        setup_cost: p.one_off,
        months,
        cost_per_contact: if answered > 0.0 {
            year.monthly / answered
        } else {
            0.0
        },
        fte: p.cost.fte + pricing::pool_fte(s, pool_hours),
        billed_agents: p.cost.billed_agents,
        planned_overtime_hours: planned,
        seasonal_agents: 0,
        handled_contacts: answered,
        handled_hours: team_busy * WEEKS_PER_MONTH + pool_hours,
        pool_minutes: p.base.billed_minutes * p.served,
        requested_hours_covered_pct: covered_pct,
        within_target_pct: pct(within, asked_contacts(ctx), 100.0),
        service_level: services,
        occupancy_pct: if team.seat_hours > 0.0 {
            pct(team_busy, team.seat_hours, 0.0)
        } else {
            100.0 * pool[PHONE].occupancy
        },
        abandonment_pct: pct(abandoned_all, offered_all, 0.0),
        // Judged with the others in `results`.
        qualifies: false,
        shortfalls: Vec::new(),
        unserved_contacts: p.base.contacts * (1.0 - p.served),
        breakdown,
        hours,
    }
}
