//! Present mode, for a sales call or a shared screen: the three monthly
//! costs large, the recommendation with its reasons and what would change
//! it, one scenario at a time (the form's, then each saved one), no inputs.
//! ← and → step through the scenarios; Esc goes back to the form, which
//! is as it was: the state lives above the page.

use leptos::ev;
use leptos::prelude::*;

use super::browser;
use super::results::Recommendation;
use super::state::Calc;
use crate::i18n::fill;
use crate::model::{ModelKind, Outcome, compute};

/// The scenarios shown: the form's (0), then the saved ones.
fn outcome_at(calc: Calc, index: usize) -> Outcome {
    match index.checked_sub(1) {
        None => calc.outcome.get(),
        Some(saved) => calc
            .saved
            .with(|list| list.get(saved).map(|s| compute(&s.scenario)))
            .unwrap_or_else(|| calc.outcome.get()),
    }
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
    let outcome = Memo::new(move |_| outcome_at(calc, index.get()));
    let name = move || match index.get().checked_sub(1) {
        None => t.present_current.to_string(),
        Some(i) => calc
            .saved
            .with(|list| list.get(i).map(|s| s.name.clone()).unwrap_or_default()),
    };
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
        let best = move || outcome.with(|o| o.recommendation.model == kind);
        view! {
            <div class="present-figure" class:best=best data-testid="present-figure" data-model=kind.key()>
                <span class="present-model">{t.model(kind)}</span>
                <strong>{move || calc.fmt().money(outcome.with(|o| o.model(kind).monthly_cost))}</strong>
                <span>{t.per_month}</span>
            </div>
        }
    };
    view! {
        <main class="present" aria-label=t.present_label data-testid="present">
            <header class="present-bar">
                <h1>{name}</h1>
                <p class="present-position">
                    {move || fill(t.present_position, &[&(index.get() + 1).to_string(), &count().to_string()])}
                </p>
                <span class="present-actions">
                    <button type="button" hidden=move || count() < 2 on:click=move |_| step(-1)>
                        {t.present_prev}
                    </button>
                    <button type="button" hidden=move || count() < 2 on:click=move |_| step(1)>
                        {t.present_next}
                    </button>
                    <button type="button" id="present-back" on:click=move |_| back()>
                        {t.present_back}
                    </button>
                </span>
            </header>
            <div class="present-figures">{ModelKind::ALL.map(figure).into_iter().collect_view()}</div>
            <Recommendation outcome=outcome.into() />
            <p class="note">{t.present_hint}</p>
        </main>
    }
}
