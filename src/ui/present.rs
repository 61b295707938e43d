//! Present mode, for a sales call or a shared screen: the three monthly
//! costs large, the recommendation with its reasons and what would change
//! it, one scenario at a time (the form's, then each saved one), no inputs.
//! ← and → step through the scenarios; Esc goes back to the form, which
//! is as it was: the state lives above the page.

use leptos::ev;
use std::sync::Arc;

use leptos::prelude::*;

use super::browser;
use super::messages;
use super::results::{PriceFlag, Recommendation};
use super::share::CopyLink;
use super::state::{Answer, Calc};
use crate::i18n::fill;
use crate::model::compare::MAX_SAVED;
use crate::model::{Figures, ModelKind, Scenario};

/// The scenarios shown: the form's (0), then the saved ones; each with
/// the name a person gave it, if any.
fn scenario_at(calc: Calc, index: usize) -> (Scenario, Option<String>) {
    let current = || (calc.settled.get(), None);
    match index.checked_sub(1) {
        None => current(),
        Some(saved) => calc
            .saved
            .with(|list| {
                list.get(saved)
                    .map(|s| (s.scenario.clone(), Some(s.name.clone())))
            })
            .unwrap_or_else(current),
    }
}

/// Whether `name` is one the page gave ("Scenario 2"), which says nothing
/// a shared screen needs.
fn given_by_page(name: &str, t: &crate::i18n::Texts) -> bool {
    (1..=MAX_SAVED + 1).any(|n| name == fill(t.later().scenario_n, &[&n.to_string()]))
}

/// How many characters wide a figure is, a wide one (a full-width yen
/// sign, a CJK unit) counted twice: the figure's size is set from it so
/// that it fills its box on one line at any width.
fn width_in_chars(text: &str) -> usize {
    text.chars()
        .map(|c| if u32::from(c) >= 0x1100 { 2 } else { 1 })
        .sum()
}

#[component]
pub fn Present() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let index = RwSignal::new(0usize);
    let count = move || calc.saved.with(Vec::len) + 1;
    let step = move |by: isize| {
        let n = count();
        index.update(|i| *i = (*i as isize + by).rem_euclid(n as isize) as usize);
    };
    let shown = Memo::new(move |_| scenario_at(calc, index.get()));
    let outcome = Memo::new(move |_| match index.get() {
        0 => calc.figures.get(),
        _ => shown.with(|(s, _)| calc.figures_of(s)),
    });
    let what_if = Memo::new(move |_| match index.get() {
        0 => calc.what_if.get(),
        _ => shown.with(|(s, _)| {
            outcome.with(|f| Answer::Ready(Arc::new(calc.sensitivity_of(s, f)), messages::what_if))
        }),
    });
    let kinds = Memo::new(move |_| outcome.with(Figures::kinds));
    let pending = Signal::derive(move || shown.with(|(s, _)| calc.own_column(s).pending()));
    // What the scenario is, from its inputs: the heading, unless a person
    // named it, when it goes under the name.
    let summary = move || {
        let f = calc.fmt();
        shown.with(|(s, _)| {
            outcome.with(|o| messages::scenario_summary(s, o.offered_contacts_per_month, &f, t))
        })
    };
    let own_name = move || shown.with(|(_, name)| name.clone().filter(|n| !given_by_page(n, t)));
    let back = move || {
        calc.refocus.set_value(Some("present-open"));
        calc.presenting.set(false);
    };
    let keys = window_event_listener(ev::keydown, move |ev| match ev.key().as_str() {
        "Escape" => back(),
        "ArrowRight" => step(1),
        "ArrowLeft" => step(-1),
        _ => {}
    });
    on_cleanup(move || keys.remove());
    Effect::new(move || browser::focus("present-back"));
    let figure = move |kind: ModelKind| {
        let best = move || !pending.get() && outcome.with(|o| o.recommendation.model == kind);
        let meets = move || outcome.with(|o| o.model(kind).is_some_and(|r| r.qualifies));
        let money = Memo::new(move |_| {
            let f = calc.fmt();
            outcome
                .with(|o| o.model(kind).map(|r| f.estimate(r.monthly_cost)))
                .unwrap_or_default()
        });
        // The year's cost, its seasons in it, beside the base month's.
        let first_year = move || {
            let f = calc.fmt();
            outcome
                .with(|o| o.model(kind).map(|r| f.estimate(r.first_year_cost)))
                .map(|year| fill(t.later().present_first_year, &[&year]))
                .unwrap_or_default()
        };
        view! {
            <div
                class="present-figure"
                class:best=best
                class:falls-short=move || !meets()
                data-testid="present-figure"
                data-model=kind.key()
                data-meets-targets=move || if meets() { "true" } else { "false" }
            >
                <span class="present-model">{t.model(kind)}</span>
                <strong style:--chars=move || money.with(|m| width_in_chars(m).to_string())>
                    {money}
                </strong>
                <span>{t.per_month}</span>
                <span data-testid="present-first-year">{first_year}</span>
                <PriceFlag kind outcome=outcome.into() />
            </div>
        }
    };
    view! {
        <main class="present" aria-label=t.later().present_label data-testid="present">
            <header class="present-bar">
                <div class="present-name">
                    <h1 data-testid="present-title">{move || own_name().unwrap_or_else(summary)}</h1>
                    {move || {
                        own_name()
                            .is_some()
                            .then(|| view! { <p class="present-summary" data-testid="present-summary">{summary}</p> })
                    }}
                </div>
                <p class="present-position">
                    {move || fill(t.later().present_position, &[&(index.get() + 1).to_string(), &count().to_string()])}
                </p>
                <span class="present-actions">
                    <button type="button" hidden=move || count() < 2 on:click=move |_| step(-1)>
                        {t.later().present_prev}
                    </button>
                    <button type="button" hidden=move || count() < 2 on:click=move |_| step(1)>
                        {t.later().present_next}
                    </button>
                    <CopyLink />
                    <button type="button" id="present-back" on:click=move |_| back()>
                        {t.present_back}
                    </button>
                </span>
            </header>
            <div class="present-figures">{move || kinds.get().into_iter().map(figure).collect_view()}</div>
            <Recommendation outcome=outcome.into() what_if=what_if.into() pending />
            <p class="note">{t.later().present_hint}</p>
        </main>
    }
}
