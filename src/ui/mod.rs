//! The page: Leptos components that turn inputs into a `Scenario` and render
//! the model's `Outcome`. No formula lives here.
//!
//! The state is `Calc` (state.rs): the last valid scenario and its outcome.
//! A number box is `inputs::NumberField`, a card `results::ModelCard`, a
//! chart's line `charts::curve_svg`. Texts come from `crate::i18n`, the
//! words for the model's values from `messages`, numbers from `format`.

mod browser;
mod charts;
mod form;
mod format;
mod header;
mod host;
mod hourly;
mod inputs;
mod languages;
mod link;
mod messages;
mod present;
mod quotes;
mod results;
mod scenarios;
mod share;
mod state;
mod table;

use leptos::prelude::*;

use crate::options::Section;
use state::Calc;

/// The page in one language; drawn again when the language changes.
#[component]
fn Page() -> impl IntoView {
    let calc = Calc::from_context();
    let options = calc.options.get_value();
    let shows = move |section| options.shows(section);
    view! {
        <header::Header />
        <link::LinkNotice />
        <main class="layout" class:no-inputs=!shows(Section::Inputs)>
            {shows(Section::Inputs).then(|| view! { <form::Form /> })}
            <div class="output">
                {shows(Section::Results).then(|| view! { <results::Results /> })}
                {shows(Section::Scenarios).then(|| view! { <scenarios::Scenarios /> })}
                {shows(Section::Curves).then(|| view! { <charts::CostCurves /> })}
                {shows(Section::Coverage).then(|| view! { <charts::CoverageHeatmap /> })}
                {shows(Section::Breakdown).then(|| view! { <results::Breakdowns /> })}
                {shows(Section::Comparison).then(|| view! { <results::Comparison /> })}
                {shows(Section::Quotes).then(|| view! { <quotes::QuoteCheck /> })}
                {shows(Section::Share).then(|| view! { <share::Share /> })}
            </div>
        </main>
        {shows(Section::Results).then(|| view! { <results::SummaryBar /> })}
    }
}

/// Panics go to the console with their message and place, for bug
/// reports: without a hook, a wasm panic says only "unreachable".
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| browser::console_error(&info.to_string())));
}

#[component]
pub fn App() -> impl IntoView {
    let start = link::start();
    if start.options.embed {
        browser::set_embedded();
        browser::report_height();
    } else {
        // A frame lives in the host's page; installing and offline use
        // belong to the full page.
        browser::keep_offline();
    }
    if let (Some(accent), Some(ink)) = (&start.options.accent, start.options.accent_ink()) {
        browser::set_accent(accent, ink);
    }
    let calc = Calc::new(start.scenario, start.saved, start.lang, start.options);
    provide_context(calc);
    provide_context(languages::LanguageRows::new(calc));
    provide_context(quotes::QuoteRows::new(calc.t()));
    provide_context(link::LinkWarnings {
        list: StoredValue::new(start.warnings),
        dismissed: RwSignal::new(false),
    });
    link::keep_in_step(calc);
    if calc.options.with_value(|o| o.embed) {
        host::announce_scenarios(calc);
    }
    move || {
        let lang = calc.lang.get();
        browser::set_document_language(lang.code());
        if calc.presenting.get() {
            view! { <present::Present /> }.into_any()
        } else {
            view! { <Page /> }.into_any()
        }
    }
}
