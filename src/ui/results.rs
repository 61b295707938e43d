//! The three models side by side, which one fits, what else to weigh, and
//! where the money goes.

use std::fmt::Write as _;

use leptos::prelude::*;

use super::format::Fmt;
use super::markup::{self, esc};
use super::messages::{self, model_name};
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::{CostItem, ModelKind, ModelResult, Outcome};

#[component]
pub fn ModelCard(kind: ModelKind) -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let recommended = move || calc.outcome.with(|o| o.recommendation.model == kind);
    let figure = move |g: fn(&ModelResult, &Fmt) -> String| {
        move || {
            let f = calc.fmt();
            calc.outcome.with(|o| g(o.model(kind), &f))
        }
    };
    view! {
        <article class="card" class:recommended=recommended data-testid="model-card" data-model=kind.key()>
            <header>
                <h2>{model_name(kind, t)}</h2>
                <Show when=recommended>
                    <span class="badge">{t.recommended}</span>
                </Show>
            </header>
            <p class="basis">{messages::model_basis(kind, t)}</p>
            <p class="big" data-testid="monthly-cost">{figure(|r, f| f.money(r.monthly_cost))}</p>
            <p class="big-label">{t.per_month}</p>
            <dl class="figures">
                <dt>{t.first_year}</dt>
                <dd data-testid="first-year-cost">{figure(|r, f| f.money(r.first_year_cost))}</dd>
                <dt>{t.per_contact}</dt>
                <dd data-testid="cost-per-contact">{figure(|r, f| f.money_cents(r.cost_per_contact))}</dd>
                <dt>{t.agents_fte}</dt>
                <dd data-testid="fte">{figure(|r, f| f.one_decimal(r.fte))}</dd>
                <dt>{t.hours_covered}</dt>
                <dd data-testid="hours-covered">{figure(|r, f| f.percent(r.requested_hours_covered_pct))}</dd>
                <dt>{t.within_target}</dt>
                <dd data-testid="within-target">{figure(|r, f| f.percent(r.within_target_pct))}</dd>
            </dl>
        </article>
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    view! {
        <section class="results" class:stale=move || calc.stale() aria-labelledby="results-title" data-testid="results">
            <h2 id="results-title" class="visually-hidden">{t.results}</h2>
            <Show when=move || calc.stale()>
                <p class="stale-note" role="status" data-testid="stale-note">{t.stale_note}</p>
            </Show>
            <div class="cards">
                {ModelKind::ALL.map(|kind| view! { <ModelCard kind=kind /> })}
            </div>
            <RecommendationPanel />
        </section>
    }
}

#[component]
pub fn RecommendationPanel() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let meets = move || calc.outcome.with(|o| o.recommendation.meets_targets);
    let title = move || {
        calc.outcome.with(|o| {
            let r = &o.recommendation;
            let template = if r.meets_targets {
                t.recommended_title
            } else {
                t.closest_title
            };
            fill(template, &[model_name(r.model, t)])
        })
    };
    let reasons = move || {
        let f = calc.fmt();
        calc.outcome.with(|o| {
            o.recommendation
                .reasons
                .iter()
                .fold(String::new(), |mut out, r| {
                    let _ = write!(out, "<li>{}</li>", esc(&messages::reason(r, &f, t)));
                    out
                })
        })
    };
    view! {
        <section class="panel recommendation" class:unmet=move || !meets() aria-labelledby="recommendation-title" data-testid="recommendation">
            <h2 id="recommendation-title">{title}</h2>
            <ul inner_html=reasons></ul>
        </section>
    }
}

/// The rows buyers weigh beside price.
fn comparison_table(pool_cap_min: f64, f: &Fmt, t: &Texts) -> String {
    let cap = f.count(pool_cap_min);
    let mut out = String::from("<table class=\"compare\">");
    markup::models_head(&mut out, |k| model_name(k, t));
    out.push_str("<tbody>");
    let rows: [(&str, [String; 3]); 5] = [
        (
            t.row_cost_basis,
            [
                t.cost_basis_shared.into(),
                t.cost_basis_dedicated.into(),
                t.cost_basis_combined.into(),
            ],
        ),
        (
            t.row_fluctuating,
            [
                t.fluctuating_shared.into(),
                t.fluctuating_dedicated.into(),
                t.fluctuating_combined.into(),
            ],
        ),
        (
            t.row_focus,
            [
                t.focus_shared.into(),
                t.focus_dedicated.into(),
                t.focus_combined.into(),
            ],
        ),
        (
            t.row_control,
            [
                t.control_shared.into(),
                t.control_dedicated.into(),
                t.control_combined.into(),
            ],
        ),
        (
            t.row_volume_limit,
            [
                fill(t.limit_shared, &[&cap]),
                t.limit_dedicated.into(),
                fill(t.limit_combined, &[&cap]),
            ],
        ),
    ];
    for (label, cells) in &rows {
        markup::row(&mut out, label, cells);
    }
    out.push_str("</tbody></table>");
    out
}

#[component]
pub fn Comparison() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let table = move || {
        let f = calc.fmt();
        calc.scenario
            .with(|s| comparison_table(s.pool_cap_min, &f, t))
    };
    view! {
        <section class="panel" aria-labelledby="compare-title" data-testid="comparison">
            <h2 id="compare-title">{t.compare_title}</h2>
            <div class="table-wrap" inner_html=table></div>
        </section>
    }
}

/// A stacked bar per model on one scale, then the same figures as a table.
fn breakdown_markup(o: &Outcome, f: &Fmt, t: &Texts) -> String {
    let mut out = String::new();
    let largest = ModelKind::ALL
        .iter()
        .map(|k| o.model(*k).breakdown.total())
        .fold(0.0, f64::max);
    for kind in ModelKind::ALL {
        let b = &o.model(kind).breakdown;
        let _ = write!(
            out,
            "<div class=\"stack-label\"><span>{}</span><span>{}</span></div>\
             <div class=\"stack\" data-testid=\"breakdown-bar\" data-model=\"{}\" aria-hidden=\"true\">",
            esc(model_name(kind, t)),
            esc(&f.money(b.total())),
            kind.key()
        );
        for (item, value) in b.items().into_iter().filter(|(_, v)| *v > 0.0) {
            let (name, colour) = messages::cost_item(item, t);
            let width = if largest > 0.0 {
                value / largest * 100.0
            } else {
                0.0
            };
            let _ = write!(
                out,
                "<span style=\"--item:{colour};width:{}%\" title=\"{}: {}\"></span>",
                markup::coord(width),
                esc(name),
                esc(&f.money(value))
            );
        }
        out.push_str("</div>");
    }
    out.push_str("<div class=\"table-wrap\"><table class=\"breakdown-table\">");
    markup::models_head(&mut out, |k| model_name(k, t));
    out.push_str("<tbody>");
    let items = ModelKind::ALL.map(|k| o.model(k).breakdown.items());
    for (i, item) in CostItem::ALL.into_iter().enumerate() {
        if items.iter().all(|m| m[i].1 <= 0.0) {
            continue;
        }
        let (name, colour) = messages::cost_item(item, t);
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><span class=\"swatch cell\" style=\"--series:{colour}\"></span> {}</th>",
            esc(name)
        );
        for m in &items {
            let _ = write!(out, "<td>{}</td>", esc(&f.money(m[i].1)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// Where each model's monthly money goes.
#[component]
pub fn Breakdowns() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let body = move || {
        let f = calc.fmt();
        calc.outcome.with(|o| breakdown_markup(o, &f, t))
    };
    view! {
        <section class="panel" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">{t.breakdown_title}</h2>
            <div inner_html=body></div>
        </section>
    }
}

/// The three monthly costs in a bar that stays in sight on narrow screens.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    view! {
        <a class="summary-bar" href="#results-title" data-testid="summary-bar">
            {ModelKind::ALL.map(|kind| view! {
                <span class:best=move || calc.outcome.with(|o| o.recommendation.model == kind)>
                    {model_name(kind, t)}
                    <strong>{move || { let f = calc.fmt(); calc.outcome.with(|o| f.money(o.model(kind).monthly_cost)) }}</strong>
                </span>
            })}
        </a>
    }
}
