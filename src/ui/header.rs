//! The page's header: its title, presets to start from, and the language
//! and currency the page speaks. Markup with a handler per kind of event,
//! like the form.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::browser;
use super::markup::{self, esc};
use super::messages;
use super::state::{Calc, RATE_KEY};
use crate::i18n::{Lang, Texts, fill};
use crate::model::currency::PER_USD_SPEC;
use crate::model::{Currency, Money, Preset, Scenario};

/// The id of the element an event came from.
fn target_id(ev: &web_sys::Event) -> String {
    browser::event_element(ev)
        .map(|el| el.id())
        .unwrap_or_default()
}

/// The presets a salesperson starts from, and a reset.
fn presets_markup(out: &mut String, t: &Texts) {
    let _ = write!(
        out,
        "<nav class=\"presets\" aria-label=\"{}\">",
        esc(t.presets_label)
    );
    for preset in Preset::ALL {
        let _ = write!(
            out,
            "<button type=\"button\" id=\"preset-{key}\" data-preset=\"{key}\">{}</button>",
            esc(messages::preset_name(preset, t)),
            key = preset.key(),
        );
    }
    let _ = write!(
        out,
        "<button type=\"button\" id=\"preset-reset\" class=\"reset\">{}</button></nav>",
        esc(t.reset)
    );
}

/// The note under the rate: what it does, or what is wrong with the text.
fn rate_note(currency: Currency, error: Option<&str>, t: &Texts) -> String {
    markup::note(error, &fill(t.exchange_note, &[currency.code()]))
}

/// The language and the currency results are shown in, with its rate,
/// which shows only for a currency other than the dollar.
fn settings_markup(out: &mut String, calc: &Calc) {
    let (t, f) = (calc.t(), calc.fmt_untracked());
    let currency = f.money.currency;
    // Text typed before the page was drawn again (a language switch) stays.
    let typed = calc.pending_text(RATE_KEY);
    let error = typed
        .as_deref()
        .and_then(|text| messages::read(&PER_USD_SPEC, text, &f, t).err());
    let text = typed.unwrap_or_else(|| f.plain(f.money.per_usd));
    let _ = write!(
        out,
        "<div class=\"settings\" role=\"group\" aria-label=\"{}\"><div class=\"field\"><label for=\"f-lang\">{}</label><select id=\"f-lang\">{}</select></div>\
         <div class=\"field\"><label for=\"f-cur\">{}</label><select id=\"f-cur\">{}</select></div>\
         <div class=\"field{}\" id=\"fx-field\"{}><label for=\"f-fx\" id=\"f-fx-label\">{}</label>\
         <input id=\"f-fx\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"{}\" aria-invalid=\"{}\" aria-describedby=\"f-fx-note\">\
         <p class=\"note\" id=\"f-fx-note\">{}</p></div></div>",
        esc(t.settings_label),
        esc(t.language),
        markup::options(Lang::ALL.map(|l| (l.code(), l.name(), l == f.lang))),
        esc(t.currency),
        markup::options(Currency::ALL.map(|c| (c.code(), c.code(), c == currency))),
        if error.is_some() { " invalid" } else { "" },
        if currency == Currency::Usd {
            " hidden"
        } else {
            ""
        },
        esc(&fill(t.exchange_rate, &[currency.code()])),
        esc(&text),
        error.is_some(),
        rate_note(currency, error.as_deref(), t),
    );
}

/// The page's title and what it does, the presets, the language and the
/// currency.
#[component]
pub fn Header() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let on_click = move |ev: web_sys::MouseEvent| {
        let id = target_id(&ev);
        if id == "preset-reset" {
            calc.replace(Scenario::default());
        } else if let Some(preset) = Preset::ALL
            .into_iter()
            .find(|p| id.strip_prefix("preset-") == Some(p.key()))
        {
            calc.replace(preset.scenario());
        }
    };
    let on_input = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        let f = calc.fmt_untracked();
        match target_id(&ev).as_str() {
            "f-lang" => {
                if let Some(lang) = Lang::from_tag(&value) {
                    calc.options.update_value(|o| o.lang = Some(lang));
                    calc.lang.set(lang);
                    // The page is drawn again in the new language: keep the
                    // keyboard where it was.
                    browser::focus_soon("f-lang");
                }
            }
            "f-cur" => {
                if let Some(currency) = Currency::from_code(&value) {
                    let money = Money::at_typical_rate(currency);
                    let label = fill(t.exchange_rate, &[currency.code()]);
                    let usd = JsValue::from_bool(currency == Currency::Usd);
                    browser::set_prop("fx-field", "hidden", &usd);
                    browser::set_prop("f-fx-label", "textContent", &JsValue::from_str(&label));
                    let rate = JsValue::from_str(&f.plain(money.per_usd));
                    browser::set_prop("f-fx", "value", &rate);
                    browser::field_state("f-fx", false, &rate_note(currency, None, t));
                    calc.set_pending(RATE_KEY, None);
                    calc.money.set(money);
                }
            }
            "f-fx" => match messages::read(&PER_USD_SPEC, &value, &f, t) {
                Ok(per_usd) => {
                    let note = rate_note(f.money.currency, None, t);
                    browser::field_state("f-fx", false, &note);
                    calc.set_pending(RATE_KEY, None);
                    calc.money.update(|m| m.per_usd = per_usd);
                }
                Err(message) => {
                    let note = rate_note(f.money.currency, Some(&message), t);
                    browser::field_state("f-fx", true, &note);
                    calc.set_pending(RATE_KEY, Some(value));
                }
            },
            _ => {}
        }
    };
    let mut markup = format!(
        "<h1>Supportcalc</h1><p class=\"tagline\">{}</p>",
        esc(t.tagline)
    );
    presets_markup(&mut markup, t);
    settings_markup(&mut markup, &calc);
    view! { <header class="top" on:click=on_click on:input=on_input inner_html=markup></header> }
}
