//! The three models side by side, and which one fits.

use leptos::prelude::*;

use super::format;
use super::state::Calc;
use crate::model::{Channel, CostItem, ModelKind, ModelResult, Reason};

pub fn model_name(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Shared => "Shared",
        ModelKind::Dedicated => "Dedicated",
        ModelKind::Combined => "Combined",
    }
}

fn model_basis(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Shared => "Pooled agents, paid per handled minute",
        ModelKind::Dedicated => "Your own team, paid per agent-month",
        ModelKind::Combined => "Your team in core hours, the pool for the rest",
    }
}

#[component]
pub fn ModelCard(kind: ModelKind) -> impl IntoView {
    let calc = Calc::from_context();
    let result = Memo::new(move |_| {
        calc.outcome.with(|o| match kind {
            ModelKind::Shared => o.shared.clone(),
            ModelKind::Dedicated => o.dedicated.clone(),
            ModelKind::Combined => o.combined.clone(),
        })
    });
    let recommended = move || calc.outcome.with(|o| o.recommendation.model == kind);
    let figure = move |f: fn(&ModelResult) -> String| move || result.with(f);
    view! {
        <article class="card" class:recommended=recommended data-testid="model-card" data-model=kind.key()>
            <header>
                <h2>{model_name(kind)}</h2>
                <Show when=recommended>
                    <span class="badge">"Recommended"</span>
                </Show>
            </header>
            <p class="basis">{model_basis(kind)}</p>
            <p class="big" data-testid="monthly-cost">{figure(|r| format::money(r.monthly_cost))}</p>
            <p class="big-label">"per month"</p>
            <dl class="figures">
                <dt>"First year"</dt>
                <dd data-testid="first-year-cost">{figure(|r| format::money(r.first_year_cost))}</dd>
                <dt>"Per contact"</dt>
                <dd data-testid="cost-per-contact">{figure(|r| format::money_cents(r.cost_per_contact))}</dd>
                <dt>"Agents (FTE)"</dt>
                <dd data-testid="fte">{figure(|r| format::one_decimal(r.fte))}</dd>
                <dt>"Hours covered"</dt>
                <dd data-testid="hours-covered">{figure(|r| format::percent(r.requested_hours_covered_pct))}</dd>
                <dt>"Answered within target"</dt>
                <dd data-testid="within-target">{figure(|r| format::percent(r.within_target_pct))}</dd>
            </dl>
        </article>
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let calc = Calc::from_context();
    view! {
        <section class="results" class:stale=move || calc.stale() aria-labelledby="results-title" data-testid="results">
            <h2 id="results-title" class="visually-hidden">"Results"</h2>
            <Show when=move || calc.stale()>
                <p class="stale-note" role="status" data-testid="stale-note">
                    "Showing the last valid inputs: fix the marked field to update."
                </p>
            </Show>
            <div class="cards">
                {ModelKind::ALL.map(|kind| view! { <ModelCard kind=kind /> })}
            </div>
            <RecommendationPanel />
        </section>
    }
}

/// A table head with one column per model, after a column of row labels.
fn models_head() -> impl IntoView {
    view! {
        <thead>
            <tr>
                <td></td>
                {ModelKind::ALL.map(|k| view! { <th scope="col">{model_name(k)}</th> })}
            </tr>
        </thead>
    }
}

/// The rows buyers weigh beside price.
#[component]
pub fn Comparison() -> impl IntoView {
    let calc = Calc::from_context();
    let cap = move || format::count(calc.scenario.with(|s| s.pool_cap_min));
    let row = |label: &'static str, cells: [String; 3]| {
        let [shared, dedicated, combined] = cells;
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{shared}</td>
                <td>{dedicated}</td>
                <td>{combined}</td>
            </tr>
        }
    };
    view! {
        <section class="panel" aria-labelledby="compare-title" data-testid="comparison">
            <h2 id="compare-title">"Beyond price"</h2>
            <div class="table-wrap">
                <table class="compare">
                    {models_head()}
                    <tbody>
                        {row("Cost basis", [
                            "Per handled minute; idle time is the vendor's".into(),
                            "Per agent-month, busy or not".into(),
                            "Agent-months in core hours, minutes for the rest".into(),
                        ])}
                        {row("Fluctuating volume", [
                            "Good: you pay for what is handled".into(),
                            "Poor: staffed for the base month, peaks wait".into(),
                            "Good: peaks and overflow go to the pool".into(),
                        ])}
                        {row("Agent focus", [
                            "Agents serve several clients".into(),
                            "Agents know only your product".into(),
                            "Your team in core hours, the pool after".into(),
                        ])}
                        {row("Who controls the process", [
                            "The vendor's scripts and processes".into(),
                            "You shape training, QA and process".into(),
                            "You in core hours, the vendor after".into(),
                        ])}
                        {move || row("Volume limit", [
                            format!("The pool takes up to {} handled minutes a month", cap()),
                            "None: the team grows with you".into(),
                            format!("The pool's {} minutes apply to the overflow", cap()),
                        ])}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn cost_item_look(item: CostItem) -> (&'static str, &'static str) {
    match item {
        CostItem::Labour => ("Agents' time", "#1d4ed8"),
        CostItem::SharedMinutes => ("Handled minutes (shared)", "#0f766e"),
        CostItem::LanguagePremium => ("Language premium", "#7c3aed"),
        CostItem::SpecialistPremium => ("Specialists (tier 2)", "#be185d"),
        CostItem::OffhoursPremium => ("Nights and weekends", "#475569"),
        CostItem::ManagementQa => ("Team leads and QA", "#b45309"),
        CostItem::Technology => ("Technology", "#0369a1"),
        CostItem::SetupTraining => ("Setup and training, spread", "#65a30d"),
        CostItem::MinimumTopup => ("Minimum-fee top-up", "#dc2626"),
    }
}

/// Where each model's monthly money goes: a stacked bar per model on one
/// scale, and the same figures as a table.
#[component]
pub fn Breakdowns() -> impl IntoView {
    let calc = Calc::from_context();
    let bars = move || {
        calc.outcome.with(|o| {
            let largest = ModelKind::ALL.iter().map(|k| o.model(*k).breakdown.total()).fold(0.0, f64::max);
            ModelKind::ALL
                .map(|kind| {
                    let b = &o.model(kind).breakdown;
                    let segments = b
                        .items()
                        .into_iter()
                        .filter(|(_, v)| *v > 0.0)
                        .map(|(item, value)| {
                            let (name, colour) = cost_item_look(item);
                            let width = if largest > 0.0 { value / largest * 100.0 } else { 0.0 };
                            view! {
                                <span style=format!("--item:{colour};width:{}%", format::fixed(width, 2)) title=format!("{name}: {}", format::money(value))></span>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="stack-label"><span>{model_name(kind)}</span><span>{format::money(b.total())}</span></div>
                        <div class="stack" data-testid="breakdown-bar" data-model=kind.key() aria-hidden="true">{segments}</div>
                    }
                })
                .collect_view()
        })
    };
    let table_rows = move || {
        calc.outcome.with(|o| {
            let items = ModelKind::ALL.map(|k| o.model(k).breakdown.items());
            CostItem::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| items.iter().any(|m| m[*i].1 > 0.0))
                .map(|(i, item)| {
                    let (name, colour) = cost_item_look(item);
                    view! {
                        <tr>
                            <th scope="row"><span class="swatch cell" style=format!("--series:{colour}")></span>" "{name}</th>
                            {items.iter().map(|m| view! { <td>{format::money(m[i].1)}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">"Where the money goes, a month"</h2>
            {bars}
            <div class="table-wrap">
                <table class="breakdown-table">
                    {models_head()}
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "calls",
        Channel::Chat => "chats",
        Channel::Email => "emails",
    }
}

/// One reason in plain words.
fn reason_text(reason: &Reason) -> String {
    match reason {
        Reason::MeetsAllTargets { model } => {
            format!(
                "{} covers every requested hour and meets every service target.",
                model_name(*model)
            )
        }
        Reason::NoneMeetsTargets {
            closest,
            within_target_pct,
        } => format!(
            "No model meets every target; {} comes closest, answering {} of contacts within target.",
            model_name(*closest),
            format::percent(*within_target_pct)
        ),
        Reason::Cheapest {
            model,
            monthly_saving_vs_next,
        } => format!(
            "{} is the cheapest that does, by {} a month.",
            model_name(*model),
            format::money(*monthly_saving_vs_next)
        ),
        Reason::OnlyModelMeetingTargets { model } => {
            format!("{} is the only model that meets them.", model_name(*model))
        }
        Reason::CheaperButMisses {
            model,
            monthly_saving,
        } => format!(
            "{} would save {} a month but misses a target.",
            model_name(*model),
            format::money(*monthly_saving)
        ),
        Reason::MissesServiceTarget {
            model,
            channel,
            achieved_pct,
            target_pct,
        } => format!(
            "{} answers {} of {} within target; you asked for {}.",
            model_name(*model),
            format::percent(*achieved_pct),
            channel_name(*channel),
            format::percent(*target_pct)
        ),
        Reason::MissesCoverage { model, covered_pct } => format!(
            "{} covers only {} of the hours you asked for.",
            model_name(*model),
            format::percent(*covered_pct)
        ),
        Reason::OverPoolCap {
            model,
            unserved_contacts,
        } => format!(
            "{} leaves about {} contacts a month unanswered: over the shared pool's cap.",
            model_name(*model),
            format::count(*unserved_contacts)
        ),
        Reason::LowVolumeFavoursShared {
            contacts_per_month,
            break_even,
        } => format!(
            "At {} contacts a month you are below the break-even of {}: pooled agents cost less than a team of your own.",
            format::count(*contacts_per_month),
            format::count(*break_even)
        ),
        Reason::HighVolumeFavoursDedicated {
            contacts_per_month,
            break_even,
        } => format!(
            "At {} contacts a month you are above the break-even of {}: a team of your own costs less per contact.",
            format::count(*contacts_per_month),
            format::count(*break_even)
        ),
        Reason::PeakToShared { extra_contacts } => format!(
            "In the peak month the pool takes the extra {} contacts, so the team is not sized for it.",
            format::count(*extra_contacts)
        ),
    }
}

#[component]
pub fn RecommendationPanel() -> impl IntoView {
    let calc = Calc::from_context();
    let recommendation = move || calc.outcome.with(|o| o.recommendation.clone());
    view! {
        <section
            class="panel recommendation"
            class:unmet=move || !recommendation().meets_targets
            aria-labelledby="recommendation-title"
            data-testid="recommendation"
        >
            <h2 id="recommendation-title">
                {move || {
                    let r = recommendation();
                    if r.meets_targets {
                        format!("Recommended: {}", model_name(r.model))
                    } else {
                        format!("Closest fit: {}", model_name(r.model))
                    }
                }}
            </h2>
            <ul>
                {move || recommendation().reasons.iter().map(|r| view! { <li>{reason_text(r)}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The three monthly costs in a bar that stays in sight on narrow screens.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let calc = expect_context::<Calc>();
    view! {
        <a class="summary-bar" href="#results-title" data-testid="summary-bar">
            {ModelKind::ALL.map(|kind| view! {
                <span class:best=move || calc.outcome.with(|o| o.recommendation.model == kind)>
                    {model_name(kind)}
                    <strong>{move || calc.outcome.with(|o| format::money(o.model(kind).monthly_cost))}</strong>
                </span>
            })}
        </a>
    }
}
