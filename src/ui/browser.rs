//! The page's few calls into the browser, written in `browser.js`: each is a
//! line or two there and would be a pile of web-sys bindings in the wasm.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The element an event came from: handlers sit on a component's root and
/// read what was clicked or typed in from its `id` and `data-` attributes.
pub fn event_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

/// An attribute of the element an event came from.
pub fn event_data(ev: &web_sys::Event, name: &str) -> Option<String> {
    event_element(ev)?.get_attribute(name)
}

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
    /// The browser's preferred language tags, comma-separated.
    pub fn preferred_languages() -> String;
    /// `location.search`.
    pub fn query() -> String;
    /// Puts `query` in the address bar by `history.replaceState`, so typing
    /// adds no history entries.
    pub fn replace_query(query: &str);
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
    /// `<html lang>`, for screen readers, fonts and hyphenation.
    pub fn set_document_language(lang: &str);
    /// The accent colour and the text colour on it, as CSS custom properties.
    pub fn set_accent(colour: &str, ink: &str);
    /// Marks `<html>` for the compact embed layout.
    pub fn set_embedded();
    /// Focuses an element after the page is drawn again (a language
    /// switch), so the keyboard stays on the control that caused it.
    pub fn focus_soon(id: &str);
    /// In a frame, posts `{type: "supportcalc:height", height}` (CSS px) to
    /// the parent on load and whenever the content height changes (a
    /// ResizeObserver), addressed to the embedding origin from
    /// `document.referrer`, or `*` when the browser withholds it.
    pub fn report_height();
    /// Sets a property (`value`, `checked`, `hidden`, `disabled`,
    /// `innerHTML`) of the element with this id, if it is on the page and
    /// the value differs: the form is markup, updated in place.
    pub fn set_prop(id: &str, name: &str, value: &JsValue);
    /// The text in the input with this id; `None` if it is not on the page.
    pub fn get_value(id: &str) -> Option<String>;
    /// Marks the input with this id valid or not (`aria-invalid` and the
    /// field's `invalid` class) and sets the markup of its note.
    pub fn field_state(id: &str, invalid: bool, note: &str);
    /// Opens or closes the explanation a `?` button controls.
    pub fn toggle_help(button: &JsValue);
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
