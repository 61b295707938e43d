//! The page's calls into the browser. What only the browser offers (Intl,
//! the address bar, storage, clipboard, downloads, postMessage) is a line or
//! two in `browser.js`, where it would be a pile of web-sys bindings in the
//! wasm; the few touches of `<html>` and focus are web-sys, in Rust.
//! `browser.js` is terse and carries no comments (scripts/split.mjs
//! minifies it for release builds, not for `trunk serve`). What each
//! function does, and why a `catch` is empty, is documented here.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/browser.js")]
extern "C" {
    /// `value` formatted by `Intl.NumberFormat` for `locale` (formatters
    /// are cached). `currency`: an ISO code for money, "" for a number.
    /// `digits`: fraction digits, or -1 for the currency's own (2 for USD,
    /// 0 for JPY). `compact`: "12K" style for chart axes. `percent`: reads
    /// `value` as a percentage (80 -> "80%").
    pub fn format_number(
        value: f64,
        locale: &str,
        currency: &str,
        digits: i32,
        compact: bool,
        percent: bool,
    ) -> String;
    /// A month's name (`month` 0 for January) by `Intl.DateTimeFormat`
    /// for `locale`; `style` is its `month` option: "long", "short" or
    /// "narrow". Formatters are cached: making one costs far more than
    /// formatting, and the year's table names every month.
    pub fn month_name(locale: &str, month: u32, style: &str) -> String;
    /// `location.search`.
    pub fn query() -> String;
    /// Puts `query` in the address bar by `history.replaceState`, so typing
    /// adds no history entries.
    pub fn replace_query(query: &str);
    /// Puts `query` in the address bar as a new history entry
    /// (`history.pushState`), unless it is there already.
    pub fn push_query(query: &str);
    /// The page's address without its query: where a shared link points.
    pub fn base_url() -> String;
    /// `localStorage`, which may be missing or refuse (private windows,
    /// sandboxed frames): then nothing is kept, and nothing breaks.
    pub fn load(key: &str) -> String;
    pub fn save(key: &str, value: &str);
    /// Resolves to true once `text` is on the clipboard, false if refused.
    pub fn copy_text(text: &str) -> js_sys::Promise;
    /// Offers `text` as a file download, through a Blob URL.
    pub fn download(filename: &str, mime: &str, text: &str);
    pub fn print_page();
    /// Watches the page's placeholders (`[data-later]`, below.rs): calls
    /// `near(index)` once for each, when it comes within a screen (the
    /// viewport's height) of the viewport; one in a closed `<details>` is
    /// not rendered, so never near until opened. The viewport is the
    /// document's own: in a frame the host sizes to its content, every
    /// section the host opened is near. Calls `print()` before
    /// the page is printed (`beforeprint`), when print media starts to
    /// apply (`matchMedia`, which print emulation and some print previews
    /// change without `beforeprint`), and at once if it applies now.
    pub fn watch_below(near: &js_sys::Function, print: &js_sys::Function);
    /// Whether the stylesheet of the parts after the first screen
    /// (`style/later.css`, named with its integrity on the start script's
    /// tag by scripts/split.mjs) is applied.
    pub fn later_styles_ready() -> bool;
    /// Adds that stylesheet once; resolves to true when it is applied,
    /// false if it could not be fetched (then the next call tries again).
    /// With no such tag (a build that is not split), true at once.
    pub fn later_styles() -> js_sys::Promise;
    /// Today in the reader's time zone as `2026-12-05` (the Swedish
    /// locale writes ISO dates).
    pub fn today() -> String;
    /// In a frame, posts `{type: "supportcalc:height", height}` (CSS px) to
    /// the parent on load and whenever the content height changes (a
    /// ResizeObserver), addressed to the embedding origin from
    /// `document.referrer`, or `*` when the browser withholds it.
    pub fn report_height();
    /// Registers the service worker (`sw.js`, beside the page, so any
    /// path works) that keeps the app for offline use. A browser without
    /// one, or that refuses it (private windows), just goes without.
    pub fn keep_offline();
    /// In a frame, posts `{type, link, recommended, monthly_cost_usd:
    /// {shared, dedicated, combined}, contacts_per_month, lang, currency}`
    /// to the parent (addressed as the height is), after `wait_ms` without
    /// a newer call, or at once for 0. A newer call replaces one waiting.
    #[allow(clippy::too_many_arguments)]
    pub fn tell_parent(
        kind: &str,
        link: &str,
        recommended: &str,
        shared_usd: f64,
        dedicated_usd: f64,
        combined_usd: f64,
        contacts_per_month: f64,
        lang: &str,
        currency: &str,
        wait_ms: u32,
    );
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `String(number)`: the shortest text that reads back as
    /// the same number, without Rust's float printer in the wasm.
    #[wasm_bindgen(js_name = String)]
    pub fn js_string(value: f64) -> String;
    /// `console.error`: where the panic hook writes.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(message: &str);
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `<html>`, which is outside what the app mounts.
fn root() -> Option<web_sys::HtmlElement> {
    document()?.document_element()?.dyn_into().ok()
}

/// `<html lang>`: the language start.js chose, until the app sets it.
pub fn document_language() -> String {
    root().map(|html| html.lang()).unwrap_or_default()
}

/// Takes away the header start.js drew before the wasm, if it is there.
pub fn drop_first_screen() {
    if let Some(header) = document().and_then(|d| d.get_element_by_id("first-screen")) {
        header.remove();
    }
}

/// `<html lang>`, for screen readers, fonts and hyphenation.
pub fn set_document_language(lang: &str) {
    if let Some(html) = root() {
        let _ = html.set_attribute("lang", lang);
    }
}

/// The accent colour and the text colour on it, as CSS custom properties
/// set through the CSSOM, which a strict Content-Security-Policy allows
/// where a `style` attribute would be refused.
pub fn set_accent(colour: &str, ink: &str) {
    if let Some(html) = root() {
        let style = html.style();
        let _ = style.set_property("--accent", colour);
        let _ = style.set_property("--accent-ink", ink);
    }
}

/// Marks `<html>` for the compact embed layout, which also hides parts of
/// the page's static header.
pub fn set_embedded() {
    if let Some(html) = root() {
        html.set_class_name("embed");
    }
}

/// Puts the keyboard on the element with this id, if it is on the page:
/// after a language switch draws the page again, or a row is added or
/// removed, so the keyboard stays where the user is working.
pub fn focus(id: &str) {
    let element = document().and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
