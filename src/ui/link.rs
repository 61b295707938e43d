//! Where a scenario lives outside the page: the link's query string, the
//! browser's storage, and the host page when the app is embedded. The link
//! format itself is the model's (`Scenario::to_query` / `from_query`); this
//! module only reads and writes the browser's side of it.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

use crate::model::{Preset, QueryWarning, Scenario};

const STORAGE_KEY: &str = "supportcalc:v1";

/// The parts of the page a host can hide with `show=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Advanced,
    Curves,
    Heatmap,
    Breakdown,
    Compare,
    Quotes,
    Export,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Advanced,
        Section::Curves,
        Section::Heatmap,
        Section::Breakdown,
        Section::Compare,
        Section::Quotes,
        Section::Export,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Advanced => "advanced",
            Section::Curves => "curves",
            Section::Heatmap => "heatmap",
            Section::Breakdown => "breakdown",
            Section::Compare => "compare",
            Section::Quotes => "quotes",
            Section::Export => "export",
        }
    }
}

/// Display options a link or a host page sets; they are not part of the
/// scenario and never change a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub embed: bool,
    /// `lang=` as given; the i18n module decides what it means.
    pub lang: Option<String>,
    /// Six hex digits, checked: it goes into a CSS custom property.
    pub accent: Option<String>,
    pub preset: Option<Preset>,
    pub shown: Vec<Section>,
}

impl Options {
    pub fn shows(&self, section: Section) -> bool {
        self.shown.contains(&section)
    }
}

fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

fn is_hex_colour(value: &str) -> bool {
    matches!(value.len(), 3 | 6) && value.bytes().all(|b| b.is_ascii_hexdigit())
}

pub fn read_options(query: &str) -> Options {
    let mut options = Options { embed: false, lang: None, accent: None, preset: None, shown: Section::ALL.to_vec() };
    for (key, value) in pairs(query) {
        match key {
            "embed" => options.embed = matches!(value, "1" | "true" | "yes"),
            "lang" if value.len() <= 8 => options.lang = Some(value.to_ascii_lowercase()),
            "accent" => {
                let hex = value.trim_start_matches("%23").trim_start_matches('#');
                options.accent = is_hex_colour(hex).then(|| hex.to_ascii_lowercase());
            }
            "preset" => options.preset = Preset::from_key(value),
            "show" => {
                options.shown =
                    value.split(',').filter_map(|k| Section::ALL.into_iter().find(|s| s.key() == k)).collect();
            }
            _ => {}
        }
    }
    options
}

/// The display options to carry in the address bar next to the scenario.
fn options_query(options: &Options) -> String {
    let mut out = String::new();
    let mut push = |key: &str, value: &str| {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    };
    if options.embed {
        push("embed", "1");
    }
    if let Some(lang) = &options.lang {
        push("lang", lang);
    }
    if let Some(accent) = &options.accent {
        push("accent", accent);
    }
    if options.shown.len() != Section::ALL.len() {
        let keys: Vec<&str> = options.shown.iter().map(|s| s.key()).collect();
        push("show", &keys.join(","));
    }
    out
}

/// Does the query carry a scenario? A `v=` marks one written by the app;
/// any other key the model reads (or rejects) counts too.
fn carries_scenario(query: &str) -> Option<(Scenario, Vec<QueryWarning>)> {
    let (scenario, warnings) = Scenario::from_query(query);
    let versioned = pairs(query).any(|(k, _)| k == "v");
    (versioned || !warnings.is_empty() || scenario != Scenario::default()).then_some((scenario, warnings))
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn current_query() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be refused (privacy settings, sandboxed frames): then the
    // app simply does not remember.
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// The scenario to start from: the link's, else the host's preset, else the
/// last one this browser kept, else the defaults; with the link's warnings.
pub fn initial_scenario(query: &str, options: &Options) -> (Scenario, Vec<QueryWarning>) {
    if let Some(found) = carries_scenario(query) {
        return found;
    }
    if let Some(preset) = options.preset {
        return (preset.scenario(), Vec::new());
    }
    let stored = (!options.embed).then(storage).flatten().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    match stored {
        Some(q) => (Scenario::from_query(&q).0, Vec::new()),
        None => (Scenario::default(), Vec::new()),
    }
}

/// Keeps the address bar and the browser's storage in step with the
/// scenario: the history entry is replaced, not added, on every change.
pub fn sync(scenario: &Scenario, options: &Options) {
    let query = scenario.to_query();
    if let Some(w) = window()
        && let Ok(history) = w.history()
    {
        let url = format!("?{query}{}", options_query(options));
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    if !options.embed
        && let Some(s) = storage()
    {
        let _ = s.set_item(STORAGE_KEY, &query);
    }
}

/// The link to send: the full app (never the embedded view) with this
/// scenario and, if one was chosen, the language.
pub fn share_url(scenario: &Scenario, lang: Option<&str>) -> String {
    let location = window().map(|w| w.location());
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let lang = lang.map(|l| format!("&lang={l}")).unwrap_or_default();
    format!("{origin}{path}?{}{lang}", scenario.to_query())
}

pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Sets the host's accent colour on the page.
pub fn apply_accent(accent: &str) {
    let root = window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(style) = root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()).map(|r| r.style()) {
        let _ = style.set_property("--accent", &format!("#{accent}"));
    }
}

/// Embedded: tell the parent page the content's height whenever it changes,
/// so the frame can fit it and never scroll. Posted to the parent only,
/// addressed to its origin when the browser tells it (the referrer).
///
/// Message: `{ "type": "supportcalc:height", "height": <CSS pixels> }`.
pub fn report_height_to_parent() {
    let Some(w) = window() else { return };
    let Some(body) = w.document().and_then(|d| d.body()) else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let target_origin = w
        .document()
        .map(|d| d.referrer())
        .filter(|r| !r.is_empty())
        .and_then(|r| web_sys::Url::new(&r).ok())
        .map(|u| u.origin())
        .unwrap_or_else(|| "*".into());
    let post = move || {
        let height = body.scroll_height();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"supportcalc:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &target_origin);
    };
    post();
    let observed = w.document().and_then(|d| d.body());
    let callback = Closure::<dyn FnMut()>::new(post);
    if let (Ok(observer), Some(target)) =
        (web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()), observed)
    {
        observer.observe(&target);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// The notice for a link whose values could not all be used.
#[component]
pub fn LinkNotice(warnings: Vec<QueryWarning>) -> impl IntoView {
    let open = RwSignal::new(!warnings.is_empty());
    let keys = warnings.iter().map(|w| format!("{} ({})", w.key, w.value)).collect::<Vec<_>>().join(", ");
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status" data-testid="link-notice">
                <p>
                    "Some values in this link could not be used, so their defaults are shown: "
                    <span class="notice-keys">{keys.clone()}</span>
                </p>
                <button type="button" on:click=move |_| open.set(false)>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The "Copy link" button, and the link itself for copying by hand where the
/// clipboard is refused.
#[component]
pub fn CopyLink(lang: Signal<Option<String>>) -> impl IntoView {
    let calc = expect_context::<super::state::Calc>();
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let url = calc.scenario.with_untracked(|s| share_url(s, lang.get_untracked().as_deref()));
        copy_to_clipboard(&url);
        copied.set(Some(url));
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy data-testid="copy-link">"Copy link"</button>
            {move || copied.get().map(|url| view! {
                <span role="status" class="copied">"Copied. "</span>
                <input class="link-text" type="text" readonly aria-label="Link to this scenario" prop:value=url data-testid="link-text" />
            })}
        </div>
    }
}
