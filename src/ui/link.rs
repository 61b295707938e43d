//! The page's address and memory: where the first scenario comes from, the
//! scenario in the query string as the user types (replacing the history
//! entry, so Back leaves the page rather than undoing keystrokes), the last
//! scenario and the scenarios saved to compare in localStorage, the link to
//! share, and the notice naming the values of a link that could not be used.

use leptos::prelude::*;

use super::browser;
use super::state::Calc;
use crate::i18n::{Lang, fill};
use crate::model::compare::{self, Saved};
use crate::model::{QueryWarning, Scenario};
use crate::options::{PageOptions, has_scenario};

const STORAGE_KEY: &str = "supportcalc:v1";
const SAVED_KEY: &str = "supportcalc:compare:v1";

/// What the page opens with.
pub struct Start {
    pub scenario: Scenario,
    pub saved: Vec<Saved>,
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
    // The scenarios saved to compare: the link's, else this browser's.
    let saved = match compare::link_value(&query) {
        Some(value) => {
            let (saved, problem) = compare::from_link(value);
            warnings.extend(problem);
            saved
        }
        None if options.embed => Vec::new(),
        None => compare::from_link(&browser::load(SAVED_KEY)).0,
    };
    let lang = options
        .lang
        .or_else(|| Lang::preferred(browser::preferred_languages().split(',')))
        .unwrap_or(Lang::En);
    Start {
        scenario,
        saved,
        lang,
        options,
        warnings,
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

/// Keeps the address bar and the stored scenario in step with the page.
/// A render effect, as the form and the quote check use: one kind of effect in the wasm.
pub fn keep_in_step(calc: Calc) {
    let effect = RenderEffect::new(move |_| {
        calc.lang.track();
        // The settled scenario: the address and the storage are written
        // with the results, after the keystroke's paint, not inside it.
        let scenario = calc.settled.with(Scenario::to_query);
        browser::replace_query(&(scenario.clone() + &current_options(calc).page_query()));
        if !calc.options.with_value(|o| o.embed) {
            browser::save(STORAGE_KEY, &scenario);
        }
    });
    let saved = RenderEffect::new(move |_| {
        calc.saved.track();
        remember_saved(calc);
    });
    on_cleanup(move || {
        drop(effect);
        drop(saved);
    });
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
    format!("{}?{scenario}{options}{saved}", browser::base_url())
}

/// The values of the opening link that could not be used (the JSON export
/// reports them too), and whether the reader has dismissed the notice.
#[derive(Clone, Copy)]
pub struct LinkWarnings {
    pub list: StoredValue<Vec<QueryWarning>>,
    pub dismissed: RwSignal<bool>,
}

/// Names the values of the link that could not be used; they show their
/// defaults.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let calc = Calc::from_context();
    let t = calc.t();
    let LinkWarnings { list, dismissed } = use_context().expect("App provides LinkWarnings");
    let names = list.with_value(|list| {
        list.iter()
            .map(|w| format!("{}={}", w.key, w.value))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let any = !names.is_empty();
    let text = fill(t.link_notice, &[&names]);
    move || {
        (any && !dismissed.get()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="link-notice">
                    <p>{text.clone()}</p>
                    <button type="button" on:click=move |_| dismissed.set(true)>
                        {t.dismiss}
                    </button>
                </div>
            }
        })
    }
}
