//! The three models side by side, which one fits, what else to weigh, and
//! where the money goes.

use std::fmt::Write as _;

use leptos::prelude::*;

use super::format::Fmt;
use super::markup::{self, esc};
use super::messages;
use super::state::Calc;
use crate::i18n::{Texts, fill};
use crate::model::{CostItem, ModelKind, Outcome};

/// The three models side by side: cost, first year, per contact, FTE,
/// coverage and service level; the recommended one marked.
fn cards_markup(o: &Outcome, f: &Fmt, t: &Texts) -> String {
    let mut out = String::new();
    for kind in ModelKind::ALL {
        let r = o.model(kind);
        let recommended = o.recommendation.model == kind;
        let _ = write!(
            out,
            "<article class=\"card{}\" data-testid=\"model-card\" data-model=\"{}\"><header><h2>{}</h2>{}</header>\
             <p class=\"basis\">{}</p><p class=\"big\" data-testid=\"monthly-cost\">{}</p><p class=\"big-label\">{}</p><dl class=\"figures\">",
            if recommended { " recommended" } else { "" },
            kind.key(),
            esc(t.model(kind)),
            if recommended {
                format!("<span class=\"badge\">{}</span>", esc(t.recommended))
            } else {
                String::new()
            },
            esc(messages::model_basis(kind, t)),
            esc(&f.money(r.monthly_cost)),
            esc(t.per_month),
        );
        let figures = [
            (t.first_year, "first-year-cost", f.money(r.first_year_cost)),
            (
                t.per_contact,
                "cost-per-contact",
                f.money_cents(r.cost_per_contact),
            ),
            (t.agents_fte, "fte", f.one_decimal(r.fte)),
            (
                t.hours_covered,
                "hours-covered",
                f.percent(r.requested_hours_covered_pct),
            ),
            (
                t.within_target,
                "within-target",
                f.percent(r.within_target_pct),
            ),
        ];
        for (label, id, value) in figures {
            let _ = write!(
                out,
                "<dt>{}</dt><dd data-testid=\"{id}\">{}</dd>",
                esc(label),
                esc(&value)
            );
        }
        out.push_str("</dl></article>");
    }
    out
}

#[component]
pub fn Results() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let cards = move || {
        let f = calc.fmt();
        calc.outcome.with(|o| cards_markup(o, &f, t))
    };
    let stale = Memo::new(move |_| calc.stale());
    let head = move || {
        let mut out = format!(
            "<h2 id=\"results-title\" class=\"visually-hidden\">{}</h2>",
            esc(t.results)
        );
        if stale.get() {
            let _ = write!(
                out,
                "<p class=\"stale-note\" role=\"status\" data-testid=\"stale-note\">{}</p>",
                esc(t.stale_note)
            );
        }
        out
    };
    let meets = move || calc.outcome.with(|o| o.recommendation.meets_targets);
    view! {
        <section class="results" class:stale=move || stale.get() aria-labelledby="results-title" data-testid="results">
            <div inner_html=head></div>
            <div class="cards" inner_html=cards></div>
            <section
                class="panel recommendation"
                class:unmet=move || !meets()
                aria-labelledby="recommendation-title"
                data-testid="recommendation"
                inner_html=move || recommendation_markup(&calc, t)
            ></section>
        </section>
    }
}

/// Which model fits, or comes closest, and why.
fn recommendation_markup(calc: &Calc, t: &Texts) -> String {
    let f = calc.fmt();
    calc.outcome.with(|o| {
        let r = &o.recommendation;
        let template = if r.meets_targets {
            t.recommended_title
        } else {
            t.closest_title
        };
        let mut out = format!(
            "<h2 id=\"recommendation-title\">{}</h2><ul>",
            esc(&fill(template, &[t.model(r.model)]))
        );
        for reason in &r.reasons {
            let _ = write!(out, "<li>{}</li>", esc(&messages::reason(reason, &f, t)));
        }
        out.push_str("</ul>");
        out
    })
}

/// The rows buyers weigh beside price.
fn comparison_table(pool_cap_min: f64, f: &Fmt, t: &Texts) -> String {
    let cap = f.count(pool_cap_min);
    let mut out = String::from("<table class=\"compare\">");
    markup::models_head(&mut out, |k| t.model(k));
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
    let body = move || {
        let f = calc.fmt();
        let table = calc
            .scenario
            .with(|s| comparison_table(s.pool_cap_min, &f, t));
        format!(
            "<h2 id=\"compare-title\">{title}</h2><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{title}\">{table}</div>",
            title = esc(t.compare_title)
        )
    };
    view! { <section class="panel" aria-labelledby="compare-title" data-testid="comparison" inner_html=body></section> }
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
            esc(t.model(kind)),
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
    let _ = write!(
        out,
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"breakdown-table\">",
        esc(t.breakdown_title)
    );
    markup::models_head(&mut out, |k| t.model(k));
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
        let bars = calc.outcome.with(|o| breakdown_markup(o, &f, t));
        format!(
            "<h2 id=\"breakdown-title\">{}</h2><div>{bars}</div>",
            esc(t.breakdown_title)
        )
    };
    view! { <section class="panel" aria-labelledby="breakdown-title" data-testid="breakdown" inner_html=body></section> }
}

/// The three monthly costs in a bar that stays in sight on narrow screens.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let costs = move || {
        let f = calc.fmt();
        calc.outcome.with(|o| {
            ModelKind::ALL.iter().fold(String::new(), |mut out, &kind| {
                let best = if o.recommendation.model == kind {
                    " class=\"best\""
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<span{best}>{}<strong>{}</strong></span>",
                    esc(t.model(kind)),
                    esc(&f.money(o.model(kind).monthly_cost))
                );
                out
            })
        })
    };
    view! { <a class="summary-bar" href="#results-title" data-testid="summary-bar" inner_html=costs></a> }
}
