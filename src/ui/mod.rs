//! The page: Leptos components that turn inputs into a `Scenario` and render
//! the model's `Outcome`. No formula lives here.

mod browser;
mod charts;
mod form;
mod format;
mod inputs;
mod languages;
mod link;
mod markup;
mod messages;
mod quotes;
mod results;
mod share;
mod state;

use leptos::prelude::*;

use crate::i18n::{Lang, fill};
use crate::model::currency::PER_USD_SPEC;
use crate::model::{Currency, Money, Preset, Scenario};
use crate::options::Section;
use state::Calc;

#[component]
fn Presets() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    view! {
        <nav class="presets" aria-label=t.presets_label>
            {Preset::ALL.map(|preset| view! {
                <button type="button" data-preset=preset.key() on:click=move |_| calc.replace(preset.scenario())>
                    {messages::preset_name(preset, t)}
                </button>
            })}
            <button type="button" class="reset" on:click=move |_| calc.replace(Scenario::default())>{t.reset}</button>
        </nav>
    }
}

/// The language and the currency results are shown in, with its rate.
#[component]
fn Settings() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let f = calc.fmt_untracked();
    let rate_text = RwSignal::new(f.plain(f.money.per_usd));
    let rate_error = RwSignal::new(None::<String>);
    let set_lang = move |ev| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            calc.options.update_value(|o| o.lang = Some(lang));
            calc.lang.set(lang);
            // The page is drawn again in the new language: keep the
            // keyboard where it was.
            browser::focus_soon("f-lang");
        }
    };
    let set_currency = move |ev| {
        if let Some(currency) = Currency::from_code(&event_target_value(&ev)) {
            let money = Money::at_typical_rate(currency);
            rate_text.set(f.plain(money.per_usd));
            rate_error.set(None);
            calc.money.set(money);
        }
    };
    let set_rate = move |ev| {
        let typed = event_target_value(&ev);
        match f.read(&PER_USD_SPEC, &typed) {
            Ok(per_usd) => {
                rate_error.set(None);
                calc.money.update(|m| m.per_usd = per_usd);
            }
            Err(e) => rate_error.set(Some(messages::field_error(&e, &f, t))),
        }
        rate_text.set(typed);
    };
    let currency = move || calc.money.get().currency;
    // A memo, so typing a rate does not draw the rate field again.
    let foreign = Memo::new(move |_| calc.money.with(|m| m.currency != Currency::Usd));
    view! {
        <div class="settings" role="group" aria-label=t.settings_label>
            <div class="field">
                <label for="f-lang">{t.language}</label>
                <select
                    id="f-lang"
                    on:change=set_lang
                    inner_html=markup::options(Lang::ALL.map(|l| (l.code(), l.name(), l == f.lang)))
                ></select>
            </div>
            <div class="field">
                <label for="f-cur">{t.currency}</label>
                <select
                    id="f-cur"
                    on:change=set_currency
                    inner_html=markup::options(Currency::ALL.map(|c| (c.code(), c.code(), c == f.money.currency)))
                ></select>
            </div>
            {move || foreign.get().then(|| view! {
                <div class="field" class:invalid=move || rate_error.with(Option::is_some)>
                    <label for="f-fx">{move || fill(t.exchange_rate, &[currency().code()])}</label>
                    <input
                        id="f-fx"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        prop:value=move || rate_text.get()
                        aria-invalid=move || if rate_error.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby="f-fx-note"
                        on:input=set_rate
                    />
                    <p class="note" id="f-fx-note">
                        {move || match rate_error.get() {
                            Some(message) => view! { <span class="error">{message}</span> }.into_any(),
                            None => view! { <span class="hint">{fill(t.exchange_note, &[currency().code()])}</span> }.into_any(),
                        }}
                    </p>
                </div>
            })}
        </div>
    }
}

/// The page in one language; drawn again when the language changes.
#[component]
fn Page() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let options = calc.options.get_value();
    let shows = move |section| options.shows(section);
    view! {
        <header class="top">
            <h1>"Supportcalc"</h1>
            <p class="tagline">{t.tagline}</p>
            <Presets />
            <Settings />
        </header>
        <link::LinkNotice />
        <main class="layout" class:no-inputs=!shows(Section::Inputs)>
            {shows(Section::Inputs).then(|| view! { <form::Form /> })}
            <div class="output">
                {shows(Section::Results).then(|| view! { <results::Results /> })}
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

#[component]
pub fn App() -> impl IntoView {
    let start = link::start();
    if start.options.embed {
        browser::set_embedded();
        browser::report_height();
    }
    if let (Some(accent), Some(ink)) = (&start.options.accent, start.options.accent_ink()) {
        browser::set_accent(accent, ink);
    }
    let calc = Calc::new(start.scenario, start.lang, start.options);
    provide_context(calc);
    provide_context(languages::LanguageRows::new(calc));
    provide_context(quotes::QuoteRows::new(calc.t()));
    provide_context(link::LinkWarnings {
        list: StoredValue::new(start.warnings),
        dismissed: RwSignal::new(false),
    });
    link::keep_in_step(calc);
    move || {
        let lang = calc.lang.get();
        browser::set_document_language(lang.code());
        view! { <Page /> }
    }
}
