//! Bindings to `browser.js`, the page's few calls into the browser.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/browser.js")]
extern "C" {
    pub fn format_number(
        value: f64,
        locale: &str,
        currency: &str,
        digits: i32,
        compact: bool,
        percent: bool,
    ) -> String;
    pub fn preferred_languages() -> String;
    pub fn query() -> String;
    pub fn replace_query(query: &str);
    pub fn base_url() -> String;
    pub fn load(key: &str) -> String;
    pub fn save(key: &str, value: &str);
    pub fn copy_text(text: &str) -> js_sys::Promise;
    pub fn download(filename: &str, mime: &str, text: &str);
    pub fn print_page();
    pub fn set_document_language(lang: &str);
    pub fn set_accent(colour: &str, ink: &str);
    pub fn set_embedded();
    pub fn focus_soon(id: &str);
    pub fn report_height();
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `String(number)`: the shortest text that reads back as
    /// the same number, without Rust's float printer in the wasm.
    #[wasm_bindgen(js_name = String)]
    pub fn js_string(value: f64) -> String;
}
