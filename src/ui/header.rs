//! The page's header: its title, presets to start from, and the language
//! and currency the page speaks.

use leptos::prelude::*;

use super::browser;
use super::format::Fmt;
use super::inputs::{Note, Select, aria};
use super::lazy::{self, FailedNote, LoadingNote};
use super::link;
use super::link::KeptQuotes;
use super::messages;
use super::state::{Calc, RATE_KEY, Replaced};
use crate::i18n::{APP_NAME, Lang, fill};
use crate::model::currency::PER_USD_SPEC;
use crate::model::{Currency, Money, Preset, Scenario};

/// The id of the button that made a replacement, which takes the keyboard
/// back when Undo, which follows it, goes.
fn replaced_by(what: Replaced) -> &'static str {
    match what {
        Replaced::Reset => "reset",
        Replaced::Preset(preset) => preset.key(),
    }
}

/// The presets a salesperson starts from, a reset, and the Undo that either
/// offers until the next change (announced: a polite live region).
#[component]
fn Presets() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let start_over = move |what: Replaced| {
        let next = match what {
            Replaced::Reset => Scenario::default(),
            Replaced::Preset(preset) => preset.scenario(),
        };
        link::as_new_entry(calc, || calc.start_over(next, what));
    };
    let undo = move || {
        calc.undo.with(|u| u.as_ref().map(|u| u.what)).map(|what| {
            let label = match what {
                Replaced::Reset => t.undo_reset.to_string(),
                Replaced::Preset(preset) => {
                    fill(t.undo_preset, &[messages::preset_name(preset, t)])
                }
            };
            let take_back = move |_| {
                calc.take_back();
                browser::focus(replaced_by(what));
            };
            view! {
                <button type="button" class="undo" data-testid="undo" on:click=take_back>
                    {label}
                </button>
            }
        })
    };
    view! {
        <nav class="presets" aria-label=t.presets_label>
            {Preset::ALL
                .map(|preset| {
                    let what = Replaced::Preset(preset);
                    view! {
                        <button type="button" id=replaced_by(what) on:click=move |_| start_over(what)>
                            {messages::preset_name(preset, t)}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                id=replaced_by(Replaced::Reset)
                class="reset"
                on:click=move |_| start_over(Replaced::Reset)
            >
                {t.reset}
            </button>
            <span role="status">{undo}</span>
        </nav>
    }
}

/// A language switch waiting for its texts' chunk, or that could not get it.
#[derive(Clone, Copy, PartialEq)]
enum Switching {
    Loading,
    Failed(Lang),
}

/// The language, the currency results are shown in, and its rate, which
/// shows only for a currency other than the dollar.
#[component]
fn Settings() -> impl IntoView {
    let calc = Calc::from_context();
    let quotes = use_context::<KeptQuotes>().expect("App provides KeptQuotes");
    let t = calc.t();
    let f = calc.fmt_untracked();
    // Text typed before the page was drawn again (a language switch) stays.
    let typed = calc.pending_text(RATE_KEY);
    let rate_error = RwSignal::new(
        typed
            .as_deref()
            .and_then(|text| messages::read(&PER_USD_SPEC, text, &f, t).err()),
    );
    let rate_text = RwSignal::new(typed.unwrap_or_else(|| f.plain(f.money.per_usd)));
    let code = move || calc.money.get().currency.code();

    // The new page gives the keyboard back to what drew it again.
    if let Some(id) = calc.refocus.get_value() {
        calc.refocus.set_value(None);
        Effect::new(move || browser::focus(id));
    }
    // A language other than English comes in a chunk of its own: until it
    // is there the page stays as it is and says it is loading; if it cannot
    // be fetched, it says so with a retry.
    let switching = RwSignal::new(None::<Switching>);
    let show = move |lang: Lang| {
        let shown = move |texts| {
            switching.set(None);
            calc.options.update_value(|o| o.lang = Some(lang));
            calc.refocus.set_value(Some("f-lang"));
            calc.show_language(lang, texts);
        };
        match lazy::now_or_later(lazy::texts(lang)) {
            Ok(Ok(texts)) => shown(texts),
            Ok(Err(_)) => switching.set(Some(Switching::Failed(lang))),
            Err(loading) => {
                switching.set(Some(Switching::Loading));
                leptos::task::spawn_local(async move {
                    match loading.await {
                        Ok(texts) => shown(texts),
                        Err(_) => switching.set(Some(Switching::Failed(lang))),
                    }
                });
            }
        }
    };
    let pick_language = Callback::new(move |tag: String| {
        if let Some(lang) = Lang::from_tag(&tag) {
            show(lang);
        }
    });
    let switch_note = move || {
        switching.get().map(|state| match state {
            Switching::Loading => view! { <LoadingNote /> }.into_any(),
            Switching::Failed(lang) => {
                let retry = Callback::new(move |()| show(lang));
                view! { <FailedNote message=t.part_failed retry /> }.into_any()
            }
        })
    };
    let pick_currency = Callback::new(move |code: String| {
        if let Some(currency) = Currency::from_code(&code) {
            let money = Money::at_typical_rate(currency);
            let from = calc.fmt_untracked();
            let to = Fmt { money, ..from };
            if let Some(convert) = quotes.convert.get_value() {
                convert.run((from, to));
            }
            rate_text.set(from.plain(money.per_usd));
            rate_error.set(None);
            calc.set_pending(RATE_KEY, None);
            calc.money.set(money);
        }
    });
    let type_rate = move |typed: String| {
        let f = calc.fmt_untracked();
        match messages::read(&PER_USD_SPEC, &typed, &f, t) {
            Ok(per_usd) => {
                rate_error.set(None);
                calc.set_pending(RATE_KEY, None);
                calc.money.update(|m| m.per_usd = per_usd);
            }
            Err(message) => {
                rate_error.set(Some(message));
                calc.set_pending(RATE_KEY, Some(typed.clone()));
            }
        }
        rate_text.set(typed);
    };
    view! {
        <div
            class="settings"
            role="group"
            aria-label=t.settings_label
            aria-busy=move || aria(switching.with(|s| *s == Some(Switching::Loading)))
        >
            <Select
                id="f-lang".into()
                label=t.language
                options=Lang::ALL.map(|l| (l.code(), l.name())).to_vec()
                current=Signal::derive(move || calc.lang.get().code())
                on_pick=pick_language
            />
            {switch_note}
            <Select
                id="f-cur".into()
                label=t.currency
                options=Currency::ALL.map(|c| (c.code(), c.code())).to_vec()
                current=Signal::derive(code)
                on_pick=pick_currency
            />
            <div
                class="field"
                class:invalid=move || rate_error.with(Option::is_some)
                hidden=move || calc.money.get().currency == Currency::Usd
            >
                <label for="f-fx">{move || fill(t.exchange_rate, &[code()])}</label>
                <input
                    id="f-fx"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=rate_text
                    aria-invalid=move || aria(rate_error.with(Option::is_some))
                    aria-describedby="f-fx-note"
                    on:input=move |ev| type_rate(event_target_value(&ev))
                />
                <Note
                    id="f-fx-note".into()
                    error=rate_error
                    hint=Signal::derive(move || fill(t.exchange_note, &[code()]))
                />
            </div>
        </div>
    }
}

/// The page's title and what it does, the presets, the language and the
/// currency.
#[component]
pub fn Header() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    // Present mode is for the full page on a shared screen, not a frame.
    let framed = calc.options.with_value(|o| o.embed);
    // Drawn, this header takes the place of the one start.js drew before
    // the wasm, in the same task, so no frame shows both or neither.
    Effect::new(browser::drop_first_screen);
    view! {
        <header class="top">
            <h1>{APP_NAME}</h1>
            <p class="tagline">{t.tagline}</p>
            <Presets />
            <Settings />
            {(!framed)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            id="present-open"
                            class="present-open"
                            on:click=move |_| calc.presenting.set(true)
                        >
                            {t.present_button}
                        </button>
                    }
                })}
        </header>
    }
}
