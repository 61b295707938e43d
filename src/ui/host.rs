//! What the page that embeds the calculator hears: the visitor's scenario
//! once its results first show and each time it settles, and, when the
//! host labels one, the call to action that hands it over for a lead form.
//! Nothing goes anywhere but to the parent window, and only in a frame.

use leptos::prelude::*;

use super::browser;
use super::link::share_url;
use super::state::Calc;

/// How long the scenario must stay unchanged before the host hears of it:
/// a pause in typing, not every keystroke.
const SETTLE_MS: u32 = 800;

fn tell(calc: Calc, kind: &str, wait_ms: u32) {
    calc.settle();
    let link = share_url(calc);
    let currency = calc.money.get_untracked().currency.code();
    let lang = calc.lang.get_untracked().code();
    calc.figures.with_untracked(|o| {
        browser::tell_parent(
            kind,
            &link,
            o.recommendation.model.key(),
            o.shared.monthly_cost,
            o.dedicated.monthly_cost,
            o.combined.monthly_cost,
            o.contacts_per_month,
            lang,
            currency,
            wait_ms,
        );
    });
}

/// Tells the host each scenario the results show: the first at once, the
/// rest when typing pauses. Also on a change of language or currency, which
/// the message carries.
pub fn announce_scenarios(calc: Calc) {
    let effect = RenderEffect::new(move |told: Option<bool>| {
        calc.figures.track();
        calc.lang.track();
        calc.money.track();
        tell(
            calc,
            "supportcalc:scenario",
            if told.is_some() { SETTLE_MS } else { 0 },
        );
        true
    });
    on_cleanup(move || drop(effect));
}

/// The host's button under the recommendation, labelled by its `cta` key.
#[component]
pub fn CallToAction(label: String) -> impl IntoView {
    let calc = Calc::from_context();
    view! {
        <p class="cta">
            <button type="button" data-testid="cta" on:click=move |_| tell(calc, "supportcalc:cta", 0)>
                {label}
            </button>
        </p>
    }
}
