//! The header the page draws before its wasm, in every language, as JSON:
//! `{"title": ..., "tagline": {"en": ..., ...}}`. scripts/first_screen.mjs
//! puts it in index.html at build time, where src/start.js reads it, so
//! these words have one source: the app's own texts.
//!
//!     cargo run --example first_screen

use supportcalc::i18n::{APP_NAME, Lang};

fn main() {
    let taglines: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|lang| (lang.code().to_owned(), lang.texts().tagline.into()))
        .collect();
    println!(
        "{}",
        serde_json::json!({ "title": APP_NAME, "tagline": taglines })
    );
}
