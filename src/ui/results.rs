//! The models side by side, which one fits, what else to weigh, and
//! where the money goes.

use leptos::prelude::*;

use super::format::Fmt;
use super::lazy::{FailedNote, LoadingNote};
use super::messages;
use super::state::{Answer, Calc, OwnColumn, Stages};
use super::table::{ModelTable, Row};
use crate::i18n::fill;
use crate::model::{CostItem, Figures, ModelKind, ModelResult};

/// One figure of a model, formatted.
type Figure = fn(&ModelResult, &Fmt) -> String;

/// A figure of one model that follows the outcome and the currency.
fn figure(calc: Calc, kind: ModelKind, show: Figure) -> impl Fn() -> String + Copy {
    move || {
        let f = calc.fmt();
        calc.figures
            .with(|o| o.model(kind).map(|r| show(r, &f)))
            .unwrap_or_default()
    }
}

#[component]
fn FigureRow(
    kind: ModelKind,
    label: &'static str,
    testid: &'static str,
    show: Figure,
) -> impl IntoView {
    let calc = Calc::from_context();
    view! {
        <dt>{label}</dt>
        <dd data-testid=testid>{figure(calc, kind, show)}</dd>
    }
}

/// What a model's flag says, in the page's language: `None` when it
/// meets every target.
pub fn flag_text(calc: Calc, outcome: Signal<Figures>, kind: ModelKind) -> Option<String> {
    let f = calc.fmt();
    outcome.with(|o| {
        o.model(kind)
            .and_then(ModelResult::flag)
            .map(|reason| messages::flag(reason, &f, calc.t()))
    })
}

/// The words under a price that does not do the job: what it misses.
#[component]
pub fn PriceFlag(kind: ModelKind, outcome: Signal<Figures>) -> impl IntoView {
    let calc = Calc::from_context();
    move || {
        flag_text(calc, outcome, kind)
            .map(|text| view! { <p class="price-flag" data-testid="card-flag">{text}</p> })
    }
}

/// A model's card: its cost, first year, per contact, FTE, coverage and
/// service level; marked when it is the one recommended, flagged in words
/// when it misses a requirement.
#[component]
fn ModelCard(kind: ModelKind) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let pending = pick_pending(calc);
    let recommended = move || !pending() && calc.figures.with(|o| o.recommendation.model == kind);
    let meets = move || {
        calc.figures
            .with(|o| o.model(kind).is_some_and(|r| r.qualifies))
    };
    view! {
        <article
            class="card"
            class:recommended=recommended
            class:falls-short=move || !meets()
            data-testid="model-card"
            data-model=kind.key()
            data-meets-targets=move || if meets() { "true" } else { "false" }
        >
            <header>
                <h2>{t.model(kind)}</h2>
                {move || recommended().then(|| view! { <span class="badge">{t.recommended}</span> })}
            </header>
            <PriceFlag kind outcome=calc.figures.into() />
            <p class="basis">{messages::model_basis(kind, t)}</p>
            <p class="big" data-testid="monthly-cost">
                {figure(calc, kind, |r, f| f.estimate(r.monthly_cost))}
            </p>
            <p class="big-label">{t.per_month}</p>
            <dl class="figures">
                <FigureRow kind label=t.peak_month testid="peak-month-cost" show=|r, f| f.estimate(r.peak_month_cost) />
                <FigureRow kind label=t.first_year testid="first-year-cost" show=|r, f| f.estimate(r.first_year_cost) />
                <FigureRow kind label=t.per_contact testid="cost-per-contact" show=|r, f| f.money_cents(r.cost_per_contact) />
                <FigureRow kind label=t.agents_fte testid="fte" show=|r, f| f.one_decimal(r.fte) />
                <FigureRow kind label=t.hours_covered testid="hours-covered" show=|r, f| f.percent(r.requested_hours_covered_pct) />
                <FigureRow kind label=t.within_target testid="within-target" show=|r, f| f.percent(r.within_target_pct) />
                <FigureRow kind label=t.abandoned testid="abandoned" show=|r, f| f.percent_tenths(r.abandonment_pct) />
            </dl>
        </article>
    }
}

/// Whether the form's pick may still change: its own team's column is
/// not there yet.
fn pick_pending(calc: Calc) -> impl Fn() -> bool + Copy {
    move || calc.settled.with(|s| calc.own_column(s).pending())
}

/// The own team's card while its pricing's chunk is on its way, or could
/// not be fetched: its name, no figure, and a retry when it failed.
#[component]
fn PendingCard(failed: bool) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let kind = ModelKind::OwnTeam;
    view! {
        <article
            class="card pending"
            aria-busy=if failed { "false" } else { "true" }
            data-testid="model-card"
            data-model=kind.key()
            data-pending="true"
        >
            <header>
                <h2>{t.model(kind)}</h2>
            </header>
            <p class="basis">{messages::model_basis(kind, t)}</p>
            {if failed {
                let retry = Callback::new(move |()| calc.load_own_team());
                view! { <FailedNote message=t.part_failed retry /> }.into_any()
            } else {
                view! { <LoadingNote /> }.into_any()
            }}
        </article>
    }
}

/// Reasons shown before the disclosure: the pick, its price, the one thing
/// a reader most needs next (a close call, a cheaper model's failing).
const FIRST_REASONS: usize = 3;

/// Which model fits `outcome`, or comes closest, and why: the page's own
/// outcome, or in present mode a saved scenario's. The first reasons, the
/// host's call to action when there is one, then the rest under a
/// disclosure, then what would change the answer (`what_if`), which may
/// come a task after the rest.
#[component]
pub fn Recommendation(
    outcome: Signal<Figures>,
    what_if: Signal<Answer>,
    /// True while the scenario's own team is not yet priced: the pick may
    /// change when it is.
    #[prop(into)]
    pending: Signal<bool>,
    #[prop(optional_no_strip)] cta: Option<String>,
) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let meets = move || outcome.with(|o| o.recommendation.meets_targets);
    let title = move || {
        outcome.with(|o| {
            let r = &o.recommendation;
            match r.runner_up.filter(|_| r.close_call) {
                Some(next) => fill(t.close_call_title, &[t.model(r.model), t.model(next)]),
                None if r.meets_targets => fill(t.recommended_title, &[t.model(r.model)]),
                None => fill(t.closest_title, &[t.model(r.model)]),
            }
        })
    };
    let reasons = move |first: bool| {
        let f = calc.fmt();
        outcome.with(|o| {
            what_if.with(|w| {
                let all = w.reasons(o);
                let (top, rest) = all.split_at(all.len().min(FIRST_REASONS));
                if first { top } else { rest }
                    .iter()
                    .map(|reason| view! { <li>{messages::reason(reason, &f, t)}</li> })
                    .collect_view()
            })
        })
    };
    let more = move || outcome.with(|o| what_if.with(|w| w.reasons(o).len() > FIRST_REASONS));
    // Until this scenario's what-ifs are there, the last ones shown stay,
    // marked as out of date (no line moves), or, at first, a line saying
    // they are on their way; where their chunk failed, that it did.
    let shown = StoredValue::new(Vec::<String>::new());
    let what_if_state = move || what_if.with(Answer::key);
    let what_if_lines = move || {
        let f = calc.fmt();
        match what_if.get() {
            Answer::Ready(s, words) => {
                shown.set_value(words(&s.what_if, s.own_team.as_ref(), &f, t))
            }
            // The page's one box offers the retry.
            Answer::Failed => {
                return view! { <li class="part-note">{t.part_failed}</li> }.into_any();
            }
            Answer::Pending if shown.with_value(Vec::is_empty) => {
                return view! { <li class="part-note">{t.whatif_pending}</li> }.into_any();
            }
            Answer::Pending => {}
        }
        shown
            .get_value()
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
            .into_any()
    };
    let notes = move || {
        let f = calc.fmt();
        outcome.with(|o| {
            messages::notes(o, &f, t)
                .into_iter()
                .map(|line| view! { <p class="aside" data-testid="note">{line}</p> })
                .collect_view()
        })
    };
    let close = move || outcome.with(|o| o.recommendation.close_call);
    let agents_to_meet = move || {
        what_if.with(|w| {
            w.ready()
                .and_then(|s| s.own_team)
                .is_some_and(|o| o.agents_to_meet_targets.is_some())
        })
    };
    view! {
        <section
            class="panel recommendation"
            class:unmet=move || !meets()
            class:close-call=close
            class:pending=pending
            aria-labelledby="recommendation-title"
            aria-busy=move || if pending.get() { "true" } else { "false" }
            data-pending=move || if pending.get() { "true" } else { "false" }
            data-testid="recommendation"
        >
            {move || {
                pending
                    .get()
                    .then(|| {
                        view! {
                            <p class="stale-note" role="status" data-testid="pending-note">
                                {fill(t.own_pending, &[t.model(ModelKind::OwnTeam)])}
                            </p>
                        }
                    })
            }}
            <h2 id="recommendation-title">{title}</h2>
            <ul data-testid="reasons">{move || reasons(true)}</ul>
            {cta.map(|label| view! { <super::host::CallToAction label /> })}
            {move || {
                more()
                    .then(|| {
                        view! {
                            <details class="more-reasons" data-testid="more-reasons">
                                <summary>{t.reasons_more}</summary>
                                <ul>{move || reasons(false)}</ul>
                            </details>
                        }
                    })
            }}
            {notes}
            // When nothing qualifies, the shortfalls above say what to change,
            // unless more agents of the buyer's own would meet every target.
            {move || {
                (meets() || agents_to_meet())
                    .then(|| {
                        view! {
                            <h3 id="what-if-title">{t.whatif_title}</h3>
                            <ul
                                class="what-if"
                                aria-labelledby="what-if-title"
                                aria-busy=move || super::inputs::aria(what_if_state() == "pending")
                                data-testid="what-if"
                                data-state=what_if_state
                                data-parts=move || calc.what_if_parts.get().to_string()
                            >
                                {what_if_lines}
                            </ul>
                        }
                    })
            }}
        </section>
    }
}

/// The page's stage that mounts the recommendation: the first task draws
/// the header and the cards alone, the recommendation comes in the next,
/// below the cards (below the fold on a phone), so it moves nothing on
/// screen as it comes.
pub const RECOMMENDATION_STAGE: usize = 0;

#[component]
pub fn Results() -> impl IntoView {
    let calc = Calc::from_context();
    let recommendation = use_context::<Stages>()
        .expect("Page provides Stages")
        .reached(RECOMMENDATION_STAGE);
    let t = calc.t();
    let stale = Memo::new(move |_| calc.stale());
    let own = Memo::new(move |_| calc.settled.with(|s| calc.own_column(s)));
    let pending = Signal::derive(move || own.get().pending());
    // A host's call to action shows only in its frame.
    let cta = calc
        .options
        .with_value(|o| o.cta.clone().filter(|_| o.embed));
    view! {
        <section class="results" class:stale=stale aria-labelledby="results-title" data-testid="results">
            <div>
                <h2 id="results-title" class="visually-hidden">{t.results}</h2>
                {move || {
                    stale
                        .get()
                        .then(|| {
                            view! {
                                <p class="stale-note" role="status" data-testid="stale-note">
                                    {t.stale_note}
                                </p>
                            }
                        })
                }}
            </div>
            <div class="cards">
                <ModelCard kind=ModelKind::Shared />
                <ModelCard kind=ModelKind::Dedicated />
                <ModelCard kind=ModelKind::Combined />
                {move || match own.get() {
                    OwnColumn::Absent => None,
                    OwnColumn::Shown => Some(view! { <ModelCard kind=ModelKind::OwnTeam /> }.into_any()),
                    column => {
                        let failed = column == OwnColumn::Failed;
                        Some(view! { <PendingCard failed /> }.into_any())
                    }
                }}
            </div>
            {move || {
                let cta = cta.clone();
                recommendation
                    .get()
                    .then(|| {
                        view! {
                            <Recommendation
                                outcome=calc.figures.into()
                                what_if=calc.what_if.into()
                                pending
                                cta
                            />
                        }
                    })
            }}
        </section>
    }
}

/// The rows buyers weigh beside price.
#[component]
pub fn Comparison() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let kinds = Memo::new(move |_| calc.figures.with(|o| o.kinds()));
    let rows = Signal::derive(move || {
        let cap = calc.fmt().count(calc.scenario.with(|s| s.pool_cap_min));
        // The own team's column reads as the combined model's where they
        // work alike: a team of yours, the pool after it.
        let own = kinds.with(|k| k.contains(&ModelKind::OwnTeam));
        let words = |shared: &str, dedicated: &str, combined: &str| {
            let mut cells = vec![shared.into(), dedicated.into(), combined.to_string()];
            if own {
                cells.push(cells[2].clone());
            }
            cells
        };
        let meets: Vec<String> = kinds.with(|k| {
            k.iter()
                .map(|&kind| {
                    flag_text(calc, calc.figures.into(), kind)
                        .unwrap_or_else(|| t.later().meets_every_target.into())
                })
                .collect()
        });
        let mut basis = words(
            t.later().cost_basis_shared,
            t.later().cost_basis_dedicated,
            t.later().cost_basis_combined,
        );
        if own {
            basis[3] = t.later().cost_basis_own_team.into();
        }
        vec![
            Row::new(t.later().row_meets_targets, meets),
            Row::new(t.later().row_cost_basis, basis),
            Row::new(
                t.later().row_fluctuating,
                words(
                    t.later().fluctuating_shared,
                    t.later().fluctuating_dedicated,
                    t.later().fluctuating_combined,
                ),
            ),
            Row::new(
                t.later().row_focus,
                words(
                    t.later().focus_shared,
                    t.later().focus_dedicated,
                    t.later().focus_combined,
                ),
            ),
            Row::new(
                t.later().row_control,
                words(
                    t.later().control_shared,
                    t.later().control_dedicated,
                    t.later().control_combined,
                ),
            ),
            Row::new(
                t.later().row_volume_limit,
                words(
                    &fill(t.later().limit_shared, &[&cap]),
                    t.later().limit_dedicated,
                    &fill(t.later().limit_combined, &[&cap]),
                ),
            ),
        ]
    });
    view! {
        <section class="panel" aria-labelledby="compare-title" data-testid="comparison">
            <h2 id="compare-title">{t.compare_title}</h2>
            <ModelTable label=t.compare_title class="compare" corner="" rows kinds />
        </section>
    }
}

/// A bar's segment: the cost item's name and colour, and its share of the
/// largest model's total, in percent.
struct Segment {
    name: &'static str,
    colour: &'static str,
    width_pct: f64,
    money: String,
}

/// Where each model's monthly money goes: a stacked bar per model on one
/// scale, then the same figures as a table.
#[component]
pub fn Breakdowns() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let kinds = Memo::new(move |_| calc.figures.with(Figures::kinds));
    let bars = move || {
        let f = calc.fmt();
        calc.figures.with(|o| {
            let models = o.models();
            let largest = models
                .iter()
                .map(|r| r.breakdown.total())
                .fold(0.0, f64::max);
            models
                .into_iter()
                .map(|r| {
                    let (kind, b) = (r.kind, &r.breakdown);
                    let segments = b
                        .items()
                        .into_iter()
                        .filter(|(_, v)| *v > 0.0)
                        .map(|(item, value)| {
                            let (name, colour) = messages::cost_item(item, t);
                            let width_pct = if largest > 0.0 {
                                value / largest * 100.0
                            } else {
                                0.0
                            };
                            Segment {
                                name,
                                colour,
                                width_pct,
                                money: f.estimate(value),
                            }
                        })
                        .collect::<Vec<_>>();
                    let flag = (!r.qualifies).then_some(t.flag_short);
                    bar_view(
                        t.model(kind),
                        flag,
                        kind.key(),
                        f.estimate(b.total()),
                        segments,
                    )
                })
                .collect_view()
        })
    };
    let rows = Signal::derive(move || {
        let f = calc.fmt();
        calc.figures.with(|o| {
            let items: Vec<_> = o.models().iter().map(|r| r.breakdown.items()).collect();
            CostItem::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| items.iter().any(|m| m[*i].1 > 0.0))
                .map(|(i, item)| {
                    let (name, colour) = messages::cost_item(item, t);
                    Row {
                        label: name.into(),
                        swatch: Some(colour),
                        cells: items.iter().map(|m| f.estimate(m[i].1)).collect(),
                    }
                })
                .collect()
        })
    });
    view! {
        <section class="panel" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">{t.breakdown_title}</h2>
            <div>
                {bars}
                <ModelTable label=t.breakdown_title class="breakdown-table" corner="" rows kinds />
            </div>
        </section>
    }
}

fn bar_view(
    name: &'static str,
    flag: Option<&'static str>,
    key: &'static str,
    total: String,
    segments: Vec<Segment>,
) -> impl IntoView {
    view! {
        <div class="stack-label">
            <span>
                {name} {flag.map(|flag| view! { <span class="flag-mark" data-testid="bar-flag">{flag}</span> })}
            </span>
            <span>{total}</span>
        </div>
        <div class="stack" data-testid="breakdown-bar" data-model=key aria-hidden="true">
            {segments
                .into_iter()
                .map(|s| {
                    view! {
                        <span
                            style:--item=s.colour
                            style:width=format!("{}%", super::charts::coord(s.width_pct))
                            title=format!("{}: {}", s.name, s.money)
                        ></span>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The models' monthly costs in a bar that stays in sight on narrow
/// screens; no pick marked while the own team's column is on its way.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let pending = pick_pending(calc);
    // The own team's column when the outcome has it.
    let own = Memo::new(move |_| calc.figures.with(|o| o.own_team.is_some()));
    let cost = move |kind: ModelKind| {
        let best = move || !pending() && calc.figures.with(|o| o.recommendation.model == kind);
        let short = move || {
            calc.figures
                .with(|o| o.model(kind).is_some_and(|r| !r.qualifies))
        };
        view! {
            <span class:best=best>
                {t.model(kind)}
                <strong>{figure(calc, kind, |r, f| f.estimate(r.monthly_cost))}</strong>
                {move || short().then(|| view! { <small class="flag-mark">{t.flag_short}</small> })}
            </span>
        }
    };
    view! {
        <a class="summary-bar" href="#results-title" data-testid="summary-bar">
            {ModelKind::ALL.map(cost).into_iter().collect_view()}
            {move || own.get().then(|| cost(ModelKind::OwnTeam))}
        </a>
    }
}
