//! The page: Leptos components that turn inputs into a `Scenario` and render
//! the model's `Outcome`. No formula lives here.
//!
//! The state is `Calc` (state.rs): the last valid scenario and its outcome.
//! A number box is `inputs::NumberField`, a card `results::ModelCard`, a
//! chart's line `charts::curve_svg`. Texts come from `crate::i18n`, the
//! words for the model's values from `messages`, numbers from `format`.

mod below;
mod browser;
mod charts;
mod form;
mod format;
mod header;
mod host;
mod hourly;
mod inputs;
mod languages;
mod lazy;
mod link;
mod messages;
mod present;
mod quotes;
mod results;
mod scenarios;
mod share;
mod state;
mod table;
mod year;

use leptos::prelude::*;

use send_wrapper::SendWrapper;

use crate::i18n::{EN, Lang, Texts};
use crate::options::Section;
use state::Calc;

/// A section after the first screen: which it is, its title, and what
/// draws it.
type Later = (Section, fn(&Texts) -> &'static str, fn() -> AnyView);

/// The sections after the first screen, in page order. Each is mounted
/// when it is wanted (below.rs): near the viewport, opened or printed, in
/// a task of its own, so the first task draws the first screen alone and
/// none is long (TBT). Each one's code is in a wasm chunk of its own
/// (lazy.rs), fetched as it is mounted or once the page is idle.
const LATER: [Later; below::COUNT] = [
    (
        Section::Scenarios,
        |t| t.scenarios_title,
        || view! { <lazy::Part load=lazy::scenarios /> }.into_any(),
    ),
    (
        Section::Curves,
        |t| t.curves_title,
        || view! { <lazy::Part load=lazy::curves /> }.into_any(),
    ),
    (
        Section::Year,
        |t| t.year_title,
        || view! { <lazy::Part load=lazy::year /> }.into_any(),
    ),
    (
        Section::Coverage,
        |t| t.heatmap_title,
        || view! { <lazy::Part load=lazy::coverage /> }.into_any(),
    ),
    (
        Section::Breakdown,
        |t| t.breakdown_title,
        || view! { <lazy::Part load=lazy::breakdown /> }.into_any(),
    ),
    (
        Section::Comparison,
        |t| t.compare_title,
        || view! { <lazy::Part load=lazy::comparison /> }.into_any(),
    ),
    (
        Section::Quotes,
        |t| t.quotes_title,
        || view! { <lazy::Part load=lazy::quotes /> }.into_any(),
    ),
    (
        Section::Share,
        |t| t.share_title,
        || view! { <lazy::Part load=lazy::share /> }.into_any(),
    ),
];

/// The page in one language; drawn again when the language changes.
#[component]
fn Page() -> impl IntoView {
    let calc = Calc::from_context();
    let options = calc.options.get_value();
    let shows = move |section| options.shows(section);
    // The recommendation, then the form, each in a task of its own after
    // the first screen; `main` is busy until they are there.
    let stages = state::Stages::new(form::FORM_STAGE + 1);
    provide_context(stages);
    // Then the chunks of the parts not shown yet (the sections below, present
    // mode) load ahead of a scroll or a click.
    Effect::new(move || {
        if stages.done() {
            lazy::prefetch();
        }
    });
    let below = below::Below::new();
    provide_context(below);
    let t = calc.t();
    let later = LATER
        .into_iter()
        .enumerate()
        .filter(|&(_, (section, _, _))| shows(section))
        .map(|(i, (section, title, draw))| {
            let drawn = view! {
                {below::placeholder(below, i, section)}
                {move || below.mounted(i).then(draw)}
            };
            // In a frame, a section the host did not ask for is a title to
            // open, not a screen of content.
            if calc.options.with_value(|o| o.opens(section)) {
                drawn.into_any()
            } else {
                view! {
                    <details class="fold" data-testid="fold" data-section=section.key()>
                        <summary>{title(t)}</summary>
                        {drawn}
                    </details>
                }
                .into_any()
            }
        })
        .collect_view();
    // The results come first in the page's order: on a phone and in a
    // frame they are the first screen, the form after them; on a wide
    // screen the form is the left column beside them.
    view! {
        <header::Header />
        <link::LinkNotice />
        // Only on paper, so mounted for printing, in the chunk of the
        // sections below.
        <div class="proposal-part">
            {move || below.printed().then(|| view! { <lazy::Part load=lazy::proposal /> })}
        </div>
        <main
            class="layout"
            class:no-inputs=!shows(Section::Inputs)
            aria-busy=move || inputs::aria(!stages.done())
        >
            {shows(Section::Results).then(|| view! { <results::Results /> })}
            {shows(Section::Inputs)
                .then(|| {
                    let ready = stages.reached(form::FORM_STAGE);
                    move || ready.get().then(|| view! { <form::Form /> })
                })}
            <div class="output">
                <lazy::Failures />
                {later}
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

/// The page as its link, this browser and the host ask. A page that opens
/// in Japanese or Russian waits for that language's chunk before drawing
/// anything, so no English flashes first; if the chunk cannot load, the
/// page opens in English (its link keeps the language, so a reload tries
/// again). A link with values it could not use waits for its notice's
/// chunk too (`lazy::first_screen`).
#[component]
pub fn App() -> impl IntoView {
    let mut start = link::start();
    let notice = !start.warnings.is_empty();
    match lazy::now_or_later(lazy::first_screen(start.lang, notice)) {
        Ok(Ok(texts)) => view! { <Calculator start texts /> }.into_any(),
        Ok(Err(_)) => {
            start.lang = Lang::En;
            view! { <Calculator start texts=&EN /> }.into_any()
        }
        Err(loading) => Suspend::new(SendWrapper::new(async move {
            let texts = loading.await.unwrap_or_else(|_| {
                start.lang = Lang::En;
                &EN
            });
            view! { <Calculator start texts /> }
        }))
        .into_any(),
    }
}

/// The page, in a language whose texts are loaded.
#[component]
fn Calculator(start: link::Start, texts: &'static Texts) -> impl IntoView {
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
    let calc = Calc::new(
        start.scenario,
        start.saved,
        (start.lang, texts),
        start.options,
    );
    provide_context(calc);
    provide_context(lazy::Retries::default());
    lazy::answer_what_ifs(calc);
    provide_context(languages::LanguageRows::new(calc));
    provide_context(link::KeptQuotes::new(start.quotes));
    provide_context(link::LinkWarnings {
        list: StoredValue::new(start.warnings),
        dismissed: RwSignal::new(false),
    });
    link::keep_in_step(calc);
    if calc.options.with_value(|o| o.embed) {
        host::announce_scenarios(calc);
    }
    // The figures are computed in this task (the effects above read them)
    // and the page drawn in the next: one task that did both was the load's
    // longest, and in a frame its host page's too.
    calc.figures.with_untracked(|_| ());
    let drawn = RwSignal::new(false);
    set_timeout(move || drawn.set(true), std::time::Duration::ZERO);
    move || {
        if !drawn.get() {
            return ().into_any();
        }
        let lang = calc.lang.get();
        browser::set_document_language(lang.code());
        if calc.presenting.get() {
            let back = move || calc.presenting.set(false);
            view! {
                <lazy::Part load=lazy::present>
                    <button type="button" on:click=move |_| back()>
                        {calc.t().present_back}
                    </button>
                </lazy::Part>
            }
            .into_any()
        } else {
            view! { <Page /> }.into_any()
        }
    }
}
