//! The words for the model's values: units, ranges, problems, names and
//! reasons, in the page's language. The texts are in `crate::i18n`; this
//! picks the one that fits and fills in formatted numbers.

use crate::i18n::{Texts, fill};
use crate::model::advice::ESTIMATE_DIGITS;
use crate::model::compare::Input;
use crate::model::compare::MAX_SAVED;
use crate::model::currency::PER_USD_SPEC;
use crate::model::decimal::round_significant;
use crate::model::own_team::OwnTeamWhatIf;
use crate::model::query::SetProblem;
use crate::model::quote::{MAX_QUOTES, StaffingFlag, StaffingRead};
use crate::model::{
    ArrivalPattern, Channel, CostItem, Field, FieldError, FieldSpec, Figures, MONTHS, ModelKind,
    Month, Preset, ProblemKind, QueryWarning, QueryWarningKind, Reason, Region, Scenario, Season,
    TargetChange, Unit, WhatIf,
};

use super::format::Fmt;

pub fn unit(unit: Unit, t: &Texts) -> &'static str {
    t.unit(unit)
}

fn number(value: f64, f: &Fmt) -> String {
    if value.fract() == 0.0 {
        f.count(value)
    } else {
        f.plain(value)
    }
}

pub fn range(spec: &FieldSpec, f: &Fmt, t: &Texts) -> String {
    fill(t.range, &[&number(spec.min, f), &number(spec.max, f)])
}

/// What a person typed, read by `spec` in the page's language, or the
/// message saying why it is not a value.
pub fn read(spec: &FieldSpec, text: &str, f: &Fmt, t: &Texts) -> Result<f64, String> {
    f.read(spec, text).map_err(|e| field_error(&e, spec, f, t))
}

/// Each message says what to type instead: a number this box reads back
/// as it stands, with no grouping to misread.
pub fn field_error(error: &FieldError, spec: &FieldSpec, f: &Fmt, t: &Texts) -> String {
    match error {
        FieldError::Empty => t.err_empty.into(),
        FieldError::NotANumber => fill(t.err_type_number, &[&f.plain(spec.default)]),
        FieldError::NotAnAmount(value) => fill(t.err_not_an_amount, &[&f.plain(*value)]),
        FieldError::NotDollars => t.err_not_dollars.into(),
        FieldError::Ambiguous { thousands, decimal } => {
            fill(t.err_ambiguous, &[&f.plain(*thousands), &f.plain(*decimal)])
        }
        FieldError::BelowMin(min) => fill(t.err_below_min, &[&number(*min, f)]),
        FieldError::AboveMax(max) => fill(t.err_above_max, &[&number(*max, f)]),
        FieldError::NotWhole => t.err_not_whole.into(),
    }
}

/// A value of a link that could not be used, as the notice names it: the
/// key, the value as found and why (`langs=en:50,es:60 (the shares add up
/// to 110, not 100)`).
pub fn link_problem(w: &QueryWarning, f: &Fmt, t: &Texts) -> String {
    let why = match &w.kind {
        QueryWarningKind::BadNumber { error } => {
            let spec = Field::from_key(&w.key).map_or(PER_USD_SPEC, Field::spec);
            field_error(error, &spec, f, t)
        }
        QueryWarningKind::UnknownChoice => t.later().link_why_choice.into(),
        QueryWarningKind::NotABool => t.later().link_why_bool.into(),
        QueryWarningKind::BadLanguages => t.later().link_why_languages.into(),
        QueryWarningKind::UnknownVersion => t.later().link_why_version.into(),
        QueryWarningKind::Reset { problem: p } => problem(p, f, t),
        QueryWarningKind::BadLabel => t.later().link_why_label.into(),
        QueryWarningKind::BadWeek => t.later().link_why_week.into(),
        QueryWarningKind::BadMonths { .. } => t.later().link_why_months.into(),
        QueryWarningKind::ReadAsMonth { month, multiplier } => {
            return fill(
                t.later().link_read_as_month,
                &[&times(*multiplier, f), month_name(*month, t)],
            );
        }
        QueryWarningKind::BadSet { problem } => match problem {
            SetProblem::Version => t.later().link_why_version.into(),
            SetProblem::TooLong => t.later().link_why_too_long.into(),
            SetProblem::TooMany => {
                let max = if w.key == "cmp" {
                    MAX_SAVED
                } else {
                    MAX_QUOTES
                };
                fill(t.later().link_why_too_many, &[&max.to_string()])
            }
            SetProblem::Cut => t.later().link_why_cut.into(),
            SetProblem::Unreadable { index } => {
                let text = if w.key == "cmp" {
                    t.later().link_why_scenario
                } else {
                    t.later().link_why_quote
                };
                fill(text, &[&index.to_string()])
            }
        },
    };
    fill(
        t.later().link_item,
        &[&format!("{}={}", w.key, w.value), &why],
    )
}

pub fn problem(kind: &ProblemKind, f: &Fmt, t: &Texts) -> String {
    let nth = |index: &usize| (index + 1).to_string();
    match kind {
        ProblemKind::OutOfRange { min, max } => {
            fill(t.err_between, &[&number(*min, f), &number(*max, f)])
        }
        ProblemKind::NotWhole => t.err_not_whole.into(),
        ProblemKind::NotFinite => t.err_not_a_number.into(),
        ProblemKind::CloseNotAfterOpen => t.err_close_before_open.into(),
        ProblemKind::NoLanguage => t.err_no_language.into(),
        ProblemKind::TooManyLanguages { max } => {
            fill(t.err_too_many_languages, &[&max.to_string()])
        }
        ProblemKind::BadLanguageCode { index } => fill(t.err_language_code, &[&nth(index)]),
        ProblemKind::DuplicateLanguage { index } => fill(t.err_duplicate_language, &[&nth(index)]),
        ProblemKind::BadShare { index } => fill(t.err_language_share, &[&nth(index)]),
        ProblemKind::SharesDoNotSumTo100 { sum } => fill(t.err_shares_sum, &[&f.plain(*sum)]),
    }
}

pub fn region_name(region: Region, t: &Texts) -> &'static str {
    match region {
        Region::Offshore => t.region_offshore,
        Region::Nearshore => t.region_nearshore,
        Region::Onshore => t.region_onshore,
    }
}

pub fn pattern_name(pattern: &ArrivalPattern, t: &Texts) -> &'static str {
    match pattern {
        ArrivalPattern::BusinessHours => t.pattern_business,
        ArrivalPattern::ExtendedHours => t.pattern_extended,
        ArrivalPattern::Flat => t.pattern_flat,
        ArrivalPattern::EveningsWeekends => t.pattern_evenings,
        ArrivalPattern::Custom(_) => t.pattern_custom,
    }
}

/// An input's name, as the form labels it.
pub fn input_name(input: Input, t: &Texts) -> &'static str {
    match input {
        Input::Number(field) => t.field(field).0,
        Input::Region => t.region_label,
        Input::Pattern => t.pattern_label,
        Input::Year => t.season_label,
        Input::Languages => t.languages_section,
        Input::AllWeek => t.all_week,
        Input::Multilingual => t.multilingual,
        Input::Specialised => t.specialised,
        Input::Tier2Outsourced => t.tier2_outsourced,
        Input::SeasonalAgents => t.seasonal_agents,
        Input::AcwBilled => t.acw_billed,
    }
}

/// An input's value in a scenario, with its unit.
pub fn input_value(input: Input, s: &Scenario, f: &Fmt, t: &Texts) -> String {
    let yes_no = |on: bool| {
        if on {
            t.later().csv_yes
        } else {
            t.later().csv_no
        }
        .to_string()
    };
    match input {
        Input::Number(field) => {
            let unit = unit(field.spec().unit, t);
            let value = number(s.get(field), f);
            if unit.is_empty() {
                value
            } else {
                format!("{value} {unit}")
            }
        }
        Input::Region => region_name(s.region, t).into(),
        Input::Pattern => pattern_name(&s.pattern, t).into(),
        Input::Year => match s.year.season() {
            Season::Custom => s.year.months().map(|m| times(m, f)).join(" "),
            season => season_name(season, t).into(),
        },
        Input::Languages => s
            .languages
            .iter()
            .map(|l| format!("{} {}%", l.code, f.plain(l.share_pct)))
            .collect::<Vec<_>>()
            .join(", "),
        Input::AllWeek => yes_no(s.all_week),
        Input::Multilingual => yes_no(s.multilingual),
        Input::Specialised => yes_no(s.specialised),
        Input::Tier2Outsourced => yes_no(s.tier2_outsourced),
        Input::SeasonalAgents => yes_no(s.seasonal_agents),
        Input::AcwBilled => yes_no(s.acw_billed),
    }
}

pub fn preset_name(preset: Preset, t: &Texts) -> &'static str {
    match preset {
        Preset::SmallSaas => t.preset_small_saas,
        Preset::SeasonalEcommerce => t.preset_ecommerce,
        Preset::Enterprise247 => t.preset_enterprise,
    }
}

pub fn model_basis(kind: ModelKind, t: &Texts) -> &'static str {
    match kind {
        ModelKind::Shared => t.basis_shared,
        ModelKind::Dedicated => t.basis_dedicated,
        ModelKind::Combined => t.basis_combined,
        ModelKind::OwnTeam => t.basis_own_team,
    }
}

/// A cost item's name and its colour in the breakdown bars.
pub fn cost_item(item: CostItem, t: &Texts) -> (&'static str, &'static str) {
    match item {
        CostItem::Labour => (t.later().item_labour, "#1d4ed8"),
        CostItem::SharedMinutes => (t.later().item_shared_minutes, "#0f766e"),
        CostItem::LanguagePremium => (t.later().item_language, "#7c3aed"),
        CostItem::SpecialistPremium => (t.later().item_specialists, "#be185d"),
        CostItem::OffhoursPremium => (t.later().item_offhours, "#475569"),
        CostItem::ManagementQa => (t.later().item_management, "#b45309"),
        CostItem::Technology => (t.later().item_technology, "#0369a1"),
        CostItem::SetupTraining => (t.later().item_setup, "#65a30d"),
        CostItem::MinimumTopup => (t.later().item_minimum, "#dc2626"),
    }
}

fn channel_name(channel: Channel, t: &Texts) -> &'static str {
    match channel {
        Channel::Phone => t.channel_calls,
        Channel::Chat => t.channel_chats,
        Channel::Email => t.channel_emails,
    }
}

fn seconds(value: f64, f: &Fmt, t: &Texts) -> String {
    format!("{} {}", f.count(value), t.unit_seconds)
}

fn times(value: f64, f: &Fmt) -> String {
    format!("{}×", f.plain(value))
}

/// One reason for the recommendation, in plain words.
pub fn reason(reason: &Reason, f: &Fmt, t: &Texts) -> String {
    let name = |kind: &ModelKind| t.model(*kind);
    match reason {
        Reason::MeetsAllTargets { model } => fill(t.reason_meets_all, &[name(model)]),
        Reason::NoneMeetsTargets {
            closest,
            within_target_pct,
        } => fill(
            t.reason_none_meets,
            &[name(closest), &f.percent(*within_target_pct)],
        ),
        // Under a dollar apart they cost the same: say so, not "$0 less".
        Reason::Cheapest {
            model,
            next,
            first_year_saving,
        } if *first_year_saving < 0.5 => fill(t.reason_same_cost, &[name(model), name(next)]),
        Reason::Cheapest {
            model,
            next,
            first_year_saving,
        } => fill(
            t.reason_cheapest,
            &[name(model), &f.estimate(*first_year_saving), name(next)],
        ),
        Reason::OnlyModelMeetingTargets { model } => fill(t.reason_only_one, &[name(model)]),
        Reason::CheaperButMisses {
            model,
            monthly_saving,
            first_year_saving,
            priced_unanswered,
        } => match (monthly_saving, priced_unanswered) {
            (Some(monthly), false) => fill(
                t.reason_cheaper_but_misses,
                &[
                    name(model),
                    &f.estimate(*monthly),
                    &f.estimate(*first_year_saving),
                ],
            ),
            (Some(monthly), true) => fill(
                t.reason_cheaper_priced,
                &[
                    name(model),
                    &f.estimate(*monthly),
                    &f.estimate(*first_year_saving),
                ],
            ),
            (None, false) => fill(
                t.reason_cheaper_over_year,
                &[name(model), &f.estimate(*first_year_saving)],
            ),
            (None, true) => fill(
                t.reason_cheaper_over_year_priced,
                &[name(model), &f.estimate(*first_year_saving)],
            ),
        },
        Reason::PoolSlowerThanTarget {
            model,
            channel,
            target_pct,
            target_s,
            pool_s,
        } => match pool_s {
            Some(pool_s) => fill(
                t.reason_pool_slower,
                &[
                    name(model),
                    &f.percent(*target_pct),
                    channel_name(*channel, t),
                    &seconds(pool_s.ceil(), f, t),
                    &seconds(*target_s, f, t),
                ],
            ),
            None => fill(
                t.reason_pool_never,
                &[
                    name(model),
                    &f.percent(*target_pct),
                    channel_name(*channel, t),
                    &seconds(*target_s, f, t),
                ],
            ),
        },
        Reason::MissesServiceTarget {
            model,
            channel,
            achieved_pct,
            target_pct,
        } => fill(
            t.reason_misses_service,
            &[
                name(model),
                &f.percent_floor(*achieved_pct),
                channel_name(*channel, t),
                &f.percent(*target_pct),
            ],
        ),
        Reason::ShortOfAgents {
            model,
            channel,
            achieved_pct,
            target_pct,
            agents,
        } => fill(
            t.reason_short_of_agents,
            &[
                name(model),
                &f.percent_floor(*achieved_pct),
                channel_name(*channel, t),
                &f.percent(*target_pct),
                &f.count(f64::from(*agents)),
            ],
        ),
        Reason::MissesMonthTarget {
            model,
            channel,
            month,
            multiplier,
            achieved_pct,
            target_pct,
        } => fill(
            t.reason_misses_month,
            &[
                &times(*multiplier, f),
                name(model),
                &f.percent_floor(*achieved_pct),
                channel_name(*channel, t),
                &f.percent(*target_pct),
                month_name(*month, t),
            ],
        ),
        Reason::MissesCoverage { model, covered_pct } => fill(
            t.reason_misses_coverage,
            &[name(model), &f.percent(*covered_pct)],
        ),
        Reason::OverPoolCap {
            model,
            unserved_contacts,
            month,
            cap_minutes,
        } => fill(
            if month.is_some() {
                t.reason_over_pool_cap_month
            } else {
                t.reason_over_pool_cap
            },
            &[
                name(model),
                &f.count(*unserved_contacts),
                &f.count(*cap_minutes),
                month.map_or("", |m| month_name(m, t)),
            ],
        ),
        Reason::CloseCall {
            first_year_difference,
            ..
        } if *first_year_difference < 0.5 => t.reason_close_call_same.into(),
        Reason::CloseCall {
            model,
            runner_up,
            first_year_difference,
            difference_pct,
        } => fill(
            t.reason_close_call,
            &[
                name(model),
                &f.estimate(*first_year_difference),
                &f.percent(*difference_pct),
                name(runner_up),
            ],
        ),
        Reason::CheaperButUnserved {
            model,
            within_target_pct,
            month,
        } => match month {
            None => fill(
                t.reason_cheaper_unserved,
                &[name(model), &f.percent(*within_target_pct)],
            ),
            Some(month) => fill(
                t.reason_cheaper_unserved_month,
                &[
                    name(model),
                    &f.percent(*within_target_pct),
                    month_name(*month, t),
                ],
            ),
        },
        Reason::LowVolumeFavoursShared {
            contacts_per_month,
            break_even,
        } => fill(
            t.reason_low_volume,
            &[&f.count(*contacts_per_month), &f.count(*break_even)],
        ),
        Reason::HighVolumeFavoursDedicated {
            contacts_per_month,
            break_even,
        } => fill(
            t.reason_high_volume,
            &[&f.count(*contacts_per_month), &f.count(*break_even)],
        ),
        Reason::SeasonalAgents {
            agents,
            overtime_hours,
            extra_cost,
        } => fill(
            t.reason_seasonal,
            &[
                &f.count(f64::from(*agents)),
                &f.estimate(*extra_cost),
                &f.count(overtime_hours.round()),
            ],
        ),
        Reason::PeakToShared { extra_contacts } => {
            fill(t.reason_peak_to_shared, &[&f.count(*extra_contacts)])
        }
        Reason::HoursToPool { hours_per_week } => fill(
            t.reason_hours_to_pool,
            &[&f.count(f64::from(*hours_per_week))],
        ),
        Reason::PoolBehindTeam {
            overflow_contacts,
            outside_hours_contacts,
            emails,
            peak_extra_contacts,
        } => fill(
            t.reason_pool_behind_team,
            &[
                &f.count(*overflow_contacts),
                &f.count(*outside_hours_contacts),
                &f.count(*emails),
                &f.count(*peak_extra_contacts),
            ],
        ),
    }
}

fn target(change: &TargetChange, f: &Fmt, t: &Texts) -> String {
    fill(
        t.whatif_target,
        &[
            &f.percent(change.target_pct),
            channel_name(change.channel, t),
            &seconds(change.target_s, f, t),
        ],
    )
}

/// What would change the recommendation, one sentence each; a sentence
/// saying nothing would when none does.
pub fn what_if(w: &WhatIf, own: Option<&OwnTeamWhatIf>, f: &Fmt, t: &Texts) -> Vec<String> {
    let mut out = own.map_or_else(Vec::new, |own| own_team_what_if(own, f, t));
    if let Some(flip) = w.volume_below {
        out.push(fill(
            t.later().whatif_volume_below,
            &[t.model(flip.model), &f.count(flip.at)],
        ));
    }
    if let Some(flip) = w.volume_above {
        out.push(fill(
            t.later().whatif_volume_above,
            &[t.model(flip.model), &f.count(flip.at)],
        ));
    }
    if let Some(flip) = &w.service {
        let targets: Vec<String> = flip.targets.iter().map(|c| target(c, f, t)).collect();
        let template = if flip.looser {
            t.later().whatif_looser
        } else {
            t.later().whatif_stricter
        };
        out.push(fill(template, &[t.model(flip.model), &targets.join(", ")]));
    }
    for flip in [w.season_below, w.season_above].into_iter().flatten() {
        out.push(fill(
            t.later().whatif_season,
            &[
                t.model(flip.model),
                &times(flip.at, f),
                &busy_months(&flip.busy, t),
                &times(flip.from, f),
            ],
        ));
    }
    if out.is_empty() {
        out.push(t.later().whatif_none.into());
    }
    if let Some(h) = w.hours {
        out.push(if h.all_week {
            fill(
                t.later().whatif_all_week,
                &[t.model(h.model), &f.estimate(h.monthly_cost)],
            )
        } else {
            let hours = fill(
                t.later().proposal_hours,
                &[
                    &f.plain(h.open_hour),
                    &f.plain(h.close_hour),
                    &f.plain(h.days),
                ],
            );
            fill(
                t.later().whatif_business_hours,
                &[t.model(h.model), &f.estimate(h.monthly_cost), &hours],
            )
        });
    }
    if let Some(c) = w.core_window {
        let days = if c.days >= 7.0 {
            t.later().core_every_day
        } else {
            t.later().core_weekdays
        };
        let window = fill(days, &[&clock(c.open), &clock(c.close)]);
        out.push(if c.model == ModelKind::Combined {
            fill(
                t.later().whatif_core_window_pick,
                &[&window, &f.estimate(c.monthly_cost)],
            )
        } else {
            fill(
                t.later().whatif_core_window,
                &[
                    &window,
                    &f.estimate(c.combined_monthly_cost),
                    t.model(c.model),
                    &f.estimate(c.monthly_cost),
                ],
            )
        });
    }
    for r in &w.regions {
        out.push(fill(
            t.later().whatif_region,
            &[
                region_name(r.region, t),
                &f.money_cents(r.rate_per_hour),
                t.model(r.model),
                &f.estimate(r.monthly_cost),
            ],
        ));
    }
    out
}

/// The flag a price carries when its model falls short, in words: what it
/// misses, with the figure that shows it. The model picks which shortfall
/// (`ModelResult::flag`).
pub fn flag(shortfall: &Reason, f: &Fmt, t: &Texts) -> String {
    match shortfall {
        Reason::OverPoolCap {
            unserved_contacts,
            month,
            ..
        } => fill(
            if month.is_some() {
                t.flag_unserved_month
            } else {
                t.flag_unserved
            },
            // An estimate, shown as one: "about 6,790".
            &[
                &f.count(round_significant(*unserved_contacts, ESTIMATE_DIGITS)),
                month.map_or("", |m| month_name(m, t)),
            ],
        ),
        Reason::MissesCoverage { covered_pct, .. } => {
            fill(t.flag_coverage, &[&f.percent_floor(*covered_pct)])
        }
        Reason::MissesServiceTarget {
            channel,
            achieved_pct,
            target_pct,
            ..
        }
        | Reason::ShortOfAgents {
            channel,
            achieved_pct,
            target_pct,
            ..
        } => fill(
            if matches!(shortfall, Reason::ShortOfAgents { .. }) {
                t.flag_short_of_agents
            } else {
                t.flag_service
            },
            &[
                &f.percent_floor(*achieved_pct),
                channel_name(*channel, t),
                &f.percent(*target_pct),
            ],
        ),
        Reason::MissesMonthTarget {
            channel,
            month,
            achieved_pct,
            target_pct,
            ..
        } => fill(
            t.flag_service_month,
            &[
                &f.percent_floor(*achieved_pct),
                channel_name(*channel, t),
                &f.percent(*target_pct),
                month_name(*month, t),
            ],
        ),
        Reason::PoolSlowerThanTarget {
            channel,
            target_pct,
            target_s,
            pool_s: Some(pool_s),
            ..
        } => fill(
            t.flag_pool,
            &[
                &f.percent(*target_pct),
                channel_name(*channel, t),
                &seconds(pool_s.ceil(), f, t),
                &seconds(*target_s, f, t),
            ],
        ),
        Reason::PoolSlowerThanTarget {
            channel,
            target_pct,
            target_s,
            ..
        } => fill(
            t.flag_pool_never,
            &[
                &f.percent(*target_pct),
                channel_name(*channel, t),
                &seconds(*target_s, f, t),
            ],
        ),
        // Not a shortfall: only the ones above are flags.
        other => reason(other, f, t),
    }
}

/// A scenario named by what it is: its hours, region and volume, as in
/// "24/7, offshore, 14,000 contacts".
pub fn scenario_summary(s: &Scenario, offered_contacts: f64, f: &Fmt, t: &Texts) -> String {
    let hours = if s.all_week {
        t.all_week.to_string()
    } else {
        let day = |i: usize| t.later().weekdays.split(' ').nth(i).unwrap_or_default();
        let days = match s.days as usize {
            7 => t.later().summary_every_day.to_string(),
            0 | 1 => day(0).to_string(),
            n => format!("{}–{}", day(0), day(n - 1)),
        };
        fill(
            t.later().summary_hours,
            &[&days, &clock(s.open_hour), &clock(s.close_hour)],
        )
    };
    let region = match s.region {
        Region::Offshore => t.later().region_short_offshore,
        Region::Nearshore => t.later().region_short_nearshore,
        Region::Onshore => t.later().region_short_onshore,
    };
    fill(
        t.later().scenario_summary,
        &[
            &hours,
            region,
            &fill(t.later().summary_contacts, &[&f.count(offered_contacts)]),
        ],
    )
}

/// Where the volume is read: the contacts typed and, when self-service
/// takes a share, those that reach agents, which every figure is for.
pub fn volume_read(o: &Figures, s: &Scenario, f: &Fmt, t: &Texts) -> Option<String> {
    (s.deflection_pct > 0.0 && o.offered_contacts_per_month > 0.0).then(|| {
        fill(
            t.volume_read,
            &[
                &f.count(o.offered_contacts_per_month),
                &f.count(o.contacts_per_month),
                &f.percent(s.deflection_pct),
            ],
        )
    })
}

/// An hour of the day as a clock shows it: 08:00, 24:00.
fn clock(hour: f64) -> String {
    format!("{:02}:00", hour.clamp(0.0, 24.0) as u32)
}

/// What happens to the work no model prices: live contacts outside the
/// requested hours, tier-2 escalations the buyer's team keeps.
pub fn notes(o: &Figures, f: &Fmt, t: &Texts) -> Vec<String> {
    let mut out = Vec::new();
    if o.outside_hours_contacts >= 0.5 {
        out.push(fill(
            t.note_outside_hours,
            &[&f.count(o.outside_hours_contacts)],
        ));
    }
    if o.in_house_tier2_contacts >= 0.5 {
        out.push(fill(
            t.note_tier2_in_house,
            &[&f.count(o.in_house_tier2_contacts)],
        ));
    }
    if o.own_team_pool
        .as_ref()
        .is_some_and(|p| !p.team_cost_included)
    {
        out.push(fill(t.own_cost_missing, &[t.model_own_team]));
    }
    out
}

/// What would change how the own team's column compares: more agents
/// when it misses a target, its cost per agent when it meets them all.
fn own_team_what_if(own: &OwnTeamWhatIf, f: &Fmt, t: &Texts) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(agents) = own.agents_to_meet_targets {
        out.push(fill(
            t.later().own_agents_to_meet,
            &[&f.count(f64::from(agents))],
        ));
    }
    if let Some(cost) = own.break_even_cost_per_agent_month {
        out.push(fill(t.later().own_break_even, &[&f.estimate(cost)]));
    }
    out
}

/// What a quoted headcount gives, in one sentence: the channel it falls
/// short on, or calls (chats when there are none) when it does not.
pub fn staffing(read: &StaffingRead, s: &Scenario, f: &Fmt, t: &Texts) -> String {
    let agents = f.one_decimal(read.agents);
    if read.flag == StaffingFlag::FarAboveNeed {
        return fill(
            t.later().quote_staffing_far_above,
            &[
                &agents,
                &f.one_decimal(read.agents / read.needed_agents.max(1e-9)),
                &f.one_decimal(read.needed_agents),
            ],
        );
    }
    let channels = [
        (
            Channel::Phone,
            read.phone_pct,
            s.phone_target_pct,
            s.phone_target_s,
        ),
        (
            Channel::Chat,
            read.chat_pct,
            s.chat_target_pct,
            s.chat_target_s,
        ),
    ];
    let short = read.flag == StaffingFlag::Short;
    let shown = channels
        .iter()
        .filter_map(|&(c, pct, target, secs)| pct.map(|p| (c, p, target, secs)))
        .find(|&(_, p, target, _)| !short || p < target)
        .unwrap_or((Channel::Phone, 100.0, s.phone_target_pct, s.phone_target_s));
    let (channel, achieved, target_pct, target_s) = shown;
    fill(
        if short {
            t.later().quote_staffing_short
        } else {
            t.later().quote_staffing_enough
        },
        &[
            &agents,
            &f.percent(achieved),
            channel_name(channel, t),
            &seconds(target_s, f, t),
            &f.percent(target_pct),
        ],
    )
}

/// A month's name in the page's language.
pub fn month_name(month: Month, t: &Texts) -> &'static str {
    t.month(month)
}

/// The busy months in words: each run of them as one month or a range,
/// the runs separated by commas ("November to January, July").
pub fn busy_months(busy: &[bool; MONTHS], t: &Texts) -> String {
    let start = (0..MONTHS).find(|&i| !busy[i]).unwrap_or(0);
    let mut runs: Vec<String> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for k in 1..=MONTHS {
        let i = (start + k) % MONTHS;
        match (busy[i], run) {
            (true, None) => run = Some((i, i)),
            (true, Some((first, _))) => run = Some((first, i)),
            (false, Some((first, last))) => {
                let name = |m: usize| month_name(Month(m as u8), t);
                runs.push(if first == last {
                    name(first).to_string()
                } else {
                    fill(t.later().months_range, &[name(first), name(last)])
                });
                run = None;
            }
            (false, None) => {}
        }
    }
    if let Some((first, last)) = run {
        let name = |m: usize| month_name(Month(m as u8), t);
        runs.push(fill(t.later().months_range, &[name(first), name(last)]));
    }
    runs.join(", ")
}

/// A year's preset by name; `Custom` is the buyer's own months.
pub fn season_name(season: Season, t: &Texts) -> &'static str {
    match season {
        Season::Flat => t.season_flat,
        Season::December => t.season_december,
        Season::Retail => t.season_retail,
        Season::Tax => t.season_tax,
        Season::Summer => t.season_summer,
        Season::School => t.season_school,
        Season::Custom => t.season_custom,
    }
}
