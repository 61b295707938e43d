//! The page's address and memory: where the first scenario comes from, the
//! scenario in the query string as the user types (replacing the history
//! entry, so Back does not undo keystrokes; a preset, a reset or a saved
//! scenario opened is an entry of its own, so Back returns to what was
//! there), the last scenario and the scenarios saved to compare in
//! localStorage, the link to share, and the notice naming the values of a
//! link that could not be used.

use leptos::prelude::*;

use super::browser;
use super::format::Fmt;
use super::lazy;
use super::messages;
use super::quotes::QuoteRows;
use super::state::Calc;
use crate::i18n::{Lang, fill};
use crate::model::compare::{self, Saved};
use crate::model::query;
use crate::model::quote::{self, NamedQuote};
use crate::model::{QueryWarning, QueryWarningKind, Scenario};
use crate::options::{PageOptions, has_scenario};

const STORAGE_KEY: &str = "supportcalc:v1";
const SAVED_KEY: &str = "supportcalc:compare:v1";
const QUOTES_KEY: &str = "supportcalc:quotes:v1";

/// What the page opens with.
pub struct Start {
    pub scenario: Scenario,
    pub saved: Vec<Saved>,
    pub quotes: Vec<NamedQuote>,
    pub lang: Lang,
    pub options: PageOptions,
    pub warnings: Vec<QueryWarning>,
}

/// The scenario from the link; else the host's preset; else, outside a
/// frame, the last one kept in this browser; else the defaults. The
/// language from the link, else the browser's, else English.
pub fn start() -> Start {
    let query = browser::query();
    let (options, mut warnings) = PageOptions::from_query(&query);
    let scenario = if has_scenario(&query) {
        let (scenario, link_warnings) = Scenario::from_query(&query);
        warnings.extend(link_warnings);
        scenario
    } else if let Some(preset) = options.preset {
        preset.scenario()
    } else {
        // A frame shows the host's scenario, never one kept from a visit.
        let saved = (!options.embed).then(|| browser::load(STORAGE_KEY));
        saved
            .and_then(|text| Scenario::from_saved(&text))
            .unwrap_or_default()
    };
    // What this browser kept; a frame shows only what its link carries.
    let kept = |key| {
        if options.embed {
            String::new()
        } else {
            browser::load(key)
        }
    };
    // The scenarios saved to compare: the link's, else this browser's. A
    // set the link could not carry whole is named and leaves this
    // browser's as it was.
    let saved = match query::raw_value(&query, "cmp").map(compare::from_link) {
        Some((saved, None)) => saved,
        Some((_, Some(problem))) => {
            warnings.push(problem);
            compare::from_link(&kept(SAVED_KEY)).0
        }
        None => compare::from_link(&kept(SAVED_KEY)).0,
    };
    // The vendors' quotes: the link's, else this browser's.
    let quotes = match query::raw_value(&query, "quotes") {
        Some(value) => {
            let (quotes, problems) = quote::from_link(value);
            warnings.extend(problems);
            quotes
        }
        None => quote::from_link(&kept(QUOTES_KEY)).0,
    };
    // start.js chose the language (the link's `lang=`, else the browser's
    // first that we speak) to draw the header before the wasm, and put it
    // on `<html lang>`: the app takes that choice, so its header is the one
    // already shown.
    let lang = Lang::from_tag(&browser::document_language()).unwrap_or(Lang::En);
    Start {
        scenario,
        saved,
        quotes,
        lang,
        options,
        warnings,
    }
}

/// The vendors' quotes as the address, this browser and the downloads keep
/// them: in US dollars, as a link carries them. The quote check, in the
/// chunk of the sections below, makes its rows from these the first time
/// it is drawn and from then on keeps these in step with what is typed;
/// until then they are the link's or this browser's as they came, so a
/// link passed on before the quote check has loaded keeps its quotes.
#[derive(Clone)]
pub struct KeptQuotes {
    pub named: RwSignal<Vec<NamedQuote>>,
    /// The quote check's rows once made. Made under the page's owner, not
    /// the drawn page's, so a language switch keeps what was typed.
    pub rows: StoredValue<Option<QuoteRows>>,
    pub owner: Owner,
    /// Writes the typed amounts in a newly picked currency: the same quote,
    /// not the same digits read as another currency. Set with the rows.
    pub convert: StoredValue<Option<Callback<(Fmt, Fmt)>>>,
}

impl KeptQuotes {
    pub fn new(start: Vec<NamedQuote>) -> Self {
        KeptQuotes {
            named: RwSignal::new(start),
            rows: StoredValue::new(None),
            owner: Owner::current().expect("made inside the app"),
            convert: StoredValue::new(None),
        }
    }
}

/// The `&quotes=` part of a link for the quotes kept; tracked.
fn quotes_part() -> String {
    let kept = use_context::<KeptQuotes>().expect("App provides KeptQuotes");
    let value = kept.named.with(|named| quote::to_link(named));
    if value.is_empty() {
        value
    } else {
        format!("&quotes={value}")
    }
}

/// The page options as they stand now: the language and currency may have
/// been changed on the page since it opened.
fn current_options(calc: Calc) -> PageOptions {
    let mut options = calc.options.get_value();
    options.money = calc.money.get();
    options.present = calc.presenting.get();
    options
}

/// Keeps the address bar and the stored scenario and quotes in step with
/// the page: a reload, in a frame too, brings back the quotes typed.
/// A render effect, as the form and the quote check use: one kind of effect in the wasm.
pub fn keep_in_step(calc: Calc) {
    let embed = calc.options.with_value(|o| o.embed);
    let effect = RenderEffect::new(move |_| {
        calc.lang.track();
        // The settled scenario: the address and the storage are written
        // with the results, after the keystroke's paint, not inside it.
        let scenario = calc.settled.with(Scenario::to_query);
        let quotes = quotes_part();
        browser::replace_query(&address(calc, &scenario, &quotes));
        if !embed {
            browser::save(STORAGE_KEY, &scenario);
            browser::save(QUOTES_KEY, quotes.trim_start_matches("&quotes="));
        }
    });
    let saved = RenderEffect::new(move |_| {
        calc.saved.track();
        remember_saved(calc);
    });
    // Back and Forward bring their entry's scenario into the form: the
    // entries that `as_new_entry` made.
    let back = (!embed).then(|| {
        window_event_listener_untyped("popstate", move |_| {
            calc.replace(Scenario::from_query(&browser::query()).0);
        })
    });
    on_cleanup(move || {
        drop(effect);
        drop(saved);
        if let Some(back) = back {
            back.remove();
        }
    });
}

/// The address bar's query: the scenario, the page's options, the quotes.
fn address(calc: Calc, scenario: &str, quotes: &str) -> String {
    let page = current_options(calc).page_query();
    format!("{scenario}{page}{quotes}")
}

/// The address for what the form holds now, which the address bar catches
/// up with only after the keystroke's paint.
fn address_now(calc: Calc) -> String {
    untrack(|| {
        let scenario = calc.scenario.with(Scenario::to_query);
        address(calc, &scenario, &quotes_part())
    })
}

/// Runs `change`, which replaces the whole scenario (a preset, a reset, a
/// saved scenario opened), as a history entry of its own, so Back returns
/// to what was there: the entry left behind first takes what the form
/// held. Typing still replaces its entry. Not in a frame: its entries are
/// the host page's too, and the host's Back button would step through our
/// scenarios instead of leaving the host's page.
pub fn as_new_entry(calc: Calc, change: impl FnOnce()) {
    if calc.options.with_value(|o| o.embed) {
        change();
        return;
    }
    browser::replace_query(&address_now(calc));
    change();
    browser::push_query(&address_now(calc));
}

/// Keeps the saved scenarios in this browser (not in a frame, which is
/// the host's page).
pub fn remember_saved(calc: Calc) {
    if !calc.options.with_value(|o| o.embed) {
        browser::save(
            SAVED_KEY,
            &calc.saved.with_untracked(|s| compare::to_link(s)),
        );
    }
}

/// The link to send: this scenario, in the reader's language and currency,
/// opening the full page even when copied from a frame.
pub fn share_url(calc: Calc) -> String {
    let scenario = calc.scenario.with_untracked(Scenario::to_query);
    let options = current_options(calc).share_query();
    let saved = calc.saved.with_untracked(|s| compare::to_link(s));
    let saved = if saved.is_empty() {
        saved
    } else {
        format!("&cmp={saved}")
    };
    let quotes = untrack(quotes_part);
    format!("{}?{scenario}{options}{saved}{quotes}", browser::base_url())
}

/// The values of the opening link that could not be used (the JSON export
/// reports them too), and whether the reader has dismissed the notice.
#[derive(Clone, Copy)]
pub struct LinkWarnings {
    pub list: StoredValue<Vec<QueryWarning>>,
    pub dismissed: RwSignal<bool>,
}

/// Names the values of the link that could not be used; they show their
/// defaults. Only a link with such values shows it, so its words and
/// their formatting are in a chunk (`lazy::link_notice`), fetched at load
/// by such a link.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let LinkWarnings { list, dismissed } = use_context().expect("App provides LinkWarnings");
    let any = list.with_value(|list| !list.is_empty());
    move || (any && !dismissed.get()).then(|| view! { <lazy::Part load=lazy::link_notice /> })
}

/// The notice itself, in its chunk.
#[component]
pub fn Notice() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let LinkWarnings { list, dismissed } = use_context().expect("App provides LinkWarnings");
    let f = calc.fmt_untracked();
    // A `peak=` link's reading is news, not a value that could not be used.
    let read_as = |w: &QueryWarning| matches!(w.kind, QueryWarningKind::ReadAsMonth { .. });
    let (names, readings) = list.with_value(|list| {
        let text = |w: &QueryWarning| messages::link_problem(w, &f, t);
        let names: Vec<String> = list.iter().filter(|w| !read_as(w)).map(text).collect();
        let readings: Vec<String> = list.iter().filter(|w| read_as(w)).map(text).collect();
        (names.join("; "), readings)
    });
    let text = (!names.is_empty()).then(|| fill(t.later().link_notice, &[&names]));
    view! {
        <div class="notice" role="status" data-testid="link-notice">
            {text.map(|text| view! { <p>{text}</p> })}
            {readings.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
            <button type="button" on:click=move |_| dismissed.set(true)>
                {t.later().dismiss}
            </button>
        </div>
    }
}
